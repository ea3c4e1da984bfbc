import type { RpcErrorCode } from '@tic/contracts';

import { RpcFailure } from '../rpc/rpc-failure';

export type RpcOutcome = 'ok' | 'refused' | 'error';

export interface ClassifiedFailure {
  readonly outcome: Exclude<RpcOutcome, 'ok'>;
  /** The problem code of a refusal (a handful of values: safe as a label). */
  readonly code?: RpcErrorCode;
}

// The service's own failures, whatever they are wrapped in: an operator looks at these, not the caller.
const SERVICE_FAULTS: ReadonlySet<RpcErrorCode> = new Set<RpcErrorCode>(['internal', 'unavailable']);

/** What a failed RPC means for the service: a refusal the caller caused, or an error of the service's own. */
export function classifyRpcFailure(thrown: unknown): ClassifiedFailure {
  if (!(thrown instanceof RpcFailure)) return { outcome: 'error' };
  const { code } = thrown.error;
  return SERVICE_FAULTS.has(code) ? { outcome: 'error', code } : { outcome: 'refused', code };
}

/** The operation of an RPC subject `tic.rpc.<service>.<operation>`: a label bounded by the catalogue. */
export function rpcMethodOf(subject: string, service: string): string {
  const prefix = `tic.rpc.${service}.`;
  return subject.startsWith(prefix) ? subject.slice(prefix.length) : subject;
}
