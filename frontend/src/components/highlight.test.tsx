import { render } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Highlight, segments } from './highlight';

describe('Highlight', () => {
  it('marks highlighted terms', () => {
    const { container } = render(<Highlight text="Færre <em>fall</em> blant <mark>eldre</mark>" />);
    expect([...container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['fall', 'eldre']);
    expect(container.textContent).toBe('Færre fall blant eldre');
  });

  it('never injects other HTML', () => {
    const { container } = render(<Highlight text={'<img src=x onerror="alert(1)"><em>ok</em>'} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('mark')?.textContent).toBe('ok');
  });

  it('decodes what the search backends escape, once, and shows it as text', () => {
    const { container } = render(
      <Highlight text={'Drift 24&#x2F;7 for <mark>Nav&#x27;s</mark> kontor &amp;lt;b&amp;gt; &lt;script&gt;alert(1)&lt;/script&gt; &#128512;'} />,
    );
    expect(container.textContent).toBe("Drift 24/7 for Nav's kontor &lt;b&gt; <script>alert(1)</script> 😀");
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('mark')?.textContent).toBe("Nav's");
  });

  it('leaves no stray spaces around the highlighted words', () => {
    const { container } = render(<Highlight text={'  Bedre <mark> brøyting </mark>av\n\n<mark>snø</mark>  på  fortauet. '} />);
    expect(container.textContent).toBe('Bedre brøyting av snø på fortauet.');
    expect([...container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['brøyting', 'snø']);
  });

  it('joins marks side by side into one highlight', () => {
    expect(segments('<mark>snø</mark><mark>brøyting</mark> og <mark>gang</mark>\n <mark>sykkelveier</mark>, <mark>is</mark>')).toEqual([
      { text: 'snøbrøyting', marked: true },
      { text: ' og ', marked: false },
      { text: 'gang sykkelveier', marked: true },
      { text: ', ', marked: false },
      { text: 'is', marked: true },
    ]);
  });

  it('keeps a snippet without marks as plain text', () => {
    expect(segments('Ingen  treff\nher')).toEqual([{ text: 'Ingen treff her', marked: false }]);
    expect(segments('<mark></mark>')).toEqual([]);
  });
});

/** The highlight's colours from the stylesheet, resolved through Designsystemet's theme. */
describe('the highlight style', () => {
  const styles = readFileSync(join(__dirname, '..', 'styles.css'), 'utf8');
  const theme = readFileSync(createRequire(__filename).resolve('@digdir/designsystemet-theme'), 'utf8');

  function declarations(block: string): Record<string, string> {
    return Object.fromEntries([...block.matchAll(/([\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1] ?? '', (m[2] ?? '').trim()]));
  }

  function rule(css: string, selector: string): Record<string, string> {
    const start = css.indexOf(`${selector} {`);
    expect(start, `${selector} in the stylesheet`).toBeGreaterThanOrEqual(0);
    return declarations(css.slice(start, css.indexOf('}', start)));
  }

  function resolve(value: string, tokens: Record<string, string>): string {
    const m = /^var\((--[\w-]+)\)$/.exec(value);
    if (!m) return value;
    const token = tokens[m[1] ?? ''];
    expect(token, `${m[1]} is a token of the theme`).toBeDefined();
    return resolve(token ?? '', tokens);
  }

  function luminance(hex: string): number {
    const channels = (/^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex) ?? []).slice(1).map((c) => parseInt(c, 16) / 255);
    expect(channels, `${hex} is a colour`).toHaveLength(3);
    const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }

  function contrast(a: string, b: string): number {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
  }

  const highlight = rule(styles, '.search-highlight');

  it.each([
    ['light', ':root, [data-color-scheme="light"]'],
    ['dark', '[data-color-scheme="dark"]'],
  ])('has a visible background and AA contrast in the %s scheme', (_scheme, selector) => {
    const tokens = rule(theme, selector);
    const background = resolve(highlight.background ?? '', tokens).toLowerCase();
    const text = resolve(highlight.color ?? '', tokens).toLowerCase();
    const page = resolve('var(--ds-color-neutral-surface-default)', tokens).toLowerCase();
    expect(background).not.toBe(page);
    expect(contrast(background, page)).toBeGreaterThan(1.3);
    expect(contrast(text, background)).toBeGreaterThanOrEqual(4.5);
  });

  it('is bold and has no padding that would read as a space', () => {
    expect(Number(highlight['font-weight'])).toBeGreaterThanOrEqual(600);
    expect(highlight.padding).toBe('0');
  });
});
