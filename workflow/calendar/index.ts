export { NationSchema, type Nation } from './nation.js';
export {
  WorkingHoursSchema,
  DEFAULT_WORKING_HOURS,
  LONDON_ZONE,
  minutesOfDay,
  type WorkingHours,
} from './workingHours.js';
export {
  GovUkBankHolidaysSchema,
  parseGovUkBankHolidays,
  type GovUkBankHolidays,
} from './govUkBankHolidays.js';
export {
  bankHolidaysOfNation,
  libraryBankHolidays,
  publishedBankHolidaysByYear,
  isWeekendDate,
  type BankHolidaysOfYear,
} from './bankHolidays.js';
export {
  createWorkingCalendar,
  type WorkingCalendar,
  type WorkingCalendarOptions,
} from './workingCalendar.js';
export { deadlineInWords, londonIso } from './words.js';
