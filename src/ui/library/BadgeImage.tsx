/**
 * A badge's picture. The earner's own file when it is an image (a baked PNG or SVG: the exact bytes,
 * through a blob: URL revoked when the picture goes away), else the image the badge carries as a
 * PNG/SVG data: URI (safeImageSrc). An image the badge only links to (https:) is not loaded: looking
 * at one's backpack must not tell an issuer anything, and the only requests Besace makes are the
 * checks verification needs. Always an <img>: an SVG from a badge is never put into the page
 * itself, so its scripts and links are inert. Nothing usable → a neutral placeholder.
 */
import { useEffect, useState } from 'preact/hooks';
import type { BadgeRecord } from '../../app/types';
import { safeImageSrc } from '../shell/urls';

const IMAGE_TYPES: ReadonlySet<string> = new Set(['image/png', 'image/svg+xml']);

/** The blob: URL of the original file while mounted, when the file is a PNG or SVG image. */
function useOriginalImageUrl(record: BadgeRecord): { usable: boolean; url: string | null } {
  const { bytes, mediaType } = record.original;
  const usable = IMAGE_TYPES.has(mediaType) && bytes.byteLength > 0;
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!usable || typeof URL.createObjectURL !== 'function') {
      setUrl(null);
      return undefined;
    }
    const made = URL.createObjectURL(new Blob([bytes.slice()], { type: mediaType }));
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [record.id, usable, bytes, mediaType]);
  return { usable, url };
}

export function BadgeImage({ record, size, alt = '', class: className }: { record: BadgeRecord; size: number; alt?: string; class?: string }) {
  const own = useOriginalImageUrl(record);
  const [failed, setFailed] = useState<string | null>(null);
  // The earner's own image file first; an image carried inside the badge otherwise. Never a request.
  const named = safeImageSrc(record.badge?.image?.src);
  const src = own.usable ? own.url : named?.startsWith('data:') ? named : null;
  const classes = `badge-image${className ? ` ${className}` : ''}`;
  if (!src || failed === src) {
    const initial = (record.badge?.name?.trim() || '?').slice(0, 1).toUpperCase();
    return (
      <span class={`${classes} badge-image-placeholder`} aria-hidden="true">
        {initial}
      </span>
    );
  }
  return (
    <img
      class={classes}
      src={src}
      alt={alt}
      width={size}
      height={size}
      loading="lazy"
      decoding="async"
      referrerpolicy="no-referrer"
      onError={() => setFailed(src)}
    />
  );
}
