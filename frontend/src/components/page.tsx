import { Heading } from '@digdir/designsystemet-react';
import { useEffect, type ReactNode } from 'react';
import { useI18n } from '../app/i18n';

/** Page heading (h1) that also sets document.title. */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);
  return (
    <Heading level={1} data-size="lg" className="page-heading">
      {children}
    </Heading>
  );
}
