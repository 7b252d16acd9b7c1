import { readFileSync } from 'node:fs';
import { checkPage, expect, login, mailLink, PASSWORD, test, USERS } from './helpers';

test.describe.configure({ mode: 'serial' });

const stamp = Date.now().toString().slice(-6);
const email = `ola.personvern.${stamp}@example.no`;
const NEED = 'Nattlig tilsyn som ikke vekker beboerne';
const RESPONSE = 'Radarbasert tilsyn uten kamera – erfaringer fra to sykehjem';

test.describe('privacy', () => {
  test('the buyer reads a confidential response, and the supplier sees who read it', async ({ page }) => {
    await login(page, USERS.buyer2);
    await page.goto('/buyer');
    await page.getByRole('link', { name: NEED }).first().click();
    const response = page.locator('section[aria-labelledby="responses-heading"] li').filter({ hasText: RESPONSE });
    await expect(response).toBeVisible();
    await response.getByText('Hvem har lest innspillet').click();
    await expect(response.getByRole('row').filter({ hasText: 'Trondheim kommune' }).first()).toContainText('Magnus Rønning');
    await checkPage(page, 'privacy-01-buyer-access-log');
    await page.getByRole('button', { name: 'Logg ut' }).click();

    await login(page, USERS.supplier);
    await page.goto('/supplier');
    const mine = page.locator('section[aria-labelledby="my-responses"] li').filter({ hasText: NEED });
    await mine.getByText('Hvem har lest innspillet').click();
    const read = mine.getByRole('row').filter({ hasText: 'Magnus Rønning' }).first();
    await expect(read).toContainText('Trondheim kommune');
    await expect(read).toContainText('Innspillene til behovet');
    await checkPage(page, 'privacy-02-supplier-access-log');
  });

  test('a new user downloads their data and deletes the account', async ({ page }) => {
    await page.goto('/register');
    await page.getByLabel('Fullt navn', { exact: true }).fill('Ola Personvern');
    await page.getByLabel('E-post', { exact: true }).fill(email);
    await page.getByLabel('Passord', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Opprett bruker' }).click();
    await expect(page.getByText(/Vi har sendt en e-post til ola\.personvern/)).toBeVisible();
    await page.goto(await mailLink(email, '/verify-email'));
    await expect(page.getByText('E-postadressen din er bekreftet.')).toBeVisible();
    await login(page, email);

    await page.getByRole('link', { name: 'Mine data' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mine data');
    await checkPage(page, 'privacy-03-my-data');

    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Last ned mine data' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^innovasjonstorget-mine-data-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(readFileSync(await download.path(), 'utf8')) as { profile: { email: string; full_name: string }; memberships: unknown[] };
    expect(data.profile).toMatchObject({ email, full_name: 'Ola Personvern' });
    expect(data.memberships).toEqual([]);

    await page.getByRole('button', { name: 'Slett brukeren min' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading', { name: 'Vil du slette brukeren din?' })).toBeVisible();
    await dialog.getByLabel('Bekreft med passordet ditt').fill('feil-passord-123');
    await dialog.getByRole('button', { name: 'Slett brukeren for godt' }).click();
    await expect(dialog.getByText('Passordet er feil.')).toBeVisible();
    await checkPage(page, 'privacy-04-confirm-deletion');
    await dialog.getByLabel('Bekreft med passordet ditt').fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Slett brukeren for godt' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Brukeren din er slettet');
    await expect(page.getByRole('link', { name: 'Logg inn' })).toBeVisible();
    await checkPage(page, 'privacy-05-deleted');

    await page.goto('/login');
    await page.getByLabel('E-post').fill(email);
    await page.getByLabel('Passord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Logg inn' }).last().click();
    await expect(page.getByText('Feil e-postadresse eller passord.')).toBeVisible();
  });
});
