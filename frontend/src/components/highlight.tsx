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

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the entities an HTML encoder writes (Elasticsearch's escapes ' and / as &#x27;
 * and &#x2F;, Python's html.escape ' as &#x27;) in one pass, so "&amp;lt;" stays "&lt;". */
export function decodeEntities(value: string): string {
  return value.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]+);/g, (entity, code: string) => {
    if (code.startsWith('#')) {
      const point = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : entity;
    }
    return NAMED[code.toLowerCase()] ?? entity;
  });
}

/** The text of an HTML-escaped snippet: tags dropped, entities decoded (rendered as text). */
export function stripTags(value: string): string {
  return decodeEntities(value.replace(/<[^>]*>/g, ''));
}
