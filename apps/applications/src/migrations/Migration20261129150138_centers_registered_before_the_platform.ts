import { Migration } from '@mikro-orm/migrations';

export class Migration20261129150138_centers_registered_before_the_platform extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "applications"."center" add column "approval_document" text null;`);
    this.addSql(`alter table "applications"."center" alter column "application_id" drop not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "applications"."center" drop column "approval_document";`);
    this.addSql(`alter table "applications"."center" alter column "application_id" set not null;`);
  }
}
