import '@digdir/designsystemet-css';
import '@digdir/designsystemet-theme';
import './styles.css';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { setApiLanguage } from './api/client';
import { startEarlyRequests } from './app/early-requests';
import { initialLang, loadInitialCatalog } from './app/i18n';
import { Providers } from './app/providers';
import { createRouter } from './app/router';

// The first page's own request (a need's page: the need) goes out now, beside the chunks.
setApiLanguage(initialLang());
startEarlyRequests(window.location.pathname, initialLang());
const router = createRouter();
const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
// index.html's frame and loading state stay on screen until the app has rendered. The first
// render is a transition: React renders in slices and yields to the browser between them, so
// that no long task blocks a tap meanwhile (Lighthouse's total blocking time, scripts/lighthouse.sh).
void loadInitialCatalog().then(() =>
  startTransition(() =>
    createRoot(root).render(
      <StrictMode>
        <Providers>
          <RouterProvider router={router} />
        </Providers>
      </StrictMode>,
    ),
  ),
);
