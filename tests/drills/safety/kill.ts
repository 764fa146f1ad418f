/**
 * Kill the browser in the middle of an import: Chromium on a profile folder of its own (so that its
 * IndexedDB outlives it), the badges not yet stored dropped a batch at a time as an earner adds files,
 * and the whole browser (its process group: browser, renderers, utilities) SIGKILLed when "Add" is
 * pressed for the second batch — at once, then a few milliseconds later each time, so that the kill
 * lands before, during and after that batch's write. After each kill, Chromium again on the same
 * profile:
 *
 * - every stored badge is whole (bytes = id, name, payload, latest report in its history; no report
 *   of no badge), and each batch is stored whole or not at all (one accept = one transaction);
 * - nothing stored before is gone, and no batch the app had said was stored ("See my badges") is missing;
 * - the list says what the database holds.
 *
 * Last, dropping all the badges again adds what is missing: every badge stored, whole, once.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { serviceWorkerReady } from '../../browser/backpack/support';
import { CHROMIUM_ARGS } from '../../support/browser';
import type { DrillSize } from '../types';
import { makeBadges, type DrillBadge } from './badges';
import {
  appReady,
  blockOtherOrigins,
  byId,
  halfWritten,
  importInPage,
  listedCount,
  MARK,
  NAME_SHIM,
  putFiles,
  readDb,
  watchContext,
  within,
  type Tally,
} from './harness';

/** One run of the browser on the drill's profile, with the app open in its first page. */
interface Life {
  readonly page: Page;
  readonly pid: number;
  /** SIGKILL the browser's process group, at once (synchronous: callable from an event handler). */
  kill(): void;
  /** Resolves when the browser process is gone. */
  gone(): Promise<void>;
  /** What the context saw goes into the row (but for a death we caused), and the browser is closed. */
  end(tally: Tally, killed?: boolean): Promise<void>;
}

/** The browser process (not a renderer or utility: no --type=) that runs on `userDataDir`. */
function browserPid(userDataDir: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, 'latin1').split('\0');
    } catch {
      continue; // gone meanwhile
    }
    if (args.includes(`--user-data-dir=${userDataDir}`) && !args.some((a) => a.startsWith('--type='))) return Number(entry);
  }
  throw new Error(`no browser process runs on ${userDataDir}`);
}

const alive = (pid: number): boolean => {
  try {
    return !/\)\s+Z\s/.test(readFileSync(`/proc/${pid}/stat`, 'latin1')); // a zombie is dead
  } catch {
    return false;
  }
};

/** Chromium on `profile`, with the flags every browser test uses (tests/support/browser.ts), and the app open. */
async function startLife(chromiumPath: string, profile: string, origin: string): Promise<Life> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: [...CHROMIUM_ARGS],
    locale: 'en-US',
    colorScheme: 'light',
    reducedMotion: 'reduce',
    viewport: { width: 1280, height: 900 },
  });
  const pid = browserPid(profile);
  const kill = () => {
    try {
      process.kill(-pid, 'SIGKILL'); // Playwright starts the browser as the leader of its own process group
    } catch {
      process.kill(pid, 'SIGKILL');
    }
  };
  const watch = watchContext(context);
  const end = async (tally: Tally, killed = false) => {
    tally.add(killed ? { ...watch, crashed: [] } : watch);
    await within('closing the browser', 15_000, context.close()).catch(() => undefined);
    if (alive(pid)) kill();
  };
  try {
    context.setDefaultTimeout(20_000);
    await context.addInitScript(NAME_SHIM);
    await blockOtherOrigins(context, origin, watch);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${origin}/`, { waitUntil: 'load' });
    await appReady(page);
    return {
      page,
      pid,
      kill,
      gone: async () => {
        const until = Date.now() + 15_000;
        while (alive(pid) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
        if (alive(pid)) throw new Error(`the browser (pid ${pid}) survived SIGKILL`);
      },
      end,
    };
  } catch (error) {
    await context.close().catch(() => undefined);
    if (alive(pid)) kill();
    throw error;
  }
}

/** One life of the browser: import `pending` batch after batch, SIGKILLed `delayMs` after "Add" is pressed for the second batch. */
async function liveAndDie(
  chromiumPath: string,
  profile: string,
  origin: string,
  pending: readonly (readonly DrillBadge[])[],
  delayMs: number,
  tally: Tally,
): Promise<{ confirmed: Set<number> }> {
  const life = await startLife(chromiumPath, profile, origin);
  const confirmed = new Set<number>();
  const killAt = Math.min(1, pending.length - 1);
  let killed = false;
  try {
    await serviceWorkerReady(life.page);
    await putFiles(life.page, pending.flat());
    life.page.on('console', (message) => {
      const [mark, tag] = message.text().split(' ');
      if (mark === MARK.stored) confirmed.add(Number(tag));
      if (mark === MARK.accepting && Number(tag) === killAt && !killed) {
        killed = true;
        if (delayMs === 0) life.kill();
        else setTimeout(life.kill, delayMs);
      }
    });
    const importing = (async () => {
      let from = 0;
      for (const [b, batch] of pending.entries()) {
        await importInPage(life.page, from, batch.length, String(b), 60_000);
        from += batch.length;
      }
    })();
    const ended = await within('an import', 180_000, importing.then(() => 'finished', (e: unknown) => (killed ? 'killed' : Promise.reject(e))));
    if (ended !== 'killed') throw new Error('the import ended before the kill');
    await life.gone();
  } finally {
    await life.end(tally, killed);
  }
  return { confirmed };
}

export async function killMidImport(size: DrillSize, origin: string, chromiumPath: string, tally: Tally): Promise<void> {
  const total = size === 'full' ? 200 : 60;
  const per = size === 'full' ? 20 : 10;
  /** Each life is killed this long after "Add": at once, then later and later into the write. */
  const delays = size === 'full' ? [0, 5, 15, 40] : [0, 15];
  const badges = await makeBadges(total, 'k');
  const expected = byId(badges);
  tally.inputs = total;
  const profile = await mkdtemp(join(tmpdir(), 'besace-drill-kill-'));
  const lives: string[] = [];
  let stored = new Set<string>();
  try {
    for (const delay of delays) {
      const pending = badges.filter((b) => !stored.has(b.id));
      const batches = Array.from({ length: Math.ceil(pending.length / per) }, (_, i) => pending.slice(i * per, (i + 1) * per));
      const { confirmed } = await liveAndDie(chromiumPath, profile, origin, batches, delay, tally);

      // The next life, on the same profile: what is there must be whole.
      const next = await startLife(chromiumPath, profile, origin);
      try {
        const { page } = next;
        const after = await readDb(page);
        const faults = halfWritten(after, expected);
        tally.lost(faults.length, `half-written after a kill: ${faults.slice(0, 5).join(', ')}`);
        const now = new Set(after.badges.map((b) => b.id));
        const gone = [...stored].filter((id) => !now.has(id));
        tally.lost(gone.length, `stored before a kill, gone after it: ${gone.length}`);
        const perBatch = batches.map((batch) => batch.filter((b) => now.has(b.id)).length);
        const partial = perBatch.flatMap((n, b) => (n !== 0 && n !== batches[b]!.length ? [n] : []));
        tally.lost(
          partial.reduce((a, n) => a + n, 0),
          `batches half-stored (one "Add" is one transaction): ${partial.join(', ')}`,
        );
        const missing = [...confirmed].filter((b) => perBatch[b] !== batches[b]!.length);
        tally.lost(missing.reduce((a, b) => a + batches[b]!.length, 0), `batches the app said were stored, gone after the kill: ${missing.join(', ')}`);
        const listed = await listedCount(page);
        if ((listed ?? 0) !== after.badges.length) tally.lost(Math.abs((listed ?? 0) - after.badges.length), `the list says ${listed}, the database holds ${after.badges.length}`);
        const inFlight = perBatch[1] === batches[1]?.length ? 'whole' : perBatch[1] === 0 ? 'none' : 'part';
        lives.push(`+${delay} ms: ${confirmed.size} confirmed, ${after.badges.length} stored, in flight ${inFlight}`);
        stored = now;
      } finally {
        await next.end(tally);
      }
    }
    tally.note(`${delays.length} kills at "Add" of the 2nd batch of ${per} (${lives.join('; ')})`);

    // The last life: drop them all again. What is missing goes in; what is there is "Already in your backpack".
    const last = await startLife(chromiumPath, profile, origin);
    try {
      const { page } = last;
      await putFiles(page, badges);
      const again = await within('the import again', 120_000, importInPage(page, 0, total, 'again', 110_000));
      if (again.kind === 'failed') tally.crash(`the import again failed: ${again.alert}`);
      const final = await readDb(page);
      const finalFaults = halfWritten(final, expected);
      tally.lost(finalFaults.length, `half-written after the import again: ${finalFaults.slice(0, 5).join(', ')}`);
      const absent = badges.filter((b) => !final.badges.some((s) => s.id === b.id));
      tally.lost(absent.length, `not stored after the import again: ${absent.length} of ${total}`);
      const listed = await listedCount(page);
      if (listed !== total) tally.lost(Math.abs((listed ?? 0) - total), `the list says ${listed} after the import again`);
      tally.note(`all dropped again: ${final.badges.length} badges, ${final.reports.length} reports`);
    } finally {
      await last.end(tally);
    }
  } finally {
    if (existsSync(profile)) await rm(profile, { recursive: true, force: true });
  }
}
