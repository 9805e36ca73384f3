import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createTagger } from '../index';
import type { EntityType } from '../tagger.types';

/**
 * `npm run -s check:seed [-- --text FILE --gold FILE.json]`
 *
 * The seed check: tags `../shared/data/seed/seed-article.txt` with the whole tagger and
 * compares it with `seed-article.gold.json` (document-level entities with their surface forms).
 * Prints each gold entity as found with the right type, found with another type, or missed, then
 * every tagged name that no gold entity has, marking those on a byline, photo-credit or copyright
 * line (where nothing may be invented). Exits 1 when a gold entity is missed or mistyped or a name
 * is invented on such a line. The article is copyrighted: it is read by path, never copied.
 */

const SHORT: Record<EntityType, string> = {
  PERSON: 'PER',
  ORGANIZATION: 'ORG',
  LOCATION: 'LOC',
  MISC: 'MISC',
};

interface GoldEntity {
  name: string;
  type: string;
  forms: string[];
}

/** Lines where a tagger most easily invents names: bylines, photo captions with credits, copyright. */
function isGuardedLine(line: string): boolean {
  return /^By\s/.test(line) || /\([^()]*\/[^()]*\)\s*$/.test(line) || /^(©|Copyright\b)/.test(line);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      text: { type: 'string', default: '../shared/data/seed/seed-article.txt' },
      gold: { type: 'string', default: '../shared/data/seed/seed-article.gold.json' },
    },
  });
  const text = readFileSync(values.text, 'utf8');
  const gold = (JSON.parse(readFileSync(values.gold, 'utf8')) as { entities: GoldEntity[] }).entities;
  const tagger = await createTagger();
  const { entities } = tagger.tag(text);
  const tagged = entities.map((entity) => ({ ...entity, short: SHORT[entity.type] }));

  let failures = 0;
  const lines: string[] = [];
  for (const entity of gold) {
    const mentions = tagged.filter((mention) => entity.forms.includes(mention.text));
    const right = mentions.filter((mention) => mention.short === entity.type);
    if (right.length > 0) {
      lines.push(`  ok       ${entity.type.padEnd(4)} ${entity.name} (${right.length}× as ${right[0].id})`);
      continue;
    }
    failures += 1;
    lines.push(
      mentions.length > 0
        ? `  WRONG    ${entity.type.padEnd(4)} ${entity.name}: tagged ${[...new Set(mentions.map((m) => m.short))].join('/')}`
        : `  MISSED   ${entity.type.padEnd(4)} ${entity.name}`,
    );
  }
  const goldForms = new Set(gold.flatMap((entity) => entity.forms));
  const lineStarts: number[] = [0];
  for (let index = 0; index < text.length; index += 1) if (text[index] === '\n') lineStarts.push(index + 1);
  const lineOf = (offset: number): string => {
    let low = 0;
    while (low + 1 < lineStarts.length && lineStarts[low + 1] <= offset) low += 1;
    const end = text.indexOf('\n', lineStarts[low]);
    return text.slice(lineStarts[low], end < 0 ? text.length : end);
  };
  const extras = tagged.filter((mention) => !goldForms.has(mention.text));
  for (const mention of extras) {
    const guarded = isGuardedLine(lineOf(mention.start));
    if (guarded) failures += 1;
    lines.push(
      `  ${guarded ? 'INVENTED' : 'extra   '} ${mention.short.padEnd(4)} "${mention.text}"${guarded ? ' on a byline/credit/copyright line' : ''}`,
    );
  }
  const found = gold.length - lines.filter((line) => /^\s+(WRONG|MISSED)/.test(line)).length;
  process.stdout.write(
    `seed article: ${found} of ${gold.length} gold entities found with the right type; ${extras.length} names not in the gold list\n${lines.join('\n')}\n`,
  );
  if (failures > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `check failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
