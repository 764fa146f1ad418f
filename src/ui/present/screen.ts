/**
 * What interview mode asks of the device: keep the screen on (Screen Wake Lock API) and fill the
 * screen (Fullscreen API). Both are optional: where a browser lacks them, the page says so honestly
 * and works as it is.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

/** 'on': the screen is kept on; 'unsupported': no Wake Lock API; 'failed': the browser refused. */
export type WakeState = 'pending' | 'on' | 'unsupported' | 'failed';

/**
 * Keeps the screen on while the component is mounted. The browser drops the lock whenever the page
 * is hidden (another tab, the screen locked): it is asked for again when the page is visible again.
 */
export function useWakeLock(): WakeState {
  const [state, setState] = useState<WakeState>(() => (typeof navigator !== 'undefined' && navigator.wakeLock ? 'pending' : 'unsupported'));
  useEffect(() => {
    const wakeLock = typeof navigator !== 'undefined' ? navigator.wakeLock : undefined;
    if (!wakeLock) return;
    let live = true;
    let sentinel: WakeLockSentinel | null = null;
    let asking = false;
    const acquire = () => {
      if (asking || (sentinel && !sentinel.released) || document.visibilityState === 'hidden') return;
      asking = true;
      wakeLock.request('screen').then(
        (lock) => {
          asking = false;
          if (!live) {
            lock.release().catch(() => undefined);
            return;
          }
          sentinel = lock;
          lock.addEventListener('release', () => {
            if (sentinel === lock) sentinel = null;
          });
          setState('on');
        },
        () => {
          asking = false;
          if (live) setState('failed');
        },
      );
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') acquire();
    };
    acquire();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      live = false;
      document.removeEventListener('visibilitychange', onVisibility);
      const lock = sentinel;
      sentinel = null;
      lock?.release().catch(() => undefined);
    };
  }, []);
  return state;
}

export interface FullscreenControl {
  /** The browser offers full screen for the page. */
  readonly supported: boolean;
  readonly active: boolean;
  /** The last request was refused. */
  readonly failed: boolean;
  readonly toggle: () => void;
}

/** Full screen for the whole page, left with Esc or the toggle; left on unmount if this page entered it. */
export function useFullscreen(): FullscreenControl {
  const root = typeof document !== 'undefined' ? document.documentElement : null;
  const supported = !!root && typeof root.requestFullscreen === 'function' && document.fullscreenEnabled !== false;
  const [active, setActive] = useState(() => supported && !!document.fullscreenElement);
  const [failed, setFailed] = useState(false);
  const entered = useRef(false);
  useEffect(() => {
    if (!supported) return;
    const onChange = () => setActive(!!document.fullscreenElement);
    document.addEventListener('fullscreenchange', onChange);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      if (entered.current && document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
    };
  }, [supported]);
  const toggle = useCallback(() => {
    if (!root) return;
    if (document.fullscreenElement) {
      document.exitFullscreen().catch(() => undefined);
      return;
    }
    setFailed(false);
    root.requestFullscreen().then(
      () => {
        entered.current = true;
        setActive(true);
      },
      () => setFailed(true),
    );
  }, [root]);
  return { supported, active, failed, toggle };
}
