/** Writes a file so that readers see the old content or the new one, never a half-written file. */
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export async function writeFileAtomic(
  file: string,
  content: string | Uint8Array,
  options: { exclusive?: boolean } = {},
): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, content, { flag: 'wx' });
    if (options.exclusive) {
      // link(2) fails if the target exists: no overwrite even when two writers race.
      const { link } = await import('node:fs/promises');
      await link(temp, file);
      await rm(temp, { force: true });
    } else {
      await rename(temp, file);
    }
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * The same, synchronously: for writers that must finish before the next step (backups before a
 * write, a code cache written as the process exits). `mode` is the new file's (default 0666 less umask).
 */
export function writeFileAtomicSync(file: string, content: string | Uint8Array, options: { mode?: number } = {}): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, content, { flag: 'wx', ...(options.mode === undefined ? {} : { mode: options.mode }) });
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
