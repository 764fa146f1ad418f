/**
 * OB 2.0 SignedBadge: the JWS signature with a key the issuer Profile links, and the issuer's
 * RevocationList (SPECS §2.6, §2.7, §8.1–8.2; validator-core tasks/crypto.py; Java
 * VerificationJWTProbe, AssertionRevocationListProbe).
 *
 * - Algorithms: exactly RS256 (anything else, `none` and HS* included, is refused before any key is
 *   looked at).
 * - The key comes only from the issuer Profile: `verification.creator` must be one of its
 *   `publicKey` entries (without a creator, each of them is tried); the CryptographicKey's `owner`,
 *   when present, must be the issuer. A key the issuer does not list is never fetched.
 */
import { compactVerify, errors, importSPKI } from 'jose';
import { netFailureCheck } from '../netCodes';
import { check, type Check, type VerifyContext } from '../types';
import { fetchNode, getRaw, parseBody, sameUrl } from './fetch';
import { isObject, listOf, short, text, type JsonObject } from './json';
import { isUrl } from './vocab';

const MAX_KEYS = 5;

const idOf = (v: unknown): string | null =>
  typeof v === 'string' ? v : isObject(v) && typeof v['id'] === 'string' ? v['id'] : null;

/** Two ids name the same thing: equal, the same URL, or the same urn:uuid in another case. */
export function sameId(a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  if (a === b) return true;
  if (/^urn:uuid:/i.test(a) && /^urn:uuid:/i.test(b)) return a.toLowerCase() === b.toLowerCase();
  return isUrl(a) && isUrl(b) && sameUrl(a, b);
}

interface KeyCandidate {
  readonly id: string;
  /** An embedded CryptographicKey in the issuer Profile (not fetched). */
  readonly embedded: JsonObject | null;
}

/**
 * 'signature' and 'issuerKey' checks for a compact JWS whose header already passed the alg
 * allow-list. `issuer` is null when it could not be read (then the signature is unchecked).
 */
export async function signatureChecks(
  ctx: VerifyContext,
  jws: string,
  assertion: JsonObject,
  issuer: JsonObject | null,
): Promise<Check[]> {
  if (!issuer) return [check('signature', 'unchecked', 'KEY_UNREACHABLE', { reason: 'issuer-unavailable' })];
  const issuerId = idOf(issuer['id']);
  const declared: KeyCandidate[] = listOf(issuer['publicKey'])
    .map((k): KeyCandidate | null => {
      const id = idOf(k);
      return id ? { id, embedded: isObject(k) && k['publicKeyPem'] !== undefined ? k : null } : null;
    })
    .filter((k): k is KeyCandidate => k !== null);

  const verification = isObject(assertion['verification']) ? assertion['verification'] : {};
  // OB 1.x signed badges named their key in verify.url; the key must still be one the issuer lists.
  const creator = idOf(verification['creator']) ?? (typeof verification['url'] === 'string' ? verification['url'] : null);

  if (declared.length === 0) {
    return [
      check('signature', 'unchecked', 'KEY_NOT_FOUND', { issuer: issuerId ?? '' }),
      check('issuerKey', 'fail', 'KEY_OWNERSHIP_MISMATCH', {
        issuer: issuerId ?? '',
        reason: 'issuer-lists-no-key',
        ...(creator ? { key: creator } : {}),
      }),
    ];
  }
  let candidates: KeyCandidate[];
  if (creator) {
    const listed = declared.find((k) => sameId(k.id, creator));
    if (!listed) {
      return [
        check('signature', 'unchecked', 'NOT_CHECKED', { reason: 'key-not-listed-by-issuer', key: creator }),
        check('issuerKey', 'fail', 'KEY_OWNERSHIP_MISMATCH', {
          key: creator,
          issuer: issuerId ?? '',
          reason: 'not-in-publicKey',
        }),
      ];
    }
    candidates = [listed];
  } else {
    candidates = declared.slice(0, MAX_KEYS);
  }

  let firstProblem: Check[] | null = null;
  for (const candidate of candidates) {
    const result = await tryKey(ctx, jws, candidate, issuerId, declared);
    if (result.ok) return result.checks;
    firstProblem ??= result.checks;
  }
  return firstProblem ?? [check('signature', 'unchecked', 'KEY_NOT_FOUND')];
}

async function tryKey(
  ctx: VerifyContext,
  jws: string,
  candidate: KeyCandidate,
  issuerId: string | null,
  declared: readonly KeyCandidate[],
): Promise<{ ok: boolean; checks: Check[] }> {
  const extra: Check[] = [];
  let keyNode: JsonObject;
  if (candidate.embedded) {
    keyNode = candidate.embedded;
  } else {
    if (!isUrl(candidate.id)) {
      return {
        ok: false,
        checks: [check('signature', 'unchecked', 'KEY_NOT_FOUND', { key: candidate.id, reason: 'not-a-url' })],
      };
    }
    const got = await fetchNode(ctx, candidate.id, 'CryptographicKey');
    if (!got.ok) {
      if (got.failure) return { ok: false, checks: [netFailureCheck('signature', got.failure)] };
      return {
        ok: false,
        checks: [check('signature', 'unchecked', 'KEY_INVALID', { key: candidate.id, reason: got.reason })],
      };
    }
    keyNode = got.value.node;
    extra.push(...got.checks);
  }
  const keyId = idOf(keyNode['id']) ?? candidate.id;
  const owner = idOf(keyNode['owner']);
  if (owner !== null && (issuerId === null || !sameId(owner, issuerId))) {
    return {
      ok: false,
      checks: [
        ...extra,
        check('signature', 'unchecked', 'NOT_CHECKED', { reason: 'key-owned-by-another-profile', key: keyId }),
        check('issuerKey', 'fail', 'KEY_OWNERSHIP_MISMATCH', { key: keyId, owner, issuer: issuerId ?? '' }),
      ],
    };
  }
  if (!declared.some((k) => sameId(k.id, keyId))) {
    return {
      ok: false,
      checks: [
        ...extra,
        check('signature', 'unchecked', 'NOT_CHECKED', { reason: 'key-not-listed-by-issuer', key: keyId }),
        check('issuerKey', 'fail', 'KEY_OWNERSHIP_MISMATCH', {
          key: keyId,
          issuer: issuerId ?? '',
          reason: 'not-in-publicKey',
        }),
      ],
    };
  }
  const pem = text(keyNode['publicKeyPem']);
  if (!pem) return {
    ok: false,
    checks: [...extra, check('signature', 'unchecked', 'KEY_INVALID', { key: keyId, reason: 'no-publicKeyPem' })],
  };
  let key: CryptoKey;
  try {
    key = await importSPKI(pem.trim(), 'RS256');
  } catch (e) {
    return {
      ok: false,
      checks: [...extra, check('signature', 'unchecked', 'KEY_INVALID', { key: keyId, detail: short(messageOf(e)) })],
    };
  }
  try {
    await compactVerify(jws, key, { algorithms: ['RS256'] });
  } catch (e) {
    if (e instanceof errors.JWSSignatureVerificationFailed) {
      return { ok: false, checks: [...extra, check('signature', 'fail', 'TAMPERED', { key: keyId })] };
    }
    if (e instanceof errors.JOSEAlgNotAllowed) {
      return { ok: false, checks: [...extra, check('signature', 'fail', 'ALG_NOT_ALLOWED', { key: keyId })] };
    }
    if (e instanceof errors.JOSEError) {
      return {
        ok: false,
        checks: [...extra, check('signature', 'fail', 'BAD_JWS', { key: keyId, detail: short(messageOf(e)) })],
      };
    }
    // e.g. an RSA key under 2048 bits, refused for RS256
    return {
      ok: false,
      checks: [...extra, check('signature', 'unchecked', 'KEY_INVALID', { key: keyId, detail: short(messageOf(e)) })],
    };
  }
  return {
    ok: true,
    checks: [...extra, check('signature', 'pass', 'OK', { key: keyId }), check('issuerKey', 'pass', 'OK', {
      key: keyId,
      issuer: issuerId ?? '',
    })],
  };
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * The issuer's RevocationList (signed badges): revoked when an entry names the assertion by id
 * (bare string or {id}, urn:uuid compared case-insensitively) or, legacy, by {uid}; an entry with
 * `revoked: false` does not count. OB 1.x lists were a map uid → reason. A list that cannot be read
 * leaves the status `unchecked` (with the network code); no list → pass NO_STATUS.
 */
export async function revocationListCheck(
  ctx: VerifyContext,
  assertion: JsonObject,
  issuer: JsonObject | null,
): Promise<Check> {
  if (assertion['revoked'] === true) {
    return revoked({ reason: text(assertion['revocationReason']) });
  }
  if (!issuer) return check('status', 'unchecked', 'NOT_CHECKED', { reason: 'issuer-unavailable' });
  const listRef = issuer['revocationList'];
  if (listRef === undefined || listRef === null) return check('status', 'pass', 'NO_STATUS');
  const url = idOf(listRef);
  let list: JsonObject;
  if (isObject(listRef) && listRef['revokedAssertions'] !== undefined) {
    list = listRef;
  } else {
    if (!url || !isUrl(url)) return check('status', 'unchecked', 'STATUS_LIST_INVALID', {
      url: url ?? short(listRef),
      reason: 'not-a-url',
    });
    const res = await getRaw(ctx, url);
    if (!res.ok) return netFailureCheck('status', res); // unreachable list: unchecked, whatever the cause
    const parsed = parseBody(res);
    if (!parsed.ok) return check('status', 'unchecked', 'STATUS_LIST_INVALID', { url, reason: parsed.reason });
    list = parsed.doc;
  }
  const listUrl = url ?? '';
  const assertionId = assertion['id'];
  const uid = assertion['uid'];

  const entries = list['revokedAssertions'];
  if (entries === undefined) {
    // OB 1.x: { "<uid>": "<reason>", … }
    const legacyMap = list['@context'] === undefined && list['type'] === undefined;
    if (legacyMap && (typeof uid === 'string' || typeof uid === 'number')) {
      const reason = list[String(uid)];
      if (typeof reason === 'string') return revoked({ url: listUrl, reason });
      return check('status', 'pass', 'OK', { url: listUrl });
    }
    return check('status', 'unchecked', 'STATUS_LIST_INVALID', { url: listUrl, reason: 'no-revokedAssertions' });
  }
  for (const entry of listOf(entries)) {
    if (typeof entry === 'string') {
      if (sameId(entry, assertionId)) return revoked({ url: listUrl, reason: null });
    } else if (isObject(entry)) {
      if (entry['revoked'] === false) continue;
      const byId = entry['id'] !== undefined && sameId(entry['id'], assertionId);
      const byUid =
        entry['id'] === undefined &&
        entry['uid'] !== undefined &&
        uid !== undefined &&
        String(entry['uid']) === String(uid);
      if (byId || byUid) return revoked({ url: listUrl, reason: text(entry['revocationReason']) });
    }
  }
  return check('status', 'pass', 'OK', { url: listUrl });
}

function revoked(args: { url?: string; reason: string | null }): Check {
  const params: Record<string, string> = {};
  if (args.url) params['url'] = args.url;
  if (args.reason) params['reason'] = args.reason;
  return check('status', 'fail', 'REVOKED', params);
}
