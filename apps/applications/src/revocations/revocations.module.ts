import { CenterStandingService } from '../centers/center-standing.service';
import { RevocationDecisionsService } from './revocation-decisions.service';
import { revocationIntakeSubscriptions } from './revocation-intake.subscription';
import { RevocationsHandlers } from './revocations.handlers';
import { RevocationsService } from './revocations.service';

/**
 * A center's standing (A31 revocation, A33 graduation, A12 end of preparation) as app.module.ts lists it:
 * its handlers, services and the subscriptions that open cases from the evaluations service's events.
 */
export const REVOCATION_MODULE = {
  handlers: [RevocationsHandlers],
  providers: [RevocationsService, RevocationDecisionsService, CenterStandingService],
  subscriptions: revocationIntakeSubscriptions,
} as const;
