import type { WireValue } from '../api/field-map.ts';

// Parse and format per kind. Wire values are untrusted and loosely typed (protocol-notes §2.4): every parser
// returns null for anything it cannot read, and never throws.

// ---------------------------------------------------------------------------------------------- dates

// decisions.md / protocol-notes §2.4: UTC with seven fractional digits, `2019-01-23T11:27:09.7970000Z`.
// Tolerated too: no `Z` (still UTC: the server writes UTC), fewer or no fractional digits, no seconds, an
// explicit offset, a space instead of `T`.
const WIRE_DATE =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** Reads a wire date string as a Date (UTC unless an offset is given), or null. */
export function parseWireDate(value: WireValue | undefined): Date | null {
  if (typeof value !== 'string') return null;
  const match = WIRE_DATE.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s, fraction, zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  // protocol-notes §2.4: cut the fraction to milliseconds; JavaScript dates hold no more.
  const ms = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes = 0;
  if (zone !== undefined && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(utc);
  // Date.UTC rolls 31 February over into March; such a value is not a date.
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  const date = new Date(utc - offsetMinutes * 60_000);
  return Number.isNaN(date.getTime()) ? null : date;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** Writes a Date the way the server does: UTC, seven fractional digits, `Z`. */
export function formatWireDate(date: Date): string {
  return (
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}` +
    `.${pad(date.getUTCMilliseconds(), 3)}0000Z`
  );
}

export interface FormatOptions {
  /** BCP 47 locale; default: the browser's. */
  locale?: string | undefined;
  /** IANA time zone; default: the browser's. Tests pass one to be deterministic. */
  timeZone?: string | undefined;
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(options: FormatOptions, style: 'date-time' | 'date'): Intl.DateTimeFormat {
  const cacheKey = `${options.locale ?? ''}|${options.timeZone ?? ''}|${style}`;
  let format = dateTimeFormats.get(cacheKey);
  if (!format) {
    format = new Intl.DateTimeFormat(options.locale, {
      dateStyle: 'medium',
      ...(style === 'date-time' ? { timeStyle: 'short' } : {}),
      ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    });
    dateTimeFormats.set(cacheKey, format);
  }
  return format;
}

/** A date and time in the browser's time zone and locale (the API's are UTC). */
export function formatDateTime(date: Date, options: FormatOptions = {}): string {
  return dateTimeFormat(options, 'date-time').format(date);
}

/** A date only, in the browser's time zone and locale. */
export function formatDate(date: Date, options: FormatOptions = {}): string {
  return dateTimeFormat(options, 'date').format(date);
}

// @mantine/dates pickers hold local wall-clock strings `YYYY-MM-DD HH:mm:ss`.
const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** A Date as the local wall-clock string the Mantine date pickers use. */
export function toLocalInputString(date: Date): string {
  return (
    `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}

/** A Mantine picker string (local wall-clock time) as a Date, or null. */
export function parseLocalInputString(text: string): Date | null {
  const match = LOCAL_INPUT.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const date = new Date(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h ?? 0),
    Number(mi ?? 0),
    Number(s ?? 0),
  );
  if (Number.isNaN(date.getTime()) || date.getDate() !== Number(d) || date.getMonth() !== Number(mo) - 1) {
    return null;
  }
  return date;
}

// ------------------------------------------------------------------------------------------ durations

/**
 * A duration value from the wire as whole seconds: the server returns seconds (protocol-notes §5 #20);
 * an `hh:mm:ss` string (what goes in) is read too, in case a server echoes it.
 */
export function parseWireDuration(value: WireValue | undefined): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(Math.round(value)) ? Math.round(value) : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (/^-?\d+$/.test(text)) {
    const seconds = Number(text);
    return Number.isSafeInteger(seconds) ? seconds : null;
  }
  return parseClock(text);
}

function parseClock(text: string): number | null {
  const match = /^(\d+):([0-5]?\d)(?::([0-5]?\d))?$/.exec(text);
  if (!match) return null;
  const [, h, m, s] = match;
  const seconds = Number(h) * 3600 + Number(m) * 60 + Number(s ?? 0);
  return Number.isSafeInteger(seconds) ? seconds : null;
}

/**
 * What a technician types into a duration box, as seconds: `h:mm`, `h:mm:ss` (also `hh:mm:ss`), or a bare
 * number of minutes (`15`). Empty text is null; so is anything else (the validator reports it).
 */
export function parseDurationInput(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (/^\d{1,6}$/.test(trimmed)) return Number(trimmed) * 60;
  return parseClock(trimmed);
}

/** Seconds as the `hh:mm:ss` string the API takes for durations (protocol-notes §2.3, §5 #20). */
export function toWireDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${pad(h)}:${pad(m)}:${pad(s)}`;
}

/** Seconds for a duration input box: `h:mm`, or `h:mm:ss` when there are stray seconds. */
export function toDurationInput(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return s === 0 ? `${h}:${pad(m)}` : `${h}:${pad(m)}:${pad(s)}`;
}

/**
 * Seconds for reading: `1 h 05 min`, `45 min`, `30 s` (style 'long', the default), or `1:05` ('clock').
 */
export function formatDuration(seconds: number, style: 'long' | 'clock' = 'long'): string {
  const negative = seconds < 0;
  const total = Math.abs(Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const sign = negative ? '-' : '';
  if (style === 'clock') return `${sign}${h}:${pad(m)}`;
  if (total < 60) return `${sign}${total} s`;
  return h > 0 ? `${sign}${h} h ${pad(m)} min` : `${sign}${m} min`;
}

// -------------------------------------------------------------------------------------------- numbers

/** An integer from the wire or from typed text (`1234`, `-5`, `1,234`), or null. */
export function parseInteger(value: WireValue | undefined): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  if (typeof value !== 'string') return null;
  const text = value.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (!/^[+-]?(\d+|\d{1,3}(,\d{3})+)$/.test(text)) return null;
  const parsed = Number(text.replace(/,/g, ''));
  return Number.isSafeInteger(parsed) ? parsed : null;
}

/**
 * A decimal number from the wire or typed text, or null. Accepts `1234.5`, `1,234.5`, `1234,5` (a lone comma
 * is a decimal separator) and `1.234,5`.
 */
export function parseDecimal(value: WireValue | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const text = value.trim().replace(/[\s\u00a0\u202f']/g, '');
  let normalized: string | null = null;
  if (/^[+-]?\d+([.,]\d+)?$/.test(text)) normalized = text.replace(',', '.');
  else if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) normalized = text.replace(/,/g, '');
  else if (/^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(text))
    normalized = text.replace(/\./g, '').replace(',', '.');
  else if (/^[+-]?\.\d+$/.test(text)) normalized = text.replace('.', '0.');
  if (normalized === null) return null;
  const parsed = Number(normalized);
  return Number.isFinite(parsed) ? parsed : null;
}

/** Money as typed (an optional currency sign around a decimal), or null. Kept unrounded: SQL money has 4 places. */
export function parseMoney(value: WireValue | undefined): number | null {
  if (typeof value === 'string') return parseDecimal(value.trim().replace(/^[$€£¥]\s*|\s*[$€£¥]$/g, ''));
  return parseDecimal(value);
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const cacheKey = `${locale ?? ''}|${JSON.stringify(options)}`;
  let format = numberFormats.get(cacheKey);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(cacheKey, format);
  }
  return format;
}

export function formatInteger(value: number, options: FormatOptions = {}): string {
  return numberFormat(options.locale, { maximumFractionDigits: 0 }).format(value);
}

export function formatDecimal(value: number, options: FormatOptions = {}): string {
  return numberFormat(options.locale, { maximumFractionDigits: 4 }).format(value);
}

/** Money with two decimals and no currency sign: the WebApi does not say which currency a site uses. */
export function formatMoney(value: number, options: FormatOptions = {}): string {
  return numberFormat(options.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

/** Bytes for reading (attachments' File Size): `512 B`, `117.9 kB`, `2.4 MB`. */
export function formatFileSize(bytes: number, options: FormatOptions = {}): string {
  if (!Number.isFinite(bytes) || bytes < 0) return String(bytes);
  if (bytes < 1024) return `${formatInteger(bytes, options)} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let size = bytes / 1024;
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit += 1;
  }
  return `${numberFormat(options.locale, { maximumFractionDigits: 1 }).format(size)} ${units[unit]}`;
}

// ------------------------------------------------------------------------------------------- booleans

/** Booleans arrive as JSON booleans, but S9 (protocol-notes §2.3) shows `"True"`/`"False"` strings too. */
export function parseBoolean(value: WireValue | undefined): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 0 ? false : value === 1 ? true : null;
  if (typeof value !== 'string') return null;
  const text = value.trim().toLowerCase();
  if (['true', 'yes', '1', 'y'].includes(text)) return true;
  if (['false', 'no', '0', 'n'].includes(text)) return false;
  return null;
}

export function formatBoolean(value: boolean): string {
  return value ? 'Yes' : 'No';
}

// -------------------------------------------------------------------------------- e-mail, phone, URL

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:".]+(\.[^\s@<>()[\]\\,;:".]+)+$/;

export function isValidEmail(text: string): boolean {
  return EMAIL.test(text.trim());
}

/**
 * The addresses in an e-mail field. Email Cc/Bcc (185/186) may hold several, separated by `;` or `,` as
 * Outlook writes them. Null when any part is not an address.
 */
export function parseEmailList(text: string): string[] | null {
  const parts = text
    .split(/[;,]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length === 0) return null;
  return parts.every((part) => EMAIL.test(part)) ? parts : null;
}

/** A phone number as people type them: digits, spaces, `+ ( ) - . /`, an extension (`x12`, `ext. 12`). */
export function isValidPhone(text: string): boolean {
  const trimmed = text.trim();
  if (!/^\+?[\d\s().\-/]+((x|ext\.?)\s*\d+)?$/i.test(trimmed)) return false;
  return (trimmed.match(/\d/g) ?? []).length >= 3;
}

// A value with no scheme that looks like a host name, e.g. the doc page's attachment `www.sangreti.com`.
const HOST_LIKE =
  /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:\d{1,5})?([/?#][^\s]*)?$/i;
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * The href for a URL value, or null when it must not be a link. Only http(s) and mailto are allowed: the
 * protocol is checked on the parsed URL, because the URL parser drops tabs and newlines (`java\tscript:`
 * would pass a check on the raw text). Scheme-less host names get `http://`.
 */
export function safeLinkHref(value: WireValue | undefined): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text === '' || text.length > 2048) return null;
  const candidate = HOST_LIKE.test(text) ? `http://${text}` : text;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (!SAFE_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && url.hostname === '') return null;
  return url.href;
}

export function isValidUrl(text: string): boolean {
  return safeLinkHref(text) !== null;
}

// ----------------------------------------------------------------------------------------------- text

/** Any wire value as display text (numbers and booleans written out); null stays null. */
export function wireText(value: WireValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return formatBoolean(value);
  return String(value);
}
