import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import {
  CountUnread,
  GetEmailSettings,
  ListInbox,
  MarkAllNotificationsRead,
  MarkNotificationRead,
  SetEmailSettings,
} from '@tic/contracts';
import { ROLES } from '@tic/domain';
import { RpcClient } from '@tic/platform';

import { Input } from '../routing/input.decorator';
import { RpcRoute } from '../routing/route.decorator';
import type { RpcInput } from './rpc-input';

/** DOMAIN.md §7: every role has its organization's inbox and email choices; the service keeps each to its own. */
@ApiTags('inbox')
@Controller('inbox')
export class InboxController {
  constructor(private readonly rpc: RpcClient) {}

  @RpcRoute('GET', '', ListInbox, { access: ROLES })
  list(@Input() input: RpcInput<typeof ListInbox>) {
    return this.rpc.request(ListInbox, input);
  }

  @RpcRoute('GET', 'unread-count', CountUnread, { access: ROLES })
  unreadCount(@Input() input: RpcInput<typeof CountUnread>) {
    return this.rpc.request(CountUnread, input);
  }

  @RpcRoute('POST', 'read-all', MarkAllNotificationsRead, { access: ROLES })
  markAllRead(@Input() input: RpcInput<typeof MarkAllNotificationsRead>) {
    return this.rpc.request(MarkAllNotificationsRead, input);
  }

  @RpcRoute('POST', ':id/read', MarkNotificationRead, { access: ROLES })
  markRead(@Input() input: RpcInput<typeof MarkNotificationRead>) {
    return this.rpc.request(MarkNotificationRead, input);
  }

  @RpcRoute('GET', 'email-settings', GetEmailSettings, { access: ROLES })
  emailSettings(@Input() input: RpcInput<typeof GetEmailSettings>) {
    return this.rpc.request(GetEmailSettings, input);
  }

  @RpcRoute('PUT', 'email-settings', SetEmailSettings, { access: ROLES })
  setEmailSettings(@Input() input: RpcInput<typeof SetEmailSettings>) {
    return this.rpc.request(SetEmailSettings, input);
  }
}
