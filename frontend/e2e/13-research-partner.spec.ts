import { checkPage, expect, login, test, USERS } from './helpers';

/** Research partners (issue 14): Bergen invites a suggested research institution to its need;
 * the institution accepts and reads the need, but not the suppliers' responses; once the buyer
 * grants it, the responses (business secrets withheld) are there for it too. */
const NEED = 'Beboere som sitter stille store deler av dagen';
const INSTITUTION = 'NTNU Senter for omsorgsforskning';
const RESEARCHER = 'forsker@ntnu.no';
const RESPONSE = 'Sensorstøttet aktivitet og døgnrytme';

test.describe.configure({ mode: 'serial' });

test('a buyer invites a suggested institution, which reads the need and, once granted, the responses', async ({ browser }) => {
  const buyerContext = await browser.newContext();
  const buyer = await buyerContext.newPage();
  await login(buyer, USERS.buyer);
  await buyer.goto('/buyer');
  await buyer.getByRole('link', { name: NEED }).first().click();
  await expect(buyer.getByRole('heading', { level: 1 })).toHaveText(NEED);
  const section = buyer.getByRole('region', { name: 'Forskningspartnere' });
  // The demo's partner is on the need already; NTNU's profile is suggested.
  await expect(section.getByText('OsloMet Institutt for sykepleie og helsefremmende arbeid', { exact: true })).toBeVisible();
  const suggestions = section.getByRole('list', { name: 'Forskningspartnere som kan passe' });
  await expect(suggestions.getByText(INSTITUTION, { exact: true })).toBeVisible();
  await checkPage(buyer, 'research-01-need-section');
  await suggestions.getByRole('button', { name: `Inviter ${INSTITUTION} som forskningspartner` }).click();
  const current = section.getByRole('list', { name: 'Forskningspartnere på behovet' });
  await expect(current.getByText('Invitert')).toBeVisible();
  await expect(suggestions.getByText(INSTITUTION, { exact: true })).toHaveCount(0);

  // The researcher reads on a phone (390 px wide).
  const researcherContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const researcher = await researcherContext.newPage();
  await login(researcher, RESEARCHER);
  await researcher.goto('/research/partnerships');
  await researcher.getByRole('link', { name: NEED }).click();
  await expect(researcher.getByText(/inviterer dere som forskningspartner/)).toBeVisible();
  await expect(researcher.getByRole('heading', { name: 'Behovet' })).toHaveCount(0);
  await researcher.getByRole('button', { name: 'Takk ja' }).click();
  await expect(researcher.getByRole('heading', { name: 'Behovet' })).toBeVisible();
  await expect(researcher.getByText(/beboere/i).first()).toBeVisible();
  await expect(researcher.getByText('Innkjøperen har ikke gitt dere tilgang til innspillene.')).toBeVisible();
  await expect(researcher.getByText(RESPONSE)).toHaveCount(0);
  await checkPage(researcher, 'research-02-partner-reads-need');
  expect(await researcher.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'fits 390 px').toBe(true);

  await buyer.reload();
  const grant = buyer.getByRole('switch', { name: `${INSTITUTION} kan lese innspillene` });
  await expect(grant).not.toBeChecked();
  await grant.click();
  await expect(grant).toBeChecked();

  await researcher.reload();
  await expect(researcher.getByRole('heading', { name: RESPONSE })).toBeVisible();
  await expect(researcher.getByText(/Hver gang dere leser innspillene, logges det/)).toBeVisible();
  await checkPage(researcher, 'research-03-partner-reads-responses');
  expect(await researcher.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'fits 390 px').toBe(true);
  await buyerContext.close();
  await researcherContext.close();
});
