import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { RefItem } from '../api/types';
import { useI18n } from '../app/i18n';

export type RefKind = 'sectors' | 'counties' | 'stages' | 'procedures';

const refPaths = {
  sectors: '/api/reference/sectors/',
  counties: '/api/reference/counties/',
  stages: '/api/reference/stages/',
  procedures: '/api/reference/procedures/',
} as const;

export function useReference(kind: RefKind) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['reference', kind, lang],
    queryFn: () => api.get(refPaths[kind]),
    staleTime: 10 * 60_000,
  });
}

export function useCpv(q: string) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['reference', 'cpv', q, lang],
    queryFn: () => api.get('/api/reference/cpv/', { query: { q } }),
    enabled: q.trim().length >= 2,
    staleTime: 10 * 60_000,
  });
}

export function labelFor(items: RefItem[] | undefined, code: string | null | undefined): string {
  if (!code) return '';
  return items?.find((i) => i.code === code)?.label ?? code;
}
