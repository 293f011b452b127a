import { Button, MantineProvider } from '@mantine/core';
import { useForm } from '@mantine/form';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState, type ReactNode } from 'react';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { fieldKinds, type FieldKind } from './field-kinds.ts';
import { FieldInput, fieldInputs } from './field-input.tsx';
import { formCodecs, type FormValue } from './form-codecs.ts';

const wrapper = ({ children }: { children: ReactNode }) => (
  <MantineProvider env="test">{children}</MantineProvider>
);

function Controlled({
  kind,
  initial,
  onValue,
  options,
}: {
  kind: FieldKind;
  initial: FormValue;
  onValue: (value: FormValue) => void;
  options?: readonly string[];
}) {
  const [value, setValue] = useState<FormValue>(initial);
  return (
    <FieldInput
      kind={kind}
      label="The field"
      value={value}
      {...(options ? { options } : {})}
      onChange={(next) => {
        setValue(next);
        onValue(next);
      }}
    />
  );
}

// Typing through Mantine inputs is slow in jsdom when the machine is busy.
const user = userEvent.setup({ delay: null });

describe('FieldInput', { timeout: 20_000 }, () => {
  it('has an input and a form codec for every kind and for nothing else', () => {
    expectTypeOf<keyof typeof fieldInputs>().toEqualTypeOf<FieldKind>();
    expectTypeOf<keyof typeof formCodecs>().toEqualTypeOf<FieldKind>();
    expect(Object.keys(fieldInputs).sort()).toEqual([...fieldKinds].sort());
    expect(Object.keys(formCodecs).sort()).toEqual([...fieldKinds].sort());
  });

  it.each(fieldKinds)('renders a labelled input for %s fields', (kind) => {
    render(<Controlled kind={kind} initial={formCodecs[kind].toForm(null)} onValue={() => undefined} />, {
      wrapper,
    });
    expect(screen.getAllByLabelText('The field').length).toBeGreaterThan(0);
  });

  it('passes typed text through as the form value', async () => {
    const onValue = vi.fn();
    render(<Controlled kind="duration" initial="" onValue={onValue} />, { wrapper });
    await user.type(screen.getByLabelText('The field'), '1:30');
    expect(onValue).toHaveBeenLastCalledWith('1:30');
  });

  it('toggles a switch to a boolean', async () => {
    const onValue = vi.fn();
    render(<Controlled kind="boolean" initial={false} onValue={onValue} />, { wrapper });
    await user.click(screen.getByRole('switch', { name: 'The field' }));
    expect(onValue).toHaveBeenLastCalledWith(true);
  });

  it('offers lookup options while still taking free text', async () => {
    const onValue = vi.fn();
    render(<Controlled kind="text" initial="" onValue={onValue} options={['Open', 'Escalated']} />, {
      wrapper,
    });
    const input = screen.getByRole('combobox', { name: 'The field' });
    await user.type(input, 'Esc');
    expect(await screen.findByRole('option', { name: 'Escalated' })).toBeInTheDocument();
    await user.type(input, 'apade');
    expect(onValue).toHaveBeenLastCalledWith('Escapade');
  });

  it('shows the value of a text field as text, never as markup', () => {
    render(<Controlled kind="long-text" initial={'<b>bold</b>'} onValue={() => undefined} />, { wrapper });
    expect(screen.getByLabelText('The field')).toHaveValue('<b>bold</b>');
  });

  it.each(['controlled', 'uncontrolled'] as const)('works inside a %s @mantine/form', async (mode) => {
    const onSubmit = vi.fn();
    function Form() {
      const form = useForm<Record<string, FormValue>>({
        mode,
        initialValues: { summary: 'Old', inactive: false },
      });
      return (
        <form onSubmit={form.onSubmit((values) => onSubmit(values))}>
          <FieldInput
            kind="text"
            label="Summary"
            key={form.key('summary')}
            {...form.getInputProps('summary')}
          />
          <FieldInput
            kind="boolean"
            label="Inactive"
            key={form.key('inactive')}
            {...form.getInputProps('inactive', { type: 'checkbox' })}
          />
          <Button type="submit">Save</Button>
        </form>
      );
    }
    render(<Form />, { wrapper });
    expect(screen.getByLabelText('Summary')).toHaveValue('Old');
    await user.clear(screen.getByLabelText('Summary'));
    await user.type(screen.getByLabelText('Summary'), 'New');
    await user.click(screen.getByRole('switch', { name: 'Inactive' }));
    expect(screen.getByRole('switch', { name: 'Inactive' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit).toHaveBeenCalledWith({ summary: 'New', inactive: true });
  });
});
