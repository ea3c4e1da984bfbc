import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import {
  CreateWebhookSubscription,
  DeleteWebhookSubscription,
  EnableWebhookSubscription,
  GetWebhookSubscription,
  ListWebhookDeliveries,
  ListWebhookSubscriptions,
  ReplayWebhookDeliveries,
  RotateWebhookSecret,
  UpdateWebhookSubscription,
} from '@tic/contracts';
import { RpcClient } from '@tic/platform';

import { Input } from '../routing/input.decorator';
import { RpcRoute } from '../routing/route.decorator';
import type { RpcInput } from './rpc-input';

/** CONTRACT.md (Events, way 1): agencies register webhooks; DST reads them to help an agency. */
@ApiTags('webhooks')
@Controller('webhook-subscriptions')
export class WebhookSubscriptionsController {
  constructor(private readonly rpc: RpcClient) {}

  @RpcRoute('POST', '', CreateWebhookSubscription, { access: ['agency'], status: 201, idempotent: true })
  create(@Input() input: RpcInput<typeof CreateWebhookSubscription>) {
    return this.rpc.request(CreateWebhookSubscription, input);
  }

  @RpcRoute('GET', '', ListWebhookSubscriptions, { access: ['agency', 'dst_admin'] })
  list(@Input() input: RpcInput<typeof ListWebhookSubscriptions>) {
    return this.rpc.request(ListWebhookSubscriptions, input);
  }

  @RpcRoute('GET', ':id', GetWebhookSubscription, { access: ['agency', 'dst_admin'] })
  get(@Input() input: RpcInput<typeof GetWebhookSubscription>) {
    return this.rpc.request(GetWebhookSubscription, input);
  }

  @RpcRoute('PUT', ':id', UpdateWebhookSubscription, { access: ['agency'], versioned: true })
  update(@Input() input: RpcInput<typeof UpdateWebhookSubscription>) {
    return this.rpc.request(UpdateWebhookSubscription, input);
  }

  @RpcRoute('DELETE', ':id', DeleteWebhookSubscription, { access: ['agency'], versioned: true })
  delete(@Input() input: RpcInput<typeof DeleteWebhookSubscription>) {
    return this.rpc.request(DeleteWebhookSubscription, input);
  }

  @RpcRoute('POST', ':id/secret-rotation', RotateWebhookSecret, { access: ['agency'], versioned: true })
  rotateSecret(@Input() input: RpcInput<typeof RotateWebhookSecret>) {
    return this.rpc.request(RotateWebhookSecret, input);
  }

  @RpcRoute('POST', ':id/enable', EnableWebhookSubscription, { access: ['agency'], versioned: true })
  enable(@Input() input: RpcInput<typeof EnableWebhookSubscription>) {
    return this.rpc.request(EnableWebhookSubscription, input);
  }

  @RpcRoute('GET', ':id/deliveries', ListWebhookDeliveries, { access: ['agency', 'dst_admin'] })
  deliveries(@Input() input: RpcInput<typeof ListWebhookDeliveries>) {
    return this.rpc.request(ListWebhookDeliveries, input);
  }

  @RpcRoute('POST', ':id/replay', ReplayWebhookDeliveries, { access: ['agency'], idempotent: true })
  replay(@Input() input: RpcInput<typeof ReplayWebhookDeliveries>) {
    return this.rpc.request(ReplayWebhookDeliveries, input);
  }
}
