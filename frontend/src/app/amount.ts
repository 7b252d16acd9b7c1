import type { FormatLang } from './format';

/**
 * An amount in whole kroner as people write it: "2 000 000", "2000000", "2.000.000",
 * "2 000 000 kr", "NOK 2,000,000" (English), "2 mill.", "2,5 millioner", "1,2 mrd." —
 * or why it is not one. Words for numbers ("to millioner") are not guessed at.
 */
export type Amount = { value: number } | { problem: 'notNumber' | 'notWhole' | 'tooLarge' };

export const MAX_AMOUNT = 10 ** 12; // backend/common/limits.py: BUDGET_NOK

const MULTIPLIERS: [RegExp, number][] = [
  [/^(mill(ion(er|s)?)?\.?|mnok|m)$/, 1_000_000],
  [/^(mrd\.?|milliard(er)?|billions?|bn)$/, 1_000_000_000],
  [/^(k|tusen|thousand)$/, 1_000],
];

function multiplier(word: string): number | null {
  const found = MULTIPLIERS.find(([pattern]) => pattern.test(word));
  return found ? found[1] : null;
}

/** "2,5" (nb) or "2.5" (en) as a number; null if it is not one. */
function decimal(text: string, lang: FormatLang): number | null {
  const normalised = lang === 'nb' ? text.replace(',', '.') : text;
  return /^\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : null;
}

/** Digits with optional thousands separators: spaces, and "." (nb) or "," (en). */
function whole(text: string, lang: FormatLang): number | null | 'fraction' {
  const separator = lang === 'nb' ? '[ .]' : '[ ,]';
  if (new RegExp(`^\\d{1,3}(${separator}\\d{3})+$`).test(text) || /^\d+$/.test(text)) return Number(text.replace(/[ .,]/g, ''));
  return decimal(text, lang) === null ? null : 'fraction';
}

/** Parses `input`; an empty input is `null` (no amount given). */
export function parseAmount(input: string, lang: FormatLang): Amount | null {
  const text = input
    .replace(/[\u00a0\u202f]/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/^(kr\.?|nok)\s*/, '')
    .replace(/\s*(kr\.?|nok|,-)$/, '')
    .replace(/\s+/g, ' ');
  if (text === '') return null;
  const scaled = /^(\d+(?:[.,]\d+)?)\s*([a-zæøå.]+)$/.exec(text);
  let value: number | null | 'fraction';
  if (scaled) {
    const factor = multiplier(scaled[2] ?? '');
    const number = decimal(scaled[1] ?? '', lang);
    value = factor === null || number === null ? null : Math.round(number * factor);
  } else {
    value = whole(text, lang);
  }
  if (value === 'fraction') return { problem: 'notWhole' };
  if (value === null || !Number.isFinite(value)) return { problem: 'notNumber' };
  if (value > MAX_AMOUNT) return { problem: 'tooLarge' };
  return { value };
}
