import { rpcClientProvider } from '@tic/platform';

import { ChangeWorkflowService } from './change-workflow.service';
import { ChangesHandlers } from './changes.handlers';
import { ChangesService } from './changes.service';
import { CommitteeReviews } from './committee-reviews';

/**
 * A center's change reports (A26) as app.module.ts lists them: handlers, services, and the client that asks
 * the personnel registry for the management committee's reviews (as the caller who passes the report).
 */
export const CHANGES_MODULE = {
  handlers: [ChangesHandlers],
  providers: [ChangesService, ChangeWorkflowService, rpcClientProvider('applications'), CommitteeReviews],
} as const;
