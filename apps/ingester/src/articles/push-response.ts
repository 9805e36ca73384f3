import { describeErrors, type FieldError } from '@newsflow/contracts';
import { type ItemValidation } from './article-input.schema';
import { type IngestResult } from './articles.service';
import { type IncomingArticle } from './incoming-article';

export interface RejectedItem {
  status: 'rejected';
  reason: string;
  errors: FieldError[];
}

export type PushItemResult = IngestResult | RejectedItem;

/** One item of a dry run: what Newsflow understood, and what a real push would answer for it. */
export interface DryRunItem {
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
  authors: Array<{ name: string | null; email: string | null; url: string | null }>;
}

export const rejected = (errors: FieldError[]): RejectedItem => ({
  status: 'rejected',
  reason: describeErrors(errors),
  errors,
});

/** Puts ingest results back among the rejected items, in the order the items were sent. */
export function mergeResults(items: ItemValidation[], results: IngestResult[]): PushItemResult[] {
  let next = 0;
  return items.map((item) => (item.ok ? results[next++] : rejected(item.errors)));
}

export function toDryRunItem(result: PushItemResult, article: IncomingArticle | undefined): DryRunItem {
  return {
    id: 'id' in result ? result.id : null,
    version: 'version' in result ? result.version : null,
    status: result.status,
    ...(result.reason !== undefined ? { reason: result.reason } : {}),
    title: article?.headline ?? null,
    link: article?.link ?? null,
    guid: article?.uri ?? null,
    summary: article?.summary ?? null,
    content: article?.bodyHtml ?? article?.bodyText ?? null,
    published: article?.firstCreated ?? null,
    updated: article?.versionCreated ?? null,
    authors: article?.byline ? [{ name: article.byline, email: null, url: null }] : [],
  };
}
