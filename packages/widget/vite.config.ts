import { defineConfig } from 'vite';

/**
 * Builds the chat frame into dist/: `frame.html` plus hashed assets, which the server serves at
 * `/widget/frame` and `/widget/assets/…`. The loader (`widget.js`) is built by vite.loader.config.ts.
 */
export default defineConfig({
  base: '/widget/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2020',
    modulePreload: { polyfill: false },
    rolldownOptions: { input: { frame: 'frame.html' } },
  },
});
