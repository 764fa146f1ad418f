/**
 * The frame around every page: a skip link, the header (name, main navigation, language), an
 * offline notice, the main landmark with the current page, and the notifications area.
 */
import type { ComponentChildren, ComponentType } from 'preact';
import { useEffect } from 'preact/hooks';
import type { BadgeId, CollectionId } from '../../app/types';
import { useLang } from '../context';
import { languages, type Lang, type MessageKey } from '../messages';
import { Link, pathOf, useRoute, type PresentTarget, type Route } from '../router';
import { useAutoReverify, useDbReplacedNotice } from './background';
import { ErrorBoundary } from './ErrorBoundary';
import { PageHeading } from './PageHeading';
import { useOnline } from './useOnline';

export interface ShellProps {
  /** The page for each route; a missing one shows a short "not available" page. */
  readonly pages: {
    readonly library: ComponentType;
    readonly badge: ComponentType<{ id: BadgeId }>;
    readonly import?: ComponentType | undefined;
    readonly profile?: ComponentType | undefined;
    readonly collections?: ComponentType | undefined;
    readonly collection?: ComponentType<{ id: CollectionId }> | undefined;
    readonly viewer?: ComponentType | undefined;
    readonly present?: ComponentType<{ target: PresentTarget }> | undefined;
    readonly annex?: ComponentType<{ id: CollectionId }> | undefined;
  };
  /** Shown above the page inside main (the update prompt, for instance). */
  readonly banner?: ComponentChildren;
  /** Re-verify stale badges in the background when online (the app: yes; tests: as they choose). */
  readonly autoReverify?: boolean;
}

const NAV: readonly { readonly route: Route['name']; readonly key: MessageKey }[] = [
  { route: 'library', key: 'shell.nav.library' },
  { route: 'collections', key: 'shell.nav.collections' },
  { route: 'import', key: 'shell.nav.import' },
  { route: 'profile', key: 'shell.nav.profile' },
];

export function Shell({ pages, banner, autoReverify = false }: ShellProps) {
  const { t, lang, setLang } = useLang();
  const route = useRoute();
  const online = useOnline();
  useAutoReverify(autoReverify);
  useDbReplacedNotice();

  const focusMain = (event: MouseEvent) => {
    // Not a fragment navigation: the #fragment is kept for share links.
    event.preventDefault();
    const target = document.querySelector<HTMLElement>('main h1') ?? document.getElementById('main');
    target?.focus();
  };

  const current = route.name === 'badge' ? 'library' : route.name === 'collection' || route.name === 'annex' ? 'collections' : route.name;
  let page: ComponentChildren;
  switch (route.name) {
    case 'library':
      page = <pages.library />;
      break;
    case 'badge':
      page = <pages.badge id={route.id} />;
      break;
    case 'import':
      page = pages.import ? <pages.import /> : <Unavailable />;
      break;
    case 'profile':
      page = pages.profile ? <pages.profile /> : <Unavailable />;
      break;
    case 'collections':
      page = pages.collections ? <pages.collections /> : <Unavailable />;
      break;
    case 'collection':
      page = pages.collection ? <pages.collection id={route.id} /> : <Unavailable />;
      break;
    case 'viewer':
      page = pages.viewer ? <pages.viewer /> : <Unavailable />;
      break;
    case 'present':
      page = pages.present ? <pages.present target={route.target} /> : <Unavailable />;
      break;
    case 'annex':
      page = pages.annex ? <pages.annex id={route.id} /> : <Unavailable />;
      break;
    case 'notFound':
      page = <NotFound />;
      break;
  }

  const boundaryKey =
    route.name === 'badge' || route.name === 'collection' || route.name === 'annex'
      ? `${route.name}:${route.id}`
      : route.name === 'present'
        ? `present:${route.target.kind}:${route.target.id}`
        : route.name;

  // Interview mode is the whole screen: no header, no navigation (it has its own way out).
  if (route.name === 'present') {
    return (
      <main id="main" tabIndex={-1} class="present-main">
        <ErrorBoundary key={boundaryKey}>{page}</ErrorBoundary>
      </main>
    );
  }

  return (
    <div class="app">
      <a class="skip-link" href="#main" onClick={focusMain}>
        {t('shell.skip')}
      </a>
      <header class="masthead">
        <div class="masthead-inner">
          <Link href={pathOf({ name: 'library' })} class="brand" aria-label={t('shell.home')}>
            <img src={`${import.meta.env.BASE_URL}icon.svg`} alt="" width={32} height={32} class="brand-icon" />
            <span class="brand-name">{t('app.name')}</span>
          </Link>
          <label class="lang">
            <span class="lang-label">{t('lang.label')}</span>
            <select value={lang} onChange={(e) => setLang((e.currentTarget as HTMLSelectElement).value as Lang)}>
              {languages.map((l) => (
                <option key={l} value={l} lang={l}>
                  {t(`lang.${l}`)}
                </option>
              ))}
            </select>
          </label>
          <nav class="mainnav" aria-label={t('shell.nav.label')}>
            <ul>
              {NAV.map((item) => (
                <li key={item.route}>
                  <Link href={pathOf({ name: item.route } as Route)} aria-current={current === item.route ? 'page' : undefined}>
                    {t(item.key)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </div>
        <div class="offline-slot" role="status">
          {!online && (
            <p class="offline">
              <strong>{t('shell.offline.title')}</strong> {t('shell.offline.body')}
            </p>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1} class="page">
        {banner}
        {(route.name === 'import' || route.name === 'profile') && <RouteTitle title={t(`shell.nav.${route.name}`)} />}
        <ErrorBoundary key={boundaryKey}>{page}</ErrorBoundary>
      </main>
    </div>
  );
}

/** The tab's title for pages that other parts provide (they may set a more precise one: theirs runs after). */
function RouteTitle({ title }: { title: string }) {
  useDocumentTitle(title);
  return null;
}

function NotFound() {
  const { t } = useLang();
  useDocumentTitle(t('shell.notFound.title'));
  return <NotFoundSection title={t('shell.notFound.title')} body={t('shell.notFound.body')} />;
}

/** Something asked for is not there: say so, and offer the way back to the list. */
export function NotFoundSection({ title, body }: { title: string; body: string }) {
  const { t } = useLang();
  return (
    <section>
      <PageHeading>{title}</PageHeading>
      <p>{body}</p>
      <p>
        <Link href={pathOf({ name: 'library' })} class="button">
          {t('shell.notFound.back')}
        </Link>
      </p>
    </section>
  );
}

function Unavailable() {
  const { t } = useLang();
  useDocumentTitle(t('shell.unavailable.title'));
  return (
    <section>
      <PageHeading>{t('shell.unavailable.title')}</PageHeading>
      <p>{t('shell.unavailable.body')}</p>
    </section>
  );
}

/** "My badges — Besace": each page names itself in the tab and the history. */
export function useDocumentTitle(page: string | null): void {
  const { t } = useLang();
  useEffect(() => {
    document.title = page ? t('shell.title', { page }) : t('app.name');
  }, [page, t]);
}
