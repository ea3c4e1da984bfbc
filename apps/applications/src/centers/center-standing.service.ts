import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';

import { CenterGraduated, type CenterDto, EndPreparation, GraduateCenter } from '@tic/contracts';
import { centerLifecycle } from '@tic/domain';
import { Clock, Deadline, Deadlines } from '@tic/deadlines';
import { type Caller, type CommandScope, eventActor, nextEventVersion, requireAccess, UnitOfWork } from '@tic/platform';

import { notAfterToday } from '../revocations/revocation-steps';
import { Center } from './center.entity';
import { assertCenterNotRevoked, moveCenter } from './center-standing';
import { toCenterDto } from './centers.service';
import { endPreparation } from './preparation-end';

type GraduateInput = z.output<typeof GraduateCenter.request>;
type EndPreparationInput = z.output<typeof EndPreparation.request>;

/**
 * A33 and A12: DST records that a center became a national or ministerial platform (graduated), and
 * decides the end of a preparation period (into formal management, or terminated). Both go through the
 * center state machine and emit tic.center.status_changed; a revoked center takes neither.
 */
@Injectable()
export class CenterStandingService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly deadlines: Deadlines,
  ) {}

  graduate(input: GraduateInput, caller: Caller): Promise<CenterDto> {
    return this.uow.run(
      GraduateCenter,
      input,
      async (scope) => {
        const center = await this.load(scope, input, caller, 'center.graduate');
        const graduatedOn = notAfterToday(input.graduatedOn, 'graduatedOn', this.clock.today());
        const decision = scope.decide(
          centerLifecycle.decide(center.status, 'graduate', caller.role, { nationalPlatform: input.nationalPlatform }),
        );
        const reason = `${input.nationalPlatform}（${graduatedOn}）`;
        moveCenter(scope, center, { action: 'graduate', decision, reason, changedOn: graduatedOn, caller });
        scope.record(CenterGraduated, {
          subject: center.id,
          aggregateVersion: nextEventVersion(center),
          data: {
            centerId: center.id,
            name: { zh: center.nameZh, en: center.nameEn },
            nationalPlatform: input.nationalPlatform,
            graduatedOn,
            actor: eventActor(caller),
          },
        });
      },
      (em) => this.view(em, input.id),
    );
  }

  endPreparation(input: EndPreparationInput, caller: Caller): Promise<CenterDto> {
    return this.uow.run(
      EndPreparation,
      input,
      async (scope) => {
        const center = await this.load(scope, input, caller, 'center.end_preparation');
        const decidedOn = notAfterToday(input.decidedOn, 'decidedOn', this.clock.today());
        // A12 last paragraph: DST's decision rests on the preparation evaluation (recorded with it later).
        await endPreparation(scope, this.deadlines, center, {
          outcome: input.outcome,
          reason: input.reason,
          decidedOn,
          mover: caller,
        });
      },
      (em) => this.view(em, input.id),
    );
  }

  private async load(
    scope: CommandScope,
    input: { readonly id: string; readonly version: number },
    caller: Caller,
    action: 'center.graduate' | 'center.end_preparation',
  ): Promise<Center> {
    const centers = scope.em.getRepository(Center);
    await centers.findVisible(input.id, caller);
    const center = await centers.lockAtVersion(input.id, input.version, { zh: '技术创新中心', en: 'Center' });
    requireAccess(caller, action, centers.facts(center));
    assertCenterNotRevoked(center);
    return center;
  }

  private async view(em: EntityManager, id: string): Promise<CenterDto> {
    const center = await em.getRepository(Center).findOneOrFail({ id });
    const deadline =
      center.preparationDeadlineId === null ? null : await em.findOne(Deadline, { id: center.preparationDeadlineId });
    return toCenterDto(center, deadline ?? undefined);
  }
}
