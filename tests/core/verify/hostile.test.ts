/**
 * Regressions found by `npm run fuzz`: hostile structures get a typed check, never INTERNAL_ERROR.
 * - JSON nested thousands of levels deep (a date, a JWT claim) used to overflow the stack in
 *   JSON.stringify or jsonld: now TOO_DEEP where the document enters (src/core/verify/depth.ts).
 * - A prototype key as `cryptosuite` ("constructor") used to read Object.prototype's member.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../../../src/core/verify';
import { MAX_DEPTH } from '../../../src/core/verify/depth';
import { corpusNet, ctxWith, readCorpusJson, readCorpusText } from './ob3/support';

/** JSON text of `leaf` inside `depth` arrays (written as text: JSON.stringify itself would overflow). */
const nestedText = (depth: number, leaf: string): string => `${'['.repeat(depth)}${leaf}${']'.repeat(depth)}`;
/** A document's JSON with one property replaced by raw JSON text. */
const withRaw = (doc: Record<string, unknown>, key: string, raw: string): string => JSON.stringify({ ...doc, [key]: '§RAW§' }).replace('"§RAW§"', raw);
const nested = (depth: number, leaf: unknown): unknown => JSON.parse(nestedText(depth, JSON.stringify(leaf)));
const codes = (report: Awaited<ReturnType<typeof verify>>) => report.checks.map((c) => c.code);

describe('hostile structures get a typed check', () => {
  it('an OB 3.0 credential nested 20,000 levels deep → parse fail TOO_DEEP', async () => {
    const text = withRaw(readCorpusJson('1edtech-dcpv/ob30/simple.json'), 'validFrom', nestedText(20_000, '"2024-01-01T00:00:00Z"'));
    const report = await verify({ kind: 'text', text }, ctxWith(await corpusNet()));
    expect(report.checks).toContainEqual({ id: 'parse', status: 'fail', code: 'TOO_DEEP' });
    expect(codes(report)).not.toContain('INTERNAL_ERROR');
    expect(report.verdict).toBe('invalid');
  });

  it('just under the limit is read as usual (the limit is not a false alarm)', async () => {
    const doc = { ...readCorpusJson('1edtech-dcpv/ob30/simple.json'), extra: nested(MAX_DEPTH - 3, 1) };
    const report = await verify({ kind: 'text', text: JSON.stringify(doc) }, ctxWith(await corpusNet()));
    expect(codes(report)).not.toContain('TOO_DEEP');
    expect(codes(report)).not.toContain('INTERNAL_ERROR');
  });

  it('a VC-JWT whose claims nest 10,000 levels deep → refused, typed', async () => {
    const doc = readCorpusJson('1edtech-dcpv/ob30/simple.json');
    const payload = withRaw({ ...doc, vc: doc }, 'iss', nestedText(10_000, '"x"'));
    const b64 = (s: string) => Buffer.from(s).toString('base64url');
    const jwt = `${b64(JSON.stringify({ alg: 'EdDSA' }))}.${b64(payload)}.${b64('sig')}`;
    const report = await verify({ kind: 'text', text: jwt }, ctxWith(await corpusNet()));
    expect(codes(report)).not.toContain('INTERNAL_ERROR');
    expect(report.verdict).toBe('invalid');
  });

  it('a DataIntegrityProof whose cryptosuite is "constructor" or "__proto__" is an unknown suite, not a crash', async () => {
    const base = JSON.parse(readCorpusText('1edtech-dcpv/ob30/simple.json')) as { proof: Record<string, unknown> | Record<string, unknown>[] };
    for (const suite of ['constructor', 'toString', '__proto__']) {
      const proofs = Array.isArray(base.proof) ? base.proof : [base.proof];
      const doc = { ...base, proof: proofs.map((p) => ({ ...p, type: 'DataIntegrityProof', cryptosuite: suite })) };
      const report = await verify({ kind: 'text', text: JSON.stringify(doc) }, ctxWith(await corpusNet()));
      expect(codes(report), suite).not.toContain('INTERNAL_ERROR');
      expect(report.checks.find((c) => c.id === 'signature')?.status, suite).not.toBe('pass');
    }
  });
});
