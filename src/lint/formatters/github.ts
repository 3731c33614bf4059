import type { Formatter } from './types.js';

// GitHub workflow command escaping: data escapes %, CR, LF; properties also ':' and ','.
const data = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const prop = (s: string): string => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions annotations: `::error file=...,line=...,col=...,title=...::message`. */
export const github: Formatter = (results, context) => {
  const lines: string[] = [];
  for (const s of context.skipped ?? [])
    lines.push(`::error file=${prop(s.file)},title=${prop('calvin lint: not checked')}::${data(s.reason)}`);
  for (const r of results) {
    for (const m of r.messages) {
      lines.push(
        `::${m.severity === 'error' ? 'error' : 'warning'} file=${prop(r.filePath)},line=${m.line},col=${m.column},title=${prop(m.ruleId)}::${data(m.message)}`,
      );
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
};
