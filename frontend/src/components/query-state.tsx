import { Alert, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../app/i18n';

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div className="loading" role="status">
      <Spinner aria-label={label ?? t('common.loading')} data-size="md" />
      <span className="visually-hidden">{label ?? t('common.loading')}</span>
    </div>
  );
}

export function errorMessage(error: unknown, t: ReturnType<typeof useI18n>['t']): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('errors.network');
    if (error.status === 401) return t('errors.unauthorized');
    if (error.status === 403) return error.detail ?? t('errors.forbidden');
    if (error.status === 404) return t('errors.notFound');
    if (error.status === 503) return error.detail ? `${t('errors.unavailable')} (${error.detail})` : t('errors.unavailable');
    if (error.status >= 500) return t('errors.server');
    const fields = error.fieldErrors;
    const nonField = fields.non_field_errors ?? fields.detail;
    if (nonField && nonField.length > 0) return nonField.join(' ');
    return error.detail ?? t('errors.generic');
  }
  return t('errors.generic');
}

export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useI18n();
  return (
    <Alert data-color="danger" role="alert">
      {title ? (
        <Heading level={2} data-size="xs">
          {title}
        </Heading>
      ) : null}
      <Paragraph>{errorMessage(error, t)}</Paragraph>
    </Alert>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return (
    <Alert data-color="info">
      <Paragraph>{children}</Paragraph>
    </Alert>
  );
}

type QueryLike<T> = { data: T | undefined; isPending: boolean; isError: boolean; error: unknown };

/** Renders loading, error and (optionally) empty states for a TanStack query; an `empty` of
 * null shows nothing for no data (the page says why elsewhere). */
export function QueryState<T>({
  query,
  isEmpty,
  empty,
  children,
}: {
  query: QueryLike<T>;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError || query.data === undefined) return <ErrorAlert error={query.error} />;
  if (isEmpty && isEmpty(query.data)) return empty === null ? null : <Empty>{empty}</Empty>;
  return <>{children(query.data)}</>;
}
