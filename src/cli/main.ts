/** The CLI from the built modules: what launch.ts falls back to, and what tests run through tsx. */
import { runCli } from './run-cli.js';

await runCli(process.argv);
