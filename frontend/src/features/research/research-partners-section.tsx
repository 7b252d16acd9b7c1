import { Button, Heading, Link as DsLink, Paragraph, Switch } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import type { Need } from '../../api/types';
import { useResearchI18n } from './texts';
import { OrgName } from '../../components/org-name';
import { ErrorAlert, QueryState } from '../../components/query-state';
import { useInvite, usePartnerships, useResearchSuggestions, useUpdatePartnership, type Partnership, type Suggestion } from './api';
import { StateTag } from './partnership-page';

function PartnerRow({ partnership, buyer }: { partnership: Partnership; buyer: boolean }) {
  const { t } = useResearchI18n();
  const update = useUpdatePartnership(String(partnership.id));
  const open = partnership.state === 'invited' || partnership.state === 'accepted';
  return (
    <li className="stack">
      <div className="row">
        <OrgName org={partnership.organization} />
        <StateTag state={partnership.state} />
        <DsLink asChild>
          <Link to={`/research/partnerships/${partnership.id}`}>{t('research.section.open')}</Link>
        </DsLink>
      </div>
      {buyer && open ? (
        <Switch
          label={t('research.section.grant', { org: partnership.organization.name })}
          description={t('research.section.grantHint')}
          checked={partnership.may_read_responses}
          disabled={update.isPending}
          onChange={(e) => update.mutate({ may_read_responses: e.target.checked })}
        />
      ) : null}
      {update.isError ? <ErrorAlert error={update.error} /> : null}
    </li>
  );
}

function SuggestionRow({ suggestion, needId, buyer }: { suggestion: Suggestion; needId: number; buyer: boolean }) {
  const { t } = useResearchI18n();
  const invite = useInvite();
  const profile = suggestion.profile;
  const why = [suggestion.same_sector ? t('research.section.sameSector') : null, suggestion.shared_cpv ? t('research.section.sharedCpv') : null].filter(Boolean);
  return (
    <li className="stack">
      <Heading level={4} data-size="2xs">
        <DsLink asChild>
          <Link to={`/research/profiles/${profile.id}`}>{profile.title}</Link>
        </DsLink>
      </Heading>
      <OrgName org={profile.organization} />
      {why.length > 0 ? <Paragraph data-size="sm">{why.join(' · ')}</Paragraph> : null}
      {buyer ? (
        <div>
          <Button
            data-size="sm"
            variant="secondary"
            loading={invite.isPending}
            aria-label={t('research.section.inviteLabel', { org: profile.organization.name })}
            onClick={() => invite.mutate({ need: needId, organization: profile.organization.id, profile: profile.id })}
          >
            {t('research.section.invite')}
          </Button>
        </div>
      ) : null}
      {invite.isError ? <ErrorAlert error={invite.error} /> : null}
    </li>
  );
}

/** The need page's research partners: who is on the need (the buyer grants or revokes
 * reading the responses), and the institutions whose profiles suit it. For the need's buyer
 * and advisors. */
export function ResearchPartnersSection({ need }: { need: Need }) {
  const { t } = useResearchI18n();
  const id = String(need.id);
  const buyer = need.can_edit && need.status !== 'closed';
  const partnerships = usePartnerships({ need: id });
  const suggestions = useResearchSuggestions(id, true);
  return (
    <section className="stack" aria-labelledby="research-heading">
      <Heading level={2} data-size="sm" id="research-heading">
        {t('research.section.title')}
      </Heading>
      <Paragraph data-size="sm">{t('research.section.intro')}</Paragraph>
      <QueryState query={partnerships} isEmpty={(d) => d.length === 0} empty={t('research.section.none')}>
        {(list) => (
          <ul className="stack" aria-label={t('research.section.current')}>
            {list.map((p) => (
              <PartnerRow key={p.id} partnership={p} buyer={buyer} />
            ))}
          </ul>
        )}
      </QueryState>
      <Heading level={3} data-size="xs" id="research-suggestions">
        {t('research.section.suggestions')}
      </Heading>
      <QueryState query={suggestions} isEmpty={(d) => d.length === 0} empty={t('research.section.noSuggestions')}>
        {(list) => (
          <ul className="stack" aria-labelledby="research-suggestions">
            {list.map((s) => (
              <SuggestionRow key={s.profile.id} suggestion={s} needId={need.id} buyer={buyer} />
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}
