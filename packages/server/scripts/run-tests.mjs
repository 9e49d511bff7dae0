#!/usr/bin/env node
// Runs the server's test files with node:test through tsx. Node 20 finds no .ts files on its
// own, so the files are listed here. `--pg` runs the same files against PostgreSQL
// (TEST_DATABASE_URL must point at a server where databases may be created). `*.mail.test.ts`
// files need a running Dovecot (DOVECOT_IMAP_HOST/PORT, DOVECOT_USERS, as .ci/run starts it)
// and run only with `--mail`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const pgMode = args.includes('--pg');
const mailMode = args.includes('--mail');
const filters = args.filter((a) => !a.startsWith('--'));

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : walk(p);
    return e.name.endsWith('.test.ts') ? [p] : [];
  });
}

let files = [...walk(path.join(root, 'src')), ...walk(path.join(root, 'test'))]
  .filter((f) => f.endsWith('.mail.test.ts') === mailMode)
  .sort();
if (filters.length) files = files.filter((f) => filters.some((x) => f.includes(x)));
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
if (pgMode && !process.env.TEST_DATABASE_URL) {
  console.error('--pg needs TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/postgres');
  process.exit(1);
}
const env = { ...process.env };
if (!pgMode) delete env.TEST_DATABASE_URL;
if (mailMode && !env.DOVECOT_IMAP_PORT) {
  console.error('--mail needs a Dovecot: set DOVECOT_IMAP_HOST, DOVECOT_IMAP_PORT and DOVECOT_USERS (see .ci/run)');
  process.exit(1);
}
const res = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', ...files],
  { stdio: 'inherit', cwd: root, env },
);
process.exit(res.status ?? 1);
