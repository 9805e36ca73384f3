import {
  failureBackoffMs,
  firstPollDelayMs,
  MAX_BACKOFF_MS,
  MAX_RETRY_AFTER_MS,
  nextFeedState,
  type FeedPollState,
} from './feed-poll-outcome';

describe(nextFeedState.name, () => {
  const now = new Date('2026-11-27T12:00:00Z');
  const feed: FeedPollState = {
    intervalSeconds: 300,
    consecutiveFailures: 0,
    etag: '"v1"',
    lastModified: 'Fri, 27 Nov 2026 08:00:00 GMT',
  };
  const later = (ms: number) => new Date(now.getTime() + ms);

  it('resets failures and stores the new validators after a 200', () => {
    const change = nextFeedState(
      { ...feed, consecutiveFailures: 4 },
      { kind: 'fetched', status: 200, etag: '"v2"', lastModified: null, published: 3 },
      now,
      10,
    );
    expect(change).toEqual({
      status: 'active',
      consecutiveFailures: 0,
      lastStatus: 200,
      lastError: null,
      lastPolledAt: now,
      lastSuccessAt: now,
      nextPollAt: null,
      etag: '"v2"',
      lastModified: null,
      itemsPublished: 3,
    });
  });

  it('keeps the stored validators after a 304 that omits them', () => {
    const change = nextFeedState(
      feed,
      { kind: 'fetched', status: 304, etag: null, lastModified: null, published: 0 },
      now,
      10,
    );
    expect(change).toMatchObject({
      etag: '"v1"',
      lastModified: feed.lastModified,
      lastStatus: 304,
      itemsPublished: 0,
    });
  });

  it('backs off interval × 2^failures after a failure, jittered by ±20 %', () => {
    const failed = { kind: 'failed', status: 500, error: 'HTTP 500 Internal Server Error' } as const;
    expect(nextFeedState(feed, failed, now, 10, 0.5)).toMatchObject({
      status: 'active',
      consecutiveFailures: 1,
      lastStatus: 500,
      lastError: 'HTTP 500 Internal Server Error',
      nextPollAt: later(600_000),
      etag: '"v1"',
      itemsPublished: 0,
    });
    expect(nextFeedState({ ...feed, consecutiveFailures: 2 }, failed, now, 10, 0).nextPollAt).toEqual(
      later(2_400_000 * 0.8),
    );
    expect(
      nextFeedState({ ...feed, consecutiveFailures: 2 }, failed, now, 10, 0.999999).nextPollAt!.getTime(),
    ).toBeLessThanOrEqual(later(2_400_000 * 1.2).getTime());
  });

  it('never waits more than six hours (before jitter) however many failures', () => {
    expect(failureBackoffMs(300, 9, 0.5)).toBe(MAX_BACKOFF_MS);
    expect(failureBackoffMs(60, 1000, 0.5)).toBe(MAX_BACKOFF_MS);
    expect(failureBackoffMs(1, 1, 0.5)).toBe(2_000);
    expect(failureBackoffMs(1, 2, 0.5)).toBe(4_000);
  });

  it('disables the feed at the maximum number of failures, keeping its last error', () => {
    const change = nextFeedState(
      { ...feed, consecutiveFailures: 2 },
      { kind: 'failed', status: null, error: 'network: ECONNREFUSED' },
      now,
      3,
    );
    expect(change).toMatchObject({
      status: 'disabled',
      consecutiveFailures: 3,
      lastStatus: null,
      nextPollAt: null,
      lastError: 'network: ECONNREFUSED (disabled after 3 consecutive failures)',
    });
  });

  it('waits exactly as long as Retry-After asks, without counting a failure', () => {
    const change = nextFeedState(
      { ...feed, consecutiveFailures: 1 },
      { kind: 'throttled', status: 429, retryAfterSeconds: 120 },
      now,
      10,
    );
    expect(change).toMatchObject({
      status: 'active',
      consecutiveFailures: 1,
      lastStatus: 429,
      nextPollAt: later(120_000),
    });
    expect(change.lastError).toContain('429');
    expect(change.lastSuccessAt).toBeUndefined();
  });

  it('caps Retry-After at a day', () => {
    const change = nextFeedState(
      feed,
      { kind: 'throttled', status: 503, retryAfterSeconds: 10 ** 9 },
      now,
      10,
    );
    expect(change.nextPollAt).toEqual(later(MAX_RETRY_AFTER_MS));
  });
});

describe(firstPollDelayMs.name, () => {
  it('starts a new schedule somewhere within its first interval', () => {
    expect(firstPollDelayMs(300, 0)).toBe(0);
    expect(firstPollDelayMs(300, 0.5)).toBe(150_000);
    expect(firstPollDelayMs(300, 0.999999)).toBeLessThan(300_000);
  });
});
