import { type Kafka } from 'kafkajs';
import {
  DeadLetterHeaders,
  deadLetterTopic,
  Headers,
  Topics,
  validateArticleUpdateEvent,
  type EnrichedArticleEvent,
} from '@newsflow/contracts';
import { createKafka, EventPublisher, parseBrokers, toJsonRecord } from '@newsflow/kafka';
import {
  enrichedArticleEvent,
  eventually,
  randomArticleId,
  readToEnd,
  testEnv,
  TopicReader,
  uniqueSuffix,
  type ReadMessage,
} from '@newsflow/testing';
import { startTestIndexer, type TestIndexer } from '../testing/test-indexer';
import { type ArticleView } from './articles.service';

describe('indexer: indexing and GET /v1/articles/:id', () => {
  const run = uniqueSuffix();
  let indexer: TestIndexer;
  let baseUrl: string;
  let kafka: Kafka;
  let publisher: EventPublisher;
  let updates: TopicReader;
  let deadLetters: TopicReader;

  beforeAll(async () => {
    // No webhook role: this spec is about indexing and reading; the webhooks have their own.
    indexer = await startTestIndexer(`articles-${run}`, { INDEXER_ROLES: 'api,indexing,relay' });
    baseUrl = indexer.baseUrl;
    kafka = createKafka({ brokers: parseBrokers(testEnv.kafkaBrokers), clientId: `it-articles-${run}` });
    publisher = new EventPublisher(kafka);
    await publisher.connect();
    updates = await new TopicReader(kafka, Topics.updates).start();
    deadLetters = await new TopicReader(kafka, deadLetterTopic(Topics.enriched)).start();
  });

  afterAll(async () => {
    // Side by side: each consumer's stop waits for its fetch in flight.
    await Promise.all([updates?.stop(), deadLetters?.stop(), publisher?.disconnect(), indexer?.stop()]);
  });

  const publish = (...records: Array<{ key: string; value: unknown }>) =>
    publisher.publish([
      { topic: Topics.enriched, records: records.map(({ key, value }) => toJsonRecord(key, value)) },
    ]);
  const publishEvent = (event: EnrichedArticleEvent) => publish({ key: event.articleId, value: event });

  const getArticle = (id: string) => fetch(`${baseUrl}/v1/articles/${id}`);

  /** Polls the read API until it serves `id` at `version` (or later). */
  const indexed = (id: string, version = 1) =>
    eventually(`article ${id} served at version ${version}`, async () => {
      const response = await getArticle(id);
      if (response.status !== 200) return undefined;
      const article = (await response.json()) as ArticleView;
      return article.version >= version ? article : undefined;
    });

  /**
   * The update events on news.updates.v1 keyed by `id`, first copy of each. Delivery is at least once,
   * and any other indexer on this broker (another checkout's tests, say) indexes these events too:
   * consumers deduplicate by eventId, as the contract asks them to.
   */
  const announcedFor = (id: string): ReadMessage[] => {
    const firstOfEach = new Map<string, ReadMessage>();
    for (const message of updates.messages.filter((m) => m.key === id)) {
      const eventId = message.headers[Headers.eventId];
      if (!firstOfEach.has(eventId)) firstOfEach.set(eventId, message);
    }
    return [...firstOfEach.values()];
  };

  describe('GET /v1/articles/:id', () => {
    it('serves an indexed article with its text, language and entities', async () => {
      const id = randomArticleId();
      const event = enrichedArticleEvent({
        articleId: id,
        version: 1,
        headline: 'Okafor reopens the Lisbon harbour',
        body: 'Maria Okafor said the harbour in Lisbon would take ships from Tuesday. Okafor leads the works.',
        language: 'pt',
        entities: [
          { id: `nf:location:${run}-lisbon`, name: 'Lisbon', type: 'LOCATION' },
          { id: `nf:person:${run}-okafor`, name: 'Okafor', type: 'PERSON', confidence: 0.5 },
        ],
      });

      await publishEvent(event);
      const article = await indexed(id);

      expect(article).toMatchObject({
        id,
        version: 1,
        status: 'accepted',
        pubStatus: 'usable',
        headline: event.headline,
        text: event.text,
        language: 'pt',
        uri: event.uri,
        sourceId: event.sourceId,
      });
      // In order of first mention, each with its mentions in text order.
      const at = (text: string, from = 0) => event.text.indexOf(text, from);
      expect(article.entities).toEqual([
        {
          id: `nf:person:${run}-okafor`,
          name: 'Okafor',
          type: 'PERSON',
          mentions: [at('Okafor'), at('Okafor', 1), at('Okafor', at('Okafor', 1) + 1)].map((start) => ({
            start,
            end: start + 'Okafor'.length,
            text: 'Okafor',
            confidence: 0.5,
          })),
        },
        {
          id: `nf:location:${run}-lisbon`,
          name: 'Lisbon',
          type: 'LOCATION',
          mentions: [at('Lisbon'), at('Lisbon', at('Lisbon') + 1)].map((start) => ({
            start,
            end: start + 'Lisbon'.length,
            text: 'Lisbon',
            confidence: null,
          })),
        },
      ]);
    });

    it('answers 400 naming /id for a malformed id', async () => {
      const response = await getArticle('NOT-an-article-id');

      expect(response.status).toBe(400);
      const body = (await response.json()) as { errors: Array<{ path: string; message: string }> };
      expect(body.errors).toEqual([
        { path: '/id', message: expect.stringMatching(/32 lowercase hexadecimal/) },
      ]);
    });

    it('answers 404 for a well-formed id that was never indexed', async () => {
      const response = await getArticle(randomArticleId());

      expect(response.status).toBe(404);
    });
  });

  describe('indexing news.enriched.v1', () => {
    it('serves version 2 once it is indexed and announces each version on news.updates.v1 in order', async () => {
      const id = randomArticleId();
      await publishEvent(enrichedArticleEvent({ articleId: id, version: 1 }));
      await indexed(id, 1);
      const v2 = enrichedArticleEvent({
        articleId: id,
        version: 2,
        body: 'Ferries run again from Wednesday.',
      });

      await publishEvent(v2);
      const article = await indexed(id, 2);

      expect(article).toMatchObject({ version: 2, status: 'updated', text: v2.text });
      await eventually('an update event for each version', async () =>
        announcedFor(id).length >= 2 ? true : undefined,
      );
      await readToEnd(kafka, updates, Topics.updates);
      const announced = announcedFor(id);
      expect(new Set(announced.map((m) => m.partition)).size).toBe(1);
      const events = announced.map((m) => {
        const validation = validateArticleUpdateEvent(JSON.parse(m.value ?? 'null'));
        if (!validation.ok) throw new Error(`invalid update event: ${JSON.stringify(validation.errors)}`);
        return validation.value;
      });
      expect(events.map((e) => [e.kind, e.version, e.articleId])).toEqual([
        ['created', 1, id],
        ['updated', 2, id],
      ]);
      expect(announced.map((m) => m.headers[Headers.eventId])).toEqual(events.map((e) => e.eventId));
    });

    it('dead-letters a message that fails the schema, naming the bad field, and indexes the next article', async () => {
      const id = randomArticleId();
      const valid = enrichedArticleEvent({ articleId: id, version: 1 });

      // Same key, so both land on one partition: the valid one comes after the poison one.
      await publish({ key: id, value: { ...valid, version: 0 } }, { key: id, value: valid });

      const article = await indexed(id);
      expect(article.version).toBe(1);
      const [deadLetter] = await eventually('the dead letter', async () => {
        const mine = deadLetters.messages.filter(
          (m) =>
            m.key === id && m.headers[DeadLetterHeaders.consumerGroup] === indexer.config.INDEXER_GROUP_ID,
        );
        return mine.length > 0 ? mine : undefined;
      });
      expect(deadLetter.headers[DeadLetterHeaders.error]).toMatch(/\/version: must be >= 1/);
      expect(deadLetter.headers[DeadLetterHeaders.sourceTopic]).toBe(Topics.enriched);
      expect(JSON.parse(deadLetter.value ?? 'null')).toEqual({ ...valid, version: 0 });
    });
  });
});
