import { Migration } from '@mikro-orm/migrations';

export class Migration20261129183024_email extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "notifications"."email_attempt" ("id" uuid not null, "email_id" uuid not null, "attempt" int not null, "outcome" text not null, "response" text null, "error" text null, "message_id" text null, "attempted_at" timestamptz not null, constraint "email_attempt_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "email_attempt_email_id_attempted_at_index" on "notifications"."email_attempt" ("email_id", "attempted_at");`,
    );

    this.addSql(
      `create table "notifications"."email_message" ("id" uuid not null, "notification_id" uuid not null, "organization_id" uuid not null, "kind" text not null, "address" text not null, "language" text not null, "subject" text not null, "text" text not null, "link" text null, "status" text not null default 'pending', "attempts" int not null default 0, "next_attempt_at" timestamptz not null, "lease_until" timestamptz null, "message_id" text null, "sent_at" timestamptz null, "created_at" timestamptz not null, constraint "email_message_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "email_message_notification_id_index" on "notifications"."email_message" ("notification_id");`,
    );
    this.addSql(
      `create index "email_message_status_next_attempt_at_index" on "notifications"."email_message" ("status", "next_attempt_at");`,
    );

    this.addSql(
      `create table "notifications"."email_settings" ("organization_id" uuid not null, "kinds" text[] not null, "addresses" text[] not null, "language" text not null, "updated_by" text not null, "updated_at" timestamptz not null, constraint "email_settings_pkey" primary key ("organization_id"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notifications"."email_attempt" cascade;`);

    this.addSql(`drop table if exists "notifications"."email_message" cascade;`);

    this.addSql(`drop table if exists "notifications"."email_settings" cascade;`);
  }
}
