export * from './ast.js';
export { parseLogstash } from './parser.js';
export type { ParseOptions } from './parser.js';
export { childrenOf, walk, pluginsOf, conditionsOf, plainValue, setting, settings, filterStatements } from './walk.js';
export type { PluginUse, PlainValue } from './walk.js';
export { printLogstash, printStatement, printCondition } from './printer.js';
