/** The public library API: everything the CLI does is callable from code. */
export * from './errors.js';
export * from './config.js';
export * from './define/index.js';
export * from './render/index.js';
export * from './load/index.js';
export * from './deploy/index.js';
export * from './logstash/index.js';
export * from './simulate/index.js';
export * from './diagnose/index.js';
export * from './report/index.js';
export * from './lint/index.js';
