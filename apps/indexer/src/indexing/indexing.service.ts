import { Injectable } from '@nestjs/common';
import {
  deterministicEventId,
  Headers,
  Topics,
  type ArticleUpdateEvent,
  type EnrichedArticleEvent,
} from '@newsflow/contracts';
import { Counter } from 'prom-client';
import { OutboxRelay } from '../outbox/outbox.relay';
import { ArticleStoreRepository, type OutboxRow } from './article-store.repository';

const indexedTotal = new Counter({
  name: 'newsflow_indexed_versions_total',
  help: 'Article versions stored, by kind (created, updated, killed); redeliveries are not counted',
  labelNames: ['kind'] as const,
});

export function updateKindOf(event: EnrichedArticleEvent): ArticleUpdateEvent['kind'] {
  if (event.status === 'killed') return 'killed';
  return event.version === 1 ? 'created' : 'updated';
}

/** The update event of a newly stored version, as the outbox row that the relay will publish. */
export function toOutboxRow(
  event: EnrichedArticleEvent,
  indexedAt: string,
  headers: Record<string, string>,
  changes: string[] = [],
): OutboxRow {
  const update: ArticleUpdateEvent = {
    schema: 'newsflow.article-update.v1',
    eventId: deterministicEventId('update', event.articleId, event.version),
    kind: updateKindOf(event),
    articleId: event.articleId,
    version: event.version,
    sourceId: event.sourceId,
    uri: event.uri,
    headline: event.headline,
    language: event.language,
    pubStatus: event.pubStatus,
    entityIds: event.entities.map((entity) => entity.id),
    topics: event.topics,
    changes,
    ...(event.clusterId !== undefined ? { clusterId: event.clusterId } : {}),
    versionCreated: event.versionCreated,
    ingestedAt: event.ingestedAt,
    indexedAt,
  };
  return {
    eventId: update.eventId,
    topic: Topics.updates,
    key: update.articleId,
    payload: update,
    headers: { ...headers, [Headers.eventId]: update.eventId, [Headers.schema]: update.schema },
  };
}

@Injectable()
export class IndexingService {
  constructor(
    private readonly store: ArticleStoreRepository,
    private readonly relay: OutboxRelay,
  ) {}

  /** Stores new versions with their update events (same transaction), then wakes the relay. */
  async index(
    events: EnrichedArticleEvent[],
    headersOf: (event: EnrichedArticleEvent) => Record<string, string>,
  ): Promise<void> {
    const indexedAt = new Date().toISOString();
    const stored = await this.store.storeVersions(events, (newVersions, changesOf) =>
      newVersions.map((event) => toOutboxRow(event, indexedAt, headersOf(event), changesOf(event))),
    );
    for (const event of stored) indexedTotal.inc({ kind: updateKindOf(event) });
    if (stored.length > 0) this.relay.kick();
  }
}
