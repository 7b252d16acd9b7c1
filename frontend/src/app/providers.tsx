import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { I18nProvider, type Lang } from './i18n';

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Retry once on transient failures only; 4xx and 503 ("search is down") are shown at once.
        retry: (count, error) => error instanceof ApiError && [0, 502, 504].includes(error.status) && count < 1,
        refetchOnWindowFocus: false,
      },
    },
  });
}

export function Providers({ children, client, lang }: { children: ReactNode; client?: QueryClient; lang?: Lang }) {
  const [qc] = useState(() => client ?? makeQueryClient());
  return (
    <QueryClientProvider client={qc}>
      <I18nProvider lang={lang}>{children}</I18nProvider>
    </QueryClientProvider>
  );
}
