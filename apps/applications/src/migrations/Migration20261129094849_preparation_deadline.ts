import { Migration } from '@mikro-orm/migrations';

// A12 last paragraph: the preparation period becomes a D-preparation deadline row (reminders, overdue
// event, recomputed when a year's calendar is loaded) instead of a date column on the center.
export class Migration20261129094849_preparation_deadline extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "applications"."center" add column "preparation_deadline_id" uuid null;`);
    // Every center with a preparation end gets its deadline row: pending while it is still preparing,
    // completed once it has left preparation (an evaluation decided it), so that nothing fires late.
    this.addSql(`
      with moved as (
        select c.id as center_id, gen_random_uuid() as deadline_id, c.established_on::date as start_on,
               c.preparation_ends_on::date as due_on, coalesce(c.preparation_ends_on_provisional, false) as provisional,
               c.status = 'preparing' as pending
          from "applications"."center" c
         where c.preparation_ends_on is not null
      ), inserted as (
        insert into "applications"."deadline"
          ("id", "kind", "subject_id", "center_id", "start_on", "length", "due_on", "provisional",
           "reminder_days_before", "state", "completed_at", "created_at")
        select deadline_id, 'D-preparation', center_id, center_id, start_on, '{"years":1}'::jsonb, due_on, provisional,
               '[30,7,1]'::jsonb, case when pending then 'pending' else 'completed' end,
               case when pending then null else now() end, now()
          from moved
        returning "id", "subject_id", "due_on", "state"
      ), reminders as (
        insert into "applications"."deadline_reminder" ("deadline_id", "days_before", "remind_on")
        select i."id", d.days, i."due_on" - d.days
          from inserted i cross join (values (30), (7), (1)) as d(days)
         where i."state" = 'pending' and i."due_on" - d.days >= (now() at time zone 'Asia/Shanghai')::date
        returning 1
      )
      update "applications"."center" c set "preparation_deadline_id" = i."id" from inserted i where c.id = i."subject_id";
    `);
    this.addSql(
      `alter table "applications"."center" drop column "preparation_ends_on", drop column "preparation_ends_on_provisional";`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "applications"."center" add column "preparation_ends_on" text null, add column "preparation_ends_on_provisional" bool null;`,
    );
    this.addSql(`
      update "applications"."center" c
         set "preparation_ends_on" = to_char(d."due_on", 'YYYY-MM-DD'), "preparation_ends_on_provisional" = d."provisional"
        from "applications"."deadline" d
       where d."id" = c."preparation_deadline_id";
    `);
    this.addSql(`alter table "applications"."center" drop column "preparation_deadline_id";`);
  }
}
