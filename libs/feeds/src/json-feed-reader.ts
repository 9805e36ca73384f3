import { pubStatusOf, type FeedPubStatus } from './pub-status';
import { createValidator, describeErrors } from '@newsflow/contracts';
import { Type } from '@sinclair/typebox';
import { FeedParseError } from './feed-parse-error';
import { cleanText, htmlToPlainText } from './feed-text';
import type { FeedAuthor, FeedDocument, FeedItemDraft } from './feed.types';
import { parseFeedDate } from './parse-feed-date';
import { resolveUrl } from './xml-document';

export const JSON_FEED_VERSION_PREFIX = 'https://jsonfeed.org/version/';

// Only the fields Newsflow reads are described; JSON Feed allows extensions (`_name`) and more.
const JsonFeedAuthor = Type.Object({
  name: Type.Optional(Type.String()),
  url: Type.Optional(Type.String()),
  avatar: Type.Optional(Type.String()),
});

const JsonFeedDocument = Type.Object({
  version: Type.String(),
  title: Type.Optional(Type.String()),
  home_page_url: Type.Optional(Type.String()),
  feed_url: Type.Optional(Type.String()),
  language: Type.Optional(Type.String()),
  author: Type.Optional(JsonFeedAuthor),
  authors: Type.Optional(Type.Array(JsonFeedAuthor)),
  items: Type.Array(Type.Unknown()),
});

const JsonFeedItem = Type.Object({
  // The spec says string; 1.0 feeds in the wild also use numbers.
  id: Type.Optional(Type.Union([Type.String(), Type.Number()])),
  url: Type.Optional(Type.String()),
  external_url: Type.Optional(Type.String()),
  title: Type.Optional(Type.String()),
  content_html: Type.Optional(Type.String()),
  content_text: Type.Optional(Type.String()),
  summary: Type.Optional(Type.String()),
  image: Type.Optional(Type.String()),
  date_published: Type.Optional(Type.String()),
  date_modified: Type.Optional(Type.String()),
  author: Type.Optional(JsonFeedAuthor),
  authors: Type.Optional(Type.Array(JsonFeedAuthor)),
  tags: Type.Optional(Type.Array(Type.String())),
  language: Type.Optional(Type.String()),
});

const validateDocument = createValidator(JsonFeedDocument);
const validateItem = createValidator(JsonFeedItem);

type JsonObject = Readonly<Record<string, unknown>>;

/** Whether parsed JSON is a JSON Feed (any version), by its `version` URL. */
export function isJsonFeed(value: unknown): boolean {
  return (
    isObject(value) && typeof value.version === 'string' && value.version.startsWith(JSON_FEED_VERSION_PREFIX)
  );
}

/**
 * JSON Feed 1.0 and 1.1. A document-level shape error fails the document; an item-level one
 * rejects that item only, with the field named, and the item is read as far as its types allow.
 */
export function readJsonFeed(value: unknown, documentBase: string | null): FeedDocument {
  const checked = validateDocument(value);
  if (!checked.ok)
    throw new FeedParseError('malformed', `JSON Feed is invalid: ${describeErrors(checked.errors)}`);
  const feed = checked.value;
  const feedLink = resolveUrl(feed.home_page_url, documentBase);
  const base = feedLink ?? documentBase;
  const language = cleanText(feed.language);
  const feedAuthors = readAuthors(feed, base);
  return {
    format: 'jsonfeed',
    title: cleanText(feed.title),
    link: feedLink,
    language,
    items: feed.items.map((item) => readItem(item, base, language, feedAuthors)),
  };
}

function readItem(
  value: unknown,
  base: string | null,
  feedLanguage: string | null,
  feedAuthors: FeedAuthor[],
): FeedItemDraft {
  const checked = validateItem(value);
  const item: JsonObject = isObject(value) ? value : {};
  const id = item.id;
  const authors = readAuthors(item, base);
  const draft: FeedItemDraft = {
    item: {
      title: htmlToPlainText(stringField(item, 'title')),
      link: resolveUrl(stringField(item, 'url') ?? stringField(item, 'external_url'), base),
      guid: typeof id === 'string' || typeof id === 'number' ? cleanText(String(id)) : null,
      summary: trimmed(stringField(item, 'summary') ?? stringField(item, 'content_text')),
      content: trimmed(stringField(item, 'content_html')),
      published: parseFeedDate(stringField(item, 'date_published')),
      updated: parseFeedDate(stringField(item, 'date_modified')),
      authors: authors.length > 0 ? authors : feedAuthors,
      categories: arrayField(item, 'tags').flatMap((tag) =>
        typeof tag === 'string' ? (cleanText(tag) ?? []) : [],
      ),
      language: cleanText(stringField(item, 'language')) ?? feedLanguage,
      image: resolveUrl(stringField(item, 'image'), base),
      pubStatus: readJsonPubStatus(item),
    },
  };
  if (!checked.ok) draft.problem = `JSON Feed item is invalid: ${describeErrors(checked.errors)}`;
  return draft;
}

/** The `_newsflow.pubstatus` extension (see pub-status.ts); `usable` when absent or unknown. */
function readJsonPubStatus(item: JsonObject): FeedPubStatus {
  const extension = item._newsflow;
  if (!isObject(extension)) return 'usable';
  const value = extension.pubstatus;
  return (typeof value === 'string' ? pubStatusOf(value) : undefined) ?? 'usable';
}

/** 1.1 `authors`, else 1.0 `author`. JSON Feed authors have no e-mail address. */
function readAuthors(owner: JsonObject, base: string | null): FeedAuthor[] {
  const authors = Array.isArray(owner.authors) ? (owner.authors as unknown[]) : [owner.author];
  return authors.filter(isObject).map((author) => ({
    name: cleanText(stringField(author, 'name')),
    email: null,
    url: resolveUrl(stringField(author, 'url'), base),
  }));
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(object: JsonObject, name: string): string | null {
  const value = object[name];
  return typeof value === 'string' ? value : null;
}

function arrayField(object: JsonObject, name: string): unknown[] {
  const value = object[name];
  return Array.isArray(value) ? (value as unknown[]) : [];
}

function trimmed(text: string | null): string | null {
  return text?.trim() || null;
}
