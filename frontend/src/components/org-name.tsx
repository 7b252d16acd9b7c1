import { Tag } from '@digdir/designsystemet-react';
import type { OrganizationRef } from '../api/types';
import { useI18n } from '../app/i18n';

type OrgLike = Pick<OrganizationRef, 'name' | 'kind'> & { verified?: boolean | null };

/** Whether an organisation's name must carry "not verified": buyers, suppliers and research
 * institutions a LUP advisor has not verified yet. Advisory organisations are set up by the
 * operators. */
export function isUnverified(org: OrgLike): boolean {
  return org.verified === false && (org.kind === 'public_buyer' || org.kind === 'supplier' || org.kind === 'research');
}

/** The "Ikke verifisert" tag, with its explanation as the accessible description. */
export function UnverifiedTag({ org }: { org: OrgLike }) {
  const { t } = useI18n();
  if (!isUnverified(org)) return null;
  return (
    <Tag data-color="warning" data-size="sm" className="org-name__tag" title={t('orgName.unverifiedHint')}>
      {t('orgName.unverified')}
    </Tag>
  );
}

/** An organisation's name wherever it shows, tagged "Ikke verifisert" when it is unverified. */
export function OrgName({ org }: { org: OrgLike }) {
  return (
    <span className="org-name">
      <span>{org.name}</span>
      <UnverifiedTag org={org} />
    </span>
  );
}
