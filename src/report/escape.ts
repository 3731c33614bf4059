/**
 * Every string in a diagnosis may come from a backend (service, node and check names, log messages):
 * each output format escapes it for itself.
 */

import { displayWidth, truncateWidth } from './width.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)|[@-Z\\-_])/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Terminal text: ANSI sequences and control characters (and bidi overrides) removed, newlines → spaces. */
export function cleanText(text: string): string {
  return text
    .replace(ANSI, '')
    .replace(/[\r\n\t]+/g, ' ')
    .replace(CONTROL, '');
}

export function escapeHtml(text: string): string {
  return cleanText(text).replace(/[&<>"'`]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * Markdown inline text (also safe inside a table cell): emphasis, code, link, HTML and table syntax
 * escaped, autolinks (`http://`, `www.`) broken, and a leading list or heading marker neutralised.
 */
export function escapeMarkdown(text: string): string {
  return cleanText(text)
    .replace(/[\\`*_{}[\]()#+|~^!$<>&]/g, (ch) =>
      ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '&' ? '&amp;' : `\\${ch}`,
    )
    .replace(/:\/\//g, '\\://')
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`)
    .replace(
      /^(\s*)([-=>](?=\s|$)|\d+[.)](?=\s|$))/,
      (_m, space: string, marker: string) => `${space}${marker.replace(/[-=>.)]/, (c) => `\\${c}`)}`,
    );
}

/** Cuts to `max` terminal columns, ending with … when cut (wide characters count two). */
export function truncate(text: string, max: number): string {
  return truncateWidth(text, max);
}

/** Display width in a terminal: East Asian wide characters and emoji count two columns. */
export function width(text: string): number {
  return displayWidth(text);
}

export function padEnd(text: string, size: number): string {
  return text + ' '.repeat(Math.max(0, size - width(text)));
}
