import { checkPage, expect, login, osloLocal, test, USERS, withWorkerPaused } from './helpers';

test.describe.configure({ mode: 'serial' });

test.describe('buyer', () => {
  test('creates, edits and publishes a need with the guided form, then sees suggestions and similar needs', async ({ page }) => {
    await login(page, USERS.buyer);
    await page.goto('/buyer');
    await expect(page.getByRole('heading', { name: 'Behov', exact: true })).toBeVisible();
    await checkPage(page, 'buyer-01-dashboard');

    await page.getByRole('link', { name: 'Nytt behov' }).click();
    await expect(page.getByRole('heading', { name: 'Beskriv behovet – ikke produktet' })).toBeVisible();
    await page.getByLabel('Tittel', { exact: true }).fill('Færre fall blant eldre som bor hjemme');
    await page.getByLabel('Beskrivelse av behovet', { exact: true }).fill('Vi vil kjøpe en app som varsler fall.');
    await expect(page.getByText(/Teksten nevner app/)).toBeVisible();
    await page
      .getByLabel('Beskrivelse av behovet', { exact: true })
      .fill('Hjemmetjenesten oppdager fall for sent. Mange eldre ligger lenge før de får hjelp, og frykten for å falle gjør at de går mindre ut.');
    await page.getByLabel('Ønsket effekt', { exact: true }).fill('Halvere tiden fra fall til hjelp innen 2028, uten flere besøk, og at flere eldre føler seg trygge hjemme.');
    await page.getByLabel('Sektor', { exact: true }).selectOption('helse-og-omsorg');
    await page.getByLabel('Fylke', { exact: true }).selectOption('46');
    await page.getByLabel('Kommune', { exact: true }).fill('Bergen');
    await page.getByLabel('Budsjett fra', { exact: true }).fill('500000');
    await page.getByLabel('Budsjett til', { exact: true }).fill('2000000');
    await page.getByLabel('Fase', { exact: true }).selectOption('markedsdialog');
    await page.getByLabel('Planlagt anskaffelsesprosedyre', { exact: true }).selectOption('innovasjonspartnerskap');
    await page.getByLabel(/Frist for innspill/).fill(osloLocal(40, 12));
    await checkPage(page, 'buyer-02-need-form');
    await page.getByRole('button', { name: 'Lagre som utkast' }).click();

    await expect(page).toHaveURL(/\/needs\/\d+$/);
    await expect(page.getByText('Utkast').first()).toBeVisible();
    await expect(page.getByText(/kl\. 12:00 (CET|CEST)/)).toBeVisible();
    await page.getByRole('link', { name: 'Rediger behovet' }).click();
    await page.getByLabel('Tittel', { exact: true }).fill('Færre og mindre alvorlige fall blant eldre hjemme');
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Færre og mindre alvorlige fall blant eldre hjemme');

    // Publishing answers at once; the background worker computes the suggestions. Paused, it
    // leaves the page saying so; going on, it brings them in without a reload.
    const suggested = page.getByRole('region', { name: 'Foreslåtte løsninger' });
    await withWorkerPaused(async () => {
      await page.getByRole('button', { name: 'Publiser' }).click();
      await expect(page.getByText('Publisert').first()).toBeVisible();
      await expect(suggested.locator('[role="status"][aria-live="polite"]')).toHaveText('Beregner forslag …');
      await expect(page.getByText(/Ingen forslag ennå/)).toHaveCount(0);
      await checkPage(page, 'buyer-03-need-computing-suggestions');
    });
    await expect(suggested.getByRole('list', { name: 'Foreslåtte løsninger' })).toBeVisible();
    await expect(page.getByText('Beregner forslag …')).toHaveCount(0);
    await expect(suggested.locator('[role="status"][aria-live="polite"]')).toHaveText('Forslagene er oppdatert.');
    await expect(page.getByRole('heading', { name: 'Lignende behov hos andre innkjøpere' })).toBeVisible();
    await expect(page.locator('main .loading')).toHaveCount(0);
    await checkPage(page, 'buyer-03-need-published');
  });

  test('sees suggested solutions explained in plain sentences, without weights or filler words', async ({ page }) => {
    // Trondheim's demo need for night-time supervision has several good suggestions.
    await login(page, USERS.buyer2);
    await page.goto('/buyer');
    await page.getByRole('link', { name: 'Nattlig tilsyn som ikke vekker beboerne', exact: true }).click();
    const suggested = page.getByRole('list', { name: 'Foreslåtte løsninger' });
    await expect(suggested).toBeVisible();
    const first = suggested.getByRole('listitem').first();
    // Each suggestion says in words how well it fits and why, straight away.
    await expect(first.locator('.match-fit')).toHaveText(/^Hvor godt det passer:\s*(Svært god|God)$/);
    await expect(first.locator('.match-why')).toHaveText(/^(Løser samme behov|Kan løse behovet)[^]*\.$/);
    // No signal table, weights, raw score or developer words for a buyer.
    await expect(page.getByRole('table', { name: 'Signaler som ga forslaget' })).toHaveCount(0);
    await expect(suggested.getByText('Detaljer')).toHaveCount(0);
    await expect(suggested.getByText(/Treffsikkerhet|Poengsum|Svak|dense|lexical/)).toHaveCount(0);
    // Shared keywords are content words only.
    const filler = new Set(['går', 'tide', 'kommune', 'kommunen', 'løsning', 'løsningen', 'behov', 'behovet', 'tjeneste', 'og', 'i', 'på', 'få']);
    const terms = await page.getByRole('list', { name: 'Felles stikkord' }).getByRole('listitem').allTextContents();
    expect(terms.flatMap((term) => term.split('/')).filter((word) => filler.has(word.trim().toLowerCase()))).toEqual([]);
    await checkPage(page, 'buyer-04-suggestions');
  });

  test('a need with few good suggestions says so and invites the buyer to a market dialogue', async ({ page }) => {
    // Bergen's demo need about residents who sit still has fewer than three suggestions above the relevance floor.
    await login(page, USERS.buyer);
    await page.goto('/buyer');
    await page.getByRole('link', { name: 'Beboere som sitter stille store deler av dagen', exact: true }).click();
    const section = page.getByRole('region', { name: 'Foreslåtte løsninger' });
    await expect(section.getByText(/^Vi har (bare funnet|ikke funnet noen)/)).toBeVisible();
    await expect(section.getByText(/^En markedsdialog kan få fram løsninger/)).toBeVisible();
    await expect(section.getByText('Svak')).toHaveCount(0);
    await checkPage(page, 'buyer-04-few-suggestions');
    await section.getByRole('link', { name: 'Opprett en dialogkonferanse for behovet' }).click();
    await expect(page).toHaveURL(/\/conferences\/new\?need=\d+$/);
    await expect(
      page.getByRole('group', { name: 'Behov som presenteres' }).getByRole('checkbox', { name: 'Beboere som sitter stille store deler av dagen' }),
    ).toBeChecked();
  });

  test('creates a dialogue conference with 1:1 slots, sees registrations and exports participants', async ({ page }) => {
    await login(page, USERS.buyer);
    await page.goto('/conferences/new');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ny dialogkonferanse');
    await page.getByRole('group', { name: 'Behov som presenteres' }).getByRole('checkbox').first().check();
    await page.getByLabel('Tittel', { exact: true }).fill('Dialogkonferanse om fallforebygging');
    await page.getByLabel('Beskrivelse', { exact: true }).fill('Vi presenterer behovet og ønsker innspill fra markedet.');
    await page.getByLabel('Starter', { exact: true }).fill(osloLocal(30, 9));
    await page.getByLabel('Slutter', { exact: true }).fill(osloLocal(30, 12));
    await page.getByLabel('Påmeldingsfrist', { exact: true }).fill(osloLocal(20, 12));
    await page.getByLabel('Sted', { exact: true }).fill('Bergen rådhus');
    await checkPage(page, 'buyer-05-conference-form');
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await expect(page).toHaveURL(/\/conferences\/\d+$/);

    // A new conference is a draft: wait for the page before publishing it (counting the button
    // while the page still loads skipped the publishing, and the later render emptied the slot form).
    const publish = page.getByRole('button', { name: 'Publiser konferansen' });
    await expect(publish).toBeVisible();
    await publish.click();
    // Publishing re-renders the page (and the slot form): wait for it before filling.
    await expect(publish).toHaveCount(0);
    await page.getByLabel('Starter', { exact: true }).last().fill(osloLocal(31, 10));
    await expect(page.getByLabel('Starter', { exact: true }).last()).not.toHaveValue('');
    await page.getByRole('button', { name: 'Legg til møtetid' }).click();
    await expect(page.getByRole('table').first().getByText('Ledig')).toBeVisible();
    await checkPage(page, 'buyer-06-conference');

    // A demo conference of Bergen's with registered suppliers.
    await page.goto('/buyer');
    await page.getByRole('link', { name: 'Dialogmøte: mer aktivitet for beboere på sykehjem' }).click();
    await expect(page.getByRole('heading', { name: 'Påmeldte' })).toBeVisible();
    await expect(page.locator('section[aria-labelledby="regs-heading"] tbody tr').first()).toBeVisible();
    const href = await page.getByRole('link', { name: 'Last ned deltakerliste (CSV)' }).getAttribute('href');
    expect(href).toBeTruthy();
    const csv = await page.request.get(href ?? '');
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toContain('virksomhet');
    await checkPage(page, 'buyer-07-registrations');

    // Read the responses to the need presented at that conference.
    await page.locator('section[aria-labelledby="conf-needs"]').getByRole('link').first().click();
    await expect(page.getByRole('list', { name: 'Innspill fra leverandører' }).getByRole('listitem').first()).toBeVisible();
    await checkPage(page, 'buyer-08-responses');
  });
});
