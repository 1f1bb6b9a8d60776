import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One Azurite for the whole run; each test file uses its own table prefix.
    globalSetup: ['test/support/globalSetup.ts'],
    // The fault and abuse suite's one summary line (test/faults/support/summaryReporter.ts).
    reporters: ['default', './test/faults/support/summaryReporter.ts'],
    testTimeout: 30_000,
    // expect.poll waits for something the product does in the background (a card update, a redraw);
    // its default of 1 s assumes an idle machine. It returns as soon as the condition holds.
    expect: { poll: { timeout: 15_000 } },
    hookTimeout: 60_000,
    // The end-to-end test starts the Playground on its fixed port: it must not run twice at once.
    fileParallelism: true,
  },
});
