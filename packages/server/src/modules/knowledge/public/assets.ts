import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { App } from '../../../platform/http.ts';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets');

interface Asset {
  body: Buffer;
  type: string;
  /** A short hash of the content: the ETag, and the `?v=` that makes a versioned URL immutable. */
  version: string;
}

function asset(body: Buffer, type: string): Asset {
  return { body, type, version: createHash('sha256').update(body).digest('base64url').slice(0, 12) };
}

/** The stylesheet is written in parts (`assets/css/<n>-<part>.css`) and served as one file, in their order. */
function stylesheet(): Buffer {
  const dir = path.join(DIR, 'css');
  const parts = fs.readdirSync(dir).filter((f) => f.endsWith('.css')).sort();
  return Buffer.concat(parts.map((f) => fs.readFileSync(path.join(dir, f))));
}

/** The help center's stylesheet and script, read once at start. */
export const HELP_ASSETS: Record<'help.css' | 'help.js', Asset> = {
  'help.css': asset(stylesheet(), 'text/css; charset=utf-8'),
  'help.js': asset(fs.readFileSync(path.join(DIR, 'help.js')), 'text/javascript; charset=utf-8'),
};

/** The address of an asset with its version, so browsers may keep it for a year. */
export function assetUrl(name: keyof typeof HELP_ASSETS): string {
  return `/help/assets/${name}?v=${HELP_ASSETS[name].version}`;
}

/** Serves `/help/assets/help.css` and `/help/assets/help.js` (also for the portal's pages). */
export function helpAssetRoutes(app: App): void {
  for (const [name, asset] of Object.entries(HELP_ASSETS)) {
    app.get(`/help/assets/${name}`, { schema: { hide: true } }, async (req, reply) => {
      const etag = `"${asset.version}"`;
      const versioned = (req.query as { v?: string }).v === asset.version;
      reply
        .type(asset.type)
        .header('x-content-type-options', 'nosniff')
        .header('etag', etag)
        .header('cache-control', versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
      if (req.headers['if-none-match'] === etag) return reply.code(304).send();
      return reply.send(asset.body);
    });
  }
}
