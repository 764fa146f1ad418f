/**
 * Start-up: open the database, build the backpack (verification in a Web Worker), and render the
 * app with every part plugged in. The import flow's root (ImportRoot) also takes files launched
 * with the installed app (launchQueue) and shared to it (share target). The service worker is
 * registered last, in production builds only. What the first screen does not need (the badge,
 * import and profile pages, extraction, backups) comes in chunks of its own, warmed when idle.
 */
import { render } from 'preact';
import { createBackpack, warmBackpack } from '../app/backpack';
import { createWorkerVerifier } from '../platform/workerVerifier';
import { registerServiceWorker } from '../platform/sw-register';
import { DB_NAME, openBesaceDb, type BesaceDb, type OpenOptions } from '../storage/db';
import { App, browserLang } from './App';
import { ImportRoot } from './import/ImportRoot';
import { LazyImportPanel, LazyProfilePage, warmLazyPages, whenIdle } from './lazy';
import { DB_REPLACED_EVENT } from './shell/background';
import { StartupError } from './shell/StartupError';
import { UpdatePrompt } from './UpdatePrompt';
import { captureShareFragment, watchShareFragments } from './viewer/capture';
import './style.css';

async function start(root: HTMLElement): Promise<void> {
  // Opened once here, so that a browser that refuses storage gets a clear page at once; opened
  // again by the backpack if another tab's upgrade closes it.
  // Another tab upgrading the database closes this tab's connection: the shell offers a reload.
  const options: OpenOptions = { onBlocking: () => window.dispatchEvent(new Event(DB_REPLACED_EVENT)) };
  let first: Promise<BesaceDb> | null = openBesaceDb(DB_NAME, options);
  try {
    await first;
  } catch (error) {
    render(<StartupError error={error} lang={browserLang()} />, root);
    return;
  }
  const backpack = createBackpack({
    db: () => {
      const db = first ?? openBesaceDb(DB_NAME, options);
      first = null;
      return db;
    },
    verifier: createWorkerVerifier(),
    online: () => navigator.onLine !== false,
  });
  render(<App backpack={backpack} Wrapper={ImportRoot} pages={{ import: LazyImportPanel, profile: LazyProfilePage }} banner={<UpdatePrompt />} autoReverify />, root);
  void registerServiceWorker();
  // The parts the first screen does not need, fetched once it is painted (and precached by the service worker).
  whenIdle(() => {
    void warmLazyPages();
    void warmBackpack();
  });
}

// A share link's badges leave the address bar before anything else runs (see ./viewer/capture).
captureShareFragment();
watchShareFragments();
const root = document.getElementById('app');
if (root) void start(root);
