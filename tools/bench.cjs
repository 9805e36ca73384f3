#!/usr/bin/env node
// `npm run bench -- [--articles N] [--batch N] [--concurrency N] [--corpus FILE.jsonl] [--out FILE.json]`
//
// Pushes N articles to a running stack (`npm start` in another terminal) in batches, then measures:
// pushes acknowledged by Kafka per second, time until every article is readable from the indexer,
// ingest → indexed latency per article (from the database's ingested_at and indexed_at), and that
// pushing the same articles again is answered `duplicate` and changes no row. Prints a summary and
// writes the numbers as JSON. Articles come from --corpus (JSON Lines with title and body, such as
// ../shared/data/news/wikinews-en-2019-2020.jsonl, used by path) or are generated.
// Reads INGESTER_URL, INDEXER_URL, DATABASE_URL and NEWSFLOW_DEV_API_KEY from the environment.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { parseArgs } = require('node:util');
const { Client } = require('pg');

const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    batch: { type: 'string', default: '100' },
    concurrency: { type: 'string', default: '4' },
    corpus: { type: 'string' },
    out: { type: 'string' },
  },
});
const total = Number(args.articles);
const batchSize = Number(args.batch);
const concurrency = Number(args.concurrency);
const ingester = process.env.INGESTER_URL || 'http://127.0.0.1:3001';
const apiKey = process.env.NEWSFLOW_DEV_API_KEY;
const databaseUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/newsflow';
if (!apiKey) {
  console.error('bench: set NEWSFLOW_DEV_API_KEY to the key the running stack printed');
  process.exit(2);
}

const run = Date.now().toString(36);
const corpus = args.corpus
  ? readFileSync(args.corpus, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
  : null;
function article(n) {
  const base = corpus
    ? corpus[n % corpus.length]
    : {
        title: `Harbour in Lisbon reopens berth ${n}`,
        body: `The harbour authority in Lisbon reopened berth ${n} on Tuesday, said Maria Okafor.\n\nOkafor said ships of the United Nations would dock first.`,
      };
  return {
    uri: `urn:newsflow:bench:${run}:${n}`,
    headline: base.title,
    body_text: base.body,
    language: 'en',
    versioncreated: new Date().toISOString(),
  };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function pushAll(articles) {
  const batches = [];
  for (let i = 0; i < articles.length; i += batchSize) batches.push(articles.slice(i, i + batchSize));
  const results = [];
  const latencies = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < batches.length) {
        const index = next++;
        const t0 = performance.now();
        const response = await fetch(`${ingester}/v1/articles`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
          body: JSON.stringify(batches[index]),
        });
        if (response.status !== 202)
          throw new Error(`push answered ${response.status}: ${await response.text()}`);
        latencies.push(performance.now() - t0);
        results[index] = await response.json();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    results: results.flat(),
    seconds,
    perSecond: articles.length / seconds,
    pushMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99) },
  };
}

async function main() {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const articles = Array.from({ length: total }, (_, n) => article(n));
  const bytes = articles.reduce((sum, a) => sum + Buffer.byteLength(a.body_text), 0);

  const first = await pushAll(articles);
  const ids = first.results.map((r) => r.id);
  const indexStart = performance.now();
  for (;;) {
    const { rows } = await db.query('SELECT count(*)::int AS n FROM articles WHERE id = ANY($1)', [ids]);
    if (rows[0].n === ids.length) break;
    if (performance.now() - indexStart > 300_000)
      throw new Error(`only ${rows[0].n} of ${ids.length} indexed`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const allIndexedSeconds = first.seconds + (performance.now() - indexStart) / 1000;
  const { rows: lag } = await db.query(
    `SELECT extract(epoch FROM indexed_at - ingested_at) * 1000 AS ms FROM article_versions
     WHERE article_id = ANY($1) ORDER BY 1`,
    [ids],
  );
  const lagMs = lag.map((r) => Number(r.ms));

  const count = async (sql) => (await db.query(sql, [ids])).rows[0].n;
  const counts = async () => ({
    articleVersions: await count(
      'SELECT count(*)::int AS n FROM article_versions WHERE article_id = ANY($1)',
    ),
    mentions: await count('SELECT count(*)::int AS n FROM mentions WHERE article_id = ANY($1)'),
    articlesWithEntities: await count(
      'SELECT count(DISTINCT article_id)::int AS n FROM mentions WHERE article_id = ANY($1)',
    ),
    outbox: await count("SELECT count(*)::int AS n FROM outbox WHERE payload->>'articleId' = ANY($1)"),
  });
  const before = await counts();
  const second = await pushAll(articles);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const after = await counts();
  await db.end();

  const report = {
    articles: total,
    batchSize,
    concurrency,
    corpus: args.corpus ?? 'generated',
    bodyKilobytes: Math.round(bytes / 1024),
    push: { seconds: first.seconds, articlesPerSecond: first.perSecond, requestMs: first.pushMs },
    allIndexedSeconds,
    endToEndArticlesPerSecond: total / allIndexedSeconds,
    ingestToIndexedMs: {
      p50: percentile(lagMs, 50),
      p90: percentile(lagMs, 90),
      p99: percentile(lagMs, 99),
      max: lagMs[lagMs.length - 1],
    },
    repush: {
      allDuplicate: second.results.every((r) => r.status === 'duplicate'),
      articlesPerSecond: second.perSecond,
      rowsBefore: before,
      rowsAfter: after,
      unchanged: JSON.stringify(before) === JSON.stringify(after),
    },
  };
  console.log(JSON.stringify(report, null, 2));
  if (args.out) writeFileSync(args.out, `${JSON.stringify(report, null, 2)}\n`);
}

main().catch((error) => {
  console.error(`bench failed: ${error.stack || error}`);
  process.exit(1);
});
