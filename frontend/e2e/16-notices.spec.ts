import { readFileSync } from 'node:fs';
import { checkPage, expect, login, test, USERS } from './helpers';

/** Market-dialogue notices (issue 14): Bergen's buyer downloads the eForms prior information
 * notice of its PCP need (subtype 4, in Norwegian and English as the demo gives it both texts)
 * and a visitor downloads the need's OCDS release. */
const NEED = 'Beboere som sitter stille store deler av dagen';

async function needId(request: import('@playwright/test').APIRequestContext): Promise<number> {
  const answer = await request.get(`/api/needs/?search=${encodeURIComponent(NEED)}`);
  const found = ((await answer.json()) as { results: { id: number; title: string }[] }).results.find((n) => n.title === NEED);
  expect(found, NEED).toBeTruthy();
  return found?.id ?? 0;
}

test('the buyer downloads the prior information notice, a visitor the OCDS file', async ({ page, browser }) => {
  await login(page, USERS.buyer);
  const id = await needId(page.request);
  await page.goto(`/needs/${id}`);
  const section = page.getByRole('region', { name: 'Kunngjøring og åpne data' });
  await expect(section.getByRole('form', { name: 'Tittel og beskrivelse på engelsk' }).getByLabel('Tittel')).toHaveValue(
    'Residents who sit still for most of the day',
  );
  await checkPage(page, 'need-notices');

  const [pin] = await Promise.all([page.waitForEvent('download'), section.getByRole('link', { name: 'Last ned forhåndskunngjøring (eForms)' }).click()]);
  expect(pin.suggestedFilename()).toBe(`forhandskunngjoring-behov-${id}.xml`);
  const xml = readFileSync((await pin.path()) ?? '', 'utf-8');
  expect(xml).toContain('<cbc:SubTypeCode listName="notice-subtype">4</cbc:SubTypeCode>');
  expect(xml).toContain('<cbc:Name languageID="ENG">Residents who sit still for most of the day</cbc:Name>');

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/needs/${id}`);
  const open = visitor.getByRole('region', { name: 'Kunngjøring og åpne data' });
  await expect(open.getByRole('link', { name: 'Last ned forhåndskunngjøring (eForms)' })).toHaveCount(0);
  const [ocds] = await Promise.all([visitor.waitForEvent('download'), open.getByRole('link', { name: 'OCDS (JSON)' }).click()]);
  const release = (JSON.parse(readFileSync((await ocds.path()) ?? '', 'utf-8')) as { releases: { ocid: string; tag: string[] }[] }).releases[0];
  expect(release?.ocid).toBe(`ocds-lupnor-need-${id}`);
  expect(release?.tag).toEqual(['planning']);
});

test("Bergen's administrator changes its public contact on the organisation's page, and the notice carries it", async ({ page }) => {
  await login(page, USERS.buyer);
  await page.goto('/buyer');
  await page.locator('section[aria-labelledby="my-orgs-heading"]').getByRole('link', { name: 'Bergen kommune' }).click();
  await expect(page).toHaveURL(/\/organizations\/\d+$/);
  // The demo gives Bergen its switchboard, mailbox and postcode.
  await expect(page.getByRole('link', { name: 'postmottak@bergen.kommune.no' })).toBeVisible();
  await page.getByRole('button', { name: 'Endre profil og kontakt' }).click();
  const form = page.getByRole('form', { name: 'Profil og kontakt' });
  await form.getByLabel('Telefon', { exact: true }).fill('55 56 00 00');
  await form.getByLabel('Postnummer', { exact: true }).fill('50 20');
  await form.getByRole('button', { name: 'Lagre profilen' }).click();
  // A postcode with a space is named before anything is sent; nothing is saved.
  await expect(form.getByText('Et postnummer har nøyaktig 4 sifre.').first()).toBeVisible();
  await checkPage(page, 'org-profile-form');
  await form.getByLabel('Postnummer', { exact: true }).fill('5020');
  await form.getByRole('button', { name: 'Lagre profilen' }).click();
  await expect(page.getByRole('status').getByText('Profilen er lagret.')).toBeVisible();
  await expect(page.getByRole('link', { name: '55 56 00 00' })).toHaveAttribute('href', 'tel:55560000');

  // The need's prior information notice gives the contact (BT-503, BT-506, BT-512).
  const id = await needId(page.request);
  await page.goto(`/needs/${id}`);
  const section = page.getByRole('region', { name: 'Kunngjøring og åpne data' });
  const [pin] = await Promise.all([page.waitForEvent('download'), section.getByRole('link', { name: 'Last ned forhåndskunngjøring (eForms)' }).click()]);
  const xml = readFileSync((await pin.path()) ?? '', 'utf-8');
  expect(xml).toContain('<cbc:Telephone>55 56 00 00</cbc:Telephone>');
  expect(xml).toContain('<cbc:ElectronicMail>postmottak@bergen.kommune.no</cbc:ElectronicMail>');
  expect(xml).toContain('<cbc:PostalZone>5020</cbc:PostalZone>');
});

test("a visitor follows the buyer's name on a need to its page: facts, contact and what it published", async ({ page }) => {
  const id = await needId(page.request);
  await page.goto(`/needs/${id}`);
  await page.getByRole('link', { name: 'Bergen kommune' }).first().click();
  await expect(page).toHaveURL(/\/organizations\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Bergen kommune/);
  await expect(page.getByRole('link', { name: 'postmottak@bergen.kommune.no' })).toBeVisible();
  const published = page.getByRole('region', { name: 'Publisert av virksomheten' });
  await expect(published.getByRole('link', { name: NEED })).toBeVisible();
  // Nothing of its members, requests or invitations for a visitor.
  await expect(page.getByRole('table', { name: 'Medlemmer' })).toHaveCount(0);
  await checkPage(page, 'org-public');
  await published.getByRole('link', { name: NEED }).click();
  await expect(page).toHaveURL(new RegExp(`/needs/${id}$`));
});
