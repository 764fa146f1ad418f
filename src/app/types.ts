/**
 * The backpack's contracts: what is stored, what an import stages, and the one service the UI
 * talks to. The UI never touches IndexedDB or the verifier directly; the service never touches the
 * DOM. Everything here is plain data (structured-clone safe: it crosses the worker boundary and
 * goes into IndexedDB as is).
 */
import type { Extracted, ExtractError } from '../core/baking/types';
import type { Badge } from '../core/model/badge';
import type { Check, Verdict } from '../core/verify/types';

/** A badge's local id: the SHA-256 (hex) of the original file's bytes. */
export type BadgeId = string & { readonly __brand: 'BadgeId' };

/** A verification report as stored: the pipeline's report, dated. */
export interface StoredReport {
  readonly badgeId: BadgeId;
  /** ISO date-time of the verification. */
  readonly checkedAt: string;
  readonly verdict: Verdict;
  readonly checks: readonly Check[];
  /** Whether the device was online when it ran (offline reports never read as a fresh "valid"). */
  readonly online: boolean;
}

/** One badge in the backpack. */
export interface BadgeRecord {
  readonly id: BadgeId;
  /** ISO date-time when it entered the backpack. */
  readonly addedAt: string;
  /** The exact file the earner gave, so it can be downloaded again byte for byte. */
  readonly original: {
    readonly bytes: Uint8Array;
    /** What the bytes are (from sniffing, never from the name): image/png, image/svg+xml, application/json, text/plain. */
    readonly mediaType: string;
    /** The file name it came with, when there was one (display and download only). */
    readonly fileName: string | null;
  };
  /** What extraction found: container, payload exactly as baked, warnings. */
  readonly extracted: Extracted;
  /** The normalised badge (from the latest successful verification). */
  readonly badge: Badge | null;
  /**
   * Identity for duplicate detection beyond identical bytes: OB 3.0 equality (issuer id + credential
   * id, percent-decoded and trimmed), or the OB 2.0 assertion id. Null when there is none.
   */
  readonly identityKey: string | null;
  /** The latest report (its history is kept separately, see BackpackService.history). */
  readonly latest: StoredReport | null;
}

/** The earner's own identities, for recipient matching. Never shared unless the earner asks. */
export interface EarnerIdentity {
  readonly value: string;
  readonly kind: 'email' | 'url' | 'other';
  readonly addedAt: string;
}

export interface Settings {
  readonly lang: 'en' | 'fr' | null; // null: follow the browser
  readonly displayName: string | null;
  /** Re-verify automatically when online and the last check is older than this (ms). Default a day. */
  readonly reverifyAfterMs: number;
  /**
   * LinkedIn organisation ids the earner set, by issuer (the issuer's id or URL as the badge gives it):
   * with one, "Add to profile" links the issuer's LinkedIn page (and logo) instead of a bare name.
   */
  readonly linkedInOrganizations: Readonly<Record<string, string>>;
}

/** A collection's local id (random). */
export type CollectionId = string & { readonly __brand: 'CollectionId' };

/** What a collection's share link discloses besides the badges themselves. */
export interface ShareChoices {
  /** Show the earner's display name (settings.displayName) to whoever opens the link. Default true. */
  readonly displayName: boolean;
  /**
   * One of the earner's identities, disclosed so that the viewer can check "issued to" (a badge
   * usually names its earner by a hashed e-mail address). Default null: never unless the earner asks.
   */
  readonly recipient: string | null;
  /**
   * Show the badges' evidence. Default true. A signed credential is never trimmed (its signature
   * would break), so "no" asks the viewer not to show it; the link still carries it.
   */
  readonly evidence: boolean;
  /** ISO date-time after which the viewer says the share has ended. Default null (no end). */
  readonly until: string | null;
}

export const DEFAULT_SHARE_CHOICES: ShareChoices = { displayName: true, recipient: null, evidence: true, until: null };

/** A named, ordered selection of badges, to share as one link, show at an interview or print. */
export interface Collection {
  readonly id: CollectionId;
  readonly title: string;
  /** In the earner's order. A badge removed from the backpack leaves every collection. */
  readonly badgeIds: readonly BadgeId[];
  /** The collection's place among the collections (0 first). */
  readonly position: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly share: ShareChoices;
}

export interface CollectionPatch {
  readonly title?: string;
  readonly badgeIds?: readonly BadgeId[];
  readonly share?: Partial<ShareChoices>;
}

/** Something the earner handed in: a file (dropped, picked, shared, launched) or pasted text. */
export type ImportInput =
  | { readonly kind: 'file'; readonly name: string | null; readonly bytes: Uint8Array }
  | { readonly kind: 'text'; readonly text: string };

/** One staged input, before the earner accepts it. */
export type StagedItem =
  | {
      readonly status: 'new';
      readonly input: ImportInput;
      readonly record: BadgeRecord; // ready to store
    }
  | {
      readonly status: 'duplicate';
      readonly input: ImportInput;
      readonly existingId: BadgeId;
      readonly record: BadgeRecord;
      /** 'same-file': identical bytes; 'same-credential': same identity key, other bytes. */
      readonly reason: 'same-file' | 'same-credential';
      /**
       * 'same-credential' only: this copy has a strictly later validFrom (OB 3.0: the newer supersedes).
       * Accepting it stores it as its own record beside the older copy, which stays until the earner removes it.
       */
      readonly newer?: boolean;
    }
  | {
      readonly status: 'not-a-badge';
      readonly input: ImportInput;
      /** The extraction error, turned into words ("this is a JPEG / a screenshot …") by the UI. */
      readonly error: ExtractError;
    }
  | {
      readonly status: 'invalid';
      readonly input: ImportInput;
      readonly record: BadgeRecord; // may still be kept if the earner insists
      /** The first failing check, for the one-line diagnosis. */
      readonly failing: Check;
    };

/** Typed failures of the service: the UI says what happened and what to do; nothing is lost. */
export const BACKPACK_ERROR_CODES = [
  'QUOTA_EXCEEDED', // the device is out of storage for this site
  'DB_BLOCKED', // another tab holds an older version of the database open, or a newer Besace upgraded it (reload)
  'DB_UNAVAILABLE', // IndexedDB refused to open (private mode, disabled storage)
  'BAD_BACKUP', // a restore file that is not a Besace backup, or is damaged
  'BACKUP_TOO_NEW', // a backup written by a newer Besace
  'NOT_FOUND',
] as const;
export type BackpackErrorCode = (typeof BACKPACK_ERROR_CODES)[number];

export class BackpackError extends Error {
  constructor(
    readonly code: BackpackErrorCode,
    readonly detail?: string,
  ) {
    super(code);
    this.name = 'BackpackError';
  }
}

export interface AcceptResult {
  readonly added: readonly BadgeId[];
  /** Duplicates merged into existing badges (history kept, nothing overwritten silently). */
  readonly merged: readonly BadgeId[];
}

export interface RestoreResult {
  readonly added: number;
  readonly merged: number;
  readonly identitiesAdded: number;
  readonly collectionsAdded: number;
}

/** Lets a delete be undone: the record and its whole history come back exactly. */
export interface Undo {
  readonly badgeId: BadgeId;
  undo(): Promise<void>;
}

/** What runs verification: a Web Worker in the app, the core in-process in tests and the CLI. */
export interface Verifier {
  verify(
    input: { readonly bytes: Uint8Array } | { readonly extracted: Extracted },
    identities: readonly EarnerIdentity[],
    /** `signal` cancels the verification (staging passes its own). */
    options?: { readonly signal?: AbortSignal },
  ): Promise<import('../core/verify').PipelineReport>;
}

/** The one service the UI uses. */
export interface BackpackService {
  list(): Promise<BadgeRecord[]>;
  get(id: BadgeId): Promise<BadgeRecord | undefined>;
  /** Dated reports of one badge, newest first. */
  history(id: BadgeId): Promise<StoredReport[]>;
  /**
   * Extract and verify every input (before any write transaction opens) and classify it. Nothing is
   * written. `identities` replaces the earner's own for the recipient check (a share's viewer
   * checks against the address the sharer disclosed, or none).
   */
  stage(
    inputs: readonly ImportInput[],
    options?: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void; identities?: readonly EarnerIdentity[] },
  ): Promise<StagedItem[]>;
  /** Store the accepted staged items in one step. */
  accept(items: readonly StagedItem[]): Promise<AcceptResult>;
  remove(id: BadgeId): Promise<Undo>;
  /** Verify again now; the new report is stored and added to the history. */
  reverify(id: BadgeId): Promise<StoredReport>;
  /** Badges whose last check is older than settings.reverifyAfterMs (for the automatic re-check when online). */
  dueForReverify(now: Date): Promise<BadgeId[]>;
  identities(): Promise<EarnerIdentity[]>;
  addIdentity(value: string): Promise<EarnerIdentity>;
  removeIdentity(value: string): Promise<void>;
  settings(): Promise<Settings>;
  updateSettings(patch: Partial<Settings>): Promise<Settings>;
  /** One self-describing, versioned file with every original file and all the app's data. */
  exportAll(): Promise<Uint8Array>;
  restore(backup: Uint8Array): Promise<RestoreResult>;
  /** Every collection, in the earner's order. */
  collections(): Promise<Collection[]>;
  getCollection(id: CollectionId): Promise<Collection | undefined>;
  /** A new collection at the end (title trimmed; an empty title is a TypeError). */
  createCollection(title: string, badgeIds?: readonly BadgeId[]): Promise<Collection>;
  /** Rename, set the badges (order included; unknown ids and repeats dropped), or change the share choices. */
  updateCollection(id: CollectionId, patch: CollectionPatch): Promise<Collection>;
  /** Move a collection to another place in the order (clamped). */
  moveCollection(id: CollectionId, toIndex: number): Promise<void>;
  /** Delete a collection (its badges stay in the backpack); undo brings it back exactly. */
  removeCollection(id: CollectionId): Promise<{ undo(): Promise<void> }>;
  /** Called after any change, in this tab or another one (BroadcastChannel). Returns an unsubscribe. */
  subscribe(listener: () => void): () => void;
}
