// Runs the web tests once and prints "N passed, N failed" as the last line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'servus-web-tests-')), 'results.json');
const vitest = path.join(root, 'node_modules', '.bin', 'vitest');
const bin = fs.existsSync(vitest) ? vitest : path.resolve(root, '../../node_modules/.bin/vitest');

const run = spawnSync(bin, ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
});

let passed = 0;
let failed = 0;
if (fs.existsSync(out)) {
  const report = JSON.parse(fs.readFileSync(out, 'utf8'));
  passed = report.numPassedTests ?? 0;
  failed = (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
  if (!report.success && failed === 0) failed = 1;
} else {
  failed = 1;
}
fs.rmSync(path.dirname(out), { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
