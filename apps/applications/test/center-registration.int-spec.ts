import { RegisterExistingCenter, GetCenter, ListCenters } from '@tic/contracts';
import { addDays } from '@tic/domain';
import { eventually, readAllEvents, refusal } from '@tic/testing';

import { CALLERS, CO_BUILDER_ID, runningService, SUPPORTING_UNIT_ID } from './harness';

const existing = (field: string) => ({
  field: { zh: field, en: `${field} registered` },
  track: 'formal' as const,
  supportingUnitId: SUPPORTING_UNIT_ID,
  constructionUnitId: CALLERS.construction.orgId,
  coBuilderIds: [CO_BUILDER_ID],
  approvedOn: '2024-06-28',
  approvalDocument: '辽科发〔2024〕15号',
});

describe('A40: DST registers a center approved before the platform (real Postgres, NATS)', () => {
  const service = runningService('center-registration');

  it('enters the registry with its approval document and date, and announces it like an approved one', async () => {
    const center = await service.rpc.request(RegisterExistingCenter, existing('工业软件存量'), {
      caller: CALLERS.dst,
    });
    expect(center).toMatchObject({
      name: { zh: '辽宁省工业软件存量技术创新中心' },
      status: 'operating',
      applicationId: null,
      approvalDocument: '辽科发〔2024〕15号',
      establishedOn: '2024-06-28',
      recommenderId: CALLERS.recommender.orgId,
    });
    // Its units see it as theirs; another unit's does not.
    await expect(
      service.rpc.request(GetCenter, { id: center.id }, { caller: CALLERS.construction }),
    ).resolves.toMatchObject({
      id: center.id,
    });
    const foreign = await service.rpc.request(ListCenters, { limit: 100 }, { caller: CALLERS.otherConstruction });
    expect(foreign.items.map((c) => c.id)).not.toContain(center.id);

    await eventually(async () => {
      const events = await readAllEvents(service.infra.nats);
      expect(events.filter((e) => e.subject === center.id)).toEqual([
        expect.objectContaining({
          type: 'tic.center.established',
          data: expect.objectContaining({ approvalDocument: '辽科发〔2024〕15号', establishedOn: '2024-06-28' }),
        }),
      ]);
    });
  });

  it('refuses every role but DST, a future approval, unknown units and a name a center bears, changing nothing', async () => {
    const before = await service.rpc.request(ListCenters, { limit: 100 }, { caller: CALLERS.dst });
    for (const caller of [CALLERS.supporting, CALLERS.construction, CALLERS.recommender, CALLERS.committee]) {
      expect(
        await refusal(service.rpc.request(RegisterExistingCenter, existing('越权登记'), { caller })),
      ).toMatchObject({
        code: 'forbidden',
        reason: 'center.registered_by_dst',
        article: '第四十条',
      });
    }
    expect(
      await refusal(
        service.rpc.request(
          RegisterExistingCenter,
          { ...existing('未来批准'), approvedOn: addDays(new Date().toISOString().slice(0, 10), 3) },
          { caller: CALLERS.dst },
        ),
      ),
    ).toMatchObject({ code: 'invalid_input', errors: [expect.objectContaining({ path: 'approvedOn' })] });
    expect(
      await refusal(
        service.rpc.request(
          RegisterExistingCenter,
          { ...existing('未知单位'), coBuilderIds: ['0192f6a0-7c1e-7d2a-9b3c-0000000000ff'] },
          { caller: CALLERS.dst },
        ),
      ),
    ).toMatchObject({ code: 'invalid_input', errors: [{ path: 'coBuilderIds.0', message: 'no such unit' }] });
    expect(
      await refusal(service.rpc.request(RegisterExistingCenter, existing('工业软件存量'), { caller: CALLERS.dst })),
    ).toMatchObject({ code: 'conflict', reason: 'center.name_taken', article: '第三十七条' });
    const after = await service.rpc.request(ListCenters, { limit: 100 }, { caller: CALLERS.dst });
    expect(after.items.map((c) => c.id)).toEqual(before.items.map((c) => c.id));
  });
});
