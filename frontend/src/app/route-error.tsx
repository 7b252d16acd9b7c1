import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import { useI18n } from './i18n';

export function RouteError() {
  const { t } = useI18n();
  return (
    <main id="main" className="site-main">
      <Alert data-color="danger" role="alert">
        <Heading level={1} data-size="sm">
          {t('errors.pageFailed')}
        </Heading>
        <Paragraph>
          <Link to="/">{t('common.backToSearch')}</Link>
        </Paragraph>
      </Alert>
    </main>
  );
}
