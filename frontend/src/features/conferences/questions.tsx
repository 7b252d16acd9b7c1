import { Button, Card, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import type { components } from '../../api/generated/schema';
import { useI18n } from '../../app/i18n';
import { fieldErrorsOf, firstError } from '../../components/form-fields';
import { LiveNotice } from '../../components/live-notice';
import { ErrorAlert, QueryState } from '../../components/query-state';
import { useAnswerQuestion, useAskQuestion, useQuestions } from './api';

type Question = components['schemas']['QuestionOutput'];

function AnswerForm({ conferenceId, question }: { conferenceId: string; question: Question }) {
  const { t } = useI18n();
  const [answer, setAnswer] = useState('');
  const save = useAnswerQuestion(conferenceId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (answer.trim()) save.mutate({ questionId: question.id, answer });
  };
  return (
    <form onSubmit={submit} className="stack">
      <Textfield multiline rows={3} label={t('questions.answerFor', { question: question.text.slice(0, 60) })} value={answer} onChange={(e) => setAnswer(e.target.value)} error={firstError(fieldErrorsOf(save.error), 'answer')} />
      <div>
        <Button type="submit" data-size="sm" loading={save.isPending} disabled={!answer.trim()}>
          {t('questions.publishAnswer')}
        </Button>
      </div>
    </form>
  );
}

/** Questions at a dialogue conference; the host's answers are published to every registered supplier. */
export function Questions({ conferenceId, host, askAs }: { conferenceId: string; host: boolean; askAs?: number }) {
  const { t, fmt } = useI18n();
  const questions = useQuestions(conferenceId);
  const ask = useAskQuestion(conferenceId);
  const [text, setText] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSent(null);
    if (askAs !== undefined && text.trim())
      ask.mutate(
        { organization: askAs, text },
        {
          onSuccess: (question) => {
            setText('');
            setSent(t('questions.sent', { when: fmt.dateTime(question?.answer_due) }));
          },
        },
      );
  };
  return (
    <section aria-labelledby="questions-heading" className="stack">
      <Heading level={2} data-size="sm" id="questions-heading">
        {t('questions.title')}
      </Heading>
      <Paragraph data-size="sm">{t('questions.intro')}</Paragraph>
      {askAs !== undefined ? (
        <form onSubmit={submit} className="stack">
          <Textfield multiline rows={3} label={t('questions.ask')} value={text} onChange={(e) => setText(e.target.value)} error={firstError(fieldErrorsOf(ask.error), 'text')} />
          <div>
            <Button type="submit" variant="secondary" loading={ask.isPending} disabled={!text.trim()}>
              {t('questions.send')}
            </Button>
          </div>
          {ask.isError && !firstError(fieldErrorsOf(ask.error), 'text') ? <ErrorAlert error={ask.error} /> : null}
        </form>
      ) : null}
      {askAs !== undefined ? <LiveNotice message={sent} /> : null}
      <QueryState query={questions} isEmpty={(d) => d.length === 0} empty={t('questions.empty')}>
        {(items) => (
          <ul className="cards" aria-label={t('questions.title')}>
            {items.map((q) => (
              <li key={q.id}>
                <Card>
                  <Paragraph className="prewrap">{q.text}</Paragraph>
                  <div className="meta">
                    {q.asked_by_organization ? <span>{q.asked_by_organization}</span> : null}
                    <span>{fmt.dateTime(q.created_at)}</span>
                    {q.answer ? <Tag data-color="success">{t('questions.answered')}</Tag> : <Tag>{t('questions.unanswered')}</Tag>}
                    {!q.answer && q.answer_due ? <span>{t('questions.due', { when: fmt.dateTime(q.answer_due) })}</span> : null}
                  </div>
                  {q.answer ? (
                    <Paragraph className="prewrap">
                      <strong>{t('questions.answer')}:</strong> {q.answer}
                    </Paragraph>
                  ) : host ? (
                    <AnswerForm conferenceId={conferenceId} question={q} />
                  ) : null}
                </Card>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}
