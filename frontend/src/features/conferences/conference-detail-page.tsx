import { Alert, Button, Heading, Link as DsLink, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { Conference } from '../../api/types';
import { useI18n, type MessageKey } from '../../app/i18n';
import { firstOrgOfKind, useCurrentUser, userRoles } from '../../app/session';
import { isMemberOf } from '../../components/ids';
import { PageHeading } from '../../components/page';
import { fieldErrorsOf, firstError } from '../../components/form-fields';
import { ErrorAlert, QueryState } from '../../components/query-state';
import { useCancelConference, usePublishConference, useRegistrations, useConference } from './api';
import { RegistrationForm } from './registration-form';
import { Questions } from './questions';
import { Slots } from './slots';
import { OrgName } from '../../components/org-name';
import { ConferenceShared } from '../dialogue-record/shared-log';
import { ConferenceInvitations, OwnInvitation } from '../invitations/invitation-list';

function Registrations({ conferenceId }: { conferenceId: string }) {
  const { t } = useI18n();
  const regs = useRegistrations(conferenceId, true);
  return (
    <section aria-labelledby="regs-heading" className="stack">
      <div className="row">
        <Heading level={2} data-size="sm" id="regs-heading">
          {t('conference.registrations')}
        </Heading>
        <Button asChild variant="secondary" data-size="sm">
          <a href={`/api/conferences/${conferenceId}/registrations/export/`} download>
            {t('conference.exportCsv')}
          </a>
        </Button>
        <Button asChild variant="secondary" data-size="sm">
          <a href={`/api/conferences/${conferenceId}/registrations/export/?file_format=xlsx`} download>
            {t('conference.exportXlsx')}
          </a>
        </Button>
      </div>
      <QueryState query={regs} isEmpty={(d) => d.length === 0} empty={t('conference.noRegistrations')}>
        {(items) => (
          <Table>
            <caption className="visually-hidden">{t('conference.registrations')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('conference.organization')}</Table.HeaderCell>
                <Table.HeaderCell>{t('conference.participants')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((r) => (
                <Table.Row key={r.id}>
                  <Table.Cell>
                    <OrgName org={r.organization} />
                  </Table.Cell>
                  <Table.Cell>{r.participants.map((p) => `${p.name} <${p.email}>${p.role ? ` (${p.role})` : ''}`).join(', ')}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </QueryState>
    </section>
  );
}

/** The host (or an advisor) cancels an announced conference, with a reason that the page
 * shows and every registered supplier is sent. */
function CancelConference({ conferenceId }: { conferenceId: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const cancel = useCancelConference(conferenceId);
  const errors = fieldErrorsOf(cancel.error);
  if (!open) {
    return (
      <Button variant="secondary" data-color="danger" onClick={() => setOpen(true)}>
        {t('conference.cancel')}
      </Button>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    cancel.mutate(reason);
  };
  return (
    <form onSubmit={submit} className="form" aria-label={t('conference.cancel')} noValidate>
      <Textfield
        multiline
        rows={3}
        label={t('conference.cancelReason')}
        description={t('conference.cancelHint')}
        required
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={firstError(errors, 'reason')}
      />
      <div className="row">
        <Button type="submit" data-color="danger" loading={cancel.isPending}>
          {t('conference.cancelConfirm')}
        </Button>
        <Button type="button" variant="tertiary" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </Button>
      </div>
      {cancel.isError && !firstError(errors, 'reason') ? <ErrorAlert error={cancel.error} /> : null}
    </form>
  );
}

function ConferenceView({ conf }: { conf: Conference }) {
  const { t, fmt } = useI18n();
  const user = useCurrentUser();
  const roles = userRoles(user);
  const id = String(conf.id);
  const manage = roles.has('advisor') || isMemberOf(user, conf.organization.id);
  const supplierOrg = firstOrgOfKind(user, 'supplier');
  const supplier = !!supplierOrg;
  const mine = useRegistrations(id, supplier && !manage);
  const registered = (mine.data ?? []).some((r) => r.organization.id === supplierOrg?.id);
  const cancelled = conf.status === 'cancelled';
  const open = !cancelled && new Date(conf.registration_deadline).getTime() > Date.now();
  const held = new Date(conf.ends_at).getTime() <= Date.now();
  const started = conf.status === 'published' && new Date(conf.starts_at).getTime() <= Date.now();
  const publish = usePublishConference(id);
  return (
    <article className="stack">
      <PageHeading title={conf.title}>{conf.title}</PageHeading>
      <div className="row">
        <Tag>{conf.format_label}</Tag>
        {conf.status ? (
          <Tag data-color={conf.status === 'published' ? 'success' : cancelled ? 'danger' : 'neutral'}>{t(`conference.status.${conf.status}` as MessageKey)}</Tag>
        ) : null}
        <OrgName org={conf.organization} />
      </div>
      {cancelled ? (
        <Alert data-color="danger">
          <Heading level={2} data-size="xs">
            {t('conference.cancelledTitle')}
          </Heading>
          <Paragraph>{t('conference.cancelledAt', { when: fmt.dateTime(conf.cancelled_at) })}</Paragraph>
          {conf.cancellation_reason ? <Paragraph className="prewrap">{t('conference.cancellationReason', { reason: conf.cancellation_reason })}</Paragraph> : null}
        </Alert>
      ) : null}
      <dl className="dl">
        <dt>{t('conference.startsAt')}</dt>
        <dd>{fmt.dateTime(conf.starts_at)}</dd>
        <dt>{t('conference.endsAt')}</dt>
        <dd>{fmt.dateTime(conf.ends_at)}</dd>
        <dt>{t('conference.registrationDeadline')}</dt>
        <dd>{fmt.dateTime(conf.registration_deadline)}</dd>
        {conf.location ? (
          <>
            <dt>{t('conference.fields.location')}</dt>
            <dd>{conf.location}</dd>
          </>
        ) : null}
        {conf.stream_url ? (
          <>
            <dt>{t('conference.fields.streamUrl')}</dt>
            <dd>
              <DsLink href={conf.stream_url}>{conf.stream_url}</DsLink>
            </dd>
          </>
        ) : null}
        {conf.capacity ? (
          <>
            <dt>{t('conference.fields.capacity')}</dt>
            <dd>{conf.capacity}</dd>
          </>
        ) : null}
      </dl>
      {conf.needs && conf.needs.length > 0 ? (
        <section aria-labelledby="conf-needs" className="stack">
          <Heading level={2} data-size="sm" id="conf-needs">
            {t('conference.needs')}
          </Heading>
          <ul>
            {conf.needs.map((n) => (
              <li key={n.id}>
                <DsLink asChild>
                  <Link to={`/needs/${n.id}`}>{n.title}</Link>
                </DsLink>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {conf.description ? <Paragraph className="prewrap">{conf.description}</Paragraph> : null}
      {conf.agenda ? (
        <section aria-labelledby="agenda" className="stack">
          <Heading level={2} data-size="sm" id="agenda">
            {t('conference.fields.agenda')}
          </Heading>
          <Paragraph className="prewrap">{conf.agenda}</Paragraph>
        </section>
      ) : null}
      <Alert data-color="info">
        <Paragraph data-size="sm">{t('conference.equalTreatment')}</Paragraph>
      </Alert>
      {manage && !cancelled ? (
        <div className="row">
          <Button asChild variant="secondary">
            <Link to={`/conferences/${id}/edit`}>{t('common.edit')}</Link>
          </Button>
          {conf.status === 'draft' ? (
            <Button loading={publish.isPending} onClick={() => publish.mutate()}>
              {t('conference.publish')}
            </Button>
          ) : null}
          {conf.status === 'published' && !held ? <CancelConference conferenceId={id} /> : null}
        </div>
      ) : null}
      {publish.isError ? <ErrorAlert error={publish.error} /> : null}
      {supplier ? (
        <section aria-labelledby="register-heading" className="stack">
          <Heading level={2} data-size="sm" id="register-heading">
            {t('conference.registerTitle')}
          </Heading>
          {!manage ? <OwnInvitation conferenceId={id} host={conf.organization.name} registered={registered} /> : null}
          {cancelled ? (
            <Paragraph>{t('conference.registrationCancelled')}</Paragraph>
          ) : registered ? (
            <Paragraph>{t('conference.alreadyRegistered')}</Paragraph>
          ) : open ? (
            <RegistrationForm conferenceId={id} organization={supplierOrg?.id ?? 0} />
          ) : (
            <Paragraph>{t('conference.registrationClosed')}</Paragraph>
          )}
        </section>
      ) : null}
      {!user ? (
        <Paragraph>
          <DsLink asChild>
            <Link to={`/login?next=/conferences/${id}`}>{t('conference.signInToRegister')}</Link>
          </DsLink>
        </Paragraph>
      ) : null}
      {user ? <Questions conferenceId={id} host={manage} askAs={registered && !cancelled ? supplierOrg?.id : undefined} /> : null}
      <Slots conferenceId={id} manage={manage} supplierOrg={supplierOrg?.id} cancelled={cancelled} />
      {user && (manage || registered) ? <ConferenceShared conferenceId={id} host={isMemberOf(user, conf.organization.id)} started={started} /> : null}
      {manage ? <Registrations conferenceId={id} /> : null}
      {manage && conf.status !== 'draft' ? <ConferenceInvitations conferenceId={id} /> : null}
    </article>
  );
}

export function ConferenceDetailPage() {
  const { id } = useParams();
  const conf = useConference(id);
  return <QueryState query={conf}>{(c) => <ConferenceView conf={c} />}</QueryState>;
}
