/**
 * Credential status (revocation, suspension) for OB 3.0 / VC credentials: one `status` check per
 * `credentialStatus` entry (object or array), or a single pass NO_STATUS when there is none.
 *
 * Supported entries: `1EdTechRevocationList`, `BitstringStatusListEntry` (W3C), and the predecessors
 * `StatusList2021Entry` and `RevocationList2020Status`. Unknown types → warn STATUS_TYPE_UNSUPPORTED.
 * Purposes other than revocation/suspension (refresh, message…) are noted, not fetched.
 *
 * Deliberately not enforced: the W3C minimum list length (131,072 entries). It is a herd-privacy
 * rule for issuers; the DCC's published lists hold 100,000 entries and their verifier uses them.
 */
import { check, type Check, type CheckParams, type VerifyContext } from '../types';
import { parseStatusIndex, readStatus } from './bitstring';
import { asArray, isObject, str, typesOf } from './json';
import { checkRevocationList, REVOCATION_LIST_TYPE } from './revocationList';
import { loadStatusList, type StatusListDeps } from './statusList';

export type { JwtVerifier, ProofVerifier, StatusListDeps } from './statusList';
export { decodeEncodedList, readStatus, parseStatusIndex, MAX_BITSTRING_BYTES } from './bitstring';

interface ListEntryKind {
  /** The type the list credential must declare. */
  readonly listType: string;
  readonly indexProperty: string;
  readonly urlProperty: string;
  /** Purpose when the entry has none (RevocationList2020 has no purposes). */
  readonly defaultPurpose: string | null;
}

const LIST_ENTRY_KINDS: Readonly<Record<string, ListEntryKind>> = {
  BitstringStatusListEntry: {
    listType: 'BitstringStatusListCredential',
    indexProperty: 'statusListIndex',
    urlProperty: 'statusListCredential',
    defaultPurpose: null,
  },
  StatusList2021Entry: {
    listType: 'StatusList2021Credential',
    indexProperty: 'statusListIndex',
    urlProperty: 'statusListCredential',
    defaultPurpose: null,
  },
  RevocationList2020Status: {
    listType: 'RevocationList2020Credential',
    indexProperty: 'revocationListIndex',
    urlProperty: 'revocationListCredential',
    defaultPurpose: 'revocation',
  },
};

/** Purposes whose set bit makes the credential invalid. */
const BLOCKING_PURPOSES: Readonly<Record<string, 'REVOKED' | 'SUSPENDED'>> = {
  revocation: 'REVOKED',
  suspension: 'SUSPENDED',
};

export async function checkCredentialStatus(doc: Record<string, unknown>, ctx: VerifyContext, deps: StatusListDeps): Promise<Check[]> {
  const entries = asArray(doc['credentialStatus']);
  if (entries.length === 0) return [check('status', 'pass', 'NO_STATUS')];
  const credentialId = str(doc['id']);
  return Promise.all(entries.map((entry) => checkEntry(entry, credentialId, ctx, deps)));
}

async function checkEntry(entry: unknown, credentialId: string | null, ctx: VerifyContext, deps: StatusListDeps): Promise<Check> {
  try {
    if (!isObject(entry)) return check('status', 'warn', 'STATUS_LIST_INVALID', { reason: 'entry' });
    const types = typesOf(entry);
    if (types.includes(REVOCATION_LIST_TYPE)) return await checkRevocationList(entry, credentialId, ctx);
    const type = types.find((t) => LIST_ENTRY_KINDS[t] !== undefined);
    const kind = type === undefined ? undefined : LIST_ENTRY_KINDS[type];
    if (type === undefined || kind === undefined) {
      return check('status', 'warn', 'STATUS_TYPE_UNSUPPORTED', { type: types.join(' ') || '(none)' });
    }
    return await checkListEntry(entry, type, kind, ctx, deps);
  } catch (e) {
    return check('status', 'unchecked', 'INTERNAL_ERROR', { detail: String((e as Error)?.message ?? e) });
  }
}

async function checkListEntry(
  entry: Record<string, unknown>,
  type: string,
  kind: ListEntryKind,
  ctx: VerifyContext,
  deps: StatusListDeps,
): Promise<Check> {
  const purpose = str(entry['statusPurpose']) ?? kind.defaultPurpose;
  const url = str(entry[kind.urlProperty]);
  const index = parseStatusIndex(entry[kind.indexProperty]);
  const base: Record<string, string | number> = { type };
  if (purpose) base['purpose'] = purpose;
  if (url) base['url'] = url;
  if (index !== null) base['index'] = index;
  if (!purpose || !url || index === null) {
    const missing = !purpose ? 'statusPurpose' : !url ? kind.urlProperty : kind.indexProperty;
    return check('status', 'warn', 'STATUS_LIST_INVALID', { ...base, reason: 'entry', property: missing });
  }
  const blocking = BLOCKING_PURPOSES[purpose];
  // refresh, message…: says nothing about validity; not fetched (nothing to learn, and a request less).
  if (!blocking) return check('status', 'pass', 'NOT_APPLICABLE', base);

  const sizeRaw = entry['statusSize'];
  const size = sizeRaw === undefined ? 1 : parseStatusIndex(sizeRaw);
  if (size === null || size < 1 || size > 32) return check('status', 'warn', 'STATUS_LIST_INVALID', { ...base, reason: 'size' });

  const loaded = await loadStatusList(url, ctx, deps);
  if (!loaded.ok) return check('status', loaded.problem.status, loaded.problem.code, { ...base, ...loaded.problem.params } as CheckParams);
  const list = loaded.list;
  if (!list.types.includes(kind.listType)) {
    return check('status', 'warn', 'STATUS_LIST_INVALID', { ...base, reason: 'type', expected: kind.listType });
  }
  if (kind.defaultPurpose === null && !list.purposes.includes(purpose)) {
    return check('status', 'warn', 'STATUS_LIST_INVALID', { ...base, reason: 'purpose', listPurpose: list.purposes.join(' ') });
  }
  const value = readStatus(list.bits, index, size);
  if (!value.ok) return check('status', 'fail', 'STATUS_INDEX_OUT_OF_RANGE', { ...base, entries: value.error.entries });
  if (value.value !== 0) return check('status', 'fail', blocking, size > 1 ? { ...base, value: value.value } : base);
  return check('status', 'pass', 'OK', base);
}
