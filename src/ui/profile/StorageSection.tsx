/**
 * Storage on this device: whether the browser keeps Besace's data permanently (persisted), a button
 * to ask for it, and how much space is used out of what the browser allows.
 */
import { useEffect, useState } from 'preact/hooks';
import { requestPersistence, storageStatus, type StorageManagerLike, type StorageStatus } from '../../platform/persist';
import { useLang } from '../context';
import { formatBytes } from './bytes';

export function StorageSection({ storage }: { storage?: StorageManagerLike | undefined }) {
  const { t, lang } = useLang();
  const [status, setStatus] = useState<StorageStatus | null>(null);
  const [answer, setAnswer] = useState<'granted' | 'denied' | 'unsupported' | null>(null);
  const [asking, setAsking] = useState(false);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    void storageStatus(storage).then((s) => live && setStatus(s));
    return () => {
      live = false;
    };
  }, [storage, tick]);

  const ask = async () => {
    setAsking(true);
    try {
      setAnswer(await requestPersistence(storage));
    } finally {
      setAsking(false);
      setTick((n) => n + 1);
    }
  };

  const persistence = status?.persistence;
  return (
    <section class="profile-section" aria-labelledby="profile-storage-title">
      <h2 id="profile-storage-title">{t('profile.storage.title')}</h2>
      {status === null ? (
        <p>{t('profile.storage.checking')}</p>
      ) : (
        <>
          <p>
            {persistence === 'persisted' && t('profile.storage.persisted')}
            {persistence === 'not-persisted' && t('profile.storage.notPersisted')}
            {persistence === 'unsupported' && t('profile.storage.unsupported')}
          </p>
          <p>
            {status.usage !== null && status.quota !== null
              ? t('profile.storage.usage', { used: formatBytes(lang, status.usage), quota: formatBytes(lang, status.quota) })
              : t('profile.storage.usageUnknown')}
          </p>
          {persistence === 'not-persisted' && (
            <button type="button" class="button" onClick={() => void ask()} disabled={asking} aria-busy={asking}>
              {t('profile.storage.ask')}
            </button>
          )}
        </>
      )}
      <p role="status" class="profile-status">
        {answer === 'granted' && t('profile.storage.granted')}
        {answer === 'denied' && t('profile.storage.denied')}
      </p>
    </section>
  );
}
