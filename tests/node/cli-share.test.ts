/** `share`, `open` and `linkedin`: share → open gives the verdicts `verify` gives on the files. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/node/cli/main';

const corpus = (p: string) => join(import.meta.dirname, '../fixtures/corpus', p);
const MOCKS = corpus('MOCKS.tsv');
const NOW = '2026-01-01T00:00:00Z';

async function run(args: string[], env: NodeJS.ProcessEnv = { LANG: 'en_GB.UTF-8' }) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, env);
  return { status, out, err, json: () => out.map((l) => JSON.parse(l) as Record<string, unknown>) };
}
const summary = (r: Record<string, unknown>) => ({ verdict: r['verdict'], badge: r['badge'], checks: (r['checks'] as { id: string; status: string; code: string }[]).map((c) => [c.id, c.status, c.code]) });

describe('cli share → open', () => {
  const files = ['1edtech-dcpv/ob30/simple-jwt.png', '1edtech-dcpv/ob20/simple.jwt', '1edtech-dcpv/ob20/basic-assertion.json', '1edtech-dcpv/ob30/simple-json.svg'].map(corpus);

  it('gives the same verdicts and checks as verify on the files, each named LINK#i', async () => {
    const shared = await run(['share', ...files, '--title', 'Mes badges & co', '--base', 'https://besace.example/app/', '--json', '--now', NOW]);
    expect(shared.status, shared.err.join('\n')).toBe(0);
    const { url, bytes } = shared.json()[0] as { url: string; bytes: number };
    expect(url).toMatch(/^https:\/\/besace\.example\/app\/#v2\.[A-Za-z0-9_-]+$/);
    expect(bytes).toBe(url.length);
    const opened = await run(['open', url, '--documents', MOCKS, '--now', NOW, '--json']);
    const verified = await run(['verify', ...files, '--documents', MOCKS, '--now', NOW, '--json']);
    expect(opened.status).toBe(verified.status);
    expect(opened.json().map((r) => r['input'])).toEqual(['LINK#0', 'LINK#1', 'LINK#2', 'LINK#3']);
    expect(opened.json().map(summary)).toEqual(verified.json().map(summary));
    expect(opened.json().map((r) => r['verdict'])).toEqual(['warning', 'valid', 'valid', 'warning']);
    const readable = await run(['open', url, '--documents', MOCKS, '--now', NOW]);
    expect(readable.out[0]).toMatch(/^LINK#0 — /);
  });

  it('prints the link alone by default, and writes a QR code as PNG or SVG', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'besace-share-'));
    const png = join(dir, 'qr.png');
    const r = await run(['share', corpus('1edtech-dcpv/ob20/basic-assertion.json'), '--qr', png]);
    expect(r.status, r.err.join('\n')).toBe(0);
    expect(r.out).toHaveLength(1);
    expect(r.out[0]).toMatch(/^http:\/\/localhost:4173\/#v2\./);
    expect([...readFileSync(png).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const svg = join(dir, 'qr.svg');
    const j = await run(['share', corpus('1edtech-dcpv/ob20/basic-assertion.json'), '--qr', svg, '--json']);
    expect(j.json()[0]).toMatchObject({ qr: { version: expect.any(Number), errorCorrection: 'M' } });
    expect(readFileSync(svg, 'utf8')).toContain('<svg');
  });

  it('says so when the link is too long for a QR code, and still exits 0', async () => {
    const r = await run(['share', ...files, '--json']);
    expect(r.status).toBe(0);
    expect(r.json()[0]).toMatchObject({ qr: null });
    expect(r.err.join('\n')).toContain('too long for a QR code');
  });

  it('open: a broken link gives a typed code and exit status 1; usage errors exit 2', async () => {
    const bad = await run(['open', 'https://besace.example/#v9.abc', '--json']);
    expect(bad.status).toBe(1);
    expect(bad.json()[0]).toMatchObject({ error: { code: 'UNKNOWN_VERSION' } });
    const fr = await run(['open', 'https://besace.example/', '--lang', 'fr']);
    expect(fr.out.join('\n')).toContain('NOT_A_SHARE_LINK');
    expect(fr.out.join('\n')).toContain('lien de partage');
    expect((await run(['open'])).status).toBe(2);
    expect((await run(['share', files[0]!, '--qr', 'out.gif'])).status).toBe(2);
    expect((await run(['share', 'no/such/file.png'])).status).toBe(1);
  });
});

describe('cli linkedin', () => {
  it('prints the add-to-profile link of a verified badge', async () => {
    const r = await run(['linkedin', corpus('1edtech-dcpv/ob20/simple.jwt'), '--documents', MOCKS, '--now', NOW, '--cert-url', 'https://besace.example/#v1.x']);
    expect(r.status, r.err.join('\n')).toBe(0);
    const url = new URL(r.out[0]!);
    expect(url.pathname).toBe('/profile/add');
    expect(url.searchParams.get('startTask')).toBe('CERTIFICATION_NAME');
    expect(url.searchParams.get('name')).toBeTruthy();
    expect(url.searchParams.get('certUrl')).toBe('https://besace.example/#v1.x');
    expect(Number(url.searchParams.get('issueMonth'))).toBeGreaterThanOrEqual(1);
  });

  it('refuses an invalid badge', async () => {
    const r = await run(['linkedin', corpus('1edtech-dcpv/ob20/simple-revoked.jwt'), '--documents', MOCKS, '--now', NOW]);
    expect(r.status).toBe(1);
    expect(r.out).toEqual([]);
    expect(r.err.join('\n')).toContain('no LinkedIn link');
  });

  it('is in the help, in English and French', async () => {
    for (const lang of ['en', 'fr']) {
      const help = (await run(['--help', '--lang', lang])).out.join('\n');
      for (const cmd of ['share ', 'open ', 'linkedin ', '--qr', '--cert-url']) expect(help).toContain(cmd);
    }
  });
});
