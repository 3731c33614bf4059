import type { FilterPlugin } from '../types.js';
import { datePlugin } from './date.js';
import { dropPlugin } from './drop.js';
import { grokPlugin } from './grok.js';
import { jsonPlugin } from './json.js';
import { kvPlugin } from './kv.js';
import { mutatePlugin } from './mutate.js';

/** Filter plugins calvin evaluates; any other plugin makes a case UNSUPPORTED when reached. */
export const FILTER_PLUGINS: ReadonlyMap<string, FilterPlugin> = new Map(
  [grokPlugin, mutatePlugin, datePlugin, jsonPlugin, kvPlugin, dropPlugin].map((p) => [p.name, p]),
);
