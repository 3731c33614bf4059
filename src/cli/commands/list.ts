import type { RegisterCommand } from '../context.js';
import { CalvinError } from '../../errors.js';

// PLACEHOLDER-UNTIL-IMPLEMENTED: replaced by the owner of `calvin list`.
export const registerList: RegisterCommand = (program) => {
  program
    .command('list')
    .description('(not yet implemented)')
    .action(() => {
      throw new CalvinError('UNSUPPORTED', 'calvin list is not implemented yet');
    });
};
