import type { TestProject } from 'vitest/node';
import { startAzurite, type RunningAzurite } from '../../local/azurite.js';

/** Starts one real Azurite (Table service) for the whole test run. */
let azurite: RunningAzurite | undefined;

export async function setup(project: TestProject): Promise<void> {
  azurite = await startAzurite({});
  project.provide('azuriteConnectionString', azurite.connectionString);
  project.provide('azuritePort', azurite.port);
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
