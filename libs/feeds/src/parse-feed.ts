import { readAtomFeed } from './atom-feed-reader';
import { assertFeedMediaType, decodeBody, parseMediaType } from './decode-body';
import { FeedParseError } from './feed-parse-error';
import type {
  FeedDocument,
  FeedItem,
  FeedItemDraft,
  FeedItemResult,
  ParseOptions,
  ParsedFeed,
} from './feed.types';
import { isJsonFeed, JSON_FEED_VERSION_PREFIX, readJsonFeed } from './json-feed-reader';
import { readRssFeed } from './rss-feed-reader';
import { NS, parseXmlDocument, resolveUrl } from './xml-document';
import { assertSafeXmlProlog } from './xml-safety';

const DEFAULT_MAX_ITEMS = 1000;
const DEFAULT_MAX_FIELD_LENGTH = 1_000_000;

/**
 * Parses an RSS 2.0, RSS 1.0, Atom 1.0 or JSON Feed document. The format comes from the content;
 * the media type only has to be plausible. Whole-document problems throw `FeedParseError`; a bad
 * item comes back `rejected` with its reason, beside its neighbours, in document order.
 */
export function parseFeed(
  body: Buffer,
  contentType: string | undefined,
  options: ParseOptions = {},
): ParsedFeed {
  const mediaType = parseMediaType(contentType);
  assertFeedMediaType(mediaType);
  const text = decodeBody(body, mediaType)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (text === '') throw new FeedParseError('empty_document', 'the document is empty');
  const documentBase = resolveUrl(options.baseUrl, null);
  const document = text.startsWith('<') ? readXml(text, documentBase) : readJson(text, documentBase);

  const maxItems = options.maxItems ?? DEFAULT_MAX_ITEMS;
  if (document.items.length > maxItems) {
    throw new FeedParseError(
      'too_many_items',
      `the feed has ${document.items.length} items, over the limit of ${maxItems}`,
    );
  }
  const maxFieldLength = options.maxFieldLength ?? DEFAULT_MAX_FIELD_LENGTH;
  return {
    format: document.format,
    title: document.title,
    link: document.link,
    language: document.language,
    items: document.items.map((draft) => checkItem(draft, maxFieldLength)),
  };
}

function readXml(text: string, documentBase: string | null): FeedDocument {
  assertSafeXmlProlog(text);
  const root = parseXmlDocument(text, documentBase);
  if (root.name === 'rss' && root.namespace === '') return readRssFeed(root, documentBase);
  if (root.name === 'RDF' && root.namespace === NS.rdf) return readRssFeed(root, documentBase);
  if (root.name === 'feed' && root.namespace === NS.atom) return readAtomFeed(root, documentBase);
  throw new FeedParseError(
    'malformed',
    `root element <${root.name}> is not a feed (expected <rss>, <rdf:RDF> or Atom <feed>)`,
  );
}

function readJson(text: string, documentBase: string | null): FeedDocument {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new FeedParseError(
      'malformed',
      `the document is neither XML nor valid JSON: ${(error as Error).message}`,
    );
  }
  if (!isJsonFeed(value)) {
    throw new FeedParseError(
      'malformed',
      `JSON document is not a JSON Feed (version must start with ${JSON_FEED_VERSION_PREFIX})`,
    );
  }
  return readJsonFeed(value, documentBase);
}

function checkItem({ item, problem }: FeedItemDraft, maxFieldLength: number): FeedItemResult {
  if (problem !== undefined) return { status: 'rejected', reason: problem, item };
  if (item.pubStatus === 'canceled') {
    // A kill needs only to say which story it kills.
    if (item.guid === null && item.link === null) {
      return { status: 'rejected', reason: 'killed item has neither a guid nor a link to identify it', item };
    }
  } else if (item.title === null && item.summary === null && item.content === null) {
    return { status: 'rejected', reason: 'item has neither a title nor a summary or content', item };
  }
  for (const [field, value] of fieldValues(item)) {
    if (value.length > maxFieldLength) {
      return {
        status: 'rejected',
        reason: `field '${field}' is ${value.length} characters long, over the limit of ${maxFieldLength}`,
        item,
      };
    }
  }
  return { status: 'ok', item };
}

function* fieldValues(item: FeedItem): Generator<[string, string]> {
  const scalars = ['title', 'link', 'guid', 'summary', 'content', 'language', 'image'] as const;
  for (const field of scalars) {
    const value = item[field];
    if (value !== null) yield [field, value];
  }
  for (const [index, author] of item.authors.entries()) {
    for (const field of ['name', 'email', 'url'] as const) {
      const value = author[field];
      if (value !== null) yield [`authors[${index}].${field}`, value];
    }
  }
  for (const [index, category] of item.categories.entries()) yield [`categories[${index}]`, category];
}
