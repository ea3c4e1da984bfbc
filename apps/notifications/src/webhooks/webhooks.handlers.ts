import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';

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
import { type Caller, CurrentCaller, type In, RpcHandler } from '@tic/platform';

import { WebhookDeliveriesService } from './webhook-deliveries.service';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service';

/** NATS handlers of tic.rpc.notifications.webhooks.*; each delegates in one line. */
@Controller()
export class WebhooksHandlers {
  constructor(
    private readonly subscriptions: WebhookSubscriptionsService,
    private readonly deliveries: WebhookDeliveriesService,
  ) {}

  @RpcHandler(CreateWebhookSubscription)
  create(@Payload() input: In<typeof CreateWebhookSubscription>, @CurrentCaller() caller: Caller) {
    return this.subscriptions.create(input, caller);
  }

  @RpcHandler(ListWebhookSubscriptions)
  list(@Payload() input: In<typeof ListWebhookSubscriptions>, @CurrentCaller() caller: Caller) {
    return this.subscriptions.list(input, caller);
  }

  @RpcHandler(GetWebhookSubscription)
  get(@Payload() input: In<typeof GetWebhookSubscription>, @CurrentCaller() caller: Caller) {
    return this.subscriptions.get(input, caller);
  }

  @RpcHandler(UpdateWebhookSubscription)
  update(@Payload() input: In<typeof UpdateWebhookSubscription>, @CurrentCaller() caller: Caller) {
    return this.subscriptions.update(input, caller);
  }

  @RpcHandler(DeleteWebhookSubscription)
  delete(@Payload() input: In<typeof DeleteWebhookSubscription>, @CurrentCaller() caller: Caller) {
    return this.subscriptions.delete(input, caller);
  }

  @RpcHandler(RotateWebhookSecret)
  rotateSecret(@Payload() input: In<typeof RotateWebhookSecret>, @CurrentCaller() caller: Caller) {
    return this.subscriptions.rotateSecret(input, caller);
  }

  @RpcHandler(EnableWebhookSubscription)
  enable(@Payload() input: In<typeof EnableWebhookSubscription>, @CurrentCaller() caller: Caller) {
    return this.deliveries.enable(input, caller);
  }

  @RpcHandler(ListWebhookDeliveries)
  deliveriesOf(@Payload() input: In<typeof ListWebhookDeliveries>, @CurrentCaller() caller: Caller) {
    return this.deliveries.deliveries(input, caller);
  }

  @RpcHandler(ReplayWebhookDeliveries)
  replay(@Payload() input: In<typeof ReplayWebhookDeliveries>, @CurrentCaller() caller: Caller) {
    return this.deliveries.replay(input, caller);
  }
}
