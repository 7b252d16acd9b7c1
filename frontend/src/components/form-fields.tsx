import { Field, Label, Select, ValidationMessage, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useId, useState, type ReactNode } from 'react';
import { ApiError, type FieldErrors } from '../api/client';
import type { RefItem } from '../api/types';
import { useI18n } from '../app/i18n';
import { useDebounced } from './use-debounced';

export function fieldErrorsOf(error: unknown): FieldErrors {
  return error instanceof ApiError ? error.fieldErrors : {};
}

export function firstError(errors: FieldErrors, name: string): string | undefined {
  const list = errors[name];
  return list && list.length > 0 ? list.join(' ') : undefined;
}

/** Only the fields with a message: the client's checks before a form is sent. */
export function checked(checks: Record<string, string | null | undefined>): FieldErrors {
  return Object.fromEntries(Object.entries(checks).flatMap(([field, message]) => (message ? [[field, [message]]] : [])));
}

/**
 * A form's own checks before it sends: `run(found)` keeps what was found and says whether the
 * form may send. `errors(serverError)` is what each field shows: the client's findings while
 * there are any, else the server's. `attempt` counts the submissions: a new error summary for
 * each, which takes focus again (Designsystemet's ErrorSummary focuses itself when it appears).
 */
export function useFormChecks() {
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const run = (found: FieldErrors): boolean => {
    setClientErrors(found);
    setAttempt((n) => n + 1);
    return Object.keys(found).length === 0;
  };
  const errors = (serverError: unknown): FieldErrors => (Object.keys(clientErrors).length > 0 ? clientErrors : fieldErrorsOf(serverError));
  return { clientErrors, attempt, run, errors };
}

/** The «Må fylles ut» tag of a required field (Designsystemet's marking), shown above the
 * field's hint. Screen readers hear "required" from the control's `required`; the tag is
 * hidden from them, and the label stays the name people say and search for. */
export function RequiredMark() {
  const { t } = useI18n();
  return (
    <Tag data-color="warning" data-size="sm" aria-hidden="true" className="required-mark">
      {t('forms.required')}
    </Tag>
  );
}

/** A field's description with the required mark first (when `required`). */
export function withRequiredMark(required: boolean, hint?: ReactNode): ReactNode {
  if (!required) return hint;
  return (
    <>
      <RequiredMark />
      {hint ? <> {hint}</> : null}
    </>
  );
}

function lengthText(t: ReturnType<typeof useI18n>['t'], count: string, enough: boolean, min: number): string {
  return enough ? t('forms.lengthEnough', { count, min }) : t('forms.lengthShort', { count, min });
}

/** A text's length against its minimum as the reader types ("12 av minst 40 tegn"), for the
 * field's description: the rule is visible before anything is sent. */
export function LengthCount({ value, min }: { value: string; min: number }) {
  const { t, fmt } = useI18n();
  const count = value.trim().length;
  return (
    <span className={count >= min ? 'length-count length-count--ok' : 'length-count'} data-testid="length-count">
      {lengthText(t, fmt.number(count), count >= min, min)}
    </span>
  );
}

/** The same count for screen readers, said when typing pauses (a polite live region beside the
 * field, not in its description, so that it is not read twice). */
export function LengthAnnouncer({ value, min }: { value: string; min: number }) {
  const { t, fmt } = useI18n();
  const count = value.trim().length;
  const text = useDebounced(value ? lengthText(t, fmt.number(count), count >= min, min) : '', 1200);
  return (
    <span className="visually-hidden" aria-live="polite">
      {text}
    </span>
  );
}

export function SelectField({
  label,
  value,
  onChange,
  options,
  error,
  description,
  required,
  includeEmpty = true,
  name,
  id: givenId,
}: {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  options: RefItem[];
  error?: string;
  description?: ReactNode;
  required?: boolean;
  includeEmpty?: boolean;
  name?: string;
  id?: string;
}) {
  const generatedId = useId();
  const id = givenId ?? generatedId;
  const { t } = useI18n();
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      {description || required ? (
        <Paragraph data-size="sm" id={`${id}-desc`}>
          {withRequiredMark(Boolean(required), description)}
        </Paragraph>
      ) : null}
      <Select
        id={id}
        name={name}
        value={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={[description || required ? `${id}-desc` : '', error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        {includeEmpty ? <option value="">{t('common.choose')}</option> : null}
        {options.map((o) => (
          <option key={o.code} value={o.code}>
            {o.label}
          </option>
        ))}
      </Select>
      {error ? <ValidationMessage id={`${id}-err`}>{error}</ValidationMessage> : null}
    </Field>
  );
}
