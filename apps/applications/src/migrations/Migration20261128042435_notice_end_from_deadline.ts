import { Migration } from '@mikro-orm/migrations';

export class Migration20261128042435_notice_end_from_deadline extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "applications"."notice" drop column "ends_on", drop column "ends_on_provisional";`);
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "applications"."notice" add column "ends_on" text not null, add column "ends_on_provisional" bool not null;`,
    );
  }
}
