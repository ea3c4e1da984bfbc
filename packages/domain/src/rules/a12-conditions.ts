import { rule, type RuleDefinition } from './rule-definition';

/** A12(一)–(四): the basic conditions of a supporting unit and its center, checked on each application. */
export const A12_CONDITION_RULES = {
  'A12.1-province': rule(
    '第十二条第（一）项',
    'hard',
    'condition',
    '依托单位应在省内注册',
    'The supporting unit is registered in Liaoning',
  ),
  'A12.1-legal-person': rule(
    '第十二条第（一）项',
    'hard',
    'condition',
    '依托单位应具有独立法人资格',
    'The supporting unit is an independent legal person',
  ),
  'A12.1-code-region': rule(
    '第十二条第（一）项',
    'advisory',
    'condition',
    '信用代码的登记管理机关行政区划码不在辽宁（中直单位100000或迁入单位）的，由省科技厅核对住所',
    'A credit code issued outside Liaoning (a central 100000 registration, A7, or a unit that moved) is verified by DST',
  ),
  'A12.1-kind': rule(
    '第十二条第（一）项',
    'advisory',
    'condition',
    '依托单位为第三条所列以外类型的法人（第三条列举以“等”结尾），由省科技厅判断',
    'A supporting unit that is a legal person of a kind A3 does not list (its list ends in 等) is for DST to judge',
  ),
  'A12.2-achievements': rule(
    '第十二条第（二）项',
    'advisory',
    'condition',
    '拥有自主知识产权的领先成果、产学研长效机制和稳定的研发团队',
    'Leading self-owned IP, a lasting industry-academia-research mechanism and stable R&D teams',
  ),
  'A12.3-area': rule(
    '第十二条第（三）项',
    'principle',
    'condition',
    '场地面积原则上在1000平方米以上',
    'R&D site area of at least 1000 m² in principle',
  ),
  'A12.3-equipment': rule(
    '第十二条第（三）项',
    'principle',
    'condition',
    '科研仪器设备原值原则上不低于750万元',
    'Research instruments worth at least 7.5 million CNY (original value) in principle',
  ),
  'A12.4-staff': rule(
    '第十二条第（四）项',
    'hard',
    'condition',
    '拥有技术带头人及专职的技术研发与管理人员队伍',
    'A technical leader and full-time R&D and management staff',
  ),
} as const satisfies Record<string, RuleDefinition>;
