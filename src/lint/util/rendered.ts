/** A definition's dashboards as the renderers write them for the target environment (pure). */
import type { EnvironmentModel } from '../../define/environment.js';
import type { DashboardDef } from '../../define/types.js';
import { renderChronografDashboard } from '../../render/chronograf.js';
import { renderGrafanaDashboard } from '../../render/grafana.js';
import { defaultRenderOptions } from '../../render/index.js';

type Json = Record<string, unknown>;

export function renderedGrafana(dashboard: DashboardDef, environment: EnvironmentModel): Json {
  return renderGrafanaDashboard(dashboard, defaultRenderOptions({ environment }));
}

export function renderedChronograf(dashboard: DashboardDef, environment: EnvironmentModel): Json {
  return renderChronografDashboard(dashboard, defaultRenderOptions({ environment }));
}

/** Every `datasource` reference in a Grafana dashboard JSON: panels, targets, variables, annotations. */
export function datasourceRefs(
  json: unknown,
  into: { type?: string; uid: string }[] = [],
): { type?: string; uid: string }[] {
  if (Array.isArray(json)) for (const item of json) datasourceRefs(item, into);
  else if (json !== null && typeof json === 'object') {
    for (const [key, value] of Object.entries(json as Json)) {
      if (key === 'datasource' && typeof value === 'string') into.push({ uid: value });
      else if (key === 'datasource' && value !== null && typeof value === 'object') {
        const ref = value as { type?: unknown; uid?: unknown };
        if (typeof ref.uid === 'string')
          into.push({ uid: ref.uid, ...(typeof ref.type === 'string' ? { type: ref.type } : {}) });
      } else datasourceRefs(value, into);
    }
  }
  return into;
}
