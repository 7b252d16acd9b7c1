import { render, screen } from '@testing-library/react';
import { I18nProvider } from '../app/i18n';
import { OrgName } from './org-name';

function renderName(org: Parameters<typeof OrgName>[0]['org'], lang: 'nb' | 'en' = 'nb') {
  return render(
    <I18nProvider lang={lang}>
      <OrgName org={org} />
    </I18nProvider>,
  );
}

describe('OrgName', () => {
  it('tags an unverified supplier as not verified', () => {
    renderName({ name: 'Fjordlys Teknologi AS', kind: 'supplier', verified: false });
    expect(screen.getByText('Fjordlys Teknologi AS')).toBeInTheDocument();
    expect(screen.getByText('Ikke verifisert')).toHaveAttribute('title', 'En rådgiver i LUP har ikke verifisert virksomheten ennå.');
  });

  it('tags an unverified public buyer, in English too', () => {
    renderName({ name: 'Nordre Follo kommune', kind: 'public_buyer', verified: false }, 'en');
    expect(screen.getByText('Not verified')).toBeInTheDocument();
  });

  it('shows a verified organisation, or one whose status is unknown, without a tag', () => {
    renderName({ name: 'Bergen kommune', kind: 'public_buyer', verified: true });
    renderName({ name: 'Helsetek AS', kind: 'supplier' });
    expect(screen.queryByText('Ikke verifisert')).not.toBeInTheDocument();
  });
});
