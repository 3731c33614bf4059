/**
 * Ruby-flavoured regexes (conditions' `=~`, mutate's gsub) on Oniguruma, so that patterns behave
 * as they do in Logstash rather than as JavaScript regexes.
 */
import type * as Onig from 'vscode-oniguruma';
import { oniguruma } from './engine.js';
import { GrokError } from './errors.js';

export interface RegexMatch {
  /** [start, end] per group (0 = whole match); undefined for a group that did not take part. */
  groups: ([number, number] | undefined)[];
}

const cache = new Map<string, OnigRegex>();

export class OnigRegex {
  private readonly scanner: Onig.OnigScanner;

  private constructor(readonly source: string) {
    try {
      this.scanner = new (oniguruma().OnigScanner)([source]);
    } catch (err) {
      throw new GrokError(
        `regex /${source}/ does not compile: ${(err as Error).message.replace(/[^\x20-\x7e]/g, '?')}`,
      );
    }
  }

  /** Compiled once per source text. Throws GrokError for an invalid regex. */
  static of(source: string): OnigRegex {
    let r = cache.get(source);
    if (!r) {
      r = new OnigRegex(source);
      cache.set(source, r);
    }
    return r;
  }

  test(text: string): boolean {
    return this.search(text, 0) !== undefined;
  }

  search(text: string, start: number): RegexMatch | undefined {
    const str = new (oniguruma().OnigString)(text);
    try {
      return this.searchIn(str, text.length, start);
    } finally {
      str.dispose();
    }
  }

  private searchIn(str: Onig.OnigString, length: number, start: number): RegexMatch | undefined {
    const m = this.scanner.findNextMatchSync(str, start);
    if (!m) return undefined;
    // A group that took no part comes back beyond the text (or, for non-ASCII text, as an empty
    // span at its end, which reads the same: an empty string).
    return { groups: m.captureIndices.map((c) => (c.start > length ? undefined : [c.start, c.end])) };
  }

  /** Ruby's String#gsub with `\0`..`\9` and `\k<name>`-less replacement text. */
  replaceAll(text: string, replacement: string): string {
    const str = new (oniguruma().OnigString)(text);
    try {
      let out = '';
      let pos = 0;
      let last = 0;
      while (pos <= text.length) {
        const m = this.searchIn(str, text.length, pos);
        const whole = m?.groups[0];
        if (!m || !whole) break;
        out += text.slice(last, whole[0]) + expandReplacement(replacement, text, m);
        last = whole[1];
        pos = whole[1] === whole[0] ? whole[1] + 1 : whole[1];
        if (whole[1] === whole[0] && whole[0] < text.length) {
          out += text[whole[0]];
          last = whole[0] + 1;
        }
      }
      return out + text.slice(last);
    } finally {
      str.dispose();
    }
  }
}

function expandReplacement(replacement: string, text: string, m: RegexMatch): string {
  if (!replacement.includes('\\')) return replacement;
  return replacement.replace(/\\(\d|\\)/g, (_w, g: string) => {
    if (g === '\\') return '\\';
    const span = m.groups[Number(g)];
    return span ? text.slice(span[0], span[1]) : '';
  });
}
