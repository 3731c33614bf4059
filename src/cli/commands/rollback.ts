import type { RegisterCommand } from '../context.js';
import { CalvinError } from '../../errors.js';

// PLACEHOLDER-UNTIL-IMPLEMENTED: replaced by the owner of `calvin rollback`.
export const registerRollback: RegisterCommand = (program) => {
  program
    .command('rollback')
    .description('(not yet implemented)')
    .action(() => {
      throw new CalvinError('UNSUPPORTED', 'calvin rollback is not implemented yet');
    });
};
