import { defineConfig } from 'vitest/config';

/** Unit tests of the widget's logic (message store, socket, bridge, loader) in jsdom. */
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    testTimeout: 15_000,
  },
});
