import { createHash, randomBytes } from 'node:crypto';
import {
  deterministicEventId,
  validateEnrichedArticleEvent,
  describeErrors,
  type EnrichedArticleEvent,
  type TaggedEntity,
} from '@newsflow/contracts';

/** A fresh article id, shaped like the ingester's (32 lowercase hex characters). */
export const randomArticleId = (): string => randomBytes(16).toString('hex');

export interface EnrichedArticleSpec {
  articleId: string;
  version: number;
  sourceId?: string;
  headline?: string;
  body?: string;
  language?: string;
  pubStatus?: EnrichedArticleEvent['pubStatus'];
  /** Each entity is tagged at every occurrence of its name in the text (there must be one). */
  entities?: Array<{ id: string; name: string; type: TaggedEntity['type']; confidence?: number }>;
}

function mentionsOf(text: string, name: string, confidence: number | undefined): TaggedEntity['mentions'] {
  const mentions: TaggedEntity['mentions'] = [];
  for (let start = text.indexOf(name); start >= 0; start = text.indexOf(name, start + name.length)) {
    mentions.push({
      start,
      end: start + name.length,
      text: name,
      ...(confidence !== undefined ? { confidence } : {}),
    });
  }
  if (mentions.length === 0) throw new Error(`"${name}" does not occur in the text of the article`);
  return mentions;
}

/**
 * An enriched article version as the enricher would publish it. Event ids are derived from the article
 * id and version, so building the same spec twice gives the same event (a redelivery).
 */
export function enrichedArticleEvent(spec: EnrichedArticleSpec): EnrichedArticleEvent {
  const { articleId, version } = spec;
  const pubStatus = spec.pubStatus ?? 'usable';
  const headline = spec.headline ?? `Harbour authority reopens berth ${version}`;
  const body = spec.body ?? `The harbour authority reopened the berth on Tuesday (version ${version}).`;
  const text = `${headline}\n\n${body}`;
  const versionCreated = new Date(Date.UTC(2026, 10, 27, 8, version)).toISOString();
  const event: EnrichedArticleEvent = {
    schema: 'newsflow.enriched-article.v1',
    eventId: deterministicEventId('test-enriched', articleId, version),
    rawEventId: deterministicEventId('test-raw', articleId, version),
    articleId,
    version,
    status: pubStatus === 'canceled' ? 'killed' : version === 1 ? 'accepted' : 'updated',
    sourceId: spec.sourceId ?? 'test-source',
    uri: `urn:newsflow:test:${articleId}`,
    headline,
    text,
    language: spec.language ?? 'en',
    pubStatus,
    versionCreated,
    contentHash: createHash('sha256').update(text).digest('hex'),
    entities: (spec.entities ?? []).map(({ id, name, type, confidence }) => ({
      id,
      name,
      type,
      mentions: mentionsOf(text, name, confidence),
    })),
    topics: [],
    keywords: [],
    ingestedAt: versionCreated,
    enrichedAt: versionCreated,
  };
  const validation = validateEnrichedArticleEvent(event);
  if (!validation.ok) throw new Error(`invalid test event: ${describeErrors(validation.errors)}`);
  return event;
}
