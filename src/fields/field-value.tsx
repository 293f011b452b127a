import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';
import type { WireValue } from '../api/field-map.ts';
import { EmptyValue } from '../ui/empty-value.tsx';
import {
  formatBoolean,
  formatDateTime,
  formatDecimal,
  formatDuration,
  formatInteger,
  formatMoney,
  type FormatOptions,
  parseBoolean,
  parseDecimal,
  parseEmailList,
  parseInteger,
  parseMoney,
  parseWireDate,
  parseWireDuration,
  safeLinkHref,
  wireText,
} from './codecs.ts';
import type { FieldKind } from './field-kinds.ts';
import classes from './field-value.module.css';

// How each kind is shown. Every server string is untrusted: it reaches the DOM only as a React text child
// (never HTML), and links are made only for http(s) and mailto (codecs.safeLinkHref). A value that does not fit
// its kind (a number in a date field, say) is shown as plain text rather than hidden.
//
// Plain elements that take the row's font, not Mantine's Text: the detail view shows over a hundred values at
// once, and the issue 3 bench (ticket response to painted, p50 within 50 ms) counts every component rendered.

export interface FieldDisplayProps {
  /** Never null or blank: FieldValue shows those as empty. */
  value: string | number | boolean;
  format: FormatOptions;
}

export type FieldDisplay = (props: FieldDisplayProps) => ReactNode;

function PlainText({ value }: { value: string | number | boolean }) {
  return wireText(value);
}

// Inline rather than a class: the line breaks are the value's meaning, not its look, and must survive any styling.
const LONG_TEXT_STYLE = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

function LongText({ value }: FieldDisplayProps) {
  // Notes and descriptions keep their line breaks; "Rich text is displayed in plain text format" (doc page).
  return <div style={LONG_TEXT_STYLE}>{wireText(value)}</div>;
}

function DateTimeDisplay({ value, format }: FieldDisplayProps) {
  const date = parseWireDate(value);
  if (!date) return <PlainText value={value} />;
  return <time dateTime={date.toISOString()}>{formatDateTime(date, format)}</time>;
}

function numberDisplay(
  parse: (value: WireValue) => number | null,
  show: (n: number, o: FormatOptions) => string,
) {
  return function NumberDisplay({ value, format }: FieldDisplayProps) {
    const parsed = typeof value === 'boolean' ? null : parse(value);
    return parsed === null ? <PlainText value={value} /> : show(parsed, format);
  };
}

function BooleanDisplay({ value }: FieldDisplayProps) {
  const parsed = parseBoolean(value);
  return parsed === null ? <PlainText value={value} /> : formatBoolean(parsed);
}

function DurationDisplay({ value }: FieldDisplayProps) {
  const seconds = typeof value === 'boolean' ? null : parseWireDuration(value);
  if (seconds === null) return <PlainText value={value} />;
  return <span title={formatDuration(seconds, 'clock')}>{formatDuration(seconds)}</span>;
}

function EmailDisplay({ value }: FieldDisplayProps) {
  const addresses = typeof value === 'string' ? parseEmailList(value) : null;
  if (!addresses) return <PlainText value={value} />;
  return (
    <span>
      {addresses.map((address, index) => (
        <span key={`${index}-${address}`}>
          {index > 0 ? '; ' : null}
          <Anchor href={`mailto:${encodeURIComponent(address).replace('%40', '@')}`}>{address}</Anchor>
        </span>
      ))}
    </span>
  );
}

function PhoneDisplay({ value }: FieldDisplayProps) {
  const text = wireText(value) ?? '';
  // Only digits and a leading + reach the tel: link; the text shown is as the server sent it.
  const dialable = text.replace(/(x|ext\.?)\s*\d+\s*$/i, '').replace(/[^\d+]/g, '');
  if (!/^\+?\d{3,}$/.test(dialable)) return <PlainText value={value} />;
  return <Anchor href={`tel:${dialable}`}>{text}</Anchor>;
}

function UrlDisplay({ value }: FieldDisplayProps) {
  const href = safeLinkHref(typeof value === 'string' ? value : null);
  if (!href) return <PlainText value={value} />;
  return (
    <Anchor href={href} target="_blank" rel="noopener noreferrer">
      {wireText(value)}
    </Anchor>
  );
}

function ForeignKeyDisplay({ value }: FieldDisplayProps) {
  return <span className={classes.mono}>{wireText(value)}</span>;
}

export const fieldDisplays = {
  text: PlainText,
  'long-text': LongText,
  'date-time': DateTimeDisplay,
  integer: numberDisplay(parseInteger, formatInteger),
  decimal: numberDisplay(parseDecimal, formatDecimal),
  money: numberDisplay(parseMoney, formatMoney),
  boolean: BooleanDisplay,
  duration: DurationDisplay,
  email: EmailDisplay,
  phone: PhoneDisplay,
  url: UrlDisplay,
  'foreign-key': ForeignKeyDisplay,
} satisfies Record<FieldKind, FieldDisplay>;

export interface FieldValueProps {
  kind: FieldKind;
  value: WireValue | undefined;
  /** Locale and time zone; default: the browser's. */
  locale?: string;
  timeZone?: string;
  /** What screen readers hear for an empty value. */
  emptyLabel?: string;
}

/** One field's value, shown by its kind; empty values as a quiet dash. */
export function FieldValue({ kind, value, locale, timeZone, emptyLabel }: FieldValueProps) {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
    return <EmptyValue {...(emptyLabel ? { label: emptyLabel } : {})} />;
  }
  const Display = fieldDisplays[kind];
  return <Display value={value} format={{ locale, timeZone }} />;
}
