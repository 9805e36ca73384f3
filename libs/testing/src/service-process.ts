import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { eventually } from './test-env';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * One Newsflow service as a separate OS process, run from its build output (tools/test.sh builds
 * first), for end-to-end tests. Output is kept for failure messages.
 */
export class ServiceProcess {
  private child: ChildProcess | undefined;
  output = '';

  constructor(
    readonly name: 'ingester' | 'enricher' | 'indexer',
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, [join(ROOT, 'apps', this.name, 'dist', 'main.js')], {
      cwd: ROOT,
      env: { ...process.env, ...this.env, LOG_LEVEL: this.env.LOG_LEVEL ?? 'warn', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const collect = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    await eventually(
      `${this.name} /health on port ${this.port}`,
      async () => {
        if (child.exitCode !== null) throw new Error(`${this.name} exited ${child.exitCode}: ${this.output}`);
        const response = await fetch(`http://127.0.0.1:${this.port}/health`);
        return response.ok ? true : undefined;
      },
      { timeoutMs: 60_000 },
    );
  }

  /** Sends a signal and resolves with the exit code (or signal) once the process is gone. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 30_000): Promise<number | string | null> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return child?.exitCode ?? null;
    const exited = new Promise<number | string | null>((resolve) =>
      child.once('exit', (code, sig) => resolve(code ?? sig)),
    );
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    try {
      return await exited;
    } finally {
      clearTimeout(timer);
    }
  }
}
