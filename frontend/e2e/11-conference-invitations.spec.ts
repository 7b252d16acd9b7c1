import type { Page } from '@playwright/test';
import { checkPage, expect, login, osloLocal, test, USERS } from './helpers';

// Invitations from a need's suggested solutions: Trondheim's buyer announces a conference for its
// need, ticks two suggested suppliers and invites them with a message (nothing chosen is refused,
// saying why); the supplier hears of it, follows the notification to the conference page, reads
// the invitation and registers; the host sees who was invited and who registered; inviting the
// registered again tells nobody anything new.

const NEED = 'Nattlig tilsyn som ikke vekker beboerne';
const MESSAGE = 'Vi har sett løsningene deres og tror de kan svare på behovet. Etter konferansen setter vi av tid til 1:1-møter.';

async function needPath(page: Page): Promise<string> {
  const answer = await page.request.get(`/api/needs/?mine=true&page_size=100`);
  expect(answer.ok()).toBe(true);
  const needs = ((await answer.json()) as { results: { id: number; title: string }[] }).results;
  const need = needs.find((n) => n.title === NEED);
  expect(need, NEED).toBeTruthy();
  return `/needs/${need?.id ?? 0}`;
}

test.describe('conference invitations', () => {
  test('the buyer invites two suggested suppliers; one follows the invitation to the conference and registers', async ({ page, browser }) => {
    const title = `Dialogkonferanse om nattlig tilsyn ${Date.now().toString().slice(-6)}`;

    // Trondheim's buyer announces a conference for the need, from the need's page.
    await login(page, USERS.buyer2);
    const need = await needPath(page);
    await page.goto(need);
    await page.getByRole('link', { name: 'Ny dialogkonferanse' }).click();
    await expect(page.getByRole('group', { name: 'Behov som presenteres' }).getByLabel(NEED, { exact: true })).toBeChecked();
    await page.getByLabel('Tittel', { exact: true }).fill(title);
    await page.getByLabel('Beskrivelse', { exact: true }).fill('Vi presenterer behovet og vil høre hvordan tilsyn om natten kan bli mindre forstyrrende for beboerne.');
    await page.getByLabel('Starter', { exact: true }).fill(osloLocal(40, 9));
    await page.getByLabel('Slutter', { exact: true }).fill(osloLocal(40, 12));
    await page.getByLabel('Påmeldingsfrist', { exact: true }).fill(osloLocal(30, 12));
    await page.getByLabel('Sted', { exact: true }).fill('Trondheim rådhus, Munkegata 1, Trondheim');
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await expect(page).toHaveURL(/\/conferences\/\d+$/);
    const conferenceUrl = new URL(page.url()).pathname;
    await page.getByRole('button', { name: 'Publiser konferansen' }).click();
    await expect(page.getByRole('button', { name: 'Publiser konferansen' })).toHaveCount(0);
    await expect(page.getByText('Ingen leverandører er invitert ennå.', { exact: false })).toBeVisible();

    // On the need's suggestions, nothing chosen is refused with the reason; then two are invited.
    await page.goto(need);
    const panel = page.getByRole('form', { name: 'Inviter til dialogkonferanse' });
    await panel.getByRole('radio', { name: title }).check();
    await panel.getByRole('button', { name: 'Inviter til dialogkonferanse' }).click();
    await expect(panel.getByText('Velg minst én leverandør å invitere.')).toBeVisible();
    const suggestions = page.getByRole('list', { name: 'Foreslåtte løsninger' });
    await suggestions.getByRole('checkbox', { name: 'Velg Helsetek AS' }).check();
    await suggestions.getByRole('checkbox', { name: 'Velg Sensio AS' }).check();
    await expect(panel.getByText('Valgt: Helsetek AS og Sensio AS.')).toBeVisible();
    await panel.getByLabel('Personlig hilsen (valgfritt)').fill(MESSAGE);
    await panel.getByRole('button', { name: 'Inviter til dialogkonferanse' }).click();
    const sent = panel.getByRole('status').filter({ hasText: 'Invitasjonen er sendt' });
    await expect(sent).toContainText('Invitert: Helsetek AS og Sensio AS.');
    await expect(suggestions.getByRole('checkbox', { name: 'Velg Helsetek AS' })).not.toBeChecked();
    await checkPage(page, 'invitations-01-sent');

    // The supplier hears of it and follows the notification to the conference page, where it registers.
    const supplierContext = await browser.newContext();
    const supplier = await supplierContext.newPage();
    await login(supplier, USERS.supplier);
    await supplier.goto('/notifications');
    await supplier.getByRole('list', { name: 'Varsler' }).getByRole('link', { name: `Invitasjon: ${title}`, exact: true }).first().click();
    await expect(supplier).toHaveURL(new RegExp(`${conferenceUrl}$`));
    const invitation = supplier.getByTestId('own-invitation');
    await expect(invitation).toContainText('Trondheim kommune har invitert virksomheten deres til denne konferansen');
    await expect(invitation).toContainText(MESSAGE);
    await checkPage(supplier, 'invitations-02-invited-supplier');
    await supplier.getByLabel('Rolle', { exact: true }).fill('Daglig leder');
    await supplier.getByRole('button', { name: 'Meld på virksomheten' }).click();
    await expect(supplier.getByText(/Virksomheten (din )?er påmeldt/).first()).toBeVisible();
    // A supplier never learns who else was invited.
    await expect(supplier.getByText('Sensio AS')).toHaveCount(0);
    await supplierContext.close();

    // The host sees who was invited, and that Helsetek has registered.
    await page.goto(conferenceUrl);
    const invited = page.getByRole('table', { name: 'Inviterte leverandører' });
    await expect(invited.getByRole('row').filter({ hasText: 'Helsetek AS' })).toContainText('Ja');
    await expect(invited.getByRole('row').filter({ hasText: 'Sensio AS' })).toContainText('Nei');
    await checkPage(page, 'invitations-03-host-list');

    // Inviting the registered again tells nobody anything new.
    await page.goto(need);
    await panel.getByRole('radio', { name: title }).check();
    await suggestions.getByRole('checkbox', { name: 'Velg Helsetek AS' }).check();
    await suggestions.getByRole('checkbox', { name: 'Velg Sensio AS' }).check();
    await panel.getByRole('button', { name: 'Inviter til dialogkonferanse' }).click();
    await expect(sent).toContainText('Allerede påmeldt (får ikke invitasjon): Helsetek AS.');
    await expect(sent).toContainText('Allerede invitert (får ikke ny invitasjon): Sensio AS.');
  });
});
