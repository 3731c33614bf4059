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
  it('posts to <serve URL>/api/v1/alerts/kapacitor with the bearer token and links <serve URL>/runbooks/<name>', () => {
    const options = defaultRenderOptions(serveRenderOptions('https://calvin.test.example/', 'tok-123456'));
    const script = renderTickscript(diskFull, [], options);
    expect(script).toContain(".post('https://calvin.test.example/api/v1/alerts/kapacitor')");
    expect(script).toContain(".header('Authorization', 'Bearer tok-123456')");
    expect(script).toContain('| runbook: https://calvin.test.example/runbooks/artefacts-disk-full |');
    expect(checkTickscript(script)).toEqual([]);
  });

  it('renders no token header when none is configured (calvin build output stays token-free)', () => {
    const script = renderTickscript(diskFull, [], defaultRenderOptions(serveRenderOptions('http://127.0.0.1:18080')));
    expect(script).toContain(".post('http://127.0.0.1:18080/api/v1/alerts/kapacitor')");
    expect(script).not.toContain('.header(');
  });

  it('fails with one clear line when no serve URL is configured', () => {
    expect(() => renderTickscript(diskFull, [], defaultRenderOptions())).toThrow(/no serve URL is configured/);
  });
});
