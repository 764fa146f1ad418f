/**
 * The normalised Badge from an upgraded OB 0.5–2.0 assertion, its BadgeClass and issuer Profile
 * (whatever could be read: a missing BadgeClass leaves the badge nameless, not absent).
 * Every string stays untrusted text.
 */
import type {
  Badge,
  BadgeAlignment,
  BadgeEvidence,
  BadgeImage,
  BadgeIssuer,
  BadgeRecipient,
  ObVersion,
  ProofFormat,
} from '../../model/badge';
import { parseDateTime } from '../dates';
import { isObject, listOf, text, type JsonObject } from './json';

const str = (v: unknown): string | null => {
  const t = text(v);
  return t === null ? null : t;
};

const idOf = (v: unknown): string | null => (typeof v === 'string' ? v : isObject(v) ? str(v['id']) : null);

export function imageOf(v: unknown): BadgeImage | null {
  if (Array.isArray(v)) return imageOf(v[0]);
  if (typeof v === 'string' && v.length > 0) return { src: v };
  if (isObject(v)) {
    const src = str(v['id']);
    if (!src) return null;
    const caption = str(v['caption']);
    return caption === null ? { src } : { src, caption };
  }
  return null;
}

/** ISO 8601 (as normalised by the upgrade); a legacy value that still does not parse is kept as written. */
function dateOf(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  const d = parseDateTime(v, { allowUnix: true, allowDateOnly: true, allowNaive: true });
  if (d) return d.toISOString();
  return typeof v === 'string' ? v : null;
}

export function recipientsOf(assertion: JsonObject): BadgeRecipient[] {
  const r = assertion['recipient'];
  if (!isObject(r)) return [];
  const identity = str(r['identity']);
  if (identity === null) return [];
  const salt = r['salt'];
  return [
    {
      type: str(r['type']) ?? '',
      hashed: r['hashed'] === true,
      identity,
      salt: typeof salt === 'string' ? salt : typeof salt === 'number' ? String(salt) : null,
    },
  ];
}

function issuerOf(issuer: JsonObject | null, fallbackId: string | null): BadgeIssuer {
  if (!issuer) return { id: fallbackId, name: null, url: null, email: null, image: null };
  return {
    id: str(issuer['id']) ?? fallbackId,
    name: str(issuer['name']),
    url: idOf(issuer['url']),
    email: str(listOf(issuer['email'])[0]),
    image: imageOf(issuer['image']),
  };
}

function criteriaOf(c: unknown): Badge['criteria'] {
  if (typeof c === 'string') return { url: c, narrative: null };
  if (isObject(c)) {
    const id = str(c['id']);
    return { url: id && !id.startsWith('_:') ? id : null, narrative: str(c['narrative']) };
  }
  return null;
}

function evidenceOf(v: unknown): BadgeEvidence[] {
  return listOf(v)
    .slice(0, 100)
    .flatMap((e): BadgeEvidence[] => {
      if (typeof e === 'string') return [{ id: e, name: null, description: null, narrative: null }];
      if (!isObject(e)) return [];
      const id = str(e['id']);
      return [
        {
          id: id && !id.startsWith('_:') ? id : null,
          name: str(e['name']),
          description: str(e['description']),
          narrative: str(e['narrative']),
        },
      ];
    });
}

function alignmentsOf(v: unknown): BadgeAlignment[] {
  return listOf(v)
    .slice(0, 100)
    .flatMap((a): BadgeAlignment[] => {
      if (!isObject(a)) return [];
      const targetName = str(a['targetName']);
      if (targetName === null) return [];
      return [
        {
          targetName,
          targetUrl: str(a['targetUrl']),
          targetDescription: str(a['targetDescription']),
          targetFramework: str(a['targetFramework']),
          targetCode: str(a['targetCode']),
        },
      ];
    });
}

export function buildBadge(args: {
  version: ObVersion;
  proof: ProofFormat;
  assertion: JsonObject;
  badgeClass: JsonObject | null;
  issuer: JsonObject | null;
  endorsementCount: number;
}): Badge {
  const { assertion, badgeClass } = args;
  const bc = badgeClass ?? {};
  const tags = listOf(bc['tags']).filter((t): t is string => typeof t === 'string');
  return {
    obVersion: args.version,
    proof: args.proof,
    id: str(assertion['id']),
    achievementId: badgeClass ? str(badgeClass['id']) : idOf(assertion['badge']),
    name: str(bc['name']) ?? '',
    description: str(bc['description']),
    criteria: criteriaOf(bc['criteria']),
    image: imageOf(bc['image']) ?? imageOf(assertion['image']),
    issuer: issuerOf(args.issuer, idOf(bc['issuer'])),
    issuedOn: dateOf(assertion['issuedOn']),
    expires: dateOf(assertion['expires']),
    awardedOn: null,
    recipients: recipientsOf(assertion),
    subjectId: null,
    narrative: str(assertion['narrative']),
    evidence: evidenceOf(assertion['evidence']),
    alignments: alignmentsOf(bc['alignment']),
    tags,
    achievementType: null,
    endorsementCount: args.endorsementCount,
  };
}
