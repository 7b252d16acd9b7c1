import { Button, Heading, Paragraph, Switch, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useI18n } from '../../app/i18n';

export type SectionDraft = { text: string; business_secret: boolean; reason: string };

export const emptySection = (): SectionDraft => ({ text: '', business_secret: false, reason: '' });

export const hasSecrets = (sections: SectionDraft[]) => sections.some((s) => s.business_secret);

/** A response in sections: the supplier marks each that is a business secret
 * (forretningshemmelighet) and says why. */
export function SectionsEditor({ sections, onChange, error }: { sections: SectionDraft[]; onChange: (sections: SectionDraft[]) => void; error?: string }) {
  const { t } = useI18n();
  const update = (i: number, patch: Partial<SectionDraft>) => onChange(sections.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const remove = (i: number) => onChange(sections.filter((_s, j) => j !== i));
  return (
    <div className="stack" role="group" aria-labelledby="sections-heading">
      <Heading level={2} data-size="xs" id="sections-heading">
        {t('secrets.title')}
      </Heading>
      <Paragraph data-size="sm">{t('secrets.intro')}</Paragraph>
      {sections.map((s, i) => {
        const n = i + 1;
        return (
          <div key={i} className={s.business_secret ? 'stack confidential' : 'stack'} data-testid={`section-${n}`}>
            <Textfield multiline rows={5} label={t('secrets.section', { n })} description={i === 0 ? t('response.bodyHint') : undefined} value={s.text} onChange={(e) => update(i, { text: e.target.value })} />
            <Switch
              label={t('secrets.mark', { n })}
              description={t('secrets.markHint')}
              checked={s.business_secret}
              onChange={(e) => update(i, { business_secret: e.target.checked, reason: e.target.checked ? s.reason : '' })}
            />
            {s.business_secret ? <Textfield multiline rows={2} label={t('secrets.reason', { n })} description={t('secrets.reasonHint')} required value={s.reason} onChange={(e) => update(i, { reason: e.target.value })} /> : null}
            {sections.length > 1 ? (
              <div>
                <Button type="button" variant="tertiary" data-size="sm" onClick={() => remove(i)}>
                  {t('secrets.remove', { n })}
                </Button>
              </div>
            ) : null}
          </div>
        );
      })}
      {error ? <ValidationMessage role="alert">{error}</ValidationMessage> : null}
      <div>
        <Button type="button" variant="secondary" data-size="sm" onClick={() => onChange([...sections, emptySection()])}>
          {t('secrets.add')}
        </Button>
      </div>
    </div>
  );
}
