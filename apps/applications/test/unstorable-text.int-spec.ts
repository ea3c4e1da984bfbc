import { ListCalls, ListOrganizations, OpenCall, UNSTORABLE_TEXT_CODE } from '@tic/contracts';
import { refusal } from '@tic/testing';

import { CALLERS, runningService } from './harness';

/**
 * Defence in depth behind the gateway: a caller on NATS that sends text Postgres cannot store gets the
 * gateway's refusal (invalid_input, input.unstorable_text, the field), not an internal error.
 */
describe('RPC payloads with text Postgres cannot store are refused by field (real Postgres, NATS)', () => {
  const service = runningService('unstorable');

  it.each([
    ['NUL', 'a\u0000b'],
    ['a lone surrogate', 'a\uDC00b'],
  ])('calls.open with %s in the title: refused, and no call is opened', async (_name, text) => {
    const before = await service.rpc.request(ListCalls, { limit: 100 }, { caller: CALLERS.dst });
    const call = { year: 2027, title: `申报通知${text}`, opensOn: '2027-01-04', closesOn: '2027-03-31' };
    expect(await refusal(service.rpc.request(OpenCall, call, { caller: CALLERS.dst }))).toMatchObject({
      code: 'invalid_input',
      reason: UNSTORABLE_TEXT_CODE,
      errors: [{ path: 'title' }],
    });
    const after = await service.rpc.request(ListCalls, { limit: 100 }, { caller: CALLERS.dst });
    expect(after.items).toHaveLength(before.items.length);
  });

  it('a query with a NUL is refused the same way, not a 500', async () => {
    const query = service.rpc.request(ListOrganizations, { limit: 10, q: '\u0000' }, { caller: CALLERS.dst });
    expect(await refusal(query)).toMatchObject({ reason: UNSTORABLE_TEXT_CODE, errors: [{ path: 'q' }] });
  });
});
