import { Injectable } from '@nestjs/common';
import type { z } from 'zod';

import { ConfirmCoBuilders, type ApplicationDto } from '@tic/contracts';
import { assertVersion, type Caller, refuse, requireAccess, UnitOfWork } from '@tic/platform';
import { Clock } from '@tic/deadlines';

import { Application } from './application.entity';
import { APPLICATION_REFUSALS } from './applications.refusals';
import { ApplicationsService } from './applications.service';

type ConfirmInput = z.output<typeof ConfirmCoBuilders.request>;

// A10: the supporting unit settles the co-builders before it passes the application on (A13(二)).
const CONFIRMABLE = new Set<Application['status']>(['draft', 'supporting_review']);

/** A10: the supporting unit confirms the co-building units its construction unit proposed, once. */
@Injectable()
export class ApplicationCoBuildersService {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  confirm(input: ConfirmInput, caller: Caller): Promise<ApplicationDto> {
    return this.uow.run(
      ConfirmCoBuilders,
      input,
      async ({ em }) => {
        const applications = em.getRepository(Application);
        const application = await applications.findVisibleForUpdate(input.id, caller);
        requireAccess(caller, 'application.confirm_co_builders', await applications.facts(application));
        assertVersion(input.version, application.version);
        if (application.coBuildersConfirmedAt !== null || !CONFIRMABLE.has(application.status)) {
          throw refuse(APPLICATION_REFUSALS.co_builders_settled);
        }
        application.coBuilderIds = [...application.proposedCoBuilderIds];
        application.coBuildersConfirmedAt = this.clock.now();
        return application.id;
      },
      (em, id) => this.applications.view(em, id, caller),
    );
  }
}
