import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Topics, type ArticleUpdateEvent } from '@newsflow/contracts';
import { type MatchableArticle } from '../subscriptions/subscription-filter';

/** One published update, with what filters need to judge it. */
export interface UpdateLogEntry {
  /** Position in the update log: the SSE event id, and what `Last-Event-ID` resumes after. */
  seq: number;
  event: ArticleUpdateEvent;
  article: MatchableArticle;
}

interface LogRow {
  seq: string;
  payload: ArticleUpdateEvent;
  text: string | null;
  entities: Array<{ id: string; name: string; type: string }> | null;
}

/**
 * The stored update log: outbox rows of news.updates.v1 that the relay has published, in the order
 * it numbered them (`published_seq`, see the update-log migration), joined with the version's text
 * and entities so a page of the log can be filtered without a query per event.
 */
@Injectable()
export class UpdateLogRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The number of the last published update (0 when none). */
  async head(): Promise<number> {
    const [row] = await this.dataSource.query<Array<{ head: string | null }>>(
      'SELECT max(published_seq) AS head FROM outbox WHERE topic = $1',
      [Topics.updates],
    );
    return Number(row?.head ?? 0);
  }

  /** Up to `limit` published updates after `afterSeq`, in log order. */
  async readAfter(afterSeq: number, limit: number): Promise<UpdateLogEntry[]> {
    const rows = await this.dataSource.query<LogRow[]>(
      `SELECT o.published_seq AS seq, o.payload, v.text,
         (SELECT jsonb_agg(jsonb_build_object('id', e.id, 'name', e.name, 'type', e.type) ORDER BY e.id)
          FROM entities e
          WHERE e.id IN (SELECT m.entity_id FROM mentions m
                         WHERE m.article_id = v.article_id AND m.version = v.version)) AS entities
       FROM outbox o
       LEFT JOIN article_versions v
         ON v.article_id = o.message_key AND v.version = (o.payload->>'version')::int
       WHERE o.published_seq > $1 AND o.topic = $2
       ORDER BY o.published_seq
       LIMIT $3`,
      [afterSeq, Topics.updates, limit],
    );
    return rows.map((row) => ({
      seq: Number(row.seq),
      event: row.payload,
      article: {
        articleId: row.payload.articleId,
        version: row.payload.version,
        kind: row.payload.kind,
        sourceId: row.payload.sourceId,
        language: row.payload.language,
        topics: row.payload.topics,
        entities: row.entities ?? [],
        text: row.text ?? row.payload.headline,
      },
    }));
  }
}
