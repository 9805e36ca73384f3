import { STATUS_CODES } from 'node:http';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { FeedParseError, parseFeed, type ParsedFeed } from '@newsflow/feeds';
import {
  checkUrl,
  OutboundClient,
  OutboundError,
  parseAllowlist,
  type FetchResult,
} from '@newsflow/outbound';
import { INGESTER_CONFIG, type IngesterConfig } from '../../ingester.config';
import { FeedsService } from '../feeds.service';
import { FullTextService } from '../full-text/full-text.service';
import { FeedPollQueue } from './feed-poll.queue';
import { nextFeedState, type PollOutcome } from './feed-poll-outcome';
import { FeedPollingRepository, type FeedRecord } from './feed-polling.repository';
import { HostConcurrencyLimiter } from './host-concurrency-limiter';

/** A feed as `GET /v1/feeds/:id` shows it. */
export interface FeedView {
  id: string;
  url: string;
  intervalSeconds: number;
  /** Each item's page is fetched and its main text extracted (feeds that carry only summaries). */
  fullText: boolean;
  status: 'active' | 'disabled';
  consecutiveFailures: number;
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastStatus: number | null;
  nextPollAt: string | null;
  etag: string | null;
  lastModified: string | null;
  /** Versions published from this feed so far (new, updated or killed items; duplicates not counted). */
  itemsSeen: number;
  createdAt: string;
}

/** What one run of a poll job did; `skipped-*` runs fetched nothing. */
export type PollRun = PollOutcome['kind'] | 'stopped' | 'skipped-backing-off' | 'skipped-in-flight';

const FETCH_TIMEOUT_MS = 15_000;
const FETCH_MAX_BYTES = 10 * 1024 * 1024;
const PAGE_TIMEOUT_MS = 10_000;
const PAGE_MAX_BYTES = 5 * 1024 * 1024;
const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.1';
const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5';
/** The statuses with which a server says "not now" rather than "broken" (RFC 9110 §15.6.4, RFC 6585 §4). */
const THROTTLE_STATUSES = new Set([429, 503]);
/** Enough of an error body to tell a maintenance page from a stack trace, short enough for a table cell. */
const ERROR_EXCERPT_CHARS = 200;
/** Schedules restored per start; more than that are restored by the next start or by re-registering. */
const RESTORE_BATCH = 1000;

const toIso = (date: Date | null): string | null => date?.toISOString() ?? null;

export function toFeedView(feed: FeedRecord): FeedView {
  return {
    id: feed.id,
    url: feed.url,
    intervalSeconds: feed.intervalSeconds,
    fullText: feed.fullText,
    status: feed.status,
    consecutiveFailures: feed.consecutiveFailures,
    lastPolledAt: toIso(feed.lastPolledAt),
    lastSuccessAt: toIso(feed.lastSuccessAt),
    lastError: feed.lastError,
    lastStatus: feed.lastStatus,
    nextPollAt: toIso(feed.nextPollAt),
    etag: feed.etag,
    lastModified: feed.lastModified,
    itemsSeen: feed.itemsSeen,
    createdAt: feed.createdAt.toISOString(),
  };
}

function httpError(response: FetchResult, note = ''): string {
  const reason = STATUS_CODES[response.status] ?? 'unknown status';
  const excerpt = response.body
    .subarray(0, 4 * ERROR_EXCERPT_CHARS)
    .toString('utf8')
    .replace(/\s+/g, ' ')
    .trim();
  const shown = excerpt.length > ERROR_EXCERPT_CHARS ? `${excerpt.slice(0, ERROR_EXCERPT_CHARS)}…` : excerpt;
  return `HTTP ${response.status} ${reason}${note}${shown !== '' ? `: ${shown}` : ''}`;
}

/** Registration, state and polling of the feeds sources ask the ingester to follow. */
@Injectable()
export class FeedPollingService implements OnApplicationShutdown {
  private readonly logger = new Logger(FeedPollingService.name);
  private readonly allowlist: string[];
  private readonly client: OutboundClient;
  private readonly hosts: HostConcurrencyLimiter;
  /** Feeds this instance is polling now: a slow poll is not overlapped by the next tick of its schedule. */
  private readonly inFlight = new Set<string>();

  constructor(
    @Inject(INGESTER_CONFIG) private readonly config: IngesterConfig,
    private readonly repository: FeedPollingRepository,
    private readonly queue: FeedPollQueue,
    private readonly feeds: FeedsService,
    private readonly fullText: FullTextService,
  ) {
    this.allowlist = parseAllowlist(config.NEWSFLOW_OUTBOUND_ALLOWLIST);
    this.client = new OutboundClient({ allowlist: this.allowlist }); // throws on a bad allowlist entry
    this.hosts = new HostConcurrencyLimiter(config.FEED_PER_HOST_CONCURRENCY);
  }

  /**
   * Registers a feed for the source and schedules it; the same URL again answers the existing feed
   * (`created: false`). Throws `OutboundError` when the URL is invalid or points at a refused address.
   */
  async register(
    sourceId: string,
    url: string,
    intervalSeconds: number | undefined,
    fullText = false,
  ): Promise<{ feed: FeedView; created: boolean }> {
    await checkUrl(url, { allowlist: this.allowlist });
    const interval =
      intervalSeconds ??
      Math.max(this.config.FEED_DEFAULT_INTERVAL_SECONDS, this.config.FEED_MIN_INTERVAL_SECONDS);
    const { feed, created } = await this.repository.register(sourceId, new URL(url).href, interval, fullText);
    // After the row is committed, so a first poll never finds no feed. Re-registering schedules an
    // active feed again, which repairs a schedule lost with Redis and keeps an existing one's slot.
    if (feed.status === 'active') await this.queue.schedule(feed.id, feed.intervalSeconds);
    return { feed: toFeedView(feed), created };
  }

  async find(sourceId: string, id: string): Promise<FeedView | undefined> {
    const feed = await this.repository.findOwned(sourceId, id);
    return feed ? toFeedView(feed) : undefined;
  }

  /** Changes a feed's interval (rescheduling it) or full-text setting; undefined when there is no such feed. */
  async update(
    sourceId: string,
    id: string,
    settings: { intervalSeconds?: number; fullText?: boolean },
  ): Promise<FeedView | undefined> {
    const feed = await this.repository.updateSettings(sourceId, id, settings);
    if (!feed) return undefined;
    if (feed.status === 'active' && settings.intervalSeconds !== undefined) {
      await this.queue.schedule(feed.id, feed.intervalSeconds);
    }
    return toFeedView(feed);
  }

  /** Deletes the feed and its schedule; false when the source has no such feed. */
  async remove(sourceId: string, id: string): Promise<boolean> {
    if (!(await this.repository.markDeleted(sourceId, id))) return false;
    await this.queue.unschedule(id);
    return true;
  }

  /**
   * One run of a feed's schedule. A deleted or disabled feed loses its schedule; a feed backing off
   * (after failures or a Retry-After) waits for its next_poll_at. Otherwise: a conditional GET, and
   * for a 2xx the items go through the push path (identity, versions, duplicates publish nothing).
   */
  async poll(feedId: string): Promise<PollRun> {
    const feed = await this.repository.find(feedId);
    if (!feed || feed.deletedAt !== null || feed.status === 'disabled') {
      await this.queue.unschedule(feedId);
      return 'stopped';
    }
    if (feed.nextPollAt !== null && feed.nextPollAt.getTime() > Date.now()) return 'skipped-backing-off';
    if (this.inFlight.has(feedId)) return 'skipped-in-flight';
    this.inFlight.add(feedId);
    try {
      const outcome = await this.fetchAndIngest(feed);
      const change = nextFeedState(feed, outcome, new Date(), this.config.FEED_MAX_FAILURES);
      await this.repository.recordPoll(feed.id, change);
      if (change.status === 'disabled') {
        await this.queue.unschedule(feed.id);
        this.logger.warn(`feed ${feed.id} (${feed.url}) disabled: ${change.lastError}`);
      }
      return outcome.kind;
    } catch (error) {
      // Our side failed (Kafka or PostgreSQL): the feed is not to blame, so nothing is counted against
      // it and its ETag is not advanced; the next run of the schedule tries again.
      const message = error instanceof Error ? error.message : String(error);
      await this.repository
        .recordInternalError(feed.id, `internal: ${message}`, new Date())
        .catch(() => undefined);
      throw error;
    } finally {
      this.inFlight.delete(feedId);
    }
  }

  /** Recreates the schedules of active feeds that have not been polled for a long time (Redis lost them). */
  async restoreLostSchedules(): Promise<number> {
    let restored = 0;
    for (const feed of await this.repository.findOverdue(new Date(), RESTORE_BATCH)) {
      if (await this.queue.isScheduled(feed.id)) continue;
      await this.queue.schedule(feed.id, feed.intervalSeconds);
      restored += 1;
    }
    if (restored > 0) this.logger.log(`restored the polling schedule of ${restored} feed(s)`);
    return restored;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }

  private async fetchAndIngest(feed: FeedRecord): Promise<PollOutcome> {
    // Only the fetch holds the host's slot: parsing and publishing do not load the feed's server.
    const fetched = await this.hosts.run(new URL(feed.url).host, () => this.fetch(feed));
    if (!fetched.ok) return fetched.outcome;
    const { response } = fetched;
    if (response.notModified) {
      return {
        kind: 'fetched',
        status: 304,
        etag: response.etag,
        lastModified: response.lastModified,
        published: 0,
      };
    }
    if (THROTTLE_STATUSES.has(response.status)) {
      if (response.retryAfterSeconds !== null) {
        return { kind: 'throttled', status: response.status, retryAfterSeconds: response.retryAfterSeconds };
      }
      return { kind: 'failed', status: response.status, error: httpError(response, ' without Retry-After') };
    }
    if (response.status < 200 || response.status >= 300) {
      return { kind: 'failed', status: response.status, error: httpError(response) };
    }
    let parsed: ParsedFeed;
    try {
      parsed = parseFeed(response.body, response.contentType ?? undefined, { baseUrl: response.url });
    } catch (error) {
      if (!(error instanceof FeedParseError)) throw error;
      return { kind: 'failed', status: response.status, error: `${error.code}: ${error.message}` };
    }
    const items = feed.fullText
      ? await this.fullText.complete(feed.id, parsed.items, (url) => this.fetchPage(url))
      : parsed.items;
    const results = await this.feeds.ingestParsed(feed.sourceId, items);
    const published = results.filter(
      (r) => r.status === 'accepted' || r.status === 'updated' || r.status === 'killed',
    ).length;
    return {
      kind: 'fetched',
      status: response.status,
      etag: response.etag,
      lastModified: response.lastModified,
      published,
    };
  }

  /** An item's page for full-text extraction: the same guard, politeness and limits as the feed itself. */
  private fetchPage(url: string): Promise<FetchResult> {
    return this.hosts.run(new URL(url).host, () =>
      this.client.fetch(url, {
        timeoutMs: PAGE_TIMEOUT_MS,
        maxBytes: PAGE_MAX_BYTES,
        headers: { accept: PAGE_ACCEPT },
      }),
    );
  }

  private async fetch(
    feed: FeedRecord,
  ): Promise<{ ok: true; response: FetchResult } | { ok: false; outcome: PollOutcome }> {
    try {
      const response = await this.client.fetch(feed.url, {
        timeoutMs: FETCH_TIMEOUT_MS,
        maxBytes: FETCH_MAX_BYTES,
        headers: { accept: FEED_ACCEPT },
        ...(feed.etag !== null ? { etag: feed.etag } : {}),
        ...(feed.lastModified !== null ? { lastModified: feed.lastModified } : {}),
      });
      return { ok: true, response };
    } catch (error) {
      if (!(error instanceof OutboundError)) throw error;
      return {
        ok: false,
        outcome: { kind: 'failed', status: null, error: `${error.code}: ${error.message}` },
      };
    }
  }
}
