import { Button, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import type { Slot } from '../../api/types';
import { formatDate, formatTime, osloLocalToIso } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { fieldErrorsOf, firstError } from '../../components/form-fields';
import { ErrorAlert, QueryState } from '../../components/query-state';
import { useCreateSlot, useMySlots, useSlotAction, useSlots } from './api';
import { isUnverified } from '../../components/org-name';

function NewSlotForm({ conferenceId }: { conferenceId: string }) {
  const { t } = useI18n();
  const [startsAt, setStartsAt] = useState('');
  const [minutes, setMinutes] = useState('45');
  const create = useCreateSlot(conferenceId);
  const errors = fieldErrorsOf(create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const start = osloLocalToIso(startsAt);
    if (!start) return;
    const end = new Date(new Date(start).getTime() + (Number(minutes) || 45) * 60000).toISOString();
    create.mutate({ starts_at: start, ends_at: end }, { onSuccess: () => setStartsAt('') });
  };
  return (
    <form onSubmit={submit} className="row" style={{ alignItems: 'flex-end' }} aria-label={t('slots.newTitle')}>
      <Textfield type="datetime-local" label={t('slots.start')} description={t('common.osloTime')} required value={startsAt} onChange={(e) => setStartsAt(e.target.value)} error={firstError(errors, 'starts_at')} />
      <Textfield type="number" min={10} max={120} label={t('slots.minutes')} value={minutes} onChange={(e) => setMinutes(e.target.value)} error={firstError(errors, 'ends_at')} />
      <Button type="submit" loading={create.isPending}>
        {t('slots.add')}
      </Button>
      {create.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={create.error} /> : null}
    </form>
  );
}

function slotStatus(slot: Slot, mine: boolean, t: ReturnType<typeof useI18n>['t']): string {
  if (mine) return t('slots.yours');
  if (!slot.is_booked) return t('slots.free');
  const org = slot.booked_by;
  if (!org?.name) return t('slots.booked');
  const name = isUnverified(org) ? `${org.name} (${t('orgName.unverified')})` : org.name;
  return t('slots.bookedBy', { name });
}

/** 1:1 meeting slots: the buyer adds them; a registered supplier books or cancels. */
export function Slots({ conferenceId, manage, canBook, supplierOrg }: { conferenceId: string; manage: boolean; canBook: boolean; supplierOrg?: number }) {
  const { t } = useI18n();
  const slots = useSlots(conferenceId);
  const mySlots = useMySlots(conferenceId, supplierOrg !== undefined);
  const action = useSlotAction(conferenceId, supplierOrg);
  return (
    <section aria-labelledby="slots-heading" className="stack">
      <Heading level={2} data-size="sm" id="slots-heading">
        {t('slots.title')}
      </Heading>
      <Paragraph data-size="sm">{t('slots.intro')}</Paragraph>
      {manage ? <NewSlotForm conferenceId={conferenceId} /> : null}
      {action.isError ? <ErrorAlert error={action.error} /> : null}
      <QueryState query={slots} isEmpty={(d) => d.length === 0} empty={t('slots.empty')}>
        {(items) => (
          <Table>
            <caption className="visually-hidden">{t('slots.title')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('slots.date')}</Table.HeaderCell>
                <Table.HeaderCell>{t('slots.time')}</Table.HeaderCell>
                <Table.HeaderCell>{t('slots.status')}</Table.HeaderCell>
                {canBook ? <Table.HeaderCell>{t('slots.action')}</Table.HeaderCell> : null}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((s) => {
                const booked = s.is_booked;
                const isMine = mySlots.data?.has(s.id) ?? false;
                const when = `${formatDate(s.starts_at)} ${formatTime(s.starts_at)}`;
                return (
                  <Table.Row key={s.id}>
                    <Table.Cell>{formatDate(s.starts_at)}</Table.Cell>
                    <Table.Cell>
                      {formatTime(s.starts_at)}–{formatTime(s.ends_at)}
                    </Table.Cell>
                    <Table.Cell>{slotStatus(s, isMine, t)}</Table.Cell>
                    {canBook ? (
                      <Table.Cell>
                        {isMine ? (
                          <Button data-size="sm" variant="secondary" aria-label={t('slots.cancelAt', { when })} onClick={() => action.mutate({ slotId: s.id, action: 'cancel' })}>
                            {t('slots.cancel')}
                          </Button>
                        ) : !booked ? (
                          <Button data-size="sm" aria-label={t('slots.bookAt', { when })} onClick={() => action.mutate({ slotId: s.id, action: 'book' })}>
                            {t('slots.book')}
                          </Button>
                        ) : null}
                      </Table.Cell>
                    ) : null}
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        )}
      </QueryState>
    </section>
  );
}
