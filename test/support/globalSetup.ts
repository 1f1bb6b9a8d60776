import type { TestProject } from 'vitest/node';
import { startAzurite, type RunningAzurite } from '../../local/azurite.js';
import { buildTab } from '../../scripts/buildTab.js';

/** Starts one real Azurite (Table service) for the whole test run. */
let azurite: RunningAzurite | undefined;

export async function setup(project: TestProject): Promise<void> {
  // The tab's bundle is served by the handlers under test, so it is built from this checkout first.
  await Promise.all([buildTab(), startAzurite({}).then((a) => (azurite = a))]);
  project.provide('azuriteConnectionString', azurite!.connectionString);
  project.provide('azuritePort', azurite!.port);
}

export async function teardown(): Promise<void> {
  await azurite?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    azuriteConnectionString: string;
    azuritePort: number;
  }
}
