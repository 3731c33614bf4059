import { SERVE_ALERT_FIELDS, SERVE_DIAGNOSIS_FIELDS, indexTemplate } from 'calvin';

/** calvin serve's own documents: the alerts it received and the diagnosis snapshots taken at alert time. */
export default [
  indexTemplate('calvin-alerts', ['calvin-alerts*'])
    .name('calvin-serve-alerts')
    .priority(300)
    .settings({ 'index.number_of_shards': 1, 'index.number_of_replicas': 0 })
    .mappings({ ...SERVE_ALERT_FIELDS })
    .dynamic(true)
    .build(),
  indexTemplate('calvin-diagnoses', ['calvin-diagnoses*'])
    .name('calvin-serve-diagnoses')
    .priority(300)
    .settings({ 'index.number_of_shards': 1, 'index.number_of_replicas': 0 })
    .mappings({ ...SERVE_DIAGNOSIS_FIELDS })
    .dynamic(false)
    .build(),
];
