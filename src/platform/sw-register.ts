/**
 * Registers the service worker (/sw.js, built from src/sw.ts) in production builds only, and
 * offers updates without forcing them:
 *
 *   registerServiceWorker();                       // once, at start-up (does nothing in dev)
 *   const off = onUpdateAvailable(() => show());   // a new version is installed and waiting
 *   applyUpdate();                                 // the earner chose "Reload": activate it, then reload
 *
 * Nothing reloads unless applyUpdate() is called. "Later" just leaves the new version waiting: the
 * browser switches to it by itself once every Besace tab is closed.
 * Registration comes from this module (no script injected into index.html: the CSP forbids inline
 * scripts); workbox-window is loaded only then, so the first screen does not wait for it.
 */

/** The part of workbox-window's Workbox this module uses (a fake in tests). */
export interface WorkboxLike {
  register(): Promise<unknown>;
  update(): Promise<void>;
  messageSkipWaiting(): void;
  addEventListener(type: 'waiting' | 'controlling' | 'activated', listener: (event: { readonly isUpdate?: boolean; readonly isExternal?: boolean }) => void): void;
}

export interface ServiceWorkerUpdates {
  /** Registers the worker when enabled; resolves false when there is none (dev, no support, refused). */
  register(): Promise<boolean>;
  /** Calls back when a new version is waiting (at once if one already is). Returns an unsubscribe. */
  onUpdateAvailable(callback: () => void): () => void;
  /** Calls back once the first version is installed: the app now opens offline. Returns an unsubscribe. */
  onOfflineReady(callback: () => void): () => void;
  /** Activates the waiting version, then reloads the page (once it controls it). */
  applyUpdate(): void;
  /** Asks the server for a newer sw.js now. */
  checkForUpdate(): Promise<void>;
}

export interface ServiceWorkerUpdatesDeps {
  /** Whether to register at all (production build, and the browser has service workers). */
  readonly enabled: () => boolean;
  readonly createWorkbox: () => Promise<WorkboxLike>;
  readonly reload: () => void;
  /** How often an open app looks for a new version (0: never). Default an hour. */
  readonly updateIntervalMs?: number;
  /**
   * Whether a service worker already controlled this page when it loaded. Without one, a worker
   * taking control is the first install finishing (clientsClaim), not a new version.
   */
  readonly wasControlled?: () => boolean;
}

export function createServiceWorkerUpdates(deps: ServiceWorkerUpdatesDeps): ServiceWorkerUpdates {
  let wb: WorkboxLike | undefined;
  let registering: Promise<boolean> | undefined;
  let waiting = false;
  let offlineReady = false;
  /** The page asked for the update: the next change of controller reloads it. */
  let reloadOnControl = false;
  /** Another tab activated the new version: this page runs the old code under the new worker. */
  let activatedElsewhere = false;
  const updateListeners = new Set<() => void>();
  const readyListeners = new Set<() => void>();

  const notify = (listeners: Set<() => void>): void => {
    for (const listener of [...listeners]) listener();
  };

  const subscribe = (listeners: Set<() => void>, already: () => boolean) => (callback: () => void) => {
    listeners.add(callback);
    if (already()) callback();
    return () => {
      listeners.delete(callback);
    };
  };

  return {
    register: async () => {
      if (wb || registering) return registering ?? true;
      if (!deps.enabled()) return false;
      registering = (async () => {
        let instance: WorkboxLike;
        try {
          instance = await deps.createWorkbox();
        } catch {
          return false; // workbox-window could not load (offline before the first visit completed)
        }
        wb = instance;
        instance.addEventListener('waiting', () => {
          waiting = true;
          notify(updateListeners);
        });
        instance.addEventListener('activated', (event) => {
          if (!event.isUpdate && !event.isExternal && !offlineReady) {
            offlineReady = true;
            notify(readyListeners);
          }
        });
        instance.addEventListener('controlling', (event) => {
          if (reloadOnControl) {
            deps.reload();
          } else if ((event.isUpdate || event.isExternal) && (deps.wasControlled?.() ?? true)) {
            // A new version took over without this page asking (another tab chose "Reload"): keep
            // offering the reload, which now needs no activation.
            activatedElsewhere = true;
            waiting = true;
            notify(updateListeners);
          }
        });
        try {
          await instance.register();
        } catch {
          wb = undefined; // refused (private mode, a broken sw.js): the app still works online
          return false;
        }
        const every = deps.updateIntervalMs ?? 60 * 60 * 1000;
        if (every > 0) setInterval(() => void instance.update().catch(() => undefined), every);
        return true;
      })();
      const registered = await registering;
      registering = undefined;
      return registered;
    },
    onUpdateAvailable: subscribe(updateListeners, () => waiting),
    onOfflineReady: subscribe(readyListeners, () => offlineReady),
    applyUpdate: () => {
      if (!wb || activatedElsewhere) {
        deps.reload();
        return;
      }
      reloadOnControl = true;
      wb.messageSkipWaiting();
    },
    checkForUpdate: async () => {
      await wb?.update();
    },
  };
}

/** Read once, at load: did a service worker control this page before we registered? */
const controlledAtLoad = typeof navigator !== 'undefined' && 'serviceWorker' in navigator && navigator.serviceWorker.controller !== null;

const updates = createServiceWorkerUpdates({
  wasControlled: () => controlledAtLoad,
  enabled: () => import.meta.env.PROD && typeof navigator !== 'undefined' && 'serviceWorker' in navigator,
  createWorkbox: async () => {
    const { Workbox } = await import('workbox-window');
    return new Workbox('/sw.js', { scope: '/' });
  },
  reload: () => window.location.reload(),
});

export const registerServiceWorker = (): Promise<boolean> => updates.register();
export const onUpdateAvailable = (callback: () => void): (() => void) => updates.onUpdateAvailable(callback);
export const onOfflineReady = (callback: () => void): (() => void) => updates.onOfflineReady(callback);
export const applyUpdate = (): void => updates.applyUpdate();
export const checkForUpdate = (): Promise<void> => updates.checkForUpdate();
