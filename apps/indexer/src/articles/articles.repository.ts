import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

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
}
