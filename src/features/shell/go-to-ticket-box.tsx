import { Kbd, TextInput } from '@mantine/core';
import { useHotkeys, useMediaQuery } from '@mantine/hooks';
import { useRef, useState, type FormEvent } from 'react';
import { SearchIcon } from '../../ui/icons.tsx';
import classes from './shell.module.css';

export interface GoToTicketBoxProps {
  /** Turns what was typed (without a leading `#`) into a ticket id, or null when it is not one. */
  parseTicketId: (raw: string) => number | null;
  onOpen: (id: number) => void;
  /** Whether the `/` key focuses this box (only one box on the page should). */
  withShortcut?: boolean;
}

/** `Go to ticket`: type a number, press Enter. The `/` key focuses it unless the technician is typing elsewhere. */
export function GoToTicketBox({ parseTicketId, onOpen, withShortcut = true }: GoToTicketBoxProps) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  // On a phone the box is a few characters wide: "Go to ticket…" showed as "Go", so it hints at a number.
  const phone = useMediaQuery('(max-width: 47.99em)') ?? false;

  // useHotkeys ignores key presses inside INPUT, TEXTAREA and SELECT (and contenteditable), so typing `/` in a
  // note never jumps here.
  useHotkeys(
    withShortcut
      ? [
          [
            '/',
            () => {
              // Not from under an open dialog (the sign-in dialog, a confirmation): focus belongs there.
              if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
              inputRef.current?.focus();
              inputRef.current?.select();
            },
          ],
        ]
      : [],
  );

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const raw = value.trim().replace(/^#\s*/, '');
    if (raw === '') {
      setError('Type a ticket number, for example 101');
      return;
    }
    const id = parseTicketId(raw);
    if (id === null) {
      setError(
        `"${raw.length > 20 ? `${raw.slice(0, 20)}…` : raw}" is not a ticket number. Use digits only, for example 101.`,
      );
      return;
    }
    setError(null);
    setValue('');
    inputRef.current?.blur();
    onOpen(id);
  }

  return (
    <form role="search" aria-label="Go to ticket" onSubmit={handleSubmit} className={classes.goToForm}>
      <TextInput
        ref={inputRef}
        label="Go to ticket"
        labelProps={{ className: classes.visuallyHidden }}
        placeholder={phone ? '#' : 'Go to ticket…'}
        value={value}
        onChange={(event) => {
          setValue(event.currentTarget.value);
          if (error) setError(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            setValue('');
            setError(null);
            event.currentTarget.blur();
          }
        }}
        error={error}
        errorProps={{ role: 'alert' }}
        description={withShortcut ? 'Press / to come back here; Enter opens the ticket.' : undefined}
        classNames={{ error: classes.goToError, root: classes.goToRoot, description: classes.visuallyHidden }}
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        leftSection={<SearchIcon size={16} />}
        rightSection={
          withShortcut ? (
            <Kbd size="xs" aria-hidden="true" className={classes.goToShortcut}>
              /
            </Kbd>
          ) : null
        }
        rightSectionPointerEvents="none"
      />
    </form>
  );
}
