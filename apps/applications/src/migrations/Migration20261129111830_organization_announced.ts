import { Migration } from '@mikro-orm/migrations';

export class Migration20261129111830_organization_announced extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "applications"."organization" add column "announced_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "applications"."organization" drop column "announced_at";`);
  }
}
