import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/diagnose/analyze.js';
import { redact } from '../../../src/redact.js';
import { renderRedactedReport, renderReport } from '../../../src/report/index.js';
import { collected, group, hostLogs } from '../diagnose/fixtures.js';

/** A diagnosis whose top error carries a secret in a quoted value, as log messages do. */
function withSecret() {
  const message = 'ERROR vault login failed for "ci": password="hunter2" rejected';
  const c = collected({
    logs: {
      hosts: [hostLogs('nexus-01', 40, 0)],
      windowErrors: [group(message, [['nexus-01', 40]])],
      baselineErrors: [],
    },
  });
  return analyze(c, { now: () => 1 }, 0);
}

describe('reports with secrets in log messages', () => {
  it('redacting the rendered JSON (the old way) breaks it: the reason for redacting the data instead', () => {
    const out = redact(renderReport('json', { diagnosis: withSecret() }));
    expect(() => JSON.parse(out)).toThrow();
  });

  it('--json: valid JSON with the secret hidden and the rest of the message kept', () => {
    const out = renderRedactedReport('json', { diagnosis: withSecret() });
    const parsed = JSON.parse(out) as { topErrors: { example: string }[] };
    expect(out).not.toContain('hunter2');
    expect(parsed.topErrors[0]?.example).toBe('ERROR vault login failed for "ci": password="***" rejected');
  });

  it('every other format hides it too', () => {
    for (const format of ['text', 'markdown', 'html'] as const)
      expect(renderRedactedReport(format, { diagnosis: withSecret() })).not.toContain('hunter2');
  });
});
