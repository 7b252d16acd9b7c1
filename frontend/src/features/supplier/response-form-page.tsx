import { Alert, Button, Heading, Link as DsLink, Paragraph, Switch, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { Need } from '../../api/types';
import { useI18n } from '../../app/i18n';
import { RequireAuth } from '../../app/require-auth';
import { firstOrgOfKind, useCurrentUser } from '../../app/session';
import { fieldErrorsOf, firstError } from '../../components/form-fields';
import { FormErrors } from '../../components/form-errors';
import { PageHeading } from '../../components/page';
import { Empty, QueryState } from '../../components/query-state';
import { useNeed } from '../needs/api';
import { emptySection, hasSecrets, SectionsEditor, type SectionDraft } from '../business-secrets/sections-editor';
import { useCreateResponse } from './api';

function ResponseForm({ need, organization }: { need: Need; organization: number }) {
  const { t } = useI18n();
  const [summary, setSummary] = useState('');
  const [sections, setSections] = useState<SectionDraft[]>([emptySection()]);
  const [open, setOpen] = useState(false);
  const secrets = hasSecrets(sections);
  // A response with business secrets is confidential, whatever the switch said before.
  const confidential = secrets || !open;
  const create = useCreateResponse();
  const errors = fieldErrorsOf(create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ need: need.id, organization, summary, sections, confidential });
  };
  if (create.isSuccess) {
    return (
      <Alert data-color="success" role="status">
        <Paragraph>{t('response.sent')}</Paragraph>
        <DsLink asChild>
          <Link to={`/needs/${need.id}`}>{t('response.backToNeed')}</Link>
        </DsLink>
      </Alert>
    );
  }
  return (
    <form className="form" onSubmit={submit} noValidate>
      <Paragraph>
        {t('response.for')}{' '}
        <DsLink asChild>
          <Link to={`/needs/${need.id}`}>{need.title}</Link>
        </DsLink>
      </Paragraph>
      <FormErrors error={create.error} labels={{ summary: t('response.summary'), body: t('response.body'), sections: t('secrets.title'), confidential: t('response.confidential') }} />
      <div className={confidential ? 'confidential' : 'hint'} aria-live="polite">
        <Heading level={2} data-size="xs">
          {confidential ? t('response.confidentialOn') : t('response.confidentialOff')}
        </Heading>
        <Paragraph data-size="sm">{confidential ? t('response.confidentialExplain') : t('response.openExplain')}</Paragraph>
        <Switch
          label={t('response.confidential')}
          description={secrets ? t('secrets.alwaysConfidential') : undefined}
          checked={confidential}
          readOnly={secrets}
          onChange={(e) => setOpen(!e.target.checked)}
        />
      </div>
      <Textfield label={t('response.summary')} required value={summary} onChange={(e) => setSummary(e.target.value)} error={firstError(errors, 'summary')} />
      <SectionsEditor sections={sections} onChange={setSections} error={firstError(errors, 'sections') ?? firstError(errors, 'body')} />
      <div>
        <Button type="submit" loading={create.isPending}>
          {t('response.send')}
        </Button>
      </div>
    </form>
  );
}

function Inner() {
  const { t } = useI18n();
  const { id } = useParams();
  const need = useNeed(id);
  const org = firstOrgOfKind(useCurrentUser(), 'supplier');
  if (!org) return <Empty>{t('solution.noOrg')}</Empty>;
  return <QueryState query={need}>{(n) => <ResponseForm need={n} organization={org.id} />}</QueryState>;
}

export function ResponseFormPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t('response.title')}>{t('response.title')}</PageHeading>
      <RequireAuth roles={['supplier']}>
        <Inner />
      </RequireAuth>
    </>
  );
}
