import type { EntityManager } from '@mikro-orm/postgresql';

import { addDays, isProposedGround, type RevocationGround } from '@tic/domain';
import type { Clock, Deadlines } from '@tic/deadlines';
import { CommandScope, defineSubscription, type EventOutbox, type EventSubscription } from '@tic/platform';

import { Center } from '../centers/center.entity';
import { CENTER_IN_OPERATION } from '../centers/center-standing';
import { RevocationCase, type RevocationOrigin } from './revocation-case.entity';
import { misuseCause } from './revocation-misuse-cause';
import { scheduleAnswerPeriod } from './revocation-answer-period';
import { DEFAULT_ANSWER_DAYS, PLATFORM_ACTOR, startCase } from './revocation-opening';

interface Intake {
  readonly centerId: string;
  readonly ground: RevocationGround;
  readonly origin: RevocationOrigin;
  readonly cause: string;
  /** A case already opened on this (e.g. the same finding announced again) is not opened twice. */
  readonly once?: string;
}

/**
 * DOMAIN.md §3, A31: the results and deadlines of the evaluations service open cases of themselves.
 * Grounds (1) a fail grade and (2) a failed rectification acceptance open a case, the units told with
 * DEFAULT_ANSWER_DAYS to answer; grounds (3) an overdue annual report and (4) no part taken in an
 * evaluation are proposed to DST, who confirms or dismisses them (a good reason); so is ground (6) when the
 * funding service finds provincial funds misused and proposes revocation (A36). nats-server 2.9 takes
 * one filter subject per consumer, so each aggregate has its own subscription.
 */
export function revocationIntakeSubscriptions(
  outbox: EventOutbox,
  clock: Clock,
  deadlines: Deadlines,
): EventSubscription[] {
  const intake = (em: EntityManager, event: Intake) => take(em, event, outbox, clock, deadlines);
  return [
    defineSubscription({
      name: 'revocation-evaluation',
      aggregate: 'evaluation',
      on: {
        'tic.evaluation.preparation_concluded': 'ignore',
        'tic.evaluation.policy_support_proposed': 'ignore',
        'tic.evaluation.graded': async (em, { id, data }) => {
          if (data.grade !== 'fail') return;
          const cause = `tic.evaluation.graded ${id}: 评估评价结果为不合格（${data.gradedOn}，得分${data.score}）`;
          await intake(em, { centerId: data.centerId, ground: 1, origin: 'evaluation', cause });
        },
        'tic.evaluation.not_participated': (em, { id, data }) =>
          intake(em, {
            centerId: data.centerId,
            ground: 4,
            origin: 'evaluation_participation',
            cause: `tic.evaluation.not_participated ${id}: 未参加定期评估评价（应于${data.dueOn}前参加）`,
          }),
      },
    }),
    defineSubscription({
      name: 'revocation-rectification',
      aggregate: 'rectification',
      on: {
        'tic.rectification.started': 'ignore',
        'tic.rectification.accepted': async (em, { id, data }) => {
          if (data.passed) return;
          const cause = `tic.rectification.accepted ${id}: 整改验收未通过（${data.acceptedOn}）`;
          await intake(em, { centerId: data.centerId, ground: 2, origin: 'rectification', cause });
        },
      },
    }),
    defineSubscription({
      name: 'revocation-report',
      aggregate: 'report',
      on: {
        'tic.report.submitted': 'ignore',
        'tic.report.overdue': (em, { id, data }) =>
          intake(em, {
            centerId: data.centerId,
            ground: 3,
            origin: 'annual_report',
            cause: `tic.report.overdue ${id}: ${data.reportYear}年度报告逾期未提交（应于${data.dueOn}前提交）`,
          }),
      },
    }),
    defineSubscription({
      name: 'revocation-funding',
      aggregate: 'funding',
      on: {
        'tic.funding.allocated': 'ignore',
        'tic.funding.proposal_declined': 'ignore',
        'tic.funding.execution_lagging': 'ignore',
        'tic.funding.year_closed': 'ignore',
        'tic.funding.self_evaluated': 'ignore',
        'tic.funding.rated': 'ignore',
        'tic.funding.misuse_found': async (em, { id, data }) => {
          if (!data.revocationProposed) return;
          const cause = misuseCause(id, data);
          await intake(em, {
            centerId: data.centerId,
            ground: 6,
            origin: 'funding_misuse',
            cause,
            once: data.findingId,
          });
        },
      },
    }),
  ];
}

async function take(
  em: EntityManager,
  event: Intake,
  outbox: EventOutbox,
  clock: Clock,
  deadlines: Deadlines,
): Promise<void> {
  const center = await em.findOne(Center, { id: event.centerId });
  // A result about a center that is not in formal management (in preparation, revoked, graduated) opens nothing.
  if (center === null || !CENTER_IN_OPERATION.has(center.status)) return;
  if (event.once !== undefined) {
    const opened = await em.count(RevocationCase, {
      centerId: center.id,
      origin: event.origin,
      cause: { $like: `%${event.once}%` },
    });
    if (opened > 0) return;
  }
  const today = clock.today();
  const proposed = isProposedGround(event.ground);
  const scope = new CommandScope(em, outbox, undefined, null);
  const row = startCase(scope, center, {
    grounds: [event.ground],
    origin: event.origin,
    cause: event.cause,
    today,
    answerBy: proposed ? null : addDays(today, DEFAULT_ANSWER_DAYS),
    statement: event.cause,
    evidence: [{ ref: event.cause.split(':')[0] ?? event.cause, description: event.cause }],
    actor: PLATFORM_ACTOR,
  });
  await scheduleAnswerPeriod(em, deadlines, row);
  await scope.flush();
}
