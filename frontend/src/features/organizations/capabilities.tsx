import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Organization, OrgKind } from '../../api/types';
import { useI18n, type MessageKey } from '../../app/i18n';

export const CAPABILITIES = [
  'draft_need',
  'publish_need',
  'announce_conference',
  'be_co_buyer',
  'read_responses',
  'publish_solution',
  'respond',
  'join_dialogue',
  'advise',
  'publish_competence',
  'be_research_partner',
] as const;

type Capability = (typeof CAPABILITIES)[number];

/** What a verified organisation of each kind may do: only to explain what verification
 * adds. The rule itself lives in backend/accounts/policy.py, and what the organisation
 * may do now always comes from the API (OrganizationOutput.capabilities). */
const WHEN_VERIFIED: Record<OrgKind, readonly Capability[]> = {
  public_buyer: ['draft_need', 'publish_need', 'announce_conference', 'be_co_buyer', 'read_responses'],
  supplier: ['publish_solution', 'respond', 'join_dialogue'],
  advisory: ['advise'],
  research: ['publish_competence', 'be_research_partner'],
};

function isCapability(value: string): value is Capability {
  return (CAPABILITIES as readonly string[]).includes(value);
}

function CapabilityList({ items, labelledBy }: { items: readonly Capability[]; labelledBy: string }) {
  const { t } = useI18n();
  return (
    <ul className="facts-list" aria-labelledby={labelledBy}>
      {items.map((c) => (
        <li key={c}>{t(`orgPage.capabilities.${c}` as MessageKey)}</li>
      ))}
    </ul>
  );
}

/** What the organisation may do now, and, while it is unverified, what verification adds. */
export function OrgCapabilities({ org }: { org: Pick<Organization, 'kind' | 'verified' | 'capabilities'> }) {
  const { t } = useI18n();
  const now = org.capabilities.filter(isCapability);
  const later = org.verified ? [] : WHEN_VERIFIED[org.kind].filter((c) => !now.includes(c));
  const unverified: Partial<Record<OrgKind, string>> = {
    public_buyer: t('orgPage.unverifiedBuyer'),
    supplier: t('orgPage.unverifiedSupplier'),
    research: t('orgPage.unverifiedResearch'),
  };
  const unverifiedText = unverified[org.kind] ?? null;
  return (
    <section aria-labelledby="capabilities-heading" className="stack">
      <Heading level={2} data-size="sm" id="capabilities-heading">
        {t('orgPage.canTitle')}
      </Heading>
      {org.verified ? null : (
        <Alert data-color="warning">
          <Heading level={3} data-size="xs">
            {t('orgPage.unverifiedTitle')}
          </Heading>
          {unverifiedText ? <Paragraph>{unverifiedText}</Paragraph> : null}
        </Alert>
      )}
      {now.length > 0 ? <CapabilityList items={now} labelledBy="capabilities-heading" /> : <Paragraph>{t('orgPage.noCapabilities')}</Paragraph>}
      {later.length > 0 ? (
        <>
          <Heading level={3} data-size="xs" id="capabilities-later">
            {t('orgPage.laterTitle')}
          </Heading>
          <CapabilityList items={later} labelledBy="capabilities-later" />
        </>
      ) : null}
    </section>
  );
}
