import { Migration } from '@mikro-orm/migrations';

// Application history moves onto the kit's history_entry (A13: who, in which role, when, from, to,
// comment, article). The version each old step produced was not recorded; its rank among the
// application's steps keeps their order, and is below any version a later command writes.
export class Migration20261128155436_history_onto_kit extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "applications"."history_entry" add column "actor_role" text null, add column "comment" text null, add column "article" text null;`,
    );
    this.addSql(
      `insert into "applications"."history_entry" ("id", "aggregate_type", "aggregate_id", "aggregate_version", "action", "from_status", "to_status", "actor_user_id", "actor_name", "actor_role", "comment", "article", "findings", "correlation_id", "at") select gen_random_uuid(), 'application', "application_id", row_number() over (partition by "application_id" order by "seq"), "action", "from_status", "to_status", "actor_id", "actor_name", "role", "comment", "article", '[]'::jsonb, null, "at" from "applications"."application_history";`,
    );
    this.addSql(`drop table if exists "applications"."application_history" cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(
      `create table "applications"."application_history" ("seq" bigserial primary key, "application_id" uuid not null, "at" timestamptz(6) not null, "actor_id" text not null, "actor_name" text not null, "role" text not null, "action" text not null, "from_status" text not null, "to_status" text not null, "comment" text null, "article" text not null);`,
    );
    this.addSql(
      `create index "application_history_application_id_seq_index" on "applications"."application_history" ("application_id", "seq");`,
    );
    this.addSql(
      `insert into "applications"."application_history" ("application_id", "at", "actor_id", "actor_name", "role", "action", "from_status", "to_status", "comment", "article") select "aggregate_id", "at", coalesce("actor_user_id", ''), coalesce("actor_name", ''), coalesce("actor_role", ''), "action", "from_status", "to_status", "comment", coalesce("article", '') from "applications"."history_entry" where "aggregate_type" = 'application' order by "aggregate_id", "aggregate_version", "at", "id";`,
    );
    this.addSql(`delete from "applications"."history_entry" where "aggregate_type" = 'application';`);
    this.addSql(
      `alter table "applications"."history_entry" drop column "actor_role", drop column "comment", drop column "article";`,
    );
  }
}
