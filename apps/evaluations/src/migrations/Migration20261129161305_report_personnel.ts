import { Migration } from '@mikro-orm/migrations';

export class Migration20261129161305_report_personnel extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "evaluations"."annual_report" add column "personnel" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "evaluations"."annual_report" drop column "personnel";`);
  }
}
