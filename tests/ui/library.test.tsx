// @vitest-environment jsdom
/**
 * The badge list over the real backpack (fake-indexeddb, in-process verifier over the corpus's
 * document map): real corpus files and hand-made credentials staged and accepted through the service.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { credential, jsonInput, makeBackpack, renderApp, resetDom } from './support';

afterEach(resetDom);

const CORPUS_BADGES = [
  '1edtech-dcpv/ob20/simple-badge.png', // Awesome Robotics Badge, warning (local copy differs)
  '1edtech-dcpv/ob30/simple-json.svg', // Teamwork, Example Corp
  '1edtech-dcpv/ob20/basic-assertion-expired.json', // expired
  '1edtech-dcpv/ob20/simple-revoked.jwt', // revoked
];

const rows = () => within(screen.getByRole('list', { name: 'My badges' })).queryAllByRole('listitem');
const rowNames = () => rows().map((row) => row.querySelector('.badge-row-name')?.textContent);

async function search(text: string) {
  const box = screen.getByLabelText('Search my badges');
  fireEvent.input(box, { target: { value: text } });
}

describe('the badge list', () => {
  it('explains how to add badges when the backpack is empty', async () => {
    const { backpack } = await makeBackpack();
    renderApp(backpack);
    expect(await screen.findByRole('heading', { level: 1, name: 'My badges' })).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 2, name: 'Add your first badge' })).toBeTruthy();
    expect(screen.getByText(/save the badge to Files, not to Photos/)).toBeTruthy();
    expect(screen.getByText('Your Open Badges, kept and verified on your device.')).toBeTruthy();
    const cta = within(screen.getByRole('main')).getByRole('link', { name: 'Add badges' });
    expect(cta.getAttribute('href')).toBe('/import');
    expect(screen.queryByRole('list', { name: 'My badges' })).toBeNull();
  });

  it('shows each badge’s name, issuer, date and status in words', async () => {
    const { backpack, add } = await makeBackpack({ identities: ['nobody@example.org'] });
    await add(...CORPUS_BADGES);
    renderApp(backpack);
    await waitFor(() => expect(rows()).toHaveLength(4));
    const list = screen.getByRole('list', { name: 'My badges' });
    expect(within(list).getByText('Teamwork')).toBeTruthy();
    expect(within(list).getAllByText('Example Corp')).toHaveLength(1);
    expect(within(list).getAllByText('An Example Badge Issuer')).toHaveLength(3);
    // Status in words, never colour alone; expired and revoked named as such.
    expect(within(list).getByText('Expired')).toBeTruthy();
    expect(within(list).getByText('Revoked by the issuer')).toBeTruthy();
    expect(within(list).getAllByText('Valid, with warnings').length).toBeGreaterThanOrEqual(1);
    // Dates in the UI language.
    expect(within(list).getAllByText('31 Dec 2016').length).toBeGreaterThanOrEqual(1);
    expect(screen.getByText('4 badges')).toBeTruthy();
    // Each row is a link to the badge's page, with the list's size for screen readers.
    const first = rows()[0]!;
    expect(first.getAttribute('aria-setsize')).toBe('4');
    expect(within(first).getByRole('link').getAttribute('href')).toMatch(/^\/badge\/[0-9a-f]{64}$/);
  });

  it('shows a baked badge’s own image from its bytes, and never an unsafe image address', async () => {
    const { backpack, add, addInputs } = await makeBackpack();
    await add('1edtech-dcpv/ob20/simple-badge.png');
    await addInputs([jsonInput('evil.json', credential({ name: 'Sneaky', image: 'javascript:alert(1)' }))]);
    const made: string[] = [];
    const revoked: string[] = [];
    const create = URL.createObjectURL;
    const revoke = URL.revokeObjectURL;
    URL.createObjectURL = (blob: Blob) => {
      const url = `blob:test/${made.length}-${blob.type}`;
      made.push(url);
      return url;
    };
    URL.revokeObjectURL = (url: string) => {
      revoked.push(url);
    };
    try {
      const view = renderApp(backpack);
      await waitFor(() => expect(rows()).toHaveLength(2));
      const images = [...document.querySelectorAll('img.badge-image')] as HTMLImageElement[];
      expect(images.map((img) => img.getAttribute('src'))).toEqual([expect.stringMatching(/^blob:test\/\d+-image\/png$/)]);
      for (const img of document.querySelectorAll('img')) expect(img.getAttribute('src') ?? '').not.toMatch(/^javascript:/i);
      view.unmount();
      // Preact runs effect clean-ups after the next paint: every blob: URL made is revoked then.
      await waitFor(() => expect(made.filter((url) => !revoked.includes(url))).toEqual([]));
    } finally {
      URL.createObjectURL = create;
      URL.revokeObjectURL = revoke;
    }
  });

  it('finds badges by name, issuer, tag and skill, whatever the accents and capitals', async () => {
    const { backpack, add, addInputs } = await makeBackpack();
    await add('1edtech-dcpv/ob30/simple-json.svg');
    await addInputs([
      jsonInput('a.json', credential({ name: 'Méneur de jeu', issuer: 'Ligue de l’Enseignement', tags: ['Animation'] })),
      jsonInput('b.json', credential({ name: 'Impression 3D', issuer: 'FabLab Cœur de Ville', alignments: [{ targetName: 'Modélisation', targetFramework: 'ESCO' }] })),
      jsonInput('c.json', credential({ name: 'Secourisme', issuer: 'Croix-Rouge' })),
    ]);
    renderApp(backpack);
    await waitFor(() => expect(rows()).toHaveLength(4));

    await search('meneur');
    await waitFor(() => expect(rowNames()).toEqual(['Méneur de jeu']));
    expect(screen.getByText('1 of 4 badges shown')).toBeTruthy();

    await search('COEUR');
    await waitFor(() => expect(rowNames()).toEqual(['Impression 3D']));
    await search('modelisation'); // an alignment
    await waitFor(() => expect(rowNames()).toEqual(['Impression 3D']));
    await search('animation'); // a tag
    await waitFor(() => expect(rowNames()).toEqual(['Méneur de jeu']));
    await search('example corp'); // an issuer
    await waitFor(() => expect(rowNames()).toEqual(['Teamwork']));
    await search('jeu meneur'); // every word, in any order
    await waitFor(() => expect(rowNames()).toEqual(['Méneur de jeu']));

    await search('plongée');
    expect(await screen.findByText('No badge matches “plongée”.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show all my badges' }));
    await waitFor(() => expect(rows()).toHaveLength(4));
    // The search lives in the address, so Back from a badge comes back to it.
    await search('secour');
    await waitFor(() => expect(window.location.search).toBe('?q=secour'));
  });

  it('filters by status and sorts by date or issuer', async () => {
    const { backpack, add, addInputs } = await makeBackpack({ identities: ['nobody@example.org'] });
    await add(...CORPUS_BADGES);
    await addInputs([jsonInput('z.json', credential({ name: 'Zèbre', issuer: 'Aardvark Academy', validFrom: '2025-06-01T00:00:00Z' }))]);
    renderApp(backpack);
    await waitFor(() => expect(rows()).toHaveLength(5));

    // Newest first by default: the 2025 badge leads.
    expect(rowNames()[0]).toBe('Zèbre');
    const status = screen.getByLabelText('Status') as HTMLSelectElement;
    const options = [...status.options].map((o) => o.textContent);
    expect(options).toContain('All (5)');
    expect(options).toContain('Expired (1)');
    expect(options).toContain('Revoked by the issuer (1)');

    fireEvent.change(status, { target: { value: 'expired' } });
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(within(rows()[0]!).getByText('Expired')).toBeTruthy();
    fireEvent.change(status, { target: { value: 'revoked' } });
    await waitFor(() => expect(within(rows()[0]!).getByText('Revoked by the issuer')).toBeTruthy());
    fireEvent.change(status, { target: { value: 'all' } });
    await waitFor(() => expect(rows()).toHaveLength(5));

    fireEvent.change(screen.getByLabelText('Sort by'), { target: { value: 'issuer' } });
    await waitFor(() => expect(rowNames()[0]).toBe('Zèbre')); // Aardvark Academy first
    expect(rows()[4]!.textContent).toContain('Example Corp');
    fireEvent.change(screen.getByLabelText('Sort by'), { target: { value: 'oldest' } });
    await waitFor(() => expect(rowNames()[4]).toBe('Zèbre'));
    expect(window.location.search).toBe('?sort=oldest');
  });

  it('keeps only about a screenful of rows in the page for 1,000 badges, and moves by keyboard', async () => {
    const { backpack, addInputs, addCopies } = await makeBackpack();
    const [template] = await addInputs([jsonInput('t.json', credential({ name: 'Template' }))]);
    await addCopies(template!, 999, (i) => `Badge ${String(i).padStart(4, '0')}`);
    renderApp(backpack);
    expect(await screen.findByText('1,000 badges')).toBeTruthy();
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    const inDom = rows().length;
    // jsdom's window is 768 px high: ~8 rows of 92 px in view, plus the overscan either side.
    expect(inDom).toBeGreaterThanOrEqual(8);
    expect(inDom).toBeLessThanOrEqual(30);
    expect(rows()[0]!.getAttribute('aria-setsize')).toBe('1000');

    // One row in the Tab order; the arrow keys move the focus row by row, End to the last.
    const links = () => within(screen.getByRole('list', { name: 'My badges' })).getAllByRole('link');
    expect(links().filter((a) => a.tabIndex === 0)).toHaveLength(1);
    const first = links()[0]!;
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement?.getAttribute('data-row')).toBe('1'));
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    await waitFor(() => expect(document.activeElement?.getAttribute('data-row')).toBe('999'));
    expect(document.activeElement?.closest('li')?.getAttribute('aria-posinset')).toBe('1000');
    expect(rows().length).toBeLessThanOrEqual(31);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    await waitFor(() => expect(document.activeElement?.getAttribute('data-row')).toBe('998'));
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    await waitFor(() => expect(document.activeElement?.getAttribute('data-row')).toBe('0'));

    // Enter on a row is a click on its link: it opens the badge.
    fireEvent.click(document.activeElement!);
    expect(await screen.findByRole('heading', { level: 2, name: 'Verification' })).toBeTruthy();
    expect(window.location.pathname).toMatch(/^\/badge\//);
  });

  it('speaks French, with French dates and words', async () => {
    const { backpack, add } = await makeBackpack({ identities: ['nobody@example.org'] });
    await add(...CORPUS_BADGES);
    renderApp(backpack, { lang: 'fr' });
    await waitFor(() => expect(screen.getByRole('list', { name: 'Mes badges' })).toBeTruthy());
    expect(screen.getByText('4 badges')).toBeTruthy();
    expect(screen.getByText('Expiré')).toBeTruthy();
    expect(screen.getByText('Révoqué par l’émetteur')).toBeTruthy();
    expect(screen.getAllByText('31 déc. 2016').length).toBeGreaterThanOrEqual(1);
    expect(screen.getByLabelText('Chercher dans mes badges')).toBeTruthy();
    expect(document.documentElement.lang).toBe('fr');
  });
});
