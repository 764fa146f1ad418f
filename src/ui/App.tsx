/**
 * The whole app around one BackpackService: contexts (backpack, language, notifications), the
 * rescue boundary, the shell and its pages. main.tsx builds the service and hands it over; tests do
 * the same with a backpack over fake-indexeddb. The badge page is loaded on first use (./lazy).
 */
import type { ComponentChildren, ComponentType } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { BackpackService } from '../app/types';
import { BackpackContext, LangProvider } from './context';
import { LazyAnnexPage, LazyCollectionPage, LazyCollectionsPage, LazyDetailPage, LazyPresentPage, LazyViewerPage } from './lazy';
import { LibraryPage } from './library/LibraryPage';
import { pickLang, type Lang } from './messages';
import { ErrorBoundary } from './shell/ErrorBoundary';
import { Shell } from './shell/Shell';
import { ToastProvider } from './shell/toast';

export interface AppProps {
  readonly backpack: BackpackService;
  /** The language before the saved setting is read (default: the browser's). Tests set it. */
  readonly initialLang?: Lang;
  /** The pages other parts of the app provide (the importer, the profile). */
  readonly pages?: { readonly import?: ComponentType; readonly profile?: ComponentType };
  /** Wraps the shell inside the app's contexts (the importer's provider, for instance). */
  readonly Wrapper?: ComponentType<{ children: ComponentChildren }>;
  /** Shown at the top of every page (the update prompt). */
  readonly banner?: ComponentChildren;
  /** Re-verify stale badges in the background when online (main.tsx turns it on). */
  readonly autoReverify?: boolean;
}

export function browserLang(): Lang {
  if (typeof navigator === 'undefined') return 'en';
  return pickLang(navigator.languages?.length ? navigator.languages : [navigator.language ?? 'en']);
}

export function App({ backpack, initialLang, pages, Wrapper, banner, autoReverify }: AppProps) {
  const [lang, setLangState] = useState<Lang>(() => initialLang ?? browserLang());
  const chosen = useRef(false);

  // The saved choice wins over the browser's language, unless the earner already chose here.
  useEffect(() => {
    let live = true;
    backpack.settings().then(
      (settings) => {
        if (live && !chosen.current && settings.lang) setLangState(settings.lang);
      },
      () => undefined, // no settings yet: the browser's language stays
    );
    return () => {
      live = false;
    };
  }, [backpack]);

  const setLang = useCallback(
    (next: Lang) => {
      chosen.current = true;
      setLangState(next);
      backpack.updateSettings({ lang: next }).catch((error: unknown) => console.error('Besace: the language could not be saved', error));
    },
    [backpack],
  );

  // Before paint: screen readers must never read French words with an English voice.
  useLayoutEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const shell = (
    <Shell
      pages={{
        library: LibraryPage,
        badge: LazyDetailPage,
        import: pages?.import,
        profile: pages?.profile,
        collections: LazyCollectionsPage,
        collection: LazyCollectionPage,
        viewer: LazyViewerPage,
        present: LazyPresentPage,
        annex: LazyAnnexPage,
      }}
      banner={banner}
      autoReverify={autoReverify ?? false}
    />
  );
  return (
    <BackpackContext.Provider value={backpack}>
      <LangProvider lang={lang} setLang={setLang}>
        <ErrorBoundary top>
          <ToastProvider>{Wrapper ? <Wrapper>{shell}</Wrapper> : shell}</ToastProvider>
        </ErrorBoundary>
      </LangProvider>
    </BackpackContext.Provider>
  );
}
