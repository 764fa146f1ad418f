/**
 * /profile: the earner's identities (for recipient matching), display name, language, storage,
 * backup and restore, and how to remove Besace. Everything here stays on the device.
 */
import type { Attributes } from 'preact';
import type { StorageManagerLike } from '../../platform/persist';
import { useLang } from '../context';
import { PageHeading } from '../shell/PageHeading';
import { BackupSection } from './BackupSection';
import { IdentitiesSection } from './IdentitiesSection';
import { LanguageSection } from './LanguageSection';
import { NameSection } from './NameSection';
import { StorageSection } from './StorageSection';
import './profile.css';

export interface ProfilePageProps extends Attributes {
  /** The StorageManager to ask (default: navigator.storage). */
  readonly storage?: StorageManagerLike;
}

/** Usable as is for App's `pages.profile` (no prop is required). */
export function ProfilePage({ storage }: ProfilePageProps = {}) {
  const { t } = useLang();
  return (
    <div class="profile">
      <PageHeading>{t('profile.title')}</PageHeading>
      <p class="privacy">{t('profile.intro')}</p>
      <IdentitiesSection />
      <NameSection />
      <LanguageSection />
      <StorageSection storage={storage} />
      <BackupSection />
      <section class="profile-section" aria-labelledby="profile-remove-title">
        <h2 id="profile-remove-title">{t('profile.remove.title')}</h2>
        <p>{t('profile.remove.text')}</p>
      </section>
    </div>
  );
}
