import { join } from 'node:path';

import { GetApplication, TransitionApplication, type ApplicationDto } from '@tic/contracts';
import { addDays } from '@tic/domain';
import { openOrm } from '@tic/platform';
import { refusal } from '@tic/testing';

import { APPLICATIONS_ENTITIES } from '../src/entities';
import { CALLERS, runningService } from './harness';
import { applicationAt, today } from './journey';

// Time passes for this test's own rows only: its call closes, or the date its reviewer set goes by.
async function sql(url: string, statement: string): Promise<void> {
  const orm = await openOrm({
    databaseUrl: url,
    schema: 'applications',
    entities: APPLICATIONS_ENTITIES,
    migrationsPath: join(__dirname, '..', 'src', 'migrations'),
  });
  try {
    await orm.em.getConnection().execute(statement);
  } finally {
    await orm.close();
  }
}

describe('A11: a returned application is resubmitted by its reviewer’s date, not inside the call window', () => {
  const service = runningService('revision');

  const returned = async (reviseBy?: string): Promise<ApplicationDto> => {
    const application = await applicationAt(service.rpc, ['submit']);
    return service.rpc.request(
      TransitionApplication,
      {
        id: application.id,
        action: 'return',
        version: application.version,
        comment: '请补充共建协议',
        ...(reviseBy === undefined ? {} : { reviseBy }),
      },
      { caller: CALLERS.supporting },
    );
  };
  const closeCall = (application: ApplicationDto) =>
    sql(
      service.infra.db.url,
      `update "applications"."call" set "opens_on" = '${addDays(today(), -60)}', "closes_on" = '${addDays(today(), -1)}' where "id" = '${application.callId}'`,
    );
  const resubmit = (application: ApplicationDto) =>
    service.rpc.request(
      TransitionApplication,
      { id: application.id, action: 'submit', version: application.version },
      { caller: CALLERS.construction },
    );

  it('A11: resubmits after the call closed, on the date the reviewer set, and shows the date meanwhile', async () => {
    const application = await returned(addDays(today(), 10));
    expect(application).toMatchObject({
      status: 'draft',
      revision: { returnedOn: today(), reviseBy: addDays(today(), 10), overdue: false },
    });
    await closeCall(application);
    const again = await resubmit(application);
    expect(again).toMatchObject({ status: 'supporting_review', revision: null });
  });

  it('A11: resubmits after the call closed when the reviewer set no date', async () => {
    const application = await returned();
    expect(application.revision).toMatchObject({ reviseBy: null, overdue: false });
    await closeCall(application);
    expect((await resubmit(application)).status).toBe('supporting_review');
  });

  it('A11: past the reviewer’s date the application shows as overdue and the resubmission is refused', async () => {
    const application = await returned(today());
    await sql(
      service.infra.db.url,
      `update "applications"."application" set "revise_by" = '${addDays(today(), -1)}' where "id" = '${application.id}'`,
    );
    const late = await service.rpc.request(GetApplication, { id: application.id }, { caller: CALLERS.construction });
    expect(late.revision).toMatchObject({ reviseBy: addDays(today(), -1), overdue: true });
    const refused = await refusal(resubmit(late));
    expect(refused).toMatchObject({ code: 'rule_violation', rule: 'A11-call-window', article: '第十一条' });
    expect(JSON.stringify(refused)).toContain('is overdue');
  });

  it('A11: a first submission after the call closed is still refused', async () => {
    const application = await applicationAt(service.rpc, []);
    await closeCall(application);
    expect(await refusal(resubmit(application))).toMatchObject({ rule: 'A11-call-window', article: '第十一条' });
  });

  it('A11: the reviewer’s date is set only by a return, and not in the past (the field is named)', async () => {
    const application = await applicationAt(service.rpc, ['submit']);
    const past = refusal(
      service.rpc.request(
        TransitionApplication,
        {
          id: application.id,
          action: 'return',
          version: application.version,
          comment: '退回',
          reviseBy: addDays(today(), -1),
        },
        { caller: CALLERS.supporting },
      ),
    );
    expect(await past).toMatchObject({
      code: 'invalid_input',
      reason: 'application.revise_by_past',
      article: '第十一条',
      errors: [{ path: 'reviseBy' }],
    });
    const notReturn = refusal(
      service.rpc.request(
        TransitionApplication,
        { id: application.id, action: 'pass_supporting_review', version: application.version, reviseBy: today() },
        { caller: CALLERS.supporting },
      ),
    );
    expect(await notReturn).toMatchObject({ code: 'invalid_input', errors: [{ path: 'reviseBy' }] });
  });
});
