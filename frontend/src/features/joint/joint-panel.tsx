import { Button, Card, Heading, Link as DsLink, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useJointI18n, type JointKey } from './texts';
import { ConfirmButton } from '../../components/confirm-button';
import { fieldErrorsOf, firstError, SelectField } from '../../components/form-fields';
import { LiveNotice } from '../../components/live-notice';
import { OrgName } from '../../components/org-name';
import { ErrorAlert } from '../../components/query-state';
import { useGroupLead, useGroupUpdate, useMembershipAction, useNeedJoint, type GroupEdit, type JointGroup, type JointMembership } from './api';

function wholeOrNull(value: string): number | null {
  const trimmed = value.replace(/\s/g, '');
  return trimmed === '' ? null : Number(trimmed);
}

/** The lead edits the shared need text and the combined figures. */
function GroupEditForm({ group, onDone }: { group: JointGroup; onDone: () => void }) {
  const { t } = useJointI18n();
  const update = useGroupUpdate();
  const [title, setTitle] = useState(group.title);
  const [description, setDescription] = useState(group.description);
  const [users, setUsers] = useState(group.combined_users == null ? '' : String(group.combined_users));
  const [budget, setBudget] = useState(group.combined_budget == null ? '' : String(group.combined_budget));
  const errors = fieldErrorsOf(update.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const data: GroupEdit = { title, description, combined_users: wholeOrNull(users), combined_budget: wholeOrNull(budget) };
    update.mutate({ id: group.id, data }, { onSuccess: onDone });
  };
  return (
    <form className="stack" onSubmit={submit} aria-label={t('joint.group.editTitle')}>
      <Textfield label={t('joint.group.sharedTitle')} value={title} maxLength={200} error={firstError(errors, 'title')} onChange={(e) => setTitle(e.target.value)} />
      <Textfield
        multiline
        rows={5}
        label={t('joint.group.sharedDescription')}
        value={description}
        maxLength={10000}
        error={firstError(errors, 'description')}
        onChange={(e) => setDescription(e.target.value)}
      />
      <Textfield
        label={t('joint.group.combinedUsers')}
        description={t('joint.group.combinedHelp')}
        inputMode="numeric"
        value={users}
        error={firstError(errors, 'combined_users')}
        onChange={(e) => setUsers(e.target.value)}
      />
      <Textfield
        label={t('joint.group.combinedBudget')}
        description={t('joint.group.combinedHelp')}
        inputMode="numeric"
        value={budget}
        error={firstError(errors, 'combined_budget')}
        onChange={(e) => setBudget(e.target.value)}
      />
      {update.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={update.error} /> : null}
      <div className="row">
        <Button type="submit" data-size="sm" loading={update.isPending}>
          {t('common.save')}
        </Button>
        <Button type="button" variant="tertiary" data-size="sm" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** The lead's hand-over and dissolve; a member's leave. */
function GroupActions({ group, onNotice }: { group: JointGroup; onNotice: (text: string) => void }) {
  const { t } = useJointI18n();
  const lead = useGroupLead();
  const membership = useMembershipAction();
  const [to, setTo] = useState('');
  const others = group.members.filter((m) => m.state === 'accepted' && !m.is_lead);
  const own = group.members.find((m) => m.mine && m.state === 'accepted' && !m.is_lead);
  const error = lead.error ?? membership.error;
  return (
    <div className="stack">
      {error ? <ErrorAlert error={error} /> : null}
      {group.can_edit && others.length > 0 ? (
        <div className="row row-end">
          <SelectField
            label={t('joint.group.handOverTo')}
            value={to}
            onChange={setTo}
            options={others.map((m) => ({ code: String(m.id), label: m.organization.name }))}
          />
          <Button
            variant="secondary"
            data-size="sm"
            disabled={to === ''}
            loading={lead.isPending && lead.variables.membership !== undefined}
            onClick={() => lead.mutate({ id: group.id, membership: Number(to) }, { onSuccess: (g) => onNotice(t('joint.group.handedOver', { org: g.lead_organization.name })) })}
          >
            {t('joint.group.handOver')}
          </Button>
        </div>
      ) : null}
      {group.can_edit ? (
        <div>
          <ConfirmButton question={t('joint.group.dissolveQuestion')} onConfirm={() => lead.mutate({ id: group.id }, { onSuccess: () => onNotice(t('joint.group.dissolved')) })} loading={lead.isPending}>
            {t('joint.group.dissolve')}
          </ConfirmButton>
        </div>
      ) : null}
      {own ? (
        <div>
          <ConfirmButton question={t('joint.group.leaveQuestion')} onConfirm={() => membership.mutate({ id: own.id, action: 'leave' }, { onSuccess: () => onNotice(t('joint.group.left')) })} loading={membership.isPending}>
            {t('joint.group.leave')}
          </ConfirmButton>
        </div>
      ) : null}
    </div>
  );
}

/** The combined volume: the lead's own figures where set, and the members' sums. */
function Volume({ group }: { group: JointGroup }) {
  const { t, fmt } = useJointI18n();
  const v = group.volume;
  return (
    <dl className="dl">
      <dt>{t('joint.group.usersSum')}</dt>
      <dd>{v.users > 0 ? fmt.number(v.users) : '–'}</dd>
      <dt>{t('joint.group.budgetSum')}</dt>
      <dd>{v.budget_max > 0 ? `${fmt.currency(v.budget_min)} – ${fmt.currency(v.budget_max)}` : '–'}</dd>
      {group.combined_users != null ? (
        <>
          <dt>{t('joint.group.combinedUsers')}</dt>
          <dd>{fmt.number(group.combined_users)}</dd>
        </>
      ) : null}
      {group.combined_budget != null ? (
        <>
          <dt>{t('joint.group.combinedBudget')}</dt>
          <dd>{fmt.currency(group.combined_budget)}</dd>
        </>
      ) : null}
    </dl>
  );
}

/** A group in full, for its members and advisors. */
export function GroupView({ group, needId }: { group: JointGroup; needId?: number }) {
  const { t } = useJointI18n();
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <div className="stack">
      <LiveNotice message={notice} />
      <div className="row">
        <Tag data-color={group.status === 'active' ? 'success' : group.status === 'forming' ? 'info' : 'neutral'}>{t(`joint.status.${group.status}` as JointKey)}</Tag>
        <span>{t('joint.group.leadIs', { org: group.lead_organization.name })}</span>
      </div>
      {editing ? (
        <GroupEditForm group={group} onDone={() => setEditing(false)} />
      ) : (
        <>
          <Heading level={3} data-size="xs">
            {group.title}
          </Heading>
          <Paragraph className="prewrap">{group.description}</Paragraph>
          {group.can_edit ? (
            <div>
              <Button variant="secondary" data-size="sm" onClick={() => setEditing(true)}>
                {t('joint.group.edit')}
              </Button>
            </div>
          ) : null}
        </>
      )}
      <Volume group={group} />
      <Heading level={3} data-size="xs" id={`joint-members-${group.id}`}>
        {t('joint.group.members')}
      </Heading>
      <ul aria-labelledby={`joint-members-${group.id}`} className="stack">
        {group.members.map((m) => (
          <li key={m.id}>
            <span className="org-name">
              <OrgName org={m.organization} />
              {m.is_lead ? <Tag data-size="sm">{t('joint.group.lead')}</Tag> : null}
              {m.state !== 'accepted' ? (
                <Tag data-size="sm" data-color="info">
                  {t(`joint.state.${m.state}` as JointKey)}
                </Tag>
              ) : null}
            </span>{' '}
            {m.need.id === needId ? (
              <span>{m.need.title}</span>
            ) : (
              <DsLink asChild>
                <Link to={`/needs/${m.need.id}`}>{m.need.title}</Link>
              </DsLink>
            )}
          </li>
        ))}
      </ul>
      {group.status !== 'dissolved' ? <GroupActions group={group} onNotice={setNotice} /> : null}
    </div>
  );
}

function Invitations({ items }: { items: JointMembership[] }) {
  const { t } = useJointI18n();
  return (
    <ul className="cards" aria-label={t('joint.panel.invitations')}>
      {items.map((i) => (
        <li key={i.id}>
          <Card>
            <Paragraph>{t('joint.panel.invitedBy', { org: i.group.lead_organization.name, group: i.group.title })}</Paragraph>
            <DsLink asChild>
              <Link to={`/joint/invitations/${i.id}`}>{t('joint.panel.openInvitation')}</Link>
            </DsLink>
          </Card>
        </li>
      ))}
    </ul>
  );
}

/** The need page's joint procurement: the group for its members and advisors, invitations
 * for the need's buyer, and for everyone else the public line of an active group. */
export function JointPanel({ needId }: { needId: string }) {
  const { t } = useJointI18n();
  const joint = useNeedJoint(needId);
  const data = joint.data;
  if (!data || (!data.group && !data.public && data.invitations.length === 0)) return null;
  return (
    <section aria-labelledby="joint-heading" className="stack" data-testid="joint-panel">
      <Heading level={2} data-size="sm" id="joint-heading">
        {t('joint.panel.title')}
      </Heading>
      {data.group ? (
        <GroupView group={data.group} needId={Number(needId)} />
      ) : data.public ? (
        <>
          <Paragraph>{t('joint.panel.publicLine', { count: data.public.member_count })}</Paragraph>
          {data.public.title ? (
            <>
              <Heading level={3} data-size="xs">
                {data.public.title}
              </Heading>
              <Paragraph className="prewrap">{data.public.description}</Paragraph>
            </>
          ) : null}
        </>
      ) : null}
      {data.invitations.length > 0 ? <Invitations items={data.invitations} /> : null}
    </section>
  );
}
