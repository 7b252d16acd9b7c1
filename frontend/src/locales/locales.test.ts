import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { lookup } from '../app/i18n';
import { featureCatalogs, fullCatalog } from './features';
import { nb as nbApp } from './nb';

// The app's catalogue with the features' own texts (features/<name>/texts.ts) under their prefixes.
const nb = fullCatalog('nb');
const en = fullCatalog('en');

function leaves(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : leaves(v as object, `${prefix}${k}.`)));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === 'locales' || name === 'generated' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') && !name.endsWith('.test.tsx') ? [full] : [];
  });
}

describe('locales', () => {
  it('nb and en have exactly the same keys', () => {
    expect(leaves(en).sort()).toEqual(leaves(nb).sort());
  });

  it('no message is empty', () => {
    for (const catalog of [nb, en]) {
      for (const key of leaves(catalog)) expect(lookup(catalog, key)?.trim(), key).toBeTruthy();
    }
  });

  it('interpolation placeholders match between languages', () => {
    for (const key of leaves(nb)) {
      const vars = (s: string | undefined) => (s?.match(/\{\w+\}/g) ?? []).sort();
      expect(vars(lookup(en, key)), key).toEqual(vars(lookup(nb, key)));
    }
  });

  it('every key the code uses exists (a missing key fails)', () => {
    const root = join(__dirname, '..');
    const used = new Set<string>();
    const prefixes = new Set<string>();
    for (const file of sourceFiles(root)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(m[1] ?? '');
      for (const m of text.matchAll(/\bt\(\s*`([a-zA-Z0-9_.]+)\.\$\{/g)) prefixes.add(m[1] ?? '');
      // The case library's `tc('list.title')` is 'cases.list.title'.
      for (const m of text.matchAll(/\btc\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(`cases.${m[1] ?? ''}`);
    }
    expect(used.size).toBeGreaterThan(100);
    const missing = [...used].filter((k) => lookup(nb, k) === undefined || lookup(en, k) === undefined);
    expect(missing).toEqual([]);
    for (const prefix of prefixes) {
      const node = prefix.split('.').reduce<unknown>((n, p) => (n as Record<string, unknown> | undefined)?.[p], nb);
      expect(typeof node, prefix).toBe('object');
    }
  });

  it("every feature's texts module is among the catalogues the tests check", () => {
    const root = join(__dirname, '..', 'features');
    const modules = sourceFiles(root).filter((file) => readFileSync(file, 'utf8').includes('featureTexts('));
    const prefixes = modules.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/featureTexts\('(\w+)'/g)].map((m) => m[1]));
    expect(prefixes.length).toBeGreaterThanOrEqual(7);
    expect(prefixes.sort()).toEqual(featureCatalogs.map((f) => f.prefix).sort());
  });

  it("the features' texts are not in the first page's catalogue", () => {
    for (const feature of featureCatalogs) {
      const own = leaves(feature.nb).map((key) => `${feature.prefix}.${key}`);
      const app = new Set(leaves(nbApp));
      expect(own.filter((key) => app.has(key)), feature.prefix).toEqual([]);
    }
  });
});
