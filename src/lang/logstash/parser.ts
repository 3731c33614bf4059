/**
 * A recursive-descent parser of Logstash's pipeline config language, following the structure of
 * logstash-core's `grammar.treetop` (sections, plugins, attributes, values, branches,
 * conditions), tolerant of consul-template `{{ }}` / fabio `[[ ]]` directives.
 *
 * Errors never throw out of `parseLogstash`: a syntax error stops the parse (the AST holds what was
 * read before it); statements outside a section and `//` comments are recoverable and reported.
 */
import type {
  ArrayLit,
  Attribute,
  Bareword,
  BooleanOp,
  Branch,
  BranchClause,
  Comment,
  CompareOp,
  Condition,
  Config,
  FieldRef,
  HashEntry,
  HashLit,
  MethodCall,
  NumberLit,
  ParseError,
  ParseResult,
  Plugin,
  Position,
  RegexLit,
  RValue,
  Section,
  SectionKind,
  Span,
  Statement,
  StringLit,
  Template,
  Value,
} from './ast.js';

export interface ParseOptions {
  /** Like Logstash's `config.support_escapes`: unescape `\\ \" \' \n \r \t \0` in strings. */
  supportEscapes?: boolean;
}

class SyntaxFailure extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

const SECTION_KINDS: ReadonlySet<string> = new Set(['input', 'filter', 'output']);
const NAME_CHAR = /[A-Za-z0-9_-]/;
const BAREWORD_START = /[A-Za-z_]/;
const BAREWORD_CHAR = /[A-Za-z0-9_]/;
const WORD_BOUNDARY = /[A-Za-z0-9_]/;

/** Binding strength of boolean operators: and/nand bind tighter than xor, xor tighter than or. */
const BOOLEAN_PRECEDENCE: Record<BooleanOp, number> = { or: 1, xor: 2, and: 3, nand: 3 };

export function parseLogstash(source: string, options: ParseOptions = {}): ParseResult {
  return new Parser(source, options).parse();
}

class Parser {
  private pos = 0;
  private readonly lineStarts: number[] = [0];
  private readonly errors: ParseError[] = [];
  private readonly comments: Comment[] = [];

  constructor(
    private readonly src: string,
    private readonly options: ParseOptions,
  ) {
    for (let i = 0; i < src.length; i++) if (src.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  parse(): ParseResult {
    const body: Statement[] = [];
    try {
      for (;;) {
        this.skipSpace(true);
        if (this.eof()) break;
        body.push(this.topStatement());
      }
    } catch (err) {
      if (!(err instanceof SyntaxFailure)) throw err;
      const p = this.position(err.offset);
      this.errors.push({ line: p.line, column: p.column, message: err.message, kind: 'syntax' });
    }
    this.errors.sort((a, b) => a.line - b.line || a.column - b.column);
    const config: Config = { type: 'Config', body, comments: this.comments, loc: this.span(0, this.src.length) };
    return { config, errors: this.errors };
  }

  // -------------------------------------------------------------------------------------------
  // Positions

  position(offset: number): Position {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.lineStarts[lo] ?? 0) + 1, offset };
  }

  private span(start: number, end: number): Span {
    return { start: this.position(start), end: this.position(end) };
  }

  private fail(message: string, offset = this.pos): never {
    throw new SyntaxFailure(offset, message);
  }

  private eof(): boolean {
    return this.pos >= this.src.length;
  }

  private peek(n = 0): string {
    return this.src[this.pos + n] ?? '';
  }

  private startsWith(text: string): boolean {
    return this.src.startsWith(text, this.pos);
  }

  private describeHere(): string {
    if (this.eof()) return 'end of file';
    const ch = this.peek();
    if (ch === '\n' || ch === '\r') return 'end of line';
    return `'${ch}'`;
  }

  private expect(text: string, what: string): void {
    if (!this.startsWith(text)) this.fail(`expected ${what}, found ${this.describeHere()}`);
    this.pos += text.length;
  }

  /** Whitespace and `#` comments; at statement level also reports and skips `//` lines. */
  private skipSpace(statementLevel = false): void {
    for (;;) {
      const ch = this.peek();
      if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') {
        this.pos++;
      } else if (ch === '#') {
        const start = this.pos;
        const end = this.lineEnd();
        this.comments.push({
          type: 'Comment',
          text: this.src.slice(start + 1, end).replace(/\r$/, ''),
          loc: this.span(start, end),
        });
        this.pos = end;
      } else if (statementLevel && ch === '/' && this.peek(1) === '/') {
        const p = this.position(this.pos);
        this.errors.push({
          line: p.line,
          column: p.column,
          message: "'//' does not start a comment in Logstash config (use '#'); Logstash rejects this file",
          kind: 'bad-comment',
        });
        this.pos = this.lineEnd();
      } else {
        return;
      }
    }
  }

  private lineEnd(): number {
    const nl = this.src.indexOf('\n', this.pos);
    return nl === -1 ? this.src.length : nl;
  }

  /** Is `word` at the current position, not followed by an identifier character? */
  private atKeyword(word: string): boolean {
    return this.startsWith(word) && !WORD_BOUNDARY.test(this.src[this.pos + word.length] ?? '');
  }

  /** Is the next non-space character (after `offset`) `ch`? Does not move. */
  private nextNonSpaceIs(offset: number, ch: string): boolean {
    let i = offset;
    for (;;) {
      const c = this.src[i];
      if (c === ' ' || c === '\t' || c === '\r' || c === '\n') i++;
      else if (c === '#') {
        const nl = this.src.indexOf('\n', i);
        if (nl === -1) return false;
        i = nl;
      } else return c === ch;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Templates

  private atTemplate(): boolean {
    if (this.startsWith('{{')) return true;
    if (this.startsWith('[[')) {
      // fabio-style `[[ .Name ]]`; `[["a"]]` stays an array of arrays.
      let i = this.pos + 2;
      while (this.src[i] === ' ' || this.src[i] === '\t') i++;
      const c = this.src[i] ?? '';
      // `[[- ` is Go's trim marker (it needs the space); `[[-1]]` is an array holding a negative number.
      if (c === '-') return /[ \t]/.test(this.src[i + 1] ?? '');
      return c === '.' || /[A-Za-z]/.test(c);
    }
    return false;
  }

  private template(): Template {
    const start = this.pos;
    const delimiter = this.startsWith('{{') ? '{{' : '[[';
    const close = delimiter === '{{' ? '}}' : ']]';
    const end = this.src.indexOf(close, start + 2);
    if (end === -1) this.fail(`unterminated template directive '${delimiter}' (no closing '${close}')`, start);
    this.pos = end + 2;
    const text = this.src.slice(start, this.pos);
    return { type: 'Template', text, inner: text.slice(2, -2).trim(), delimiter, loc: this.span(start, this.pos) };
  }

  // -------------------------------------------------------------------------------------------
  // Statements

  private topStatement(): Statement {
    if (this.atTemplate()) return this.template();
    const word = this.peekName();
    if (word !== undefined && SECTION_KINDS.has(word) && this.nextNonSpaceIs(this.pos + word.length, '{'))
      return this.section();
    if (this.atKeyword('if')) {
      this.reportOutside('conditional');
      return this.branch(true);
    }
    if (word !== undefined && this.nextNonSpaceIs(this.pos + word.length, '{')) {
      this.reportOutside(`plugin '${word}'`);
      return this.plugin();
    }
    this.fail(`expected 'input', 'filter' or 'output' section, found ${this.describeHere()}`);
  }

  private reportOutside(what: string): void {
    const p = this.position(this.pos);
    this.errors.push({
      line: p.line,
      column: p.column,
      message: `${what} outside of an input/filter/output section; move it inside a section`,
      kind: 'outside-section',
    });
  }

  private peekName(): string | undefined {
    let i = this.pos;
    while (i < this.src.length && NAME_CHAR.test(this.src[i] ?? '')) i++;
    return i > this.pos ? this.src.slice(this.pos, i) : undefined;
  }

  private section(): Section {
    const start = this.pos;
    const kind = this.peekName() as SectionKind;
    this.pos += kind.length;
    this.skipSpace();
    this.expect('{', `'{' after '${kind}'`);
    const body = this.statements(false);
    this.expect('}', `'}' closing the ${kind} section`);
    return { type: 'Section', kind, body, loc: this.span(start, this.pos) };
  }

  /** `branch_or_plugin*` up to (not including) the closing `}`. */
  private statements(topLevel: boolean): Statement[] {
    const body: Statement[] = [];
    for (;;) {
      this.skipSpace(true);
      if (this.eof()) this.fail("expected '}', found end of file");
      if (this.peek() === '}') return body;
      body.push(this.statement(topLevel));
    }
  }

  private statement(topLevel: boolean): Statement {
    if (this.atTemplate()) return this.template();
    if (this.atKeyword('if')) return this.branch(topLevel);
    if (this.atKeyword('else')) this.fail("'else' without a preceding 'if' block");
    const word = this.peekName();
    if (topLevel && word !== undefined && SECTION_KINDS.has(word) && this.nextNonSpaceIs(this.pos + word.length, '{'))
      return this.section();
    if (word === undefined && this.peek() !== '"' && this.peek() !== "'") {
      this.fail(`expected a plugin or a conditional, found ${this.describeHere()}`);
    }
    return this.plugin();
  }

  private plugin(): Plugin {
    const start = this.pos;
    const { name, loc: nameLoc } = this.name('plugin name');
    this.skipSpace();
    this.expect('{', `'{' after plugin name '${name}'`);
    const attributes: Attribute[] = [];
    const templates: Template[] = [];
    const body: (Attribute | Template)[] = [];
    for (;;) {
      this.skipSpace();
      if (this.eof()) this.fail(`expected '}' closing plugin '${name}', found end of file`);
      if (this.peek() === '}') break;
      if (this.atTemplate()) {
        const t = this.template();
        templates.push(t);
        body.push(t);
        continue;
      }
      const attr = this.attribute();
      attributes.push(attr);
      body.push(attr);
    }
    this.pos++;
    return { type: 'Plugin', name, nameLoc, attributes, templates, body, loc: this.span(start, this.pos) };
  }

  private name(what: string): { name: string; loc: Span } {
    const start = this.pos;
    if (this.peek() === '"' || this.peek() === "'") {
      const s = this.string();
      return { name: s.value, loc: s.loc };
    }
    const word = this.peekName();
    if (word === undefined) this.fail(`expected ${what}, found ${this.describeHere()}`);
    this.pos += word.length;
    return { name: word, loc: this.span(start, this.pos) };
  }

  private attribute(): Attribute {
    const start = this.pos;
    const { name, loc: nameLoc } = this.name('a setting name');
    this.skipSpace();
    this.expect('=>', `'=>' after setting '${name}'`);
    this.skipSpace();
    const value = this.value();
    return { type: 'Attribute', name, nameLoc, value, loc: this.span(start, this.pos) };
  }

  // -------------------------------------------------------------------------------------------
  // Values

  private value(): Value {
    const ch = this.peek();
    if (this.atTemplate()) return this.template();
    if (ch === '"' || ch === "'") return this.string();
    if (ch === '[') return this.array(() => this.value());
    if (ch === '{') return this.hash();
    const num = this.tryNumber();
    if (num) return num;
    if (BAREWORD_START.test(ch)) {
      const word = this.peekName() ?? '';
      if (this.nextNonSpaceIs(this.pos + word.length, '{')) return this.plugin();
      return this.bareword();
    }
    this.fail(`expected a value (string, number, bareword, array or hash), found ${this.describeHere()}`);
  }

  private bareword(): Bareword {
    const start = this.pos;
    while (BAREWORD_CHAR.test(this.peek())) this.pos++;
    return { type: 'Bareword', value: this.src.slice(start, this.pos), loc: this.span(start, this.pos) };
  }

  private tryNumber(): NumberLit | undefined {
    const m = /^-?[0-9]+(\.[0-9]*)?/.exec(this.src.slice(this.pos, this.pos + 64));
    if (!m) return undefined;
    const after = this.src[this.pos + m[0].length] ?? '';
    if (WORD_BOUNDARY.test(after)) return undefined;
    const start = this.pos;
    this.pos += m[0].length;
    return { type: 'Number', value: Number(m[0]), raw: m[0], loc: this.span(start, this.pos) };
  }

  private string(): StringLit {
    const start = this.pos;
    const quote = this.peek() as '"' | "'";
    this.pos++;
    const templates: Template[] = [];
    for (;;) {
      if (this.eof()) this.fail(`unterminated string (opened with ${quote})`, start);
      const ch = this.peek();
      if (ch === '\\' && this.peek(1) === quote) {
        this.pos += 2;
      } else if (ch === quote) {
        break;
      } else if (this.startsWith('{{') && this.src.includes('}}', this.pos + 2)) {
        // A directive may hold quotes of its own; a lone '{{' is plain text.
        templates.push(this.template());
      } else {
        this.pos++;
      }
    }
    const raw = this.src.slice(start + 1, this.pos);
    this.pos++;
    const value = this.options.supportEscapes ? unescapeString(raw) : raw;
    return { type: 'String', value, raw, quote, templates, loc: this.span(start, this.pos) };
  }

  private array<T>(item: () => T): { type: 'Array'; items: T[]; loc: Span } {
    const start = this.pos;
    this.pos++;
    const items: T[] = [];
    this.skipSpace();
    if (this.peek() !== ']') {
      for (;;) {
        this.skipSpace();
        items.push(item());
        this.skipSpace();
        if (this.peek() === ',') {
          this.pos++;
          continue;
        }
        break;
      }
    }
    this.skipSpace();
    this.expect(']', "',' or ']' in array");
    return { type: 'Array', items, loc: this.span(start, this.pos) };
  }

  private hash(): HashLit {
    const start = this.pos;
    this.pos++;
    const entries: HashEntry[] = [];
    const templates: Template[] = [];
    for (;;) {
      this.skipSpace();
      if (this.eof()) this.fail("expected '}' closing the hash, found end of file");
      if (this.peek() === '}') break;
      if (this.atTemplate()) {
        templates.push(this.template());
        continue;
      }
      const entryStart = this.pos;
      let key: StringLit | NumberLit | Bareword;
      const ch = this.peek();
      if (ch === '"' || ch === "'") key = this.string();
      else {
        const num = this.tryNumber();
        if (num) key = num;
        else if (BAREWORD_START.test(ch)) key = this.bareword();
        else this.fail(`expected a hash key (string, number or bareword), found ${this.describeHere()}`);
      }
      this.skipSpace();
      this.expect('=>', "'=>' after hash key");
      this.skipSpace();
      const value = this.value();
      entries.push({ type: 'HashEntry', key, value, loc: this.span(entryStart, this.pos) });
    }
    this.pos++;
    return { type: 'Hash', entries, templates, loc: this.span(start, this.pos) };
  }

  // -------------------------------------------------------------------------------------------
  // Branches and conditions

  private branch(topLevel: boolean): Branch {
    const start = this.pos;
    const clauses: BranchClause[] = [];
    clauses.push(this.clause('if', topLevel));
    for (;;) {
      const save = this.pos;
      this.skipSpace();
      if (!this.atKeyword('else')) {
        this.pos = save;
        break;
      }
      const clauseStart = this.pos;
      this.pos += 4;
      this.skipSpace();
      if (this.atKeyword('if')) {
        this.pos = clauseStart;
        clauses.push(this.clause('else if', topLevel));
      } else {
        this.pos = clauseStart;
        clauses.push(this.clause('else', topLevel));
        break;
      }
    }
    return { type: 'Branch', clauses, loc: this.span(start, this.pos) };
  }

  private clause(keyword: BranchClause['keyword'], topLevel: boolean): BranchClause {
    const start = this.pos;
    let condition: Condition | undefined;
    if (keyword === 'else if') {
      this.pos += 4;
      this.skipSpace();
    }
    if (keyword !== 'else') {
      this.pos += 2;
      this.skipSpace();
      condition = this.condition();
      this.skipSpace();
    } else {
      this.pos += 4;
      this.skipSpace();
    }
    this.expect('{', `'{' opening the ${keyword} block`);
    const body = this.statements(topLevel);
    this.pos++;
    const clause: BranchClause = { type: 'BranchClause', keyword, body, loc: this.span(start, this.pos) };
    if (condition) clause.condition = condition;
    return clause;
  }

  /** expression (boolean_operator expression)*, folded by precedence. */
  private condition(): Condition {
    const operands: Condition[] = [this.expression()];
    const ops: BooleanOp[] = [];
    for (;;) {
      const save = this.pos;
      this.skipSpace();
      const op = (['and', 'or', 'xor', 'nand'] as const).find((w) => this.atKeyword(w));
      if (!op) {
        this.pos = save;
        break;
      }
      this.pos += op.length;
      this.skipSpace();
      ops.push(op);
      operands.push(this.expression());
    }
    return foldBoolean(operands, ops);
  }

  private expression(): Condition {
    const start = this.pos;
    if (this.peek() === '(') {
      this.pos++;
      this.skipSpace();
      const inner = this.condition();
      this.skipSpace();
      this.expect(')', "')' closing the parenthesised condition");
      return inner;
    }
    if (this.peek() === '!' && this.peek(1) !== '=' && this.peek(1) !== '~') {
      this.pos++;
      this.skipSpace();
      const operand = this.expression();
      return { type: 'Not', operand, loc: this.span(start, this.pos) };
    }
    if (this.atKeyword('not') && !this.isNotIn()) {
      this.pos += 3;
      this.skipSpace();
      const operand = this.expression();
      return { type: 'Not', operand, loc: this.span(start, this.pos) };
    }
    const left = this.rvalue();
    const save = this.pos;
    this.skipSpace();
    const cmp = (['==', '!=', '<=', '>=', '<', '>'] as const).find((o) => this.startsWith(o));
    if (cmp) {
      this.pos += cmp.length;
      this.skipSpace();
      const right = this.rvalue();
      return { type: 'Comparison', op: cmp, left, right, loc: this.span(start, this.pos) };
    }
    if (this.startsWith('=~') || this.startsWith('!~')) {
      const op = this.src.slice(this.pos, this.pos + 2) as '=~' | '!~';
      this.pos += 2;
      this.skipSpace();
      const right = this.rvalue();
      if (right.type !== 'Regex' && right.type !== 'String')
        this.fail(`expected a /regex/ or string after '${op}'`, right.loc.start.offset);
      return { type: 'RegexMatch', op, left, right, loc: this.span(start, this.pos) };
    }
    if (this.atKeyword('in')) {
      this.pos += 2;
      this.skipSpace();
      const right = this.rvalue();
      return { type: 'In', negated: false, left, right, loc: this.span(start, this.pos) };
    }
    if (this.isNotIn()) {
      this.pos += 3;
      this.skipSpace();
      this.pos += 2;
      this.skipSpace();
      const right = this.rvalue();
      return { type: 'In', negated: true, left, right, loc: this.span(start, this.pos) };
    }
    this.pos = save;
    return { type: 'Truthy', value: left, loc: this.span(start, this.pos) };
  }

  private isNotIn(): boolean {
    if (!this.atKeyword('not')) return false;
    let i = this.pos + 3;
    while (/\s/.test(this.src[i] ?? '')) i++;
    return this.src.startsWith('in', i) && !WORD_BOUNDARY.test(this.src[i + 2] ?? '');
  }

  private rvalue(): RValue {
    const ch = this.peek();
    if (ch === '"' || ch === "'") return this.string();
    if (ch === '/') return this.regex();
    if (ch === '[') {
      // A selector `[a][b]` (no comma, no quote first) or an array literal `["a", "b"]`.
      if (this.atSelector()) return this.selector();
      return this.array(() => this.rvalue()) as ArrayLit;
    }
    const num = this.tryNumber();
    if (num) return num;
    const word = this.peekName();
    if (word !== undefined && BAREWORD_START.test(word[0] ?? '') && this.src[this.pos + word.length] === '(')
      return this.methodCall(word);
    this.fail(
      `expected a field reference, string, number, array or /regex/ in condition, found ${this.describeHere()}`,
    );
  }

  private atSelector(): boolean {
    const m = /^\[[^\],]+\]/.exec(this.src.slice(this.pos, this.pos + 512));
    if (!m) return false;
    const inner = m[0].slice(1, -1).trim();
    return !(inner.startsWith('"') || inner.startsWith("'") || /^-?[0-9]/.test(inner) || inner.startsWith('['));
  }

  private selector(): FieldRef {
    const start = this.pos;
    const path: string[] = [];
    while (this.peek() === '[') {
      const close = this.src.indexOf(']', this.pos);
      const inner = close === -1 ? '' : this.src.slice(this.pos + 1, close);
      if (close === -1 || inner.includes(',') || inner.length === 0)
        this.fail('malformed field reference (expected [name])');
      path.push(inner);
      this.pos = close + 1;
    }
    return { type: 'FieldRef', path, text: this.src.slice(start, this.pos), loc: this.span(start, this.pos) };
  }

  private regex(): RegexLit {
    const start = this.pos;
    this.pos++;
    let pattern = '';
    for (;;) {
      if (this.eof() || this.peek() === '\n') this.fail('unterminated /regex/', start);
      const ch = this.peek();
      if (ch === '\\' && this.peek(1) === '/') {
        pattern += '/';
        this.pos += 2;
      } else if (ch === '/') {
        break;
      } else {
        pattern += ch;
        this.pos++;
      }
    }
    this.pos++;
    return { type: 'Regex', pattern, loc: this.span(start, this.pos) };
  }

  private methodCall(name: string): MethodCall {
    const start = this.pos;
    this.pos += name.length + 1;
    const args: RValue[] = [];
    this.skipSpace();
    if (this.peek() !== ')') {
      for (;;) {
        this.skipSpace();
        args.push(this.rvalue());
        this.skipSpace();
        if (this.peek() === ',') {
          this.pos++;
          continue;
        }
        break;
      }
    }
    this.expect(')', `')' closing ${name}(...)`);
    return { type: 'MethodCall', name, args, loc: this.span(start, this.pos) };
  }
}

function foldBoolean(operands: Condition[], ops: BooleanOp[]): Condition {
  // Shunting-yard over left-associative operators of differing precedence.
  const out: Condition[] = [];
  const stack: BooleanOp[] = [];
  const reduce = (): void => {
    const op = stack.pop() as BooleanOp;
    const right = out.pop() as Condition;
    const left = out.pop() as Condition;
    out.push({ type: 'Boolean', op, left, right, loc: { start: left.loc.start, end: right.loc.end } });
  };
  out.push(operands[0] as Condition);
  ops.forEach((op, i) => {
    while (stack.length > 0 && BOOLEAN_PRECEDENCE[stack[stack.length - 1] as BooleanOp] >= BOOLEAN_PRECEDENCE[op])
      reduce();
    stack.push(op);
    out.push(operands[i + 1] as Condition);
  });
  while (stack.length > 0) reduce();
  return out[0] as Condition;
}

const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', "'": "'", n: '\n', r: '\r', t: '\t', '0': '\0' };

function unescapeString(raw: string): string {
  return raw.replace(/\\(.)/g, (whole, ch: string) => ESCAPES[ch] ?? whole);
}

export type { CompareOp };
