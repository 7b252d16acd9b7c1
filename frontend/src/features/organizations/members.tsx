import { Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { Member, MemberRole, Organization } from '../../api/types';
import { useI18n } from '../../app/i18n';
import { ConfirmButton } from '../../components/confirm-button';
import { SelectField } from '../../components/form-fields';
import { ErrorAlert, QueryState } from '../../components/query-state';
import { useChangeRole, useHandOver, useMembers, useRemoveMember } from './api';

type Props = { org: Organization; myEmail: string; canManage: boolean; isAdmin: boolean; notify: (message: string) => void };

function RoleTag({ role }: { role: MemberRole | undefined }) {
  const { t } = useI18n();
  const r = role ?? 'member';
  return <Tag data-color={r === 'admin' ? 'accent' : 'neutral'}>{t(`members.roles.${r}`)}</Tag>;
}

function MemberActions({ member, org, notify }: { member: Member; org: Organization; notify: Props['notify'] }) {
  const { t } = useI18n();
  const changeRole = useChangeRole(String(org.id));
  const remove = useRemoveMember(String(org.id));
  const name = member.full_name || member.email;
  const next: MemberRole = member.role === 'admin' ? 'member' : 'admin';
  return (
    <div className="stack">
      <div className="row">
        <Button
          variant="secondary"
          data-size="sm"
          loading={changeRole.isPending}
          aria-label={next === 'admin' ? t('members.makeAdminFor', { name }) : t('members.makeMemberFor', { name })}
          onClick={() =>
            changeRole.mutate(
              { id: member.id, role: next },
              { onSuccess: () => notify(t('members.roleChanged', { name, role: t(`members.roles.${next}`).toLowerCase() })) },
            )
          }
        >
          {next === 'admin' ? t('members.makeAdmin') : t('members.makeMember')}
        </Button>
        <ConfirmButton
          label={t('members.removeFor', { name })}
          question={t('members.removeConfirm', { name, org: org.name })}
          loading={remove.isPending}
          onConfirm={() => remove.mutate(member.id, { onSuccess: () => notify(t('members.removed', { name })) })}
        >
          {t('members.remove')}
        </ConfirmButton>
      </div>
      {changeRole.isError ? <ErrorAlert error={changeRole.error} /> : null}
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
    </div>
  );
}

function Leave({ org, me, members }: { org: Organization; me: Member; members: Member[] }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const remove = useRemoveMember(String(org.id));
  const admins = members.filter((m) => m.role === 'admin');
  const soleAdmin = me.role === 'admin' && admins.length === 1;
  return (
    <div className="stack">
      {soleAdmin ? <Paragraph data-size="sm">{t('members.leaveLastAdmin')}</Paragraph> : null}
      <div>
        <ConfirmButton
          question={t('members.leaveConfirm', { org: org.name })}
          loading={remove.isPending}
          onConfirm={() => remove.mutate(me.id, { onSuccess: () => navigate('/organizations', { state: { notice: t('members.left', { org: org.name }) } }) })}
        >
          {t('members.leave')}
        </ConfirmButton>
      </div>
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
    </div>
  );
}

function HandOver({ org, me, members, notify }: { org: Organization; me: Member; members: Member[]; notify: Props['notify'] }) {
  const { t } = useI18n();
  const handOver = useHandOver(String(org.id));
  const others = members.filter((m) => m.id !== me.id);
  const [to, setTo] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const target = others.find((m) => String(m.id) === to);
    if (!target) return;
    handOver.mutate(target.id, { onSuccess: () => notify(t('members.handedOver', { name: target.full_name || target.email })) });
  };
  return (
    <section aria-labelledby="hand-over-heading" className="stack">
      <Heading level={3} data-size="xs" id="hand-over-heading">
        {t('members.handOverTitle')}
      </Heading>
      {others.length === 0 ? (
        <Paragraph data-size="sm">{t('members.handOverNobody')}</Paragraph>
      ) : (
        <form className="form" onSubmit={submit}>
          <SelectField
            label={t('members.handOverTo')}
            description={t('members.handOverIntro')}
            value={to}
            required
            options={others.map((m) => ({ code: String(m.id), label: `${m.full_name || m.email} (${m.email})` }))}
            onChange={setTo}
          />
          <div>
            <Button type="submit" variant="secondary" loading={handOver.isPending} disabled={!to}>
              {t('members.handOverButton')}
            </Button>
          </div>
          {handOver.isError ? <ErrorAlert error={handOver.error} /> : null}
        </form>
      )}
    </section>
  );
}

/** The organisation's members; administrators change roles, remove members and hand over
 * their role; everyone may leave. */
export function MembersSection({ org, myEmail, canManage, isAdmin, notify }: Props) {
  const { t } = useI18n();
  const members = useMembers(String(org.id));
  return (
    <section aria-labelledby="members-heading" className="stack">
      <Heading level={2} data-size="sm" id="members-heading">
        {t('members.title')}
      </Heading>
      <Paragraph data-size="sm">{canManage ? t('members.adminNote') : t('members.memberNote')}</Paragraph>
      <QueryState query={members}>
        {(items) => {
          const me = items.find((m) => m.email.toLowerCase() === myEmail.toLowerCase());
          return (
            <>
              <Table className="table-reflow">
                <caption className="visually-hidden">{t('members.title')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('members.name')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('members.email')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('members.role')}</Table.HeaderCell>
                    {canManage ? <Table.HeaderCell>{t('members.actions')}</Table.HeaderCell> : null}
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {items.map((m) => (
                    <Table.Row key={m.id}>
                      <Table.Cell data-label={t('members.name')}>
                        {m.full_name || m.email} {m === me ? t('members.you') : null}
                      </Table.Cell>
                      <Table.Cell data-label={t('members.email')}>{m.email}</Table.Cell>
                      <Table.Cell data-label={t('members.role')}>
                        <RoleTag role={m.role} />
                      </Table.Cell>
                      {canManage ? <Table.Cell>{m === me ? null : <MemberActions member={m} org={org} notify={notify} />}</Table.Cell> : null}
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
              {me && isAdmin ? <HandOver org={org} me={me} members={items} notify={notify} /> : null}
              {me ? <Leave org={org} me={me} members={items} /> : null}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
