import { Paragraph, Tag } from '@digdir/designsystemet-react';
import type { components } from '../../api/generated/schema';
import { useI18n } from '../../app/i18n';

type Section = components['schemas']['SectionOutput'];

/** A response's text as the buyer reads it: each section the supplier marked as a business
 * secret stands out, with the supplier's reason. */
export function ResponseText({ body, sections }: { body: string; sections: Section[] }) {
  const { t } = useI18n();
  if (!sections.some((s) => s.business_secret)) return <Paragraph className="prewrap">{body}</Paragraph>;
  return (
    <div className="stack">
      {sections.map((s, i) =>
        s.business_secret ? (
          <div key={i} className="confidential stack" data-testid="business-secret">
            <div>
              <Tag data-color="danger">{t('secrets.tag')}</Tag>
            </div>
            <Paragraph className="prewrap">{s.text}</Paragraph>
            <Paragraph data-size="sm">{t('secrets.reasonShown', { reason: s.reason })}</Paragraph>
          </div>
        ) : (
          <Paragraph key={i} className="prewrap">
            {s.text}
          </Paragraph>
        ),
      )}
    </div>
  );
}
