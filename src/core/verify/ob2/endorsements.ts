/**
 * OB 2.0 endorsements on the Assertion, BadgeClass and issuer Profile: each an IRI (fetched) or an
 * embedded Endorsement. Only their shape is checked (ClassValidators Endorsement/EndorsementClaim);
 * an endorsement's own hosted verification and its issuer are not followed. One 'endorsements'
 * check: pass ENDORSEMENTS_VALID {count} / NO_ENDORSEMENTS, warn ENDORSEMENT_INVALID (an invalid
 * endorsement says nothing against the badge itself), unchecked with the network code.
 */
import { parseDateTime } from '../dates';
import { isTransientNetFailure, netFailureCode } from '../netCodes';
import { check, type Check, type VerifyContext } from '../types';
import { endorsementProblems } from './conformance';
import { fetchNode } from './fetch';
import { isObject, listOf, type JsonObject } from './json';
import { isUrl, vocabularyOf } from './vocab';

const MAX_ENDORSEMENTS = 16;

export function endorsementRefs(nodes: ReadonlyArray<JsonObject | null>): unknown[] {
  return nodes.flatMap((n) => (n ? listOf(n['endorsement']) : [])).slice(0, MAX_ENDORSEMENTS);
}

export async function endorsementsCheck(ctx: VerifyContext, nodes: ReadonlyArray<JsonObject | null>): Promise<Check> {
  const refs = endorsementRefs(nodes);
  if (refs.length === 0) return check('endorsements', 'pass', 'NO_ENDORSEMENTS');
  let unreachable: Check | null = null;
  for (const ref of refs) {
    let node: JsonObject | null = null;
    let label = '';
    if (isObject(ref)) {
      node = ref;
      label = typeof ref['id'] === 'string' ? ref['id'] : 'endorsement';
    } else if (isUrl(ref)) {
      label = ref;
      const got = await fetchNode(ctx, ref, 'Endorsement');
      if (got.ok) node = got.value.node;
      else if (got.failure) {
        const params = { url: ref, ...(got.failure.status !== undefined ? { httpStatus: got.failure.status } : {}) };
        if (!isTransientNetFailure(got.failure)) {
          return check('endorsements', 'warn', 'ENDORSEMENT_INVALID', { ...params, reason: netFailureCode(got.failure) });
        }
        unreachable ??= check('endorsements', 'unchecked', netFailureCode(got.failure), params);
        continue;
      } else {
        return check('endorsements', 'warn', 'ENDORSEMENT_INVALID', { id: ref, reason: got.reason });
      }
    } else {
      return check('endorsements', 'warn', 'ENDORSEMENT_INVALID', { id: String(ref), reason: 'not-an-iri' });
    }
    const problems = endorsementProblems(node, vocabularyOf(node));
    if (parseDateTime(node['issuedOn']) === null) problems.push('issuedOn');
    if (problems.length > 0) {
      return check('endorsements', 'warn', 'ENDORSEMENT_INVALID', { id: label, reason: problems.join(',') });
    }
  }
  return unreachable ?? check('endorsements', 'pass', 'ENDORSEMENTS_VALID', { count: refs.length });
}
