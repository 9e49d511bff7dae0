import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/** Component and logic tests in jsdom; the network is the only thing tests replace. */
export default defineConfig({
  plugins: [react()],
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // Dialog tests type a lot through jsdom; on a busy 2-core machine one can take tens of seconds.
    testTimeout: 60_000,
  },
});
