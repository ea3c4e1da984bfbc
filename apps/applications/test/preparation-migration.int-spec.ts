import 'reflect-metadata';

import { createTestDatabase, type TestDatabase } from '@tic/testing';

import { schemaAt } from './schema-at';

// The last migration while the preparation end was a date column of the center.
const BEFORE_MOVE = 'Migration20261129090000_deadline_event_versions';
const PREPARING = '00000000-0000-4000-8000-00000000c001';
const OPERATING = '00000000-0000-4000-8000-00000000c002';

describe('A12: the preparation end column becomes D-preparation deadline rows', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('preparation_migration');
  });

  afterAll(async () => {
    await db.drop();
  });

  it('gives a preparing center a pending deadline with its reminders, and one that left preparation a completed one', async () => {
    const orm = await schemaAt(db, BEFORE_MOVE);
    try {
      const sql = (query: string) => orm.em.getConnection().execute(query);
      const center = (id: string, status: string, establishedOn: string, endsOn: string) =>
        `('${id}', now(), '辽宁省${id.slice(-1)}技术创新中心', 'Center ${id.slice(-1)}', '领域${id.slice(-1)}', 'Field', '${status}',
          'preparation', gen_random_uuid(), gen_random_uuid(), '[]', gen_random_uuid(), gen_random_uuid(), '210102',
          '${establishedOn}', '${endsOn}', true)`;
      await sql(
        `insert into "applications"."center" ("id", "created_at", "name_zh", "name_en", "field_zh", "field_en", "status",
           "track", "application_id", "supporting_unit_id", "co_builder_ids", "construction_unit_id", "recommender_id",
           "region_code", "established_on", "preparation_ends_on", "preparation_ends_on_provisional")
         values ${center(PREPARING, 'preparing', '2099-03-02', '2100-03-02')}, ${center(OPERATING, 'operating', '2025-03-03', '2026-03-03')}`,
      );
      await orm.migrator.up();

      const rows = await sql(
        `select c.id as center, d.kind, to_char(d.start_on, 'YYYY-MM-DD') as start_on, to_char(d.due_on, 'YYYY-MM-DD') as due_on,
                d.provisional, d.state, d.length, d.reminder_days_before,
                (select json_agg(to_char(r.remind_on, 'YYYY-MM-DD') order by r.days_before desc)
                   from "applications"."deadline_reminder" r where r.deadline_id = d.id) as reminders
           from "applications"."center" c join "applications"."deadline" d on d.id = c.preparation_deadline_id
          order by c.id`,
      );
      expect(rows).toEqual([
        {
          center: PREPARING,
          kind: 'D-preparation',
          start_on: '2099-03-02',
          due_on: '2100-03-02',
          provisional: true,
          state: 'pending',
          length: { years: 1 },
          reminder_days_before: [30, 7, 1],
          reminders: ['2100-01-31', '2100-02-23', '2100-03-01'],
        },
        {
          center: OPERATING,
          kind: 'D-preparation',
          start_on: '2025-03-03',
          due_on: '2026-03-03',
          provisional: true,
          state: 'completed',
          length: { years: 1 },
          reminder_days_before: [30, 7, 1],
          reminders: null,
        },
      ]);
      const columns = await sql(
        `select column_name from information_schema.columns
          where table_schema = 'applications' and table_name = 'center' and column_name like 'preparation%'`,
      );
      expect(columns).toEqual([{ column_name: 'preparation_deadline_id' }]);
    } finally {
      await orm.close();
    }
  });
});
