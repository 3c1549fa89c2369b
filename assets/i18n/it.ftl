# Italiano (it). Tradotto da en.ftl da un traduttore AI (Claude), messaggio per messaggio,
# seguendo la guida di stile del prodotto (/work/shared/UX.md, "How we talk"): tono semplice,
# calmo e concreto, forma informale con il "tu".
# Verifiche: i controlli automatici di tests/i18n.rs (stessi id, stesse variabili, ogni
# messaggio si formatta) e una rilettura per la coerenza della terminologia.
# Terminologia: sign in = accedere / accesso; password = password; app password = password
# per le app; server = server; mailbox = casella di posta; secure/encrypted connection =
# connessione sicura / crittografata; encryption = crittografia; certificate = certificato;
# transcript = trascrizione; keyring = portachiavi di sistema; test = test (Test again =
# Ripeti il test); spam = spam; profile = profilo; sender/from = mittente (`from`).
# Restano in inglese: parole tra backtick, nomi di attributi e file, SMTP, STARTTLS, TLS, DNS,
# SPF, DKIM, DMARC, nomi di prodotti e le opzioni della riga di comando.

## src/arrive/dkim.rs

receivers-can-check-the-signature-79253611 = I server che ricevono la posta possono verificare la firma che { $provider } aggiunge ai tuoi messaggi: `{ $name }` punta a `{ $target }`.
receivers-can-check-the-signature-de564560 = I server che ricevono la posta possono verificare la firma che { $provider } aggiunge ai tuoi messaggi: `{ $name }` contiene la chiave.
dkim-is-a-signature-the-803894e2 = DKIM è una firma che il server di invio aggiunge a ogni messaggio; chi riceve la verifica con una chiave pubblicata nel DNS del tuo dominio.
provider-signs-with-the-selectors-fc53fd77 = { $provider } firma con i selettori { $selectors }, ma lì non è stata trovata nessuna chiave per { $domain }: la sua firma non può valere per il tuo dominio e la posta finisce più facilmente nello spam.
provider-signs-with-the-selector-a5266169 = { $provider } firma con il selettore { $selector }, ma lì non è stata trovata nessuna chiave per { $domain }: la sua firma non può valere per il tuo dominio e la posta finisce più facilmente nello spam.
switch-on-dkim-for-domain-788c832b = Attiva DKIM per { $domain } in { $provider } ({ $place }) e aggiungi il record { $record_type } che ti mostra (e lo stesso per gli altri selettori); il record qui sotto ne mostra la forma.
switch-on-dkim-for-domain-929c2534 = Attiva DKIM per { $domain } in { $provider } ({ $place }) e aggiungi il record { $record_type } che ti mostra; il record qui sotto ne mostra la forma.
domain-does-not-publish-provider-6ab37a2b = { $domain } non pubblica la chiave DKIM di { $provider }
provider-s-dkim-key-is-4ce44b77 = La chiave DKIM di { $provider } è pubblicata per { $domain }
dkim-not-checked-4291ed12 = DKIM non verificato
we-do-not-know-which-d85e6cbc = Non sappiamo con quale selettore DKIM firma { $server }, quindi non abbiamo potuto verificare se la sua chiave è pubblicata per { $domain }. Chiedi al provider se firma la tua posta con DKIM (una firma che chi riceve verifica con una chiave nel DNS del tuo dominio) e quale record aggiungere.

## src/arrive/dmarc.rs

dmarc-tells-receivers-what-to-e721a5e3 = DMARC dice a chi riceve cosa fare con la posta che dichiara di venire da { $domain } ma non supera né SPF né DKIM per quel dominio.
its-policy-is-p-reject-ce967681 = La sua regola è `p=reject`: questa posta viene rifiutata.
its-policy-is-p-quarantine-2a69dd62 = La sua regola è `p=quarantine`: questa posta va nello spam.
its-policy-is-p-none-01a9d2cb = La sua regola è `p=none`: questa posta viene solo segnalata.
domain-has-a-dmarc-policy-735612a7 = { $domain } ha una regola DMARC: { $policy }
dmarc-of-domain-will-reject-c398e1d1 = Il DMARC di { $domain } farà rifiutare questa posta
the-dmarc-policy-of-domain-35b9cbc4 = La regola DMARC di { $domain } dice `p=reject`, e attraverso questo server né SPF né DKIM passeranno per { $domain }: chi riceve rifiuterà la posta del tuo sito.
dmarc-of-domain-will-quarantine-6ef31cf6 = Il DMARC di { $domain } metterà questa posta in quarantena
the-dmarc-policy-of-domain-eabc6562 = La regola DMARC di { $domain } dice `p=quarantine`, e attraverso questo server né SPF né DKIM passeranno per { $domain }: chi riceve metterà nello spam la posta del tuo sito.
fix-spf-or-dkim-first-42d5b01c = Sistema prima SPF o DKIM (vedi sopra); solo se non si può fare a breve, allenta la regola a `p=none` con il record qui sotto.
domain-has-no-dmarc-record-49974c46 = { $domain } non ha un record DMARC
dmarc-is-a-dns-record-4d3d6942 = DMARC è un record DNS che dice a chi riceve cosa fare con la posta che non supera i controlli SPF e DKIM del tuo dominio. Gmail e Yahoo chiedono a ogni dominio che invia molta posta di pubblicarne uno, e la posta dei domini che non lo hanno riceve meno fiducia. Aggiungi il record TXT qui sotto in `{ $name }`: `p=none` non cambia nulla per la tua posta e chiede solo a chi riceve di verificarla.
the-dmarc-record-of-domain-98955b46 = Il record DMARC di { $domain } contiene un errore
the-dmarc-record-at-name-da80e0f7 = Il record DMARC in `{ $name }` è `{ $record }`, che chi riceve non riesce a leggere, quindi lo ignora. Sostituiscilo con il record qui sotto e parti da quello.

## src/arrive/freemail.rs

provider-sends-its-own-addresses-879d096b = { $provider } invia i propri indirizzi
the-from-address-is-at-67fb0fdc = L'indirizzo `from` è di { $domain } e la posta passa dal server di { $provider } ({ $host }), che la firma per { $domain }: non c'è nulla da aggiungere al DNS.
a-domain-address-cannot-be-27101620 = Un indirizzo { $domain } non può essere inviato tramite { $server }
the-from-address-is-at-4eca8930 = L'indirizzo `from` è di { $domain }, che appartiene a { $provider }. Il suo DNS (che non puoi modificare) dice a ogni destinatario di rifiutare o cestinare la posta di { $domain } che non è passata dai server di { $provider }, quindi la posta inviata tramite { $server } viene rifiutata da Gmail, Yahoo, Outlook.com e altri. Imposta `from` su un indirizzo del tuo dominio e configura SPF e DKIM di quel dominio per { $server }.

## src/arrive/model.rs

likely-to-arrive-5f0e6d11 = Probabilmente arriverà
likely-to-land-in-spam-a5ce4d7f = Probabilmente finirà nello spam
will-be-rejected-by-gmail-6299af51 = Verrà rifiutata da Gmail e altri

## src/arrive/request.rs

given-is-not-an-email-d634334b = "{ $given }" non è un indirizzo email di cui possiamo verificare il dominio; indicane uno come --from site@example.com

## src/arrive/server.rs

your-mail-server-13d9fcfc = il tuo server di posta

## src/arrive/spf.rs

the-spf-record-needs-count-5dedf6d1 = Il record SPF richiede { $count } ricerche DNS; il limite è 10
receiving-servers-stop-checking-an-be2111cf = I server che ricevono smettono di controllare un record SPF dopo 10 ricerche (conta ogni `include:`, `a`, `mx`, `ptr`, `exists` e `redirect=`, anche dentro i record inclusi) e a quel punto considerano il controllo fallito. Il record di { $domain } ne richiede { $count }. Togli le voci `include:` dei servizi che non usi più per inviare, oppure sostituisci `a` e `mx` con gli indirizzi `ip4:` che rappresentano.
a-look-up-timed-out-13157fc5 = una ricerca è scaduta o il server DNS non ha funzionato
the-spf-record-of-domain-67804a0e = Il record SPF di { $domain } (l'elenco dei server autorizzati a inviarne la posta) include { $server } tramite `include:{ $include }`, la voce di { $provider }: chi riceve vedrà che il server può inviare per te.
the-spf-record-of-domain-0b5c4f92 = Il record SPF di { $domain } (l'elenco dei server autorizzati a inviarne la posta) include { $server }: chi riceve vedrà che il server può inviare per te.
spf-allows-server-to-send-8afd0a77 = SPF autorizza { $server } a inviare per { $domain }
domain-has-no-spf-record-1cb5b594 = { $domain } non ha un record SPF
an-spf-record-is-a-cb1c9d74 = Un record SPF è una riga nel DNS del tuo dominio che elenca i server autorizzati a inviare posta per quel dominio. { $domain } non ne ha uno, quindi Gmail, Outlook.com e altri non possono distinguere la posta del tuo sito da una falsa e la mettono nello spam o la rifiutano. Aggiungi il record TXT qui sotto presso il tuo gestore DNS (dove si gestisce il DNS del tuo dominio).
domain-has-count-spf-records-07a9b800 = { $domain } ha { $count } record SPF; può averne uno solo
domain-publishes-count-txt-records-74c3917b = { $domain } pubblica { $count } record TXT che iniziano con `v=spf1`. Chi riceve lo considera un errore e il controllo SPF fallisce per tutti i server. Eliminali tutti e aggiungi l'unico record qui sotto, che contiene tutte le loro voci.
it-includes-include-which-has-336f9a8d = Include `{ $include }`, che non ha un unico record SPF valido, quindi il controllo termina con un errore. Togli quella voce o correggine il nome.
receivers-cannot-read-it-a-63ea1f19 = Chi riceve non riesce a leggerlo (una voce scritta male, un carattere di troppo o uno spazio mancante), quindi il controllo termina con un errore. Sostituiscilo con il record qui sotto e aggiungi di nuovo gli altri servizi che inviano posta per te.
the-spf-record-of-domain-22ad1250 = Il record SPF di { $domain } è `{ $record }`.
the-spf-record-of-domain-20d2dd14 = Il record SPF di { $domain } contiene un errore
spf-does-not-allow-server-e96b146c = SPF non autorizza { $server } a inviare per { $domain }
the-spf-record-of-domain-ae180452 = Il record SPF di { $domain } elenca i server autorizzati a inviarne la posta, e { $server } non è tra questi: chi riceve vede la posta del tuo sito come possibilmente falsa. Sostituisci il record con quello qui sotto: aggiunge `{ $terms }` e mantiene tutto il resto.

## src/arrive/texts.rs

could-not-look-up-the-20e612c3 = Impossibile cercare il record SPF di { $domain }
the-dns-look-up-of-5603d802 = La ricerca DNS del record SPF di { $domain } non ha risposto ({ $why }), quindi questo controllo è incompleto.
could-not-look-up-the-994cde94 = Impossibile cercare il controllo SPF di { $domain }
the-dns-look-up-of-d0fe910b = La ricerca DNS del controllo SPF di { $domain } non ha risposto ({ $why }), quindi questo controllo è incompleto.
could-not-look-up-the-453faaab = Impossibile cercare il record DMARC { $name }
the-dns-look-up-of-89d9c052 = La ricerca DNS del record DMARC { $name } non ha risposto ({ $why }), quindi questo controllo è incompleto.
could-not-look-up-the-aeefb05d = Impossibile cercare gli indirizzi di { $host }
the-dns-look-up-of-0d90da28 = La ricerca DNS degli indirizzi di { $host } non ha risposto ({ $why }), quindi questo controllo è incompleto.
try-again-in-a-minute-9c32e930 = Riprova tra un minuto, oppure indica un altro server DNS con --dns-server, per esempio --dns-server 1.1.1.1:53.
host-has-no-address-in-871405a2 = { $host } non ha un indirizzo nel DNS
the-mail-server-host-has-ebe00387 = Il server di posta { $host } non ha un indirizzo nel DNS, quindi non abbiamo potuto verificare se il tuo record SPF lo autorizza a inviare. Controlla come è scritto `host`.

## src/certificate.rs

rsa-bits-bits-23280151 = RSA { $bits } bit
ec-bits-bits-fe055061 = EC { $bits } bit
other-algorithm-06e3c735 = altro ({ $algorithm })

## src/checklist.rs

working-2d8933f4 = in corso…
waiting-eeda06a8 = in attesa
not-reached-5ea156cc = non raggiunto
skipped-022ec9b7 = saltato
stopped-here-8940b99c = fermato qui

## src/cli/confirm.rs

y-n-57127fdb = [s/N]
yes-4e9f3590 = sì

## src/cli/dns_check_cmd.rs

will-mail-from-domain-through-87a4a5b9 = La posta da { $domain } tramite { $host } arriverà?
will-mail-from-domain-arrive-00b99798 = La posta da { $domain } arriverà?
name-2de5e154 = nome:
type-38e11e55 = tipo:
value-6b47a2d0 = valore:
add-this-dns-record-a930def2 = Aggiungi questo record DNS:
verdict-verdict-0f0534c1 = Esito: { $verdict }
note-note-edb4a61f = Nota: { $note }

## src/cli/help.rs

usage-740f2048 = Uso
arguments-a33c193f = Argomenti
options-353e0d45 = Opzioni
commands-971550f3 = Comandi
possible-values-bc143884 = Valori possibili
default-933b5bde = predefinito
possible-values-a2c8a064 = valori possibili

## src/cli/inbox_cmd.rs

mailbox-password-631a3f6c = Password della casella di posta
the-environment-variable-var-is-f51718d6 = la variabile d'ambiente { $var } non è impostata (o non è testo valido); impostala con la password della casella di posta
the-server-gave-the-message-9ecaf4ed = il server non ha dato al messaggio un Message-ID da cercare
could-not-read-the-ca-66ac5a07 = impossibile leggere il --ca-file { $path }: { $err }
looking-for-the-message-in-88a27f59 = Cerco il messaggio in { $mailbox } (fino a { $seconds } s)…
the-mailbox-password-was-not-7b1224ac = la password della casella di posta non è stata salvata nel portachiavi: il controllo non è arrivato a un accesso riuscito.
no-password-for-the-mailbox-0abb5363 = nessuna password per la casella di posta { $mailbox }: passala con --inbox-password-stdin o --inbox-password-env VAR, oppure salvala nel portachiavi come { $account }
did-it-land-mailbox-c25c5dff = È arrivata? { $mailbox }

## src/cli/json.rs

could-not-write-json-err-c9dd0283 = impossibile scrivere il JSON: { $err }

## src/cli/mod.rs

stopping-the-test-ctrl-c-18158df4 = Interrompo il test… (premi di nuovo Ctrl-C per uscire subito)
the-checks-after-sending-check-eea128bf = I controlli dopo l'invio (--check-dns, --check-inbox) vengono eseguiti solo se il messaggio è passato.
could-not-read-standard-input-6cb61c3b = impossibile leggere lo standard input: { $err }
give-the-error-text-to-2a747ea0 = indica il testo dell'errore da spiegare, oppure passalo con una pipe usando -

## src/cli/oauth_cmd.rs

signed-out-the-sign-in-920ac642 = Disconnesso: l'accesso di { $mailbox } non è più conservato.
no-sign-in-of-mailbox-c1033f07 = Nessun accesso di { $mailbox } era conservato per questa app.
signed-in-as-who-with-0789c27a = Accesso eseguito come { $who } con { $provider } (conservato nel portachiavi di sistema).
a-new-access-token-was-03874317 = È appena stato emesso un nuovo token di accesso, valido per { $minutes } min.
a-new-access-token-was-505fd341 = È appena stato emesso un nuovo token di accesso.
not-signed-in-no-sign-b24f4b10 = Accesso non eseguito: nessun accesso di { $mailbox } è conservato per questa app. `{ $command }` esegue l'accesso.
the-kept-sign-in-of-41c1d286 = L'accesso conservato di { $mailbox } non funziona più: { $error }. Accedi di nuovo.

## src/cli/output.rs

testing-host-port-with-security-bc3dfc06 = Test di { $host }:{ $port } con { $security }, come farebbe ASP.NET (System.Net.Mail).
testing-host-port-with-security-fa0d57de = Test di { $host }:{ $port } con { $security }, come farebbe un normale programma di posta.
these-settings-need-attention-before-a42c8b40 = Queste impostazioni vanno sistemate prima di poter eseguire un test:
error-21918751 = errore
warning-792112ef = avviso
note-919a0c3d = nota
warning-summary-cb2694b9 = Avviso: { $summary }
ways-out-315d2fe1 = Soluzioni:
checklist-7164074f = Controlli:
only-partly-the-server-accepted-8a4abcce = Solo in parte: il server ha accettato il messaggio di prova per { $recipient } (la sua casella), ma rifiuta gli indirizzi esterni senza accesso.
success-the-server-accepted-the-2b96e5a9 = Riuscito: il server ha accettato il messaggio di prova per { $recipient }.
warning-the-password-crossed-the-ae191d12 = Avviso: la password ha attraversato la rete NON CRITTOGRAFATA (l'hai permesso per questo test). Imposta enableSsl su true perché il tuo sito non faccia lo stesso.
warning-the-certificate-is-not-676d1a93 = Avviso: il certificato NON è valido ({ $problem }). Il tuo sito lo controlla e non riuscirà a inviare.
paste-this-into-your-web-97160651 = Incolla questo nel tuo web.config, dentro <configuration>:
for-platform-967bcad1 = Per { $platform }:
other-platforms-command-the-same-69f99f14 = Altre piattaforme: { $command } (stesse opzioni delle impostazioni; --format all le mostra tutte)
problem-summary-7ede7f64 = Problema: { $summary }
what-to-do-8cbc7e25 = Cosa fare:
suggested-change-run-again-with-91377baf = Modifica consigliata (esegui di nuovo con { $flags }):
the-server-said-reply-de77b5c4 = Il server ha risposto: { $reply }
preset-70ea81de = PRESET
host-edf03e2f = HOST
port-24fff026 = PORTA
your-host-b2942d15 = (il tuo host)
not-usable-from-asp-net-eb3e1b53 = Non utilizzabile da ASP.NET (System.Net.Mail).

## src/cli/probe_cmd.rs

stopping-ctrl-c-again-quits-252995ab = Interrompo… (premi di nuovo Ctrl-C per uscire subito)

## src/cli/probe_output.rs

looking-for-the-outgoing-mail-812c6ba5 = Cerco il server della posta in uscita per { $email }, per un sito ASP.NET (System.Net.Mail).
looking-for-the-outgoing-mail-577f55c6 = Cerco il server della posta in uscita per { $email }, per un programma di posta.
looking-for-what-host-offers-8dc74ce8 = Cerco cosa offre { $host }, per un sito ASP.NET (System.Net.Mail).
looking-for-what-host-offers-18e74dbb = Cerco cosa offre { $host }, per un programma di posta.
each-try-stops-after-the-09a8b128 = Ogni tentativo si ferma dopo il saluto del server: non vengono inviati né messaggi né password.
trying-1-server-name-names-bb4dd271 = Provo 1 nome di server: { $names }
trying-count-server-names-names-dc28bd1c = Provo { $count } nomi di server: { $names }
use-these-settings-in-your-104f0487 = Usa queste impostazioni nel tuo sito:
why-why-99fef765 = Perché: { $why }
in-web-config-line-89ad6d8c = In web.config: { $line }
no-settings-to-recommend-3a0b504c = Nessuna impostazione da consigliare.
from-this-computer-to-host-ae426e27 = Da questo computer a { $host }: { $ports }.
done-in-time-cancelled-5bc6fe41 = Finito in { $time } (annullato).
done-in-time-5fb638b3 = Finito in { $time }.
everything-tried-best-first-e41cbf92 = Tutto ciò che è stato provato, dal migliore:
server-40ac3dd2 = server
security-c92cc9bb = sicurezza
reachable-70756d30 = raggiungibile
sign-in-281c1798 = accesso
cert-4cb0e403 = cert.
time-5d3c9be4 = tempo
why-18f40e39 = perché
names-that-do-not-exist-a4ffda74 = (i nomi che non esistono non sono stati provati oltre)
plain-d3be3f67 = in chiaro
ssl-on-connect-dbeb3514 = SSL alla connessione
trusted-dd092c3c = attendibile
untrusted-3c0e3839 = non attendibile
expired-338eb632 = scaduto
wrong-name-475d1629 = nome errato
invalid-cbd1f530 = non valido

## src/cli/profile_cmd.rs

renamed-profile-old-to-new-edd00652 = Profilo "{ $old }" rinominato in "{ $new }".
no-profiles-yet-save-one-78e104ee = Ancora nessun profilo. Salvane uno con: { $command }
no-sign-in-740a2bca = (nessun accesso)
profile-name-path-da76cc87 = Profilo "{ $name }" ({ $path })
not-needed-no-sign-in-16416f92 = non necessaria (nessun accesso)
saved-in-the-keyring-471fe699 = salvata nel portachiavi
not-saved-give-it-with-eb4324db = non salvata (indicala con --password-stdin o --password-env; aggiungi --save-password per conservarla nel portachiavi)
unknown-the-keyring-could-not-90752bb4 = sconosciuto: impossibile leggere il portachiavi
test-it-command-7eff2131 = Provalo: { $command }
timeouts-3411c421 = tempi massimi
connect-connect-s-greeting-greeting-1f5ae1d3 = connessione { $connect } s, saluto { $greeting } s, comandi { $command } s
accept-invalid-certs-42e8fc91 = accetta certificati non validi
ca-file-3a8117e5 = file CA
save-password-needs-the-password-ea8d182a = --save-password richiede la password: passala con --password-stdin o --password-env VAR
the-old-profiles-file-could-c287bcd2 = il vecchio file dei profili non era leggibile, quindi è stato spostato (non si perde nulla): { $path }
replaced-profile-name-in-path-07131cc2 = Profilo "{ $name }" sostituito in { $path } (senza password).
saved-profile-name-in-path-dfc46583 = Profilo "{ $name }" salvato in { $path } (senza password).
the-password-was-not-kept-0ab7efbb = La password non è stata conservata (aggiungi --save-password per conservarla nel portachiavi di sistema).
these-settings-do-not-sign-e4955288 = Queste impostazioni non accedono con un nome utente, quindi non c'è nessuna password da salvare.
deleted-profile-name-4882e1e8 = Profilo "{ $name }" eliminato.
a-password-saved-for-it-18a62b71 = Una password salvata per questo profilo resta nel portachiavi (la usano anche altri profili dello stesso account); `profile delete --forget-password` elimina anche quella.
profile-name-does-not-sign-2e551ed4 = Il profilo "{ $name }" non accede con un nome utente: non c'è nessuna password da dimenticare.
remove-all-count-profiles-and-462289c2 = Eliminare tutti i { $count } profili e tutte le password che Mail Settings Tester ha salvato nel portachiavi?
nothing-was-removed-run-again-6988196d = Non è stato eliminato nulla: esegui di nuovo con --yes per eliminare tutti i profili e le password salvate.
removed-profiles-profile-s-and-06660efb = Profili eliminati: { $profiles }; password salvate eliminate: { $passwords }.
removed-the-saved-password-for-19fd2f90 = Password salvata per { $account } eliminata dal portachiavi.
no-password-was-saved-in-2a90a5e4 = Nel portachiavi non c'era nessuna password salvata per { $account }.
saved-the-password-for-account-69032fc6 = Password per { $account } salvata nel portachiavi di sistema.

## src/cli/profile_keyring.rs

no-password-is-saved-in-7fd8f14a = nel portachiavi non c'è nessuna password salvata per { $account }. Passala con --password-stdin o --password-env VAR (aggiungi --save-password per conservarla).
the-password-is-needed-pass-dc38d6e7 = serve la password: passala con --password-stdin o --password-env VAR.
using-the-password-saved-in-447fc673 = Uso la password salvata nel portachiavi per { $account }.
these-settings-do-not-sign-d7b82868 = queste impostazioni non accedono con un nome utente, quindi non c'è nessuna password da salvare.
the-password-was-not-saved-4521489f = la password non è stata salvata nel portachiavi perché il server ha rifiutato l'accesso.

## src/cli/report_file.rs

the-support-report-was-not-74159c71 = il rapporto per l'assistenza non è stato scritto: { $message }
support-report-written-to-path-f13a3c47 = Rapporto per l'assistenza scritto in { $path }
could-not-write-the-support-ab51dfc3 = impossibile scrivere il rapporto per l'assistenza ({ $err }): { $path }
path-is-not-a-file-42c39be8 = { $path } non è un file
path-already-exists-and-is-b1dfc304 = { $path } esiste già e non è un rapporto di questo tester; scegli un altro nome di file

## src/cli/resolve.rs

user-needs-a-password-pass-c94ada2d = --user richiede una password: passala con --password-stdin o --password-env VAR (mai come argomento)
there-is-no-profile-named-25a91d5a = non esiste un profilo chiamato "{ $name }"; `mailtester profile list` mostra quelli salvati
there-is-no-preset-name-fa72f4e1 = non esiste il preset "{ $name }"; scegline uno tra: { $names }
password-2cc30838 = Password
the-environment-variable-var-is-e7426592 = la variabile d'ambiente { $var } non è impostata (o non è testo valido); impostala con la password
prompt-input-is-not-hidden-841279c7 = { $prompt } (ciò che scrivi non viene nascosto; meglio usare una pipe):
could-not-read-the-password-120dc4df = impossibile leggere la password dallo standard input: { $err }
flag-was-given-but-standard-0e415ce1 = è stato indicato { $flag }, ma lo standard input non conteneva una riga per questa opzione

## src/cli/say.rs

error-message-7fcc1b86 = errore: { $message }
warning-message-8341c1cc = avviso: { $message }
note-message-e2a00142 = nota: { $message }

## src/cli/scan_cmd.rs

found-sites-with-mail-settings-ca740722 = Con impostazioni di posta: { $sites }, che usano { $servers } (--offline: nessuno viene contattato).
found-sites-with-mail-settings-0472bdeb = Con impostazioni di posta: { $sites }, che usano { $servers }.
contacted-done-of-total-servers-38b87ee1 = Server contattati: { $done } di { $total }…
t-1-mail-server-5cc20956 = 1 server di posta
count-mail-servers-fdac7a27 = { $count } server di posta
the-csv-could-not-be-4fc3b8b7 = impossibile creare il CSV: { $err }
csv-written-to-path-b9b19256 = CSV scritto in { $path }
html-page-written-to-path-604f2e2a = Pagina HTML scritta in { $path }
could-not-write-the-csv-39267b1e = impossibile scrivere il CSV ({ $err }): { $path }. Scegli una cartella in cui puoi scrivere.
could-not-write-the-html-8d232522 = impossibile scrivere la pagina HTML ({ $err }): { $path }. Scegli una cartella in cui puoi scrivere.

## src/cli/scan_output.rs

t-1-site-c22fc96f = 1 sito
count-sites-a9a5308c = { $count } siti
no-server-to-contact-sites-92fa060f = Nessun server da contattare ({ $sites })
skipped-count-ff812831 = Saltati ({ $count }):
summary-files-files-read-in-304f342d = { $summary }; { $files } file letti in { $seconds } s.
no-site-with-mail-settings-eb55820e = Non è stato trovato nessun sito con impostazioni di posta. Indica alla scansione la cartella che contiene i siti (per esempio C:\inetpub\vhosts o /var/www), oppure usa --iis-config.
server-sites-broken-broken-at-9406a0b2 = { $server }: { $sites } (non funzionanti: { $broken }, a rischio: { $at_risk }, sconosciuti: { $unknown }, OK: { $ok })
did-not-answer-problem-bda68194 = non ha risposto: { $problem }
tls-on-connect-2f402ce9 = TLS alla connessione
offers-starttls-089863af = offre STARTTLS
no-starttls-3f327a1f = niente STARTTLS
no-sign-in-before-encryption-36031e69 = nessun accesso prima della crittografia
sign-in-before-encryption-methods-99e7b9c2 = accesso prima della crittografia: { $methods }
no-sign-in-after-encryption-47a4a654 = nessun accesso dopo la crittografia
sign-in-after-encryption-methods-ee54907f = accesso dopo la crittografia: { $methods }
certificate-certificate-c4f98173 = certificato { $certificate }
broken-0d935360 = NON FUNZIONA
at-risk-5412ef9b = A RISCHIO
unknown-69b80b99 = SCONOSCIUTO
ok-85e4b82f = OK
fix-fix-e4c99121 = Correzione: { $fix }
apply-it-command-969d0163 = Applicala: { $command }

## src/cli/stdin_text.rs

the-input-is-broken-utf-d21f7acb = l'input è in UTF-16 danneggiato: salvalo come testo UTF-8 o UTF-16 e riprova
the-input-is-not-utf-eee33dd4 = l'input non è testo UTF-8 (probabilmente una vecchia codifica di Windows): salvalo come testo UTF-8 o UTF-16 e riprova
the-line-is-not-utf-c971d459 = la riga non è testo UTF-8: salvala come testo UTF-8 o UTF-16 e riprova

## src/cli/webconfig_cmd.rs

mail-settings-in-path-bea8d53b = Impostazioni di posta in { $path }:
not-set-a541b773 = (non impostato)
not-set-no-sign-in-d89f1f29 = (non impostato: nessun accesso)
not-set-the-web-server-05e903ce = (non impostato: il nome del server web)
set-not-shown-8e04618e = (impostato, non mostrato)
not-true-or-false-see-4912fbf6 = (né true né false: vedi l'errore qui sotto)
not-stated-bd15bde6 = (non indicato)
test-them-46dd20dd = Provale:
nothing-to-change-the-file-65d4a0db = Niente da cambiare: il file ha già queste impostazioni: { $path }
dry-run-nothing-was-written-83e7f00e = Prova a vuoto: non è stato scritto nulla.
updated-path-37738ea1 = { $path } aggiornato.
the-old-file-is-saved-795e6599 = Il vecchio file è salvato come { $path }.
still-to-fix-by-hand-087d2c93 = Ancora da correggere a mano:
these-settings-cannot-be-written-c9942416 = queste impostazioni non possono essere scritte finché non vengono corrette:
write-these-changes-to-path-5f106860 = Scrivere queste modifiche in { $path }? Prima viene fatta una copia di sicurezza.
nothing-was-written-run-again-e048ac0a = Non è stato scritto nulla: esegui di nuovo con --yes per scrivere queste modifiche.
nothing-was-written-317a5b5a = Non è stato scritto nulla.
no-problems-found-808793a4 = Nessun problema trovato.
t-1-error-cd417dc2 = 1 errore
count-errors-7af566cb = { $count } errori
t-1-warning-f1c7ab28 = 1 avviso
count-warnings-6efe9689 = { $count } avvisi
t-1-note-4430d8c0 = 1 nota
count-notes-a90e79f1 = { $count } note
findings-errors-warnings-notes-16ee245c = Risultati: { $errors }, { $warnings }, { $notes }
error-df22b531 = ERRORE
line-line-code-8334a308 = riga { $line }, { $code }

## src/credentials/error.rs

there-is-no-keyring-on-7e9019d6 = Su questo computer non c'è un portachiavi che Mail Settings Tester possa usare ({ $keyring }), quindi la password non può essere salvata né letta lì. La password viene usata solo per questa sessione. { $advice } (Dettagli: { $detail })
your-keyring-keyring-is-locked-b5a4c68b = Il tuo portachiavi ({ $keyring }) è bloccato, quindi non è stato possibile salvare o leggere la password. La password viene usata solo per questa sessione. Sblocca il portachiavi (accedi di nuovo al desktop, o sbloccalo nella sua app), poi riprova. (Dettagli: { $detail })
your-keyring-keyring-did-not-76142675 = Il tuo portachiavi ({ $keyring }) non ha permesso a Mail Settings Tester di usare questa password. La password viene usata solo per questa sessione. Consenti l'accesso quando il portachiavi lo chiede (o nelle sue impostazioni), poi riprova. (Dettagli: { $detail })
your-keyring-keyring-could-not-daf77fe7 = Il tuo portachiavi ({ $keyring }) non è riuscito a salvare o leggere la password. La password viene usata solo per questa sessione. Riprova; se continua a non funzionare, scrivi la password ogni volta. (Dettagli: { $detail })
the-what-is-too-long-1ec59e0a = Il valore "{ $what }" è troppo lungo per il tuo portachiavi ({ $keyring } accetta al massimo { $limit } byte), quindi non è stato possibile salvarlo lì. La password viene usata solo per questa sessione; scrivila ogni volta.
there-is-no-password-to-fcd23170 = Non c'è nessuna password da salvare: prima inserisci la password, poi salvala.
user-name-a59136f5 = nome utente
password-364b5f18 = password
no-keyring-store-is-set-ae980b57 = nessun archivio del portachiavi è configurato
no-saved-password-de7667ce = nessuna password salvata
the-saved-password-is-not-caf48e59 = la password salvata non è testo leggibile; salvala di nuovo
count-saved-passwords-match-this-15464f8a = { $count } password salvate corrispondono a questo account; elimina quelle in più nell'app del portachiavi

## src/credentials/platform.rs

the-secret-service-e-g-882f6c95 = il Secret Service, per esempio GNOME Keyring o KWallet
the-macos-keychain-8faf0187 = il Portachiavi di macOS
the-windows-credential-manager-fb0531ad = la Gestione credenziali di Windows
none-is-supported-on-this-ee2f389d = nessuno è supportato su questo sistema
to-remember-passwords-run-the-5f3b84d2 = Per ricordare le password, avvia il tester in una sessione desktop in cui è attivo un portachiavi (GNOME Keyring o KWallet), poi riprova.
to-remember-passwords-run-the-6d45ebaa = Per ricordare le password, avvia il tester nella tua sessione desktop con accesso eseguito, poi riprova.

## src/diagnosis/aspnet/mod.rs

if-your-site-sends-with-f777e641 = Se il tuo sito invia con SmtpClient (System.Net.Mail), il suo registro degli errori dirà
your-website-s-error-log-f87ec5b8 = Il registro degli errori del tuo sito dirà

## src/diagnosis/classify.rs

microsoft-365-has-smtp-sign-7bc38d83 = Microsoft 365 ha disattivato l'accesso SMTP per questa casella di posta
microsoft-365-lets-administrators-switch-9108f35f = Microsoft 365 permette agli amministratori di disattivare "Authenticated SMTP" (il modo in cui i programmi accedono per inviare posta), ed è disattivato per questa casella: anche la password giusta viene rifiutata.
ask-your-microsoft-365-administrator-c54e0072 = Chiedi all'amministratore di Microsoft 365 di attivare "Authenticated SMTP" per questa casella di posta (interfaccia di amministrazione → Utenti → Utenti attivi → l'utente → Posta → Gestisci app di posta elettronica).
microsoft-365-has-smtp-sign-360e5a0b = Microsoft 365 ha disattivato l'accesso SMTP per la tua organizzazione: il tuo amministratore può attivarlo
yahoo-and-aol-refuse-the-709f08a8 = Yahoo e AOL rifiutano la normale password dell'account dai programmi di posta e, dopo diversi tentativi rifiutati, sospendono anche gli accessi per un po'.
wait-about-an-hour-before-d6d59691 = Aspetta circa un'ora prima di ripetere il test, così la sospensione può finire.
gmail-refused-the-user-name-15d09805 = Gmail ha rifiutato nome utente e password. Gmail accetta solo una password per le app (una password separata creata apposta per i programmi) dai programmi di posta come il tuo sito: da maggio 2022 per gli account personali e da settembre 2024 per gli account Google Workspace. Una password per le app già in uso potrebbe essere stata scritta male o revocata.
here-the-block-comes-from-536cc146 = Qui il blocco viene dalle "impostazioni predefinite per la sicurezza" della tua organizzazione (le protezioni standard di Microsoft per l'accesso).
verify-the-from-address-or-31a6261b = Verifica l'indirizzo `from` (o il suo intero dominio) nel pannello del tuo servizio di invio.
the-server-refuses-the-old-cabda9d1 = Il server rifiuta la vecchia versione di crittografia che usa questo programma
the-program-offered-tls-1-5b1ec346 = Il programma ha proposto TLS 1.0 o 1.1 (vecchie versioni della crittografia che protegge la connessione), e il server accetta solo TLS 1.2 o più recente.
make-sure-the-website-runs-a3175796 = Assicurati che il sito giri su .NET Framework 4.7 o più recente, che usa la crittografia più recente offerta da Windows.
for-an-older-website-ask-fd2f3186 = Per un sito più vecchio, chiedi al tuo sviluppatore di abilitare TLS 1.2 (ServicePointManager.SecurityProtocol) e di installare gli aggiornamenti di Windows che lo aggiungono.
test-again-after-the-change-c6691a26 = Ripeti il test dopo la modifica.
the-server-s-encryption-is-e48e53e2 = La crittografia del server al momento non funziona
the-server-offers-encryption-but-4969b44a = Il server offre la crittografia ma non è riuscito ad avviarla per un problema dalla sua parte (spesso un certificato, cioè la prova d'identità del server, mancante o danneggiato).
wait-a-few-minutes-and-763995a7 = Aspetta qualche minuto e ripeti il test.
if-it-persists-tell-your-5398e48d = Se continua, avvisa il tuo provider di posta e includi la risposta del server: solo loro possono ripararlo.
keep-enablessl-set-to-true-2c3e3edb = Lascia `enableSsl` impostato su `true`: senza crittografia la tua password attraverserebbe la rete in chiaro.
provider-needs-an-app-password-8404df24 = { $provider } richiede una password per le app invece della tua password normale
test-again-5d322c29 = Ripeti il test.

## src/diagnosis/explain/dotnet_log.rs

your-website-s-log-quotes-45d21fe9 = Il registro del tuo sito riporta solo la prima riga del rifiuto del server, che nomina il server; il motivo è nelle righe successive. Esegui qui il test per vederle.

## src/diagnosis/explain.rs

codes-that-start-with-4-34e1b6b7 = I codici che iniziano con 4 significano "riprova più tardi"; se continua a succedere, le parole della risposta sono il motivo da mandare al tuo provider di posta.
codes-that-start-with-5-eea7edf5 = I codici che iniziano con 5 significano che il server non accetterà la richiesta così com'è; le parole dopo il codice ne sono il motivo.
we-don-t-recognise-this-9ef5f9c1 = Non riconosciamo questa risposta del server
the-server-answered-with-a-be6938c6 = Il server ha risposto con una risposta per cui non abbiamo ancora una spiegazione.

## src/diagnosis/mod.rs

even-so-this-test-message-84be81e9 = Nonostante questo, il messaggio di prova è passato: dopo il rifiuto ASP.NET invia senza accesso, e questo server lo accetta per la posta diretta alle sue caselle. La posta verso qualsiasi altro indirizzo (i tuoi clienti) verrà rifiutata finché l'accesso non funziona, e il registro del tuo sito non mostrerà alcun errore per questo messaggio.

## src/diagnosis/outcome/auth.rs

this-server-offers-starttls-encryption-7bc26440 = Questo server offre STARTTLS (crittografia), quindi basta cambiare un'impostazione.
this-server-offers-no-encryption-696f82ef = Questo server non offre crittografia su questa porta.
ask-your-mail-provider-for-c9b3f2af = Chiedi al tuo provider di posta la porta che offre la crittografia (di solito `587` con STARTTLS) e usala.
the-server-offers-sign-in-811c9099 = Il server offre l'accesso solo dopo che la connessione è stata crittografata con STARTTLS (il modo in cui un server di posta passa a una connessione crittografata), quindi ha nascosto l'accesso per proteggere la tua password. `enableSsl="true"` attiva STARTTLS in web.config.
no-sign-in-method-7ae1fdbe = nessun metodo di accesso
this-server-offers-list-and-b1185126 = Questo server offre { $list }, e { $target } non può usarne nessuno (il sistema di invio di ASP.NET conosce solo LOGIN, NTLM, Digest e Negotiate). Le stesse impostazioni possono funzionare in altri programmi, ma non dal tuo sito.
xoauth2-and-oauthbearer-mean-oauth-f5583b2e = XOAUTH2 e OAUTHBEARER indicano OAuth (l'accesso tramite la pagina del provider).
this-server-does-not-understand-22cf71da = Questo server non capisce il modo in cui ASP.NET accede
asp-net-sends-the-user-20a7823c = ASP.NET invia il nome utente insieme al comando di accesso (AUTH LOGIN), e poi la password. Questo server ha ignorato il nome utente e l'ha chiesto di nuovo dopo la password, quindi dal tuo sito l'accesso non può mai completarsi, qualunque sia la password.
ask-your-mail-provider-whether-52f1f934 = Chiedi al tuo provider di posta se il server può accettare AUTH LOGIN con una risposta iniziale (RFC 4954), oppure un altro nome di server tramite cui inviare.
or-send-through-another-mail-017a8669 = Oppure invia tramite un altro servizio di posta (quello della tua società di hosting, o un servizio di invio come SendGrid o Mailgun).
this-server-refuses-the-way-1d470d15 = Questo server rifiuta il modo in cui ASP.NET accede
the-server-offers-login-sign-8c041507 = Il server offre l'accesso LOGIN, il metodo che usa ASP.NET, ma l'ha rifiutato nella forma in cui ASP.NET lo invia: il comando insieme al nome utente su una sola riga ("AUTH login …"). Ha risposto "{ $reply }" prima che venisse controllata qualsiasi password. I programmi che inviano il nome utente su una riga a parte (PHPMailer, MailKit, Outlook) possono accedere a questo server; il tuo sito no, qualunque sia la password.
ask-your-mail-provider-whether-8485148d = Chiedi al tuo provider di posta se il server può accettare AUTH LOGIN con il nome utente sulla stessa riga (una "risposta iniziale", RFC 4954), oppure un altro nome di server tramite cui inviare.
or-ask-your-developer-to-59a0f742 = Oppure chiedi al tuo sviluppatore di inviare con MailKit, che accede nell'altro modo.

## src/diagnosis/outcome/connection.rs

the-mail-server-s-name-abb8de91 = Il nome del server di posta “{ $host }” non è stato trovato
host-has-no-dot-in-a25384f0 = `host` non contiene un punto, mentre i nomi dei server di posta sono come `smtp.example.com`: confrontalo con le istruzioni del tuo provider.
the-connection-went-to-address-039eccb9 = La connessione è andata a { $address }.
port-port-is-unusual-for-e9e416e2 = La porta { $port } è insolita per inviare posta: la maggior parte dei provider usa `587`.
we-waited-secs-seconds-for-18544b73 = Abbiamo aspettato { $address } per { $secs } secondi.
port-25-is-commonly-blocked-bf227656 = La porta 25 viene spesso bloccata dalle società di hosting e dai provider internet per fermare lo spam, quindi spesso le connessioni a questa porta restano senza risposta.
this-computer-could-not-reach-082acb74 = Questo computer non è riuscito a raggiungere il server di posta
the-system-reported-detail-16c5517e = Il sistema ha segnalato: “{ $detail }”.
check-that-this-computer-is-05bf2936 = Controlla che questo computer sia connesso a internet, poi ripeti il test.
the-server-said-nothing-for-c2aad1c2 = Il server non ha detto nulla per { $secs } secondi, e anche un secondo tentativo iniziato con la crittografia non ha avuto risposta.
this-port-expects-encryption-from-e1538362 = Questa porta si aspetta la crittografia fin dal primo byte ("SSL alla connessione", tipico della porta 465), quindi il server aspetta la crittografia mentre il programma aspetta un saluto. Il sistema di invio di ASP.NET non sa fare SSL alla connessione: il tuo sito aspetterebbe così per 100 secondi (il suo tempo massimo predefinito; il test si è fermato al proprio limite) e poi fallirebbe con "The operation has timed out".
this-port-expects-encryption-from-52a4c1c1 = Questa porta si aspetta la crittografia fin dal primo byte ("SSL alla connessione"), ma il test è iniziato senza crittografia, quindi ciascuna parte ha aspettato l'altra.
choose-ssl-on-connect-for-89a131f0 = Scegli SSL alla connessione per questa porta (chiamato "SSL", "SMTPS" o "TLS implicito" nella maggior parte dei programmi).
or-change-port-to-587-363c03db = Oppure cambia `port` in `587` e usa STARTTLS (il modo in cui un server di posta passa a una connessione crittografata).
it-answered-like-a-web-455949dc = Ha risposto come un server web.
it-answered-like-a-remote-640e7204 = Ha risposto come un servizio di accesso remoto (SSH).

## src/diagnosis/outcome/conversation.rs

it-happened-during-step-8cc559e6 = È successo durante { $step }.
the-connection-ended-while-switching-4d88ba34 = La connessione si è interrotta durante il passaggio alla crittografia: controlla che `port` e `enableSsl` corrispondano alle istruzioni del tuo provider (per ASP.NET, `587` con `enableSsl` impostato su `true`).
some-servers-hang-up-instead-07ab7f99 = Alcuni server chiudono la connessione invece di dire che la password è stata rifiutata: controlla `userName` e `password`.
there-was-no-reply-to-7639394e = Nessuna risposta a { $step } entro { $secs } secondi.
what-arrived-detail-ce6e5e5f = Cosa è arrivato: { $detail }.
the-server-broke-the-rules-86aebd6a = Il server ha violato le regole della conversazione di posta
during-step-the-server-did-2a69066e = Durante { $step }, il server ha fatto qualcosa che i server di posta non devono fare: { $detail }. È un problema dalla parte del server, non nelle tue impostazioni.
test-again-in-a-few-d45392c2 = Ripeti il test tra qualche minuto.
send-the-transcript-to-your-01199657 = Manda la trascrizione al tuo provider di posta: mostra esattamente cosa ha inviato il server.
if-a-security-program-or-26b511cc = Se un programma di sicurezza o un proxy su questa rete gestisce la posta, potrebbe esserne la causa: chiedi a chi gestisce la rete.

## src/diagnosis/outcome/envelope.rs

use-a-sender-address-from-91297b39 = Usa un indirizzo mittente (`from`) con solo lettere semplici (dalla a alla z), cifre, punti o trattini prima della @, per esempio `info@` il tuo dominio.
send-the-test-to-an-394f9af8 = Invia il test a un indirizzo con solo lettere semplici (dalla a alla z), cifre, punti o trattini prima della @.
this-server-cannot-take-address-b7642aa9 = Questo server non può accettare { $address }, che prima della @ ha lettere diverse da quelle dell'inglese semplice
such-an-address-can-only-534fa2e0 = Un indirizzo così può viaggiare solo con SMTPUTF8 (lo standard della posta per gli indirizzi internazionali), e questo server non lo offre. Il test si è fermato prima di dare al server { $role } ({ $address }): l'avrebbe rifiutato o storpiato, e il suo rifiuto avrebbe dato la colpa al mittente.
or-send-through-a-mail-c7f9b17c = Oppure invia tramite un server di posta che offre SMTPUTF8: chiedi al tuo provider se supporta gli indirizzi email internazionali.
the-test-cannot-send-with-1cfd4858 = Il test non può inviare con l'indirizzo { $address }
address-is-written-in-a-498c2974 = { $address } è scritto in una forma che gli standard della posta consentono ma che pochi programmi gestiscono (una parte tra virgolette con uno spazio, o un indirizzo di server tra parentesi quadre dopo la @), e il messaggio di prova non può trasportarlo. Il test si è fermato prima di darlo al server.
plain-remove-any-quotes-and-a7cb9143 = { $plain } Togli virgolette e spazi: la forma abituale è nome@example.com.
asp-net-itself-may-still-4a7c1539 = ASP.NET potrebbe comunque inviare con questo indirizzo, ma molti server di posta e i programmi che leggono la posta no.
or-move-the-site-to-3788eb32 = Oppure passa il sito a .NET Framework 4.5 o successivo, che può inviare indirizzi internazionali con `deliveryFormat="International"` nell'elemento `<smtp>`.
or-add-deliveryformat-international-to-7bb43e86 = Oppure aggiungi `deliveryFormat="International"` all'elemento `<smtp>` in web.config (ASP.NET 4.5 o successivo): così ASP.NET invia gli indirizzi internazionali ai server che offrono SMTPUTF8.
or-set-deliveryformat-smtpdeliveryformat-3af77877 = Oppure imposta `DeliveryFormat = SmtpDeliveryFormat.International` sullo `SmtpClient` nel tuo codice: così invia gli indirizzi internazionali ai server che offrono SMTPUTF8.
this-server-offers-smtputf8-the-6d77822e = Questo server offre SMTPUTF8 (lo standard della posta per gli indirizzi internazionali), quindi con quell'impostazione l'indirizzo passerebbe.
this-server-does-not-offer-baf00176 = Questo server non offre SMTPUTF8 (lo standard della posta per gli indirizzi internazionali), quindi serve anche un server che lo offra.
asp-net-will-not-send-12cd36fe = ASP.NET non invierà con { $address }, che prima della @ ha lettere diverse da quelle dell'inglese semplice
asp-net-s-mail-sender-3ed3c4f7 = Il sistema di invio di ASP.NET invia solo indirizzi la cui parte prima della @ è fatta di lettere inglesi semplici, a meno che non sia impostato per inviare quelli internazionali. Si ferma prima di interpellare il server, come ha fatto il test.

## src/diagnosis/outcome/final_reply.rs

the-server-received-the-whole-80dbb04b = Il server ha ricevuto tutto il messaggio ma non l'ha confermato in tempo
the-test-sent-the-complete-26e46161 = Il test ha inviato il messaggio completo e poi ha aspettato la risposta del server, quella che dice se accetta il messaggio. Nessuna risposta è arrivata in tempo: i server che controllano ogni messaggio contro spam e virus possono essere lenti a rispondere, e questo potrebbe comunque consegnare il messaggio.
check-the-test-recipient-s-5a214699 = Controlla la posta in arrivo del destinatario del test (e la cartella spam) prima di inviare di nuovo: il messaggio potrebbe ancora arrivare, e inviandolo di nuovo potrebbe arrivare due volte.
if-nothing-arrives-within-15-af500617 = Se non arriva nulla entro 15 minuti, ripeti il test; se succede di nuovo, manda la trascrizione al tuo provider di posta.
if-it-arrives-the-settings-c80f0412 = Se arriva, le impostazioni funzionano, ma il tuo sito segnala "The operation has timed out." per messaggi come questo: aumenta `SmtpClient.Timeout` nel tuo codice (100 secondi se non impostato) e assicurati che il sito non invii di nuovo lo stesso messaggio dopo quell'errore.
if-it-arrives-the-settings-008b4f44 = Se arriva, le impostazioni funzionano e il server è lento a confermare: dagli più tempo (il tempo massimo per la risposta finale nelle impostazioni avanzate, oppure `--final-reply-timeout` dalla riga di comando).
the-test-waited-secs-seconds-296f27d9 = Il test ha aspettato quella risposta per { $secs } secondi.

## src/diagnosis/outcome/oauth.rs

in-microsoft-365-an-app-6beb06e7 = In Microsoft 365, un'app che invia a nome proprio ha bisogno di tutto questo: l'autorizzazione SMTP.SendAsApp (Office 365 Exchange Online) con il consenso dell'amministratore; un'entità servizio creata con New-ServicePrincipal usando l'ID oggetto dell'applicazione aziendale (non quello della registrazione app); Add-MailboxPermission per la casella in `userName`; e "Authenticated SMTP" attivo per quella casella.
the-sign-in-token-has-c42ff023 = Il token di accesso è scaduto
tokens-are-valid-for-a-9a3968e1 = I token sono validi per poco tempo (circa un'ora). Questo è scaduto { $ago } fa, quindi il server l'ha rifiutato.
get-a-new-token-sign-fdc646f1 = Ottieni un nuovo token (accedi di nuovo) e ripeti subito il test.
the-sign-in-token-is-e9229ca6 = Il token di accesso è per un'altra casella di posta
the-token-was-issued-for-ccbe81df = Il token è stato emesso per { $named }, e il test ha eseguito l'accesso come { $user }. Un token permette di accedere solo alla casella per cui è stato emesso.
set-username-to-named-or-65123a60 = Imposta `userName` su { $named }, oppure accedi come { $user } per ottenere un token per quella casella.
the-sign-in-token-lacks-60c3493a = Al token di accesso manca l'autorizzazione che questo server chiede
the-server-wants-a-token-6d0ee0cb = Il server vuole un token con l'ambito (autorizzazione) { $scope }, e questo contiene { $carried }.
ask-for-a-token-with-ca38a612 = Chiedi un token con l'ambito { $scope }.
the-sign-in-token-does-b905d15c = Il token di accesso non permette di inviare posta
a-token-carries-permissions-scopes-dfbd7ff8 = Un token contiene delle autorizzazioni (ambiti), e questo contiene { $carried }: nessuna serve per inviare posta (SMTP).
ask-for-a-token-with-24b71fd2 = Chiedi un token con l'ambito di invio posta indicato dal tuo provider (Microsoft 365: SMTP.Send o SMTP.SendAsApp; Google: https://mail.google.com/).
the-sign-in-token-is-87b9c735 = Il token di accesso è per un altro servizio Microsoft
the-token-is-meant-for-a4189d8a = Il token è destinato a { $audience }, e il server di posta accetta solo token destinati a Exchange Online.
ask-for-the-token-with-0f671d1c = Chiedi il token con l'ambito https://outlook.office365.com/.default (un'app che invia a nome proprio) oppure https://outlook.office.com/SMTP.Send (una persona che ha eseguito l'accesso).
exchange-online-lets-a-token-afaaf9f5 = Exchange Online permette a un token di inviare posta solo con l'autorizzazione applicazione { $needed }; questo contiene { $carried }.
exchange-online-lets-a-token-7c44c998 = Exchange Online permette a un token di inviare posta solo con l'autorizzazione delegata { $needed }; questo contiene { $carried }.
the-sign-in-token-lacks-ab2e2281 = Al token di accesso manca l'autorizzazione { $needed }
in-app-registrations-your-app-870afe88 = In App registrations (Registrazioni app) → la tua app → API permissions (Autorizzazioni API), aggiungi { $needed } (Office 365 Exchange Online), concedi il consenso dell'amministratore, poi ottieni un nuovo token.
it-could-not-read-the-25ee4fd8 = non è riuscito a leggere l'accesso (spesso un nome utente che non conosce)
the-token-is-not-valid-5f515491 = il token non è valido (scaduto, revocato o non per questa casella di posta)
the-token-is-valid-but-6b61b7b0 = il token è valido ma non permette di inviare posta come questa casella
it-refused-the-token-cd0cabee = ha rifiutato il token
the-server-s-answer-to-2fb6cd08 = La risposta del server a { $mechanism } dice che { $meaning }.
the-server-s-answer-to-0e1ef8b3 = La risposta del server a { $mechanism } dice che { $meaning }; accetta token con l'ambito { $scope }.
none-ada7afdb = nessuno
no-sign-in-at-all-56e4c7e5 = nessun accesso
it-offers-offers-38f8f4c2 = Offre { $offers }.
the-app-s-client-secret-1fd311f1 = Il segreto client dell'app è scaduto
nobody-has-signed-in-yet-58075807 = Nessuno ha ancora eseguito l'accesso
this-test-signs-in-as-de14520f = Questo test accede come una persona, quindi prima qualcuno deve accedere alla casella di posta sulla pagina di Microsoft o di Google. L'accesso viene poi conservato nel portachiavi del sistema e rinnovato automaticamente.
press-sign-in-with-microsoft-e55c9917 = Premi "Accedi con Microsoft…" (o Google) in Accesso e accedi come la casella indicata in `userName`.
then-test-again-af243c30 = Poi ripeti il test.
the-sign-in-was-cancelled-584b1ee1 = L'accesso è stato annullato
sign-in-again-then-test-10fc6816 = Accedi di nuovo, poi ripeti il test.
the-provider-s-sign-in-209b1a32 = Il servizio di accesso del provider non è raggiungibile
check-this-computer-s-internet-bb36fda9 = Controlla la connessione internet di questo computer (e un eventuale proxy o firewall che potrebbe bloccare login.microsoftonline.com).
the-sign-in-service-s-54e90ddb = L'indirizzo del servizio di accesso non può essere usato
use-https-login-microsoftonline-com-32a84d7d = Usa https://login.microsoftonline.com (quello predefinito) come indirizzo di accesso.

## src/diagnosis/outcome/replies.rs

the-server-then-refused-the-e6bcea69 = Poi il server ha rifiutato il messaggio, quindi `userName` e `password` non sono mai stati usati: probabilmente questo server o questa porta non sono quelli che il tuo provider intendeva per loro.
the-test-already-asked-for-7b417971 = Il test ha già chiesto STARTTLS, quindi il server potrebbe aspettarselo su un'altra porta: confronta `port` con le istruzioni del tuo provider.
set-defaultcredentials-to-false-while-db024367 = Imposta `defaultCredentials` su `false`: finché è `true`, web.config ignora `userName` e `password`.
your-settings-have-no-username-2861b339 = Le tue impostazioni non hanno `userName`, quindi il test non ha eseguito l'accesso.
the-test-signed-in-as-68d41b91 = Il test ha eseguito l'accesso come { $user }, quindi questo server non permette a quell'account di inviare a indirizzi esterni: chiedi al tuo provider quale server e quale porta usare.
the-server-refused-the-test-f84ee350 = Il server ha rifiutato il destinatario del test { $recipient }
set-clientdomain-to-your-website-81ec9a9c = Imposta `clientDomain` sul nome di dominio completo del tuo sito (per esempio `www.example.com`): il server non ha accettato il nome con cui si è presentato questo computer.
the-sender-from-is-from-70f92321 = Il mittente (`from`) è { $from }, mentre l'accesso (`userName`) è { $user }.

## src/diagnosis/outcome/tls.rs

change-host-to-only-fa99f7d2 = Cambia `host` in `{ $only }`.
this-one-is-self-signed-d09ec21c = Questo è autofirmato: il server l'ha creato da sé.
it-was-issued-by-issuer-24f9dd72 = È stato emesso da { $issuer }.
it-was-valid-until-until-b3400985 = Era valido fino al { $until }.
the-test-started-encryption-straight-7fde3066 = Il test ha avviato subito la crittografia ("SSL alla connessione"), ma questa porta saluta prima in chiaro e poi passa alla crittografia con STARTTLS (il modo in cui un server di posta passa a una connessione crittografata). I due modi non si combinano, quindi l'handshake (lo scambio che avvia la crittografia) è fallito.
it-is-valid-for-list-77a4ad6e = È valido per { $list } e altri { $more }, non per { $expected }.
it-is-valid-for-list-531e9add = È valido per { $list }, non per { $expected }.
the-encryption-library-reported-detail-7486ce05 = La libreria di crittografia ha segnalato: “{ $detail }”.
the-server-seems-to-know-4d80fb0b = Il server sembra conoscere solo vecchie versioni della crittografia (TLS 1.0 o 1.1): chiedi al tuo provider di posta di abilitare TLS 1.2 o più recente.
the-extra-certificate-file-could-8265c21b = Il file di certificati aggiuntivo non può essere usato
the-file-path-given-as-edbfbdc2 = Il file { $path }, indicato come "File CA aggiuntivo" (`--ca-file`: autorità di cui la tua organizzazione si fida oltre a quelle pubbliche), non può essere usato: { $detail }. Il test si è fermato prima di fidarsi di qualsiasi server.
check-that-the-file-exists-11178386 = Controlla che il file esista in quel percorso e che questo programma possa leggerlo.
check-that-it-is-a-39e254e8 = Controlla che sia un file di certificato: un file di testo PEM che inizia con `-----BEGIN CERTIFICATE-----`, oppure un file .cer esportato da Windows (in uno dei due formati).
if-the-server-has-a-1a4c8da8 = Se il server ha un certificato di un'autorità pubblica, svuota "File CA aggiuntivo" in Avanzate.

## src/diagnosis/pasted.rs

run-the-test-here-with-40bc1a7b = Esegui qui il test con le stesse impostazioni per vedere se funzionano.

## src/diagnosis/site.rs

asp-net-2-0-3-6ca9cbac = ASP.NET 2.0–3.5 non ha `enableSsl` in web.config (aggiungerlo rompe tutta la sezione della posta), quindi attiva SSL nel tuo codice, subito prima dell'invio: `smtpClient.EnableSsl = true;`. Per il controllo PasswordRecovery, gestisci il suo evento `SendingMail`: invia tu `e.Message` con uno `SmtpClient` il cui `EnableSsl` è `true`, poi imposta `e.Cancel = true;`. Oppure passa il sito a .NET Framework 4.x, dove basta `enableSsl="true"` in web.config.
in-code-smtpclient-enablessl-true-4add87ec = Nel codice, `smtpClient.EnableSsl = true;` la attiva (web.config non può farlo, su ASP.NET 2.0–3.5).

## src/diagnosis/texts/auth.rs

the-server-wants-a-sign-fa8fde33 = Il server vuole un accesso prima di inviare qualsiasi cosa
this-server-sends-mail-only-549fd96c = Questo server invia posta solo per gli utenti che hanno eseguito l'accesso, e il messaggio è stato proposto prima che un accesso fosse accettato. In web.config l'accesso viene da `userName` e `password`.
fill-in-username-usually-your-8bad094b = Compila `userName` (di solito il tuo indirizzo email completo) e `password`.
make-sure-defaultcredentials-is-false-e9f68330 = Assicurati che `defaultCredentials` sia `false`: quando è `true`, nome utente e password vengono ignorati.
the-server-wants-a-sign-0b50a939 = Il server vuole un accesso, e probabilmente ha rifiutato il tuo
when-the-server-refuses-the-16d9b604 = Quando il server rifiuta il nome utente o la password, ASP.NET non lo dice: invia senza accesso, e il server allora risponde così. Quindi se il tuo web.config ha `userName` e `password`, molto probabilmente il server li ha rifiutati. Se non li ha, il server li vuole prima di inviare.
check-username-usually-your-full-95088744 = Controlla `userName` (di solito il tuo indirizzo email completo) e scrivi di nuovo la password in `password` (copiandola si può aggiungere uno spazio alla fine).
if-your-provider-wants-an-24fb5942 = Se il tuo provider vuole una password per le app o ha disattivato l'accesso con password (Microsoft 365, Gmail), segui le sue istruzioni per i programmi.
if-web-config-has-no-9e232823 = Se web.config non ha `userName`, compila `userName` e `password`.
run-the-test-here-with-a02cdff6 = Esegui qui il test con le stesse impostazioni: mostra se il server rifiuta l'accesso.
the-server-does-not-offer-5c1f342d = Il server non offre l'accesso su questa connessione
your-settings-include-a-user-8f3e5b78 = Le tue impostazioni includono un nome utente, ma qui il server non ha offerto AUTH (il comando di accesso dei server di posta). Di solito la porta è pensata per la posta tra server (spesso la porta 25), oppure il server lascia inviare gli indirizzi conosciuti senza accesso.
change-port-to-587-and-0f7e3abd = Cambia `port` in `587` e imposta `enableSsl` su `true`: quella porta è pensata per accedere e inviare.
if-your-hosting-company-says-5da38eee = Se la tua società di hosting dice che il suo server lascia inviare il tuo sito senza password, svuota `userName` e `password`.
the-server-allows-sign-in-ec452ac5 = Il server permette l'accesso solo su una connessione crittografata
the-password-would-have-crossed-a9916df8 = La password avrebbe attraversato la rete senza crittografia, quindi il server ha rifiutato o nascosto l'accesso. STARTTLS (il modo in cui un server di posta passa a una connessione crittografata) la protegge, e `enableSsl="true"` lo attiva in web.config.
set-enablessl-to-true-52e5ecbd = Imposta `enableSsl` su `true`.
keep-port-at-587-or-42fe3de8 = Lascia `port` a `587` (o `25` se il tuo provider usa quella); ASP.NET non può usare `465`.
your-password-would-cross-the-9c776cba = La tua password attraverserebbe la rete senza crittografia
the-server-offers-sign-in-52300fa5 = Il server offre l'accesso su questa connessione senza crittografia, quindi la password viaggerebbe leggibile da chiunque lungo il percorso (la rete della società di hosting, un Wi-Fi pubblico). Il test si è fermato prima di inviarla. Con queste impostazioni il tuo sito la invia proprio così.
set-enablessl-to-true-the-649dce61 = Imposta `enableSsl` su `true`: così la password viene inviata solo dopo che la connessione è crittografata.
if-you-accept-the-risk-4bb04ca9 = Se accetti il rischio per questo solo test (un server sulla tua rete privata), ripeti il test e consenti la password non crittografata (`--allow-plaintext-password` dalla riga di comando, "Invia senza crittografia solo questa volta" nella finestra).
the-server-s-sign-in-5fcef96a = I metodi di accesso del server sono metodi che ASP.NET non può usare
mail-servers-offer-several-sign-b861780a = I server di posta offrono diversi metodi di accesso. Il sistema di invio di ASP.NET conosce solo LOGIN, NTLM, Digest e Negotiate, e questo server non ne ha offerto nessuno, quindi le stesse impostazioni possono funzionare in altri programmi ma non dal tuo sito.
ask-your-mail-provider-whether-e86c3606 = Chiedi al tuo provider di posta se l'accesso LOGIN può essere attivato per la tua casella.
or-send-through-a-provider-c9c7d534 = Oppure invia tramite un provider che offre LOGIN (quasi tutti) e cambia `host` con il suo server.
or-ask-your-developer-to-88c53180 = Oppure chiedi al tuo sviluppatore di inviare con MailKit, una libreria di posta che conosce più metodi di accesso.
the-server-refused-the-user-a184eaf4 = Il server ha rifiutato il nome utente o la password
the-server-checked-the-sign-cda301dc = Il server ha controllato l'accesso e ha detto di no. Di solito la password non è quella attuale, oppure il nome utente non è nella forma che il provider si aspetta; alcuni provider rifiutano anche la password normale e vogliono una password per le app (una password separata creata apposta per i programmi).
check-that-username-is-exactly-a186e001 = Controlla che `userName` sia esattamente ciò che il tuo provider si aspetta, di solito il tuo indirizzo email completo.
type-the-password-into-password-c85831af = Scrivi di nuovo la password in `password` (copiandola si può aggiungere uno spazio alla fine).
if-your-account-uses-two-fe47a30d = Se il tuo account usa la verifica in due passaggi, crea una password per le app nelle impostazioni di sicurezza dell'account e usala come `password`.
sign-in-to-your-webmail-2244b6cf = Accedi alla tua webmail con lo stesso nome utente e la stessa password per confermare che funzionano.
your-provider-wants-an-app-8e45b86f = Il tuo provider vuole una password per le app invece della tua password normale
an-app-password-is-a-bb603ced = Una password per le app è una password separata che il tuo provider di posta crea apposta per programmi come il tuo sito. Gli account con verifica in due passaggi (un codice sul telefono) qui rifiutano la password normale; una password per le app già in uso potrebbe essere stata scritta male o revocata.
turn-on-two-step-sign-51eac7b8 = Attiva la verifica in due passaggi nelle impostazioni di sicurezza del tuo account di posta, se non è ancora attiva: le password per le app ne hanno bisogno.
create-an-app-password-there-bd7031e7 = Crea lì una password per le app e incollala in `password` senza spazi.
keep-username-as-your-full-c562226b = Lascia in `userName` il tuo indirizzo email completo e ripeti il test.
your-provider-paused-the-sign-bc3768e5 = Il tuo provider ha sospeso l'accesso finché non lo confermi in un browser
the-provider-saw-a-sign-1538b2d6 = Il provider ha visto un accesso da un luogo che non conosce (il computer su cui gira il tuo sito) e l'ha bloccato finché non confermi che eri tu.
sign-in-to-your-webmail-dc909f89 = Accedi alla tua webmail in un browser e approva eventuali avvisi di sicurezza su un accesso bloccato.
use-an-app-password-a-b70684d9 = Usa una password per le app (una password separata per i programmi, creata nelle impostazioni di sicurezza del tuo account) come `password`.
test-again-within-a-few-9bb0093a = Ripeti il test entro pochi minuti.
sign-in-for-mail-programs-5421083f = L'accesso per i programmi di posta è disattivato per questo account
microsoft-365-lets-administrators-switch-ec288b4e = Microsoft 365 permette agli amministratori di disattivare "Authenticated SMTP" (il modo in cui i programmi accedono per inviare posta). È disattivato per questa casella o per l'intera organizzazione, quindi anche la password giusta viene rifiutata, e lo stesso vale per un token OAuth.
if-it-is-off-for-491d3325 = Se è disattivato per l'intera organizzazione, l'amministratore può consentirlo anche lì (l'impostazione di Exchange SmtpClientAuthenticationDisabled impostata su False).
wait-up-to-an-hour-89ecd3c1 = Aspetta fino a un'ora dopo la modifica, poi ripeti il test.
your-provider-no-longer-accepts-262db022 = Il tuo provider non accetta più una password dai programmi di posta
the-provider-has-switched-off-5bf866d0 = Il provider ha disattivato l'autenticazione di base (l'accesso con solo nome utente e password) e vuole invece OAuth (l'accesso tramite la pagina del provider). Il sistema di invio di ASP.NET non sa usare OAuth, e una password per le app qui non aiuta.
ask-your-administrator-whether-password-8e9b1d9b = Chiedi al tuo amministratore se l'accesso con password può essere consentito per questa casella (in Microsoft 365 possono bloccarlo le impostazioni predefinite per la sicurezza o un criterio di accesso condizionale).
or-send-your-website-s-543cef06 = Oppure invia la posta del tuo sito tramite un servizio che accetta le password, come il server di posta della tua società di hosting o un servizio di invio, e cambia `host`, `userName` e `password` con i suoi valori.
or-ask-your-developer-to-129f53f6 = Oppure chiedi al tuo sviluppatore di inviare con MailKit, che supporta OAuth, e prova qui prima l'accesso OAuth (Accesso: Microsoft 365 (OAuth), oppure `mailtester send --oauth microsoft`).
the-server-could-not-check-7d165cdf = Il server al momento non è riuscito a controllare la password
the-server-s-sign-in-4e8378b1 = Il sistema di accesso del server ha avuto un problema temporaneo, quindi non ha potuto dire sì o no. Il problema è dalla parte del provider, e le tue impostazioni potrebbero benissimo essere giuste.
if-it-lasts-more-than-bcb37e76 = Se dura più di un'ora, avvisa il tuo provider di posta e includi la risposta del server.
meanwhile-keep-username-and-password-16dfed9a = Nel frattempo, lascia `userName` e `password` come sono.

## src/diagnosis/texts/connection.rs

the-mail-server-s-name-0d9f47b0 = Il nome del server di posta non è stato trovato
this-computer-asked-dns-the-9b8be64c = Questo computer ha chiesto al DNS (la rubrica degli indirizzi di internet) il nome in `host` e non ha ricevuto nessun indirizzo, quindi non sa dove mandare la posta. Di solito il nome contiene un errore di battitura, oppure questo computer al momento non è connesso a internet.
check-host-letter-by-letter-a1a74d49 = Controlla `host` lettera per lettera con le istruzioni del tuo provider di posta (è simile a `smtp.example.com`).
check-that-this-computer-can-ae3fe307 = Controlla che questo computer riesca ad aprire i siti web; se non ci riesce, sistema la connessione internet e ripeti il test.
if-the-name-is-right-18a00d53 = Se il nome è giusto e internet funziona, chiedi al tuo provider di posta se il nome del server è cambiato.
the-server-turned-the-connection-280a4654 = Il server ha respinto la connessione su questa porta
this-computer-reached-the-server-ba7fb590 = Questo computer ha raggiunto il server, ma lì niente accetta posta su questa porta (la "porta" numerata su cui un programma resta in ascolto), oppure un firewall (un filtro che blocca le connessioni) l'ha rifiutata. Il più delle volte la porta non è quella usata dal tuo provider, oppure `host` punta a un altro server.
check-port-against-your-provider-f98b1afd = Confronta `port` con le istruzioni del tuo provider: `587` è la porta abituale per i siti web.
check-that-host-is-the-a4ce6940 = Controlla che `host` sia il nome del server di posta, non il nome del tuo sito.
if-both-are-right-ask-112c3209 = Se entrambi sono giusti, chiedi alla tua società di hosting se un firewall blocca la posta in uscita dal tuo sito.
the-server-did-not-answer-45d585cd = Il server non ha risposto al tentativo di connessione
nothing-answered-on-this-port-aeae7d79 = Niente ha risposto su questa porta prima che scadesse il tempo massimo. Spesso un firewall (un filtro che blocca le connessioni) della società di hosting o del provider internet scarta in silenzio le connessioni di posta in uscita, soprattutto sulla porta 25; altrimenti il server potrebbe essere spento, oppure `host` potrebbe puntare al posto sbagliato.
change-port-to-587-and-a8475885 = Cambia `port` in `587` e imposta `enableSsl` su `true`: la combinazione abituale per i siti web.
if-that-does-not-help-59fbce00 = Se non basta, chiedi alla tua società di hosting se le connessioni in uscita verso i server di posta sono bloccate, e su quali porte.
check-that-host-is-correct-05aa5d08 = Controlla che `host` sia corretto e che il server sia attivo (vedi la pagina di stato del tuo provider).
the-server-accepted-the-connection-e31e44f1 = Il server ha accettato la connessione ma non ha mai salutato
a-mail-server-normally-greets-3b957db6 = Di solito un server di posta saluta subito una nuova connessione. Quando resta in silenzio, di solito la porta si aspetta la crittografia fin dal primo byte ("SSL alla connessione", tipico della porta 465), che il sistema di invio di ASP.NET non sa fare; più raramente il server è sovraccarico.
change-port-to-587-and-298d9c8c = Cambia `port` in `587` e imposta `enableSsl` su `true`.
if-your-provider-offers-only-8846bc0f = Se il tuo provider offre solo la porta 465, chiedi se ha una porta con STARTTLS (il modo in cui un server di posta passa a una connessione crittografata), oppure invia tramite un altro provider.
if-port-is-already-587-ab4adb1c = Se `port` è già `587`, aspetta qualche minuto e ripeti il test: il server potrebbe essere occupato.
something-other-than-a-mail-ecd3aa22 = Su questa porta ha risposto qualcosa che non è un server di posta
the-answer-did-not-look-bf4a9935 = La risposta non sembrava SMTP (la lingua parlata dai server di posta). La porta potrebbe appartenere a un sito web o a un altro servizio, oppure `host` potrebbe puntare a un'altra macchina.
check-port-websites-send-mail-6058ee5d = Controlla `port`: i siti web inviano posta tramite la porta `587` (a volte `25`); porte come `80` e `443` sono per i siti web, `110`, `143`, `993` e `995` per leggere la posta.
check-host-against-your-provider-1e806a83 = Confronta `host` con le istruzioni del tuo provider.
if-both-look-right-a-336a3e56 = Se entrambi sembrano giusti, potrebbe mettersi in mezzo un programma di sicurezza o un proxy su questa rete: chiedi a chi gestisce la rete.
the-mail-server-is-not-c6852973 = Il server di posta al momento non accetta questa connessione
the-server-answered-but-refused-f4bdb56e = Il server ha risposto ma ha rifiutato di servire questa connessione. Di solito il server ha un problema temporaneo (manutenzione o sovraccarico), oppure rifiuta l'indirizzo internet di questo computer, per esempio perché l'indirizzo è in una blocklist (un elenco di indirizzi noti per lo spam).
if-it-keeps-happening-send-e9edadf6 = Se continua a succedere, manda la risposta del server (in "Cosa ha risposto il server") al tuo provider di posta e chiedi perché rifiuta la connessione.
check-host-and-port-a-5e76dfe7 = Controlla `host` e `port`: un server pensato per ricevere posta può rifiutarsi di inviarla.
the-server-closed-the-connection-30180e72 = Il server ha chiuso la connessione a metà della conversazione
the-connection-ended-before-the-a43f6fed = La connessione si è interrotta prima che il server finisse di rispondere. I server lo fanno quando qualcosa della connessione non va loro bene (troppi tentativi, un indirizzo bloccato, un'impostazione di crittografia diversa da quella che si aspettano), e a volte anche le reti interrompono le connessioni.
check-that-port-and-enablessl-b2b965b7 = Controlla che `port` e `enableSsl` corrispondano alle istruzioni del tuo provider (di solito `587` con `enableSsl` impostato su `true`).
if-it-keeps-happening-send-a1e930a1 = Se continua a succedere, manda la trascrizione al tuo provider di posta: il passaggio in cui si è fermato indica loro dove guardare.
the-server-stopped-answering-aaccd57c = Il server ha smesso di rispondere
the-server-accepted-the-connection-a1f81952 = Il server ha accettato la connessione ma non ha risposto in tempo. Potrebbe essere sovraccarico, oppure un firewall (un filtro che blocca le connessioni) potrebbe tenere aperta la connessione senza lasciar passare nulla.
if-your-web-config-uses-60f26cb6 = Se il tuo web.config usa la porta 465: ASP.NET non può usarla e aspetta così. Cambia `port` in `587` e imposta `enableSsl` su `true`.
if-it-always-stops-at-8cf935d8 = Se si ferma sempre allo stesso passaggio, manda la trascrizione al tuo provider di posta.
the-test-was-stopped-before-0d4af77e = Il test è stato interrotto prima di finire
the-test-was-cancelled-so-7a4af564 = Il test è stato annullato, quindi i passaggi non eseguiti non hanno un risultato. Questo non dice nulla sul funzionamento delle tue impostazioni.
press-send-test-email-to-82d3e493 = Premi "Invia email di prova" per eseguire di nuovo il test.
your-website-could-not-connect-2abab1d3 = Il tuo sito non è riuscito a connettersi al server di posta
the-program-gives-this-one-4964373a = Il programma dà questo unico messaggio per diverse cause: un firewall (un filtro che blocca le connessioni) della società di hosting blocca la porta, niente è in ascolto su quella porta, oppure l'impostazione di crittografia non corrisponde alla porta. La porta 25 è quella bloccata più spesso.
change-port-to-587-and-05b8a3c8 = Cambia `port` in `587` e imposta `enableSsl` su `true` (in PHPMailer: `Port = 587` e `SMTPSecure = 'tls'`).
check-that-host-is-exactly-b9f2e985 = Controlla che `host` sia esattamente il nome del server indicato dal tuo provider.
ask-your-hosting-company-whether-3e97a686 = Chiedi alla tua società di hosting se le connessioni di posta in uscita sono consentite, e su quali porte.
no-mail-server-is-set-2344fbac = Nessun server di posta impostato
asp-net-found-no-host-5acadb75 = ASP.NET non ha trovato `host` nella sezione `<mailSettings>` di web.config (né nel codice del sito), quindi non sa tramite quale server inviare.
add-host-to-the-network-473361fe = Aggiungi `host` all'elemento `<network>` in web.config, per esempio `host="smtp.example.com"`.
check-that-mailsettings-sits-inside-b1a5f996 = Controlla che `<mailSettings>` si trovi dentro `<system.net>` nel web.config del sito che invia la posta.
asp-net-waited-on-port-363e8bfc = ASP.NET ha aspettato sulla porta 465 un saluto che non arriva mai
port-465-expects-encryption-from-540d0aa0 = La porta 465 si aspetta la crittografia fin dal primo byte ("SSL alla connessione"), che il sistema di invio di ASP.NET non sa fare: aspetta che il server saluti finché non si arrende con "The operation has timed out".
your-website-gave-up-waiting-1b764594 = Il tuo sito ha smesso di aspettare il server di posta
the-operation-has-timed-out-366dd6df = "The operation has timed out." senza nient'altro è il modo in cui il sistema di invio di ASP.NET dice che il server non ha finito di rispondere entro il suo tempo massimo (100 secondi se `timeout` non è impostato). Il più delle volte il server non ha mai salutato: la porta si aspetta la crittografia fin dal primo byte ("SSL alla connessione", porta 465), che il sistema di invio di ASP.NET non sa fare.
if-port-is-465-change-c94da191 = Se `port` è `465`, cambiala in `587` e imposta `enableSsl` su `true`.
otherwise-run-this-tester-with-10f4acc3 = Altrimenti, esegui questo tester con le stesse impostazioni: mostra il passaggio in cui il server smette di rispondere.
the-program-that-sends-your-81bb5371 = Il programma che invia la tua posta ha annullato l'invio da sé
the-operation-was-canceled-means-e40cc474 = "The operation was canceled" significa che l'invio è stato interrotto dal codice stesso del programma, non rifiutato dal server di posta: le librerie di posta .NET come MailKit lo dicono quando chi le chiama annulla, per esempio quando la richiesta web che invia la posta finisce prima o scade il tempo massimo dell'applicazione. Non dice ancora nulla sul funzionamento delle impostazioni di posta.
test-the-same-settings-with-74a36907 = Prova le stesse impostazioni con questo tester: mostra se il server le accetta.
if-the-test-works-ask-3b9483ea = Se il test funziona, chiedi al tuo sviluppatore se il sito annulla l'invio troppo presto (un tempo massimo breve, o una richiesta che finisce prima che la posta sia inviata).
this-is-the-server-for-cde919ef = Questo è il server per leggere la posta, non quello per inviarla
the-port-answered-like-an-bc793875 = La porta ha risposto come un server IMAP o POP3: il server che un programma di posta usa per leggere la casella. Un sito invia tramite il server SMTP, che ha una sua porta e spesso un suo nome (`smtp.` invece di `imap.`, `pop.` o `mail.`).
change-port-to-587-and-9103f925 = Cambia `port` in `587` e imposta `enableSsl` su `true`: la porta abituale per l'invio.
if-it-still-fails-look-47a17eb2 = Se non funziona ancora, cerca il "server della posta in uscita (SMTP)" nelle istruzioni del tuo provider e metti quel nome in `host`.
the-server-accepted-the-connection-ee71a7a7 = Il server ha accettato la connessione ma non ha mai risposto
a-mail-server-greets-a-a2e73efe = Un server di posta saluta subito una nuova connessione. Questo è rimasto in silenzio, anche quando il test è iniziato con la crittografia, quindi non sta aspettando SSL alla connessione: il server potrebbe essere sovraccarico, oppure un firewall o un filtro lungo il percorso tiene aperte le connessioni senza lasciar passare nulla.
check-host-and-port-against-b14f8d04 = Confronta `host` e `port` con le istruzioni del tuo provider per inviare posta (di solito la porta `587`).
if-it-stays-silent-ask-069de325 = Se resta in silenzio, chiedi alla tua società di hosting se filtra le connessioni di posta in uscita (molte tengono aperta la porta `25` senza lasciar passare nulla).

## src/diagnosis/texts/oauth.rs

the-mail-server-refused-the-c36aa8ff = Il server di posta ha rifiutato il token di accesso
oauth-means-signing-in-with-bde56524 = OAuth significa accedere con un token di Microsoft o Google invece che con una password. Il server ha rifiutato questo token: può essere scaduto, destinato a un altro servizio o a un'altra casella, oppure l'app dietro il token potrebbe non essere ancora abilitata a inviare posta.
get-a-new-token-and-beea9d01 = Ottieni un nuovo token e ripeti il test (i token durano circa un'ora).
check-that-username-is-the-b1f08c04 = Controlla che `userName` sia la casella per cui è stato emesso il token.
check-the-app-s-permission-e05ab3e6 = Controlla l'autorizzazione dell'app a inviare posta (Microsoft 365: SMTP.SendAsApp con il consenso dell'amministratore, l'entità servizio e l'autorizzazione sulla casella; Google: l'ambito https://mail.google.com/).
this-server-does-not-offer-a3b68dfd = Questo server non offre l'accesso con un token
the-server-offers-no-oauth-3a29dae0 = Il server non offre l'accesso OAuth (XOAUTH2 o OAUTHBEARER) su questa connessione, quindi il token non è stato inviato. Solo alcuni provider accettano i token, soprattutto Microsoft 365 e Google.
check-host-and-port-microsoft-ab58eb61 = Controlla `host` e `port`: Microsoft 365 è smtp.office365.com porta 587, Google smtp.gmail.com porta 587, entrambi con `enableSsl` attivo.
if-this-provider-takes-passwords-25d1840e = Se questo provider accetta le password, scegli Password come accesso e inserisci `userName` e `password`.
the-token-was-not-sent-ff28ae63 = Il token non è stato inviato perché la connessione non è crittografata
anyone-on-the-way-could-026cb93d = Chiunque lungo il percorso potrebbe copiare un token inviato su una connessione non crittografata e inviare posta a tuo nome finché non scade, quindi questo test non lo invia mai così.
turn-enablessl-on-starttls-and-ce9fc4ee = Attiva `enableSsl` (STARTTLS) e usa la porta 587, poi ripeti il test.
if-the-server-offers-no-4bbe69ad = Se il server non offre la crittografia su nessuna porta, non può accettare l'accesso OAuth in modo sicuro: chiedi al tuo provider la sua porta crittografata.
microsoft-did-not-accept-the-3a160626 = Microsoft non ha accettato il segreto client dell'app
before-any-mail-is-sent-633411c0 = Prima di inviare qualsiasi posta, l'app accede a Microsoft con il suo ID client e il suo segreto client (la password dell'app) per ottenere un token. Microsoft ha rifiutato il segreto: è scritto male, è scaduto, oppure è stato copiato l'ID del segreto invece del suo valore.
in-the-microsoft-entra-admin-c9835d8e = Nell'interfaccia di amministrazione di Microsoft Entra, apri App registrations (Registrazioni app) → la tua app → Certificates & secrets (Certificati e segreti) e crea un nuovo segreto client.
copy-its-value-shown-only-697d91d8 = Copia il suo Value (Valore, mostrato una sola volta), non il suo Secret ID, e ripeti il test con quello.
microsoft-does-not-know-this-75d6c55c = Microsoft non conosce questa app in questa organizzazione
no-app-with-this-client-6d868a30 = Nessuna app con questo ID client è registrata nell'organizzazione (tenant) indicata nel test. L'ID client è scritto male, oppure l'app si trova in un'altra organizzazione.
copy-the-application-client-id-674ef97a = Copia di nuovo l'Application (client) ID da App registrations → la tua app → Overview (Panoramica).
check-that-the-directory-tenant-64a4d76d = Controlla che il Directory (tenant) ID nella stessa pagina sia quello usato dal test.
microsoft-does-not-know-this-3b3cd9cd = Microsoft non conosce questa organizzazione (tenant)
the-tenant-identifies-your-organisation-0a1f62ed = Il tenant identifica la tua organizzazione presso Microsoft: il suo Directory (tenant) ID o uno dei suoi domini. Microsoft non ha trovato nessuna organizzazione con quel nome.
copy-the-directory-tenant-id-3f371c4a = Copia il Directory (tenant) ID da App registrations → la tua app → Overview, oppure usa il dominio della tua organizzazione (tuaazienda.onmicrosoft.com).
the-app-may-not-send-9ca8eb09 = L'app non può ancora inviare posta: un amministratore deve approvarla
the-app-asked-for-permission-565125cd = L'app ha chiesto l'autorizzazione a inviare posta, e nessuno con diritti di amministratore ha ancora approvato (dato il consenso a) quell'autorizzazione nella tua organizzazione.
in-app-registrations-your-app-d480bf7d = In App registrations → la tua app → API permissions, aggiungi Office 365 Exchange Online → Application permissions → SMTP.SendAsApp.
click-grant-admin-consent-a-0096d685 = Fai clic su "Grant admin consent" (Concedi il consenso amministratore; può farlo un amministratore globale o un amministratore dei ruoli con privilegi), poi ripeti il test.
getting-a-sign-in-token-346be9e3 = Non è stato possibile ottenere un token di accesso dal provider
before-any-mail-is-sent-5a4041b2 = Prima di inviare qualsiasi posta, il test chiede un token al servizio di accesso del provider. Quella richiesta è fallita, quindi il server di posta non è stato contattato affatto.
read-the-provider-s-message-c4926a58 = Leggi il messaggio del provider qui sotto; indica cosa non ha accettato.
check-the-tenant-client-id-423e50ed = Controlla il tenant, l'ID client e il segreto client, poi ripeti il test.

## src/diagnosis/texts/sending.rs

the-server-will-not-pass-322f9063 = Il server non inoltra la tua posta ad altri indirizzi
relaying-passing-mail-on-to-e7749b8a = L'inoltro (relay: passare la posta a indirizzi fuori dai domini del server) è consentito solo agli utenti che hanno eseguito l'accesso o ai mittenti conosciuti, e questa connessione non è stata considerata tale. Di solito non è avvenuto nessun accesso, oppure la porta è pensata per ricevere posta, non per inviarla.
fill-in-username-usually-your-960bb2d1 = Compila `userName` (di solito il tuo indirizzo email completo) e `password`, e imposta `defaultCredentials` su `false`.
use-port-587-with-enablessl-87cafacb = Usa `port` `587` con `enableSsl` impostato su `true`.
if-your-hosting-company-lets-00fadcde = Se la tua società di hosting lascia inviare i siti senza password, chiedile di autorizzare l'indirizzo del server su cui gira il tuo sito.
the-server-will-not-send-6bfece32 = Il server non invia posta da questo indirizzo mittente
the-sender-address-from-must-34e8cbf7 = L'indirizzo mittente (`from`) deve essere uno di quelli con cui l'account può inviare: di solito la casella con cui accedi, o un indirizzo che il tuo provider ha verificato. Questo non è nell'elenco.
set-from-to-the-same-14aaa3c1 = Imposta `from` sullo stesso indirizzo di `userName`.
or-ask-your-provider-or-5ba176df = Oppure chiedi al tuo provider o amministratore di consentire questo indirizzo mittente, per esempio verificandolo o concedendo l'autorizzazione "Send As" (Invia come).
the-server-refused-the-address-99174203 = Il server ha rifiutato l'indirizzo a cui è stato inviato il test
your-settings-got-through-but-8c28461a = Le tue impostazioni sono passate, ma il destinatario del test è stato rifiutato: l'indirizzo potrebbe non esistere, oppure la sua casella al momento non può ricevere posta. Questo riguarda l'indirizzo del test, non il tuo web.config.
check-the-send-the-test-55d34997 = Controlla che l'indirizzo in "Invia il test a" non contenga errori di battitura.
send-the-test-to-another-bc94762a = Invia il test a un altro indirizzo tuo, per esempio quello in `from`.
the-server-refused-the-message-01dd6462 = Il server ha rifiutato il messaggio stesso
the-connection-and-sign-in-10c93ba1 = La connessione e l'accesso hanno funzionato, ma il messaggio è stato rifiutato: per esempio era troppo grande, sembrava spam, oppure il dominio del mittente non ha superato i controlli SPF o DKIM (record DNS che dimostrano che un server può inviare posta per il tuo dominio).
read-the-server-s-reply-830e27f9 = Leggi la risposta del server qui sotto: di solito indica il motivo.
if-it-mentions-spf-dkim-4056d896 = Se parla di SPF, DKIM o DMARC, chiedi a chi gestisce il DNS del tuo dominio di aggiungere i record indicati dal tuo provider di posta.
to-see-whether-the-domain-caf4671e = Per capire se la causa è il dominio, imposta `from` su un indirizzo del dominio del tuo provider di posta e ripeti il test.
this-mail-account-is-blocked-d848b535 = Questo account di posta è bloccato e non può inviare
the-provider-has-stopped-this-11d4a609 = Il provider ha impedito a questo account di inviare, spesso dopo aver notato attività insolite come spam inviato con una password rubata. Solo il provider o il tuo amministratore possono togliere il blocco.
sign-in-to-your-webmail-e8982548 = Accedi alla tua webmail e cerca un messaggio su un account bloccato o limitato.
change-the-account-s-password-ac418634 = Cambia la password dell'account (qualcun altro potrebbe conoscerla), poi metti quella nuova in `password`.
ask-your-provider-or-administrator-2b83a423 = Chiedi al tuo provider o amministratore di togliere il blocco dell'invio (in Microsoft 365: Defender → Entità con restrizioni).
the-server-asks-to-slow-8249af09 = Il server chiede di rallentare e riprovare più tardi
providers-limit-how-much-mail-f9900a0a = I provider limitano quanta posta un account o un indirizzo internet può inviare in un certo tempo. Quel limite è stato raggiunto, oppure il server è prudente con questa connessione per un po'; si risolve da solo.
wait-15-to-60-minutes-07d89075 = Aspetta da 15 a 60 minuti e ripeti il test.
if-your-website-sends-a-32eaf05a = Se il tuo sito invia molta posta, controlla i limiti di invio del tuo provider o usa un servizio di invio pensato per grandi volumi.
set-clientdomain-to-your-website-fae63d04 = Imposta `clientDomain` sul nome di dominio completo del tuo sito (per esempio `www.example.com`): alcuni server diffidano dei computer che si presentano come `localhost`.
the-server-asked-to-send-503e5275 = Il server ha chiesto di inviare di nuovo tra qualche minuto (greylisting)
some-servers-turn-away-the-f3e0dc99 = Alcuni server respingono di proposito il primo messaggio di un mittente che non conoscono ancora, e lo accettano quando arriva di nuovo qualche minuto dopo: si chiama greylisting, e non c'è niente di sbagliato nelle tue impostazioni o nell'indirizzo. ASP.NET però non invia di nuovo da solo: un messaggio respinto così va perso, a meno che il tuo sito non riprovi.
test-again-in-5-to-3f46aedd = Ripeti il test tra 5-15 minuti: dovrebbe essere accettato.
for-mail-that-matters-orders-40efb6b9 = Per la posta importante (ordini, reimpostazioni della password), invia tramite il server del tuo provider con accesso (porta `587`): la posta dei mittenti che hanno eseguito l'accesso non subisce il greylisting.
or-make-the-website-try-b16fc931 = Oppure fai in modo che il sito riprovi quando l'invio fallisce (una coda, o un nuovo tentativo dopo qualche minuto).
your-account-has-used-up-20d9b0fd = Il tuo account ha esaurito la sua quota di invio
the-provider-limits-how-much-f1851918 = Il provider limita quanta posta un account può inviare al giorno o al mese (o la vende a crediti), e questo account ha raggiunto il limite. Aspettare qualche minuto non serve: il limite si azzera dopo al massimo un giorno, all'inizio del periodo successivo o quando si passa a un piano superiore.
wait-until-the-limit-resets-6a52ebd9 = Aspetta che il limite si azzeri (di solito 24 ore; per un piano mensile, il mese successivo) e ripeti il test.
check-that-your-website-is-39b0b049 = Controlla che il tuo sito non stia inviando molto più del dovuto: un modulo di contatto usato dagli spammer può esaurire qualsiasi quota.
if-your-website-really-needs-083b7d6f = Se il tuo sito ha davvero bisogno di più, chiedi al provider un limite più alto, oppure invia tramite un servizio pensato per i siti web (SendGrid, Mailgun, Amazon SES, Brevo).
the-server-had-a-temporary-10581399 = Il server ha avuto un problema temporaneo
the-server-answered-with-a-0008d626 = Il server ha risposto con un codice "riprova più tardi" (uno che inizia con 4), il che significa che il problema dovrebbe risolversi senza alcuna modifica da parte tua.
if-it-keeps-happening-send-0dc4deb9 = Se continua a succedere, manda la risposta del server al tuo provider di posta.
meanwhile-keep-host-port-and-f176ef63 = Nel frattempo, lascia `host`, `port` e `enableSsl` come sono.
we-don-t-recognise-this-718ec519 = Non riconosciamo questo problema
the-test-stopped-with-a-fda2c04f = Il test si è fermato con un messaggio per cui non abbiamo ancora una spiegazione. I dettagli mostrano esattamente cosa hanno detto il server o questo computer.
look-in-the-server-s-cd1cf764 = Cerca nella risposta del server un codice come `535` o `5.7.8` e un breve motivo, e mandali al tuo provider di posta.
check-host-port-and-enablessl-dce5d8be = Confronta `host`, `port` e `enableSsl` con le istruzioni del tuo provider.
save-the-report-it-leaves-9e9a3053 = Salva il rapporto (non contiene la tua password) e mandalo all'assistenza della tua società di hosting.
sending-failed-and-this-part-b5549368 = L'invio è fallito, e questa parte del messaggio non dice perché
failure-sending-mail-is-only-5e94f296 = "Failure sending mail" è solo il messaggio esterno: il motivo è nell'eccezione interna che lo segue (dopo "--->") nel registro degli errori completo.
copy-the-whole-error-including-0a4fa195 = Copia l'intero errore, comprese le righe dopo "--->", e incollalo di nuovo qui.
or-run-the-test-in-cd3c3210 = Oppure esegui il test in questo programma con le stesse impostazioni: mostra il passaggio esatto che fallisce.
meanwhile-check-host-port-and-b6ee72c6 = Nel frattempo, confronta `host`, `port` e `enableSsl` con le istruzioni del tuo provider.
we-don-t-recognise-this-689d3f81 = Non riconosciamo questo messaggio
it-contains-no-mail-server-31c9c54f = Non contiene nessun codice di risposta di un server di posta (come `535` o `5.7.8`) e nessun errore che conosciamo di ASP.NET, PHPMailer, Nodemailer, Python o MailKit.
paste-the-whole-error-including-72e71f75 = Incolla l'intero errore, comprese eventuali righe dopo "--->" o "Caused by": la causa spesso è alla fine.
look-for-a-three-digit-50926ef1 = Cerca un codice di tre cifre che inizia con 4 o 5 (come `550`) o un codice come `5.7.1`, e le parole che lo seguono: sono il motivo del server.
or-run-the-test-in-98479cfe = Oppure esegui il test in questo programma con i tuoi `host`, `port` e `enableSsl`: mostra il passaggio esatto che fallisce.
this-account-may-sign-in-debe5d24 = Questo account può accedere solo dagli indirizzi elencati dal suo provider
the-provider-lets-this-account-8646e994 = Il provider permette a questo account di accedere solo dagli indirizzi internet (indirizzi IP) elencati nelle sue impostazioni, e l'indirizzo da cui è arrivata la richiesta non è tra questi. La password non è stata nemmeno controllata.
in-your-mail-provider-s-50eeb67e = Nel pannello di controllo del tuo provider di posta, apri le impostazioni SMTP dell'account e trova l'elenco degli indirizzi IP consentiti.
add-your-web-server-s-7d9995ed = Aggiungi l'indirizzo IP pubblico del tuo server web (la tua società di hosting può dirti qual è).
to-run-this-tester-from-3402b27a = Per eseguire questo tester anche da un altro computer, aggiungi anche l'indirizzo di quel computer, oppure chiedi al tuo provider di togliere la restrizione.
your-website-could-not-read-f7b4fedd = Il tuo sito non è riuscito a leggere uno degli indirizzi email
the-specified-string-is-not-8907296d = "The specified string is not in the form required for an e-mail address" viene da ASP.NET stesso, prima che venga contattato qualsiasi server di posta: l'indirizzo `from`, o un indirizzo che il sito mette in A, Cc o Ccn, contiene un errore di battitura (una @ mancante, uno spazio, due indirizzi in un campo).
check-from-in-web-config-26d1a3fb = Controlla `from` in web.config: un solo indirizzo come `info@example.com` (può essere preceduto da un nome: `Shop <info@example.com>`).
if-from-is-right-the-a6e15de4 = Se `from` è giusto, l'indirizzo viene dal sito stesso (un modulo compilato da un visitatore, o un'impostazione del sito): chiedi al tuo sviluppatore di controllare gli indirizzi prima dell'invio.
the-server-refused-and-your-051e3698 = Il server ha rifiutato, e il registro del tuo sito non dice perché
syntax-error-command-unrecognized-is-23a7ab1e = "Syntax error, command unrecognized." è ciò che il sistema di invio di ASP.NET scrive per qualsiasi risposta del server il cui codice non sa nominare (per esempio il 535 di una password rifiutata). Senza le parole del server che lo seguono, il registro non può dire quale impostazione è sbagliata.
if-the-log-goes-on-c96ac828 = Se il registro continua con "The server response was:", incolla anche quella riga.
run-the-test-here-with-8c3a56a5 = Esegui qui il test con le stesse impostazioni: mostra la risposta del server parola per parola e cosa significa.
an-address-has-letters-asp-508530c0 = Un indirizzo ha lettere che ASP.NET invia solo con un'impostazione
the-client-or-server-is-874f1000 = "The client or server is only configured for E-mail addresses with ASCII local-parts" significa che l'indirizzo indicato alla fine ha lettere diverse da quelle dell'inglese semplice prima della @ (come ö o é). ASP.NET invia questi indirizzi solo con `deliveryFormat="International"`, e solo tramite un server di posta che offre SMTPUTF8 (lo standard per gli indirizzi internazionali).
if-the-address-is-from-d8b5febf = Se l'indirizzo è `from`, usane uno con lettere semplici prima della @.
if-it-is-a-customer-30b90862 = Se è l'indirizzo di un cliente, aggiungi `deliveryFormat="International"` a `<smtp>` in web.config (.NET Framework 4.5 o più recente) ed esegui qui il test per verificare che il tuo server di posta offra SMTPUTF8.

## src/diagnosis/texts/tls.rs

the-server-wants-an-encrypted-bcbb2dd1 = Il server vuole una connessione crittografata
the-server-will-not-go-b13a1048 = Il server non va avanti finché la connessione non è crittografata con STARTTLS (il modo in cui un server di posta passa a una connessione crittografata). In web.config, `enableSsl="true"` lo attiva.
use-port-587-the-usual-d29b1fcf = Usa `port` `587` (la porta abituale per inviare dai siti web), a meno che il tuo provider non dica altrimenti.
the-server-does-not-offer-345a167c = Il server non offre una connessione crittografata su questa porta
with-enablessl-on-asp-net-bc209598 = Con `enableSsl` attivo, ASP.NET chiede STARTTLS (il modo in cui un server di posta passa a una connessione crittografata), e questo server non l'ha offerto, quindi ASP.NET si ferma con "Server does not support secure connections". Di solito la porta o il server non sono quelli di invio del provider, oppure la crittografia del server non è configurata.
check-host-and-port-against-3146a584 = Confronta `host` e `port` con le istruzioni del tuo provider; se `port` è `25`, prova `587`.
ask-your-mail-provider-whether-e9b014ae = Chiedi al tuo provider di posta se questo server supporta STARTTLS, e su quale porta.
turning-enablessl-off-would-send-df98f72a = Disattivare `enableSsl` invierebbe la tua password senza crittografia (leggibile da chiunque lungo il percorso): consideralo solo se il tuo provider conferma che il server è sulla tua rete privata.
this-port-starts-unencrypted-and-8eab0593 = Questa porta inizia senza crittografia e passa alla crittografia più tardi
one-side-started-encrypting-straight-ebbd67b5 = Una parte ha iniziato subito a crittografare ("SSL alla connessione") mentre l'altra si aspettava prima testo in chiaro e poi il passaggio con STARTTLS (il modo in cui un server di posta passa a una connessione crittografata). I due modi non si combinano, quindi l'handshake (lo scambio che avvia la crittografia) è fallito.
keep-this-port-and-set-14145fd0 = Lascia questa porta e imposta `enableSsl` su `true` (negli altri programmi, scegli "STARTTLS" o "TLS" invece di "SSL").
or-in-programs-other-than-6eb280ba = Oppure, nei programmi diversi da ASP.NET, lascia "SSL" e cambia la porta in `465`, se il tuo provider la supporta.
the-encrypted-connection-could-not-38a20e5a = Non è stato possibile stabilire la connessione crittografata
the-handshake-the-exchange-that-d77564bd = L'handshake (lo scambio che avvia la crittografia) è fallito. Le cause più comuni sono un server che conosce solo vecchie versioni della crittografia (TLS 1.0 o 1.1, che i programmi moderni rifiutano), un server con la crittografia configurata male, oppure un programma di sicurezza su questo computer che interferisce con le connessioni crittografate.
test-again-in-a-few-b2d0d9dc = Ripeti il test tra qualche minuto: alcuni server hanno problemi di crittografia di breve durata.
send-the-transcript-to-your-6a58275d = Manda la trascrizione al tuo provider di posta e chiedi se il server supporta TLS 1.2 o più recente.
if-this-computer-runs-antivirus-bc7e4c13 = Se su questo computer c'è un antivirus che controlla la posta, sospendi il controllo della posta per un test, oppure chiedi al suo produttore.
the-server-s-encryption-is-47c71bd6 = La crittografia del server al momento non funziona
the-server-offers-starttls-the-a70908db = Il server offre STARTTLS (il modo in cui un server di posta passa a una connessione crittografata) ma ha rifiutato di avviarlo, dicendo che la crittografia non è disponibile: un problema del server, di solito passeggero (non è riuscito a caricare il suo certificato). Le tue impostazioni sono giuste.
if-it-lasts-tell-your-775241a7 = Se continua, avvisa il tuo provider di posta che il server risponde a STARTTLS con "TLS not available" (la trascrizione mostra le parole esatte).
do-not-switch-encryption-off-f58feb01 = Non disattivare la crittografia per aggirare il problema: la tua password attraverserebbe la rete leggibile da chiunque lungo il percorso.
the-mail-server-only-knows-f8184d45 = Il server di posta conosce solo una crittografia superata (TLS 1.0 o 1.1)
the-server-offered-only-tls-91482b71 = Il server ha offerto solo TLS 1.0 o 1.1, versioni della crittografia del 1999 e del 2006 che non sono più sicure. Questo test le rifiuta, come ogni programma aggiornato, e i provider di posta e Microsoft le hanno disattivate. Oggi il tuo sito potrebbe ancora connettersi se il suo server Windows consente TLS 1.0, ma non durerà: il server va aggiornato.
ask-your-mail-provider-or-b5203011 = Chiedi al tuo provider di posta o alla società di hosting di abilitare TLS 1.2 o più recente sul server di posta (qualsiasi software per server degli ultimi dieci anni può farlo).
or-send-through-a-provider-361887b5 = Oppure invia tramite un provider il cui server supporta TLS 1.2: cambia `host` (e `port`) con il suo server.
until-then-do-not-switch-9755bfec = Fino ad allora, non disattivare la crittografia per farlo funzionare: la password attraverserebbe la rete leggibile da chiunque lungo il percorso.
once-the-web-server-s-9cd19b68 = Quando il Windows del server web disattiverà TLS 1.0, il registro degli errori del tuo sito dirà "A call to SSPI failed, see inner exception." ("The client and server cannot communicate, because they do not possess a common algorithm"): vale la stessa soluzione.
the-server-s-security-certificate-04fd7a4d = Il certificato di sicurezza del server è per un altro nome di server
a-certificate-the-server-s-dd0086e8 = Un certificato (la prova d'identità del server) elenca i nomi per cui è valido, e il nome in `host` non è tra questi. Succede spesso con l'hosting condiviso, dove il certificato riporta il nome del server della società di hosting invece del tuo dominio.
change-host-to-a-name-ee8ec06c = Cambia `host` con un nome per cui il certificato è valido (di solito il pannello di controllo dell'hosting lo mostra come nome del server di posta).
if-the-name-must-stay-880e7635 = Se il nome deve restare quello, chiedi alla tua società di hosting di aggiungerlo al certificato.
the-server-s-security-certificate-354d75d4 = Il certificato di sicurezza del server non è attendibile
the-certificate-the-server-s-4ec64fb5 = Il certificato (la prova d'identità del server) non è garantito da nessuna autorità di cui questo computer si fida. Potrebbe essere autofirmato (creato dal server per sé), il server potrebbe omettere il certificato intermedio che lo collega a un'autorità attendibile, oppure un programma di sicurezza su questa rete potrebbe sostituirlo.
ask-your-mail-provider-or-232ac121 = Chiedi al tuo provider di posta o alla società di hosting di installare un certificato di un'autorità pubblica (per esempio Let's Encrypt), compreso il suo certificato intermedio.
if-the-server-belongs-to-8f76e621 = Se il server appartiene alla tua organizzazione e usa un'autorità privata, dai al test il certificato di quell'autorità in "File CA aggiuntivo" in Avanzate (`--ca-file` dalla riga di comando); anche il server su cui gira il tuo sito deve fidarsene.
or-change-host-to-the-8c9dc251 = Oppure cambia `host` con il nome di server consigliato dal tuo provider: di solito ha un certificato valido.
the-server-s-security-certificate-d63d22af = Il certificato di sicurezza del server è scaduto
a-certificate-the-server-s-572e2148 = Un certificato (la prova d'identità del server) è valido solo per un periodo stabilito, e questo è fuori da quel periodo. I programmi di posta, ASP.NET compreso, rifiutano un server così per tenere al sicuro la tua password.
tell-your-mail-provider-or-98ff1f18 = Avvisa il tuo provider di posta o la società di hosting che il certificato del server di posta è scaduto; solo loro possono rinnovarlo.
check-that-this-computer-s-216e1f80 = Controlla che data e ora di questo computer siano corrette: un orologio sbagliato fa sembrare scaduti dei certificati validi.
the-server-s-security-certificate-45756667 = Il certificato di sicurezza del server non è ancora valido
a-certificate-the-server-s-e8a30f57 = Un certificato (la prova d'identità del server) è valido solo a partire da una certa data, e secondo l'orologio di questo computer quella data non è ancora arrivata. Di solito è sbagliato l'orologio di questo computer; più raramente il server ha un certificato con una data futura.
check-that-this-computer-s-0e843109 = Controlla che data, ora e fuso orario di questo computer siano corretti, poi ripeti il test.
if-the-clock-is-right-8f493c61 = Se l'orologio è giusto, avvisa il tuo provider di posta che il certificato del server di posta non è ancora valido.
the-server-wants-an-encrypted-fa383e8e = Il server vuole una connessione crittografata o un accesso
asp-net-shows-this-message-0837b825 = ASP.NET mostra questo messaggio per due rifiuti diversi: il server vuole la crittografia con STARTTLS (il modo in cui un server di posta passa a una connessione crittografata), oppure vuole prima un accesso. Le parole del server dopo "The server response was:" dicono quale dei due.
set-enablessl-to-true-and-8c899e5c = Imposta `enableSsl` su `true` e usa `port` `587`.
test-again-if-it-still-548726f4 = Ripeti il test; se fallisce ancora, la risposta del server dice quale dei due manca.
your-website-and-the-mail-074c2270 = Il tuo sito e il server di posta non hanno trovato una versione di crittografia che parlino entrambi
the-remote-party-has-closed-5bd76f7e = "The remote party has closed the transport stream" e "do not possess a common algorithm" significano che l'handshake della crittografia è fallito prima che venisse inviato qualsiasi cosa. Ormai i server di posta accettano solo TLS 1.2 o più recente, mentre i siti .NET Framework che puntano alla versione 4.5.2 o precedente offrono di default solo TLS 1.0: è la causa più comune.
check-targetframework-in-web-config-52086986 = Controlla `targetFramework` in web.config (`<httpRuntime targetFramework="…" />`): se è 4.5.2 o inferiore, scrivi `<httpRuntime targetFramework="4.8" />` (.NET Framework 4.8 deve essere installato sul server web; il tuo hosting può dirtelo).
or-have-your-developer-add-de3780a8 = Oppure fai aggiungere al tuo sviluppatore `ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;` dove il sito si avvia.
if-the-site-already-targets-957e6eff = Se il sito punta già alla versione 4.7 o più recente, esegui qui il test con le stesse impostazioni: mostra se il server stesso ha un problema con la crittografia.

## src/discover/autoconfig.rs

the-file-names-no-outgoing-da3cda86 = il file non indica nessun server SMTP per la posta in uscita
tls-set-up-failed-err-0e784387 = configurazione TLS fallita ({ $err })
could-not-set-up-the-7a58deaf = impossibile preparare il download ({ $err })
the-web-server-answered-status-bb1a36ee = il server web ha risposto { $status }
the-file-is-far-too-8ea85755 = il file è decisamente troppo grande per un file autoconfig
no-answer-in-time-132d9f04 = nessuna risposta in tempo
could-not-connect-87553579 = impossibile connettersi
the-download-failed-6b35b8c9 = il download è fallito
no-answer-in-time-cause-dd991151 = nessuna risposta in tempo: { $cause }
could-not-connect-cause-d51a1172 = impossibile connettersi: { $cause }
the-download-failed-cause-7b220fc2 = il download è fallito: { $cause }

## src/discover/mod.rs

this-computer-s-dns-settings-df57410c = le impostazioni DNS di questo computer
cancelled-before-a-usable-server-e60f4d58 = Annullato prima di trovare un server utilizzabile.

## src/discover/model.rs

the-host-you-gave-b4172f6e = l'host che hai indicato
srv-record-submission-tcp-fd4f9e08 = record SRV _submission._tcp
srv-record-submissions-tcp-6f770ec3 = record SRV _submissions._tcp
provider-recognised-from-mx-6cfcf862 = provider riconosciuto dal record MX
autoconfig-file-74e867c6 = file autoconfig
mx-record-7aaa82a5 = record MX
usual-name-8ddec150 = nome abituale
dns-settings-dc95a679 = impostazioni DNS
nothing-527dae8a = niente
open-d35ec4c9 = aperta
refused-60acd1e3 = rifiutata
timed-out-9a0e1624 = scaduta
name-not-found-b063b887 = nome non trovato
unreachable-d89e21f1 = non raggiungibile
cancelled-845df81c = annullata

## src/discover/probe.rs

host-has-no-address-detail-775916bb = { $host } non ha un indirizzo: { $detail }

## src/discover/rank.rs

internet-providers-and-cloud-hosts-c4d8c14d = I provider internet e gli hosting cloud spesso bloccano in uscita la porta 25 (e a volte la 465 e la 587). Questo controllo è stato eseguito da questo computer: il server su cui gira il tuo sito potrebbe avere blocchi diversi, quindi se il sito continua a non connettersi, chiedi al suo hosting se blocca le porte di posta in uscita.
found-through-the-source-c322eaae = Trovato tramite: { $source }.
host-answers-but-its-certificate-58712b2f = { $host } risponde, ma il suo certificato è per { $name }, quindi la connessione sicura fallirebbe. Usa invece { $name } come host (esegui `mailtester probe --host { $name }` per verificarlo).
the-only-secure-server-found-5b1b0033 = L'unico server sicuro trovato usa SSL alla connessione (porta 465), che System.Net.Mail di ASP.NET non può usare. Chiedi al tuo provider di posta un server con STARTTLS sulla porta 587, oppure usa un servizio di invio posta.
no-server-answered-on-any-1152159c = Nessun server ha risposto su nessuna porta da questo computer. Controlla l'indirizzo, oppure prova da un'altra rete: questa potrebbe bloccare le porte di posta in uscita.
no-server-offered-an-encrypted-3a856083 = Nessun server ha offerto una connessione crittografata con un accesso che il tuo sito possa usare. Chiedi al tuo provider di posta quale server della posta in uscita (SMTP), quale porta e quale sicurezza usare.
this-name-does-not-exist-3844c68d = Questo nome non esiste nel DNS.
not-finished-cancelled-052fcd59 = Non terminato: annullato.
port-port-refused-the-connection-78196336 = La porta { $port } ha rifiutato la connessione: lì niente accetta posta.
no-answer-on-port-port-f2d9fb6a = Nessuna risposta sulla porta { $port }: è bloccata lungo il percorso, oppure il server la ignora.
could-not-reach-port-port-e626ab15 = Impossibile raggiungere la porta { $port } da questo computer.
port-port-accepts-connections-but-c44f4dbc = La porta { $port } accetta connessioni ma non saluta mai come un server di posta.
port-port-wants-ssl-on-08854b61 = La porta { $port } vuole SSL alla connessione, che ASP.NET (System.Net.Mail) non sa fare; non usarla mai in web.config.
unencrypted-enablessl-false-this-server-4741a147 = Non crittografata (enableSsl="false"): questo server offre STARTTLS, quindi lascia SSL attivo.
unencrypted-with-no-sign-in-dd28ec6f = Non crittografata, senza accesso offerto: solo un relay che conosce l'indirizzo del tuo server accetterebbe posta qui.
unencrypted-the-password-would-cross-99107547 = Non crittografata: la password attraverserebbe la rete leggibile da chiunque lungo il percorso; usa invece STARTTLS.
no-certificate-6f3ef809 = nessun certificato
certificate-trusted-9c31dd2b = certificato attendibile
the-certificate-is-for-name-3c436d2f = il certificato è per { $name }, non per { $host }: usa { $name } come host
the-certificate-is-not-for-5c16eb77 = il certificato non è per { $host }
the-certificate-has-expired-a80ab172 = il certificato è scaduto
the-certificate-is-not-from-dace93b1 = il certificato non è di un'autorità attendibile
the-certificate-is-not-valid-fd6b02ae = il certificato non è valido
what-accepted-because-invalid-certificat-654eb2c8 = { $what } (accettato perché i certificati non validi sono consentiti)

## src/discover/reasons.rs

ssl-on-connect-on-port-8381ea47 = SSL alla connessione sulla porta { $port } è fallito: { $problem }
starttls-on-port-port-failed-b828dcbf = STARTTLS sulla porta { $port } è fallito: { $problem }
ssl-on-connect-on-port-6006be8e = SSL alla connessione sulla porta { $port } funziona, ma { $what }.
starttls-on-port-port-works-0c771c86 = STARTTLS sulla porta { $port } funziona, ma { $what }.
ssl-on-connect-on-port-60ce1025 = SSL alla connessione sulla porta { $port } funziona ({ $certificate }), ma non viene offerto nessun accesso: solo un relay che conosce l'indirizzo del tuo server accetterebbe la posta.
starttls-on-port-port-works-f984c06d = STARTTLS sulla porta { $port } funziona ({ $certificate }), ma non viene offerto nessun accesso: solo un relay che conosce l'indirizzo del tuo server accetterebbe la posta.
ssl-on-connect-on-port-90b0d615 = SSL alla connessione sulla porta { $port } funziona, ma accede solo con { $offered }, e ASP.NET accede con LOGIN.
starttls-on-port-port-works-d8016efd = STARTTLS sulla porta { $port } funziona, ma accede solo con { $offered }, e ASP.NET accede con LOGIN.
ssl-on-connect-on-port-93cce076 = SSL alla connessione sulla porta { $port } con accesso ({ $offered }) dopo la crittografia, { $certificate }.
starttls-on-port-port-with-70b23d3e = STARTTLS sulla porta { $port } con accesso ({ $offered }) dopo la crittografia, { $certificate }.

## src/discover/request.rs

given-is-not-an-email-aba196ff = "{ $given }" non è un indirizzo email o un nome di server che possiamo cercare; indicane uno come --email you@example.com o --host mail.example.com
could-not-use-the-certificate-48b99cc8 = impossibile usare il file di certificato ({ $detail }); indica un file PEM o DER (.cer) con --ca-file: { $path }

## src/discover/run.rs

built-in-roots-418ee249 = (certificati radice integrati)
autoconfig-for-domain-b5ed5741 = autoconfig per { $domain }
no-answer-from-dns-in-36c18acb = nessuna risposta dal DNS in tempo
no-address-690ce026 = nessun indirizzo

## src/discover/sources.rs

the-mx-hosts-against-the-97badb2f = gli host MX confrontati con l'elenco dei provider
no-known-provider-runs-these-45681bfb = nessun provider conosciuto gestisce questi host MX
the-usual-names-for-domain-e2a756b7 = i nomi abituali per { $domain }
no-such-record-f2abe916 = record inesistente

## src/dns.rs

could-not-read-this-computer-ef192af0 = impossibile leggere le impostazioni DNS di questo computer ({ $detail }); indica un server DNS con --dns-server, per esempio --dns-server 1.1.1.1:53
could-not-set-up-dns-dc830dd9 = impossibile preparare le ricerche DNS ({ $detail }); controlla --dns-server
could-not-read-all-of-2aebf030 = impossibile leggere tutte le impostazioni DNS di questo computer ({ $error }); uso i server DNS pubblici { $servers }. Indicane un altro con l'impostazione del server DNS (--dns-server).
could-not-read-all-of-8d6abebb = impossibile leggere tutte le impostazioni DNS di questo computer ({ $error }); uso i suoi altri server DNS ({ $servers }). Indicane un altro con l'impostazione del server DNS (--dns-server).
text-is-not-an-ip-3e862c8c = "{ $text }" non è un indirizzo IP con una porta facoltativa, come 1.1.1.1:53

## src/event.rs

resolve-host-96e6a1b3 = ricerca dell'host
connect-aae0ccf9 = connessione
tls-handshake-8af0d15f = handshake TLS
greeting-d4edbfb6 = saluto
sign-in-auth-c6f2a51c = accesso (AUTH)
connect-db89a899 = Connessione
secure-connection-03f2ee68 = Connessione sicura
sign-in-744be623 = Accesso
send-message-d97db31c = Invio del messaggio
t-1-ms-94c7ac32 = <1 ms
ms-ms-f79070b7 = { $ms } ms

## src/files.rs

it-is-not-a-regular-f71db6cc = non è un file normale

## src/fleet/iis.rs

line-line-column-column-problem-e86e7c22 = riga { $line }, colonna { $column }: { $problem }
line-line-column-column-23009a9d = riga { $line }, colonna { $column }
the-file-could-not-be-08983729 = impossibile leggere il file
iis-s-list-of-sites-26e20999 = impossibile leggere l'elenco dei siti di IIS: { $err }
iis-site-name-its-folder-f50c08fe = Sito IIS "{ $name }": la sua cartella contiene { $variable }, che qui non è impostata
iis-site-name-its-folder-8d62d056 = Sito IIS "{ $name }": la sua cartella è un percorso Windows, che qui non si può aprire; esegui la scansione sul server Windows stesso
iis-site-name-its-folder-d89eb25d = Sito IIS "{ $name }": la sua cartella non esiste

## src/fleet/judge.rs

the-server-answered-as-this-ad49dbb9 = Il server ha risposto come serve a questo sito; non è stato trovato nulla che blocchi la sua posta.
this-website-s-mail-program-1a7b3381 = il programma di posta di questo sito
port-465-expects-ssl-on-af8f9883 = La porta 465 si aspetta SSL alla connessione, che ASP.NET non sa fare: aspetterà un saluto che non arriva mai
nothing-in-the-files-stops-d06c6341 = Nei file non c'è nulla che la blocchi; il server non è stato contattato (--offline).

## src/fleet/model.rs

the-mail-settings-are-encrypted-a053936c = le impostazioni di posta sono crittografate (aspnet_regiis -pe); decrittografale sul server per controllarle
the-file-could-not-be-695620a2 = impossibile leggere il file come { $what }: { $detail }
the-file-could-not-be-576c03c8 = impossibile aprire il file: { $arg0 }
the-file-is-0-bytes-1ce04a19 = il file è di { $arg0 } byte, troppo grande per un file di configurazione; saltato
the-file-holds-binary-data-062499d0 = il file contiene dati binari, non testo; saltato

## src/fleet/read/appsettings.rs

the-mail-section-s-port-af08395b = la porta della sezione della posta non è un numero intero
securesocketoptions-is-not-one-of-8884005f = SecureSocketOptions non è uno tra None, Auto, SslOnConnect, StartTls, StartTlsWhenAvailable (o da 0 a 4)
the-mail-section-s-ssl-6926e20b = l'interruttore SSL della sezione della posta non è né true né false
the-file-ends-inside-a-4c672aa5 = il file finisce dentro un valore (una parentesi o delle virgolette non sono chiuse)
this-is-not-valid-json-d2ad7323 = questo non è un JSON valido (manca una virgola, una virgoletta o una parentesi?)
line-line-a-comment-starts-d2dcdf02 = riga { $line }: qui inizia un commento /* che non viene mai chiuso

## src/fleet/read/dotenv.rs

mail-scheme-must-be-smtp-12aa34e8 = MAIL_SCHEME deve essere smtp o smtps: Laravel rifiuta qualsiasi altro valore e non invia posta (per SSL alla connessione scrivi smtps, oppure usa la porta 465)
mail-port-is-not-a-878b9e36 = MAIL_PORT non è un numero intero
mailer-dsn-is-empty-in-0c586ff2 = MAILER_DSN è vuoto in questo file .env: il server di posta in uso è impostato in .env.local (o .env.prod.local) o nell'ambiente del server
key-in-the-env-file-46fc61eb = { $key } nel file .env prende il suo valore da un'altra variabile, che il file non imposta: viene dall'ambiente del server (le impostazioni del server web o di PHP); controllala lì
key-in-the-env-file-bbcf231a = { $key } nel file .env prende il suo valore da { $variable }, che il file non imposta: viene dall'ambiente del server (le impostazioni del server web o di PHP); controllala lì
line-line-not-a-name-c3f707ea = riga { $line }: non è una riga NOME=valore (controlla le virgolette; un valore con spazi deve stare tra virgolette)

## src/fleet/read/dotenv_dsn.rs

key-names-several-mail-servers-49d562aa = { $key } indica più server di posta (failover o roundrobin): controllali uno per uno
key-is-not-a-mail-c141a1af = { $key } non è un indirizzo di server di posta che Symfony Mailer accetta (non ha uno schema come smtp://); la forma è smtp://user:password@host:port
key-is-not-a-mail-597b5d63 = { $key } non è un indirizzo di server di posta che Symfony Mailer accetta (non indica un host); la forma è smtp://user:password@host:port
key-is-not-a-mail-959f07e4 = { $key } non è un indirizzo di server di posta che Symfony Mailer accetta (la sua porta non è un numero intero); la forma è smtp://user:password@host:port

## src/fleet/read/webconfig.rs

the-mail-settings-are-kept-ac312744 = le impostazioni di posta sono in "{ $source }" (configSource), che non esiste
the-mail-settings-are-kept-34535e3f = le impostazioni di posta sono in "{ $source }" (configSource), che non indica un file; deve indicare un file accanto al web.config o in una sua sottocartella
the-mail-settings-are-kept-27850fc0 = le impostazioni di posta sono in "{ $source }" (configSource), un percorso assoluto, che non viene letto; deve indicare un file accanto al web.config o in una sua sottocartella
the-mail-settings-are-kept-ca9f69a5 = le impostazioni di posta sono in "{ $source }" (configSource), che è fuori dalla cartella del sito; deve indicare un file accanto al web.config o in una sua sottocartella
the-mail-settings-are-kept-31a5b4e0 = le impostazioni di posta sono in "{ $source }" (configSource), che porta fuori dalla cartella del sito (un collegamento simbolico); deve indicare un file accanto al web.config o in una sua sottocartella
the-xml-could-not-be-1fb3dcda = impossibile leggere l'XML
in-file-configsource-line-line-0c6d9a6f = in "{ $file }" (configSource), riga { $line }, colonna { $column }: { $problem }
the-mail-settings-are-kept-09fd0bbe = le impostazioni di posta sono in "{ $file }" (configSource), che inizia con <{ $root }> invece di <smtp>
the-first-element-is-root-6db531d1 = il primo elemento è <{ $root }>, non <configuration>
in-file-configsource-the-mail-d449392a = in "{ $file }" (configSource) non è stato possibile leggere le impostazioni di posta
the-mail-settings-could-not-4480c8b3 = impossibile leggere le impostazioni di posta
this-web-config-inherits-mail-b55d376d = questo web.config eredita le impostazioni di posta dal web.config di una cartella superiore, che non è stato possibile leggere ({ $err }): { $path }
attribute-value-is-not-true-5069d63f = { $attribute }="{ $value }" non è né true né false, quindi ASP.NET si ferma con un errore di configurazione
deliverymethod-value-is-not-network-a12fa162 = deliveryMethod="{ $value }" non è Network, SpecifiedPickupDirectory o PickupDirectoryFromIis, quindi ASP.NET si ferma con un errore di configurazione
port-value-is-not-a-25b8c42f = port="{ $value }" non è un numero intero, quindi ASP.NET si ferma con un errore di configurazione

## src/fleet/read/wordpress.rs

line-line-problem-02d07e14 = riga { $line }: { $problem }
wp-mail-smtp-s-constants-786694b4 = Le costanti di WP Mail SMTP sono attive, ma WPMS_MAILER non è impostata in wp-config.php: il sistema di invio usato da WP Mail SMTP è quello salvato nel database di WordPress (WP Mail SMTP > Impostazioni nell'amministrazione del sito), che questo controllo non legge
wp-mail-smtp-s-constants-7a02d053 = Le costanti di WP Mail SMTP sono attive, ma WPMS_SMTP_HOST non è impostata in wp-config.php: il server di posta in uso è quello salvato nel database di WordPress (WP Mail SMTP > Impostazioni nell'amministrazione del sito), che questo controllo non legge
name-is-defined-more-than-59afc853 = { $name } è definita più di una volta in wp-config.php con valori diversi (righe { $line } e { $other }); quale valga dipende da condizioni nel file: controllalo sul server
name-in-wp-config-php-b9b0d0ae = { $name } in wp-config.php (riga { $line }) è calcolata da codice PHP, non scritta come valore semplice; verifica sul server che valore dà per controllare questo sito
wp-mail-smtp-s-constants-6628db44 = Le costanti di WP Mail SMTP sono disattivate (WPMS_ON non è true) (WPMS_ON non è definita): le impostazioni in uso sono nel database di WordPress (WP Mail SMTP > Impostazioni nell'amministrazione del sito), che questo controllo non legge
wp-mail-smtp-s-constants-34b65098 = Le costanti di WP Mail SMTP sono disattivate (WPMS_ON non è true): le impostazioni in uso sono nel database di WordPress (WP Mail SMTP > Impostazioni nell'amministrazione del sito), che questo controllo non legge
wp-mail-smtp-s-constants-0e156393 = Le costanti di WP Mail SMTP sono disattivate (WPMS_ON non è true): WPMS_ON deve essere il valore PHP true, scritto senza virgolette: le impostazioni in uso sono nel database di WordPress (WP Mail SMTP > Impostazioni nell'amministrazione del sito), che questo controllo non legge

## src/fleet/read/wordpress_lexer.rs

a-quoted-string-starts-here-8301b510 = qui inizia una stringa tra virgolette che continua su più righe; il file finisce dentro una stringa, quindi probabilmente qui manca una virgoletta
a-quoted-string-starts-here-f2be9f2f = qui inizia una stringa tra virgolette che non viene mai chiusa
a-heredoc-string-starts-here-9a40e56f = qui inizia una stringa heredoc che non viene mai chiusa

## src/fleet/read/wordpress_php.rs

a-constant-s-definition-here-aa6ad48d = la definizione di una costante qui non viene mai chiusa

## src/fleet/report.rs

sites-broken-broken-at-risk-8ae33c1d = { $sites }: non funzionanti { $broken }, a rischio { $at_risk }, sconosciuti { $unknown }, OK { $ok }; { $servers }, non contattati (--offline)
sites-broken-broken-at-risk-5ceb8ca8 = { $sites }: non funzionanti { $broken }, a rischio { $at_risk }, sconosciuti { $unknown }, OK { $ok }; { $servers }, ciascuno contattato una volta

## src/fleet/scan.rs

not-trusted-problem-a72ac742 = non attendibile: { $problem }

## src/fleet/walk/load.rs

the-tester-failed-while-reading-45d644d4 = il tester ha avuto un errore durante la lettura (è un bug; segnalalo, per favore)
permission-denied-this-account-may-6fd3f362 = permesso negato: questo account non può leggerlo; esegui la scansione come un utente che può farlo (un amministratore, o root)
it-is-not-there-or-26791bda = non esiste (oppure è un collegamento simbolico a qualcosa che non esiste)

## src/fleet/walk.rs

a-symbolic-link-loop-it-3f5ee203 = un ciclo di collegamenti simbolici: riporta a una cartella superiore, quindi non è stato seguito: { $folder }
the-folder-to-scan-could-71e8ff6b = impossibile leggere la cartella da analizzare: { $reason }
it-could-not-be-read-e776a2b9 = impossibile leggerlo: { $reason }
could-not-be-read-err-a4a50f9d = impossibile leggerlo: { $err }

## src/gui/app.rs

saved-to-path-81572862 = Salvato in { $path }

## src/gui/app_data.rs

run-a-successful-test-first-a67cdc58 = Prima esegui un test riuscito: in web.config vanno solo impostazioni che funzionano.
path-already-has-these-settings-e3ba752a = { $path } ha già queste impostazioni: niente da cambiare.
web-config-updated-the-old-7f855d8e = web.config aggiornato. Il vecchio file è conservato come { $backup }.
web-config-already-had-these-7b4733bb = web.config aveva già queste impostazioni: non è stato scritto nulla.
password-filled-in-from-the-f2da34c8 = Password inserita dal portachiavi di sistema.

## src/gui/arrive.rs

will-it-arrive-06141c0a = Arriverà?
checking-the-dns-of-domain-b7ccbc42 = Controllo il DNS di { $domain }…
your-server-took-the-message-5ccd8281 = Il tuo server ha preso il messaggio. Se le caselle dei tuoi clienti lo accettano dipende da ciò che { $domain } pubblica nel DNS (SPF, DKIM e DMARC): Gmail, Outlook.com e altri lo controllano per ogni messaggio.
check-my-domain-abc31f65 = Controlla il mio dominio
name-0fe07306 = Nome
type-d155d06d = Tipo
copy-value-8902f3e5 = Copia valore
dns-record-803b41a1 = Record DNS

## src/gui/certificate_view.rs

valid-for-this-server-from-355e575b = Valido per questo server, emesso da un'autorità di cui questo computer si fida.
no-authority-this-computer-trusts-9bf7a28b = Nessuna autorità di cui questo computer si fida lo garantisce (autofirmato o di un'autorità privata): il tuo sito lo rifiuterà.
expired-or-not-valid-yet-5b17fef0 = Scaduto (o non ancora valido): il tuo sito lo rifiuterà.
issued-for-other-names-than-7a13a5e6 = Emesso per nomi diversi da questo server: il tuo sito lo rifiuterà.
issued-for-other-names-than-d98c0689 = Emesso per nomi diversi da questo server: usa invece { $name } come server.
not-acceptable-your-website-will-e8804bfb = Non accettabile: il tuo sito lo rifiuterà.
refused-problem-25d0d4f8 = Rifiutato: { $problem }
accepted-only-because-you-allowed-a802d3e1 = Accettato solo perché hai consentito i certificati non validi; il tuo sito lo rifiuterà: { $problem }
certificate-of-server-1a556eea = Certificato di { $server }
issued-for-6714067b = Emesso per
subject-a07924ef = Soggetto
issued-by-32d73b71 = Emesso da
valid-from-5c4db35f = Valido dal
valid-until-ae5379d5 = Valido fino al
key-cd1ac90c = Chiave
it-signs-itself-self-signed-ffdfbb41 = Si firma da solo (autofirmato).
close-cd86acc3 = Chiudi
the-server-showed-a-certificate-fc7f0c41 = Il server ha mostrato un certificato:
certificate-164f4d6c = Certificato…

## src/gui/clipboard.rs

the-clipboard-holds-no-text-0e51ef9b = Gli appunti non contengono testo. Seleziona il messaggio di errore, copialo (Ctrl+C), poi premi di nuovo Incolla e spiega.
could-not-read-the-clipboard-55ca3f2e = Impossibile leggere gli appunti ({ $error }). Fai clic nel riquadro e premi invece Ctrl+V.
could-not-read-the-clipboard-d8d75827 = Impossibile leggere gli appunti ({ $error }).

## src/gui/countdown.rs

ways-out-663fc101 = Soluzioni
switch-to-azure-communication-services-5028f1c1 = Passa ad Azure Communication Services…
fills-in-the-server-port-52b97455 = Compila server, porta e SSL; poi inserisci il suo nome utente SMTP e il segreto client dell'app, ed esegui il test
test-oauth-sign-in-instead-6121b8ed = Prova invece l'accesso OAuth…
switches-sign-in-to-microsoft-21e22962 = Imposta l'accesso su Microsoft 365 (OAuth); inserisci tenant, ID client e segreto dell'app, ed esegui il test

## src/gui/data.rs

background-work-failed-err-6348a5e0 = Un'operazione in background è fallita: { $err }
saved-the-profile-name-without-7601dd12 = Profilo "{ $name }" salvato (senza la password).
renamed-old-to-new-81c2e66b = "{ $old }" rinominato in "{ $new }".
deleted-the-profile-name-02cadbdf = Profilo "{ $name }" eliminato.
password-saved-in-the-system-caf1d26b = Password salvata nel portachiavi di sistema.
password-removed-from-the-system-bf5241d1 = Password eliminata dal portachiavi di sistema.
the-system-keyring-had-no-79911590 = Il portachiavi di sistema non aveva nessuna password per queste impostazioni.
error-in-path-fb673a64 = { $error } (in { $path })

## src/gui/data_ui.rs

profile-cd17328e = Profilo
not-saved-0cbbe4ae = (non salvato)
no-saved-profiles-yet-8e93c7bf = Ancora nessun profilo salvato
save-profile-2155f443 = Salva profilo…
keep-these-settings-under-a-6f00abd5 = Conserva queste impostazioni con un nome (mai la password)
rename-8628af0d = Rinomina…
delete-5797ea6a = Elimina
delete-this-profile-the-saved-9a91cae8 = Elimina questo profilo (la password salvata resta nel portachiavi)
save-these-settings-as-a-baa6424a = Salva queste impostazioni come profilo
rename-the-profile-108df4fd = Rinomina il profilo
profile-name-4a62f0b1 = Nome del profilo
the-password-is-never-saved-847cc3d3 = La password non viene mai salvata in un profilo.
cancel-35afca3b = Annulla
what-we-found-in-your-30b437af = Cosa abbiamo trovato nel tuo web.config
read-the-mail-settings-from-f888cdc5 = Carica nel modulo le impostazioni di posta da { $file }.
nothing-looks-wrong-in-the-d8199839 = Nelle impostazioni di posta non sembra esserci nulla di sbagliato.
message-line-line-fdb1cbdf = { $message } (riga { $line })
how-to-fix-it-fix-2f1add2f = Come correggere: { $fix }
update-web-config-f17b814a = Aggiorna web.config
these-changes-will-be-written-d79bed29 = Queste modifiche verranno scritte in { $path }:
removed-414d3fcc = (eliminato)
show-the-exact-lines-diff-28e9792f = Mostra le righe esatte (diff)
a-copy-of-the-current-628d2468 = Prima viene salvata una copia del file attuale accanto a esso, e nient'altro nel file cambia.
write-the-changes-d520b72a = Scrivi le modifiche

## src/gui/explain.rs

explain-an-error-message-cfdd1096 = Spiega un messaggio di errore
paste-the-error-your-website-a6f28df8 = Incolla l'errore registrato dal tuo sito (o la risposta del server di posta):
paste-and-explain-221ad80a = Incolla e spiega
puts-what-you-copied-ctrl-188d8686 = Mette nel riquadro ciò che hai copiato (Ctrl+C) e lo spiega
explain-99127ffc = Spiega
nothing-is-sent-anywhere-a2469521 = Non viene inviato nulla da nessuna parte.

## src/gui/find.rs

find-my-settings-784a8e8d = Trova le mie impostazioni
servers-tried-1c7ebb43 = Server provati
your-website-s-email-address-5928f99d = L'indirizzo email del tuo sito (o il nome del tuo server di posta):
find-3e1cd17a = Trova
stop-4b7f7705 = Ferma
tried-tried-trying-under-way-9d062519 = Provati: { $tried }, in corso: { $trying }
we-look-up-where-your-a611819d = Cerchiamo dove va la posta del tuo dominio e bussiamo alla porta di ogni server: non viene inviata nessuna email e nessuna password lascia questo computer.
stopped-before-every-server-answered-7abb5aa7 = Fermato prima che tutti i server rispondessero: qui sotto c'è ciò che è stato trovato finora.
no-server-answered-in-a-cacb09fc = Nessun server ha risposto in un modo che il tuo sito possa usare.
found-settings-your-website-can-a1d43a43 = Trovate impostazioni che il tuo sito può usare
server-host-2b5c3c37 = Server (host)
port-e2c53cc6 = Porta
use-ssl-enablessl-8787f948 = Usa SSL (enableSsl)
use-these-settings-bdf41e24 = Usa queste impostazioni
host-port-port-security-08e4532b = { $host }   porta { $port }   { $security }
host-port-port-254b241f = { $host }   porta { $port }
trying-bbcf4a72 = provo…
use-ba1c5c94 = Usa
find-my-settings-d1ed1573 = Trova le mie impostazioni…
don-t-know-your-server-e5f6d9ac = Non conosci il tuo server, la porta o se usare SSL? Trovali dal tuo indirizzo email.

## src/gui/find_handle.rs

filled-in-server-host-port-6e89d92b = Compilati server { $host }, porta { $port }, Usa SSL attivo. Aggiungi nome utente e password, poi premi Invia email di prova.
filled-in-server-host-port-c99c513f = Compilati server { $host }, porta { $port }, Usa SSL disattivo. Aggiungi nome utente e password, poi premi Invia email di prova.

## src/gui/find_sources.rs

can-this-computer-reach-host-7cb31d90 = Questo computer riesce a raggiungere { $host }?
where-we-looked-count-c83eaeb4 = Dove abbiamo cercato ({ $count })

## src/gui/fleet.rs

save-the-csv-file-1dc67daf = Salva il file CSV
save-the-html-page-c594c9af = Salva la pagina HTML
csv-file-8ff668ab = File CSV
html-page-671c72fb = Pagina HTML
could-not-save-the-csv-e61ea1e5 = Impossibile salvare il file CSV ({ $error }). Scegli una cartella in cui puoi scrivere: { $path }
could-not-save-the-html-7566ece5 = Impossibile salvare la pagina HTML ({ $error }). Scegli una cartella in cui puoi scrivere: { $path }
the-csv-file-could-not-2a54ae9b = Impossibile creare il file CSV ({ $error }).
the-html-page-could-not-78e2bfa9 = Impossibile creare la pagina HTML ({ $error }).
no-mail-server-to-contact-39076711 = Nessun server di posta da contattare
check-a-folder-of-sites-5d3e10c1 = Controlla una cartella di siti
folder-with-the-sites-5c26d71c = Cartella con i siti
c-inetpub-vhosts-or-var-d1e18405 = C:\inetpub\vhosts  oppure  /var/www
choose-folder-6d5da010 = Scegli cartella…
check-592c8de7 = Controlla
also-contact-the-mail-servers-b5893b4c = Contatta anche i server di posta
each-server-once-its-greeting-9b299859 = Ogni server una volta: il suo saluto, EHLO e STARTTLS. Nessun accesso, nessuna email. Disattivato: giudica solo dai file.
use-the-passwords-from-the-b045ac63 = Usa le password dei file
open-in-the-tester-also-84b1a791 = "Apri nel tester" inserisce anche la password dal file del sito. Resta in memoria e non viene mai salvata.
reads-every-web-config-wp-d0337aab = Legge ogni web.config, wp-config.php, .env e appsettings.json nella cartella. Non viene modificato nulla, non viene inviata nessuna email e le password non lasciano mai questo computer.

## src/gui/fleet_handle.rs

no-folder-chosen-if-no-b4701bc1 = Nessuna cartella scelta. Se non è comparsa nessuna finestra per le cartelle, scrivi o incolla il percorso della cartella nel riquadro.
this-site-does-not-sign-cae72903 = Questo sito non esegue l'accesso. Premi Invia email di prova.
the-password-from-its-file-297f8f04 = La password del suo file è stata inserita (tenuta solo in memoria). Premi Invia email di prova.
type-its-password-then-press-12e6e920 = Scrivi la sua password, poi premi Invia email di prova.
filled-in-the-settings-of-672072f8 = Inserite le impostazioni di { $site }.
choose-the-folder-that-holds-61e3f817 = Scegli la cartella che contiene i siti

## src/gui/fleet_result.rs

stopped-before-the-end-sites-67c19f7b = Fermato prima della fine: i siti il cui server non aveva ancora risposto sono Sconosciuti.
no-site-with-mail-settings-b7ae3397 = In questa cartella non è stato trovato nessun sito con impostazioni di posta. Controlla il percorso, oppure scegli la cartella che contiene le cartelle dei siti.
could-not-look-at-1-1b13a133 = Impossibile esaminare 1 percorso
could-not-look-at-n-196912a3 = Impossibile esaminare { $n } percorsi
show-a7e50a92 = Mostra:
sites-broken-broken-at-risk-c4acd5f6 = { $sites }: non funzionanti { $broken }, a rischio { $at_risk }, sconosciuti { $unknown }, OK { $ok }.
servers-not-contacted-judged-from-378e4d23 = Server non contattati: valutati solo dai file.
t-1-mail-server-contacted-adfd49ef = 1 server di posta contattato.
n-mail-servers-contacted-69c9f42f = { $n } server di posta contattati.
t-1-file-read-in-seconds-1095aef9 = 1 file letto in { $seconds } s.
n-files-read-in-seconds-a93bf25f = { $n } file letti in { $seconds } s.
export-csv-83c354ed = Esporta CSV…
export-html-e3ab8eb8 = Esporta HTML…
without-passwords-b3ac77a1 = Senza password.
no-file-chosen-if-no-f03e4b59 = Nessun file scelto. Se non è comparsa nessuna finestra per i file, scrivi dove salvare:
save-4d2d5d68 = Salva

## src/gui/fleet_rows.rs

no-site-with-the-ticked-a04a9538 = Nessun sito con gli esiti selezionati.
hide-this-server-s-sites-15babccc = Nascondi i siti di questo server
show-this-server-s-sites-bb62a985 = Mostra i siti di questo server
these-files-name-no-mail-83f851d8 = Questi file non indicano nessun server di posta da contattare, oppure non è stato possibile leggerli.
not-contacted-judged-from-the-f2af1eaf = Non contattato: valutato solo dai file.
problem-problem-42bcd519 = Problema: { $problem }
answered-in-ms-ms-726e94b1 = Ha risposto in { $ms } ms
starttls-offered-923d1843 = STARTTLS offerto
starttls-not-offered-c3ff6afa = STARTTLS non offerto
after-methods-26067741 = dopo: { $methods }
open-in-the-tester-11edc94a = Apri nel tester
put-this-site-s-settings-8cf673b6 = Mette le impostazioni di questo sito nel modulo per provarle passo per passo

## src/gui/fleet_words.rs

broken-65c915c0 = Non funziona
at-risk-f7adc8fb = A rischio
unknown-cc200e59 = Sconosciuto
n-broken-979d3c8c = Non funzionanti: { $n }
n-at-risk-c43a32df = A rischio: { $n }
n-unknown-ceec02e5 = Sconosciuti: { $n }
n-ok-035d2d5b = OK: { $n }
looking-for-sites-in-the-c98fc7bb = Cerco i siti nella cartella…
found-sites-judging-them-from-d4d88c3c = Trovati: { $sites }; li valuto dai file…
found-sites-using-servers-contacted-7bd3cb69 = Trovati: { $sites }, che usano { $servers }; contattati { $contacted } di { $total }
n-sites-7e66b213 = { $n } siti
t-1-server-9bf9c617 = 1 server
n-servers-410e23c7 = { $n } server

## src/gui/form.rs

server-6d7302f2 = Server
user-name-5a6db215 = Nome utente
usually-your-full-email-address-9d5ecf0a = di solito il tuo indirizzo email completo
from-18743595 = Mittente (From)
send-the-test-to-5a257c61 = Invia il test a
the-from-address-25355395 = (l'indirizzo del mittente)
advanced-60f3de7b = Avanzate
provider-35a888dc = Provider
other-my-host-7c71a048 = Altro / il mio hosting
user-name-hint-0a0e0850 = Nome utente: { $hint }
a-website-using-asp-net-d19fb58d = Un sito che usa ASP.NET (System.Net.Mail) non può accedere a questo provider.
show-29742e5c = Mostra
remember-in-the-system-keyring-308bc6da = Ricorda nel portachiavi di sistema
after-a-test-signs-in-236d02df = Dopo che un test ha eseguito l'accesso, la password viene conservata nel portachiavi del sistema (mai in un file) e inserita quando torni a queste impostazioni.
forget-6e3fab8c = Dimentica
remove-the-saved-password-for-859341c3 = Elimina la password salvata per questo utente, server e porta
use-ssl-9cb78972 = Usa SSL
in-code-smtpclient-enablessl-71b94a47 = nel codice: SmtpClient.EnableSsl
encrypts-the-connection-with-starttls-e1630b78 = Crittografa la connessione con STARTTLS. ASP.NET 2.0–3.5 non ha enableSsl in web.config: il codice del sito lo attiva con smtpClient.EnableSsl = true.
use-starttls-e899f629 = Usa STARTTLS
encrypts-the-connection-with-starttls-54a9c52e = Crittografa la connessione con STARTTLS, come fa "SecureSocketOptions": "StartTls" in appsettings.json. Quasi tutti i provider lo richiedono sulla porta 587.
encrypts-the-connection-with-starttls-0497ed8d = Crittografa la connessione con STARTTLS, come fa enableSsl="true" in web.config. Quasi tutti i provider lo richiedono sulla porta 587.
encrypts-the-connection-starttls-or-77dd1ba1 = Crittografa la connessione (STARTTLS, oppure SSL alla connessione sulla porta 465). Quasi tutti i provider lo richiedono.
stop-the-test-esc-7ef17032 = Ferma il test (Esc)
testing-19d1cb65 = Test in corso…
send-test-email-1fb39495 = Invia email di prova
sends-one-test-message-enter-66775012 = Invia un messaggio di prova (Invio)
or-press-enter-ca33bfe9 = oppure premi Invio
fix-the-fields-marked-in-8a0ea9d4 = Correggi i campi segnati in rosso per inviare un test.
fill-in-the-server-the-e74fa0bd = Compila il server, la porta e l'indirizzo del mittente per inviare un test.

## src/gui/form_advanced.rs

ehlo-name-2ccdfef0 = Nome EHLO
this-computer-s-name-f22607df = il nome di questo computer
sign-in-service-8784367b = Servizio di accesso
the-provider-s-own-72f43ac3 = quello del provider
only-for-testing-against-another-a761009c = Solo per provare con un altro server OAuth: https, oppure http su questo computer
connection-security-dd84debd = Sicurezza della connessione
automatic-from-use-ssl-3ad3100c = Automatica (da Usa SSL)
ssl-on-connect-port-465-676e96b5 = SSL alla connessione (porta 465)
no-encryption-f2785503 = Nessuna crittografia
timeouts-seconds-fcbede65 = Tempi massimi (secondi)
connect-timeout-083bac06 = Tempo massimo di connessione
greeting-timeout-0def4115 = Tempo massimo per il saluto
reply-timeout-c36384e8 = Tempo massimo di risposta
reply-29931627 = risposta
whole-test-timeout-e3df8c9b = Tempo massimo dell'intero test
whole-test-66553338 = intero test
final-reply-timeout-33be1638 = Tempo massimo per la risposta finale
final-reply-b01ca957 = risposta finale
accept-an-invalid-certificate-3339b9cc = Accetta un certificato non valido
unsafe-an-impostor-could-read-7ecf6263 = Non sicuro: un impostore potrebbe leggere la tua password. Il tuo sito rifiuterà comunque questo certificato.
extra-ca-file-c5e1ea27 = File CA aggiuntivo
optional-pem-file-09b22b1b = file .pem facoltativo
browse-23b63f91 = Sfoglia…
dns-server-68b7a757 = Server DNS
this-computer-s-or-e-9f499886 = quello di questo computer (o per es. 1.1.1.1)
used-by-find-my-settings-50a0518d = Usato da Trova le mie impostazioni, Arriverà? e Controlla la posta in arrivo
target-platform-b913a5b3 = Piattaforma di destinazione
other-program-php-node-python-371befb6 = Altro programma (PHP, Node, Python…)
asp-net-version-aeb36436 = Versione di ASP.NET

## src/gui/form_rows.rs

called-attribute-in-web-config-fcc6f275 = Si chiama { $attribute } in web.config

## src/gui/form_state.rs

microsoft-365-oauth-7101a859 = Microsoft 365 (OAuth)
google-oauth-53d0542c = Google (OAuth)
access-token-7e4e0506 = Token di accesso
enter-the-port-usually-587-bc12b1b6 = Inserisci la porta, di solito 587.
port-text-is-not-a-7e466956 = "{ $port_text }" non è un numero di porta. Usa solo cifre, di solito 587.
enter-the-app-s-application-1e01288a = Inserisci l'Application (client) ID dell'app, dalla pagina Overview (Panoramica) della sua registrazione app.
enter-the-directory-tenant-id-db565192 = Inserisci il Directory (tenant) ID, oppure il dominio della tua organizzazione (tuaazienda.onmicrosoft.com).
enter-the-app-s-client-b18ff566 = Inserisci il segreto client dell'app (il suo Value, non il suo Secret ID).

## src/gui/handle.rs

enter-the-user-name-server-1e12f529 = Inserisci nome utente, server e porta di cui vuoi eliminare la password salvata.
the-test-cannot-start-yet-e05fd57a = Il test non può ancora partire: { $problem }
no-file-chosen-if-no-fae46c0e = Nessun file scelto. Se non è comparsa nessuna finestra per i file, scrivi il percorso del file nel campo File CA aggiuntivo.
copied-the-transcript-to-the-f9f520d2 = Trascrizione copiata negli appunti.
copied-the-dns-record-to-c9d04e48 = Record DNS copiato negli appunti.
copied-the-name-snippet-to-e9fe6390 = Frammento { $name } copiato negli appunti.
copied-the-what-to-the-02208dc6 = Copiato negli appunti: { $what }.

## src/gui/inbox.rs

did-it-land-c25f3a39 = È arrivata?
sign-in-to-the-mailbox-e5e08cf2 = Accedi alla casella a cui è andato il test ({ $to }) per vedere se il messaggio è nella posta in arrivo o nello spam. Leggiamo soltanto: non viene spostato né eliminato nulla.
looking-for-the-message-up-e3335603 = Cerco il messaggio (fino a un minuto)…
check-my-inbox-again-5e2da85f = Controlla di nuovo la posta in arrivo
check-my-inbox-85ac2677 = Controlla la posta in arrivo
mailbox-imap-e60bf73b = Casella di posta (IMAP)
imaps-user-server-or-imap-e956f350 = imaps://UTENTE@SERVER, oppure imap:// per STARTTLS sulla porta 143; aggiungi :PORTA se non è quella abituale
same-as-the-password-above-5b43a90a = Uguale alla password qui sopra
used-for-this-check-only-ca6be08e = Usata solo per questo controllo; conservata nel portachiavi di sistema dopo un accesso riuscito se "Ricorda nel portachiavi di sistema" è selezionato
what-server-checked-e1e33d21 = Cosa ha controllato { $server }:
the-receiving-server-recorded-no-338af020 = Il server che ha ricevuto il messaggio non ha registrato nessun controllo.

## src/gui/intro.rs

what-happens-when-you-send-1198026e = Cosa succede quando invii un test
the-test-does-what-your-1f59bc92 = Il test fa ciò che fa il tuo sito quando invia un'email, un passaggio alla volta, e mostra ogni passaggio mentre avviene:
one-short-test-email-to-f92d9996 = una breve email di prova all'indirizzo in "Invia il test a" (o al mittente).
one-short-test-email-to-eca5f997 = una breve email di prova a { $recipient }.
we-reach-your-mail-server-495a0766 = raggiungiamo il tuo server di posta, come fa il tuo sito.
we-switch-the-connection-to-305163c3 = passiamo la connessione alla crittografia, se Usa SSL è selezionato.
with-your-user-name-and-9eb23e32 = con il tuo nome utente e la tua password.
with-a-token-from-microsoft-b5cb4671 = con un token di Microsoft o Google (OAuth), mai su una connessione non crittografata.
if-a-step-fails-you-ed66c46a = Se un passaggio fallisce, vedrai quale, cosa significa in parole semplici e cosa cambiare. Sul tuo sito non viene modificato nulla.
your-password-stays-yours-4243e865 = La tua password resta tua
it-goes-to-your-mail-9ee48a16 = Va al tuo server di posta e da nessun'altra parte, e solo su una connessione crittografata: se dovesse viaggiare senza crittografia, il test si ferma e prima te lo chiede.
it-is-never-put-in-43308fa9 = Non viene mai messa in un profilo, nella trascrizione o nel rapporto per l'assistenza. Seleziona "Ricorda nel portachiavi di sistema" per conservarla nell'archivio password del tuo computer, mai in un file.

## src/gui/oauth.rs

enter-the-mailbox-user-name-18b33d9d = Prima inserisci la casella di posta (Nome utente) e l'ID client dell'app, poi accedi.
signed-in-as-mailbox-e71eccdc = Accesso eseguito come { $mailbox }.
the-sign-in-is-kept-4337c0cd = L'accesso viene conservato nel portachiavi del sistema.
signed-out-40c28a5d = Disconnesso.
the-test-was-stopped-while-f10aa733 = il test è stato interrotto mentre otteneva il token

## src/gui/oauth_rows.rs

sign-in-7367eeb8 = Accesso
how-the-test-signs-in-3e344752 = Come accede il test: con la password, oppure con OAuth (un token di Microsoft o Google)
oauth-signing-in-through-microsoft-cb19300f = OAuth: accedere tramite la pagina di Microsoft o di Google invece che con una password. Il web.config di ASP.NET non può farlo; MailKit e la maggior parte delle librerie di posta PHP e Node.js sì.
paste-the-token-0ce3b5de = incolla il token
client-secret-d28dcb8a = Segreto client
the-desktop-app-s-secret-2dfdf483 = il segreto dell'app desktop
sign-in-with-google-682701c4 = Accedi con Google…
who-signs-in-4247d24c = Chi accede
the-website-as-an-app-02a2655f = Il sito, come app
the-app-signs-in-as-5b39e6e4 = L'app accede a nome proprio con il suo segreto client (SMTP.SendAsApp)
a-person-in-the-browser-714d0c01 = Una persona, nel browser
someone-signs-in-as-the-e07eb4a6 = Qualcuno accede una volta come la casella di posta; l'accesso viene conservato nel portachiavi
sign-in-with-microsoft-64994ec3 = Accedi con Microsoft…
its-value-not-its-id-06bfd85c = il suo Value, non il suo ID
tenant-426f68c5 = Tenant
yourcompany-onmicrosoft-com-or-directory-91ce24c8 = tuaazienda.onmicrosoft.com o Directory ID
organizations-any-work-account-c56c7646 = organizations (qualsiasi account aziendale)
app-registrations-your-app-overview-0348d3e0 = App registrations → la tua app → Overview → Directory (tenant) ID
client-id-96a12137 = ID client
application-client-id-f1d13592 = Application (client) ID
app-registrations-your-app-overview-72eda20e = App registrations → la tua app → Overview → Application (client) ID
used-for-this-test-only-3fbe0f5f = Usato solo per questo test: mai salvato, mai mostrato nella trascrizione
finish-signing-in-with-your-f04afc59 = Completa l'accesso nel browser…
sign-out-8b4f3c70 = Esci
opens-the-provider-s-sign-6717a1f1 = Apre nel browser la pagina di accesso del provider; accedi come la casella indicata in Nome utente
the-sign-in-did-not-63711b82 = L'accesso non ha funzionato: { $error }
the-token-is-renewed-at-78ac8950 = il token viene rinnovato al prossimo test
the-token-is-valid-for-973c5181 = il token è valido per altri { $minutes } minuti
signed-in-as-who-138f6f7e = Accesso eseguito come { $who }

## src/gui/preferences.rs

system-8f3184bc = Sistema
language-9a73db9b = Lingua
follow-system-becc0e51 = Come il sistema
light-8ad2f8cf = Chiaro
dark-45570065 = Scuro
theme-4eaf7c92 = Tema

## src/gui/renderer.rs

the-window-could-not-open-cb7ad439 = impossibile aprire la finestra: la grafica di questo computer non è riuscita a disegnarla ({ $reasons }).
on-a-remote-desktop-or-321b265b = Su un desktop remoto o una macchina virtuale, di solito aiuta installare il suo driver video

## src/gui/result.rs

the-server-s-exact-words-c34e0823 = Le parole esatte del server
support-code-code-a1b3e83c = Codice per l'assistenza: { $code }
what-to-do-cf2e345d = Cosa fare
the-fix-changes-bc2b32f8 = La correzione cambia:
apply-fix-and-test-again-6eea585b = Applica la correzione e ripeti il test
makes-this-change-in-the-38287995 = Fa questa modifica nel modulo e invia di nuovo il test
send-it-unencrypted-this-once-010cab38 = Invia senza crittografia solo questa volta
anyone-on-the-way-can-1fda01f6 = Chiunque lungo il percorso può leggere la password. Solo per un server sulla tua rete privata.
certificate-details-5e455906 = Dettagli del certificato
valid-for-629b6506 = Valido per

## src/gui/snippet_view.rs

paste-this-into-your-web-7c7e7459 = Incolla questo nel tuo web.config
settings-for-program-60627db5 = Impostazioni per { $program }
the-password-is-left-out-447f0e55 = La password viene omessa a meno che tu non selezioni Includi password: ovunque la incolli, resta in chiaro.
note-warning-5dd61067 = Nota: { $warning }
copy-658f3664 = Copia
save-as-03e14184 = Salva con nome…
update-my-web-config-d9b68a3c = Aggiorna il mio web.config…
writes-these-settings-into-your-5f324df6 = Scrive queste impostazioni nel tuo web.config: prima mostra le modifiche e conserva una copia di sicurezza
include-password-7b82b9b8 = Includi password

## src/gui/success.rs

only-mail-to-this-server-aecb3830 = Funziona solo la posta verso gli indirizzi di questo server
your-settings-work-8bc6b24c = Le tue impostazioni funzionano
we-sent-a-test-email-5656f31c = Abbiamo inviato un'email di prova a { $recipient }. Controlla che sia arrivata (guarda anche nella cartella spam).
connected-to-host-on-port-a1c6e5aa = Connesso a { $host } sulla porta { $port }
encrypted-with-version-0a72dfef = Crittografata con { $version }
not-encrypted-anyone-on-the-d3a630f0 = Non crittografata: chiunque lungo il percorso potrebbe leggere la posta
signed-in-as-user-05784a15 = Accesso eseguito come { $user }
sent-without-signing-in-the-33fb939c = Inviata senza accesso: il server non ha offerto l'accesso
sent-without-signing-in-no-a843905d = Inviata senza accesso (nessun nome utente)
accepted-for-delivery-to-recipient-9abb98b5 = Accettata per la consegna a { $recipient }
warning-the-server-s-certificate-e72f89a1 = Avviso: il certificato del server non è valido ({ $problem }). Ha funzionato solo perché hai consentito i certificati non validi; il tuo sito controlla i certificati e non riuscirà a inviare.
warning-message-f4254d6c = Avviso: { $message }
copy-the-block-below-into-dea0f3b9 = Copia il blocco qui sotto nel web.config del tuo sito, al posto del suo blocco <mailSettings>, oppure premi "Aggiorna il mio web.config…" per farlo fare a noi: vedi prima ogni modifica, e viene conservata una copia di sicurezza.
copy-the-settings-below-into-e486c11e = Copia le impostazioni qui sotto nella configurazione { $format } del tuo sito.
next-step-ab2acdfa = Passo successivo
message-id-of-the-test-711a564c = Message-ID dell'email di prova
support-can-find-the-message-e18fff96 = L'assistenza può trovare il messaggio nel registro del server con questo ID

## src/gui/transcript.rs

what-the-server-said-638c3d94 = Cosa ha risposto il server
hide-the-server-s-replies-2f842b13 = Nascondi le risposte del server
show-every-line-we-sent-62404205 = Mostra ogni riga che abbiamo inviato e che il server ha risposto
nothing-yet-739865dc = ancora niente
t-1-line-99481766 = 1 riga
n-lines-bb656540 = { $n } righe
copy-transcript-d97cf946 = Copia trascrizione
save-transcript-a1c4eb5a = Salva trascrizione…
export-report-ce65b191 = Esporta rapporto…
everything-support-needs-settings-withou-94ba8f25 = Tutto ciò che serve all'assistenza (impostazioni senza la password, i passaggi, questa trascrizione, la diagnosi) in un unico file
report-in-english-18ddea6e = Rapporto in inglese
write-the-exported-report-in-e4a59e7d = Scrive il rapporto esportato in inglese, per un'assistenza che legge l'inglese
we-sent-2e66b91d = abbiamo inviato
the-server-answered-039e870e = il server ha risposto
encrypted-3e8df1b3 = crittografato
passwords-are-always-hidden-2bfd5e9e = Le password sono sempre nascoste.

## src/gui/widgets.rs

passed-513cb799 = riuscito
failed-e0accfb4 = fallito
not-started-8652f4af = non iniziato
stopped-6ee2f34e = fermato

## src/gui/window.rs

testing-each-step-appears-above-5613518e = Test in corso… ogni passaggio compare qui sopra mentre avviene. Esc ferma il test.
no-file-chosen-if-no-67413e16 = Nessun file scelto. Se non è comparsa nessuna finestra per i file, scrivi il percorso del file:
open-538b10e9 = Apri
check-your-website-s-email-f8812c32 = Controlla le impostazioni email del tuo sito
open-web-config-870dc6bb = Apri web.config…
read-the-mail-settings-from-9d389da1 = Legge le impostazioni di posta dal web.config del tuo sito e le controlla
explain-an-error-message-f540b236 = Spiega un messaggio di errore…
paste-an-error-your-website-7a5917ae = Incolla un errore registrato dal tuo sito e scopri cosa significa
check-a-folder-of-sites-5325d3c7 = Controlla una cartella di siti…
for-hosting-support-check-the-059107c7 = Per l'assistenza hosting: controlla le impostazioni di posta di ogni sito in una cartella

## src/gui/worker.rs

could-not-read-the-certificate-e1c222cf = Impossibile leggere il file dell'autorità di certificazione { $path }: { $error }
choose-a-certificate-authority-file-3507bf9e = Scegli un file di autorità di certificazione (PEM o DER .cer)
certificates-b88e4cd9 = Certificati
choose-your-website-s-web-fed75ade = Scegli il web.config del tuo sito
could-not-save-path-error-2fc229b5 = Impossibile salvare { $path }: { $error }

## src/inbox/address.rs

address-is-not-a-mailbox-a8a2d761 = "{ $address }" non è l'indirizzo di una casella di posta.
address-is-not-an-imap-87f3b3a9 = "{ $address }" non è un indirizzo IMAP ({ $scheme }:// non è imap:// né imaps://).
address-names-no-user-6dbe8a93 = "{ $address }" non indica nessun utente.
the-user-name-in-address-e96b48c9 = il nome utente in "{ $address }" non è testo valido
write-it-as-imaps-you-314853c0 = Scrivilo come imaps://tu@example.com@mail.example.com (o imap:// per STARTTLS sulla porta 143), con :PORTA alla fine se non è quella abituale.
port-is-not-a-port-50e1e439 = "{ $port }" non è un numero di porta in "{ $address }".
host-is-not-a-server-acc5f8a4 = "{ $host }" non è un nome di server in "{ $address }".

## src/inbox/auth_results.rs

your-domain-d4d84782 = il tuo dominio
spf-passed-domain-allows-the-f0dc7d76 = SPF superato: { $domain } autorizza il server tramite cui invii.
spf-failed-domain-s-spf-9e04f3b1 = SPF non superato: il record SPF di { $domain } non elenca il server tramite cui invii. Aggiungilo al record (vedi "Arriverà?").
spf-gave-no-answer-domain-a747cf7d = SPF non ha dato risposta: { $domain } non ha un record SPF che copra questo server.
dkim-passed-the-message-carries-353f6e76 = DKIM superato: il messaggio porta una firma valida di { $by }.
dkim-the-message-was-not-0e73bd88 = DKIM: il messaggio non era firmato. Chiedi al tuo provider di posta di firmare la posta per il tuo dominio (vedi "Arriverà?").
dkim-failed-the-signature-did-9a245af3 = DKIM non superato: la firma non corrispondeva. La chiave pubblicata nel DNS potrebbe essere sbagliata o vecchia, oppure il messaggio è stato modificato lungo il percorso.
dmarc-passed-spf-or-dkim-bdd3a284 = DMARC superato: SPF o DKIM garantiscono per { $domain }, il dominio dell'indirizzo del mittente.
dmarc-failed-neither-spf-nor-83c62bd1 = DMARC non superato: né SPF né DKIM garantiscono per { $domain }, il dominio dell'indirizzo del mittente. I destinatari severi rifiutano questa posta o la mettono nello spam.
dmarc-domain-publishes-no-dmarc-cb1108db = DMARC: { $domain } non pubblica nessuna regola DMARC.

## src/inbox/connect.rs

the-server-s-address-eb391f39 = l'indirizzo del server
the-name-could-not-be-715c1245 = il nome non è stato trovato: { $err }
the-name-has-no-address-0b96332a = il nome non ha un indirizzo
the-connection-0a94c3e4 = la connessione
no-answer-1b68d598 = nessuna risposta
the-extra-certificate-authority-why-6ee7e4ae = l'autorità di certificazione aggiuntiva: { $why }
the-secure-connection-f2e42ff7 = la connessione sicura
the-server-s-certificate-is-d5b84a6b = il certificato del server è rifiutato: { $problem }
its-greeting-d101260c = il suo saluto
it-said-line-26370539 = ha detto { $line }
the-answer-to-starttls-1c42645c = la risposta a STARTTLS

## src/inbox/dkim_verify.rs

we-could-not-read-the-8bff80f5 = Non siamo riusciti a leggere il messaggio ricevuto, quindi non abbiamo controllato la sua firma DKIM.
domain-selector-selector-259d61a2 = { $domain } (selettore { $selector })
an-unreadable-signer-c03eb599 = un firmatario illeggibile
signature-of-who-valid-and-317faecf = Firma di { $who }: valida, ed è il tuo dominio.
signature-of-who-valid-but-6e9cadc2 = Firma di { $who }: valida, ma non è il dominio del tuo mittente, quindi non conta per DMARC.
signature-of-who-not-valid-4fd1744c = Firma di { $who }: non valida ({ $why }).
the-message-carries-no-dkim-6afdb83b = Il messaggio non porta nessuna firma DKIM: solo SPF garantisce che viene da { $from_domain }. Chiedi al tuo provider di posta di firmare la posta per il tuo dominio.
we-checked-the-dkim-signature-960b59a9 = Abbiamo controllato noi la firma DKIM: è valida e fatta per { $from_domain }.
we-checked-the-dkim-signature-5e3c1afb = Abbiamo controllato noi la firma DKIM: è valida, ma fatta per un dominio diverso da { $from_domain }, quindi DMARC non la conta. Chiedi al tuo provider di posta di firmare con il tuo dominio.
we-checked-the-dkim-signature-c981209c = Abbiamo controllato noi la firma DKIM: non regge. La chiave pubblicata nel DNS potrebbe mancare, essere sbagliata o vecchia, oppure il messaggio è stato modificato dopo la firma.

## src/inbox/look.rs

the-sign-in-08ff0207 = l'accesso
the-goodbye-1beab177 = il congedo
the-folder-list-485d2008 = l'elenco delle cartelle
a-search-9f153ff8 = una ricerca
the-message-46d7a413 = il messaggio

## src/inbox/recorder.rs

the-server-sent-more-than-3d108539 = il server ha inviato più di { $mib } MiB

## src/inbox/request.rs

there-is-no-message-to-946f0846 = non c'è nessun messaggio da cercare: prima invia un messaggio di prova
no-password-for-the-mailbox-ab7ec000 = nessuna password per la casella di posta { $mailbox }: indicala (è la password che usi per leggere quella posta), oppure salvala nel portachiavi
could-not-reach-the-mailbox-597a7a79 = impossibile raggiungere il server della casella di posta { $server } ({ $detail }). Controlla il nome del server e la porta: per leggere la posta via IMAP di solito si usa la porta 993 (imaps://)
the-mailbox-server-server-did-3e98494f = il server della casella di posta { $server } non ha risposto in tempo ({ $what }). Controlla la porta: IMAP è 993 (imaps://) o 143 (imap://)
server-did-not-greet-like-b39a23e0 = { $server } non ha salutato come un server di caselle di posta (IMAP); ha detto "{ $said }". Controlla la porta: IMAP è 993 (imaps://) o 143 (imap://)
server-does-not-offer-encryption-8e8159fd = { $server } non offre la crittografia (STARTTLS), e noi non inviamo mai la password di una casella senza crittografia. Usa invece imaps:// (porta 993)
the-secure-connection-to-the-e384af7d = la connessione sicura al server della casella di posta { $server } è fallita: { $detail }. Controlla il nome del server: deve essere il nome riportato sul certificato del server
the-mailbox-server-refused-the-13077228 = il server della casella di posta ha rifiutato l'accesso di { $user } (ha detto: { $said }). Controlla il nome utente e la password della casella; Gmail, Outlook.com e Yahoo richiedono una password per le app per IMAP
the-mailbox-server-server-broke-eb86759c = il server della casella di posta { $server } ha interrotto la conversazione ({ $detail }); riprova
the-inbox-check-was-stopped-cd7a71c8 = il controllo della posta in arrivo è stato interrotto

## src/inbox/summary.rs

folders-searched-folders-1c7d04a2 = Cartelle esaminate: { $folders }
the-receiving-server-s-own-20faa33e = I controlli del server che ha ricevuto il messaggio ({ $server }):
the-receiving-server-added-no-6d611c08 = Il server che ha ricevuto il messaggio non ha aggiunto nessuna intestazione Authentication-Results.
the-mailbox-imap-exchange-the-f338cc52 = Lo scambio con la casella di posta (IMAP); la password appare come `<redacted>`:

## src/inbox/texts.rs

secs-s-4a22e02a = { $secs } s
min-min-secs-s-f096bf18 = { $min } min { $secs } s
arrived-in-the-inbox-after-8bc39958 = Arrivata nella posta in arrivo dopo { $after }
arrived-but-in-the-spam-1de42805 = Arrivata, ma nella cartella spam "{ $folder }" (dopo { $after })
arrived-in-the-folder-folder-35e97e8b = Arrivata nella cartella "{ $folder }" (dopo { $after })
not-in-the-mailbox-after-71030de0 = Non è nella casella dopo { $waited }
the-test-message-is-in-6dbcd158 = Il messaggio di prova è nella posta in arrivo di { $mailbox }: la posta del tuo sito raggiunge questa casella.
the-test-message-is-in-3dae80e1 = Il messaggio di prova è nella posta in arrivo di { $mailbox }, ma { $failed } non è stato superato presso il server che l'ha ricevuto, quindi i provider più severi potrebbero mettere la tua posta nello spam o rifiutarla. Correggi ciò che elenca "Arriverà?".
the-receiving-server-took-the-bc6c3316 = Il server che ha ricevuto il messaggio l'ha accettato ma l'ha classificato come spam, quindi probabilmente i tuoi clienti non lo vedrebbero. Un messaggio di prova con poco testo può sembrare spam già di per sé; se i controlli sul mittente vengono superati ("Arriverà?"), riprova con un messaggio vero.
the-receiving-server-took-the-4fbfd2f0 = Il server che ha ricevuto il messaggio l'ha accettato ma l'ha classificato come spam, quindi probabilmente i tuoi clienti non lo vedrebbero. { $failed } non è stato superato presso il server che l'ha ricevuto; correggi ciò che elenca "Arriverà?".
the-message-arrived-but-a-52287da8 = Il messaggio è arrivato, ma una regola o lo smistamento del provider l'ha messo fuori dalla posta in arrivo di { $mailbox }. Controlla i filtri di quella casella.
the-server-accepted-the-message-f14a3b33 = Il server ha accettato il messaggio, ma non è ancora in nessuna cartella di { $mailbox }. Potrebbe essere ancora in viaggio (alcuni provider trattengono per qualche minuto la posta dei nuovi mittenti), oppure il server che lo ha ricevuto l'ha scartato, come succede alla posta che non supera DMARC. Correggi ciò che elenca "Arriverà?", poi controlla di nuovo più tardi.

## src/main.rs

could-not-start-the-async-ae605e37 = impossibile avviare l'ambiente di esecuzione asincrono: { $error }. Riavvia il programma; se l'errore si ripete, riavvia il computer.
the-command-line-still-works-88e1eb57 = La riga di comando funziona comunque: esegui `mailtester --help` in un terminale.
mail-settings-tester-stopped-because-7bd107e2 =
    Mail Settings Tester si è fermato per un errore nel programma:
    
    { $info }
    
    Per favore segnalalo. Le tue impostazioni e il tuo web.config non sono stati modificati.

## src/oauth/browser.rs

could-not-start-program-err-c926f9f2 = impossibile avviare { $program }: { $err }
could-not-open-the-browser-8f2eb5ab = impossibile aprire il browser: { $err }

## src/oauth/delegated/loopback.rs

signed-in-96a90eb4 = Accesso eseguito
you-are-signed-in-8474ca05 = Hai eseguito l'accesso
go-back-to-mail-settings-e45459c9 = Torna a Mail Settings Tester; puoi chiudere questa scheda.
not-signed-in-207a7281 = Accesso non eseguito
the-sign-in-did-not-a5001dd2 = L'accesso non si è concluso
go-back-to-mail-settings-a9487dbc = Torna a Mail Settings Tester per vedere perché.
this-computer-7d16e2ca = questo computer
no-local-port-for-the-8c4615f3 = nessuna porta locale per la risposta: { $err }
the-browser-1438c45c = il browser
nobody-finished-signing-in-within-20659f29 = nessuno ha completato l'accesso entro { $minutes } minuti
the-sign-in-service-abe06b84 = il servizio di accesso

## src/oauth/delegated.rs

it-is-not-a-web-fec0fdd4 = non è un indirizzo web
google-s-device-sign-in-69660ca8 = L'accesso da dispositivo di Google non copre Gmail; accedi invece con il browser
the-sign-in-was-cancelled-64875541 = l'accesso è stato annullato
it-is-not-a-token-0b50914d = non è un token ({ $err }; inizia con: { $start })

## src/oauth/http.rs

could-not-set-up-the-aaf86338 = impossibile preparare la richiesta ({ $err })
the-sign-in-service-sent-89d2de25 = il servizio di accesso ha mandato la richiesta altrove (un reindirizzamento); controlla l'indirizzo di accesso
the-answer-is-far-too-e9884875 = la risposta è decisamente troppo lunga
the-request-failed-4ffdf862 = la richiesta è fallita
the-request-failed-cause-1236b7f3 = la richiesta è fallita: { $cause }

## src/oauth/obtain.rs

nobody-has-signed-in-to-37587b50 = nessuno ha ancora eseguito l'accesso a { $provider } per questa casella di posta

## src/oauth/stored.rs

the-keyring-call-stopped-8c77a1a6 = la richiesta al portachiavi si è interrotta

## src/oauth/token.rs

the-sign-in-address-url-8e70f991 = l'indirizzo di accesso { $url } non può essere usato: { $reason }
the-sign-in-service-said-aca24dc5 = il servizio di accesso ha detto di no ({ $status }): { $error }: { $description }
could-not-reach-the-sign-81f7b750 = impossibile raggiungere il servizio di accesso in { $url }: { $detail }
the-sign-in-service-s-4e88083d = la risposta del servizio di accesso ({ $status }) non è un token: { $detail }
it-is-not-encrypted-http-70ccccea = non è crittografato (http); usa https (il semplice http è solo per i server di prova su questo computer)
it-must-start-with-https-5c0a06da = deve iniziare con https://
the-tenant-must-be-a-6ffd19f8 = il tenant deve essere un Directory (tenant) ID o un dominio
it-sends-the-request-elsewhere-b0c05c70 = manda la richiesta altrove (un reindirizzamento); controlla l'indirizzo di accesso
no-answer-within-secs-s-1f175672 = nessuna risposta entro { $secs } s
it-is-not-json-it-d2533db5 = non è JSON (inizia con: { $start })
it-holds-no-access-token-87ff2e3b = non contiene nessun access_token

## src/profiles/error.rs

name-cannot-be-a-profile-1c2058f8 = "{ $name }" non può essere il nome di un profilo: { $reason }. Usa da 1 a 64 caratteri, senza / o \.
there-is-no-profile-named-96654469 = Non esiste un profilo chiamato "{ $name }".
a-profile-named-name-already-d0bba1c2 = Esiste già un profilo chiamato "{ $name }"; eliminalo prima o scegli un altro nome.
the-profiles-file-could-not-ece19bdb = Impossibile leggere il file dei profili ({ $reason }). È stato spostato per non perdere nulla, e i profili ripartono vuoti. Per recuperarli, correggi il file spostato e rinominalo in { $path }. Spostato in: { $moved_to }
the-profiles-file-was-written-0aaf22c6 = Il file dei profili è stato scritto da una versione più recente di Mail Settings Tester (formato { $version }), quindi è stato lasciato invariato. Aggiorna il tester per usare questi profili. File: { $path }
could-not-find-a-folder-07b751fa = Impossibile trovare una cartella per le impostazioni su questo computer. Imposta MAILTESTER_CONFIG_DIR su una cartella per conservarvi i profili.
could-not-write-these-settings-3df3fd97 = Impossibile scrivere queste impostazioni nel file dei profili: { $arg0 }
could-not-read-the-profiles-c7de2c87 = Impossibile leggere il file dei profili ({ $source }). File: { $path }
could-not-write-the-profiles-1ce1bb90 = Impossibile scrivere il file dei profili ({ $source }). File: { $path }
could-not-create-the-folder-4efa6b11 = Impossibile creare la cartella del file dei profili ({ $source }). File: { $path }
could-not-move-the-damaged-be405c05 = Impossibile mettere da parte il file dei profili danneggiato ({ $source }). File: { $path }

## src/profiles/file.rs

it-is-not-utf-8-85ed6edc = non è testo UTF-8
it-is-not-a-regular-be41867a = non è un file normale (una cartella, una named pipe o un dispositivo); eliminalo o imposta MAILTESTER_CONFIG_DIR su un'altra cartella
it-is-size-bytes-more-56c17071 = è di { $size } byte, più dei { $limit } consentiti per un file dei profili; spostalo altrove
message-on-line-line-acff43e5 = { $message }, alla riga { $line }

## src/profiles/name.rs

it-is-empty-08105609 = è vuoto
it-is-longer-than-limit-6c17a8c5 = è più lungo di { $limit } caratteri
it-contains-or-e7d2f6a5 = contiene / o \
it-contains-a-control-character-5c5ebcc6 = contiene un carattere di controllo (come una tabulazione o un a capo)
it-starts-or-ends-with-a95ee32d = inizia o finisce con uno spazio
it-is-or-bede7ef9 = è . o ..

## src/providers/data/google_microsoft.rs

google-admin-console-apps-google-7b12704d = Console di amministrazione Google → App → Google Workspace → Gmail → Autentica email
microsoft-defender-portal-email-authenti-242e8ce3 = Portale Microsoft Defender → Impostazioni di autenticazione della posta elettronica → DKIM → il tuo dominio
your-full-gmail-or-google-de2da620 = il tuo indirizzo Gmail o Google Workspace completo
gmail-needs-an-app-password-1aed7515 = Gmail richiede una password per le app: attiva la verifica in due passaggi, poi creane una su myaccount.google.com/apppasswords (la pagina Sicurezza non ha più un link) e usala come password. Google ha smesso di accettare la password normale dai programmi di posta a maggio 2022 per gli account personali e a settembre 2024 per gli account Google Workspace.
gmail-needs-an-app-password-eeb1384d = Gmail richiede una password per le app: attiva la verifica in due passaggi nel tuo Account Google, poi apri myaccount.google.com/apppasswords (la pagina Sicurezza non ha più un link), crea una password per le app e incolla le sue 16 lettere in `password` senza spazi. Usa il tuo indirizzo Gmail completo come `userName`.
gmail-sends-only-from-your-3412ea1e = Gmail invia solo dal tuo indirizzo o da un indirizzo aggiunto in Settings → Accounts → "Send mail as" (Impostazioni → Account e importazione → "Invia messaggio come"): imposta `from` su uno di questi.
a-google-workspace-address-or-b5610000 = un indirizzo Google Workspace, oppure niente se il relay consente l'indirizzo IP del tuo server
for-google-workspace-only-your-d5440b81 = Solo per Google Workspace. Il tuo amministratore attiva il servizio di relay SMTP (Console di amministrazione → App → Google Workspace → Gmail → Routing) e consente l'indirizzo IP del tuo server web (allora lascia vuoti nome utente e password) oppure l'autenticazione SMTP (allora usa un indirizzo Workspace e la sua password per le app).
the-google-workspace-smtp-relay-a2c2fb4c = Il relay SMTP di Google Workspace deve essere attivato dal tuo amministratore Workspace (Console di amministrazione → App → Google Workspace → Gmail → Routing → Servizio di inoltro SMTP). Se richiede l'autenticazione SMTP, usa un indirizzo Workspace come `userName` e una password per le app creata su myaccount.google.com/apppasswords come `password`; se invece consente l'indirizzo IP del tuo server, lasciali entrambi vuoti.
the-google-workspace-smtp-relay-499576b2 = Il relay SMTP di Google Workspace invia solo dagli indirizzi che il tuo amministratore ha consentito nelle sue impostazioni (di solito quelli dei tuoi domini Workspace): imposta `from` su uno di questi.
the-relay-lets-in-only-6d18d14f = Il relay accetta solo gli indirizzi IP o l'accesso che il tuo amministratore ha consentito nelle impostazioni del servizio di relay SMTP, quindi un test da un altro computer fallisce a meno che non esegua l'accesso. Imposta anche `clientDomain` sul nome di dominio del tuo sito: Google potrebbe rifiutare un semplice nome di computer come `localhost`.
your-full-microsoft-365-email-7d9ec067 = il tuo indirizzo email Microsoft 365 completo
your-admin-must-switch-on-373c5280 = Il tuo amministratore deve attivare "Authenticated SMTP" (SMTP AUTH) per l'organizzazione e per questa casella; è disattivato di default per le organizzazioni create dopo gennaio 2020, e le impostazioni predefinite per la sicurezza di Microsoft Entra lo bloccano. Microsoft lo disattiverà di default per le organizzazioni esistenti alla fine di dicembre 2026 (gli amministratori potranno ancora riattivarlo) e annuncerà la data di rimozione definitiva nella seconda metà del 2027. ASP.NET non sa fare l'accesso OAuth che lo sostituisce: prevedi un relay SMTP (connettore), High Volume Email, Azure Communication Services o MailKit con OAuth.
microsoft-365-use-the-mailbox-2818490c = Microsoft 365: usa l'indirizzo completo della casella come `userName`. L'accesso per i programmi di posta ("Authenticated SMTP") deve essere consentito per questa casella: il tuo amministratore lo attiva nell'interfaccia di amministrazione di Microsoft 365 in Utenti → Utenti attivi → Posta → Gestisci app di posta elettronica. Le impostazioni predefinite per la sicurezza di Microsoft Entra (le protezioni standard di Microsoft per l'accesso) lo bloccano per l'intera organizzazione, qualunque cosa dica quell'interruttore.
microsoft-365-sends-only-as-8f158b7a = Microsoft 365 invia solo come la casella che ha eseguito l'accesso, a meno che il tuo amministratore non conceda l'autorizzazione "Send As" (Invia come): imposta `from` sull'indirizzo in `userName`.
or-if-password-sign-in-b9a28d6a = Oppure, se l'accesso con password resta disattivato, chiedi al tuo amministratore Microsoft 365 una di queste alternative (il sistema di invio del tuo sito, System.Net.Mail, non sa fare OAuth, l'accesso che Microsoft 365 mantiene per i programmi di posta):
an-smtp-relay-your-admin-9f556ed6 = Un relay SMTP: il tuo amministratore crea un connettore per l'indirizzo IP fisso del server web; poi imposta `host` sull'host MX del tuo dominio (finisce con `mail.protection.outlook.com`), `port` su `25`, e lascia vuoti `userName` e `password`.
high-volume-email-hve-a-c7d229de = High Volume Email (HVE): un account Microsoft 365 pensato per i programmi che accede ancora con una password (`host` `smtp-hve.office365.com`, `port` `587`), destinato alla posta verso le caselle della tua organizzazione.
azure-communication-services-microsoft-s-c039b80d = Azure Communication Services: il servizio di invio di Microsoft (`host` `smtp.azurecomm.net`, `port` `587`), che accede con un nome utente e un segreto dell'app che il tuo sito può usare.
mailkit-your-developer-moves-the-6e937e4f = MailKit: il tuo sviluppatore passa il codice di invio a MailKit, che può accedere con OAuth.
direct-send-a-host-ending-9a983c0c = L'invio diretto (un `host` che finisce con `mail.protection.outlook.com`) non richiede accesso: lascia vuoti `userName` e `password` e usa `port` `25`. Consegna solo alle caselle della tua organizzazione; per raggiungere altri indirizzi, accedi a `smtp.office365.com` sulla porta `587`, oppure chiedi al tuo amministratore un connettore (relay SMTP).
direct-send-needs-port-25-5dd62ff9 = L'invio diretto richiede la porta `25` aperta dal server web verso Microsoft 365, e molte società di hosting la bloccano. Se è bloccata, accedi invece a `smtp.office365.com` sulla porta `587`.
your-full-outlook-com-or-1cbd12a8 = il tuo indirizzo Outlook.com o Hotmail completo
since-16-september-2024-personal-6a3f18b4 = Dal 16 settembre 2024 gli account personali Outlook.com e Hotmail non accettano più una password per inviare, ma solo l'accesso OAuth di Microsoft, che un sito con web.config non sa fare. Invia invece la posta del tuo sito tramite un altro provider.
outlook-com-and-hotmail-stopped-6940ffd7 = Outlook.com e Hotmail hanno smesso di accettare password dai programmi a settembre 2024: vogliono un accesso moderno (OAuth) che ASP.NET non sa fare. Invia la posta del tuo sito tramite un altro servizio, oppure chiedi al tuo sviluppatore di passare a MailKit.
outlook-com-sends-only-from-eff7815a = Outlook.com invia solo dall'indirizzo che ha eseguito l'accesso: imposta `from` uguale a `userName`.
send-your-website-s-mail-0dffe9c3 = Invia la posta del tuo sito tramite un servizio che accetta ancora una password, come il server di posta della tua società di hosting o un servizio di invio (SendGrid, Mailgun, Brevo e altri sono nell'elenco dei provider), e cambia `host`, `userName` e `password` con i suoi valori.

## src/providers/data/hosting.rs

your-full-email-address-f7f06033 = il tuo indirizzo email completo
use-your-full-email-address-061b9f4b = Usa il tuo indirizzo email completo e la password della sua casella. GoDaddy indica la porta 465, che ASP.NET non può usare, quindi qui si usa la 587; se la tua email GoDaddy è un piano Microsoft 365, scegli invece Microsoft 365.
godaddy-email-use-your-full-f5fec946 = Email GoDaddy: usa il tuo indirizzo email completo come `userName` e la password della casella, con `host` impostato su `smtpout.secureserver.net`. Se la tua email GoDaddy è un piano Microsoft 365, usa invece le impostazioni di Microsoft 365 (`smtp.office365.com`).
none-leave-the-user-name-d1d66dc0 = nessuno: lascia vuoti nome utente e password
for-websites-on-godaddy-s-aedab5ae = Per i siti sull'hosting Windows (Plesk) di GoDaddy: il relay accetta posta solo dai server di hosting di GoDaddy, sulla porta 25, senza accesso né SSL. Un test da qualsiasi altro computer, compreso questo, fallisce anche quando queste impostazioni sono giuste; da altrove, usa invece il server della tua casella smtpout.secureserver.net (email GoDaddy Workspace).
godaddy-s-hosting-relay-relay-bf34dea5 = Il relay dell'hosting GoDaddy (`relay-hosting.secureserver.net`) non richiede accesso: lascia vuoti `userName` e `password`, con `port` impostato su `25` e `enableSsl` su `false`.
godaddy-s-hosting-relay-takes-3c847b9e = Il relay dell'hosting GoDaddy accetta posta solo dai siti sull'hosting Windows (Plesk) di GoDaddy: un test da qualsiasi altro computer, compreso questo, viene rifiutato o non riceve risposta anche quando le impostazioni sono giuste. Per inviare da altrove, usa il server della tua casella GoDaddy, `smtpout.secureserver.net`, sulla porta `587` con la sua password.
use-your-full-email-address-9cc07a72 = Usa il tuo indirizzo email completo e la password della sua casella. Questo è il server USA; usa smtp.ionos.de o smtp.ionos.co.uk se il tuo contratto è in Germania o nel Regno Unito.
ionos-use-the-full-email-b3c824d1 = IONOS: usa l'indirizzo email completo come `userName` e la password della casella, con il server del paese del tuo contratto come `host` (`smtp.ionos.com`, `smtp.ionos.de` o `smtp.ionos.co.uk`).
always-use-ssl0-ovh-net-fc352534 = Usa sempre ssl0.ovh.net, non mail.tuodominio o un altro alias: il certificato del server è valido solo per ssl0.ovh.net.
ovhcloud-use-the-full-email-1d5e0353 = OVHcloud: usa l'indirizzo email completo come `userName` e la password della casella, con `host` impostato su `ssl0.ovh.net` (il nome per cui è valido il suo certificato).

## src/providers/data/mailboxes.rs

your-full-yahoo-address-d7cae787 = il tuo indirizzo Yahoo completo
yahoo-needs-an-app-password-5227ae49 = Yahoo richiede una password per le app: creane una nelle impostazioni di sicurezza del tuo account Yahoo e usala come password. Yahoo indica la porta 465, che ASP.NET non può usare, quindi qui si usa la 587.
yahoo-needs-an-app-password-a9531010 = Yahoo richiede una password per le app: nel tuo account Yahoo apri Account security → Generate app password (Sicurezza dell'account → Genera password per app) e usala come `password`, con il tuo indirizzo Yahoo completo come `userName`.
yahoo-sends-only-from-the-63878b23 = Yahoo invia solo dall'indirizzo che ha eseguito l'accesso: imposta `from` sul tuo indirizzo Yahoo.
your-full-aol-address-fa50843b = il tuo indirizzo AOL completo
aol-needs-an-app-password-41c701d9 = AOL richiede una password per le app: creane una nelle impostazioni di sicurezza del tuo account AOL (Generate app password) e usala come password. AOL indica la porta 465, che ASP.NET non può usare, quindi qui si usa la 587.
aol-needs-an-app-password-a20054d0 = AOL richiede una password per le app: nel tuo account AOL apri Account security → Generate app password e usala come `password`, con il tuo indirizzo AOL completo come `userName`.
aol-sends-only-from-the-a21f14e3 = AOL invia solo dall'indirizzo che ha eseguito l'accesso: imposta `from` sul tuo indirizzo AOL.
your-full-icloud-address-f5d710c5 = il tuo indirizzo iCloud completo
icloud-needs-an-app-specific-62349497 = iCloud richiede una password specifica per le app: attiva l'autenticazione a due fattori per il tuo Account Apple, creane una su account.apple.com e usala come password.
icloud-mail-needs-an-app-d109cc08 = Mail di iCloud richiede una password specifica per le app: creane una su account.apple.com in Accesso e sicurezza → Password specifiche per le app, e usa il tuo indirizzo iCloud completo come `userName`.
icloud-settings-custom-email-domain-e4eba0f0 = Impostazioni di iCloud → Dominio email personalizzato → il tuo dominio → Visualizza record DNS
for-zoho-accounts-in-the-112ccc5c = Per gli account Zoho nel data center USA (accedi su zoho.com). La posta sul tuo dominio (un account organizzazione) usa invece smtppro.zoho.com. Con l'accesso a due fattori, usa una password specifica per l'applicazione; la porta 465 non funzionerà da ASP.NET.
for-zoho-accounts-in-the-2a39fa43 = Per gli account Zoho nel data center europeo (accedi su zoho.eu). La posta sul tuo dominio (un account organizzazione) usa invece smtppro.zoho.eu. Con l'accesso a due fattori, usa una password specifica per l'applicazione.
for-zoho-accounts-in-the-5b4baa13 = Per gli account Zoho nel data center indiano (accedi su zoho.in). La posta sul tuo dominio (un account organizzazione) usa invece smtppro.zoho.in. Con l'accesso a due fattori, usa una password specifica per l'applicazione.
for-zoho-accounts-in-the-824ee72a = Per gli account Zoho nel data center australiano (accedi su zoho.com.au). La posta sul tuo dominio (un account organizzazione) usa invece smtppro.zoho.com.au. Con l'accesso a due fattori, usa una password specifica per l'applicazione.
for-zoho-accounts-in-the-bc25a75d = Per gli account Zoho nel data center giapponese (accedi su zoho.jp). La posta sul tuo dominio (un account organizzazione) usa invece smtppro.zoho.jp. Con l'accesso a due fattori, usa una password specifica per l'applicazione.
for-zoho-accounts-in-the-8b99c973 = Per gli account Zoho nel data center canadese (accedi su zohocloud.ca). La posta sul tuo dominio (un account organizzazione) usa invece smtppro.zohocloud.ca. Con l'accesso a due fattori, usa una password specifica per l'applicazione.
zoho-mail-use-your-full-9d10f739 = Zoho Mail: usa il tuo indirizzo Zoho completo come `userName`. Se l'accesso a due fattori è attivo, crea una password specifica per l'applicazione in Zoho Accounts → Security e usala come `password`. Usa il server del tuo data center (per esempio `smtp.zoho.eu` in Europa); gli account organizzazione sul proprio dominio usano `smtppro.` al posto di `smtp.` (per esempio `smtppro.zoho.eu`).
zoho-mail-admin-console-domains-3edb7d85 = Zoho Mail Admin Console → Domains → il tuo dominio → Email Configuration → DKIM
your-full-zoho-address-2831abcb = il tuo indirizzo Zoho completo
your-full-fastmail-address-87bad718 = il tuo indirizzo Fastmail completo
fastmail-needs-an-app-password-c4fb265b = Fastmail richiede una password per le app, creata nelle impostazioni di Fastmail. Fastmail preferisce la porta 465, che ASP.NET non può usare; la 587 è supportata ed è quella da usare qui.
fastmail-needs-an-app-password-38a5d0c4 = Fastmail richiede una password per le app: creane una in Settings → Privacy & Security → App passwords e usala come `password`.
fastmail-settings-domains-your-domain-30304e86 = Fastmail Settings → Domains → il tuo dominio → DNS records

## src/providers/data/services.rs

the-smtp-user-name-created-c3972fa4 = il nome utente SMTP creato nella tua risorsa Communication Services
create-an-smtp-user-name-4f29e25b = Crea un nome utente SMTP nella tua risorsa Communication Services (Settings → SMTP Usernames), collegato a un'app Microsoft Entra autorizzata a inviare; la password è il segreto client di quell'app, che scade, quindi rinnovalo in tempo. Invia da un indirizzo MailFrom di un dominio email collegato alla risorsa.
azure-communication-services-username-is-d8adb190 = Azure Communication Services: `userName` è un nome utente SMTP creato nella tua risorsa Communication Services (Settings → SMTP Usernames) e collegato a un'app Microsoft Entra autorizzata a inviare; `password` è il segreto client di quell'app. I segreti client scadono: se prima funzionava, crea un nuovo segreto e usalo.
azure-communication-services-sends-only-b76de958 = Azure Communication Services invia solo dagli indirizzi MailFrom di un dominio email collegato alla tua risorsa Communication Services: imposta `from` su uno di questi.
azure-portal-your-email-communication-068063dd = Portale di Azure → il tuo Email Communication Service → Provision domains → il tuo dominio → Configure
your-ses-smtp-user-name-db55496a = il tuo nome utente SMTP di SES (non una chiave di accesso IAM)
replace-us-east-1-with-ed2f9ac7 = Sostituisci us-east-1 con la regione del tuo account SES, e usa le credenziali SMTP create in SES per quella regione, non le chiavi di accesso IAM. I nuovi account sono nella sandbox e possono inviare solo a indirizzi verificati. Se la porta 587 è bloccata dove gira il tuo sito, usa la porta 2587.
amazon-ses-needs-ses-smtp-0d3a593c = Amazon SES richiede le credenziali SMTP di SES, create nella console SES in SMTP settings per la regione indicata in `host`. Le chiavi di accesso IAM, e le credenziali SMTP di un'altra regione, non funzionano.
amazon-ses-sends-only-from-619c09dc = Amazon SES invia solo da identità verificate: verifica l'indirizzo `from` o il suo dominio nella console SES. Finché l'account è nella sandbox (la modalità di prova dei nuovi account), anche i destinatari devono essere verificati.
apikey-literally-183cf215 = apikey (esattamente così)
the-user-name-is-the-01bbc5c2 = Il nome utente è la parola apikey, esattamente così; la password è la tua chiave API di SendGrid. L'indirizzo del mittente deve essere un mittente verificato in SendGrid. Se la porta 587 è bloccata dove gira il tuo sito, usa la porta 2525.
sendgrid-username-must-be-literally-7669598f = SendGrid: `userName` deve essere esattamente `apikey` (non il tuo login o il tuo indirizzo email), e `password` è una chiave API con l'autorizzazione "Mail Send", incollata senza spazi.
sendgrid-sends-only-from-a-2e1be5ef = SendGrid invia solo da una Sender Identity verificata: verifica l'indirizzo `from` o il suo dominio in Settings → Sender Authentication.
sendgrid-settings-sender-authentication-d404dcdb = SendGrid → Settings → Sender Authentication → Authenticate Your Domain
your-domain-s-smtp-login-3df270ef = il login SMTP del tuo dominio, per es. postmaster@mg.tuodominio.com
use-the-smtp-credentials-of-abbc08bf = Usa le credenziali SMTP del tuo dominio di invio in Mailgun, non la password del tuo account Mailgun. Se la porta 587 è bloccata dove gira il tuo sito, usa la porta 2525.
for-mailgun-accounts-in-the-ac9d0345 = Per gli account Mailgun nella regione UE. Usa le credenziali SMTP del tuo dominio di invio in Mailgun, non la password del tuo account Mailgun. Se la porta 587 è bloccata dove gira il tuo sito, usa la porta 2525.
mailgun-needs-the-smtp-credentials-0df7462f = Mailgun richiede le credenziali SMTP del tuo dominio di invio (per esempio `postmaster@mg.example.com`, in Sending → Domain settings → SMTP credentials), non la password del tuo account Mailgun.
mailgun-sends-from-addresses-of-73f8735a = Mailgun invia dagli indirizzi del tuo dominio di invio verificato: usane uno come `from`.
mailgun-sending-domains-your-domain-d2cc33b7 = Mailgun → Sending → Domains → il tuo dominio → DNS records
your-server-api-token-1a2b5328 = il tuo Server API Token
use-your-postmark-server-api-7df39770 = Usa il tuo Server API Token di Postmark sia come nome utente sia come password. Se la porta 587 è bloccata dove gira il tuo sito, usa la porta 2525.
postmark-use-your-server-api-a8ba1613 = Postmark: usa il tuo Server API Token sia come `userName` sia come `password`.
postmark-sends-only-from-a-17710e90 = Postmark invia solo da una Sender Signature confermata o da un dominio verificato: usane uno come `from`.
your-brevo-smtp-login-04933033 = il tuo login SMTP di Brevo
use-the-smtp-login-and-8b4085f4 = Usa il login SMTP e una chiave SMTP delle impostazioni SMTP di Brevo come password; una chiave API di Brevo non funziona. Se la porta 587 è bloccata dove gira il tuo sito, usa la porta 2525.
brevo-username-is-the-smtp-82151876 = Brevo: `userName` è il login SMTP mostrato in SMTP & API, e `password` è una chiave SMTP della stessa pagina (non una chiave API né la password del tuo account).
brevo-sends-only-from-a-ae02936a = Brevo invia solo da un mittente o un dominio verificato: usane uno come `from`.
brevo-senders-domains-dedicated-ips-cb7d426d = Brevo → Senders, Domains & Dedicated IPs → Domains → Authenticate
your-mailjet-api-key-b626b4b3 = la tua chiave API di Mailjet
the-user-name-is-your-3794f252 = Il nome utente è la tua chiave API di Mailjet e la password la sua chiave segreta, non il tuo login Mailjet. Invia da un indirizzo mittente o un dominio convalidato in Mailjet. Se la porta 587 è bloccata dove gira il tuo sito, usa la porta 2525.
mailjet-username-is-your-mailjet-8fe11462 = Mailjet: `userName` è la tua chiave API di Mailjet e `password` la sua chiave segreta (in Account settings → API keys), non il tuo login Mailjet.
mailjet-sends-only-from-a-c082e9b4 = Mailjet invia solo da un indirizzo mittente o un dominio convalidato: convalida l'indirizzo `from` in Mailjet, oppure usane uno già convalidato.
mailjet-account-settings-domains-spf-8cc2cce1 = Mailjet → Account settings → Domains → SPF/DKIM authentication
an-smtp-user-name-from-e7bd2eb0 = un nome utente SMTP da Sending → SMTP Users
use-an-smtp-user-created-2b1d0bc6 = Usa un utente SMTP creato in SMTP2GO (Sending → SMTP Users) e la sua password, non il tuo login SMTP2GO, e invia da un mittente verificato. Se la porta 587 è bloccata dove gira il tuo sito, usa la porta 2525 (o 8025).
smtp2go-use-an-smtp-user-e1a0c31b = SMTP2GO: usa un utente SMTP del tuo account SMTP2GO (Sending → SMTP Users) come `userName` e la sua password come `password`, non il tuo login SMTP2GO.
smtp2go-sends-only-from-verified-72be2dcc = SMTP2GO invia solo da mittenti verificati (Sending → Verified Senders): usane uno come `from`.

## src/providers/mod.rs

provider-also-takes-mail-on-0f1b4ef0 = { $provider } accetta posta anche sulla porta `{ $port }`, che le società di hosting e i provider internet bloccano raramente: cambia `port` in `{ $port }` e lascia `enableSsl` impostato su `true`.

## src/providers/preset.rs

use-the-outgoing-smtp-server-2aa81402 = Usa il server della posta in uscita (SMTP) che ti indica il tuo hosting o provider di posta, con la porta 587 e SSL attivo. La porta 465 non funzionerà da ASP.NET.

## src/reply.rs

the-server-sent-something-that-6657f988 = il server ha inviato qualcosa che non è una risposta SMTP: { $line }
the-server-s-reply-changed-e8449784 = la risposta del server ha cambiato codice a metà ({ $first } e poi { $then })

## src/report/evidence.rs

tls-version-version-1ac0d9ba = versione TLS: { $version }
cipher-cipher-1a1584a9 = cifrario: { $cipher }
not-encrypted-no-tls-was-4d14e875 = non crittografata (non è stato attivato TLS)
warning-the-password-was-sent-58911bd4 = AVVISO: la password è stata inviata sulla connessione non crittografata (consentito per questo test)
certificate-subject-subject-2b3e305c = soggetto del certificato: { $subject }
certificate-names-names-85ad8f14 = nomi del certificato: { $names }
issued-by-issuer-db64a95a = emesso da: { $issuer }
valid-from-start-until-end-41664af8 = valido dal { $start } al { $end }
expired-answer-7c3dd7c2 = scaduto: { $answer }
self-signed-answer-32e94d4a = autofirmato: { $answer }
sha-256-fingerprint-fingerprint-59cf6063 = impronta SHA-256: { $fingerprint }
certificate-problem-accepted-for-this-cf52b724 = problema del certificato accettato solo per questo test: { $problem }
no-62366ffa = no
none-received-a7fce227 = (nessuno ricevuto)
greeting-banner-2adc54e6 = saluto: { $banner }
ehlo-extensions-extensions-8ae23a31 = estensioni EHLO: { $extensions }
sign-in-methods-offered-methods-958cc42d = metodi di accesso offerti: { $methods }
message-id-of-the-test-1aaceb9a = Message-ID del messaggio di prova: { $id }
transcript-0583096b = Trascrizione
we-sent-the-server-answered-ea6e205d = `->` abbiamo inviato, `<-` il server ha risposto, `~>`/`<~` lo stesso dopo la crittografia, `**` note del tester. Le password appaiono come `<redacted>`.

## src/report.rs

mail-settings-tester-support-report-9e850e75 = Rapporto per l'assistenza di Mail Settings Tester
made-by-mail-settings-tester-5d84e266 = Creato da Mail Settings Tester { $version } il { $now } (UTC).
result-the-server-accepted-the-cb20d937 = Risultato: il server ha accettato il messaggio di prova per { $recipient } (dopo { $time }).
result-the-server-accepted-the-1ce20c7e = Risultato: il server ha accettato il messaggio di prova per { $recipient }, ma: { $summary } (dopo { $time }).
result-failed-summary-after-time-de3e18b7 = Risultato: NON RIUSCITO: { $summary } (dopo { $time }).
result-failed-after-time-e2d9ecdd = Risultato: NON RIUSCITO (dopo { $time }).
stopped-because-error-a65fdf46 = Fermato perché: { $error }.
empty-c2b0def7 = (vuoto)
none-no-sign-in-4e7eb656 = (nessuno: nessun accesso)
this-computer-s-name-94e552fc = (il nome di questo computer)
set-not-included-b8037f8f = impostata (non inclusa)
not-set-ffa35e26 = non impostato
another-mail-program-the-best-1cb12260 = un altro programma di posta (il meglio che offre il server)
test-recipient-9b7a3c52 = destinatario del test
connection-security-used-a0615d9e = sicurezza della connessione usata
tested-as-6d856e84 = provato come
time-limits-3bbef354 = tempi massimi
connect-connect-s-greeting-greeting-0dacfa15 = connessione { $connect } s, saluto { $greeting } s, ogni comando { $command } s
certificate-check-4f7d1e48 = controllo del certificato
off-invalid-certificates-were-accepted-60edc329 = disattivato: i certificati non validi sono stati accettati (il sito non li accetterà)
on-61342fd0 = attivo
settings-4b058728 = Impostazioni
extra-trusted-certificate-authorities-pa-209717b3 = autorità di certificazione aggiuntive attendibili: { $path }
ok-663437af = ok
failed-d7e8fab4 = NON RIUSCITO
checklist-08a568ef = Controlli
each-step-c2d8e180 = Ogni passaggio:
total-time-f96defd0 = Totale: { $time }
diagnosis-547c3c9e = Diagnosi
no-problem-the-test-message-896ed3a9 = Nessun problema: il messaggio di prova è stato accettato.
suggested-change-e6662e4a = Modifica consigliata:

## src/session/connect.rs

no-answer-from-dns-within-75b392c5 = nessuna risposta dal DNS entro { $secs } s
no-address-to-connect-to-d0980056 = nessun indirizzo a cui connettersi

## src/session/dialogue.rs

the-server-sent-more-data-5a7b3835 = il server ha inviato altri dati prima dell'handshake TLS (un attacco noto contro STARTTLS)
starttls-on-a-connection-that-57fec029 = STARTTLS su una connessione già crittografata
this-tester-plain-or-login-6e2aba1f = questo tester (PLAIN o LOGIN)

## src/session/error.rs

it-is-issued-for-names-7de28bc0 = è emesso per { $names }
no-authority-this-computer-trusts-c48ee76c = nessuna autorità di cui questo computer si fida lo garantisce
it-has-expired-fa8972c9 = è scaduto
it-is-not-valid-yet-fb6edb7d = non è ancora valido (oppure l'orologio di questo computer è sbagliato)
the-server-name-host-could-a0934279 = il nome del server { $host } non è stato trovato ({ $detail })
the-connection-to-address-was-8ba9ec2a = la connessione a { $address } è stata rifiutata
no-answer-from-address-within-d9ebdf5c = nessuna risposta da { $address } entro { $secs } s
could-not-connect-to-address-6fadcd41 = impossibile connettersi a { $address }: { $detail }
connected-but-the-server-sent-3a9c719b = connesso, ma il server non ha inviato nessun saluto entro { $secs } s
the-server-does-not-speak-565fe8c3 = il server non parla SMTP: ha inviato "{ $received }"
the-server-refused-step-name-6e46a071 = il server ha rifiutato { $step_name }: { $reply_text }
the-server-does-not-offer-a01d5bcc = il server non offre STARTTLS
the-tls-handshake-failed-detail-c2ab11a8 = l'handshake TLS è fallito: { $detail }
the-server-offers-only-outdated-4185f3ec = il server offre solo una crittografia superata (TLS 1.0 o 1.1): { $detail }
the-server-offers-no-sign-d563271c = il server non offre nessun accesso (AUTH) su questa connessione
the-server-offers-only-sign-2930a676 = il server offre solo metodi di accesso che { $target_name } non può usare: { $methods }
stopped-before-sending-the-password-bc00d9ef = fermato prima di inviare la password su una connessione non crittografata
the-server-asked-for-more-f9503699 = il server ha chiesto altro dopo la password: { $reply_text }
the-server-refused-the-oauth-b0c17084 = il server ha rifiutato il token OAuth ({ $mechanism_name }): { $reply_text }
the-server-offers-no-oauth-226d3d86 = qui il server non offre l'accesso OAuth (offre: { $methods })
stopped-before-sending-the-oauth-6d6be392 = fermato prima di inviare il token OAuth su una connessione non crittografata
the-server-closed-the-connection-9fea2761 = il server ha chiuso la connessione durante { $step_name }
no-reply-to-step-name-b95e1dc7 = nessuna risposta a { $step_name } entro { $secs } s
cancelled-during-step-name-f3828dd3 = annullato durante { $step_name }
the-certificate-file-path-could-de00273b = il file di certificato { $path } non può essere usato: { $detail }
role-words-address-cannot-be-cc200543 = impossibile inviare con { $role_words } { $address }: { $reason }
the-server-broke-the-smtp-275bfdfe = il server ha violato le regole SMTP durante { $step_name }: { $detail }

## src/session/mod.rs

a-reply-went-on-for-a3229ee0 = una risposta è andata avanti per più di { $lines } righe
a-reply-line-was-far-289873fe = una riga di risposta era decisamente troppo lunga

## src/session/report.rs

enablessl-is-off-2a22ebcd = enableSsl è disattivato
encryption-is-off-21238599 = la crittografia è disattivata
no-user-name-289a6df8 = nessun nome utente
not-offered-before-encryption-c28ccb4d = non offerto prima della crittografia
server-offers-no-sign-in-676667ab = il server non offre l'accesso
no-usable-method-sent-without-972e3aeb = nessun metodo utilizzabile; inviato senza accesso
sign-in-refused-sent-without-efec03b6 = accesso rifiutato; inviato senza accesso

## src/session/tls.rs

tls-set-up-failed-error-26855cd2 = configurazione TLS fallita ({ $error })
no-usable-certificate-authority-error-61ef141b = nessuna autorità di certificazione utilizzabile ({ $error })
a-certificate-in-it-is-c93dd3fb = un certificato contenuto non è utilizzabile ({ $error })
it-is-not-a-valid-a66d7d8b = non è un file PEM valido ({ $error })
it-holds-no-certificate-a-4f817e2a = non contiene nessun certificato: era atteso un file PEM (-----BEGIN CERTIFICATE-----) o un file DER .cer
host-is-not-a-valid-8d44e3b8 = { $host } non è un nome TLS valido ({ $error })

## src/settings/address.rs

the-sender-address-from-a6cf0f74 = l'indirizzo mittente (from)
the-test-recipient-c65aed6f = il destinatario del test
only-smtputf8-could-carry-it-b02a2e58 = solo SMTPUTF8 potrebbe trasportarlo, e questo server non offre SMTPUTF8
only-smtputf8-could-carry-it-649eaab3 = solo SMTPUTF8 potrebbe trasportarlo, e ASP.NET di default non usa SMTPUTF8
it-cannot-be-written-into-48e65563 = non può essere scritto nel messaggio di prova
international-domain-the-test-sends-a7641d49 = Dominio internazionale: il test invia { $address } come { $ascii }, la forma che ogni server di posta legge.
address-has-letters-outside-plain-6471a7d7 = { $address } ha lettere diverse da quelle dell'inglese semplice prima della @. Il sistema di invio di ASP.NET rifiuta un indirizzo così a meno che non sia impostato deliveryFormat="International" (ASP.NET 4.5 o successivo) e il server di posta offra SMTPUTF8 (indirizzi internazionali). Il test mostra cosa troverà il tuo sito.
address-has-letters-outside-plain-5f9c2f60 = { $address } ha lettere diverse da quelle dell'inglese semplice prima della @: solo un server di posta che offre SMTPUTF8 (indirizzi internazionali) può accettarlo. Il test verifica se questo lo offre.

## src/settings/ehlo_name.rs

typed-is-not-a-valid-ac381f52 = "{ $typed }" non è un nome di computer valido per clientDomain. Lascialo vuoto per usare il nome di questo computer.
asp-net-introduces-itself-to-bad9a806 = ASP.NET si presenta al server con clientDomain esattamente com'è ("{ $typed }"), e server come Exim rifiutano un semplice indirizzo IP in EHLO (il saluto in cui il tuo sito dice il suo nome); usa il nome di dominio del tuo sito, per esempio www.example.com, oppure lascia vuoto clientDomain.
the-test-introduces-itself-as-38df7222 = Il test si presenta come { $literal }, la forma che i server di posta si aspettano per un indirizzo IP.
many-mail-servers-exim-among-1f6f2699 = Molti server di posta (tra cui Exim) rispondono 501 e rifiutano "{ $typed }" come nome di questo computer: un nome può contenere solo lettere, cifre, trattini e punti, non { $characters }. Usa il nome di dominio del tuo sito, per esempio www.example.com, oppure lascia vuoto clientDomain per usare il nome di questo computer.

## src/settings/validate.rs

host-is-not-a-valid-702a75f3 = "{ $host }" non è un nome di server valido. Controlla che non ci siano errori di battitura.
enter-the-mail-server-s-216e5a0c = Inserisci il nome del server di posta (host), per esempio smtp.example.com.
enter-only-the-server-s-c06d5777 = Inserisci solo il nome del server: togli "{ $scheme }://" (l'host di web.config non lo ha mai).
the-server-name-cannot-contain-a669d667 = Il nome del server non può contenere spazi. Copialo di nuovo dalle istruzioni del tuo provider.
this-looks-like-an-email-923d668e = Questo sembra un indirizzo email. L'host è il nome del server di posta, per esempio smtp.example.com.
the-server-name-cannot-contain-3b89a0a4 = Il nome del server non può contenere "/". Inserisci solo il nome, per esempio smtp.example.com.
put-the-port-in-the-4cc5c678 = Metti la porta nel campo Porta: host "{ $name }", porta { $port }.
international-name-the-test-connects-a9390765 = Nome internazionale: il test si connette alla sua forma ASCII { $ascii }.
port-port-does-not-exist-b3dfc373 = La porta { $port } non esiste: le porte vanno da 1 a 65535. I server di posta di solito usano la 587.
defaultcredentials-is-true-so-web-2cc7e682 = defaultCredentials è true, quindi web.config ignora userName e password e accede come l'account Windows. Imposta defaultCredentials su false per usare il nome utente.
defaultcredentials-true-signs-in-as-bdc7611b = defaultCredentials="true" accede come l'account Windows del sito, cosa che questo test non può fare: invia senza accesso.
a-user-name-is-set-73cdd5ba = Il nome utente è impostato ma la password è vuota. Inserisci la password della casella di posta.
a-password-is-set-but-71fbceb3 = La password è impostata ma userName è vuoto, quindi la password non viene mai usata. Inserisci il nome utente (di solito l'indirizzo email completo).
oauth-signs-in-as-a-2df4a59e = OAuth accede come una casella di posta: inserisci il suo indirizzo completo come nome utente.
oauth-sign-in-needs-an-b27182ff = L'accesso OAuth richiede un token di accesso, e non ce n'è nessuno. Prima accedi con il provider, oppure incolla un token.
asp-net-s-mail-sender-df5acecb = Il sistema di invio di ASP.NET (web.config) non sa accedere con OAuth. Questo test controlla la casella e il token come li userebbe un programma che ne è capace (come MailKit).
address-is-not-a-valid-f804de19 = "{ $address }" non è un indirizzo email valido per il mittente (from). Dovrebbe essere simile a nome@example.com.
address-is-not-a-valid-5cf84c0a = "{ $address }" non è un indirizzo email valido per il destinatario del test. Dovrebbe essere simile a nome@example.com.
enter-the-sender-address-from-92b57a8d = Inserisci l'indirizzo mittente (from), di solito la casella con cui accedi. Se il tuo web.config non ha from, il mittente lo imposta il codice del tuo sito: inserisci quell'indirizzo.
asp-net-system-net-mail-ee4b87b2 = ASP.NET (System.Net.Mail) non può usare SSL alla connessione. Usa la porta 587 con enableSsl="true", oppure scegli la destinazione generica per provare altri programmi.
asp-net-cannot-use-port-85b5d0bc = ASP.NET non può usare la porta 465: aspetta un saluto che non arriva mai. Il test si comporterà allo stesso modo. Usa la porta 587 con enableSsl="true".
starttls-was-chosen-which-means-be6ff6d5 = È stato scelto STARTTLS, che corrisponde a enableSsl="true" in web.config.
certificate-checks-are-off-the-cee3d463 = I controlli del certificato sono disattivati: la connessione non è protetta dagli impostori. Il tuo sito controllerà comunque il certificato e potrebbe non riuscire a inviare.
deliverymethod-is-not-network-so-15953ca7 = deliveryMethod non è "Network", quindi il sito scrive la posta in una cartella invece di inviarla. Imposta deliveryMethod="Network" per inviare tramite questo server.
a-timeout-of-0-seconds-d34a129a = Un tempo massimo di 0 secondi fallirebbe ogni volta. Usa almeno 1 secondo (di solito 10).
timeouts-above-600-seconds-are-94fe3d7e = Tempi massimi oltre 600 secondi non sono utili per un test. Usa da 10 a 60 secondi.

## src/settings.rs

no-encryption-7b0eebe3 = nessuna crittografia
asp-net-core-net-5-d85df409 = ASP.NET Core / .NET 5 o successivo

## src/snippet/django.rs

set-only-one-of-email-74ec3c21 = Imposta su True solo uno tra EMAIL_USE_TLS (STARTTLS, porta 587) ed EMAIL_USE_SSL (SSL alla connessione, porta 465): con entrambi, Django si avvia ma fallisce al primo invio ("EMAIL_USE_TLS/EMAIL_USE_SSL are mutually exclusive").

## src/snippet/format.rs

php-code-bda6edbc = Codice PHP
put-it-inside-configuration-if-e1efa961 = Mettilo dentro <configuration>. Se c'è già un blocco <system.net>, sostituisci solo il blocco <mailSettings> al suo interno e lascia il resto (come <defaultProxy>).
put-this-where-your-php-d17fc47f = Metti questo dove il tuo codice PHP crea l'oggetto PHPMailer (PHPMailer 6.1 o più recente: le costanti ENCRYPTION_ sono arrivate con la 6.1), prima di $mail->send().
put-this-in-wp-config-b7c7c865 = Metti questo in wp-config.php sopra la riga /* That's all, stop editing! */ (richiede il plugin WP Mail SMTP).
put-this-in-the-env-50652e7d = Metti questo nel file .env nella radice del tuo sito Laravel, al posto delle righe MAIL_ già presenti, poi esegui php artisan config:clear.
put-this-in-your-project-96ff8c78 = Metti questo nel settings.py del tuo progetto, al posto delle impostazioni EMAIL_ già presenti.
put-this-where-your-node-9137efc0 = Metti questo dove il tuo codice Node.js crea il transport di Nodemailer, poi invia con transporter.sendMail({"{"} to, subject, text {"}"}).
put-this-line-in-env-903522da = Metti questa riga in .env.local (oppure imposta MAILER_DSN come variabile d'ambiente), al posto di un eventuale MAILER_DSN già presente.
put-the-smtp-section-into-f2c2e121 = Metti la sezione "Smtp" in appsettings.json, accanto alle sezioni già presenti.

## src/snippet/laravel.rs

laravel-11-and-12-no-a3768a2e = Laravel 11 e 12 non leggono più MAIL_ENCRYPTION: usano MAIL_SCHEME. Qui ci sono entrambe le righe perché il blocco funzioni con ogni versione; se ne modifichi una, tienile allineate.
laravel-10-and-older-use-0b26f05b = Laravel 10 e precedenti usano SSL alla connessione solo sulla porta 465; sulla porta { $port } può farlo solo Laravel 11+ (MAIL_SCHEME=smtps).
laravel-s-env-turns-the-d5129581 = La funzione env() di Laravel trasforma il valore di { $key } in qualcos'altro (true, false, null, empty o un valore tra virgolette perde le virgolette): mettilo invece direttamente in config/mail.php.

## src/snippet/mailkit.rs

connect-with-mailkit-like-this-a0f2b3b0 = Connettiti con MailKit così: client.Connect(smtp.Host, smtp.Port, SecureSocketOptions.{ $options }); client.Authenticate(smtp.UserName, smtp.Password);
connect-with-mailkit-like-this-a3cc5a4d = Connettiti con MailKit così: client.Connect(smtp.Host, smtp.Port, SecureSocketOptions.{ $options });
do-not-write-client-connect-63e694a6 = Non scrivere client.Connect(host, 587, useSsl: true): in MailKit useSsl: true significa SSL alla connessione, che fallisce sulla porta 587. enableSsl="true" di web.config corrisponde a SecureSocketOptions.StartTls.
asp-net-core-does-not-b7e6cf14 = ASP.NET Core non legge <mailSettings> di web.config: deve essere il codice del sito a leggere questa sezione.

## src/snippet/nodemailer.rs

secure-true-is-only-for-51c29ab8 = secure: true è solo per SSL alla connessione (porta 465); con STARTTLS deve restare false, altrimenti la connessione fallisce con "wrong version number".
with-secure-false-nodemailer-still-512f72f5 = Con secure: false Nodemailer passa comunque a STARTTLS quando il server lo offre; aggiungi ignoreTLS: true solo se questo fallisce e accetti una connessione non crittografata.

## src/snippet/oauth/django.rs

put-this-in-your-project-1413375b = Metti questo nel settings.py del tuo progetto, al posto delle impostazioni EMAIL_ già presenti.
the-app-needs-microsoft-graph-5db04e0a = L'app ha bisogno dell'autorizzazione applicazione Mail.Send di Microsoft Graph con il consenso dell'amministratore (non SMTP.SendAsApp: questo backend non usa SMTP). Mail.Send permette all'app di inviare come qualsiasi casella della tua organizzazione, a meno che il tuo amministratore non la limiti a questa.
django-o365mail-signs-in-as-58cbac5f = django-o365mail accede come l'app stessa (solo app), non come una persona: non serve nessun refresh token.
without-a-package-azure-communication-7d86afb5 = Senza pacchetti: l'SMTP di Azure Communication Services (smtp.azurecomm.net, porta 587, STARTTLS) accetta nome utente e password, quindi il backend SMTP di Django funziona con esso (EMAIL_HOST_USER = l'SMTP Username di ACS, EMAIL_HOST_PASSWORD = il segreto client dell'app Entra); un servizio di relay funziona allo stesso modo.
enable-the-gmail-api-in-4ecc65d4 = Abilita la Gmail API nel progetto Google Cloud e crea una volta il refresh token con lo script del pacchetto (gmail_oauth2 --generate_oauth2_token), accedendo come la casella di posta.
without-a-package-google-still-88def8b2 = Senza pacchetti: Google accetta ancora una password per le app (con la verifica in due passaggi attiva), che il backend SMTP di Django può usare.

## src/snippet/oauth/laravel.rs

four-parts-each-in-its-a587b09b = Quattro parti, ciascuna nel proprio file: le righe per .env, il mailer per config/mail.php (dentro 'mailers' => [...]), il codice per il metodo boot() di app/Providers/AppServiceProvider.php e la classe app/Mail/FreshTokenXOAuth2Authenticator.php. Poi esegui php artisan config:clear.
laravel-through-symfony-mailer-cannot-d46f9f68 = Laravel (tramite Symfony Mailer) non sa ottenere da solo un token OAuth, e un token dura solo circa un'ora: questo transport personalizzato ne ottiene uno nuovo per ogni connessione. Richiede Laravel 9 o più recente con symfony/mailer 6.3 o più recente (Laravel 11 e successivi lo hanno; su Laravel 10 esegui composer update symfony/mailer).

## src/snippet/oauth/mailkit.rs

put-the-smtp-section-the-c60f3059 = Metti la sezione "Smtp" (la parte JSON) in appsettings.json, al posto di un'eventuale sezione "Smtp" già presente; aggiungi la classe C# al tuo progetto e registrala: builder.Services.AddSingleton<OAuthMailSender>();
this-uses-app-only-sign-823f2f67 = Questo usa l'accesso solo app (il sito accede a nome proprio), che è ciò che serve a un sito: l'accesso delegato richiederebbe una persona davanti a un browser e una cache dei token.
keep-the-client-secret-out-d02d7bb5 = Non mettere il segreto client in un appsettings.json di un repository condiviso: dotnet user-secrets, una variabile d'ambiente (Smtp__ClientSecret) o un key vault lo sovrascrivono.
do-not-connect-with-usessl-3f8b4515 = Non connetterti con useSsl: true sulla porta 587: in MailKit significa SSL alla connessione. STARTTLS è SecureSocketOptions.StartTls, come nella sezione.
appsettings-json-and-c-mailkit-ca0b1f7c = appsettings.json e C# (MailKit)

## src/snippet/oauth/nodemailer.rs

put-this-in-your-node-c0ffada9 = Metti questo nel tuo codice Node.js e invia con await sendMail({"{"} to, subject, text {"}"}). Installa una volta: npm install nodemailer @azure/msal-node
put-this-where-your-node-185c1777 = Metti questo dove il tuo codice Node.js crea il transport di Nodemailer, poi invia con transporter.sendMail({"{"} to, subject, text {"}"}). Nodemailer rinnova il token da solo.
node-js-code-nodemailer-7e94db6a = Codice Node.js (Nodemailer)

## src/snippet/oauth/notes.rs

oauth-means-signing-in-through-7580ed84 = OAuth significa accedere tramite { $who } invece che con la password della casella: il sito chiede a { $who } un token di breve durata con l'ID e il segreto dell'app (nessuna persona accede), e accede con quel token.
oauth-means-signing-in-through-828dd6c6 = OAuth significa accedere tramite la pagina di { $who } invece che con una password: il proprietario della casella accede una volta, il sito conserva un refresh token e lo usa per ottenere token di breve durata.
replace-placeholder-with-the-app-d5a0af53 = Sostituisci { $placeholder } con il segreto client dell'app. È omesso perché il frammento si possa condividere in sicurezza; tienilo fuori dai file che condividi o di cui fai commit (meglio una variabile d'ambiente o un archivio di segreti).
replace-placeholder-with-the-refresh-50c0846a = Sostituisci { $placeholder } con il refresh token che ottieni quando il proprietario della casella accede una volta all'app (tienilo segreto come una password).
replace-placeholder-with-the-app-dd0be73d = Sostituisci { $placeholder } con l'ID client dell'app (Application (client) ID, nella pagina Overview dell'app nell'interfaccia di amministrazione di Microsoft Entra).
replace-placeholder-with-the-app-e2337baa = Sostituisci { $placeholder } con l'ID client dell'app (dal client OAuth nella console Google Cloud, API e servizi → Credenziali).
replace-placeholder-with-the-directory-163145f4 = Sostituisci { $placeholder } con il Directory (tenant) ID della pagina Overview dell'app (o il tuo dominio, come example.onmicrosoft.com).
replace-placeholder-with-the-mailbox-bbe7cc54 = Sostituisci { $placeholder } con l'indirizzo della casella da cui invia il sito.
google-has-no-app-only-ba6e748c = Google non ha un accesso solo app per una normale casella di posta: servirebbe un account di servizio Google Workspace con delega a livello di dominio, configurato dall'amministratore Workspace. Qui si accede invece come la casella (accesso delegato).
app-only-sign-in-needs-ad5c921d = L'accesso solo app richiede una configurazione una tantum da parte del tuo amministratore Microsoft 365: l'autorizzazione SMTP.SendAsApp, il consenso dell'amministratore e l'accesso dell'app a questa casella in Exchange (vedi i passaggi di configurazione).
the-app-registration-needs-the-f7d5f684 = La registrazione dell'app richiede l'autorizzazione delegata SMTP.Send, e il refresh token deve essere chiesto con gli ambiti https://outlook.office.com/SMTP.Send e offline_access.
the-google-oauth-client-needs-6e9d68ed = Il client OAuth di Google richiede l'ambito { $scope }. Finché la schermata di consenso OAuth di Google è in "Testing", i refresh token scadono dopo 7 giorni: pubblica l'app prima di farci affidamento.
smtp-sign-in-smtp-auth-976b28fe = L'accesso SMTP (SMTP AUTH) deve restare attivo per la casella, anche con OAuth: Set-CASMailbox -SmtpClientAuthenticationDisabled $false.
the-tested-connection-was-not-ee5febd4 = La connessione provata non era crittografata: i token OAuth non devono attraversare la rete senza crittografia, quindi qui si usa STARTTLS. Prova la porta 587 con STARTTLS (o la 465 con SSL alla connessione) prima di farci affidamento.
while-the-google-oauth-consent-d3b7b869 = Finché la schermata di consenso OAuth di Google è in "Testing", i refresh token scadono dopo 7 giorni: pubblica l'app prima di farci affidamento.

## src/snippet/oauth/php_token.rs

the-token-request-uses-php-264e594e = La richiesta del token usa file_get_contents di PHP su un indirizzo https://: allow_url_fopen di PHP deve essere attivo (lo è di default) e il server deve poter raggiungere l'endpoint del token.

## src/snippet/oauth/phpmailer.rs

put-this-where-your-php-021b3499 = Metti questo dove il tuo codice PHP crea l'oggetto PHPMailer (PHPMailer 6.6 o più recente: OAuthTokenProvider è arrivato con la 6.6), prima di $mail->send(); le righe use vanno in cima al file.
put-this-where-your-php-e46cf1ca = Metti questo dove il tuo codice PHP crea l'oggetto PHPMailer (PHPMailer 6 con Composer), prima di $mail->send(); le righe use vanno in cima al file.
phpmailer-s-own-oauth-class-d202c98f = La classe OAuth di PHPMailer funziona solo con un refresh token (qualcuno accede una volta); per l'accesso solo app, la piccola classe AppOnlyOAuthToken qui chiede a Microsoft un token con l'ID e il segreto dell'app.
get-the-refresh-token-once-daf7ceaf = Ottieni una volta il refresh token con get_oauth_token.php di PHPMailer (è incluso in PHPMailer): mettilo sul tuo sito, aggiungi il suo indirizzo agli URI di reindirizzamento dell'app, aprilo, scegli { $provider } e accedi come la casella. Poi elimina lo script.
microsoft-sends-only-as-the-720b52d1 = Microsoft invia solo come la casella che accede (o un indirizzo con cui può inviare): lascia setFrom su quell'indirizzo.

## src/snippet/oauth/setup.rs

open-the-microsoft-entra-admin-56e219d9 = Apri l'interfaccia di amministrazione di Microsoft Entra (entra.microsoft.com) → App registrations → New registration. Dagli un nome (per esempio "Posta del sito"), lascia "Accounts in this organizational directory only" e registralo. La sua pagina Overview mostra l'Application (client) ID e il Directory (tenant) ID: al sito servono entrambi.
open-the-microsoft-entra-admin-830973c3 = Apri l'interfaccia di amministrazione di Microsoft Entra (entra.microsoft.com) → App registrations e apri l'app il cui Application (client) ID è { $client_id } (oppure creala: New registration, "Accounts in this organizational directory only"). Annota il Directory (tenant) ID nella sua pagina Overview: al sito serve.
open-the-microsoft-entra-admin-566fe1a1 = Apri l'interfaccia di amministrazione di Microsoft Entra (entra.microsoft.com) → App registrations e apri l'app il cui Application (client) ID è { $client_id } (oppure creala: New registration, "Accounts in this organizational directory only"). Il suo Directory (tenant) ID dovrebbe essere { $tenant }.
in-the-app-api-permissions-e2b91c93 = Nell'app: API permissions → Add a permission → APIs my organization uses → cerca "Office 365 Exchange Online" → Application permissions → seleziona SMTP.SendAsApp → Add permissions.
still-on-api-permissions-click-3f5fb2d8 = Sempre in API permissions, fai clic su "Grant admin consent" per la tua organizzazione (può farlo solo un amministratore).
certificates-secrets-new-client-secret-12e13caf = Certificates & secrets → New client secret. Copia subito il suo Value (viene mostrato solo questa volta) e mettilo dove il sito legge il suo segreto client. Segna la data di scadenza nel calendario: quando il segreto scade, il sito smette di inviare finché non ne crei uno nuovo.
enterprise-applications-not-app-registra-0ee3ad08 = Enterprise applications (non App registrations) → apri la stessa app → copia il suo Object ID. L'Object ID della registrazione app è un numero diverso e fa fallire l'accesso. Sostituisce { $placeholder } qui sotto.
in-powershell-install-the-exchange-208056fd = In PowerShell, installa il modulo Exchange Online (una volta) e accedi come amministratore di Exchange.
tell-exchange-about-the-app-7738c8e6 = Fai conoscere l'app a Exchange (la sua entità servizio).
let-the-app-use-the-0b50e2fa = Consenti all'app di usare la casella { $mailbox }.
make-sure-smtp-sign-in-b85ae76e = Assicurati che l'accesso SMTP (SMTP AUTH) sia attivo per la casella: serve anche a OAuth.

## src/snippet/oauth/symfony.rs

save-the-first-part-as-bebdcc14 = Salva la prima parte come src/Mailer/FreshTokenXOAuth2Authenticator.php; usa la seconda parte dove il tuo codice invia la posta, al posto del mailer creato da MAILER_DSN.
symfony-mailer-cannot-fetch-an-653576c6 = Symfony Mailer non sa ottenere da solo un token OAuth: il suo accesso XOAUTH2 usa la password come token, e un token dura solo circa un'ora. La piccola classe qui ne ottiene uno nuovo per ogni connessione. Richiede symfony/mailer 6.3 o più recente (setAuthenticators).
php-code-symfony-mailer-69a187c6 = Codice PHP (Symfony Mailer)

## src/snippet/oauth/web_config.rs

put-it-inside-configuration-replacing-fa45570d = Mettilo dentro <configuration>, al posto del blocco <system.net> <mailSettings> già presente (lascia tutto il resto dentro <system.net>, come <defaultProxy>).
asp-net-s-mail-sender-22b9064f = Il sistema di invio di ASP.NET (System.Net.Mail, che legge web.config) non sa accedere con OAuth (la richiesta, issue 76253 di dotnet/runtime, è aperta dal 2022), e Microsoft stessa consiglia invece MailKit (indicazione DE0005).
way-out-1-create-an-4ee187a7 = Soluzione 1: crea una password per le app per la casella (Password per le app, nelle impostazioni di sicurezza dell'Account Google) e mettila al posto di { $placeholder }. Un amministratore Workspace può vietare le password per le app: in quel caso usa un servizio di relay o MailKit.
asp-net-cannot-use-port-3fcf6280 = ASP.NET non può usare la porta 465 (SSL alla connessione), quindi si usa invece la porta 587 con enableSsl="true".
way-out-1-azure-communication-18094b5e = Soluzione 1, SMTP di Azure Communication Services (smtp.azurecomm.net, porta 587, enableSsl="true"): nel portale di Azure crea un Email Communication Service con il tuo dominio e una risorsa Communication Services, dai accesso a un'app Entra e crea un SMTP Username. Poi userName è quell'SMTP Username e password è il segreto client dell'app (sostituisci { $user_placeholder } e { $secret_placeholder }). L'indirizzo del mittente deve essere su un dominio verificato in ACS.
way-out-2-a-relay-7b644bf3 = Soluzione 2, un servizio di relay (SendGrid, Brevo, Mailgun, Amazon SES, SMTP2GO, ...): metti il suo host, la porta 587, enableSsl="true" e il suo nome utente SMTP e password o chiave nell'elemento <network>.
way-out-3-an-exchange-c0be45f4 = Soluzione 3, un connettore Exchange: il tuo amministratore crea in Exchange Online un connettore in ingresso che accetta posta dall'indirizzo IP fisso del server web; il sito poi invia a <tuo dominio>.mail.protection.outlook.com sulla porta 25 senza userName e password (anche lì funziona enableSsl="true").
way-out-4-high-volume-cdeb9bee = Soluzione 4, High Volume Email (smtp-hve.office365.com, porta 587): accetta ancora una password, ma consegna solo a indirizzi interni alla tua organizzazione.
way-out-5-move-the-166eb8f2 = Soluzione 5: passa il codice di posta del sito a MailKit, che accede con OAuth (vedi la scheda ASP.NET Core per il codice; MailKit funziona anche su .NET Framework 4.x).

## src/snippet/oauth/wordpress.rs

put-this-in-wp-config-7f22d207 = Metti questo in wp-config.php sopra la riga /* That's all, stop editing! */ (richiede il plugin WP Mail SMTP), al posto delle righe WPMS_ già presenti.
with-wp-mail-smtp-the-c123677e = Con WP Mail SMTP l'accesso si fa dalla pagina delle impostazioni del plugin: segui i suoi passaggi, non la configurazione solo app per SMTP (SMTP.SendAsApp).
steps-1-in-the-google-54eefa59 = Passaggi: 1. Nella console Google Cloud, crea un progetto, abilita la Gmail API e crea un ID client OAuth di tipo "Applicazione web". 2. Copia l'"Authorized redirect URI" mostrato nelle impostazioni di WP Mail SMTP negli "URI di reindirizzamento autorizzati" del client. 3. Incolla qui sopra l'ID client e il segreto. 4. Nelle impostazioni di WP Mail SMTP, usa il suo pulsante per accedere con l'account Google della casella e consenti al plugin di inviare.
steps-1-in-the-microsoft-ea0ecf6c = Passaggi: 1. Nell'interfaccia di amministrazione di Microsoft Entra, App registrations → New registration. 2. Aggiungi l'URI di reindirizzamento e le autorizzazioni elencati nella pagina delle impostazioni Outlook di WP Mail SMTP. 3. Certificates & secrets → New client secret; incolla qui sopra l'ID client e il segreto. 4. Nelle impostazioni di WP Mail SMTP, usa il suo pulsante per accedere con l'account Microsoft della casella.
the-outlook-mailer-is-part-f00ba925 = Il mailer Outlook fa parte solo di WP Mail SMTP Pro. Senza Pro: l'SMTP di Azure Communication Services (smtp.azurecomm.net, porta 587, STARTTLS) funziona con il mailer "Other SMTP" del plugin e un nome utente e una password.
nothing-in-wp-config-php-e750f8c3 = Niente in wp-config.php esegue l'accesso: il plugin conserva l'accesso ottenuto nella sua pagina delle impostazioni, quindi ripeti il passaggio 4 se l'invio si ferma (per esempio dopo la scadenza del segreto).

## src/snippet/parts.rs

from-is-empty-the-website-80fe4bb0 = from è vuoto: allora deve essere il codice del sito a impostare il mittente.
replace-placeholder-with-the-mailbox-0d73c02b = Sostituisci { $placeholder } con la password della casella (è omessa perché il frammento si possa condividere in sicurezza).
defaultcredentials-signing-in-as-the-f49dc854 = defaultCredentials (l'accesso come account Windows) esiste solo nel web.config di ASP.NET: questo frammento non esegue l'accesso. Inserisci nome utente e password se il server li richiede.
no-encryption-the-password-crosses-60b57264 = Nessuna crittografia: la password attraversa la rete senza crittografia. Usa STARTTLS o SSL alla connessione se il server li offre.
port-465-is-for-ssl-d3d922fc = La porta 465 è per SSL alla connessione, e la maggior parte dei programmi di posta lo usa sempre lì. Prova la porta 587 con STARTTLS, o la porta 465 con SSL alla connessione, prima di farci affidamento.

## src/snippet/phpmailer.rs

smtpautotls-is-false-so-that-d6642a40 = SMTPAutoTLS è false perché PHPMailer non passi da solo a STARTTLS; togli quella riga se il server offre STARTTLS e vuoi usarlo.

## src/snippet/symfony.rs

the-user-name-and-password-db6b0fdc = Nome utente e password sono codificati come URL nel DSN (per esempio @ è %40): se li modifichi, codificali allo stesso modo.
smtp-switches-to-starttls-by-b5d12bbf = smtp:// passa da solo a STARTTLS quando il server lo offre. Symfony usa sempre SSL alla connessione sulla porta 465, anche con smtp://.
smtp-still-switches-to-starttls-cb0f6b8f = smtp:// passa comunque a STARTTLS quando il server lo offre (Symfony 7.1+ può disattivarlo con ?auto_tls=false).
smtps-means-ssl-on-connect-dabcf4ab = smtps:// significa SSL alla connessione. Symfony usa SSL alla connessione anche per qualsiasi DSN sulla porta 465.
symfony-mailer-takes-the-sender-5727fd05 = Symfony Mailer prende il mittente da ogni messaggio: usa { $from } come suo indirizzo From.

## src/snippet/wordpress.rs

wpms-ssl-tls-means-starttls-e40daa42 = WPMS_SSL 'tls' significa STARTTLS (il commento del plugin "TLS is not STARTTLS" è fuorviante): lascia 'tls' con la porta 587 e 'ssl' solo per la porta 465.

## src/warning.rs

your-website-will-then-log-9d26b372 = Allora il tuo sito registrerà
for-mail-to-anyone-else-362213fd = Per la posta verso chiunque altro, il tuo sito registrerà
the-test-message-arrived-but-a31edd84 = Il messaggio di prova è arrivato, ma la posta ai tuoi clienti verrà rifiutata
this-server-took-the-test-163aee85 = Questo server ha preso il messaggio di prova senza accesso perché era indirizzato a una delle sue caselle. Quando gli è stato chiesto di prendere posta per un indirizzo esterno (non è stato inviato nulla), ha rifiutato: "{ $reply }". Senza accesso, la posta del tuo sito verso chiunque altro (conferme d'ordine, reimpostazioni della password) viene rifiutata allo stesso modo.
fill-in-username-and-password-14461f2f = Compila `userName` e `password` (e imposta `enableSsl` su `true`): un sito che ha eseguito l'accesso può inviare a qualsiasi indirizzo. Ripeti il test con questi dati.
or-ask-your-hosting-company-fee3b0e0 = Oppure chiedi alla tua società di hosting quale server e quale porta permettono al sito di inviare a indirizzi esterni.
azure-communication-services-a-microsoft-ac627e0b = Azure Communication Services: un relay di Microsoft che continua ad accettare nome utente e password (smtp.azurecomm.net, porta 587, enableSsl attivo; userName è il suo nome utente SMTP, password il segreto client dell'app Entra). Scegli il preset "Azure Communication Services" e provalo.
a-sending-service-that-takes-06d85dc4 = Un servizio di invio che accetta password (SendGrid, Brevo, Mailgun, Amazon SES, SMTP2GO) o il server di posta della tua società di hosting: cambia host, userName e password con i loro.
an-exchange-connector-your-admin-6c6db3dc = Un connettore Exchange: il tuo amministratore consente all'indirizzo IP fisso del server web di inviare tramite la porta 25 a <tuo dominio>.mail.protection.outlook.com senza accesso.
high-volume-email-smtp-hve-996cf456 = High Volume Email (smtp-hve.office365.com, porta 587) accetta le password fino a settembre 2028, ma consegna solo alle caselle della tua organizzazione.
or-move-the-site-s-da0ce105 = Oppure passa il codice di posta del sito a MailKit con OAuth (il sistema di invio integrato di ASP.NET non sa fare OAuth).
sign-in-with-oauth-instead-a6b809b7 = Accedi invece con OAuth (app Microsoft 365 con l'autorizzazione SMTP.SendAsApp): provalo qui con Accesso → Microsoft 365 (OAuth), oppure `mailtester send --oauth microsoft`, poi usa il frammento OAuth per la tua piattaforma.
or-send-through-a-relay-09358923 = Oppure invia tramite un relay che accetta ancora le password: Azure Communication Services (smtp.azurecomm.net) o un servizio di invio.
this-works-today-but-microsoft-1e66a965 = Oggi funziona, ma Microsoft 365 disattiverà l'accesso con password alla fine di dicembre 2026
microsoft-switches-password-sign-in-b29c7af0 = Microsoft disattiverà di default l'accesso con password per SMTP (autenticazione di base) per tutte le organizzazioni Microsoft 365 alla fine di dicembre 2026. Per ora un amministratore può riattivarlo; Microsoft annuncerà la fine definitiva nella seconda metà del 2027. Da allora, la posta del tuo sito si fermerà.

## src/webconfig/document.rs

a-second-top-level-element-0dbfb207 = un secondo elemento di primo livello; tutto deve stare dentro l'unico elemento <configuration>
text-outside-the-configuration-element-5ab3603e = testo fuori dall'elemento <configuration>; toglilo
name-is-never-closed-name-53fcf71f = <{ $name }> non viene mai chiuso (manca </{ $name }>)
the-file-has-no-elements-e99344ab = il file non ha nessun elemento (dovrebbe iniziare con <configuration>)
a-tag-is-not-closed-61fb9e67 = un tag non è chiuso: manca un > (oppure delle virgolette dentro il tag non sono chiuse)
a-comment-that-starts-with-3173cbb0 = un commento che inizia con <!-- non viene mai chiuso con -->
a-cdata-section-is-never-36fbd2fd = una sezione <![CDATA[ non viene mai chiusa con ]]>
a-instruction-is-never-closed-c4b71c8b = un'istruzione <? ... ?> non viene mai chiusa con ?>
something-starting-with-is-neither-c5af375e = qualcosa che inizia con <! non è né un commento né un markup valido
found-closes-expected-which-is-b2b369eb = </{ $found }> chiude <{ $expected }>, che è ancora aperto: manca un tag di chiusura o è scritto male
name-closes-an-element-that-427ce6ea = </{ $name }> chiude un elemento che non è mai stato aperto
name-is-never-closed-c06a4bbe = <{ $name }> non viene mai chiuso
a-comment-contains-two-hyphens-e819051e = un commento contiene -- (due trattini), che XML non consente dentro <!-- -->
an-starts-a-reference-that-acc80456 = una & inizia un riferimento che non viene mai concluso con ; (scrivi & come &amp;)
the-xml-line-at-the-d4be05db = la riga <?xml ...?> in cima non ha version="1.0"
the-xml-could-not-be-ebe072f9 = impossibile leggere l'XML ({ $error })

## src/webconfig/error.rs

this-web-config-is-not-e049049c = questo web.config non è un XML valido: { $problem } (riga { $line }, colonna { $column }). Nemmeno ASP.NET riesce a leggerlo; correggilo in un editor di testo o ripristina una copia di sicurezza, poi riprova
this-file-is-not-a-946b2312 = questo file non è un web.config: il suo primo elemento è <{ $root }>, non <configuration>. Apri il web.config del sito (si trova nella cartella principale del sito)
this-web-config-has-no-622e34e8 = questo web.config non ha ancora impostazioni di posta; prova le tue impostazioni e usa Aggiorna per aggiungerle
the-mail-settings-are-not-2daa99b4 = le impostazioni di posta non sono in questo file: <{ $element } configSource="{ $file }"> le tiene in { $file }, accanto a questo web.config. Apri invece quel file
the-mail-settings-in-this-ba3ab443 = le impostazioni di posta in questo web.config sono crittografate ({ $detail }), quindi qui non si possono leggere né modificare. Decrittografale sul server con aspnet_regiis -pd "system.net/mailSettings/smtp" (e crittografale di nuovo dopo con -pe), oppure scrivi le impostazioni a mano
found-on-line-line-must-5332e735 = <{ $found }> alla riga { $line } deve essere scritto <{ $expected }> (i nomi degli elementi distinguono maiuscole e minuscole e ASP.NET rifiuta il file così com'è). Correggi il nome in un editor di testo, poi riprova
element-appears-more-than-once-f637cee8 = <{ $element }> compare più di una volta (di nuovo alla riga { $line }); ASP.NET rifiuta una sezione scritta due volte. Togli quella in più in un editor di testo, poi riprova
the-attribute-value-has-a-50c8f903 = il valore di { $attribute } contiene un carattere di controllo ({ $character }) che un web.config non può contenere: ASP.NET rifiuterebbe l'intero file e il sito si fermerebbe con l'errore 500.19. Non è stato modificato nulla; riscrivi { $attribute } senza quel carattere (spesso arriva dal copia e incolla), poi riprova
the-tester-could-not-update-b7d291a7 = il tester non è riuscito ad aggiornare questo web.config in modo sicuro ({ $arg0 }); non è stato modificato nulla. Segnalalo, per favore, e per ora modifica il file a mano
there-is-no-file-here-7f01ff88 = qui non c'è nessun file; controlla il percorso (il web.config si trova nella cartella principale del sito): { $path }
another-program-has-the-file-fad4180e = un altro programma ha il file aperto e non permette di modificarlo, quindi non è stato modificato nulla; chiudi il programma che lo tiene aperto (un editor, Gestione IIS, uno strumento di backup o sincronizzazione), poi riprova: { $path }
this-is-what-not-a-05f9ae91 = questo è { $what }, non un file, quindi è stato lasciato com'è; indica il percorso del file web.config stesso (si trova nella cartella principale del sito): { $path }
the-file-is-read-only-c3ff344c = il file è di sola lettura (è contrassegnato come tale, oppure questo account non può scriverci), quindi non è stato modificato nulla; togli l'attributo di sola lettura (Windows: Proprietà del file, deseleziona Sola lettura; Linux: chmod u+w) oppure esegui come un utente che può scriverlo, poi riprova: { $path }
the-file-is-size-bytes-2a8cdc56 = il file è di { $size } byte, troppo grande per un web.config (il limite è { $limit } byte); controlla che sia il file giusto: { $path }
the-file-is-not-utf-e2a5449c = il file non è testo UTF-8 o UTF-16 ({ $detail }); aprilo in un editor di testo e salvalo come UTF-8, poi riprova: { $path }
the-file-changed-on-disk-62f7b37a = il file è cambiato sul disco dopo che le modifiche erano state preparate (un altro programma o un'altra persona l'ha modificato), quindi non è stato scritto nulla; esegui di nuovo l'aggiornamento per vedere un diff aggiornato: { $path }
could-not-write-the-backup-75f9a6c2 = impossibile scrivere la copia di sicurezza ({ $source }), quindi il web.config non è stato modificato; libera spazio su disco o controlla i permessi della cartella: { $path }
could-not-write-the-new-01f69e66 = impossibile scrivere il nuovo contenuto ({ $source }); il vecchio contenuto è al sicuro nella copia { $backup }, quindi se ora il web.config è danneggiato, copiaci sopra la copia di sicurezza: { $path }
permission-denied-this-account-may-28324bb6 = permesso negato: questo account non può leggere il file. { $advice }: { $path }
permission-denied-this-account-may-14f1cab5 = permesso negato: questo account non può scrivere il file (o creare file nella sua cartella). { $advice }: { $path }
could-not-read-the-file-988f82d4 = impossibile leggere il file ({ $source }); controlla il percorso e riprova: { $path }
could-not-write-the-file-0790a48d = impossibile scrivere il file ({ $source }); controlla il percorso e riprova: { $path }
a-website-s-files-under-c1972da4 = I file di un sito (per esempio in C:\inetpub) di solito richiedono i diritti di amministratore: chiudi Mail Settings Tester, fai clic destro e scegli "Esegui come amministratore", poi riprova; oppure lavora su una copia del file
run-it-as-a-user-e923af9a = Eseguilo come un utente che può farlo (su un server web spesso root o il proprietario del sito, per es. con sudo), oppure lavora su una copia del file

## src/webconfig/file/checks.rs

a-named-pipe-fifo-47ff048c = una named pipe (FIFO)
a-device-7c776f4e = un dispositivo
a-socket-26577a75 = un socket
a-folder-419478b0 = una cartella
not-a-regular-file-ebe2737d = non un file normale

## src/webconfig/file.rs

utf-16-with-an-odd-c94555ea = UTF-16 con un numero dispari di byte: il file è troncato
broken-utf-16-5bc13a27 = UTF-16 danneggiato
it-looks-like-utf-16-33d07569 = sembra UTF-16 senza byte order mark
line-line-has-a-character-cb86bf3b = la riga { $line } ha un carattere che non è UTF-8, probabilmente una vecchia codifica di Windows
too-many-backups-with-the-2a36fe1a = troppe copie di sicurezza con lo stesso orario

## src/webconfig/layout.rs

added-element-inside-parent-431becd7 = Aggiunto <{ $element }> dentro <{ $parent }>.

## src/webconfig/lint.rs

fix-the-xml-in-a-546837d2 = Correggi l'XML in un editor di testo (o ripristina una copia di sicurezza), poi controlla di nuovo.
open-the-site-s-web-b8d6e299 = Apri invece il web.config del sito.
check-that-other-file-instead-0ed422f0 = Controlla invece quell'altro file.
decrypt-the-section-to-check-cf798e5a = Decrittografa la sezione per controllarla, oppure prova le impostazioni scrivendole a mano.
this-web-config-has-no-07bafa83 = Questo web.config non ha impostazioni di posta (<system.net><mailSettings><smtp>).
test-your-settings-then-use-6448d6a8 = Prova le tue impostazioni, poi usa Aggiorna per aggiungerle.
smtp-has-no-network-element-aa04a6eb = <smtp> non ha un elemento <network>, quindi non viene indicato nessun server di posta: l'invio fallisce con "The SMTP host was not specified." a meno che non lo imposti il codice del sito.
add-network-host-port-587-17c60e62 = Aggiungi <network host="..." port="587" enableSsl="true" ... /> dentro <smtp> (Aggiorna lo fa per te).
found-must-be-written-right-a97a6695 = <{ $found }> deve essere scritto <{ $right }>: i nomi degli elementi distinguono maiuscole e minuscole, e ASP.NET rifiuta il file così com'è.
rename-found-to-right-in-b46d1244 = Rinomina <{ $found }> in <{ $right }> (nel tag di apertura e in quello di chiusura).
element-is-written-more-than-3c644821 = <{ $element }> è scritto più di una volta: ASP.NET rifiuta una sezione che compare due volte.
keep-one-element-and-remove-0b3b6944 = Tieni un solo <{ $element }> e togli l'altro.
the-mail-settings-are-inside-00a41f02 = Le impostazioni di posta sono dentro <location path="{ $path }">, quindi valgono per quella parte del sito.
usually-fine-if-the-whole-bd9e2bd3 = Di solito va bene; se tutto il sito invia posta e questa è una sottocartella, sposta <system.net> direttamente sotto <configuration>.
element-has-name-but-net-61c07682 = <{ $element }> ha `{ $name }`, ma .NET conosce solo `{ $right }`: i nomi degli attributi distinguono maiuscole e minuscole, quindi ASP.NET rifiuta l'intera sezione della posta ("Unrecognized attribute '{ $name }'. Note that attribute names are case-sensitive.") e non viene inviata nessuna posta.
rename-name-to-right-update-cb52d8cf = Rinomina `{ $name }` in `{ $right }` (Aggiorna lo fa per te).
replace-name-with-meant-the-e25b0aa5 = Sostituisci `{ $name }` con `{ $meant }` (il nome che .NET conosce).
remove-name-element-knows-known-3e4e8597 = Togli `{ $name }`. <{ $element }> conosce: { $known }.
element-has-name-which-is-117faef4 = <{ $element }> ha `{ $name }`, che non è un'impostazione di posta .NET: ASP.NET rifiuta l'intera sezione della posta ("Unrecognized attribute '{ $name }'.") e non viene inviata nessuna posta.

## src/webconfig/lint_tls.rs

targetframework-stated-a-site-that-de58a7e3 = targetFramework="{ $stated }": un sito che punta a .NET Framework 4.5.2 o precedente offre di default solo TLS 1.0, e ormai i server di posta accettano solo TLS 1.2 o più recente, quindi l'invio fallisce con "Authentication failed because the remote party has closed the transport stream." a meno che il Windows del server non sia impostato per usare una crittografia forte per tutti i programmi.
write-httpruntime-targetframework-4-8-f7fec2a7 = Scrivi <httpRuntime targetFramework="4.8" /> in <system.web> (.NET Framework 4.8 deve essere installato sul server web; il tuo hosting può dirtelo), oppure fai aggiungere al tuo sviluppatore ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12; all'avvio.

## src/webconfig/lint_values.rs

smtp-has-no-from-address-f9cd657f = <smtp> non ha un indirizzo `from`, quindi ogni messaggio inviato dal sito deve impostare il proprio mittente; dove il codice non lo fa, l'invio fallisce con "A from address must be specified."
add-from-you-yourdomain-com-ec32121e = Aggiungi from="tu@tuodominio.com" a <smtp>, con un indirizzo con cui il server di posta ti lascia inviare.
deliveryformat-format-is-not-a-505b3353 = deliveryFormat="{ $format }" non è un formato di consegna: ASP.NET rifiuta la sezione della posta.
remove-deliveryformat-the-default-sevenb-95b52244 = Togli deliveryFormat (quello predefinito, SevenBit, va bene per quasi tutti i siti) oppure scrivi SevenBit o International.
deliverymethod-value-is-not-a-375196b5 = deliveryMethod="{ $value }" non è un metodo di consegna: ASP.NET rifiuta la sezione della posta.
write-deliverymethod-network-to-send-40e5740b = Scrivi deliveryMethod="Network" per inviare tramite il server di posta.
deliverymethod-value-writes-each-message-82f343ab = deliveryMethod="{ $value }" scrive ogni messaggio come file in una cartella invece di inviarlo: niente arriva al server di posta, qualunque cosa dica <network>.
write-deliverymethod-network-to-send-3e1d84d7 = Scrivi deliveryMethod="Network" per inviare tramite il server di posta (tieni la cartella solo su un sito di prova).
no-mail-server-is-named-4f06cc8f = Non viene indicato nessun server di posta (`host` manca o è vuoto), quindi l'invio fallisce con "The SMTP host was not specified." a meno che non lo imposti il codice del sito.
add-host-smtp-yourprovider-com-bb4f6757 = Aggiungi host="smtp.iltuoprovider.com" a <network>.
port-465-is-for-ssl-761241f1 = port="465" è per SSL alla connessione, che System.Net.Mail non sa fare: aspetta un saluto che non arriva mai e fallisce dopo 100 secondi con "The operation has timed out."
use-port-587-with-enablessl-e0c0c6ce = Usa port="587" con enableSsl="true" (STARTTLS), e provalo prima.
port-value-is-outside-1-968b4df1 = port="{ $value }" è fuori dall'intervallo 1–65535: ASP.NET rifiuta la sezione della posta.
use-port-587-the-usual-19aa1c58 = Usa port="587" (la porta abituale per inviare dai siti web), a meno che il tuo provider non dica altrimenti.
port-value-is-not-a-f40e6f90 = port="{ $value }" non è un numero intero: ASP.NET rifiuta la sezione della posta.
encrypt-the-connection-with-starttls-1fd0d51e = crittografa la connessione con STARTTLS
sign-in-as-the-website-7d587fd7 = accedi come l'account Windows del sito
enablessl-is-true-while-deliverymethod-2ec1b295 = enableSsl è true mentre deliveryMethod scrive in una cartella: .NET si ferma con "SSL must not be enabled for pickup-directory delivery methods."
write-deliverymethod-network-to-send-4e4c28b5 = Scrivi deliveryMethod="Network" per inviare tramite il server, oppure enableSsl="false" per tenere la cartella.
name-value-is-neither-true-f3d68c43 = { $name }="{ $value }" non è né true né false: ASP.NET rifiuta la sezione della posta.
write-name-true-meaning-or-f1a39692 = Scrivi { $name }="true" ({ $meaning }) oppure { $name }="false".
defaultcredentials-true-makes-asp-net-6f0df787 = defaultCredentials="true" fa accedere ASP.NET come l'account Windows del sito: userName e password vengono ignorati.
write-defaultcredentials-false-to-sign-9b9e51b7 = Scrivi defaultCredentials="false" per accedere con userName e password (oppure togli userName se si intende l'account Windows).
username-is-set-but-there-7c2d8888 = userName è impostato ma non c'è nessuna password, quindi il server rifiuterà l'accesso.
add-password-to-network-or-21c7b43d = Aggiungi password="..." a <network> (oppure aggiorna il file includendo la password).
a-password-is-set-but-d646dd41 = La password è impostata ma userName è vuoto, quindi ASP.NET non esegue affatto l'accesso (senza nome utente non invia credenziali).
add-username-usually-the-full-f1b8ba60 = Aggiungi userName="..." (di solito l'indirizzo email completo), oppure togli la password.
enablessl-is-false-so-the-4de882bb = enableSsl è false, quindi nome utente e password attraversano la rete senza crittografia (e molti server rifiutano l'accesso senza crittografia).
write-enablessl-true-if-the-cfab14f3 = Scrivi enableSsl="true" se il server offre STARTTLS (provalo prima).
the-password-is-written-in-8b0e18ce = La password è scritta in chiaro in web.config: chiunque possa leggere questo file può leggerla.
once-the-settings-work-encrypt-99ce1214 = Quando le impostazioni funzionano, crittografa la sezione sul server: aspnet_regiis -pe "system.net/mailSettings/smtp" -app "/IlTuoSito" (ASP.NET la decrittografa da solo).

## src/webconfig/mod.rs

saving-web-config-restarts-the-382be3c3 = Salvare web.config riavvia il sito (IIS lo ricarica): potrebbe impiegare qualche secondo per rispondere di nuovo, e i visitatori che hanno eseguito l'accesso potrebbero doverlo ripetere.

## src/webconfig/rules.rs

this-site-runs-on-net-353ee75a = Questo sito gira su .NET Framework 2.0–3.5, dove web.config non ha enableSsl (è arrivato con la 4.0, e le versioni precedenti rifiutano per questo l'intera sezione), quindi questo frammento lo omette. Il server richiede la crittografia, quindi attivala nel codice: imposta SmtpClient.EnableSsl = true prima di Send (per il controllo PasswordRecovery, gestisci il suo evento SendingMail, invia tu il messaggio con EnableSsl = true e imposta e.Cancel = true). Meglio ancora: passa il sito a .NET Framework 4.x, dove basta enableSsl="true" in web.config.
mail-servers-now-require-tls-ce5510dc = Ormai i server di posta richiedono TLS 1.2: assicurati che il sito punti a .NET Framework 4.7 o successivo (<httpRuntime targetFramework="4.7.2" /> o più recente), oppure che Windows abiliti TLS 1.2 per le versioni precedenti.
asp-net-core-net-5-5f421df6 = ASP.NET Core (.NET 5 e successivi) non legge affatto <mailSettings> da web.config, quindi questo blocco non farebbe nulla. Usa invece la scheda ASP.NET Core: appsettings.json per MailKit.
asp-net-cannot-use-port-22b9f926 = ASP.NET non può usare la porta 465 (SSL alla connessione), quindi si usa invece la porta 587 con enableSsl="true". Prova la porta 587 prima di farci affidamento.
enablessl-is-false-the-password-037fb99f = enableSsl è false: la password attraversa la rete senza crittografia. Usa enableSsl="true" se il server lo offre.

## src/webconfig/section.rs

element-holds-encrypteddata-30490473 = <{ $element }> contiene <EncryptedData>

## src/webconfig/tag.rs

a-tag-could-not-be-f1aa86a3 = impossibile leggere un tag
a-is-not-followed-by-579caa22 = un < non è seguito dal nome di un elemento
in-name-attributes-must-be-9c9f83dd = in <{ $name }>, gli attributi devono essere separati da uno spazio
element-has-the-attribute-name-c9e1b545 = <{ $element }> ha l'attributo { $name } due volte
in-element-a-stray-quote-7de86a37 = in <{ $element }>, una virgoletta o un = fuori posto dove dovrebbe esserci il nome di un attributo
in-element-the-attribute-name-d514ebae = in <{ $element }>, l'attributo { $name } non ha un valore (scrivi { $name }="...")
in-element-the-value-of-1f8d26e4 = in <{ $element }>, il valore di { $name } deve stare tra virgolette
in-element-the-value-of-3104c556 = in <{ $element }>, il valore di { $name } non ha la virgoletta di chiusura
in-element-the-value-of-2c82c8d0 = in <{ $element }>, il valore di { $name } contiene <, che va scritto &lt;
in-element-the-value-of-5b909dc6 = in <{ $element }>, il valore di { $name } contiene una & che non è un riferimento valido (scrivi & come &amp;)

## src/webconfig/update.rs

no-password-was-written-it-6739a1ec = Non è stata scritta nessuna password (viene omessa a meno che tu non la chieda): aggiungi a mano password="..." a <network>, oppure aggiorna di nuovo includendo la password.

## mailtester --help: the doc comments clap shows, and clap's own texts

tests-smtp-settings-the-way-5dd24b90 = Verifica le impostazioni SMTP come le usa un sito web, spiega gli errori con parole semplici e scrive il frammento di web.config che funziona.
the-language-of-messages-and-254dde98 = La lingua dei messaggi e della finestra: de, fr, es, pt-BR, it, nl, pl, ja o en (predefinita: quella del sistema). JSON, frammenti, id e codici di uscita sono gli stessi in ogni lingua
print-help-63ca5eeb = Mostra l'aiuto
print-version-070bbb84 = Mostra la versione
send-a-test-message-and-43b885a5 = Invia un messaggio di prova e mostra ogni passaggio della conversazione con il server
start-from-a-provider-s-927bdeaf = Parte dalle impostazioni di un provider (vedi `mailtester presets`); le altre opzioni prevalgono su di esse
start-from-a-saved-profile-4d8d2825 = Parte da un profilo salvato (vedi `mailtester profile list`); le altre opzioni prevalgono su di esso, e la sua password viene dal portachiavi di sistema se non è indicata
host-the-mail-server-s-ef315f6f = `host`: il nome del server di posta
port-587-for-most-providers-b7560650 = `port` (587 per la maggior parte dei provider; il valore predefinito di web.config è 25)
enablessl-starttls-web-config-s-201dd084 = `enableSsl` (STARTTLS). Il valore predefinito di web.config è false
connection-security-overrides-enable-ssl-4bfd0c93 = Sicurezza della connessione; prevale su --enable-ssl
starttls-what-enablessl-true-means-49815d99 = STARTTLS (ciò che significa enableSsl="true")
ssl-on-connect-usually-port-5606cb12 = SSL alla connessione (di solito porta 465; non possibile con ASP.NET)
username-usually-the-full-email-1aca0825 = `userName` (di solito l'indirizzo email completo)
read-the-password-from-the-3b36a99c = Legge la password dalla prima riga dello standard input
read-the-password-from-this-8b7c2f86 = Legge la password da questa variabile d'ambiente
defaultcredentials-sign-in-as-the-dcf0f239 = `defaultCredentials`: accede con l'account Windows invece che con un nome utente
from-the-sender-address-38af51cb = `from`: l'indirizzo del mittente
where-to-send-the-test-f1adc9fb = Dove inviare il test (predefinito: l'indirizzo del mittente)
clientdomain-the-name-sent-with-05cff35e = `clientDomain`: il nome inviato con EHLO (predefinito: il nome di questo computer)
limit-for-each-wait-in-fd8c958b = Limite per ogni attesa, in secondi (predefinito: connessione 10, saluto 10, comandi 30)
the-limit-for-the-whole-719e5a06 = Il limite per l'intero test, in secondi, per quanto lentamente ma costantemente risponda il server [predefinito: 120, oppure --timeout se indicato]
how-long-to-wait-in-d78347aa = Quanto attendere, in secondi, che il server accetti il messaggio una volta inviato per intero (i server che controllano ogni messaggio per lo spam possono essere lenti); il limite per l'intero test vale comunque. Con --target dotnet vale solo il limite per l'intero test, come in ASP.NET [predefinito: 90, oppure --timeout se indicato]
an-extra-file-of-certificate-e8ce08c6 = Un file aggiuntivo di autorità di certificazione di cui fidarsi (PEM, oppure un solo certificato DER .cer)
go-on-when-the-certificate-c46a2c17 = Prosegue quando il certificato non è valido (viene sempre segnalato come avviso)
sign-in-even-over-an-cd05e74d = Accede anche su una connessione non crittografata (la password attraversa la rete leggibile da chiunque lungo il percorso). Senza questa opzione il test si ferma prima di inviare lì la password
the-program-that-will-use-dc349359 = Il programma che userà queste impostazioni [predefinito: dotnet]
asp-net-system-net-mail-a1aacdb3 = ASP.NET / System.Net.Mail (web.config): ne riproduce esattamente il comportamento
any-other-mail-program-the-96b08a92 = Qualsiasi altro programma di posta: il meglio che offre il server
the-website-s-asp-net-768c8f73 = Il runtime ASP.NET del sito: decide cosa può contenere web.config [predefinito: 4]
net-framework-2-0-no-9d07e76e = .NET Framework 2.0 (senza enableSsl in web.config)
net-framework-3-5-no-2d75b08e = .NET Framework 3.5 (senza enableSsl in web.config)
net-framework-4-x-c65af3fe = .NET Framework 4.x
asp-net-core-net-5-64b81ab6 = ASP.NET Core / .NET 5 o successivo (senza <mailSettings>; appsettings.json)
put-the-real-password-in-1ff6bd67 = Mette la password vera nel frammento stampato in caso di successo (disattivato per impostazione predefinita)
print-one-json-document-instead-6d017d51 = Stampa un unico documento JSON invece del testo
save-the-password-in-the-25317884 = Salva la password nel portachiavi di sistema (a meno che il server rifiuti l'accesso)
write-a-support-report-settings-d77f0f48 = Scrive un rapporto per l'assistenza (impostazioni senza la password, passaggi, diagnosi, trascrizione) in questo file, qualunque sia l'esito
write-the-support-report-in-385b4225 = Scrive il rapporto per l'assistenza in inglese, qualunque sia la lingua dei messaggi (per un servizio di assistenza che legge l'inglese)
after-the-message-went-through-4ac879ba = Dopo che il messaggio è passato, verifica SPF, DKIM e DMARC del dominio di `from` per questo server ("arriverà?"); codice di uscita 9 quando viene trovato un problema
the-dns-server-for-check-5a2c9bdc = Il server DNS per --check-dns e per le chiavi DKIM di --check-inbox (UDP e TCP) al posto di quello di questo computer
after-the-message-went-through-32241c55 = Dopo che il messaggio è passato, lo cerca in questa casella di posta tramite IMAP e dice se è arrivato nella posta in arrivo o nello spam: imaps://USER@HOST[:PORT] (oppure imap:// per STARTTLS). La password viene da --inbox-password-env, --inbox-password-stdin o dal portachiavi (account USER@HOST:PORT), oppure è la password di accesso quando USER e HOST sono gli stessi. Codice di uscita 10 quando non è nella posta in arrivo
read-the-mailbox-password-from-b8be0c16 = Legge la password della casella di posta da questa variabile d'ambiente
read-the-mailbox-password-from-0f167cb6 = Legge la password della casella di posta da una riga dello standard input (la riga dopo la password di accesso, quando è indicato anche --password-stdin)
save-the-mailbox-password-in-ee48313c = Salva la password della casella di posta nel portachiavi di sistema (account USER@HOST:PORT) una volta che la casella ha accettato l'accesso, così i controlli successivi non richiedono nessuna opzione per la password
how-long-to-look-for-6cad6128 = Per quanto tempo cercare il messaggio prima di dire che non è arrivato, in secondi
sign-in-with-oauth-using-fc0bf5f4 = Accede con OAuth usando il token di accesso contenuto in questa variabile d'ambiente
sign-in-with-oauth-0a054126 = Accede con OAuth
sign-in-with-oauth-using-b3ed4824 = Accede con OAuth usando il token di accesso sulla prima riga dello standard input
get-the-token-from-the-f992c8b8 = Ottiene prima il token dal provider (Microsoft: un'app che accede a nome proprio con --tenant, --client-id e il suo segreto client)
microsoft-365-client-credentials-the-dbe9f4d8 = Microsoft 365 (credenziali client: l'ID client e il segreto client dell'app)
google-not-for-apps-signing-f932ba5a = Google (non per le app che accedono a nome proprio: vedi il messaggio)
a-person-signs-in-instead-b5d721d5 = Accede una persona (invece dell'app a nome proprio): nel browser di sistema, oppure con un codice digitato su qualsiasi dispositivo. L'accesso viene conservato nel portachiavi e rinnovato in silenzio
open-the-sign-in-page-869ea4f6 = Apre la pagina di accesso nel browser di sistema (imposta `MAILTESTER_BROWSER` su un programma per usarne un altro)
show-a-code-to-type-b863e025 = Mostra un codice da digitare nella pagina del provider, su qualsiasi dispositivo
microsoft-the-directory-tenant-id-cbfe8ad3 = Microsoft: il Directory (tenant) ID o un dominio dell'organizzazione (per una persona che accede: `organizations` come predefinito, `consumers` per Outlook.com)
the-app-s-application-client-82f1a168 = L'Application (client) ID dell'app
read-the-app-s-client-e9605cd5 = Legge il segreto client dell'app da questa variabile d'ambiente
read-the-app-s-client-3ca50f89 = Legge il segreto client dell'app dalla prima riga dello standard input
the-sign-in-service-default-2cd3b589 = Il servizio di accesso [predefinito: <https://login.microsoftonline.com>]; solo https (http semplice solo su questo computer, per i server di test)
use-this-oauth-method-by-0fe17325 = Usa questo metodo OAuth; per impostazione predefinita XOAUTH2 quando il server lo offre, altrimenti OAUTHBEARER
xoauth2-google-s-and-microsoft-cb4ab04d = XOAUTH2 (quello di Google e di Microsoft)
oauthbearer-rfc-7628-8e2ee2e0 = OAUTHBEARER (RFC 7628)
print-help-see-more-with-0a4f0559 = Mostra l'aiuto (altri dettagli con '--help')
print-help-see-a-summary-d04996c7 = Mostra l'aiuto (un riepilogo con '-h')
explain-an-error-message-your-18d7c6df = Spiega un messaggio di errore registrato dal tuo sito (indica il testo, oppure - per leggere lo stdin)
the-error-text-or-nothing-d88c8bf9 = Il testo dell'errore; `-` o niente legge lo standard input
print-json-instead-of-text-beed6e40 = Stampa JSON invece del testo
the-website-s-asp-net-a497bacd = Il runtime ASP.NET del sito: i consigli usano ciò che può impostare [predefinito: 4]
print-the-configuration-for-these-e00a86b9 = Stampa la configurazione per queste impostazioni: web.config, oppure quella di un'altra piattaforma con --format (non viene eseguito nessun test)
put-the-real-password-in-6427f579 = Mette la password vera nel frammento (disattivato per impostazione predefinita)
which-platform-s-configuration-to-dceee300 = Di quale piattaforma stampare la configurazione (`all` le stampa tutte) [predefinito: webconfig, oppure mailkit con --framework core]
web-config-d60c5f1f = web.config
wp-config-php-3861a5b9 = wp-config.php
env-65512ae0 = .env
settings-py-32af70ed = settings.py
nodemailer-51ddd8d1 = Nodemailer
env-local-ba614501 = .env.local
appsettings-json-mailkit-701582dc = appsettings.json, MailKit
every-format-one-after-the-d319a4ba = ogni formato, uno dopo l'altro
write-the-configuration-for-signing-f08a5eb8 = Scrive la configurazione per accedere con OAuth presso questo provider invece che con una password (segreto client e refresh token sempre come segnaposto)
oauth-22077a14 = OAuth
microsoft-the-directory-tenant-id-e920a4ad = Microsoft: il Directory (tenant) ID o un dominio dell'organizzazione
a-person-signs-in-once-2851ee47 = Una persona accede una volta (un refresh token) invece dell'app che accede a nome proprio
list-the-provider-presets-usable-3657c41c = Elenca i preset dei provider utilizzabili con --preset
save-and-manage-named-settings-c7ac9890 = Salva e gestisce impostazioni con un nome (profili); le password vanno solo nel portachiavi di sistema
list-the-saved-profiles-711101ad = Elenca i profili salvati
show-a-profile-s-settings-2e26da20 = Mostra le impostazioni di un profilo e se la sua password è salvata nel portachiavi
the-profile-s-name-56c43ba2 = Il nome del profilo
save-settings-under-a-name-0486960c = Salva le impostazioni con un nome, creandolo o sostituendolo (le stesse opzioni di `send`)
the-profile-s-name-up-bc6f9e08 = Il nome del profilo (fino a 64 caratteri, senza / o \)
also-save-the-password-from-580edf38 = Salva anche la password (da --password-stdin o --password-env) nel portachiavi di sistema
rename-a-profile-71f68a2d = Rinomina un profilo
the-current-name-de8e7e88 = Il nome attuale
the-new-name-a623aef5 = Il nuovo nome
delete-a-profile-44262b68 = Elimina un profilo
also-remove-its-saved-password-da2c7d1e = Rimuove anche la sua password salvata dal portachiavi
remove-a-profile-s-saved-298cfc7c = Rimuove dal portachiavi la password salvata di un profilo (il profilo resta)
remove-every-profile-and-every-de18827a = Rimuove ogni profilo e ogni password che Mail Settings Tester ha salvato nel portachiavi (ciò che fa l'opzione "Rimuovi anche i miei profili salvati e le password memorizzate" del programma di disinstallazione)
do-it-without-asking-061c8750 = Procede senza chiedere
print-this-message-or-the-7623c860 = Mostra questo messaggio o l'aiuto dei sottocomandi indicati
read-check-or-update-the-1315aa12 = Legge, verifica o aggiorna le impostazioni di posta in un file web.config
read-the-mail-settings-from-6b91affb = Legge le impostazioni di posta da un web.config (la password non viene mai mostrata)
the-web-config-file-2305e780 = Il file web.config
check-a-web-config-s-eb60dc36 = Verifica se nelle impostazioni di posta di un web.config c'è qualcosa che ASP.NET rifiuterebbe (uscita 7 in caso di errori)
write-these-settings-into-a-4573a44f = Scrive queste impostazioni in un web.config: mostra le differenze, fa una copia di sicurezza del file, poi scrive (con --yes, oppure dopo che rispondi s)
the-web-config-file-to-3839ba8f = Il file web.config da modificare
write-the-real-password-too-865a9e8f = Scrive anche la password vera (non viene mai mostrata nelle differenze). Senza questa opzione una password esistente resta esattamente com'è e non ne viene aggiunta nessuna
write-without-asking-9993991f = Scrive senza chiedere
only-show-what-would-change-e66dcdb4 = Mostra solo cosa cambierebbe; non scrive nulla
find-the-outgoing-mail-settings-22b0736f = Trova le impostazioni della posta in uscita per un indirizzo email (oppure prova un server su ogni porta) senza inviare né un messaggio né una password
your-email-address-its-domain-cbd85dd0 = Il tuo indirizzo email: vengono trovati (DNS, autoconfig, provider) e provati i server della posta in uscita del suo dominio
a-server-name-to-test-4879088a = Un nome di server da provare invece su ogni porta
ports-to-try-on-every-53d9d629 = Porte da provare su ogni server, separate da virgole; sostituisce le predefinite 587,465,25,2525 (vengono aggiunte le porte indicate dai record SRV o da autoconfig)
the-limit-for-each-probe-127daa95 = Il limite per ogni tentativo, in secondi (connessione, saluto e il resto)
ask-this-dns-server-udp-35bceb0e = Interroga questo server DNS (UDP e TCP) invece di quello di questo computer; la porta predefinita è 53
the-program-that-will-use-d4cb334f = Il programma che userà le impostazioni: decide la classifica [predefinito: dotnet]
an-extra-file-of-certificate-da1c1030 = Un file aggiuntivo di autorità di certificazione di cui fidarsi, PEM o DER .cer (SMTP e lo scaricamento di autoconfig)
count-servers-with-an-invalid-f7b64de7 = Considera utilizzabili i server con un certificato non valido (il problema viene comunque mostrato)
the-https-port-of-autoconfig-9185457f = La porta HTTPS dei server autoconfig (per i test)
show-or-forget-a-person-11db4f12 = Mostra o dimentica l'accesso OAuth di una persona conservato nel portachiavi (vedi send --sign-in)
is-a-person-s-sign-95ba3aa1 = È conservato un accesso di una persona per questa casella di posta e questa app? Lo rinnova per dimostrare che funziona ancora
the-mailbox-that-signed-in-dcf5d44a = La casella di posta che ha eseguito l'accesso
the-provider-cf9e8981 = Il provider
microsoft-the-tenant-signed-in-b1d7bb9b = Microsoft: il tenant a cui è stato eseguito l'accesso [predefinito: organizations]
the-sign-in-service-when-71e1c665 = Il servizio di accesso, quando non è quello del provider
google-read-the-desktop-app-d5898bb6 = Google: legge il segreto client dell'app desktop da questa variabile d'ambiente
forget-the-kept-sign-in-65d531bb = Dimentica l'accesso conservato (il refresh token nel portachiavi)
the-steps-that-let-an-e27948a2 = I passaggi che permettono a un'app di inviare come una casella di posta Microsoft 365 con OAuth (registrazione dell'app, autorizzazione, consenso dell'amministratore, PowerShell), compilati con i dati che fornisci
the-mailbox-the-app-sends-a8459939 = La casella di posta che l'app usa come mittente
the-directory-tenant-id-when-465cc398 = Il Directory (tenant) ID, se noto
the-application-client-id-when-024fef16 = L'Application (client) ID, se noto
will-mail-from-this-address-8c0194c4 = La posta da questo indirizzo arriverà? Verifica SPF, DKIM e DMARC del suo dominio per il server da cui passa, e stampa i record DNS da aggiungere
the-from-address-your-website-5f5287e4 = L'indirizzo `from` con cui invia il tuo sito; viene verificato il DNS del suo dominio
the-smtp-server-the-mail-68b38aa4 = Il server SMTP da cui passa la posta: SPF viene valutato per i suoi indirizzi e DKIM verificato per i selettori del suo provider
check-the-mail-settings-of-1120eef6 = Verifica le impostazioni di posta di ogni sito in alcune cartelle (web.config, wp-config.php, .env, appsettings.json): ogni server di posta viene contattato una volta, ogni sito riceve un esito e la sua soluzione. Legge soltanto; non invia mai posta
the-folders-to-look-in-963b17a2 = Le cartelle in cui cercare (i siti di un server di hosting: `C:\inetpub\vhosts`, `/var/www`), oppure singoli file di configurazione
also-scan-the-sites-listed-9cf2dfb8 = Analizza anche i siti elencati in questo applicationHost.config di IIS (`%windir%\System32\inetsrv\config\applicationHost.config`)
judge-from-the-files-alone-e580fcc5 = Giudica solo dai file: non contatta nessun server
also-try-each-account-s-6362a89f = Prova anche una volta il nome utente e la password di ogni account (solo l'accesso, poi QUIT; mai un messaggio; un account alla volta per server, con una pausa tra l'uno e l'altro)
how-many-servers-to-contact-a7a31c2c = Quanti server contattare contemporaneamente (ogni server riceve una connessione alla volta)
the-limit-for-each-server-43cad9fe = Il limite per ogni server, in secondi
an-extra-file-of-certificate-1ea069c0 = Un file aggiuntivo di autorità di certificazione di cui fidarsi, PEM o DER .cer
ask-this-dns-server-instead-f78030e2 = Interroga questo server DNS invece di quello di questo computer; la porta predefinita è 53
print-one-json-document-instead-4ee9e15d = Stampa un unico documento JSON invece della tabella
also-write-one-row-per-ee388af8 = Scrive anche una riga per sito in questo file CSV
also-write-a-page-to-d3088699 = Scrive anche una pagina da leggere e filtrare in questo file HTML
the-pause-between-two-sign-1665f117 = La pausa tra due accessi allo stesso server, in secondi (con --sign-in)

## The same texts as a pasted log, PHPMailer, ASP.NET 2.0–3.5 and ASP.NET Core read them

verify-the-from-address-or-e1e9a7fb = Verifica l'indirizzo `From` (o il suo intero dominio) nel pannello del tuo servizio di invio.
verify-the-setfrom-address-or-04ef5b06 = Verifica l'indirizzo `setFrom()` (o il suo intero dominio) nel pannello del tuo servizio di invio.
send-again-after-the-change-b575e680 = Invia di nuovo dopo la modifica.
wait-a-few-minutes-and-fc0e871d = Aspetta qualche minuto e invia di nuovo.
keep-ssl-switched-on-in-768015ad = Lascia SSL attivo nel codice: senza crittografia la tua password attraverserebbe la rete in chiaro.
keep-securesocketoptions-set-to-starttls-2d62cb3b = Lascia `SecureSocketOptions` impostato su `StartTls`: senza crittografia la tua password attraverserebbe la rete in chiaro.
keep-smtpsecure-set-to-tls-a73ff0de = Lascia `SMTPSecure` impostato su `'tls'` (STARTTLS): senza crittografia la tua password attraverserebbe la rete in chiaro.
send-again-0c4b9d7b = Invia di nuovo.
the-server-offers-sign-in-dde700b2 = Il server offre l'accesso solo dopo che la connessione è stata crittografata con STARTTLS (il modo in cui un server di posta passa a una connessione crittografata), quindi ha nascosto l'accesso per proteggere la tua password. `smtpClient.EnableSsl = true;` nel codice attiva STARTTLS.
the-server-offers-sign-in-bff6d7a0 = Il server offre l'accesso solo dopo che la connessione è stata crittografata con STARTTLS (il modo in cui un server di posta passa a una connessione crittografata), quindi ha nascosto l'accesso per proteggere la tua password. `"SecureSocketOptions": "StartTls"` attiva STARTTLS in appsettings.json.
the-server-offers-sign-in-e2838ecd = Il server offre l'accesso solo dopo che la connessione è stata crittografata con STARTTLS (il modo in cui un server di posta passa a una connessione crittografata), quindi ha nascosto l'accesso per proteggere la tua password. `$mail->SMTPSecure = 'tls';` attiva STARTTLS nelle tue impostazioni di PHPMailer.
host-has-no-dot-in-c5a60fd0 = `Host` non contiene un punto, mentre i nomi dei server di posta sono come `smtp.example.com`: confrontalo con le istruzioni del tuo provider.
check-that-the-web-server-db7d5f53 = Controlla che il server web sia connesso a internet, poi invia di nuovo.
or-change-port-to-587-5d9bcb7b = Oppure cambia `Port` in `587` e usa STARTTLS (il modo in cui un server di posta passa a una connessione crittografata).
the-connection-ended-while-switching-b63efb40 = La connessione si è interrotta durante il passaggio alla crittografia: controlla che `port` e SSL (`SmtpClient.EnableSsl`, impostato nel codice) corrispondano alle istruzioni del tuo provider (per ASP.NET, `587` con SSL attivato nel codice).
the-connection-ended-while-switching-1cd6aa8f = La connessione si è interrotta durante il passaggio alla crittografia: controlla che `Port` e `SecureSocketOptions` corrispondano alle istruzioni del tuo provider (per ASP.NET, `587` con `SecureSocketOptions` impostato su `StartTls`).
the-connection-ended-while-switching-7b2719f9 = La connessione si è interrotta durante il passaggio alla crittografia: controlla che `Port` e `SMTPSecure` corrispondano alle istruzioni del tuo provider (per ASP.NET, `587` con `SMTPSecure` impostato su `'tls'` (STARTTLS)).
some-servers-hang-up-instead-dfeb1bd9 = Alcuni server chiudono la connessione invece di dire che la password è stata rifiutata: controlla `UserName` e `Password`.
some-servers-hang-up-instead-0278e739 = Alcuni server chiudono la connessione invece di dire che la password è stata rifiutata: controlla `Username` e `Password`.
send-again-in-a-few-68c0d09c = Invia di nuovo tra qualche minuto.
send-this-error-message-to-89c5093e = Manda questo messaggio di errore al tuo provider di posta.
use-a-sender-address-from-14e961d9 = Usa un indirizzo mittente (`From`) con solo lettere semplici (dalla a alla z), cifre, punti o trattini prima della @, per esempio `info@` il tuo dominio.
use-a-sender-address-the-ca84d68b = Usa un indirizzo mittente (l'indirizzo `setFrom()`) con solo lettere semplici (dalla a alla z), cifre, punti o trattini prima della @, per esempio `info@` il tuo dominio.
or-add-deliveryformat-international-to-8ec871d6 = Oppure aggiungi `deliveryFormat="International"` all'elemento `<smtp>` in appsettings.json (ASP.NET 4.5 o successivo): così ASP.NET invia gli indirizzi internazionali ai server che offrono SMTPUTF8.
or-add-deliveryformat-international-to-faa47e44 = Oppure aggiungi `deliveryFormat="International"` all'elemento `<smtp>` nelle tue impostazioni di PHPMailer (ASP.NET 4.5 o successivo): così ASP.NET invia gli indirizzi internazionali ai server che offrono SMTPUTF8.
if-nothing-arrives-within-15-c518a7e3 = Se non arriva nulla entro 15 minuti, invia di nuovo; se succede di nuovo, manda questo messaggio di errore al tuo provider di posta.
in-microsoft-365-an-app-6e56c287 = In Microsoft 365, un'app che invia a nome proprio ha bisogno di tutto questo: l'autorizzazione SMTP.SendAsApp (Office 365 Exchange Online) con il consenso dell'amministratore; un'entità servizio creata con New-ServicePrincipal usando l'ID oggetto dell'applicazione aziendale (non quello della registrazione app); Add-MailboxPermission per la casella in `UserName`; e "Authenticated SMTP" attivo per quella casella.
in-microsoft-365-an-app-b3e112e7 = In Microsoft 365, un'app che invia a nome proprio ha bisogno di tutto questo: l'autorizzazione SMTP.SendAsApp (Office 365 Exchange Online) con il consenso dell'amministratore; un'entità servizio creata con New-ServicePrincipal usando l'ID oggetto dell'applicazione aziendale (non quello della registrazione app); Add-MailboxPermission per la casella in `Username`; e "Authenticated SMTP" attivo per quella casella.
get-a-new-token-sign-cde11d0b = Ottieni un nuovo token (accedi di nuovo) e invia di nuovo subito.
set-username-to-named-or-f211e440 = Imposta `UserName` su { $named }, oppure accedi come { $user } per ottenere un token per quella casella.
set-username-to-named-or-2fc66420 = Imposta `Username` su { $named }, oppure accedi come { $user } per ottenere un token per quella casella.
press-sign-in-with-microsoft-15c3a0b7 = Premi "Accedi con Microsoft…" (o Google) in Accesso e accedi come la casella indicata in `UserName`.
press-sign-in-with-microsoft-dbd7e457 = Premi "Accedi con Microsoft…" (o Google) in Accesso e accedi come la casella indicata in `Username`.
then-send-again-e431af76 = Poi invia di nuovo.
sign-in-again-then-send-9e2cea38 = Accedi di nuovo, poi invia di nuovo.
check-the-web-server-s-103d021e = Controlla la connessione internet del server web (e un eventuale proxy o firewall che potrebbe bloccare login.microsoftonline.com).
the-server-then-refused-the-3f6a45e9 = Poi il server ha rifiutato il messaggio, quindi `UserName` e `Password` non sono mai stati usati: probabilmente questo server o questa porta non sono quelli che il tuo provider intendeva per loro.
the-server-then-refused-the-2391e1c9 = Poi il server ha rifiutato il messaggio, quindi `Username` e `Password` non sono mai stati usati: probabilmente questo server o questa porta non sono quelli che il tuo provider intendeva per loro.
the-test-already-asked-for-f4fb1991 = Il test ha già chiesto STARTTLS, quindi il server potrebbe aspettarselo su un'altra porta: confronta `Port` con le istruzioni del tuo provider.
set-defaultcredentials-to-false-while-2890bd17 = Imposta `defaultCredentials` su `false`: finché è `true`, appsettings.json ignora `UserName` e `Password`.
set-defaultcredentials-to-false-while-8dd2ea25 = Imposta `defaultCredentials` su `false`: finché è `true`, le tue impostazioni di PHPMailer ignorano `Username` e `Password`.
your-settings-have-no-username-19552a19 = Le tue impostazioni non hanno `UserName`, quindi il test non ha eseguito l'accesso.
your-settings-have-no-username-a05a7039 = Le tue impostazioni non hanno `Username`, quindi il test non ha eseguito l'accesso.
set-clientdomain-to-your-website-87fcae0f = Imposta `clientDomain` sul nome di dominio completo del tuo sito (per esempio `www.example.com`): il server non ha accettato il nome con cui si è presentato il server web.
set-hostname-to-your-website-6aa76569 = Imposta `Hostname` sul nome di dominio completo del tuo sito (per esempio `www.example.com`): il server non ha accettato il nome con cui si è presentato il server web.
the-sender-from-is-from-00d9e6a1 = Il mittente (`From`) è { $from }, mentre l'accesso (`UserName`) è { $user }.
the-sender-the-setfrom-address-6978e525 = Il mittente (l'indirizzo `setFrom()`) è { $from }, mentre l'accesso (`Username`) è { $user }.
change-host-to-only-5c532b32 = Cambia `Host` in `{ $only }`.
asp-net-2-0-3-755ddb5c = ASP.NET 2.0–3.5 non ha SSL (`SmtpClient.EnableSsl`, impostato nel codice) in web.config (aggiungerlo rompe tutta la sezione della posta), quindi attiva SSL nel tuo codice, subito prima dell'invio: `smtpClient.EnableSsl = true;`. Per il controllo PasswordRecovery, gestisci il suo evento `SendingMail`: invia tu `e.Message` con uno `SmtpClient` il cui `EnableSsl` è `true`, poi imposta `e.Cancel = true;`. Oppure passa il sito a .NET Framework 4.x, dove basta `smtpClient.EnableSsl = true;` nel codice.
asp-net-2-0-3-0492d258 = ASP.NET 2.0–3.5 non ha `SecureSocketOptions` in appsettings.json (aggiungerlo rompe tutta la sezione della posta), quindi attiva SSL nel tuo codice, subito prima dell'invio: `smtpClient.EnableSsl = true;`. Per il controllo PasswordRecovery, gestisci il suo evento `SendingMail`: invia tu `e.Message` con uno `SmtpClient` il cui `EnableSsl` è `true`, poi imposta `e.Cancel = true;`. Oppure passa il sito a .NET Framework 4.x, dove basta `"SecureSocketOptions": "StartTls"` in appsettings.json.
asp-net-2-0-3-b054c76a = ASP.NET 2.0–3.5 non ha `SMTPSecure` nelle tue impostazioni di PHPMailer (aggiungerlo rompe tutta la sezione della posta), quindi attiva SSL nel tuo codice, subito prima dell'invio: `smtpClient.EnableSsl = true;`. Per il controllo PasswordRecovery, gestisci il suo evento `SendingMail`: invia tu `e.Message` con uno `SmtpClient` il cui `EnableSsl` è `true`, poi imposta `e.Cancel = true;`. Oppure passa il sito a .NET Framework 4.x, dove basta `$mail->SMTPSecure = 'tls';` nelle tue impostazioni di PHPMailer.
in-code-smtpclient-enablessl-true-92c8a040 = Nel codice, `smtpClient.EnableSsl = true;` la attiva (appsettings.json non può farlo, su ASP.NET 2.0–3.5).
in-code-smtpclient-enablessl-true-81009338 = Nel codice, `smtpClient.EnableSsl = true;` la attiva (le tue impostazioni di PHPMailer non possono farlo, su ASP.NET 2.0–3.5).
this-server-sends-mail-only-b0c6dd68 = Questo server invia posta solo per gli utenti che hanno eseguito l'accesso, e il messaggio è stato proposto prima che un accesso fosse accettato. In appsettings.json l'accesso viene da `UserName` e `Password`.
this-server-sends-mail-only-13da29c0 = Questo server invia posta solo per gli utenti che hanno eseguito l'accesso, e il messaggio è stato proposto prima che un accesso fosse accettato. Nelle tue impostazioni di PHPMailer l'accesso viene da `Username` e `Password`.
fill-in-username-usually-your-16ab77cb = Compila `UserName` (di solito il tuo indirizzo email completo) e `Password`.
fill-in-username-usually-your-bd6d01ab = Compila `Username` (di solito il tuo indirizzo email completo) e `Password`.
when-the-server-refuses-the-4283fe38 = Quando il server rifiuta il nome utente o la password, ASP.NET non lo dice: invia senza accesso, e il server allora risponde così. Quindi se il tuo appsettings.json ha `UserName` e `Password`, molto probabilmente il server li ha rifiutati. Se non li ha, il server li vuole prima di inviare.
when-the-server-refuses-the-3e977f55 = Quando il server rifiuta il nome utente o la password, ASP.NET non lo dice: invia senza accesso, e il server allora risponde così. Quindi se le tue impostazioni di PHPMailer hanno `Username` e `Password`, molto probabilmente il server li ha rifiutati. Se non li hanno, il server li vuole prima di inviare.
check-username-usually-your-full-0a9b2c04 = Controlla `UserName` (di solito il tuo indirizzo email completo) e scrivi di nuovo la password in `Password` (copiandola si può aggiungere uno spazio alla fine).
check-username-usually-your-full-b9746a24 = Controlla `Username` (di solito il tuo indirizzo email completo) e scrivi di nuovo la password in `Password` (copiandola si può aggiungere uno spazio alla fine).
if-appsettings-json-has-no-9ae7992b = Se appsettings.json non ha `UserName`, compila `UserName` e `Password`.
if-your-phpmailer-settings-has-f403c5b1 = Se le tue impostazioni di PHPMailer non hanno `Username`, compila `Username` e `Password`.
change-port-to-587-and-ce86b8b8 = Cambia `port` in `587` e attiva SSL nel codice: quella porta è pensata per accedere e inviare.
change-port-to-587-and-4449c2e9 = Cambia `Port` in `587` e imposta `SecureSocketOptions` su `StartTls`: quella porta è pensata per accedere e inviare.
change-port-to-587-and-ca6c0bf0 = Cambia `Port` in `587` e imposta `SMTPSecure` su `'tls'` (STARTTLS): quella porta è pensata per accedere e inviare.
if-your-hosting-company-says-20e12c2e = Se la tua società di hosting dice che il suo server lascia inviare il tuo sito senza password, svuota `UserName` e `Password`.
if-your-hosting-company-says-8f2cf1ce = Se la tua società di hosting dice che il suo server lascia inviare il tuo sito senza password, svuota `Username` e `Password`.
the-password-would-have-crossed-b405f683 = La password avrebbe attraversato la rete senza crittografia, quindi il server ha rifiutato o nascosto l'accesso. STARTTLS (il modo in cui un server di posta passa a una connessione crittografata) la protegge, e `smtpClient.EnableSsl = true;` nel codice lo attiva.
the-password-would-have-crossed-61b019fb = La password avrebbe attraversato la rete senza crittografia, quindi il server ha rifiutato o nascosto l'accesso. STARTTLS (il modo in cui un server di posta passa a una connessione crittografata) la protegge, e `"SecureSocketOptions": "StartTls"` lo attiva in appsettings.json.
the-password-would-have-crossed-e65e058e = La password avrebbe attraversato la rete senza crittografia, quindi il server ha rifiutato o nascosto l'accesso. STARTTLS (il modo in cui un server di posta passa a una connessione crittografata) la protegge, e `$mail->SMTPSecure = 'tls';` lo attiva nelle tue impostazioni di PHPMailer.
switch-ssl-on-in-code-30da0bde = Attiva SSL nel codice.
set-securesocketoptions-to-starttls-3bc4460d = Imposta `SecureSocketOptions` su `StartTls`.
set-smtpsecure-to-tls-starttls-46a3ad84 = Imposta `SMTPSecure` su `'tls'` (STARTTLS).
keep-port-at-587-or-4b80fc48 = Lascia `Port` a `587` (o `25` se il tuo provider usa quella); ASP.NET non può usare `465`.
switch-ssl-on-in-code-4307eb1e = Attiva SSL nel codice: così la password viene inviata solo dopo che la connessione è crittografata.
set-securesocketoptions-to-starttls-the-38afb891 = Imposta `SecureSocketOptions` su `StartTls`: così la password viene inviata solo dopo che la connessione è crittografata.
set-smtpsecure-to-tls-starttls-4c600cf0 = Imposta `SMTPSecure` su `'tls'` (STARTTLS): così la password viene inviata solo dopo che la connessione è crittografata.
if-you-accept-the-risk-dad65437 = Se accetti il rischio per questo solo test (un server sulla tua rete privata), invia di nuovo e consenti la password non crittografata (`--allow-plaintext-password` dalla riga di comando, "Invia senza crittografia solo questa volta" nella finestra).
or-send-through-a-provider-46a07354 = Oppure invia tramite un provider che offre LOGIN (quasi tutti) e cambia `Host` con il suo server.
check-that-username-is-exactly-4bf69761 = Controlla che `UserName` sia esattamente ciò che il tuo provider si aspetta, di solito il tuo indirizzo email completo.
check-that-username-is-exactly-a64adcc1 = Controlla che `Username` sia esattamente ciò che il tuo provider si aspetta, di solito il tuo indirizzo email completo.
type-the-password-into-password-c600c10f = Scrivi di nuovo la password in `Password` (copiandola si può aggiungere uno spazio alla fine).
if-your-account-uses-two-9504e3ad = Se il tuo account usa la verifica in due passaggi, crea una password per le app nelle impostazioni di sicurezza dell'account e usala come `Password`.
create-an-app-password-there-80fabbc7 = Crea lì una password per le app e incollala in `Password` senza spazi.
keep-username-as-your-full-1bb0200b = Lascia in `UserName` il tuo indirizzo email completo e ripeti il test.
keep-username-as-your-full-c2dcda11 = Lascia in `userName` il tuo indirizzo email completo e invia di nuovo.
keep-username-as-your-full-83f36431 = Lascia in `UserName` il tuo indirizzo email completo e invia di nuovo.
keep-username-as-your-full-7428fb51 = Lascia in `Username` il tuo indirizzo email completo e invia di nuovo.
use-an-app-password-a-10780f39 = Usa una password per le app (una password separata per i programmi, creata nelle impostazioni di sicurezza del tuo account) come `Password`.
send-again-within-a-few-a21e7638 = Invia di nuovo entro pochi minuti.
wait-up-to-an-hour-8093e503 = Aspetta fino a un'ora dopo la modifica, poi invia di nuovo.
or-send-your-website-s-b7d4eee6 = Oppure invia la posta del tuo sito tramite un servizio che accetta le password, come il server di posta della tua società di hosting o un servizio di invio, e cambia `Host`, `UserName` e `Password` con i suoi valori.
or-send-your-website-s-0b5d20c6 = Oppure invia la posta del tuo sito tramite un servizio che accetta le password, come il server di posta della tua società di hosting o un servizio di invio, e cambia `Host`, `Username` e `Password` con i suoi valori.
meanwhile-keep-username-and-password-07dd145a = Nel frattempo, lascia `UserName` e `Password` come sono.
meanwhile-keep-username-and-password-3f5e26ba = Nel frattempo, lascia `Username` e `Password` come sono.
this-computer-asked-dns-the-994145ac = Questo computer ha chiesto al DNS (la rubrica degli indirizzi di internet) il nome in `Host` e non ha ricevuto nessun indirizzo, quindi non sa dove mandare la posta. Di solito il nome contiene un errore di battitura, oppure questo computer al momento non è connesso a internet.
this-computer-asked-dns-the-f069de6d = Questo computer ha chiesto al DNS (la rubrica degli indirizzi di internet) il nome in `host` e non ha ricevuto nessun indirizzo, quindi non sa dove mandare la posta. Di solito il nome contiene un errore di battitura, oppure il server web al momento non è connesso a internet.
this-computer-asked-dns-the-f1a16f4d = Questo computer ha chiesto al DNS (la rubrica degli indirizzi di internet) il nome in `Host` e non ha ricevuto nessun indirizzo, quindi non sa dove mandare la posta. Di solito il nome contiene un errore di battitura, oppure il server web al momento non è connesso a internet.
check-host-letter-by-letter-e10ab329 = Controlla `Host` lettera per lettera con le istruzioni del tuo provider di posta (è simile a `smtp.example.com`).
check-that-the-web-server-882bdeea = Controlla che il server web riesca ad aprire i siti web; se non ci riesce, sistema la connessione internet e invia di nuovo.
this-computer-reached-the-server-f24f15f0 = Questo computer ha raggiunto il server, ma lì niente accetta posta su questa porta (la "porta" numerata su cui un programma resta in ascolto), oppure un firewall (un filtro che blocca le connessioni) l'ha rifiutata. Il più delle volte la porta non è quella usata dal tuo provider, oppure `Host` punta a un altro server.
check-port-against-your-provider-4f0b17dd = Confronta `Port` con le istruzioni del tuo provider: `587` è la porta abituale per i siti web.
check-that-host-is-the-7bcf5860 = Controlla che `Host` sia il nome del server di posta, non il nome del tuo sito.
nothing-answered-on-this-port-cdd89199 = Niente ha risposto su questa porta prima che scadesse il tempo massimo. Spesso un firewall (un filtro che blocca le connessioni) della società di hosting o del provider internet scarta in silenzio le connessioni di posta in uscita, soprattutto sulla porta 25; altrimenti il server potrebbe essere spento, oppure `Host` potrebbe puntare al posto sbagliato.
change-port-to-587-and-1a3acff2 = Cambia `port` in `587` e attiva SSL nel codice: la combinazione abituale per i siti web.
change-port-to-587-and-25391141 = Cambia `Port` in `587` e imposta `SecureSocketOptions` su `StartTls`: la combinazione abituale per i siti web.
change-port-to-587-and-7dd5ab0a = Cambia `Port` in `587` e imposta `SMTPSecure` su `'tls'` (STARTTLS): la combinazione abituale per i siti web.
check-that-host-is-correct-44613728 = Controlla che `Host` sia corretto e che il server sia attivo (vedi la pagina di stato del tuo provider).
change-port-to-587-and-c81e9ee7 = Cambia `port` in `587` e attiva SSL nel codice.
change-port-to-587-and-8b12b4c0 = Cambia `Port` in `587` e imposta `SecureSocketOptions` su `StartTls`.
change-port-to-587-and-8fadafbf = Cambia `Port` in `587` e imposta `SMTPSecure` su `'tls'` (STARTTLS).
if-port-is-already-587-0cb369bc = Se `Port` è già `587`, aspetta qualche minuto e ripeti il test: il server potrebbe essere occupato.
if-port-is-already-587-ccf09a76 = Se `port` è già `587`, aspetta qualche minuto e invia di nuovo: il server potrebbe essere occupato.
if-port-is-already-587-4a354996 = Se `Port` è già `587`, aspetta qualche minuto e invia di nuovo: il server potrebbe essere occupato.
the-answer-did-not-look-5f0bba55 = La risposta non sembrava SMTP (la lingua parlata dai server di posta). La porta potrebbe appartenere a un sito web o a un altro servizio, oppure `Host` potrebbe puntare a un'altra macchina.
check-port-websites-send-mail-ec5e733d = Controlla `Port`: i siti web inviano posta tramite la porta `587` (a volte `25`); porte come `80` e `443` sono per i siti web, `110`, `143`, `993` e `995` per leggere la posta.
check-host-against-your-provider-8076bc63 = Confronta `Host` con le istruzioni del tuo provider.
the-server-answered-but-refused-0295d135 = Il server ha risposto ma ha rifiutato di servire questa connessione. Di solito il server ha un problema temporaneo (manutenzione o sovraccarico), oppure rifiuta l'indirizzo internet del server web, per esempio perché l'indirizzo è in una blocklist (un elenco di indirizzi noti per lo spam).
if-it-keeps-happening-send-8a27583b = Se continua a succedere, manda questo messaggio di errore al tuo provider di posta e chiedi perché rifiuta la connessione.
check-host-and-port-a-a458c8e7 = Controlla `Host` e `Port`: un server pensato per ricevere posta può rifiutarsi di inviarla.
check-that-port-and-ssl-70c0ee6b = Controlla che `port` e SSL (`SmtpClient.EnableSsl`, impostato nel codice) corrispondano alle istruzioni del tuo provider (di solito `587` con SSL attivato nel codice).
check-that-port-and-securesocketoptions-89528e86 = Controlla che `Port` e `SecureSocketOptions` corrispondano alle istruzioni del tuo provider (di solito `587` con `SecureSocketOptions` impostato su `StartTls`).
check-that-port-and-smtpsecure-449d63e0 = Controlla che `Port` e `SMTPSecure` corrispondano alle istruzioni del tuo provider (di solito `587` con `SMTPSecure` impostato su `'tls'` (STARTTLS)).
if-it-keeps-happening-send-e5580e23 = Se continua a succedere, manda questo messaggio di errore al tuo provider di posta: il passaggio in cui si è fermato indica loro dove guardare.
if-your-web-config-uses-889c5cd5 = Se il tuo web.config usa la porta 465: ASP.NET non può usarla e aspetta così. Cambia `port` in `587` e attiva SSL nel codice.
if-your-appsettings-json-uses-d533bdae = Se il tuo appsettings.json usa la porta 465: ASP.NET non può usarla e aspetta così. Cambia `Port` in `587` e imposta `SecureSocketOptions` su `StartTls`.
if-your-phpmailer-settings-uses-4a530e8c = Se le tue impostazioni di PHPMailer usano la porta 465: ASP.NET non può usarla e aspetta così. Cambia `Port` in `587` e imposta `SMTPSecure` su `'tls'` (STARTTLS).
if-it-always-stops-at-83c30f5e = Se si ferma sempre allo stesso passaggio, manda questo messaggio di errore al tuo provider di posta.
change-port-to-587-and-6c3a9e07 = Cambia `port` in `587` e attiva SSL nel codice (in PHPMailer: `Port = 587` e `SMTPSecure = 'tls'`).
change-port-to-587-and-027673b4 = Cambia `Port` in `587` e imposta `SecureSocketOptions` su `StartTls` (in PHPMailer: `Port = 587` e `SMTPSecure = 'tls'`).
change-port-to-587-and-acdf78ff = Cambia `Port` in `587` e imposta `SMTPSecure` su `'tls'` (STARTTLS) (in PHPMailer: `Port = 587` e `SMTPSecure = 'tls'`).
check-that-host-is-exactly-c9e110a5 = Controlla che `Host` sia esattamente il nome del server indicato dal tuo provider.
asp-net-found-no-host-27c3e5d1 = ASP.NET non ha trovato `Host` nella sezione `<mailSettings>` di appsettings.json (né nel codice del sito), quindi non sa tramite quale server inviare.
asp-net-found-no-host-5f8bb081 = ASP.NET non ha trovato `Host` nella sezione `<mailSettings>` delle tue impostazioni di PHPMailer (né nel codice del sito), quindi non sa tramite quale server inviare.
add-host-to-the-network-9763ed7a = Aggiungi `Host` all'elemento `<network>` in appsettings.json, per esempio `host="smtp.example.com"`.
add-host-to-the-network-53d7f112 = Aggiungi `Host` all'elemento `<network>` nelle tue impostazioni di PHPMailer, per esempio `host="smtp.example.com"`.
check-that-mailsettings-sits-inside-0c0a576e = Controlla che `<mailSettings>` si trovi dentro `<system.net>` nell'appsettings.json del sito che invia la posta.
check-that-mailsettings-sits-inside-65128b72 = Controlla che `<mailSettings>` si trovi dentro `<system.net>` nelle impostazioni di PHPMailer del sito che invia la posta.
if-port-is-465-change-9fcd50ea = Se `port` è `465`, cambiala in `587` e attiva SSL nel codice.
if-port-is-465-change-713827f1 = Se `Port` è `465`, cambiala in `587` e imposta `SecureSocketOptions` su `StartTls`.
if-port-is-465-change-2fa73428 = Se `Port` è `465`, cambiala in `587` e imposta `SMTPSecure` su `'tls'` (STARTTLS).
change-port-to-587-and-f1c17a3e = Cambia `port` in `587` e attiva SSL nel codice: la porta abituale per l'invio.
change-port-to-587-and-94bbac19 = Cambia `Port` in `587` e imposta `SecureSocketOptions` su `StartTls`: la porta abituale per l'invio.
change-port-to-587-and-43841e36 = Cambia `Port` in `587` e imposta `SMTPSecure` su `'tls'` (STARTTLS): la porta abituale per l'invio.
if-it-still-fails-look-ff139b92 = Se non funziona ancora, cerca il "server della posta in uscita (SMTP)" nelle istruzioni del tuo provider e metti quel nome in `Host`.
check-host-and-port-against-3b485e04 = Confronta `Host` e `Port` con le istruzioni del tuo provider per inviare posta (di solito la porta `587`).
get-a-new-token-and-9157640f = Ottieni un nuovo token e invia di nuovo (i token durano circa un'ora).
check-that-username-is-the-4e5d87e4 = Controlla che `UserName` sia la casella per cui è stato emesso il token.
check-that-username-is-the-9b28a7c4 = Controlla che `Username` sia la casella per cui è stato emesso il token.
check-host-and-port-microsoft-e6e6b5eb = Controlla `host` e `port`: Microsoft 365 è smtp.office365.com porta 587, Google smtp.gmail.com porta 587, entrambi con SSL (`SmtpClient.EnableSsl`, impostato nel codice) attivo.
check-host-and-port-microsoft-b0c20a32 = Controlla `Host` e `Port`: Microsoft 365 è smtp.office365.com porta 587, Google smtp.gmail.com porta 587, entrambi con `SecureSocketOptions` attivo.
check-host-and-port-microsoft-523a848d = Controlla `Host` e `Port`: Microsoft 365 è smtp.office365.com porta 587, Google smtp.gmail.com porta 587, entrambi con `SMTPSecure` attivo.
if-this-provider-takes-passwords-3bb74bce = Se questo provider accetta le password, scegli Password come accesso e inserisci `UserName` e `Password`.
if-this-provider-takes-passwords-cd6b862e = Se questo provider accetta le password, scegli Password come accesso e inserisci `Username` e `Password`.
turn-ssl-smtpclient-enablessl-set-42d31a84 = Attiva SSL (`SmtpClient.EnableSsl`, impostato nel codice) (STARTTLS) e usa la porta 587, poi ripeti il test.
turn-securesocketoptions-on-starttls-and-a7004f0b = Attiva `SecureSocketOptions` (STARTTLS) e usa la porta 587, poi ripeti il test.
turn-enablessl-on-starttls-and-a16794a0 = Attiva `enableSsl` (STARTTLS) e usa la porta 587, poi invia di nuovo.
turn-ssl-smtpclient-enablessl-set-f1d93b4a = Attiva SSL (`SmtpClient.EnableSsl`, impostato nel codice) (STARTTLS) e usa la porta 587, poi invia di nuovo.
turn-securesocketoptions-on-starttls-and-0f439331 = Attiva `SecureSocketOptions` (STARTTLS) e usa la porta 587, poi invia di nuovo.
turn-smtpsecure-on-starttls-and-0225d222 = Attiva `SMTPSecure` (STARTTLS) e usa la porta 587, poi invia di nuovo.
copy-its-value-shown-only-baebca2a = Copia il suo Value (Valore, mostrato una sola volta), non il suo Secret ID, e invia di nuovo con quello.
click-grant-admin-consent-a-91822b47 = Fai clic su "Grant admin consent" (Concedi il consenso amministratore; può farlo un amministratore globale o un amministratore dei ruoli con privilegi), poi invia di nuovo.
check-the-tenant-client-id-1012b4ff = Controlla il tenant, l'ID client e il segreto client, poi invia di nuovo.
fill-in-username-usually-your-09a65651 = Compila `UserName` (di solito il tuo indirizzo email completo) e `Password`, e imposta `defaultCredentials` su `false`.
fill-in-username-usually-your-50684571 = Compila `Username` (di solito il tuo indirizzo email completo) e `Password`, e imposta `defaultCredentials` su `false`.
use-port-587-with-ssl-4232ba01 = Usa `port` `587` con SSL attivato nel codice.
use-port-587-with-securesocketoptions-e966938b = Usa `Port` `587` con `SecureSocketOptions` impostato su `StartTls`.
use-port-587-with-smtpsecure-82c79dba = Usa `Port` `587` con `SMTPSecure` impostato su `'tls'` (STARTTLS).
the-sender-address-from-must-de121e17 = L'indirizzo mittente (`From`) deve essere uno di quelli con cui l'account può inviare: di solito la casella con cui accedi, o un indirizzo che il tuo provider ha verificato. Questo non è nell'elenco.
the-sender-address-the-setfrom-f4a6393b = L'indirizzo mittente (l'indirizzo `setFrom()`) deve essere uno di quelli con cui l'account può inviare: di solito la casella con cui accedi, o un indirizzo che il tuo provider ha verificato. Questo non è nell'elenco.
set-from-to-the-same-ab436cc1 = Imposta `From` sullo stesso indirizzo di `UserName`.
set-the-setfrom-address-to-a2daea5d = Imposta l'indirizzo `setFrom()` sullo stesso indirizzo di `Username`.
your-settings-got-through-but-8bd03782 = Le tue impostazioni sono passate, ma il destinatario del test è stato rifiutato: l'indirizzo potrebbe non esistere, oppure la sua casella al momento non può ricevere posta. Questo riguarda l'indirizzo del test, non il tuo appsettings.json.
your-settings-got-through-but-22f6af0b = Le tue impostazioni sono passate, ma il destinatario del test è stato rifiutato: l'indirizzo potrebbe non esistere, oppure la sua casella al momento non può ricevere posta. Questo riguarda l'indirizzo del test, non le tue impostazioni di PHPMailer.
send-the-test-to-another-0fcce78a = Invia il test a un altro indirizzo tuo, per esempio quello in `From`.
send-the-test-to-another-41a6baf8 = Invia il test a un altro indirizzo tuo, per esempio quello dell'indirizzo `setFrom()`.
to-see-whether-the-domain-72830a7e = Per capire se la causa è il dominio, imposta `From` su un indirizzo del dominio del tuo provider di posta e ripeti il test.
to-see-whether-the-domain-991b9f90 = Per capire se la causa è il dominio, imposta `from` su un indirizzo del dominio del tuo provider di posta e invia di nuovo.
to-see-whether-the-domain-990497f0 = Per capire se la causa è il dominio, imposta `From` su un indirizzo del dominio del tuo provider di posta e invia di nuovo.
to-see-whether-the-domain-328199fc = Per capire se la causa è il dominio, imposta l'indirizzo `setFrom()` su un indirizzo del dominio del tuo provider di posta e invia di nuovo.
change-the-account-s-password-40df0054 = Cambia la password dell'account (qualcun altro potrebbe conoscerla), poi metti quella nuova in `Password`.
wait-15-to-60-minutes-3a79afb7 = Aspetta da 15 a 60 minuti e invia di nuovo.
set-hostname-to-your-website-f3412636 = Imposta `Hostname` sul nome di dominio completo del tuo sito (per esempio `www.example.com`): alcuni server diffidano dei computer che si presentano come `localhost`.
send-again-in-5-to-9d5019ef = Invia di nuovo tra 5-15 minuti: dovrebbe essere accettato.
wait-until-the-limit-resets-0d50752b = Aspetta che il limite si azzeri (di solito 24 ore; per un piano mensile, il mese successivo) e invia di nuovo.
meanwhile-keep-host-port-and-6979a951 = Nel frattempo, lascia `host`, `port` e SSL (`SmtpClient.EnableSsl`, impostato nel codice) come sono.
meanwhile-keep-host-port-and-ae23b856 = Nel frattempo, lascia `Host`, `Port` e `SecureSocketOptions` come sono.
meanwhile-keep-host-port-and-5755e529 = Nel frattempo, lascia `Host`, `Port` e `SMTPSecure` come sono.
your-website-logged-a-message-ee3ac898 = Il tuo sito ha registrato un messaggio per cui non abbiamo ancora una spiegazione.
check-host-port-and-ssl-9487adb8 = Confronta `host`, `port` e SSL (`SmtpClient.EnableSsl`, impostato nel codice) con le istruzioni del tuo provider.
check-host-port-and-securesocketoptions-260c4cc5 = Confronta `Host`, `Port` e `SecureSocketOptions` con le istruzioni del tuo provider.
check-host-port-and-smtpsecure-aa95c42e = Confronta `Host`, `Port` e `SMTPSecure` con le istruzioni del tuo provider.
meanwhile-check-host-port-and-06f829c0 = Nel frattempo, confronta `host`, `port` e SSL (`SmtpClient.EnableSsl`, impostato nel codice) con le istruzioni del tuo provider.
meanwhile-check-host-port-and-ac1208bd = Nel frattempo, confronta `Host`, `Port` e `SecureSocketOptions` con le istruzioni del tuo provider.
meanwhile-check-host-port-and-25424766 = Nel frattempo, confronta `Host`, `Port` e `SMTPSecure` con le istruzioni del tuo provider.
or-run-the-test-in-ff624e00 = Oppure esegui il test in questo programma con i tuoi `host`, `port` e SSL (`SmtpClient.EnableSsl`, impostato nel codice): mostra il passaggio esatto che fallisce.
or-run-the-test-in-d2dd620b = Oppure esegui il test in questo programma con i tuoi `Host`, `Port` e `SecureSocketOptions`: mostra il passaggio esatto che fallisce.
or-run-the-test-in-e6d802d8 = Oppure esegui il test in questo programma con i tuoi `Host`, `Port` e `SMTPSecure`: mostra il passaggio esatto che fallisce.
the-specified-string-is-not-3e32bd8d = "The specified string is not in the form required for an e-mail address" viene da ASP.NET stesso, prima che venga contattato qualsiasi server di posta: l'indirizzo `From`, o un indirizzo che il sito mette in A, Cc o Ccn, contiene un errore di battitura (una @ mancante, uno spazio, due indirizzi in un campo).
the-specified-string-is-not-f3060462 = "The specified string is not in the form required for an e-mail address" viene da ASP.NET stesso, prima che venga contattato qualsiasi server di posta: l'indirizzo `setFrom()`, o un indirizzo che il sito mette in A, Cc o Ccn, contiene un errore di battitura (una @ mancante, uno spazio, due indirizzi in un campo).
check-from-in-appsettings-json-0cf5714f = Controlla `From` in appsettings.json: un solo indirizzo come `info@example.com` (può essere preceduto da un nome: `Shop <info@example.com>`).
check-the-setfrom-address-in-8cad20a1 = Controlla l'indirizzo `setFrom()` nelle tue impostazioni di PHPMailer: un solo indirizzo come `info@example.com` (può essere preceduto da un nome: `Shop <info@example.com>`).
if-from-is-right-the-443c5684 = Se `From` è giusto, l'indirizzo viene dal sito stesso (un modulo compilato da un visitatore, o un'impostazione del sito): chiedi al tuo sviluppatore di controllare gli indirizzi prima dell'invio.
if-the-setfrom-address-is-4c7f473a = Se l'indirizzo `setFrom()` è giusto, l'indirizzo viene dal sito stesso (un modulo compilato da un visitatore, o un'impostazione del sito): chiedi al tuo sviluppatore di controllare gli indirizzi prima dell'invio.
if-the-address-is-from-8131bf9f = Se l'indirizzo è `From`, usane uno con lettere semplici prima della @.
if-the-address-is-the-d8299d5b = Se l'indirizzo è quello di `setFrom()`, usane uno con lettere semplici prima della @.
if-it-is-a-customer-14a454a2 = Se è l'indirizzo di un cliente, aggiungi `deliveryFormat="International"` a `<smtp>` in appsettings.json (.NET Framework 4.5 o più recente) ed esegui qui il test per verificare che il tuo server di posta offra SMTPUTF8.
if-it-is-a-customer-df901be6 = Se è l'indirizzo di un cliente, aggiungi `deliveryFormat="International"` a `<smtp>` nelle tue impostazioni di PHPMailer (.NET Framework 4.5 o più recente) ed esegui qui il test per verificare che il tuo server di posta offra SMTPUTF8.
the-server-will-not-go-d97198f6 = Il server non va avanti finché la connessione non è crittografata con STARTTLS (il modo in cui un server di posta passa a una connessione crittografata). Nel codice, `smtpClient.EnableSsl = true;` lo attiva (web.config non può farlo, su ASP.NET 2.0–3.5).
the-server-will-not-go-adefed65 = Il server non va avanti finché la connessione non è crittografata con STARTTLS (il modo in cui un server di posta passa a una connessione crittografata). In appsettings.json, `"SecureSocketOptions": "StartTls"` lo attiva.
the-server-will-not-go-97dcf783 = Il server non va avanti finché la connessione non è crittografata con STARTTLS (il modo in cui un server di posta passa a una connessione crittografata). `$mail->SMTPSecure = 'tls';` lo attiva.
use-port-587-the-usual-4b4b252f = Usa `Port` `587` (la porta abituale per inviare dai siti web), a meno che il tuo provider non dica altrimenti.
with-ssl-smtpclient-enablessl-set-d3fe9f32 = Con SSL (`SmtpClient.EnableSsl`, impostato nel codice) attivo, ASP.NET chiede STARTTLS (il modo in cui un server di posta passa a una connessione crittografata), e questo server non l'ha offerto, quindi ASP.NET si ferma con "Server does not support secure connections". Di solito la porta o il server non sono quelli di invio del provider, oppure la crittografia del server non è configurata.
with-securesocketoptions-on-asp-net-a08cc797 = Con `SecureSocketOptions` attivo, ASP.NET chiede STARTTLS (il modo in cui un server di posta passa a una connessione crittografata), e questo server non l'ha offerto, quindi ASP.NET si ferma con "Server does not support secure connections". Di solito la porta o il server non sono quelli di invio del provider, oppure la crittografia del server non è configurata.
with-smtpsecure-on-asp-net-fe653274 = Con `SMTPSecure` attivo, ASP.NET chiede STARTTLS (il modo in cui un server di posta passa a una connessione crittografata), e questo server non l'ha offerto, quindi ASP.NET si ferma con "Server does not support secure connections". Di solito la porta o il server non sono quelli di invio del provider, oppure la crittografia del server non è configurata.
check-host-and-port-against-28b524e4 = Confronta `Host` e `Port` con le istruzioni del tuo provider; se `Port` è `25`, prova `587`.
turning-ssl-smtpclient-enablessl-set-fd0df8f0 = Disattivare SSL (`SmtpClient.EnableSsl`, impostato nel codice) invierebbe la tua password senza crittografia (leggibile da chiunque lungo il percorso): consideralo solo se il tuo provider conferma che il server è sulla tua rete privata.
turning-securesocketoptions-off-would-se-e26e1505 = Disattivare `SecureSocketOptions` invierebbe la tua password senza crittografia (leggibile da chiunque lungo il percorso): consideralo solo se il tuo provider conferma che il server è sulla tua rete privata.
turning-smtpsecure-off-would-send-9ef38bc8 = Disattivare `SMTPSecure` invierebbe la tua password senza crittografia (leggibile da chiunque lungo il percorso): consideralo solo se il tuo provider conferma che il server è sulla tua rete privata.
keep-this-port-and-switch-32e36e57 = Lascia questa porta e attiva SSL nel codice (negli altri programmi, scegli "STARTTLS" o "TLS" invece di "SSL").
keep-this-port-and-set-cd2a42d8 = Lascia questa porta e imposta `SecureSocketOptions` su `StartTls` (negli altri programmi, scegli "STARTTLS" o "TLS" invece di "SSL").
keep-this-port-and-set-41922fa3 = Lascia questa porta e imposta `SMTPSecure` su `'tls'` (STARTTLS) (negli altri programmi, scegli "STARTTLS" o "TLS" invece di "SSL").
the-handshake-the-exchange-that-e9025476 = L'handshake (lo scambio che avvia la crittografia) è fallito. Le cause più comuni sono un server che conosce solo vecchie versioni della crittografia (TLS 1.0 o 1.1, che i programmi moderni rifiutano), un server con la crittografia configurata male, oppure un programma di sicurezza sul server web che interferisce con le connessioni crittografate.
send-again-in-a-few-5192a65a = Invia di nuovo tra qualche minuto: alcuni server hanno problemi di crittografia di breve durata.
send-this-error-message-to-3a3fef43 = Manda questo messaggio di errore al tuo provider di posta e chiedi se il server supporta TLS 1.2 o più recente.
if-the-web-server-runs-da617e2c = Se sul server web c'è un antivirus che controlla la posta, sospendi il controllo della posta per un test, oppure chiedi al suo produttore.
if-it-lasts-tell-your-4398538e = Se continua, avvisa il tuo provider di posta che il server risponde a STARTTLS con "TLS not available".
or-send-through-a-provider-70e262b5 = Oppure invia tramite un provider il cui server supporta TLS 1.2: cambia `Host` (e `Port`) con il suo server.
a-certificate-the-server-s-1a9f3248 = Un certificato (la prova d'identità del server) elenca i nomi per cui è valido, e il nome in `Host` non è tra questi. Succede spesso con l'hosting condiviso, dove il certificato riporta il nome del server della società di hosting invece del tuo dominio.
change-host-to-a-name-90ed824c = Cambia `Host` con un nome per cui il certificato è valido (di solito il pannello di controllo dell'hosting lo mostra come nome del server di posta).
the-certificate-the-server-s-b1cbac22 = Il certificato (la prova d'identità del server) non è garantito da nessuna autorità di cui il server web si fida. Potrebbe essere autofirmato (creato dal server per sé), il server potrebbe omettere il certificato intermedio che lo collega a un'autorità attendibile, oppure un programma di sicurezza su questa rete potrebbe sostituirlo.
or-change-host-to-the-4b9aed71 = Oppure cambia `Host` con il nome di server consigliato dal tuo provider: di solito ha un certificato valido.
check-that-the-web-server-70da9069 = Controlla che data e ora del server web siano corrette: un orologio sbagliato fa sembrare scaduti dei certificati validi.
a-certificate-the-server-s-d82f1ec5 = Un certificato (la prova d'identità del server) è valido solo a partire da una certa data, e secondo l'orologio del server web quella data non è ancora arrivata. Di solito è sbagliato l'orologio del server web; più raramente il server ha un certificato con una data futura.
check-that-the-web-server-1ea5bf6c = Controlla che data, ora e fuso orario del server web siano corretti, poi invia di nuovo.
switch-ssl-on-in-code-b0438e5d = Attiva SSL nel codice e usa `port` `587`.
set-securesocketoptions-to-starttls-and-2ad097ac = Imposta `SecureSocketOptions` su `StartTls` e usa `Port` `587`.
set-smtpsecure-to-tls-starttls-0664aeb3 = Imposta `SMTPSecure` su `'tls'` (STARTTLS) e usa `Port` `587`.
send-again-if-it-still-685a4d0a = Invia di nuovo; se fallisce ancora, la risposta del server dice quale dei due manca.
check-targetframework-in-appsettings-jso-cde6eebe = Controlla `targetFramework` in appsettings.json (`<httpRuntime targetFramework="…" />`): se è 4.5.2 o inferiore, scrivi `<httpRuntime targetFramework="4.8" />` (.NET Framework 4.8 deve essere installato sul server web; il tuo hosting può dirtelo).
check-targetframework-in-your-phpmailer-d2d788fa = Controlla `targetFramework` nelle tue impostazioni di PHPMailer (`<httpRuntime targetFramework="…" />`): se è 4.5.2 o inferiore, scrivi `<httpRuntime targetFramework="4.8" />` (.NET Framework 4.8 deve essere installato sul server web; il tuo hosting può dirtelo).
gmail-needs-an-app-password-52f29f0d = Gmail richiede una password per le app: attiva la verifica in due passaggi nel tuo Account Google, poi apri myaccount.google.com/apppasswords (la pagina Sicurezza non ha più un link), crea una password per le app e incolla le sue 16 lettere in `Password` senza spazi. Usa il tuo indirizzo Gmail completo come `UserName`.
gmail-needs-an-app-password-0a64bbed = Gmail richiede una password per le app: attiva la verifica in due passaggi nel tuo Account Google, poi apri myaccount.google.com/apppasswords (la pagina Sicurezza non ha più un link), crea una password per le app e incolla le sue 16 lettere in `Password` senza spazi. Usa il tuo indirizzo Gmail completo come `Username`.
gmail-sends-only-from-your-a7cd697e = Gmail invia solo dal tuo indirizzo o da un indirizzo aggiunto in Settings → Accounts → "Send mail as" (Impostazioni → Account e importazione → "Invia messaggio come"): imposta `From` su uno di questi.
gmail-sends-only-from-your-967bb4ce = Gmail invia solo dal tuo indirizzo o da un indirizzo aggiunto in Settings → Accounts → "Send mail as" (Impostazioni → Account e importazione → "Invia messaggio come"): imposta l'indirizzo `setFrom()` su uno di questi.
the-google-workspace-smtp-relay-98e2ae0c = Il relay SMTP di Google Workspace deve essere attivato dal tuo amministratore Workspace (Console di amministrazione → App → Google Workspace → Gmail → Routing → Servizio di inoltro SMTP). Se richiede l'autenticazione SMTP, usa un indirizzo Workspace come `UserName` e una password per le app creata su myaccount.google.com/apppasswords come `Password`; se invece consente l'indirizzo IP del tuo server, lasciali entrambi vuoti.
the-google-workspace-smtp-relay-a8add76c = Il relay SMTP di Google Workspace deve essere attivato dal tuo amministratore Workspace (Console di amministrazione → App → Google Workspace → Gmail → Routing → Servizio di inoltro SMTP). Se richiede l'autenticazione SMTP, usa un indirizzo Workspace come `Username` e una password per le app creata su myaccount.google.com/apppasswords come `Password`; se invece consente l'indirizzo IP del tuo server, lasciali entrambi vuoti.
the-google-workspace-smtp-relay-a9a83a12 = Il relay SMTP di Google Workspace invia solo dagli indirizzi che il tuo amministratore ha consentito nelle sue impostazioni (di solito quelli dei tuoi domini Workspace): imposta `From` su uno di questi.
the-google-workspace-smtp-relay-87c116c0 = Il relay SMTP di Google Workspace invia solo dagli indirizzi che il tuo amministratore ha consentito nelle sue impostazioni (di solito quelli dei tuoi domini Workspace): imposta l'indirizzo `setFrom()` su uno di questi.
the-relay-lets-in-only-459c6209 = Il relay accetta solo gli indirizzi IP o l'accesso che il tuo amministratore ha consentito nelle impostazioni del servizio di relay SMTP, quindi un test da un altro computer fallisce a meno che non esegua l'accesso. Imposta anche `Hostname` sul nome di dominio del tuo sito: Google potrebbe rifiutare un semplice nome di computer come `localhost`.
microsoft-365-use-the-mailbox-19f8c62c = Microsoft 365: usa l'indirizzo completo della casella come `UserName`. L'accesso per i programmi di posta ("Authenticated SMTP") deve essere consentito per questa casella: il tuo amministratore lo attiva nell'interfaccia di amministrazione di Microsoft 365 in Utenti → Utenti attivi → Posta → Gestisci app di posta elettronica. Le impostazioni predefinite per la sicurezza di Microsoft Entra (le protezioni standard di Microsoft per l'accesso) lo bloccano per l'intera organizzazione, qualunque cosa dica quell'interruttore.
microsoft-365-use-the-mailbox-3dc9ad4c = Microsoft 365: usa l'indirizzo completo della casella come `Username`. L'accesso per i programmi di posta ("Authenticated SMTP") deve essere consentito per questa casella: il tuo amministratore lo attiva nell'interfaccia di amministrazione di Microsoft 365 in Utenti → Utenti attivi → Posta → Gestisci app di posta elettronica. Le impostazioni predefinite per la sicurezza di Microsoft Entra (le protezioni standard di Microsoft per l'accesso) lo bloccano per l'intera organizzazione, qualunque cosa dica quell'interruttore.
microsoft-365-sends-only-as-b2fe867a = Microsoft 365 invia solo come la casella che ha eseguito l'accesso, a meno che il tuo amministratore non conceda l'autorizzazione "Send As" (Invia come): imposta `From` sull'indirizzo in `UserName`.
microsoft-365-sends-only-as-e3bbbbe6 = Microsoft 365 invia solo come la casella che ha eseguito l'accesso, a meno che il tuo amministratore non conceda l'autorizzazione "Send As" (Invia come): imposta l'indirizzo `setFrom()` sull'indirizzo in `Username`.
an-smtp-relay-your-admin-95d6c596 = Un relay SMTP: il tuo amministratore crea un connettore per l'indirizzo IP fisso del server web; poi imposta `Host` sull'host MX del tuo dominio (finisce con `mail.protection.outlook.com`), `Port` su `25`, e lascia vuoti `UserName` e `Password`.
an-smtp-relay-your-admin-a93b82b6 = Un relay SMTP: il tuo amministratore crea un connettore per l'indirizzo IP fisso del server web; poi imposta `Host` sull'host MX del tuo dominio (finisce con `mail.protection.outlook.com`), `Port` su `25`, e lascia vuoti `Username` e `Password`.
high-volume-email-hve-a-5d4715de = High Volume Email (HVE): un account Microsoft 365 pensato per i programmi che accede ancora con una password (`Host` `smtp-hve.office365.com`, `Port` `587`), destinato alla posta verso le caselle della tua organizzazione.
azure-communication-services-microsoft-s-f87006cd = Azure Communication Services: il servizio di invio di Microsoft (`Host` `smtp.azurecomm.net`, `Port` `587`), che accede con un nome utente e un segreto dell'app che il tuo sito può usare.
direct-send-a-host-ending-14a6804c = L'invio diretto (un `Host` che finisce con `mail.protection.outlook.com`) non richiede accesso: lascia vuoti `UserName` e `Password` e usa `Port` `25`. Consegna solo alle caselle della tua organizzazione; per raggiungere altri indirizzi, accedi a `smtp.office365.com` sulla porta `587`, oppure chiedi al tuo amministratore un connettore (relay SMTP).
direct-send-a-host-ending-5cca796c = L'invio diretto (un `Host` che finisce con `mail.protection.outlook.com`) non richiede accesso: lascia vuoti `Username` e `Password` e usa `Port` `25`. Consegna solo alle caselle della tua organizzazione; per raggiungere altri indirizzi, accedi a `smtp.office365.com` sulla porta `587`, oppure chiedi al tuo amministratore un connettore (relay SMTP).
since-16-september-2024-personal-6329d220 = Dal 16 settembre 2024 gli account personali Outlook.com e Hotmail non accettano più una password per inviare, ma solo l'accesso OAuth di Microsoft, che un sito con appsettings.json non sa fare. Invia invece la posta del tuo sito tramite un altro provider.
since-16-september-2024-personal-7621f718 = Dal 16 settembre 2024 gli account personali Outlook.com e Hotmail non accettano più una password per inviare, ma solo l'accesso OAuth di Microsoft, che un sito con le tue impostazioni di PHPMailer non sa fare. Invia invece la posta del tuo sito tramite un altro provider.
outlook-com-sends-only-from-73caa19a = Outlook.com invia solo dall'indirizzo che ha eseguito l'accesso: imposta `From` uguale a `UserName`.
outlook-com-sends-only-from-5ea38fca = Outlook.com invia solo dall'indirizzo che ha eseguito l'accesso: imposta l'indirizzo `setFrom()` uguale a `Username`.
send-your-website-s-mail-23638aa3 = Invia la posta del tuo sito tramite un servizio che accetta ancora una password, come il server di posta della tua società di hosting o un servizio di invio (SendGrid, Mailgun, Brevo e altri sono nell'elenco dei provider), e cambia `Host`, `UserName` e `Password` con i suoi valori.
send-your-website-s-mail-6bda0d43 = Invia la posta del tuo sito tramite un servizio che accetta ancora una password, come il server di posta della tua società di hosting o un servizio di invio (SendGrid, Mailgun, Brevo e altri sono nell'elenco dei provider), e cambia `Host`, `Username` e `Password` con i suoi valori.
godaddy-email-use-your-full-b39b7cc6 = Email GoDaddy: usa il tuo indirizzo email completo come `UserName` e la password della casella, con `Host` impostato su `smtpout.secureserver.net`. Se la tua email GoDaddy è un piano Microsoft 365, usa invece le impostazioni di Microsoft 365 (`smtp.office365.com`).
godaddy-email-use-your-full-fc189166 = Email GoDaddy: usa il tuo indirizzo email completo come `Username` e la password della casella, con `Host` impostato su `smtpout.secureserver.net`. Se la tua email GoDaddy è un piano Microsoft 365, usa invece le impostazioni di Microsoft 365 (`smtp.office365.com`).
godaddy-s-hosting-relay-relay-dd98d47f = Il relay dell'hosting GoDaddy (`relay-hosting.secureserver.net`) non richiede accesso: lascia vuoti `userName` e `password`, con `port` impostato su `25` e SSL (`SmtpClient.EnableSsl`, impostato nel codice) su `false`.
godaddy-s-hosting-relay-relay-f07c2f1a = Il relay dell'hosting GoDaddy (`relay-hosting.secureserver.net`) non richiede accesso: lascia vuoti `UserName` e `Password`, con `Port` impostato su `25` e `SecureSocketOptions` su `false`.
godaddy-s-hosting-relay-relay-609d3ac7 = Il relay dell'hosting GoDaddy (`relay-hosting.secureserver.net`) non richiede accesso: lascia vuoti `Username` e `Password`, con `Port` impostato su `25` e `SMTPSecure` su `false`.
ionos-use-the-full-email-a7c00951 = IONOS: usa l'indirizzo email completo come `UserName` e la password della casella, con il server del paese del tuo contratto come `Host` (`smtp.ionos.com`, `smtp.ionos.de` o `smtp.ionos.co.uk`).
ionos-use-the-full-email-7e72a1b1 = IONOS: usa l'indirizzo email completo come `Username` e la password della casella, con il server del paese del tuo contratto come `Host` (`smtp.ionos.com`, `smtp.ionos.de` o `smtp.ionos.co.uk`).
ovhcloud-use-the-full-email-cd29b853 = OVHcloud: usa l'indirizzo email completo come `UserName` e la password della casella, con `Host` impostato su `ssl0.ovh.net` (il nome per cui è valido il suo certificato).
ovhcloud-use-the-full-email-3c4dbb33 = OVHcloud: usa l'indirizzo email completo come `Username` e la password della casella, con `Host` impostato su `ssl0.ovh.net` (il nome per cui è valido il suo certificato).
yahoo-needs-an-app-password-693b5950 = Yahoo richiede una password per le app: nel tuo account Yahoo apri Account security → Generate app password (Sicurezza dell'account → Genera password per app) e usala come `Password`, con il tuo indirizzo Yahoo completo come `UserName`.
yahoo-needs-an-app-password-96021e70 = Yahoo richiede una password per le app: nel tuo account Yahoo apri Account security → Generate app password (Sicurezza dell'account → Genera password per app) e usala come `Password`, con il tuo indirizzo Yahoo completo come `Username`.
yahoo-sends-only-from-the-4a458e03 = Yahoo invia solo dall'indirizzo che ha eseguito l'accesso: imposta `From` sul tuo indirizzo Yahoo.
yahoo-sends-only-from-the-5064b1b3 = Yahoo invia solo dall'indirizzo che ha eseguito l'accesso: imposta l'indirizzo `setFrom()` sul tuo indirizzo Yahoo.
aol-needs-an-app-password-2a7d72d0 = AOL richiede una password per le app: nel tuo account AOL apri Account security → Generate app password e usala come `Password`, con il tuo indirizzo AOL completo come `UserName`.
aol-needs-an-app-password-574437f0 = AOL richiede una password per le app: nel tuo account AOL apri Account security → Generate app password e usala come `Password`, con il tuo indirizzo AOL completo come `Username`.
aol-sends-only-from-the-73cdefc3 = AOL invia solo dall'indirizzo che ha eseguito l'accesso: imposta `From` sul tuo indirizzo AOL.
aol-sends-only-from-the-4db838b3 = AOL invia solo dall'indirizzo che ha eseguito l'accesso: imposta l'indirizzo `setFrom()` sul tuo indirizzo AOL.
icloud-mail-needs-an-app-c8532528 = Mail di iCloud richiede una password specifica per le app: creane una su account.apple.com in Accesso e sicurezza → Password specifiche per le app, e usa il tuo indirizzo iCloud completo come `UserName`.
icloud-mail-needs-an-app-0e669f48 = Mail di iCloud richiede una password specifica per le app: creane una su account.apple.com in Accesso e sicurezza → Password specifiche per le app, e usa il tuo indirizzo iCloud completo come `Username`.
zoho-mail-use-your-full-384aac79 = Zoho Mail: usa il tuo indirizzo Zoho completo come `UserName`. Se l'accesso a due fattori è attivo, crea una password specifica per l'applicazione in Zoho Accounts → Security e usala come `Password`. Usa il server del tuo data center (per esempio `smtp.zoho.eu` in Europa); gli account organizzazione sul proprio dominio usano `smtppro.` al posto di `smtp.` (per esempio `smtppro.zoho.eu`).
zoho-mail-use-your-full-7a3fb759 = Zoho Mail: usa il tuo indirizzo Zoho completo come `Username`. Se l'accesso a due fattori è attivo, crea una password specifica per l'applicazione in Zoho Accounts → Security e usala come `Password`. Usa il server del tuo data center (per esempio `smtp.zoho.eu` in Europa); gli account organizzazione sul proprio dominio usano `smtppro.` al posto di `smtp.` (per esempio `smtppro.zoho.eu`).
fastmail-needs-an-app-password-4c8b9524 = Fastmail richiede una password per le app: creane una in Settings → Privacy & Security → App passwords e usala come `Password`.
azure-communication-services-username-is-82b5afd0 = Azure Communication Services: `UserName` è un nome utente SMTP creato nella tua risorsa Communication Services (Settings → SMTP Usernames) e collegato a un'app Microsoft Entra autorizzata a inviare; `Password` è il segreto client di quell'app. I segreti client scadono: se prima funzionava, crea un nuovo segreto e usalo.
azure-communication-services-username-is-25902af0 = Azure Communication Services: `Username` è un nome utente SMTP creato nella tua risorsa Communication Services (Settings → SMTP Usernames) e collegato a un'app Microsoft Entra autorizzata a inviare; `Password` è il segreto client di quell'app. I segreti client scadono: se prima funzionava, crea un nuovo segreto e usalo.
azure-communication-services-sends-only-ff5de3b8 = Azure Communication Services invia solo dagli indirizzi MailFrom di un dominio email collegato alla tua risorsa Communication Services: imposta `From` su uno di questi.
azure-communication-services-sends-only-fcf3ed02 = Azure Communication Services invia solo dagli indirizzi MailFrom di un dominio email collegato alla tua risorsa Communication Services: imposta l'indirizzo `setFrom()` su uno di questi.
amazon-ses-needs-ses-smtp-cb156c1c = Amazon SES richiede le credenziali SMTP di SES, create nella console SES in SMTP settings per la regione indicata in `Host`. Le chiavi di accesso IAM, e le credenziali SMTP di un'altra regione, non funzionano.
amazon-ses-sends-only-from-31649dbc = Amazon SES invia solo da identità verificate: verifica l'indirizzo `From` o il suo dominio nella console SES. Finché l'account è nella sandbox (la modalità di prova dei nuovi account), anche i destinatari devono essere verificati.
amazon-ses-sends-only-from-ce071f11 = Amazon SES invia solo da identità verificate: verifica l'indirizzo `setFrom()` o il suo dominio nella console SES. Finché l'account è nella sandbox (la modalità di prova dei nuovi account), anche i destinatari devono essere verificati.
sendgrid-username-must-be-literally-2392208f = SendGrid: `UserName` deve essere esattamente `apikey` (non il tuo login o il tuo indirizzo email), e `Password` è una chiave API con l'autorizzazione "Mail Send", incollata senza spazi.
sendgrid-username-must-be-literally-0f7ff76f = SendGrid: `Username` deve essere esattamente `apikey` (non il tuo login o il tuo indirizzo email), e `Password` è una chiave API con l'autorizzazione "Mail Send", incollata senza spazi.
sendgrid-sends-only-from-a-0be2f6cf = SendGrid invia solo da una Sender Identity verificata: verifica l'indirizzo `From` o il suo dominio in Settings → Sender Authentication.
sendgrid-sends-only-from-a-c8fc64da = SendGrid invia solo da una Sender Identity verificata: verifica l'indirizzo `setFrom()` o il suo dominio in Settings → Sender Authentication.
mailgun-sends-from-addresses-of-ba0bed7a = Mailgun invia dagli indirizzi del tuo dominio di invio verificato: usane uno come `From`.
mailgun-sends-from-addresses-of-38c1bbc8 = Mailgun invia dagli indirizzi del tuo dominio di invio verificato: usane uno come indirizzo `setFrom()`.
postmark-use-your-server-api-681c5113 = Postmark: usa il tuo Server API Token sia come `UserName` sia come `Password`.
postmark-use-your-server-api-d6fda7f3 = Postmark: usa il tuo Server API Token sia come `Username` sia come `Password`.
postmark-sends-only-from-a-aa1507f0 = Postmark invia solo da una Sender Signature confermata o da un dominio verificato: usane uno come `From`.
postmark-sends-only-from-a-9ef116ea = Postmark invia solo da una Sender Signature confermata o da un dominio verificato: usane uno come indirizzo `setFrom()`.
brevo-username-is-the-smtp-61deeb36 = Brevo: `UserName` è il login SMTP mostrato in SMTP & API, e `Password` è una chiave SMTP della stessa pagina (non una chiave API né la password del tuo account).
brevo-username-is-the-smtp-d3088416 = Brevo: `Username` è il login SMTP mostrato in SMTP & API, e `Password` è una chiave SMTP della stessa pagina (non una chiave API né la password del tuo account).
brevo-sends-only-from-a-e7ee4fca = Brevo invia solo da un mittente o un dominio verificato: usane uno come `From`.
brevo-sends-only-from-a-0fe5ff38 = Brevo invia solo da un mittente o un dominio verificato: usane uno come indirizzo `setFrom()`.
mailjet-username-is-your-mailjet-be7768e2 = Mailjet: `UserName` è la tua chiave API di Mailjet e `Password` la sua chiave segreta (in Account settings → API keys), non il tuo login Mailjet.
mailjet-username-is-your-mailjet-aa6c2842 = Mailjet: `Username` è la tua chiave API di Mailjet e `Password` la sua chiave segreta (in Account settings → API keys), non il tuo login Mailjet.
mailjet-sends-only-from-a-2b02a254 = Mailjet invia solo da un indirizzo mittente o un dominio convalidato: convalida l'indirizzo `From` in Mailjet, oppure usane uno già convalidato.
mailjet-sends-only-from-a-a4239645 = Mailjet invia solo da un indirizzo mittente o un dominio convalidato: convalida l'indirizzo `setFrom()` in Mailjet, oppure usane uno già convalidato.
smtp2go-use-an-smtp-user-c2bc2bdb = SMTP2GO: usa un utente SMTP del tuo account SMTP2GO (Sending → SMTP Users) come `UserName` e la sua password come `Password`, non il tuo login SMTP2GO.
smtp2go-use-an-smtp-user-b95c2e7b = SMTP2GO: usa un utente SMTP del tuo account SMTP2GO (Sending → SMTP Users) come `Username` e la sua password come `Password`, non il tuo login SMTP2GO.
smtp2go-sends-only-from-verified-38d2716c = SMTP2GO invia solo da mittenti verificati (Sending → Verified Senders): usane uno come `From`.
smtp2go-sends-only-from-verified-4a413e26 = SMTP2GO invia solo da mittenti verificati (Sending → Verified Senders): usane uno come indirizzo `setFrom()`.
provider-also-takes-mail-on-688364ca = { $provider } accetta posta anche sulla porta `{ $port }`, che le società di hosting e i provider internet bloccano raramente: cambia `port` in `{ $port }` e lascia SSL attivo nel codice.
provider-also-takes-mail-on-2eb2c630 = { $provider } accetta posta anche sulla porta `{ $port }`, che le società di hosting e i provider internet bloccano raramente: cambia `Port` in `{ $port }` e lascia `SecureSocketOptions` impostato su `StartTls`.
provider-also-takes-mail-on-d235639f = { $provider } accetta posta anche sulla porta `{ $port }`, che le società di hosting e i provider internet bloccano raramente: cambia `Port` in `{ $port }` e lascia `SMTPSecure` impostato su `'tls'` (STARTTLS).
