import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type ArticleSearch } from './article-search';

export interface ArticleRow {
  id: string;
  version: number;
  status: string;
  pub_status: string;
  source_id: string;
  uri: string;
  headline: string;
  byline: string | null;
  body_html: string | null;
  text: string;
  language: string;
  topics: string[];
  keywords: string[];
  version_created: Date;
  first_created: Date | null;
  ingested_at: Date;
  indexed_at: Date;
  cluster_id: string | null;
}

export interface MentionRow {
  entity_id: string;
  name: string;
  type: string;
  start_offset: number;
  end_offset: number;
  text: string;
  confidence: number | null;
}

/** The columns of a latest version that a search result shows, and what the search adds. */
export interface ArticleSummaryRow extends Pick<
  ArticleRow,
  | 'id'
  | 'version'
  | 'status'
  | 'pub_status'
  | 'source_id'
  | 'uri'
  | 'headline'
  | 'language'
  | 'topics'
  | 'version_created'
  | 'first_created'
  | 'indexed_at'
  | 'cluster_id'
> {
  /** version_created to the microsecond, for the cursor (a JavaScript Date keeps milliseconds). */
  version_created_exact: string;
  /** ts_rank as PostgreSQL prints the real, exactly; null without a text query. */
  score: string | null;
}

export interface ArticleVersionRow {
  version: number;
  status: string;
  pub_status: string;
  headline: string;
  version_created: Date;
  content_hash: string;
  indexed_at: Date;
}

const EXACT_UTC = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;

/** Reads of stored articles for the query API. */
@Injectable()
export class ArticlesRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async findLatest(id: string): Promise<ArticleRow | undefined> {
    const rows = await this.dataSource.query<ArticleRow[]>(
      `SELECT a.id, v.version, v.status, v.pub_status, a.source_id, a.uri, v.headline, v.byline, v.body_html, v.text,
              v.language, v.topics, v.keywords, v.version_created, v.first_created, v.ingested_at, v.indexed_at, v.cluster_id
       FROM articles a JOIN article_versions v ON v.article_id = a.id AND v.version = a.latest_version
       WHERE a.id = $1`,
      [id],
    );
    return rows[0];
  }

  findMentions(id: string, version: number): Promise<MentionRow[]> {
    return this.dataSource.query<MentionRow[]>(
      `SELECT m.entity_id, e.name, e.type, m.start_offset, m.end_offset, m.text, m.confidence
       FROM mentions m JOIN entities e ON e.id = m.entity_id
       WHERE m.article_id = $1 AND m.version = $2
       ORDER BY m.start_offset`,
      [id, version],
    );
  }

  /**
   * One page of latest versions matching `search`, plus one more row when there is a next page.
   * Keyset pagination on (score,) version_created, article_id — all descending — so a page never
   * repeats or skips a row because others were inserted meanwhile.
   */
  async search(search: ArticleSearch): Promise<ArticleSummaryRow[]> {
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    const query = search.q !== undefined ? `websearch_to_tsquery('english', ${param(search.q)})` : undefined;
    if (query) where.push(`v.search_english @@ ${query}`);
    if (search.source !== undefined) where.push(`a.source_id = ${param(search.source)}`);
    if (search.language !== undefined) where.push(`v.language = ${param(search.language)}`);
    if (search.since !== undefined) where.push(`v.version_created >= ${param(search.since)}::timestamptz`);
    if (search.until !== undefined) where.push(`v.version_created < ${param(search.until)}::timestamptz`);
    if (search.entity !== undefined) {
      // Resolved first, so the planner sees the ids themselves (a handful) rather than an OR per row.
      const entityIds = await this.resolveEntity(search.entity, search.type);
      if (entityIds.length === 0) return [];
      where.push(`EXISTS (SELECT 1 FROM mentions m
        WHERE m.article_id = v.article_id AND m.version = v.version AND m.entity_id = ANY(${param(entityIds)}::text[]))`);
    } else if (search.type !== undefined) {
      where.push(`EXISTS (SELECT 1 FROM mentions m JOIN entities e ON e.id = m.entity_id
        WHERE m.article_id = v.article_id AND m.version = v.version AND e.type = ${param(search.type)})`);
    }
    const score = query ? `ts_rank(v.search_english, ${query})` : 'NULL::real';
    const after = search.after;
    if (after && search.order === 'relevance') {
      where.push(`(${score}, v.version_created, v.article_id) < (${param(after.score)}::real,
        ${param(after.versionCreated)}::timestamptz, ${param(after.id)})`);
    } else if (after) {
      where.push(
        `(v.version_created, v.article_id) < (${param(after.versionCreated)}::timestamptz, ${param(after.id)})`,
      );
    }
    const orderBy =
      search.order === 'relevance'
        ? `${score} DESC, v.version_created DESC, v.article_id DESC`
        : 'v.version_created DESC, v.article_id DESC';
    return await this.dataSource.query<ArticleSummaryRow[]>(
      `SELECT a.id, v.version, v.status, v.pub_status, a.source_id, a.uri, v.headline, v.language, v.topics,
              v.version_created, v.first_created, v.indexed_at, v.cluster_id,
              to_char(v.version_created AT TIME ZONE 'UTC', ${EXACT_UTC}) AS version_created_exact,
              ${score}::text AS score
       FROM article_versions v JOIN articles a ON a.id = v.article_id AND a.latest_version = v.version
       ${where.length > 0 ? `WHERE ${where.join('\n         AND ')}` : ''}
       ORDER BY ${orderBy}
       LIMIT ${param(search.limit + 1)}`,
      params,
    );
  }

  /**
   * The entities `entity` names: the one with that canonical id, and those with that name or alias
   * (case-insensitive; a name may belong to several: Paris the city, Paris the person), of `type` if given.
   */
  private async resolveEntity(entity: string, type: string | undefined): Promise<string[]> {
    const rows = await this.dataSource.query<Array<{ id: string }>>(
      `SELECT e.id FROM entities e
       WHERE e.id IN (SELECT $1 UNION SELECT id FROM entities WHERE lower(name) = lower($1)
                      UNION SELECT entity_id FROM entity_aliases WHERE lower(alias) = lower($1))
         AND ($2::text IS NULL OR e.type = $2)`,
      [entity, type ?? null],
    );
    return rows.map((row) => row.id);
  }

  /** Every stored version of an article, oldest first ([] when it was never indexed). */
  findVersions(id: string): Promise<ArticleVersionRow[]> {
    return this.dataSource.query<ArticleVersionRow[]>(
      `SELECT version, status, pub_status, headline, version_created, content_hash, indexed_at
       FROM article_versions WHERE article_id = $1 ORDER BY version`,
      [id],
    );
  }
}
