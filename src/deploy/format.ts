/** Plan rendering (Terraform-style text, JSON), pure functions of the plan. */
import pc from 'picocolors';
import { escapeControl } from '../terminal.js';
import type { Plan, PlanItem } from './types.js';

/** Backend names are hostile: control characters, escapes and bidi marks are shown escaped (src/terminal.ts). */
export function terminalSafe(text: string): string {
  return escapeControl(text);
}

const SYMBOL = { create: '+', update: '~', delete: '-', unchanged: '=' } as const;

export interface FormatOptions {
  color: boolean;
  /** Show the diff under each create/update/delete (default true). */
  diffs?: boolean;
}

function paint(color: boolean, action: PlanItem['action'], text: string): string {
  if (!color) return text;
  return action === 'create'
    ? pc.green(text)
    : action === 'update'
      ? pc.yellow(text)
      : action === 'delete'
        ? pc.red(text)
        : text;
}

export function summaryLine(plan: Plan): string {
  const s = plan.summary;
  return `Plan: ${s.create} to add, ${s.update} to change, ${s.delete} to destroy, ${s.unchanged} unchanged.`;
}

/**
 * Every object gets a line (`+` create, `~` update with its diff, `-` delete, `=` unchanged), so a
 * reviewer sees what the plan covers, not only what it changes; then one summary line.
 */
export function formatPlanText(plan: Plan, options: FormatOptions): string {
  const changes = plan.items.filter((i) => i.action !== 'unchanged');
  const lines: string[] = [];
  if (plan.items.length > 0) {
    const kindWidth = Math.max(...plan.items.map((i) => i.kind.length));
    const nameWidth = Math.max(...changes.map((i) => terminalSafe(i.name).length), 0);
    for (const item of plan.items) {
      if (item.action === 'unchanged') {
        lines.push(`  ${SYMBOL.unchanged} ${item.kind.padEnd(kindWidth)} ${terminalSafe(item.name)}`);
        continue;
      }
      const why = item.action === 'update' && item.changedFields.length > 0 ? `(${item.changedFields.join(', ')})` : '';
      const note = [why, item.note ? `(${item.note})` : ''].filter(Boolean).join(' ');
      const line = `  ${SYMBOL[item.action]} ${item.kind.padEnd(kindWidth)} ${terminalSafe(item.name).padEnd(nameWidth)}${note ? `  ${note}` : ''}`;
      lines.push(paint(options.color, item.action, line.trimEnd()));
      if ((options.diffs ?? true) && item.action === 'update' && item.diff) {
        for (const d of item.diff.split('\n')) {
          const text = `      ${terminalSafe(d)}`;
          lines.push(
            options.color
              ? d.startsWith('+')
                ? pc.green(text)
                : d.startsWith('-')
                  ? pc.red(text)
                  : pc.dim(text)
              : text,
          );
        }
      }
    }
  }
  if (changes.length === 0)
    lines.push(
      `No changes. ${plan.summary.unchanged} object(s) in "${terminalSafe(plan.environment)}" match the definitions.`,
    );
  else lines.push(summaryLine(plan));
  if (plan.orphaned.length > 0) {
    lines.push(
      `${plan.orphaned.length} calvin-managed object(s) are no longer defined; --prune deletes them: ${plan.orphaned.map((o) => `${o.kind} ${terminalSafe(o.name)}`).join(', ')}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export interface PlanJson {
  environment: string;
  prune: boolean;
  summary: Plan['summary'];
  changes: {
    action: PlanItem['action'];
    kind: string;
    name: string;
    changedFields: string[];
    note?: string;
    diff: string;
  }[];
  unchanged: { kind: string; name: string }[];
  orphaned: Plan['orphaned'];
  /** Objects seen in the backends that calvin does not manage (left alone). */
  foreignSkipped: number;
}

export function planToJson(plan: Plan): PlanJson {
  return {
    environment: plan.environment,
    prune: plan.prune,
    summary: plan.summary,
    changes: plan.items
      .filter((i) => i.action !== 'unchanged')
      .map((i) => ({
        action: i.action,
        kind: i.kind,
        name: i.name,
        changedFields: i.changedFields,
        ...(i.note ? { note: i.note } : {}),
        diff: i.diff,
      })),
    unchanged: plan.items.filter((i) => i.action === 'unchanged').map((i) => ({ kind: i.kind, name: i.name })),
    orphaned: plan.orphaned,
    foreignSkipped: plan.foreignSkipped,
  };
}
