import { Button } from '@mantine/core';
import { Link } from 'react-router';
import classes from './shell.module.css';

function PlusIcon() {
  return (
    <svg
      width={16}
      height={16}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2.2}
      aria-hidden
    >
      <path d="M12 5v14M5 12h14" strokeLinecap="round" />
    </svg>
  );
}

/** `New ticket`: opens the template picker (issue 4, Create). On a phone only the icon shows; the name stays. */
export function NewTicketButton() {
  return (
    <Button component={Link} to="/tickets/new" variant="light" leftSection={<PlusIcon />} px="xs">
      <span className={classes.phoneHidden}>New ticket</span>
    </Button>
  );
}
