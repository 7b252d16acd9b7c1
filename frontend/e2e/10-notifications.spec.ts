import { type Page } from '@playwright/test';
import { checkPage, expect, isPhone, login, mailLink, openSiteMenu, test, USERS } from './helpers';

// e2e-server.sh loads one notification of every kind for the demo's buyer, supplier and
// advisor (manage.py notifications_examples), each about a real row of the demo market.
test.describe.configure({ mode: 'serial' });

type Notice = { id: number; kind: string; title: string; link: string; read_at: string | null };

const NOT_FOUND = 'Fant ikke siden';
const ERROR_TEXT = 'Vi fant ikke siden eller innholdet du lette etter.';

async function notices(page: Page): Promise<Notice[]> {
  const answer = await page.request.get('/api/notifications/?page_size=100');
  expect(answer.ok()).toBe(true);
  return ((await answer.json()) as { results: Notice[] }).results;
}

/** One notification of each kind the person has (the newest). */
function onePerKind(all: Notice[]): Notice[] {
  const seen = new Map<string, Notice>();
  for (const n of all) if (n.kind && !seen.has(n.kind)) seen.set(n.kind, n);
  return [...seen.values()];
}

/** Opens each notification's link from the list, as a person would, and checks that the page
 * it leads to is that page: its path, a heading of its own, never "Fant ikke siden". */
async function followEach(page: Page, items: Notice[]): Promise<void> {
  for (const n of items) {
    await page.goto('/notifications');
    const list = page.getByRole('list', { name: 'Varsler' });
    await list.getByRole('link', { name: n.title, exact: true }).first().click();
    const path = n.link.split('?')[0] ?? n.link;
    await expect(page, `${n.kind}: ${n.link}`).toHaveURL((url) => url.pathname === path);
    await expect(page.locator('main .loading')).toHaveCount(0);
    const heading = page.locator('main h1').first();
    await expect(heading, `${n.kind}: ${n.link}`).toBeVisible();
    await expect(heading, `${n.kind}: ${n.link}`).not.toHaveText(NOT_FOUND);
    await expect(page.getByText(ERROR_TEXT), `${n.kind}: ${n.link}`).toHaveCount(0);
  }
}

async function logout(page: Page): Promise<void> {
  if (isPhone(page)) await openSiteMenu(page);
  await page.getByRole('button', { name: 'Logg ut' }).click();
}

test.describe('notifications', () => {
  const kinds = new Set<string>();

  test('the buyer sees the unread count, reads the list and every link opens its page', async ({ page }) => {
    await login(page, USERS.buyer);
    const mine = await notices(page);
    const unread = mine.filter((n) => n.read_at === null).length;
    expect(unread).toBeGreaterThan(0);
    await expect(page.getByTestId('notifications-link')).toHaveAccessibleName(`Varsler, ${unread} uleste`);
    await page.goto('/notifications');
    await expect(page.getByRole('heading', { level: 1, name: 'Varsler' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Varsler' }).getByText('Ulest').first()).toBeVisible();
    await checkPage(page, 'notifications-01-buyer-list');
    const items = onePerKind(mine);
    items.forEach((n) => kinds.add(n.kind));
    await followEach(page, items);
    await logout(page);
  });

  test('the supplier follows every link, and its choices are kept', async ({ page }) => {
    await login(page, USERS.supplier);
    const items = onePerKind(await notices(page));
    items.forEach((n) => kinds.add(n.kind));
    await followEach(page, items);

    await page.goto('/account/notifications');
    await expect(page.getByRole('heading', { level: 1, name: 'Varslingsinnstillinger' })).toBeVisible();
    const choice = page.getByRole('combobox', { name: 'Et svar på en konferanse dere er påmeldt' });
    await choice.selectOption('digest');
    await expect(page.getByText('Lagret: «Et svar på en konferanse dere er påmeldt»')).toBeVisible();
    await checkPage(page, 'notifications-02-settings');
    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Et svar på en konferanse dere er påmeldt' })).toHaveValue('digest');
    await logout(page);
  });

  test('a saved-search alert opens the search with the saved query and filters', async ({ page }) => {
    await login(page, USERS.supplier);
    const alert = (await notices(page)).find((n) => n.kind === 'saved_search_hits');
    expect(alert, 'the supplier has a saved-search alert').toBeDefined();
    await page.goto('/notifications');
    await page.getByRole('list', { name: 'Varsler' }).getByRole('link', { name: alert?.title ?? '', exact: true }).first().click();
    await expect(page).toHaveURL((url) => url.pathname === '/' && url.searchParams.get('q') === 'trygghetsalarm' && url.searchParams.getAll('type').join() === 'need');
    await expect(page.getByRole('combobox', { name: 'Søkeord' })).toHaveValue('trygghetsalarm');
    await expect(page.getByRole('radio', { name: /^Behov \(\d+\)$/ }).first()).toBeChecked();
    const results = page.getByRole('list', { name: 'Søketreff' });
    await expect(results.getByRole('link', { name: 'Trygghet hjemme og ute – neste generasjon alarm og mottak' })).toBeVisible();
    for (const href of await results.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))) {
      expect(href, 'only needs: the saved search filters on them').toMatch(/^\/needs\/\d+$/);
    }
    await logout(page);
  });

  test('the advisor follows every link, and together they have every kind', async ({ page }) => {
    await login(page, USERS.advisor);
    const items = onePerKind(await notices(page));
    items.forEach((n) => kinds.add(n.kind));
    await followEach(page, items);
    const every = (await (await page.request.get('/api/notifications/preferences/')).json()) as { kind: string }[];
    expect([...kinds].sort()).toEqual(every.map((p) => p.kind).sort());
  });

  test('the unsubscribe link in an e-mail works without signing in', async ({ browser }) => {
    const link = await mailLink(USERS.supplier, '/notifications/unsubscribe');
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1, name: 'Avmelding fra e-postvarsler' })).toBeVisible();
    await expect(page.getByText(/^Du får ikke lenger varsler om: /)).toBeVisible();
    await checkPage(page, 'notifications-03-unsubscribed');
    await page.getByRole('button', { name: 'Angre avmeldingen' }).click();
    await expect(page.getByText('Varslene er slått på igjen.')).toBeVisible();
    await context.close();
  });
});
