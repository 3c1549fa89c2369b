# Deutsch (de): die Oberfläche von Mail Settings Tester.
# Aus en.ftl übersetzt von einem KI-Übersetzer (Claude), Meldung für Meldung, nach dem
# Stilleitfaden des Produkts (UX.md, "How we talk"): Sie-Form, ruhig, konkret, kurze Sätze.
# Geprüft mit den automatischen Tests in tests/i18n.rs (gleiche IDs, gleiche Variablen,
# jede Meldung lässt sich formatieren) und durch eigenes Durchlesen auf einheitliche Begriffe.
# Begriffe: sign in = anmelden / Anmeldung; password = Passwort; app password = App-Passwort;
# server = Server; mail server = Mailserver; secure/encrypted connection = verschlüsselte
# Verbindung; mailbox = Postfach; certificate = Zertifikat; sender/from address =
# Absenderadresse; look-up = Abfrage; keyring = Schlüsselbund; transcript = Protokoll;
# snippet = Codeausschnitt; Knopf "Send test email" = „Test-E-Mail senden“. Code, Attributnamen,
# Dateinamen und Protokollwörter (SMTP, STARTTLS, TLS …) bleiben unverändert.

## src/arrive/dkim.rs

receivers-can-check-the-signature-79253611 = Empfänger können die Signatur prüfen, die { $provider } Ihren Nachrichten hinzufügt: `{ $name }` verweist auf `{ $target }`.
receivers-can-check-the-signature-de564560 = Empfänger können die Signatur prüfen, die { $provider } Ihren Nachrichten hinzufügt: `{ $name }` enthält den Schlüssel.
dkim-is-a-signature-the-803894e2 = DKIM ist eine Signatur, die der sendende Server jeder Nachricht hinzufügt; Empfänger prüfen sie anhand eines Schlüssels, der im DNS Ihrer Domain veröffentlicht ist.
provider-signs-with-the-selectors-fc53fd77 = { $provider } signiert mit den Selektoren { $selectors }, aber dort wurde kein Schlüssel für { $domain } gefunden. Die Signatur zählt daher nicht für Ihre Domain, und Ihre Mails landen eher im Spam.
provider-signs-with-the-selector-a5266169 = { $provider } signiert mit dem Selektor { $selector }, aber dort wurde kein Schlüssel für { $domain } gefunden. Die Signatur zählt daher nicht für Ihre Domain, und Ihre Mails landen eher im Spam.
switch-on-dkim-for-domain-788c832b = Schalten Sie DKIM für { $domain } bei { $provider } ein ({ $place }) und fügen Sie den angezeigten { $record_type }-Eintrag hinzu (ebenso für die anderen Selektoren); der Eintrag unten zeigt, wie er aussieht.
switch-on-dkim-for-domain-929c2534 = Schalten Sie DKIM für { $domain } bei { $provider } ein ({ $place }) und fügen Sie den angezeigten { $record_type }-Eintrag hinzu; der Eintrag unten zeigt, wie er aussieht.
domain-does-not-publish-provider-6ab37a2b = { $domain } veröffentlicht den DKIM-Schlüssel von { $provider } nicht
provider-s-dkim-key-is-4ce44b77 = Der DKIM-Schlüssel von { $provider } ist für { $domain } veröffentlicht
dkim-not-checked-4291ed12 = DKIM nicht geprüft
we-do-not-know-which-d85e6cbc = Wir wissen nicht, mit welchem DKIM-Selektor { $server } signiert, daher konnten wir nicht prüfen, ob sein Schlüssel für { $domain } veröffentlicht ist. Fragen Sie den Anbieter, ob er Ihre Mails mit DKIM signiert (eine Signatur, die Empfänger anhand eines Schlüssels im DNS Ihrer Domain prüfen) und welchen Eintrag Sie hinzufügen müssen.

## src/arrive/dmarc.rs

dmarc-tells-receivers-what-to-e721a5e3 = DMARC sagt Empfängern, was mit Mails geschehen soll, die angeblich von { $domain } kommen, aber dafür weder SPF noch DKIM bestehen.
its-policy-is-p-reject-ce967681 = Die Richtlinie ist `p=reject`: Solche Mails werden abgelehnt.
its-policy-is-p-quarantine-2a69dd62 = Die Richtlinie ist `p=quarantine`: Solche Mails landen im Spam.
its-policy-is-p-none-01a9d2cb = Die Richtlinie ist `p=none`: Solche Mails werden nur gemeldet.
domain-has-a-dmarc-policy-735612a7 = { $domain } hat eine DMARC-Richtlinie: { $policy }
dmarc-of-domain-will-reject-c398e1d1 = DMARC von { $domain } wird diese Mail ablehnen
the-dmarc-policy-of-domain-35b9cbc4 = Die DMARC-Richtlinie von { $domain } lautet `p=reject`, und über diesen Server besteht weder SPF noch DKIM für { $domain }. Empfänger werden die Mails Ihrer Website daher ablehnen.
dmarc-of-domain-will-quarantine-6ef31cf6 = DMARC von { $domain } wird diese Mail in Quarantäne schieben
the-dmarc-policy-of-domain-eabc6562 = Die DMARC-Richtlinie von { $domain } lautet `p=quarantine`, und über diesen Server besteht weder SPF noch DKIM für { $domain }. Empfänger werden die Mails Ihrer Website daher in den Spam verschieben.
fix-spf-or-dkim-first-42d5b01c = Beheben Sie zuerst SPF oder DKIM (siehe oben); nur wenn das nicht bald möglich ist, lockern Sie die Richtlinie mit dem Eintrag unten auf `p=none`.
domain-has-no-dmarc-record-49974c46 = { $domain } hat keinen DMARC-Eintrag
dmarc-is-a-dns-record-4d3d6942 = DMARC ist ein DNS-Eintrag, der Empfängern sagt, was mit Mails geschehen soll, die die SPF- und DKIM-Prüfung für Ihre Domain nicht bestehen. Gmail und Yahoo verlangen ihn von jeder Domain, die viele Mails sendet, und Mails von Domains ohne ihn gelten als weniger vertrauenswürdig. Fügen Sie den TXT-Eintrag unten bei `{ $name }` hinzu: `p=none` ändert nichts an Ihren Mails und bittet Empfänger nur, sie zu prüfen.
the-dmarc-record-of-domain-98955b46 = Der DMARC-Eintrag von { $domain } enthält einen Fehler
the-dmarc-record-at-name-da80e0f7 = Der DMARC-Eintrag bei `{ $name }` lautet `{ $record }`. Empfänger können ihn nicht lesen und ignorieren ihn daher. Ersetzen Sie ihn durch den Eintrag unten und bauen Sie darauf auf.

## src/arrive/freemail.rs

provider-sends-its-own-addresses-879d096b = { $provider } versendet seine eigenen Adressen
the-from-address-is-at-67fb0fdc = Die `from`-Adresse liegt bei { $domain }, und die Mail läuft über den eigenen Server von { $provider } ({ $host }), der sie für { $domain } signiert: Sie müssen in keinem DNS etwas hinzufügen.
a-domain-address-cannot-be-27101620 = Eine Adresse bei { $domain } kann nicht über { $server } versendet werden
the-from-address-is-at-4eca8930 = Die `from`-Adresse liegt bei { $domain }, und diese Domain gehört { $provider }. Ihr DNS (den Sie nicht ändern können) weist jeden Empfänger an, Mails von { $domain } abzulehnen oder wegzuwerfen, wenn sie nicht über die eigenen Server von { $provider } kamen. Mails über { $server } werden daher von Gmail, Yahoo, Outlook.com und anderen abgelehnt. Setzen Sie `from` auf eine Adresse Ihrer eigenen Domain und richten Sie SPF und DKIM dieser Domain für { $server } ein.

## src/arrive/model.rs

likely-to-arrive-5f0e6d11 = Kommt wahrscheinlich an
likely-to-land-in-spam-a5ce4d7f = Landet wahrscheinlich im Spam
will-be-rejected-by-gmail-6299af51 = Wird von Gmail und anderen abgelehnt

## src/arrive/request.rs

given-is-not-an-email-d634334b = "{ $given }" ist keine E-Mail-Adresse, deren Domain wir prüfen können; geben Sie eine an wie --from site@example.com

## src/arrive/server.rs

your-mail-server-13d9fcfc = Ihr Mailserver

## src/arrive/spf.rs

the-spf-record-needs-count-5dedf6d1 = Der SPF-Eintrag braucht { $count } DNS-Abfragen; die Grenze liegt bei 10
receiving-servers-stop-checking-an-be2111cf = Empfangende Server brechen die Prüfung eines SPF-Eintrags nach 10 Abfragen ab (jedes `include:`, `a`, `mx`, `ptr`, `exists` und `redirect=` zählt, auch in den eingebundenen Einträgen) und werten die Prüfung dann als fehlgeschlagen. Der Eintrag von { $domain } braucht { $count }. Entfernen Sie die `include:`-Einträge von Diensten, über die Sie nicht mehr senden, oder ersetzen Sie `a` und `mx` durch die `ip4:`-Adressen, für die sie stehen.
a-look-up-timed-out-13157fc5 = eine Abfrage hat zu lange gedauert, oder der DNS-Server hat versagt
the-spf-record-of-domain-67804a0e = Der SPF-Eintrag von { $domain } (die Liste der Server, die Mails für die Domain senden dürfen) nennt { $server } über `include:{ $include }`, den Eintrag von { $provider }. Empfänger sehen also, dass der Server für Sie senden darf.
the-spf-record-of-domain-0b5c4f92 = Der SPF-Eintrag von { $domain } (die Liste der Server, die Mails für die Domain senden dürfen) nennt { $server }. Empfänger sehen also, dass der Server für Sie senden darf.
spf-allows-server-to-send-8afd0a77 = SPF erlaubt { $server }, für { $domain } zu senden
domain-has-no-spf-record-1cb5b594 = { $domain } hat keinen SPF-Eintrag
an-spf-record-is-a-cb1c9d74 = Ein SPF-Eintrag ist eine Zeile im DNS Ihrer Domain, die die Server auflistet, die Mails für sie senden dürfen. { $domain } hat keinen, daher können Gmail, Outlook.com und andere die Mails Ihrer Website nicht von Fälschungen unterscheiden und verschieben sie in den Spam oder lehnen sie ab. Fügen Sie den TXT-Eintrag unten bei Ihrem DNS-Anbieter hinzu (dort, wo der DNS Ihrer Domain verwaltet wird).
domain-has-count-spf-records-07a9b800 = { $domain } hat { $count } SPF-Einträge; erlaubt ist nur einer
domain-publishes-count-txt-records-74c3917b = { $domain } veröffentlicht { $count } TXT-Einträge, die mit `v=spf1` beginnen. Empfänger werten das als Fehler, und die SPF-Prüfung schlägt für jeden Server fehl. Löschen Sie alle und fügen Sie den einen Eintrag unten hinzu, der alle ihre Angaben enthält.
it-includes-include-which-has-336f9a8d = Er bindet `{ $include }` ein, das keinen einzelnen gültigen SPF-Eintrag hat, daher endet die Prüfung mit einem Fehler. Entfernen Sie diese Angabe oder korrigieren Sie ihren Namen.
receivers-cannot-read-it-a-63ea1f19 = Empfänger können ihn nicht lesen (eine falsch geschriebene Angabe, ein überzähliges Zeichen oder ein fehlendes Leerzeichen), daher endet die Prüfung mit einem Fehler. Ersetzen Sie ihn durch den Eintrag unten und fügen Sie alle anderen Dienste wieder hinzu, die Mails für Sie senden.
the-spf-record-of-domain-22ad1250 = Der SPF-Eintrag von { $domain } lautet `{ $record }`.
the-spf-record-of-domain-20d2dd14 = Der SPF-Eintrag von { $domain } enthält einen Fehler
spf-does-not-allow-server-e96b146c = SPF erlaubt { $server } nicht, für { $domain } zu senden
the-spf-record-of-domain-ae180452 = Der SPF-Eintrag von { $domain } listet die Server auf, die Mails für die Domain senden dürfen, und { $server } ist nicht darunter. Empfänger halten die Mails Ihrer Website daher für möglicherweise gefälscht. Ändern Sie den Eintrag auf den unten stehenden: Er fügt `{ $terms }` hinzu und lässt alles andere, wie es ist.

## src/arrive/texts.rs

could-not-look-up-the-20e612c3 = Der SPF-Eintrag von { $domain } konnte nicht abgefragt werden
the-dns-look-up-of-5603d802 = Die DNS-Abfrage des SPF-Eintrags von { $domain } blieb ohne Antwort ({ $why }), daher ist diese Prüfung unvollständig.
could-not-look-up-the-994cde94 = Die SPF-Prüfung von { $domain } konnte nicht abgefragt werden
the-dns-look-up-of-d0fe910b = Die DNS-Abfrage für die SPF-Prüfung von { $domain } blieb ohne Antwort ({ $why }), daher ist diese Prüfung unvollständig.
could-not-look-up-the-453faaab = Der DMARC-Eintrag { $name } konnte nicht abgefragt werden
the-dns-look-up-of-89d9c052 = Die DNS-Abfrage des DMARC-Eintrags { $name } blieb ohne Antwort ({ $why }), daher ist diese Prüfung unvollständig.
could-not-look-up-the-aeefb05d = Die Adressen von { $host } konnten nicht abgefragt werden
the-dns-look-up-of-0d90da28 = Die DNS-Abfrage der Adressen von { $host } blieb ohne Antwort ({ $why }), daher ist diese Prüfung unvollständig.
try-again-in-a-minute-9c32e930 = Versuchen Sie es in einer Minute erneut, oder nennen Sie mit --dns-server einen anderen DNS-Server, zum Beispiel --dns-server 1.1.1.1:53.
host-has-no-address-in-871405a2 = { $host } hat keine Adresse im DNS
the-mail-server-host-has-ebe00387 = Der Mailserver { $host } hat keine Adresse im DNS, daher konnten wir nicht prüfen, ob Ihr SPF-Eintrag ihm das Senden erlaubt. Prüfen Sie die Schreibweise von `host`.

## src/certificate.rs

rsa-bits-bits-23280151 = RSA { $bits } Bit
ec-bits-bits-fe055061 = EC { $bits } Bit
other-algorithm-06e3c735 = anderes ({ $algorithm })

## src/checklist.rs

working-2d8933f4 = läuft …
waiting-eeda06a8 = wartet
not-reached-5ea156cc = nicht erreicht
skipped-022ec9b7 = übersprungen
stopped-here-8940b99c = hier angehalten

## src/cli/confirm.rs

y-n-57127fdb = [j/N]
yes-4e9f3590 = ja

## src/cli/dns_check_cmd.rs

will-mail-from-domain-through-87a4a5b9 = Kommen Mails von { $domain } über { $host } an?
will-mail-from-domain-arrive-00b99798 = Kommen Mails von { $domain } an?
name-2de5e154 = Name:
type-38e11e55 = Typ:
value-6b47a2d0 = Wert:
add-this-dns-record-a930def2 = Fügen Sie diesen DNS-Eintrag hinzu:
verdict-verdict-0f0534c1 = Ergebnis: { $verdict }
note-note-edb4a61f = Hinweis: { $note }

## src/cli/help.rs

usage-740f2048 = Aufruf
arguments-a33c193f = Argumente
options-353e0d45 = Optionen
commands-971550f3 = Befehle
possible-values-bc143884 = Mögliche Werte
default-933b5bde = Standard
possible-values-a2c8a064 = mögliche Werte

## src/cli/inbox_cmd.rs

mailbox-password-631a3f6c = Passwort des Postfachs
the-environment-variable-var-is-f51718d6 = die Umgebungsvariable { $var } ist nicht gesetzt (oder kein gültiger Text); setzen Sie sie auf das Passwort des Postfachs
the-server-gave-the-message-9ecaf4ed = der Server hat der Nachricht keine Message-ID gegeben, nach der wir suchen könnten
could-not-read-the-ca-66ac5a07 = --ca-file { $path } konnte nicht gelesen werden: { $err }
looking-for-the-message-in-88a27f59 = Suche die Nachricht in { $mailbox } (bis zu { $seconds } s) …
the-mailbox-password-was-not-7b1224ac = das Passwort des Postfachs wurde nicht im Schlüsselbund gespeichert: Die Prüfung ist nicht bis zu einer erfolgreichen Anmeldung gekommen.
no-password-for-the-mailbox-0abb5363 = kein Passwort für das Postfach { $mailbox }: Übergeben Sie es mit --inbox-password-stdin oder --inbox-password-env VAR, oder speichern Sie es im Schlüsselbund als { $account }
did-it-land-mailbox-c25c5dff = Ist sie angekommen? { $mailbox }

## src/cli/json.rs

could-not-write-json-err-c9dd0283 = JSON konnte nicht geschrieben werden: { $err }

## src/cli/mod.rs

stopping-the-test-ctrl-c-18158df4 = Der Test wird angehalten … (ein weiteres Strg-C beendet sofort)
the-checks-after-sending-check-eea128bf = Die Prüfungen nach dem Senden (--check-dns, --check-inbox) laufen erst, wenn die Nachricht durchgegangen ist.
could-not-read-standard-input-6cb61c3b = die Standardeingabe konnte nicht gelesen werden: { $err }
give-the-error-text-to-2a747ea0 = geben Sie den Fehlertext an, der erklärt werden soll, oder leiten Sie ihn mit - herein

## src/cli/oauth_cmd.rs

signed-out-the-sign-in-920ac642 = Abgemeldet: Die Anmeldung von { $mailbox } wird nicht mehr aufbewahrt.
no-sign-in-of-mailbox-c1033f07 = Für diese App wurde keine Anmeldung von { $mailbox } aufbewahrt.
signed-in-as-who-with-0789c27a = Angemeldet als { $who } bei { $provider } (im Schlüsselbund des Systems aufbewahrt).
a-new-access-token-was-03874317 = Soeben wurde ein neues Zugriffstoken ausgestellt, gültig für { $minutes } min.
a-new-access-token-was-505fd341 = Soeben wurde ein neues Zugriffstoken ausgestellt.
not-signed-in-no-sign-b24f4b10 = Nicht angemeldet: Für diese App wird keine Anmeldung von { $mailbox } aufbewahrt. `{ $command }` meldet an.
the-kept-sign-in-of-41c1d286 = Die aufbewahrte Anmeldung von { $mailbox } funktioniert nicht mehr: { $error }. Melden Sie sich erneut an.

## src/cli/output.rs

testing-host-port-with-security-bc3dfc06 = Teste { $host }:{ $port } mit { $security }, so wie ASP.NET (System.Net.Mail) es tun würde.
testing-host-port-with-security-fa0d57de = Teste { $host }:{ $port } mit { $security }, so wie ein übliches Mailprogramm es tun würde.
these-settings-need-attention-before-a42c8b40 = Diese Einstellungen müssen Sie prüfen, bevor ein Test laufen kann:
error-21918751 = Fehler
warning-792112ef = Warnung
note-919a0c3d = Hinweis
warning-summary-cb2694b9 = Warnung: { $summary }
ways-out-315d2fe1 = Lösungswege:
checklist-7164074f = Checkliste:
only-partly-the-server-accepted-8a4abcce = Nur teilweise: Der Server hat die Testnachricht für { $recipient } (sein eigenes Postfach) angenommen, lehnt aber fremde Adressen ohne Anmeldung ab.
success-the-server-accepted-the-2b96e5a9 = Erfolg: Der Server hat die Testnachricht für { $recipient } angenommen.
warning-the-password-crossed-the-ae191d12 = Warnung: Das Passwort ging UNVERSCHLÜSSELT über das Netzwerk (Sie haben das für diesen Test erlaubt). Setzen Sie enableSsl auf true, damit Ihre Website das nicht ebenso macht.
warning-the-certificate-is-not-676d1a93 = Warnung: Das Zertifikat ist NICHT gültig ({ $problem }). Ihre Website prüft es und wird scheitern.
paste-this-into-your-web-97160651 = Fügen Sie dies in Ihre web.config ein, innerhalb von <configuration>:
for-platform-967bcad1 = Für { $platform }:
other-platforms-command-the-same-69f99f14 = Andere Plattformen: { $command } (dieselben Einstellungs-Flags; --format all gibt alle aus)
problem-summary-7ede7f64 = Problem: { $summary }
what-to-do-8cbc7e25 = Was zu tun ist:
suggested-change-run-again-with-91377baf = Vorgeschlagene Änderung (erneut ausführen mit { $flags }):
the-server-said-reply-de77b5c4 = Der Server antwortete: { $reply }
preset-70ea81de = VORLAGE
host-edf03e2f = HOST
port-24fff026 = PORT
your-host-b2942d15 = (Ihr Host)
not-usable-from-asp-net-eb3e1b53 = Nicht nutzbar mit ASP.NET (System.Net.Mail).

## src/cli/probe_cmd.rs

stopping-ctrl-c-again-quits-252995ab = Wird angehalten … (ein weiteres Strg-C beendet sofort)

## src/cli/probe_output.rs

looking-for-the-outgoing-mail-812c6ba5 = Suche den Postausgangsserver für { $email }, für eine ASP.NET-Website (System.Net.Mail).
looking-for-the-outgoing-mail-577f55c6 = Suche den Postausgangsserver für { $email }, für ein Mailprogramm.
looking-for-what-host-offers-8dc74ce8 = Prüfe, was { $host } anbietet, für eine ASP.NET-Website (System.Net.Mail).
looking-for-what-host-offers-18e74dbb = Prüfe, was { $host } anbietet, für ein Mailprogramm.
each-try-stops-after-the-09a8b128 = Jeder Versuch endet nach der Begrüßung des Servers: Es werden weder eine Nachricht noch ein Passwort gesendet.
trying-1-server-name-names-bb4dd271 = Probiere 1 Servernamen: { $names }
trying-count-server-names-names-dc28bd1c = Probiere { $count } Servernamen: { $names }
use-these-settings-in-your-104f0487 = Verwenden Sie diese Einstellungen in Ihrer Website:
why-why-99fef765 = Warum: { $why }
in-web-config-line-89ad6d8c = In web.config: { $line }
no-settings-to-recommend-3a0b504c = Keine Einstellungen zu empfehlen.
from-this-computer-to-host-ae426e27 = Von diesem Computer zu { $host }: { $ports }.
done-in-time-cancelled-5bc6fe41 = Fertig in { $time } (abgebrochen).
done-in-time-5fb638b3 = Fertig in { $time }.
everything-tried-best-first-e41cbf92 = Alles Probierte, das Beste zuerst:
server-40ac3dd2 = Server
security-c92cc9bb = Sicherheit
reachable-70756d30 = erreichbar
sign-in-281c1798 = Anmeldung
cert-4cb0e403 = Zert.
time-5d3c9be4 = Zeit
why-18f40e39 = Grund
names-that-do-not-exist-a4ffda74 = (Namen, die es nicht gibt, wurden nicht weiter probiert)
plain-d3be3f67 = unverschlüsselt
ssl-on-connect-dbeb3514 = SSL ab Verbindungsbeginn
trusted-dd092c3c = vertrauenswürdig
untrusted-3c0e3839 = nicht vertrauenswürdig
expired-338eb632 = abgelaufen
wrong-name-475d1629 = falscher Name
invalid-cbd1f530 = ungültig

## src/cli/profile_cmd.rs

renamed-profile-old-to-new-edd00652 = Profil "{ $old }" in "{ $new }" umbenannt.
no-profiles-yet-save-one-78e104ee = Noch keine Profile. Speichern Sie eines mit: { $command }
no-sign-in-740a2bca = (keine Anmeldung)
profile-name-path-da76cc87 = Profil "{ $name }" ({ $path })
not-needed-no-sign-in-16416f92 = nicht nötig (keine Anmeldung)
saved-in-the-keyring-471fe699 = im Schlüsselbund gespeichert
not-saved-give-it-with-eb4324db = nicht gespeichert (mit --password-stdin oder --password-env angeben; --save-password hinzufügen, um es im Schlüsselbund aufzubewahren)
unknown-the-keyring-could-not-90752bb4 = unbekannt: Der Schlüsselbund konnte nicht gelesen werden
test-it-command-7eff2131 = Testen: { $command }
timeouts-3411c421 = Zeitlimits
connect-connect-s-greeting-greeting-1f5ae1d3 = Verbinden { $connect } s, Begrüßung { $greeting } s, Befehle { $command } s
accept-invalid-certs-42e8fc91 = ungültige Zertifikate annehmen
ca-file-3a8117e5 = CA-Datei
save-password-needs-the-password-ea8d182a = --save-password braucht das Passwort: Übergeben Sie es mit --password-stdin oder --password-env VAR
the-old-profiles-file-could-c287bcd2 = die alte Profildatei konnte nicht gelesen werden und wurde daher beiseitegelegt (nichts ist verloren): { $path }
replaced-profile-name-in-path-07131cc2 = Profil "{ $name }" in { $path } ersetzt (ohne Passwort).
saved-profile-name-in-path-dfc46583 = Profil "{ $name }" in { $path } gespeichert (ohne Passwort).
the-password-was-not-kept-0ab7efbb = Das Passwort wurde nicht aufbewahrt (fügen Sie --save-password hinzu, um es im Schlüsselbund des Systems aufzubewahren).
these-settings-do-not-sign-e4955288 = Diese Einstellungen melden sich nicht mit einem Benutzernamen an, daher gibt es kein Passwort zu speichern.
deleted-profile-name-4882e1e8 = Profil "{ $name }" gelöscht.
a-password-saved-for-it-18a62b71 = Ein dafür gespeichertes Passwort bleibt im Schlüsselbund (andere Profile für dasselbe Konto nutzen es auch); `profile delete --forget-password` entfernt es ebenfalls.
profile-name-does-not-sign-2e551ed4 = Profil "{ $name }" meldet sich nicht mit einem Benutzernamen an: Es gibt kein Passwort zu vergessen.
remove-all-count-profiles-and-462289c2 = Alle { $count } Profile und jedes Passwort entfernen, das Mail Settings Tester im Schlüsselbund gespeichert hat?
nothing-was-removed-run-again-6988196d = Nichts wurde entfernt: Führen Sie den Befehl erneut mit --yes aus, um alle Profile und gespeicherten Passwörter zu entfernen.
removed-profiles-profile-s-and-06660efb = { $profiles } Profil(e) und { $passwords } gespeicherte(s) Passwort/Passwörter entfernt.
removed-the-saved-password-for-19fd2f90 = Das gespeicherte Passwort für { $account } wurde aus dem Schlüsselbund entfernt.
no-password-was-saved-in-2a90a5e4 = Für { $account } war kein Passwort im Schlüsselbund gespeichert.
saved-the-password-for-account-69032fc6 = Das Passwort für { $account } wurde im Schlüsselbund des Systems gespeichert.

## src/cli/profile_keyring.rs

no-password-is-saved-in-7fd8f14a = für { $account } ist kein Passwort im Schlüsselbund gespeichert. Übergeben Sie es mit --password-stdin oder --password-env VAR (fügen Sie --save-password hinzu, um es aufzubewahren).
the-password-is-needed-pass-dc38d6e7 = das Passwort wird gebraucht: Übergeben Sie es mit --password-stdin oder --password-env VAR.
using-the-password-saved-in-447fc673 = Verwende das im Schlüsselbund gespeicherte Passwort für { $account }.
these-settings-do-not-sign-d7b82868 = diese Einstellungen melden sich nicht mit einem Benutzernamen an, daher gibt es kein Passwort zu speichern.
the-password-was-not-saved-4521489f = das Passwort wurde nicht im Schlüsselbund gespeichert, weil der Server die Anmeldung abgelehnt hat.

## src/cli/report_file.rs

the-support-report-was-not-74159c71 = der Support-Bericht wurde nicht geschrieben: { $message }
support-report-written-to-path-f13a3c47 = Support-Bericht geschrieben nach { $path }
could-not-write-the-support-ab51dfc3 = der Support-Bericht konnte nicht geschrieben werden ({ $err }): { $path }
path-is-not-a-file-42c39be8 = { $path } ist keine Datei
path-already-exists-and-is-b1dfc304 = { $path } existiert bereits und ist kein Bericht dieses Testers; wählen Sie einen anderen Dateinamen

## src/cli/resolve.rs

user-needs-a-password-pass-c94ada2d = --user braucht ein Passwort: Übergeben Sie es mit --password-stdin oder --password-env VAR (niemals als Argument)
there-is-no-profile-named-25a91d5a = es gibt kein Profil namens "{ $name }"; `mailtester profile list` zeigt die gespeicherten
there-is-no-preset-name-fa72f4e1 = es gibt keine Vorlage "{ $name }"; wählen Sie eine aus: { $names }
password-2cc30838 = Passwort
the-environment-variable-var-is-e7426592 = die Umgebungsvariable { $var } ist nicht gesetzt (oder kein gültiger Text); setzen Sie sie auf das Passwort
prompt-input-is-not-hidden-841279c7 = { $prompt } (die Eingabe ist nicht verborgen; besser über eine Pipe):
could-not-read-the-password-120dc4df = das Passwort konnte nicht von der Standardeingabe gelesen werden: { $err }
flag-was-given-but-standard-0e415ce1 = { $flag } wurde angegeben, aber die Standardeingabe enthielt keine Zeile dafür

## src/cli/say.rs

error-message-7fcc1b86 = Fehler: { $message }
warning-message-8341c1cc = Warnung: { $message }
note-message-e2a00142 = Hinweis: { $message }

## src/cli/scan_cmd.rs

found-sites-with-mail-settings-ca740722 = { $sites } mit Mail-Einstellungen gefunden, sie nutzen { $servers } (--offline: keiner wird kontaktiert).
found-sites-with-mail-settings-0472bdeb = { $sites } mit Mail-Einstellungen gefunden, sie nutzen { $servers }.
contacted-done-of-total-servers-38b87ee1 = { $done } von { $total } Servern kontaktiert …
t-1-mail-server-5cc20956 = 1 Mailserver
count-mail-servers-fdac7a27 = { $count } Mailserver
the-csv-could-not-be-4fc3b8b7 = die CSV-Datei konnte nicht erstellt werden: { $err }
csv-written-to-path-b9b19256 = CSV-Datei geschrieben nach { $path }
html-page-written-to-path-604f2e2a = HTML-Seite geschrieben nach { $path }
could-not-write-the-csv-39267b1e = die CSV-Datei konnte nicht geschrieben werden ({ $err }): { $path }. Wählen Sie einen Ordner, in den Sie schreiben dürfen.
could-not-write-the-html-8d232522 = die HTML-Seite konnte nicht geschrieben werden ({ $err }): { $path }. Wählen Sie einen Ordner, in den Sie schreiben dürfen.

## src/cli/scan_output.rs

t-1-site-c22fc96f = 1 Website
count-sites-a9a5308c = { $count } Websites
no-server-to-contact-sites-92fa060f = Kein Server zu kontaktieren ({ $sites })
skipped-count-ff812831 = Übersprungen ({ $count }):
summary-files-files-read-in-304f342d = { $summary }; { $files } Dateien gelesen in { $seconds } s.
no-site-with-mail-settings-eb55820e = Es wurde keine Website mit Mail-Einstellungen gefunden. Richten Sie die Suche auf den Ordner, der die Websites enthält (zum Beispiel C:\inetpub\vhosts oder /var/www), oder geben Sie --iis-config an.
server-sites-broken-broken-at-9406a0b2 = { $server }: { $sites } ({ $broken } defekt, { $at_risk } gefährdet, { $unknown } unbekannt, { $ok } OK)
did-not-answer-problem-bda68194 = hat nicht geantwortet: { $problem }
tls-on-connect-2f402ce9 = TLS ab Verbindungsbeginn
offers-starttls-089863af = bietet STARTTLS an
no-starttls-3f327a1f = kein STARTTLS
no-sign-in-before-encryption-36031e69 = keine Anmeldung vor der Verschlüsselung
sign-in-before-encryption-methods-99e7b9c2 = Anmeldung vor der Verschlüsselung: { $methods }
no-sign-in-after-encryption-47a4a654 = keine Anmeldung nach der Verschlüsselung
sign-in-after-encryption-methods-ee54907f = Anmeldung nach der Verschlüsselung: { $methods }
certificate-certificate-c4f98173 = Zertifikat { $certificate }
broken-0d935360 = DEFEKT
at-risk-5412ef9b = GEFÄHRDET
unknown-69b80b99 = UNBEKANNT
ok-85e4b82f = OK
fix-fix-e4c99121 = Lösung: { $fix }
apply-it-command-969d0163 = Anwenden: { $command }

## src/cli/stdin_text.rs

the-input-is-broken-utf-d21f7acb = die Eingabe ist fehlerhaftes UTF-16: Speichern Sie sie als UTF-8- oder UTF-16-Text und versuchen Sie es erneut
the-input-is-not-utf-eee33dd4 = die Eingabe ist kein UTF-8-Text (wahrscheinlich eine ältere Windows-Kodierung): Speichern Sie sie als UTF-8- oder UTF-16-Text und versuchen Sie es erneut
the-line-is-not-utf-c971d459 = die Zeile ist kein UTF-8-Text: Speichern Sie sie als UTF-8- oder UTF-16-Text und versuchen Sie es erneut

## src/cli/webconfig_cmd.rs

mail-settings-in-path-bea8d53b = Mail-Einstellungen in { $path }:
not-set-a541b773 = (nicht gesetzt)
not-set-no-sign-in-d89f1f29 = (nicht gesetzt: keine Anmeldung)
not-set-the-web-server-05e903ce = (nicht gesetzt: der Name des Webservers)
set-not-shown-8e04618e = (gesetzt, nicht angezeigt)
not-true-or-false-see-4912fbf6 = (weder true noch false: siehe Fehler unten)
not-stated-bd15bde6 = (nicht angegeben)
test-them-46dd20dd = Testen Sie sie:
nothing-to-change-the-file-65d4a0db = Nichts zu ändern: Die Datei enthält diese Einstellungen bereits: { $path }
dry-run-nothing-was-written-83e7f00e = Probelauf: Es wurde nichts geschrieben.
updated-path-37738ea1 = { $path } aktualisiert.
the-old-file-is-saved-795e6599 = Die alte Datei ist gespeichert als { $path }.
still-to-fix-by-hand-087d2c93 = Noch von Hand zu beheben:
these-settings-cannot-be-written-c9942416 = diese Einstellungen können erst geschrieben werden, wenn sie korrigiert sind:
write-these-changes-to-path-5f106860 = Diese Änderungen in { $path } schreiben? Vorher wird eine Sicherungskopie erstellt.
nothing-was-written-run-again-e048ac0a = Es wurde nichts geschrieben: Führen Sie den Befehl erneut mit --yes aus, um diese Änderungen zu schreiben.
nothing-was-written-317a5b5a = Es wurde nichts geschrieben.
no-problems-found-808793a4 = Keine Probleme gefunden.
t-1-error-cd417dc2 = 1 Fehler
count-errors-7af566cb = { $count } Fehler
t-1-warning-f1c7ab28 = 1 Warnung
count-warnings-6efe9689 = { $count } Warnungen
t-1-note-4430d8c0 = 1 Hinweis
count-notes-a90e79f1 = { $count } Hinweise
findings-errors-warnings-notes-16ee245c = Befunde: { $errors }, { $warnings }, { $notes }
error-df22b531 = FEHLER
line-line-code-8334a308 = Zeile { $line }, { $code }

## src/credentials/error.rs

there-is-no-keyring-on-7e9019d6 = Auf diesem Computer gibt es keinen Schlüsselbund, den Mail Settings Tester nutzen kann ({ $keyring }), daher kann das Passwort dort weder gespeichert noch gelesen werden. Das Passwort gilt nur für diese Sitzung. { $advice } (Details: { $detail })
your-keyring-keyring-is-locked-b5a4c68b = Ihr Schlüsselbund ({ $keyring }) ist gesperrt, daher konnte das Passwort weder gespeichert noch gelesen werden. Das Passwort gilt nur für diese Sitzung. Entsperren Sie den Schlüsselbund (melden Sie sich erneut an Ihrem Desktop an oder entsperren Sie ihn in Ihrer Schlüsselbund-App) und versuchen Sie es dann erneut. (Details: { $detail })
your-keyring-keyring-did-not-76142675 = Ihr Schlüsselbund ({ $keyring }) hat Mail Settings Tester nicht erlaubt, dieses Passwort zu nutzen. Das Passwort gilt nur für diese Sitzung. Erlauben Sie den Zugriff, wenn der Schlüsselbund fragt (oder in seinen Einstellungen), und versuchen Sie es dann erneut. (Details: { $detail })
your-keyring-keyring-could-not-daf77fe7 = Ihr Schlüsselbund ({ $keyring }) konnte das Passwort weder speichern noch lesen. Das Passwort gilt nur für diese Sitzung. Versuchen Sie es erneut; wenn es weiterhin scheitert, geben Sie das Passwort jedes Mal ein. (Details: { $detail })
the-what-is-too-long-1ec59e0a = { $what } ist zu lang für Ihren Schlüsselbund ({ $keyring } nimmt höchstens { $limit } Bytes auf), daher konnte es dort nicht gespeichert werden. Das Passwort gilt nur für diese Sitzung; geben Sie es jedes Mal ein.
there-is-no-password-to-fcd23170 = Es gibt kein Passwort zu speichern: Geben Sie zuerst das Passwort ein und speichern Sie es dann.
user-name-a59136f5 = Der Benutzername
password-364b5f18 = Das Passwort
no-keyring-store-is-set-ae980b57 = es ist kein Schlüsselbund eingerichtet
no-saved-password-de7667ce = kein gespeichertes Passwort
the-saved-password-is-not-caf48e59 = das gespeicherte Passwort ist kein lesbarer Text; speichern Sie es erneut
count-saved-passwords-match-this-15464f8a = { $count } gespeicherte Passwörter passen zu diesem Konto; entfernen Sie die überzähligen in Ihrer Schlüsselbund-App

## src/credentials/platform.rs

the-secret-service-e-g-882f6c95 = der Secret Service, z. B. GNOME Keyring oder KWallet
the-macos-keychain-8faf0187 = der macOS-Schlüsselbund
the-windows-credential-manager-fb0531ad = die Windows-Anmeldeinformationsverwaltung
none-is-supported-on-this-ee2f389d = auf diesem System wird keiner unterstützt
to-remember-passwords-run-the-5f3b84d2 = Damit Passwörter gespeichert werden können, starten Sie den Tester in einer Desktop-Sitzung, in der ein Schlüsselbund läuft (GNOME Keyring oder KWallet), und versuchen Sie es dann erneut.
to-remember-passwords-run-the-6d45ebaa = Damit Passwörter gespeichert werden können, starten Sie den Tester in Ihrer eigenen angemeldeten Desktop-Sitzung und versuchen Sie es dann erneut.

## src/diagnosis/aspnet/mod.rs

if-your-site-sends-with-f777e641 = Wenn Ihre Website mit SmtpClient (System.Net.Mail) sendet, steht in ihrem Fehlerprotokoll
your-website-s-error-log-f87ec5b8 = Im Fehlerprotokoll Ihrer Website steht

## src/diagnosis/classify.rs

microsoft-365-has-smtp-sign-7bc38d83 = Bei Microsoft 365 ist die SMTP-Anmeldung für dieses Postfach ausgeschaltet
microsoft-365-lets-administrators-switch-9108f35f = In Microsoft 365 können Administratoren „Authenticated SMTP“ ausschalten (die Art, wie Programme sich zum Senden von Mails anmelden), und für dieses Postfach ist es aus. Deshalb wird selbst das richtige Passwort abgelehnt.
ask-your-microsoft-365-administrator-c54e0072 = Bitten Sie Ihren Microsoft-365-Administrator, „Authenticated SMTP“ für dieses Postfach einzuschalten (Admin Center → Users → Active users → der Benutzer → Mail → Manage email apps).
microsoft-365-has-smtp-sign-360e5a0b = Bei Microsoft 365 ist die SMTP-Anmeldung für Ihre Organisation ausgeschaltet: Ihr Administrator kann sie einschalten
yahoo-and-aol-refuse-the-709f08a8 = Yahoo und AOL lehnen das normale Kontopasswort von Mailprogrammen ab, und nach mehreren abgelehnten Versuchen sperren sie Anmeldungen außerdem für eine Weile.
wait-about-an-hour-before-d6d59691 = Warten Sie etwa eine Stunde, bevor Sie erneut testen, damit die Sperre enden kann.
gmail-refused-the-user-name-15d09805 = Gmail hat Benutzername und Passwort abgelehnt. Gmail akzeptiert von Mailprogrammen wie Ihrer Website nur ein App-Passwort (ein eigenes Passwort nur für Programme): seit Mai 2022 für private Konten und seit September 2024 für Google-Workspace-Konten. Ein bereits verwendetes App-Passwort wurde vielleicht falsch eingegeben oder widerrufen.
here-the-block-comes-from-536cc146 = Hier kommt die Sperre von den „Sicherheitsstandards“ Ihrer Organisation (den Standard-Anmeldeschutzmaßnahmen von Microsoft).
verify-the-from-address-or-31a6261b = Bestätigen Sie die `from`-Adresse (oder ihre ganze Domain) im Dashboard Ihres Versanddienstes.
the-server-refuses-the-old-cabda9d1 = Der Server lehnt die alte Verschlüsselungsversion ab, die dieses Programm verwendet
the-program-offered-tls-1-5b1ec346 = Das Programm hat TLS 1.0 oder 1.1 angeboten (alte Versionen der Verschlüsselung, die die Verbindung schützt), und der Server akzeptiert nur TLS 1.2 oder neuer.
make-sure-the-website-runs-a3175796 = Stellen Sie sicher, dass die Website auf .NET Framework 4.7 oder neuer läuft; es verwendet die neueste Verschlüsselung, die Windows bietet.
for-an-older-website-ask-fd2f3186 = Bei einer älteren Website bitten Sie Ihren Entwickler, TLS 1.2 zu aktivieren (ServicePointManager.SecurityProtocol) und die Windows-Updates zu installieren, die es nachrüsten.
test-again-after-the-change-c6691a26 = Testen Sie nach der Änderung erneut.
the-server-s-encryption-is-e48e53e2 = Die Verschlüsselung des Servers funktioniert im Moment nicht
the-server-offers-encryption-but-4969b44a = Der Server bietet Verschlüsselung an, konnte sie aber wegen eines Problems auf seiner eigenen Seite nicht starten (oft ein fehlendes oder defektes Zertifikat, der Identitätsnachweis des Servers).
wait-a-few-minutes-and-763995a7 = Warten Sie ein paar Minuten und testen Sie erneut.
if-it-persists-tell-your-5398e48d = Wenn es so bleibt, informieren Sie Ihren Mail-Anbieter und fügen Sie die Antwort des Servers bei: Nur er kann es reparieren.
keep-enablessl-set-to-true-2c3e3edb = Lassen Sie `enableSsl` auf `true`: Ohne Verschlüsselung ginge Ihr Passwort lesbar über das Netzwerk.
provider-needs-an-app-password-8404df24 = { $provider } braucht ein App-Passwort statt Ihres normalen Passworts
test-again-5d322c29 = Testen Sie erneut.

## src/diagnosis/explain/dotnet_log.rs

your-website-s-log-quotes-45d21fe9 = Das Protokoll Ihrer Website zitiert nur die erste Zeile der Ablehnung durch den Server, in der der Server genannt wird; der Grund steht in den Zeilen danach. Führen Sie den Test hier aus, um sie zu sehen.

## src/diagnosis/explain.rs

codes-that-start-with-4-34e1b6b7 = Codes, die mit 4 beginnen, bedeuten „später erneut versuchen“; wenn es immer wieder passiert, sind die Worte der Antwort der Grund, den Sie Ihrem Mail-Anbieter schicken sollten.
codes-that-start-with-5-eea7edf5 = Codes, die mit 5 beginnen, bedeuten, dass der Server dies so nicht annimmt; die Worte nach dem Code sind seine Begründung.
we-don-t-recognise-this-9ef5f9c1 = Diese Serverantwort kennen wir nicht
the-server-answered-with-a-be6938c6 = Der Server hat mit einer Antwort reagiert, für die wir noch keine Erklärung haben.

## src/diagnosis/mod.rs

even-so-this-test-message-84be81e9 = Trotzdem ist diese Testnachricht durchgegangen: Nach der Ablehnung sendet ASP.NET ohne Anmeldung, und dieser Server akzeptiert das für Mails an seine eigenen Postfächer. Mails an jede andere Adresse (Ihre Kunden) werden abgelehnt, bis die Anmeldung funktioniert, und das Protokoll Ihrer Website zeigt für diese hier keinen Fehler.

## src/diagnosis/outcome/auth.rs

this-server-offers-starttls-encryption-7bc26440 = Dieser Server bietet STARTTLS (Verschlüsselung) an, die Lösung ist also eine einzige Einstellung.
this-server-offers-no-encryption-696f82ef = Dieser Server bietet auf diesem Port keine Verschlüsselung an.
ask-your-mail-provider-for-c9b3f2af = Fragen Sie Ihren Mail-Anbieter nach dem Port, der Verschlüsselung anbietet (meist `587` mit STARTTLS), und verwenden Sie ihn.
the-server-offers-sign-in-811c9099 = Der Server bietet die Anmeldung erst an, wenn die Verbindung mit STARTTLS verschlüsselt ist (so wechselt ein Mailserver zu einer verschlüsselten Verbindung), daher hat er die Anmeldung verborgen, um Ihr Passwort zu schützen. `enableSsl="true"` schaltet STARTTLS in der web.config ein.
no-sign-in-method-7ae1fdbe = keine Anmeldemethode
this-server-offers-list-and-b1185126 = Dieser Server bietet { $list } an, und { $target } kann keine davon nutzen (der Mailversand von ASP.NET kennt nur LOGIN, NTLM, Digest und Negotiate). Dieselben Einstellungen können in anderen Programmen funktionieren, scheitern aber auf Ihrer Website.
xoauth2-and-oauthbearer-mean-oauth-f5583b2e = XOAUTH2 und OAUTHBEARER bedeuten OAuth (Anmeldung über die eigene Seite des Anbieters).
this-server-does-not-understand-22cf71da = Dieser Server versteht nicht, wie ASP.NET sich anmeldet
asp-net-sends-the-user-20a7823c = ASP.NET sendet den Benutzernamen zusammen mit seinem Anmeldebefehl (AUTH LOGIN) und danach das Passwort. Dieser Server hat den Benutzernamen ignoriert und nach dem Passwort erneut danach gefragt. Die Anmeldung kann von Ihrer Website aus daher nie abgeschlossen werden, egal mit welchem Passwort.
ask-your-mail-provider-whether-52f1f934 = Fragen Sie Ihren Mail-Anbieter, ob der Server AUTH LOGIN mit einer Initial Response (RFC 4954) annehmen kann, oder nach einem anderen Servernamen zum Senden.
or-send-through-another-mail-017a8669 = Oder senden Sie über einen anderen Maildienst (den Ihres Hosting-Anbieters oder einen Versanddienst wie SendGrid oder Mailgun).
this-server-refuses-the-way-1d470d15 = Dieser Server lehnt ab, wie ASP.NET sich anmeldet
the-server-offers-login-sign-8c041507 = Der Server bietet die Anmeldung per LOGIN an, die Methode, die ASP.NET verwendet, hat sie aber in der Form abgelehnt, in der ASP.NET sie sendet: den Befehl zusammen mit dem Benutzernamen in einer Zeile („AUTH login …“). Er antwortete „{ $reply }“, bevor überhaupt ein Passwort geprüft wurde. Programme, die den Benutzernamen in einer eigenen Zeile senden (PHPMailer, MailKit, Outlook), können sich an diesem Server anmelden; Ihre Website kann es nicht, egal mit welchem Passwort.
ask-your-mail-provider-whether-8485148d = Fragen Sie Ihren Mail-Anbieter, ob der Server AUTH LOGIN mit dem Benutzernamen in derselben Zeile annehmen kann (eine „Initial Response“, RFC 4954), oder nach einem anderen Servernamen zum Senden.
or-ask-your-developer-to-59a0f742 = Oder bitten Sie Ihren Entwickler, mit MailKit zu senden; es meldet sich auf die andere Art an.

## src/diagnosis/outcome/connection.rs

the-mail-server-s-name-abb8de91 = Der Name des Mailservers „{ $host }“ wurde nicht gefunden
host-has-no-dot-in-a25384f0 = `host` enthält keinen Punkt, Namen von Mailservern sehen aber aus wie `smtp.example.com`: Vergleichen Sie ihn mit den Anleitungen Ihres Anbieters.
the-connection-went-to-address-039eccb9 = Die Verbindung ging an { $address }.
port-port-is-unusual-for-e9e416e2 = Port { $port } ist zum Senden von Mails ungewöhnlich: Die meisten Anbieter verwenden `587`.
we-waited-secs-seconds-for-18544b73 = Wir haben { $secs } Sekunden auf { $address } gewartet.
port-25-is-commonly-blocked-bf227656 = Port 25 wird von Hosting- und Internetanbietern oft gesperrt, um Spam zu verhindern, daher bleiben Verbindungen dorthin oft unbeantwortet.
this-computer-could-not-reach-082acb74 = Dieser Computer konnte den Mailserver nicht erreichen
the-system-reported-detail-16c5517e = Das System meldete: „{ $detail }“.
check-that-this-computer-is-05bf2936 = Prüfen Sie, ob dieser Computer mit dem Internet verbunden ist, und testen Sie dann erneut.
the-server-said-nothing-for-c2aad1c2 = Der Server hat { $secs } Sekunden lang nichts gesagt, und ein zweiter Versuch, der verschlüsselt begann, bekam ebenfalls keine Antwort.
this-port-expects-encryption-from-e1538362 = Dieser Port erwartet Verschlüsselung ab dem allerersten Byte („SSL ab Verbindungsbeginn“, typisch für Port 465). Der Server wartet also auf Verschlüsselung, während das Programm auf eine Begrüßung wartet. Der Mailversand von ASP.NET beherrscht SSL ab Verbindungsbeginn nicht: Ihre Website würde so 100 Sekunden warten (ihr Standard-Zeitlimit; der Test hat nach seinem eigenen Limit aufgehört) und dann mit „The operation has timed out“ scheitern.
this-port-expects-encryption-from-52a4c1c1 = Dieser Port erwartet Verschlüsselung ab dem allerersten Byte („SSL ab Verbindungsbeginn“), aber der Test begann unverschlüsselt, daher hat jede Seite auf die andere gewartet.
choose-ssl-on-connect-for-89a131f0 = Wählen Sie für diesen Port SSL ab Verbindungsbeginn (in den meisten Programmen „SSL“, „SMTPS“ oder „implicit TLS“ genannt).
or-change-port-to-587-363c03db = Oder ändern Sie `port` auf `587` und verwenden Sie STARTTLS (so wechselt ein Mailserver zu einer verschlüsselten Verbindung).
it-answered-like-a-web-455949dc = Er hat wie ein Webserver geantwortet.
it-answered-like-a-remote-640e7204 = Er hat wie ein Fernanmeldedienst (SSH) geantwortet.

## src/diagnosis/outcome/conversation.rs

it-happened-during-step-8cc559e6 = Es geschah beim Schritt „{ $step }“.
the-connection-ended-while-switching-4d88ba34 = Die Verbindung endete beim Wechsel zur Verschlüsselung: Prüfen Sie, ob `port` und `enableSsl` zu den Anleitungen Ihres Anbieters passen (für ASP.NET `587` mit `enableSsl` auf `true`).
some-servers-hang-up-instead-07ab7f99 = Manche Server legen einfach auf, statt zu sagen, dass das Passwort abgelehnt wurde: Prüfen Sie `userName` und `password`.
there-was-no-reply-to-7639394e = Auf den Schritt „{ $step }“ kam innerhalb von { $secs } Sekunden keine Antwort.
what-arrived-detail-ce6e5e5f = Was ankam: { $detail }.
the-server-broke-the-rules-86aebd6a = Der Server hat die Regeln des Mail-Austauschs verletzt
during-step-the-server-did-2a69066e = Beim Schritt „{ $step }“ hat der Server etwas getan, was Mailserver nicht tun dürfen: { $detail }. Das ist ein Problem auf der Seite des Servers, nicht in Ihren Einstellungen.
test-again-in-a-few-d45392c2 = Testen Sie in ein paar Minuten erneut.
send-the-transcript-to-your-01199657 = Schicken Sie das Protokoll an Ihren Mail-Anbieter: Es zeigt genau, was der Server gesendet hat.
if-a-security-program-or-26b511cc = Wenn ein Sicherheitsprogramm oder Proxy in diesem Netzwerk Mails verarbeitet, kann es die Ursache sein: Fragen Sie die Person, die das Netzwerk verwaltet.

## src/diagnosis/outcome/envelope.rs

use-a-sender-address-from-91297b39 = Verwenden Sie eine Absenderadresse (`from`), die vor dem @ nur einfache Buchstaben (a bis z), Ziffern, Punkte oder Bindestriche enthält, zum Beispiel `info@` Ihre Domain.
send-the-test-to-an-394f9af8 = Senden Sie den Test an eine Adresse, die vor dem @ nur einfache Buchstaben (a bis z), Ziffern, Punkte oder Bindestriche enthält.
this-server-cannot-take-address-b7642aa9 = Dieser Server kann { $address } nicht annehmen, denn vor dem @ stehen Buchstaben außerhalb des einfachen englischen Alphabets
such-an-address-can-only-534fa2e0 = Eine solche Adresse kann nur mit SMTPUTF8 (dem Mailstandard für internationale Adressen) übertragen werden, und dieser Server bietet es nicht an. Der Test hat aufgehört, bevor { $role } ({ $address }) an den Server ging: Der Server hätte sie abgelehnt oder verstümmelt, und seine Ablehnung hätte dem Absender die Schuld gegeben.
or-send-through-a-mail-c7f9b17c = Oder senden Sie über einen Mailserver, der SMTPUTF8 anbietet: Fragen Sie Ihren Anbieter, ob er internationale E-Mail-Adressen unterstützt.
the-test-cannot-send-with-1cfd4858 = Der Test kann mit der Adresse { $address } nicht senden
address-is-written-in-a-498c2974 = { $address } ist in einer Form geschrieben, die die Mailstandards erlauben, die aber nur wenige Programme verarbeiten (ein Teil in Anführungszeichen mit Leerzeichen oder eine Serveradresse in Klammern nach dem @), und die Testnachricht kann sie nicht transportieren. Der Test hat aufgehört, bevor er sie dem Server übergab.
plain-remove-any-quotes-and-a7cb9143 = { $plain } Entfernen Sie alle Anführungszeichen und Leerzeichen: Die übliche Form ist name@example.com.
asp-net-itself-may-still-4a7c1539 = ASP.NET selbst sendet damit vielleicht trotzdem, viele Mailserver und die Programme, die die Mails lesen, aber nicht.
or-move-the-site-to-3788eb32 = Oder stellen Sie die Website auf .NET Framework 4.5 oder neuer um; es kann internationale Adressen mit `deliveryFormat="International"` am `<smtp>`-Element senden.
or-add-deliveryformat-international-to-7bb43e86 = Oder fügen Sie `deliveryFormat="International"` zum `<smtp>`-Element in der web.config hinzu (ASP.NET 4.5 oder neuer): Dann sendet ASP.NET internationale Adressen an Server, die SMTPUTF8 anbieten.
or-set-deliveryformat-smtpdeliveryformat-3af77877 = Oder setzen Sie in Ihrem Code `DeliveryFormat = SmtpDeliveryFormat.International` am `SmtpClient`: Dann sendet er internationale Adressen an Server, die SMTPUTF8 anbieten.
this-server-offers-smtputf8-the-6d77822e = Dieser Server bietet SMTPUTF8 an (den Mailstandard für internationale Adressen), mit dieser Einstellung käme sie also durch.
this-server-does-not-offer-baf00176 = Dieser Server bietet SMTPUTF8 (den Mailstandard für internationale Adressen) nicht an, Sie brauchen also zusätzlich einen Server, der es anbietet.
asp-net-will-not-send-12cd36fe = ASP.NET sendet nicht mit { $address }, denn vor dem @ stehen Buchstaben außerhalb des einfachen englischen Alphabets
asp-net-s-mail-sender-3ed3c4f7 = Der Mailversand von ASP.NET sendet nur Adressen, deren Teil vor dem @ aus einfachen englischen Buchstaben besteht, außer er ist auf internationale Adressen eingestellt. Er hört auf, bevor der Server gefragt wird, so wie der Test.

## src/diagnosis/outcome/final_reply.rs

the-server-received-the-whole-80dbb04b = Der Server hat die ganze Nachricht erhalten, sie aber nicht rechtzeitig bestätigt
the-test-sent-the-complete-26e46161 = Der Test hat die vollständige Nachricht gesendet und dann auf die Antwort des Servers gewartet, die sagt, ob er die Nachricht annimmt. Es kam keine Antwort rechtzeitig: Server, die jede Nachricht auf Spam und Viren prüfen, antworten manchmal langsam, und dieser stellt die Nachricht vielleicht trotzdem zu.
check-the-test-recipient-s-5a214699 = Sehen Sie im Posteingang (und Spam-Ordner) des Testempfängers nach, bevor Sie erneut senden: Die Nachricht kann noch ankommen, und erneutes Senden könnte sie doppelt zustellen.
if-nothing-arrives-within-15-af500617 = Wenn innerhalb von 15 Minuten nichts ankommt, testen Sie erneut; wenn das wieder passiert, schicken Sie das Protokoll an Ihren Mail-Anbieter.
if-it-arrives-the-settings-c80f0412 = Wenn sie ankommt, funktionieren die Einstellungen, aber Ihre Website meldet bei solchen Nachrichten „The operation has timed out.“: Erhöhen Sie `SmtpClient.Timeout` in Ihrem Code (100 Sekunden, wenn nicht gesetzt) und stellen Sie sicher, dass die Website dieselbe Nachricht nach diesem Fehler nicht erneut sendet.
if-it-arrives-the-settings-008b4f44 = Wenn sie ankommt, funktionieren die Einstellungen, und der Server bestätigt nur langsam: Geben Sie ihm mehr Zeit (das Zeitlimit für die letzte Antwort in den erweiterten Einstellungen oder `--final-reply-timeout` auf der Kommandozeile).
the-test-waited-secs-seconds-296f27d9 = Der Test hat { $secs } Sekunden auf diese Antwort gewartet.

## src/diagnosis/outcome/oauth.rs

in-microsoft-365-an-app-6beb06e7 = In Microsoft 365 braucht eine App, die in eigenem Namen sendet, all dies: die Berechtigung SMTP.SendAsApp (Office 365 Exchange Online) mit Administratorzustimmung; einen Dienstprinzipal, erstellt mit New-ServicePrincipal mit der Objekt-ID der Unternehmensanwendung (nicht der der App-Registrierung); Add-MailboxPermission für das Postfach in `userName`; und „Authenticated SMTP“ eingeschaltet für dieses Postfach.
the-sign-in-token-has-c42ff023 = Das Anmeldetoken ist abgelaufen
tokens-are-valid-for-a-9a3968e1 = Tokens sind nur kurz gültig (etwa eine Stunde). Dieses ist vor { $ago } abgelaufen, daher hat der Server es abgelehnt.
get-a-new-token-sign-fdc646f1 = Holen Sie ein neues Token (melden Sie sich erneut an) und testen Sie sofort erneut.
the-sign-in-token-is-e9229ca6 = Das Anmeldetoken gehört zu einem anderen Postfach
the-token-was-issued-for-ccbe81df = Das Token wurde für { $named } ausgestellt, und der Test hat sich als { $user } angemeldet. Ein Token meldet nur das Postfach an, für das es ausgestellt wurde.
set-username-to-named-or-65123a60 = Setzen Sie `userName` auf { $named }, oder melden Sie sich als { $user } an, um ein Token dafür zu erhalten.
the-sign-in-token-lacks-60c3493a = Dem Anmeldetoken fehlt die Berechtigung, die dieser Server verlangt
the-server-wants-a-token-6d0ee0cb = Der Server verlangt ein Token mit dem Scope (der Berechtigung) { $scope }, und dieses enthält { $carried }.
ask-for-a-token-with-ca38a612 = Fordern Sie ein Token mit dem Scope { $scope } an.
the-sign-in-token-does-b905d15c = Das Anmeldetoken erlaubt keinen Mailversand
a-token-carries-permissions-scopes-dfbd7ff8 = Ein Token enthält Berechtigungen (Scopes), und dieses enthält { $carried }: Keine davon ist für den Mailversand (SMTP).
ask-for-a-token-with-24b71fd2 = Fordern Sie ein Token mit dem Scope für den Mailversand an, den Ihr Anbieter nennt (Microsoft 365: SMTP.Send oder SMTP.SendAsApp; Google: https://mail.google.com/).
the-sign-in-token-is-87b9c735 = Das Anmeldetoken gehört zu einem anderen Microsoft-Dienst
the-token-is-meant-for-a4189d8a = Das Token ist für { $audience } bestimmt, und der Mailserver akzeptiert nur Tokens für Exchange Online.
ask-for-the-token-with-0f671d1c = Fordern Sie das Token mit dem Scope https://outlook.office365.com/.default an (eine App, die in eigenem Namen sendet) oder https://outlook.office.com/SMTP.Send (eine angemeldete Person).
exchange-online-lets-a-token-afaaf9f5 = Exchange Online lässt ein Token nur mit der Anwendungsberechtigung { $needed } Mails senden; dieses enthält { $carried }.
exchange-online-lets-a-token-7c44c998 = Exchange Online lässt ein Token nur mit der delegierten Berechtigung { $needed } Mails senden; dieses enthält { $carried }.
the-sign-in-token-lacks-ab2e2281 = Dem Anmeldetoken fehlt die Berechtigung { $needed }
in-app-registrations-your-app-870afe88 = Fügen Sie unter App registrations → Ihre App → API permissions { $needed } (Office 365 Exchange Online) hinzu, erteilen Sie die Administratorzustimmung und holen Sie dann ein neues Token.
it-could-not-read-the-25ee4fd8 = er konnte die Anmeldung nicht lesen (oft ein Benutzername, den er nicht kennt)
the-token-is-not-valid-5f515491 = das Token ist nicht gültig (abgelaufen, widerrufen oder nicht für dieses Postfach)
the-token-is-valid-but-6b61b7b0 = das Token ist gültig, erlaubt aber nicht, als dieses Postfach Mails zu senden
it-refused-the-token-cd0cabee = er hat das Token abgelehnt
the-server-s-answer-to-2fb6cd08 = Die Antwort des Servers auf { $mechanism } besagt: { $meaning }.
the-server-s-answer-to-0e1ef8b3 = Die Antwort des Servers auf { $mechanism } besagt: { $meaning }; er nimmt Tokens mit dem Scope { $scope }.
none-ada7afdb = keine
no-sign-in-at-all-56e4c7e5 = überhaupt keine Anmeldung
it-offers-offers-38f8f4c2 = Er bietet { $offers } an.
the-app-s-client-secret-1fd311f1 = Der geheime Clientschlüssel der App ist abgelaufen
nobody-has-signed-in-yet-58075807 = Es hat sich noch niemand angemeldet
this-test-signs-in-as-de14520f = Dieser Test meldet sich als Person an, daher muss sich zuerst jemand auf der Seite von Microsoft oder Google am Postfach anmelden. Die Anmeldung wird dann im Schlüsselbund Ihres Systems aufbewahrt und von selbst erneuert.
press-sign-in-with-microsoft-e55c9917 = Klicken Sie unter Anmeldung auf „Mit Microsoft anmelden …“ (oder Google) und melden Sie sich als das Postfach in `userName` an.
then-test-again-af243c30 = Testen Sie dann erneut.
the-sign-in-was-cancelled-584b1ee1 = Die Anmeldung wurde abgebrochen
sign-in-again-then-test-10fc6816 = Melden Sie sich erneut an und testen Sie dann erneut.
the-provider-s-sign-in-209b1a32 = Der Anmeldedienst des Anbieters war nicht erreichbar
check-this-computer-s-internet-bb36fda9 = Prüfen Sie die Internetverbindung dieses Computers (und einen Proxy oder eine Firewall, die login.microsoftonline.com blockieren könnten).
the-sign-in-service-s-54e90ddb = Die Adresse des Anmeldedienstes ist nicht verwendbar
use-https-login-microsoftonline-com-32a84d7d = Verwenden Sie https://login.microsoftonline.com (die Voreinstellung) als Anmeldeadresse.

## src/diagnosis/outcome/replies.rs

the-server-then-refused-the-e6bcea69 = Der Server hat die Nachricht dann abgelehnt, Ihre Angaben in `userName` und `password` wurden also nie verwendet: Dieser Server oder Port ist wahrscheinlich nicht der, den Ihr Anbieter dafür vorgesehen hat.
the-test-already-asked-for-7b417971 = Der Test hat bereits nach STARTTLS gefragt, der Server erwartet es also vielleicht auf einem anderen Port: Vergleichen Sie `port` mit den Anleitungen Ihres Anbieters.
set-defaultcredentials-to-false-while-db024367 = Setzen Sie `defaultCredentials` auf `false`: Solange es `true` ist, ignoriert die web.config `userName` und `password`.
your-settings-have-no-username-2861b339 = Ihre Einstellungen enthalten keinen `userName`, daher hat sich der Test nicht angemeldet.
the-test-signed-in-as-68d41b91 = Der Test hat sich als { $user } angemeldet, dieser Server lässt dieses Konto also nicht an fremde Adressen senden: Fragen Sie Ihren Anbieter, welchen Server und Port Sie verwenden sollen.
the-server-refused-the-test-f84ee350 = Der Server hat den Testempfänger { $recipient } abgelehnt
set-clientdomain-to-your-website-81ec9a9c = Setzen Sie `clientDomain` auf den vollständigen Domainnamen Ihrer Website (zum Beispiel `www.example.com`): Der Server hat den Namen nicht akzeptiert, mit dem sich dieser Computer vorgestellt hat.
the-sender-from-is-from-70f92321 = Der Absender (`from`) ist { $from }, die Anmeldung (`userName`) dagegen { $user }.

## src/diagnosis/outcome/tls.rs

change-host-to-only-fa99f7d2 = Ändern Sie `host` auf `{ $only }`.
this-one-is-self-signed-d09ec21c = Dieses ist selbst signiert: Der Server hat es für sich selbst erstellt.
it-was-issued-by-issuer-24f9dd72 = Es wurde ausgestellt von { $issuer }.
it-was-valid-until-until-b3400985 = Es war gültig bis { $until }.
the-test-started-encryption-straight-7fde3066 = Der Test hat sofort verschlüsselt („SSL ab Verbindungsbeginn“), aber dieser Port begrüßt zuerst unverschlüsselt und wechselt dann mit STARTTLS (so wechselt ein Mailserver zu einer verschlüsselten Verbindung). Die beiden Wege passen nicht zusammen, daher ist der Handshake (der Austausch, der die Verschlüsselung einrichtet) gescheitert.
it-is-valid-for-list-77a4ad6e = Es ist gültig für { $list } und { $more } weitere, nicht für { $expected }.
it-is-valid-for-list-531e9add = Es ist gültig für { $list }, nicht für { $expected }.
the-encryption-library-reported-detail-7486ce05 = Die Verschlüsselungsbibliothek meldete: „{ $detail }“.
the-server-seems-to-know-4d80fb0b = Der Server scheint nur alte Verschlüsselungsversionen zu kennen (TLS 1.0 oder 1.1): Bitten Sie Ihren Mail-Anbieter, TLS 1.2 oder neuer zu aktivieren.
the-extra-certificate-file-could-8265c21b = Die zusätzliche Zertifikatsdatei konnte nicht verwendet werden
the-file-path-given-as-edbfbdc2 = Die Datei { $path }, angegeben als „Zusätzliche CA-Datei“ (`--ca-file`: Zertifizierungsstellen, denen Ihre Organisation neben den öffentlichen vertraut), konnte nicht verwendet werden: { $detail }. Der Test hat aufgehört, bevor er irgendeinem Server vertraut hat.
check-that-the-file-exists-11178386 = Prüfen Sie, ob die Datei unter diesem Pfad existiert und ob dieses Programm sie lesen darf.
check-that-it-is-a-39e254e8 = Prüfen Sie, ob es eine Zertifikatsdatei ist: eine PEM-Textdatei, die mit `-----BEGIN CERTIFICATE-----` beginnt, oder eine von Windows exportierte .cer-Datei (beide Formate).
if-the-server-has-a-1a4c8da8 = Wenn der Server ein Zertifikat einer öffentlichen Zertifizierungsstelle hat, leeren Sie „Zusätzliche CA-Datei“ unter Erweitert.

## src/diagnosis/pasted.rs

run-the-test-here-with-40bc1a7b = Führen Sie den Test hier mit denselben Einstellungen aus, um zu sehen, ob sie funktionieren.

## src/diagnosis/site.rs

asp-net-2-0-3-6ca9cbac = ASP.NET 2.0–3.5 kennt kein `enableSsl` in der web.config (es hinzuzufügen legt den ganzen Mail-Abschnitt lahm). Schalten Sie SSL daher in Ihrem Code ein, direkt vor dem Senden: `smtpClient.EnableSsl = true;`. Für das PasswordRecovery-Steuerelement behandeln Sie dessen Ereignis `SendingMail`: Senden Sie `e.Message` selbst mit einem `SmtpClient`, dessen `EnableSsl` `true` ist, und setzen Sie dann `e.Cancel = true;`. Oder stellen Sie die Website auf .NET Framework 4.x um; dort genügt `enableSsl="true"` in der web.config.
in-code-smtpclient-enablessl-true-4add87ec = Im Code schaltet `smtpClient.EnableSsl = true;` das ein (die web.config kann es unter ASP.NET 2.0–3.5 nicht).

## src/diagnosis/texts/auth.rs

the-server-wants-a-sign-fa8fde33 = Der Server verlangt eine Anmeldung, bevor er etwas sendet
this-server-sends-mail-only-549fd96c = Dieser Server sendet Mails nur für angemeldete Benutzer, und die Nachricht wurde angeboten, bevor eine Anmeldung akzeptiert war. In der web.config kommt die Anmeldung aus `userName` und `password`.
fill-in-username-usually-your-8bad094b = Füllen Sie `userName` (meist Ihre vollständige E-Mail-Adresse) und `password` aus.
make-sure-defaultcredentials-is-false-e9f68330 = Stellen Sie sicher, dass `defaultCredentials` auf `false` steht: Wenn es `true` ist, werden Benutzername und Passwort ignoriert.
the-server-wants-a-sign-0b50a939 = Der Server verlangt eine Anmeldung und hat Ihre wahrscheinlich abgelehnt
when-the-server-refuses-the-16d9b604 = Wenn der Server Benutzername oder Passwort ablehnt, sagt ASP.NET das nicht: Es sendet ohne Anmeldung, und der Server antwortet dann hiermit. Wenn Ihre web.config also `userName` und `password` enthält, hat der Server sie höchstwahrscheinlich abgelehnt. Wenn sie keine enthält, verlangt der Server sie vor dem Senden.
check-username-usually-your-full-95088744 = Prüfen Sie `userName` (meist Ihre vollständige E-Mail-Adresse) und geben Sie das Passwort erneut in `password` ein (beim Kopieren kann ein Leerzeichen am Ende hinzukommen).
if-your-provider-wants-an-24fb5942 = Wenn Ihr Anbieter ein App-Passwort verlangt oder die Anmeldung per Passwort abgeschaltet hat (Microsoft 365, Gmail), folgen Sie seinen Anleitungen für Programme.
if-web-config-has-no-9e232823 = Wenn die web.config keinen `userName` enthält, füllen Sie `userName` und `password` aus.
run-the-test-here-with-a02cdff6 = Führen Sie den Test hier mit denselben Einstellungen aus: Er zeigt, ob der Server die Anmeldung ablehnt.
the-server-does-not-offer-5c1f342d = Der Server bietet auf dieser Verbindung keine Anmeldung an
your-settings-include-a-user-8f3e5b78 = Ihre Einstellungen enthalten einen Benutzernamen, aber der Server hat hier kein AUTH (den Anmeldebefehl von Mailservern) angeboten. Meist ist der Port für Mails zwischen Servern gedacht (oft Port 25), oder der Server lässt bekannte Adressen ohne Anmeldung senden.
change-port-to-587-and-0f7e3abd = Ändern Sie `port` auf `587` und setzen Sie `enableSsl` auf `true`: Dieser Port ist zum Anmelden und Senden gedacht.
if-your-hosting-company-says-5da38eee = Wenn Ihr Hosting-Anbieter sagt, dass sein Server Ihre Website ohne Passwort senden lässt, leeren Sie `userName` und `password`.
the-server-allows-sign-in-ec452ac5 = Der Server erlaubt die Anmeldung nur über eine verschlüsselte Verbindung
the-password-would-have-crossed-a9916df8 = Das Passwort wäre unverschlüsselt über das Netzwerk gegangen, daher hat der Server die Anmeldung abgelehnt oder verborgen. STARTTLS (so wechselt ein Mailserver zu einer verschlüsselten Verbindung) schützt es, und `enableSsl="true"` schaltet es in der web.config ein.
set-enablessl-to-true-52e5ecbd = Setzen Sie `enableSsl` auf `true`.
keep-port-at-587-or-42fe3de8 = Lassen Sie `port` auf `587` (oder `25`, wenn Ihr Anbieter ihn verwendet); ASP.NET kann `465` nicht verwenden.
your-password-would-cross-the-9c776cba = Ihr Passwort ginge unverschlüsselt über das Netzwerk
the-server-offers-sign-in-52300fa5 = Der Server bietet die Anmeldung auf dieser Verbindung ohne Verschlüsselung an, das Passwort wäre also für jeden auf dem Weg lesbar (das Netzwerk des Hosting-Anbieters, ein öffentliches WLAN). Der Test hat aufgehört, bevor er es gesendet hat. Mit diesen Einstellungen sendet Ihre Website es genau so.
set-enablessl-to-true-the-649dce61 = Setzen Sie `enableSsl` auf `true`: Das Passwort wird dann erst gesendet, wenn die Verbindung verschlüsselt ist.
if-you-accept-the-risk-4bb04ca9 = Wenn Sie das Risiko für diesen einen Test in Kauf nehmen (ein Server in Ihrem eigenen privaten Netzwerk), testen Sie erneut und erlauben Sie das unverschlüsselte Passwort (`--allow-plaintext-password` auf der Kommandozeile, „Dieses eine Mal unverschlüsselt senden“ im Fenster).
the-server-s-sign-in-5fcef96a = Die Anmeldemethoden des Servers kann ASP.NET nicht verwenden
mail-servers-offer-several-sign-b861780a = Mailserver bieten mehrere Anmeldemethoden an. Der Mailversand von ASP.NET kennt nur LOGIN, NTLM, Digest und Negotiate, und dieser Server hat keine davon angeboten. Dieselben Einstellungen können daher in anderen Programmen funktionieren und trotzdem auf Ihrer Website scheitern.
ask-your-mail-provider-whether-e86c3606 = Fragen Sie Ihren Mail-Anbieter, ob die Anmeldung per LOGIN für Ihr Postfach eingeschaltet werden kann.
or-send-through-a-provider-c9c7d534 = Oder senden Sie über einen Anbieter, der LOGIN anbietet (die meisten tun das), und ändern Sie `host` auf dessen Server.
or-ask-your-developer-to-88c53180 = Oder bitten Sie Ihren Entwickler, mit MailKit zu senden, einer Mail-Bibliothek, die mehr Anmeldemethoden kennt.
the-server-refused-the-user-a184eaf4 = Der Server hat Benutzername oder Passwort abgelehnt
the-server-checked-the-sign-cda301dc = Der Server hat die Anmeldung geprüft und abgelehnt. Meist ist das Passwort nicht das aktuelle, oder der Benutzername hat nicht die Form, die der Anbieter erwartet; manche Anbieter lehnen außerdem das normale Passwort ab und verlangen ein App-Passwort (ein eigenes Passwort nur für Programme).
check-that-username-is-exactly-a186e001 = Prüfen Sie, ob `userName` genau dem entspricht, was Ihr Anbieter erwartet, meist Ihre vollständige E-Mail-Adresse.
type-the-password-into-password-c85831af = Geben Sie das Passwort erneut in `password` ein (beim Kopieren kann ein Leerzeichen am Ende hinzukommen).
if-your-account-uses-two-fe47a30d = Wenn Ihr Konto die Anmeldung in zwei Schritten nutzt, erstellen Sie in den Sicherheitseinstellungen des Kontos ein App-Passwort und verwenden Sie es als `password`.
sign-in-to-your-webmail-2244b6cf = Melden Sie sich mit demselben Benutzernamen und Passwort bei Ihrem Webmail an, um zu bestätigen, dass sie funktionieren.
your-provider-wants-an-app-8e45b86f = Ihr Anbieter verlangt ein App-Passwort statt Ihres normalen Passworts
an-app-password-is-a-bb603ced = Ein App-Passwort ist ein eigenes Passwort, das Ihr Mail-Anbieter nur für Programme wie Ihre Website erstellt. Konten mit Anmeldung in zwei Schritten (ein Code auf Ihrem Telefon) lehnen hier das normale Passwort ab; ein bereits verwendetes App-Passwort wurde vielleicht falsch eingegeben oder widerrufen.
turn-on-two-step-sign-51eac7b8 = Schalten Sie die Anmeldung in zwei Schritten in den Sicherheitseinstellungen Ihres Mailkontos ein, falls sie noch nicht an ist: App-Passwörter setzen sie voraus.
create-an-app-password-there-bd7031e7 = Erstellen Sie dort ein App-Passwort und fügen Sie es ohne Leerzeichen in `password` ein.
keep-username-as-your-full-c562226b = Lassen Sie `userName` bei Ihrer vollständigen E-Mail-Adresse und testen Sie erneut.
your-provider-paused-the-sign-bc3768e5 = Ihr Anbieter hat die Anmeldung angehalten, bis Sie sie in einem Webbrowser bestätigen
the-provider-saw-a-sign-1538b2d6 = Der Anbieter hat eine Anmeldung von einem Ort gesehen, den er nicht kennt (dem Computer, auf dem Ihre Website läuft), und sie zurückgehalten, bis Sie bestätigen, dass Sie es waren.
sign-in-to-your-webmail-dc909f89 = Melden Sie sich in einem Browser bei Ihrem Webmail an und bestätigen Sie jede Sicherheitswarnung zu einer blockierten Anmeldung.
use-an-app-password-a-b70684d9 = Verwenden Sie ein App-Passwort (ein eigenes Passwort für Programme, erstellt in den Sicherheitseinstellungen Ihres Kontos) als `password`.
test-again-within-a-few-9bb0093a = Testen Sie innerhalb weniger Minuten erneut.
sign-in-for-mail-programs-5421083f = Die Anmeldung für Mailprogramme ist für dieses Konto ausgeschaltet
microsoft-365-lets-administrators-switch-ec288b4e = In Microsoft 365 können Administratoren „Authenticated SMTP“ ausschalten (die Art, wie Programme sich zum Senden von Mails anmelden). Es ist für dieses Postfach oder die ganze Organisation aus, daher wird selbst das richtige Passwort abgelehnt, ebenso ein OAuth-Token.
if-it-is-off-for-491d3325 = Wenn es für die ganze Organisation aus ist, kann der Administrator es auch dort erlauben (die Exchange-Einstellung SmtpClientAuthenticationDisabled auf False).
wait-up-to-an-hour-89ecd3c1 = Warten Sie nach der Änderung bis zu einer Stunde und testen Sie dann erneut.
your-provider-no-longer-accepts-262db022 = Ihr Anbieter akzeptiert von Mailprogrammen kein Passwort mehr
the-provider-has-switched-off-5bf866d0 = Der Anbieter hat die Standardauthentifizierung abgeschaltet (Anmeldung nur mit Benutzername und Passwort) und verlangt stattdessen OAuth (Anmeldung über die eigene Seite des Anbieters). Der Mailversand von ASP.NET beherrscht kein OAuth, und ein App-Passwort hilft hier nicht.
ask-your-administrator-whether-password-8e9b1d9b = Fragen Sie Ihren Administrator, ob die Anmeldung per Passwort für dieses Postfach erlaubt werden kann (in Microsoft 365 können Sicherheitsstandards oder eine Richtlinie für bedingten Zugriff sie blockieren).
or-send-your-website-s-543cef06 = Oder senden Sie die Mails Ihrer Website über einen Dienst, der Passwörter akzeptiert, etwa den Mailserver Ihres Hosting-Anbieters oder einen Versanddienst, und ändern Sie `host`, `userName` und `password` auf dessen Werte.
or-ask-your-developer-to-129f53f6 = Oder bitten Sie Ihren Entwickler, mit MailKit zu senden, das OAuth unterstützt, und testen Sie die OAuth-Anmeldung zuerst hier (Anmeldung: Microsoft 365 (OAuth) oder `mailtester send --oauth microsoft`).
the-server-could-not-check-7d165cdf = Der Server konnte das Passwort im Moment nicht prüfen
the-server-s-sign-in-4e8378b1 = Das Anmeldesystem des Servers hatte ein vorübergehendes Problem und konnte daher weder ja noch nein sagen. Das Problem liegt beim Anbieter, und Ihre Einstellungen können durchaus richtig sein.
if-it-lasts-more-than-bcb37e76 = Wenn es länger als eine Stunde dauert, informieren Sie Ihren Mail-Anbieter und fügen Sie die Antwort des Servers bei.
meanwhile-keep-username-and-password-16dfed9a = Lassen Sie `userName` und `password` bis dahin, wie sie sind.

## src/diagnosis/texts/connection.rs

the-mail-server-s-name-0d9f47b0 = Der Name des Mailservers wurde nicht gefunden
this-computer-asked-dns-the-9b8be64c = Dieser Computer hat das DNS (das Adressbuch des Internets) nach dem Namen in `host` gefragt und keine Adresse zurückbekommen, er weiß also nicht, wohin er die Mail senden soll. Meist enthält der Name einen Tippfehler, oder dieser Computer ist gerade nicht mit dem Internet verbunden.
check-host-letter-by-letter-a1a74d49 = Vergleichen Sie `host` Buchstabe für Buchstabe mit den Anleitungen Ihres Mail-Anbieters (er sieht aus wie `smtp.example.com`).
check-that-this-computer-can-ae3fe307 = Prüfen Sie, ob dieser Computer Websites öffnen kann; wenn nicht, bringen Sie die Internetverbindung in Ordnung und testen Sie erneut.
if-the-name-is-right-18a00d53 = Wenn der Name stimmt und das Internet funktioniert, fragen Sie Ihren Mail-Anbieter, ob sich der Servername geändert hat.
the-server-turned-the-connection-280a4654 = Der Server hat die Verbindung auf diesem Port abgewiesen
this-computer-reached-the-server-ba7fb590 = Dieser Computer hat den Server erreicht, aber dort nimmt auf diesem Port (der nummerierten Tür, an der ein Programm lauscht) nichts Mails an, oder eine Firewall (ein Filter, der Verbindungen blockiert) hat sie abgewiesen. Meist ist der Port nicht der, den Ihr Anbieter verwendet, oder `host` zeigt auf einen anderen Server.
check-port-against-your-provider-f98b1afd = Vergleichen Sie `port` mit den Anleitungen Ihres Anbieters: `587` ist der übliche Port für Websites.
check-that-host-is-the-a4ce6940 = Prüfen Sie, ob `host` der Name des Mailservers ist und nicht der Name Ihrer Website.
if-both-are-right-ask-112c3209 = Wenn beides stimmt, fragen Sie Ihren Hosting-Anbieter, ob eine Firewall ausgehende Mails Ihrer Website blockiert.
the-server-did-not-answer-45d585cd = Der Server hat auf den Verbindungsversuch nicht geantwortet
nothing-answered-on-this-port-aeae7d79 = Auf diesem Port hat nichts geantwortet, bevor das Zeitlimit ablief. Oft verwirft eine Firewall (ein Filter, der Verbindungen blockiert) beim Hosting- oder Internetanbieter ausgehende Mailverbindungen stillschweigend, besonders auf Port 25; sonst ist der Server vielleicht ausgefallen, oder `host` zeigt an die falsche Stelle.
change-port-to-587-and-a8475885 = Ändern Sie `port` auf `587` und setzen Sie `enableSsl` auf `true`: die übliche Kombination für Websites.
if-that-does-not-help-59fbce00 = Wenn das nicht hilft, fragen Sie Ihren Hosting-Anbieter, ob ausgehende Verbindungen zu Mailservern blockiert sind, und auf welchen Ports.
check-that-host-is-correct-05aa5d08 = Prüfen Sie, ob `host` stimmt und ob der Server läuft (siehe die Statusseite Ihres Anbieters).
the-server-accepted-the-connection-e31e44f1 = Der Server hat die Verbindung angenommen, aber nie gegrüßt
a-mail-server-normally-greets-3b957db6 = Ein Mailserver begrüßt eine neue Verbindung normalerweise sofort. Wenn er still bleibt, erwartet der Port meist Verschlüsselung ab dem allerersten Byte („SSL ab Verbindungsbeginn“, typisch für Port 465), was der Mailversand von ASP.NET nicht beherrscht; seltener ist der Server überlastet.
change-port-to-587-and-298d9c8c = Ändern Sie `port` auf `587` und setzen Sie `enableSsl` auf `true`.
if-your-provider-offers-only-8846bc0f = Wenn Ihr Anbieter nur Port 465 anbietet, fragen Sie, ob er einen Port mit STARTTLS hat (so wechselt ein Mailserver zu einer verschlüsselten Verbindung), oder senden Sie über einen anderen Anbieter.
if-port-is-already-587-ab4adb1c = Wenn `port` bereits `587` ist, warten Sie ein paar Minuten und testen Sie erneut: Der Server ist vielleicht ausgelastet.
something-other-than-a-mail-ecd3aa22 = Auf diesem Port hat etwas anderes als ein Mailserver geantwortet
the-answer-did-not-look-bf4a9935 = Die Antwort sah nicht nach SMTP aus (der Sprache, die Mailserver sprechen). Der Port gehört vielleicht zu einer Website oder einem anderen Dienst, oder `host` zeigt auf einen anderen Rechner.
check-port-websites-send-mail-6058ee5d = Prüfen Sie `port`: Websites senden Mails über Port `587` (manchmal `25`); Ports wie `80` und `443` sind für Websites, `110`, `143`, `993` und `995` zum Lesen von Mails.
check-host-against-your-provider-1e806a83 = Vergleichen Sie `host` mit den Anleitungen Ihres Anbieters.
if-both-look-right-a-336a3e56 = Wenn beides richtig aussieht, steht vielleicht ein Sicherheitsprogramm oder Proxy in diesem Netzwerk im Weg: Fragen Sie die Person, die das Netzwerk verwaltet.
the-mail-server-is-not-c6852973 = Der Mailserver nimmt diese Verbindung gerade nicht an
the-server-answered-but-refused-f4bdb56e = Der Server hat geantwortet, sich aber geweigert, diese Verbindung zu bedienen. Meist hat der Server ein vorübergehendes Problem (Wartung oder Überlastung), oder er lehnt die Internetadresse dieses Computers ab, zum Beispiel weil die Adresse auf einer Sperrliste steht (einer Liste von Adressen, die für Spam bekannt sind).
if-it-keeps-happening-send-e9edadf6 = Wenn es immer wieder passiert, schicken Sie die Antwort des Servers (unter „Was der Server sagte“) an Ihren Mail-Anbieter und fragen Sie, warum er die Verbindung ablehnt.
check-host-and-port-a-5e76dfe7 = Prüfen Sie `host` und `port`: Ein Server, der zum Empfangen von Mails gedacht ist, lehnt das Senden vielleicht ab.
the-server-closed-the-connection-30180e72 = Der Server hat die Verbindung mitten im Austausch geschlossen
the-connection-ended-before-the-a43f6fed = Die Verbindung endete, bevor der Server fertig geantwortet hatte. Server tun das, wenn ihnen etwas an der Verbindung missfällt (zu viele Versuche, eine gesperrte Adresse, eine andere Verschlüsselungseinstellung als erwartet), und auch Netzwerke brechen manchmal Verbindungen ab.
check-that-port-and-enablessl-b2b965b7 = Prüfen Sie, ob `port` und `enableSsl` zu den Anleitungen Ihres Anbieters passen (meist `587` mit `enableSsl` auf `true`).
if-it-keeps-happening-send-a1e930a1 = Wenn es immer wieder passiert, schicken Sie das Protokoll an Ihren Mail-Anbieter: Der Schritt, bei dem es aufhörte, zeigt ihm, wo er suchen muss.
the-server-stopped-answering-aaccd57c = Der Server hat aufgehört zu antworten
the-server-accepted-the-connection-a1f81952 = Der Server hat die Verbindung angenommen, aber nicht rechtzeitig geantwortet. Er ist vielleicht überlastet, oder eine Firewall (ein Filter, der Verbindungen blockiert) hält die Verbindung offen, ohne etwas durchzulassen.
if-your-web-config-uses-60f26cb6 = Wenn Ihre web.config Port 465 verwendet: ASP.NET kann ihn nicht nutzen und wartet genau so. Ändern Sie `port` auf `587` und setzen Sie `enableSsl` auf `true`.
if-it-always-stops-at-8cf935d8 = Wenn es immer beim selben Schritt aufhört, schicken Sie das Protokoll an Ihren Mail-Anbieter.
the-test-was-stopped-before-0d4af77e = Der Test wurde angehalten, bevor er fertig war
the-test-was-cancelled-so-7a4af564 = Der Test wurde abgebrochen, daher haben die nicht ausgeführten Schritte kein Ergebnis. Das sagt nichts darüber aus, ob Ihre Einstellungen funktionieren.
press-send-test-email-to-82d3e493 = Klicken Sie auf „Test-E-Mail senden“, um den Test erneut auszuführen.
your-website-could-not-connect-2abab1d3 = Ihre Website konnte keine Verbindung zum Mailserver herstellen
the-program-gives-this-one-4964373a = Das Programm gibt diese eine Meldung für mehrere Ursachen aus: Eine Firewall (ein Filter, der Verbindungen blockiert) beim Hosting-Anbieter blockiert den Port, auf dem Port lauscht nichts, oder die Verschlüsselungseinstellung passt nicht zum Port. Port 25 wird am häufigsten blockiert.
change-port-to-587-and-05b8a3c8 = Ändern Sie `port` auf `587` und setzen Sie `enableSsl` auf `true` (in PHPMailer: `Port = 587` und `SMTPSecure = 'tls'`).
check-that-host-is-exactly-b9f2e985 = Prüfen Sie, ob `host` genau der Servername ist, den Ihr Anbieter angibt.
ask-your-hosting-company-whether-3e97a686 = Fragen Sie Ihren Hosting-Anbieter, ob ausgehende Mailverbindungen erlaubt sind, und auf welchen Ports.
no-mail-server-is-set-2344fbac = Es ist kein Mailserver eingestellt
asp-net-found-no-host-5acadb75 = ASP.NET hat im Abschnitt `<mailSettings>` der web.config (oder im Code der Website) keinen `host` gefunden und weiß daher nicht, über welchen Server es senden soll.
add-host-to-the-network-473361fe = Fügen Sie `host` zum `<network>`-Element in der web.config hinzu, zum Beispiel `host="smtp.example.com"`.
check-that-mailsettings-sits-inside-b1a5f996 = Prüfen Sie, ob `<mailSettings>` innerhalb von `<system.net>` in der web.config der Website steht, die die Mails sendet.
asp-net-waited-on-port-363e8bfc = ASP.NET hat auf Port 465 auf eine Begrüßung gewartet, die nie kommt
port-465-expects-encryption-from-540d0aa0 = Port 465 erwartet Verschlüsselung ab dem allerersten Byte („SSL ab Verbindungsbeginn“), was der Mailversand von ASP.NET nicht beherrscht: Er wartet darauf, dass der Server grüßt, bis er mit „The operation has timed out“ aufgibt.
your-website-gave-up-waiting-1b764594 = Ihre Website hat aufgehört, auf den Mailserver zu warten
the-operation-has-timed-out-366dd6df = „The operation has timed out.“ ohne weiteren Text ist die Art, wie der Mailversand von ASP.NET meldet, dass der Server nicht innerhalb seines Zeitlimits fertig geantwortet hat (100 Sekunden, wenn `timeout` nicht gesetzt ist). Meist hat der Server überhaupt nicht gegrüßt: Der Port erwartet Verschlüsselung ab dem allerersten Byte („SSL ab Verbindungsbeginn“, Port 465), was der Mailversand von ASP.NET nicht beherrscht.
if-port-is-465-change-c94da191 = Wenn `port` auf `465` steht, ändern Sie ihn auf `587` und setzen Sie `enableSsl` auf `true`.
otherwise-run-this-tester-with-10f4acc3 = Andernfalls führen Sie diesen Tester mit denselben Einstellungen aus: Er zeigt den Schritt, bei dem der Server aufhört zu antworten.
the-program-that-sends-your-81bb5371 = Das Programm, das Ihre Mails sendet, hat das Senden selbst abgebrochen
the-operation-was-canceled-means-e40cc474 = „The operation was canceled“ bedeutet, dass das Senden vom eigenen Code des Programms angehalten wurde, nicht vom Mailserver abgelehnt: .NET-Mailbibliotheken wie MailKit melden das, wenn der Aufrufer abbricht, zum Beispiel wenn die Webanfrage, die die Mail sendet, zuerst endet oder das eigene Zeitlimit der Anwendung abläuft. Es sagt noch nichts darüber aus, ob die Mail-Einstellungen funktionieren.
test-the-same-settings-with-74a36907 = Testen Sie dieselben Einstellungen mit diesem Tester: Er zeigt, ob der Server sie akzeptiert.
if-the-test-works-ask-3b9483ea = Wenn der Test funktioniert, fragen Sie Ihren Entwickler, ob die Website das Senden zu früh abbricht (ein kurzes Zeitlimit oder eine Anfrage, die endet, bevor die Mail gesendet ist).
this-is-the-server-for-cde919ef = Das ist der Server zum Lesen von Mails, nicht der zum Senden
the-port-answered-like-an-bc793875 = Der Port hat wie ein IMAP- oder POP3-Server geantwortet: der Server, mit dem ein Mailprogramm das Postfach liest. Eine Website sendet über den SMTP-Server, der einen eigenen Port und oft einen eigenen Namen hat (`smtp.` statt `imap.`, `pop.` oder `mail.`).
change-port-to-587-and-9103f925 = Ändern Sie `port` auf `587` und setzen Sie `enableSsl` auf `true`: der übliche Port zum Senden.
if-it-still-fails-look-47a17eb2 = Wenn es weiterhin scheitert, suchen Sie in den Anleitungen Ihres Anbieters den „Postausgangsserver (SMTP)“ und tragen Sie diesen Namen in `host` ein.
the-server-accepted-the-connection-ee71a7a7 = Der Server hat die Verbindung angenommen, aber nie geantwortet
a-mail-server-greets-a-a2e73efe = Ein Mailserver begrüßt eine neue Verbindung sofort. Dieser blieb still, auch als der Test verschlüsselt begann, er wartet also nicht auf SSL ab Verbindungsbeginn: Der Server ist vielleicht überlastet, oder eine Firewall oder ein Filter unterwegs hält Verbindungen offen, ohne etwas durchzulassen.
check-host-and-port-against-b14f8d04 = Vergleichen Sie `host` und `port` mit den Anleitungen Ihres Anbieters zum Senden von Mails (meist Port `587`).
if-it-stays-silent-ask-069de325 = Wenn er still bleibt, fragen Sie Ihren Hosting-Anbieter, ob er ausgehende Mailverbindungen filtert (viele halten Port `25` offen, ohne etwas durchzulassen).

## src/diagnosis/texts/oauth.rs

the-mail-server-refused-the-c36aa8ff = Der Mailserver hat das Anmeldetoken abgelehnt
oauth-means-signing-in-with-bde56524 = OAuth bedeutet, sich mit einem Token von Microsoft oder Google statt mit einem Passwort anzumelden. Der Server hat dieses Token abgelehnt: Es ist vielleicht abgelaufen, für einen anderen Dienst oder ein anderes Postfach bestimmt, oder die App dahinter darf noch keine Mails senden.
get-a-new-token-and-beea9d01 = Holen Sie ein neues Token und testen Sie erneut (Tokens gelten etwa eine Stunde).
check-that-username-is-the-b1f08c04 = Prüfen Sie, ob `userName` das Postfach ist, für das das Token ausgestellt wurde.
check-the-app-s-permission-e05ab3e6 = Prüfen Sie die Berechtigung der App zum Mailversand (Microsoft 365: SMTP.SendAsApp mit Administratorzustimmung, der Dienstprinzipal und die Postfachberechtigung; Google: der Scope https://mail.google.com/).
this-server-does-not-offer-a3b68dfd = Dieser Server bietet keine Anmeldung mit Token an
the-server-offers-no-oauth-3a29dae0 = Der Server bietet auf dieser Verbindung keine OAuth-Anmeldung an (XOAUTH2 oder OAUTHBEARER), daher wurde das Token nicht gesendet. Nur manche Anbieter nehmen Tokens an, vor allem Microsoft 365 und Google.
check-host-and-port-microsoft-ab58eb61 = Prüfen Sie `host` und `port`: Microsoft 365 ist smtp.office365.com Port 587, Google smtp.gmail.com Port 587, beide mit `enableSsl` eingeschaltet.
if-this-provider-takes-passwords-25d1840e = Wenn dieser Anbieter Passwörter annimmt, wählen Sie Passwort als Anmeldung und geben Sie `userName` und `password` ein.
the-token-was-not-sent-ff28ae63 = Das Token wurde nicht gesendet, weil die Verbindung nicht verschlüsselt ist
anyone-on-the-way-could-026cb93d = Jeder auf dem Weg könnte ein über eine unverschlüsselte Verbindung gesendetes Token kopieren und damit in Ihrem Namen Mails senden, bis es abläuft. Dieser Test sendet es daher nie auf diese Weise.
turn-enablessl-on-starttls-and-ce9fc4ee = Schalten Sie `enableSsl` ein (STARTTLS), verwenden Sie Port 587 und testen Sie dann erneut.
if-the-server-offers-no-4bbe69ad = Wenn der Server auf keinem Port Verschlüsselung anbietet, kann er die OAuth-Anmeldung nicht sicher annehmen: Fragen Sie Ihren Anbieter nach seinem verschlüsselten Port.
microsoft-did-not-accept-the-3a160626 = Microsoft hat den geheimen Clientschlüssel der App nicht akzeptiert
before-any-mail-is-sent-633411c0 = Bevor eine Mail gesendet wird, meldet sich die App mit ihrer Client-ID und ihrem geheimen Clientschlüssel (dem Passwort der App) bei Microsoft an, um ein Token zu erhalten. Microsoft hat den geheimen Schlüssel abgelehnt: Er ist falsch eingegeben, abgelaufen, oder es wurde die ID des Schlüssels statt seines Werts kopiert.
in-the-microsoft-entra-admin-c9835d8e = Öffnen Sie im Microsoft Entra Admin Center App registrations → Ihre App → Certificates & secrets und erstellen Sie einen neuen geheimen Clientschlüssel.
copy-its-value-shown-only-697d91d8 = Kopieren Sie seinen Value (wird nur einmal angezeigt), nicht seine Secret ID, und testen Sie damit erneut.
microsoft-does-not-know-this-75d6c55c = Microsoft kennt diese App in dieser Organisation nicht
no-app-with-this-client-6d868a30 = In der Organisation (dem Tenant), die der Test gefragt hat, ist keine App mit dieser Client-ID registriert. Entweder ist die Client-ID falsch eingegeben, oder die App gehört zu einer anderen Organisation.
copy-the-application-client-id-674ef97a = Kopieren Sie die Application (client) ID erneut aus App registrations → Ihre App → Overview.
check-that-the-directory-tenant-64a4d76d = Prüfen Sie, ob die Directory (tenant) ID auf derselben Seite die ist, die der Test verwendet.
microsoft-does-not-know-this-3b3cd9cd = Microsoft kennt diese Organisation (diesen Tenant) nicht
the-tenant-identifies-your-organisation-0a1f62ed = Der Tenant kennzeichnet Ihre Organisation bei Microsoft: seine Directory (tenant) ID oder eine seiner Domains. Microsoft hat unter diesem Namen keine Organisation gefunden.
copy-the-directory-tenant-id-3f371c4a = Kopieren Sie die Directory (tenant) ID aus App registrations → Ihre App → Overview, oder verwenden Sie die Domain Ihrer Organisation (yourcompany.onmicrosoft.com).
the-app-may-not-send-9ca8eb09 = Die App darf noch keine Mails senden: Ein Administrator muss sie genehmigen
the-app-asked-for-permission-565125cd = Die App hat um die Berechtigung zum Mailversand gebeten, und in Ihrer Organisation hat noch niemand mit Administratorrechten dieser Berechtigung zugestimmt.
in-app-registrations-your-app-d480bf7d = Fügen Sie unter App registrations → Ihre App → API permissions Office 365 Exchange Online → Application permissions → SMTP.SendAsApp hinzu.
click-grant-admin-consent-a-0096d685 = Klicken Sie auf „Grant admin consent“ (Administratorzustimmung erteilen; das kann ein Global Administrator oder Privileged Role Administrator) und testen Sie dann erneut.
getting-a-sign-in-token-346be9e3 = Das Anmeldetoken konnte nicht vom Anbieter geholt werden
before-any-mail-is-sent-5a4041b2 = Bevor eine Mail gesendet wird, fragt der Test den Anmeldedienst des Anbieters nach einem Token. Diese Anfrage ist gescheitert, daher wurde der Mailserver gar nicht kontaktiert.
read-the-provider-s-message-c4926a58 = Lesen Sie die Meldung des Anbieters unten; sie nennt, was er nicht akzeptiert hat.
check-the-tenant-client-id-423e50ed = Prüfen Sie Tenant, Client-ID und geheimen Clientschlüssel und testen Sie dann erneut.

## src/diagnosis/texts/sending.rs

the-server-will-not-pass-322f9063 = Der Server leitet Ihre Mails nicht an andere Adressen weiter
relaying-passing-mail-on-to-e7749b8a = Relaying (das Weiterleiten von Mails an Adressen außerhalb der eigenen Domains des Servers) ist nur für angemeldete Benutzer oder bekannte Absender erlaubt, und diese Verbindung zählte nicht dazu. Meist fand keine Anmeldung statt, oder der Port ist zum Empfangen von Mails gedacht statt zum Senden.
fill-in-username-usually-your-960bb2d1 = Füllen Sie `userName` (meist Ihre vollständige E-Mail-Adresse) und `password` aus und setzen Sie `defaultCredentials` auf `false`.
use-port-587-with-enablessl-87cafacb = Verwenden Sie `port` `587` mit `enableSsl` auf `true`.
if-your-hosting-company-lets-00fadcde = Wenn Ihr Hosting-Anbieter Websites ohne Passwort senden lässt, bitten Sie ihn, die Adresse des Servers zu erlauben, auf dem Ihre Website läuft.
the-server-will-not-send-6bfece32 = Der Server sendet keine Mails mit dieser Absenderadresse
the-sender-address-from-must-34e8cbf7 = Die Absenderadresse (`from`) muss eine sein, als die das Konto senden darf: meist das Postfach, mit dem Sie sich anmelden, oder eine Adresse, die Ihr Anbieter bestätigt hat. Diese steht nicht auf der Liste.
set-from-to-the-same-14aaa3c1 = Setzen Sie `from` auf dieselbe Adresse wie `userName`.
or-ask-your-provider-or-5ba176df = Oder bitten Sie Ihren Anbieter oder Administrator, diese Absenderadresse zu erlauben, zum Beispiel indem er sie bestätigt oder die Berechtigung „Senden als“ erteilt.
the-server-refused-the-address-99174203 = Der Server hat die Adresse abgelehnt, an die der Test gesendet wurde
your-settings-got-through-but-8c28461a = Ihre Einstellungen sind durchgekommen, aber der Testempfänger wurde abgelehnt: Die Adresse existiert vielleicht nicht, oder ihr Postfach kann gerade keine Mails annehmen. Das betrifft die Testadresse, nicht Ihre web.config.
check-the-send-the-test-55d34997 = Prüfen Sie die Adresse unter „Test senden an“ auf Tippfehler.
send-the-test-to-another-bc94762a = Senden Sie den Test an eine andere Adresse, die Ihnen gehört, zum Beispiel die in `from`.
the-server-refused-the-message-01dd6462 = Der Server hat die Nachricht selbst abgelehnt
the-connection-and-sign-in-10c93ba1 = Verbindung und Anmeldung haben funktioniert, aber die Nachricht wurde abgelehnt: Sie war zum Beispiel zu groß, sah nach Spam aus, oder die Domain des Absenders hat die SPF- oder DKIM-Prüfung nicht bestanden (DNS-Einträge, die belegen, dass ein Server Mails für Ihre Domain senden darf).
read-the-server-s-reply-830e27f9 = Lesen Sie die Antwort des Servers unten: Sie nennt meist den Grund.
if-it-mentions-spf-dkim-4056d896 = Wenn sie SPF, DKIM oder DMARC erwähnt, bitten Sie die Person, die das DNS Ihrer Domain verwaltet, die Einträge hinzuzufügen, die Ihr Mail-Anbieter nennt.
to-see-whether-the-domain-caf4671e = Um zu sehen, ob die Domain die Ursache ist, setzen Sie `from` auf eine Adresse bei der eigenen Domain Ihres Mail-Anbieters und testen Sie erneut.
this-mail-account-is-blocked-d848b535 = Dieses Mailkonto ist für das Senden gesperrt
the-provider-has-stopped-this-11d4a609 = Der Anbieter hat das Senden für dieses Konto gestoppt, oft nachdem er ungewöhnliche Aktivität bemerkt hat, etwa Spam, der mit einem gestohlenen Passwort gesendet wurde. Nur der Anbieter oder Ihr Administrator kann die Sperre aufheben.
sign-in-to-your-webmail-e8982548 = Melden Sie sich bei Ihrem Webmail an und suchen Sie nach einer Nachricht über ein gesperrtes oder eingeschränktes Konto.
change-the-account-s-password-ac418634 = Ändern Sie das Passwort des Kontos (jemand anderes kennt es vielleicht) und tragen Sie das neue in `password` ein.
ask-your-provider-or-administrator-2b83a423 = Bitten Sie Ihren Anbieter oder Administrator, die Sendesperre aufzuheben (in Microsoft 365: Defender → Restricted entities).
the-server-asks-to-slow-8249af09 = Der Server bittet, langsamer zu machen und es später erneut zu versuchen
providers-limit-how-much-mail-f9900a0a = Anbieter begrenzen, wie viele Mails ein Konto oder eine Internetadresse in einer bestimmten Zeit senden darf. Diese Grenze wurde erreicht, oder der Server ist bei dieser Verbindung eine Weile vorsichtig; das legt sich von selbst.
wait-15-to-60-minutes-07d89075 = Warten Sie 15 bis 60 Minuten und testen Sie erneut.
if-your-website-sends-a-32eaf05a = Wenn Ihre Website viele Mails sendet, prüfen Sie die Sendegrenzen Ihres Anbieters oder verwenden Sie einen Versanddienst für große Mengen.
set-clientdomain-to-your-website-fae63d04 = Setzen Sie `clientDomain` auf den vollständigen Domainnamen Ihrer Website (zum Beispiel `www.example.com`): Manche Server misstrauen Computern, die sich als `localhost` vorstellen.
the-server-asked-to-send-503e5275 = Der Server hat gebeten, in ein paar Minuten erneut zu senden (Greylisting)
some-servers-turn-away-the-f3e0dc99 = Manche Server weisen die erste Nachricht eines Absenders, den sie noch nicht kennen, absichtlich ab und nehmen sie an, wenn sie ein paar Minuten später erneut kommt: Das nennt sich Greylisting, und weder mit Ihren Einstellungen noch mit der Adresse stimmt etwas nicht. ASP.NET sendet allerdings nicht von selbst erneut: Eine so abgewiesene Nachricht geht verloren, wenn Ihre Website es nicht erneut versucht.
test-again-in-5-to-3f46aedd = Testen Sie in 5 bis 15 Minuten erneut: Dann sollte sie angenommen werden.
for-mail-that-matters-orders-40efb6b9 = Für wichtige Mails (Bestellungen, Passwort-Zurücksetzungen) senden Sie über den Server Ihres Anbieters mit Anmeldung (Port `587`): Mails von angemeldeten Absendern werden nicht gegreylistet.
or-make-the-website-try-b16fc931 = Oder lassen Sie die Website es erneut versuchen, wenn das Senden scheitert (eine Warteschlange oder ein neuer Versuch nach ein paar Minuten).
your-account-has-used-up-20d9b0fd = Ihr Konto hat sein Sendekontingent aufgebraucht
the-provider-limits-how-much-f1851918 = Der Anbieter begrenzt, wie viele Mails ein Konto pro Tag oder Monat senden darf (oder verkauft sie als Guthaben), und dieses Konto hat die Grenze erreicht. Ein paar Minuten Warten hilft nicht: Die Grenze wird nach bis zu einem Tag zurückgesetzt, zu Beginn des nächsten Zeitraums oder wenn der Tarif erhöht wird.
wait-until-the-limit-resets-6a52ebd9 = Warten Sie, bis die Grenze zurückgesetzt wird (meist 24 Stunden; bei einem Monatstarif der nächste Monat), und testen Sie erneut.
check-that-your-website-is-39b0b049 = Prüfen Sie, ob Ihre Website nicht weit mehr sendet, als sie sollte: Ein von Spammern genutztes Kontaktformular kann jedes Kontingent aufbrauchen.
if-your-website-really-needs-083b7d6f = Wenn Ihre Website wirklich mehr braucht, bitten Sie den Anbieter um eine höhere Grenze, oder senden Sie über einen Dienst für Websites (SendGrid, Mailgun, Amazon SES, Brevo).
the-server-had-a-temporary-10581399 = Der Server hatte ein vorübergehendes Problem
the-server-answered-with-a-0008d626 = Der Server hat mit einem Code für „später erneut versuchen“ geantwortet (einer, der mit 4 beginnt); das Problem sollte sich also ohne Änderung auf Ihrer Seite legen.
if-it-keeps-happening-send-0dc4deb9 = Wenn es immer wieder passiert, schicken Sie die Antwort des Servers an Ihren Mail-Anbieter.
meanwhile-keep-host-port-and-f176ef63 = Lassen Sie `host`, `port` und `enableSsl` bis dahin, wie sie sind.
we-don-t-recognise-this-718ec519 = Dieses Problem kennen wir nicht
the-test-stopped-with-a-fda2c04f = Der Test hat mit einer Meldung aufgehört, für die wir noch keine Erklärung haben. Die Details zeigen genau, was der Server oder dieser Computer gesagt hat.
look-in-the-server-s-cd1cf764 = Suchen Sie in der Antwort des Servers nach einem Code wie `535` oder `5.7.8` und einem kurzen Grund, und schicken Sie beides an Ihren Mail-Anbieter.
check-host-port-and-enablessl-dce5d8be = Vergleichen Sie `host`, `port` und `enableSsl` mit den Anleitungen Ihres Anbieters.
save-the-report-it-leaves-9e9a3053 = Speichern Sie den Bericht (er lässt Ihr Passwort weg) und schicken Sie ihn an den Support Ihres Hosting-Anbieters.
sending-failed-and-this-part-b5549368 = Das Senden ist gescheitert, und dieser Teil der Meldung sagt nicht, warum
failure-sending-mail-is-only-5e94f296 = „Failure sending mail“ ist nur die äußere Meldung: Der Grund steht in der inneren Ausnahme, die ihr (nach „--->“) im vollständigen Fehlerprotokoll folgt.
copy-the-whole-error-including-0a4fa195 = Kopieren Sie den ganzen Fehler, einschließlich der Zeilen nach „--->“, und fügen Sie ihn hier erneut ein.
or-run-the-test-in-cd3c3210 = Oder führen Sie den Test in diesem Programm mit denselben Einstellungen aus: Er zeigt genau den Schritt, der scheitert.
meanwhile-check-host-port-and-b6ee72c6 = Vergleichen Sie bis dahin `host`, `port` und `enableSsl` mit den Anleitungen Ihres Anbieters.
we-don-t-recognise-this-689d3f81 = Diese Meldung kennen wir nicht
it-contains-no-mail-server-31c9c54f = Sie enthält keinen Antwortcode eines Mailservers (wie `535` oder `5.7.8`) und keinen Fehler, den wir von ASP.NET, PHPMailer, Nodemailer, Python oder MailKit kennen.
paste-the-whole-error-including-72e71f75 = Fügen Sie den ganzen Fehler ein, einschließlich aller Zeilen nach „--->“ oder „Caused by“: Die Ursache steht oft am Ende.
look-for-a-three-digit-50926ef1 = Suchen Sie nach einem dreistelligen Code, der mit 4 oder 5 beginnt (wie `550`), oder einem Code wie `5.7.1`, und den Worten danach: Das ist die Begründung des Servers.
or-run-the-test-in-98479cfe = Oder führen Sie den Test in diesem Programm mit Ihren Werten für `host`, `port` und `enableSsl` aus: Er zeigt genau den Schritt, der scheitert.
this-account-may-sign-in-debe5d24 = Dieses Konto darf sich nur von den Adressen anmelden, die sein Anbieter auflistet
the-provider-lets-this-account-8646e994 = Der Anbieter lässt dieses Konto nur von den Internetadressen (IP-Adressen) anmelden, die in seinen Einstellungen aufgeführt sind, und die Adresse, von der dies kam, gehört nicht dazu. Das Passwort wurde gar nicht erst geprüft.
in-your-mail-provider-s-50eeb67e = Öffnen Sie in der Verwaltung Ihres Mail-Anbieters die SMTP-Einstellungen des Kontos und suchen Sie die Liste der erlaubten IP-Adressen.
add-your-web-server-s-7d9995ed = Fügen Sie die öffentliche IP-Adresse Ihres Webservers hinzu (Ihr Hosting-Anbieter kann Ihnen sagen, welche das ist).
to-run-this-tester-from-3402b27a = Um diesen Tester auch von einem anderen Computer auszuführen, fügen Sie auch dessen Adresse hinzu, oder bitten Sie Ihren Anbieter, die Einschränkung aufzuheben.
your-website-could-not-read-f7b4fedd = Ihre Website konnte eine der E-Mail-Adressen nicht lesen
the-specified-string-is-not-8907296d = „The specified string is not in the form required for an e-mail address“ kommt von ASP.NET selbst, bevor ein Mailserver kontaktiert wird: Die `from`-Adresse oder eine Adresse, die die Website in An, Cc oder Bcc einträgt, hat einen Tippfehler (ein fehlendes @, ein Leerzeichen, zwei Adressen in einem Feld).
check-from-in-web-config-26d1a3fb = Prüfen Sie `from` in der web.config: eine einzige Adresse wie `info@example.com` (davor darf ein Name stehen: `Shop <info@example.com>`).
if-from-is-right-the-a6e15de4 = Wenn `from` stimmt, kommt die Adresse von der Website selbst (ein Formular, das ein Besucher ausgefüllt hat, oder eine Einstellung der Website): Bitten Sie Ihren Entwickler, Adressen vor dem Senden zu prüfen.
the-server-refused-and-your-051e3698 = Der Server hat abgelehnt, und das Protokoll Ihrer Website lässt den Grund weg
syntax-error-command-unrecognized-is-23a7ab1e = „Syntax error, command unrecognized.“ schreibt der Mailversand von ASP.NET bei jeder Serverantwort, deren Code er nicht benennen kann (zum Beispiel 535 für ein abgelehntes Passwort). Ohne die eigenen Worte des Servers dahinter kann das Protokoll nicht sagen, welche Einstellung falsch ist.
if-the-log-goes-on-c96ac828 = Wenn das Protokoll mit „The server response was:“ weitergeht, fügen Sie diese Zeile ebenfalls ein.
run-the-test-here-with-8c3a56a5 = Führen Sie den Test hier mit denselben Einstellungen aus: Er zeigt die Antwort des Servers Wort für Wort und was sie bedeutet.
an-address-has-letters-asp-508530c0 = Eine Adresse enthält Buchstaben, die ASP.NET nur mit einer Einstellung sendet
the-client-or-server-is-874f1000 = „The client or server is only configured for E-mail addresses with ASCII local-parts“ bedeutet, dass die am Ende genannte Adresse vor dem @ Buchstaben außerhalb des einfachen englischen Alphabets enthält (wie ö oder é). ASP.NET sendet solche Adressen nur mit `deliveryFormat="International"` und nur über einen Mailserver, der SMTPUTF8 anbietet (den Standard für internationale Adressen).
if-the-address-is-from-d8b5febf = Wenn es die `from`-Adresse ist, verwenden Sie eine mit einfachen Buchstaben vor dem @.
if-it-is-a-customer-30b90862 = Wenn es die Adresse eines Kunden ist, fügen Sie `deliveryFormat="International"` zu `<smtp>` in der web.config hinzu (.NET Framework 4.5 oder neuer) und führen Sie den Test hier aus, um zu prüfen, ob Ihr Mailserver SMTPUTF8 anbietet.

## src/diagnosis/texts/tls.rs

the-server-wants-an-encrypted-bcbb2dd1 = Der Server verlangt eine verschlüsselte Verbindung
the-server-will-not-go-b13a1048 = Der Server macht erst weiter, wenn die Verbindung mit STARTTLS verschlüsselt ist (so wechselt ein Mailserver zu einer verschlüsselten Verbindung). In der web.config schaltet `enableSsl="true"` das ein.
use-port-587-the-usual-d29b1fcf = Verwenden Sie `port` `587` (den üblichen Port zum Senden von Websites aus), sofern Ihr Anbieter nichts anderes sagt.
the-server-does-not-offer-345a167c = Der Server bietet auf diesem Port keine verschlüsselte Verbindung an
with-enablessl-on-asp-net-bc209598 = Mit eingeschaltetem `enableSsl` fragt ASP.NET nach STARTTLS (so wechselt ein Mailserver zu einer verschlüsselten Verbindung), und dieser Server hat es nicht angeboten. ASP.NET bricht daher mit „Server does not support secure connections“ ab. Meist ist der Port oder Server nicht der Sendeserver des Anbieters, oder die Verschlüsselung des Servers ist nicht eingerichtet.
check-host-and-port-against-3146a584 = Vergleichen Sie `host` und `port` mit den Anleitungen Ihres Anbieters; wenn `port` auf `25` steht, versuchen Sie `587`.
ask-your-mail-provider-whether-e9b014ae = Fragen Sie Ihren Mail-Anbieter, ob dieser Server STARTTLS unterstützt, und auf welchem Port.
turning-enablessl-off-would-send-df98f72a = Wenn Sie `enableSsl` ausschalten, würde Ihr Passwort unverschlüsselt gesendet (für jeden auf dem Weg lesbar): Erwägen Sie das nur, wenn Ihr Anbieter bestätigt, dass der Server in Ihrem eigenen privaten Netzwerk steht.
this-port-starts-unencrypted-and-8eab0593 = Dieser Port beginnt unverschlüsselt und wechselt später zur Verschlüsselung
one-side-started-encrypting-straight-ebbd67b5 = Eine Seite hat sofort verschlüsselt („SSL ab Verbindungsbeginn“), während die andere zuerst unverschlüsselten Text und dann einen Wechsel mit STARTTLS erwartete (so wechselt ein Mailserver zu einer verschlüsselten Verbindung). Die beiden Wege passen nicht zusammen, daher ist der Handshake (der Austausch, der die Verschlüsselung einrichtet) gescheitert.
keep-this-port-and-set-14145fd0 = Behalten Sie diesen Port und setzen Sie `enableSsl` auf `true` (in anderen Programmen wählen Sie „STARTTLS“ oder „TLS“ statt „SSL“).
or-in-programs-other-than-6eb280ba = Oder behalten Sie in anderen Programmen als ASP.NET „SSL“ und ändern Sie den Port auf `465`, wenn Ihr Anbieter ihn unterstützt.
the-encrypted-connection-could-not-38a20e5a = Die verschlüsselte Verbindung konnte nicht hergestellt werden
the-handshake-the-exchange-that-d77564bd = Der Handshake (der Austausch, der die Verschlüsselung einrichtet) ist gescheitert. Häufige Gründe sind ein Server, der nur alte Verschlüsselungsversionen kennt (TLS 1.0 oder 1.1, die moderne Programme ablehnen), ein Server mit falsch eingerichteter Verschlüsselung oder ein Sicherheitsprogramm auf diesem Computer, das sich in verschlüsselte Verbindungen einmischt.
test-again-in-a-few-b2d0d9dc = Testen Sie in ein paar Minuten erneut: Manche Server haben kurzzeitige Verschlüsselungsprobleme.
send-the-transcript-to-your-6a58275d = Schicken Sie das Protokoll an Ihren Mail-Anbieter und fragen Sie, ob der Server TLS 1.2 oder neuer unterstützt.
if-this-computer-runs-antivirus-bc7e4c13 = Wenn auf diesem Computer ein Virenschutzprogramm läuft, das E-Mails prüft, pausieren Sie dessen Mailprüfung für einen Test, oder fragen Sie den Hersteller.
the-server-s-encryption-is-47c71bd6 = Die Verschlüsselung des Servers funktioniert gerade nicht
the-server-offers-starttls-the-a70908db = Der Server bietet STARTTLS an (so wechselt ein Mailserver zu einer verschlüsselten Verbindung), hat es aber abgelehnt zu starten, weil Verschlüsselung nicht verfügbar sei: ein Problem auf dem Server, meist vorübergehend (sein Zertifikat konnte nicht geladen werden). Ihre Einstellungen sind richtig.
if-it-lasts-tell-your-775241a7 = Wenn es anhält, teilen Sie Ihrem Mail-Anbieter mit, dass der Server auf STARTTLS mit „TLS not available“ antwortet (das Protokoll zeigt den genauen Wortlaut).
do-not-switch-encryption-off-f58feb01 = Schalten Sie die Verschlüsselung nicht aus, um das zu umgehen: Ihr Passwort ginge dann für jeden auf dem Weg lesbar über das Netzwerk.
the-mail-server-only-knows-f8184d45 = Der Mailserver kennt nur veraltete Verschlüsselung (TLS 1.0 oder 1.1)
the-server-offered-only-tls-91482b71 = Der Server hat nur TLS 1.0 oder 1.1 angeboten, Verschlüsselungsversionen von 1999 und 2006, die nicht mehr sicher sind. Dieser Test lehnt sie ab, wie jedes aktuelle Programm, und Mail-Anbieter und Microsoft haben sie abgeschaltet. Ihre Website kommt heute vielleicht noch durch, wenn ihr Windows-Server TLS 1.0 erlaubt, aber das läuft aus: Der Server muss aktualisiert werden.
ask-your-mail-provider-or-b5203011 = Bitten Sie Ihren Mail-Anbieter oder Hosting-Anbieter, TLS 1.2 oder neuer auf dem Mailserver zu aktivieren (jede Serversoftware der letzten zehn Jahre kann das).
or-send-through-a-provider-361887b5 = Oder senden Sie über einen Anbieter, dessen Server TLS 1.2 unterstützt: Ändern Sie `host` (und `port`) auf dessen Server.
until-then-do-not-switch-9755bfec = Schalten Sie die Verschlüsselung bis dahin nicht aus, damit es funktioniert: Das Passwort ginge dann für jeden auf dem Weg lesbar über das Netzwerk.
once-the-web-server-s-9cd19b68 = Sobald das Windows des Webservers TLS 1.0 abschaltet, steht im Fehlerprotokoll Ihrer Website „A call to SSPI failed, see inner exception.“ („The client and server cannot communicate, because they do not possess a common algorithm“): Es gilt dieselbe Lösung.
the-server-s-security-certificate-04fd7a4d = Das Sicherheitszertifikat des Servers gilt für einen anderen Servernamen
a-certificate-the-server-s-dd0086e8 = Ein Zertifikat (der Identitätsnachweis des Servers) listet die Namen auf, für die es gilt, und der Name in `host` ist nicht darunter. Das ist bei Shared Hosting häufig: Dort trägt das Zertifikat den Servernamen des Hosting-Anbieters statt Ihrer Domain.
change-host-to-a-name-ee8ec06c = Ändern Sie `host` auf einen Namen, für den das Zertifikat gilt (Ihre Hosting-Verwaltung zeigt ihn meist als Namen des Mailservers an).
if-the-name-must-stay-880e7635 = Wenn der Name bleiben muss, bitten Sie Ihren Hosting-Anbieter, ihn in das Zertifikat aufzunehmen.
the-server-s-security-certificate-354d75d4 = Dem Sicherheitszertifikat des Servers wird nicht vertraut
the-certificate-the-server-s-4ec64fb5 = Für das Zertifikat (den Identitätsnachweis des Servers) bürgt keine Zertifizierungsstelle, der dieser Computer vertraut. Es ist vielleicht selbst signiert (vom Server für sich selbst erstellt), der Server lässt vielleicht das Zwischenzertifikat weg, das es mit einer vertrauenswürdigen Stelle verbindet, oder ein Sicherheitsprogramm in diesem Netzwerk ersetzt es.
ask-your-mail-provider-or-232ac121 = Bitten Sie Ihren Mail-Anbieter oder Hosting-Anbieter, ein Zertifikat einer öffentlichen Zertifizierungsstelle (zum Beispiel Let's Encrypt) samt Zwischenzertifikat zu installieren.
if-the-server-belongs-to-8f76e621 = Wenn der Server zu Ihrer eigenen Organisation gehört und eine private Zertifizierungsstelle verwendet, geben Sie dem Test das Zertifikat dieser Stelle unter „Zusätzliche CA-Datei“ in Erweitert (`--ca-file` auf der Kommandozeile); auch der Server, auf dem Ihre Website läuft, muss ihr vertrauen.
or-change-host-to-the-8c9dc251 = Oder ändern Sie `host` auf den Servernamen, den Ihr Anbieter empfiehlt: Er hat meist ein gültiges Zertifikat.
the-server-s-security-certificate-d63d22af = Das Sicherheitszertifikat des Servers ist abgelaufen
a-certificate-the-server-s-572e2148 = Ein Zertifikat (der Identitätsnachweis des Servers) gilt nur für einen festgelegten Zeitraum, und dieses liegt außerhalb davon. Mailprogramme, auch ASP.NET, lehnen einen solchen Server ab, um Ihr Passwort zu schützen.
tell-your-mail-provider-or-98ff1f18 = Teilen Sie Ihrem Mail-Anbieter oder Hosting-Anbieter mit, dass das Zertifikat des Mailservers abgelaufen ist; nur er kann es erneuern.
check-that-this-computer-s-216e1f80 = Prüfen Sie, ob Datum und Uhrzeit dieses Computers stimmen: Eine falsch gehende Uhr lässt gültige Zertifikate abgelaufen aussehen.
the-server-s-security-certificate-45756667 = Das Sicherheitszertifikat des Servers ist noch nicht gültig
a-certificate-the-server-s-e8a30f57 = Ein Zertifikat (der Identitätsnachweis des Servers) gilt erst ab einem festgelegten Datum, und nach der Uhr dieses Computers ist dieses Datum noch nicht erreicht. Meist geht die Uhr dieses Computers falsch; seltener hat der Server ein Zertifikat mit einem Datum in der Zukunft.
check-that-this-computer-s-0e843109 = Prüfen Sie, ob Datum, Uhrzeit und Zeitzone dieses Computers stimmen, und testen Sie dann erneut.
if-the-clock-is-right-8f493c61 = Wenn die Uhr stimmt, teilen Sie Ihrem Mail-Anbieter mit, dass das Zertifikat des Mailservers noch nicht gültig ist.
the-server-wants-an-encrypted-fa383e8e = Der Server verlangt eine verschlüsselte Verbindung oder eine Anmeldung
asp-net-shows-this-message-0837b825 = ASP.NET zeigt diese Meldung bei zwei verschiedenen Ablehnungen: Der Server verlangt Verschlüsselung mit STARTTLS (so wechselt ein Mailserver zu einer verschlüsselten Verbindung), oder er verlangt zuerst eine Anmeldung. Die eigenen Worte des Servers nach „The server response was:“ sagen, was davon.
set-enablessl-to-true-and-8c899e5c = Setzen Sie `enableSsl` auf `true` und verwenden Sie `port` `587`.
test-again-if-it-still-548726f4 = Testen Sie erneut; wenn es weiterhin scheitert, sagt die Antwort des Servers, was von beiden fehlt.
your-website-and-the-mail-074c2270 = Ihre Website und der Mailserver haben keine Verschlüsselungsversion gefunden, die beide sprechen
the-remote-party-has-closed-5bd76f7e = „The remote party has closed the transport stream“ und „do not possess a common algorithm“ bedeuten, dass der Verschlüsselungs-Handshake scheiterte, bevor etwas gesendet wurde. Mailserver akzeptieren heute nur noch TLS 1.2 oder neuer, während .NET-Framework-Websites mit Ziel 4.5.2 oder älter standardmäßig nur TLS 1.0 anbieten: die übliche Ursache.
check-targetframework-in-web-config-52086986 = Prüfen Sie `targetFramework` in der web.config (`<httpRuntime targetFramework="…" />`): Wenn dort 4.5.2 oder niedriger steht, schreiben Sie `<httpRuntime targetFramework="4.8" />` (.NET Framework 4.8 muss auf dem Webserver installiert sein; Ihr Hosting-Anbieter kann es Ihnen sagen).
or-have-your-developer-add-de3780a8 = Oder lassen Sie Ihren Entwickler `ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;` dort hinzufügen, wo die Website startet.
if-the-site-already-targets-957e6eff = Wenn die Website bereits auf 4.7 oder neuer zielt, führen Sie den Test hier mit denselben Einstellungen aus: Er zeigt, ob der Server selbst ein Problem mit der Verschlüsselung hat.

## src/discover/autoconfig.rs

the-file-names-no-outgoing-da3cda86 = die Datei nennt keinen Postausgangsserver (SMTP)
tls-set-up-failed-err-0e784387 = TLS-Einrichtung gescheitert ({ $err })
could-not-set-up-the-7a58deaf = der Download konnte nicht eingerichtet werden ({ $err })
the-web-server-answered-status-bb1a36ee = der Webserver antwortete { $status }
the-file-is-far-too-8ea85755 = die Datei ist für eine Autoconfig-Datei viel zu groß
no-answer-in-time-132d9f04 = keine Antwort in der Zeit
could-not-connect-87553579 = keine Verbindung möglich
the-download-failed-6b35b8c9 = der Download ist gescheitert
no-answer-in-time-cause-dd991151 = keine Antwort in der Zeit: { $cause }
could-not-connect-cause-d51a1172 = keine Verbindung möglich: { $cause }
the-download-failed-cause-7b220fc2 = der Download ist gescheitert: { $cause }

## src/discover/mod.rs

this-computer-s-dns-settings-df57410c = die DNS-Einstellungen dieses Computers
cancelled-before-a-usable-server-e60f4d58 = Abgebrochen, bevor ein nutzbarer Server gefunden wurde.

## src/discover/model.rs

the-host-you-gave-b4172f6e = von Ihnen angegebener Host
srv-record-submission-tcp-fd4f9e08 = SRV-Eintrag _submission._tcp
srv-record-submissions-tcp-6f770ec3 = SRV-Eintrag _submissions._tcp
provider-recognised-from-mx-6cfcf862 = anhand von MX erkannter Anbieter
autoconfig-file-74e867c6 = Autoconfig-Datei
mx-record-7aaa82a5 = MX-Eintrag
usual-name-8ddec150 = üblicher Name
dns-settings-dc95a679 = DNS-Einstellungen
nothing-527dae8a = nichts
open-d35ec4c9 = offen
refused-60acd1e3 = abgewiesen
timed-out-9a0e1624 = Zeit überschritten
name-not-found-b063b887 = Name nicht gefunden
unreachable-d89e21f1 = nicht erreichbar
cancelled-845df81c = abgebrochen

## src/discover/probe.rs

host-has-no-address-detail-775916bb = { $host } hat keine Adresse: { $detail }

## src/discover/rank.rs

internet-providers-and-cloud-hosts-c4d8c14d = Internet- und Cloud-Anbieter blockieren oft ausgehend Port 25 (und manchmal 465 und 587). Diese Prüfung lief von diesem Computer aus: Der Server, auf dem Ihre Website läuft, ist vielleicht anders gesperrt. Wenn die Website trotzdem keine Verbindung bekommt, fragen Sie deren Hosting-Anbieter, ob er ausgehende Mail-Ports blockiert.
found-through-the-source-c322eaae = Gefunden über: { $source }.
host-answers-but-its-certificate-58712b2f = { $host } antwortet, aber sein Zertifikat gilt für { $name }, daher würde die verschlüsselte Verbindung scheitern. Verwenden Sie stattdessen { $name } als Host (führen Sie `mailtester probe --host { $name }` aus, um ihn zu prüfen).
the-only-secure-server-found-5b1b0033 = Der einzige gefundene sichere Server verwendet SSL ab Verbindungsbeginn (Port 465), was System.Net.Mail von ASP.NET nicht nutzen kann. Fragen Sie Ihren Mail-Anbieter nach einem Server mit STARTTLS auf Port 587, oder verwenden Sie einen Mail-Versanddienst.
no-server-answered-on-any-1152159c = Von diesem Computer aus hat kein Server auf irgendeinem Port geantwortet. Prüfen Sie die Adresse, oder versuchen Sie es aus einem anderen Netzwerk: Dieses blockiert vielleicht ausgehende Mail-Ports.
no-server-offered-an-encrypted-3a856083 = Kein Server hat eine verschlüsselte Verbindung mit einer Anmeldung angeboten, die Ihre Website nutzen kann. Fragen Sie Ihren Mail-Anbieter, welchen Postausgangsserver (SMTP), Port und welche Sicherheit Sie verwenden sollen.
this-name-does-not-exist-3844c68d = Diesen Namen gibt es im DNS nicht.
not-finished-cancelled-052fcd59 = Nicht fertig: abgebrochen.
port-port-refused-the-connection-78196336 = Port { $port } hat die Verbindung abgewiesen: Dort nimmt nichts Mails an.
no-answer-on-port-port-f2d9fb6a = Keine Antwort auf Port { $port }: Er ist unterwegs gesperrt, oder der Server ignoriert ihn.
could-not-reach-port-port-e626ab15 = Port { $port } ist von diesem Computer aus nicht erreichbar.
port-port-accepts-connections-but-c44f4dbc = Port { $port } nimmt Verbindungen an, grüßt aber nie wie ein Mailserver.
port-port-wants-ssl-on-08854b61 = Port { $port } verlangt SSL ab Verbindungsbeginn, was ASP.NET (System.Net.Mail) nicht beherrscht; verwenden Sie ihn nie in der web.config.
unencrypted-enablessl-false-this-server-4741a147 = Unverschlüsselt (enableSsl="false"): Dieser Server bietet STARTTLS an, lassen Sie SSL also eingeschaltet.
unencrypted-with-no-sign-in-dd28ec6f = Unverschlüsselt, ohne angebotene Anmeldung: Hier würde nur ein Relay Mails annehmen, das die Adresse Ihres Servers kennt.
unencrypted-the-password-would-cross-99107547 = Unverschlüsselt: Das Passwort ginge für jeden auf dem Weg lesbar über das Netzwerk; verwenden Sie stattdessen STARTTLS.
no-certificate-6f3ef809 = kein Zertifikat
certificate-trusted-9c31dd2b = Zertifikat vertrauenswürdig
the-certificate-is-for-name-3c436d2f = das Zertifikat gilt für { $name }, nicht für { $host }: Verwenden Sie { $name } als Host
the-certificate-is-not-for-5c16eb77 = das Zertifikat gilt nicht für { $host }
the-certificate-has-expired-a80ab172 = das Zertifikat ist abgelaufen
the-certificate-is-not-from-dace93b1 = das Zertifikat stammt nicht von einer vertrauenswürdigen Zertifizierungsstelle
the-certificate-is-not-valid-fd6b02ae = das Zertifikat ist nicht gültig
what-accepted-because-invalid-certificat-654eb2c8 = { $what } (angenommen, weil ungültige Zertifikate erlaubt sind)

## src/discover/reasons.rs

ssl-on-connect-on-port-8381ea47 = SSL ab Verbindungsbeginn auf Port { $port } ist gescheitert: { $problem }
starttls-on-port-port-failed-b828dcbf = STARTTLS auf Port { $port } ist gescheitert: { $problem }
ssl-on-connect-on-port-6006be8e = SSL ab Verbindungsbeginn auf Port { $port } funktioniert, aber { $what }.
starttls-on-port-port-works-0c771c86 = STARTTLS auf Port { $port } funktioniert, aber { $what }.
ssl-on-connect-on-port-60ce1025 = SSL ab Verbindungsbeginn auf Port { $port } funktioniert ({ $certificate }), aber es wird keine Anmeldung angeboten: Nur ein Relay, das die Adresse Ihres Servers kennt, würde Mails annehmen.
starttls-on-port-port-works-f984c06d = STARTTLS auf Port { $port } funktioniert ({ $certificate }), aber es wird keine Anmeldung angeboten: Nur ein Relay, das die Adresse Ihres Servers kennt, würde Mails annehmen.
ssl-on-connect-on-port-90b0d615 = SSL ab Verbindungsbeginn auf Port { $port } funktioniert, aber die Anmeldung geht dort nur per { $offered }, und ASP.NET meldet sich per LOGIN an.
starttls-on-port-port-works-d8016efd = STARTTLS auf Port { $port } funktioniert, aber die Anmeldung geht dort nur per { $offered }, und ASP.NET meldet sich per LOGIN an.
ssl-on-connect-on-port-93cce076 = SSL ab Verbindungsbeginn auf Port { $port } mit Anmeldung ({ $offered }) nach der Verschlüsselung, { $certificate }.
starttls-on-port-port-with-70b23d3e = STARTTLS auf Port { $port } mit Anmeldung ({ $offered }) nach der Verschlüsselung, { $certificate }.

## src/discover/request.rs

given-is-not-an-email-aba196ff = "{ $given }" ist weder eine E-Mail-Adresse noch ein Servername, den wir suchen können; geben Sie etwas an wie --email you@example.com oder --host mail.example.com
could-not-use-the-certificate-48b99cc8 = die Zertifikatsdatei konnte nicht verwendet werden ({ $detail }); geben Sie mit --ca-file eine PEM- oder DER-Datei (.cer) an: { $path }

## src/discover/run.rs

built-in-roots-418ee249 = (eingebaute Stammzertifikate)
autoconfig-for-domain-b5ed5741 = Autoconfig für { $domain }
no-answer-from-dns-in-36c18acb = keine Antwort vom DNS in der Zeit
no-address-690ce026 = keine Adresse

## src/discover/sources.rs

the-mx-hosts-against-the-97badb2f = die MX-Hosts im Abgleich mit der Anbietertabelle
no-known-provider-runs-these-45681bfb = kein bekannter Anbieter betreibt diese MX-Hosts
the-usual-names-for-domain-e2a756b7 = die üblichen Namen für { $domain }
no-such-record-f2abe916 = kein solcher Eintrag

## src/dns.rs

could-not-read-this-computer-ef192af0 = die DNS-Einstellungen dieses Computers konnten nicht gelesen werden ({ $detail }); nennen Sie mit --dns-server einen DNS-Server, zum Beispiel --dns-server 1.1.1.1:53
could-not-set-up-dns-dc830dd9 = DNS-Abfragen konnten nicht eingerichtet werden ({ $detail }); prüfen Sie --dns-server
could-not-read-all-of-2aebf030 = nicht alle DNS-Einstellungen dieses Computers konnten gelesen werden ({ $error }); verwende die öffentlichen DNS-Server { $servers }. Nennen Sie einen anderen mit der Einstellung DNS-Server (--dns-server).
could-not-read-all-of-8d6abebb = nicht alle DNS-Einstellungen dieses Computers konnten gelesen werden ({ $error }); verwende seine anderen DNS-Server ({ $servers }). Nennen Sie einen anderen mit der Einstellung DNS-Server (--dns-server).
text-is-not-an-ip-3e862c8c = "{ $text }" ist keine IP-Adresse mit optionalem Port wie 1.1.1.1:53

## src/event.rs

resolve-host-96e6a1b3 = Host auflösen
connect-aae0ccf9 = Verbinden
tls-handshake-8af0d15f = TLS-Handshake
greeting-d4edbfb6 = Begrüßung
sign-in-auth-c6f2a51c = Anmelden (AUTH)
connect-db89a899 = Verbinden
secure-connection-03f2ee68 = Verschlüsselte Verbindung
sign-in-744be623 = Anmelden
send-message-d97db31c = Nachricht senden
t-1-ms-94c7ac32 = <1 ms
ms-ms-f79070b7 = { $ms } ms

## src/files.rs

it-is-not-a-regular-f71db6cc = es ist keine normale Datei

## src/fleet/iis.rs

line-line-column-column-problem-e86e7c22 = Zeile { $line }, Spalte { $column }: { $problem }
line-line-column-column-23009a9d = Zeile { $line }, Spalte { $column }
the-file-could-not-be-08983729 = die Datei konnte nicht gelesen werden
iis-s-list-of-sites-26e20999 = die Website-Liste von IIS konnte nicht gelesen werden: { $err }
iis-site-name-its-folder-f50c08fe = IIS-Website "{ $name }": ihr Ordner nennt { $variable }, das hier nicht gesetzt ist
iis-site-name-its-folder-8d62d056 = IIS-Website "{ $name }": ihr Ordner ist ein Windows-Pfad, der hier nicht geöffnet werden kann; führen Sie die Suche auf dem Windows-Server selbst aus
iis-site-name-its-folder-d89eb25d = IIS-Website "{ $name }": ihr Ordner ist nicht vorhanden

## src/fleet/judge.rs

the-server-answered-as-this-ad49dbb9 = Der Server hat so geantwortet, wie diese Website es braucht; nichts gefunden, was ihre Mails aufhält.
this-website-s-mail-program-1a7b3381 = das Mailprogramm dieser Website
port-465-expects-ssl-on-af8f9883 = Port 465 erwartet SSL ab Verbindungsbeginn, was ASP.NET nicht beherrscht: Es wird auf eine Begrüßung warten, die nie kommt
nothing-in-the-files-stops-d06c6341 = Nichts in den Dateien hält sie auf; der Server wurde nicht kontaktiert (--offline).

## src/fleet/model.rs

the-mail-settings-are-encrypted-a053936c = die Mail-Einstellungen sind verschlüsselt (aspnet_regiis -pe); entschlüsseln Sie sie auf dem Server, um sie zu prüfen
the-file-could-not-be-695620a2 = die Datei konnte nicht als { $what } gelesen werden: { $detail }
the-file-could-not-be-576c03c8 = die Datei konnte nicht geöffnet werden: { $arg0 }
the-file-is-0-bytes-1ce04a19 = die Datei ist { $arg0 } Bytes groß, zu groß für eine Konfigurationsdatei; übersprungen
the-file-holds-binary-data-062499d0 = die Datei enthält Binärdaten, keinen Text; übersprungen

## src/fleet/read/appsettings.rs

the-mail-section-s-port-af08395b = der Port im Mail-Abschnitt ist keine ganze Zahl
securesocketoptions-is-not-one-of-8884005f = SecureSocketOptions ist keiner der Werte None, Auto, SslOnConnect, StartTls, StartTlsWhenAvailable (oder 0 bis 4)
the-mail-section-s-ssl-6926e20b = der SSL-Schalter im Mail-Abschnitt ist weder true noch false
the-file-ends-inside-a-4c672aa5 = die Datei endet mitten in einem Wert (eine Klammer oder ein Anführungszeichen ist nicht geschlossen)
this-is-not-valid-json-d2ad7323 = das ist kein gültiges JSON (fehlt ein Komma, ein Anführungszeichen oder eine Klammer?)
line-line-a-comment-starts-d2dcdf02 = Zeile { $line }: hier beginnt ein /*-Kommentar, der nie geschlossen wird

## src/fleet/read/dotenv.rs

mail-scheme-must-be-smtp-12aa34e8 = MAIL_SCHEME muss smtp oder smtps sein: Laravel lehnt jeden anderen Wert ab und sendet keine Mails (für SSL ab Verbindungsbeginn schreiben Sie smtps, oder verwenden Sie Port 465)
mail-port-is-not-a-878b9e36 = MAIL_PORT ist keine ganze Zahl
mailer-dsn-is-empty-in-0c586ff2 = MAILER_DSN ist in dieser .env-Datei leer: Der verwendete Mailserver ist in .env.local (oder .env.prod.local) oder in der Umgebung des Servers gesetzt
key-in-the-env-file-46fc61eb = { $key } in der .env-Datei übernimmt seinen Wert aus einer anderen Variable, die die Datei nicht setzt: Er kommt aus der Umgebung des Servers (den Einstellungen des Webservers oder von PHP); prüfen Sie ihn dort
key-in-the-env-file-bbcf231a = { $key } in der .env-Datei übernimmt seinen Wert aus { $variable }, das die Datei nicht setzt: Er kommt aus der Umgebung des Servers (den Einstellungen des Webservers oder von PHP); prüfen Sie ihn dort
line-line-not-a-name-c3f707ea = Zeile { $line }: keine Zeile der Form NAME=Wert (prüfen Sie die Anführungszeichen; ein Wert mit Leerzeichen braucht Anführungszeichen)

## src/fleet/read/dotenv_dsn.rs

key-names-several-mail-servers-49d562aa = { $key } nennt mehrere Mailserver (failover oder roundrobin): Prüfen Sie jeden einzeln
key-is-not-a-mail-c141a1af = { $key } ist keine Mailserver-Adresse, die Symfony Mailer akzeptiert (es fehlt ein Schema wie smtp://); die Form ist smtp://user:password@host:port
key-is-not-a-mail-597b5d63 = { $key } ist keine Mailserver-Adresse, die Symfony Mailer akzeptiert (sie nennt keinen Host); die Form ist smtp://user:password@host:port
key-is-not-a-mail-959f07e4 = { $key } ist keine Mailserver-Adresse, die Symfony Mailer akzeptiert (ihr Port ist keine ganze Zahl); die Form ist smtp://user:password@host:port

## src/fleet/read/webconfig.rs

the-mail-settings-are-kept-ac312744 = die Mail-Einstellungen stehen in "{ $source }" (configSource), das nicht vorhanden ist
the-mail-settings-are-kept-34535e3f = die Mail-Einstellungen stehen in "{ $source }" (configSource), das keine Datei nennt; es muss eine Datei neben der web.config oder in einem Ordner darunter nennen
the-mail-settings-are-kept-27850fc0 = die Mail-Einstellungen stehen in "{ $source }" (configSource), einem absoluten Pfad, der nicht gelesen wird; es muss eine Datei neben der web.config oder in einem Ordner darunter nennen
the-mail-settings-are-kept-ca9f69a5 = die Mail-Einstellungen stehen in "{ $source }" (configSource), das außerhalb des Website-Ordners liegt; es muss eine Datei neben der web.config oder in einem Ordner darunter nennen
the-mail-settings-are-kept-31a5b4e0 = die Mail-Einstellungen stehen in "{ $source }" (configSource), das aus dem Website-Ordner hinausführt (ein symbolischer Link); es muss eine Datei neben der web.config oder in einem Ordner darunter nennen
the-xml-could-not-be-1fb3dcda = das XML konnte nicht gelesen werden
in-file-configsource-line-line-0c6d9a6f = in "{ $file }" (configSource), Zeile { $line }, Spalte { $column }: { $problem }
the-mail-settings-are-kept-09fd0bbe = die Mail-Einstellungen stehen in "{ $file }" (configSource), das mit <{ $root }> statt mit <smtp> beginnt
the-first-element-is-root-6db531d1 = das erste Element ist <{ $root }>, nicht <configuration>
in-file-configsource-the-mail-d449392a = in "{ $file }" (configSource) konnten die Mail-Einstellungen nicht gelesen werden
the-mail-settings-could-not-4480c8b3 = die Mail-Einstellungen konnten nicht gelesen werden
this-web-config-inherits-mail-b55d376d = diese web.config erbt Mail-Einstellungen von der web.config eines übergeordneten Ordners, die nicht gelesen werden konnte ({ $err }): { $path }
attribute-value-is-not-true-5069d63f = { $attribute }="{ $value }" ist weder true noch false, daher bricht ASP.NET mit einem Konfigurationsfehler ab
deliverymethod-value-is-not-network-a12fa162 = deliveryMethod="{ $value }" ist weder Network noch SpecifiedPickupDirectory noch PickupDirectoryFromIis, daher bricht ASP.NET mit einem Konfigurationsfehler ab
port-value-is-not-a-25b8c42f = port="{ $value }" ist keine ganze Zahl, daher bricht ASP.NET mit einem Konfigurationsfehler ab

## src/fleet/read/wordpress.rs

line-line-problem-02d07e14 = Zeile { $line }: { $problem }
wp-mail-smtp-s-constants-786694b4 = Die Konstanten von WP Mail SMTP sind eingeschaltet, aber WPMS_MAILER ist in wp-config.php nicht gesetzt: Welchen Mailer WP Mail SMTP verwendet, steht in der WordPress-Datenbank (WP Mail SMTP > Settings im Adminbereich der Website), die diese Prüfung nicht liest
wp-mail-smtp-s-constants-7a02d053 = Die Konstanten von WP Mail SMTP sind eingeschaltet, aber WPMS_SMTP_HOST ist in wp-config.php nicht gesetzt: Der verwendete Mailserver steht in der WordPress-Datenbank (WP Mail SMTP > Settings im Adminbereich der Website), die diese Prüfung nicht liest
name-is-defined-more-than-59afc853 = { $name } ist in wp-config.php mehrmals mit verschiedenen Werten definiert (Zeilen { $line } und { $other }); welcher gilt, hängt von Bedingungen in der Datei ab: Prüfen Sie es auf dem Server
name-in-wp-config-php-b9b0d0ae = { $name } in wp-config.php (Zeile { $line }) wird von PHP-Code berechnet, nicht als einfacher Wert geschrieben; sehen Sie auf dem Server nach, was herauskommt, um diese Website zu prüfen
wp-mail-smtp-s-constants-6628db44 = Die Konstanten von WP Mail SMTP sind ausgeschaltet (WPMS_ON ist nicht true) (WPMS_ON ist nicht definiert): Die verwendeten Einstellungen stehen in der WordPress-Datenbank (WP Mail SMTP > Settings im Adminbereich der Website), die diese Prüfung nicht liest
wp-mail-smtp-s-constants-34b65098 = Die Konstanten von WP Mail SMTP sind ausgeschaltet (WPMS_ON ist nicht true): Die verwendeten Einstellungen stehen in der WordPress-Datenbank (WP Mail SMTP > Settings im Adminbereich der Website), die diese Prüfung nicht liest
wp-mail-smtp-s-constants-0e156393 = Die Konstanten von WP Mail SMTP sind ausgeschaltet (WPMS_ON ist nicht true): WPMS_ON muss der PHP-Wert true sein, ohne Anführungszeichen geschrieben: Die verwendeten Einstellungen stehen in der WordPress-Datenbank (WP Mail SMTP > Settings im Adminbereich der Website), die diese Prüfung nicht liest

## src/fleet/read/wordpress_lexer.rs

a-quoted-string-starts-here-8301b510 = hier beginnt ein Text in Anführungszeichen, der über mehrere Zeilen läuft; die Datei endet mitten im Text, hier fehlt also wahrscheinlich ein Anführungszeichen
a-quoted-string-starts-here-f2be9f2f = hier beginnt ein Text in Anführungszeichen, der nie geschlossen wird
a-heredoc-string-starts-here-9a40e56f = hier beginnt ein Heredoc-Text, der nie geschlossen wird

## src/fleet/read/wordpress_php.rs

a-constant-s-definition-here-aa6ad48d = die Definition einer Konstante wird hier nie geschlossen

## src/fleet/report.rs

sites-broken-broken-at-risk-8ae33c1d = { $sites }: { $broken } defekt, { $at_risk } gefährdet, { $unknown } unbekannt, { $ok } OK; { $servers }, nicht kontaktiert (--offline)
sites-broken-broken-at-risk-5ceb8ca8 = { $sites }: { $broken } defekt, { $at_risk } gefährdet, { $unknown } unbekannt, { $ok } OK; { $servers }, jeder einmal kontaktiert

## src/fleet/scan.rs

not-trusted-problem-a72ac742 = nicht vertrauenswürdig: { $problem }

## src/fleet/walk/load.rs

the-tester-failed-while-reading-45d644d4 = der Tester ist beim Lesen gescheitert (ein Programmfehler; bitte melden Sie ihn)
permission-denied-this-account-may-6fd3f362 = Zugriff verweigert: Dieses Konto darf sie nicht lesen; führen Sie die Suche als Benutzer aus, der es darf (ein Administrator oder root)
it-is-not-there-or-26791bda = sie ist nicht vorhanden (oder ein symbolischer Link auf etwas, das nicht vorhanden ist)

## src/fleet/walk.rs

a-symbolic-link-loop-it-3f5ee203 = eine Schleife aus symbolischen Links: Sie führt zu einem übergeordneten Ordner zurück und wurde daher nicht betreten: { $folder }
the-folder-to-scan-could-71e8ff6b = der zu durchsuchende Ordner konnte nicht gelesen werden: { $reason }
it-could-not-be-read-e776a2b9 = sie konnte nicht gelesen werden: { $reason }
could-not-be-read-err-a4a50f9d = konnte nicht gelesen werden: { $err }

## src/gui/app.rs

saved-to-path-81572862 = Gespeichert unter { $path }

## src/gui/app_data.rs

run-a-successful-test-first-a67cdc58 = Führen Sie zuerst einen erfolgreichen Test aus: Nur funktionierende Einstellungen kommen in die web.config.
path-already-has-these-settings-e3ba752a = { $path } enthält diese Einstellungen bereits: nichts zu ändern.
web-config-updated-the-old-7f855d8e = web.config aktualisiert. Die alte Datei ist aufbewahrt als { $backup }.
web-config-already-had-these-7b4733bb = Die web.config enthielt diese Einstellungen bereits: Es wurde nichts geschrieben.
password-filled-in-from-the-f2da34c8 = Passwort aus dem Schlüsselbund des Systems eingesetzt.

## src/gui/arrive.rs

will-it-arrive-06141c0a = Kommt sie an?
checking-the-dns-of-domain-b7ccbc42 = Prüfe das DNS von { $domain } …
your-server-took-the-message-5ccd8281 = Ihr Server hat die Nachricht angenommen. Ob die Postfächer Ihrer Kunden sie annehmen, hängt davon ab, was { $domain } im DNS veröffentlicht (SPF, DKIM und DMARC): Gmail, Outlook.com und andere prüfen das bei jeder Nachricht.
check-my-domain-abc31f65 = Meine Domain prüfen
name-0fe07306 = Name
type-d155d06d = Typ
copy-value-8902f3e5 = Wert kopieren
dns-record-803b41a1 = DNS-Eintrag

## src/gui/certificate_view.rs

valid-for-this-server-from-355e575b = Gültig für diesen Server, von einer Zertifizierungsstelle, der dieser Computer vertraut.
no-authority-this-computer-trusts-9bf7a28b = Keine Zertifizierungsstelle, der dieser Computer vertraut, bürgt dafür (selbst signiert oder eine private Stelle): Ihre Website wird es ablehnen.
expired-or-not-valid-yet-5b17fef0 = Abgelaufen (oder noch nicht gültig): Ihre Website wird es ablehnen.
issued-for-other-names-than-7a13a5e6 = Für andere Namen als diesen Server ausgestellt: Ihre Website wird es ablehnen.
issued-for-other-names-than-d98c0689 = Für andere Namen als diesen Server ausgestellt: Verwenden Sie stattdessen { $name } als Server.
not-acceptable-your-website-will-e8804bfb = Nicht annehmbar: Ihre Website wird es ablehnen.
refused-problem-25d0d4f8 = Abgelehnt: { $problem }
accepted-only-because-you-allowed-a802d3e1 = Nur angenommen, weil Sie ungültige Zertifikate erlaubt haben; Ihre Website wird es ablehnen: { $problem }
certificate-of-server-1a556eea = Zertifikat von { $server }
issued-for-6714067b = Ausgestellt für
subject-a07924ef = Inhaber
issued-by-32d73b71 = Ausgestellt von
valid-from-5c4db35f = Gültig ab
valid-until-ae5379d5 = Gültig bis
key-cd1ac90c = Schlüssel
it-signs-itself-self-signed-ffdfbb41 = Es signiert sich selbst (selbst signiert).
close-cd86acc3 = Schließen
the-server-showed-a-certificate-fc7f0c41 = Der Server hat ein Zertifikat vorgelegt:
certificate-164f4d6c = Zertifikat …

## src/gui/clipboard.rs

the-clipboard-holds-no-text-0e51ef9b = Die Zwischenablage enthält keinen Text. Markieren Sie die Fehlermeldung, kopieren Sie sie (Strg+C) und klicken Sie dann erneut auf „Einfügen und erklären“.
could-not-read-the-clipboard-55ca3f2e = Die Zwischenablage konnte nicht gelesen werden ({ $error }). Klicken Sie stattdessen in das Feld und drücken Sie Strg+V.
could-not-read-the-clipboard-d8d75827 = Die Zwischenablage konnte nicht gelesen werden ({ $error }).

## src/gui/countdown.rs

ways-out-663fc101 = Lösungswege
switch-to-azure-communication-services-5028f1c1 = Zu Azure Communication Services wechseln …
fills-in-the-server-port-52b97455 = Setzt Server, Port und SSL ein; geben Sie dann den SMTP-Benutzernamen und den geheimen Clientschlüssel der App ein und testen Sie
test-oauth-sign-in-instead-6121b8ed = Stattdessen OAuth-Anmeldung testen …
switches-sign-in-to-microsoft-21e22962 = Stellt die Anmeldung auf Microsoft 365 (OAuth) um; geben Sie Tenant, Client-ID und geheimen Schlüssel der App ein und testen Sie

## src/gui/data.rs

background-work-failed-err-6348a5e0 = Hintergrundarbeit gescheitert: { $err }
saved-the-profile-name-without-7601dd12 = Profil "{ $name }" gespeichert (ohne Passwort).
renamed-old-to-new-81c2e66b = "{ $old }" in "{ $new }" umbenannt.
deleted-the-profile-name-02cadbdf = Profil "{ $name }" gelöscht.
password-saved-in-the-system-caf1d26b = Passwort im Schlüsselbund des Systems gespeichert.
password-removed-from-the-system-bf5241d1 = Passwort aus dem Schlüsselbund des Systems entfernt.
the-system-keyring-had-no-79911590 = Der Schlüsselbund des Systems enthielt kein Passwort für diese Einstellungen.
error-in-path-fb673a64 = { $error } (in { $path })

## src/gui/data_ui.rs

profile-cd17328e = Profil
not-saved-0cbbe4ae = (nicht gespeichert)
no-saved-profiles-yet-8e93c7bf = Noch keine gespeicherten Profile
save-profile-2155f443 = Profil speichern …
keep-these-settings-under-a-6f00abd5 = Diese Einstellungen unter einem Namen aufbewahren (nie das Passwort)
rename-8628af0d = Umbenennen …
delete-5797ea6a = Löschen
delete-this-profile-the-saved-9a91cae8 = Dieses Profil löschen (das gespeicherte Passwort bleibt im Schlüsselbund)
save-these-settings-as-a-baa6424a = Diese Einstellungen als Profil speichern
rename-the-profile-108df4fd = Profil umbenennen
profile-name-4a62f0b1 = Profilname
the-password-is-never-saved-847cc3d3 = Das Passwort wird nie in einem Profil gespeichert.
cancel-35afca3b = Abbrechen
what-we-found-in-your-30b437af = Was wir in Ihrer web.config gefunden haben
read-the-mail-settings-from-f888cdc5 = Die Mail-Einstellungen aus { $file } ins Formular übernommen.
nothing-looks-wrong-in-the-d8199839 = In den Mail-Einstellungen sieht nichts falsch aus.
message-line-line-fdb1cbdf = { $message } (Zeile { $line })
how-to-fix-it-fix-2f1add2f = So beheben Sie es: { $fix }
update-web-config-f17b814a = web.config aktualisieren
these-changes-will-be-written-d79bed29 = Diese Änderungen werden in { $path } geschrieben:
removed-414d3fcc = (entfernt)
show-the-exact-lines-diff-28e9792f = Die genauen Zeilen zeigen (diff)
a-copy-of-the-current-628d2468 = Zuerst wird eine Kopie der aktuellen Datei daneben gespeichert, und sonst ändert sich nichts in der Datei.
write-the-changes-d520b72a = Änderungen schreiben

## src/gui/explain.rs

explain-an-error-message-cfdd1096 = Fehlermeldung erklären
paste-the-error-your-website-a6f28df8 = Fügen Sie den Fehler ein, den Ihre Website protokolliert hat (oder die Antwort des Mailservers):
paste-and-explain-221ad80a = Einfügen und erklären
puts-what-you-copied-ctrl-188d8686 = Setzt ein, was Sie kopiert haben (Strg+C), und erklärt es
explain-99127ffc = Erklären
nothing-is-sent-anywhere-a2469521 = Es wird nichts irgendwohin gesendet.

## src/gui/find.rs

find-my-settings-784a8e8d = Meine Einstellungen finden
servers-tried-1c7ebb43 = Probierte Server
your-website-s-email-address-5928f99d = Die E-Mail-Adresse Ihrer Website (oder der Name Ihres Mailservers):
find-3e1cd17a = Suchen
stop-4b7f7705 = Stopp
tried-tried-trying-under-way-9d062519 = { $tried } probiert, { $trying } laufen
we-look-up-where-your-a611819d = Wir schlagen nach, wohin die Mails Ihrer Domain gehen, und klopfen bei jedem Server an: Es wird keine E-Mail gesendet, und kein Passwort verlässt diesen Computer.
stopped-before-every-server-answered-7abb5aa7 = Angehalten, bevor alle Server geantwortet haben: Unten steht, was bisher gefunden wurde.
no-server-answered-in-a-cacb09fc = Kein Server hat so geantwortet, dass Ihre Website ihn nutzen kann.
found-settings-your-website-can-a1d43a43 = Einstellungen gefunden, die Ihre Website nutzen kann
server-host-2b5c3c37 = Server (host)
port-e2c53cc6 = Port
use-ssl-enablessl-8787f948 = SSL verwenden (enableSsl)
use-these-settings-bdf41e24 = Diese Einstellungen verwenden
host-port-port-security-08e4532b = { $host }   Port { $port }   { $security }
host-port-port-254b241f = { $host }   Port { $port }
trying-bbcf4a72 = probiere …
use-ba1c5c94 = Verwenden
find-my-settings-d1ed1573 = Meine Einstellungen finden …
don-t-know-your-server-e5f6d9ac = Sie kennen Ihren Server, Port oder die SSL-Einstellung nicht? Finden Sie sie über Ihre E-Mail-Adresse.

## src/gui/find_handle.rs

filled-in-server-host-port-6e89d92b = Server { $host }, Port { $port } und „SSL verwenden“ an eingesetzt. Ergänzen Sie Benutzername und Passwort und klicken Sie dann auf „Test-E-Mail senden“.
filled-in-server-host-port-c99c513f = Server { $host }, Port { $port } und „SSL verwenden“ aus eingesetzt. Ergänzen Sie Benutzername und Passwort und klicken Sie dann auf „Test-E-Mail senden“.

## src/gui/find_sources.rs

can-this-computer-reach-host-7cb31d90 = Kann dieser Computer { $host } erreichen?
where-we-looked-count-c83eaeb4 = Wo wir gesucht haben ({ $count })

## src/gui/fleet.rs

save-the-csv-file-1dc67daf = CSV-Datei speichern
save-the-html-page-c594c9af = HTML-Seite speichern
csv-file-8ff668ab = CSV-Datei
html-page-671c72fb = HTML-Seite
could-not-save-the-csv-e61ea1e5 = Die CSV-Datei konnte nicht gespeichert werden ({ $error }). Wählen Sie einen Ordner, in den Sie schreiben dürfen: { $path }
could-not-save-the-html-7566ece5 = Die HTML-Seite konnte nicht gespeichert werden ({ $error }). Wählen Sie einen Ordner, in den Sie schreiben dürfen: { $path }
the-csv-file-could-not-2a54ae9b = Die CSV-Datei konnte nicht erstellt werden ({ $error }).
the-html-page-could-not-78e2bfa9 = Die HTML-Seite konnte nicht erstellt werden ({ $error }).
no-mail-server-to-contact-39076711 = Kein Mailserver zu kontaktieren
check-a-folder-of-sites-5d3e10c1 = Einen Ordner mit Websites prüfen
folder-with-the-sites-5c26d71c = Ordner mit den Websites
c-inetpub-vhosts-or-var-d1e18405 = C:\inetpub\vhosts  oder  /var/www
choose-folder-6d5da010 = Ordner wählen …
check-592c8de7 = Prüfen
also-contact-the-mail-servers-b5893b4c = Auch die Mailserver kontaktieren
each-server-once-its-greeting-9b299859 = Jeden Server einmal: seine Begrüßung, EHLO und STARTTLS. Keine Anmeldung, keine E-Mail. Aus: nur anhand der Dateien beurteilen.
use-the-passwords-from-the-b045ac63 = Die Passwörter aus den Dateien verwenden
open-in-the-tester-also-84b1a791 = „Im Tester öffnen“ setzt auch das Passwort aus der Datei der Website ein. Es bleibt nur im Arbeitsspeicher und wird nie gespeichert.
reads-every-web-config-wp-d0337aab = Liest jede web.config, wp-config.php, .env und appsettings.json unterhalb des Ordners. Es wird nichts geändert, keine E-Mail gesendet, und Passwörter verlassen diesen Computer nie.

## src/gui/fleet_handle.rs

no-folder-chosen-if-no-b4701bc1 = Kein Ordner gewählt. Wenn kein Ordnerfenster erschienen ist, tippen oder fügen Sie den Pfad des Ordners in das Feld ein.
this-site-does-not-sign-cae72903 = Diese Website meldet sich nicht an. Klicken Sie auf „Test-E-Mail senden“.
the-password-from-its-file-297f8f04 = Das Passwort aus ihrer Datei ist eingesetzt (nur im Arbeitsspeicher). Klicken Sie auf „Test-E-Mail senden“.
type-its-password-then-press-12e6e920 = Geben Sie ihr Passwort ein und klicken Sie dann auf „Test-E-Mail senden“.
filled-in-the-settings-of-672072f8 = Die Einstellungen von { $site } eingesetzt.
choose-the-folder-that-holds-61e3f817 = Wählen Sie den Ordner, der die Websites enthält

## src/gui/fleet_result.rs

stopped-before-the-end-sites-67c19f7b = Vor dem Ende angehalten: Websites, deren Server noch nicht geantwortet hatte, sind Unbekannt.
no-site-with-mail-settings-b7ae3397 = In diesem Ordner wurde keine Website mit Mail-Einstellungen gefunden. Prüfen Sie den Pfad, oder wählen Sie den Ordner, der die Ordner der Websites enthält.
could-not-look-at-1-1b13a133 = 1 Pfad konnte nicht angesehen werden
could-not-look-at-n-196912a3 = { $n } Pfade konnten nicht angesehen werden
show-a7e50a92 = Anzeigen:
sites-broken-broken-at-risk-c4acd5f6 = { $sites }: { $broken } defekt, { $at_risk } gefährdet, { $unknown } unbekannt, { $ok } OK.
servers-not-contacted-judged-from-378e4d23 = Server nicht kontaktiert: nur anhand der Dateien beurteilt.
t-1-mail-server-contacted-adfd49ef = 1 Mailserver kontaktiert.
n-mail-servers-contacted-69c9f42f = { $n } Mailserver kontaktiert.
t-1-file-read-in-seconds-1095aef9 = 1 Datei gelesen in { $seconds } s.
n-files-read-in-seconds-a93bf25f = { $n } Dateien gelesen in { $seconds } s.
export-csv-83c354ed = CSV exportieren …
export-html-e3ab8eb8 = HTML exportieren …
without-passwords-b3ac77a1 = Ohne Passwörter.
no-file-chosen-if-no-f03e4b59 = Keine Datei gewählt. Wenn kein Dateifenster erschienen ist, tippen Sie ein, wo gespeichert werden soll:
save-4d2d5d68 = Speichern

## src/gui/fleet_rows.rs

no-site-with-the-ticked-a04a9538 = Keine Website mit den angehakten Ergebnissen.
hide-this-server-s-sites-15babccc = Die Websites dieses Servers ausblenden
show-this-server-s-sites-bb62a985 = Die Websites dieses Servers einblenden
these-files-name-no-mail-83f851d8 = Diese Dateien nennen keinen zu kontaktierenden Mailserver oder konnten nicht gelesen werden.
not-contacted-judged-from-the-f2af1eaf = Nicht kontaktiert: nur anhand der Dateien beurteilt.
problem-problem-42bcd519 = Problem: { $problem }
answered-in-ms-ms-726e94b1 = Antwort in { $ms } ms
starttls-offered-923d1843 = STARTTLS angeboten
starttls-not-offered-c3ff6afa = STARTTLS nicht angeboten
after-methods-26067741 = danach: { $methods }
open-in-the-tester-11edc94a = Im Tester öffnen
put-this-site-s-settings-8cf673b6 = Die Einstellungen dieser Website ins Formular übernehmen, um sie Schritt für Schritt zu testen

## src/gui/fleet_words.rs

broken-65c915c0 = Defekt
at-risk-f7adc8fb = Gefährdet
unknown-cc200e59 = Unbekannt
n-broken-979d3c8c = { $n } defekt
n-at-risk-c43a32df = { $n } gefährdet
n-unknown-ceec02e5 = { $n } unbekannt
n-ok-035d2d5b = { $n } OK
looking-for-sites-in-the-c98fc7bb = Suche Websites im Ordner …
found-sites-judging-them-from-d4d88c3c = { $sites } gefunden; beurteile sie anhand der Dateien …
found-sites-using-servers-contacted-7bd3cb69 = { $sites } gefunden, sie nutzen { $servers }; { $contacted } von { $total } kontaktiert
n-sites-7e66b213 = { $n } Websites
t-1-server-9bf9c617 = 1 Server
n-servers-410e23c7 = { $n } Server

## src/gui/form.rs

server-6d7302f2 = Server
user-name-5a6db215 = Benutzername
usually-your-full-email-address-9d5ecf0a = meist Ihre vollständige E-Mail-Adresse
from-18743595 = Absender
send-the-test-to-5a257c61 = Test senden an
the-from-address-25355395 = (die Absenderadresse)
advanced-60f3de7b = Erweitert
provider-35a888dc = Anbieter
other-my-host-7c71a048 = Anderer / mein Hoster
user-name-hint-0a0e0850 = Benutzername: { $hint }
a-website-using-asp-net-d19fb58d = Eine Website mit ASP.NET (System.Net.Mail) kann sich bei diesem Anbieter nicht anmelden.
show-29742e5c = Anzeigen
remember-in-the-system-keyring-308bc6da = Im Schlüsselbund des Systems merken
after-a-test-signs-in-236d02df = Nach einer erfolgreichen Anmeldung im Test wird das Passwort im Schlüsselbund Ihres Systems aufbewahrt (nie in einer Datei) und eingesetzt, wenn Sie zu diesen Einstellungen zurückkehren.
forget-6e3fab8c = Vergessen
remove-the-saved-password-for-859341c3 = Das gespeicherte Passwort für diesen Benutzer, Server und Port entfernen
use-ssl-9cb78972 = SSL verwenden
in-code-smtpclient-enablessl-71b94a47 = im Code: SmtpClient.EnableSsl
encrypts-the-connection-with-starttls-e1630b78 = Verschlüsselt die Verbindung mit STARTTLS. ASP.NET 2.0–3.5 kennt kein enableSsl in der web.config: Der Code der Website schaltet es mit smtpClient.EnableSsl = true ein.
use-starttls-e899f629 = STARTTLS verwenden
encrypts-the-connection-with-starttls-54a9c52e = Verschlüsselt die Verbindung mit STARTTLS, so wie "SecureSocketOptions": "StartTls" in der appsettings.json. Fast jeder Anbieter braucht das auf Port 587.
encrypts-the-connection-with-starttls-0497ed8d = Verschlüsselt die Verbindung mit STARTTLS, so wie enableSsl="true" in der web.config. Fast jeder Anbieter braucht das auf Port 587.
encrypts-the-connection-starttls-or-77dd1ba1 = Verschlüsselt die Verbindung (STARTTLS oder SSL ab Verbindungsbeginn auf Port 465). Fast jeder Anbieter braucht das.
stop-the-test-esc-7ef17032 = Test anhalten (Esc)
testing-19d1cb65 = Teste …
send-test-email-1fb39495 = Test-E-Mail senden
sends-one-test-message-enter-66775012 = Sendet eine Testnachricht (Eingabetaste)
or-press-enter-ca33bfe9 = oder Eingabetaste drücken
fix-the-fields-marked-in-8a0ea9d4 = Korrigieren Sie die rot markierten Felder, um einen Test zu senden.
fill-in-the-server-the-e74fa0bd = Füllen Sie Server, Port und Absenderadresse aus, um einen Test zu senden.

## src/gui/form_advanced.rs

ehlo-name-2ccdfef0 = EHLO-Name
this-computer-s-name-f22607df = der Name dieses Computers
sign-in-service-8784367b = Anmeldedienst
the-provider-s-own-72f43ac3 = der des Anbieters
only-for-testing-against-another-a761009c = Nur zum Testen mit einem anderen OAuth-Server: https, oder http auf diesem Computer
connection-security-dd84debd = Verbindungssicherheit
automatic-from-use-ssl-3ad3100c = Automatisch (nach „SSL verwenden“)
ssl-on-connect-port-465-676e96b5 = SSL ab Verbindungsbeginn (Port 465)
no-encryption-f2785503 = Keine Verschlüsselung
timeouts-seconds-fcbede65 = Zeitlimits (Sekunden)
connect-timeout-083bac06 = Verbindungsaufbau
greeting-timeout-0def4115 = Begrüßung
reply-timeout-c36384e8 = Antwort
reply-29931627 = Antwort
whole-test-timeout-e3df8c9b = Ganzer Test
whole-test-66553338 = ganzer Test
final-reply-timeout-33be1638 = Letzte Antwort
final-reply-b01ca957 = letzte Antwort
accept-an-invalid-certificate-3339b9cc = Ungültiges Zertifikat annehmen
unsafe-an-impostor-could-read-7ecf6263 = Unsicher: Ein Betrüger könnte Ihr Passwort mitlesen. Ihre Website wird dieses Zertifikat trotzdem ablehnen.
extra-ca-file-c5e1ea27 = Zusätzliche CA-Datei
optional-pem-file-09b22b1b = optionale .pem-Datei
browse-23b63f91 = Durchsuchen …
dns-server-68b7a757 = DNS-Server
this-computer-s-or-e-9f499886 = der dieses Computers (oder z. B. 1.1.1.1)
used-by-find-my-settings-50a0518d = Verwendet von „Meine Einstellungen finden“, „Kommt sie an?“ und „Meinen Posteingang prüfen“
target-platform-b913a5b3 = Zielplattform
other-program-php-node-python-371befb6 = Anderes Programm (PHP, Node, Python …)
asp-net-version-aeb36436 = ASP.NET-Version

## src/gui/form_rows.rs

called-attribute-in-web-config-fcc6f275 = Heißt { $attribute } in der web.config

## src/gui/form_state.rs

microsoft-365-oauth-7101a859 = Microsoft 365 (OAuth)
google-oauth-53d0542c = Google (OAuth)
access-token-7e4e0506 = Zugriffstoken
enter-the-port-usually-587-bc12b1b6 = Geben Sie den Port ein, meist 587.
port-text-is-not-a-7e466956 = "{ $port_text }" ist keine Portnummer. Verwenden Sie nur Ziffern, meist 587.
enter-the-app-s-application-1e01288a = Geben Sie die Application (client) ID der App ein, von der Overview-Seite ihrer App-Registrierung.
enter-the-directory-tenant-id-db565192 = Geben Sie die Directory (tenant) ID ein, oder die Domain Ihrer Organisation (yourcompany.onmicrosoft.com).
enter-the-app-s-client-b18ff566 = Geben Sie den geheimen Clientschlüssel der App ein (seinen Value, nicht seine Secret ID).

## src/gui/handle.rs

enter-the-user-name-server-1e12f529 = Geben Sie Benutzername, Server und Port ein, deren gespeichertes Passwort Sie entfernen möchten.
the-test-cannot-start-yet-e05fd57a = Der Test kann noch nicht starten: { $problem }
no-file-chosen-if-no-fae46c0e = Keine Datei gewählt. Wenn kein Dateifenster erschienen ist, tippen Sie den Pfad der Datei in das Feld „Zusätzliche CA-Datei“.
copied-the-transcript-to-the-f9f520d2 = Protokoll in die Zwischenablage kopiert.
copied-the-dns-record-to-c9d04e48 = DNS-Eintrag in die Zwischenablage kopiert.
copied-the-name-snippet-to-e9fe6390 = Codeausschnitt für { $name } in die Zwischenablage kopiert.
copied-the-what-to-the-02208dc6 = { $what } in die Zwischenablage kopiert.

## src/gui/inbox.rs

did-it-land-c25f3a39 = Ist sie angekommen?
sign-in-to-the-mailbox-e5e08cf2 = Melden Sie sich bei dem Postfach an, an das der Test ging ({ $to }), um zu sehen, ob die Nachricht im Posteingang oder im Spam liegt. Wir lesen nur; nichts wird verschoben oder gelöscht.
looking-for-the-message-up-e3335603 = Suche die Nachricht (bis zu einer Minute) …
check-my-inbox-again-5e2da85f = Meinen Posteingang erneut prüfen
check-my-inbox-85ac2677 = Meinen Posteingang prüfen
mailbox-imap-e60bf73b = Postfach (IMAP)
imaps-user-server-or-imap-e956f350 = imaps://BENUTZER@SERVER, oder imap:// für STARTTLS auf Port 143; ergänzen Sie :PORT, wenn es nicht der übliche ist
same-as-the-password-above-5b43a90a = Dasselbe wie das Passwort oben
used-for-this-check-only-ca6be08e = Nur für diese Prüfung verwendet; nach erfolgreicher Anmeldung im Schlüsselbund des Systems aufbewahrt, wenn „Im Schlüsselbund des Systems merken“ angehakt ist
what-server-checked-e1e33d21 = Was { $server } geprüft hat:
the-receiving-server-recorded-no-338af020 = Der empfangende Server hat in der Nachricht keine Prüfungen vermerkt.

## src/gui/intro.rs

what-happens-when-you-send-1198026e = Was beim Senden eines Tests passiert
the-test-does-what-your-1f59bc92 = Der Test tut, was Ihre Website beim Senden einer E-Mail tut, Schritt für Schritt, und zeigt jeden Schritt, während er passiert:
one-short-test-email-to-f92d9996 = eine kurze Test-E-Mail an die Adresse unter „Test senden an“ (oder Absender).
one-short-test-email-to-eca5f997 = eine kurze Test-E-Mail an { $recipient }.
we-reach-your-mail-server-495a0766 = wir erreichen Ihren Mailserver, so wie Ihre Website.
we-switch-the-connection-to-305163c3 = wir schalten die Verbindung auf Verschlüsselung um, wenn „SSL verwenden“ angehakt ist.
with-your-user-name-and-9eb23e32 = mit Ihrem Benutzernamen und Passwort.
with-a-token-from-microsoft-b5cb4671 = mit einem Token von Microsoft oder Google (OAuth), nie über eine unverschlüsselte Verbindung.
if-a-step-fails-you-ed66c46a = Wenn ein Schritt scheitert, sehen Sie, welcher, was das in einfachen Worten bedeutet und was Sie ändern müssen. An Ihrer Website wird nichts geändert.
your-password-stays-yours-4243e865 = Ihr Passwort bleibt Ihres
it-goes-to-your-mail-9ee48a16 = Es geht an Ihren Mailserver und sonst nirgendwohin, und nur über eine verschlüsselte Verbindung: Würde es unverschlüsselt übertragen, hält der Test an und fragt Sie zuerst.
it-is-never-put-in-43308fa9 = Es landet nie in einem Profil, im Protokoll oder im Bericht für den Support. Haken Sie „Im Schlüsselbund des Systems merken“ an, um es im eigenen Passwortspeicher Ihres Computers aufzubewahren, nie in einer Datei.

## src/gui/oauth.rs

enter-the-mailbox-user-name-18b33d9d = Geben Sie zuerst das Postfach (Benutzername) und die Client-ID der App ein und melden Sie sich dann an.
signed-in-as-mailbox-e71eccdc = Angemeldet als { $mailbox }.
the-sign-in-is-kept-4337c0cd = Die Anmeldung wird im Schlüsselbund Ihres Systems aufbewahrt.
signed-out-40c28a5d = Abgemeldet.
the-test-was-stopped-while-f10aa733 = der Test wurde angehalten, während das Token geholt wurde

## src/gui/oauth_rows.rs

sign-in-7367eeb8 = Anmeldung
how-the-test-signs-in-3e344752 = Wie sich der Test anmeldet: mit dem Passwort oder mit OAuth (einem Token von Microsoft oder Google)
oauth-signing-in-through-microsoft-cb19300f = OAuth: Anmeldung über die eigene Seite von Microsoft oder Google statt mit einem Passwort. Die web.config von ASP.NET kann das nicht; MailKit und die meisten Mail-Bibliotheken für PHP und Node.js können es.
paste-the-token-0ce3b5de = Token einfügen
client-secret-d28dcb8a = Geheimer Clientschlüssel
the-desktop-app-s-secret-2dfdf483 = der geheime Schlüssel der Desktop-App
sign-in-with-google-682701c4 = Mit Google anmelden …
who-signs-in-4247d24c = Wer meldet sich an
the-website-as-an-app-02a2655f = Die Website, als App
the-app-signs-in-as-5b39e6e4 = Die App meldet sich in eigenem Namen mit ihrem geheimen Clientschlüssel an (SMTP.SendAsApp)
a-person-in-the-browser-714d0c01 = Eine Person, im Browser
someone-signs-in-as-the-e07eb4a6 = Jemand meldet sich einmal als das Postfach an; die Anmeldung wird in Ihrem Schlüsselbund aufbewahrt
sign-in-with-microsoft-64994ec3 = Mit Microsoft anmelden …
its-value-not-its-id-06bfd85c = sein Value, nicht seine ID
tenant-426f68c5 = Tenant
yourcompany-onmicrosoft-com-or-directory-91ce24c8 = yourcompany.onmicrosoft.com oder Directory ID
organizations-any-work-account-c56c7646 = organizations (jedes Geschäftskonto)
app-registrations-your-app-overview-0348d3e0 = App registrations → Ihre App → Overview → Directory (tenant) ID
client-id-96a12137 = Client-ID
application-client-id-f1d13592 = Application (client) ID
app-registrations-your-app-overview-72eda20e = App registrations → Ihre App → Overview → Application (client) ID
used-for-this-test-only-3fbe0f5f = Nur für diesen Test verwendet: nie gespeichert, nie im Protokoll angezeigt
finish-signing-in-with-your-f04afc59 = Schließen Sie die Anmeldung in Ihrem Browser ab …
sign-out-8b4f3c70 = Abmelden
opens-the-provider-s-sign-6717a1f1 = Öffnet die Anmeldeseite des Anbieters in Ihrem Browser; melden Sie sich als das Postfach unter Benutzername an
the-sign-in-did-not-63711b82 = Die Anmeldung hat nicht funktioniert: { $error }
the-token-is-renewed-at-78ac8950 = das Token wird beim nächsten Test erneuert
the-token-is-valid-for-973c5181 = das Token ist noch { $minutes } Minuten gültig
signed-in-as-who-138f6f7e = Angemeldet als { $who }

## src/gui/preferences.rs

system-8f3184bc = System
language-9a73db9b = Sprache
follow-system-becc0e51 = Wie das System
light-8ad2f8cf = Hell
dark-45570065 = Dunkel
theme-4eaf7c92 = Design

## src/gui/renderer.rs

the-window-could-not-open-cb7ad439 = das Fenster konnte nicht geöffnet werden: Die Grafik dieses Computers konnte es nicht darstellen ({ $reasons }).
on-a-remote-desktop-or-321b265b = Auf einem Remotedesktop oder in einer virtuellen Maschine hilft es meist, den passenden Grafiktreiber zu installieren

## src/gui/result.rs

the-server-s-exact-words-c34e0823 = Der genaue Wortlaut des Servers
support-code-code-a1b3e83c = Support-Code: { $code }
what-to-do-cf2e345d = Was zu tun ist
the-fix-changes-bc2b32f8 = Die Lösung ändert:
apply-fix-and-test-again-6eea585b = Lösung anwenden und erneut testen
makes-this-change-in-the-38287995 = Nimmt diese Änderung im Formular vor und sendet den Test erneut
send-it-unencrypted-this-once-010cab38 = Dieses eine Mal unverschlüsselt senden
anyone-on-the-way-can-1fda01f6 = Jeder auf dem Weg kann das Passwort lesen. Nur für einen Server in Ihrem eigenen privaten Netzwerk.
certificate-details-5e455906 = Zertifikatsdetails
valid-for-629b6506 = Gültig für

## src/gui/snippet_view.rs

paste-this-into-your-web-7c7e7459 = Fügen Sie dies in Ihre web.config ein
settings-for-program-60627db5 = Einstellungen für { $program }
the-password-is-left-out-447f0e55 = Das Passwort wird weggelassen, außer Sie haken „Passwort einfügen“ an: Wo immer Sie es einfügen, steht es dort im Klartext.
note-warning-5dd61067 = Hinweis: { $warning }
copy-658f3664 = Kopieren
save-as-03e14184 = Speichern unter …
update-my-web-config-d9b68a3c = Meine web.config aktualisieren …
writes-these-settings-into-your-5f324df6 = Schreibt diese Einstellungen in Ihre web.config: zeigt zuerst die Änderungen und bewahrt eine Sicherungskopie auf
include-password-7b82b9b8 = Passwort einfügen

## src/gui/success.rs

only-mail-to-this-server-aecb3830 = Nur Mails an die eigenen Adressen dieses Servers funktionieren
your-settings-work-8bc6b24c = Ihre Einstellungen funktionieren
we-sent-a-test-email-5656f31c = Wir haben eine Test-E-Mail an { $recipient } gesendet. Prüfen Sie, ob sie angekommen ist (sehen Sie auch im Spam-Ordner nach).
connected-to-host-on-port-a1c6e5aa = Verbunden mit { $host } auf Port { $port }
encrypted-with-version-0a72dfef = Verschlüsselt mit { $version }
not-encrypted-anyone-on-the-d3a630f0 = Nicht verschlüsselt: Jeder auf dem Weg könnte die Mail lesen
signed-in-as-user-05784a15 = Angemeldet als { $user }
sent-without-signing-in-the-33fb939c = Ohne Anmeldung gesendet: Der Server hat keine Anmeldung angeboten
sent-without-signing-in-no-a843905d = Ohne Anmeldung gesendet (kein Benutzername)
accepted-for-delivery-to-recipient-9abb98b5 = Zur Zustellung an { $recipient } angenommen
warning-the-server-s-certificate-e72f89a1 = Warnung: Das Zertifikat des Servers ist nicht gültig ({ $problem }). Es hat nur funktioniert, weil Sie ungültige Zertifikate erlaubt haben; Ihre Website prüft Zertifikate und wird scheitern.
warning-message-f4254d6c = Warnung: { $message }
copy-the-block-below-into-dea0f3b9 = Kopieren Sie den Block unten in die web.config Ihrer Website, anstelle ihres <mailSettings>-Blocks, oder klicken Sie auf „Meine web.config aktualisieren …“, damit es für Sie erledigt wird: Sie sehen zuerst jede Änderung, und eine Sicherungskopie wird aufbewahrt.
copy-the-settings-below-into-e486c11e = Kopieren Sie die Einstellungen unten in die { $format }-Konfiguration Ihrer Website.
next-step-ab2acdfa = Nächster Schritt
message-id-of-the-test-711a564c = Message-ID der Test-E-Mail
support-can-find-the-message-e18fff96 = Anhand dieser ID kann der Support die Nachricht im Protokoll des Servers finden

## src/gui/transcript.rs

what-the-server-said-638c3d94 = Was der Server sagte
hide-the-server-s-replies-2f842b13 = Die Antworten des Servers ausblenden
show-every-line-we-sent-62404205 = Jede Zeile zeigen, die wir gesendet und der Server geantwortet hat
nothing-yet-739865dc = noch nichts
t-1-line-99481766 = 1 Zeile
n-lines-bb656540 = { $n } Zeilen
copy-transcript-d97cf946 = Protokoll kopieren
save-transcript-a1c4eb5a = Protokoll speichern …
export-report-ce65b191 = Bericht exportieren …
everything-support-needs-settings-withou-94ba8f25 = Alles, was der Support braucht (Einstellungen ohne Passwort, die Schritte, dieses Protokoll, die Diagnose), in einer Datei
report-in-english-18ddea6e = Bericht auf Englisch
write-the-exported-report-in-e4a59e7d = Schreibt den exportierten Bericht auf Englisch, für einen Support, der Englisch liest
we-sent-2e66b91d = wir sendeten
the-server-answered-039e870e = der Server antwortete
encrypted-3e8df1b3 = verschlüsselt
passwords-are-always-hidden-2bfd5e9e = Passwörter werden immer verborgen.

## src/gui/widgets.rs

passed-513cb799 = bestanden
failed-e0accfb4 = gescheitert
not-started-8652f4af = nicht gestartet
stopped-6ee2f34e = angehalten

## src/gui/window.rs

testing-each-step-appears-above-5613518e = Teste … jeder Schritt erscheint oben, sobald er passiert. Esc hält den Test an.
no-file-chosen-if-no-67413e16 = Keine Datei gewählt. Wenn kein Dateifenster erschienen ist, tippen Sie den Pfad der Datei ein:
open-538b10e9 = Öffnen
check-your-website-s-email-f8812c32 = Prüfen Sie die E-Mail-Einstellungen Ihrer Website
open-web-config-870dc6bb = web.config öffnen …
read-the-mail-settings-from-9d389da1 = Die Mail-Einstellungen aus der web.config Ihrer Website lesen und prüfen
explain-an-error-message-f540b236 = Fehlermeldung erklären …
paste-an-error-your-website-7a5917ae = Einen Fehler einfügen, den Ihre Website protokolliert hat, und sehen, was er bedeutet
check-a-folder-of-sites-5325d3c7 = Einen Ordner mit Websites prüfen …
for-hosting-support-check-the-059107c7 = Für den Hosting-Support: die Mail-Einstellungen jeder Website in einem Ordner prüfen

## src/gui/worker.rs

could-not-read-the-certificate-e1c222cf = Die Datei der Zertifizierungsstelle { $path } konnte nicht gelesen werden: { $error }
choose-a-certificate-authority-file-3507bf9e = Wählen Sie eine Datei einer Zertifizierungsstelle (PEM oder DER .cer)
certificates-b88e4cd9 = Zertifikate
choose-your-website-s-web-fed75ade = Wählen Sie die web.config Ihrer Website
could-not-save-path-error-2fc229b5 = { $path } konnte nicht gespeichert werden: { $error }

## src/inbox/address.rs

address-is-not-a-mailbox-a8a2d761 = "{ $address }" ist keine Postfachadresse.
address-is-not-an-imap-87f3b3a9 = "{ $address }" ist keine IMAP-Adresse ({ $scheme }:// ist weder imap:// noch imaps://).
address-names-no-user-6dbe8a93 = "{ $address }" nennt keinen Benutzer.
the-user-name-in-address-e96b48c9 = der Benutzername in "{ $address }" ist kein gültiger Text
write-it-as-imaps-you-314853c0 = Schreiben Sie es als imaps://you@example.com@mail.example.com (oder imap:// für STARTTLS auf Port 143), mit :PORT am Ende, wenn es nicht der übliche ist.
port-is-not-a-port-50e1e439 = "{ $port }" ist keine Portnummer in "{ $address }".
host-is-not-a-server-acc5f8a4 = "{ $host }" ist kein Servername in "{ $address }".

## src/inbox/auth_results.rs

your-domain-d4d84782 = Ihre Domain
spf-passed-domain-allows-the-f0dc7d76 = SPF bestanden: { $domain } erlaubt den Server, über den Sie senden.
spf-failed-domain-s-spf-9e04f3b1 = SPF gescheitert: Der SPF-Eintrag von { $domain } nennt den Server nicht, über den Sie senden. Fügen Sie ihn dem Eintrag hinzu (siehe „Kommt sie an?“).
spf-gave-no-answer-domain-a747cf7d = SPF ergab keine Antwort: { $domain } hat keinen SPF-Eintrag, der diesen Server abdeckt.
dkim-passed-the-message-carries-353f6e76 = DKIM bestanden: Die Nachricht trägt eine gültige Signatur von { $by }.
dkim-the-message-was-not-0e73bd88 = DKIM: Die Nachricht wurde nicht signiert. Bitten Sie Ihren Mail-Anbieter, Mails für Ihre Domain zu signieren (siehe „Kommt sie an?“).
dkim-failed-the-signature-did-9a245af3 = DKIM gescheitert: Die Signatur passte nicht. Der im DNS veröffentlichte Schlüssel ist vielleicht falsch oder alt, oder die Nachricht wurde unterwegs verändert.
dmarc-passed-spf-or-dkim-bdd3a284 = DMARC bestanden: SPF oder DKIM bürgt für { $domain }, die Domain in der Absenderadresse.
dmarc-failed-neither-spf-nor-83c62bd1 = DMARC gescheitert: Weder SPF noch DKIM bürgt für { $domain }, die Domain in der Absenderadresse. Strenge Empfänger lehnen solche Mails ab oder verschieben sie in den Spam.
dmarc-domain-publishes-no-dmarc-cb1108db = DMARC: { $domain } veröffentlicht keine DMARC-Richtlinie.

## src/inbox/connect.rs

the-server-s-address-eb391f39 = die Adresse des Servers
the-name-could-not-be-715c1245 = der Name wurde nicht gefunden: { $err }
the-name-has-no-address-0b96332a = der Name hat keine Adresse
the-connection-0a94c3e4 = die Verbindung
no-answer-1b68d598 = keine Antwort
the-extra-certificate-authority-why-6ee7e4ae = die zusätzliche Zertifizierungsstelle: { $why }
the-secure-connection-f2e42ff7 = die verschlüsselte Verbindung
the-server-s-certificate-is-d5b84a6b = das Zertifikat des Servers wird abgelehnt: { $problem }
its-greeting-d101260c = seine Begrüßung
it-said-line-26370539 = er sagte { $line }
the-answer-to-starttls-1c42645c = die Antwort auf STARTTLS

## src/inbox/dkim_verify.rs

we-could-not-read-the-8bff80f5 = Wir konnten die empfangene Nachricht nicht lesen und haben ihre DKIM-Signatur daher nicht geprüft.
domain-selector-selector-259d61a2 = { $domain } (Selektor { $selector })
an-unreadable-signer-c03eb599 = ein unlesbarer Unterzeichner
signature-of-who-valid-and-317faecf = Signatur von { $who }: gültig, und es ist Ihre Domain.
signature-of-who-valid-but-6e9cadc2 = Signatur von { $who }: gültig, aber es ist nicht die Domain Ihrer Absenderadresse, daher zählt sie nicht für DMARC.
signature-of-who-not-valid-4fd1744c = Signatur von { $who }: nicht gültig ({ $why }).
the-message-carries-no-dkim-6afdb83b = Die Nachricht trägt keine DKIM-Signatur: Nur SPF bürgt dafür, dass sie von { $from_domain } kommt. Bitten Sie Ihren Mail-Anbieter, Mails für Ihre Domain zu signieren.
we-checked-the-dkim-signature-960b59a9 = Wir haben die DKIM-Signatur selbst geprüft: Sie ist gültig und für { $from_domain } erstellt.
we-checked-the-dkim-signature-5e3c1afb = Wir haben die DKIM-Signatur selbst geprüft: Sie ist gültig, aber für eine andere Domain als { $from_domain } erstellt, daher zählt DMARC sie nicht. Bitten Sie Ihren Mail-Anbieter, mit Ihrer eigenen Domain zu signieren.
we-checked-the-dkim-signature-c981209c = Wir haben die DKIM-Signatur selbst geprüft: Sie hält nicht. Der im DNS veröffentlichte Schlüssel fehlt vielleicht, ist falsch oder alt, oder die Nachricht wurde nach dem Signieren verändert.

## src/inbox/look.rs

the-sign-in-08ff0207 = die Anmeldung
the-goodbye-1beab177 = die Verabschiedung
the-folder-list-485d2008 = die Ordnerliste
a-search-9f153ff8 = eine Suche
the-message-46d7a413 = die Nachricht

## src/inbox/recorder.rs

the-server-sent-more-than-3d108539 = der Server hat mehr als { $mib } MiB gesendet

## src/inbox/request.rs

there-is-no-message-to-946f0846 = es gibt keine Nachricht, nach der gesucht werden kann: Senden Sie zuerst eine Testnachricht
no-password-for-the-mailbox-ab7ec000 = kein Passwort für das Postfach { $mailbox }: Geben Sie es an (es ist das Passwort, mit dem Sie diese Mails lesen), oder speichern Sie es im Schlüsselbund
could-not-reach-the-mailbox-597a7a79 = der Postfachserver { $server } war nicht erreichbar ({ $detail }). Prüfen Sie Servernamen und Port: Mails lesen über IMAP verwendet meist Port 993 (imaps://)
the-mailbox-server-server-did-3e98494f = der Postfachserver { $server } hat nicht rechtzeitig geantwortet ({ $what }). Prüfen Sie den Port: IMAP ist 993 (imaps://) oder 143 (imap://)
server-did-not-greet-like-b39a23e0 = { $server } hat nicht wie ein Postfachserver (IMAP) gegrüßt; er sagte "{ $said }". Prüfen Sie den Port: IMAP ist 993 (imaps://) oder 143 (imap://)
server-does-not-offer-encryption-8e8159fd = { $server } bietet keine Verschlüsselung (STARTTLS) an, und wir senden ein Postfachpasswort nie unverschlüsselt. Verwenden Sie stattdessen imaps:// (Port 993)
the-secure-connection-to-the-e384af7d = die verschlüsselte Verbindung zum Postfachserver { $server } ist gescheitert: { $detail }. Prüfen Sie den Servernamen: Es muss der Name auf dem Zertifikat des Servers sein
the-mailbox-server-refused-the-13077228 = der Postfachserver hat die Anmeldung für { $user } abgelehnt (er sagte: { $said }). Prüfen Sie den Benutzernamen und das Postfachpasswort; Gmail, Outlook.com und Yahoo brauchen für IMAP ein App-Passwort
the-mailbox-server-server-broke-eb86759c = der Postfachserver { $server } hat den Austausch abgebrochen ({ $detail }); versuchen Sie es erneut
the-inbox-check-was-stopped-cd7a71c8 = die Posteingangsprüfung wurde angehalten

## src/inbox/summary.rs

folders-searched-folders-1c7d04a2 = Durchsuchte Ordner: { $folders }
the-receiving-server-s-own-20faa33e = Die eigenen Prüfungen des empfangenden Servers ({ $server }):
the-receiving-server-added-no-6d611c08 = Der empfangende Server hat keinen Authentication-Results-Header hinzugefügt.
the-mailbox-imap-exchange-the-f338cc52 = Der Austausch mit dem Postfach (IMAP); das Passwort erscheint als `<redacted>`:

## src/inbox/texts.rs

secs-s-4a22e02a = { $secs } s
min-min-secs-s-f096bf18 = { $min } min { $secs } s
arrived-in-the-inbox-after-8bc39958 = Nach { $after } im Posteingang angekommen
arrived-but-in-the-spam-1de42805 = Angekommen, aber im Spam-Ordner „{ $folder }“ (nach { $after })
arrived-in-the-folder-folder-35e97e8b = Im Ordner „{ $folder }“ angekommen (nach { $after })
not-in-the-mailbox-after-71030de0 = Nach { $waited } nicht im Postfach
the-test-message-is-in-6dbcd158 = Die Testnachricht liegt im Posteingang von { $mailbox }: Mails Ihrer Website erreichen dieses Postfach.
the-test-message-is-in-3dae80e1 = Die Testnachricht liegt im Posteingang von { $mailbox }, aber { $failed } ist beim empfangenden Server gescheitert, daher verschieben strengere Anbieter Ihre Mails vielleicht in den Spam oder lehnen sie ab. Beheben Sie, was „Kommt sie an?“ auflistet.
the-receiving-server-took-the-bc6c3316 = Der empfangende Server hat die Nachricht angenommen, aber als Spam einsortiert, daher würden Ihre Kunden sie wahrscheinlich nicht sehen. Eine Testnachricht mit wenig Text kann schon für sich allein wie Spam wirken; wenn die Absenderprüfungen bestanden sind („Kommt sie an?“), versuchen Sie es erneut mit einer echten Nachricht.
the-receiving-server-took-the-4fbfd2f0 = Der empfangende Server hat die Nachricht angenommen, aber als Spam einsortiert, daher würden Ihre Kunden sie wahrscheinlich nicht sehen. { $failed } ist beim empfangenden Server gescheitert; beheben Sie, was „Kommt sie an?“ auflistet.
the-message-arrived-but-a-52287da8 = Die Nachricht ist angekommen, aber eine Regel oder die Sortierung des Anbieters hat sie außerhalb des Posteingangs von { $mailbox } abgelegt. Prüfen Sie die Filter dieses Postfachs.
the-server-accepted-the-message-f14a3b33 = Der Server hat die Nachricht angenommen, aber sie liegt noch in keinem Ordner von { $mailbox }. Vielleicht ist sie noch unterwegs (manche Anbieter halten Mails neuer Absender einige Minuten zurück), oder der empfangende Server hat sie verworfen, was mit Mails passiert, die DMARC nicht bestehen. Beheben Sie, was „Kommt sie an?“ auflistet, und sehen Sie später noch einmal nach.

## src/main.rs

could-not-start-the-async-ae605e37 = die asynchrone Laufzeitumgebung konnte nicht gestartet werden: { $error }. Starten Sie das Programm erneut; wenn der Fehler bleibt, starten Sie den Computer neu.
the-command-line-still-works-88e1eb57 = Die Befehlszeile funktioniert weiterhin: Führen Sie `mailtester --help` in einem Terminal aus.
mail-settings-tester-stopped-because-7bd107e2 =
    Mail Settings Tester wurde wegen eines Fehlers im Programm beendet:
    
    { $info }
    
    Bitte melden Sie ihn. Ihre Einstellungen und Ihre web.config wurden dadurch nicht verändert.

## src/oauth/browser.rs

could-not-start-program-err-c926f9f2 = { $program } konnte nicht gestartet werden: { $err }
could-not-open-the-browser-8f2eb5ab = der Browser konnte nicht geöffnet werden: { $err }

## src/oauth/delegated/loopback.rs

signed-in-96a90eb4 = Angemeldet
you-are-signed-in-8474ca05 = Sie sind angemeldet
go-back-to-mail-settings-e45459c9 = Kehren Sie zu Mail Settings Tester zurück; Sie können diesen Tab schließen.
not-signed-in-207a7281 = Nicht angemeldet
the-sign-in-did-not-a5001dd2 = Die Anmeldung wurde nicht abgeschlossen
go-back-to-mail-settings-a9487dbc = Kehren Sie zu Mail Settings Tester zurück, um den Grund zu sehen.
this-computer-7d16e2ca = dieser Computer
no-local-port-for-the-8c4615f3 = kein lokaler Port für die Antwort: { $err }
the-browser-1438c45c = der Browser
nobody-finished-signing-in-within-20659f29 = niemand hat die Anmeldung innerhalb von { $minutes } Minuten abgeschlossen
the-sign-in-service-abe06b84 = der Anmeldedienst

## src/oauth/delegated.rs

it-is-not-a-web-fec0fdd4 = es ist keine Webadresse
google-s-device-sign-in-69660ca8 = die Geräteanmeldung von Google gilt nicht für Gmail; melden Sie sich stattdessen über den Browser an
the-sign-in-was-cancelled-64875541 = die Anmeldung wurde abgebrochen
it-is-not-a-token-0b50914d = es ist kein Token ({ $err }; es beginnt mit: { $start })

## src/oauth/http.rs

could-not-set-up-the-aaf86338 = die Anfrage konnte nicht eingerichtet werden ({ $err })
the-sign-in-service-sent-89d2de25 = der Anmeldedienst hat die Anfrage woandershin geschickt (eine Weiterleitung); prüfen Sie die Anmeldeadresse
the-answer-is-far-too-e9884875 = die Antwort ist viel zu lang
the-request-failed-4ffdf862 = die Anfrage ist gescheitert
the-request-failed-cause-1236b7f3 = die Anfrage ist gescheitert: { $cause }

## src/oauth/obtain.rs

nobody-has-signed-in-to-37587b50 = für dieses Postfach hat sich noch niemand bei { $provider } angemeldet

## src/oauth/stored.rs

the-keyring-call-stopped-8c77a1a6 = der Aufruf des Schlüsselbunds wurde abgebrochen

## src/oauth/token.rs

the-sign-in-address-url-8e70f991 = die Anmeldeadresse { $url } ist nicht verwendbar: { $reason }
the-sign-in-service-said-aca24dc5 = der Anmeldedienst hat abgelehnt ({ $status }): { $error }: { $description }
could-not-reach-the-sign-81f7b750 = der Anmeldedienst unter { $url } war nicht erreichbar: { $detail }
the-sign-in-service-s-4e88083d = die Antwort des Anmeldedienstes ({ $status }) ist kein Token: { $detail }
it-is-not-encrypted-http-70ccccea = sie ist nicht verschlüsselt (http); verwenden Sie https (einfaches http ist nur für eigene Testserver auf diesem Computer)
it-must-start-with-https-5c0a06da = sie muss mit https:// beginnen
the-tenant-must-be-a-6ffd19f8 = der Tenant muss eine Directory (tenant) ID oder eine Domain sein
it-sends-the-request-elsewhere-b0c05c70 = sie schickt die Anfrage woandershin (eine Weiterleitung); prüfen Sie die Anmeldeadresse
no-answer-within-secs-s-1f175672 = keine Antwort innerhalb von { $secs } s
it-is-not-json-it-d2533db5 = es ist kein JSON (es beginnt mit: { $start })
it-holds-no-access-token-87ff2e3b = es enthält kein access_token

## src/profiles/error.rs

name-cannot-be-a-profile-1c2058f8 = "{ $name }" kann kein Profilname sein: { $reason }. Verwenden Sie 1 bis 64 Zeichen, ohne / oder \.
there-is-no-profile-named-96654469 = Es gibt kein Profil namens "{ $name }".
a-profile-named-name-already-d0bba1c2 = Ein Profil namens "{ $name }" existiert bereits; löschen Sie es zuerst oder wählen Sie einen anderen Namen.
the-profiles-file-could-not-ece19bdb = Die Profildatei konnte nicht gelesen werden ({ $reason }). Sie wurde beiseitegelegt, damit nichts verloren geht, und die Profile beginnen leer. Um sie zurückzubekommen, korrigieren Sie die verschobene Datei und benennen Sie sie in { $path } um. Verschoben nach: { $moved_to }
the-profiles-file-was-written-0aaf22c6 = Die Profildatei wurde von einer neueren Version von Mail Settings Tester geschrieben (Format { $version }) und daher nicht verändert. Aktualisieren Sie den Tester, um diese Profile zu verwenden. Datei: { $path }
could-not-find-a-folder-07b751fa = Auf diesem Computer wurde kein Ordner für Einstellungen gefunden. Setzen Sie MAILTESTER_CONFIG_DIR auf einen Ordner, um Profile dort aufzubewahren.
could-not-write-these-settings-3df3fd97 = Diese Einstellungen konnten nicht in die Profildatei geschrieben werden: { $arg0 }
could-not-read-the-profiles-c7de2c87 = Die Profildatei konnte nicht gelesen werden ({ $source }). Datei: { $path }
could-not-write-the-profiles-1ce1bb90 = Die Profildatei konnte nicht geschrieben werden ({ $source }). Datei: { $path }
could-not-create-the-folder-4efa6b11 = Der Ordner der Profildatei konnte nicht angelegt werden ({ $source }). Datei: { $path }
could-not-move-the-damaged-be405c05 = Die beschädigte Profildatei konnte nicht beiseitegelegt werden ({ $source }). Datei: { $path }

## src/profiles/file.rs

it-is-not-utf-8-85ed6edc = sie ist kein UTF-8-Text
it-is-not-a-regular-be41867a = sie ist keine normale Datei (ein Ordner, eine benannte Pipe oder ein Gerät); entfernen Sie sie oder setzen Sie MAILTESTER_CONFIG_DIR auf einen anderen Ordner
it-is-size-bytes-more-56c17071 = sie ist { $size } Bytes groß, mehr als die { $limit }, die eine Profildatei haben darf; verschieben Sie sie
message-on-line-line-acff43e5 = { $message }, in Zeile { $line }

## src/profiles/name.rs

it-is-empty-08105609 = er ist leer
it-is-longer-than-limit-6c17a8c5 = er ist länger als { $limit } Zeichen
it-contains-or-e7d2f6a5 = er enthält / oder \
it-contains-a-control-character-5c5ebcc6 = er enthält ein Steuerzeichen (etwa einen Tabulator oder einen Zeilenumbruch)
it-starts-or-ends-with-a95ee32d = er beginnt oder endet mit einem Leerzeichen
it-is-or-bede7ef9 = er ist . oder ..

## src/providers/data/google_microsoft.rs

google-admin-console-apps-google-7b12704d = Google Admin console → Apps → Google Workspace → Gmail → Authenticate email
microsoft-defender-portal-email-authenti-242e8ce3 = Microsoft Defender portal → Email authentication settings → DKIM → Ihre Domain
your-full-gmail-or-google-de2da620 = Ihre vollständige Gmail- oder Google-Workspace-Adresse
gmail-needs-an-app-password-1aed7515 = Gmail braucht ein App-Passwort: Schalten Sie die Bestätigung in zwei Schritten ein, erstellen Sie dann eines unter myaccount.google.com/apppasswords (die Sicherheitsseite verlinkt nicht mehr darauf) und verwenden Sie es als Passwort. Google nimmt das normale Passwort von Mailprogrammen seit Mai 2022 für private Konten und seit September 2024 für Google-Workspace-Konten nicht mehr an.
gmail-needs-an-app-password-eeb1384d = Gmail braucht ein App-Passwort: Schalten Sie in Ihrem Google-Konto die Bestätigung in zwei Schritten ein, öffnen Sie dann myaccount.google.com/apppasswords (die Sicherheitsseite verlinkt nicht mehr darauf), erstellen Sie ein App-Passwort und fügen Sie seine 16 Buchstaben ohne Leerzeichen in `password` ein. Verwenden Sie Ihre vollständige Gmail-Adresse als `userName`.
gmail-sends-only-from-your-3412ea1e = Gmail sendet nur von Ihrer eigenen Adresse oder einer Adresse, die unter Settings → Accounts → „Send mail as“ (Einstellungen → Konten → „Senden als“) hinzugefügt ist: Setzen Sie `from` auf eine davon.
a-google-workspace-address-or-b5610000 = eine Google-Workspace-Adresse, oder nichts, wenn das Relay die IP-Adresse Ihres Servers zulässt
for-google-workspace-only-your-d5440b81 = Nur für Google Workspace. Ihr Administrator schaltet den SMTP-Relay-Dienst ein (Admin console → Apps → Google Workspace → Gmail → Routing) und lässt entweder die IP-Adresse Ihres Webservers zu (dann lassen Sie Benutzername und Passwort leer) oder SMTP-Authentifizierung (dann verwenden Sie eine Workspace-Adresse und deren App-Passwort).
the-google-workspace-smtp-relay-a2c2fb4c = Das SMTP-Relay von Google Workspace muss von Ihrem Workspace-Administrator eingeschaltet werden (Admin console → Apps → Google Workspace → Gmail → Routing → SMTP relay service). Wenn es SMTP-Authentifizierung verlangt, verwenden Sie eine Workspace-Adresse als `userName` und ein unter myaccount.google.com/apppasswords erstelltes App-Passwort als `password`; wenn es stattdessen die IP-Adresse Ihres Servers zulässt, lassen Sie beides leer.
the-google-workspace-smtp-relay-499576b2 = Das SMTP-Relay von Google Workspace sendet nur von den Adressen, die Ihr Administrator in seinen Einstellungen erlaubt hat (meist die Ihrer Workspace-Domains): Setzen Sie `from` auf eine davon.
the-relay-lets-in-only-6d18d14f = Das Relay lässt nur die IP-Adressen oder die Anmeldung zu, die Ihr Administrator in den Einstellungen des SMTP-Relay-Dienstes erlaubt hat. Ein Test von einem anderen Computer scheitert daher, außer er meldet sich an. Setzen Sie außerdem `clientDomain` auf den Domainnamen Ihrer Website: Google lehnt einen bloßen Computernamen wie `localhost` vielleicht ab.
your-full-microsoft-365-email-7d9ec067 = Ihre vollständige Microsoft-365-E-Mail-Adresse
your-admin-must-switch-on-373c5280 = Ihr Administrator muss „Authenticated SMTP“ (SMTP AUTH) für die Organisation und für dieses Postfach einschalten; bei Organisationen, die nach Januar 2020 erstellt wurden, ist es standardmäßig aus, und die Sicherheitsstandards von Microsoft Entra blockieren es. Microsoft schaltet es für bestehende Organisationen Ende Dezember 2026 standardmäßig ab (Administratoren können es wieder einschalten) und gibt das endgültige Abschaltdatum in der zweiten Hälfte von 2027 bekannt. ASP.NET beherrscht die OAuth-Anmeldung nicht, die es ersetzt: Planen Sie ein SMTP-Relay (Connector), High Volume Email, Azure Communication Services oder MailKit mit OAuth ein.
microsoft-365-use-the-mailbox-2818490c = Microsoft 365: Verwenden Sie die vollständige Adresse des Postfachs als `userName`. Die Anmeldung für Mailprogramme („Authenticated SMTP“) muss für dieses Postfach erlaubt sein: Ihr Administrator schaltet sie im Microsoft 365 Admin Center unter Users → Active users → Mail → Manage email apps ein. Die Sicherheitsstandards von Microsoft Entra (die Standard-Anmeldeschutzmaßnahmen von Microsoft) blockieren sie für die ganze Organisation, egal was dieser Schalter sagt.
microsoft-365-sends-only-as-8f158b7a = Microsoft 365 sendet nur als das angemeldete Postfach, außer Ihr Administrator erteilt die Berechtigung „Senden als“: Setzen Sie `from` auf die Adresse in `userName`.
or-if-password-sign-in-b9a28d6a = Oder, falls die Anmeldung per Passwort aus bleibt, bitten Sie Ihren Microsoft-365-Administrator stattdessen um einen dieser Wege (der Mailversand Ihrer Website, System.Net.Mail, beherrscht kein OAuth, die Anmeldung, die Microsoft 365 für Mailprogramme beibehält):
an-smtp-relay-your-admin-9f556ed6 = Ein SMTP-Relay: Ihr Administrator erstellt einen Connector für die feste IP-Adresse des Webservers; dann setzen Sie `host` auf den MX-Host Ihrer Domain (er endet auf `mail.protection.outlook.com`), `port` auf `25` und lassen `userName` und `password` leer.
high-volume-email-hve-a-c7d229de = High Volume Email (HVE): ein Microsoft-365-Konto für Programme, das sich noch mit Passwort anmeldet (`host` `smtp-hve.office365.com`, `port` `587`), gedacht für Mails an die Postfächer Ihrer eigenen Organisation.
azure-communication-services-microsoft-s-c039b80d = Azure Communication Services: der Versanddienst von Microsoft (`host` `smtp.azurecomm.net`, `port` `587`), der sich mit einem Benutzernamen und einem App-Geheimnis anmeldet, die Ihre Website verwenden kann.
mailkit-your-developer-moves-the-6e937e4f = MailKit: Ihr Entwickler stellt den Sendecode auf MailKit um, das sich mit OAuth anmelden kann.
direct-send-a-host-ending-9a983c0c = Direct Send (ein `host`, der auf `mail.protection.outlook.com` endet) braucht keine Anmeldung: Lassen Sie `userName` und `password` leer und verwenden Sie `port` `25`. Es stellt nur an Postfächer Ihrer eigenen Organisation zu; um andere Adressen zu erreichen, melden Sie sich bei `smtp.office365.com` auf Port `587` an, oder bitten Sie Ihren Administrator um einen Connector (SMTP-Relay).
direct-send-needs-port-25-5dd62ff9 = Direct Send braucht Port `25` offen vom Webserver zu Microsoft 365, und viele Hosting-Anbieter blockieren ihn. Wenn er blockiert ist, melden Sie sich stattdessen bei `smtp.office365.com` auf Port `587` an.
your-full-outlook-com-or-1cbd12a8 = Ihre vollständige Outlook.com- oder Hotmail-Adresse
since-16-september-2024-personal-6a3f18b4 = Seit dem 16. September 2024 nehmen private Outlook.com- und Hotmail-Konten zum Senden kein Passwort mehr an, nur noch die OAuth-Anmeldung von Microsoft, die eine Website mit web.config nicht beherrscht. Senden Sie die Mails Ihrer Website stattdessen über einen anderen Anbieter.
outlook-com-and-hotmail-stopped-6940ffd7 = Outlook.com und Hotmail nehmen seit September 2024 keine Passwörter von Programmen mehr an: Sie verlangen eine moderne Anmeldung (OAuth), die ASP.NET nicht beherrscht. Senden Sie die Mails Ihrer Website über einen anderen Dienst, oder bitten Sie Ihren Entwickler, auf MailKit umzustellen.
outlook-com-sends-only-from-eff7815a = Outlook.com sendet nur von der angemeldeten Adresse: Setzen Sie `from` auf `userName`.
send-your-website-s-mail-0dffe9c3 = Senden Sie die Mails Ihrer Website über einen Dienst, der noch ein Passwort annimmt, etwa den Mailserver Ihres Hosting-Anbieters oder einen Versanddienst (SendGrid, Mailgun, Brevo und andere stehen in der Anbieterliste), und ändern Sie `host`, `userName` und `password` auf dessen Werte.

## src/providers/data/hosting.rs

your-full-email-address-f7f06033 = Ihre vollständige E-Mail-Adresse
use-your-full-email-address-061b9f4b = Verwenden Sie Ihre vollständige E-Mail-Adresse und das Passwort des Postfachs. GoDaddy nennt Port 465, den ASP.NET nicht verwenden kann, daher wird hier 587 verwendet; wenn Ihre GoDaddy-E-Mail ein Microsoft-365-Tarif ist, wählen Sie stattdessen Microsoft 365.
godaddy-email-use-your-full-f5fec946 = GoDaddy-E-Mail: Verwenden Sie Ihre vollständige E-Mail-Adresse als `userName` und das Passwort des Postfachs, mit `host` auf `smtpout.secureserver.net`. Wenn Ihre GoDaddy-E-Mail ein Microsoft-365-Tarif ist, verwenden Sie stattdessen die Einstellungen für Microsoft 365 (`smtp.office365.com`).
none-leave-the-user-name-d1d66dc0 = keiner: Lassen Sie Benutzername und Passwort leer
for-websites-on-godaddy-s-aedab5ae = Für Websites auf dem Windows-Hosting (Plesk) von GoDaddy: Das Relay nimmt Mails nur von GoDaddys eigenen Hosting-Servern an, auf Port 25, ohne Anmeldung und ohne SSL. Ein Test von jedem anderen Computer, auch diesem, scheitert selbst dann, wenn diese Einstellungen stimmen; von anderswo verwenden Sie stattdessen den Server Ihres Postfachs, smtpout.secureserver.net (GoDaddy-Workspace-E-Mail).
godaddy-s-hosting-relay-relay-bf34dea5 = Das Hosting-Relay von GoDaddy (`relay-hosting.secureserver.net`) braucht keine Anmeldung: Lassen Sie `userName` und `password` leer, mit `port` auf `25` und `enableSsl` auf `false`.
godaddy-s-hosting-relay-takes-3c847b9e = Das Hosting-Relay von GoDaddy nimmt Mails nur von Websites auf GoDaddys eigenem Windows-Hosting (Plesk) an: Ein Test von jedem anderen Computer, auch diesem, wird abgelehnt oder bekommt keine Antwort, selbst wenn die Einstellungen stimmen. Um von anderswo zu senden, verwenden Sie den Server Ihres GoDaddy-Postfachs, `smtpout.secureserver.net`, auf Port `587` mit dessen Passwort.
use-your-full-email-address-9cc07a72 = Verwenden Sie Ihre vollständige E-Mail-Adresse und das Passwort des Postfachs. Dies ist der US-Server; verwenden Sie smtp.ionos.de oder smtp.ionos.co.uk, wenn Ihr Vertrag in Deutschland oder Großbritannien ist.
ionos-use-the-full-email-b3c824d1 = IONOS: Verwenden Sie die vollständige E-Mail-Adresse als `userName` und das Passwort des Postfachs, mit dem Server des Landes Ihres Vertrags als `host` (`smtp.ionos.com`, `smtp.ionos.de` oder `smtp.ionos.co.uk`).
always-use-ssl0-ovh-net-fc352534 = Verwenden Sie immer ssl0.ovh.net, nicht mail.ihredomain oder einen anderen Alias: Das Zertifikat des Servers gilt nur für ssl0.ovh.net.
ovhcloud-use-the-full-email-1d5e0353 = OVHcloud: Verwenden Sie die vollständige E-Mail-Adresse als `userName` und das Passwort des Postfachs, mit `host` auf `ssl0.ovh.net` (dem Namen, für den sein Zertifikat gilt).

## src/providers/data/mailboxes.rs

your-full-yahoo-address-d7cae787 = Ihre vollständige Yahoo-Adresse
yahoo-needs-an-app-password-5227ae49 = Yahoo braucht ein App-Passwort: Erstellen Sie eines in den Sicherheitseinstellungen Ihres Yahoo-Kontos und verwenden Sie es als Passwort. Yahoo nennt Port 465, den ASP.NET nicht verwenden kann, daher wird hier 587 verwendet.
yahoo-needs-an-app-password-a9531010 = Yahoo braucht ein App-Passwort: Öffnen Sie in Ihrem Yahoo-Konto Account security → Generate app password und verwenden Sie es als `password`, mit Ihrer vollständigen Yahoo-Adresse als `userName`.
yahoo-sends-only-from-the-63878b23 = Yahoo sendet nur von der angemeldeten Adresse: Setzen Sie `from` auf Ihre Yahoo-Adresse.
your-full-aol-address-fa50843b = Ihre vollständige AOL-Adresse
aol-needs-an-app-password-41c701d9 = AOL braucht ein App-Passwort: Erstellen Sie eines in den Sicherheitseinstellungen Ihres AOL-Kontos (Generate app password) und verwenden Sie es als Passwort. AOL nennt Port 465, den ASP.NET nicht verwenden kann, daher wird hier 587 verwendet.
aol-needs-an-app-password-a20054d0 = AOL braucht ein App-Passwort: Öffnen Sie in Ihrem AOL-Konto Account security → Generate app password und verwenden Sie es als `password`, mit Ihrer vollständigen AOL-Adresse als `userName`.
aol-sends-only-from-the-a21f14e3 = AOL sendet nur von der angemeldeten Adresse: Setzen Sie `from` auf Ihre AOL-Adresse.
your-full-icloud-address-f5d710c5 = Ihre vollständige iCloud-Adresse
icloud-needs-an-app-specific-62349497 = iCloud braucht ein app-spezifisches Passwort: Schalten Sie die Zwei-Faktor-Authentifizierung für Ihren Apple Account ein, erstellen Sie eines unter account.apple.com und verwenden Sie es als Passwort.
icloud-mail-needs-an-app-d109cc08 = iCloud Mail braucht ein app-spezifisches Passwort: Erstellen Sie eines unter account.apple.com bei Sign-In and Security → App-Specific Passwords (Anmeldung und Sicherheit → App-spezifische Passwörter) und verwenden Sie Ihre vollständige iCloud-Adresse als `userName`.
icloud-settings-custom-email-domain-e4eba0f0 = iCloud-Einstellungen → Custom Email Domain → Ihre Domain → View DNS records
for-zoho-accounts-in-the-112ccc5c = Für Zoho-Konten im US-Rechenzentrum (Sie melden sich bei zoho.com an). Mails auf Ihrer eigenen Domain (ein Organisationskonto) verwenden stattdessen smtppro.zoho.com. Mit Zwei-Faktor-Anmeldung verwenden Sie ein anwendungsspezifisches Passwort; Port 465 funktioniert mit ASP.NET nicht.
for-zoho-accounts-in-the-2a39fa43 = Für Zoho-Konten im europäischen Rechenzentrum (Sie melden sich bei zoho.eu an). Mails auf Ihrer eigenen Domain (ein Organisationskonto) verwenden stattdessen smtppro.zoho.eu. Mit Zwei-Faktor-Anmeldung verwenden Sie ein anwendungsspezifisches Passwort.
for-zoho-accounts-in-the-5b4baa13 = Für Zoho-Konten im indischen Rechenzentrum (Sie melden sich bei zoho.in an). Mails auf Ihrer eigenen Domain (ein Organisationskonto) verwenden stattdessen smtppro.zoho.in. Mit Zwei-Faktor-Anmeldung verwenden Sie ein anwendungsspezifisches Passwort.
for-zoho-accounts-in-the-824ee72a = Für Zoho-Konten im australischen Rechenzentrum (Sie melden sich bei zoho.com.au an). Mails auf Ihrer eigenen Domain (ein Organisationskonto) verwenden stattdessen smtppro.zoho.com.au. Mit Zwei-Faktor-Anmeldung verwenden Sie ein anwendungsspezifisches Passwort.
for-zoho-accounts-in-the-bc25a75d = Für Zoho-Konten im japanischen Rechenzentrum (Sie melden sich bei zoho.jp an). Mails auf Ihrer eigenen Domain (ein Organisationskonto) verwenden stattdessen smtppro.zoho.jp. Mit Zwei-Faktor-Anmeldung verwenden Sie ein anwendungsspezifisches Passwort.
for-zoho-accounts-in-the-8b99c973 = Für Zoho-Konten im kanadischen Rechenzentrum (Sie melden sich bei zohocloud.ca an). Mails auf Ihrer eigenen Domain (ein Organisationskonto) verwenden stattdessen smtppro.zohocloud.ca. Mit Zwei-Faktor-Anmeldung verwenden Sie ein anwendungsspezifisches Passwort.
zoho-mail-use-your-full-9d10f739 = Zoho Mail: Verwenden Sie Ihre vollständige Zoho-Adresse als `userName`. Wenn die Zwei-Faktor-Anmeldung an ist, erstellen Sie ein anwendungsspezifisches Passwort unter Zoho Accounts → Security und verwenden Sie es als `password`. Verwenden Sie den Server Ihres Rechenzentrums (zum Beispiel `smtp.zoho.eu` in Europa); Organisationskonten auf eigener Domain verwenden `smtppro.` statt `smtp.` (zum Beispiel `smtppro.zoho.eu`).
zoho-mail-admin-console-domains-3edb7d85 = Zoho Mail Admin Console → Domains → Ihre Domain → Email Configuration → DKIM
your-full-zoho-address-2831abcb = Ihre vollständige Zoho-Adresse
your-full-fastmail-address-87bad718 = Ihre vollständige Fastmail-Adresse
fastmail-needs-an-app-password-c4fb265b = Fastmail braucht ein App-Passwort, erstellt in Ihren Fastmail-Einstellungen. Fastmail bevorzugt Port 465, den ASP.NET nicht verwenden kann; 587 wird unterstützt und ist hier der richtige.
fastmail-needs-an-app-password-38a5d0c4 = Fastmail braucht ein App-Passwort: Erstellen Sie eines unter Settings → Privacy & Security → App passwords und verwenden Sie es als `password`.
fastmail-settings-domains-your-domain-30304e86 = Fastmail Settings → Domains → Ihre Domain → DNS records

## src/providers/data/services.rs

the-smtp-user-name-created-c3972fa4 = der SMTP-Benutzername, der in Ihrer Communication-Services-Ressource erstellt wurde
create-an-smtp-user-name-4f29e25b = Erstellen Sie einen SMTP-Benutzernamen in Ihrer Communication-Services-Ressource (Settings → SMTP Usernames), verknüpft mit einer Microsoft-Entra-App, die senden darf; das Passwort ist der geheime Clientschlüssel dieser App. Er läuft ab, erneuern Sie ihn also rechtzeitig. Senden Sie von einer MailFrom-Adresse einer E-Mail-Domain, die mit der Ressource verbunden ist.
azure-communication-services-username-is-d8adb190 = Azure Communication Services: `userName` ist ein SMTP-Benutzername, der in Ihrer Communication-Services-Ressource erstellt (Settings → SMTP Usernames) und mit einer Microsoft-Entra-App verknüpft wurde, die senden darf; `password` ist der geheime Clientschlüssel dieser App. Geheime Clientschlüssel laufen ab: Wenn es vorher funktioniert hat, erstellen Sie einen neuen und verwenden Sie ihn.
azure-communication-services-sends-only-b76de958 = Azure Communication Services sendet nur von den MailFrom-Adressen einer E-Mail-Domain, die mit Ihrer Communication-Services-Ressource verbunden ist: Setzen Sie `from` auf eine davon.
azure-portal-your-email-communication-068063dd = Azure-Portal → Ihr Email Communication Service → Provision domains → Ihre Domain → Configure
your-ses-smtp-user-name-db55496a = Ihr SES-SMTP-Benutzername (kein IAM-Zugriffsschlüssel)
replace-us-east-1-with-ed2f9ac7 = Ersetzen Sie us-east-1 durch die Region Ihres SES-Kontos und verwenden Sie die in SES für diese Region erstellten SMTP-Zugangsdaten, keine IAM-Zugriffsschlüssel. Neue Konten sind in der Sandbox und können nur an bestätigte Adressen senden. Wenn Port 587 dort blockiert ist, wo Ihre Website läuft, verwenden Sie Port 2587.
amazon-ses-needs-ses-smtp-0d3a593c = Amazon SES braucht SES-SMTP-Zugangsdaten, erstellt in der SES-Konsole unter SMTP settings für die Region in `host`. IAM-Zugriffsschlüssel und SMTP-Zugangsdaten aus einer anderen Region funktionieren nicht.
amazon-ses-sends-only-from-619c09dc = Amazon SES sendet nur von bestätigten Identitäten: Bestätigen Sie die `from`-Adresse oder ihre Domain in der SES-Konsole. Solange das Konto in der Sandbox ist (dem Testmodus neuer Konten), müssen auch die Empfänger bestätigt sein.
apikey-literally-183cf215 = apikey (wörtlich)
the-user-name-is-the-01bbc5c2 = Der Benutzername ist genau das Wort apikey; das Passwort ist Ihr SendGrid-API-Schlüssel. Die Absenderadresse muss in SendGrid ein bestätigter Absender sein. Wenn Port 587 dort blockiert ist, wo Ihre Website läuft, verwenden Sie Port 2525.
sendgrid-username-must-be-literally-7669598f = SendGrid: `userName` muss wörtlich `apikey` sein (nicht Ihr Login oder Ihre E-Mail-Adresse), und `password` ist ein API-Schlüssel mit der Berechtigung „Mail Send“, ohne Leerzeichen eingefügt.
sendgrid-sends-only-from-a-2e1be5ef = SendGrid sendet nur von einer bestätigten Sender Identity: Bestätigen Sie die `from`-Adresse oder ihre Domain unter Settings → Sender Authentication.
sendgrid-settings-sender-authentication-d404dcdb = SendGrid → Settings → Sender Authentication → Authenticate Your Domain
your-domain-s-smtp-login-3df270ef = das SMTP-Login Ihrer Domain, z. B. postmaster@mg.yourdomain.com
use-the-smtp-credentials-of-abbc08bf = Verwenden Sie die SMTP-Zugangsdaten Ihrer Sendedomain in Mailgun, nicht das Passwort Ihres Mailgun-Kontos. Wenn Port 587 dort blockiert ist, wo Ihre Website läuft, verwenden Sie Port 2525.
for-mailgun-accounts-in-the-ac9d0345 = Für Mailgun-Konten in der EU-Region. Verwenden Sie die SMTP-Zugangsdaten Ihrer Sendedomain in Mailgun, nicht das Passwort Ihres Mailgun-Kontos. Wenn Port 587 dort blockiert ist, wo Ihre Website läuft, verwenden Sie Port 2525.
mailgun-needs-the-smtp-credentials-0df7462f = Mailgun braucht die SMTP-Zugangsdaten Ihrer Sendedomain (zum Beispiel `postmaster@mg.example.com`, unter Sending → Domain settings → SMTP credentials), nicht das Passwort Ihres Mailgun-Kontos.
mailgun-sends-from-addresses-of-73f8735a = Mailgun sendet von Adressen Ihrer bestätigten Sendedomain: Verwenden Sie eine davon als `from`.
mailgun-sending-domains-your-domain-d2cc33b7 = Mailgun → Sending → Domains → Ihre Domain → DNS records
your-server-api-token-1a2b5328 = Ihr Server API Token
use-your-postmark-server-api-7df39770 = Verwenden Sie Ihr Postmark Server API Token sowohl als Benutzernamen als auch als Passwort. Wenn Port 587 dort blockiert ist, wo Ihre Website läuft, verwenden Sie Port 2525.
postmark-use-your-server-api-a8ba1613 = Postmark: Verwenden Sie Ihr Server API Token sowohl als `userName` als auch als `password`.
postmark-sends-only-from-a-17710e90 = Postmark sendet nur von einer bestätigten Sender Signature oder bestätigten Domain: Verwenden Sie eine davon als `from`.
your-brevo-smtp-login-04933033 = Ihr Brevo-SMTP-Login
use-the-smtp-login-and-8b4085f4 = Verwenden Sie das SMTP-Login und einen SMTP-Schlüssel aus den SMTP-Einstellungen von Brevo als Passwort; ein Brevo-API-Schlüssel funktioniert nicht. Wenn Port 587 dort blockiert ist, wo Ihre Website läuft, verwenden Sie Port 2525.
brevo-username-is-the-smtp-82151876 = Brevo: `userName` ist das SMTP-Login unter SMTP & API, und `password` ist ein SMTP-Schlüssel von derselben Seite (kein API-Schlüssel und nicht Ihr Kontopasswort).
brevo-sends-only-from-a-ae02936a = Brevo sendet nur von einem bestätigten Absender oder einer bestätigten Domain: Verwenden Sie einen davon als `from`.
brevo-senders-domains-dedicated-ips-cb7d426d = Brevo → Senders, Domains & Dedicated IPs → Domains → Authenticate
your-mailjet-api-key-b626b4b3 = Ihr Mailjet-API-Schlüssel
the-user-name-is-your-3794f252 = Der Benutzername ist Ihr Mailjet-API-Schlüssel und das Passwort sein geheimer Schlüssel, nicht Ihr Mailjet-Login. Senden Sie von einer Absenderadresse oder Domain, die in Mailjet bestätigt ist. Wenn Port 587 dort blockiert ist, wo Ihre Website läuft, verwenden Sie Port 2525.
mailjet-username-is-your-mailjet-8fe11462 = Mailjet: `userName` ist Ihr Mailjet-API-Schlüssel und `password` sein geheimer Schlüssel (unter Account settings → API keys), nicht Ihr Mailjet-Login.
mailjet-sends-only-from-a-c082e9b4 = Mailjet sendet nur von einer bestätigten Absenderadresse oder Domain: Bestätigen Sie die `from`-Adresse in Mailjet, oder verwenden Sie eine bestätigte.
mailjet-account-settings-domains-spf-8cc2cce1 = Mailjet → Account settings → Domains → SPF/DKIM authentication
an-smtp-user-name-from-e7bd2eb0 = ein SMTP-Benutzername aus Sending → SMTP Users
use-an-smtp-user-created-2b1d0bc6 = Verwenden Sie einen in SMTP2GO erstellten SMTP-Benutzer (Sending → SMTP Users) und dessen Passwort, nicht Ihr SMTP2GO-Login, und senden Sie von einem bestätigten Absender. Wenn Port 587 dort blockiert ist, wo Ihre Website läuft, verwenden Sie Port 2525 (oder 8025).
smtp2go-use-an-smtp-user-e1a0c31b = SMTP2GO: Verwenden Sie einen SMTP-Benutzer aus Ihrem SMTP2GO-Konto (Sending → SMTP Users) als `userName` und dessen Passwort als `password`, nicht Ihr SMTP2GO-Login.
smtp2go-sends-only-from-verified-72be2dcc = SMTP2GO sendet nur von bestätigten Absendern (Sending → Verified Senders): Verwenden Sie einen davon als `from`.

## src/providers/mod.rs

provider-also-takes-mail-on-0f1b4ef0 = { $provider } nimmt Mails auch auf Port `{ $port }` an, den Hosting- und Internetanbieter selten blockieren: Ändern Sie `port` auf `{ $port }` und lassen Sie `enableSsl` auf `true`.

## src/providers/preset.rs

use-the-outgoing-smtp-server-2aa81402 = Verwenden Sie den Postausgangsserver (SMTP), den Ihr Hoster oder Mail-Anbieter Ihnen nennt, mit Port 587 und SSL an. Port 465 funktioniert mit ASP.NET nicht.

## src/reply.rs

the-server-sent-something-that-6657f988 = der Server hat etwas gesendet, das keine SMTP-Antwort ist: { $line }
the-server-s-reply-changed-e8449784 = die Antwort des Servers hat mittendrin ihren Code gewechselt ({ $first }, dann { $then })

## src/report/evidence.rs

tls-version-version-1ac0d9ba = TLS-Version: { $version }
cipher-cipher-1a1584a9 = Verschlüsselungsverfahren: { $cipher }
not-encrypted-no-tls-was-4d14e875 = nicht verschlüsselt (kein TLS eingerichtet)
warning-the-password-was-sent-58911bd4 = WARNUNG: Das Passwort wurde über die unverschlüsselte Verbindung gesendet (für diesen Test erlaubt)
certificate-subject-subject-2b3e305c = Zertifikatsinhaber: { $subject }
certificate-names-names-85ad8f14 = Zertifikatsnamen: { $names }
issued-by-issuer-db64a95a = ausgestellt von: { $issuer }
valid-from-start-until-end-41664af8 = gültig von { $start } bis { $end }
expired-answer-7c3dd7c2 = abgelaufen: { $answer }
self-signed-answer-32e94d4a = selbst signiert: { $answer }
sha-256-fingerprint-fingerprint-59cf6063 = SHA-256-Fingerabdruck: { $fingerprint }
certificate-problem-accepted-for-this-cf52b724 = Zertifikatsproblem nur für diesen Test akzeptiert: { $problem }
no-62366ffa = nein
none-received-a7fce227 = (nichts empfangen)
greeting-banner-2adc54e6 = Begrüßung: { $banner }
ehlo-extensions-extensions-8ae23a31 = EHLO-Erweiterungen: { $extensions }
sign-in-methods-offered-methods-958cc42d = angebotene Anmeldemethoden: { $methods }
message-id-of-the-test-1aaceb9a = Message-ID der Testnachricht: { $id }
transcript-0583096b = Protokoll
we-sent-the-server-answered-ea6e205d = `->` wir sendeten, `<-` der Server antwortete, `~>`/`<~` dasselbe nach der Verschlüsselung, `**` Hinweise des Testers. Passwörter erscheinen als `<redacted>`.

## src/report.rs

mail-settings-tester-support-report-9e850e75 = Support-Bericht von Mail Settings Tester
made-by-mail-settings-tester-5d84e266 = Erstellt von Mail Settings Tester { $version } am { $now } (UTC).
result-the-server-accepted-the-cb20d937 = Ergebnis: Der Server hat die Testnachricht für { $recipient } angenommen (nach { $time }).
result-the-server-accepted-the-1ce20c7e = Ergebnis: Der Server hat die Testnachricht für { $recipient } angenommen, aber: { $summary } (nach { $time }).
result-failed-summary-after-time-de3e18b7 = Ergebnis: GESCHEITERT: { $summary } (nach { $time }).
result-failed-after-time-e2d9ecdd = Ergebnis: GESCHEITERT (nach { $time }).
stopped-because-error-a65fdf46 = Angehalten, weil: { $error }.
empty-c2b0def7 = (leer)
none-no-sign-in-4e7eb656 = (keiner: keine Anmeldung)
this-computer-s-name-94e552fc = (der Name dieses Computers)
set-not-included-b8037f8f = gesetzt (nicht enthalten)
not-set-ffa35e26 = nicht gesetzt
another-mail-program-the-best-1cb12260 = ein anderes Mailprogramm (das Beste, was der Server anbietet)
test-recipient-9b7a3c52 = Testempfänger
connection-security-used-a0615d9e = verwendete Verbindungssicherheit
tested-as-6d856e84 = getestet als
time-limits-3bbef354 = Zeitlimits
connect-connect-s-greeting-greeting-0dacfa15 = Verbinden { $connect } s, Begrüßung { $greeting } s, jeder Befehl { $command } s
certificate-check-4f7d1e48 = Zertifikatsprüfung
off-invalid-certificates-were-accepted-60edc329 = aus: Ungültige Zertifikate wurden akzeptiert (die Website wird sie nicht akzeptieren)
on-61342fd0 = an
settings-4b058728 = Einstellungen
extra-trusted-certificate-authorities-pa-209717b3 = zusätzliche vertrauenswürdige Zertifizierungsstellen: { $path }
ok-663437af = ok
failed-d7e8fab4 = GESCHEITERT
checklist-08a568ef = Checkliste
each-step-c2d8e180 = Jeder Schritt:
total-time-f96defd0 = Insgesamt: { $time }
diagnosis-547c3c9e = Diagnose
no-problem-the-test-message-896ed3a9 = Kein Problem: Die Testnachricht wurde angenommen.
suggested-change-e6662e4a = Vorgeschlagene Änderung:

## src/session/connect.rs

no-answer-from-dns-within-75b392c5 = keine Antwort vom DNS innerhalb von { $secs } s
no-address-to-connect-to-d0980056 = keine Adresse, zu der verbunden werden kann

## src/session/dialogue.rs

the-server-sent-more-data-5a7b3835 = der Server hat vor dem TLS-Handshake weitere Daten gesendet (ein bekannter Angriff auf STARTTLS)
starttls-on-a-connection-that-57fec029 = STARTTLS auf einer Verbindung, die bereits verschlüsselt ist
this-tester-plain-or-login-6e2aba1f = dieser Tester (PLAIN oder LOGIN)

## src/session/error.rs

it-is-issued-for-names-7de28bc0 = es ist ausgestellt für { $names }
no-authority-this-computer-trusts-c48ee76c = keine Zertifizierungsstelle, der dieser Computer vertraut, bürgt dafür
it-has-expired-fa8972c9 = es ist abgelaufen
it-is-not-valid-yet-fb6edb7d = es ist noch nicht gültig (oder die Uhr dieses Computers geht falsch)
the-server-name-host-could-a0934279 = der Servername { $host } wurde nicht gefunden ({ $detail })
the-connection-to-address-was-8ba9ec2a = die Verbindung zu { $address } wurde abgewiesen
no-answer-from-address-within-d9ebdf5c = keine Antwort von { $address } innerhalb von { $secs } s
could-not-connect-to-address-6fadcd41 = keine Verbindung zu { $address } möglich: { $detail }
connected-but-the-server-sent-3a9c719b = verbunden, aber der Server hat innerhalb von { $secs } s keine Begrüßung gesendet
the-server-does-not-speak-565fe8c3 = der Server spricht kein SMTP: Er sendete "{ $received }"
the-server-refused-step-name-6e46a071 = der Server hat { $step_name } abgelehnt: { $reply_text }
the-server-does-not-offer-a01d5bcc = der Server bietet kein STARTTLS an
the-tls-handshake-failed-detail-c2ab11a8 = der TLS-Handshake ist gescheitert: { $detail }
the-server-offers-only-outdated-4185f3ec = der Server bietet nur veraltete Verschlüsselung an (TLS 1.0 oder 1.1): { $detail }
the-server-offers-no-sign-d563271c = der Server bietet auf dieser Verbindung keine Anmeldung (AUTH) an
the-server-offers-only-sign-2930a676 = der Server bietet nur Anmeldemethoden an, die { $target_name } nicht verwenden kann: { $methods }
stopped-before-sending-the-password-bc00d9ef = angehalten, bevor das Passwort über eine unverschlüsselte Verbindung gesendet wurde
the-server-asked-for-more-f9503699 = der Server wollte nach dem Passwort noch mehr: { $reply_text }
the-server-refused-the-oauth-b0c17084 = der Server hat das OAuth-Token abgelehnt ({ $mechanism_name }): { $reply_text }
the-server-offers-no-oauth-226d3d86 = der Server bietet hier keine OAuth-Anmeldung an (er bietet: { $methods })
stopped-before-sending-the-oauth-6d6be392 = angehalten, bevor das OAuth-Token über eine unverschlüsselte Verbindung gesendet wurde
the-server-closed-the-connection-9fea2761 = der Server hat die Verbindung beim Schritt „{ $step_name }“ geschlossen
no-reply-to-step-name-b95e1dc7 = keine Antwort auf „{ $step_name }“ innerhalb von { $secs } s
cancelled-during-step-name-f3828dd3 = abgebrochen beim Schritt „{ $step_name }“
the-certificate-file-path-could-de00273b = die Zertifikatsdatei { $path } konnte nicht verwendet werden: { $detail }
role-words-address-cannot-be-cc200543 = { $role_words } { $address } kann nicht gesendet werden: { $reason }
the-server-broke-the-smtp-275bfdfe = der Server hat beim Schritt „{ $step_name }“ die SMTP-Regeln verletzt: { $detail }

## src/session/mod.rs

a-reply-went-on-for-a3229ee0 = eine Antwort lief über mehr als { $lines } Zeilen
a-reply-line-was-far-289873fe = eine Antwortzeile war viel zu lang

## src/session/report.rs

enablessl-is-off-2a22ebcd = enableSsl ist aus
encryption-is-off-21238599 = Verschlüsselung ist aus
no-user-name-289a6df8 = kein Benutzername
not-offered-before-encryption-c28ccb4d = vor der Verschlüsselung nicht angeboten
server-offers-no-sign-in-676667ab = Server bietet keine Anmeldung an
no-usable-method-sent-without-972e3aeb = keine nutzbare Methode; ohne Anmeldung gesendet
sign-in-refused-sent-without-efec03b6 = Anmeldung abgelehnt; ohne Anmeldung gesendet

## src/session/tls.rs

tls-set-up-failed-error-26855cd2 = TLS-Einrichtung gescheitert ({ $error })
no-usable-certificate-authority-error-61ef141b = keine verwendbare Zertifizierungsstelle ({ $error })
a-certificate-in-it-is-c93dd3fb = ein Zertifikat darin ist nicht verwendbar ({ $error })
it-is-not-a-valid-a66d7d8b = es ist keine gültige PEM-Datei ({ $error })
it-holds-no-certificate-a-4f817e2a = sie enthält kein Zertifikat: Erwartet wurde eine PEM-Datei (-----BEGIN CERTIFICATE-----) oder eine DER-Datei .cer
host-is-not-a-valid-8d44e3b8 = { $host } ist kein gültiger TLS-Name ({ $error })

## src/settings/address.rs

the-sender-address-from-a6cf0f74 = die Absenderadresse (from)
the-test-recipient-c65aed6f = der Testempfänger
only-smtputf8-could-carry-it-b02a2e58 = nur SMTPUTF8 könnte sie transportieren, und dieser Server bietet SMTPUTF8 nicht an
only-smtputf8-could-carry-it-649eaab3 = nur SMTPUTF8 könnte sie transportieren, und ASP.NET verwendet SMTPUTF8 standardmäßig nicht
it-cannot-be-written-into-48e65563 = sie kann nicht in die Testnachricht geschrieben werden
international-domain-the-test-sends-a7641d49 = Internationale Domain: Der Test sendet { $address } als { $ascii }, die Form, die jeder Mailserver liest.
address-has-letters-outside-plain-6471a7d7 = { $address } enthält vor dem @ Buchstaben außerhalb des einfachen englischen Alphabets. Der Mailversand von ASP.NET lehnt eine solche Adresse ab, außer deliveryFormat="International" ist gesetzt (ASP.NET 4.5 oder neuer) und der Mailserver bietet SMTPUTF8 (internationale Adressen) an. Der Test zeigt, worauf Ihre Website trifft.
address-has-letters-outside-plain-5f9c2f60 = { $address } enthält vor dem @ Buchstaben außerhalb des einfachen englischen Alphabets: Nur ein Mailserver, der SMTPUTF8 (internationale Adressen) anbietet, kann sie annehmen. Der Test prüft, ob dieser es tut.

## src/settings/ehlo_name.rs

typed-is-not-a-valid-ac381f52 = "{ $typed }" ist kein gültiger Computername für clientDomain. Lassen Sie es leer, um den Namen dieses Computers zu verwenden.
asp-net-introduces-itself-to-bad9a806 = ASP.NET stellt sich dem Server mit clientDomain genau so vor, wie es dasteht ("{ $typed }"), und Server wie Exim lehnen eine bloße IP-Adresse in EHLO ab (dem Gruß, in dem Ihre Website ihren Namen nennt); verwenden Sie den Domainnamen Ihrer Website, zum Beispiel www.example.com, oder lassen Sie clientDomain leer.
the-test-introduces-itself-as-38df7222 = Der Test stellt sich als { $literal } vor, die Form, die Mailserver für eine IP-Adresse erwarten.
many-mail-servers-exim-among-1f6f2699 = Viele Mailserver (darunter Exim) antworten mit 501 und lehnen "{ $typed }" als Namen dieses Computers ab: Ein Name darf nur Buchstaben, Ziffern, Bindestriche und Punkte enthalten, nicht { $characters }. Verwenden Sie den Domainnamen Ihrer Website, zum Beispiel www.example.com, oder lassen Sie clientDomain leer, um den Namen dieses Computers zu verwenden.

## src/settings/validate.rs

host-is-not-a-valid-702a75f3 = "{ $host }" ist kein gültiger Servername. Prüfen Sie ihn auf Tippfehler.
enter-the-mail-server-s-216e5a0c = Geben Sie den Namen des Mailservers ein (host), zum Beispiel smtp.example.com.
enter-only-the-server-s-c06d5777 = Geben Sie nur den Namen des Servers ein: Entfernen Sie "{ $scheme }://" (der host in der web.config hat das nie).
the-server-name-cannot-contain-a669d667 = Der Servername darf keine Leerzeichen enthalten. Kopieren Sie ihn erneut aus den Anleitungen Ihres Anbieters.
this-looks-like-an-email-923d668e = Das sieht nach einer E-Mail-Adresse aus. Der Host ist der Name des Mailservers, zum Beispiel smtp.example.com.
the-server-name-cannot-contain-3b89a0a4 = Der Servername darf kein "/" enthalten. Geben Sie nur den Namen ein, zum Beispiel smtp.example.com.
put-the-port-in-the-4cc5c678 = Tragen Sie den Port in das Feld Port ein: Host "{ $name }", Port { $port }.
international-name-the-test-connects-a9390765 = Internationaler Name: Der Test verbindet sich mit seiner ASCII-Form { $ascii }.
port-port-does-not-exist-b3dfc373 = Port { $port } gibt es nicht: Ports reichen von 1 bis 65535. Mailserver verwenden meist 587.
defaultcredentials-is-true-so-web-2cc7e682 = defaultCredentials ist true, daher ignoriert die web.config userName und password und meldet sich mit dem Windows-Konto an. Setzen Sie defaultCredentials auf false, um den Benutzernamen zu verwenden.
defaultcredentials-true-signs-in-as-bdc7611b = defaultCredentials="true" meldet sich mit dem Windows-Konto der Website an, was dieser Test nicht kann: Er sendet ohne Anmeldung.
a-user-name-is-set-73cdd5ba = Ein Benutzername ist gesetzt, aber das Passwort ist leer. Geben Sie das Passwort des Postfachs ein.
a-password-is-set-but-71fbceb3 = Ein Passwort ist gesetzt, aber userName ist leer, daher wird das Passwort nie verwendet. Geben Sie den Benutzernamen ein (meist die vollständige E-Mail-Adresse).
oauth-signs-in-as-a-2df4a59e = OAuth meldet sich als Postfach an: Geben Sie dessen vollständige Adresse als Benutzernamen ein.
oauth-sign-in-needs-an-b27182ff = Die OAuth-Anmeldung braucht ein Zugriffstoken, und es gibt keines. Melden Sie sich zuerst beim Anbieter an, oder fügen Sie ein Token ein.
asp-net-s-mail-sender-df5acecb = Der Mailversand von ASP.NET (web.config) kann sich nicht mit OAuth anmelden. Dieser Test prüft Postfach und Token so, wie ein Programm, das es kann (etwa MailKit), sie verwenden würde.
address-is-not-a-valid-f804de19 = "{ $address }" ist keine gültige E-Mail-Adresse für den Absender (from). Sie sollte aussehen wie name@example.com.
address-is-not-a-valid-5cf84c0a = "{ $address }" ist keine gültige E-Mail-Adresse für den Testempfänger. Sie sollte aussehen wie name@example.com.
enter-the-sender-address-from-92b57a8d = Geben Sie die Absenderadresse (from) ein, meist das Postfach, mit dem Sie sich anmelden. Wenn Ihre web.config kein from enthält, setzt der Code Ihrer Website den Absender: Geben Sie diese Adresse ein.
asp-net-system-net-mail-ee4b87b2 = ASP.NET (System.Net.Mail) kann SSL ab Verbindungsbeginn nicht verwenden. Verwenden Sie Port 587 mit enableSsl="true", oder wählen Sie das allgemeine Ziel, um andere Programme zu testen.
asp-net-cannot-use-port-85b5d0bc = ASP.NET kann Port 465 nicht verwenden: Es wartet auf eine Begrüßung, die nie kommt. Der Test verhält sich genauso. Verwenden Sie Port 587 mit enableSsl="true".
starttls-was-chosen-which-means-be6ff6d5 = STARTTLS wurde gewählt, das entspricht enableSsl="true" in der web.config.
certificate-checks-are-off-the-cee3d463 = Die Zertifikatsprüfung ist aus: Die Verbindung ist nicht gegen Betrüger geschützt. Ihre Website prüft das Zertifikat trotzdem und scheitert vielleicht.
deliverymethod-is-not-network-so-15953ca7 = deliveryMethod ist nicht "Network", daher schreibt die Website Mails in einen Ordner, statt sie zu senden. Setzen Sie deliveryMethod="Network", um über diesen Server zu senden.
a-timeout-of-0-seconds-d34a129a = Ein Zeitlimit von 0 Sekunden würde jedes Mal scheitern. Verwenden Sie mindestens 1 Sekunde (üblich sind 10).
timeouts-above-600-seconds-are-94fe3d7e = Zeitlimits über 600 Sekunden sind für einen Test nicht sinnvoll. Verwenden Sie 10 bis 60 Sekunden.

## src/settings.rs

no-encryption-7b0eebe3 = keine Verschlüsselung
asp-net-core-net-5-d85df409 = ASP.NET Core / .NET 5 oder neuer

## src/snippet/django.rs

set-only-one-of-email-74ec3c21 = Setzen Sie nur eines von EMAIL_USE_TLS (STARTTLS, Port 587) und EMAIL_USE_SSL (SSL ab Verbindungsbeginn, Port 465) auf True: Mit beiden startet Django, scheitert aber beim ersten Senden („EMAIL_USE_TLS/EMAIL_USE_SSL are mutually exclusive“).

## src/snippet/format.rs

php-code-bda6edbc = PHP-Code
put-it-inside-configuration-if-e1efa961 = Fügen Sie es innerhalb von <configuration> ein. Wenn dort schon ein <system.net>-Block steht, ersetzen Sie nur den <mailSettings>-Block darin und behalten Sie den Rest (etwa <defaultProxy>).
put-this-where-your-php-d17fc47f = Fügen Sie dies dort ein, wo Ihr PHP-Code das PHPMailer-Objekt erstellt (PHPMailer 6.1 oder neuer: Die ENCRYPTION_-Konstanten kamen mit 6.1), vor $mail->send().
put-this-in-wp-config-b7c7c865 = Fügen Sie dies in wp-config.php oberhalb der Zeile /* That's all, stop editing! */ ein (es braucht das Plugin WP Mail SMTP).
put-this-in-the-env-50652e7d = Fügen Sie dies in die .env-Datei im Stammverzeichnis Ihrer Laravel-Website ein, anstelle der vorhandenen MAIL_-Zeilen, und führen Sie dann php artisan config:clear aus.
put-this-in-your-project-96ff8c78 = Fügen Sie dies in die settings.py Ihres Projekts ein, anstelle vorhandener EMAIL_-Einstellungen.
put-this-where-your-node-9137efc0 = Fügen Sie dies dort ein, wo Ihr Node.js-Code den Nodemailer-Transport erstellt, und senden Sie dann mit transporter.sendMail({"{"} to, subject, text {"}"}).
put-this-line-in-env-903522da = Fügen Sie diese Zeile in .env.local ein (oder setzen Sie MAILER_DSN als Umgebungsvariable), anstelle eines vorhandenen MAILER_DSN.
put-the-smtp-section-into-f2c2e121 = Fügen Sie den Abschnitt "Smtp" in die appsettings.json ein, neben die vorhandenen Abschnitte.

## src/snippet/laravel.rs

laravel-11-and-12-no-a3768a2e = Laravel 11 und 12 lesen MAIL_ENCRYPTION nicht mehr: Sie verwenden MAIL_SCHEME. Beide Zeilen stehen hier, damit der Block mit jeder Version funktioniert; halten Sie sie gleich, wenn Sie eine ändern.
laravel-10-and-older-use-0b26f05b = Laravel 10 und älter verwenden SSL ab Verbindungsbeginn nur auf Port 465; auf Port { $port } kann das nur Laravel 11+ (MAIL_SCHEME=smtps).
laravel-s-env-turns-the-d5129581 = Laravels env() macht aus dem Wert von { $key } etwas anderes (true, false, null, leer, oder ein Wert in Anführungszeichen verliert diese): Tragen Sie ihn stattdessen direkt in config/mail.php ein.

## src/snippet/mailkit.rs

connect-with-mailkit-like-this-a0f2b3b0 = Verbinden Sie sich mit MailKit so: client.Connect(smtp.Host, smtp.Port, SecureSocketOptions.{ $options }); client.Authenticate(smtp.UserName, smtp.Password);
connect-with-mailkit-like-this-a3cc5a4d = Verbinden Sie sich mit MailKit so: client.Connect(smtp.Host, smtp.Port, SecureSocketOptions.{ $options });
do-not-write-client-connect-63e694a6 = Schreiben Sie nicht client.Connect(host, 587, useSsl: true): In MailKit bedeutet useSsl: true SSL ab Verbindungsbeginn, was auf Port 587 scheitert. enableSsl="true" in der web.config entspricht SecureSocketOptions.StartTls.
asp-net-core-does-not-b7e6cf14 = ASP.NET Core liest <mailSettings> aus der web.config nicht: Der Code der Website muss diesen Abschnitt lesen.

## src/snippet/nodemailer.rs

secure-true-is-only-for-51c29ab8 = secure: true ist nur für SSL ab Verbindungsbeginn (Port 465); mit STARTTLS muss es false bleiben, sonst scheitert die Verbindung mit „wrong version number“.
with-secure-false-nodemailer-still-512f72f5 = Mit secure: false wechselt Nodemailer trotzdem zu STARTTLS, wenn der Server es anbietet; fügen Sie ignoreTLS: true nur hinzu, wenn das scheitert und Sie eine unverschlüsselte Verbindung in Kauf nehmen.

## src/snippet/oauth/django.rs

put-this-in-your-project-1413375b = Fügen Sie dies in die settings.py Ihres Projekts ein, anstelle der vorhandenen EMAIL_-Einstellungen.
the-app-needs-microsoft-graph-5db04e0a = Die App braucht die Anwendungsberechtigung Mail.Send von Microsoft Graph mit Administratorzustimmung (nicht SMTP.SendAsApp: Dieses Backend verwendet kein SMTP). Mail.Send lässt die App als jedes Postfach Ihrer Organisation senden, außer Ihr Administrator beschränkt sie auf dieses eine.
django-o365mail-signs-in-as-58cbac5f = django-o365mail meldet sich als die App selbst an (nur App), nicht als Person: Es wird kein Refresh-Token gebraucht.
without-a-package-azure-communication-7d86afb5 = Ohne Paket: SMTP von Azure Communication Services (smtp.azurecomm.net, Port 587, STARTTLS) nimmt Benutzername und Passwort an, daher funktioniert Djangos eigenes SMTP-Backend damit (EMAIL_HOST_USER = der ACS-SMTP-Benutzername, EMAIL_HOST_PASSWORD = der geheime Clientschlüssel der Entra-App); ein Relay-Dienst funktioniert genauso.
enable-the-gmail-api-in-4ecc65d4 = Aktivieren Sie die Gmail API im Google-Cloud-Projekt und erstellen Sie das Refresh-Token einmal mit dem Skript des Pakets (gmail_oauth2 --generate_oauth2_token), angemeldet als das Postfach.
without-a-package-google-still-88def8b2 = Ohne Paket: Google akzeptiert weiterhin ein App-Passwort (mit eingeschalteter Bestätigung in zwei Schritten), das Djangos eigenes SMTP-Backend verwenden kann.

## src/snippet/oauth/laravel.rs

four-parts-each-in-its-a587b09b = Vier Teile, jeder in seiner eigenen Datei: die Zeilen für .env, der Mailer für config/mail.php (innerhalb von 'mailers' => [...]), der Code für die Methode boot() in app/Providers/AppServiceProvider.php und die Klasse app/Mail/FreshTokenXOAuth2Authenticator.php. Führen Sie dann php artisan config:clear aus.
laravel-through-symfony-mailer-cannot-d46f9f68 = Laravel (über Symfony Mailer) kann ein OAuth-Token nicht selbst holen, und ein Token gilt nur etwa eine Stunde: Dieser eigene Transport holt für jede Verbindung ein frisches. Er braucht Laravel 9 oder neuer mit symfony/mailer 6.3 oder neuer (Laravel 11 und später haben es; unter Laravel 10 führen Sie composer update symfony/mailer aus).

## src/snippet/oauth/mailkit.rs

put-the-smtp-section-the-c60f3059 = Fügen Sie den Abschnitt "Smtp" (den JSON-Teil) in die appsettings.json ein, anstelle eines vorhandenen Abschnitts "Smtp"; fügen Sie die C#-Klasse Ihrem Projekt hinzu und registrieren Sie sie: builder.Services.AddSingleton<OAuthMailSender>();
this-uses-app-only-sign-823f2f67 = Dies verwendet die reine App-Anmeldung (die Website meldet sich in eigenem Namen an), und genau die braucht eine Website: Eine delegierte Anmeldung bräuchte eine Person an einem Browser und einen Token-Cache.
keep-the-client-secret-out-d02d7bb5 = Halten Sie den geheimen Clientschlüssel aus der appsettings.json in einem gemeinsamen Repository heraus: dotnet user-secrets, eine Umgebungsvariable (Smtp__ClientSecret) oder ein Key Vault überschreiben ihn.
do-not-connect-with-usessl-3f8b4515 = Verbinden Sie sich auf Port 587 nicht mit useSsl: true: In MailKit bedeutet das SSL ab Verbindungsbeginn. STARTTLS ist SecureSocketOptions.StartTls, wie im Abschnitt.
appsettings-json-and-c-mailkit-ca0b1f7c = appsettings.json und C# (MailKit)

## src/snippet/oauth/nodemailer.rs

put-this-in-your-node-c0ffada9 = Fügen Sie dies in Ihren Node.js-Code ein und senden Sie mit await sendMail({"{"} to, subject, text {"}"}). Einmal installieren: npm install nodemailer @azure/msal-node
put-this-where-your-node-185c1777 = Fügen Sie dies dort ein, wo Ihr Node.js-Code den Nodemailer-Transport erstellt, und senden Sie dann mit transporter.sendMail({"{"} to, subject, text {"}"}). Nodemailer erneuert das Token selbst.
node-js-code-nodemailer-7e94db6a = Node.js-Code (Nodemailer)

## src/snippet/oauth/notes.rs

oauth-means-signing-in-through-7580ed84 = OAuth bedeutet, sich über { $who } anzumelden statt mit dem Passwort des Postfachs: Die Website fragt { $who } mit der ID und dem geheimen Schlüssel der App nach einem kurzlebigen Token (es meldet sich keine Person an) und meldet sich mit diesem Token an.
oauth-means-signing-in-through-828dd6c6 = OAuth bedeutet, sich über die eigene Seite von { $who } anzumelden statt mit einem Passwort: Der Inhaber des Postfachs meldet sich einmal an, die Website bewahrt ein Refresh-Token auf und holt damit kurzlebige Tokens.
replace-placeholder-with-the-app-d5a0af53 = Ersetzen Sie { $placeholder } durch den geheimen Clientschlüssel der App. Er ist weggelassen, damit der Codeausschnitt sicher weitergegeben werden kann; halten Sie ihn aus Dateien heraus, die Sie teilen oder committen (eine Umgebungsvariable oder ein Geheimnisspeicher ist besser).
replace-placeholder-with-the-refresh-50c0846a = Ersetzen Sie { $placeholder } durch das Refresh-Token, das Sie erhalten, wenn sich der Inhaber des Postfachs einmal bei der App anmeldet (halten Sie es so geheim wie ein Passwort).
replace-placeholder-with-the-app-dd0be73d = Ersetzen Sie { $placeholder } durch die Client-ID der App (Application (client) ID, auf der Overview-Seite der App im Microsoft Entra Admin Center).
replace-placeholder-with-the-app-e2337baa = Ersetzen Sie { $placeholder } durch die Client-ID der App (vom OAuth-Client in der Google Cloud Console, APIs & Services → Credentials).
replace-placeholder-with-the-directory-163145f4 = Ersetzen Sie { $placeholder } durch die Directory (tenant) ID von der Overview-Seite der App (oder Ihre Domain, etwa example.onmicrosoft.com).
replace-placeholder-with-the-mailbox-bbe7cc54 = Ersetzen Sie { $placeholder } durch die Adresse des Postfachs, von dem die Website sendet.
google-has-no-app-only-ba6e748c = Google hat keine reine App-Anmeldung für ein gewöhnliches Postfach: Dafür braucht es ein Google-Workspace-Dienstkonto mit domainweiter Delegierung, eingerichtet vom Workspace-Administrator. Dies meldet sich stattdessen als das Postfach an (delegiert).
app-only-sign-in-needs-ad5c921d = Die reine App-Anmeldung braucht eine einmalige Einrichtung durch Ihren Microsoft-365-Administrator: die Berechtigung SMTP.SendAsApp, die Administratorzustimmung und den Zugriff der App auf dieses Postfach in Exchange (siehe die Einrichtungsschritte).
the-app-registration-needs-the-f7d5f684 = Die App-Registrierung braucht die delegierte Berechtigung SMTP.Send, und das Refresh-Token muss mit den Scopes https://outlook.office.com/SMTP.Send und offline_access angefordert werden.
the-google-oauth-client-needs-6e9d68ed = Der Google-OAuth-Client braucht den Scope { $scope }. Solange der OAuth-Zustimmungsbildschirm von Google auf „Testing“ steht, laufen Refresh-Tokens nach 7 Tagen ab: Veröffentlichen Sie die App, bevor Sie sich darauf verlassen.
smtp-sign-in-smtp-auth-976b28fe = Die SMTP-Anmeldung (SMTP AUTH) muss für das Postfach eingeschaltet bleiben, auch mit OAuth: Set-CASMailbox -SmtpClientAuthenticationDisabled $false.
the-tested-connection-was-not-ee5febd4 = Die getestete Verbindung war nicht verschlüsselt: OAuth-Tokens dürfen nicht unverschlüsselt über das Netzwerk gehen, daher verwendet dies STARTTLS. Testen Sie Port 587 mit STARTTLS (oder 465 mit SSL ab Verbindungsbeginn), bevor Sie sich darauf verlassen.
while-the-google-oauth-consent-d3b7b869 = Solange der OAuth-Zustimmungsbildschirm von Google auf „Testing“ steht, laufen Refresh-Tokens nach 7 Tagen ab: Veröffentlichen Sie die App, bevor Sie sich darauf verlassen.

## src/snippet/oauth/php_token.rs

the-token-request-uses-php-264e594e = Die Token-Anfrage verwendet PHPs file_get_contents auf einer https://-Adresse: allow_url_fopen von PHP muss eingeschaltet sein (das ist es standardmäßig), und der Server muss den Token-Endpunkt erreichen können.

## src/snippet/oauth/phpmailer.rs

put-this-where-your-php-021b3499 = Fügen Sie dies dort ein, wo Ihr PHP-Code das PHPMailer-Objekt erstellt (PHPMailer 6.6 oder neuer: OAuthTokenProvider kam mit 6.6), vor $mail->send(); die use-Zeilen kommen an den Anfang der Datei.
put-this-where-your-php-e46cf1ca = Fügen Sie dies dort ein, wo Ihr PHP-Code das PHPMailer-Objekt erstellt (PHPMailer 6 mit Composer), vor $mail->send(); die use-Zeilen kommen an den Anfang der Datei.
phpmailer-s-own-oauth-class-d202c98f = Die eigene OAuth-Klasse von PHPMailer funktioniert nur mit einem Refresh-Token (jemand meldet sich einmal an); für die reine App-Anmeldung fragt die kleine Klasse AppOnlyOAuthToken hier Microsoft mit der ID und dem geheimen Schlüssel der App nach einem Token.
get-the-refresh-token-once-daf7ceaf = Holen Sie das Refresh-Token einmal mit get_oauth_token.php von PHPMailer (es liegt PHPMailer bei): Legen Sie es auf Ihre Website, fügen Sie seine Adresse zu den Redirect-URIs der App hinzu, öffnen Sie es, wählen Sie { $provider } und melden Sie sich als das Postfach an. Löschen Sie das Skript danach.
microsoft-sends-only-as-the-720b52d1 = Microsoft sendet nur als das Postfach, das sich anmeldet (oder eine Adresse, als die es senden darf): Lassen Sie setFrom auf dieser Adresse.

## src/snippet/oauth/setup.rs

open-the-microsoft-entra-admin-56e219d9 = Öffnen Sie das Microsoft Entra Admin Center (entra.microsoft.com) → App registrations → New registration. Geben Sie ihr einen Namen (zum Beispiel „Website-Mail“), behalten Sie „Accounts in this organizational directory only“ und registrieren Sie sie. Ihre Overview-Seite zeigt die Application (client) ID und die Directory (tenant) ID: Die Website braucht beide.
open-the-microsoft-entra-admin-830973c3 = Öffnen Sie das Microsoft Entra Admin Center (entra.microsoft.com) → App registrations und öffnen Sie die App, deren Application (client) ID { $client_id } ist (oder erstellen Sie sie: New registration, „Accounts in this organizational directory only“). Notieren Sie die Directory (tenant) ID auf ihrer Overview-Seite: Die Website braucht sie.
open-the-microsoft-entra-admin-566fe1a1 = Öffnen Sie das Microsoft Entra Admin Center (entra.microsoft.com) → App registrations und öffnen Sie die App, deren Application (client) ID { $client_id } ist (oder erstellen Sie sie: New registration, „Accounts in this organizational directory only“). Die Directory (tenant) ID der App sollte { $tenant } sein.
in-the-app-api-permissions-e2b91c93 = In der App: API permissions → Add a permission → APIs my organization uses → nach „Office 365 Exchange Online“ suchen → Application permissions → SMTP.SendAsApp anhaken → Add permissions.
still-on-api-permissions-click-3f5fb2d8 = Klicken Sie, noch unter API permissions, auf „Grant admin consent“ für Ihre Organisation (das kann nur ein Administrator).
certificates-secrets-new-client-secret-12e13caf = Certificates & secrets → New client secret. Kopieren Sie sofort seinen Value (er wird nur dieses eine Mal angezeigt) und tragen Sie ihn dort ein, wo die Website ihren geheimen Clientschlüssel liest. Notieren Sie das Ablaufdatum in Ihrem Kalender: Wenn der geheime Schlüssel abläuft, sendet die Website nicht mehr, bis Sie einen neuen erstellen.
enterprise-applications-not-app-registra-0ee3ad08 = Enterprise applications (nicht App registrations) → dieselbe App öffnen → ihre Object ID kopieren. Die Object ID der App-Registrierung ist eine andere Nummer und lässt die Anmeldung scheitern. Sie ersetzt unten { $placeholder }.
in-powershell-install-the-exchange-208056fd = Installieren Sie in PowerShell (einmalig) das Exchange-Online-Modul und melden Sie sich als Exchange-Administrator an.
tell-exchange-about-the-app-7738c8e6 = Machen Sie Exchange mit der App bekannt (ihrem Dienstprinzipal).
let-the-app-use-the-0b50e2fa = Erlauben Sie der App, das Postfach { $mailbox } zu verwenden.
make-sure-smtp-sign-in-b85ae76e = Stellen Sie sicher, dass die SMTP-Anmeldung (SMTP AUTH) für das Postfach eingeschaltet ist: OAuth braucht sie auch.

## src/snippet/oauth/symfony.rs

save-the-first-part-as-bebdcc14 = Speichern Sie den ersten Teil als src/Mailer/FreshTokenXOAuth2Authenticator.php; verwenden Sie den zweiten Teil dort, wo Ihr Code Mails sendet, anstelle des aus MAILER_DSN gebauten Mailers.
symfony-mailer-cannot-fetch-an-653576c6 = Symfony Mailer kann ein OAuth-Token nicht selbst holen: Seine XOAUTH2-Anmeldung nimmt das Passwort als Token, und ein Token gilt nur etwa eine Stunde. Die kleine Klasse hier holt für jede Verbindung ein frisches. Sie braucht symfony/mailer 6.3 oder neuer (setAuthenticators).
php-code-symfony-mailer-69a187c6 = PHP-Code (Symfony Mailer)

## src/snippet/oauth/web_config.rs

put-it-inside-configuration-replacing-fa45570d = Fügen Sie es innerhalb von <configuration> ein, anstelle des vorhandenen <system.net>-<mailSettings>-Blocks (behalten Sie alles andere innerhalb von <system.net>, etwa <defaultProxy>).
asp-net-s-mail-sender-22b9064f = Der Mailversand von ASP.NET (System.Net.Mail, das die web.config liest) kann sich nicht mit OAuth anmelden (die Anfrage dafür, dotnet/runtime Issue 76253, ist seit 2022 offen), und Microsoft selbst empfiehlt stattdessen MailKit (Hinweis DE0005).
way-out-1-create-an-4ee187a7 = Lösungsweg 1: Erstellen Sie ein App-Passwort für das Postfach (App-Passwörter, in den Sicherheitseinstellungen des Google-Kontos) und setzen Sie es anstelle von { $placeholder } ein. Ein Workspace-Administrator kann App-Passwörter verbieten: Verwenden Sie dann einen Relay-Dienst oder MailKit.
asp-net-cannot-use-port-3fcf6280 = ASP.NET kann Port 465 (SSL ab Verbindungsbeginn) nicht verwenden, daher wird stattdessen Port 587 mit enableSsl="true" verwendet.
way-out-1-azure-communication-18094b5e = Lösungsweg 1, SMTP von Azure Communication Services (smtp.azurecomm.net, Port 587, enableSsl="true"): Erstellen Sie im Azure-Portal einen Email Communication Service mit Ihrer Domain und eine Communication-Services-Ressource, geben Sie einer Entra-App Zugriff darauf und erstellen Sie einen SMTP Username. Dann ist userName dieser SMTP Username und password der geheime Clientschlüssel der App (ersetzen Sie { $user_placeholder } und { $secret_placeholder }). Die Absenderadresse muss auf einer in ACS bestätigten Domain liegen.
way-out-2-a-relay-7b644bf3 = Lösungsweg 2, ein Relay-Dienst (SendGrid, Brevo, Mailgun, Amazon SES, SMTP2GO, …): Tragen Sie seinen Host, Port 587, enableSsl="true" und seinen SMTP-Benutzernamen und sein Passwort oder seinen Schlüssel in das <network>-Element ein.
way-out-3-an-exchange-c0be45f4 = Lösungsweg 3, ein Exchange-Connector: Ihr Administrator erstellt in Exchange Online einen eingehenden Connector, der Mails von der festen IP-Adresse des Webservers annimmt; die Website sendet dann an <Ihre Domain>.mail.protection.outlook.com auf Port 25 ohne userName und password (enableSsl="true" funktioniert dort auch).
way-out-4-high-volume-cdeb9bee = Lösungsweg 4, High Volume Email (smtp-hve.office365.com, Port 587): nimmt noch ein Passwort an, stellt aber nur an Adressen innerhalb Ihrer eigenen Organisation zu.
way-out-5-move-the-166eb8f2 = Lösungsweg 5: Stellen Sie den Mailcode der Website auf MailKit um, das sich mit OAuth anmeldet (den Code finden Sie im Tab ASP.NET Core; MailKit funktioniert auch unter .NET Framework 4.x).

## src/snippet/oauth/wordpress.rs

put-this-in-wp-config-7f22d207 = Fügen Sie dies in wp-config.php oberhalb der Zeile /* That's all, stop editing! */ ein (es braucht das Plugin WP Mail SMTP), anstelle vorhandener WPMS_-Zeilen.
with-wp-mail-smtp-the-c123677e = Bei WP Mail SMTP erledigt die Einstellungsseite des Plugins die Anmeldung: Folgen Sie deren Schritten, nicht der Einrichtung der reinen App-Anmeldung für SMTP (SMTP.SendAsApp).
steps-1-in-the-google-54eefa59 = Schritte: 1. Erstellen Sie in der Google Cloud Console ein Projekt, aktivieren Sie die Gmail API und erstellen Sie eine OAuth-Client-ID vom Typ „Web application“. 2. Kopieren Sie die „Authorized redirect URI“ aus den Einstellungen von WP Mail SMTP in die „Authorized redirect URIs“ des Clients. 3. Fügen Sie Client-ID und geheimen Schlüssel oben ein. 4. Melden Sie sich in den Einstellungen von WP Mail SMTP über dessen Schaltfläche mit dem Google-Konto des Postfachs an und erlauben Sie dem Plugin das Senden.
steps-1-in-the-microsoft-ea0ecf6c = Schritte: 1. Im Microsoft Entra Admin Center: App registrations → New registration. 2. Fügen Sie die Redirect-URI und die Berechtigungen hinzu, die die Outlook-Einstellungsseite von WP Mail SMTP auflistet. 3. Certificates & secrets → New client secret; fügen Sie Client-ID und geheimen Schlüssel oben ein. 4. Melden Sie sich in den Einstellungen von WP Mail SMTP über dessen Schaltfläche mit dem Microsoft-Konto des Postfachs an.
the-outlook-mailer-is-part-f00ba925 = Der Outlook-Mailer gehört nur zu WP Mail SMTP Pro. Ohne Pro: SMTP von Azure Communication Services (smtp.azurecomm.net, Port 587, STARTTLS) funktioniert mit dem Mailer „Other SMTP“ des Plugins und einem Benutzernamen und Passwort.
nothing-in-wp-config-php-e750f8c3 = Nichts in wp-config.php meldet sich an: Das Plugin bewahrt die Anmeldung auf, die es auf seiner Einstellungsseite erhält. Führen Sie Schritt 4 daher erneut aus, wenn das Senden aufhört (zum Beispiel wenn der geheime Schlüssel abgelaufen ist).

## src/snippet/parts.rs

from-is-empty-the-website-80fe4bb0 = from ist leer: Der Code der Website muss den Absender dann selbst setzen.
replace-placeholder-with-the-mailbox-0d73c02b = Ersetzen Sie { $placeholder } durch das Passwort des Postfachs (es ist weggelassen, damit der Codeausschnitt sicher weitergegeben werden kann).
defaultcredentials-signing-in-as-the-f49dc854 = defaultCredentials (Anmeldung mit dem Windows-Konto) gibt es nur in der web.config von ASP.NET: Dieser Codeausschnitt meldet sich nicht an. Geben Sie Benutzername und Passwort ein, wenn der Server sie braucht.
no-encryption-the-password-crosses-60b57264 = Keine Verschlüsselung: Das Passwort geht unverschlüsselt über das Netzwerk. Verwenden Sie STARTTLS oder SSL ab Verbindungsbeginn, wenn der Server es anbietet.
port-465-is-for-ssl-d3d922fc = Port 465 ist für SSL ab Verbindungsbeginn, und die meisten Mailprogramme verwenden es dort immer. Testen Sie Port 587 mit STARTTLS oder Port 465 mit SSL ab Verbindungsbeginn, bevor Sie sich darauf verlassen.

## src/snippet/phpmailer.rs

smtpautotls-is-false-so-that-d6642a40 = SMTPAutoTLS ist false, damit PHPMailer nicht von selbst zu STARTTLS wechselt; entfernen Sie diese Zeile, wenn der Server STARTTLS anbietet und Sie es möchten.

## src/snippet/symfony.rs

the-user-name-and-password-db6b0fdc = Benutzername und Passwort sind im DSN URL-kodiert (@ ist zum Beispiel %40): Wenn Sie sie ändern, kodieren Sie sie genauso.
smtp-switches-to-starttls-by-b5d12bbf = smtp:// wechselt von selbst zu STARTTLS, wenn der Server es anbietet. Symfony verwendet auf Port 465 immer SSL ab Verbindungsbeginn, auch mit smtp://.
smtp-still-switches-to-starttls-cb0f6b8f = smtp:// wechselt weiterhin zu STARTTLS, wenn der Server es anbietet (Symfony 7.1+ kann das mit ?auto_tls=false abschalten).
smtps-means-ssl-on-connect-dabcf4ab = smtps:// bedeutet SSL ab Verbindungsbeginn. Symfony verwendet SSL ab Verbindungsbeginn auch für jeden DSN auf Port 465.
symfony-mailer-takes-the-sender-5727fd05 = Symfony Mailer nimmt den Absender aus jeder Nachricht: Verwenden Sie { $from } als deren Absenderadresse.

## src/snippet/wordpress.rs

wpms-ssl-tls-means-starttls-e40daa42 = WPMS_SSL 'tls' bedeutet STARTTLS (der eigene Kommentar des Plugins „TLS is not STARTTLS“ ist irreführend): Behalten Sie 'tls' mit Port 587 und 'ssl' nur für Port 465.

## src/warning.rs

your-website-will-then-log-9d26b372 = Ihre Website protokolliert dann
for-mail-to-anyone-else-362213fd = Für Mails an alle anderen protokolliert Ihre Website
the-test-message-arrived-but-a31edd84 = Die Testnachricht ist angekommen, aber Mails an Ihre Kunden werden abgelehnt
this-server-took-the-test-163aee85 = Dieser Server hat die Testnachricht ohne Anmeldung angenommen, weil sie an eines seiner eigenen Postfächer ging. Als er Mails für eine fremde Adresse annehmen sollte (es wurde nichts gesendet), lehnte er ab: „{ $reply }“. Ohne Anmeldung werden die Mails Ihrer Website an alle anderen (Bestellbestätigungen, Passwort-Zurücksetzungen) genauso abgelehnt.
fill-in-username-and-password-14461f2f = Füllen Sie `userName` und `password` aus (und setzen Sie `enableSsl` auf `true`): Eine angemeldete Website darf an jede Adresse senden. Testen Sie damit erneut.
or-ask-your-hosting-company-fee3b0e0 = Oder fragen Sie Ihren Hosting-Anbieter, über welchen Server und Port die Website an fremde Adressen senden darf.
azure-communication-services-a-microsoft-ac627e0b = Azure Communication Services: ein Relay von Microsoft, das weiterhin Benutzername und Passwort annimmt (smtp.azurecomm.net, Port 587, enableSsl an; userName ist dessen SMTP-Benutzername, password der geheime Clientschlüssel der Entra-App). Wählen Sie die Vorlage „Azure Communication Services“ und testen Sie sie.
a-sending-service-that-takes-06d85dc4 = Ein Versanddienst, der Passwörter annimmt (SendGrid, Brevo, Mailgun, Amazon SES, SMTP2GO), oder der Mailserver Ihres Hosting-Anbieters: Ändern Sie host, userName und password auf dessen Werte.
an-exchange-connector-your-admin-6c6db3dc = Ein Exchange-Connector: Ihr Administrator lässt die feste IP-Adresse des Webservers über Port 25 ohne Anmeldung an <Ihre Domain>.mail.protection.outlook.com senden.
high-volume-email-smtp-hve-996cf456 = High Volume Email (smtp-hve.office365.com, Port 587) nimmt Passwörter noch bis September 2028 an, stellt aber nur an die Postfächer Ihrer eigenen Organisation zu.
or-move-the-site-s-da0ce105 = Oder stellen Sie den Mailcode der Website auf MailKit mit OAuth um (der eingebaute Mailversand von ASP.NET beherrscht kein OAuth).
sign-in-with-oauth-instead-a6b809b7 = Melden Sie sich stattdessen mit OAuth an (Microsoft-365-App mit der Berechtigung SMTP.SendAsApp): Testen Sie es hier mit Anmeldung → Microsoft 365 (OAuth) oder `mailtester send --oauth microsoft` und verwenden Sie dann den OAuth-Codeausschnitt für Ihre Plattform.
or-send-through-a-relay-09358923 = Oder senden Sie über ein Relay, das Passwörter weiterhin annimmt: Azure Communication Services (smtp.azurecomm.net) oder einen Versanddienst.
this-works-today-but-microsoft-1e66a965 = Das funktioniert heute, aber Microsoft 365 schaltet die Anmeldung per Passwort Ende Dezember 2026 ab
microsoft-switches-password-sign-in-b29c7af0 = Microsoft schaltet die Anmeldung per Passwort für SMTP (Standardauthentifizierung) Ende Dezember 2026 für jede Microsoft-365-Organisation standardmäßig ab. Ein Administrator kann sie vorerst wieder einschalten; Microsoft gibt das endgültige Ende in der zweiten Hälfte von 2027 bekannt. Ab dann kommen keine Mails Ihrer Website mehr an.

## src/webconfig/document.rs

a-second-top-level-element-0dbfb207 = ein zweites Element auf oberster Ebene; alles muss innerhalb des einen <configuration>-Elements stehen
text-outside-the-configuration-element-5ab3603e = Text außerhalb des <configuration>-Elements; entfernen Sie ihn
name-is-never-closed-name-53fcf71f = <{ $name }> wird nie geschlossen (</{ $name }> fehlt)
the-file-has-no-elements-e99344ab = die Datei hat überhaupt keine Elemente (sie sollte mit <configuration> beginnen)
a-tag-is-not-closed-61fb9e67 = ein Tag ist nicht geschlossen: Ein > fehlt (oder ein Anführungszeichen im Tag ist nicht geschlossen)
a-comment-that-starts-with-3173cbb0 = ein Kommentar, der mit <!-- beginnt, wird nie mit --> geschlossen
a-cdata-section-is-never-36fbd2fd = ein <![CDATA[-Abschnitt wird nie mit ]]> geschlossen
a-instruction-is-never-closed-c4b71c8b = eine <? ... ?>-Anweisung wird nie mit ?> geschlossen
something-starting-with-is-neither-c5af375e = etwas, das mit <! beginnt, ist weder ein Kommentar noch gültiges Markup
found-closes-expected-which-is-b2b369eb = </{ $found }> schließt <{ $expected }>, das noch offen ist: Ein schließendes Tag fehlt oder ist falsch geschrieben
name-closes-an-element-that-427ce6ea = </{ $name }> schließt ein Element, das nie geöffnet wurde
name-is-never-closed-c06a4bbe = <{ $name }> wird nie geschlossen
a-comment-contains-two-hyphens-e819051e = ein Kommentar enthält -- (zwei Bindestriche), was XML innerhalb von <!-- --> nicht erlaubt
an-starts-a-reference-that-acc80456 = ein & beginnt einen Verweis, der nie mit ; abgeschlossen wird (schreiben Sie & als &amp;)
the-xml-line-at-the-d4be05db = die Zeile <?xml ...?> oben hat kein version="1.0"
the-xml-could-not-be-ebe072f9 = das XML konnte nicht gelesen werden ({ $error })

## src/webconfig/error.rs

this-web-config-is-not-e049049c = diese web.config ist kein gültiges XML: { $problem } (Zeile { $line }, Spalte { $column }). ASP.NET kann sie auch nicht lesen; korrigieren Sie sie in einem Texteditor oder stellen Sie eine Sicherungskopie wieder her und versuchen Sie es dann erneut
this-file-is-not-a-946b2312 = diese Datei ist keine web.config: Ihr erstes Element ist <{ $root }>, nicht <configuration>. Öffnen Sie die web.config der Website (sie liegt im Stammordner der Website)
this-web-config-has-no-622e34e8 = diese web.config hat noch keine Mail-Einstellungen; testen Sie Ihre Einstellungen und fügen Sie sie mit „web.config aktualisieren“ hinzu
the-mail-settings-are-not-2daa99b4 = die Mail-Einstellungen stehen nicht in dieser Datei: <{ $element } configSource="{ $file }"> bewahrt sie in { $file } auf, neben dieser web.config. Öffnen Sie stattdessen diese Datei
the-mail-settings-in-this-ba3ab443 = die Mail-Einstellungen in dieser web.config sind verschlüsselt ({ $detail }) und können hier daher weder gelesen noch geändert werden. Entschlüsseln Sie sie auf dem Server mit aspnet_regiis -pd "system.net/mailSettings/smtp" (und verschlüsseln Sie sie danach wieder mit -pe), oder tippen Sie die Einstellungen von Hand ein
found-on-line-line-must-5332e735 = <{ $found }> in Zeile { $line } muss <{ $expected }> geschrieben werden (bei Elementnamen zählt die Groß- und Kleinschreibung, und ASP.NET lehnt die Datei so ab). Korrigieren Sie den Namen in einem Texteditor und versuchen Sie es dann erneut
element-appears-more-than-once-f637cee8 = <{ $element }> kommt mehr als einmal vor (erneut in Zeile { $line }); ASP.NET lehnt einen doppelt geschriebenen Abschnitt ab. Entfernen Sie den überzähligen in einem Texteditor und versuchen Sie es dann erneut
the-attribute-value-has-a-50c8f903 = der Wert von { $attribute } enthält ein Steuerzeichen ({ $character }), das eine web.config nicht enthalten darf: ASP.NET würde die ganze Datei ablehnen, und die Website würde mit Fehler 500.19 stehen bleiben. Es wurde nichts geändert; tippen Sie { $attribute } ohne dieses Zeichen neu ein (es kommt oft vom Kopieren und Einfügen) und versuchen Sie es dann erneut
the-tester-could-not-update-b7d291a7 = der Tester konnte diese web.config nicht sicher aktualisieren ({ $arg0 }); es wurde nichts geändert. Bitte melden Sie das und ändern Sie die Datei vorerst von Hand
there-is-no-file-here-7f01ff88 = hier gibt es keine Datei; prüfen Sie den Pfad (die web.config liegt im Stammordner der Website): { $path }
another-program-has-the-file-fad4180e = ein anderes Programm hat die Datei geöffnet und lässt keine Änderung zu, daher wurde nichts geändert; schließen Sie das Programm, das sie geöffnet hat (einen Editor, den IIS-Manager, ein Sicherungs- oder Synchronisierungsprogramm), und versuchen Sie es dann erneut: { $path }
this-is-what-not-a-05f9ae91 = das ist { $what }, keine Datei, daher wurde es nicht angerührt; geben Sie den Pfad der web.config-Datei selbst an (sie liegt im Stammordner der Website): { $path }
the-file-is-read-only-c3ff344c = die Datei ist schreibgeschützt (sie ist als schreibgeschützt markiert, oder dieses Konto darf nicht hineinschreiben), daher wurde nichts geändert; entfernen Sie den Schreibschutz (Windows: Eigenschaften der Datei, Haken bei Schreibgeschützt entfernen; Linux: chmod u+w) oder führen Sie das Programm als Benutzer aus, der schreiben darf, und versuchen Sie es dann erneut: { $path }
the-file-is-size-bytes-2a8cdc56 = die Datei ist { $size } Bytes groß, zu groß für eine web.config (die Grenze liegt bei { $limit } Bytes); prüfen Sie, ob es die richtige Datei ist: { $path }
the-file-is-not-utf-e2a5449c = die Datei ist kein UTF-8- oder UTF-16-Text ({ $detail }); öffnen Sie sie in einem Texteditor, speichern Sie sie als UTF-8 und versuchen Sie es dann erneut: { $path }
the-file-changed-on-disk-62f7b37a = die Datei wurde auf dem Datenträger geändert, nachdem die Änderungen vorbereitet waren (ein anderes Programm oder eine andere Person hat sie bearbeitet), daher wurde nichts geschrieben; führen Sie die Aktualisierung erneut aus, um einen frischen Diff zu sehen: { $path }
could-not-write-the-backup-75f9a6c2 = die Sicherungskopie konnte nicht geschrieben werden ({ $source }), daher wurde die web.config nicht geändert; schaffen Sie Speicherplatz oder prüfen Sie die Berechtigungen des Ordners: { $path }
could-not-write-the-new-01f69e66 = der neue Inhalt konnte nicht geschrieben werden ({ $source }); der alte Inhalt ist in der Sicherungskopie { $backup } sicher. Wenn die web.config jetzt beschädigt ist, kopieren Sie die Sicherungskopie darüber: { $path }
permission-denied-this-account-may-28324bb6 = Zugriff verweigert: Dieses Konto darf die Datei nicht lesen. { $advice }: { $path }
permission-denied-this-account-may-14f1cab5 = Zugriff verweigert: Dieses Konto darf die Datei nicht schreiben (oder keine Dateien in ihrem Ordner anlegen). { $advice }: { $path }
could-not-read-the-file-988f82d4 = die Datei konnte nicht gelesen werden ({ $source }); prüfen Sie den Pfad und versuchen Sie es erneut: { $path }
could-not-write-the-file-0790a48d = die Datei konnte nicht geschrieben werden ({ $source }); prüfen Sie den Pfad und versuchen Sie es erneut: { $path }
a-website-s-files-under-c1972da4 = Die Dateien einer Website (zum Beispiel unter C:\inetpub) brauchen meist Administratorrechte: Schließen Sie Mail Settings Tester, klicken Sie mit der rechten Maustaste darauf und wählen Sie „Als Administrator ausführen“, und versuchen Sie es dann erneut; oder arbeiten Sie mit einer Kopie der Datei
run-it-as-a-user-e923af9a = Führen Sie es als Benutzer aus, der es darf (auf einem Webserver oft root oder der Eigentümer der Website, z. B. mit sudo), oder arbeiten Sie mit einer Kopie der Datei

## src/webconfig/file/checks.rs

a-named-pipe-fifo-47ff048c = eine benannte Pipe (FIFO)
a-device-7c776f4e = ein Gerät
a-socket-26577a75 = ein Socket
a-folder-419478b0 = ein Ordner
not-a-regular-file-ebe2737d = keine normale Datei

## src/webconfig/file.rs

utf-16-with-an-odd-c94555ea = UTF-16 mit einer ungeraden Anzahl Bytes: Die Datei ist abgeschnitten
broken-utf-16-5bc13a27 = fehlerhaftes UTF-16
it-looks-like-utf-16-33d07569 = es sieht nach UTF-16 ohne Byte-Order-Mark aus
line-line-has-a-character-cb86bf3b = Zeile { $line } enthält ein Zeichen, das kein UTF-8 ist, wahrscheinlich eine ältere Windows-Kodierung
too-many-backups-with-the-2a36fe1a = zu viele Sicherungskopien mit demselben Zeitstempel

## src/webconfig/layout.rs

added-element-inside-parent-431becd7 = <{ $element }> innerhalb von <{ $parent }> hinzugefügt.

## src/webconfig/lint.rs

fix-the-xml-in-a-546837d2 = Korrigieren Sie das XML in einem Texteditor (oder stellen Sie eine Sicherungskopie wieder her) und prüfen Sie dann erneut.
open-the-site-s-web-b8d6e299 = Öffnen Sie stattdessen die web.config der Website.
check-that-other-file-instead-0ed422f0 = Prüfen Sie stattdessen diese andere Datei.
decrypt-the-section-to-check-cf798e5a = Entschlüsseln Sie den Abschnitt, um ihn zu prüfen, oder testen Sie die Einstellungen, indem Sie sie eintippen.
this-web-config-has-no-07bafa83 = Diese web.config hat keine Mail-Einstellungen (<system.net><mailSettings><smtp>).
test-your-settings-then-use-6448d6a8 = Testen Sie Ihre Einstellungen und fügen Sie sie dann mit „web.config aktualisieren“ hinzu.
smtp-has-no-network-element-aa04a6eb = <smtp> hat kein <network>-Element, daher ist kein Mailserver genannt: Das Senden scheitert mit „The SMTP host was not specified.“, außer der Code der Website setzt ihn.
add-network-host-port-587-17c60e62 = Fügen Sie <network host="..." port="587" enableSsl="true" ... /> innerhalb von <smtp> hinzu („web.config aktualisieren“ erledigt das für Sie).
found-must-be-written-right-a97a6695 = <{ $found }> muss <{ $right }> geschrieben werden: Bei Elementnamen zählt die Groß- und Kleinschreibung, und ASP.NET lehnt die Datei so ab.
rename-found-to-right-in-b46d1244 = Benennen Sie <{ $found }> in <{ $right }> um (im öffnenden und im schließenden Tag).
element-is-written-more-than-3c644821 = <{ $element }> steht mehr als einmal da: ASP.NET lehnt einen Abschnitt ab, der doppelt vorkommt.
keep-one-element-and-remove-0b3b6944 = Behalten Sie ein <{ $element }> und entfernen Sie das andere.
the-mail-settings-are-inside-00a41f02 = Die Mail-Einstellungen stehen innerhalb von <location path="{ $path }">, sie gelten also für diesen Teil der Website.
usually-fine-if-the-whole-bd9e2bd3 = Meist in Ordnung; wenn die ganze Website Mails sendet und dies ein Unterordner ist, verschieben Sie <system.net> direkt unter <configuration>.
element-has-name-but-net-61c07682 = <{ $element }> hat `{ $name }`, aber .NET kennt nur `{ $right }`: Bei Attributnamen zählt die Groß- und Kleinschreibung, daher lehnt ASP.NET den ganzen Mail-Abschnitt ab („Unrecognized attribute '{ $name }'. Note that attribute names are case-sensitive.“), und es werden keine Mails gesendet.
rename-name-to-right-update-cb52d8cf = Benennen Sie `{ $name }` in `{ $right }` um („web.config aktualisieren“ erledigt das für Sie).
replace-name-with-meant-the-e25b0aa5 = Ersetzen Sie `{ $name }` durch `{ $meant }` (den Namen, den .NET kennt).
remove-name-element-knows-known-3e4e8597 = Entfernen Sie `{ $name }`. <{ $element }> kennt: { $known }.
element-has-name-which-is-117faef4 = <{ $element }> hat `{ $name }`, was keine .NET-Mail-Einstellung ist: ASP.NET lehnt den ganzen Mail-Abschnitt ab („Unrecognized attribute '{ $name }'.“), und es werden keine Mails gesendet.

## src/webconfig/lint_tls.rs

targetframework-stated-a-site-that-de58a7e3 = targetFramework="{ $stated }": Eine Website mit Ziel .NET Framework 4.5.2 oder älter bietet standardmäßig nur TLS 1.0 an, und Mailserver akzeptieren heute nur noch TLS 1.2 oder neuer. Das Senden scheitert daher mit „Authentication failed because the remote party has closed the transport stream.“, außer das Windows des Servers ist so eingestellt, dass es für jedes Programm starke Verschlüsselung verwendet.
write-httpruntime-targetframework-4-8-f7fec2a7 = Schreiben Sie <httpRuntime targetFramework="4.8" /> in <system.web> (.NET Framework 4.8 muss auf dem Webserver installiert sein; Ihr Hosting-Anbieter kann es Ihnen sagen), oder lassen Sie Ihren Entwickler beim Start ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12; hinzufügen.

## src/webconfig/lint_values.rs

smtp-has-no-from-address-f9cd657f = <smtp> hat keine `from`-Adresse, daher muss jede Nachricht der Website ihren eigenen Absender setzen; wo der Code das nicht tut, scheitert das Senden mit „A from address must be specified.“
add-from-you-yourdomain-com-ec32121e = Fügen Sie from="you@yourdomain.com" zu <smtp> hinzu, mit einer Adresse, als die der Mailserver Sie senden lässt.
deliveryformat-format-is-not-a-505b3353 = deliveryFormat="{ $format }" ist kein Zustellformat: ASP.NET lehnt den Mail-Abschnitt ab.
remove-deliveryformat-the-default-sevenb-95b52244 = Entfernen Sie deliveryFormat (die Voreinstellung SevenBit passt für fast jede Website), oder schreiben Sie SevenBit oder International.
deliverymethod-value-is-not-a-375196b5 = deliveryMethod="{ $value }" ist keine Zustellmethode: ASP.NET lehnt den Mail-Abschnitt ab.
write-deliverymethod-network-to-send-40e5740b = Schreiben Sie deliveryMethod="Network", um über den Mailserver zu senden.
deliverymethod-value-writes-each-message-82f343ab = deliveryMethod="{ $value }" schreibt jede Nachricht als Datei in einen Ordner, statt sie zu senden: Nichts erreicht den Mailserver, egal was in <network> steht.
write-deliverymethod-network-to-send-3e1d84d7 = Schreiben Sie deliveryMethod="Network", um über den Mailserver zu senden (den Ordner nur auf einer Test-Website behalten).
no-mail-server-is-named-4f06cc8f = Es ist kein Mailserver genannt (`host` fehlt oder ist leer), daher scheitert das Senden mit „The SMTP host was not specified.“, außer der Code der Website setzt ihn.
add-host-smtp-yourprovider-com-bb4f6757 = Fügen Sie host="smtp.yourprovider.com" zu <network> hinzu.
port-465-is-for-ssl-761241f1 = port="465" ist für SSL ab Verbindungsbeginn, was System.Net.Mail nicht beherrscht: Es wartet auf eine Begrüßung, die nie kommt, und scheitert nach 100 Sekunden mit „The operation has timed out.“
use-port-587-with-enablessl-e0c0c6ce = Verwenden Sie port="587" mit enableSsl="true" (STARTTLS), und testen Sie es zuerst.
port-value-is-outside-1-968b4df1 = port="{ $value }" liegt außerhalb von 1–65535: ASP.NET lehnt den Mail-Abschnitt ab.
use-port-587-the-usual-19aa1c58 = Verwenden Sie port="587" (den üblichen Port zum Senden von Websites aus), sofern Ihr Anbieter nichts anderes sagt.
port-value-is-not-a-f40e6f90 = port="{ $value }" ist keine ganze Zahl: ASP.NET lehnt den Mail-Abschnitt ab.
encrypt-the-connection-with-starttls-1fd0d51e = die Verbindung mit STARTTLS verschlüsseln
sign-in-as-the-website-7d587fd7 = mit dem Windows-Konto der Website anmelden
enablessl-is-true-while-deliverymethod-2ec1b295 = enableSsl ist true, während deliveryMethod in einen Ordner schreibt: .NET bricht mit „SSL must not be enabled for pickup-directory delivery methods.“ ab.
write-deliverymethod-network-to-send-4e4c28b5 = Schreiben Sie deliveryMethod="Network", um über den Server zu senden, oder enableSsl="false", um den Ordner zu behalten.
name-value-is-neither-true-f3d68c43 = { $name }="{ $value }" ist weder true noch false: ASP.NET lehnt den Mail-Abschnitt ab.
write-name-true-meaning-or-f1a39692 = Schreiben Sie { $name }="true" ({ $meaning }) oder { $name }="false".
defaultcredentials-true-makes-asp-net-6f0df787 = defaultCredentials="true" lässt ASP.NET sich mit dem Windows-Konto der Website anmelden: userName und password werden ignoriert.
write-defaultcredentials-false-to-sign-9b9e51b7 = Schreiben Sie defaultCredentials="false", um sich mit userName und password anzumelden (oder entfernen Sie userName, wenn das Windows-Konto gemeint ist).
username-is-set-but-there-7c2d8888 = userName ist gesetzt, aber es gibt kein Passwort, daher wird der Server die Anmeldung ablehnen.
add-password-to-network-or-21c7b43d = Fügen Sie password="..." zu <network> hinzu (oder aktualisieren Sie die Datei mit eingefügtem Passwort).
a-password-is-set-but-d646dd41 = Ein Passwort ist gesetzt, aber userName ist leer, daher meldet sich ASP.NET gar nicht an (ohne Benutzernamen sendet es keine Zugangsdaten).
add-username-usually-the-full-f1b8ba60 = Fügen Sie userName="..." hinzu (meist die vollständige E-Mail-Adresse), oder entfernen Sie das Passwort.
enablessl-is-false-so-the-4de882bb = enableSsl ist false, daher gehen Benutzername und Passwort unverschlüsselt über das Netzwerk (und viele Server verweigern die Anmeldung ohne Verschlüsselung).
write-enablessl-true-if-the-cfab14f3 = Schreiben Sie enableSsl="true", wenn der Server STARTTLS anbietet (testen Sie es zuerst).
the-password-is-written-in-8b0e18ce = Das Passwort steht im Klartext in der web.config: Wer diese Datei lesen kann, kann es lesen.
once-the-settings-work-encrypt-99ce1214 = Sobald die Einstellungen funktionieren, verschlüsseln Sie den Abschnitt auf dem Server: aspnet_regiis -pe "system.net/mailSettings/smtp" -app "/YourSite" (ASP.NET entschlüsselt ihn von selbst).

## src/webconfig/mod.rs

saving-web-config-restarts-the-382be3c3 = Das Speichern der web.config startet die Website neu (IIS lädt sie neu): Es kann ein paar Sekunden dauern, bis sie wieder antwortet, und angemeldete Besucher müssen sich vielleicht erneut anmelden.

## src/webconfig/rules.rs

this-site-runs-on-net-353ee75a = Diese Website läuft auf .NET Framework 2.0–3.5, wo die web.config kein enableSsl kennt (es kam mit 4.0, und ältere Versionen lehnen deswegen den ganzen Abschnitt ab), daher lässt dieser Codeausschnitt es weg. Der Server verlangt Verschlüsselung, schalten Sie sie also im Code ein: Setzen Sie SmtpClient.EnableSsl = true vor Send (für das PasswordRecovery-Steuerelement behandeln Sie dessen Ereignis SendingMail, senden die Nachricht selbst mit EnableSsl = true und setzen e.Cancel = true). Besser: Stellen Sie die Website auf .NET Framework 4.x um, wo enableSsl="true" in der web.config genügt.
mail-servers-now-require-tls-ce5510dc = Mailserver verlangen heute TLS 1.2: Stellen Sie sicher, dass die Website auf .NET Framework 4.7 oder neuer zielt (<httpRuntime targetFramework="4.7.2" /> oder neuer), oder dass Windows TLS 1.2 für ältere Ziele aktiviert.
asp-net-core-net-5-5f421df6 = ASP.NET Core (.NET 5 und neuer) liest <mailSettings> aus der web.config überhaupt nicht, dieser Block würde also nichts bewirken. Verwenden Sie stattdessen den Tab ASP.NET Core: appsettings.json für MailKit.
asp-net-cannot-use-port-22b9f926 = ASP.NET kann Port 465 (SSL ab Verbindungsbeginn) nicht verwenden, daher wird stattdessen Port 587 mit enableSsl="true" verwendet. Testen Sie Port 587, bevor Sie sich darauf verlassen.
enablessl-is-false-the-password-037fb99f = enableSsl ist false: Das Passwort geht unverschlüsselt über das Netzwerk. Verwenden Sie enableSsl="true", wenn der Server es anbietet.

## src/webconfig/section.rs

element-holds-encrypteddata-30490473 = <{ $element }> enthält <EncryptedData>

## src/webconfig/tag.rs

a-tag-could-not-be-f1aa86a3 = ein Tag konnte nicht gelesen werden
a-is-not-followed-by-579caa22 = auf ein < folgt kein Elementname
in-name-attributes-must-be-9c9f83dd = in <{ $name }> müssen Attribute durch ein Leerzeichen getrennt sein
element-has-the-attribute-name-c9e1b545 = <{ $element }> hat das Attribut { $name } zweimal
in-element-a-stray-quote-7de86a37 = in <{ $element }> steht ein überzähliges Anführungszeichen oder = dort, wo ein Attributname stehen sollte
in-element-the-attribute-name-d514ebae = in <{ $element }> hat das Attribut { $name } keinen Wert (schreiben Sie { $name }="...")
in-element-the-value-of-1f8d26e4 = in <{ $element }> muss der Wert von { $name } in Anführungszeichen stehen
in-element-the-value-of-3104c556 = in <{ $element }> hat der Wert von { $name } kein schließendes Anführungszeichen
in-element-the-value-of-2c82c8d0 = in <{ $element }> enthält der Wert von { $name } ein <, das als &lt; geschrieben werden muss
in-element-the-value-of-5b909dc6 = in <{ $element }> enthält der Wert von { $name } ein &, das kein gültiger Verweis ist (schreiben Sie & als &amp;)

## src/webconfig/update.rs

no-password-was-written-it-6739a1ec = Es wurde kein Passwort geschrieben (es wird weggelassen, außer Sie verlangen es): Fügen Sie password="..." von Hand zu <network> hinzu, oder aktualisieren Sie erneut mit eingefügtem Passwort.

## mailtester --help: the doc comments clap shows, and clap's own texts

tests-smtp-settings-the-way-5dd24b90 = Testet SMTP-Einstellungen so, wie eine Website sie verwendet, erklärt Fehler in einfachen Worten und schreibt den web.config-Codeausschnitt, der funktioniert.
the-language-of-messages-and-254dde98 = Die Sprache der Meldungen und des Fensters: de, fr, es, pt-BR, it, nl, pl, ja oder en (Standard: die des Systems). JSON, Codeausschnitte, IDs und Exit-Codes sind in jeder Sprache gleich
print-help-63ca5eeb = Hilfe anzeigen
print-version-070bbb84 = Version anzeigen
send-a-test-message-and-43b885a5 = Eine Testnachricht senden und jeden Schritt des Austauschs mit dem Server anzeigen
start-from-a-provider-s-927bdeaf = Mit den Einstellungen eines Anbieters beginnen (siehe `mailtester presets`); andere Flags überschreiben sie
start-from-a-saved-profile-4d8d2825 = Mit einem gespeicherten Profil beginnen (siehe `mailtester profile list`); andere Flags überschreiben es, und sein Passwort kommt aus dem Schlüsselbund des Systems, sofern es nicht angegeben wird
host-the-mail-server-s-ef315f6f = `host`: der Name des Mailservers
port-587-for-most-providers-b7560650 = `port` (587 bei den meisten Anbietern; der Standardwert der web.config ist 25)
enablessl-starttls-web-config-s-201dd084 = `enableSsl` (STARTTLS). Der Standardwert der web.config ist false
connection-security-overrides-enable-ssl-4bfd0c93 = Verbindungssicherheit; überschreibt --enable-ssl
starttls-what-enablessl-true-means-49815d99 = STARTTLS (was enableSsl="true" bedeutet)
ssl-on-connect-usually-port-5606cb12 = SSL ab Verbindungsbeginn (meist Port 465; mit ASP.NET nicht möglich)
username-usually-the-full-email-1aca0825 = `userName` (meist die vollständige E-Mail-Adresse)
read-the-password-from-the-3b36a99c = Das Passwort aus der ersten Zeile der Standardeingabe lesen
read-the-password-from-this-8b7c2f86 = Das Passwort aus dieser Umgebungsvariable lesen
defaultcredentials-sign-in-as-the-dcf0f239 = `defaultCredentials`: als das Windows-Konto anmelden statt mit einem Benutzernamen
from-the-sender-address-38af51cb = `from`: die Absenderadresse
where-to-send-the-test-f1adc9fb = Wohin der Test gesendet wird (Standard: die Absenderadresse)
clientdomain-the-name-sent-with-05cff35e = `clientDomain`: der mit EHLO gesendete Name (Standard: der Name dieses Computers)
limit-for-each-wait-in-fd8c958b = Zeitlimit für jedes Warten, in Sekunden (Standard: Verbinden 10, Begrüßung 10, Befehle 30)
the-limit-for-the-whole-719e5a06 = Das Zeitlimit für den ganzen Test in Sekunden, egal wie langsam, aber stetig der Server antwortet [Standard: 120, oder --timeout, wenn angegeben]
how-long-to-wait-in-d78347aa = Wie lange in Sekunden darauf gewartet wird, dass der Server die Nachricht annimmt, nachdem sie vollständig gesendet ist (Server, die jede Nachricht auf Spam prüfen, können langsam sein); das Zeitlimit für den ganzen Test gilt weiterhin. Für --target dotnet gilt nur das Zeitlimit für den ganzen Test, wie in ASP.NET [Standard: 90, oder --timeout, wenn angegeben]
an-extra-file-of-certificate-e8ce08c6 = Eine zusätzliche Datei mit Zertifizierungsstellen, denen vertraut werden soll (PEM oder ein einzelnes .cer-Zertifikat im DER-Format)
go-on-when-the-certificate-c46a2c17 = Fortfahren, wenn das Zertifikat ungültig ist (wird immer als Warnung gemeldet)
sign-in-even-over-an-cd05e74d = Auch über eine unverschlüsselte Verbindung anmelden (das Passwort geht dann über das Netzwerk, lesbar für jeden auf dem Weg). Ohne diese Option hält der Test an, bevor er das Passwort dorthin sendet
the-program-that-will-use-dc349359 = Das Programm, das diese Einstellungen verwenden wird [Standard: dotnet]
asp-net-system-net-mail-a1aacdb3 = ASP.NET / System.Net.Mail (web.config): verhält sich genau so
any-other-mail-program-the-96b08a92 = Jedes andere Mailprogramm: das Beste, was der Server anbietet
the-website-s-asp-net-768c8f73 = Die ASP.NET-Laufzeit der Website: bestimmt, was in der web.config stehen kann [Standard: 4]
net-framework-2-0-no-9d07e76e = .NET Framework 2.0 (kein enableSsl in der web.config)
net-framework-3-5-no-2d75b08e = .NET Framework 3.5 (kein enableSsl in der web.config)
net-framework-4-x-c65af3fe = .NET Framework 4.x
asp-net-core-net-5-64b81ab6 = ASP.NET Core / .NET 5 oder neuer (kein <mailSettings>; appsettings.json)
put-the-real-password-in-1ff6bd67 = Das echte Passwort in den Codeausschnitt schreiben, der bei Erfolg ausgegeben wird (standardmäßig aus)
print-one-json-document-instead-6d017d51 = Ein einziges JSON-Dokument statt Text ausgeben
save-the-password-in-the-25317884 = Das Passwort im Schlüsselbund des Systems speichern (außer der Server lehnt die Anmeldung ab)
write-a-support-report-settings-d77f0f48 = Einen Support-Bericht (Einstellungen ohne das Passwort, Schritte, Diagnose, Protokoll) in diese Datei schreiben, egal wie der Test ausgeht
write-the-support-report-in-385b4225 = Den Support-Bericht auf Englisch schreiben, egal in welcher Sprache die Meldungen sind (für einen Support, der Englisch liest)
after-the-message-went-through-4ac879ba = Nachdem die Nachricht durchgegangen ist, SPF, DKIM und DMARC der `from`-Domain für diesen Server prüfen („Kommt sie an?“); Exit-Code 9, wenn ein Problem gefunden wird
the-dns-server-for-check-5a2c9bdc = Der DNS-Server für --check-dns und die DKIM-Schlüssel von --check-inbox (UDP und TCP) anstelle des DNS-Servers dieses Computers
after-the-message-went-through-32241c55 = Nachdem die Nachricht durchgegangen ist, über IMAP in diesem Postfach nach ihr suchen und sagen, ob sie im Posteingang oder im Spam gelandet ist: imaps://USER@HOST[:PORT] (oder imap:// für STARTTLS). Das Passwort kommt aus --inbox-password-env, --inbox-password-stdin oder dem Schlüsselbund (Konto USER@HOST:PORT), oder es ist das Anmeldepasswort, wenn USER und HOST dieselben sind. Exit-Code 10, wenn sie nicht im Posteingang ist
read-the-mailbox-password-from-b8be0c16 = Das Passwort des Postfachs aus dieser Umgebungsvariable lesen
read-the-mailbox-password-from-0f167cb6 = Das Passwort des Postfachs aus einer Zeile der Standardeingabe lesen (der Zeile nach dem Anmeldepasswort, wenn auch --password-stdin angegeben ist)
save-the-mailbox-password-in-ee48313c = Das Passwort des Postfachs im Schlüsselbund des Systems speichern (Konto USER@HOST:PORT), sobald das Postfach die Anmeldung angenommen hat, damit spätere Prüfungen kein Passwort-Flag brauchen
how-long-to-look-for-6cad6128 = Wie lange nach der Nachricht gesucht wird, bevor es heißt, sie sei nicht angekommen, in Sekunden
sign-in-with-oauth-using-fc0bf5f4 = Mit OAuth anmelden, mit dem Zugriffstoken aus dieser Umgebungsvariable
sign-in-with-oauth-0a054126 = Mit OAuth anmelden
sign-in-with-oauth-using-b3ed4824 = Mit OAuth anmelden, mit dem Zugriffstoken aus der ersten Zeile der Standardeingabe
get-the-token-from-the-f992c8b8 = Das Token zuerst beim Anbieter holen (Microsoft: eine App, die sich mit --tenant, --client-id und ihrem geheimen Clientschlüssel in eigenem Namen anmeldet)
microsoft-365-client-credentials-the-dbe9f4d8 = Microsoft 365 (Clientanmeldeinformationen: Client-ID und geheimer Clientschlüssel der App)
google-not-for-apps-signing-f932ba5a = Google (nicht für Apps, die sich in eigenem Namen anmelden: siehe die Meldung)
a-person-signs-in-instead-b5d721d5 = Eine Person meldet sich an (statt der App in eigenem Namen): im Browser des Systems oder mit einem Code, der auf einem beliebigen Gerät eingegeben wird. Die Anmeldung wird im Schlüsselbund aufbewahrt und unbemerkt erneuert
open-the-sign-in-page-869ea4f6 = Die Anmeldeseite im Browser des Systems öffnen (`MAILTESTER_BROWSER` auf ein Programm setzen, um einen anderen zu verwenden)
show-a-code-to-type-b863e025 = Einen Code anzeigen, der auf einem beliebigen Gerät auf der Seite des Anbieters eingegeben wird
microsoft-the-directory-tenant-id-cbfe8ad3 = Microsoft: die Directory (tenant) ID oder eine Domain der Organisation (wenn sich eine Person anmeldet: standardmäßig `organizations`, `consumers` für Outlook.com)
the-app-s-application-client-82f1a168 = Die Application (client) ID der App
read-the-app-s-client-e9605cd5 = Den geheimen Clientschlüssel der App aus dieser Umgebungsvariable lesen
read-the-app-s-client-3ca50f89 = Den geheimen Clientschlüssel der App aus der ersten Zeile der Standardeingabe lesen
the-sign-in-service-default-2cd3b589 = Der Anmeldedienst [Standard: <https://login.microsoftonline.com>]; nur https (einfaches http nur auf diesem Computer, für Testserver)
use-this-oauth-method-by-0fe17325 = Dieses OAuth-Verfahren verwenden; standardmäßig XOAUTH2, wenn der Server es anbietet, sonst OAUTHBEARER
xoauth2-google-s-and-microsoft-cb4ab04d = XOAUTH2 (von Google und Microsoft)
oauthbearer-rfc-7628-8e2ee2e0 = OAUTHBEARER (RFC 7628)
print-help-see-more-with-0a4f0559 = Hilfe anzeigen (mehr mit '--help')
print-help-see-a-summary-d04996c7 = Hilfe anzeigen (eine Zusammenfassung mit '-h')
explain-an-error-message-your-18d7c6df = Eine Fehlermeldung erklären, die Ihre Website protokolliert hat (den Text angeben, oder - zum Lesen der Standardeingabe)
the-error-text-or-nothing-d88c8bf9 = Der Fehlertext; `-` oder nichts liest die Standardeingabe
print-json-instead-of-text-beed6e40 = JSON statt Text ausgeben
the-website-s-asp-net-a497bacd = Die ASP.NET-Laufzeit der Website: Die Ratschläge verwenden, was sie einstellen kann [Standard: 4]
print-the-configuration-for-these-e00a86b9 = Die Konfiguration für diese Einstellungen ausgeben: web.config, oder mit --format die einer anderen Plattform (es wird kein Test ausgeführt)
put-the-real-password-in-6427f579 = Das echte Passwort in den Codeausschnitt schreiben (standardmäßig aus)
which-platform-s-configuration-to-dceee300 = Für welche Plattform die Konfiguration ausgegeben wird (`all` gibt alle aus) [Standard: webconfig, oder mailkit mit --framework core]
web-config-d60c5f1f = web.config
wp-config-php-3861a5b9 = wp-config.php
env-65512ae0 = .env
settings-py-32af70ed = settings.py
nodemailer-51ddd8d1 = Nodemailer
env-local-ba614501 = .env.local
appsettings-json-mailkit-701582dc = appsettings.json, MailKit
every-format-one-after-the-d319a4ba = alle Formate nacheinander
write-the-configuration-for-signing-f08a5eb8 = Die Konfiguration für die Anmeldung mit OAuth bei diesem Anbieter statt mit einem Passwort schreiben (geheimer Clientschlüssel und Refresh-Token immer als Platzhalter)
oauth-22077a14 = OAuth
microsoft-the-directory-tenant-id-e920a4ad = Microsoft: die Directory (tenant) ID oder eine Domain der Organisation
a-person-signs-in-once-2851ee47 = Eine Person meldet sich einmal an (ein Refresh-Token), statt dass sich die App in eigenem Namen anmeldet
list-the-provider-presets-usable-3657c41c = Die Anbieter-Vorlagen auflisten, die mit --preset verwendbar sind
save-and-manage-named-settings-c7ac9890 = Benannte Einstellungen (Profile) speichern und verwalten; Passwörter kommen nur in den Schlüsselbund des Systems
list-the-saved-profiles-711101ad = Die gespeicherten Profile auflisten
show-a-profile-s-settings-2e26da20 = Die Einstellungen eines Profils anzeigen und ob sein Passwort im Schlüsselbund gespeichert ist
the-profile-s-name-56c43ba2 = Der Name des Profils
save-settings-under-a-name-0486960c = Einstellungen unter einem Namen speichern; das Profil wird angelegt oder ersetzt (dieselben Flags wie `send`)
the-profile-s-name-up-bc6f9e08 = Der Name des Profils (bis zu 64 Zeichen, kein / oder \)
also-save-the-password-from-580edf38 = Auch das Passwort (aus --password-stdin oder --password-env) im Schlüsselbund des Systems speichern
rename-a-profile-71f68a2d = Ein Profil umbenennen
the-current-name-de8e7e88 = Der aktuelle Name
the-new-name-a623aef5 = Der neue Name
delete-a-profile-44262b68 = Ein Profil löschen
also-remove-its-saved-password-da2c7d1e = Auch sein gespeichertes Passwort aus dem Schlüsselbund entfernen
remove-a-profile-s-saved-298cfc7c = Das gespeicherte Passwort eines Profils aus dem Schlüsselbund entfernen (das Profil bleibt)
remove-every-profile-and-every-de18827a = Alle Profile und jedes Passwort entfernen, das Mail Settings Tester im Schlüsselbund gespeichert hat (was das Kontrollkästchen „Auch meine gespeicherten Profile und gemerkten Passwörter entfernen“ im Deinstallationsprogramm bewirkt)
do-it-without-asking-061c8750 = Ohne Nachfrage ausführen
print-this-message-or-the-7623c860 = Diese Meldung oder die Hilfe der angegebenen Unterbefehle anzeigen
read-check-or-update-the-1315aa12 = Die Mail-Einstellungen in einer web.config-Datei lesen, prüfen oder aktualisieren
read-the-mail-settings-from-6b91affb = Die Mail-Einstellungen aus einer web.config lesen (das Passwort wird nie angezeigt)
the-web-config-file-2305e780 = Die web.config-Datei
check-a-web-config-s-eb60dc36 = Die Mail-Einstellungen einer web.config darauf prüfen, was ASP.NET ablehnen würde (Exit-Code 7 bei Fehlern)
write-these-settings-into-a-4573a44f = Diese Einstellungen in eine web.config schreiben: zeigt die Änderungen (diff), sichert die Datei und schreibt dann (mit --yes oder nachdem Sie mit j geantwortet haben)
the-web-config-file-to-3839ba8f = Die zu ändernde web.config-Datei
write-the-real-password-too-865a9e8f = Auch das echte Passwort schreiben (es wird in den Änderungen nie angezeigt). Ohne diese Option bleibt ein vorhandenes Passwort genau so, wie es ist, und es wird keines hinzugefügt
write-without-asking-9993991f = Ohne Nachfrage schreiben
only-show-what-would-change-e66dcdb4 = Nur anzeigen, was sich ändern würde; nichts schreiben
find-the-outgoing-mail-settings-22b0736f = Die Einstellungen für ausgehende Mails einer E-Mail-Adresse finden (oder einen Server auf jedem Port testen), ohne eine Nachricht oder ein Passwort zu senden
your-email-address-its-domain-cbd85dd0 = Ihre E-Mail-Adresse: Die Postausgangsserver ihrer Domain werden ermittelt (DNS, autoconfig, Anbieter) und getestet
a-server-name-to-test-4879088a = Stattdessen ein Servername, der auf jedem Port getestet wird
ports-to-try-on-every-53d9d629 = Ports, die auf jedem Server probiert werden, durch Kommas getrennt; ersetzt die Standardliste 587,465,25,2525 (Ports aus SRV-Einträgen oder autoconfig werden hinzugefügt)
the-limit-for-each-probe-127daa95 = Das Zeitlimit für jeden Versuch, in Sekunden (Verbinden, Begrüßung und der Rest)
ask-this-dns-server-udp-35bceb0e = Diesen DNS-Server (UDP und TCP) anstelle des DNS-Servers dieses Computers fragen; der Port ist standardmäßig 53
the-program-that-will-use-d4cb334f = Das Programm, das die Einstellungen verwenden wird: bestimmt die Rangfolge [Standard: dotnet]
an-extra-file-of-certificate-da1c1030 = Eine zusätzliche Datei mit Zertifizierungsstellen, denen vertraut werden soll, PEM oder DER .cer (SMTP und der Download der autoconfig)
count-servers-with-an-invalid-f7b64de7 = Server mit ungültigem Zertifikat als nutzbar zählen (das Problem wird trotzdem angezeigt)
the-https-port-of-autoconfig-9185457f = Der HTTPS-Port der autoconfig-Server (für Tests)
show-or-forget-a-person-11db4f12 = Die im Schlüsselbund aufbewahrte OAuth-Anmeldung einer Person anzeigen oder vergessen (siehe send --sign-in)
is-a-person-s-sign-95ba3aa1 = Wird für dieses Postfach und diese App die Anmeldung einer Person aufbewahrt? Erneuert sie, um zu belegen, dass sie noch funktioniert
the-mailbox-that-signed-in-dcf5d44a = Das Postfach, das sich angemeldet hat
the-provider-cf9e8981 = Der Anbieter
microsoft-the-tenant-signed-in-b1d7bb9b = Microsoft: der Tenant, bei dem die Anmeldung erfolgte [Standard: organizations]
the-sign-in-service-when-71e1c665 = Der Anmeldedienst, wenn es nicht der eigene des Anbieters ist
google-read-the-desktop-app-d5898bb6 = Google: den geheimen Clientschlüssel der Desktop-App aus dieser Umgebungsvariable lesen
forget-the-kept-sign-in-65d531bb = Die aufbewahrte Anmeldung vergessen (das Refresh-Token im Schlüsselbund)
the-steps-that-let-an-e27948a2 = Die Schritte, mit denen eine App mit OAuth als Postfach in Microsoft 365 senden kann (App-Registrierung, Berechtigung, Administratorzustimmung, PowerShell), ausgefüllt mit Ihren Angaben
the-mailbox-the-app-sends-a8459939 = Das Postfach, als das die App sendet
the-directory-tenant-id-when-465cc398 = Die Directory (tenant) ID, falls bekannt
the-application-client-id-when-024fef16 = Die Application (client) ID, falls bekannt
will-mail-from-this-address-8c0194c4 = Kommen Mails von dieser Adresse an? Prüft SPF, DKIM und DMARC ihrer Domain für den Server, über den sie laufen, und gibt die hinzuzufügenden DNS-Einträge aus
the-from-address-your-website-5f5287e4 = Die `from`-Adresse, mit der Ihre Website sendet; der DNS ihrer Domain wird geprüft
the-smtp-server-the-mail-68b38aa4 = Der SMTP-Server, über den die Mail läuft: SPF wird für seine Adressen ausgewertet und DKIM für die Selektoren seines Anbieters geprüft
check-the-mail-settings-of-1120eef6 = Die Mail-Einstellungen jeder Website unter einigen Ordnern prüfen (web.config, wp-config.php, .env, appsettings.json): Jeder Mailserver wird einmal kontaktiert, jede Website erhält ein Ergebnis und ihre Lösung. Liest nur; sendet nie Mails
the-folders-to-look-in-963b17a2 = Die Ordner, in denen gesucht wird (die Websites eines Hosting-Servers: `C:\inetpub\vhosts`, `/var/www`), oder einzelne Konfigurationsdateien
also-scan-the-sites-listed-9cf2dfb8 = Auch die Websites durchsuchen, die in dieser applicationHost.config von IIS aufgeführt sind (`%windir%\System32\inetsrv\config\applicationHost.config`)
judge-from-the-files-alone-e580fcc5 = Nur anhand der Dateien beurteilen: keinen Server kontaktieren
also-try-each-account-s-6362a89f = Auch Benutzername und Passwort jedes Kontos einmal ausprobieren (nur Anmeldung, dann QUIT; nie eine Nachricht; pro Server jeweils ein Konto, mit einer Pause dazwischen)
how-many-servers-to-contact-a7a31c2c = Wie viele Server gleichzeitig kontaktiert werden (jeder Server erhält jeweils nur eine Verbindung)
the-limit-for-each-server-43cad9fe = Das Zeitlimit für jeden Server, in Sekunden
an-extra-file-of-certificate-1ea069c0 = Eine zusätzliche Datei mit Zertifizierungsstellen, denen vertraut werden soll, PEM oder DER .cer
ask-this-dns-server-instead-f78030e2 = Diesen DNS-Server anstelle des DNS-Servers dieses Computers fragen; der Port ist standardmäßig 53
print-one-json-document-instead-4ee9e15d = Ein einziges JSON-Dokument statt der Tabelle ausgeben
also-write-one-row-per-ee388af8 = Außerdem eine Zeile pro Website in diese CSV-Datei schreiben
also-write-a-page-to-d3088699 = Außerdem eine Seite zum Lesen und Filtern in diese HTML-Datei schreiben
the-pause-between-two-sign-1665f117 = Die Pause zwischen zwei Anmeldungen am selben Server, in Sekunden (mit --sign-in)

## The same texts as a pasted log, PHPMailer, ASP.NET 2.0–3.5 and ASP.NET Core read them

verify-the-from-address-or-e1e9a7fb = Bestätigen Sie die `From`-Adresse (oder ihre ganze Domain) im Dashboard Ihres Versanddienstes.
verify-the-setfrom-address-or-04ef5b06 = Bestätigen Sie die `setFrom()`-Adresse (oder ihre ganze Domain) im Dashboard Ihres Versanddienstes.
send-again-after-the-change-b575e680 = Senden Sie nach der Änderung erneut.
wait-a-few-minutes-and-fc0e871d = Warten Sie ein paar Minuten und senden Sie erneut.
keep-ssl-switched-on-in-768015ad = Lassen Sie SSL im Code eingeschaltet: Ohne Verschlüsselung ginge Ihr Passwort lesbar über das Netzwerk.
keep-securesocketoptions-set-to-starttls-2d62cb3b = Lassen Sie `SecureSocketOptions` auf `StartTls`: Ohne Verschlüsselung ginge Ihr Passwort lesbar über das Netzwerk.
keep-smtpsecure-set-to-tls-a73ff0de = Lassen Sie `SMTPSecure` auf `'tls'` (STARTTLS): Ohne Verschlüsselung ginge Ihr Passwort lesbar über das Netzwerk.
send-again-0c4b9d7b = Senden Sie erneut.
the-server-offers-sign-in-dde700b2 = Der Server bietet die Anmeldung erst an, wenn die Verbindung mit STARTTLS verschlüsselt ist (so wechselt ein Mailserver zu einer verschlüsselten Verbindung), daher hat er die Anmeldung verborgen, um Ihr Passwort zu schützen. `smtpClient.EnableSsl = true;` im Code schaltet STARTTLS ein.
the-server-offers-sign-in-bff6d7a0 = Der Server bietet die Anmeldung erst an, wenn die Verbindung mit STARTTLS verschlüsselt ist (so wechselt ein Mailserver zu einer verschlüsselten Verbindung), daher hat er die Anmeldung verborgen, um Ihr Passwort zu schützen. `"SecureSocketOptions": "StartTls"` schaltet STARTTLS in der appsettings.json ein.
the-server-offers-sign-in-e2838ecd = Der Server bietet die Anmeldung erst an, wenn die Verbindung mit STARTTLS verschlüsselt ist (so wechselt ein Mailserver zu einer verschlüsselten Verbindung), daher hat er die Anmeldung verborgen, um Ihr Passwort zu schützen. `$mail->SMTPSecure = 'tls';` schaltet STARTTLS in Ihren PHPMailer-Einstellungen ein.
host-has-no-dot-in-c5a60fd0 = `Host` enthält keinen Punkt, Namen von Mailservern sehen aber aus wie `smtp.example.com`: Vergleichen Sie ihn mit den Anleitungen Ihres Anbieters.
check-that-the-web-server-db7d5f53 = Prüfen Sie, ob der Webserver mit dem Internet verbunden ist, und senden Sie dann erneut.
or-change-port-to-587-5d9bcb7b = Oder ändern Sie `Port` auf `587` und verwenden Sie STARTTLS (so wechselt ein Mailserver zu einer verschlüsselten Verbindung).
the-connection-ended-while-switching-b63efb40 = Die Verbindung endete beim Wechsel zur Verschlüsselung: Prüfen Sie, ob `port` und SSL (`SmtpClient.EnableSsl`, im Code gesetzt) zu den Anleitungen Ihres Anbieters passen (für ASP.NET `587` mit im Code eingeschaltetem SSL).
the-connection-ended-while-switching-1cd6aa8f = Die Verbindung endete beim Wechsel zur Verschlüsselung: Prüfen Sie, ob `Port` und `SecureSocketOptions` zu den Anleitungen Ihres Anbieters passen (für ASP.NET `587` mit `SecureSocketOptions` auf `StartTls`).
the-connection-ended-while-switching-7b2719f9 = Die Verbindung endete beim Wechsel zur Verschlüsselung: Prüfen Sie, ob `Port` und `SMTPSecure` zu den Anleitungen Ihres Anbieters passen (für ASP.NET `587` mit `SMTPSecure` auf `'tls'` (STARTTLS)).
some-servers-hang-up-instead-dfeb1bd9 = Manche Server legen einfach auf, statt zu sagen, dass das Passwort abgelehnt wurde: Prüfen Sie `UserName` und `Password`.
some-servers-hang-up-instead-0278e739 = Manche Server legen einfach auf, statt zu sagen, dass das Passwort abgelehnt wurde: Prüfen Sie `Username` und `Password`.
send-again-in-a-few-68c0d09c = Senden Sie in ein paar Minuten erneut.
send-this-error-message-to-89c5093e = Schicken Sie diese Fehlermeldung an Ihren Mail-Anbieter.
use-a-sender-address-from-14e961d9 = Verwenden Sie eine Absenderadresse (`From`), die vor dem @ nur einfache Buchstaben (a bis z), Ziffern, Punkte oder Bindestriche enthält, zum Beispiel `info@` Ihre Domain.
use-a-sender-address-the-ca84d68b = Verwenden Sie eine Absenderadresse (die `setFrom()`-Adresse), die vor dem @ nur einfache Buchstaben (a bis z), Ziffern, Punkte oder Bindestriche enthält, zum Beispiel `info@` Ihre Domain.
or-add-deliveryformat-international-to-8ec871d6 = Oder fügen Sie `deliveryFormat="International"` zum `<smtp>`-Element in der appsettings.json hinzu (ASP.NET 4.5 oder neuer): Dann sendet ASP.NET internationale Adressen an Server, die SMTPUTF8 anbieten.
or-add-deliveryformat-international-to-faa47e44 = Oder fügen Sie `deliveryFormat="International"` zum `<smtp>`-Element in Ihren PHPMailer-Einstellungen hinzu (ASP.NET 4.5 oder neuer): Dann sendet ASP.NET internationale Adressen an Server, die SMTPUTF8 anbieten.
if-nothing-arrives-within-15-c518a7e3 = Wenn innerhalb von 15 Minuten nichts ankommt, senden Sie erneut; wenn das wieder passiert, schicken Sie diese Fehlermeldung an Ihren Mail-Anbieter.
in-microsoft-365-an-app-6e56c287 = In Microsoft 365 braucht eine App, die in eigenem Namen sendet, all dies: die Berechtigung SMTP.SendAsApp (Office 365 Exchange Online) mit Administratorzustimmung; einen Dienstprinzipal, erstellt mit New-ServicePrincipal mit der Objekt-ID der Unternehmensanwendung (nicht der der App-Registrierung); Add-MailboxPermission für das Postfach in `UserName`; und „Authenticated SMTP“ eingeschaltet für dieses Postfach.
in-microsoft-365-an-app-b3e112e7 = In Microsoft 365 braucht eine App, die in eigenem Namen sendet, all dies: die Berechtigung SMTP.SendAsApp (Office 365 Exchange Online) mit Administratorzustimmung; einen Dienstprinzipal, erstellt mit New-ServicePrincipal mit der Objekt-ID der Unternehmensanwendung (nicht der der App-Registrierung); Add-MailboxPermission für das Postfach in `Username`; und „Authenticated SMTP“ eingeschaltet für dieses Postfach.
get-a-new-token-sign-cde11d0b = Holen Sie ein neues Token (melden Sie sich erneut an) und senden Sie sofort erneut.
set-username-to-named-or-f211e440 = Setzen Sie `UserName` auf { $named }, oder melden Sie sich als { $user } an, um ein Token dafür zu erhalten.
set-username-to-named-or-2fc66420 = Setzen Sie `Username` auf { $named }, oder melden Sie sich als { $user } an, um ein Token dafür zu erhalten.
press-sign-in-with-microsoft-15c3a0b7 = Klicken Sie unter Anmeldung auf „Mit Microsoft anmelden …“ (oder Google) und melden Sie sich als das Postfach in `UserName` an.
press-sign-in-with-microsoft-dbd7e457 = Klicken Sie unter Anmeldung auf „Mit Microsoft anmelden …“ (oder Google) und melden Sie sich als das Postfach in `Username` an.
then-send-again-e431af76 = Senden Sie dann erneut.
sign-in-again-then-send-9e2cea38 = Melden Sie sich erneut an und senden Sie dann erneut.
check-the-web-server-s-103d021e = Prüfen Sie die Internetverbindung des Webservers (und einen Proxy oder eine Firewall, die login.microsoftonline.com blockieren könnten).
the-server-then-refused-the-3f6a45e9 = Der Server hat die Nachricht dann abgelehnt, Ihre Angaben in `UserName` und `Password` wurden also nie verwendet: Dieser Server oder Port ist wahrscheinlich nicht der, den Ihr Anbieter dafür vorgesehen hat.
the-server-then-refused-the-2391e1c9 = Der Server hat die Nachricht dann abgelehnt, Ihre Angaben in `Username` und `Password` wurden also nie verwendet: Dieser Server oder Port ist wahrscheinlich nicht der, den Ihr Anbieter dafür vorgesehen hat.
the-test-already-asked-for-f4fb1991 = Der Test hat bereits nach STARTTLS gefragt, der Server erwartet es also vielleicht auf einem anderen Port: Vergleichen Sie `Port` mit den Anleitungen Ihres Anbieters.
set-defaultcredentials-to-false-while-2890bd17 = Setzen Sie `defaultCredentials` auf `false`: Solange es `true` ist, ignoriert die appsettings.json `UserName` und `Password`.
set-defaultcredentials-to-false-while-8dd2ea25 = Setzen Sie `defaultCredentials` auf `false`: Solange es `true` ist, ignorieren Ihre PHPMailer-Einstellungen `Username` und `Password`.
your-settings-have-no-username-19552a19 = Ihre Einstellungen enthalten keinen `UserName`, daher hat sich der Test nicht angemeldet.
your-settings-have-no-username-a05a7039 = Ihre Einstellungen enthalten keinen `Username`, daher hat sich der Test nicht angemeldet.
set-clientdomain-to-your-website-87fcae0f = Setzen Sie `clientDomain` auf den vollständigen Domainnamen Ihrer Website (zum Beispiel `www.example.com`): Der Server hat den Namen nicht akzeptiert, mit dem sich der Webserver vorgestellt hat.
set-hostname-to-your-website-6aa76569 = Setzen Sie `Hostname` auf den vollständigen Domainnamen Ihrer Website (zum Beispiel `www.example.com`): Der Server hat den Namen nicht akzeptiert, mit dem sich der Webserver vorgestellt hat.
the-sender-from-is-from-00d9e6a1 = Der Absender (`From`) ist { $from }, die Anmeldung (`UserName`) dagegen { $user }.
the-sender-the-setfrom-address-6978e525 = Der Absender (die `setFrom()`-Adresse) ist { $from }, die Anmeldung (`Username`) dagegen { $user }.
change-host-to-only-5c532b32 = Ändern Sie `Host` auf `{ $only }`.
asp-net-2-0-3-755ddb5c = ASP.NET 2.0–3.5 kennt kein SSL (`SmtpClient.EnableSsl`, im Code gesetzt) in der web.config (es hinzuzufügen legt den ganzen Mail-Abschnitt lahm). Schalten Sie SSL daher in Ihrem Code ein, direkt vor dem Senden: `smtpClient.EnableSsl = true;`. Für das PasswordRecovery-Steuerelement behandeln Sie dessen Ereignis `SendingMail`: Senden Sie `e.Message` selbst mit einem `SmtpClient`, dessen `EnableSsl` `true` ist, und setzen Sie dann `e.Cancel = true;`. Oder stellen Sie die Website auf .NET Framework 4.x um; dort genügt `smtpClient.EnableSsl = true;` im Code.
asp-net-2-0-3-0492d258 = ASP.NET 2.0–3.5 kennt kein `SecureSocketOptions` in der appsettings.json (es hinzuzufügen legt den ganzen Mail-Abschnitt lahm). Schalten Sie SSL daher in Ihrem Code ein, direkt vor dem Senden: `smtpClient.EnableSsl = true;`. Für das PasswordRecovery-Steuerelement behandeln Sie dessen Ereignis `SendingMail`: Senden Sie `e.Message` selbst mit einem `SmtpClient`, dessen `EnableSsl` `true` ist, und setzen Sie dann `e.Cancel = true;`. Oder stellen Sie die Website auf .NET Framework 4.x um; dort genügt `"SecureSocketOptions": "StartTls"` in der appsettings.json.
asp-net-2-0-3-b054c76a = ASP.NET 2.0–3.5 kennt kein `SMTPSecure` in Ihren PHPMailer-Einstellungen (es hinzuzufügen legt den ganzen Mail-Abschnitt lahm). Schalten Sie SSL daher in Ihrem Code ein, direkt vor dem Senden: `smtpClient.EnableSsl = true;`. Für das PasswordRecovery-Steuerelement behandeln Sie dessen Ereignis `SendingMail`: Senden Sie `e.Message` selbst mit einem `SmtpClient`, dessen `EnableSsl` `true` ist, und setzen Sie dann `e.Cancel = true;`. Oder stellen Sie die Website auf .NET Framework 4.x um; dort genügt `$mail->SMTPSecure = 'tls';` in Ihren PHPMailer-Einstellungen.
in-code-smtpclient-enablessl-true-92c8a040 = Im Code schaltet `smtpClient.EnableSsl = true;` das ein (die appsettings.json kann es unter ASP.NET 2.0–3.5 nicht).
in-code-smtpclient-enablessl-true-81009338 = Im Code schaltet `smtpClient.EnableSsl = true;` das ein (Ihre PHPMailer-Einstellungen können es unter ASP.NET 2.0–3.5 nicht).
this-server-sends-mail-only-b0c6dd68 = Dieser Server sendet Mails nur für angemeldete Benutzer, und die Nachricht wurde angeboten, bevor eine Anmeldung akzeptiert war. In der appsettings.json kommt die Anmeldung aus `UserName` und `Password`.
this-server-sends-mail-only-13da29c0 = Dieser Server sendet Mails nur für angemeldete Benutzer, und die Nachricht wurde angeboten, bevor eine Anmeldung akzeptiert war. In Ihren PHPMailer-Einstellungen kommt die Anmeldung aus `Username` und `Password`.
fill-in-username-usually-your-16ab77cb = Füllen Sie `UserName` (meist Ihre vollständige E-Mail-Adresse) und `Password` aus.
fill-in-username-usually-your-bd6d01ab = Füllen Sie `Username` (meist Ihre vollständige E-Mail-Adresse) und `Password` aus.
when-the-server-refuses-the-4283fe38 = Wenn der Server Benutzername oder Passwort ablehnt, sagt ASP.NET das nicht: Es sendet ohne Anmeldung, und der Server antwortet dann hiermit. Wenn Ihre appsettings.json also `UserName` und `Password` enthält, hat der Server sie höchstwahrscheinlich abgelehnt. Wenn sie keine enthält, verlangt der Server sie vor dem Senden.
when-the-server-refuses-the-3e977f55 = Wenn der Server Benutzername oder Passwort ablehnt, sagt ASP.NET das nicht: Es sendet ohne Anmeldung, und der Server antwortet dann hiermit. Wenn Ihre PHPMailer-Einstellungen also `Username` und `Password` enthalten, hat der Server sie höchstwahrscheinlich abgelehnt. Wenn sie keine enthalten, verlangt der Server sie vor dem Senden.
check-username-usually-your-full-0a9b2c04 = Prüfen Sie `UserName` (meist Ihre vollständige E-Mail-Adresse) und geben Sie das Passwort erneut in `Password` ein (beim Kopieren kann ein Leerzeichen am Ende hinzukommen).
check-username-usually-your-full-b9746a24 = Prüfen Sie `Username` (meist Ihre vollständige E-Mail-Adresse) und geben Sie das Passwort erneut in `Password` ein (beim Kopieren kann ein Leerzeichen am Ende hinzukommen).
if-appsettings-json-has-no-9ae7992b = Wenn die appsettings.json keinen `UserName` enthält, füllen Sie `UserName` und `Password` aus.
if-your-phpmailer-settings-has-f403c5b1 = Wenn Ihre PHPMailer-Einstellungen keinen `Username` enthalten, füllen Sie `Username` und `Password` aus.
change-port-to-587-and-ce86b8b8 = Ändern Sie `port` auf `587` und schalten Sie SSL im Code ein: Dieser Port ist zum Anmelden und Senden gedacht.
change-port-to-587-and-4449c2e9 = Ändern Sie `Port` auf `587` und setzen Sie `SecureSocketOptions` auf `StartTls`: Dieser Port ist zum Anmelden und Senden gedacht.
change-port-to-587-and-ca6c0bf0 = Ändern Sie `Port` auf `587` und setzen Sie `SMTPSecure` auf `'tls'` (STARTTLS): Dieser Port ist zum Anmelden und Senden gedacht.
if-your-hosting-company-says-20e12c2e = Wenn Ihr Hosting-Anbieter sagt, dass sein Server Ihre Website ohne Passwort senden lässt, leeren Sie `UserName` und `Password`.
if-your-hosting-company-says-8f2cf1ce = Wenn Ihr Hosting-Anbieter sagt, dass sein Server Ihre Website ohne Passwort senden lässt, leeren Sie `Username` und `Password`.
the-password-would-have-crossed-b405f683 = Das Passwort wäre unverschlüsselt über das Netzwerk gegangen, daher hat der Server die Anmeldung abgelehnt oder verborgen. STARTTLS (so wechselt ein Mailserver zu einer verschlüsselten Verbindung) schützt es, und `smtpClient.EnableSsl = true;` im Code schaltet es ein.
the-password-would-have-crossed-61b019fb = Das Passwort wäre unverschlüsselt über das Netzwerk gegangen, daher hat der Server die Anmeldung abgelehnt oder verborgen. STARTTLS (so wechselt ein Mailserver zu einer verschlüsselten Verbindung) schützt es, und `"SecureSocketOptions": "StartTls"` schaltet es in der appsettings.json ein.
the-password-would-have-crossed-e65e058e = Das Passwort wäre unverschlüsselt über das Netzwerk gegangen, daher hat der Server die Anmeldung abgelehnt oder verborgen. STARTTLS (so wechselt ein Mailserver zu einer verschlüsselten Verbindung) schützt es, und `$mail->SMTPSecure = 'tls';` schaltet es in Ihren PHPMailer-Einstellungen ein.
switch-ssl-on-in-code-30da0bde = Schalten Sie SSL im Code ein.
set-securesocketoptions-to-starttls-3bc4460d = Setzen Sie `SecureSocketOptions` auf `StartTls`.
set-smtpsecure-to-tls-starttls-46a3ad84 = Setzen Sie `SMTPSecure` auf `'tls'` (STARTTLS).
keep-port-at-587-or-4b80fc48 = Lassen Sie `Port` auf `587` (oder `25`, wenn Ihr Anbieter ihn verwendet); ASP.NET kann `465` nicht verwenden.
switch-ssl-on-in-code-4307eb1e = Schalten Sie SSL im Code ein: Das Passwort wird dann erst gesendet, wenn die Verbindung verschlüsselt ist.
set-securesocketoptions-to-starttls-the-38afb891 = Setzen Sie `SecureSocketOptions` auf `StartTls`: Das Passwort wird dann erst gesendet, wenn die Verbindung verschlüsselt ist.
set-smtpsecure-to-tls-starttls-4c600cf0 = Setzen Sie `SMTPSecure` auf `'tls'` (STARTTLS): Das Passwort wird dann erst gesendet, wenn die Verbindung verschlüsselt ist.
if-you-accept-the-risk-dad65437 = Wenn Sie das Risiko für diesen einen Test in Kauf nehmen (ein Server in Ihrem eigenen privaten Netzwerk), senden Sie erneut und erlauben Sie das unverschlüsselte Passwort (`--allow-plaintext-password` auf der Kommandozeile, „Dieses eine Mal unverschlüsselt senden“ im Fenster).
or-send-through-a-provider-46a07354 = Oder senden Sie über einen Anbieter, der LOGIN anbietet (die meisten tun das), und ändern Sie `Host` auf dessen Server.
check-that-username-is-exactly-4bf69761 = Prüfen Sie, ob `UserName` genau dem entspricht, was Ihr Anbieter erwartet, meist Ihre vollständige E-Mail-Adresse.
check-that-username-is-exactly-a64adcc1 = Prüfen Sie, ob `Username` genau dem entspricht, was Ihr Anbieter erwartet, meist Ihre vollständige E-Mail-Adresse.
type-the-password-into-password-c600c10f = Geben Sie das Passwort erneut in `Password` ein (beim Kopieren kann ein Leerzeichen am Ende hinzukommen).
if-your-account-uses-two-9504e3ad = Wenn Ihr Konto die Anmeldung in zwei Schritten nutzt, erstellen Sie in den Sicherheitseinstellungen des Kontos ein App-Passwort und verwenden Sie es als `Password`.
create-an-app-password-there-80fabbc7 = Erstellen Sie dort ein App-Passwort und fügen Sie es ohne Leerzeichen in `Password` ein.
keep-username-as-your-full-1bb0200b = Lassen Sie `UserName` bei Ihrer vollständigen E-Mail-Adresse und testen Sie erneut.
keep-username-as-your-full-c2dcda11 = Lassen Sie `userName` bei Ihrer vollständigen E-Mail-Adresse und senden Sie erneut.
keep-username-as-your-full-83f36431 = Lassen Sie `UserName` bei Ihrer vollständigen E-Mail-Adresse und senden Sie erneut.
keep-username-as-your-full-7428fb51 = Lassen Sie `Username` bei Ihrer vollständigen E-Mail-Adresse und senden Sie erneut.
use-an-app-password-a-10780f39 = Verwenden Sie ein App-Passwort (ein eigenes Passwort für Programme, erstellt in den Sicherheitseinstellungen Ihres Kontos) als `Password`.
send-again-within-a-few-a21e7638 = Senden Sie innerhalb weniger Minuten erneut.
wait-up-to-an-hour-8093e503 = Warten Sie nach der Änderung bis zu einer Stunde und senden Sie dann erneut.
or-send-your-website-s-b7d4eee6 = Oder senden Sie die Mails Ihrer Website über einen Dienst, der Passwörter akzeptiert, etwa den Mailserver Ihres Hosting-Anbieters oder einen Versanddienst, und ändern Sie `Host`, `UserName` und `Password` auf dessen Werte.
or-send-your-website-s-0b5d20c6 = Oder senden Sie die Mails Ihrer Website über einen Dienst, der Passwörter akzeptiert, etwa den Mailserver Ihres Hosting-Anbieters oder einen Versanddienst, und ändern Sie `Host`, `Username` und `Password` auf dessen Werte.
meanwhile-keep-username-and-password-07dd145a = Lassen Sie `UserName` und `Password` bis dahin, wie sie sind.
meanwhile-keep-username-and-password-3f5e26ba = Lassen Sie `Username` und `Password` bis dahin, wie sie sind.
this-computer-asked-dns-the-994145ac = Dieser Computer hat das DNS (das Adressbuch des Internets) nach dem Namen in `Host` gefragt und keine Adresse zurückbekommen, er weiß also nicht, wohin er die Mail senden soll. Meist enthält der Name einen Tippfehler, oder dieser Computer ist gerade nicht mit dem Internet verbunden.
this-computer-asked-dns-the-f069de6d = Dieser Computer hat das DNS (das Adressbuch des Internets) nach dem Namen in `host` gefragt und keine Adresse zurückbekommen, er weiß also nicht, wohin er die Mail senden soll. Meist enthält der Name einen Tippfehler, oder der Webserver ist gerade nicht mit dem Internet verbunden.
this-computer-asked-dns-the-f1a16f4d = Dieser Computer hat das DNS (das Adressbuch des Internets) nach dem Namen in `Host` gefragt und keine Adresse zurückbekommen, er weiß also nicht, wohin er die Mail senden soll. Meist enthält der Name einen Tippfehler, oder der Webserver ist gerade nicht mit dem Internet verbunden.
check-host-letter-by-letter-e10ab329 = Vergleichen Sie `Host` Buchstabe für Buchstabe mit den Anleitungen Ihres Mail-Anbieters (er sieht aus wie `smtp.example.com`).
check-that-the-web-server-882bdeea = Prüfen Sie, ob der Webserver Websites öffnen kann; wenn nicht, bringen Sie die Internetverbindung in Ordnung und senden Sie erneut.
this-computer-reached-the-server-f24f15f0 = Dieser Computer hat den Server erreicht, aber dort nimmt auf diesem Port (der nummerierten Tür, an der ein Programm lauscht) nichts Mails an, oder eine Firewall (ein Filter, der Verbindungen blockiert) hat sie abgewiesen. Meist ist der Port nicht der, den Ihr Anbieter verwendet, oder `Host` zeigt auf einen anderen Server.
check-port-against-your-provider-4f0b17dd = Vergleichen Sie `Port` mit den Anleitungen Ihres Anbieters: `587` ist der übliche Port für Websites.
check-that-host-is-the-7bcf5860 = Prüfen Sie, ob `Host` der Name des Mailservers ist und nicht der Name Ihrer Website.
nothing-answered-on-this-port-cdd89199 = Auf diesem Port hat nichts geantwortet, bevor das Zeitlimit ablief. Oft verwirft eine Firewall (ein Filter, der Verbindungen blockiert) beim Hosting- oder Internetanbieter ausgehende Mailverbindungen stillschweigend, besonders auf Port 25; sonst ist der Server vielleicht ausgefallen, oder `Host` zeigt an die falsche Stelle.
change-port-to-587-and-1a3acff2 = Ändern Sie `port` auf `587` und schalten Sie SSL im Code ein: die übliche Kombination für Websites.
change-port-to-587-and-25391141 = Ändern Sie `Port` auf `587` und setzen Sie `SecureSocketOptions` auf `StartTls`: die übliche Kombination für Websites.
change-port-to-587-and-7dd5ab0a = Ändern Sie `Port` auf `587` und setzen Sie `SMTPSecure` auf `'tls'` (STARTTLS): die übliche Kombination für Websites.
check-that-host-is-correct-44613728 = Prüfen Sie, ob `Host` stimmt und ob der Server läuft (siehe die Statusseite Ihres Anbieters).
change-port-to-587-and-c81e9ee7 = Ändern Sie `port` auf `587` und schalten Sie SSL im Code ein.
change-port-to-587-and-8b12b4c0 = Ändern Sie `Port` auf `587` und setzen Sie `SecureSocketOptions` auf `StartTls`.
change-port-to-587-and-8fadafbf = Ändern Sie `Port` auf `587` und setzen Sie `SMTPSecure` auf `'tls'` (STARTTLS).
if-port-is-already-587-0cb369bc = Wenn `Port` bereits `587` ist, warten Sie ein paar Minuten und testen Sie erneut: Der Server ist vielleicht ausgelastet.
if-port-is-already-587-ccf09a76 = Wenn `port` bereits `587` ist, warten Sie ein paar Minuten und senden Sie erneut: Der Server ist vielleicht ausgelastet.
if-port-is-already-587-4a354996 = Wenn `Port` bereits `587` ist, warten Sie ein paar Minuten und senden Sie erneut: Der Server ist vielleicht ausgelastet.
the-answer-did-not-look-5f0bba55 = Die Antwort sah nicht nach SMTP aus (der Sprache, die Mailserver sprechen). Der Port gehört vielleicht zu einer Website oder einem anderen Dienst, oder `Host` zeigt auf einen anderen Rechner.
check-port-websites-send-mail-ec5e733d = Prüfen Sie `Port`: Websites senden Mails über Port `587` (manchmal `25`); Ports wie `80` und `443` sind für Websites, `110`, `143`, `993` und `995` zum Lesen von Mails.
check-host-against-your-provider-8076bc63 = Vergleichen Sie `Host` mit den Anleitungen Ihres Anbieters.
the-server-answered-but-refused-0295d135 = Der Server hat geantwortet, sich aber geweigert, diese Verbindung zu bedienen. Meist hat der Server ein vorübergehendes Problem (Wartung oder Überlastung), oder er lehnt die Internetadresse des Webservers ab, zum Beispiel weil die Adresse auf einer Sperrliste steht (einer Liste von Adressen, die für Spam bekannt sind).
if-it-keeps-happening-send-8a27583b = Wenn es immer wieder passiert, schicken Sie diese Fehlermeldung an Ihren Mail-Anbieter und fragen Sie, warum er die Verbindung ablehnt.
check-host-and-port-a-a458c8e7 = Prüfen Sie `Host` und `Port`: Ein Server, der zum Empfangen von Mails gedacht ist, lehnt das Senden vielleicht ab.
check-that-port-and-ssl-70c0ee6b = Prüfen Sie, ob `port` und SSL (`SmtpClient.EnableSsl`, im Code gesetzt) zu den Anleitungen Ihres Anbieters passen (meist `587` mit im Code eingeschaltetem SSL).
check-that-port-and-securesocketoptions-89528e86 = Prüfen Sie, ob `Port` und `SecureSocketOptions` zu den Anleitungen Ihres Anbieters passen (meist `587` mit `SecureSocketOptions` auf `StartTls`).
check-that-port-and-smtpsecure-449d63e0 = Prüfen Sie, ob `Port` und `SMTPSecure` zu den Anleitungen Ihres Anbieters passen (meist `587` mit `SMTPSecure` auf `'tls'` (STARTTLS)).
if-it-keeps-happening-send-e5580e23 = Wenn es immer wieder passiert, schicken Sie diese Fehlermeldung an Ihren Mail-Anbieter: Der Schritt, bei dem es aufhörte, zeigt ihm, wo er suchen muss.
if-your-web-config-uses-889c5cd5 = Wenn Ihre web.config Port 465 verwendet: ASP.NET kann ihn nicht nutzen und wartet genau so. Ändern Sie `port` auf `587` und schalten Sie SSL im Code ein.
if-your-appsettings-json-uses-d533bdae = Wenn Ihre appsettings.json Port 465 verwendet: ASP.NET kann ihn nicht nutzen und wartet genau so. Ändern Sie `Port` auf `587` und setzen Sie `SecureSocketOptions` auf `StartTls`.
if-your-phpmailer-settings-uses-4a530e8c = Wenn Ihre PHPMailer-Einstellungen Port 465 verwenden: ASP.NET kann ihn nicht nutzen und wartet genau so. Ändern Sie `Port` auf `587` und setzen Sie `SMTPSecure` auf `'tls'` (STARTTLS).
if-it-always-stops-at-83c30f5e = Wenn es immer beim selben Schritt aufhört, schicken Sie diese Fehlermeldung an Ihren Mail-Anbieter.
change-port-to-587-and-6c3a9e07 = Ändern Sie `port` auf `587` und schalten Sie SSL im Code ein (in PHPMailer: `Port = 587` und `SMTPSecure = 'tls'`).
change-port-to-587-and-027673b4 = Ändern Sie `Port` auf `587` und setzen Sie `SecureSocketOptions` auf `StartTls` (in PHPMailer: `Port = 587` und `SMTPSecure = 'tls'`).
change-port-to-587-and-acdf78ff = Ändern Sie `Port` auf `587` und setzen Sie `SMTPSecure` auf `'tls'` (STARTTLS) (in PHPMailer: `Port = 587` und `SMTPSecure = 'tls'`).
check-that-host-is-exactly-c9e110a5 = Prüfen Sie, ob `Host` genau der Servername ist, den Ihr Anbieter angibt.
asp-net-found-no-host-27c3e5d1 = ASP.NET hat im Abschnitt `<mailSettings>` der appsettings.json (oder im Code der Website) keinen `Host` gefunden und weiß daher nicht, über welchen Server es senden soll.
asp-net-found-no-host-5f8bb081 = ASP.NET hat im Abschnitt `<mailSettings>` Ihrer PHPMailer-Einstellungen (oder im Code der Website) keinen `Host` gefunden und weiß daher nicht, über welchen Server es senden soll.
add-host-to-the-network-9763ed7a = Fügen Sie `Host` zum `<network>`-Element in der appsettings.json hinzu, zum Beispiel `host="smtp.example.com"`.
add-host-to-the-network-53d7f112 = Fügen Sie `Host` zum `<network>`-Element in Ihren PHPMailer-Einstellungen hinzu, zum Beispiel `host="smtp.example.com"`.
check-that-mailsettings-sits-inside-0c0a576e = Prüfen Sie, ob `<mailSettings>` innerhalb von `<system.net>` in der appsettings.json der Website steht, die die Mails sendet.
check-that-mailsettings-sits-inside-65128b72 = Prüfen Sie, ob `<mailSettings>` innerhalb von `<system.net>` in den PHPMailer-Einstellungen der Website steht, die die Mails sendet.
if-port-is-465-change-9fcd50ea = Wenn `port` auf `465` steht, ändern Sie ihn auf `587` und schalten Sie SSL im Code ein.
if-port-is-465-change-713827f1 = Wenn `Port` auf `465` steht, ändern Sie ihn auf `587` und setzen Sie `SecureSocketOptions` auf `StartTls`.
if-port-is-465-change-2fa73428 = Wenn `Port` auf `465` steht, ändern Sie ihn auf `587` und setzen Sie `SMTPSecure` auf `'tls'` (STARTTLS).
change-port-to-587-and-f1c17a3e = Ändern Sie `port` auf `587` und schalten Sie SSL im Code ein: der übliche Port zum Senden.
change-port-to-587-and-94bbac19 = Ändern Sie `Port` auf `587` und setzen Sie `SecureSocketOptions` auf `StartTls`: der übliche Port zum Senden.
change-port-to-587-and-43841e36 = Ändern Sie `Port` auf `587` und setzen Sie `SMTPSecure` auf `'tls'` (STARTTLS): der übliche Port zum Senden.
if-it-still-fails-look-ff139b92 = Wenn es weiterhin scheitert, suchen Sie in den Anleitungen Ihres Anbieters den „Postausgangsserver (SMTP)“ und tragen Sie diesen Namen in `Host` ein.
check-host-and-port-against-3b485e04 = Vergleichen Sie `Host` und `Port` mit den Anleitungen Ihres Anbieters zum Senden von Mails (meist Port `587`).
get-a-new-token-and-9157640f = Holen Sie ein neues Token und senden Sie erneut (Tokens gelten etwa eine Stunde).
check-that-username-is-the-4e5d87e4 = Prüfen Sie, ob `UserName` das Postfach ist, für das das Token ausgestellt wurde.
check-that-username-is-the-9b28a7c4 = Prüfen Sie, ob `Username` das Postfach ist, für das das Token ausgestellt wurde.
check-host-and-port-microsoft-e6e6b5eb = Prüfen Sie `host` und `port`: Microsoft 365 ist smtp.office365.com Port 587, Google smtp.gmail.com Port 587, beide mit eingeschaltetem SSL (`SmtpClient.EnableSsl`, im Code gesetzt).
check-host-and-port-microsoft-b0c20a32 = Prüfen Sie `Host` und `Port`: Microsoft 365 ist smtp.office365.com Port 587, Google smtp.gmail.com Port 587, beide mit eingeschaltetem `SecureSocketOptions`.
check-host-and-port-microsoft-523a848d = Prüfen Sie `Host` und `Port`: Microsoft 365 ist smtp.office365.com Port 587, Google smtp.gmail.com Port 587, beide mit eingeschaltetem `SMTPSecure`.
if-this-provider-takes-passwords-3bb74bce = Wenn dieser Anbieter Passwörter annimmt, wählen Sie Passwort als Anmeldung und geben Sie `UserName` und `Password` ein.
if-this-provider-takes-passwords-cd6b862e = Wenn dieser Anbieter Passwörter annimmt, wählen Sie Passwort als Anmeldung und geben Sie `Username` und `Password` ein.
turn-ssl-smtpclient-enablessl-set-42d31a84 = Schalten Sie SSL (`SmtpClient.EnableSsl`, im Code gesetzt) ein (STARTTLS), verwenden Sie Port 587 und testen Sie dann erneut.
turn-securesocketoptions-on-starttls-and-a7004f0b = Schalten Sie `SecureSocketOptions` ein (STARTTLS), verwenden Sie Port 587 und testen Sie dann erneut.
turn-enablessl-on-starttls-and-a16794a0 = Schalten Sie `enableSsl` ein (STARTTLS), verwenden Sie Port 587 und senden Sie dann erneut.
turn-ssl-smtpclient-enablessl-set-f1d93b4a = Schalten Sie SSL (`SmtpClient.EnableSsl`, im Code gesetzt) ein (STARTTLS), verwenden Sie Port 587 und senden Sie dann erneut.
turn-securesocketoptions-on-starttls-and-0f439331 = Schalten Sie `SecureSocketOptions` ein (STARTTLS), verwenden Sie Port 587 und senden Sie dann erneut.
turn-smtpsecure-on-starttls-and-0225d222 = Schalten Sie `SMTPSecure` ein (STARTTLS), verwenden Sie Port 587 und senden Sie dann erneut.
copy-its-value-shown-only-baebca2a = Kopieren Sie seinen Value (wird nur einmal angezeigt), nicht seine Secret ID, und senden Sie damit erneut.
click-grant-admin-consent-a-91822b47 = Klicken Sie auf „Grant admin consent“ (Administratorzustimmung erteilen; das kann ein Global Administrator oder Privileged Role Administrator) und senden Sie dann erneut.
check-the-tenant-client-id-1012b4ff = Prüfen Sie Tenant, Client-ID und geheimen Clientschlüssel und senden Sie dann erneut.
fill-in-username-usually-your-09a65651 = Füllen Sie `UserName` (meist Ihre vollständige E-Mail-Adresse) und `Password` aus und setzen Sie `defaultCredentials` auf `false`.
fill-in-username-usually-your-50684571 = Füllen Sie `Username` (meist Ihre vollständige E-Mail-Adresse) und `Password` aus und setzen Sie `defaultCredentials` auf `false`.
use-port-587-with-ssl-4232ba01 = Verwenden Sie `port` `587` mit im Code eingeschaltetem SSL.
use-port-587-with-securesocketoptions-e966938b = Verwenden Sie `Port` `587` mit `SecureSocketOptions` auf `StartTls`.
use-port-587-with-smtpsecure-82c79dba = Verwenden Sie `Port` `587` mit `SMTPSecure` auf `'tls'` (STARTTLS).
the-sender-address-from-must-de121e17 = Die Absenderadresse (`From`) muss eine sein, als die das Konto senden darf: meist das Postfach, mit dem Sie sich anmelden, oder eine Adresse, die Ihr Anbieter bestätigt hat. Diese steht nicht auf der Liste.
the-sender-address-the-setfrom-f4a6393b = Die Absenderadresse (die `setFrom()`-Adresse) muss eine sein, als die das Konto senden darf: meist das Postfach, mit dem Sie sich anmelden, oder eine Adresse, die Ihr Anbieter bestätigt hat. Diese steht nicht auf der Liste.
set-from-to-the-same-ab436cc1 = Setzen Sie `From` auf dieselbe Adresse wie `UserName`.
set-the-setfrom-address-to-a2daea5d = Setzen Sie die `setFrom()`-Adresse auf dieselbe Adresse wie `Username`.
your-settings-got-through-but-8bd03782 = Ihre Einstellungen sind durchgekommen, aber der Testempfänger wurde abgelehnt: Die Adresse existiert vielleicht nicht, oder ihr Postfach kann gerade keine Mails annehmen. Das betrifft die Testadresse, nicht Ihre appsettings.json.
your-settings-got-through-but-22f6af0b = Ihre Einstellungen sind durchgekommen, aber der Testempfänger wurde abgelehnt: Die Adresse existiert vielleicht nicht, oder ihr Postfach kann gerade keine Mails annehmen. Das betrifft die Testadresse, nicht Ihre PHPMailer-Einstellungen.
send-the-test-to-another-0fcce78a = Senden Sie den Test an eine andere Adresse, die Ihnen gehört, zum Beispiel die in `From`.
send-the-test-to-another-41a6baf8 = Senden Sie den Test an eine andere Adresse, die Ihnen gehört, zum Beispiel die `setFrom()`-Adresse.
to-see-whether-the-domain-72830a7e = Um zu sehen, ob die Domain die Ursache ist, setzen Sie `From` auf eine Adresse bei der eigenen Domain Ihres Mail-Anbieters und testen Sie erneut.
to-see-whether-the-domain-991b9f90 = Um zu sehen, ob die Domain die Ursache ist, setzen Sie `from` auf eine Adresse bei der eigenen Domain Ihres Mail-Anbieters und senden Sie erneut.
to-see-whether-the-domain-990497f0 = Um zu sehen, ob die Domain die Ursache ist, setzen Sie `From` auf eine Adresse bei der eigenen Domain Ihres Mail-Anbieters und senden Sie erneut.
to-see-whether-the-domain-328199fc = Um zu sehen, ob die Domain die Ursache ist, setzen Sie die `setFrom()`-Adresse auf eine Adresse bei der eigenen Domain Ihres Mail-Anbieters und senden Sie erneut.
change-the-account-s-password-40df0054 = Ändern Sie das Passwort des Kontos (jemand anderes kennt es vielleicht) und tragen Sie das neue in `Password` ein.
wait-15-to-60-minutes-3a79afb7 = Warten Sie 15 bis 60 Minuten und senden Sie erneut.
set-hostname-to-your-website-f3412636 = Setzen Sie `Hostname` auf den vollständigen Domainnamen Ihrer Website (zum Beispiel `www.example.com`): Manche Server misstrauen Computern, die sich als `localhost` vorstellen.
send-again-in-5-to-9d5019ef = Senden Sie in 5 bis 15 Minuten erneut: Dann sollte sie angenommen werden.
wait-until-the-limit-resets-0d50752b = Warten Sie, bis die Grenze zurückgesetzt wird (meist 24 Stunden; bei einem Monatstarif der nächste Monat), und senden Sie erneut.
meanwhile-keep-host-port-and-6979a951 = Lassen Sie `host`, `port` und SSL (`SmtpClient.EnableSsl`, im Code gesetzt) bis dahin, wie sie sind.
meanwhile-keep-host-port-and-ae23b856 = Lassen Sie `Host`, `Port` und `SecureSocketOptions` bis dahin, wie sie sind.
meanwhile-keep-host-port-and-5755e529 = Lassen Sie `Host`, `Port` und `SMTPSecure` bis dahin, wie sie sind.
your-website-logged-a-message-ee3ac898 = Ihre Website hat eine Meldung protokolliert, für die wir noch keine Erklärung haben.
check-host-port-and-ssl-9487adb8 = Vergleichen Sie `host`, `port` und SSL (`SmtpClient.EnableSsl`, im Code gesetzt) mit den Anleitungen Ihres Anbieters.
check-host-port-and-securesocketoptions-260c4cc5 = Vergleichen Sie `Host`, `Port` und `SecureSocketOptions` mit den Anleitungen Ihres Anbieters.
check-host-port-and-smtpsecure-aa95c42e = Vergleichen Sie `Host`, `Port` und `SMTPSecure` mit den Anleitungen Ihres Anbieters.
meanwhile-check-host-port-and-06f829c0 = Vergleichen Sie bis dahin `host`, `port` und SSL (`SmtpClient.EnableSsl`, im Code gesetzt) mit den Anleitungen Ihres Anbieters.
meanwhile-check-host-port-and-ac1208bd = Vergleichen Sie bis dahin `Host`, `Port` und `SecureSocketOptions` mit den Anleitungen Ihres Anbieters.
meanwhile-check-host-port-and-25424766 = Vergleichen Sie bis dahin `Host`, `Port` und `SMTPSecure` mit den Anleitungen Ihres Anbieters.
or-run-the-test-in-ff624e00 = Oder führen Sie den Test in diesem Programm mit Ihren Werten für `host`, `port` und SSL (`SmtpClient.EnableSsl`, im Code gesetzt) aus: Er zeigt genau den Schritt, der scheitert.
or-run-the-test-in-d2dd620b = Oder führen Sie den Test in diesem Programm mit Ihren Werten für `Host`, `Port` und `SecureSocketOptions` aus: Er zeigt genau den Schritt, der scheitert.
or-run-the-test-in-e6d802d8 = Oder führen Sie den Test in diesem Programm mit Ihren Werten für `Host`, `Port` und `SMTPSecure` aus: Er zeigt genau den Schritt, der scheitert.
the-specified-string-is-not-3e32bd8d = „The specified string is not in the form required for an e-mail address“ kommt von ASP.NET selbst, bevor ein Mailserver kontaktiert wird: Die `From`-Adresse oder eine Adresse, die die Website in An, Cc oder Bcc einträgt, hat einen Tippfehler (ein fehlendes @, ein Leerzeichen, zwei Adressen in einem Feld).
the-specified-string-is-not-f3060462 = „The specified string is not in the form required for an e-mail address“ kommt von ASP.NET selbst, bevor ein Mailserver kontaktiert wird: Die `setFrom()`-Adresse oder eine Adresse, die die Website in An, Cc oder Bcc einträgt, hat einen Tippfehler (ein fehlendes @, ein Leerzeichen, zwei Adressen in einem Feld).
check-from-in-appsettings-json-0cf5714f = Prüfen Sie `From` in der appsettings.json: eine einzige Adresse wie `info@example.com` (davor darf ein Name stehen: `Shop <info@example.com>`).
check-the-setfrom-address-in-8cad20a1 = Prüfen Sie die `setFrom()`-Adresse in Ihren PHPMailer-Einstellungen: eine einzige Adresse wie `info@example.com` (davor darf ein Name stehen: `Shop <info@example.com>`).
if-from-is-right-the-443c5684 = Wenn `From` stimmt, kommt die Adresse von der Website selbst (ein Formular, das ein Besucher ausgefüllt hat, oder eine Einstellung der Website): Bitten Sie Ihren Entwickler, Adressen vor dem Senden zu prüfen.
if-the-setfrom-address-is-4c7f473a = Wenn die `setFrom()`-Adresse stimmt, kommt die Adresse von der Website selbst (ein Formular, das ein Besucher ausgefüllt hat, oder eine Einstellung der Website): Bitten Sie Ihren Entwickler, Adressen vor dem Senden zu prüfen.
if-the-address-is-from-8131bf9f = Wenn es die `From`-Adresse ist, verwenden Sie eine mit einfachen Buchstaben vor dem @.
if-the-address-is-the-d8299d5b = Wenn es die `setFrom()`-Adresse ist, verwenden Sie eine mit einfachen Buchstaben vor dem @.
if-it-is-a-customer-14a454a2 = Wenn es die Adresse eines Kunden ist, fügen Sie `deliveryFormat="International"` zu `<smtp>` in der appsettings.json hinzu (.NET Framework 4.5 oder neuer) und führen Sie den Test hier aus, um zu prüfen, ob Ihr Mailserver SMTPUTF8 anbietet.
if-it-is-a-customer-df901be6 = Wenn es die Adresse eines Kunden ist, fügen Sie `deliveryFormat="International"` zu `<smtp>` in Ihren PHPMailer-Einstellungen hinzu (.NET Framework 4.5 oder neuer) und führen Sie den Test hier aus, um zu prüfen, ob Ihr Mailserver SMTPUTF8 anbietet.
the-server-will-not-go-d97198f6 = Der Server macht erst weiter, wenn die Verbindung mit STARTTLS verschlüsselt ist (so wechselt ein Mailserver zu einer verschlüsselten Verbindung). Im Code schaltet `smtpClient.EnableSsl = true;` das ein (die web.config kann es unter ASP.NET 2.0–3.5 nicht).
the-server-will-not-go-adefed65 = Der Server macht erst weiter, wenn die Verbindung mit STARTTLS verschlüsselt ist (so wechselt ein Mailserver zu einer verschlüsselten Verbindung). In der appsettings.json schaltet `"SecureSocketOptions": "StartTls"` das ein.
the-server-will-not-go-97dcf783 = Der Server macht erst weiter, wenn die Verbindung mit STARTTLS verschlüsselt ist (so wechselt ein Mailserver zu einer verschlüsselten Verbindung). `$mail->SMTPSecure = 'tls';` schaltet das ein.
use-port-587-the-usual-4b4b252f = Verwenden Sie `Port` `587` (den üblichen Port zum Senden von Websites aus), sofern Ihr Anbieter nichts anderes sagt.
with-ssl-smtpclient-enablessl-set-d3fe9f32 = Mit eingeschaltetem SSL (`SmtpClient.EnableSsl`, im Code gesetzt) fragt ASP.NET nach STARTTLS (so wechselt ein Mailserver zu einer verschlüsselten Verbindung), und dieser Server hat es nicht angeboten. ASP.NET bricht daher mit „Server does not support secure connections“ ab. Meist ist der Port oder Server nicht der Sendeserver des Anbieters, oder die Verschlüsselung des Servers ist nicht eingerichtet.
with-securesocketoptions-on-asp-net-a08cc797 = Mit eingeschaltetem `SecureSocketOptions` fragt ASP.NET nach STARTTLS (so wechselt ein Mailserver zu einer verschlüsselten Verbindung), und dieser Server hat es nicht angeboten. ASP.NET bricht daher mit „Server does not support secure connections“ ab. Meist ist der Port oder Server nicht der Sendeserver des Anbieters, oder die Verschlüsselung des Servers ist nicht eingerichtet.
with-smtpsecure-on-asp-net-fe653274 = Mit eingeschaltetem `SMTPSecure` fragt ASP.NET nach STARTTLS (so wechselt ein Mailserver zu einer verschlüsselten Verbindung), und dieser Server hat es nicht angeboten. ASP.NET bricht daher mit „Server does not support secure connections“ ab. Meist ist der Port oder Server nicht der Sendeserver des Anbieters, oder die Verschlüsselung des Servers ist nicht eingerichtet.
check-host-and-port-against-28b524e4 = Vergleichen Sie `Host` und `Port` mit den Anleitungen Ihres Anbieters; wenn `Port` auf `25` steht, versuchen Sie `587`.
turning-ssl-smtpclient-enablessl-set-fd0df8f0 = Wenn Sie SSL (`SmtpClient.EnableSsl`, im Code gesetzt) ausschalten, würde Ihr Passwort unverschlüsselt gesendet (für jeden auf dem Weg lesbar): Erwägen Sie das nur, wenn Ihr Anbieter bestätigt, dass der Server in Ihrem eigenen privaten Netzwerk steht.
turning-securesocketoptions-off-would-se-e26e1505 = Wenn Sie `SecureSocketOptions` ausschalten, würde Ihr Passwort unverschlüsselt gesendet (für jeden auf dem Weg lesbar): Erwägen Sie das nur, wenn Ihr Anbieter bestätigt, dass der Server in Ihrem eigenen privaten Netzwerk steht.
turning-smtpsecure-off-would-send-9ef38bc8 = Wenn Sie `SMTPSecure` ausschalten, würde Ihr Passwort unverschlüsselt gesendet (für jeden auf dem Weg lesbar): Erwägen Sie das nur, wenn Ihr Anbieter bestätigt, dass der Server in Ihrem eigenen privaten Netzwerk steht.
keep-this-port-and-switch-32e36e57 = Behalten Sie diesen Port und schalten Sie SSL im Code ein (in anderen Programmen wählen Sie „STARTTLS“ oder „TLS“ statt „SSL“).
keep-this-port-and-set-cd2a42d8 = Behalten Sie diesen Port und setzen Sie `SecureSocketOptions` auf `StartTls` (in anderen Programmen wählen Sie „STARTTLS“ oder „TLS“ statt „SSL“).
keep-this-port-and-set-41922fa3 = Behalten Sie diesen Port und setzen Sie `SMTPSecure` auf `'tls'` (STARTTLS) (in anderen Programmen wählen Sie „STARTTLS“ oder „TLS“ statt „SSL“).
the-handshake-the-exchange-that-e9025476 = Der Handshake (der Austausch, der die Verschlüsselung einrichtet) ist gescheitert. Häufige Gründe sind ein Server, der nur alte Verschlüsselungsversionen kennt (TLS 1.0 oder 1.1, die moderne Programme ablehnen), ein Server mit falsch eingerichteter Verschlüsselung oder ein Sicherheitsprogramm auf dem Webserver, das sich in verschlüsselte Verbindungen einmischt.
send-again-in-a-few-5192a65a = Senden Sie in ein paar Minuten erneut: Manche Server haben kurzzeitige Verschlüsselungsprobleme.
send-this-error-message-to-3a3fef43 = Schicken Sie diese Fehlermeldung an Ihren Mail-Anbieter und fragen Sie, ob der Server TLS 1.2 oder neuer unterstützt.
if-the-web-server-runs-da617e2c = Wenn auf dem Webserver ein Virenschutzprogramm läuft, das E-Mails prüft, pausieren Sie dessen Mailprüfung für einen Test, oder fragen Sie den Hersteller.
if-it-lasts-tell-your-4398538e = Wenn es anhält, teilen Sie Ihrem Mail-Anbieter mit, dass der Server auf STARTTLS mit „TLS not available“ antwortet.
or-send-through-a-provider-70e262b5 = Oder senden Sie über einen Anbieter, dessen Server TLS 1.2 unterstützt: Ändern Sie `Host` (und `Port`) auf dessen Server.
a-certificate-the-server-s-1a9f3248 = Ein Zertifikat (der Identitätsnachweis des Servers) listet die Namen auf, für die es gilt, und der Name in `Host` ist nicht darunter. Das ist bei Shared Hosting häufig: Dort trägt das Zertifikat den Servernamen des Hosting-Anbieters statt Ihrer Domain.
change-host-to-a-name-90ed824c = Ändern Sie `Host` auf einen Namen, für den das Zertifikat gilt (Ihre Hosting-Verwaltung zeigt ihn meist als Namen des Mailservers an).
the-certificate-the-server-s-b1cbac22 = Für das Zertifikat (den Identitätsnachweis des Servers) bürgt keine Zertifizierungsstelle, der der Webserver vertraut. Es ist vielleicht selbst signiert (vom Server für sich selbst erstellt), der Server lässt vielleicht das Zwischenzertifikat weg, das es mit einer vertrauenswürdigen Stelle verbindet, oder ein Sicherheitsprogramm in diesem Netzwerk ersetzt es.
or-change-host-to-the-4b9aed71 = Oder ändern Sie `Host` auf den Servernamen, den Ihr Anbieter empfiehlt: Er hat meist ein gültiges Zertifikat.
check-that-the-web-server-70da9069 = Prüfen Sie, ob Datum und Uhrzeit des Webservers stimmen: Eine falsch gehende Uhr lässt gültige Zertifikate abgelaufen aussehen.
a-certificate-the-server-s-d82f1ec5 = Ein Zertifikat (der Identitätsnachweis des Servers) gilt erst ab einem festgelegten Datum, und nach der Uhr des Webservers ist dieses Datum noch nicht erreicht. Meist geht die Uhr des Webservers falsch; seltener hat der Server ein Zertifikat mit einem Datum in der Zukunft.
check-that-the-web-server-1ea5bf6c = Prüfen Sie, ob Datum, Uhrzeit und Zeitzone des Webservers stimmen, und senden Sie dann erneut.
switch-ssl-on-in-code-b0438e5d = Schalten Sie SSL im Code ein und verwenden Sie `port` `587`.
set-securesocketoptions-to-starttls-and-2ad097ac = Setzen Sie `SecureSocketOptions` auf `StartTls` und verwenden Sie `Port` `587`.
set-smtpsecure-to-tls-starttls-0664aeb3 = Setzen Sie `SMTPSecure` auf `'tls'` (STARTTLS) und verwenden Sie `Port` `587`.
send-again-if-it-still-685a4d0a = Senden Sie erneut; wenn es weiterhin scheitert, sagt die Antwort des Servers, was von beiden fehlt.
check-targetframework-in-appsettings-jso-cde6eebe = Prüfen Sie `targetFramework` in der appsettings.json (`<httpRuntime targetFramework="…" />`): Wenn dort 4.5.2 oder niedriger steht, schreiben Sie `<httpRuntime targetFramework="4.8" />` (.NET Framework 4.8 muss auf dem Webserver installiert sein; Ihr Hosting-Anbieter kann es Ihnen sagen).
check-targetframework-in-your-phpmailer-d2d788fa = Prüfen Sie `targetFramework` in Ihren PHPMailer-Einstellungen (`<httpRuntime targetFramework="…" />`): Wenn dort 4.5.2 oder niedriger steht, schreiben Sie `<httpRuntime targetFramework="4.8" />` (.NET Framework 4.8 muss auf dem Webserver installiert sein; Ihr Hosting-Anbieter kann es Ihnen sagen).
gmail-needs-an-app-password-52f29f0d = Gmail braucht ein App-Passwort: Schalten Sie in Ihrem Google-Konto die Bestätigung in zwei Schritten ein, öffnen Sie dann myaccount.google.com/apppasswords (die Sicherheitsseite verlinkt nicht mehr darauf), erstellen Sie ein App-Passwort und fügen Sie seine 16 Buchstaben ohne Leerzeichen in `Password` ein. Verwenden Sie Ihre vollständige Gmail-Adresse als `UserName`.
gmail-needs-an-app-password-0a64bbed = Gmail braucht ein App-Passwort: Schalten Sie in Ihrem Google-Konto die Bestätigung in zwei Schritten ein, öffnen Sie dann myaccount.google.com/apppasswords (die Sicherheitsseite verlinkt nicht mehr darauf), erstellen Sie ein App-Passwort und fügen Sie seine 16 Buchstaben ohne Leerzeichen in `Password` ein. Verwenden Sie Ihre vollständige Gmail-Adresse als `Username`.
gmail-sends-only-from-your-a7cd697e = Gmail sendet nur von Ihrer eigenen Adresse oder einer Adresse, die unter Settings → Accounts → „Send mail as“ (Einstellungen → Konten → „Senden als“) hinzugefügt ist: Setzen Sie `From` auf eine davon.
gmail-sends-only-from-your-967bb4ce = Gmail sendet nur von Ihrer eigenen Adresse oder einer Adresse, die unter Settings → Accounts → „Send mail as“ (Einstellungen → Konten → „Senden als“) hinzugefügt ist: Setzen Sie die `setFrom()`-Adresse auf eine davon.
the-google-workspace-smtp-relay-98e2ae0c = Das SMTP-Relay von Google Workspace muss von Ihrem Workspace-Administrator eingeschaltet werden (Admin console → Apps → Google Workspace → Gmail → Routing → SMTP relay service). Wenn es SMTP-Authentifizierung verlangt, verwenden Sie eine Workspace-Adresse als `UserName` und ein unter myaccount.google.com/apppasswords erstelltes App-Passwort als `Password`; wenn es stattdessen die IP-Adresse Ihres Servers zulässt, lassen Sie beides leer.
the-google-workspace-smtp-relay-a8add76c = Das SMTP-Relay von Google Workspace muss von Ihrem Workspace-Administrator eingeschaltet werden (Admin console → Apps → Google Workspace → Gmail → Routing → SMTP relay service). Wenn es SMTP-Authentifizierung verlangt, verwenden Sie eine Workspace-Adresse als `Username` und ein unter myaccount.google.com/apppasswords erstelltes App-Passwort als `Password`; wenn es stattdessen die IP-Adresse Ihres Servers zulässt, lassen Sie beides leer.
the-google-workspace-smtp-relay-a9a83a12 = Das SMTP-Relay von Google Workspace sendet nur von den Adressen, die Ihr Administrator in seinen Einstellungen erlaubt hat (meist die Ihrer Workspace-Domains): Setzen Sie `From` auf eine davon.
the-google-workspace-smtp-relay-87c116c0 = Das SMTP-Relay von Google Workspace sendet nur von den Adressen, die Ihr Administrator in seinen Einstellungen erlaubt hat (meist die Ihrer Workspace-Domains): Setzen Sie die `setFrom()`-Adresse auf eine davon.
the-relay-lets-in-only-459c6209 = Das Relay lässt nur die IP-Adressen oder die Anmeldung zu, die Ihr Administrator in den Einstellungen des SMTP-Relay-Dienstes erlaubt hat. Ein Test von einem anderen Computer scheitert daher, außer er meldet sich an. Setzen Sie außerdem `Hostname` auf den Domainnamen Ihrer Website: Google lehnt einen bloßen Computernamen wie `localhost` vielleicht ab.
microsoft-365-use-the-mailbox-19f8c62c = Microsoft 365: Verwenden Sie die vollständige Adresse des Postfachs als `UserName`. Die Anmeldung für Mailprogramme („Authenticated SMTP“) muss für dieses Postfach erlaubt sein: Ihr Administrator schaltet sie im Microsoft 365 Admin Center unter Users → Active users → Mail → Manage email apps ein. Die Sicherheitsstandards von Microsoft Entra (die Standard-Anmeldeschutzmaßnahmen von Microsoft) blockieren sie für die ganze Organisation, egal was dieser Schalter sagt.
microsoft-365-use-the-mailbox-3dc9ad4c = Microsoft 365: Verwenden Sie die vollständige Adresse des Postfachs als `Username`. Die Anmeldung für Mailprogramme („Authenticated SMTP“) muss für dieses Postfach erlaubt sein: Ihr Administrator schaltet sie im Microsoft 365 Admin Center unter Users → Active users → Mail → Manage email apps ein. Die Sicherheitsstandards von Microsoft Entra (die Standard-Anmeldeschutzmaßnahmen von Microsoft) blockieren sie für die ganze Organisation, egal was dieser Schalter sagt.
microsoft-365-sends-only-as-b2fe867a = Microsoft 365 sendet nur als das angemeldete Postfach, außer Ihr Administrator erteilt die Berechtigung „Senden als“: Setzen Sie `From` auf die Adresse in `UserName`.
microsoft-365-sends-only-as-e3bbbbe6 = Microsoft 365 sendet nur als das angemeldete Postfach, außer Ihr Administrator erteilt die Berechtigung „Senden als“: Setzen Sie die `setFrom()`-Adresse auf die Adresse in `Username`.
an-smtp-relay-your-admin-95d6c596 = Ein SMTP-Relay: Ihr Administrator erstellt einen Connector für die feste IP-Adresse des Webservers; dann setzen Sie `Host` auf den MX-Host Ihrer Domain (er endet auf `mail.protection.outlook.com`), `Port` auf `25` und lassen `UserName` und `Password` leer.
an-smtp-relay-your-admin-a93b82b6 = Ein SMTP-Relay: Ihr Administrator erstellt einen Connector für die feste IP-Adresse des Webservers; dann setzen Sie `Host` auf den MX-Host Ihrer Domain (er endet auf `mail.protection.outlook.com`), `Port` auf `25` und lassen `Username` und `Password` leer.
high-volume-email-hve-a-5d4715de = High Volume Email (HVE): ein Microsoft-365-Konto für Programme, das sich noch mit Passwort anmeldet (`Host` `smtp-hve.office365.com`, `Port` `587`), gedacht für Mails an die Postfächer Ihrer eigenen Organisation.
azure-communication-services-microsoft-s-f87006cd = Azure Communication Services: der Versanddienst von Microsoft (`Host` `smtp.azurecomm.net`, `Port` `587`), der sich mit einem Benutzernamen und einem App-Geheimnis anmeldet, die Ihre Website verwenden kann.
direct-send-a-host-ending-14a6804c = Direct Send (ein `Host`, der auf `mail.protection.outlook.com` endet) braucht keine Anmeldung: Lassen Sie `UserName` und `Password` leer und verwenden Sie `Port` `25`. Es stellt nur an Postfächer Ihrer eigenen Organisation zu; um andere Adressen zu erreichen, melden Sie sich bei `smtp.office365.com` auf Port `587` an, oder bitten Sie Ihren Administrator um einen Connector (SMTP-Relay).
direct-send-a-host-ending-5cca796c = Direct Send (ein `Host`, der auf `mail.protection.outlook.com` endet) braucht keine Anmeldung: Lassen Sie `Username` und `Password` leer und verwenden Sie `Port` `25`. Es stellt nur an Postfächer Ihrer eigenen Organisation zu; um andere Adressen zu erreichen, melden Sie sich bei `smtp.office365.com` auf Port `587` an, oder bitten Sie Ihren Administrator um einen Connector (SMTP-Relay).
since-16-september-2024-personal-6329d220 = Seit dem 16. September 2024 nehmen private Outlook.com- und Hotmail-Konten zum Senden kein Passwort mehr an, nur noch die OAuth-Anmeldung von Microsoft, die eine Website mit appsettings.json nicht beherrscht. Senden Sie die Mails Ihrer Website stattdessen über einen anderen Anbieter.
since-16-september-2024-personal-7621f718 = Seit dem 16. September 2024 nehmen private Outlook.com- und Hotmail-Konten zum Senden kein Passwort mehr an, nur noch die OAuth-Anmeldung von Microsoft, die eine Website mit Ihren PHPMailer-Einstellungen nicht beherrscht. Senden Sie die Mails Ihrer Website stattdessen über einen anderen Anbieter.
outlook-com-sends-only-from-73caa19a = Outlook.com sendet nur von der angemeldeten Adresse: Setzen Sie `From` auf `UserName`.
outlook-com-sends-only-from-5ea38fca = Outlook.com sendet nur von der angemeldeten Adresse: Setzen Sie die `setFrom()`-Adresse auf `Username`.
send-your-website-s-mail-23638aa3 = Senden Sie die Mails Ihrer Website über einen Dienst, der noch ein Passwort annimmt, etwa den Mailserver Ihres Hosting-Anbieters oder einen Versanddienst (SendGrid, Mailgun, Brevo und andere stehen in der Anbieterliste), und ändern Sie `Host`, `UserName` und `Password` auf dessen Werte.
send-your-website-s-mail-6bda0d43 = Senden Sie die Mails Ihrer Website über einen Dienst, der noch ein Passwort annimmt, etwa den Mailserver Ihres Hosting-Anbieters oder einen Versanddienst (SendGrid, Mailgun, Brevo und andere stehen in der Anbieterliste), und ändern Sie `Host`, `Username` und `Password` auf dessen Werte.
godaddy-email-use-your-full-b39b7cc6 = GoDaddy-E-Mail: Verwenden Sie Ihre vollständige E-Mail-Adresse als `UserName` und das Passwort des Postfachs, mit `Host` auf `smtpout.secureserver.net`. Wenn Ihre GoDaddy-E-Mail ein Microsoft-365-Tarif ist, verwenden Sie stattdessen die Einstellungen für Microsoft 365 (`smtp.office365.com`).
godaddy-email-use-your-full-fc189166 = GoDaddy-E-Mail: Verwenden Sie Ihre vollständige E-Mail-Adresse als `Username` und das Passwort des Postfachs, mit `Host` auf `smtpout.secureserver.net`. Wenn Ihre GoDaddy-E-Mail ein Microsoft-365-Tarif ist, verwenden Sie stattdessen die Einstellungen für Microsoft 365 (`smtp.office365.com`).
godaddy-s-hosting-relay-relay-dd98d47f = Das Hosting-Relay von GoDaddy (`relay-hosting.secureserver.net`) braucht keine Anmeldung: Lassen Sie `userName` und `password` leer, mit `port` auf `25` und SSL (`SmtpClient.EnableSsl`, im Code gesetzt) auf `false`.
godaddy-s-hosting-relay-relay-f07c2f1a = Das Hosting-Relay von GoDaddy (`relay-hosting.secureserver.net`) braucht keine Anmeldung: Lassen Sie `UserName` und `Password` leer, mit `Port` auf `25` und `SecureSocketOptions` auf `false`.
godaddy-s-hosting-relay-relay-609d3ac7 = Das Hosting-Relay von GoDaddy (`relay-hosting.secureserver.net`) braucht keine Anmeldung: Lassen Sie `Username` und `Password` leer, mit `Port` auf `25` und `SMTPSecure` auf `false`.
ionos-use-the-full-email-a7c00951 = IONOS: Verwenden Sie die vollständige E-Mail-Adresse als `UserName` und das Passwort des Postfachs, mit dem Server des Landes Ihres Vertrags als `Host` (`smtp.ionos.com`, `smtp.ionos.de` oder `smtp.ionos.co.uk`).
ionos-use-the-full-email-7e72a1b1 = IONOS: Verwenden Sie die vollständige E-Mail-Adresse als `Username` und das Passwort des Postfachs, mit dem Server des Landes Ihres Vertrags als `Host` (`smtp.ionos.com`, `smtp.ionos.de` oder `smtp.ionos.co.uk`).
ovhcloud-use-the-full-email-cd29b853 = OVHcloud: Verwenden Sie die vollständige E-Mail-Adresse als `UserName` und das Passwort des Postfachs, mit `Host` auf `ssl0.ovh.net` (dem Namen, für den sein Zertifikat gilt).
ovhcloud-use-the-full-email-3c4dbb33 = OVHcloud: Verwenden Sie die vollständige E-Mail-Adresse als `Username` und das Passwort des Postfachs, mit `Host` auf `ssl0.ovh.net` (dem Namen, für den sein Zertifikat gilt).
yahoo-needs-an-app-password-693b5950 = Yahoo braucht ein App-Passwort: Öffnen Sie in Ihrem Yahoo-Konto Account security → Generate app password und verwenden Sie es als `Password`, mit Ihrer vollständigen Yahoo-Adresse als `UserName`.
yahoo-needs-an-app-password-96021e70 = Yahoo braucht ein App-Passwort: Öffnen Sie in Ihrem Yahoo-Konto Account security → Generate app password und verwenden Sie es als `Password`, mit Ihrer vollständigen Yahoo-Adresse als `Username`.
yahoo-sends-only-from-the-4a458e03 = Yahoo sendet nur von der angemeldeten Adresse: Setzen Sie `From` auf Ihre Yahoo-Adresse.
yahoo-sends-only-from-the-5064b1b3 = Yahoo sendet nur von der angemeldeten Adresse: Setzen Sie die `setFrom()`-Adresse auf Ihre Yahoo-Adresse.
aol-needs-an-app-password-2a7d72d0 = AOL braucht ein App-Passwort: Öffnen Sie in Ihrem AOL-Konto Account security → Generate app password und verwenden Sie es als `Password`, mit Ihrer vollständigen AOL-Adresse als `UserName`.
aol-needs-an-app-password-574437f0 = AOL braucht ein App-Passwort: Öffnen Sie in Ihrem AOL-Konto Account security → Generate app password und verwenden Sie es als `Password`, mit Ihrer vollständigen AOL-Adresse als `Username`.
aol-sends-only-from-the-73cdefc3 = AOL sendet nur von der angemeldeten Adresse: Setzen Sie `From` auf Ihre AOL-Adresse.
aol-sends-only-from-the-4db838b3 = AOL sendet nur von der angemeldeten Adresse: Setzen Sie die `setFrom()`-Adresse auf Ihre AOL-Adresse.
icloud-mail-needs-an-app-c8532528 = iCloud Mail braucht ein app-spezifisches Passwort: Erstellen Sie eines unter account.apple.com bei Sign-In and Security → App-Specific Passwords (Anmeldung und Sicherheit → App-spezifische Passwörter) und verwenden Sie Ihre vollständige iCloud-Adresse als `UserName`.
icloud-mail-needs-an-app-0e669f48 = iCloud Mail braucht ein app-spezifisches Passwort: Erstellen Sie eines unter account.apple.com bei Sign-In and Security → App-Specific Passwords (Anmeldung und Sicherheit → App-spezifische Passwörter) und verwenden Sie Ihre vollständige iCloud-Adresse als `Username`.
zoho-mail-use-your-full-384aac79 = Zoho Mail: Verwenden Sie Ihre vollständige Zoho-Adresse als `UserName`. Wenn die Zwei-Faktor-Anmeldung an ist, erstellen Sie ein anwendungsspezifisches Passwort unter Zoho Accounts → Security und verwenden Sie es als `Password`. Verwenden Sie den Server Ihres Rechenzentrums (zum Beispiel `smtp.zoho.eu` in Europa); Organisationskonten auf eigener Domain verwenden `smtppro.` statt `smtp.` (zum Beispiel `smtppro.zoho.eu`).
zoho-mail-use-your-full-7a3fb759 = Zoho Mail: Verwenden Sie Ihre vollständige Zoho-Adresse als `Username`. Wenn die Zwei-Faktor-Anmeldung an ist, erstellen Sie ein anwendungsspezifisches Passwort unter Zoho Accounts → Security und verwenden Sie es als `Password`. Verwenden Sie den Server Ihres Rechenzentrums (zum Beispiel `smtp.zoho.eu` in Europa); Organisationskonten auf eigener Domain verwenden `smtppro.` statt `smtp.` (zum Beispiel `smtppro.zoho.eu`).
fastmail-needs-an-app-password-4c8b9524 = Fastmail braucht ein App-Passwort: Erstellen Sie eines unter Settings → Privacy & Security → App passwords und verwenden Sie es als `Password`.
azure-communication-services-username-is-82b5afd0 = Azure Communication Services: `UserName` ist ein SMTP-Benutzername, der in Ihrer Communication-Services-Ressource erstellt (Settings → SMTP Usernames) und mit einer Microsoft-Entra-App verknüpft wurde, die senden darf; `Password` ist der geheime Clientschlüssel dieser App. Geheime Clientschlüssel laufen ab: Wenn es vorher funktioniert hat, erstellen Sie einen neuen und verwenden Sie ihn.
azure-communication-services-username-is-25902af0 = Azure Communication Services: `Username` ist ein SMTP-Benutzername, der in Ihrer Communication-Services-Ressource erstellt (Settings → SMTP Usernames) und mit einer Microsoft-Entra-App verknüpft wurde, die senden darf; `Password` ist der geheime Clientschlüssel dieser App. Geheime Clientschlüssel laufen ab: Wenn es vorher funktioniert hat, erstellen Sie einen neuen und verwenden Sie ihn.
azure-communication-services-sends-only-ff5de3b8 = Azure Communication Services sendet nur von den MailFrom-Adressen einer E-Mail-Domain, die mit Ihrer Communication-Services-Ressource verbunden ist: Setzen Sie `From` auf eine davon.
azure-communication-services-sends-only-fcf3ed02 = Azure Communication Services sendet nur von den MailFrom-Adressen einer E-Mail-Domain, die mit Ihrer Communication-Services-Ressource verbunden ist: Setzen Sie die `setFrom()`-Adresse auf eine davon.
amazon-ses-needs-ses-smtp-cb156c1c = Amazon SES braucht SES-SMTP-Zugangsdaten, erstellt in der SES-Konsole unter SMTP settings für die Region in `Host`. IAM-Zugriffsschlüssel und SMTP-Zugangsdaten aus einer anderen Region funktionieren nicht.
amazon-ses-sends-only-from-31649dbc = Amazon SES sendet nur von bestätigten Identitäten: Bestätigen Sie die `From`-Adresse oder ihre Domain in der SES-Konsole. Solange das Konto in der Sandbox ist (dem Testmodus neuer Konten), müssen auch die Empfänger bestätigt sein.
amazon-ses-sends-only-from-ce071f11 = Amazon SES sendet nur von bestätigten Identitäten: Bestätigen Sie die `setFrom()`-Adresse oder ihre Domain in der SES-Konsole. Solange das Konto in der Sandbox ist (dem Testmodus neuer Konten), müssen auch die Empfänger bestätigt sein.
sendgrid-username-must-be-literally-2392208f = SendGrid: `UserName` muss wörtlich `apikey` sein (nicht Ihr Login oder Ihre E-Mail-Adresse), und `Password` ist ein API-Schlüssel mit der Berechtigung „Mail Send“, ohne Leerzeichen eingefügt.
sendgrid-username-must-be-literally-0f7ff76f = SendGrid: `Username` muss wörtlich `apikey` sein (nicht Ihr Login oder Ihre E-Mail-Adresse), und `Password` ist ein API-Schlüssel mit der Berechtigung „Mail Send“, ohne Leerzeichen eingefügt.
sendgrid-sends-only-from-a-0be2f6cf = SendGrid sendet nur von einer bestätigten Sender Identity: Bestätigen Sie die `From`-Adresse oder ihre Domain unter Settings → Sender Authentication.
sendgrid-sends-only-from-a-c8fc64da = SendGrid sendet nur von einer bestätigten Sender Identity: Bestätigen Sie die `setFrom()`-Adresse oder ihre Domain unter Settings → Sender Authentication.
mailgun-sends-from-addresses-of-ba0bed7a = Mailgun sendet von Adressen Ihrer bestätigten Sendedomain: Verwenden Sie eine davon als `From`.
mailgun-sends-from-addresses-of-38c1bbc8 = Mailgun sendet von Adressen Ihrer bestätigten Sendedomain: Verwenden Sie eine davon als `setFrom()`-Adresse.
postmark-use-your-server-api-681c5113 = Postmark: Verwenden Sie Ihr Server API Token sowohl als `UserName` als auch als `Password`.
postmark-use-your-server-api-d6fda7f3 = Postmark: Verwenden Sie Ihr Server API Token sowohl als `Username` als auch als `Password`.
postmark-sends-only-from-a-aa1507f0 = Postmark sendet nur von einer bestätigten Sender Signature oder bestätigten Domain: Verwenden Sie eine davon als `From`.
postmark-sends-only-from-a-9ef116ea = Postmark sendet nur von einer bestätigten Sender Signature oder bestätigten Domain: Verwenden Sie eine davon als `setFrom()`-Adresse.
brevo-username-is-the-smtp-61deeb36 = Brevo: `UserName` ist das SMTP-Login unter SMTP & API, und `Password` ist ein SMTP-Schlüssel von derselben Seite (kein API-Schlüssel und nicht Ihr Kontopasswort).
brevo-username-is-the-smtp-d3088416 = Brevo: `Username` ist das SMTP-Login unter SMTP & API, und `Password` ist ein SMTP-Schlüssel von derselben Seite (kein API-Schlüssel und nicht Ihr Kontopasswort).
brevo-sends-only-from-a-e7ee4fca = Brevo sendet nur von einem bestätigten Absender oder einer bestätigten Domain: Verwenden Sie einen davon als `From`.
brevo-sends-only-from-a-0fe5ff38 = Brevo sendet nur von einem bestätigten Absender oder einer bestätigten Domain: Verwenden Sie einen davon als `setFrom()`-Adresse.
mailjet-username-is-your-mailjet-be7768e2 = Mailjet: `UserName` ist Ihr Mailjet-API-Schlüssel und `Password` sein geheimer Schlüssel (unter Account settings → API keys), nicht Ihr Mailjet-Login.
mailjet-username-is-your-mailjet-aa6c2842 = Mailjet: `Username` ist Ihr Mailjet-API-Schlüssel und `Password` sein geheimer Schlüssel (unter Account settings → API keys), nicht Ihr Mailjet-Login.
mailjet-sends-only-from-a-2b02a254 = Mailjet sendet nur von einer bestätigten Absenderadresse oder Domain: Bestätigen Sie die `From`-Adresse in Mailjet, oder verwenden Sie eine bestätigte.
mailjet-sends-only-from-a-a4239645 = Mailjet sendet nur von einer bestätigten Absenderadresse oder Domain: Bestätigen Sie die `setFrom()`-Adresse in Mailjet, oder verwenden Sie eine bestätigte.
smtp2go-use-an-smtp-user-c2bc2bdb = SMTP2GO: Verwenden Sie einen SMTP-Benutzer aus Ihrem SMTP2GO-Konto (Sending → SMTP Users) als `UserName` und dessen Passwort als `Password`, nicht Ihr SMTP2GO-Login.
smtp2go-use-an-smtp-user-b95c2e7b = SMTP2GO: Verwenden Sie einen SMTP-Benutzer aus Ihrem SMTP2GO-Konto (Sending → SMTP Users) als `Username` und dessen Passwort als `Password`, nicht Ihr SMTP2GO-Login.
smtp2go-sends-only-from-verified-38d2716c = SMTP2GO sendet nur von bestätigten Absendern (Sending → Verified Senders): Verwenden Sie einen davon als `From`.
smtp2go-sends-only-from-verified-4a413e26 = SMTP2GO sendet nur von bestätigten Absendern (Sending → Verified Senders): Verwenden Sie einen davon als `setFrom()`-Adresse.
provider-also-takes-mail-on-688364ca = { $provider } nimmt Mails auch auf Port `{ $port }` an, den Hosting- und Internetanbieter selten blockieren: Ändern Sie `port` auf `{ $port }` und lassen Sie SSL im Code eingeschaltet.
provider-also-takes-mail-on-2eb2c630 = { $provider } nimmt Mails auch auf Port `{ $port }` an, den Hosting- und Internetanbieter selten blockieren: Ändern Sie `Port` auf `{ $port }` und lassen Sie `SecureSocketOptions` auf `StartTls`.
provider-also-takes-mail-on-d235639f = { $provider } nimmt Mails auch auf Port `{ $port }` an, den Hosting- und Internetanbieter selten blockieren: Ändern Sie `Port` auf `{ $port }` und lassen Sie `SMTPSecure` auf `'tls'` (STARTTLS).
