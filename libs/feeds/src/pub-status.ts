import { childText, type XmlElement } from './xml-document';

/** The IPTC publishing status of an item (ninjs `pubstatus`); `canceled` is a kill. */
export type FeedPubStatus = 'usable' | 'withheld' | 'canceled';

/**
 * No feed format has a standard "this story is killed" field for its items, so Newsflow reads one
 * extension element in every XML format, `<nf:pubstatus>` in the namespace
 * `https://newsflow.dev/ns/feed/1.0`, and `_newsflow.pubstatus` in JSON Feed (the JSON Feed way to
 * extend). Atom's standard deleted-entry tombstones (RFC 6721) are read as kills too. An item that
 * merely drops out of a feed is NOT a kill: feeds roll old items off all the time.
 */
export function pubStatusOf(value: string | null | undefined): FeedPubStatus | undefined {
  switch (value?.trim().toLowerCase()) {
    case 'usable':
      return 'usable';
    case 'withheld':
      return 'withheld';
    case 'canceled':
    case 'cancelled':
    case 'killed':
      return 'canceled';
    case undefined:
    default:
      return undefined;
  }
}

export const NEWSFLOW_FEED_NS = 'https://newsflow.dev/ns/feed/1.0';

/** `<nf:pubstatus>` of an RSS item or Atom entry; `usable` when absent or not a known value. */
export function readXmlPubStatus(element: XmlElement): FeedPubStatus {
  return pubStatusOf(childText(element, NEWSFLOW_FEED_NS, 'pubstatus')) ?? 'usable';
}
