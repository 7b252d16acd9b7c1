import { Button, Card, Heading, Link as DsLink, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { CoBuyerRequest, User } from '../../api/types';
import { useI18n } from '../../app/i18n';
import { useCurrentUser } from '../../app/session';
import { LiveNotice } from '../../components/live-notice';
import { OrgName } from '../../components/org-name';
import { ErrorAlert, QueryState } from '../../components/query-state';

export function useCoBuyerRequests() {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['co-buyer-requests', 'pending', lang],
    queryFn: () => api.get('/api/co-buyer-requests/', { query: { status: 'pending', page_size: 100 } }),
    select: (d) => d.results,
  });
}

function useDecideCoBuyerRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ request, accept }: { request: CoBuyerRequest; accept: boolean }) =>
      accept
        ? api.post('/api/co-buyer-requests/{id}/accept/', undefined, { params: { id: request.id } })
        : api.post('/api/co-buyer-requests/{id}/decline/', undefined, { params: { id: request.id } }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['co-buyer-requests'] });
      await client.invalidateQueries({ queryKey: ['needs'] });
    },
  });
}

function adminOrgIds(user: User | null): Set<number> {
  return new Set((user?.memberships ?? []).filter((m) => m.role === 'admin').map((m) => m.organization.id));
}

function memberOrgIds(user: User | null): Set<number> {
  return new Set((user?.memberships ?? []).map((m) => m.organization.id));
}

function Incoming({ request, isAdmin, onDone }: { request: CoBuyerRequest; isAdmin: boolean; onDone: (message: string) => void }) {
  const { t, fmt } = useI18n();
  const decide = useDecideCoBuyerRequest();
  const need = request.need.title;
  const busy = decide.isPending;
  // The card leaves the list once the answer is saved: the notice belongs to the section, and
  // mutateAsync settles even after this card has unmounted (mutate's callbacks would not).
  const settle = (accept: boolean, message: string) =>
    decide.mutateAsync({ request, accept }).then(
      () => onDone(message),
      () => undefined,
    );
  return (
    <Card>
      <Heading level={3} data-size="xs">
        <DsLink asChild>
          <Link to={`/needs/${request.need.id}`}>{need}</Link>
        </DsLink>
      </Heading>
      <Paragraph>
        {t('coBuyerRequests.asks', { owner: request.owner.name, org: request.organization.name })}
      </Paragraph>
      <div className="meta">
        <OrgName org={request.owner} />
        <span>{fmt.dateTime(request.created_at)}</span>
      </div>
      {isAdmin ? (
        <div className="row">
          <Button
            data-size="sm"
            loading={busy && decide.variables.accept}
            aria-label={t('coBuyerRequests.acceptFor', { need })}
            onClick={() => settle(true, t('coBuyerRequests.accepted', { org: request.organization.name, need }))}
          >
            {t('coBuyerRequests.accept')}
          </Button>
          <Button
            data-size="sm"
            variant="secondary"
            loading={busy && !decide.variables.accept}
            aria-label={t('coBuyerRequests.declineFor', { need })}
            onClick={() => settle(false, t('coBuyerRequests.declined', { need }))}
          >
            {t('coBuyerRequests.decline')}
          </Button>
        </div>
      ) : (
        <Paragraph data-size="sm">{t('coBuyerRequests.adminOnly', { org: request.organization.name })}</Paragraph>
      )}
      {decide.isError ? <ErrorAlert error={decide.error} /> : null}
    </Card>
  );
}

/** Requests to be co-buyer of another public buyer's need (to decide), and the ones the
 * user's organisations have sent that await an answer. */
export function CoBuyerRequests() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const requests = useCoBuyerRequests();
  const [notice, setNotice] = useState<string>();
  const mine = memberOrgIds(user);
  const admin = adminOrgIds(user);
  return (
    <section aria-labelledby="co-buyer-requests-heading" className="stack">
      <Heading level={2} data-size="sm" id="co-buyer-requests-heading">
        {t('coBuyerRequests.title')}
      </Heading>
      <Paragraph data-size="sm">{t('coBuyerRequests.intro')}</Paragraph>
      <LiveNotice message={notice} />
      <QueryState query={requests}>
        {(items) => {
          const incoming = items.filter((r) => mine.has(r.organization.id));
          const sent = items.filter((r) => !mine.has(r.organization.id) && mine.has(r.owner.id));
          return (
            <>
              {incoming.length === 0 ? (
                <Paragraph>{t('coBuyerRequests.empty')}</Paragraph>
              ) : (
                <ul className="cards" aria-labelledby="co-buyer-requests-heading">
                  {incoming.map((r) => (
                    <li key={r.id}>
                      <Incoming request={r} isAdmin={admin.has(r.organization.id)} onDone={setNotice} />
                    </li>
                  ))}
                </ul>
              )}
              {sent.length > 0 ? (
                <>
                  <Heading level={3} data-size="xs" id="co-buyer-sent-heading">
                    {t('coBuyerRequests.sentTitle')}
                  </Heading>
                  <ul aria-labelledby="co-buyer-sent-heading">
                    {sent.map((r) => (
                      <li key={r.id}>
                        <DsLink asChild>
                          <Link to={`/needs/${r.need.id}`}>{t('coBuyerRequests.sentItem', { org: r.organization.name, need: r.need.title })}</Link>
                        </DsLink>{' '}
                        <Tag data-color="info" data-size="sm">
                          {t('coBuyerRequests.waiting')}
                        </Tag>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
