/**
 * Secrets never reach output. Every token calvin reads is registered here, and everything printed
 * (errors, --debug traces, plans, reports) passes through `redact`.
 */
const secrets = new Set<string>();
/** The secrets longest first, so a derived form is masked whole rather than around a shorter one inside it. */
let longestFirst: string[] = [];

/**
 * The forms a secret takes on its way out: as it is, URL-encoded (query strings, form bodies, URLs),
 * JSON-escaped, and base64 (a header or a proxy echoing it).
 */
function derivedForms(value: string): string[] {
  return [
    value,
    encodeURIComponent(value),
    new URLSearchParams({ v: value }).toString().slice(2),
    JSON.stringify(value).slice(1, -1),
    Buffer.from(value).toString('base64'),
    Buffer.from(value).toString('base64').replace(/=+$/, ''),
  ];
}

/** Registers a secret value so that `redact` masks it, and its derived forms, wherever they appear. */
export function registerSecret(value: string | undefined | null): void {
  if (!value || value.length < 4) return;
  for (const form of derivedForms(value)) if (form.length >= 4) secrets.add(form);
  longestFirst = [...secrets].sort((a, b) => b.length - a.length);
}

/** Registers HTTP basic credentials: the password, and `user:password` as a `Basic` header carries it. */
export function registerBasicCredentials(username: string | undefined, password: string | undefined): void {
  registerSecret(password);
  if (username !== undefined && password) registerSecret(`${username}:${password}`);
}

/** A `Basic` credential is base64 of `user:password`: masked when it decodes to that shape. */
function maskBasic(match: string, scheme: string, encoded: string): string {
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  return /^[^:\s]*:.+/.test(decoded) ? `${scheme}***` : match;
}

const SECRET_PATTERNS: RegExp[] = [
  /(authorization:\s*(?:bearer|basic|token)\s+)[^\s"',]+/gi,
  // `key: v`, `key=v` and Logstash's `key => "v"`.
  /((?:x-consul-token|x-vault-token|x-grafana-token|token|password|passwd|secret|api[_-]?key)["']?\s*(?:=>|[:=])\s*["']?)[^\s"'&,}]+/gi,
  // user:password@host in URLs (an empty user, and an unencoded `@` in the password, too).
  /(\/\/[^/\s:@]*:)[^\s/?#]*(@)/g,
];

export function redact(text: string): string {
  let out = text;
  for (const secret of longestFirst) out = out.split(secret).join('***');
  out = out.replace(/\b(Basic\s+)([A-Za-z0-9+/]{4,}={0,2})/gi, maskBasic);
  for (const pattern of SECRET_PATTERNS)
    out = out.replace(pattern, (_m, pre: string, post?: string) => `${pre}***${typeof post === 'string' ? post : ''}`);
  return out;
}

/**
 * `redact` applied to every string inside a value (plain objects and arrays rebuilt, other values kept).
 * Reports redact their data this way before rendering: redacting rendered JSON or HTML would run the
 * patterns over escapes (`\"`) and markup and could break the output it protects.
 */
export function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => redactDeep(v)) as T;
  // Only plain objects are rebuilt: a Date, Map or class instance is kept as it is.
  if (typeof value === 'object' && value !== null && [Object.prototype, null].includes(Object.getPrototypeOf(value))) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, redactDeep(v)]),
    ) as T;
  }
  return value;
}
