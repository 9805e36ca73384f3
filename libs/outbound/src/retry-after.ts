/**
 * `Retry-After` (RFC 9110 §10.2.3) as whole seconds from `now`: delta-seconds or an HTTP-date; a date
 * in the past is 0; anything unparseable is null, so a caller falls back to its own backoff.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  // HTTP-dates always name a weekday and a GMT time; this keeps Date.parse from guessing at numbers.
  if (!/^[A-Za-z]{3},? /.test(trimmed)) return null;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
}
