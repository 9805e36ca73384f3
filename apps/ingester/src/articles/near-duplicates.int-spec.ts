import { randomBytes } from 'node:crypto';
import { type INestApplication } from '@nestjs/common';
import { createKafka, parseBrokers } from '@newsflow/kafka';
import { Topics, type RawArticleEvent } from '@newsflow/contracts';
import { eventually, testEnv, TopicReader, uniqueSuffix } from '@newsflow/testing';
import { SourcesService } from '../sources/sources.service';
import { NearDuplicatesRepository } from './near-duplicates.repository';
import { startTestIngester, type TestIngester } from '../testing/test-ingester';

// A wire story written for this test, and the same story as a second outlet would run it.
const WIRE = [
  'City council approves night bus network after two years of trials',
  'The city council voted on Thursday to make the night bus network permanent, ending a trial that began two winters ago and carried more than four million passengers.',
  'Seven routes will run every twenty minutes between midnight and five in the morning, linking the hospital district, the university campus and the three largest residential quarters.',
  'Transport officials said the trial showed that most riders were shift workers travelling to and from the hospitals, the airport cargo terminal and the wholesale market.',
  'The council will pay for the service from the parking levy, which rises by ten cents an hour in the city centre from March.',
  'Opposition members asked for a review after one year and for better lighting at the stops on the outer routes, and the motion was accepted.',
];

const REPUBLISHED = [
  'Night buses here to stay as council backs permanent network',
  'The city council voted on Thursday to make the night bus network permanent, ending a trial that began two winters ago and carried more than four million passengers.',
  'Seven routes will run every twenty minutes between midnight and five in the morning, linking the hospital district, the university campus and the three largest residential quarters.',
  'Transport officials said the trial showed that most riders were shift workers travelling to and from the hospitals, the airport cargo terminal and the wholesale market.',
  'The council will pay for the service from the parking levy, which rises by ten cents an hour in the city centre from March.',
  'Follow our transport coverage for updates.',
];

const UNRELATED = [
  'Museum reopens its maritime wing with restored figureheads',
  'After three years of conservation work, the maritime wing of the city museum reopened on Saturday with eleven restored ship figureheads and a new gallery of harbour photographs.',
  'Conservators removed seven layers of paint from the largest figurehead, a carved lion that once decorated a grain ship, and found the original gold leaf underneath.',
  'Entry to the wing is free for children and for anyone holding a library card until the end of the year.',
];

const article = (uri: string, [headline, ...paragraphs]: string[]) => ({
  uri,
  headline,
  body_html: paragraphs.map((p) => `<p>${p}</p>`).join(''),
  versioncreated: '2026-11-27T08:00:00Z',
});

describe(NearDuplicatesRepository.name, () => {
  const run = uniqueSuffix();
  const sources = [1, 2, 3].map((n) => ({
    id: `it-neardup-${run}-${n}`,
    apiKey: randomBytes(16).toString('hex'),
  }));
  let ingester: TestIngester;
  let app: INestApplication;
  let baseUrl: string;
  let raw: TopicReader;

  beforeAll(async () => {
    ingester = await startTestIngester(`neardup-${run}`);
    app = ingester.app;
    baseUrl = ingester.baseUrl;
    for (const source of sources) await app.get(SourcesService).register(source.id, 'Outlet', source.apiKey);
    raw = await new TopicReader(
      createKafka({ brokers: parseBrokers(testEnv.kafkaBrokers), clientId: `it-nd-${run}` }),
      Topics.raw,
    ).start();
  });

  afterAll(async () => {
    await Promise.all([raw?.stop(), ingester?.stop()]);
  });

  const push = async (apiKey: string, body: unknown) => {
    const response = await fetch(`${baseUrl}/v1/articles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(202);
    return (await response.json()) as { id: string };
  };

  const published = (id: string) =>
    eventually(`the raw event of ${id}`, async () => {
      const message = raw.messages.find((m) => m.key === id);
      return message ? (JSON.parse(message.value!) as RawArticleEvent) : undefined;
    });

  it('puts a story republished by another outlet into the first one’s cluster, and an unrelated story in its own', async () => {
    const first = await push(sources[0].apiKey, article(`urn:a:${run}`, WIRE));
    const copy = await push(sources[1].apiKey, article(`urn:b:${run}`, REPUBLISHED));
    const other = await push(sources[2].apiKey, article(`urn:c:${run}`, UNRELATED));

    // The story may already have a cluster from an earlier run against the same database; what
    // matters is that the republished copy joins it and the unrelated story does not.
    const firstCluster = (await published(first.id)).clusterId;
    expect(firstCluster).toEqual(expect.any(String));
    expect((await published(copy.id)).clusterId).toBe(firstCluster);
    expect((await published(other.id)).clusterId).not.toBe(firstCluster);
  });
});
