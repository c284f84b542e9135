import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { captureFacilitatorLink } from './facilitatorLink';
import { activateLocale } from './i18n/i18n';
import { initialLocale, SOURCE_LOCALE } from './i18n/locales';
import './styles/colors.css';
import './styles.css';

// Before anything renders: the key must leave the address bar as soon as possible.
captureFacilitatorLink();

function render() {
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

// English is built in and renders at once; another language renders once its catalog has loaded
// (or in English if the load fails), so nobody sees the page switch language under their eyes.
const locale = initialLocale();
if (locale === SOURCE_LOCALE) render();
else void activateLocale(locale).then(render, render);
