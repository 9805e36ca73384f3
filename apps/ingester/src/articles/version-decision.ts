export interface StoredVersion {
  version: number;
  contentHash: string;
  pubStatus: string;
  versionCreated: Date;
}

export interface IncomingVersion {
  contentHash: string;
  pubStatus: 'usable' | 'withheld' | 'canceled';
  versionCreated: Date;
  /** False when the publisher left versioncreated out and the ingester filled in its own time. */
  versionCreatedDeclared: boolean;
}

export type VersionDecision =
  | { status: 'accepted' | 'updated' | 'killed'; version: number }
  | { status: 'duplicate'; version: number; reason: string };

/**
 * What a pushed article is, given what the ingester last published for the same id. Pure, so the
 * wire-desk rules are tested on their own: same content → duplicate; a kill → killed (once);
 * changed content → the next version; an older version arriving late never replaces a newer one
 * (judged only by a versioncreated the publisher declared: the ingester's own clock says nothing
 * about which of two pushes was written first).
 */
export function decideVersion(stored: StoredVersion | undefined, incoming: IncomingVersion): VersionDecision {
  if (!stored || stored.version === 0) {
    return { status: incoming.pubStatus === 'canceled' ? 'killed' : 'accepted', version: 1 };
  }
  if (
    incoming.versionCreatedDeclared &&
    incoming.versionCreated.getTime() < stored.versionCreated.getTime()
  ) {
    return { status: 'duplicate', version: stored.version, reason: 'older than the stored version' };
  }
  if (incoming.pubStatus === 'canceled') {
    return stored.pubStatus === 'canceled'
      ? { status: 'duplicate', version: stored.version, reason: 'already killed' }
      : { status: 'killed', version: stored.version + 1 };
  }
  if (incoming.contentHash === stored.contentHash && incoming.pubStatus === stored.pubStatus) {
    return { status: 'duplicate', version: stored.version, reason: 'same content as the stored version' };
  }
  return { status: 'updated', version: stored.version + 1 };
}
