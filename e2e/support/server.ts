/**
 * Starts the real Servus server as a child process, the way a user runs it: the web app is
 * built, then `node --import tsx packages/server/src/main.ts` runs from the repository root with
 * its data in a fresh temporary directory (embedded PGlite).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { onInterrupt } from './cleanup.ts';

/** The repository root (the parent of the e2e workspace). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const WEB_INDEX = path.join(REPO_ROOT, 'packages/web/dist/index.html');
const MAIN = path.join(REPO_ROOT, 'packages/server/src/main.ts');

/**
 * Set by the e2e runner after it has built the web app once, so that each test file (its own
 * process under node:test) does not build it again.
 */
export const WEB_BUILT_ENV = 'SERVUS_E2E_WEB_BUILT';

/** Variables a developer's or CI's shell may carry that would change what the server under test does. */
const SCRUBBED_ENV = [
  'DATABASE_URL',
  'TEST_DATABASE_URL',
  'SERVUS_ADMIN_EMAIL',
  'SERVUS_ADMIN_PASSWORD',
  'SERVUS_ADMIN_NAME',
  'SERVUS_ROLES',
  'SESSION_SECRET',
  'PUBLIC_URL',
  'NODE_ENV',
  'NODE_TEST_CONTEXT',
];

export interface StartOptions {
  /** Extra environment for the server, e.g. SERVUS_ADMIN_EMAIL. */
  env?: Record<string, string>;
  /** How long to wait for `GET /healthz` to answer 200. */
  timeoutMs?: number;
}

/** A running Servus server process. */
export interface ServusServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  port: number;
  pid: number;
  dataDir: string;
  /** What the server printed so far, stdout and stderr labelled. */
  output(): string;
  /** Stops the process (SIGTERM, then SIGKILL after 10 s) and removes its data directory. */
  stop(): Promise<void>;
}

let webBuild: Promise<void> | undefined;

/**
 * Builds `@servus/web` once per process, unless the runner already did and the result is there.
 */
export function ensureWebBuilt(): Promise<void> {
  if (process.env[WEB_BUILT_ENV] === '1' && fs.existsSync(WEB_INDEX)) return Promise.resolve();
  webBuild ??= (async () => {
    const { code, output } = await run('npm', ['run', 'build', '--workspace', '@servus/web'], REPO_ROOT);
    if (code !== 0) throw new Error(`building @servus/web failed (exit ${code}):\n${output}`);
    if (!fs.existsSync(WEB_INDEX)) throw new Error(`building @servus/web did not produce ${WEB_INDEX}:\n${output}`);
  })();
  return webBuild;
}

function run(cmd: string, args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Keeps the last part of a stream so a chatty server cannot exhaust the test's memory. */
class Tail {
  private text = '';
  constructor(private readonly max = 200_000) {}
  push(chunk: Buffer): void {
    this.text += chunk.toString();
    if (this.text.length > this.max) this.text = this.text.slice(-this.max);
  }
  toString(): string {
    return this.text;
  }
}

/**
 * Starts a server on a free port with a fresh data directory and waits until `GET /healthz`
 * answers 200. Fails with the server's output if it exits or does not become healthy in time.
 */
export async function startServer(opts: StartOptions = {}): Promise<ServusServer> {
  await ensureWebBuilt();
  const [port, smtpPort] = [await freePort(), await freePort()];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'servus-e2e-'));
  const env: Record<string, string | undefined> = { ...process.env };
  for (const k of SCRUBBED_ENV) delete env[k];
  Object.assign(env, {
    PORT: String(port),
    HOST: '127.0.0.1',
    // Another server on this machine may hold the default SMTP port.
    SMTP_PORT: String(smtpPort),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ...opts.env,
  });

  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const stdout = new Tail();
  const stderr = new Tail();
  child.stdout!.on('data', (d: Buffer) => stdout.push(d));
  child.stderr!.on('data', (d: Buffer) => stderr.push(d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : null))));
  // A test process that is interrupted must not leave its server or data behind.
  const unregister = onInterrupt(() => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      child.kill('SIGKILL');
      // A server that was shutting down may still be flushing its data dir; remove it only after.
      waitDeadSync(child.pid, 3_000);
    }
    fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
  });

  const url = `http://127.0.0.1:${port}`;
  const output = () => `--- server stderr ---\n${stderr}\n--- server stdout ---\n${stdout}`;
  const stop = async () => {
    unregister();
    await terminate(child, exited);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitHealthy(url, exited, opts.timeoutMs ?? 60_000);
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n${output()}`);
  }
  return { url, port, pid: child.pid!, dataDir, output, stop };
}

/** Blocks until `pid` is gone or a zombie (Linux /proc), at most `ms`; for exit handlers, which cannot wait. */
function waitDeadSync(pid: number, ms: number): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    let state: string;
    try {
      state = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '')[0] ?? '';
    } catch {
      return;
    }
    if (state === 'Z' || state === 'X') return;
    Atomics.wait(pause, 0, 0, 20);
  }
}

async function waitHealthy(url: string, exited: Promise<number | null>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let gone: number | null | undefined;
  void exited.then((code) => (gone = code));
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (gone !== undefined) throw new Error(`the server exited with code ${gone} before /healthz answered`);
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return;
      last = `${res.status} ${await res.text()}`;
    } catch (err) {
      last = String((err as Error).message);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`GET ${url}/healthz did not answer 200 within ${timeoutMs} ms (last: ${last})`);
}

async function terminate(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
