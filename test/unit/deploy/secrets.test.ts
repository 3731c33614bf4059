import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSecret, withSecrets } from '../../../src/backends/secrets.js';
import { loadConfig } from '../../../src/config.js';
import { redact } from '../../../src/redact.js';

describe('secrets', () => {
  it('reads tokens from the environment or a *_FILE, and registers them for redaction', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'calvin-secret-'));
    try {
      const file = path.join(dir, 'token');
      writeFileSync(file, 'file-secret-0815\n');
      expect(readSecret('GRAFANA_TOKEN', { GRAFANA_TOKEN_FILE: file })).toBe('file-secret-0815');
      expect(redact('token is file-secret-0815')).toBe('token is ***');
      const config = withSecrets(loadConfig({}, { GRAFANA_URL: 'http://g', KAPACITOR_URL: 'http://k' }), {
        GRAFANA_TOKEN_FILE: file,
        KAPACITOR_TOKEN: 'env-secret-4711',
      });
      expect(config.grafana?.token).toBe('file-secret-0815');
      expect(config.kapacitor?.token).toBe('env-secret-4711');
      expect(redact('x env-secret-4711 y')).toBe('x *** y');
      expect(() => readSecret('GRAFANA_TOKEN', { GRAFANA_TOKEN_FILE: path.join(dir, 'missing') })).toThrow(
        /cannot read GRAFANA_TOKEN_FILE \(ENOENT\)/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
