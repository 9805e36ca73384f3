/**
 * What one poll of a feed came to, and the state that follows from it. Pure, so the backoff and
 * next-poll rules are unit-tested without Redis, a clock or a network.
 */
export type PollOutcome =
  /** 2xx parsed and ingested, or 304. `published` counts new versions sent to Kafka. */
  | { kind: 'fetched'; status: number; etag: string | null; lastModified: string | null; published: number }
  /** 429 or 503 with a Retry-After: the server named when to come back. Neither success nor failure. */
  | { kind: 'throttled'; status: number; retryAfterSeconds: number }
  /** Any other non-2xx, a network or guard error, an unparseable document. */
  | { kind: 'failed'; status: number | null; error: string };

export interface FeedPollState {
  intervalSeconds: number;
  consecutiveFailures: number;
  etag: string | null;
  lastModified: string | null;
}

export interface FeedStateChange {
  status: 'active' | 'disabled';
  consecutiveFailures: number;
  lastStatus: number | null;
  lastError: string | null;
  lastPolledAt: Date;
  /** Set when the last poll succeeded; undefined leaves the stored value. */
  lastSuccessAt?: Date;
  nextPollAt: Date | null;
  etag: string | null;
  lastModified: string | null;
  itemsPublished: number;
}

/** Longest wait after failures: a feed that is down for a day is still tried four times an hour. */
export const MAX_BACKOFF_MS = 6 * 60 * 60 * 1000;
/** Longest Retry-After honoured, so that a misconfigured server cannot park a feed for months. */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;
/** ±20 %: feeds that failed together (one host down) spread out instead of retrying in step. */
const BACKOFF_JITTER = 0.2;

/**
 * Wait before the next poll after the n-th consecutive failure: interval × 2^n, at most six hours,
 * jittered. `random` is in [0, 1).
 */
export function failureBackoffMs(intervalSeconds: number, failures: number, random: number): number {
  const base = Math.min(intervalSeconds * 1000 * 2 ** failures, MAX_BACKOFF_MS);
  return Math.round(base * (1 - BACKOFF_JITTER + 2 * BACKOFF_JITTER * random));
}

/** First run of a new feed's schedule: somewhere within its first interval, so feeds spread out. */
export function firstPollDelayMs(intervalSeconds: number, random: number): number {
  return Math.floor(intervalSeconds * 1000 * random);
}

export function nextFeedState(
  feed: FeedPollState,
  outcome: PollOutcome,
  now: Date,
  maxFailures: number,
  random: number = Math.random(),
): FeedStateChange {
  const unchanged = { etag: feed.etag, lastModified: feed.lastModified, itemsPublished: 0 };
  switch (outcome.kind) {
    case 'fetched':
      return {
        status: 'active',
        consecutiveFailures: 0,
        lastStatus: outcome.status,
        lastError: null,
        lastPolledAt: now,
        lastSuccessAt: now,
        nextPollAt: null,
        // A 304 may omit its validators (RFC 9110 §15.4.5 only requires them when they changed).
        etag: outcome.status === 304 ? (outcome.etag ?? feed.etag) : outcome.etag,
        lastModified:
          outcome.status === 304 ? (outcome.lastModified ?? feed.lastModified) : outcome.lastModified,
        itemsPublished: outcome.published,
      };
    case 'throttled': {
      const waitMs = Math.min(outcome.retryAfterSeconds * 1000, MAX_RETRY_AFTER_MS);
      return {
        ...unchanged,
        status: 'active',
        consecutiveFailures: feed.consecutiveFailures,
        lastStatus: outcome.status,
        lastError: `HTTP ${outcome.status}: the server asked to wait ${Math.round(waitMs / 1000)} s (Retry-After)`,
        lastPolledAt: now,
        nextPollAt: new Date(now.getTime() + waitMs),
      };
    }
    case 'failed': {
      const failures = feed.consecutiveFailures + 1;
      const disabled = failures >= maxFailures;
      return {
        ...unchanged,
        status: disabled ? 'disabled' : 'active',
        consecutiveFailures: failures,
        lastStatus: outcome.status,
        lastError: disabled
          ? `${outcome.error} (disabled after ${failures} consecutive failures)`
          : outcome.error,
        lastPolledAt: now,
        nextPollAt: disabled
          ? null
          : new Date(now.getTime() + failureBackoffMs(feed.intervalSeconds, failures, random)),
      };
    }
  }
}
