/**
 * Hostile names for the `hostile` scenario, exported so tests can use them. Consul 1.8's catalog
 * accepts any non-empty service and node name (it only warns about DNS), so these go as far as
 * InfluxDB line protocol allows: no newline and no trailing backslash in tag values.
 */
export const HOSTILE_SERVICE = `we"ird'svc/<b>.*+?()[]{}|\\^$ ☃`;

const LONG_TAIL = 'ü'.repeat(20);

export const HOSTILE_NODE_PREFIXES: readonly string[] = [
  `ho"st'ile-node <i>01</i>`,
  'ho.*+?()[]{}|\\/^$st-02',
  `hostile-ünïcødé-☃-🚀-${LONG_TAIL}`.padEnd(200, 'x'),
];

/** The node the hostile scenario's incident hits. */
export const HOSTILE_SUSPECT = HOSTILE_NODE_PREFIXES[1] as string;
