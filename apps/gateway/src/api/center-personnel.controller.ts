import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { GetCommittee, GetCompliance, RecordCommitteeMeeting, SetCommittee, WaiveCenterRule } from '@tic/contracts';
import { RpcClient } from '@tic/platform';

import { Input } from '../routing/input.decorator';
import { RpcRoute } from '../routing/route.decorator';
import { PERSONNEL_READERS } from './access-lists';
import type { RpcInput } from './rpc-input';

/** A center's committees (A16, A17) and the compliance of its staffing, answered by the personnel service. */
@ApiTags('personnel')
@Controller('centers')
export class CenterPersonnelController {
  constructor(private readonly rpc: RpcClient) {}

  // Versioned, but a first formation has no version yet: the service asks for one once the committee exists.
  @RpcRoute('PUT', ':centerId/committees/:kind', SetCommittee, { access: ['supporting_unit'], versioned: true })
  setCommittee(@Input() input: RpcInput<typeof SetCommittee>) {
    return this.rpc.request(SetCommittee, input);
  }

  @RpcRoute('GET', ':centerId/committees/:kind', GetCommittee, { access: PERSONNEL_READERS })
  getCommittee(@Input() input: RpcInput<typeof GetCommittee>) {
    return this.rpc.request(GetCommittee, input);
  }

  @RpcRoute('POST', ':centerId/committees/:kind/meetings', RecordCommitteeMeeting, {
    access: ['supporting_unit'],
    status: 201,
    idempotent: true,
  })
  recordMeeting(@Input() input: RpcInput<typeof RecordCommitteeMeeting>) {
    return this.rpc.request(RecordCommitteeMeeting, input);
  }

  @RpcRoute('GET', ':centerId/compliance', GetCompliance, { access: PERSONNEL_READERS })
  compliance(@Input() input: RpcInput<typeof GetCompliance>) {
    return this.rpc.request(GetCompliance, input);
  }

  @RpcRoute('POST', ':centerId/waivers', WaiveCenterRule, { access: ['dst_admin'], status: 201, idempotent: true })
  waive(@Input() input: RpcInput<typeof WaiveCenterRule>) {
    return this.rpc.request(WaiveCenterRule, input);
  }
}
