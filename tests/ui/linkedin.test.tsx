// @vitest-environment jsdom
/**
 * "Show and share" on a badge's page, over the real backpack: the badge's own link (it decodes to
 * exactly this badge), LinkedIn's "Add to profile" link read back with URL/URLSearchParams, the
 * fields to copy (a stubbed clipboard, and the fallback without one), the issuer's LinkedIn page id
 * (checked, saved, kept after a reload, removed), French, and a hostile badge that stays text.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BadgeRecord } from '../../src/app/types';
import { decodeShare, shareItemFromExtracted } from '../../src/core/share/link';
import { badgePath } from '../../src/ui/router';
import { credential, jsonInput, makeBackpack, renderApp, resetDom } from './support';

let writeText: ReturnType<typeof vi.fn<(text: string) => Promise<void>>>;

function stubClipboard(clipboard: unknown) {
  Object.defineProperty(window.navigator, 'clipboard', { value: clipboard, configurable: true });
}

beforeEach(() => {
  writeText = vi.fn<(text: string) => Promise<void>>().mockResolvedValue(undefined);
  stubClipboard({ writeText });
});

afterEach(() => {
  resetDom();
  vi.restoreAllMocks();
  stubClipboard(undefined);
});

/** The "Show and share" section, once the page has loaded. */
async function section(name = 'Show and share'): Promise<HTMLElement> {
  return screen.findByRole('region', { name });
}

function addToProfile(region: HTMLElement, name = 'Add to LinkedIn profile (opens LinkedIn in a new tab)'): { link: HTMLAnchorElement; url: URL; params: URLSearchParams } {
  const link = within(region).getByRole('link', { name }) as HTMLAnchorElement;
  const url = new URL(link.href);
  return { link, url, params: url.searchParams };
}

function shareField(region: HTMLElement, name = 'Link to this badge'): HTMLInputElement {
  return within(region).getByRole('textbox', { name }) as HTMLInputElement;
}

/** The share link decodes to one badge: exactly this record's. */
function expectLinkOf(link: string, record: BadgeRecord) {
  const decoded = decodeShare(link);
  expect(decoded.ok).toBe(true);
  if (!decoded.ok) return;
  expect(decoded.value.badges).toEqual([shareItemFromExtracted(record.extracted)]);
  // The badge alone: no name, no address, nothing else disclosed.
  expect(decoded.value.displayName).toBeUndefined();
  expect(decoded.value.recipient).toBeUndefined();
  expect(decoded.value.title).toBeUndefined();
}

describe('“Show and share” on a badge’s page', () => {
  it('gives the badge’s own link, its length, and interview mode', async () => {
    const { backpack, add } = await makeBackpack();
    const [record] = await add('1edtech-dcpv/ob20/simple-revoked.jwt');
    renderApp(backpack, { path: badgePath(record!.id) });
    const region = await section();
    expect(within(region).getByRole('heading', { level: 2, name: 'Show and share' })).toBeTruthy();

    const field = shareField(region);
    expect(field.readOnly).toBe(true);
    expect(field.value.startsWith(`${window.location.origin}/#v2.`)).toBe(true);
    expectLinkOf(field.value, record!);
    expect(within(region).getByText(`The link is ${new Intl.NumberFormat('en').format(field.value.length)} characters long.`)).toBeTruthy();

    const present = within(region).getByRole('link', { name: 'Show QR code (interview mode)' });
    expect(present.getAttribute('href')).toBe(`/present/badge/${record!.id}`);

    fireEvent.click(within(region).getByRole('button', { name: 'Copy link' }));
    await waitFor(() => expect(within(region).getByText('Link copied.')).toBeTruthy());
    expect(writeText).toHaveBeenCalledWith(field.value);
  });

  it('builds LinkedIn’s “Add to profile” link: name, organization, month 1–12 in UTC, no expiry, the badge’s link and id', async () => {
    const { backpack, add } = await makeBackpack();
    const [record] = await add('1edtech-dcpv/ob20/simple-revoked.jwt');
    renderApp(backpack, { path: badgePath(record!.id) });
    const region = await section();
    const { link, url, params } = addToProfile(region);

    expect(link.target).toBe('_blank');
    expect(link.rel.split(' ').sort()).toEqual(['noopener', 'noreferrer']);
    expect(`${url.origin}${url.pathname}`).toBe('https://www.linkedin.com/profile/add');
    expect(params.get('startTask')).toBe('CERTIFICATION_NAME');
    expect(params.get('name')).toBe('Awesome Robotics Badge');
    expect(params.get('organizationName')).toBe('An Example Badge Issuer');
    expect(params.has('organizationId')).toBe(false);
    // Issued 2016-12-31T23:59:59Z: December 2016 (month 12, not 11; not January 2017 east of UTC).
    expect(params.get('issueYear')).toBe('2016');
    expect(params.get('issueMonth')).toBe('12');
    expect(params.has('expirationYear')).toBe(false);
    expect(params.has('expirationMonth')).toBe(false);
    expect(params.get('certId')).toBe('https://example.org/beths-robotics-badge-revoked.json');
    const certUrl = params.get('certUrl')!;
    expect(certUrl).toBe(shareField(region).value);
    expectLinkOf(certUrl, record!);

    // The same fields, in words, each with its copy button.
    const fields = within(region).getByRole('heading', { level: 4, name: 'The fields, to copy' });
    expect(fields).toBeTruthy();
    expect(within(region).getByText('December 2016')).toBeTruthy();
    expect(within(region).getByText('Does not expire')).toBeTruthy();
    expect(within(region).queryByRole('button', { name: 'Copy Expiration date' })).toBeNull();
    // Short and permanent enough: no warning for a link of this size.
    expect(certUrl.length).toBeLessThan(2000);
    expect(within(region).queryByText(/LinkedIn may cut it/)).toBeNull();
  });

  it('gives an expiring badge its expiration month and year', async () => {
    const { backpack, add } = await makeBackpack();
    const [record] = await add('dcc-verifier-core/v2/v2Expired.json');
    renderApp(backpack, { path: badgePath(record!.id) });
    const region = await section();
    const { params } = addToProfile(region);
    expect(params.get('name')).toBe('Teamwork');
    expect(params.get('organizationName')).toBe('Example Corp');
    expect([params.get('issueYear'), params.get('issueMonth')]).toEqual(['2010', '1']);
    expect([params.get('expirationYear'), params.get('expirationMonth')]).toEqual(['2011', '1']);
    expect(params.get('certId')).toBe('http://example.com/credentials/3527');
    expectLinkOf(params.get('certUrl')!, record!);
    expect(within(region).getByText('January 2010')).toBeTruthy();
    expect(within(region).getByText('January 2011')).toBeTruthy();
  });

  it('carries a hosted OB 2.0 badge as its assertion’s URL', async () => {
    const { backpack, add } = await makeBackpack();
    const [record] = await add('1edtech-dcpv/ob20/simple-badge.png');
    renderApp(backpack, { path: badgePath(record!.id) });
    const region = await section();
    const decoded = decodeShare(addToProfile(region).params.get('certUrl')!);
    expect(decoded.ok && decoded.value.badges).toEqual([{ kind: 'url', payload: 'https://example.org/beths-robotics-badge.json' }]);
  });

  it('copies each field with its own button, and says so politely', async () => {
    const { backpack, add } = await makeBackpack();
    const [record] = await add('dcc-verifier-core/v2/v2Expired.json');
    renderApp(backpack, { path: badgePath(record!.id) });
    const region = await section();
    const link = shareField(region).value;

    const cases: [string, string][] = [
      ['Name', 'Teamwork'],
      ['Issuing organization', 'Example Corp'],
      ['Issue date', 'January 2010'],
      ['Expiration date', 'January 2011'],
      ['Credential ID', 'http://example.com/credentials/3527'],
      ['Credential URL', link],
    ];
    for (const [label, value] of cases) {
      const button = within(region).getByRole('button', { name: `Copy ${label}` });
      fireEvent.click(button);
      await waitFor(() => expect(writeText).toHaveBeenLastCalledWith(value));
      const row = button.closest('dd')!;
      await waitFor(() => expect(within(row).getByRole('status').textContent).toBe('Copied'));
    }
    expect(writeText).toHaveBeenCalledTimes(cases.length);
  });

  it('without a clipboard, selects the link and says to press Ctrl+C', async () => {
    stubClipboard(undefined);
    const { backpack, add } = await makeBackpack();
    const [record] = await add('1edtech-dcpv/ob20/simple-revoked.jwt');
    renderApp(backpack, { path: badgePath(record!.id) });
    const region = await section();
    const field = shareField(region);

    fireEvent.click(within(region).getByRole('button', { name: 'Copy link' }));
    await waitFor(() => expect(within(region).getByText('The link is selected: press Ctrl+C (⌘+C on a Mac) to copy it.')).toBeTruthy());
    expect(document.activeElement).toBe(field);
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, field.value.length]);

    // A refused write (no permission) falls back the same way, for a field too.
    stubClipboard({ writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) });
    const button = within(region).getByRole('button', { name: 'Copy Name' });
    fireEvent.click(button);
    await waitFor(() => expect(within(button.closest('dd')!).getByRole('status').textContent).toBe('Selected: press Ctrl+C (⌘+C on a Mac)'));
    expect(window.getSelection()?.toString()).toBe('Awesome Robotics Badge');
  });

  it('warns when the link is too long for LinkedIn, and suggests pasting it by hand', async () => {
    const { backpack, addInputs } = await makeBackpack();
    // 3,000 characters that do not compress: the link grows past 2,000.
    let seed = 7;
    const noise = Array.from({ length: 3000 }, () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), 'abcdefghijklmnopqrstuvwxyz0123456789'[seed % 36])).join('');
    const [record] = await addInputs([jsonInput('long.json', credential({ name: 'Long one', description: noise }))]);
    renderApp(backpack, { path: badgePath(record!.id) });
    const region = await section();
    const length = shareField(region).value.length;
    expect(length).toBeGreaterThan(2000);
    expect(
      within(region).getByText(
        `This link is ${new Intl.NumberFormat('en-GB').format(length)} characters long: LinkedIn may cut it. If LinkedIn’s “Credential URL” field is empty or cut short, copy the link above and paste it into that field by hand.`,
      ),
    ).toBeTruthy();
  });

  it('uses the issuer’s LinkedIn page id once given (digits only), keeps it after a reload, and removes it', async () => {
    const { backpack, add } = await makeBackpack();
    const [record] = await add('1edtech-dcpv/ob20/simple-revoked.jwt');
    renderApp(backpack, { path: badgePath(record!.id) });
    let region = await section();
    const input = within(region).getByRole('textbox', { name: 'LinkedIn page id of An Example Badge Issuer' });
    const save = within(region).getByRole('button', { name: 'Save page id' });

    fireEvent.click(save);
    expect((await within(region).findByRole('alert')).textContent).toBe('The box is empty: type the page id (digits only), then press “Save page id”.');
    fireEvent.input(input, { target: { value: '12a45' } });
    fireEvent.click(save);
    await waitFor(() =>
      expect(within(region).getByRole('alert').textContent).toBe(
        'A LinkedIn page id is made of digits only, for example 12345678. Copy just the number from the page’s address.',
      ),
    );
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect((await backpack.settings()).linkedInOrganizations).toEqual({});

    fireEvent.input(input, { target: { value: ' 12345678 ' } });
    fireEvent.click(save);
    await waitFor(() => expect(within(region).getByText('Page id saved: the button now links the LinkedIn page of An Example Badge Issuer.')).toBeTruthy());
    await waitFor(() => expect(addToProfile(region).params.get('organizationId')).toBe('12345678'));
    expect(addToProfile(region).params.has('organizationName')).toBe(false);
    expect(within(region).queryByRole('alert')).toBeNull();
    expect((await backpack.settings()).linkedInOrganizations).toEqual({ 'https://example.org/organization-with-revocation-list.json': '12345678' });

    // Reload the page: the id is still there, and still used.
    cleanup();
    renderApp(backpack, { path: badgePath(record!.id) });
    region = await section();
    await waitFor(() => expect(within(region).getByText('Page id in use: 12345678')).toBeTruthy());
    expect(addToProfile(region).params.get('organizationId')).toBe('12345678');

    // The page's address works too: the number is taken from it.
    fireEvent.input(within(region).getByRole('textbox', { name: 'LinkedIn page id of An Example Badge Issuer' }), {
      target: { value: 'https://www.linkedin.com/company/987654/admin/' },
    });
    fireEvent.click(within(region).getByRole('button', { name: 'Save page id' }));
    await waitFor(() => expect(addToProfile(region).params.get('organizationId')).toBe('987654'));

    fireEvent.click(within(region).getByRole('button', { name: 'Remove page id' }));
    await waitFor(() => expect(within(region).getByText('Page id removed: the button gives the organization’s name again.')).toBeTruthy());
    await waitFor(() => expect(addToProfile(region).params.get('organizationName')).toBe('An Example Badge Issuer'));
    expect(addToProfile(region).params.has('organizationId')).toBe(false);
    expect((await backpack.settings()).linkedInOrganizations).toEqual({});
  });

  it('speaks French: labels, month names and the checklist', async () => {
    const { backpack, add } = await makeBackpack();
    const [record] = await add('dcc-verifier-core/v2/v2Expired.json');
    renderApp(backpack, { path: badgePath(record!.id), lang: 'fr' });
    const region = await section('Montrer et partager');
    expect(shareField(region, 'Lien vers ce badge').value).toContain('#v2.');
    expect(within(region).getByRole('button', { name: 'Copier le lien' })).toBeTruthy();
    expect(within(region).getByRole('link', { name: 'Afficher le QR code (mode entretien)' })).toBeTruthy();
    const { params } = addToProfile(region, 'Ajouter au profil LinkedIn (ouvre LinkedIn dans un nouvel onglet)');
    expect(params.get('expirationMonth')).toBe('1');

    expect(within(region).getByText('janvier 2010')).toBeTruthy();
    expect(within(region).getByText('janvier 2011')).toBeTruthy();
    for (const label of ['Nom', 'Organisme de délivrance', 'Date d’émission', 'Date d’expiration', 'ID du diplôme', 'URL du diplôme']) {
      expect(within(region).getByRole('button', { name: `Copier « ${label} »` })).toBeTruthy();
    }

    const steps = within(region).getByRole('heading', { level: 4, name: 'Pas à pas' }).nextElementSibling as HTMLElement;
    expect(steps.tagName).toBe('OL');
    expect(within(steps).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Ouvrez LinkedIn avec le bouton « Ajouter au profil LinkedIn » (connectez-vous si LinkedIn vous le demande).',
      'Vérifiez le nom et l’organisme de délivrance qu’affiche LinkedIn.',
      'Si LinkedIn a laissé un champ vide, copiez-le dans la liste ci-dessous avec son bouton « Copier », puis collez-le.',
      'Dans « Organisme de délivrance », choisissez l’émetteur dans la liste que LinkedIn propose pendant la saisie : son logo apparaîtra alors à côté du badge.',
      'Enregistrez.',
    ]);
    expect(within(region).getByText(/janvier = 1\) et en temps universel \(UTC\)/)).toBeTruthy();
    expect(within(region).getByText(/L’application mobile de LinkedIn remplit parfois le mauvais organisme/)).toBeTruthy();

    fireEvent.click(within(region).getByRole('button', { name: 'Enregistrer l’identifiant' }));
    expect((await within(region).findByRole('alert')).textContent).toContain('La case est vide');
  });

  it('keeps a hostile badge’s name and issuer as text, in the page and in LinkedIn’s link', async () => {
    const { backpack, addInputs } = await makeBackpack();
    const name = '<img src=x onerror="alert(1)">Pwned';
    const issuer = '<script>alert(2)</script>Evil & Co';
    const [record] = await addInputs([jsonInput('hostile.json', credential({ name, issuer, id: 'urn:uuid:hostile' }))]);
    renderApp(backpack, { path: badgePath(record!.id) });
    const region = await section();
    const { link, params } = addToProfile(region);
    expect(params.get('name')).toBe(name);
    expect(params.get('organizationName')).toBe(issuer);
    expect(link.href.startsWith('https://www.linkedin.com/profile/add?')).toBe(true);
    expect(within(region).getAllByText(name).length).toBeGreaterThanOrEqual(1);
    expect(within(region).getAllByText(issuer).length).toBeGreaterThanOrEqual(1);
    expect(region.querySelector('img, script')).toBeNull();
    expect(within(region).getByRole('textbox', { name: `LinkedIn page id of ${issuer}` })).toBeTruthy();
    // The only links out of the section: LinkedIn's, and the app's own interview mode.
    const hrefs = within(region).getAllByRole('link').map((a) => new URL((a as HTMLAnchorElement).href));
    expect(hrefs.map((u) => u.origin).sort()).toEqual([window.location.origin, 'https://www.linkedin.com'].sort());
  });
});
