// kapacitor.conf for a Kapacitor on loopback: the stack's (scripts/stack/components.mjs) and the ones
// tests start beside it (test/integration/serve-kapacitor.test.ts). One writer, so they stay alike.
import path from 'node:path';

/** `[[httppost]]` endpoint `name`: Kapacitor posts there with this header; the token stays in this file. */
export function httppostEndpoint(name, url, token) {
  return `[[httppost]]
  endpoint = "${name}"
  url = "${url}"
  headers = { Authorization = "Bearer ${token}" }
`;
}

export function kapacitorConf({ dataDir, port, influxUrl, extra = '' }) {
  return `# Written by scripts/stack.mjs: loopback only, everything under .stack, against the stack's InfluxDB.
hostname = "127.0.0.1"
data_dir = "${dataDir}"
skip-config-overrides = true
default-retention-policy = "autogen"

[http]
  bind-address = "127.0.0.1:${port}"
  auth-enabled = false
  log-enabled = false

[replay]
  dir = "${path.join(dataDir, 'replay')}"

[storage]
  boltdb = "${path.join(dataDir, 'kapacitor.db')}"

[load]
  enabled = false

[logging]
  file = "STDERR"
  level = "WARN"

[reporting]
  enabled = false

[stats]
  enabled = false

[config-override]
  enabled = false

# No subscriptions: the stack's InfluxDB runs with its subscriber off, and tests write points to
# Kapacitor's own /write with their timestamps.
[[influxdb]]
  enabled = true
  default = true
  name = "stack"
  urls = ["${influxUrl}"]
  disable-subscriptions = true
  startup-timeout = "5m"
  timeout = "10s"
${extra ? `\n${extra}` : ''}`;
}
