#!/usr/bin/env node
// Makes sure Debian's `chromium` is installed (browser tests drive it with playwright-core; no browser
// download). Prints the executable's path. Installs with apt-get when missing and we are root.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function chromiumPath() {
  if (process.env.CALVIN_CHROMIUM && fs.existsSync(process.env.CALVIN_CHROMIUM)) return process.env.CALVIN_CHROMIUM;
  return CANDIDATES.find((p) => fs.existsSync(p));
}

export function ensureChromium() {
  const found = chromiumPath();
  if (found) return found;
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error('chromium is not installed: run `sudo apt-get install chromium` (browser tests need it)');
  }
  process.stderr.write('== installing Debian chromium for the browser tests (apt-get)\n');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  const installed = chromiumPath();
  if (!installed) throw new Error('apt-get installed chromium but no executable was found in /usr/bin');
  return installed;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    process.stdout.write(`${ensureChromium()}\n`);
  } catch (error) {
    process.stderr.write(`ensure-chromium: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
}
