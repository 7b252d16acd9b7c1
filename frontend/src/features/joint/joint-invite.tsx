import { Button, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useJointI18n } from './texts';
import { fieldErrorsOf, firstError } from '../../components/form-fields';
import { LiveNotice } from '../../components/live-notice';
import { ErrorAlert } from '../../components/query-state';
import { useJointInvite, useNeedJoint } from './api';

type Other = { id: number; title: string; organization: { name: string } };

/** On a similar need's card: the need's buyer invites the other need's buyer to procure
 * together, with an optional greeting. Not offered for a need already in the need's group
 * (member or invited), nor when another buyer leads the group (only its lead invites). */
export function JointInviteAction({ needId, other }: { needId: number; other: Other }) {
  const { t } = useJointI18n();
  const joint = useNeedJoint(String(needId));
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const invite = useJointInvite();
  const errors = fieldErrorsOf(invite.error);
  const messageError = firstError(errors, 'message');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate({ needId, otherNeed: other.id, message }, { onSuccess: () => setOpen(false) });
  };
  const sent = invite.isSuccess ? t('joint.invite.sent', { org: other.organization.name }) : null;
  const group = joint.data?.group;
  const inGroup = group?.members.some((m) => m.need.id === other.id && (m.state === 'accepted' || m.state === 'invited'));
  if (!joint.data?.can_invite || (group && !group.can_edit) || (inGroup && !invite.isSuccess)) return null;
  return (
    <div className="stack">
      <LiveNotice message={sent} />
      {invite.isError && !messageError ? <ErrorAlert error={invite.error} /> : null}
      {!open && !invite.isSuccess ? (
        <div>
          <Button variant="secondary" data-size="sm" aria-label={t('joint.invite.actionFor', { need: other.title })} onClick={() => setOpen(true)}>
            {t('joint.invite.action')}
          </Button>
        </div>
      ) : null}
      {open ? (
        <form className="stack" onSubmit={submit} aria-label={t('joint.invite.formLabel', { org: other.organization.name })}>
          <Textfield
            multiline
            rows={3}
            label={t('joint.invite.message')}
            description={t('joint.invite.messageHelp', { org: other.organization.name })}
            value={message}
            maxLength={2000}
            error={messageError}
            onChange={(e) => setMessage(e.target.value)}
          />
          <div className="row">
            <Button type="submit" data-size="sm" loading={invite.isPending}>
              {t('joint.invite.send')}
            </Button>
            <Button type="button" variant="tertiary" data-size="sm" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
