/**
 * What Chronograf does to a cell's note before storing it (server/cells.go ValidateNote): sanitise
 * with bluemonday's UGC policy and default an empty visibility to "default". The transform is
 * pinned to Chronograf's own TestValidateNote cases in test/unit/render/chronograf-note.test.ts.
 */
import { sanitizeChronografNote } from '../../src/render/chronograf-note.js';

export function validateNote(cell: Record<string, unknown>): Record<string, unknown> {
  const note = typeof cell.note === 'string' ? sanitizeChronografNote(cell.note) : '';
  const visibility =
    typeof cell.noteVisibility === 'string' && cell.noteVisibility !== '' ? cell.noteVisibility : 'default';
  return { ...cell, note, noteVisibility: visibility };
}
