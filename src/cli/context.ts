import type { Command } from 'commander';
import type { Config, ConfigOverrides } from '../config.js';

/** What every command gets: global options resolved into one Config, and the output streams. */
export interface CliContext {
  /**
   * The one Config of the run. `environment` (a command's `--env`) is the Consul datacenter and picks
   * the config file's section; without it, `CALVIN_ENV`, then the file's `default`.
   */
  config(environment?: string): Promise<Config>;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  /** True when stderr is a terminal: show progress there. */
  interactive: boolean;
  debug: boolean;
}

export function createContext(program: Command): CliContext {
  const cached = new Map<string, Config>();
  const globals = (): { debug?: boolean; color?: boolean; root?: string } => program.opts();
  return {
    async config(environment) {
      const key = environment ?? '';
      let config = cached.get(key);
      if (!config) {
        const { loadConfig, readConfigFile } = await import('../config.js');
        const g = globals();
        const overrides: ConfigOverrides = {};
        if (g.root) overrides.root = g.root;
        const file = await readConfigFile(g.root ?? process.env.CALVIN_ROOT ?? process.cwd());
        if (file) overrides.file = file;
        if (environment) overrides.datacenter = environment;
        if (g.debug) overrides.debug = true;
        if (g.color === false) overrides.color = false;
        config = loadConfig(overrides);
        cached.set(key, config);
      }
      return config;
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
