import { lintPaths } from './src/lint/lint.js';
const run = await lintPaths({ paths: [process.argv[2] ?? '../shared/calvinverse-corpus'], root: '.' });
for (const r of run.results) for (const m of r.messages) console.log(`${r.filePath.replace('../shared/calvinverse-corpus/','')}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
console.log(run.filesLinted);
