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
