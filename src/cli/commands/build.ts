import type { RegisterCommand } from '../context.js';
import { CalvinError } from '../../errors.js';

// PLACEHOLDER-UNTIL-IMPLEMENTED: replaced by the owner of `calvin build`.
export const registerBuild: RegisterCommand = (program) => {
  program
    .command('build')
    .description('(not yet implemented)')
    .action(() => {
      throw new CalvinError('UNSUPPORTED', 'calvin build is not implemented yet');
    });
};
