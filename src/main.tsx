// Entry point: starts the training worker, reads the settings from the URL once, then mounts the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { parseConfig } from './shared/configText';
import { App } from './ui/App';
import { prestartWorker } from './ui/prestartWorker';
import './ui/styles.css';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element.');

prestartWorker();
createRoot(container).render(
  <StrictMode>
    <App initial={parseConfig(window.location.search)} />
  </StrictMode>,
);
