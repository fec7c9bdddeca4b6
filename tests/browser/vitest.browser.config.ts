import { defineConfig } from 'vitest/config';

/**
 * `npm run test:browser`: the real-browser tests (Debian's chromium through playwright-core).
 * Kept out of `npm test` (which includes tests/**\/*.test.ts only), so unit tests never need chromium.
 */
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    reporters: ['verbose'],
  },
});
