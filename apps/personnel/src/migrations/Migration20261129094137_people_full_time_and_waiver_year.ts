import { Migration } from '@mikro-orm/migrations';

// Issue 10. A15: full-time employment is a fact the employer records on the person; people already
// registered keep counting as full-time, as the appointments' kind made them before, until their employer
// says otherwise. A center-level waiver lasts one year from its grant (DOMAIN.md §3): a waiver already
// recorded is dated by the day it was recorded in Shanghai, and one rule may be waived again after its
// year, so (platform, rule) is no longer unique.
export class Migration20261129094137_people_full_time_and_waiver_year extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "personnel"."center_waiver" drop constraint "center_waiver_platform_id_rule_unique";`);
    this.addSql(`alter table "personnel"."center_waiver" add column "granted_on" date null;`);
    this.addSql(
      `update "personnel"."center_waiver" set "granted_on" = ("recorded_at" at time zone 'Asia/Shanghai')::date;`,
    );
    this.addSql(`alter table "personnel"."center_waiver" alter column "granted_on" set not null;`);
    this.addSql(
      `create index "center_waiver_platform_id_rule_index" on "personnel"."center_waiver" ("platform_id", "rule");`,
    );
    this.addSql(`alter table "personnel"."person" add column "full_time" boolean not null default true;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "personnel"."center_waiver_platform_id_rule_index";`);
    this.addSql(`alter table "personnel"."center_waiver" drop column "granted_on";`);
    this.addSql(
      `alter table "personnel"."center_waiver" add constraint "center_waiver_platform_id_rule_unique" unique ("platform_id", "rule");`,
    );
    this.addSql(`alter table "personnel"."person" drop column "full_time";`);
  }
}
