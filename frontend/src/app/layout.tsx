import { Button, Link as DsLink, Paragraph, SkipLink } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, useId, useRef, useState } from 'react';
import { NavLink, Outlet, Link, useLocation, useNavigate } from 'react-router';
import { Loading } from '../components/query-state';
import { NotificationsLink } from '../features/notifications/notifications-link';
import { useI18n, type Lang } from './i18n';
import { useLogout, useSession, userRoles } from './session';

function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  const queryClient = useQueryClient();
  // Labels, facets and messages from the server are in the language asked for: ask again.
  const choose = (next: Lang) => {
    setLang(next);
    void queryClient.invalidateQueries();
  };
  const options: { code: Lang; label: string }[] = [
    { code: 'nb', label: 'Norsk' },
    { code: 'en', label: 'English' },
  ];
  return (
    <div role="group" aria-label={t('layout.language')} className="lang-switch">
      {options.map((o) => (
        <Button
          key={o.code}
          lang={o.code}
          variant={lang === o.code ? 'primary' : 'tertiary'}
          data-size="sm"
          aria-pressed={lang === o.code}
          onClick={() => choose(o.code)}
        >
          {o.label}
        </Button>
      ))}
    </div>
  );
}

function UserMenu() {
  const { t } = useI18n();
  const session = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const user = session.data?.user;
  if (session.isPending) return null;
  if (!user) {
    return (
      <div className="user-menu">
        <DsLink asChild>
          <Link to="/login">{t('layout.signIn')}</Link>
        </DsLink>
      </div>
    );
  }
  return (
    <div className="user-menu">
      <span data-testid="current-user">{user.full_name || user.email}</span>
      <NotificationsLink />
      {session.data?.oidc_login_url ? (
        <DsLink asChild>
          <Link to="/account/id-porten">{t('oidc.account.menu')}</Link>
        </DsLink>
      ) : null}
      <DsLink asChild>
        <Link to="/organizations">{t('nav.myOrganizations')}</Link>
      </DsLink>
      <DsLink asChild>
        <Link to="/account/privacy">{t('privacy.menu')}</Link>
      </DsLink>
      <Button
        variant="secondary"
        data-size="sm"
        loading={logout.isPending}
        onClick={() => logout.mutate(undefined, { onSuccess: () => navigate('/') })}
      >
        {t('layout.signOut')}
      </Button>
    </div>
  );
}

function MainNav() {
  const { t } = useI18n();
  const user = useSession().data?.user ?? null;
  const roles = userRoles(user);
  const items: { to: string; label: string }[] = [{ to: '/', label: t('nav.search') }];
  items.push({ to: '/barometer', label: t('nav.barometer') });
  items.push({ to: '/cases', label: t('cases.nav') });
  if (roles.has('buyer')) items.push({ to: '/buyer', label: t('nav.buyer') });
  if (roles.has('supplier')) items.push({ to: '/supplier', label: t('nav.supplier') });
  if (roles.has('advisor')) {
    items.push({ to: '/advisor', label: t('nav.advisor') });
    items.push({ to: '/advisor/pipeline', label: t('nav.pipeline') });
    items.push({ to: '/advisor/missed-searches', label: t('nav.missedSearches') });
  }
  const researcher = user?.roles.includes('research') ?? false;
  if (researcher) items.push({ to: '/research/partnerships', label: t('research.partnerships.title') });
  if (researcher || roles.has('buyer') || roles.has('advisor')) items.push({ to: '/research', label: t('research.nav') });
  if (user && roles.size === 0 && !researcher) items.push({ to: '/organizations/new', label: t('nav.registerOrg') });
  return (
    <nav aria-label={t('layout.mainNav')} className="main-nav">
      <ul>
        {items.map((i) => (
          <li key={i.to}>
            <NavLink to={i.to} end>
              {i.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** On a phone the navigation and tools fold behind a "Meny" button (a disclosure: aria-expanded,
 * Escape closes it and returns focus to the button; it closes itself on navigation). On wider
 * screens the button is hidden by CSS and the menu is laid out in the header's row. */
function useSiteMenu() {
  const { pathname } = useLocation();
  // Open at one path only: following a link closes the menu without an effect.
  const [openAt, setOpenAt] = useState<string | null>(null);
  const open = openAt === pathname;
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpenAt(null);
      toggle.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open]);
  return { open, toggle, onToggle: () => setOpenAt(open ? null : pathname) };
}

export function Layout() {
  const { t } = useI18n();
  const menuId = useId();
  const menu = useSiteMenu();
  return (
    <div className="app">
      <SkipLink href="#main">{t('layout.skipToContent')}</SkipLink>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand">
            {t('app.name')}
          </Link>
          <Button
            ref={menu.toggle}
            variant="secondary"
            data-size="sm"
            className="site-menu-toggle"
            aria-expanded={menu.open}
            aria-controls={menuId}
            onClick={menu.onToggle}
          >
            {t('layout.menu')}
          </Button>
          <div id={menuId} className="site-menu" data-open={menu.open}>
            <MainNav />
            <div className="site-header__tools">
              <LanguageSwitch />
              <UserMenu />
            </div>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="site-main">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <Paragraph data-size="sm">{t('layout.footer')}</Paragraph>
      </footer>
    </div>
  );
}
