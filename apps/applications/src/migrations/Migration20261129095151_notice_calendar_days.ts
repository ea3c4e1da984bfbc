import { Migration } from '@mikro-orm/migrations';

export class Migration20261129095151_notice_calendar_days extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "applications"."notice" add column "calendar_days" int null;`);
    this.addSql(
      `alter table "applications"."notice" alter column "working_days" type int using ("working_days"::int);`,
    );
    this.addSql(`alter table "applications"."notice" alter column "working_days" drop not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "applications"."notice" drop column "calendar_days";`);

    this.addSql(
      `alter table "applications"."notice" alter column "working_days" type int4 using ("working_days"::int4);`,
    );
    this.addSql(`alter table "applications"."notice" alter column "working_days" set not null;`);
  }
}
