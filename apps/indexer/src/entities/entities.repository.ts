import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type ArticleSummaryRow } from '../articles/articles.repository';

export interface EntityRow {
  id: string;
  name: string;
  type: string;
  aliases: string[];
  article_count: number;
  mention_count: number;
}

/** Prefix matches looked at before ranking by count: enough for a list, bounded for a one-letter q. */
const CANDIDATES = 200;
const ALIASES_SHOWN = 20;

const ALIASES_OF_E = `ARRAY(SELECT x.alias FROM entity_aliases x WHERE x.entity_id = e.id
  ORDER BY lower(x.alias), x.alias LIMIT ${ALIASES_SHOWN}) AS aliases`;

/** `50%_off\` → `50\%\_off\\%`: a LIKE pattern that matches what starts with the text. */
export const prefixPattern = (text: string): string => `${text.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;

/** Reads of entities, their aliases and the articles that mention them. */
@Injectable()
export class EntitiesRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  // Counts consider latest versions only, like the article search: an entity edited out of a story
  // no longer counts for it.
  private static readonly SELECT_WITH_COUNTS = `
    SELECT e.id, e.name, e.type, ${ALIASES_OF_E},
           c.article_count::int AS article_count, c.mention_count::int AS mention_count
    FROM entities e
    CROSS JOIN LATERAL (
      SELECT count(DISTINCT m.article_id) AS article_count, count(*) AS mention_count
      FROM mentions m JOIN articles a ON a.id = m.article_id AND a.latest_version = m.version
      WHERE m.entity_id = e.id
    ) c`;

  search(prefix: string, type: string | undefined, limit: number): Promise<EntityRow[]> {
    // Counted for the candidates in one grouped pass (not one count per entity).
    return this.dataSource.query<EntityRow[]>(
      `WITH candidates AS (
         (SELECT e.id FROM entities e
          WHERE lower(e.name) LIKE $1 AND ($2::text IS NULL OR e.type = $2) LIMIT ${CANDIDATES})
         UNION
         (SELECT x.entity_id FROM entity_aliases x JOIN entities e ON e.id = x.entity_id
          WHERE lower(x.alias) LIKE $1 AND ($2::text IS NULL OR e.type = $2) LIMIT ${CANDIDATES})
       ),
       counts AS (
         SELECT m.entity_id, count(DISTINCT m.article_id) AS article_count, count(*) AS mention_count
         FROM mentions m JOIN articles a ON a.id = m.article_id AND a.latest_version = m.version
         WHERE m.entity_id IN (SELECT id FROM candidates)
         GROUP BY m.entity_id
       )
       SELECT e.id, e.name, e.type, ${ALIASES_OF_E},
              coalesce(c.article_count, 0)::int AS article_count, coalesce(c.mention_count, 0)::int AS mention_count
       FROM candidates k JOIN entities e ON e.id = k.id LEFT JOIN counts c ON c.entity_id = e.id
       ORDER BY article_count DESC, e.name, e.id
       LIMIT $3`,
      [prefixPattern(prefix), type ?? null, limit],
    );
  }

  async find(id: string): Promise<EntityRow | undefined> {
    const rows = await this.dataSource.query<EntityRow[]>(
      `${EntitiesRepository.SELECT_WITH_COUNTS} WHERE e.id = $1`,
      [id],
    );
    return rows[0];
  }

  /** The latest versions that mention the entity, newest first. */
  latestArticles(id: string, limit: number): Promise<ArticleSummaryRow[]> {
    return this.dataSource.query<ArticleSummaryRow[]>(
      `SELECT a.id, v.version, v.status, v.pub_status, a.source_id, a.uri, v.headline, v.language, v.topics,
              v.version_created, v.first_created, v.indexed_at, v.cluster_id,
              v.version_created::text AS version_created_exact, NULL AS score
       FROM article_versions v JOIN articles a ON a.id = v.article_id AND a.latest_version = v.version
       WHERE EXISTS (SELECT 1 FROM mentions m
                     WHERE m.article_id = v.article_id AND m.version = v.version AND m.entity_id = $1)
       ORDER BY v.version_created DESC, v.article_id DESC
       LIMIT $2`,
      [id, limit],
    );
  }
}
