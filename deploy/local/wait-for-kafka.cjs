#!/usr/bin/env node
// Waits until a Kafka broker answers admin.describeCluster() (kafkajs), retrying until a deadline.
// Silent on success; one clear line on stderr and a non-zero exit on failure.
//
//   node deploy/local/wait-for-kafka.cjs [--brokers host:port[,…]] [--timeout seconds]
//                                        [--pid N] [--cluster-id ID]
//
// --brokers     defaults to $KAFKA_BROKERS, then 127.0.0.1:9092
// --timeout     seconds to keep trying (default 60)
// --pid         give up at once if this process (the broker we started) exits
// --cluster-id  fail if the broker that answers belongs to another cluster (someone else's broker)
'use strict';

let kafkajs;
try {
  kafkajs = require('kafkajs');
} catch {
  console.error('wait-for-kafka: kafkajs is not installed; run `npm ci` at the repository root first');
  process.exit(2);
}
const { Kafka, logLevel } = kafkajs;

function parseArgs(argv) {
  const opts = { brokers: process.env.KAFKA_BROKERS || '127.0.0.1:9092', timeout: 60, pid: 0, clusterId: '' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => (inline !== undefined ? inline : argv[++i]);
    switch (flag) {
      case '--brokers':
        opts.brokers = value();
        break;
      case '--timeout':
        opts.timeout = Number(value());
        break;
      case '--pid':
        opts.pid = Number(value());
        break;
      case '--cluster-id':
        opts.clusterId = value();
        break;
      default:
        console.error(`wait-for-kafka: unknown argument ${argv[i]}`);
        process.exit(2);
    }
  }
  if (!Number.isFinite(opts.timeout) || opts.timeout <= 0) {
    console.error('wait-for-kafka: --timeout must be a positive number of seconds');
    process.exit(2);
  }
  return opts;
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const brokers = opts.brokers
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  const deadline = Date.now() + opts.timeout * 1000;
  let lastError = 'no answer yet';

  while (Date.now() < deadline) {
    if (opts.pid && !alive(opts.pid)) {
      console.error(`wait-for-kafka: the broker process (pid ${opts.pid}) exited before it became ready`);
      process.exit(1);
    }
    const kafka = new Kafka({
      clientId: 'newsflow-wait-for-kafka',
      brokers,
      logLevel: logLevel.NOTHING,
      connectionTimeout: 1000,
      requestTimeout: 5000,
      retry: { retries: 0 },
    });
    const admin = kafka.admin({ retry: { retries: 0 } });
    try {
      await admin.connect();
      const cluster = await admin.describeCluster();
      if (opts.clusterId && cluster.clusterId !== opts.clusterId) {
        console.error(
          `wait-for-kafka: ${brokers.join(',')} answers for cluster ${cluster.clusterId}, expected ${opts.clusterId} ` +
            '(another Kafka owns this port?)',
        );
        process.exit(1);
      }
      if (cluster.brokers.length > 0 && cluster.controller !== null && cluster.controller !== -1) return;
      lastError = 'cluster has no controller yet';
    } catch (err) {
      lastError = (err && err.message) || String(err);
    } finally {
      await admin.disconnect().catch(() => {});
    }
    await sleep(250);
  }
  console.error(
    `wait-for-kafka: no answer from ${brokers.join(',')} within ${opts.timeout}s (last error: ${lastError})`,
  );
  process.exit(1);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`wait-for-kafka: ${(err && err.stack) || err}`);
    process.exit(1);
  },
);
