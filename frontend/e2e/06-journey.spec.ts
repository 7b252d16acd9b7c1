import { checkPage, expect, login, randomOrgNumber, signInAtProvider, test, USERS } from './helpers';

// Trust, end to end: a real identity (the OIDC provider), an organisation that may only draft until
// an advisor verifies it, and then a published need that visitors find.

test.describe('ID-porten to a published need', () => {
  test('a new person signs in through the provider, registers a buyer, is verified by an advisor and publishes a need', async ({ page, browser }) => {
    const stamp = Date.now().toString().slice(-6);
    const subject = `e2e-journey-${stamp}`;
    const orgName = `Fjordvik kommune ${stamp}`;
    const title = `Trygg skolevei i mørketiden ${stamp}`;
    await signInAtProvider(page, subject, { email: `${subject}@fjordvik.kommune.no`, email_verified: true, name: 'Jon Fjordvik' });
    await expect(page.getByTestId('current-user')).toHaveText('Jon Fjordvik');

    await page.goto('/organizations/new');
    await page.getByLabel('Navn på virksomheten', { exact: true }).fill(orgName);
    await page.getByLabel('Organisasjonsnummer', { exact: true }).fill(randomOrgNumber());
    await page.getByLabel('Offentlig innkjøper', { exact: true }).check();
    await page.getByRole('button', { name: 'Registrer virksomhet' }).click();
    await expect(page.getByRole('heading', { name: `${orgName} er registrert, og du er administrator for virksomheten.` })).toBeVisible();

    // Unverified, the buyer drafts the need, but publishing waits for an advisor.
    await page.goto('/needs/new');
    await page.getByLabel('Tittel', { exact: true }).fill(title);
    await page
      .getByLabel('Beskrivelse av behovet', { exact: true })
      .fill('Elevene går langs veier uten fortau og lys. Om vinteren er det mørkt både morgen og ettermiddag, og foreldrene er redde for ulykker.');
    await page.getByLabel('Ønsket effekt', { exact: true }).fill('Ingen alvorlige ulykker på skoleveien, og flere elever som går eller sykler til skolen.');
    await page.getByLabel('Sektor', { exact: true }).selectOption('mobilitet-og-transport');
    await page.getByLabel('Fylke', { exact: true }).selectOption('46');
    await page.getByRole('button', { name: 'Lagre som utkast' }).click();
    await expect(page).toHaveURL(/\/needs\/\d+$/);
    const needUrl = page.url();
    await expect(page.getByText(/Behovet kan publiseres når en rådgiver/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Publiser' })).toHaveCount(0);
    await checkPage(page, 'oidc-04-awaiting-verification');

    // An advisor verifies the organisation in a session of their own.
    const advisorContext = await browser.newContext();
    const advisor = await advisorContext.newPage();
    await login(advisor, USERS.advisor);
    await advisor.goto('/advisor/organizations');
    await advisor.getByRole('button', { name: `Verifiser ${orgName}` }).click();
    await expect(advisor.getByRole('button', { name: `Verifiser ${orgName}` })).toHaveCount(0);
    await advisorContext.close();

    await page.goto(needUrl);
    await page.getByRole('button', { name: 'Publiser' }).click();
    await expect(page.getByText('Publisert').first()).toBeVisible();
    await checkPage(page, 'oidc-05-published');

    // A visitor finds it in search.
    const visitorContext = await browser.newContext();
    const visitor = await visitorContext.newPage();
    // The index follows the database through the outbox, moments later: search until it shows.
    await expect(async () => {
      await visitor.goto(`/?q=${encodeURIComponent(`skolevei ${stamp}`)}`);
      await expect(visitor.getByRole('link', { name: title })).toBeVisible({ timeout: 5_000 });
    }).toPass();
    await visitorContext.close();
  });
});
