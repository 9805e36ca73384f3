import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Topics, type ArticleUpdateEvent } from '@newsflow/contracts';
import { loadMatchableArticles, matchableOf } from '../subscriptions/matchable-article.repository';
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
}

/**
 * The stored update log: outbox rows of news.updates.v1 that the relay has published, in the order
 * it numbered them (`published_seq`, see the update-log migration), each with the version as
 * filters see it (the same loader as the webhook dispatcher's, so both select the same updates).
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
      `SELECT published_seq AS seq, payload FROM outbox
       WHERE published_seq > $1 AND topic = $2
       ORDER BY published_seq
       LIMIT $3`,
      [afterSeq, Topics.updates, limit],
    );
    const articles = await loadMatchableArticles(
      this.dataSource,
      rows.map((row) => row.payload),
    );
    return rows.map((row) => ({
      seq: Number(row.seq),
      event: row.payload,
      // A version missing from the store (a reset database) is judged by its event alone.
      article: matchableOf(articles, row.payload.articleId, row.payload.version) ?? {
        articleId: row.payload.articleId,
        version: row.payload.version,
        kind: row.payload.kind,
        sourceId: row.payload.sourceId,
        language: row.payload.language,
        topics: row.payload.topics,
        entities: [],
        text: row.payload.headline,
      },
    }));
  }
}
