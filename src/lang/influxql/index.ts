export * from './ast.js';
export { parseInfluxQL } from './parser.js';
export { tokenize } from './lexer.js';
export { printInfluxQL, printExpr, printIdentifier, printString, printRegex, type PrintOptions } from './printer.js';
export { normaliseInfluxQL } from './normalise.js';
export { queryFacts, type QueryFacts, type MeasurementRef, type TagConditionFact } from './facts.js';
