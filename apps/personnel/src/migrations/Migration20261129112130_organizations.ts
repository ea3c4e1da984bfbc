import { Migration } from '@mikro-orm/migrations';

export class Migration20261129112130_organizations extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "personnel"."organization" ("id" uuid not null, "parent_id" uuid null, "name" text not null, constraint "organization_pkey" primary key ("id"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "personnel"."organization" cascade;`);
  }
}
