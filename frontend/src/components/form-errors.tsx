import { ErrorSummary } from '@digdir/designsystemet-react';
import { ApiError } from '../api/client';
import { useI18n } from '../app/i18n';
import { ErrorAlert } from './query-state';

/** Summary of a failed save: field errors listed in one place, other errors as an alert. */
export function FormErrors({ error, labels }: { error: unknown; labels: Record<string, string> }) {
  const { t } = useI18n();
  if (!error) return null;
  if (!(error instanceof ApiError) || error.status !== 400) return <ErrorAlert error={error} />;
  const entries = Object.entries(error.fieldErrors);
  if (entries.length === 0) return <ErrorAlert error={error} />;
  return (
    <ErrorSummary>
      <ErrorSummary.Heading>{t('errors.formHeading')}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {entries.map(([field, messages]) => (
          <ErrorSummary.Item key={field}>
            {labels[field] ? `${labels[field]}: ` : ''}
            {messages.join(' ')}
          </ErrorSummary.Item>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
