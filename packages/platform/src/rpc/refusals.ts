import type { RpcError, RpcErrorCode } from '@tic/contracts';
import type { LocalizedText } from '@tic/domain';

import { refusalCode, RpcFailure } from './rpc-failure';

/** One refusal of a feature: its stable code (`appointment.already_ended`), status and zh/en text. */
export interface RefusalDefinition {
  readonly code: string;
  readonly status: RpcErrorCode;
  /** Texts; `{name}` is replaced by the parameter `name` when the refusal is made. */
  readonly zh: string;
  readonly en: string;
  readonly article?: string;
}

/**
 * A feature's refusals, declared in one `*.refusals.ts` so that codes stay stable and texts are
 * written once: `defineRefusals('appointment', { already_ended: { status: 'conflict', zh, en } })`.
 */
export function defineRefusals<const T extends Record<string, Omit<RefusalDefinition, 'code'>>>(
  feature: string,
  table: T,
): { readonly [K in keyof T]: RefusalDefinition } {
  return Object.fromEntries(
    Object.entries(table).map(([name, definition]) => [name, { ...definition, code: `${feature}.${name}` }]),
  ) as {
    [K in keyof T]: RefusalDefinition;
  };
}

/** The failure for a declared refusal, with its parameters filled in. */
export function refuse(
  definition: RefusalDefinition,
  params: Readonly<Record<string, string | number>> = {},
  extra: Partial<RpcError> = {},
): RpcFailure {
  const fill = (text: string) =>
    text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
  const message: LocalizedText = { zh: fill(definition.zh), en: fill(definition.en) };
  return RpcFailure.of(definition.status, message, {
    ...(definition.article === undefined ? {} : { article: definition.article }),
    ...extra,
    ...refusalCode(definition.code),
  });
}
