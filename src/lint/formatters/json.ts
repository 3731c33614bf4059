import type { Formatter } from './types.js';

/**
 * ESLint-shaped JSON: [{ filePath, messages: [{ ruleId, messageId, severity, message, line, column }],
 * errorCount, warningCount }], plus one entry per file not checked, with `skipped: reason`.
 */
export const json: Formatter = (results, context) => {
  const skipped = (context.skipped ?? []).map((s) => ({
    filePath: s.file,
    messages: [],
    errorCount: 0,
    warningCount: 0,
    skipped: s.reason,
  }));
  return `${JSON.stringify([...results, ...skipped], null, 2)}\n`;
};
