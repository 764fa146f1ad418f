import { area } from './area';

/**
 * Messages of the importer part of the app. Keys start with 'importer.'.
 * Counted messages come in pairs `….one` / `….other`, picked with Intl.PluralRules (in French,
 * 0 and 1 take the singular).
 */
export const importer = area({
  en: {
    'importer.panel.title': 'Add badges',
    'importer.panel.intro':
      'Give Besace the badges you received: the PNG or SVG image the issuer sent you, a badge file (JSON, JWS, JWT), or the badge’s link. Each one is checked and shown to you before anything is saved.',
    'importer.panel.whichFile.title': 'Which file is the badge?',
    'importer.panel.whichFile':
      'It is the image attached to the issuer’s e-mail, or the one behind a “Download” or “Export” button on their site. A screenshot, or a picture saved with right-click from a web page, holds no badge. On an iPhone or iPad, save the badge to Files, not to Photos: Photos removes the badge data.',
    'importer.file.label': 'Choose badge files',
    'importer.file.hint': 'PNG or SVG images, JSON, JWS or JWT files. You can choose several at once.',
    'importer.text.label': 'Or paste a badge link, JSON, JWS or JWT',
    'importer.text.hint': 'One badge, or several links (one per line).',
    'importer.text.add': 'Add',
    'importer.text.empty': 'The box is empty: paste a badge link or badge data into it, then press Add.',
    'importer.pasteHint':
      'You can also drop files anywhere on this window, or paste a file or a link with Ctrl+V (⌘V on a Mac) anywhere in Besace.',

    'importer.drop.overlay': 'Drop your badges here',
    'importer.drop.overlayHint': 'PNG, SVG, JSON, JWS or JWT files, or a badge link. Nothing is saved before you have seen them.',
    'importer.drop.folders.one': 'A folder was left out: folders cannot be added as such. Open it and drop the badge files themselves.',
    'importer.drop.folders.other':
      '{count} folders were left out: folders cannot be added as such. Open them and drop the badge files themselves.',
    'importer.drop.unreadable.one':
      'One file could not be read. If it is stored in the cloud, download it to this device first, then add it again.',
    'importer.drop.unreadable.other':
      '{count} files could not be read. If they are stored in the cloud, download them to this device first, then add them again.',
    'importer.drop.nothing': 'Nothing that could be a badge was dropped. Drop badge files (PNG, SVG, JSON, JWS, JWT) or a badge link.',
    'importer.notice.dismiss': 'Dismiss',

    'importer.dialog.title': 'Adding badges',
    'importer.dialog.checking': 'Checking {done} of {total}…',
    'importer.dialog.checked': 'Checked: {summary}.',
    'importer.count.new.one': '{count} new',
    'importer.count.new.other': '{count} new',
    'importer.count.duplicate.one': '{count} already in your backpack',
    'importer.count.duplicate.other': '{count} already in your backpack',
    'importer.count.notBadge.one': '{count} not a badge',
    'importer.count.notBadge.other': '{count} not badges',
    'importer.count.invalid.one': '{count} not valid',
    'importer.count.invalid.other': '{count} not valid',
    'importer.list.label': 'What was found',

    'importer.status.new': 'New',
    'importer.status.duplicate.same-file': 'Already in your backpack (same file)',
    'importer.status.duplicate.same-credential': 'Already in your backpack (same badge)',
    'importer.status.duplicate.newer': 'Newer copy of a badge you have',
    'importer.status.not-a-badge': 'Not a badge',
    'importer.status.invalid': 'Not valid',
    'importer.item.issuedBy': 'Issued by {issuer}',
    'importer.item.unnamedFile': 'File without a name',
    'importer.item.pastedLink': 'Pasted link: {url}',
    'importer.item.pastedText': 'Pasted text: {preview}',
    'importer.item.verdict': 'Check: {verdict}.',
    'importer.item.duplicate.same-file': 'You added this very file before. It will not be added twice.',
    'importer.item.duplicate.same-credential':
      'You already have this badge, from another copy of it. It will not be added twice.',
    'importer.item.duplicate.newer':
      'The issuer has issued this badge again: this copy is newer. It will be added beside the one you have, which you can remove afterwards.',
    'importer.item.invalid':
      '{reason} It will not be added unless you tick “Keep anyway”. You can ask the issuer for a corrected badge.',
    'importer.keepAnyway': 'Keep anyway',

    'importer.accept.one': 'Add {count} badge',
    'importer.accept.other': 'Add {count} badges',
    'importer.accept.nothing': 'There is nothing new to add. Close this window, or add other files.',
    'importer.accepting': 'Adding…',
    'importer.cancel': 'Cancel',
    'importer.backup.found': 'This file is a Besace backup, not a badge. Restore it? Its badges are added to yours; nothing here is deleted or overwritten.',
    'importer.backup.restore': 'Restore',
    'importer.close': 'Close',
    'importer.seeBadges': 'See my badges',
    'importer.cancelled': 'Import cancelled. Nothing was added.',
    'importer.done.added.one': '{count} badge added to your backpack.',
    'importer.done.added.other': '{count} badges added to your backpack.',
    'importer.done.merged.one': '{count} badge you already had was updated.',
    'importer.done.merged.other': '{count} badges you already had were updated.',
    'importer.error.kept': 'Nothing was lost: the list is still here, so you can press “Add” again once that is sorted out.',
    'importer.error.accept':
      'Besace could not add these badges because of an unexpected error. Nothing was changed: press “Add” to try again, and report the problem if it happens again.',
    'importer.error.stage':
      'Besace could not check these files because of an unexpected error. Nothing was changed: try again, and report the problem if it happens again.',
  },
  fr: {
    'importer.panel.title': 'Ajouter des badges',
    'importer.panel.intro':
      'Confiez à Besace les badges que vous avez reçus : l’image PNG ou SVG envoyée par l’émetteur, un fichier de badge (JSON, JWS, JWT) ou le lien du badge. Chacun est vérifié et vous est montré avant que rien ne soit enregistré.',
    'importer.panel.whichFile.title': 'Quel fichier est le badge ?',
    'importer.panel.whichFile':
      'C’est l’image jointe à l’e-mail de l’émetteur, ou celle que donne un bouton « Télécharger » ou « Exporter » sur son site. Une capture d’écran, ou une image enregistrée par clic droit depuis une page web, ne contient aucun badge. Sur iPhone ou iPad, enregistrez le badge dans Fichiers, pas dans Photos : Photos efface les données du badge.',
    'importer.file.label': 'Choisir des fichiers de badges',
    'importer.file.hint': 'Images PNG ou SVG, fichiers JSON, JWS ou JWT. Vous pouvez en choisir plusieurs à la fois.',
    'importer.text.label': 'Ou collez un lien de badge, du JSON, un JWS ou un JWT',
    'importer.text.hint': 'Un badge, ou plusieurs liens (un par ligne).',
    'importer.text.add': 'Ajouter',
    'importer.text.empty': 'La zone est vide : collez-y un lien ou les données d’un badge, puis appuyez sur Ajouter.',
    'importer.pasteHint':
      'Vous pouvez aussi déposer des fichiers n’importe où sur cette fenêtre, ou coller un fichier ou un lien avec Ctrl+V (⌘V sur Mac) n’importe où dans Besace.',

    'importer.drop.overlay': 'Déposez vos badges ici',
    'importer.drop.overlayHint':
      'Fichiers PNG, SVG, JSON, JWS ou JWT, ou un lien de badge. Rien n’est enregistré avant que vous les ayez vus.',
    'importer.drop.folders.one':
      'Un dossier a été laissé de côté : un dossier ne peut pas être ajouté tel quel. Ouvrez-le et déposez les fichiers de badges eux-mêmes.',
    'importer.drop.folders.other':
      '{count} dossiers ont été laissés de côté : un dossier ne peut pas être ajouté tel quel. Ouvrez-les et déposez les fichiers de badges eux-mêmes.',
    'importer.drop.unreadable.one':
      'Un fichier n’a pas pu être lu. S’il est stocké dans le cloud, téléchargez-le d’abord sur cet appareil, puis ajoutez-le à nouveau.',
    'importer.drop.unreadable.other':
      '{count} fichiers n’ont pas pu être lus. S’ils sont stockés dans le cloud, téléchargez-les d’abord sur cet appareil, puis ajoutez-les à nouveau.',
    'importer.drop.nothing':
      'Rien de ce qui a été déposé ne peut être un badge. Déposez des fichiers de badges (PNG, SVG, JSON, JWS, JWT) ou un lien de badge.',
    'importer.notice.dismiss': 'Fermer',

    'importer.dialog.title': 'Ajout de badges',
    'importer.dialog.checking': 'Vérification de {done} sur {total}…',
    'importer.dialog.checked': 'Vérifié : {summary}.',
    'importer.count.new.one': '{count} nouveau',
    'importer.count.new.other': '{count} nouveaux',
    'importer.count.duplicate.one': '{count} déjà dans votre besace',
    'importer.count.duplicate.other': '{count} déjà dans votre besace',
    'importer.count.notBadge.one': '{count} n’est pas un badge',
    'importer.count.notBadge.other': '{count} ne sont pas des badges',
    'importer.count.invalid.one': '{count} non valide',
    'importer.count.invalid.other': '{count} non valides',
    'importer.list.label': 'Ce qui a été trouvé',

    'importer.status.new': 'Nouveau',
    'importer.status.duplicate.same-file': 'Déjà dans votre besace (même fichier)',
    'importer.status.duplicate.same-credential': 'Déjà dans votre besace (même badge)',
    'importer.status.duplicate.newer': 'Copie plus récente d’un badge que vous avez',
    'importer.status.not-a-badge': 'Pas un badge',
    'importer.status.invalid': 'Non valide',
    'importer.item.issuedBy': 'Émis par {issuer}',
    'importer.item.unnamedFile': 'Fichier sans nom',
    'importer.item.pastedLink': 'Lien collé : {url}',
    'importer.item.pastedText': 'Texte collé : {preview}',
    'importer.item.verdict': 'Vérification : {verdict}.',
    'importer.item.duplicate.same-file': 'Vous avez déjà ajouté ce fichier. Il ne sera pas ajouté deux fois.',
    'importer.item.duplicate.same-credential':
      'Vous avez déjà ce badge, depuis une autre copie. Il ne sera pas ajouté deux fois.',
    'importer.item.duplicate.newer':
      'L’émetteur a délivré ce badge à nouveau : cette copie est plus récente. Elle sera ajoutée à côté de celle que vous avez, que vous pourrez retirer ensuite.',
    'importer.item.invalid':
      '{reason} Il ne sera pas ajouté, sauf si vous cochez « Garder quand même ». Vous pouvez demander un badge corrigé à l’émetteur.',
    'importer.keepAnyway': 'Garder quand même',

    'importer.accept.one': 'Ajouter {count} badge',
    'importer.accept.other': 'Ajouter {count} badges',
    'importer.accept.nothing': 'Il n’y a rien de nouveau à ajouter. Fermez cette fenêtre, ou ajoutez d’autres fichiers.',
    'importer.accepting': 'Ajout en cours…',
    'importer.cancel': 'Annuler',
    'importer.backup.found': 'Ce fichier est une sauvegarde de Besace, pas un badge. La restaurer ? Ses badges s’ajoutent aux vôtres ; rien n’est supprimé ni écrasé ici.',
    'importer.backup.restore': 'Restaurer',
    'importer.close': 'Fermer',
    'importer.seeBadges': 'Voir mes badges',
    'importer.cancelled': 'Ajout annulé. Rien n’a été ajouté.',
    'importer.done.added.one': '{count} badge ajouté à votre besace.',
    'importer.done.added.other': '{count} badges ajoutés à votre besace.',
    'importer.done.merged.one': '{count} badge que vous aviez déjà a été mis à jour.',
    'importer.done.merged.other': '{count} badges que vous aviez déjà ont été mis à jour.',
    'importer.error.kept':
      'Rien n’est perdu : la liste est toujours là, vous pourrez appuyer de nouveau sur « Ajouter » une fois le problème réglé.',
    'importer.error.accept':
      'Besace n’a pas pu ajouter ces badges à cause d’une erreur inattendue. Rien n’a été modifié : appuyez sur « Ajouter » pour réessayer, et signalez le problème s’il se reproduit.',
    'importer.error.stage':
      'Besace n’a pas pu vérifier ces fichiers à cause d’une erreur inattendue. Rien n’a été modifié : réessayez, et signalez le problème s’il se reproduit.',
  },
});
