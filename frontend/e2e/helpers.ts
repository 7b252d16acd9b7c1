import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export { expect };

const CSP_MESSAGE = /Content.Security.Policy/i;

/** Reports every Content-Security-Policy violation in the context's pages into `violations`:
 * the browser's own console message and the `securitypolicyviolation` event alike. */
async function watchCsp(context: BrowserContext, violations: string[]): Promise<void> {
  context.on('console', (message) => {
    if (CSP_MESSAGE.test(message.text())) violations.push(`${message.page()?.url() ?? ''}: ${message.text()}`);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `Content Security Policy violation: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
}

/** Playwright's `test`, failing any test during which a page reported a Content-Security-Policy
 * violation: the e2e server sends the production policy (backend/config/settings/base.py), so
 * the front end must work under it. Watches the test's context and any `browser.newContext()`. */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ context, browser }, use) => {
      const violations: string[] = [];
      await watchCsp(context, violations);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const created = await newContext(options);
        await watchCsp(created, violations);
        return created;
      };
      await use(violations);
      Reflect.deleteProperty(browser, 'newContext');
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

export const PASSWORD = 'demo-passord-2026';
export const USERS = {
  buyer: 'innkjoper@bergen.kommune.no',
  buyer2: 'innkjoper@trondheim.kommune.no',
  supplier: 'grunder@helsetek.no',
  advisor: 'radgiver@lup.no',
} as const;

const SHOTS = fileURLToPath(new URL('../test-results/screenshots/', import.meta.url));
const MAIL = process.env.E2E_MAIL_DIR ?? fileURLToPath(new URL('../test-results/e2e-mail/', import.meta.url));

/** The path and query of the newest link to `path` in an e-mail to `to` (e2e-server.sh
 * writes every e-mail to a file). Waits for the e-mail to arrive. */
export async function mailLink(to: string, path: string): Promise<string> {
  const pattern = new RegExp(`https?://[^/\\s]+(${path.replace(/[/?]/g, '\\$&')}\\?\\S+)`);
  let link: string | undefined;
  await expect
    .poll(() => {
      const files = readdirSync(MAIL).sort().reverse();
      for (const file of files) {
        const text = readFileSync(join(MAIL, file), 'utf8');
        const match = text.includes(`To: ${to}`) ? pattern.exec(text) : null;
        if (match?.[1]) return (link = match[1]);
      }
      return undefined;
    })
    .toBeTruthy();
  return link ?? '';
}

const WORKER_PIDFILE = process.env.E2E_WORKER_PIDFILE ?? fileURLToPath(new URL('../test-results/e2e-worker.pid', import.meta.url));

/** Runs `body` with the e2e server's Celery worker paused (SIGSTOP; e2e-server.sh writes its pid),
 * then lets it go on: the pages show what they show while the background work is still to do. */
export async function withWorkerPaused(body: () => Promise<void>): Promise<void> {
  const pid = Number(readFileSync(WORKER_PIDFILE, 'utf8').trim());
  // Never another process that got the pid of a worker that is gone.
  expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8'), `the worker (pid ${pid} in ${WORKER_PIDFILE})`).toContain('celery');
  process.kill(pid, 'SIGSTOP');
  try {
    await body();
  } finally {
    process.kill(pid, 'SIGCONT');
  }
}

/**
 * WCAG 2.5.3 (label in name): every visible control whose name is given by aria-label or
 * aria-labelledby holds its visible text in that name, so that a person who says what they
 * see ("klikk Sett på kortliste") reaches it. "Sett «X» på kortliste" for a button that reads
 * "Sett på kortliste" does not; "Sett på kortliste: «X»" does. Form fields named by their
 * <label> are left out (their name is the label).
 */
export async function labelsNotInNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const norm = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
    const controls = 'a, button, summary, [role="button"], [role="link"], [role="tab"], [role="menuitem"], [role="checkbox"]:not(input), [role="switch"]:not(input)';
    const found: string[] = [];
    for (const element of Array.from(document.querySelectorAll<HTMLElement>(controls))) {
      if (!element.checkVisibility() || !(element.hasAttribute('aria-label') || element.hasAttribute('aria-labelledby'))) continue;
      const visible = norm(element.innerText);
      if (!/[\p{L}\p{N}]/u.test(visible)) continue; // an icon, a count or a symbol only
      const labelledBy = (element.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
      const name = norm(labelledBy.length ? labelledBy.map((id: string) => document.getElementById(id)?.textContent ?? '').join(' ') : (element.getAttribute('aria-label') ?? ''));
      if (!name.includes(visible)) found.push(`«${visible}» is not in its name «${name}»`);
    }
    return found;
  });
}

/** Waits for the page to settle (no spinner), runs axe, checks that visible labels are in the
 * accessible names (WCAG 2.5.3) and saves a screenshot. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await expect(page.locator('main .loading')).toHaveCount(0);
  await expect(page.locator('h1').first()).toBeVisible();
  // Colour contrast is judged on the final colours: a dialog fading in is half transparent.
  await page.evaluate(() => Promise.all(document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity).map((a) => a.finished.catch(() => undefined))));
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = bad.map((v) => `${v.id} (${v.impact}): ${v.help} – ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  expect(summary, `axe on ${name}`).toEqual([]);
  expect(await labelsNotInNames(page), `label in name (WCAG 2.5.3) on ${name}`).toEqual([]);
}

export async function login(page: Page, email: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('E-post').fill(email);
  await page.getByLabel('Passord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Logg inn' }).last().click();
  if (isPhone(page)) {
    // The menu closes on navigation: open it on the page the login leads to, once loaded, and
    // again if a navigation still settling closed it before "Logg ut" was seen (CI, stop 18 and
    // a fresh-clone run after it: the menu opened, then closed).
    await expect(page).not.toHaveURL(/\/login/);
    await expect(page.locator('main .loading')).toHaveCount(0);
    await expect(async () => {
      await openSiteMenu(page, 2_000);
      await expect(page.getByRole('button', { name: 'Logg ut' })).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    return;
  }
  await expect(page.getByRole('button', { name: 'Logg ut' })).toBeVisible();
}

/** Narrower than the header's breakpoint (styles.css: 48rem), where the menu folds behind "Meny". */
export function isPhone(page: Page): boolean {
  return (page.viewportSize()?.width ?? 1280) < 768;
}

/** On a phone the header's navigation and tools fold behind "Meny": opens it. */
export async function openSiteMenu(page: Page, timeout = 15_000): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Meny' });
  await expect(toggle).toBeVisible({ timeout });
  // A navigation still settling (a redirect, a page's code loading) closes the menu again
  // (CI, stop 18): click until it stays open.
  await expect(async () => {
    if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true', { timeout: 1_000 });
  }).toPass({ timeout });
}

/** A date-time input value in Oslo time, `days` from now at `hour`:00. */
export function osloLocal(days: number, hour: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const ymd = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  return `${ymd}T${String(hour).padStart(2, '0')}:00`;
}

/** A random organisation number with a valid MOD11 check digit. */
export function randomOrgNumber(): string {
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  for (;;) {
    const digits = [8 + Math.floor(Math.random() * 2), ...Array.from({ length: 7 }, () => Math.floor(Math.random() * 10))];
    const rest = weights.reduce((sum, w, i) => sum + w * (digits[i] ?? 0), 0) % 11;
    const check = rest === 0 ? 0 : 11 - rest;
    if (check !== 10) return [...digits, check].join('');
  }
}

/** Signs in through the test services' OpenID Connect provider (NAV's mock-oauth2-server), whose
 * login page takes any subject and the claims as JSON, as ID-porten would vouch for them. */
export async function signInAtProvider(page: Page, subject: string, claims: Record<string, unknown>): Promise<void> {
  await page.goto('/login');
  await page.getByRole('link', { name: 'Logg inn med ID-porten' }).click();
  await expect(page.getByRole('heading', { name: 'Mock OAuth2 Server Sign-in' })).toBeVisible();
  await page.locator('input[name="username"]').fill(subject);
  await page.locator('textarea[name="claims"]').fill(JSON.stringify(claims));
  await page.getByRole('button', { name: 'Sign-in' }).click();
}
