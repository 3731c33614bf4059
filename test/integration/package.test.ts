/**
 * The npm package stands alone: pack it, install the tarball in an empty folder, and run the commands
 * the README documents from there, against the local stack. Every machine output validates against
 * the schemas the package ships (node_modules/calvin/schemas), not the repository's.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaValidator } from '../helpers/schemas.js';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../..');
const CONSUL = '127.0.0.1:18500';

let work: string;
let validate: ReturnType<typeof schemaValidator>;

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

async function calvin(args: string[], env: Record<string, string> = {}): Promise<Ran> {
  const bin = path.join(work, 'node_modules', '.bin', 'calvin');
  try {
    const { stdout, stderr } = await run(bin, args, {
      cwd: work,
      env: { ...process.env, NO_COLOR: '1', CONSUL_HTTP_ADDR: CONSUL, ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'calvin-package-'));
  // dist/ is compiled by npm test before the tests run; pack what a publish would publish.
  if (!existsSync(path.join(repoRoot, 'dist', 'cli', 'calvin.cjs')))
    await run('npm', ['run', 'build:ts'], { cwd: repoRoot });
  await run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], { cwd: repoRoot });
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack made no tarball');
  await run('npm', ['init', '-y'], { cwd: work });
  await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', path.join(work, tarball)], { cwd: work });
  validate = schemaValidator(path.join(work, 'node_modules', 'calvin', 'schemas'));
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the installed package, used as the README documents', () => {
  it('ships the CLI, the schemas and the examples, and nothing of the repository around it', () => {
    const pkg = path.join(work, 'node_modules', 'calvin');
    for (const f of ['bin/calvin.js', 'dist/index.js', 'schemas/diagnosis.schema.json', 'examples/README.md']) {
      expect(existsSync(path.join(pkg, f)), f).toBe(true);
    }
    expect(existsSync(path.join(pkg, 'test'))).toBe(false);
    expect(existsSync(path.join(pkg, 'src'))).toBe(false);
  });

  it('calvin --help and --version', async () => {
    const help = await calvin(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/diagnose/);
    expect((await calvin(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('calvin new scaffolds a service, a dashboard, an alert and a log filter; list shows them', async () => {
    expect((await calvin(['new', 'service', 'widget'])).code).toBe(0);
    expect((await calvin(['new', 'dashboard', 'widget-overview', '--service', 'widget'])).code).toBe(0);
    expect((await calvin(['new', 'alert', 'widget-disk-full', '--service', 'widget'])).code).toBe(0);
    expect((await calvin(['new', 'log-filter', 'widget-log', '--service', 'widget'])).code).toBe(0);
    const list = await calvin(['list', '--json']);
    expect(list.code, list.stderr).toBe(0);
    const ids = (JSON.parse(list.stdout) as { id: string }[]).map((r) => r.id).sort();
    expect(ids).toEqual(['widget', 'widget-disk-full', 'widget-log', 'widget-overview']);
  });

  it('calvin build --out out/ writes every target', async () => {
    const built = await calvin(['build', '--out', 'out', '--json']);
    expect(built.code, built.stderr).toBe(0);
    for (const target of ['grafana', 'chronograf', 'kapacitor', 'logstash']) {
      expect(existsSync(path.join(work, 'out', target)), target).toBe(true);
    }
  });

  it('calvin test --format json validates against test-report', async () => {
    const tested = await calvin(['test', '--format', 'json']);
    expect([0, 1]).toContain(tested.code);
    expect(validate('test-report', JSON.parse(tested.stdout))).toEqual([]);
  });

  it('calvin lint --format json, of the definitions and of the shipped examples, validates against lint-report', async () => {
    const own = await calvin(['lint', '--format', 'json']);
    expect([0, 1]).toContain(own.code);
    expect(validate('lint-report', JSON.parse(own.stdout))).toEqual([]);
    const examples = await calvin(['lint', 'node_modules/calvin/examples', '--format', 'json']);
    expect(examples.code).toBe(1);
    const report = JSON.parse(examples.stdout) as { messages: unknown[] }[];
    expect(validate('lint-report', report)).toEqual([]);
    expect(report.flatMap((r) => r.messages).length).toBeGreaterThan(5);
  });

  it('calvin runbook and calvin import grafana', async () => {
    const runbook = await calvin(['runbook', 'widget-disk-full']);
    expect(runbook.code, runbook.stderr).toBe(0);
    expect(runbook.stdout).toMatch(/calvin diagnose/);
    const imported = await calvin([
      'import',
      'grafana',
      'node_modules/calvin/examples/grafana/host-overview.json',
      '--out',
      'dashboards/imported',
    ]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(readdirSync(path.join(work, 'dashboards', 'imported')).some((f) => f.endsWith('.ts'))).toBe(true);
  });

  it('calvin deploy --plan --json against the stack validates against deploy-plan', async () => {
    const plan = await calvin(['deploy', '--env', 'test', '--plan', '--json', '--target', 'elasticsearch']);
    expect(plan.code, plan.stderr).toBe(0);
    expect(validate('deploy-plan', JSON.parse(plan.stdout))).toEqual([]);
  });

  it('calvin diagnose consul --json against the stack validates against diagnosis', async () => {
    const diagnosed = await calvin(['diagnose', 'consul', '--json']);
    expect([0, 1, 3], diagnosed.stderr).toContain(diagnosed.code);
    expect(validate('diagnosis', JSON.parse(diagnosed.stdout))).toEqual([]);
  });

  it('calvin status --json against the stack validates against status', async () => {
    const status = await calvin(['status', '--json']);
    expect([0, 1, 3], status.stderr).toContain(status.code);
    const parsed = JSON.parse(status.stdout) as { services: unknown[] };
    expect(validate('status', parsed)).toEqual([]);
    expect(parsed.services.length).toBeGreaterThan(0);
  });

  it('bad input gets one line and exit 2, no stack trace', async () => {
    const bad = await calvin(['diagnose', 'no-such-service-anywhere', '--json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});
