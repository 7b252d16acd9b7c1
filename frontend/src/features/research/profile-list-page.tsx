import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useResearchI18n } from './texts';
import { firstOrgOfKind, useCurrentUser } from '../../app/session';
import { SelectField } from '../../components/form-fields';
import { PageHeading } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useReference } from '../../components/reference';
import { useDebounced } from '../../components/use-debounced';
import { useProfiles } from './api';
import { ProfileCard } from './profile-card';

/** Research institutions' published competence profiles, searchable by words and sector. */
export function ProfileListPage() {
  const { t } = useResearchI18n();
  const user = useCurrentUser();
  const institution = firstOrgOfKind(user, 'research');
  const sectors = useReference('sectors');
  const [words, setWords] = useState('');
  const [sector, setSector] = useState('');
  const q = useDebounced(words.trim(), 300);
  const query: Record<string, string> = { page_size: '50' };
  if (q) query.q = q;
  if (sector) query.sector = sector;
  const profiles = useProfiles(query);
  return (
    <div className="stack">
      <PageHeading title={t('research.list.title')}>{t('research.list.title')}</PageHeading>
      <Paragraph>{t('research.list.intro')}</Paragraph>
      {institution ? (
        <div className="row">
          <Button asChild>
            <Link to="/research/profiles/new">{t('research.list.newProfile')}</Link>
          </Button>
          <Button asChild variant="secondary">
            <Link to="/research/partnerships">{t('research.list.myPartnerships')}</Link>
          </Button>
        </div>
      ) : null}
      <div className="row filters">
        <Textfield label={t('research.list.search')} value={words} onChange={(e) => setWords(e.target.value)} />
        <SelectField label={t('research.list.sector')} value={sector} options={sectors.data ?? []} onChange={setSector} />
      </div>
      <QueryState query={profiles} isEmpty={(d) => d.results.length === 0} empty={t('research.list.empty')}>
        {(d) => (
          <>
            <Paragraph data-size="sm" role="status">
              {t('research.list.count', { count: d.count })}
            </Paragraph>
            <ul className="cards">
              {d.results.map((p) => (
                <ProfileCard key={p.id} profile={p} />
              ))}
            </ul>
          </>
        )}
      </QueryState>
    </div>
  );
}
