import { createHash } from 'node:crypto';

/**
 * Fisher–Yates with randomness drawn from SHA-256 of (seed, counter): the same seed and the same
 * candidates (in id order) always give the same draw, so that anyone can reproduce it.
 */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const result = [...items];
  let counter = 0;
  const next = (bound: number): number => {
    const digest = createHash('sha256').update(`${seed}:${counter++}`).digest();
    return digest.readUInt32BE(0) % bound;
  };
  for (let i = result.length - 1; i > 0; i--) {
    const j = next(i + 1);
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}
