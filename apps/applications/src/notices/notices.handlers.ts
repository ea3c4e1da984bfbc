import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';

import { DecideObjection, FileObjection, ListObjections, ListPublicNotices, PublishNotice } from '@tic/contracts';
import { type Caller, CurrentCaller, type In, OptionalCaller, RpcHandler } from '@tic/platform';

import { NoticesService } from './notices.service';
import { ObjectionsService } from './objections.service';

/** NATS handlers of public notices and objections; reading notices and objecting need no sign-in. */
@Controller()
export class NoticesHandlers {
  constructor(
    private readonly notices: NoticesService,
    private readonly objections: ObjectionsService,
  ) {}

  @RpcHandler(PublishNotice)
  publish(@Payload() input: In<typeof PublishNotice>, @CurrentCaller() caller: Caller) {
    return this.notices.publish(input, caller);
  }

  @RpcHandler(ListPublicNotices)
  listPublic(@Payload() input: In<typeof ListPublicNotices>) {
    return this.notices.listPublic(input);
  }

  @RpcHandler(FileObjection)
  file(@Payload() input: In<typeof FileObjection>, @OptionalCaller() caller: Caller | undefined) {
    return this.objections.file(input, caller);
  }

  @RpcHandler(DecideObjection)
  decide(@Payload() input: In<typeof DecideObjection>, @CurrentCaller() caller: Caller) {
    return this.objections.decide(input, caller);
  }

  @RpcHandler(ListObjections)
  list(@Payload() input: In<typeof ListObjections>, @CurrentCaller() caller: Caller) {
    return this.objections.list(input, caller);
  }
}
