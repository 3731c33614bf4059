/**
 * Byte-stable JSON: object keys sorted (code-unit order), 2-space indent, final newline.
 * Two renders of equal data give identical bytes whatever order the keys were built in.
 */

/** Returns a copy with every object's keys sorted; drops `undefined` members like JSON.stringify. */
export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : sortKeysDeep(item)));
  if (value !== null && typeof value === 'object') {
    const source = value as Record<string, unknown>;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(source).sort()) {
      const member = source[key];
      if (member === undefined) continue;
      // defineProperty keeps a "__proto__" key an ordinary member instead of changing the prototype.
      if (key === '__proto__')
        Object.defineProperty(sorted, key, {
          value: sortKeysDeep(member),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      else sorted[key] = sortKeysDeep(member);
    }
    return sorted;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new TypeError(`stableJson: cannot serialise the number ${String(value)}`);
  }
  return value;
}

export function stableJson(value: unknown): string {
  return `${JSON.stringify(sortKeysDeep(value), null, 2)}\n`;
}

/** The bytes and the equal plain body of a JSON artifact, sorted once. */
export function stableJsonArtifact(value: unknown): { content: string; body: unknown } {
  const body = sortKeysDeep(value);
  return { content: `${JSON.stringify(body, null, 2)}\n`, body };
}
