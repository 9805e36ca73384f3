import { describeErrors, type FieldError } from '@newsflow/contracts';
import { type FeedItem } from '@newsflow/feeds';
import { type IngestResult } from './articles.service';
import { type IncomingArticle } from './incoming-article';

export interface RejectedItem {
  status: 'rejected';
  reason: string;
  errors: FieldError[];
}

export type PushItemResult = IngestResult | RejectedItem;

/**
 * What Newsflow understood of one item: the fixed form of dry runs, for pushes and feeds alike. It is
 * the feed item's own fields, so a feed dry run shows exactly what the parser produced.
 */
export type ItemView = Pick<
  FeedItem,
  'title' | 'link' | 'guid' | 'summary' | 'content' | 'published' | 'updated' | 'authors'
>;

/** One item of a dry run: the item as understood, and what a real push would answer for it. */
export interface DryRunItem extends ItemView {
  id: string | null;
  version: number | null;
  status: PushItemResult['status'];
  reason?: string;
}

export const rejected = (errors: FieldError[]): RejectedItem => ({
  status: 'rejected',
  reason: describeErrors(errors),
  errors,
});

/**
 * Puts ingest results back among the rejected items, in the order the items were sent: `rejection`
 * says why an item was refused before ingest, or undefined for one that was ingested.
 */
export function mergeResults<T>(
  items: T[],
  rejection: (item: T) => FieldError[] | undefined,
  results: IngestResult[],
): PushItemResult[] {
  let next = 0;
  return items.map((item) => {
    const errors = rejection(item);
    return errors === undefined ? results[next++] : rejected(errors);
  });
}

export const toDryRunItem = (result: PushItemResult, view: ItemView): DryRunItem => ({
  id: 'id' in result ? result.id : null,
  version: 'version' in result ? result.version : null,
  status: result.status,
  ...(result.reason !== undefined ? { reason: result.reason } : {}),
  ...view,
});

/** A pushed article as a dry-run view (nothing known of a rejected one). */
export const viewOfArticle = (article: IncomingArticle | undefined): ItemView => ({
  title: article?.headline ?? null,
  link: article?.link ?? null,
  guid: article?.uri ?? null,
  summary: article?.summary ?? null,
  content: article?.bodyHtml ?? article?.bodyText ?? null,
  published: article?.firstCreated ?? null,
  updated: article?.versionCreated ?? null,
  authors: article?.byline ? [{ name: article.byline, email: null, url: null }] : [],
});
