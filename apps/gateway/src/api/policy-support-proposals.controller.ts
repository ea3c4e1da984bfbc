import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { DeclinePolicySupportProposal, ListPolicySupportProposals } from '@tic/contracts';
import { RpcClient } from '@tic/platform';

import { Input } from '../routing/input.decorator';
import { RpcRoute } from '../routing/route.decorator';
import { CENTER_FUNDS_READERS } from './access-lists';
import type { RpcInput } from './rpc-input';

/** A30, A33: policy-support proposals of excellent grades; DST answers one with an allocation or declines it. */
@ApiTags('funding')
@Controller('policy-support-proposals')
export class PolicySupportProposalsController {
  constructor(private readonly rpc: RpcClient) {}

  @RpcRoute('GET', '', ListPolicySupportProposals, { access: CENTER_FUNDS_READERS })
  list(@Input() input: RpcInput<typeof ListPolicySupportProposals>) {
    return this.rpc.request(ListPolicySupportProposals, input);
  }

  @RpcRoute('POST', ':id/decline', DeclinePolicySupportProposal, {
    access: ['dst_admin'],
    params: { id: 'proposalId' },
  })
  decline(@Input() input: RpcInput<typeof DeclinePolicySupportProposal>) {
    return this.rpc.request(DeclinePolicySupportProposal, input);
  }
}
