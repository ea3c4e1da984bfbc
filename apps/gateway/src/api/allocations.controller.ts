import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import {
  CloseAllocationYear,
  CreateAllocation,
  GetAllocation,
  ListAllocations,
  RateAllocation,
  RecordMisuseFinding,
  SelfEvaluateAllocation,
} from '@tic/contracts';
import { RpcClient } from '@tic/platform';

import { Input } from '../routing/input.decorator';
import { RpcRoute } from '../routing/route.decorator';
import { CENTER_FUNDS_READERS } from './access-lists';
import type { RpcInput } from './rpc-input';

const ALLOCATION = { id: 'allocationId' } as const;

/** A33–A36: DST's allocations of provincial funds to centers, their year end, performance and misuse. */
@ApiTags('funding')
@Controller('allocations')
export class AllocationsController {
  constructor(private readonly rpc: RpcClient) {}

  @RpcRoute('POST', '', CreateAllocation, { access: ['dst_admin'], status: 201, idempotent: true })
  create(@Input() input: RpcInput<typeof CreateAllocation>) {
    return this.rpc.request(CreateAllocation, input);
  }

  @RpcRoute('GET', '', ListAllocations, { access: CENTER_FUNDS_READERS })
  list(@Input() input: RpcInput<typeof ListAllocations>) {
    return this.rpc.request(ListAllocations, input);
  }

  @RpcRoute('GET', ':id', GetAllocation, { access: CENTER_FUNDS_READERS, params: ALLOCATION })
  get(@Input() input: RpcInput<typeof GetAllocation>) {
    return this.rpc.request(GetAllocation, input);
  }

  // A34 结余结转: carried over to next year's allocation or returned.
  @RpcRoute('POST', ':id/close-year', CloseAllocationYear, {
    access: ['dst_admin'],
    versioned: true,
    params: ALLOCATION,
  })
  closeYear(@Input() input: RpcInput<typeof CloseAllocationYear>) {
    return this.rpc.request(CloseAllocationYear, input);
  }

  @RpcRoute('POST', ':id/self-evaluation', SelfEvaluateAllocation, {
    access: ['supporting_unit'],
    versioned: true,
    params: ALLOCATION,
  })
  selfEvaluate(@Input() input: RpcInput<typeof SelfEvaluateAllocation>) {
    return this.rpc.request(SelfEvaluateAllocation, input);
  }

  @RpcRoute('POST', ':id/rating', RateAllocation, { access: ['dst_admin'], versioned: true, params: ALLOCATION })
  rate(@Input() input: RpcInput<typeof RateAllocation>) {
    return this.rpc.request(RateAllocation, input);
  }

  @RpcRoute('POST', ':id/misuse-findings', RecordMisuseFinding, {
    access: ['dst_admin'],
    status: 201,
    idempotent: true,
    params: ALLOCATION,
  })
  recordMisuse(@Input() input: RpcInput<typeof RecordMisuseFinding>) {
    return this.rpc.request(RecordMisuseFinding, input);
  }
}
