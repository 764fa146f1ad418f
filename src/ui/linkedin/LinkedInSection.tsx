/**
 * "Show and share" on a badge's page: the badge's own link (copy it, or show it as a QR code),
 * LinkedIn's "Add to profile" with every field to copy by hand (LinkedIn no longer promises to
 * fill its form in), a checklist and LinkedIn's known quirks, and the issuer's LinkedIn page id.
 *
 * The link carries the badge alone (badgeLink): LinkedIn's "credential URL" is that link, which
 * verifies in the browser of whoever opens it. Badge text stays text; the only link out is our
 * own https://www.linkedin.com URL, built with URLSearchParams.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import { badgeLink, linkedInCertificationOf } from '../../app/share';
import type { BadgeRecord } from '../../app/types';
import { linkedInAddToProfileUrl } from '../../core/share/linkedin';
import { useBackpackData, useLang } from '../context';
import { plural } from '../import/plural';
import type { MessageKey } from '../messages';
import { Link, pathOf, shareBase } from '../router';
import { formatNumber } from '../shell/format';
import { copyText, LONG_LINK_CHARS, monthYear, selectText } from './fields';
import { OrganizationForm } from './OrganizationForm';
import './linkedin.css';

const LINK_FIELD = 'share-badge-link';

export function LinkedInSection({ record }: { record: BadgeRecord }) {
  const { t, lang } = useLang();
  const settings = useBackpackData((b) => b.settings(), []);
  // Made once per badge: the link is dated, and should not change while the page is open.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const link = useMemo(() => badgeLink(record, shareBase(), new Date()), [record.id]);
  const cert = linkedInCertificationOf(record, { linkedInOrganizations: settings.data?.linkedInOrganizations ?? {} }, link);
  const addUrl = linkedInAddToProfileUrl(cert);
  const steps: readonly MessageKey[] = ['linkedin.steps.open', 'linkedin.steps.check', 'linkedin.steps.fill', 'linkedin.steps.org', 'linkedin.steps.save'];
  const tips: readonly MessageKey[] = ['linkedin.tips.dates', 'linkedin.tips.mobile', 'linkedin.tips.idUrl', 'linkedin.tips.logo'];

  return (
    <section class="share-badge" aria-labelledby="share-badge-title">
      <h2 id="share-badge-title">{t('linkedin.title')}</h2>
      <p>{t('linkedin.intro')}</p>

      <ShareLink record={record} link={link} />

      <div class="share-badge-part">
        <h3 id="share-badge-linkedin">{t('linkedin.add.title')}</h3>
        <p>{t('linkedin.add.explain')}</p>
        <p>
          <a class="button button-primary" href={addUrl} target="_blank" rel="noopener noreferrer" referrerpolicy="no-referrer">
            {t('linkedin.add.button')}{' '}
            <span class="visually-hidden">{t('linkedin.add.newTab')}</span>
          </a>
        </p>
        {link.length > LONG_LINK_CHARS && <p class="notice">{t('linkedin.add.long', { count: formatNumber(lang, link.length) })}</p>}

        <h4>{t('linkedin.steps.title')}</h4>
        <ol class="share-steps">
          {steps.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ol>

        <h4>{t('linkedin.fields.title')}</h4>
        <p>{t('linkedin.fields.explain')}</p>
        <dl class="copy-fields">
          <CopyRow label={t('linkedin.field.name')} value={cert.name.trim() || null} />
          <CopyRow label={t('linkedin.field.organization')} value={cert.organizationName?.trim() || null} />
          <CopyRow label={t('linkedin.field.issued')} value={monthYear(lang, cert.issuedOn)} />
          <CopyRow label={t('linkedin.field.expires')} value={monthYear(lang, cert.expires)} missing={t('linkedin.field.noExpiry')} />
          <CopyRow label={t('linkedin.field.certId')} value={cert.certId?.trim() || null} />
          <CopyRow label={t('linkedin.field.certUrl')} value={link} shown={shorten(link)} selectId={LINK_FIELD} />
        </dl>

        <h4>{t('linkedin.tips.title')}</h4>
        <ul class="share-tips">
          {tips.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      </div>

      <OrganizationForm record={record} settings={settings} />
    </section>
  );
}

/** The badge's link: a read-only field to copy from, its length, and interview mode. */
function ShareLink({ record, link }: { record: BadgeRecord; link: string }) {
  const langState = useLang();
  const { t } = langState;
  const field = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<'copied' | 'manual' | null>(null);

  const copy = async () => {
    if (await copyText(link)) {
      setStatus('copied');
      return;
    }
    if (field.current) selectText(field.current);
    setStatus('manual');
  };

  return (
    <div class="share-badge-part">
      <h3 id="share-badge-link-title">{t('linkedin.link.title')}</h3>
      <input
        id={LINK_FIELD}
        ref={field}
        class="share-link-field"
        type="text"
        readOnly
        spellcheck={false}
        value={link}
        aria-labelledby="share-badge-link-title"
        aria-describedby="share-badge-link-length share-badge-link-privacy"
        onFocus={(e) => (e.currentTarget as HTMLInputElement).select()}
      />
      <p id="share-badge-link-length" class="hint">
        {plural(langState, 'linkedin.link.length', link.length)}
      </p>
      <p id="share-badge-link-privacy" class="hint">
        {t('linkedin.link.privacy')}
      </p>
      <div class="actions share-link-actions">
        <button type="button" class="button" onClick={() => void copy()}>
          {t('linkedin.link.copy')}
        </button>
        <Link class="button" href={pathOf({ name: 'present', target: { kind: 'badge', id: record.id } })}>
          {t('linkedin.link.present')}
        </Link>
      </div>
      <p role="status" class="share-status">
        {status === 'copied' && t('linkedin.link.copied')}
        {status === 'manual' && t('linkedin.link.manual')}
      </p>
    </div>
  );
}

/**
 * One field of LinkedIn's form: its name, its value, a "Copy" button and a polite "Copied". When
 * copying fails, the value's text is selected instead (or the field `selectId`, for a value shown
 * shortened).
 */
function CopyRow({ label, value, shown, missing, selectId }: { label: string; value: string | null; shown?: string; missing?: string; selectId?: string }) {
  const { t } = useLang();
  const text = useRef<HTMLSpanElement>(null);
  const [status, setStatus] = useState<'copied' | 'manual' | null>(null);

  const copy = async (v: string) => {
    if (await copyText(v)) {
      setStatus('copied');
      return;
    }
    const target = selectId ? document.getElementById(selectId) : text.current;
    if (target) selectText(target);
    setStatus('manual');
  };

  return (
    <div class="copy-field">
      <dt>{label}</dt>
      <dd>
        {value === null ? (
          <span class="muted">{missing ?? t('linkedin.field.none')}</span>
        ) : (
          <>
            <span ref={text} class="copy-field-value">
              {shown ?? value}
            </span>
            <button type="button" class="button button-small" aria-label={t('linkedin.field.copyLabel', { label })} onClick={() => void copy(value)}>
              {t('linkedin.field.copy')}
            </button>
          </>
        )}
        <span role="status" class="copy-field-status">
          {status === 'copied' && t('linkedin.field.copied')}
          {status === 'manual' && t('linkedin.field.manual')}
        </span>
      </dd>
    </div>
  );
}

/** A long link shown by its start and end (the whole of it is in the field above, and is what is copied). */
function shorten(link: string): string {
  return link.length <= 80 ? link : `${link.slice(0, 56)}…${link.slice(-16)}`;
}
