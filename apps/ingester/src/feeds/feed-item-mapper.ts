import { createHash } from 'node:crypto';
import { type FeedItem } from '@newsflow/feeds';
import { canonicalUrl } from '@newsflow/fingerprint';
import { stripTags } from '../articles/article-identity';
import { type IncomingArticle } from '../articles/incoming-article';

/** A headline for an item that has none (microblog-style feeds): the start of its text. */
function derivedHeadline(item: FeedItem): string {
  const text = stripTags(item.summary ?? item.content ?? '');
  if (text.length <= 120) return text;
  const cut = text.slice(0, 120);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 60))}…`;
}

function canonicalOrNull(link: string | null): string | null {
  if (link === null) return null;
  try {
    return canonicalUrl(link);
  } catch {
    return null;
  }
}

/**
 * The identity of a feed item within its source: its guid; else its canonical link (tracking
 * parameters and fragments removed, so the same story shared with different links stays one);
 * else a hash of its content, so that even an item with neither is recognised when it comes again.
 */
export function feedItemUri(item: FeedItem): string {
  if (item.guid !== null && item.guid.trim() !== '') return item.guid.trim();
  const link = canonicalOrNull(item.link);
  if (link !== null) return link;
  const hash = createHash('sha256')
    .update(JSON.stringify([item.title, item.summary, item.content]))
    .digest('hex');
  return `urn:newsflow:content:${hash}`;
}

/** A feed item as the ingester's article: the same identity, versioning and publishing as a push. */
export function fromFeedItem(item: FeedItem): IncomingArticle {
  const body = item.content ?? item.summary ?? '';
  const byline = item.authors
    .map((author) => author.name)
    .filter((name): name is string => name !== null && name !== '')
    .join(', ');
  const versionCreated = item.updated ?? item.published;
  return {
    uri: feedItemUri(item),
    headline: item.title ?? derivedHeadline(item),
    bodyHtml: body,
    ...(item.summary !== null ? { summary: item.summary } : {}),
    ...(byline !== '' ? { byline } : {}),
    ...(item.language !== null ? { language: item.language } : {}),
    ...(item.link !== null ? { link: item.link } : {}),
    pubStatus: item.pubStatus,
    ...(versionCreated !== null ? { versionCreated } : {}),
    ...(item.published !== null ? { firstCreated: item.published } : {}),
  };
}
