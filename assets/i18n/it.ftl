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
nothing-527dae8a = niente
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
server-sites-broken-broken-at-9406a0b2 = { $server }: { $sites } ({ $broken } non funzionanti, { $at_risk } a rischio, { $unknown } sconosciuti, { $ok } OK)
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
