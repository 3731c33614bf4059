import type { RegisterCommand } from '../context.js';
import { CalvinError } from '../../errors.js';

// PLACEHOLDER-UNTIL-IMPLEMENTED: replaced by the owner of `calvin import`.
export const registerImport: RegisterCommand = (program) => {
  program
    .command('import')
    .description('(not yet implemented)')
    .action(() => {
      throw new CalvinError('UNSUPPORTED', 'calvin import is not implemented yet');
    });
};
