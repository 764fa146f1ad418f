/**
 * The hostile-content drills (issue "Drills: hostile badges, lost tabs and full disks"), in headless
 * Chromium against the production build: badges made for the purpose, whose every text field holds
 * markup, scripts, event handlers, dangerous URLs, CSS that tries to escape, direction overrides and
 * look-alikes, megabyte strings or deeply nested JSON; badge images that try to run or fetch; PNGs
 * whose chunk lengths lie; share links that are themselves the attack.
 *
 * Each family is one row. The badges are baked into PNG and SVG and dropped on the app (the staging
 * dialog, "Keep anyway" for the unsigned ones, the list, each badge's page), or opened through a
 * share link (the viewer). For every input the harness (./hostile/harness.ts) counts scripts that
 * ran, requests to origins nobody asked to check (anything but the app and the issuer's host),
 * CSP violations, and crashes and hangs — among which anything not shown as inert text: a payload's
 * element, handler or link in the page, a hostile string missing where its field is shown, a direction
 * override that reorders the app's own words.
 *
 * `small` tries a handful of inputs per family (the browser test, well under a minute); `full`
 * tries every payload in every field, every hostile image, every lying PNG and fragment.
 * HOSTILE_DRILLS_ONLY=<part of a row's name> runs only the matching families (when working on one).
 */
import type { Browser } from 'playwright-core';
import { closeDirectionControls, forDisplay } from '../../src/core/model/text';
import { decodeShare, MAX_BADGES, type Share } from '../../src/core/share/link';
import { t, type MessageKey } from '../../src/ui/messages';
import { loadAllMessages } from '../support/allMessages';
import { launchBrowser } from '../support/browser';
import { startStaticServer } from '../support/staticServer';
import { SECURITY_HEADERS } from '../../vite.config';
import { badgeIdOf, hostileFragments, jsonShare, lyingPngs, pngBadge, shareLink, svgBadge, type DropFile } from './hostile/badges';
import { BOUNDS, count, navigateInApp, newTally, openHostileTab, shortText, dropFiles, type HostileTab, type Tally, type TextCheck } from './hostile/harness';
import {
  HOSTILE_SVGS,
  HOSTILE_TEXTS,
  HOSTILE_URLS,
  ISSUER_HOST,
  ATTACKER_ORIGIN,
  PLAIN_SVG,
  hostileCredential,
  nestedJson,
  plainCredential,
  repeatTo,
  spliceJson,
  type CredentialDoc,
  type HostileText,
} from './hostile/payloads';
import type { Drill, DrillRow, DrillSize } from './types';

const say = (key: MessageKey, params?: Readonly<Record<string, string | number>>): string => t('en', key, params);

/** Hosts a badge's verification may ask for: the issuer's (its profile, its keys). */
const ASKED_HOSTS: ReadonlySet<string> = new Set([ISSUER_HOST]);

const MB = 1024 * 1024;

interface FamilyContext {
  readonly size: DrillSize;
  readonly origin: string;
  readonly tally: Tally;
  /** A fresh tab (context) on the app; closed by the runner. */
  openTab(): Promise<HostileTab>;
}

interface Family {
  readonly drill: string;
  run(ctx: FamilyContext): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// What the page must show: each hostile string as text where its field is shown.

/**
 * A badge string as the app's views show it: its display model (src/core/model/text) clips it to
 * 10,000 characters and closes the direction controls it leaves open; the views trim it.
 */
const shownAs = (raw: string): string => forDisplay(raw).trim();

/** One credential made for a drill, and what its pages must show. */
interface Variant {
  readonly label: string;
  readonly json: string;
  /** The badge's name as the title shows it (shownAs); null when not checked. */
  readonly name: string | null;
  /**
   * The app may refuse to read this badge (too deep, say): kept, it is then shown under its file
   * name (or "Badge without a name"), with a sentence, and its name is not required.
   */
  readonly refusable?: boolean;
  /** A part of the text fields that Markdown keeps. */
  readonly shown: string | null;
  /** What the badge's page must show, when not `name` and `shown` in every field (a drill that fills one field). */
  readonly detail?: readonly TextCheck[];
}

const textVariant = (key: string, p: HostileText, url: string, image?: string): Variant => ({
  label: `${p.label} / ${shortText(url, 32)}`,
  json: JSON.stringify(hostileCredential({ key, text: p.text, url, ...(image === undefined ? {} : { image }) })),
  name: shownAs(p.text),
  shown: p.shown,
});

function detailChecks(v: Variant): readonly TextCheck[] {
  if (v.detail) return v.detail;
  const checks: TextCheck[] = [];
  if (v.name !== null) {
    checks.push(
      { selector: '#detail-title', mode: 'exact', text: v.name },
      { selector: '.detail-issuer', mode: 'contains', text: v.name },
      { selector: 'section[aria-labelledby="detail-skills"]', mode: 'contains', text: v.name },
      { selector: 'section[aria-labelledby="detail-issuer"]', mode: 'contains', text: v.name },
    );
  }
  if (v.shown !== null) {
    for (const section of ['description', 'criteria', 'narrative', 'evidence']) {
      checks.push({ selector: `section[aria-labelledby="detail-${section}"]`, mode: 'contains', text: v.shown });
    }
  }
  return checks;
}

function viewerChecks(v: Variant, index: number): TextCheck[] {
  const checks: TextCheck[] = [];
  if (v.refusable && v.name !== null) checks.push({ selector: `#shared-${index}`, mode: 'exact', text: [v.name, say('library.unnamed')] });
  else if (v.name !== null) {
    checks.push({ selector: `#shared-${index}`, mode: 'exact', text: v.name }, { selector: '.shared-badge-issuer', mode: 'contains', text: v.name });
  }
  if (v.shown !== null) {
    checks.push(
      { selector: `[aria-labelledby="shared-${index}-about"]`, mode: 'contains', text: v.shown },
      { selector: `[aria-labelledby="shared-${index}-evidence"]`, mode: 'contains', text: v.shown },
    );
  }
  return checks;
}

/** The variants of the text-field drills: every payload (full) or a handful (small), URLs in turn. */
function textVariants(size: DrillSize, family: string): Variant[] {
  const picked = size === 'full' ? HOSTILE_TEXTS : HOSTILE_TEXTS.filter((p) => ['script element', 'img onerror', 'CSS escape', 'direction overrides'].includes(p.label));
  const urls = size === 'full' ? HOSTILE_URLS : HOSTILE_URLS.slice(0, 4);
  const count = Math.max(picked.length, urls.length);
  return Array.from({ length: count }, (_, i) => textVariant(`hostile-${family}-${i}`, picked[i % picked.length]!, urls[i % urls.length]!, i % 3 === 0 ? `${ATTACKER_ORIGIN}/badge-image.png` : undefined));
}

// ---------------------------------------------------------------------------------------------
// The two ways in: a drop (staging dialog, keep, list, badge pages) and a share link (the viewer).

interface FileCase {
  readonly label: string;
  readonly file: DropFile;
  readonly variant: Variant | null;
}

const STATUS_KEYS = ['importer.status.new', 'importer.status.invalid', 'importer.status.not-a-badge'] as const;

/**
 * Drop the files together; every staged item must say what it is (a badge, with its name as text,
 * or not one, with a sentence); keep the invalid ones; then the list and every kept badge's page,
 * each looked at, the page answering and the navigation working after each.
 */
async function dropAndInspect(ctx: FamilyContext, all: readonly FileCase[], { onePerTab = false } = {}): Promise<void> {
  // A drop of a few megabytes at most: the files cross the DevTools protocol as base64, in one message.
  // `onePerTab`: each file in its own tab, so that one that hangs the page leaves the others to be tried.
  const batches: FileCase[][] = [];
  let size = Infinity;
  for (const c of all) {
    if (onePerTab || size + c.file.bytes.length > DROP_BYTES || batches.at(-1)!.length >= DROP_FILES) {
      batches.push([]);
      size = 0;
    }
    batches.at(-1)!.push(c);
    size += c.file.bytes.length;
  }
  for (const batch of batches) await dropBatch(ctx, batch);
}

const DROP_BYTES = 8 * MB;
const DROP_FILES = 24;

async function dropBatch(ctx: FamilyContext, cases: readonly FileCase[]): Promise<void> {
  ctx.tally.inputs += cases.length;
  const tab = await ctx.openTab();
  try {
    await inspectDrop(ctx, tab, cases);
  } finally {
    await tab.close();
  }
}

async function inspectDrop(ctx: FamilyContext, tab: HostileTab, cases: readonly FileCase[]): Promise<void> {
  const { tally } = ctx;
  const { page } = tab;
  tab.input = cases.length === 1 ? `${cases[0]!.label} (dropped)` : `drop of ${cases.length} files`;
  if (!(await tab.gotoApp('/'))) return;

  const staged = await tab.step('dropping the files and checking them', BOUNDS.staging, async () => {
    await dropFiles(page, cases.map((c) => c.file));
    const prefix = say('importer.dialog.checked', { summary: '' }).split('.')[0]!.trim();
    await page.locator('#import-dialog-status', { hasText: prefix }).waitFor({ timeout: BOUNDS.staging });
    return page.locator('.import-item').evaluateAll((items) =>
      items.map((li) => ({
        cls: li.className,
        source: li.querySelector('.import-item-source')?.textContent ?? '',
        status: li.querySelector('.import-item-status')?.textContent ?? '',
        detail: li.querySelector('.import-item-detail')?.textContent ?? '',
      })),
    );
  });
  if (!staged) return;
  if (staged.length !== cases.length) {
    tally.crashesAndHangs += 1;
    tally.findings.push(`${tab.input}: ${staged.length} items staged for ${cases.length} files`);
  }

  const kept: FileCase[] = [];
  let refused = 0;
  const dialogChecks: TextCheck[] = [];
  for (const [i, item] of staged.entries()) {
    const c = cases[i];
    if (!c) continue;
    tab.input = c.label;
    if (!STATUS_KEYS.some((key) => item.status === say(key))) {
      tally.crashesAndHangs += 1;
      tally.findings.push(`${c.label}: staged as "${item.status.slice(0, 40)}"`);
    }
    if (item.source !== c.file.name) dialogChecks.push({ selector: '.import-item-source', mode: 'exact', text: c.file.name });
    if (item.cls.includes('not-a-badge')) {
      refused += 1;
      // Refused with a message: a sentence, never a code or nothing.
      if (!/\s/.test(item.detail.trim()) || /\b[A-Z]{3,}_[A-Z_]+\b/.test(item.detail)) {
        tally.crashesAndHangs += 1;
        tally.findings.push(`${c.label}: refused without a sentence ("${item.detail.slice(0, 60)}")`);
      }
      continue;
    }
    kept.push(c);
    if (c.variant?.name && !c.variant.refusable) dialogChecks.push({ selector: '.import-item-name', mode: 'contains', text: c.variant.name });
  }
  tab.input = cases.length === 1 ? `${cases[0]!.label} (staging dialog)` : `staging dialog of ${cases.length} files`;
  await tab.settle();
  await tab.audit(
    dialogChecks,
    cases.flatMap((c) => [c.variant?.name ?? '', c.file.name]),
  );
  if (!(await tab.responsive())) return;
  count(tally, 'files refused with a sentence', refused);
  if (kept.length === 0) return;

  const accepted = await tab.step('keeping and adding the badges', BOUNDS.accept, async () => {
    for (const box of await page.locator('.import-keep input[type="checkbox"]').all()) await box.check({ timeout: BOUNDS.click });
    await page.locator('.import-actions button.button-primary').click({ timeout: BOUNDS.click });
    await page.locator('.import-actions a.button-primary, .import-error').first().waitFor({ timeout: BOUNDS.accept });
    if ((await page.locator('.import-error').count()) > 0) throw new Error(`the import failed: ${await page.locator('.import-error').textContent()}`);
    await page.locator('.import-actions a.button-primary').click({ timeout: BOUNDS.click });
    await page.locator('.badge-row').first().waitFor({ timeout: BOUNDS.page });
    return true;
  });
  if (!accepted) return;
  tab.input = `the list of ${kept.length} badges`;
  await tab.settle();
  await tab.audit(
    [],
    kept.flatMap((c) => [c.variant?.name ?? '', c.file.name]),
  );
  // The rows on screen (the list renders only those) each show one of the names, as text.
  if (kept.every((c) => c.variant?.name)) {
    const names = new Set(kept.flatMap((c) => (c.variant!.refusable ? [c.variant!.name!, c.file.name] : [c.variant!.name!])));
    const rows = await tab.step('reading the list', BOUNDS.page, () => page.locator('.badge-row-name').allTextContents());
    for (const row of rows ?? []) {
      if (!names.has(row)) {
        tally.crashesAndHangs += 1;
        tally.findings.push(`${tab.input}: not shown as text: a row reads "${shortText(row, 60)}"`);
      }
    }
  }

  let pages = 0;
  let presentations = 0;
  for (const c of kept) {
    tab.input = c.label;
    const shown = await tab.step('opening the badge’s page', BOUNDS.page, () => navigateInApp(page, `/badge/${badgeIdOf(c.file.bytes)}`, '#detail-checks', BOUNDS.page));
    if (shown === undefined && tab.dead) {
      const left = kept.length - kept.indexOf(c) - 1;
      count(tally, 'badge pages not looked at after a hang', left);
      return;
    }
    if (shown === undefined) continue;
    await tab.settle();
    const checks: readonly TextCheck[] = !c.variant
      ? []
      : c.variant.refusable && c.variant.name !== null
        ? [{ selector: '#detail-title', mode: 'exact', text: [c.variant.name, c.file.name] }]
        : detailChecks(c.variant);
    await tab.audit(checks, [c.variant?.name ?? '', c.file.name, ...checks.flatMap((check) => check.text)]);
    if (!(await tab.responsive())) return;
    if (!(await tab.navigationWorks())) return;
    pages += 1;

    // The same badge presented to someone (its QR code, its name and issuer in large type).
    const presented = await tab.step('presenting the badge', BOUNDS.page, () =>
      navigateInApp(page, `/present/badge/${badgeIdOf(c.file.bytes)}`, '.present-title, .present-message', BOUNDS.page),
    );
    if (presented === undefined) {
      if (tab.dead) return;
      continue;
    }
    await tab.settle();
    const title: TextCheck | null = c.variant?.name ? { selector: '.present-title', mode: 'exact', text: c.variant.refusable ? [c.variant.name, c.file.name] : c.variant.name } : null;
    const issuer: TextCheck | null = c.variant?.name && !c.variant.refusable && !c.variant.detail ? { selector: '.present-badge-issuer', mode: 'contains', text: c.variant.name } : null;
    await tab.audit([title, issuer].filter((x): x is TextCheck => x !== null), [c.variant?.name ?? '', c.file.name]);
    if (!(await tab.responsive())) return;
    presentations += 1;
  }
  count(tally, 'badge pages looked at', pages);
  count(tally, 'badges presented', presentations);
}

/** A share link to open. */
interface LinkCase {
  readonly label: string;
  /** The fragment (without `#`): the link is the app's origin, `/#`, and this. */
  readonly fragment: string;
  /** The badges it holds, in order, when their pages are checked. */
  readonly variants?: readonly Variant[];
}

const fragmentOf = (share: Share, origin: string): string => new URL(shareLink(share, origin)).hash.slice(1);

/**
 * Open each link in the viewer (loaded afresh, or `viaHashChange`: pasted into the address bar of an
 * open tab): its badges shown as text, or the link refused with its sentence.
 */
async function openLinks(ctx: FamilyContext, links: readonly LinkCase[], viaHashChange = false): Promise<void> {
  let tab = await ctx.openTab();
  try {
    for (const link of links) await openLink(ctx, link, viaHashChange, tab.dead ? (tab = await ctx.openTab()) : tab);
  } finally {
    await tab.close();
  }
}

/** One link in `tab` (a fresh one when the last link hung or killed the last). */
async function openLink(ctx: FamilyContext, link: LinkCase, viaHashChange: boolean, tab: HostileTab): Promise<void> {
  const { tally } = ctx;
  const { page } = tab;
  tally.inputs += 1;
  tab.input = link.label;
  const decoded = decodeShare(link.fragment);
  let opened: boolean;
  if (viaHashChange) {
    opened = (await tab.gotoApp('/')) && (await tab.step('changing the fragment', BOUNDS.click, () => page.evaluate((f) => void (location.hash = f), link.fragment))) !== undefined;
  } else {
    await page.goto('about:blank').catch(() => undefined);
    opened = await tab.gotoUrl(`${ctx.origin}/#${link.fragment}`);
  }
  if (!opened) return;
  const checks: TextCheck[] = [];
  const hostile: string[] = (link.variants ?? []).map((v) => v.name ?? '');
  if (!decoded.ok) {
    // Refused, with the sentence for its reason.
    checks.push({ selector: '.viewer .notice-error', mode: 'contains', text: say(`viewer.error.${decoded.error.code}`, { max: MAX_BADGES }) });
    count(tally, `links refused (${decoded.error.code})`);
  } else {
    const share: Share = decoded.value;
    const done = await tab.step('checking the shared badges', BOUNDS.staging, () =>
      page.waitForFunction((n) => document.querySelectorAll('.shared-badge').length === n, share.badges.length, { timeout: BOUNDS.staging }),
    );
    if (done === undefined) return;
    // The link's own words, as the viewer shows them: trimmed, direction controls closed.
    const title = closeDirectionControls(share.title?.trim() || say('viewer.title'));
    const sharer = share.displayName?.trim() ? closeDirectionControls(share.displayName.trim()) : '';
    checks.push({ selector: 'main h1', mode: 'exact', text: title });
    hostile.push(title, sharer);
    if (sharer) checks.push({ selector: '.viewer-meta', mode: 'contains', text: sharer });
    for (const [i, v] of (link.variants ?? []).entries()) checks.push(...viewerChecks(v, i));
    // "Badge 2 could not be read", with its sentence under it.
    const [before, after] = say('viewer.unreadable', { n: 999 }).split('999') as [string, string];
    const unreadable = await tab.step('reading the badges', BOUNDS.page, () =>
      page.locator('.shared-badge h2').evaluateAll((heads, { b, a }) => heads.filter((h) => (h.textContent ?? '').startsWith(b) && (h.textContent ?? '').endsWith(a)).length, { b: before, a: after }),
    );
    count(tally, 'shared badges refused as unreadable', unreadable ?? 0);
    count(tally, 'links whose badges were shown');
  }
  await tab.settle();
  await tab.audit(checks, hostile);
  if (await tab.responsive()) await tab.navigationWorks();
}

// ---------------------------------------------------------------------------------------------
// The families.

const pngFile = (name: string, v: Variant, seed: number): FileCase => ({ label: v.label, file: { name, type: 'image/png', bytes: pngBadge(v.json, seed) }, variant: v });
const svgFile = (name: string, v: Variant, svg = PLAIN_SVG): FileCase => ({ label: v.label, file: { name, type: 'image/svg+xml', bytes: svgBadge(svg, v.json) }, variant: v });
const jsonFile = (name: string, v: Variant): FileCase => ({ label: v.label, file: { name, type: 'application/json', bytes: new TextEncoder().encode(v.json) }, variant: v });

/** File names are the earner's, but they come with the file: hostile too, now and then. */
const fileName = (i: number, v: Variant, ext: string): string => (i % 3 === 1 ? `${v.name?.slice(0, 80) ?? 'x'}.${ext}` : `hostile-${i}.${ext}`);

const textInPng: Family = {
  drill: 'hostile text fields, OB 3.0 JSON baked in PNG',
  run: (ctx) => dropAndInspect(ctx, textVariants(ctx.size, 'png').map((v, i) => pngFile(fileName(i, v, 'png'), v, i + 1))),
};

const textInSvg: Family = {
  drill: 'hostile text fields, OB 3.0 JSON baked in SVG',
  run: (ctx) => dropAndInspect(ctx, textVariants(ctx.size, 'svg').map((v, i) => svgFile(fileName(i, v, 'svg'), v))),
};

const textInShare: Family = {
  drill: 'hostile text fields, through a share link',
  run: (ctx) => {
    const variants = textVariants(ctx.size, 'share');
    return openLinks(
      ctx,
      variants.map((v) => {
        const text = JSON.parse(v.json).name as string;
        return { label: v.label, fragment: fragmentOf(jsonShare([v.json], { title: text, displayName: text }), ctx.origin), variants: [v] };
      }),
    );
  },
};

const svgDataUri = (svg: string): string => `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

const hostileImages: Family = {
  drill: 'hostile badge images (SVG)',
  run: async (ctx) => {
    const svgs = ctx.size === 'full' ? HOSTILE_SVGS : HOSTILE_SVGS.filter((s) => ['script', 'foreignObject', 'external hrefs', 'entity expansion'].includes(s.label));
    const named = (i: number, label: string): Variant => {
      const name = `Hostile image: ${label}`;
      return { label: `SVG image with ${label}`, json: JSON.stringify(plainCredential(`hostile-image-${i}`, name)), name, shown: null };
    };
    // The image is the file: baked SVGs, shown through a blob: URL.
    const baked = svgs.map((s, i) => svgFile(`image-${i}.svg`, named(i, s.label), s.svg));
    // The image is in the badge: a data: URI, shown for a JSON file and in the viewer.
    const carried = svgs.map((s, i): Variant => {
      const name = `Hostile data: image: ${s.label}`;
      const json = JSON.stringify(hostileCredential({ key: `hostile-data-image-${i}`, text: name, url: `https://${ISSUER_HOST}/criteria`, image: svgDataUri(s.svg) }));
      return { label: `data: image with ${s.label}`, json, name, shown: name };
    });
    // Small: every image baked, two of them carried (the ones that try hardest to run and to fetch).
    const someCarried = ctx.size === 'full' ? carried : carried.filter((_, i) => ['script', 'external hrefs'].includes(svgs[i]!.label));
    await dropAndInspect(ctx, [...baked, ...someCarried.map((v, i) => jsonFile(`data-image-${i}.json`, v))]);
    await openLinks(
      ctx,
      someCarried.map((v) => ({ label: `${v.label}, shared`, fragment: fragmentOf(jsonShare([v.json]), ctx.origin), variants: [v] })),
    );
  },
};

const lyingLengths: Family = {
  drill: 'lying PNG chunk lengths',
  run: (ctx) => {
    const cases = lyingPngs((i) => JSON.stringify(plainCredential(`lying-${i}`, `Lying PNG ${i}`)), ctx.size);
    return dropAndInspect(
      ctx,
      cases.map((c, i) => ({ label: c.label, file: { name: `lying-${i}.png`, type: 'image/png', bytes: c.bytes }, variant: null })),
    );
  },
};

const megabyteStrings: Family = {
  drill: '1 MB strings',
  run: async (ctx) => {
    const units: HostileText[] = [
      { label: '1 MB of img onerror', text: repeatTo(`<img src=x onerror=window.__pwned=1 data-pwn>`, MB), shown: '<img src=x onerror=' },
      { label: '1 MB of direction overrides', text: `start ${repeatTo('\u202E\u2067abc ', MB)}`, shown: 'start' },
      { label: '1 MB of Markdown nesting', text: repeatTo('> * [', MB), shown: '> * [' },
      // One word with no place to break the line, last: each may hang its page (one tab each).
      { label: '1 MB of one letter', text: repeatTo('A', MB), shown: 'AAAA' },
    ];
    const fields = ['name', 'description', 'narrative', 'issuer', 'alignment', 'evidence', 'criteria URL'] as const;
    type Field = (typeof fields)[number];
    const make = (key: string, unit: HostileText, field: Field): Variant => {
      const doc = plainCredential(key, `Megabyte ${field}`);
      const ach = doc.credentialSubject.achievement;
      const alignment = ach.alignment[0]!;
      const evidence = doc.evidence[0] as Exclude<CredentialDoc['evidence'][number], string>;
      if (field === 'name') ach.name = doc.name = unit.text;
      if (field === 'description') ach.description = unit.text;
      if (field === 'narrative') doc.credentialSubject.narrative = unit.text;
      if (field === 'issuer') doc.issuer.name = unit.text;
      if (field === 'alignment') alignment.targetName = alignment.targetDescription = unit.text;
      if (field === 'evidence') evidence.name = evidence.narrative = unit.text;
      if (field === 'criteria URL') ach.criteria.id = evidence.id = `${ATTACKER_ORIGIN}/${'a'.repeat(MB)}`;
      const name = field === 'name' ? shownAs(unit.text) : `Megabyte ${field}`;
      const section = (id: string, text: string): TextCheck => ({ selector: `section[aria-labelledby="detail-${id}"]`, mode: 'contains', text });
      const detail: TextCheck[] = [{ selector: '#detail-title', mode: 'exact', text: name }];
      if (field === 'description') detail.push(section('description', unit.shown));
      if (field === 'narrative') detail.push(section('narrative', unit.shown));
      const shown = shownAs(unit.text);
      if (field === 'issuer') detail.push({ selector: '.detail-issuer', mode: 'contains', text: shown }, section('issuer', shown));
      if (field === 'alignment') detail.push(section('skills', shown));
      if (field === 'evidence') detail.push(section('evidence', shown));
      // Far too long to be a link: shown as the text of the address.
      if (field === 'criteria URL') detail.push(section('criteria', `${ATTACKER_ORIGIN}/aaaaaaaa`));
      return { label: `${unit.label} in the ${field}`, json: JSON.stringify(doc), name, shown: null, detail };
    };
    const combos: [HostileText, Field][] =
      ctx.size === 'full'
        ? units.flatMap((u) => fields.map((f): [HostileText, Field] => [u, f]))
        : [
            [units[0]!, 'name'],
            [units[1]!, 'issuer'],
          ];
    const variants = combos.map(([u, f], i) => make(`megabyte-${i}`, u, f));
    // A long word with nowhere to break the line, made of letters the font kerns ("AV"): the line
    // breaker cannot reuse its shaping, and the time to lay the text out grows with its square.
    const word = repeatTo('AV', 250_000);
    variants.push(make('long-word', { label: '250 kB word', text: word, shown: 'AVAV' }, 'name'));
    if (ctx.size === 'full') {
      // Such a word in every field at once: each is clipped for display, all of them are laid out.
      const everywhere = repeatTo('AV', MB);
      variants.push({
        label: '1 MB word in every field',
        json: JSON.stringify(hostileCredential({ key: 'long-word-everywhere', text: everywhere, url: `${ATTACKER_ORIGIN}/${everywhere}` })),
        name: shownAs(everywhere),
        shown: 'AVAV',
      });
    }
    const files = variants.flatMap((v, i) => {
      const out = [pngFile(`megabyte-${i}.png`, v, 100 + i)];
      if (ctx.size === 'full' || i === 1) out.push(svgFile(`megabyte-${i}.svg`, { ...v, label: `${v.label} (SVG)`, json: v.json.replace('urn:uuid:', 'urn:uuid:svg-') }));
      return out;
    });
    await dropAndInspect(ctx, files, { onePerTab: true });
    // Through a share link: far over what a link may carry; refused with a sentence.
    const shared: LinkCase[] = (ctx.size === 'full' ? variants : variants.slice(0, 1)).map((v) => ({ label: `${v.label}, shared`, fragment: fragmentOf(jsonShare([v.json]), ctx.origin) }));
    // Nearly what a link may carry (256 kB a badge), as one such word: the link is a few hundred
    // characters long, since it compresses so well.
    const wordDoc = plainCredential('long-word-shared', 'A long word');
    wordDoc.credentialSubject.achievement.description = word;
    const wordVariant: Variant = { label: '250 kB word as the description, shared', json: JSON.stringify(wordDoc), name: 'A long word', shown: null };
    shared.push({ label: wordVariant.label, fragment: fragmentOf(jsonShare([wordVariant.json]), ctx.origin), variants: [wordVariant] });
    await openLinks(ctx, shared);
  },
};

const deepJson: Family = {
  drill: 'deeply nested JSON',
  run: async (ctx) => {
    const depths = ctx.size === 'full' ? [1_000, 10_000, 100_000, 1_000_000] : [10_000, 100_000];
    const kinds = ['array', 'object'] as const;
    const cases: [number, (typeof kinds)[number]][] =
      ctx.size === 'full'
        ? depths.flatMap((depth) => kinds.map((kind): [number, (typeof kinds)[number]] => [depth, kind]))
        : [
            [10_000, 'array'],
            [100_000, 'object'],
          ];
    const variants: Variant[] = [];
    // Nested in the achievement and in the evidence list. The app may refuse them (too deep to verify):
    // then kept under their file name, with a sentence.
    for (const [depth, kind] of cases) {
      const name = `Nested ${kind} ${depth.toLocaleString('en')} deep`;
      const doc = plainCredential(`deep-${kind}-${depth}`, name, { deep: '__DEEP__' });
      doc.evidence.push('__DEEP__');
      variants.push({ label: `${kind}s nested ${depth.toLocaleString('en')} deep`, json: spliceJson(doc, '__DEEP__', nestedJson(depth, kind)), name, shown: null, refusable: true });
    }
    const bare = depths.slice(-1).map((depth) => ({ label: `a bare array ${depth.toLocaleString('en')} deep`, json: nestedJson(depth, 'array'), name: null, shown: null }));
    await dropAndInspect(ctx, [
      ...variants.map((v, i) => pngFile(`deep-${i}.png`, v, 200 + i)),
      ...(ctx.size === 'full' ? variants.map((v, i) => jsonFile(`deep-${i}.json`, { ...v, json: v.json.replace('urn:uuid:', 'urn:uuid:json-') })) : []),
      ...bare.map((v, i) => jsonFile(`bare-${i}.json`, v)),
    ]);
    const shared = (ctx.size === 'full' ? variants : variants.slice(0, 1)).map((v) => ({
      label: `${v.label}, shared`,
      fragment: fragmentOf(jsonShare([v.json]), ctx.origin),
      variants: [v],
    }));
    await openLinks(ctx, shared);
  },
};

const hostileShareFragments: Family = {
  drill: 'hostile share fragments',
  run: async (ctx) => {
    const credential = (i: number) => JSON.stringify(plainCredential(`fragment-${i}`, `Shared badge ${i}`));
    const fragments = hostileFragments(ctx.origin, credential, ctx.size);
    await openLinks(ctx, fragments);
    // The same, pasted into the address bar of an open tab (only the fragment changes).
    const again = ctx.size === 'full' ? fragments : fragments.slice(0, 2);
    await openLinks(
      ctx,
      again.map((f) => ({ ...f, label: `${f.label}, as a new fragment of an open tab` })),
      true,
    );
  },
};

const FAMILIES: readonly Family[] = [textInPng, textInSvg, textInShare, hostileImages, lyingLengths, megabyteStrings, deepJson, hostileShareFragments];

// ---------------------------------------------------------------------------------------------

function rowOf(drill: string, tally: Tally, seconds: number): DrillRow {
  const notes: string[] = [`${seconds.toFixed(1)} s`];
  if (tally.findings.length > 0) {
    const shown = tally.findings.slice(0, 6).map((f) => f.replace(/\s+/g, ' '));
    notes.push(`findings: ${shown.join(' · ')}${tally.findings.length > shown.length ? ` · (+${tally.findings.length - shown.length} more)` : ''}`);
  }
  if (tally.askedRequests > 0) notes.push(`${tally.askedRequests} requests to the issuer (verification, allowed)`);
  for (const [what, n] of tally.figures) if (n > 0) notes.push(`${n} ${what}`);
  if (tally.slowest.ms >= 1_000) notes.push(`slowest page step ${(tally.slowest.ms / 1000).toFixed(1)} s: ${tally.slowest.what}`);
  notes.push(...tally.slow.slice(0, 3));
  if (tally.slow.length > 3) notes.push(`(+${tally.slow.length - 3} more slow steps)`);
  return {
    drill,
    inputs: tally.inputs,
    scriptsExecuted: tally.scriptsExecuted,
    unaskedRequests: tally.unaskedRequests,
    cspViolations: tally.cspViolations,
    recordsLost: 0,
    crashesAndHangs: tally.crashesAndHangs,
    notes: notes.join('; '),
  };
}

async function runFamily(family: Family, size: DrillSize, browser: Browser, origin: string): Promise<{ row: DrillRow; findings: readonly string[] }> {
  const tally = newTally();
  const tabs: HostileTab[] = [];
  const started = performance.now();
  const ctx: FamilyContext = {
    size,
    origin,
    tally,
    openTab: async () => {
      const tab = await openHostileTab(browser, origin, tally, ASKED_HOSTS);
      tabs.push(tab);
      return tab;
    },
  };
  try {
    await family.run(ctx);
  } catch (error) {
    // The drill itself broke (or the browser did): a finding, never a throw.
    tally.crashesAndHangs += 1;
    tally.findings.push(`the drill stopped: ${String((error as Error)?.message ?? error).split('\n')[0]!.slice(0, 200)}`);
  } finally {
    for (const tab of tabs) await tab.close();
  }
  return { row: rowOf(family.drill, tally, (performance.now() - started) / 1000), findings: [...tally.findings] };
}

/** Every finding of the last run, in full (the rows' notes abbreviate them). */
export const lastHostileFindings: { drill: string; finding: string }[] = [];

export const hostileDrills: Drill = async (size, env) => {
  loadAllMessages();
  lastHostileFindings.length = 0;
  const server = await startStaticServer({ root: env.dist, headers: SECURITY_HEADERS });
  let browser = await launchBrowser(env.chromiumPath);
  try {
    const rows: DrillRow[] = [];
    const only = process.env['HOSTILE_DRILLS_ONLY']?.toLowerCase();
    for (const family of FAMILIES.filter((f) => !only || f.drill.toLowerCase().includes(only))) {
      // A browser that died in one family (a finding there) is started again for the next.
      if (!browser.isConnected()) browser = await launchBrowser(env.chromiumPath);
      const { row, findings } = await runFamily(family, size, browser, server.origin);
      rows.push(row);
      lastHostileFindings.push(...findings.map((finding) => ({ drill: family.drill, finding })));
    }
    return rows;
  } finally {
    await browser.close().catch(() => undefined);
    await server.close().catch(() => undefined);
  }
};
