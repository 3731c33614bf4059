import type { RegisterCommand } from '../context.js';
import { CalvinError } from '../../errors.js';

// PLACEHOLDER-UNTIL-IMPLEMENTED: replaced by the owner of `calvin deploy`.
export const registerDeploy: RegisterCommand = (program) => {
  program
    .command('deploy')
    .description('(not yet implemented)')
    .action(() => {
      throw new CalvinError('UNSUPPORTED', 'calvin deploy is not implemented yet');
    });
};
