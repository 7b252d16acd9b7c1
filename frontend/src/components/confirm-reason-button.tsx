import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../app/i18n';
import { fieldErrorsOf, firstError } from './form-fields';
import { ErrorAlert } from './query-state';

/** A button that cancels what another party planned around (a booked meeting): it first asks,
 * in place, with an optional reason the other party is sent. `onConfirm(reason, done)` runs on
 * the confirm button; calling `done` closes the question. The server's message about the reason
 * stands at the field, any other under the buttons. Focus moves to the reason field. */
export function ConfirmReasonButton({
  children,
  label,
  question,
  reasonHint,
  confirm,
  loading,
  error,
  onConfirm,
}: {
  children: ReactNode;
  /** The button's accessible name (and the question's group name). */
  label: string;
  question: string;
  reasonHint: string;
  /** The confirm button's text. */
  confirm: string;
  loading?: boolean;
  error?: unknown;
  onConfirm: (reason: string, done: () => void) => void;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (asking) fieldRef.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <Button variant="secondary" data-size="sm" data-color="danger" aria-label={label} onClick={() => setAsking(true)}>
        {children}
      </Button>
    );
  }
  const reasonError = firstError(fieldErrorsOf(error), 'reason');
  const done = () => {
    setAsking(false);
    setReason('');
  };
  return (
    <div role="group" aria-label={label} className="confirm stack">
      <Paragraph data-size="sm">{question}</Paragraph>
      <Textfield
        ref={fieldRef}
        multiline
        rows={2}
        data-size="sm"
        label={t('cancelReason.label')}
        description={reasonHint}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={reasonError}
      />
      <div className="row">
        <Button data-size="sm" data-color="danger" loading={loading} onClick={() => onConfirm(reason, done)}>
          {confirm}
        </Button>
        <Button data-size="sm" variant="tertiary" onClick={done}>
          {t('cancelReason.keep')}
        </Button>
      </div>
      {error && !reasonError ? <ErrorAlert error={error} /> : null}
    </div>
  );
}
