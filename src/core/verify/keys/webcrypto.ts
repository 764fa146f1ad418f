/**
 * Signature checks with WebCrypto (Ed25519 and ECDSA P-256/P-384), importing each public key once:
 * a backpack re-verifies the same issuers' keys again and again.
 */
import { publicKeyId, type PublicKey } from './multikey';

const MAX_CACHED_KEYS = 256;
const imported = new Map<string, Promise<CryptoKey>>();

function algorithmOf(key: PublicKey): EcKeyImportParams | Algorithm {
  return key.type === 'Ed25519' ? { name: 'Ed25519' } : { name: 'ECDSA', namedCurve: key.type };
}

/** The CryptoKey for a public key, imported at most once (bounded cache, oldest first out). */
export function importPublicKey(key: PublicKey): Promise<CryptoKey> {
  const id = publicKeyId(key);
  let p = imported.get(id);
  if (p) {
    imported.delete(id);
    imported.set(id, p);
    return p;
  }
  p = crypto.subtle.importKey('raw', toArrayBuffer(key.bytes), algorithmOf(key), false, ['verify']);
  p.catch(() => imported.delete(id));
  imported.set(id, p);
  if (imported.size > MAX_CACHED_KEYS) imported.delete(imported.keys().next().value!);
  return p;
}

/**
 * Verifies `signature` over `data`: Ed25519 (pure), or ECDSA with the given hash (the P1363 r‖s
 * signature form Data Integrity uses). Resolves false on a malformed signature, never throws for it.
 */
export async function verifySignature(
  key: PublicKey,
  signature: Uint8Array,
  data: Uint8Array,
  hash: 'SHA-256' | 'SHA-384' = 'SHA-256',
): Promise<boolean> {
  const cryptoKey = await importPublicKey(key);
  const algorithm: Algorithm | EcdsaParams = key.type === 'Ed25519' ? { name: 'Ed25519' } : { name: 'ECDSA', hash };
  try {
    return await crypto.subtle.verify(algorithm, cryptoKey, toArrayBuffer(signature), toArrayBuffer(data));
  } catch {
    return false;
  }
}

export async function digest(hash: 'SHA-256' | 'SHA-384', data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest(hash, toArrayBuffer(data)));
}

/** WebCrypto wants an ArrayBuffer-backed view; copy only when the bytes live elsewhere. */
function toArrayBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}
