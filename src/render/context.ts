import { CalvinError, isCalvinError } from '../errors.js';

/** Runs one definition's rendering; a CalvinError that does not name the definition gets its kind and id in front. */
export function forDefinition<T>(kind: string, id: string, render: () => T): T {
  try {
    return render();
  } catch (error) {
    if (!isCalvinError(error) || error.message.includes(id)) throw error;
    throw new CalvinError(error.code, `${kind} ${id}: ${error.message}`, error.hint, {
      cause: error,
      exitCode: error.exitCode,
    });
  }
}
