/** Writes scaffold files under the root, refusing to overwrite any of them. */
import { lstat, rm } from 'node:fs/promises';
import path from 'node:path';
import { CalvinError } from '../errors.js';
import { writeFileAtomic } from '../fsutil/index.js';
import type { ScaffoldFile } from './scaffold.js';

export async function writeScaffold(root: string, files: readonly ScaffoldFile[]): Promise<void> {
  for (const file of files) {
    if (
      await lstat(path.join(root, file.path)).then(
        () => true,
        () => false,
      )
    ) {
      throw new CalvinError(
        'BAD_ARGUMENT',
        `${file.path} already exists`,
        'choose another name, or edit the existing file',
      );
    }
  }
  const written: string[] = [];
  try {
    for (const file of files) {
      const target = path.join(root, file.path);
      await writeFileAtomic(target, file.content, { exclusive: true });
      written.push(target);
    }
  } catch (error) {
    // All or nothing: an alert without its runbook file would not load.
    for (const target of written) await rm(target, { force: true });
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new CalvinError('BAD_ARGUMENT', 'a scaffold file appeared while writing', 'run calvin new again');
    throw error;
  }
}
