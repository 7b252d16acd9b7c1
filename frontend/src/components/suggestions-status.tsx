import { Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useI18n } from '../app/i18n';

/** How often a page asks again while suggestions are computed in the background. */
export const SUGGESTIONS_POLL_MS = 2000;

/** Polls a need or solution (TanStack `refetchInterval`) while the API says its suggestions are
 * being computed in the background (`suggestions_pending`), and stops when they are ready. */
export function pollWhileSuggestionsPending(query: { state: { data?: { suggestions_pending?: boolean } } }): number | false {
  return query.state.data?.suggestions_pending ? SUGGESTIONS_POLL_MS : false;
}

/** Fetches a list of suggestions again once when their computation ends. Returns whether it
 * has ended since the page showed it running (then the list is the new one). */
export function useSuggestionsReady(pending: boolean, refetch: () => unknown): boolean {
  const [seenPending, setSeenPending] = useState(pending);
  if (pending && !seenPending) setSeenPending(true);
  const ready = seenPending && !pending;
  useEffect(() => {
    if (ready) void refetch();
  }, [ready, refetch]);
  return ready;
}

/** "Computing suggestions …" with a spinner, outside any live region (for a second list that
 * the same run computes, next to a SuggestionsStatus that announces it). */
export function SuggestionsComputing() {
  const { t } = useI18n();
  return (
    <Paragraph data-size="sm" className="row">
      <Spinner aria-hidden="true" data-size="sm" />
      <span>{t('match.computing')}</span>
    </Paragraph>
  );
}

/** A polite live region: "Computing suggestions …" with a spinner while the background worker
 * computes them; once ready, screen readers hear that the list was updated. */
export function SuggestionsStatus({ pending, ready }: { pending: boolean; ready: boolean }) {
  const { t } = useI18n();
  return (
    <div role="status" aria-live="polite">
      {pending ? (
        <SuggestionsComputing />
      ) : ready ? (
        <span className="visually-hidden">{t('match.computed')}</span>
      ) : null}
    </div>
  );
}
