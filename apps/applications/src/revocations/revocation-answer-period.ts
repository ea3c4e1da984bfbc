import type { EntityManager } from '@mikro-orm/postgresql';

import type { Deadlines } from '@tic/deadlines';

import type { RevocationCase } from './revocation-case.entity';

/**
 * A31, D-revocation-answer: the case's answerBy is a deadline row (reminders, tic.deadline.overdue), in the
 * command's transaction. A moved day cancels the pending row and schedules the new day; nothing pends
 * before the case opens.
 */
export async function scheduleAnswerPeriod(
  em: EntityManager,
  deadlines: Deadlines,
  row: RevocationCase,
): Promise<void> {
  if (row.answerBy === null || row.openedOn === null) return;
  await closeAnswerPeriod(em, deadlines, row.id, 'cancel');
  await deadlines.schedule(em, {
    kind: 'D-revocation-answer',
    subjectId: row.id,
    centerId: row.centerId,
    start: row.openedOn,
    length: { endsOn: row.answerBy },
  });
}

/** The units answered (or DST decided): the pending answer period is completed. */
export function completeAnswerPeriod(em: EntityManager, deadlines: Deadlines, caseId: string): Promise<void> {
  return closeAnswerPeriod(em, deadlines, caseId, 'complete');
}

async function closeAnswerPeriod(
  em: EntityManager,
  deadlines: Deadlines,
  caseId: string,
  how: 'cancel' | 'complete',
): Promise<void> {
  for (const pending of await deadlines.findPending(em, caseId, 'D-revocation-answer')) {
    await (how === 'cancel' ? deadlines.cancel(em, pending.id) : deadlines.complete(em, pending.id));
  }
}
