import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { createTagger, type Tagger } from './index';

/**
 * `npm run -s tag`: JSON Lines `{"id","text"}` on stdin → one JSON line per input on stdout, in
 * input order (architecture.md, "Fixed interfaces", row `tag`). A bad line yields
 * `{"id","error"}` and the run goes on; stdout carries nothing else, logs go to stderr.
 */

type JsonId = string | number | null;

export function tagLine(tagger: Tagger, line: string): string {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch (error) {
    return JSON.stringify({
      id: null,
      error: `invalid JSON: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return JSON.stringify({ id: null, error: 'line is not a JSON object' });
  }
  const record = input as Record<string, unknown>;
  const id: JsonId = typeof record.id === 'string' || typeof record.id === 'number' ? record.id : null;
  if (typeof record.text !== 'string') {
    return JSON.stringify({
      id,
      error: record.text === undefined ? 'missing "text"' : '"text" is not a string',
    });
  }
  const { language, entities } = tagger.tag(record.text);
  return JSON.stringify({ id, language, entities });
}

async function write(stream: Writable, chunk: string): Promise<void> {
  // Respect back-pressure so a slow reader downstream does not make us buffer the whole input.
  if (!stream.write(chunk)) await once(stream, 'drain');
}

async function main(): Promise<void> {
  const started = performance.now();
  const tagger = await createTagger();
  process.stderr.write(`tagger ready in ${Math.round(performance.now() - started)} ms\n`);

  let failed = false;
  process.stdin.on('error', (error) => {
    failed = true;
    process.stderr.write(`stdin failed: ${error.message}\n`);
  });
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    await write(process.stdout, `${tagLine(tagger, line)}\n`);
  }
  if (failed) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `tag failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  });
}
