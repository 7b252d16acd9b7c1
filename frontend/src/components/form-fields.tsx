import { Field, Label, Select, ValidationMessage, Paragraph } from '@digdir/designsystemet-react';
import { useId, type ReactNode } from 'react';
import { ApiError, type FieldErrors } from '../api/client';
import type { RefItem } from '../api/types';
import { useI18n } from '../app/i18n';

export function fieldErrorsOf(error: unknown): FieldErrors {
  return error instanceof ApiError ? error.fieldErrors : {};
}

export function firstError(errors: FieldErrors, name: string): string | undefined {
  const list = errors[name];
  return list && list.length > 0 ? list.join(' ') : undefined;
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
}) {
  const id = useId();
  const { t } = useI18n();
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      {description ? (
        <Paragraph data-size="sm" id={`${id}-desc`}>
          {description}
        </Paragraph>
      ) : null}
      <Select
        id={id}
        name={name}
        value={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={[description ? `${id}-desc` : '', error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined}
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
