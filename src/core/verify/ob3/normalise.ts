/**
 * OB 3.0 credential (VC 1.1 or 2.0, any proof) → the normalised Badge every view uses.
 *
 * Everything read here is untrusted text: values are only picked and shaped, never interpreted as
 * HTML or followed. Language maps (`{"en": "…", "fr": "…"}`, allowed by the OB 3.0 schema for
 * strings) yield their English value, else the first one.
 */
import type { Badge, BadgeAlignment, BadgeEvidence, BadgeImage, BadgeIssuer, BadgeRecipient } from '../../model/badge';
import { parseDateTime } from '../dates';
import { asArray, isObject, type JsonObject } from '../status/json';

/** A display string: a string, or a language map's English (else first) string value. */
export function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (isObject(value)) {
    const en = value['en'];
    if (typeof en === 'string' && en.trim() !== '') return en;
    for (const v of Object.values(value)) if (typeof v === 'string' && v.trim() !== '') return v;
  }
  return null;
}

const idText = (value: unknown): string | null => (isObject(value) ? text(value['id']) : text(value));

/** An OB 3.0 Image object `{id, type: "Image", caption}` or a bare URL / data URI. */
export function imageOf(value: unknown): BadgeImage | null {
  const first = Array.isArray(value) ? value[0] : value;
  const src = idText(first);
  if (!src) return null;
  const caption = isObject(first) ? text(first['caption']) : null;
  return caption ? { src, caption } : { src };
}

/** ISO 8601 as normalised (UTC), or null when absent or unreadable. */
function dateOf(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return parseDateTime(value)?.toISOString() ?? null;
}

function issuerOf(value: unknown): BadgeIssuer {
  if (!isObject(value)) return { id: text(value), name: null, url: null, email: null, image: null };
  return {
    id: text(value['id']),
    name: text(value['name']),
    url: idText(value['url']),
    email: text(value['email']),
    image: imageOf(value['image']),
  };
}

function recipientsOf(subject: JsonObject | null): BadgeRecipient[] {
  if (!subject) return [];
  const out: BadgeRecipient[] = [];
  for (const item of asArray(subject['identifier'])) {
    if (!isObject(item)) continue;
    const identity = text(item['identityHash']);
    if (!identity) continue;
    out.push({
      type: text(item['identityType']) ?? 'identifier',
      hashed: item['hashed'] === true || item['hashed'] === 'true',
      identity,
      salt: text(item['salt']),
    });
  }
  return out;
}

function evidenceOf(doc: JsonObject): BadgeEvidence[] {
  return asArray(doc['evidence'])
    .map((e): BadgeEvidence | null => {
      if (typeof e === 'string') return { id: text(e), name: null, description: null, narrative: null };
      if (!isObject(e)) return null;
      return { id: text(e['id']), name: text(e['name']), description: text(e['description']), narrative: text(e['narrative']) };
    })
    .filter((e): e is BadgeEvidence => e !== null);
}

function alignmentsOf(achievement: JsonObject | null): BadgeAlignment[] {
  if (!achievement) return [];
  return asArray(achievement['alignment'])
    .filter(isObject)
    .map((a): BadgeAlignment | null => {
      const targetName = text(a['targetName']);
      if (!targetName) return null;
      return {
        targetName,
        targetUrl: idText(a['targetUrl']),
        targetDescription: text(a['targetDescription']),
        targetFramework: text(a['targetFramework']),
        targetCode: text(a['targetCode']),
      };
    })
    .filter((a): a is BadgeAlignment => a !== null);
}

function criteriaOf(achievement: JsonObject | null): Badge['criteria'] {
  if (!achievement) return null;
  const criteria = achievement['criteria'];
  if (typeof criteria === 'string') return { url: text(criteria), narrative: null };
  if (!isObject(criteria)) return null;
  const url = text(criteria['id']);
  const narrative = text(criteria['narrative']);
  return url || narrative ? { url, narrative } : null;
}

/** Keys holding endorsements, at any depth (the 1EdTech validator reads `$..endorsement`). */
export const ENDORSEMENT_KEYS = ['endorsement', 'endorsementJwt'] as const;

/**
 * Every embedded endorsement of a credential: `endorsement[]` objects and `endorsementJwt[]` strings
 * wherever they sit (credential, achievement, issuer, creator…), not looking inside the
 * endorsements themselves (they are verified on their own, with their own endorsements) nor inside
 * credentials a CLR embeds (`verifiableCredential`: theirs belong to them).
 */
export function findEndorsements(doc: JsonObject): { readonly objects: JsonObject[]; readonly jwts: string[] } {
  const objects: JsonObject[] = [];
  const jwts: string[] = [];
  const seen = new Set<unknown>();
  const walk = (node: unknown, depth: number): void => {
    if (depth > 32 || node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const item of node) walk(item, depth + 1);
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'endorsement') {
        for (const e of asArray(value)) if (isObject(e)) objects.push(e);
      } else if (key === 'endorsementJwt') {
        for (const e of asArray(value)) if (typeof e === 'string' && e.trim() !== '') jwts.push(e.trim());
      } else if (key !== 'proof' && key !== 'verifiableCredential') {
        walk(value, depth + 1);
      }
    }
  };
  walk(doc, 0);
  return { objects, jwts };
}

export function normaliseOb3(doc: Record<string, unknown>, proof: 'vc-jwt' | 'data-integrity' | 'none'): Badge {
  const subject = asArray(doc['credentialSubject']).find(isObject) ?? null;
  const achievement = subject ? (asArray(subject['achievement']).find(isObject) ?? null) : null;
  const endorsements = findEndorsements(doc);
  return {
    obVersion: '3.0',
    proof,
    id: text(doc['id']),
    achievementId: achievement ? text(achievement['id']) : null,
    name: text(achievement?.['name']) ?? text(doc['name']) ?? text(subject?.['name']) ?? '',
    description: text(achievement?.['description']) ?? text(doc['description']) ?? text(subject?.['description']),
    criteria: criteriaOf(achievement),
    image: imageOf(doc['image']) ?? imageOf(subject?.['image']) ?? imageOf(achievement?.['image']),
    issuer: issuerOf(doc['issuer']),
    issuedOn: dateOf(doc['validFrom']) ?? dateOf(doc['issuanceDate']) ?? dateOf(doc['awardedDate']),
    expires: dateOf(doc['validUntil']) ?? dateOf(doc['expirationDate']),
    awardedOn: dateOf(doc['awardedDate']),
    recipients: recipientsOf(subject),
    subjectId: subject ? text(subject['id']) : null,
    narrative: subject ? text(subject['narrative']) : null,
    evidence: evidenceOf(doc),
    alignments: alignmentsOf(achievement),
    tags: achievement ? asArray(achievement['tag']).map(text).filter((t): t is string => t !== null) : [],
    achievementType: achievement ? text(achievement['achievementType']) : null,
    endorsementCount: endorsements.objects.length + endorsements.jwts.length,
  };
}
