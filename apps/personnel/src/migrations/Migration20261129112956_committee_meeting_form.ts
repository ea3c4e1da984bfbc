import { Migration } from '@mikro-orm/migrations';

// Issue 10, A15: a director's review is a meeting of the management committee or a written review by its
// members; only meetings count towards A16's and A17's yearly meetings. Every record so far was a meeting.
export class Migration20261129112956_committee_meeting_form extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "personnel"."committee_meeting" add column "form" text not null default 'meeting';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "personnel"."committee_meeting" drop column "form";`);
  }
}
