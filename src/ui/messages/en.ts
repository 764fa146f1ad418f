import { shell } from './areas/shell';
import { library } from './areas/library';
import type { detail } from './areas/detail';
import { importer } from './areas/importer';
import { profile } from './areas/profile';
import { pwa } from './areas/pwa';
import { storage } from './areas/storage';
import type { viewer } from './areas/viewer';
import type { present } from './areas/present';
import type { linkedin } from './areas/linkedin';
import type { collections } from './areas/collections';

/**
 * English catalogue. Every user-facing string of the app lives here and in fr.ts.
 * Keys are typed: fr.ts must provide exactly the same keys (a compile error and a test otherwise).
 * Messages take named parameters written {like_this}.
 */
const base = {
  'app.name': 'Besace',
  'app.tagline': 'Your Open Badges, kept and verified on your device.',
  'app.intro':
    'Besace keeps the digital badges you have earned — volunteering, sport, 3D printing, a university skill — checks that they are genuine, and helps you show them on a CV, on LinkedIn or at an interview.',
  'app.privacy':
    'Everything stays on this device: no account, no server of ours. Nothing leaves unless you choose to share it.',
  'app.versions': 'Reads Open Badges 1.x, 2.0 and 3.0 baked into PNG and SVG images, JSON, JWS and JWT.',
  'app.comingSoon': 'The backpack itself is on its way: importing, verifying and sharing badges.',
  'lang.label': 'Language',
  'lang.en': 'English',
  'lang.fr': 'Français',

  // Extraction errors: what happened, then what to do next. {params} come from the core.
  'extract.error.EMPTY': 'This file is empty. Download the badge again from the e-mail or site where you received it.',
  'extract.error.NOT_AN_IMAGE':
    'This is not a badge: it is neither a badge image (PNG, SVG) nor a badge file (JSON, JWS, JWT, link). Check that you picked the right file.',
  'extract.error.UNSUPPORTED_IMAGE':
    'This image has no badge inside: it is a {format} file (a photo or a screenshot, for example). Badges come as PNG or SVG images — download the original from the issuer’s e-mail or site.',
  'extract.error.UNBAKED_IMAGE':
    'This {format} image holds no badge data. It may be the badge’s picture only, or a copy whose data was removed (iOS Photos does this). Download the badge again from the issuer’s e-mail or site.',
  'extract.error.CORRUPT_PNG':
    'This PNG file is damaged ({reason}), so its badge cannot be read. Download it again from the issuer.',
  'extract.error.CORRUPT_SVG':
    'This SVG file is not well-formed ({reason}), so its badge cannot be read. Download it again from the issuer.',
  'extract.error.CUSTOM_ENTITY':
    'This SVG uses an XML entity (&{name};) inside its badge. Besace never expands entities, for your safety. Ask the issuer for a standard badge file.',
  'extract.error.TOO_LARGE': 'This file is too large to be a badge ({what} over {limit} bytes). Check that you picked the right file.',
  'extract.error.INFLATE_FAILED':
    'The badge inside this image is compressed and damaged ({reason}). Download it again from the issuer.',
  'extract.error.BAD_PAYLOAD':
    'The badge data in this file cannot be read ({reason}). Download the badge again from the issuer, or paste its link instead.',
  'extract.error.INTERNAL': 'Besace could not read this file because of an internal error. Nothing was changed. Please report it.',
  'extract.warning.COMPRESSED_ITXT': 'The badge data is compressed, which the Open Badges baking rules forbid; it was read anyway.',
  'extract.warning.ZTXT_CHUNK': 'The badge data is in a compressed zTXt chunk, which the baking rules do not provide for; it was read anyway.',
  'extract.warning.TEXT_CHUNK_URL': 'An old-style (before 2013) badge: the image holds only the link to the badge, which must be checked online.',
  'extract.warning.TEXT_CHUNK': 'The badge data is in a tEXt chunk instead of iTXt; it was read anyway.',
  'extract.warning.DUPLICATE_BADGE_CHUNK': 'The image holds {count} badge chunks, which is not allowed; the first one was used.',
  'extract.warning.BOTH_KEYWORDS': 'The image holds both an Open Badges 3.0 and an older badge; the 3.0 one was used.',
  'extract.warning.PNG_DAMAGED_AFTER_BADGE': 'The image is damaged after the badge data ({reason}); the badge itself was read intact.',
  'extract.warning.DUPLICATE_BADGE_ELEMENT': 'The SVG holds {count} badge elements, which is not allowed; the first one was used.',
  'extract.warning.BOTH_NAMESPACES': 'The SVG holds both an Open Badges 3.0 and an older badge; the 3.0 one was used.',
  'extract.warning.UNEXPECTED_ELEMENT_NAME': 'The SVG badge element is named “{found}” where “{expected}” was expected; it was read anyway.',
  'extract.warning.NONSTANDARD_PREFIX': 'The SVG badge element uses the prefix “{prefix}” instead of “openbadges”; some tools will not find it.',
  'extract.warning.SVG_BODY_IGNORED': 'The SVG badge element has both a verify attribute and a body; the attribute was used.',
  'extract.warning.VERSION_MISMATCH': 'The image is marked as Open Badges {container} but the badge inside looks like {payload}.',
  'extract.warning.URL_IN_OB3': 'An Open Badges 3.0 image holds a link, which version 3.0 does not provide for.',
  'bake.error.UNSUPPORTED_IMAGE': 'Only PNG and SVG images can carry a badge (this one is {format}).',
  'bake.error.CORRUPT_PNG': 'This PNG file is damaged ({reason}); pick another image.',
  'bake.error.CORRUPT_SVG': 'This SVG file is not well-formed ({reason}); pick another image.',
  'bake.error.BAD_PAYLOAD': 'This badge data cannot be baked ({reason}). Use the JSON, JWS or JWT of a badge, or an assertion link.',
  'bake.error.VERSION_MISMATCH': 'The badge is Open Badges {payload} but {requested} was asked for.',
  'bake.error.SVG_PREFIX_CONFLICT': 'This SVG already uses the “openbadges” prefix for {namespace}; it cannot carry a badge safely.',
  'bake.error.CUSTOM_ENTITY': 'This SVG uses custom XML entities, which Besace never expands; pick another image.',
  'bake.error.TOO_LARGE': 'This badge is too large to bake into an image (over {limit} bytes).',
  'bake.error.INTERNAL': 'Besace could not bake this badge because of an internal error. Please report it.',
  // Command line
  'cli.help': `Besace — keep, verify and show Open Badges (1.x, 2.0, 3.0). Nothing leaves your machine
unless a command has to check a badge with its issuer.

Usage: npm run cli -- <command> [arguments] [options]

Commands:
  extract FILE…                    Print the badge inside each file, one JSON object per line:
                                   {"input","container","obVersionHint","payloadKind","payload","warnings"}
                                   or {"input","error":{"code","message"}}. FILE may be "-" (standard input).
                                   Exit status 0 when every input extracted, 1 otherwise.
  bake IMAGE PAYLOAD_FILE -o OUT   Bake a badge (JSON, JWS/JWT or assertion URL, read from PAYLOAD_FILE)
                                   into a PNG or SVG image, writing OUT.
                                   --ob-version 2.0|3.0  force the baking version (default: from the badge)
  verify INPUT… [options]          Verify badges: each INPUT is a file (any container extract reads), a URL,
                                   or "-" (standard input). Options may come before or after the inputs.
                                   --recipient EMAIL|URL   one of your identities, to check the badge is yours
                                                           (repeatable)
                                   --documents MAP.tsv     answer fetches from local files: a TSV whose first
                                                           two columns are url and a path relative to the TSV's
                                                           folder, with a header row; every other fetch is refused
                                   --now ISO-DATE          verify as of this date (expiry, validity)
                                   --offline               never use the network (checks that need it say so)
                                   --json                  one JSON object per input per line:
                                     {"input","verdict","badge":{"name","issuer":{"id","name"},"issuedOn",
                                      "expires","obVersion","proof"},"checks":[{"id","status","code","params",
                                      "message"}]}
                                   verdict: valid | warning | invalid | unverified. Exit status 0 when every
                                   verdict is valid or warning, 1 otherwise.
  share INPUT… [options]           Make a share link carrying the badges themselves (in the link's #fragment,
                                   which browsers never send to a server). Prints the link.
                                   --title TEXT            a title for the shared set
                                   --base URL              the Besace address the link opens
                                                           (default http://localhost:4173/)
                                   --qr OUT.png|OUT.svg    also write the link as a QR code (error correction M)
                                   --json                  print {"url","bytes","qr":{"version","errorCorrection"}};
                                                           "qr" is null when the link is too long for a QR code
  open LINK|FILE [options]         Verify every badge a share link carries, printed as verify prints them,
                                   each named LINK#0, LINK#1…; FILE: a collection downloaded from the app
                                   (….besace-share.txt). Takes verify's --documents, --now, --offline,
                                   --recipient and --json; the address the sharer disclosed, if any, is
                                   added to the recipients. An ended share is said on stderr. Exit status 0
                                   when every verdict is valid or warning, 1 otherwise (or when the link is
                                   not a valid share link).
  linkedin INPUT [options]         Verify a badge, then print LinkedIn's "Add to profile" link for it
                                   (name, issuer, issue and expiry month, credential id).
                                   --cert-url URL          the public page where the badge can be checked
                                   Also takes --documents, --now, --offline. Exit status 1 when invalid.
  help [COMMAND]                   Show this help.

Options for every command:
  --lang en|fr                     Language of messages (default: from LANG, else English).
  -h, --help                       Show this help.`,
  'cli.error.usage': '{detail} Run “npm run cli -- --help” for usage.',
  'cli.error.unknownCommand': 'Unknown command “{command}”. Run “npm run cli -- --help” for the list.',
  'cli.error.NOT_FOUND': 'No such file: {detail}. Check the path.',
  'cli.error.IS_A_DIRECTORY': '{detail} is a folder, not a file. Name the files inside it (e.g. {detail}/*.png).',
  'cli.error.UNREADABLE': 'Cannot read {detail}. Check the file’s permissions.',
  'cli.error.writeFailed': 'Cannot write {path}: {detail}.',
  'cli.share.error': 'The share link could not be made: {code}. Share fewer or smaller badges.',
  'cli.share.noQr': 'The link ({bytes} bytes) is too long for a QR code: no QR code made. Share fewer badges, or share the link itself.',
  'cli.open.error': 'Not a share link Besace can open ({code}). Check that the whole link was copied.',
  'cli.open.ended': 'The person who shared this link set it to end on {date}: it has ended. The badges are still checked below.',
  'cli.linkedin.refused': 'This badge did not verify: no LinkedIn link made.',
  'cli.linkedin.unverified': 'This badge could not be verified right now; the link uses what the badge says.',
  'cli.baked': 'Baked an Open Badges {version} badge into {path} ({bytes} bytes).',
  // <checks> verification: verdicts, check titles, one sentence per check code
  'verdict.valid': "Valid",
  'verdict.warning': "Valid, with warnings",
  'verdict.invalid': "Not valid",
  'verdict.unverified': "Could not be verified",
  'check.id.parse': "Reading",
  'check.id.version': "Version",
  'check.id.fetch': "Hosted copy",
  'check.id.scope': "Hosting",
  'check.id.context': "Context",
  'check.id.type': "Type",
  'check.id.schema': "Structure",
  'check.id.image': "Image",
  'check.id.signature': "Signature",
  'check.id.issuerKey': "Issuer’s key",
  'check.id.status': "Revocation",
  'check.id.validFrom': "Issue date",
  'check.id.expiry': "Expiry",
  'check.id.recipient': "Recipient",
  'check.id.endorsements': "Endorsements",
  'check.ok.localCopy': "Your copy: {message}",
  'check.ok.noExpiry': "Never expires.",
  'check.ok.parse': "The badge could be read.",
  'check.ok.version': "Open Badges version recognised.",
  'check.ok.fetch': "The issuer’s server confirms this badge.",
  'check.ok.scope': "The badge is hosted where its issuer hosts its badges.",
  'check.ok.context': "Follows the standard’s vocabulary.",
  'check.ok.type': "Declares itself as an Open Badge.",
  'check.ok.schema': "Has every required field, well formed.",
  'check.ok.image': "Its images follow the rules.",
  'check.ok.signature': "The signature matches: the badge has not been changed since it was issued.",
  'check.ok.issuerKey': "The issuer confirms that the signing key is theirs.",
  'check.ok.status': "Not revoked, according to the issuer.",
  'check.ok.validFrom': "Already valid (its issue date has passed).",
  'check.ok.expiry': "Not expired.",
  'check.ok.recipient': "Issued to you.",
  'check.ok.endorsements': "Its endorsements are valid.",
  'check.code.OK': "Checked: all good.",
  'check.code.NOT_CHECKED': "Not checked.",
  'check.code.NOT_APPLICABLE': "Nothing to check here.",
  'check.code.OFFLINE': "Could not check: this device is offline. Try again when you are connected.",
  'check.code.CORS_BLOCKED': "Could not check: the browser was not allowed to read the issuer’s answer (the issuer’s server does not allow it, CORS). The command line can check it.",
  'check.code.TIMEOUT': "Could not check: the issuer’s server took too long to answer. Try again later.",
  'check.code.ISSUER_UNREACHABLE': "Could not check: the issuer’s server could not be reached. Try again later.",
  'check.code.HTTP_ERROR': "Could not check: the issuer’s server answered with an error.",
  'check.code.NOT_FOUND': "The issuer’s server says this document does not exist (404).",
  'check.code.RESPONSE_TOO_LARGE': "Could not check: the issuer’s answer is too large.",
  'check.code.INSECURE_URL': "Refused: this address is not secure (http instead of https).",
  'check.code.INSECURE_HTTP': "Checked over an insecure connection (http): an attacker on the network could have changed the answer.",
  'check.code.BAD_URL': "This address is not a valid web link.",
  'check.code.NOT_IN_DOCUMENT_MAP': "Not checked: the address is not in the offline document map.",
  'check.code.BAD_JSON': "The badge data is not valid JSON.",
  'check.code.BAD_JWS': "The signed badge (JWS/JWT) is malformed.",
  'check.code.NOT_A_BADGE': "This is not a badge that Besace can read.",
  'check.code.UNKNOWN_VERSION': "The Open Badges version of this badge is not recognised.",
  'check.code.UPGRADED_FROM_0_5': "An Open Badges 0.5 badge, read as 2.0.",
  'check.code.UPGRADED_FROM_1_0': "An Open Badges 1.0 badge, read as 2.0.",
  'check.code.UPGRADED_FROM_1_1': "An Open Badges 1.1 badge, read as 2.0.",
  'check.code.VERSION_MISMATCH': "The badge’s parts disagree about its version.",
  'check.code.TOO_DEEP': "The badge data is nested too deeply to be read safely.",
  'check.code.ID_MISMATCH': "The issuer’s server gave this badge another address than the one asked for.",
  'check.code.LOCAL_COPY_DIFFERS': "Your copy of this badge differs from the one the issuer hosts; the issuer’s copy was checked, and your copy’s own problems are listed too. Download the badge again.",
  'check.code.OUT_OF_SCOPE': "The badge is not hosted where its issuer says its badges live.",
  'check.code.ISSUER_NOT_HTTP': "The issuer is not identified by a web address, so where the badge is hosted cannot be checked.",
  'check.code.CONTEXT_MISSING': "A required JSON-LD context is missing: the badge does not follow the standard.",
  'check.code.CONTEXT_ALIAS': "The badge uses an older name of a standard context (accepted).",
  'check.code.CONTEXT_OUTDATED': "The badge uses an older version of the standard (accepted).",
  'check.code.CONTEXT_UNKNOWN_REMOTE': "The badge depends on a definition file Besace does not know and will not download, for your safety.",
  'check.code.CONTEXT_UNAVAILABLE': "Could not check: a file Besace needs for this kind of badge could not be loaded. Connect once and try again.",
  'check.code.JSONLD_ERROR': "The badge’s data cannot be interpreted safely (JSON-LD error).",
  'check.code.TYPE_MISSING': "The badge does not say what kind of document it is.",
  'check.code.TYPE_INVALID': "The badge is not of the expected type.",
  'check.code.PROPERTY_MISSING': "A required field is missing.",
  'check.code.PROPERTY_INVALID': "A field has a value the standard does not allow.",
  'check.code.SUBJECT_INVALID': "The part describing the earner is malformed.",
  'check.code.ISSUER_INVALID': "The issuer’s description is malformed.",
  'check.code.EVIDENCE_INVALID': "The evidence is malformed.",
  'check.code.SCHEMA_ERROR': "The badge does not match its schema.",
  'check.code.SCHEMA_UNAVAILABLE': "A schema the badge refers to could not be read.",
  'check.code.DATA_URI_NOT_ALLOWED': "An embedded image is used where the standard requires a link.",
  'check.code.IMAGE_UNAVAILABLE': "The badge’s image could not be fetched.",
  'check.code.TAMPERED': "The signature does not match: the badge was changed after it was issued.",
  'check.code.ALG_NOT_ALLOWED': "Refused: the badge is signed with a method that offers no protection or is not allowed.",
  'check.code.KEY_NOT_FOUND': "The key that signed the badge could not be found.",
  'check.code.KEY_INVALID': "The key given for this badge is not usable (or exposes a private key).",
  'check.code.KEY_UNREACHABLE': "Could not check: the issuer’s key could not be fetched.",
  'check.code.VERIFICATION_METHOD_INVALID': "The badge names its signing key in a way that cannot be used.",
  'check.code.UNKNOWN_DID_METHOD': "The badge’s key uses a kind of identifier (DID method) Besace does not support.",
  'check.code.DID_UNRESOLVABLE': "The issuer’s identity document (DID) could not be found.",
  'check.code.UNSUPPORTED_PROOF': "Not checked: this badge is signed with a method Besace does not support yet.",
  'check.code.DEPRECATED_CRYPTOSUITE': "Signed with an older, deprecated method (still accepted).",
  'check.code.NO_PROOF': "The badge carries no signature.",
  'check.code.PROOF_PURPOSE_INVALID': "The signature was not made for issuing credentials.",
  'check.code.CLAIMS_MISMATCH': "The signed envelope and the badge inside it disagree.",
  'check.code.HEADER_INVALID': "The signature’s header holds fields the standard does not allow (accepted).",
  'check.code.KEY_NOT_CONFIRMED': "The signature is valid, but the issuer does not confirm that this key is theirs.",
  'check.code.KEY_OWNERSHIP_MISMATCH': "The signing key does not belong to the issuer.",
  'check.code.CONTROLLER_MISMATCH': "The signing key is controlled by someone other than the issuer.",
  'check.code.REVOKED': "The issuer has revoked this badge.",
  'check.code.SUSPENDED': "The issuer has suspended this badge.",
  'check.code.NO_STATUS': "The issuer publishes no revocation list for this badge.",
  'check.code.STATUS_UNREACHABLE': "Could not check whether the badge was revoked: the issuer’s list could not be read.",
  'check.code.STATUS_LIST_INVALID': "Could not check whether the badge was revoked: the issuer’s list is not valid.",
  'check.code.STATUS_INDEX_OUT_OF_RANGE': "The badge points outside its issuer’s revocation list.",
  'check.code.STATUS_TYPE_UNSUPPORTED': "The issuer uses a kind of revocation list Besace does not support.",
  'check.code.EXPIRED': "The badge has expired. It is still authentic, but no longer current.",
  'check.code.NOT_YET_VALID': "The badge is dated in the future: it is not valid yet.",
  'check.code.EXPIRES_BEFORE_ISSUED': "The badge expires before it was issued.",
  'check.code.BAD_DATE': "A date in the badge cannot be read.",
  'check.code.RECIPIENT_MATCH': "Issued to you.",
  'check.code.RECIPIENT_NO_MATCH': "Issued to someone else, or to an address you have not added to your profile.",
  'check.code.RECIPIENT_UNKNOWN_TYPE': "The badge names its earner in a way Besace cannot compare.",
  'check.code.NO_IDENTITIES': "Add your e-mail addresses to your profile to check that this badge is yours.",
  'check.code.ENDORSEMENTS_VALID': "Its endorsements are valid.",
  'check.code.ENDORSEMENT_INVALID': "Some of its endorsements could not be verified.",
  'check.code.NO_ENDORSEMENTS': "No endorsements.",
  'check.code.NOT_AN_OPEN_BADGE': "This is a verifiable credential, but not an Open Badge.",
  'check.code.INTERNAL_ERROR': "Besace hit an internal error while checking this. Nothing was changed. Please report it.",
  // </checks>
} as const;

/**
 * The English catalogue loaded with the shell: the base above and the slices of the parts the first
 * screen needs. The slices of the other parts (LAZY_AREAS) come with their pages' chunks and are
 * added by `addMessages` (src/ui/lazy.tsx) before those pages render; their keys are part of
 * MessageKey all the same, so a missing message is still a compile error.
 */
export const en = {
  ...base,
  ...shell.en,
  ...library.en,
  ...importer.en,
  ...profile.en,
  ...pwa.en,
  ...storage.en,
} as const;

/** The parts whose messages are loaded with their pages. */
export type LazyAreas = typeof detail | typeof viewer | typeof present | typeof linkedin | typeof collections;
type LazyKey = LazyAreas extends infer A ? (A extends { readonly en: infer E } ? keyof E : never) : never;

export type EagerKey = keyof typeof en;
export type MessageKey = EagerKey | LazyKey;
/** Every message of a language (the eager ones and every lazy part's). */
export type Catalogue = { readonly [K in MessageKey]: string };
/** The messages loaded with the shell. */
export type EagerCatalogue = { readonly [K in EagerKey]: string };
