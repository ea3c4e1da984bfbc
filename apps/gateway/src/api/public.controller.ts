import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { FileObjection, ListPublicNotices } from '@tic/contracts';
import { RpcClient } from '@tic/platform';

import { Input } from '../routing/input.decorator';
import { RpcRoute } from '../routing/route.decorator';
import type { RpcInput } from './rpc-input';

/** What anyone may do without signing in: read public notices (公示) and object during one. */
@ApiTags('public')
@Controller('public')
export class PublicController {
  constructor(private readonly rpc: RpcClient) {}

  @RpcRoute('GET', 'notices', ListPublicNotices, { access: 'public' })
  notices(@Input() input: RpcInput<typeof ListPublicNotices>) {
    return this.rpc.request(ListPublicNotices, input);
  }

  // Anonymous objections are recorded; the service decides whether one holds the application.
  @RpcRoute('POST', 'objections', FileObjection, { access: 'public', status: 201, idempotent: true, publicWrite: true })
  object(@Input() input: RpcInput<typeof FileObjection>) {
    return this.rpc.request(FileObjection, input);
  }
}
