import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { WireValue } from '../api/field-map.ts';
import { fieldKinds, type FieldKind } from './field-kinds.ts';
import { fieldDisplays, FieldValue } from './field-value.tsx';

function show(kind: FieldKind, value: WireValue, extra: { locale?: string; timeZone?: string } = {}) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <MantineProvider env="test">{children}</MantineProvider>
  );
  return render(<FieldValue kind={kind} value={value} {...extra} />, { wrapper });
}

const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

describe('FieldValue', () => {
  it('has a display for every kind and for nothing else', () => {
    expectTypeOf<keyof typeof fieldDisplays>().toEqualTypeOf<FieldKind>();
    expect(Object.keys(fieldDisplays).sort()).toEqual([...fieldKinds].sort());
  });

  it.each(fieldKinds)('renders markup in a %s field as literal text', (kind) => {
    const { container } = show(kind, hostile);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=');
    expect(container.querySelector('a')).toBeNull();
  });

  it('never makes a javascript: URL a link', () => {
    const { container } = show('url', 'javascript:alert(document.cookie)');
    expect(container.querySelector('a')).toBeNull();
    expect(screen.getByText('javascript:alert(document.cookie)')).toBeInTheDocument();
  });

  it('opens web links in a new tab without an opener', () => {
    show('url', 'www.sangreti.com');
    const link = screen.getByRole('link', { name: 'www.sangreti.com' });
    expect(link).toHaveAttribute('href', 'http://www.sangreti.com/');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('keeps the line breaks of long text', () => {
    const { container } = show('long-text', 'first line\nsecond line');
    const block = container.querySelector('div[style*="pre-wrap"]');
    expect(block?.textContent).toBe('first line\nsecond line');
  });

  it('shows dates in the given time zone and locale', () => {
    const { container } = show('date-time', '2019-01-23T11:27:09.7970000Z', {
      locale: 'en-GB',
      timeZone: 'Europe/Berlin',
    });
    const time = container.querySelector('time');
    expect(time).toHaveAttribute('dateTime', '2019-01-23T11:27:09.797Z');
    expect(time?.textContent).toMatch(/23 Jan 2019.*12:27/);
  });

  it('shows durations in hours and minutes', () => {
    show('duration', 3900);
    expect(screen.getByText('1 h 05 min')).toBeInTheDocument();
  });

  it('shows numbers, money and booleans formatted', () => {
    show('money', 1234.5, { locale: 'en-US' });
    expect(screen.getByText('1,234.50')).toBeInTheDocument();
    show('boolean', true);
    expect(screen.getByText('Yes')).toBeInTheDocument();
  });

  it('links e-mail addresses with mailto', () => {
    show('email', 'a@example.com; b@example.org');
    expect(screen.getByRole('link', { name: 'b@example.org' })).toHaveAttribute(
      'href',
      'mailto:b@example.org',
    );
  });

  it('shows an empty value as a quiet dash named for screen readers', () => {
    show('text', null);
    expect(screen.getByText('Not set')).toBeInTheDocument();
  });

  it('shows a value that does not fit its kind as text', () => {
    show('date-time', 42);
    expect(screen.getByText('42')).toBeInTheDocument();
  });
});
