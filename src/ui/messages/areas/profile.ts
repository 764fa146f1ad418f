import { area } from './area';

/**
 * Messages of the profile part of the app. Keys start with 'profile.'.
 * Counted messages come in pairs `….one` / `….other` (Intl.PluralRules).
 */
export const profile = area({
  en: {
    'profile.title': 'Your profile',
    'profile.intro': 'Everything on this page stays on this device. Nothing is sent anywhere.',

    'profile.identities.title': 'Your e-mail and web addresses',
    'profile.identities.explain':
      'A badge names the person it was issued to, usually by an e-mail address (sometimes hidden as a code). Add every address an issuer may have used — old school or work addresses too — so that Besace can tell which badges are yours. This list never leaves this device.',
    'profile.identities.listLabel': 'Your addresses',
    'profile.identities.empty': 'No address yet. Start with the e-mail address your badges were sent to.',
    'profile.identities.label': 'E-mail address, web address or other identifier',
    'profile.identities.hint': 'For example alex@example.org, https://example.org/alex or a phone number such as +33612345678.',
    'profile.identities.add': 'Add address',
    'profile.identities.remove': 'Remove',
    'profile.identities.removeLabel': 'Remove {value}',
    'profile.identities.added': '{value} added. Your badges are compared with it the next time they are checked.',
    'profile.identities.removed': '{value} removed.',
    'profile.identities.kind.email': 'E-mail',
    'profile.identities.kind.url': 'Web address',
    'profile.identities.kind.other': 'Other identifier',
    'profile.identities.error.empty': 'The box is empty: type an e-mail address or a web address, then press “Add address”.',
    'profile.identities.error.email': 'This e-mail address looks incomplete. Check it: it should look like name@example.org.',
    'profile.identities.error.url': 'This web address cannot be read. Check it: it should look like https://example.org/you.',
    'profile.identities.error.scheme': 'Only web addresses starting with https:// or http:// can be added. Copy the address from your browser’s address bar.',
    'profile.identities.error.noScheme': 'Write the web address in full, starting with https:// (for example https://{value}), then press “Add address”.',
    'profile.identities.error.spaces': 'An identifier cannot contain spaces. Remove them, then press “Add address”.',
    'profile.identities.error.tooLong': 'This is too long to be an address (more than {max} characters). Check what you pasted.',
    'profile.identities.error.duplicate': '{value} is already in your list.',

    'profile.name.title': 'Your name',
    'profile.name.label': 'Display name',
    'profile.name.note':
      'Only shown if you choose to share it later, for example with a collection of badges. It is not used to check your badges.',
    'profile.name.save': 'Save name',
    'profile.name.saved': 'Name saved.',
    'profile.name.cleared': 'Name removed.',

    'profile.lang.title': 'Language',
    'profile.lang.browser': 'Same as the browser ({lang})',
    'profile.lang.saved': 'Language changed.',

    'profile.storage.title': 'Storage on this device',
    'profile.storage.persisted': 'Kept permanently: the browser will not delete your badges to free up space.',
    'profile.storage.notPersisted':
      'Not kept permanently: if this device runs short of space, the browser may delete Besace’s data. Ask the browser to keep it, and download a backup from time to time.',
    'profile.storage.unsupported':
      'This browser does not say whether it keeps your badges permanently. Download a backup from time to time to be safe.',
    'profile.storage.checking': 'Checking storage…',
    'profile.storage.ask': 'Ask the browser to keep my badges',
    'profile.storage.granted': 'Done: the browser will keep your badges.',
    'profile.storage.denied':
      'The browser did not agree this time (browsers often decide by how much you use a site; installing Besace as an app helps). Download a backup from time to time to be safe.',
    'profile.storage.usage': '{used} used of {quota} available to Besace.',
    'profile.storage.usageUnknown': 'This browser does not say how much space Besace uses.',

    'profile.backup.title': 'Backup',
    'profile.backup.explain':
      'One file with all your badges (the original files), their check history, your addresses and settings. Keep it somewhere safe: anyone who has it can see your badges.',
    'profile.backup.export': 'Download a backup',
    'profile.backup.exporting': 'Preparing the backup…',
    'profile.backup.exported': 'Backup downloaded as {file}. Keep it somewhere safe, for example on another device.',
    'profile.backup.restoreLabel': 'Restore from a backup file',
    'profile.backup.restoreHint': 'The badges in the backup are added to those already here; nothing is deleted or overwritten.',
    'profile.backup.restoring': 'Restoring…',
    'profile.backup.added.one': '{count} badge added',
    'profile.backup.added.other': '{count} badges added',
    'profile.backup.merged.one': '{count} merged',
    'profile.backup.merged.other': '{count} merged',
    'profile.backup.identities.one': '{count} address added',
    'profile.backup.identities.other': '{count} addresses added',
    'profile.backup.collections.one': '{count} collection added',
    'profile.backup.collections.other': '{count} collections added',
    'profile.backup.restored': 'Backup restored: {summary}.',
    'profile.backup.nothingNew': 'Backup read: everything in it was already here, so nothing changed.',
    'profile.backup.error.export':
      'The backup could not be prepared because of an unexpected error. Nothing was changed: try again, and report the problem if it happens again.',
    'profile.backup.error.restore':
      'The backup could not be restored because of an unexpected error. Nothing was changed: try again, and report the problem if it happens again.',
    'profile.backup.error.unreadable': 'This file could not be read. If it is stored in the cloud, download it to this device first, then try again.',

    'profile.remove.title': 'Removing Besace and its data',
    'profile.remove.text':
      'Besace keeps everything in this browser, on this device, and nowhere else. To remove it: first download a backup if you want to keep your badges; then, in your browser’s settings for this site, clear its data (often called “Delete data” or “Clear storage”); if you installed Besace as an app, uninstall it too.',

    'profile.error.save': 'This could not be saved because of an unexpected error. Nothing was changed: try again.',
    'profile.error.load': 'Your profile could not be read. Reload the page; if it keeps happening, download a backup and report the problem.',
  },
  fr: {
    'profile.title': 'Votre profil',
    'profile.intro': 'Tout ce qui se trouve sur cette page reste sur cet appareil. Rien n’est envoyé nulle part.',

    'profile.identities.title': 'Vos adresses e-mail et web',
    'profile.identities.explain':
      'Un badge désigne la personne à qui il a été délivré, le plus souvent par une adresse e-mail (parfois cachée sous forme de code). Ajoutez toutes les adresses qu’un émetteur a pu utiliser — anciennes adresses d’école ou de travail comprises — pour que Besace reconnaisse vos badges. Cette liste ne quitte jamais cet appareil.',
    'profile.identities.listLabel': 'Vos adresses',
    'profile.identities.empty': 'Aucune adresse pour l’instant. Commencez par l’adresse e-mail à laquelle vos badges ont été envoyés.',
    'profile.identities.label': 'Adresse e-mail, adresse web ou autre identifiant',
    'profile.identities.hint': 'Par exemple alex@example.org, https://example.org/alex ou un numéro de téléphone comme +33612345678.',
    'profile.identities.add': 'Ajouter l’adresse',
    'profile.identities.remove': 'Retirer',
    'profile.identities.removeLabel': 'Retirer {value}',
    'profile.identities.added': '{value} ajoutée. Vos badges seront comparés avec elle lors de leur prochaine vérification.',
    'profile.identities.removed': '{value} retirée.',
    'profile.identities.kind.email': 'E-mail',
    'profile.identities.kind.url': 'Adresse web',
    'profile.identities.kind.other': 'Autre identifiant',
    'profile.identities.error.empty': 'La zone est vide : tapez une adresse e-mail ou web, puis appuyez sur « Ajouter l’adresse ».',
    'profile.identities.error.email': 'Cette adresse e-mail semble incomplète. Vérifiez-la : elle doit ressembler à nom@example.org.',
    'profile.identities.error.url': 'Cette adresse web est illisible. Vérifiez-la : elle doit ressembler à https://example.org/vous.',
    'profile.identities.error.scheme':
      'Seules les adresses web commençant par https:// ou http:// peuvent être ajoutées. Copiez l’adresse depuis la barre d’adresse de votre navigateur.',
    'profile.identities.error.noScheme':
      'Écrivez l’adresse web en entier, en commençant par https:// (par exemple https://{value}), puis appuyez sur « Ajouter l’adresse ».',
    'profile.identities.error.spaces': 'Un identifiant ne peut pas contenir d’espaces. Retirez-les, puis appuyez sur « Ajouter l’adresse ».',
    'profile.identities.error.tooLong': 'C’est trop long pour une adresse (plus de {max} caractères). Vérifiez ce que vous avez collé.',
    'profile.identities.error.duplicate': '{value} est déjà dans votre liste.',

    'profile.name.title': 'Votre nom',
    'profile.name.label': 'Nom affiché',
    'profile.name.note':
      'Affiché seulement si vous choisissez plus tard de le partager, par exemple avec une collection de badges. Il ne sert pas à vérifier vos badges.',
    'profile.name.save': 'Enregistrer le nom',
    'profile.name.saved': 'Nom enregistré.',
    'profile.name.cleared': 'Nom retiré.',

    'profile.lang.title': 'Langue',
    'profile.lang.browser': 'Celle du navigateur ({lang})',
    'profile.lang.saved': 'Langue modifiée.',

    'profile.storage.title': 'Stockage sur cet appareil',
    'profile.storage.persisted': 'Conservé durablement : le navigateur ne supprimera pas vos badges pour libérer de la place.',
    'profile.storage.notPersisted':
      'Pas conservé durablement : si cet appareil manque de place, le navigateur peut effacer les données de Besace. Demandez au navigateur de les garder, et téléchargez une sauvegarde de temps en temps.',
    'profile.storage.unsupported':
      'Ce navigateur n’indique pas s’il conserve vos badges durablement. Téléchargez une sauvegarde de temps en temps par prudence.',
    'profile.storage.checking': 'Vérification du stockage…',
    'profile.storage.ask': 'Demander au navigateur de garder mes badges',
    'profile.storage.granted': 'C’est fait : le navigateur gardera vos badges.',
    'profile.storage.denied':
      'Le navigateur n’a pas accepté cette fois (il décide souvent selon votre usage du site ; installer Besace comme application aide). Téléchargez une sauvegarde de temps en temps par prudence.',
    'profile.storage.usage': '{used} utilisés sur {quota} disponibles pour Besace.',
    'profile.storage.usageUnknown': 'Ce navigateur n’indique pas la place qu’occupe Besace.',

    'profile.backup.title': 'Sauvegarde',
    'profile.backup.explain':
      'Un seul fichier avec tous vos badges (les fichiers d’origine), l’historique de leurs vérifications, vos adresses et vos réglages. Gardez-le en lieu sûr : quiconque l’a peut voir vos badges.',
    'profile.backup.export': 'Télécharger une sauvegarde',
    'profile.backup.exporting': 'Préparation de la sauvegarde…',
    'profile.backup.exported': 'Sauvegarde téléchargée sous le nom {file}. Gardez-la en lieu sûr, par exemple sur un autre appareil.',
    'profile.backup.restoreLabel': 'Restaurer depuis un fichier de sauvegarde',
    'profile.backup.restoreHint': 'Les badges de la sauvegarde s’ajoutent à ceux déjà présents ; rien n’est supprimé ni écrasé.',
    'profile.backup.restoring': 'Restauration…',
    'profile.backup.added.one': '{count} badge ajouté',
    'profile.backup.added.other': '{count} badges ajoutés',
    'profile.backup.merged.one': '{count} fusionné',
    'profile.backup.merged.other': '{count} fusionnés',
    'profile.backup.identities.one': '{count} adresse ajoutée',
    'profile.backup.identities.other': '{count} adresses ajoutées',
    'profile.backup.collections.one': '{count} collection ajoutée',
    'profile.backup.collections.other': '{count} collections ajoutées',
    'profile.backup.restored': 'Sauvegarde restaurée : {summary}.',
    'profile.backup.nothingNew': 'Sauvegarde lue : tout ce qu’elle contient était déjà là, rien n’a changé.',
    'profile.backup.error.export':
      'La sauvegarde n’a pas pu être préparée à cause d’une erreur inattendue. Rien n’a été modifié : réessayez, et signalez le problème s’il se reproduit.',
    'profile.backup.error.restore':
      'La sauvegarde n’a pas pu être restaurée à cause d’une erreur inattendue. Rien n’a été modifié : réessayez, et signalez le problème s’il se reproduit.',
    'profile.backup.error.unreadable':
      'Ce fichier n’a pas pu être lu. S’il est stocké dans le cloud, téléchargez-le d’abord sur cet appareil, puis réessayez.',

    'profile.remove.title': 'Supprimer Besace et ses données',
    'profile.remove.text':
      'Besace garde tout dans ce navigateur, sur cet appareil, et nulle part ailleurs. Pour le supprimer : téléchargez d’abord une sauvegarde si vous voulez garder vos badges ; puis, dans les réglages de votre navigateur pour ce site, effacez ses données (souvent « Supprimer les données » ou « Effacer le stockage ») ; si vous avez installé Besace comme application, désinstallez-la aussi.',

    'profile.error.save': 'Impossible d’enregistrer à cause d’une erreur inattendue. Rien n’a été modifié : réessayez.',
    'profile.error.load': 'Votre profil n’a pas pu être lu. Rechargez la page ; si cela se reproduit, téléchargez une sauvegarde et signalez le problème.',
  },
});
