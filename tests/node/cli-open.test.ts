/**
 * `open` with what the app hands out: a collection downloaded as a file, a link that discloses the
 * earner's address (checked as the recipient), and a share whose end date has passed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/core/baking';
import { encodeShare, shareItemFromExtracted } from '../../src/core/share';
import { main } from '../../src/node/cli/main';

const corpus = (p: string) => join(import.meta.dirname, '../fixtures/corpus', p);
const MOCKS = corpus('MOCKS.tsv');
const NOW = '2026-01-01T00:00:00Z';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, { LANG: 'en_GB.UTF-8' });
  return { status, out, err, json: () => out.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

function itemOf(path: string) {
  const e = extract(new Uint8Array(readFileSync(corpus(path))));
  if (!e.ok) throw new Error(path);
  return shareItemFromExtracted(e.value);
}

// An OB 2.0 signed badge issued to nobody@example.org (hashed), and a revoked one.
const SIGNED = '1edtech-dcpv/ob20/simple.jwt';

describe('cli open', () => {
  it('opens a collection file downloaded from the app, as it opens the link', async () => {
    const link = encodeShare({ title: 'Stage', createdAt: NOW, badges: [itemOf(SIGNED)] }, 'https://besace.example/');
    const dir = mkdtempSync(join(tmpdir(), 'besace-open-'));
    const file = join(dir, 'Stage.besace-share.txt');
    writeFileSync(file, `${link}\n`);
    const fromFile = await run(['open', file, '--documents', MOCKS, '--now', NOW, '--json']);
    const fromLink = await run(['open', link, '--documents', MOCKS, '--now', NOW, '--json']);
    expect(fromFile.status).toBe(0);
    expect(fromFile.out).toEqual(fromLink.out);
    const missing = await run(['open', join(dir, 'nope.txt'), '--json']);
    expect(missing.status).toBe(1);
    expect(missing.json()[0]).toMatchObject({ error: { code: 'NOT_A_SHARE_LINK' } });
  });

  it('checks the recipient against the address the sharer disclosed', async () => {
    const recipientOf = async (recipient?: string) => {
      const link = encodeShare({ createdAt: NOW, badges: [itemOf(SIGNED)], ...(recipient ? { recipient } : {}) }, 'https://besace.example/');
      const r = await run(['open', link, '--documents', MOCKS, '--now', NOW, '--json']);
      const checks = r.json()[0]!['checks'] as { id: string; status: string; code: string }[];
      return checks.find((c) => c.id === 'recipient');
    };
    expect(await recipientOf('nobody@example.org')).toMatchObject({ status: 'pass', code: 'RECIPIENT_MATCH' });
    expect(await recipientOf('someone.else@example.org')).toMatchObject({ code: 'RECIPIENT_NO_MATCH' });
    expect((await recipientOf())?.code).not.toBe('RECIPIENT_MATCH');
  });

  it('says on stderr that a share has ended, and still verifies', async () => {
    const link = encodeShare({ createdAt: '2025-06-01T00:00:00Z', until: '2025-12-31T00:00:00Z', badges: [itemOf(SIGNED)] }, 'https://besace.example/');
    const r = await run(['open', link, '--documents', MOCKS, '--now', NOW, '--json']);
    expect(r.err.join('\n')).toContain('it has ended');
    expect(r.json()[0]).toMatchObject({ verdict: 'valid' });
    const before = await run(['open', link, '--documents', MOCKS, '--now', '2025-12-01T00:00:00Z', '--json']);
    expect(before.err).toEqual([]);
  });
});
