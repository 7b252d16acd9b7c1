import { Alert, Button, Fieldset, Heading, Link as DsLink, Paragraph, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { InviteOutcome, InviteResult, Need } from '../../api/types';
import { useI18n, type MessageKey } from '../../app/i18n';
import { fieldErrorsOf, firstError } from '../../components/form-fields';
import { ErrorAlert } from '../../components/query-state';
import { useInvite } from './api';

type ConferenceChoice = Need['conferences'][number];

/** A chosen suggestion: its solution and the organisation behind it. */
export type Chosen = { solutionId: number; organization: string };

/** The need's conferences suppliers can still register for (announced, deadline ahead). */
export function openConferences(need: Need, now = Date.now()): ConferenceChoice[] {
  return need.conferences.filter((c) => c.status === 'published' && new Date(c.registration_deadline).getTime() > now);
}

const OUTCOMES: InviteOutcome[] = ['invited', 'already_invited', 'already_registered'];

/** What became of each organisation, grouped: invited now, already invited, already registered. */
function InviteResults({ results }: { results: InviteResult[] }) {
  const { t, fmt } = useI18n();
  return (
    <Alert data-color="success" role="status">
      <Heading level={3} data-size="xs">
        {t('invitation.sentTitle')}
      </Heading>
      <ul>
        {OUTCOMES.map((outcome) => {
          const names = results.filter((r) => r.outcome === outcome).map((r) => r.organization.name);
          return names.length > 0 ? <li key={outcome}>{t(`invitation.outcomes.${outcome}` as MessageKey, { names: fmt.list(names) })}</li> : null;
        })}
      </ul>
    </Alert>
  );
}

function ConferencePicker({ choices, value, onChange }: { choices: ConferenceChoice[]; value: number | undefined; onChange: (id: number) => void }) {
  const { t, fmt } = useI18n();
  const only = choices.length === 1 ? choices[0] : undefined;
  if (only) {
    return (
      <Paragraph>
        {t('invitation.toConference', { title: only.title, when: fmt.dateTime(only.starts_at), deadline: fmt.dateTime(only.registration_deadline) })}
      </Paragraph>
    );
  }
  return (
    <Fieldset>
      <Fieldset.Legend>{t('invitation.chooseConference')}</Fieldset.Legend>
      {choices.map((c) => (
        <Radio
          key={c.id}
          name="invite-conference"
          value={String(c.id)}
          label={c.title}
          description={t('invitation.conferenceWhen', { when: fmt.dateTime(c.starts_at), deadline: fmt.dateTime(c.registration_deadline) })}
          checked={value === c.id}
          onChange={() => onChange(c.id)}
        />
      ))}
    </Fieldset>
  );
}

/** The buyer (or an advisor) invites the suppliers behind the chosen suggestions to one of the
 * need's open conferences, with an optional personal message. Without an open conference it
 * says so, and offers the buyer to create one. */
export function InvitePanel({ need, chosen, onSent }: { need: Need; chosen: Chosen[]; onSent: () => void }) {
  const { t, fmt } = useI18n();
  const choices = openConferences(need);
  const [picked, setPicked] = useState<number | undefined>(undefined);
  const [message, setMessage] = useState('');
  const invite = useInvite();
  const errors = fieldErrorsOf(invite.error);
  const chosenId = useId();
  const conferenceId = picked ?? choices[0]?.id;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (conferenceId === undefined) return;
    invite.mutate(
      { conferenceId, solutionIds: chosen.map((c) => c.solutionId), message },
      {
        onSuccess: () => {
          setMessage('');
          onSent();
        },
      },
    );
  };
  const chosenError = firstError(errors, 'solution_ids');
  const fieldError = chosenError ?? firstError(errors, 'message');
  return (
    <section aria-labelledby="invite-heading" className="stack invite-panel">
      <Heading level={3} data-size="xs" id="invite-heading">
        {t('invitation.title')}
      </Heading>
      {choices.length === 0 ? (
        <Alert data-color="info">
          <Paragraph>{need.conferences.length === 0 ? t('invitation.noConference') : t('invitation.noOpenConference')}</Paragraph>
          {need.can_edit ? (
            <Paragraph>
              <DsLink asChild>
                <Link to={`/conferences/new?need=${need.id}`}>{t('invitation.createConference')}</Link>
              </DsLink>
            </Paragraph>
          ) : null}
        </Alert>
      ) : (
        <form className="form" onSubmit={submit} aria-labelledby="invite-heading" noValidate>
          <Paragraph data-size="sm">{t('invitation.intro')}</Paragraph>
          <div>
            <Paragraph id={chosenId} aria-live="polite">
              {chosen.length > 0 ? t('invitation.chosen', { names: fmt.list([...new Set(chosen.map((c) => c.organization))]) }) : t('invitation.noneChosen')}
            </Paragraph>
            {chosenError ? <ValidationMessage>{chosenError}</ValidationMessage> : null}
          </div>
          <ConferencePicker choices={choices} value={conferenceId} onChange={setPicked} />
          <Textfield
            multiline
            rows={4}
            label={t('invitation.message')}
            description={t('invitation.messageHint')}
            maxLength={2000}
            value={message}
            onChange={(e) => setMessage(e.target.value)}
            error={firstError(errors, 'message')}
          />
          <div className="row">
            <Button type="submit" loading={invite.isPending} aria-describedby={chosenId}>
              {t('invitation.submit')}
            </Button>
          </div>
          {invite.isError && !fieldError ? <ErrorAlert error={invite.error} /> : null}
          {invite.isSuccess ? <InviteResults results={invite.data.results} /> : null}
        </form>
      )}
    </section>
  );
}
