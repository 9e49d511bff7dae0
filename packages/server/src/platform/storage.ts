import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import { AppError } from './errors.ts';

export interface StoredBlob {
  sha256: string;
  size: number;
  /** Where the content is on disk, for sniffing and streaming. */
  path: string;
}

/**
 * Content-addressed file storage under `<dataDir>/blobs/ab/cd/<sha256>`. Object keys are the
 * hash, never a user-supplied name, so nothing a customer names can reach another path.
 */
export class BlobStorage {
  /** Directories known to exist, so a busy server does not ask the file system every time. */
  private readonly made = new Set<string>();

  constructor(private readonly root: string) {}

  private async ensureDir(dir: string): Promise<void> {
    if (this.made.has(dir)) return;
    await fsp.mkdir(dir, { recursive: true });
    this.made.add(dir);
  }

  pathFor(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new AppError('bad_request', 'invalid blob key');
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  /** Streams `input` to disk while hashing; rejects with 413 past `limit` bytes. */
  async put(input: Readable, limit: number): Promise<StoredBlob> {
    const tmpDir = path.join(this.root, 'tmp');
    await this.ensureDir(tmpDir);
    const tmp = path.join(tmpDir, randomBytes(16).toString('hex'));
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        size += chunk.length;
        if (size > limit) return cb(new AppError('payload_too_large', `attachment exceeds ${limit} bytes`));
        hash.update(chunk);
        cb(null, chunk);
      },
    });
    try {
      await pipeline(input, meter, fs.createWriteStream(tmp));
    } catch (err) {
      await fsp.rm(tmp, { force: true });
      throw err;
    }
    const sha256 = hash.digest('hex');
    const dest = this.pathFor(sha256);
    await this.ensureDir(path.dirname(dest));
    await fsp.rename(tmp, dest);
    return { sha256, size, path: dest };
  }

  open(sha256: string): fs.ReadStream {
    return fs.createReadStream(this.pathFor(sha256));
  }
}
