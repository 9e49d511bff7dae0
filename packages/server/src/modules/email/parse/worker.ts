/**
 * Worker thread body for ParsePool: parses one message per request with parseMail and answers
 * with the result. A throw becomes an error answer; a crash or a hang is the pool's business.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ParseLimits } from './limits.ts';
import { parseMail } from './parse-mail.ts';
import type { ParsedMail } from './types.ts';

/** What the pool passes as `workerData`. */
export interface WorkerInit {
  blobRoot: string;
  limits: ParseLimits;
}

/** One parse request. */
export interface WorkerRequest {
  id: number;
  rawPath: string;
  maxBytes?: number;
}

/** The answer to a request, or `ready` once the modules are loaded. */
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'done'; id: number; result: ParsedMail }
  | { type: 'failed'; id: number; message: string };

const port = parentPort;
if (!port) throw new Error('worker.ts runs only as a worker thread');
const init = workerData as WorkerInit;

port.on('message', (req: WorkerRequest) => {
  const limits = req.maxBytes ? { ...init.limits, maxBytes: req.maxBytes } : init.limits;
  parseMail(req.rawPath, init.blobRoot, limits).then(
    (result) => port.postMessage({ type: 'done', id: req.id, result } satisfies WorkerReply),
    (err: unknown) => port.postMessage({ type: 'failed', id: req.id, message: err instanceof Error ? err.message : String(err) } satisfies WorkerReply),
  );
});
port.postMessage({ type: 'ready' } satisfies WorkerReply);
