import pc from 'picocolors';
import { clean, type Formatter } from './types.js';

/** Human output grouped by file: `line:col  severity  message  rule-id`, then a summary. */
export const text: Formatter = (results, context) => {
  const c = pc.createColors(context.color ?? false);
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    if (r.messages.length === 0) continue;
    out.push(c.underline(clean(r.filePath)));
    const width = Math.max(...r.messages.map((m) => `${m.line}:${m.column}`.length));
    for (const m of r.messages) {
      const sev = m.severity === 'error' ? c.red('error  ') : c.yellow('warning');
      out.push(`  ${`${m.line}:${m.column}`.padEnd(width)}  ${sev}  ${clean(m.message)}  ${c.dim(m.ruleId)}`);
    }
    out.push('');
    errors += r.errorCount;
    warnings += r.warningCount;
  }
  const total = errors + warnings;
  const skipped = context.skipped ?? [];
  if (skipped.length) {
    out.push(c.bold(`Not checked (${skipped.length} file${skipped.length === 1 ? '' : 's'}):`));
    for (const s of skipped) out.push(`  ${clean(s.file)}  ${clean(s.reason)}`);
    out.push('');
  }
  if (total === 0 && skipped.length)
    return `${out.join('\n')}${c.yellow(c.bold(`No problems found in the files checked; ${skipped.length} not checked.`))}\n`;
  if (total === 0) return `${c.green('✔')} No problems found.\n`;
  const line = `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
  out.push(errors ? c.red(c.bold(line)) : c.yellow(c.bold(line)));
  return `${out.join('\n')}\n`;
};
