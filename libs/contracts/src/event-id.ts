import { createHash } from 'node:crypto';

/**
 * Deterministic event ids (UUID layout, version 8 = custom): the same inputs always give the same
 * id, so re-publishing an event after a crash yields the same eventId and downstream deduplication
 * sees it as one event.
 */
export function deterministicEventId(...parts: Array<string | number>): string {
  const hex = createHash('sha256').update(parts.join('\n')).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
