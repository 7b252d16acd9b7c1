import type { OrganizationRef, User } from '../api/types';
import { userOrganizations } from '../app/session';

export function refId(value: number | { id: number } | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  return typeof value === 'number' ? value : value.id;
}

export function refName(value: number | OrganizationRef | null | undefined, fallback?: string | null): string {
  if (fallback) return fallback;
  if (value && typeof value === 'object') return value.name;
  return '';
}

export function isMemberOf(user: User | null, orgId: number | undefined): boolean {
  if (!user || orgId === undefined) return false;
  return userOrganizations(user).some((o) => o.id === orgId);
}
