import type { Browser, Page } from '@playwright/test';
import { checkPage, expect, login, osloLocal, test, USERS } from './helpers';

// The market dialogue's record, from the buyer's side and the supplier's: the minutes of a held
// 1:1 meeting and what was shared in it (the equal-treatment log on the need), business secrets
// marked in a response and kept out of the record, and the need's ongoing dialogue.

const CONFERENCE = 'Dialogmøte: mer aktivitet for beboere på sykehjem';
const NEED = 'Beboere som sitter stille store deler av dagen';
const SECRET = 'Prisen er 950 kroner per beboer og måned, med felles opplæring av alle ansatte inkludert.';

test.describe.configure({ mode: 'serial' });

async function supplierPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, USERS.supplier);
  return page;
}

async function openNeed(page: Page): Promise<void> {
  await page.goto('/?type=need&q=beboere%20sitter%20stille');
  await page.getByRole('list', { name: 'Søketreff' }).getByRole('link', { name: NEED }).click();
  await expect(page.getByRole('heading', { level: 1, name: NEED })).toBeVisible();
}

async function openHeldMeeting(page: Page): Promise<void> {
  await page.goto('/buyer');
  await page.getByRole('link', { name: CONFERENCE }).click();
  const row = page.getByRole('table', { name: '1:1-møter' }).getByRole('row').filter({ hasText: 'Booket av Helsetek AS' });
  await row.getByRole('link', { name: /^Referat fra møtet/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^1:1-møte / })).toBeVisible();
}

test.describe('the market dialogue record', () => {
  test('the buyer writes and sends minutes and shares a clarification; the supplier reads, comments and finds it in the log', async ({ page, browser }) => {
    const stamp = Date.now().toString().slice(-6);
    const minutes = `Helsetek viste aktivitetsløsningen for grupper på fire til seks beboere (${stamp}). Kommunen forklarte hvordan dagene på avdelingene er lagt opp.`;
    const shared = `Kommunen presiserte at tiltaket skal kunne brukes på skjermede enheter (${stamp}).`;

    await login(page, USERS.buyer);
    await openHeldMeeting(page);
    await page.getByRole('textbox', { name: 'Referattekst' }).fill(minutes);
    await page.getByRole('button', { name: 'Lagre utkast' }).click();
    await expect(page.getByText('Utkastet er lagret. Bare dere og LUP-rådgivere kan lese det.')).toBeVisible();
    await page.getByRole('button', { name: 'Send referatet til leverandøren' }).click();
    await expect(page.getByText('Referatet er sendt. Leverandøren har fått beskjed.')).toBeVisible();

    // What was shared: an empty text is refused at its field and nothing is published.
    const share = page.getByRole('form', { name: 'Registrer noe som ble delt i møtet' });
    await share.getByRole('button', { name: 'Publiser til alle leverandører i dialogen' }).click();
    await expect(share.getByText('Dette feltet må ikke være blankt.')).toBeVisible();
    await share.getByLabel('Det som ble delt', { exact: true }).fill(shared);
    await share.getByRole('button', { name: 'Publiser til alle leverandører i dialogen' }).click();
    await expect(page.getByText('Publisert til alle leverandører i dialogen.')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Delt i møtet' }).getByText(shared)).toBeVisible();
    await checkPage(page, 'record-01-minutes-and-shared');
    const meetingUrl = new URL(page.url()).pathname;

    // The supplier is told; the link opens the minutes, which it may comment on.
    const supplier = await supplierPage(browser);
    await supplier.goto('/notifications');
    await supplier.getByRole('link', { name: /^Referat fra 1:1-møtet deres med Bergen kommune/ }).first().click();
    await expect(supplier).toHaveURL(new RegExp(`${meetingUrl}$`));
    await expect(supplier.getByTestId('minutes-text')).toHaveText(minutes);
    await expect(supplier.getByRole('button', { name: 'Lagre utkast' })).toHaveCount(0);
    await supplier.getByLabel('Kommentar', { exact: true }).fill('Vi har også erfaring fra to dagsentre, som vi gjerne deler.');
    await supplier.getByRole('button', { name: 'Send kommentaren' }).click();
    await expect(supplier.getByText('Kommentaren er sendt. Innkjøperen har fått beskjed.')).toBeVisible();
    await checkPage(supplier, 'record-02-supplier-reads-minutes');

    // Every registered supplier hears what was shared; the need's log shows it without naming the meeting's supplier.
    await supplier.goto('/notifications');
    await expect(supplier.getByRole('link', { name: `Delt i dialogen om «${CONFERENCE}»` }).first()).toBeVisible();
    await openNeed(supplier);
    const log = supplier.locator('section[aria-labelledby="shared-log-heading"]');
    await expect(log.getByRole('heading', { name: 'Likebehandlingslogg' })).toBeVisible();
    await expect(log.getByText(shared)).toBeVisible();
    await expect(log.getByText('1:1-møte på en dialogkonferanse').first()).toBeVisible();
    await expect(log).not.toContainText('Helsetek');
    await checkPage(supplier, 'record-03-equal-treatment-log');

    // The buyer reads the comment with the minutes.
    await page.reload();
    await expect(page.getByRole('list', { name: 'Kommentarer fra leverandøren' })).toContainText('to dagsentre');
    await supplier.context().close();
  });

  test('a supplier marks a business secret with its reason; the buyer sees it marked and cannot quote it in the minutes', async ({ page, browser }) => {
    const supplier = await supplierPage(browser);
    await openNeed(supplier);
    await supplier.getByRole('link', { name: 'Send innspill' }).click();
    await supplier.getByLabel('Kort oppsummering', { exact: true }).fill('Aktivitet i grupper, også for beboere med demens');
    await supplier.getByLabel('Avsnitt 1', { exact: true }).fill('Vi har prøvd ut gruppeaktiviteten på tre sykehjem i Trøndelag med gode resultater.');
    await supplier.getByRole('button', { name: 'Legg til avsnitt' }).click();
    await supplier.getByLabel('Avsnitt 2', { exact: true }).fill(SECRET);
    await supplier.getByRole('switch', { name: 'Avsnitt 2 er en forretningshemmelighet' }).check();
    await expect(supplier.getByText('Et innspill med forretningshemmeligheter er alltid konfidensielt.')).toBeVisible();
    // Without a reason the marker is refused, saying why.
    await supplier.getByRole('button', { name: 'Send innspill' }).click();
    await expect(supplier.getByText(/Avsnitt 2 er merket som forretningshemmelighet: begrunn hvorfor/).first()).toBeVisible();
    await supplier.getByLabel('Begrunnelse for avsnitt 2', { exact: true }).fill('Prismodellen er konkurransesensitiv før konkurransen.');
    await checkPage(supplier, 'record-04-business-secret-form');
    await supplier.getByRole('button', { name: 'Send innspill' }).click();
    await expect(supplier.getByText('Innspillet er sendt.')).toBeVisible();
    await supplier.context().close();

    // The buyer sees the section marked, with the supplier's reason.
    await login(page, USERS.buyer);
    await openNeed(page);
    const response = page.getByRole('list', { name: 'Innspill fra leverandører' }).getByRole('listitem').filter({ hasText: 'Aktivitet i grupper, også for beboere med demens' });
    const secret = response.getByTestId('business-secret');
    await expect(secret.getByText('Forretningshemmelighet')).toBeVisible();
    await expect(secret.getByText(SECRET)).toBeVisible();
    await expect(secret.getByText('Leverandørens begrunnelse: Prismodellen er konkurransesensitiv før konkurransen.')).toBeVisible();
    await checkPage(page, 'record-05-buyer-sees-secret');

    // The secret never enters the minutes: quoting it is refused, naming whose it is.
    await openHeldMeeting(page);
    await page.getByRole('textbox', { name: 'Referattekst' }).fill(`Leverandøren opplyste: ${SECRET}`);
    await page.getByRole('button', { name: 'Lagre utkast' }).click();
    await expect(page.getByText(/^Dette siterer det Helsetek AS har merket som forretningshemmelighet/)).toBeVisible();
  });

  test('the buyer opens ongoing dialogue with a weekly capacity; the supplier asks, is accepted with a time, withdraws, is accepted again and the buyer cancels with a reason, and is declined with the standard reply', async ({ page, browser }) => {
    await login(page, USERS.buyer);
    await openNeed(page);
    const ongoing = page.locator('section[aria-labelledby="ongoing-heading"]');
    await ongoing.getByLabel('Møter per uke', { exact: true }).fill('1');
    await ongoing.getByLabel('Hvor møtene holdes', { exact: true }).fill('');
    await ongoing.getByRole('button', { name: 'Åpne løpende dialog' }).click();
    await expect(ongoing.getByText('Dette feltet må ikke være blankt.')).toBeVisible();
    await ongoing.getByLabel('Hvor møtene holdes', { exact: true }).fill('Teams, eller hos oss i Rådhusgaten 10');
    await ongoing.getByLabel('Hva vil dere snakke om?', { exact: true }).fill('Hvordan ansatte og frivillige kan sette i gang aktivitet uten forberedelse.');
    await ongoing.getByRole('button', { name: 'Åpne løpende dialog' }).click();
    await expect(ongoing.getByRole('button', { name: 'Avslutt løpende dialog' })).toBeVisible();
    await expect(ongoing.getByText('Ingen leverandører har bedt om møte ennå.')).toBeVisible();
    await checkPage(page, 'record-06-ongoing-opened');

    // The supplier asks for the first week with room; the week is then full for everyone.
    const supplier = await supplierPage(browser);
    await openNeed(supplier);
    const side = supplier.locator('section[aria-labelledby="ongoing-heading"]');
    await side.getByLabel('Hva vil dere snakke om?', { exact: true }).fill('Vi vil vise hvordan gruppeaktiviteten settes i gang på fem minutter.');
    await side.getByRole('button', { name: 'Be om møte' }).click();
    await expect(side.getByText(/^Forespørselen er sendt\./)).toBeVisible();
    await expect(side.getByRole('list', { name: 'Deres forespørsler' })).toContainText('Venter på svar');
    await expect(side.getByText(/Dere har en forespørsel som venter på svar/)).toBeVisible();
    await expect(side.getByTestId('ongoing-weeks').getByRole('listitem').first()).toHaveText(/: full$/);
    await checkPage(supplier, 'record-07-meeting-requested');

    // The buyer accepts with a time: one in the past is refused, then next week at ten.
    await page.reload();
    const card = ongoing.getByRole('list', { name: 'Møteforespørsler' }).getByRole('listitem').filter({ hasText: 'Helsetek AS' });
    await card.getByRole('button', { name: 'Godta' }).click();
    const accept = page.getByRole('form', { name: 'Godta forespørselen fra Helsetek AS' });
    await accept.getByLabel('Tidspunkt for møtet', { exact: true }).fill(osloLocal(-1, 10));
    await accept.getByRole('button', { name: 'Godta og send tidspunktet' }).click();
    await expect(accept.getByText('Foreslå et tidspunkt fram i tid.')).toBeVisible();
    await accept.getByLabel('Tidspunkt for møtet', { exact: true }).fill(osloLocal(7, 10));
    await accept.getByRole('button', { name: 'Godta og send tidspunktet' }).click();
    await expect(page.getByText(/^Forespørselen fra Helsetek AS er godtatt/)).toBeVisible();
    await checkPage(page, 'record-08-request-accepted');

    // The supplier is told the time; it withdraws and asks again, and is declined with the standard reply.
    await supplier.goto('/notifications');
    await supplier.getByRole('link', { name: /^Møte med Bergen kommune: / }).first().click();
    await expect(side.getByRole('list', { name: 'Deres forespørsler' })).toContainText('Godtatt');
    await side.getByRole('button', { name: 'Trekk tilbake' }).click();
    await expect(side.getByText('Forespørselen er trukket tilbake. Innkjøperen har fått beskjed.')).toBeVisible();

    // It asks again and is accepted; the buyer then has to call the meeting off, and says why.
    await side.getByLabel('Hva vil dere snakke om?', { exact: true }).fill('Vi vil vise hvordan gruppeaktiviteten settes i gang på fem minutter.');
    await side.getByRole('button', { name: 'Be om møte' }).click();
    await expect(side.getByText(/^Forespørselen er sendt\./)).toBeVisible();
    await page.reload();
    const requests = ongoing.getByRole('list', { name: 'Møteforespørsler' });
    await requests.getByRole('listitem').filter({ hasText: 'Venter på svar' }).getByRole('button', { name: 'Godta' }).click();
    const acceptAgain = page.getByRole('form', { name: 'Godta forespørselen fra Helsetek AS' });
    await acceptAgain.getByLabel('Tidspunkt for møtet', { exact: true }).fill(osloLocal(8, 13));
    await acceptAgain.getByRole('button', { name: 'Godta og send tidspunktet' }).click();
    await expect(page.getByText(/^Forespørselen fra Helsetek AS er godtatt/)).toBeVisible();
    await requests.getByRole('listitem').filter({ hasText: 'Godtatt' }).getByRole('button', { name: 'Avlys møtet med Helsetek AS' }).click();
    const callOff = page.getByRole('group', { name: 'Avlys møtet med Helsetek AS' });
    await expect(callOff.getByText(/^Avlyse møtet med Helsetek AS .*13:00.*\? Helsetek AS får beskjed/)).toBeVisible();
    const why = 'Prosjektlederen er syk den uken. Be gjerne om et møte i en annen uke.';
    await callOff.getByLabel('Begrunnelse (valgfritt)').fill(why);
    await callOff.getByRole('button', { name: 'Avlys og varsle Helsetek AS' }).click();
    await expect(page.getByText('Møtet med Helsetek AS er avlyst. Leverandøren har fått beskjed.')).toBeVisible();
    await expect(requests.getByRole('listitem').filter({ hasText: 'Avlyst av kjøperen' })).toContainText(`Begrunnelse: ${why}`);
    await expect(page.getByRole('button', { name: 'Avlys møtet med Helsetek AS' })).toHaveCount(0);
    await checkPage(page, 'record-08b-meeting-cancelled');

    // The supplier hears why; the link opens the need, where its request says so.
    await supplier.goto('/notifications');
    await supplier.getByRole('link', { name: /^Bergen kommune har avlyst møtet deres / }).click();
    const own = side.getByRole('list', { name: 'Deres forespørsler' });
    await expect(own.getByRole('listitem').filter({ hasText: 'Avlyst av kjøperen' })).toContainText(`Begrunnelse: ${why}`);

    // It asks about something else, and is declined with the standard reply.
    await side.getByLabel('Hva vil dere snakke om?', { exact: true }).fill('Vi vil presentere hele produktporteføljen vår.');
    await side.getByRole('button', { name: 'Be om møte' }).click();
    await expect(side.getByText(/^Forespørselen er sendt\./)).toBeVisible();

    await page.reload();
    const waiting = ongoing.getByRole('list', { name: 'Møteforespørsler' }).getByRole('listitem').filter({ hasText: 'hele produktporteføljen' });
    await waiting.getByRole('button', { name: 'Avslå' }).click();
    const decline = page.getByRole('form', { name: 'Avslå forespørselen fra Helsetek AS' });
    await decline.getByLabel('Temaet ligger utenfor det dialogen skal avklare').check();
    await decline.getByRole('button', { name: 'Avslå med standardsvaret' }).click();
    await expect(page.getByText('Forespørselen fra Helsetek AS er avslått. Leverandøren har fått standardsvaret.')).toBeVisible();

    await supplier.reload();
    await expect(side.getByRole('list', { name: 'Deres forespørsler' })).toContainText('Takk for forespørselen. Det dere vil snakke om, ligger utenfor');
    await expect(side.getByRole('list', { name: 'Deres forespørsler' })).toContainText('Alle leverandører som ber om møte, får svar etter de samme reglene.');
    await checkPage(supplier, 'record-09-declined-with-standard-reply');
    await supplier.context().close();
  });
});
