import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { EndPreparation, GiveUpCenter, GraduateCenter, RegisterExistingCenter } from '@tic/contracts';
import { RpcClient } from '@tic/platform';

import { Input } from '../routing/input.decorator';
import { RpcRoute } from '../routing/route.decorator';
import type { RpcInput } from './rpc-input';

/** A center's standing: registering one approved before the platform (A40), giving it up (A31(五)), graduation (A33), the end of preparation (A12). */
@ApiTags('centers')
@Controller('centers')
export class CenterStandingController {
  constructor(private readonly rpc: RpcClient) {}

  // A40: a center approved before the platform enters the registry with its approval document.
  @RpcRoute('POST', 'existing', RegisterExistingCenter, { access: ['dst_admin'], status: 201, idempotent: true })
  registerExisting(@Input() input: RpcInput<typeof RegisterExistingCenter>) {
    return this.rpc.request(RegisterExistingCenter, input);
  }

  @RpcRoute('POST', ':id/give-up', GiveUpCenter, {
    access: ['supporting_unit'],
    status: 201,
    idempotent: true,
    params: { id: 'centerId' },
  })
  giveUp(@Input() input: RpcInput<typeof GiveUpCenter>) {
    return this.rpc.request(GiveUpCenter, input);
  }

  @RpcRoute('POST', ':id/graduation', GraduateCenter, { access: ['dst_admin'], versioned: true })
  graduate(@Input() input: RpcInput<typeof GraduateCenter>) {
    return this.rpc.request(GraduateCenter, input);
  }

  @RpcRoute('POST', ':id/preparation-end', EndPreparation, { access: ['dst_admin'], versioned: true })
  endPreparation(@Input() input: RpcInput<typeof EndPreparation>) {
    return this.rpc.request(EndPreparation, input);
  }
}
