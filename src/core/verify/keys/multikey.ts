/**
 * Public keys as they appear in credentials: Multikey (`publicKeyMultibase`, did:key, the fragment of a
 * verification method), legacy base58 (`publicKeyBase58`) and JWK. One shape inside: `PublicKey`.
 *
 * Multikey = multibase (`z` base58btc, or `u` base64url) of a multicodec varint header + key bytes:
 *   0xed 0x01 Ed25519 (32 bytes) → always "z6Mk…"
 *   0x80 0x24 P-256 (33-byte compressed SEC1) → "zDn…"
 *   0x81 0x24 P-384 (49-byte compressed SEC1) → "z82…"
 * Compressed EC points are decompressed with @noble/curves (WebCrypto imports only uncompressed points).
 */
import { p256, p384 } from '@noble/curves/nist.js';
import { base58, base64urlnopad } from '@scure/base';
import { err, ok, type Result } from '../../result';

export type KeyType = 'Ed25519' | 'P-256' | 'P-384';

export interface PublicKey {
  readonly type: KeyType;
  /** Ed25519: the 32 raw bytes; P-256/P-384: the uncompressed SEC1 point (0x04 ‖ x ‖ y). */
  readonly bytes: Uint8Array;
}

export type KeyDecodeError = 'NOT_MULTIBASE' | 'UNSUPPORTED_KEY_TYPE' | 'BAD_KEY';

/** Multibase prefixes of the key types we read: a string starting so is meant to be a key. */
const MULTIKEY_PREFIXES = ['z6Mk', 'zDn', 'z82'];
export const looksLikeMultikey = (s: string): boolean => MULTIKEY_PREFIXES.some((p) => s.startsWith(p));

/** base58btc ('z') or base64url ('u') multibase → bytes; null when not multibase. */
export function decodeMultibase(s: string): Uint8Array | null {
  try {
    if (s.startsWith('z')) return base58.decode(s.slice(1));
    if (s.startsWith('u')) return base64urlnopad.decode(s.slice(1));
  } catch {
    return null;
  }
  return null;
}

export function decodeMultikey(multibase: string): Result<PublicKey, KeyDecodeError> {
  const bytes = decodeMultibase(multibase);
  if (!bytes || bytes.length < 3) return err('NOT_MULTIBASE');
  const h0 = bytes[0]!;
  const h1 = bytes[1]!;
  const body = bytes.subarray(2);
  if (h0 === 0xed && h1 === 0x01) {
    return body.length === 32 ? ok({ type: 'Ed25519', bytes: body.slice() }) : err('BAD_KEY');
  }
  if (h0 === 0x80 && h1 === 0x24) return ecPoint('P-256', body);
  if (h0 === 0x81 && h1 === 0x24) return ecPoint('P-384', body);
  return err('UNSUPPORTED_KEY_TYPE');
}

/** Legacy Ed25519VerificationKey2018 `publicKeyBase58`: the raw 32 bytes in base58btc, no header. */
export function decodeBase58Ed25519(s: string): Result<PublicKey, KeyDecodeError> {
  try {
    const bytes = base58.decode(s);
    return bytes.length === 32 ? ok({ type: 'Ed25519', bytes }) : err('BAD_KEY');
  } catch {
    return err('NOT_MULTIBASE');
  }
}

function ecPoint(type: 'P-256' | 'P-384', sec1: Uint8Array): Result<PublicKey, KeyDecodeError> {
  try {
    const curve = type === 'P-256' ? p256 : p384;
    return ok({ type, bytes: curve.Point.fromBytes(sec1).toBytes(false) });
  } catch {
    return err('BAD_KEY');
  }
}

/** Members that only a private or symmetric JWK has. */
const PRIVATE_JWK_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];
export const hasPrivateJwkMembers = (jwk: Record<string, unknown>): boolean =>
  PRIVATE_JWK_MEMBERS.some((m) => m in jwk);

/** A public JWK as plain data, or null when it is not an object of strings we can use. */
export function asPublicJwk(value: unknown): JsonWebKey | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const jwk = value as Record<string, unknown>;
  if (typeof jwk['kty'] !== 'string') return null;
  return jwk as JsonWebKey;
}

/** JWK → PublicKey for the key types Data Integrity suites use (OKP Ed25519, EC P-256/P-384). */
export function publicKeyFromJwk(jwk: JsonWebKey): Result<PublicKey, KeyDecodeError> {
  try {
    if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519' && typeof jwk.x === 'string') {
      const x = base64urlnopad.decode(jwk.x);
      return x.length === 32 ? ok({ type: 'Ed25519', bytes: x }) : err('BAD_KEY');
    }
    if (jwk.kty === 'EC' && (jwk.crv === 'P-256' || jwk.crv === 'P-384') && jwk.x && jwk.y) {
      const size = jwk.crv === 'P-256' ? 32 : 48;
      const x = base64urlnopad.decode(jwk.x);
      const y = base64urlnopad.decode(jwk.y);
      if (x.length !== size || y.length !== size) return err('BAD_KEY');
      const point = new Uint8Array(1 + 2 * size);
      point[0] = 0x04;
      point.set(x, 1);
      point.set(y, 1 + size);
      // Validate that the point is on the curve before anything uses it.
      (jwk.crv === 'P-256' ? p256 : p384).Point.fromBytes(point);
      return ok({ type: jwk.crv, bytes: point });
    }
  } catch {
    return err('BAD_KEY');
  }
  return err('UNSUPPORTED_KEY_TYPE');
}

/** PublicKey → public JWK (for jose). */
export function jwkFromPublicKey(key: PublicKey): JsonWebKey {
  if (key.type === 'Ed25519') return { kty: 'OKP', crv: 'Ed25519', x: base64urlnopad.encode(key.bytes) };
  const size = key.type === 'P-256' ? 32 : 48;
  return {
    kty: 'EC',
    crv: key.type,
    x: base64urlnopad.encode(key.bytes.subarray(1, 1 + size)),
    y: base64urlnopad.encode(key.bytes.subarray(1 + size)),
  };
}

/** A stable identity for caches and for comparing keys found in different places. */
export const publicKeyId = (key: PublicKey): string => `${key.type}:${base64urlnopad.encode(key.bytes)}`;

/** A key as found in a verification method or a JWS header: always a JWK, plus the raw form when the
 * key type is one the Data Integrity suites use (RSA keys only have the JWK). */
export interface KeyMaterial {
  readonly jwk: JsonWebKey;
  readonly publicKey: PublicKey | null;
}

export type KeyMaterialError = KeyDecodeError | 'NO_KEY_MATERIAL' | 'PRIVATE_KEY';

export function materialFromPublicKey(publicKey: PublicKey): KeyMaterial {
  return { jwk: jwkFromPublicKey(publicKey), publicKey };
}

/** A public JWK → key material; refuses private members. */
export function materialFromJwk(value: unknown): Result<KeyMaterial, KeyMaterialError> {
  const jwk = asPublicJwk(value);
  if (!jwk) return err('BAD_KEY');
  if (hasPrivateJwkMembers(jwk as Record<string, unknown>)) return err('PRIVATE_KEY');
  if (jwk.kty === 'RSA') {
    return typeof jwk.n === 'string' && typeof jwk.e === 'string' ? ok({ jwk, publicKey: null }) : err('BAD_KEY');
  }
  const pk = publicKeyFromJwk(jwk);
  return pk.ok ? ok({ jwk, publicKey: pk.value }) : pk;
}

/** The key material of a verification method object (Multikey, Ed25519VerificationKey2020/2018, JsonWebKey2020…). */
export function materialOfMethod(method: Record<string, unknown>): Result<KeyMaterial, KeyMaterialError> {
  const multibase = method['publicKeyMultibase'];
  if (typeof multibase === 'string') {
    const pk = decodeMultikey(multibase);
    return pk.ok ? ok(materialFromPublicKey(pk.value)) : pk;
  }
  if (method['publicKeyJwk'] !== undefined) return materialFromJwk(method['publicKeyJwk']);
  const b58 = method['publicKeyBase58'];
  if (typeof b58 === 'string') {
    const pk = decodeBase58Ed25519(b58);
    return pk.ok ? ok(materialFromPublicKey(pk.value)) : pk;
  }
  return err('NO_KEY_MATERIAL');
}

/** Same key? Compares public parameters only (JWK members kty/crv/x/y/n/e). */
export function sameKey(a: KeyMaterial, b: KeyMaterial): boolean {
  if (a.publicKey && b.publicKey) return publicKeyId(a.publicKey) === publicKeyId(b.publicKey);
  const fields = ['kty', 'crv', 'x', 'y', 'n', 'e'] as const;
  return fields.every((f) => a.jwk[f] === b.jwk[f]);
}
