export type FeedParseErrorCode =
  'unsupported_media_type' | 'malformed' | 'unsafe_xml' | 'too_many_items' | 'empty_document';

/** The whole document is refused; `code` is stable and meant for API answers and metrics. */
export class FeedParseError extends Error {
  override readonly name = 'FeedParseError';

  constructor(
    readonly code: FeedParseErrorCode,
    message: string,
  ) {
    super(message);
  }
}
