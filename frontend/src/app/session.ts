import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../api/client';
import type { OrgKind, OrganizationRef, User } from '../api/types';

export const sessionKey = ['session'] as const;

export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: async () => {
      const session = await api.get('/api/auth/session/');
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
  return (user?.memberships ?? []).map((m) => m.organization);
}

export type Role = 'buyer' | 'supplier' | 'advisor';

export function userRoles(user: User | null): Set<Role> {
  const roles = new Set<Role>();
  if (!user) return roles;
  for (const r of user.roles) if (r === 'buyer' || r === 'supplier' || r === 'advisor') roles.add(r);
  if (user.is_advisor) roles.add('advisor');
  return roles;
}

/** Where a signed-in person starts: an advisor at the curation queue, a buyer at its needs, a
 * supplier at its dashboard (solutions and recommended needs); anyone else at search. */
export function homeOf(user: User | null): string {
  const roles = userRoles(user);
  if (roles.has('advisor')) return '/advisor';
  if (roles.has('buyer')) return '/buyer';
  if (roles.has('supplier')) return '/supplier';
  if (user?.roles.includes('research')) return '/research/partnerships';
  return '/';
}

export function firstOrgOfKind(user: User | null, kind: OrgKind): OrganizationRef | undefined {
  return userOrganizations(user).find((o) => o.kind === kind);
}

function useSessionMutation<TVars, TData>(fn: (vars: TVars) => Promise<TData>) {
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

/** Registration does not sign in: the address is confirmed by e-mail first. */
export function useRegister() {
  return useMutation({
    mutationFn: (vars: { email: string; password: string; full_name: string }) => api.post('/api/auth/register/', vars),
  });
}

export function useLogout() {
  return useSessionMutation(() => api.delete('/api/auth/session/'));
}
