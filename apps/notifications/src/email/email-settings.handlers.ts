import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';

import { GetEmailSettings, SetEmailSettings } from '@tic/contracts';
import { type Caller, CurrentCaller, type In, RpcHandler } from '@tic/platform';

import { EmailSettingsService } from './email-settings.service';

/** NATS handlers of tic.rpc.notifications.inbox.email_settings.*; each delegates in one line. */
@Controller()
export class EmailSettingsHandlers {
  constructor(private readonly settings: EmailSettingsService) {}

  @RpcHandler(GetEmailSettings)
  get(@Payload() input: In<typeof GetEmailSettings>, @CurrentCaller() caller: Caller) {
    return this.settings.get(input, caller);
  }

  @RpcHandler(SetEmailSettings)
  set(@Payload() input: In<typeof SetEmailSettings>, @CurrentCaller() caller: Caller) {
    return this.settings.set(input, caller);
  }
}
