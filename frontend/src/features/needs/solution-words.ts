/**
 * LUP's method: describe the need and the effect wanted, not a product.
 * Words that usually name a solution rather than a need; the form warns
 * (never blocks) when a title or description leans on them.
 */
const SOLUTION_WORDS = [
  'app',
  'applikasjon',
  'programvare',
  'software',
  'plattform',
  'platform',
  'sensor',
  'sensorer',
  'robot',
  'drone',
  'droner',
  'chatbot',
  'kunstig intelligens',
  'blokkjede',
  'blockchain',
  'nettbrett',
  'portal',
];

export function findSolutionWords(text: string): string[] {
  const lower = text.toLocaleLowerCase('nb-NO');
  return SOLUTION_WORDS.filter((w) => new RegExp(`(^|[^\\p{L}])${w}([^\\p{L}]|$)`, 'u').test(lower));
}
