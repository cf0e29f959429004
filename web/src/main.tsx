import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppRoutes } from './app/router';
import { AnnouncerProvider } from './shared/announcer';
import { SessionProvider } from './shared/session';
import './app/styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

createRoot(root).render(
  <StrictMode>
    <SessionProvider>
      <AnnouncerProvider>
        <AppRoutes />
      </AnnouncerProvider>
    </SessionProvider>
  </StrictMode>,
);
