/**
 * OB 2.0 conformance, class by class, after 1EdTech's validators (validator-core
 * tasks/validation.py ClassValidators and the Java port's Assertion.validationMap, SPECS §2.2–2.8, §3.1).
 *
 * Each finding is a check: 'context' (the @context), 'type' (RDF types), 'schema' (required
 * properties, primitive formats, class rules), 'image' (image rules). 1EdTech's ERROR level is a
 * `fail`; its WARNING level a `warn`. Deliberate differences, all documented where they are made:
 * - the issuer's name/url/email are reported as warnings (OB 1.0 issuers had no email; an earner is
 *   better served by "issuer profile incomplete" than by "invalid");
 * - remote images are not fetched here (the UI loads them; a broken image does not make a badge false);
 * - a missing BadgeClass image is accepted, as the Java validator does.
 */
import { check, type Check, type CheckCode, type CheckId, type CheckStatus } from '../types';
import { isObject, listOf, short, type JsonObject } from './json';
import {
  dataUriMediaType,
  IMAGE_MEDIA_TYPES,
  isBlankNodeId,
  isDataUri,
  isEmail,
  isIdentityHash,
  isIri,
  isLanguageTag,
  isOb2Context,
  isTelephone,
  isUrl,
  isValidCompactIri,
  isValidRdfType,
  OB1_CONTEXT,
  OB2_CONTEXT,
  vocabularyOf,
  type Vocabulary,
} from './vocab';

/** Collects findings; `pass` checks are added at the end for the ids that were looked at. */
export class Findings {
  readonly checks: Check[] = [];
  private readonly looked = new Set<CheckId>();

  add(id: CheckId, status: CheckStatus, code: CheckCode, params?: Record<string, string | number | boolean>): void {
    this.looked.add(id);
    this.checks.push(check(id, status, code, params));
  }

  /** Mark a check id as examined (so a pass is emitted when nothing was found). */
  examine(id: CheckId): void {
    this.looked.add(id);
  }

  /** The findings, plus one pass per examined id without a finding. */
  result(order: readonly CheckId[] = ['context', 'type', 'schema', 'image']): Check[] {
    const out = [...this.checks];
    for (const id of order) {
      if (this.looked.has(id) && !this.checks.some((c) => c.id === id)) out.push(check(id, 'pass', 'OK'));
    }
    return out;
  }
}

type Kind =
  | 'IRI'
  | 'URL'
  | 'TEXT'
  | 'MARKDOWN'
  | 'EMAIL'
  | 'BOOLEAN'
  | 'TEXT_OR_NUMBER'
  | 'TELEPHONE'
  | 'LANGUAGE'
  | 'IDENTITY_HASH';

const VALID: Record<Kind, (v: unknown) => boolean> = {
  IRI: isIri,
  URL: isUrl,
  TEXT: (v) => typeof v === 'string',
  MARKDOWN: (v) => typeof v === 'string',
  EMAIL: isEmail,
  BOOLEAN: (v) => typeof v === 'boolean',
  TEXT_OR_NUMBER: (v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)),
  TELEPHONE: isTelephone,
  LANGUAGE: isLanguageTag,
  IDENTITY_HASH: (v) => typeof v === 'string',
};

/** A JSON-LD value object {"@value": …} reads as its value. */
const plain = (v: unknown): unknown => (isObject(v) && '@value' in v ? v['@value'] : v);

interface PropSpec {
  readonly prop: string;
  readonly kind: Kind;
  readonly required?: boolean;
  readonly many?: boolean;
  /** 'warn' for 1EdTech WARNING-level or our softened rules. */
  readonly level?: 'fail' | 'warn';
}

/** validator-core validate_property for primitive types. */
function validateProp(f: Findings, node: JsonObject, cls: string, label: string, spec: PropSpec): void {
  const status = spec.level ?? 'fail';
  f.examine('schema');
  if (!(spec.prop in node) || node[spec.prop] === undefined) {
    if (spec.required) f.add('schema', status, 'PROPERTY_MISSING', { node: label, class: cls, property: spec.prop });
    return;
  }
  const raw = node[spec.prop];
  const values = listOf(raw).map(plain);
  const empty = values.length === 0 || values.every((v) => v === null);
  if (empty) {
    if (spec.required) f.add('schema', status, 'PROPERTY_MISSING', { node: label, class: cls, property: spec.prop });
    return;
  }
  if (!spec.many && values.length > 1) {
    f.add('schema', status, 'PROPERTY_INVALID', { node: label, class: cls, property: spec.prop, reason: 'many' });
    return;
  }
  for (const v of values) {
    if (!VALID[spec.kind](v)) {
      f.add('schema', status, 'PROPERTY_INVALID', {
        node: label,
        class: cls,
        property: spec.prop,
        expected: spec.kind,
        value: short(v),
      });
      return;
    }
  }
}

/** RDF type rules (validator-core validate_rdf_type_property). */
function validateType(
  f: Findings,
  node: JsonObject,
  label: string,
  opts: { required: boolean; mustContainOne?: readonly string[]; many?: boolean; vocab: Vocabulary },
): void {
  f.examine('type');
  const raw = node['type'];
  if (raw === undefined || raw === null) {
    if (opts.required) f.add('type', 'fail', 'TYPE_MISSING', { node: label, ...expectedParam(opts.mustContainOne) });
    return;
  }
  const values = listOf(raw);
  if (values.length === 0 || values.every((v) => v === null)) {
    if (opts.required) f.add('type', 'fail', 'TYPE_MISSING', { node: label, ...expectedParam(opts.mustContainOne) });
    return;
  }
  if (opts.many === false && values.length > 1) {
    f.add('type', 'fail', 'TYPE_INVALID', { node: label, found: short(raw), reason: 'many' });
    return;
  }
  for (const v of values) {
    if (!isValidRdfType(v, opts.vocab)) {
      f.add('type', 'fail', 'TYPE_INVALID', { node: label, found: short(v), reason: 'not-an-iri' });
      return;
    }
  }
  if (opts.mustContainOne && !values.some((v) => typeof v === 'string' && opts.mustContainOne?.includes(v))) {
    f.add('type', 'fail', 'TYPE_INVALID', { node: label, found: short(raw), ...expectedParam(opts.mustContainOne) });
  }
}

const expectedParam = (list?: readonly string[]): Record<string, string> => (list ? { expected: list.join('|') } : {});

/** The @context of a top-level document (after the 0.5/1.0 upgrade, which sets the v1 context). */
export function validateContext(f: Findings, doc: JsonObject, label: string): void {
  f.examine('context');
  const ctx = doc['@context'];
  if (ctx === OB1_CONTEXT) return; // 0.5/1.0 upgraded, or 1.1: the version check says so
  if (!isOb2Context(ctx)) {
    f.add('context', 'fail', 'CONTEXT_MISSING', { node: label, expected: OB2_CONTEXT, found: short(ctx ?? '') });
  }
}

/** Properties every primary object (Assertion, BadgeClass, Profile, Endorsement) may carry. */
function validatePrimaryCommon(f: Findings, node: JsonObject, cls: string, label: string): void {
  validateProp(f, node, cls, label, { prop: '@language', kind: 'LANGUAGE' });
  validateProp(f, node, cls, label, { prop: 'version', kind: 'TEXT_OR_NUMBER' });
  for (const related of listOf(node['related'])) {
    const id = isObject(related) ? related['id'] : related;
    if (!isIri(id)) {
      f.add('schema', 'fail', 'PROPERTY_INVALID', { node: label, class: cls, property: 'related', value: short(id) });
      break;
    }
  }
}

export interface NodeContext {
  readonly vocab: Vocabulary;
  /** The node came embedded in another (validator-core gives an id-less one a blank node id, with a warning). */
  readonly embedded?: boolean;
  /** Upgraded from OB 0.5/1.x, whose issuer had no required email. */
  readonly legacy?: boolean;
}

/** `id`: required IRI; an embedded node without one only gets a warning (validator-core flattening). */
function validateId(f: Findings, node: JsonObject, cls: string, label: string, ctx: NodeContext): void {
  if (ctx.embedded && (node['id'] === undefined || node['id'] === null)) {
    f.add('schema', 'warn', 'PROPERTY_MISSING', { node: label, class: cls, property: 'id', reason: 'blank-node' });
    return;
  }
  validateProp(f, node, cls, label, { prop: 'id', kind: 'IRI', required: true });
}

/** Assertion (validator-core ClassValidators Assertion). The BadgeClass is validated by the caller. */
export function validateAssertion(f: Findings, node: JsonObject, ctx: NodeContext): void {
  const label = typeof node['id'] === 'string' ? node['id'] : 'Assertion';
  const cls = 'Assertion';
  validateProp(f, node, cls, label, { prop: 'id', kind: 'IRI', required: true });
  validateType(f, node, label, { required: true, mustContainOne: ['Assertion'], vocab: ctx.vocab });

  // recipient: an embedded IdentityObject
  const recipient = node['recipient'];
  if (recipient === undefined || recipient === null) {
    f.add('schema', 'fail', 'PROPERTY_MISSING', { node: label, class: cls, property: 'recipient' });
  } else if (!isObject(recipient)) {
    f.add('schema', 'fail', 'PROPERTY_INVALID', {
      node: label,
      class: cls,
      property: 'recipient',
      value: short(recipient),
    });
  } else {
    validateIdentityObject(f, recipient, `${label} recipient`, ctx);
  }

  // badge: an IRI (fetched by the caller) or an embedded BadgeClass (validated by the caller)
  const badge = node['badge'];
  if (badge === undefined || badge === null) {
    f.add('schema', 'fail', 'PROPERTY_MISSING', { node: label, class: cls, property: 'badge' });
  } else if (!isObject(badge) && !isIri(badge)) {
    f.add('schema', 'fail', 'PROPERTY_INVALID', { node: label, class: cls, property: 'badge', value: short(badge) });
  }

  // verification: an embedded VerificationObject with a HostedBadge/SignedBadge type
  const verification = node['verification'];
  if (verification === undefined || verification === null) {
    f.add('schema', 'fail', 'PROPERTY_MISSING', { node: label, class: cls, property: 'verification' });
  } else if (!isObject(verification)) {
    f.add('schema', 'fail', 'PROPERTY_INVALID', {
      node: label,
      class: cls,
      property: 'verification',
      value: short(verification),
    });
  } else {
    validateType(f, verification, `${label} verification`, {
      required: true,
      many: false,
      // 'hosted'/'signed' are aliases of the same IRIs in the v2 context.
      mustContainOne: ['HostedBadge', 'SignedBadge', 'hosted', 'signed'],
      vocab: ctx.vocab,
    });
    const creator = verification['creator'];
    if (creator !== undefined && !isIri(isObject(creator) ? creator['id'] : creator)) {
      f.add('schema', 'fail', 'PROPERTY_INVALID', {
        node: `${label} verification`,
        property: 'creator',
        value: short(creator),
      });
    }
  }

  // issuedOn / expires: the date checks own them (dates.ts)
  validateImageProp(f, node, cls, label, { allowDataUri: false });
  validateProp(f, node, cls, label, { prop: 'narrative', kind: 'MARKDOWN' });
  for (const ev of listOf(node['evidence'])) {
    if (isObject(ev)) validateEvidence(f, ev, `${label} evidence`, ctx);
    else if (!isIri(ev)) {
      f.add('schema', 'fail', 'PROPERTY_INVALID', { node: label, class: cls, property: 'evidence', value: short(ev) });
    }
  }
  validatePrimaryCommon(f, node, cls, label);
}

/** IdentityObject and its dependencies (identity_object_property_dependencies). */
export function validateIdentityObject(f: Findings, node: JsonObject, label: string, _ctx: NodeContext): void {
  const cls = 'IdentityObject';
  f.examine('schema');
  const type = node['type'];
  if (type === undefined || type === null) {
    f.add('schema', 'fail', 'PROPERTY_MISSING', { node: label, class: cls, property: 'type' });
  } else if (typeof type !== 'string' || !['id', 'email', 'url', 'telephone'].includes(type)) {
    f.add('schema', 'fail', 'PROPERTY_INVALID', {
      node: label,
      class: cls,
      property: 'type',
      expected: 'id|email|url|telephone',
      value: short(type),
    });
  }
  validateProp(f, node, cls, label, { prop: 'identity', kind: 'IDENTITY_HASH', required: true });
  validateProp(f, node, cls, label, { prop: 'hashed', kind: 'BOOLEAN', required: true });
  validateProp(f, node, cls, label, { prop: 'salt', kind: 'TEXT' });

  const identity = node['identity'];
  if (typeof identity !== 'string') return;
  const hashed = node['hashed'] === true;
  const looksHashed = isIdentityHash(identity);
  if (hashed && !looksHashed) {
    f.add('schema', 'fail', 'PROPERTY_INVALID', { node: label, class: cls, property: 'identity', reason: 'hash-format' });
  } else if (looksHashed && !hashed) {
    f.add('schema', 'fail', 'PROPERTY_INVALID', {
      node: label,
      class: cls,
      property: 'identity',
      reason: 'hashed-but-flag-false',
    });
  } else if (!hashed && type === 'email' && !/^[^@]+@[^@]+$/.test(identity)) {
    f.add('schema', 'fail', 'PROPERTY_INVALID', { node: label, class: cls, property: 'identity', reason: 'email-format' });
  }
}

/** BadgeClass (the issuer it names is fetched and validated by the caller). */
export function validateBadgeClass(f: Findings, node: JsonObject, ctx: NodeContext): void {
  const vocab = vocabularyOf(node, ctx.vocab);
  const sub: NodeContext = { vocab };
  const label = typeof node['id'] === 'string' ? node['id'] : 'BadgeClass';
  const cls = 'BadgeClass';
  validateId(f, node, cls, label, ctx);
  validateType(f, node, label, { required: true, mustContainOne: ['BadgeClass'], vocab });
  const issuer = node['issuer'];
  if (issuer === undefined || issuer === null) {
    f.add('schema', 'fail', 'PROPERTY_MISSING', { node: label, class: cls, property: 'issuer' });
  } else if (!isObject(issuer) && !isIri(issuer)) {
    f.add('schema', 'fail', 'PROPERTY_INVALID', { node: label, class: cls, property: 'issuer', value: short(issuer) });
  }
  validateProp(f, node, cls, label, { prop: 'name', kind: 'TEXT', required: true });
  validateProp(f, node, cls, label, { prop: 'description', kind: 'TEXT', required: true });
  validateImageProp(f, node, cls, label, { allowDataUri: true });

  const criteria = node['criteria'];
  if (criteria === undefined || criteria === null) {
    f.add('schema', 'fail', 'PROPERTY_MISSING', { node: label, class: cls, property: 'criteria' });
  } else if (isObject(criteria)) {
    validateCriteria(f, criteria, `${label} criteria`, sub);
  } else if (!isUrl(criteria)) {
    f.add('schema', 'fail', 'PROPERTY_INVALID', { node: label, class: cls, property: 'criteria', value: short(criteria) });
  }
  for (const a of listOf(node['alignment'])) {
    if (isObject(a)) validateAlignment(f, a, `${label} alignment`, sub);
    else {
      f.add('schema', 'fail', 'PROPERTY_INVALID', { node: label, class: cls, property: 'alignment', value: short(a) });
      break;
    }
  }
  validateProp(f, node, cls, label, { prop: 'tags', kind: 'TEXT', many: true });
  validatePrimaryCommon(f, node, cls, label);
}

/**
 * Profile used as an issuer. name/url/email are required by OB 2.0 and are ERRORS in both 1EdTech
 * validators; here they are warnings (see the file comment). A non-HTTP id is a WARNING in
 * validator-core (ISSUER_PROPERTY_DEPENDENCIES); the caller reports it where it matters (scope).
 */
export function validateProfile(f: Findings, node: JsonObject, ctx: NodeContext): void {
  const vocab = vocabularyOf(node, ctx.vocab);
  const label = typeof node['id'] === 'string' ? node['id'] : 'Profile';
  const cls = 'Profile';
  validateId(f, node, cls, label, ctx);
  validateType(f, node, label, { required: true, mustContainOne: ['Issuer', 'Profile'], vocab });
  validateProp(f, node, cls, label, { prop: 'name', kind: 'TEXT', required: true, level: 'warn' });
  validateProp(f, node, cls, label, { prop: 'description', kind: 'TEXT' });
  validateImageProp(f, node, cls, label, { allowDataUri: true });
  validateProp(f, node, cls, label, { prop: 'url', kind: 'URL', required: true, level: 'warn' });
  // OB 0.5/1.x issuers: email was optional then.
  validateProp(f, node, cls, label, { prop: 'email', kind: 'EMAIL', required: !ctx.legacy, level: 'warn' });
  validateProp(f, node, cls, label, { prop: 'telephone', kind: 'TELEPHONE', level: 'warn' });
  for (const key of listOf(node['publicKey'])) {
    const id = isObject(key) ? key['id'] : key;
    if (!isIri(id)) {
      f.add('schema', 'fail', 'PROPERTY_INVALID', { node: label, class: cls, property: 'publicKey', value: short(id) });
      break;
    }
  }
  const policy = node['verification'];
  if (isObject(policy)) {
    const pl = `${label} verification`;
    if (policy['type'] !== undefined) validateType(f, policy, pl, { required: false, vocab });
    if (policy['verificationProperty'] !== undefined && !isValidCompactIri(policy['verificationProperty'], vocab)) {
      f.add('schema', 'fail', 'PROPERTY_INVALID', {
        node: pl,
        property: 'verificationProperty',
        value: short(policy['verificationProperty']),
      });
    }
    for (const s of listOf(policy['startsWith'])) {
      if (!isUrl(s)) {
        f.add('schema', 'fail', 'PROPERTY_INVALID', { node: pl, property: 'startsWith', value: short(s) });
        break;
      }
    }
    for (const o of listOf(policy['allowedOrigins'])) {
      if (typeof o !== 'string') {
        f.add('schema', 'fail', 'PROPERTY_INVALID', { node: pl, property: 'allowedOrigins', value: short(o) });
        break;
      }
    }
  }
  if (node['revocationList'] !== undefined && !isIri(node['revocationList'])) {
    f.add('schema', 'fail', 'PROPERTY_INVALID', {
      node: label,
      class: cls,
      property: 'revocationList',
      value: short(node['revocationList']),
    });
  }
  validatePrimaryCommon(f, node, cls, label);
}

/** Criteria: an id and/or a narrative; a blank node needs a narrative. */
export function validateCriteria(f: Findings, node: JsonObject, label: string, ctx: NodeContext): void {
  const cls = 'Criteria';
  if (node['type'] !== undefined) validateType(f, node, label, { required: false, vocab: ctx.vocab });
  validateProp(f, node, cls, label, { prop: 'id', kind: 'IRI' });
  validateProp(f, node, cls, label, { prop: 'narrative', kind: 'MARKDOWN' });
  const id = node['id'];
  const blank = id === undefined || id === null || isBlankNodeId(id);
  if (blank && (typeof node['narrative'] !== 'string' || node['narrative'].length === 0)) {
    f.add('schema', 'fail', 'PROPERTY_MISSING', {
      node: label,
      class: cls,
      property: 'narrative',
      reason: 'id-or-narrative',
    });
  }
}

export function validateAlignment(f: Findings, node: JsonObject, label: string, ctx: NodeContext): void {
  const cls = 'AlignmentObject';
  if (node['type'] !== undefined) validateType(f, node, label, { required: false, vocab: ctx.vocab });
  validateProp(f, node, cls, label, { prop: 'targetName', kind: 'TEXT', required: true });
  validateProp(f, node, cls, label, { prop: 'targetUrl', kind: 'URL', required: true });
  validateProp(f, node, cls, label, { prop: 'description', kind: 'TEXT' });
  validateProp(f, node, cls, label, { prop: 'targetDescription', kind: 'TEXT' });
  validateProp(f, node, cls, label, { prop: 'targetFramework', kind: 'TEXT' });
  validateProp(f, node, cls, label, { prop: 'targetCode', kind: 'TEXT' });
}

export function validateEvidence(f: Findings, node: JsonObject, label: string, ctx: NodeContext): void {
  const cls = 'Evidence';
  if (node['type'] !== undefined) validateType(f, node, label, { required: false, vocab: ctx.vocab });
  validateProp(f, node, cls, label, { prop: 'id', kind: 'IRI' });
  for (const prop of ['narrative', 'name', 'description', 'genre', 'audience']) {
    validateProp(f, node, cls, label, { prop, kind: 'TEXT' });
  }
}

/**
 * Image rules (tasks/images.py, SPECS §2.8): one image (a list is refused); a URL, or an Image
 * object whose id is one; a data URI only where allowed (not on an Assertion), and only PNG or SVG.
 */
function validateImageProp(
  f: Findings,
  node: JsonObject,
  cls: string,
  label: string,
  opts: { allowDataUri: boolean },
): void {
  const value = node['image'];
  if (value === undefined || value === null) return;
  f.examine('image');
  if (Array.isArray(value)) {
    f.add('image', 'fail', 'PROPERTY_INVALID', { node: label, class: cls, property: 'image', reason: 'many' });
    return;
  }
  let src: unknown = value;
  if (isObject(value)) {
    src = value['id'];
    if (value['caption'] !== undefined && typeof value['caption'] !== 'string') {
      f.add('schema', 'fail', 'PROPERTY_INVALID', { node: label, class: 'Image', property: 'caption' });
    }
    if (value['author'] !== undefined && !isIri(value['author'])) {
      f.add('schema', 'fail', 'PROPERTY_INVALID', {
        node: label,
        class: 'Image',
        property: 'author',
        value: short(value['author']),
      });
    }
  }
  if (isDataUri(src)) {
    if (!opts.allowDataUri) {
      f.add('image', 'fail', 'DATA_URI_NOT_ALLOWED', { node: label, class: cls, property: 'image' });
      return;
    }
    const type = dataUriMediaType(src);
    if (type === null || !IMAGE_MEDIA_TYPES.has(type)) {
      f.add('image', 'fail', 'PROPERTY_INVALID', { node: label, class: cls, property: 'image', mediaType: type ?? '' });
    }
    return;
  }
  if (!isUrl(src)) {
    f.add('image', 'fail', 'PROPERTY_INVALID', { node: label, class: cls, property: 'image', value: short(src) });
  }
}

/** Endorsement shape (ClassValidators Endorsement / EndorsementClaim): the reasons it is not one. */
export function endorsementProblems(node: JsonObject, vocab: Vocabulary): string[] {
  const problems: string[] = [];
  if (!isIri(node['id'])) problems.push('id');
  const types = listOf(node['type']);
  if (types.length === 0 || !types.includes('Endorsement') || !types.every((t) => isValidRdfType(t, vocab))) {
    problems.push('type');
  }
  const claim = node['claim'];
  if (!isObject(claim) || !isIri(claim['id'])) problems.push('claim');
  else if (claim['endorsementComment'] !== undefined && typeof claim['endorsementComment'] !== 'string') {
    problems.push('endorsementComment');
  }
  const issuer = node['issuer'];
  if (!(isIri(issuer) || (isObject(issuer) && isIri(issuer['id'])))) problems.push('issuer');
  if (!isObject(node['verification'])) problems.push('verification');
  return problems;
}

/** Which known OB class a root document declares (the first one, as the Java validator picks it). */
export function declaredClass(node: JsonObject): string | null {
  const known = [
    'Assertion',
    'BadgeClass',
    'Issuer',
    'Profile',
    'AlignmentObject',
    'Criteria',
    'CryptographicKey',
    'Endorsement',
    'Evidence',
    'Image',
    'RevocationList',
    'Extension',
    'IdentityObject',
  ];
  for (const t of listOf(node['type'])) {
    if (typeof t === 'string' && known.includes(t)) return t;
  }
  return null;
}

/** A root document that is not an Assertion: validate what it declares (1EdTech runs these directly). */
export function validateOtherRoot(f: Findings, node: JsonObject, cls: string | null, ctx: NodeContext): void {
  const vocab = vocabularyOf(node, ctx.vocab);
  const label = typeof node['id'] === 'string' ? node['id'] : cls ?? 'node';
  switch (cls) {
    case 'AlignmentObject':
      validateType(f, node, label, { required: false, vocab });
      validateAlignment(f, node, label, { vocab });
      return;
    case 'Criteria':
      validateCriteria(f, node, label, { vocab });
      return;
    case 'Evidence':
      validateEvidence(f, node, label, { vocab });
      return;
    case 'Endorsement': {
      validateType(f, node, label, { required: true, mustContainOne: ['Endorsement'], vocab });
      for (const p of endorsementProblems(node, vocab)) {
        f.add('schema', 'fail', 'PROPERTY_INVALID', { node: label, class: 'Endorsement', property: p });
      }
      return;
    }
    default:
      // Unknown or external class: only the id and the RDF types are checked.
      validateProp(f, node, cls ?? 'node', label, { prop: 'id', kind: 'IRI' });
      validateType(f, node, label, { required: true, vocab });
  }
}
