/**
 * Compiles filters into one executable program: the `filter {}` sections of a parsed Logstash
 * config, or calvin's typed LogFilterDef. Both end up as the same plugin implementations.
 */
import type { FilterStep, LogFilterDef } from '../../define/types.js';
import type { Config, Plugin, Statement, Value } from '../../lang/logstash/ast.js';
import { filterStatements } from '../../lang/logstash/walk.js';
import { parseFieldPath } from '../grok/field-path.js';
import { standardGrokLibrary } from '../grok/grok.js';
import type { GrokLibrary } from '../grok/grok.js';
import { compileCondition, compileLogCondition } from './conditions.js';
import type { Predicate } from './conditions.js';
import { deepClone } from './event.js';
import type { LogEvent } from './event.js';
import { FILTER_PLUGINS } from './plugins/index.js';
import { COMMON_SETTINGS, mergeSetting } from './settings.js';
import type { CompileEnv, Exec, RunContext, SettingValue, Settings } from './types.js';
import { FilterConfigError, UnsupportedError } from './types.js';

export interface ProgramOptions {
  grok?: GrokLibrary;
  loadPatternsDir?: CompileEnv['loadPatternsDir'];
}

export interface FilterProgram {
  run(event: LogEvent, ctx: RunContext): RunResult;
}

export type RunResult =
  | { status: 'ok'; event: LogEvent; dropped: boolean; metadata?: Record<string, unknown> }
  | { status: 'unsupported'; reason: string; event: LogEvent };

function program(body: Exec): FilterProgram {
  return {
    run(input, ctx) {
      const event = deepClone(input);
      try {
        const outcome = body(event, ctx);
        const done: RunResult = { status: 'ok', event: withoutMetadata(event), dropped: outcome === 'drop' };
        const metadata = event['@metadata'];
        if (typeof metadata === 'object' && metadata !== null) done.metadata = metadata as Record<string, unknown>;
        return done;
      } catch (err) {
        if (err instanceof UnsupportedError) return { status: 'unsupported', reason: err.message, event };
        throw err;
      }
    },
  };
}

/** The event as Logstash outputs it: `@metadata` is readable by filters but never part of the output. */
function withoutMetadata(event: LogEvent): LogEvent {
  if (!Object.hasOwn(event, '@metadata')) return event;
  const { '@metadata': _hidden, ...visible } = event;
  return visible;
}

function sequence(execs: Exec[]): Exec {
  return (event, ctx) => {
    for (const exec of execs) if (exec(event, ctx) === 'drop') return 'drop';
    return undefined;
  };
}

function branch(clauses: { test?: Predicate; body: Exec }[]): Exec {
  return (event, ctx) => {
    for (const c of clauses) if (!c.test || c.test(event)) return c.body(event, ctx);
    return undefined;
  };
}

function unsupported(reason: string): Exec {
  return () => {
    throw new UnsupportedError(reason);
  };
}

/** Compiles one plugin from its settings (shared by raw and typed filters). */
export function compilePlugin(name: string, settings: Settings, env: CompileEnv, where: string): Exec {
  const plugin = FILTER_PLUGINS.get(name);
  if (!plugin) return unsupported(`${where}: filter plugin '${name}' is not evaluated by calvin`);
  const known = new Set<string>([...COMMON_SETTINGS, ...plugin.settings]);
  const unknown = Object.keys(settings).filter((k) => !known.has(k));
  if (unknown.length > 0)
    return unsupported(
      `${where}: ${name} setting${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} not evaluated by calvin`,
    );
  return plugin.compile(settings, env, where);
}

// ---------------------------------------------------------------------------------------------
// Raw Logstash config

function settingValue(v: Value): SettingValue {
  switch (v.type) {
    case 'String':
    case 'Bareword':
      return v.value;
    case 'Number':
      return v.value;
    case 'Template':
      return v.text;
    case 'Array':
      return v.items.map(settingValue);
    case 'Hash': {
      const out: Record<string, SettingValue> = {};
      for (const e of v.entries)
        out[String(e.key.value)] = mergeSetting(out[String(e.key.value)], settingValue(e.value));
      return out;
    }
    case 'Plugin':
      return { [v.name]: Object.fromEntries(v.attributes.map((a) => [a.name, settingValue(a.value)])) };
  }
}

export function pluginSettings(plugin: Plugin): Settings {
  const settings: Settings = {};
  for (const a of plugin.attributes) settings[a.name] = mergeSetting(settings[a.name], settingValue(a.value));
  return settings;
}

function compileStatements(statements: Statement[], env: CompileEnv, file: string): Exec {
  const execs: Exec[] = [];
  for (const s of statements) {
    if (s.type === 'Plugin') {
      const where = `${file}:${s.loc.start.line}: ${s.name}`;
      if (s.templates.length > 0)
        execs.push(unsupported(`${where}: consul-template directives inside the plugin are not evaluated`));
      else execs.push(compilePlugin(s.name, pluginSettings(s), env, where));
    } else if (s.type === 'Branch') {
      execs.push(
        branch(
          s.clauses.map((c) => {
            const clause: { test?: Predicate; body: Exec } = { body: compileStatements(c.body, env, file) };
            if (c.condition) clause.test = compileCondition(c.condition, env.parsePath);
            return clause;
          }),
        ),
      );
    } else if (s.type === 'Template') {
      execs.push(unsupported(`${file}:${s.loc.start.line}: consul-template directive ${s.text} is not evaluated`));
    }
  }
  return sequence(execs);
}

/** The filter sections of a parsed config (in order) as one program. Throws FilterConfigError. */
export function compileLogstashFilters(config: Config, file: string, options: ProgramOptions = {}): FilterProgram {
  const env: CompileEnv = { parsePath: (n) => parseFieldPath(n), grok: options.grok ?? standardGrokLibrary() };
  if (options.loadPatternsDir) env.loadPatternsDir = options.loadPatternsDir;
  return program(compileStatements(filterStatements(config), env, file));
}

/** Plugins given as settings (no config text), in order, as one program: for data-driven suites. */
export function compileFilterSettings(
  plugins: readonly { name: string; settings: Settings }[],
  options: ProgramOptions = {},
): FilterProgram {
  const env: CompileEnv = { parsePath: (n) => parseFieldPath(n), grok: options.grok ?? standardGrokLibrary() };
  if (options.loadPatternsDir) env.loadPatternsDir = options.loadPatternsDir;
  return program(sequence(plugins.map((p, i) => compilePlugin(p.name, p.settings, env, `plugin ${i + 1}`))));
}

// ---------------------------------------------------------------------------------------------
// Typed LogFilterDef

function stepSettings(step: FilterStep): Settings | undefined {
  switch (step.step) {
    case 'grok': {
      const s: Settings = { match: { [step.field]: step.patterns } };
      if (step.patternDefinitions) s.pattern_definitions = step.patternDefinitions;
      if (step.overwrite) s.overwrite = step.overwrite;
      if (step.tagOnFailure) s.tag_on_failure = step.tagOnFailure;
      if (step.breakOnMatch !== undefined) s.break_on_match = String(step.breakOnMatch);
      return s;
    }
    case 'kv': {
      const s: Settings = { source: step.field, field_split: step.fieldSplit, value_split: step.valueSplit };
      if (step.target) s.target = step.target;
      if (step.includeKeys) s.include_keys = step.includeKeys;
      if (step.prefix) s.prefix = step.prefix;
      return s;
    }
    case 'json': {
      const s: Settings = { source: step.field };
      if (step.target) s.target = step.target;
      return s;
    }
    case 'date': {
      const s: Settings = { match: [step.field, ...step.formats] };
      if (step.target) s.target = step.target;
      if (step.timezone) s.timezone = step.timezone;
      return s;
    }
    case 'mutate': {
      const s: Settings = {};
      if (step.rename) s.rename = step.rename;
      if (step.add) s.add_field = step.add;
      if (step.remove) s.remove_field = step.remove;
      if (step.convert) s.convert = step.convert;
      if (step.lowercase) s.lowercase = step.lowercase;
      if (step.gsub) s.gsub = step.gsub.flatMap((g) => [g.field, g.pattern, g.replacement]);
      if (step.addTags) s.add_tag = step.addTags;
      if (step.removeTags) s.remove_tag = step.removeTags;
      return s;
    }
    default:
      return undefined;
  }
}

function compileSteps(steps: FilterStep[], env: CompileEnv, where: string): Exec {
  return sequence(
    steps.map((step, i) => {
      const at = `${where} step ${i + 1} (${step.step})`;
      if (step.step === 'drop') {
        const drop: Exec = () => 'drop';
        return step.when ? branch([{ test: compileLogCondition(step.when, env.parsePath), body: drop }]) : drop;
      }
      if (step.step === 'when') {
        const clauses: { test?: Predicate; body: Exec }[] = [
          { test: compileLogCondition(step.condition, env.parsePath), body: compileSteps(step.then, env, at) },
        ];
        if (step.else) clauses.push({ body: compileSteps(step.else, env, at) });
        return branch(clauses);
      }
      const settings = stepSettings(step);
      if (!settings) return unsupported(`${at}: step kind is not evaluated`);
      return compilePlugin(step.step, settings, env, at);
    }),
  );
}

/** A typed log filter (its match condition guarding its steps) as a program. Throws FilterConfigError. */
export function compileLogFilterDef(def: LogFilterDef, options: ProgramOptions = {}): FilterProgram {
  const env: CompileEnv = { parsePath: (n) => parseFieldPath(n, true), grok: options.grok ?? standardGrokLibrary() };
  if (options.loadPatternsDir) env.loadPatternsDir = options.loadPatternsDir;
  const body = compileSteps(def.steps, env, def.id);
  return program(branch([{ test: compileLogCondition(def.match, env.parsePath), body }]));
}

export { FilterConfigError, UnsupportedError };
