/**
 * The lines a service logs once it has started, which tell a restart in its logs. A service
 * definition may declare its own (`.startMarkers([...])`); otherwise calvin's defaults for the
 * Calvinverse services apply, by Consul name. `^` in front: the line starts with the text.
 */
import type { ServiceDef } from '../define/types.js';

/** Wording as the services log it (Jenkins, Nexus, RabbitMQ, Consul, Vault, Elasticsearch, Logstash). */
export const DEFAULT_START_MARKERS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  builds: ['Jenkins is fully up and running'],
  artefacts: ['Started Sonatype Nexus'],
  queue: ['Server startup complete'],
  consul: ['Consul agent running!'],
  secrets: ['Vault server started!'],
  // Elasticsearch's node logs `started {node-name}{id}…` (many other lines say "started" later on).
  documents: ['^started {'],
  logs: ['Successfully started Logstash API endpoint'],
});

export function startMarkersOf(definition: ServiceDef | undefined, service: string): string[] {
  const declared = definition?.logs.startMarkers;
  if (declared) return [...declared];
  const name = definition?.consulName ?? service;
  return [...(DEFAULT_START_MARKERS[name] ?? [])];
}
