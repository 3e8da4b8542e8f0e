import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Hardware rigs (emulated Uno, browsers) are heavy on a 2-core machine.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
