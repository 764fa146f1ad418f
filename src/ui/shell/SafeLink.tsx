import type { ComponentChildren } from 'preact';
import { safeLinkHref } from './urls';

/**
 * A link to somewhere a badge names, only when safeLinkHref accepts it (https:); otherwise
 * `fallback` (plain text, or nothing). Opens in a new tab, with no opener and no referrer.
 * `showHost`: the link's text is the site's host name ("issuer.example"), not the badge's words.
 */
export function SafeLink({
  href,
  children,
  fallback,
  showHost,
  class: className,
}: {
  href: string | null | undefined;
  children: ComponentChildren;
  fallback: ComponentChildren;
  showHost?: boolean;
  class?: string;
}) {
  const safe = safeLinkHref(href);
  if (safe === null) return <>{fallback}</>;
  const url = new URL(safe);
  const text = showHost ? `${url.host}${url.pathname === '/' ? '' : url.pathname}` : children;
  return (
    <a href={safe} class={className} target="_blank" rel="noopener noreferrer" referrerpolicy="no-referrer">
      {text}
    </a>
  );
}
