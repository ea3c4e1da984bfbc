import { ProblemException } from '../http/problem.exception';

/**
 * Runs a Redis command; a failure (Redis down, timeout) is a 503, not a 500. The driver's message is
 * not passed on: it names the internal host and port (connect ECONNREFUSED 10.0.0.5:6379).
 */
export async function withRedis<T>(command: () => Promise<T>): Promise<T> {
  try {
    return await command();
  } catch {
    throw ProblemException.of('unavailable', { zh: 'Redis 暂不可用', en: 'Redis is unavailable' });
  }
}
