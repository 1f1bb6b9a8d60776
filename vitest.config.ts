import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One Azurite per project; each test file uses its own table prefix.
    globalSetup: ['test/support/globalSetup.ts'],
    // The fault and abuse suite's one summary line (test/faults/support/summaryReporter.ts).
    reporters: ['default', './test/faults/support/summaryReporter.ts'],
    testTimeout: 30_000,
    // expect.poll waits for something the product does in the background (a card update, a redraw);
    // its default of 1 s assumes an idle machine. It returns as soon as the condition holds.
    expect: { poll: { timeout: 15_000 } },
    hookTimeout: 60_000,
    // Vitest's default is one worker fewer than the cores: on CI's two cores that is one, and the
    // suite ran file after file (over 10 minutes). Two workers use both cores.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'suite', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**', 'node_modules/**'] } },
      // The Agents Playground journeys, one file at a time (each starts a Playground and a host),
      // beside the rest of the suite.
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], fileParallelism: false } },
    ],
  },
});
