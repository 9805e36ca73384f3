import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type EnrichedArticleEvent } from '@newsflow/contracts';

export interface StoredVersionKey {
  articleId: string;
  version: number;
}

export interface OutboxRow {
  eventId: string;
  topic: string;
  key: string;
  payload: unknown;
  headers: Record<string, string>;
}

/** The body part of a version's text, which starts with the headline (enricher contract). */
function bodyOf(headline: string, text: string): string {
  return text.startsWith(headline) ? text.slice(headline.length).trim() : text.trim();
}

/** All writes of enriched article versions: articles, article_versions, entities, mentions, outbox. */
@Injectable()
export class ArticleStoreRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * Stores a chunk of versions in one transaction and returns the ones that were new. Idempotent by
   * construction: (article_id, version) and event_id are unique and inserts skip conflicts, so a
   * redelivered chunk stores nothing and yields nothing. `outboxFor` builds the events of the new
   * versions, which are written in the same transaction (published later by the relay).
   */
  async storeVersions(
    events: EnrichedArticleEvent[],
    outboxFor: (
      stored: EnrichedArticleEvent[],
      changesOf: (event: EnrichedArticleEvent) => string[],
    ) => OutboxRow[],
  ): Promise<EnrichedArticleEvent[]> {
    return this.dataSource.transaction(async (manager) => {
      await this.upsertArticles(manager, events);
      const inserted = await manager.query<StoredVersionKey[]>(
        `INSERT INTO article_versions (article_id, version, event_id, status, pub_status, headline, byline, body_html,
             text, language, content_hash, topics, keywords, version_created, first_created, ingested_at, cluster_id)
           SELECT v.article_id, v.version, v.event_id, v.status, v.pub_status, v.headline, v.byline, v.body_html,
             v.text, v.language, v.content_hash,
             ARRAY(SELECT jsonb_array_elements_text(v.topics)), ARRAY(SELECT jsonb_array_elements_text(v.keywords)),
             v.version_created, v.first_created, v.ingested_at, v.cluster_id
           FROM jsonb_to_recordset($1::jsonb) AS v (article_id text, version int, event_id uuid, status text,
             pub_status text, headline text, byline text, body_html text, text text, language text,
             content_hash text, topics jsonb, keywords jsonb, version_created timestamptz,
             first_created timestamptz, ingested_at timestamptz, cluster_id text)
           ON CONFLICT DO NOTHING
           RETURNING article_id AS "articleId", version`,
        [
          JSON.stringify(
            events.map((e) => ({
              article_id: e.articleId,
              version: e.version,
              event_id: e.eventId,
              status: e.status,
              pub_status: e.pubStatus,
              headline: e.headline,
              byline: e.byline ?? null,
              body_html: e.bodyHtml ?? null,
              text: e.text,
              language: e.language,
              content_hash: e.contentHash,
              topics: e.topics,
              keywords: e.keywords,
              version_created: e.versionCreated,
              first_created: e.firstCreated ?? null,
              ingested_at: e.ingestedAt,
              cluster_id: e.clusterId ?? null,
            })),
          ),
        ],
      );
      const isNew = new Set(inserted.map((k) => `${k.articleId}@${k.version}`));
      const stored = events.filter((e) => isNew.delete(`${e.articleId}@${e.version}`));
      await this.insertEntitiesAndMentions(manager, stored);
      const changes = await this.changesSincePreviousVersions(manager, stored);
      await this.insertOutbox(
        manager,
        outboxFor(stored, (event) => changes.get(`${event.articleId}@${event.version}`) ?? []),
      );
      return stored;
    });
  }

  /**
   * What each new version changed against the highest stored version below it (which may be in the
   * same chunk: it is already inserted in this transaction). A version with no predecessor changed
   * nothing ([]); so does a re-stored identical version.
   */
  private async changesSincePreviousVersions(
    manager: EntityManager,
    stored: EnrichedArticleEvent[],
  ): Promise<Map<string, string[]>> {
    const changes = new Map<string, string[]>();
    const later = stored.filter((e) => e.version > 1);
    if (later.length === 0) return changes;
    const previous = await manager.query<
      Array<{
        article_id: string;
        version: number;
        headline: string;
        byline: string | null;
        text: string;
        pub_status: string;
        language: string;
        topics: string[];
        entity_ids: string[];
      }>
    >(
      `SELECT DISTINCT ON (k.article_id, k.version) k.article_id, k.version, p.headline, p.byline, p.text,
         p.pub_status, p.language, p.topics,
         ARRAY(SELECT DISTINCT m.entity_id FROM mentions m
               WHERE m.article_id = p.article_id AND m.version = p.version ORDER BY 1) AS entity_ids
       FROM unnest($1::text[], $2::int[]) AS k (article_id, version)
       JOIN article_versions p ON p.article_id = k.article_id AND p.version < k.version
       ORDER BY k.article_id, k.version, p.version DESC`,
      [later.map((e) => e.articleId), later.map((e) => e.version)],
    );
    const byKey = new Map(previous.map((row) => [`${row.article_id}@${row.version}`, row]));
    for (const event of later) {
      const before = byKey.get(`${event.articleId}@${event.version}`);
      if (!before) continue;
      const entityIds = [...new Set(event.entities.map((entity) => entity.id))].sort();
      const changed: string[] = [];
      if (before.headline !== event.headline) changed.push('headline');
      if (bodyOf(before.headline, before.text) !== bodyOf(event.headline, event.text)) changed.push('body');
      if ((before.byline ?? null) !== (event.byline ?? null)) changed.push('byline');
      if (before.pub_status !== event.pubStatus) changed.push('pubStatus');
      if (before.language !== event.language) changed.push('language');
      if (before.topics.join('\u0000') !== event.topics.join('\u0000')) changed.push('topics');
      if (before.entity_ids.join('\u0000') !== entityIds.join('\u0000')) changed.push('entities');
      changes.set(`${event.articleId}@${event.version}`, changed);
    }
    return changes;
  }

  /** One row per article, pointing at its highest version. Never moves backwards. */
  private async upsertArticles(manager: EntityManager, events: EnrichedArticleEvent[]): Promise<void> {
    const latest = new Map<string, EnrichedArticleEvent>();
    for (const event of events) {
      const current = latest.get(event.articleId);
      if (!current || current.version < event.version) latest.set(event.articleId, event);
    }
    const rows = [...latest.values()];
    await manager.query(
      `INSERT INTO articles (id, source_id, uri, latest_version, pub_status, cluster_id)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[])
       ON CONFLICT (id) DO UPDATE SET latest_version = EXCLUDED.latest_version, pub_status = EXCLUDED.pub_status,
         cluster_id = EXCLUDED.cluster_id, updated_at = now()
       WHERE articles.latest_version < EXCLUDED.latest_version`,
      [
        rows.map((e) => e.articleId),
        rows.map((e) => e.sourceId),
        rows.map((e) => e.uri),
        rows.map((e) => e.version),
        rows.map((e) => e.pubStatus),
        rows.map((e) => e.clusterId ?? null),
      ],
    );
  }

  private async insertEntitiesAndMentions(
    manager: EntityManager,
    stored: EnrichedArticleEvent[],
  ): Promise<void> {
    const entities = new Map<string, { name: string; type: string }>();
    const mentions: Array<[string, number, number, number, string, string, number | null]> = [];
    for (const event of stored) {
      for (const entity of event.entities) {
        if (!entities.has(entity.id)) entities.set(entity.id, { name: entity.name, type: entity.type });
        for (const m of entity.mentions) {
          mentions.push([
            event.articleId,
            event.version,
            m.start,
            m.end,
            entity.id,
            m.text,
            m.confidence ?? null,
          ]);
        }
      }
    }
    if (entities.size === 0) return;
    // Sorted so that concurrent indexers lock entity rows in the same order and never deadlock.
    const ids = [...entities.keys()].sort();
    await manager.query(
      `INSERT INTO entities (id, name, type)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
       ON CONFLICT (id) DO UPDATE SET updated_at = now()`,
      [ids, ids.map((id) => entities.get(id)!.name), ids.map((id) => entities.get(id)!.type)],
    );
    await manager.query(
      `INSERT INTO mentions (article_id, version, start_offset, end_offset, entity_id, text, confidence)
       SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::text[], $6::text[], $7::real[])
       ON CONFLICT DO NOTHING`,
      [0, 1, 2, 3, 4, 5, 6].map((column) => mentions.map((row) => row[column])),
    );
  }

  private async insertOutbox(manager: EntityManager, rows: OutboxRow[]): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO outbox (event_id, topic, message_key, payload, headers)
       SELECT (e.row->>'event_id')::uuid, e.row->>'topic', e.row->>'message_key', e.row->'payload', e.row->'headers'
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e (row, position)
       ORDER BY e.position -- outbox ids follow event order: the relay publishes by id, per article in version order
       ON CONFLICT (event_id) DO NOTHING`,
      [
        JSON.stringify(
          rows.map((r) => ({
            event_id: r.eventId,
            topic: r.topic,
            message_key: r.key,
            payload: r.payload,
            headers: r.headers,
          })),
        ),
      ],
    );
  }
}
