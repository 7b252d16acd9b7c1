import { fireEvent, render, screen } from '@testing-library/react';
import { ApiError } from '../api/client';
import { I18nProvider } from '../app/i18n';
import { ConfirmReasonButton } from './confirm-reason-button';

function renderButton(onConfirm: (reason: string, done: () => void) => void, error?: unknown) {
  return render(
    <I18nProvider lang="nb">
      <ConfirmReasonButton
        label="Avlys bookingen 15. januar 2027 14:00"
        question="Avlyse møtet som Helsetek AS har booket?"
        reasonHint="Helsetek AS får begrunnelsen i varselet."
        confirm="Avlys og varsle Helsetek AS"
        error={error}
        onConfirm={onConfirm}
      >
        Avlys bookingen
      </ConfirmReasonButton>
    </I18nProvider>,
  );
}

describe('ConfirmReasonButton', () => {
  it('asks in place, with the reason field focused, and changing one’s mind sends nothing', () => {
    const onConfirm = vi.fn();
    renderButton(onConfirm);
    fireEvent.click(screen.getByRole('button', { name: 'Avlys bookingen 15. januar 2027 14:00' }));
    const group = screen.getByRole('group', { name: 'Avlys bookingen 15. januar 2027 14:00' });
    expect(group).toHaveTextContent('Avlyse møtet som Helsetek AS har booket?');
    expect(screen.getByLabelText('Begrunnelse (valgfritt)')).toHaveFocus();
    fireEvent.click(screen.getByRole('button', { name: 'Ikke avlys' }));
    expect(onConfirm).not.toHaveBeenCalled();
    expect(screen.queryByRole('group')).not.toBeInTheDocument();
  });

  it('passes the reason on and closes when the caller says it is done', () => {
    const onConfirm = vi.fn((_reason: string, done: () => void) => done());
    renderButton(onConfirm);
    fireEvent.click(screen.getByRole('button', { name: 'Avlys bookingen 15. januar 2027 14:00' }));
    fireEvent.change(screen.getByLabelText('Begrunnelse (valgfritt)'), { target: { value: 'Ordføreren har kalt inn til møte.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Avlys og varsle Helsetek AS' }));
    expect(onConfirm).toHaveBeenCalledWith('Ordføreren har kalt inn til møte.', expect.any(Function));
    expect(screen.queryByRole('group')).not.toBeInTheDocument();
  });

  it('shows the server’s message about the reason at the field, and any other below', () => {
    const atField = new ApiError(400, { reason: ['Sørg for at dette feltet ikke har mer enn 1000 tegn.'] }, 'Bad Request');
    const { unmount } = renderButton(vi.fn(), atField);
    fireEvent.click(screen.getByRole('button', { name: 'Avlys bookingen 15. januar 2027 14:00' }));
    expect(screen.getByLabelText('Begrunnelse (valgfritt)')).toHaveAccessibleDescription(expect.stringContaining('1000 tegn'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    unmount();
    renderButton(vi.fn(), new ApiError(400, { non_field_errors: ['Dette 1:1-møtet er ikke booket.'] }, 'Bad Request'));
    fireEvent.click(screen.getByRole('button', { name: 'Avlys bookingen 15. januar 2027 14:00' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Dette 1:1-møtet er ikke booket.');
  });
});
