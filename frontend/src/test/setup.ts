import '@testing-library/jest-dom/vitest';
import { registerCatalog } from '../app/i18n';
import { en } from '../locales/en';

// jsdom lacks the Web Animations API that Designsystemet's Spinner uses.
if (typeof document !== 'undefined' && !('getAnimations' in document)) {
  Object.defineProperty(document, 'getAnimations', { value: () => [], configurable: true });
}

// jsdom's <dialog> has no showModal/show/close (Designsystemet's Dialog calls them): open and
// close it as a browser does, firing "close".
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.show = function show(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.showModal = HTMLDialogElement.prototype.show;
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return;
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}

// The app loads English on demand; tests render either language at once.
registerCatalog('en', en);
