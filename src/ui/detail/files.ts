/**
 * What the two download buttons hand over: the original file, byte for byte, under its own name
 * (or `badge-<first 8 of the id>.<ext>`), and the raw badge data found inside it (the JSON, JWS or
 * JWT exactly as baked).
 */
import type { BadgeRecord } from '../../app/types';
import { safeFileName } from '../shell/download';

export interface Download {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly type: string;
  readonly ext: string;
  /** The format's name as shown on the button (JSON, JWS, JWT, URL). */
  readonly label: string;
}

const EXT_BY_TYPE: Readonly<Record<string, string>> = {
  'image/png': 'png',
  'image/svg+xml': 'svg',
  'application/json': 'json',
};

const RAW: Readonly<Record<BadgeRecord['extracted']['payloadKind'], { ext: string; type: string; label: string }>> = {
  json: { ext: 'json', type: 'application/json', label: 'JSON' },
  jws: { ext: 'jws', type: 'application/jose', label: 'JWS' },
  jwt: { ext: 'jwt', type: 'application/jwt', label: 'JWT' },
  url: { ext: 'txt', type: 'text/plain', label: 'URL' },
};

const stem = (record: BadgeRecord): string => `badge-${record.id.slice(0, 8)}`;

export function originalDownload(record: BadgeRecord): Download {
  const { bytes, mediaType, fileName } = record.original;
  const ext = EXT_BY_TYPE[mediaType] ?? (mediaType === 'text/plain' ? RAW[record.extracted.payloadKind].ext : 'bin');
  return {
    bytes,
    fileName: safeFileName(fileName, `${stem(record)}.${ext}`),
    type: mediaType || 'application/octet-stream',
    ext: ext.toUpperCase(),
    label: ext.toUpperCase(),
  };
}

/**
 * The badge data inside an image (PNG/SVG). For a JSON, JWS or JWT file the original already is
 * that data, so there is nothing more to offer: null.
 */
export function rawDownload(record: BadgeRecord): Download | null {
  const { container, payloadKind, payload } = record.extracted;
  if (container !== 'png' && container !== 'svg') return null;
  const kind = RAW[payloadKind];
  // "my-badge.png" → "my-badge.json"; no name → "badge-1a2b3c4d.json".
  const own = safeFileName(record.original.fileName, '').replace(/\.[^.]*$/, '');
  return {
    bytes: new TextEncoder().encode(payload),
    fileName: `${own || stem(record)}.${kind.ext}`,
    type: kind.type,
    ext: kind.ext.toUpperCase(),
    label: kind.label,
  };
}
