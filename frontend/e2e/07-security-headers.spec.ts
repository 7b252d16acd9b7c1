import { expect, PASSWORD, test } from './helpers';

// The e2e server sends the production Content-Security-Policy; every spec fails on a
// violation (helpers.ts). These pages are the ones outside the single-page app.
test.describe('security headers', () => {
  test('the front end is served with a strict policy and the usual headers', async ({ page }) => {
    const response = await page.goto('/');
    const headers = response?.headers() ?? {};
    const policy = headers['content-security-policy'] ?? '';
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("style-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('same-origin');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Søk i behov/);
  });

  test('the API documentation works under the policy', async ({ page }) => {
    await page.goto('/api/docs/');
    await expect(page.getByRole('heading', { name: /Innovasjonstorget API/ })).toBeVisible();
    await expect(page.locator('.opblock').first()).toBeVisible();
  });

  test('the Django admin works under the policy', async ({ page }) => {
    await page.goto('/admin/login/');
    await page.getByLabel(/E-post|Email/i).fill('admin@innovasjonstorget.no');
    await page.getByLabel(/Passord|Password/i).fill(PASSWORD);
    await page.getByRole('button', { name: /Logg inn|Log in/i }).click();
    await expect(page).toHaveURL(/\/admin\/$/);
    await page.goto('/admin/needs/need/');
    await page.locator('#result_list tbody a').first().click();
    await expect(page).toHaveURL(/\/admin\/needs\/need\/\d+\/change\/$/);
    await expect(page.locator('#need_form')).toBeVisible();
  });
});
