import { activeFilters, DEFAULT_DESK, deskSearch, filterQuery, loadDesk, parseDesk, saveDesk, storageKey, withoutFilters } from './params';
import { isTyping } from './shortcuts';

describe('the desk in the URL', () => {
  afterEach(() => window.localStorage.clear());

  it('reads what it knows and falls back to the defaults for anything else', () => {
    const desk = parseDesk(new URLSearchParams('kind=need_need&state=parked&sector=bygg-og-eiendom&county=<script>&score=55&age=older-90&sort=price&size=1000&page=-3'));
    expect(desk).toEqual({ ...DEFAULT_DESK, kind: 'need_need', sector: 'bygg-og-eiendom', age: 'older-90' });
  });

  it('writes only what differs from the defaults, and round-trips', () => {
    const desk = { ...DEFAULT_DESK, county: '46', score: '40' as const, page: 3 };
    expect(deskSearch(desk).toString()).toBe('county=46&score=40&page=3');
    expect(parseDesk(deskSearch(desk))).toEqual(desk);
  });

  it('turns the filters into the API’s query', () => {
    expect(filterQuery({ ...DEFAULT_DESK, state: 'all', score: '70', age: '7' })).toMatchObject({
      state: ['suggested', 'shortlisted', 'introduced', 'rejected'],
      score_min: 0.7,
      max_age_days: '7',
      min_age_days: undefined,
    });
    expect(filterQuery({ ...DEFAULT_DESK, age: 'older-30' })).toMatchObject({ max_age_days: undefined, min_age_days: '30' });
  });

  it('counts and clears the filters, never the view, the sort or the page size', () => {
    const desk = { ...DEFAULT_DESK, kind: 'need_need' as const, stage: 'konkurranse', state: 'rejected' as const, sort: 'newest' as const, size: '50' as const, page: 4 };
    expect(activeFilters(desk)).toBe(2);
    expect(withoutFilters(desk)).toEqual({ ...DEFAULT_DESK, kind: 'need_need', sort: 'newest', size: '50' });
  });

  it('remembers the desk per advisor, without its page', () => {
    saveDesk(4, { ...DEFAULT_DESK, county: '46', page: 7 });
    expect(window.localStorage.getItem(storageKey(4))).toBe('county=46');
    expect(loadDesk(4)?.toString()).toBe('county=46');
    expect(loadDesk(5)).toBeNull();
  });
});

describe('shortcuts and typing', () => {
  it('counts text fields, text areas, selects and editable text as typing; a checkbox or a button is not', () => {
    const make = (tag: string, attrs: Record<string, string> = {}) => {
      const el = document.createElement(tag);
      for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
      return el;
    };
    expect(isTyping(make('input', { type: 'text' }))).toBe(true);
    expect(isTyping(make('input'))).toBe(true);
    expect(isTyping(make('textarea'))).toBe(true);
    expect(isTyping(make('select'))).toBe(true);
    expect(isTyping(make('div', { contenteditable: 'true' }))).toBe(true);
    expect(isTyping(make('input', { type: 'checkbox' }))).toBe(false);
    expect(isTyping(make('button'))).toBe(false);
    expect(isTyping(document.body)).toBe(false);
  });
});
