import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'main/**/*.test.ts',
            'shared/**/*.test.ts',
            'preload/**/*.test.ts',
            'test/integration/**/*.test.ts',
          ],
          environment: 'node',
          // Checks what the project declares in scripts/test-prerequisites.ts before it runs.
          globalSetup: ['scripts/test-prerequisites-setup.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts'],
          environment: 'node',
          globalSetup: ['scripts/test-prerequisites-setup.ts'],
          // One browser, one server at a time: 2 cores, and the suite restarts servers.
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
