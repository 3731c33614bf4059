import type { LintRule } from '../types.js';

/** Can two index patterns match the same index name? (Wildcards `*` only, as Elasticsearch allows.) */
export function patternsOverlap(a: string, b: string): boolean {
  // Quick reject: the literal prefixes (before any '*') and suffixes (after the last '*') must agree.
  const pa = a.split('*')[0] as string;
  const pb = b.split('*')[0] as string;
  if (!pa.startsWith(pb) && !pb.startsWith(pa)) return false;
  const sa = a.includes('*') ? (a.split('*').pop() as string) : a;
  const sb = b.includes('*') ? (b.split('*').pop() as string) : b;
  if (!sa.endsWith(sb) && !sb.endsWith(sa)) return false;
  const width = b.length + 1;
  const memo = new Map<number, boolean>();
  const go = (i: number, j: number): boolean => {
    const key = i * width + j;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    let r: boolean;
    if (i === a.length && j === b.length) r = true;
    else if (a[i] === '*')
      r = go(i + 1, j) || (j < b.length && go(i, j + 1)) || (j < b.length && b[j] === '*' && go(i + 1, j + 1));
    else if (b[j] === '*') r = go(i, j + 1) || (i < a.length && go(i + 1, j));
    else r = i < a.length && j < b.length && a[i] === b[j] && go(i + 1, j + 1);
    memo.set(key, r);
    return r;
  };
  return go(0, 0);
}

/** Two composable templates whose patterns overlap at equal priority: Elasticsearch refuses the second one. */
export const rule: LintRule = {
  meta: {
    id: 'es-template-overlap',
    type: 'problem',
    severity: 'error',
    docs: {
      description: 'Overlapping index templates have different priorities',
      hint: 'Give the more specific template the higher priority, or make the patterns disjoint.',
    },
    messages: {
      overlap:
        'Template "{{name}}" ({{patterns}}) overlaps "{{other}}" ({{otherPatterns}}) at the same priority ' +
        '{{priority}}: Elasticsearch rejects the PUT of whichever comes second, so one of them is never installed.',
    },
  },
  create(context) {
    return {
      project: ({ project }) => {
        const list = project.templates.filter((t) => t.composable);
        for (let i = 0; i < list.length; i++) {
          for (let j = i + 1; j < list.length; j++) {
            const a = list[i];
            const b = list[j];
            if (!a || !b || (a.priority ?? 0) !== (b.priority ?? 0) || a.name === b.name) continue;
            if (!a.patterns.some((p) => b.patterns.some((q) => patternsOverlap(p, q)))) continue;
            context.report({
              node: b,
              messageId: 'overlap',
              data: {
                name: b.name,
                patterns: b.patterns.join(', '),
                other: a.name,
                otherPatterns: a.patterns.join(', '),
                priority: a.priority ?? 0,
              },
            });
          }
        }
      },
    };
  },
};
