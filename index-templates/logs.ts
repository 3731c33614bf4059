import { ECS_BASE_FIELDS, componentTemplate, indexTemplate } from 'calvin';

/** Settings shared by every calvin logs index: daily indices, one shard, small refresh cost. */
const settings = componentTemplate('calvin-logs-settings', {
  settings: {
    'index.number_of_shards': 1,
    'index.number_of_replicas': 1,
    'index.refresh_interval': '5s',
    'index.codec': 'best_compression',
  },
});

/** The ECS base fields, also usable by other templates. */
const ecs = componentTemplate('calvin-logs-ecs', { mappings: { ...ECS_BASE_FIELDS } });

export default [
  /** Every daily logs-<area>-<app>-YYYY.MM.dd index: ECS base plus every field calvin's log filters produce. */
  indexTemplate('logs-calvin', ['logs-*'])
    .name('calvin-logs')
    .priority(200)
    .components([settings, ecs])
    .ecsBase()
    .fromLogFilters(['*'])
    .dynamic(true)
    .build(),

  /** Jenkins build logs (logs-builds-YYYY.MM.dd): wins over calvin-logs by priority, keeps every field it maps. */
  indexTemplate('logs-builds', ['logs-builds-*'])
    .name('calvin-logs-builds')
    .priority(210)
    .components([settings, ecs])
    .settings({ 'index.number_of_replicas': 0 })
    .ecsBase()
    .fromLogFilters(['*'])
    .withMapping('message', { type: 'text' })
    .dynamic(true)
    .build(),
];
