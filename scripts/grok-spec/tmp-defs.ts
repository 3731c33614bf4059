import { ECS_V1_PATTERNS, LEGACY_PATTERNS } from '../../src/logstash/index.js';
const names = process.argv.slice(2);
for (const n of names) console.log(`${n}: ${ECS_V1_PATTERNS[n] ?? '-'}${LEGACY_PATTERNS[n] && LEGACY_PATTERNS[n] !== ECS_V1_PATTERNS[n] ? `\n   L: ${LEGACY_PATTERNS[n]}` : ''}`);
