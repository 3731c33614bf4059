/**
 * The builders-only entry (`calvin/builders`): the typed model, its builders and calvin's errors,
 * nothing else. Definition files are loaded against it, so loading them never pulls in renderers,
 * backends or their clients.
 */
export * from './errors.js';
export * from './define/index.js';
