import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/errors';
import { ME_KEY } from '../features/auth';

function onAuthLost(client: () => QueryClient) {
  return (error: unknown) => {
    // An expired session anywhere sends the user back to the login page (the guards react to me = null).
    if (isApiError(error) && error.status === 401 && error.code === 'AUTH_REQUIRED') client().setQueryData(ME_KEY, null);
  };
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: onAuthLost(() => client) }),
    mutationCache: new MutationCache({ onError: onAuthLost(() => client) }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: true,
        // A 4xx will not change by asking again; a network hiccup or a 5xx might.
        retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
