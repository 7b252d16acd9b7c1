import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { fullCatalog } from './features';

// The app's catalogue with the features' own texts (features/<name>/texts.ts) under their prefixes.
const nb = fullCatalog('nb');
const en = fullCatalog('en');

/**
 * Both languages, fully (issue 12): no English left in the bokmål catalogue, no bokmål in the
 * English one, and no user-visible text written into the components instead of the catalogues.
 */

function leaves(obj: object, prefix = ''): [string, string][] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v as object, `${prefix}${k}.`)));
}

/** The words of a message: placeholders, e-mail and web addresses left out. */
function words(message: string): string[] {
  return message
    .replace(/\{\w+\}/g, ' ')
    .replace(/\S+@\S+|https?:\/\/\S+|\b[\w-]+\.no\b/g, ' ')
    .split(/[^A-Za-zÆØÅæøåé]+/)
    .filter(Boolean);
}

// English words that are not also bokmål words ("for", "at", "to", "by", "send", "sent", "status",
// "time" and "match" are, and stay out of the list).
const ENGLISH = new Set(
  (
    'the and of with you your please click here save cancel delete edit close next previous show hide loading error ' +
    'submit sign back more less settings download upload new add remove select choose required optional page results ' +
    'need needs solution solutions supplier suppliers buyer buyers advisor advisors meeting meetings conference conferences ' +
    'notes name email password organisation organisations organization organizations welcome yes search sort deadline ' +
    'description language account user users message messages notification notifications question questions answer answers ' +
    'response responses request requests invite invitation invitations home dashboard queue shortlist reject rejected ' +
    'approve decline accept open draft published closed clear reset logout login help contact details summary score ' +
    'dense lexical weight contribution county sector stage budget procedure this that these which what when where who why ' +
    'how from was been has will would could about after before each every only other our their them they we if than then ' +
    'there into out up down again further once very now well today tomorrow yesterday week month year should must it an or'
  ).split(' '),
);
// Proper names and loanwords that bokmål uses as they are.
const ALLOWED_IN_NB = new Set<string>([]);

// Bokmål words that are not English words.
const BOKMAL = new Set(
  (
    'og ikke eller på til som har må skal fra ved etter behov løsning løsninger virksomhet virksomheten innkjøper ' +
    'leverandør leverandører søk lagre avbryt neste forrige du dere vi det den seg sin sitt sine av med om når hvor hva ' +
    'hvem hvorfor hvordan innspill frist møte møter'
  ).split(' '),
);
// Keys whose English message names something Norwegian on purpose.
const NORWEGIAN_IN_EN = new Set(['solution.languages.nb', 'layout.footer', 'oidc.signIn']);

describe('no English in bokmål, no bokmål in English', () => {
  it('the bokmål catalogue has no English words', () => {
    const found = leaves(nb).flatMap(([key, message]) => words(message).filter((w) => ENGLISH.has(w) && !ALLOWED_IN_NB.has(w)).map((w) => `${key}: ${w}`));
    expect(found).toEqual([]);
  });

  it('the English catalogue has no bokmål words or letters', () => {
    const found = leaves(en)
      .filter(([key]) => !NORWEGIAN_IN_EN.has(key))
      .flatMap(([key, message]) => words(message).filter((w) => BOKMAL.has(w.toLowerCase()) || /[æøå]/i.test(w)).map((w) => `${key}: ${w}`));
    // Norwegian names the English text keeps (institutions, places, the programme's terms).
    const names = /: (Bokmål|Nynorsk|Leverandørutviklingsprogrammet|Møre|Trøndelag|Østfold|Innovasjonstorget|forretningshemmelighet|løpende|likebehandlingslogg|Tromsø|Bodø|Sør)$/;
    expect(found.filter((f) => !names.test(f))).toEqual([]);
  });

  it('no message is left untranslated (the same text in both) but names, codes and abbreviations', () => {
    const english = new Map(leaves(en));
    const same = leaves(nb)
      .filter(([key, message]) => english.get(key) === message)
      .map(([key, message]) => `${key}: ${message}`)
      // Names, codes and words the languages share.
      .filter((line) => !/: (Innovasjonstorget|ID-porten|TRL \{trl\}|Status|Type|Administrator|Signal|Person|Book|OCDS \(JSON\)|km|\{[^}]+\}.*)$/.test(line));
    expect(same).toEqual([]);
  });
});

describe('label in name (WCAG 2.5.3) in the catalogues', () => {
  // "shortlistItem" names the button that reads "shortlist": its name holds that text whole
  // ("Sett på kortliste: «X»", not "Sett «X» på kortliste"). Labels of fields and lines of
  // text that share a stem are not buttons.
  const NOT_A_CONTROL = new Set(['savedSearch.alertsFor', 'invitation.invitedByAt', 'pilot.resultFor']);
  it.each([
    ['nb', nb],
    ['en', en],
  ])('every item name in %s holds the visible text of its control', (_lang, catalog) => {
    const messages = new Map(leaves(catalog));
    const found = [...messages].flatMap(([key, name]) => {
      const base = /^(.*?)(For|Item|At)$/.exec(key)?.[1];
      const visible = base ? messages.get(base) : undefined;
      if (!visible || NOT_A_CONTROL.has(key)) return [];
      return name.replace(/\{\w+\}/g, 'X').toLowerCase().includes(visible.toLowerCase()) ? [] : [`${key}: «${visible}» is not in «${name}»`];
    });
    expect(found).toEqual([]);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === 'locales' || name === 'generated' || name === 'test' ? [] : sourceFiles(full);
    return name.endsWith('.tsx') && !name.endsWith('.test.tsx') ? [full] : [];
  });
}

// Attributes that people read or hear.
const VISIBLE_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'label', 'placeholder', 'title', 'description', 'alt', 'suffix', 'legend', 'closeButton']);

/** Text written into a component's JSX: a text child, or a string literal in an attribute that
 * people read. Symbols and abbreviations both languages write alike ("TRL") are fine. */
function hardCoded(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const where = (node: ts.Node) => `${file.slice(file.indexOf('src/'))}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && /[A-Za-zÆØÅæøå]{2,}/.test(node.text) && !/^\s*[A-Z]{2,5}\s*$/.test(node.text)) found.push(`${where(node)} ${node.text.trim()}`);
    if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer)) {
      if (/[A-Za-zÆØÅæøå]{2,}/.test(node.initializer.text)) found.push(`${where(node)} ${node.name.getText()}="${node.initializer.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('no hard-coded user-visible text', () => {
  it('every text in the components comes from the catalogues', () => {
    const root = join(__dirname, '..');
    const files = sourceFiles(root);
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap((file) => hardCoded(file))).toEqual([]);
  });

  it('finds a hard-coded text when there is one', () => {
    const component = 'export const X = () => <Button aria-label="Lukk" onClick={close}>Close</Button>;';
    expect(hardCoded('src/x.tsx', component)).toEqual(['src/x.tsx:1 aria-label="Lukk"', 'src/x.tsx:1 Close']);
    expect(hardCoded('src/x.tsx', 'export const X = () => <Button aria-label={t("common.close")}>{t("common.close")}</Button>;')).toEqual([]);
  });
});
