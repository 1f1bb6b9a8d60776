import { readFile } from 'node:fs/promises';
import { ConfigurationError, describeIssues } from './configurationError.js';
import { parsePartnershipFile, type PartnershipFile } from './partnershipFile.js';

/**
 * Reads and validates the partnership file (roster and shell settings); an invalid file stops
 * start-up with every problem listed.
 */
export async function loadPartnershipConfig(path: string): Promise<PartnershipFile> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new ConfigurationError(`The partnership configuration ${path} could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = parsePartnershipFile(raw);
  if (!parsed.success) throw new ConfigurationError(`The partnership configuration ${path} is not valid:\n${describeIssues(parsed.error.issues)}`);
  return parsed.data;
}
