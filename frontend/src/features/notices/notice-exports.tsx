import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import type { Need } from '../../api/types';
import { useNoticesI18n } from './texts';
import { fieldErrorsOf, firstError } from '../../components/form-fields';
import { ErrorAlert, Loading } from '../../components/query-state';
import { useNoticeTexts, useRemoveNoticeText, useSaveNoticeText } from './api';

type Text = { title: string; description: string };

/** The need's title and description in the other language (English for a Norwegian need,
 * bokmål for an English one): with it, the notices are in both languages. */
function SecondLanguageForm({ needId, language, current }: { needId: string; language: string; current?: Text }) {
  const { t } = useNoticesI18n();
  const [title, setTitle] = useState(current?.title ?? '');
  const [description, setDescription] = useState(current?.description ?? '');
  const save = useSaveNoticeText(needId, language);
  const remove = useRemoveNoticeText(needId, language);
  const errors = fieldErrorsOf(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ title, description });
  };
  const label = language === 'en' ? t('notices.inEnglish') : t('notices.inNorwegian');
  const fieldError = ['title', 'description'].some((f) => firstError(errors, f));
  return (
    <form onSubmit={submit} className="form" aria-label={label} noValidate>
      <Heading level={3} data-size="xs">
        {label}
      </Heading>
      <Paragraph data-size="sm">{t('notices.secondLanguageHint')}</Paragraph>
      <Textfield label={t('notices.textTitle')} required value={title} onChange={(e) => setTitle(e.target.value)} error={firstError(errors, 'title')} />
      <Textfield multiline rows={4} label={t('notices.textDescription')} required value={description} onChange={(e) => setDescription(e.target.value)} error={firstError(errors, 'description')} />
      <div className="row">
        <Button type="submit" variant="secondary" loading={save.isPending}>
          {t('notices.saveText')}
        </Button>
        {current ? (
          <Button
            type="button"
            variant="tertiary"
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(undefined, {
                onSuccess: () => {
                  setTitle('');
                  setDescription('');
                },
              })
            }
          >
            {t('notices.removeText')}
          </Button>
        ) : null}
      </div>
      {save.isSuccess ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t('notices.saved')}</Paragraph>
        </Alert>
      ) : null}
      {save.isError && !fieldError ? <ErrorAlert error={save.error} /> : null}
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
    </form>
  );
}

function SecondLanguage({ need }: { need: Need }) {
  const needId = String(need.id);
  const texts = useNoticeTexts(needId);
  const language = need.language === 'en' ? 'nb' : 'en';
  if (texts.isPending) return <Loading />;
  if (texts.isError) return <ErrorAlert error={texts.error} />;
  const current = texts.data.find((x) => x.language === language);
  return <SecondLanguageForm key={current?.updated_at ?? 'none'} needId={needId} language={language} current={current} />;
}

/** A need's market dialogue for others to read: the eForms prior information notice to
 * upload to Doffin (its buyer and advisors) and the OCDS release (anyone, once published). */
export function NoticeExports({ need }: { need: Need }) {
  const { t } = useNoticesI18n();
  const editor = need.can_edit;
  const published = need.status !== 'draft';
  if (!published && !editor) return null;
  return (
    <section aria-labelledby="notices-heading" className="stack">
      <Heading level={2} data-size="sm" id="notices-heading">
        {t('notices.title')}
      </Heading>
      {published ? (
        <>
          <Paragraph>{editor ? t('notices.introEditor') : t('notices.introPublic')}</Paragraph>
          <div className="row">
            {editor ? (
              <Button asChild>
                <a href={`/api/needs/${need.id}/notice.xml`} download>
                  {t('notices.pin')}
                </a>
              </Button>
            ) : null}
            <Button asChild variant="secondary">
              <a href={`/api/needs/${need.id}/ocds.json`} download>
                {t('notices.ocds')}
              </a>
            </Button>
          </div>
        </>
      ) : (
        <Paragraph>{t('notices.draft')}</Paragraph>
      )}
      {editor ? <SecondLanguage need={need} /> : null}
    </section>
  );
}
