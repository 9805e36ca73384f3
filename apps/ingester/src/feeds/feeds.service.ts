import { Injectable } from '@nestjs/common';
import { parseFeed, type FeedItemResult } from '@newsflow/feeds';
import { ArticlesService } from '../articles/articles.service';
import { mergeResults, toDryRunItem, type DryRunItem, type PushItemResult } from '../articles/push-response';
import { fromFeedItem } from './feed-item-mapper';

const accepted = (items: FeedItemResult[]) => items.flatMap((r) => (r.status === 'ok' ? [r.item] : []));
const rejection = (r: FeedItemResult) => (r.status === 'ok' ? undefined : [{ path: '', message: r.reason }]);

@Injectable()
export class FeedsService {
  constructor(private readonly articles: ArticlesService) {}

  /** Parses a pushed feed document and ingests its good items; rejected items are answered as such. */
  ingest(sourceId: string, document: Buffer, contentType: string | undefined): Promise<PushItemResult[]> {
    return this.ingestParsed(sourceId, parseFeed(document, contentType).items);
  }

  /**
   * Ingests an already parsed feed (polling): the same identity, versioning and duplicate rules as a
   * push, attributed to `sourceId`; rejected items are answered as such, in document order.
   */
  async ingestParsed(sourceId: string, items: FeedItemResult[]): Promise<PushItemResult[]> {
    const results = await this.articles.ingest(sourceId, accepted(items).map(fromFeedItem));
    return mergeResults(items, rejection, results);
  }

  /** What each item would become, without publishing or recording anything. */
  async preview(sourceId: string, document: Buffer, contentType: string | undefined): Promise<DryRunItem[]> {
    const items = parseFeed(document, contentType).items;
    const results = mergeResults(
      items,
      rejection,
      await this.articles.preview(sourceId, accepted(items).map(fromFeedItem)),
    );
    return items.map(({ item }, i) =>
      toDryRunItem(results[i], {
        title: item.title,
        link: item.link,
        guid: item.guid,
        summary: item.summary,
        content: item.content,
        published: item.published,
        updated: item.updated,
        authors: item.authors,
      }),
    );
  }
}
