/** calvin's shipped `calvin-logs` index template as one self-contained body: what production indices get. */
import { loadCatalog } from '../../src/load/index.js';
import { renderComponentTemplateBody, renderIndexTemplateBody } from '../../src/render/elasticsearch.js';

type Props = Record<string, unknown>;

/** Deep merge of mapping properties (the component templates, then the index template). */
function merge(a: Props, b: Props): Props {
  const out: Props = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] =
      prev && typeof prev === 'object' && v && typeof v === 'object' && !Array.isArray(v)
        ? merge(prev as Props, v as Props)
        : v;
  }
  return out;
}

/** Settings and mappings of `calvin-logs` (components merged in), without replicas. */
export async function calvinLogsBody(root: string): Promise<Props> {
  const catalog = await loadCatalog(root);
  const t = catalog.indexTemplates.find((x) => x.name === 'calvin-logs');
  if (!t) throw new Error('calvin-logs template not shipped');
  let inner: Props = {};
  for (const c of t.components) inner = merge(inner, renderComponentTemplateBody(c, t.id).template as Props);
  inner = merge(inner, renderIndexTemplateBody(t, catalog.logFilters).template as Props);
  return merge(inner, { settings: { 'index.number_of_replicas': 0 } });
}

/** The composable index template of `calvin-logs` on another index pattern. */
export async function calvinLogsTemplate(root: string, pattern: string): Promise<Props> {
  return { index_patterns: [pattern], priority: 900, template: await calvinLogsBody(root) };
}
