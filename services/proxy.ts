import { STATSD_DATABASE, hostSignals, runbookUrl, service } from 'calvin';

/** fabio (resource.proxy.edge): Consul service `proxy`; route metrics through Telegraf statsd (service=fabio). */
export default service('proxy', { title: 'Proxy (fabio)', owner: 'infrastructure' })
  .description('fabio edge proxy routing by the edgeproxyprefix- Consul tags.')
  .aliases(['fabio'])
  .database(STATSD_DATABASE)
  .measurements(['count', '50-percentile', '95-percentile', '99-percentile', 'max'])
  .tagFilters({ category: 'proxy-edge' })
  .signals([
    ...hostSignals(),
    {
      name: 'fabio.p95',
      title: 'Response time p95',
      database: STATSD_DATABASE,
      measurement: '95-percentile',
      field: 'value',
      aggregate: 'max',
      where: { service: 'fabio' },
      unit: 'ms',
      worseWhen: 'higher',
      warning: 500,
      critical: 2000,
    },
    {
      name: 'fabio.requests',
      title: 'Requests per second',
      database: STATSD_DATABASE,
      measurement: 'count',
      field: 'value',
      aggregate: 'non_negative_derivative',
      where: { service: 'fabio' },
      unit: 'ops',
      worseWhen: 'lower',
    },
  ])
  .logs({ serviceNames: ['proxy'], processNames: ['fabio'] })
  .runbooks([
    { title: 'Proxy slow responses', url: runbookUrl('proxy-latency-high') },
    { title: 'Proxy traffic drop', url: runbookUrl('proxy-traffic-drop') },
  ])
  .build();
