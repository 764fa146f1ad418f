import { area } from './area';

/**
 * Messages of the storage part of the app. Keys start with 'storage.'.
 * `storage.error.<code>`: one sentence per BackpackErrorCode — what happened, then what to do.
 */
export const storage = area({
  en: {
    'storage.error.QUOTA_EXCEEDED':
      'This device has no more room for Besace, so this change was not saved. Nothing already in your backpack was lost. Free some space on the device, or export your badges and import them again later.',
    'storage.error.DB_BLOCKED':
      'Besace is open in another tab with a different version. Close the other Besace tabs, or reload this page, then try again.',
    'storage.error.DB_UNAVAILABLE':
      'Your browser will not let Besace store badges here (private browsing or disabled site storage). Open Besace in a normal window, or allow site storage, then reload the page.',
    'storage.error.BAD_BACKUP':
      'This file is not a Besace backup, or it is damaged, so nothing was restored and your backpack is unchanged. Choose the .zip file that Besace exported, as it was saved.',
    'storage.error.BACKUP_TOO_NEW':
      'This backup was made by a newer version of Besace, so nothing was restored. Reload Besace to get the latest version, then restore it again.',
    'storage.error.NOT_FOUND':
      'This badge is no longer in your backpack (it may have been removed in another tab). Go back to your badges to see what is there now.',
    'storage.updatedElsewhere':
      'Besace was updated in another tab. Reload this page to keep working; nothing in your backpack was lost.',
  },
  fr: {
    'storage.error.QUOTA_EXCEEDED':
      "Cet appareil n'a plus de place pour Besace : cette modification n'a pas été enregistrée. Rien de ce qui était déjà dans votre besace n'a été perdu. Libérez de l'espace sur l'appareil, ou exportez vos badges pour les importer à nouveau plus tard.",
    'storage.error.DB_BLOCKED':
      'Besace est ouvert dans un autre onglet, dans une autre version. Fermez les autres onglets Besace, ou rechargez cette page, puis réessayez.',
    'storage.error.DB_UNAVAILABLE':
      "Votre navigateur ne permet pas à Besace d'enregistrer des badges ici (navigation privée ou stockage des sites désactivé). Ouvrez Besace dans une fenêtre normale, ou autorisez le stockage pour ce site, puis rechargez la page.",
    'storage.error.BAD_BACKUP':
      "Ce fichier n'est pas une sauvegarde Besace, ou il est endommagé : rien n'a été restauré et votre besace n'a pas changé. Choisissez le fichier .zip exporté par Besace, tel qu'il a été enregistré.",
    'storage.error.BACKUP_TOO_NEW':
      "Cette sauvegarde a été faite par une version plus récente de Besace : rien n'a été restauré. Rechargez Besace pour obtenir la dernière version, puis restaurez-la à nouveau.",
    'storage.error.NOT_FOUND':
      "Ce badge n'est plus dans votre besace (il a peut-être été retiré dans un autre onglet). Revenez à vos badges pour voir ce qui s'y trouve maintenant.",
    'storage.updatedElsewhere':
      "Besace a été mis à jour dans un autre onglet. Rechargez cette page pour continuer ; rien n'a été perdu dans votre besace.",
  },
});
