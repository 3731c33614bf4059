/**
 * A runbook reference is either a URL of its own (a wiki page) or a runbook kept in the project as
 * `runbooks/<name>.md`, which calvin serve publishes at `<serve URL>/runbooks/<name>`. One reading of
 * that shape for every place that links a runbook: renderers, diagnose, reports and serve's pages.
 */

/** `runbooks/<name>.md`, alone or at the end of a repository URL (with an optional query or anchor). */
const KEPT_FILE = /(?:^|\/)runbooks\/([\w.-]+?)\.md(?:[?#].*)?$/;
/** `runbooks/<name>` without the extension, only as a project path (a wiki URL without `.md` stays a URL). */
const KEPT_NAME = /^runbooks\/([\w.-]+)$/;

/** The name of a runbook kept as `runbooks/<name>.md`, else undefined. */
export function keptRunbookName(ref: string): string | undefined {
  return KEPT_FILE.exec(ref)?.[1] ?? KEPT_NAME.exec(ref)?.[1];
}

/** Where people read a runbook: `<serve URL>/runbooks/<name>` for a kept one when serve's URL is known. */
export function publishedRunbookUrl(ref: string, serveUrl: string | undefined): string {
  const name = keptRunbookName(ref);
  if (name === undefined || !serveUrl) return ref;
  return `${serveUrl.replace(/\/+$/, '')}/runbooks/${name}`;
}

/**
 * The runbook a link names at its end, `…/runbooks/<name>[.md]` (serve's page included), to look for
 * its file in the project: only a file that exists is linked instead.
 */
export function linkedRunbookName(ref: string): string | undefined {
  return keptRunbookName(ref) ?? /\/runbooks\/([\w.-]+?)\/?(?:[?#].*)?$/.exec(ref)?.[1];
}
