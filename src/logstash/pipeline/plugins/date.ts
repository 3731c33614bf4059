/** The date filter: parse a field with ISO8601 / UNIX / UNIX_MS / Joda formats into @timestamp. */
import { compileOnSuccess, tagAll } from '../common.js';
import { getPath, setPath, valueToString } from '../event.js';
import { checkZone, compileDateFormat, JodaFormatError } from '../joda.js';
import type { DateParser } from '../joda.js';
import { asList, asString } from '../settings.js';
import type { FilterPlugin } from '../types.js';
import { FilterConfigError, UnsupportedError } from '../types.js';

export const datePlugin: FilterPlugin = {
  name: 'date',
  settings: ['match', 'target', 'timezone', 'locale', 'tag_on_failure'],
  compile(settings, env, where) {
    const match = asList(settings.match);
    if (match.length < 2) throw new FilterConfigError(`${where}: date match needs a field and at least one format`);
    const [field, ...formats] = match as [string, ...string[]];
    const sourcePath = env.parsePath(field);
    const target = env.parsePath(asString(settings.target, `${where}: target`) ?? '@timestamp');
    const timezone = asString(settings.timezone, `${where}: timezone`);
    if (timezone !== undefined) {
      try {
        checkZone(timezone);
      } catch {
        throw new FilterConfigError(`${where}: unknown timezone '${timezone}'`);
      }
    }
    const locale = asString(settings.locale, `${where}: locale`);
    if (locale !== undefined && !/^en([-_].*)?$/i.test(locale)) {
      return () => {
        throw new UnsupportedError(
          `${where}: date locale '${locale}' is not evaluated (English month and day names only)`,
        );
      };
    }
    const tagOnFailure =
      settings.tag_on_failure === undefined ? ['_dateparsefailure'] : asList(settings.tag_on_failure);
    const onSuccess = compileOnSuccess(settings, env, where);
    let unsupported: string | undefined;
    const parsersFor = (now: Date): DateParser[] =>
      formats.map((f) => {
        try {
          return compileDateFormat(f, timezone === undefined ? { now } : { now, timezone });
        } catch (err) {
          if (err instanceof JodaFormatError) {
            unsupported = `${where}: ${err.message} (format '${f}')`;
            return () => undefined;
          }
          throw err;
        }
      });
    parsersFor(new Date(0));
    if (unsupported !== undefined) {
      const reason = unsupported;
      return () => {
        throw new UnsupportedError(reason);
      };
    }
    let cachedNow: number | undefined;
    let parsers: DateParser[] = [];
    return (event, ctx) => {
      const raw = getPath(event, sourcePath);
      if (raw === undefined || raw === null) return undefined;
      if (cachedNow !== ctx.now.getTime()) {
        parsers = parsersFor(ctx.now);
        cachedNow = ctx.now.getTime();
      }
      const values = Array.isArray(raw) ? raw : [raw];
      let parsed: Date | undefined;
      for (const v of values) {
        const text = valueToString(v);
        for (const p of parsers) {
          parsed = p(text);
          if (parsed) break;
        }
        if (parsed) break;
      }
      if (!parsed || Number.isNaN(parsed.getTime())) {
        tagAll(event, tagOnFailure);
        return undefined;
      }
      setPath(event, target, parsed.toISOString());
      onSuccess(event);
      return undefined;
    };
  },
};
