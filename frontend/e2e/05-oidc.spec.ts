import { checkPage, expect, PASSWORD, signInAtProvider, test, USERS } from './helpers';

// The OpenID Connect provider of the test services (NAV's mock-oauth2-server, issuer
// http://127.0.0.1:58080/idporten): e2e-server.sh passes its settings to the backend when it
// runs. Its login page takes any subject and the claims as JSON, as ID-porten would vouch for them.

test.describe.configure({ mode: 'serial' });

test.describe('ID-porten (OpenID Connect)', () => {
  test('a new person signs in through the provider and lands signed in', async ({ page }) => {
    const subject = `e2e-${Date.now()}`;
    await signInAtProvider(page, subject, { email: `${subject}@example.no`, email_verified: true, name: 'Ida Idporten' });
    await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
    await expect(page.getByRole('button', { name: 'Logg ut' })).toBeVisible();
    await expect(page.getByTestId('current-user')).toHaveText('Ida Idporten');
    await checkPage(page, 'oidc-01-signed-in');
  });

  test('an existing password account is not taken over; its owner connects the identity', async ({ page }) => {
    const subject = `e2e-connect-${Date.now()}`;
    await signInAtProvider(page, subject, { email: USERS.supplier, email_verified: true });
    await expect(page).toHaveURL(/\/login\?oidc=account_exists/);
    await expect(page.getByRole('alert')).toContainText('Det finnes allerede en bruker med denne e-postadressen');
    await expect(page.getByRole('button', { name: 'Logg ut' })).toHaveCount(0);
    await checkPage(page, 'oidc-02-account-exists');

    // The owner signs in with the password; the app goes on to connect the identity.
    await page.getByLabel('E-post').fill(USERS.supplier);
    await page.getByLabel('Passord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Mock OAuth2 Server Sign-in' })).toBeVisible();
    await page.locator('input[name="username"]').fill(subject);
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await expect(page.getByRole('button', { name: 'Logg ut' })).toBeVisible();
    await page.getByRole('link', { name: 'ID-porten', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Koble fra ID-porten' })).toBeVisible();
    await checkPage(page, 'oidc-03-connected');

    // Signed out, the same subject now signs in as that account, whatever e-mail it claims.
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await expect(page.getByRole('banner').getByRole('link', { name: 'Logg inn' })).toBeVisible();
    await signInAtProvider(page, subject, { email: 'another-address@example.no' });
    await expect(page.getByRole('button', { name: 'Logg ut' })).toBeVisible();
    await expect(page.getByTestId('current-user')).toHaveText('Sara Nilsen');
  });
});
