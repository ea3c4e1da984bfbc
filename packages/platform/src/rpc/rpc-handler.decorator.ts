import { type ArgumentMetadata, applyDecorators, type PipeTransform, UsePipes } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';

import {
  fieldErrorsOf,
  findUnstorableText,
  type RpcDefinition,
  UNSTORABLE_TEXT_CODE,
  UNSTORABLE_TEXT_DETAIL,
  UNSTORABLE_TEXT_MESSAGES,
} from '@tic/contracts';

import { currentCallContext } from '../context/call-context';
import { RpcFailure } from './rpc-failure';

/**
 * Validates an RPC payload with the operation's schema; a failure names each field. Text Postgres
 * cannot store is refused first, as the gateway does, so a caller on NATS gets the same refusal.
 */
export class RpcPayloadPipe implements PipeTransform {
  constructor(private readonly definition: RpcDefinition) {}

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    // Method-level pipes see every parameter; NestJS 12 reports the @Payload() one as 'body'.
    if (metadata.type !== 'body') return value;
    const unstorable = findUnstorableText(value, '');
    if (unstorable) {
      const message = UNSTORABLE_TEXT_MESSAGES[unstorable.reason][currentCallContext()?.locale ?? 'zh'];
      throw RpcFailure.of('invalid_input', UNSTORABLE_TEXT_DETAIL, {
        reason: UNSTORABLE_TEXT_CODE,
        errors: [{ path: unstorable.path, message }],
      });
    }
    const result = this.definition.request.safeParse(value ?? {});
    if (result.success) return result.data;
    throw RpcFailure.invalidInput(fieldErrorsOf(result.error.issues));
  }
}

/** Marks a method as the handler of an RPC operation: its subject, queue group and payload validation. */
export function RpcHandler(definition: RpcDefinition): MethodDecorator {
  return applyDecorators(MessagePattern(definition.subject), UsePipes(new RpcPayloadPipe(definition)));
}
