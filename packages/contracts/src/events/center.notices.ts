import type { CenterStatus } from '@tic/domain';

import { notice, type NoticeTemplates } from '../notices/notice';

type Told =
  | 'tic.center.renamed'
  | 'tic.center.direction_changed'
  | 'tic.center.units_changed'
  | 'tic.center.status_changed'
  | 'tic.center.revoked'
  | 'tic.center.graduated'
  | 'tic.center.preparation_overdue';

const center = (id: string) => `/centers/${id}`;

const STATUS_NAMES: Record<CenterStatus, readonly [zh: string, en: string]> = {
  preparing: ['筹建', 'in preparation'],
  operating: ['运行', 'operating'],
  rectifying: ['整改', 'rectifying'],
  revoked: ['撤销', 'revoked'],
  terminated: ['终止', 'terminated'],
  graduated: ['转为国家或部级平台', 'graduated'],
};

/** A26, A31, A33, A12: what changes in a center's standing tells its units (and DST where it waits on DST). */
export const CENTER_NOTICES: NoticeTemplates<Told> = {
  'tic.center.renamed': (d) =>
    notice(
      [`更名已备案：${d.name.zh}`, `Renaming filed: ${d.name.en}`],
      [
        `中心由“${d.previousName.zh}”更名为“${d.name.zh}”，已向省科技厅备案（第二十六条）。`,
        `The center, formerly “${d.previousName.en}”, is now “${d.name.en}”; the change is filed with DST (A26).`,
      ],
      `/changes/${d.changeId}`,
    ),
  'tic.center.direction_changed': (d) =>
    notice(
      [`研究方向变更已备案：${d.name.zh}`, `Change of direction filed: ${d.name.en}`],
      [
        `中心主要研究方向由“${d.previousField.zh}”调整为“${d.field.zh}”，已备案（第二十六条）。`,
        `The center’s main direction moved from “${d.previousField.en}” to “${d.field.en}”; the change is filed (A26).`,
      ],
      `/changes/${d.changeId}`,
    ),
  'tic.center.units_changed': (d) =>
    notice(
      [`依托/共建单位调整已备案：${d.name.zh}`, `Change of units filed: ${d.name.en}`],
      [
        '中心依托单位或共建单位的重大调整已向省科技厅备案（第二十六条）。',
        'A major adjustment of the center’s supporting or co-building units is filed with DST (A26).',
      ],
      `/changes/${d.changeId}`,
    ),
  'tic.center.status_changed': (d) =>
    notice(
      [`中心状态变更：${d.name.zh}`, `Center status changed: ${d.name.en}`],
      [
        `中心状态由“${STATUS_NAMES[d.from][0]}”变为“${STATUS_NAMES[d.to][0]}”（${d.article}）。${d.reason ?? ''}`,
        `The center moved from ${STATUS_NAMES[d.from][1]} to ${STATUS_NAMES[d.to][1]} (${d.article}). ${d.reason ?? ''}`.trimEnd(),
      ],
      center(d.centerId),
    ),
  'tic.center.revoked': (d) =>
    notice(
      [`已撤销：${d.name.zh}`, `Revoked: ${d.name.en}`],
      [
        `省科技厅依据${d.article}撤销了该中心（${d.revokedOn}）。理由：${d.reason}`,
        `DST revoked the center under ${d.article} on ${d.revokedOn}. Reason: ${d.reason}`,
      ],
      d.caseId === undefined ? center(d.centerId) : `/revocations/${d.caseId}`,
    ),
  'tic.center.graduated': (d) =>
    notice(
      [`已转为国家或部级平台：${d.name.zh}`, `Graduated: ${d.name.en}`],
      [
        `中心已成为${d.nationalPlatform}，不再保留省级牌子（第三十三条）。`,
        `The center became ${d.nationalPlatform} and no longer keeps the provincial plaque (A33).`,
      ],
      center(d.centerId),
    ),
  'tic.center.preparation_overdue': (d) =>
    notice(
      [`筹建期已满：${d.name.zh}`, `Preparation period over: ${d.name.en}`],
      [
        `筹建期已于${d.preparationEndedOn}届满，请省科技厅组织评估，决定转入正式管理或终止（第十二条）。`,
        `The preparation period ended on ${d.preparationEndedOn}: DST evaluates the center to move it into formal management or end it (A12).`,
      ],
      center(d.centerId),
    ),
};
