import type { FieldMap, Seq, WireValue } from '../api/field-map.ts';
import {
  formatWireDate,
  isValidPhone,
  isValidUrl,
  parseBoolean,
  parseDecimal,
  parseDurationInput,
  parseEmailList,
  parseInteger,
  parseLocalInputString,
  parseMoney,
  parseWireDate,
  parseWireDuration,
  toDurationInput,
  toLocalInputString,
  toWireDuration,
  wireText,
} from './codecs.ts';
import type { FieldCatalog, FieldKind } from './field-kinds.ts';
import { ticketCatalog } from './ticket-fields.ts';

// How each kind lives in an @mantine/form form: the value the input holds, how a wire value becomes one, how
// it goes back to the wire, and how it is validated. `field-input.tsx` pairs each kind with its component.
// Empty inputs go to the wire as null: the API leaves null fields out, so null is "not set".

/** What a form holds for a field: text, a number (or '' while a NumberInput is empty), a switch, or nothing. */
export type FormValue = string | number | boolean | null;

export interface FormCodec {
  toForm(value: WireValue | undefined): FormValue;
  /** The wire value for a form value; undefined when the form value cannot be converted (validate says why). */
  toWire(value: FormValue): WireValue | undefined;
  /** An error message, or null when the value is acceptable. Empty is acceptable (required is separate). */
  validate(value: FormValue): string | null;
}

function isBlank(value: FormValue): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

const textCodec: FormCodec = {
  toForm: (value) => wireText(value ?? null) ?? '',
  toWire: (value) => (isBlank(value) ? null : String(value)),
  validate: () => null,
};

function checkedText(check: (text: string) => boolean, message: string): FormCodec {
  return {
    toForm: (value) => wireText(value ?? null) ?? '',
    toWire: (value) => {
      if (isBlank(value)) return null;
      const text = String(value).trim();
      return check(text) ? text : undefined;
    },
    validate: (value) => (isBlank(value) || check(String(value).trim()) ? null : message),
  };
}

function numberCodec(parse: (value: WireValue) => number | null, message: string): FormCodec {
  return {
    toForm: (value) => parse(value ?? null) ?? '',
    toWire: (value) => {
      if (isBlank(value)) return null;
      return typeof value === 'boolean' ? undefined : (parse(value) ?? undefined);
    },
    validate: (value) =>
      isBlank(value) || (typeof value !== 'boolean' && parse(value) !== null) ? null : message,
  };
}

export const formCodecs = {
  text: textCodec,
  'long-text': textCodec,
  'date-time': {
    // @mantine/dates pickers hold local wall-clock strings; the wire is UTC.
    toForm: (value) => {
      const date = parseWireDate(value);
      return date ? toLocalInputString(date) : null;
    },
    toWire: (value) => {
      if (isBlank(value)) return null;
      const date = typeof value === 'string' ? parseLocalInputString(value) : null;
      return date ? formatWireDate(date) : undefined;
    },
    validate: (value) =>
      isBlank(value) || (typeof value === 'string' && parseLocalInputString(value) !== null)
        ? null
        : 'Enter a date and time',
  },
  integer: numberCodec(parseInteger, 'Enter a whole number'),
  decimal: numberCodec(parseDecimal, 'Enter a number'),
  money: numberCodec(parseMoney, 'Enter an amount'),
  boolean: {
    toForm: (value) => parseBoolean(value ?? null) ?? false,
    toWire: (value) => (typeof value === 'boolean' ? value : (parseBoolean(value) ?? undefined)),
    validate: () => null,
  },
  duration: {
    // The wire gives seconds; the box shows h:mm; the API takes "hh:mm:ss" (protocol-notes §5 #20).
    toForm: (value) => {
      const seconds = parseWireDuration(value);
      return seconds === null ? '' : toDurationInput(seconds);
    },
    toWire: (value) => {
      if (isBlank(value)) return null;
      const seconds = parseDurationInput(String(value));
      return seconds === null ? undefined : toWireDuration(seconds);
    },
    validate: (value) =>
      isBlank(value) || parseDurationInput(String(value)) !== null
        ? null
        : 'Enter hours and minutes, like 1:30',
  },
  email: checkedText((text) => parseEmailList(text) !== null, 'Enter an e-mail address'),
  phone: checkedText(isValidPhone, 'Enter a phone number'),
  url: checkedText(isValidUrl, 'Enter a web address starting with http:// or https://'),
  'foreign-key': numberCodec((value) => {
    const parsed = parseInteger(value);
    return parsed !== null && parsed >= 0 ? parsed : null;
  }, 'Enter a record number'),
} satisfies Record<FieldKind, FormCodec>;

/** Form values keyed by each field's catalog key (`status`, `customDate1`), as @mantine/form paths. */
export type FieldFormValues = Record<string, FormValue>;

function definitionOf(catalog: FieldCatalog, seq: Seq) {
  const definition = catalog[seq];
  if (!definition) throw new Error(`Field ${seq} is not in the catalog.`);
  return definition;
}

/** The seqs a client may set, in catalog order. */
export function editableSeqs(catalog: FieldCatalog = ticketCatalog): Seq[] {
  return Object.entries(catalog)
    .filter(([, definition]) => definition.editable)
    .map(([seq]) => Number(seq));
}

/** A form's initial values for `seqs`, from a loaded record (null for a blank form). */
export function toFormValues(
  record: FieldMap | null,
  seqs: readonly Seq[],
  catalog: FieldCatalog = ticketCatalog,
): FieldFormValues {
  const values: FieldFormValues = {};
  for (const seq of seqs) {
    const definition = definitionOf(catalog, seq);
    values[definition.key] = formCodecs[definition.kind].toForm(record?.get(seq)?.value ?? null);
  }
  return values;
}

/**
 * The seqs whose value differs from the initial one, compared on the wire (so `1:30` and `1:30:00` are the
 * same duration), with their wire values: what `toProperties` takes. Values that do not convert are skipped;
 * the form's validation has already reported them.
 */
export function changedWireValues(
  initial: FieldFormValues,
  current: FieldFormValues,
  seqs: readonly Seq[],
  catalog: FieldCatalog = ticketCatalog,
): Map<Seq, WireValue> {
  const changed = new Map<Seq, WireValue>();
  for (const seq of seqs) {
    const definition = definitionOf(catalog, seq);
    const codec = formCodecs[definition.kind];
    const before = codec.toWire(initial[definition.key] ?? null);
    const after = codec.toWire(current[definition.key] ?? null);
    if (after === undefined) continue;
    if (before !== after) changed.set(seq, after);
  }
  return changed;
}

export type FieldValidator = (value: FormValue) => string | null;

/**
 * @mantine/form `validate` entries for `seqs`, keyed like the form values. `required` seqs must not be empty.
 */
export function buildValidators(
  seqs: readonly Seq[],
  catalog: FieldCatalog = ticketCatalog,
  options: { required?: readonly Seq[] } = {},
): Record<string, FieldValidator> {
  const required = new Set(options.required ?? []);
  const validators: Record<string, FieldValidator> = {};
  for (const seq of seqs) {
    const definition = definitionOf(catalog, seq);
    const codec = formCodecs[definition.kind];
    validators[definition.key] = (value) => {
      if (required.has(seq) && isBlank(value)) return 'This field is required';
      return codec.validate(value);
    };
  }
  return validators;
}

/** Validators for every editable ticket field (none is required by the doc page). */
export const ticketValidators = buildValidators(editableSeqs(ticketCatalog), ticketCatalog);
