import { rpcClientProvider } from '@tic/platform';

import { AcceptanceExperts } from './acceptance-experts';
import { RectificationAcceptanceService } from './rectification-acceptance.service';
import { rectificationStartSubscription } from './rectification-start.subscription';
import { RectificationsHandlers } from './rectifications.handlers';
import { RectificationWorkflowService } from './rectification-workflow.service';

/** A30's rectification and its acceptance as app.module.ts lists it. */
export const RECTIFICATIONS_MODULE = {
  handlers: [RectificationsHandlers],
  providers: [
    RectificationWorkflowService,
    RectificationAcceptanceService,
    rpcClientProvider('evaluations'),
    AcceptanceExperts,
  ],
  subscriptions: rectificationStartSubscription,
} as const;
