/**
 * Definitions run isolated from calvin (issue 12) and load without patching Node's module resolution
 * for the whole process (issue 13): output captured, process.exit refused, top-level await working.
 */
import Module, { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isCalvinError } from '../../../src/errors.js';
import { loadCatalog } from '../../../src/load/index.js';
import { formatDefinitionOutput } from '../../../src/load/definition-output.js';
import { SERVICE_TS, tempRoot, type TempRoot } from './fixture-roots.js';

const roots: TempRoot[] = [];
function project(): TempRoot {
  const created = tempRoot();
  roots.push(created);
  return created;
}
afterEach(() => {
  for (const root of roots.splice(0)) root.remove();
  vi.restoreAllMocks();
});

async function oneLine(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isCalvinError(error)) throw new Error(`expected a CalvinError, got ${String(error)}`);
  return error.oneLine();
}

describe('definitions run isolated', () => {
  it('console.log in a definition never reaches stdout: it is handed back as definition output', async () => {
    const p = project();
    p.write('services/a.ts', `console.log('hello from a');\nconsole.error('\\u001b[2Jwarn');\n${SERVICE_TS('a')}`);
    const stdout = vi.spyOn(process.stdout, 'write');
    const output: string[] = [];
    const catalog = await loadCatalog(p.root, { onOutput: (text) => output.push(text) });
    expect(catalog.services.map((s) => s.id)).toEqual(['a']);
    expect(output.join('')).toBe('hello from a\n\u001b[2Jwarn\n');
    expect(stdout).not.toHaveBeenCalled();
    expect(formatDefinitionOutput(output.join(''))).toBe(
      'definition output: hello from a\ndefinition output: \\x1b[2Jwarn\n',
    );
  });

  it('process.exit inside a definition is an error naming the file, and calvin goes on', async () => {
    const p = project();
    p.write('services/a.ts', SERVICE_TS('a'));
    p.write('services/b.ts', `process.exit(0);\n${SERVICE_TS('b')}`);
    expect(await oneLine(loadCatalog(p.root, { onOutput: () => undefined }))).toBe(
      'services/b.ts: calls process.exit(0) while loading (a definition must not end calvin: throw an Error instead)',
    );
    expect(process.exitCode ?? 0).toBe(0);
  });

  it('top-level await works in a .ts definition of a project that is not "type": "module"', async () => {
    const p = project();
    p.write(
      'services/a.ts',
      `const id = await Promise.resolve('awaited');\n${SERVICE_TS('x').replace("id: 'x'", 'id')}`,
    );
    p.write('services/b.ts', `import { later } from './_helper';\n${SERVICE_TS('x').replace("id: 'x'", 'id: later')}`);
    p.write(
      'services/_helper.ts',
      `export const later = await new Promise((r) => setTimeout(() => r('helper'), 5));\n`,
    );
    expect((await loadCatalog(p.root)).services.map((s) => s.id)).toEqual(['awaited', 'helper']);
  });

  it('a definition that is not plain data (a function inside) is named, not a crash', async () => {
    const p = project();
    p.write('services/a.ts', SERVICE_TS('a').replace("owner: 'team-infra'", "owner: (() => 'x') as never"));
    expect(await oneLine(loadCatalog(p.root))).toMatch(/^services\/a\.ts: exports something that is not plain data: /);
  });
});

describe('definitions load without patching Node for the whole process', () => {
  it('leaves Module._resolveFilename and the .ts extension handler untouched', async () => {
    const internals = Module as unknown as { _resolveFilename: unknown; _extensions: Record<string, unknown> };
    const before = internals._resolveFilename;
    const p = project();
    p.write('services/a.ts', SERVICE_TS('a'));
    p.write(
      'services/b.js',
      `const { SYSTEM_DATABASE } = require('calvin');\nmodule.exports = ${JSON.stringify({ kind: 'service', id: 'b', consulName: 'b', title: 'b', aliases: [], owner: 'o', metrics: { database: 'system', measurements: [], tagFilters: {}, signals: [] }, logs: { indexPattern: 'logs-*', serviceNames: [], processNames: [] }, runbooks: [] })};\nif (SYSTEM_DATABASE !== 'system') throw new Error('no calvin');\n`,
    );
    expect((await loadCatalog(p.root)).services.map((s) => s.id)).toEqual(['a', 'b']);
    expect(internals._resolveFilename).toBe(before);
    expect(internals._extensions['.ts']).toBeUndefined();
    // `calvin` does not resolve from a project outside the package: nothing taught Node otherwise.
    expect(() => createRequire(`${p.root}/x.js`).resolve('calvin')).toThrow();
  });
});
