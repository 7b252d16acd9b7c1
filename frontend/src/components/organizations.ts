import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';

export function useOrganizations(query: Record<string, string>, enabled = true) {
  return useQuery({
    queryKey: ['organizations', query],
    queryFn: () => api.get('/api/organizations/', { query: { page_size: 100, ...query } }),
    select: (d) => d.results,
    enabled,
  });
}

export function useVerifyOrganization() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post('/api/organizations/{id}/verify/', undefined, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['organizations'] }),
  });
}
