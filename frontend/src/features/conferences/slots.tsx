import { Button, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { components } from '../../api/generated/schema';
import type { Slot } from '../../api/types';
import { isoToOsloLocal, osloLocalToIso, type Formatters } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { ConfirmButton } from '../../components/confirm-button';
import { ConfirmReasonButton } from '../../components/confirm-reason-button';
import { fieldErrorsOf, firstError } from '../../components/form-fields';
import { LiveNotice } from '../../components/live-notice';
import { isUnverified } from '../../components/org-name';
import { ErrorAlert, QueryState } from '../../components/query-state';
import { useBookingAllowance, useCancelBooking, useCreateSlot, useDeleteSlot, useMySlots, useSlotAction, useSlots, useUpdateSlot } from './api';

type Allowance = components['schemas']['BookingAllowanceOutput'];
type T = ReturnType<typeof useI18n>['t'];

const minutesOf = (slot: Slot) => Math.round((new Date(slot.ends_at).getTime() - new Date(slot.starts_at).getTime()) / 60000);
const whenOf = (slot: Slot, fmt: Formatters) => `${fmt.date(slot.starts_at)} ${fmt.time(slot.starts_at)}`;
const hasStarted = (slot: Slot) => new Date(slot.starts_at).getTime() <= Date.now();

function bookerName(slot: Slot, t: T): string | undefined {
  const org = slot.booked_by;
  if (!org?.name) return undefined;
  return isUnverified(org) ? `${org.name} (${t('orgName.unverified')})` : org.name;
}

/** A start (Oslo time) and a length in minutes, as the backend's start and end. */
function SlotTimeFields({
  startsAt,
  minutes,
  onStartsAt,
  onMinutes,
  errors,
}: {
  startsAt: string;
  minutes: string;
  onStartsAt: (v: string) => void;
  onMinutes: (v: string) => void;
  errors: ReturnType<typeof fieldErrorsOf>;
}) {
  const { t } = useI18n();
  return (
    <>
      <Textfield type="datetime-local" label={t('slots.start')} description={t('common.osloTime')} required value={startsAt} onChange={(e) => onStartsAt(e.target.value)} error={firstError(errors, 'starts_at')} />
      <Textfield type="number" min={10} max={240} label={t('slots.minutes')} value={minutes} onChange={(e) => onMinutes(e.target.value)} error={firstError(errors, 'ends_at')} />
    </>
  );
}

function times(startsAt: string, minutes: string): { starts_at: string; ends_at: string } | null {
  const start = osloLocalToIso(startsAt);
  if (!start) return null;
  const end = new Date(new Date(start).getTime() + (Number(minutes) || 45) * 60000).toISOString();
  return { starts_at: start, ends_at: end };
}

function NewSlotForm({ conferenceId }: { conferenceId: string }) {
  const { t } = useI18n();
  const [startsAt, setStartsAt] = useState('');
  const [minutes, setMinutes] = useState('45');
  const create = useCreateSlot(conferenceId);
  const errors = fieldErrorsOf(create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = times(startsAt, minutes);
    if (body) create.mutate(body, { onSuccess: () => setStartsAt('') });
  };
  return (
    <form onSubmit={submit} className="row" style={{ alignItems: 'flex-end' }} aria-label={t('slots.newTitle')}>
      <SlotTimeFields startsAt={startsAt} minutes={minutes} onStartsAt={setStartsAt} onMinutes={setMinutes} errors={errors} />
      <Button type="submit" loading={create.isPending}>
        {t('slots.add')}
      </Button>
      {create.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={create.error} /> : null}
    </form>
  );
}

/** The host gives a meeting a new time; a booked meeting's booker is told. */
function EditSlotForm({ conferenceId, slot, onDone }: { conferenceId: string; slot: Slot; onDone: (message: string | null) => void }) {
  const { t, fmt } = useI18n();
  const [startsAt, setStartsAt] = useState(isoToOsloLocal(slot.starts_at));
  const [minutes, setMinutes] = useState(String(minutesOf(slot)));
  const update = useUpdateSlot(conferenceId);
  const errors = fieldErrorsOf(update.error);
  const booker = bookerName(slot, t);
  const title = t('slots.editTitle', { when: whenOf(slot, fmt) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = times(startsAt, minutes);
    if (body) update.mutate({ slotId: slot.id, ...body }, { onSuccess: (moved) => onDone(t('slots.moved', { when: moved ? fmt.dateTime(moved.starts_at) : '' })) });
  };
  return (
    <form onSubmit={submit} className="stack" aria-label={title}>
      {booker ? <Paragraph data-size="sm">{t('slots.bookedNote', { name: booker })}</Paragraph> : null}
      <div className="row" style={{ alignItems: 'flex-end' }}>
        <SlotTimeFields startsAt={startsAt} minutes={minutes} onStartsAt={setStartsAt} onMinutes={setMinutes} errors={errors} />
        <Button type="submit" data-size="sm" loading={update.isPending}>
          {t('slots.saveTime')}
        </Button>
        <Button type="button" data-size="sm" variant="tertiary" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </Button>
      </div>
      {update.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={update.error} /> : null}
    </form>
  );
}

function slotStatus(slot: Slot, mine: boolean, cancelled: boolean, t: T): string {
  if (cancelled) return t('slots.cancelledStatus');
  if (hasStarted(slot) && !mine && !slot.booked_by) return t('slots.past');
  if (mine) return t('slots.yours');
  if (!slot.is_booked) return t('slots.free');
  const name = bookerName(slot, t);
  return name ? t('slots.bookedBy', { name }) : t('slots.taken');
}

/** What a supplier has booked and may still book: its booking state, above the table. */
function AllowanceSummary({ allowance }: { allowance: Allowance }) {
  const { t, fmt } = useI18n();
  if (!allowance.registered) return null;
  const summary = t('slots.allowance', { booked: allowance.booked, max: allowance.max_meetings });
  const more = allowance.can_book ? ` ${t('slots.remaining', { remaining: allowance.remaining, deadline: fmt.dateTime(allowance.booking_deadline) })}` : '';
  return (
    <Paragraph data-size="sm" data-testid="booking-allowance">
      <strong>{summary}</strong>
      {more}
    </Paragraph>
  );
}

/** A held meeting's record (minutes and what was shared), for its host and its supplier. */
function MinutesLink({ conferenceId, slot }: { conferenceId: string; slot: Slot }) {
  const { t, fmt } = useI18n();
  return (
    <Button asChild data-size="sm" variant="secondary">
      <Link to={`/conferences/${conferenceId}/meetings/${slot.id}`} aria-label={t('record.openMinutesAt', { when: whenOf(slot, fmt) })}>
        {t('record.openMinutes')}
      </Link>
    </Button>
  );
}

type RowProps = {
  conferenceId: string;
  slot: Slot;
  mine: boolean;
  allowance: Allowance | undefined;
  busy: boolean;
  onAction: (slot: Slot, action: 'book' | 'cancel') => void;
};

/** A supplier's action for one meeting: cancel its own, book a free one, or a book button it
 * cannot use, with the reason beside it (and as its description). */
function SupplierAction({ conferenceId, slot, mine, allowance, busy, onAction }: RowProps) {
  const { t, fmt } = useI18n();
  const when = whenOf(slot, fmt);
  if (hasStarted(slot)) return mine ? <MinutesLink conferenceId={conferenceId} slot={slot} /> : null;
  if (mine) {
    return (
      <Button data-size="sm" variant="secondary" aria-label={t('slots.cancelAt', { when })} loading={busy} onClick={() => onAction(slot, 'cancel')}>
        {t('slots.cancel')}
      </Button>
    );
  }
  if (slot.is_booked) return null;
  const why = allowance && !allowance.can_book ? allowance.reason : null;
  const whyId = `slot-${slot.id}-why`;
  return (
    <div className="row">
      <Button
        data-size="sm"
        aria-label={t('slots.bookAt', { when })}
        aria-disabled={why !== null || !allowance ? true : undefined}
        aria-describedby={why ? whyId : undefined}
        loading={busy}
        onClick={() => (why === null && allowance ? onAction(slot, 'book') : undefined)}
      >
        {t('slots.book')}
      </Button>
      {why ? (
        <span id={whyId} className="meta">
          {why}
        </span>
      ) : null}
    </div>
  );
}

/** The host cancels one booking (the meeting time stays, free again), saying why if it will:
 * the supplier that booked is told, with a calendar cancellation. */
function CancelBooking({ conferenceId, slot, booker, onNotice }: { conferenceId: string; slot: Slot; booker: string; onNotice: (message: string) => void }) {
  const { t, fmt } = useI18n();
  const cancel = useCancelBooking(conferenceId);
  const when = whenOf(slot, fmt);
  return (
    <ConfirmReasonButton
      label={t('slots.cancelBookingAt', { when })}
      question={t('slots.cancelBookingQuestion', { when, name: booker })}
      reasonHint={t('slots.cancelBookingHint', { name: booker })}
      confirm={t('slots.cancelBookingConfirm', { name: booker })}
      loading={cancel.isPending}
      error={cancel.error}
      onConfirm={(reason, done) =>
        cancel.mutate(
          { slotId: slot.id, reason },
          {
            onSuccess: () => {
              done();
              onNotice(t('slots.bookingCancelled', { when, name: booker }));
            },
          },
        )
      }
    >
      {t('slots.cancelBooking')}
    </ConfirmReasonButton>
  );
}

function HostActions({ conferenceId, slot, onEdit, onNotice }: { conferenceId: string; slot: Slot; onEdit: () => void; onNotice: (message: string) => void }) {
  const { t, fmt } = useI18n();
  const remove = useDeleteSlot(conferenceId);
  const when = whenOf(slot, fmt);
  const booker = bookerName(slot, t);
  if (hasStarted(slot)) return slot.booked_by ? <MinutesLink conferenceId={conferenceId} slot={slot} /> : null;
  return (
    <div className="stack">
      <div className="row">
        <Button data-size="sm" variant="secondary" aria-label={t('slots.editAt', { when })} onClick={onEdit}>
          {t('slots.edit')}
        </Button>
        {booker ? <CancelBooking conferenceId={conferenceId} slot={slot} booker={booker} onNotice={onNotice} /> : null}
        <ConfirmButton
          label={t('slots.deleteAt', { when })}
          question={booker ? t('slots.deleteBookedQuestion', { when, name: booker }) : t('slots.deleteQuestion', { when })}
          loading={remove.isPending}
          onConfirm={() => remove.mutate(slot.id, { onSuccess: () => onNotice(t('slots.deleted', { when })) })}
        >
          {t('slots.delete')}
        </ConfirmButton>
      </div>
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
    </div>
  );
}

/** 1:1 meeting slots: the host adds, moves and deletes them; a supplier sees what it may still
 * book, books or cancels; buttons it cannot use say why. */
export function Slots({
  conferenceId,
  manage,
  supplierOrg,
  cancelled,
}: {
  conferenceId: string;
  manage: boolean;
  supplierOrg?: number;
  cancelled: boolean;
}) {
  const { t, fmt } = useI18n();
  const slots = useSlots(conferenceId);
  const supplier = !manage && supplierOrg !== undefined;
  const mySlots = useMySlots(conferenceId, supplier);
  const allowance = useBookingAllowance(conferenceId, supplier ? supplierOrg : undefined);
  const action = useSlotAction(conferenceId, supplierOrg);
  const [editing, setEditing] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const hostActions = manage && !cancelled;
  const onAction = (slot: Slot, kind: 'book' | 'cancel') => {
    setNotice(null);
    action.mutate({ slotId: slot.id, action: kind }, { onSuccess: () => setNotice(t(kind === 'book' ? 'slots.bookedDone' : 'slots.cancelledDone', { when: whenOf(slot, fmt) })) });
  };
  const columns = hostActions || supplier ? 4 : 3;
  return (
    <section aria-labelledby="slots-heading" className="stack">
      <Heading level={2} data-size="sm" id="slots-heading">
        {t('slots.title')}
      </Heading>
      <Paragraph data-size="sm">{t('slots.intro')}</Paragraph>
      {hostActions ? <NewSlotForm conferenceId={conferenceId} /> : null}
      {allowance.data ? <AllowanceSummary allowance={allowance.data} /> : null}
      <LiveNotice message={notice} />
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
                {columns === 4 ? <Table.HeaderCell>{t('slots.action')}</Table.HeaderCell> : null}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.flatMap((s) => {
                const mine = mySlots.data?.has(s.id) ?? false;
                const row = (
                  <Table.Row key={s.id}>
                    <Table.Cell>{fmt.date(s.starts_at)}</Table.Cell>
                    <Table.Cell>
                      {fmt.time(s.starts_at)}–{fmt.time(s.ends_at)}
                    </Table.Cell>
                    <Table.Cell>{slotStatus(s, mine, cancelled, t)}</Table.Cell>
                    {hostActions ? (
                      <Table.Cell>
                        <HostActions conferenceId={conferenceId} slot={s} onEdit={() => setEditing(editing === s.id ? null : s.id)} onNotice={setNotice} />
                      </Table.Cell>
                    ) : supplier ? (
                      <Table.Cell>
                        <SupplierAction conferenceId={conferenceId} slot={s} mine={mine} allowance={allowance.data} busy={action.isPending && action.variables?.slotId === s.id} onAction={onAction} />
                      </Table.Cell>
                    ) : null}
                  </Table.Row>
                );
                if (!hostActions || editing !== s.id) return [row];
                return [
                  row,
                  <Table.Row key={`${s.id}-edit`}>
                    <Table.Cell colSpan={columns}>
                      <EditSlotForm
                        conferenceId={conferenceId}
                        slot={s}
                        onDone={(message) => {
                          setEditing(null);
                          if (message) setNotice(message);
                        }}
                      />
                    </Table.Cell>
                  </Table.Row>,
                ];
              })}
            </Table.Body>
          </Table>
        )}
      </QueryState>
    </section>
  );
}
