import { checkPage, expect, login, mailLink, PASSWORD, test, USERS } from './helpers';

test.describe.configure({ mode: 'serial' });

// Demo data (backend/demo/services.py): Ola Tveit has asked to join Bergen kommune; Trondheim
// kommune has asked Bergen kommune to be co-buyer of "Nattlig tilsyn …", and Bergen has asked
// Trondheim to be co-buyer of "Solstrøm på tak …".
const TRONDHEIM_NEED = 'Nattlig tilsyn som ikke vekker beboerne';
const BERGEN_NEED = 'Solstrøm på tak som ikke tåler tradisjonelle anlegg';
const colleague = `kollega.${Date.now()}@bergen.kommune.no`;

test.describe('organisations and co-buyers', () => {
  test('a buyer admin approves a request to join, invites a colleague and changes a role', async ({ page }) => {
    await login(page, USERS.buyer);
    await page.goto('/buyer');
    await page.locator('section[aria-labelledby="my-orgs-heading"]').getByRole('link', { name: 'Bergen kommune' }).click();
    await expect(page).toHaveURL(/\/organizations\/\d+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Bergen kommune/);
    await expect(page.getByRole('heading', { name: 'Dette kan virksomheten gjøre nå' })).toBeVisible();
    await expect(page.getByText('Publisere behov, så leverandørene kan se dem og sende innspill')).toBeVisible();

    const requests = page.locator('section[aria-labelledby="join-requests-heading"]');
    const approve = requests.getByRole('button', { name: 'Godkjenn forespørselen fra Ola Tveit' });
    await expect(requests.getByText(/nyansatt rådgiver i Etat for helse og omsorg/).or(requests.getByText('Ingen ventende forespørsler.'))).toBeVisible();
    await checkPage(page, 'org-01-page');
    if (await approve.count()) {
      await approve.click();
      await expect(page.getByRole('status').getByText('Ola Tveit er nå medlem.')).toBeVisible();
    }
    const members = page.getByRole('table', { name: 'Medlemmer' });
    await expect(members.getByRole('cell', { name: 'ola.tveit@bergen.kommune.no', exact: true })).toBeVisible();

    await page.getByRole('button', { name: /^Gjør til (administrator|medlem): Ola Tveit$/ }).click();
    await expect(page.getByRole('status').getByText(/Ola Tveit er nå (administrator|medlem)\./)).toBeVisible();

    await page.getByLabel('E-postadresse', { exact: true }).fill(colleague);
    await page.getByRole('button', { name: 'Send invitasjon' }).click();
    await expect(page.getByRole('status').getByText(`Invitasjonen er sendt til ${colleague}.`)).toBeVisible();
    await expect(page.getByRole('table', { name: 'Ventende invitasjoner' }).getByRole('cell', { name: colleague, exact: true })).toBeVisible();
    await checkPage(page, 'org-02-invited');
  });

  test('the invited colleague follows the link in the e-mail, signs up and joins', async ({ page }) => {
    const invitation = await mailLink(colleague, '/invitations/accept');
    await page.goto(invitation);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Invitasjon til en virksomhet');
    await page.getByRole('main').getByRole('link', { name: 'Opprett bruker' }).click();
    await page.getByLabel('Fullt navn', { exact: true }).fill('Kari Kollega');
    await page.getByLabel('E-post', { exact: true }).fill(colleague);
    await page.getByLabel('Passord', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Opprett bruker' }).click();
    await page.goto(await mailLink(colleague, '/verify-email'));
    await expect(page.getByText('E-postadressen din er bekreftet.')).toBeVisible();
    await login(page, colleague);
    await page.goto(invitation);
    await page.getByRole('button', { name: 'Godta invitasjonen' }).click();
    await expect(page.getByText(/Velkommen! Du er nå med i Bergen kommune/)).toBeVisible();
    await page.getByRole('link', { name: 'Gå til Bergen kommune' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Bergen kommune/);
    await checkPage(page, 'org-03-invitation-accepted');
  });

  test('a member who forgot the password follows the reset link and signs in with the new one', async ({ page }) => {
    await page.goto('/forgot-password');
    await page.getByLabel('E-post', { exact: true }).fill(colleague);
    await page.getByRole('button', { name: 'Send lenke' }).click();
    await expect(page.getByText(/Hvis adressen har en bruker, har vi sendt en lenke/)).toBeVisible();
    await page.goto(await mailLink(colleague, '/reset-password'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Velg nytt passord');
    await page.getByLabel('Nytt passord', { exact: true }).fill('nytt-passord-for-kari-2026');
    await page.getByRole('button', { name: 'Lagre nytt passord' }).click();
    await expect(page.getByText(/Passordet er endret\./)).toBeVisible();
    await page.goto('/login');
    await page.getByLabel('E-post').fill(colleague);
    await page.getByLabel('Passord').fill('nytt-passord-for-kari-2026');
    await page.getByRole('button', { name: 'Logg inn' }).last().click();
    await expect(page.getByRole('button', { name: 'Logg ut' })).toBeVisible();
  });

  test('a buyer accepts a request to be co-buyer and then reads the need and its responses', async ({ page }) => {
    await login(page, USERS.buyer);
    await page.goto('/buyer');
    const section = page.locator('section[aria-labelledby="co-buyer-requests-heading"]');
    await expect(section.getByText(/kan virksomheten deres lese behovets utkast og leverandørenes innspill/)).toBeVisible();
    await expect(section.getByRole('link', { name: `Trondheim kommune er spurt om å være medinnkjøper på «${BERGEN_NEED}»` })).toBeVisible();
    const accept = section.getByRole('button', { name: `Godta å være medinnkjøper på «${TRONDHEIM_NEED}»` });
    await expect(accept.or(section.getByText('Ingen forespørsler venter på svar.'))).toBeVisible();
    await checkPage(page, 'org-03-co-buyer-request');
    const needLink = section.getByRole('link', { name: TRONDHEIM_NEED });
    const href = (await needLink.count()) ? await needLink.getAttribute('href') : null;
    if (await accept.count()) {
      await accept.click();
      await expect(section.getByRole('status').getByText(`Bergen kommune er nå medinnkjøper på «${TRONDHEIM_NEED}».`)).toBeVisible();
    }

    if (href) await page.goto(href);
    else {
      await page.goto(`/?q=${encodeURIComponent(TRONDHEIM_NEED)}`);
      await page.getByRole('link', { name: TRONDHEIM_NEED }).first().click();
    }
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(TRONDHEIM_NEED);
    await expect(page.locator('section[aria-labelledby="cobuyers-heading"]').getByText('Bergen kommune')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Innspill fra leverandører' }).getByRole('listitem').first()).toBeVisible();
    await checkPage(page, 'org-04-co-buyer-need');
  });

  test('saving a need keeps the co-buyer request that awaits an answer', async ({ page }) => {
    await login(page, USERS.buyer);
    await page.goto('/buyer');
    await page.getByRole('table').getByRole('link', { name: BERGEN_NEED }).click();
    const cobuyers = page.locator('section[aria-labelledby="cobuyers-heading"]');
    await expect(cobuyers.getByRole('list', { name: 'Venter på svar fra' }).getByText('Trondheim kommune')).toBeVisible();
    await page.getByRole('link', { name: 'Rediger behovet' }).click();
    const trondheim = page.getByRole('checkbox', { name: /Trondheim kommune/ });
    await expect(trondheim).toBeChecked();
    await expect(page.getByText('Venter på svar')).toBeVisible();
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await expect(page).toHaveURL(/\/needs\/\d+$/);
    await expect(cobuyers.getByRole('list', { name: 'Venter på svar fra' }).getByText('Trondheim kommune')).toBeVisible();
  });
});
