/**
 * The data-safety drills' badges: distinct OB 3.0 VC-JWT credentials (EdDSA, the issuer a did:key, so
 * the signature and the issuer's key check out with no network), each baked into a small PNG with the
 * core's bake(), with a `series` letter so that two sets never share a badge. The bench's import of
 * 1,000 badges (tests/bench/app.ts) uses the same maker.
 */
import { createHash } from 'node:crypto';
import { base58, base64urlnopad } from '@scure/base';
import { CompactSign, exportJWK, generateKeyPair } from 'jose';
import { bake } from '../../../src/core/baking';
import { makePng } from '../../fixtures/ours/png-tools';

export interface DrillBadge {
  /** The file name it is dropped with ("a-0007.png"). */
  readonly fileName: string;
  /** The credential's name, as the app shows it. */
  readonly name: string;
  readonly bytes: Buffer;
  /** SHA-256 of the bytes, hex: the id the backpack gives it. */
  readonly id: string;
}

const SKILLS = ['Robotics', 'Volunteering', 'First aid', '3D printing', 'Public speaking', 'Data analysis', 'Climbing', 'Cooking', 'Photography', 'Team leadership'];
const ISSUERS = ['Atelier Numérique', 'City Sports Club', 'Open University', 'Red Cross Local', 'Maker Space'];

/** `count` distinct baked PNGs of series `series` (one lower-case letter or word: part of every id and name). */
export async function makeBadges(count: number, series: string): Promise<DrillBadge[]> {
  const { privateKey, publicKey } = await generateKeyPair('Ed25519', { extractable: true });
  const { x } = await exportJWK(publicKey);
  const multikey = `z${base58.encode(new Uint8Array([0xed, 0x01, ...base64urlnopad.decode(x!)]))}`;
  const did = `did:key:${multikey}`;
  const image = makePng(48, 48);
  const encoder = new TextEncoder();
  const hex = Buffer.from(series).toString('hex').slice(0, 8).padStart(8, '0');
  const badges: DrillBadge[] = [];
  for (let i = 0; i < count; i++) {
    const id = `urn:uuid:${hex}-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const name = `${SKILLS[i % SKILLS.length]} ${series}${i + 1}`;
    const credential = {
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      id,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: did, type: ['Profile'], name: ISSUERS[i % ISSUERS.length] },
      validFrom: '2024-01-01T00:00:00Z',
      name,
      credentialSubject: {
        id: 'did:example:earner-1',
        type: ['AchievementSubject'],
        achievement: {
          id: `https://achievements.besace.test/${series}/${i}`,
          type: ['Achievement'],
          criteria: { narrative: `Showed ${name.toLowerCase()} in front of an assessor.` },
          description: `A drill badge for ${name}.`,
          name,
        },
      },
    };
    const jwt = await new CompactSign(encoder.encode(JSON.stringify({ ...credential, iss: did, jti: id, nbf: Date.parse('2024-01-01T00:00:00Z') / 1000 })))
      .setProtectedHeader({ alg: 'EdDSA', kid: `${did}#${multikey}` })
      .sign(privateKey);
    const baked = bake(image, jwt, '3.0');
    if (!baked.ok) throw new Error(`bake failed: ${JSON.stringify(baked.error)}`);
    const bytes = Buffer.from(baked.value.bytes);
    badges.push({ fileName: `${series}-${String(i).padStart(4, '0')}.png`, name, bytes, id: createHash('sha256').update(bytes).digest('hex') });
  }
  return badges;
}
