import '@testing-library/jest-dom/vitest';

// jsdom lacks the Web Animations API that Designsystemet's Spinner uses.
if (typeof document !== 'undefined' && !('getAnimations' in document)) {
  Object.defineProperty(document, 'getAnimations', { value: () => [], configurable: true });
}
