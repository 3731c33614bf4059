import { CORE_PATTERNS } from './core.js';
import { DATETIME_PATTERNS } from './datetime.js';
import { LEGACY_LOG_PATTERNS, LOG_PATTERNS } from './logs.js';

export { LEGACY_LOG_PATTERNS };
import { NETWORK_PATTERNS } from './network.js';
import { PATH_PATTERNS } from './paths.js';

/** Every standard grok pattern calvin knows, by name. */
export const STANDARD_PATTERNS: Readonly<Record<string, string>> = Object.freeze({
  ...CORE_PATTERNS,
  ...NETWORK_PATTERNS,
  ...PATH_PATTERNS,
  ...DATETIME_PATTERNS,
  ...LOG_PATTERNS,
});
