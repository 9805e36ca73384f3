import { Inject, Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { deterministicEventId, Headers, Topics, type RawArticleEvent } from '@newsflow/contracts';
import { EventPublisher, toJsonRecord } from '@newsflow/kafka';
import { articleIdFor, contentHashOf } from './article-identity';
import { type ArticleInput } from './article-input.schema';
import { IngestLedgerRepository, type LedgerWrite } from './ingest-ledger.repository';
import { decideVersion, type StoredVersion } from './version-decision';

export interface IngestResult {
  id: string;
  version: number;
  status: 'accepted' | 'updated' | 'duplicate' | 'killed';
  reason?: string;
}

const ingestedTotal = new Counter({
  name: 'newsflow_ingest_articles_total',
  help: 'Pushed articles, by outcome (accepted, updated, duplicate, killed)',
  labelNames: ['status'] as const,
});

@Injectable()
export class ArticlesService {
  constructor(
    private readonly ledger: IngestLedgerRepository,
    @Inject(EventPublisher) private readonly publisher: EventPublisher,
  ) {}

  /**
   * Numbers each article's version, publishes the new versions to news.raw.v1 and records them, all
   * or nothing: results are returned only after Kafka acknowledged every write (acks=all) and the
   * ledger committed. Duplicates publish nothing.
   */
  async ingest(sourceId: string, articles: ArticleInput[]): Promise<IngestResult[]> {
    const ingestedAt = new Date().toISOString();
    const prepared = articles.map((input) => ({
      input,
      articleId: articleIdFor(sourceId, input.uri),
      contentHash: contentHashOf(input),
      pubStatus: input.pubstatus ?? 'usable',
    }));

    const results = await this.ledger.withLockedArticles(
      sourceId,
      prepared.map((p) => ({ articleId: p.articleId, uri: p.input.uri })),
      async (stored, save) => {
        const results: IngestResult[] = [];
        const events: RawArticleEvent[] = [];
        const writes = new Map<string, LedgerWrite>();
        // Read under the row locks: pushes of one story that leave versioncreated out get times in
        // the order they are numbered, never a time older than the version they follow.
        const lockedAt = new Date();
        // In push order, so that two versions of one story in the same batch are numbered in order.
        for (const p of prepared) {
          const declared = p.input.versioncreated !== undefined;
          const incoming = {
            ...p,
            versionCreated: declared ? new Date(p.input.versioncreated!) : lockedAt,
            versionCreatedDeclared: declared,
          };
          const decision = decideVersion(stored.get(p.articleId), incoming);
          results.push({ id: p.articleId, ...decision });
          if (decision.status === 'duplicate') continue;
          const next: StoredVersion = {
            contentHash: incoming.contentHash,
            pubStatus: incoming.pubStatus,
            versionCreated: incoming.versionCreated,
            version: decision.version,
          };
          stored.set(p.articleId, next);
          writes.set(p.articleId, { articleId: p.articleId, ...next });
          events.push(this.toEvent(sourceId, incoming, decision.status, decision.version, ingestedAt));
        }
        await save([...writes.values()]);
        await this.publisher.publish([
          {
            topic: Topics.raw,
            records: events.map((event) =>
              toJsonRecord(event.articleId, event, {
                [Headers.eventId]: event.eventId,
                [Headers.schema]: event.schema,
                [Headers.ingestedAt]: ingestedAt,
              }),
            ),
          },
        ]);
        return results;
      },
    );
    for (const result of results) ingestedTotal.inc({ status: result.status });
    return results;
  }

  private toEvent(
    sourceId: string,
    p: {
      input: ArticleInput;
      articleId: string;
      contentHash: string;
      pubStatus: RawArticleEvent['pubStatus'];
      versionCreated: Date;
    },
    status: RawArticleEvent['status'],
    version: number,
    ingestedAt: string,
  ): RawArticleEvent {
    const { input } = p;
    return {
      schema: 'newsflow.raw-article.v1',
      eventId: deterministicEventId('raw', p.articleId, version, p.contentHash, p.pubStatus),
      articleId: p.articleId,
      version,
      status,
      sourceId,
      uri: input.uri,
      headline: input.headline,
      ...(input.body_html !== undefined ? { bodyHtml: input.body_html } : {}),
      ...(input.body_text !== undefined ? { bodyText: input.body_text } : {}),
      ...(input.byline !== undefined ? { byline: input.byline } : {}),
      ...(input.language !== undefined ? { language: input.language } : {}),
      pubStatus: p.pubStatus,
      versionCreated: p.versionCreated.toISOString(),
      ...(input.firstcreated !== undefined
        ? { firstCreated: new Date(input.firstcreated).toISOString() }
        : {}),
      contentHash: p.contentHash,
      ingestedAt,
    };
  }
}
