import { execFileSync, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const REPO_ROOT = resolve(__dirname, '../../..');
const CLI = resolve(REPO_ROOT, 'libs/tagger/dist/cli.js');

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(input: string): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('tag CLI', () => {
  beforeAll(() => {
    // The spec runs the real compiled entry point, as `npm run -s tag` does.
    execFileSync(resolve(REPO_ROOT, 'node_modules/.bin/tsc'), ['-b', 'libs/tagger'], {
      cwd: REPO_ROOT,
      stdio: 'pipe',
    });
  }, 120_000);

  it('answers every JSON line with one line, in input order, and reports bad lines without stopping', async () => {
    const input = [
      JSON.stringify({ id: 'a', text: 'President Joe Biden met Olaf Scholz in Berlin on Tuesday.' }),
      '{not json',
      JSON.stringify({ id: 'no-text' }),
      JSON.stringify({ id: 42, text: ['not', 'a', 'string'] }),
      '',
      JSON.stringify({ id: 'b', text: 'Ministers from Japan and Canada met in Ottawa.' }),
    ].join('\n');

    const { code, stdout } = await runCli(`${input}\n`);

    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    const [first, invalid, missing, wrongType, last] = lines.map(
      (line) => JSON.parse(line) as Record<string, unknown>,
    );
    expect(first).toEqual({
      id: 'a',
      language: 'en',
      entities: [
        { start: 10, end: 19, type: 'PERSON', text: 'Joe Biden', id: 'Q6279', confidence: 0.95 },
        { start: 24, end: 35, type: 'PERSON', text: 'Olaf Scholz', id: 'Q61053', confidence: 0.95 },
        { start: 39, end: 45, type: 'LOCATION', text: 'Berlin', id: 'Q64', confidence: 0.95 },
      ],
    });
    expect(invalid).toEqual({ id: null, error: expect.stringMatching(/^invalid JSON/) as unknown });
    expect(missing).toEqual({ id: 'no-text', error: 'missing "text"' });
    expect(wrongType).toEqual({ id: 42, error: '"text" is not a string' });
    expect(last).toMatchObject({ id: 'b', language: 'en' });
    expect((last.entities as { text: string }[]).map((entity) => entity.text)).toEqual([
      'Japan',
      'Canada',
      'Ottawa',
    ]);
  }, 30_000);

  it('flushes a last line without a newline and writes nothing else to stdout', async () => {
    const { code, stdout, stderr } = await runCli(
      JSON.stringify({ id: 'tail', text: 'Rain fell on Madrid.' }),
    );
    expect(code).toBe(0);
    expect(stdout.endsWith('\n')).toBe(true);
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(stdout)).toMatchObject({ id: 'tail' });
    expect(stderr).toMatch(/tagger ready/);
  }, 30_000);

  it('exits cleanly with no output for empty input', async () => {
    const { code, stdout } = await runCli('');
    expect(code).toBe(0);
    expect(stdout).toBe('');
  }, 30_000);
});
