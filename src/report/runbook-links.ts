/**
 * Runbook links of a report written to a file: a runbook URL that names `runbooks/<id>.md` points at
 * that file in the project, relative to the report, when the file exists (a dead URL helps no one).
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnosis } from '../diagnose/types.js';
import { linkedRunbookName } from '../define/runbook-ref.js';

/** URL → `runbooks/<file>.md` (relative to the project root) for every runbook URL of the diagnosis. Pure. */
export function runbookFileCandidates(diagnosis: Diagnosis): Map<string, string> {
  const urls = [...diagnosis.runbooks.map((r) => r.url), ...diagnosis.knownIssues.map((k) => k.runbook)];
  const out = new Map<string, string>();
  for (const url of urls) {
    const name = linkedRunbookName(url);
    if (name) out.set(url, `runbooks/${name}.md`);
  }
  return out;
}

/** The links to use in a report written to `reportFile`, for the runbook files found under `root`. */
export async function localRunbookLinks(
  diagnosis: Diagnosis,
  root: string,
  reportFile: string,
): Promise<Record<string, string>> {
  const links: Record<string, string> = {};
  const from = path.dirname(path.resolve(reportFile));
  for (const [url, file] of runbookFileCandidates(diagnosis)) {
    const target = path.resolve(root, file);
    const found = await access(target).then(
      () => true,
      () => false,
    );
    if (found) links[url] = path.relative(from, target).split(path.sep).join('/');
  }
  return links;
}
