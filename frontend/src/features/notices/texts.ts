/**
 * The notices' texts (the need page's eForms and OCDS downloads), in their own module so that they
 * load with the feature's pages, not with the first page (scripts/bundle-size.mjs). Bokmål is the
 * type source for English, as in src/locales. Registered for the locale tests in
 * src/locales/features.ts.
 */
import { featureTexts, useFeatureI18n, type FeatureKey, type Widen } from '../../app/i18n';

const noticesNb = {
  title: 'Kunngjøring og åpne data',
  introEditor:
    'Forhåndskunngjøringen (eForms) lastes opp i Doffin for å kunngjøre markedsdialogen: under EØS-terskelverdien som nasjonal kunngjøring (E2), fra terskelverdien som EU-kunngjøring (type 4). OCDS-filen er åpne data om behovet som alle kan laste ned.',
  introPublic: 'Markedsdialogen som åpne data i formatet Open Contracting (OCDS).',
  draft: 'Kunngjøringene kan lastes ned når behovet er publisert. Publiser behovet først.',
  pin: 'Last ned forhåndskunngjøring (eForms)',
  ocds: 'OCDS (JSON)',
  inEnglish: 'Tittel og beskrivelse på engelsk',
  inNorwegian: 'Tittel og beskrivelse på norsk',
  secondLanguageHint: 'Med tekst på to språk blir kunngjøringene tospråklige. Uten den er de bare på behovets språk.',
  textTitle: 'Tittel',
  textDescription: 'Beskrivelse',
  saveText: 'Lagre teksten',
  removeText: 'Fjern teksten',
  saved: 'Teksten er lagret. Kunngjøringene er nå på to språk.',
};

const noticesEn: Widen<typeof noticesNb> = {
  title: 'Notices and open data',
  introEditor:
    'Upload the prior information notice (eForms) to Doffin to announce the market dialogue: below the EEA threshold as a national notice (E2), from the threshold as an EU notice (subtype 4). The OCDS file is open data about the need that anyone can download.',
  introPublic: 'The market dialogue as open data in the Open Contracting format (OCDS).',
  draft: 'The notices can be downloaded once the need is published. Publish the need first.',
  pin: 'Download prior information notice (eForms)',
  ocds: 'OCDS (JSON)',
  inEnglish: 'Title and description in English',
  inNorwegian: 'Title and description in Norwegian',
  secondLanguageHint: 'With a text in two languages the notices are bilingual. Without it they are in the need’s language only.',
  textTitle: 'Title',
  textDescription: 'Description',
  saveText: 'Save the text',
  removeText: 'Remove the text',
  saved: 'The text is saved. The notices are now in two languages.',
};

export const noticesTexts = featureTexts('notices', noticesNb, noticesEn);
export type NoticesKey = FeatureKey<typeof noticesTexts>;

/** `useI18n` whose `t` knows the 'notices.…' texts. */
export const useNoticesI18n = () => useFeatureI18n(noticesTexts);
