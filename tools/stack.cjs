#!/usr/bin/env node
// `npm start`: the whole stack on one machine, in the foreground. Starts Kafka (and PostgreSQL and
// Redis where none answers) with deploy/local/infra.sh, builds, runs the three services as separate
// processes, pushes the sample article and prints it back with its entities. Ctrl-C (SIGINT) or
// SIGTERM stops the services and whatever infrastructure this command started.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { readFileSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const infra = path.join(root, 'deploy', 'local', 'infra.sh');
const say = (line) => process.stdout.write(`[newsflow] ${line}\n`);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (result.status !== 0) {
    say(`${command} ${args.join(' ')} failed (exit ${result.status})`);
    process.exit(result.status ?? 1);
  }
  return result;
}

function infraEnv() {
  const out = spawnSync('bash', [infra, 'env', '--profile', 'dev'], { cwd: root, encoding: 'utf8' });
  const env = {};
  for (const match of out.stdout.matchAll(/([A-Z_]+)=(\S+)/g))
    env[match[1]] = match[2].replace(/^['"]|['"]$/g, '');
  return env;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  return false;
}

async function main() {
  const started = Date.now();
  const infraWasUp = spawnSync('bash', [infra, 'status', '--profile', 'dev'], { cwd: root }).status === 0;
  run('bash', [infra, 'up', '--profile', 'dev']);
  say(`infrastructure ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  run('npx', ['tsc', '-b', 'tsconfig.build.json']);

  const apiKey = process.env.NEWSFLOW_DEV_API_KEY || `dev-${randomBytes(16).toString('hex')}`;
  const env = {
    ...process.env,
    ...infraEnv(),
    ...Object.fromEntries(
      ['KAFKA_BROKERS', 'DATABASE_URL', 'REDIS_URL']
        .filter((k) => process.env[k])
        .map((k) => [k, process.env[k]]),
    ),
    NEWSFLOW_DEV_API_KEY: apiKey,
    NEWSFLOW_OUTBOUND_ALLOWLIST: process.env.NEWSFLOW_OUTBOUND_ALLOWLIST || '127.0.0.1',
  };
  const ports = {
    ingester: Number(env.INGESTER_PORT || 3001),
    enricher: Number(env.ENRICHER_PORT || 3002),
    indexer: Number(env.INDEXER_PORT || 3003),
  };

  const children = [];
  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping services`);
    await Promise.all(
      children.map(
        (child) =>
          new Promise((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', resolve);
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 30_000).unref();
          }),
      ),
    );
    if (!infraWasUp) spawnSync('bash', [infra, 'down', '--profile', 'dev'], { cwd: root, stdio: 'inherit' });
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  for (const name of ['indexer', 'enricher', 'ingester']) {
    const child = spawn(process.execPath, [path.join(root, 'apps', name, 'dist', 'main.js')], {
      cwd: root,
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
      // Its own process group: a Ctrl-C reaches only this supervisor, which stops each service with
      // one SIGTERM, in order, instead of every process at once.
      detached: true,
    });
    child.on('exit', (code, signal) => {
      if (!stopping) {
        say(`${name} exited (${signal ?? code}); stopping the stack`);
        void stop('exit');
      }
    });
    children.push(child);
  }
  for (const [name, port] of Object.entries(ports)) {
    if (!(await waitFor(`http://127.0.0.1:${port}/health`, 120_000))) {
      say(`${name} did not become healthy on port ${port}`);
      return stop('failure');
    }
  }
  say(`stack up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  say(`ingester  http://127.0.0.1:${ports.ingester}  (POST /v1/articles, Authorization: Bearer ${apiKey})`);
  say(`enricher  http://127.0.0.1:${ports.enricher}  (GET /health, /metrics)`);
  say(
    `indexer   http://127.0.0.1:${ports.indexer}  (GET /v1/articles/:id, /v1/articles?q=, /v1/stream; POST /v1/subscriptions)`,
  );

  if (process.env.NEWSFLOW_SAMPLE !== '0') await pushSample(ports, apiKey);
  say('running; press Ctrl-C to stop');
}

async function pushSample(ports, apiKey) {
  const sample = readFileSync(path.join(root, 'deploy', 'samples', 'sample-article.json'), 'utf8');
  const response = await fetch(`http://127.0.0.1:${ports.ingester}/v1/articles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: sample,
  });
  const result = await response.json();
  say(`pushed deploy/samples/sample-article.json → ${response.status} ${JSON.stringify(result)}`);
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const article = await fetch(`http://127.0.0.1:${ports.indexer}/v1/articles/${result.id}`);
    if (article.ok) {
      const body = await article.json();
      say(`indexed "${body.headline}" (version ${body.version}, language ${body.language}) with entities:`);
      for (const entity of body.entities)
        say(`  ${entity.type.padEnd(12)} ${entity.name.padEnd(32)} ${entity.id}`);
      say(`GET http://127.0.0.1:${ports.indexer}/v1/articles/${result.id}`);
      return;
    }
    await sleep(200);
  }
  say('the sample article was not indexed within 30 s; see the service logs above');
}

main().catch((error) => {
  say(`failed: ${error.stack || error}`);
  process.exit(1);
});
