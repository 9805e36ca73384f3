import { Injectable } from '@nestjs/common';
import { encodeCursor, queryFingerprint, type ArticleSearch } from './article-search';
import {
  type ArticlePage,
  type ArticleSummary,
  type ArticleVersions,
  type ArticleView,
} from './articles.schemas';
import { ArticlesRepository, type ArticleSummaryRow } from './articles.repository';
import { toNinjs, type NinjsDocument } from './ninjs';

export { type ArticleView } from './articles.schemas';

// The database holds what the contracts allowed in; these narrow its text columns to those values.
type Status = ArticleView['status'];
type PubStatus = ArticleView['pubStatus'];
type EntityType = ArticleView['entities'][number]['type'];

/** A stored latest version as a search result (also the entity view's latest articles). */
export const toSummary = (row: ArticleSummaryRow): ArticleSummary => ({
  id: row.id,
  version: row.version,
  status: row.status as Status,
  pubStatus: row.pub_status as PubStatus,
  sourceId: row.source_id,
  uri: row.uri,
  headline: row.headline,
  language: row.language,
  topics: row.topics,
  versionCreated: row.version_created.toISOString(),
  firstCreated: row.first_created?.toISOString() ?? null,
  indexedAt: row.indexed_at.toISOString(),
  clusterId: row.cluster_id,
  ...(row.score !== null ? { score: Number(row.score) } : {}),
});

@Injectable()
export class ArticlesService {
  constructor(private readonly articles: ArticlesRepository) {}

  /** The latest version of an article with its entities (in order of first mention), or undefined. */
  async latest(id: string): Promise<ArticleView | undefined> {
    const article = await this.articles.findLatest(id);
    if (!article) return undefined;
    const entities = new Map<string, ArticleView['entities'][number]>();
    for (const m of await this.articles.findMentions(id, article.version)) {
      const entity = entities.get(m.entity_id) ?? {
        id: m.entity_id,
        name: m.name,
        type: m.type as EntityType,
        mentions: [],
      };
      entity.mentions.push({
        start: m.start_offset,
        end: m.end_offset,
        text: m.text,
        confidence: m.confidence,
      });
      entities.set(m.entity_id, entity);
    }
    return {
      id: article.id,
      version: article.version,
      status: article.status as Status,
      pubStatus: article.pub_status as PubStatus,
      sourceId: article.source_id,
      uri: article.uri,
      headline: article.headline,
      byline: article.byline,
      bodyHtml: article.body_html,
      text: article.text,
      language: article.language,
      topics: article.topics,
      keywords: article.keywords,
      versionCreated: article.version_created.toISOString(),
      firstCreated: article.first_created?.toISOString() ?? null,
      ingestedAt: article.ingested_at.toISOString(),
      indexedAt: article.indexed_at.toISOString(),
      clusterId: article.cluster_id,
      entities: [...entities.values()],
    };
  }

  /** The latest version as IPTC ninjs 2.2, or undefined. */
  async latestAsNinjs(id: string): Promise<NinjsDocument | undefined> {
    const article = await this.latest(id);
    return article && toNinjs(article);
  }

  /** One page of matching articles and the cursor of the next one (null on the last page). */
  async search(search: ArticleSearch): Promise<ArticlePage> {
    const rows = await this.articles.search(search);
    const page = rows.slice(0, search.limit);
    const last = page.at(-1);
    const nextCursor =
      rows.length > search.limit && last
        ? encodeCursor({
            order: search.order,
            versionCreated: last.version_created_exact,
            id: last.id,
            ...(search.order === 'relevance' && last.score !== null ? { score: last.score } : {}),
            query: queryFingerprint(search),
          })
        : null;
    return { items: page.map(toSummary), nextCursor };
  }

  /** Every stored version of an article, oldest first, or undefined when it was never indexed. */
  async versions(id: string): Promise<ArticleVersions | undefined> {
    const rows = await this.articles.findVersions(id);
    if (rows.length === 0) return undefined;
    return {
      id,
      versions: rows.map((row) => ({
        version: row.version,
        status: row.status as Status,
        pubStatus: row.pub_status as PubStatus,
        headline: row.headline,
        versionCreated: row.version_created.toISOString(),
        contentHash: row.content_hash,
        indexedAt: row.indexed_at.toISOString(),
      })),
    };
  }
}
