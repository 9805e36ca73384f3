import { totalRetrySpanMs, webhookBackoffMs } from './webhook-backoff';

describe('webhookBackoffMs', () => {
  it('doubles from the base per retry, within ±20 % jitter', () => {
    expect(webhookBackoffMs(1, 5_000, () => 0.5)).toBe(5_000);
    expect(webhookBackoffMs(2, 5_000, () => 0.5)).toBe(10_000);
    expect(webhookBackoffMs(5, 5_000, () => 0.5)).toBe(80_000);
    expect(webhookBackoffMs(3, 5_000, () => 0)).toBe(16_000);
    expect(webhookBackoffMs(3, 5_000, () => 0.999_999)).toBe(24_000);
  });

  it('spreads the default 15 attempts over about a day', () => {
    const hours = totalRetrySpanMs(15, 5_000) / 3_600_000;
    expect(hours).toBeGreaterThan(20);
    expect(hours).toBeLessThan(26);
    let jittered = 0;
    for (let retry = 1; retry < 15; retry += 1) jittered += webhookBackoffMs(retry, 5_000);
    expect(jittered / 3_600_000).toBeGreaterThan(0.8 * 20);
    expect(jittered / 3_600_000).toBeLessThan(1.2 * 26);
  });

  it('compresses with a small base (how tests run it)', () => {
    expect(totalRetrySpanMs(4, 100)).toBe(700);
  });
});
