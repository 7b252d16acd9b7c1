import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

/** Who was invited to the conference: all of them for the host and advisors, a supplier's own
 * invitation for a supplier. */
export function useInvitations(conferenceId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['conferences', conferenceId, 'invitations'],
    queryFn: () => api.get('/api/conferences/{id}/invitations/', { params: { id: conferenceId }, query: { page_size: 200 } }),
    select: (d) => d.results,
    enabled,
  });
}

/** Invites the organisations behind the chosen solutions to a conference in one request. */
export function useInvite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ conferenceId, solutionIds, message }: { conferenceId: number; solutionIds: number[]; message: string }) =>
      api.post('/api/conferences/{id}/invitations/', { solution_ids: solutionIds, message }, { params: { id: conferenceId } }),
    onSuccess: (_data, { conferenceId }) => client.invalidateQueries({ queryKey: ['conferences', String(conferenceId), 'invitations'] }),
  });
}
