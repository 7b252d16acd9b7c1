import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { components } from '../../api/generated/schema';
import { useI18n } from '../../app/i18n';

type S = components['schemas'];
export type JointGroup = S['JointGroupOutput'];
export type JointMember = S['JointMemberOutput'];
export type JointMembership = S['JointMembershipOutput'];
export type NeedJoint = S['NeedJointOutput'];
export type JointGroupStatus = S['JointGroupStatusEnum'];

/** A need's joint procurement as the reader may see it: the public line, the group in full
 * (members and advisors), the open invitations for the need (its buyer). */
export function useNeedJoint(needId: string) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['joint', 'need', needId, lang],
    queryFn: () => api.get('/api/needs/{id}/joint-procurement/', { params: { id: needId } }),
  });
}

export function useMembership(id: string | undefined) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['joint', 'membership', id, lang],
    queryFn: () => api.get('/api/joint-memberships/{id}/', { params: { id: id ?? '' } }),
    enabled: Boolean(id),
  });
}

export function useJointGroups(filters: { status?: JointGroupStatus; county?: string }) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['joint', 'groups', filters, lang],
    queryFn: () =>
      api.get('/api/joint-groups/', {
        query: { page_size: 100, ...(filters.status ? { status: filters.status } : {}), ...(filters.county ? { county: filters.county } : {}) },
      }),
  });
}

function useJointInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['joint'] });
}

export function useJointInvite() {
  const invalidate = useJointInvalidate();
  return useMutation({
    mutationFn: ({ needId, otherNeed, message }: { needId: number; otherNeed: number; message: string }) =>
      api.post('/api/needs/{id}/joint-procurement/invite/', { other_need: otherNeed, message }, { params: { id: needId } }),
    onSuccess: invalidate,
  });
}

export function useMembershipAction() {
  const invalidate = useJointInvalidate();
  return useMutation({
    mutationFn: ({ id, action }: { id: number; action: 'accept' | 'decline' | 'leave' }) => {
      const opts = { params: { id } };
      if (action === 'accept') return api.post('/api/joint-memberships/{id}/accept/', undefined, opts);
      if (action === 'decline') return api.post('/api/joint-memberships/{id}/decline/', undefined, opts);
      return api.post('/api/joint-memberships/{id}/leave/', undefined, opts);
    },
    onSuccess: invalidate,
  });
}

export type GroupEdit = { title: string; description: string; combined_users: number | null; combined_budget: number | null };

export function useGroupUpdate() {
  const invalidate = useJointInvalidate();
  return useMutation({
    mutationFn: ({ id, data }: { id: number; data: GroupEdit }) => api.patch('/api/joint-groups/{id}/', data, { params: { id } }),
    onSuccess: invalidate,
  });
}

export function useGroupLead() {
  const invalidate = useJointInvalidate();
  return useMutation({
    mutationFn: ({ id, membership }: { id: number; membership?: number }) =>
      membership === undefined
        ? api.post('/api/joint-groups/{id}/dissolve/', undefined, { params: { id } })
        : api.post('/api/joint-groups/{id}/hand-over/', { membership }, { params: { id } }),
    onSuccess: invalidate,
  });
}
