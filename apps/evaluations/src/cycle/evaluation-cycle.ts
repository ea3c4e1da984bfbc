import type { EntityManager } from '@mikro-orm/postgresql';

import { Deadline, type Deadlines } from '@tic/deadlines';

const KIND = 'D-evaluation-cycle';

/**
 * A28: an evaluation published on `evaluatedOn` meets the center's current period and starts the next
 * two years. The one place that schedules a cycle, for the round's publication and the subscription alike.
 */
export async function startEvaluationCycle(
  em: EntityManager,
  deadlines: Deadlines,
  centerId: string,
  evaluatedOn: string,
): Promise<Deadline> {
  await completeEvaluationCycle(em, deadlines, centerId);
  return deadlines.schedule(em, { kind: KIND, subjectId: centerId, centerId, start: evaluatedOn });
}

/** A28: an evaluation took place; the period it waited for is met (a terminated preparation has no next one). */
export async function completeEvaluationCycle(
  em: EntityManager,
  deadlines: Deadlines,
  centerId: string,
): Promise<void> {
  for (const pending of await deadlines.findPending(em, centerId, KIND)) {
    await deadlines.complete(em, pending.id);
  }
}

/**
 * A28: the first cycle runs from approval (or from the day a preparing center became operating). Any
 * earlier row of the center, whatever its state, means the cycle was started already: a redelivered
 * event, or a preparation evaluation whose publication scheduled the next cycle itself.
 */
export async function startFirstEvaluationCycle(
  em: EntityManager,
  deadlines: Deadlines,
  centerId: string,
  startOn: string,
): Promise<void> {
  if ((await em.count(Deadline, { kind: KIND, centerId })) > 0) return;
  await startEvaluationCycle(em, deadlines, centerId, startOn);
}

/** A closed center (revoked, terminated, graduated) is evaluated no more: its pending cycle no longer applies. */
export async function cancelEvaluationCycle(em: EntityManager, deadlines: Deadlines, centerId: string): Promise<void> {
  for (const pending of await deadlines.findPending(em, centerId, KIND)) {
    await deadlines.cancel(em, pending.id);
  }
}
