import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { sessionKey } from '../../app/session';

/** Confirms the address in a verification link; the session's user may now act. */
export function useVerifyEmail() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => api.post('/api/auth/verify-email/', { token }),
    onSuccess: () => client.invalidateQueries({ queryKey: sessionKey }),
  });
}

export function useResendVerification() {
  return useMutation({ mutationFn: (email: string) => api.post('/api/auth/verify-email/resend/', { email }) });
}

export function usePasswordReset() {
  return useMutation({ mutationFn: (email: string) => api.post('/api/auth/password-reset/', { email }) });
}

export function usePasswordResetConfirm() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (vars: { uid: string; token: string; new_password: string }) => api.post('/api/auth/password-reset/confirm/', vars),
    // Every other session of the account is signed out: start from a fresh session.
    onSuccess: () => client.invalidateQueries({ queryKey: sessionKey }),
  });
}
