import { Checkbox, Link as DsLink, Table, Tag } from '@digdir/designsystemet-react';
import type { Ref } from 'react';
import { Link } from 'react-router';
import type { MessageKey } from '../../../app/i18n';
import { useAdvisorI18n } from '../texts';
import { scorePercent } from '../../../components/match-explanation';
import { OrgName } from '../../../components/org-name';
import type { DeskMatch } from './api';

type Side = NonNullable<DeskMatch['other_need']>;

/** The pair's name, for the row's checkbox and the announcements: «need» ↔ «solution or need». */
export function pairName(m: DeskMatch, quote: (text: string) => string): string {
  return `${quote(m.need.title)} ↔ ${quote(m.solution?.title ?? m.other_need?.title ?? '')}`;
}

function NeedCell({ need, href }: { need: Side; href: string }) {
  return (
    <div className="desk-cell">
      <DsLink asChild>
        <Link to={href}>{need.title}</Link>
      </DsLink>
      <span className="meta">
        <OrgName org={need.organization} />
        {need.county ? <span>{need.county.label}</span> : null}
      </span>
    </div>
  );
}

function Counterpart({ match }: { match: DeskMatch }) {
  const { t } = useAdvisorI18n();
  if (match.other_need) return <NeedCell need={match.other_need} href={`/needs/${match.other_need.id}`} />;
  if (!match.solution) return null;
  return (
    <div className="desk-cell">
      <DsLink asChild>
        <Link to={`/solutions/${match.solution.id}`}>{match.solution.title}</Link>
      </DsLink>
      <span className="meta">
        <OrgName org={match.solution.organization} />
        <span>{t('advisor.desk.trl', { trl: match.solution.trl })}</span>
      </span>
    </div>
  );
}

type Props = {
  rows: DeskMatch[];
  joint: boolean;
  selected: ReadonlySet<number>;
  current: number | null;
  onToggle: (id: number) => void;
  onCurrent: (index: number) => void;
  checkboxRef: (index: number) => Ref<HTMLInputElement>;
};

/**
 * One page of the desk. Each row starts with its checkbox (x toggles it); the current row (j/k)
 * is marked and its checkbox holds the focus. On a phone the table reflows into one card per row.
 */
export function DeskTable({ rows, joint, selected, current, onToggle, onCurrent, checkboxRef }: Props) {
  const { t, fmt } = useAdvisorI18n();
  const counterpart = joint ? t('advisor.desk.otherNeed') : t('advisor.solution');
  return (
    <Table className="table-reflow desk-table" data-testid="desk-table" aria-keyshortcuts="j k x">
      <caption className="visually-hidden">{joint ? t('advisor.desk.jointCaption') : t('advisor.desk.solutionsCaption')}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>
            <span className="visually-hidden">{t('advisor.desk.select')}</span>
          </Table.HeaderCell>
          <Table.HeaderCell>{t('advisor.need')}</Table.HeaderCell>
          <Table.HeaderCell>{counterpart}</Table.HeaderCell>
          <Table.HeaderCell>{t('match.score')}</Table.HeaderCell>
          <Table.HeaderCell>{t('advisor.desk.stage')}</Table.HeaderCell>
          <Table.HeaderCell>{t('advisor.desk.deadline')}</Table.HeaderCell>
          <Table.HeaderCell>{t('advisor.desk.suggestedAt')}</Table.HeaderCell>
          <Table.HeaderCell>{t('advisor.state')}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {rows.map((m, index) => (
          <Table.Row key={m.id} data-testid="desk-row" data-current={current === index ? 'true' : undefined} data-selected={selected.has(m.id) ? 'true' : undefined}>
            <Table.Cell className="desk-select">
              <Checkbox
                ref={checkboxRef(index)}
                data-size="sm"
                aria-label={t('advisor.desk.selectRow', { pair: pairName(m, fmt.quote) })}
                aria-keyshortcuts="x"
                checked={selected.has(m.id)}
                onChange={() => onToggle(m.id)}
                onFocus={() => onCurrent(index)}
              />
            </Table.Cell>
            <Table.Cell data-label={t('advisor.need')}>
              <NeedCell need={m.need} href={`/advisor/needs/${m.need.id}`} />
            </Table.Cell>
            <Table.Cell data-label={counterpart}>
              <Counterpart match={m} />
            </Table.Cell>
            <Table.Cell data-label={t('match.score')}>{scorePercent(m.score, fmt)}</Table.Cell>
            <Table.Cell data-label={t('advisor.desk.stage')}>{m.need.stage?.label ?? ''}</Table.Cell>
            <Table.Cell data-label={t('advisor.desk.deadline')}>{m.need.response_deadline ? fmt.date(m.need.response_deadline) : t('advisor.desk.noDeadline')}</Table.Cell>
            <Table.Cell data-label={t('advisor.desk.suggestedAt')}>{fmt.date(m.created_at)}</Table.Cell>
            <Table.Cell data-label={t('advisor.state')}>
              <Tag data-size="sm">{t(`match.states.${m.state ?? 'suggested'}` as MessageKey)}</Tag>
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
