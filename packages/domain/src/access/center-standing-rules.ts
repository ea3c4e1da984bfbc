import type { AccessRule } from './access-rules';

const byDst = (code: string, zh: string, en: string, article: string): AccessRule => ({
  grants: { dst_admin: 'any' },
  code,
  message: { zh, en },
  article,
});

/**
 * A31, A33, A12: who acts on a center's standing. DST opens, decides and files revocations, records a
 * graduation and ends a preparation; the supporting unit gives up the qualification (A31(五)) and answers
 * a case against its center.
 */
export const CENTER_STANDING_RULES = {
  'revocation.open': byDst(
    'revocation.opened_by_dst',
    '撤销案件由省科技厅立案',
    'DST opens revocation cases',
    '第三十一条',
  ),
  'revocation.give_up': {
    grants: { supporting_unit: ['supportingUnitId'] },
    code: 'revocation.given_up_by_supporting_unit',
    message: {
      zh: '放弃技术创新中心资格由依托单位申请',
      en: 'The supporting unit applies to give up the qualification',
    },
    article: '第三十一条第（五）项',
  },
  'revocation.answer': {
    grants: { supporting_unit: ['supportingUnitId'] },
    code: 'revocation.answered_by_supporting_unit',
    message: { zh: '由依托单位陈述意见', en: 'The supporting unit answers for its center' },
    article: '第三十一条',
  },
  'revocation.decide': byDst(
    'revocation.decided_by_dst',
    '撤销由省科技厅决定',
    'DST decides revocations',
    '第三十一条',
  ),
  'revocation.file': byDst(
    'revocation.filed_by_dst',
    '撤销由省科技厅报省委科技委办公室备案',
    'DST files revocations with the committee office',
    '第三十一条',
  ),
  'center.graduate': byDst(
    'center.graduated_by_dst',
    '由省科技厅记录成为国家级、部级平台',
    'DST records a graduation',
    '第三十三条',
  ),
  'center.end_preparation': byDst(
    'center.preparation_ended_by_dst',
    '筹建期满由省科技厅决定转入序列管理或终止',
    'DST decides the end of a preparation',
    '第十二条',
  ),
  'center.register_existing': {
    ...byDst(
      'center.registered_by_dst',
      '本办法施行前批准的中心由省科技厅登记纳入平台管理',
      'DST registers the centers approved before these measures',
      '第四十条',
    ),
    creates: true,
  },
} as const satisfies Record<string, AccessRule>;
