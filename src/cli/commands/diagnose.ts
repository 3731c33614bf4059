import type { RegisterCommand } from '../context.js';
import { CalvinError } from '../../errors.js';

// PLACEHOLDER-UNTIL-IMPLEMENTED: replaced by the owner of `calvin diagnose`.
export const registerDiagnose: RegisterCommand = (program) => {
  program
    .command('diagnose')
    .description('(not yet implemented)')
    .action(() => {
      throw new CalvinError('UNSUPPORTED', 'calvin diagnose is not implemented yet');
    });
};
