/**
 * What standard collectors produce without any configuration: Telegraf's input plugins (as used in
 * Calvinverse) and the Jenkins Logstash plugin. Used when no collector config is in the linted set.
 */

/** Telegraf input plugin → measurements it writes (names ending in `*` are prefixes). */
export const TELEGRAF_PLUGIN_MEASUREMENTS: Record<string, string[]> = {
  cpu: ['cpu'],
  mem: ['mem'],
  disk: ['disk'],
  diskio: ['diskio'],
  net: ['net'],
  netstat: ['netstat'],
  system: ['system'],
  kernel: ['kernel'],
  processes: ['processes'],
  swap: ['swap'],
  procstat: ['procstat', 'procstat_lookup'],
  internal: ['internal_*'],
  consul: ['consul_health_checks'],
  unbound: ['unbound'],
  elasticsearch: ['elasticsearch_*'],
  influxdb: ['influxdb', 'influxdb_*'],
  rabbitmq: ['rabbitmq_*'],
  logstash: ['logstash_*'],
  kapacitor: ['kapacitor', 'kapacitor_*'],
  jenkins: ['jenkins', 'jenkins_node', 'jenkins_job'],
  http_response: ['http_response'],
  net_response: ['net_response'],
  ping: ['ping'],
  dns_query: ['dns_query'],
  x509_cert: ['x509_cert'],
  win_perf_counters: ['win_*'],
  win_services: ['win_services'],
};

/** Telegraf's default Linux/Windows host set: assumed present on every Calvinverse machine. */
export const DEFAULT_MEASUREMENTS = [
  'cpu', 'mem', 'disk', 'diskio', 'net', 'system', 'kernel', 'processes', 'swap', 'procstat',
  'win_cpu', 'win_mem', 'win_disk', 'win_diskio', 'win_net', 'win_system', 'win_swap',
  'consul_health_checks',
];

/** Fields of the host measurements whose field set is fixed (checked by grafana-unknown-field). */
export const STANDARD_FIELDS: Record<string, string[]> = {
  cpu: ['usage_idle', 'usage_user', 'usage_system', 'usage_iowait', 'usage_nice', 'usage_irq', 'usage_softirq', 'usage_steal', 'usage_guest', 'usage_guest_nice', 'time_idle', 'time_user', 'time_system', 'time_iowait', 'time_nice', 'time_irq', 'time_softirq', 'time_steal', 'time_guest', 'time_guest_nice'],
  mem: ['active', 'available', 'available_percent', 'buffered', 'cached', 'free', 'inactive', 'slab', 'total', 'used', 'used_percent', 'wired', 'commit_limit', 'committed_as', 'dirty', 'high_free', 'high_total', 'huge_pages_free', 'huge_page_size', 'huge_pages_total', 'low_free', 'low_total', 'mapped', 'page_tables', 'shared', 'sreclaimable', 'sunreclaim', 'swap_cached', 'swap_free', 'swap_total', 'vmalloc_chunk', 'vmalloc_total', 'vmalloc_used', 'write_back', 'write_back_tmp'],
  disk: ['free', 'total', 'used', 'used_percent', 'inodes_free', 'inodes_total', 'inodes_used'],
  diskio: ['reads', 'writes', 'read_bytes', 'write_bytes', 'read_time', 'write_time', 'io_time', 'weighted_io_time', 'iops_in_progress', 'merged_reads', 'merged_writes'],
  net: ['bytes_sent', 'bytes_recv', 'packets_sent', 'packets_recv', 'err_in', 'err_out', 'drop_in', 'drop_out', 'icmp_inerrors', 'icmp_inmsgs', 'icmp_outmsgs', 'ip_forwarding', 'tcp_activeopens', 'tcp_currestab', 'udp_indatagrams', 'udp_outdatagrams'],
  system: ['load1', 'load5', 'load15', 'n_users', 'n_cpus', 'uptime', 'uptime_format'],
  swap: ['free', 'total', 'used', 'used_percent', 'in', 'out'],
  kernel: ['boot_time', 'context_switches', 'entropy_avail', 'interrupts', 'processes_forked', 'disk_pages_in', 'disk_pages_out'],
  processes: ['blocked', 'dead', 'idle', 'paging', 'running', 'sleeping', 'stopped', 'total', 'total_threads', 'unknown', 'zombies', 'wait', 'parked'],
};

/**
 * Tags whose values are unbounded or per-instance: a catch-all regex on them makes InfluxDB scan
 * every series. (`host` is per machine; ids and paths grow without limit.)
 */
export const HIGH_CARDINALITY_TAGS = ['host', 'agent_host', 'id', 'service_id', 'check_id', 'container_id', 'container_name', 'path', 'url', 'request_id', 'session_id', 'pid', 'ip', 'client_ip'];

/** Calvinverse syslog JSON (syslog-ng `format-json`) when no syslog-ng config is in the linted set. */
export const CALVINVERSE_SYSLOG_FIELDS = ['date', 'pid', 'program', 'message', 'facility', 'host', 'priority'];

/** Fields the Jenkins Logstash plugin sends (build logs). */
export const JENKINS_LOGSTASH_FIELDS = ['data', 'message', 'source', 'source_host', '@buildTimestamp', '@timestamp', '@version', 'id'];

/** Fields every Logstash event has. */
export const LOGSTASH_EVENT_FIELDS = ['@timestamp', '@version', 'tags', 'message', 'type', '@metadata'];

/** Tags Logstash plugins add on failure: conditions on them are legitimate. */
export const LOGSTASH_FAILURE_TAGS = ['_jsonparsefailure', '_grokparsefailure', '_dateparsefailure', '_kv_filter_error', '_mutate_error', '_rubyexception', '_groktimeout', '_split_type_failure', '_csvparsefailure', '_xmlparsefailure', '_geoip_lookup_failure'];

/** Grafana's built-in variables and InfluxDB alias patterns. */
export const GRAFANA_BUILTIN_VARIABLES = ['__interval', '__interval_ms', 'interval', 'timeFilter', '__timeFilter', '__range', '__range_s', '__range_ms', '__rate_interval', '__from', '__to', '__dashboard', '__name', '__org', '__user', '__all', '__auto', '__timezone', 'col', 'm', 'measurement', '__cell', '__value', '__series', '__field', '__data'];
