/**
 * Badges handed to Besace by the system: files opened with the installed app (launchQueue, the
 * manifest's file_handlers) and files or links shared to it (the share target, at start-up). Both
 * go to the same staging flow as drops and pastes.
 *
 * Render it once, inside <ImportProvider>: <PlatformInbox />. The platform doors can be given
 * explicitly (another launch queue, other share-target dependencies); by default, the page's.
 */
import { useEffect, useRef } from 'preact/hooks';
import { onLaunchedFiles, type LaunchQueueLike } from '../../platform/launchQueue';
import { takeSharedImport, type ShareTargetDeps } from '../../platform/shareTarget';
import { useLang } from '../context';
import { useToast } from '../shell/toast';
import { useImport } from './ImportProvider';

export function PlatformInbox({ launchQueue, shareTarget }: { launchQueue?: LaunchQueueLike; shareTarget?: ShareTargetDeps }) {
  const api = useImport();
  const apiRef = useRef(api);
  apiRef.current = api;
  const { t } = useLang();
  const tRef = useRef(t);
  tRef.current = t;
  const toast = useToast();
  const toastRef = useRef(toast);
  toastRef.current = toast;

  useEffect(() => {
    let live = true;
    onLaunchedFiles((inputs, unreadable) => {
      if (!live) return;
      apiRef.current.addInputs(inputs);
      if (unreadable > 0) apiRef.current.notify({ kind: 'unreadable', count: unreadable });
    }, launchQueue);
    void takeSharedImport(shareTarget).then((shared) => {
      if (!live) return;
      if (shared.status === 'received') apiRef.current.addInputs(shared.inputs);
      else if (shared.status === 'failed') toastRef.current.show({ message: tRef.current(`pwa.share.${shared.reason}`) });
    });
    return () => {
      live = false;
    };
    // The doors are read once, at start-up.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return null;
}
