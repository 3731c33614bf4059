/**
 * Known issues, elastic-recheck style: a signature (message regex + optional field values) kept in
 * `known-issues/*.yaml`, a title and a runbook. Loading reads local files; matching is pure.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CalvinError } from '../errors.js';
import { cachedParse, storeParsed } from '../load/parsed-cache.js';
import type { KnownIssue } from './collected.js';
import type { ErrorPattern } from './log-analysis.js';

/** Parsed signature files are cached by text: a warm diagnosis does not load the yaml package. */
const CACHE_KIND = 'known-issue';

const FIELDS = new Set(['error.type', 'service.name', 'process.name', 'host.name']);

/** Validates one parsed signature file; throws BAD_DEFINITION naming the file. */
export function parseKnownIssue(raw: unknown, file: string): KnownIssue {
  const bad = (what: string): CalvinError =>
    new CalvinError(
      'BAD_DEFINITION',
      `${file}: ${what}`,
      'a known issue has id, title, runbook and query.message (a regular expression), optionally query.fields ' +
        'and services',
    );
  if (typeof raw !== 'object' || raw === null) throw bad('not a mapping');
  const r = raw as Record<string, unknown>;
  const str = (k: string): string => {
    const v = r[k];
    if (typeof v !== 'string' || v.trim() === '') throw bad(`missing ${k}`);
    return v;
  };
  const query = r.query as Record<string, unknown> | undefined;
  if (!query || typeof query.message !== 'string') throw bad('missing query.message');
  try {
    new RegExp(query.message, 'i');
  } catch {
    throw bad(`query.message is not a valid regular expression: ${query.message}`);
  }
  const fields = query.fields as Record<string, unknown> | undefined;
  if (fields !== undefined) {
    if (typeof fields !== 'object' || fields === null) throw bad('query.fields must be a mapping');
    for (const [k, v] of Object.entries(fields)) {
      if (!FIELDS.has(k)) throw bad(`query.fields.${k} is not one of ${[...FIELDS].join(', ')}`);
      if (typeof v !== 'string') throw bad(`query.fields.${k} must be a string`);
    }
  }
  const services = r.services;
  if (services !== undefined && (!Array.isArray(services) || services.some((s) => typeof s !== 'string')))
    throw bad('services must be a list of Consul service names');
  return {
    id: str('id'),
    title: str('title'),
    runbook: str('runbook'),
    pattern: query.message,
    ...(fields ? { fields: fields as Record<string, string> } : {}),
    ...(services ? { services: services as string[] } : {}),
  };
}

/** Every `*.yaml`/`*.yml` of the folder; a missing folder means no known issues. */
export async function loadKnownIssues(dir: string): Promise<KnownIssue[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const issues: KnownIssue[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const text = await readFile(file, 'utf8');
    const cached = cachedParse(CACHE_KIND, text);
    if (cached !== undefined) {
      issues.push(parseKnownIssue(cached, file));
      continue;
    }
    let raw: unknown;
    try {
      const { parse } = await import('yaml');
      raw = parse(text);
    } catch (error) {
      throw new CalvinError(
        'BAD_DEFINITION',
        `${file}: not valid YAML (${(error as Error).message.split('\n')[0]})`,
        'fix the YAML syntax',
      );
    }
    issues.push(parseKnownIssue(raw, file));
    void storeParsed(CACHE_KIND, text, raw);
  }
  return issues;
}

/**
 * Known issues whose signature matches errors of the window. `counts` are the cluster's exact counts
 * of a signature (collect); a signature without one is tested on the messages the patterns hold.
 */
export function matchKnownIssues(
  issues: KnownIssue[],
  patterns: ErrorPattern[],
  service: string,
  counts: Record<string, number> = {},
): { id: string; title: string; runbook: string; matches: number }[] {
  const found: { id: string; title: string; runbook: string; matches: number }[] = [];
  for (const issue of issues) {
    if (issue.services && !issue.services.includes(service)) continue;
    const exact = counts[issue.id];
    if (exact !== undefined) {
      if (exact > 0) found.push({ id: issue.id, title: issue.title, runbook: issue.runbook, matches: exact });
      continue;
    }
    const re = new RegExp(issue.pattern, 'i');
    let matches = 0;
    for (const p of patterns) {
      for (const m of p.messages) {
        if (!re.test(m.message)) continue;
        if (!fieldsMatch(issue.fields, m)) continue;
        matches += m.count;
      }
    }
    if (matches > 0) found.push({ id: issue.id, title: issue.title, runbook: issue.runbook, matches });
  }
  // A signature written for this very service beats a generic one.
  const specific = new Set(issues.filter((i) => i.services?.includes(service)).map((i) => i.id));
  return found.sort(
    (a, b) =>
      Number(specific.has(b.id)) - Number(specific.has(a.id)) || b.matches - a.matches || a.id.localeCompare(b.id),
  );
}

function fieldsMatch(fields: Record<string, string> | undefined, m: ErrorPattern['messages'][number]): boolean {
  if (!fields) return true;
  return Object.entries(fields).every(([k, v]) => {
    if (k === 'error.type') return m.errorTypes.includes(v);
    if (k === 'service.name') return m.services.includes(v);
    if (k === 'process.name') return m.processes.includes(v);
    if (k === 'host.name') return m.hosts.some((h) => h.name === v);
    return false;
  });
}
