import {
  ConfirmCoBuilders,
  CreateApplication,
  GetApplication,
  OpenCall,
  RecordWaiver,
  TransitionApplication,
  UpdateApplication,
  type ApplicationDto,
} from '@tic/contracts';
import { addDays } from '@tic/domain';
import type { RpcFailure } from '@tic/platform';

import { CALLERS, eligibleForm, runningService } from './harness';
import { today } from './journey';

type Action = 'submit' | 'pass_supporting_review' | 'recommend' | 'pass_formal_review' | 'return';
const ACTOR = {
  submit: CALLERS.construction,
  pass_supporting_review: CALLERS.supporting,
  recommend: CALLERS.recommender,
  pass_formal_review: CALLERS.dst,
  return: CALLERS.dst,
};

describe('DOMAIN.md §3: a waiver covers the finding as it stood and lapses when the facts change', () => {
  const service = runningService('waivers');
  let application: ApplicationDto;

  const step = async (action: Action) => {
    application = await service.rpc.request(
      TransitionApplication,
      { id: application.id, action, version: application.version, comment: action === 'return' ? '请核实场地' : '' },
      { caller: ACTOR[action] },
    );
  };
  const toFormalReview = async () => {
    for (const action of ['submit', 'pass_supporting_review', 'recommend'] as const) await step(action);
  };
  const waiveArea = () =>
    service.rpc.request(
      RecordWaiver,
      { id: application.id, version: application.version, rule: 'A12.3-area', reason: '未来产业，场地在建' },
      { caller: CALLERS.dst },
    );
  const refusal = (attempt: Promise<unknown>) =>
    attempt.then(() => null).catch((e: unknown) => (e as RpcFailure).error);

  it('A12(三): DST waives an 800 m² site; the waiver keeps the finding; a return lapses it; the area that fell is waived anew', async () => {
    const call = await service.rpc.request(
      OpenCall,
      { year: 2027, title: '2027年度申报', opensOn: addDays(today(), -1), closesOn: addDays(today(), 30) },
      { caller: CALLERS.dst },
    );
    application = await service.rpc.request(
      CreateApplication,
      { ...eligibleForm(), areaM2: 800, callId: call.id },
      { caller: CALLERS.construction },
    );
    application = await service.rpc.request(
      ConfirmCoBuilders,
      { id: application.id, version: application.version },
      { caller: CALLERS.supporting },
    );
    await toFormalReview();
    expect(application.findings.find((f) => f.rule === 'A12.3-area')?.passed).toBe(false);
    application = await waiveArea();
    expect(application.waivers).toEqual([
      expect.objectContaining({
        rule: 'A12.3-area',
        finding: { rule: 'A12.3-area', article: '第十二条第（三）项', details: { areaM2: 800, minimum: 1000 } },
        lapsed: null,
      }),
    ]);

    // Returned for revision: the application will change, so the waiver no longer covers it.
    await step('return');
    expect(application.waivers[0]?.lapsed).toMatchObject({
      code: 'waiver.lapsed.returned',
      message: { zh: expect.any(String), en: expect.stringContaining('returned') },
    });

    // The revision lowers the area further; it goes back to DST, which must decide again.
    application = await service.rpc.request(
      UpdateApplication,
      { ...eligibleForm(), areaM2: 700, id: application.id, version: application.version },
      { caller: CALLERS.construction },
    );
    await toFormalReview();
    expect(application.waivers[0]?.lapsed?.code).toBe('waiver.lapsed.returned');

    // The lapsed waiver no longer counts in requireWaiver: DST decides anew, on the facts as they stand.
    application = await waiveArea();
    expect(application.waivers.map((w) => [w.finding?.details['areaM2'], w.lapsed?.code ?? null])).toEqual([
      [800, 'waiver.lapsed.returned'],
      [700, null],
    ]);
    await step('pass_formal_review');
    expect(application.status).toBe('expert_review');

    // The same waiver is not given twice while it covers.
    expect(await refusal(waiveArea())).toMatchObject({ code: 'conflict', rule: 'A12.3-area' });
    const read = await service.rpc.request(GetApplication, { id: application.id }, { caller: CALLERS.construction });
    expect(read.waivers[1]?.lapsed).toBeNull();
  });
});
