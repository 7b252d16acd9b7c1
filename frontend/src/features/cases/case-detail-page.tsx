import { Alert, Button, Heading, Link as DsLink, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useI18n } from '../../app/i18n';
import { useCurrentUser, userOrganizations } from '../../app/session';
import { SelectField } from '../../components/form-fields';
import { OrgName } from '../../components/org-name';
import { PageHeading } from '../../components/page';
import { ErrorAlert, QueryState } from '../../components/query-state';
import { TableScroll } from '../../components/table-scroll';
import { useCase, useCaseAction, useReuseCase, type CaseDetail } from './api';
import { GainTable } from './gain-table';
import { useCasesText } from './texts';

/** "Gjenbruk": a verified public buyer starts a new draft need from the case, for one of its
 * organisations, and goes on to edit it. */
function ReuseAction({ item }: { item: CaseDetail }) {
  const { tc } = useCasesText();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const orgs = userOrganizations(user).filter((o) => o.kind === 'public_buyer' && o.verified);
  const [org, setOrg] = useState(String(orgs[0]?.id ?? ''));
  const reuse = useReuseCase(String(item.id));
  if (orgs.length === 0) return null;
  return (
    <section className="stack" aria-labelledby="reuse-heading">
      <Heading level={2} data-size="sm" id="reuse-heading">
        {tc('reuse.title')}
      </Heading>
      <Paragraph>{tc('reuse.intro')}</Paragraph>
      {orgs.length > 1 ? (
        <SelectField id="reuse-org" name="organization" label={tc('reuse.organization')} value={org} includeEmpty={false} options={orgs.map((o) => ({ code: String(o.id), label: o.name }))} onChange={setOrg} />
      ) : null}
      <div>
        <Button loading={reuse.isPending} onClick={() => reuse.mutate(Number(org), { onSuccess: (r) => navigate(`/needs/${r.need_id}/edit`) })}>
          {tc('reuse.button')}
        </Button>
      </div>
      {reuse.isError ? <ErrorAlert error={reuse.error} /> : null}
    </section>
  );
}

function OwnerActions({ item }: { item: CaseDetail }) {
  const { t } = useI18n();
  const { tc } = useCasesText();
  const id = String(item.id);
  const publish = useCaseAction(id, 'publish');
  const unpublish = useCaseAction(id, 'unpublish');
  return (
    <>
      <div className="row">
        <Button asChild variant="secondary">
          <Link to={`/cases/${id}/edit`}>{t('common.edit')}</Link>
        </Button>
        {item.status === 'draft' ? (
          <Button loading={publish.isPending} onClick={() => publish.mutate()}>
            {tc('publish')}
          </Button>
        ) : (
          <Button variant="tertiary" loading={unpublish.isPending} onClick={() => unpublish.mutate()}>
            {tc('unpublish')}
          </Button>
        )}
      </div>
      {publish.isError ? <ErrorAlert error={publish.error} /> : null}
      {unpublish.isError ? <ErrorAlert error={unpublish.error} /> : null}
      {publish.isSuccess ? (
        <Alert data-color="success" role="status">
          <Paragraph>{tc('published')}</Paragraph>
        </Alert>
      ) : null}
    </>
  );
}

function Spreading({ item }: { item: CaseDetail }) {
  const { fmt } = useI18n();
  const { tc } = useCasesText();
  const names = [...new Set(item.reuses.map((r) => r.organization.name))];
  return (
    <section className="stack" aria-labelledby="spread-heading">
      <Heading level={2} data-size="sm" id="spread-heading">
        {tc('spread.title')}
      </Heading>
      {names.length === 0 ? (
        <Paragraph>{tc('spread.none')}</Paragraph>
      ) : (
        <Paragraph data-testid="case-spread">{tc(names.length === 1 ? 'spread.countOne' : 'spread.count', { count: names.length, orgs: fmt.list(names) })}</Paragraph>
      )}
    </section>
  );
}

/** The need's pilot, measure by measure: before and after (backend/pilots, public results). */
function PilotResults({ item }: { item: CaseDetail }) {
  const { fmt } = useI18n();
  const { tc } = useCasesText();
  if (item.pilot_results.length === 0) return null;
  return (
    <section className="stack" aria-labelledby="pilot-results-heading">
      <Heading level={2} data-size="sm" id="pilot-results-heading">
        {tc('pilot.title')}
      </Heading>
      <TableScroll label={tc('pilot.title')}>
        <Table data-size="sm">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{tc('pilot.measure')}</Table.HeaderCell>
              <Table.HeaderCell>{tc('pilot.baseline')}</Table.HeaderCell>
              <Table.HeaderCell>{tc('pilot.value')}</Table.HeaderCell>
              <Table.HeaderCell>{tc('pilot.note')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {item.pilot_results.map((r) => (
              <Table.Row key={r.measure}>
                <Table.Cell>{r.measure}</Table.Cell>
                <Table.Cell>{r.baseline === null ? '–' : `${fmt.number(r.baseline, 2)} ${r.unit_label}`}</Table.Cell>
                <Table.Cell>{`${fmt.number(r.value, 2)} ${r.unit_label}`}</Table.Cell>
                <Table.Cell>{r.note}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
    </section>
  );
}

function CaseView({ item }: { item: CaseDetail }) {
  const { t, fmt } = useI18n();
  const { tc } = useCasesText();
  const suppliers = [...item.suppliers.map((s) => s.name), ...item.supplier_names];
  return (
    <article className="stack">
      <PageHeading title={item.title}>{item.title}</PageHeading>
      <div className="row">
        <Tag data-color={item.status === 'published' ? 'success' : 'neutral'}>{tc(`status.${item.status ?? 'draft'}`)}</Tag>
        <OrgName org={item.organization} />
        {item.reuse_count > 0 ? <Tag variant="outline">{tc('reused', { count: item.reuse_count })}</Tag> : null}
      </div>
      {item.can_edit ? <OwnerActions item={item} /> : null}
      <section className="stack" aria-labelledby="bought-heading">
        <Heading level={2} data-size="sm" id="bought-heading">
          {tc('fields.summary')}
        </Heading>
        <Paragraph className="prewrap">{item.summary}</Paragraph>
        <dl className="dl">
          <dt>{tc('fields.procedure')}</dt>
          <dd>{item.procedure?.label}</dd>
          <dt>{tc('fields.stageReached')}</dt>
          <dd>{item.stage_reached?.label}</dd>
          <dt>{tc('fields.suppliers')}</dt>
          <dd>{suppliers.length > 0 ? fmt.list(suppliers) : tc('noSuppliers')}</dd>
          <dt>{t('need.fields.sector')}</dt>
          <dd>{item.sector?.label}</dd>
          {item.published_at ? (
            <>
              <dt>{tc('fields.publishedAt')}</dt>
              <dd>{fmt.date(item.published_at)}</dd>
            </>
          ) : null}
          {item.need ? (
            <>
              <dt>{tc('fields.need')}</dt>
              <dd>
                <DsLink asChild>
                  <Link to={`/needs/${item.need.id}`}>{item.need.title}</Link>
                </DsLink>
              </dd>
            </>
          ) : null}
        </dl>
      </section>
      <section className="stack" aria-labelledby="gains-heading">
        <Heading level={2} data-size="sm" id="gains-heading">
          {tc('gains.title')}
        </Heading>
        {item.gains.length > 0 ? <GainTable gains={item.gains} /> : <Paragraph>{tc('gains.none')}</Paragraph>}
      </section>
      {item.lessons?.trim() ? (
        <section className="stack" aria-labelledby="lessons-heading">
          <Heading level={2} data-size="sm" id="lessons-heading">
            {tc('fields.lessons')}
          </Heading>
          <Paragraph className="prewrap">{item.lessons}</Paragraph>
        </section>
      ) : null}
      <PilotResults item={item} />
      <Spreading item={item} />
      {item.can_reuse ? <ReuseAction item={item} /> : null}
    </article>
  );
}

export function CaseDetailPage() {
  const { id } = useParams();
  const item = useCase(id);
  return <QueryState query={item}>{(c) => <CaseView item={c} />}</QueryState>;
}
