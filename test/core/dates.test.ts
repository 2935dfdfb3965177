import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { DatePrecision, FuzzyDate } from '../../src/core/model.js';
import {
  compareFuzzyDates,
  daysBetween,
  daysInMonth,
  definitelyBefore,
  describeFuzzyDate,
  formatIsoDate,
  isPast,
  isValidCalendarDate,
  matchLeadingDate,
  overlaps,
  parseFrontMatterDate,
  parseFuzzyDate,
  parseZonedDate,
} from '../../src/core/dates/index.js';

type Row = [text: string, precision: DatePrecision, start: string, end: string];

/** Parses `text`, failing the test (with the text in the message) if it is not a date. */
function parse(text: string, referenceYear?: number): FuzzyDate {
  const date = parseFuzzyDate(text, referenceYear === undefined ? undefined : { referenceYear });
  assert.ok(date, `expected ${JSON.stringify(text)} to parse`);
  return date;
}

function expectRows(rows: Row[], referenceYear?: number): void {
  for (const [text, precision, start, end] of rows) {
    it(`${text} → ${precision} ${start}…${end}`, () => {
      assert.deepEqual(parse(text, referenceYear), { text, precision, start, end });
    });
  }
}

describe('parseFuzzyDate', () => {
  describe('ISO dates', () => {
    expectRows([
      ['2021-11-02', 'day', '2021-11-02', '2021-11-02'],
      ['2025-11-06T18:30:00Z', 'day', '2025-11-06', '2025-11-06'],
      ['2025-11-06T18:30+01:00', 'day', '2025-11-06', '2025-11-06'],
      ['2021-11', 'month', '2021-11-01', '2021-11-30'],
      ['2022-02', 'month', '2022-02-01', '2022-02-28'],
      ['2021', 'year', '2021-01-01', '2021-12-31'],
      ['2021/6/17', 'day', '2021-06-17', '2021-06-17'],
      // The ISO shape makes any four-digit year a year.
      ['1066-10-14', 'day', '1066-10-14', '1066-10-14'],
    ]);
  });

  describe('written days', () => {
    expectRows([
      ['2 November 2021', 'day', '2021-11-02', '2021-11-02'],
      ['02 November 2021', 'day', '2021-11-02', '2021-11-02'],
      ['2nd November 2021', 'day', '2021-11-02', '2021-11-02'],
      ['2nd of November, 2021', 'day', '2021-11-02', '2021-11-02'],
      ['Monday 13th January 2025', 'day', '2025-01-13', '2025-01-13'],
      ['Tuesday, 2 November 2021', 'day', '2021-11-02', '2021-11-02'],
      ['Tue 2 Nov 2021', 'day', '2021-11-02', '2021-11-02'],
      ['November 2, 2021', 'day', '2021-11-02', '2021-11-02'],
      ['Nov 2, 2021', 'day', '2021-11-02', '2021-11-02'],
      ['Nov. 2, 2021', 'day', '2021-11-02', '2021-11-02'],
      ['Oct 1st, 2025', 'day', '2025-10-01', '2025-10-01'],
      ['September 19, 2017', 'day', '2017-09-19', '2017-09-19'],
      ['Thursday 28 March 2019', 'day', '2019-03-28', '2019-03-28'],
    ]);
  });

  describe('months, quarters, half-years', () => {
    expectRows([
      ['November 2021', 'month', '2021-11-01', '2021-11-30'],
      ['Nov 2021', 'month', '2021-11-01', '2021-11-30'],
      ['Sept 2021', 'month', '2021-09-01', '2021-09-30'],
      ['February 2024', 'month', '2024-02-01', '2024-02-29'],
      ['Q1 2022', 'quarter', '2022-01-01', '2022-03-31'],
      ['Q4 2022', 'quarter', '2022-10-01', '2022-12-31'],
      ['2022 Q1', 'quarter', '2022-01-01', '2022-03-31'],
      ['2025 Q3', 'quarter', '2025-07-01', '2025-09-30'],
      ['H1 2024', 'half-year', '2024-01-01', '2024-06-30'],
      ['2024H2', 'half-year', '2024-07-01', '2024-12-31'],
      ['2025h1', 'half-year', '2025-01-01', '2025-06-30'],
    ]);

    it('keeps to calendar quarters: a financial-year quarter is not read', () => {
      assert.equal(parseFuzzyDate('Q1 2022/23'), undefined);
    });

    it('reports a quarter or half a year does not have as no date, never passing over it', () => {
      assert.equal(parseFuzzyDate('Q5 2022')?.invalid, 'Q5 2022 is not a date: there is no quarter 5 (a year has four, Q1–Q4)');
      assert.equal(parseFuzzyDate('2022 Q0')?.invalid, '2022 Q0 is not a date: there is no quarter 0 (a year has four, Q1–Q4)');
      assert.equal(parseFuzzyDate('H3 2022')?.invalid, 'H3 2022 is not a date: there is no half 3 (a year has two, H1 and H2)');
      assert.equal(parseFuzzyDate('Q5 2022')?.start, undefined);
      // Without a year it is no date at all (`H5N1`).
      assert.equal(parseFuzzyDate('H5N1'), undefined);
    });
  });

  describe('seasons (northern hemisphere)', () => {
    expectRows([
      ['Spring 2022', 'season', '2022-03-01', '2022-05-31'],
      ['Summer 2022', 'season', '2022-06-01', '2022-08-31'],
      ['Autumn 2022', 'season', '2022-09-01', '2022-11-30'],
      ['Fall 2022', 'season', '2022-09-01', '2022-11-30'],
      ['Winter 2022', 'season', '2022-12-01', '2023-02-28'],
      ['Winter 2023', 'season', '2023-12-01', '2024-02-29'],
      ['Winter 2023/24', 'season', '2023-12-01', '2024-02-29'],
    ]);

    it('needs a year', () => {
      assert.equal(parseFuzzyDate('Summer'), undefined);
    });
  });

  describe('UK financial years', () => {
    expectRows([
      ['2021/22', 'financial-year', '2021-04-01', '2022-03-31'],
      ['2021-22', 'financial-year', '2021-04-01', '2022-03-31'],
      ['2021–22', 'financial-year', '2021-04-01', '2022-03-31'],
      ['FY2021/22', 'financial-year', '2021-04-01', '2022-03-31'],
      ['FY 2021-22', 'financial-year', '2021-04-01', '2022-03-31'],
      ['2021/2022', 'financial-year', '2021-04-01', '2022-03-31'],
      ['1999/00', 'financial-year', '1999-04-01', '2000-03-31'],
      ['2011/12', 'financial-year', '2011-04-01', '2012-03-31'],
      ['FY2011-12', 'financial-year', '2011-04-01', '2012-03-31'],
    ]);

    it('reads YYYY-NN as a month when NN is a month, so 2011-12 is December 2011', () => {
      assert.deepEqual(parse('2011-12'), {
        text: '2011-12',
        precision: 'month',
        start: '2011-12-01',
        end: '2011-12-31',
      });
    });

    it('rejects pairs whose second year does not follow the first', () => {
      assert.equal(parseFuzzyDate('2021/23'), undefined);
      assert.equal(parseFuzzyDate('2021/2023'), undefined);
      assert.equal(parseFuzzyDate('FY2021'), undefined);
    });
  });

  describe('ranges', () => {
    expectRows([
      ['March/April 2021', 'range', '2021-03-01', '2021-04-30'],
      ['March-April 2021', 'range', '2021-03-01', '2021-04-30'],
      ['March to April 2021', 'range', '2021-03-01', '2021-04-30'],
      ['March – April 2021', 'range', '2021-03-01', '2021-04-30'],
      ['March — April 2021', 'range', '2021-03-01', '2021-04-30'],
      ['1-4 April 2025', 'range', '2025-04-01', '2025-04-04'],
      ['1st - 4th April 2025', 'range', '2025-04-01', '2025-04-04'],
      ['Tuesday 1st - Friday 4th April 2025', 'range', '2025-04-01', '2025-04-04'],
      ['May 16-20 2022', 'range', '2022-05-16', '2022-05-20'],
      ['May 16-20, 2022', 'range', '2022-05-16', '2022-05-20'],
      ['2017-07-18 to 2017-07-20', 'range', '2017-07-18', '2017-07-20'],
      ['30 March – 2 April 2021', 'range', '2021-03-30', '2021-04-02'],
      ['30 March - 2 April 2021', 'range', '2021-03-30', '2021-04-02'],
      ['30 March to 2 April 2021', 'range', '2021-03-30', '2021-04-02'],
      ['December 2021 – January 2022', 'range', '2021-12-01', '2022-01-31'],
      ['Q1 2022 - Q2 2022', 'range', '2022-01-01', '2022-06-30'],
      ['Q1-Q2 2022', 'range', '2022-01-01', '2022-06-30'],
      ['2026-2027', 'range', '2026-01-01', '2027-12-31'],
      ['late November – early December 2021', 'range', '2021-11-21', '2021-12-10'],
    ]);
  });

  describe('ranges across the new year', () => {
    expectRows([
      ['30 December – 2 January 2022', 'range', '2021-12-30', '2022-01-02'],
      ['31 December 2021 – 1 January 2022', 'range', '2021-12-31', '2022-01-01'],
      ['December/January 2022', 'range', '2021-12-01', '2022-01-31'],
      ['Monday 30 December – Friday 3 January 2025', 'range', '2024-12-30', '2025-01-03'],
      ['Q4-Q1 2023', 'range', '2022-10-01', '2023-03-31'],
      ['Oct–Mar 2022', 'range', '2021-10-01', '2022-03-31'],
    ]);
    it('reports a day of year 0 (or before 1000) as no date, never passing over it', () => {
      assert.equal(parseFuzzyDate('0000-01-01')?.invalid, '0000-01-01 is not a date: there is no year 0');
      assert.match(parseFuzzyDate('0999-12-31')!.invalid!, /the year 999 is before/);
      assert.equal(parseFuzzyDate('1066-10-14')?.start, '1066-10-14');
    });

    it('reports a year no record has, written after a day or month, as no date instead of taking the context year', () => {
      assert.equal(parseFuzzyDate('1 Jan -5000')?.invalid, '1 Jan -5000 is not a date: the year -5000 is before any record govmark reads (years from 1000)');
      assert.equal(parseFuzzyDate('March 99999')?.invalid, 'March 99999 is not a date: the year 99999 is after any record govmark reads (years to 9999)');
      // In a timeline with a year of its own, `1 Jan` is not read as 1 January of that year with `-5000` left over.
      const m = matchLeadingDate('1 Jan -5000 — Founding', { referenceYear: 2022 });
      assert.equal(m?.date.text, '1 Jan -5000');
      assert.ok(m?.date.invalid);
      // A dash set apart from its number still makes a range, and a two-digit day after a dash is a day.
      assert.equal(parseFuzzyDate('1 Jan - 5 Feb 2022')?.end, '2022-02-05');
      assert.equal(parseFuzzyDate('May 16 -20 2022')?.end, '2022-05-20');
    });

    it('reads a range that would span most of a year backwards as an error, not as the year before', () => {
      for (const text of ['March/February 2021', 'August/February 2022']) {
        const d = parseFuzzyDate(text);
        assert.ok(d?.invalid, `${text} is reported`);
        assert.match(d!.invalid!, /before it starts/);
        assert.equal(d!.start, undefined);
      }
    });
  });

  describe('parts of months and years', () => {
    expectRows([
      ['early September 2021', 'part-of-month', '2021-09-01', '2021-09-10'],
      ['mid September 2021', 'part-of-month', '2021-09-11', '2021-09-20'],
      ['mid-September 2021', 'part-of-month', '2021-09-11', '2021-09-20'],
      ['late September 2021', 'part-of-month', '2021-09-21', '2021-09-30'],
      ['late February 2024', 'part-of-month', '2024-02-21', '2024-02-29'],
      ['late February 2023', 'part-of-month', '2023-02-21', '2023-02-28'],
      ['early 2022', 'range', '2022-01-01', '2022-04-30'],
      ['mid 2022', 'range', '2022-05-01', '2022-08-31'],
      ['late 2022', 'range', '2022-09-01', '2022-12-31'],
      ['latter half of 2025', 'half-year', '2025-07-01', '2025-12-31'],
      ['first half of 2024', 'half-year', '2024-01-01', '2024-06-30'],
      ['2nd half 2023', 'half-year', '2023-07-01', '2023-12-31'],
    ]);

    it('needs the year for a half', () => {
      assert.equal(parseFuzzyDate('latter half of the year'), undefined);
      assert.equal(parseFuzzyDate('first half', { referenceYear: 2024 }), undefined);
    });
  });

  describe('an ordinal suffix set apart from its day', () => {
    expectRows([['14 th January 2021', 'day', '2021-01-14', '2021-01-14']]);
    expectRows([['11 th February', 'day', '2021-02-11', '2021-02-11']], 2021);
    it('only before a month', () => {
      assert.equal(parseFuzzyDate('14 th'), undefined);
    });
  });

  describe('placeholders', () => {
    for (const text of ['Tbc', 'TBC', 'TBD', 'tba', 'To be confirmed', 'to be decided', 'To Be Determined']) {
      it(`${text} is a date not yet known`, () => {
        assert.deepEqual(parse(text), { text, precision: 'unknown' });
      });
    }
  });

  describe('dates without a year', () => {
    it('are not dates when no reference year is given', () => {
      assert.equal(parseFuzzyDate('November 2'), undefined);
      assert.equal(parseFuzzyDate('Tuesday, July 9'), undefined);
      assert.equal(parseFuzzyDate('1-4 April'), undefined);
    });

    expectRows(
      [
        ['November 2', 'day', '2024-11-02', '2024-11-02'],
        ['Tuesday, July 9', 'day', '2024-07-09', '2024-07-09'],
        ['2 November', 'day', '2024-11-02', '2024-11-02'],
        ['October 23 - October 24', 'range', '2024-10-23', '2024-10-24'],
        ['May 16-20', 'range', '2024-05-16', '2024-05-20'],
        // The first half is the one pushed back a year: December before January.
        ['Monday, December 2 - Friday, January 31', 'range', '2023-12-02', '2024-01-31'],
      ],
      2024,
    );

    it('do not blame the author when the assumed year makes the weekday wrong', () => {
      // 9 July 2025 is a Wednesday; the year 2025 was our guess, not the author's.
      assert.equal(parse('Tuesday, July 9', 2025).invalid, undefined);
    });

    it('let a weekday choose the year around the reference year when asked', () => {
      // The "2025" election opens on Monday, December 2: that is 2024 (2 December 2025 is a Tuesday).
      const at = (text: string) => parseFuzzyDate(text, { referenceYear: 2025, yearFromWeekday: true })?.start;
      assert.equal(at('Monday, December 2'), '2024-12-02');
      assert.equal(at('Friday, January 31'), '2025-01-31');
      // No year near the reference fits: the reference year stands.
      assert.equal(at('Monday, January 31'), '2025-01-31');
      // Without the option the weekday is not consulted.
      assert.equal(parseFuzzyDate('Monday, December 2', { referenceYear: 2025 })?.start, '2025-12-02');
    });

    it('move past the new year when they would fall before `notBefore`', () => {
      assert.equal(parseFuzzyDate('January 31', { referenceYear: 2024, notBefore: '2024-12-02' })?.start, '2025-01-31');
      assert.equal(parseFuzzyDate('December 9', { referenceYear: 2024, notBefore: '2024-12-02' })?.start, '2024-12-09');
      // Never more than a year on, and never back.
      assert.equal(parseFuzzyDate('January 31', { referenceYear: 2024, notBefore: '2027-01-01' })?.start, '2024-01-31');
    });

    it('only lends the reference year to days', () => {
      assert.equal(parseFuzzyDate('March – April', { referenceYear: 2024 }), undefined);
      assert.equal(parseFuzzyDate('Q1', { referenceYear: 2024 }), undefined);
      assert.equal(parseFuzzyDate('Spring', { referenceYear: 2024 }), undefined);
    });

    it('lets the second half borrow the year of a first half of the same kind', () => {
      assert.deepEqual(parse('Monday 13th January 2025 - Friday 17th January'), {
        text: 'Monday 13th January 2025 - Friday 17th January',
        precision: 'range',
        start: '2025-01-13',
        end: '2025-01-17',
      });
    });

    it('ignores a reference year that is not a four-digit integer', () => {
      assert.equal(parseFuzzyDate('November 2', { referenceYear: 21 }), undefined);
      assert.equal(parseFuzzyDate('November 2', { referenceYear: 2021.5 }), undefined);
    });

    it('never apply the reference year to text that has its own', () => {
      assert.equal(parse('2 November 2021', 2024).start, '2021-11-02');
    });
  });

  describe('impossible dates', () => {
    const rows: [text: string, precision: DatePrecision, reason: string][] = [
      ['2022-02-30', 'day', '2022-02-30 is not a date: February 2022 has 28 days'],
      ['30 February 2022', 'day', '30 February 2022 is not a date: February 2022 has 28 days'],
      ['31 June 2021', 'day', '31 June 2021 is not a date: June 2021 has 30 days'],
      ['2021-13-01', 'day', '2021-13-01 is not a date: there is no month 13'],
      ['2021-00-10', 'day', '2021-00-10 is not a date: there is no month 0'],
      ['2021-01-00', 'day', '2021-01-00 is not a date: there is no day 0 in January 2021'],
      ['32 January 2022', 'day', '32 January 2022 is not a date: January 2022 has 31 days'],
      ['2021-13', 'month', '2021-13 is not a date: there is no month 13'],
      ['29 Feb 2023', 'day', '29 Feb 2023 is not a date: February 2023 has 28 days'],
      ['1900-02-29', 'day', '1900-02-29 is not a date: February 1900 has 28 days'],
      ['Monday 2 November 2021', 'day', 'Monday 2 November 2021 is not a date: 2 November 2021 is a Tuesday, not a Monday'],
      ['1-31 April 2025', 'range', '1-31 April 2025 is not a date: April 2025 has 30 days'],
      ['4-1 April 2025', 'range', '4-1 April 2025 is not a date: it ends on 1 Apr 2025, before it starts on 4 Apr 2025'],
    ];
    for (const [text, precision, reason] of rows) {
      it(`${text}: ${reason}`, () => {
        assert.deepEqual(parse(text), { text, precision, invalid: reason });
      });
    }
  });

  describe('leap years', () => {
    expectRows([
      ['29 February 2024', 'day', '2024-02-29', '2024-02-29'],
      ['2000-02-29', 'day', '2000-02-29', '2000-02-29'],
      ['2400-02-29', 'day', '2400-02-29', '2400-02-29'],
    ]);

    it('daysInMonth follows the Gregorian rules', () => {
      assert.equal(daysInMonth(2024, 2), 29);
      assert.equal(daysInMonth(2023, 2), 28);
      assert.equal(daysInMonth(1900, 2), 28);
      assert.equal(daysInMonth(2000, 2), 29);
      assert.equal(daysInMonth(2021, 4), 30);
      assert.equal(daysInMonth(2021, 12), 31);
      assert.throws(() => daysInMonth(2021, 13), RangeError);
    });

    it('isValidCalendarDate', () => {
      assert.equal(isValidCalendarDate(2024, 2, 29), true);
      assert.equal(isValidCalendarDate(2023, 2, 29), false);
      assert.equal(isValidCalendarDate(2021, 0, 1), false);
      assert.equal(isValidCalendarDate(2021, 1, 0), false);
      assert.equal(isValidCalendarDate(2021, 1, 1.5), false);
    });
  });

  describe('text', () => {
    it('keeps the text as given, surrounding spaces included, and ignores case', () => {
      assert.deepEqual(parse('  NOVEMBER 2021 \n'), {
        text: '  NOVEMBER 2021 \n',
        precision: 'month',
        start: '2021-11-01',
        end: '2021-11-30',
      });
    });

    it('quotes the trimmed text in the reason for an impossible date', () => {
      assert.equal(parse(' 2022-02-30 ').invalid, '2022-02-30 is not a date: February 2022 has 28 days');
    });

    it('returns undefined for text that is not a date expression', () => {
      for (const text of [
        '',
        '   ',
        'hello',
        'November',
        'Monday',
        '2021-09-21abc',
        '2 November 2021 and more',
        '12/15/2020',
        '100',
        '0999',
        'Tbc soon',
        'constructor',
        '2021-',
        // A word and a number must be set apart: `Nov22` may mean November 2022.
        'Nov22',
        '02March 2021',
        'Monday13 January 2025',
        '2021–March',
        // Four digits outside 1800–2199 are times or numbers unless in an ISO shape.
        '26 July 1400',
        '1066',
        'Q1 2500',
        // "/" between days can mean "or", so it is no range.
        'May 16/17 2022',
      ]) {
        assert.equal(parseFuzzyDate(text), undefined, JSON.stringify(text));
      }
    });
  });
});

describe('matchLeadingDate', () => {
  const rows: [line: string, text: string, start: number, precision: DatePrecision][] = [
    ['2021-09-21 — Joint workshop of the Board agrees outcomes. [done]', '2021-09-21', 0, 'day'],
    ['March/April 2021: Consultation', 'March/April 2021', 0, 'range'],
    ['Q1 2022 - Go live', 'Q1 2022', 0, 'quarter'],
    ['Tbc — Launch', 'Tbc', 0, 'unknown'],
    ['**TBC**: Week 16 — Release', 'TBC', 2, 'unknown'],
    ['**Monday 23rd May 2022**: Week 1 — Release cycle begins', 'Monday 23rd May 2022', 2, 'day'],
    ['**September 19, 2017**: TBD', 'September 19, 2017', 2, 'day'],
    ['Q1 2022 - Q2 2022: Build', 'Q1 2022 - Q2 2022', 0, 'range'],
    ['1-4 April 2025 - KubeCon', '1-4 April 2025', 0, 'range'],
    ['December 2021 – January 2022 — Engagement', 'December 2021 – January 2022', 0, 'range'],
    ['2025-11-06T18:30:00Z meeting start', '2025-11-06T18:30:00Z', 0, 'day'],
    ['2021-11-02.', '2021-11-02', 0, 'day'],
    ['Nov. 2021, after the review', 'Nov. 2021', 0, 'month'],
    ['To be confirmed by the Board', 'To be confirmed', 0, 'unknown'],
    ['Thursday 28 March 2019 – 14:00-17:00', 'Thursday 28 March 2019', 0, 'day'],
    // A number after the date is not the end of a range unless the date was month-first.
    ['2021-09-21 - 22 people attended', '2021-09-21', 0, 'day'],
    ['2021 - 22 members', '2021', 0, 'year'],
    ['2022-02-30 — Board considers proposals', '2022-02-30', 0, 'day'],
    ['2026 - 2027   | Nov 1, 2025 | Jan 5, 2026', '2026 - 2027', 0, 'range'],
  ];
  for (const [line, text, start, precision] of rows) {
    it(`finds ${JSON.stringify(text)} in ${JSON.stringify(line)}`, () => {
      const m = matchLeadingDate(line);
      assert.ok(m, 'expected a match');
      assert.equal(m.date.text, text);
      assert.equal(m.start, start);
      assert.equal(m.length, text.length);
      assert.equal(line.slice(m.start, m.start + m.length), text);
      assert.equal(m.date.precision, precision);
    });
  }

  it('gives the same dates as parseFuzzyDate for what it matched', () => {
    const m = matchLeadingDate('30 March – 2 April 2021: consultation');
    assert.deepEqual(m?.date, parseFuzzyDate('30 March – 2 April 2021'));
  });

  it('reports the impossible date it matched', () => {
    assert.equal(
      matchLeadingDate('2022-02-30 — Board meets')?.date.invalid,
      '2022-02-30 is not a date: February 2022 has 28 days',
    );
  });

  it('does not match a date that runs on into a word or number', () => {
    for (const line of ['2021-09-21abc', '2021-09-21T', 'Q1 2022/23 - Go live', '20211-01-01 x', 'Tbcx', 'Mayday 2022']) {
      assert.equal(matchLeadingDate(line), undefined, line);
    }
  });

  it('does not match lines that only start like a date', () => {
    for (const line of [
      'May I ask a question',
      'Summer plans',
      '100 members',
      '  2021-09-21 indented',
      '| 2021-09-21 |',
      'March',
      'Friday 26 July 1400 UTC.',
      '**1057: ProgPOW** - has reference client',
    ]) {
      assert.equal(matchLeadingDate(line), undefined, line);
    }
  });

  it('uses the reference year for dates written without one', () => {
    const m = matchLeadingDate('Tuesday, July 9: Steering Committee selects', { referenceYear: 2024 });
    assert.equal(m?.date.start, '2024-07-09');
    assert.equal(m?.length, 'Tuesday, July 9'.length);
    assert.equal(matchLeadingDate('Tuesday, July 9: Steering Committee selects'), undefined);
  });
});

describe('comparing fuzzy dates', () => {
  const q1 = parse('Q1 2022');
  const q2 = parse('Q2 2022');
  const march = parse('March 2022');
  const april1 = parse('2022-04-01');
  const tbc = parse('Tbc');
  const bad = parse('2022-02-30');

  it('sorts by start, then end, with unknown and impossible dates last', () => {
    const sorted = [tbc, q2, bad, april1, march, q1, parse('2022')].sort(compareFuzzyDates).map((d) => d.text);
    assert.deepEqual(sorted.slice(0, 5), ['Q1 2022', '2022', 'March 2022', '2022-04-01', 'Q2 2022']);
    assert.deepEqual(new Set(sorted.slice(5)), new Set(['Tbc', '2022-02-30']));
  });

  it('definitelyBefore only when all of one interval precedes the other', () => {
    assert.equal(definitelyBefore(q1, q2), true);
    assert.equal(definitelyBefore(q1, april1), true);
    assert.equal(definitelyBefore(q1, march), false);
    assert.equal(definitelyBefore(march, q1), false);
    assert.equal(definitelyBefore(q2, q1), false);
    assert.equal(definitelyBefore(tbc, q1), false);
    assert.equal(definitelyBefore(q1, tbc), false);
  });

  it('overlaps when the intervals share a day', () => {
    assert.equal(overlaps(q1, march), true);
    assert.equal(overlaps(q2, april1), true);
    assert.equal(overlaps(q1, q2), false);
    assert.equal(overlaps(parse('Winter 2022'), parse('January 2023')), true);
    assert.equal(overlaps(tbc, tbc), false);
    assert.equal(overlaps(bad, q1), false);
  });

  it('isPast only once the whole interval is over', () => {
    assert.equal(isPast(q1, '2022-03-31'), false);
    assert.equal(isPast(q1, '2022-04-01'), true);
    assert.equal(isPast(parse('2021/22'), '2022-03-31'), false);
    assert.equal(isPast(parse('2021/22'), '2022-04-01'), true);
    assert.equal(isPast(tbc, '2099-01-01'), false);
  });

  it('daysBetween counts from the end of the first to the start of the second', () => {
    assert.equal(daysBetween('2021-12-31', '2022-01-01'), 1);
    assert.equal(daysBetween('2024-02-28', '2024-03-01'), 2);
    assert.equal(daysBetween('2023-02-28', '2023-03-01'), 1);
    assert.equal(daysBetween('2019-11-25', '2020-11-25'), 366);
    assert.equal(daysBetween('2020-11-25', '2019-11-25'), -366);
    assert.equal(daysBetween(q1, q2), 1);
    assert.equal(daysBetween(parse('2021-11-02'), parse('2022-01-18')), 77);
    assert.equal(daysBetween(tbc, q1), undefined);
    assert.equal(daysBetween('not a date', '2022-01-01'), undefined);
  });
});

describe('describeFuzzyDate', () => {
  const rows: [text: string, description: string][] = [
    ['Q1 2022', 'Q1 2022 → 1 Jan – 31 Mar 2022, quarter precision'],
    ['2021-11-02', '2021-11-02 → 2 Nov 2021, day precision'],
    ['Tbc', 'Tbc → date not yet known'],
    ['30 February 2022', '30 February 2022 is not a date: February 2022 has 28 days'],
    ['Winter 2022', 'Winter 2022 → 1 Dec 2022 – 28 Feb 2023, season precision'],
    ['early September 2021', 'early September 2021 → 1 – 10 Sep 2021, part-of-month precision'],
    ['2021/22', '2021/22 → 1 Apr 2021 – 31 Mar 2022, UK financial year (April to March)'],
    ['1-4 April 2025', '1-4 April 2025 → 1 – 4 Apr 2025, range'],
  ];
  for (const [text, description] of rows) {
    it(text, () => assert.equal(describeFuzzyDate(parse(text)), description));
  }
});

describe('parseFrontMatterDate', () => {
  it('reads ISO strings and fuzzy strings', () => {
    assert.deepEqual(parseFrontMatterDate('2020-11-25'), {
      text: '2020-11-25',
      precision: 'day',
      start: '2020-11-25',
      end: '2020-11-25',
    });
    assert.equal(parseFrontMatterDate('Q1 2022')?.end, '2022-03-31');
  });

  it('reads a Date object as its UTC day', () => {
    assert.deepEqual(parseFrontMatterDate(new Date('2018-05-22T23:30:00Z')), {
      text: '2018-05-22',
      precision: 'day',
      start: '2018-05-22',
      end: '2018-05-22',
    });
  });

  it('reads YAML timestamps written with a space before the time', () => {
    assert.equal(parseFrontMatterDate('2018-05-22 10:00:00')?.start, '2018-05-22');
    assert.equal(parseFrontMatterDate('2018-05-22 10:00:00')?.text, '2018-05-22 10:00:00');
  });

  it('reads a bare year number', () => {
    assert.equal(parseFrontMatterDate(2022)?.precision, 'year');
  });

  it('reports an impossible date', () => {
    assert.equal(parseFrontMatterDate('2022-02-30')?.invalid, '2022-02-30 is not a date: February 2022 has 28 days');
  });

  it('returns undefined for values that are not dates', () => {
    for (const value of [undefined, null, true, {}, [], 'soon', 3.5, new Date('nonsense')]) {
      assert.equal(parseFrontMatterDate(value), undefined, String(value));
    }
  });
});

describe('dates: properties', () => {
  const day = fc
    .date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

  it('every real ISO day round-trips as a one-day interval', () => {
    fc.assert(
      fc.property(day, (iso) => {
        const d = parseFuzzyDate(iso);
        assert.deepEqual(d, { text: iso, precision: 'day', start: iso, end: iso });
      }),
    );
  });

  it('formatIsoDate and isValidCalendarDate agree with Date on real days', () => {
    fc.assert(
      fc.property(day, (iso) => {
        const [y, m, d] = iso.split('-').map(Number);
        assert.equal(formatIsoDate(y, m, d), iso);
        assert.equal(isValidCalendarDate(y, m, d), true);
      }),
    );
  });

  it('a day past the end of its month is reported invalid, never shifted', () => {
    const overflow = fc
      .record({ y: fc.integer({ min: 1000, max: 9999 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 28, max: 31 }) })
      .filter(({ y, m, d }) => d > new Date(Date.UTC(y, m, 0)).getUTCDate());
    fc.assert(
      fc.property(overflow, ({ y, m, d }) => {
        const date = parse(formatIsoDate(y, m, d));
        assert.equal(date.start, undefined);
        assert.match(date.invalid ?? '', /is not a date: \w+ \d{4} has (28|29|30) days$/);
      }),
    );
  });

  it('daysBetween agrees with Date arithmetic', () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        assert.equal(daysBetween(a, b), (Date.parse(b) - Date.parse(a)) / 86_400_000);
      }),
    );
  });

  it('a leading ISO day is matched whatever follows a separator', () => {
    fc.assert(
      fc.property(day, fc.constantFrom(' — ', ': ', ' - ', ' ', '**: '), fc.string(), (iso, sep, rest) => {
        const m = matchLeadingDate(iso + sep + rest);
        assert.ok(m);
        assert.equal(m.date.start, iso);
        assert.ok(m.length >= 10);
      }),
    );
  });

  const pieces = fc.constantFrom(
    '2021', '-', '–', '/', ' ', '11', '02', '1st', 'Q', '1', 'H', 'to', 'March', 'Nov', '.', ',', 'T18:30', 'Z',
    'early', 'Winter', 'Tbc', 'Monday', '**', 'x', '31', 'FY', '22', '2022', 'of',
  );
  const dateish = fc.array(pieces, { maxLength: 30 }).map((parts) => parts.join(''));
  const anyText = fc.oneof(dateish, fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }));

  it('never throws on any text, and a match never runs past the line', () => {
    fc.assert(
      fc.property(anyText, fc.option(fc.integer({ min: -5, max: 10_000 })), (text, year) => {
        const options = year === null ? undefined : { referenceYear: year };
        const parsed = parseFuzzyDate(text, options);
        if (parsed) assert.equal(parsed.text, text);
        const m = matchLeadingDate(text, options);
        if (m) {
          assert.ok(m.start + m.length <= text.length);
          assert.equal(text.slice(m.start, m.start + m.length), m.date.text);
          // What the line starts with reads as a date on its own, identically.
          assert.deepEqual(parseFuzzyDate(m.date.text, options), m.date);
        }
        parseFrontMatterDate(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('a start is never after its end', () => {
    fc.assert(
      fc.property(dateish, (text) => {
        const d = parseFuzzyDate(text, { referenceYear: 2024 });
        if (d?.start !== undefined) assert.ok(d.end !== undefined && d.start <= d.end, text);
      }),
      { numRuns: 2000 },
    );
  });

  it('returns on a 100 000-character line of digits and dashes', () => {
    const dashes = '2021-09-21-'.repeat(10_000);
    const digits = '1'.repeat(100_000);
    const mixed = '1-'.repeat(50_000);
    for (const line of [dashes, digits, mixed]) {
      assert.equal(parseFuzzyDate(line), undefined);
      assert.equal(matchLeadingDate(line), undefined);
    }
    // A long line that does start with a date still yields it.
    assert.equal(matchLeadingDate('2021-09-21 ' + mixed)?.length, 10);
  });
});

describe('parseZonedDate', () => {
  const at = (text: string, referenceYear?: number) => {
    const d = parseZonedDate(text, referenceYear ? { referenceYear } : undefined);
    return d && [d.start, d.end];
  };

  it('takes the UTC day of a moment given in two or three zones', () => {
    assert.deepEqual(at('02:00 UTC Friday 14th February 2025 / 18:00 PST Thursday 13th February 2025'), ['2025-02-14', '2025-02-14']);
    assert.deepEqual(at('18:00 PDT Tuesday 2nd August 2022 / 01:00 UTC Wednesday 3rd August 2022'), ['2022-08-03', '2022-08-03']);
    assert.deepEqual(
      at('01:00 UTC Wednesday 3rd August 2022 / 02:00 BST Wednesday 3rd August 2022 / 18:00 PDT Tuesday 2nd August 2022'),
      ['2022-08-03', '2022-08-03'],
    );
    assert.deepEqual(at('Tuesday 9th June 2026 (AoE) / Wednesday 10th June 2026, 12:00 UTC'), ['2026-06-10', '2026-06-10']);
  });

  it('drops a time of day after the date', () => {
    assert.deepEqual(at('Oct 1, 2025 at 08:48:00 UTC'), ['2025-10-01', '2025-10-01']);
    assert.deepEqual(at('Thursday 6th February 2025'), ['2025-02-06', '2025-02-06']);
  });

  it('keeps the text as written', () => {
    const text = '02:00 UTC Friday 14th February 2025 / 18:00 PST Thursday 13th February 2025';
    assert.equal(parseZonedDate(text)?.text, text);
  });

  it('is no date when what is left is none', () => {
    assert.equal(parseZonedDate('Friday 26 July 1400 UTC'), undefined);
    assert.equal(parseZonedDate('18:00 PST'), undefined);
    assert.equal(parseZonedDate('Q2 / Q3 / Q4 / Q1'), undefined);
    assert.equal(parseZonedDate('10:00 UTC / 11:00 BST'), undefined);
  });
});
