import 'reflect-metadata';

import { HistoryEntry } from '@tic/platform';
import { createTestDatabase, type TestDatabase } from '@tic/testing';

import { applicationHistory } from '../src/applications/application-history';
import { schemaAt } from './schema-at';

// The last migration before application history moved onto the kit's history_entry.
const BEFORE_MOVE = 'Migration20261128135113_service_kit_and_spine';
const APPLICATION = '00000000-0000-4000-8000-00000000a001';

describe('moving application history onto history_entry', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('history_migration');
  });

  afterAll(async () => {
    await db.drop();
  });

  it('keeps every step with its actor, role, statuses, comment, article and time, in order', async () => {
    const orm = await schemaAt(db, BEFORE_MOVE);
    try {
      await orm.em.getConnection().execute(
        `insert into "applications"."application_history"
           ("application_id", "at", "actor_id", "actor_name", "role", "action", "from_status", "to_status", "comment", "article")
         values
           ('${APPLICATION}', '2026-03-02T01:00:00Z', 'cu-1', '建设单位', 'construction_unit', 'submit', 'draft', 'supporting_review', null, '第十三条第（一）项'),
           ('${APPLICATION}', '2026-03-03T01:00:00Z', 'su-1', '依托单位科技处', 'supporting_unit', 'return', 'supporting_review', 'draft', '请补充共建协议', '第十三条第（一）项')`,
      );
      await orm.migrator.up();

      const history = await applicationHistory(orm.em.fork(), APPLICATION);
      expect(history).toEqual([
        {
          at: '2026-03-02T01:00:00.000Z',
          actorName: '建设单位',
          role: 'construction_unit',
          action: 'submit',
          from: 'draft',
          to: 'supporting_review',
          comment: null,
          article: '第十三条第（一）项',
        },
        {
          at: '2026-03-03T01:00:00.000Z',
          actorName: '依托单位科技处',
          role: 'supporting_unit',
          action: 'return',
          from: 'supporting_review',
          to: 'draft',
          comment: '请补充共建协议',
          article: '第十三条第（一）项',
        },
      ]);
      const rows = await orm.em.fork().find(HistoryEntry, { aggregateId: APPLICATION }, { orderBy: { at: 'asc' } });
      expect(rows.map((r) => [r.aggregateType, r.aggregateVersion, r.actorUserId])).toEqual([
        ['application', 1, 'cu-1'],
        ['application', 2, 'su-1'],
      ]);
      const [table] = await orm.em
        .getConnection()
        .execute(`select to_regclass('applications.application_history') as "name"`);
      expect(table).toEqual({ name: null });
    } finally {
      await orm.close();
    }
  });
});
