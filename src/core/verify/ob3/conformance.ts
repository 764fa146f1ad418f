/**
 * OB 3.0 conformance, as the 1EdTech validator (digital-credentials-public-validator, OB30Inspector
 * and EndorsementInspector) probes it, each error and warning kept at its level:
 *
 *   ContextPropertyProbe → TypePropertyProbe → JSON schema (required properties) → inline schemas →
 *   CredentialSubjectProbe → EvidenceProbe → IssuerProbe
 *
 * Each problem is one check (`context`, `type`, `schema`) whose params name the property path; a
 * probe that finds nothing yields one pass. Deliberate differences from the Java validator:
 * - no full JSON Schema engine is bundled: the canonical schemas' required properties are checked
 *   here (top level, subject, achievement, issuer, evidence, identifiers); an inline (non-canonical)
 *   schema is fetched to learn whether it exists, and marked NOT_CHECKED when it does;
 * - `issuer.url` is not fetched to see whether it answers (a request the issuer would see, for a
 *   warning only);
 * - a string issuer (a ProfileRef, allowed by the schema) is accepted by the issuer probe;
 * - a subject with neither `id` nor `identifier` is a warning (1EdTech: error), and the other subject
 *   probes still run: such a credential names no earner, which the recipient check cannot then
 *   confirm, but nothing in it is false — and badges issued through the DCC's tools commonly look so;
 * - credentials that are not Open Badges (a bare VerifiableCredential, W3C test vectors, a status
 *   list, a CLR) are still verified as VCs, with a `type` warning NOT_AN_OPEN_BADGE instead of the
 *   1EdTech fatal error; a credential that uses the OB context but declares another credential type
 *   keeps the fatal error (TYPE_INVALID).
 */
import { isTransientNetFailure, netFailureCode } from '../netCodes';
import { check, type Check, type CheckId, type VerifyContext } from '../types';
import { asArray, isObject, str, typesOf, type JsonObject } from '../status/json';

export { asArray, isObject, str, typesOf, idOf, type JsonObject } from '../status/json';

export const VC_V2 = 'https://www.w3.org/ns/credentials/v2';
export const VC_V1 = 'https://www.w3.org/2018/credentials/v1';
export const OB_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const CLR_CONTEXT = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json';

/** Accepted with a warning "expected X, gotten Y" (1EdTech contextAliasesMap). */
const CONTEXT_ALIASES: Readonly<Record<string, readonly string[]>> = {
  [OB_CONTEXT]: ['https://purl.imsglobal.org/spec/ob/v3p0/context/ob_v3p0.jsonld', 'https://purl.imsglobal.org/spec/ob/v3p0/context.json'],
  [CLR_CONTEXT]: ['https://purl.imsglobal.org/spec/clr/v2p0/context.json'],
};
/** Other published versions, accepted with the same warning (1EdTech contextVersioningPatternMap). */
const CONTEXT_VERSIONS: Readonly<Record<string, RegExp>> = {
  [OB_CONTEXT]: /^https:\/\/purl\.imsglobal\.org\/spec\/ob\/v3p0\/context(-\d+\.\d+\.\d+)*\.json$/,
  [CLR_CONTEXT]: /^https:\/\/purl\.imsglobal\.org\/spec\/clr\/v2p0\/context(-\d+\.\d+\.\d+)*\.json$/,
};
const OB_CONTEXT_ANY = /^https:\/\/purl\.imsglobal\.org\/spec\/ob\/v3p0\/context(-\d+\.\d+\.\d+)*\.json$|^https:\/\/purl\.imsglobal\.org\/spec\/ob\/v3p0\/context\/ob_v3p0\.jsonld$/;

/** What a VC is, for the probes it gets. */
export type CredentialKind =
  | 'achievement' // OpenBadgeCredential / AchievementCredential
  | 'endorsement' // EndorsementCredential
  | 'clr' // ClrCredential (CLR 2.0): verified as a VC, not an Open Badge
  | 'status-list' // BitstringStatusListCredential & co.
  | 'wrong-type' // claims the OB context but declares another credential type (1EdTech: fatal)
  | 'generic'; // any other VC

const STATUS_LIST_TYPES = ['BitstringStatusListCredential', 'StatusList2021Credential', 'RevocationList2020Credential'];

export function contextsOf(doc: JsonObject): unknown[] {
  return asArray(doc['@context']);
}

/** VC data model version, from the first VC context found (1EdTech VCVersion.of: v2 anywhere wins). */
export function vcVersionOf(doc: JsonObject): '2.0' | '1.1' | null {
  const contexts = contextsOf(doc);
  if (contexts.includes(VC_V2)) return '2.0';
  if (contexts.includes(VC_V1)) return '1.1';
  return null;
}

export function credentialKind(doc: JsonObject): CredentialKind {
  const types = typesOf(doc);
  if (types.includes('OpenBadgeCredential') || types.includes('AchievementCredential')) return 'achievement';
  if (types.includes('EndorsementCredential')) return 'endorsement';
  if (types.includes('ClrCredential')) return 'clr';
  if (types.some((t) => STATUS_LIST_TYPES.includes(t))) return 'status-list';
  const claimsOb = contextsOf(doc).some((c) => typeof c === 'string' && OB_CONTEXT_ANY.test(c));
  const specific = types.filter((t) => t !== 'VerifiableCredential');
  return claimsOb && specific.length > 0 ? 'wrong-type' : 'generic';
}

export const isOpenBadgeKind = (kind: CredentialKind): boolean => kind === 'achievement' || kind === 'endorsement';

/** One pass for a probe that found nothing, else its problems. */
const collapse = (id: CheckId, problems: Check[]): Check[] => (problems.length > 0 ? problems : [check(id, 'pass', 'OK')]);

// ---------------------------------------------------------------------------------------------
// ContextPropertyProbe

function expectedContexts(kind: CredentialKind): string[] {
  switch (kind) {
    case 'achievement':
    case 'endorsement':
    case 'wrong-type':
      return [VC_V2, OB_CONTEXT];
    case 'clr':
      return [VC_V2, CLR_CONTEXT, OB_CONTEXT];
    default:
      return [VC_V2];
  }
}

export function contextChecks(doc: JsonObject, kind: CredentialKind): Check[] {
  const values = contextsOf(doc);
  const problems: Check[] = [];
  const expected = expectedContexts(kind);
  for (let i = 0; i < expected.length; i++) {
    const want = expected[i] as string;
    const got = values[i];
    const position = i + 1;
    if (got === want) continue;
    if (typeof got === 'string' && want === VC_V2 && got === VC_V1) {
      problems.push(check('context', 'warn', 'CONTEXT_OUTDATED', { position, expected: want, found: got }));
    } else if (typeof got === 'string' && (CONTEXT_ALIASES[want] ?? []).includes(got)) {
      problems.push(check('context', 'warn', 'CONTEXT_ALIAS', { position, expected: want, found: got }));
    } else if (typeof got === 'string' && CONTEXT_VERSIONS[want]?.test(got)) {
      problems.push(check('context', 'warn', 'CONTEXT_OUTDATED', { position, expected: want, found: got }));
    } else {
      // 1EdTech stops at the first missing URI: later positions are meaningless once shifted.
      problems.push(check('context', 'fail', 'CONTEXT_MISSING', { position, expected: want }));
      break;
    }
  }
  return collapse('context', problems);
}

// ---------------------------------------------------------------------------------------------
// TypePropertyProbe

export function typeChecks(doc: JsonObject, kind: CredentialKind): Check[] {
  if (doc['type'] === undefined) return [check('type', 'fail', 'TYPE_MISSING', { path: 'type' })];
  const types = typesOf(doc);
  if (!types.includes('VerifiableCredential')) {
    return [check('type', 'fail', 'TYPE_INVALID', { path: 'type', expected: 'VerifiableCredential', found: types.join(' ') })];
  }
  switch (kind) {
    case 'achievement':
    case 'endorsement':
      return [check('type', 'pass', 'OK')];
    case 'wrong-type':
      return [check('type', 'fail', 'TYPE_INVALID', { path: 'type', expected: 'OpenBadgeCredential', found: types.join(' ') })];
    default:
      // Verified as a VC all the same; the backpack says it is not an Open Badge.
      return [check('type', 'warn', 'NOT_AN_OPEN_BADGE', { kind, found: types.join(' ') })];
  }
}

// ---------------------------------------------------------------------------------------------
// Canonical JSON schema: required properties (ob_v3p0_achievementcredential_schema.json and
// ob_v3p0_endorsementcredential_schema.json; the "any" variants accept VC 1.1 issuanceDate)

const present = (value: unknown): boolean =>
  value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '') && !(Array.isArray(value) && value.length === 0);

function required(node: JsonObject, path: string, names: readonly string[], problems: Check[]): void {
  for (const name of names) {
    if (!present(node[name])) problems.push(check('schema', 'fail', 'PROPERTY_MISSING', { path: path ? `${path}.${name}` : name }));
  }
}

/** The subject(s): OB 3.0 has one object; an array is read item by item. */
const subjectsOf = (doc: JsonObject): unknown[] => asArray(doc['credentialSubject']);

export function schemaChecks(doc: JsonObject, kind: CredentialKind): Check[] {
  const problems: Check[] = [];
  const version = vcVersionOf(doc);
  const issuedName = version === '1.1' ? 'issuanceDate' : 'validFrom';
  if (isOpenBadgeKind(kind)) {
    required(doc, '', ['@context', 'id', 'type', 'issuer', issuedName, 'credentialSubject'], problems);
    if (kind === 'endorsement') required(doc, '', ['name'], problems);
    const issuer = doc['issuer'];
    if (isObject(issuer)) required(issuer, 'issuer', ['id'], problems);
    else if (present(issuer) && typeof issuer !== 'string') {
      problems.push(check('schema', 'fail', 'PROPERTY_INVALID', { path: 'issuer' }));
    }
    subjectsOf(doc).forEach((subject, i) => {
      const path = subjectsOf(doc).length > 1 ? `credentialSubject[${i}]` : 'credentialSubject';
      if (!isObject(subject)) {
        problems.push(check('schema', 'fail', 'PROPERTY_INVALID', { path }));
        return;
      }
      required(subject, path, ['type'], problems);
      if (kind === 'achievement') {
        const achievement = subject['achievement'];
        if (isObject(achievement)) required(achievement, `${path}.achievement`, ['id', 'type', 'name', 'description', 'criteria'], problems);
        asArray(subject['identifier']).forEach((identifier, j) => {
          if (isObject(identifier)) {
            required(identifier, `${path}.identifier[${j}]`, ['type', 'identityHash', 'identityType'], problems);
            if (typeof identifier['hashed'] !== 'boolean') {
              problems.push(check('schema', 'fail', 'PROPERTY_MISSING', { path: `${path}.identifier[${j}].hashed` }));
            }
          }
        });
      }
    });
  } else {
    // Any other VC: the VC data model's own required properties.
    required(doc, '', version === '1.1' ? ['@context', 'type', 'issuer', 'issuanceDate', 'credentialSubject'] : ['@context', 'type', 'issuer', 'credentialSubject'], problems);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// CredentialSubjectProbe, EvidenceProbe, IssuerProbe

function typeProblem(node: unknown, path: string, expected: string, code: 'SUBJECT_INVALID' | 'EVIDENCE_INVALID' | 'ISSUER_INVALID'): Check | null {
  return typesOf(node).includes(expected) ? null : check('schema', 'fail', code, { path: `${path}.type`, expected });
}

export function subjectChecks(doc: JsonObject, kind: CredentialKind): Check[] {
  if (!isOpenBadgeKind(kind)) return [];
  const problems: Check[] = [];
  const requiredType = kind === 'achievement' ? 'AchievementSubject' : 'EndorsementSubject';
  const subjects = subjectsOf(doc);
  subjects.forEach((subject, i) => {
    if (!isObject(subject)) return; // reported by the schema checks
    const path = subjects.length > 1 ? `credentialSubject[${i}]` : 'credentialSubject';
    const add = (c: Check | null) => {
      if (c) problems.push(c);
    };
    const wrongType = typeProblem(subject, path, requiredType, 'SUBJECT_INVALID');
    if (wrongType) {
      problems.push(wrongType);
      return; // 1EdTech returns at the first error of this probe
    }
    if (!str(subject['id']) && asArray(subject['identifier']).length === 0) {
      // 1EdTech: error "no id in credentialSubject". Here a warning: the credential can be authentic
      // and unrevoked, it just names no earner (DCC-issued badges commonly omit both).
      problems.push(check('schema', 'warn', 'SUBJECT_INVALID', { path: `${path}.id`, expected: 'id or identifier' }));
    }
    if (kind !== 'achievement') return;
    asArray(subject['identifier']).forEach((identifier, j) => add(typeProblem(identifier, `${path}.identifier[${j}]`, 'IdentityObject', 'SUBJECT_INVALID')));
    asArray(subject['result']).forEach((result, j) => add(typeProblem(result, `${path}.result[${j}]`, 'Result', 'SUBJECT_INVALID')));
    const achievement = subject['achievement'];
    if (!isObject(achievement)) {
      problems.push(check('schema', 'fail', 'SUBJECT_INVALID', { path: `${path}.achievement`, expected: 'Achievement' }));
    } else {
      add(typeProblem(achievement, `${path}.achievement`, 'Achievement', 'SUBJECT_INVALID'));
      asArray(achievement['resultDescription']).forEach((rd, j) =>
        add(typeProblem(rd, `${path}.achievement.resultDescription[${j}]`, 'ResultDescription', 'SUBJECT_INVALID')),
      );
      const criteria = achievement['criteria'];
      if (isObject(criteria) && !str(criteria['id']) && !str(criteria['narrative'])) {
        problems.push(check('schema', 'fail', 'SUBJECT_INVALID', { path: `${path}.achievement.criteria`, expected: 'id or narrative' }));
      }
    }
    if (subject['source'] !== undefined && subject['source'] !== null) add(typeProblem(subject['source'], `${path}.source`, 'Profile', 'SUBJECT_INVALID'));
  });
  return problems;
}

export function evidenceChecks(doc: JsonObject, kind: CredentialKind): Check[] {
  if (kind !== 'achievement') return [];
  const problems: Check[] = [];
  asArray(doc['evidence']).forEach((evidence, i) => {
    const p = typeProblem(evidence, `evidence[${i}]`, 'Evidence', 'EVIDENCE_INVALID');
    if (p) problems.push(p);
  });
  return problems;
}

export function issuerChecks(doc: JsonObject, kind: CredentialKind): Check[] {
  if (kind !== 'achievement') return [];
  const issuer = doc['issuer'];
  if (!isObject(issuer)) return []; // absent: reported by the schema checks; a string: a ProfileRef
  const problems: Check[] = [];
  const wrongType = typeProblem(issuer, 'issuer', 'Profile', 'ISSUER_INVALID');
  if (wrongType) return [wrongType];
  asArray(issuer['otherIdentifier']).forEach((other, i) => {
    const p = typeProblem(other, `issuer.otherIdentifier[${i}]`, 'IdentifierEntry', 'ISSUER_INVALID');
    if (p) problems.push(p);
  });
  if (issuer['parentOrg'] !== undefined && issuer['parentOrg'] !== null) {
    const p = typeProblem(issuer['parentOrg'], 'issuer.parentOrg', 'Profile', 'ISSUER_INVALID');
    if (p) problems.push(p);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// InlineJsonSchemaProbe

export const SCHEMA_VALIDATOR_TYPE = '1EdTechJsonSchemaValidator2019';
/** The 1EdTech canonical schemas, whose rules are the checks above. */
const CANONICAL_SCHEMA =
  /^https:\/\/purl\.imsglobal\.org\/spec\/(ob\/v3p0|clr\/v2p0)\/schema\/json\/(ob_v3p0|clr_v2p0)_(any)?[a-z]+_schema\.json$/;

export async function inlineSchemaChecks(doc: JsonObject, ctx: VerifyContext): Promise<Check[]> {
  const urls = new Set<string>();
  for (const entry of asArray(doc['credentialSchema'])) {
    if (!isObject(entry) || !typesOf(entry).includes(SCHEMA_VALIDATOR_TYPE)) continue;
    const id = str(entry['id']);
    if (id && !CANONICAL_SCHEMA.test(id)) urls.add(id);
  }
  return Promise.all([...urls].map((url) => inlineSchemaCheck(url, ctx)));
}

async function inlineSchemaCheck(url: string, ctx: VerifyContext): Promise<Check> {
  const fetched = await ctx.net.fetch(url, {
    accept: 'application/schema+json, application/json',
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  if (!fetched.ok) {
    const params: Record<string, string | number> = { schema: url };
    if (fetched.status !== undefined) params['httpStatus'] = fetched.status;
    if (isTransientNetFailure(fetched)) return check('schema', 'unchecked', netFailureCode(fetched), params);
    // 1EdTech: "Could not read schema resource {id}" — an error.
    return check('schema', 'fail', 'SCHEMA_UNAVAILABLE', { ...params, net: netFailureCode(fetched) });
  }
  let schema: unknown;
  try {
    schema = JSON.parse(new TextDecoder().decode(fetched.body));
  } catch {
    schema = undefined;
  }
  if (!isObject(schema) && typeof schema !== 'boolean') return check('schema', 'fail', 'SCHEMA_UNAVAILABLE', { schema: url, reason: 'not-json' });
  // The schema exists, but no JSON Schema engine is bundled to apply it: said plainly.
  return check('schema', 'unchecked', 'NOT_CHECKED', { schema: url, reason: 'no-validator' });
}

// ---------------------------------------------------------------------------------------------

/** The synchronous probes, in 1EdTech's order (context, type, schema, subject, evidence, issuer). */
export function conformanceChecks(doc: JsonObject, kind: CredentialKind = credentialKind(doc)): Check[] {
  const structural = [...schemaChecks(doc, kind), ...subjectChecks(doc, kind), ...evidenceChecks(doc, kind), ...issuerChecks(doc, kind)];
  return [...contextChecks(doc, kind), ...typeChecks(doc, kind), ...collapse('schema', structural)];
}

