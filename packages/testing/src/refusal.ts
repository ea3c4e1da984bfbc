import type { RpcError } from '@tic/contracts';

/**
 * The refusal a call answered with (an RpcFailure carries it as `error`), for assertions on its
 * code, reason, rule or fields; fails the test when the call succeeded or threw something else.
 */
export async function refusal(promise: Promise<unknown>): Promise<RpcError> {
  try {
    await promise;
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'error' in error) {
      const carried = error.error;
      if (typeof carried === 'object' && carried !== null && 'code' in carried) return carried as RpcError;
    }
    throw error;
  }
  throw new Error('expected a refusal, but the request succeeded');
}
