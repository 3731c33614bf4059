/** Telegraf-shaped points for one host: host metrics in `system`, JVM / RabbitMQ metrics in `services`. */
import { Point } from '@influxdata/influxdb-client';
import type { HostContext, Sample, ScenarioSpec } from './model.js';

export interface HostTimeline {
  /** Service (and host) start times: uptime resets and the pid changes at each. */
  restarts: number[];
}

export const HEAP_MAX = 4 * 1024 ** 3;
const MEM_TOTAL = 16 * 1024 ** 3;
const DISK_TOTAL = 500 * 1024 ** 3;
const ROOT_TOTAL = 40 * 1024 ** 3;

/** The host's ordinary state at time t (before the scenario bends it). */
export function baseSample(ctx: HostContext, t: number, restarts: number[]): Sample {
  const r = ctx.random;
  const hostBias = (ctx.index % 5) * 1.5;
  const phase = Math.sin(t / (17 * 60_000) + ctx.index);
  const lastRestart = [...restarts].reverse().find((x) => x <= t);
  const bootedAt = lastRestart ?? ctx.now - (12 + ctx.index * 3) * 86_400_000;
  const restartCount = restarts.filter((x) => x <= t).length;
  return {
    cpuBusy: Math.max(1, 9 + hostBias + phase * 3 + r.between(-2, 2)),
    iowait: Math.max(0, 0.4 + r.between(-0.2, 0.4)),
    memUsedPercent: 48 + hostBias + phase + r.between(-1, 1),
    diskRootPercent: 34 + ctx.index * 0.7 + r.between(-0.05, 0.05),
    diskDataPercent:
      58 + ctx.index * 1.3 + ((t - (ctx.now - 3 * 3_600_000)) / 3_600_000) * 0.05 + r.between(-0.05, 0.05),
    load1: Math.max(0.05, 0.6 + hostBias / 5 + phase * 0.3 + r.between(-0.2, 0.3)),
    load5: Math.max(0.05, 0.55 + hostBias / 5 + phase * 0.2),
    uptime: Math.max(1, Math.floor((t - bootedAt) / 1000)),
    pid: 2100 + ctx.index * 17 + restartCount * 143,
    heapFraction: 0.38 + ctx.index * 0.03 + phase * 0.04 + r.between(-0.02, 0.02),
    down: false,
  };
}

function tagged(p: Point, spec: ScenarioSpec, node: string): Point {
  return p
    .tag('host', node)
    .tag('environment', 'test')
    .tag('os', 'linux')
    .tag('category', spec.category)
    .tag('service', spec.serviceTag ?? spec.app);
}

/** Counters grow with time so rates come out right. */
function counter(t: number, perSecond: number): number {
  return Math.floor((t / 1000) * perSecond) % 9_000_000_000;
}

export function systemPoints(spec: ScenarioSpec, ctx: HostContext, t: number, s: Sample): Point[] {
  const p = (m: string) => tagged(new Point(m), spec, ctx.node).timestamp(t);
  const user = s.cpuBusy * 0.72;
  const system = s.cpuBusy * 0.28 - Math.min(s.iowait, s.cpuBusy * 0.2);
  const idle = Math.max(0, 100 - s.cpuBusy - s.iowait);
  const disk = (path: string, percent: number, total: number) =>
    p('disk')
      .tag('path', path)
      .tag('fstype', 'ext4')
      .tag('device', path === '/' ? 'sda1' : 'sdb1')
      .floatField('used_percent', percent)
      .intField('free', Math.max(0, Math.floor(total * (1 - percent / 100))))
      .intField('total', total)
      .intField('used', Math.floor(total * (percent / 100)));
  return [
    p('cpu')
      .tag('cpu', 'cpu-total')
      .floatField('usage_idle', idle)
      .floatField('usage_user', user)
      .floatField('usage_system', Math.max(0, system))
      .floatField('usage_iowait', s.iowait),
    p('mem')
      .floatField('used_percent', s.memUsedPercent)
      .intField('available', Math.floor(MEM_TOTAL * (1 - s.memUsedPercent / 100)))
      .intField('total', MEM_TOTAL),
    disk('/', s.diskRootPercent, ROOT_TOTAL),
    disk(spec.dataPath, s.diskDataPercent, DISK_TOTAL),
    p('system')
      .floatField('load1', s.load1)
      .floatField('load5', s.load5)
      .intField('uptime', s.uptime)
      .intField('n_cpus', 4),
    p('diskio')
      .tag('name', 'sdb')
      .intField('reads', counter(t, 40))
      .intField('writes', counter(t, 25 + s.iowait * 10))
      .intField('read_bytes', counter(t, 400_000))
      .intField('write_bytes', counter(t, 250_000 + s.iowait * 100_000)),
    p('net')
      .tag('interface', 'eth0')
      .intField('bytes_recv', counter(t, 900_000))
      .intField('bytes_sent', counter(t, 1_200_000)),
    p('procstat')
      .tag('process_name', spec.process)
      .intField('pid', s.pid)
      .floatField('cpu_usage', s.cpuBusy * 0.8)
      .intField('memory_rss', Math.floor(((MEM_TOTAL * s.memUsedPercent) / 100) * 0.6)),
  ];
}

export function servicePoints(spec: ScenarioSpec, ctx: HostContext, t: number, s: Sample): Point[] {
  const p = (m: string) => tagged(new Point(m), spec, ctx.node).timestamp(t);
  const out: Point[] = [];
  if (spec.java) {
    const used = Math.floor(HEAP_MAX * Math.max(0.05, Math.min(0.999, s.heapFraction)));
    out.push(
      p('jvm_memory')
        .tag('jolokia_agent_url', `http://${ctx.node}:8090/jolokia`)
        .intField('HeapMemoryUsage.used', used)
        .intField('HeapMemoryUsage.max', HEAP_MAX)
        .intField('HeapMemoryUsage.committed', Math.max(used, Math.floor(HEAP_MAX * 0.75)))
        .intField('NonHeapMemoryUsage.used', 180 * 1024 ** 2)
        .intField('NonHeapMemoryUsage.committed', 200 * 1024 ** 2)
        .intField('ObjectPendingFinalizationCount', 0),
      p('jvm_runtime')
        .tag('jolokia_agent_url', `http://${ctx.node}:8090/jolokia`)
        .intField('Uptime', s.uptime * 1000),
    );
  }
  if (spec.rabbit) {
    out.push(
      p('rabbitmq_overview')
        .tag('url', `http://${ctx.node}:15672`)
        .intField('messages_ready', Math.floor(20 + ctx.random.between(0, 30)))
        .intField('messages_unacked', Math.floor(ctx.random.between(0, 8)))
        .intField('connections', 12)
        .intField('consumers', 9)
        .intField('queues', 6)
        .intField('exchanges', 14)
        .intField('messages_published', counter(t, 120))
        .intField('messages_delivered', counter(t, 119))
        .intField('messages_acked', counter(t, 119)),
      p('rabbitmq_node')
        .tag('url', `http://${ctx.node}:15672`)
        .tag('node', `rabbit@${ctx.node}`)
        .intField('mem_used', Math.floor(MEM_TOTAL * 0.08))
        .intField('disk_free', Math.floor(DISK_TOTAL * (1 - s.diskDataPercent / 100)))
        .intField('proc_used', 420)
        .intField('uptime', s.uptime * 1000)
        .intField('running', 1),
    );
  }
  return out;
}
