import { readFile } from 'node:fs/promises';
import { parseGovUkBankHolidays, type GovUkBankHolidays } from '../workflow/calendar/govUkBankHolidays.js';

/**
 * Loading a partnership's published bank holidays is the shell's work: the calendar in workflow/
 * takes the parsed list and never reads a file or calls the network itself.
 */

/** Reads GOV.UK-format bank holidays from an http(s) URL or a file path. */
export async function loadGovUkBankHolidays(source: string): Promise<GovUkBankHolidays> {
  const text = await readSource(source);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`Bank holidays from ${source} are not valid JSON: ${messageOf(error)}`);
  }
  return parseGovUkBankHolidays(json, source);
}

async function readSource(source: string): Promise<string> {
  if (/^https?:\/\//i.test(source)) {
    let response: Response;
    try {
      response = await fetch(source, { headers: { accept: 'application/json' } });
    } catch (error) {
      throw new Error(`Could not fetch bank holidays from ${source}: ${messageOf(error)}`);
    }
    if (!response.ok) {
      throw new Error(`Could not fetch bank holidays from ${source}: HTTP ${response.status} ${response.statusText}`);
    }
    return response.text();
  }
  try {
    return await readFile(source, 'utf8');
  } catch (error) {
    throw new Error(`Could not read bank holidays from ${source}: ${messageOf(error)}`);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
