import 'reflect-metadata';

import { createTestDatabase, type TestDatabase } from '@tic/testing';

import { schemaAt } from './schema-at';

// The last migration before A37's unique names.
const BEFORE_UNIQUE_NAMES = 'Migration20261129094426_organization_domicile';

const center = (n: number, nameZh: string, nameEn: string, status: string, establishedOn: string) =>
  `('00000000-0000-4000-8000-00000000c00${n}', '${nameZh}', '${nameEn}', '智能制造', 'Intelligent Manufacturing',
    '${status}', 'formal', '00000000-0000-4000-8000-00000000a00${n}', '00000000-0000-4000-8000-000000000001', '[]',
    '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003', '210102', '${establishedOn}', now())`;

describe('A37 unique names on a database that already holds a name twice', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('names_migration');
  });

  afterAll(async () => {
    await db.drop();
  });

  it('keeps the oldest center’s name, marks the later live ones for DST to rename, and leaves a revoked one alone', async () => {
    const orm = await schemaAt(db, BEFORE_UNIQUE_NAMES);
    try {
      const connection = orm.em.getConnection();
      const zh = '辽宁省智能制造技术创新中心';
      const en = 'Liaoning Technology Innovation Center for Intelligent Manufacturing';
      await connection.execute(
        `insert into "applications"."center" ("id", "name_zh", "name_en", "field_zh", "field_en", "status", "track",
           "application_id", "supporting_unit_id", "co_builder_ids", "construction_unit_id", "recommender_id",
           "region_code", "established_on", "created_at")
         values ${[
           center(1, zh, en, 'operating', '2026-05-01'),
           center(2, zh, en.toLowerCase(), 'preparing', '2026-06-01'),
           center(3, zh, en, 'revoked', '2026-01-01'),
           center(4, '辽宁省海洋工程技术创新中心', en.toUpperCase(), 'operating', '2026-07-01'),
         ].join(', ')}`,
      );
      await orm.migrator.up();

      const rows = await connection.execute<{ id: string; name_zh: string; name_en: string }[]>(
        `select "id", "name_zh", "name_en" from "applications"."center" order by "id"`,
      );
      expect(rows.map((r) => [r.name_zh, r.name_en])).toEqual([
        [zh, en],
        [
          `${zh}（重名待更名00000000-0000-4000-8000-00000000c002）`,
          `${en.toLowerCase()} (duplicate, to be renamed 00000000-0000-4000-8000-00000000c002)`,
        ],
        [zh, en],
        [
          '辽宁省海洋工程技术创新中心',
          `${en.toUpperCase()} (duplicate, to be renamed 00000000-0000-4000-8000-00000000c004)`,
        ],
      ]);
    } finally {
      await orm.close();
    }
  });
});
