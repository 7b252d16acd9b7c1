/** Test data shaped like the API's answers (see frontend/openapi.yaml). */
export const bergen = {
  id: 6,
  name: 'Bergen kommune',
  org_number: '964338531',
  kind: 'public_buyer',
  kind_label: 'Offentlig innkjøper',
  municipality: 'Bergen',
  county: '46',
  website: 'https://www.bergen.kommune.no',
  description: '',
  phone: '',
  email: '',
  postcode: '',
  verified: true,
  verified_at: '2026-11-02T09:00:00+01:00',
  created_at: '2026-10-01T09:00:00+02:00',
  capabilities: ['announce_conference', 'be_co_buyer', 'draft_need', 'publish_need', 'read_responses'],
};

export function sessionFor(role: 'admin' | 'member', org: Record<string, unknown> = bergen) {
  return {
    csrf_token: 't',
    oidc_login_url: null,
    user: {
      id: 1,
      email: 'innkjoper@bergen.kommune.no',
      full_name: 'Ingrid Haugland',
      preferred_language: 'nb',
      roles: ['buyer'],
      is_advisor: false,
      memberships: [{ id: 11, organization: org, role, title: '' }],
    },
  };
}

export const members = {
  count: 2,
  results: [
    { id: 11, email: 'innkjoper@bergen.kommune.no', full_name: 'Ingrid Haugland', role: 'admin', title: '' },
    { id: 12, email: 'ola.tveit@bergen.kommune.no', full_name: 'Ola Tveit', role: 'member', title: '' },
  ],
};

export const joinRequest = {
  id: 3,
  organization: { id: 6, name: 'Bergen kommune', kind: 'public_buyer', verified: true, county: '46', municipality: 'Bergen' },
  email: 'kari.nordmann@bergen.kommune.no',
  full_name: 'Kari Nordmann',
  message: 'Jeg jobber i Etat for helse og omsorg.',
  status: 'pending',
  status_label: 'Venter',
  created_at: '2026-11-30T10:00:00+01:00',
  decided_at: null,
};
