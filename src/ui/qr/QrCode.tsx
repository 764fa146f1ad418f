/**
 * A QR code as our own <svg>: one white square, one black <path> of the modules, a quiet zone of
 * four modules. Black on white in every theme (readers want dark modules on a light ground, and
 * forced-colours modes are told to leave it alone in qr.css). No innerHTML, no data: URL.
 *
 * When the text does not fit a QR code, nothing is drawn and `onTooLong` is called: the caller says
 * so in words (callers usually check `qrVersion` first and never get there).
 */
import { useEffect, useMemo } from 'preact/hooks';
import { QUIET_ZONE, qrMatrix, qrPath, type QrLevel } from './qr';
import './qr.css';

export { qrVersion, qrMatrix, type QrLevel, type QrMatrix } from './qr';

export interface QrCodeProps {
  readonly text: string;
  /** What the code is, for screen readers ("QR code of the link to this collection"). */
  readonly label: string;
  readonly level?: QrLevel;
  readonly class?: string;
  readonly onTooLong?: () => void;
}

export function QrCode({ text, label, level = 'M', class: className, onTooLong }: QrCodeProps) {
  const matrix = useMemo(() => qrMatrix(text, level), [text, level]);
  const path = useMemo(() => (matrix ? qrPath(matrix) : ''), [matrix]);
  useEffect(() => {
    if (!matrix) onTooLong?.();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [matrix]);
  if (!matrix) return null;
  const side = matrix.size + 2 * QUIET_ZONE;
  return (
    <svg
      class={className ? `qr ${className}` : 'qr'}
      role="img"
      aria-label={label}
      viewBox={`0 0 ${side} ${side}`}
      shape-rendering="crispEdges"
      data-qr-version={matrix.version}
    >
      <rect width={side} height={side} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
