import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import {
  CreateAppointment,
  EndAppointment,
  FileDirectorAppointment,
  GetAppointment,
  ListAppointments,
  WaiveAppointmentRule,
} from '@tic/contracts';
import { RpcClient } from '@tic/platform';

import { Input } from '../routing/input.decorator';
import { RpcRoute } from '../routing/route.decorator';
import { APPOINTING_UNITS, PERSONNEL_READERS } from './access-lists';
import type { RpcInput } from './rpc-input';

@ApiTags('personnel')
@Controller('appointments')
export class AppointmentsController {
  constructor(private readonly rpc: RpcClient) {}

  @RpcRoute('POST', '', CreateAppointment, { access: APPOINTING_UNITS, status: 201, idempotent: true })
  create(@Input() input: RpcInput<typeof CreateAppointment>) {
    return this.rpc.request(CreateAppointment, input);
  }

  @RpcRoute('GET', '', ListAppointments, { access: PERSONNEL_READERS })
  list(@Input() input: RpcInput<typeof ListAppointments>) {
    return this.rpc.request(ListAppointments, input);
  }

  @RpcRoute('GET', ':id', GetAppointment, { access: PERSONNEL_READERS })
  get(@Input() input: RpcInput<typeof GetAppointment>) {
    return this.rpc.request(GetAppointment, input);
  }

  @RpcRoute('POST', ':id/end', EndAppointment, { access: APPOINTING_UNITS, versioned: true })
  end(@Input() input: RpcInput<typeof EndAppointment>) {
    return this.rpc.request(EndAppointment, input);
  }

  @RpcRoute('POST', ':id/waivers', WaiveAppointmentRule, {
    access: ['dst_admin'],
    status: 201,
    versioned: true,
    idempotent: true,
  })
  waive(@Input() input: RpcInput<typeof WaiveAppointmentRule>) {
    return this.rpc.request(WaiveAppointmentRule, input);
  }

  // A15: the supporting unit files the director's appointment with the recommender and DST.
  @RpcRoute('POST', ':id/filing', FileDirectorAppointment, { access: ['supporting_unit'], versioned: true })
  file(@Input() input: RpcInput<typeof FileDirectorAppointment>) {
    return this.rpc.request(FileDirectorAppointment, input);
  }
}
