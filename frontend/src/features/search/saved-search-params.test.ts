import { savedSearchFilters, savedSearchHref } from './saved-search-params';

describe('saved search parameters', () => {
  it('saves the page’s type facet as the kind filter, and leaves out what is no filter', () => {
    const page = { q: ['trygghetsalarm'], type: ['need'], county: ['46', '50'], semantic: ['true'], sort: ['newest'], page: ['2'] };
    expect(savedSearchFilters(page)).toEqual({ kind: ['need'], county: ['46', '50'] });
  });

  it('opens the search page with the saved query and filters, as the alerts link to it', () => {
    expect(savedSearchHref('trygghetsalarm', { kind: ['need'], county: ['46', '50'] })).toBe('/?q=trygghetsalarm&type=need&county=46&county=50');
    expect(savedSearchHref('fall og sensor', {})).toBe('/?q=fall+og+sensor');
    expect(savedSearchHref('', { sector: 'helse-og-omsorg' })).toBe('/?sector=helse-og-omsorg');
    expect(savedSearchHref('', null)).toBe('/');
  });
});
