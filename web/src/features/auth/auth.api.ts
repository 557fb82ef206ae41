import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok, setCsrfToken } from '../../api/client';
import { isApiError } from '../../api/errors';
import type { Locale, Session, User } from '../../api/types';

export const ME_KEY = ['auth', 'me'] as const;

async function fetchMe(): Promise<Session | null> {
  try {
    const session = await ok(api.GET('/api/v1/auth/me'));
    setCsrfToken(session.csrfToken);
    return session;
  } catch (e) {
    if (isApiError(e) && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: Infinity, retry: 1 });
}

/** The logged-in user; only for components rendered behind the auth guard. */
export function useCurrentUser(): User {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser outside an authenticated route');
  return data.user;
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => ok(api.POST('/api/v1/auth/login', { body })),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      // Drop the previous user's data but keep the me query itself: its observers (the guards,
      // the locale sync) must see the new session, which they would not on a recreated query.
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      qc.setQueryData(ME_KEY, session);
    },
  });
}

/** Ends this session, or with `everywhere` every session of the user on every device. */
export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (opts?: { everywhere?: boolean }) => ok(opts?.everywhere ? api.POST('/api/v1/auth/logout-everywhere') : api.POST('/api/v1/auth/logout')),
    onSettled: () => {
      setCsrfToken(null);
      // me = null first, so the guards leave the private pages before their data disappears.
      qc.setQueryData(ME_KEY, null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
    },
  });
}

export function useUpdateLocale() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (locale: Locale) => ok(api.PATCH('/api/v1/auth/me', { body: { locale } })),
    onSuccess: ({ user }) => {
      qc.setQueryData<Session | null>(ME_KEY, (old) => (old ? { ...old, user: { ...old.user, ...user } } : old));
    },
  });
}
