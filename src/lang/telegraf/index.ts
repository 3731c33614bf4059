export { parseTelegraf } from './parser.js';
export type {
  PluginKind,
  TelegrafConfig,
  TelegrafParseError,
  TelegrafParseResult,
  TelegrafPlugin,
  TomlTable,
  TomlValue,
} from './parser.js';
export { untemplate, type Untemplated } from './template.js';
