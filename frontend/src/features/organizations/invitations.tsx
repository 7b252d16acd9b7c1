import { Button, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import type { MemberRole, Organization } from '../../api/types';
import { useI18n } from '../../app/i18n';
import { fieldErrorsOf, firstError, SelectField } from '../../components/form-fields';
import { FormErrors } from '../../components/form-errors';
import { ErrorAlert, QueryState } from '../../components/query-state';
import { useInvitations, useInvite, useRevokeInvitation } from './api';

function InviteForm({ org, notify }: { org: Organization; notify: (message: string) => void }) {
  const { t } = useI18n();
  const invite = useInvite(String(org.id));
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MemberRole>('member');
  const errors = fieldErrorsOf(invite.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // mutateAsync settles even if a refetch of the organisation remounted this form meanwhile.
    invite.mutateAsync({ email: email.trim(), role }).then(
      (sent) => {
        notify(t('invitations.sent', { email: sent.email }));
        setEmail('');
        setRole('member');
      },
      () => undefined,
    );
  };
  const roles: { code: MemberRole; label: string }[] = [
    { code: 'member', label: t('members.roles.member') },
    { code: 'admin', label: t('members.roles.admin') },
  ];
  return (
    <form className="form" onSubmit={submit} noValidate>
      <FormErrors error={invite.error} labels={{ email: t('invitations.email'), role: t('invitations.role') }} />
      <div className="row">
        <Textfield label={t('invitations.email')} type="email" autoComplete="off" required value={email} onChange={(e) => setEmail(e.target.value)} error={firstError(errors, 'email')} />
        <SelectField label={t('invitations.role')} value={role} includeEmpty={false} options={roles} onChange={(v) => setRole(v as MemberRole)} error={firstError(errors, 'role')} />
      </div>
      <div>
        <Button type="submit" loading={invite.isPending}>
          {t('invitations.send')}
        </Button>
      </div>
    </form>
  );
}

function PendingInvitations({ org, notify }: { org: Organization; notify: (message: string) => void }) {
  const { t, fmt } = useI18n();
  const invitations = useInvitations(String(org.id), true);
  const revoke = useRevokeInvitation(String(org.id));
  return (
    <div className="stack">
      <Heading level={3} data-size="xs" id="pending-invitations">
        {t('invitations.pending')}
      </Heading>
      {revoke.isError ? <ErrorAlert error={revoke.error} /> : null}
      <QueryState query={invitations} isEmpty={(d) => d.length === 0} empty={t('invitations.empty')}>
        {(items) => (
          <Table className="table-reflow" aria-labelledby="pending-invitations">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('invitations.email')}</Table.HeaderCell>
                <Table.HeaderCell>{t('invitations.role')}</Table.HeaderCell>
                <Table.HeaderCell>{t('invitations.expires')}</Table.HeaderCell>
                <Table.HeaderCell>{t('members.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((i) => (
                <Table.Row key={i.id}>
                  <Table.Cell data-label={t('invitations.email')}>{i.email}</Table.Cell>
                  <Table.Cell data-label={t('invitations.role')}>{t(`members.roles.${i.role ?? 'member'}`)}</Table.Cell>
                  <Table.Cell data-label={t('invitations.expires')}>{fmt.date(i.expires_at)}</Table.Cell>
                  <Table.Cell>
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      aria-label={t('invitations.revokeFor', { email: i.email })}
                      loading={revoke.isPending && revoke.variables.id === i.id}
                      onClick={() => revoke.mutate(i, { onSuccess: () => notify(t('invitations.revoked', { email: i.email })) })}
                    >
                      {t('invitations.revoke')}
                    </Button>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </QueryState>
    </div>
  );
}

/** Administrators invite colleagues by e-mail and see the invitations not yet accepted. */
export function InvitationsSection({ org, notify }: { org: Organization; notify: (message: string) => void }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="invitations-heading" className="stack">
      <Heading level={2} data-size="sm" id="invitations-heading">
        {t('invitations.title')}
      </Heading>
      <Paragraph data-size="sm">{t('invitations.intro')}</Paragraph>
      <InviteForm org={org} notify={notify} />
      <PendingInvitations org={org} notify={notify} />
    </section>
  );
}
