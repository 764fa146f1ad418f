// @vitest-environment jsdom
/**
 * Interview mode and the printable CV annex over the real backpack, with real corpus badges. The QR
 * codes shown are read back with a QR decoder (jsQR) and the link they hold is decoded: it must carry
 * exactly the badges on screen. The wake lock and full screen are the browser's: stubbed here.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import jsQR from 'jsqr';
import QRCode from 'qrcode';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { BadgeRecord } from '../../src/app/types';
import { decodeShare, shareItemFromExtracted, type Share } from '../../src/core/share/link';
import { qrPath } from '../../src/ui/qr/qr';
import { pathOf } from '../../src/ui/router';
import { formatDate } from '../../src/ui/shell/format';
import { credential, jsonInput, makeBackpack, renderApp, resetDom } from './support';

const REVOKED = '1edtech-dcpv/ob20/simple-revoked.jwt'; // Awesome Robotics Badge, revoked
const TEAMWORK = '1edtech-dcpv/ob30/simple-json.svg'; // Teamwork, Example Corp
const HOSTED = '1edtech-dcpv/ob20/basic-assertion.json'; // a hosted assertion: its link is short
const SIGNED = '1edtech-dcpv/ob20/simple.jwt';
const EXPIRED = '1edtech-dcpv/ob20/basic-assertion-expired.json';
// A VC-JWT: with the two JWS above, too long for one QR code together (the link compresses JSON-LD well, JWTs much less).
const JWT = '1edtech-dcpv/ob30/simple-jwt.svg';

afterEach(() => {
  resetDom();
  vi.restoreAllMocks();
  Reflect.deleteProperty(navigator, 'wakeLock');
  Reflect.deleteProperty(document.documentElement, 'requestFullscreen');
  Reflect.deleteProperty(document, 'visibilityState');
});

/**
 * What a phone would read from a QR code drawn by QrCode: the path's rectangles painted black on
 * white (4 px a module), decoded by jsQR. Also checks the drawing is QRCode.create's, module for module.
 */
function scan(svg: Element): string {
  const side = Number(svg.getAttribute('viewBox')!.split(' ')[2]);
  const scale = 4;
  const width = side * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  const d = svg.querySelector('path')!.getAttribute('d')!;
  for (const [, x, y, n] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let py = Number(y) * scale; py < (Number(y) + 1) * scale; py++) {
      for (let px = Number(x) * scale; px < (Number(x) + Number(n)) * scale; px++) pixels.fill(0, (py * width + px) * 4, (py * width + px) * 4 + 3);
    }
  }
  const read = jsQR(pixels, width, width, { inversionAttempts: 'dontInvert' });
  expect(read, 'the QR code can be read').not.toBeNull();
  const text = read!.data;
  const reference = QRCode.create(text, { errorCorrectionLevel: 'M' });
  expect(d).toBe(qrPath({ version: reference.version, size: reference.modules.size, modules: reference.modules.data }));
  return text;
}

function shareOf(svg: Element): Share {
  const link = scan(svg);
  expect(link.startsWith(`${window.location.origin}/#v2.`)).toBe(true);
  const decoded = decodeShare(link);
  if (!decoded.ok) throw new Error(`not a share link: ${decoded.error.code}`);
  return decoded.value;
}

const itemsOf = (records: readonly BadgeRecord[]) => records.map((r) => shareItemFromExtracted(r.extracted));

/** A stand-in for the Screen Wake Lock API: each request gives a fresh sentinel. */
function stubWakeLock(options: { refuse?: boolean } = {}) {
  const sentinels: (EventTarget & { released: boolean; release: Mock<() => Promise<void>> })[] = [];
  const request = vi.fn(async (type: string) => {
    if (options.refuse) throw new DOMException('Battery saver', 'NotAllowedError');
    const sentinel = Object.assign(new EventTarget(), { type, released: false, release: vi.fn<() => Promise<void>>(async () => undefined) });
    sentinel.release.mockImplementation(async () => {
      sentinel.released = true;
      sentinel.dispatchEvent(new Event('release'));
    });
    sentinels.push(sentinel);
    return sentinel;
  });
  Object.defineProperty(navigator, 'wakeLock', { value: { request }, configurable: true });
  return { request, sentinels };
}

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('interview mode', () => {
  beforeEach(() => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  it('shows a collection as one large QR code whose link carries its badges, with names, issuers and states', async () => {
    const { backpack, add } = await makeBackpack();
    const records = await add(HOSTED, TEAMWORK, REVOKED);
    await backpack.updateSettings({ displayName: 'Alex Martin' });
    const collection = await backpack.createCollection('Mes badges', records.map((r) => r.id));
    renderApp(backpack, { path: pathOf({ name: 'present', target: { kind: 'collection', id: collection.id } }) });

    expect(await screen.findByRole('heading', { level: 1, name: 'Mes badges' })).toBeTruthy();
    expect(screen.getByText('Badges of Alex Martin')).toBeTruthy();
    // The whole screen: no header, no navigation.
    expect(document.querySelector('.masthead')).toBeNull();
    expect(screen.queryByRole('navigation')).toBeNull();

    const list = screen.getByRole('list', { name: 'The badges' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.present-badge-name')!.textContent)).toEqual(records.map((r) => r.badge!.name));
    expect(within(items[1]!).getByText('Issued by Example Corp')).toBeTruthy();
    expect(within(items[2]!).getByText('Issued by An Example Badge Issuer')).toBeTruthy();
    expect(within(items[2]!).getByText('Revoked by the issuer')).toBeTruthy();

    const share = shareOf(screen.getByRole('img', { name: 'QR code of the link to these badges' }));
    expect(share.title).toBe('Mes badges');
    expect(share.displayName).toBe('Alex Martin');
    expect(share.badges).toEqual(itemsOf(records));
    expect(screen.getByText(/Scan with a phone’s camera to see these badges/)).toBeTruthy();

    // The way out, back to the collection's page.
    expect(screen.getByRole('link', { name: /Leave interview mode/ }).getAttribute('href')).toBe(pathOf({ name: 'collection', id: collection.id }));
    // They fit in one code; one code per badge is offered all the same (for a phone that cannot read a dense code).
    fireEvent.click(screen.getByRole('button', { name: 'One code per badge' }));
    expect(await screen.findByText('Badge 1 of 3')).toBeTruthy();
    expect(shareOf(screen.getByRole('img', { name: `QR code of the link to the badge ${records[0]!.badge!.name}` })).badges).toEqual(itemsOf([records[0]!]));
    expect(screen.queryByText(/do not fit in one QR code/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'One code for all the badges' }));
    expect(await screen.findByRole('img', { name: 'QR code of the link to these badges' })).toBeTruthy();
    expect(screen.queryByText('Badge 1 of 3')).toBeNull();
  });

  it('keeps the name out when the collection does not share it', async () => {
    const { backpack, add } = await makeBackpack();
    const records = await add(HOSTED);
    await backpack.updateSettings({ displayName: 'Alex Martin' });
    const collection = await backpack.createCollection('Mes badges', records.map((r) => r.id));
    await backpack.updateCollection(collection.id, { share: { displayName: false } });
    renderApp(backpack, { path: pathOf({ name: 'present', target: { kind: 'collection', id: collection.id } }) });
    const qr = await screen.findByRole('img', { name: 'QR code of the link to these badges' });
    expect(screen.queryByText(/Alex Martin/)).toBeNull();
    expect(shareOf(qr).displayName).toBeUndefined();
  });

  it('shows one badge on its own, with its own link', async () => {
    const { backpack, add } = await makeBackpack();
    const [record] = await add(REVOKED);
    renderApp(backpack, { path: pathOf({ name: 'present', target: { kind: 'badge', id: record!.id } }) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Awesome Robotics Badge' })).toBeTruthy();
    expect(screen.getByText('Issued by An Example Badge Issuer')).toBeTruthy();
    expect(screen.getByText('Revoked by the issuer')).toBeTruthy();
    const share = shareOf(screen.getByRole('img', { name: 'QR code of the link to the badge Awesome Robotics Badge' }));
    expect(share.badges).toEqual(itemsOf([record!]));
    expect(share.title).toBeUndefined();
    expect(share.displayName).toBeUndefined();
    expect(screen.getByRole('link', { name: /Leave interview mode/ }).getAttribute('href')).toBe(pathOf({ name: 'badge', id: record!.id }));
  });

  it('keeps the screen awake where the browser can, again after the page was hidden, and lets go on leaving', async () => {
    const wake = stubWakeLock();
    const { backpack, add } = await makeBackpack();
    const [record] = await add(TEAMWORK);
    const view = renderApp(backpack, { path: pathOf({ name: 'present', target: { kind: 'badge', id: record!.id } }) });
    expect(await screen.findByText('The screen stays on while this page is shown.')).toBeTruthy();
    expect(wake.request).toHaveBeenCalledTimes(1);
    expect(wake.request).toHaveBeenCalledWith('screen');

    // The browser drops the lock when the page is hidden; it is asked for again when visible.
    setVisibility('hidden');
    await wake.sentinels[0]!.release();
    setVisibility('visible');
    await waitFor(() => expect(wake.sentinels).toHaveLength(2));
    expect(wake.request).toHaveBeenCalledTimes(2);

    view.unmount();
    await waitFor(() => expect(wake.sentinels[1]!.release).toHaveBeenCalled());
    expect(wake.sentinels[1]!.released).toBe(true);
  });

  it('says honestly when the screen cannot be kept on', async () => {
    const { backpack, add } = await makeBackpack();
    const [record] = await add(TEAMWORK);
    renderApp(backpack, { path: pathOf({ name: 'present', target: { kind: 'badge', id: record!.id } }) });
    expect(await screen.findByText(/This browser cannot keep the screen on/)).toBeTruthy();
    resetDom();

    stubWakeLock({ refuse: true });
    renderApp(backpack, { path: pathOf({ name: 'present', target: { kind: 'badge', id: record!.id } }) });
    expect(await screen.findByText(/The browser refused to keep the screen on/)).toBeTruthy();
  });

  it('goes full screen where the browser offers it', async () => {
    const { backpack, add } = await makeBackpack();
    const [record] = await add(TEAMWORK);
    renderApp(backpack, { path: pathOf({ name: 'present', target: { kind: 'badge', id: record!.id } }) });
    await screen.findByRole('heading', { level: 1, name: 'Teamwork' });
    expect(screen.queryByRole('button', { name: 'Full screen' })).toBeNull(); // jsdom has no Fullscreen API
    resetDom();

    const requestFullscreen = vi.fn(() => Promise.resolve());
    Object.defineProperty(document.documentElement, 'requestFullscreen', { value: requestFullscreen, configurable: true });
    renderApp(backpack, { path: pathOf({ name: 'present', target: { kind: 'badge', id: record!.id } }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Full screen' }));
    expect(requestFullscreen).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole('button', { name: 'Leave full screen' })).toBeTruthy();
    expect(screen.getByText('Press Esc to leave full screen.')).toBeTruthy();
  });

  it('gives each badge its own code, page by page, when the collection is too long for one', async () => {
    const { backpack, add } = await makeBackpack();
    const records = await add(SIGNED, REVOKED, JWT);
    const collection = await backpack.createCollection('Mes badges', records.map((r) => r.id));
    renderApp(backpack, { path: pathOf({ name: 'present', target: { kind: 'collection', id: collection.id } }) });

    expect(await screen.findByText(/These badges do not fit in one QR code together/)).toBeTruthy();
    expect(screen.getByText('Badge 1 of 3')).toBeTruthy();
    const previous = screen.getByRole('button', { name: /Previous/ }) as HTMLButtonElement;
    const next = screen.getByRole('button', { name: /Next/ }) as HTMLButtonElement;
    expect(previous.disabled).toBe(true);

    const nameOf = (r: BadgeRecord) => r.badge!.name;
    const shownShare = () => shareOf(screen.getByRole('img', { name: /^QR code of the link to the badge / }));
    expect(shownShare().badges).toEqual(itemsOf([records[0]!]));
    expect(screen.getByRole('img', { name: `QR code of the link to the badge ${nameOf(records[0]!)}` })).toBeTruthy();
    expect(document.querySelector('[aria-current="step"]')!.textContent).toContain(nameOf(records[0]!));

    fireEvent.click(next);
    expect(await screen.findByText('Badge 2 of 3')).toBeTruthy();
    expect(shownShare().badges).toEqual(itemsOf([records[1]!]));

    // The arrow keys page too.
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    expect(await screen.findByText('Badge 3 of 3')).toBeTruthy();
    expect(shownShare().badges).toEqual(itemsOf([records[2]!]));
    expect(next.disabled).toBe(true);
    fireEvent.click(previous);
    expect(await screen.findByText('Badge 2 of 3')).toBeTruthy();
  });

  it('speaks French', async () => {
    const { backpack, add } = await makeBackpack();
    const records = await add(SIGNED, REVOKED, JWT);
    const collection = await backpack.createCollection('Mes badges', records.map((r) => r.id));
    renderApp(backpack, { lang: 'fr', path: pathOf({ name: 'present', target: { kind: 'collection', id: collection.id } }) });
    expect(await screen.findByText(/Ces badges ne tiennent pas ensemble dans un seul code QR/)).toBeTruthy();
    expect(screen.getByText('Badge 1 sur 3')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Suivant/ })).toBeTruthy();
    expect(screen.getByRole('link', { name: /Quitter le mode entretien/ })).toBeTruthy();
    expect(screen.getByText('Révoqué par l’émetteur')).toBeTruthy();
    expect(screen.getByText(/Ce navigateur ne peut pas garder l’écran allumé/)).toBeTruthy();
  });

  it('says so when the collection or the badge is not there, or the collection is empty', async () => {
    const { backpack } = await makeBackpack();
    renderApp(backpack, { path: '/present/collection/nope' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Nothing to show' })).toBeTruthy();
    expect(screen.getByText(/This collection is not in your backpack/)).toBeTruthy();
    resetDom();

    renderApp(backpack, { path: '/present/badge/nope' });
    expect(await screen.findByText(/This badge is not in your backpack/)).toBeTruthy();
    resetDom();

    const empty = await backpack.createCollection('Vide');
    renderApp(backpack, { path: pathOf({ name: 'present', target: { kind: 'collection', id: empty.id } }) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Vide' })).toBeTruthy();
    expect(screen.getByText(/This collection has no badges yet/)).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('keeps hostile badge text as text', async () => {
    const { backpack, addInputs } = await makeBackpack();
    const hostile = '<img src=x onerror="alert(1)">';
    const records = await addInputs([jsonInput('hostile.json', credential({ name: hostile, issuer: '<script>alert(2)</script>' }))]);
    const collection = await backpack.createCollection('<b>bold</b>', records.map((r) => r.id));
    renderApp(backpack, { path: pathOf({ name: 'present', target: { kind: 'collection', id: collection.id } }) });
    expect(await screen.findByRole('heading', { level: 1, name: '<b>bold</b>' })).toBeTruthy();
    expect(screen.getByText(hostile)).toBeTruthy();
    expect(screen.getByText('Issued by <script>alert(2)</script>')).toBeTruthy();
    expect(document.querySelector('main img, main script, main b')).toBeNull();
  });
});

describe('the CV annex', () => {
  const today = () => formatDate('en', new Date().toISOString());

  async function annexOf(files: string[], options: { displayName?: string } = {}) {
    const tb = await makeBackpack();
    const records = await tb.add(...files);
    if (options.displayName) await tb.backpack.updateSettings({ displayName: options.displayName });
    const collection = await tb.backpack.createCollection('Mes badges', records.map((r) => r.id));
    return { ...tb, records, collection };
  }

  it('lists each badge with its issuer, date, dated state and a QR code of its own link', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const { backpack, records, collection } = await annexOf([REVOKED, TEAMWORK, EXPIRED], { displayName: 'Alex Martin' });
    renderApp(backpack, { path: pathOf({ name: 'annex', id: collection.id }) });

    expect(await screen.findByRole('heading', { level: 1, name: 'CV annex — Verifiable digital badges' })).toBeTruthy();
    expect(screen.getByText('Holder: Alex Martin')).toBeTruthy();
    expect(screen.getByText(`Document produced on ${today()}. 3 badges`)).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('CV annex — Mes badges — Besace'));

    const items = within(screen.getByRole('list', { name: 'The badges' })).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    for (const [i, item] of items.entries()) {
      const record = records[i]!;
      const badge = record.badge!;
      expect(within(item).getByRole('heading', { level: 2, name: badge.name })).toBeTruthy();
      expect(within(item).getByText(badge.issuer.name!)).toBeTruthy();
      expect(within(item).getByText(formatDate('en', badge.awardedOn ?? badge.issuedOn))).toBeTruthy();
      expect(within(item).getByText('Scan to verify')).toBeTruthy();
      const share = shareOf(within(item).getByRole('img', { name: `QR code of the link to the badge ${badge.name}` }));
      expect(share.badges).toEqual(itemsOf([record]));
      expect(share.displayName).toBeUndefined();
    }
    const state = (item: HTMLElement) => item.querySelector('.annex-state')!.textContent;
    expect(state(items[0]!)).toBe('Verification state on 12 March 2026: ✗Revoked by the issuer');
    expect(state(items[1]!)).toBe('Verification state on 12 March 2026: !Valid, with warnings');
    expect(state(items[2]!)).toBe('Verification state on 12 March 2026: ✗Expired');
    expect(within(items[2]!).getByText('Expired on')).toBeTruthy();
    expect(screen.getByText('The states below are as last checked, on 12 March 2026.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Print / Save as PDF' }));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('is written in French or English, whatever the app’s language', async () => {
    const { backpack, collection } = await annexOf([REVOKED], { displayName: 'Alex Martin' });
    renderApp(backpack, { path: pathOf({ name: 'annex', id: collection.id }) });
    await screen.findByRole('heading', { level: 1, name: 'CV annex — Verifiable digital badges' });

    fireEvent.change(screen.getByLabelText('Language of the annex'), { target: { value: 'fr' } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Annexe au CV — Badges numériques vérifiables' })).toBeTruthy();
    const sheet = document.querySelector('article.annex')!;
    expect(sheet.getAttribute('lang')).toBe('fr');
    expect(within(sheet as HTMLElement).getByText('Titulaire : Alex Martin')).toBeTruthy();
    expect(sheet.querySelector('.annex-state')!.textContent).toBe('État de la vérification au 12 mars 2026\u202f: ✗Révoqué par l’émetteur');
    expect(within(sheet as HTMLElement).getByText('Émetteur')).toBeTruthy();
    expect(within(sheet as HTMLElement).getByText('Scanner pour vérifier')).toBeTruthy();
    expect(within(sheet as HTMLElement).getByRole('img', { name: 'Code QR du lien vers le badge Awesome Robotics Badge' })).toBeTruthy();
    // Only the annex changed language: the app around it is still in English.
    expect(screen.getByRole('button', { name: 'Print / Save as PDF' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: /./ }).textContent).toMatch(/Collections/);
  });

  it('starts in the app’s language', async () => {
    const { backpack, collection } = await annexOf([TEAMWORK]);
    renderApp(backpack, { lang: 'fr', path: pathOf({ name: 'annex', id: collection.id }) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Annexe au CV — Badges numériques vérifiables' })).toBeTruthy();
    expect((screen.getByLabelText('Langue de l’annexe') as HTMLSelectElement).value).toBe('fr');
    expect(screen.getByRole('button', { name: 'Imprimer / Enregistrer en PDF' })).toBeTruthy();
    expect(screen.queryByText(/Titulaire/)).toBeNull(); // no name set
  });

  it('checks every badge again on demand, before printing', async () => {
    const { backpack, collection, records } = await annexOf([REVOKED, TEAMWORK]);
    const before = (await backpack.history(records[0]!.id)).length;
    renderApp(backpack, { path: pathOf({ name: 'annex', id: collection.id }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Check them all again now' }));
    expect(await screen.findByText('Checked again. The annex shows today’s states.')).toBeTruthy();
    expect(await backpack.history(records[0]!.id)).toHaveLength(before + 1);
    expect(await backpack.history(records[1]!.id)).toHaveLength(before + 1);
  });

  it('says so when the collection is not there or is empty', async () => {
    const { backpack } = await makeBackpack();
    renderApp(backpack, { path: '/annex/nope' });
    expect(await screen.findByRole('heading', { level: 1, name: 'No such collection' })).toBeTruthy();
    resetDom();
    const empty = await backpack.createCollection('Vide');
    renderApp(backpack, { path: pathOf({ name: 'annex', id: empty.id }) });
    expect(await screen.findByText(/This collection has no badges yet/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Print / Save as PDF' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('keeps hostile badge text as text', async () => {
    const { backpack, addInputs } = await makeBackpack();
    const hostile = '<img src=x onerror="alert(1)">';
    const records = await addInputs([jsonInput('hostile.json', credential({ name: hostile, issuer: '<script>alert(2)</script>' }))]);
    await backpack.updateSettings({ displayName: '<i>Alex</i>' });
    const collection = await backpack.createCollection('Mes badges', records.map((r) => r.id));
    renderApp(backpack, { path: pathOf({ name: 'annex', id: collection.id }) });
    expect(await screen.findByRole('heading', { level: 2, name: hostile })).toBeTruthy();
    expect(screen.getByText('<script>alert(2)</script>')).toBeTruthy();
    expect(screen.getByText('Holder: <i>Alex</i>')).toBeTruthy();
    expect(document.querySelector('main img, main script, main i')).toBeNull();
  });
});
