import type { LocalizedText } from '../findings';

/** A31: the nine grounds of revocation, by item number. */
export type RevocationGround = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

export interface RevocationGroundDefinition {
  readonly ground: RevocationGround;
  readonly article: string;
  readonly description: LocalizedText;
  /** Grounds (1) and (2) open a case as soon as the result is recorded. */
  readonly opensCaseAutomatically: boolean;
  /** Grounds (3) and (4) are proposed to DST once the deadline has passed. */
  readonly proposedWhenOverdue: boolean;
  /**
   * Ground (6) is proposed to DST by a finding of the funding service (A36: 弄虚作假、截留、挪用、挤占 of
   * provincial funds), never opened of itself: DST judges whether the misuse is serious fraud.
   */
  readonly proposedFromFinding: boolean;
}

const ITEM = ['一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

function ground(
  n: RevocationGround,
  zh: string,
  en: string,
  opens = false,
  proposed = false,
  fromFinding = false,
): RevocationGroundDefinition {
  return {
    ground: n,
    article: `第三十一条第（${ITEM[n - 1]}）项`,
    description: { zh, en },
    opensCaseAutomatically: opens,
    proposedWhenOverdue: proposed,
    proposedFromFinding: fromFinding,
  };
}

/** A31(一)–(九). Every ground is decided by DST and filed with the committee office. */
export const REVOCATION_GROUNDS: readonly RevocationGroundDefinition[] = [
  ground(1, '定期评估评价结果为不合格', 'the evaluation graded it fail', true),
  ground(2, '整改验收未通过', 'the rectification acceptance was not passed', true),
  ground(3, '无正当理由拒不提交年度报告', 'refused to submit the annual report without good reason', false, true),
  ground(4, '无正当理由不参加定期评估评价', 'did not take part in the evaluation without good reason', false, true),
  ground(5, '申请放弃辽宁省技术创新中心资格', 'gave up the qualification'),
  ground(
    6,
    '严重弄虚作假，提供虚假材料和不真实数据',
    'serious fraud, false materials or untrue data',
    false,
    false,
    true,
  ),
  ground(
    7,
    '发生较大生产安全事故、重大网络和数据安全事件、重大环境违法行为、严重质量问题、严重违反相关行业管理规定、被列入严重失信主体名单',
    'a major safety, network or data security, environmental or quality incident, a serious breach of sector rules, or listed as seriously dishonest',
  ),
  ground(8, '严重违反国家法律、行政法规，受到重大处罚', 'a serious violation of law with a major penalty'),
  ground(
    9,
    '依托单位发生重大变故或因其他不可抗力，造成技术创新中心无法继续建设运行',
    'a major change at the supporting unit or force majeure makes operation impossible',
  ),
];

/** Whether a case on the ground waits for DST to confirm it (A31(三)(四) overdue, A31(六) from an A36 finding). */
export function isProposedGround(n: RevocationGround): boolean {
  const definition = revocationGround(n);
  return definition.proposedWhenOverdue || definition.proposedFromFinding;
}

/** Whether a value is one of the nine grounds. */
export function isRevocationGround(value: unknown): value is RevocationGround {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 9;
}

/** The definition of a ground. */
export function revocationGround(n: RevocationGround): RevocationGroundDefinition {
  const found = REVOCATION_GROUNDS[n - 1];
  if (found === undefined) throw new RangeError(`no revocation ground ${String(n)}`);
  return found;
}
