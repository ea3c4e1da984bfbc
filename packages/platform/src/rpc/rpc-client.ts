import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ClientProxy, NatsRecordBuilder } from '@nestjs/microservices';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';
import type { z } from 'zod';

import type { RpcDefinition } from '@tic/contracts';

import type { CallerAssertionSigner } from '../caller/caller-assertion';
import { currentCallContext, newCorrelationId, type CallContext } from '../context/call-context';
import { rpcClientSpan } from '../telemetry/messaging-spans';
import { inSpan } from '../telemetry/spans';
import { injectTraceContext } from '../telemetry/trace-context';
import { isRpcError, RpcFailure } from './rpc-failure';
import { contextHeaders, HEADERS } from './rpc-headers';

/** How long a caller waits for an answer: RPC_TIMEOUT_MS, and BULK_RPC_TIMEOUT_MS for a bulk request. */
export interface RpcTimeouts {
  readonly ms: number;
  readonly bulkMs: number;
}

/** The timeouts a process configured; the longest bounds how long a command may stay pending. */
export function rpcTimeouts(config: { RPC_TIMEOUT_MS: number; BULK_RPC_TIMEOUT_MS: number }): RpcTimeouts {
  return { ms: config.RPC_TIMEOUT_MS, bulkMs: Math.max(config.RPC_TIMEOUT_MS, config.BULK_RPC_TIMEOUT_MS) };
}

/**
 * Calls another service over core NATS request/reply, with a timeout and the call context in headers;
 * the caller (if any) travels in an assertion this process signs for the one subject.
 */
@Injectable()
export class RpcClient implements OnApplicationShutdown {
  constructor(
    private readonly proxy: ClientProxy,
    private readonly timeouts: RpcTimeouts,
    private readonly signer: CallerAssertionSigner,
  ) {}

  /** Sends a request and returns the validated reply; a refusal arrives as an RpcFailure. */
  async request<D extends RpcDefinition>(
    definition: D,
    payload: z.input<D['request']>,
    context: Partial<CallContext> = {},
  ): Promise<z.output<D['response']>> {
    return inSpan(rpcClientSpan(definition.subject), () => this.send(definition, payload, context));
  }

  private async send<D extends RpcDefinition>(
    definition: D,
    payload: z.input<D['request']>,
    context: Partial<CallContext>,
  ): Promise<z.output<D['response']>> {
    const callContext: CallContext = {
      correlationId: newCorrelationId(),
      ...currentCallContext(),
      ...context,
    };
    const headers = natsHeaders();
    for (const [key, value] of Object.entries(contextHeaders(callContext))) headers.set(key, value);
    // The client span's context replaces the one the request arrived with (when tracing is on).
    injectTraceContext(headers);
    headers.set(HEADERS.assertion, await this.signer.sign(definition.subject, callContext.caller));
    const record = new NatsRecordBuilder(payload).setHeaders(headers).build();
    try {
      const reply = await firstValueFrom(
        this.proxy
          .send<unknown>(definition.subject, record)
          .pipe(timeout(definition.bulk ? this.timeouts.bulkMs : this.timeouts.ms)),
      );
      return definition.response.parse(reply) as z.output<D['response']>;
    } catch (error) {
      throw toFailure(error, definition);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.proxy.close();
  }
}

function toFailure(error: unknown, definition: RpcDefinition): RpcFailure {
  if (error instanceof RpcFailure) return error;
  if (isRpcError(error)) return new RpcFailure(error);
  if (error instanceof TimeoutError) {
    return RpcFailure.of('unavailable', {
      zh: `${definition.service}服务未在规定时间内响应`,
      en: `The ${definition.service} service did not answer in time`,
    });
  }
  return RpcFailure.of('unavailable', {
    zh: `${definition.service}服务暂不可用`,
    en: `The ${definition.service} service is unavailable: ${error instanceof Error ? error.message : String(error)}`,
  });
}
