import type { Formatter } from './types.js';

/** ESLint-shaped JSON: [{ filePath, messages: [{ ruleId, messageId, severity, message, line, column }], errorCount, warningCount }]. */
export const json: Formatter = (results) => `${JSON.stringify(results, null, 2)}\n`;
