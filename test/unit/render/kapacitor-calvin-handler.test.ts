import { describe, expect, it } from 'vitest';
import { alert, calvin } from '../../../src/define/index.js';
import {
  checkTickscript,
  defaultRenderOptions,
  renderTickscript,
  serveRenderOptions,
} from '../../../src/render/index.js';

const diskFull = alert('artefacts-disk-full', 'artefacts')
  .owner('build-infrastructure')
  .from('system', 'disk')
  .field('used_percent')
  .threshold({ direction: 'above', crit: 90 })
  .message('disk full')
  .runbookFile('Artefacts disk full')
  .handlers([calvin()])
  .withTest({
    name: 'fills up',
    interval: '1m',
    series: { 'disk,host=nexus-01 used_percent': '95x10' },
    expect: [{ at: '5m', level: 'CRITICAL', tags: { host: 'nexus-01' } }],
  })
  .build();

describe('the calvin() handler and runbook links from the serve URL', () => {
  it('posts to <serve URL>/api/v1/alerts/kapacitor through the endpoint "calvin" and links <serve URL>/runbooks/<name>', () => {
    const options = defaultRenderOptions(serveRenderOptions('https://calvin.test.example/'));
    const script = renderTickscript(diskFull, [], options);
    expect(script).toContain(".post('https://calvin.test.example/api/v1/alerts/kapacitor')");
    expect(script).toContain(".endpoint('calvin')");
    expect(script).toContain('| runbook: https://calvin.test.example/runbooks/artefacts-disk-full |');
    expect(checkTickscript(script)).toEqual([]);
  });

  it('never writes a token into the script, whatever the environment holds', () => {
    const before = process.env.CALVIN_SERVE_TOKEN;
    process.env.CALVIN_SERVE_TOKEN = 'tok-123456';
    try {
      const script = renderTickscript(diskFull, [], defaultRenderOptions(serveRenderOptions('http://127.0.0.1:18080')));
      expect(script).not.toContain('tok-123456');
      expect(script).not.toContain('.header(');
    } finally {
      if (before === undefined) delete process.env.CALVIN_SERVE_TOKEN;
      else process.env.CALVIN_SERVE_TOKEN = before;
    }
  });

  it('names only the endpoint when no serve URL is configured (kapacitor.conf then says where)', () => {
    const script = renderTickscript(diskFull, [], defaultRenderOptions());
    expect(script).toContain('.post()\n');
    expect(script).toContain(".endpoint('calvin')");
    expect(checkTickscript(script)).toEqual([]);
  });
});
