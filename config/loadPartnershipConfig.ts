import { readFile } from 'node:fs/promises';
import { PartnershipConfigSchema, withLegacySettings, type PartnershipConfig } from '../workflow/partnership.js';
import { ConfigurationError, describeIssues } from './configurationError.js';

/**
 * Reads and validates the partnership file; an invalid file stops start-up with every problem listed.
 * An older file's `finalDecisionMaker` is carried over as `withLegacySettings` says.
 */
export async function loadPartnershipConfig(path: string): Promise<PartnershipConfig> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new ConfigurationError(`The partnership configuration ${path} could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = PartnershipConfigSchema.safeParse(withLegacySettings(raw));
  if (!parsed.success) throw new ConfigurationError(`The partnership configuration ${path} is not valid:\n${describeIssues(parsed.error.issues)}`);
  return parsed.data;
}
