/** Shared by the stack/backends integration tests: the local stack's addresses and a closed port. */
import net from 'node:net';
import { loadConfig, type Config } from '../../src/config.js';

export const STACK = {
  consul: '127.0.0.1:18500',
  influx: { url: 'http://127.0.0.1:18086' },
  elasticsearch: { url: 'http://127.0.0.1:19200' },
} as const;

/** A Config for the local stack, whatever the environment of the test run says. */
export function stackConfig(overrides: { consulAddr?: string } = {}): Config {
  return loadConfig({ consulAddr: overrides.consulAddr ?? STACK.consul, color: false }, {});
}

/** A loopback port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Names with every character class the backends and renderers must survive. */
export const HOSTILE_NAMES = [
  `q"uo'te`,
  'regex.*+?()[]{}|\\/^$',
  'ünïcødé ☃ 🚀',
  'spa ce,comma=equals',
  'x'.repeat(200),
];
