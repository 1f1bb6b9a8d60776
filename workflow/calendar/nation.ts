import { z } from 'zod';

/** The three UK bank-holiday jurisdictions, spelt as GOV.UK's bank-holidays.json names its divisions. */
export const NationSchema = z.enum(['england-and-wales', 'scotland', 'northern-ireland']);
export type Nation = z.infer<typeof NationSchema>;
