import { Fragment } from 'react';

export type Segment = { text: string; marked: boolean };

const MARKED = /(<(?:em|mark)>[\s\S]*?<\/(?:em|mark)>)/g;
const MARK = /^<(?:em|mark)>([\s\S]*?)<\/(?:em|mark)>$/;

function push(out: Segment[], text: string, marked: boolean): void {
  if (!text) return;
  const last = out[out.length - 1];
  if (last && last.marked === marked) last.text += text;
  else out.push({ text, marked });
}

/**
 * A snippet as runs of plain and marked text, as a reader sees it: whitespace collapsed to one
 * space, none at the ends, none inside a mark's ends, and marks with at most a space between
 * them joined into one (so "snø" and "brøyting" side by side are one highlight, not two boxes
 * with a gap).
 */
export function segments(snippet: string): Segment[] {
  const out: Segment[] = [];
  for (const part of snippet.split(MARKED)) {
    const m = MARK.exec(part);
    const text = stripTags(m ? (m[1] ?? '') : part).replace(/\s+/g, ' ');
    if (!m) {
      push(out, text, false);
      continue;
    }
    const core = text.trim();
    if (text.startsWith(' ')) push(out, ' ', false);
    const last = out[out.length - 1];
    const before = out[out.length - 2];
    if (core && last?.text === ' ' && before?.marked) {
      out.pop();
      before.text += ' ';
    }
    push(out, core, true);
    if (text.endsWith(' ') && core) push(out, ' ', false);
  }
  for (const s of out) if (!s.marked) s.text = s.text.replace(/ {2,}/g, ' ');
  const first = out[0];
  if (first && !first.marked) first.text = first.text.trimStart();
  const last = out[out.length - 1];
  if (last && !last.marked) last.text = last.text.trimEnd();
  return out.filter((s) => s.text);
}

/**
 * Renders a search snippet whose matches are wrapped in <em> or <mark> by the
 * backend. Everything else is shown as text: no HTML is injected.
 */
export function Highlight({ text }: { text: string }) {
  return (
    <>
      {segments(text).map((s, i) =>
        s.marked ? (
          <mark key={i} className="search-highlight">
            {s.text}
          </mark>
        ) : (
          <Fragment key={i}>{s.text}</Fragment>
        ),
      )}
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
