/** Types of kapacitor-conf.mjs for the TypeScript tests that start a Kapacitor of their own. */
export function httppostEndpoint(name: string, url: string, token: string): string;
export function kapacitorConf(options: { dataDir: string; port: number; influxUrl: string; extra?: string }): string;
