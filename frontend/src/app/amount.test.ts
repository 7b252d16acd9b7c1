import { MAX_AMOUNT, parseAmount } from './amount';

describe('amounts as people write them', () => {
  it.each([
    ['2000000', 2_000_000],
    ['2 000 000', 2_000_000],
    ['2\u00a0000\u00a0000', 2_000_000],
    ['2.000.000', 2_000_000],
    ['2 000 000 kr', 2_000_000],
    ['kr 2 000 000', 2_000_000],
    ['2 000 000,-', 2_000_000],
    ['2 mill.', 2_000_000],
    ['2 mill', 2_000_000],
    ['2,5 millioner', 2_500_000],
    ['1,2 mrd.', 1_200_000_000],
    ['500 tusen', 500_000],
    ['NOK 750 000', 750_000],
  ])('reads %s in bokmål as %d', (text, value) => {
    expect(parseAmount(text, 'nb')).toEqual({ value });
  });

  it.each([
    ['2,000,000', 2_000_000],
    ['NOK 2,000,000', 2_000_000],
    ['2.5 million', 2_500_000],
    ['2 m', 2_000_000],
    ['1.2 bn', 1_200_000_000],
  ])('reads %s in English as %d', (text, value) => {
    expect(parseAmount(text, 'en')).toEqual({ value });
  });

  it('takes an empty field as no amount', () => {
    expect(parseAmount('', 'nb')).toBeNull();
    expect(parseAmount('   ', 'en')).toBeNull();
  });

  it.each(['to millioner', 'two million', 'ca. 2 mill', '2 000 000 eller mer', '-500', '2 apekatter'])('says that %s is not a number', (text) => {
    expect(parseAmount(text, 'nb')).toEqual({ problem: 'notNumber' });
  });

  it('asks for whole kroner and refuses more than the limit', () => {
    expect(parseAmount('1500,50', 'nb')).toEqual({ problem: 'notWhole' });
    expect(parseAmount('1500.50', 'en')).toEqual({ problem: 'notWhole' });
    expect(parseAmount(String(MAX_AMOUNT), 'nb')).toEqual({ value: MAX_AMOUNT });
    expect(parseAmount('1001 mrd.', 'nb')).toEqual({ problem: 'tooLarge' });
  });
});
