import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../app/i18n';

/** A button for an action that cannot be undone: it first asks, in place, and runs
 * `onConfirm` only after the second click. Focus moves to the question's confirm button. */
export function ConfirmButton({
  children,
  question,
  onConfirm,
  loading,
  label,
  variant = 'secondary',
}: {
  children: ReactNode;
  question: string;
  onConfirm: () => void;
  loading?: boolean;
  label?: string;
  variant?: 'primary' | 'secondary' | 'tertiary';
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <Button variant={variant} data-size="sm" data-color="danger" aria-label={label} loading={loading} onClick={() => setAsking(true)}>
        {children}
      </Button>
    );
  }
  return (
    <div role="group" aria-label={label ?? (typeof children === 'string' ? children : undefined)} className="confirm">
      <Paragraph data-size="sm">{question}</Paragraph>
      <div className="row">
        <Button
          ref={confirmRef}
          data-size="sm"
          data-color="danger"
          loading={loading}
          onClick={() => {
            setAsking(false);
            onConfirm();
          }}
        >
          {t('members.confirm')}
        </Button>
        <Button data-size="sm" variant="tertiary" onClick={() => setAsking(false)}>
          {t('common.cancel')}
        </Button>
      </div>
    </div>
  );
}
