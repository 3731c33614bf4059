import { rule } from '../../../../src/lint/rules/manifest-missing-file.js';
import { text, ruleTester } from '../rule-tester.js';

const manifest = (file: string) =>
  text('kv/dashboards.yaml', `config:\n  # Dashboards\n  - key: config/services/dashboards/nexus\n    file: ${file}\n`);

ruleTester(rule, {
  valid: [
    {
      files: [manifest('dashboards/services.external-nexus.json')],
      knownPaths: ['kv/dashboards.yaml', 'kv/dashboards/services.external-nexus.json'],
    },
  ],
  invalid: [
    {
      files: [manifest('dashboards/service.external-nexus.json')],
      knownPaths: ['kv/dashboards.yaml', 'kv/dashboards/services.external-nexus.json'],
      errors: [{ file: 'kv/dashboards.yaml', messageId: 'missing', line: 4 }],
    },
  ],
});
