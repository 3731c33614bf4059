/** The docs, README, examples and help text stand alone: they name no file a user of the package or
 * a clone of the repository does not have (the design notes and the corpus live beside the checkout). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const OUTSIDE = [/\.\.\/shared\b/, /\bDESIGN\.md\b/, /\bSTYLE\.md\b/, /calvinverse-corpus/];

describe('docs and help name nothing outside the package or repository', () => {
  // Help text and error hints live in src/ (commander descriptions, CalvinError hints).
  const files = globSync(['README.md', 'docs/**/*', 'examples/**/*', 'src/**/*.ts', 'bin/**/*', 'schemas/**/*'], {
    cwd: repoRoot,
  });

  it('reads the README, docs, examples and sources', () => {
    expect(files).toContain('README.md');
    expect(files.some((f) => f.startsWith('docs/'))).toBe(true);
    expect(files.some((f) => f.startsWith('src/cli/'))).toBe(true);
  });

  it('finds no reference to ../shared, the design notes or the corpus', () => {
    const hits: string[] = [];
    for (const file of files) {
      if (/\.(png|jpe?g|gif|svg)$/i.test(file)) continue;
      readFileSync(path.join(repoRoot, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (OUTSIDE.some((re) => re.test(line))) hits.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(hits).toEqual([]);
  });
});
