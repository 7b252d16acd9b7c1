import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { components } from '../../api/generated/schema';
import type { Invitation, JoinRequest, MemberRole, Organization, OrganizationInput } from '../../api/types';
import { useI18n } from '../../app/i18n';
import { sessionKey } from '../../app/session';

/** The result of registering: a new organisation (201), or a request to join the one
 * already registered with that number (202). */
export type Registration = { created: Organization } | { requested: JoinRequest };

export function useRegisterOrganization() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: OrganizationInput): Promise<Registration> => {
      const data = (await api.post('/api/organizations/', body)) as Organization | JoinRequest;
      return 'capabilities' in data ? { created: data } : { requested: data };
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: sessionKey });
      await client.invalidateQueries({ queryKey: ['join-requests'] });
    },
  });
}

export function useOrganization(id: string) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['organizations', 'detail', id, lang],
    queryFn: () => api.get('/api/organizations/{id}/', { params: { id } }),
  });
}

/** What an organisation's administrators change themselves: its public profile and contact. */
export type ProfileInput = Required<components['schemas']['PatchedOrganizationProfileInputRequest']>;

export function useSaveProfile(orgId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ProfileInput) => api.patch('/api/organizations/{id}/', body, { params: { id: orgId } }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['organizations', 'detail', String(orgId)] });
    },
  });
}

export function useMembers(orgId: string) {
  return useQuery({
    queryKey: ['organizations', orgId, 'members'],
    queryFn: () => api.get('/api/organizations/{id}/members/', { params: { id: orgId }, query: { page_size: 100 } }),
    select: (d) => d.results,
  });
}

export function useInvitations(orgId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['organizations', orgId, 'invitations'],
    queryFn: () => api.get('/api/organizations/{id}/invitations/', { params: { id: orgId }, query: { page_size: 100 } }),
    select: (d) => d.results,
    enabled,
  });
}

export function useOrgJoinRequests(orgId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['organizations', orgId, 'join-requests'],
    queryFn: () => api.get('/api/organizations/{id}/join-requests/', { params: { id: orgId }, query: { page_size: 100 } }),
    select: (d) => d.results,
    enabled,
  });
}

export function useMyJoinRequests() {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['join-requests', 'mine', lang],
    queryFn: () => api.get('/api/join-requests/', { query: { page_size: 100, ordering: '-created_at' } }),
    select: (d) => d.results,
  });
}

/** After a change to who belongs where: the organisation's lists, and the session (roles). */
function useInvalidateOrg(orgId: string) {
  const client = useQueryClient();
  return async () => {
    await client.invalidateQueries({ queryKey: ['organizations', orgId] });
    await client.invalidateQueries({ queryKey: sessionKey });
  };
}

export function useChangeRole(orgId: string) {
  const invalidate = useInvalidateOrg(orgId);
  return useMutation({
    mutationFn: ({ id, role }: { id: number; role: MemberRole }) =>
      api.patch('/api/organizations/{org_pk}/members/{id}/', { role }, { params: { org_pk: orgId, id } }),
    onSuccess: invalidate,
  });
}

export function useRemoveMember(orgId: string) {
  const invalidate = useInvalidateOrg(orgId);
  return useMutation({
    mutationFn: (id: number) => api.delete('/api/organizations/{org_pk}/members/{id}/', { params: { org_pk: orgId, id } }),
    onSuccess: invalidate,
  });
}

export function useHandOver(orgId: string) {
  const invalidate = useInvalidateOrg(orgId);
  return useMutation({
    mutationFn: (membershipId: number) => api.post('/api/organizations/{id}/hand-over/', { membership_id: membershipId }, { params: { id: orgId } }),
    onSuccess: invalidate,
  });
}

export function useInvite(orgId: string) {
  const invalidate = useInvalidateOrg(orgId);
  return useMutation({
    mutationFn: (body: { email: string; role: MemberRole }) => api.post('/api/organizations/{id}/invitations/', body, { params: { id: orgId } }),
    onSuccess: invalidate,
  });
}

export function useRevokeInvitation(orgId: string) {
  const invalidate = useInvalidateOrg(orgId);
  return useMutation({
    mutationFn: (invitation: Invitation) => api.post('/api/invitations/{id}/revoke/', undefined, { params: { id: invitation.id } }),
    onSuccess: invalidate,
  });
}

export function useDecideJoinRequest(orgId: string) {
  const invalidate = useInvalidateOrg(orgId);
  return useMutation({
    mutationFn: ({ request, approve }: { request: JoinRequest; approve: boolean }) =>
      approve
        ? api.post('/api/join-requests/{id}/approve/', undefined, { params: { id: request.id } })
        : api.post('/api/join-requests/{id}/decline/', undefined, { params: { id: request.id } }),
    onSuccess: invalidate,
  });
}

export function useWithdrawJoinRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: JoinRequest) => api.post('/api/join-requests/{id}/withdraw/', undefined, { params: { id: request.id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['join-requests'] }),
  });
}

export function useAcceptInvitation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => api.post('/api/invitations/accept/', { token }),
    onSuccess: async () => {
      client.removeQueries({ queryKey: ['organizations'] });
      await client.invalidateQueries({ queryKey: sessionKey });
    },
  });
}
