import { Injectable } from '@nestjs/common';
import { ArticlesRepository } from './articles.repository';

export interface ArticleView {
  id: string;
  version: number;
  status: string;
  pubStatus: string;
  sourceId: string;
  uri: string;
  headline: string;
  byline: string | null;
  bodyHtml: string | null;
  text: string;
  language: string;
  topics: string[];
  keywords: string[];
  versionCreated: string;
  firstCreated: string | null;
  ingestedAt: string;
  indexedAt: string;
  /** Near-duplicate cluster: articles telling the same story (across sources) share it. */
  clusterId: string | null;
  entities: Array<{
    id: string;
    name: string;
    type: string;
    mentions: Array<{ start: number; end: number; text: string; confidence: number | null }>;
  }>;
}

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
        type: m.type,
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
      status: article.status,
      pubStatus: article.pub_status,
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
}
