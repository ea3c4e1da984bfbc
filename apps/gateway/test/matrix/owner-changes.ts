import type { ChangeDto } from '@tic/contracts';

import { call, type PlatformWorld } from '../platform/platform-world';
import { today, type Tokens } from '../platform/journey';
import { succeeded } from './probe';

/** A26: a change of direction of the owner's center, as its construction unit writes one. */
export const changeOfDirection = (reportRef: string) => ({
  decidedOn: today(),
  reportRef,
  direction: { field: { zh: '智能制造装备', en: 'Intelligent Manufacturing Equipment' } },
});

/** A26: the owner's change reports the routes act on: a draft to edit, and one to submit. */
export async function ownerChanges(world: PlatformWorld, tokens: Tokens, centerId: string) {
  const draft = (reportRef: string) =>
    succeeded<ChangeDto>(
      call(world, 'POST', `/centers/${centerId}/changes`, {
        token: tokens.construction,
        body: changeOfDirection(reportRef),
      }),
    );
  return { editedChange: await draft('docs/changes/matrix-edited'), steppedChange: await draft('docs/changes/matrix') };
}
