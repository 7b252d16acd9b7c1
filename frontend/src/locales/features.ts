/**
 * Every feature's own texts (features/<name>/texts.ts), and the app's catalogue with them merged
 * in under their prefixes: what the locale tests check, as if the features' texts were in
 * nb.ts and en.ts. The app does not import this module (each feature's texts load with its pages).
 */
import type { FeatureTexts, Lang } from '../app/i18n';
import { advisorTexts } from '../features/advisor/texts';
import { barometerTexts } from '../features/barometer/texts';
import { casesTexts } from '../features/cases/texts';
import { jointTexts } from '../features/joint/texts';
import { noticesTexts } from '../features/notices/texts';
import { profileTexts } from '../features/organizations/texts';
import { pilotTexts } from '../features/pilots/texts';
import { researchTexts } from '../features/research/texts';
import { en } from './en';
import { nb } from './nb';

export const featureCatalogs: FeatureTexts[] = [advisorTexts, barometerTexts, casesTexts, jointTexts, noticesTexts, pilotTexts, profileTexts, researchTexts];

type Tree = { [key: string]: string | Tree };

/** `into` with `from`'s texts added; a text both have fails (a feature's key must not shadow the app's). */
function merge(into: Tree, from: Tree, path: string): Tree {
  const out: Tree = { ...into };
  for (const [key, value] of Object.entries(from)) {
    const there = out[key];
    if (there === undefined) out[key] = value;
    else if (typeof there === 'object' && typeof value === 'object') out[key] = merge(there, value, `${path}${key}.`);
    else throw new Error(`${path}${key} is both in src/locales and in a feature's texts`);
  }
  return out;
}

/** The app's catalogue in `lang` with every feature's texts under its prefix. */
export function fullCatalog(lang: Lang): Tree {
  return featureCatalogs.reduce<Tree>(
    (catalog, feature) => merge(catalog, { [feature.prefix]: (lang === 'en' ? feature.en : feature.nb) as Tree }, ''),
    (lang === 'en' ? en : nb) as unknown as Tree,
  );
}
