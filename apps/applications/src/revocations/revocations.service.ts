import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';

import {
  GiveUpCenter,
  type ListRevocations,
  OpenRevocation,
  type RevocationDto,
  SetRevocationAnswerBy,
} from '@tic/contracts';
import { addDays, REVOCATION_OPENING, type RevocationGround } from '@tic/domain';
import { Clock, Deadlines } from '@tic/deadlines';
import { type Caller, eventActor, pageOf, refuse, requireAccess, UnitOfWork } from '@tic/platform';

import { Center } from '../centers/center.entity';
import { assertCenterInOperation } from '../centers/center-standing';
import { scheduleAnswerPeriod } from './revocation-answer-period';
import { DEFAULT_ANSWER_DAYS, startCase } from './revocation-opening';
import { RevocationCase } from './revocation-case.entity';
import { REVOCATION_AGGREGATE, revocationViews } from './revocation-view';
import { REVOCATION_REFUSALS } from './revocations.refusals';

type OpenInput = z.output<typeof OpenRevocation.request>;
type GiveUpInput = z.output<typeof GiveUpCenter.request>;
type SetAnswerByInput = z.output<typeof SetRevocationAnswerBy.request>;

/** A31: revocation cases opened by DST (grounds 6–9) or by the supporting unit giving up (ground 5), and reads. */
@Injectable()
export class RevocationsService {
  constructor(
    private readonly entityManager: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly deadlines: Deadlines,
  ) {}

  async get(id: string, caller: Caller): Promise<RevocationDto> {
    const em = this.entityManager.fork();
    return this.view(em, (await em.getRepository(RevocationCase).findVisible(id, caller)).id);
  }

  async list(input: z.output<typeof ListRevocations.request>, caller: Caller) {
    const em = this.entityManager.fork();
    const cases = em.getRepository(RevocationCase);
    const scope = await cases.visibleFilter(caller);
    if (scope === null) return { items: [] };
    const rows = await cases.page(scope, input, input.limit);
    const views = new Map((await revocationViews(em, rows)).map((v) => [v.id, v]));
    return pageOf(
      rows,
      input.limit,
      (row) => row.id,
      (row) => views.get(row.id) as RevocationDto,
    );
  }

  /** A31(六)–(九): DST opens a case with its evidence and the day the units answer by. */
  open(input: OpenInput, caller: Caller): Promise<RevocationDto> {
    return this.uow.run(
      OpenRevocation,
      input,
      async (scope) => {
        const center = await this.centerFor(scope.em, input.centerId, caller);
        requireAccess(caller, 'revocation.open', scope.em.getRepository(Center).facts(center));
        const byDst: readonly RevocationGround[] = REVOCATION_OPENING.byDst;
        if (!input.grounds.every((g) => byDst.includes(g as RevocationGround))) {
          throw refuse(
            REVOCATION_REFUSALS.ground_not_dst,
            {},
            { rule: 'A31-revocation', errors: [{ path: 'grounds', message: 'grounds (6)–(9) only' }] },
          );
        }
        const today = this.clock.today();
        if (input.answerBy < today) {
          throw refuse(
            REVOCATION_REFUSALS.answer_by_past,
            { today },
            { errors: [{ path: 'answerBy', message: `before ${today}` }] },
          );
        }
        assertCenterInOperation(center);
        const row = startCase(scope, center, {
          grounds: input.grounds as RevocationGround[],
          origin: 'dst',
          cause: '省科技厅立案',
          today,
          answerBy: input.answerBy,
          statement: input.statement,
          evidence: input.evidence,
          actor: eventActor(caller),
        });
        await scheduleAnswerPeriod(scope.em, this.deadlines, row);
        return row.id;
      },
      (em, id) => this.view(em, id),
    );
  }

  /** A31(五): the supporting unit applies to give up its center's qualification; the case opens at once. */
  giveUp(input: GiveUpInput, caller: Caller): Promise<RevocationDto> {
    return this.uow.run(
      GiveUpCenter,
      input,
      async (scope) => {
        const center = await this.centerFor(scope.em, input.centerId, caller);
        requireAccess(caller, 'revocation.give_up', scope.em.getRepository(Center).facts(center));
        assertCenterInOperation(center);
        const today = this.clock.today();
        const row = startCase(scope, center, {
          grounds: [5],
          origin: 'give_up',
          cause: '依托单位申请放弃辽宁省技术创新中心资格',
          today,
          answerBy: addDays(today, DEFAULT_ANSWER_DAYS),
          statement: input.statement,
          evidence: input.evidence,
          actor: eventActor(caller),
        });
        await scheduleAnswerPeriod(scope.em, this.deadlines, row);
        return row.id;
      },
      (em, id) => this.view(em, id),
    );
  }

  /**
   * A31: DST sets or moves the day the units answer an open case by (not before today); the case's
   * D-revocation-answer deadline moves with it. A case proposed or decided is refused.
   */
  setAnswerBy(input: SetAnswerByInput, caller: Caller): Promise<RevocationDto> {
    return this.uow.run(
      SetRevocationAnswerBy,
      input,
      async (scope) => {
        const cases = scope.em.getRepository(RevocationCase);
        await cases.findVisible(input.id, caller);
        const row = await cases.lockAtVersion(input.id, input.version, { zh: '撤销案件', en: 'Revocation case' });
        requireAccess(caller, 'revocation.decide', cases.facts(row));
        if (row.status !== 'open') throw refuse(REVOCATION_REFUSALS.not_open, { status: row.status });
        const today = this.clock.today();
        if (input.answerBy < today) {
          throw refuse(
            REVOCATION_REFUSALS.answer_by_past,
            { today },
            { errors: [{ path: 'answerBy', message: `before ${today}` }] },
          );
        }
        const from = row.answerBy;
        row.answerBy = input.answerBy;
        await scheduleAnswerPeriod(scope.em, this.deadlines, row);
        scope.history(row, {
          aggregateType: REVOCATION_AGGREGATE,
          action: 'set_answer_by',
          from: row.status,
          to: row.status,
          comment: `answerBy ${from ?? '—'} → ${input.answerBy}${input.reason === undefined ? '' : `：${input.reason}`}`,
          article: '第三十一条',
        });
        return row.id;
      },
      (em, id) => this.view(em, id),
    );
  }

  async view(em: EntityManager, id: string): Promise<RevocationDto> {
    const [view] = await revocationViews(em, [await em.getRepository(RevocationCase).findOneOrFail({ id })]);
    return view as RevocationDto;
  }

  // The center as the caller sees it (404 when not), locked: a case and a revocation do not cross.
  private async centerFor(em: EntityManager, id: string, caller: Caller): Promise<Center> {
    const centers = em.getRepository(Center);
    await centers.findVisible(id, caller);
    return (await centers.findForUpdate(id)) as Center;
  }
}
