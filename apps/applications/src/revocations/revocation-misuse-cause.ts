import type { z } from 'zod';

import type { FundingMisuseFound } from '@tic/contracts';
import type { MisuseKind } from '@tic/domain';

/** A36's words for the kinds of misuse, as DST reads them in the case. */
const MISUSE_KIND_ZH: Record<MisuseKind, string> = {
  falsification: '弄虚作假',
  withholding: '截留',
  misappropriation: '挪用',
  diversion: '挤占',
};

/** Fen as yuan with two places: money is carried in fen and never as a float until it is shown. */
function yuan(fen: number): string {
  const whole = Math.trunc(fen / 100);
  const cents = String(fen % 100).padStart(2, '0');
  return `${whole}.${cents}`;
}

/**
 * A31(六) from A36: what DST reads as the cause of a proposed case, naming the finding, its kind,
 * the amount and the day it was found. The event and the finding ids keep it traceable (and unique).
 */
export function misuseCause(eventId: string, finding: z.output<typeof FundingMisuseFound.data>): string {
  return (
    `tic.funding.misuse_found ${eventId}: 省级财政资金使用中存在${MISUSE_KIND_ZH[finding.kind]}行为` +
    `（认定 ${finding.findingId}，涉及金额${yuan(finding.amountFen)}元，${finding.foundOn}认定），建议撤销`
  );
}
