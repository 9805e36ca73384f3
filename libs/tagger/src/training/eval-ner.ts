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
 * `npm run eval:ner -- FILE.conll [--rules | --raw] [--model PATH] [--errors N] [--breakdown] [--natural]`
 *
 * --rules scores the old rule-based tagger, --raw the model's spans before the rule layer,
 * --breakdown counts the PER/ORG/LOC errors by kind (wrong type, wrong boundary, missed, spurious)
 * with examples.
 *
 * Rebuilds each document's text from the CoNLL tokens, one sentence a line, tokens joined by
 * spaces ("Howe 's Brigade ( 1863 ) ."; `--natural` writes it as running text is: "Howe's Brigade
 * (1863)."), runs the whole tagger on it as the enricher would, and scores exact character spans and
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
      breakdown: { type: 'boolean', default: false },
      natural: { type: 'boolean', default: false },
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
    const breakdown = new Map<string, number>();
    const examples = new Map<string, string[]>();
    for (const document of contextUnits(readConll(file))) {
      let text = '';
      const gold: [number, number, string][] = [];
      for (const sentence of document) {
        const offsets: number[] = [];
        const joined = values.natural ? detokenize(sentence.words) : spacedText(sentence.words);
        for (const offset of joined.offsets) offsets.push(text.length + offset);
        text += joined.text;
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
      if (values.breakdown) classifyErrors(text, gold, predicted, breakdown, examples);
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
    if (values.breakdown)
      process.stdout.write(
        `error kinds (PER/ORG/LOC; gold→predicted):\n${[...breakdown.entries()]
          .sort((a, b) => b[1] - a[1])
          .map(
            ([kind, count]) =>
              `  ${String(count).padStart(5)}  ${kind}: ${(examples.get(kind) ?? []).join(' | ')}`,
          )
          .join('\n')}\n`,
      );
    if (errors.length > 0) process.stdout.write(`errors (+ spurious, - missed):\n${errors.join('\n')}\n`);
  }
}

/** Tokens joined by single spaces ("Howe 's Brigade ( 1863 ) ."): the file's tokenisation as text. */
function spacedText(words: readonly string[]): { text: string; offsets: number[] } {
  const offsets: number[] = [];
  let text = '';
  for (const word of words) {
    if (offsets.length > 0) text += ' ';
    offsets.push(text.length);
    text += word;
  }
  return { text, offsets };
}

/** Tokens that close onto the word before them: punctuation and English clitics. */
const ATTACH_LEFT = /^([,.;:!?%)\]}]+|'s|'S|’s|n't|'re|'ve|'ll|'d|'m|')$/;
/** Tokens that open onto the word after them. */
const ATTACH_RIGHT = /^[([{$£€]$/;

/**
 * Tokens written back as news text is written ("Howe's Brigade (1863)."): no space before
 * punctuation, clitics and closing brackets or quotes, none after opening ones. Space-joined
 * tokens are an artefact of the data format that running text never has, and the tagger's own
 * tokenizer is what reads the text, so this measures the tagger as the enricher runs it.
 */
function detokenize(words: readonly string[]): { text: string; offsets: number[] } {
  const offsets: number[] = [];
  let text = '';
  let openQuote = false;
  let glueNext = false;
  for (const word of words) {
    let glue = glueNext || offsets.length === 0;
    glueNext = false;
    if (word === '"') {
      if (openQuote) glue = true;
      else glueNext = true;
      openQuote = !openQuote;
    } else if (ATTACH_LEFT.test(word)) glue = true;
    else if (ATTACH_RIGHT.test(word)) glueNext = true;
    if (!glue) text += ' ';
    offsets.push(text.length);
    text += word;
  }
  return { text, offsets };
}

type Span = [number, number, string];

/**
 * Counts each PER/ORG/LOC error by kind: right span with the wrong type, overlapping span (same or
 * other type), or nothing there at all, for missed gold names and spurious predictions alike.
 */
function classifyErrors(
  text: string,
  gold: readonly Span[],
  predicted: readonly Span[],
  counts: Map<string, number>,
  examples: Map<string, string[]>,
): void {
  let current: Span = [0, 0, ''];
  const bump = (kind: string): void => {
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
    const list = examples.get(kind) ?? [];
    if (list.length < 12) list.push(text.slice(current[0], current[1]));
    examples.set(kind, list);
  };
  const same = (a: Span, b: Span): boolean => a[0] === b[0] && a[1] === b[1];
  const overlaps = (a: Span, b: Span): boolean => a[0] < b[1] && b[0] < a[1];
  for (const span of gold) {
    current = span;
    if (!MAIN_TYPES.includes(span[2]) || predicted.some((other) => same(other, span) && other[2] === span[2]))
      continue;
    const exact = predicted.find((other) => same(other, span));
    const overlapping = predicted.find((other) => overlaps(other, span));
    if (exact !== undefined) bump(`missed: right span typed ${span[2]}→${exact[2]}`);
    else if (overlapping !== undefined)
      bump(
        `missed: boundary ${span[2]}→${overlapping[2]}${overlapping[1] - overlapping[0] > span[1] - span[0] ? ' (longer)' : ' (shorter)'}`,
      );
    else bump(`missed: nothing found ${span[2]}`);
  }
  for (const span of predicted) {
    current = span;
    if (!MAIN_TYPES.includes(span[2]) || gold.some((other) => same(other, span) && other[2] === span[2]))
      continue;
    if (gold.some((other) => same(other, span))) continue; // counted above as a type error
    if (gold.some((other) => overlaps(other, span))) continue; // counted above as a boundary error
    bump(`spurious: ${span[2]} where gold has nothing`);
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
