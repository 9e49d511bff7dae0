/**
 * The ceilings of the two CPU-heavy stages of inbound mail, each measured alone in the benchmark
 * process on the same kind of mail: parsing in the worker pool, and sender authentication.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ParsePool } from '../packages/server/src/modules/email/parse/pool.ts';
import { cachingResolver, checkMailAuth } from '../packages/server/src/modules/email/auth.ts';
import { makeMails, rawOf } from './mail-gen.ts';
import { scratchDir } from './mail-cpu.ts';
import type { Ceilings } from './mail-report.ts';

/** Parse workers alone and mailauth alone, on the same kind of mail, in this process. */
export async function measureCeilings(n: number): Promise<Ceilings> {
  const dir = scratchDir('servus-mailbench-ceiling-');
  try {
    const mails = makeMails(200, { offset: 40_000, replyShare: 0, tickets: [] });
    const files = await Promise.all(
      mails.map(async (m, i) => {
        const f = path.join(dir, `${i}.eml`);
        fs.writeFileSync(f, await rawOf(m.options));
        return { file: f, sender: (m.options.from as { address: string }).address };
      }),
    );
    const pool = new ParsePool({ size: 2, blobRoot: path.join(dir, 'blobs') });
    await Promise.all(files.slice(0, 40).map((f) => pool.parse(f.file)));
    let next = 0;
    let t = performance.now();
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        for (let i = next++; i < n; i = next++) await pool.parse(files[i % files.length]!.file);
      }),
    );
    const parseSeconds = (performance.now() - t) / 1000;
    await pool.close();

    const resolver = cachingResolver(undefined, { timeoutMs: 3000 });
    for (const f of files.slice(0, 20)) await checkMailAuth(f.file, { ip: '127.0.0.1', sender: f.sender, resolver, mta: 'bench' });
    next = 0;
    let callMs = 0;
    t = performance.now();
    await Promise.all(
      Array.from({ length: 2 }, async () => {
        for (let i = next++; i < n; i = next++) {
          const f = files[i % files.length]!;
          const c = performance.now();
          await checkMailAuth(f.file, { ip: '127.0.0.1', sender: f.sender, resolver, mta: 'bench' });
          callMs += performance.now() - c;
        }
      }),
    );
    const authSeconds = (performance.now() - t) / 1000;
    return { mails: n, parseWorkers: 2, parseMailsPerSecond: n / parseSeconds, mailauthMailsPerSecond: n / authSeconds, mailauthMeanMs: callMs / n };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
