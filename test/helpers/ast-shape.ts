/**
 * A syntax tree without what the round-trip tests ignore: source positions (named by `drop`) and,
 * when `unwrap` names it, parenthesis nodes (`{ type: unwrap, expr }`), which a printer may add or omit.
 */
export function astShape(value: unknown, drop: readonly string[], unwrap?: string): unknown {
  if (Array.isArray(value)) return value.map((v) => astShape(v, drop, unwrap));
  if (value && typeof value === 'object') {
    const node = value as Record<string, unknown>;
    if (unwrap !== undefined && node.type === unwrap) return astShape(node.expr, drop, unwrap);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if (!drop.includes(k) && v !== undefined) out[k] = astShape(v, drop, unwrap);
    }
    return out;
  }
  return value;
}
