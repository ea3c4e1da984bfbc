import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import {
  type RectificationDto,
  TransitionRectification,
  WriteRectificationRequest,
  type ListRectifications,
} from '@tic/contracts';
import { rectificationLifecycle } from '@tic/domain';
import { Deadlines } from '@tic/deadlines';
import {
  assertVersion,
  type Caller,
  type CommandScope,
  DirectoryCenter,
  type In,
  pageOf,
  refuse,
  requireAccess,
  UnitOfWork,
} from '@tic/platform';

import { Rectification } from './rectification.entity';
import { RECTIFICATION_AGGREGATE, toRectificationDto, toRectificationSummary } from './rectification-view';
import { RECTIFICATION_REFUSALS } from './rectifications.refusals';

/**
 * A30: the acceptance request's way through the units: the construction unit writes and requests it,
 * the supporting unit and then the recommender pass it or return it with comments.
 */
@Injectable()
export class RectificationWorkflowService {
  constructor(
    private readonly entityManager: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly deadlines: Deadlines,
  ) {}

  async get(id: string, caller: Caller): Promise<RectificationDto> {
    const em = this.entityManager.fork();
    return toRectificationDto(em, await em.getRepository(Rectification).findVisible(id, caller), caller);
  }

  async list(input: In<typeof ListRectifications>, caller: Caller) {
    const em = this.entityManager.fork();
    const rows = em.getRepository(Rectification);
    const scope = await rows.visibleFilter(caller);
    const found = scope === null ? [] : await rows.page(scope, input, input.limit);
    const page = pageOf(
      found,
      input.limit,
      (row) => row.id,
      (row) => row,
    );
    return { ...page, items: await Promise.all(page.items.map((row) => toRectificationSummary(em, row, caller))) };
  }

  write(input: In<typeof WriteRectificationRequest>, caller: Caller): Promise<RectificationDto> {
    return this.command(WriteRectificationRequest, input, caller, async (scope, row) => {
      requireAccess(caller, 'rectification.write', await scope.em.getRepository(Rectification).facts(row));
      if (row.status !== 'rectifying') throw refuse(RECTIFICATION_REFUSALS.not_editable);
      row.rectified = input.rectified;
      row.evidence = input.evidence.map((e) => ({ ref: e.ref, description: e.description }));
      scope.history(row, {
        aggregateType: RECTIFICATION_AGGREGATE,
        action: 'write',
        from: row.status,
        to: row.status,
        article: '第三十条',
      });
    });
  }

  transition(input: In<typeof TransitionRectification>, caller: Caller): Promise<RectificationDto> {
    return this.command(TransitionRectification, input, caller, async (scope, row) => {
      const { em } = scope;
      requireAccess(caller, 'rectification.transition', await em.getRepository(Rectification).facts(row));
      const center = await em.findOneOrFail(DirectoryCenter, { id: row.centerId });
      const decision = scope.decide(
        rectificationLifecycle.decide(row.status, input.action, caller.role, {
          centerStatus: center.status,
          ...(input.comment === undefined ? {} : { comment: input.comment }),
        }),
      );
      if (input.action === 'request_acceptance') {
        if (row.rectified.trim() === '' || row.evidence.length === 0) {
          throw refuse(
            RECTIFICATION_REFUSALS.request_incomplete,
            {},
            { errors: [{ path: 'rectified', message: 'required' }] },
          );
        }
      }
      if (input.action === 'pass' && decision.to === 'expert_acceptance') {
        // A30: the request reached DST (the recommender passed it on); D-rectification no longer reminds.
        // Not on the construction unit's request: a return puts it back to rectifying, and the year runs on.
        await this.deadlines.complete(em, row.deadlineId);
      }
      const from = row.status;
      row.status = decision.to;
      scope.history(row, {
        aggregateType: RECTIFICATION_AGGREGATE,
        action: input.action,
        from,
        to: row.status,
        findings: decision.findings,
        comment: input.comment ?? null,
        article: decision.article,
      });
    });
  }

  /** One command on a rectification: seen by the caller, at the version it read, then `work`. */
  private command(
    operation: typeof WriteRectificationRequest | typeof TransitionRectification,
    input: { readonly id: string; readonly version: number },
    caller: Caller,
    work: (scope: CommandScope, row: Rectification) => Promise<void>,
  ): Promise<RectificationDto> {
    return this.uow.run(
      operation,
      input,
      async (scope) => {
        const row = await scope.em.getRepository(Rectification).findVisibleForUpdate(input.id, caller);
        assertVersion(input.version, row.version);
        await work(scope, row);
      },
      async (em) => toRectificationDto(em, await em.getRepository(Rectification).findVisible(input.id, caller), caller),
    );
  }
}
