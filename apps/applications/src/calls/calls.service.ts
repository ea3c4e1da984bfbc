import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';

import { OpenCall, type CallDto, type ListCalls } from '@tic/contracts';
import { type Caller, newId, pageOf, requireAccess, UnitOfWork } from '@tic/platform';

import { Call } from './call.entity';

/** A11: DST's annual calls for applications. */
@Injectable()
export class CallsService {
  constructor(
    private readonly entityManager: EntityManager,
    private readonly uow: UnitOfWork,
  ) {}

  open(input: z.output<typeof OpenCall.request>, caller: Caller): Promise<CallDto> {
    requireAccess(caller, 'call.open', { kind: 'call' });
    return this.uow.run(
      OpenCall,
      input,
      ({ em }) =>
        Promise.resolve(
          em.create(Call, {
            id: newId(),
            year: input.year,
            title: input.title,
            opensOn: input.opensOn,
            closesOn: input.closesOn,
          }),
        ),
      (_em, call) => Promise.resolve(toCallDto(call)),
    );
  }

  async list(input: z.output<typeof ListCalls.request>) {
    const rows = await this.em().getRepository(Call).page(input.year, input.cursor, input.limit);
    return pageOf(rows, input.limit, (row) => row.id, toCallDto);
  }

  private em(): EntityManager {
    return this.entityManager.fork();
  }
}

function toCallDto(call: Call): CallDto {
  return {
    id: call.id,
    year: call.year,
    title: call.title,
    opensOn: call.opensOn,
    closesOn: call.closesOn,
    version: call.version,
  };
}
