import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createTagger } from '../index';

/**
 * `npm run bench:ner [-- --corpus FILE.jsonl --rounds N --seconds S]`
 *
 * Start-up (createTagger() to the first result, in this fresh process), then single-threaded
 * throughput over news article bodies: KB/s per core and milliseconds per 5 KB article, best of
 * `rounds` runs of about `seconds` each, and the resident set size at the end. The corpus defaults
 * to ../shared/data/news/wikinews-en-2019-2020.jsonl (used by path); without it, a built-in sample
 * article written for this benchmark is repeated.
 */

const SAMPLE = [
  'Leaders Meet in Lisbon as Trade Talks Resume',
  'LISBON, March 3 (Newsflow) - Portuguese Prime Minister Ana Ribeiro welcomed European Commission President Ursula von der Leyen to Lisbon on Tuesday for talks on trade with Brazil and Argentina.',
  'Ribeiro said the European Union and the Mercosur bloc were close to a deal. "We are nearly there," she told reporters at the São Bento Palace.',
  'Shares of Galp Energia rose 2% on the Euronext Lisbon exchange after the company said it would invest in solar farms in the Alentejo region, according to Reuters.',
  'Analysts at Banco Santander and Goldman Sachs expect the agreement to lift exports of wine and cork to South America. Von der Leyen will travel on to Madrid to meet Spanish Prime Minister Pedro Sánchez.',
].join('\n\n');

function loadArticles(corpus: string | undefined): string[] {
  const path = corpus ?? '../shared/data/news/wikinews-en-2019-2020.jsonl';
  if (!existsSync(path)) {
    process.stderr.write(`no corpus at ${path}: using the built-in sample article\n`);
    return [SAMPLE];
  }
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const record = JSON.parse(line) as { title?: string; body?: string };
      return `${record.title ?? ''}\n\n${record.body ?? ''}`;
    });
}

/** Cuts the corpus into pieces of about `size` characters at paragraph breaks. */
function chunks(articles: readonly string[], size: number): string[] {
  const out: string[] = [];
  for (const article of articles) {
    let rest = article;
    while (rest.length > size) {
      const cut = rest.lastIndexOf('\n', size);
      const at = cut > size / 2 ? cut : size;
      out.push(rest.slice(0, at));
      rest = rest.slice(at);
    }
    if (rest.length > size / 2) out.push(rest);
  }
  return out;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string' },
      rounds: { type: 'string', default: '3' },
      seconds: { type: 'string', default: '3' },
      model: { type: 'string' },
    },
  });
  const articles = loadArticles(values.corpus);

  const started = performance.now();
  const tagger = await createTagger(values.model !== undefined ? { modelPath: values.model } : {});
  tagger.tag(articles[0]);
  const startupMs = performance.now() - started;

  const bytesOf = (texts: readonly string[]): number =>
    texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  const corpusBytes = bytesOf(articles);
  const fiveKb = chunks(articles, 5000);
  const fiveKbBytes = bytesOf(fiveKb);

  let bestKbPerSecond = 0;
  let bestMsPerArticle = Infinity;
  for (let round = 0; round < Number(values.rounds); round += 1) {
    let bytes = 0;
    const roundStart = performance.now();
    while (performance.now() - roundStart < Number(values.seconds) * 1000) {
      for (const article of articles) tagger.tag(article);
      bytes += corpusBytes;
    }
    const kbPerSecond = bytes / 1024 / ((performance.now() - roundStart) / 1000);
    bestKbPerSecond = Math.max(bestKbPerSecond, kbPerSecond);

    const chunkStart = performance.now();
    for (const chunk of fiveKb) tagger.tag(chunk);
    const msPerArticle = ((performance.now() - chunkStart) / fiveKbBytes) * 5000;
    bestMsPerArticle = Math.min(bestMsPerArticle, msPerArticle);
    process.stderr.write(
      `round ${round + 1}: ${kbPerSecond.toFixed(0)} KB/s, ${msPerArticle.toFixed(2)} ms per 5 KB\n`,
    );
  }
  const rssMb = process.memoryUsage().rss / 1024 / 1024;
  process.stdout.write(
    [
      `corpus              ${articles.length} articles, ${(corpusBytes / 1024).toFixed(0)} KB`,
      `throughput          ${bestKbPerSecond.toFixed(0)} KB/s per core (best of ${values.rounds} rounds)`,
      `5 KB article        ${bestMsPerArticle.toFixed(2)} ms (best of ${values.rounds} rounds)`,
      `start-up            ${startupMs.toFixed(0)} ms (createTagger() to first result)`,
      `RSS                 ${rssMb.toFixed(0)} MB`,
    ].join('\n') + '\n',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
