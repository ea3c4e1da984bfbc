import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';

import { CountUnread, ListInbox, MarkAllNotificationsRead, MarkNotificationRead } from '@tic/contracts';
import { type Caller, CurrentCaller, type In, RpcHandler } from '@tic/platform';

import { InboxService } from './inbox.service';

/** NATS handlers of tic.rpc.notifications.inbox.*; each delegates in one line. */
@Controller()
export class InboxHandlers {
  constructor(private readonly inbox: InboxService) {}

  @RpcHandler(ListInbox)
  list(@Payload() input: In<typeof ListInbox>, @CurrentCaller() caller: Caller) {
    return this.inbox.list(input, caller);
  }

  @RpcHandler(CountUnread)
  unreadCount(@Payload() input: In<typeof CountUnread>, @CurrentCaller() caller: Caller) {
    return this.inbox.unreadCount(input, caller);
  }

  @RpcHandler(MarkNotificationRead)
  markRead(@Payload() input: In<typeof MarkNotificationRead>, @CurrentCaller() caller: Caller) {
    return this.inbox.markRead(input, caller);
  }

  @RpcHandler(MarkAllNotificationsRead)
  markAllRead(@Payload() input: In<typeof MarkAllNotificationsRead>, @CurrentCaller() caller: Caller) {
    return this.inbox.markAllRead(input, caller);
  }
}
