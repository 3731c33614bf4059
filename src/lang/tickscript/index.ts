export * from './ast.js';
export { tokenizeTickscript, type Token, type TokenKind } from './lexer.js';
export { parseTickscript, checkTickscript, lineColumn } from './parser.js';
export { printTickscript, printStatement, printExpr } from './printer.js';
