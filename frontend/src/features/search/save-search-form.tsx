import { Alert, Button, Details, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { AlertFrequency, SavedSearchInput } from '../../api/types';
import { useI18n } from '../../app/i18n';
import { fieldErrorsOf, firstError, SelectField } from '../../components/form-fields';
import { ErrorAlert } from '../../components/query-state';
import { savedSearchFilters } from './saved-search-params';

export function useAlertOptions() {
  const { t } = useI18n();
  return [
    { code: 'never', label: t('savedSearch.frequency.never') },
    { code: 'daily', label: t('savedSearch.frequency.daily') },
    { code: 'weekly', label: t('savedSearch.frequency.weekly') },
  ];
}

export function SaveSearchForm({ query, filters }: { query: string; filters: Record<string, string[]> }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [name, setName] = useState(query);
  const [frequency, setFrequency] = useState<AlertFrequency>('weekly');
  const options = useAlertOptions();
  const save = useMutation({
    mutationFn: (body: SavedSearchInput) => api.post('/api/saved-searches/', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['saved-searches'] }),
  });
  const errors = fieldErrorsOf(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ name, query, filters: savedSearchFilters(filters), alert_frequency: frequency });
  };
  return (
    <Details>
      <Details.Summary>{t('savedSearch.save')}</Details.Summary>
      <Details.Content>
        <form className="form" onSubmit={submit}>
          <Textfield label={t('savedSearch.name')} value={name} required onChange={(e) => setName(e.target.value)} error={firstError(errors, 'name')} />
          <SelectField
            label={t('savedSearch.alerts')}
            value={frequency}
            includeEmpty={false}
            options={options}
            onChange={(v) => setFrequency(v as AlertFrequency)}
            error={firstError(errors, 'alert_frequency')}
          />
          <div>
            <Button type="submit" loading={save.isPending}>
              {t('savedSearch.saveButton')}
            </Button>
          </div>
          {save.isSuccess ? (
            <Alert data-color="success" role="status">
              <Paragraph>{t('savedSearch.saved')}</Paragraph>
            </Alert>
          ) : null}
          {save.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={save.error} /> : null}
        </form>
      </Details.Content>
    </Details>
  );
}
