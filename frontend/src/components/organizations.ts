import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { asList, type ListOrPage } from '../api/list';
import type { Organization } from '../api/types';

export function useOrganizations(params: Record<string, string>, enabled = true) {
  return useQuery({
    queryKey: ['organizations', params],
    queryFn: () => api.get<ListOrPage<Organization>>('/api/organizations/', { page_size: 100, ...params }),
    select: asList,
    enabled,
  });
}

export function useVerifyOrganization() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<Organization>(`/api/organizations/${id}/verify/`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['organizations'] }),
  });
}
