/**
 * The real Servus server as a child process (`node --import tsx packages/server/src/main.ts`),
 * as an operator would run it: started, probed on /healthz, measured through /proc, and
 * stopped by its own pid.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (the bench workspace's parent). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The first admin every benchmark server is bootstrapped with. */
export const ADMIN = { email: 'admin@bench.example', password: 'bench-admin-password-1' } as const;

/**
 * Bundles the server with esbuild (the one tsx brings along) into a temp folder laid out so
 * that its `import.meta.url`-relative paths still find the migrations, with every npm
 * dependency left external. Returns the entry file and a cleanup, or null without esbuild.
 * Used to show what precompiling, instead of running through tsx, does to memory.
 */
export async function bundleServer(): Promise<{ entry: string; cleanup: () => void } | null> {
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch {
    return null;
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'packages/server/package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const external = Object.keys(pkg.dependencies)
    .filter((d) => !d.startsWith('@servus/'))
    .flatMap((d) => [d, `${d}/*`]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'servus-bundle-'));
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  fs.symlinkSync(path.join(REPO_ROOT, 'packages/server/drizzle'), path.join(dir, 'drizzle'));
  const entry = path.join(dir, 'src', 'platform', 'main.mjs');
  await esbuild.build({
    entryPoints: [path.join(REPO_ROOT, 'packages/server/src/main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external,
    outfile: entry,
    logLevel: 'error',
  });
  return { entry, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A running server child. */
export interface ServerHandle {
  pid: number;
  baseUrl: string;
  /** The last lines the server wrote, for error messages. */
  output(): string;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Resident set size of a process in MiB, from `/proc/<pid>/status` (VmRSS). */
export function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!m) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(m[1]) / 1024;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
  });
}

/**
 * Starts the server on a free port and resolves once /healthz answers 200. `databaseUrl`
 * selects PostgreSQL; otherwise it runs PGlite under `dataDir`.
 */
export async function startServer(opts: { dataDir: string; databaseUrl?: string; timeoutMs?: number; entry?: string }): Promise<ServerHandle> {
  const port = await freePort();
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: opts.dataDir,
    SESSION_SECRET: crypto.randomBytes(36).toString('base64url').slice(0, 48),
    SERVUS_ADMIN_EMAIL: ADMIN.email,
    SERVUS_ADMIN_PASSWORD: ADMIN.password,
    RATE_LIMIT_PER_MINUTE: '100000000',
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  const args = opts.entry ? [opts.entry] : ['--import', 'tsx', 'packages/server/src/main.ts'];
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  const handle: ServerHandle = {
    pid: child.pid!,
    baseUrl,
    output: () => tail,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const done = await Promise.race([exited(child).then(() => true), sleep(30_000).then(() => false)]);
      if (!done) {
        child.kill('SIGKILL');
        await exited(child);
      }
    },
  };
  const deadline = Date.now() + (opts.timeoutMs ?? 180_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} during start:\n${tail}`);
    try {
      const r = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (r.status === 200) return handle;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  await handle.stop();
  throw new Error(`server did not become healthy in time:\n${tail}`);
}

/** Signs in as the bootstrap admin (cookie + CSRF token) and creates an API token; returns its secret. */
export async function createApiToken(baseUrl: string): Promise<string> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const r = await fetch(`${baseUrl}/api/v1/me/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'bench' }),
  });
  if (r.status !== 201) throw new Error(`token creation failed: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { secret: string }).secret;
}

/** HEAD and the uncommitted files under packages/ (read-only git queries), stored with every run. */
export function codeState(): { head: string | null; changedFiles: string[] } {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const changed = execFileSync('git', ['status', '--porcelain', '--', 'packages'], { cwd: REPO_ROOT, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map((l) => l.slice(3));
    return { head, changedFiles: changed };
  } catch {
    return { head: null, changedFiles: [] };
  }
}

/** The same PostgreSQL URL pointing at another database. */
export function withDb(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}
