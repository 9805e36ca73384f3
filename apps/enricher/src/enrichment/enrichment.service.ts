import { Inject, Injectable } from '@nestjs/common';
import {
  deterministicEventId,
  type EnrichedArticleEvent,
  type RawArticleEvent,
  type TaggedEntity,
} from '@newsflow/contracts';
import { classifyTopics, extractKeywords, type EntityMention, type Tagger } from '@newsflow/tagger';
import { htmlToText } from './html-text';

export const TAGGER = Symbol('TAGGER');

/** Groups mentions by canonical id; an entity is named by its longest surface form. */
export function groupMentions(mentions: EntityMention[]): TaggedEntity[] {
  const byId = new Map<string, TaggedEntity>();
  for (const mention of mentions) {
    const id =
      mention.id ?? `nf:${mention.type.toLowerCase()}:${mention.text.toLowerCase().replace(/\W+/g, '-')}`;
    const entity = byId.get(id) ?? { id, name: mention.text, type: mention.type, mentions: [] };
    if (mention.text.length > entity.name.length) entity.name = mention.text;
    entity.mentions.push({
      start: mention.start,
      end: mention.end,
      text: mention.text,
      ...(mention.confidence !== undefined ? { confidence: mention.confidence } : {}),
    });
    byId.set(id, entity);
  }
  return [...byId.values()];
}

@Injectable()
export class EnrichmentService {
  constructor(@Inject(TAGGER) private readonly tagger: Tagger) {}

  /** Clean text, language and entities for one raw article version. Pure CPU work, no I/O. */
  enrich(raw: RawArticleEvent): EnrichedArticleEvent {
    const body = raw.bodyText ?? (raw.bodyHtml !== undefined ? htmlToText(raw.bodyHtml) : '');
    const text = body.length > 0 ? `${raw.headline}\n\n${body}` : raw.headline;
    const tagged = this.tagger.tag(text);
    const language = raw.language?.toLowerCase() ?? tagged.language;
    // The topic cues and keyword stop words are English; other languages get none rather than guesses.
    const english = language === 'en' || language.startsWith('en-');
    const topics = english ? classifyTopics(body, raw.headline) : [];
    const keywords = english ? extractKeywords(body, raw.headline).map((keyword) => keyword.text) : [];
    return {
      schema: 'newsflow.enriched-article.v1',
      eventId: deterministicEventId('enriched', raw.eventId),
      rawEventId: raw.eventId,
      articleId: raw.articleId,
      version: raw.version,
      status: raw.status,
      sourceId: raw.sourceId,
      uri: raw.uri,
      headline: raw.headline,
      ...(raw.bodyHtml !== undefined ? { bodyHtml: raw.bodyHtml } : {}),
      ...(raw.byline !== undefined ? { byline: raw.byline } : {}),
      text,
      // The publisher's declared language wins over detection; detection fills the gap.
      language,
      pubStatus: raw.pubStatus,
      versionCreated: raw.versionCreated,
      ...(raw.firstCreated !== undefined ? { firstCreated: raw.firstCreated } : {}),
      contentHash: raw.contentHash,
      ...(raw.clusterId !== undefined ? { clusterId: raw.clusterId } : {}),
      entities: groupMentions(tagged.entities),
      topics: topics.map((topic) => topic.code),
      topicDetails: topics,
      keywords,
      ingestedAt: raw.ingestedAt,
      enrichedAt: new Date().toISOString(),
    };
  }
}
