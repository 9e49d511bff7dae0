/**
 * Runs the browser suite: builds the web app once, then runs every `tests/*.test.ts` (or those
 * whose path contains one of the arguments) with node:test, one file at a time. Node 20 finds no
 * .ts test files on its own, so the files are listed explicitly.
 *
 * Usage: `npm run test:e2e` from the repository root, or `npm test -- setup` in e2e/.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ARTIFACTS_DIR, CHROMIUM_PATH } from './support/browser.ts';
import { WEB_BUILT_ENV, ensureWebBuilt } from './support/server.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));

let files = fs
  .readdirSync(path.join(here, 'tests'))
  .filter((f) => f.endsWith('.test.ts'))
  .sort()
  .map((f) => path.join('tests', f));
if (filters.length) files = files.filter((f) => filters.some((x) => f.includes(x)));
if (files.length === 0) {
  console.error(filters.length ? `no e2e test file matches ${filters.join(', ')}` : 'no e2e test files found in e2e/tests');
  process.exit(1);
}
if (!fs.existsSync(CHROMIUM_PATH)) {
  console.error(`${CHROMIUM_PATH} is missing; install it with: apt-get install -y --no-install-recommends chromium`);
  process.exit(1);
}

// Screenshots from an earlier run would pass for failures of this one.
fs.rmSync(ARTIFACTS_DIR, { recursive: true, force: true });

try {
  await ensureWebBuilt();
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
console.log(`e2e: web app built; running ${files.length} test file(s) in Chromium`);

const res = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-timeout=180000', ...files],
  { cwd: here, stdio: 'inherit', env: { ...process.env, [WEB_BUILT_ENV]: '1' } },
);
if (res.error) console.error(res.error.message);
process.exit(res.status ?? 1);
