import { performance } from 'node:perf_hooks';

/** A command as a client sends it: one Idempotency-Key for every attempt of it. */
export interface Command {
  readonly kind: CommandKind;
  readonly path: string;
  readonly token: string;
  readonly body: unknown;
  readonly key: string;
  /** What the check looks for in the owner's table: the one value of this command's row. */
  readonly mark: string;
}

export type CommandKind = 'center' | 'person' | 'expenditure' | 'draft' | 'allocation';

export interface CommandOutcome {
  readonly command: Command;
  /** The final status: 2xx answered, another 4xx refused, 0 gave up unanswered. */
  readonly status: number;
  readonly attempts: number;
  readonly latencyMs: number;
  /** The gateway answered from its idempotency record (`Idempotency-Replayed: true`). */
  readonly replayed: boolean;
  /** Statuses and errors of the attempts that were retried, e.g. `504`, `409 idempotency_in_progress`, `fetch failed`. */
  readonly retriedOn: readonly string[];
  readonly problem?: unknown;
}

const ATTEMPT_TIMEOUT_MS = 20_000;

/**
 * Sends a command until it is answered, as a careful client would: the same Idempotency-Key and body
 * again after a lost connection, a timeout, a 5xx or a 409 `idempotency_in_progress`, with backoff;
 * a 2xx or another 4xx ends it. Gives up (status 0) after `giveUpMs`.
 */
export async function sendCommand(gatewayUrl: string, command: Command, giveUpMs = 120_000): Promise<CommandOutcome> {
  const started = performance.now();
  const retriedOn: string[] = [];
  for (let attempt = 1; ; attempt += 1) {
    let reason: string;
    try {
      const response = await fetch(`${gatewayUrl}/api/v1${command.path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${command.token}`,
          'content-type': 'application/json',
          'idempotency-key': command.key,
        },
        body: JSON.stringify(command.body),
        signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
      });
      const body = (await response.json().catch(() => ({}))) as { code?: string };
      const retryable =
        response.status >= 500 ||
        response.status === 408 ||
        response.status === 429 ||
        (response.status === 409 && body.code === 'idempotency_in_progress');
      if (!retryable)
        return {
          command,
          status: response.status,
          attempts: attempt,
          latencyMs: performance.now() - started,
          replayed: response.headers.get('idempotency-replayed') === 'true',
          retriedOn,
          ...(response.status >= 300 ? { problem: body } : {}),
        };
      reason = `${response.status}${body.code === undefined ? '' : ` ${body.code}`}`;
    } catch (error) {
      reason = error instanceof Error ? (error.name === 'TimeoutError' ? 'timeout' : error.message) : String(error);
    }
    retriedOn.push(reason);
    if (performance.now() - started > giveUpMs)
      return {
        command,
        status: 0,
        attempts: attempt,
        latencyMs: performance.now() - started,
        replayed: false,
        retriedOn,
      };
    await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 100 * 2 ** Math.min(attempt, 5))));
  }
}
