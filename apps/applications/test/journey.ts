import {
  ConfirmCoBuilders,
  CreateApplication,
  DrawExperts,
  GetApplication,
  OpenCall,
  ScoreApplication,
  TransitionApplication,
  type ApplicationDto,
} from '@tic/contracts';
import { addDays } from '@tic/domain';
import type { RpcClient } from '@tic/platform';

import { DEMO_EXPERTS } from '../src/seed/demo-units';
import { CALLERS, eligibleForm, expertCaller } from './harness';

/** Today in Asia/Shanghai, as the service counts legal dates. */
export const today = (): string => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

type Step = 'submit' | 'pass_supporting_review' | 'recommend' | 'pass_formal_review' | 'shortlist';

/** Every A13 review level before the expert review, where DST draws the experts. */
export const TO_EXPERT_REVIEW: readonly Step[] = [
  'submit',
  'pass_supporting_review',
  'recommend',
  'pass_formal_review',
];
/** Then the shortlist, where a public notice may list the application. */
export const TO_SHORTLIST: readonly Step[] = [...TO_EXPERT_REVIEW, 'shortlist'];

/** Drafts an eligible application (with `form` changed) and takes it through the given steps. */
export async function applicationAt(
  rpc: RpcClient,
  steps: readonly Step[],
  form: Partial<Omit<ReturnType<typeof eligibleForm>, 'requestedTrack'>> & {
    readonly requestedTrack?: 'formal' | 'preparation';
  } = {},
): Promise<ApplicationDto> {
  const call = await rpc.request(
    OpenCall,
    { year: 2027, title: '2027年度申报', opensOn: addDays(today(), -1), closesOn: addDays(today(), 30) },
    { caller: CALLERS.dst },
  );
  let application = await rpc.request(
    CreateApplication,
    { ...eligibleForm(), ...form, callId: call.id },
    { caller: CALLERS.construction },
  );
  // A10: the supporting unit confirms the co-builder, whose experts the draw then leaves out.
  application = await rpc.request(
    ConfirmCoBuilders,
    { id: application.id, version: application.version },
    { caller: CALLERS.supporting },
  );
  const actor = {
    submit: CALLERS.construction,
    pass_supporting_review: CALLERS.supporting,
    recommend: CALLERS.recommender,
    pass_formal_review: CALLERS.dst,
    shortlist: CALLERS.dst,
  };
  for (const action of steps) {
    if (action === 'shortlist') await scoreAll(rpc, application.id);
    application = await rpc.request(GetApplication, { id: application.id }, { caller: CALLERS.dst });
    application = await rpc.request(
      TransitionApplication,
      { id: application.id, action, version: application.version },
      { caller: actor[action] },
    );
  }
  return application;
}

/** Draws five experts (and two reserves) and has each reviewer score. */
export async function scoreAll(rpc: RpcClient, applicationId: string): Promise<void> {
  const review = await rpc.request(DrawExperts, { applicationId, count: 5, reserves: 2 }, { caller: CALLERS.dst });
  for (const assignment of review.assignments.filter((a) => a.role === 'reviewer')) {
    await rpc.request(
      ScoreApplication,
      { applicationId, score: 88, opinion: '研发基础扎实，建设方案可行。' },
      { caller: expertCaller(expertNumber(assignment.expertId)) },
    );
  }
}

export function expertNumber(expertId: string): number {
  return Number(/expert-(\d+)/.exec(DEMO_EXPERTS.find((e) => e.id === expertId)?.userId ?? '')?.[1]);
}
