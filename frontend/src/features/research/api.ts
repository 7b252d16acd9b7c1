import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ApiBody, type ApiResponse } from '../../api/client';
import { useI18n } from '../../app/i18n';

export type Profile = ApiResponse<'/api/research/profiles/{id}/'>;
export type ProfileInput = ApiBody<'/api/research/profiles/', 'post'>;
export type Partnership = ApiResponse<'/api/research/partnerships/{id}/'>;
export type Suggestion = NonNullable<ApiResponse<'/api/needs/{id}/research-suggestions/'>>[number];
export type PartnerResponse = NonNullable<ApiResponse<'/api/research/partnerships/{id}/responses/'>>[number];

export function useProfiles(query: Record<string, string>) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['research', 'profiles', query, lang],
    queryFn: () => api.get('/api/research/profiles/', { query }),
  });
}

export function useProfile(id: string | undefined) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['research', 'profiles', id, lang],
    queryFn: () => api.get('/api/research/profiles/{id}/', { params: { id: id ?? '' } }),
    enabled: !!id,
  });
}

export function useSaveProfile(id: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ProfileInput) => {
      if (!id) return api.post('/api/research/profiles/', body);
      const { organization: _org, status: _status, ...patch } = body;
      return api.patch('/api/research/profiles/{id}/', patch, { params: { id } });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['research'] }),
  });
}

export function useProfileAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: 'publish' | 'withdraw') =>
      action === 'publish'
        ? api.post('/api/research/profiles/{id}/publish/', undefined, { params: { id } })
        : api.post('/api/research/profiles/{id}/withdraw/', undefined, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['research'] }),
  });
}

export function useResearchSuggestions(needId: string, enabled: boolean) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['research', 'suggestions', needId, lang],
    queryFn: () => api.get('/api/needs/{id}/research-suggestions/', { params: { id: needId } }),
    enabled,
  });
}

export function usePartnerships(query: Record<string, string>, enabled = true) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['research', 'partnerships', query, lang],
    queryFn: () => api.get('/api/research/partnerships/', { query: { page_size: '100', ...query } }),
    select: (d) => d.results,
    enabled,
  });
}

export function usePartnership(id: string | undefined) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['research', 'partnerships', id, lang],
    queryFn: () => api.get('/api/research/partnerships/{id}/', { params: { id: id ?? '' } }),
    enabled: !!id,
  });
}

export function usePartnerResponses(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['research', 'partnerships', id, 'responses'],
    queryFn: () => api.get('/api/research/partnerships/{id}/responses/', { params: { id } }),
    enabled,
  });
}

export function useInvite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'/api/research/partnerships/', 'post'>) => api.post('/api/research/partnerships/', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['research'] }),
  });
}

export function usePartnershipAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: 'accept' | 'decline' | 'end') => {
      const params = { params: { id } };
      if (action === 'accept') return api.post('/api/research/partnerships/{id}/accept/', undefined, params);
      if (action === 'decline') return api.post('/api/research/partnerships/{id}/decline/', undefined, params);
      return api.post('/api/research/partnerships/{id}/end/', undefined, params);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['research'] }),
  });
}

export function useUpdatePartnership(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'/api/research/partnerships/{id}/', 'patch'>) =>
      api.patch('/api/research/partnerships/{id}/', body, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['research'] }),
  });
}
