import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';

import type { CenterStatistics, ExportCenters, PublicCenterDto } from '@tic/contracts';
import { type CenterStatus } from '@tic/domain';
import { type Caller, requireAccess } from '@tic/platform';

import { Center } from '../centers/center.entity';
import { workbookFile } from '../exports/workbook-file';
import { directoryWhere, publicCenters } from './public-directory.service';

export const CENTER_STATUS_ZH: Record<CenterStatus, string> = {
  preparing: '筹建中',
  operating: '运行中',
  rectifying: '整改中',
  revoked: '已撤销',
  terminated: '已终止',
  graduated: '已升级为国家或部委平台',
};
const GRADE_ZH: Record<string, string> = { excellent: '优秀', good: '良好', basic_pass: '基本合格', fail: '不合格' };
type Bucket = { key: string; name?: string; count: number };

/** DST's and the committee office's views of the whole registry: the workbook and the statistics, from the same rows. */
@Injectable()
export class CenterRegistryExportService {
  constructor(private readonly entityManager: EntityManager) {}

  async export(filters: z.output<typeof ExportCenters.request>, caller: Caller) {
    requireAccess(caller, 'center.export', { kind: 'center' });
    const centers = await this.registry(filters);
    const file = await workbookFile(
      '技术创新中心名录',
      [
        { header: '中心编号', key: 'id', width: 38 },
        { header: '中心名称', key: 'nameZh', width: 36 },
        { header: '英文名称', key: 'nameEn', width: 48 },
        { header: '领域（方向）', key: 'field', width: 20 },
        { header: '依托单位', key: 'supportingUnit', width: 30 },
        { header: '所在城市', key: 'city', width: 10 },
        { header: '状态', key: 'status', width: 12 },
        { header: '批准日期', key: 'establishedOn', width: 12 },
        { header: '最近评估等级', key: 'grade', width: 12 },
      ],
      centers.map((c) => ({
        id: c.id,
        nameZh: c.name.zh,
        nameEn: c.name.en,
        field: c.field.zh,
        supportingUnit: c.supportingUnit,
        city: c.city?.name.zh ?? '省直',
        status: CENTER_STATUS_ZH[c.status],
        establishedOn: c.establishedOn,
        grade: c.lastEvaluation ? (GRADE_ZH[c.lastEvaluation.grade] ?? c.lastEvaluation.grade) : '',
      })),
    );
    return { fileName: `centers-${new Date().toISOString().slice(0, 10)}.xlsx`, ...file };
  }

  async statistics(_: z.output<typeof CenterStatistics.request>, caller: Caller) {
    requireAccess(caller, 'center.export', { kind: 'center' });
    const centers = await this.registry({});
    return {
      total: centers.length,
      byCity: count(centers, (c) => ({ key: c.city?.code ?? '21', name: c.city?.name.zh ?? '省直' })),
      byField: count(centers, (c) => ({ key: c.field.zh })),
      byStatus: count(centers, (c) => ({ key: c.status, name: CENTER_STATUS_ZH[c.status] })),
      byYear: count(centers, (c) => ({ key: c.establishedOn.slice(0, 4) })),
    };
  }

  private async registry(filters: z.output<typeof ExportCenters.request>): Promise<PublicCenterDto[]> {
    const em = this.entityManager.fork();
    const rows = await em
      .getRepository(Center)
      .find(directoryWhere(filters), { orderBy: { establishedOn: 'asc', id: 'asc' } });
    return publicCenters(em, rows);
  }
}

/** The centers counted by one key, in key order. */
function count(centers: readonly PublicCenterDto[], keyOf: (c: PublicCenterDto) => Omit<Bucket, 'count'>): Bucket[] {
  const buckets = new Map<string, Bucket>();
  for (const center of centers) {
    const { key, name } = keyOf(center);
    const bucket = buckets.get(key) ?? { key, ...(name === undefined ? {} : { name }), count: 0 };
    bucket.count += 1;
    buckets.set(key, bucket);
  }
  return [...buckets.values()].sort((a, b) => a.key.localeCompare(b.key));
}
