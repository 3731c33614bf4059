/** Runs rules over a LintProject: every rule's visitors are registered once, then each node is dispatched once. */
import type {
  LintMessage,
  LintNode,
  LintProject,
  LintResult,
  LintRule,
  NodeKind,
  NodeMap,
  ReportDescriptor,
  RuleContext,
} from './types.js';

export interface LintOptions {
  /** Rule ids to run (default: all given). */
  only?: string[];
}

const format = (template: string, data: Record<string, string | number> = {}): string =>
  template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => (k in data ? String(data[k]) : `{{${k}}}`));

function nodesOf(project: LintProject): [NodeKind, LintNode[]][] {
  return [
    ['grafana-dashboard', project.dashboards],
    ['grafana-variable', project.dashboards.flatMap((d) => d.variables)],
    ['grafana-panel', project.dashboards.flatMap((d) => d.panels)],
    ['grafana-alert', project.alerts],
    ['influxql', project.queries],
    ['logstash-file', project.logstash],
    ['logstash-plugin', project.plugins],
    ['logstash-condition', project.conditions],
    ['es-template', project.templates],
    ['tickscript', project.tickscripts],
    ['tickscript-alert', project.tickscriptAlerts],
    ['kv-manifest', project.manifests],
    ['service-def', project.serviceDefs],
    ['dashboard-def', project.dashboardDefs],
    ['alert-def', project.alertDefs],
    ['log-filter-def', project.logFilterDefs],
    ['index-template-def', project.indexTemplateDefs],
    ['project', [{ kind: 'project', file: '', line: 1, column: 1, project }]],
  ];
}

export function runRules(project: LintProject, rules: readonly LintRule[], options: LintOptions = {}): LintResult[] {
  const byFile = new Map<string, LintMessage[]>();
  const listeners = new Map<NodeKind, ((node: LintNode) => void)[]>();
  const active = options.only ? rules.filter((r) => options.only?.includes(r.meta.id)) : rules;
  for (const rule of active) {
    const context: RuleContext = {
      project,
      knowledge: project.knowledge,
      report(d: ReportDescriptor) {
        const template = rule.meta.messages[d.messageId];
        if (template === undefined) throw new Error(`rule ${rule.meta.id} reported unknown messageId "${d.messageId}"`);
        const message: LintMessage = {
          ruleId: rule.meta.id,
          messageId: d.messageId,
          severity: rule.meta.severity,
          message: format(template, d.data),
          line: d.line ?? d.node.line,
          column: d.column ?? d.node.column,
        };
        const list = byFile.get(d.node.file) ?? [];
        list.push(message);
        byFile.set(d.node.file, list);
      },
    };
    const visitors = rule.create(context) as Record<string, ((node: LintNode) => void) | undefined>;
    for (const [kind, fn] of Object.entries(visitors)) {
      if (!fn) continue;
      const list = listeners.get(kind as NodeKind) ?? [];
      list.push(fn);
      listeners.set(kind as NodeKind, list);
    }
  }
  for (const [kind, nodes] of nodesOf(project)) {
    const fns = listeners.get(kind);
    if (!fns) continue;
    for (const node of nodes) for (const fn of fns) fn(node);
  }
  return [...byFile.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([filePath, messages]) => {
      messages.sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : 1));
      return {
        filePath,
        messages,
        errorCount: messages.filter((m) => m.severity === 'error').length,
        warningCount: messages.filter((m) => m.severity === 'warning').length,
      };
    });
}

export type { NodeMap };
