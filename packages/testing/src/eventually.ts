/**
 * Retries an assertion until it passes or the time runs out, for effects that arrive asynchronously
 * (a relay publishing, a consumer applying). It polls; it never sleeps a fixed time and hopes.
 */
export async function eventually<T>(assertion: () => Promise<T> | T, timeoutMs = 10_000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
