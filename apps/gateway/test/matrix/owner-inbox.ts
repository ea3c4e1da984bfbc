import { eventually } from '@tic/testing';

import { call, type PlatformWorld } from '../platform/platform-world';
import type { Tokens } from '../platform/journey';

/** DOMAIN.md §7: a message in the owner supporting unit's inbox (the filed application's submission reached it). */
export interface InboxIds {
  readonly notificationId: string;
}

export async function ownerInbox(world: PlatformWorld, tokens: Tokens): Promise<InboxIds> {
  // The notifications service tells the supporting unit once its feed has recorded the submission.
  const notificationId = await eventually(
    async () => {
      const reply = await call<{ items: { id: string; kind: string }[] }>(world, 'GET', '/inbox?limit=200', {
        token: tokens.supporting,
      });
      const message = reply.body.items.find((item) => item.kind === 'tic.application.submitted');
      if (message === undefined) throw new Error(`no message in the supporting unit's inbox yet (${reply.status})`);
      return message.id;
    },
    60_000,
    200,
  );
  return { notificationId };
}
