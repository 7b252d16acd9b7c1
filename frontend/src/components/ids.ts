import type { User } from '../api/types';
import { userOrganizations } from '../app/session';

export function isMemberOf(user: User | null, orgId: number | undefined): boolean {
  if (!user || orgId === undefined) return false;
  return userOrganizations(user).some((o) => o.id === orgId);
}
