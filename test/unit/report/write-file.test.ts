import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../src/report/write-file.js';

describe('writeFileAtomic', () => {
  it('replaces the file in one step and leaves no temp file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'calvin-report-'));
    const file = path.join(dir, 'report.html');
    writeFileSync(file, 'old');
    await writeFileAtomic(file, '<html>new</html>');
    expect(readFileSync(file, 'utf8')).toBe('<html>new</html>');
    expect(readdirSync(dir)).toEqual(['report.html']);
  });

  it('fails with one clear line when the folder does not exist', async () => {
    await expect(writeFileAtomic('/nonexistent-calvin-dir/x.md', 'x')).rejects.toThrow(
      /cannot write \/nonexistent-calvin-dir\/x\.md \(ENOENT\)/,
    );
  });
});
