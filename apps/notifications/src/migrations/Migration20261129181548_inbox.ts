import { Migration } from '@mikro-orm/migrations';

export class Migration20261129181548_inbox extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "notifications"."notification" ("id" uuid not null, "organization_id" uuid not null, "user_id" text null, "kind" text not null, "event_id" uuid null, "center_id" uuid null, "title" jsonb not null, "body" jsonb not null, "link" text null, "read_at" timestamptz null, "created_at" timestamptz not null, constraint "notification_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "notification_organization_id_created_at_index" on "notifications"."notification" ("organization_id", "created_at");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notifications"."notification" cascade;`);
  }
}
