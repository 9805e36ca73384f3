import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { createDefaultGazetteer } from '../gazetteer/gazetteer';
import { createTagger } from '../index';
import { loadLanguageDetector } from '../language-detector';
import { ModelTagger } from '../model-tagger';
import { RuleBasedTagger } from '../rule-based-tagger';
import type { EntityType, Tagger } from '../tagger.types';
import { readConll } from './conll';
import { SpanScorer, spansFromTags } from './span-metrics';
import { contextUnits } from './training-data';

/**
 * `npm run eval:ner -- FILE.conll [--rules | --raw] [--model PATH] [--errors N]`
 *
 * --rules scores the old rule-based tagger, --raw the model's spans before the rule layer.
 *
 * Rebuilds each document's text from the CoNLL tokens (tokens joined by spaces, one sentence a
 * line), runs the whole tagger on it as the enricher would, and scores exact character spans and
 * types against the gold annotation: PER, ORG, LOC, their micro average, and MISC separately.
 * A file without document markers (CrossNER) is scored passage by passage. KB/s counts only the
 * time spent in tag(), for the first (cold) pass and for a second, warm pass over the same texts.
 */

const SHORT: Record<EntityType, string> = {
  PERSON: 'PER',
  ORGANIZATION: 'ORG',
  LOCATION: 'LOC',
  MISC: 'MISC',
};
const MAIN_TYPES = ['PER', 'ORG', 'LOC'];

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      rules: { type: 'boolean', default: false },
      raw: { type: 'boolean', default: false },
      model: { type: 'string' },
      errors: { type: 'string', default: '0' },
    },
  });
  if (positionals.length === 0)
    throw new Error('usage: npm run eval:ner -- FILE.conll [--rules] [--errors N]');
  const tagger: Tagger = values.rules
    ? new RuleBasedTagger(await loadLanguageDetector(), createDefaultGazetteer())
    : await createTagger(values.model !== undefined ? { modelPath: values.model } : {});

  for (const file of positionals) {
    const scorer = new SpanScorer([...MAIN_TYPES, 'MISC']);
    const errors: string[] = [];
    let bytes = 0;
    let milliseconds = 0;
    const texts: string[] = [];
    for (const document of contextUnits(readConll(file))) {
      let text = '';
      const gold: [number, number, string][] = [];
      for (const sentence of document) {
        const offsets: number[] = [];
        for (const word of sentence.words) {
          if (offsets.length > 0) text += ' ';
          offsets.push(text.length);
          text += word;
        }
        for (const [first, after, type] of spansFromTags(sentence.tags))
          gold.push([offsets[first], offsets[after - 1] + sentence.words[after - 1].length, type]);
        text += '\n';
      }
      const started = performance.now();
      const { entities } =
        values.raw && tagger instanceof ModelTagger
          ? {
              entities: tagger.findMentions(text).classified.map((item) => ({
                start: item.segment.start,
                end: item.segment.end,
                type: item.type,
              })),
            }
          : tagger.tag(text);
      milliseconds += performance.now() - started;
      bytes += Buffer.byteLength(text);
      texts.push(text);
      const predicted = entities.map((entity): [number, number, string] => [
        entity.start,
        entity.end,
        SHORT[entity.type],
      ]);
      scorer.add(gold, predicted);
      if (errors.length < Number(values.errors)) {
        const goldKeys = new Set(gold.map((span) => span.join(':')));
        const predictedKeys = new Set(predicted.map((span) => span.join(':')));
        for (const span of predicted)
          if (!goldKeys.has(span.join(':'))) errors.push(`  + ${span[2]} ${text.slice(span[0], span[1])}`);
        for (const span of gold)
          if (!predictedKeys.has(span.join(':')))
            errors.push(`  - ${span[2]} ${text.slice(span[0], span[1])}`);
      }
    }

    // The first pass above runs cold (JIT warm-up, weights not yet in cache); a second pass over
    // the same texts shows the steady state the enricher runs at.
    const warmStart = performance.now();
    for (const text of texts) tagger.tag(text);
    const warmMilliseconds = performance.now() - warmStart;
    const row = (label: string, scores: { precision: number; recall: number; f1: number }): string =>
      `${label.padEnd(14)} ${pct(scores.precision)} ${pct(scores.recall)} ${pct(scores.f1)}`;
    const lines = [
      `${basename(file)} (${values.rules ? 'rule-based tagger' : 'model tagger'})`,
      `${'type'.padEnd(14)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)}`,
      ...MAIN_TYPES.map((type) => row(type, scorer.scores(type))),
      row('PER/ORG/LOC', scorer.micro(MAIN_TYPES)),
      row('MISC', scorer.scores('MISC')),
      `speed          ${(bytes / 1024 / (warmMilliseconds / 1000)).toFixed(0)} KB/s warm, ${(bytes / 1024 / (milliseconds / 1000)).toFixed(0)} KB/s first (cold) pass (${(bytes / 1024).toFixed(0)} KB; time in tag() only)`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (errors.length > 0) process.stdout.write(`errors (+ spurious, - missed):\n${errors.join('\n')}\n`);
  }
}

function pct(value: number): string {
  return (value * 100).toFixed(1).padStart(6);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `eval failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
