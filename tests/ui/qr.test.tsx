// @vitest-environment jsdom
/**
 * The QR code component draws the `qrcode` library's own modules: the <path> is read back module by
 * module and compared with QRCode.create's matrix. Too long a text draws nothing and says so.
 */
import { cleanup, render, screen } from '@testing-library/preact';
import QRCode from 'qrcode';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QrCode, qrVersion } from '../../src/ui/qr/QrCode';
import { qrPath } from '../../src/ui/qr/qr';

afterEach(cleanup);

/** The dark modules an <svg> drawn by QrCode shows, read back from its path, without the quiet zone. */
function modulesOfSvg(svg: Element): { size: number; modules: Uint8Array } {
  const viewBox = svg.getAttribute('viewBox')!.split(' ').map(Number);
  const side = viewBox[2]!;
  const size = side - 8;
  const modules = new Uint8Array(size * size);
  const d = svg.querySelector('path')!.getAttribute('d')!;
  const runs = [...d.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)];
  // Every command is a run: nothing else hides in the path.
  expect(runs.map((m) => m[0]).join('')).toBe(d);
  for (const [, x, y, n, back] of runs) {
    expect(back).toBe(n);
    const col = Number(x) - 4;
    const row = Number(y) - 4;
    for (let i = 0; i < Number(n); i++) {
      expect(row).toBeGreaterThanOrEqual(0);
      expect(col + i).toBeLessThan(size);
      modules[row * size + col + i] = 1;
    }
  }
  return { size, modules };
}

const LINK = 'https://besace.example/#v2.AAAAAGx1bWllcmUtZGUtdGVzdC1xdWktcmVtcGxpdC1sZS1jb2Rl';

describe('QrCode', () => {
  it('draws exactly the modules of QRCode.create, with a quiet zone, black on white', () => {
    render(<QrCode text={LINK} label="QR code of the link" />);
    const svg = screen.getByRole('img', { name: 'QR code of the link' });
    expect(svg.tagName.toLowerCase()).toBe('svg');
    expect(svg.getAttribute('shape-rendering')).toBe('crispEdges');
    const reference = QRCode.create(LINK, { errorCorrectionLevel: 'M' });
    const drawn = modulesOfSvg(svg);
    expect(drawn.size).toBe(reference.modules.size);
    expect([...drawn.modules]).toEqual([...reference.modules.data].map((b) => (b ? 1 : 0)));
    // Black modules on a white square that covers the quiet zone too.
    const rect = svg.querySelector('rect')!;
    expect(rect.getAttribute('fill')).toBe('#ffffff');
    expect(rect.getAttribute('width')).toBe(String(reference.modules.size + 8));
    expect(svg.querySelector('path')!.getAttribute('fill')).toBe('#000000');
    // Our own drawing: no image, no data: URL, nothing else inside.
    expect(svg.querySelectorAll('*')).toHaveLength(2);
    expect(svg.outerHTML).not.toMatch(/data:|<image|href/);
  });

  it('honours the error correction level', () => {
    render(<QrCode text={LINK} label="H" level="H" />);
    const reference = QRCode.create(LINK, { errorCorrectionLevel: 'H' });
    expect([...modulesOfSvg(screen.getByRole('img', { name: 'H' })).modules]).toEqual([...reference.modules.data].map((b) => (b ? 1 : 0)));
    expect(qrVersion(LINK, 'H')).toBe(reference.version);
    expect(qrVersion(LINK)).toBe(QRCode.create(LINK, { errorCorrectionLevel: 'M' }).version);
  });

  it('draws nothing for a text too long for a QR code, and says so', async () => {
    const tooLong = `https://besace.example/#${'x'.repeat(3000)}`;
    expect(qrVersion(tooLong)).toBeNull();
    expect(qrVersion('')).toBeNull();
    const onTooLong = vi.fn();
    const { container } = render(<QrCode text={tooLong} label="too long" onTooLong={onTooLong} />);
    expect(container.querySelector('svg')).toBeNull();
    await vi.waitFor(() => expect(onTooLong).toHaveBeenCalledTimes(1));
  });

  it('finds the largest version that still fits, and stops at 40', () => {
    // Version 40 at level M holds 2,331 bytes.
    expect(qrVersion('a'.repeat(2331))).toBe(40);
    expect(qrVersion('a'.repeat(2332))).toBeNull();
  });

  it('one rectangle per run of dark modules', () => {
    const matrix = { version: 1, size: 3, modules: Uint8Array.from([1, 1, 0, 0, 0, 0, 1, 0, 1]) };
    expect(qrPath(matrix)).toBe('M4 4h2v1h-2zM4 6h1v1h-1zM6 6h1v1h-1z');
  });
});
