/** Shared shapes of the in-process filter evaluator. */
import type { GrokLibrary } from '../grok/grok.js';
import type { LogEvent } from './event.js';

/** A setting value as plain data (from a parsed Logstash config or a typed definition). */
export type SettingValue = string | number | boolean | SettingValue[] | { [key: string]: SettingValue };
export type Settings = Record<string, SettingValue>;

export interface CompileEnv {
  /** Field name → path: `[a][b]` always; `a.b` split only for typed (ECS dotted) definitions. */
  parsePath(name: string): string[];
  grok: GrokLibrary;
  /** Reads a grok patterns_dir; undefined when the directory does not exist. Injected (I/O). */
  loadPatternsDir?: (dir: string) => Record<string, string> | undefined;
}

export interface RunContext {
  /** Clock for dates without a year. */
  now: Date;
}

/** Runs one filter on an event (in place); 'drop' cancels the event. */
export type Exec = (event: LogEvent, ctx: RunContext) => 'drop' | undefined;

/** Reached a plugin or setting calvin does not evaluate: the case fails as UNSUPPORTED. */
export class UnsupportedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedError';
  }
}

/** The filter cannot be evaluated at all (bad grok pattern, bad setting value). */
export class FilterConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FilterConfigError';
  }
}

export interface FilterPlugin {
  name: string;
  /** Settings this plugin evaluates, besides the common ones (add_field, add_tag, ...). */
  settings: readonly string[];
  compile(settings: Settings, env: CompileEnv, where: string): Exec;
}
