import type { Command } from 'commander';
import type { RegisterCommand } from '../context.js';

const TARGETS = ['grafana', 'chronograf', 'kapacitor', 'elasticsearch', 'consul-kv', 'all'];

export const registerDeploy: RegisterCommand = (program: Command, ctx) => {
  program
    .command('deploy')
    .description(
      'Plan and apply the definitions to one environment (a Consul datacenter), touching only what calvin manages',
    )
    .requiredOption('--env <dc>', 'environment = Consul datacenter, e.g. test or production')
    .option('--target <target>', `one of ${TARGETS.join(', ')}`, 'all')
    .option('--plan', 'show what would change and stop (no lock, no writes)')
    .option('--json', 'machine-readable plan/result on stdout')
    .option('--yes', 'apply without asking (CI); without a terminal, needed only when there are changes')
    .option('--prune', 'delete calvin-managed objects that are no longer defined')
    .option('--no-wait', 'fail (exit 2) instead of waiting when another deploy holds the lock')
    .option('--only <glob>', 'deploy only definitions whose id or file matches')
    .addHelpText(
      'after',
      `
Examples:
  $ calvin deploy --env test --plan                 what would change in "test"
  $ calvin deploy --env test                        plan, confirm on the terminal, apply
  $ calvin deploy --env production --plan --json    plan for a CI review
  $ calvin deploy --env production --yes --prune    apply in CI, delete what is no longer defined
  $ calvin deploy --env test --target grafana       only Grafana dashboards

Secrets come from the environment only (never flags): CONSUL_HTTP_TOKEN, GRAFANA_TOKEN,
CHRONOGRAF_TOKEN, KAPACITOR_TOKEN, ELASTICSEARCH_TOKEN or ELASTICSEARCH_USERNAME + ELASTICSEARCH_PASSWORD,
INFLUX_TOKEN (for the deploy marker); each may be <NAME>_FILE pointing at a file.
Endpoints: GRAFANA_URL, CHRONOGRAF_URL, KAPACITOR_URL, ELASTICSEARCH_URL, INFLUX_URL, else the Consul catalog.
Exit codes: 0 done (or nothing to do), 1 apply failed half-way (see the report; calvin rollback), 2 could not run.`,
    )
    .action(
      async (opts: {
        env: string;
        target: string;
        plan?: boolean;
        json?: boolean;
        yes?: boolean;
        prune?: boolean;
        wait: boolean;
        only?: string;
      }) => {
        const { deployCommand } = await import('../deploy-io.js');
        process.exitCode = await deployCommand(opts, ctx);
      },
    );
};
