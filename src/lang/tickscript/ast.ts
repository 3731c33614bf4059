/**
 * Syntax tree of a TICKscript. Plain data; `offset` is the 0-based index of the node's first
 * character in the source.
 *
 *   Program   statements: Statement[]
 *   Statement VarDecl (`var x = expr`) | TypeDecl (`var x string`, template tasks) | Dbrp | ExprStatement
 *   Expr      literals, Reference ("field", lambdas only), Identifier, Lambda, List, Unary, Binary,
 *             Call (a function inside a lambda), Chain (`head |node(args) .property(args) @udf(args)`)
 */

export interface NumberLit {
  type: 'number';
  /** As written: `80`, `80.0` (TICKscript tells integers from floats by the point). */
  raw: string;
  offset: number;
}
export interface DurationLit {
  type: 'duration';
  raw: string;
  offset: number;
}
export interface StringLit {
  type: 'string';
  /** As written, quotes included: `'a\'b'` or `'''x'''`. */
  raw: string;
  /** The value the string stands for. */
  value: string;
  offset: number;
}
export interface RegexLit {
  type: 'regex';
  /** As written, slashes included. */
  raw: string;
  offset: number;
}
export interface BoolLit {
  type: 'bool';
  value: boolean;
  offset: number;
}
export interface Star {
  type: 'star';
  offset: number;
}
/** `"field"` inside a lambda. */
export interface Reference {
  type: 'reference';
  raw: string;
  name: string;
  offset: number;
}
export interface Identifier {
  type: 'identifier';
  name: string;
  offset: number;
}
export interface Lambda {
  type: 'lambda';
  body: Expr;
  offset: number;
}
export interface List {
  type: 'list';
  items: Expr[];
  offset: number;
}
export interface Unary {
  type: 'unary';
  op: '!' | '-';
  operand: Expr;
  offset: number;
}
export interface Binary {
  type: 'binary';
  op: string;
  left: Expr;
  right: Expr;
  offset: number;
}
export interface Paren {
  type: 'paren';
  expr: Expr;
  offset: number;
}
/** A function call: `sigma("value")` in a lambda, `time(1m)` as an argument. */
export interface Call {
  type: 'call';
  name: string;
  args: Expr[];
  offset: number;
}
export type ChainOp = '|' | '.' | '@';
export interface Link {
  op: ChainOp;
  name: string;
  args: Expr[];
  offset: number;
}
export interface Chain {
  type: 'chain';
  head: Expr;
  links: Link[];
  offset: number;
}
export type Expr =
  | NumberLit
  | DurationLit
  | StringLit
  | RegexLit
  | BoolLit
  | Star
  | Reference
  | Identifier
  | Lambda
  | List
  | Unary
  | Binary
  | Paren
  | Call
  | Chain;

export interface VarDecl {
  type: 'var';
  name: string;
  value: Expr;
  offset: number;
}
export interface TypeDecl {
  type: 'var-type';
  name: string;
  typeName: string;
  offset: number;
}
export interface Dbrp {
  type: 'dbrp';
  database: string;
  retentionPolicy: string;
  offset: number;
}
export interface ExprStatement {
  type: 'expr';
  expr: Expr;
  offset: number;
}
export type Statement = VarDecl | TypeDecl | Dbrp | ExprStatement;

export interface Program {
  type: 'program';
  statements: Statement[];
}

export interface TickProblem {
  line: number;
  column: number;
  message: string;
}

export interface ParseResult {
  program: Program;
  /** Empty when the script is well formed. The parser stops at the first error. */
  errors: TickProblem[];
}
