/** Alert runbooks may live in a markdown file (`runbook.file`, relative to the root): read it in. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AlertDef } from '../define/types.js';
import { CalvinError } from '../errors.js';

export async function resolveRunbook(root: string, alert: AlertDef, file: string): Promise<AlertDef> {
  const runbookFile = alert.runbook.file;
  if (runbookFile === undefined) return alert;
  const absolute = path.resolve(root, runbookFile);
  const relative = path.relative(path.resolve(root), absolute);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new CalvinError(
      'BAD_DEFINITION',
      `${file}: alert "${alert.id}" runbook file ${runbookFile} is outside the root`,
      'keep runbooks inside the project, e.g. alerts/runbooks/<id>.md',
    );
  }
  let markdown: string;
  try {
    markdown = await readFile(absolute, 'utf8');
  } catch {
    throw new CalvinError(
      'BAD_DEFINITION',
      `${file}: alert "${alert.id}" runbook file ${runbookFile} cannot be read`,
      'runbook.file is relative to the root; create the file or fix the path',
    );
  }
  return { ...alert, runbook: { ...alert.runbook, markdown } };
}
