import type { Page } from '@playwright/test';
import { contrast, isWhite, parseColour } from './contrast';
import { checkPage, expect, login, PASSWORD, test, USERS } from './helpers';

/** Every highlight in the snippets shows (a background that is neither transparent nor white, AA
 * contrast against its text, bold) and sits in the text without stray spaces. */
async function expectVisibleHighlights(page: Page): Promise<void> {
  const marks = await page.locator('.snippet mark').evaluateAll((nodes) =>
    nodes.map((node) => {
      const style = getComputedStyle(node);
      const card = node.closest('.ds-card') ?? document.body;
      return {
        text: node.textContent ?? '',
        snippet: node.parentElement?.closest('.snippet')?.textContent ?? '',
        background: style.backgroundColor,
        color: style.color,
        weight: Number(style.fontWeight),
        paddingInline: `${style.paddingLeft} ${style.paddingRight}`,
        card: getComputedStyle(card).backgroundColor,
      };
    }),
  );
  expect(marks.length).toBeGreaterThan(0);
  for (const mark of marks) {
    const background = parseColour(mark.background);
    expect(background.a, `background of «${mark.text}»`).toBe(1);
    expect(isWhite(background), `background of «${mark.text}»: ${mark.background}`).toBe(false);
    expect(mark.background).not.toBe(mark.card);
    expect(contrast(parseColour(mark.color), background), `contrast of «${mark.text}»`).toBeGreaterThanOrEqual(4.5);
    expect(mark.weight).toBeGreaterThanOrEqual(600);
    expect(mark.paddingInline).toBe('0px 0px');
    expect(mark.text).toBe(mark.text.trim());
    expect(mark.snippet).not.toMatch(/\s{2}|^\s|\s$/);
  }
}

const NEED_WITH_BUDGET = 'Tettere oppfølging av kronisk syke i eget hjem';
const MONTHS_NB = 'januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember';
const MONTHS_EN = 'January|February|March|April|May|June|July|August|September|October|November|December';
/** Bokmål words the interface itself would use (never in English). */
const NORWEGIAN_UI = /\b(og|ikke|frist|søk|behov|innspill|fylke|budsjett|sektor|fase|medinnkjøpere|logg)\b/i;

test.describe('visitor', () => {
  test('searches with facets, snippets and autocomplete, and reads a need with its conferences and co-buyers', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Søk i behov/);
    await expect(page.getByTestId('result-count')).toHaveText(/\d+ treff/);
    await checkPage(page, 'visitor-01-search');

    const query = page.getByLabel('Søkeord', { exact: true });
    await query.fill('tryg');
    await expect(page.locator('datalist option').first()).toBeAttached();

    await query.fill('trygghetsalarm');
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    await expect(page).toHaveURL(/q=trygghetsalarm/);
    await expect(page.locator('.snippet mark').first()).toBeVisible();
    await expectVisibleHighlights(page);

    // A facet choice navigates and re-renders the radios, so click and then assert on the URL
    // and a fresh locator (check() would inspect the replaced element).
    await page.getByRole('group', { name: 'Type' }).getByLabel(/^Behov/).click();
    await expect(page).toHaveURL(/type=need/);
    await expect(page.getByRole('group', { name: 'Type' }).getByLabel(/^Behov/)).toBeChecked();
    await expect(page.getByTestId('result-count')).toHaveText(/\d+ treff/);
    await checkPage(page, 'visitor-02-search-results');

    await page.getByRole('list', { name: 'Søketreff' }).getByRole('link').first().click();
    await expect(page).toHaveURL(/\/needs\/\d+$/);
    await expect(page.getByRole('heading', { name: 'Dialogkonferanser' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Medinnkjøpere' })).toBeVisible();
    await checkPage(page, 'visitor-03-need');

    const conference = page.locator('section[aria-labelledby="conf-heading"]').getByRole('link').first();
    if (await conference.count()) {
      await conference.click();
      await expect(page).toHaveURL(/\/conferences\/\d+$/);
      await expect(page.getByText('Påmeldingsfrist').first()).toBeVisible();
      await checkPage(page, 'visitor-04-conference');
    }
  });

  test('says when it shows results for some of the words, and offers a correction with its hits', async ({ page }) => {
    await page.goto('/?q=helse+kvasifluks');
    await expect(page.getByTestId('relaxation')).toHaveText('Viser treff på noen av ordene');
    await expect(page.getByTestId('result-count')).toHaveText(/[1-9]\d* treff/);
    await checkPage(page, 'visitor-06-search-some-words');

    await page.goto('/?q=velferdsteknologj');
    const suggestion = page.getByRole('link', { name: /^Mente du «velferdsteknologi»\? \([1-9]\d* treff\)$/ });
    await expect(suggestion).toBeVisible();
    const promised = Number(/\((\d+) treff\)/.exec((await suggestion.textContent()) ?? '')?.[1]);
    await suggestion.click();
    await expect(page).toHaveURL(/\?q=velferdsteknologi$/);
    await expect(page.getByLabel('Søkeord', { exact: true })).toHaveValue('velferdsteknologi');
    // It leads somewhere: at least the hits it promised (read once the new answer is in).
    await expect(suggestion).toHaveCount(0);
    await expect(page.getByTestId('result-count')).toHaveText(/[1-9]\d* treff/);
    const found = Number(/(\d+) treff/.exec((await page.getByTestId('result-count').textContent()) ?? '')?.[1]);
    expect(found).toBeGreaterThanOrEqual(promised);
  });

  test('switches to English and the choice is remembered', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search needs, solutions and dialogue conferences');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search needs, solutions and dialogue conferences');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await checkPage(page, 'visitor-05-search-english');
  });

  test('reads dates, amounts, quotation marks and CPV labels in the language chosen', async ({ page }) => {
    await page.goto('/?q=kronisk+syke&type=need');
    await page.getByRole('list', { name: 'Søketreff' }).getByRole('link', { name: NEED_WITH_BUDGET }).click();
    const facts = page.locator('main dl.dl').first();
    // Bokmål: "11. februar 2027 kl. 07:25 CET", "1 000 000 kr – 5 000 000 kr", DFØ's CPV names.
    await expect(facts).toContainText(new RegExp(`\\d{1,2}\\. (${MONTHS_NB}) \\d{4} kl\\. \\d{2}:\\d{2} CES?T`));
    await expect(facts).toContainText(/1\s000\s000\skr – 5\s000\s000\skr/);
    await expect(facts).toContainText('Medisinske informasjonssystemer');
    await checkPage(page, 'visitor-07-need-bokmal');

    await page.getByRole('button', { name: 'English' }).click();
    // English: "11 February 2027, 07:25 CET", "NOK 1,000,000 – NOK 5,000,000", the EU's names.
    await expect(facts).toContainText(new RegExp(`\\d{1,2} (${MONTHS_EN}) \\d{4}, \\d{2}:\\d{2} CES?T`));
    await expect(facts).toContainText(/NOK\s1,000,000 – NOK\s5,000,000/);
    await expect(facts).toContainText('Medical information systems');
    await expect(facts).not.toContainText('Medisinske informasjonssystemer');
    // No bokmål left in the page's own words (the buyer's text stays as written).
    const chrome = await page.locator('header, main dt, main h2, main button, main label, main summary').allInnerTexts();
    expect(chrome.filter((text) => NORWEGIAN_UI.test(text))).toEqual([]);
    await checkPage(page, 'visitor-08-need-english');

    // English quotation marks around a correction.
    await page.goto('/?q=velferdsteknologj');
    await expect(page.getByRole('link', { name: /^Did you mean “velferdsteknologi”\? \([1-9][\d,]* results?\)$/ })).toBeVisible();
    await page.getByRole('button', { name: 'Norsk' }).click();
    await expect(page.getByRole('link', { name: /^Mente du «velferdsteknologi»\? \([1-9]\d* treff\)$/ })).toBeVisible();
  });

  test('registration and sign-in say what is missing before sending, and each summary link moves focus to its field', async ({ page }) => {
    await page.goto('/register');
    await expect(page.getByText('Må fylles ut')).toHaveCount(3);
    await expect(page.getByText('Minst 8 tegn.')).toBeVisible();
    await page.getByLabel('E-post', { exact: true }).fill('kari.nordmann.no');
    await page.getByRole('button', { name: 'Opprett bruker' }).click();
    const summary = page.getByRole('group', { name: 'Rett opp dette før du oppretter brukeren:' });
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link', { name: 'E-post: Skriv en e-postadresse med @, for eksempel navn@kommune.no.' })).toBeVisible();
    await checkPage(page, 'visitor-09-register-errors');
    await summary.getByRole('link', { name: 'Passord: Skriv passordet ditt.' }).click();
    await expect(page.getByLabel('Passord', { exact: true })).toBeFocused();
    await summary.getByRole('link', { name: 'Fullt navn: Skriv hele navnet ditt.' }).click();
    await expect(page.getByLabel('Fullt navn', { exact: true })).toBeFocused();

    // A wrong password is said plainly, not as something to correct "before saving".
    await page.goto('/login');
    await page.getByLabel('E-post').fill(USERS.buyer);
    await page.getByLabel('Passord').fill('ikke-passordet-2026');
    await page.getByRole('button', { name: 'Logg inn' }).last().click();
    await expect(page.getByRole('alert')).toContainText('Feil e-postadresse eller passord.');
    await expect(page.getByText(/før du lagrer/)).toHaveCount(0);
    // Signed in with nowhere to return to, the buyer lands on its own needs.
    await page.getByLabel('Passord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Logg inn' }).last().click();
    await expect(page).toHaveURL(/\/buyer$/);
    await expect(page.getByRole('heading', { name: 'Behov', exact: true })).toBeVisible();
  });

  test("a buyer's need form shows its rules before saving and reads a budget as people write it", async ({ page }) => {
    await login(page, USERS.buyer);
    await page.goto('/needs/new');
    await expect(page.getByTestId('length-count')).toHaveText('0 av minst 40 tegn');
    await page.getByLabel('Beskrivelse av behovet', { exact: true }).fill('Fall oppdages for sent.');
    await expect(page.getByTestId('length-count')).toHaveText('23 av minst 40 tegn');
    await page.getByLabel('Budsjett fra', { exact: true }).fill('to millioner');
    await page.getByRole('button', { name: 'Lagre som utkast' }).click();
    const summary = page.getByRole('group', { name: 'Rett opp dette før du lagrer:' });
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link', { name: 'Tittel: Skriv en tittel på behovet.' })).toBeVisible();
    await expect(summary.getByRole('link', { name: 'Beskrivelse av behovet: Beskriv behovet med minst 40 tegn.' })).toBeVisible();
    await expect(summary.getByRole('link', { name: /^Budsjett fra: Skriv beløpet med tall, ikke med ord/ })).toBeVisible();
    await checkPage(page, 'buyer-need-form-errors');
    await summary.getByRole('link', { name: 'Sektor: Velg sektoren behovet hører til.' }).click();
    await expect(page.getByLabel('Sektor', { exact: true })).toBeFocused();

    await page.getByLabel('Sektor', { exact: true }).selectOption({ label: 'Helse og omsorg' });
    await page.getByLabel('Tittel', { exact: true }).fill('Færre fall blant eldre som bor hjemme');
    await page.getByLabel('Beskrivelse av behovet', { exact: true }).fill('Hjemmetjenesten oppdager fall for sent, og mange ligger lenge før hjelpen kommer.');
    await expect(page.getByTestId('length-count')).toHaveText(/^\d+ tegn – minst 40 er nådd$/);
    await page.getByLabel('Budsjett fra', { exact: true }).fill('2 mill.');
    await page.getByLabel('Budsjett til', { exact: true }).fill('2 500 000 kr');
    await page.getByRole('button', { name: 'Lagre som utkast' }).click();
    await expect(page).toHaveURL(/\/needs\/\d+$/);
    await expect(page.locator('main dl.dl').first()).toContainText(/2\s000\s000\skr – 2\s500\s000\skr/);
    // No desired effect written: no empty heading for it.
    await expect(page.getByRole('heading', { name: 'Ønsket effekt' })).toHaveCount(0);
  });

  test('works from the keyboard: skip link to main, visible focus', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('result-count')).toHaveText(/\d+ treff/);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Hopp til hovedinnhold' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    await expect(focused).toBeVisible();
    const outline = await focused.evaluate((el) => {
      const style = getComputedStyle(el);
      return `${style.outlineStyle} ${style.outlineWidth} ${style.boxShadow}`;
    });
    expect(outline).not.toBe('none 0px none');
  });

  test('shows a not-found page for unknown content', async ({ page }) => {
    await page.goto('/needs/999999');
    await expect(page.getByRole('alert')).toContainText('fant ikke');
  });
});
