/**
 * The backpack service: the one thing the UI talks to (BackpackService in ./types). It owns the
 * order of the data's way in — bytes → hash → extract → verify → classify → (the earner accepts) →
 * store — and keeps every write in one IndexedDB transaction opened only after the slow work is done.
 *
 * Decisions (the contract leaves them to this module):
 * - Identity. A badge's id is the SHA-256 of its original bytes. Two files hold the same credential
 *   when their identity keys match (./identity.ts: OB 3.0 issuer id + credential id; OB 2.0 assertion id).
 * - Staging order: not a badge → same file already here (or earlier in the batch) → invalid → same
 *   credential already here (or earlier in the batch) → new. An invalid file is never called a
 *   duplicate of a credential: a tampered copy cannot prove the identity it claims.
 * - Accepting re-reads the database inside the write transaction, so a stale preview (another tab
 *   added a badge meanwhile, an item whose batch twin was left out) cannot make a second copy.
 *   · same file: nothing is replaced; the fresh report joins the record's history.
 *   · same credential, not newer: the existing record is kept as it is; the incoming copy's report
 *     joins its history (it is a check of the same credential); the incoming bytes are not kept.
 *   · same credential, strictly later validFrom (OB 3.0 "the newer supersedes"): the newer copy is
 *     stored as its own record, beside the older one, which is never deleted silently.
 *   · an invalid item the earner insists on: stored as its own record (never merged into another).
 *   `latest` is always the newest report of the history (by checkedAt).
 * - Remove returns an Undo that puts back the record and every report under its original key.
 * - dueForReverify: only when online; a badge is due when it has no report, when its last report
 *   ran offline (its network checks could not run), or when that report is older than
 *   settings.reverifyAfterMs. Oldest first.
 * - Restore merges: a badge already here (same id) is kept and its history gains the backup's
 *   reports it lacks (same date, verdict, online flag and checks = the same report); new badges come
 *   in with their history; identities are united (e-mails compared case-insensitively); the settings
 *   here are kept, and the backup's are taken only when none were ever saved here (LinkedIn
 *   organisation ids are united, this backpack's entry winning per issuer); collections with new ids
 *   come after the ones here, in the backup's order (same id: the one here is kept). One transaction.
 * - Collections (schema version 2): ordered badge ids and share choices. A badge removed from the
 *   backpack leaves every collection in the same transaction, and its Undo puts it back in place.
 * - Every committed write tells this tab's listeners and posts {type: 'besace:changed'} on the
 *   BroadcastChannel; a message from another tab tells this tab's listeners.
 * - Extraction (with its inflate) and the backup codec (ZIP, SHA-256) are loaded on first use: the
 *   page's first screen needs neither. Both calls are async already; warmBackpack() loads them ahead.
 */
import type { Extracted, ExtractError } from '../core/baking/types';
import type { Badge } from '../core/model/badge';
import type { PipelineReport } from '../core/verify';
import { check, type Check } from '../core/verify/types';
import {
  DEFAULT_SETTINGS,
  SETTINGS_KEY,
  getBadge,
  historyRange,
  isOpen,
  closeBesaceDb,
  listBadges,
  byPosition,
  listCollections,
  listIdentities,
  read,
  readHistory,
  readSettings,
  writeTransaction,
  type BesaceDb,
} from '../storage/db';
import { identityKeyOf, identityKind, supersedes } from './identity';
import {
  BackpackError,
  type AcceptResult,
  type BackpackService,
  type BadgeId,
  type BadgeRecord,
  type Collection,
  type CollectionId,
  type CollectionPatch,
  type EarnerIdentity,
  type ImportInput,
  type RestoreResult,
  type Settings,
  type StagedItem,
  type StoredReport,
  type Undo,
  type Verifier,
} from './types';
import { DEFAULT_SHARE_CHOICES, type ShareChoices } from './types';

/** The part of a BroadcastChannel the backpack uses (a real one fits; tests may pass their own). */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close?(): void;
}

export interface BackpackOptions {
  /** An open database, or how to open one (opened lazily, and again after another tab's upgrade closed it). */
  readonly db: BesaceDb | (() => Promise<BesaceDb>);
  readonly verifier: Verifier;
  /** The clock for addedAt and identities (reports carry the verifier's own date). Default: the real one. */
  readonly now?: () => Date;
  /** Whether the device is online now (navigator.onLine in the app). Default: true. */
  readonly online?: () => boolean;
  /** Cross-tab change messages. Default: BroadcastChannel('besace') when the platform has it; null: none. */
  readonly channel?: ChannelLike | null;
  /** New collection ids. Default: crypto.randomUUID(). */
  readonly newId?: () => string;
}

export interface Backpack extends BackpackService {
  /** Stop listening to other tabs, and close what this backpack opened itself. */
  close(): void;
}

export const CHANNEL_NAME = 'besace';
const CHANGED = 'besace:changed';

const encoder = new TextEncoder();

// Loaded on first use, as chunks of their own (the core's API stays synchronous).
const loadExtract = () => import('../core/baking/extract');
const loadBackup = () => import('../core/backup');
type ExtractFn = Awaited<ReturnType<typeof loadExtract>>['extract'];

/** Load what staging and backups need ahead of use (when the page is idle); never rejects. */
export function warmBackpack(): Promise<void> {
  return Promise.allSettled([loadExtract(), loadBackup()]).then(() => undefined);
}

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<BadgeId> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex as BadgeId;
}

const MEDIA_TYPE: Readonly<Record<Extracted['container'], string>> = {
  png: 'image/png',
  svg: 'image/svg+xml',
  json: 'application/json',
  jws: 'text/plain',
  url: 'text/plain',
};

/**
 * Extraction as the backpack needs it: JSON that is not strict JSON (OB 1.x/2.0 with comments) is
 * kept as a JSON payload, which the OB 2.0 path reads leniently, as the pipeline does for bytes.
 */
function extractForStorage(
  extract: ExtractFn,
  bytes: Uint8Array,
): { ok: true; value: Extracted; lenient: boolean } | { ok: false; error: ExtractError } {
  const result = extract(bytes);
  if (result.ok) return { ok: true, value: result.value, lenient: false };
  if (result.error.code === 'BAD_PAYLOAD' && result.error.params?.['reason'] === 'json') {
    const text = new TextDecoder().decode(bytes).trim();
    return { ok: true, value: { container: 'json', obVersionHint: 'unknown', payloadKind: 'json', payload: text, warnings: [] }, lenient: true };
  }
  return { ok: false, error: result.error };
}

const toStored = (badgeId: BadgeId, report: PipelineReport, online: boolean): StoredReport => ({
  badgeId,
  checkedAt: report.checkedAt,
  verdict: report.verdict,
  checks: report.checks,
  online,
});

/** The first failing check (the one-line diagnosis of an invalid badge). */
/** How many inputs are prepared side by side while staging. */
const STAGE_LANES = 4;

/** One input once extracted and verified, before it is compared with the backpack. */
type Prepared =
  | Extract<StagedItem, { status: 'not-a-badge' }>
  | { readonly status: 'badge'; readonly input: ImportInput; readonly record: BadgeRecord; readonly invalid: Check | null };

function firstFailing(checks: readonly Check[]): Check {
  return checks.find((c) => c.status === 'fail') ?? { id: 'parse', status: 'fail', code: 'INTERNAL_ERROR' };
}

/**
 * Of the records that share an identity key, the one that stands for the credential: records whose
 * latest report is invalid are left out (their identity is not proven: a tampered copy kept on the
 * earner's insistence must not collect another file's reports); then the newest validFrom, then the
 * first added (then the smallest id, so that the choice never depends on read order).
 */
function current(records: readonly BadgeRecord[]): BadgeRecord | undefined {
  let best: BadgeRecord | undefined;
  for (const r of records) {
    if (r.latest?.verdict === 'invalid') continue;
    if (!best || supersedes(r.badge, best.badge)) {
      best = r;
    } else if (!supersedes(best.badge, r.badge) && (r.addedAt < best.addedAt || (r.addedAt === best.addedAt && r.id < best.id))) {
      best = r;
    }
  }
  return best;
}

/** Two reports are the same report when everything they say is the same. */
const fingerprint = (r: StoredReport): string => JSON.stringify([r.checkedAt, r.verdict, r.online, r.checks]);

const sameEmail = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

function checkSettingsPatch(patch: Partial<Settings>): Partial<Settings> {
  const out: { -readonly [K in keyof Settings]?: Settings[K] } = {};
  if (patch.lang !== undefined) {
    if (patch.lang !== null && patch.lang !== 'en' && patch.lang !== 'fr') throw new TypeError('settings.lang: en, fr or null');
    out.lang = patch.lang;
  }
  if (patch.displayName !== undefined) {
    if (patch.displayName !== null && typeof patch.displayName !== 'string') throw new TypeError('settings.displayName: a string or null');
    out.displayName = patch.displayName;
  }
  if (patch.reverifyAfterMs !== undefined) {
    const ms = patch.reverifyAfterMs;
    if (typeof ms !== 'number' || !Number.isSafeInteger(ms) || ms < 0) throw new TypeError('settings.reverifyAfterMs: a non-negative integer');
    out.reverifyAfterMs = ms;
  }
  if (patch.linkedInOrganizations !== undefined) {
    const orgs = patch.linkedInOrganizations;
    if (typeof orgs !== 'object' || orgs === null || Array.isArray(orgs)) throw new TypeError('settings.linkedInOrganizations: an object');
    const clean: Record<string, string> = {};
    for (const [issuer, id] of Object.entries(orgs)) {
      if (typeof id !== 'string') throw new TypeError('settings.linkedInOrganizations: string values');
      if (issuer.trim() !== '' && id.trim() !== '') clean[issuer.trim()] = id.trim();
    }
    out.linkedInOrganizations = clean;
  }
  return out;
}

const MAX_TITLE = 200;

function checkTitle(title: string): string {
  if (typeof title !== 'string') throw new TypeError('a collection title is a string');
  const trimmed = title.trim().slice(0, MAX_TITLE);
  if (trimmed === '') throw new TypeError('a collection title cannot be empty');
  return trimmed;
}

function checkShareChoices(current: ShareChoices, patch: Partial<ShareChoices>): ShareChoices {
  const next = { ...current };
  if (patch.displayName !== undefined) next.displayName = Boolean(patch.displayName);
  if (patch.evidence !== undefined) next.evidence = Boolean(patch.evidence);
  if (patch.recipient !== undefined) next.recipient = patch.recipient === null || patch.recipient.trim() === '' ? null : patch.recipient.trim();
  if (patch.until !== undefined) {
    if (patch.until !== null && Number.isNaN(Date.parse(patch.until))) throw new TypeError('share.until: an ISO date-time or null');
    next.until = patch.until === null ? null : new Date(patch.until).toISOString();
  }
  return next;
}

/**
 * A collection as exportAll writes it: only badges the backup holds, each once. That is every badge
 * it names (removing a badge removes it from every collection), but the backup format refuses any
 * other, and an export must always restore.
 */
function withHeldBadges(c: Collection, held: ReadonlySet<string>): Collection {
  return { ...c, badgeIds: [...new Set(c.badgeIds)].filter((id) => held.has(id)) };
}

export function createBackpack(options: BackpackOptions): Backpack {
  const { verifier } = options;
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? (() => globalThis.crypto.randomUUID());
  const onlineNow = options.online ?? (() => true);

  // The database: given, or opened on first use and again when the connection was closed under us.
  const given = typeof options.db === 'function' ? null : options.db;
  const opener = typeof options.db === 'function' ? options.db : null;
  let opening: Promise<BesaceDb> | undefined;
  async function getDb(): Promise<BesaceDb> {
    if (given) return given;
    if (opening) {
      const db = await opening;
      if (isOpen(db)) return db;
    }
    const attempt = (opener as () => Promise<BesaceDb>)();
    opening = attempt;
    attempt.catch(() => {
      if (opening === attempt) opening = undefined; // try again next time
    });
    return attempt;
  }

  // Change notifications, in this tab and across tabs.
  const listeners = new Set<() => void>();
  const ownChannel = options.channel === undefined && typeof BroadcastChannel !== 'undefined';
  const channel: ChannelLike | null = options.channel === undefined ? (ownChannel ? new BroadcastChannel(CHANNEL_NAME) : null) : options.channel;
  const tellListeners = (): void => {
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch (e) {
        queueMicrotask(() => {
          throw e; // a broken listener is a bug to see, but not a reason to skip the others
        });
      }
    }
  };
  const onMessage = (event: MessageEvent): void => {
    const data: unknown = event.data;
    if (typeof data === 'object' && data !== null && (data as { type?: unknown }).type === CHANGED) tellListeners();
  };
  channel?.addEventListener('message', onMessage);
  const changed = (): void => {
    try {
      channel?.postMessage({ type: CHANGED });
    } catch {
      // a closed channel: other tabs will see the change on their next read
    }
    tellListeners();
  };

  /**
   * Everything about one input that needs no database: its id (SHA-256), extraction and
   * verification. Independent of the other inputs, so several run side by side.
   */
  async function prepare(
    extract: ExtractFn,
    input: ImportInput,
    identities: readonly EarnerIdentity[],
    signal: AbortSignal | undefined,
  ): Promise<Prepared> {
    const bytes = (input.kind === 'file' ? input.bytes : encoder.encode(input.text)).slice();
    const id = await sha256Hex(bytes);
    const extracted = extractForStorage(extract, bytes);
    if (!extracted.ok) return { status: 'not-a-badge', input, error: extracted.error };
    const online = onlineNow();
    const report = await verifyOrNotChecked(verifier, extracted.value, identities, now(), signal);
    signal?.throwIfAborted();
    if (extracted.lenient && report.badge === null && report.verdict === 'invalid') {
      // Not JSON, even leniently read: not a badge, and extraction's reason says why.
      return { status: 'not-a-badge', input, error: { code: 'BAD_PAYLOAD', params: { reason: 'json' } } };
    }
    const record: BadgeRecord = {
      id,
      addedAt: now().toISOString(),
      original: { bytes, mediaType: MEDIA_TYPE[extracted.value.container], fileName: input.kind === 'file' ? input.name : null },
      extracted: extracted.value,
      badge: report.badge,
      identityKey: identityKeyOf(report.badge, extracted.value),
      latest: toStored(id, report, online),
    };
    return { status: 'badge', input, record, invalid: report.verdict === 'invalid' ? firstFailing(report.checks) : null };
  }

  /**
   * Classifies the prepared inputs in their order, against what the backpack holds (read in one
   * transaction) and the earlier inputs of the same batch: not a badge → same file → invalid →
   * same credential → new.
   */
  async function classify(db: BesaceDb, prepared: readonly Prepared[]): Promise<StagedItem[]> {
    const keys = new Set<string>();
    for (const p of prepared) if (p.status === 'badge' && p.record.identityKey !== null) keys.add(p.record.identityKey);
    const { ids, byKey } = await read(async () => {
      const tx = db.transaction('badges', 'readonly');
      const store = tx.objectStore('badges');
      const index = store.index('by-identityKey');
      const [allIds, ...groups] = await Promise.all([store.getAllKeys(), ...[...keys].map((k) => index.getAll(k))]);
      await tx.done;
      return { ids: new Set<string>(allIds), byKey: new Map([...keys].map((k, i) => [k, groups[i] ?? []])) };
    });
    const batchIds = new Set<BadgeId>();
    const batchKeys = new Map<string, BadgeRecord>();
    return prepared.map((p): StagedItem => {
      if (p.status === 'not-a-badge') return p;
      const { input, record } = p;
      const sameFile = batchIds.has(record.id) || ids.has(record.id);
      batchIds.add(record.id);
      if (sameFile) return { status: 'duplicate', input, existingId: record.id, record, reason: 'same-file' };
      if (p.invalid) return { status: 'invalid', input, record, failing: p.invalid };
      const key = record.identityKey;
      if (key !== null) {
        const stored = byKey.get(key) ?? [];
        const earlier = batchKeys.get(key);
        const target = current(earlier ? [...stored, earlier] : stored);
        if (target) {
          const newer = supersedes(record.badge, target.badge);
          if (newer) batchKeys.set(key, record);
          return newer
            ? { status: 'duplicate', input, existingId: target.id, record, reason: 'same-credential', newer: true }
            : { status: 'duplicate', input, existingId: target.id, record, reason: 'same-credential' };
        }
        batchKeys.set(key, record);
      }
      return { status: 'new', input, record };
    });
  }

  const service: Backpack = {
    async list() {
      const records = await listBadges(await getDb());
      return records.sort((a, b) => (a.addedAt === b.addedAt ? (a.id < b.id ? -1 : 1) : a.addedAt < b.addedAt ? 1 : -1));
    },

    async get(id) {
      return getBadge(await getDb(), id);
    },

    async history(id) {
      return readHistory(await getDb(), id);
    },

    async stage(inputs, stageOptions = {}) {
      const { signal, onProgress } = stageOptions;
      signal?.throwIfAborted();
      const [{ extract }, db] = await Promise.all([loadExtract(), getDb()]);
      const identities = stageOptions.identities ?? (await listIdentities(db));
      // Hashing and extraction on this thread overlap verification in the worker; the results keep
      // the inputs' order, and classification (which depends on that order) runs after, at once.
      const prepared = new Array<Prepared>(inputs.length);
      let next = 0;
      let done = 0;
      const lane = async (): Promise<void> => {
        while (next < inputs.length) {
          signal?.throwIfAborted();
          const index = next++;
          prepared[index] = await prepare(extract, inputs[index]!, identities, signal);
          onProgress?.(++done, inputs.length);
        }
      };
      await Promise.all(Array.from({ length: Math.min(STAGE_LANES, inputs.length) }, lane));
      signal?.throwIfAborted();
      return classify(db, prepared);
    },

    async accept(items) {
      const records = items.flatMap((item) => (item.status === 'not-a-badge' ? [] : [item.record]));
      if (records.length === 0) return { added: [], merged: [] };
      const addedAt = now().toISOString();
      const db = await getDb();
      const result = await writeTransaction(db, ['badges', 'reports'], async (tx): Promise<AcceptResult> => {
        const badges = tx.objectStore('badges');
        const reports = tx.objectStore('reports');
        // Read what the decisions need in one go, decide in memory in the items' order (an earlier
        // item of the same batch counts as stored), then send every write and wait once: requests
        // of one transaction run in order, so the outcome is the same as one awaited write at a time.
        const keys = [...new Set(records.flatMap((r) => (r.identityKey === null ? [] : [r.identityKey])))];
        const [found, groups] = await Promise.all([
          Promise.all(records.map((r) => badges.get(r.id))),
          Promise.all(keys.map((k) => badges.index('by-identityKey').getAll(k))),
        ]);
        const byId = new Map<BadgeId, BadgeRecord>();
        for (const r of found) if (r) byId.set(r.id, r);
        const byKey = new Map<string, BadgeRecord[]>(keys.map((k, i) => [k, groups[i] ?? []]));
        const remember = (r: BadgeRecord): void => {
          byId.set(r.id, r);
          if (r.identityKey === null) return;
          byKey.set(r.identityKey, [...(byKey.get(r.identityKey) ?? []).filter((x) => x.id !== r.id), r]);
        };
        const writes: Promise<unknown>[] = [];
        // Every request is watched from the moment it is sent: if a later one throws (a full disk),
        // the transaction aborts and the earlier ones reject too — that must not go unhandled.
        const send = (request: Promise<unknown>): void => {
          request.catch(() => undefined);
          writes.push(request);
        };
        const added: BadgeId[] = [];
        const merged = new Set<BadgeId>();
        const appendTo = (target: BadgeRecord, report: StoredReport | null): void => {
          merged.add(target.id);
          if (!report) return;
          const moved: StoredReport = { ...report, badgeId: target.id };
          send(reports.add(moved));
          if (!target.latest || moved.checkedAt >= target.latest.checkedAt) {
            const updated: BadgeRecord = { ...target, latest: moved };
            send(badges.put(updated));
            remember(updated);
          }
        };
        for (const record of records) {
          const same = byId.get(record.id);
          if (same) {
            appendTo(same, record.latest);
            continue;
          }
          if (record.identityKey !== null && record.latest?.verdict !== 'invalid') {
            const existing = current(byKey.get(record.identityKey) ?? []);
            if (existing && !supersedes(record.badge, existing.badge)) {
              appendTo(existing, record.latest);
              continue;
            }
          }
          const stored: BadgeRecord = { ...record, addedAt };
          send(badges.put(stored));
          if (record.latest) send(reports.add(record.latest));
          remember(stored);
          added.push(record.id);
        }
        await Promise.all(writes);
        return { added, merged: [...merged] };
      });
      changed();
      return result;
    },

    async remove(id) {
      const db = await getDb();
      const snapshot = await writeTransaction(db, ['badges', 'reports', 'collections'], async (tx) => {
        const record = await tx.objectStore('badges').get(id);
        if (!record) throw new BackpackError('NOT_FOUND', id);
        // The badge leaves every collection; undo puts it back in its place.
        const memberships: { collectionId: CollectionId; index: number }[] = [];
        for (const c of await tx.objectStore('collections').getAll()) {
          const index = c.badgeIds.indexOf(id);
          if (index === -1) continue;
          memberships.push({ collectionId: c.id, index });
          await tx.objectStore('collections').put({ ...c, badgeIds: c.badgeIds.filter((b) => b !== id) });
        }
        const history: [number, StoredReport][] = [];
        let cursor = await tx.objectStore('reports').index('by-badge').openCursor(historyRange(id));
        while (cursor) {
          history.push([cursor.primaryKey, cursor.value]);
          await cursor.delete();
          cursor = await cursor.continue();
        }
        await tx.objectStore('badges').delete(id);
        return { record, history, memberships };
      });
      changed();
      let undone = false;
      const undo: Undo = {
        badgeId: id,
        async undo() {
          if (undone) return;
          const target = await getDb();
          await writeTransaction(target, ['badges', 'reports', 'collections'], async (tx) => {
            // Added again meanwhile (same bytes): that record stays; the history comes back around it.
            if ((await tx.objectStore('badges').get(id)) === undefined) await tx.objectStore('badges').put(snapshot.record);
            for (const [key, report] of snapshot.history) await tx.objectStore('reports').put(report, key);
            for (const { collectionId, index } of snapshot.memberships) {
              const c = await tx.objectStore('collections').get(collectionId);
              if (!c || c.badgeIds.includes(id)) continue; // deleted meanwhile, or already back
              const badgeIds = [...c.badgeIds];
              badgeIds.splice(Math.min(index, badgeIds.length), 0, id);
              await tx.objectStore('collections').put({ ...c, badgeIds });
            }
          });
          undone = true;
          changed();
        },
      };
      return undo;
    },

    async reverify(id) {
      const db = await getDb();
      const record = await getBadge(db, id);
      if (!record) throw new BackpackError('NOT_FOUND', id);
      const identities = await listIdentities(db);
      const online = onlineNow();
      const report = await verifier.verify({ extracted: record.extracted }, identities);
      const stored = toStored(id, report, online);
      await writeTransaction(db, ['badges', 'reports'], async (tx) => {
        const kept = await tx.objectStore('badges').get(id);
        if (!kept) throw new BackpackError('NOT_FOUND', id); // removed while it was being verified
        // A check that established nothing (offline, unreachable) must not replace what an earlier
        // check learnt: an offline run reads only the held copy, without its BadgeClass or issuer.
        const badge: Badge | null = report.verdict === 'unverified' || !report.badge ? kept.badge : report.badge;
        await tx.objectStore('badges').put({
          ...kept,
          badge,
          identityKey: kept.identityKey ?? identityKeyOf(badge, kept.extracted),
          latest: stored,
        });
        await tx.objectStore('reports').add(stored);
      });
      changed();
      return stored;
    },

    async dueForReverify(at) {
      if (!onlineNow()) return [];
      const db = await getDb();
      const { reverifyAfterMs } = await readSettings(db);
      const records = await listBadges(db);
      const checkedAt = (r: BadgeRecord): number => (r.latest ? Date.parse(r.latest.checkedAt) : -Infinity);
      return records
        .filter((r) => !r.latest || !r.latest.online || !(at.getTime() - checkedAt(r) <= reverifyAfterMs))
        .sort((a, b) => checkedAt(a) - checkedAt(b))
        .map((r) => r.id);
    },

    async identities() {
      const all = await listIdentities(await getDb());
      return all.sort((a, b) => (a.addedAt === b.addedAt ? (a.value < b.value ? -1 : 1) : a.addedAt < b.addedAt ? -1 : 1));
    },

    async addIdentity(value) {
      const trimmed = value.trim();
      if (trimmed === '') throw new TypeError('an identity cannot be empty');
      const identity: EarnerIdentity = { value: trimmed, kind: identityKind(trimmed), addedAt: now().toISOString() };
      const db = await getDb();
      const { result, added } = await writeTransaction(db, ['identities'], async (tx) => {
        const existing =
          identity.kind === 'email'
            ? (await tx.objectStore('identities').getAll()).find((i) => i.kind === 'email' && sameEmail(i.value, trimmed))
            : await tx.objectStore('identities').get(trimmed);
        if (existing) return { result: existing, added: false };
        await tx.objectStore('identities').add(identity);
        return { result: identity, added: true };
      });
      if (added) changed();
      return result;
    },

    async removeIdentity(value) {
      const trimmed = value.trim();
      const db = await getDb();
      const removed = await writeTransaction(db, ['identities'], async (tx) => {
        const doomed = (await tx.objectStore('identities').getAll()).filter((i) => i.value === trimmed || (i.kind === 'email' && sameEmail(i.value, trimmed)));
        for (const i of doomed) await tx.objectStore('identities').delete(i.value);
        return doomed.length;
      });
      if (removed > 0) changed();
    },

    async settings() {
      return readSettings(await getDb());
    },

    async updateSettings(patch) {
      const checked = checkSettingsPatch(patch);
      const db = await getDb();
      const next = await writeTransaction(db, ['settings'], async (tx) => {
        const merged: Settings = { ...DEFAULT_SETTINGS, ...(await tx.objectStore('settings').get(SETTINGS_KEY)), ...checked };
        await tx.objectStore('settings').put(merged, SETTINGS_KEY);
        return merged;
      });
      changed();
      return next;
    },

    async exportAll() {
      const db = await getDb();
      const snapshot = await read(async () => {
        const tx = db.transaction(['badges', 'reports', 'identities', 'collections', 'settings'], 'readonly');
        const [badges, reports, identities, collections, settings] = await Promise.all([
          tx.objectStore('badges').getAll(),
          tx.objectStore('reports').getAll(),
          tx.objectStore('identities').getAll(),
          tx.objectStore('collections').getAll(),
          tx.objectStore('settings').get(SETTINGS_KEY),
          tx.done,
        ]);
        return { badges, reports, identities, collections: collections.sort(byPosition), settings: { ...DEFAULT_SETTINGS, ...settings } };
      });
      const { lang, displayName, reverifyAfterMs, linkedInOrganizations } = snapshot.settings;
      const held = new Set<string>(snapshot.badges.map((b) => b.id));
      const { encodeBackup } = await loadBackup();
      return encodeBackup({
        exportedAt: now().toISOString(),
        badges: snapshot.badges,
        reports: snapshot.reports,
        identities: snapshot.identities,
        collections: snapshot.collections.map((c) => withHeldBadges(c, held)),
        settings: { lang, displayName, reverifyAfterMs, linkedInOrganizations },
      });
    },

    async restore(backup) {
      // All the checking and unzipping happens here, before the write transaction opens.
      const { decodeBackup } = await loadBackup();
      const decoded = decodeBackup(backup);
      if (!decoded.ok) throw new BackpackError(decoded.error.code, decoded.error.detail);
      const data = decoded.value;
      const db = await getDb();
      const result = await writeTransaction(db, ['badges', 'reports', 'identities', 'collections', 'settings'], async (tx): Promise<RestoreResult> => {
        const badges = tx.objectStore('badges');
        const reports = tx.objectStore('reports');
        // Badges: the new ones come in whole; one already here is kept, its history united below.
        const incoming = new Set<string>();
        const kept = new Map<string, { record: BadgeRecord; seen: Set<string>; latest: StoredReport | null }>();
        for (const b of data.badges) {
          const existing = await badges.get(b.id as BadgeId);
          if (existing) {
            const mine = await reports.index('by-badge').getAll(historyRange(existing.id));
            kept.set(b.id, { record: existing, seen: new Set(mine.map(fingerprint)), latest: existing.latest });
          } else {
            await badges.put(b as BadgeRecord);
            incoming.add(b.id);
          }
        }
        // Reports in the backup's order (the order they were stored in), so a restored backpack exports the same file.
        for (const r of data.reports as readonly StoredReport[]) {
          if (incoming.has(r.badgeId)) {
            await reports.add(r);
            continue;
          }
          const target = kept.get(r.badgeId);
          const f = fingerprint(r);
          if (!target || target.seen.has(f)) continue;
          target.seen.add(f);
          await reports.add(r);
          if (!target.latest || r.checkedAt > target.latest.checkedAt) target.latest = r;
        }
        for (const { record, latest } of kept.values()) {
          if (latest !== record.latest) await badges.put({ ...record, latest });
        }
        const added = incoming.size;
        const merged = kept.size;

        const identities = tx.objectStore('identities');
        const mine = await identities.getAll();
        let identitiesAdded = 0;
        for (const identity of data.identities) {
          const known = mine.some((i) => i.value === identity.value || (i.kind === 'email' && identity.kind === 'email' && sameEmail(i.value, identity.value)));
          if (known) continue;
          await identities.add(identity);
          mine.push(identity);
          identitiesAdded++;
        }

        // Collections: one already here (same id) is kept as it is; the others come after the last one
        // here, in the backup's order: their positions are shifted past this backpack's highest, so
        // into a backpack without collections they come back exactly as exported. Every badge they
        // name is in the backup (decodeBackup checks it), so it is here now.
        const collections = tx.objectStore('collections');
        const present = await collections.getAll();
        const here = new Set<string>(present.map((c) => c.id));
        const base = present.reduce((max, c) => Math.max(max, c.position + 1), 0);
        let collectionsAdded = 0;
        for (const c of data.collections) {
          if (here.has(c.id)) continue;
          const share: ShareChoices = { displayName: c.share.displayName, recipient: c.share.recipient, evidence: c.share.evidence, until: c.share.until };
          await collections.add({
            id: c.id as CollectionId,
            title: c.title,
            badgeIds: c.badgeIds as readonly BadgeId[],
            position: base + c.position,
            createdAt: c.createdAt,
            updatedAt: c.updatedAt,
            share,
          });
          collectionsAdded++;
        }

        // Settings: this backpack's are kept (the backup's are taken only when none were ever saved
        // here); LinkedIn organisation ids are united, the one set here winning for its issuer.
        const settings = tx.objectStore('settings');
        const stored = await settings.get(SETTINGS_KEY);
        if (stored === undefined) {
          await settings.put({ ...DEFAULT_SETTINGS, ...data.settings }, SETTINGS_KEY);
        } else {
          const mine = { ...DEFAULT_SETTINGS, ...stored }.linkedInOrganizations;
          const theirs = data.settings.linkedInOrganizations;
          if (Object.keys(theirs).some((issuer) => !Object.prototype.hasOwnProperty.call(mine, issuer))) {
            await settings.put({ ...stored, linkedInOrganizations: { ...theirs, ...mine } }, SETTINGS_KEY);
          }
        }
        return { added, merged, identitiesAdded, collectionsAdded };
      });
      changed();
      return result;
    },

    async collections() {
      return listCollections(await getDb());
    },

    async getCollection(id) {
      const db = await getDb();
      return read(() => db.get('collections', id));
    },

    async createCollection(title, badgeIds = []) {
      const clean = checkTitle(title);
      const db = await getDb();
      const at = now().toISOString();
      const created = await writeTransaction(db, ['collections', 'badges'], async (tx) => {
        const all = await tx.objectStore('collections').getAll();
        const ids = await knownBadges(tx.objectStore('badges'), badgeIds);
        const collection: Collection = {
          id: newId() as CollectionId,
          title: clean,
          badgeIds: ids,
          position: all.reduce((max, c) => Math.max(max, c.position + 1), 0),
          createdAt: at,
          updatedAt: at,
          share: DEFAULT_SHARE_CHOICES,
        };
        await tx.objectStore('collections').add(collection);
        return collection;
      });
      changed();
      return created;
    },

    async updateCollection(id, patch: CollectionPatch) {
      const title = patch.title === undefined ? undefined : checkTitle(patch.title);
      const db = await getDb();
      const updated = await writeTransaction(db, ['collections', 'badges'], async (tx) => {
        const c = await tx.objectStore('collections').get(id);
        if (!c) throw new BackpackError('NOT_FOUND', id);
        const next: Collection = {
          ...c,
          ...(title !== undefined ? { title } : {}),
          ...(patch.badgeIds !== undefined ? { badgeIds: await knownBadges(tx.objectStore('badges'), patch.badgeIds) } : {}),
          ...(patch.share !== undefined ? { share: checkShareChoices(c.share, patch.share) } : {}),
          updatedAt: now().toISOString(),
        };
        await tx.objectStore('collections').put(next);
        return next;
      });
      changed();
      return updated;
    },

    async moveCollection(id, toIndex) {
      const db = await getDb();
      await writeTransaction(db, ['collections'], async (tx) => {
        const all = (await tx.objectStore('collections').getAll()).sort(byPosition);
        const from = all.findIndex((c) => c.id === id);
        if (from === -1) throw new BackpackError('NOT_FOUND', id);
        const [moving] = all.splice(from, 1);
        all.splice(Math.max(0, Math.min(Math.trunc(toIndex), all.length)), 0, moving!);
        await Promise.all(all.map((c, position) => (c.position === position ? undefined : tx.objectStore('collections').put({ ...c, position }))));
      });
      changed();
    },

    async removeCollection(id) {
      const db = await getDb();
      const removed = await writeTransaction(db, ['collections'], async (tx) => {
        const c = await tx.objectStore('collections').get(id);
        if (!c) throw new BackpackError('NOT_FOUND', id);
        await tx.objectStore('collections').delete(id);
        return c;
      });
      changed();
      let undone = false;
      return {
        async undo() {
          if (undone) return;
          const target = await getDb();
          await writeTransaction(target, ['collections', 'badges'], async (tx) => {
            // Badges removed from the backpack meanwhile do not come back with it.
            const badgeIds = await knownBadges(tx.objectStore('badges'), removed.badgeIds);
            await tx.objectStore('collections').put({ ...removed, badgeIds });
          });
          undone = true;
          changed();
        },
      };
    },

    subscribe(listener) {
      const own = (): void => listener();
      listeners.add(own);
      return () => {
        listeners.delete(own);
      };
    },

    close() {
      channel?.removeEventListener('message', onMessage);
      if (ownChannel) channel?.close?.();
      listeners.clear();
      if (opener && opening) {
        const pending = opening;
        opening = undefined;
        pending.then(closeBesaceDb, () => undefined);
      }
    },
  };
  return service;
}

/** The ids that name a stored badge, first occurrence only, in the given order. */
async function knownBadges(store: { count(key: BadgeId): Promise<number> }, ids: readonly BadgeId[]): Promise<BadgeId[]> {
  const unique = [...new Set(ids)];
  const counts = await Promise.all(unique.map((id) => store.count(id)));
  return unique.filter((_, i) => (counts[i] ?? 0) > 0);
}

/**
 * One badge whose verification could not run (the worker crashed or timed out) must not sink the
 * whole import: it is staged with an honest "not checked" report, and verified again later.
 * A cancellation still cancels.
 */
async function verifyOrNotChecked(
  verifier: Verifier,
  extracted: Extracted,
  identities: readonly EarnerIdentity[],
  at: Date,
  signal: AbortSignal | undefined,
): Promise<PipelineReport> {
  try {
    return await verifier.verify({ extracted }, identities, signal ? { signal } : {});
  } catch (e) {
    signal?.throwIfAborted();
    const reason = typeof (e as { code?: unknown })?.code === 'string' ? String((e as { code: string }).code) : 'VERIFIER_FAILED';
    return {
      verdict: 'unverified',
      checks: [check('signature', 'unchecked', 'NOT_CHECKED', { reason })],
      badge: null,
      checkedAt: at.toISOString(),
      extraction: { container: extracted.container, warnings: extracted.warnings },
      extractError: null,
    };
  }
}
