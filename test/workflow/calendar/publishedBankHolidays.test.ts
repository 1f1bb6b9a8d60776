import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GovUkBankHolidays } from '../../../workflow/calendar/govUkBankHolidays.js';
import { loadGovUkBankHolidays } from '../../../config/loadBankHolidays.js';
import { createWorkingCalendar, type WorkingCalendar } from '../../../workflow/calendar/workingCalendar.js';
import { DEFAULT_WORKING_HOURS } from '../../../workflow/calendar/workingHours.js';
import type { Nation } from '../../../workflow/calendar/nation.js';
import { londonIso } from '../../../workflow/calendar/words.js';

const FIXTURE = fileURLToPath(new URL('../../fixtures/bank-holidays.json', import.meta.url));

describe('published GOV.UK data (the sample file adds a fictional 2026-07-13 in England and Wales)', () => {
  let published: GovUkBankHolidays;
  const calendar = (nation: Nation): WorkingCalendar =>
    createWorkingCalendar({ nation, workingHours: DEFAULT_WORKING_HOURS, published });
  beforeAll(async () => {
    published = await loadGovUkBankHolidays(FIXTURE);
  });

  const rows: { sentence: string; nation: Nation; date: string; bankHoliday: boolean }[] = [
    { sentence: 'the one-off day the data adds is a bank holiday', nation: 'england-and-wales', date: '2026-07-13', bankHoliday: true },
    { sentence: 'New Year\'s Day, listed in the same year, still is', nation: 'england-and-wales', date: '2026-01-01', bankHoliday: true },
    { sentence: 'the Early May bank holiday, listed in the same year, still is', nation: 'england-and-wales', date: '2026-05-04', bankHoliday: true },
    { sentence: 'the Summer bank holiday, listed in the same year, still is', nation: 'england-and-wales', date: '2026-08-31', bankHoliday: true },
    { sentence: 'the Boxing Day substitute, listed in the same year, still is', nation: 'england-and-wales', date: '2026-12-28', bankHoliday: true },
    { sentence: 'a year the data does not cover (2025) comes from the library', nation: 'england-and-wales', date: '2025-08-25', bankHoliday: true },
    { sentence: 'a later year the data does not cover (2027) comes from the library', nation: 'england-and-wales', date: '2027-12-28', bankHoliday: true },
    { sentence: 'the one-off day belongs to England and Wales only, not Scotland', nation: 'scotland', date: '2026-07-13', bankHoliday: false },
    { sentence: 'Scotland\'s 2 January, from its own division, is a bank holiday', nation: 'scotland', date: '2026-01-02', bankHoliday: true },
    { sentence: 'Northern Ireland\'s Boyne substitute, from its own division, is a bank holiday', nation: 'northern-ireland', date: '2026-07-13', bankHoliday: true },
  ];
  it.each(rows)('$sentence', ({ nation, date, bankHoliday }) => {
    expect(calendar(nation).isBankHoliday(date)).toBe(bankHoliday);
  });

  it('makes Friday 16:00 before the one-off Monday + 1 WD fall on Tuesday 16:00', () => {
    const due = calendar('england-and-wales').addWorkingDays(new Date('2026-07-10T16:00:00+01:00'), 1);
    expect(londonIso(due)).toBe('2026-07-14T16:00:00+01:00');
  });

  it('without the data, the same Monday is a working day', () => {
    const plain = createWorkingCalendar({ nation: 'england-and-wales', workingHours: DEFAULT_WORKING_HOURS });
    expect(plain.isWorkingDay('2026-07-13')).toBe(true);
  });
});

describe('published data replaces the library for the years it covers', () => {
  const published: GovUkBankHolidays = {
    'england-and-wales': {
      division: 'england-and-wales',
      // 2026 without the Summer bank holiday: as if it had been cancelled.
      events: [
        { title: "New Year's Day", date: '2026-01-01' },
        { title: 'Christmas Day', date: '2026-12-25' },
      ],
    },
  };
  const england = createWorkingCalendar({ nation: 'england-and-wales', workingHours: DEFAULT_WORKING_HOURS, published });
  const scotland = createWorkingCalendar({ nation: 'scotland', workingHours: DEFAULT_WORKING_HOURS, published });

  it('drops a library day the data leaves out of a year it covers', () => {
    expect(england.isBankHoliday('2026-08-31')).toBe(false);
    expect(england.isWorkingDay('2026-08-31')).toBe(true);
  });

  it('keeps the days the data lists', () => {
    expect(england.isBankHoliday('2026-12-25')).toBe(true);
  });

  it('leaves other years to the library', () => {
    expect(england.isBankHoliday('2027-08-30')).toBe(true);
  });

  it('leaves nations without a division in the data to the library', () => {
    expect(scotland.isBankHoliday('2026-08-03')).toBe(true);
  });
});
