/** Writes a report atomically: a temp file beside the target, then a rename (never half-written). */
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CalvinError } from '../errors.js';

export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const target = path.resolve(file);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(temp, content, 'utf8');
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new CalvinError(
      'BAD_ARGUMENT',
      `cannot write ${file} (${code})`,
      'check that the folder exists and is writable',
      { cause: error },
    );
  }
}
