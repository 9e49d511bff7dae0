// Builds the widget, checks its size budget, then runs the unit tests once and prints
// "N passed, N failed" as the last line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => {
  const local = path.join(root, 'node_modules', '.bin', name);
  return fs.existsSync(local) ? local : path.resolve(root, '../../node_modules/.bin', name);
};
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
const step = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env }).status === 0;

if (!step(bin('vite'), ['build']) || !step(bin('vite'), ['build', '-c', 'vite.loader.config.ts'])) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const sizeOk = step(process.execPath, ['scripts/size.mjs']);

const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'servus-widget-tests-')), 'results.json');
const run = spawnSync(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
let passed = 0;
let failed = sizeOk ? 0 : 1;
if (fs.existsSync(out)) {
  const report = JSON.parse(fs.readFileSync(out, 'utf8'));
  passed = report.numPassedTests ?? 0;
  failed += (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
  if (!report.success && failed === 0) failed = 1;
} else failed += 1;
fs.rmSync(path.dirname(out), { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
