import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import {
  ApproveApplication,
  ConfirmCoBuilders,
  CreateApplication,
  ExportApplications,
  GetApplication,
  ListApplications,
  RecordWaiver,
  TransitionApplication,
  UpdateApplication,
} from '@tic/contracts';
import { RpcClient } from '@tic/platform';

import { Input } from '../routing/input.decorator';
import { SIGNED_IN } from '../routing/route-spec';
import { RpcRoute } from '../routing/route.decorator';
import { APPLICATION_READERS } from './access-lists';
import { ApplicationsExport } from './applications-export.service';
import type { RpcInput } from './rpc-input';

@ApiTags('applications')
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly exports: ApplicationsExport,
  ) {}

  @RpcRoute('POST', '', CreateApplication, { access: ['construction_unit'], status: 201, idempotent: true })
  create(@Input() input: RpcInput<typeof CreateApplication>) {
    return this.rpc.request(CreateApplication, input);
  }

  @RpcRoute('GET', '', ListApplications, { access: APPLICATION_READERS })
  list(@Input() input: RpcInput<typeof ListApplications>) {
    return this.rpc.request(ListApplications, input);
  }

  @RpcRoute('GET', 'export', ExportApplications, { access: ['dst_admin'], response: 'xlsx' })
  download(@Input() input: RpcInput<typeof ExportApplications>) {
    return this.exports.workbook(input);
  }

  @RpcRoute('GET', ':id', GetApplication, { access: APPLICATION_READERS })
  get(@Input() input: RpcInput<typeof GetApplication>) {
    return this.rpc.request(GetApplication, input);
  }

  @RpcRoute('PUT', ':id', UpdateApplication, { access: ['construction_unit'], versioned: true })
  update(@Input() input: RpcInput<typeof UpdateApplication>) {
    return this.rpc.request(UpdateApplication, input);
  }

  @RpcRoute('POST', ':id/transitions', TransitionApplication, { access: SIGNED_IN, versioned: true })
  transition(@Input() input: RpcInput<typeof TransitionApplication>) {
    return this.rpc.request(TransitionApplication, input);
  }

  @RpcRoute('POST', ':id/co-builders/confirm', ConfirmCoBuilders, { access: ['supporting_unit'], versioned: true })
  confirmCoBuilders(@Input() input: RpcInput<typeof ConfirmCoBuilders>) {
    return this.rpc.request(ConfirmCoBuilders, input);
  }

  @RpcRoute('POST', ':id/waivers', RecordWaiver, {
    access: ['dst_admin'],
    status: 201,
    versioned: true,
    idempotent: true,
  })
  waive(@Input() input: RpcInput<typeof RecordWaiver>) {
    return this.rpc.request(RecordWaiver, input);
  }

  @RpcRoute('POST', ':id/approval', ApproveApplication, { access: ['dst_admin'], versioned: true })
  approve(@Input() input: RpcInput<typeof ApproveApplication>) {
    return this.rpc.request(ApproveApplication, input);
  }
}
