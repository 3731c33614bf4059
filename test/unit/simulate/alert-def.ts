/** A complete AlertDef for simulator tests: max of disk used_percent per host, 1m windows. */
import type { AlertDef } from '../../../src/define/types.js';

export function alertDef(over: Partial<AlertDef> & Pick<AlertDef, 'condition'>): AlertDef {
  return {
    kind: 'alert',
    id: 'a',
    name: 'A',
    service: 's',
    owner: 'o',
    severity: 'page',
    description: 'd',
    query: {
      database: 'system',
      retentionPolicy: 'autogen',
      measurement: 'disk',
      field: 'used_percent',
      fn: 'max',
      where: [],
      groupBy: ['host'],
      period: '1m',
      every: '1m',
    },
    message: 'm',
    runbook: { title: 't', markdown: 'm', url: 'u' },
    handlers: [],
    tests: [],
    ...over,
  };
}
