import type { Command } from 'commander';
import type { Config, ConfigOverrides } from '../config.js';

/** What every command gets: global options resolved into one Config, and the output streams. */
export interface CliContext {
  config(): Promise<Config>;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  /** True when stderr is a terminal: show progress there. */
  interactive: boolean;
  debug: boolean;
}

export function createContext(program: Command): CliContext {
  let cached: Config | undefined;
  const globals = (): { debug?: boolean; color?: boolean; root?: string } => program.opts();
  return {
    async config() {
      if (!cached) {
        const { loadConfig, readConfigFile } = await import('../config.js');
        const g = globals();
        const overrides: ConfigOverrides = {};
        if (g.root) overrides.root = g.root;
        const file = await readConfigFile(g.root ?? process.env.CALVIN_ROOT ?? process.cwd());
        if (file) overrides.file = file;
        if (g.debug) overrides.debug = true;
        if (g.color === false) overrides.color = false;
        cached = loadConfig(overrides);
      }
      return cached;
    },
    stdout: process.stdout,
    stderr: process.stderr,
    get interactive() {
      return Boolean(process.stderr.isTTY) && process.env.CI !== 'true';
    },
    get debug() {
      return Boolean(globals().debug);
    },
  };
}

/** Each command module exports one of these; it must stay light (heavy imports inside actions). */
export type RegisterCommand = (program: Command, ctx: CliContext) => void;
