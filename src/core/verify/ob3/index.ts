/**
 * Open Badges 3.0 (and any W3C VC 1.1 / 2.0) verification: one Outcome of checks, in the order of
 * the OB 3.0 verification algorithm and of 1EdTech's OB30Inspector:
 *
 *   context, type, schema (conformance probes, inline schemas) → signature, issuerKey (embedded
 *   Data Integrity proof, or the VC-JWT verified by the caller) → status (1EdTech revocation list,
 *   Bitstring / StatusList2021 / RevocationList2020) → validFrom, expiry → recipient → endorsements.
 *
 * - The refresh service is never fetched: following it tells the issuer who looks at the credential
 *   and when, and a refreshed copy would have to be verified again anyway. The 1EdTech validator
 *   follows it; its `endorsement-err-schema-status-refresh.json` is invalid here for its schema.
 * - Embedded endorsements (`endorsement[]` and `endorsementJwt[]` anywhere in the credential) are
 *   verified by this same pipeline, two levels deep at most; a bad endorsement is a warning on the
 *   credential, not a failure of it.
 * - The proof verifiers and the endorsement verifier are injected (`createOb3Verifier(deps)`); the
 *   exported functions use the real ones.
 * - Nothing throws out: a bug becomes an INTERNAL_ERROR check.
 */
import { dateChecks } from '../dates';
import { recipientCheck } from '../recipient';
import { checkCredentialStatus, type JwtVerifier, type ProofVerifier } from '../status';
import { check, inCheckOrder, type Check, type Outcome, type VerifyContext } from '../types';
import { verdictOf } from '../verdict';
import { MAX_DEPTH, tooDeep } from '../depth';
import {
  conformanceChecks,
  contextsOf,
  credentialKind,
  idOf,
  inlineSchemaChecks,
  isObject,
  typesOf,
  vcVersionOf,
  VC_V1,
  VC_V2,
  type CredentialKind,
  type JsonObject,
} from './conformance';
import { verifyDataIntegrity } from './dataIntegrity';
import { findEndorsements, normaliseOb3 } from './normalise';
import { verifyVcJwt } from './vcJwt';

export { normaliseOb3 } from './normalise';

/** How deep embedded endorsements are followed: the credential's (1), and theirs (2). */
export const MAX_ENDORSEMENT_DEPTH = 2;

/** One embedded endorsement, as found in the credential. */
export type EmbeddedEndorsement = { readonly kind: 'object'; readonly doc: JsonObject } | { readonly kind: 'jwt'; readonly jwt: string };

export interface Ob3Deps {
  /** The credential's embedded proof (Data Integrity). */
  readonly verifyDataIntegrity: ProofVerifier;
  /** A VC-JWT (endorsementJwt, and verifyOb3Jwt). */
  readonly verifyVcJwt: JwtVerifier;
  /** A status list credential's own embedded proof. Default: verifyDataIntegrity. */
  readonly verifyStatusListProof: ProofVerifier;
  /** A status list served as a VC-JWT. Default: verifyVcJwt. */
  readonly verifyStatusListJwt: JwtVerifier;
  /** One embedded endorsement at `depth`. Default: this pipeline, expecting an EndorsementCredential. */
  readonly verifyEndorsement?: (endorsement: EmbeddedEndorsement, ctx: VerifyContext, depth: number) => Promise<Outcome>;
}

export interface Ob3Options {
  /** The VC-JWT that carried this credential (its proof is checked by the caller). */
  readonly jwt?: string;
  /** 0 for the credential itself, 1 for its endorsements, 2 for theirs. */
  readonly depth?: number;
}

interface InternalOptions extends Ob3Options {
  /** An embedded endorsement must be an EndorsementCredential. */
  readonly expectEndorsement?: boolean;
}

export interface Ob3Verifier {
  verifyOb3Credential(doc: unknown, ctx: VerifyContext, opts?: Ob3Options): Promise<Outcome>;
  verifyOb3Jwt(jwt: string, ctx: VerifyContext, opts?: Pick<Ob3Options, 'depth'>): Promise<Outcome>;
}

const internalError = (e: unknown): Check => check('parse', 'fail', 'INTERNAL_ERROR', { detail: String((e as Error)?.message ?? e) });

export function createOb3Verifier(overrides: Partial<Ob3Deps> = {}): Ob3Verifier {
  const di = overrides.verifyDataIntegrity ?? verifyDataIntegrity;
  const jwtVerifier = overrides.verifyVcJwt ?? verifyVcJwt;
  const statusDeps = {
    verifyListProof: overrides.verifyStatusListProof ?? di,
    verifyListJwt: overrides.verifyStatusListJwt ?? jwtVerifier,
  };

  const defaultEndorsementVerifier = (e: EmbeddedEndorsement, ctx: VerifyContext, depth: number): Promise<Outcome> =>
    e.kind === 'object' ? credential(e.doc, ctx, { depth, expectEndorsement: true }) : jwtCredential(e.jwt, ctx, depth, true);
  const verifyEndorsement = overrides.verifyEndorsement ?? defaultEndorsementVerifier;

  async function credential(doc: unknown, ctx: VerifyContext, opts: InternalOptions = {}): Promise<Outcome> {
    const depth = opts.depth ?? 0;
    if (!isObject(doc)) return { checks: [check('parse', 'fail', 'NOT_A_BADGE', { reason: 'not-an-object' })], badge: null };
    if (tooDeep(doc, MAX_DEPTH)) return { checks: [check('parse', 'fail', 'TOO_DEEP')], badge: null };
    try {
      const kind = credentialKind(doc);
      const hasProof = doc['proof'] !== undefined && doc['proof'] !== null;

      // The network-bound steps run together; the report keeps the pipeline's order.
      const [inline, proof, status, endorsements] = await Promise.all([
        inlineSchemaChecks(doc, ctx),
        hasProof
          ? di(doc, ctx, { expectedPurpose: 'assertionMethod', issuerId: idOf(doc['issuer']) })
          : Promise.resolve(opts.jwt ? [] : [check('signature', 'fail', 'NO_PROOF')]),
        checkCredentialStatus(doc, ctx, statusDeps),
        endorsementsCheck(doc, ctx, depth),
      ]);

      const conformance = conformanceChecks(doc, kind);
      const checks = mergeSchema(conformance, inline);
      if (opts.expectEndorsement && kind !== 'endorsement') replaceType(checks, kind, doc);

      const version = vcVersionOf(doc);
      const issued = version === '1.1' ? (doc['issuanceDate'] ?? doc['validFrom']) : (doc['validFrom'] ?? doc['issuanceDate']);
      const expires = version === '1.1' ? (doc['expirationDate'] ?? doc['validUntil']) : (doc['validUntil'] ?? doc['expirationDate']);
      const badge = normaliseOb3(doc, opts.jwt ? 'vc-jwt' : hasProof ? 'data-integrity' : 'none');

      checks.push(...proof, ...status, ...datesOf(issued, expires, ctx.now()));
      // An endorsement's subject is the thing endorsed, not the earner.
      if (kind !== 'endorsement') {
        checks.push(await recipientCheck({ recipients: badge.recipients, subjectId: badge.subjectId, identities: ctx.identities }));
      }
      checks.push(endorsements);
      return { checks: inCheckOrder(checks), badge };
    } catch (e) {
      return { checks: [internalError(e)], badge: null };
    }
  }

  async function endorsementsCheck(doc: JsonObject, ctx: VerifyContext, depth: number): Promise<Check> {
    const found = findEndorsements(doc);
    const list: EmbeddedEndorsement[] = [
      ...found.objects.map((d): EmbeddedEndorsement => ({ kind: 'object', doc: d })),
      ...found.jwts.map((j): EmbeddedEndorsement => ({ kind: 'jwt', jwt: j })),
    ];
    const count = list.length;
    if (count === 0) return check('endorsements', 'pass', 'NO_ENDORSEMENTS');
    if (depth >= MAX_ENDORSEMENT_DEPTH) return check('endorsements', 'unchecked', 'TOO_DEEP', { count });
    const outcomes = await Promise.all(
      list.map((e) => verifyEndorsement(e, ctx, depth + 1).catch((err: unknown): Outcome => ({ checks: [internalError(err)], badge: null }))),
    );
    const failed = outcomes.filter((o) => {
      const verdict = verdictOf(o.checks);
      return verdict === 'invalid' || verdict === 'unverified';
    }).length;
    return failed === 0
      ? check('endorsements', 'pass', 'ENDORSEMENTS_VALID', { count })
      : check('endorsements', 'warn', 'ENDORSEMENT_INVALID', { count, failed });
  }

  async function jwtCredential(jwt: string, ctx: VerifyContext, depth: number, expectEndorsement: boolean): Promise<Outcome> {
    try {
      const verified = await jwtVerifier(jwt, ctx);
      if (!verified.credential) return { checks: inCheckOrder(verified.checks), badge: null };
      const inner = await credential(verified.credential, ctx, { jwt, depth, expectEndorsement });
      return { checks: inCheckOrder([...verified.checks, ...inner.checks]), badge: inner.badge };
    } catch (e) {
      return { checks: [internalError(e)], badge: null };
    }
  }

  return {
    verifyOb3Credential: (doc, ctx, opts) => credential(doc, ctx, opts ?? {}),
    verifyOb3Jwt: (jwt, ctx, opts) => jwtCredential(jwt, ctx, opts?.depth ?? 0, false),
  };
}

/**
 * validFrom / validUntil (VC 1.1: issuanceDate / expirationDate). VC 2.0 makes validFrom optional:
 * when absent there is nothing to check (an Open Badge without it already fails its schema check).
 */
function datesOf(issued: unknown, expires: unknown, now: Date): Check[] {
  const checks = dateChecks({ issued, expires, now });
  if (issued !== undefined && issued !== null) return checks;
  return checks.map((c) => (c.id === 'validFrom' && c.code === 'BAD_DATE' ? check('validFrom', 'pass', 'NOT_APPLICABLE') : c));
}

/** Inline schema results join the structural `schema` checks (one pass only when all is well). */
function mergeSchema(conformance: Check[], inline: Check[]): Check[] {
  if (inline.length === 0) return [...conformance];
  const others = conformance.filter((c) => c.id !== 'schema');
  const schema = conformance.filter((c) => c.id === 'schema' && !(c.status === 'pass' && c.code === 'OK'));
  return [...others, ...schema, ...inline];
}

/** An embedded endorsement that is not an EndorsementCredential fails its type check. */
function replaceType(checks: Check[], kind: CredentialKind, doc: JsonObject): void {
  for (let i = checks.length - 1; i >= 0; i--) if (checks[i]?.id === 'type') checks.splice(i, 1);
  checks.push(check('type', 'fail', 'TYPE_INVALID', { path: 'type', expected: 'EndorsementCredential', found: typesOf(doc).join(' '), kind }));
}

const defaultVerifier = createOb3Verifier();

/**
 * An OB 3.0 credential as JSON (embedded proof), or — with `opts.jwt` — the credential a VC-JWT
 * carried, whose proof the caller already verified (an embedded proof, if present, is verified too).
 */
export function verifyOb3Credential(doc: unknown, ctx: VerifyContext, opts?: { jwt?: string; depth?: number }): Promise<Outcome> {
  return defaultVerifier.verifyOb3Credential(doc, ctx, opts);
}

/** A VC-JWT: its proof (verifyVcJwt) and the credential it carries, in one Outcome. */
export function verifyOb3Jwt(jwt: string, ctx: VerifyContext): Promise<Outcome> {
  return defaultVerifier.verifyOb3Jwt(jwt, ctx);
}

/** A JSON object whose @context names the W3C VC data model (1.1 or 2.0). */
export function isOb3Credential(doc: unknown): boolean {
  return isObject(doc) && contextsOf(doc).some((c) => c === VC_V1 || c === VC_V2);
}
