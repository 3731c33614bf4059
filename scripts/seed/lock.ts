/**
 * One seeding of a scenario at a time: a lock directory per scenario (mkdir is atomic), with the
 * owner's pid inside so a lock left by a dead process is taken over.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CalvinError } from '../../src/errors.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function withScenarioLock<T>(
  dir: string,
  key: string,
  work: () => Promise<T>,
  waitMs = 20 * 60_000,
): Promise<T> {
  fs.mkdirSync(dir, { recursive: true });
  const lock = path.join(dir, `${encodeURIComponent(key)}.lock`);
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(fs.readFileSync(path.join(lock, 'pid'), { encoding: 'utf8', flag: 'a+' }).trim());
      if (owner > 0 && !alive(owner)) {
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline)
        throw new CalvinError(
          'LOCKED',
          `scenario "${key}" is being seeded by process ${owner || '?'}`,
          `wait for it, or remove ${lock} if that process is gone`,
        );
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
