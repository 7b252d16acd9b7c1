import { ErrorSummary } from '@digdir/designsystemet-react';
import type { MouseEvent } from 'react';
import { ApiError, type FieldErrors } from '../api/client';
import { useI18n, type MessageKey } from '../app/i18n';
import { ErrorAlert } from './query-state';

const NON_FIELD = new Set(['non_field_errors', 'detail']);

/** The field a summary link points at: its id, else the control named after the field in the
 * same form (forms that give their fields no ids). */
function fieldElement(from: HTMLElement, field: string, id: string | undefined): HTMLElement | null {
  const byId = id ? document.getElementById(id) : null;
  if (byId) return byId;
  const form = from.closest('form') ?? document;
  return form.querySelector<HTMLElement>(`[name="${CSS.escape(field)}"]`);
}

/** Moves focus to the field and shows it with its label above (GOV.UK's and NAV's summary). */
function focusField(event: MouseEvent<HTMLAnchorElement>, field: string, id: string | undefined): void {
  const target = fieldElement(event.currentTarget, field, id);
  if (!target) return;
  event.preventDefault();
  const label = target.id ? document.querySelector(`label[for="${CSS.escape(target.id)}"]`) : null;
  (label ?? target).scrollIntoView?.({ block: 'start' }); // not in jsdom
  target.focus({ preventScroll: true });
}

/**
 * The form's errors in one place, each a link that moves focus to its field. `clientErrors`
 * (checked before sending) come first: while there are any, nothing was sent. A refusal with
 * no field (a wrong password) is an alert; other failures (network, 5xx) too.
 */
export function FormErrors({
  error,
  clientErrors,
  labels,
  ids = {},
  heading = 'errors.formHeading',
}: {
  error: unknown;
  clientErrors?: FieldErrors;
  labels: Record<string, string>;
  ids?: Record<string, string>;
  heading?: MessageKey;
}) {
  const { t } = useI18n();
  const local = Object.entries(clientErrors ?? {}).filter(([, messages]) => messages.length > 0);
  if (local.length === 0 && !error) return null;
  if (local.length === 0 && (!(error instanceof ApiError) || error.status !== 400)) return <ErrorAlert error={error} />;
  const entries = local.length > 0 ? local : Object.entries((error as ApiError).fieldErrors);
  if (entries.length === 0 || entries.every(([field]) => NON_FIELD.has(field))) return <ErrorAlert error={error} />;
  return (
    <ErrorSummary>
      <ErrorSummary.Heading>{t(heading)}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {entries.map(([field, messages]) => {
          const text = `${labels[field] ? `${labels[field]}: ` : ''}${messages.join(' ')}`;
          return (
            <ErrorSummary.Item key={field}>
              {NON_FIELD.has(field) ? (
                text
              ) : (
                <ErrorSummary.Link href={`#${ids[field] ?? field}`} onClick={(event) => focusField(event, field, ids[field])}>
                  {text}
                </ErrorSummary.Link>
              )}
            </ErrorSummary.Item>
          );
        })}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
