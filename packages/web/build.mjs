// Builds the web app shell into dist/. The agent workspace replaces this page.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, 'dist');
fs.mkdirSync(dist, { recursive: true });
fs.copyFileSync(path.join(here, 'index.html'), path.join(dist, 'index.html'));
console.log('web: built dist/index.html');
