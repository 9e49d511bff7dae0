import { defineConfig } from 'vite';

/**
 * Builds the loader customers paste into their pages: one self-contained classic script,
 * `dist/widget.js` (stable name, no hash), wrapped so it defines no global besides `Servus`.
 */
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: false,
    target: 'es2018',
    lib: {
      entry: 'src/loader/loader.ts',
      formats: ['iife'],
      name: 'ServusLoader',
      fileName: () => 'widget.js',
    },
  },
});
