import type { Page } from '@playwright/test';
import { checkPage, expect, login, osloLocal, test, USERS } from './helpers';

// A dialogue conference from both sides: the host adds, moves and deletes 1:1 meetings; a supplier
// registers, books what it may (the buttons it cannot use say why), asks a question and is told when
// the answer comes; the host cancels one booking with a reason (the supplier hears why and books
// again), then the conference, and the supplier hears of it through a link that opens the page.

const NEED = 'Beboere som sitter stille store deler av dagen';

async function addSlot(page: Page, days: number, hour: number): Promise<void> {
  const form = page.getByRole('form', { name: 'Nytt 1:1-møte' });
  await form.getByLabel('Starter', { exact: true }).fill(osloLocal(days, hour));
  await expect(form.getByLabel('Starter', { exact: true })).not.toHaveValue('');
  await form.getByRole('button', { name: 'Legg til møtetid' }).click();
}

test.describe('dialogue conference journey', () => {
  test('slots moved and deleted, bookings limited with reasons, a question confirmed, and a cancellation that reaches the registered', async ({ page, browser }) => {
    const stamp = Date.now().toString().slice(-6);
    const title = `Markedsdialog om aktivitet på sykehjem ${stamp}`;

    // The host announces a conference with three 1:1 meetings.
    await login(page, USERS.buyer);
    await page.goto('/conferences/new');
    await page.getByRole('group', { name: 'Behov som presenteres' }).getByLabel(NEED, { exact: true }).check();
    await page.getByLabel('Tittel', { exact: true }).fill(title);
    await page.getByLabel('Beskrivelse', { exact: true }).fill('Vi presenterer behovet og vil høre hvordan markedet kan skape mer aktivitet i hverdagen.');
    await page.getByLabel('Starter', { exact: true }).fill(osloLocal(30, 9));
    await page.getByLabel('Slutter', { exact: true }).fill(osloLocal(30, 12));
    await page.getByLabel('Påmeldingsfrist', { exact: true }).fill(osloLocal(20, 12));
    await page.getByLabel('Sted', { exact: true }).fill('Bergen rådhus, Rådhusgaten 10, Bergen');
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await expect(page).toHaveURL(/\/conferences\/\d+$/);
    const conferenceUrl = new URL(page.url()).pathname;
    const publish = page.getByRole('button', { name: 'Publiser konferansen' });
    await publish.click();
    await expect(publish).toHaveCount(0);
    const slots = page.getByRole('table', { name: '1:1-møter' });
    for (const hour of [10, 11, 12]) {
      await addSlot(page, 31, hour);
      await expect(slots.getByRole('row')).toHaveCount(hour - 8);
    }
    // An overlapping meeting is refused, saying with which.
    await addSlot(page, 31, 11);
    await expect(page.getByText(/Møtet overlapper et annet 1:1-møte \(.*11:00–11:45\)\./)).toBeVisible();
    await expect(slots.getByRole('row')).toHaveCount(4);

    // A supplier registers and books one meeting: the others cannot be booked, and say why.
    const supplierContext = await browser.newContext();
    const supplier = await supplierContext.newPage();
    await login(supplier, USERS.supplier);
    await supplier.goto(conferenceUrl);
    const book = supplier.getByRole('button', { name: /^Book møtet/ });
    // Before registering, booking is not possible either, and the reason is given.
    await expect(book.first()).toBeDisabled();
    await expect(book.first()).toHaveAccessibleDescription('Meld dere på konferansen før dere booker et 1:1-møte.');
    await supplier.getByLabel('Rolle', { exact: true }).fill('Daglig leder');
    await supplier.getByRole('button', { name: 'Meld på virksomheten' }).click();
    await expect(supplier.getByText(/Virksomheten (din )?er påmeldt/)).toBeVisible();
    await expect(supplier.getByTestId('booking-allowance')).toContainText('Du har booket 0 av 1 mulige møter.');
    await expect(book).toHaveCount(3);
    await book.first().click();
    await expect(supplier.getByText('Booket av deg')).toBeVisible();
    await expect(supplier.getByText(/^Du har booket møtet .*10:00\.$/)).toBeVisible();
    await expect(book).toHaveCount(2);
    await expect(supplier.getByTestId('booking-allowance')).toHaveText('Du har booket 1 av 1 mulige møter.');
    for (const button of await book.all()) {
      await expect(button).toBeDisabled();
      await expect(button).toHaveAccessibleDescription('Du har booket 1 av 1 mulige møter.');
    }
    await checkPage(supplier, 'journey-01-booking-limit');

    // The question is confirmed, with when its answer is published.
    await supplier.getByLabel('Still et spørsmål', { exact: true }).fill('Kan vi vise løsningen for beboerrådet før konkurransen?');
    await supplier.getByRole('button', { name: 'Send spørsmålet' }).click();
    await expect(supplier.getByRole('status').filter({ hasText: 'Spørsmålet er sendt til arrangøren.' })).toContainText(/senest \d+\. \w+ \d{4} kl\. 09:00/);
    await expect(supplier.getByRole('list', { name: 'Spørsmål og svar' }).getByText(/^Svar senest/)).toBeVisible();
    await checkPage(supplier, 'journey-02-question-sent');

    // The host moves the booked meeting (the booking moves with it) and deletes a free one.
    await page.reload();
    await expect(slots.getByText('Booket av Helsetek AS')).toBeVisible();
    await page.getByRole('button', { name: /^Endre møtetiden .*10:00$/ }).click();
    const edit = page.getByRole('form', { name: /^Ny tid for møtet/ });
    await expect(edit.getByText('Helsetek AS har booket møtet og får beskjed om den nye tiden.')).toBeVisible();
    // A time before registration closes is refused, and nothing moves.
    await edit.getByLabel('Starter', { exact: true }).fill(osloLocal(19, 10));
    await edit.getByRole('button', { name: 'Lagre ny tid' }).click();
    await expect(edit.getByText(/1:1-møter starter etter påmeldingsfristen/)).toBeVisible();
    await edit.getByLabel('Starter', { exact: true }).fill(osloLocal(31, 14));
    await edit.getByRole('button', { name: 'Lagre ny tid' }).click();
    await expect(page.getByText(/^Møtet er flyttet til .*14:00/)).toBeVisible();
    await page.getByRole('button', { name: /^Slett møtetiden .*12:00$/ }).click();
    await expect(page.getByText(/^Slette møtetiden .*12:00\?$/)).toBeVisible();
    await page.getByRole('button', { name: 'Ja, fortsett' }).click();
    await expect(page.getByText(/^Møtetiden .*12:00 er slettet\.$/)).toBeVisible();
    await expect(slots.getByRole('row')).toHaveCount(3);
    await checkPage(page, 'journey-03-slots-changed');

    // The supplier is told, and the link opens the conference, where the meeting is at its new time.
    await supplier.goto('/supplier');
    await supplier.getByRole('link', { name: new RegExp(`^1:1-møtet deres på «${title}» er flyttet til .*14:00`) }).click();
    await expect(supplier).toHaveURL(new RegExp(`${conferenceUrl}$`));
    await expect(supplier.getByRole('row').filter({ hasText: 'Booket av deg' })).toContainText('14:00');

    // The host cancels that booking from its list, saying why: the time stays, free again.
    await page.getByRole('button', { name: /^Avlys bookingen .*14:00$/ }).click();
    const cancelBooking = page.getByRole('group', { name: /^Avlys bookingen .*14:00$/ });
    await expect(cancelBooking.getByText(/^Avlyse møtet .*14:00 som Helsetek AS har booket\? Helsetek AS får beskjed/)).toBeVisible();
    await expect(cancelBooking.getByLabel('Begrunnelse (valgfritt)')).toBeFocused();
    // Changing one's mind changes nothing.
    await cancelBooking.getByRole('button', { name: 'Ikke avlys' }).click();
    await expect(slots.getByText('Booket av Helsetek AS')).toBeVisible();
    await page.getByRole('button', { name: /^Avlys bookingen .*14:00$/ }).click();
    const why = 'Ordføreren har kalt inn til møte på samme tid. Book gjerne en annen tid.';
    await cancelBooking.getByLabel('Begrunnelse (valgfritt)').fill(why);
    await checkPage(page, 'journey-03b-cancel-booking');
    await cancelBooking.getByRole('button', { name: 'Avlys og varsle Helsetek AS' }).click();
    await expect(page.getByText(/^Møtet .*14:00 er avlyst\. Helsetek AS har fått beskjed, og tiden er ledig igjen\.$/)).toBeVisible();
    await expect(slots.getByText('Booket av Helsetek AS')).toHaveCount(0);
    await expect(slots.getByRole('row').filter({ hasText: '14:00–' })).toContainText('Ledig');
    await expect(page.getByRole('button', { name: /^Avlys bookingen/ })).toHaveCount(0);

    // The supplier hears it with the reason; the link opens the conference, where it may book again.
    await supplier.goto('/supplier');
    const cancelledNotice = supplier.locator('.notification').filter({ hasText: new RegExp(`^.*1:1-møtet deres på «${title}» .*14:00.* er avlyst`) });
    await expect(cancelledNotice).toContainText(`Begrunnelse: ${why}`);
    await cancelledNotice.getByRole('link').click();
    await expect(supplier).toHaveURL(new RegExp(`${conferenceUrl}$`));
    await expect(supplier.getByText('Booket av deg')).toHaveCount(0);
    await expect(supplier.getByTestId('booking-allowance')).toContainText('Du har booket 0 av 1 mulige møter.');
    await supplier.getByRole('button', { name: /^Book møtet .*14:00$/ }).click();
    await expect(supplier.getByRole('row').filter({ hasText: 'Booket av deg' })).toContainText('14:00');

    // The host cancels: a reason is needed, and the page says the conference is cancelled.
    await page.getByRole('button', { name: 'Avlys konferansen' }).click();
    await page.getByRole('button', { name: 'Avlys og varsle de påmeldte' }).click();
    await expect(page.getByText('Dette feltet må ikke være blankt.')).toBeVisible();
    const reason = 'Behovet tas inn i en felles anskaffelse med nabokommunene; vi inviterer til ny konferanse.';
    await page.getByLabel('Begrunnelse for avlysningen', { exact: true }).fill(reason);
    await page.getByRole('button', { name: 'Avlys og varsle de påmeldte' }).click();
    await expect(page.getByRole('heading', { name: 'Konferansen er avlyst' })).toBeVisible();
    await expect(page.getByText(`Begrunnelse: ${reason}`)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Avlys konferansen' })).toHaveCount(0);
    await checkPage(page, 'journey-04-cancelled');

    // The registered supplier hears of it; on the page nothing can be booked any more, and it says why.
    await supplier.goto('/supplier');
    await supplier.getByRole('link', { name: `Avlyst: ${title}` }).click();
    await expect(supplier).toHaveURL(new RegExp(`${conferenceUrl}$`));
    await expect(supplier.getByRole('heading', { name: 'Konferansen er avlyst' })).toBeVisible();
    await expect(supplier.getByText('Konferansen er avlyst, og påmeldingen er stengt.')).toBeVisible();
    await expect(supplier.getByText('Booket av deg')).toHaveCount(0);
    await expect(book).toHaveCount(2);
    for (const button of await book.all()) {
      await expect(button).toBeDisabled();
      await expect(button).toHaveAccessibleDescription('Konferansen er avlyst.');
    }
    await expect(supplier.getByLabel('Still et spørsmål', { exact: true })).toHaveCount(0);
    await checkPage(supplier, 'journey-05-cancelled-for-supplier');
    await supplierContext.close();
  });
});
