// Kapacitor has no package on any registry reachable here: it is built from the Go module proxy, once per
// machine, into a cache outside the clone (every clone reuses it). 1.7.6 links libflux (Rust, cgo): the
// build uses influxdata's pkg-config (it runs cargo), RUSTUP_TOOLCHAIN=stable (flux pins a Rust that is
// not installed) and a rustc wrapper that caps lints (flux-core denies warnings newer rustc raises).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { versions } from './paths.mjs';
import { ensureDir, progress, run, StackError, writeIfChanged } from './util.mjs';

const cacheRoot = process.env.XDG_CACHE_HOME
  ? path.join(process.env.XDG_CACHE_HOME, 'calvin')
  : path.join(os.homedir(), '.cache', 'calvin');

export const kapacitorHome = path.join(cacheRoot, `kapacitor-${versions.kapacitor}`);
export const kapacitorBin = path.join(kapacitorHome, 'bin', 'kapacitord');
export const kapacitorCli = path.join(kapacitorHome, 'bin', 'kapacitor');

const PKG_CONFIG_MODULE = 'github.com/influxdata/pkg-config@v0.2.7';

async function requireTool(tool, why) {
  try {
    await run(tool, ['version']);
  } catch {
    throw new StackError(`${tool} is not on PATH: building Kapacitor ${versions.kapacitor} needs it (${why})`);
  }
}

/** `go mod download -json`, then a writable copy of the module folder (the module cache is read-only). */
async function moduleCopy(module, target) {
  const info = JSON.parse(await run('go', ['mod', 'download', '-json', module], { cwd: os.tmpdir() }));
  if (!info.Dir) throw new StackError(`go mod download ${module} gave no folder: ${info.Error ?? ''}`);
  fs.rmSync(target, { recursive: true, force: true });
  fs.cpSync(info.Dir, target, { recursive: true });
  await run('chmod', ['-R', 'u+w', target]);
  return target;
}

/** Builds kapacitord and kapacitor unless the cache has them; safe when two clones try at once. */
export async function ensureKapacitor() {
  if (fs.existsSync(kapacitorBin) && fs.existsSync(kapacitorCli)) return kapacitorBin;
  await requireTool('go', 'Kapacitor is Go');
  await requireTool('cargo', 'libflux is Rust');
  const t0 = Date.now();
  progress(`building Kapacitor ${versions.kapacitor} into ${kapacitorHome} (once per machine; ~5-15 min cold)`);
  const work = ensureDir(path.join(kapacitorHome, `work-${process.pid}`));
  try {
    const tools = ensureDir(path.join(work, 'tools'));
    const pkgConfigSrc = await moduleCopy(PKG_CONFIG_MODULE, path.join(work, 'pkg-config-src'));
    await run('go', ['build', '-o', path.join(tools, 'pkg-config'), '.'], { cwd: pkgConfigSrc });
    const wrapper = path.join(tools, 'rustc-wrapper');
    writeIfChanged(wrapper, '#!/bin/sh\nexec "$@" --cap-lints warn\n');
    fs.chmodSync(wrapper, 0o755);
    const src = await moduleCopy(`github.com/influxdata/kapacitor@v${versions.kapacitor}`, path.join(work, 'src'));
    const out = ensureDir(path.join(work, 'bin'));
    const ldflags = `-s -w -X main.version=${versions.kapacitor}`;
    await run('go', ['build', '-ldflags', ldflags, '-o', `${out}/`, './cmd/kapacitord', './cmd/kapacitor'], {
      cwd: src,
      env: {
        ...process.env,
        PKG_CONFIG: path.join(tools, 'pkg-config'),
        RUSTUP_TOOLCHAIN: 'stable',
        RUSTC_WRAPPER: wrapper,
        GOFLAGS: '-buildvcs=false',
      },
    });
    const bin = path.join(kapacitorHome, 'bin');
    if (!fs.existsSync(kapacitorBin)) {
      fs.rmSync(bin, { recursive: true, force: true });
      fs.renameSync(out, bin);
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  progress(`built Kapacitor ${versions.kapacitor} in ${Math.round((Date.now() - t0) / 1000)} s`);
  return kapacitorBin;
}
