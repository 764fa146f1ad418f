/**
 * A badge's picture. The earner's own file when it is an image (a baked PNG or SVG: the exact bytes,
 * through a blob: URL revoked when the picture goes away), else the image the badge names when it is
 * https: or a PNG/SVG data: URI (safeImageSrc). Always an <img>: an SVG from a badge is never put
 * into the page itself, so its scripts and links are inert. Nothing usable → a neutral placeholder.
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
  // The earner's own image file first (no request at all); the image the badge names otherwise.
  const src = own.usable ? own.url : safeImageSrc(record.badge?.image?.src);
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
