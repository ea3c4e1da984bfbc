import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import { CreateChange, UpdateChange, type ChangeDto, type ListChanges } from '@tic/contracts';
import { Clock } from '@tic/deadlines';
import { assertVersion, type Caller, type In, newId, pageOf, refuse, requireAccess, UnitOfWork } from '@tic/platform';

import { Center } from '../centers/center.entity';
import { assertCenterOpen, checkedChangeFields } from './change-form';
import { ChangeRequest } from './change-request.entity';
import { filingDeadlines, toChangeDto, toChangeSummary } from './change-view';
import { CHANGE_REFUSALS } from './changes.refusals';

/** A26: the construction unit writes a center's change report and edits it while it is its own; reads and lists. */
@Injectable()
export class ChangesService {
  constructor(
    private readonly entityManager: EntityManager,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
  ) {}

  create(input: In<typeof CreateChange>, caller: Caller): Promise<ChangeDto> {
    return this.uow.run(
      CreateChange,
      input,
      async ({ em }) => {
        const centers = em.getRepository(Center);
        const center = await centers.findVisible(input.centerId, caller);
        requireAccess(caller, 'change.create', centers.facts(center));
        assertCenterOpen(center);
        const { centerId: _, ...form } = input;
        const change = em.create(ChangeRequest, {
          id: newId(),
          centerId: center.id,
          ...(await checkedChangeFields(em, form, center, this.clock.today())),
        });
        return change.id;
      },
      (em, id) => this.view(em, id, caller),
    );
  }

  update(input: In<typeof UpdateChange>, caller: Caller): Promise<ChangeDto> {
    return this.uow.run(
      UpdateChange,
      input,
      async ({ em }) => {
        const changes = em.getRepository(ChangeRequest);
        const change = await changes.findVisibleForUpdate(input.id, caller);
        requireAccess(caller, 'change.update', await changes.facts(change));
        assertVersion(input.version, change.version);
        if (change.status !== 'draft') throw refuse(CHANGE_REFUSALS.not_editable);
        const center = await em.getRepository(Center).findOneOrFail({ id: change.centerId });
        assertCenterOpen(center);
        const { id: _, version: __, ...form } = input;
        em.assign(change, await checkedChangeFields(em, form, center, this.clock.today()));
        return change.id;
      },
      (em, id) => this.view(em, id, caller),
    );
  }

  get(id: string, caller: Caller): Promise<ChangeDto> {
    return this.view(this.entityManager.fork(), id, caller);
  }

  /** The report as the caller sees it, read through `em` (a command's, to answer with what it changed). */
  async view(em: EntityManager, id: string, caller: Caller): Promise<ChangeDto> {
    return toChangeDto(em, await em.getRepository(ChangeRequest).findVisible(id, caller), caller);
  }

  async list(input: In<typeof ListChanges>, caller: Caller) {
    const em = this.entityManager.fork();
    // The center's own read decides first: a center the caller does not see is a 404, not an empty list.
    await em.getRepository(Center).findVisible(input.centerId, caller);
    const changes = em.getRepository(ChangeRequest);
    const scope = await changes.visibleFilter(caller);
    if (scope === null) return { items: [] };
    const rows = await changes.page(scope, input, input.limit);
    const filings = await filingDeadlines(em, rows);
    return pageOf(
      rows,
      input.limit,
      (row) => row.id,
      (row) => toChangeSummary(row, filings.get(row.id)),
    );
  }
}
