import { Migration } from '@mikro-orm/migrations';

// The duplicate check reads the appointment's id and end date too; with them in the index it is an
// index-only scan, with no table page read per match (measured in bench/: about one page per match).
export class Migration20261128060500_covering_fixed_posts_index extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index if exists "personnel"."appointment_fixed_posts_idx";`);
    this.addSql(
      `create index "appointment_fixed_posts_idx" on "personnel"."appointment" ("person_id") include ("platform_id", "starts_on", "role", "id", "ends_on") where "kind" = 'fixed' and "status" <> 'ended';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "personnel"."appointment_fixed_posts_idx";`);
    this.addSql(
      `create index "appointment_fixed_posts_idx" on "personnel"."appointment" ("person_id") include ("platform_id", "starts_on", "role") where "kind" = 'fixed' and "status" <> 'ended';`,
    );
  }
}
