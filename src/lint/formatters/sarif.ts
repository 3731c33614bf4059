import type { Formatter } from './types.js';

const INFORMATION_URI = 'https://github.com/calvinverse/calvin/blob/main/docs/lint.md';

/** SARIF 2.1.0: one run, the rules that ran as reportingDescriptors, one result per finding. */
export const sarif: Formatter = (results, context) => {
  const ids = [...context.rules.keys()].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'calvin-lint',
            ...(context.version ? { version: context.version } : {}),
            informationUri: INFORMATION_URI,
            rules: ids.map((id) => {
              const meta = context.rules.get(id);
              return {
                id,
                name: id,
                shortDescription: { text: meta?.docs.description ?? id },
                fullDescription: { text: meta?.docs.description ?? id },
                help: {
                  text: meta?.docs.hint ?? '',
                  markdown: `${meta?.docs.description ?? id}\n\n**Fix:** ${meta?.docs.hint ?? ''}`,
                },
                helpUri: `${INFORMATION_URI}#${id}`,
                defaultConfiguration: { level: meta?.severity === 'warning' ? 'warning' : 'error' },
                properties: { tags: [meta?.type ?? 'problem'] },
              };
            }),
          },
        },
        // Files not checked: the run did not cover them (SARIF's place for that is the invocation).
        invocations: [
          {
            executionSuccessful: (context.skipped ?? []).length === 0,
            toolExecutionNotifications: (context.skipped ?? []).map((s) => ({
              level: 'error',
              message: { text: `not checked: ${s.reason}` },
              locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(s.file.replace(/^\.\//, '')) } } }],
            })),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((r) =>
          r.messages.map((m) => ({
            ruleId: m.ruleId,
            ...(index.has(m.ruleId) ? { ruleIndex: index.get(m.ruleId) } : {}),
            level: m.severity === 'error' ? 'error' : 'warning',
            message: { text: m.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: encodeURI(r.filePath.replace(/^\.\//, '')) },
                  region: { startLine: Math.max(1, m.line), startColumn: Math.max(1, m.column) },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
