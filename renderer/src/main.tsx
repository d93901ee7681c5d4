import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { createClient } from './client';
import { applyTheme, readCachedTheme } from './theme/theme-dom';
import './styles.css';

// Before React renders anything, so the first paint already has the last-used theme.
applyTheme(readCachedTheme());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App client={createClient()} />
  </StrictMode>,
);
