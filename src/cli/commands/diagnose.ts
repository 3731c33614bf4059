import type { RegisterCommand } from '../context.js';
import { windowDeadlineConfig } from '../diagnose-flags.js';
import { CalvinError } from '../../errors.js';
import type { ReportFormat } from '../../report/model.js';

interface DiagnoseFlags {
  env?: string;
  since?: string;
  from?: string;
  to?: string;
  json?: boolean;
  format?: string;
  out?: string;
  deadline?: string;
  tz?: string;
  compareVersions?: boolean;
}

const FORMATS = ['text', 'markdown', 'html', 'json'];

export const registerDiagnose: RegisterCommand = (program, ctx) => {
  program
    .command('diagnose')
    .description(
      'what is wrong with a service, on which instance, since when, and which runbook applies (Consul health + ' +
        'InfluxDB metrics + Elasticsearch logs)',
    )
    .argument(
      '<service>',
      'Consul service name, alias from a service definition (nexus → artefacts), ' +
        'or service id prefix (nexus_nexus-02)',
    )
    .option('--env <datacenter>', "Consul datacenter of the environment (default: the agent's own)")
    .option('--since <duration>', 'window length ending now (or at --to), e.g. 15m, 1h, 6h (default 1h)')
    .option('--from <time>', 'window start, RFC 3339 (2026-11-23T10:00:00Z) or now-2h')
    .option('--to <time>', 'window end (default now)')
    .option('--json', 'print the diagnosis as JSON on stdout (fields: docs/contracts.md)')
    .option('--format <format>', `report format: ${FORMATS.join(', ')} (default text)`)
    .option('--out <file>', 'write the report to a file (atomically) instead of stdout')
    .option('--tz <zone>', 'time zone of the times in the report, an IANA name such as Europe/Amsterdam (default UTC)')
    .option('--deadline <duration>', 'time budget of the whole diagnosis; slow backends are cut off (default 10s)')
    .option('--compare-versions', 'compare the versions of the instances side by side (Mann–Whitney U per signal)')
    .addHelpText(
      'after',
      `
Examples:
  $ calvin diagnose nexus                          the last hour of Nexus (Consul service artefacts)
  $ calvin diagnose builds --env production --since 6h
  $ calvin diagnose nexus_nexus-02 --from 2026-11-23T09:00:00Z --to 2026-11-23T11:00:00Z
  $ calvin diagnose queue --json | jq .suspects
  $ calvin diagnose logs --format html --out logs-incident.html

Exit codes: 0 healthy, 1 degraded or critical, 2 calvin could not run, 3 unknown (no instances).
Backends: Consul from CONSUL_HTTP_ADDR/CONSUL_HTTP_TOKEN; InfluxDB and Elasticsearch from the Consul
catalog (metrics/http, documents/http) unless INFLUX_URL / ELASTICSEARCH_URL are set.`,
    )
    .action(async (service: string, flags: DiagnoseFlags) => {
      const format = flags.json ? 'json' : (flags.format ?? 'text');
      if (!FORMATS.includes(format))
        throw new CalvinError(
          'BAD_ARGUMENT',
          `unknown --format ${JSON.stringify(format)}`,
          `use one of ${FORMATS.join(', ')}`,
        );
      if (flags.json && flags.format && flags.format !== 'json')
        throw new CalvinError(
          'BAD_ARGUMENT',
          `--json and --format ${flags.format} contradict each other`,
          'use one of them',
        );
      const base = await ctx.config(flags.env);
      // Definitions load first (from the model cache, or in a worker); the report's modules load while
      // the backends answer: nothing the diagnosis does not need stands before its first request.
      const catalogWork = loadCatalogOrWarn(base.root, ctx);
      const { diagnose, exitCodeOf } = await import('../../diagnose/run.js');
      const timeZone = flags.tz ?? 'UTC';
      // An unknown zone fails here, before any backend is asked.
      if (flags.tz !== undefined) (await import('../../report/chart/time-axis.js')).clockIn(flags.tz);
      const { window, deadlineMs, config } = await windowDeadlineConfig(flags, ctx);
      const catalog = await catalogWork;
      if (ctx.interactive) ctx.stderr.write(`diagnosing ${service}…\n`);
      const { closeElasticClients } = await import('../../backends/elasticsearch.js');
      try {
        const [result, render, { redact }] = await Promise.all([
          diagnose(config, {
            query: service,
            to: window.to,
            lengthMs: window.lengthMs,
            deadlineMs,
            catalog,
            compareVersions: flags.compareVersions ?? false,
            ...(config.serveUrl ? { serveUrl: config.serveUrl } : {}),
          }),
          import('../../report/load-renderer.js').then((r) => r.loadRedactedRenderer(format as ReportFormat)),
          import('../../redact.js'),
        ]);
        for (const [source, why] of Object.entries(result.sourceErrors)) {
          if (why)
            ctx.stderr.write(
              `calvin: warning: ${source} ${result.diagnosis.sources[source as 'influx' | 'elasticsearch']}: ` +
                `${redact(why)}\n`,
            );
        }
        const color = !flags.out && format === 'text' && config.color && Boolean(ctx.stdout.isTTY);
        // Redacted field by field before rendering: redacting the rendered text could break JSON escapes.
        // In a report written to a file, runbook links go to the project's runbook files that exist.
        const runbookLinks = flags.out
          ? await (await import('../../report/runbook-links.js')).localRunbookLinks(
              result.diagnosis,
              config.root,
              flags.out,
            )
          : undefined;
        // JSON holds no charts: they are neither redacted nor passed on for it.
        const charts = format === 'json' ? {} : { charts: result.charts };
        const text = render(
          { diagnosis: result.diagnosis, ...charts, timeZone, ...(runbookLinks ? { runbookLinks } : {}) },
          { color },
        );
        if (flags.out) {
          const { writeFileAtomic } = await import('../../report/write-file.js');
          await writeFileAtomic(flags.out, text);
          if (ctx.interactive) ctx.stderr.write(`wrote ${flags.out} (${result.diagnosis.status})\n`);
        } else {
          ctx.stdout.write(text);
        }
        process.exitCode = exitCodeOf(result.diagnosis);
      } finally {
        await closeElasticClients();
      }
    });
};

async function loadCatalogOrWarn(
  root: string,
  ctx: { stderr: NodeJS.WriteStream },
): Promise<import('../../define/types.js').Catalog> {
  const { loadCatalog, emptyCatalog } = await import('../../load/load-catalog.js');
  try {
    return await loadCatalog(root);
  } catch (error) {
    // A broken definition must not keep on-call from diagnosing: fall back to generic signals.
    const { isCalvinError } = await import('../../errors.js');
    const why = isCalvinError(error) ? error.oneLine() : String(error);
    ctx.stderr.write(
      `calvin: warning: service definitions not loaded, diagnosing with generic host signals (${why})\n`,
    );
    return emptyCatalog();
  }
}
