import { readFileSync } from 'node:fs';
import { type Browser, type Page } from '@playwright/test';
import { checkPage, expect, login, test, USERS } from './helpers';

/** Pilots and the innovation barometer (issue 14): Bergen asks for a pilot on one of its needs;
 * a supplier filters the search for needs that seek a pilot and finds it; a visitor reads the
 * barometer (each chart with its table, also on a phone) and downloads its figures as CSV. */
const NEED = 'Beboere som sitter stille store deler av dagen';

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

test('a buyer asks for a pilot and a supplier finds the need under "Søker pilot"', async ({ browser }) => {
  const buyer = await signedIn(browser, USERS.buyer);
  await openNeed(buyer, NEED);
  const section = buyer.getByRole('region', { name: 'Pilot og utprøving' });
  await section.getByRole('button', { name: 'Be om en pilot' }).click();
  const form = section.getByRole('form', { name: 'Be om en pilot' });
  // A pilot that ends before it starts is refused with a clear message; nothing is saved.
  await form.getByLabel('Omfang').fill('To sykehjem i Bergen prøver aktivitetssensorer og tilpasset trening på fellesarealene i fire måneder.');
  await form.getByLabel('Startdato').fill('2027-03-01');
  await form.getByLabel('Sluttdato').fill('2027-02-01');
  await form.getByLabel('Antall brukere').fill('48');
  await form.getByLabel('Måleområde 1', { exact: true }).fill('Minutter i aktivitet per beboer per dag');
  await form.getByLabel('Enhet (måleområde 1)').selectOption('minutes');
  await form.getByLabel('Utgangsverdi (måleområde 1)').fill('35');
  await form.getByRole('button', { name: 'Be om pilot' }).click();
  await expect(form.getByText('Piloten må slutte etter at den starter.').first()).toBeVisible();
  await form.getByLabel('Sluttdato').fill('2027-06-30');
  await form.getByRole('button', { name: 'Be om pilot' }).click();
  await expect(section.getByText('Piloten er lagret.')).toBeVisible();
  await expect(section.getByText('Søker pilot', { exact: true })).toBeVisible();
  await expect(section.getByRole('table', { name: 'Hva som måles' }).getByText('Minutter i aktivitet per beboer per dag')).toBeVisible();
  await checkPage(buyer, 'pilot-01-asked');
  await buyer.context().close();

  // A supplier filters the search for needs that seek a pilot (the index follows the change).
  const supplier = await signedIn(browser, USERS.supplier);
  await expect(async () => {
    await supplier.goto('/?type=need&seeks_pilot=true');
    await expect(supplier.getByRole('link', { name: NEED })).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 60_000 });
  const filter = supplier.getByRole('group', { name: 'Søker pilot' });
  await expect(filter.getByRole('radio', { name: /^Søker pilot \(\d+\)$/ })).toBeChecked();
  // The facet's counts reload after each change and re-render the group: a click that lands on
  // a re-render is tried again.
  await expect(async () => {
    await filter.getByRole('radio', { name: 'Alle' }).click();
    await expect(supplier).not.toHaveURL(/seeks_pilot/, { timeout: 3000 });
  }).toPass({ timeout: 30_000 });
  await expect(async () => {
    await filter.getByRole('radio', { name: /^Søker pilot \(\d+\)$/ }).click();
    await expect(supplier).toHaveURL(/seeks_pilot=true/, { timeout: 3000 });
  }).toPass({ timeout: 30_000 });
  await expect(supplier.getByRole('link', { name: NEED })).toBeVisible();
  await checkPage(supplier, 'pilot-02-search-filter');
  await supplier.context().close();
});

test('a visitor reads the barometer, each chart with its table, and downloads the CSV', async ({ page }) => {
  await page.goto('/barometer');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Innovasjonsbarometer');
  await expect(page.getByRole('heading', { name: 'Publiserte behov per periode' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Behov per fase ved slutten av hver periode' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Hvor lang tid fasene tar' })).toBeVisible();
  // The demo's completed pilot and running one count among the pilots.
  const pilots = page.getByRole('region', { name: 'Piloter' });
  await pilots.getByText('Vis «Piloter» som tabell').click();
  await expect(pilots.getByRole('table', { name: 'Piloter' }).getByRole('row', { name: /Fullført/ })).toBeVisible();
  await checkPage(page, 'barometer-01');

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Last ned CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('innovasjonsbarometer.csv');
  const text = readFileSync((await file.path()) ?? '', 'utf-8');
  expect(text.startsWith('\ufefffigure,period,key,label,unit,value')).toBe(true);
  expect(text).toMatch(/\nneeds_published,,,,needs,\d+/);
  expect(text).toMatch(/\npilots,,completed,,pilots,[1-9]/);

  // The open data as JSON for anyone.
  const json = await page.request.get('/api/insights/barometer/');
  expect(json.ok()).toBe(true);
  expect(((await json.json()) as { needs_published: number }).needs_published).toBeGreaterThan(10);
});

test('the barometer fits a phone', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto('/barometer?period=month');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Innovasjonsbarometer');
  await expect(page.getByRole('table', { name: 'Hvor lang tid fasene tar' })).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, 'nothing wider than a 390 px screen').toBeLessThanOrEqual(390);
  await checkPage(page, 'barometer-02-phone');
  await context.close();
});
