import type { Browser, BrowserContext, Page, TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, PASSWORD, test, USERS } from './helpers';

// Screenshots of every page, in both languages and on both screens (issue 12), first in the run
// so that the pages show the demo data as `make run` loads it:
// - each page is saved as a test artefact, test-results/screens/<screen>-<lang>-<role>-<page>.png;
// - a stable set (pages whose look depends on no data that changes between runs) is compared with
//   the committed baselines in e2e/__screenshots__/ (toHaveScreenshot, a small tolerance): a
//   layout regression fails the run. `npm run e2e:update-screenshots` writes them again.
// Rendering is made the same on every machine: one committed font (screens/screens.css), no
// animations, the caret hidden. What changes with the data or the features is hidden while a page
// is compared (screens.css, [data-screens-compare]: the header's menu, the search results and the
// filters' counts), so that it takes no part in the comparison whatever its size; dates are masked.

type Lang = 'nb' | 'en';
type Screen = 'desktop' | 'phone';
type Role = 'visitor' | 'buyer' | 'supplier' | 'advisor';

const LANGS: Lang[] = ['nb', 'en'];
const SCREENS: Record<Screen, Parameters<Browser['newContext']>[0]> = {
  desktop: { viewport: { width: 1280, height: 800 } },
  // The phone project's screen (playwright.config.ts), at one device pixel per CSS pixel.
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
};
const ASSETS = fileURLToPath(new URL('./screens/', import.meta.url));
const ARTEFACTS = fileURLToPath(new URL('../test-results/screens/', import.meta.url));
/** Share of pixels that may differ before a compared page fails: anti-aliasing noise passes, a
 * moved block or a changed spacing does not. */
const MAX_DIFF = 0.01;

/** A context on `screen` whose pages may load the screenshot font from /__screens__/. */
async function openScreen(browser: Browser, screen: Screen, testInfo: TestInfo): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    ...SCREENS[screen],
    baseURL: testInfo.project.use.baseURL,
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
    reducedMotion: 'reduce',
    deviceScaleFactor: 1,
  });
  await context.route('**/__screens__/*', (route) => route.fulfill({ path: join(ASSETS, basename(new URL(route.request().url()).pathname)) }));
  return { context, page: await context.newPage() };
}

/** Chooses the interface language as the language switch does (it is remembered in the browser). */
async function chooseLanguage(page: Page, lang: Lang): Promise<void> {
  await page.evaluate((chosen) => window.localStorage.setItem('innovasjonstorget.lang', chosen), lang);
}

/** Waits for the page's content, then renders it with the screenshot font. */
async function settle(page: Page): Promise<void> {
  await expect(page.locator('main .loading')).toHaveCount(0);
  await expect(page.locator('h1').first()).toBeVisible();
  await page.evaluate(async () => {
    if (!document.querySelector('link[data-screens]')) {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = '/__screens__/screens.css';
      link.dataset.screens = '';
      const loaded = new Promise((resolve) => {
        link.onload = resolve;
        link.onerror = resolve;
      });
      document.head.append(link);
      await loaded;
    }
    await Promise.all([document.fonts.load('400 16px "Screens Sans"'), document.fonts.load('700 16px "Screens Sans"')]);
    await document.fonts.ready;
  });
}

/** `compare`: checked against its baseline, the whole page, or (`'top'`) its first screen. */
type Visit = { path: string; name: string; compare?: boolean | 'top' };

/** Hides what changes with the data or the features while `compare` runs (screens.css). */
async function comparing(page: Page, compare: () => Promise<void>): Promise<void> {
  await page.evaluate(() => document.documentElement.setAttribute('data-screens-compare', ''));
  try {
    await compare();
  } finally {
    await page.evaluate(() => document.documentElement.removeAttribute('data-screens-compare'));
  }
}

/** Visits each page in each language on `screen`: saves it, and compares the stable ones. */
async function visit(page: Page, screen: Screen, role: Role, visits: Visit[]): Promise<void> {
  mkdirSync(ARTEFACTS, { recursive: true });
  for (const lang of LANGS) {
    await chooseLanguage(page, lang);
    for (const { path, name, compare } of visits) {
      await page.goto(path);
      await settle(page);
      await expect(page.locator('html')).toHaveAttribute('lang', lang === 'nb' ? 'nb' : 'en');
      const file = `${screen}-${lang}-${role}-${name}.png`;
      await page.screenshot({ path: join(ARTEFACTS, file), fullPage: true, animations: 'disabled', caret: 'hide' });
      if (compare) {
        await comparing(page, () =>
          expect(page, `${file} against its baseline`).toHaveScreenshot(`${screen}-${lang}-${name}.png`, {
            fullPage: compare !== 'top',
            mask: [page.locator('time')],
            maxDiffPixelRatio: MAX_DIFF,
          }),
        );
      }
    }
  }
}

/** Signs in with the password form: each role lands on its own desk (no menu opened: on a phone
 * the header's menu is folded), which has content from the first day (the demo data). */
async function signIn(page: Page, email: string, desk: '/buyer' | '/supplier' | '/advisor'): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('E-post').fill(email);
  await page.getByLabel('Passord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Logg inn' }).last().click();
  await expect(page).toHaveURL(new RegExp(`${desk}$`));
  await settle(page);
  const content = {
    // the buyer's needs; the supplier's solutions with the needs recommended for them; the advisor's queue
    '/buyer': page.getByRole('main').getByRole('link', { name: 'Beboere som sitter stille store deler av dagen', exact: true }),
    '/supplier': page.getByRole('main').getByRole('link', { name: 'Nattlig tilsyn som ikke vekker beboerne', exact: true }),
    '/advisor': page.getByRole('main').getByRole('row').nth(1),
  }[desk];
  await expect(content.first()).toBeVisible();
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

async function firstOrganization(page: Page): Promise<number> {
  const session = (await (await page.request.get('/api/auth/session/')).json()) as { user: { memberships: { organization: { id: number } }[] } };
  return session.user.memberships[0]?.organization.id ?? 0;
}

const SCREEN_NAMES: Screen[] = ['desktop', 'phone'];

test.describe('screenshots of every page', () => {
  for (const screen of SCREEN_NAMES) {
    test(`a visitor’s pages on ${screen}`, async ({ browser }, testInfo) => {
      const { context, page } = await openScreen(browser, screen, testInfo);
      await page.goto('/login');
      const need = await firstId(page, '/api/needs/?page_size=1');
      const solution = await firstId(page, '/api/solutions/?page_size=1');
      const conference = await firstId(page, '/api/conferences/?page_size=1');
      await visit(page, screen, 'visitor', [
        { path: '/login', name: 'login', compare: true },
        { path: '/register', name: 'register', compare: true },
        { path: '/forgot-password', name: 'forgot-password', compare: true },
        { path: '/finnes-ikke', name: 'not-found', compare: true },
        // The search page's first screen: the results and the filters (the data) hidden.
        { path: '/', name: 'front', compare: 'top' },
        { path: '/?q=trygghet', name: 'search' },
        { path: `/needs/${need}`, name: 'need' },
        { path: `/solutions/${solution}`, name: 'solution' },
        { path: `/conferences/${conference}`, name: 'conference' },
        { path: '/reset-password', name: 'reset-password' },
        { path: '/verify-email', name: 'verify-email' },
        { path: '/invitations/accept', name: 'invitation-accept' },
        { path: '/notifications/unsubscribe', name: 'unsubscribe' },
        { path: '/account/deleted', name: 'account-deleted' },
      ]);
      await context.close();
    });

    test(`a buyer’s pages on ${screen}`, async ({ browser }, testInfo) => {
      const { context, page } = await openScreen(browser, screen, testInfo);
      await signIn(page, USERS.buyer, '/buyer');
      const need = await firstId(page, '/api/needs/?mine=true&page_size=1');
      const organization = await firstOrganization(page);
      const conference = await firstId(page, `/api/conferences/?organization=${organization}&page_size=1`);
      await visit(page, screen, 'buyer', [
        { path: '/buyer', name: 'home' },
        { path: `/needs/${need}`, name: 'need' },
        { path: '/needs/new', name: 'need-new' },
        { path: `/needs/${need}/edit`, name: 'need-edit' },
        { path: '/conferences/new', name: 'conference-new' },
        { path: `/conferences/${conference}`, name: 'conference' },
        { path: `/conferences/${conference}/edit`, name: 'conference-edit' },
        { path: '/organizations', name: 'organizations' },
        { path: '/organizations/new', name: 'organization-new' },
        { path: `/organizations/${organization}`, name: 'organization' },
        { path: '/notifications', name: 'notifications' },
        { path: '/account/notifications', name: 'notification-settings' },
        { path: '/account/privacy', name: 'privacy' },
        { path: '/account/id-porten', name: 'id-porten' },
      ]);
      await context.close();
    });

    test(`a supplier’s pages on ${screen}`, async ({ browser }, testInfo) => {
      const { context, page } = await openScreen(browser, screen, testInfo);
      await signIn(page, USERS.supplier, '/supplier');
      const solution = await firstId(page, '/api/solutions/?mine=true&page_size=1');
      const need = await firstId(page, '/api/needs/?page_size=1');
      await visit(page, screen, 'supplier', [
        { path: '/supplier', name: 'home' },
        { path: `/solutions/${solution}`, name: 'solution' },
        { path: '/solutions/new', name: 'solution-new' },
        { path: `/solutions/${solution}/edit`, name: 'solution-edit' },
        { path: `/needs/${need}`, name: 'need' },
        { path: `/needs/${need}/respond`, name: 'respond' },
      ]);
      await context.close();
    });

    test(`an advisor’s pages on ${screen}`, async ({ browser }, testInfo) => {
      const { context, page } = await openScreen(browser, screen, testInfo);
      await signIn(page, USERS.advisor, '/advisor');
      const need = await firstId(page, '/api/needs/?page_size=1');
      await visit(page, screen, 'advisor', [
        { path: '/advisor', name: 'queue' },
        { path: '/advisor?kind=need_need', name: 'queue-joint' },
        { path: `/advisor/needs/${need}`, name: 'board' },
        { path: '/advisor/organizations', name: 'organizations' },
        { path: '/advisor/pipeline', name: 'pipeline' },
        { path: '/advisor/missed-searches', name: 'missed-searches' },
      ]);
      await context.close();
    });
  }
});
