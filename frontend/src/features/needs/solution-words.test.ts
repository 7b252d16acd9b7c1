import { findSolutionWords } from './solution-words';

describe('solution words (describe the need, not the product)', () => {
  it('finds product words as whole words', () => {
    expect(findSolutionWords('Vi vil kjøpe en app med sensorer')).toEqual(['app', 'sensorer']);
  });
  it('ignores words inside other words', () => {
    expect(findSolutionWords('Færre fall blant eldre; bedre oppfølging')).toEqual([]);
    expect(findSolutionWords('apparat')).toEqual([]);
  });
});
