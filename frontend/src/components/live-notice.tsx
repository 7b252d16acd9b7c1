import { Alert, Paragraph } from '@digdir/designsystemet-react';

/** A polite live region that is always in the page, so screen readers announce the
 * confirmation of an action (saved, sent, removed) when its text changes. */
export function LiveNotice({ message, color = 'success' }: { message?: string | null; color?: 'success' | 'info' }) {
  return (
    <div aria-live="polite" role="status" className="live-notice">
      {message ? (
        <Alert data-color={color}>
          <Paragraph>{message}</Paragraph>
        </Alert>
      ) : null}
    </div>
  );
}
