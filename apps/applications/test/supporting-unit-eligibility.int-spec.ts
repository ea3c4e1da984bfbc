import { randomBytes } from 'node:crypto';

import { CreateApplication, CreateOrganization, OpenCall, TransitionApplication } from '@tic/contracts';
import { addDays, usccCheckCharacter } from '@tic/domain';
import type { Caller } from '@tic/platform';
import { refusal } from '@tic/testing';

import { RECOMMENDING_UNITS } from '../src/seed/recommending-units';
import { CALLERS, eligibleForm, runningService } from './harness';
import { today } from './journey';

// A fresh, well-formed credit code: `prefix` is the authority, entity type and issuing office (8 characters).
const code = (prefix: string) => {
  const first17 =
    prefix +
    randomBytes(5)
      .toString('hex')
      .toUpperCase()
      .slice(0, 9)
      .replace(/[IOSVZ]/g, '0');
  return first17 + usccCheckCharacter(first17);
};

describe('A12(一), A7, A3: the supporting unit, through the applications service (real Postgres, NATS)', () => {
  const service = runningService('eligibility');

  /** DST registers a supporting unit and its construction department; the department drafts and submits. */
  async function submitFor(unit: {
    uscc: string;
    legalPerson: boolean;
    kind: 'enterprise' | 'university' | 'other';
    domicile?: { address: string; divisionCode: string };
  }) {
    const supporting = await service.rpc.request(
      CreateOrganization,
      { name: `依托单位${unit.uscc}`, ...unit, recommenderId: RECOMMENDING_UNITS[0]!.id },
      { caller: CALLERS.dst },
    );
    const department = await service.rpc.request(
      CreateOrganization,
      { name: `建设部门${unit.uscc}`, kind: 'other', legalPerson: false, parentId: supporting.id },
      { caller: CALLERS.dst },
    );
    const construction: Caller = {
      userId: `cu-${department.id}`,
      name: '申报专员',
      role: 'construction_unit',
      orgId: department.id,
    };
    const call = await service.rpc.request(
      OpenCall,
      { year: 2027, title: '2027年度申报', opensOn: addDays(today(), -1), closesOn: addDays(today(), 30) },
      { caller: CALLERS.dst },
    );
    const draft = await service.rpc.request(
      CreateApplication,
      { ...eligibleForm(), proposedCoBuilderIds: [], supportingUnitId: supporting.id, callId: call.id },
      { caller: construction },
    );
    const submit = service.rpc.request(
      TransitionApplication,
      { id: draft.id, action: 'submit', version: draft.version },
      { caller: construction },
    );
    return { supporting, draft, submit };
  }

  const failed = (findings: readonly { rule: string; passed: boolean; severity: string }[]) =>
    findings.filter((f) => !f.passed).map((f) => [f.rule, f.severity]);

  it('A7: a central registration (100000) domiciled in Shenyang is shown to DST to verify, and submits', async () => {
    const { supporting, draft, submit } = await submitFor({
      uscc: code('12100000'),
      legalPerson: true,
      kind: 'university',
      domicile: { address: '沈阳市和平区文化路3号', divisionCode: '210102' },
    });
    expect(supporting).toMatchObject({ domicileDivisionCode: '210102', regionCode: '210102' });
    expect(failed(draft.findings)).toEqual([['A12.1-code-region', 'advisory']]);
    expect(draft.regionCode).toBe('210102');
    expect(await submit).toMatchObject({ status: 'supporting_review' });
  });

  it('A12(一): a unit that moved from Beijing to Dalian keeps its code, is shown to DST, and submits', async () => {
    const { draft, submit } = await submitFor({
      uscc: code('91110108'),
      legalPerson: true,
      kind: 'enterprise',
      domicile: { address: '大连市甘井子区', divisionCode: '210211' },
    });
    expect(failed(draft.findings)).toEqual([['A12.1-code-region', 'advisory']]);
    expect(await submit).toMatchObject({ status: 'supporting_review' });
  });

  it('A12(一): a Liaoning-issued code whose licence puts the domicile in Beijing is refused, naming the article', async () => {
    const { submit } = await submitFor({
      uscc: code('91210102'),
      legalPerson: true,
      kind: 'enterprise',
      domicile: { address: '北京市海淀区', divisionCode: '110108' },
    });
    expect(await refusal(submit)).toMatchObject({
      code: 'rule_violation',
      rule: 'A12.1-province',
      article: '第十二条第（一）项',
    });
  });

  it('A3: a legal person of a kind the list does not name (a hospital) is advisory, and submits', async () => {
    const { draft, submit } = await submitFor({
      uscc: code('12210102'),
      legalPerson: true,
      kind: 'other',
      domicile: { address: '沈阳市和平区', divisionCode: '210102' },
    });
    expect(failed(draft.findings)).toEqual([['A12.1-kind', 'advisory']]);
    expect(await submit).toMatchObject({ status: 'supporting_review' });
  });

  it('A12(一): a department that is no legal person is refused as the supporting unit', async () => {
    const { submit } = await submitFor({
      uscc: code('91210102'),
      legalPerson: false,
      kind: 'other',
      domicile: { address: '沈阳市和平区', divisionCode: '210102' },
    });
    expect(await refusal(submit)).toMatchObject({
      code: 'rule_violation',
      rule: 'A12.1-legal-person',
      article: '第十二条第（一）项',
    });
  });

  it('GB 32100: registration refuses a 9-2 individual business declared a legal person, and a pair never issued', async () => {
    const individual = { name: '个体工商户', uscc: code('92210102'), kind: 'enterprise', legalPerson: true } as const;
    expect(await refusal(service.rpc.request(CreateOrganization, individual, { caller: CALLERS.dst }))).toMatchObject({
      code: 'invalid_input',
      errors: [{ path: 'legalPerson' }],
    });
    const asNoLegalPerson = { ...individual, legalPerson: false };
    expect(await service.rpc.request(CreateOrganization, asNoLegalPerson, { caller: CALLERS.dst })).toMatchObject({
      legalPerson: false,
    });
    const neverIssued = { ...individual, uscc: code('94210102') };
    expect(await refusal(service.rpc.request(CreateOrganization, neverIssued, { caller: CALLERS.dst }))).toMatchObject({
      code: 'invalid_input',
      errors: [{ path: 'uscc' }],
    });
  });
});
