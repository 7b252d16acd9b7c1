import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { RequireAuth } from '../../app/require-auth';
import { useSession } from '../../app/session';
import { PageHeading } from '../../components/page';
import { ErrorAlert, QueryState } from '../../components/query-state';
import { oidcHref } from './oidc-sign-in';

const identitiesKey = ['identities'] as const;
export const IDENTITY_PAGE = '/account/id-porten';

function Identities({ oidcUrl }: { oidcUrl: string | null }) {
  const { t, fmt } = useI18n();
  const client = useQueryClient();
  const identities = useQuery({ queryKey: identitiesKey, queryFn: ({ signal }) => api.get('/api/auth/identities/', { signal }) });
  const disconnect = useMutation({
    mutationFn: (id: number) => api.delete('/api/auth/identities/{id}/', { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: identitiesKey }),
  });
  return (
    <div className="stack">
      <Paragraph>{t('oidc.account.intro')}</Paragraph>
      {disconnect.isError ? <ErrorAlert error={disconnect.error} /> : null}
      <QueryState query={identities}>
        {(items) =>
          items.length > 0 ? (
            <ul>
              {items.map((identity) => (
                <li key={identity.id}>
                  <Paragraph>
                    {t('oidc.account.connected', { date: fmt.dateTime(identity.created_at), lastUsed: fmt.dateTime(identity.last_login_at) })}
                  </Paragraph>
                  <Button variant="secondary" data-size="sm" loading={disconnect.isPending} onClick={() => disconnect.mutate(identity.id)}>
                    {t('oidc.account.disconnect')}
                  </Button>
                </li>
              ))}
            </ul>
          ) : oidcUrl ? (
            <div>
              <Paragraph>{t('oidc.account.none')}</Paragraph>
              <Button asChild>
                <a href={oidcHref(oidcUrl, IDENTITY_PAGE, true)}>{t('oidc.account.connect')}</a>
              </Button>
            </div>
          ) : (
            <Paragraph>{t('oidc.account.notConfigured')}</Paragraph>
          )
        }
      </QueryState>
    </div>
  );
}

/** The signed-in user's ID-porten connection: connect (the OIDC flow with connect=1) or disconnect. */
export function IdentityPage() {
  const { t } = useI18n();
  const oidcUrl = useSession().data?.oidc_login_url ?? null;
  return (
    <>
      <PageHeading title={t('oidc.account.title')}>{t('oidc.account.title')}</PageHeading>
      <RequireAuth>
        <Identities oidcUrl={oidcUrl} />
      </RequireAuth>
    </>
  );
}
