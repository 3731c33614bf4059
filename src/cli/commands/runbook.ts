import type { RegisterCommand } from '../context.js';
import { CalvinError } from '../../errors.js';

// PLACEHOLDER-UNTIL-IMPLEMENTED: replaced by the owner of `calvin runbook`.
export const registerRunbook: RegisterCommand = (program) => {
  program
    .command('runbook')
    .description('(not yet implemented)')
    .action(() => {
      throw new CalvinError('UNSUPPORTED', 'calvin runbook is not implemented yet');
    });
};
