import { isValidOrgNumber } from './org-number';

describe('organisasjonsnummer MOD11', () => {
  it('accepts valid numbers', () => {
    expect(isValidOrgNumber('974760673')).toBe(true); // Brønnøysundregistrene
    expect(isValidOrgNumber('974 760 673')).toBe(true);
  });
  it('rejects wrong check digit and wrong length', () => {
    expect(isValidOrgNumber('974760672')).toBe(false);
    expect(isValidOrgNumber('12345678')).toBe(false);
    expect(isValidOrgNumber('abcdefghi')).toBe(false);
  });
});
