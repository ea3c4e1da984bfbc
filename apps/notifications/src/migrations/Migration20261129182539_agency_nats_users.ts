import { Migration } from '@mikro-orm/migrations';

export class Migration20261129182539_agency_nats_users extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "notifications"."agency_nats_user" ("org_id" uuid not null, "user_name" text not null, "password_hash" text not null, "created_by" text not null, "created_at" timestamptz not null, "revoked_at" timestamptz null, constraint "agency_nats_user_pkey" primary key ("org_id"));`,
    );
    this.addSql(
      `alter table "notifications"."agency_nats_user" add constraint "agency_nats_user_user_name_unique" unique ("user_name");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notifications"."agency_nats_user" cascade;`);
  }
}
