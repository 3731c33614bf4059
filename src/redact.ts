/**
 * Secrets never reach output. Every token calvin reads is registered here, and everything printed
 * (errors, --debug traces, plans, reports) passes through `redact`.
 */
const secrets = new Set<string>();

/** Registers a secret value so that `redact` masks it wherever it appears. */
export function registerSecret(value: string | undefined | null): void {
  if (value && value.length >= 4) secrets.add(value);
}

const SECRET_PATTERNS: RegExp[] = [
  /(authorization:\s*(?:bearer|basic|token)\s+)[^\s"',]+/gi,
  // `key: v`, `key=v` and Logstash's `key => "v"`.
  /((?:x-consul-token|x-vault-token|x-grafana-token|token|password|passwd|secret|api[_-]?key)["']?\s*(?:=>|[:=])\s*["']?)[^\s"'&,}]+/gi,
  /(\/\/[^/\s:@]+:)[^@\s/]+(@)/g, // user:password@host in URLs
];

export function redact(text: string): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('***');
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
