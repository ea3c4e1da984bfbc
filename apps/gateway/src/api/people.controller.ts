import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { GetPerson, ListPeople, RegisterPerson, RevealIdentityNumber, UpdatePerson } from '@tic/contracts';
import { RpcClient } from '@tic/platform';

import { Input } from '../routing/input.decorator';
import { RpcRoute } from '../routing/route.decorator';
import { PERSON_REGISTRARS, PERSONNEL_READERS } from './access-lists';
import type { RpcInput } from './rpc-input';

@ApiTags('personnel')
@Controller('people')
export class PeopleController {
  constructor(private readonly rpc: RpcClient) {}

  @RpcRoute('POST', '', RegisterPerson, { access: PERSON_REGISTRARS, status: 201, idempotent: true })
  register(@Input() input: RpcInput<typeof RegisterPerson>) {
    return this.rpc.request(RegisterPerson, input);
  }

  @RpcRoute('GET', '', ListPeople, { access: PERSONNEL_READERS })
  list(@Input() input: RpcInput<typeof ListPeople>) {
    return this.rpc.request(ListPeople, input);
  }

  @RpcRoute('GET', ':id', GetPerson, { access: PERSONNEL_READERS })
  get(@Input() input: RpcInput<typeof GetPerson>) {
    return this.rpc.request(GetPerson, input);
  }

  @RpcRoute('PUT', ':id', UpdatePerson, { access: PERSON_REGISTRARS, versioned: true })
  update(@Input() input: RpcInput<typeof UpdatePerson>) {
    return this.rpc.request(UpdatePerson, input);
  }

  // DST only, and audited by the service: the one route whose reply carries an ID number unmasked.
  @RpcRoute('POST', ':id/identity-reads', RevealIdentityNumber, { access: ['dst_admin'] })
  reveal(@Input() input: RpcInput<typeof RevealIdentityNumber>) {
    return this.rpc.request(RevealIdentityNumber, input);
  }
}
