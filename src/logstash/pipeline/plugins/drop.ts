/** The drop filter: cancels the event. */
import { asString } from '../settings.js';
import type { FilterPlugin } from '../types.js';
import { UnsupportedError } from '../types.js';

export const dropPlugin: FilterPlugin = {
  name: 'drop',
  settings: ['percentage'],
  compile(settings, _env, where) {
    const pct = asString(settings.percentage, `${where}: percentage`);
    if (pct !== undefined && Number(pct) !== 100) {
      return () => {
        throw new UnsupportedError(`${where}: drop with percentage => ${pct} is random; calvin does not evaluate it`);
      };
    }
    return () => 'drop';
  },
};
