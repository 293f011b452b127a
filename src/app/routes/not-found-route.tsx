import { Button } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { ErrorState } from '../../ui/status-states.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { useDocumentTitle } from '../use-document-title.ts';

export function NotFoundRoute() {
  const location = useLocation();
  useDocumentTitle('Page not found');
  return (
    <>
      <PageHeader title="Page not found" />
      <ErrorState
        color="gray"
        title="There is no page at this address"
        message={`Nothing lives at ${location.pathname}. Check the link, or open a ticket by its number with Go to ticket.`}
        actions={
          <Button component={Link} to="/" size="xs" variant="default">
            Go to the home page
          </Button>
        }
      />
    </>
  );
}
