import { Button, Heading, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import type { Organization } from '../../api/types';
import { ErrorAlert, Loading } from '../../components/query-state';
import { useNeeds } from '../needs/api';
import { useSolutions } from '../solutions/api';
import { useProfileI18n } from './texts';

type Listed = { id: number; title: string };

function PublishedList({ heading, items, path }: { heading: string; items: Listed[]; path: string }) {
  if (items.length === 0) return null;
  return (
    <>
      <Heading level={3} data-size="xs">
        {heading}
      </Heading>
      <ul className="stack">
        {items.map((item) => (
          <li key={item.id}>
            <DsLink asChild>
              <Link to={`${path}/${item.id}`}>{item.title}</Link>
            </DsLink>
          </li>
        ))}
      </ul>
    </>
  );
}

/** What the organisation has published: its open needs and its solutions, as anyone sees them. */
export function PublishedSection({ org }: { org: Organization }) {
  const { t } = useProfileI18n();
  const query = { organization: String(org.id), status: 'published', page_size: '20' };
  const needs = useNeeds(query);
  const solutions = useSolutions(query);
  if (needs.isPending || solutions.isPending) return <Loading />;
  const needItems = needs.data?.results ?? [];
  const solutionItems = solutions.data ?? [];
  return (
    <section aria-labelledby="published-heading" className="stack">
      <Heading level={2} data-size="sm" id="published-heading">
        {t('profile.published')}
      </Heading>
      {needs.isError ? <ErrorAlert error={needs.error} /> : null}
      {solutions.isError ? <ErrorAlert error={solutions.error} /> : null}
      <PublishedList heading={t('profile.needs')} items={needItems} path="/needs" />
      <PublishedList heading={t('profile.solutions')} items={solutionItems} path="/solutions" />
      {needItems.length === 0 && solutionItems.length === 0 && !needs.isError && !solutions.isError ? (
        <>
          <Paragraph>{t('profile.nothingPublished')}</Paragraph>
          <div>
            <Button asChild variant="secondary">
              <Link to="/">{t('profile.search')}</Link>
            </Button>
          </div>
        </>
      ) : null}
    </section>
  );
}
