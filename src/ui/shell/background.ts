/**
 * What the shell does in the background while the app is open:
 * - re-verifies the badges whose last check is stale or ran offline, once at start and whenever the
 *   device comes back online (one at a time, stopping as soon as the device goes offline again);
 * - tells the earner when another tab upgraded the database under this one (main.tsx dispatches
 *   DB_REPLACED_EVENT from openBesaceDb's onBlocking), with a Reload button.
 */
import { useEffect } from 'preact/hooks';
import { useBackpack, useLang } from '../context';
import { useToast } from './toast';

export const DB_REPLACED_EVENT = 'besace:db-replaced';

/** Wait after start-up before re-verifying, so the first screen is not slowed down. */
const START_DELAY_MS = 4_000;

export function useAutoReverify(enabled: boolean): void {
  const backpack = useBackpack();
  useEffect(() => {
    if (!enabled) return undefined;
    let stopped = false;
    let running = false;
    const offline = () => typeof navigator !== 'undefined' && navigator.onLine === false;
    const run = async () => {
      if (running || stopped || offline()) return;
      running = true;
      try {
        const due = await backpack.dueForReverify(new Date());
        for (const id of due) {
          if (stopped || offline()) break;
          try {
            await backpack.reverify(id);
          } catch (error) {
            // One badge that cannot be checked now does not stop the others; it stays due.
            console.warn('Besace: automatic re-verification failed for one badge', error);
          }
        }
      } catch (error) {
        console.warn('Besace: automatic re-verification could not start', error);
      } finally {
        running = false;
      }
    };
    const onOnline = () => void run();
    const timer = setTimeout(onOnline, START_DELAY_MS);
    window.addEventListener('online', onOnline);
    return () => {
      stopped = true;
      clearTimeout(timer);
      window.removeEventListener('online', onOnline);
    };
  }, [backpack, enabled]);
}

export function useDbReplacedNotice(): void {
  const toast = useToast();
  const { t } = useLang();
  useEffect(() => {
    const show = () =>
      toast.show({
        message: t('storage.updatedElsewhere'),
        durationMs: 24 * 60 * 60 * 1000,
        action: { label: t('shell.startup.reload'), run: () => window.location.reload() },
      });
    window.addEventListener(DB_REPLACED_EVENT, show);
    return () => window.removeEventListener(DB_REPLACED_EVENT, show);
  }, [toast, t]);
}
