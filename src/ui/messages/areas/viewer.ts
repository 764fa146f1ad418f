import { area } from './area';

/**
 * Messages of the viewer of a share link (the /view page). Keys start with 'viewer.'.
 * `viewer.error.<code>`: one per ShareErrorCode — what happened, then what to do.
 * Counted messages come in pairs `….one` / `….other` (Intl.PluralRules).
 */
export const viewer = area({
  en: {
    'viewer.title': 'Shared badges',
    'viewer.back': 'My badges',
    'viewer.intro':
      'These badges travel inside the link itself. Besace checks each one here, in your browser. Nothing is kept on this device unless you choose “Add to my backpack”.',

    'viewer.empty.body':
      'This page shows badges that someone shared with you as a link. Open the link you received: the badges it carries appear here, each checked in your browser. Nothing is added to your backpack unless you choose to.',

    'viewer.error.title': 'This link cannot be opened',
    'viewer.error.NOT_A_SHARE_LINK':
      'This is not a Besace share link. Open the link exactly as you received it, or ask the person who sent it to send it again.',
    'viewer.error.UNKNOWN_VERSION':
      'This link was made by a newer version of Besace than the one running here. Reload the page to update Besace (if you installed it as an app, close it and open it again), then open the link again.',
    'viewer.error.MALFORMED':
      'This link is damaged: what it carries cannot be read. Ask the person who sent it to send it again, and copy the whole link when you open it.',
    'viewer.error.TRUNCATED':
      'This link is incomplete: its end is missing, probably cut off when it was copied or sent. Copy the whole link (it is long) and open it again, or ask the person who sent it to send it again.',
    'viewer.error.CORRUPTED':
      'This link was changed on the way: some of its characters differ from the link that was made, so its badges are not shown. Ask the person who sent it to send it again, and copy the whole link.',
    'viewer.error.TOO_LARGE':
      'This link is too large for Besace to open, so it was not read. Ask the person who sent it to share fewer badges in one link.',
    'viewer.error.TOO_MANY_BADGES':
      'This link holds more than {max} badges, more than Besace opens at once, so it was not read. Ask the person who sent it to split them into several links.',

    'viewer.sharedBy': 'Shared by {name} on {date}',
    'viewer.sharedOn': 'Shared on {date}',
    'viewer.sharedUntil': 'Shared until {date}',
    'viewer.ended':
      'This share ended on {date}: the person who shared these badges asked that they no longer be shown after that date. If you still need to see them, ask them for a new link.',

    'viewer.progress': 'Checking {n} of {total}…',
    'viewer.summary': 'Checked in this browser: {list}.',
    'viewer.summary.valid.one': '{count} valid',
    'viewer.summary.valid.other': '{count} valid',
    'viewer.summary.warning.one': '{count} valid with warnings',
    'viewer.summary.warning.other': '{count} valid with warnings',
    'viewer.summary.expired.one': '{count} expired',
    'viewer.summary.expired.other': '{count} expired',
    'viewer.summary.revoked.one': '{count} revoked',
    'viewer.summary.revoked.other': '{count} revoked',
    'viewer.summary.suspended.one': '{count} suspended',
    'viewer.summary.suspended.other': '{count} suspended',
    'viewer.summary.invalid.one': '{count} not valid',
    'viewer.summary.invalid.other': '{count} not valid',
    'viewer.summary.unverified.one': '{count} could not be checked',
    'viewer.summary.unverified.other': '{count} could not be checked',
    'viewer.summary.unchecked.one': '{count} not checked yet',
    'viewer.summary.unchecked.other': '{count} not checked yet',
    'viewer.summary.unreadable.one': '{count} could not be read',
    'viewer.summary.unreadable.other': '{count} could not be read',
    'viewer.checkAgain': 'Check again',
    'viewer.offline':
      'You are offline. Signed badges were checked with what Besace carries with it; badges kept on their issuer’s website need the network, so they show as “could not be verified” for now.',
    'viewer.backOnline': 'You are back online: check again to reach the issuers of these badges.',
    'viewer.checkFailed': 'The badges could not be checked because of an unexpected error. Nothing was changed: try again.',

    'viewer.issuedOn': 'Issued on {date}',
    'viewer.recipient.match': 'Issued to {identity}',
    'viewer.recipient.noMatch': 'Not issued to {identity}: this badge names someone else, or another address of theirs.',
    'viewer.recipient.undisclosed': 'Whom it was issued to is not shown: the person who shared it did not disclose their address.',
    'viewer.recipient.none': 'This badge does not name whom it was issued to.',
    'viewer.evidence.hidden': 'The person who shared this badge chose not to show its evidence.',
    'viewer.checks': 'How this badge was checked',
    'viewer.unreadable': 'Badge {n} could not be read',

    'viewer.add': 'Add to my backpack',
    'viewer.addAll': 'Add them all to my backpack',
    'viewer.adding': 'Adding…',
    'viewer.added': 'Added to your backpack.',
    'viewer.already': 'Already in your backpack.',
    'viewer.open': 'See it in my backpack',
    'viewer.result': '{list}.',
    'viewer.result.added.one': '{count} badge added to your backpack',
    'viewer.result.added.other': '{count} badges added to your backpack',
    'viewer.result.already.one': '{count} was already there',
    'viewer.result.already.other': '{count} were already there',
    'viewer.addFailed': 'The badges could not be added because of an unexpected error. Nothing was changed: try again.',

    'viewer.cli.title': 'Check this link from the command line',
    'viewer.cli.text': 'Besace’s command line checks this link the same way, on a computer. The command:',
  },
  fr: {
    'viewer.title': 'Badges partagés',
    'viewer.back': 'Mes badges',
    'viewer.intro':
      'Ces badges voyagent dans le lien lui-même. Besace vérifie chacun d’eux ici, dans votre navigateur. Rien n’est conservé sur cet appareil, sauf si vous choisissez « Ajouter à ma besace ».',

    'viewer.empty.body':
      'Cette page affiche les badges que quelqu’un vous a partagés sous forme de lien. Ouvrez le lien que vous avez reçu : les badges qu’il contient s’affichent ici, chacun vérifié dans votre navigateur. Rien n’est ajouté à votre besace, sauf si vous le choisissez.',

    'viewer.error.title': 'Ce lien ne peut pas être ouvert',
    'viewer.error.NOT_A_SHARE_LINK':
      'Ce n’est pas un lien de partage Besace. Ouvrez le lien tel que vous l’avez reçu, ou demandez à la personne qui vous l’a envoyé de le renvoyer.',
    'viewer.error.UNKNOWN_VERSION':
      'Ce lien a été créé par une version de Besace plus récente que celle-ci. Rechargez la page pour mettre Besace à jour (si vous l’avez installé comme application, fermez-la puis rouvrez-la), puis ouvrez de nouveau le lien.',
    'viewer.error.MALFORMED':
      'Ce lien est abîmé : son contenu est illisible. Demandez à la personne qui vous l’a envoyé de le renvoyer, et copiez le lien en entier pour l’ouvrir.',
    'viewer.error.TRUNCATED':
      'Ce lien est incomplet : sa fin manque, sans doute coupée lors de la copie ou de l’envoi. Copiez le lien en entier (il est long) et ouvrez-le de nouveau, ou demandez à la personne qui vous l’a envoyé de le renvoyer.',
    'viewer.error.CORRUPTED':
      'Ce lien a été modifié en route : certains caractères diffèrent du lien d’origine, ses badges ne sont donc pas affichés. Demandez à la personne qui vous l’a envoyé de le renvoyer, et copiez le lien en entier.',
    'viewer.error.TOO_LARGE':
      'Ce lien est trop volumineux pour que Besace l’ouvre : il n’a pas été lu. Demandez à la personne qui vous l’a envoyé de partager moins de badges par lien.',
    'viewer.error.TOO_MANY_BADGES':
      'Ce lien contient plus de {max} badges, plus que Besace n’en ouvre à la fois : il n’a pas été lu. Demandez à la personne qui vous l’a envoyé de les répartir sur plusieurs liens.',

    'viewer.sharedBy': 'Partagé par {name} le {date}',
    'viewer.sharedOn': 'Partagé le {date}',
    'viewer.sharedUntil': 'Partagé jusqu’au {date}',
    'viewer.ended':
      'Ce partage a pris fin le {date} : la personne qui a partagé ces badges a demandé qu’ils ne soient plus affichés après cette date. Si vous avez encore besoin de les voir, demandez-lui un nouveau lien.',

    'viewer.progress': 'Vérification de {n} sur {total}…',
    'viewer.summary': 'Vérifiés dans ce navigateur : {list}.',
    'viewer.summary.valid.one': '{count} valide',
    'viewer.summary.valid.other': '{count} valides',
    'viewer.summary.warning.one': '{count} valide avec avertissements',
    'viewer.summary.warning.other': '{count} valides avec avertissements',
    'viewer.summary.expired.one': '{count} expiré',
    'viewer.summary.expired.other': '{count} expirés',
    'viewer.summary.revoked.one': '{count} révoqué',
    'viewer.summary.revoked.other': '{count} révoqués',
    'viewer.summary.suspended.one': '{count} suspendu',
    'viewer.summary.suspended.other': '{count} suspendus',
    'viewer.summary.invalid.one': '{count} non valide',
    'viewer.summary.invalid.other': '{count} non valides',
    'viewer.summary.unverified.one': '{count} n’a pas pu être vérifié',
    'viewer.summary.unverified.other': '{count} n’ont pas pu être vérifiés',
    'viewer.summary.unchecked.one': '{count} pas encore vérifié',
    'viewer.summary.unchecked.other': '{count} pas encore vérifiés',
    'viewer.summary.unreadable.one': '{count} illisible',
    'viewer.summary.unreadable.other': '{count} illisibles',
    'viewer.checkAgain': 'Vérifier à nouveau',
    'viewer.offline':
      'Vous êtes hors ligne. Les badges signés ont été vérifiés avec ce que Besace emporte avec lui ; les badges conservés sur le site de leur émetteur ont besoin du réseau et apparaissent pour l’instant comme « non vérifiables ».',
    'viewer.backOnline': 'Vous êtes de nouveau en ligne : vérifiez à nouveau pour joindre les émetteurs de ces badges.',
    'viewer.checkFailed': 'Les badges n’ont pas pu être vérifiés à cause d’une erreur inattendue. Rien n’a été modifié : réessayez.',

    'viewer.issuedOn': 'Délivré le {date}',
    'viewer.recipient.match': 'Délivré à {identity}',
    'viewer.recipient.noMatch': 'Pas délivré à {identity} : ce badge désigne quelqu’un d’autre, ou une autre adresse de cette personne.',
    'viewer.recipient.undisclosed':
      'Le titulaire n’est pas indiqué : la personne qui a partagé ce badge n’a pas communiqué son adresse.',
    'viewer.recipient.none': 'Ce badge n’indique pas à qui il a été délivré.',
    'viewer.evidence.hidden': 'La personne qui a partagé ce badge a choisi de ne pas en montrer les preuves.',
    'viewer.checks': 'Comment ce badge a été vérifié',
    'viewer.unreadable': 'Le badge {n} est illisible',

    'viewer.add': 'Ajouter à ma besace',
    'viewer.addAll': 'Les ajouter tous à ma besace',
    'viewer.adding': 'Ajout…',
    'viewer.added': 'Ajouté à votre besace.',
    'viewer.already': 'Déjà dans votre besace.',
    'viewer.open': 'Le voir dans ma besace',
    'viewer.result': '{list}.',
    'viewer.result.added.one': '{count} badge ajouté à votre besace',
    'viewer.result.added.other': '{count} badges ajoutés à votre besace',
    'viewer.result.already.one': '{count} y était déjà',
    'viewer.result.already.other': '{count} y étaient déjà',
    'viewer.addFailed': 'Les badges n’ont pas pu être ajoutés à cause d’une erreur inattendue. Rien n’a été modifié : réessayez.',

    'viewer.cli.title': 'Vérifier ce lien en ligne de commande',
    'viewer.cli.text': 'La ligne de commande de Besace vérifie ce lien de la même façon, sur un ordinateur. La commande :',
  },
});
