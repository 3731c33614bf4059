/** A grok expression that cannot be compiled: an undefined pattern, a cycle, or a bad regex. */
export class GrokError extends Error {
  constructor(
    message: string,
    /** The undefined pattern name, when that is the cause. */
    readonly patternName?: string,
  ) {
    super(message);
    this.name = 'GrokError';
  }
}
