export * from './ast.js';
export { parseInfluxQL } from './parser.js';
export { tokenize } from './lexer.js';
export { queryFacts, type QueryFacts, type MeasurementRef, type TagConditionFact } from './facts.js';
