import { fullCatalog } from './features';

// The app's catalogue with the features' own texts (features/<name>/texts.ts) under their prefixes.
const nb = fullCatalog('nb');
const en = fullCatalog('en');

/**
 * Every empty state says what to do next (issue 12): a text shown where a list or a section has
 * nothing in it ("empty", "…Empty", "no…" keys) says what the reader can do about it, or what
 * will fill it, in a second sentence; never a bare "Ingen treff". Keys of that form that are no
 * empty state (a value's absence in a table cell, a label) are listed here with why.
 */
const NOT_EMPTY_STATES = new Set([
  'match.noExplanation', // a suggestion without sentences, inside its card
  'advisor.desk.noDeadline', // a table cell: the need has no deadline
  'advisor.missed.noFilters', // a table cell: the search had no filters
  'record.noSupplier', // a meeting's supplier cell: nobody booked it
  'auth.noAccount', // “No account yet?” before the link to create one
  'research.partnership.noAccess', // why a research partner reads no responses: the buyer decides
  'cases.noSuppliers', // a case's suppliers field: none were given
]);

type Tree = { [key: string]: string | Tree };

function emptyStates(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = `${prefix}${key}`;
    if (typeof value !== 'string') return emptyStates(value, `${path}.`);
    return /^(empty|no[A-Z])|Empty$/.test(key) && !NOT_EMPTY_STATES.has(path) ? [[path, value] as [string, string]] : [];
  });
}

/** Sentences: a full stop, question or exclamation mark followed by more text. */
const sentences = (text: string) => text.split(/[.!?…]\s+(?=\S)/).length;

describe.each([
  ['nb', nb as unknown as Tree],
  ['en', en as unknown as Tree],
])('empty states in %s', (_lang, catalog) => {
  it('exist, and every key set aside is in the catalogue', () => {
    expect(emptyStates(catalog).length).toBeGreaterThan(20);
    const lookup = (path: string) => path.split('.').reduce<Tree | string | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), catalog);
    for (const key of NOT_EMPTY_STATES) expect(typeof lookup(key), key).toBe('string');
  });

  it.each(emptyStates(catalog))('%s says what to do next', (_key, text) => {
    expect(sentences(text), text).toBeGreaterThanOrEqual(2);
  });
});
