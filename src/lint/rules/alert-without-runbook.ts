import type { LintRule } from '../types.js';

/** An alert the on-call engineer cannot act on: no runbook URL or an empty runbook. */
export const rule: LintRule = {
  meta: {
    id: 'alert-without-runbook',
    type: 'problem',
    severity: 'error',
    docs: {
      description: 'Every alert definition has a runbook with a URL and content',
      hint: 'Give the alert a runbook: title, markdown (or file) and the URL where it is published.',
    },
    messages: { missing: 'Alert "{{name}}" has no runbook {{what}}.' },
  },
  create(context) {
    return {
      'alert-def': (a) => {
        const r = a.definition.runbook as Partial<typeof a.definition.runbook> | undefined;
        const what = !r ? 'at all' : !r.url?.trim() ? 'URL' : !r.markdown?.trim() && !r.file ? 'content' : undefined;
        if (what) context.report({ node: a, messageId: 'missing', data: { name: a.definition.name, what } });
      },
      // A hand-written TICKscript alert carries its runbook as a link in .message() or .details():
      // that text is all the on-call engineer receives.
      'tickscript-alert': (a) => {
        if (!a.texts.some((t) => /https?:\/\/\S+/.test(t)))
          context.report({
            node: a,
            messageId: 'missing',
            data: { name: a.name, what: 'link in .message() or .details()' },
          });
      },
    };
  },
};
