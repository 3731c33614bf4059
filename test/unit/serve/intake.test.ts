import { describe, expect, it } from 'vitest';
import { BodyError, alertKey, parseAlertmanager, parseKapacitor } from '../../../src/serve/intake.js';

const now = new Date('2026-12-06T10:00:00Z');
const kapacitor = {
  id: 'calvin-artefacts-disk-full:host=nexus-02',
  message: 'CRITICAL: disk',
  details: '<p/>',
  time: '2026-12-06T09:59:00Z',
  duration: 60_000_000_000,
  level: 'CRITICAL',
  previousLevel: 'OK',
  data: {
    series: [{ name: 'disk', tags: { host: 'nexus-02', path: '/srv' }, columns: ['time', 'value'], values: [] }],
  },
};

describe('alert intake parsing', () => {
  it("maps Kapacitor's .post() body, tags of the series merged", () => {
    const a = parseKapacitor(kapacitor, now);
    expect(a).toMatchObject({
      source: 'kapacitor',
      alertId: kapacitor.id,
      level: 'CRITICAL',
      time: '2026-12-06T09:59:00.000Z',
    });
    expect(a.tags).toEqual({ host: 'nexus-02', path: '/srv' });
    expect(a.key).toBe(alertKey('kapacitor', kapacitor.id, '2026-12-06T09:59:00.000Z', 'CRITICAL'));
  });

  it('gives the same delivery the same key, and another level or time another key', () => {
    const first = parseKapacitor(kapacitor, now).key;
    expect(parseKapacitor(kapacitor, new Date()).key).toBe(first);
    expect(parseKapacitor({ ...kapacitor, level: 'OK' }, now).key).not.toBe(first);
    expect(parseKapacitor({ ...kapacitor, time: '2026-12-06T09:59:01Z' }, now).key).not.toBe(first);
  });

  it('rejects bodies outside the schema with one line naming the field', () => {
    expect(() => parseKapacitor({ ...kapacitor, level: 'LOUD' }, now)).toThrow(BodyError);
    expect(() => parseKapacitor({ id: 'x', time: 'yesterday', level: 'OK' }, now)).toThrow(/\/time/);
    expect(() => parseKapacitor([], now)).toThrow(BodyError);
  });

  it('maps an Alertmanager v4 webhook: firing by severity, resolved as OK at its end', () => {
    const body = {
      version: '4',
      status: 'firing',
      alerts: [
        {
          status: 'firing',
          labels: { alertname: 'Disk', severity: 'critical', instance: 'n1:9100' },
          startsAt: '2026-12-06T09:00:00Z',
          fingerprint: 'f1',
        },
        {
          status: 'resolved',
          labels: { alertname: 'Disk' },
          startsAt: '2026-12-06T08:00:00Z',
          endsAt: '2026-12-06T09:30:00Z',
          fingerprint: 'f2',
        },
      ],
    };
    const [firing, resolved] = parseAlertmanager(body, now);
    expect(firing).toMatchObject({ source: 'alertmanager', alertId: 'f1', level: 'CRITICAL', message: 'Disk' });
    expect(resolved).toMatchObject({ level: 'OK', time: '2026-12-06T09:30:00.000Z' });
    expect(() => parseAlertmanager({ ...body, version: '3' }, now)).toThrow(/version/);
  });
});
