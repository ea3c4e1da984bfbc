import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { GetFundingSources, queryYear, RecordFundingSources } from '@tic/contracts';
import { RpcClient } from '@tic/platform';

import { Input } from '../routing/input.decorator';
import { Route, RpcRoute } from '../routing/route.decorator';
import { CENTER_FUNDS_READERS } from './access-lists';
import type { RpcInput } from './rpc-input';

// The year comes from the path as text; the RPC's own schema takes a number.
const recordInPath = RecordFundingSources.request.extend({ year: queryYear });

/** A32: a center's funding by source and year, as its supporting unit records it. */
@ApiTags('funding')
@Controller('centers')
export class FundingSourcesController {
  constructor(private readonly rpc: RpcClient) {}

  @RpcRoute('GET', ':centerId/funding-sources', GetFundingSources, { access: CENTER_FUNDS_READERS })
  get(@Input() input: RpcInput<typeof GetFundingSources>) {
    return this.rpc.request(GetFundingSources, input);
  }

  @Route('PUT', ':centerId/funding-sources/:year', {
    summary: RecordFundingSources.summary,
    request: recordInPath,
    response: RecordFundingSources.response,
    rpc: RecordFundingSources,
    access: ['supporting_unit'],
  })
  record(@Input() input: RpcInput<typeof RecordFundingSources>) {
    return this.rpc.request(RecordFundingSources, input);
  }
}
