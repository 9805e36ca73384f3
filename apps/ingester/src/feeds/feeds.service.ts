import { Injectable } from '@nestjs/common';
import { parseFeed, type FeedAuthor, type FeedItemResult } from '@newsflow/feeds';
import { ArticlesService } from '../articles/articles.service';
import { type PushItemResult } from '../articles/push-response';
import { fromFeedItem } from './feed-item-mapper';

/** One item of a feed dry run, in the fixed form integrators read. */
export interface FeedDryRunItem {
  id: string | null;
  version: number | null;
  status: PushItemResult['status'];
  reason?: string;
  title: string | null;
  link: string | null;
  guid: string | null;
  summary: string | null;
  content: string | null;
  published: string | null;
  updated: string | null;
  authors: FeedAuthor[];
}

@Injectable()
export class FeedsService {
  constructor(private readonly articles: ArticlesService) {}

  /** Parses a pushed feed document and ingests its good items; rejected items are answered as such. */
  async ingest(
    sourceId: string,
    document: Buffer,
    contentType: string | undefined,
  ): Promise<PushItemResult[]> {
    const items = parseFeed(document, contentType).items;
    const results = await this.articles.ingest(sourceId, accepted(items).map(fromFeedItem));
    return merge(items, results);
  }

  /**
   * Ingests an already parsed feed (polling): the same identity, versioning and duplicate rules as a
   * push, attributed to `sourceId`; rejected items are answered as such, in document order.
   */
  async ingestParsed(sourceId: string, items: FeedItemResult[]): Promise<PushItemResult[]> {
    const results = await this.articles.ingest(sourceId, accepted(items).map(fromFeedItem));
    return merge(items, results);
  }

  /** What each item would become, without publishing or recording anything. */
  async preview(
    sourceId: string,
    document: Buffer,
    contentType: string | undefined,
  ): Promise<FeedDryRunItem[]> {
    const items = parseFeed(document, contentType).items;
    const results = merge(items, await this.articles.preview(sourceId, accepted(items).map(fromFeedItem)));
    return items.map(({ item }, i) => {
      const result = results[i];
      return {
        id: 'id' in result ? result.id : null,
        version: 'version' in result ? result.version : null,
        status: result.status,
        ...(result.reason !== undefined ? { reason: result.reason } : {}),
        title: item.title,
        link: item.link,
        guid: item.guid,
        summary: item.summary,
        content: item.content,
        published: item.published,
        updated: item.updated,
        authors: item.authors,
      };
    });
  }
}

const accepted = (items: FeedItemResult[]) => items.flatMap((r) => (r.status === 'ok' ? [r.item] : []));

function merge(items: FeedItemResult[], results: PushItemResult[]): PushItemResult[] {
  let next = 0;
  return items.map((r) =>
    r.status === 'ok'
      ? results[next++]
      : { status: 'rejected', reason: r.reason, errors: [{ path: '', message: r.reason }] },
  );
}
