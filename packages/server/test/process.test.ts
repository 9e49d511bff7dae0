/**
 * Starts Servus as a real process, the way `npm start` does, and checks what a newcomer sees:
 * health, the setup redirect, persistence across a restart and a clean shutdown.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openTestDatabase, type TestDatabase } from './harness.ts';

const MAIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/main.ts');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

interface Proc {
  child: ChildProcess;
  url: string;
  output: () => string;
}

async function startServer(env: Record<string, string>): Promise<Proc> {
  const port = await freePort();
  let out = '';
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.status === 200) return { child, url, output: () => out };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become healthy:\n${out}`);
}

async function stop(p: Proc): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => p.child.once('exit', (code) => resolve(code)));
  p.child.kill('SIGTERM');
  return exited;
}

let dataDir: string;
let tdb: TestDatabase | null = null;
let dbEnv: Record<string, string> = {};
before(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'servus-proc-'));
  if (process.env.TEST_DATABASE_URL) {
    tdb = await openTestDatabase();
    dbEnv = { DATABASE_URL: tdb.database.url! };
  }
});
after(async () => {
  await tdb?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the server process', () => {
  it('starts healthy, redirects to setup, keeps data across a restart and stops on SIGTERM', async () => {
    const first = await startServer({ DATA_DIR: dataDir, ...dbEnv });
    const health = (await (await fetch(`${first.url}/healthz`)).json()) as { status: string; db: string };
    assert.equal(health.status, 'ok');
    assert.equal(health.db, tdb ? 'postgres' : 'pglite');
    const root = await fetch(`${first.url}/`, { redirect: 'manual' });
    assert.equal(root.status, 302);
    assert.equal(root.headers.get('location'), '/setup');
    const setup = await fetch(`${first.url}/api/v1/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Ada', email: 'ada@example.com', password: 'correct horse battery' }),
    });
    assert.equal(setup.status, 201);
    assert.equal(await stop(first), 0, first.output());

    const second = await startServer({ DATA_DIR: dataDir, ...dbEnv });
    assert.equal((await fetch(`${second.url}/setup`)).status, 404, 'the admin survived the restart');
    if (!tdb) {
      // The embedded database serves one process: a second server on the same directory refuses.
      const third = spawnSync(process.execPath, ['--import', 'tsx', MAIN], {
        env: { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' },
        encoding: 'utf8',
        timeout: 30_000,
      });
      assert.equal(third.status, 1);
      assert.match(third.stderr, new RegExp(`in use by another process \\(pid ${second.child.pid}\\)`));
    }
    const login = await fetch(`${second.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ada@example.com', password: 'correct horse battery' }),
    });
    assert.equal(login.status, 200);
    assert.equal(await stop(second), 0, second.output());
  });

  it('refuses to start in production without a proper session secret', () => {
    const res = spawnSync(process.execPath, ['--import', 'tsx', MAIN], {
      env: { ...process.env, NODE_ENV: 'production', SESSION_SECRET: 'changeme', DATA_DIR: dataDir, PORT: '0' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(res.status, 1);
    assert.match(res.stderr, /SESSION_SECRET/);
  });
});
