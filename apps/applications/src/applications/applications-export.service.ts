import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';

import type { ExportApplications } from '@tic/contracts';
import { centerName } from '@tic/domain';
import { type Caller, requireAccess } from '@tic/platform';

import { workbookFile } from '../exports/workbook-file';
import { Organization } from '../organizations/organization.entity';
import { ApplicationsService } from './applications.service';

const STATUS_ZH: Record<string, string> = {
  draft: '草稿',
  supporting_review: '依托单位审核',
  recommender_review: '推荐单位审核',
  formal_review: '形式审查',
  expert_review: '专家评审',
  shortlisted: '拟建名单',
  public_notice: '公示中',
  objection_review: '异议审查',
  approved: '已批准',
  filed: '已备案',
  rejected: '未通过',
  withdrawn: '已撤回',
};
const PAGE = 200;

/** DST's Excel export of a filtered list of applications. */
@Injectable()
export class ApplicationsExportService {
  constructor(
    private readonly entityManager: EntityManager,
    private readonly applications: ApplicationsService,
  ) {}

  async export(filters: z.output<typeof ExportApplications.request>, caller: Caller) {
    requireAccess(caller, 'application.export', { kind: 'call' });
    const rows = [];
    for (let cursor: string | undefined; ;) {
      const page = await this.applications.list({ ...filters, limit: PAGE, ...(cursor ? { cursor } : {}) }, caller);
      rows.push(...page.items);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    const em = this.entityManager.fork();
    const orgIds = [...new Set(rows.flatMap((r) => [r.supportingUnitId, r.recommenderId]))];
    const names = await em.getRepository(Organization).namesOf(orgIds);

    const file = await workbookFile(
      '申报列表',
      [
        { header: '申报编号', key: 'id', width: 38 },
        { header: '状态', key: 'status', width: 14 },
        { header: '拟命名', key: 'name', width: 36 },
        { header: '领域（英文）', key: 'fieldEn', width: 30 },
        { header: '依托单位', key: 'supportingUnit', width: 30 },
        { header: '推荐单位', key: 'recommender', width: 24 },
        { header: '行政区划', key: 'regionCode', width: 10 },
        { header: '申报路径', key: 'track', width: 10 },
        { header: '更新时间', key: 'updatedAt', width: 22 },
      ],
      rows.map((row) => ({
        id: row.id,
        status: STATUS_ZH[row.status] ?? row.status,
        name: centerName(row.field).zh,
        fieldEn: row.field.en,
        supportingUnit: names.get(row.supportingUnitId) ?? '',
        recommender: names.get(row.recommenderId) ?? '',
        regionCode: row.regionCode,
        track: row.requestedTrack === 'preparation' ? '筹建' : '正式',
        updatedAt: row.updatedAt,
      })),
    );
    return { fileName: `applications-${new Date().toISOString().slice(0, 10)}.xlsx`, ...file };
  }
}
