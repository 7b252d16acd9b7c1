import { Paragraph } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import { PageHeading } from '../components/page';
import { useI18n } from './i18n';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t('errors.notFoundTitle')}>{t('errors.notFoundTitle')}</PageHeading>
      <Paragraph>{t('errors.notFound')}</Paragraph>
      <Paragraph>
        <Link to="/">{t('common.backToSearch')}</Link>
      </Paragraph>
    </>
  );
}
