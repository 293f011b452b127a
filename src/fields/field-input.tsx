import { Autocomplete, NumberInput, Select, Switch, Textarea, TextInput } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useState, type ComponentType, type ReactNode } from 'react';
import type { FieldKind } from './field-kinds.ts';
import type { FormValue } from './form-codecs.ts';

// The input for each kind, for @mantine/form: `<FieldInput kind={...} label={...} {...form.getInputProps(key)} />`.
// Form values, their wire conversion and validation live in form-codecs.ts (`formCodecs`), also keyed by kind.
// The app must import '@mantine/dates/styles.css' for the date-time picker.

export interface FieldInputProps {
  label: ReactNode;
  /** The form value (from getInputProps in controlled mode). */
  value?: unknown;
  /** From getInputProps(path, { type: 'checkbox' }), for boolean fields. */
  checked?: boolean;
  /** From getInputProps in uncontrolled mode (pair it with `key={form.key(path)}`). */
  defaultValue?: unknown;
  defaultChecked?: boolean;
  /** Called with the new form value (a plain value, never an event). */
  onChange: (value: FormValue) => void;
  onFocus?: () => void;
  onBlur?: () => void;
  error?: ReactNode;
  description?: ReactNode;
  placeholder?: string;
  required?: boolean;
  disabled?: boolean;
  name?: string;
  /**
   * Suggestions for a lookup field: config.json's vocabulary plus values seen on tickets (decisions.md, "Lookup
   * values"). Used by text kinds.
   */
  options?: readonly string[];
  /** Default true: free text with suggestions, as the server accepts any value. False: pick from `options`. */
  allowFreeText?: boolean;
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

function asNumberInputValue(value: unknown): number | string {
  return typeof value === 'number' || typeof value === 'string' ? value : '';
}

function common(props: FieldInputProps) {
  return {
    label: props.label,
    error: props.error,
    description: props.description,
    placeholder: props.placeholder,
    required: props.required,
    disabled: props.disabled,
    name: props.name,
    onFocus: props.onFocus,
    onBlur: props.onBlur,
  };
}

function uniqueOptions(options: readonly string[], current: string): string[] {
  const seen = new Set<string>();
  const list: string[] = [];
  for (const option of [...options, current]) {
    if (option.trim() === '' || seen.has(option)) continue;
    seen.add(option);
    list.push(option);
  }
  return list;
}

function TextFieldInput(props: FieldInputProps) {
  const value = asText(props.value);
  if (props.options && props.options.length > 0) {
    if (props.allowFreeText === false) {
      return (
        <Select
          {...common(props)}
          data={uniqueOptions(props.options, value)}
          value={value === '' ? null : value}
          onChange={(next) => props.onChange(next ?? '')}
          searchable
          clearable
        />
      );
    }
    return (
      <Autocomplete
        {...common(props)}
        data={uniqueOptions(props.options, '')}
        value={value}
        onChange={(next) => props.onChange(next)}
      />
    );
  }
  return (
    <TextInput
      {...common(props)}
      value={value}
      onChange={(event) => props.onChange(event.currentTarget.value)}
    />
  );
}

function LongTextFieldInput(props: FieldInputProps) {
  return (
    <Textarea
      {...common(props)}
      value={asText(props.value)}
      onChange={(event) => props.onChange(event.currentTarget.value)}
      // Not `autosize`: it needs document.fonts, which jsdom lacks, so every form test would crash.
      rows={4}
      resize="vertical"
    />
  );
}

function DateTimeFieldInput(props: FieldInputProps) {
  const value = asText(props.value);
  return (
    <DateTimePicker
      {...common(props)}
      value={value === '' ? null : value}
      onChange={(next) => props.onChange(next)}
      valueFormat="YYYY-MM-DD HH:mm"
      clearable
    />
  );
}

function numberFieldInput(options: { decimalScale?: number; allowNegative?: boolean }) {
  const allowDecimal = options.decimalScale !== undefined;
  return function NumberFieldInput(props: FieldInputProps) {
    return (
      <NumberInput
        {...common(props)}
        value={asNumberInputValue(props.value)}
        onChange={(next) => props.onChange(next)}
        allowDecimal={allowDecimal}
        {...(options.decimalScale !== undefined ? { decimalScale: options.decimalScale } : {})}
        allowNegative={options.allowNegative ?? true}
      />
    );
  };
}

function BooleanFieldInput(props: FieldInputProps) {
  return (
    <Switch
      label={props.label}
      error={props.error}
      description={props.description}
      disabled={props.disabled}
      name={props.name}
      onFocus={props.onFocus}
      onBlur={props.onBlur}
      checked={props.value === true}
      onChange={(event) => props.onChange(event.currentTarget.checked)}
    />
  );
}

function DurationFieldInput(props: FieldInputProps) {
  return (
    <TextInput
      {...common(props)}
      placeholder={props.placeholder ?? 'h:mm'}
      value={asText(props.value)}
      onChange={(event) => props.onChange(event.currentTarget.value)}
    />
  );
}

// type="text" with an inputMode rather than type="email"/"url": the browser's own checks would refuse values
// the server accepts (an Email Cc list, a URL without a scheme); our validators decide.
function typedTextInput(inputMode: 'email' | 'tel' | 'url', type: 'text' | 'tel') {
  return function TypedTextInput(props: FieldInputProps) {
    return (
      <TextInput
        {...common(props)}
        type={type}
        inputMode={inputMode}
        value={asText(props.value)}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      />
    );
  };
}

export const fieldInputs = {
  text: TextFieldInput,
  'long-text': LongTextFieldInput,
  'date-time': DateTimeFieldInput,
  integer: numberFieldInput({}),
  decimal: numberFieldInput({ decimalScale: 4 }),
  money: numberFieldInput({ decimalScale: 4 }),
  boolean: BooleanFieldInput,
  duration: DurationFieldInput,
  email: typedTextInput('email', 'text'),
  phone: typedTextInput('tel', 'tel'),
  url: typedTextInput('url', 'text'),
  'foreign-key': numberFieldInput({ allowNegative: false }),
} satisfies Record<FieldKind, ComponentType<FieldInputProps>>;

/**
 * The input for a field of `kind`. Works with @mantine/form in either mode: controlled (`value`/`checked`) or
 * uncontrolled (`defaultValue`/`defaultChecked`, the input keeps its own state and reports each change).
 */
export function FieldInput({ kind, ...props }: FieldInputProps & { kind: FieldKind }) {
  const controlled = props.value !== undefined || props.checked !== undefined;
  const [own, setOwn] = useState<unknown>(props.defaultValue ?? props.defaultChecked);
  const value = props.checked ?? (controlled ? props.value : own);
  const Input = fieldInputs[kind];
  return (
    <Input
      {...props}
      value={value}
      onChange={(next) => {
        if (!controlled) setOwn(next);
        props.onChange(next);
      }}
    />
  );
}
