/** Calvinverse's Set-ConsulKV manifests (`config: [{ key, file }]`), e.g. logs.yaml and dashboards.yaml. */
import { parseDocument, isMap, isSeq, isScalar, LineCounter } from 'yaml';
import type { ManifestNode } from '../types.js';

export function looksLikeKvManifest(text: string): boolean {
  return /^config\s*:/m.test(text) && /^\s*-?\s*key\s*:/m.test(text) && /^\s*file\s*:/m.test(text);
}

export function buildManifest(file: string, text: string, baseDir: string, existing: Set<string>): ManifestNode {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const node: ManifestNode = { kind: 'kv-manifest', file, line: 1, column: 1, entries: [], baseDir, existing };
  const list = isMap(doc.contents) ? doc.contents.get('config', true) : undefined;
  if (!isSeq(list)) return node;
  for (const item of list.items) {
    if (!isMap(item)) continue;
    const key = item.get('key');
    const f = item.get('file', true);
    if (typeof key !== 'string' || !isScalar(f) || typeof f.value !== 'string') continue;
    const pos = counter.linePos(f.range?.[0] ?? 0);
    node.entries.push({ key, file: f.value, line: pos.line, column: pos.col });
  }
  return node;
}
