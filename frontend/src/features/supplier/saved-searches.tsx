import { Button, Heading, Link as DsLink, Table } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import type { AlertFrequency } from '../../api/types';
import { useI18n } from '../../app/i18n';
import { SelectField } from '../../components/form-fields';
import { ErrorAlert, QueryState } from '../../components/query-state';
import { useAlertOptions } from '../search/save-search-form';
import { savedSearchHref } from '../search/saved-search-params';
import { useDeleteSavedSearch, useSavedSearches, useUpdateSavedSearch } from './api';

export function SavedSearches() {
  const { t } = useI18n();
  const searches = useSavedSearches();
  const update = useUpdateSavedSearch();
  const remove = useDeleteSavedSearch();
  const options = useAlertOptions();
  return (
    <section aria-labelledby="saved-heading" className="stack">
      <Heading level={2} data-size="sm" id="saved-heading">
        {t('savedSearch.title')}
      </Heading>
      {update.isError ? <ErrorAlert error={update.error} /> : null}
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
      <QueryState query={searches} isEmpty={(d) => d.length === 0} empty={t('savedSearch.empty')}>
        {(items) => (
          <Table className="table-reflow">
            <caption className="visually-hidden">{t('savedSearch.title')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('savedSearch.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('savedSearch.alerts')}</Table.HeaderCell>
                <Table.HeaderCell>{t('slots.action')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((s) => (
                <Table.Row key={s.id}>
                  <Table.Cell data-label={t('savedSearch.name')}>
                    <DsLink asChild>
                      <Link to={savedSearchHref(s.query ?? '', s.filters as Record<string, string[]> | undefined)}>{s.name}</Link>
                    </DsLink>
                  </Table.Cell>
                  <Table.Cell>
                    <SelectField
                      label={t('savedSearch.alertsFor', { name: s.name })}
                      value={s.alert_frequency ?? 'never'}
                      includeEmpty={false}
                      options={options}
                      onChange={(v) => update.mutate({ id: s.id, alert_frequency: v as AlertFrequency })}
                    />
                  </Table.Cell>
                  <Table.Cell>
                    <Button variant="tertiary" data-size="sm" aria-label={t('common.deleteItem', { item: s.name })} onClick={() => remove.mutate(s.id)}>
                      {t('common.delete')}
                    </Button>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </QueryState>
    </section>
  );
}
