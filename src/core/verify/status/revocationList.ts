/**
 * 1EdTech Revocation List Status Method (`credentialStatus.type == "1EdTechRevocationList"`).
 *
 * GET the entry's `id` as JSON; the credential is revoked when an entry of `revokedCredentials`
 * (the spec's and issuers' spelling; 1EdTech's validator reads `revokedCredential`, so both are
 * accepted) has the credential's `id` and `revoked` is true or absent. A list that cannot be fetched
 * or read is a warning (as the 1EdTech validator says), or `unchecked` when the network itself failed.
 */
import { isTransientNetFailure, netFailureCode } from '../netCodes';
import { check, type Check, type VerifyContext } from '../types';
import { asArray, isObject, parseJsonObject, str } from './json';

export const REVOCATION_LIST_TYPE = '1EdTechRevocationList';

export async function checkRevocationList(entry: Record<string, unknown>, credentialId: string | null, ctx: VerifyContext): Promise<Check> {
  const url = str(entry['id']);
  if (!url) return check('status', 'warn', 'STATUS_LIST_INVALID', { type: REVOCATION_LIST_TYPE, reason: 'no-url' });
  if (!credentialId) return check('status', 'warn', 'STATUS_LIST_INVALID', { type: REVOCATION_LIST_TYPE, url, reason: 'no-credential-id' });

  const fetched = await ctx.net.fetch(url, { accept: 'application/json', ...(ctx.signal ? { signal: ctx.signal } : {}) });
  if (!fetched.ok) {
    const net = netFailureCode(fetched);
    const params: Record<string, string | number> = { type: REVOCATION_LIST_TYPE, url, net };
    if (fetched.status !== undefined) params['httpStatus'] = fetched.status;
    return isTransientNetFailure(fetched) ? check('status', 'unchecked', net, params) : check('status', 'warn', 'STATUS_UNREACHABLE', params);
  }
  const list = parseJsonObject(fetched.body);
  if (!list) return check('status', 'warn', 'STATUS_UNREACHABLE', { type: REVOCATION_LIST_TYPE, url, reason: 'not-json' });
  const entries = list['revokedCredentials'] ?? list['revokedCredential'];
  if (entries === undefined) return check('status', 'warn', 'STATUS_LIST_INVALID', { type: REVOCATION_LIST_TYPE, url, reason: 'no-entries' });

  for (const item of asArray(entries)) {
    // Entries are objects {id, revoked?, revocationReason?}; a bare id string is read leniently.
    const id = isObject(item) ? str(item['id']) : str(item);
    if (id === null || id !== credentialId) continue;
    const revoked = isObject(item) ? item['revoked'] : undefined;
    if (revoked === undefined || revoked === null || revoked === true || revoked === 'true') {
      const reason = isObject(item) ? str(item['revocationReason']) : null;
      return check('status', 'fail', 'REVOKED', reason ? { type: REVOCATION_LIST_TYPE, url, reason } : { type: REVOCATION_LIST_TYPE, url });
    }
  }
  return check('status', 'pass', 'OK', { type: REVOCATION_LIST_TYPE, url });
}
