import { Migration } from '@mikro-orm/migrations';

// Issue 9: each user's daily volume of roster lines checked and of people registered or appointed by number.
// Named after deadline_event_versions so that it sorts (and runs) after it.
export class Migration20261129093538_usage_quotas extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "personnel"."usage_window" ("user_id" text not null, "quota" text not null, "day" date not null, "used" int not null, "last_used_at" timestamptz not null, constraint "usage_window_pkey" primary key ("user_id", "quota", "day"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "personnel"."usage_window" cascade;`);
  }
}
