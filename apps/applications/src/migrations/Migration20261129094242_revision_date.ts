import { Migration } from '@mikro-orm/migrations';

export class Migration20261129094242_revision_date extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "applications"."application" add column "returned_on" text null, add column "revise_by" text null;`,
    );
    // A11: an application returned before this column existed is a resubmission too; its history says when.
    this.addSql(
      `update "applications"."application" a set "returned_on" = to_char(h.at at time zone 'Asia/Shanghai', 'YYYY-MM-DD')
       from (select "aggregate_id", max("at") as at from "applications"."history_entry"
             where "aggregate_type" = 'application' and "action" = 'return' group by "aggregate_id") h
       where h."aggregate_id" = a."id";`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "applications"."application" drop column "returned_on", drop column "revise_by";`);
  }
}
