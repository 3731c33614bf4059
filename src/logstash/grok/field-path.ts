/**
 * Field names as Logstash writes them (`[process][pid]`, `message`) and as ECS documents them
 * (`process.pid`). A path is the list of nested keys.
 */

/**
 * `[a][b]` → ['a', 'b']; `a.b` → ['a', 'b'] when `dotted` (calvin's typed definitions and
 * test expectations), ['a.b'] otherwise (Logstash takes a dot literally); `a` → ['a'].
 */
export function parseFieldPath(name: string, dotted = false): string[] {
  const trimmed = name.trim();
  if (trimmed.startsWith('[')) {
    const parts: string[] = [];
    const re = /\[([^\]]*)\]/gy;
    let m: RegExpExecArray | null;
    let last = 0;
    while ((m = re.exec(trimmed)) !== null) {
      parts.push(m[1] ?? '');
      last = re.lastIndex;
    }
    if (parts.length > 0 && last === trimmed.length) return parts;
  }
  return dotted ? trimmed.split('.') : [trimmed];
}

/** Canonical Logstash spelling of a path: `[a][b]` (single keys stay bare). */
export function formatFieldPath(path: readonly string[]): string {
  return path.length === 1 ? (path[0] ?? '') : path.map((p) => `[${p}]`).join('');
}

/** ECS dotted spelling of a path: `a.b`. */
export function dottedFieldPath(path: readonly string[]): string {
  return path.join('.');
}
