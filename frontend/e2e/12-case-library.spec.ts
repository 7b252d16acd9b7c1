import { type Browser, type Page } from '@playwright/test';
import { checkPage, expect, login, test, USERS } from './helpers';

/** The case library (issue 14): Bergen records its completed medicine-dispenser need as a case
 * with a gain and publishes it; Trondheim finds the case in search, reads its gains (also on a
 * 390 px phone, with nothing wider than the screen), reuses it ("Gjenbruk"), edits and saves
 * the new draft need, which links back to the case; the case counts the reuse. */
const NEED = 'Elektroniske medisindispensere i hjemmetjenesten';

test.describe.configure({ mode: 'serial' });

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await login(page, email);
  return page;
}

async function openNeed(page: Page, title: string): Promise<void> {
  const answer = await page.request.get(`/api/needs/?search=${encodeURIComponent(title)}`);
  const found = ((await answer.json()) as { results: { id: number; title: string }[] }).results.find((n) => n.title === title);
  expect(found, title).toBeTruthy();
  await page.goto(`/needs/${found?.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
}

test('a completed need becomes a case that another buyer finds and reuses', async ({ browser }) => {
  const stamp = Date.now().toString().slice(-6);
  const caseTitle = `Medisindispensere som gir riktig dose ${stamp}`;

  // Bergen records its need in contract follow-up as a case, with one gain.
  const bergen = await signedIn(browser, USERS.buyer);
  await openNeed(bergen, NEED);
  await bergen.getByRole('link', { name: 'Registrer som erfaring' }).click();
  await expect(bergen.getByRole('heading', { level: 1 })).toHaveText('Registrer erfaring');
  await bergen.getByLabel('Tittel', { exact: true }).fill(caseTitle);
  await bergen
    .getByLabel('Hva ble anskaffet', { exact: true })
    .fill('Bergen kjøpte elektroniske medisindispensere til 300 hjemmeboende i et innovasjonspartnerskap med to leverandører.');
  await bergen.getByLabel('Leverandører', { exact: true }).fill('Dosell Norge AS');
  await bergen.getByLabel('Erfaringer og læring', { exact: true }).fill('Farmasøyten må være med fra første dialogmøte.');
  // A gain without an amount is refused before anything is sent.
  await bergen.getByRole('button', { name: 'Legg til gevinst' }).click();
  await bergen.getByRole('button', { name: 'Lagre' }).click();
  await expect(bergen.getByText('Hver gevinst trenger en mengde og hvordan den ble målt.').first()).toBeVisible();
  const gain = bergen.getByRole('group', { name: 'Gevinst 1' });
  await gain.getByLabel('Type gevinst').selectOption('hours_freed');
  await gain.getByLabel('Hva gevinsten er').fill('Færre besøk bare for å gi medisiner');
  await gain.getByLabel('Mengde').fill('5200');
  await expect(gain.getByLabel('Enhet')).toHaveValue('hours');
  await gain.getByLabel('Hvordan ble det målt').fill('Besøkslogg i fagsystemet, seks måneder før og etter.');
  await bergen.getByRole('button', { name: 'Lagre' }).click();
  await expect(bergen).toHaveURL(/\/cases\/\d+$/);
  const caseUrl = bergen.url();
  await expect(bergen.getByRole('heading', { level: 1 })).toHaveText(caseTitle);
  await expect(bergen.getByText('Utkast', { exact: true })).toBeVisible();
  await bergen.getByRole('button', { name: 'Publiser erfaringen' }).click();
  await expect(bergen.getByText('Erfaringen er publisert.', { exact: false })).toBeVisible();
  await checkPage(bergen, 'cases-01-published');

  // Trondheim finds the case in search (the index follows through the outbox, moments later).
  const trondheim = await signedIn(browser, USERS.buyer2);
  await expect(async () => {
    await trondheim.goto(`/?q=${encodeURIComponent(`medisindispensere ${stamp}`)}&type=case`);
    await expect(trondheim.getByRole('link', { name: caseTitle })).toBeVisible({ timeout: 5_000 });
  }).toPass();
  await trondheim.getByRole('link', { name: caseTitle }).click();
  await expect(trondheim.getByRole('heading', { level: 1 })).toHaveText(caseTitle);
  const gains = trondheim.getByRole('region', { name: 'Gevinster' }).getByRole('table');
  await expect(gains.getByRole('row', { name: /Frigjorte timer/ })).toContainText('5 200 timer');
  await expect(gains).toContainText('per år');
  await expect(gains).toContainText('oppdragsgiveren');
  await expect(trondheim.getByText('Dosell Norge AS', { exact: true })).toBeVisible();
  await expect(trondheim.getByText('Innovasjonspartnerskap', { exact: true })).toBeVisible();
  await checkPage(trondheim, 'cases-02-found');

  // On a 390 px phone the case page fits the screen (the gains table scrolls in its own box).
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
  await phone.goto(caseUrl);
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText(caseTitle);
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  expect(width, 'nothing wider than a 390 px screen').toBeLessThanOrEqual(390);
  await phone.context().close();

  // Trondheim reuses it, edits and saves the new draft, which builds on the case.
  await trondheim.getByRole('button', { name: 'Gjenbruk', exact: true }).click();
  await expect(trondheim).toHaveURL(/\/needs\/\d+\/edit$/);
  const title = trondheim.getByLabel('Tittel', { exact: true });
  await expect(title).toHaveValue(NEED);
  await title.fill(`${NEED} i Trondheim ${stamp}`);
  await trondheim.getByRole('button', { name: 'Lagre', exact: true }).click();
  await expect(trondheim).toHaveURL(/\/needs\/\d+$/);
  await expect(trondheim.getByRole('heading', { level: 1 })).toHaveText(`${NEED} i Trondheim ${stamp}`);
  await expect(trondheim.getByTestId('built-on')).toContainText(caseTitle);
  await checkPage(trondheim, 'cases-03-reused');

  // The case shows the spreading.
  await trondheim.getByTestId('built-on').getByRole('link', { name: caseTitle }).click();
  await expect(trondheim.getByTestId('case-spread')).toHaveText('Gjenbrukt av én virksomhet: Trondheim kommune');
});
