import { Migration } from '@mikro-orm/migrations';

export class Migration20261128130747_deadline_event_version extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "applications"."deadline" add column "event_version" int not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "applications"."deadline" drop column "event_version";`);
  }

}
