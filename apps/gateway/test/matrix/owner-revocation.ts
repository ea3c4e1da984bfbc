import { randomUUID } from 'node:crypto';

import { type ApplicationDto, createEvent, ReportOverdue, type RevocationDto } from '@tic/contracts';
import { addDays } from '@tic/domain';
import { eventually, publishEvents } from '@tic/testing';

import { call, type PlatformWorld } from '../platform/platform-world';
import { approveOnceNoticeEnds, publishNotice, shortlisted, today, type Tokens } from '../platform/journey';
import { succeeded } from './probe';

/** The owner's centers and cases the revocation, graduation and preparation-end routes act on. */
export interface RevocationIds {
  /** An operating center: DST opens a case on it, its supporting unit gives it up, then it is revoked. */
  readonly centerId: string;
  /** A center in preparation: its preparation ends (operating), then it graduates (A33). */
  readonly preparingId: string;
  /** Open cases on `centerId`: one awaiting its answer, one answered (DST may decide it, then file it). */
  readonly toAnswer: string;
  readonly toDecide: string;
  /** Proposals from tic.report.overdue (A31(三)): one DST confirms, one it dismisses. */
  readonly toConfirm: string;
  readonly toDismiss: string;
}

// Fields the demo expert pool covers, named apart from the matrix's other centers (A37).
const FORMAL = { zh: '智能制造撤销矩阵', en: 'Intelligent Manufacturing Revocation Matrix' };
const PREPARING = { zh: '海洋工程筹建矩阵', en: 'Ocean Engineering Preparation Matrix' };

/** Two more centers of the owner unit (one formal, one in preparation) and cases in every state a route needs. */
export async function ownerRevocation(world: PlatformWorld, tokens: Tokens): Promise<RevocationIds> {
  const formal = await shortlisted(world, tokens, FORMAL);
  let preparing = await shortlisted(world, tokens, PREPARING, { requestedTrack: 'preparation' });
  preparing = await succeeded<ApplicationDto>(
    call(world, 'POST', `/applications/${preparing.id}/waivers`, {
      token: tokens.dst,
      headers: { 'if-match': `W/"${preparing.version}"` },
      body: { rule: 'A12-relaxed', reason: '未来产业，先行筹建' },
    }),
  );
  await publishNotice(world, tokens, [formal.id, preparing.id], addDays(today(), -10));
  const centerId = (await approveOnceNoticeEnds(world, tokens, formal)).centerId ?? '';
  const current = await succeeded<ApplicationDto>(
    call(world, 'GET', `/applications/${preparing.id}`, { token: tokens.dst }),
  );
  const approved = await succeeded<ApplicationDto>(
    call(world, 'POST', `/applications/${preparing.id}/approval`, {
      token: tokens.dst,
      headers: { 'if-match': `W/"${current.version}"` },
      body: { track: 'preparation' },
    }),
  );

  const open = (grounds: number[]) =>
    succeeded<RevocationDto>(
      call(world, 'POST', '/revocations', {
        token: tokens.dst,
        body: {
          centerId,
          grounds,
          statement: '经核查，该中心存在第三十一条所列情形。',
          evidence: [{ ref: '辽科核〔2026〕1号', description: '核查报告' }],
          answerBy: addDays(today(), 30),
        },
      }),
    );
  const toAnswer = await open([6]);
  const toDecide = await open([7]);
  await succeeded(
    call(world, 'POST', `/revocations/${toDecide.id}/answer`, {
      token: tokens.supporting,
      headers: { 'if-match': `W/"${toDecide.version}"` },
      body: { statement: '依托单位对核查结论无异议。' },
    }),
  );

  // A31(三): the evaluations service reports two overdue annual reports; each is proposed to DST.
  await publishEvents(
    world.nats,
    [2024, 2025].map((year) =>
      createEvent(ReportOverdue, {
        id: randomUUID(),
        subject: randomUUID(),
        time: new Date().toISOString(),
        aggregateVersion: 1,
        data: { centerId, reportYear: year, dueOn: `${year + 1}-03-31` },
      }),
    ),
    'evaluations',
  );
  const proposals = await eventually(
    async () => {
      const page = await call<{ items: RevocationDto[] }>(
        world,
        'GET',
        `/revocations?centerId=${centerId}&status=proposed`,
        { token: tokens.dst },
      );
      expect(page.body.items).toHaveLength(2);
      return page.body.items;
    },
    30_000,
    250,
  );
  return {
    centerId,
    preparingId: approved.centerId ?? '',
    toAnswer: toAnswer.id,
    toDecide: toDecide.id,
    toConfirm: proposals[0]?.id ?? '',
    toDismiss: proposals[1]?.id ?? '',
  };
}
