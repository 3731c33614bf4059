import { lintPaths } from './src/lint/lint.js';
const run = await lintPaths({ paths: ['../shared/calvinverse-corpus'], root: '.' });
const k = run.project.knowledge;
for (const n of ['vault.runtime.alloc_bytes','builds.build.completed','autopilot_healthy','__/artefacts/installers_172_17_26_60_80_count', 'jenkins_web_reponsecodes','count','snmp.uap']) console.log(n, k.isKnownMeasurement(n), k.collectors.patterns.filter(p=>p.test(n)).map(String));
console.log(k.collectors.patterns.length, [...k.collectors.measurements].length);
import { statsdTemplatePattern } from './src/lint/knowledge/telegraf.js';
import fs from 'node:fs';
for (const f of ['../shared/calvinverse-corpus/resource.hashi.server/config/kv/config/services/consul/consul_statsd_rules.txt','../shared/calvinverse-corpus/calvinverse.configuration/branch-develop/consul-kv-service-proxy/statsd_rules.txt','../shared/calvinverse-corpus/resource.proxy.edge/config/kv/config/services/proxy.edge/proxy.edge_statsd_rules.txt'])
for (const m of fs.readFileSync(f,'utf8').matchAll(/^\s*"([^"]+)"\s*,?\s*$/gm)) { const re = statsdTemplatePattern(m[1]!); if (String(re)==='/^.+$/') console.log(f, m[1]); }
