import { Button, Chip, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useCpv } from '../../components/reference';
import { useDebounced } from '../../components/use-debounced';

/** Pick CPV codes: type to search the CPV list, add, remove. */
export function CpvPicker({ value, onChange, error, id }: { value: string[]; onChange: (codes: string[]) => void; error?: string; id?: string }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const listId = useId();
  const cpv = useCpv(useDebounced(text));
  const add = () => {
    const code = (/^\d{8}(-\d)?/.exec(text.trim()) ?? [])[0];
    if (code && !value.includes(code)) onChange([...value, code]);
    setText('');
  };
  return (
    <div className="stack">
      <div className="row" style={{ alignItems: 'flex-end' }}>
        <div style={{ flex: '1 1 20rem' }}>
          <Textfield
            id={id}
            name="cpv_codes"
            label={t('need.fields.cpv')}
            description={t('need.hints.cpv')}
            list={listId}
            value={text}
            error={error}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
          <datalist id={listId}>
            {(cpv.data ?? []).map((c) => (
              <option key={c.code} value={`${c.code} ${c.label}`} />
            ))}
          </datalist>
        </div>
        <Button type="button" variant="secondary" onClick={add}>
          {t('common.add')}
        </Button>
      </div>
      {value.length > 0 ? (
        <ul className="row" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('need.cpvSelected')}>
          {value.map((code) => (
            <li key={code}>
              <Chip.Removable aria-label={t('common.removeItem', { item: code })} onClick={() => onChange(value.filter((c) => c !== code))}>
                {code}
              </Chip.Removable>
            </li>
          ))}
        </ul>
      ) : (
        <Paragraph data-size="sm">{t('need.cpvNone')}</Paragraph>
      )}
    </div>
  );
}
