// Runs every bench/*.bench.ts, each in its own child process (so that one benchmark's heap
// and JIT state do not colour another's), one after the other. Arguments narrow the run to
// files whose name contains one of them.
//
//   npm run bench            # all
//   npm run bench pagination # one
// Each bench writes its section of bench/results.json; the README's table is rendered from it.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { updateReadme } from './report.js';

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
  .sort();

if (files.length === 0) {
  console.error('No benchmarks found.');
  process.exit(1);
}

let failed = 0;
for (const file of files) {
  console.log(`\n# ${file}`);
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(here, file)], { stdio: 'inherit' });
    child.on('exit', (status, signal) => resolve(status ?? (signal ? 1 : 0)));
  });
  if (code !== 0) {
    failed += 1;
    console.error(`${file} failed with exit code ${code}`);
  }
}
updateReadme();
console.log('\nbench/results.json and the Benchmarks section of README.md are updated.');
process.exit(failed === 0 ? 0 : 1);
