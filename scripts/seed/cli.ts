/**
 * `node scripts/stack.mjs seed <scenario>|all|list [--scale N] [--instances N] [--logs N] [--points N] [--json]`
 * Always targets the local stack (127.0.0.1:18500 unless CALVIN_STACK_CONSUL_ADDR says otherwise),
 * never what CONSUL_HTTP_ADDR or INFLUX_URL point at.
 */
import { parseArgs } from 'node:util';
import { closeElasticClients } from '../../src/backends/elasticsearch.js';
import { loadConfig } from '../../src/config.js';
import { CalvinError } from '../../src/errors.js';
import { DEFAULT_SCENARIOS, SCENARIOS, seedScenario, type SeedResult } from './index.js';

const USAGE = `usage: node scripts/stack.mjs seed <scenario>|all|list [--scale N] [--instances N] [--logs N] [--points N] [--json]
  scenarios: ${SCENARIOS.map((s) => s.name).join(', ')}
  all         every scenario except bench
  --scale N   3×N instances and N× the log chatter per instance
  --instances N, --logs N (total log documents), --points N (total metric points)
  bench       10 instances, 1,000,000 log documents, >1,000,000 metric points`;

function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1)
    throw new CalvinError('BAD_ARGUMENT', `${flag} must be a positive whole number, not "${value}"`, USAGE);
  return n;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      scale: { type: 'string' },
      instances: { type: 'string' },
      logs: { type: 'string' },
      points: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const target = positionals[0];
  if (values.help || !target) {
    process.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  if (target === 'list') {
    for (const s of SCENARIOS) process.stdout.write(`${s.name.padEnd(22)} ${s.service.padEnd(20)} ${s.summary}\n`);
    return 0;
  }
  const names = target === 'all' ? DEFAULT_SCENARIOS : [target];
  const config = loadConfig({ consulAddr: process.env.CALVIN_STACK_CONSUL_ADDR ?? '127.0.0.1:18500' }, {});
  const scale = positiveInt(values.scale, '--scale');
  const instances = positiveInt(values.instances, '--instances');
  const logDocuments = positiveInt(values.logs, '--logs');
  const metricPoints = positiveInt(values.points, '--points');
  const now = Date.now();
  const results: SeedResult[] = [];
  for (const name of names) {
    const result = await seedScenario(name, {
      config,
      now,
      ...(scale ? { scale } : {}),
      ...(instances ? { instances } : {}),
      ...(logDocuments ? { logDocuments } : {}),
      ...(metricPoints ? { metricPoints } : {}),
      onProgress: (m) => process.stderr.write(`seed: ${m}\n`),
    });
    results.push(result);
    if (!values.json) {
      const phases = Object.entries(result.phases)
        .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
        .join(', ');
      process.stderr.write(
        `seed: ${name} → service ${JSON.stringify(result.service)}, ${result.nodes.length} nodes, ${result.metricPoints} points, ${result.logDocuments} log documents in ${(result.durationMs / 1000).toFixed(1)} s (${phases})\n`,
      );
    }
  }
  if (values.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  return 0;
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    if (error instanceof CalvinError) {
      process.stderr.write(`seed: ${error.message}${error.hint ? ` (${error.hint})` : ''}\n`);
      if (process.env.CALVIN_DEBUG === '1')
        process.stderr.write(
          `${error.stack ?? ''}\ncause: ${error.cause instanceof Error ? error.cause.stack : String(error.cause)}\n`,
        );
    } else process.stderr.write(`seed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  })
  .finally(() => closeElasticClients());
