import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type MatchableArticle } from './subscription-filter';

export interface VersionKey {
  articleId: string;
  version: number;
}

interface VersionRow {
  article_id: string;
  version: number;
  source_id: string;
  status: string;
  language: string;
  topics: string[];
  text: string;
  entities: Array<{ id: string; name: string; type: string }> | null;
}

const keyOf = (articleId: string, version: number) => `${articleId}@${version}`;

/**
 * Stored versions as filters see them: source, language, topics, text (headline + body, as the
 * enricher wrote it) and the entities mentioned. A KILL is judged by the story it kills: its text,
 * topics and entities are joined with those of the last version before it that was not a kill, so
 * whoever followed the story gets its kill even when the kill itself carries no text (a feed
 * tombstone) — subscriptions and the live stream alike.
 */
export async function loadMatchableArticles(
  db: DataSource | EntityManager,
  keys: VersionKey[],
): Promise<Map<string, MatchableArticle>> {
  const found = new Map<string, MatchableArticle>();
  if (keys.length === 0) return found;
  const rows = await db.query<VersionRow[]>(
    `WITH wanted AS (
       SELECT * FROM unnest($1::text[], $2::int[]) AS w (article_id, version))
     SELECT v.article_id, v.version, a.source_id, v.status,
       CASE WHEN p.version IS NULL THEN v.language ELSE p.language END AS language,
       CASE WHEN p.version IS NULL THEN v.topics
            ELSE ARRAY(SELECT DISTINCT unnest(v.topics || p.topics)) END AS topics,
       CASE WHEN p.version IS NULL THEN v.text ELSE v.text || E'\\n\\n' || p.text END AS text,
       (SELECT jsonb_agg(jsonb_build_object('id', e.id, 'name', e.name, 'type', e.type) ORDER BY e.id)
        FROM entities e
        WHERE e.id IN (SELECT m.entity_id FROM mentions m
                       WHERE m.article_id = v.article_id AND m.version IN (v.version, p.version))
       ) AS entities
     FROM wanted w
     JOIN article_versions v ON v.article_id = w.article_id AND v.version = w.version
     JOIN articles a ON a.id = v.article_id
     LEFT JOIN LATERAL (
       SELECT pv.version, pv.language, pv.topics, pv.text FROM article_versions pv
       WHERE v.status = 'killed' AND pv.article_id = v.article_id AND pv.version < v.version
         AND pv.status <> 'killed'
       ORDER BY pv.version DESC LIMIT 1) p ON true`,
    [keys.map((k) => k.articleId), keys.map((k) => k.version)],
  );
  for (const row of rows) {
    found.set(keyOf(row.article_id, row.version), {
      articleId: row.article_id,
      version: row.version,
      // As the update event says (updateKindOf): a kill is a kill whatever its version.
      kind: row.status === 'killed' ? 'killed' : row.version === 1 ? 'created' : 'updated',
      sourceId: row.source_id,
      language: row.language,
      topics: row.topics,
      entities: row.entities ?? [],
      text: row.text,
    });
  }
  return found;
}

/** The matchable article of one key from a `loadMatchableArticles` answer. */
export const matchableOf = (
  found: Map<string, MatchableArticle>,
  articleId: string,
  version: number,
): MatchableArticle | undefined => found.get(keyOf(articleId, version));

@Injectable()
export class MatchableArticleRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  loadMany(keys: VersionKey[]): Promise<Map<string, MatchableArticle>> {
    return loadMatchableArticles(this.dataSource, keys);
  }
}
