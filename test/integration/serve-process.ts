/** `calvin serve` as a real process (bin/calvin.js) on the stack, with its JSON log lines collected. */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CONSUL } from './diagnose-helpers.js';
import { TOKEN, eventually } from './serve-helpers.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');

export interface ServeProcess {
  child: ChildProcess;
  events: Record<string, unknown>[];
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  /** The URL it listens on, once it logged `listening`. */
  url(): Promise<string>;
}

export async function spawnServe(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ServeProcess> {
  const spool = await mkdtemp(path.join(os.tmpdir(), 'calvin-serve-proc-'));
  const child = spawn(
    process.execPath,
    [path.join(repoRoot, 'bin/calvin.js'), 'serve', '--port', '0', '--spool', spool, ...args],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        CONSUL_HTTP_ADDR: CONSUL,
        CALVIN_SERVE_TOKEN: TOKEN,
        ELASTICSEARCH_URL: 'http://127.0.0.1:19200',
        NO_COLOR: '1',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const events: Record<string, unknown>[] = [];
  let buffer = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) events.push(JSON.parse(line) as Record<string, unknown>);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return {
    child,
    events,
    exited,
    url: () => eventually(async () => events.find((e) => e.event === 'listening')?.url as string, 'serve listening'),
  };
}
