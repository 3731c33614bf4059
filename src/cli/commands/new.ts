import type { RegisterCommand } from '../context.js';
import { CalvinError } from '../../errors.js';

// PLACEHOLDER-UNTIL-IMPLEMENTED: replaced by the owner of `calvin new`.
export const registerNew: RegisterCommand = (program) => {
  program
    .command('new')
    .description('(not yet implemented)')
    .action(() => {
      throw new CalvinError('UNSUPPORTED', 'calvin new is not implemented yet');
    });
};
