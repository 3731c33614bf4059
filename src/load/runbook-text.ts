/** What `calvin runbook <alert-id>` prints: the runbook markdown, then the diagnose command to run. */
import type { AlertDef, Catalog } from '../define/types.js';
import { CalvinError } from '../errors.js';
import { closest } from './closest.js';
import { terminalSafe } from './list.js';

export interface RunbookView {
  alert: string;
  title: string;
  url: string;
  markdown: string;
  service: string;
  diagnose: string;
}

/** Arguments go through the shell: quote anything that is not a plain word. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_./:@%+=-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function findAlert(catalog: Catalog, id: string): AlertDef {
  const alert = catalog.alerts.find((a) => a.id === id);
  if (alert) return alert;
  const suggestions = closest(
    id,
    catalog.alerts.map((a) => a.id),
  );
  throw new CalvinError(
    'UNKNOWN_ALERT',
    `unknown alert "${terminalSafe(id)}"`,
    suggestions.length > 0
      ? `did you mean ${suggestions.join(', ')}? calvin list --kind alert shows all`
      : 'calvin list --kind alert shows the alert ids',
  );
}

export function runbookView(catalog: Catalog, alertId: string, env?: string): RunbookView {
  const alert = findAlert(catalog, alertId);
  const service = catalog.services.find((s) => s.id === alert.service || s.consulName === alert.service);
  const consulName = service?.consulName ?? alert.service;
  const words = ['calvin', 'diagnose', consulName, ...(env ? ['--env', env] : []), '--since', '1h'];
  return {
    alert: alert.id,
    title: alert.runbook.title,
    url: alert.runbook.url,
    markdown: alert.runbook.markdown,
    service: consulName,
    diagnose: words.map(shellWord).join(' '),
  };
}

export function formatRunbook(view: RunbookView): string {
  const markdown = terminalSafeMarkdown(view.markdown).trimEnd();
  const body =
    markdown === '' ? `# ${terminalSafe(view.title)}\n\n(no runbook text; see ${terminalSafe(view.url)})` : markdown;
  return `${body}\n\n---\nPublished at: ${terminalSafe(view.url)}\nDiagnose now:\n\n  ${terminalSafe(view.diagnose)}\n`;
}

/** Keeps newlines and tabs of the markdown, strips every other control character. */
function terminalSafeMarkdown(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}
