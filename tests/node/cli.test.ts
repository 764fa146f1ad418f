/**
 * The command line is part of the product: its JSON output and exit statuses are a contract.
 * These tests run the real dispatcher over real files, capturing what it prints.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/node/cli/main';

const corpus = (p: string) => join(import.meta.dirname, '../fixtures/corpus', p);

async function run(args: string[], env: NodeJS.ProcessEnv = { LANG: 'en_GB.UTF-8' }) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, env);
  return { status, out, err, json: () => out.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('cli extract', () => {
  it('prints one JSON object per input, input exactly as given, and exits 0 when all extracted', async () => {
    const inputs = [corpus('1edtech-dcpv/ob30/simple-jwt.png'), corpus('1edtech-dcpv/ob30/simple-json.svg'), corpus('mozilla-backpack/valid-baked.png')];
    const r = await run(['extract', ...inputs]);
    expect(r.status).toBe(0);
    const [jwt, svg, legacy] = r.json();
    expect(jwt).toMatchObject({ input: inputs[0], container: 'png', obVersionHint: '3.0', payloadKind: 'jwt', warnings: [] });
    expect(String(jwt!.payload).split('.')).toHaveLength(3);
    expect(svg).toMatchObject({ input: inputs[1], container: 'svg', obVersionHint: '3.0', payloadKind: 'json' });
    expect(JSON.parse(String(svg!.payload)).type).toContain('OpenBadgeCredential');
    expect(legacy).toMatchObject({ container: 'png', payloadKind: 'url' });
    expect(String(legacy!.payload)).toMatch(/^https:\/\//);
  });

  it('gives typed codes with translated messages, and exits 1 when any input failed', async () => {
    const r = await run(['extract', corpus('mozilla-backpack/history-2012/sneaky-badge.png'), corpus('mozilla-bakery/unbaked.png'), 'no/such/file.png']);
    expect(r.status).toBe(1);
    const [jpeg, unbaked, missing] = r.json();
    expect(jpeg).toMatchObject({ error: { code: 'UNSUPPORTED_IMAGE', params: { format: 'jpeg' } } });
    expect(String((jpeg!.error as { message: string }).message)).toContain('a JPEG file');
    expect(unbaked).toMatchObject({ error: { code: 'UNBAKED_IMAGE' } });
    expect(missing).toMatchObject({ input: 'no/such/file.png', error: { code: 'NOT_FOUND' } });
    const fr = await run(['extract', '--lang', 'fr', corpus('mozilla-bakery/unbaked.png')]);
    expect(String((fr.json()[0]!.error as { message: string }).message)).toContain('ne contient pas de données de badge');
  });
});

describe('cli bake', () => {
  it('bakes a payload into a PNG and an SVG that extract gives back exactly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'besace-cli-'));
    const payloadFile = join(dir, 'badge.json');
    const payload = JSON.stringify({ '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: 'https://example.org/a.json', note: 'é ]]> <&>' });
    writeFileSync(payloadFile, payload);
    for (const [image, out] of [
      [corpus('mozilla-bakery/unbaked.png'), join(dir, 'out.png')],
      [corpus('mozilla-bakery/unbaked.svg'), join(dir, 'out.svg')],
    ] as const) {
      const baked = await run(['bake', image, payloadFile, '-o', out]);
      expect(baked.status, baked.err.join('\n')).toBe(0);
      const extracted = await run(['extract', out]);
      expect(extracted.json()[0]).toMatchObject({ payload, payloadKind: 'json', obVersionHint: '2.0' });
    }
    expect(readFileSync(join(dir, 'out.png')).subarray(1, 4).toString()).toBe('PNG');
  });

  it('refuses a usage error with exit status 2 and says how to get help', async () => {
    const r = await run(['bake', corpus('mozilla-bakery/unbaked.png')]);
    expect(r.status).toBe(2);
    expect(r.err.join('\n')).toContain('--help');
  });
});

describe('cli help and usage', () => {
  it('documents every command, in English and in French', async () => {
    const en = await run(['--help']);
    expect(en.status).toBe(0);
    for (const word of ['extract FILE', 'bake IMAGE PAYLOAD_FILE -o OUT', 'verify INPUT', '--documents', '--json']) expect(en.out.join('\n')).toContain(word);
    const fr = await run(['help'], { LANG: 'fr_FR.UTF-8' });
    expect(fr.out.join('\n')).toContain('Commandes');
  });

  it('rejects an unknown command and an unknown option with status 2', async () => {
    expect((await run(['frobnicate'])).status).toBe(2);
    expect((await run(['extract', '--nope', 'x'])).status).toBe(2);
  });
});
