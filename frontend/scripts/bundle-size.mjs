// Reports the initial JavaScript of the search page (the landing route): the
// entry chunk plus every chunk it imports statically, gzipped. Fails above the budget.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

// 200 kB: 197.7 kB measured (198.0 with the need page's early request, app/early-requests.ts)
// once the features' own texts (research partners, joint procurement,
// pilots, the barometer, notices, the advisor's desk; the case library already) moved out of the
// first page's catalogue into modules that load with their pages (features/<name>/texts.ts),
// from 202.9 kB with them in src/locales/nb.ts. A feature's new texts go in its own module.
const BUDGET_KB = 200;
const dist = process.env.FRONTEND_DIST ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
if (!entryKey) throw new Error('no entry chunk in manifest');

const seen = new Set();
const visit = (key) => {
  if (seen.has(key)) return;
  seen.add(key);
  for (const dep of manifest[key].imports ?? []) visit(dep);
};
visit(entryKey);

let total = 0;
for (const key of seen) {
  const file = manifest[key].file;
  const gz = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  total += gz;
  console.log(`  ${file}  ${(gz / 1024).toFixed(1)} kB gzipped`);
}
const kb = total / 1024;
console.log(`Initial JS of the search page: ${kb.toFixed(1)} kB gzipped (budget ${BUDGET_KB} kB)`);
if (kb > BUDGET_KB) {
  console.error('Initial JS is over budget');
  process.exit(1);
}
