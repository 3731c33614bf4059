/** The public library API: everything the CLI does is callable from code. */
export * from './errors.js';
export * from './config.js';
export * from './define/index.js';
