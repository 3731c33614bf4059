/** Who deploys and from which commit: git when available, else the environment. */
import { execFileSync } from 'node:child_process';

function git(args: string[], cwd: string): string | undefined {
  try {
    const out = execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'ignore'], timeout: 3_000 })
      .toString()
      .trim();
    return out || undefined;
  } catch {
    return undefined;
  }
}

export function currentCommit(cwd: string): string {
  return git(['rev-parse', 'HEAD'], cwd) ?? 'unknown';
}

export function currentUser(cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.USER ?? env.USERNAME ?? git(['config', 'user.name'], cwd) ?? 'unknown';
}
