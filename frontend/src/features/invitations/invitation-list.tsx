import { Alert, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import type { ConferenceInvitation } from '../../api/types';
import { useI18n } from '../../app/i18n';
import { OrgName } from '../../components/org-name';
import { QueryState } from '../../components/query-state';
import { useInvitations } from './api';

/** The host's (and advisors') list of the suppliers invited to the conference, and whether
 * each has registered. */
export function ConferenceInvitations({ conferenceId }: { conferenceId: string }) {
  const { t, fmt } = useI18n();
  const invitations = useInvitations(conferenceId, true);
  return (
    <section aria-labelledby="invitations-heading" className="stack">
      <Heading level={2} data-size="sm" id="invitations-heading">
        {t('invitation.listTitle')}
      </Heading>
      <QueryState query={invitations} isEmpty={(d) => d.length === 0} empty={t('invitation.listEmpty')}>
        {(items) => (
          <Table>
            <caption className="visually-hidden">{t('invitation.listTitle')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('conference.organization')}</Table.HeaderCell>
                <Table.HeaderCell>{t('invitation.solution')}</Table.HeaderCell>
                <Table.HeaderCell>{t('invitation.invitedBy')}</Table.HeaderCell>
                <Table.HeaderCell>{t('invitation.registered')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((i) => (
                <Table.Row key={i.id}>
                  <Table.Cell>
                    <OrgName org={i.organization} />
                  </Table.Cell>
                  <Table.Cell>{i.solution?.title ?? '–'}</Table.Cell>
                  <Table.Cell>{t('invitation.invitedByAt', { person: i.invited_by || '–', when: fmt.dateTime(i.created_at) })}</Table.Cell>
                  <Table.Cell>
                    <Tag data-color={i.registered ? 'success' : 'neutral'}>{i.registered ? t('invitation.yes') : t('invitation.no')}</Tag>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </QueryState>
    </section>
  );
}

/** A supplier's own invitation to the conference, with the buyer's message (the API gives a
 * supplier its own invitations only). */
export function OwnInvitation({ conferenceId, host, registered }: { conferenceId: string; host: string; registered: boolean }) {
  const { t, fmt } = useI18n();
  const invitations = useInvitations(conferenceId, true);
  const own: ConferenceInvitation | undefined = invitations.data?.[0];
  if (!own) return null;
  return (
    <Alert data-color="info" data-testid="own-invitation">
      <Paragraph>{t(registered ? 'invitation.ownRegistered' : 'invitation.own', { host, when: fmt.dateTime(own.created_at) })}</Paragraph>
      {own.message ? <Paragraph className="prewrap">{t('invitation.ownMessage', { person: own.invited_by, message: own.message })}</Paragraph> : null}
    </Alert>
  );
}
