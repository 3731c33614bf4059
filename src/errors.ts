/**
 * Every failure a user can cause or fix is a CalvinError: a stable code, one line saying what is
 * wrong, and a hint saying what to do. The CLI prints `calvin: <message> (<hint>)` and exits 2;
 * the stack is shown only with --debug.
 */
export type CalvinErrorCode =
  | 'BAD_DEFINITION'
  | 'DUPLICATE_ID'
  | 'DANGLING_REFERENCE'
  | 'BAD_ARGUMENT'
  | 'BAD_INPUT_FILE'
  | 'UNKNOWN_SERVICE'
  | 'UNKNOWN_ALERT'
  | 'CONSUL_UNREACHABLE'
  | 'BACKEND_UNREACHABLE'
  | 'BACKEND_ERROR'
  | 'UNAUTHORIZED'
  | 'LOCKED'
  | 'LOCK_LOST'
  | 'NOT_CONFIRMED'
  | 'APPLY_FAILED'
  | 'NO_BACKUP'
  | 'UNSUPPORTED'
  | 'INTERNAL';

export class CalvinError extends Error {
  readonly code: CalvinErrorCode;
  readonly hint: string | undefined;
  /** Process exit code the CLI uses for this error (2 unless a command says otherwise). */
  readonly exitCode: number;

  constructor(code: CalvinErrorCode, message: string, hint?: string, options?: { cause?: unknown; exitCode?: number }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CalvinError';
    this.code = code;
    this.hint = hint;
    this.exitCode = options?.exitCode ?? 2;
  }

  /** The single line shown to users. */
  oneLine(): string {
    const message = this.message.replace(/\s*\n\s*/g, ' ');
    return this.hint ? `${message} (${this.hint})` : message;
  }
}

export function isCalvinError(error: unknown): error is CalvinError {
  return (
    error instanceof CalvinError ||
    (typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'CalvinError')
  );
}
