import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { type FeedItem, type FeedItemResult } from '@newsflow/feeds';
import { type FetchResult } from '@newsflow/outbound';
import { Counter } from 'prom-client';
import { feedItemUri } from '../feed-item-mapper';
import { decodeHtml, extractArticle } from './article-page';
import { PageCacheRepository } from './page-cache.repository';

/** Fetches one page politely (SSRF guard, per-host limit, timeout, size cap): the poller's own client. */
export type PageFetcher = (url: string) => Promise<FetchResult>;

/** Pages fetched at once for one poll; the per-host limit applies on top of this. */
const PAGE_CONCURRENCY = 4;
const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;

const pagesTotal = new Counter({
  name: 'newsflow_feed_full_text_pages_total',
  help: 'Item pages considered for full-text extraction, by outcome',
  labelNames: ['outcome'] as const,
});

type Outcome = 'extracted' | 'cached' | 'no_article' | 'not_html' | 'http_error' | 'fetch_failed';

/** The item as the feed gave it: a page is fetched again only when this changes. */
function itemHash(item: FeedItem): string {
  return createHash('sha256')
    .update(JSON.stringify([item.title, item.link, item.summary, item.content, item.updated]))
    .digest('base64url');
}

/**
 * Full text for feeds that carry only summaries: each item's page is fetched and its main text
 * extracted with Readability, and becomes the item's content (the feed's summary stays its summary).
 * A best effort: when the page cannot be fetched or has no article, the item keeps the feed's text
 * and is ingested all the same. Kills and items without a link are left as they are.
 */
@Injectable()
export class FullTextService {
  private readonly logger = new Logger(FullTextService.name);

  constructor(private readonly cache: PageCacheRepository) {}

  async complete(feedId: string, items: FeedItemResult[], fetchPage: PageFetcher): Promise<FeedItemResult[]> {
    const wanted = items.flatMap((result) =>
      result.status === 'ok' && result.item.link !== null && result.item.pubStatus !== 'canceled'
        ? [{ result, uri: feedItemUri(result.item), hash: itemHash(result.item) }]
        : [],
    );
    const cached = await this.cache.get(
      feedId,
      wanted.map((w) => w.uri),
    );
    const contents = new Map<FeedItemResult, string>();
    const queue = [...wanted];
    const worker = async () => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        const hit = cached.get(next.uri);
        let contentHtml: string | null;
        if (hit?.itemHash === next.hash) {
          contentHtml = hit.contentHtml;
          pagesTotal.inc({ outcome: 'cached' });
        } else {
          const page = await this.extract(next.result.item.link!, fetchPage);
          pagesTotal.inc({ outcome: page.outcome });
          // Transient failures are not remembered: the next poll tries the page again.
          if (page.outcome === 'fetch_failed' || page.outcome === 'http_error') continue;
          contentHtml = page.contentHtml;
          await this.cache.set(feedId, next.uri, { itemHash: next.hash, contentHtml });
        }
        if (contentHtml !== null) contents.set(next.result, contentHtml);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PAGE_CONCURRENCY, queue.length) }, worker));
    return items.map((result) => {
      const content = contents.get(result);
      return content === undefined ? result : { ...result, item: { ...result.item, content } };
    });
  }

  private async extract(
    link: string,
    fetchPage: PageFetcher,
  ): Promise<{ outcome: Outcome; contentHtml: string | null }> {
    let response: FetchResult;
    try {
      response = await fetchPage(link);
    } catch (error) {
      this.logger.debug(`full text: ${link}: ${(error as Error).message}`);
      return { outcome: 'fetch_failed', contentHtml: null };
    }
    if (response.status < 200 || response.status >= 300) return { outcome: 'http_error', contentHtml: null };
    if (response.contentType !== null && !HTML_TYPES.test(response.contentType)) {
      return { outcome: 'not_html', contentHtml: null };
    }
    const article = extractArticle(decodeHtml(response.body, response.contentType), response.url);
    return article === null
      ? { outcome: 'no_article', contentHtml: null }
      : { outcome: 'extracted', contentHtml: article.contentHtml };
  }
}
