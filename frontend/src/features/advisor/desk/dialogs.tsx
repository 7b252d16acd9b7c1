import { Button, Dialog, Heading, Paragraph, Textarea, Field, Label, ValidationMessage } from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent } from 'react';
import { useAdvisorI18n } from '../texts';
import type { ShortcutKey } from './shortcuts';

export type ShortcutHelp = { key: ShortcutKey; label: string };

/** The list of shortcuts ("?"): each key and what it does. Escape or the close button close it. */
export function ShortcutsDialog({ open, onClose, keys }: { open: boolean; onClose: () => void; keys: ShortcutHelp[] }) {
  const { t } = useAdvisorI18n();
  const headingId = useId();
  return (
    <Dialog open={open} onClose={onClose} closedby="any" closeButton={t('advisor.desk.close')} aria-labelledby={headingId}>
      <Dialog.Block>
        <Heading level={2} data-size="xs" id={headingId}>
          {t('advisor.desk.shortcuts')}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <dl className="dl shortcut-list">
          {keys.map(({ key, label }) => (
            <div key={key} className="shortcut-list__item">
              <dt>
                <kbd>{key}</kbd>
              </dt>
              <dd>{label}</dd>
            </div>
          ))}
        </dl>
        <Paragraph data-size="sm">{t('advisor.desk.shortcutsNote')}</Paragraph>
      </Dialog.Block>
    </Dialog>
  );
}

/**
 * Asks once for the reason that rejects every chosen suggestion. The reason is required: the
 * dialog says so at its field before anything is sent. `error` holds the server's refusal.
 */
export function RejectDialog({
  open,
  count,
  pending,
  onClose,
  onReject,
}: {
  open: boolean;
  count: number;
  pending: boolean;
  onClose: () => void;
  onReject: (reason: string) => void;
}) {
  const { t } = useAdvisorI18n();
  const headingId = useId();
  const fieldId = useId();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      document.getElementById(fieldId)?.focus();
      return;
    }
    onReject(reason.trim());
  };
  const close = () => {
    setReason('');
    setMissing(false);
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} closeButton={t('advisor.desk.close')} aria-labelledby={headingId}>
      <form onSubmit={submit} className="stack" noValidate>
        <Dialog.Block>
          <Heading level={2} data-size="xs" id={headingId}>
            {t('advisor.desk.rejectTitle', { count })}
          </Heading>
        </Dialog.Block>
        <Dialog.Block className="stack">
          <Field>
            <Label htmlFor={fieldId}>{t('advisor.desk.rejectReason')}</Label>
            <Paragraph data-size="sm" id={`${fieldId}-desc`}>
              {t('advisor.desk.rejectReasonHelp')}
            </Paragraph>
            <Textarea
              id={fieldId}
              rows={3}
              required
              aria-required="true"
              aria-invalid={missing ? true : undefined}
              aria-describedby={[`${fieldId}-desc`, missing ? `${fieldId}-err` : ''].filter(Boolean).join(' ')}
              value={reason}
              maxLength={2000}
              onChange={(e) => {
                setReason(e.target.value);
                if (e.target.value.trim()) setMissing(false);
              }}
            />
            {missing ? <ValidationMessage id={`${fieldId}-err`}>{t('advisor.desk.reasonRequired')}</ValidationMessage> : null}
          </Field>
        </Dialog.Block>
        <Dialog.Block className="row">
          <Button type="submit" data-color="danger" loading={pending}>
            {t('advisor.desk.rejectConfirm', { count })}
          </Button>
          <Button type="button" variant="tertiary" onClick={close}>
            {t('common.cancel')}
          </Button>
        </Dialog.Block>
      </form>
    </Dialog>
  );
}
