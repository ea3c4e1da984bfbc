import { Migration } from '@mikro-orm/migrations';

/** A26: change reports of centers, and the names a center bore before a renaming. */
export class Migration20261129124500_center_changes extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "applications"."center_change" ("id" uuid not null, "version" int not null default 1, "event_version" int not null default 0, "created_at" timestamptz not null, "center_id" uuid not null, "status" text not null default 'draft', "decided_on" text not null, "report_ref" text not null, "description" text not null default '', "rename" jsonb null, "direction" jsonb null, "reorganization" jsonb null, "committee_review_on" text null, "filing_deadline_id" uuid null, "filed_on" text null, "previous" jsonb null, "updated_at" timestamptz not null, constraint "center_change_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "center_change_center_id_index" on "applications"."center_change" ("center_id");`);
    this.addSql(`create index "center_change_status_index" on "applications"."center_change" ("status");`);

    // A26: the names a center bore before a filed renaming; none for the centers there are.
    this.addSql(`alter table "applications"."center" add column "previous_names" jsonb not null default '[]';`);
    this.addSql(`alter table "applications"."center" alter column "previous_names" drop default;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "applications"."center_change" cascade;`);

    this.addSql(`alter table "applications"."center" drop column "previous_names";`);
  }
}
