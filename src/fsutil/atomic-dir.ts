/**
 * Replaces a whole output directory at once: files are written into a temp dir beside it, then the
 * old directory is renamed away, the new one renamed in, and the old one removed. A failure while
 * writing leaves the previous output untouched; there is never a half-written output folder.
 */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface DirEntry {
  /** Relative POSIX path inside the directory. */
  path: string;
  content: string | Uint8Array;
}

/** Rejects absolute paths and `..` so that no entry escapes the directory. */
export function safeRelativePath(relative: string): string {
  const normalised = path.posix.normalize(relative);
  if (relative === '' || path.posix.isAbsolute(relative) || path.win32.isAbsolute(relative) || normalised.split('/').includes('..') || normalised.includes('\0')) {
    throw new Error(`refusing to write outside the output directory: ${JSON.stringify(relative)}`);
  }
  return normalised;
}

async function exists(target: string): Promise<boolean> {
  return lstat(target).then(
    () => true,
    () => false,
  );
}

export async function writeDirAtomic(dir: string, entries: readonly DirEntry[]): Promise<void> {
  const target = path.resolve(dir);
  const parent = path.dirname(target);
  await mkdir(parent, { recursive: true });
  const suffix = randomBytes(6).toString('hex');
  const staging = path.join(parent, `.${path.basename(target)}.new-${suffix}`);
  const retired = path.join(parent, `.${path.basename(target)}.old-${suffix}`);
  try {
    await mkdir(staging);
    const created = new Set<string>();
    for (const entry of entries) {
      const file = path.join(staging, safeRelativePath(entry.path));
      const folder = path.dirname(file);
      if (!created.has(folder)) {
        await mkdir(folder, { recursive: true });
        created.add(folder);
      }
      await writeFile(file, entry.content, { flag: 'wx' });
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  const hadPrevious = await exists(target);
  if (hadPrevious) await rename(target, retired);
  try {
    await rename(staging, target);
  } catch (error) {
    if (hadPrevious) await rename(retired, target);
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  if (hadPrevious) await rm(retired, { recursive: true, force: true });
}
