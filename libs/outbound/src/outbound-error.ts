export type OutboundErrorCode =
  | 'blocked_address'
  | 'invalid_url'
  | 'timeout'
  | 'too_large'
  | 'too_many_redirects'
  | 'network'
  | 'unsupported_scheme';

/** Every failure of an outbound request, as data: callers record `code` (feed state, delivery log). */
export class OutboundError extends Error {
  override readonly name = 'OutboundError';

  constructor(
    readonly code: OutboundErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Undici wraps or re-throws errors raised inside the connector and the abort signal; find ours in the
 * cause chain so that a guard refusal stays `blocked_address` however deep it arrives.
 */
export function findOutboundError(error: unknown): OutboundError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current instanceof Error; depth += 1) {
    if (current instanceof OutboundError) return current;
    current = current.cause;
  }
  return undefined;
}
