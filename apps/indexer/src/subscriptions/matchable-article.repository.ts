import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type MatchableArticle } from './subscription-filter';

interface VersionRow {
  source_id: string;
  status: string;
  language: string;
  topics: string[];
  text: string;
  entities: Array<{ id: string; name: string; type: string }> | null;
}

/**
 * A stored version as filters see it: its source, language, topics, text (headline + body, as the
 * enricher wrote it) and the entities it mentions. Undefined when the version is not stored.
 */
export async function loadMatchableArticle(
  db: DataSource | EntityManager,
  articleId: string,
  version: number,
): Promise<MatchableArticle | undefined> {
  const rows = await db.query<VersionRow[]>(
    `SELECT a.source_id, v.status, v.language, v.topics, v.text,
       (SELECT jsonb_agg(jsonb_build_object('id', e.id, 'name', e.name, 'type', e.type) ORDER BY e.id)
        FROM entities e
        WHERE e.id IN (SELECT m.entity_id FROM mentions m WHERE m.article_id = v.article_id AND m.version = v.version)
       ) AS entities
     FROM article_versions v JOIN articles a ON a.id = v.article_id
     WHERE v.article_id = $1 AND v.version = $2`,
    [articleId, version],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    articleId,
    version,
    // As the update event says (updateKindOf): a kill is a kill whatever its version.
    kind: row.status === 'killed' ? 'killed' : version === 1 ? 'created' : 'updated',
    sourceId: row.source_id,
    language: row.language,
    topics: row.topics,
    entities: row.entities ?? [],
    text: row.text,
  };
}

@Injectable()
export class MatchableArticleRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  load(articleId: string, version: number): Promise<MatchableArticle | undefined> {
    return loadMatchableArticle(this.dataSource, articleId, version);
  }
}
