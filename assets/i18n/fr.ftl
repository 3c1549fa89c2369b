# Français (fr). Traduit de en.ftl par un traducteur IA (Claude), message par message,
# en suivant le guide de style du produit (/work/shared/UX.md, « How we talk ») : vouvoiement,
# phrases courtes, chaque mot technique expliqué, étapes dans les termes du fichier de l'utilisateur.
# Vérifié par les tests automatiques de tests/i18n.rs (mêmes identifiants, mêmes variables,
# chaque message se met en forme), puis relu pour la cohérence de la terminologie.
# Terminologie : sign in = « s'identifier », sign-in = « identification » (« se connecter » seulement pour
# un webmail ou un site ; signed out = « déconnecté ») ; password = « mot de passe »
# (app password = « mot de passe d'application ») ; server = « serveur » (mail server = « serveur
# de messagerie ») ; secure/encrypted connection = « connexion chiffrée » ; mailbox = « boîte mail » ;
# record = « enregistrement DNS » ; look-up = « requête DNS » ; keyring = « trousseau du système » ;
# access token = « jeton d'accès » ; receivers = « les messageries destinataires » ; spam = « spams ».
# Restent en anglais : mots entre backticks, noms d'attributs et de fichiers, SMTP, STARTTLS, TLS,
# DNS, SPF, DKIM, DMARC, noms de produits, options de ligne de commande.
# Boutons : Send test email = « Envoyer un e-mail de test » ; test again = « relancer le test ».

## src/arrive/dkim.rs

receivers-can-check-the-signature-79253611 = Les messageries destinataires peuvent vérifier la signature que { $provider } ajoute à vos messages : `{ $name }` pointe vers `{ $target }`.
receivers-can-check-the-signature-de564560 = Les messageries destinataires peuvent vérifier la signature que { $provider } ajoute à vos messages : `{ $name }` contient la clé.
dkim-is-a-signature-the-803894e2 = DKIM est une signature que le serveur d'envoi ajoute à chaque message ; les messageries destinataires la vérifient avec une clé publiée dans le DNS de votre domaine.
provider-signs-with-the-selectors-fc53fd77 = { $provider } signe avec les sélecteurs { $selectors }, mais aucune clé pour { $domain } n'y a été trouvée : sa signature ne peut donc pas compter pour votre domaine, et vos messages risquent davantage d'arriver dans les spams.
provider-signs-with-the-selector-a5266169 = { $provider } signe avec le sélecteur { $selector }, mais aucune clé pour { $domain } n'y a été trouvée : sa signature ne peut donc pas compter pour votre domaine, et vos messages risquent davantage d'arriver dans les spams.
switch-on-dkim-for-domain-788c832b = Activez DKIM pour { $domain } dans { $provider } ({ $place }) et ajoutez l'enregistrement { $record_type } indiqué (et de même pour les autres sélecteurs) ; l'enregistrement ci-dessous en montre la forme.
switch-on-dkim-for-domain-929c2534 = Activez DKIM pour { $domain } dans { $provider } ({ $place }) et ajoutez l'enregistrement { $record_type } indiqué ; l'enregistrement ci-dessous en montre la forme.
domain-does-not-publish-provider-6ab37a2b = { $domain } ne publie pas la clé DKIM de { $provider }
provider-s-dkim-key-is-4ce44b77 = La clé DKIM de { $provider } est publiée pour { $domain }
dkim-not-checked-4291ed12 = DKIM non vérifié
we-do-not-know-which-d85e6cbc = Nous ne savons pas avec quel sélecteur DKIM { $server } signe : nous n'avons donc pas pu vérifier si sa clé est publiée pour { $domain }. Demandez au fournisseur s'il signe vos messages avec DKIM (une signature que les messageries destinataires vérifient avec une clé dans le DNS de votre domaine) et quel enregistrement ajouter.

## src/arrive/dmarc.rs

dmarc-tells-receivers-what-to-e721a5e3 = DMARC indique aux messageries destinataires quoi faire des messages qui se disent envoyés par { $domain } mais ne passent ni SPF ni DKIM pour ce domaine.
its-policy-is-p-reject-ce967681 = Sa règle est `p=reject` : ces messages sont refusés.
its-policy-is-p-quarantine-2a69dd62 = Sa règle est `p=quarantine` : ces messages vont dans les spams.
its-policy-is-p-none-01a9d2cb = Sa règle est `p=none` : ces messages sont seulement signalés.
domain-has-a-dmarc-policy-735612a7 = { $domain } a une règle DMARC : { $policy }
dmarc-of-domain-will-reject-c398e1d1 = Le DMARC de { $domain } fera refuser ce message
the-dmarc-policy-of-domain-35b9cbc4 = La règle DMARC de { $domain } indique `p=reject`, et ni SPF ni DKIM ne passeront pour { $domain } via ce serveur : les messageries destinataires refuseront donc les messages de votre site.
dmarc-of-domain-will-quarantine-6ef31cf6 = Le DMARC de { $domain } enverra ce message dans les spams
the-dmarc-policy-of-domain-eabc6562 = La règle DMARC de { $domain } indique `p=quarantine`, et ni SPF ni DKIM ne passeront pour { $domain } via ce serveur : les messageries destinataires mettront donc les messages de votre site dans les spams.
fix-spf-or-dkim-first-42d5b01c = Corrigez d'abord SPF ou DKIM (voir plus haut) ; seulement si ce n'est pas possible rapidement, assouplissez la règle en `p=none` avec l'enregistrement ci-dessous.
domain-has-no-dmarc-record-49974c46 = { $domain } n'a pas d'enregistrement DMARC
dmarc-is-a-dns-record-4d3d6942 = DMARC est un enregistrement DNS qui indique aux messageries destinataires quoi faire des messages qui échouent aux vérifications SPF et DKIM de votre domaine. Gmail et Yahoo demandent à tout domaine qui envoie beaucoup de messages d'en publier un, et les messages des domaines qui n'en ont pas inspirent moins confiance. Ajoutez l'enregistrement TXT ci-dessous à `{ $name }` : `p=none` ne change rien pour vos messages et demande seulement aux messageries destinataires de les vérifier.
the-dmarc-record-of-domain-98955b46 = L'enregistrement DMARC de { $domain } contient une erreur
the-dmarc-record-at-name-da80e0f7 = L'enregistrement DMARC à `{ $name }` est `{ $record }`, que les messageries destinataires ne savent pas lire : elles l'ignorent donc. Remplacez-le par l'enregistrement ci-dessous et partez de celui-ci.

## src/arrive/freemail.rs

provider-sends-its-own-addresses-879d096b = { $provider } envoie ses propres adresses
the-from-address-is-at-67fb0fdc = L'adresse `from` est chez { $domain } et le message passe par le propre serveur de { $provider } ({ $host }), qui le signe pour { $domain } : il n'y a rien à ajouter dans aucun DNS.
a-domain-address-cannot-be-27101620 = Une adresse { $domain } ne peut pas être envoyée via { $server }
the-from-address-is-at-4eca8930 = L'adresse `from` est chez { $domain }, qui appartient à { $provider }. Son DNS (que vous ne pouvez pas modifier) demande à toutes les messageries destinataires de refuser ou de jeter les messages de { $domain } qui ne passent pas par les propres serveurs de { $provider } : les messages envoyés via { $server } sont donc refusés par Gmail, Yahoo, Outlook.com et d'autres. Mettez dans `from` une adresse de votre propre domaine, et configurez le SPF et le DKIM de ce domaine pour { $server }.

## src/arrive/model.rs

likely-to-arrive-5f0e6d11 = Devrait arriver
likely-to-land-in-spam-a5ce4d7f = Risque d'arriver dans les spams
will-be-rejected-by-gmail-6299af51 = Sera refusé par Gmail et d'autres

## src/arrive/request.rs

given-is-not-an-email-d634334b = « { $given } » n'est pas une adresse e-mail dont nous pouvons vérifier le domaine ; indiquez-en une comme --from site@example.com

## src/arrive/server.rs

your-mail-server-13d9fcfc = votre serveur de messagerie

## src/arrive/spf.rs

the-spf-record-needs-count-5dedf6d1 = L'enregistrement SPF demande { $count } requêtes DNS ; la limite est de 10
receiving-servers-stop-checking-an-be2111cf = Les serveurs destinataires arrêtent de vérifier un enregistrement SPF après 10 requêtes DNS (chaque `include:`, `a`, `mx`, `ptr`, `exists` et `redirect=` compte, y compris dans les enregistrements inclus), puis considèrent la vérification comme échouée. L'enregistrement de { $domain } en demande { $count }. Retirez les entrées `include:` des services que vous n'utilisez plus pour envoyer, ou remplacez `a` et `mx` par les adresses `ip4:` qu'ils représentent.
a-look-up-timed-out-13157fc5 = une requête DNS a expiré ou le serveur DNS a échoué
the-spf-record-of-domain-67804a0e = L'enregistrement SPF de { $domain } (la liste des serveurs autorisés à envoyer ses messages) cite { $server } via `include:{ $include }`, l'entrée de { $provider } : les messageries destinataires verront donc que ce serveur a le droit d'envoyer pour vous.
the-spf-record-of-domain-0b5c4f92 = L'enregistrement SPF de { $domain } (la liste des serveurs autorisés à envoyer ses messages) cite { $server } : les messageries destinataires verront donc que ce serveur a le droit d'envoyer pour vous.
spf-allows-server-to-send-8afd0a77 = SPF autorise { $server } à envoyer pour { $domain }
domain-has-no-spf-record-1cb5b594 = { $domain } n'a pas d'enregistrement SPF
an-spf-record-is-a-cb1c9d74 = Un enregistrement SPF est une ligne dans le DNS de votre domaine qui liste les serveurs autorisés à envoyer des messages pour lui. { $domain } n'en a pas : Gmail, Outlook.com et d'autres ne peuvent donc pas distinguer les messages de votre site d'une contrefaçon, et les mettent dans les spams ou les refusent. Ajoutez l'enregistrement TXT ci-dessous chez votre hébergeur DNS (là où le DNS de votre domaine est géré).
domain-has-count-spf-records-07a9b800 = { $domain } a { $count } enregistrements SPF ; il ne doit en avoir qu'un
domain-publishes-count-txt-records-74c3917b = { $domain } publie { $count } enregistrements TXT qui commencent par `v=spf1`. Les messageries destinataires y voient une erreur, et la vérification SPF échoue pour tous les serveurs. Supprimez-les tous et ajoutez l'unique enregistrement ci-dessous, qui reprend toutes leurs entrées.
it-includes-include-which-has-336f9a8d = Il inclut `{ $include }`, qui n'a pas un enregistrement SPF valide unique : la vérification se termine donc par une erreur. Retirez cette entrée ou corrigez son nom.
receivers-cannot-read-it-a-63ea1f19 = Les messageries destinataires ne savent pas le lire (une entrée mal orthographiée, un caractère en trop ou une espace manquante) : la vérification se termine donc par une erreur. Remplacez-le par l'enregistrement ci-dessous, et rajoutez tout autre service qui envoie des messages pour vous.
the-spf-record-of-domain-22ad1250 = L'enregistrement SPF de { $domain } est `{ $record }`.
the-spf-record-of-domain-20d2dd14 = L'enregistrement SPF de { $domain } contient une erreur
spf-does-not-allow-server-e96b146c = SPF n'autorise pas { $server } à envoyer pour { $domain }
the-spf-record-of-domain-ae180452 = L'enregistrement SPF de { $domain } liste les serveurs autorisés à envoyer ses messages, et { $server } n'en fait pas partie : les messageries destinataires voient donc les messages de votre site comme possiblement contrefaits. Remplacez l'enregistrement par celui ci-dessous : il ajoute `{ $terms }` et garde tout le reste.

## src/arrive/texts.rs

could-not-look-up-the-20e612c3 = Impossible de consulter l'enregistrement SPF de { $domain }
the-dns-look-up-of-5603d802 = La requête DNS pour l'enregistrement SPF de { $domain } n'a pas abouti ({ $why }) : cette vérification est donc incomplète.
could-not-look-up-the-994cde94 = Impossible de consulter la vérification SPF de { $domain }
the-dns-look-up-of-d0fe910b = La requête DNS pour la vérification SPF de { $domain } n'a pas abouti ({ $why }) : cette vérification est donc incomplète.
could-not-look-up-the-453faaab = Impossible de consulter l'enregistrement DMARC { $name }
the-dns-look-up-of-89d9c052 = La requête DNS pour l'enregistrement DMARC { $name } n'a pas abouti ({ $why }) : cette vérification est donc incomplète.
could-not-look-up-the-aeefb05d = Impossible de trouver les adresses de { $host }
the-dns-look-up-of-0d90da28 = La requête DNS pour les adresses de { $host } n'a pas abouti ({ $why }) : cette vérification est donc incomplète.
try-again-in-a-minute-9c32e930 = Réessayez dans une minute, ou indiquez un autre serveur DNS avec --dns-server, par exemple --dns-server 1.1.1.1:53.
host-has-no-address-in-871405a2 = { $host } n'a pas d'adresse dans le DNS
the-mail-server-host-has-ebe00387 = Le serveur de messagerie { $host } n'a pas d'adresse dans le DNS : nous n'avons donc pas pu vérifier si votre enregistrement SPF l'autorise à envoyer. Vérifiez l'orthographe de `host`.

## src/certificate.rs

rsa-bits-bits-23280151 = RSA { $bits } bits
ec-bits-bits-fe055061 = EC { $bits } bits
other-algorithm-06e3c735 = autre ({ $algorithm })

## src/checklist.rs

working-2d8933f4 = en cours…
waiting-eeda06a8 = en attente
not-reached-5ea156cc = non atteint
skipped-022ec9b7 = ignoré
stopped-here-8940b99c = arrêté ici

## src/cli/confirm.rs

y-n-57127fdb = [o/N]
yes-4e9f3590 = oui

## src/cli/dns_check_cmd.rs

will-mail-from-domain-through-87a4a5b9 = Les messages de { $domain } envoyés via { $host } arriveront-ils ?
will-mail-from-domain-arrive-00b99798 = Les messages de { $domain } arriveront-ils ?
name-2de5e154 = nom :
type-38e11e55 = type :
value-6b47a2d0 = valeur :
add-this-dns-record-a930def2 = Ajoutez cet enregistrement DNS :
verdict-verdict-0f0534c1 = Verdict : { $verdict }
note-note-edb4a61f = Remarque : { $note }

## src/cli/help.rs

usage-740f2048 = Utilisation
arguments-a33c193f = Arguments
options-353e0d45 = Options
commands-971550f3 = Commandes
possible-values-bc143884 = Valeurs possibles
default-933b5bde = par défaut
possible-values-a2c8a064 = valeurs possibles

## src/cli/inbox_cmd.rs

mailbox-password-631a3f6c = Mot de passe de la boîte mail
the-environment-variable-var-is-f51718d6 = la variable d'environnement { $var } n'est pas définie (ou n'est pas du texte valide) ; donnez-lui le mot de passe de la boîte mail
the-server-gave-the-message-9ecaf4ed = le serveur n'a donné au message aucun Message-ID à rechercher
could-not-read-the-ca-66ac5a07 = impossible de lire le --ca-file { $path } : { $err }
looking-for-the-message-in-88a27f59 = Recherche du message dans { $mailbox } (jusqu'à { $seconds } s)…
the-mailbox-password-was-not-7b1224ac = le mot de passe de la boîte mail n'a pas été enregistré dans le trousseau : la vérification n'est pas allée jusqu'à une identification réussie.
no-password-for-the-mailbox-0abb5363 = aucun mot de passe pour la boîte mail { $mailbox } : passez-le avec --inbox-password-stdin ou --inbox-password-env VAR, ou enregistrez-le dans le trousseau sous { $account }
did-it-land-mailbox-c25c5dff = Est-il arrivé ? { $mailbox }

## src/cli/json.rs

could-not-write-json-err-c9dd0283 = impossible d'écrire le JSON : { $err }

## src/cli/mod.rs

stopping-the-test-ctrl-c-18158df4 = Arrêt du test… (Ctrl-C une deuxième fois pour quitter tout de suite)
the-checks-after-sending-check-eea128bf = Les vérifications après l'envoi (--check-dns, --check-inbox) ne se font qu'une fois le message passé.
could-not-read-standard-input-6cb61c3b = impossible de lire l'entrée standard : { $err }
give-the-error-text-to-2a747ea0 = donnez le texte d'erreur à expliquer, ou envoyez-le par un tube avec -

## src/cli/oauth_cmd.rs

signed-out-the-sign-in-920ac642 = Déconnecté : l'identification de { $mailbox } n'est plus conservée.
no-sign-in-of-mailbox-c1033f07 = Aucune identification de { $mailbox } n'était conservée pour cette application.
signed-in-as-who-with-0789c27a = Identifié en tant que { $who } auprès de { $provider } (conservé dans le trousseau du système).
a-new-access-token-was-03874317 = Un nouveau jeton d'accès vient d'être émis, valable { $minutes } min.
a-new-access-token-was-505fd341 = Un nouveau jeton d'accès vient d'être émis.
not-signed-in-no-sign-b24f4b10 = Non identifié : aucune identification de { $mailbox } n'est conservée pour cette application. `{ $command }` permet de s'identifier.
the-kept-sign-in-of-41c1d286 = L'identification conservée de { $mailbox } ne fonctionne plus : { $error }. Identifiez-vous à nouveau.

## src/cli/output.rs

testing-host-port-with-security-bc3dfc06 = Test de { $host }:{ $port } avec { $security }, comme le ferait ASP.NET (System.Net.Mail).
testing-host-port-with-security-fa0d57de = Test de { $host }:{ $port } avec { $security }, comme le ferait un logiciel de messagerie ordinaire.
these-settings-need-attention-before-a42c8b40 = Ces paramètres sont à revoir avant de pouvoir lancer un test :
error-21918751 = erreur
warning-792112ef = avertissement
note-919a0c3d = remarque
warning-summary-cb2694b9 = Attention : { $summary }
ways-out-315d2fe1 = Solutions :
checklist-7164074f = Étapes :
only-partly-the-server-accepted-8a4abcce = En partie seulement : le serveur a accepté le message de test pour { $recipient } (sa propre boîte mail), mais refuse les adresses extérieures sans identification.
success-the-server-accepted-the-2b96e5a9 = Réussi : le serveur a accepté le message de test pour { $recipient }.
warning-the-password-crossed-the-ae191d12 = Attention : le mot de passe a traversé le réseau SANS CHIFFREMENT (vous l'avez autorisé pour ce test). Mettez enableSsl à true pour que votre site ne fasse pas de même.
warning-the-certificate-is-not-676d1a93 = Attention : le certificat n'est PAS valide ({ $problem }). Votre site le vérifie et échouera.
paste-this-into-your-web-97160651 = Collez ceci dans votre web.config, à l'intérieur de <configuration> :
for-platform-967bcad1 = Pour { $platform } :
other-platforms-command-the-same-69f99f14 = Autres plateformes : { $command } (les mêmes options de paramètres ; --format all les affiche toutes)
problem-summary-7ede7f64 = Problème : { $summary }
what-to-do-8cbc7e25 = Que faire :
suggested-change-run-again-with-91377baf = Modification conseillée (relancez avec { $flags }) :
the-server-said-reply-de77b5c4 = Le serveur a répondu : { $reply }
preset-70ea81de = PRÉRÉGLAGE
host-edf03e2f = HÔTE
port-24fff026 = PORT
your-host-b2942d15 = (votre hôte)
not-usable-from-asp-net-eb3e1b53 = Inutilisable depuis ASP.NET (System.Net.Mail).

## src/cli/probe_cmd.rs

stopping-ctrl-c-again-quits-252995ab = Arrêt… (Ctrl-C une deuxième fois pour quitter tout de suite)

## src/cli/probe_output.rs

looking-for-the-outgoing-mail-812c6ba5 = Recherche du serveur d'envoi pour { $email }, pour un site ASP.NET (System.Net.Mail).
looking-for-the-outgoing-mail-577f55c6 = Recherche du serveur d'envoi pour { $email }, pour un logiciel de messagerie.
looking-for-what-host-offers-8dc74ce8 = Recherche de ce que propose { $host }, pour un site ASP.NET (System.Net.Mail).
looking-for-what-host-offers-18e74dbb = Recherche de ce que propose { $host }, pour un logiciel de messagerie.
each-try-stops-after-the-09a8b128 = Chaque essai s'arrête après le message d'accueil du serveur : aucun message et aucun mot de passe ne sont envoyés.
trying-1-server-name-names-bb4dd271 = Essai d'un nom de serveur : { $names }
trying-count-server-names-names-dc28bd1c = Essai de { $count } noms de serveur : { $names }
use-these-settings-in-your-104f0487 = Utilisez ces paramètres sur votre site :
why-why-99fef765 = Pourquoi : { $why }
in-web-config-line-89ad6d8c = Dans web.config : { $line }
no-settings-to-recommend-3a0b504c = Aucun paramètre à recommander.
from-this-computer-to-host-ae426e27 = De cet ordinateur vers { $host } : { $ports }.
done-in-time-cancelled-5bc6fe41 = Terminé en { $time } (annulé).
done-in-time-5fb638b3 = Terminé en { $time }.
everything-tried-best-first-e41cbf92 = Tout ce qui a été essayé, le meilleur d'abord :
server-40ac3dd2 = serveur
security-c92cc9bb = sécurité
reachable-70756d30 = joignable
sign-in-281c1798 = identification
cert-4cb0e403 = certif.
time-5d3c9be4 = durée
why-18f40e39 = pourquoi
names-that-do-not-exist-a4ffda74 = (les noms qui n'existent pas n'ont pas été essayés plus loin)
plain-d3be3f67 = non chiffré
ssl-on-connect-dbeb3514 = SSL dès la connexion
trusted-dd092c3c = fiable
untrusted-3c0e3839 = non fiable
expired-338eb632 = expiré
wrong-name-475d1629 = mauvais nom
invalid-cbd1f530 = invalide

## src/cli/profile_cmd.rs

renamed-profile-old-to-new-edd00652 = Profil « { $old } » renommé en « { $new } ».
no-profiles-yet-save-one-78e104ee = Aucun profil pour l'instant. Enregistrez-en un avec : { $command }
no-sign-in-740a2bca = (sans identification)
profile-name-path-da76cc87 = Profil « { $name } » ({ $path })
not-needed-no-sign-in-16416f92 = inutile (sans identification)
saved-in-the-keyring-471fe699 = enregistré dans le trousseau
not-saved-give-it-with-eb4324db = non enregistré (donnez-le avec --password-stdin ou --password-env ; ajoutez --save-password pour le garder dans le trousseau)
unknown-the-keyring-could-not-90752bb4 = inconnu : le trousseau n'a pas pu être lu
test-it-command-7eff2131 = Pour le tester : { $command }
timeouts-3411c421 = délais d'attente
connect-connect-s-greeting-greeting-1f5ae1d3 = connexion { $connect } s, accueil { $greeting } s, commandes { $command } s
accept-invalid-certs-42e8fc91 = accepter les certificats invalides
ca-file-3a8117e5 = fichier CA
save-password-needs-the-password-ea8d182a = --save-password a besoin du mot de passe : passez-le avec --password-stdin ou --password-env VAR
the-old-profiles-file-could-c287bcd2 = l'ancien fichier de profils n'a pas pu être lu, il a donc été mis de côté (rien n'est perdu) : { $path }
replaced-profile-name-in-path-07131cc2 = Profil « { $name } » remplacé dans { $path } (sans mot de passe).
saved-profile-name-in-path-dfc46583 = Profil « { $name } » enregistré dans { $path } (sans mot de passe).
the-password-was-not-kept-0ab7efbb = Le mot de passe n'a pas été conservé (ajoutez --save-password pour le garder dans le trousseau du système).
these-settings-do-not-sign-e4955288 = Ces paramètres ne s'identifient pas avec un nom d'utilisateur : il n'y a donc aucun mot de passe à enregistrer.
deleted-profile-name-4882e1e8 = Profil « { $name } » supprimé.
a-password-saved-for-it-18a62b71 = Un mot de passe enregistré pour ce profil reste dans le trousseau (les autres profils du même compte l'utilisent aussi) ; `profile delete --forget-password` le supprime également.
profile-name-does-not-sign-2e551ed4 = Le profil « { $name } » ne s'identifie pas avec un nom d'utilisateur : il n'y a aucun mot de passe à oublier.
remove-all-count-profiles-and-462289c2 = Supprimer les { $count } profils et tous les mots de passe que Mail Settings Tester a enregistrés dans le trousseau ?
nothing-was-removed-run-again-6988196d = Rien n'a été supprimé : relancez avec --yes pour supprimer tous les profils et mots de passe enregistrés.
removed-profiles-profile-s-and-06660efb = { $profiles } profil(s) et { $passwords } mot(s) de passe enregistré(s) supprimé(s).
removed-the-saved-password-for-19fd2f90 = Le mot de passe enregistré pour { $account } a été supprimé du trousseau.
no-password-was-saved-in-2a90a5e4 = Aucun mot de passe n'était enregistré dans le trousseau pour { $account }.
saved-the-password-for-account-69032fc6 = Mot de passe de { $account } enregistré dans le trousseau du système.

## src/cli/profile_keyring.rs

no-password-is-saved-in-7fd8f14a = aucun mot de passe n'est enregistré dans le trousseau pour { $account }. Passez-le avec --password-stdin ou --password-env VAR (ajoutez --save-password pour le garder).
the-password-is-needed-pass-dc38d6e7 = le mot de passe est nécessaire : passez-le avec --password-stdin ou --password-env VAR.
using-the-password-saved-in-447fc673 = Utilisation du mot de passe enregistré dans le trousseau pour { $account }.
these-settings-do-not-sign-d7b82868 = ces paramètres ne s'identifient pas avec un nom d'utilisateur : il n'y a donc aucun mot de passe à enregistrer.
the-password-was-not-saved-4521489f = le mot de passe n'a pas été enregistré dans le trousseau, car le serveur a refusé l'identification.

## src/cli/report_file.rs

the-support-report-was-not-74159c71 = le rapport pour l'assistance n'a pas été écrit : { $message }
support-report-written-to-path-f13a3c47 = Rapport pour l'assistance écrit dans { $path }
could-not-write-the-support-ab51dfc3 = impossible d'écrire le rapport pour l'assistance ({ $err }) : { $path }
path-is-not-a-file-42c39be8 = { $path } n'est pas un fichier
path-already-exists-and-is-b1dfc304 = { $path } existe déjà et n'est pas un rapport de ce testeur ; choisissez un autre nom de fichier

## src/cli/resolve.rs

user-needs-a-password-pass-c94ada2d = --user a besoin d'un mot de passe : passez-le avec --password-stdin ou --password-env VAR (jamais comme argument)
there-is-no-profile-named-25a91d5a = il n'y a pas de profil nommé « { $name } » ; `mailtester profile list` affiche ceux qui sont enregistrés
there-is-no-preset-name-fa72f4e1 = il n'y a pas de préréglage « { $name } » ; choisissez parmi : { $names }
password-2cc30838 = Mot de passe
the-environment-variable-var-is-e7426592 = la variable d'environnement { $var } n'est pas définie (ou n'est pas du texte valide) ; donnez-lui le mot de passe
prompt-input-is-not-hidden-841279c7 = { $prompt } (la saisie n'est pas masquée ; préférez un tube) :
could-not-read-the-password-120dc4df = impossible de lire le mot de passe depuis l'entrée standard : { $err }
flag-was-given-but-standard-0e415ce1 = { $flag } a été donné, mais l'entrée standard n'avait pas de ligne pour lui

## src/cli/say.rs

error-message-7fcc1b86 = erreur : { $message }
warning-message-8341c1cc = avertissement : { $message }
note-message-e2a00142 = remarque : { $message }

## src/cli/scan_cmd.rs

found-sites-with-mail-settings-ca740722 = Nous avons trouvé { $sites } avec des paramètres d'envoi, qui utilisent { $servers } (--offline : aucun n'est contacté).
found-sites-with-mail-settings-0472bdeb = Nous avons trouvé { $sites } avec des paramètres d'envoi, qui utilisent { $servers }.
contacted-done-of-total-servers-38b87ee1 = Serveurs contactés : { $done } sur { $total }…
t-1-mail-server-5cc20956 = 1 serveur de messagerie
count-mail-servers-fdac7a27 = { $count } serveurs de messagerie
the-csv-could-not-be-4fc3b8b7 = le CSV n'a pas pu être créé : { $err }
csv-written-to-path-b9b19256 = CSV écrit dans { $path }
html-page-written-to-path-604f2e2a = Page HTML écrite dans { $path }
could-not-write-the-csv-39267b1e = impossible d'écrire le CSV ({ $err }) : { $path }. Choisissez un dossier où vous avez le droit d'écrire.
could-not-write-the-html-8d232522 = impossible d'écrire la page HTML ({ $err }) : { $path }. Choisissez un dossier où vous avez le droit d'écrire.

## src/cli/scan_output.rs

t-1-site-c22fc96f = 1 site
count-sites-a9a5308c = { $count } sites
no-server-to-contact-sites-92fa060f = Aucun serveur à contacter ({ $sites })
skipped-count-ff812831 = Ignorés ({ $count }) :
summary-files-files-read-in-304f342d = { $summary } ; { $files } fichiers lus en { $seconds } s.
no-site-with-mail-settings-eb55820e = Aucun site avec des paramètres d'envoi n'a été trouvé. Lancez l'analyse sur le dossier qui contient les sites (par exemple C:\inetpub\vhosts ou /var/www), ou indiquez --iis-config.
server-sites-broken-broken-at-9406a0b2 = { $server } : { $sites } ({ $broken } en panne, { $at_risk } à risque, { $unknown } inconnu(s), { $ok } OK)
did-not-answer-problem-bda68194 = n'a pas répondu : { $problem }
tls-on-connect-2f402ce9 = TLS dès la connexion
offers-starttls-089863af = propose STARTTLS
no-starttls-3f327a1f = pas de STARTTLS
no-sign-in-before-encryption-36031e69 = pas d'identification avant chiffrement
sign-in-before-encryption-methods-99e7b9c2 = identification avant chiffrement : { $methods }
no-sign-in-after-encryption-47a4a654 = pas d'identification après chiffrement
sign-in-after-encryption-methods-ee54907f = identification après chiffrement : { $methods }
certificate-certificate-c4f98173 = certificat { $certificate }
broken-0d935360 = EN PANNE
at-risk-5412ef9b = À RISQUE
unknown-69b80b99 = INCONNU
ok-85e4b82f = OK
fix-fix-e4c99121 = Correction : { $fix }
apply-it-command-969d0163 = Pour l'appliquer : { $command }

## src/cli/stdin_text.rs

the-input-is-broken-utf-d21f7acb = le texte reçu est de l'UTF-16 abîmé : enregistrez-le en texte UTF-8 ou UTF-16 et réessayez
the-input-is-not-utf-eee33dd4 = le texte reçu n'est pas en UTF-8 (sans doute un ancien encodage Windows) : enregistrez-le en texte UTF-8 ou UTF-16 et réessayez
the-line-is-not-utf-c971d459 = la ligne n'est pas du texte UTF-8 : enregistrez-la en texte UTF-8 ou UTF-16 et réessayez

## src/cli/webconfig_cmd.rs

mail-settings-in-path-bea8d53b = Paramètres d'envoi dans { $path } :
not-set-a541b773 = (non défini)
not-set-no-sign-in-d89f1f29 = (non défini : pas d'identification)
not-set-the-web-server-05e903ce = (non défini : le nom du serveur web)
set-not-shown-8e04618e = (défini, non affiché)
not-true-or-false-see-4912fbf6 = (ni true ni false : voir l'erreur ci-dessous)
not-stated-bd15bde6 = (non indiqué)
test-them-46dd20dd = Pour les tester :
nothing-to-change-the-file-65d4a0db = Rien à modifier : le fichier contient déjà ces paramètres : { $path }
dry-run-nothing-was-written-83e7f00e = Simulation : rien n'a été écrit.
updated-path-37738ea1 = { $path } mis à jour.
the-old-file-is-saved-795e6599 = L'ancien fichier est sauvegardé sous { $path }.
still-to-fix-by-hand-087d2c93 = Reste à corriger à la main :
these-settings-cannot-be-written-c9942416 = ces paramètres ne peuvent pas être écrits tant qu'ils ne sont pas corrigés :
write-these-changes-to-path-5f106860 = Écrire ces modifications dans { $path } ? Une copie de sauvegarde est faite avant.
nothing-was-written-run-again-e048ac0a = Rien n'a été écrit : relancez avec --yes pour écrire ces modifications.
nothing-was-written-317a5b5a = Rien n'a été écrit.
no-problems-found-808793a4 = Aucun problème trouvé.
t-1-error-cd417dc2 = 1 erreur
count-errors-7af566cb = { $count } erreurs
t-1-warning-f1c7ab28 = 1 avertissement
count-warnings-6efe9689 = { $count } avertissements
t-1-note-4430d8c0 = 1 remarque
count-notes-a90e79f1 = { $count } remarques
findings-errors-warnings-notes-16ee245c = Constats : { $errors }, { $warnings }, { $notes }
error-df22b531 = ERREUR
line-line-code-8334a308 = ligne { $line }, { $code }

## src/credentials/error.rs

there-is-no-keyring-on-7e9019d6 = Cet ordinateur n'a pas de trousseau que Mail Settings Tester puisse utiliser ({ $keyring }) : le mot de passe ne peut donc pas y être enregistré ni lu. Le mot de passe ne sert que pour cette session. { $advice } (Détails : { $detail })
your-keyring-keyring-is-locked-b5a4c68b = Votre trousseau ({ $keyring }) est verrouillé : le mot de passe n'a donc pas pu être enregistré ni lu. Le mot de passe ne sert que pour cette session. Déverrouillez le trousseau (reconnectez-vous à votre session, ou déverrouillez-le dans l'application du trousseau), puis réessayez. (Détails : { $detail })
your-keyring-keyring-did-not-76142675 = Votre trousseau ({ $keyring }) n'a pas autorisé Mail Settings Tester à utiliser ce mot de passe. Le mot de passe ne sert que pour cette session. Autorisez l'accès quand le trousseau le demande (ou dans ses réglages), puis réessayez. (Détails : { $detail })
your-keyring-keyring-could-not-daf77fe7 = Votre trousseau ({ $keyring }) n'a pas pu enregistrer ni lire le mot de passe. Le mot de passe ne sert que pour cette session. Réessayez ; si l'échec se répète, tapez le mot de passe à chaque fois. (Détails : { $detail })
the-what-is-too-long-1ec59e0a = Le { $what } est trop long pour votre trousseau ({ $keyring } accepte au plus { $limit } octets) : il n'a donc pas pu y être enregistré. Le mot de passe ne sert que pour cette session ; tapez-le à chaque fois.
there-is-no-password-to-fcd23170 = Il n'y a aucun mot de passe à enregistrer : saisissez d'abord le mot de passe, puis enregistrez-le.
user-name-a59136f5 = nom d'utilisateur
password-364b5f18 = mot de passe
no-keyring-store-is-set-ae980b57 = aucun trousseau n'est configuré
no-saved-password-de7667ce = aucun mot de passe enregistré
the-saved-password-is-not-caf48e59 = le mot de passe enregistré n'est pas du texte lisible ; enregistrez-le à nouveau
count-saved-passwords-match-this-15464f8a = { $count } mots de passe enregistrés correspondent à ce compte ; supprimez ceux en trop dans l'application du trousseau

## src/credentials/platform.rs

the-secret-service-e-g-882f6c95 = le Secret Service, par ex. GNOME Keyring ou KWallet
the-macos-keychain-8faf0187 = le trousseau macOS
the-windows-credential-manager-fb0531ad = le Gestionnaire d'identification Windows
none-is-supported-on-this-ee2f389d = aucun n'est pris en charge sur ce système
to-remember-passwords-run-the-5f3b84d2 = Pour mémoriser les mots de passe, lancez le testeur dans une session de bureau où un trousseau fonctionne (GNOME Keyring ou KWallet), puis réessayez.
to-remember-passwords-run-the-6d45ebaa = Pour mémoriser les mots de passe, lancez le testeur dans votre propre session de bureau ouverte, puis réessayez.

## src/diagnosis/aspnet/mod.rs

if-your-site-sends-with-f777e641 = Si votre site envoie avec SmtpClient (System.Net.Mail), son journal d'erreurs indiquera
your-website-s-error-log-f87ec5b8 = Le journal d'erreurs de votre site indiquera

## src/diagnosis/classify.rs

microsoft-365-has-smtp-sign-7bc38d83 = Microsoft 365 a désactivé l'identification SMTP pour cette boîte mail
microsoft-365-lets-administrators-switch-9108f35f = Microsoft 365 permet aux administrateurs de désactiver « Authenticated SMTP » (la façon dont les programmes s'identifient pour envoyer des messages), et c'est désactivé pour cette boîte mail : même le bon mot de passe est donc refusé.
ask-your-microsoft-365-administrator-c54e0072 = Demandez à votre administrateur Microsoft 365 d'activer « Authenticated SMTP » pour cette boîte mail (Centre d'administration → Utilisateurs → Utilisateurs actifs → l'utilisateur → Courrier → Gérer les applications de messagerie).
microsoft-365-has-smtp-sign-360e5a0b = Microsoft 365 a désactivé l'identification SMTP pour votre organisation : votre administrateur peut l'activer
yahoo-and-aol-refuse-the-709f08a8 = Yahoo et AOL refusent le mot de passe normal du compte venant des logiciels de messagerie, et après plusieurs essais refusés, ils bloquent aussi les identifications pendant un moment.
wait-about-an-hour-before-d6d59691 = Attendez environ une heure avant de relancer le test, le temps que le blocage prenne fin.
gmail-refused-the-user-name-15d09805 = Gmail a refusé le nom d'utilisateur et le mot de passe. Gmail n'accepte qu'un mot de passe d'application (un mot de passe à part, créé uniquement pour les programmes) venant des logiciels de messagerie comme votre site : depuis mai 2022 pour les comptes personnels et depuis septembre 2024 pour les comptes Google Workspace. Un mot de passe d'application déjà utilisé a peut-être été mal tapé ou retiré.
here-the-block-comes-from-536cc146 = Ici, le blocage vient des « paramètres de sécurité par défaut » de votre organisation (les protections d'identification standard de Microsoft).
verify-the-from-address-or-31a6261b = Faites vérifier l'adresse `from` (ou tout son domaine) dans le tableau de bord de votre service d'envoi.
the-server-refuses-the-old-cabda9d1 = Le serveur refuse l'ancienne version du chiffrement qu'utilise ce programme
the-program-offered-tls-1-5b1ec346 = Le programme a proposé TLS 1.0 ou 1.1 (d'anciennes versions du chiffrement qui protège la connexion), et le serveur n'accepte que TLS 1.2 ou plus récent.
make-sure-the-website-runs-a3175796 = Assurez-vous que le site tourne sur .NET Framework 4.7 ou plus récent, qui utilise le chiffrement le plus récent proposé par Windows.
for-an-older-website-ask-fd2f3186 = Pour un site plus ancien, demandez à votre développeur d'activer TLS 1.2 (ServicePointManager.SecurityProtocol) et installez les mises à jour Windows qui l'ajoutent.
test-again-after-the-change-c6691a26 = Relancez le test après la modification.
the-server-s-encryption-is-e48e53e2 = Le chiffrement du serveur ne fonctionne pas pour le moment
the-server-offers-encryption-but-4969b44a = Le serveur propose le chiffrement mais n'a pas pu le démarrer à cause d'un problème de son côté (souvent un certificat, la preuve d'identité du serveur, absent ou défectueux).
wait-a-few-minutes-and-763995a7 = Attendez quelques minutes et relancez le test.
if-it-persists-tell-your-5398e48d = Si le problème persiste, prévenez votre fournisseur de messagerie en joignant la réponse du serveur : lui seul peut le réparer.
keep-enablessl-set-to-true-2c3e3edb = Laissez `enableSsl` à `true` : sans chiffrement, votre mot de passe traverserait le réseau en clair.
provider-needs-an-app-password-8404df24 = { $provider } demande un mot de passe d'application à la place de votre mot de passe normal
test-again-5d322c29 = Relancez le test.

## src/diagnosis/explain/dotnet_log.rs

your-website-s-log-quotes-45d21fe9 = Le journal de votre site ne cite que la première ligne du refus du serveur, celle qui donne le nom du serveur ; la raison se trouve sur les lignes suivantes. Lancez le test ici pour les voir.

## src/diagnosis/explain.rs

codes-that-start-with-4-34e1b6b7 = Les codes qui commencent par 4 signifient « réessayez plus tard » ; si cela se répète, les mots de la réponse sont la raison à transmettre à votre fournisseur de messagerie.
codes-that-start-with-5-eea7edf5 = Les codes qui commencent par 5 signifient que le serveur n'acceptera pas cela en l'état ; les mots qui suivent le code en donnent la raison.
we-don-t-recognise-this-9ef5f9c1 = Nous ne reconnaissons pas cette réponse du serveur
the-server-answered-with-a-be6938c6 = Le serveur a répondu par un message que nous ne savons pas encore expliquer.

## src/diagnosis/mod.rs

even-so-this-test-message-84be81e9 = Malgré tout, ce message de test est passé : après le refus, ASP.NET envoie sans s'identifier, et ce serveur l'accepte pour les messages destinés à ses propres boîtes mail. Les messages vers toute autre adresse (vos clients) seront refusés tant que l'identification ne fonctionnera pas, et le journal de votre site n'affichera aucune erreur pour celui-ci.

## src/diagnosis/outcome/auth.rs

this-server-offers-starttls-encryption-7bc26440 = Ce serveur propose STARTTLS (le chiffrement) : la correction tient donc en un seul paramètre.
this-server-offers-no-encryption-696f82ef = Ce serveur ne propose aucun chiffrement sur ce port.
ask-your-mail-provider-for-c9b3f2af = Demandez à votre fournisseur de messagerie le port qui propose le chiffrement (en général `587` avec STARTTLS) et utilisez-le.
the-server-offers-sign-in-811c9099 = Le serveur ne propose l'identification qu'une fois la connexion chiffrée avec STARTTLS (la façon dont un serveur de messagerie passe à une connexion chiffrée) : il a donc caché l'identification pour protéger votre mot de passe. `enableSsl="true"` active STARTTLS dans web.config.
no-sign-in-method-7ae1fdbe = aucune méthode d'identification
this-server-offers-list-and-b1185126 = Ce serveur propose { $list }, et { $target } ne peut en utiliser aucune (l'outil d'envoi d'ASP.NET ne connaît que LOGIN, NTLM, Digest et Negotiate). Les mêmes paramètres peuvent fonctionner dans d'autres programmes, mais échoueront depuis votre site.
xoauth2-and-oauthbearer-mean-oauth-f5583b2e = XOAUTH2 et OAUTHBEARER désignent OAuth (l'identification sur la page même du fournisseur).
this-server-does-not-understand-22cf71da = Ce serveur ne comprend pas la façon dont ASP.NET s'identifie
asp-net-sends-the-user-20a7823c = ASP.NET envoie le nom d'utilisateur avec sa commande d'identification (AUTH LOGIN), puis le mot de passe. Ce serveur a ignoré le nom d'utilisateur et l'a redemandé après le mot de passe : l'identification ne peut donc jamais aboutir depuis votre site, quel que soit le mot de passe.
ask-your-mail-provider-whether-52f1f934 = Demandez à votre fournisseur de messagerie si le serveur peut accepter AUTH LOGIN avec une réponse initiale (RFC 4954), ou un autre nom de serveur par lequel envoyer.
or-send-through-another-mail-017a8669 = Ou envoyez via un autre service de messagerie (celui de votre hébergeur, ou un service d'envoi comme SendGrid ou Mailgun).
this-server-refuses-the-way-1d470d15 = Ce serveur refuse la façon dont ASP.NET s'identifie
the-server-offers-login-sign-8c041507 = Le serveur propose l'identification LOGIN, la méthode qu'utilise ASP.NET, mais l'a refusée sous la forme qu'envoie ASP.NET : la commande avec le nom d'utilisateur sur une seule ligne (« AUTH login … »). Il a répondu « { $reply } » avant même de vérifier le mot de passe. Les programmes qui envoient le nom d'utilisateur sur une ligne à part (PHPMailer, MailKit, Outlook) peuvent s'identifier sur ce serveur ; votre site ne le peut pas, quel que soit le mot de passe.
ask-your-mail-provider-whether-8485148d = Demandez à votre fournisseur de messagerie si le serveur peut accepter AUTH LOGIN avec le nom d'utilisateur sur la même ligne (une « réponse initiale », RFC 4954), ou un autre nom de serveur par lequel envoyer.
or-ask-your-developer-to-59a0f742 = Ou demandez à votre développeur d'envoyer avec MailKit, qui s'identifie de l'autre façon.

## src/diagnosis/outcome/connection.rs

the-mail-server-s-name-abb8de91 = Le nom du serveur de messagerie « { $host } » est introuvable
host-has-no-dot-in-a25384f0 = `host` ne contient aucun point, alors que les noms de serveurs de messagerie ressemblent à `smtp.example.com` : comparez-le aux instructions de votre fournisseur.
the-connection-went-to-address-039eccb9 = La connexion est allée vers { $address }.
port-port-is-unusual-for-e9e416e2 = Le port { $port } est inhabituel pour envoyer des messages : la plupart des fournisseurs utilisent `587`.
we-waited-secs-seconds-for-18544b73 = Nous avons attendu { $address } pendant { $secs } secondes.
port-25-is-commonly-blocked-bf227656 = Le port 25 est souvent bloqué par les hébergeurs et les fournisseurs d'accès à internet pour lutter contre le spam : les connexions vers ce port restent donc souvent sans réponse.
this-computer-could-not-reach-082acb74 = Cet ordinateur n'a pas pu joindre le serveur de messagerie
the-system-reported-detail-16c5517e = Le système a signalé : « { $detail } ».
check-that-this-computer-is-05bf2936 = Vérifiez que cet ordinateur est connecté à internet, puis relancez le test.
the-server-said-nothing-for-c2aad1c2 = Le serveur n'a rien dit pendant { $secs } secondes, et un second essai commencé en chiffré n'a pas eu de réponse non plus.
this-port-expects-encryption-from-e1538362 = Ce port attend le chiffrement dès le tout premier octet (« SSL dès la connexion », courant pour le port 465) : le serveur attend donc le chiffrement pendant que le programme attend un message d'accueil. L'outil d'envoi d'ASP.NET ne sait pas faire de SSL dès la connexion : votre site attendrait ainsi pendant 100 secondes (son délai par défaut ; le test s'est arrêté à sa propre limite) puis échouerait avec « The operation has timed out ».
this-port-expects-encryption-from-52a4c1c1 = Ce port attend le chiffrement dès le tout premier octet (« SSL dès la connexion »), mais le test a commencé sans chiffrement : chaque côté a donc attendu l'autre.
choose-ssl-on-connect-for-89a131f0 = Choisissez SSL dès la connexion pour ce port (appelé « SSL », « SMTPS » ou « TLS implicite » dans la plupart des programmes).
or-change-port-to-587-363c03db = Ou remplacez `port` par `587` et utilisez STARTTLS (la façon dont un serveur de messagerie passe à une connexion chiffrée).
it-answered-like-a-web-455949dc = Il a répondu comme un serveur web.
it-answered-like-a-remote-640e7204 = Il a répondu comme un service de connexion à distance (SSH).

## src/diagnosis/outcome/conversation.rs

it-happened-during-step-8cc559e6 = C'est arrivé à l'étape { $step }.
the-connection-ended-while-switching-4d88ba34 = La connexion s'est coupée pendant le passage au chiffrement : vérifiez que `port` et `enableSsl` correspondent aux instructions de votre fournisseur (pour ASP.NET, `587` avec `enableSsl` à `true`).
some-servers-hang-up-instead-07ab7f99 = Certains serveurs raccrochent au lieu de dire que le mot de passe est refusé : vérifiez `userName` et `password`.
there-was-no-reply-to-7639394e = Aucune réponse à l'étape { $step } en { $secs } secondes.
what-arrived-detail-ce6e5e5f = Ce qui est arrivé : { $detail }.
the-server-broke-the-rules-86aebd6a = Le serveur n'a pas respecté les règles de l'échange de messagerie
during-step-the-server-did-2a69066e = À l'étape { $step }, le serveur a fait quelque chose qu'un serveur de messagerie ne doit pas faire : { $detail }. Le problème vient du serveur, pas de vos paramètres.
test-again-in-a-few-d45392c2 = Relancez le test dans quelques minutes.
send-the-transcript-to-your-01199657 = Envoyez la transcription à votre fournisseur de messagerie : elle montre exactement ce que le serveur a envoyé.
if-a-security-program-or-26b511cc = Si un logiciel de sécurité ou un proxy de ce réseau traite les e-mails, il en est peut-être la cause : demandez à la personne qui gère le réseau.

## src/diagnosis/outcome/envelope.rs

use-a-sender-address-from-91297b39 = Utilisez une adresse d'expéditeur (`from`) avec uniquement des lettres simples (de a à z), des chiffres, des points ou des tirets avant le @, par exemple `info@` votre domaine.
send-the-test-to-an-394f9af8 = Envoyez le test à une adresse avec uniquement des lettres simples (de a à z), des chiffres, des points ou des tirets avant le @.
this-server-cannot-take-address-b7642aa9 = Ce serveur ne peut pas accepter { $address }, qui contient des lettres hors de l'alphabet anglais simple avant le @
such-an-address-can-only-534fa2e0 = Une telle adresse ne peut circuler qu'avec SMTPUTF8 (la norme de messagerie pour les adresses internationales), et ce serveur ne la propose pas. Le test s'est arrêté avant de donner au serveur { $role } ({ $address }) : il l'aurait refusée ou déformée, et son refus aurait mis en cause l'expéditeur.
or-send-through-a-mail-c7f9b17c = Ou envoyez via un serveur de messagerie qui propose SMTPUTF8 : demandez à votre fournisseur s'il prend en charge les adresses e-mail internationales.
the-test-cannot-send-with-1cfd4858 = Le test ne peut pas envoyer avec l'adresse { $address }
address-is-written-in-a-498c2974 = { $address } est écrite sous une forme que les normes de messagerie autorisent mais que peu de programmes savent traiter (une partie entre guillemets avec une espace, ou une adresse de serveur entre crochets après le @), et le message de test ne peut pas la transporter. Le test s'est arrêté avant de la donner au serveur.
plain-remove-any-quotes-and-a7cb9143 = { $plain } Retirez les guillemets et les espaces : la forme habituelle est nom@example.com.
asp-net-itself-may-still-4a7c1539 = ASP.NET lui-même peut malgré tout envoyer avec, mais beaucoup de serveurs de messagerie et de programmes qui lisent les e-mails ne le feront pas.
or-move-the-site-to-3788eb32 = Ou passez le site à .NET Framework 4.5 ou plus récent, qui peut envoyer des adresses internationales avec `deliveryFormat="International"` sur l'élément `<smtp>`.
or-add-deliveryformat-international-to-7bb43e86 = Ou ajoutez `deliveryFormat="International"` à l'élément `<smtp>` dans web.config (ASP.NET 4.5 ou plus récent) : ASP.NET enverra alors les adresses internationales aux serveurs qui proposent SMTPUTF8.
or-set-deliveryformat-smtpdeliveryformat-3af77877 = Ou définissez `DeliveryFormat = SmtpDeliveryFormat.International` sur le `SmtpClient` dans votre code : il enverra alors les adresses internationales aux serveurs qui proposent SMTPUTF8.
this-server-offers-smtputf8-the-6d77822e = Ce serveur propose SMTPUTF8 (la norme de messagerie pour les adresses internationales) : ce paramètre laisserait donc passer l'adresse.
this-server-does-not-offer-baf00176 = Ce serveur ne propose pas SMTPUTF8 (la norme de messagerie pour les adresses internationales) : il faut donc aussi un serveur qui la propose.
asp-net-will-not-send-12cd36fe = ASP.NET n'enverra pas avec { $address }, qui contient des lettres hors de l'alphabet anglais simple avant le @
asp-net-s-mail-sender-3ed3c4f7 = L'outil d'envoi d'ASP.NET n'envoie que des adresses dont la partie avant le @ est en lettres anglaises simples, sauf s'il est configuré pour envoyer des adresses internationales. Il s'arrête avant d'interroger le serveur, comme l'a fait le test.

## src/diagnosis/outcome/final_reply.rs

the-server-received-the-whole-80dbb04b = Le serveur a reçu le message entier mais ne l'a pas confirmé à temps
the-test-sent-the-complete-26e46161 = Le test a envoyé le message complet puis a attendu la réponse du serveur, celle qui dit s'il accepte le message. Aucune réponse n'est arrivée à temps : les serveurs qui analysent chaque message contre le spam et les virus peuvent être lents à répondre, et celui-ci livrera peut-être quand même le message.
check-the-test-recipient-s-5a214699 = Consultez la boîte de réception du destinataire du test (et son dossier spam) avant de renvoyer : le message peut encore arriver, et un nouvel envoi pourrait le livrer deux fois.
if-nothing-arrives-within-15-af500617 = Si rien n'arrive dans les 15 minutes, relancez le test ; si cela se reproduit, envoyez la transcription à votre fournisseur de messagerie.
if-it-arrives-the-settings-c80f0412 = S'il arrive, les paramètres fonctionnent, mais votre site signale « The operation has timed out. » pour ce genre de message : augmentez `SmtpClient.Timeout` dans votre code (100 secondes s'il n'est pas défini), et assurez-vous que le site ne renvoie pas le même message après cette erreur.
if-it-arrives-the-settings-008b4f44 = S'il arrive, les paramètres fonctionnent et le serveur est lent à confirmer : laissez-lui plus de temps (le délai de la réponse finale dans les paramètres avancés, ou `--final-reply-timeout` en ligne de commande).
the-test-waited-secs-seconds-296f27d9 = Le test a attendu cette réponse pendant { $secs } secondes.

## src/diagnosis/outcome/oauth.rs

in-microsoft-365-an-app-6beb06e7 = Dans Microsoft 365, une application qui envoie en son propre nom a besoin de tout ceci : l'autorisation SMTP.SendAsApp (Office 365 Exchange Online) avec le consentement administrateur ; un principal de service créé avec New-ServicePrincipal à partir de l'ID d'objet de l'application d'entreprise (pas celui de l'inscription d'application) ; Add-MailboxPermission pour la boîte mail indiquée dans `userName` ; et « Authenticated SMTP » activé pour cette boîte mail.
the-sign-in-token-has-c42ff023 = Le jeton d'identification a expiré
tokens-are-valid-for-a-9a3968e1 = Les jetons sont valables peu de temps (environ une heure). Celui-ci a expiré il y a { $ago } : le serveur l'a donc refusé.
get-a-new-token-sign-fdc646f1 = Obtenez un nouveau jeton (identifiez-vous à nouveau) et relancez le test tout de suite.
the-sign-in-token-is-e9229ca6 = Le jeton d'identification est celui d'une autre boîte mail
the-token-was-issued-for-ccbe81df = Le jeton a été émis pour { $named }, et le test s'est identifié en tant que { $user }. Un jeton ne permet d'accéder qu'à la boîte mail pour laquelle il a été émis.
set-username-to-named-or-65123a60 = Mettez `userName` à { $named }, ou identifiez-vous en tant que { $user } pour obtenir un jeton pour ce compte.
the-sign-in-token-lacks-60c3493a = Le jeton d'identification n'a pas l'autorisation que demande ce serveur
the-server-wants-a-token-6d0ee0cb = Le serveur veut un jeton avec la portée (l'autorisation) { $scope }, et celui-ci porte { $carried }.
ask-for-a-token-with-ca38a612 = Demandez un jeton avec la portée { $scope }.
the-sign-in-token-does-b905d15c = Le jeton d'identification ne permet pas d'envoyer des messages
a-token-carries-permissions-scopes-dfbd7ff8 = Un jeton porte des autorisations (des portées), et celui-ci porte { $carried } : aucune ne sert à envoyer des messages (SMTP).
ask-for-a-token-with-24b71fd2 = Demandez un jeton avec la portée d'envoi de messages indiquée par votre fournisseur (Microsoft 365 : SMTP.Send ou SMTP.SendAsApp ; Google : https://mail.google.com/).
the-sign-in-token-is-87b9c735 = Le jeton d'identification est destiné à un autre service Microsoft
the-token-is-meant-for-a4189d8a = Le jeton est destiné à { $audience }, et le serveur de messagerie n'accepte que les jetons destinés à Exchange Online.
ask-for-the-token-with-0f671d1c = Demandez le jeton avec la portée https://outlook.office365.com/.default (une application qui envoie en son propre nom) ou https://outlook.office.com/SMTP.Send (une personne identifiée).
exchange-online-lets-a-token-afaaf9f5 = Exchange Online ne laisse un jeton envoyer des messages qu'avec l'autorisation d'application { $needed } ; celui-ci porte { $carried }.
exchange-online-lets-a-token-7c44c998 = Exchange Online ne laisse un jeton envoyer des messages qu'avec l'autorisation déléguée { $needed } ; celui-ci porte { $carried }.
the-sign-in-token-lacks-ab2e2281 = Le jeton d'identification n'a pas l'autorisation { $needed }
in-app-registrations-your-app-870afe88 = Dans App registrations (inscriptions d'applications) → votre application → API permissions, ajoutez { $needed } (Office 365 Exchange Online), accordez le consentement administrateur, puis obtenez un nouveau jeton.
it-could-not-read-the-25ee4fd8 = il n'a pas pu lire l'identification (souvent un nom d'utilisateur qu'il ne connaît pas)
the-token-is-not-valid-5f515491 = le jeton n'est pas valide (expiré, révoqué, ou pas pour cette boîte mail)
the-token-is-valid-but-6b61b7b0 = le jeton est valide mais ne permet pas d'envoyer des messages au nom de cette boîte mail
it-refused-the-token-cd0cabee = il a refusé le jeton
the-server-s-answer-to-2fb6cd08 = La réponse du serveur à { $mechanism } indique que { $meaning }.
the-server-s-answer-to-0e1ef8b3 = La réponse du serveur à { $mechanism } indique que { $meaning } ; il accepte les jetons avec la portée { $scope }.
none-ada7afdb = aucune
no-sign-in-at-all-56e4c7e5 = aucune identification
it-offers-offers-38f8f4c2 = Il propose { $offers }.
the-app-s-client-secret-1fd311f1 = Le secret client de l'application a expiré
nobody-has-signed-in-yet-58075807 = Personne ne s'est encore identifié
this-test-signs-in-as-de14520f = Ce test s'identifie en tant que personne : quelqu'un doit donc d'abord s'identifier sur la boîte mail, sur la page même de Microsoft ou de Google. L'identification est ensuite conservée dans le trousseau de votre système et renouvelée automatiquement.
press-sign-in-with-microsoft-e55c9917 = Cliquez sur « S'identifier avec Microsoft… » (ou Google) sous Identification, et identifiez-vous avec la boîte mail indiquée dans `userName`.
then-test-again-af243c30 = Puis relancez le test.
the-sign-in-was-cancelled-584b1ee1 = L'identification a été annulée
sign-in-again-then-test-10fc6816 = Identifiez-vous à nouveau, puis relancez le test.
the-provider-s-sign-in-209b1a32 = Le service d'identification du fournisseur est injoignable
check-this-computer-s-internet-bb36fda9 = Vérifiez la connexion internet de cet ordinateur (et un éventuel proxy ou pare-feu qui bloquerait login.microsoftonline.com).
the-sign-in-service-s-54e90ddb = L'adresse du service d'identification est inutilisable
use-https-login-microsoftonline-com-32a84d7d = Utilisez https://login.microsoftonline.com (la valeur par défaut) comme adresse d'identification.

## src/diagnosis/outcome/replies.rs

the-server-then-refused-the-e6bcea69 = Le serveur a ensuite refusé le message : vos `userName` et `password` n'ont donc jamais servi. Ce serveur ou ce port n'est probablement pas celui que votre fournisseur prévoyait pour eux.
the-test-already-asked-for-7b417971 = Le test a déjà demandé STARTTLS : le serveur l'attend peut-être sur un autre port. Comparez `port` aux instructions de votre fournisseur.
set-defaultcredentials-to-false-while-db024367 = Mettez `defaultCredentials` à `false` : tant qu'il est à `true`, web.config ignore `userName` et `password`.
your-settings-have-no-username-2861b339 = Vos paramètres n'ont pas de `userName` : le test ne s'est donc pas identifié.
the-test-signed-in-as-68d41b91 = Le test s'est identifié en tant que { $user } : ce serveur ne laisse donc pas ce compte envoyer vers des adresses extérieures. Demandez à votre fournisseur quel serveur et quel port utiliser.
the-server-refused-the-test-f84ee350 = Le serveur a refusé le destinataire du test { $recipient }
set-clientdomain-to-your-website-81ec9a9c = Mettez dans `clientDomain` le nom de domaine complet de votre site (par exemple `www.example.com`) : le serveur n'a pas accepté le nom sous lequel cet ordinateur s'est présenté.
the-sender-from-is-from-70f92321 = L'expéditeur (`from`) est { $from }, alors que l'identification (`userName`) est { $user }.

## src/diagnosis/outcome/tls.rs

change-host-to-only-fa99f7d2 = Remplacez `host` par `{ $only }`.
this-one-is-self-signed-d09ec21c = Celui-ci est auto-signé : le serveur l'a créé pour lui-même.
it-was-issued-by-issuer-24f9dd72 = Il a été émis par { $issuer }.
it-was-valid-until-until-b3400985 = Il était valable jusqu'au { $until }.
the-test-started-encryption-straight-7fde3066 = Le test a démarré le chiffrement tout de suite (« SSL dès la connexion »), mais ce port accueille d'abord en clair puis passe au chiffrement avec STARTTLS (la façon dont un serveur de messagerie passe à une connexion chiffrée). Les deux façons ne se mélangent pas : la négociation (l'échange qui met en place le chiffrement) a donc échoué.
it-is-valid-for-list-77a4ad6e = Il est valable pour { $list } et { $more } autres, pas pour { $expected }.
it-is-valid-for-list-531e9add = Il est valable pour { $list }, pas pour { $expected }.
the-encryption-library-reported-detail-7486ce05 = La bibliothèque de chiffrement a signalé : « { $detail } ».
the-server-seems-to-know-4d80fb0b = Le serveur semble ne connaître que d'anciennes versions du chiffrement (TLS 1.0 ou 1.1) : demandez à votre fournisseur de messagerie d'activer TLS 1.2 ou plus récent.
the-extra-certificate-file-could-8265c21b = Le fichier de certificats supplémentaire est inutilisable
the-file-path-given-as-edbfbdc2 = Le fichier { $path }, indiqué comme « Fichier CA supplémentaire » (`--ca-file` : des autorités de certification auxquelles votre organisation fait confiance en plus des autorités publiques), est inutilisable : { $detail }. Le test s'est arrêté avant de faire confiance à un serveur.
check-that-the-file-exists-11178386 = Vérifiez que le fichier existe à cet emplacement et que ce programme a le droit de le lire.
check-that-it-is-a-39e254e8 = Vérifiez que c'est bien un fichier de certificat : un fichier texte PEM qui commence par `-----BEGIN CERTIFICATE-----`, ou un fichier .cer exporté par Windows (dans l'un ou l'autre format).
if-the-server-has-a-1a4c8da8 = Si le serveur a un certificat d'une autorité publique, videz « Fichier CA supplémentaire » dans Avancé.

## src/diagnosis/pasted.rs

run-the-test-here-with-40bc1a7b = Lancez le test ici avec les mêmes paramètres pour voir s'ils fonctionnent.

## src/diagnosis/site.rs

asp-net-2-0-3-6ca9cbac = ASP.NET 2.0–3.5 n'a pas d'`enableSsl` dans web.config (l'ajouter casse toute la section mail) : activez donc SSL dans votre code, juste avant l'envoi : `smtpClient.EnableSsl = true;`. Pour le contrôle PasswordRecovery, gérez son événement `SendingMail` : envoyez vous-même `e.Message` avec un `SmtpClient` dont `EnableSsl` vaut `true`, puis mettez `e.Cancel = true;`. Ou passez le site à .NET Framework 4.x, où `enableSsl="true"` dans web.config suffit.
in-code-smtpclient-enablessl-true-4add87ec = Dans le code, `smtpClient.EnableSsl = true;` l'active (web.config ne le peut pas, sous ASP.NET 2.0–3.5).

## src/diagnosis/texts/auth.rs

the-server-wants-a-sign-fa8fde33 = Le serveur veut une identification avant d'envoyer quoi que ce soit
this-server-sends-mail-only-549fd96c = Ce serveur n'envoie de messages que pour les utilisateurs identifiés, et le message a été présenté avant qu'une identification soit acceptée. Dans web.config, l'identification vient de `userName` et `password`.
fill-in-username-usually-your-8bad094b = Remplissez `userName` (en général votre adresse e-mail complète) et `password`.
make-sure-defaultcredentials-is-false-e9f68330 = Assurez-vous que `defaultCredentials` est à `false` : quand il est à `true`, le nom d'utilisateur et le mot de passe sont ignorés.
the-server-wants-a-sign-0b50a939 = Le serveur veut une identification, et il a sans doute refusé la vôtre
when-the-server-refuses-the-16d9b604 = Quand le serveur refuse le nom d'utilisateur ou le mot de passe, ASP.NET ne le dit pas : il envoie sans s'identifier, et le serveur répond alors ceci. Donc si votre web.config a un `userName` et un `password`, le serveur les a très probablement refusés. S'il n'en a pas, le serveur les demande avant d'envoyer.
check-username-usually-your-full-95088744 = Vérifiez `userName` (en général votre adresse e-mail complète) et retapez le mot de passe dans `password` (un copier-coller peut ajouter une espace à la fin).
if-your-provider-wants-an-24fb5942 = Si votre fournisseur demande un mot de passe d'application ou a désactivé l'identification par mot de passe (Microsoft 365, Gmail), suivez ses instructions pour les programmes.
if-web-config-has-no-9e232823 = Si web.config n'a pas de `userName`, remplissez `userName` et `password`.
run-the-test-here-with-a02cdff6 = Lancez le test ici avec les mêmes paramètres : il montre si le serveur refuse l'identification.
the-server-does-not-offer-5c1f342d = Le serveur ne propose pas d'identification sur cette connexion
your-settings-include-a-user-8f3e5b78 = Vos paramètres contiennent un nom d'utilisateur, mais le serveur n'a pas proposé AUTH (la commande d'identification des serveurs de messagerie) ici. En général, le port est prévu pour les échanges entre serveurs (souvent le port 25), ou le serveur laisse des adresses connues envoyer sans identification.
change-port-to-587-and-0f7e3abd = Remplacez `port` par `587` et mettez `enableSsl` à `true` : ce port est prévu pour s'identifier et envoyer.
if-your-hosting-company-says-5da38eee = Si votre hébergeur dit que son serveur laisse votre site envoyer sans mot de passe, videz `userName` et `password`.
the-server-allows-sign-in-ec452ac5 = Le serveur n'autorise l'identification que sur une connexion chiffrée
the-password-would-have-crossed-a9916df8 = Le mot de passe aurait traversé le réseau sans chiffrement : le serveur a donc refusé ou caché l'identification. STARTTLS (la façon dont un serveur de messagerie passe à une connexion chiffrée) le protège, et `enableSsl="true"` l'active dans web.config.
set-enablessl-to-true-52e5ecbd = Mettez `enableSsl` à `true`.
keep-port-at-587-or-42fe3de8 = Gardez `port` à `587` (ou `25` si votre fournisseur l'utilise) ; ASP.NET ne peut pas utiliser `465`.
your-password-would-cross-the-9c776cba = Votre mot de passe traverserait le réseau sans chiffrement
the-server-offers-sign-in-52300fa5 = Le serveur propose l'identification sur cette connexion sans chiffrement : le mot de passe circulerait donc lisible par n'importe qui sur le trajet (le réseau de l'hébergeur, un Wi-Fi public). Le test s'est arrêté avant de l'envoyer. Avec ces paramètres, votre site l'envoie exactement comme ça.
set-enablessl-to-true-the-649dce61 = Mettez `enableSsl` à `true` : le mot de passe n'est alors envoyé qu'une fois la connexion chiffrée.
if-you-accept-the-risk-4bb04ca9 = Si vous acceptez le risque pour ce seul test (un serveur sur votre propre réseau privé), relancez le test en autorisant le mot de passe non chiffré (`--allow-plaintext-password` en ligne de commande, « L'envoyer sans chiffrement cette fois » dans la fenêtre).
the-server-s-sign-in-5fcef96a = Les méthodes d'identification du serveur sont inutilisables par ASP.NET
mail-servers-offer-several-sign-b861780a = Les serveurs de messagerie proposent plusieurs méthodes d'identification. L'outil d'envoi d'ASP.NET ne connaît que LOGIN, NTLM, Digest et Negotiate, et ce serveur n'en a proposé aucune : les mêmes paramètres peuvent donc fonctionner dans d'autres programmes mais échouer depuis votre site.
ask-your-mail-provider-whether-e86c3606 = Demandez à votre fournisseur de messagerie si l'identification LOGIN peut être activée pour votre boîte mail.
or-send-through-a-provider-c9c7d534 = Ou envoyez via un fournisseur qui propose LOGIN (la plupart le font) et remplacez `host` par son serveur.
or-ask-your-developer-to-88c53180 = Ou demandez à votre développeur d'envoyer avec MailKit, une bibliothèque de messagerie qui connaît plus de méthodes d'identification.
the-server-refused-the-user-a184eaf4 = Le serveur a refusé le nom d'utilisateur ou le mot de passe
the-server-checked-the-sign-cda301dc = Le serveur a vérifié l'identification et a dit non. En général, le mot de passe n'est pas celui en vigueur, ou le nom d'utilisateur n'est pas sous la forme attendue par le fournisseur ; certains fournisseurs refusent aussi le mot de passe normal et veulent un mot de passe d'application (un mot de passe à part, créé uniquement pour les programmes).
check-that-username-is-exactly-a186e001 = Vérifiez que `userName` est exactement ce qu'attend votre fournisseur, en général votre adresse e-mail complète.
type-the-password-into-password-c85831af = Retapez le mot de passe dans `password` (un copier-coller peut ajouter une espace à la fin).
if-your-account-uses-two-fe47a30d = Si votre compte utilise la validation en deux étapes, créez un mot de passe d'application dans les paramètres de sécurité du compte et utilisez-le comme `password`.
sign-in-to-your-webmail-2244b6cf = Connectez-vous à votre webmail avec le même nom d'utilisateur et le même mot de passe pour confirmer qu'ils fonctionnent.
your-provider-wants-an-app-8e45b86f = Votre fournisseur demande un mot de passe d'application à la place de votre mot de passe normal
an-app-password-is-a-bb603ced = Un mot de passe d'application est un mot de passe à part que votre fournisseur de messagerie crée uniquement pour des programmes comme votre site. Les comptes avec validation en deux étapes (un code sur votre téléphone) refusent ici le mot de passe normal ; un mot de passe d'application déjà utilisé a peut-être été mal tapé ou retiré.
turn-on-two-step-sign-51eac7b8 = Activez la validation en deux étapes dans les paramètres de sécurité de votre compte de messagerie si ce n'est pas déjà fait : les mots de passe d'application en ont besoin.
create-an-app-password-there-bd7031e7 = Créez-y un mot de passe d'application et collez-le dans `password` sans espaces.
keep-username-as-your-full-c562226b = Gardez votre adresse e-mail complète dans `userName` et relancez le test.
your-provider-paused-the-sign-bc3768e5 = Votre fournisseur a bloqué l'identification jusqu'à ce que vous la confirmiez dans un navigateur web
the-provider-saw-a-sign-1538b2d6 = Le fournisseur a vu une identification depuis un endroit qu'il ne connaît pas (l'ordinateur qui fait tourner votre site) et l'a bloquée jusqu'à ce que vous confirmiez que c'était bien vous.
sign-in-to-your-webmail-dc909f89 = Connectez-vous à votre webmail dans un navigateur et approuvez toute alerte de sécurité concernant une identification bloquée.
use-an-app-password-a-b70684d9 = Utilisez un mot de passe d'application (un mot de passe à part pour les programmes, créé dans les paramètres de sécurité de votre compte) comme `password`.
test-again-within-a-few-9bb0093a = Relancez le test dans les minutes qui suivent.
sign-in-for-mail-programs-5421083f = L'identification des logiciels de messagerie est désactivée pour ce compte
microsoft-365-lets-administrators-switch-ec288b4e = Microsoft 365 permet aux administrateurs de désactiver « Authenticated SMTP » (la façon dont les programmes s'identifient pour envoyer des messages). C'est désactivé pour cette boîte mail ou pour toute l'organisation : même le bon mot de passe est donc refusé, tout comme un jeton OAuth.
if-it-is-off-for-491d3325 = Si c'est désactivé pour toute l'organisation, l'administrateur peut aussi l'autoriser à ce niveau (le paramètre Exchange SmtpClientAuthenticationDisabled mis à False).
wait-up-to-an-hour-89ecd3c1 = Attendez jusqu'à une heure après la modification, puis relancez le test.
your-provider-no-longer-accepts-262db022 = Votre fournisseur n'accepte plus de mot de passe venant des logiciels de messagerie
the-provider-has-switched-off-5bf866d0 = Le fournisseur a désactivé l'authentification de base (l'identification avec seulement un nom d'utilisateur et un mot de passe) et veut OAuth à la place (l'identification sur la page même du fournisseur). L'outil d'envoi d'ASP.NET ne sait pas faire OAuth, et un mot de passe d'application n'y change rien.
ask-your-administrator-whether-password-8e9b1d9b = Demandez à votre administrateur si l'identification par mot de passe peut être autorisée pour cette boîte mail (dans Microsoft 365, les paramètres de sécurité par défaut ou une stratégie d'accès conditionnel peuvent la bloquer).
or-send-your-website-s-543cef06 = Ou envoyez les messages de votre site via un service qui accepte les mots de passe, comme le serveur de messagerie de votre hébergeur ou un service d'envoi, et remplacez `host`, `userName` et `password` par ses valeurs.
or-ask-your-developer-to-129f53f6 = Ou demandez à votre développeur d'envoyer avec MailKit, qui prend en charge OAuth, et testez d'abord ici l'identification OAuth (Identification : Microsoft 365 (OAuth), ou `mailtester send --oauth microsoft`).
the-server-could-not-check-7d165cdf = Le serveur n'a pas pu vérifier le mot de passe pour le moment
the-server-s-sign-in-4e8378b1 = Le système d'identification du serveur a eu un problème passager : il n'a donc pu dire ni oui ni non. Le problème vient du fournisseur, et vos paramètres sont peut-être tout à fait corrects.
if-it-lasts-more-than-bcb37e76 = Si cela dure plus d'une heure, prévenez votre fournisseur de messagerie en joignant la réponse du serveur.
meanwhile-keep-username-and-password-16dfed9a = En attendant, ne touchez pas à `userName` ni à `password`.

## src/diagnosis/texts/connection.rs

the-mail-server-s-name-0d9f47b0 = Le nom du serveur de messagerie est introuvable
this-computer-asked-dns-the-9b8be64c = Cet ordinateur a demandé au DNS (l'annuaire d'internet) le nom indiqué dans `host` et n'a reçu aucune adresse : il ne sait donc pas où envoyer le message. En général, le nom contient une faute de frappe, ou cet ordinateur n'est pas connecté à internet en ce moment.
check-host-letter-by-letter-a1a74d49 = Comparez `host` lettre par lettre aux instructions de votre fournisseur de messagerie (il ressemble à `smtp.example.com`).
check-that-this-computer-can-ae3fe307 = Vérifiez que cet ordinateur peut ouvrir des sites web ; sinon, réparez la connexion internet et relancez le test.
if-the-name-is-right-18a00d53 = Si le nom est correct et qu'internet fonctionne, demandez à votre fournisseur de messagerie si le nom du serveur a changé.
the-server-turned-the-connection-280a4654 = Le serveur a refusé la connexion sur ce port
this-computer-reached-the-server-ba7fb590 = Cet ordinateur a joint le serveur, mais rien n'y accepte les messages sur ce port (la porte numérotée sur laquelle un programme écoute), ou un pare-feu (un filtre qui bloque les connexions) l'a refusée. Le plus souvent, le port n'est pas celui qu'utilise votre fournisseur, ou `host` désigne un autre serveur.
check-port-against-your-provider-f98b1afd = Comparez `port` aux instructions de votre fournisseur : `587` est le port habituel pour les sites web.
check-that-host-is-the-a4ce6940 = Vérifiez que `host` est bien le nom du serveur de messagerie, et non celui de votre site.
if-both-are-right-ask-112c3209 = Si les deux sont corrects, demandez à votre hébergeur si un pare-feu bloque les envois de messages depuis votre site.
the-server-did-not-answer-45d585cd = Le serveur n'a pas répondu à la tentative de connexion
nothing-answered-on-this-port-aeae7d79 = Rien n'a répondu sur ce port avant la fin du délai. Souvent, un pare-feu (un filtre qui bloque les connexions) chez l'hébergeur ou le fournisseur d'accès bloque sans rien dire les connexions sortantes vers les serveurs de messagerie, surtout sur le port 25 ; sinon, le serveur est peut-être en panne ou `host` désigne le mauvais endroit.
change-port-to-587-and-a8475885 = Remplacez `port` par `587` et mettez `enableSsl` à `true` : c'est la combinaison habituelle pour les sites web.
if-that-does-not-help-59fbce00 = Si cela ne suffit pas, demandez à votre hébergeur si les connexions sortantes vers les serveurs de messagerie sont bloquées, et sur quels ports.
check-that-host-is-correct-05aa5d08 = Vérifiez que `host` est correct et que le serveur fonctionne (voir la page d'état de votre fournisseur).
the-server-accepted-the-connection-e31e44f1 = Le serveur a accepté la connexion mais n'a jamais dit bonjour
a-mail-server-normally-greets-3b957db6 = Un serveur de messagerie accueille normalement une nouvelle connexion tout de suite. Quand il reste muet, c'est en général que le port attend le chiffrement dès le tout premier octet (« SSL dès la connexion », courant pour le port 465), ce que l'outil d'envoi d'ASP.NET ne sait pas faire ; plus rarement, le serveur est surchargé.
change-port-to-587-and-298d9c8c = Remplacez `port` par `587` et mettez `enableSsl` à `true`.
if-your-provider-offers-only-8846bc0f = Si votre fournisseur ne propose que le port 465, demandez-lui s'il a un port avec STARTTLS (la façon dont un serveur de messagerie passe à une connexion chiffrée), ou envoyez via un autre fournisseur.
if-port-is-already-587-ab4adb1c = Si `port` est déjà à `587`, attendez quelques minutes et relancez le test : le serveur est peut-être occupé.
something-other-than-a-mail-ecd3aa22 = Autre chose qu'un serveur de messagerie a répondu sur ce port
the-answer-did-not-look-bf4a9935 = La réponse ne ressemblait pas à du SMTP (le langage des serveurs de messagerie). Le port appartient peut-être à un site web ou à un autre service, ou `host` désigne une autre machine.
check-port-websites-send-mail-6058ee5d = Vérifiez `port` : les sites web envoient leurs messages par le port `587` (parfois `25`) ; les ports comme `80` et `443` servent aux sites web, et `110`, `143`, `993` et `995` à lire les messages.
check-host-against-your-provider-1e806a83 = Comparez `host` aux instructions de votre fournisseur.
if-both-look-right-a-336a3e56 = Si les deux semblent corrects, un logiciel de sécurité ou un proxy de ce réseau fait peut-être obstacle : demandez à la personne qui gère le réseau.
the-mail-server-is-not-c6852973 = Le serveur de messagerie n'accepte pas cette connexion pour le moment
the-server-answered-but-refused-f4bdb56e = Le serveur a répondu mais a refusé de servir cette connexion. En général, le serveur a un problème passager (maintenance ou surcharge), ou il refuse l'adresse internet de cet ordinateur, par exemple parce qu'elle figure sur une liste de blocage (une liste d'adresses connues pour le spam).
if-it-keeps-happening-send-e9edadf6 = Si cela se répète, envoyez la réponse du serveur (sous « Ce que le serveur a dit ») à votre fournisseur de messagerie et demandez-lui pourquoi il refuse la connexion.
check-host-and-port-a-5e76dfe7 = Vérifiez `host` et `port` : un serveur prévu pour recevoir des messages peut refuser d'en envoyer.
the-server-closed-the-connection-30180e72 = Le serveur a fermé la connexion au milieu de l'échange
the-connection-ended-before-the-a43f6fed = La connexion s'est coupée avant que le serveur ait fini de répondre. Les serveurs font cela quand quelque chose dans la connexion leur déplaît (trop de tentatives, une adresse bloquée, un réglage de chiffrement différent de celui attendu), et il arrive aussi que le réseau coupe des connexions.
check-that-port-and-enablessl-b2b965b7 = Vérifiez que `port` et `enableSsl` correspondent aux instructions de votre fournisseur (en général `587` avec `enableSsl` à `true`).
if-it-keeps-happening-send-a1e930a1 = Si cela se répète, envoyez la transcription à votre fournisseur de messagerie : l'étape où l'échange s'est arrêté lui indique où chercher.
the-server-stopped-answering-aaccd57c = Le serveur a cessé de répondre
the-server-accepted-the-connection-a1f81952 = Le serveur a accepté la connexion mais n'a pas répondu à temps. Il est peut-être surchargé, ou un pare-feu (un filtre qui bloque les connexions) garde la connexion ouverte sans rien laisser passer.
if-your-web-config-uses-60f26cb6 = Si votre web.config utilise le port 465 : ASP.NET ne peut pas l'utiliser et attend ainsi. Remplacez `port` par `587` et mettez `enableSsl` à `true`.
if-it-always-stops-at-8cf935d8 = S'il s'arrête toujours à la même étape, envoyez la transcription à votre fournisseur de messagerie.
the-test-was-stopped-before-0d4af77e = Le test a été arrêté avant la fin
the-test-was-cancelled-so-7a4af564 = Le test a été annulé : les étapes qui n'ont pas eu lieu n'ont donc pas de résultat. Cela ne dit rien sur le bon fonctionnement de vos paramètres.
press-send-test-email-to-82d3e493 = Cliquez sur « Envoyer un e-mail de test » pour relancer le test.
your-website-could-not-connect-2abab1d3 = Votre site n'a pas pu se connecter au serveur de messagerie
the-program-gives-this-one-4964373a = Le programme donne ce même message pour plusieurs causes : un pare-feu (un filtre qui bloque les connexions) chez l'hébergeur bloque le port, rien n'écoute sur ce port, ou le réglage de chiffrement ne correspond pas au port. Le port 25 est le plus souvent bloqué.
change-port-to-587-and-05b8a3c8 = Remplacez `port` par `587` et mettez `enableSsl` à `true` (dans PHPMailer : `Port = 587` et `SMTPSecure = 'tls'`).
check-that-host-is-exactly-b9f2e985 = Vérifiez que `host` est exactement le nom de serveur donné par votre fournisseur.
ask-your-hosting-company-whether-3e97a686 = Demandez à votre hébergeur si les connexions sortantes pour l'envoi de messages sont autorisées, et sur quels ports.
no-mail-server-is-set-2344fbac = Aucun serveur de messagerie n'est défini
asp-net-found-no-host-5acadb75 = ASP.NET n'a trouvé aucun `host` dans la section `<mailSettings>` de web.config (ni dans le code du site) : il ne sait donc pas par quel serveur envoyer.
add-host-to-the-network-473361fe = Ajoutez `host` à l'élément `<network>` de web.config, par exemple `host="smtp.example.com"`.
check-that-mailsettings-sits-inside-b1a5f996 = Vérifiez que `<mailSettings>` se trouve bien dans `<system.net>`, dans le web.config du site qui envoie les messages.
asp-net-waited-on-port-363e8bfc = ASP.NET a attendu sur le port 465 un message d'accueil qui ne vient jamais
port-465-expects-encryption-from-540d0aa0 = Le port 465 attend le chiffrement dès le tout premier octet (« SSL dès la connexion »), ce que l'outil d'envoi d'ASP.NET ne sait pas faire : il attend que le serveur dise bonjour, jusqu'à abandonner avec « The operation has timed out ».
your-website-gave-up-waiting-1b764594 = Votre site a cessé d'attendre le serveur de messagerie
the-operation-has-timed-out-366dd6df = « The operation has timed out. », sans rien de plus, est la façon dont l'outil d'envoi d'ASP.NET dit que le serveur n'a pas fini de répondre dans le délai imparti (100 secondes si `timeout` n'est pas défini). Le plus souvent, le serveur n'a même jamais dit bonjour : le port attend le chiffrement dès le tout premier octet (« SSL dès la connexion », port 465), ce que l'outil d'envoi d'ASP.NET ne sait pas faire.
if-port-is-465-change-c94da191 = Si `port` est à `465`, remplacez-le par `587` et mettez `enableSsl` à `true`.
otherwise-run-this-tester-with-10f4acc3 = Sinon, lancez ce testeur avec les mêmes paramètres : il montre l'étape où le serveur cesse de répondre.
the-program-that-sends-your-81bb5371 = Le programme qui envoie vos messages a lui-même annulé l'envoi
the-operation-was-canceled-means-e40cc474 = « The operation was canceled » signifie que l'envoi a été arrêté par le code du programme lui-même, et non refusé par le serveur de messagerie : les bibliothèques de messagerie .NET comme MailKit disent cela quand l'appelant annule, par exemple quand la requête web qui envoie le message se termine avant, ou que le délai propre à l'application est écoulé. Cela ne dit encore rien sur le bon fonctionnement des paramètres d'envoi.
test-the-same-settings-with-74a36907 = Testez les mêmes paramètres avec ce testeur : il montre si le serveur les accepte.
if-the-test-works-ask-3b9483ea = Si le test fonctionne, demandez à votre développeur si le site annule l'envoi trop tôt (un délai trop court, ou une requête qui se termine avant que le message soit envoyé).
this-is-the-server-for-cde919ef = C'est le serveur qui sert à lire les messages, pas celui qui sert à les envoyer
the-port-answered-like-an-bc793875 = Le port a répondu comme un serveur IMAP ou POP3 : le serveur qu'utilise un logiciel de messagerie pour lire la boîte mail. Un site envoie par le serveur SMTP, qui a son propre port et souvent son propre nom (`smtp.` plutôt que `imap.`, `pop.` ou `mail.`).
change-port-to-587-and-9103f925 = Remplacez `port` par `587` et mettez `enableSsl` à `true` : c'est le port habituel pour l'envoi.
if-it-still-fails-look-47a17eb2 = Si cela échoue encore, cherchez le « serveur sortant (SMTP) » dans les instructions de votre fournisseur et mettez ce nom dans `host`.
the-server-accepted-the-connection-ee71a7a7 = Le serveur a accepté la connexion mais n'a jamais répondu
a-mail-server-greets-a-a2e73efe = Un serveur de messagerie accueille une nouvelle connexion tout de suite. Celui-ci est resté muet, y compris quand le test a commencé en chiffré : il n'attend donc pas le SSL dès la connexion. Le serveur est peut-être surchargé, ou un pare-feu ou un filtre sur le trajet garde les connexions ouvertes sans rien laisser passer.
check-host-and-port-against-b14f8d04 = Comparez `host` et `port` aux instructions de votre fournisseur pour l'envoi de messages (en général le port `587`).
if-it-stays-silent-ask-069de325 = S'il reste muet, demandez à votre hébergeur s'il filtre les connexions sortantes d'envoi de messages (beaucoup gardent le port `25` ouvert sans rien laisser passer).

## src/diagnosis/texts/oauth.rs

the-mail-server-refused-the-c36aa8ff = Le serveur de messagerie a refusé le jeton d'identification
oauth-means-signing-in-with-bde56524 = OAuth, c'est s'identifier avec un jeton de Microsoft ou de Google au lieu d'un mot de passe. Le serveur a refusé ce jeton : il a peut-être expiré, il est destiné à un autre service ou à une autre boîte mail, ou l'application qui l'utilise n'a pas encore le droit d'envoyer des messages.
get-a-new-token-and-beea9d01 = Obtenez un nouveau jeton et relancez le test (les jetons durent environ une heure).
check-that-username-is-the-b1f08c04 = Vérifiez que `userName` est bien la boîte mail pour laquelle le jeton a été émis.
check-the-app-s-permission-e05ab3e6 = Vérifiez l'autorisation d'envoi de messages de l'application (Microsoft 365 : SMTP.SendAsApp avec consentement administrateur, le principal de service et l'autorisation sur la boîte mail ; Google : la portée https://mail.google.com/).
this-server-does-not-offer-a3b68dfd = Ce serveur ne propose pas l'identification par jeton
the-server-offers-no-oauth-3a29dae0 = Le serveur ne propose aucune identification OAuth (XOAUTH2 ou OAUTHBEARER) sur cette connexion : le jeton n'a donc pas été envoyé. Seuls certains fournisseurs acceptent les jetons, surtout Microsoft 365 et Google.
check-host-and-port-microsoft-ab58eb61 = Vérifiez `host` et `port` : Microsoft 365, c'est smtp.office365.com port 587, Google, smtp.gmail.com port 587, tous deux avec `enableSsl` activé.
if-this-provider-takes-passwords-25d1840e = Si ce fournisseur accepte les mots de passe, choisissez Mot de passe comme identification et saisissez `userName` et `password`.
the-token-was-not-sent-ff28ae63 = Le jeton n'a pas été envoyé, car la connexion n'est pas chiffrée
anyone-on-the-way-could-026cb93d = N'importe qui sur le trajet pourrait copier un jeton envoyé sur une connexion non chiffrée et envoyer des messages en votre nom jusqu'à son expiration : ce test n'en envoie donc jamais de cette façon.
turn-enablessl-on-starttls-and-ce9fc4ee = Activez `enableSsl` (STARTTLS) et utilisez le port 587, puis relancez le test.
if-the-server-offers-no-4bbe69ad = Si le serveur ne propose de chiffrement sur aucun port, il ne peut pas accepter l'identification OAuth en toute sécurité : demandez à votre fournisseur son port chiffré.
microsoft-did-not-accept-the-3a160626 = Microsoft n'a pas accepté le secret client de l'application
before-any-mail-is-sent-633411c0 = Avant tout envoi, l'application s'identifie auprès de Microsoft avec son ID client et son secret client (le mot de passe de l'application) pour obtenir un jeton. Microsoft a refusé le secret : il est mal tapé, expiré, ou c'est l'ID du secret qui a été copié au lieu de sa valeur.
in-the-microsoft-entra-admin-c9835d8e = Dans le Centre d'administration Microsoft Entra, ouvrez App registrations (inscriptions d'applications) → votre application → Certificates & secrets, et créez un nouveau secret client.
copy-its-value-shown-only-697d91d8 = Copiez sa Value (affichée une seule fois), pas son Secret ID, et relancez le test avec.
microsoft-does-not-know-this-75d6c55c = Microsoft ne connaît pas cette application dans cette organisation
no-app-with-this-client-6d868a30 = Aucune application avec cet ID client n'est inscrite dans l'organisation (le tenant) interrogée par le test. Soit l'ID client est mal tapé, soit l'application se trouve dans une autre organisation.
copy-the-application-client-id-674ef97a = Copiez à nouveau l'Application (client) ID depuis App registrations → votre application → Overview.
check-that-the-directory-tenant-64a4d76d = Vérifiez que le Directory (tenant) ID sur la même page est bien celui qu'utilise le test.
microsoft-does-not-know-this-3b3cd9cd = Microsoft ne connaît pas cette organisation (tenant)
the-tenant-identifies-your-organisation-0a1f62ed = Le tenant identifie votre organisation chez Microsoft : son Directory (tenant) ID ou l'un de ses domaines. Microsoft n'a trouvé aucune organisation sous ce nom.
copy-the-directory-tenant-id-3f371c4a = Copiez le Directory (tenant) ID depuis App registrations → votre application → Overview, ou utilisez le domaine de votre organisation (votreentreprise.onmicrosoft.com).
the-app-may-not-send-9ca8eb09 = L'application n'a pas encore le droit d'envoyer des messages : un administrateur doit l'approuver
the-app-asked-for-permission-565125cd = L'application a demandé l'autorisation d'envoyer des messages, et personne ayant des droits d'administrateur n'a encore approuvé (donné son consentement à) cette autorisation dans votre organisation.
in-app-registrations-your-app-d480bf7d = Dans App registrations → votre application → API permissions, ajoutez Office 365 Exchange Online → Application permissions → SMTP.SendAsApp.
click-grant-admin-consent-a-0096d685 = Cliquez sur « Grant admin consent » (un administrateur général ou un administrateur de rôle privilégié peut le faire), puis relancez le test.
getting-a-sign-in-token-346be9e3 = L'obtention d'un jeton d'identification auprès du fournisseur a échoué
before-any-mail-is-sent-5a4041b2 = Avant tout envoi, le test demande un jeton au service d'identification du fournisseur. Cette demande a échoué : le serveur de messagerie n'a donc pas du tout été contacté.
read-the-provider-s-message-c4926a58 = Lisez le message du fournisseur ci-dessous ; il indique ce qu'il n'a pas accepté.
check-the-tenant-client-id-423e50ed = Vérifiez le tenant, l'ID client et le secret client, puis relancez le test.

## src/diagnosis/texts/sending.rs

the-server-will-not-pass-322f9063 = Le serveur refuse de transmettre vos messages à d'autres adresses
relaying-passing-mail-on-to-e7749b8a = Le relais (transmettre des messages à des adresses hors des propres domaines du serveur) n'est autorisé que pour les utilisateurs identifiés ou les expéditeurs connus, et cette connexion n'en faisait pas partie. En général, aucune identification n'a eu lieu, ou le port est prévu pour recevoir des messages plutôt que pour en envoyer.
fill-in-username-usually-your-960bb2d1 = Remplissez `userName` (en général votre adresse e-mail complète) et `password`, et mettez `defaultCredentials` à `false`.
use-port-587-with-enablessl-87cafacb = Utilisez `port` `587` avec `enableSsl` à `true`.
if-your-hosting-company-lets-00fadcde = Si votre hébergeur laisse les sites envoyer sans mot de passe, demandez-lui d'autoriser l'adresse du serveur sur lequel tourne votre site.
the-server-will-not-send-6bfece32 = Le serveur refuse d'envoyer des messages depuis cette adresse d'expéditeur
the-sender-address-from-must-34e8cbf7 = L'adresse d'expéditeur (`from`) doit être une adresse au nom de laquelle le compte a le droit d'envoyer : en général la boîte mail avec laquelle vous vous identifiez, ou une adresse vérifiée par votre fournisseur. Celle-ci n'en fait pas partie.
set-from-to-the-same-14aaa3c1 = Mettez dans `from` la même adresse que dans `userName`.
or-ask-your-provider-or-5ba176df = Ou demandez à votre fournisseur ou à votre administrateur d'autoriser cette adresse d'expéditeur, par exemple en la vérifiant ou en accordant l'autorisation « Send As » (Envoyer en tant que).
the-server-refused-the-address-99174203 = Le serveur a refusé l'adresse à laquelle le test a été envoyé
your-settings-got-through-but-8c28461a = Vos paramètres sont passés, mais le destinataire du test a été refusé : l'adresse n'existe peut-être pas, ou sa boîte mail ne peut pas recevoir de messages pour le moment. Cela concerne l'adresse de test, pas votre web.config.
check-the-send-the-test-55d34997 = Vérifiez qu'il n'y a pas de faute de frappe dans l'adresse « Envoyer le test à ».
send-the-test-to-another-bc94762a = Envoyez le test à une autre adresse qui vous appartient, par exemple celle de `from`.
the-server-refused-the-message-01dd6462 = Le serveur a refusé le message lui-même
the-connection-and-sign-in-10c93ba1 = La connexion et l'identification ont fonctionné, mais le message a été refusé : par exemple il était trop gros, ressemblait à du spam, ou le domaine de l'expéditeur a échoué aux vérifications SPF ou DKIM (des enregistrements DNS qui prouvent qu'un serveur a le droit d'envoyer des messages pour votre domaine).
read-the-server-s-reply-830e27f9 = Lisez la réponse du serveur ci-dessous : elle indique en général la raison.
if-it-mentions-spf-dkim-4056d896 = Si elle mentionne SPF, DKIM ou DMARC, demandez à la personne qui gère le DNS de votre domaine d'ajouter les enregistrements indiqués par votre fournisseur de messagerie.
to-see-whether-the-domain-caf4671e = Pour savoir si le domaine est en cause, mettez dans `from` une adresse du propre domaine de votre fournisseur de messagerie et relancez le test.
this-mail-account-is-blocked-d848b535 = Ce compte de messagerie est bloqué pour l'envoi
the-provider-has-stopped-this-11d4a609 = Le fournisseur a interdit l'envoi à ce compte, souvent après avoir remarqué une activité inhabituelle, comme du spam envoyé avec un mot de passe volé. Seul le fournisseur ou votre administrateur peut lever le blocage.
sign-in-to-your-webmail-e8982548 = Connectez-vous à votre webmail et cherchez un message au sujet d'un compte bloqué ou restreint.
change-the-account-s-password-ac418634 = Changez le mot de passe du compte (quelqu'un d'autre le connaît peut-être), puis mettez le nouveau dans `password`.
ask-your-provider-or-administrator-2b83a423 = Demandez à votre fournisseur ou à votre administrateur de lever le blocage de l'envoi (dans Microsoft 365 : Defender → Entités restreintes).
the-server-asks-to-slow-8249af09 = Le serveur demande de ralentir et de réessayer plus tard
providers-limit-how-much-mail-f9900a0a = Les fournisseurs limitent la quantité de messages qu'un compte ou une adresse internet peut envoyer en un temps donné. Cette limite a été atteinte, ou le serveur se méfie de cette connexion pendant un moment ; cela se débloque tout seul.
wait-15-to-60-minutes-07d89075 = Attendez 15 à 60 minutes et relancez le test.
if-your-website-sends-a-32eaf05a = Si votre site envoie beaucoup de messages, vérifiez les limites d'envoi de votre fournisseur ou utilisez un service d'envoi conçu pour les gros volumes.
set-clientdomain-to-your-website-fae63d04 = Mettez dans `clientDomain` le nom de domaine complet de votre site (par exemple `www.example.com`) : certains serveurs se méfient des ordinateurs qui se présentent comme `localhost`.
the-server-asked-to-send-503e5275 = Le serveur a demandé de renvoyer dans quelques minutes (greylisting)
some-servers-turn-away-the-f3e0dc99 = Certains serveurs refusent volontairement le premier message d'un expéditeur qu'ils ne connaissent pas encore, et l'acceptent quand il revient quelques minutes plus tard : c'est ce qu'on appelle le greylisting, et il n'y a rien d'anormal dans vos paramètres ni dans l'adresse. Mais ASP.NET ne renvoie pas de lui-même : un message refusé ainsi est perdu, sauf si votre site réessaie.
test-again-in-5-to-3f46aedd = Relancez le test dans 5 à 15 minutes : il devrait être accepté.
for-mail-that-matters-orders-40efb6b9 = Pour les messages importants (commandes, réinitialisations de mot de passe), envoyez via le serveur de votre fournisseur avec identification (port `587`) : les messages des expéditeurs identifiés ne passent pas par le greylisting.
or-make-the-website-try-b16fc931 = Ou faites en sorte que le site réessaie quand l'envoi échoue (une file d'attente, ou un nouvel essai après quelques minutes).
your-account-has-used-up-20d9b0fd = Votre compte a épuisé son quota d'envoi
the-provider-limits-how-much-f1851918 = Le fournisseur limite la quantité de messages qu'un compte peut envoyer par jour ou par mois (ou la vend sous forme de crédits), et ce compte a atteint la limite. Attendre quelques minutes n'y changera rien : elle se réinitialise au bout d'un jour au plus, au début de la période suivante, ou quand l'offre est augmentée.
wait-until-the-limit-resets-6a52ebd9 = Attendez que la limite se réinitialise (en général 24 heures ; pour une offre mensuelle, le mois suivant) et relancez le test.
check-that-your-website-is-39b0b049 = Vérifiez que votre site n'envoie pas beaucoup plus qu'il ne devrait : un formulaire de contact utilisé par des spammeurs peut épuiser n'importe quel quota.
if-your-website-really-needs-083b7d6f = Si votre site a vraiment besoin de plus, demandez une limite plus haute au fournisseur, ou envoyez via un service conçu pour les sites web (SendGrid, Mailgun, Amazon SES, Brevo).
the-server-had-a-temporary-10581399 = Le serveur a eu un problème passager
the-server-answered-with-a-0008d626 = Le serveur a répondu par un code « réessayez plus tard » (un code qui commence par 4) : le problème devrait donc se régler sans aucune modification de votre côté.
if-it-keeps-happening-send-0dc4deb9 = Si cela se répète, envoyez la réponse du serveur à votre fournisseur de messagerie.
meanwhile-keep-host-port-and-f176ef63 = En attendant, ne touchez pas à `host`, `port` ni `enableSsl`.
we-don-t-recognise-this-718ec519 = Nous ne reconnaissons pas ce problème
the-test-stopped-with-a-fda2c04f = Le test s'est arrêté sur un message que nous ne savons pas encore expliquer. Les détails montrent exactement ce qu'ont dit le serveur ou cet ordinateur.
look-in-the-server-s-cd1cf764 = Cherchez dans la réponse du serveur un code comme `535` ou `5.7.8` et une courte raison, et envoyez-les à votre fournisseur de messagerie.
check-host-port-and-enablessl-dce5d8be = Comparez `host`, `port` et `enableSsl` aux instructions de votre fournisseur.
save-the-report-it-leaves-9e9a3053 = Enregistrez le rapport (il ne contient pas votre mot de passe) et envoyez-le à l'assistance de votre hébergeur.
sending-failed-and-this-part-b5549368 = L'envoi a échoué, et cette partie du message ne dit pas pourquoi
failure-sending-mail-is-only-5e94f296 = « Failure sending mail » n'est que le message extérieur : la raison se trouve dans l'exception intérieure qui le suit (après « ---> ») dans le journal d'erreurs complet.
copy-the-whole-error-including-0a4fa195 = Copiez l'erreur entière, y compris les lignes après « ---> », et collez-la ici à nouveau.
or-run-the-test-in-cd3c3210 = Ou lancez le test dans ce programme avec les mêmes paramètres : il montre l'étape exacte qui échoue.
meanwhile-check-host-port-and-b6ee72c6 = En attendant, comparez `host`, `port` et `enableSsl` aux instructions de votre fournisseur.
we-don-t-recognise-this-689d3f81 = Nous ne reconnaissons pas ce message
it-contains-no-mail-server-31c9c54f = Il ne contient aucun code de réponse de serveur de messagerie (comme `535` ou `5.7.8`) ni aucune erreur connue d'ASP.NET, PHPMailer, Nodemailer, Python ou MailKit.
paste-the-whole-error-including-72e71f75 = Collez l'erreur entière, y compris les lignes après « ---> » ou « Caused by » : la cause se trouve souvent à la fin.
look-for-a-three-digit-50926ef1 = Cherchez un code à trois chiffres qui commence par 4 ou 5 (comme `550`) ou un code comme `5.7.1`, et les mots qui le suivent : c'est la raison donnée par le serveur.
or-run-the-test-in-98479cfe = Ou lancez le test dans ce programme avec vos `host`, `port` et `enableSsl` : il montre l'étape exacte qui échoue.
this-account-may-sign-in-debe5d24 = Ce compte ne peut s'identifier que depuis les adresses listées par son fournisseur
the-provider-lets-this-account-8646e994 = Le fournisseur ne laisse ce compte s'identifier que depuis les adresses internet (adresses IP) listées dans ses réglages, et l'adresse d'où venait cette tentative n'en fait pas partie. Le mot de passe n'a même pas été vérifié.
in-your-mail-provider-s-50eeb67e = Dans le panneau de configuration de votre fournisseur de messagerie, ouvrez les paramètres SMTP du compte et trouvez la liste des adresses IP autorisées.
add-your-web-server-s-7d9995ed = Ajoutez l'adresse IP publique de votre serveur web (votre hébergeur peut vous dire laquelle).
to-run-this-tester-from-3402b27a = Pour lancer aussi ce testeur depuis un autre ordinateur, ajoutez également l'adresse de cet ordinateur, ou demandez à votre fournisseur de lever la restriction.
your-website-could-not-read-f7b4fedd = Votre site n'a pas pu lire l'une des adresses e-mail
the-specified-string-is-not-8907296d = « The specified string is not in the form required for an e-mail address » vient d'ASP.NET lui-même, avant qu'aucun serveur de messagerie soit contacté : l'adresse `from`, ou une adresse que le site met en À, Cc ou Cci, contient une faute de frappe (un @ manquant, une espace, deux adresses dans un même champ).
check-from-in-web-config-26d1a3fb = Vérifiez `from` dans web.config : une seule adresse comme `info@example.com` (un nom peut la précéder : `Boutique <info@example.com>`).
if-from-is-right-the-a6e15de4 = Si `from` est correct, l'adresse vient du site lui-même (un formulaire rempli par un visiteur, ou un réglage du site) : demandez à votre développeur de vérifier les adresses avant l'envoi.
the-server-refused-and-your-051e3698 = Le serveur a refusé, et le journal de votre site ne dit pas pourquoi
syntax-error-command-unrecognized-is-23a7ab1e = « Syntax error, command unrecognized. » est ce qu'écrit l'outil d'envoi d'ASP.NET pour toute réponse de serveur dont il ne connaît pas le code (le 535 d'un mot de passe refusé, par exemple). Sans les propres mots du serveur qui suivent, le journal ne permet pas de savoir quel paramètre est faux.
if-the-log-goes-on-c96ac828 = Si le journal continue avec « The server response was: », collez aussi cette ligne.
run-the-test-here-with-8c3a56a5 = Lancez le test ici avec les mêmes paramètres : il montre la réponse du serveur mot pour mot et ce qu'elle signifie.
an-address-has-letters-asp-508530c0 = Une adresse contient des lettres qu'ASP.NET n'envoie qu'avec un réglage
the-client-or-server-is-874f1000 = « The client or server is only configured for E-mail addresses with ASCII local-parts » signifie que l'adresse citée à la fin contient des lettres hors de l'alphabet anglais simple avant le @ (comme ö ou é). ASP.NET n'envoie de telles adresses qu'avec `deliveryFormat="International"`, et seulement via un serveur de messagerie qui propose SMTPUTF8 (la norme pour les adresses internationales).
if-the-address-is-from-d8b5febf = Si l'adresse est `from`, utilisez-en une avec des lettres simples avant le @.
if-it-is-a-customer-30b90862 = Si c'est l'adresse d'un client, ajoutez `deliveryFormat="International"` à `<smtp>` dans web.config (.NET Framework 4.5 ou plus récent) et lancez le test ici pour vérifier que votre serveur de messagerie propose SMTPUTF8.

## src/diagnosis/texts/tls.rs

the-server-wants-an-encrypted-bcbb2dd1 = Le serveur veut une connexion chiffrée
the-server-will-not-go-b13a1048 = Le serveur ne continuera pas tant que la connexion n'est pas chiffrée avec STARTTLS (la façon dont un serveur de messagerie passe à une connexion chiffrée). Dans web.config, `enableSsl="true"` l'active.
use-port-587-the-usual-d29b1fcf = Utilisez `port` `587` (le port habituel pour envoyer depuis un site web), sauf indication contraire de votre fournisseur.
the-server-does-not-offer-345a167c = Le serveur ne propose pas de connexion chiffrée sur ce port
with-enablessl-on-asp-net-bc209598 = Avec `enableSsl` activé, ASP.NET demande STARTTLS (la façon dont un serveur de messagerie passe à une connexion chiffrée), et ce serveur ne l'a pas proposé : ASP.NET s'arrête donc avec « Server does not support secure connections ». En général, le port ou le serveur n'est pas le serveur d'envoi du fournisseur, ou le chiffrement du serveur n'est pas configuré.
check-host-and-port-against-3146a584 = Comparez `host` et `port` aux instructions de votre fournisseur ; si `port` est à `25`, essayez `587`.
ask-your-mail-provider-whether-e9b014ae = Demandez à votre fournisseur de messagerie si ce serveur prend en charge STARTTLS, et sur quel port.
turning-enablessl-off-would-send-df98f72a = Désactiver `enableSsl` enverrait votre mot de passe sans chiffrement (lisible par n'importe qui sur le trajet) : ne l'envisagez que si votre fournisseur confirme que le serveur est sur votre propre réseau privé.
this-port-starts-unencrypted-and-8eab0593 = Ce port commence sans chiffrement et passe au chiffrement ensuite
one-side-started-encrypting-straight-ebbd67b5 = Un côté a commencé à chiffrer tout de suite (« SSL dès la connexion ») alors que l'autre attendait d'abord du texte en clair puis un passage au chiffrement avec STARTTLS (la façon dont un serveur de messagerie passe à une connexion chiffrée). Les deux façons ne se mélangent pas : la négociation (l'échange qui met en place le chiffrement) a donc échoué.
keep-this-port-and-set-14145fd0 = Gardez ce port et mettez `enableSsl` à `true` (dans d'autres programmes, choisissez « STARTTLS » ou « TLS » plutôt que « SSL »).
or-in-programs-other-than-6eb280ba = Ou, dans les programmes autres qu'ASP.NET, gardez « SSL » et passez au port `465` si votre fournisseur le prend en charge.
the-encrypted-connection-could-not-38a20e5a = La connexion chiffrée n'a pas pu être établie
the-handshake-the-exchange-that-d77564bd = La négociation (l'échange qui met en place le chiffrement) a échoué. Les causes courantes sont un serveur qui ne connaît que d'anciennes versions du chiffrement (TLS 1.0 ou 1.1, que les programmes modernes refusent), un serveur dont le chiffrement est mal configuré, ou un logiciel de sécurité sur cet ordinateur qui perturbe les connexions chiffrées.
test-again-in-a-few-b2d0d9dc = Relancez le test dans quelques minutes : certains serveurs ont des problèmes de chiffrement de courte durée.
send-the-transcript-to-your-6a58275d = Envoyez la transcription à votre fournisseur de messagerie et demandez-lui si le serveur prend en charge TLS 1.2 ou plus récent.
if-this-computer-runs-antivirus-bc7e4c13 = Si cet ordinateur a un antivirus qui analyse les e-mails, suspendez son analyse des e-mails le temps d'un test, ou demandez à son éditeur.
the-server-s-encryption-is-47c71bd6 = Le chiffrement du serveur ne fonctionne pas en ce moment
the-server-offers-starttls-the-a70908db = Le serveur propose STARTTLS (la façon dont un serveur de messagerie passe à une connexion chiffrée) mais a refusé de le démarrer, en disant que le chiffrement n'est pas disponible : un problème du serveur, en général passager (son certificat n'a pas pu être chargé). Vos paramètres sont corrects.
if-it-lasts-tell-your-775241a7 = Si cela dure, signalez à votre fournisseur de messagerie que le serveur répond à STARTTLS par « TLS not available » (la transcription montre les mots exacts).
do-not-switch-encryption-off-f58feb01 = Ne désactivez pas le chiffrement pour contourner le problème : votre mot de passe traverserait alors le réseau lisible par n'importe qui sur le trajet.
the-mail-server-only-knows-f8184d45 = Le serveur de messagerie ne connaît qu'un chiffrement périmé (TLS 1.0 ou 1.1)
the-server-offered-only-tls-91482b71 = Le serveur n'a proposé que TLS 1.0 ou 1.1, des versions du chiffrement de 1999 et 2006 qui ne sont plus sûres. Ce test les refuse, comme tout programme à jour, et les fournisseurs de messagerie et Microsoft les ont désactivées. Votre site arrive peut-être encore à se connecter aujourd'hui si son serveur Windows autorise TLS 1.0, mais cela touche à sa fin : le serveur doit être mis à jour.
ask-your-mail-provider-or-b5203011 = Demandez à votre fournisseur de messagerie ou à votre hébergeur d'activer TLS 1.2 ou plus récent sur le serveur de messagerie (tous les logiciels serveur des dix dernières années en sont capables).
or-send-through-a-provider-361887b5 = Ou envoyez via un fournisseur dont le serveur prend en charge TLS 1.2 : remplacez `host` (et `port`) par son serveur.
until-then-do-not-switch-9755bfec = D'ici là, ne désactivez pas le chiffrement pour que cela marche : le mot de passe traverserait alors le réseau lisible par n'importe qui sur le trajet.
once-the-web-server-s-9cd19b68 = Dès que le Windows du serveur web désactivera TLS 1.0, le journal d'erreurs de votre site indiquera « A call to SSPI failed, see inner exception. » (« The client and server cannot communicate, because they do not possess a common algorithm ») : la même correction s'applique.
the-server-s-security-certificate-04fd7a4d = Le certificat de sécurité du serveur est établi pour un autre nom de serveur
a-certificate-the-server-s-dd0086e8 = Un certificat (la preuve d'identité du serveur) liste les noms pour lesquels il est valable, et le nom indiqué dans `host` n'en fait pas partie. C'est courant avec l'hébergement mutualisé, où le certificat porte le nom du serveur de l'hébergeur plutôt que votre domaine.
change-host-to-a-name-ee8ec06c = Remplacez `host` par un nom pour lequel le certificat est valable (votre panneau d'hébergement l'affiche en général comme nom du serveur de messagerie).
if-the-name-must-stay-880e7635 = Si le nom doit rester, demandez à votre hébergeur de l'ajouter au certificat.
the-server-s-security-certificate-354d75d4 = Le certificat de sécurité du serveur n'est pas reconnu comme fiable
the-certificate-the-server-s-4ec64fb5 = Le certificat (la preuve d'identité du serveur) n'est garanti par aucune autorité à laquelle cet ordinateur fait confiance. Il est peut-être auto-signé (créé par le serveur pour lui-même), le serveur omet peut-être le certificat intermédiaire qui le relie à une autorité de confiance, ou un logiciel de sécurité de ce réseau le remplace peut-être.
ask-your-mail-provider-or-232ac121 = Demandez à votre fournisseur de messagerie ou à votre hébergeur d'installer un certificat d'une autorité publique (par exemple Let's Encrypt), avec son certificat intermédiaire.
if-the-server-belongs-to-8f76e621 = Si le serveur appartient à votre propre organisation et utilise une autorité privée, donnez au test le certificat de cette autorité dans « Fichier CA supplémentaire » sous Avancé (`--ca-file` en ligne de commande) ; le serveur qui fait tourner votre site doit aussi lui faire confiance.
or-change-host-to-the-8c9dc251 = Ou remplacez `host` par le nom de serveur recommandé par votre fournisseur : il a en général un certificat valide.
the-server-s-security-certificate-d63d22af = Le certificat de sécurité du serveur a expiré
a-certificate-the-server-s-572e2148 = Un certificat (la preuve d'identité du serveur) n'est valable que pendant une période donnée, et celui-ci est en dehors. Les logiciels de messagerie, ASP.NET compris, refusent un tel serveur pour protéger votre mot de passe.
tell-your-mail-provider-or-98ff1f18 = Signalez à votre fournisseur de messagerie ou à votre hébergeur que le certificat du serveur de messagerie a expiré ; eux seuls peuvent le renouveler.
check-that-this-computer-s-216e1f80 = Vérifiez que la date et l'heure de cet ordinateur sont justes : une horloge fausse fait paraître expirés des certificats valides.
the-server-s-security-certificate-45756667 = Le certificat de sécurité du serveur n'est pas encore valable
a-certificate-the-server-s-e8a30f57 = Un certificat (la preuve d'identité du serveur) n'est valable qu'à partir d'une date donnée, et d'après l'horloge de cet ordinateur, cette date n'est pas encore arrivée. En général, c'est l'horloge de cet ordinateur qui est fausse ; plus rarement, le serveur a un certificat daté dans le futur.
check-that-this-computer-s-0e843109 = Vérifiez que la date, l'heure et le fuseau horaire de cet ordinateur sont justes, puis relancez le test.
if-the-clock-is-right-8f493c61 = Si l'horloge est juste, signalez à votre fournisseur de messagerie que le certificat du serveur de messagerie n'est pas encore valable.
the-server-wants-an-encrypted-fa383e8e = Le serveur veut une connexion chiffrée ou une identification
asp-net-shows-this-message-0837b825 = ASP.NET affiche ce message pour deux refus différents : le serveur veut le chiffrement avec STARTTLS (la façon dont un serveur de messagerie passe à une connexion chiffrée), ou il veut d'abord une identification. Les propres mots du serveur après « The server response was: » indiquent lequel.
set-enablessl-to-true-and-8c899e5c = Mettez `enableSsl` à `true` et utilisez `port` `587`.
test-again-if-it-still-548726f4 = Relancez le test ; si cela échoue encore, la réponse du serveur indique lequel des deux manque.
your-website-and-the-mail-074c2270 = Votre site et le serveur de messagerie n'ont trouvé aucune version du chiffrement qu'ils parlent tous les deux
the-remote-party-has-closed-5bd76f7e = « The remote party has closed the transport stream » et « do not possess a common algorithm » signifient que la négociation du chiffrement a échoué avant tout envoi. Les serveurs de messagerie n'acceptent plus que TLS 1.2 ou plus récent, alors que les sites .NET Framework qui ciblent la version 4.5.2 ou plus ancienne ne proposent par défaut que TLS 1.0 : c'est la cause habituelle.
check-targetframework-in-web-config-52086986 = Vérifiez `targetFramework` dans web.config (`<httpRuntime targetFramework="…" />`) : si c'est 4.5.2 ou moins, écrivez `<httpRuntime targetFramework="4.8" />` (.NET Framework 4.8 doit être installé sur le serveur web ; votre hébergeur peut vous le dire).
or-have-your-developer-add-de3780a8 = Ou faites ajouter par votre développeur `ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;` au démarrage du site.
if-the-site-already-targets-957e6eff = Si le site cible déjà la version 4.7 ou plus récente, lancez le test ici avec les mêmes paramètres : il montre si le serveur lui-même a un problème de chiffrement.

## src/discover/autoconfig.rs

the-file-names-no-outgoing-da3cda86 = le fichier n'indique aucun serveur SMTP sortant
tls-set-up-failed-err-0e784387 = la mise en place de TLS a échoué ({ $err })
could-not-set-up-the-7a58deaf = impossible de préparer le téléchargement ({ $err })
the-web-server-answered-status-bb1a36ee = le serveur web a répondu { $status }
the-file-is-far-too-8ea85755 = le fichier est bien trop gros pour un fichier autoconfig
no-answer-in-time-132d9f04 = pas de réponse à temps
could-not-connect-87553579 = connexion impossible
the-download-failed-6b35b8c9 = le téléchargement a échoué
no-answer-in-time-cause-dd991151 = pas de réponse à temps : { $cause }
could-not-connect-cause-d51a1172 = connexion impossible : { $cause }
the-download-failed-cause-7b220fc2 = le téléchargement a échoué : { $cause }

## src/discover/mod.rs

this-computer-s-dns-settings-df57410c = les paramètres DNS de cet ordinateur
cancelled-before-a-usable-server-e60f4d58 = Annulé avant qu'un serveur utilisable soit trouvé.

## src/discover/model.rs

the-host-you-gave-b4172f6e = l'hôte que vous avez indiqué
srv-record-submission-tcp-fd4f9e08 = enregistrement SRV _submission._tcp
srv-record-submissions-tcp-6f770ec3 = enregistrement SRV _submissions._tcp
provider-recognised-from-mx-6cfcf862 = fournisseur reconnu d'après le MX
autoconfig-file-74e867c6 = fichier autoconfig
mx-record-7aaa82a5 = enregistrement MX
usual-name-8ddec150 = nom habituel
dns-settings-dc95a679 = paramètres DNS
nothing-527dae8a = rien
open-d35ec4c9 = ouvert
refused-60acd1e3 = refusé
timed-out-9a0e1624 = délai dépassé
name-not-found-b063b887 = nom introuvable
unreachable-d89e21f1 = injoignable
cancelled-845df81c = annulé

## src/discover/probe.rs

host-has-no-address-detail-775916bb = { $host } n'a pas d'adresse : { $detail }

## src/discover/rank.rs

internet-providers-and-cloud-hosts-c4d8c14d = Les fournisseurs d'accès à internet et les hébergeurs cloud bloquent souvent le port 25 en sortie (et parfois 465 et 587). Cette vérification a été faite depuis cet ordinateur : le serveur sur lequel tourne votre site peut être bloqué différemment. Si le site n'arrive toujours pas à se connecter, demandez à son hébergeur s'il bloque les ports d'envoi de messages sortants.
found-through-the-source-c322eaae = Trouvé grâce à : { $source }.
host-answers-but-its-certificate-58712b2f = { $host } répond, mais son certificat est établi pour { $name } : la connexion chiffrée échouerait donc. Utilisez plutôt { $name } comme hôte (lancez `mailtester probe --host { $name }` pour le vérifier).
the-only-secure-server-found-5b1b0033 = Le seul serveur sécurisé trouvé utilise SSL dès la connexion (port 465), que System.Net.Mail d'ASP.NET ne sait pas utiliser. Demandez à votre fournisseur de messagerie un serveur avec STARTTLS sur le port 587, ou utilisez un service d'envoi de messages.
no-server-answered-on-any-1152159c = Aucun serveur n'a répondu, sur aucun port, depuis cet ordinateur. Vérifiez l'adresse, ou essayez depuis un autre réseau : celui-ci bloque peut-être les ports d'envoi de messages sortants.
no-server-offered-an-encrypted-3a856083 = Aucun serveur n'a proposé de connexion chiffrée avec une identification utilisable par votre site. Demandez à votre fournisseur de messagerie quel serveur sortant (SMTP), quel port et quelle sécurité utiliser.
this-name-does-not-exist-3844c68d = Ce nom n'existe pas dans le DNS.
not-finished-cancelled-052fcd59 = Pas terminé : annulé.
port-port-refused-the-connection-78196336 = Le port { $port } a refusé la connexion : rien n'y accepte de messages.
no-answer-on-port-port-f2d9fb6a = Pas de réponse sur le port { $port } : il est bloqué en chemin, ou le serveur l'ignore.
could-not-reach-port-port-e626ab15 = Impossible de joindre le port { $port } depuis cet ordinateur.
port-port-accepts-connections-but-c44f4dbc = Le port { $port } accepte les connexions mais n'accueille jamais comme un serveur de messagerie.
port-port-wants-ssl-on-08854b61 = Le port { $port } veut SSL dès la connexion, ce qu'ASP.NET (System.Net.Mail) ne sait pas faire ; ne l'utilisez jamais dans web.config.
unencrypted-enablessl-false-this-server-4741a147 = Non chiffré (enableSsl="false") : ce serveur propose STARTTLS, gardez donc SSL activé.
unencrypted-with-no-sign-in-dd28ec6f = Non chiffré, sans identification proposée : seul un relais qui connaît l'adresse de votre serveur accepterait des messages ici.
unencrypted-the-password-would-cross-99107547 = Non chiffré : le mot de passe traverserait le réseau lisible par n'importe qui sur le trajet ; utilisez plutôt STARTTLS.
no-certificate-6f3ef809 = pas de certificat
certificate-trusted-9c31dd2b = certificat fiable
the-certificate-is-for-name-3c436d2f = le certificat est établi pour { $name }, pas pour { $host } : utilisez { $name } comme hôte
the-certificate-is-not-for-5c16eb77 = le certificat n'est pas établi pour { $host }
the-certificate-has-expired-a80ab172 = le certificat a expiré
the-certificate-is-not-from-dace93b1 = le certificat ne vient pas d'une autorité de confiance
the-certificate-is-not-valid-fd6b02ae = le certificat n'est pas valide
what-accepted-because-invalid-certificat-654eb2c8 = { $what } (accepté, car les certificats invalides sont autorisés)

## src/discover/reasons.rs

ssl-on-connect-on-port-8381ea47 = SSL dès la connexion sur le port { $port } a échoué : { $problem }
starttls-on-port-port-failed-b828dcbf = STARTTLS sur le port { $port } a échoué : { $problem }
ssl-on-connect-on-port-6006be8e = SSL dès la connexion sur le port { $port } fonctionne, mais { $what }.
starttls-on-port-port-works-0c771c86 = STARTTLS sur le port { $port } fonctionne, mais { $what }.
ssl-on-connect-on-port-60ce1025 = SSL dès la connexion sur le port { $port } fonctionne ({ $certificate }), mais aucune identification n'est proposée : seul un relais qui connaît l'adresse de votre serveur accepterait des messages.
starttls-on-port-port-works-f984c06d = STARTTLS sur le port { $port } fonctionne ({ $certificate }), mais aucune identification n'est proposée : seul un relais qui connaît l'adresse de votre serveur accepterait des messages.
ssl-on-connect-on-port-90b0d615 = SSL dès la connexion sur le port { $port } fonctionne, mais l'identification n'y est possible qu'avec { $offered }, et ASP.NET s'identifie avec LOGIN.
starttls-on-port-port-works-d8016efd = STARTTLS sur le port { $port } fonctionne, mais l'identification n'y est possible qu'avec { $offered }, et ASP.NET s'identifie avec LOGIN.
ssl-on-connect-on-port-93cce076 = SSL dès la connexion sur le port { $port } avec identification ({ $offered }) après chiffrement, { $certificate }.
starttls-on-port-port-with-70b23d3e = STARTTLS sur le port { $port } avec identification ({ $offered }) après chiffrement, { $certificate }.

## src/discover/request.rs

given-is-not-an-email-aba196ff = « { $given } » n'est ni une adresse e-mail ni un nom de serveur que nous pouvons rechercher ; indiquez-en un comme --email vous@example.com ou --host mail.example.com
could-not-use-the-certificate-48b99cc8 = impossible d'utiliser le fichier de certificat ({ $detail }) ; donnez un fichier PEM ou DER (.cer) avec --ca-file : { $path }

## src/discover/run.rs

built-in-roots-418ee249 = (autorités intégrées)
autoconfig-for-domain-b5ed5741 = autoconfig pour { $domain }
no-answer-from-dns-in-36c18acb = pas de réponse du DNS à temps
no-address-690ce026 = pas d'adresse

## src/discover/sources.rs

the-mx-hosts-against-the-97badb2f = les hôtes MX comparés à la table des fournisseurs
no-known-provider-runs-these-45681bfb = aucun fournisseur connu ne gère ces hôtes MX
the-usual-names-for-domain-e2a756b7 = les noms habituels pour { $domain }
no-such-record-f2abe916 = enregistrement inexistant

## src/dns.rs

could-not-read-this-computer-ef192af0 = impossible de lire les paramètres DNS de cet ordinateur ({ $detail }) ; indiquez un serveur DNS avec --dns-server, par exemple --dns-server 1.1.1.1:53
could-not-set-up-dns-dc830dd9 = impossible de préparer les requêtes DNS ({ $detail }) ; vérifiez --dns-server
could-not-read-all-of-2aebf030 = impossible de lire tous les paramètres DNS de cet ordinateur ({ $error }) ; utilisation des serveurs DNS publics { $servers }. Indiquez-en un autre avec le paramètre de serveur DNS (--dns-server).
could-not-read-all-of-8d6abebb = impossible de lire tous les paramètres DNS de cet ordinateur ({ $error }) ; utilisation de ses autres serveurs DNS ({ $servers }). Indiquez-en un autre avec le paramètre de serveur DNS (--dns-server).
text-is-not-an-ip-3e862c8c = « { $text } » n'est pas une adresse IP avec un port facultatif, comme 1.1.1.1:53

## src/event.rs

resolve-host-96e6a1b3 = recherche de l'hôte
connect-aae0ccf9 = connexion
tls-handshake-8af0d15f = négociation TLS
greeting-d4edbfb6 = accueil
sign-in-auth-c6f2a51c = identification (AUTH)
connect-db89a899 = Connexion
secure-connection-03f2ee68 = Connexion chiffrée
sign-in-744be623 = Identification
send-message-d97db31c = Envoi du message
t-1-ms-94c7ac32 = <1 ms
ms-ms-f79070b7 = { $ms } ms

## src/files.rs

it-is-not-a-regular-f71db6cc = ce n'est pas un fichier ordinaire

## src/fleet/iis.rs

line-line-column-column-problem-e86e7c22 = ligne { $line }, colonne { $column } : { $problem }
line-line-column-column-23009a9d = ligne { $line }, colonne { $column }
the-file-could-not-be-08983729 = le fichier n'a pas pu être lu
iis-s-list-of-sites-26e20999 = la liste des sites d'IIS n'a pas pu être lue : { $err }
iis-site-name-its-folder-f50c08fe = site IIS « { $name } » : son dossier utilise { $variable }, qui n'est pas défini ici
iis-site-name-its-folder-8d62d056 = site IIS « { $name } » : son dossier est un chemin Windows, qui ne peut pas être ouvert ici ; lancez l'analyse sur le serveur Windows lui-même
iis-site-name-its-folder-d89eb25d = site IIS « { $name } » : son dossier n'existe pas

## src/fleet/judge.rs

the-server-answered-as-this-ad49dbb9 = Le serveur a répondu comme ce site en a besoin ; rien trouvé qui bloque ses messages.
this-website-s-mail-program-1a7b3381 = le programme d'envoi de ce site
port-465-expects-ssl-on-af8f9883 = Le port 465 attend SSL dès la connexion, ce qu'ASP.NET ne sait pas faire : il attendra un message d'accueil qui ne vient jamais
nothing-in-the-files-stops-d06c6341 = Rien dans les fichiers ne le bloque ; le serveur n'a pas été contacté (--offline).

## src/fleet/model.rs

the-mail-settings-are-encrypted-a053936c = les paramètres d'envoi sont chiffrés (aspnet_regiis -pe) ; déchiffrez-les sur le serveur pour les vérifier
the-file-could-not-be-695620a2 = le fichier n'a pas pu être lu comme { $what } : { $detail }
the-file-could-not-be-576c03c8 = le fichier n'a pas pu être ouvert : { $arg0 }
the-file-is-0-bytes-1ce04a19 = le fichier fait { $arg0 } octets, trop pour un fichier de configuration ; ignoré
the-file-holds-binary-data-062499d0 = le fichier contient des données binaires, pas du texte ; ignoré

## src/fleet/read/appsettings.rs

the-mail-section-s-port-af08395b = le port de la section mail n'est pas un nombre entier
securesocketoptions-is-not-one-of-8884005f = SecureSocketOptions ne vaut ni None, ni Auto, ni SslOnConnect, ni StartTls, ni StartTlsWhenAvailable (ni 0 à 4)
the-mail-section-s-ssl-6926e20b = l'interrupteur SSL de la section mail n'est ni true ni false
the-file-ends-inside-a-4c672aa5 = le fichier se termine au milieu d'une valeur (un crochet ou un guillemet n'est pas fermé)
this-is-not-valid-json-d2ad7323 = ce n'est pas du JSON valide (une virgule, un guillemet ou un crochet manquant ?)
line-line-a-comment-starts-d2dcdf02 = ligne { $line } : un commentaire /* commence ici et n'est jamais fermé

## src/fleet/read/dotenv.rs

mail-scheme-must-be-smtp-12aa34e8 = MAIL_SCHEME doit valoir smtp ou smtps : Laravel refuse toute autre valeur et n'envoie aucun message (pour SSL dès la connexion, écrivez smtps, ou utilisez le port 465)
mail-port-is-not-a-878b9e36 = MAIL_PORT n'est pas un nombre entier
mailer-dsn-is-empty-in-0c586ff2 = MAILER_DSN est vide dans ce fichier .env : le serveur de messagerie utilisé est défini dans .env.local (ou .env.prod.local) ou dans l'environnement du serveur
key-in-the-env-file-46fc61eb = { $key } dans le fichier .env prend sa valeur d'une autre variable, que le fichier ne définit pas : elle vient de l'environnement du serveur (les réglages du serveur web ou de PHP) ; vérifiez-la là-bas
key-in-the-env-file-bbcf231a = { $key } dans le fichier .env prend sa valeur de { $variable }, que le fichier ne définit pas : elle vient de l'environnement du serveur (les réglages du serveur web ou de PHP) ; vérifiez-la là-bas
line-line-not-a-name-c3f707ea = ligne { $line } : pas une ligne NOM=valeur (vérifiez ses guillemets ; une valeur avec des espaces doit être entre guillemets)

## src/fleet/read/dotenv_dsn.rs

key-names-several-mail-servers-49d562aa = { $key } indique plusieurs serveurs de messagerie (failover ou roundrobin) : vérifiez chacun séparément
key-is-not-a-mail-c141a1af = { $key } n'est pas une adresse de serveur de messagerie acceptée par Symfony Mailer (il manque un schéma comme smtp://) ; la forme est smtp://user:password@host:port
key-is-not-a-mail-597b5d63 = { $key } n'est pas une adresse de serveur de messagerie acceptée par Symfony Mailer (elle n'indique aucun hôte) ; la forme est smtp://user:password@host:port
key-is-not-a-mail-959f07e4 = { $key } n'est pas une adresse de serveur de messagerie acceptée par Symfony Mailer (son port n'est pas un nombre entier) ; la forme est smtp://user:password@host:port

## src/fleet/read/webconfig.rs

the-mail-settings-are-kept-ac312744 = les paramètres d'envoi se trouvent dans « { $source } » (configSource), qui n'existe pas
the-mail-settings-are-kept-34535e3f = les paramètres d'envoi se trouvent dans « { $source } » (configSource), qui n'indique aucun fichier ; il doit indiquer un fichier à côté du web.config ou dans un sous-dossier
the-mail-settings-are-kept-27850fc0 = les paramètres d'envoi se trouvent dans « { $source } » (configSource), un chemin absolu, qui n'est pas lu ; il doit indiquer un fichier à côté du web.config ou dans un sous-dossier
the-mail-settings-are-kept-ca9f69a5 = les paramètres d'envoi se trouvent dans « { $source } » (configSource), qui est en dehors du dossier du site ; il doit indiquer un fichier à côté du web.config ou dans un sous-dossier
the-mail-settings-are-kept-31a5b4e0 = les paramètres d'envoi se trouvent dans « { $source } » (configSource), qui mène en dehors du dossier du site (un lien symbolique) ; il doit indiquer un fichier à côté du web.config ou dans un sous-dossier
the-xml-could-not-be-1fb3dcda = le XML n'a pas pu être lu
in-file-configsource-line-line-0c6d9a6f = dans « { $file } » (configSource), ligne { $line }, colonne { $column } : { $problem }
the-mail-settings-are-kept-09fd0bbe = les paramètres d'envoi se trouvent dans « { $file } » (configSource), qui commence par <{ $root }> au lieu de <smtp>
the-first-element-is-root-6db531d1 = le premier élément est <{ $root }>, pas <configuration>
in-file-configsource-the-mail-d449392a = dans « { $file } » (configSource), les paramètres d'envoi n'ont pas pu être lus
the-mail-settings-could-not-4480c8b3 = les paramètres d'envoi n'ont pas pu être lus
this-web-config-inherits-mail-b55d376d = ce web.config hérite des paramètres d'envoi du web.config d'un dossier parent, qui n'a pas pu être lu ({ $err }) : { $path }
attribute-value-is-not-true-5069d63f = { $attribute }="{ $value }" n'est ni true ni false : ASP.NET s'arrête donc sur une erreur de configuration
deliverymethod-value-is-not-network-a12fa162 = deliveryMethod="{ $value }" n'est ni Network, ni SpecifiedPickupDirectory, ni PickupDirectoryFromIis : ASP.NET s'arrête donc sur une erreur de configuration
port-value-is-not-a-25b8c42f = port="{ $value }" n'est pas un nombre entier : ASP.NET s'arrête donc sur une erreur de configuration

## src/fleet/read/wordpress.rs

line-line-problem-02d07e14 = ligne { $line } : { $problem }
wp-mail-smtp-s-constants-786694b4 = Les constantes de WP Mail SMTP sont activées, mais WPMS_MAILER n'est pas défini dans wp-config.php : le mode d'envoi qu'utilise WP Mail SMTP est celui enregistré dans la base de données WordPress (WP Mail SMTP > Settings dans l'administration du site), que cette vérification ne lit pas
wp-mail-smtp-s-constants-7a02d053 = Les constantes de WP Mail SMTP sont activées, mais WPMS_SMTP_HOST n'est pas défini dans wp-config.php : le serveur de messagerie utilisé est celui enregistré dans la base de données WordPress (WP Mail SMTP > Settings dans l'administration du site), que cette vérification ne lit pas
name-is-defined-more-than-59afc853 = { $name } est défini plusieurs fois dans wp-config.php avec des valeurs différentes (lignes { $line } et { $other }) ; celle qui s'applique dépend de conditions dans le fichier : vérifiez sur le serveur
name-in-wp-config-php-b9b0d0ae = { $name } dans wp-config.php (ligne { $line }) est calculé par du code PHP, et non écrit comme une simple valeur ; regardez ce qu'il donne sur le serveur pour vérifier ce site
wp-mail-smtp-s-constants-6628db44 = Les constantes de WP Mail SMTP sont désactivées (WPMS_ON n'est pas true) (WPMS_ON n'est pas défini) : les paramètres utilisés sont dans la base de données WordPress (WP Mail SMTP > Settings dans l'administration du site), que cette vérification ne lit pas
wp-mail-smtp-s-constants-34b65098 = Les constantes de WP Mail SMTP sont désactivées (WPMS_ON n'est pas true) : les paramètres utilisés sont dans la base de données WordPress (WP Mail SMTP > Settings dans l'administration du site), que cette vérification ne lit pas
wp-mail-smtp-s-constants-0e156393 = Les constantes de WP Mail SMTP sont désactivées (WPMS_ON n'est pas true) : WPMS_ON doit être la valeur PHP true, écrite sans guillemets. Les paramètres utilisés sont dans la base de données WordPress (WP Mail SMTP > Settings dans l'administration du site), que cette vérification ne lit pas

## src/fleet/read/wordpress_lexer.rs

a-quoted-string-starts-here-8301b510 = une chaîne entre guillemets commence ici et s'étend sur plusieurs lignes ; le fichier se termine au milieu d'une chaîne : il manque donc probablement un guillemet ici
a-quoted-string-starts-here-f2be9f2f = une chaîne entre guillemets commence ici et n'est jamais fermée
a-heredoc-string-starts-here-9a40e56f = une chaîne heredoc commence ici et n'est jamais fermée

## src/fleet/read/wordpress_php.rs

a-constant-s-definition-here-aa6ad48d = la définition d'une constante commence ici et n'est jamais fermée

## src/fleet/report.rs

sites-broken-broken-at-risk-8ae33c1d = { $sites } : { $broken } en panne, { $at_risk } à risque, { $unknown } inconnu(s), { $ok } OK ; { $servers }, non contactés (--offline)
sites-broken-broken-at-risk-5ceb8ca8 = { $sites } : { $broken } en panne, { $at_risk } à risque, { $unknown } inconnu(s), { $ok } OK ; { $servers }, chacun contacté une fois

## src/fleet/scan.rs

not-trusted-problem-a72ac742 = non fiable : { $problem }

## src/fleet/walk/load.rs

the-tester-failed-while-reading-45d644d4 = le testeur a échoué en le lisant (un bug ; merci de le signaler)
permission-denied-this-account-may-6fd3f362 = permission refusée : ce compte n'a pas le droit de le lire ; lancez l'analyse avec un utilisateur qui en a le droit (un administrateur, ou root)
it-is-not-there-or-26791bda = il n'existe pas (ou c'est un lien symbolique vers quelque chose qui n'existe pas)

## src/fleet/walk.rs

a-symbolic-link-loop-it-3f5ee203 = une boucle de liens symboliques : elle ramène à un dossier parent, elle n'a donc pas été suivie : { $folder }
the-folder-to-scan-could-71e8ff6b = le dossier à analyser n'a pas pu être lu : { $reason }
it-could-not-be-read-e776a2b9 = il n'a pas pu être lu : { $reason }
could-not-be-read-err-a4a50f9d = lecture impossible : { $err }

## src/gui/app.rs

saved-to-path-81572862 = Enregistré dans { $path }

## src/gui/app_data.rs

run-a-successful-test-first-a67cdc58 = Faites d'abord un test réussi : seuls des paramètres qui fonctionnent sont écrits dans web.config.
path-already-has-these-settings-e3ba752a = { $path } contient déjà ces paramètres : rien à modifier.
web-config-updated-the-old-7f855d8e = web.config mis à jour. L'ancien fichier est conservé sous { $backup }.
web-config-already-had-these-7b4733bb = web.config contenait déjà ces paramètres : rien n'a été écrit.
password-filled-in-from-the-f2da34c8 = Mot de passe rempli depuis le trousseau du système.

## src/gui/arrive.rs

will-it-arrive-06141c0a = Arrivera-t-il ?
checking-the-dns-of-domain-b7ccbc42 = Vérification du DNS de { $domain }…
your-server-took-the-message-5ccd8281 = Votre serveur a pris le message. Que les boîtes mail de vos clients l'acceptent dépend de ce que { $domain } publie dans le DNS (SPF, DKIM et DMARC) : Gmail, Outlook.com et d'autres le vérifient pour chaque message.
check-my-domain-abc31f65 = Vérifier mon domaine
name-0fe07306 = Nom
type-d155d06d = Type
copy-value-8902f3e5 = Copier la valeur
dns-record-803b41a1 = Enregistrement DNS

## src/gui/certificate_view.rs

valid-for-this-server-from-355e575b = Valable pour ce serveur, émis par une autorité à laquelle cet ordinateur fait confiance.
no-authority-this-computer-trusts-9bf7a28b = Aucune autorité à laquelle cet ordinateur fait confiance ne le garantit (auto-signé ou autorité privée) : votre site le refusera.
expired-or-not-valid-yet-5b17fef0 = Expiré (ou pas encore valable) : votre site le refusera.
issued-for-other-names-than-7a13a5e6 = Émis pour d'autres noms que ce serveur : votre site le refusera.
issued-for-other-names-than-d98c0689 = Émis pour d'autres noms que ce serveur : utilisez plutôt { $name } comme serveur.
not-acceptable-your-website-will-e8804bfb = Pas acceptable : votre site le refusera.
refused-problem-25d0d4f8 = Refusé : { $problem }
accepted-only-because-you-allowed-a802d3e1 = Accepté seulement parce que vous avez autorisé les certificats invalides ; votre site le refusera : { $problem }
certificate-of-server-1a556eea = Certificat de { $server }
issued-for-6714067b = Émis pour
subject-a07924ef = Sujet
issued-by-32d73b71 = Émis par
valid-from-5c4db35f = Valable du
valid-until-ae5379d5 = Valable jusqu'au
key-cd1ac90c = Clé
it-signs-itself-self-signed-ffdfbb41 = Il se signe lui-même (auto-signé).
close-cd86acc3 = Fermer
the-server-showed-a-certificate-fc7f0c41 = Le serveur a présenté un certificat :
certificate-164f4d6c = Certificat…

## src/gui/clipboard.rs

the-clipboard-holds-no-text-0e51ef9b = Le presse-papiers ne contient pas de texte. Sélectionnez le message d'erreur, copiez-le (Ctrl+C), puis cliquez à nouveau sur Coller et expliquer.
could-not-read-the-clipboard-55ca3f2e = Impossible de lire le presse-papiers ({ $error }). Cliquez dans la zone et appuyez plutôt sur Ctrl+V.
could-not-read-the-clipboard-d8d75827 = Impossible de lire le presse-papiers ({ $error }).

## src/gui/countdown.rs

ways-out-663fc101 = Solutions
switch-to-azure-communication-services-5028f1c1 = Passer à Azure Communication Services…
fills-in-the-server-port-52b97455 = Remplit le serveur, le port et SSL ; saisissez ensuite son nom d'utilisateur SMTP et le secret client de l'application, puis testez
test-oauth-sign-in-instead-6121b8ed = Tester plutôt l'identification OAuth…
switches-sign-in-to-microsoft-21e22962 = Passe l'identification à Microsoft 365 (OAuth) ; saisissez le tenant, l'ID client et le secret de l'application, puis testez

## src/gui/data.rs

background-work-failed-err-6348a5e0 = Une tâche en arrière-plan a échoué : { $err }
saved-the-profile-name-without-7601dd12 = Profil « { $name } » enregistré (sans le mot de passe).
renamed-old-to-new-81c2e66b = « { $old } » renommé en « { $new } ».
deleted-the-profile-name-02cadbdf = Profil « { $name } » supprimé.
password-saved-in-the-system-caf1d26b = Mot de passe enregistré dans le trousseau du système.
password-removed-from-the-system-bf5241d1 = Mot de passe supprimé du trousseau du système.
the-system-keyring-had-no-79911590 = Le trousseau du système n'avait aucun mot de passe pour ces paramètres.
error-in-path-fb673a64 = { $error } (dans { $path })

## src/gui/data_ui.rs

profile-cd17328e = Profil
not-saved-0cbbe4ae = (non enregistré)
no-saved-profiles-yet-8e93c7bf = Aucun profil enregistré pour l'instant
save-profile-2155f443 = Enregistrer le profil…
keep-these-settings-under-a-6f00abd5 = Garder ces paramètres sous un nom (jamais le mot de passe)
rename-8628af0d = Renommer…
delete-5797ea6a = Supprimer
delete-this-profile-the-saved-9a91cae8 = Supprimer ce profil (le mot de passe enregistré reste dans le trousseau)
save-these-settings-as-a-baa6424a = Enregistrer ces paramètres comme profil
rename-the-profile-108df4fd = Renommer le profil
profile-name-4a62f0b1 = Nom du profil
the-password-is-never-saved-847cc3d3 = Le mot de passe n'est jamais enregistré dans un profil.
cancel-35afca3b = Annuler
what-we-found-in-your-30b437af = Ce que nous avons trouvé dans votre web.config
read-the-mail-settings-from-f888cdc5 = Paramètres d'envoi de { $file } chargés dans le formulaire.
nothing-looks-wrong-in-the-d8199839 = Rien ne semble incorrect dans les paramètres d'envoi.
message-line-line-fdb1cbdf = { $message } (ligne { $line })
how-to-fix-it-fix-2f1add2f = Pour corriger : { $fix }
update-web-config-f17b814a = Mettre à jour web.config
these-changes-will-be-written-d79bed29 = Ces modifications seront écrites dans { $path } :
removed-414d3fcc = (supprimé)
show-the-exact-lines-diff-28e9792f = Afficher les lignes exactes (diff)
a-copy-of-the-current-628d2468 = Une copie du fichier actuel est d'abord enregistrée à côté, et rien d'autre ne change dans le fichier.
write-the-changes-d520b72a = Écrire les modifications

## src/gui/explain.rs

explain-an-error-message-cfdd1096 = Expliquer un message d'erreur
paste-the-error-your-website-a6f28df8 = Collez l'erreur enregistrée par votre site (ou la réponse du serveur de messagerie) :
paste-and-explain-221ad80a = Coller et expliquer
puts-what-you-copied-ctrl-188d8686 = Met ce que vous avez copié (Ctrl+C) dans la zone et l'explique
explain-99127ffc = Expliquer
nothing-is-sent-anywhere-a2469521 = Rien n'est envoyé nulle part.

## src/gui/find.rs

find-my-settings-784a8e8d = Trouver mes paramètres
servers-tried-1c7ebb43 = Serveurs essayés
your-website-s-email-address-5928f99d = L'adresse e-mail de votre site (ou le nom de votre serveur de messagerie) :
find-3e1cd17a = Rechercher
stop-4b7f7705 = Arrêter
tried-tried-trying-under-way-9d062519 = { $tried } essayé(s), { $trying } en cours
we-look-up-where-your-a611819d = Nous regardons où vont les messages de votre domaine et frappons à la porte de chaque serveur : aucun e-mail n'est envoyé et aucun mot de passe ne quitte cet ordinateur.
stopped-before-every-server-answered-7abb5aa7 = Arrêté avant que tous les serveurs aient répondu : voici ce qui a été trouvé jusqu'ici.
no-server-answered-in-a-cacb09fc = Aucun serveur n'a répondu d'une façon utilisable par votre site.
found-settings-your-website-can-a1d43a43 = Paramètres utilisables par votre site trouvés
server-host-2b5c3c37 = Serveur (host)
port-e2c53cc6 = Port
use-ssl-enablessl-8787f948 = Utiliser SSL (enableSsl)
use-these-settings-bdf41e24 = Utiliser ces paramètres
host-port-port-security-08e4532b = { $host }   port { $port }   { $security }
host-port-port-254b241f = { $host }   port { $port }
trying-bbcf4a72 = essai…
use-ba1c5c94 = Utiliser
find-my-settings-d1ed1573 = Trouver mes paramètres…
don-t-know-your-server-e5f6d9ac = Vous ne connaissez pas votre serveur, votre port, ni s'il faut utiliser SSL ? Trouvez-les à partir de votre adresse e-mail.

## src/gui/find_handle.rs

filled-in-server-host-port-6e89d92b = Rempli : serveur { $host }, port { $port }, Utiliser SSL activé. Ajoutez votre nom d'utilisateur et votre mot de passe, puis cliquez sur Envoyer un e-mail de test.
filled-in-server-host-port-c99c513f = Rempli : serveur { $host }, port { $port }, Utiliser SSL désactivé. Ajoutez votre nom d'utilisateur et votre mot de passe, puis cliquez sur Envoyer un e-mail de test.

## src/gui/find_sources.rs

can-this-computer-reach-host-7cb31d90 = Cet ordinateur peut-il joindre { $host } ?
where-we-looked-count-c83eaeb4 = Où nous avons cherché ({ $count })

## src/gui/fleet.rs

save-the-csv-file-1dc67daf = Enregistrer le fichier CSV
save-the-html-page-c594c9af = Enregistrer la page HTML
csv-file-8ff668ab = Fichier CSV
html-page-671c72fb = Page HTML
could-not-save-the-csv-e61ea1e5 = Impossible d'enregistrer le fichier CSV ({ $error }). Choisissez un dossier où vous avez le droit d'écrire : { $path }
could-not-save-the-html-7566ece5 = Impossible d'enregistrer la page HTML ({ $error }). Choisissez un dossier où vous avez le droit d'écrire : { $path }
the-csv-file-could-not-2a54ae9b = Le fichier CSV n'a pas pu être créé ({ $error }).
the-html-page-could-not-78e2bfa9 = La page HTML n'a pas pu être créée ({ $error }).
no-mail-server-to-contact-39076711 = Aucun serveur de messagerie à contacter
check-a-folder-of-sites-5d3e10c1 = Vérifier un dossier de sites
folder-with-the-sites-5c26d71c = Dossier contenant les sites
c-inetpub-vhosts-or-var-d1e18405 = C:\inetpub\vhosts  ou  /var/www
choose-folder-6d5da010 = Choisir le dossier…
check-592c8de7 = Vérifier
also-contact-the-mail-servers-b5893b4c = Contacter aussi les serveurs de messagerie
each-server-once-its-greeting-9b299859 = Chaque serveur une fois : son accueil, EHLO et STARTTLS. Pas d'identification, pas d'e-mail. Désactivé : jugement d'après les fichiers seuls.
use-the-passwords-from-the-b045ac63 = Utiliser les mots de passe des fichiers
open-in-the-tester-also-84b1a791 = « Ouvrir dans le testeur » remplit aussi le mot de passe à partir du fichier du site. Il reste en mémoire et n'est jamais enregistré.
reads-every-web-config-wp-d0337aab = Lit chaque web.config, wp-config.php, .env et appsettings.json du dossier. Rien n'est modifié, aucun e-mail n'est envoyé et les mots de passe ne quittent jamais cet ordinateur.

## src/gui/fleet_handle.rs

no-folder-chosen-if-no-b4701bc1 = Aucun dossier choisi. Si aucune fenêtre de choix de dossier ne s'est ouverte, tapez ou collez le chemin du dossier dans la zone.
this-site-does-not-sign-cae72903 = Ce site ne s'identifie pas. Cliquez sur Envoyer un e-mail de test.
the-password-from-its-file-297f8f04 = Le mot de passe de son fichier est rempli (gardé en mémoire seulement). Cliquez sur Envoyer un e-mail de test.
type-its-password-then-press-12e6e920 = Tapez son mot de passe, puis cliquez sur Envoyer un e-mail de test.
filled-in-the-settings-of-672072f8 = Paramètres de { $site } remplis.
choose-the-folder-that-holds-61e3f817 = Choisissez le dossier qui contient les sites

## src/gui/fleet_result.rs

stopped-before-the-end-sites-67c19f7b = Arrêté avant la fin : les sites dont le serveur n'avait pas encore répondu sont marqués Inconnu.
no-site-with-mail-settings-b7ae3397 = Aucun site avec des paramètres d'envoi n'a été trouvé dans ce dossier. Vérifiez le chemin, ou choisissez le dossier qui contient les dossiers des sites.
could-not-look-at-1-1b13a133 = Impossible d'examiner 1 chemin
could-not-look-at-n-196912a3 = Impossible d'examiner { $n } chemins
show-a7e50a92 = Afficher :
sites-broken-broken-at-risk-c4acd5f6 = { $sites } : { $broken } en panne, { $at_risk } à risque, { $unknown } inconnu(s), { $ok } OK.
servers-not-contacted-judged-from-378e4d23 = Serveurs non contactés : jugement d'après les fichiers seuls.
t-1-mail-server-contacted-adfd49ef = 1 serveur de messagerie contacté.
n-mail-servers-contacted-69c9f42f = { $n } serveurs de messagerie contactés.
t-1-file-read-in-seconds-1095aef9 = 1 fichier lu en { $seconds } s.
n-files-read-in-seconds-a93bf25f = { $n } fichiers lus en { $seconds } s.
export-csv-83c354ed = Exporter en CSV…
export-html-e3ab8eb8 = Exporter en HTML…
without-passwords-b3ac77a1 = Sans les mots de passe.
no-file-chosen-if-no-f03e4b59 = Aucun fichier choisi. Si aucune fenêtre de choix de fichier ne s'est ouverte, tapez où enregistrer :
save-4d2d5d68 = Enregistrer

## src/gui/fleet_rows.rs

no-site-with-the-ticked-a04a9538 = Aucun site avec les verdicts cochés.
hide-this-server-s-sites-15babccc = Masquer les sites de ce serveur
show-this-server-s-sites-bb62a985 = Afficher les sites de ce serveur
these-files-name-no-mail-83f851d8 = Ces fichiers n'indiquent aucun serveur de messagerie à contacter, ou n'ont pas pu être lus.
not-contacted-judged-from-the-f2af1eaf = Non contacté : jugement d'après les fichiers seuls.
problem-problem-42bcd519 = Problème : { $problem }
answered-in-ms-ms-726e94b1 = A répondu en { $ms } ms
starttls-offered-923d1843 = STARTTLS proposé
starttls-not-offered-c3ff6afa = STARTTLS non proposé
after-methods-26067741 = après : { $methods }
open-in-the-tester-11edc94a = Ouvrir dans le testeur
put-this-site-s-settings-8cf673b6 = Mettre les paramètres de ce site dans le formulaire pour le tester étape par étape

## src/gui/fleet_words.rs

broken-65c915c0 = En panne
at-risk-f7adc8fb = À risque
unknown-cc200e59 = Inconnu
n-broken-979d3c8c = { $n } en panne
n-at-risk-c43a32df = { $n } à risque
n-unknown-ceec02e5 = { $n } inconnu(s)
n-ok-035d2d5b = { $n } OK
looking-for-sites-in-the-c98fc7bb = Recherche des sites dans le dossier…
found-sites-judging-them-from-d4d88c3c = Nous avons trouvé { $sites } ; évaluation d'après les fichiers…
found-sites-using-servers-contacted-7bd3cb69 = Nous avons trouvé { $sites } qui utilisent { $servers } ; contactés : { $contacted } sur { $total }
n-sites-7e66b213 = { $n } sites
t-1-server-9bf9c617 = 1 serveur
n-servers-410e23c7 = { $n } serveurs

## src/gui/form.rs

server-6d7302f2 = Serveur
user-name-5a6db215 = Nom d'utilisateur
usually-your-full-email-address-9d5ecf0a = en général votre adresse e-mail complète
from-18743595 = Expéditeur
send-the-test-to-5a257c61 = Envoyer le test à
the-from-address-25355395 = (l'adresse Expéditeur)
advanced-60f3de7b = Avancé
provider-35a888dc = Fournisseur
other-my-host-7c71a048 = Autre / mon hébergeur
user-name-hint-0a0e0850 = Nom d'utilisateur : { $hint }
a-website-using-asp-net-d19fb58d = Un site qui utilise ASP.NET (System.Net.Mail) ne peut pas s'identifier auprès de ce fournisseur.
show-29742e5c = Afficher
remember-in-the-system-keyring-308bc6da = Mémoriser dans le trousseau du système
after-a-test-signs-in-236d02df = Après un test où l'identification a réussi, le mot de passe est conservé dans le trousseau de votre système (jamais dans un fichier) et rempli quand vous revenez à ces paramètres.
forget-6e3fab8c = Oublier
remove-the-saved-password-for-859341c3 = Supprimer le mot de passe enregistré pour cet utilisateur, ce serveur et ce port
use-ssl-9cb78972 = Utiliser SSL
in-code-smtpclient-enablessl-71b94a47 = dans le code : SmtpClient.EnableSsl
encrypts-the-connection-with-starttls-e1630b78 = Chiffre la connexion avec STARTTLS. ASP.NET 2.0–3.5 n'a pas d'enableSsl dans web.config : c'est le code du site qui l'active avec smtpClient.EnableSsl = true.
use-starttls-e899f629 = Utiliser STARTTLS
encrypts-the-connection-with-starttls-54a9c52e = Chiffre la connexion avec STARTTLS, comme le fait "SecureSocketOptions": "StartTls" dans appsettings.json. Presque tous les fournisseurs l'exigent sur le port 587.
encrypts-the-connection-with-starttls-0497ed8d = Chiffre la connexion avec STARTTLS, comme le fait enableSsl="true" dans web.config. Presque tous les fournisseurs l'exigent sur le port 587.
encrypts-the-connection-starttls-or-77dd1ba1 = Chiffre la connexion (STARTTLS, ou SSL dès la connexion sur le port 465). Presque tous les fournisseurs l'exigent.
stop-the-test-esc-7ef17032 = Arrêter le test (Échap)
testing-19d1cb65 = Test en cours…
send-test-email-1fb39495 = Envoyer un e-mail de test
sends-one-test-message-enter-66775012 = Envoie un message de test (Entrée)
or-press-enter-ca33bfe9 = ou appuyez sur Entrée
fix-the-fields-marked-in-8a0ea9d4 = Corrigez les champs marqués en rouge pour envoyer un test.
fill-in-the-server-the-e74fa0bd = Remplissez le serveur, le port et l'adresse Expéditeur pour envoyer un test.

## src/gui/form_advanced.rs

ehlo-name-2ccdfef0 = Nom EHLO
this-computer-s-name-f22607df = le nom de cet ordinateur
sign-in-service-8784367b = Service d'identification
the-provider-s-own-72f43ac3 = celui du fournisseur
only-for-testing-against-another-a761009c = Uniquement pour tester avec un autre serveur OAuth : https, ou http sur cet ordinateur
connection-security-dd84debd = Sécurité de la connexion
automatic-from-use-ssl-3ad3100c = Automatique (d'après Utiliser SSL)
ssl-on-connect-port-465-676e96b5 = SSL dès la connexion (port 465)
no-encryption-f2785503 = Aucun chiffrement
timeouts-seconds-fcbede65 = Délais d'attente (secondes)
connect-timeout-083bac06 = Délai de connexion
greeting-timeout-0def4115 = Délai d'accueil
reply-timeout-c36384e8 = Délai de réponse
reply-29931627 = réponse
whole-test-timeout-e3df8c9b = Délai du test entier
whole-test-66553338 = test entier
final-reply-timeout-33be1638 = Délai de la réponse finale
final-reply-b01ca957 = réponse finale
accept-an-invalid-certificate-3339b9cc = Accepter un certificat invalide
unsafe-an-impostor-could-read-7ecf6263 = Dangereux : un imposteur pourrait lire votre mot de passe. Votre site refusera quand même ce certificat.
extra-ca-file-c5e1ea27 = Fichier CA supplémentaire
optional-pem-file-09b22b1b = fichier .pem facultatif
browse-23b63f91 = Parcourir…
dns-server-68b7a757 = Serveur DNS
this-computer-s-or-e-9f499886 = celui de cet ordinateur (ou par ex. 1.1.1.1)
used-by-find-my-settings-50a0518d = Utilisé par Trouver mes paramètres, Arrivera-t-il ? et Vérifier ma boîte mail
target-platform-b913a5b3 = Plateforme cible
other-program-php-node-python-371befb6 = Autre programme (PHP, Node, Python…)
asp-net-version-aeb36436 = Version d'ASP.NET

## src/gui/form_rows.rs

called-attribute-in-web-config-fcc6f275 = Appelé { $attribute } dans web.config

## src/gui/form_state.rs

microsoft-365-oauth-7101a859 = Microsoft 365 (OAuth)
google-oauth-53d0542c = Google (OAuth)
access-token-7e4e0506 = Jeton d'accès
enter-the-port-usually-587-bc12b1b6 = Saisissez le port, en général 587.
port-text-is-not-a-7e466956 = « { $port_text } » n'est pas un numéro de port. N'utilisez que des chiffres, en général 587.
enter-the-app-s-application-1e01288a = Saisissez l'Application (client) ID de l'application, indiqué sur la page Overview de son inscription d'application (App registration).
enter-the-directory-tenant-id-db565192 = Saisissez le Directory (tenant) ID, ou le domaine de votre organisation (votreentreprise.onmicrosoft.com).
enter-the-app-s-client-b18ff566 = Saisissez le secret client de l'application (sa Value, pas son Secret ID).

## src/gui/handle.rs

enter-the-user-name-server-1e12f529 = Saisissez le nom d'utilisateur, le serveur et le port dont vous voulez supprimer le mot de passe enregistré.
the-test-cannot-start-yet-e05fd57a = Le test ne peut pas encore démarrer : { $problem }
no-file-chosen-if-no-fae46c0e = Aucun fichier choisi. Si aucune fenêtre de choix de fichier ne s'est ouverte, tapez le chemin du fichier dans le champ Fichier CA supplémentaire.
copied-the-transcript-to-the-f9f520d2 = Transcription copiée dans le presse-papiers.
copied-the-dns-record-to-c9d04e48 = Enregistrement DNS copié dans le presse-papiers.
copied-the-name-snippet-to-e9fe6390 = Extrait { $name } copié dans le presse-papiers.
copied-the-what-to-the-02208dc6 = Copié dans le presse-papiers : { $what }.

## src/gui/inbox.rs

did-it-land-c25f3a39 = Est-il arrivé ?
sign-in-to-the-mailbox-e5e08cf2 = Identifiez-vous sur la boîte mail à laquelle le test a été envoyé ({ $to }) pour voir si le message est dans la boîte de réception ou dans les spams. Nous ne faisons que lire : rien n'est déplacé ni supprimé.
looking-for-the-message-up-e3335603 = Recherche du message (jusqu'à une minute)…
check-my-inbox-again-5e2da85f = Vérifier à nouveau ma boîte mail
check-my-inbox-85ac2677 = Vérifier ma boîte mail
mailbox-imap-e60bf73b = Boîte mail (IMAP)
imaps-user-server-or-imap-e956f350 = imaps://UTILISATEUR@SERVEUR, ou imap:// pour STARTTLS sur le port 143 ; ajoutez :PORT si ce n'est pas le port habituel
same-as-the-password-above-5b43a90a = Identique au mot de passe ci-dessus
used-for-this-check-only-ca6be08e = Utilisé pour cette vérification seulement ; conservé dans le trousseau du système après une identification réussie si « Mémoriser dans le trousseau du système » est coché
what-server-checked-e1e33d21 = Ce que { $server } a vérifié :
the-receiving-server-recorded-no-338af020 = Le serveur destinataire n'a noté aucune vérification dans le message.

## src/gui/intro.rs

what-happens-when-you-send-1198026e = Ce qui se passe quand vous envoyez un test
the-test-does-what-your-1f59bc92 = Le test fait ce que fait votre site quand il envoie un e-mail, une étape à la fois, et affiche chaque étape au fur et à mesure :
one-short-test-email-to-f92d9996 = un court e-mail de test à l'adresse indiquée dans « Envoyer le test à » (ou Expéditeur).
one-short-test-email-to-eca5f997 = un court e-mail de test à { $recipient }.
we-reach-your-mail-server-495a0766 = nous joignons votre serveur de messagerie, comme le fait votre site.
we-switch-the-connection-to-305163c3 = nous passons la connexion en chiffré, quand Utiliser SSL est coché.
with-your-user-name-and-9eb23e32 = avec votre nom d'utilisateur et votre mot de passe.
with-a-token-from-microsoft-b5cb4671 = avec un jeton de Microsoft ou de Google (OAuth), jamais sur une connexion non chiffrée.
if-a-step-fails-you-ed66c46a = Si une étape échoue, vous verrez laquelle, ce que cela signifie en termes simples, et quoi modifier. Rien n'est modifié sur votre site.
your-password-stays-yours-4243e865 = Votre mot de passe reste à vous
it-goes-to-your-mail-9ee48a16 = Il va à votre serveur de messagerie et nulle part ailleurs, et uniquement sur une connexion chiffrée : s'il devait circuler sans chiffrement, le test s'arrête et vous demande d'abord.
it-is-never-put-in-43308fa9 = Il n'est jamais mis dans un profil, dans la transcription ni dans le rapport pour l'assistance. Cochez « Mémoriser dans le trousseau du système » pour le garder dans le coffre à mots de passe de votre ordinateur, jamais dans un fichier.

## src/gui/oauth.rs

enter-the-mailbox-user-name-18b33d9d = Saisissez d'abord la boîte mail (Nom d'utilisateur) et l'ID client de l'application, puis identifiez-vous.
signed-in-as-mailbox-e71eccdc = Identifié en tant que { $mailbox }.
the-sign-in-is-kept-4337c0cd = L'identification est conservée dans le trousseau de votre système.
signed-out-40c28a5d = Déconnecté.
the-test-was-stopped-while-f10aa733 = le test a été arrêté pendant l'obtention du jeton

## src/gui/oauth_rows.rs

sign-in-7367eeb8 = Identification
how-the-test-signs-in-3e344752 = Comment le test s'identifie : avec le mot de passe, ou avec OAuth (un jeton de Microsoft ou de Google)
oauth-signing-in-through-microsoft-cb19300f = OAuth : s'identifier sur la page même de Microsoft ou de Google au lieu d'utiliser un mot de passe. Le web.config d'ASP.NET ne sait pas le faire ; MailKit et la plupart des bibliothèques d'envoi PHP et Node.js le savent.
paste-the-token-0ce3b5de = collez le jeton
client-secret-d28dcb8a = Secret client
the-desktop-app-s-secret-2dfdf483 = le secret de l'application de bureau
sign-in-with-google-682701c4 = S'identifier avec Google…
who-signs-in-4247d24c = Qui s'identifie
the-website-as-an-app-02a2655f = Le site, en tant qu'application
the-app-signs-in-as-5b39e6e4 = L'application s'identifie en son propre nom avec son secret client (SMTP.SendAsApp)
a-person-in-the-browser-714d0c01 = Une personne, dans le navigateur
someone-signs-in-as-the-e07eb4a6 = Quelqu'un s'identifie une fois avec la boîte mail ; l'identification est conservée dans votre trousseau
sign-in-with-microsoft-64994ec3 = S'identifier avec Microsoft…
its-value-not-its-id-06bfd85c = sa Value, pas son ID
tenant-426f68c5 = Tenant
yourcompany-onmicrosoft-com-or-directory-91ce24c8 = votreentreprise.onmicrosoft.com ou Directory ID
organizations-any-work-account-c56c7646 = organizations (tout compte professionnel)
app-registrations-your-app-overview-0348d3e0 = App registrations → votre application → Overview → Directory (tenant) ID
client-id-96a12137 = ID client
application-client-id-f1d13592 = Application (client) ID
app-registrations-your-app-overview-72eda20e = App registrations → votre application → Overview → Application (client) ID
used-for-this-test-only-3fbe0f5f = Utilisé pour ce test seulement : jamais enregistré, jamais affiché dans la transcription
finish-signing-in-with-your-f04afc59 = Terminez l'identification dans votre navigateur…
sign-out-8b4f3c70 = Se déconnecter
opens-the-provider-s-sign-6717a1f1 = Ouvre la page d'identification du fournisseur dans votre navigateur ; identifiez-vous avec la boîte mail indiquée dans Nom d'utilisateur
the-sign-in-did-not-63711b82 = L'identification n'a pas fonctionné : { $error }
the-token-is-renewed-at-78ac8950 = le jeton sera renouvelé au prochain test
the-token-is-valid-for-973c5181 = le jeton est encore valable { $minutes } minutes
signed-in-as-who-138f6f7e = Identifié en tant que { $who }

## src/gui/preferences.rs

system-8f3184bc = Système
language-9a73db9b = Langue
follow-system-becc0e51 = Comme le système
light-8ad2f8cf = Clair
dark-45570065 = Sombre
theme-4eaf7c92 = Thème

## src/gui/renderer.rs

the-window-could-not-open-cb7ad439 = la fenêtre n'a pas pu s'ouvrir : le système graphique de cet ordinateur n'a pas pu l'afficher ({ $reasons }).
on-a-remote-desktop-or-321b265b = Sur un bureau à distance ou une machine virtuelle, installer le pilote d'affichage adapté aide généralement

## src/gui/result.rs

the-server-s-exact-words-c34e0823 = Les mots exacts du serveur
support-code-code-a1b3e83c = Code pour l'assistance : { $code }
what-to-do-cf2e345d = Que faire
the-fix-changes-bc2b32f8 = La correction modifie :
apply-fix-and-test-again-6eea585b = Appliquer la correction et retester
makes-this-change-in-the-38287995 = Fait cette modification dans le formulaire et renvoie le test
send-it-unencrypted-this-once-010cab38 = L'envoyer sans chiffrement cette fois
anyone-on-the-way-can-1fda01f6 = N'importe qui sur le trajet peut lire le mot de passe. Uniquement pour un serveur sur votre propre réseau privé.
certificate-details-5e455906 = Détails du certificat
valid-for-629b6506 = Valable pour

## src/gui/snippet_view.rs

paste-this-into-your-web-7c7e7459 = Collez ceci dans votre web.config
settings-for-program-60627db5 = Paramètres pour { $program }
the-password-is-left-out-447f0e55 = Le mot de passe n'est pas inclus, sauf si vous cochez Inclure le mot de passe : partout où vous le collerez, il sera conservé en clair.
note-warning-5dd61067 = Remarque : { $warning }
copy-658f3664 = Copier
save-as-03e14184 = Enregistrer sous…
update-my-web-config-d9b68a3c = Mettre à jour mon web.config…
writes-these-settings-into-your-5f324df6 = Écrit ces paramètres dans votre web.config : affiche d'abord les modifications et garde une sauvegarde
include-password-7b82b9b8 = Inclure le mot de passe

## src/gui/success.rs

only-mail-to-this-server-aecb3830 = Seuls les messages vers les propres adresses de ce serveur fonctionnent
your-settings-work-8bc6b24c = Vos paramètres fonctionnent
we-sent-a-test-email-5656f31c = Nous avons envoyé un e-mail de test à { $recipient }. Vérifiez qu'il est bien arrivé (regardez aussi dans le dossier spam).
connected-to-host-on-port-a1c6e5aa = Connecté à { $host } sur le port { $port }
encrypted-with-version-0a72dfef = Chiffré avec { $version }
not-encrypted-anyone-on-the-d3a630f0 = Non chiffré : n'importe qui sur le trajet pourrait lire le message
signed-in-as-user-05784a15 = Identifié en tant que { $user }
sent-without-signing-in-the-33fb939c = Envoyé sans identification : le serveur n'en a proposé aucune
sent-without-signing-in-no-a843905d = Envoyé sans identification (pas de nom d'utilisateur)
accepted-for-delivery-to-recipient-9abb98b5 = Accepté pour livraison à { $recipient }
warning-the-server-s-certificate-e72f89a1 = Attention : le certificat du serveur n'est pas valide ({ $problem }). Cela n'a fonctionné que parce que vous avez autorisé les certificats invalides ; votre site vérifie les certificats et échouera.
warning-message-f4254d6c = Attention : { $message }
copy-the-block-below-into-dea0f3b9 = Copiez le bloc ci-dessous dans le web.config de votre site, à la place de son bloc <mailSettings>, ou cliquez sur « Mettre à jour mon web.config… » pour que ce soit fait pour vous : vous voyez d'abord chaque modification, et une sauvegarde est conservée.
copy-the-settings-below-into-e486c11e = Copiez les paramètres ci-dessous dans la configuration { $format } de votre site.
next-step-ab2acdfa = Étape suivante
message-id-of-the-test-711a564c = Message-ID de l'e-mail de test
support-can-find-the-message-e18fff96 = L'assistance peut retrouver le message dans le journal du serveur grâce à cet identifiant

## src/gui/transcript.rs

what-the-server-said-638c3d94 = Ce que le serveur a dit
hide-the-server-s-replies-2f842b13 = Masquer les réponses du serveur
show-every-line-we-sent-62404205 = Afficher chaque ligne envoyée et chaque réponse du serveur
nothing-yet-739865dc = rien pour l'instant
t-1-line-99481766 = 1 ligne
n-lines-bb656540 = { $n } lignes
copy-transcript-d97cf946 = Copier la transcription
save-transcript-a1c4eb5a = Enregistrer la transcription…
export-report-ce65b191 = Exporter le rapport…
everything-support-needs-settings-withou-94ba8f25 = Tout ce dont l'assistance a besoin (les paramètres sans le mot de passe, les étapes, cette transcription, le diagnostic) dans un seul fichier
report-in-english-18ddea6e = Rapport en anglais
write-the-exported-report-in-e4a59e7d = Rédige le rapport exporté en anglais, pour une assistance qui lit l'anglais
we-sent-2e66b91d = nous avons envoyé
the-server-answered-039e870e = le serveur a répondu
encrypted-3e8df1b3 = chiffré
passwords-are-always-hidden-2bfd5e9e = Les mots de passe sont toujours masqués.

## src/gui/widgets.rs

passed-513cb799 = réussi
failed-e0accfb4 = échoué
not-started-8652f4af = pas commencé
stopped-6ee2f34e = arrêté

## src/gui/window.rs

testing-each-step-appears-above-5613518e = Test en cours… chaque étape s'affiche ci-dessus au fur et à mesure. Échap arrête le test.
no-file-chosen-if-no-67413e16 = Aucun fichier choisi. Si aucune fenêtre de choix de fichier ne s'est ouverte, tapez le chemin du fichier :
open-538b10e9 = Ouvrir
check-your-website-s-email-f8812c32 = Vérifiez les paramètres d'e-mail de votre site
open-web-config-870dc6bb = Ouvrir web.config…
read-the-mail-settings-from-9d389da1 = Lire les paramètres d'envoi dans le web.config de votre site et les vérifier
explain-an-error-message-f540b236 = Expliquer un message d'erreur…
paste-an-error-your-website-7a5917ae = Collez une erreur enregistrée par votre site et voyez ce qu'elle signifie
check-a-folder-of-sites-5325d3c7 = Vérifier un dossier de sites…
for-hosting-support-check-the-059107c7 = Pour l'assistance d'un hébergeur : vérifier les paramètres d'envoi de chaque site d'un dossier

## src/gui/worker.rs

could-not-read-the-certificate-e1c222cf = Impossible de lire le fichier d'autorité de certification { $path } : { $error }
choose-a-certificate-authority-file-3507bf9e = Choisissez un fichier d'autorité de certification (PEM ou DER .cer)
certificates-b88e4cd9 = Certificats
choose-your-website-s-web-fed75ade = Choisissez le web.config de votre site
could-not-save-path-error-2fc229b5 = Impossible d'enregistrer { $path } : { $error }

## src/inbox/address.rs

address-is-not-a-mailbox-a8a2d761 = « { $address } » n'est pas une adresse de boîte mail.
address-is-not-an-imap-87f3b3a9 = « { $address } » n'est pas une adresse IMAP ({ $scheme }:// n'est ni imap:// ni imaps://).
address-names-no-user-6dbe8a93 = « { $address } » n'indique aucun utilisateur.
the-user-name-in-address-e96b48c9 = le nom d'utilisateur dans « { $address } » n'est pas du texte valide
write-it-as-imaps-you-314853c0 = Écrivez-la sous la forme imaps://vous@example.com@mail.example.com (ou imap:// pour STARTTLS sur le port 143), avec :PORT à la fin si ce n'est pas le port habituel.
port-is-not-a-port-50e1e439 = « { $port } » n'est pas un numéro de port dans « { $address } ».
host-is-not-a-server-acc5f8a4 = « { $host } » n'est pas un nom de serveur dans « { $address } ».

## src/inbox/auth_results.rs

your-domain-d4d84782 = votre domaine
spf-passed-domain-allows-the-f0dc7d76 = SPF réussi : { $domain } autorise le serveur par lequel vous envoyez.
spf-failed-domain-s-spf-9e04f3b1 = SPF échoué : l'enregistrement SPF de { $domain } ne liste pas le serveur par lequel vous envoyez. Ajoutez-le à l'enregistrement (voir « Arrivera-t-il ? »).
spf-gave-no-answer-domain-a747cf7d = SPF sans réponse : { $domain } n'a pas d'enregistrement SPF qui couvre ce serveur.
dkim-passed-the-message-carries-353f6e76 = DKIM réussi : le message porte une signature valide de { $by }.
dkim-the-message-was-not-0e73bd88 = DKIM : le message n'était pas signé. Demandez à votre fournisseur de messagerie de signer les messages de votre domaine (voir « Arrivera-t-il ? »).
dkim-failed-the-signature-did-9a245af3 = DKIM échoué : la signature ne correspondait pas. La clé publiée dans le DNS est peut-être fausse ou ancienne, ou le message a été modifié en chemin.
dmarc-passed-spf-or-dkim-bdd3a284 = DMARC réussi : SPF ou DKIM garantit { $domain }, le domaine de l'adresse Expéditeur.
dmarc-failed-neither-spf-nor-83c62bd1 = DMARC échoué : ni SPF ni DKIM ne garantit { $domain }, le domaine de l'adresse Expéditeur. Les messageries destinataires strictes refusent ces messages ou les mettent dans les spams.
dmarc-domain-publishes-no-dmarc-cb1108db = DMARC : { $domain } ne publie aucune règle DMARC.

## src/inbox/connect.rs

the-server-s-address-eb391f39 = l'adresse du serveur
the-name-could-not-be-715c1245 = le nom est introuvable : { $err }
the-name-has-no-address-0b96332a = le nom n'a pas d'adresse
the-connection-0a94c3e4 = la connexion
no-answer-1b68d598 = pas de réponse
the-extra-certificate-authority-why-6ee7e4ae = l'autorité de certification supplémentaire : { $why }
the-secure-connection-f2e42ff7 = la connexion chiffrée
the-server-s-certificate-is-d5b84a6b = le certificat du serveur est refusé : { $problem }
its-greeting-d101260c = son accueil
it-said-line-26370539 = il a dit { $line }
the-answer-to-starttls-1c42645c = la réponse à STARTTLS

## src/inbox/dkim_verify.rs

we-could-not-read-the-8bff80f5 = Nous n'avons pas pu lire le message reçu : nous n'avons donc pas vérifié sa signature DKIM.
domain-selector-selector-259d61a2 = { $domain } (sélecteur { $selector })
an-unreadable-signer-c03eb599 = un signataire illisible
signature-of-who-valid-and-317faecf = Signature de { $who } : valide, et c'est votre domaine.
signature-of-who-valid-but-6e9cadc2 = Signature de { $who } : valide, mais ce n'est pas le domaine de votre adresse Expéditeur : elle ne compte donc pas pour DMARC.
signature-of-who-not-valid-4fd1744c = Signature de { $who } : non valide ({ $why }).
the-message-carries-no-dkim-6afdb83b = Le message ne porte aucune signature DKIM : rien d'autre que SPF ne garantit qu'il vient de { $from_domain }. Demandez à votre fournisseur de messagerie de signer les messages de votre domaine.
we-checked-the-dkim-signature-960b59a9 = Nous avons vérifié nous-mêmes la signature DKIM : elle est valide et faite pour { $from_domain }.
we-checked-the-dkim-signature-5e3c1afb = Nous avons vérifié nous-mêmes la signature DKIM : elle est valide, mais faite pour un autre domaine que { $from_domain } : DMARC ne la compte donc pas. Demandez à votre fournisseur de messagerie de signer avec votre propre domaine.
we-checked-the-dkim-signature-c981209c = Nous avons vérifié nous-mêmes la signature DKIM : elle ne tient pas. La clé publiée dans le DNS est peut-être absente, fausse ou ancienne, ou le message a été modifié après la signature.

## src/inbox/look.rs

the-sign-in-08ff0207 = l'identification
the-goodbye-1beab177 = la fin de session
the-folder-list-485d2008 = la liste des dossiers
a-search-9f153ff8 = une recherche
the-message-46d7a413 = le message

## src/inbox/recorder.rs

the-server-sent-more-than-3d108539 = le serveur a envoyé plus de { $mib } Mio

## src/inbox/request.rs

there-is-no-message-to-946f0846 = il n'y a aucun message à rechercher : envoyez d'abord un message de test
no-password-for-the-mailbox-ab7ec000 = aucun mot de passe pour la boîte mail { $mailbox } : donnez-le (c'est le mot de passe avec lequel vous lisez ces messages), ou enregistrez-le dans le trousseau
could-not-reach-the-mailbox-597a7a79 = impossible de joindre le serveur de la boîte mail { $server } ({ $detail }). Vérifiez le nom du serveur et le port : la lecture des messages en IMAP utilise en général le port 993 (imaps://)
the-mailbox-server-server-did-3e98494f = le serveur de la boîte mail { $server } n'a pas répondu à temps ({ $what }). Vérifiez le port : IMAP, c'est 993 (imaps://) ou 143 (imap://)
server-did-not-greet-like-b39a23e0 = { $server } n'a pas accueilli comme un serveur de boîte mail (IMAP) ; il a dit « { $said } ». Vérifiez le port : IMAP, c'est 993 (imaps://) ou 143 (imap://)
server-does-not-offer-encryption-8e8159fd = { $server } ne propose pas de chiffrement (STARTTLS), et nous n'envoyons jamais un mot de passe de boîte mail sans chiffrement. Utilisez plutôt imaps:// (port 993)
the-secure-connection-to-the-e384af7d = la connexion chiffrée au serveur de la boîte mail { $server } a échoué : { $detail }. Vérifiez le nom du serveur : ce doit être le nom inscrit sur le certificat du serveur
the-mailbox-server-refused-the-13077228 = le serveur de la boîte mail a refusé l'identification de { $user } (il a dit : { $said }). Vérifiez le nom d'utilisateur et le mot de passe de la boîte mail ; Gmail, Outlook.com et Yahoo demandent un mot de passe d'application pour IMAP
the-mailbox-server-server-broke-eb86759c = le serveur de la boîte mail { $server } a interrompu l'échange ({ $detail }) ; réessayez
the-inbox-check-was-stopped-cd7a71c8 = la vérification de la boîte mail a été arrêtée

## src/inbox/summary.rs

folders-searched-folders-1c7d04a2 = Dossiers examinés : { $folders }
the-receiving-server-s-own-20faa33e = Les propres vérifications du serveur destinataire ({ $server }) :
the-receiving-server-added-no-6d611c08 = Le serveur destinataire n'a ajouté aucun en-tête Authentication-Results.
the-mailbox-imap-exchange-the-f338cc52 = L'échange avec la boîte mail (IMAP) ; le mot de passe apparaît sous la forme `<redacted>` :

## src/inbox/texts.rs

secs-s-4a22e02a = { $secs } s
min-min-secs-s-f096bf18 = { $min } min { $secs } s
arrived-in-the-inbox-after-8bc39958 = Arrivé dans la boîte de réception après { $after }
arrived-but-in-the-spam-1de42805 = Arrivé, mais dans le dossier spam « { $folder } » (après { $after })
arrived-in-the-folder-folder-35e97e8b = Arrivé dans le dossier « { $folder } » (après { $after })
not-in-the-mailbox-after-71030de0 = Absent de la boîte mail après { $waited }
the-test-message-is-in-6dbcd158 = Le message de test est dans la boîte de réception de { $mailbox } : les messages de votre site parviennent à cette boîte mail.
the-test-message-is-in-3dae80e1 = Le message de test est dans la boîte de réception de { $mailbox }, mais le serveur destinataire a signalé un échec de { $failed } : des fournisseurs plus stricts risquent donc de mettre vos messages dans les spams ou de les refuser. Corrigez ce que liste « Arrivera-t-il ? ».
the-receiving-server-took-the-bc6c3316 = Le serveur destinataire a pris le message mais l'a classé en spam : vos clients ne le verraient donc probablement pas. Un message de test avec peu de texte peut ressembler à du spam à lui seul ; si les vérifications de l'expéditeur réussissent (« Arrivera-t-il ? »), réessayez avec un vrai message.
the-receiving-server-took-the-4fbfd2f0 = Le serveur destinataire a pris le message mais l'a classé en spam : vos clients ne le verraient donc probablement pas. Le serveur destinataire a signalé un échec de { $failed } ; corrigez ce que liste « Arrivera-t-il ? ».
the-message-arrived-but-a-52287da8 = Le message est arrivé, mais une règle ou le tri du fournisseur l'a placé hors de la boîte de réception de { $mailbox }. Vérifiez les filtres de cette boîte mail.
the-server-accepted-the-message-f14a3b33 = Le serveur a accepté le message, mais il n'est encore dans aucun dossier de { $mailbox }. Il est peut-être encore en route (certains fournisseurs retiennent pendant quelques minutes les messages des nouveaux expéditeurs), ou le serveur destinataire l'a supprimé, ce qui arrive aux messages qui échouent à DMARC. Corrigez ce que liste « Arrivera-t-il ? », puis regardez à nouveau plus tard.

## src/main.rs

could-not-start-the-async-ae605e37 = impossible de démarrer l'environnement d'exécution asynchrone : { $error }. Relancez le programme ; si l'erreur persiste, redémarrez l'ordinateur.
the-command-line-still-works-88e1eb57 = La ligne de commande fonctionne toujours : lancez `mailtester --help` dans un terminal.
mail-settings-tester-stopped-because-7bd107e2 =
    Mail Settings Tester s'est arrêté à cause d'une erreur dans le programme :
    
    { $info }
    
    Merci de la signaler. Vos paramètres et votre web.config n'ont pas été modifiés.

## src/oauth/browser.rs

could-not-start-program-err-c926f9f2 = impossible de lancer { $program } : { $err }
could-not-open-the-browser-8f2eb5ab = impossible d'ouvrir le navigateur : { $err }

## src/oauth/delegated/loopback.rs

signed-in-96a90eb4 = Identifié
you-are-signed-in-8474ca05 = Vous êtes identifié
go-back-to-mail-settings-e45459c9 = Retournez dans Mail Settings Tester ; vous pouvez fermer cet onglet.
not-signed-in-207a7281 = Non identifié
the-sign-in-did-not-a5001dd2 = L'identification n'a pas abouti
go-back-to-mail-settings-a9487dbc = Retournez dans Mail Settings Tester pour savoir pourquoi.
this-computer-7d16e2ca = cet ordinateur
no-local-port-for-the-8c4615f3 = aucun port local pour la réponse : { $err }
the-browser-1438c45c = le navigateur
nobody-finished-signing-in-within-20659f29 = personne n'a terminé l'identification en { $minutes } minutes
the-sign-in-service-abe06b84 = le service d'identification

## src/oauth/delegated.rs

it-is-not-a-web-fec0fdd4 = ce n'est pas une adresse web
google-s-device-sign-in-69660ca8 = l'identification par appareil de Google ne couvre pas Gmail ; identifiez-vous plutôt avec le navigateur
the-sign-in-was-cancelled-64875541 = l'identification a été annulée
it-is-not-a-token-0b50914d = ce n'est pas un jeton ({ $err } ; il commence par : { $start })

## src/oauth/http.rs

could-not-set-up-the-aaf86338 = impossible de préparer la requête ({ $err })
the-sign-in-service-sent-89d2de25 = le service d'identification a renvoyé la requête ailleurs (une redirection) ; vérifiez l'adresse d'identification
the-answer-is-far-too-e9884875 = la réponse est bien trop longue
the-request-failed-4ffdf862 = la requête a échoué
the-request-failed-cause-1236b7f3 = la requête a échoué : { $cause }

## src/oauth/obtain.rs

nobody-has-signed-in-to-37587b50 = personne ne s'est encore identifié auprès de { $provider } pour cette boîte mail

## src/oauth/stored.rs

the-keyring-call-stopped-8c77a1a6 = l'appel au trousseau s'est interrompu

## src/oauth/token.rs

the-sign-in-address-url-8e70f991 = l'adresse d'identification { $url } est inutilisable : { $reason }
the-sign-in-service-said-aca24dc5 = le service d'identification a dit non ({ $status }) : { $error } : { $description }
could-not-reach-the-sign-81f7b750 = impossible de joindre le service d'identification à { $url } : { $detail }
the-sign-in-service-s-4e88083d = la réponse du service d'identification ({ $status }) n'est pas un jeton : { $detail }
it-is-not-encrypted-http-70ccccea = elle n'est pas chiffrée (http) ; utilisez https (le http simple n'est prévu que pour les serveurs de test de cet ordinateur)
it-must-start-with-https-5c0a06da = elle doit commencer par https://
the-tenant-must-be-a-6ffd19f8 = le tenant doit être un Directory (tenant) ID ou un domaine
it-sends-the-request-elsewhere-b0c05c70 = elle envoie la requête ailleurs (une redirection) ; vérifiez l'adresse d'identification
no-answer-within-secs-s-1f175672 = pas de réponse en { $secs } s
it-is-not-json-it-d2533db5 = ce n'est pas du JSON (cela commence par : { $start })
it-holds-no-access-token-87ff2e3b = elle ne contient aucun access_token

## src/profiles/error.rs

name-cannot-be-a-profile-1c2058f8 = « { $name } » ne peut pas être un nom de profil : { $reason }. Utilisez de 1 à 64 caractères, sans / ni \.
there-is-no-profile-named-96654469 = Il n'y a pas de profil nommé « { $name } ».
a-profile-named-name-already-d0bba1c2 = Un profil nommé « { $name } » existe déjà ; supprimez-le d'abord ou choisissez un autre nom.
the-profiles-file-could-not-ece19bdb = Le fichier de profils n'a pas pu être lu ({ $reason }). Il a été mis de côté pour que rien ne soit perdu, et les profils repartent de zéro. Pour les récupérer, réparez le fichier déplacé et renommez-le en { $path }. Déplacé vers : { $moved_to }
the-profiles-file-was-written-0aaf22c6 = Le fichier de profils a été écrit par une version plus récente de Mail Settings Tester (format { $version }) : il n'a donc pas été modifié. Mettez à jour le testeur pour utiliser ces profils. Fichier : { $path }
could-not-find-a-folder-07b751fa = Impossible de trouver un dossier de réglages sur cet ordinateur. Donnez à MAILTESTER_CONFIG_DIR le chemin d'un dossier pour y garder les profils.
could-not-write-these-settings-3df3fd97 = Impossible d'écrire ces paramètres dans le fichier de profils : { $arg0 }
could-not-read-the-profiles-c7de2c87 = Impossible de lire le fichier de profils ({ $source }). Fichier : { $path }
could-not-write-the-profiles-1ce1bb90 = Impossible d'écrire le fichier de profils ({ $source }). Fichier : { $path }
could-not-create-the-folder-4efa6b11 = Impossible de créer le dossier du fichier de profils ({ $source }). Fichier : { $path }
could-not-move-the-damaged-be405c05 = Impossible de mettre de côté le fichier de profils endommagé ({ $source }). Fichier : { $path }

## src/profiles/file.rs

it-is-not-utf-8-85ed6edc = ce n'est pas du texte UTF-8
it-is-not-a-regular-be41867a = ce n'est pas un fichier ordinaire (un dossier, un tube nommé ou un périphérique) ; supprimez-le ou donnez à MAILTESTER_CONFIG_DIR un autre dossier
it-is-size-bytes-more-56c17071 = il fait { $size } octets, plus que les { $limit } autorisés pour un fichier de profils ; déplacez-le
message-on-line-line-acff43e5 = { $message }, à la ligne { $line }

## src/profiles/name.rs

it-is-empty-08105609 = il est vide
it-is-longer-than-limit-6c17a8c5 = il dépasse { $limit } caractères
it-contains-or-e7d2f6a5 = il contient / ou \
it-contains-a-control-character-5c5ebcc6 = il contient un caractère de contrôle (comme une tabulation ou un saut de ligne)
it-starts-or-ends-with-a95ee32d = il commence ou se termine par une espace
it-is-or-bede7ef9 = c'est . ou ..

## src/providers/data/google_microsoft.rs

google-admin-console-apps-google-7b12704d = Google Admin console (console d'administration) → Apps → Google Workspace → Gmail → Authenticate email
microsoft-defender-portal-email-authenti-242e8ce3 = Portail Microsoft Defender → Email authentication settings → DKIM → votre domaine
your-full-gmail-or-google-de2da620 = votre adresse Gmail ou Google Workspace complète
gmail-needs-an-app-password-1aed7515 = Gmail demande un mot de passe d'application : activez la validation en deux étapes, puis créez-en un sur myaccount.google.com/apppasswords (la page Sécurité n'y mène plus) et utilisez-le comme mot de passe. Google n'accepte plus le mot de passe normal venant des logiciels de messagerie depuis mai 2022 pour les comptes personnels et depuis septembre 2024 pour les comptes Google Workspace.
gmail-needs-an-app-password-eeb1384d = Gmail demande un mot de passe d'application : activez la validation en deux étapes dans votre compte Google, puis ouvrez myaccount.google.com/apppasswords (la page Sécurité n'y mène plus), créez un mot de passe d'application et collez ses 16 lettres dans `password` sans espaces. Utilisez votre adresse Gmail complète comme `userName`.
gmail-sends-only-from-your-3412ea1e = Gmail n'envoie que depuis votre propre adresse ou une adresse ajoutée sous Paramètres → Comptes → « Envoyer des e-mails en tant que » : mettez l'une d'elles dans `from`.
a-google-workspace-address-or-b5610000 = une adresse Google Workspace, ou rien si le relais autorise l'adresse IP de votre serveur
for-google-workspace-only-your-d5440b81 = Pour Google Workspace uniquement. Votre administrateur active le service de relais SMTP (Admin console → Apps → Google Workspace → Gmail → Routing) et y autorise soit l'adresse IP de votre serveur web (laissez alors le nom d'utilisateur et le mot de passe vides), soit l'authentification SMTP (utilisez alors une adresse Workspace et son mot de passe d'application).
the-google-workspace-smtp-relay-a2c2fb4c = Le relais SMTP de Google Workspace doit être activé par votre administrateur Workspace (Admin console → Apps → Google Workspace → Gmail → Routing → SMTP relay service). S'il exige l'authentification SMTP, utilisez une adresse Workspace comme `userName` et un mot de passe d'application créé sur myaccount.google.com/apppasswords comme `password` ; s'il autorise plutôt l'adresse IP de votre serveur, laissez les deux vides.
the-google-workspace-smtp-relay-499576b2 = Le relais SMTP de Google Workspace n'envoie que depuis les adresses autorisées par votre administrateur dans ses réglages (en général celles de vos domaines Workspace) : mettez l'une d'elles dans `from`.
the-relay-lets-in-only-6d18d14f = Le relais n'accepte que les adresses IP ou l'identification autorisées par votre administrateur dans les réglages du service de relais SMTP : un test depuis un autre ordinateur échoue donc, sauf s'il s'identifie. Mettez aussi le nom de domaine de votre site dans `clientDomain` : Google peut refuser un simple nom d'ordinateur comme `localhost`.
your-full-microsoft-365-email-7d9ec067 = votre adresse e-mail Microsoft 365 complète
your-admin-must-switch-on-373c5280 = Votre administrateur doit activer « Authenticated SMTP » (SMTP AUTH) pour l'organisation et pour cette boîte mail ; c'est désactivé par défaut pour les organisations créées après janvier 2020, et les paramètres de sécurité par défaut de Microsoft Entra le bloquent. Microsoft le désactivera par défaut pour les organisations existantes fin décembre 2026 (les administrateurs pourront encore le réactiver) et annoncera la date de suppression définitive au second semestre 2027. ASP.NET ne sait pas faire l'identification OAuth qui le remplace : prévoyez un relais SMTP (connecteur), High Volume Email, Azure Communication Services ou MailKit avec OAuth.
microsoft-365-use-the-mailbox-2818490c = Microsoft 365 : utilisez l'adresse complète de la boîte mail comme `userName`. L'identification des logiciels de messagerie (« Authenticated SMTP ») doit être autorisée pour cette boîte mail : votre administrateur l'active dans le Centre d'administration Microsoft 365 sous Utilisateurs → Utilisateurs actifs → Courrier → Gérer les applications de messagerie. Les paramètres de sécurité par défaut de Microsoft Entra (les protections d'identification standard de Microsoft) la bloquent pour toute l'organisation, quel que soit ce réglage.
microsoft-365-sends-only-as-8f158b7a = Microsoft 365 n'envoie qu'au nom de la boîte mail identifiée, sauf si votre administrateur accorde l'autorisation « Send As » (Envoyer en tant que) : mettez dans `from` l'adresse de `userName`.
or-if-password-sign-in-b9a28d6a = Ou, si l'identification par mot de passe reste désactivée, demandez plutôt à votre administrateur Microsoft 365 l'une de ces solutions (l'outil d'envoi de votre site, System.Net.Mail, ne sait pas faire OAuth, la seule identification que Microsoft 365 garde pour les logiciels de messagerie) :
an-smtp-relay-your-admin-9f556ed6 = Un relais SMTP : votre administrateur crée un connecteur pour l'adresse IP fixe du serveur web ; mettez ensuite dans `host` l'hôte MX de votre domaine (il se termine par `mail.protection.outlook.com`), `port` à `25`, et laissez `userName` et `password` vides.
high-volume-email-hve-a-c7d229de = High Volume Email (HVE) : un compte Microsoft 365 conçu pour les programmes, qui s'identifie encore avec un mot de passe (`host` `smtp-hve.office365.com`, `port` `587`), prévu pour les messages vers les boîtes mail de votre propre organisation.
azure-communication-services-microsoft-s-c039b80d = Azure Communication Services : le service d'envoi de Microsoft (`host` `smtp.azurecomm.net`, `port` `587`), qui s'identifie avec un nom d'utilisateur et un secret d'application que votre site peut utiliser.
mailkit-your-developer-moves-the-6e937e4f = MailKit : votre développeur fait passer le code d'envoi à MailKit, qui sait s'identifier avec OAuth.
direct-send-a-host-ending-9a983c0c = L'envoi direct (un `host` qui se termine par `mail.protection.outlook.com`) se fait sans identification : laissez `userName` et `password` vides et utilisez `port` `25`. Il ne livre qu'aux boîtes mail de votre propre organisation ; pour atteindre d'autres adresses, identifiez-vous sur `smtp.office365.com` sur le port `587`, ou demandez à votre administrateur un connecteur (relais SMTP).
direct-send-needs-port-25-5dd62ff9 = L'envoi direct exige que le port `25` soit ouvert du serveur web vers Microsoft 365, et beaucoup d'hébergeurs le bloquent. S'il est bloqué, identifiez-vous plutôt sur `smtp.office365.com` sur le port `587`.
your-full-outlook-com-or-1cbd12a8 = votre adresse Outlook.com ou Hotmail complète
since-16-september-2024-personal-6a3f18b4 = Depuis le 16 septembre 2024, les comptes personnels Outlook.com et Hotmail n'acceptent plus de mot de passe pour l'envoi, seulement l'identification OAuth de Microsoft, qu'un site configuré par web.config ne sait pas faire. Envoyez plutôt les messages de votre site via un autre fournisseur.
outlook-com-and-hotmail-stopped-6940ffd7 = Outlook.com et Hotmail n'acceptent plus les mots de passe venant des programmes depuis septembre 2024 : ils veulent une identification moderne (OAuth) qu'ASP.NET ne sait pas faire. Envoyez les messages de votre site via un autre service, ou demandez à votre développeur de passer à MailKit.
outlook-com-sends-only-from-eff7815a = Outlook.com n'envoie que depuis l'adresse identifiée : mettez dans `from` la même valeur que `userName`.
send-your-website-s-mail-0dffe9c3 = Envoyez les messages de votre site via un service qui accepte encore un mot de passe, comme le serveur de messagerie de votre hébergeur ou un service d'envoi (SendGrid, Mailgun, Brevo et d'autres figurent dans la liste des fournisseurs), et remplacez `host`, `userName` et `password` par ses valeurs.

## src/providers/data/hosting.rs

your-full-email-address-f7f06033 = votre adresse e-mail complète
use-your-full-email-address-061b9f4b = Utilisez votre adresse e-mail complète et le mot de passe de sa boîte mail. GoDaddy indique le port 465, qu'ASP.NET ne peut pas utiliser : ce réglage utilise donc 587 ; si votre messagerie GoDaddy est une offre Microsoft 365, choisissez plutôt Microsoft 365.
godaddy-email-use-your-full-f5fec946 = Messagerie GoDaddy : utilisez votre adresse e-mail complète comme `userName` et le mot de passe de la boîte mail, avec `host` à `smtpout.secureserver.net`. Si votre messagerie GoDaddy est une offre Microsoft 365, utilisez plutôt les paramètres Microsoft 365 (`smtp.office365.com`).
none-leave-the-user-name-d1d66dc0 = aucun : laissez le nom d'utilisateur et le mot de passe vides
for-websites-on-godaddy-s-aedab5ae = Pour les sites hébergés chez GoDaddy sous Windows (Plesk) : le relais n'accepte les messages que des propres serveurs d'hébergement de GoDaddy, sur le port 25, sans identification ni SSL. Un test depuis tout autre ordinateur, y compris celui-ci, échoue même quand ces paramètres sont corrects ; depuis ailleurs, utilisez plutôt le serveur de votre boîte mail, smtpout.secureserver.net (messagerie GoDaddy Workspace).
godaddy-s-hosting-relay-relay-bf34dea5 = Le relais d'hébergement de GoDaddy (`relay-hosting.secureserver.net`) se passe d'identification : laissez `userName` et `password` vides, avec `port` à `25` et `enableSsl` à `false`.
godaddy-s-hosting-relay-takes-3c847b9e = Le relais d'hébergement de GoDaddy n'accepte les messages que des sites hébergés chez GoDaddy sous Windows (Plesk) : un test depuis tout autre ordinateur, y compris celui-ci, est refusé ou reste sans réponse même quand les paramètres sont corrects. Pour envoyer depuis ailleurs, utilisez le serveur de votre boîte mail GoDaddy, `smtpout.secureserver.net`, sur le port `587` avec son mot de passe.
use-your-full-email-address-9cc07a72 = Utilisez votre adresse e-mail complète et le mot de passe de sa boîte mail. C'est le serveur américain ; utilisez smtp.ionos.de ou smtp.ionos.co.uk si votre contrat est en Allemagne ou au Royaume-Uni.
ionos-use-the-full-email-b3c824d1 = IONOS : utilisez l'adresse e-mail complète comme `userName` et le mot de passe de la boîte mail, avec comme `host` le serveur du pays de votre contrat (`smtp.ionos.com`, `smtp.ionos.de` ou `smtp.ionos.co.uk`).
always-use-ssl0-ovh-net-fc352534 = Utilisez toujours ssl0.ovh.net, et non mail.votredomaine ou un autre alias : le certificat du serveur n'est valable que pour ssl0.ovh.net.
ovhcloud-use-the-full-email-1d5e0353 = OVHcloud : utilisez l'adresse e-mail complète comme `userName` et le mot de passe de la boîte mail, avec `host` à `ssl0.ovh.net` (le nom pour lequel son certificat est valable).

## src/providers/data/mailboxes.rs

your-full-yahoo-address-d7cae787 = votre adresse Yahoo complète
yahoo-needs-an-app-password-5227ae49 = Yahoo demande un mot de passe d'application : créez-en un dans les paramètres de sécurité de votre compte Yahoo et utilisez-le comme mot de passe. Yahoo indique le port 465, qu'ASP.NET ne peut pas utiliser : ce réglage utilise donc 587.
yahoo-needs-an-app-password-a9531010 = Yahoo demande un mot de passe d'application : dans votre compte Yahoo, ouvrez Sécurité du compte → Générer un mot de passe d'application, et utilisez-le comme `password` avec votre adresse Yahoo complète comme `userName`.
yahoo-sends-only-from-the-63878b23 = Yahoo n'envoie que depuis l'adresse identifiée : mettez votre adresse Yahoo dans `from`.
your-full-aol-address-fa50843b = votre adresse AOL complète
aol-needs-an-app-password-41c701d9 = AOL demande un mot de passe d'application : créez-en un dans les paramètres de sécurité de votre compte AOL (Generate app password) et utilisez-le comme mot de passe. AOL indique le port 465, qu'ASP.NET ne peut pas utiliser : ce réglage utilise donc 587.
aol-needs-an-app-password-a20054d0 = AOL demande un mot de passe d'application : dans votre compte AOL, ouvrez Account security → Generate app password, et utilisez-le comme `password` avec votre adresse AOL complète comme `userName`.
aol-sends-only-from-the-a21f14e3 = AOL n'envoie que depuis l'adresse identifiée : mettez votre adresse AOL dans `from`.
your-full-icloud-address-f5d710c5 = votre adresse iCloud complète
icloud-needs-an-app-specific-62349497 = iCloud demande un mot de passe pour app : activez l'authentification à deux facteurs de votre compte Apple, créez-en un sur account.apple.com et utilisez-le comme mot de passe.
icloud-mail-needs-an-app-d109cc08 = iCloud Mail demande un mot de passe pour app : créez-en un sur account.apple.com sous Connexion et sécurité → Mots de passe pour app, et utilisez votre adresse iCloud complète comme `userName`.
icloud-settings-custom-email-domain-e4eba0f0 = Réglages iCloud → Domaine de messagerie personnalisé → votre domaine → Afficher les enregistrements DNS
for-zoho-accounts-in-the-112ccc5c = Pour les comptes Zoho du centre de données américain (vous vous connectez sur zoho.com). La messagerie sur votre propre domaine (un compte d'organisation) utilise plutôt smtppro.zoho.com. Avec l'identification à deux facteurs, utilisez un mot de passe propre à l'application ; le port 465 ne fonctionnera pas depuis ASP.NET.
for-zoho-accounts-in-the-2a39fa43 = Pour les comptes Zoho du centre de données européen (vous vous connectez sur zoho.eu). La messagerie sur votre propre domaine (un compte d'organisation) utilise plutôt smtppro.zoho.eu. Avec l'identification à deux facteurs, utilisez un mot de passe propre à l'application.
for-zoho-accounts-in-the-5b4baa13 = Pour les comptes Zoho du centre de données indien (vous vous connectez sur zoho.in). La messagerie sur votre propre domaine (un compte d'organisation) utilise plutôt smtppro.zoho.in. Avec l'identification à deux facteurs, utilisez un mot de passe propre à l'application.
for-zoho-accounts-in-the-824ee72a = Pour les comptes Zoho du centre de données australien (vous vous connectez sur zoho.com.au). La messagerie sur votre propre domaine (un compte d'organisation) utilise plutôt smtppro.zoho.com.au. Avec l'identification à deux facteurs, utilisez un mot de passe propre à l'application.
for-zoho-accounts-in-the-bc25a75d = Pour les comptes Zoho du centre de données japonais (vous vous connectez sur zoho.jp). La messagerie sur votre propre domaine (un compte d'organisation) utilise plutôt smtppro.zoho.jp. Avec l'identification à deux facteurs, utilisez un mot de passe propre à l'application.
for-zoho-accounts-in-the-8b99c973 = Pour les comptes Zoho du centre de données canadien (vous vous connectez sur zohocloud.ca). La messagerie sur votre propre domaine (un compte d'organisation) utilise plutôt smtppro.zohocloud.ca. Avec l'identification à deux facteurs, utilisez un mot de passe propre à l'application.
zoho-mail-use-your-full-9d10f739 = Zoho Mail : utilisez votre adresse Zoho complète comme `userName`. Si l'identification à deux facteurs est activée, créez un mot de passe propre à l'application dans Zoho Accounts → Security et utilisez-le comme `password`. Utilisez le serveur de votre centre de données (par exemple `smtp.zoho.eu` en Europe) ; les comptes d'organisation sur leur propre domaine utilisent `smtppro.` à la place de `smtp.` (par exemple `smtppro.zoho.eu`).
zoho-mail-admin-console-domains-3edb7d85 = Zoho Mail Admin Console → Domains → votre domaine → Email Configuration → DKIM
your-full-zoho-address-2831abcb = votre adresse Zoho complète
your-full-fastmail-address-87bad718 = votre adresse Fastmail complète
fastmail-needs-an-app-password-c4fb265b = Fastmail demande un mot de passe d'application, créé dans vos réglages Fastmail. Fastmail préfère le port 465, qu'ASP.NET ne peut pas utiliser ; 587 est pris en charge et c'est celui à utiliser ici.
fastmail-needs-an-app-password-38a5d0c4 = Fastmail demande un mot de passe d'application : créez-en un sous Settings → Privacy & Security → App passwords et utilisez-le comme `password`.
fastmail-settings-domains-your-domain-30304e86 = Fastmail Settings → Domains → votre domaine → DNS records

## src/providers/data/services.rs

the-smtp-user-name-created-c3972fa4 = le nom d'utilisateur SMTP créé dans votre ressource Communication Services
create-an-smtp-user-name-4f29e25b = Créez un nom d'utilisateur SMTP dans votre ressource Communication Services (Settings → SMTP Usernames), lié à une application Microsoft Entra autorisée à envoyer ; le mot de passe est le secret client de cette application, qui expire : renouvelez-le à temps. Envoyez depuis une adresse MailFrom d'un domaine de messagerie connecté à la ressource.
azure-communication-services-username-is-d8adb190 = Azure Communication Services : `userName` est un nom d'utilisateur SMTP créé dans votre ressource Communication Services (Settings → SMTP Usernames) et lié à une application Microsoft Entra autorisée à envoyer ; `password` est le secret client de cette application. Les secrets clients expirent : si cela fonctionnait avant, créez un nouveau secret et utilisez-le.
azure-communication-services-sends-only-b76de958 = Azure Communication Services n'envoie que depuis les adresses MailFrom d'un domaine de messagerie connecté à votre ressource Communication Services : mettez l'une d'elles dans `from`.
azure-portal-your-email-communication-068063dd = Portail Azure → votre Email Communication Service → Provision domains → votre domaine → Configure
your-ses-smtp-user-name-db55496a = votre nom d'utilisateur SMTP SES (pas une clé d'accès IAM)
replace-us-east-1-with-ed2f9ac7 = Remplacez us-east-1 par la région de votre compte SES, et utilisez les identifiants SMTP créés dans SES pour cette région, pas des clés d'accès IAM. Les nouveaux comptes sont dans le bac à sable (sandbox) et ne peuvent envoyer qu'à des adresses vérifiées. Si le port 587 est bloqué là où tourne votre site, utilisez le port 2587.
amazon-ses-needs-ses-smtp-0d3a593c = Amazon SES demande des identifiants SMTP SES, créés dans la console SES sous SMTP settings pour la région indiquée dans `host`. Les clés d'accès IAM, et les identifiants SMTP d'une autre région, ne fonctionnent pas.
amazon-ses-sends-only-from-619c09dc = Amazon SES n'envoie que depuis des identités vérifiées : vérifiez l'adresse `from` ou son domaine dans la console SES. Tant que le compte est dans le bac à sable (le mode d'essai des nouveaux comptes), les destinataires doivent aussi être vérifiés.
apikey-literally-183cf215 = apikey (tel quel)
the-user-name-is-the-01bbc5c2 = Le nom d'utilisateur est le mot apikey, exactement ; le mot de passe est votre clé API SendGrid. L'adresse Expéditeur doit être un expéditeur vérifié dans SendGrid. Si le port 587 est bloqué là où tourne votre site, utilisez le port 2525.
sendgrid-username-must-be-literally-7669598f = SendGrid : `userName` doit être exactement `apikey` (pas votre identifiant ni votre adresse e-mail), et `password` est une clé API avec l'autorisation « Mail Send », collée sans espaces.
sendgrid-sends-only-from-a-2e1be5ef = SendGrid n'envoie que depuis une Sender Identity vérifiée : vérifiez l'adresse `from` ou son domaine sous Settings → Sender Authentication.
sendgrid-settings-sender-authentication-d404dcdb = SendGrid → Settings → Sender Authentication → Authenticate Your Domain
your-domain-s-smtp-login-3df270ef = l'identifiant SMTP de votre domaine, par ex. postmaster@mg.votredomaine.com
use-the-smtp-credentials-of-abbc08bf = Utilisez les identifiants SMTP de votre domaine d'envoi dans Mailgun, pas le mot de passe de votre compte Mailgun. Si le port 587 est bloqué là où tourne votre site, utilisez le port 2525.
for-mailgun-accounts-in-the-ac9d0345 = Pour les comptes Mailgun de la région UE. Utilisez les identifiants SMTP de votre domaine d'envoi dans Mailgun, pas le mot de passe de votre compte Mailgun. Si le port 587 est bloqué là où tourne votre site, utilisez le port 2525.
mailgun-needs-the-smtp-credentials-0df7462f = Mailgun demande les identifiants SMTP de votre domaine d'envoi (par exemple `postmaster@mg.example.com`, sous Sending → Domain settings → SMTP credentials), pas le mot de passe de votre compte Mailgun.
mailgun-sends-from-addresses-of-73f8735a = Mailgun envoie depuis les adresses de votre domaine d'envoi vérifié : utilisez-en une comme `from`.
mailgun-sending-domains-your-domain-d2cc33b7 = Mailgun → Sending → Domains → votre domaine → DNS records
your-server-api-token-1a2b5328 = votre Server API Token
use-your-postmark-server-api-7df39770 = Utilisez votre Server API Token Postmark à la fois comme nom d'utilisateur et comme mot de passe. Si le port 587 est bloqué là où tourne votre site, utilisez le port 2525.
postmark-use-your-server-api-a8ba1613 = Postmark : utilisez votre Server API Token à la fois comme `userName` et comme `password`.
postmark-sends-only-from-a-17710e90 = Postmark n'envoie que depuis une Sender Signature confirmée ou un domaine vérifié : utilisez-en un comme `from`.
your-brevo-smtp-login-04933033 = votre identifiant SMTP Brevo
use-the-smtp-login-and-8b4085f4 = Utilisez l'identifiant SMTP et une clé SMTP des paramètres SMTP de Brevo comme mot de passe ; une clé API Brevo ne fonctionnera pas. Si le port 587 est bloqué là où tourne votre site, utilisez le port 2525.
brevo-username-is-the-smtp-82151876 = Brevo : `userName` est l'identifiant SMTP affiché sous SMTP & API, et `password` est une clé SMTP de la même page (pas une clé API ni le mot de passe de votre compte).
brevo-sends-only-from-a-ae02936a = Brevo n'envoie que depuis un expéditeur ou un domaine vérifié : utilisez-en un comme `from`.
brevo-senders-domains-dedicated-ips-cb7d426d = Brevo → Expéditeurs, domaines et IP dédiées → Domaines → Authentifier
your-mailjet-api-key-b626b4b3 = votre clé API Mailjet
the-user-name-is-your-3794f252 = Le nom d'utilisateur est votre clé API Mailjet et le mot de passe sa clé secrète, pas votre identifiant Mailjet. Envoyez depuis une adresse d'expéditeur ou un domaine validé dans Mailjet. Si le port 587 est bloqué là où tourne votre site, utilisez le port 2525.
mailjet-username-is-your-mailjet-8fe11462 = Mailjet : `userName` est votre clé API Mailjet et `password` sa clé secrète (sous Account settings → API keys), pas votre identifiant Mailjet.
mailjet-sends-only-from-a-c082e9b4 = Mailjet n'envoie que depuis une adresse d'expéditeur ou un domaine validé : validez l'adresse `from` dans Mailjet, ou utilisez-en une qui l'est.
mailjet-account-settings-domains-spf-8cc2cce1 = Mailjet → Account settings → Domains → SPF/DKIM authentication
an-smtp-user-name-from-e7bd2eb0 = un nom d'utilisateur SMTP de Sending → SMTP Users
use-an-smtp-user-created-2b1d0bc6 = Utilisez un utilisateur SMTP créé dans SMTP2GO (Sending → SMTP Users) et son mot de passe, pas votre identifiant SMTP2GO, et envoyez depuis un expéditeur vérifié. Si le port 587 est bloqué là où tourne votre site, utilisez le port 2525 (ou 8025).
smtp2go-use-an-smtp-user-e1a0c31b = SMTP2GO : utilisez un utilisateur SMTP de votre compte SMTP2GO (Sending → SMTP Users) comme `userName` et son mot de passe comme `password`, pas votre identifiant SMTP2GO.
smtp2go-sends-only-from-verified-72be2dcc = SMTP2GO n'envoie que depuis des expéditeurs vérifiés (Sending → Verified Senders) : utilisez-en un comme `from`.

## src/providers/mod.rs

provider-also-takes-mail-on-0f1b4ef0 = { $provider } accepte aussi les messages sur le port `{ $port }`, que les hébergeurs et les fournisseurs d'accès à internet bloquent rarement : remplacez `port` par `{ $port }` et laissez `enableSsl` à `true`.

## src/providers/preset.rs

use-the-outgoing-smtp-server-2aa81402 = Utilisez le serveur sortant (SMTP) que vous donne votre hébergeur ou votre fournisseur de messagerie, avec le port 587 et SSL activé. Le port 465 ne fonctionnera pas depuis ASP.NET.

## src/reply.rs

the-server-sent-something-that-6657f988 = le serveur a envoyé quelque chose qui n'est pas une réponse SMTP : { $line }
the-server-s-reply-changed-e8449784 = la réponse du serveur a changé de code en cours de route ({ $first } puis { $then })

## src/report/evidence.rs

tls-version-version-1ac0d9ba = version TLS : { $version }
cipher-cipher-1a1584a9 = algorithme de chiffrement : { $cipher }
not-encrypted-no-tls-was-4d14e875 = non chiffré (aucun TLS n'a été mis en place)
warning-the-password-was-sent-58911bd4 = ATTENTION : le mot de passe a été envoyé sur la connexion non chiffrée (autorisé pour ce test)
certificate-subject-subject-2b3e305c = sujet du certificat : { $subject }
certificate-names-names-85ad8f14 = noms du certificat : { $names }
issued-by-issuer-db64a95a = émis par : { $issuer }
valid-from-start-until-end-41664af8 = valable du { $start } au { $end }
expired-answer-7c3dd7c2 = expiré : { $answer }
self-signed-answer-32e94d4a = auto-signé : { $answer }
sha-256-fingerprint-fingerprint-59cf6063 = empreinte SHA-256 : { $fingerprint }
certificate-problem-accepted-for-this-cf52b724 = problème de certificat accepté pour ce test seulement : { $problem }
no-62366ffa = non
none-received-a7fce227 = (rien reçu)
greeting-banner-2adc54e6 = accueil : { $banner }
ehlo-extensions-extensions-8ae23a31 = extensions EHLO : { $extensions }
sign-in-methods-offered-methods-958cc42d = méthodes d'identification proposées : { $methods }
message-id-of-the-test-1aaceb9a = Message-ID du message de test : { $id }
transcript-0583096b = Transcription
we-sent-the-server-answered-ea6e205d = `->` nous avons envoyé, `<-` le serveur a répondu, `~>`/`<~` la même chose une fois chiffré, `**` remarques du testeur. Les mots de passe apparaissent sous la forme `<redacted>`.

## src/report.rs

mail-settings-tester-support-report-9e850e75 = Rapport d'assistance de Mail Settings Tester
made-by-mail-settings-tester-5d84e266 = Créé par Mail Settings Tester { $version } le { $now } (UTC).
result-the-server-accepted-the-cb20d937 = Résultat : le serveur a accepté le message de test pour { $recipient } (après { $time }).
result-the-server-accepted-the-1ce20c7e = Résultat : le serveur a accepté le message de test pour { $recipient }, mais : { $summary } (après { $time }).
result-failed-summary-after-time-de3e18b7 = Résultat : ÉCHEC : { $summary } (après { $time }).
result-failed-after-time-e2d9ecdd = Résultat : ÉCHEC (après { $time }).
stopped-because-error-a65fdf46 = Arrêté pour la raison suivante : { $error }.
empty-c2b0def7 = (vide)
none-no-sign-in-4e7eb656 = (aucun : pas d'identification)
this-computer-s-name-94e552fc = (le nom de cet ordinateur)
set-not-included-b8037f8f = défini (non inclus)
not-set-ffa35e26 = non défini
another-mail-program-the-best-1cb12260 = un autre logiciel de messagerie (le meilleur que propose le serveur)
test-recipient-9b7a3c52 = destinataire du test
connection-security-used-a0615d9e = sécurité de connexion utilisée
tested-as-6d856e84 = testé comme
time-limits-3bbef354 = délais
connect-connect-s-greeting-greeting-0dacfa15 = connexion { $connect } s, accueil { $greeting } s, chaque commande { $command } s
certificate-check-4f7d1e48 = vérification du certificat
off-invalid-certificates-were-accepted-60edc329 = désactivée : les certificats invalides ont été acceptés (le site ne les acceptera pas)
on-61342fd0 = activée
settings-4b058728 = Paramètres
extra-trusted-certificate-authorities-pa-209717b3 = autorités de certification de confiance supplémentaires : { $path }
ok-663437af = ok
failed-d7e8fab4 = ÉCHEC
checklist-08a568ef = Étapes
each-step-c2d8e180 = Chaque étape :
total-time-f96defd0 = Total : { $time }
diagnosis-547c3c9e = Diagnostic
no-problem-the-test-message-896ed3a9 = Aucun problème : le message de test a été accepté.
suggested-change-e6662e4a = Modification conseillée :

## src/session/connect.rs

no-answer-from-dns-within-75b392c5 = pas de réponse du DNS en { $secs } s
no-address-to-connect-to-d0980056 = aucune adresse à laquelle se connecter

## src/session/dialogue.rs

the-server-sent-more-data-5a7b3835 = le serveur a envoyé des données en trop avant la négociation TLS (une attaque connue contre STARTTLS)
starttls-on-a-connection-that-57fec029 = STARTTLS sur une connexion déjà chiffrée
this-tester-plain-or-login-6e2aba1f = ce testeur (PLAIN ou LOGIN)

## src/session/error.rs

it-is-issued-for-names-7de28bc0 = il est émis pour { $names }
no-authority-this-computer-trusts-c48ee76c = aucune autorité à laquelle cet ordinateur fait confiance ne le garantit
it-has-expired-fa8972c9 = il a expiré
it-is-not-valid-yet-fb6edb7d = il n'est pas encore valable (ou l'horloge de cet ordinateur est fausse)
the-server-name-host-could-a0934279 = le nom de serveur { $host } est introuvable ({ $detail })
the-connection-to-address-was-8ba9ec2a = la connexion à { $address } a été refusée
no-answer-from-address-within-d9ebdf5c = pas de réponse de { $address } en { $secs } s
could-not-connect-to-address-6fadcd41 = impossible de se connecter à { $address } : { $detail }
connected-but-the-server-sent-3a9c719b = connecté, mais le serveur n'a envoyé aucun message d'accueil en { $secs } s
the-server-does-not-speak-565fe8c3 = le serveur ne parle pas SMTP : il a envoyé « { $received } »
the-server-refused-step-name-6e46a071 = le serveur a refusé l'étape { $step_name } : { $reply_text }
the-server-does-not-offer-a01d5bcc = le serveur ne propose pas STARTTLS
the-tls-handshake-failed-detail-c2ab11a8 = la négociation TLS a échoué : { $detail }
the-server-offers-only-outdated-4185f3ec = le serveur ne propose qu'un chiffrement périmé (TLS 1.0 ou 1.1) : { $detail }
the-server-offers-no-sign-d563271c = le serveur ne propose aucune identification (AUTH) sur cette connexion
the-server-offers-only-sign-2930a676 = le serveur ne propose que des méthodes d'identification que { $target_name } ne peut pas utiliser : { $methods }
stopped-before-sending-the-password-bc00d9ef = arrêté avant d'envoyer le mot de passe sur une connexion non chiffrée
the-server-asked-for-more-f9503699 = le serveur a demandé autre chose après le mot de passe : { $reply_text }
the-server-refused-the-oauth-b0c17084 = le serveur a refusé le jeton OAuth ({ $mechanism_name }) : { $reply_text }
the-server-offers-no-oauth-226d3d86 = le serveur ne propose ici aucune identification OAuth (il propose : { $methods })
stopped-before-sending-the-oauth-6d6be392 = arrêté avant d'envoyer le jeton OAuth sur une connexion non chiffrée
the-server-closed-the-connection-9fea2761 = le serveur a fermé la connexion à l'étape { $step_name }
no-reply-to-step-name-b95e1dc7 = pas de réponse à l'étape { $step_name } en { $secs } s
cancelled-during-step-name-f3828dd3 = annulé à l'étape { $step_name }
the-certificate-file-path-could-de00273b = le fichier de certificat { $path } est inutilisable : { $detail }
role-words-address-cannot-be-cc200543 = impossible de transmettre { $role_words } { $address } : { $reason }
the-server-broke-the-smtp-275bfdfe = le serveur n'a pas respecté les règles SMTP à l'étape { $step_name } : { $detail }

## src/session/mod.rs

a-reply-went-on-for-a3229ee0 = une réponse a dépassé { $lines } lignes
a-reply-line-was-far-289873fe = une ligne de réponse était bien trop longue

## src/session/report.rs

enablessl-is-off-2a22ebcd = enableSsl est désactivé
encryption-is-off-21238599 = le chiffrement est désactivé
no-user-name-289a6df8 = pas de nom d'utilisateur
not-offered-before-encryption-c28ccb4d = non proposée avant le chiffrement
server-offers-no-sign-in-676667ab = le serveur ne propose pas d'identification
no-usable-method-sent-without-972e3aeb = aucune méthode utilisable ; envoyé sans identification
sign-in-refused-sent-without-efec03b6 = identification refusée ; envoyé sans identification

## src/session/tls.rs

tls-set-up-failed-error-26855cd2 = la mise en place de TLS a échoué ({ $error })
no-usable-certificate-authority-error-61ef141b = aucune autorité de certification utilisable ({ $error })
a-certificate-in-it-is-c93dd3fb = un certificat qu'il contient est inutilisable ({ $error })
it-is-not-a-valid-a66d7d8b = ce n'est pas un fichier PEM valide ({ $error })
it-holds-no-certificate-a-4f817e2a = il ne contient aucun certificat : un fichier PEM (-----BEGIN CERTIFICATE-----) ou un fichier DER .cer était attendu
host-is-not-a-valid-8d44e3b8 = { $host } n'est pas un nom TLS valide ({ $error })

## src/settings/address.rs

the-sender-address-from-a6cf0f74 = l'adresse d'expéditeur (from)
the-test-recipient-c65aed6f = l'adresse du destinataire du test
only-smtputf8-could-carry-it-b02a2e58 = seul SMTPUTF8 pourrait la transporter, et ce serveur ne propose pas SMTPUTF8
only-smtputf8-could-carry-it-649eaab3 = seul SMTPUTF8 pourrait la transporter, et ASP.NET n'utilise pas SMTPUTF8 par défaut
it-cannot-be-written-into-48e65563 = elle ne peut pas être écrite dans le message de test
international-domain-the-test-sends-a7641d49 = Domaine international : le test envoie { $address } sous la forme { $ascii }, que tous les serveurs de messagerie savent lire.
address-has-letters-outside-plain-6471a7d7 = { $address } contient des lettres hors de l'alphabet anglais simple avant le @. L'outil d'envoi d'ASP.NET refuse une telle adresse sauf si deliveryFormat="International" est défini (ASP.NET 4.5 ou plus récent) et que le serveur de messagerie propose SMTPUTF8 (les adresses internationales). Le test montre ce que rencontre votre site.
address-has-letters-outside-plain-5f9c2f60 = { $address } contient des lettres hors de l'alphabet anglais simple avant le @ : seul un serveur de messagerie qui propose SMTPUTF8 (les adresses internationales) peut l'accepter. Le test vérifie si celui-ci le propose.

## src/settings/ehlo_name.rs

typed-is-not-a-valid-ac381f52 = « { $typed } » n'est pas un nom d'ordinateur valide pour clientDomain. Laissez-le vide pour utiliser le nom de cet ordinateur.
asp-net-introduces-itself-to-bad9a806 = ASP.NET se présente au serveur avec clientDomain tel quel (« { $typed } »), et des serveurs comme Exim refusent une simple adresse IP dans EHLO (le bonjour dans lequel votre site donne son nom) ; utilisez le nom de domaine de votre site, par exemple www.example.com, ou laissez clientDomain vide.
the-test-introduces-itself-as-38df7222 = Le test se présente comme { $literal }, la forme qu'attendent les serveurs de messagerie pour une adresse IP.
many-mail-servers-exim-among-1f6f2699 = Beaucoup de serveurs de messagerie (dont Exim) répondent 501 et refusent « { $typed } » comme nom de cet ordinateur : un nom ne peut contenir que des lettres, des chiffres, des tirets et des points, pas { $characters }. Utilisez le nom de domaine de votre site, par exemple www.example.com, ou laissez clientDomain vide pour utiliser le nom de cet ordinateur.

## src/settings/validate.rs

host-is-not-a-valid-702a75f3 = « { $host } » n'est pas un nom de serveur valide. Vérifiez qu'il n'y a pas de faute de frappe.
enter-the-mail-server-s-216e5a0c = Saisissez le nom du serveur de messagerie (host), par exemple smtp.example.com.
enter-only-the-server-s-c06d5777 = Saisissez seulement le nom du serveur : retirez « { $scheme }:// » (le host de web.config n'en a jamais).
the-server-name-cannot-contain-a669d667 = Le nom du serveur ne peut pas contenir d'espaces. Copiez-le à nouveau depuis les instructions de votre fournisseur.
this-looks-like-an-email-923d668e = Cela ressemble à une adresse e-mail. Le host est le nom du serveur de messagerie, par exemple smtp.example.com.
the-server-name-cannot-contain-3b89a0a4 = Le nom du serveur ne peut pas contenir « / ». Saisissez seulement le nom, par exemple smtp.example.com.
put-the-port-in-the-4cc5c678 = Mettez le port dans le champ Port : host « { $name } », port { $port }.
international-name-the-test-connects-a9390765 = Nom international : le test se connecte à sa forme ASCII { $ascii }.
port-port-does-not-exist-b3dfc373 = Le port { $port } n'existe pas : les ports vont de 1 à 65535. Les serveurs de messagerie utilisent en général 587.
defaultcredentials-is-true-so-web-2cc7e682 = defaultCredentials est à true : web.config ignore donc userName et password et s'identifie avec le compte Windows. Mettez defaultCredentials à false pour utiliser le nom d'utilisateur.
defaultcredentials-true-signs-in-as-bdc7611b = defaultCredentials="true" s'identifie avec le compte Windows du site, ce que ce test ne peut pas faire : il envoie sans identification.
a-user-name-is-set-73cdd5ba = Un nom d'utilisateur est défini mais le mot de passe est vide. Saisissez le mot de passe de la boîte mail.
a-password-is-set-but-71fbceb3 = Un mot de passe est défini mais userName est vide : le mot de passe ne sert donc jamais. Saisissez le nom d'utilisateur (en général l'adresse e-mail complète).
oauth-signs-in-as-a-2df4a59e = OAuth s'identifie avec une boîte mail : saisissez son adresse complète comme nom d'utilisateur.
oauth-sign-in-needs-an-b27182ff = L'identification OAuth a besoin d'un jeton d'accès, et il n'y en a aucun. Identifiez-vous d'abord auprès du fournisseur, ou collez un jeton.
asp-net-s-mail-sender-df5acecb = L'outil d'envoi d'ASP.NET (web.config) ne sait pas s'identifier avec OAuth. Ce test vérifie la boîte mail et le jeton comme les utiliserait un programme qui en est capable (comme MailKit).
address-is-not-a-valid-f804de19 = « { $address } » n'est pas une adresse e-mail valide pour l'expéditeur (from). Elle doit ressembler à nom@example.com.
address-is-not-a-valid-5cf84c0a = « { $address } » n'est pas une adresse e-mail valide pour le destinataire du test. Elle doit ressembler à nom@example.com.
enter-the-sender-address-from-92b57a8d = Saisissez l'adresse d'expéditeur (from), en général la boîte mail avec laquelle vous vous identifiez. Si votre web.config n'a pas de from, c'est le code de votre site qui définit l'expéditeur : saisissez cette adresse.
asp-net-system-net-mail-ee4b87b2 = ASP.NET (System.Net.Mail) ne sait pas utiliser SSL dès la connexion. Utilisez le port 587 avec enableSsl="true", ou choisissez la cible générique pour tester d'autres programmes.
asp-net-cannot-use-port-85b5d0bc = ASP.NET ne peut pas utiliser le port 465 : il attend un message d'accueil qui ne vient jamais. Le test se comportera de la même façon. Utilisez le port 587 avec enableSsl="true".
starttls-was-chosen-which-means-be6ff6d5 = STARTTLS a été choisi, ce qui correspond à enableSsl="true" dans web.config.
certificate-checks-are-off-the-cee3d463 = La vérification des certificats est désactivée : la connexion n'est pas protégée contre les imposteurs. Votre site vérifiera quand même le certificat et risque d'échouer.
deliverymethod-is-not-network-so-15953ca7 = deliveryMethod n'est pas « Network » : le site écrit donc les messages dans un dossier au lieu de les envoyer. Mettez deliveryMethod="Network" pour envoyer via ce serveur.
a-timeout-of-0-seconds-d34a129a = Un délai de 0 seconde échouerait à chaque fois. Utilisez au moins 1 seconde (10 est habituel).
timeouts-above-600-seconds-are-94fe3d7e = Les délais de plus de 600 secondes ne sont pas utiles pour un test. Utilisez 10 à 60 secondes.

## src/settings.rs

no-encryption-7b0eebe3 = aucun chiffrement
asp-net-core-net-5-d85df409 = ASP.NET Core / .NET 5 ou plus récent

## src/snippet/django.rs

set-only-one-of-email-74ec3c21 = Ne mettez à True qu'un seul des deux : EMAIL_USE_TLS (STARTTLS, port 587) ou EMAIL_USE_SSL (SSL dès la connexion, port 465) : avec les deux, Django démarre mais échoue au premier envoi (« EMAIL_USE_TLS/EMAIL_USE_SSL are mutually exclusive »).

## src/snippet/format.rs

php-code-bda6edbc = Code PHP
put-it-inside-configuration-if-e1efa961 = Mettez-le à l'intérieur de <configuration>. S'il y a déjà un bloc <system.net>, remplacez seulement le bloc <mailSettings> qu'il contient et gardez le reste (comme <defaultProxy>).
put-this-where-your-php-d17fc47f = Mettez ceci là où votre code PHP crée l'objet PHPMailer (PHPMailer 6.1 ou plus récent : les constantes ENCRYPTION_ sont arrivées en 6.1), avant $mail->send().
put-this-in-wp-config-b7c7c865 = Mettez ceci dans wp-config.php au-dessus de la ligne /* That's all, stop editing! */ (il faut l'extension WP Mail SMTP).
put-this-in-the-env-50652e7d = Mettez ceci dans le fichier .env à la racine de votre site Laravel, à la place des lignes MAIL_ déjà présentes, puis lancez php artisan config:clear.
put-this-in-your-project-96ff8c78 = Mettez ceci dans le settings.py de votre projet, à la place des réglages EMAIL_ déjà présents.
put-this-where-your-node-9137efc0 = Mettez ceci là où votre code Node.js crée le transport Nodemailer, puis envoyez avec transporter.sendMail({"{"} to, subject, text {"}"}).
put-this-line-in-env-903522da = Mettez cette ligne dans .env.local (ou définissez MAILER_DSN comme variable d'environnement), à la place de tout MAILER_DSN déjà présent.
put-the-smtp-section-into-f2c2e121 = Mettez la section "Smtp" dans appsettings.json, à côté des sections déjà présentes.

## src/snippet/laravel.rs

laravel-11-and-12-no-a3768a2e = Laravel 11 et 12 ne lisent plus MAIL_ENCRYPTION : ils utilisent MAIL_SCHEME. Les deux lignes sont là pour que le bloc fonctionne avec toutes les versions ; gardez-les cohérentes si vous en modifiez une.
laravel-10-and-older-use-0b26f05b = Laravel 10 et les versions plus anciennes n'utilisent SSL dès la connexion que sur le port 465 ; sur le port { $port }, seul Laravel 11+ (MAIL_SCHEME=smtps) le peut.
laravel-s-env-turns-the-d5129581 = La fonction env() de Laravel transforme la valeur de { $key } en autre chose (true, false, null, vide, ou une valeur entre guillemets qui les perd) : mettez-la plutôt directement dans config/mail.php.

## src/snippet/mailkit.rs

connect-with-mailkit-like-this-a0f2b3b0 = Connectez-vous avec MailKit ainsi : client.Connect(smtp.Host, smtp.Port, SecureSocketOptions.{ $options }); client.Authenticate(smtp.UserName, smtp.Password);
connect-with-mailkit-like-this-a3cc5a4d = Connectez-vous avec MailKit ainsi : client.Connect(smtp.Host, smtp.Port, SecureSocketOptions.{ $options });
do-not-write-client-connect-63e694a6 = N'écrivez pas client.Connect(host, 587, useSsl: true) : dans MailKit, useSsl: true signifie SSL dès la connexion, ce qui échoue sur le port 587. Le enableSsl="true" de web.config correspond à SecureSocketOptions.StartTls.
asp-net-core-does-not-b7e6cf14 = ASP.NET Core ne lit pas le <mailSettings> de web.config : c'est le code du site qui doit lire cette section.

## src/snippet/nodemailer.rs

secure-true-is-only-for-51c29ab8 = secure: true ne sert qu'à SSL dès la connexion (port 465) ; avec STARTTLS, il doit rester à false, sinon la connexion échoue avec « wrong version number ».
with-secure-false-nodemailer-still-512f72f5 = Avec secure: false, Nodemailer passe quand même à STARTTLS quand le serveur le propose ; n'ajoutez ignoreTLS: true que si cela échoue et que vous acceptez une connexion non chiffrée.

## src/snippet/oauth/django.rs

put-this-in-your-project-1413375b = Mettez ceci dans le settings.py de votre projet, à la place des réglages EMAIL_ déjà présents.
the-app-needs-microsoft-graph-5db04e0a = L'application a besoin de l'autorisation d'application Mail.Send de Microsoft Graph avec le consentement administrateur (pas SMTP.SendAsApp : ce backend n'utilise pas SMTP). Mail.Send permet à l'application d'envoyer au nom de n'importe quelle boîte mail de votre organisation, sauf si votre administrateur la limite à celle-ci.
django-o365mail-signs-in-as-58cbac5f = django-o365mail s'identifie en tant qu'application (app-only), pas en tant que personne : aucun jeton d'actualisation n'est nécessaire.
without-a-package-azure-communication-7d86afb5 = Sans paquet : le SMTP d'Azure Communication Services (smtp.azurecomm.net, port 587, STARTTLS) accepte un nom d'utilisateur et un mot de passe, donc le backend SMTP propre à Django fonctionne avec (EMAIL_HOST_USER = le SMTP Username d'ACS, EMAIL_HOST_PASSWORD = le secret client de l'application Entra) ; un service de relais fonctionne de la même façon.
enable-the-gmail-api-in-4ecc65d4 = Activez l'API Gmail dans le projet Google Cloud, et créez une fois le jeton d'actualisation avec le script du paquet (gmail_oauth2 --generate_oauth2_token), en vous identifiant avec la boîte mail.
without-a-package-google-still-88def8b2 = Sans paquet : Google accepte encore un mot de passe d'application (avec la validation en deux étapes activée), que le backend SMTP propre à Django peut utiliser.

## src/snippet/oauth/laravel.rs

four-parts-each-in-its-a587b09b = Quatre parties, chacune dans son propre fichier : les lignes pour .env, le mailer pour config/mail.php (dans 'mailers' => [...]), le code pour la méthode boot() de app/Providers/AppServiceProvider.php, et la classe app/Mail/FreshTokenXOAuth2Authenticator.php. Lancez ensuite php artisan config:clear.
laravel-through-symfony-mailer-cannot-d46f9f68 = Laravel (via Symfony Mailer) ne sait pas obtenir lui-même un jeton OAuth, et un jeton ne dure qu'environ une heure : ce transport personnalisé en obtient un nouveau à chaque connexion. Il faut Laravel 9 ou plus récent avec symfony/mailer 6.3 ou plus récent (Laravel 11 et suivants l'ont ; sous Laravel 10, lancez composer update symfony/mailer).

## src/snippet/oauth/mailkit.rs

put-the-smtp-section-the-c60f3059 = Mettez la section "Smtp" (la partie JSON) dans appsettings.json, à la place d'une éventuelle section "Smtp" déjà présente ; ajoutez la classe C# à votre projet et enregistrez-la : builder.Services.AddSingleton<OAuthMailSender>();
this-uses-app-only-sign-823f2f67 = Ceci utilise l'identification app-only (le site s'identifie en son propre nom), ce dont un site a besoin : l'identification déléguée demanderait une personne devant un navigateur et un cache de jetons.
keep-the-client-secret-out-d02d7bb5 = Ne laissez pas le secret client dans appsettings.json dans un dépôt partagé : dotnet user-secrets, une variable d'environnement (Smtp__ClientSecret) ou un coffre de clés le remplacent.
do-not-connect-with-usessl-3f8b4515 = Ne vous connectez pas avec useSsl: true sur le port 587 : dans MailKit, cela signifie SSL dès la connexion. STARTTLS correspond à SecureSocketOptions.StartTls, comme dans la section.
appsettings-json-and-c-mailkit-ca0b1f7c = appsettings.json et C# (MailKit)

## src/snippet/oauth/nodemailer.rs

put-this-in-your-node-c0ffada9 = Mettez ceci dans votre code Node.js et envoyez avec await sendMail({"{"} to, subject, text {"}"}). Installez une fois : npm install nodemailer @azure/msal-node
put-this-where-your-node-185c1777 = Mettez ceci là où votre code Node.js crée le transport Nodemailer, puis envoyez avec transporter.sendMail({"{"} to, subject, text {"}"}). Nodemailer renouvelle le jeton lui-même.
node-js-code-nodemailer-7e94db6a = Code Node.js (Nodemailer)

## src/snippet/oauth/notes.rs

oauth-means-signing-in-through-7580ed84 = OAuth, c'est s'identifier via { $who } au lieu d'utiliser le mot de passe de la boîte mail : le site demande à { $who } un jeton de courte durée avec l'ID et le secret de l'application (aucune personne ne s'identifie), et s'identifie avec ce jeton.
oauth-means-signing-in-through-828dd6c6 = OAuth, c'est s'identifier sur la page même de { $who } au lieu d'utiliser un mot de passe : le propriétaire de la boîte mail s'identifie une fois, le site garde un jeton d'actualisation et s'en sert pour obtenir des jetons de courte durée.
replace-placeholder-with-the-app-d5a0af53 = Remplacez { $placeholder } par le secret client de l'application. Il est omis pour que l'extrait puisse être partagé sans risque ; ne le mettez pas dans des fichiers que vous partagez ou versionnez (une variable d'environnement ou un coffre de secrets est préférable).
replace-placeholder-with-the-refresh-50c0846a = Remplacez { $placeholder } par le jeton d'actualisation obtenu quand le propriétaire de la boîte mail s'identifie une fois dans l'application (gardez-le aussi secret qu'un mot de passe).
replace-placeholder-with-the-app-dd0be73d = Remplacez { $placeholder } par l'ID client de l'application (Application (client) ID, sur la page Overview de l'application dans le Centre d'administration Microsoft Entra).
replace-placeholder-with-the-app-e2337baa = Remplacez { $placeholder } par l'ID client de l'application (celui du client OAuth dans la console Google Cloud, API et services → Identifiants).
replace-placeholder-with-the-directory-163145f4 = Remplacez { $placeholder } par le Directory (tenant) ID de la page Overview de l'application (ou votre domaine, comme example.onmicrosoft.com).
replace-placeholder-with-the-mailbox-bbe7cc54 = Remplacez { $placeholder } par l'adresse de la boîte mail depuis laquelle le site envoie.
google-has-no-app-only-ba6e748c = Google n'a pas d'identification app-only pour une boîte mail ordinaire : il faudrait un compte de service Google Workspace avec délégation au niveau du domaine, configuré par l'administrateur Workspace. Ceci s'identifie donc plutôt avec la boîte mail (identification déléguée).
app-only-sign-in-needs-ad5c921d = L'identification app-only demande une configuration unique par votre administrateur Microsoft 365 : l'autorisation SMTP.SendAsApp, le consentement administrateur, et l'accès de l'application à cette boîte mail dans Exchange (voir les étapes de configuration).
the-app-registration-needs-the-f7d5f684 = L'inscription de l'application a besoin de l'autorisation déléguée SMTP.Send, et le jeton d'actualisation doit être demandé avec les portées https://outlook.office.com/SMTP.Send et offline_access.
the-google-oauth-client-needs-6e9d68ed = Le client OAuth de Google a besoin de la portée { $scope }. Tant que l'écran de consentement OAuth de Google est en mode « Testing », les jetons d'actualisation expirent au bout de 7 jours : publiez l'application avant de compter dessus.
smtp-sign-in-smtp-auth-976b28fe = L'identification SMTP (SMTP AUTH) doit rester activée pour la boîte mail, même avec OAuth : Set-CASMailbox -SmtpClientAuthenticationDisabled $false.
the-tested-connection-was-not-ee5febd4 = La connexion testée n'était pas chiffrée : les jetons OAuth ne doivent pas traverser le réseau sans chiffrement, ceci utilise donc STARTTLS. Testez le port 587 avec STARTTLS (ou 465 avec SSL dès la connexion) avant de compter dessus.
while-the-google-oauth-consent-d3b7b869 = Tant que l'écran de consentement OAuth de Google est en mode « Testing », les jetons d'actualisation expirent au bout de 7 jours : publiez l'application avant de compter dessus.

## src/snippet/oauth/php_token.rs

the-token-request-uses-php-264e594e = La demande de jeton utilise file_get_contents de PHP sur une adresse https:// : l'option allow_url_fopen de PHP doit être activée (c'est le cas par défaut) et le serveur doit pouvoir joindre le point d'accès des jetons.

## src/snippet/oauth/phpmailer.rs

put-this-where-your-php-021b3499 = Mettez ceci là où votre code PHP crée l'objet PHPMailer (PHPMailer 6.6 ou plus récent : OAuthTokenProvider est arrivé en 6.6), avant $mail->send() ; les lignes use vont en haut du fichier.
put-this-where-your-php-e46cf1ca = Mettez ceci là où votre code PHP crée l'objet PHPMailer (PHPMailer 6 avec Composer), avant $mail->send() ; les lignes use vont en haut du fichier.
phpmailer-s-own-oauth-class-d202c98f = La classe OAuth propre à PHPMailer ne fonctionne qu'avec un jeton d'actualisation (quelqu'un s'identifie une fois) ; pour l'identification app-only, la petite classe AppOnlyOAuthToken ci-dessous demande un jeton à Microsoft avec l'ID et le secret de l'application.
get-the-refresh-token-once-daf7ceaf = Obtenez une fois le jeton d'actualisation avec le get_oauth_token.php de PHPMailer (fourni avec PHPMailer) : mettez-le sur votre site, ajoutez son adresse aux URI de redirection de l'application, ouvrez-le, choisissez { $provider } et identifiez-vous avec la boîte mail. Supprimez ensuite le script.
microsoft-sends-only-as-the-720b52d1 = Microsoft n'envoie qu'au nom de la boîte mail qui s'identifie (ou d'une adresse au nom de laquelle elle peut envoyer) : gardez setFrom sur cette adresse.

## src/snippet/oauth/setup.rs

open-the-microsoft-entra-admin-56e219d9 = Ouvrez le Centre d'administration Microsoft Entra (entra.microsoft.com) → App registrations → New registration. Donnez-lui un nom (par exemple « Messagerie du site »), gardez « Accounts in this organizational directory only » et enregistrez-la. Sa page Overview affiche l'Application (client) ID et le Directory (tenant) ID : le site a besoin des deux.
open-the-microsoft-entra-admin-830973c3 = Ouvrez le Centre d'administration Microsoft Entra (entra.microsoft.com) → App registrations et ouvrez l'application dont l'Application (client) ID est { $client_id } (ou créez-la : New registration, « Accounts in this organizational directory only »). Notez le Directory (tenant) ID sur sa page Overview : le site en a besoin.
open-the-microsoft-entra-admin-566fe1a1 = Ouvrez le Centre d'administration Microsoft Entra (entra.microsoft.com) → App registrations et ouvrez l'application dont l'Application (client) ID est { $client_id } (ou créez-la : New registration, « Accounts in this organizational directory only »). Son Directory (tenant) ID doit être { $tenant }.
in-the-app-api-permissions-e2b91c93 = Dans l'application : API permissions → Add a permission → APIs my organization uses → cherchez « Office 365 Exchange Online » → Application permissions → cochez SMTP.SendAsApp → Add permissions.
still-on-api-permissions-click-3f5fb2d8 = Toujours dans API permissions, cliquez sur « Grant admin consent » pour votre organisation (seul un administrateur le peut).
certificates-secrets-new-client-secret-12e13caf = Certificates & secrets → New client secret. Copiez tout de suite sa Value (elle n'est affichée que cette fois-ci) et mettez-la là où le site lit son secret client. Notez la date d'expiration dans votre agenda : quand le secret expire, le site cesse d'envoyer jusqu'à ce que vous en créiez un nouveau.
enterprise-applications-not-app-registra-0ee3ad08 = Enterprise applications (et non App registrations) → ouvrez la même application → copiez son Object ID. L'Object ID de l'inscription d'application (App registration) est un autre numéro et fait échouer l'identification. Il remplace { $placeholder } ci-dessous.
in-powershell-install-the-exchange-208056fd = Dans PowerShell, installez le module Exchange Online (une fois) et connectez-vous en tant qu'administrateur Exchange.
tell-exchange-about-the-app-7738c8e6 = Déclarez l'application à Exchange (son principal de service).
let-the-app-use-the-0b50e2fa = Autorisez l'application à utiliser la boîte mail { $mailbox }.
make-sure-smtp-sign-in-b85ae76e = Assurez-vous que l'identification SMTP (SMTP AUTH) est activée pour la boîte mail : OAuth en a aussi besoin.

## src/snippet/oauth/symfony.rs

save-the-first-part-as-bebdcc14 = Enregistrez la première partie sous src/Mailer/FreshTokenXOAuth2Authenticator.php ; utilisez la seconde partie là où votre code envoie les messages, à la place du mailer construit à partir de MAILER_DSN.
symfony-mailer-cannot-fetch-an-653576c6 = Symfony Mailer ne sait pas obtenir lui-même un jeton OAuth : son identification XOAUTH2 prend le mot de passe comme jeton, et un jeton ne dure qu'environ une heure. La petite classe ci-dessous en obtient un nouveau à chaque connexion. Il faut symfony/mailer 6.3 ou plus récent (setAuthenticators).
php-code-symfony-mailer-69a187c6 = Code PHP (Symfony Mailer)

## src/snippet/oauth/web_config.rs

put-it-inside-configuration-replacing-fa45570d = Mettez-le à l'intérieur de <configuration>, à la place du bloc <system.net> <mailSettings> déjà présent (gardez tout le reste dans <system.net>, comme <defaultProxy>).
asp-net-s-mail-sender-22b9064f = L'outil d'envoi d'ASP.NET (System.Net.Mail, qui lit web.config) ne sait pas s'identifier avec OAuth (la demande correspondante, le ticket dotnet/runtime 76253, est ouverte depuis 2022), et Microsoft elle-même recommande plutôt MailKit (recommandation DE0005).
way-out-1-create-an-4ee187a7 = Solution 1 : créez un mot de passe d'application pour la boîte mail (Mots de passe des applications, dans les paramètres de sécurité du compte Google) et mettez-le à la place de { $placeholder }. Un administrateur Workspace peut interdire les mots de passe d'application : utilisez alors un service de relais ou MailKit.
asp-net-cannot-use-port-3fcf6280 = ASP.NET ne peut pas utiliser le port 465 (SSL dès la connexion) : c'est donc le port 587 avec enableSsl="true" qui est utilisé à la place.
way-out-1-azure-communication-18094b5e = Solution 1, le SMTP d'Azure Communication Services (smtp.azurecomm.net, port 587, enableSsl="true") : dans le portail Azure, créez un Email Communication Service avec votre domaine et une ressource Communication Services, donnez-y accès à une application Entra et créez un SMTP Username. userName est alors ce SMTP Username et password le secret client de l'application (remplacez { $user_placeholder } et { $secret_placeholder }). L'adresse Expéditeur doit être sur un domaine vérifié dans ACS.
way-out-2-a-relay-7b644bf3 = Solution 2, un service de relais (SendGrid, Brevo, Mailgun, Amazon SES, SMTP2GO, ...) : mettez son hôte, le port 587, enableSsl="true" et son nom d'utilisateur SMTP et son mot de passe ou sa clé dans l'élément <network>.
way-out-3-an-exchange-c0be45f4 = Solution 3, un connecteur Exchange : votre administrateur crée dans Exchange Online un connecteur entrant qui accepte les messages venant de l'adresse IP fixe du serveur web ; le site envoie alors à <votre domaine>.mail.protection.outlook.com sur le port 25 sans userName ni password (enableSsl="true" y fonctionne aussi).
way-out-4-high-volume-cdeb9bee = Solution 4, High Volume Email (smtp-hve.office365.com, port 587) : accepte encore un mot de passe, mais ne livre qu'aux adresses de votre propre organisation.
way-out-5-move-the-166eb8f2 = Solution 5 : faites passer le code d'envoi du site à MailKit, qui s'identifie avec OAuth (voir l'onglet ASP.NET Core pour le code ; MailKit fonctionne aussi sous .NET Framework 4.x).

## src/snippet/oauth/wordpress.rs

put-this-in-wp-config-7f22d207 = Mettez ceci dans wp-config.php au-dessus de la ligne /* That's all, stop editing! */ (il faut l'extension WP Mail SMTP), à la place des lignes WPMS_ déjà présentes.
with-wp-mail-smtp-the-c123677e = Avec WP Mail SMTP, c'est la page de réglages de l'extension qui fait l'identification : suivez ses étapes, pas la configuration app-only pour SMTP (SMTP.SendAsApp).
steps-1-in-the-google-54eefa59 = Étapes : 1. Dans la console Google Cloud, créez un projet, activez l'API Gmail et créez un ID client OAuth de type « Application Web ». 2. Copiez l'« Authorized redirect URI » affichée dans les réglages de WP Mail SMTP dans les « URI de redirection autorisés » du client. 3. Collez l'ID client et le secret ci-dessus. 4. Dans les réglages de WP Mail SMTP, utilisez son bouton pour vous identifier avec le compte Google de la boîte mail et autoriser l'extension à envoyer.
steps-1-in-the-microsoft-ea0ecf6c = Étapes : 1. Dans le Centre d'administration Microsoft Entra, App registrations → New registration. 2. Ajoutez l'URI de redirection et les autorisations que liste la page de réglages Outlook de WP Mail SMTP. 3. Certificates & secrets → New client secret ; collez l'ID client et le secret ci-dessus. 4. Dans les réglages de WP Mail SMTP, utilisez son bouton pour vous identifier avec le compte Microsoft de la boîte mail.
the-outlook-mailer-is-part-f00ba925 = Le mode d'envoi Outlook ne fait partie que de WP Mail SMTP Pro. Sans Pro : le SMTP d'Azure Communication Services (smtp.azurecomm.net, port 587, STARTTLS) fonctionne avec le mode « Other SMTP » de l'extension et un nom d'utilisateur et un mot de passe.
nothing-in-wp-config-php-e750f8c3 = Rien dans wp-config.php ne fait l'identification : l'extension garde l'identification obtenue sur sa page de réglages ; refaites donc l'étape 4 si l'envoi s'arrête (par exemple après l'expiration du secret).

## src/snippet/parts.rs

from-is-empty-the-website-80fe4bb0 = from est vide : le code du site doit alors définir lui-même l'expéditeur.
replace-placeholder-with-the-mailbox-0d73c02b = Remplacez { $placeholder } par le mot de passe de la boîte mail (il est omis pour que l'extrait puisse être partagé sans risque).
defaultcredentials-signing-in-as-the-f49dc854 = defaultCredentials (l'identification avec le compte Windows) n'existe que dans le web.config d'ASP.NET : cet extrait ne s'identifie pas. Saisissez un nom d'utilisateur et un mot de passe si le serveur en a besoin.
no-encryption-the-password-crosses-60b57264 = Aucun chiffrement : le mot de passe traverse le réseau sans chiffrement. Utilisez STARTTLS ou SSL dès la connexion si le serveur le propose.
port-465-is-for-ssl-d3d922fc = Le port 465 sert à SSL dès la connexion, et la plupart des logiciels de messagerie l'y utilisent toujours. Testez le port 587 avec STARTTLS, ou le port 465 avec SSL dès la connexion, avant de compter dessus.

## src/snippet/phpmailer.rs

smtpautotls-is-false-so-that-d6642a40 = SMTPAutoTLS est à false pour que PHPMailer ne passe pas de lui-même à STARTTLS ; supprimez cette ligne si le serveur propose STARTTLS et que vous le voulez.

## src/snippet/symfony.rs

the-user-name-and-password-db6b0fdc = Le nom d'utilisateur et le mot de passe sont encodés pour URL dans le DSN (@ devient %40, par exemple) : si vous les modifiez, encodez-les de la même façon.
smtp-switches-to-starttls-by-b5d12bbf = smtp:// passe de lui-même à STARTTLS quand le serveur le propose. Symfony utilise toujours SSL dès la connexion sur le port 465, même avec smtp://.
smtp-still-switches-to-starttls-cb0f6b8f = smtp:// passe quand même à STARTTLS quand le serveur le propose (Symfony 7.1+ peut le désactiver avec ?auto_tls=false).
smtps-means-ssl-on-connect-dabcf4ab = smtps:// signifie SSL dès la connexion. Symfony utilise aussi SSL dès la connexion pour tout DSN sur le port 465.
symfony-mailer-takes-the-sender-5727fd05 = Symfony Mailer prend l'expéditeur dans chaque message : utilisez { $from } comme adresse From.

## src/snippet/wordpress.rs

wpms-ssl-tls-means-starttls-e40daa42 = WPMS_SSL 'tls' signifie STARTTLS (le commentaire de l'extension « TLS is not STARTTLS » est trompeur) : gardez 'tls' avec le port 587, et 'ssl' seulement pour le port 465.

## src/warning.rs

your-website-will-then-log-9d26b372 = Votre site enregistrera alors
for-mail-to-anyone-else-362213fd = Pour les messages destinés à toute autre personne, votre site enregistrera
the-test-message-arrived-but-a31edd84 = Le message de test est arrivé, mais les messages à vos clients seront refusés
this-server-took-the-test-163aee85 = Ce serveur a accepté le message de test sans identification parce qu'il était adressé à l'une de ses propres boîtes mail. Quand on lui a demandé d'accepter un message pour une adresse extérieure (rien n'a été envoyé), il a refusé : « { $reply } ». Sans identification, les messages de votre site à toute autre personne (confirmations de commande, réinitialisations de mot de passe) sont refusés de la même façon.
fill-in-username-and-password-14461f2f = Remplissez `userName` et `password` (et mettez `enableSsl` à `true`) : un site identifié peut envoyer à n'importe quelle adresse. Relancez le test avec.
or-ask-your-hosting-company-fee3b0e0 = Ou demandez à votre hébergeur quel serveur et quel port permettent au site d'envoyer à des adresses extérieures.
azure-communication-services-a-microsoft-ac627e0b = Azure Communication Services : un relais Microsoft qui continue d'accepter un nom d'utilisateur et un mot de passe (smtp.azurecomm.net, port 587, enableSsl activé ; userName est son nom d'utilisateur SMTP, password le secret client de l'application Entra). Choisissez le préréglage « Azure Communication Services » et testez-le.
a-sending-service-that-takes-06d85dc4 = Un service d'envoi qui accepte les mots de passe (SendGrid, Brevo, Mailgun, Amazon SES, SMTP2GO) ou le serveur de messagerie de votre hébergeur : remplacez host, userName et password par les leurs.
an-exchange-connector-your-admin-6c6db3dc = Un connecteur Exchange : votre administrateur laisse l'adresse IP fixe du serveur web envoyer par le port 25 à <votre domaine>.mail.protection.outlook.com sans identification.
high-volume-email-smtp-hve-996cf456 = High Volume Email (smtp-hve.office365.com, port 587) accepte les mots de passe jusqu'en septembre 2028, mais ne livre qu'aux boîtes mail de votre propre organisation.
or-move-the-site-s-da0ce105 = Ou faites passer le code d'envoi du site à MailKit avec OAuth (l'outil d'envoi intégré d'ASP.NET ne sait pas faire OAuth).
sign-in-with-oauth-instead-a6b809b7 = Identifiez-vous plutôt avec OAuth (application Microsoft 365 avec l'autorisation SMTP.SendAsApp) : testez-la ici avec Identification → Microsoft 365 (OAuth), ou `mailtester send --oauth microsoft`, puis utilisez l'extrait OAuth pour votre plateforme.
or-send-through-a-relay-09358923 = Ou envoyez via un relais qui accepte les mots de passe : Azure Communication Services (smtp.azurecomm.net) ou un service d'envoi.
this-works-today-but-microsoft-1e66a965 = Cela fonctionne aujourd'hui, mais Microsoft 365 désactive l'identification par mot de passe fin décembre 2026
microsoft-switches-password-sign-in-b29c7af0 = Microsoft désactive par défaut l'identification par mot de passe pour SMTP (l'authentification de base) dans toutes les organisations Microsoft 365 fin décembre 2026. Un administrateur peut la réactiver pour l'instant ; Microsoft annoncera la fin définitive au second semestre 2027. À partir de là, les messages de votre site ne partiront plus.

## src/webconfig/document.rs

a-second-top-level-element-0dbfb207 = un second élément de premier niveau ; tout doit se trouver dans l'unique élément <configuration>
text-outside-the-configuration-element-5ab3603e = du texte hors de l'élément <configuration> ; supprimez-le
name-is-never-closed-name-53fcf71f = <{ $name }> n'est jamais fermé (</{ $name }> manque)
the-file-has-no-elements-e99344ab = le fichier ne contient aucun élément (il devrait commencer par <configuration>)
a-tag-is-not-closed-61fb9e67 = une balise n'est pas fermée : il manque un > (ou un guillemet dans la balise n'est pas fermé)
a-comment-that-starts-with-3173cbb0 = un commentaire qui commence par <!-- n'est jamais fermé par -->
a-cdata-section-is-never-36fbd2fd = une section <![CDATA[ n'est jamais fermée par ]]>
a-instruction-is-never-closed-c4b71c8b = une instruction <? ... ?> n'est jamais fermée par ?>
something-starting-with-is-neither-c5af375e = quelque chose qui commence par <! n'est ni un commentaire ni un balisage valide
found-closes-expected-which-is-b2b369eb = </{ $found }> ferme <{ $expected }>, qui est encore ouvert : une balise fermante manque ou est mal écrite
name-closes-an-element-that-427ce6ea = </{ $name }> ferme un élément qui n'a jamais été ouvert
name-is-never-closed-c06a4bbe = <{ $name }> n'est jamais fermé
a-comment-contains-two-hyphens-e819051e = un commentaire contient -- (deux tirets), ce que XML n'autorise pas dans <!-- -->
an-starts-a-reference-that-acc80456 = un & commence une référence qui n'est jamais terminée par ; (écrivez & sous la forme &amp;)
the-xml-line-at-the-d4be05db = la ligne <?xml ...?> du début n'a pas de version="1.0"
the-xml-could-not-be-ebe072f9 = le XML n'a pas pu être lu ({ $error })

## src/webconfig/error.rs

this-web-config-is-not-e049049c = ce web.config n'est pas du XML valide : { $problem } (ligne { $line }, colonne { $column }). ASP.NET ne peut pas le lire non plus ; corrigez-le dans un éditeur de texte ou restaurez une sauvegarde, puis réessayez
this-file-is-not-a-946b2312 = ce fichier n'est pas un web.config : son premier élément est <{ $root }>, pas <configuration>. Ouvrez le web.config du site (il se trouve dans le dossier racine du site)
this-web-config-has-no-622e34e8 = ce web.config n'a pas encore de paramètres d'envoi ; testez vos paramètres et utilisez Mettre à jour pour les ajouter
the-mail-settings-are-not-2daa99b4 = les paramètres d'envoi ne sont pas dans ce fichier : <{ $element } configSource="{ $file }"> les garde dans { $file }, à côté de ce web.config. Ouvrez plutôt ce fichier
the-mail-settings-in-this-ba3ab443 = les paramètres d'envoi de ce web.config sont chiffrés ({ $detail }) : ils ne peuvent donc pas être lus ni modifiés ici. Déchiffrez-les sur le serveur avec aspnet_regiis -pd "system.net/mailSettings/smtp" (et rechiffrez-les ensuite avec -pe), ou tapez les paramètres à la main
found-on-line-line-must-5332e735 = <{ $found }> à la ligne { $line } doit s'écrire <{ $expected }> (les noms d'éléments sont sensibles à la casse et ASP.NET rejette le fichier en l'état). Corrigez le nom dans un éditeur de texte, puis réessayez
element-appears-more-than-once-f637cee8 = <{ $element }> apparaît plusieurs fois (encore à la ligne { $line }) ; ASP.NET rejette une section écrite deux fois. Supprimez celle en trop dans un éditeur de texte, puis réessayez
the-attribute-value-has-a-50c8f903 = la valeur de { $attribute } contient un caractère de contrôle ({ $character }) qu'un web.config ne peut pas contenir : ASP.NET rejetterait tout le fichier et le site s'arrêterait avec l'erreur 500.19. Rien n'a été modifié ; retapez { $attribute } sans ce caractère (il vient souvent d'un copier-coller), puis réessayez
the-tester-could-not-update-b7d291a7 = le testeur n'a pas pu mettre à jour ce web.config en toute sécurité ({ $arg0 }) ; rien n'a été modifié. Merci de signaler ce problème, et modifiez le fichier à la main en attendant
there-is-no-file-here-7f01ff88 = il n'y a aucun fichier ici ; vérifiez le chemin (le web.config se trouve dans le dossier racine du site) : { $path }
another-program-has-the-file-fad4180e = un autre programme a ouvert le fichier et empêche de le modifier : rien n'a donc été modifié. Fermez le programme qui l'a ouvert (un éditeur, le Gestionnaire IIS, un outil de sauvegarde ou de synchronisation), puis réessayez : { $path }
this-is-what-not-a-05f9ae91 = c'est { $what }, pas un fichier : il n'a donc pas été touché. Donnez le chemin du fichier web.config lui-même (il se trouve dans le dossier racine du site) : { $path }
the-file-is-read-only-c3ff344c = le fichier est en lecture seule (il est marqué en lecture seule, ou ce compte n'a pas le droit d'y écrire) : rien n'a donc été modifié. Retirez la lecture seule (Windows : Propriétés du fichier, décochez Lecture seule ; Linux : chmod u+w) ou lancez le programme avec un utilisateur qui a le droit d'y écrire, puis réessayez : { $path }
the-file-is-size-bytes-2a8cdc56 = le fichier fait { $size } octets, trop pour un web.config (la limite est de { $limit } octets) ; vérifiez que c'est le bon fichier : { $path }
the-file-is-not-utf-e2a5449c = le fichier n'est pas du texte UTF-8 ou UTF-16 ({ $detail }) ; ouvrez-le dans un éditeur de texte et enregistrez-le en UTF-8, puis réessayez : { $path }
the-file-changed-on-disk-62f7b37a = le fichier a changé sur le disque après la préparation des modifications (un autre programme ou une autre personne l'a modifié) : rien n'a donc été écrit. Relancez la mise à jour pour voir un nouveau diff : { $path }
could-not-write-the-backup-75f9a6c2 = impossible d'écrire la copie de sauvegarde ({ $source }) : le web.config n'a donc pas été modifié. Libérez de l'espace disque ou vérifiez les permissions du dossier : { $path }
could-not-write-the-new-01f69e66 = impossible d'écrire le nouveau contenu ({ $source }) ; l'ancien contenu est en sécurité dans la sauvegarde { $backup } : si le web.config est maintenant abîmé, copiez la sauvegarde par-dessus : { $path }
permission-denied-this-account-may-28324bb6 = permission refusée : ce compte n'a pas le droit de lire le fichier. { $advice } : { $path }
permission-denied-this-account-may-14f1cab5 = permission refusée : ce compte n'a pas le droit d'écrire le fichier (ni de créer des fichiers dans son dossier). { $advice } : { $path }
could-not-read-the-file-988f82d4 = impossible de lire le fichier ({ $source }) ; vérifiez le chemin et réessayez : { $path }
could-not-write-the-file-0790a48d = impossible d'écrire le fichier ({ $source }) ; vérifiez le chemin et réessayez : { $path }
a-website-s-files-under-c1972da4 = Les fichiers d'un site (sous C:\inetpub, par exemple) demandent en général des droits d'administrateur : fermez Mail Settings Tester, faites un clic droit dessus et choisissez « Exécuter en tant qu'administrateur », puis réessayez ; ou travaillez sur une copie du fichier
run-it-as-a-user-e923af9a = Lancez-le avec un utilisateur qui en a le droit (sur un serveur web, souvent root ou le propriétaire du site, par ex. avec sudo), ou travaillez sur une copie du fichier

## src/webconfig/file/checks.rs

a-named-pipe-fifo-47ff048c = un tube nommé (FIFO)
a-device-7c776f4e = un périphérique
a-socket-26577a75 = un socket
a-folder-419478b0 = un dossier
not-a-regular-file-ebe2737d = pas un fichier ordinaire

## src/webconfig/file.rs

utf-16-with-an-odd-c94555ea = UTF-16 avec un nombre impair d'octets : le fichier est tronqué
broken-utf-16-5bc13a27 = UTF-16 abîmé
it-looks-like-utf-16-33d07569 = il ressemble à de l'UTF-16 sans indicateur d'ordre des octets (BOM)
line-line-has-a-character-cb86bf3b = la ligne { $line } contient un caractère qui n'est pas de l'UTF-8, sans doute un ancien encodage Windows
too-many-backups-with-the-2a36fe1a = trop de sauvegardes avec le même horodatage

## src/webconfig/layout.rs

added-element-inside-parent-431becd7 = <{ $element }> ajouté dans <{ $parent }>.

## src/webconfig/lint.rs

fix-the-xml-in-a-546837d2 = Corrigez le XML dans un éditeur de texte (ou restaurez une sauvegarde), puis vérifiez à nouveau.
open-the-site-s-web-b8d6e299 = Ouvrez plutôt le web.config du site.
check-that-other-file-instead-0ed422f0 = Vérifiez plutôt cet autre fichier.
decrypt-the-section-to-check-cf798e5a = Déchiffrez la section pour la vérifier, ou testez les paramètres en les tapant.
this-web-config-has-no-07bafa83 = Ce web.config n'a pas de paramètres d'envoi (<system.net><mailSettings><smtp>).
test-your-settings-then-use-6448d6a8 = Testez vos paramètres, puis utilisez Mettre à jour pour les ajouter.
smtp-has-no-network-element-aa04a6eb = <smtp> n'a pas d'élément <network> : aucun serveur de messagerie n'est donc indiqué, et l'envoi échoue avec « The SMTP host was not specified. », sauf si le code du site le définit.
add-network-host-port-587-17c60e62 = Ajoutez <network host="..." port="587" enableSsl="true" ... /> dans <smtp> (Mettre à jour le fait pour vous).
found-must-be-written-right-a97a6695 = <{ $found }> doit s'écrire <{ $right }> : les noms d'éléments sont sensibles à la casse, et ASP.NET rejette le fichier en l'état.
rename-found-to-right-in-b46d1244 = Renommez <{ $found }> en <{ $right }> (dans la balise ouvrante et dans la balise fermante).
element-is-written-more-than-3c644821 = <{ $element }> est écrit plusieurs fois : ASP.NET rejette une section qui apparaît deux fois.
keep-one-element-and-remove-0b3b6944 = Gardez un seul <{ $element }> et supprimez l'autre.
the-mail-settings-are-inside-00a41f02 = Les paramètres d'envoi sont dans <location path="{ $path }"> : ils ne s'appliquent donc qu'à cette partie du site.
usually-fine-if-the-whole-bd9e2bd3 = C'est en général correct ; si tout le site envoie des messages et qu'il s'agit d'un sous-dossier, déplacez <system.net> directement sous <configuration>.
element-has-name-but-net-61c07682 = <{ $element }> contient `{ $name }`, mais .NET ne connaît que `{ $right }` : les noms d'attributs sont sensibles à la casse, donc ASP.NET rejette toute la section mail (« Unrecognized attribute '{ $name }'. Note that attribute names are case-sensitive. ») et aucun message n'est envoyé.
rename-name-to-right-update-cb52d8cf = Renommez `{ $name }` en `{ $right }` (Mettre à jour le fait pour vous).
replace-name-with-meant-the-e25b0aa5 = Remplacez `{ $name }` par `{ $meant }` (le nom que connaît .NET).
remove-name-element-knows-known-3e4e8597 = Supprimez `{ $name }`. <{ $element }> connaît : { $known }.
element-has-name-which-is-117faef4 = <{ $element }> contient `{ $name }`, qui n'est pas un paramètre d'envoi .NET : ASP.NET rejette toute la section mail (« Unrecognized attribute '{ $name }'. ») et aucun message n'est envoyé.

## src/webconfig/lint_tls.rs

targetframework-stated-a-site-that-de58a7e3 = targetFramework="{ $stated }" : un site qui cible .NET Framework 4.5.2 ou plus ancien ne propose par défaut que TLS 1.0, et les serveurs de messagerie n'acceptent plus que TLS 1.2 ou plus récent : l'envoi échoue donc avec « Authentication failed because the remote party has closed the transport stream. », sauf si le Windows du serveur est réglé pour utiliser un chiffrement fort pour tous les programmes.
write-httpruntime-targetframework-4-8-f7fec2a7 = Écrivez <httpRuntime targetFramework="4.8" /> dans <system.web> (.NET Framework 4.8 doit être installé sur le serveur web ; votre hébergeur peut vous le dire), ou faites ajouter par votre développeur ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12; au démarrage.

## src/webconfig/lint_values.rs

smtp-has-no-from-address-f9cd657f = <smtp> n'a pas d'adresse `from` : chaque message envoyé par le site doit donc définir son propre expéditeur ; là où le code ne le fait pas, l'envoi échoue avec « A from address must be specified. »
add-from-you-yourdomain-com-ec32121e = Ajoutez from="vous@votredomaine.com" à <smtp>, avec une adresse au nom de laquelle le serveur de messagerie vous laisse envoyer.
deliveryformat-format-is-not-a-505b3353 = deliveryFormat="{ $format }" n'est pas un format de livraison : ASP.NET rejette la section mail.
remove-deliveryformat-the-default-sevenb-95b52244 = Supprimez deliveryFormat (la valeur par défaut, SevenBit, convient à presque tous les sites) ou écrivez SevenBit ou International.
deliverymethod-value-is-not-a-375196b5 = deliveryMethod="{ $value }" n'est pas une méthode de livraison : ASP.NET rejette la section mail.
write-deliverymethod-network-to-send-40e5740b = Écrivez deliveryMethod="Network" pour envoyer via le serveur de messagerie.
deliverymethod-value-writes-each-message-82f343ab = deliveryMethod="{ $value }" écrit chaque message sous forme de fichier dans un dossier au lieu de l'envoyer : rien n'atteint le serveur de messagerie, quoi que dise <network>.
write-deliverymethod-network-to-send-3e1d84d7 = Écrivez deliveryMethod="Network" pour envoyer via le serveur de messagerie (ne gardez le dossier que sur un site de test).
no-mail-server-is-named-4f06cc8f = Aucun serveur de messagerie n'est indiqué (`host` manque ou est vide) : l'envoi échoue donc avec « The SMTP host was not specified. », sauf si le code du site le définit.
add-host-smtp-yourprovider-com-bb4f6757 = Ajoutez host="smtp.votrefournisseur.com" à <network>.
port-465-is-for-ssl-761241f1 = port="465" sert à SSL dès la connexion, ce que System.Net.Mail ne sait pas faire : il attend un message d'accueil qui ne vient jamais et échoue au bout de 100 secondes avec « The operation has timed out. »
use-port-587-with-enablessl-e0c0c6ce = Utilisez port="587" avec enableSsl="true" (STARTTLS), et testez d'abord.
port-value-is-outside-1-968b4df1 = port="{ $value }" est en dehors de 1–65535 : ASP.NET rejette la section mail.
use-port-587-the-usual-19aa1c58 = Utilisez port="587" (le port habituel pour envoyer depuis un site web), sauf indication contraire de votre fournisseur.
port-value-is-not-a-f40e6f90 = port="{ $value }" n'est pas un nombre entier : ASP.NET rejette la section mail.
encrypt-the-connection-with-starttls-1fd0d51e = chiffrer la connexion avec STARTTLS
sign-in-as-the-website-7d587fd7 = s'identifier avec le compte Windows du site
enablessl-is-true-while-deliverymethod-2ec1b295 = enableSsl est à true alors que deliveryMethod écrit dans un dossier : .NET s'arrête avec « SSL must not be enabled for pickup-directory delivery methods. »
write-deliverymethod-network-to-send-4e4c28b5 = Écrivez deliveryMethod="Network" pour envoyer via le serveur, ou enableSsl="false" pour garder le dossier.
name-value-is-neither-true-f3d68c43 = { $name }="{ $value }" n'est ni true ni false : ASP.NET rejette la section mail.
write-name-true-meaning-or-f1a39692 = Écrivez { $name }="true" ({ $meaning }) ou { $name }="false".
defaultcredentials-true-makes-asp-net-6f0df787 = defaultCredentials="true" fait s'identifier ASP.NET avec le compte Windows du site : userName et password sont ignorés.
write-defaultcredentials-false-to-sign-9b9e51b7 = Écrivez defaultCredentials="false" pour s'identifier avec userName et password (ou supprimez userName si c'est bien le compte Windows qui est voulu).
username-is-set-but-there-7c2d8888 = userName est défini mais il n'y a pas de mot de passe : le serveur refusera donc l'identification.
add-password-to-network-or-21c7b43d = Ajoutez password="..." à <network> (ou mettez à jour le fichier en incluant le mot de passe).
a-password-is-set-but-d646dd41 = Un mot de passe est défini mais userName est vide : ASP.NET ne s'identifie donc pas du tout (sans nom d'utilisateur, il n'envoie aucun identifiant).
add-username-usually-the-full-f1b8ba60 = Ajoutez userName="..." (en général l'adresse e-mail complète), ou supprimez le mot de passe.
enablessl-is-false-so-the-4de882bb = enableSsl est à false : le nom d'utilisateur et le mot de passe traversent donc le réseau sans chiffrement (et beaucoup de serveurs refusent l'identification sans chiffrement).
write-enablessl-true-if-the-cfab14f3 = Écrivez enableSsl="true" si le serveur propose STARTTLS (testez d'abord).
the-password-is-written-in-8b0e18ce = Le mot de passe est écrit en clair dans web.config : toute personne qui peut lire ce fichier peut le lire.
once-the-settings-work-encrypt-99ce1214 = Une fois les paramètres fonctionnels, chiffrez la section sur le serveur : aspnet_regiis -pe "system.net/mailSettings/smtp" -app "/VotreSite" (ASP.NET la déchiffre de lui-même).

## src/webconfig/mod.rs

saving-web-config-restarts-the-382be3c3 = Enregistrer web.config redémarre le site (IIS le recharge) : il peut mettre quelques secondes à répondre de nouveau, et les visiteurs connectés devront peut-être se reconnecter.

## src/webconfig/rules.rs

this-site-runs-on-net-353ee75a = Ce site tourne sous .NET Framework 2.0–3.5, où web.config n'a pas d'enableSsl (il est arrivé en 4.0, et les versions plus anciennes rejettent toute la section à cause de lui) : cet extrait l'omet donc. Le serveur exige le chiffrement : activez-le donc dans le code en mettant SmtpClient.EnableSsl = true avant Send (pour le contrôle PasswordRecovery, gérez son événement SendingMail, envoyez vous-même le message avec EnableSsl = true et mettez e.Cancel = true). Mieux : passez le site à .NET Framework 4.x, où enableSsl="true" dans web.config suffit.
mail-servers-now-require-tls-ce5510dc = Les serveurs de messagerie exigent désormais TLS 1.2 : assurez-vous que le site cible .NET Framework 4.7 ou plus récent (<httpRuntime targetFramework="4.7.2" /> ou plus récent), ou que Windows active TLS 1.2 pour les cibles plus anciennes.
asp-net-core-net-5-5f421df6 = ASP.NET Core (.NET 5 et suivants) ne lit pas du tout le <mailSettings> de web.config : ce bloc n'aurait donc aucun effet. Utilisez plutôt l'onglet ASP.NET Core : appsettings.json pour MailKit.
asp-net-cannot-use-port-22b9f926 = ASP.NET ne peut pas utiliser le port 465 (SSL dès la connexion) : c'est donc le port 587 avec enableSsl="true" qui est utilisé à la place. Testez le port 587 avant de compter dessus.
enablessl-is-false-the-password-037fb99f = enableSsl est à false : le mot de passe traverse le réseau sans chiffrement. Utilisez enableSsl="true" si le serveur le propose.

## src/webconfig/section.rs

element-holds-encrypteddata-30490473 = <{ $element }> contient <EncryptedData>

## src/webconfig/tag.rs

a-tag-could-not-be-f1aa86a3 = une balise n'a pas pu être lue
a-is-not-followed-by-579caa22 = un < n'est pas suivi d'un nom d'élément
in-name-attributes-must-be-9c9f83dd = dans <{ $name }>, les attributs doivent être séparés par une espace
element-has-the-attribute-name-c9e1b545 = <{ $element }> a deux fois l'attribut { $name }
in-element-a-stray-quote-7de86a37 = dans <{ $element }>, un guillemet ou un = égaré là où devrait se trouver un nom d'attribut
in-element-the-attribute-name-d514ebae = dans <{ $element }>, l'attribut { $name } n'a pas de valeur (écrivez { $name }="...")
in-element-the-value-of-1f8d26e4 = dans <{ $element }>, la valeur de { $name } doit être entre guillemets
in-element-the-value-of-3104c556 = dans <{ $element }>, la valeur de { $name } n'a pas de guillemet fermant
in-element-the-value-of-2c82c8d0 = dans <{ $element }>, la valeur de { $name } contient <, qui doit s'écrire &lt;
in-element-the-value-of-5b909dc6 = dans <{ $element }>, la valeur de { $name } contient un & qui n'est pas une référence valide (écrivez & sous la forme &amp;)

## src/webconfig/update.rs

no-password-was-written-it-6739a1ec = Aucun mot de passe n'a été écrit (il est omis sauf si vous le demandez) : ajoutez password="..." à <network> à la main, ou mettez à jour à nouveau en incluant le mot de passe.

## mailtester --help: the doc comments clap shows, and clap's own texts

tests-smtp-settings-the-way-5dd24b90 = Teste les paramètres SMTP comme un site web les utilise, explique les échecs avec des mots simples et écrit l'extrait web.config qui fonctionne.
the-language-of-messages-and-254dde98 = La langue des messages et de la fenêtre : de, fr, es, pt-BR, it, nl, pl, ja ou en (par défaut : celle du système). Le JSON, les extraits, les identifiants et les codes de sortie sont les mêmes dans toutes les langues
print-help-63ca5eeb = Afficher l'aide
print-version-070bbb84 = Afficher la version
send-a-test-message-and-43b885a5 = Envoyer un message de test et montrer chaque étape de l'échange avec le serveur
start-from-a-provider-s-927bdeaf = Partir des paramètres d'un fournisseur (voir `mailtester presets`) ; les autres options l'emportent sur eux
start-from-a-saved-profile-4d8d2825 = Partir d'un profil enregistré (voir `mailtester profile list`) ; les autres options l'emportent sur lui, et son mot de passe vient du trousseau du système s'il n'est pas donné
host-the-mail-server-s-ef315f6f = `host` : le nom du serveur de messagerie
port-587-for-most-providers-b7560650 = `port` (587 pour la plupart des fournisseurs ; par défaut, web.config utilise 25)
enablessl-starttls-web-config-s-201dd084 = `enableSsl` (STARTTLS). Par défaut, web.config utilise false
connection-security-overrides-enable-ssl-4bfd0c93 = Sécurité de la connexion ; remplace --enable-ssl
starttls-what-enablessl-true-means-49815d99 = STARTTLS (ce que signifie enableSsl="true")
ssl-on-connect-usually-port-5606cb12 = SSL dès la connexion (en général le port 465 ; impossible depuis ASP.NET)
username-usually-the-full-email-1aca0825 = `userName` (en général l'adresse e-mail complète)
read-the-password-from-the-3b36a99c = Lire le mot de passe sur la première ligne de l'entrée standard
read-the-password-from-this-8b7c2f86 = Lire le mot de passe dans cette variable d'environnement
defaultcredentials-sign-in-as-the-dcf0f239 = `defaultCredentials` : s'identifier avec le compte Windows au lieu d'un nom d'utilisateur
from-the-sender-address-38af51cb = `from` : l'adresse d'expéditeur
where-to-send-the-test-f1adc9fb = Où envoyer le test (par défaut : l'adresse d'expéditeur)
clientdomain-the-name-sent-with-05cff35e = `clientDomain` : le nom envoyé avec EHLO (par défaut : le nom de cet ordinateur)
limit-for-each-wait-in-fd8c958b = Limite pour chaque attente, en secondes (par défaut : connexion 10, accueil 10, commandes 30)
the-limit-for-the-whole-719e5a06 = La limite pour le test entier, en secondes, même si le serveur répond lentement mais sans s'arrêter [par défaut : 120, ou --timeout s'il est donné]
how-long-to-wait-in-d78347aa = Combien de temps attendre, en secondes, que le serveur accepte le message une fois qu'il a été entièrement envoyé (les serveurs qui vérifient si chaque message est un spam peuvent être lents) ; la limite du test entier s'applique toujours. Avec --target dotnet, seule la limite du test entier s'applique, comme dans ASP.NET [par défaut : 90, ou --timeout s'il est donné]
an-extra-file-of-certificate-e8ce08c6 = Un fichier supplémentaire d'autorités de certification auxquelles faire confiance (PEM, ou un seul certificat DER .cer)
go-on-when-the-certificate-c46a2c17 = Continuer quand le certificat est invalide (toujours signalé par un avertissement)
sign-in-even-over-an-cd05e74d = S'identifier même sur une connexion non chiffrée (le mot de passe traverse le réseau, lisible par n'importe qui sur le trajet). Sans cette option, le test s'arrête avant d'envoyer le mot de passe sur cette connexion
the-program-that-will-use-dc349359 = Le programme qui utilisera ces paramètres [par défaut : dotnet]
asp-net-system-net-mail-a1aacdb3 = ASP.NET / System.Net.Mail (web.config) : se comporte exactement comme lui
any-other-mail-program-the-96b08a92 = Tout autre programme de messagerie : le meilleur de ce que propose le serveur
the-website-s-asp-net-768c8f73 = La version d'ASP.NET du site : elle décide de ce que web.config peut indiquer [par défaut : 4]
net-framework-2-0-no-9d07e76e = .NET Framework 2.0 (pas d'enableSsl dans web.config)
net-framework-3-5-no-2d75b08e = .NET Framework 3.5 (pas d'enableSsl dans web.config)
net-framework-4-x-c65af3fe = .NET Framework 4.x
asp-net-core-net-5-64b81ab6 = ASP.NET Core / .NET 5 ou ultérieur (pas de <mailSettings> ; appsettings.json)
put-the-real-password-in-1ff6bd67 = Mettre le vrai mot de passe dans l'extrait affiché en cas de réussite (désactivé par défaut)
print-one-json-document-instead-6d017d51 = Afficher un seul document JSON au lieu de texte
save-the-password-in-the-25317884 = Enregistrer le mot de passe dans le trousseau du système (sauf si le serveur refuse l'identification)
write-a-support-report-settings-d77f0f48 = Écrire un rapport pour l'assistance (paramètres sans le mot de passe, étapes, diagnostic, transcription) dans ce fichier, quel que soit le résultat
write-the-support-report-in-385b4225 = Rédiger le rapport pour l'assistance en anglais, quelle que soit la langue des messages (pour une assistance qui lit l'anglais)
after-the-message-went-through-4ac879ba = Une fois le message passé, vérifier le SPF, le DKIM et le DMARC du domaine `from` pour ce serveur (« arrivera-t-il ? ») ; code de sortie 9 si un problème est trouvé
the-dns-server-for-check-5a2c9bdc = Le serveur DNS pour --check-dns et les clés DKIM de --check-inbox (UDP et TCP), au lieu de celui de cet ordinateur
after-the-message-went-through-32241c55 = Une fois le message passé, le chercher dans cette boîte mail via IMAP et dire s'il est arrivé dans la boîte de réception ou dans les spams : imaps://USER@HOST[:PORT] (ou imap:// pour STARTTLS). Le mot de passe vient de --inbox-password-env, de --inbox-password-stdin ou du trousseau (compte USER@HOST:PORT), ou c'est le mot de passe d'identification quand USER et HOST sont les mêmes. Code de sortie 10 s'il n'est pas dans la boîte de réception
read-the-mailbox-password-from-b8be0c16 = Lire le mot de passe de la boîte mail dans cette variable d'environnement
read-the-mailbox-password-from-0f167cb6 = Lire le mot de passe de la boîte mail sur une ligne de l'entrée standard (la ligne qui suit le mot de passe d'identification quand --password-stdin est aussi donné)
save-the-mailbox-password-in-ee48313c = Enregistrer le mot de passe de la boîte mail dans le trousseau du système (compte USER@HOST:PORT) une fois que la boîte mail a accepté l'identification, pour que les vérifications suivantes n'aient besoin d'aucune option de mot de passe
how-long-to-look-for-6cad6128 = Combien de temps chercher le message avant de dire qu'il n'est pas arrivé, en secondes
sign-in-with-oauth-using-fc0bf5f4 = S'identifier avec OAuth en utilisant le jeton d'accès contenu dans cette variable d'environnement
sign-in-with-oauth-0a054126 = S'identifier avec OAuth
sign-in-with-oauth-using-b3ed4824 = S'identifier avec OAuth en utilisant le jeton d'accès de la première ligne de l'entrée standard
get-the-token-from-the-f992c8b8 = Obtenir d'abord le jeton auprès du fournisseur (Microsoft : une application qui s'identifie en son propre nom avec --tenant, --client-id et son secret client)
microsoft-365-client-credentials-the-dbe9f4d8 = Microsoft 365 (identifiants client : l'ID client et le secret client de l'application)
google-not-for-apps-signing-f932ba5a = Google (pas pour les applications qui s'identifient en leur propre nom : voir le message)
a-person-signs-in-instead-b5d721d5 = Une personne s'identifie (au lieu de l'application en son propre nom) : dans le navigateur du système, ou avec un code saisi sur n'importe quel appareil. L'identification est conservée dans le trousseau et renouvelée en silence
open-the-sign-in-page-869ea4f6 = Ouvrir la page d'identification dans le navigateur du système (mettez un programme dans `MAILTESTER_BROWSER` pour en utiliser un autre)
show-a-code-to-type-b863e025 = Afficher un code à saisir sur la page du fournisseur, depuis n'importe quel appareil
microsoft-the-directory-tenant-id-cbfe8ad3 = Microsoft : le Directory (tenant) ID ou un domaine de l'organisation (pour une personne qui s'identifie : `organizations` par défaut, `consumers` pour Outlook.com)
the-app-s-application-client-82f1a168 = L'Application (client) ID de l'application
read-the-app-s-client-e9605cd5 = Lire le secret client de l'application dans cette variable d'environnement
read-the-app-s-client-3ca50f89 = Lire le secret client de l'application sur la première ligne de l'entrée standard
the-sign-in-service-default-2cd3b589 = Le service d'identification [par défaut : <https://login.microsoftonline.com>] ; https uniquement (http simple seulement sur cet ordinateur, pour les serveurs de test)
use-this-oauth-method-by-0fe17325 = Utiliser cette méthode OAuth ; par défaut XOAUTH2 si le serveur la propose, sinon OAUTHBEARER
xoauth2-google-s-and-microsoft-cb4ab04d = XOAUTH2 (celui de Google et de Microsoft)
oauthbearer-rfc-7628-8e2ee2e0 = OAUTHBEARER (RFC 7628)
print-help-see-more-with-0a4f0559 = Afficher l'aide (plus de détails avec '--help')
print-help-see-a-summary-d04996c7 = Afficher l'aide (un résumé avec '-h')
explain-an-error-message-your-18d7c6df = Expliquer un message d'erreur noté dans le journal de votre site (donnez le texte, ou - pour lire l'entrée standard)
the-error-text-or-nothing-d88c8bf9 = Le texte de l'erreur ; avec `-` ou sans texte, il est lu sur l'entrée standard
print-json-instead-of-text-beed6e40 = Afficher du JSON au lieu de texte
the-website-s-asp-net-a497bacd = La version d'ASP.NET du site : les conseils utilisent ce qu'elle permet de définir [par défaut : 4]
print-the-configuration-for-these-e00a86b9 = Afficher la configuration pour ces paramètres : web.config, ou celle d'une autre plateforme avec --format (aucun test n'est lancé)
put-the-real-password-in-6427f579 = Mettre le vrai mot de passe dans l'extrait (désactivé par défaut)
which-platform-s-configuration-to-dceee300 = La plateforme dont la configuration est affichée (`all` les affiche toutes) [par défaut : webconfig, ou mailkit avec --framework core]
web-config-d60c5f1f = web.config
wp-config-php-3861a5b9 = wp-config.php
env-65512ae0 = .env
settings-py-32af70ed = settings.py
nodemailer-51ddd8d1 = Nodemailer
env-local-ba614501 = .env.local
appsettings-json-mailkit-701582dc = appsettings.json, MailKit
every-format-one-after-the-d319a4ba = tous les formats, l'un après l'autre
write-the-configuration-for-signing-f08a5eb8 = Écrire la configuration pour s'identifier avec OAuth chez ce fournisseur au lieu d'un mot de passe (le secret client et le jeton d'actualisation restent toujours des valeurs à remplacer)
oauth-22077a14 = OAuth
microsoft-the-directory-tenant-id-e920a4ad = Microsoft : le Directory (tenant) ID ou un domaine de l'organisation
a-person-signs-in-once-2851ee47 = Une personne s'identifie une fois (un jeton d'actualisation) au lieu de l'application en son propre nom
list-the-provider-presets-usable-3657c41c = Lister les préréglages de fournisseurs utilisables avec --preset
save-and-manage-named-settings-c7ac9890 = Enregistrer et gérer des paramètres nommés (profils) ; les mots de passe vont uniquement dans le trousseau du système
list-the-saved-profiles-711101ad = Lister les profils enregistrés
show-a-profile-s-settings-2e26da20 = Afficher les paramètres d'un profil et indiquer si son mot de passe est enregistré dans le trousseau
the-profile-s-name-56c43ba2 = Le nom du profil
save-settings-under-a-name-0486960c = Enregistrer des paramètres sous un nom, en le créant ou en le remplaçant (les mêmes options que `send`)
the-profile-s-name-up-bc6f9e08 = Le nom du profil (64 caractères au plus, sans / ni \)
also-save-the-password-from-580edf38 = Enregistrer aussi le mot de passe (venant de --password-stdin ou --password-env) dans le trousseau du système
rename-a-profile-71f68a2d = Renommer un profil
the-current-name-de8e7e88 = Le nom actuel
the-new-name-a623aef5 = Le nouveau nom
delete-a-profile-44262b68 = Supprimer un profil
also-remove-its-saved-password-da2c7d1e = Retirer aussi du trousseau son mot de passe enregistré
remove-a-profile-s-saved-298cfc7c = Retirer du trousseau le mot de passe enregistré d'un profil (le profil est conservé)
remove-every-profile-and-every-de18827a = Supprimer tous les profils et tous les mots de passe que Mail Settings Tester a enregistrés dans le trousseau (ce que fait la case « Supprimer aussi mes profils enregistrés et mes mots de passe mémorisés » du programme de désinstallation)
do-it-without-asking-061c8750 = Le faire sans demander
print-this-message-or-the-7623c860 = Afficher ce message ou l'aide des sous-commandes indiquées
read-check-or-update-the-1315aa12 = Lire, vérifier ou mettre à jour les paramètres d'envoi d'un fichier web.config
read-the-mail-settings-from-6b91affb = Lire les paramètres d'envoi d'un web.config (le mot de passe n'est jamais affiché)
the-web-config-file-2305e780 = Le fichier web.config
check-a-web-config-s-eb60dc36 = Vérifier dans les paramètres d'envoi d'un web.config ce qu'ASP.NET refuserait (code de sortie 7 en cas d'erreurs)
write-these-settings-into-a-4573a44f = Écrire ces paramètres dans un web.config : affiche les différences (diff), sauvegarde le fichier, puis écrit (avec --yes, ou après que vous avez répondu o)
the-web-config-file-to-3839ba8f = Le fichier web.config à modifier
write-the-real-password-too-865a9e8f = Écrire aussi le vrai mot de passe (il n'est jamais affiché dans le diff). Sans cette option, un mot de passe existant est laissé exactement tel quel et aucun n'est ajouté
write-without-asking-9993991f = Écrire sans demander
only-show-what-would-change-e66dcdb4 = Montrer seulement ce qui changerait ; ne rien écrire
find-the-outgoing-mail-settings-22b0736f = Trouver les paramètres d'envoi d'une adresse e-mail (ou tester un serveur sur tous les ports) sans envoyer de message ni de mot de passe
your-email-address-its-domain-cbd85dd0 = Votre adresse e-mail : les serveurs d'envoi de son domaine sont trouvés (DNS, autoconfig, fournisseur) puis testés
a-server-name-to-test-4879088a = Un nom de serveur à tester plutôt sur tous les ports
ports-to-try-on-every-53d9d629 = Ports à essayer sur chaque serveur, séparés par des virgules ; remplace la liste par défaut 587,465,25,2525 (les ports indiqués par des enregistrements SRV ou par autoconfig sont ajoutés)
the-limit-for-each-probe-127daa95 = La limite pour chaque essai, en secondes (connexion, accueil et le reste)
ask-this-dns-server-udp-35bceb0e = Interroger ce serveur DNS (UDP et TCP) au lieu de celui de cet ordinateur ; le port par défaut est 53
the-program-that-will-use-d4cb334f = Le programme qui utilisera les paramètres : il décide du classement [par défaut : dotnet]
an-extra-file-of-certificate-da1c1030 = Un fichier supplémentaire d'autorités de certification auxquelles faire confiance, PEM ou DER .cer (SMTP et le téléchargement autoconfig)
count-servers-with-an-invalid-f7b64de7 = Compter comme utilisables les serveurs dont le certificat est invalide (le problème reste affiché)
the-https-port-of-autoconfig-9185457f = Le port HTTPS des serveurs autoconfig (pour les tests)
show-or-forget-a-person-11db4f12 = Afficher ou oublier l'identification OAuth d'une personne conservée dans le trousseau (voir send --sign-in)
is-a-person-s-sign-95ba3aa1 = Une identification de personne est-elle conservée pour cette boîte mail et cette application ? La renouvelle pour prouver qu'elle fonctionne toujours
the-mailbox-that-signed-in-dcf5d44a = La boîte mail qui s'est identifiée
the-provider-cf9e8981 = Le fournisseur
microsoft-the-tenant-signed-in-b1d7bb9b = Microsoft : le tenant auprès duquel l'identification a eu lieu [par défaut : organizations]
the-sign-in-service-when-71e1c665 = Le service d'identification, quand ce n'est pas celui du fournisseur
google-read-the-desktop-app-d5898bb6 = Google : lire le secret client de l'application de bureau dans cette variable d'environnement
forget-the-kept-sign-in-65d531bb = Oublier l'identification conservée (le jeton d'actualisation dans le trousseau)
the-steps-that-let-an-e27948a2 = Les étapes qui permettent à une application d'envoyer en tant que boîte mail Microsoft 365 avec OAuth (inscription de l'application, autorisation, consentement administrateur, PowerShell), complétées avec ce que vous indiquez
the-mailbox-the-app-sends-a8459939 = La boîte mail au nom de laquelle l'application envoie
the-directory-tenant-id-when-465cc398 = Le Directory (tenant) ID, s'il est connu
the-application-client-id-when-024fef16 = L'Application (client) ID, s'il est connu
will-mail-from-this-address-8c0194c4 = Les messages de cette adresse arriveront-ils ? Vérifie le SPF, le DKIM et le DMARC de son domaine pour le serveur par lequel ils passent, et affiche les enregistrements DNS à ajouter
the-from-address-your-website-5f5287e4 = L'adresse `from` avec laquelle votre site envoie ; le DNS de son domaine est vérifié
the-smtp-server-the-mail-68b38aa4 = Le serveur SMTP par lequel passent les messages : SPF est évalué pour ses adresses et DKIM vérifié pour les sélecteurs de son fournisseur
check-the-mail-settings-of-1120eef6 = Vérifier les paramètres d'envoi de chaque site sous certains dossiers (web.config, wp-config.php, .env, appsettings.json) : chaque serveur de messagerie est contacté une seule fois, chaque site reçoit un verdict et sa correction. Ne fait que lire ; n'envoie jamais de message
the-folders-to-look-in-963b17a2 = Les dossiers où chercher (les sites d'un serveur d'hébergement : `C:\inetpub\vhosts`, `/var/www`), ou des fichiers de configuration isolés
also-scan-the-sites-listed-9cf2dfb8 = Analyser aussi les sites listés dans cet applicationHost.config d'IIS (`%windir%\System32\inetsrv\config\applicationHost.config`)
judge-from-the-files-alone-e580fcc5 = Juger d'après les fichiers seuls : ne contacter aucun serveur
also-try-each-account-s-6362a89f = Essayer aussi une fois le nom d'utilisateur et le mot de passe propres à chaque compte (identification seulement, puis QUIT ; jamais de message ; un compte à la fois par serveur, avec une pause entre eux)
how-many-servers-to-contact-a7a31c2c = Combien de serveurs contacter en même temps (chaque serveur reçoit une connexion à la fois)
the-limit-for-each-server-43cad9fe = La limite pour chaque serveur, en secondes
an-extra-file-of-certificate-1ea069c0 = Un fichier supplémentaire d'autorités de certification auxquelles faire confiance, PEM ou DER .cer
ask-this-dns-server-instead-f78030e2 = Interroger ce serveur DNS au lieu de celui de cet ordinateur ; le port par défaut est 53
print-one-json-document-instead-4ee9e15d = Afficher un seul document JSON au lieu du tableau
also-write-one-row-per-ee388af8 = Écrire aussi une ligne par site dans ce fichier CSV
also-write-a-page-to-d3088699 = Écrire aussi dans ce fichier HTML une page à lire et à filtrer
the-pause-between-two-sign-1665f117 = La pause entre deux identifications sur le même serveur, en secondes (avec --sign-in)

## The same texts as a pasted log, PHPMailer, ASP.NET 2.0–3.5 and ASP.NET Core read them

verify-the-from-address-or-e1e9a7fb = Faites vérifier l'adresse `From` (ou tout son domaine) dans le tableau de bord de votre service d'envoi.
verify-the-setfrom-address-or-04ef5b06 = Faites vérifier l'adresse `setFrom()` (ou tout son domaine) dans le tableau de bord de votre service d'envoi.
send-again-after-the-change-b575e680 = Renvoyez le message après la modification.
wait-a-few-minutes-and-fc0e871d = Attendez quelques minutes et renvoyez le message.
keep-ssl-switched-on-in-768015ad = Laissez SSL activé dans le code : sans chiffrement, votre mot de passe traverserait le réseau en clair.
keep-securesocketoptions-set-to-starttls-2d62cb3b = Laissez `SecureSocketOptions` à `StartTls` : sans chiffrement, votre mot de passe traverserait le réseau en clair.
keep-smtpsecure-set-to-tls-a73ff0de = Laissez `SMTPSecure` à `'tls'` (STARTTLS) : sans chiffrement, votre mot de passe traverserait le réseau en clair.
send-again-0c4b9d7b = Renvoyez le message.
the-server-offers-sign-in-dde700b2 = Le serveur ne propose l'identification qu'une fois la connexion chiffrée avec STARTTLS (la façon dont un serveur de messagerie passe à une connexion chiffrée) : il a donc caché l'identification pour protéger votre mot de passe. `smtpClient.EnableSsl = true;` dans le code active STARTTLS.
the-server-offers-sign-in-bff6d7a0 = Le serveur ne propose l'identification qu'une fois la connexion chiffrée avec STARTTLS (la façon dont un serveur de messagerie passe à une connexion chiffrée) : il a donc caché l'identification pour protéger votre mot de passe. `"SecureSocketOptions": "StartTls"` active STARTTLS dans appsettings.json.
the-server-offers-sign-in-e2838ecd = Le serveur ne propose l'identification qu'une fois la connexion chiffrée avec STARTTLS (la façon dont un serveur de messagerie passe à une connexion chiffrée) : il a donc caché l'identification pour protéger votre mot de passe. `$mail->SMTPSecure = 'tls';` active STARTTLS dans vos paramètres PHPMailer.
host-has-no-dot-in-c5a60fd0 = `Host` ne contient aucun point, alors que les noms de serveurs de messagerie ressemblent à `smtp.example.com` : comparez-le aux instructions de votre fournisseur.
check-that-the-web-server-db7d5f53 = Vérifiez que le serveur web est connecté à internet, puis renvoyez le message.
or-change-port-to-587-5d9bcb7b = Ou remplacez `Port` par `587` et utilisez STARTTLS (la façon dont un serveur de messagerie passe à une connexion chiffrée).
the-connection-ended-while-switching-b63efb40 = La connexion s'est coupée pendant le passage au chiffrement : vérifiez que `port` et SSL (`SmtpClient.EnableSsl`, défini dans le code) correspondent aux instructions de votre fournisseur (pour ASP.NET, `587` avec SSL activé dans le code).
the-connection-ended-while-switching-1cd6aa8f = La connexion s'est coupée pendant le passage au chiffrement : vérifiez que `Port` et `SecureSocketOptions` correspondent aux instructions de votre fournisseur (pour ASP.NET, `587` avec `SecureSocketOptions` à `StartTls`).
the-connection-ended-while-switching-7b2719f9 = La connexion s'est coupée pendant le passage au chiffrement : vérifiez que `Port` et `SMTPSecure` correspondent aux instructions de votre fournisseur (pour ASP.NET, `587` avec `SMTPSecure` à `'tls'` (STARTTLS)).
some-servers-hang-up-instead-dfeb1bd9 = Certains serveurs raccrochent au lieu de dire que le mot de passe est refusé : vérifiez `UserName` et `Password`.
some-servers-hang-up-instead-0278e739 = Certains serveurs raccrochent au lieu de dire que le mot de passe est refusé : vérifiez `Username` et `Password`.
send-again-in-a-few-68c0d09c = Renvoyez le message dans quelques minutes.
send-this-error-message-to-89c5093e = Envoyez ce message d'erreur à votre fournisseur de messagerie.
use-a-sender-address-from-14e961d9 = Utilisez une adresse d'expéditeur (`From`) avec uniquement des lettres simples (de a à z), des chiffres, des points ou des tirets avant le @, par exemple `info@` votre domaine.
use-a-sender-address-the-ca84d68b = Utilisez une adresse d'expéditeur (l'adresse `setFrom()`) avec uniquement des lettres simples (de a à z), des chiffres, des points ou des tirets avant le @, par exemple `info@` votre domaine.
or-add-deliveryformat-international-to-8ec871d6 = Ou ajoutez `deliveryFormat="International"` à l'élément `<smtp>` dans appsettings.json (ASP.NET 4.5 ou plus récent) : ASP.NET enverra alors les adresses internationales aux serveurs qui proposent SMTPUTF8.
or-add-deliveryformat-international-to-faa47e44 = Ou ajoutez `deliveryFormat="International"` à l'élément `<smtp>` dans vos paramètres PHPMailer (ASP.NET 4.5 ou plus récent) : ASP.NET enverra alors les adresses internationales aux serveurs qui proposent SMTPUTF8.
if-nothing-arrives-within-15-c518a7e3 = Si rien n'arrive dans les 15 minutes, renvoyez le message ; si cela se reproduit, envoyez ce message d'erreur à votre fournisseur de messagerie.
in-microsoft-365-an-app-6e56c287 = Dans Microsoft 365, une application qui envoie en son propre nom a besoin de tout ceci : l'autorisation SMTP.SendAsApp (Office 365 Exchange Online) avec le consentement administrateur ; un principal de service créé avec New-ServicePrincipal à partir de l'ID d'objet de l'application d'entreprise (pas celui de l'inscription d'application) ; Add-MailboxPermission pour la boîte mail indiquée dans `UserName` ; et « Authenticated SMTP » activé pour cette boîte mail.
in-microsoft-365-an-app-b3e112e7 = Dans Microsoft 365, une application qui envoie en son propre nom a besoin de tout ceci : l'autorisation SMTP.SendAsApp (Office 365 Exchange Online) avec le consentement administrateur ; un principal de service créé avec New-ServicePrincipal à partir de l'ID d'objet de l'application d'entreprise (pas celui de l'inscription d'application) ; Add-MailboxPermission pour la boîte mail indiquée dans `Username` ; et « Authenticated SMTP » activé pour cette boîte mail.
get-a-new-token-sign-cde11d0b = Obtenez un nouveau jeton (identifiez-vous à nouveau) et renvoyez le message tout de suite.
set-username-to-named-or-f211e440 = Mettez `UserName` à { $named }, ou identifiez-vous en tant que { $user } pour obtenir un jeton pour ce compte.
set-username-to-named-or-2fc66420 = Mettez `Username` à { $named }, ou identifiez-vous en tant que { $user } pour obtenir un jeton pour ce compte.
press-sign-in-with-microsoft-15c3a0b7 = Cliquez sur « S'identifier avec Microsoft… » (ou Google) sous Identification, et identifiez-vous avec la boîte mail indiquée dans `UserName`.
press-sign-in-with-microsoft-dbd7e457 = Cliquez sur « S'identifier avec Microsoft… » (ou Google) sous Identification, et identifiez-vous avec la boîte mail indiquée dans `Username`.
then-send-again-e431af76 = Puis renvoyez le message.
sign-in-again-then-send-9e2cea38 = Identifiez-vous à nouveau, puis renvoyez le message.
check-the-web-server-s-103d021e = Vérifiez la connexion internet du serveur web (et un éventuel proxy ou pare-feu qui bloquerait login.microsoftonline.com).
the-server-then-refused-the-3f6a45e9 = Le serveur a ensuite refusé le message : vos `UserName` et `Password` n'ont donc jamais servi. Ce serveur ou ce port n'est probablement pas celui que votre fournisseur prévoyait pour eux.
the-server-then-refused-the-2391e1c9 = Le serveur a ensuite refusé le message : vos `Username` et `Password` n'ont donc jamais servi. Ce serveur ou ce port n'est probablement pas celui que votre fournisseur prévoyait pour eux.
the-test-already-asked-for-f4fb1991 = Le test a déjà demandé STARTTLS : le serveur l'attend peut-être sur un autre port. Comparez `Port` aux instructions de votre fournisseur.
set-defaultcredentials-to-false-while-2890bd17 = Mettez `defaultCredentials` à `false` : tant qu'il est à `true`, appsettings.json ignore `UserName` et `Password`.
set-defaultcredentials-to-false-while-8dd2ea25 = Mettez `defaultCredentials` à `false` : tant qu'il est à `true`, vos paramètres PHPMailer ignorent `Username` et `Password`.
your-settings-have-no-username-19552a19 = Vos paramètres n'ont pas de `UserName` : le test ne s'est donc pas identifié.
your-settings-have-no-username-a05a7039 = Vos paramètres n'ont pas de `Username` : le test ne s'est donc pas identifié.
set-clientdomain-to-your-website-87fcae0f = Mettez dans `clientDomain` le nom de domaine complet de votre site (par exemple `www.example.com`) : le serveur n'a pas accepté le nom sous lequel le serveur web s'est présenté.
set-hostname-to-your-website-6aa76569 = Mettez dans `Hostname` le nom de domaine complet de votre site (par exemple `www.example.com`) : le serveur n'a pas accepté le nom sous lequel le serveur web s'est présenté.
the-sender-from-is-from-00d9e6a1 = L'expéditeur (`From`) est { $from }, alors que l'identification (`UserName`) est { $user }.
the-sender-the-setfrom-address-6978e525 = L'expéditeur (l'adresse `setFrom()`) est { $from }, alors que l'identification (`Username`) est { $user }.
change-host-to-only-5c532b32 = Remplacez `Host` par `{ $only }`.
asp-net-2-0-3-755ddb5c = ASP.NET 2.0–3.5 n'a pas de réglage SSL (`SmtpClient.EnableSsl`, défini dans le code) dans web.config (l'ajouter casse toute la section mail) : activez donc SSL dans votre code, juste avant l'envoi : `smtpClient.EnableSsl = true;`. Pour le contrôle PasswordRecovery, gérez son événement `SendingMail` : envoyez vous-même `e.Message` avec un `SmtpClient` dont `EnableSsl` vaut `true`, puis mettez `e.Cancel = true;`. Ou passez le site à .NET Framework 4.x, où `smtpClient.EnableSsl = true;` dans le code suffit.
asp-net-2-0-3-0492d258 = ASP.NET 2.0–3.5 n'a pas de `SecureSocketOptions` dans appsettings.json (l'ajouter casse toute la section mail) : activez donc SSL dans votre code, juste avant l'envoi : `smtpClient.EnableSsl = true;`. Pour le contrôle PasswordRecovery, gérez son événement `SendingMail` : envoyez vous-même `e.Message` avec un `SmtpClient` dont `EnableSsl` vaut `true`, puis mettez `e.Cancel = true;`. Ou passez le site à .NET Framework 4.x, où `"SecureSocketOptions": "StartTls"` dans appsettings.json suffit.
asp-net-2-0-3-b054c76a = ASP.NET 2.0–3.5 n'a pas de `SMTPSecure` dans vos paramètres PHPMailer (l'ajouter casse toute la section mail) : activez donc SSL dans votre code, juste avant l'envoi : `smtpClient.EnableSsl = true;`. Pour le contrôle PasswordRecovery, gérez son événement `SendingMail` : envoyez vous-même `e.Message` avec un `SmtpClient` dont `EnableSsl` vaut `true`, puis mettez `e.Cancel = true;`. Ou passez le site à .NET Framework 4.x, où `$mail->SMTPSecure = 'tls';` dans vos paramètres PHPMailer suffit.
in-code-smtpclient-enablessl-true-92c8a040 = Dans le code, `smtpClient.EnableSsl = true;` l'active (appsettings.json ne le peut pas, sous ASP.NET 2.0–3.5).
in-code-smtpclient-enablessl-true-81009338 = Dans le code, `smtpClient.EnableSsl = true;` l'active (vos paramètres PHPMailer ne le peuvent pas, sous ASP.NET 2.0–3.5).
this-server-sends-mail-only-b0c6dd68 = Ce serveur n'envoie de messages que pour les utilisateurs identifiés, et le message a été présenté avant qu'une identification soit acceptée. Dans appsettings.json, l'identification vient de `UserName` et `Password`.
this-server-sends-mail-only-13da29c0 = Ce serveur n'envoie de messages que pour les utilisateurs identifiés, et le message a été présenté avant qu'une identification soit acceptée. Dans vos paramètres PHPMailer, l'identification vient de `Username` et `Password`.
fill-in-username-usually-your-16ab77cb = Remplissez `UserName` (en général votre adresse e-mail complète) et `Password`.
fill-in-username-usually-your-bd6d01ab = Remplissez `Username` (en général votre adresse e-mail complète) et `Password`.
when-the-server-refuses-the-4283fe38 = Quand le serveur refuse le nom d'utilisateur ou le mot de passe, ASP.NET ne le dit pas : il envoie sans s'identifier, et le serveur répond alors ceci. Donc si votre appsettings.json a un `UserName` et un `Password`, le serveur les a très probablement refusés. S'il n'en a pas, le serveur les demande avant d'envoyer.
when-the-server-refuses-the-3e977f55 = Quand le serveur refuse le nom d'utilisateur ou le mot de passe, ASP.NET ne le dit pas : il envoie sans s'identifier, et le serveur répond alors ceci. Donc si vos paramètres PHPMailer ont un `Username` et un `Password`, le serveur les a très probablement refusés. S'ils n'en ont pas, le serveur les demande avant d'envoyer.
check-username-usually-your-full-0a9b2c04 = Vérifiez `UserName` (en général votre adresse e-mail complète) et retapez le mot de passe dans `Password` (un copier-coller peut ajouter une espace à la fin).
check-username-usually-your-full-b9746a24 = Vérifiez `Username` (en général votre adresse e-mail complète) et retapez le mot de passe dans `Password` (un copier-coller peut ajouter une espace à la fin).
if-appsettings-json-has-no-9ae7992b = Si appsettings.json n'a pas de `UserName`, remplissez `UserName` et `Password`.
if-your-phpmailer-settings-has-f403c5b1 = Si vos paramètres PHPMailer n'ont pas de `Username`, remplissez `Username` et `Password`.
change-port-to-587-and-ce86b8b8 = Remplacez `port` par `587` et activez SSL dans le code : ce port est prévu pour s'identifier et envoyer.
change-port-to-587-and-4449c2e9 = Remplacez `Port` par `587` et mettez `SecureSocketOptions` à `StartTls` : ce port est prévu pour s'identifier et envoyer.
change-port-to-587-and-ca6c0bf0 = Remplacez `Port` par `587` et mettez `SMTPSecure` à `'tls'` (STARTTLS) : ce port est prévu pour s'identifier et envoyer.
if-your-hosting-company-says-20e12c2e = Si votre hébergeur dit que son serveur laisse votre site envoyer sans mot de passe, videz `UserName` et `Password`.
if-your-hosting-company-says-8f2cf1ce = Si votre hébergeur dit que son serveur laisse votre site envoyer sans mot de passe, videz `Username` et `Password`.
the-password-would-have-crossed-b405f683 = Le mot de passe aurait traversé le réseau sans chiffrement : le serveur a donc refusé ou caché l'identification. STARTTLS (la façon dont un serveur de messagerie passe à une connexion chiffrée) le protège, et `smtpClient.EnableSsl = true;` dans le code l'active.
the-password-would-have-crossed-61b019fb = Le mot de passe aurait traversé le réseau sans chiffrement : le serveur a donc refusé ou caché l'identification. STARTTLS (la façon dont un serveur de messagerie passe à une connexion chiffrée) le protège, et `"SecureSocketOptions": "StartTls"` l'active dans appsettings.json.
the-password-would-have-crossed-e65e058e = Le mot de passe aurait traversé le réseau sans chiffrement : le serveur a donc refusé ou caché l'identification. STARTTLS (la façon dont un serveur de messagerie passe à une connexion chiffrée) le protège, et `$mail->SMTPSecure = 'tls';` l'active dans vos paramètres PHPMailer.
switch-ssl-on-in-code-30da0bde = Activez SSL dans le code.
set-securesocketoptions-to-starttls-3bc4460d = Mettez `SecureSocketOptions` à `StartTls`.
set-smtpsecure-to-tls-starttls-46a3ad84 = Mettez `SMTPSecure` à `'tls'` (STARTTLS).
keep-port-at-587-or-4b80fc48 = Gardez `Port` à `587` (ou `25` si votre fournisseur l'utilise) ; ASP.NET ne peut pas utiliser `465`.
switch-ssl-on-in-code-4307eb1e = Activez SSL dans le code : le mot de passe n'est alors envoyé qu'une fois la connexion chiffrée.
set-securesocketoptions-to-starttls-the-38afb891 = Mettez `SecureSocketOptions` à `StartTls` : le mot de passe n'est alors envoyé qu'une fois la connexion chiffrée.
set-smtpsecure-to-tls-starttls-4c600cf0 = Mettez `SMTPSecure` à `'tls'` (STARTTLS) : le mot de passe n'est alors envoyé qu'une fois la connexion chiffrée.
if-you-accept-the-risk-dad65437 = Si vous acceptez le risque pour ce seul test (un serveur sur votre propre réseau privé), renvoyez le message en autorisant le mot de passe non chiffré (`--allow-plaintext-password` en ligne de commande, « L'envoyer sans chiffrement cette fois » dans la fenêtre).
or-send-through-a-provider-46a07354 = Ou envoyez via un fournisseur qui propose LOGIN (la plupart le font) et remplacez `Host` par son serveur.
check-that-username-is-exactly-4bf69761 = Vérifiez que `UserName` est exactement ce qu'attend votre fournisseur, en général votre adresse e-mail complète.
check-that-username-is-exactly-a64adcc1 = Vérifiez que `Username` est exactement ce qu'attend votre fournisseur, en général votre adresse e-mail complète.
type-the-password-into-password-c600c10f = Retapez le mot de passe dans `Password` (un copier-coller peut ajouter une espace à la fin).
if-your-account-uses-two-9504e3ad = Si votre compte utilise la validation en deux étapes, créez un mot de passe d'application dans les paramètres de sécurité du compte et utilisez-le comme `Password`.
create-an-app-password-there-80fabbc7 = Créez-y un mot de passe d'application et collez-le dans `Password` sans espaces.
keep-username-as-your-full-1bb0200b = Gardez votre adresse e-mail complète dans `UserName` et relancez le test.
keep-username-as-your-full-c2dcda11 = Gardez votre adresse e-mail complète dans `userName` et renvoyez le message.
keep-username-as-your-full-83f36431 = Gardez votre adresse e-mail complète dans `UserName` et renvoyez le message.
keep-username-as-your-full-7428fb51 = Gardez votre adresse e-mail complète dans `Username` et renvoyez le message.
use-an-app-password-a-10780f39 = Utilisez un mot de passe d'application (un mot de passe à part pour les programmes, créé dans les paramètres de sécurité de votre compte) comme `Password`.
send-again-within-a-few-a21e7638 = Renvoyez le message dans les minutes qui suivent.
wait-up-to-an-hour-8093e503 = Attendez jusqu'à une heure après la modification, puis renvoyez le message.
or-send-your-website-s-b7d4eee6 = Ou envoyez les messages de votre site via un service qui accepte les mots de passe, comme le serveur de messagerie de votre hébergeur ou un service d'envoi, et remplacez `Host`, `UserName` et `Password` par ses valeurs.
or-send-your-website-s-0b5d20c6 = Ou envoyez les messages de votre site via un service qui accepte les mots de passe, comme le serveur de messagerie de votre hébergeur ou un service d'envoi, et remplacez `Host`, `Username` et `Password` par ses valeurs.
meanwhile-keep-username-and-password-07dd145a = En attendant, ne touchez pas à `UserName` ni à `Password`.
meanwhile-keep-username-and-password-3f5e26ba = En attendant, ne touchez pas à `Username` ni à `Password`.
this-computer-asked-dns-the-994145ac = Cet ordinateur a demandé au DNS (l'annuaire d'internet) le nom indiqué dans `Host` et n'a reçu aucune adresse : il ne sait donc pas où envoyer le message. En général, le nom contient une faute de frappe, ou cet ordinateur n'est pas connecté à internet en ce moment.
this-computer-asked-dns-the-f069de6d = Cet ordinateur a demandé au DNS (l'annuaire d'internet) le nom indiqué dans `host` et n'a reçu aucune adresse : il ne sait donc pas où envoyer le message. En général, le nom contient une faute de frappe, ou le serveur web n'est pas connecté à internet en ce moment.
this-computer-asked-dns-the-f1a16f4d = Cet ordinateur a demandé au DNS (l'annuaire d'internet) le nom indiqué dans `Host` et n'a reçu aucune adresse : il ne sait donc pas où envoyer le message. En général, le nom contient une faute de frappe, ou le serveur web n'est pas connecté à internet en ce moment.
check-host-letter-by-letter-e10ab329 = Comparez `Host` lettre par lettre aux instructions de votre fournisseur de messagerie (il ressemble à `smtp.example.com`).
check-that-the-web-server-882bdeea = Vérifiez que le serveur web peut ouvrir des sites web ; sinon, réparez la connexion internet et renvoyez le message.
this-computer-reached-the-server-f24f15f0 = Cet ordinateur a joint le serveur, mais rien n'y accepte les messages sur ce port (la porte numérotée sur laquelle un programme écoute), ou un pare-feu (un filtre qui bloque les connexions) l'a refusée. Le plus souvent, le port n'est pas celui qu'utilise votre fournisseur, ou `Host` désigne un autre serveur.
check-port-against-your-provider-4f0b17dd = Comparez `Port` aux instructions de votre fournisseur : `587` est le port habituel pour les sites web.
check-that-host-is-the-7bcf5860 = Vérifiez que `Host` est bien le nom du serveur de messagerie, et non celui de votre site.
nothing-answered-on-this-port-cdd89199 = Rien n'a répondu sur ce port avant la fin du délai. Souvent, un pare-feu (un filtre qui bloque les connexions) chez l'hébergeur ou le fournisseur d'accès bloque sans rien dire les connexions sortantes vers les serveurs de messagerie, surtout sur le port 25 ; sinon, le serveur est peut-être en panne ou `Host` désigne le mauvais endroit.
change-port-to-587-and-1a3acff2 = Remplacez `port` par `587` et activez SSL dans le code : c'est la combinaison habituelle pour les sites web.
change-port-to-587-and-25391141 = Remplacez `Port` par `587` et mettez `SecureSocketOptions` à `StartTls` : c'est la combinaison habituelle pour les sites web.
change-port-to-587-and-7dd5ab0a = Remplacez `Port` par `587` et mettez `SMTPSecure` à `'tls'` (STARTTLS) : c'est la combinaison habituelle pour les sites web.
check-that-host-is-correct-44613728 = Vérifiez que `Host` est correct et que le serveur fonctionne (voir la page d'état de votre fournisseur).
change-port-to-587-and-c81e9ee7 = Remplacez `port` par `587` et activez SSL dans le code.
change-port-to-587-and-8b12b4c0 = Remplacez `Port` par `587` et mettez `SecureSocketOptions` à `StartTls`.
change-port-to-587-and-8fadafbf = Remplacez `Port` par `587` et mettez `SMTPSecure` à `'tls'` (STARTTLS).
if-port-is-already-587-0cb369bc = Si `Port` est déjà à `587`, attendez quelques minutes et relancez le test : le serveur est peut-être occupé.
if-port-is-already-587-ccf09a76 = Si `port` est déjà à `587`, attendez quelques minutes et renvoyez le message : le serveur est peut-être occupé.
if-port-is-already-587-4a354996 = Si `Port` est déjà à `587`, attendez quelques minutes et renvoyez le message : le serveur est peut-être occupé.
the-answer-did-not-look-5f0bba55 = La réponse ne ressemblait pas à du SMTP (le langage des serveurs de messagerie). Le port appartient peut-être à un site web ou à un autre service, ou `Host` désigne une autre machine.
check-port-websites-send-mail-ec5e733d = Vérifiez `Port` : les sites web envoient leurs messages par le port `587` (parfois `25`) ; les ports comme `80` et `443` servent aux sites web, et `110`, `143`, `993` et `995` à lire les messages.
check-host-against-your-provider-8076bc63 = Comparez `Host` aux instructions de votre fournisseur.
the-server-answered-but-refused-0295d135 = Le serveur a répondu mais a refusé de servir cette connexion. En général, le serveur a un problème passager (maintenance ou surcharge), ou il refuse l'adresse internet du serveur web, par exemple parce qu'elle figure sur une liste de blocage (une liste d'adresses connues pour le spam).
if-it-keeps-happening-send-8a27583b = Si cela se répète, envoyez ce message d'erreur à votre fournisseur de messagerie et demandez-lui pourquoi il refuse la connexion.
check-host-and-port-a-a458c8e7 = Vérifiez `Host` et `Port` : un serveur prévu pour recevoir des messages peut refuser d'en envoyer.
check-that-port-and-ssl-70c0ee6b = Vérifiez que `port` et SSL (`SmtpClient.EnableSsl`, défini dans le code) correspondent aux instructions de votre fournisseur (en général `587` avec SSL activé dans le code).
check-that-port-and-securesocketoptions-89528e86 = Vérifiez que `Port` et `SecureSocketOptions` correspondent aux instructions de votre fournisseur (en général `587` avec `SecureSocketOptions` à `StartTls`).
check-that-port-and-smtpsecure-449d63e0 = Vérifiez que `Port` et `SMTPSecure` correspondent aux instructions de votre fournisseur (en général `587` avec `SMTPSecure` à `'tls'` (STARTTLS)).
if-it-keeps-happening-send-e5580e23 = Si cela se répète, envoyez ce message d'erreur à votre fournisseur de messagerie : l'étape où l'échange s'est arrêté lui indique où chercher.
if-your-web-config-uses-889c5cd5 = Si votre web.config utilise le port 465 : ASP.NET ne peut pas l'utiliser et attend ainsi. Remplacez `port` par `587` et activez SSL dans le code.
if-your-appsettings-json-uses-d533bdae = Si votre appsettings.json utilise le port 465 : ASP.NET ne peut pas l'utiliser et attend ainsi. Remplacez `Port` par `587` et mettez `SecureSocketOptions` à `StartTls`.
if-your-phpmailer-settings-uses-4a530e8c = Si vos paramètres PHPMailer utilisent le port 465 : ASP.NET ne peut pas l'utiliser et attend ainsi. Remplacez `Port` par `587` et mettez `SMTPSecure` à `'tls'` (STARTTLS).
if-it-always-stops-at-83c30f5e = S'il s'arrête toujours à la même étape, envoyez ce message d'erreur à votre fournisseur de messagerie.
change-port-to-587-and-6c3a9e07 = Remplacez `port` par `587` et activez SSL dans le code (dans PHPMailer : `Port = 587` et `SMTPSecure = 'tls'`).
change-port-to-587-and-027673b4 = Remplacez `Port` par `587` et mettez `SecureSocketOptions` à `StartTls` (dans PHPMailer : `Port = 587` et `SMTPSecure = 'tls'`).
change-port-to-587-and-acdf78ff = Remplacez `Port` par `587` et mettez `SMTPSecure` à `'tls'` (STARTTLS) (dans PHPMailer : `Port = 587` et `SMTPSecure = 'tls'`).
check-that-host-is-exactly-c9e110a5 = Vérifiez que `Host` est exactement le nom de serveur donné par votre fournisseur.
asp-net-found-no-host-27c3e5d1 = ASP.NET n'a trouvé aucun `Host` dans la section `<mailSettings>` de appsettings.json (ni dans le code du site) : il ne sait donc pas par quel serveur envoyer.
asp-net-found-no-host-5f8bb081 = ASP.NET n'a trouvé aucun `Host` dans la section `<mailSettings>` de vos paramètres PHPMailer (ni dans le code du site) : il ne sait donc pas par quel serveur envoyer.
add-host-to-the-network-9763ed7a = Ajoutez `Host` à l'élément `<network>` de appsettings.json, par exemple `host="smtp.example.com"`.
add-host-to-the-network-53d7f112 = Ajoutez `Host` à l'élément `<network>` de vos paramètres PHPMailer, par exemple `host="smtp.example.com"`.
check-that-mailsettings-sits-inside-0c0a576e = Vérifiez que `<mailSettings>` se trouve bien dans `<system.net>`, dans le appsettings.json du site qui envoie les messages.
check-that-mailsettings-sits-inside-65128b72 = Vérifiez que `<mailSettings>` se trouve bien dans `<system.net>`, dans les paramètres PHPMailer du site qui envoie les messages.
if-port-is-465-change-9fcd50ea = Si `port` est à `465`, remplacez-le par `587` et activez SSL dans le code.
if-port-is-465-change-713827f1 = Si `Port` est à `465`, remplacez-le par `587` et mettez `SecureSocketOptions` à `StartTls`.
if-port-is-465-change-2fa73428 = Si `Port` est à `465`, remplacez-le par `587` et mettez `SMTPSecure` à `'tls'` (STARTTLS).
change-port-to-587-and-f1c17a3e = Remplacez `port` par `587` et activez SSL dans le code : c'est le port habituel pour l'envoi.
change-port-to-587-and-94bbac19 = Remplacez `Port` par `587` et mettez `SecureSocketOptions` à `StartTls` : c'est le port habituel pour l'envoi.
change-port-to-587-and-43841e36 = Remplacez `Port` par `587` et mettez `SMTPSecure` à `'tls'` (STARTTLS) : c'est le port habituel pour l'envoi.
if-it-still-fails-look-ff139b92 = Si cela échoue encore, cherchez le « serveur sortant (SMTP) » dans les instructions de votre fournisseur et mettez ce nom dans `Host`.
check-host-and-port-against-3b485e04 = Comparez `Host` et `Port` aux instructions de votre fournisseur pour l'envoi de messages (en général le port `587`).
get-a-new-token-and-9157640f = Obtenez un nouveau jeton et renvoyez le message (les jetons durent environ une heure).
check-that-username-is-the-4e5d87e4 = Vérifiez que `UserName` est bien la boîte mail pour laquelle le jeton a été émis.
check-that-username-is-the-9b28a7c4 = Vérifiez que `Username` est bien la boîte mail pour laquelle le jeton a été émis.
check-host-and-port-microsoft-e6e6b5eb = Vérifiez `host` et `port` : Microsoft 365, c'est smtp.office365.com port 587, Google, smtp.gmail.com port 587, tous deux avec SSL (`SmtpClient.EnableSsl`, défini dans le code) activé.
check-host-and-port-microsoft-b0c20a32 = Vérifiez `Host` et `Port` : Microsoft 365, c'est smtp.office365.com port 587, Google, smtp.gmail.com port 587, tous deux avec `SecureSocketOptions` activé.
check-host-and-port-microsoft-523a848d = Vérifiez `Host` et `Port` : Microsoft 365, c'est smtp.office365.com port 587, Google, smtp.gmail.com port 587, tous deux avec `SMTPSecure` activé.
if-this-provider-takes-passwords-3bb74bce = Si ce fournisseur accepte les mots de passe, choisissez Mot de passe comme identification et saisissez `UserName` et `Password`.
if-this-provider-takes-passwords-cd6b862e = Si ce fournisseur accepte les mots de passe, choisissez Mot de passe comme identification et saisissez `Username` et `Password`.
turn-ssl-smtpclient-enablessl-set-42d31a84 = Activez SSL (`SmtpClient.EnableSsl`, défini dans le code), c'est-à-dire STARTTLS, et utilisez le port 587, puis relancez le test.
turn-securesocketoptions-on-starttls-and-a7004f0b = Activez `SecureSocketOptions` (STARTTLS) et utilisez le port 587, puis relancez le test.
turn-enablessl-on-starttls-and-a16794a0 = Activez `enableSsl` (STARTTLS) et utilisez le port 587, puis renvoyez le message.
turn-ssl-smtpclient-enablessl-set-f1d93b4a = Activez SSL (`SmtpClient.EnableSsl`, défini dans le code), c'est-à-dire STARTTLS, et utilisez le port 587, puis renvoyez le message.
turn-securesocketoptions-on-starttls-and-0f439331 = Activez `SecureSocketOptions` (STARTTLS) et utilisez le port 587, puis renvoyez le message.
turn-smtpsecure-on-starttls-and-0225d222 = Activez `SMTPSecure` (STARTTLS) et utilisez le port 587, puis renvoyez le message.
copy-its-value-shown-only-baebca2a = Copiez sa Value (affichée une seule fois), pas son Secret ID, et renvoyez le message avec.
click-grant-admin-consent-a-91822b47 = Cliquez sur « Grant admin consent » (un administrateur général ou un administrateur de rôle privilégié peut le faire), puis renvoyez le message.
check-the-tenant-client-id-1012b4ff = Vérifiez le tenant, l'ID client et le secret client, puis renvoyez le message.
fill-in-username-usually-your-09a65651 = Remplissez `UserName` (en général votre adresse e-mail complète) et `Password`, et mettez `defaultCredentials` à `false`.
fill-in-username-usually-your-50684571 = Remplissez `Username` (en général votre adresse e-mail complète) et `Password`, et mettez `defaultCredentials` à `false`.
use-port-587-with-ssl-4232ba01 = Utilisez `port` `587` avec SSL activé dans le code.
use-port-587-with-securesocketoptions-e966938b = Utilisez `Port` `587` avec `SecureSocketOptions` à `StartTls`.
use-port-587-with-smtpsecure-82c79dba = Utilisez `Port` `587` avec `SMTPSecure` à `'tls'` (STARTTLS).
the-sender-address-from-must-de121e17 = L'adresse d'expéditeur (`From`) doit être une adresse au nom de laquelle le compte a le droit d'envoyer : en général la boîte mail avec laquelle vous vous identifiez, ou une adresse vérifiée par votre fournisseur. Celle-ci n'en fait pas partie.
the-sender-address-the-setfrom-f4a6393b = L'adresse d'expéditeur (l'adresse `setFrom()`) doit être une adresse au nom de laquelle le compte a le droit d'envoyer : en général la boîte mail avec laquelle vous vous identifiez, ou une adresse vérifiée par votre fournisseur. Celle-ci n'en fait pas partie.
set-from-to-the-same-ab436cc1 = Mettez dans `From` la même adresse que dans `UserName`.
set-the-setfrom-address-to-a2daea5d = Mettez dans `setFrom()` la même adresse que dans `Username`.
your-settings-got-through-but-8bd03782 = Vos paramètres sont passés, mais le destinataire du test a été refusé : l'adresse n'existe peut-être pas, ou sa boîte mail ne peut pas recevoir de messages pour le moment. Cela concerne l'adresse de test, pas votre appsettings.json.
your-settings-got-through-but-22f6af0b = Vos paramètres sont passés, mais le destinataire du test a été refusé : l'adresse n'existe peut-être pas, ou sa boîte mail ne peut pas recevoir de messages pour le moment. Cela concerne l'adresse de test, pas vos paramètres PHPMailer.
send-the-test-to-another-0fcce78a = Envoyez le test à une autre adresse qui vous appartient, par exemple celle de `From`.
send-the-test-to-another-41a6baf8 = Envoyez le test à une autre adresse qui vous appartient, par exemple celle de `setFrom()`.
to-see-whether-the-domain-72830a7e = Pour savoir si le domaine est en cause, mettez dans `From` une adresse du propre domaine de votre fournisseur de messagerie et relancez le test.
to-see-whether-the-domain-991b9f90 = Pour savoir si le domaine est en cause, mettez dans `from` une adresse du propre domaine de votre fournisseur de messagerie et renvoyez le message.
to-see-whether-the-domain-990497f0 = Pour savoir si le domaine est en cause, mettez dans `From` une adresse du propre domaine de votre fournisseur de messagerie et renvoyez le message.
to-see-whether-the-domain-328199fc = Pour savoir si le domaine est en cause, mettez dans `setFrom()` une adresse du propre domaine de votre fournisseur de messagerie et renvoyez le message.
change-the-account-s-password-40df0054 = Changez le mot de passe du compte (quelqu'un d'autre le connaît peut-être), puis mettez le nouveau dans `Password`.
wait-15-to-60-minutes-3a79afb7 = Attendez 15 à 60 minutes et renvoyez le message.
set-hostname-to-your-website-f3412636 = Mettez dans `Hostname` le nom de domaine complet de votre site (par exemple `www.example.com`) : certains serveurs se méfient des ordinateurs qui se présentent comme `localhost`.
send-again-in-5-to-9d5019ef = Renvoyez le message dans 5 à 15 minutes : il devrait être accepté.
wait-until-the-limit-resets-0d50752b = Attendez que la limite se réinitialise (en général 24 heures ; pour une offre mensuelle, le mois suivant) et renvoyez le message.
meanwhile-keep-host-port-and-6979a951 = En attendant, ne touchez pas à `host`, `port` ni au réglage SSL (`SmtpClient.EnableSsl`, défini dans le code).
meanwhile-keep-host-port-and-ae23b856 = En attendant, ne touchez pas à `Host`, `Port` ni `SecureSocketOptions`.
meanwhile-keep-host-port-and-5755e529 = En attendant, ne touchez pas à `Host`, `Port` ni `SMTPSecure`.
your-website-logged-a-message-ee3ac898 = Votre site a enregistré un message que nous ne savons pas encore expliquer.
check-host-port-and-ssl-9487adb8 = Comparez `host`, `port` et SSL (`SmtpClient.EnableSsl`, défini dans le code) aux instructions de votre fournisseur.
check-host-port-and-securesocketoptions-260c4cc5 = Comparez `Host`, `Port` et `SecureSocketOptions` aux instructions de votre fournisseur.
check-host-port-and-smtpsecure-aa95c42e = Comparez `Host`, `Port` et `SMTPSecure` aux instructions de votre fournisseur.
meanwhile-check-host-port-and-06f829c0 = En attendant, comparez `host`, `port` et SSL (`SmtpClient.EnableSsl`, défini dans le code) aux instructions de votre fournisseur.
meanwhile-check-host-port-and-ac1208bd = En attendant, comparez `Host`, `Port` et `SecureSocketOptions` aux instructions de votre fournisseur.
meanwhile-check-host-port-and-25424766 = En attendant, comparez `Host`, `Port` et `SMTPSecure` aux instructions de votre fournisseur.
or-run-the-test-in-ff624e00 = Ou lancez le test dans ce programme avec vos `host`, `port` et SSL (`SmtpClient.EnableSsl`, défini dans le code) : il montre l'étape exacte qui échoue.
or-run-the-test-in-d2dd620b = Ou lancez le test dans ce programme avec vos `Host`, `Port` et `SecureSocketOptions` : il montre l'étape exacte qui échoue.
or-run-the-test-in-e6d802d8 = Ou lancez le test dans ce programme avec vos `Host`, `Port` et `SMTPSecure` : il montre l'étape exacte qui échoue.
the-specified-string-is-not-3e32bd8d = « The specified string is not in the form required for an e-mail address » vient d'ASP.NET lui-même, avant qu'aucun serveur de messagerie soit contacté : l'adresse `From`, ou une adresse que le site met en À, Cc ou Cci, contient une faute de frappe (un @ manquant, une espace, deux adresses dans un même champ).
the-specified-string-is-not-f3060462 = « The specified string is not in the form required for an e-mail address » vient d'ASP.NET lui-même, avant qu'aucun serveur de messagerie soit contacté : l'adresse `setFrom()`, ou une adresse que le site met en À, Cc ou Cci, contient une faute de frappe (un @ manquant, une espace, deux adresses dans un même champ).
check-from-in-appsettings-json-0cf5714f = Vérifiez `From` dans appsettings.json : une seule adresse comme `info@example.com` (un nom peut la précéder : `Boutique <info@example.com>`).
check-the-setfrom-address-in-8cad20a1 = Vérifiez l'adresse `setFrom()` dans vos paramètres PHPMailer : une seule adresse comme `info@example.com` (un nom peut la précéder : `Boutique <info@example.com>`).
if-from-is-right-the-443c5684 = Si `From` est correct, l'adresse vient du site lui-même (un formulaire rempli par un visiteur, ou un réglage du site) : demandez à votre développeur de vérifier les adresses avant l'envoi.
if-the-setfrom-address-is-4c7f473a = Si l'adresse `setFrom()` est correcte, l'adresse vient du site lui-même (un formulaire rempli par un visiteur, ou un réglage du site) : demandez à votre développeur de vérifier les adresses avant l'envoi.
if-the-address-is-from-8131bf9f = Si l'adresse est `From`, utilisez-en une avec des lettres simples avant le @.
if-the-address-is-the-d8299d5b = Si l'adresse est celle de `setFrom()`, utilisez-en une avec des lettres simples avant le @.
if-it-is-a-customer-14a454a2 = Si c'est l'adresse d'un client, ajoutez `deliveryFormat="International"` à `<smtp>` dans appsettings.json (.NET Framework 4.5 ou plus récent) et lancez le test ici pour vérifier que votre serveur de messagerie propose SMTPUTF8.
if-it-is-a-customer-df901be6 = Si c'est l'adresse d'un client, ajoutez `deliveryFormat="International"` à `<smtp>` dans vos paramètres PHPMailer (.NET Framework 4.5 ou plus récent) et lancez le test ici pour vérifier que votre serveur de messagerie propose SMTPUTF8.
the-server-will-not-go-d97198f6 = Le serveur ne continuera pas tant que la connexion n'est pas chiffrée avec STARTTLS (la façon dont un serveur de messagerie passe à une connexion chiffrée). Dans le code, `smtpClient.EnableSsl = true;` l'active (web.config ne le peut pas, sous ASP.NET 2.0–3.5).
the-server-will-not-go-adefed65 = Le serveur ne continuera pas tant que la connexion n'est pas chiffrée avec STARTTLS (la façon dont un serveur de messagerie passe à une connexion chiffrée). Dans appsettings.json, `"SecureSocketOptions": "StartTls"` l'active.
the-server-will-not-go-97dcf783 = Le serveur ne continuera pas tant que la connexion n'est pas chiffrée avec STARTTLS (la façon dont un serveur de messagerie passe à une connexion chiffrée). `$mail->SMTPSecure = 'tls';` l'active.
use-port-587-the-usual-4b4b252f = Utilisez `Port` `587` (le port habituel pour envoyer depuis un site web), sauf indication contraire de votre fournisseur.
with-ssl-smtpclient-enablessl-set-d3fe9f32 = Avec SSL (`SmtpClient.EnableSsl`, défini dans le code) activé, ASP.NET demande STARTTLS (la façon dont un serveur de messagerie passe à une connexion chiffrée), et ce serveur ne l'a pas proposé : ASP.NET s'arrête donc avec « Server does not support secure connections ». En général, le port ou le serveur n'est pas le serveur d'envoi du fournisseur, ou le chiffrement du serveur n'est pas configuré.
with-securesocketoptions-on-asp-net-a08cc797 = Avec `SecureSocketOptions` activé, ASP.NET demande STARTTLS (la façon dont un serveur de messagerie passe à une connexion chiffrée), et ce serveur ne l'a pas proposé : ASP.NET s'arrête donc avec « Server does not support secure connections ». En général, le port ou le serveur n'est pas le serveur d'envoi du fournisseur, ou le chiffrement du serveur n'est pas configuré.
with-smtpsecure-on-asp-net-fe653274 = Avec `SMTPSecure` activé, ASP.NET demande STARTTLS (la façon dont un serveur de messagerie passe à une connexion chiffrée), et ce serveur ne l'a pas proposé : ASP.NET s'arrête donc avec « Server does not support secure connections ». En général, le port ou le serveur n'est pas le serveur d'envoi du fournisseur, ou le chiffrement du serveur n'est pas configuré.
check-host-and-port-against-28b524e4 = Comparez `Host` et `Port` aux instructions de votre fournisseur ; si `Port` est à `25`, essayez `587`.
turning-ssl-smtpclient-enablessl-set-fd0df8f0 = Désactiver SSL (`SmtpClient.EnableSsl`, défini dans le code) enverrait votre mot de passe sans chiffrement (lisible par n'importe qui sur le trajet) : ne l'envisagez que si votre fournisseur confirme que le serveur est sur votre propre réseau privé.
turning-securesocketoptions-off-would-se-e26e1505 = Désactiver `SecureSocketOptions` enverrait votre mot de passe sans chiffrement (lisible par n'importe qui sur le trajet) : ne l'envisagez que si votre fournisseur confirme que le serveur est sur votre propre réseau privé.
turning-smtpsecure-off-would-send-9ef38bc8 = Désactiver `SMTPSecure` enverrait votre mot de passe sans chiffrement (lisible par n'importe qui sur le trajet) : ne l'envisagez que si votre fournisseur confirme que le serveur est sur votre propre réseau privé.
keep-this-port-and-switch-32e36e57 = Gardez ce port et activez SSL dans le code (dans d'autres programmes, choisissez « STARTTLS » ou « TLS » plutôt que « SSL »).
keep-this-port-and-set-cd2a42d8 = Gardez ce port et mettez `SecureSocketOptions` à `StartTls` (dans d'autres programmes, choisissez « STARTTLS » ou « TLS » plutôt que « SSL »).
keep-this-port-and-set-41922fa3 = Gardez ce port et mettez `SMTPSecure` à `'tls'` (STARTTLS) (dans d'autres programmes, choisissez « STARTTLS » ou « TLS » plutôt que « SSL »).
the-handshake-the-exchange-that-e9025476 = La négociation (l'échange qui met en place le chiffrement) a échoué. Les causes courantes sont un serveur qui ne connaît que d'anciennes versions du chiffrement (TLS 1.0 ou 1.1, que les programmes modernes refusent), un serveur dont le chiffrement est mal configuré, ou un logiciel de sécurité sur le serveur web qui perturbe les connexions chiffrées.
send-again-in-a-few-5192a65a = Renvoyez le message dans quelques minutes : certains serveurs ont des problèmes de chiffrement de courte durée.
send-this-error-message-to-3a3fef43 = Envoyez ce message d'erreur à votre fournisseur de messagerie et demandez-lui si le serveur prend en charge TLS 1.2 ou plus récent.
if-the-web-server-runs-da617e2c = Si le serveur web a un antivirus qui analyse les e-mails, suspendez son analyse des e-mails le temps d'un test, ou demandez à son éditeur.
if-it-lasts-tell-your-4398538e = Si cela dure, signalez à votre fournisseur de messagerie que le serveur répond à STARTTLS par « TLS not available ».
or-send-through-a-provider-70e262b5 = Ou envoyez via un fournisseur dont le serveur prend en charge TLS 1.2 : remplacez `Host` (et `Port`) par son serveur.
a-certificate-the-server-s-1a9f3248 = Un certificat (la preuve d'identité du serveur) liste les noms pour lesquels il est valable, et le nom indiqué dans `Host` n'en fait pas partie. C'est courant avec l'hébergement mutualisé, où le certificat porte le nom du serveur de l'hébergeur plutôt que votre domaine.
change-host-to-a-name-90ed824c = Remplacez `Host` par un nom pour lequel le certificat est valable (votre panneau d'hébergement l'affiche en général comme nom du serveur de messagerie).
the-certificate-the-server-s-b1cbac22 = Le certificat (la preuve d'identité du serveur) n'est garanti par aucune autorité à laquelle le serveur web fait confiance. Il est peut-être auto-signé (créé par le serveur pour lui-même), le serveur omet peut-être le certificat intermédiaire qui le relie à une autorité de confiance, ou un logiciel de sécurité de ce réseau le remplace peut-être.
or-change-host-to-the-4b9aed71 = Ou remplacez `Host` par le nom de serveur recommandé par votre fournisseur : il a en général un certificat valide.
check-that-the-web-server-70da9069 = Vérifiez que la date et l'heure du serveur web sont justes : une horloge fausse fait paraître expirés des certificats valides.
a-certificate-the-server-s-d82f1ec5 = Un certificat (la preuve d'identité du serveur) n'est valable qu'à partir d'une date donnée, et d'après l'horloge du serveur web, cette date n'est pas encore arrivée. En général, c'est l'horloge du serveur web qui est fausse ; plus rarement, le serveur a un certificat daté dans le futur.
check-that-the-web-server-1ea5bf6c = Vérifiez que la date, l'heure et le fuseau horaire du serveur web sont justes, puis renvoyez le message.
switch-ssl-on-in-code-b0438e5d = Activez SSL dans le code et utilisez `port` `587`.
set-securesocketoptions-to-starttls-and-2ad097ac = Mettez `SecureSocketOptions` à `StartTls` et utilisez `Port` `587`.
set-smtpsecure-to-tls-starttls-0664aeb3 = Mettez `SMTPSecure` à `'tls'` (STARTTLS) et utilisez `Port` `587`.
send-again-if-it-still-685a4d0a = Renvoyez le message ; si cela échoue encore, la réponse du serveur indique lequel des deux manque.
check-targetframework-in-appsettings-jso-cde6eebe = Vérifiez `targetFramework` dans appsettings.json (`<httpRuntime targetFramework="…" />`) : si c'est 4.5.2 ou moins, écrivez `<httpRuntime targetFramework="4.8" />` (.NET Framework 4.8 doit être installé sur le serveur web ; votre hébergeur peut vous le dire).
check-targetframework-in-your-phpmailer-d2d788fa = Vérifiez `targetFramework` dans vos paramètres PHPMailer (`<httpRuntime targetFramework="…" />`) : si c'est 4.5.2 ou moins, écrivez `<httpRuntime targetFramework="4.8" />` (.NET Framework 4.8 doit être installé sur le serveur web ; votre hébergeur peut vous le dire).
gmail-needs-an-app-password-52f29f0d = Gmail demande un mot de passe d'application : activez la validation en deux étapes dans votre compte Google, puis ouvrez myaccount.google.com/apppasswords (la page Sécurité n'y mène plus), créez un mot de passe d'application et collez ses 16 lettres dans `Password` sans espaces. Utilisez votre adresse Gmail complète comme `UserName`.
gmail-needs-an-app-password-0a64bbed = Gmail demande un mot de passe d'application : activez la validation en deux étapes dans votre compte Google, puis ouvrez myaccount.google.com/apppasswords (la page Sécurité n'y mène plus), créez un mot de passe d'application et collez ses 16 lettres dans `Password` sans espaces. Utilisez votre adresse Gmail complète comme `Username`.
gmail-sends-only-from-your-a7cd697e = Gmail n'envoie que depuis votre propre adresse ou une adresse ajoutée sous Paramètres → Comptes → « Envoyer des e-mails en tant que » : mettez l'une d'elles dans `From`.
gmail-sends-only-from-your-967bb4ce = Gmail n'envoie que depuis votre propre adresse ou une adresse ajoutée sous Paramètres → Comptes → « Envoyer des e-mails en tant que » : mettez l'une d'elles dans `setFrom()`.
the-google-workspace-smtp-relay-98e2ae0c = Le relais SMTP de Google Workspace doit être activé par votre administrateur Workspace (Admin console → Apps → Google Workspace → Gmail → Routing → SMTP relay service). S'il exige l'authentification SMTP, utilisez une adresse Workspace comme `UserName` et un mot de passe d'application créé sur myaccount.google.com/apppasswords comme `Password` ; s'il autorise plutôt l'adresse IP de votre serveur, laissez les deux vides.
the-google-workspace-smtp-relay-a8add76c = Le relais SMTP de Google Workspace doit être activé par votre administrateur Workspace (Admin console → Apps → Google Workspace → Gmail → Routing → SMTP relay service). S'il exige l'authentification SMTP, utilisez une adresse Workspace comme `Username` et un mot de passe d'application créé sur myaccount.google.com/apppasswords comme `Password` ; s'il autorise plutôt l'adresse IP de votre serveur, laissez les deux vides.
the-google-workspace-smtp-relay-a9a83a12 = Le relais SMTP de Google Workspace n'envoie que depuis les adresses autorisées par votre administrateur dans ses réglages (en général celles de vos domaines Workspace) : mettez l'une d'elles dans `From`.
the-google-workspace-smtp-relay-87c116c0 = Le relais SMTP de Google Workspace n'envoie que depuis les adresses autorisées par votre administrateur dans ses réglages (en général celles de vos domaines Workspace) : mettez l'une d'elles dans `setFrom()`.
the-relay-lets-in-only-459c6209 = Le relais n'accepte que les adresses IP ou l'identification autorisées par votre administrateur dans les réglages du service de relais SMTP : un test depuis un autre ordinateur échoue donc, sauf s'il s'identifie. Mettez aussi le nom de domaine de votre site dans `Hostname` : Google peut refuser un simple nom d'ordinateur comme `localhost`.
microsoft-365-use-the-mailbox-19f8c62c = Microsoft 365 : utilisez l'adresse complète de la boîte mail comme `UserName`. L'identification des logiciels de messagerie (« Authenticated SMTP ») doit être autorisée pour cette boîte mail : votre administrateur l'active dans le Centre d'administration Microsoft 365 sous Utilisateurs → Utilisateurs actifs → Courrier → Gérer les applications de messagerie. Les paramètres de sécurité par défaut de Microsoft Entra (les protections d'identification standard de Microsoft) la bloquent pour toute l'organisation, quel que soit ce réglage.
microsoft-365-use-the-mailbox-3dc9ad4c = Microsoft 365 : utilisez l'adresse complète de la boîte mail comme `Username`. L'identification des logiciels de messagerie (« Authenticated SMTP ») doit être autorisée pour cette boîte mail : votre administrateur l'active dans le Centre d'administration Microsoft 365 sous Utilisateurs → Utilisateurs actifs → Courrier → Gérer les applications de messagerie. Les paramètres de sécurité par défaut de Microsoft Entra (les protections d'identification standard de Microsoft) la bloquent pour toute l'organisation, quel que soit ce réglage.
microsoft-365-sends-only-as-b2fe867a = Microsoft 365 n'envoie qu'au nom de la boîte mail identifiée, sauf si votre administrateur accorde l'autorisation « Send As » (Envoyer en tant que) : mettez dans `From` l'adresse de `UserName`.
microsoft-365-sends-only-as-e3bbbbe6 = Microsoft 365 n'envoie qu'au nom de la boîte mail identifiée, sauf si votre administrateur accorde l'autorisation « Send As » (Envoyer en tant que) : mettez dans `setFrom()` l'adresse de `Username`.
an-smtp-relay-your-admin-95d6c596 = Un relais SMTP : votre administrateur crée un connecteur pour l'adresse IP fixe du serveur web ; mettez ensuite dans `Host` l'hôte MX de votre domaine (il se termine par `mail.protection.outlook.com`), `Port` à `25`, et laissez `UserName` et `Password` vides.
an-smtp-relay-your-admin-a93b82b6 = Un relais SMTP : votre administrateur crée un connecteur pour l'adresse IP fixe du serveur web ; mettez ensuite dans `Host` l'hôte MX de votre domaine (il se termine par `mail.protection.outlook.com`), `Port` à `25`, et laissez `Username` et `Password` vides.
high-volume-email-hve-a-5d4715de = High Volume Email (HVE) : un compte Microsoft 365 conçu pour les programmes, qui s'identifie encore avec un mot de passe (`Host` `smtp-hve.office365.com`, `Port` `587`), prévu pour les messages vers les boîtes mail de votre propre organisation.
azure-communication-services-microsoft-s-f87006cd = Azure Communication Services : le service d'envoi de Microsoft (`Host` `smtp.azurecomm.net`, `Port` `587`), qui s'identifie avec un nom d'utilisateur et un secret d'application que votre site peut utiliser.
direct-send-a-host-ending-14a6804c = L'envoi direct (un `Host` qui se termine par `mail.protection.outlook.com`) se fait sans identification : laissez `UserName` et `Password` vides et utilisez `Port` `25`. Il ne livre qu'aux boîtes mail de votre propre organisation ; pour atteindre d'autres adresses, identifiez-vous sur `smtp.office365.com` sur le port `587`, ou demandez à votre administrateur un connecteur (relais SMTP).
direct-send-a-host-ending-5cca796c = L'envoi direct (un `Host` qui se termine par `mail.protection.outlook.com`) se fait sans identification : laissez `Username` et `Password` vides et utilisez `Port` `25`. Il ne livre qu'aux boîtes mail de votre propre organisation ; pour atteindre d'autres adresses, identifiez-vous sur `smtp.office365.com` sur le port `587`, ou demandez à votre administrateur un connecteur (relais SMTP).
since-16-september-2024-personal-6329d220 = Depuis le 16 septembre 2024, les comptes personnels Outlook.com et Hotmail n'acceptent plus de mot de passe pour l'envoi, seulement l'identification OAuth de Microsoft, qu'un site configuré par appsettings.json ne sait pas faire. Envoyez plutôt les messages de votre site via un autre fournisseur.
since-16-september-2024-personal-7621f718 = Depuis le 16 septembre 2024, les comptes personnels Outlook.com et Hotmail n'acceptent plus de mot de passe pour l'envoi, seulement l'identification OAuth de Microsoft, qu'un site configuré par des paramètres PHPMailer ne sait pas faire. Envoyez plutôt les messages de votre site via un autre fournisseur.
outlook-com-sends-only-from-73caa19a = Outlook.com n'envoie que depuis l'adresse identifiée : mettez dans `From` la même valeur que `UserName`.
outlook-com-sends-only-from-5ea38fca = Outlook.com n'envoie que depuis l'adresse identifiée : mettez dans `setFrom()` la même valeur que `Username`.
send-your-website-s-mail-23638aa3 = Envoyez les messages de votre site via un service qui accepte encore un mot de passe, comme le serveur de messagerie de votre hébergeur ou un service d'envoi (SendGrid, Mailgun, Brevo et d'autres figurent dans la liste des fournisseurs), et remplacez `Host`, `UserName` et `Password` par ses valeurs.
send-your-website-s-mail-6bda0d43 = Envoyez les messages de votre site via un service qui accepte encore un mot de passe, comme le serveur de messagerie de votre hébergeur ou un service d'envoi (SendGrid, Mailgun, Brevo et d'autres figurent dans la liste des fournisseurs), et remplacez `Host`, `Username` et `Password` par ses valeurs.
godaddy-email-use-your-full-b39b7cc6 = Messagerie GoDaddy : utilisez votre adresse e-mail complète comme `UserName` et le mot de passe de la boîte mail, avec `Host` à `smtpout.secureserver.net`. Si votre messagerie GoDaddy est une offre Microsoft 365, utilisez plutôt les paramètres Microsoft 365 (`smtp.office365.com`).
godaddy-email-use-your-full-fc189166 = Messagerie GoDaddy : utilisez votre adresse e-mail complète comme `Username` et le mot de passe de la boîte mail, avec `Host` à `smtpout.secureserver.net`. Si votre messagerie GoDaddy est une offre Microsoft 365, utilisez plutôt les paramètres Microsoft 365 (`smtp.office365.com`).
godaddy-s-hosting-relay-relay-dd98d47f = Le relais d'hébergement de GoDaddy (`relay-hosting.secureserver.net`) se passe d'identification : laissez `userName` et `password` vides, avec `port` à `25` et SSL (`SmtpClient.EnableSsl`, défini dans le code) à `false`.
godaddy-s-hosting-relay-relay-f07c2f1a = Le relais d'hébergement de GoDaddy (`relay-hosting.secureserver.net`) se passe d'identification : laissez `UserName` et `Password` vides, avec `Port` à `25` et `SecureSocketOptions` à `false`.
godaddy-s-hosting-relay-relay-609d3ac7 = Le relais d'hébergement de GoDaddy (`relay-hosting.secureserver.net`) se passe d'identification : laissez `Username` et `Password` vides, avec `Port` à `25` et `SMTPSecure` à `false`.
ionos-use-the-full-email-a7c00951 = IONOS : utilisez l'adresse e-mail complète comme `UserName` et le mot de passe de la boîte mail, avec comme `Host` le serveur du pays de votre contrat (`smtp.ionos.com`, `smtp.ionos.de` ou `smtp.ionos.co.uk`).
ionos-use-the-full-email-7e72a1b1 = IONOS : utilisez l'adresse e-mail complète comme `Username` et le mot de passe de la boîte mail, avec comme `Host` le serveur du pays de votre contrat (`smtp.ionos.com`, `smtp.ionos.de` ou `smtp.ionos.co.uk`).
ovhcloud-use-the-full-email-cd29b853 = OVHcloud : utilisez l'adresse e-mail complète comme `UserName` et le mot de passe de la boîte mail, avec `Host` à `ssl0.ovh.net` (le nom pour lequel son certificat est valable).
ovhcloud-use-the-full-email-3c4dbb33 = OVHcloud : utilisez l'adresse e-mail complète comme `Username` et le mot de passe de la boîte mail, avec `Host` à `ssl0.ovh.net` (le nom pour lequel son certificat est valable).
yahoo-needs-an-app-password-693b5950 = Yahoo demande un mot de passe d'application : dans votre compte Yahoo, ouvrez Sécurité du compte → Générer un mot de passe d'application, et utilisez-le comme `Password` avec votre adresse Yahoo complète comme `UserName`.
yahoo-needs-an-app-password-96021e70 = Yahoo demande un mot de passe d'application : dans votre compte Yahoo, ouvrez Sécurité du compte → Générer un mot de passe d'application, et utilisez-le comme `Password` avec votre adresse Yahoo complète comme `Username`.
yahoo-sends-only-from-the-4a458e03 = Yahoo n'envoie que depuis l'adresse identifiée : mettez votre adresse Yahoo dans `From`.
yahoo-sends-only-from-the-5064b1b3 = Yahoo n'envoie que depuis l'adresse identifiée : mettez votre adresse Yahoo dans `setFrom()`.
aol-needs-an-app-password-2a7d72d0 = AOL demande un mot de passe d'application : dans votre compte AOL, ouvrez Account security → Generate app password, et utilisez-le comme `Password` avec votre adresse AOL complète comme `UserName`.
aol-needs-an-app-password-574437f0 = AOL demande un mot de passe d'application : dans votre compte AOL, ouvrez Account security → Generate app password, et utilisez-le comme `Password` avec votre adresse AOL complète comme `Username`.
aol-sends-only-from-the-73cdefc3 = AOL n'envoie que depuis l'adresse identifiée : mettez votre adresse AOL dans `From`.
aol-sends-only-from-the-4db838b3 = AOL n'envoie que depuis l'adresse identifiée : mettez votre adresse AOL dans `setFrom()`.
icloud-mail-needs-an-app-c8532528 = iCloud Mail demande un mot de passe pour app : créez-en un sur account.apple.com sous Connexion et sécurité → Mots de passe pour app, et utilisez votre adresse iCloud complète comme `UserName`.
icloud-mail-needs-an-app-0e669f48 = iCloud Mail demande un mot de passe pour app : créez-en un sur account.apple.com sous Connexion et sécurité → Mots de passe pour app, et utilisez votre adresse iCloud complète comme `Username`.
zoho-mail-use-your-full-384aac79 = Zoho Mail : utilisez votre adresse Zoho complète comme `UserName`. Si l'identification à deux facteurs est activée, créez un mot de passe propre à l'application dans Zoho Accounts → Security et utilisez-le comme `Password`. Utilisez le serveur de votre centre de données (par exemple `smtp.zoho.eu` en Europe) ; les comptes d'organisation sur leur propre domaine utilisent `smtppro.` à la place de `smtp.` (par exemple `smtppro.zoho.eu`).
zoho-mail-use-your-full-7a3fb759 = Zoho Mail : utilisez votre adresse Zoho complète comme `Username`. Si l'identification à deux facteurs est activée, créez un mot de passe propre à l'application dans Zoho Accounts → Security et utilisez-le comme `Password`. Utilisez le serveur de votre centre de données (par exemple `smtp.zoho.eu` en Europe) ; les comptes d'organisation sur leur propre domaine utilisent `smtppro.` à la place de `smtp.` (par exemple `smtppro.zoho.eu`).
fastmail-needs-an-app-password-4c8b9524 = Fastmail demande un mot de passe d'application : créez-en un sous Settings → Privacy & Security → App passwords et utilisez-le comme `Password`.
azure-communication-services-username-is-82b5afd0 = Azure Communication Services : `UserName` est un nom d'utilisateur SMTP créé dans votre ressource Communication Services (Settings → SMTP Usernames) et lié à une application Microsoft Entra autorisée à envoyer ; `Password` est le secret client de cette application. Les secrets clients expirent : si cela fonctionnait avant, créez un nouveau secret et utilisez-le.
azure-communication-services-username-is-25902af0 = Azure Communication Services : `Username` est un nom d'utilisateur SMTP créé dans votre ressource Communication Services (Settings → SMTP Usernames) et lié à une application Microsoft Entra autorisée à envoyer ; `Password` est le secret client de cette application. Les secrets clients expirent : si cela fonctionnait avant, créez un nouveau secret et utilisez-le.
azure-communication-services-sends-only-ff5de3b8 = Azure Communication Services n'envoie que depuis les adresses MailFrom d'un domaine de messagerie connecté à votre ressource Communication Services : mettez l'une d'elles dans `From`.
azure-communication-services-sends-only-fcf3ed02 = Azure Communication Services n'envoie que depuis les adresses MailFrom d'un domaine de messagerie connecté à votre ressource Communication Services : mettez l'une d'elles dans `setFrom()`.
amazon-ses-needs-ses-smtp-cb156c1c = Amazon SES demande des identifiants SMTP SES, créés dans la console SES sous SMTP settings pour la région indiquée dans `Host`. Les clés d'accès IAM, et les identifiants SMTP d'une autre région, ne fonctionnent pas.
amazon-ses-sends-only-from-31649dbc = Amazon SES n'envoie que depuis des identités vérifiées : vérifiez l'adresse `From` ou son domaine dans la console SES. Tant que le compte est dans le bac à sable (le mode d'essai des nouveaux comptes), les destinataires doivent aussi être vérifiés.
amazon-ses-sends-only-from-ce071f11 = Amazon SES n'envoie que depuis des identités vérifiées : vérifiez l'adresse `setFrom()` ou son domaine dans la console SES. Tant que le compte est dans le bac à sable (le mode d'essai des nouveaux comptes), les destinataires doivent aussi être vérifiés.
sendgrid-username-must-be-literally-2392208f = SendGrid : `UserName` doit être exactement `apikey` (pas votre identifiant ni votre adresse e-mail), et `Password` est une clé API avec l'autorisation « Mail Send », collée sans espaces.
sendgrid-username-must-be-literally-0f7ff76f = SendGrid : `Username` doit être exactement `apikey` (pas votre identifiant ni votre adresse e-mail), et `Password` est une clé API avec l'autorisation « Mail Send », collée sans espaces.
sendgrid-sends-only-from-a-0be2f6cf = SendGrid n'envoie que depuis une Sender Identity vérifiée : vérifiez l'adresse `From` ou son domaine sous Settings → Sender Authentication.
sendgrid-sends-only-from-a-c8fc64da = SendGrid n'envoie que depuis une Sender Identity vérifiée : vérifiez l'adresse `setFrom()` ou son domaine sous Settings → Sender Authentication.
mailgun-sends-from-addresses-of-ba0bed7a = Mailgun envoie depuis les adresses de votre domaine d'envoi vérifié : utilisez-en une comme `From`.
mailgun-sends-from-addresses-of-38c1bbc8 = Mailgun envoie depuis les adresses de votre domaine d'envoi vérifié : utilisez-en une comme adresse `setFrom()`.
postmark-use-your-server-api-681c5113 = Postmark : utilisez votre Server API Token à la fois comme `UserName` et comme `Password`.
postmark-use-your-server-api-d6fda7f3 = Postmark : utilisez votre Server API Token à la fois comme `Username` et comme `Password`.
postmark-sends-only-from-a-aa1507f0 = Postmark n'envoie que depuis une Sender Signature confirmée ou un domaine vérifié : utilisez-en un comme `From`.
postmark-sends-only-from-a-9ef116ea = Postmark n'envoie que depuis une Sender Signature confirmée ou un domaine vérifié : utilisez-en un comme adresse `setFrom()`.
brevo-username-is-the-smtp-61deeb36 = Brevo : `UserName` est l'identifiant SMTP affiché sous SMTP & API, et `Password` est une clé SMTP de la même page (pas une clé API ni le mot de passe de votre compte).
brevo-username-is-the-smtp-d3088416 = Brevo : `Username` est l'identifiant SMTP affiché sous SMTP & API, et `Password` est une clé SMTP de la même page (pas une clé API ni le mot de passe de votre compte).
brevo-sends-only-from-a-e7ee4fca = Brevo n'envoie que depuis un expéditeur ou un domaine vérifié : utilisez-en un comme `From`.
brevo-sends-only-from-a-0fe5ff38 = Brevo n'envoie que depuis un expéditeur ou un domaine vérifié : utilisez-en un comme adresse `setFrom()`.
mailjet-username-is-your-mailjet-be7768e2 = Mailjet : `UserName` est votre clé API Mailjet et `Password` sa clé secrète (sous Account settings → API keys), pas votre identifiant Mailjet.
mailjet-username-is-your-mailjet-aa6c2842 = Mailjet : `Username` est votre clé API Mailjet et `Password` sa clé secrète (sous Account settings → API keys), pas votre identifiant Mailjet.
mailjet-sends-only-from-a-2b02a254 = Mailjet n'envoie que depuis une adresse d'expéditeur ou un domaine validé : validez l'adresse `From` dans Mailjet, ou utilisez-en une qui l'est.
mailjet-sends-only-from-a-a4239645 = Mailjet n'envoie que depuis une adresse d'expéditeur ou un domaine validé : validez l'adresse `setFrom()` dans Mailjet, ou utilisez-en une qui l'est.
smtp2go-use-an-smtp-user-c2bc2bdb = SMTP2GO : utilisez un utilisateur SMTP de votre compte SMTP2GO (Sending → SMTP Users) comme `UserName` et son mot de passe comme `Password`, pas votre identifiant SMTP2GO.
smtp2go-use-an-smtp-user-b95c2e7b = SMTP2GO : utilisez un utilisateur SMTP de votre compte SMTP2GO (Sending → SMTP Users) comme `Username` et son mot de passe comme `Password`, pas votre identifiant SMTP2GO.
smtp2go-sends-only-from-verified-38d2716c = SMTP2GO n'envoie que depuis des expéditeurs vérifiés (Sending → Verified Senders) : utilisez-en un comme `From`.
smtp2go-sends-only-from-verified-4a413e26 = SMTP2GO n'envoie que depuis des expéditeurs vérifiés (Sending → Verified Senders) : utilisez-en un comme adresse `setFrom()`.
provider-also-takes-mail-on-688364ca = { $provider } accepte aussi les messages sur le port `{ $port }`, que les hébergeurs et les fournisseurs d'accès à internet bloquent rarement : remplacez `port` par `{ $port }` et laissez SSL activé dans le code.
provider-also-takes-mail-on-2eb2c630 = { $provider } accepte aussi les messages sur le port `{ $port }`, que les hébergeurs et les fournisseurs d'accès à internet bloquent rarement : remplacez `Port` par `{ $port }` et laissez `SecureSocketOptions` à `StartTls`.
provider-also-takes-mail-on-d235639f = { $provider } accepte aussi les messages sur le port `{ $port }`, que les hébergeurs et les fournisseurs d'accès à internet bloquent rarement : remplacez `Port` par `{ $port }` et laissez `SMTPSecure` à `'tls'` (STARTTLS).
