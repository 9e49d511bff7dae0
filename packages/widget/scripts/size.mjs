// Fails when the built widget is over its size budget (gzipped): the loader every customer page
// downloads must stay tiny, and the chat frame light. Run after `npm run build`.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
const BUDGETS = { loader: 10 * 1024, frame: 80 * 1024 };

const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

if (!fs.existsSync(path.join(dist, 'widget.js')) || !fs.existsSync(path.join(dist, 'frame.html'))) {
  console.error('size: dist/widget.js or dist/frame.html is missing; run `npm run build --workspace @servus/widget` first');
  process.exit(1);
}

const loader = gz(path.join(dist, 'widget.js'));
const assets = fs.existsSync(path.join(dist, 'assets')) ? fs.readdirSync(path.join(dist, 'assets')).filter((f) => /\.(js|css)$/.test(f)) : [];
const frame = gz(path.join(dist, 'frame.html')) + assets.reduce((sum, f) => sum + gz(path.join(dist, 'assets', f)), 0);

let failed = false;
for (const [name, size] of [['loader (widget.js)', loader], ['frame (frame.html + assets)', frame]]) {
  const budget = name.startsWith('loader') ? BUDGETS.loader : BUDGETS.frame;
  const ok = size <= budget;
  failed ||= !ok;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${name}: ${kb(size)} gzipped (budget ${kb(budget)})`);
}
process.exit(failed ? 1 : 0);
