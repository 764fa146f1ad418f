import { area } from './area';

/**
 * Messages of the pwa part of the app. Keys start with 'pwa.'.
 * Updates (src/ui/UpdatePrompt.tsx), the first install ('pwa.offline.ready', sw-register's
 * onOfflineReady), a share that did not come through ('pwa.share.<reason>', src/platform/shareTarget.ts)
 * and the verification worker's failures ('pwa.verifier.<code>', src/platform/workerVerifier.ts).
 * Persistent storage and unreadable launched files have their words in the profile and importer slices.
 */
export const pwa = area({
  en: {
    'pwa.update.available': 'Update available',
    'pwa.update.detail': 'A new version of Besace is ready. Your badges stay on this device.',
    'pwa.update.reload': 'Reload',
    'pwa.update.later': 'Later',
    'pwa.update.reloading': 'Reloading…',
    'pwa.offline.ready': 'Besace now works offline on this device.',

    'pwa.share.unreadable': 'The shared files did not come through. Share them again, or add them with the file picker.',
    'pwa.share.empty': 'Nothing to add came with this share: share the badge file itself, or its link.',
    'pwa.share.missing':
      'The shared files are no longer there (they were already added, or kept for over an hour). Share them again if they are missing.',

    'pwa.verifier.ABORTED': 'Verification stopped.',
    'pwa.verifier.TIMEOUT': 'Verification took too long and was stopped. The badge could not be checked; try again later.',
    'pwa.verifier.WORKER_FAILED':
      'The verifier stopped unexpectedly, so the badge could not be checked. Reload Besace and try again; nothing was changed.',
    'pwa.verifier.WORKER_UNAVAILABLE':
      'This browser cannot run Besace’s verifier (Web Workers are off or unsupported). Your badges are kept, but cannot be checked here.',
  },
  fr: {
    'pwa.update.available': 'Mise à jour disponible',
    'pwa.update.detail': 'Une nouvelle version de Besace est prête. Vos badges restent sur cet appareil.',
    'pwa.update.reload': 'Recharger',
    'pwa.update.later': 'Plus tard',
    'pwa.update.reloading': 'Rechargement…',
    'pwa.offline.ready': 'Besace fonctionne désormais hors ligne sur cet appareil.',

    'pwa.share.unreadable':
      'Les fichiers partagés ne sont pas arrivés. Partagez-les à nouveau, ou ajoutez-les avec le sélecteur de fichiers.',
    'pwa.share.empty': 'Ce partage ne contenait rien à ajouter : partagez le fichier du badge lui-même, ou son lien.',
    'pwa.share.missing':
      'Les fichiers partagés ne sont plus là (déjà ajoutés, ou gardés plus d’une heure). Partagez-les à nouveau s’il en manque.',

    'pwa.verifier.ABORTED': 'Vérification arrêtée.',
    'pwa.verifier.TIMEOUT': 'La vérification a pris trop de temps et a été arrêtée. Le badge n’a pas pu être vérifié ; réessayez plus tard.',
    'pwa.verifier.WORKER_FAILED':
      'Le vérificateur s’est arrêté de façon inattendue : le badge n’a pas pu être vérifié. Rechargez Besace et réessayez ; rien n’a été modifié.',
    'pwa.verifier.WORKER_UNAVAILABLE':
      'Ce navigateur ne peut pas faire tourner le vérificateur de Besace (Web Workers désactivés ou non pris en charge). Vos badges sont gardés, mais ne peuvent pas être vérifiés ici.',
  },
});
