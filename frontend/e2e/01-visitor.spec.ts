import type { Page } from '@playwright/test';
import { contrast, isWhite, parseColour } from './contrast';
import { checkPage, expect, test } from './helpers';

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
