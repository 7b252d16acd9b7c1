import { Alert, Button, Heading, Link as DsLink, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useResearchI18n, type ResearchKey } from './texts';
import { RequireAuth } from '../../app/require-auth';
import { ConfirmButton } from '../../components/confirm-button';
import { OrgName } from '../../components/org-name';
import { PageHeading } from '../../components/page';
import { ErrorAlert, QueryState } from '../../components/query-state';
import { usePartnerResponses, usePartnership, usePartnershipAction, useUpdatePartnership, type Partnership } from './api';

const STATE_COLOR = { invited: 'info', accepted: 'success', declined: 'neutral', ended: 'neutral' } as const;

export function StateTag({ state = 'invited' }: { state: Partnership['state'] }) {
  const { t } = useResearchI18n();
  return <Tag data-color={STATE_COLOR[state]}>{t(`research.states.${state}` as ResearchKey)}</Tag>;
}

/** The need as its research partner reads it, with what the buyer shares. */
function SharedNeed({ partnership }: { partnership: Partnership }) {
  const { t } = useResearchI18n();
  const need = partnership.need;
  if (!need) return null;
  return (
    <section className="stack" aria-labelledby="partner-need">
      <Heading level={2} data-size="sm" id="partner-need">
        {t('research.partnership.need')}
      </Heading>
      {need.status === 'draft' ? <Tag data-color="warning">{t('research.partnership.draftNeed')}</Tag> : null}
      <Paragraph className="prewrap">{need.description}</Paragraph>
      {need.desired_effect ? (
        <>
          <Heading level={3} data-size="xs">
            {t('need.fields.desiredEffect')}
          </Heading>
          <Paragraph className="prewrap">{need.desired_effect}</Paragraph>
        </>
      ) : null}
      <dl className="facts">
        <dt>{t('need.fields.sector')}</dt>
        <dd>{need.sector?.label ?? '–'}</dd>
        <dt>{t('research.partnership.stage')}</dt>
        <dd>{need.stage?.label ?? '–'}</dd>
        <dt>{t('need.fields.county')}</dt>
        <dd>{need.county?.label ?? '–'}</dd>
      </dl>
      <Heading level={3} data-size="xs">
        {t('research.partnership.shared')}
      </Heading>
      <Paragraph className="prewrap">{partnership.shared_note || t('research.partnership.nothingShared')}</Paragraph>
    </section>
  );
}

function PartnerResponses({ partnership }: { partnership: Partnership }) {
  const { t } = useResearchI18n();
  const reads = partnership.is_partner && partnership.reads_responses;
  const responses = usePartnerResponses(String(partnership.id), reads);
  if (!partnership.is_partner || partnership.state !== 'accepted') return null;
  return (
    <section className="stack" aria-labelledby="partner-responses">
      <Heading level={2} data-size="sm" id="partner-responses">
        {t('research.partnership.responses')}
      </Heading>
      {!reads ? (
        <Paragraph>{t('research.partnership.noAccess')}</Paragraph>
      ) : (
        <QueryState query={responses} isEmpty={(d) => d.length === 0} empty={t('research.partnership.noResponses')}>
          {(list) => (
            <ul className="stack">
              {list.map((r) => (
                <li key={r.id}>
                  <Heading level={3} data-size="xs">
                    {r.summary}
                  </Heading>
                  <OrgName org={r.organization} />
                  {r.sections.map((s, i) => (
                    <Paragraph key={i} className="prewrap">
                      {s.withheld ? <em>{t('research.partnership.withheld')}</em> : s.text}
                    </Paragraph>
                  ))}
                </li>
              ))}
            </ul>
          )}
        </QueryState>
      )}
      {reads ? <Paragraph data-size="sm">{t('research.partnership.logged')}</Paragraph> : null}
    </section>
  );
}

function BuyerShare({ partnership }: { partnership: Partnership }) {
  const { t } = useResearchI18n();
  const [note, setNote] = useState(partnership.shared_note);
  const update = useUpdatePartnership(String(partnership.id));
  if (!partnership.is_buyer || (partnership.state !== 'invited' && partnership.state !== 'accepted')) return null;
  return (
    <section className="stack" aria-labelledby="buyer-share">
      <Heading level={2} data-size="sm" id="buyer-share">
        {t('research.partnership.shareTitle')}
      </Heading>
      <Textfield label={t('research.partnership.shared')} description={t('research.partnership.shareHint')} multiline rows={4} value={note} onChange={(e) => setNote(e.target.value)} />
      <div className="row">
        <Button variant="secondary" loading={update.isPending} onClick={() => update.mutate({ shared_note: note })}>
          {t('common.save')}
        </Button>
      </div>
      {update.isError ? <ErrorAlert error={update.error} /> : null}
      {update.isSuccess ? (
        <Paragraph role="status" data-size="sm">
          {t('research.partnership.saved')}
        </Paragraph>
      ) : null}
    </section>
  );
}

function PartnershipView({ partnership }: { partnership: Partnership }) {
  const { t } = useResearchI18n();
  const id = String(partnership.id);
  const action = usePartnershipAction(id);
  const open = partnership.state === 'invited' || partnership.state === 'accepted';
  const title = partnership.need_ref.title;
  return (
    <article className="stack">
      <PageHeading title={title}>{title}</PageHeading>
      <div className="row">
        <StateTag state={partnership.state} />
        <span>{t('research.partnership.buyer')}</span>
        <OrgName org={partnership.need_ref.organization} />
        <span>{t('research.partnership.institution')}</span>
        <OrgName org={partnership.organization} />
      </div>
      {partnership.is_partner && partnership.state === 'invited' ? (
        <Alert data-color="info">
          <Paragraph>{t('research.partnership.invitation', { buyer: partnership.need_ref.organization.name })}</Paragraph>
          <div className="row">
            <Button loading={action.isPending} onClick={() => action.mutate('accept')}>
              {t('research.partnership.accept')}
            </Button>
            <Button variant="secondary" loading={action.isPending} onClick={() => action.mutate('decline')}>
              {t('research.partnership.decline')}
            </Button>
          </div>
        </Alert>
      ) : null}
      {!open ? <Paragraph>{t('research.partnership.closed')}</Paragraph> : null}
      {action.isError ? <ErrorAlert error={action.error} /> : null}
      {partnership.is_buyer ? (
        <Paragraph>
          <DsLink asChild>
            <Link to={`/needs/${partnership.need_ref.id}`}>{t('research.partnership.toNeed')}</Link>
          </DsLink>
        </Paragraph>
      ) : null}
      <SharedNeed partnership={partnership} />
      <PartnerResponses partnership={partnership} />
      <BuyerShare partnership={partnership} />
      {open && (partnership.is_partner || partnership.is_buyer) ? (
        <div>
          <ConfirmButton question={t('research.partnership.endQuestion')} loading={action.isPending} onConfirm={() => action.mutate('end')}>
            {partnership.state === 'invited' && partnership.is_buyer ? t('research.partnership.withdraw') : t('research.partnership.end')}
          </ConfirmButton>
        </div>
      ) : null}
    </article>
  );
}

export function PartnershipPage() {
  const { id } = useParams();
  const partnership = usePartnership(id);
  return (
    <RequireAuth>
      <QueryState query={partnership}>{(p) => <PartnershipView partnership={p} />}</QueryState>
    </RequireAuth>
  );
}
