import { Button, Card, Heading, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import type { Need } from '../../api/types';
import { useI18n } from '../../app/i18n';
import { gainAmount } from './gain-table';
import { useCaseSuggestions, useNeedCaseLink, type CaseSuggestion } from './api';
import { useCasesText } from './texts';

function SuggestionCard({ suggestion }: { suggestion: CaseSuggestion }) {
  const { fmt } = useI18n();
  const { tc } = useCasesText();
  const item = suggestion.case;
  const gain = item.gains[0];
  return (
    <li>
      <Card data-color="neutral">
        <Paragraph data-size="sm">{tc('suggestions.solved', { org: item.organization.name })}</Paragraph>
        <Heading level={3} data-size="xs">
          <DsLink asChild>
            <Link to={`/cases/${item.id}`}>{item.title}</Link>
          </DsLink>
        </Heading>
        {gain ? (
          <Paragraph data-size="sm">
            {gain.type?.label}: {gainAmount(gain, fmt)} {gain.period?.label}
          </Paragraph>
        ) : null}
        <DsLink asChild>
          <Link to={`/cases/${item.id}`}>{tc('suggestions.seeResults')}</Link>
        </DsLink>
      </Card>
    </li>
  );
}

/** Published cases like the need, each from another buyer that solved something similar. */
function CaseSuggestions({ needId }: { needId: string }) {
  const { tc } = useCasesText();
  const suggestions = useCaseSuggestions(needId, true);
  const rows = suggestions.data ?? [];
  if (rows.length === 0) return null;
  return (
    <section className="stack" aria-labelledby="case-suggestions-heading">
      <Heading level={2} data-size="sm" id="case-suggestions-heading">
        {tc('suggestions.title')}
      </Heading>
      <ul className="cards">
        {rows.map((row) => (
          <SuggestionCard key={row.case.id} suggestion={row} />
        ))}
      </ul>
    </section>
  );
}

/** On the need page: the case the need builds on ("Bygger på"), its own case or the button to
 * record one ("Registrer som erfaring"), and cases from others that solved something similar. */
export function NeedCasePanel({ need }: { need: Need }) {
  const { tc } = useCasesText();
  const id = String(need.id);
  const link = useNeedCaseLink(id);
  const data = link.data;
  return (
    <>
      {data?.built_on ? (
        <Paragraph data-testid="built-on">
          {tc('builtOn')}{' '}
          <DsLink asChild>
            <Link to={`/cases/${data.built_on.id}`}>{data.built_on.title}</Link>
          </DsLink>
        </Paragraph>
      ) : null}
      {data?.case ? (
        <Paragraph>
          {tc('ownCase')}{' '}
          <DsLink asChild>
            <Link to={`/cases/${data.case.id}`}>{data.case.title}</Link>
          </DsLink>
        </Paragraph>
      ) : null}
      {data?.may_record ? (
        <div className="stack">
          <Paragraph>{tc('recordIntro')}</Paragraph>
          <div>
            <Button asChild variant="secondary">
              <Link to={`/cases/new?need=${id}`}>{tc('record')}</Link>
            </Button>
          </div>
        </div>
      ) : null}
      {need.status !== 'closed' ? <CaseSuggestions needId={id} /> : null}
    </>
  );
}
