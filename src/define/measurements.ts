/**
 * Catalog of the measurements a Calvinverse environment writes (Telegraf inputs, Jolokia, statsd
 * rules, calvin's own deploy markers), with their database, fields and tags. Lint can flag a query
 * of an unknown measurement or field; `calvin new` can offer names. Names come from the corpus.
 */
export interface KnownMeasurement {
  database: 'system' | 'services' | 'statsd';
  /** Where the names come from (Telegraf input, statsd rule...). */
  source: string;
  fields: readonly string[];
  tags: readonly string[];
}

/** Tags every Calvinverse Telegraf adds (global_tags plus host). */
export const COMMON_TAGS = ['host', 'environment', 'os', 'consul', 'category'] as const;

const jvm = (fields: string[], tags: string[] = []): KnownMeasurement => ({ database: 'services', source: 'telegraf jolokia2_agent', fields, tags: ['service', 'jolokia_agent_url', ...tags] });
const statsd = (fields: string[], tags: string[] = []): KnownMeasurement => ({ database: 'statsd', source: 'telegraf statsd', fields, tags: ['service', 'metric_type', ...tags] });
const TIMER = ['count', 'lower', 'mean', 'stddev', 'sum', 'upper', '90_percentile'];

export const KNOWN_MEASUREMENTS: Readonly<Record<string, KnownMeasurement>> = Object.freeze({
  cpu: { database: 'system', source: 'telegraf cpu', fields: ['usage_idle', 'usage_user', 'usage_system', 'usage_iowait', 'usage_guest', 'usage_steal', 'usage_irq', 'usage_softirq', 'usage_nice'], tags: ['cpu'] },
  mem: { database: 'system', source: 'telegraf mem', fields: ['used_percent', 'available', 'available_percent', 'used', 'total', 'free', 'cached', 'buffered'], tags: [] },
  disk: { database: 'system', source: 'telegraf disk', fields: ['used_percent', 'free', 'used', 'total', 'inodes_free', 'inodes_used', 'inodes_total'], tags: ['path', 'device', 'fstype', 'mode'] },
  diskio: { database: 'system', source: 'telegraf diskio', fields: ['read_bytes', 'write_bytes', 'reads', 'writes', 'read_time', 'write_time', 'io_time', 'iops_in_progress'], tags: ['name'] },
  net: { database: 'system', source: 'telegraf net', fields: ['bytes_recv', 'bytes_sent', 'packets_recv', 'packets_sent', 'err_in', 'err_out', 'drop_in', 'drop_out'], tags: ['interface'] },
  system: { database: 'system', source: 'telegraf system', fields: ['load1', 'load5', 'load15', 'n_cpus', 'n_users', 'uptime'], tags: [] },
  kernel: { database: 'system', source: 'telegraf kernel', fields: ['context_switches', 'interrupts', 'processes_forked', 'boot_time'], tags: [] },
  processes: { database: 'system', source: 'telegraf processes', fields: ['total', 'running', 'sleeping', 'blocked', 'zombies', 'stopped'], tags: [] },
  swap: { database: 'system', source: 'telegraf swap', fields: ['used_percent', 'used', 'free', 'total', 'in', 'out'], tags: [] },
  procstat: { database: 'system', source: 'telegraf procstat', fields: ['cpu_usage', 'memory_rss', 'num_threads', 'pid'], tags: ['process_name', 'exe', 'pattern'] },
  consul_health_checks: { database: 'system', source: 'telegraf consul', fields: ['passing', 'warning', 'critical'], tags: ['check_id', 'check_name', 'service_name', 'node'] },
  jvm_runtime: jvm(['Uptime']),
  jvm_memory: jvm(['HeapMemoryUsage.used', 'HeapMemoryUsage.committed', 'HeapMemoryUsage.max', 'HeapMemoryUsage.init', 'NonHeapMemoryUsage.used', 'NonHeapMemoryUsage.committed', 'NonHeapMemoryUsage.max', 'NonHeapMemoryUsage.init', 'ObjectPendingFinalizationCount']),
  jvm_garbage_collector: jvm(['CollectionTime', 'CollectionCount'], ['name']),
  jvm_memory_pool: jvm(['Usage.used', 'Usage.committed', 'Usage.max', 'PeakUsage.used', 'PeakUsage.committed', 'CollectionUsage.used', 'CollectionUsage.committed'], ['pool_name']),
  jvm_operating_system: jvm(['CommittedVirtualMemorySize', 'FreePhysicalMemorySize', 'FreeSwapSpaceSize', 'TotalPhysicalMemorySize', 'TotalSwapSpaceSize', 'AvailableProcessors', 'SystemCpuLoad', 'ProcessCpuTime', 'ProcessCpuLoad', 'SystemLoadAverage']),
  jvm_buffer_pool: jvm(['TotalCapacity', 'MemoryUsed', 'Count'], ['buffer_name']),
  jenkins_web_requests: jvm(['Mean', 'MeanRate', 'Min', 'Max', 'Count'], ['name']),
  jenkins_web_requests_active: jvm(['Count'], ['name']),
  jenkins_web_reponsecodes: jvm(['Count', 'MeanRate'], ['name']),
  jenkins_queue: jvm(['Value.Value']),
  jenkins_executor: jvm(['Value.Value']),
  jenkins_node: jvm(['Value.Value']),
  jenkins_job_scheduled: jvm(['Count']),
  rabbitmq_overview: { database: 'services', source: 'telegraf rabbitmq', fields: ['messages', 'messages_ready', 'messages_unacked', 'messages_acked', 'messages_delivered', 'messages_published', 'consumers', 'connections', 'channels', 'exchanges', 'queues'], tags: ['url'] },
  rabbitmq_node: { database: 'services', source: 'telegraf rabbitmq', fields: ['mem_used', 'mem_limit', 'mem_alarm', 'disk_free', 'disk_free_limit', 'disk_free_alarm', 'fd_used', 'fd_total', 'proc_used', 'proc_total', 'sockets_used', 'running', 'uptime'], tags: ['node', 'url'] },
  rabbitmq_queue: { database: 'services', source: 'telegraf rabbitmq', fields: ['messages', 'messages_ready', 'messages_unack', 'messages_publish', 'messages_deliver', 'messages_ack', 'consumers', 'memory'], tags: ['queue', 'vhost', 'node', 'durable', 'auto_delete', 'url'] },
  rabbitmq_exchange: { database: 'services', source: 'telegraf rabbitmq', fields: ['messages_publish_in', 'messages_publish_out'], tags: ['exchange', 'vhost', 'type', 'url'] },
  influxdb_httpd: { database: 'services', source: 'telegraf influxdb', fields: ['queryReq', 'writeReq', 'pointsWrittenOK', 'pointsWrittenFail', 'clientError', 'serverError', 'req', 'reqActive'], tags: ['bind', 'url'] },
  influxdb_write: { database: 'services', source: 'telegraf influxdb', fields: ['pointReq', 'pointReqLocal', 'writeOk', 'writeError', 'writeDrop', 'writeTimeout'], tags: ['url'] },
  influxdb_database: { database: 'services', source: 'telegraf influxdb', fields: ['numSeries', 'numMeasurements'], tags: ['database', 'url'] },
  influxdb_shard: { database: 'services', source: 'telegraf influxdb', fields: ['diskBytes', 'writePointsOk', 'writePointsErr', 'seriesCreate'], tags: ['database', 'id', 'retentionPolicy', 'engine', 'path', 'url'] },
  influxdb_runtime: { database: 'services', source: 'telegraf influxdb', fields: ['Alloc', 'HeapInUse', 'HeapAlloc', 'Sys', 'NumGoroutine', 'PauseTotalNs', 'NumGC'], tags: ['url'] },
  influxdb_tsm1_cache: { database: 'services', source: 'telegraf influxdb', fields: ['memBytes', 'cachedBytes', 'diskBytes', 'writeErr', 'writeDropped'], tags: ['database', 'retentionPolicy', 'path', 'url'] },
  influxdb_tsm1_wal: { database: 'services', source: 'telegraf influxdb', fields: ['currentSegmentDiskBytes', 'oldSegmentsDiskBytes', 'writeOk', 'writeErr'], tags: ['database', 'retentionPolicy', 'path', 'url'] },
  elasticsearch_cluster_health: { database: 'services', source: 'telegraf elasticsearch', fields: ['status', 'status_code', 'number_of_nodes', 'number_of_data_nodes', 'number_of_pending_tasks', 'active_shards', 'active_primary_shards', 'initializing_shards', 'relocating_shards', 'unassigned_shards'], tags: ['name'] },
  elasticsearch_jvm: { database: 'services', source: 'telegraf elasticsearch', fields: ['mem_heap_used_percent', 'mem_heap_used_in_bytes', 'mem_heap_max_in_bytes', 'threads_count', 'gc_collectors_old_collection_count', 'gc_collectors_old_collection_time_in_millis', 'gc_collectors_young_collection_count', 'gc_collectors_young_collection_time_in_millis'], tags: ['node_name', 'node_id', 'cluster_name'] },
  elasticsearch_os: { database: 'services', source: 'telegraf elasticsearch', fields: ['cpu_percent', 'mem_used_percent', 'mem_free_in_bytes'], tags: ['node_name', 'node_id', 'cluster_name'] },
  elasticsearch_fs: { database: 'services', source: 'telegraf elasticsearch', fields: ['total_available_in_bytes', 'total_total_in_bytes', 'total_free_in_bytes'], tags: ['node_name', 'node_id', 'cluster_name'] },
  elasticsearch_indices: { database: 'services', source: 'telegraf elasticsearch', fields: ['docs_count', 'docs_deleted', 'indexing_index_current', 'indexing_index_total', 'indexing_index_time_in_millis', 'indexing_throttle_time_in_millis', 'search_query_current', 'search_query_total', 'search_query_time_in_millis', 'merges_current_docs', 'fielddata_memory_size_in_bytes', 'fielddata_evictions', 'query_cache_memory_size_in_bytes', 'query_cache_evictions', 'query_cache_hit_count', 'query_cache_miss_count', 'recovery_throttle_time_in_millis'], tags: ['node_name', 'node_id', 'cluster_name'] },
  elasticsearch_process: { database: 'services', source: 'telegraf elasticsearch', fields: ['open_file_descriptors', 'max_file_descriptors', 'cpu_percent'], tags: ['node_name', 'node_id', 'cluster_name'] },
  elasticsearch_transport: { database: 'services', source: 'telegraf elasticsearch', fields: ['rx_size_in_bytes', 'tx_size_in_bytes', 'rx_count', 'tx_count', 'server_open'], tags: ['node_name', 'node_id', 'cluster_name'] },
  elasticsearch_http: { database: 'services', source: 'telegraf elasticsearch', fields: ['current_open', 'total_opened'], tags: ['node_name', 'node_id', 'cluster_name'] },
  /** Telegraf's http input (Logstash node stats, Nexus metrics) flattens the JSON into one measurement. */
  http: { database: 'services', source: 'telegraf http (json)', fields: ['events_in', 'events_out', 'events_filtered', 'events_duration_in_millis', 'jvm_mem_heap_used_percent', 'jvm_mem_heap_used_in_bytes', 'jvm_threads_count'], tags: ['service', 'url'] },
  autopilot_healthy: statsd(['value']),
  raft_leader_lastContact: statsd(TIMER),
  raft_commitTime: statsd(TIMER),
  raft_apply: statsd(['value']),
  raft_state_leader: statsd(['value']),
  raft_state_candidate: statsd(['value']),
  rpc_request: statsd(['value']),
  client_rpc: statsd(['value']),
  kvs_apply: statsd(TIMER),
  txn_apply: statsd(TIMER),
  runtime_alloc_bytes: statsd(['value']),
  runtime_sys_bytes: statsd(['value']),
  runtime_gc_pause_ns: statsd(TIMER),
  core_handle_request: statsd(TIMER),
  core_leadership_lost: statsd(TIMER),
  consul_get: statsd(TIMER),
  consul_put: statsd(TIMER),
  consul_list: statsd(TIMER),
  consul_delete: statsd(TIMER),
  count: statsd(['value'], ['host']),
  '50-percentile': statsd(['value']),
  '75-percentile': statsd(['value']),
  '95-percentile': statsd(['value']),
  '99-percentile': statsd(['value']),
  '999-percentile': statsd(['value']),
  max: statsd(['value']),
  calvin_deploys: { database: 'services', source: 'calvin deploy', fields: ['what', 'who', 'commit'], tags: ['environment'] },
});

/** The catalog entry of a measurement, if calvin knows it. */
export function knownMeasurement(name: string): KnownMeasurement | undefined {
  return Object.prototype.hasOwnProperty.call(KNOWN_MEASUREMENTS, name) ? KNOWN_MEASUREMENTS[name] : undefined;
}
