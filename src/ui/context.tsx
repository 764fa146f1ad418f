/**
 * What every component reaches through context: the backpack service and the language.
 * Components stay thin: they read through these hooks and render; the service does the work.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useState } from 'preact/hooks';
import type { BackpackService } from '../app/types';
import { t as translate, type Lang, type MessageKey } from './messages';

export const BackpackContext = createContext<BackpackService | null>(null);

export function useBackpack(): BackpackService {
  const backpack = useContext(BackpackContext);
  if (!backpack) throw new Error('useBackpack() outside <BackpackContext.Provider>');
  return backpack;
}

export interface LangState {
  readonly lang: Lang;
  readonly setLang: (lang: Lang) => void;
  /** The catalogue lookup, bound to the current language. */
  readonly t: (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string;
}

export const LangContext = createContext<LangState>({
  lang: 'en',
  setLang: () => undefined,
  t: (key, params) => translate('en', key, params),
});

export const useLang = (): LangState => useContext(LangContext);

export function LangProvider({ lang, setLang, children }: { lang: Lang; setLang: (l: Lang) => void; children: ComponentChildren }) {
  const t = useCallback((key: MessageKey, params?: Readonly<Record<string, string | number>>) => translate(lang, key, params), [lang]);
  return <LangContext.Provider value={{ lang, setLang, t }}>{children}</LangContext.Provider>;
}

export interface Loaded<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  readonly loading: boolean;
  readonly reload: () => void;
}

/**
 * Loads something from the backpack and loads it again after every change, in this tab or
 * another one (the service's subscribe). Errors are kept for the component to show in words.
 */
export function useBackpackData<T>(load: (backpack: BackpackService) => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const backpack = useBackpack();
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({ data: undefined, error: null, loading: true });
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  useEffect(() => backpack.subscribe(reload), [backpack, reload]);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load(backpack).then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error: unknown) => live && setState((s) => ({ data: s.data, error, loading: false })),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [backpack, tick, ...deps]);
  return { ...state, reload };
}
