/** What DST decides on (DOMAIN.md §7): each score, the mean and the spread (population standard deviation). */
export function summarizeScores(scores: readonly number[]) {
  if (scores.length === 0) return { scores: [], mean: null, spread: null, min: null, max: null };
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  const variance = scores.reduce((acc, s) => acc + (s - mean) ** 2, 0) / scores.length;
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    scores: [...scores],
    mean: round(mean),
    spread: round(Math.sqrt(variance)),
    min: Math.min(...scores),
    max: Math.max(...scores),
  };
}
