import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../api/client';
import type { OrgKind, OrganizationRef, Session, User } from '../api/types';

export const sessionKey = ['session'] as const;

export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: async () => {
      const session = await api.get<Session>('/api/auth/session/');
      setCsrfToken(session.csrf_token);
      return session;
    },
    staleTime: 60_000,
    retry: 1,
  });
}

export function useCurrentUser(): User | null {
  return useSession().data?.user ?? null;
}

export function userOrganizations(user: User | null): OrganizationRef[] {
  if (!user) return [];
  const fromMemberships = (user.memberships ?? []).map((m) => m.organization);
  return fromMemberships.length > 0 ? fromMemberships : (user.organizations ?? []);
}

export type Role = 'buyer' | 'supplier' | 'advisor';

const kindToRole: Record<OrgKind, Role> = { public_buyer: 'buyer', supplier: 'supplier', advisory: 'advisor' };

export function userRoles(user: User | null): Set<Role> {
  const roles = new Set<Role>();
  if (!user) return roles;
  if (user.is_advisor || user.role === 'advisor') roles.add('advisor');
  if (user.role === 'buyer' || user.role === 'supplier') roles.add(user.role);
  for (const org of userOrganizations(user)) {
    if (org.kind) roles.add(kindToRole[org.kind]);
  }
  return roles;
}

export function firstOrgOfKind(user: User | null, kind: OrgKind): OrganizationRef | undefined {
  return userOrganizations(user).find((o) => o.kind === kind);
}

function useSessionMutation<TVars>(fn: (vars: TVars) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
      await client.invalidateQueries({ queryKey: sessionKey });
    },
  });
}

export function useLogin() {
  return useSessionMutation((vars: { email: string; password: string }) => api.post('/api/auth/session/', vars));
}

export function useRegister() {
  return useSessionMutation((vars: { email: string; password: string; full_name: string }) =>
    api.post('/api/auth/register/', vars),
  );
}

export function useLogout() {
  return useSessionMutation(() => api.delete('/api/auth/session/'));
}
