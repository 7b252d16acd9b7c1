import { Fragment } from 'react';

/**
 * Renders a search snippet whose matches are wrapped in <em> or <mark> by the
 * backend. Everything else is shown as text: no HTML is injected.
 */
export function Highlight({ text }: { text: string }) {
  const parts = text.split(/(<(?:em|mark)>.*?<\/(?:em|mark)>)/g);
  return (
    <>
      {parts.map((part, i) => {
        const m = /^<(em|mark)>(.*?)<\/(em|mark)>$/.exec(part);
        if (m) return <mark key={i}>{stripTags(m[2] ?? '')}</mark>;
        return <Fragment key={i}>{stripTags(part)}</Fragment>;
      })}
    </>
  );
}

export function stripTags(value: string): string {
  return value
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
