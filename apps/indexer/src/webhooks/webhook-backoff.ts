/**
 * Delay before retry number `attemptsMade` (1 after the first failure): base × 2^(n−1), with ±20 %
 * jitter so that deliveries failing together (one receiver down) do not retry together. With the
 * defaults (5 s, 15 attempts) the 14 retries span 5 s × (2^14 − 1) ≈ 22.8 h: about a day, as
 * receivers expect from Standard Webhooks senders.
 */
export function webhookBackoffMs(
  attemptsMade: number,
  baseMs: number,
  random: () => number = Math.random,
): number {
  const exponential = baseMs * 2 ** Math.max(0, attemptsMade - 1);
  return Math.round(exponential * (0.8 + 0.4 * random()));
}

/** Sum of the nominal (jitter-free) delays before the last of `maxAttempts` attempts. */
export function totalRetrySpanMs(maxAttempts: number, baseMs: number): number {
  return baseMs * (2 ** Math.max(0, maxAttempts - 1) - 1);
}
