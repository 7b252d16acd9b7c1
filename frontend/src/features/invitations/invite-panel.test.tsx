import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Need } from '../../api/types';
import { mockFetch, renderRoute } from '../../test/render';
import { InvitePanel, openConferences } from './invite-panel';

const DAY = 86_400_000;
const iso = (days: number) => new Date(Date.now() + days * DAY).toISOString();

function conference(id: number, title: string, { deadline = 10, status = 'published' } = {}) {
  return { id, title, starts_at: iso(deadline + 7), registration_deadline: iso(deadline), format: 'physical', status };
}

function need(conferences: ReturnType<typeof conference>[], canEdit = true): Need {
  return { id: 9, title: 'Færre fall blant eldre som bor hjemme', conferences, can_edit: canEdit } as unknown as Need;
}

const chosen = [
  { solutionId: 5, organization: 'Helsetek AS' },
  { solutionId: 6, organization: 'Sensio AS' },
];

describe('openConferences', () => {
  it('offers only announced conferences whose registration deadline lies ahead', () => {
    const open = conference(1, 'Åpen');
    const closed = conference(2, 'Fristen er ute', { deadline: -1 });
    const draft = conference(3, 'Utkast', { status: 'draft' });
    const cancelled = conference(4, 'Avlyst', { status: 'cancelled' });
    expect(openConferences(need([open, closed, draft, cancelled])).map((c) => c.id)).toEqual([1]);
  });
});

describe('InvitePanel', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('offers the buyer to create a conference when the need has none, instead of a dead button', async () => {
    mockFetch({ '/api/auth/session/': { user: null, csrf_token: 't' } });
    renderRoute(<InvitePanel need={need([])} chosen={chosen} onSent={() => undefined} />);
    const link = await screen.findByRole('link', { name: 'Opprett dialogkonferanse for behovet' });
    expect(link).toHaveAttribute('href', '/conferences/new?need=9');
    expect(screen.queryByRole('button', { name: 'Inviter til dialogkonferanse' })).not.toBeInTheDocument();
  });

  it('says that no conference is open when the need has only closed ones; an advisor gets no create link', async () => {
    mockFetch({ '/api/auth/session/': { user: null, csrf_token: 't' } });
    renderRoute(<InvitePanel need={need([conference(2, 'Fristen er ute', { deadline: -1 })], false)} chosen={chosen} onSent={() => undefined} />);
    expect(await screen.findByText(/ingen dialogkonferanse som er åpen for påmelding/)).toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });

  it('invites the chosen to the conference picked, with the message, and groups what became of each', async () => {
    // given
    const sent = vi.fn();
    const { calls } = mockFetch({
      '/api/auth/session/': { user: null, csrf_token: 't' },
      '/api/conferences/2/invitations/': {
        results: [
          { organization: { id: 4, name: 'Helsetek AS', kind: 'supplier' }, solution: { id: 5, title: 'Fallsensor' }, outcome: 'already_registered' },
          { organization: { id: 7, name: 'Sensio AS', kind: 'supplier' }, solution: { id: 6, title: 'Trygghetsplattform' }, outcome: 'invited' },
        ],
        invited: 1,
      },
    });
    renderRoute(<InvitePanel need={need([conference(1, 'Våren'), conference(2, 'Høsten')])} chosen={chosen} onSent={sent} />);
    const form = within(await screen.findByRole('form', { name: 'Inviter til dialogkonferanse' }));
    expect(form.getByText('Valgt: Helsetek AS og Sensio AS.')).toBeInTheDocument();
    // when
    await userEvent.click(form.getByRole('radio', { name: 'Høsten' }));
    await userEvent.type(form.getByLabelText('Personlig hilsen (valgfritt)'), 'Velkommen!');
    await userEvent.click(form.getByRole('button', { name: 'Inviter til dialogkonferanse' }));
    // then
    const status = await form.findByRole('status');
    expect(status).toHaveTextContent('Invitert: Sensio AS.');
    expect(status).toHaveTextContent('Allerede påmeldt (får ikke invitasjon): Helsetek AS.');
    const post = calls.find((c) => c.init?.method === 'POST');
    expect(JSON.parse(String(post?.init?.body))).toEqual({ solution_ids: [5, 6], message: 'Velkommen!' });
    expect(sent).toHaveBeenCalled();
  });

  it('shows the reason at the choice when nothing was chosen', async () => {
    mockFetch({
      '/api/auth/session/': { user: null, csrf_token: 't' },
      '/api/conferences/1/invitations/': () => ({ status: 400, body: { solution_ids: ['Velg minst én leverandør å invitere.'] } }),
    });
    renderRoute(<InvitePanel need={need([conference(1, 'Våren')])} chosen={[]} onSent={() => undefined} />);
    const form = within(await screen.findByRole('form', { name: 'Inviter til dialogkonferanse' }));
    expect(form.getByText('Ingen leverandører er valgt ennå. Kryss av i listen over.')).toBeInTheDocument();
    await userEvent.click(form.getByRole('button', { name: 'Inviter til dialogkonferanse' }));
    expect(await form.findByText('Velg minst én leverandør å invitere.')).toBeInTheDocument();
  });
});
