import { Details, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { OrgName } from '../../components/org-name';
import { QueryState } from '../../components/query-state';
import { useResponseAccessLog } from './api';

/** "Who has read the response": the access log of a confidential response, for its supplier
 * and the need's buyers. Loaded when opened. */
export function ResponseAccessLog({ responseId }: { responseId: number }) {
  const { t, fmt } = useI18n();
  const [opened, setOpened] = useState(false);
  const log = useResponseAccessLog(responseId, opened);
  return (
    <Details
      onToggle={(event) => {
        if ((event.target as HTMLDetailsElement).open) setOpened(true);
      }}
    >
      <Details.Summary>{t('accessLog.title')}</Details.Summary>
      <Details.Content>
        <div className="stack">
          <Paragraph data-size="sm">{t('accessLog.intro')}</Paragraph>
          {opened ? (
            <QueryState query={log} isEmpty={(d) => d.length === 0} empty={t('accessLog.empty')}>
              {(reads) => (
                <Table data-size="sm" className="table-reflow">
                  <caption className="visually-hidden">{t('accessLog.title')}</caption>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{t('accessLog.person')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('accessLog.organization')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('accessLog.when')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('accessLog.via')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {reads.map((read) => (
                      <Table.Row key={read.id}>
                        <Table.Cell data-label={t('accessLog.person')}>{read.reader_name || t('accessLog.deletedUser')}</Table.Cell>
                        <Table.Cell data-label={t('accessLog.organization')}>{read.organization ? <OrgName org={read.organization} /> : t('accessLog.operator')}</Table.Cell>
                        <Table.Cell data-label={t('accessLog.when')}>{fmt.dateTime(read.read_at)}</Table.Cell>
                        <Table.Cell data-label={t('accessLog.via')}>{read.via_label}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              )}
            </QueryState>
          ) : null}
        </div>
      </Details.Content>
    </Details>
  );
}
