import { noteRewriteLoss } from '../../render/chronograf-note.js';
import { chronografNoteText } from '../../render/chronograf.js';
import type { LintRule } from '../types.js';

/**
 * A panel text that Chronograf would rewrite beyond escaping: it sanitises notes with bluemonday's
 * UGC policy (server/cells.go ValidateNote), so `<service>` and other raw tags vanish from the note.
 */
export const rule: LintRule = {
  meta: {
    id: 'chronograf-note-rewritten',
    type: 'problem',
    severity: 'warning',
    docs: {
      description: 'Panel texts survive Chronograf note sanitising',
      hint:
        'Write markdown without raw <...> (e.g. SERVICE instead of <service>): Chronograf drops tags ' +
        'outside its allowlist.',
    },
    messages: { rewritten: 'Panel "{{panel}}": Chronograf would store the note without "{{lost}}".' },
  },
  create(context) {
    return {
      'dashboard-def': (d) => {
        for (const panel of d.definition.rows.flatMap((r) => r.panels)) {
          const lost = noteRewriteLoss(chronografNoteText(panel));
          if (lost === undefined) continue;
          const at = d.locate?.(panel.title);
          context.report({ node: d, ...(at ?? {}), messageId: 'rewritten', data: { panel: panel.title, lost } });
        }
      },
    };
  },
};
