#!/usr/bin/env node
// schemas/versions.lock.json records, for each schema, its version and a hash of its content. A test
// fails when a schema's content changes while its version (the end of its $id) stays the same, so a
// consumer is told of every change of shape. After bumping the version: node scripts/check/schema-lock.mjs --write
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = path.join(root, 'schemas');
const lockFile = path.join(dir, 'versions.lock.json');

function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => k !== '$id')
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export function schemaStates() {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.schema.json'))
    .sort()
    .map((file) => {
      const schema = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
      const version = /:(\d+\.\d+\.\d+)$/.exec(schema.$id ?? '')?.[1];
      const hash = createHash('sha256').update(canonical(schema)).digest('hex');
      return { file, id: schema.$id, version, hash };
    });
}

export function readLock() {
  return fs.existsSync(lockFile) ? JSON.parse(fs.readFileSync(lockFile, 'utf8')) : {};
}

/** Problems: a schema without a versioned $id, or changed content under an unchanged version. */
export function lockProblems(states = schemaStates(), lock = readLock()) {
  const problems = [];
  for (const s of states) {
    if (!s.version) problems.push(`${s.file}: $id must end with :MAJOR.MINOR.PATCH`);
    const locked = lock[s.file];
    if (!locked)
      problems.push(`${s.file}: not in schemas/versions.lock.json (run node scripts/check/schema-lock.mjs --write)`);
    else if (locked.version === s.version && locked.hash !== s.hash) {
      problems.push(`${s.file}: changed without a version bump: raise the version at the end of its $id, then --write`);
    } else if (locked.version !== s.version) {
      problems.push(
        `${s.file}: version ${s.version} is not locked yet (run node scripts/check/schema-lock.mjs --write)`,
      );
    }
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const states = schemaStates();
  if (process.argv.includes('--write')) {
    const lock = readLock();
    const stale = states.filter((s) => lock[s.file]?.version === s.version && lock[s.file]?.hash !== s.hash);
    if (stale.length > 0) {
      for (const s of stale) process.stderr.write(`schema-lock: ${s.file} changed: raise its version first\n`);
      process.exit(1);
    }
    const next = Object.fromEntries(states.map((s) => [s.file, { version: s.version, hash: s.hash }]));
    fs.writeFileSync(lockFile, `${JSON.stringify(next, null, 2)}\n`);
    process.stdout.write(`schema-lock: ${states.length} schemas locked\n`);
  } else {
    const problems = lockProblems(states);
    for (const p of problems) process.stderr.write(`schema-lock: ${p}\n`);
    process.exit(problems.length > 0 ? 1 : 0);
  }
}
