import { Migration } from '@mikro-orm/migrations';

export class Migration20261129182542_webhooks extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "notifications"."webhook_attempt" ("id" bigserial primary key, "delivery_id" bigint not null, "subscription_id" uuid not null, "attempted_at" timestamptz not null, "status_code" int null, "duration_ms" int not null, "error" text null);`,
    );
    this.addSql(
      `create index "webhook_attempt_delivery_id_id_index" on "notifications"."webhook_attempt" ("delivery_id", "id");`,
    );

    this.addSql(
      `create table "notifications"."webhook_delivery" ("id" bigserial primary key, "subscription_id" uuid not null, "position" bigint not null, "event_id" uuid not null, "event_type" text not null, "ordering_key" text not null, "status" text not null default 'pending', "attempts" int not null default 0, "next_attempt_at" timestamptz not null, "lease_until" timestamptz null, "lease_token" uuid null, "first_failed_at" timestamptz null, "delivered_at" timestamptz null, "created_at" timestamptz not null);`,
    );
    this.addSql(
      `create index "webhook_delivery_subscription_id_id_index" on "notifications"."webhook_delivery" ("subscription_id", "id");`,
    );
    this.addSql(
      `create index "webhook_delivery_pending_head_index" on "notifications"."webhook_delivery" ("subscription_id", "ordering_key", "position", "id") where "status" = 'pending';`,
    );

    this.addSql(
      `create table "notifications"."webhook_subscription" ("id" uuid not null, "version" int not null default 1, "event_version" int not null default 0, "created_at" timestamptz not null, "organization_id" uuid not null, "owner_role" text not null, "url" text not null, "description" text not null, "types" text[] not null, "center_ids" text[] not null, "city_codes" text[] not null, "status" text not null default 'active', "disabled_reason" text null, "disabled_at" timestamptz null, "secret" text not null, "previous_secret" text null, "previous_secret_valid_until" timestamptz null, "failing_since" timestamptz null, "updated_at" timestamptz not null, constraint "webhook_subscription_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "webhook_subscription_organization_id_id_index" on "notifications"."webhook_subscription" ("organization_id", "id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notifications"."webhook_attempt" cascade;`);

    this.addSql(`drop table if exists "notifications"."webhook_delivery" cascade;`);

    this.addSql(`drop table if exists "notifications"."webhook_subscription" cascade;`);
  }
}
