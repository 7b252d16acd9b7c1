import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ApiResponse } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { sessionKey, useSession } from '../../app/session';

export type Notification = ApiResponse<'/api/notifications/'>['results'][number];
export type Preference = ApiResponse<'/api/notifications/preferences/'>[number];
export type Channel = Preference['channel'];
export type Audience = Preference['audiences'][number];
export type Unsubscribed = ApiResponse<'/api/notifications/unsubscribe/', 'post'>;

export const NOTIFICATIONS_PAGE = '/notifications';
export const NOTIFICATION_SETTINGS_PAGE = '/account/notifications';
export const CHANNELS: Channel[] = ['email', 'digest', 'in_app', 'off'];

const KEY = ['notifications'] as const;
/** How often the header asks for the unread count (ms). */
const UNREAD_POLL = 60_000;

/** The signed-in person's notifications, newest first; texts in the current language. */
export function useNotifications({ unread, pageSize = 50 }: { unread?: boolean; pageSize?: number } = {}) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: [...KEY, 'list', lang, unread ?? 'all', pageSize],
    queryFn: ({ signal }) => api.get('/api/notifications/', { query: { unread, page_size: pageSize }, signal }),
  });
}

/** The unread count for the header; asked again every minute while signed in. */
export function useUnreadCount() {
  const signedIn = Boolean(useSession().data?.user);
  return useQuery({
    queryKey: [...KEY, 'unread-count'],
    queryFn: ({ signal }) => api.get('/api/notifications/unread-count/', { signal }),
    select: (d) => d.unread,
    enabled: signedIn,
    refetchInterval: UNREAD_POLL,
  });
}

function useRefresh() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: KEY });
}

export function useMarkRead() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: number) => api.post('/api/notifications/{id}/read/', undefined, { params: { id } }),
    onSuccess: refresh,
  });
}

export function useMarkAllRead() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => api.post('/api/notifications/read-all/', undefined),
    onSuccess: refresh,
  });
}

export function usePreferences() {
  const { lang } = useI18n();
  return useQuery({
    queryKey: [...KEY, 'preferences', lang],
    queryFn: ({ signal }) => api.get('/api/notifications/preferences/', { signal }),
  });
}

export function useSetPreference() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, channel }: { kind: Preference['kind']; channel: Channel }) =>
      api.put('/api/notifications/preferences/{kind}/', { channel }, { params: { kind } }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...KEY, 'preferences'] }),
  });
}

export type EmailLanguage = 'nb' | 'en';

/** The language notifications and e-mails are written in (the person's, not the page's). */
export function useSetEmailLanguage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (language: EmailLanguage) => api.patch('/api/auth/me/', { preferred_language: language }),
    onSuccess: () => client.invalidateQueries({ queryKey: sessionKey }),
  });
}

/** Sets the kinds an e-mail's signed token names to `channel` (off to unsubscribe); no
 * sign-in needed. */
export function useUnsubscribe() {
  return useMutation({
    mutationFn: ({ token, channel }: { token: string; channel: Channel }) =>
      api.post('/api/notifications/unsubscribe/', { token, channel }),
  });
}
