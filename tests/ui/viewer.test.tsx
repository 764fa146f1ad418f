// @vitest-environment jsdom
/**
 * The viewer of a share link (/view) over the real backpack and real corpus badges: links made
 * with encodeShare, opened as the app opens them (the fragment moved into history.state by
 * capture.ts, then the whole app rendered). Every badge checked in this browser against the
 * address the sharer disclosed, nothing stored until "Add", every broken link in words, an ended
 * share, hidden evidence, hostile text, French, offline.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { base32nopad } from '@scure/base';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackpack, type Backpack } from '../../src/app/backpack';
import { BackpackError } from '../../src/app/types';
import { createInProcessVerifier } from '../../src/app/inProcessVerifier';
import { extract } from '../../src/core/baking';
import type { Net } from '../../src/core/net/types';
import { createNet } from '../../src/core/net/net';
import { decodeShare, encodeShare, MAX_BADGES, shareItemFromExtracted, type Share, type ShareItem } from '../../src/core/share/link';
import { loadDocumentMap } from '../../src/node/documents';
import { openBesaceDb } from '../../src/storage/db';
import { App } from '../../src/ui/App';
import type { Lang } from '../../src/ui/messages';
import { badgePath } from '../../src/ui/router';
import { captureShareFragment, openShare, sharedFragment, SHARE_STATE_KEY } from '../../src/ui/viewer/capture';
import { CORPUS, credential, makeBackpack, NOW, resetDom } from './support';

afterEach(() => {
  resetDom();
  vi.restoreAllMocks();
});

const BASE = 'http://localhost:3000/';
const REVOKED = '1edtech-dcpv/ob20/simple-revoked.jwt'; // OB 2.0 signed (JWS), revoked by its issuer
const HOSTED = '1edtech-dcpv/ob20/basic-assertion.json'; // OB 2.0 hosted: travels as its assertion URL
const OB3 = '1edtech-dcpv/ob30/simple-json.svg'; // OB 3.0 signed, "Teamwork"

/** A corpus file as a share carries it. */
function itemOf(file: string): ShareItem {
  const extracted = extract(new Uint8Array(readFileSync(`${CORPUS}${file}`)));
  if (!extracted.ok) throw new Error(`fixture ${file}`);
  return shareItemFromExtracted(extracted.value);
}

const share = (badges: readonly ShareItem[], extra: Partial<Share> = {}): Share => ({ createdAt: '2026-03-01T09:00:00.000Z', badges, ...extra });

/** Open a link as the app does: the fragment leaves the address bar for history.state, then the app starts. */
function openLink(backpack: Backpack, link: string, lang: Lang = 'en') {
  window.history.replaceState(null, '', `/${link.slice(link.indexOf('#'))}`);
  expect(captureShareFragment('')).toBe(true);
  return render(<App backpack={backpack} initialLang={lang} />);
}

/** The card of each badge, in the link's order. */
const cards = () => screen.getAllByRole('article');
const summary = () => screen.findByText(/^Checked in this browser:/);

describe('the viewer of a share link', () => {
  it('checks every badge in this browser against the address the sharer disclosed, and stores nothing', async () => {
    // The viewer has an address of their own: it must play no part in the check.
    const { backpack } = await makeBackpack({ identities: ['viewer@elsewhere.example'] });
    const stage = vi.spyOn(backpack, 'stage');
    const link = encodeShare(
      share([itemOf(HOSTED), itemOf(REVOKED), itemOf(OB3)], {
        title: 'Robotics, 2016',
        displayName: 'Beth Example',
        recipient: 'nobody@example.org',
        until: '2099-12-31T12:00:00.000Z',
      }),
      BASE,
    );
    openLink(backpack, link);

    // The badges left the address bar as soon as the app started.
    expect(window.location.pathname).toBe('/view');
    expect(window.location.hash).toBe('');

    expect(await screen.findByRole('heading', { level: 1, name: 'Robotics, 2016' })).toBeTruthy();
    expect(screen.getByText('Shared by Beth Example on 1 March 2026')).toBeTruthy();
    expect(screen.getByText('Shared until 31 December 2099')).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Robotics, 2016 — Besace'));

    expect((await summary()).textContent).toBe('Checked in this browser: 1 valid, 1 valid with warnings, 1 revoked.');
    const [hosted, revoked, ob3] = cards();

    // Hosted OB 2.0 (fetched from the issuer, here the corpus's document map): valid, issued to the disclosed address.
    expect(within(hosted!).getByRole('heading', { level: 2, name: 'Awesome Robotics Badge' })).toBeTruthy();
    expect(within(hosted!).getByText('Issued by An Example Badge Issuer')).toBeTruthy();
    expect(within(hosted!).getByText('Issued on 31 December 2016')).toBeTruthy();
    expect(within(hosted!).getByText('Valid')).toBeTruthy();
    expect(within(hosted!).getByText('Authentic: every check below passed.')).toBeTruthy();
    expect(within(hosted!).getByText('Issued to nobody@example.org')).toBeTruthy();
    expect(within(hosted!).getByText('For doing awesome things with robots that people think is pretty great.')).toBeTruthy();
    // Its checks are there, folded away since it is valid.
    expect(hosted!.querySelector('details')!.open).toBe(false);
    expect(within(hosted!).getByText('How this badge was checked')).toBeTruthy();

    // Signed and revoked: said in the badge page's words, checks unfolded.
    expect(within(revoked!).getByText('Revoked by the issuer')).toBeTruthy();
    expect(within(revoked!).getByText('The issuer has withdrawn this badge: it no longer counts. Reason given: “A good reason, for sure”.')).toBeTruthy();
    expect(within(revoked!).getByText('Issued to nobody@example.org')).toBeTruthy();
    expect(revoked!.querySelector('details')!.open).toBe(true);
    expect(within(revoked!).getByText('The issuer has revoked this badge.')).toBeTruthy();

    // OB 3.0 naming someone else than the disclosed address: said so, not "issued to you".
    expect(within(ob3!).getByRole('heading', { level: 2, name: 'Teamwork' })).toBeTruthy();
    expect(within(ob3!).getByText('Valid, with warnings')).toBeTruthy();
    expect(within(ob3!).getByText('Not issued to nobody@example.org: this badge names someone else, or another address of theirs.')).toBeTruthy();
    expect(screen.queryByText(/your address|Issued to you/)).toBeNull();

    // Checked with the sharer's address only, and nothing written.
    expect(stage).toHaveBeenCalledTimes(1);
    expect(stage.mock.calls[0]![1]?.identities).toEqual([{ value: 'nobody@example.org', kind: 'email', addedAt: '2026-03-01T09:00:00.000Z' }]);
    await expect(backpack.list()).resolves.toHaveLength(0);

    // The way back, and the command line's way.
    expect(within(screen.getByRole('main')).getByRole('link', { name: /My badges/ }).getAttribute('href')).toBe('/');
    expect(screen.getByText('Check this link from the command line')).toBeTruthy();
    const command = screen.getByRole('textbox', { name: /The command/ }) as HTMLTextAreaElement;
    expect(command.value).toBe(`npm run cli -- open '${link}'`);

    // Headings in order: one h1, then h2s, h3s under them.
    const levels = [...document.querySelectorAll('main h1, main h2, main h3, main h4')].map((h) => Number(h.tagName[1]));
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
  });

  it('without a disclosed address, says whom a badge was issued to is not shown', async () => {
    const { backpack } = await makeBackpack({ identities: ['nobody@example.org'] });
    const stage = vi.spyOn(backpack, 'stage');
    openLink(backpack, encodeShare(share([itemOf(HOSTED)]), BASE));
    // No title: the page is named for what it shows.
    expect(await screen.findByRole('heading', { level: 1, name: 'Shared badges' })).toBeTruthy();
    expect(screen.getByText('Shared on 1 March 2026')).toBeTruthy();
    expect((await summary()).textContent).toBe('Checked in this browser: 1 valid.');
    expect(screen.getByText('Whom it was issued to is not shown: the person who shared it did not disclose their address.')).toBeTruthy();
    // Even though the viewer's own address would have matched.
    expect(stage.mock.calls[0]![1]?.identities).toEqual([]);
    expect(screen.queryByText(/Issued to nobody@example.org/)).toBeNull();
  });

  it('shows progress while it checks', async () => {
    const { backpack } = await makeBackpack();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const real = backpack.stage.bind(backpack);
    vi.spyOn(backpack, 'stage').mockImplementation(async (inputs, options) => {
      options?.onProgress?.(1, inputs.length);
      await held;
      return real(inputs, options);
    });
    openLink(backpack, encodeShare(share([itemOf(HOSTED), itemOf(REVOKED), itemOf(OB3)]), BASE));
    expect(await screen.findByText('Checking 2 of 3…')).toBeTruthy();
    release();
    expect(await summary()).toBeTruthy();
    expect(screen.queryByText(/^Checking/)).toBeNull();
  });

  it('adds nothing until asked, then one badge or all, against the viewer’s own addresses', async () => {
    const { backpack } = await makeBackpack({ identities: ['viewer@elsewhere.example'] });
    openLink(backpack, encodeShare(share([itemOf(HOSTED), itemOf(REVOKED), itemOf(OB3)], { recipient: 'nobody@example.org' }), BASE));
    await summary();
    await expect(backpack.list()).resolves.toHaveLength(0);

    const [hosted] = cards();
    fireEvent.click(within(hosted!).getByRole('button', { name: 'Add to my backpack' }));
    expect(await screen.findByText('1 badge added to your backpack.')).toBeTruthy();
    const stored = await backpack.list();
    expect(stored).toHaveLength(1);
    // The stored report is about the viewer (their own address), not the sharer's.
    expect(stored[0]!.latest?.checks.find((c) => c.id === 'recipient')?.code).toBe('RECIPIENT_NO_MATCH');
    expect(within(hosted!).getByText('Added to your backpack.')).toBeTruthy();
    expect(within(hosted!).getByRole('link', { name: 'See it in my backpack' }).getAttribute('href')).toBe(badgePath(stored[0]!.id));

    fireEvent.click(screen.getByRole('button', { name: 'Add them all to my backpack' }));
    expect(await screen.findByText('2 badges added to your backpack.')).toBeTruthy();
    await expect(backpack.list()).resolves.toHaveLength(3);
    expect(screen.queryByRole('button', { name: /Add/ })).toBeNull();

    // The link to a badge opens it in the backpack.
    fireEvent.click(within(cards()[2]!).getByRole('link', { name: 'See it in my backpack' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Teamwork' })).toBeTruthy();
  });

  it('says which badges are already in the viewer’s backpack', async () => {
    const { backpack, addInputs } = await makeBackpack();
    const ob3 = itemOf(OB3);
    const [record] = await addInputs([{ kind: 'text', text: ob3.payload }]);
    openLink(backpack, encodeShare(share([itemOf(HOSTED), ob3]), BASE));
    await summary();
    const [hosted, teamwork] = cards();
    expect(within(teamwork!).getByText('Already in your backpack.')).toBeTruthy();
    expect(within(teamwork!).getByRole('link', { name: 'See it in my backpack' }).getAttribute('href')).toBe(badgePath(record!.id));
    // Only one left to add: no "add all".
    expect(screen.queryByRole('button', { name: 'Add them all to my backpack' })).toBeNull();
    fireEvent.click(within(hosted!).getByRole('button', { name: 'Add to my backpack' }));
    expect(await screen.findByText('1 badge added to your backpack.')).toBeTruthy();
    await expect(backpack.list()).resolves.toHaveLength(2);
  });

  it('hides the evidence when the sharer asked, and shows it otherwise', async () => {
    const { backpack } = await makeBackpack();
    const view = openLink(backpack, encodeShare(share([itemOf(HOSTED)]), BASE));
    await summary();
    const evidence = screen.getByRole('link', { name: 'Evidence 1' });
    expect(evidence.getAttribute('href')).toBe('https://example.org/beths-robot-work.html');
    expect(evidence.getAttribute('rel')).toBe('noopener noreferrer');
    view.unmount();

    openLink(backpack, encodeShare(share([itemOf(HOSTED)], { hideEvidence: true }), BASE));
    await summary();
    expect(screen.getByText('The person who shared this badge chose not to show its evidence.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Evidence 1' })).toBeNull();
    expect(document.querySelector('a[href*="beths-robot-work"]')).toBeNull();
  });

  it('says an ended share has ended, and shows none of its badges', async () => {
    const { backpack } = await makeBackpack();
    const stage = vi.spyOn(backpack, 'stage');
    openLink(backpack, encodeShare(share([itemOf(HOSTED)], { title: 'Old news', until: '2020-01-15T12:00:00.000Z' }), BASE));
    expect(await screen.findByRole('heading', { level: 1, name: 'Old news' })).toBeTruthy();
    expect(
      screen.getByText(
        'This share ended on 15 January 2020: the person who shared these badges asked that they no longer be shown after that date. If you still need to see them, ask them for a new link.',
      ),
    ).toBeTruthy();
    expect(screen.queryByText('Awesome Robotics Badge')).toBeNull();
    expect(screen.queryByText(/Shared until/)).toBeNull();
    expect(screen.queryByRole('button', { name: /Add/ })).toBeNull();
    expect(stage).not.toHaveBeenCalled();
  });

  it('keeps hostile words as text: no element, no script', async () => {
    const { backpack } = await makeBackpack();
    const hostile = credential({
      name: '<img src=x onerror=alert(1)>',
      issuer: '<script>alert("issuer")</script>',
      description: 'Click [here](javascript:alert(2)) <script>alert(3)</script>',
    });
    const view = openLink(
      backpack,
      encodeShare(
        share([{ kind: 'json', payload: JSON.stringify(hostile) }], {
          title: '<script>alert("title")</script>',
          displayName: '<img src=y onerror=alert(4)>',
        }),
        BASE,
      ),
    );
    expect(await screen.findByRole('heading', { level: 1, name: '<script>alert("title")</script>' })).toBeTruthy();
    expect(screen.getByText('Shared by <img src=y onerror=alert(4)> on 1 March 2026')).toBeTruthy();
    await summary();
    expect(screen.getByRole('heading', { level: 2, name: '<img src=x onerror=alert(1)>' })).toBeTruthy();
    expect(screen.getByText('Issued by <script>alert("issuer")</script>')).toBeTruthy();
    expect(view.container.querySelectorAll('script, iframe, svg, img:not(.brand-icon)')).toHaveLength(0);
    expect(view.container.querySelector('a[href^="javascript:"]')).toBeNull();
  });

  it('says it in French', async () => {
    const { backpack } = await makeBackpack({ identities: ['viewer@elsewhere.example'] });
    openLink(
      backpack,
      encodeShare(share([itemOf(HOSTED), itemOf(REVOKED), itemOf(OB3)], { displayName: 'Beth', recipient: 'nobody@example.org', until: '2099-12-31T12:00:00.000Z' }), BASE),
      'fr',
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Badges partagés' })).toBeTruthy();
    expect(screen.getByText('Partagé par Beth le 1 mars 2026')).toBeTruthy();
    expect(screen.getByText('Partagé jusqu’au 31 décembre 2099')).toBeTruthy();
    expect((await screen.findByText(/^Vérifiés dans ce navigateur/)).textContent).toBe(
      'Vérifiés dans ce navigateur\u202f: 1 valide, 1 valide avec avertissements et 1 révoqué.',
    );
    expect(screen.getAllByText('Délivré à nobody@example.org')).toHaveLength(2);
    expect(screen.getByText('L’émetteur a retiré ce badge : il ne compte plus. Motif donné : « A good reason, for sure ».')).toBeTruthy();
    expect(screen.getByText('Pas délivré à nobody@example.org : ce badge désigne quelqu’un d’autre, ou une autre adresse de cette personne.')).toBeTruthy();
    expect(screen.getAllByText('Comment ce badge a été vérifié')).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: 'Les ajouter tous à ma besace' }));
    expect(await screen.findByText('3 badges ajoutés à votre besace.')).toBeTruthy();
  });
});

describe('when something goes wrong', () => {
  it('says which badge could not be read, and why the badges could not be checked or added; nothing is lost', async () => {
    const { backpack } = await makeBackpack();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(backpack, 'stage').mockRejectedValueOnce(new BackpackError('DB_UNAVAILABLE'));
    openLink(backpack, encodeShare(share([itemOf(HOSTED), { kind: 'json', payload: 'just some words' }]), BASE));
    expect(await screen.findByText(/^Your browser will not let Besace store badges here/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    expect((await summary()).textContent).toBe('Checked in this browser: 1 valid, 1 could not be read.');
    const unreadable = cards()[1]!;
    expect(within(unreadable).getByRole('heading', { level: 2, name: 'Badge 2 could not be read' })).toBeTruthy();
    expect(within(unreadable).getByText(/^This is not a badge: it is neither a badge image/)).toBeTruthy();
    expect(within(unreadable).queryByRole('button')).toBeNull();

    vi.spyOn(backpack, 'accept').mockRejectedValueOnce(new BackpackError('QUOTA_EXCEEDED'));
    fireEvent.click(screen.getByRole('button', { name: 'Add to my backpack' }));
    expect(await screen.findByText(/^This device has no more room for Besace/)).toBeTruthy();
    await expect(backpack.list()).resolves.toHaveLength(0);
    // Still there to try again.
    fireEvent.click(screen.getByRole('button', { name: 'Add to my backpack' }));
    expect(await screen.findByText('1 badge added to your backpack.')).toBeTruthy();
    expect(screen.queryByText(/^This device has no more room/)).toBeNull();
  });
});

describe('a link that cannot be opened', () => {
  /** A v2 link's packed bytes, to damage. */
  const packedOf = (link: string) => base32nopad.decode(link.split('#v2.')[1]!);
  const long = encodeShare(share([{ kind: 'json', payload: JSON.stringify({ a: 'x'.repeat(2000), b: Math.PI }) }]), BASE);
  const flipped = packedOf(long).slice();
  flipped[2] = flipped[2]! ^ 0x10;
  const many = encodeShare(share(Array.from({ length: MAX_BADGES + 1 }, (_, i) => ({ kind: 'url' as const, payload: `https://example.org/${i}.json` }))), BASE);

  const cases = [
    { code: 'TRUNCATED', fragment: `v2.${base32nopad.encode(packedOf(long).subarray(0, packedOf(long).length - 1))}`, text: /This link is incomplete: its end is missing/ },
    { code: 'CORRUPTED', fragment: `v2.${base32nopad.encode(flipped)}`, text: /This link was changed on the way/ },
    { code: 'UNKNOWN_VERSION', fragment: 'v9.AAAA', text: /made by a newer version of Besace.*Reload the page to update Besace/ },
    { code: 'TOO_MANY_BADGES', fragment: many.split('#')[1]!, text: `This link holds more than ${MAX_BADGES} badges, more than Besace opens at once, so it was not read. Ask the person who sent it to split them into several links.` },
    { code: 'MALFORMED', fragment: 'v2.not*base64', text: /This link is damaged: what it carries cannot be read/ },
    { code: 'TOO_LARGE', fragment: `v2.${'A'.repeat(70_000)}`, text: /too large for Besace to open/ },
  ] as const;

  for (const { code, fragment, text } of cases) {
    it(`${code}: says what happened and what to do`, async () => {
      expect(decodeShare(fragment)).toEqual({ ok: false, error: { code } });
      const { backpack } = await makeBackpack();
      const stage = vi.spyOn(backpack, 'stage');
      openLink(backpack, `#${fragment}`);
      expect(await screen.findByRole('heading', { level: 1, name: 'This link cannot be opened' })).toBeTruthy();
      expect(screen.getByRole('alert').textContent).toMatch(text);
      expect(within(screen.getByRole('main')).getByRole('link', { name: /My badges/ }).getAttribute('href')).toBe('/');
      expect(stage).not.toHaveBeenCalled();
    });
  }

  it('NOT_A_SHARE_LINK, and in French', async () => {
    const { backpack } = await makeBackpack();
    window.history.replaceState({ [SHARE_STATE_KEY]: 'hello' }, '', '/view');
    render(<App backpack={backpack} initialLang="fr" />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Ce lien ne peut pas être ouvert' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toMatch(/^Ce n’est pas un lien de partage Besace\./);
  });

  it('without any link, explains what the page is for', async () => {
    const { backpack } = await makeBackpack();
    window.history.replaceState(null, '', '/view');
    render(<App backpack={backpack} initialLang="en" />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Shared badges' })).toBeTruthy();
    expect(screen.getByText(/This page shows badges that someone shared with you as a link/)).toBeTruthy();
  });
});

describe('offline', () => {
  it('checks signed badges, says hosted ones need the network, and checks again once back online', async () => {
    // The backpack of a device whose network comes and goes.
    let offline = true;
    const documents = createNet({ fetch: () => Promise.reject(new Error('no network')), documents: await loadDocumentMap(`${CORPUS}MOCKS.tsv`), documentsOnly: true });
    const net: Net = { fetch: (url, options) => (offline ? Promise.resolve({ ok: false, url, code: 'OFFLINE' }) : documents.fetch(url, options)) };
    const factory = new IDBFactory();
    const backpack = createBackpack({
      db: () => openBesaceDb('besace-viewer-offline', { indexedDB: factory }),
      verifier: createInProcessVerifier({ net, now: () => NOW }),
      now: () => NOW,
      online: () => !offline,
      channel: null,
    });
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);

    openLink(backpack, encodeShare(share([itemOf(HOSTED), itemOf(OB3)]), BASE));
    expect((await summary()).textContent).toBe('Checked in this browser: 1 valid with warnings, 1 could not be checked.');
    const [hosted, ob3] = cards();
    expect(within(hosted!).getByText('Could not be verified')).toBeTruthy();
    expect(within(ob3!).getByText('Valid, with warnings')).toBeTruthy();
    expect(screen.getByText(/^You are offline\. Signed badges were checked/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Check again' })).toBeNull();

    offline = false;
    onLine.mockReturnValue(true);
    fireEvent(window, new Event('online'));
    fireEvent.click(await screen.findByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(screen.getByText(/^Checked in this browser:/).textContent).toBe('Checked in this browser: 1 valid, 1 valid with warnings.'));
    expect(within(cards()[0]!).getByText('Valid')).toBeTruthy();
    expect(screen.queryByText(/^You are offline/)).toBeNull();
    await expect(backpack.list()).resolves.toHaveLength(0);
  });
});

describe('capture', () => {
  it('moves a share link’s fragment out of the address bar into history.state and the path to /view', () => {
    window.history.replaceState(null, '', '/some/where#v2.abc_DEF-123');
    expect(captureShareFragment('')).toBe(true);
    expect(window.location.pathname).toBe('/view');
    expect(window.location.hash).toBe('');
    expect(window.history.state).toEqual({ [SHARE_STATE_KEY]: 'v2.abc_DEF-123' });
    expect(sharedFragment()).toBe('v2.abc_DEF-123');
  });

  it('leaves any other fragment alone', () => {
    window.history.replaceState(null, '', '/profile#main');
    expect(captureShareFragment('')).toBe(false);
    expect(window.location.pathname).toBe('/profile');
    expect(window.location.hash).toBe('#main');
    expect(sharedFragment()).toBeNull();
  });

  it('a link opened from inside the app replaces the one on screen', async () => {
    const { backpack } = await makeBackpack();
    openLink(backpack, encodeShare(share([itemOf(HOSTED)], { title: 'First' }), BASE));
    expect(await screen.findByRole('heading', { level: 1, name: 'First' })).toBeTruthy();
    openShare(encodeShare(share([itemOf(OB3)], { title: 'Second' }), BASE).split('#')[1]!, '');
    expect(await screen.findByRole('heading', { level: 1, name: 'Second' })).toBeTruthy();
    await summary();
    expect(screen.getByRole('heading', { level: 2, name: 'Teamwork' })).toBeTruthy();
  });
});
