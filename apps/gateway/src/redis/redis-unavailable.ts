import { ProblemException } from '../http/problem.exception';

/** Runs a Redis command; a failure (Redis down, timeout) is a 503, not a 500. */
export async function withRedis<T>(command: () => Promise<T>): Promise<T> {
  try {
    return await command();
  } catch (error) {
    throw ProblemException.of('unavailable', {
      zh: 'Redis 暂不可用',
      en: `Redis is unavailable: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}
