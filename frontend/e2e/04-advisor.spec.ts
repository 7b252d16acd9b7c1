import { checkPage, expect, login, mailLink, PASSWORD, randomOrgNumber, test, USERS } from './helpers';

test.describe.configure({ mode: 'serial' });

const stamp = Date.now().toString().slice(-6);
const orgName = `Testkommune ${stamp}`;
const email = `nina.${stamp}@testkommune.no`;

test.describe('advisor', () => {
  test('a new buyer signs up and registers an organisation', async ({ page }) => {
    await page.goto('/register');
    await page.getByLabel('Fullt navn', { exact: true }).fill('Nina Ny');
    await page.getByLabel('E-post', { exact: true }).fill(email);
    await page.getByLabel('Passord', { exact: true }).fill(PASSWORD);
    await checkPage(page, 'buyer-00-register');
    await page.getByRole('button', { name: 'Opprett bruker' }).click();
    // Not signed in yet: the address is confirmed by the link in the e-mail first.
    await expect(page.getByText(/Vi har sendt en e-post til nina\./)).toBeVisible();
    await page.goto(await mailLink(email, '/verify-email'));
    await expect(page.getByText('E-postadressen din er bekreftet.')).toBeVisible();
    await checkPage(page, 'buyer-00-email-verified');
    await login(page, email);
    await page.goto('/organizations/new');
    await page.getByLabel('Navn på virksomheten', { exact: true }).fill(orgName);
    await page.getByLabel('Organisasjonsnummer', { exact: true }).fill('123');
    await page.getByLabel('Organisasjonsnummer', { exact: true }).blur();
    await expect(page.getByText(/ikke gyldig/)).toBeVisible();
    await page.getByLabel('Organisasjonsnummer', { exact: true }).fill(randomOrgNumber());
    await page.getByLabel('Offentlig innkjøper', { exact: true }).check();
    await checkPage(page, 'buyer-00-register-organisation');
    await page.getByRole('button', { name: 'Registrer virksomhet' }).click();
    await expect(page.getByRole('heading', { name: `${orgName} er registrert, og du er administrator for virksomheten.` })).toBeVisible();
  });

  test('verifies the new organisation', async ({ page }) => {
    await login(page, USERS.advisor);
    await page.goto('/advisor/organizations');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verifiser virksomheter');
    await checkPage(page, 'advisor-01-organizations');
    await page.getByRole('button', { name: `Verifiser ${orgName}` }).click();
    await expect(page.getByRole('button', { name: `Verifiser ${orgName}` })).toHaveCount(0);
  });

  test('curates matches on the queue and the per-need board', async ({ page }) => {
    await login(page, USERS.advisor);
    await page.goto('/advisor');
    await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
    await checkPage(page, 'advisor-02-queue');

    await page.getByRole('table').getByRole('link').first().click();
    await expect(page).toHaveURL(/\/advisor\/needs\/\d+$/);
    await expect(page.getByRole('heading', { name: /^Foreslått/ }).first()).toBeVisible();
    const suggested = page.locator('section[aria-labelledby="col-suggested"] [data-testid="match-card"]');
    await expect(suggested.first()).toBeVisible();
    const before = await suggested.count();

    await suggested.first().getByRole('button', { name: /^Sett på kortliste: «.*»$/ }).click();
    await expect(page.locator('section[aria-labelledby="col-shortlisted"] [data-testid="match-card"]').first()).toBeVisible();

    const card = page.locator('section[aria-labelledby="col-shortlisted"] [data-testid="match-card"]').first();
    await card.getByRole('button', { name: /^Notater/ }).click();
    await card.getByLabel(/^Nytt notat om/).fill('Ring leverandøren før introduksjon.');
    await card.getByRole('button', { name: 'Legg til notat' }).click();
    await expect(card.getByText('Ring leverandøren før introduksjon.')).toBeVisible();
    await card.getByRole('button', { name: /^Introduser/ }).click();
    await expect(page.locator('section[aria-labelledby="col-introduced"] [data-testid="match-card"]').first()).toBeVisible();

    if (before > 1) {
      const next = page.locator('section[aria-labelledby="col-suggested"] [data-testid="match-card"]').first();
      await next.getByLabel(/^Begrunnelse for å avvise/).fill('Løsningen dekker ikke behovet for døgnbemanning.');
      await next.getByRole('button', { name: 'Avvis' }).click();
      await expect(page.locator('section[aria-labelledby="col-rejected"] [data-testid="match-card"]').first()).toBeVisible();
    }
    await checkPage(page, 'advisor-03-board');
  });

  test('works the desk: views, filters, pages, bulk shortlist, a shortcut, filters remembered', async ({ page }) => {
    await login(page, USERS.advisor);
    await page.goto('/advisor');
    const count = page.getByTestId('desk-count');
    await expect(count).toHaveText(/^Viser 1–\d+ av [\d\s]+$/);
    const rows = page.getByTestId('desk-row');
    await expect(rows.first()).toBeVisible();

    // Joint procurement is a view of its own, never among the solutions.
    await page.getByRole('link', { name: /^Felles innkjøp \(/ }).click();
    await expect(page).toHaveURL(/kind=need_need/);
    await expect(page.getByRole('columnheader', { name: 'Lignende behov' })).toBeAttached();
    await expect(page.getByRole('columnheader', { name: 'Løsning' })).toHaveCount(0);
    await page.getByRole('link', { name: /^Løsninger \(/ }).click();
    await expect(page.getByRole('columnheader', { name: 'Løsning' })).toBeAttached();

    // Pages on the server.
    await page.getByLabel('Forslag per side').selectOption('25');
    await page.getByRole('button', { name: 'Neste' }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(count).toHaveText(/^Viser 26–\d+ av [\d\s]+$/);

    // A filter goes to the server and the URL, back to the first page; each row is in the county.
    await page.getByLabel('Fylke').selectOption({ label: 'Vestland' });
    await expect(page).toHaveURL(/county=46/);
    await expect(page).not.toHaveURL(/page=2/);
    await expect(count).toHaveText(/^Viser 1–/);
    await expect(rows.first()).toBeVisible();
    for (const row of await rows.all()) await expect(row.getByRole('cell').nth(1)).toContainText('Vestland');
    await checkPage(page, 'advisor-02b-desk-filtered');

    // Bulk: two rows shortlisted in one request; they leave the suggested view for the shortlist.
    const boxes = page.getByRole('checkbox', { name: /^Velg «/ });
    const names = [await boxes.nth(0).getAttribute('aria-label'), await boxes.nth(1).getAttribute('aria-label')];
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await expect(page.getByTestId('selected-count')).toHaveText('2 valgt');
    await page.getByRole('button', { name: 'Sett på kortliste' }).click();
    await expect(page.getByText('2 forslag satt på kortliste.')).toBeVisible();
    for (const name of names) await expect(page.getByRole('checkbox', { name: name ?? '' })).toHaveCount(0);

    // A shortcut: on a fresh page j goes to the first row, s shortlists it.
    await page.reload();
    await expect(rows.first()).toBeVisible();
    await page.keyboard.press('j');
    const first = boxes.first();
    await expect(first).toBeFocused();
    const third = await first.getAttribute('aria-label');
    await page.keyboard.press('s');
    await expect(page.getByText('1 forslag satt på kortliste.')).toBeVisible();
    await page.getByLabel('Tilstand').selectOption({ label: 'Kortliste' });
    await expect(page).toHaveURL(/state=shortlisted/);
    for (const name of [...names, third]) await expect(page.getByRole('checkbox', { name: name ?? '' })).toBeVisible();
    // ? lists the shortcuts; typing in a field fires none.
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Hurtigtaster' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Hurtigtaster' })).toHaveCount(0);

    // The filters are remembered: back on /advisor without a query string, they are restored.
    await page.goto('/advisor');
    await expect(page).toHaveURL(/county=46/);
    await expect(page).toHaveURL(/state=shortlisted/);
    await expect(page.getByLabel('Fylke')).toHaveValue('46');
    await page.reload();
    await expect(page.getByLabel('Fylke')).toHaveValue('46');
    await page.getByRole('button', { name: 'Nullstill filtre' }).click();
    await expect(page).not.toHaveURL(/county=|state=/);
    await expect(page.getByLabel('Fylke')).toHaveValue('');
  });

  test('sees the pipeline overview with charts', async ({ page }) => {
    await login(page, USERS.advisor);
    await page.goto('/advisor/pipeline');
    await expect(page.getByRole('heading', { name: 'Behov per fase' })).toBeVisible();
    await expect(page.locator('.bar-chart[role="img"]')).toHaveCount(3);
    await checkPage(page, 'advisor-04-pipeline');
  });

  test('sees what people searched for and did not find; nobody else does', async ({ page }) => {
    const words = `kvasifluksmåler ${stamp}`;
    await page.goto(`/?q=${encodeURIComponent(words)}&type=need`);
    // No need has these words: the search relaxes to results of similar meaning (if any).
    await expect(page.getByTestId('result-count')).toHaveText(/^\d+ treff$/);
    // Personal data is never kept: this search leaves no row.
    await page.goto(`/?q=${encodeURIComponent(`kari.nordmann.${stamp}@bergen.kommune.no`)}`);
    await expect(page.getByTestId('result-count')).toHaveText(/\d+ treff/);

    await login(page, USERS.supplier);
    expect((await page.request.get('/api/search/missed/')).status()).toBe(403);
    await expect(page.getByRole('link', { name: 'Søk uten treff' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await expect(page.getByRole('banner').getByRole('link', { name: 'Logg inn' })).toBeVisible();

    await login(page, USERS.advisor);
    await page.getByRole('link', { name: 'Søk uten treff' }).click();
    await expect(page).toHaveURL(/\/advisor\/missed-searches$/);
    const search = page.getByRole('link', { name: `Søk etter «${words}» med de samme filtrene` });
    await expect(search).toBeVisible();
    await expect(page.getByRole('row').filter({ has: search }).getByText('Behov')).toBeVisible();
    await expect(page.getByRole('table')).not.toContainText(`kari.nordmann.${stamp}`);
    await checkPage(page, 'advisor-05-missed-searches');
    await page.getByLabel('Periode').selectOption({ label: 'Siste 7 dager' });
    await expect(page).toHaveURL(/days=7/);
    await expect(search).toBeVisible();
    await search.click();
    await expect(page).toHaveURL(/q=kvasifluksm%C3%A5ler\+\d+&type=need/);
    await expect(page.getByTestId('result-count')).toHaveText(/^\d+ treff$/);
  });

  test('reads why each pair was suggested, weak ones marked, with the signals behind "Detaljer"', async ({ page }) => {
    await login(page, USERS.advisor);
    // On a need with few good suggestions, the advisor still sees the engine's weak ones, marked.
    const needs = await (await page.request.get('/api/needs/?status=published&page_size=100')).json();
    const need = (needs.results as { id: number; title: string }[]).find((n) => n.title === 'Beboere som sitter stille store deler av dagen');
    expect(need).toBeDefined();
    await page.goto(`/needs/${need?.id ?? ''}`);
    const suggested = page.getByRole('list', { name: 'Foreslåtte løsninger' });
    const weak = suggested.getByRole('listitem').filter({ hasText: 'Svak' }).first();
    await expect(weak.locator('.match-fit')).toHaveText(/^Hvor godt det passer:\s*Svak$/);
    await expect(weak.getByText('Vises ikke for kjøper eller leverandør: under terskelen for relevans.')).toBeVisible();
    await expect(weak.locator('.match-why')).toHaveText(/^Bare løst knyttet til behovet[^]*\.$/);
    await expect(page.getByText(/^Vi har (bare funnet|ikke funnet noen)/)).toBeVisible();
    // The signal table is there for advisors, behind "Detaljer".
    const table = weak.getByRole('table', { name: 'Signaler som ga forslaget' });
    await expect(table).toBeHidden();
    await weak.getByText('Detaljer').click();
    await expect(table).toBeVisible();
    await expect(table.getByRole('cell', { name: 'dense', exact: true })).toBeVisible();
    await expect(weak.getByText('Poengsum')).toBeVisible();
    await checkPage(page, 'advisor-05-need-suggestions-details');

    // The per-need board explains each card the same way.
    await page.goto(`/advisor/needs/${need?.id ?? ''}`);
    const card = page.getByTestId('match-card').first();
    await card.getByText('Hvorfor foreslått?').click();
    await expect(card.locator('.match-why')).toHaveText(/\.$/);
    await card.getByText('Detaljer').click();
    await expect(card.getByRole('table', { name: 'Signaler som ga forslaget' })).toBeVisible();

    // Two needs (joint procurement): each sentence of the pair is named by its need, never "Fra løsningen".
    const joint = (await (await page.request.get('/api/matches/?kind=need_need&page_size=1')).json()) as { results: { need: { id: number } }[] };
    const pairedNeed = joint.results[0]?.need.id;
    expect(pairedNeed, 'a demo need with a similar need').toBeDefined();
    await page.goto(`/advisor/needs/${pairedNeed ?? ''}`);
    const jointCard = page.getByTestId('board-joint').getByTestId('match-card').first();
    await jointCard.getByText('Hvorfor foreslått?').click();
    await jointCard.getByText('Detaljer').click();
    await expect(jointCard.getByText(/^Fra behovet «/)).toHaveCount(2);
    await expect(jointCard.getByText('Fra løsningen')).toHaveCount(0);
  });
});
