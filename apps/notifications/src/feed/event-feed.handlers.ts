import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';

import { ListFeedEvents } from '@tic/contracts';
import { type Caller, CurrentCaller, type In, RpcHandler } from '@tic/platform';

import { EventFeedService } from './event-feed.service';

/** NATS handlers of tic.rpc.notifications.events.*. */
@Controller()
export class EventFeedHandlers {
  constructor(private readonly feed: EventFeedService) {}

  @RpcHandler(ListFeedEvents)
  list(@Payload() input: In<typeof ListFeedEvents>, @CurrentCaller() caller: Caller) {
    return this.feed.list(input, caller);
  }
}
