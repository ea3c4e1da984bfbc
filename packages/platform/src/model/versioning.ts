import { DeadlockException, LockWaitTimeoutException, OptimisticLockError } from '@mikro-orm/core';

import { RpcFailure } from '../rpc/rpc-failure';

/** Refuses a change based on a version the client no longer holds (CONTRACT.md: 409, never a silent overwrite). */
export function assertVersion(expected: number, actual: number): void {
  if (expected !== actual) throw RpcFailure.staleVersion(expected, actual);
}

/**
 * Runs a unit of work and turns a concurrent update of the same row (MikroORM's version check on
 * flush) into the same stale-version refusal.
 */
export async function withVersionCheck<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof OptimisticLockError) {
      throw RpcFailure.of('stale_version', {
        zh: '数据已被他人同时修改，请刷新后重试',
        en: 'Someone changed it at the same time; reload and retry',
      });
    }
    if (error instanceof DeadlockException || error instanceof LockWaitTimeoutException) {
      throw RpcFailure.of('conflict', {
        zh: '与同时进行的操作冲突，请重试',
        en: 'Conflicted with a simultaneous change; retry',
      });
    }
    throw error;
  }
}
