import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { NationSchema } from './nation.js';

/**
 * GOV.UK's https://www.gov.uk/bank-holidays.json. `notes` and `bunting` are optional so that a
 * partnership can hand-write a file for a day proclaimed at short notice.
 */
const GovUkEventSchema = z.object({
  title: z.string().min(1),
  date: z.iso.date({ error: 'must be a calendar date YYYY-MM-DD' }),
  notes: z.string().optional(),
  bunting: z.boolean().optional(),
});

const GovUkDivisionSchema = z.object({
  division: z.string(),
  events: z.array(GovUkEventSchema),
});

export const GovUkBankHolidaysSchema = z
  .object({
    'england-and-wales': GovUkDivisionSchema.optional(),
    scotland: GovUkDivisionSchema.optional(),
    'northern-ireland': GovUkDivisionSchema.optional(),
  })
  .superRefine((data, ctx) => {
    const present = NationSchema.options.filter((nation) => data[nation] !== undefined);
    // Unknown keys are stripped, so without this any JSON object (say, an error page's body) would pass as "no data".
    if (present.length === 0) {
      ctx.addIssue({
        code: 'custom',
        message: `expected at least one of the divisions ${NationSchema.options.join(', ')}`,
      });
    }
    // A division filed under the wrong key would silently give one nation another's holidays.
    for (const nation of present) {
      const division = data[nation]?.division;
      if (division !== nation) {
        ctx.addIssue({
          code: 'custom',
          path: [nation, 'division'],
          message: `division "${division}" is filed under "${nation}"`,
        });
      }
    }
  });
export type GovUkBankHolidays = z.infer<typeof GovUkBankHolidaysSchema>;

/** Validates already-parsed JSON; `source` only names the data in the error. */
export function parseGovUkBankHolidays(value: unknown, source: string): GovUkBankHolidays {
  const result = GovUkBankHolidaysSchema.safeParse(value);
  if (!result.success) {
    throw new Error(
      `Bank holidays from ${source} are not in GOV.UK's bank-holidays.json format:\n${z.prettifyError(result.error)}`,
    );
  }
  return result.data;
}

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
