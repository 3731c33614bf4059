import type { RegisterCommand } from '../context.js';
import { CalvinError } from '../../errors.js';

// PLACEHOLDER-UNTIL-IMPLEMENTED: replaced by the owner of `calvin lint`.
export const registerLint: RegisterCommand = (program) => {
  program
    .command('lint')
    .description('(not yet implemented)')
    .action(() => {
      throw new CalvinError('UNSUPPORTED', 'calvin lint is not implemented yet');
    });
};
