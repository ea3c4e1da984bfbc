import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';

import {
  CreateAppointment,
  EndAppointment,
  FileDirectorAppointment,
  GetAppointment,
  ListAppointments,
  WaiveAppointmentRule,
} from '@tic/contracts';
import { CurrentCaller, RpcHandler, type Caller, type In } from '@tic/platform';

import { AppointmentCreation } from './appointment-creation.service';
import { AppointmentsService } from './appointments.service';

/** NATS handlers of appointments. */
@Controller()
export class AppointmentsHandlers {
  constructor(
    private readonly creation: AppointmentCreation,
    private readonly appointments: AppointmentsService,
  ) {}

  @RpcHandler(CreateAppointment)
  create(@Payload() input: In<typeof CreateAppointment>, @CurrentCaller() caller: Caller) {
    return this.creation.create(input, caller);
  }

  @RpcHandler(GetAppointment)
  get(@Payload() input: In<typeof GetAppointment>, @CurrentCaller() caller: Caller) {
    return this.appointments.get(input.id, caller);
  }

  @RpcHandler(ListAppointments)
  list(@Payload() input: In<typeof ListAppointments>, @CurrentCaller() caller: Caller) {
    return this.appointments.list(input, caller);
  }

  @RpcHandler(EndAppointment)
  end(@Payload() input: In<typeof EndAppointment>, @CurrentCaller() caller: Caller) {
    return this.appointments.end(input, caller);
  }

  @RpcHandler(WaiveAppointmentRule)
  waive(@Payload() input: In<typeof WaiveAppointmentRule>, @CurrentCaller() caller: Caller) {
    return this.appointments.waive(input, caller);
  }

  @RpcHandler(FileDirectorAppointment)
  file(@Payload() input: In<typeof FileDirectorAppointment>, @CurrentCaller() caller: Caller) {
    return this.appointments.file(input, caller);
  }
}
