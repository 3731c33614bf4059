/**
 * AST of a Logstash pipeline config (the grammar of logstash-core `config/grammar.treetop`),
 * extended with consul-template directives (`{{ ... }}`, and fabio's `[[ ... ]]`) that Calvinverse
 * keeps in its pipeline snippets.
 *
 * Every node has `loc`: start and end positions, `line` and `column` 1-based, `offset` 0-based
 * (UTF-16 index into the source). `end` points just past the node's last character.
 *
 * Shape overview:
 *
 *   Config
 *     body: TopStatement[]            Section | Branch (recovered; an error says "outside a section") | Plugin
 * (recovered) | Template
 *   Section { kind: 'input'|'filter'|'output', body: Statement[] }
 *   Statement = Plugin | Branch | Template | Section (Section only inside a top-level Branch)
 *   Plugin { name, attributes: Attribute[], templates: Template[], body: (Attribute|Template)[] }
 *   Attribute { name, value: Value }
 *   Value = StringLit | NumberLit | Bareword | ArrayLit | HashLit | Template | Plugin (e.g. `codec => json { }`)
 *   Branch { clauses: BranchClause[] }   clause.keyword 'if' | 'else if' | 'else'; `condition` absent for 'else'
 *   Condition = BooleanExpr | NotExpr | Comparison | RegexMatch | InExpr | Truthy
 *   RValue    = FieldRef | StringLit | NumberLit | ArrayLit | RegexLit | MethodCall
 */

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column (UTF-16 code units). */
  column: number;
  /** 0-based offset into the source. */
  offset: number;
}

export interface Span {
  start: Position;
  end: Position;
}

export interface ParseError {
  line: number;
  column: number;
  message: string;
  /**
   * `syntax`: the parser stopped here (the AST is partial).
   * `outside-section`: a statement (conditional or plugin) at the top level; parsed anyway.
   * `bad-comment`: `//` used as a comment (Logstash only knows `#`); the line was skipped.
   */
  kind: 'syntax' | 'outside-section' | 'bad-comment';
}

export interface Comment {
  type: 'Comment';
  /** Text after `#`. */
  text: string;
  loc: Span;
}

/** A consul-template (`{{ }}`) or fabio (`[[ ]]`) directive, kept opaque. */
export interface Template {
  type: 'Template';
  /** Full text including the delimiters. */
  text: string;
  /** Text between the delimiters, trimmed. */
  inner: string;
  delimiter: '{{' | '[[';
  loc: Span;
}

export interface StringLit {
  type: 'String';
  /** The value Logstash sees: the raw text, or unescaped when parsed with `supportEscapes`. */
  value: string;
  /** Text between the quotes, as written. */
  raw: string;
  quote: '"' | "'";
  /** `{{ }}` directives embedded in the string (their locations are inside the string). */
  templates: Template[];
  loc: Span;
}

export interface NumberLit {
  type: 'Number';
  value: number;
  raw: string;
  loc: Span;
}

export interface Bareword {
  type: 'Bareword';
  value: string;
  loc: Span;
}

export interface ArrayLit {
  type: 'Array';
  items: Value[];
  loc: Span;
}

export interface HashEntry {
  type: 'HashEntry';
  key: StringLit | NumberLit | Bareword;
  value: Value;
  loc: Span;
}

export interface HashLit {
  type: 'Hash';
  entries: HashEntry[];
  /** Directives standing between entries. */
  templates: Template[];
  loc: Span;
}

export type Value = StringLit | NumberLit | Bareword | ArrayLit | HashLit | Template | Plugin;

export interface Attribute {
  type: 'Attribute';
  name: string;
  nameLoc: Span;
  value: Value;
  loc: Span;
}

export interface Plugin {
  type: 'Plugin';
  name: string;
  nameLoc: Span;
  /** Settings in source order (a setting may repeat, e.g. two `add_tag`). */
  attributes: Attribute[];
  /** Directives standing between settings (e.g. `{{ with secret ... }}`). */
  templates: Template[];
  /** Settings and directives interleaved, in source order. */
  body: (Attribute | Template)[];
  loc: Span;
}

// ---------------------------------------------------------------------------------------------
// Conditions

export interface FieldRef {
  type: 'FieldRef';
  /** `[a][b]` → ['a', 'b']. */
  path: string[];
  /** As written, e.g. `[a][b]`. */
  text: string;
  loc: Span;
}

export interface RegexLit {
  type: 'Regex';
  /** Pattern between the slashes, `\/` unescaped to `/`. */
  pattern: string;
  loc: Span;
}

export interface MethodCall {
  type: 'MethodCall';
  name: string;
  args: RValue[];
  loc: Span;
}

export type RValue = FieldRef | StringLit | NumberLit | ArrayLit | RegexLit | MethodCall;

export type CompareOp = '==' | '!=' | '<' | '>' | '<=' | '>=';
export type BooleanOp = 'and' | 'or' | 'xor' | 'nand';

export interface BooleanExpr {
  type: 'Boolean';
  op: BooleanOp;
  left: Condition;
  right: Condition;
  loc: Span;
}

/** `!cond`, `!(cond)` or `not cond`. */
export interface NotExpr {
  type: 'Not';
  operand: Condition;
  loc: Span;
}

export interface Comparison {
  type: 'Comparison';
  op: CompareOp;
  left: RValue;
  right: RValue;
  loc: Span;
}

export interface RegexMatch {
  type: 'RegexMatch';
  op: '=~' | '!~';
  left: RValue;
  right: RValue;
  loc: Span;
}

/** `a in b` / `a not in b`. */
export interface InExpr {
  type: 'In';
  negated: boolean;
  left: RValue;
  right: RValue;
  loc: Span;
}

/** A bare rvalue: true when the field exists and is truthy. */
export interface Truthy {
  type: 'Truthy';
  value: RValue;
  loc: Span;
}

export type Condition = BooleanExpr | NotExpr | Comparison | RegexMatch | InExpr | Truthy;

export interface BranchClause {
  type: 'BranchClause';
  keyword: 'if' | 'else if' | 'else';
  condition?: Condition;
  body: Statement[];
  loc: Span;
}

export interface Branch {
  type: 'Branch';
  clauses: BranchClause[];
  loc: Span;
}

// ---------------------------------------------------------------------------------------------
// Sections

export type SectionKind = 'input' | 'filter' | 'output';

export interface Section {
  type: 'Section';
  kind: SectionKind;
  body: Statement[];
  loc: Span;
}

export type Statement = Plugin | Branch | Template | Section;

export interface Config {
  type: 'Config';
  body: Statement[];
  comments: Comment[];
  loc: Span;
}

export interface ParseResult {
  config: Config;
  /** Empty when the file is valid Logstash (templates aside). */
  errors: ParseError[];
}

export type AnyNode =
  | Config
  | Section
  | Plugin
  | Attribute
  | Branch
  | BranchClause
  | Template
  | StringLit
  | NumberLit
  | Bareword
  | ArrayLit
  | HashLit
  | HashEntry
  | FieldRef
  | RegexLit
  | MethodCall
  | Condition
  | Comment;
