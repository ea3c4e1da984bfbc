import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';

import { DeclareAgencyRelations, EntrustAgency, type RoundDto } from '@tic/contracts';
import { agencyRecusalFindings } from '@tic/domain';
import { Clock, Deadlines } from '@tic/deadlines';
import { type Caller, type In, refuse, requireAccess, UnitOfWork } from '@tic/platform';

import { EvaluationAgency } from './evaluation-agency.entity';
import { EvaluationRound } from './evaluation-round.entity';
import { requireDst, WHOLE_ROUND } from './round-access';
import { RoundCenter } from './round-center.entity';
import { ASSIGNMENT_AGGREGATE, directoryOf, toRoundDto } from './round-view';
import { ROUND_REFUSALS } from './rounds.refusals';

const ROUND = { zh: '评估轮次', en: 'evaluation round' };

/** A29: DST entrusts agencies with centers, never one related to a center's units (回避). */
@Injectable()
export class RoundEntrustmentService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly deadlines: Deadlines,
  ) {}

  /** The agency states its own relations; DST reads them in the round (documented choice: the agency declares). */
  async declareRelations(input: In<typeof DeclareAgencyRelations>, caller: Caller) {
    requireAccess(caller, 'round.declare_relations', WHOLE_ROUND);
    try {
      return await this.declare(input, caller);
    } catch (error) {
      // The agency's first two declarations at once both insert; the second, run again, updates the first's row.
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      return this.declare(input, caller);
    }
  }

  private declare(input: In<typeof DeclareAgencyRelations>, caller: Caller) {
    return this.uow.run(DeclareAgencyRelations, input, async ({ em }) => {
      const agency =
        (await em.findOne(EvaluationAgency, { orgId: caller.orgId })) ??
        em.create(EvaluationAgency, { orgId: caller.orgId });
      agency.relatedOrgIds = [...new Set(input.relatedOrgIds)];
      return { agencyOrgId: agency.orgId, relatedOrgIds: agency.relatedOrgIds };
    });
  }

  entrust(input: In<typeof EntrustAgency>, caller: Caller): Promise<RoundDto> {
    requireDst(caller);
    return this.uow.run(
      EntrustAgency,
      input,
      async (scope) => {
        const { em } = scope;
        const round = await scope.lock(EvaluationRound, input.id, undefined, ROUND);
        if (round.status !== 'open') throw refuse(ROUND_REFUSALS.not_open, { status: round.status });
        const today = this.clock.today();
        const participateBy = input.participateBy ?? round.participateBy;
        if (participateBy < today) throw refuse(ROUND_REFUSALS.participate_by_past, { today });
        const entries = await em.find(RoundCenter, { roundId: round.id, centerId: { $in: input.centerIds } });
        const byCenter = new Map(entries.map((e) => [e.centerId, e]));
        const directory = await directoryOf(em, input.centerIds);
        const declared = await em.findOne(EvaluationAgency, { orgId: input.agencyOrgId });
        const agency = { organizationId: input.agencyOrgId, declaredRelations: declared?.relatedOrgIds ?? [] };
        for (const [i, centerId] of input.centerIds.entries()) {
          const entry = byCenter.get(centerId);
          const center = directory.get(centerId);
          if (entry === undefined || center === undefined) {
            throw refuse(ROUND_REFUSALS.center_not_in_round, { path: `centerIds[${i}]`, centerId });
          }
          if (entry.agencyOrgId !== null) throw refuse(ROUND_REFUSALS.already_entrusted, { centerId });
          // The registry's parent links are not held here: direct insiders and declared relations decide.
          const conflict = agencyRecusalFindings(agency, center, []).find((f) => !f.passed);
          if (conflict !== undefined) {
            throw refuse(
              ROUND_REFUSALS.agency_recused,
              { message: conflict.message.zh, messageEn: conflict.message.en },
              { rule: conflict.rule },
            );
          }
          entry.agencyOrgId = input.agencyOrgId;
          entry.participateBy = participateBy;
          await this.deadlines.schedule(em, {
            kind: 'D-evaluation-participation',
            subjectId: entry.id,
            centerId,
            start: today,
            length: { endsOn: participateBy },
          });
          scope.history(entry, {
            aggregateType: ASSIGNMENT_AGGREGATE,
            action: 'entrust',
            from: entry.status,
            to: entry.status,
            comment: `agency ${input.agencyOrgId}, by ${participateBy}`,
            article: '第二十九条',
          });
        }
        return round;
      },
      (em, round) => toRoundDto(em, round, caller),
    );
  }
}
