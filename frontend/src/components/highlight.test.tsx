import { render } from '@testing-library/react';
import { Highlight } from './highlight';

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
});
