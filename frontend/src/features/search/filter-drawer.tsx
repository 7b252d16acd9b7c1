import { Badge, Button, Dialog, Heading } from '@digdir/designsystemet-react';
import { useId, useState, type ReactNode } from 'react';
import { useI18n } from '../../app/i18n';

/**
 * A phone's filters: a "Filtrer" button with the number of active filters opens them in a modal
 * drawer from the bottom (Designsystemet Dialog); "Vis N treff" closes it onto the results, which
 * have followed every change. Escape and the close button close it too; focus returns to the button.
 * Loaded only on a narrow screen (search-page.tsx), outside the landing page's initial JavaScript.
 */
export default function FilterDrawer({ active, total, onClear, children }: { active: number; total: number | null; onClear: () => void; children: ReactNode }) {
  const { t, fmt } = useI18n();
  const [open, setOpen] = useState(false);
  const headingId = useId();
  return (
    <>
      <Button variant="secondary" aria-haspopup="dialog" onClick={() => setOpen(true)} data-testid="filter-button">
        {t('search.filterButton')}
        {active > 0 ? (
          <>
            <Badge count={active} data-color="accent" aria-hidden="true" />
            <span className="visually-hidden">{t('search.activeFilters', { count: active })}</span>
          </>
        ) : null}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        placement="bottom"
        closedby="any"
        closeButton={t('search.closeFilters')}
        aria-labelledby={headingId}
        className="filter-drawer"
      >
        <Dialog.Block>
          <Heading level={2} data-size="xs" id={headingId}>
            {t('search.filters')}
          </Heading>
        </Dialog.Block>
        <Dialog.Block className="filter-drawer__body stack">{children}</Dialog.Block>
        <Dialog.Block className="row">
          <Button onClick={() => setOpen(false)}>
            {total === null ? t('search.showResultsPending') : t('search.showResults', { count: fmt.number(total) })}
          </Button>
          {active > 0 ? (
            <Button variant="tertiary" onClick={onClear}>
              {t('search.clearFilters')}
            </Button>
          ) : null}
        </Dialog.Block>
      </Dialog>
    </>
  );
}
