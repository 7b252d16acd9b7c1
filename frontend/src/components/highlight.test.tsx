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
});
