/**
 * The case library's texts, in their own module so that they load with the case pages and the
 * need page, not with the search page (the first page's JavaScript budget,
 * scripts/bundle-size.mjs). Bokmål is the type source for English, as in src/locales.
 */
import { featureTexts, interpolate, lookup, useI18n, type Vars } from '../../app/i18n';

export const casesNb = {
  list: {
    title: 'Erfaringer',
    intro: 'Hva andre offentlige innkjøpere har anskaffet, hva det ga av gevinster, og hva de lærte. Bygg videre på det som virker.',
    search: 'Søk i erfaringene',
    count: '{count} erfaringer',
    empty: 'Ingen erfaringer passer til filtrene. Fjern et filter, eller registrer en erfaring fra et behov i kontraktsoppfølging.',
  },
  status: { draft: 'Utkast', published: 'Publisert' },
  reused: 'Gjenbrukt {count} ganger',
  publish: 'Publiser erfaringen',
  unpublish: 'Gjør til utkast igjen',
  published: 'Erfaringen er publisert. Den vises i søket og foreslås for lignende behov.',
  noSuppliers: 'Ikke oppgitt',
  builtOn: 'Bygger på:',
  ownCase: 'Erfaring fra dette behovet:',
  record: 'Registrer som erfaring',
  recordIntro: 'Behovet er kommet til kontraktsoppfølging eller er avsluttet. Del hva dere anskaffet og hvilke gevinster det ga, så andre kan bygge videre på det.',
  fields: {
    title: 'Tittel',
    summary: 'Hva ble anskaffet',
    procedure: 'Prosedyre',
    stageReached: 'Fase nådd',
    suppliers: 'Leverandører',
    lessons: 'Erfaringer og læring',
    need: 'Behovet',
    publishedAt: 'Publisert',
  },
  hints: {
    summary: 'Hva ble kjøpt inn, og hvordan er det tatt i bruk? Minst 40 tegn.',
    suppliers: 'Én leverandør per linje.',
    lessons: 'Hva ville dere gjort likt og annerledes? Hva bør den neste vite?',
    gains: 'Legg inn hver gevinst for seg med beløp, enhet, periode og hvem som får den. Minst én gevinst før erfaringen publiseres.',
  },
  gains: {
    title: 'Gevinster',
    none: 'Ingen gevinster er lagt inn ennå.',
    type: 'Type gevinst',
    description: 'Hva gevinsten er',
    descriptionHint: 'For eksempel «færre fall om natten» eller «kortere ventetid på hjemmetjenester».',
    amount: 'Mengde',
    amountHint: 'Et positivt tall, for eksempel 850000 eller 12,5.',
    unit: 'Enhet',
    period: 'Periode',
    beneficiary: 'Hvem får gevinsten',
    beneficiarySector: 'Hvilken sektor',
    measurement: 'Hvordan ble det målt',
    measurementHint: 'Kilde og metode, for eksempel turnusdata før og etter i tolv måneder.',
    rowLegend: 'Gevinst {n}',
    add: 'Legg til gevinst',
    remove: 'Fjern gevinst {n}',
  },
  vocab: {
    type: { money_saved: 'Sparte penger', hours_freed: 'Frigjorte timer', co2_reduced: 'Redusert CO2', quality: 'Kvalitet (f.eks. færre fall, kortere ventetid)', other: 'Annet' },
    unit: { nok: 'kroner', hours: 'timer', tonnes_co2e: 'tonn CO2e', percentage_points: 'prosentpoeng', percent: 'prosent', count: 'antall', days: 'dager', km: 'km' },
    period: { per_year: 'per år', per_month: 'per måned', one_off: 'engangs', contract: 'over kontraktsperioden' },
    beneficiary: { buyer: 'oppdragsgiveren', other_sector: 'en annen sektor', citizens: 'innbyggerne' },
  },
  errors: {
    title: 'Gi erfaringen en tittel.',
    summary: 'Beskriv hva som ble anskaffet med minst {min} tegn.',
    gains: 'Hver gevinst trenger en mengde og hvordan den ble målt.',
  },
  form: {
    newTitle: 'Registrer erfaring',
    editTitle: 'Rediger erfaring',
    intro: 'Erfaringen lagres som utkast. Bare din virksomhet og LUP-rådgiverne ser den før du publiserer.',
  },
  spread: {
    title: 'Spredning',
    none: 'Ingen har gjenbrukt erfaringen ennå.',
    countOne: 'Gjenbrukt av én virksomhet: {orgs}',
    count: 'Gjenbrukt av {count} virksomheter: {orgs}',
  },
  reuse: {
    title: 'Gjenbruk',
    intro: 'Start et nytt behov for din virksomhet med beskrivelsen herfra. Det blir et utkast du kan tilpasse, og det lenker tilbake til denne erfaringen.',
    organization: 'For virksomheten',
    button: 'Gjenbruk',
  },
  pilot: {
    title: 'Resultater fra piloten',
    measure: 'Måling',
    baseline: 'Før',
    value: 'Etter',
    note: 'Merknad',
  },
  suggestions: {
    title: 'Andre har løst noe lignende',
    solved: '{org} har løst noe lignende',
    seeResults: 'Se resultatene',
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type CaseKey = Leaves<typeof casesNb>;

export const casesEn: Widen<typeof casesNb> = {
  list: {
    title: 'Case library',
    intro: 'What other public buyers procured, the gains it brought and what they learnt. Build on what works.',
    search: 'Search the cases',
    count: '{count} cases',
    empty: 'No cases match the filters. Remove a filter, or record a case from a need in contract follow-up.',
  },
  status: { draft: 'Draft', published: 'Published' },
  reused: 'Reused {count} times',
  publish: 'Publish the case',
  unpublish: 'Back to draft',
  published: 'The case is published. It shows in search and is suggested for similar needs.',
  noSuppliers: 'Not given',
  builtOn: 'Builds on:',
  ownCase: 'Case from this need:',
  record: 'Record as a case',
  recordIntro: 'The need has reached contract follow-up or is closed. Share what you procured and the gains it brought, so that others can build on it.',
  fields: {
    title: 'Title',
    summary: 'What was procured',
    procedure: 'Procedure',
    stageReached: 'Stage reached',
    suppliers: 'Suppliers',
    lessons: 'Lessons learnt',
    need: 'The need',
    publishedAt: 'Published',
  },
  hints: {
    summary: 'What was bought, and how is it used? At least 40 characters.',
    suppliers: 'One supplier per line.',
    lessons: 'What would you do the same and differently? What should the next buyer know?',
    gains: 'Enter each gain on its own with amount, unit, period and who benefits. At least one gain before the case is published.',
  },
  gains: {
    title: 'Gains',
    none: 'No gains entered yet.',
    type: 'Type of gain',
    description: 'What was gained',
    descriptionHint: 'For example “fewer falls at night” or “shorter waiting time for home care”.',
    amount: 'Amount',
    amountHint: 'A positive number, for example 850000 or 12.5.',
    unit: 'Unit',
    period: 'Period',
    beneficiary: 'Who benefits',
    beneficiarySector: 'Which sector',
    measurement: 'How it was measured',
    measurementHint: 'Source and method, for example rota data before and after for twelve months.',
    rowLegend: 'Gain {n}',
    add: 'Add a gain',
    remove: 'Remove gain {n}',
  },
  vocab: {
    type: { money_saved: 'Money saved', hours_freed: 'Hours freed', co2_reduced: 'CO2 reduced', quality: 'Quality (e.g. fewer falls, shorter waiting time)', other: 'Other' },
    unit: { nok: 'NOK', hours: 'hours', tonnes_co2e: 'tonnes CO2e', percentage_points: 'percentage points', percent: 'per cent', count: 'number', days: 'days', km: 'km' },
    period: { per_year: 'per year', per_month: 'per month', one_off: 'one-off', contract: 'over the contract' },
    beneficiary: { buyer: 'the buyer', other_sector: 'another sector', citizens: 'the citizens' },
  },
  errors: {
    title: 'Give the case a title.',
    summary: 'Describe what was procured in at least {min} characters.',
    gains: 'Each gain needs an amount and how it was measured.',
  },
  form: {
    newTitle: 'Record a case',
    editTitle: 'Edit the case',
    intro: 'The case is saved as a draft. Only your organisation and the LUP advisors see it until you publish.',
  },
  spread: {
    title: 'Spreading',
    none: 'Nobody has reused the case yet.',
    countOne: 'Reused by one organisation: {orgs}',
    count: 'Reused by {count} organisations: {orgs}',
  },
  reuse: {
    title: 'Reuse',
    intro: 'Start a new need for your organisation with the description from here. It becomes a draft you can adapt, and it links back to this case.',
    organization: 'For the organisation',
    button: 'Reuse',
  },
  pilot: {
    title: 'Results of the pilot',
    measure: 'Measure',
    baseline: 'Before',
    value: 'After',
    note: 'Note',
  },
  suggestions: {
    title: 'Others have solved something similar',
    solved: '{org} has solved something similar',
    seeResults: 'See the results',
  },
};

/** The case library's texts under 'cases.' (the locale tests read them as they read src/locales). */
export const casesTexts = featureTexts('cases', casesNb, casesEn);

/** `tc(key, vars)`: a case-library text in the current language. */
export function useCasesText() {
  const { lang } = useI18n();
  const texts = lang === 'en' ? casesEn : casesNb;
  return { tc: (key: CaseKey, vars?: Vars) => interpolate(lookup(texts, key) ?? key, vars) };
}
