import { Inject, Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { deterministicEventId, Headers, Topics, type RawArticleEvent } from '@newsflow/contracts';
import { EventPublisher, toJsonRecord } from '@newsflow/kafka';
import { fingerprintOf } from '@newsflow/fingerprint';
import { articleIdFor, contentHashOf, fingerprintTextOf } from './article-identity';
import { type IncomingArticle } from './incoming-article';
import { IngestLedgerRepository, type LedgerWrite } from './ingest-ledger.repository';
import { NearDuplicatesRepository } from './near-duplicates.repository';
import { decideVersion, type StoredVersion, type VersionDecision } from './version-decision';

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

interface Prepared {
  article: IncomingArticle;
  articleId: string;
  contentHash: string;
}

interface Decided extends Prepared {
  decision: VersionDecision;
  versionCreated: Date;
}

@Injectable()
export class ArticlesService {
  constructor(
    private readonly ledger: IngestLedgerRepository,
    private readonly nearDuplicates: NearDuplicatesRepository,
    @Inject(EventPublisher) private readonly publisher: EventPublisher,
  ) {}

  /**
   * Numbers each article's version, publishes the new versions to news.raw.v1 and records them, all
   * or nothing: results are returned only after Kafka acknowledged every write (acks=all) and the
   * ledger committed. Duplicates publish nothing.
   */
  async ingest(sourceId: string, articles: IncomingArticle[]): Promise<IngestResult[]> {
    const ingestedAt = new Date().toISOString();
    const prepared = this.prepare(sourceId, articles);
    const decided = await this.ledger.withLockedArticles(
      sourceId,
      prepared.map((p) => ({ articleId: p.articleId, uri: p.article.uri })),
      async (stored, save, manager) => {
        // Read under the row locks: pushes of one story that leave versioncreated out get times in
        // the order they are numbered, never a time older than the version they follow.
        const decided = this.decide(prepared, stored, new Date());
        const fresh = decided.filter((d) => d.decision.status !== 'duplicate');
        const writes = new Map<string, LedgerWrite>();
        for (const d of fresh) {
          writes.set(d.articleId, {
            articleId: d.articleId,
            version: d.decision.version,
            contentHash: d.contentHash,
            pubStatus: d.article.pubStatus,
            versionCreated: d.versionCreated,
          });
        }
        await save([...writes.values()]);
        const clusters = await this.nearDuplicates.assignClusters(
          manager,
          fresh
            .filter((d) => d.article.pubStatus !== 'canceled')
            .map((d) => ({
              articleId: d.articleId,
              fingerprint: fingerprintOf(fingerprintTextOf(d.article)),
            })),
        );
        const events = fresh.map((d) => this.toEvent(sourceId, d, ingestedAt, clusters.get(d.articleId)));
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
        return decided;
      },
    );
    const results = decided.map((d) => ({ id: d.articleId, ...d.decision }));
    for (const result of results) ingestedTotal.inc({ status: result.status });
    return results;
  }

  /** What `ingest` would answer, without locking, recording or publishing anything (dry runs). */
  async preview(sourceId: string, articles: IncomingArticle[]): Promise<IngestResult[]> {
    const prepared = this.prepare(sourceId, articles);
    const stored = await this.ledger.peek(prepared.map((p) => p.articleId));
    return this.decide(prepared, stored, new Date()).map((d) => ({ id: d.articleId, ...d.decision }));
  }

  private prepare(sourceId: string, articles: IncomingArticle[]): Prepared[] {
    return articles.map((article) => ({
      article,
      articleId: articleIdFor(sourceId, article.uri),
      contentHash: contentHashOf(article),
    }));
  }

  /** In push order, so that two versions of one story in the same batch are numbered in order. */
  private decide(prepared: Prepared[], stored: Map<string, StoredVersion>, now: Date): Decided[] {
    const known = new Map(stored);
    return prepared.map((p) => {
      const declared = p.article.versionCreated !== undefined;
      const versionCreated = declared ? new Date(p.article.versionCreated!) : now;
      const decision = decideVersion(known.get(p.articleId), {
        contentHash: p.contentHash,
        pubStatus: p.article.pubStatus,
        versionCreated,
        versionCreatedDeclared: declared,
      });
      if (decision.status !== 'duplicate') {
        known.set(p.articleId, {
          version: decision.version,
          contentHash: p.contentHash,
          pubStatus: p.article.pubStatus,
          versionCreated,
        });
      }
      return { ...p, decision, versionCreated };
    });
  }

  private toEvent(
    sourceId: string,
    d: Decided,
    ingestedAt: string,
    clusterId: string | undefined,
  ): RawArticleEvent {
    const { article, decision } = d;
    if (decision.status === 'duplicate') throw new Error('a duplicate is never published');
    return {
      schema: 'newsflow.raw-article.v1',
      eventId: deterministicEventId('raw', d.articleId, decision.version, d.contentHash, article.pubStatus),
      articleId: d.articleId,
      version: decision.version,
      status: decision.status,
      sourceId,
      uri: article.uri,
      headline: article.headline,
      ...(article.bodyHtml !== undefined ? { bodyHtml: article.bodyHtml } : {}),
      ...(article.bodyText !== undefined ? { bodyText: article.bodyText } : {}),
      ...(article.byline !== undefined ? { byline: article.byline } : {}),
      ...(article.language !== undefined ? { language: article.language } : {}),
      pubStatus: article.pubStatus,
      versionCreated: d.versionCreated.toISOString(),
      ...(article.firstCreated !== undefined
        ? { firstCreated: new Date(article.firstCreated).toISOString() }
        : {}),
      contentHash: d.contentHash,
      ...(clusterId !== undefined ? { clusterId } : {}),
      ingestedAt,
    };
  }
}
