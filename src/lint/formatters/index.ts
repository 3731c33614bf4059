/** Formatters by name. */
import { CalvinError } from '../../errors.js';
import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { text } from './text.js';
import type { Formatter } from './types.js';

export type { Formatter, FormatterContext } from './types.js';

export const FORMATTERS = { text, json, github, sarif, junit } as const satisfies Record<string, Formatter>;
export type FormatterName = keyof typeof FORMATTERS;

export function formatterByName(name: string): Formatter {
  if (!Object.hasOwn(FORMATTERS, name))
    throw new CalvinError(
      'BAD_ARGUMENT',
      `unknown lint format "${name}"`,
      `use one of ${Object.keys(FORMATTERS).join(', ')}`,
    );
  return FORMATTERS[name as FormatterName];
}
