import type { Page } from '@playwright/test';
import { checkPage, expect, login, openSiteMenu, test, USERS } from './helpers';

// Runs in the "phone" project (playwright.config.ts: 390×844, isMobile, hasTouch): every journey's
// pages, each without horizontal scrolling, and search with its results first.

type Overflow = { scrollWidth: number; innerWidth: number; offenders: string[] };

/** What sticks out of a `width`-wide screen: the document's scroll width, the layout viewport (a
 * phone widens it to fit overflowing content) and every element reaching past either edge that is
 * not inside a box of its own that scrolls or clips (a table's scroll box, a dialog). */
function measureOverflow(width: number): Overflow {
  const clippedByAncestor = (el: Element): boolean => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== 'visible') return true;
    }
    return false;
  };
  const offenders: string[] = [];
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (box.left >= -1 && box.right <= width + 1) continue;
    if (clippedByAncestor(el)) continue;
    const name = `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
    offenders.push(`${name} [${Math.round(box.left)}, ${Math.round(box.right)}] «${(el.textContent ?? '').trim().slice(0, 40)}»`);
  }
  return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, offenders: offenders.slice(0, 10) };
}

/** The page settles, passes axe, is saved as a screenshot (phone-<name>) and fits the screen. */
async function expectFits(page: Page, name: string): Promise<void> {
  await checkPage(page, `phone-${name}`);
  const width = page.viewportSize()?.width ?? 390;
  const found = await page.evaluate(measureOverflow, width);
  expect(found.offenders, `elements wider than the screen on ${name}`).toEqual([]);
  expect(found.innerWidth, `layout viewport on ${name}`).toBe(width);
  expect(found.scrollWidth, `document width on ${name}`).toBeLessThanOrEqual(found.innerWidth);
}

/** Visits each path and checks it fits; `name` prefixes the screenshots. */
async function walk(page: Page, name: string, paths: string[]): Promise<void> {
  for (const [i, path] of paths.entries()) {
    await page.goto(path);
    await expectFits(page, `${name}-${String(i + 1).padStart(2, '0')}-${path.replace(/\d+/g, 'id').replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'front'}`);
  }
}

/** The id of the first item a list endpoint gives the signed-in (or anonymous) page. */
async function firstId(page: Page, endpoint: string): Promise<number> {
  const response = await page.request.get(endpoint);
  expect(response.ok(), endpoint).toBe(true);
  const body = (await response.json()) as { results?: { id: number }[] } | { id: number }[];
  const items = Array.isArray(body) ? body : (body.results ?? []);
  expect(items.length, `items from ${endpoint}`).toBeGreaterThan(0);
  return items[0]?.id ?? 0;
}

/** The signed-in user's first organisation. */
async function firstOrganization(page: Page): Promise<number> {
  const session = (await (await page.request.get('/api/auth/session/')).json()) as { user: { memberships: { organization: { id: number } }[] } };
  const id = session.user.memberships[0]?.organization.id;
  expect(id, 'an organisation of the signed-in user').toBeTruthy();
  return id ?? 0;
}

test.describe('on a phone', () => {
  test('the header folds into a menu button that opens, closes with Escape and returns focus', async ({ page }) => {
    await page.goto('/');
    const toggle = page.getByRole('button', { name: 'Meny' });
    const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(nav).toBeHidden();
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(nav).toBeVisible();
    await expectFits(page, 'menu-open');
    await toggle.focus();
    await page.keyboard.press('Tab');
    await expect(nav.getByRole('link', { name: 'Søk' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(toggle).toBeFocused();
    await expect(nav).toBeHidden();
    await openSiteMenu(page);
    await page.getByRole('link', { name: 'Logg inn' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  });

  test('search shows the results first and the filters behind "Filtrer"; "Neste" goes to the top of the results', async ({ page }) => {
    await page.goto('/?q=trygghet');
    const first = page.getByRole('list', { name: 'Søketreff' }).getByRole('listitem').first();
    await expect(first).toBeVisible();
    // The first result within the first screen, not below nine filter groups.
    const box = await first.boundingBox();
    expect(box?.y ?? Infinity).toBeLessThan(844);
    await expect(page.getByRole('group', { name: 'Type' })).toHaveCount(0);
    await expectFits(page, 'search-results-first');

    await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
    const drawer = page.getByRole('dialog', { name: 'Filtrer' });
    await expect(drawer).toBeVisible();
    await expectFits(page, 'search-filters-open');
    await drawer.getByRole('group', { name: 'Type' }).getByLabel(/^Behov/).click();
    await expect(page).toHaveURL(/type=need/);
    // The drawer's button counts the results of the new filter, as the page behind it does.
    const show = drawer.getByRole('button', { name: /^Vis \d+ treff$/ });
    const count = ((await show.textContent()) ?? '').replace(/\D/g, '');
    await expect(page.getByTestId('result-count')).toHaveText(`${count} treff`);
    await show.click();
    await expect(drawer).toBeHidden();
    const filter = page.getByRole('button', { name: 'Filtrer (aktive filtre: 1)' });
    await expect(filter).toBeFocused();

    await filter.click();
    await drawer.getByRole('button', { name: 'Fjern alle filtre' }).click();
    await expect(page).not.toHaveURL(/type=/);
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await expect(page.getByRole('button', { name: 'Filtrer', exact: true })).toBeVisible();

    // Every published item: more than one page.
    await page.goto('/');
    const next = page.getByRole('button', { name: 'Neste' });
    await next.scrollIntoViewIfNeeded();
    await next.click();
    await expect(page).toHaveURL(/page=2/);
    const heading = page.getByRole('heading', { name: 'Treff', level: 2 });
    await expect(heading).toBeFocused();
    await expect.poll(async () => (await heading.boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(0);
    expect((await heading.boundingBox())?.y ?? Infinity).toBeLessThan(120);
  });

  test('a visitor’s pages fit the screen', async ({ page }) => {
    const need = await firstId(page, '/api/needs/?page_size=1');
    const solution = await firstId(page, '/api/solutions/?page_size=1');
    const conference = await firstId(page, '/api/conferences/?page_size=1');
    await walk(page, 'visitor', ['/', `/needs/${need}`, `/solutions/${solution}`, `/conferences/${conference}`, '/login', '/register', '/forgot-password', '/finnes-ikke']);
  });

  test('a buyer’s pages fit the screen', async ({ page }) => {
    await login(page, USERS.buyer);
    const need = await firstId(page, '/api/needs/?mine=true&page_size=1');
    const organization = await firstOrganization(page);
    // One of the buyer's own conferences: its host's view, with registrations and meetings.
    const conference = await firstId(page, `/api/conferences/?organization=${organization}&page_size=1`);
    await walk(page, 'buyer', [
      '/buyer',
      `/needs/${need}`,
      '/needs/new',
      `/needs/${need}/edit`,
      '/conferences/new',
      `/conferences/${conference}`,
      `/conferences/${conference}/edit`,
      '/organizations',
      '/organizations/new',
      `/organizations/${organization}`,
      '/notifications',
      '/account/notifications',
      '/account/privacy',
    ]);
  });

  test('a supplier’s pages fit the screen', async ({ page }) => {
    await login(page, USERS.supplier);
    const solution = await firstId(page, '/api/solutions/?mine=true&page_size=1');
    const need = await firstId(page, '/api/needs/?page_size=1');
    const conference = await firstId(page, '/api/conferences/?page_size=1');
    await walk(page, 'supplier', ['/supplier', `/solutions/${solution}`, '/solutions/new', `/solutions/${solution}/edit`, `/needs/${need}`, `/needs/${need}/respond`, `/conferences/${conference}`, '/?q=trygghetsalarm']);
  });

  test('an advisor’s pages fit the screen', async ({ page }) => {
    await login(page, USERS.advisor);
    const need = await firstId(page, '/api/needs/?page_size=1');
    await walk(page, 'advisor', ['/advisor', '/advisor?kind=need_need', `/advisor/needs/${need}`, '/advisor/organizations', '/advisor/pipeline', '/advisor/missed-searches', `/needs/${need}`]);
    // A suggestion's details for advisors: its table of signals scrolls inside its own box.
    await page.getByText('Detaljer', { exact: true }).first().click();
    await expect(page.getByRole('region', { name: 'Signaler som ga forslaget' }).first()).toBeVisible();
    await expectFits(page, 'advisor-need-explained');
  });
});
