/**
 * Pages the first screen (the badge list) does not need, loaded on first use as chunks of their own
 * and warmed when the browser is idle (STYLE practice 11): the badge page (with the Markdown renderer),
 * the import page and the profile page (with its stylesheet).
 *
 * A lazy page renders its real component synchronously once its chunk has loaded (after warming,
 * always), so a navigation never flashes a loading state; before that, a short "Loading…" status.
 * A chunk that fails to load (offline before the first visit finished) reaches the page's error
 * boundary, which offers the rescue download and a reload. The service worker precaches every
 * chunk of the build, so offline use is unchanged.
 */
import type { ComponentType, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { BadgeId, CollectionId } from '../app/types';
import { useLang } from './context';
import { addMessages } from './messages';
import type { PresentTarget } from './router';

export type LazyComponent<P> = FunctionComponent<P> & {
  /** Start loading (once); resolves with the real component. */
  readonly preload: () => Promise<ComponentType<P>>;
};

export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = (): Promise<ComponentType<P>> =>
    (pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        pending = undefined; // try again on the next use
        throw error;
      },
    ));

  function Lazy(props: P) {
    const [failure, setFailure] = useState<{ error: unknown } | null>(null);
    const [, setReady] = useState(false);
    useEffect(() => {
      // The chunk may have landed between this render (which showed "Loading…") and this effect:
      // render again rather than wait for a promise that has already settled.
      if (loaded) {
        setReady(true);
        return;
      }
      let live = true;
      preload().then(
        () => live && setReady(true),
        (error: unknown) => live && setFailure({ error }),
      );
      return () => {
        live = false;
      };
    }, []);
    if (failure) throw failure.error; // to the page's error boundary
    if (loaded) {
      const Component = loaded;
      return <Component {...props} />;
    }
    return <Loading />;
  }
  return Object.assign(Lazy, { preload });
}

/** What a page shows while its chunk loads: a status (announced politely), no heading to steal focus. */
function Loading() {
  const { t } = useLang();
  return (
    <p class="loading" role="status">
      {t('shell.loading')}
    </p>
  );
}

/**
 * A page's chunk together with the messages of the parts it shows (their slices are not in the
 * shell's catalogue, see src/ui/messages/en.ts): the page renders only once both are in.
 */
function withMessages<T>(page: Promise<T>, ...areas: Promise<Parameters<typeof addMessages>[0]>[]): Promise<T> {
  return Promise.all([page, ...areas]).then(([loadedPage, ...slices]) => {
    for (const slice of slices) addMessages(slice);
    return loadedPage;
  });
}

const detailMessages = () => import('./messages/areas/detail').then((m) => m.detail);
const viewerMessages = () => import('./messages/areas/viewer').then((m) => m.viewer);
const presentMessages = () => import('./messages/areas/present').then((m) => m.present);
const linkedinMessages = () => import('./messages/areas/linkedin').then((m) => m.linkedin);
const collectionsMessages = () => import('./messages/areas/collections').then((m) => m.collections);

export const LazyDetailPage = lazyComponent<{ id: BadgeId }>(() =>
  withMessages(
    import('./detail/DetailPage').then((m) => m.DetailPage),
    detailMessages(),
    linkedinMessages(),
    collectionsMessages(),
  ),
);
export const LazyImportPanel = lazyComponent<{}>(() => import('./import/ImportPanel').then((m) => m.ImportPanel));
export const LazyProfilePage = lazyComponent<{}>(() => import('./profile/ProfilePage').then((m) => () => <m.ProfilePage />));
export const LazyCollectionsPage = lazyComponent<{}>(() =>
  withMessages(
    import('./collections/CollectionsPage').then((m) => () => <m.CollectionsPage />),
    collectionsMessages(),
  ),
);
export const LazyCollectionPage = lazyComponent<{ id: CollectionId }>(() => withMessages(import('./collections/CollectionPage').then((m) => m.CollectionPage), collectionsMessages()));
export const LazyViewerPage = lazyComponent<{}>(() =>
  withMessages(
    import('./viewer/ViewerPage').then((m) => () => <m.ViewerPage />),
    viewerMessages(),
    detailMessages(),
  ),
);
export const LazyPresentPage = lazyComponent<{ target: PresentTarget }>(() => withMessages(import('./present/PresentPage').then((m) => m.PresentPage), presentMessages()));
export const LazyAnnexPage = lazyComponent<{ id: CollectionId }>(() => withMessages(import('./present/AnnexPage').then((m) => m.AnnexPage), presentMessages()));

/** Run `work` when the browser is idle (soon after the first screen is painted), or after a short delay where idle callbacks are missing. */
export function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 3000 });
  else setTimeout(work, 200);
}

/** Load the lazy pages ahead of use, quietly (a failure is retried when the page is opened). */
export function warmLazyPages(): Promise<void> {
  return Promise.allSettled([
    LazyDetailPage.preload(),
    LazyImportPanel.preload(),
    LazyProfilePage.preload(),
    LazyCollectionsPage.preload(),
    LazyCollectionPage.preload(),
    LazyViewerPage.preload(),
    LazyPresentPage.preload(),
    LazyAnnexPage.preload(),
  ]).then(() => undefined);
}
