// @vitest-environment jsdom
/**
 * A badge's page over the real backpack: its facts, every check as a sentence (English and French),
 * the dated history, verify again, downloads, remove with Undo, and a hostile badge that stays text.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { badgePath } from '../../src/ui/router';
import { credential, jsonInput, makeBackpack, renderApp, resetDom } from './support';

afterEach(() => {
  resetDom();
  vi.restoreAllMocks();
});

describe('a badge’s page', () => {
  it('shows what the badge is, who issued it, to whom, and each check as a sentence', async () => {
    const { backpack, add } = await makeBackpack({ identities: ['nobody@example.org'] });
    const [record] = await add('1edtech-dcpv/ob20/simple-revoked.jwt');
    renderApp(backpack, { path: badgePath(record!.id) });

    expect(await screen.findByRole('heading', { level: 1, name: 'Awesome Robotics Badge' })).toBeTruthy();
    expect(screen.getByText('Issued by An Example Badge Issuer')).toBeTruthy();
    // The verdict in words, revoked named as such.
    expect(screen.getAllByText('Revoked by the issuer').length).toBeGreaterThanOrEqual(1);
    // The recipient check, with the address it matched.
    expect(screen.getByText('Issued to your address nobody@example.org')).toBeTruthy();
    // The latest report's date and whether it ran online.
    expect(screen.getAllByText('Checked on 12 March 2026 at 10:30, online.').length).toBeGreaterThanOrEqual(1);

    // Checks grouped by outcome, each a plain sentence under its title.
    const failed = screen.getByRole('region', { name: 'Failed (1)' });
    expect(within(failed).getByText('Revocation')).toBeTruthy();
    expect(within(failed).getByText('The issuer has revoked this badge.')).toBeTruthy();
    const passed = screen.getByRole('region', { name: /^Passed/ });
    expect(within(passed).getByText('The signature matches: the badge has not been changed since it was issued.')).toBeTruthy();
    expect(within(passed).getByText('The issuer confirms that the signing key is theirs.')).toBeTruthy();

    // The dated history.
    const history = screen.getByRole('heading', { level: 2, name: 'Verification history' }).parentElement!;
    expect(within(history).getAllByRole('listitem')).toHaveLength(1);

    // Headings in order: one h1, then h2s, h3s under them.
    const levels = [...document.querySelectorAll('main h1, main h2, main h3, main h4')].map((h) => Number(h.tagName[1]));
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
  });

  it('says the same in French', async () => {
    const { backpack, add } = await makeBackpack({ identities: ['nobody@example.org'] });
    const [record] = await add('1edtech-dcpv/ob20/simple-revoked.jwt');
    renderApp(backpack, { path: badgePath(record!.id), lang: 'fr' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Awesome Robotics Badge' })).toBeTruthy();
    expect(screen.getByText('Délivré par An Example Badge Issuer')).toBeTruthy();
    expect(screen.getByText('Délivré à votre adresse nobody@example.org')).toBeTruthy();
    expect(screen.getAllByText('Contrôlé le 12 mars 2026 à 10:30, en ligne.').length).toBeGreaterThanOrEqual(1);
    const failed = screen.getByRole('region', { name: 'Échecs (1)' });
    expect(within(failed).getByText('L’émetteur a révoqué ce badge.')).toBeTruthy();
    expect(screen.getByText('La signature correspond : le badge n’a pas été modifié depuis sa délivrance.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Vérifier à nouveau' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retirer de ma besace' })).toBeTruthy();
  });

  it('says an expired badge expired, on which date, and that it is still authentic', async () => {
    // An OB 3.0 credential whose signature holds and whose validUntil has passed (the DCC's fixture).
    const { backpack, add } = await makeBackpack();
    const [record] = await add('dcc-verifier-core/v2/v2Expired.json');
    renderApp(backpack, { path: badgePath(record!.id) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Teamwork' })).toBeTruthy();
    expect(screen.getAllByText('Expired on 1 January 2011').length).toBeGreaterThanOrEqual(1);
    expect(screen.getByText('The signature matches: the badge has not been changed since it was issued.')).toBeTruthy();
    expect(screen.getByText('Expired on 1 January 2011. It is still authentic: it is simply no longer current.')).toBeTruthy();
    expect(screen.getByText('The badge has expired. It is still authentic, but no longer current.')).toBeTruthy();
  });

  it('verifies again and adds the new report to the history', async () => {
    const { backpack, add } = await makeBackpack();
    const [record] = await add('1edtech-dcpv/ob30/simple-json.svg');
    renderApp(backpack, { path: badgePath(record!.id) });
    await screen.findByRole('heading', { level: 1, name: 'Teamwork' });
    fireEvent.click(screen.getByRole('button', { name: 'Verify again' }));
    expect(await screen.findByText('Verified again: Valid, with warnings.', {}, { timeout: 5000 })).toBeTruthy();
    const history = screen.getByRole('heading', { level: 2, name: 'Verification history' }).parentElement!;
    await waitFor(() => expect(within(history).getAllByRole('listitem')).toHaveLength(2));
  });

  it('downloads the original file byte for byte, and the badge data inside it', async () => {
    const { backpack, add } = await makeBackpack();
    const [record] = await add('1edtech-dcpv/ob30/simple-jwt.png');
    const blobs: Blob[] = [];
    const names: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return `blob:test/${blobs.length}`;
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    renderApp(backpack, { path: badgePath(record!.id) });
    await screen.findByRole('heading', { level: 1 });
    blobs.length = 0;

    fireEvent.click(screen.getByRole('button', { name: 'Download the original file (PNG)' }));
    expect(names.at(-1)).toBe('simple-jwt.png');
    const original = Buffer.from(await blobs.at(-1)!.arrayBuffer());
    expect(original.equals(Buffer.from(record!.original.bytes))).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Download the badge data (JWT)' }));
    expect(names.at(-1)).toBe('simple-jwt.jwt');
    expect(await blobs.at(-1)!.text()).toBe(record!.extracted.payload);
  });

  it('removes a badge, offers Undo with the keyboard focus on it, and Undo brings it back', async () => {
    const { backpack, add } = await makeBackpack();
    const [record] = await add('1edtech-dcpv/ob30/simple-json.svg');
    renderApp(backpack, { path: badgePath(record!.id) });
    await screen.findByRole('heading', { level: 1, name: 'Teamwork' });

    fireEvent.click(screen.getByRole('button', { name: 'Remove from my backpack' }));
    expect(await screen.findByText('“Teamwork” was removed from your backpack.')).toBeTruthy();
    expect(window.location.pathname).toBe('/');
    await waitFor(() => expect(backpack.list()).resolves.toHaveLength(0));
    const undo = screen.getByRole('button', { name: 'Undo' });
    await waitFor(() => expect(document.activeElement).toBe(undo));
    expect(await screen.findByRole('heading', { level: 2, name: 'Add your first badge' })).toBeTruthy();

    fireEvent.click(undo);
    expect(await screen.findByRole('heading', { level: 1, name: 'Teamwork' })).toBeTruthy();
    expect(window.location.pathname).toBe(badgePath(record!.id));
    await expect(backpack.list()).resolves.toHaveLength(1);
    // The page's title takes the focus back.
    await waitFor(() => expect(document.activeElement?.tagName).toBe('H1'));
    expect(screen.queryByText('“Teamwork” was removed from your backpack.')).toBeNull();
  });

  it('closes the Undo message with Escape and puts the focus on the page title', async () => {
    const { backpack, add } = await makeBackpack();
    const [record] = await add('1edtech-dcpv/ob30/simple-json.svg');
    renderApp(backpack, { path: badgePath(record!.id) });
    await screen.findByRole('heading', { level: 1, name: 'Teamwork' });
    fireEvent.click(screen.getByRole('button', { name: 'Remove from my backpack' }));
    const undo = await screen.findByRole('button', { name: 'Undo' });
    await waitFor(() => expect(document.activeElement).toBe(undo));
    fireEvent.keyDown(undo, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull());
    await waitFor(() => expect(document.activeElement?.textContent).toBe('My badges'));
  });

  it('says so when the badge is not in the backpack', async () => {
    const { backpack } = await makeBackpack();
    renderApp(backpack, { path: `/badge/${'0'.repeat(64)}` });
    expect(await screen.findByRole('heading', { level: 1, name: 'Badge not found' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to my badges' }).getAttribute('href')).toBe('/');
  });
});

describe('a hostile badge', () => {
  const HOSTILE = credential({
    name: '<img src=x onerror=alert(1)>',
    issuer: '<script>alert("issuer")</script>',
    description:
      'Click [here](javascript:alert(1)) or [there](https://ok.example/path) <script>alert(2)</script>\n\n<img src=x onerror=alert(3)>\n\n![tracker](https://tracker.example/pixel.png)\n\n[data](data:text/html,<script>alert(4)</script>) [http](http://plain.example/)',
    narrative: '# Big heading\n\n<iframe src="https://evil.example"></iframe> **bold**',
    criteriaUrl: 'javascript:alert(5)',
    tags: ['<b>tag</b>'],
    alignments: [{ targetName: '<svg onload=alert(6)>', targetUrl: 'javascript:alert(6)' }],
    image: 'data:text/html;base64,PHNjcmlwdD5hbGVydCg3KTwvc2NyaXB0Pg==',
  });

  it('renders every word as inert text: no element, no script, no javascript: link', async () => {
    const { backpack, addInputs } = await makeBackpack();
    const [record] = await addInputs([jsonInput('hostile.json', HOSTILE)]);
    expect(record?.badge?.name).toBe('<img src=x onerror=alert(1)>');
    const view = renderApp(backpack);
    // In the list…
    expect(await screen.findByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(view.container.querySelectorAll('script, iframe, svg, img:not(.brand-icon)')).toHaveLength(0);

    // …and on its page.
    fireEvent.click(screen.getByRole('link', { name: /<img src=x onerror=alert\(1\)>/ }));
    expect(await screen.findByRole('heading', { level: 1, name: '<img src=x onerror=alert(1)>' })).toBeTruthy();
    const main = screen.getByRole('main');
    expect(main.querySelectorAll('script, iframe, svg, object, embed')).toHaveLength(0);
    expect(main.querySelectorAll('img')).toHaveLength(0);
    expect(main.querySelectorAll('[onerror], [onload], [style]')).toHaveLength(0);
    expect(within(main).getByText(/<script>alert\(2\)<\/script>/)).toBeTruthy();
    expect(within(main).getByText('<img src=x onerror=alert(3)>')).toBeTruthy();
    expect(within(main).getAllByText(/alert\("issuer"\)/).length).toBeGreaterThanOrEqual(1);

    const hrefs = [...document.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
    for (const href of hrefs) expect(href).not.toMatch(/^\s*(javascript|data|vbscript|http):/i);
    // The one https link of the description is a link, opened safely.
    const ok = within(main).getByRole('link', { name: 'there' });
    expect(ok.getAttribute('href')).toBe('https://ok.example/path');
    expect(ok.getAttribute('rel')).toBe('noopener noreferrer');
    expect(ok.getAttribute('referrerpolicy')).toBe('no-referrer');
    // The others are their text.
    expect(within(main).getByText('here').closest('a')).toBeNull();
    expect(within(main).getByText('http').closest('a')).toBeNull();
    // Images in Markdown are never loaded: their alternative text only.
    expect(within(main).getByText(/tracker/)).toBeTruthy();
    // A Markdown heading is demoted below the section's own heading.
    expect(within(main).getByRole('heading', { name: 'Big heading' }).tagName).toBe('H3');
  });
});
