import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { z } from 'zod';
import {
  createWorkingCalendar,
  deadlineInWords,
  DEFAULT_WORKING_HOURS,
  LONDON_ZONE,
  londonIso,
  NationSchema,
  WorkingHoursSchema,
} from '../workflow/calendar/index.js';
import { loadGovUkBankHolidays } from '../config/loadBankHolidays.js';

const USAGE = `usage: npm run due -- --from <ISO instant> --working-days <n>
       npm run due -- --date <YYYY-MM-DD> --working-days-before <n>   (the latest instant: the close of the
                                                                       n-th working day before that date)
         [--nation england-and-wales|scotland|northern-ireland]  (default england-and-wales)
         [--holidays <file or URL in GOV.UK bank-holidays.json format>]
         [--hours HH:MM-HH:MM]                                    (default ${DEFAULT_WORKING_HOURS.start}-${DEFAULT_WORKING_HOURS.end})
A --from without an offset is read as London time, e.g. 2022-06-01T16:00.`;

/** Thrown for anything the user can fix by changing the command line; exits 2 with the usage. */
class BadInput extends Error {}

const ArgsSchema = z.object({
  from: z
    .string()
    .transform((text, ctx) => {
      const parsed = DateTime.fromISO(text, { zone: LONDON_ZONE });
      if (!parsed.isValid) {
        ctx.addIssue({ code: 'custom', message: `--from "${text}" is not an ISO 8601 date-time` });
        return z.NEVER;
      }
      return parsed.toJSDate();
    })
    .optional(),
  'working-days': z
    .string()
    .regex(/^\d+(\.\d+)?$/, '--working-days must be a number >= 0, e.g. 1, 5 or 0.5')
    .transform(Number)
    .optional(),
  /** Counting back: a report due "no later than seven working days before" a publication date. */
  date: z.iso.date({ error: '--date must be a calendar date YYYY-MM-DD' }).optional(),
  'working-days-before': z
    .string()
    .regex(/^[1-9]\d{0,3}$/, '--working-days-before must be a whole number >= 1, e.g. 7')
    .transform(Number)
    .optional(),
  nation: z
    .enum(NationSchema.options, { error: `--nation must be one of ${NationSchema.options.join(', ')}` })
    .default('england-and-wales'),
  holidays: z.string().min(1, '--holidays needs a file path or URL').optional(),
  hours: z
    .string()
    .regex(/^[^-]+-[^-]+$/, '--hours must look like 09:00-17:00')
    .transform((text) => {
      const [start, end] = text.split('-');
      return { start, end };
    })
    .pipe(WorkingHoursSchema)
    .default(DEFAULT_WORKING_HOURS),
}).superRefine((args, ctx) => {
  const forward = args.from !== undefined || args['working-days'] !== undefined;
  const back = args.date !== undefined || args['working-days-before'] !== undefined;
  if (forward && back) ctx.addIssue({ code: 'custom', message: 'give either --from with --working-days, or --date with --working-days-before, not both' });
  else if (back) {
    if (args.date === undefined) ctx.addIssue({ code: 'custom', message: '--date is required with --working-days-before' });
    if (args['working-days-before'] === undefined) ctx.addIssue({ code: 'custom', message: '--working-days-before is required with --date' });
  } else {
    if (args.from === undefined) ctx.addIssue({ code: 'custom', message: '--from is required' });
    if (args['working-days'] === undefined) ctx.addIssue({ code: 'custom', message: '--working-days is required' });
  }
});

function readArgs(argv: string[]): z.infer<typeof ArgsSchema> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        from: { type: 'string' },
        'working-days': { type: 'string' },
        date: { type: 'string' },
        'working-days-before': { type: 'string' },
        nation: { type: 'string' },
        holidays: { type: 'string' },
        hours: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new BadInput(error instanceof Error ? error.message : String(error));
  }
  const result = ArgsSchema.safeParse(values);
  if (!result.success) throw new BadInput(z.prettifyError(result.error));
  return result.data;
}

async function main(argv: string[]): Promise<void> {
  const args = readArgs(argv);
  let published;
  if (args.holidays !== undefined) {
    try {
      published = await loadGovUkBankHolidays(args.holidays);
    } catch (error) {
      throw new BadInput(error instanceof Error ? error.message : String(error));
    }
  }
  const calendar = createWorkingCalendar({ nation: args.nation, workingHours: args.hours, published });
  const due =
    args.date !== undefined && args['working-days-before'] !== undefined
      ? calendar.closeOfWorkingDaysBefore(args.date, args['working-days-before'])
      : calendar.addWorkingDays(args.from!, args['working-days']!);
  // No `now`: the year is always spelt out, so the output does not depend on when it is run.
  process.stdout.write(`due: ${londonIso(due)}\nin words: ${deadlineInWords(due)}\n`);
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof BadInput)) throw error;
  process.stderr.write(`bad input:\n${error.message}\n\n${USAGE}\n`);
  process.exitCode = 2;
}
