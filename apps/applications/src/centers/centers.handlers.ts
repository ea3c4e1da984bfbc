import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';

import {
  GetCenter,
  journalRpc,
  ListCalendarYears,
  ListCenters,
  LoadCalendarYear,
  RegisterExistingCenter,
} from '@tic/contracts';
import { type Caller, CurrentCaller, type In, readJournal, RpcHandler } from '@tic/platform';
import { MikroORM } from '@mikro-orm/core';

import { applicationEventFacts } from '../applications/application-event-facts';
import { CalendarPublicationService } from '../calendar/calendar-publication.service';
import { CenterRegistrationService } from './center-registration.service';
import { CentersService } from './centers.service';

const Journal = journalRpc('applications');

/** NATS handlers of the center registry, the holiday calendar and the event journal. */
@Controller()
export class CentersHandlers {
  constructor(
    private readonly centers: CentersService,
    private readonly registration: CenterRegistrationService,
    private readonly calendar: CalendarPublicationService,
    private readonly orm: MikroORM,
  ) {}

  @RpcHandler(GetCenter)
  get(@Payload() input: In<typeof GetCenter>, @CurrentCaller() caller: Caller) {
    return this.centers.get(input.id, caller);
  }

  @RpcHandler(ListCenters)
  list(@Payload() input: In<typeof ListCenters>, @CurrentCaller() caller: Caller) {
    return this.centers.list(input, caller);
  }

  @RpcHandler(RegisterExistingCenter)
  registerExisting(@Payload() input: In<typeof RegisterExistingCenter>, @CurrentCaller() caller: Caller) {
    return this.registration.register(input, caller);
  }

  @RpcHandler(LoadCalendarYear)
  loadYear(@Payload() input: In<typeof LoadCalendarYear>, @CurrentCaller() caller: Caller) {
    return this.calendar.load(input, caller);
  }

  @RpcHandler(ListCalendarYears)
  years() {
    return this.calendar.years();
  }

  // The gateway checks the route's roles too; the policy decides here again (journal.read).
  @RpcHandler(Journal)
  journal(@Payload() input: In<typeof Journal>, @CurrentCaller() caller: Caller) {
    return readJournal(this.orm.em.fork(), caller, input.after, input.limit, applicationEventFacts);
  }
}
