import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { startSessionRefresh } from './lib/auth.tsx';
import { initI18n } from './lib/i18n.ts';
import './styles.css';

// The session and the language catalogue load side by side; the first screen waits for both.
startSessionRefresh();
await initI18n();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
