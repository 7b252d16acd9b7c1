import { checkPage, expect, login, test, USERS } from './helpers';

test.describe.configure({ mode: 'serial' });

test.describe('supplier', () => {
  test('creates, edits and publishes a solution profile and sees recommended needs', async ({ page }) => {
    await login(page, USERS.supplier);
    await page.goto('/supplier');
    await expect(page.getByRole('heading', { name: 'Løsninger', exact: true })).toBeVisible();
    await expect(page.locator('main .loading')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: /Anbefalte behov for/ }).first()).toBeVisible();
    await checkPage(page, 'supplier-01-dashboard');

    await page.getByRole('link', { name: 'Ny løsning' }).click();
    await page.getByLabel('Navn på løsningen', { exact: true }).fill('Fallsensor for hjemmet');
    await page.getByLabel('Beskrivelse', { exact: true }).fill('Radarsensor som oppdager fall uten kamera og varsler hjemmetjenesten innen ett minutt.');
    await page.getByLabel('Sektor', { exact: true }).selectOption('helse-og-omsorg');
    await page.getByLabel('Modenhet (TRL 1–9)', { exact: true }).selectOption('7');
    await page.getByRole('group', { name: 'Fylker dere leverer i' }).getByRole('checkbox').first().check();
    await checkPage(page, 'supplier-02-solution-form');
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await expect(page).toHaveURL(/\/solutions\/\d+$/);
    await page.getByRole('link', { name: 'Rediger' }).click();
    await page.getByLabel('Navn på løsningen', { exact: true }).fill('Fallsensor for hjemmet, uten kamera');
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fallsensor for hjemmet, uten kamera');
    const publish = page.getByRole('button', { name: 'Publiser løsningen' });
    if (await publish.count()) {
      await publish.click();
      await expect(page.getByText('Løsningen er publisert.')).toBeVisible();
    }
    await expect(page.getByRole('heading', { name: 'Anbefalte behov' })).toBeVisible();
    await checkPage(page, 'supplier-03-solution');
  });

  test('searches and saves the search with alerts', async ({ page }) => {
    await login(page, USERS.supplier);
    await page.goto('/?q=trygghet');
    await expect(page.getByTestId('result-count')).toHaveText(/\d+ treff/);
    await page.getByText('Lagre søket og få varsler').click();
    await page.getByLabel('Navn på søket', { exact: true }).fill('Trygghet hjemme');
    await page.getByLabel('Varsel om nye treff', { exact: true }).selectOption('daily');
    await page.getByRole('button', { name: 'Lagre søk' }).click();
    await expect(page.getByText('Søket er lagret.')).toBeVisible();
    await page.goto('/supplier');
    await expect(page.locator('section[aria-labelledby="saved-heading"]').getByRole('link', { name: 'Trygghet hjemme' })).toBeVisible();
    await checkPage(page, 'supplier-04-saved-searches');
  });

  test('answers a need, confidential by default', async ({ page }) => {
    await login(page, USERS.supplier);
    await page.goto('/?q=trygghetsalarm&type=need');
    await page.getByRole('list', { name: 'Søketreff' }).getByRole('link').first().click();
    await page.getByRole('link', { name: 'Send innspill' }).click();
    await expect(page.getByRole('heading', { name: 'Innspillet er konfidensielt' })).toBeVisible();
    await expect(page.getByLabel('Konfidensielt', { exact: true })).toBeChecked();
    await page.getByLabel('Kort oppsummering', { exact: true }).fill('Alarm med mottak som fungerer uten mobildekning');
    await page.getByLabel('Avsnitt 1', { exact: true }).fill('Vi har levert trygghetsalarmer i fem kommuner og kan vise målt effekt på responstid.');
    await checkPage(page, 'supplier-05-response-form');
    await page.getByRole('button', { name: 'Send innspill' }).click();
    await expect(page.getByText('Innspillet er sendt.')).toBeVisible();
    await page.goto('/supplier');
    await expect(page.getByRole('heading', { name: 'Mine innspill' })).toBeVisible();
    await expect(page.getByText('Alarm med mottak som fungerer uten mobildekning')).toBeVisible();
  });

  test('registers for a dialogue conference and books a 1:1 slot', async ({ page }) => {
    await login(page, USERS.supplier);
    await page.goto('/?type=conference&q=trygghetsalarm');
    await page.getByRole('list', { name: 'Søketreff' }).getByRole('link').first().click();
    await expect(page).toHaveURL(/\/conferences\/\d+$/);
    await expect(page.getByRole('heading', { name: 'Påmelding' })).toBeVisible();
    await page.getByLabel('Rolle', { exact: true }).fill('Daglig leder');
    await checkPage(page, 'supplier-06-conference-registration');
    await page.getByRole('button', { name: 'Meld på virksomheten' }).click();
    await expect(page.getByText(/Virksomheten (din )?er påmeldt/)).toBeVisible();
    await page.getByRole('button', { name: /^Book møtet/ }).first().click();
    await expect(page.getByText('Booket av deg')).toBeVisible();
    // One meeting per supplier: the other times cannot be booked, and say why.
    await expect(page.getByRole('button', { name: /^Book møtet/ }).first()).toBeDisabled();
    await expect(page.getByRole('button', { name: /^Book møtet/ }).first()).toHaveAccessibleDescription('Du har booket 1 av 1 mulige møter.');
    await checkPage(page, 'supplier-07-slot-booked');

    // Equal treatment: a registered supplier's question is listed for everyone at the conference.
    await page.getByLabel('Still et spørsmål', { exact: true }).fill('Kan løsningen prøves ut i én bydel først?');
    await page.getByRole('button', { name: 'Send spørsmålet' }).click();
    await expect(page.getByText(/^Spørsmålet er sendt til arrangøren\. Svaret publiseres for alle påmeldte leverandører senest /)).toBeVisible();
    await expect(page.getByRole('list', { name: 'Spørsmål og svar' }).getByText('Kan løsningen prøves ut i én bydel først?')).toBeVisible();
    await checkPage(page, 'supplier-08-questions');
  });
});
