export { FeedParseError, type FeedParseErrorCode } from './feed-parse-error';
export type {
  FeedAuthor,
  FeedFormat,
  FeedItem,
  FeedItemResult,
  ParsedFeed,
  ParseOptions,
} from './feed.types';
export { parseFeed } from './parse-feed';
