import { Point } from '@influxdata/influxdb-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDatabase,
  dropDatabase,
  dropSeriesWhereTag,
  influxQuery,
  influxQueryStatements,
  listDatabases,
  showFieldKeys,
  showMeasurements,
  showTagKeys,
  showTagValues,
  writePoints,
} from '../../src/backends/influx.js';
import { quoteIdent, quoteString } from '../../src/define/influxql.js';
import { CalvinError } from '../../src/errors.js';
import { closedPort, HOSTILE_NAMES, STACK } from './stack-helpers.js';

const endpoint = STACK.influx;
const db = `h3_backends_influx_${process.pid}`;
const hostileDb = `h3 we"ird'db ${process.pid}`;
const now = Date.now() - (Date.now() % 60_000);

beforeAll(async () => {
  await createDatabase(endpoint, db);
  await createDatabase(endpoint, hostileDb);
});

afterAll(async () => {
  await dropDatabase(endpoint, db);
  await dropDatabase(endpoint, hostileDb);
});

describe('InfluxDB backend against the local stack', () => {
  it('creates and lists databases, hostile names included', async () => {
    const dbs = await listDatabases(endpoint);
    expect(dbs).toContain(db);
    expect(dbs).toContain(hostileDb);
  });

  it('writes points in batches and reads them back with epoch ms times', async () => {
    const points = Array.from({ length: 12_345 }, (_, i) =>
      new Point('cpu')
        .tag('host', `host-${i % 3}`)
        .tag('cpu', 'cpu-total')
        .floatField('usage_idle', 50 + (i % 10))
        .timestamp(now - i * 1_000),
    );
    expect(await writePoints(endpoint, db, points, { batchSize: 5_000 })).toBe(12_345);
    const series = await influxQuery(
      endpoint,
      db,
      `SELECT count(${quoteIdent('usage_idle')}) FROM ${quoteIdent('cpu')} GROUP BY ${quoteIdent('host')}`,
    );
    expect(series.map((s) => [s.tags.host, s.values[0]?.[1]]).sort()).toEqual([
      ['host-0', 4115],
      ['host-1', 4115],
      ['host-2', 4115],
    ]);
    const last = await influxQuery(
      endpoint,
      db,
      `SELECT last(${quoteIdent('usage_idle')}) FROM ${quoteIdent('cpu')} WHERE ${quoteIdent('host')} = ${quoteString('host-0')}`,
    );
    expect(last[0]?.columns).toEqual(['time', 'last']);
    expect(last[0]?.values[0]?.[0]).toBe(now);
    expect(last[0]?.values[0]?.[1]).toBe(50);
  });

  it('round-trips hostile tag values, measurement and field names through the escaping helpers', async () => {
    const measurement = `me"as'ure.*ment ☃`;
    const field = `fi"eld'.used`;
    const points = HOSTILE_NAMES.map((host, i) =>
      new Point(measurement).tag('host', host).tag(`ta"g key`, host).floatField(field, i).timestamp(now),
    );
    await writePoints(endpoint, db, points);
    for (const [i, host] of HOSTILE_NAMES.entries()) {
      const series = await influxQuery(
        endpoint,
        db,
        `SELECT ${quoteIdent(field)} FROM ${quoteIdent(measurement)} WHERE ${quoteIdent('host')} = ${quoteString(host)} GROUP BY ${quoteIdent('host')}`,
      );
      expect(series).toHaveLength(1);
      expect(series[0]?.tags.host).toBe(host);
      expect(series[0]?.values[0]?.[1]).toBe(i);
    }
    expect(await showMeasurements(endpoint, db)).toContain(measurement);
    expect(await showFieldKeys(endpoint, db, measurement)).toEqual([
      { measurement, fieldKey: field, fieldType: 'float' },
    ]);
    expect((await showTagKeys(endpoint, db, measurement)).map((k) => k.tagKey).sort()).toEqual(['host', 'ta"g key']);
    expect((await showTagValues(endpoint, db, 'host', measurement)).sort()).toEqual([...HOSTILE_NAMES].sort());
  });

  it('writes into and queries a database with a hostile name', async () => {
    await writePoints(endpoint, hostileDb, [
      new Point('mem').tag('host', 'a').floatField('used_percent', 42).timestamp(now),
    ]);
    const series = await influxQuery(
      endpoint,
      hostileDb,
      `SELECT ${quoteIdent('used_percent')} FROM ${quoteIdent('mem')}`,
    );
    expect(series[0]?.values).toEqual([[now, 42]]);
  });

  it('drops the series of one host only', async () => {
    await dropSeriesWhereTag(endpoint, db, 'host', HOSTILE_NAMES[1] as string);
    const left = await showTagValues(endpoint, db, 'host');
    expect(left).not.toContain(HOSTILE_NAMES[1]);
    expect(left).toContain(HOSTILE_NAMES[0]);
  });

  it('returns the series of each statement of a multi-statement query', async () => {
    const results = await influxQueryStatements(
      endpoint,
      db,
      `SELECT count(${quoteIdent('usage_idle')}) FROM ${quoteIdent('cpu')}; SELECT count(${quoteIdent('usage_idle')}) FROM ${quoteIdent('nothing')}`,
    );
    expect(results).toHaveLength(2);
    expect(results[0]?.[0]?.values[0]?.[1]).toBe(12_345);
    expect(results[1]).toEqual([]);
  });

  it('turns errors in the result JSON into CalvinError BACKEND_ERROR', async () => {
    const missing = await influxQuery(endpoint, `no_such_db_${process.pid}`, 'SELECT * FROM "cpu"').catch(
      (e: unknown) => e,
    );
    expect(missing).toBeInstanceOf(CalvinError);
    expect((missing as CalvinError).code).toBe('BACKEND_ERROR');
    expect((missing as CalvinError).message).toContain('database not found');
    const syntax = await influxQuery(endpoint, db, 'SELEKT nonsense').catch((e: unknown) => e);
    expect((syntax as CalvinError).code).toBe('BACKEND_ERROR');
  });

  it('fails fast with BACKEND_UNREACHABLE when nothing listens', async () => {
    const dead = { url: `http://127.0.0.1:${await closedPort()}` };
    const query = await influxQuery(dead, db, 'SHOW MEASUREMENTS').catch((e: unknown) => e);
    expect((query as CalvinError).code).toBe('BACKEND_UNREACHABLE');
    const write = await writePoints(dead, db, [new Point('x').floatField('y', 1)]).catch((e: unknown) => e);
    expect((write as CalvinError).code).toBe('BACKEND_UNREACHABLE');
  }, 15_000);
});
