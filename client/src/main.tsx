import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { captureFacilitatorLink } from './facilitatorLink';
import './styles/colors.css';
import './styles.css';

// Before anything renders: the key must leave the address bar as soon as possible.
captureFacilitatorLink();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
