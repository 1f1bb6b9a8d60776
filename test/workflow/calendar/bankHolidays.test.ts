import { describe, expect, it } from 'vitest';
import { isWeekendDate, libraryBankHolidays } from '../../../workflow/calendar/bankHolidays.js';
import { createWorkingCalendar } from '../../../workflow/calendar/workingCalendar.js';
import { DEFAULT_WORKING_HOURS } from '../../../workflow/calendar/workingHours.js';
import { NationSchema, type Nation } from '../../../workflow/calendar/nation.js';

const calendarFor = (nation: Nation) => createWorkingCalendar({ nation, workingHours: DEFAULT_WORKING_HOURS });

// What date-holidays gives us, checked against GOV.UK's published lists.
const rows: { sentence: string; nation: Nation; date: string; bankHoliday: boolean }[] = [
  { sentence: 'the Spring bank holiday moved to Thursday 2 June 2022 for the Platinum Jubilee', nation: 'england-and-wales', date: '2022-06-02', bankHoliday: true },
  { sentence: 'Friday 3 June 2022 was the Platinum Jubilee bank holiday', nation: 'england-and-wales', date: '2022-06-03', bankHoliday: true },
  { sentence: 'the last Monday of May 2022 was not a bank holiday, the Spring one having moved', nation: 'england-and-wales', date: '2022-05-30', bankHoliday: false },
  { sentence: 'Monday 19 September 2022 was the state funeral of Queen Elizabeth II', nation: 'england-and-wales', date: '2022-09-19', bankHoliday: true },
  { sentence: 'Monday 8 May 2023 was the coronation of King Charles III', nation: 'england-and-wales', date: '2023-05-08', bankHoliday: true },
  { sentence: 'the jubilee days were bank holidays in Scotland too', nation: 'scotland', date: '2022-06-03', bankHoliday: true },
  { sentence: 'the state funeral was a bank holiday in Northern Ireland too', nation: 'northern-ireland', date: '2022-09-19', bankHoliday: true },
  { sentence: 'the coronation was a bank holiday in Scotland too', nation: 'scotland', date: '2023-05-08', bankHoliday: true },
  { sentence: 'Boxing Day 2022 fell on Monday 26 December', nation: 'england-and-wales', date: '2022-12-26', bankHoliday: true },
  { sentence: 'Christmas Day 2022 (a Sunday) was substituted by Tuesday 27 December', nation: 'england-and-wales', date: '2022-12-27', bankHoliday: true },
  { sentence: 'Sunday 25 December 2022 is a weekend day, not counted as a bank holiday', nation: 'england-and-wales', date: '2022-12-25', bankHoliday: false },
  { sentence: 'Christmas Day 2021 (a Saturday) was substituted by Monday 27 December', nation: 'england-and-wales', date: '2021-12-27', bankHoliday: true },
  { sentence: 'Boxing Day 2021 (a Sunday) was substituted by Tuesday 28 December', nation: 'england-and-wales', date: '2021-12-28', bankHoliday: true },
  { sentence: 'Wednesday 29 December 2021 was a working day', nation: 'england-and-wales', date: '2021-12-29', bankHoliday: false },
  { sentence: 'New Year 2022 (a Saturday) was substituted by Monday 3 January', nation: 'england-and-wales', date: '2022-01-03', bankHoliday: true },
  { sentence: 'Tuesday 4 January 2022 was a working day in England', nation: 'england-and-wales', date: '2022-01-04', bankHoliday: false },
  { sentence: 'in Scotland, 2 January 2022 (a Sunday) was substituted by Monday 3 January', nation: 'scotland', date: '2022-01-03', bankHoliday: true },
  { sentence: 'in Scotland, New Year 2022 was substituted by Tuesday 4 January', nation: 'scotland', date: '2022-01-04', bankHoliday: true },
  { sentence: 'New Year 2023 (a Sunday) was substituted by Monday 2 January', nation: 'england-and-wales', date: '2023-01-02', bankHoliday: true },
  { sentence: 'in Scotland, New Year 2023 was substituted by Tuesday 3 January', nation: 'scotland', date: '2023-01-03', bankHoliday: true },
  { sentence: 'Boxing Day 2026 (a Saturday) is substituted by Monday 28 December', nation: 'england-and-wales', date: '2026-12-28', bankHoliday: true },
  { sentence: 'Christmas Day 2027 (a Saturday) is substituted by Monday 27 December', nation: 'england-and-wales', date: '2027-12-27', bankHoliday: true },
  { sentence: 'Boxing Day 2027 (a Sunday) is substituted by Tuesday 28 December', nation: 'england-and-wales', date: '2027-12-28', bankHoliday: true },
  { sentence: 'Friday 2 January 2026 is a bank holiday in Scotland', nation: 'scotland', date: '2026-01-02', bankHoliday: true },
  { sentence: 'Friday 2 January 2026 is not a bank holiday in England and Wales', nation: 'england-and-wales', date: '2026-01-02', bankHoliday: false },
  { sentence: 'Friday 2 January 2026 is not a bank holiday in Northern Ireland', nation: 'northern-ireland', date: '2026-01-02', bankHoliday: false },
  { sentence: 'the Summer bank holiday in England is the last Monday of August (31 August 2026)', nation: 'england-and-wales', date: '2026-08-31', bankHoliday: true },
  { sentence: 'the first Monday of August 2026 is not a bank holiday in England', nation: 'england-and-wales', date: '2026-08-03', bankHoliday: false },
  { sentence: 'the Summer bank holiday in Scotland is the first Monday of August (3 August 2026)', nation: 'scotland', date: '2026-08-03', bankHoliday: true },
  { sentence: 'the last Monday of August 2026 is not a bank holiday in Scotland', nation: 'scotland', date: '2026-08-31', bankHoliday: false },
  { sentence: 'the Summer bank holiday in Northern Ireland is the last Monday of August', nation: 'northern-ireland', date: '2026-08-31', bankHoliday: true },
  { sentence: 'Easter Monday is not a bank holiday in Scotland', nation: 'scotland', date: '2026-04-06', bankHoliday: false },
  { sentence: 'Easter Monday is a bank holiday in England and Wales', nation: 'england-and-wales', date: '2026-04-06', bankHoliday: true },
  { sentence: "St Andrew's Day 2026 is a bank holiday in Scotland", nation: 'scotland', date: '2026-11-30', bankHoliday: true },
  { sentence: "St Patrick's Day 2026 is a bank holiday in Northern Ireland", nation: 'northern-ireland', date: '2026-03-17', bankHoliday: true },
  { sentence: "St Patrick's Day is not a bank holiday in England", nation: 'england-and-wales', date: '2026-03-17', bankHoliday: false },
  { sentence: 'the Battle of the Boyne 2026 (a Sunday) is substituted by Monday 13 July in Northern Ireland', nation: 'northern-ireland', date: '2026-07-13', bankHoliday: true },
  { sentence: "Mother's Day (an observance, not a bank holiday) is ignored", nation: 'england-and-wales', date: '2026-03-15', bankHoliday: false },
];

describe('bank holidays from date-holidays', () => {
  it.each(rows)('$sentence', ({ nation, date, bankHoliday }) => {
    const calendar = calendarFor(nation);
    expect(calendar.isBankHoliday(date)).toBe(bankHoliday);
    if (bankHoliday) expect(calendar.isWorkingDay(date)).toBe(false);
  });

  it('never lists a weekend date as a bank holiday, for any nation from 2000 to 2040', () => {
    for (const nation of NationSchema.options) {
      for (let year = 2000; year <= 2040; year++) {
        expect(libraryBankHolidays(nation, year).filter(isWeekendDate)).toEqual([]);
      }
    }
  });

  it('gives England and Wales eight bank holidays in 2026, the Summer one included', () => {
    expect(libraryBankHolidays('england-and-wales', 2026)).toEqual([
      '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28',
    ]);
  });

  it('rejects a date that is not YYYY-MM-DD or does not exist', () => {
    const calendar = calendarFor('england-and-wales');
    expect(() => calendar.isBankHoliday('2026-02-30')).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('8 June 2026')).toThrow(/YYYY-MM-DD/);
  });
});
