// Staleness check: regenerate the TS types from openapi.yaml into a temp file
// and fail if they differ from the committed src/api/generated/schema.ts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const committed = join(root, 'src/api/generated/schema.ts');
const spec = join(root, 'openapi.yaml');
if (!existsSync(spec)) {
  console.error('api:check: frontend/openapi.yaml is missing');
  process.exit(1);
}
const out = join(mkdtempSync(join(tmpdir(), 'api-check-')), 'schema.ts');
execFileSync(join(root, 'node_modules/.bin/openapi-typescript'), [spec, '-o', out], { stdio: 'inherit' });
const fresh = readFileSync(out, 'utf8');
const current = existsSync(committed) ? readFileSync(committed, 'utf8') : '';
if (fresh !== current) {
  console.error('api:check: src/api/generated/schema.ts is stale; run `npm run api:generate` and commit.');
  process.exit(1);
}
console.log('api:check: generated API types are up to date');
