/** Types of ensure-chromium.mjs for the TypeScript tests that launch the browser. */
export function chromiumPath(): string | undefined;
export function ensureChromium(): string;
