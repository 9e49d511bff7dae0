import { Transform, type TransformCallback } from 'node:stream';
import libmime from 'libmime';
import type { IconvConstructor } from 'mailparser';

/**
 * A decoder class for MailParser's `Iconv` option (the interface of node-iconv: constructed with
 * the source charset, a stream from those bytes to UTF-8). Known charsets, the Japanese ones
 * included, go through libmime/iconv-lite exactly as MailParser would decode them itself.
 * An unknown or bogus charset (`default`, `3Diso-8859-1`, …) is decoded as Latin-1 instead of
 * UTF-8 with replacement characters, so no byte is lost (SECURITY 8), and `onFallback` is told.
 * A decoder that fails halfway continues as Latin-1 as well; nothing here throws.
 */
export function bodyDecoderFor(onFallback: (charset: string) => void): IconvConstructor {
  return class BodyDecoder extends Transform {
    private inner: Transform | null = null;
    private flushDone: TransformCallback | null = null;

    constructor(charset: string) {
      super();
      const inner = libmime.createDecodeStream(charset);
      if (!inner.supported) {
        onFallback(charset);
        return;
      }
      this.inner = inner;
      inner.on('data', (chunk: Buffer) => this.push(chunk));
      inner.on('end', () => this.finishFlush());
      inner.on('error', () => {
        onFallback(charset);
        this.inner = null;
        this.finishFlush();
      });
    }

    override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
      if (this.inner) this.inner.write(chunk);
      else this.push(Buffer.from(chunk.toString('latin1'), 'utf8'));
      done();
    }

    override _flush(done: TransformCallback): void {
      if (!this.inner) return done();
      this.flushDone = done;
      this.inner.end();
    }

    private finishFlush(): void {
      const done = this.flushDone;
      this.flushDone = null;
      done?.();
    }
  };
}
