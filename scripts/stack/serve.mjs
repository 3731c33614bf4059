// `calvin serve` beside the stack for the demo: started as a recorded daemon on 127.0.0.1:18080,
// stopped by `stack down` (and `stack stop serve`). Its token is kept in the stack folder.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { httppostEndpoint } from './kapacitor-conf.mjs';
import { dirs, repoRoot } from './paths.mjs';
import { forgetPid, ownedPid, startDaemon, stopPid } from './procs.mjs';
import { ensureDir, sleep } from './util.mjs';

export const SERVE_URL = 'http://127.0.0.1:18080';
const cli = path.join(repoRoot, 'bin', 'calvin.js');

/** The demo token: made once, kept in <stack>/run/serve.token (mode 600). */
export function serveToken() {
  const file = path.join(dirs.run, 'serve.token');
  ensureDir(dirs.run);
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(24).toString('hex'), { mode: 0o600 });
  return fs.readFileSync(file, 'utf8').trim();
}

/**
 * Kapacitor's `[[httppost]]` endpoint "calvin": the `calvin()` alert handler names it, and Kapacitor
 * posts with this url and header. The token lives here, in the stack folder, never in a script.
 */
export function kapacitorServeEndpoint() {
  return httppostEndpoint('calvin', `${SERVE_URL}/api/v1/alerts/kapacitor`, serveToken());
}

export async function startServe() {
  if (ownedPid('serve', cli) !== undefined) return;
  startDaemon(
    'serve',
    process.execPath,
    [cli, 'serve', '--port', '18080', '--spool', path.join(dirs.data, 'serve-spool')],
    {
      logFile: path.join(dirs.logs, 'serve.log'),
      env: { CONSUL_HTTP_ADDR: '127.0.0.1:18500', CALVIN_SERVE_TOKEN: serveToken(), CALVIN_SERVE_URL: SERVE_URL },
      cwd: repoRoot,
    },
  );
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${SERVE_URL}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`calvin serve did not answer at ${SERVE_URL}; see ${path.join(dirs.logs, 'serve.log')}`);
}

export async function stopServe() {
  const pid = ownedPid('serve', cli);
  if (pid !== undefined) await stopPid(pid);
  forgetPid('serve');
}
