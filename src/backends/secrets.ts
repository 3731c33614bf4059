/**
 * Tokens and passwords come from the environment or from a file named by `<NAME>_FILE`, never from
 * flags (which land in shell history). Every value read is registered for redaction.
 */
import { readFileSync } from 'node:fs';
import type { Config } from '../config.js';
import { CalvinError } from '../errors.js';
import { registerSecret } from '../redact.js';

/** `NAME` from the environment, else the trimmed content of the file `NAME_FILE` points at. */
export function readSecret(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const direct = env[name];
  if (direct) {
    registerSecret(direct);
    return direct;
  }
  const file = env[`${name}_FILE`];
  if (!file) return undefined;
  let value: string;
  try {
    value = readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new CalvinError(
      'BAD_ARGUMENT',
      `cannot read ${name}_FILE (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`,
      `point ${name}_FILE at a readable file holding only the secret`,
      { cause: error },
    );
  }
  if (!value)
    throw new CalvinError('BAD_ARGUMENT', `${name}_FILE names an empty file`, `write the secret into that file`);
  registerSecret(value);
  return value;
}

const ENDPOINT_SECRETS = [
  ['grafana', 'GRAFANA_TOKEN'],
  ['chronograf', 'CHRONOGRAF_TOKEN'],
  ['kapacitor', 'KAPACITOR_TOKEN'],
  ['influx', 'INFLUX_TOKEN'],
  ['elasticsearch', 'ELASTICSEARCH_TOKEN'],
] as const;

/** Config with every token/password the environment or a `*_FILE` provides (flags never carry secrets). */
export function withSecrets(config: Config, env: NodeJS.ProcessEnv = process.env): Config {
  const out: Config = { ...config, consul: { ...config.consul } };
  const consulToken = readSecret('CONSUL_HTTP_TOKEN', env);
  if (consulToken) out.consul.token = consulToken;
  for (const [key, name] of ENDPOINT_SECRETS) {
    const endpoint = out[key];
    const token = readSecret(name, env);
    if (endpoint && token) out[key] = { ...endpoint, token };
  }
  const esPassword = readSecret('ELASTICSEARCH_PASSWORD', env);
  if (out.elasticsearch && esPassword) out.elasticsearch = { ...out.elasticsearch, password: esPassword };
  const influxPassword = readSecret('INFLUX_PASSWORD', env);
  if (out.influx && influxPassword) out.influx = { ...out.influx, password: influxPassword };
  return out;
}

/** Token for an endpoint found through discovery (not in Config): environment or file only. */
export function tokenFor(
  target: 'grafana' | 'chronograf' | 'kapacitor' | 'influx' | 'elasticsearch',
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const entry = ENDPOINT_SECRETS.find(([key]) => key === target);
  return entry ? readSecret(entry[1], env) : undefined;
}
