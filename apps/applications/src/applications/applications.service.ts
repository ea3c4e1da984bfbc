import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';

import { CreateApplication, UpdateApplication, type ApplicationDto, type ListApplications } from '@tic/contracts';
import { centerName, WAIVER_LAPSES } from '@tic/domain';
import { assertVersion, type Caller, newId, pageOf, refuse, requireAccess, UnitOfWork } from '@tic/platform';
import { Clock } from '@tic/deadlines';

import { Call } from '../calls/call.entity';
import { Organization } from '../organizations/organization.entity';
import { applicationFindings } from './application-findings';
import { applicationHistory } from './application-history';
import { lapseWaivers } from './application-waivers';
import { toApplicationDto } from './application-view';
import { Application } from './application.entity';
import { resolveUnits } from './application-units';
import { APPLICATION_REFUSALS } from './applications.refusals';

type CreateInput = z.output<typeof CreateApplication.request>;
type UpdateInput = z.output<typeof UpdateApplication.request>;
type ListInput = z.output<typeof ListApplications.request>;
type Form = Omit<CreateInput, 'callId'>;

const EDITABLE = new Set(['draft']);

/** Drafting, reading and listing applications; every read carries the findings of @tic/domain. */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly entityManager: EntityManager,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
  ) {}

  create(input: CreateInput, caller: Caller): Promise<ApplicationDto> {
    return this.uow.run(
      CreateApplication,
      input,
      async ({ em }) => {
        const call = await em.getRepository(Call).byId(input.callId);
        if (!call) throw refuse(APPLICATION_REFUSALS.call_not_found);
        if (this.clock.today() > call.closesOn) {
          throw refuse(APPLICATION_REFUSALS.call_closed, { closesOn: call.closesOn }, { rule: 'A11-call-window' });
        }
        const { recommenderId, regionCode } = await resolveUnits(em, input, caller);
        const application = em.create(Application, {
          id: newId(),
          callId: call.id,
          constructionUnitId: caller.orgId,
          recommenderId,
          regionCode,
          ...this.formFields(input),
        });
        return application.id;
      },
      (em, id) => this.view(em, id, caller),
    );
  }

  update(input: UpdateInput, caller: Caller): Promise<ApplicationDto> {
    return this.uow.run(
      UpdateApplication,
      input,
      async ({ em }) => {
        const applications = em.getRepository(Application);
        const application = await applications.findVisibleForUpdate(input.id, caller);
        requireAccess(caller, 'application.update', await applications.facts(application));
        assertVersion(input.version, application.version);
        if (!EDITABLE.has(application.status)) {
          throw refuse(APPLICATION_REFUSALS.not_editable);
        }
        const { recommenderId, regionCode } = await resolveUnits(em, input, caller);
        // A changed proposal is the supporting unit's to confirm anew, as a whole.
        const proposalChanged = !sameUnits(application.proposedCoBuilderIds, input.proposedCoBuilderIds);
        em.assign(application, {
          ...this.formFields(input),
          recommenderId,
          regionCode,
          ...(proposalChanged ? { coBuilderIds: [], coBuildersConfirmedAt: null } : {}),
        });
        lapseWaivers(application, WAIVER_LAPSES.edited, this.clock.today());
        return application.id;
      },
      (em, id) => this.view(em, id, caller),
    );
  }

  get(id: string, caller: Caller): Promise<ApplicationDto> {
    return this.view(this.em(), id, caller);
  }

  /** The application as the caller sees it, read through `em` (a command's, to answer with what it changed). */
  async view(em: EntityManager, id: string, caller: Caller): Promise<ApplicationDto> {
    const application = await em.getRepository(Application).findVisible(id, caller);
    const supportingUnit = await em.getRepository(Organization).supportingUnitOf(application);
    return toApplicationDto(
      application,
      applicationFindings(application, supportingUnit),
      await applicationHistory(em, id),
      caller,
      this.clock.today(),
    );
  }

  async list(input: ListInput, caller: Caller) {
    const applications = this.em().getRepository(Application);
    const scope = await applications.visibleFilter(caller);
    if (scope === null) return { items: [] };
    const rows = await applications.page(scope, input, input.limit);
    return pageOf(
      rows,
      input.limit,
      (row) => row.id,
      (a) => {
        const field = { zh: a.fieldZh, en: a.fieldEn };
        return {
          id: a.id,
          version: a.version,
          status: a.status,
          callId: a.callId,
          field,
          proposedName: centerName(field),
          supportingUnitId: a.supportingUnitId,
          constructionUnitId: a.constructionUnitId,
          recommenderId: a.recommenderId,
          regionCode: a.regionCode,
          requestedTrack: a.requestedTrack,
          updatedAt: a.updatedAt.toISOString(),
        };
      },
    );
  }

  private formFields(form: Form) {
    return {
      supportingUnitId: form.supportingUnitId,
      proposedCoBuilderIds: form.proposedCoBuilderIds,
      fieldZh: form.field.zh,
      fieldEn: form.field.en,
      areaM2: form.areaM2,
      equipmentValueCny: form.equipmentValueCny,
      technicalLeaders: form.technicalLeaders,
      fullTimeStaff: form.fullTimeStaff,
      achievements: form.achievements,
      cooperation: form.cooperation,
      requestedTrack: form.requestedTrack,
    };
  }

  private em(): EntityManager {
    return this.entityManager.fork();
  }
}

function sameUnits(a: readonly string[], b: readonly string[]): boolean {
  const inA = new Set(a);
  const inB = new Set(b);
  return inA.size === inB.size && [...inA].every((id) => inB.has(id));
}
