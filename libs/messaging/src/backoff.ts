/**
 * Delay before retry number `attempt` (1-based): exponential from `baseMs`,
 * capped at `maxMs`, with "full jitter" (a uniform draw below the cap) so
 * that many senders whose partner came back do not all retry at once.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random, baseMs = 500, maxMs = 5 * 60_000): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.max(baseMs / 2, Math.floor(random() * ceiling));
}
