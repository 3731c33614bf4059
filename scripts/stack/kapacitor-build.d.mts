/** Types of kapacitor-build.mjs for the TypeScript tests that run the cached Kapacitor binary. */
export const kapacitorHome: string;
export const kapacitorBin: string;
export const kapacitorCli: string;
export function ensureKapacitor(): Promise<void>;
