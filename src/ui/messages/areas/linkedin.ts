import { area } from './area';

/**
 * Messages of the badge page's "Show and share" section: the badge's own link, LinkedIn's "Add to
 * profile" and its fields to copy. Keys start with 'linkedin.'. The field names are LinkedIn's own
 * (its English and French forms), so that the earner finds them on LinkedIn's page.
 */
export const linkedin = area({
  en: {
    'linkedin.title': 'Show and share',
    'linkedin.intro':
      'Share this badge on its own. The link carries the badge itself: whoever opens it sees the badge checked in their own browser. Nothing is sent to a server.',

    'linkedin.link.title': 'Link to this badge',
    'linkedin.link.privacy': 'Anyone who has this link can see this badge, and nothing else: not your name, not your other badges.',
    'linkedin.link.length.one': 'The link is {count} character long.',
    'linkedin.link.length.other': 'The link is {count} characters long.',
    'linkedin.link.copy': 'Copy link',
    'linkedin.link.copied': 'Link copied.',
    'linkedin.link.manual': 'The link is selected: press Ctrl+C (⌘+C on a Mac) to copy it.',
    'linkedin.link.present': 'Show QR code (interview mode)',

    'linkedin.add.title': 'Add it to your LinkedIn profile',
    'linkedin.add.button': 'Add to LinkedIn profile',
    'linkedin.add.newTab': '(opens LinkedIn in a new tab)',
    'linkedin.add.explain':
      'LinkedIn opens its “Add license or certification” form, filled in with this badge when LinkedIn accepts to. Its “Credential URL” is the link above: anyone who opens it from your profile sees the badge checked.',
    'linkedin.add.long':
      'This link is {count} characters long: LinkedIn may cut it. If LinkedIn’s “Credential URL” field is empty or cut short, copy the link above and paste it into that field by hand.',

    'linkedin.steps.title': 'Step by step',
    'linkedin.steps.open': 'Open LinkedIn with the “Add to LinkedIn profile” button (sign in if LinkedIn asks you to).',
    'linkedin.steps.check': 'Check the name and the issuing organization LinkedIn shows.',
    'linkedin.steps.fill': 'If LinkedIn left a field empty, copy it from the list below with its “Copy” button and paste it in.',
    'linkedin.steps.org': 'In “Issuing organization”, choose the issuer in the list LinkedIn suggests as you type, so that its logo appears next to the badge.',
    'linkedin.steps.save': 'Save.',

    'linkedin.fields.title': 'The fields, to copy',
    'linkedin.fields.explain': 'LinkedIn no longer promises to fill in its form from other sites. When a field stays empty, copy it from here.',
    'linkedin.field.name': 'Name',
    'linkedin.field.organization': 'Issuing organization',
    'linkedin.field.issued': 'Issue date',
    'linkedin.field.expires': 'Expiration date',
    'linkedin.field.certId': 'Credential ID',
    'linkedin.field.certUrl': 'Credential URL',
    'linkedin.field.none': 'Not given by the badge',
    'linkedin.field.noExpiry': 'Does not expire',
    'linkedin.field.copy': 'Copy',
    'linkedin.field.copyLabel': 'Copy {label}',
    'linkedin.field.copied': 'Copied',
    'linkedin.field.manual': 'Selected: press Ctrl+C (⌘+C on a Mac)',

    'linkedin.tips.title': 'Good to know',
    'linkedin.tips.dates':
      'LinkedIn asks for a month and a year. Besace gives the month as LinkedIn counts it (January is 1) and in universal time (UTC), so that it matches the badge. If a date still looks a month off, correct it by hand from the list above.',
    'linkedin.tips.mobile': 'LinkedIn’s mobile app sometimes fills in the wrong organization. Check it before saving, or add the badge from a computer.',
    'linkedin.tips.idUrl':
      '“Credential ID” is the badge’s own identifier; “Credential URL” is the link that shows the badge. Keep them apart: the URL is what lets people check your badge.',
    'linkedin.tips.logo':
      'The issuer’s logo appears only when LinkedIn knows which page is theirs: pick it in LinkedIn’s list, or give its page id below.',

    'linkedin.org.title': 'The issuer’s LinkedIn page (optional)',
    'linkedin.org.explain':
      'With the issuer’s LinkedIn page id, the button links that page, and LinkedIn shows its logo. It is kept on this device and used for every badge from this issuer.',
    'linkedin.org.label': 'LinkedIn page id of {issuer}',
    'linkedin.org.hint':
      'Digits only: the number in the address of the issuer’s LinkedIn page as its administrators see it, for example 12345678 in linkedin.com/company/12345678/admin. Ask the issuer if you cannot find it.',
    'linkedin.org.save': 'Save page id',
    'linkedin.org.current': 'Page id in use: {id}',
    'linkedin.org.remove': 'Remove page id',
    'linkedin.org.saved': 'Page id saved: the button now links the LinkedIn page of {issuer}.',
    'linkedin.org.removed': 'Page id removed: the button gives the organization’s name again.',
    'linkedin.org.error.empty': 'The box is empty: type the page id (digits only), then press “Save page id”.',
    'linkedin.org.error.digits': 'A LinkedIn page id is made of digits only, for example 12345678. Copy just the number from the page’s address.',
    'linkedin.org.error.tooLong': 'This number is too long to be a LinkedIn page id. Check what you pasted.',
    'linkedin.org.error.save': 'The page id could not be saved. Try again.',
  },
  fr: {
    'linkedin.title': 'Montrer et partager',
    'linkedin.intro':
      'Partagez ce badge seul. Le lien contient le badge lui-même : qui l’ouvre voit le badge vérifié dans son propre navigateur. Rien n’est envoyé à un serveur.',

    'linkedin.link.title': 'Lien vers ce badge',
    'linkedin.link.privacy': 'Toute personne qui a ce lien peut voir ce badge, et rien d’autre : ni votre nom, ni vos autres badges.',
    'linkedin.link.length.one': 'Le lien fait {count} caractère.',
    'linkedin.link.length.other': 'Le lien fait {count} caractères.',
    'linkedin.link.copy': 'Copier le lien',
    'linkedin.link.copied': 'Lien copié.',
    'linkedin.link.manual': 'Le lien est sélectionné : appuyez sur Ctrl+C (⌘+C sur Mac) pour le copier.',
    'linkedin.link.present': 'Afficher le QR code (mode entretien)',

    'linkedin.add.title': 'L’ajouter à votre profil LinkedIn',
    'linkedin.add.button': 'Ajouter au profil LinkedIn',
    'linkedin.add.newTab': '(ouvre LinkedIn dans un nouvel onglet)',
    'linkedin.add.explain':
      'LinkedIn ouvre son formulaire « Ajouter une licence ou une certification », rempli avec ce badge quand LinkedIn l’accepte. Son « URL du diplôme » est le lien ci-dessus : qui l’ouvre depuis votre profil voit le badge vérifié.',
    'linkedin.add.long':
      'Ce lien fait {count} caractères : LinkedIn risque de le couper. Si le champ « URL du diplôme » de LinkedIn est vide ou coupé, copiez le lien ci-dessus et collez-le vous-même dans ce champ.',

    'linkedin.steps.title': 'Pas à pas',
    'linkedin.steps.open': 'Ouvrez LinkedIn avec le bouton « Ajouter au profil LinkedIn » (connectez-vous si LinkedIn vous le demande).',
    'linkedin.steps.check': 'Vérifiez le nom et l’organisme de délivrance qu’affiche LinkedIn.',
    'linkedin.steps.fill': 'Si LinkedIn a laissé un champ vide, copiez-le dans la liste ci-dessous avec son bouton « Copier », puis collez-le.',
    'linkedin.steps.org':
      'Dans « Organisme de délivrance », choisissez l’émetteur dans la liste que LinkedIn propose pendant la saisie : son logo apparaîtra alors à côté du badge.',
    'linkedin.steps.save': 'Enregistrez.',

    'linkedin.fields.title': 'Les champs, à copier',
    'linkedin.fields.explain': 'LinkedIn ne garantit plus de remplir son formulaire depuis d’autres sites. Quand un champ reste vide, copiez-le d’ici.',
    'linkedin.field.name': 'Nom',
    'linkedin.field.organization': 'Organisme de délivrance',
    'linkedin.field.issued': 'Date d’émission',
    'linkedin.field.expires': 'Date d’expiration',
    'linkedin.field.certId': 'ID du diplôme',
    'linkedin.field.certUrl': 'URL du diplôme',
    'linkedin.field.none': 'Non indiqué par le badge',
    'linkedin.field.noExpiry': 'N’expire pas',
    'linkedin.field.copy': 'Copier',
    'linkedin.field.copyLabel': 'Copier « {label} »',
    'linkedin.field.copied': 'Copié',
    'linkedin.field.manual': 'Sélectionné : appuyez sur Ctrl+C (⌘+C sur Mac)',

    'linkedin.tips.title': 'Bon à savoir',
    'linkedin.tips.dates':
      'LinkedIn demande un mois et une année. Besace donne le mois comme LinkedIn le compte (janvier = 1) et en temps universel (UTC), pour qu’il corresponde au badge. Si une date semble tout de même décalée d’un mois, corrigez-la à la main d’après la liste ci-dessus.',
    'linkedin.tips.mobile':
      'L’application mobile de LinkedIn remplit parfois le mauvais organisme. Vérifiez-le avant d’enregistrer, ou ajoutez le badge depuis un ordinateur.',
    'linkedin.tips.idUrl':
      '« ID du diplôme » est l’identifiant propre du badge ; « URL du diplôme » est le lien qui montre le badge. Ne les intervertissez pas : c’est l’URL qui permet de vérifier votre badge.',
    'linkedin.tips.logo':
      'Le logo de l’émetteur n’apparaît que si LinkedIn sait quelle page est la sienne : choisissez-la dans la liste de LinkedIn, ou indiquez son identifiant de page ci-dessous.',

    'linkedin.org.title': 'La page LinkedIn de l’émetteur (facultatif)',
    'linkedin.org.explain':
      'Avec l’identifiant de la page LinkedIn de l’émetteur, le bouton renvoie à cette page et LinkedIn affiche son logo. Il reste sur cet appareil et sert pour tous les badges de cet émetteur.',
    'linkedin.org.label': 'Identifiant de la page LinkedIn de {issuer}',
    'linkedin.org.hint':
      'Des chiffres seulement : le nombre dans l’adresse de la page LinkedIn de l’émetteur telle que ses administrateurs la voient, par exemple 12345678 dans linkedin.com/company/12345678/admin. Demandez-le à l’émetteur si vous ne le trouvez pas.',
    'linkedin.org.save': 'Enregistrer l’identifiant',
    'linkedin.org.current': 'Identifiant utilisé : {id}',
    'linkedin.org.remove': 'Retirer l’identifiant',
    'linkedin.org.saved': 'Identifiant enregistré : le bouton renvoie maintenant à la page LinkedIn de {issuer}.',
    'linkedin.org.removed': 'Identifiant retiré : le bouton donne de nouveau le nom de l’organisme.',
    'linkedin.org.error.empty': 'La case est vide : tapez l’identifiant de la page (des chiffres seulement), puis appuyez sur « Enregistrer l’identifiant ».',
    'linkedin.org.error.digits':
      'Un identifiant de page LinkedIn ne contient que des chiffres, par exemple 12345678. Copiez seulement le nombre qui figure dans l’adresse de la page.',
    'linkedin.org.error.tooLong': 'Ce nombre est trop long pour être un identifiant de page LinkedIn. Vérifiez ce que vous avez collé.',
    'linkedin.org.error.save': 'L’identifiant n’a pas pu être enregistré. Réessayez.',
  },
});
