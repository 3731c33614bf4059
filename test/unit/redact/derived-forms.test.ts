/** Redaction of the forms a secret takes on its way out, not only the raw value. */
import { describe, expect, it } from 'vitest';
import { redact, registerBasicCredentials, registerSecret } from '../../../src/redact.js';

describe('redaction of derived forms', () => {
  it('masks the basic-auth password echoed in base64 by a proxy (Basic ZWxh…)', () => {
    registerBasicCredentials('elastic', 'hunter2-basic-pw');
    const header = `Basic ${Buffer.from('elastic:hunter2-basic-pw').toString('base64')}`;
    const echoed = JSON.stringify({ error: 'bad gateway', headers: { authorization: header } });
    expect(redact(echoed)).not.toContain(header.slice(6));
    expect(redact(echoed)).not.toContain('ZWxh');
    expect(redact(`upstream said: ${header}`)).toBe('upstream said: Basic ***');
  });

  it('masks any Basic credential that decodes to user:password, registered or not', () => {
    const header = `Basic ${Buffer.from('someone:unregistered').toString('base64')}`;
    expect(redact(`{"authorization":"${header}"}`)).toBe('{"authorization":"Basic ***"}');
    expect(redact('Basic authentication failed')).toBe('Basic authentication failed');
  });

  it('masks URL-encoded and form-encoded secrets', () => {
    registerSecret('p@ss w/rd&more');
    expect(redact('GET /query?p=p%40ss%20w%2Frd%26more&db=x')).not.toContain('p%40ss');
    expect(redact('body: p=p%40ss+w%2Frd%26more')).not.toContain('p%40ss');
  });

  it('masks a secret base64-encoded on its own and JSON-escaped', () => {
    registerSecret('tok"en\\value');
    expect(redact(Buffer.from('tok"en\\value').toString('base64'))).toBe('***');
    expect(redact(JSON.stringify({ t: 'tok"en\\value' }))).toBe('{"t":"***"}');
  });

  it('masks user:pass@ in URLs, also with an empty user or an @ in the password', () => {
    expect(redact('http://admin:s3cret@influx:8086/query')).toBe('http://admin:***@influx:8086/query');
    expect(redact('https://:onlypass@es:9200')).toBe('https://:***@es:9200');
    expect(redact('http://u:p@ss@host/x')).toBe('http://u:***@host/x');
    expect(redact('http://influx:8086/query')).toBe('http://influx:8086/query');
  });
});
