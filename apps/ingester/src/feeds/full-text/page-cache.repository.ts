import { createHash } from 'node:crypto';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { INGESTER_CONFIG, type IngesterConfig } from '../../ingester.config';

/** What was extracted from an item's page, for the item as it was then (`itemHash`). */
export interface CachedPage {
  itemHash: string;
  /** Null when the page had no article to extract: the feed's own text is used, and not fetched again. */
  contentHtml: string | null;
}

/** A week: longer than any feed keeps an item, so a page is fetched once per edit of its item. */
const TTL_SECONDS = 7 * 24 * 3600;

/**
 * Extracted pages in Redis, per feed and item, so that each poll fetches only the pages of items that
 * are new or changed (a feed re-served with a new ETag but the same items costs no page fetch).
 */
@Injectable()
export class PageCacheRepository implements OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly prefix: string;

  constructor(@Inject(INGESTER_CONFIG) config: IngesterConfig) {
    this.redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
    this.redis.on('error', () => undefined); // a cache miss then; the poll goes on
    this.prefix = `${config.REDIS_KEY_PREFIX}:fulltext:`;
  }

  private key(feedId: string, itemUri: string): string {
    return `${this.prefix}${feedId}:${createHash('sha256').update(itemUri).digest('base64url')}`;
  }

  /** The cached pages of these items (missing ones absent). Redis trouble reads as "nothing cached". */
  async get(feedId: string, itemUris: string[]): Promise<Map<string, CachedPage>> {
    const pages = new Map<string, CachedPage>();
    if (itemUris.length === 0) return pages;
    const values = await this.redis.mget(itemUris.map((uri) => this.key(feedId, uri))).catch(() => []);
    itemUris.forEach((uri, i) => {
      const value = values[i];
      if (typeof value === 'string') pages.set(uri, JSON.parse(value) as CachedPage);
    });
    return pages;
  }

  async set(feedId: string, itemUri: string, page: CachedPage): Promise<void> {
    await this.redis
      .set(this.key(feedId, itemUri), JSON.stringify(page), 'EX', TTL_SECONDS)
      .catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
