/** Atomic file-system writes: a file via temp + rename, a directory via staging dir + swap. */
export { writeFileAtomic, writeFileAtomicSync } from './atomic-file.js';
export { writeDirAtomic, safeRelativePath, type DirEntry } from './atomic-dir.js';
