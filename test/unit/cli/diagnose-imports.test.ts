/**
 * `calvin diagnose` loads only what a diagnosis uses (issue 14). The modules a CLI run can evaluate
 * are the import graph of the CLI's entry, following static imports and `import()` alike, except the
 * actions of the other commands and the few imports made only on a condition (listed below, with
 * why). None of them may be a renderer, a linter, the server, deploy, the Logstash evaluator, esbuild
 * or the Elasticsearch client. Type-only imports are erased by the compiler and do not count.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../src');

/** Specifiers a module evaluates on import: `import x from`, `import 'x'`, `export … from`, not `import type`. */
function staticImports(source: string): string[] {
  const patterns = [
    /^\s*import\s+(?!type\s)[^'";]*?\sfrom\s+'([^']+)'/gm,
    /^\s*import\s+'([^']+)'/gm,
    /^\s*export\s+(?!type\s)[^'";]*?\sfrom\s+'([^']+)'/gm,
  ];
  return patterns.flatMap((re) => [...source.matchAll(re)].map((m) => m[1] as string));
}

/** `import('x')` calls, not `import('x')` types (after `typeof`, `<`, `:` or `|`). */
const dynamicImports = (source: string): string[] =>
  [...source.matchAll(/(?<!typeof\s+|[<:|]\s*)\bimport\(\s*'([^']+)'\s*\)/g)].map((m) => m[1] as string);

const fileOf = (from: string, specifier: string): string =>
  path.resolve(path.dirname(from), specifier).replace(/\.js$/, '.ts');

/** `import()`s a diagnose run does not make: module → specifiers, each for the reason given. */
const CONDITIONAL: Record<string, string[]> = {
  'cli/run-cli.ts': ['../backends/trace.js'], // only with --debug
  'cli/launch.ts': ['./run-cli.js'], // only when the code-cached bundle cannot run
  'load/definition-bundle.ts': ['esbuild'], // only when the bundle cache misses
  'load/bundle-plugin.ts': ['esbuild'], // idem
  'config-file.ts': ['./load/definition-bundle.js', './load/definition-worker.js', 'yaml'], // a .ts or .yaml config
};

/** Every module (src-relative path, or package name) a run starting at `entry` can evaluate. */
function diagnoseGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    const key = path.relative(SRC, file);
    if (seen.has(key)) continue;
    seen.add(key);
    const source = readFileSync(file, 'utf8');
    // Other commands' actions never run in a diagnose run: only their registration (static imports) does.
    const otherCommand = key.startsWith('cli/commands/') && key !== 'cli/commands/diagnose.ts';
    const dynamic = otherCommand ? [] : dynamicImports(source).filter((s) => !CONDITIONAL[key]?.includes(s));
    for (const specifier of [...staticImports(source), ...dynamic]) {
      if (specifier.startsWith('.')) queue.push(fileOf(file, specifier));
      else if (!specifier.startsWith('node:')) seen.add(`package:${specifier}`);
    }
  }
  return seen;
}

const FORBIDDEN = [
  /^render\//,
  /^lint\//,
  /^serve\//,
  /^deploy\//,
  /^logstash\//,
  /^lang\/tickscript\//,
  /^package:esbuild$/,
  /^package:@elastic\/elasticsearch$/,
  /^package:express$/,
  /^package:handlebars$/,
  /^package:ajv$/,
];

describe('the import graph of calvin diagnose', () => {
  it('holds the diagnosis, the loader and the report, and nothing of render, lint, serve, deploy or esbuild', () => {
    const graph = diagnoseGraph(path.join(SRC, 'cli/main.ts'));
    expect(graph.has('cli/run-cli.ts')).toBe(true);
    expect(graph.has('diagnose/run.ts')).toBe(true);
    expect(graph.has('load/load-catalog.ts')).toBe(true);
    expect(graph.has('backends/es-http.ts')).toBe(true);
    expect(graph.has('config-file.ts')).toBe(true);
    expect([...graph].filter((m) => FORBIDDEN.some((re) => re.test(m))).sort()).toEqual([]);
  });

  it('the scanner sees through multi-line imports and skips type-only ones', () => {
    const source = "import type { A } from './a.js';\nimport {\n  b,\n  type C,\n} from './b.js';\nimport './c.js';\n";
    expect(staticImports(source).sort()).toEqual(['./b.js', './c.js']);
    const dynamic = "type M = typeof import('./m.js');\nlet c: import('./t.js').C;\nawait import('./d.js');\n";
    expect(dynamicImports(dynamic)).toEqual(['./d.js']);
  });
});
