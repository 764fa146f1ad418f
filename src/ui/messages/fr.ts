import type { EagerCatalogue } from './en';
import { shell } from './areas/shell';
import { library } from './areas/library';
import { importer } from './areas/importer';
import { profile } from './areas/profile';
import { pwa } from './areas/pwa';
import { storage } from './areas/storage';

/** Catalogue français. Mêmes clés que en.ts, vérifiées par le compilateur et par un test. */
const base = {
  'app.name': 'Besace',
  'app.tagline': 'Vos Open Badges, conservés et vérifiés sur votre appareil.',
  'app.intro':
    'Besace garde les badges numériques que vous avez obtenus — bénévolat, sport, impression 3D, une compétence universitaire —, vérifie qu’ils sont authentiques et vous aide à les montrer sur un CV, sur LinkedIn ou en entretien.',
  'app.privacy':
    'Tout reste sur cet appareil : pas de compte, pas de serveur à nous. Rien ne sort sans que vous choisissiez de le partager.',
  'app.versions': 'Lit les Open Badges 1.x, 2.0 et 3.0 intégrés dans des images PNG et SVG, en JSON, JWS et JWT.',
  'app.comingSoon': 'Le sac à badges lui-même arrive : importer, vérifier et partager vos badges.',
  'lang.label': 'Langue',
  'lang.en': 'English',
  'lang.fr': 'Français',

  'extract.error.EMPTY': 'Ce fichier est vide. Téléchargez à nouveau le badge depuis l’e-mail ou le site où vous l’avez reçu.',
  'extract.error.NOT_AN_IMAGE':
    'Ce n’est pas un badge : ni une image de badge (PNG, SVG), ni un fichier de badge (JSON, JWS, JWT, lien). Vérifiez que vous avez choisi le bon fichier.',
  'extract.error.UNSUPPORTED_IMAGE':
    'Cette image ne contient aucun badge : c’est un fichier {format} (une photo ou une capture d’écran, par exemple). Les badges sont des images PNG ou SVG — téléchargez l’original depuis l’e-mail ou le site de l’émetteur.',
  'extract.error.UNBAKED_IMAGE':
    'Cette image {format} ne contient pas de données de badge. C’est peut-être seulement l’illustration du badge, ou une copie dont les données ont été effacées (Photos sur iOS le fait). Téléchargez à nouveau le badge depuis l’e-mail ou le site de l’émetteur.',
  'extract.error.CORRUPT_PNG':
    'Ce fichier PNG est abîmé ({reason}) : son badge ne peut pas être lu. Téléchargez-le à nouveau auprès de l’émetteur.',
  'extract.error.CORRUPT_SVG':
    'Ce fichier SVG est mal formé ({reason}) : son badge ne peut pas être lu. Téléchargez-le à nouveau auprès de l’émetteur.',
  'extract.error.CUSTOM_ENTITY':
    'Ce SVG utilise une entité XML (&{name};) dans son badge. Par sécurité, Besace ne développe jamais les entités. Demandez à l’émetteur un fichier de badge standard.',
  'extract.error.TOO_LARGE': 'Ce fichier est trop gros pour être un badge ({what} au-delà de {limit} octets). Vérifiez que vous avez choisi le bon fichier.',
  'extract.error.INFLATE_FAILED':
    'Le badge contenu dans cette image est compressé et abîmé ({reason}). Téléchargez-le à nouveau auprès de l’émetteur.',
  'extract.error.BAD_PAYLOAD':
    'Les données du badge de ce fichier sont illisibles ({reason}). Téléchargez à nouveau le badge auprès de l’émetteur, ou collez plutôt son lien.',
  'extract.error.INTERNAL': 'Besace n’a pas pu lire ce fichier à cause d’une erreur interne. Rien n’a été modifié. Merci de la signaler.',
  'extract.warning.COMPRESSED_ITXT': 'Les données du badge sont compressées, ce que les règles d’intégration Open Badges interdisent ; elles ont tout de même été lues.',
  'extract.warning.ZTXT_CHUNK': 'Les données du badge sont dans un bloc zTXt compressé, non prévu par les règles d’intégration ; elles ont tout de même été lues.',
  'extract.warning.TEXT_CHUNK_URL': 'Un badge à l’ancienne (avant 2013) : l’image ne contient que le lien du badge, qui doit être vérifié en ligne.',
  'extract.warning.TEXT_CHUNK': 'Les données du badge sont dans un bloc tEXt au lieu d’iTXt ; elles ont tout de même été lues.',
  'extract.warning.DUPLICATE_BADGE_CHUNK': 'L’image contient {count} blocs de badge, ce qui est interdit ; le premier a été utilisé.',
  'extract.warning.BOTH_KEYWORDS': 'L’image contient à la fois un badge Open Badges 3.0 et un badge plus ancien ; celui en 3.0 a été utilisé.',
  'extract.warning.PNG_DAMAGED_AFTER_BADGE': 'L’image est abîmée après les données du badge ({reason}) ; le badge lui-même a été lu intact.',
  'extract.warning.DUPLICATE_BADGE_ELEMENT': 'Le SVG contient {count} éléments de badge, ce qui est interdit ; le premier a été utilisé.',
  'extract.warning.BOTH_NAMESPACES': 'Le SVG contient à la fois un badge Open Badges 3.0 et un badge plus ancien ; celui en 3.0 a été utilisé.',
  'extract.warning.UNEXPECTED_ELEMENT_NAME': 'L’élément de badge du SVG s’appelle « {found} » au lieu de « {expected} » ; il a tout de même été lu.',
  'extract.warning.NONSTANDARD_PREFIX': 'L’élément de badge du SVG utilise le préfixe « {prefix} » au lieu de « openbadges » ; certains outils ne le trouveront pas.',
  'extract.warning.SVG_BODY_IGNORED': 'L’élément de badge du SVG a à la fois un attribut verify et un contenu ; l’attribut a été utilisé.',
  'extract.warning.VERSION_MISMATCH': 'L’image est marquée Open Badges {container} mais le badge qu’elle contient ressemble à du {payload}.',
  'extract.warning.URL_IN_OB3': 'Une image Open Badges 3.0 contient un lien, ce que la version 3.0 ne prévoit pas.',
  'bake.error.UNSUPPORTED_IMAGE': 'Seules les images PNG et SVG peuvent porter un badge (celle-ci est {format}).',
  'bake.error.CORRUPT_PNG': 'Ce fichier PNG est abîmé ({reason}) ; choisissez une autre image.',
  'bake.error.CORRUPT_SVG': 'Ce fichier SVG est mal formé ({reason}) ; choisissez une autre image.',
  'bake.error.BAD_PAYLOAD': 'Ces données de badge ne peuvent pas être intégrées ({reason}). Utilisez le JSON, le JWS ou le JWT d’un badge, ou le lien d’une assertion.',
  'bake.error.VERSION_MISMATCH': 'Le badge est en Open Badges {payload} mais {requested} a été demandé.',
  'bake.error.SVG_PREFIX_CONFLICT': 'Ce SVG utilise déjà le préfixe « openbadges » pour {namespace} ; il ne peut pas porter de badge sans risque.',
  'bake.error.CUSTOM_ENTITY': 'Ce SVG utilise des entités XML personnalisées, que Besace ne développe jamais ; choisissez une autre image.',
  'bake.error.TOO_LARGE': 'Ce badge est trop gros pour être intégré à une image (plus de {limit} octets).',
  'bake.error.INTERNAL': 'Besace n’a pas pu intégrer ce badge à cause d’une erreur interne. Merci de la signaler.',
  'cli.help': `Besace — conserver, vérifier et montrer des Open Badges (1.x, 2.0, 3.0). Rien ne quitte votre
machine, sauf quand une commande doit vérifier un badge auprès de son émetteur.

Usage : npm run cli -- <commande> [arguments] [options]

Commandes :
  extract FICHIER…                 Affiche le badge contenu dans chaque fichier, un objet JSON par ligne :
                                   {"input","container","obVersionHint","payloadKind","payload","warnings"}
                                   ou {"input","error":{"code","message"}}. FICHIER peut être « - » (entrée standard).
                                   Code de sortie 0 si tout a été extrait, 1 sinon.
  bake IMAGE FICHIER_BADGE -o SORTIE
                                   Intègre un badge (JSON, JWS/JWT ou URL d’assertion, lu dans FICHIER_BADGE)
                                   dans une image PNG ou SVG, écrite dans SORTIE.
                                   --ob-version 2.0|3.0  impose la version d’intégration (par défaut : celle du badge)
  verify ENTRÉE… [options]         Vérifie des badges : chaque ENTRÉE est un fichier (tout ce qu’extract lit),
                                   une URL, ou « - » (entrée standard). Les options vont avant ou après les entrées.
                                   --recipient EMAIL|URL   une de vos identités, pour vérifier que le badge est
                                                           bien le vôtre (répétable)
                                   --documents TABLE.tsv   répond aux requêtes avec des fichiers locaux : un TSV
                                                           dont les deux premières colonnes sont l’url et un chemin
                                                           relatif au dossier du TSV, avec une ligne d’en-tête ;
                                                           toute autre requête est refusée
                                   --now DATE-ISO          vérifie à cette date (expiration, validité)
                                   --offline               n’utilise jamais le réseau (les contrôles qui en ont
                                                           besoin le disent)
                                   --json                  un objet JSON par entrée et par ligne :
                                     {"input","verdict","badge":{"name","issuer":{"id","name"},"issuedOn",
                                      "expires","obVersion","proof"},"checks":[{"id","status","code","params",
                                      "message"}]}
                                   verdict : valid | warning | invalid | unverified. Code de sortie 0 si chaque
                                   verdict est valid ou warning, 1 sinon.
  share ENTRÉE… [options]          Crée un lien de partage qui contient les badges eux-mêmes (dans le
                                   #fragment du lien, que les navigateurs n’envoient jamais à un serveur).
                                   Affiche le lien.
                                   --title TEXTE           un titre pour l’ensemble partagé
                                   --base URL              l’adresse de Besace que le lien ouvre
                                                           (par défaut http://localhost:4173/)
                                   --qr SORTIE.png|SORTIE.svg  écrit aussi le lien en QR code (correction M)
                                   --json                  affiche {"url","bytes","qr":{"version","errorCorrection"}} ;
                                                           "qr" vaut null si le lien est trop long pour un QR code
  open LIEN|FICHIER [options]      Vérifie chaque badge d’un lien de partage, affiché comme par verify,
                                   nommé LINK#0, LINK#1… ; FICHIER : une collection téléchargée depuis
                                   l’application (….besace-share.txt). Accepte --documents, --now, --offline,
                                   --recipient et --json de verify ; l’adresse divulguée par la personne
                                   qui partage, s’il y en a une, s’ajoute aux destinataires. Un partage
                                   terminé est signalé sur stderr. Code de sortie 0 si chaque verdict est
                                   valid ou warning, 1 sinon (ou si le lien n’est pas un lien de partage valide).
  linkedin ENTRÉE [options]        Vérifie un badge, puis affiche le lien LinkedIn « Ajouter au profil »
                                   (nom, émetteur, mois d’émission et d’expiration, identifiant).
                                   --cert-url URL          la page publique où le badge peut être vérifié
                                   Accepte aussi --documents, --now, --offline. Code de sortie 1 si invalide.
  help [COMMANDE]                  Affiche cette aide.

Options de toutes les commandes :
  --lang en|fr                     Langue des messages (par défaut : selon LANG, sinon anglais).
  -h, --help                       Affiche cette aide.`,
  'cli.error.usage': '{detail} Lancez « npm run cli -- --help » pour l’usage.',
  'cli.error.unknownCommand': 'Commande inconnue « {command} ». Lancez « npm run cli -- --help » pour la liste.',
  'cli.error.NOT_FOUND': 'Fichier introuvable : {detail}. Vérifiez le chemin.',
  'cli.error.IS_A_DIRECTORY': '{detail} est un dossier, pas un fichier. Nommez les fichiers qu’il contient (par ex. {detail}/*.png).',
  'cli.error.UNREADABLE': 'Impossible de lire {detail}. Vérifiez les droits du fichier.',
  'cli.error.writeFailed': 'Impossible d’écrire {path} : {detail}.',
  'cli.share.error': 'Impossible de créer le lien de partage : {code}. Partagez moins de badges, ou de plus petits.',
  'cli.share.noQr': 'Le lien ({bytes} octets) est trop long pour un QR code : aucun QR code créé. Partagez moins de badges, ou le lien lui-même.',
  'cli.open.error': 'Ce n’est pas un lien de partage que Besace sait ouvrir ({code}). Vérifiez que le lien a été copié en entier.',
  'cli.open.ended': 'La personne qui a partagé ce lien l’a fait expirer le {date} : le partage est terminé. Les badges sont tout de même vérifiés ci-dessous.',
  'cli.linkedin.refused': 'Ce badge n’a pas passé la vérification : aucun lien LinkedIn créé.',
  'cli.linkedin.unverified': 'Ce badge n’a pas pu être vérifié pour l’instant ; le lien reprend ce que le badge indique.',
  'cli.baked': 'Badge Open Badges {version} intégré dans {path} ({bytes} octets).',
  // <checks> verification: verdicts, check titles, one sentence per check code
  'verdict.valid': "Valide",
  'verdict.warning': "Valide, avec des avertissements",
  'verdict.invalid': "Non valide",
  'verdict.unverified': "Non vérifiable",
  'check.id.parse': "Lecture",
  'check.id.version': "Version",
  'check.id.fetch': "Copie hébergée",
  'check.id.scope': "Hébergement",
  'check.id.context': "Contexte",
  'check.id.type': "Type",
  'check.id.schema': "Structure",
  'check.id.image': "Image",
  'check.id.signature': "Signature",
  'check.id.issuerKey': "Clé de l’émetteur",
  'check.id.status': "Révocation",
  'check.id.validFrom': "Date de délivrance",
  'check.id.expiry': "Expiration",
  'check.id.recipient': "Titulaire",
  'check.id.endorsements': "Recommandations",
  'check.ok.localCopy': "Votre exemplaire : {message}",
  'check.ok.noExpiry': "N’expire jamais.",
  'check.ok.parse': "Le badge a pu être lu.",
  'check.ok.version': "Version Open Badges reconnue.",
  'check.ok.fetch': "Le serveur de l’émetteur confirme ce badge.",
  'check.ok.scope': "Le badge est hébergé là où son émetteur héberge ses badges.",
  'check.ok.context': "Suit le vocabulaire du standard.",
  'check.ok.type': "Se déclare comme un Open Badge.",
  'check.ok.schema': "A tous les champs obligatoires, bien formés.",
  'check.ok.image': "Ses images respectent les règles.",
  'check.ok.signature': "La signature correspond : le badge n’a pas été modifié depuis sa délivrance.",
  'check.ok.issuerKey': "L’émetteur confirme que la clé de signature est la sienne.",
  'check.ok.status': "Non révoqué, selon l’émetteur.",
  'check.ok.validFrom': "Déjà valide (sa date de délivrance est passée).",
  'check.ok.expiry': "Non expiré.",
  'check.ok.recipient': "Délivré à votre nom.",
  'check.ok.endorsements': "Ses recommandations sont valides.",
  'check.code.OK': "Vérifié : tout est en ordre.",
  'check.code.NOT_CHECKED': "Non vérifié.",
  'check.code.NOT_APPLICABLE': "Rien à vérifier ici.",
  'check.code.OFFLINE': "Vérification impossible : cet appareil est hors ligne. Réessayez une fois connecté.",
  'check.code.CORS_BLOCKED': "Vérification impossible : le navigateur n’a pas eu le droit de lire la réponse de l’émetteur (son serveur ne l’autorise pas, CORS). La ligne de commande peut le vérifier.",
  'check.code.TIMEOUT': "Vérification impossible : le serveur de l’émetteur a mis trop de temps à répondre. Réessayez plus tard.",
  'check.code.ISSUER_UNREACHABLE': "Vérification impossible : le serveur de l’émetteur est injoignable. Réessayez plus tard.",
  'check.code.HTTP_ERROR': "Vérification impossible : le serveur de l’émetteur a répondu par une erreur.",
  'check.code.NOT_FOUND': "Le serveur de l’émetteur indique que ce document n’existe pas (404).",
  'check.code.RESPONSE_TOO_LARGE': "Vérification impossible : la réponse de l’émetteur est trop volumineuse.",
  'check.code.INSECURE_URL': "Refusé : cette adresse n’est pas sécurisée (http au lieu de https).",
  'check.code.INSECURE_HTTP': "Vérifié par une connexion non sécurisée (http) : quelqu’un sur le réseau aurait pu modifier la réponse.",
  'check.code.BAD_URL': "Cette adresse n’est pas un lien web valide.",
  'check.code.NOT_IN_DOCUMENT_MAP': "Non vérifié : l’adresse ne figure pas dans la table de documents hors ligne.",
  'check.code.BAD_JSON': "Les données du badge ne sont pas du JSON valide.",
  'check.code.BAD_JWS': "Le badge signé (JWS/JWT) est mal formé.",
  'check.code.NOT_A_BADGE': "Ce n’est pas un badge que Besace sait lire.",
  'check.code.UNKNOWN_VERSION': "La version Open Badges de ce badge n’est pas reconnue.",
  'check.code.UPGRADED_FROM_0_5': "Un badge Open Badges 0.5, lu comme un 2.0.",
  'check.code.UPGRADED_FROM_1_0': "Un badge Open Badges 1.0, lu comme un 2.0.",
  'check.code.UPGRADED_FROM_1_1': "Un badge Open Badges 1.1, lu comme un 2.0.",
  'check.code.VERSION_MISMATCH': "Les éléments du badge ne s’accordent pas sur sa version.",
  'check.code.TOO_DEEP': "Les données du badge sont trop imbriquées pour être lues sans risque.",
  'check.code.ID_MISMATCH': "Le serveur de l’émetteur donne à ce badge une autre adresse que celle demandée.",
  'check.code.LOCAL_COPY_DIFFERS': "Votre exemplaire de ce badge diffère de celui que l’émetteur héberge ; l’exemplaire de l’émetteur a été vérifié, et les défauts du vôtre sont aussi indiqués. Téléchargez à nouveau le badge.",
  'check.code.OUT_OF_SCOPE': "Le badge n’est pas hébergé là où son émetteur dit héberger ses badges.",
  'check.code.ISSUER_NOT_HTTP': "L’émetteur n’est pas identifié par une adresse web : le lieu d’hébergement du badge ne peut pas être contrôlé.",
  'check.code.CONTEXT_MISSING': "Un contexte JSON-LD obligatoire manque : le badge ne suit pas le standard.",
  'check.code.CONTEXT_ALIAS': "Le badge utilise un ancien nom d’un contexte standard (accepté).",
  'check.code.CONTEXT_OUTDATED': "Le badge utilise une version plus ancienne du standard (acceptée).",
  'check.code.CONTEXT_UNKNOWN_REMOTE': "Le badge dépend d’un fichier de définitions que Besace ne connaît pas et ne téléchargera pas, par sécurité.",
  'check.code.CONTEXT_UNAVAILABLE': "Vérification impossible : un fichier dont Besace a besoin pour ce type de badge n’a pas pu être chargé. Connectez-vous une fois et réessayez.",
  'check.code.JSONLD_ERROR': "Les données du badge ne peuvent pas être interprétées sans risque (erreur JSON-LD).",
  'check.code.TYPE_MISSING': "Le badge n’indique pas quel type de document il est.",
  'check.code.TYPE_INVALID': "Le badge n’est pas du type attendu.",
  'check.code.PROPERTY_MISSING': "Un champ obligatoire manque.",
  'check.code.PROPERTY_INVALID': "Un champ a une valeur que le standard n’autorise pas.",
  'check.code.SUBJECT_INVALID': "La partie décrivant le titulaire est mal formée.",
  'check.code.ISSUER_INVALID': "La description de l’émetteur est mal formée.",
  'check.code.EVIDENCE_INVALID': "Les preuves sont mal formées.",
  'check.code.SCHEMA_ERROR': "Le badge ne respecte pas son schéma.",
  'check.code.SCHEMA_UNAVAILABLE': "Un schéma auquel le badge renvoie n’a pas pu être lu.",
  'check.code.DATA_URI_NOT_ALLOWED': "Une image intégrée est utilisée là où le standard exige un lien.",
  'check.code.IMAGE_UNAVAILABLE': "L’image du badge n’a pas pu être récupérée.",
  'check.code.TAMPERED': "La signature ne correspond pas : le badge a été modifié après sa délivrance.",
  'check.code.ALG_NOT_ALLOWED': "Refusé : le badge est signé avec une méthode sans protection ou non autorisée.",
  'check.code.KEY_NOT_FOUND': "La clé qui a signé le badge est introuvable.",
  'check.code.KEY_INVALID': "La clé fournie pour ce badge est inutilisable (ou expose une clé privée).",
  'check.code.KEY_UNREACHABLE': "Vérification impossible : la clé de l’émetteur n’a pas pu être récupérée.",
  'check.code.VERIFICATION_METHOD_INVALID': "Le badge désigne sa clé de signature d’une façon inutilisable.",
  'check.code.UNKNOWN_DID_METHOD': "La clé du badge utilise un type d’identifiant (méthode DID) que Besace ne prend pas en charge.",
  'check.code.DID_UNRESOLVABLE': "Le document d’identité de l’émetteur (DID) est introuvable.",
  'check.code.UNSUPPORTED_PROOF': "Non vérifié : ce badge est signé avec une méthode que Besace ne prend pas encore en charge.",
  'check.code.DEPRECATED_CRYPTOSUITE': "Signé avec une méthode ancienne et dépréciée (encore acceptée).",
  'check.code.NO_PROOF': "Le badge ne porte aucune signature.",
  'check.code.PROOF_PURPOSE_INVALID': "La signature n’a pas été faite pour délivrer des attestations.",
  'check.code.CLAIMS_MISMATCH': "L’enveloppe signée et le badge qu’elle contient ne concordent pas.",
  'check.code.HEADER_INVALID': "L’en-tête de la signature contient des champs que le standard n’autorise pas (accepté).",
  'check.code.KEY_NOT_CONFIRMED': "La signature est valide, mais l’émetteur ne confirme pas que cette clé est la sienne.",
  'check.code.KEY_OWNERSHIP_MISMATCH': "La clé de signature n’appartient pas à l’émetteur.",
  'check.code.CONTROLLER_MISMATCH': "La clé de signature est contrôlée par quelqu’un d’autre que l’émetteur.",
  'check.code.REVOKED': "L’émetteur a révoqué ce badge.",
  'check.code.SUSPENDED': "L’émetteur a suspendu ce badge.",
  'check.code.NO_STATUS': "L’émetteur ne publie pas de liste de révocation pour ce badge.",
  'check.code.STATUS_UNREACHABLE': "Impossible de vérifier si le badge a été révoqué : la liste de l’émetteur n’a pas pu être lue.",
  'check.code.STATUS_LIST_INVALID': "Impossible de vérifier si le badge a été révoqué : la liste de l’émetteur n’est pas valide.",
  'check.code.STATUS_INDEX_OUT_OF_RANGE': "Le badge pointe hors de la liste de révocation de son émetteur.",
  'check.code.STATUS_TYPE_UNSUPPORTED': "L’émetteur utilise un type de liste de révocation que Besace ne prend pas en charge.",
  'check.code.EXPIRED': "Le badge a expiré. Il reste authentique, mais n’est plus en cours de validité.",
  'check.code.NOT_YET_VALID': "Le badge est daté dans le futur : il n’est pas encore valide.",
  'check.code.EXPIRES_BEFORE_ISSUED': "Le badge expire avant d’avoir été délivré.",
  'check.code.BAD_DATE': "Une date du badge est illisible.",
  'check.code.RECIPIENT_MATCH': "Délivré à votre nom.",
  'check.code.RECIPIENT_NO_MATCH': "Délivré à quelqu’un d’autre, ou à une adresse que vous n’avez pas ajoutée à votre profil.",
  'check.code.RECIPIENT_UNKNOWN_TYPE': "Le badge désigne son titulaire d’une façon que Besace ne sait pas comparer.",
  'check.code.NO_IDENTITIES': "Ajoutez vos adresses e-mail à votre profil pour vérifier que ce badge est bien le vôtre.",
  'check.code.ENDORSEMENTS_VALID': "Ses recommandations sont valides.",
  'check.code.ENDORSEMENT_INVALID': "Certaines de ses recommandations n’ont pas pu être vérifiées.",
  'check.code.NO_ENDORSEMENTS': "Aucune recommandation.",
  'check.code.NOT_AN_OPEN_BADGE': "C’est une attestation vérifiable, mais pas un Open Badge.",
  'check.code.INTERNAL_ERROR': "Besace a rencontré une erreur interne pendant cette vérification. Rien n’a été modifié. Merci de la signaler.",
  // </checks>
};

/** Le catalogue français chargé avec l’application : la base ci-dessus et les tranches des parties du premier écran (voir en.ts). */
export const fr: EagerCatalogue = {
  ...base,
  ...shell.fr,
  ...library.fr,
  ...importer.fr,
  ...profile.fr,
  ...pwa.fr,
  ...storage.fr,
};
