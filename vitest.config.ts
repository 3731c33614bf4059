import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const calvin = fileURLToPath(new URL('./src/index.ts', import.meta.url));

export default defineConfig({
  resolve: { alias: { calvin } },
  test: {
    projects: [
      {
        resolve: { alias: { calvin } },
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], testTimeout: 30_000 },
      },
      {
        resolve: { alias: { calvin } },
        // Generated hostile inputs (fast-check) against every command: a generous per-case bound, not a timing assertion.
        test: { name: 'hostile', include: ['test/hostile/**/*.test.ts'], testTimeout: 240_000, hookTimeout: 120_000 },
      },
      {
        resolve: { alias: { calvin } },
        // Integration tests share one real Consul/InfluxDB/Elasticsearch: run files one at a time.
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
