/** Rows for `calvin list`: pure, sorted by kind then id; the table escapes hostile text. */
import type { Definition } from '../define/types.js';

export interface ListRow {
  id: string;
  kind: Definition['kind'];
  file: string;
  title: string;
}

function titleOf(definition: Definition): string {
  switch (definition.kind) {
    case 'service':
    case 'dashboard':
      return definition.title;
    case 'alert':
      return definition.name;
    case 'log-filter':
      return definition.description;
    case 'index-template':
      return definition.name;
  }
}

const KIND_ORDER: Definition['kind'][] = ['service', 'dashboard', 'alert', 'log-filter', 'index-template'];

export function listRows(definitions: readonly Definition[]): ListRow[] {
  return definitions
    .map((d) => ({ id: d.id, kind: d.kind, file: d.source?.file ?? '', title: titleOf(d) }))
    .sort(
      (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
}

/** Control characters (terminal escapes) never reach the terminal. */
export function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

export function formatListTable(rows: readonly ListRow[]): string {
  if (rows.length === 0) return 'No definitions found.\n';
  const header: ListRow = { id: 'ID', kind: 'KIND' as Definition['kind'], file: 'FILE', title: 'TITLE' };
  const all = [header, ...rows].map((r) => ({
    id: terminalSafe(r.id),
    kind: terminalSafe(r.kind),
    file: terminalSafe(r.file),
    title: terminalSafe(r.title),
  }));
  const idWidth = Math.max(...all.map((r) => r.id.length));
  const kindWidth = Math.max(...all.map((r) => r.kind.length));
  const fileWidth = Math.max(...all.map((r) => r.file.length));
  const line = (r: (typeof all)[number]): string =>
    `${r.id.padEnd(idWidth)}  ${r.kind.padEnd(kindWidth)}  ${r.file.padEnd(fileWidth)}  ${r.title}`.trimEnd();
  return `${all.map(line).join('\n')}\n`;
}
