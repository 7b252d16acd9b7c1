import { Fieldset, Field, Label, Paragraph, Select, Link as DsLink } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n';
import { RequireAuth } from '../../app/require-auth';
import { useSession, userRoles, type Role } from '../../app/session';
import { LiveNotice } from '../../components/live-notice';
import { PageHeading } from '../../components/page';
import { ErrorAlert, QueryState } from '../../components/query-state';
import {
  CHANNELS,
  NOTIFICATIONS_PAGE,
  usePreferences,
  useSetEmailLanguage,
  useSetPreference,
  type Audience,
  type Channel,
  type EmailLanguage,
  type Preference,
} from './api';

const GROUPS: Audience[] = ['buyer', 'supplier', 'advisor', 'member'];

/** The group a kind is listed in for this person: the first of its audiences they belong to
 * (everyone belongs to "member"); null: not for them. */
function groupOf(pref: Preference, roles: Set<Role>): Audience | null {
  return pref.audiences.find((a) => a === 'member' || roles.has(a as Role)) ?? null;
}

function ChannelChoice({ pref, onChange }: { pref: Preference; onChange: (channel: Channel) => void }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <Field>
      <Label htmlFor={id}>{pref.title}</Label>
      <Paragraph data-size="sm" id={`${id}-desc`}>
        {t('notifications.settings.default', { channel: t(`notifications.settings.channels.${pref.default}`) })}
      </Paragraph>
      <Select id={id} value={pref.channel} aria-describedby={`${id}-desc`} onChange={(e) => onChange(e.target.value as Channel)}>
        {CHANNELS.map((c) => (
          <option key={c} value={c}>
            {t(`notifications.settings.channels.${c}`)}
          </option>
        ))}
      </Select>
    </Field>
  );
}

function EmailLanguageChoice({ onSaved }: { onSaved: (message: string) => void }) {
  const { t } = useI18n();
  const id = useId();
  const user = useSession().data?.user;
  const save = useSetEmailLanguage();
  const names: Record<EmailLanguage, string> = { nb: 'Norsk bokmål', en: 'English' };
  if (!user) return null;
  return (
    <Field>
      <Label htmlFor={id}>{t('notifications.settings.language')}</Label>
      <Paragraph data-size="sm" id={`${id}-desc`}>
        {t('notifications.settings.languageHint')}
      </Paragraph>
      <Select
        id={id}
        value={user.preferred_language}
        aria-describedby={`${id}-desc`}
        onChange={(e) => {
          const language = e.target.value as EmailLanguage;
          save.mutate(language, { onSuccess: () => onSaved(t('notifications.settings.languageSaved', { language: names[language] })) });
        }}
      >
        {(Object.keys(names) as EmailLanguage[]).map((code) => (
          <option key={code} value={code} lang={code}>
            {names[code]}
          </option>
        ))}
      </Select>
      {save.isError ? <ErrorAlert error={save.error} /> : null}
    </Field>
  );
}

function Settings() {
  const { t } = useI18n();
  const prefs = usePreferences();
  const save = useSetPreference();
  const roles = userRoles(useSession().data?.user ?? null);
  const [saved, setSaved] = useState<string | null>(null);
  const choose = (pref: Preference, channel: Channel) => {
    setSaved(null);
    save.mutate(
      { kind: pref.kind, channel },
      { onSuccess: () => setSaved(t('notifications.settings.saved', { kind: pref.title, channel: t(`notifications.settings.channels.${channel}`) })) },
    );
  };
  return (
    <div className="stack">
      <LiveNotice message={saved} />
      {save.isError ? <ErrorAlert error={save.error} /> : null}
      <EmailLanguageChoice onSaved={setSaved} />
      <QueryState query={prefs}>
        {(all) => (
          <>
            {GROUPS.map((group) => {
              const kinds = all.filter((p) => groupOf(p, roles) === group);
              if (kinds.length === 0) return null;
              return (
                <Fieldset key={group} className="stack">
                  <Fieldset.Legend>{t(`notifications.settings.groups.${group}`)}</Fieldset.Legend>
                  {kinds.map((p) => (
                    <ChannelChoice key={p.kind} pref={p} onChange={(c) => choose(p, c)} />
                  ))}
                </Fieldset>
              );
            })}
          </>
        )}
      </QueryState>
    </div>
  );
}

/** /account/notifications: how the signed-in person hears of each kind of news. */
export function NotificationSettingsPage() {
  const { t } = useI18n();
  return (
    <section className="stack">
      <PageHeading title={t('notifications.settings.title')}>{t('notifications.settings.title')}</PageHeading>
      <Paragraph>{t('notifications.settings.intro')}</Paragraph>
      <Paragraph>
        <DsLink asChild>
          <Link to={NOTIFICATIONS_PAGE}>{t('notifications.seeAll')}</Link>
        </DsLink>
      </Paragraph>
      <RequireAuth>
        <Settings />
      </RequireAuth>
    </section>
  );
}
