/**
 * The CLI itself, spawned sparingly, against hostile backends (a fake Consul, InfluxDB and Grafana on
 * loopback answering escapes, bidi marks, echoed credentials and malformed bodies) and hostile files:
 * build, lint, test, import, diagnose and deploy. Same invariants as the library cases.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  BASIC_PASSWORD,
  BASIC_USER,
  checkInvariants,
  hostileText,
  type MachineFormat,
  type Outcome,
  SECRET,
} from './invariants.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const tsxLoader = path.join(repoRoot, 'node_modules/tsx/dist/esm/index.mjs');
const main = path.join(repoRoot, 'src/cli/main.ts');
/** Hostile strings, the same on every run. */
const H = fc.sample(hostileText, { numRuns: 40, seed: 42 }).filter((s) => s.length > 0);
const pick = (i: number): string => H[i % H.length] as string;
const ESCAPES = '\u001b[2J\u001b]0;pwned\u0007FAKE: all healthy\u202e';

let dir = '';
const servers: Server[] = [];
let consulUrl = '';
let backendUrl = '';

/** Echoes what a careless proxy echoes: the request's credentials, inside an escape-laden body. */
function echo(req: IncomingMessage): string {
  return `${ESCAPES} auth=${req.headers.authorization ?? ''} token=${req.headers['x-consul-token'] ?? ''} ${pick(3)}`;
}

async function listen(handler: (req: IncomingMessage) => { status: number; body: unknown }): Promise<string> {
  const server = createServer((req, res) => {
    const { status, body } = handler(req);
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'calvin-hostile-cli-'));
  consulUrl = await listen((req) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/v1/agent/self') return { status: 200, body: { Config: { Datacenter: `dc${pick(1)}` } } };
    if (url.pathname === '/v1/catalog/services')
      return { status: 200, body: { artefacts: [], [pick(2)]: [], [`x${ESCAPES}`]: [], broken: [] } };
    if (url.pathname === '/v1/health/service/artefacts')
      return {
        status: 200,
        body: [
          {
            Node: { Node: `nexus-${pick(4)}`, Address: '10.0.0.1' },
            Service: { ID: `nexus_${pick(5)}`, Service: 'artefacts' },
            Checks: [{ CheckID: 'c', Name: pick(6), Status: 'critical', Output: echo(req) }],
          },
        ],
      };
    if (url.pathname === '/v1/health/service/broken') return { status: 200, body: { not: 'a list' } };
    if (url.pathname.startsWith('/v1/health/service/')) return { status: 400, body: echo(req) };
    if (url.pathname.startsWith('/v1/catalog/service/')) return { status: 200, body: [] };
    return { status: 500, body: echo(req) };
  });
  backendUrl = await listen((req) => ({ status: 500, body: { error: echo(req), message: echo(req) } }));
}, 60_000);

afterAll(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function calvin(args: string[], cwd = dir): Promise<Outcome> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CONSUL_HTTP_ADDR: consulUrl,
    CONSUL_HTTP_TOKEN: SECRET,
    INFLUX_URL: backendUrl,
    INFLUX_USERNAME: BASIC_USER,
    INFLUX_PASSWORD: BASIC_PASSWORD,
    ELASTICSEARCH_URL: backendUrl,
    GRAFANA_URL: backendUrl,
    GRAFANA_TOKEN: SECRET,
    NO_COLOR: '1',
  };
  delete env.CALVIN_DEBUG;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', tsxLoader, main, ...args],
      { cwd, env, timeout: 90_000, maxBuffer: 64 << 20 },
      (error, stdout, stderr) =>
        resolve({ stdout, stderr, exitCode: error ? (typeof error.code === 'number' ? error.code : -1) : 0 }),
    );
  });
}

describe('hostile inputs through the CLI', () => {
  it('diagnose: hostile Consul names, checks and echoed credentials; unknown service; broken answers', async () => {
    for (const [args, machine] of [
      [['diagnose', 'artefacts', '--json'], 'json'],
      [['diagnose', 'artefacts'], undefined],
      [['--debug', 'diagnose', 'artefacts', '--deadline', '3s'], undefined],
      [['diagnose', 'artefakts'], undefined],
      [['diagnose', 'nexus_', '--json'], 'json'],
      [['diagnose', 'artefacts', '--deadline', '100ms'], undefined],
    ] as const) {
      checkInvariants(await calvin([...args]), { exits: [0, 1, 2, 3], ...(machine ? { machine } : {}) });
    }
  });

  it('lint: hostile files in every machine format, and --live against a backend answering 500', async () => {
    const lintDir = path.join(dir, 'lint');
    await mkdir(lintDir, { recursive: true });
    await writeFile(
      path.join(lintDir, 'd.json'),
      JSON.stringify({
        uid: pick(7),
        title: pick(8),
        panels: [
          {
            id: 1,
            title: pick(9),
            datasource: pick(10),
            targets: [{ rawQuery: true, query: `SELECT x FROM "${pick(11)}"` }],
          },
        ],
      }),
    );
    await writeFile(path.join(lintDir, 'f.conf'), `filter { grok { match => { "message" => "${pick(12)}" } } }\n`);
    await writeFile(path.join(lintDir, 'bin.json'), Buffer.from([0, 0x1b, 0x5b, 0x32, 0x4a, 0xff]));
    await writeFile(path.join(lintDir, 't.json'), `{ "a": "{{ key \\"${pick(13)}\\" }}", `);
    for (const format of ['json', 'sarif', 'junit', 'text', 'github']) {
      const machine = ['json', 'sarif', 'junit'].includes(format) ? { machine: format as MachineFormat } : {};
      checkInvariants(await calvin(['lint', lintDir, '--format', format]), { exits: [0, 1, 2], ...machine });
    }
    checkInvariants(await calvin(['lint', lintDir, '--live', '--format', 'json']), { exits: [2], machine: 'json' });
  });

  it('build and test: definitions with hostile strings and invalid models', async () => {
    const project = path.join(dir, 'project');
    await mkdir(path.join(project, 'alerts'), { recursive: true });
    await mkdir(path.join(project, 'services'), { recursive: true });
    await writeFile(
      path.join(project, 'services', 's.ts'),
      `export default ${JSON.stringify({ kind: 'service', id: 'svc', title: pick(14), owner: pick(15), consulName: pick(16) })};\n`,
    );
    for (const [i, body] of [
      `{ kind: 'alert', id: 'a', service: 'svc', condition: { type: 'threshold', direction: ${JSON.stringify(pick(17))}, crit: 1 } }`,
      `(() => { throw new Error(${JSON.stringify(`${ESCAPES} ${SECRET}`)}); })()`,
    ].entries()) {
      await writeFile(path.join(project, 'alerts', 'a.ts'), `export default ${body};\n`);
      checkInvariants(await calvin(['--root', project, 'build', '--out', path.join(dir, `out${i}`)]), { exits: [2] });
      checkInvariants(await calvin(['--root', project, 'test', '--format', 'json']), {
        exits: [1, 2],
        machine: 'json',
      });
    }
  });

  it('import: hostile Grafana dashboards to stdout, as TypeScript and as JSON', async () => {
    const file = path.join(dir, 'import.json');
    await writeFile(
      file,
      JSON.stringify({
        uid: 'h',
        title: pick(18),
        panels: [
          {
            id: 1,
            type: 'graph',
            title: `${pick(19)} ${SECRET}`,
            targets: [{ refId: 'A', rawQuery: true, query: pick(20) }],
          },
        ],
      }),
    );
    checkInvariants(await calvin(['--root', dir, 'import', 'grafana', file, '--stdout']), { exits: [0, 2] });
    checkInvariants(await calvin(['--root', dir, 'import', 'grafana', file, '--stdout', '--json']), {
      exits: [0, 2],
      machine: 'json',
    });
  });

  it('deploy: a Grafana answering 500 with escapes and the echoed token', async () => {
    for (const json of [true, false]) {
      const args = [
        '--root',
        repoRoot,
        'deploy',
        '--env',
        'test',
        '--plan',
        '--target',
        'grafana',
        ...(json ? ['--json'] : []),
      ];
      checkInvariants(await calvin(args, repoRoot), {
        exits: [0, 1, 2],
        ...(json ? { machine: 'json' as const } : {}),
      });
    }
  });
});
