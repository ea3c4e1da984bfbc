import { type ArgumentMetadata, applyDecorators, type PipeTransform, UsePipes } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';

import type { RpcDefinition } from '@tic/contracts';

import { RpcFailure } from './rpc-failure';

/** Validates an RPC payload with the operation's schema; a failure names each field. */
export class RpcPayloadPipe implements PipeTransform {
  constructor(private readonly definition: RpcDefinition) {}

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    // Method-level pipes see every parameter; NestJS 12 reports the @Payload() one as 'body'.
    if (metadata.type !== 'body') return value;
    const result = this.definition.request.safeParse(value ?? {});
    if (result.success) return result.data;
    throw RpcFailure.invalidInput(result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
}

/** Marks a method as the handler of an RPC operation: its subject, queue group and payload validation. */
export function RpcHandler(definition: RpcDefinition): MethodDecorator {
  return applyDecorators(MessagePattern(definition.subject), UsePipes(new RpcPayloadPipe(definition)));
}
