import { type Browser, type Page } from '@playwright/test';
import { checkPage, expect, login, test, USERS } from './helpers';

/** Joint procurement (issue 14): Bergen, which leads the demo's group on digital night-time
 * care, invites Trondheim from a similar need; Trondheim accepts from the notification; both
 * see the group on their need's page; a supplier sees only the public line. */
const BERGEN_NEED = 'Digitalt tilsyn om natten i hjemmetjenesten';
const TRONDHEIM_NEED = 'Nattlig tilsyn som ikke vekker beboerne';
const GROUP = 'Felles anskaffelse: digitalt nattilsyn i hjemmetjenesten i Bergensregionen';
const GREETING = 'Vi deler gjerne erfaringene fra Bergen. Bli med?';

test.describe.configure({ mode: 'serial' });

async function signedIn(browser: Browser, email: string, width?: number): Promise<Page> {
  const context = await browser.newContext(width ? { viewport: { width, height: 844 }, isMobile: true, hasTouch: true } : {});
  const page = await context.newPage();
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

async function fitsThePhone(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, 'nothing wider than a 390 px screen').toBeLessThanOrEqual(390);
}

test('a buyer invites from a similar need, the other buyer accepts from the notification, both see the group', async ({ browser }) => {
  // Bergen leads the demo's group: its need page shows it, and Trondheim's need is suggested.
  const bergen = await signedIn(browser, USERS.buyer);
  await openNeed(bergen, BERGEN_NEED);
  const panel = bergen.getByRole('region', { name: 'Felles anskaffelse' });
  await expect(panel.getByRole('heading', { name: GROUP })).toBeVisible();
  await expect(panel.getByText('Ledes av Bergen kommune')).toBeVisible();
  const members = panel.getByRole('list', { name: 'Medlemmer' });
  await expect(members.getByText('Askøy kommune')).toBeVisible();
  await expect(members.getByText('Voss herad')).toBeVisible();
  const similar = bergen.getByRole('region', { name: 'Lignende behov hos andre innkjøpere' });
  await similar.getByRole('button', { name: `Inviter til felles anskaffelse: ${TRONDHEIM_NEED}` }).click();
  const form = similar.getByRole('form', { name: 'Invitasjon til Trondheim kommune' });
  await form.getByLabel('Hilsen (valgfritt)').fill(GREETING);
  await form.getByRole('button', { name: 'Send invitasjon' }).click();
  await expect(bergen.getByText('Invitasjonen er sendt til Trondheim kommune.')).toBeVisible();
  await checkPage(bergen, 'joint-01-invited');

  // Trondheim follows the notification to the invitation and accepts.
  const trondheim = await signedIn(browser, USERS.buyer2);
  await trondheim.goto('/notifications');
  await trondheim
    .getByRole('list', { name: 'Varsler' })
    .getByRole('link', { name: `Bergen kommune inviterer dere til en felles anskaffelse: «${GROUP}»` })
    .click();
  await expect(trondheim.getByRole('heading', { level: 1 })).toHaveText('Invitasjon til felles anskaffelse');
  await expect(trondheim.getByText(GREETING, { exact: false })).toBeVisible();
  await checkPage(trondheim, 'joint-02-invitation');
  await trondheim.getByRole('button', { name: 'Bli med i den felles anskaffelsen' }).click();
  await expect(trondheim.getByText(`Dere er med i den felles anskaffelsen «${GROUP}».`)).toBeVisible();
  await trondheim.getByRole('link', { name: `Se gruppen på siden til ${TRONDHEIM_NEED}` }).click();
  const own = trondheim.getByRole('region', { name: 'Felles anskaffelse' });
  await expect(own.getByRole('heading', { name: GROUP })).toBeVisible();
  await expect(own.getByRole('list', { name: 'Medlemmer' }).getByText('Trondheim kommune')).toBeVisible();
  await expect(own.getByRole('list', { name: 'Medlemmer' }).getByText('Bergen kommune')).toBeVisible();
  await checkPage(trondheim, 'joint-03-member');

  // Bergen sees Trondheim among the members.
  await bergen.reload();
  await expect(bergen.getByRole('region', { name: 'Felles anskaffelse' }).getByRole('list', { name: 'Medlemmer' }).getByText('Trondheim kommune')).toBeVisible();
  await bergen.context().close();
  await trondheim.context().close();
});

test('a supplier sees only that the need is part of a joint procurement, also on a phone', async ({ browser }) => {
  const supplier = await signedIn(browser, USERS.supplier, 390);
  await openNeed(supplier, TRONDHEIM_NEED);
  const panel = supplier.getByRole('region', { name: 'Felles anskaffelse' });
  await expect(panel.getByText('Del av en felles anskaffelse mellom 4 offentlige virksomheter.')).toBeVisible();
  await expect(panel.getByRole('heading', { name: GROUP })).toBeVisible();
  await expect(panel.getByText('Askøy kommune')).toHaveCount(0);
  await expect(panel.getByText('Voss herad')).toHaveCount(0);
  await expect(panel.getByRole('list')).toHaveCount(0);
  await expect(supplier.getByText(GREETING)).toHaveCount(0);
  await fitsThePhone(supplier);
  await checkPage(supplier, 'joint-04-supplier-phone');
  await supplier.context().close();
});

test('the advisor finds the group in the list of joint procurements', async ({ browser }) => {
  const advisor = await signedIn(browser, USERS.advisor);
  await advisor.goto('/advisor?kind=need_need');
  await advisor.getByRole('link', { name: 'Se gruppene som er dannet for felles anskaffelse' }).click();
  await expect(advisor.getByRole('heading', { level: 1 })).toHaveText('Felles anskaffelser');
  await advisor.getByLabel('Fylke (lederens behov)').selectOption({ label: 'Vestland' });
  const list = advisor.getByRole('list', { name: 'Felles anskaffelser' });
  await expect(list.getByRole('link', { name: GROUP })).toBeVisible();
  await expect(list.getByText(/Voss herad \(Invitert\)/)).toBeVisible();
  await checkPage(advisor, 'joint-05-advisor');
  await advisor.context().close();
});
