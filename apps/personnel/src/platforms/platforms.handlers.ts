import { EntityManager } from '@mikro-orm/postgresql';
import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';

import {
  CheckRoster,
  GetPlatform,
  ImportPlatformRoster,
  journalRpc,
  ListPlatforms,
  RegisterPlatform,
} from '@tic/contracts';
import { CurrentCaller, readJournal, RpcHandler, type Caller, type In } from '@tic/platform';

import { RosterImportService } from '../roster/roster-import.service';
import { RosterService } from '../roster/roster.service';
import { PlatformsService } from './platforms.service';

const Journal = journalRpc('personnel');

/** NATS handlers of the platforms, their rosters, the A18 roster check and the event journal. */
@Controller()
export class PlatformsHandlers {
  constructor(
    private readonly platforms: PlatformsService,
    private readonly rosterImport: RosterImportService,
    private readonly roster: RosterService,
    private readonly em: EntityManager,
  ) {}

  @RpcHandler(RegisterPlatform)
  register(@Payload() input: In<typeof RegisterPlatform>, @CurrentCaller() caller: Caller) {
    return this.platforms.register(input, caller);
  }

  @RpcHandler(GetPlatform)
  get(@Payload() input: In<typeof GetPlatform>, @CurrentCaller() caller: Caller) {
    return this.platforms.get(input.id, caller);
  }

  @RpcHandler(ListPlatforms)
  list(@Payload() input: In<typeof ListPlatforms>, @CurrentCaller() caller: Caller) {
    return this.platforms.list(input, caller);
  }

  @RpcHandler(ImportPlatformRoster)
  importRoster(@Payload() input: In<typeof ImportPlatformRoster>, @CurrentCaller() caller: Caller) {
    return this.rosterImport.import(input, caller);
  }

  @RpcHandler(CheckRoster)
  checkRoster(@Payload() input: In<typeof CheckRoster>, @CurrentCaller() caller: Caller) {
    return this.roster.check(input, caller);
  }

  // The gateway checks the route's roles too; the policy decides here again (journal.read).
  @RpcHandler(Journal)
  journal(@Payload() input: In<typeof Journal>, @CurrentCaller() caller: Caller) {
    return readJournal(this.em.fork(), caller, input.after, input.limit);
  }
}
