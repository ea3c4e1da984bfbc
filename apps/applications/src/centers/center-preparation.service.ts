import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, type OnModuleInit } from '@nestjs/common';

import { CenterPreparationOverdue } from '@tic/contracts';
import { Deadline, Deadlines } from '@tic/deadlines';
import { EventOutbox, nextEventVersion } from '@tic/platform';

import { Center } from './center.entity';

/**
 * A12 last paragraph: a center in preparation whose one-year period (its D-preparation deadline) passed
 * while it is still preparing is told to DST as tic.center.preparation_overdue; the evaluation that moves
 * it into formal management or ends it is DST's to decide. Reminders come from the deadline kit.
 */
@Injectable()
export class CenterPreparationService implements OnModuleInit {
  constructor(
    private readonly deadlines: Deadlines,
    private readonly outbox: EventOutbox,
  ) {}

  onModuleInit(): void {
    this.deadlines.onFire('D-preparation', (em, deadline) => this.overdue(em, deadline));
  }

  private async overdue(em: EntityManager, deadline: Deadline): Promise<void> {
    const center = await em.findOne(Center, { id: deadline.subjectId });
    // A center evaluated in time has left preparation: its period passing is nobody's failure.
    if (!center || center.status !== 'preparing') return;
    this.outbox.record(em, CenterPreparationOverdue, {
      subject: center.id,
      aggregateVersion: nextEventVersion(center),
      data: {
        centerId: center.id,
        name: { zh: center.nameZh, en: center.nameEn },
        preparationStartedOn: deadline.startOn,
        preparationEndedOn: deadline.dueOn,
        deadlineId: deadline.id,
      },
    });
  }
}
