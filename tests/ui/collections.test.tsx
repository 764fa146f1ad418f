// @vitest-environment jsdom
/**
 * Collections over the real backpack: create one, add badges, put them in order, choose what the
 * link discloses, and get a link that carries exactly those badges; delete with Undo; French; a
 * pasted share link opens the viewer instead of being imported.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeShare, encodeShare, shareItemFromExtracted } from '../../src/core/share/link';
import { shareFragmentOf } from '../../src/ui/import/ImportProvider';
import { pathOf } from '../../src/ui/router';
import { makeBackpack, renderApp, resetDom } from './support';

afterEach(() => {
  resetDom();
  vi.restoreAllMocks();
});

const FILES = ['1edtech-dcpv/ob30/simple-json.svg', '1edtech-dcpv/ob20/simple-revoked.jwt', '1edtech-dcpv/ob20/simple.jwt'];

async function linkOnPage(): Promise<string> {
  const field = (await screen.findByLabelText('Link to this collection')) as HTMLTextAreaElement;
  return field.value;
}

describe('collections', () => {
  it('creates a collection, adds badges, orders them, and shares exactly those in that order', async () => {
    const { backpack, add } = await makeBackpack({ identities: ['nobody@example.org'] });
    const records = await add(...FILES);
    expect(records).toHaveLength(3);
    renderApp(backpack, { path: pathOf({ name: 'collections' }) });

    expect(await screen.findByRole('heading', { level: 1, name: 'Collections' })).toBeTruthy();
    expect(await screen.findByText(/No collection yet/)).toBeTruthy();
    // An empty name is refused with a message.
    fireEvent.click(screen.getByRole('button', { name: 'Create collection' }));
    expect(await screen.findByText(/Give the collection a name/)).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Name of a new collection'), { target: { value: 'Candidature <b>stage</b>' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create collection' }));

    // On the new collection's page.
    expect(await screen.findByRole('heading', { level: 1, name: 'Candidature <b>stage</b>' })).toBeTruthy();
    expect(document.querySelector('main b')).toBeNull(); // the title stays text
    expect(screen.getByText('Add badges to this collection to get its link.')).toBeTruthy();
    const picker = screen.getByRole('heading', { name: 'Add badges' }).closest('section')!;
    for (const box of within(picker).getAllByRole('checkbox')) fireEvent.click(box);
    fireEvent.click(within(picker).getByRole('button', { name: 'Add 3 badges' }));
    expect(await screen.findByText('3 badges added.')).toBeTruthy();
    expect(await screen.findByText('Every badge of your backpack is already in this collection.')).toBeTruthy();

    const list = screen.getByRole('list', { name: 'Badges in the order they are shown' });
    const names = () => within(list).getAllByRole('link').map((a) => a.textContent);
    const before = names();
    expect(before).toHaveLength(3);
    fireEvent.click(within(list).getAllByRole('button', { name: `Move ${before[2]} up` }).at(-1)!);
    await waitFor(() => expect(names()).toEqual([before[0], before[2], before[1]]));

    const [c] = await backpack.collections();
    const share = decodeShare(await linkOnPage());
    if (!share.ok) throw new Error(share.error.code);
    expect(share.value.title).toBe('Candidature <b>stage</b>');
    const payloadOf = (id: string) => shareItemFromExtracted(records.find((r) => r.id === id)!.extracted).payload;
    expect(share.value.badges.map((b) => b.payload)).toEqual(c!.badgeIds.map(payloadOf));
    expect(share.value.recipient).toBeUndefined();
    expect(screen.getByText(/characters\./).textContent).toMatch(/QR code/);

    // Take one out: it leaves the collection and the link, and stays in the backpack.
    fireEvent.click(within(list).getAllByRole('button', { name: `Take ${names()[0]} out of this collection` })[0]!);
    await waitFor(() => expect(names()).toHaveLength(2));
    await waitFor(async () => {
      const after = decodeShare(await linkOnPage());
      expect(after.ok && after.value.badges).toHaveLength(2);
    });
    expect(await backpack.list()).toHaveLength(3);
  });

  it('discloses an address, hides evidence and sets an end date only when asked', async () => {
    const { backpack, add } = await makeBackpack({ identities: ['nobody@example.org', 'old@school.example'] });
    const records = await add(FILES[0]!);
    const c = await backpack.createCollection('CV', records.map((r) => r.id));
    renderApp(backpack, { path: pathOf({ name: 'collection', id: c.id }) });
    await linkOnPage();

    fireEvent.change(screen.getByLabelText(/An address, so the person can check/), { target: { value: 'nobody@example.org' } });
    fireEvent.click(screen.getByLabelText(/Evidence of my work/));
    fireEvent.change(screen.getByLabelText('Show until (optional)'), { target: { value: '2030-06-30' } });
    await waitFor(async () => {
      const share = decodeShare(await linkOnPage());
      expect(share.ok && share.value).toMatchObject({ recipient: 'nobody@example.org', hideEvidence: true, until: expect.stringMatching(/^2030-06-(30|29)T/) });
    });
    expect((await backpack.getCollection(c.id))?.share).toMatchObject({ recipient: 'nobody@example.org', evidence: false });

    // The display name is offered only once one is set.
    expect((screen.getByLabelText(/My name \(set it in your profile first\)/) as HTMLInputElement).disabled).toBe(true);
    await backpack.updateSettings({ displayName: 'Ann Dupont' });
    await waitFor(() => expect(screen.getByLabelText('My name: Ann Dupont')).toBeTruthy());
    await waitFor(async () => {
      const share = decodeShare(await linkOnPage());
      expect(share.ok && share.value.displayName).toBe('Ann Dupont');
    });
    fireEvent.click(screen.getByLabelText('My name: Ann Dupont'));
    await waitFor(async () => {
      const share = decodeShare(await linkOnPage());
      expect(share.ok && share.value.displayName).toBeUndefined();
    });
  });

  it('copies the link, and falls back to selecting it when the clipboard refuses', async () => {
    const { backpack, add } = await makeBackpack();
    const records = await add(FILES[1]!);
    const c = await backpack.createCollection('One', records.map((r) => r.id));
    const writeText = vi.fn().mockResolvedValueOnce(undefined).mockRejectedValueOnce(new Error('denied'));
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderApp(backpack, { path: pathOf({ name: 'collection', id: c.id }) });
    const link = await linkOnPage();
    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(await screen.findByText('Link copied.')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith(link);
    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(await screen.findByText(/The link is selected/)).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Link to this collection'));
    // LinkedIn's share-to-feed carries the link as its only parameter.
    const feed = screen.getByRole('link', { name: 'Post on LinkedIn' }) as HTMLAnchorElement;
    expect(new URL(feed.href).searchParams.get('url')).toBe(link);
  });

  it('reorders and deletes collections, with Undo, in French', async () => {
    const { backpack } = await makeBackpack();
    await backpack.createCollection('Bénévolat');
    await backpack.createCollection('Stage');
    renderApp(backpack, { path: pathOf({ name: 'collections' }), lang: 'fr' });
    const list = await screen.findByRole('list', { name: 'Vos collections' });
    const titles = () => [...list.querySelectorAll('.collection-title')].map((e) => e.textContent);
    expect(titles()).toEqual(['Bénévolat', 'Stage']);
    expect(within(list).getAllByText('0 badge')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Monter Stage' }));
    await waitFor(() => expect(titles()).toEqual(['Stage', 'Bénévolat']));
    fireEvent.click(screen.getByRole('button', { name: 'Supprimer la collection Stage' }));
    await waitFor(() => expect(titles()).toEqual(['Bénévolat']));
    fireEvent.click(await screen.findByRole('button', { name: 'Annuler' }));
    await waitFor(() => expect(titles()).toEqual(['Stage', 'Bénévolat']));
  });

  it('says so for a collection that is not there', async () => {
    const { backpack } = await makeBackpack();
    renderApp(backpack, { path: '/collections/nope' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Collection not found' })).toBeTruthy();
  });
});

describe('a badge’s page', () => {
  it('says which collections hold the badge, and puts it in another or a new one', async () => {
    const { backpack, add } = await makeBackpack();
    const [record] = await add(FILES[0]!);
    const stage = await backpack.createCollection('Stage');
    renderApp(backpack, { path: pathOf({ name: 'badge', id: record!.id }) });
    expect(await screen.findByText('In no collection yet.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Put it in'), { target: { value: stage.id } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(await screen.findByText('Added to Stage.')).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Stage' })).toBeTruthy();
    expect((await backpack.getCollection(stage.id))?.badgeIds).toEqual([record!.id]);
    const select = screen.getByLabelText('Put it in') as HTMLSelectElement;
    fireEvent.change(select, { target: { value: select.options[select.options.length - 1]!.value } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(async () => expect(await backpack.collections()).toHaveLength(2));
    const created = (await backpack.collections())[1]!;
    expect(created.title).toBe(record!.badge!.name);
    expect(created.badgeIds).toEqual([record!.id]);
  });
});

describe('a share link handed to the importer', () => {
  it('is recognised as a link (text or a small text file), and anything else is not', () => {
    const link = encodeShare({ createdAt: '2026-01-01T00:00:00Z', badges: [{ kind: 'url', payload: 'https://example.org/a.json' }] }, 'https://besace.example/');
    const fragment = link.slice(link.indexOf('#') + 1);
    expect(shareFragmentOf({ kind: 'text', text: `  ${link}\n` })).toBe(fragment);
    expect(shareFragmentOf({ kind: 'file', name: 'CV.besace-share.txt', bytes: new TextEncoder().encode(`${link}\n`) })).toBe(fragment);
    expect(shareFragmentOf({ kind: 'text', text: 'https://example.org/assertion.json' })).toBeNull();
    expect(shareFragmentOf({ kind: 'text', text: `see ${link}` })).toBeNull();
    expect(shareFragmentOf({ kind: 'file', name: 'x.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) })).toBeNull();
  });
});
