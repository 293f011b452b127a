import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatDateTime,
  formatDecimal,
  formatDuration,
  formatFileSize,
  formatInteger,
  formatMoney,
  formatWireDate,
  isValidEmail,
  isValidPhone,
  parseBoolean,
  parseDecimal,
  parseDurationInput,
  parseEmailList,
  parseInteger,
  parseLocalInputString,
  parseMoney,
  parseWireDate,
  parseWireDuration,
  safeLinkHref,
  toDurationInput,
  toLocalInputString,
  toWireDuration,
} from './codecs.ts';

describe('wire dates', () => {
  it('reads the doc page format as UTC, keeping milliseconds', () => {
    expect(parseWireDate('2019-01-23T11:27:09.7970000Z')?.toISOString()).toBe('2019-01-23T11:27:09.797Z');
  });

  it('tolerates a missing Z, fewer fractional digits, no fraction and no seconds, all as UTC', () => {
    expect(parseWireDate('2019-01-23T11:27:09.797')?.toISOString()).toBe('2019-01-23T11:27:09.797Z');
    expect(parseWireDate('2019-01-23T11:27:09.7Z')?.toISOString()).toBe('2019-01-23T11:27:09.700Z');
    expect(parseWireDate('2019-01-23T11:27:09')?.toISOString()).toBe('2019-01-23T11:27:09.000Z');
    expect(parseWireDate('2019-01-23T11:27')?.toISOString()).toBe('2019-01-23T11:27:00.000Z');
    expect(parseWireDate(' 2019-01-23 11:27:09.1234567Z ')?.toISOString()).toBe('2019-01-23T11:27:09.123Z');
  });

  it('applies an explicit offset', () => {
    expect(parseWireDate('2019-01-23T11:27:09.000+02:00')?.toISOString()).toBe('2019-01-23T09:27:09.000Z');
    expect(parseWireDate('2019-01-23T11:27:09-0530')?.toISOString()).toBe('2019-01-23T16:57:09.000Z');
  });

  it('refuses what is not a date', () => {
    for (const value of [
      '',
      'yesterday',
      '2019-02-31T00:00:00Z',
      '2019-13-01T00:00:00Z',
      '2019-01-01T24:00:00Z',
    ]) {
      expect(parseWireDate(value), value).toBeNull();
    }
    expect(parseWireDate(1548242829)).toBeNull();
    expect(parseWireDate(null)).toBeNull();
    expect(parseWireDate(true)).toBeNull();
  });

  it('writes dates as the server does, seven fractional digits and Z', () => {
    expect(formatWireDate(new Date('2019-01-23T11:27:09.797Z'))).toBe('2019-01-23T11:27:09.7970000Z');
  });

  it('round-trips any date through the wire format', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01Z'), max: new Date('9999-12-31Z'), noInvalidDate: true }),
        (date) => {
          expect(parseWireDate(formatWireDate(date))?.getTime()).toBe(date.getTime());
        },
      ),
    );
  });

  it('never throws on arbitrary strings, and never returns an invalid Date', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const parsed = parseWireDate(text);
        expect(parsed === null || !Number.isNaN(parsed.getTime())).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('formats in the given time zone and locale', () => {
    const date = parseWireDate('2019-01-23T11:27:09.7970000Z')!;
    expect(formatDateTime(date, { locale: 'en-GB', timeZone: 'Europe/Berlin' })).toMatch(
      /23 Jan 2019.*12:27/,
    );
    expect(formatDateTime(date, { locale: 'en-US', timeZone: 'America/Denver' })).toMatch(
      /Jan 23, 2019.*4:27/,
    );
  });

  it('round-trips a date through the local wall-clock string the pickers use', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01Z'), max: new Date('2100-01-01Z'), noInvalidDate: true }),
        (d) => {
          const date = new Date(d);
          date.setMilliseconds(0);
          expect(parseLocalInputString(toLocalInputString(date))?.getTime()).toBe(date.getTime());
        },
      ),
    );
    expect(parseLocalInputString('2019-02-30 10:00:00')).toBeNull();
    expect(parseLocalInputString('soon')).toBeNull();
  });
});

describe('durations', () => {
  it('reads seconds from the wire, and an hh:mm:ss echo too', () => {
    expect(parseWireDuration(600)).toBe(600);
    expect(parseWireDuration('600')).toBe(600);
    expect(parseWireDuration('00:10:00')).toBe(600);
    expect(parseWireDuration('soon')).toBeNull();
    expect(parseWireDuration(null)).toBeNull();
  });

  it('shows hours and minutes', () => {
    expect(formatDuration(3900)).toBe('1 h 05 min');
    expect(formatDuration(600)).toBe('10 min');
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(36000 + 59 * 60)).toBe('10 h 59 min');
    expect(formatDuration(3900, 'clock')).toBe('1:05');
  });

  it('reads h:mm, hh:mm:ss and bare minutes as typed', () => {
    expect(parseDurationInput('1:30')).toBe(5400);
    expect(parseDurationInput('01:30:15')).toBe(5415);
    expect(parseDurationInput('0:10')).toBe(600);
    expect(parseDurationInput('15')).toBe(900);
    expect(parseDurationInput('  ')).toBeNull();
    expect(parseDurationInput('1:75')).toBeNull();
    expect(parseDurationInput('abc')).toBeNull();
    expect(parseDurationInput('-1:00')).toBeNull();
  });

  it('writes hh:mm:ss for the API', () => {
    expect(toWireDuration(600)).toBe('00:10:00');
    expect(toWireDuration(5415)).toBe('01:30:15');
    expect(toWireDuration(100 * 3600)).toBe('100:00:00');
  });

  it('round-trips whole seconds through the wire string and through the input box', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 * 3600 }), (seconds) => {
        expect(parseWireDuration(toWireDuration(seconds))).toBe(seconds);
        expect(parseDurationInput(toDurationInput(seconds))).toBe(seconds);
      }),
    );
  });
});

describe('numbers', () => {
  it('parses integers and refuses fractions and junk', () => {
    expect(parseInteger('42')).toBe(42);
    expect(parseInteger(' -7 ')).toBe(-7);
    expect(parseInteger('1,234')).toBe(1234);
    expect(parseInteger(12)).toBe(12);
    expect(parseInteger('1.5')).toBeNull();
    expect(parseInteger(1.5)).toBeNull();
    expect(parseInteger('12a')).toBeNull();
    expect(parseInteger('99999999999999999999')).toBeNull();
  });

  it('parses decimals written with a point or a comma', () => {
    expect(parseDecimal('1234.5')).toBe(1234.5);
    expect(parseDecimal('1234,5')).toBe(1234.5);
    expect(parseDecimal('1,234.5')).toBe(1234.5);
    expect(parseDecimal('1.234,5')).toBe(1234.5);
    expect(parseDecimal('.5')).toBe(0.5);
    expect(parseDecimal('1.2.3')).toBeNull();
    expect(parseDecimal('NaN')).toBeNull();
    expect(parseDecimal(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('parses money with a currency sign', () => {
    expect(parseMoney('$ 12.50')).toBe(12.5);
    expect(parseMoney('12,50 €')).toBe(12.5);
    expect(parseMoney(99.9)).toBe(99.9);
    expect(parseMoney('twelve')).toBeNull();
  });

  it('round-trips any finite number through decimal parsing of its string', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), (value) => {
        const text = value.toFixed(4);
        expect(parseDecimal(text)).toBeCloseTo(Number(text), 6);
      }),
    );
  });

  it('formats by locale', () => {
    expect(formatInteger(1234567, { locale: 'en-US' })).toBe('1,234,567');
    expect(formatDecimal(1234.56789, { locale: 'en-US' })).toBe('1,234.5679');
    expect(formatMoney(12.5, { locale: 'en-US' })).toBe('12.50');
    expect(formatMoney(12.5, { locale: 'de-DE' })).toBe('12,50');
    expect(formatFileSize(120743, { locale: 'en-US' })).toBe('117.9 kB');
    expect(formatFileSize(512, { locale: 'en-US' })).toBe('512 B');
  });
});

describe('booleans', () => {
  it('reads JSON booleans and the string forms clients send', () => {
    expect(parseBoolean(true)).toBe(true);
    expect(parseBoolean('True')).toBe(true);
    expect(parseBoolean('false')).toBe(false);
    expect(parseBoolean(0)).toBe(false);
    expect(parseBoolean('maybe')).toBeNull();
  });
});

describe('e-mail, phone and URL', () => {
  it('accepts addresses and lists of addresses', () => {
    expect(isValidEmail('jane.doe@example.com')).toBe(true);
    expect(isValidEmail('jane@localhost')).toBe(false);
    expect(isValidEmail('jane doe@example.com')).toBe(false);
    expect(parseEmailList('a@example.com; b@example.org,c@example.net')).toEqual([
      'a@example.com',
      'b@example.org',
      'c@example.net',
    ]);
    expect(parseEmailList('a@example.com; nope')).toBeNull();
  });

  it('accepts phone numbers as people write them', () => {
    for (const phone of ['+1 (555) 010-0199', '555-0199 x12', '030/1234567', '0123 456 789 ext. 4']) {
      expect(isValidPhone(phone), phone).toBe(true);
    }
    for (const phone of ['12', 'call me', '555-0199; DROP TABLE'])
      expect(isValidPhone(phone), phone).toBe(false);
  });

  it('links only http, https and mailto, and adds http:// to bare host names', () => {
    expect(safeLinkHref('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    expect(safeLinkHref('www.sangreti.com')).toBe('http://www.sangreti.com/');
    expect(safeLinkHref('mailto:help@example.com')).toBe('mailto:help@example.com');
    for (const hostile of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      '//evil.example.com',
      'http://',
      'not a url',
    ]) {
      expect(safeLinkHref(hostile), JSON.stringify(hostile)).toBeNull();
    }
  });

  it('never produces a link other than http, https or mailto, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.webUrl(),
          fc
            .constantFrom('javascript:', 'JAVASCRIPT:', 'data:', ' javascript:')
            .chain((prefix) => fc.string().map((rest) => prefix + rest)),
        ),
        (text) => {
          const href = safeLinkHref(text);
          if (href !== null) expect(href).toMatch(/^(https?:\/\/|mailto:)/);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('every parser', () => {
  const wireValue = fc.oneof(
    fc.string(),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom('NaN', 'Infinity', '-0', '1e400', '00:99:99', '\u0000', '9'.repeat(400)),
  );

  it('returns a value or null for any wire value, never throwing or yielding NaN', () => {
    fc.assert(
      fc.property(wireValue, (value) => {
        for (const parse of [parseInteger, parseDecimal, parseMoney, parseWireDuration]) {
          const parsed = parse(value);
          expect(parsed === null || Number.isFinite(parsed)).toBe(true);
        }
        expect([true, false, null]).toContain(parseBoolean(value));
        const text = typeof value === 'string' ? value : String(value);
        const seconds = parseDurationInput(text);
        expect(seconds === null || Number.isSafeInteger(seconds)).toBe(true);
        const date = parseLocalInputString(text);
        expect(date === null || !Number.isNaN(date.getTime())).toBe(true);
        parseEmailList(text);
        isValidPhone(text);
      }),
      { numRuns: 1000 },
    );
  });
});
