# Nederlands (nl). Vertaald uit en.ftl door een AI-vertaler (Claude), bericht voor bericht,
# volgens de stijlgids van het product (UX.md, "How we talk"): eenvoudig, rustig, je/jij-vorm.
# Gecontroleerd met de automatische tests in tests/i18n.rs (dezelfde ids, dezelfde variabelen,
# elk bericht wordt opgemaakt) en met een eigen leesronde op consequente terminologie.
# Terminologie: sign in = inloggen (zelfstandig: de inlog), sign out = uitloggen,
# password = wachtwoord, app password = app-wachtwoord, user name = gebruikersnaam,
# server = server, mail server = mailserver, secure/encrypted connection = versleutelde
# verbinding, certificate = certificaat, keyring = sleutelhanger (van het systeem),
# test message = testbericht, transcript = transcript, snippet = codefragment,
# profile = profiel, preset = voorinstelling, access token = toegangstoken, record = record.
# Niet vertaald: woorden tussen backticks, instellingsnamen, bestandsnamen, protocolnamen
# (SMTP, STARTTLS, TLS, DNS, SPF, DKIM, DMARC…), productnamen, opdrachtregelopties.

## src/arrive/dkim.rs

receivers-can-check-the-signature-79253611 = Ontvangers kunnen de handtekening controleren die { $provider } aan je berichten toevoegt: `{ $name }` verwijst naar `{ $target }`.
receivers-can-check-the-signature-de564560 = Ontvangers kunnen de handtekening controleren die { $provider } aan je berichten toevoegt: `{ $name }` bevat de sleutel.
dkim-is-a-signature-the-803894e2 = DKIM is een handtekening die de verzendende server aan elk bericht toevoegt; ontvangers controleren die met een sleutel die in de DNS van je domein staat.
provider-signs-with-the-selectors-fc53fd77 = { $provider } ondertekent met de selectors { $selectors }, maar daar is geen sleutel voor { $domain } gevonden. De handtekening telt dus niet voor je domein en je mail belandt eerder in de spam.
provider-signs-with-the-selector-a5266169 = { $provider } ondertekent met de selector { $selector }, maar daar is geen sleutel voor { $domain } gevonden. De handtekening telt dus niet voor je domein en je mail belandt eerder in de spam.
switch-on-dkim-for-domain-788c832b = Zet DKIM aan voor { $domain } in { $provider } ({ $place }) en voeg het { $record_type }-record toe dat daar staat (en hetzelfde voor de andere selectors); het record hieronder laat zien hoe het eruitziet.
switch-on-dkim-for-domain-929c2534 = Zet DKIM aan voor { $domain } in { $provider } ({ $place }) en voeg het { $record_type }-record toe dat daar staat; het record hieronder laat zien hoe het eruitziet.
domain-does-not-publish-provider-6ab37a2b = { $domain } publiceert de DKIM-sleutel van { $provider } niet
provider-s-dkim-key-is-4ce44b77 = De DKIM-sleutel van { $provider } is gepubliceerd voor { $domain }
dkim-not-checked-4291ed12 = DKIM niet gecontroleerd
we-do-not-know-which-d85e6cbc = We weten niet met welke DKIM-selector { $server } ondertekent, dus we konden niet controleren of de sleutel voor { $domain } gepubliceerd is. Vraag de provider of je mail met DKIM wordt ondertekend (een handtekening die ontvangers controleren met een sleutel in de DNS van je domein) en welk record je moet toevoegen.

## src/arrive/dmarc.rs

dmarc-tells-receivers-what-to-e721a5e3 = DMARC vertelt ontvangers wat ze moeten doen met mail die zegt van { $domain } te komen, maar daarvoor niet door de SPF- of DKIM-controle komt.
its-policy-is-p-reject-ce967681 = Het beleid is `p=reject`: zulke mail wordt geweigerd.
its-policy-is-p-quarantine-2a69dd62 = Het beleid is `p=quarantine`: zulke mail gaat naar de spam.
its-policy-is-p-none-01a9d2cb = Het beleid is `p=none`: zulke mail wordt alleen gemeld.
domain-has-a-dmarc-policy-735612a7 = { $domain } heeft een DMARC-beleid: { $policy }
dmarc-of-domain-will-reject-c398e1d1 = DMARC van { $domain } zal deze mail weigeren
the-dmarc-policy-of-domain-35b9cbc4 = Het DMARC-beleid van { $domain } zegt `p=reject`, en via deze server slaagt voor { $domain } noch SPF noch DKIM. Ontvangers zullen de mail van je website dus weigeren.
dmarc-of-domain-will-quarantine-6ef31cf6 = DMARC van { $domain } zal deze mail in quarantaine zetten
the-dmarc-policy-of-domain-eabc6562 = Het DMARC-beleid van { $domain } zegt `p=quarantine`, en via deze server slaagt voor { $domain } noch SPF noch DKIM. Ontvangers zullen de mail van je website dus in de spam zetten.
fix-spf-or-dkim-first-42d5b01c = Herstel eerst SPF of DKIM (zie hierboven); alleen als dat niet snel lukt, versoepel je het beleid naar `p=none` met het record hieronder.
domain-has-no-dmarc-record-49974c46 = { $domain } heeft geen DMARC-record
dmarc-is-a-dns-record-4d3d6942 = DMARC is een DNS-record dat ontvangers vertelt wat ze moeten doen met mail die voor je domein niet door de SPF- en DKIM-controles komt. Gmail en Yahoo vragen elk domein dat veel mail verstuurt er een te publiceren, en mail van domeinen zonder DMARC wordt minder vertrouwd. Voeg het TXT-record hieronder toe bij `{ $name }`: `p=none` verandert niets aan je mail en vraagt ontvangers alleen om te controleren.
the-dmarc-record-of-domain-98955b46 = Het DMARC-record van { $domain } bevat een fout
the-dmarc-record-at-name-da80e0f7 = Het DMARC-record bij `{ $name }` is `{ $record }`. Ontvangers kunnen dat niet lezen en negeren het dus. Vervang het door het record hieronder en bouw daarop verder.

## src/arrive/freemail.rs

provider-sends-its-own-addresses-879d096b = { $provider } verstuurt zijn eigen adressen
the-from-address-is-at-67fb0fdc = Het `from`-adres is van { $domain } en de mail gaat via de eigen server van { $provider } ({ $host }), die hem voor { $domain } ondertekent: je hoeft niets aan een DNS toe te voegen.
a-domain-address-cannot-be-27101620 = Een adres van { $domain } kan niet via { $server } worden verstuurd
the-from-address-is-at-4eca8930 = Het `from`-adres is van { $domain }, en dat domein is van { $provider }. De DNS daarvan (die jij niet kunt wijzigen) vertelt elke ontvanger dat mail van { $domain } die niet via de eigen servers van { $provider } kwam, geweigerd of weggegooid moet worden. Mail via { $server } wordt dus geweigerd door Gmail, Yahoo, Outlook.com en anderen. Zet `from` op een adres van je eigen domein, en stel SPF en DKIM van dat domein in voor { $server }.

## src/arrive/model.rs

likely-to-arrive-5f0e6d11 = Komt waarschijnlijk aan
likely-to-land-in-spam-a5ce4d7f = Belandt waarschijnlijk in de spam
will-be-rejected-by-gmail-6299af51 = Wordt geweigerd door Gmail en anderen

## src/arrive/request.rs

given-is-not-an-email-d634334b = "{ $given }" is geen e-mailadres waarvan we het domein kunnen controleren; geef er een zoals --from site@example.com

## src/arrive/server.rs

your-mail-server-13d9fcfc = je mailserver

## src/arrive/spf.rs

the-spf-record-needs-count-5dedf6d1 = Het SPF-record heeft { $count } DNS-opzoekingen nodig; de limiet is 10
receiving-servers-stop-checking-an-be2111cf = Ontvangende servers stoppen na 10 opzoekingen met het controleren van een SPF-record (elke `include:`, `a`, `mx`, `ptr`, `exists` en `redirect=` telt mee, ook in de records die erin worden opgenomen) en zien de controle dan als mislukt. Het record van { $domain } heeft er { $count } nodig. Verwijder de `include:`-regels van diensten waarmee je niet meer verstuurt, of vervang `a` en `mx` door de `ip4:`-adressen waar ze voor staan.
a-look-up-timed-out-13157fc5 = een opzoeking duurde te lang of de DNS-server gaf een fout
the-spf-record-of-domain-67804a0e = Het SPF-record van { $domain } (de lijst van servers die de mail van het domein mogen versturen) noemt { $server } via `include:{ $include }`, de regel van { $provider }. Ontvangers zien dus dat de server namens jou mag versturen.
the-spf-record-of-domain-0b5c4f92 = Het SPF-record van { $domain } (de lijst van servers die de mail van het domein mogen versturen) noemt { $server }. Ontvangers zien dus dat de server namens jou mag versturen.
spf-allows-server-to-send-8afd0a77 = SPF staat { $server } toe om voor { $domain } te versturen
domain-has-no-spf-record-1cb5b594 = { $domain } heeft geen SPF-record
an-spf-record-is-a-cb1c9d74 = Een SPF-record is een regel in de DNS van je domein met de servers die namens dat domein mail mogen versturen. { $domain } heeft er geen, dus Gmail, Outlook.com en anderen kunnen de mail van je website niet van een vervalsing onderscheiden en zetten hem in de spam of weigeren hem. Voeg het TXT-record hieronder toe bij je DNS-provider (waar de DNS van je domein wordt beheerd).
domain-has-count-spf-records-07a9b800 = { $domain } heeft { $count } SPF-records; er mag er maar één zijn
domain-publishes-count-txt-records-74c3917b = { $domain } publiceert { $count } TXT-records die met `v=spf1` beginnen. Ontvangers zien dat als een fout, en de SPF-controle mislukt dan voor elke server. Verwijder ze allemaal en voeg het ene record hieronder toe; daarin staan alle regels van de oude records.
it-includes-include-which-has-336f9a8d = Het neemt `{ $include }` op, en dat heeft niet precies één geldig SPF-record, dus de controle eindigt met een fout. Verwijder die regel of verbeter de naam.
receivers-cannot-read-it-a-63ea1f19 = Ontvangers kunnen het niet lezen (een verkeerd gespelde regel, een los teken of een ontbrekende spatie), dus de controle eindigt met een fout. Vervang het door het record hieronder en voeg andere diensten die mail voor je versturen weer toe.
the-spf-record-of-domain-22ad1250 = Het SPF-record van { $domain } is `{ $record }`.
the-spf-record-of-domain-20d2dd14 = Het SPF-record van { $domain } bevat een fout
spf-does-not-allow-server-e96b146c = SPF staat { $server } niet toe om voor { $domain } te versturen
the-spf-record-of-domain-ae180452 = Het SPF-record van { $domain } noemt de servers die de mail van het domein mogen versturen, en { $server } staat daar niet tussen. Ontvangers zien de mail van je website dus als mogelijk vervalst. Vervang het record door het record hieronder: dat voegt `{ $terms }` toe en laat de rest zoals het was.

## src/arrive/texts.rs

could-not-look-up-the-20e612c3 = Kon het SPF-record van { $domain } niet opzoeken
the-dns-look-up-of-5603d802 = De DNS-opzoeking van het SPF-record van { $domain } gaf geen antwoord ({ $why }), dus deze controle is niet volledig.
could-not-look-up-the-994cde94 = Kon de SPF-controle van { $domain } niet opzoeken
the-dns-look-up-of-d0fe910b = De DNS-opzoeking voor de SPF-controle van { $domain } gaf geen antwoord ({ $why }), dus deze controle is niet volledig.
could-not-look-up-the-453faaab = Kon het DMARC-record { $name } niet opzoeken
the-dns-look-up-of-89d9c052 = De DNS-opzoeking van het DMARC-record { $name } gaf geen antwoord ({ $why }), dus deze controle is niet volledig.
could-not-look-up-the-aeefb05d = Kon de adressen van { $host } niet opzoeken
the-dns-look-up-of-0d90da28 = De DNS-opzoeking van de adressen van { $host } gaf geen antwoord ({ $why }), dus deze controle is niet volledig.
try-again-in-a-minute-9c32e930 = Probeer het over een minuut opnieuw, of geef een andere DNS-server op met --dns-server, bijvoorbeeld --dns-server 1.1.1.1:53.
host-has-no-address-in-871405a2 = { $host } heeft geen adres in de DNS
the-mail-server-host-has-ebe00387 = De mailserver { $host } heeft geen adres in de DNS, dus we konden niet controleren of je SPF-record hem toestaat te versturen. Controleer de spelling van `host`.

## src/certificate.rs

rsa-bits-bits-23280151 = RSA { $bits } bits
ec-bits-bits-fe055061 = EC { $bits } bits
other-algorithm-06e3c735 = anders ({ $algorithm })

## src/checklist.rs

working-2d8933f4 = bezig…
waiting-eeda06a8 = wacht
not-reached-5ea156cc = niet bereikt
skipped-022ec9b7 = overgeslagen
stopped-here-8940b99c = hier gestopt

## src/cli/confirm.rs

y-n-57127fdb = [j/N]
yes-4e9f3590 = ja

## src/cli/dns_check_cmd.rs

will-mail-from-domain-through-87a4a5b9 = Komt mail van { $domain } via { $host } aan?
will-mail-from-domain-arrive-00b99798 = Komt mail van { $domain } aan?
name-2de5e154 = naam:
type-38e11e55 = type:
value-6b47a2d0 = waarde:
add-this-dns-record-a930def2 = Voeg dit DNS-record toe:
verdict-verdict-0f0534c1 = Conclusie: { $verdict }
note-note-edb4a61f = Let op: { $note }

## src/cli/inbox_cmd.rs

mailbox-password-631a3f6c = Wachtwoord van de mailbox
the-environment-variable-var-is-f51718d6 = de omgevingsvariabele { $var } is niet ingesteld (of is geen geldige tekst); zet er het wachtwoord van de mailbox in
the-server-gave-the-message-9ecaf4ed = de server gaf het bericht geen Message-ID om naar te zoeken
could-not-read-the-ca-66ac5a07 = kon het --ca-file { $path } niet lezen: { $err }
looking-for-the-message-in-88a27f59 = Het bericht wordt gezocht in { $mailbox } (maximaal { $seconds } s)…
the-mailbox-password-was-not-7b1224ac = het wachtwoord van de mailbox is niet in de sleutelhanger opgeslagen: de controle is niet tot een geslaagde inlog gekomen.
no-password-for-the-mailbox-0abb5363 = geen wachtwoord voor de mailbox { $mailbox }: geef het mee met --inbox-password-stdin of --inbox-password-env VAR, of sla het in de sleutelhanger op als { $account }
did-it-land-mailbox-c25c5dff = Is het aangekomen? { $mailbox }

## src/cli/json.rs

could-not-write-json-err-c9dd0283 = kon JSON niet schrijven: { $err }

## src/cli/mod.rs

stopping-the-test-ctrl-c-18158df4 = De test wordt gestopt… (nog een keer Ctrl-C stopt meteen)
the-checks-after-sending-check-eea128bf = De controles na het versturen (--check-dns, --check-inbox) lopen alleen als het bericht is verstuurd.
could-not-read-standard-input-6cb61c3b = kon standaardinvoer niet lezen: { $err }
give-the-error-text-to-2a747ea0 = geef de foutmelding die uitgelegd moet worden, of geef hem door met -

## src/cli/oauth_cmd.rs

signed-out-the-sign-in-920ac642 = Uitgelogd: de inlog van { $mailbox } wordt niet meer bewaard.
no-sign-in-of-mailbox-c1033f07 = Er werd geen inlog van { $mailbox } bewaard voor deze app.
signed-in-as-who-with-0789c27a = Ingelogd als { $who } bij { $provider } (bewaard in de sleutelhanger van het systeem).
a-new-access-token-was-03874317 = Er is zojuist een nieuw toegangstoken uitgegeven, { $minutes } min geldig.
a-new-access-token-was-505fd341 = Er is zojuist een nieuw toegangstoken uitgegeven.
not-signed-in-no-sign-b24f4b10 = Niet ingelogd: er wordt geen inlog van { $mailbox } bewaard voor deze app. `{ $command }` logt in.
the-kept-sign-in-of-41c1d286 = De bewaarde inlog van { $mailbox } werkt niet meer: { $error }. Log opnieuw in.

## src/cli/output.rs

testing-host-port-with-security-bc3dfc06 = { $host }:{ $port } wordt getest met { $security }, zoals ASP.NET (System.Net.Mail) het zou doen.
testing-host-port-with-security-fa0d57de = { $host }:{ $port } wordt getest met { $security }, zoals een gewoon mailprogramma het zou doen.
these-settings-need-attention-before-a42c8b40 = Deze instellingen hebben aandacht nodig voordat een test kan lopen:
error-21918751 = fout
warning-792112ef = waarschuwing
note-919a0c3d = opmerking
warning-summary-cb2694b9 = Waarschuwing: { $summary }
ways-out-315d2fe1 = Uitwegen:
checklist-7164074f = Checklist:
only-partly-the-server-accepted-8a4abcce = Gedeeltelijk: de server nam het testbericht voor { $recipient } (zijn eigen mailbox) aan, maar weigert adressen daarbuiten zonder inlog.
success-the-server-accepted-the-2b96e5a9 = Gelukt: de server heeft het testbericht voor { $recipient } aangenomen.
warning-the-password-crossed-the-ae191d12 = Waarschuwing: het wachtwoord ging ONVERSLEUTELD over het netwerk (je stond dat toe voor deze test). Zet enableSsl op true zodat je website dat niet ook doet.
warning-the-certificate-is-not-676d1a93 = Waarschuwing: het certificaat is NIET geldig ({ $problem }). Je website controleert het en zal mislukken.
paste-this-into-your-web-97160651 = Plak dit in je web.config, binnen <configuration>:
for-platform-967bcad1 = Voor { $platform }:
other-platforms-command-the-same-69f99f14 = Andere platforms: { $command } (dezelfde instellingsopties; --format all toont ze allemaal)
problem-summary-7ede7f64 = Probleem: { $summary }
what-to-do-8cbc7e25 = Wat te doen:
suggested-change-run-again-with-91377baf = Voorgestelde wijziging (voer opnieuw uit met { $flags }):
the-server-said-reply-de77b5c4 = De server zei: { $reply }
preset-70ea81de = VOORINSTELLING
host-edf03e2f = HOST
port-24fff026 = POORT
your-host-b2942d15 = (je host)
not-usable-from-asp-net-eb3e1b53 = Niet bruikbaar vanuit ASP.NET (System.Net.Mail).

## src/cli/probe_cmd.rs

stopping-ctrl-c-again-quits-252995ab = Wordt gestopt… (nog een keer Ctrl-C stopt meteen)

## src/cli/probe_output.rs

looking-for-the-outgoing-mail-812c6ba5 = De uitgaande mailserver voor { $email } wordt gezocht, voor een ASP.NET-website (System.Net.Mail).
looking-for-the-outgoing-mail-577f55c6 = De uitgaande mailserver voor { $email } wordt gezocht, voor een mailprogramma.
looking-for-what-host-offers-8dc74ce8 = Bekijken wat { $host } aanbiedt, voor een ASP.NET-website (System.Net.Mail).
looking-for-what-host-offers-18e74dbb = Bekijken wat { $host } aanbiedt, voor een mailprogramma.
each-try-stops-after-the-09a8b128 = Elke poging stopt na de begroeting van de server: er wordt geen bericht en geen wachtwoord verstuurd.
nothing-527dae8a = niets
trying-1-server-name-names-bb4dd271 = 1 servernaam wordt geprobeerd: { $names }
trying-count-server-names-names-dc28bd1c = { $count } servernamen worden geprobeerd: { $names }
use-these-settings-in-your-104f0487 = Gebruik deze instellingen in je website:
why-why-99fef765 = Waarom: { $why }
in-web-config-line-89ad6d8c = In web.config: { $line }
no-settings-to-recommend-3a0b504c = Geen instellingen om aan te raden.
from-this-computer-to-host-ae426e27 = Van deze computer naar { $host }: { $ports }.
done-in-time-cancelled-5bc6fe41 = Klaar in { $time } (geannuleerd).
done-in-time-5fb638b3 = Klaar in { $time }.
everything-tried-best-first-e41cbf92 = Alles wat is geprobeerd, beste eerst:
server-40ac3dd2 = server
security-c92cc9bb = beveiliging
reachable-70756d30 = bereikbaar
sign-in-281c1798 = inloggen
cert-4cb0e403 = cert.
time-5d3c9be4 = tijd
why-18f40e39 = waarom
names-that-do-not-exist-a4ffda74 = (namen die niet bestaan zijn niet verder geprobeerd)
plain-d3be3f67 = onversleuteld
ssl-on-connect-dbeb3514 = SSL bij verbinden
trusted-dd092c3c = vertrouwd
untrusted-3c0e3839 = niet vertrouwd
expired-338eb632 = verlopen
wrong-name-475d1629 = verkeerde naam
invalid-cbd1f530 = ongeldig

## src/cli/profile_cmd.rs

renamed-profile-old-to-new-edd00652 = Profiel "{ $old }" hernoemd naar "{ $new }".
no-profiles-yet-save-one-78e104ee = Nog geen profielen. Sla er een op met: { $command }
no-sign-in-740a2bca = (geen inlog)
profile-name-path-da76cc87 = Profiel "{ $name }" ({ $path })
not-needed-no-sign-in-16416f92 = niet nodig (geen inlog)
saved-in-the-keyring-471fe699 = opgeslagen in de sleutelhanger
not-saved-give-it-with-eb4324db = niet opgeslagen (geef het mee met --password-stdin of --password-env; voeg --save-password toe om het in de sleutelhanger te bewaren)
unknown-the-keyring-could-not-90752bb4 = onbekend: de sleutelhanger kon niet worden gelezen
test-it-command-7eff2131 = Test het: { $command }
timeouts-3411c421 = time-outs
connect-connect-s-greeting-greeting-1f5ae1d3 = verbinden { $connect } s, begroeting { $greeting } s, opdrachten { $command } s
accept-invalid-certs-42e8fc91 = ongeldige certificaten accepteren
ca-file-3a8117e5 = CA-bestand
save-password-needs-the-password-ea8d182a = --save-password heeft het wachtwoord nodig: geef het mee met --password-stdin of --password-env VAR
the-old-profiles-file-could-c287bcd2 = het oude profielenbestand kon niet worden gelezen en is daarom opzijgezet (er gaat niets verloren): { $path }
replaced-profile-name-in-path-07131cc2 = Profiel "{ $name }" vervangen in { $path } (zonder wachtwoord).
saved-profile-name-in-path-dfc46583 = Profiel "{ $name }" opgeslagen in { $path } (zonder wachtwoord).
the-password-was-not-kept-0ab7efbb = Het wachtwoord is niet bewaard (voeg --save-password toe om het in de sleutelhanger van het systeem te bewaren).
these-settings-do-not-sign-e4955288 = Met deze instellingen wordt niet ingelogd met een gebruikersnaam, dus er is geen wachtwoord om op te slaan.
deleted-profile-name-4882e1e8 = Profiel "{ $name }" verwijderd.
a-password-saved-for-it-18a62b71 = Een wachtwoord dat ervoor is opgeslagen, blijft in de sleutelhanger (andere profielen voor hetzelfde account gebruiken het ook); `profile delete --forget-password` verwijdert het ook.
profile-name-does-not-sign-2e551ed4 = Profiel "{ $name }" logt niet in met een gebruikersnaam: er is geen wachtwoord om te vergeten.
remove-all-count-profiles-and-462289c2 = Alle { $count } profielen verwijderen, en elk wachtwoord dat Mail Settings Tester in de sleutelhanger heeft opgeslagen?
nothing-was-removed-run-again-6988196d = Er is niets verwijderd: voer het opnieuw uit met --yes om alle profielen en opgeslagen wachtwoorden te verwijderen.
removed-profiles-profile-s-and-06660efb = { $profiles } profiel(en) en { $passwords } opgeslagen wachtwoord(en) verwijderd.
removed-the-saved-password-for-19fd2f90 = Het opgeslagen wachtwoord voor { $account } is uit de sleutelhanger verwijderd.
no-password-was-saved-in-2a90a5e4 = Er was geen wachtwoord voor { $account } in de sleutelhanger opgeslagen.
saved-the-password-for-account-69032fc6 = Het wachtwoord voor { $account } is opgeslagen in de sleutelhanger van het systeem.

## src/cli/profile_keyring.rs

no-password-is-saved-in-7fd8f14a = er is geen wachtwoord voor { $account } in de sleutelhanger opgeslagen. Geef het mee met --password-stdin of --password-env VAR (voeg --save-password toe om het te bewaren).
the-password-is-needed-pass-dc38d6e7 = het wachtwoord is nodig: geef het mee met --password-stdin of --password-env VAR.
using-the-password-saved-in-447fc673 = Het wachtwoord uit de sleutelhanger voor { $account } wordt gebruikt.
these-settings-do-not-sign-d7b82868 = met deze instellingen wordt niet ingelogd met een gebruikersnaam, dus er is geen wachtwoord om op te slaan.
the-password-was-not-saved-4521489f = het wachtwoord is niet in de sleutelhanger opgeslagen, omdat de server de inlog weigerde.

## src/cli/report_file.rs

the-support-report-was-not-74159c71 = het supportrapport is niet geschreven: { $message }
support-report-written-to-path-f13a3c47 = Supportrapport geschreven naar { $path }
could-not-write-the-support-ab51dfc3 = kon het supportrapport niet schrijven ({ $err }): { $path }
path-is-not-a-file-42c39be8 = { $path } is geen bestand
path-already-exists-and-is-b1dfc304 = { $path } bestaat al en is geen rapport van deze tester; kies een andere bestandsnaam

## src/cli/resolve.rs

user-needs-a-password-pass-c94ada2d = --user heeft een wachtwoord nodig: geef het mee met --password-stdin of --password-env VAR (nooit als argument)
there-is-no-profile-named-25a91d5a = er is geen profiel met de naam "{ $name }"; `mailtester profile list` toont de opgeslagen profielen
there-is-no-preset-name-fa72f4e1 = er is geen voorinstelling "{ $name }"; kies er een uit: { $names }
password-2cc30838 = Wachtwoord
the-environment-variable-var-is-e7426592 = de omgevingsvariabele { $var } is niet ingesteld (of is geen geldige tekst); zet er het wachtwoord in
prompt-input-is-not-hidden-841279c7 = { $prompt } (invoer wordt niet verborgen; gebruik liever een pipe):
could-not-read-the-password-120dc4df = kon het wachtwoord niet uit standaardinvoer lezen: { $err }
flag-was-given-but-standard-0e415ce1 = { $flag } is opgegeven, maar standaardinvoer had er geen regel voor

## src/cli/say.rs

error-message-7fcc1b86 = fout: { $message }
warning-message-8341c1cc = waarschuwing: { $message }
note-message-e2a00142 = opmerking: { $message }

## src/cli/scan_cmd.rs

found-sites-with-mail-settings-ca740722 = { $sites } met mailinstellingen gevonden, met { $servers } (--offline: er wordt geen contact gemaakt).
found-sites-with-mail-settings-0472bdeb = { $sites } met mailinstellingen gevonden, met { $servers }.
contacted-done-of-total-servers-38b87ee1 = Contact gemaakt met { $done } van { $total } servers…
t-1-mail-server-5cc20956 = 1 mailserver
count-mail-servers-fdac7a27 = { $count } mailservers
the-csv-could-not-be-4fc3b8b7 = de CSV kon niet worden gemaakt: { $err }
csv-written-to-path-b9b19256 = CSV geschreven naar { $path }
html-page-written-to-path-604f2e2a = HTML-pagina geschreven naar { $path }
could-not-write-the-csv-39267b1e = kon de CSV niet schrijven ({ $err }): { $path }. Kies een map waarin je mag schrijven.
could-not-write-the-html-8d232522 = kon de HTML-pagina niet schrijven ({ $err }): { $path }. Kies een map waarin je mag schrijven.

## src/cli/scan_output.rs

t-1-site-c22fc96f = 1 site
count-sites-a9a5308c = { $count } sites
no-server-to-contact-sites-92fa060f = Geen server om contact mee te maken ({ $sites })
skipped-count-ff812831 = Overgeslagen ({ $count }):
summary-files-files-read-in-304f342d = { $summary }; { $files } bestanden gelezen in { $seconds } s.
no-site-with-mail-settings-eb55820e = Er is geen site met mailinstellingen gevonden. Laat de scan kijken in de map met de sites (bijvoorbeeld C:\inetpub\vhosts of /var/www), of geef --iis-config op.
server-sites-broken-broken-at-9406a0b2 = { $server }: { $sites } ({ $broken } kapot, { $at_risk } met risico, { $unknown } onbekend, { $ok } OK)
did-not-answer-problem-bda68194 = gaf geen antwoord: { $problem }
tls-on-connect-2f402ce9 = TLS bij verbinden
offers-starttls-089863af = biedt STARTTLS
no-starttls-3f327a1f = geen STARTTLS
no-sign-in-before-encryption-36031e69 = geen inloggen vóór versleuteling
sign-in-before-encryption-methods-99e7b9c2 = inloggen vóór versleuteling: { $methods }
no-sign-in-after-encryption-47a4a654 = geen inloggen na versleuteling
sign-in-after-encryption-methods-ee54907f = inloggen na versleuteling: { $methods }
certificate-certificate-c4f98173 = certificaat { $certificate }
broken-0d935360 = KAPOT
at-risk-5412ef9b = RISICO
unknown-69b80b99 = ONBEKEND
ok-85e4b82f = OK
fix-fix-e4c99121 = Oplossing: { $fix }
apply-it-command-969d0163 = Toepassen: { $command }

## src/cli/stdin_text.rs

the-input-is-broken-utf-d21f7acb = de invoer is beschadigde UTF-16: sla hem op als UTF-8- of UTF-16-tekst en probeer het opnieuw
the-input-is-not-utf-eee33dd4 = de invoer is geen UTF-8-tekst (waarschijnlijk een oudere Windows-codering): sla hem op als UTF-8- of UTF-16-tekst en probeer het opnieuw
the-line-is-not-utf-c971d459 = de regel is geen UTF-8-tekst: sla hem op als UTF-8- of UTF-16-tekst en probeer het opnieuw

## src/cli/webconfig_cmd.rs

mail-settings-in-path-bea8d53b = Mailinstellingen in { $path }:
not-set-a541b773 = (niet ingesteld)
not-set-no-sign-in-d89f1f29 = (niet ingesteld: geen inlog)
not-set-the-web-server-05e903ce = (niet ingesteld: de naam van de webserver)
set-not-shown-8e04618e = (ingesteld, niet getoond)
not-true-or-false-see-4912fbf6 = (niet true of false: zie de fout hieronder)
not-stated-bd15bde6 = (niet vermeld)
test-them-46dd20dd = Test ze:
nothing-to-change-the-file-65d4a0db = Niets te wijzigen: het bestand heeft deze instellingen al: { $path }
dry-run-nothing-was-written-83e7f00e = Proefrun: er is niets geschreven.
updated-path-37738ea1 = { $path } bijgewerkt.
the-old-file-is-saved-795e6599 = Het oude bestand is bewaard als { $path }.
still-to-fix-by-hand-087d2c93 = Nog met de hand te herstellen:
these-settings-cannot-be-written-c9942416 = deze instellingen kunnen pas worden geschreven als ze hersteld zijn:
write-these-changes-to-path-5f106860 = Deze wijzigingen naar { $path } schrijven? Er wordt eerst een reservekopie gemaakt.
nothing-was-written-run-again-e048ac0a = Er is niets geschreven: voer het opnieuw uit met --yes om deze wijzigingen te schrijven.
nothing-was-written-317a5b5a = Er is niets geschreven.
no-problems-found-808793a4 = Geen problemen gevonden.
t-1-error-cd417dc2 = 1 fout
count-errors-7af566cb = { $count } fouten
t-1-warning-f1c7ab28 = 1 waarschuwing
count-warnings-6efe9689 = { $count } waarschuwingen
t-1-note-4430d8c0 = 1 opmerking
count-notes-a90e79f1 = { $count } opmerkingen
findings-errors-warnings-notes-16ee245c = Bevindingen: { $errors }, { $warnings }, { $notes }
error-df22b531 = FOUT
line-line-code-8334a308 = regel { $line }, { $code }

## src/credentials/error.rs

there-is-no-keyring-on-7e9019d6 = Er is op deze computer geen sleutelhanger die Mail Settings Tester kan gebruiken ({ $keyring }), dus het wachtwoord kan daar niet worden opgeslagen of gelezen. Het wachtwoord wordt alleen voor deze sessie gebruikt. { $advice } (Details: { $detail })
your-keyring-keyring-is-locked-b5a4c68b = Je sleutelhanger ({ $keyring }) is vergrendeld, dus het wachtwoord kon niet worden opgeslagen of gelezen. Het wachtwoord wordt alleen voor deze sessie gebruikt. Ontgrendel de sleutelhanger (log opnieuw in op je bureaublad, of ontgrendel hem in je sleutelhanger-app) en probeer het dan opnieuw. (Details: { $detail })
your-keyring-keyring-did-not-76142675 = Je sleutelhanger ({ $keyring }) stond Mail Settings Tester niet toe dit wachtwoord te gebruiken. Het wachtwoord wordt alleen voor deze sessie gebruikt. Sta toegang toe als de sleutelhanger erom vraagt (of in de instellingen ervan) en probeer het dan opnieuw. (Details: { $detail })
your-keyring-keyring-could-not-daf77fe7 = Je sleutelhanger ({ $keyring }) kon het wachtwoord niet opslaan of lezen. Het wachtwoord wordt alleen voor deze sessie gebruikt. Probeer het opnieuw; als het blijft mislukken, typ het wachtwoord dan elke keer. (Details: { $detail })
the-what-is-too-long-1ec59e0a = De { $what } is te lang voor je sleutelhanger ({ $keyring } neemt maximaal { $limit } bytes), dus kon hij daar niet worden opgeslagen. Het wachtwoord wordt alleen voor deze sessie gebruikt; typ het elke keer.
there-is-no-password-to-fcd23170 = Er is geen wachtwoord om op te slaan: vul eerst het wachtwoord in en sla het dan op.
user-name-a59136f5 = gebruikersnaam
password-364b5f18 = wachtwoord
no-keyring-store-is-set-ae980b57 = er is geen sleutelhanger ingesteld
no-saved-password-de7667ce = geen opgeslagen wachtwoord
the-saved-password-is-not-caf48e59 = het opgeslagen wachtwoord is geen leesbare tekst; sla het opnieuw op
count-saved-passwords-match-this-15464f8a = { $count } opgeslagen wachtwoorden horen bij dit account; verwijder de overbodige in je sleutelhanger-app

## src/credentials/platform.rs

the-secret-service-e-g-882f6c95 = de Secret Service, bijv. GNOME Keyring of KWallet
the-macos-keychain-8faf0187 = de macOS-sleutelhanger
the-windows-credential-manager-fb0531ad = Windows Referentiebeheer
none-is-supported-on-this-ee2f389d = geen enkele wordt op dit systeem ondersteund
to-remember-passwords-run-the-5f3b84d2 = Om wachtwoorden te onthouden, start je de tester in een bureaubladsessie waarin een sleutelhanger draait (GNOME Keyring of KWallet) en probeer je het opnieuw.
to-remember-passwords-run-the-6d45ebaa = Om wachtwoorden te onthouden, start je de tester in je eigen ingelogde bureaubladsessie en probeer je het opnieuw.

## src/diagnosis/aspnet/mod.rs

if-your-site-sends-with-f777e641 = Als je site verstuurt met SmtpClient (System.Net.Mail), staat in het foutlogboek
your-website-s-error-log-f87ec5b8 = In het foutlogboek van je website staat

## src/diagnosis/classify.rs

microsoft-365-has-smtp-sign-7bc38d83 = Bij Microsoft 365 staat inloggen via SMTP uit voor deze mailbox
microsoft-365-lets-administrators-switch-9108f35f = In Microsoft 365 kunnen beheerders "Authenticated SMTP" (de manier waarop programma's inloggen om mail te versturen) uitzetten, en voor deze mailbox staat het uit. Zelfs het juiste wachtwoord wordt dus geweigerd.
ask-your-microsoft-365-administrator-c54e0072 = Vraag je Microsoft 365-beheerder om "Authenticated SMTP" aan te zetten voor deze mailbox (beheercentrum → Users (Gebruikers) → Active users (Actieve gebruikers) → de gebruiker → Mail → Manage email apps (E-mail-apps beheren)).
microsoft-365-has-smtp-sign-360e5a0b = Bij Microsoft 365 staat inloggen via SMTP uit voor je organisatie: je beheerder kan het aanzetten
yahoo-and-aol-refuse-the-709f08a8 = Yahoo en AOL weigeren het gewone wachtwoord van het account vanuit mailprogramma's, en na een aantal geweigerde pogingen blokkeren ze het inloggen ook een tijdje.
wait-about-an-hour-before-d6d59691 = Wacht ongeveer een uur voordat je opnieuw test, zodat de blokkade voorbij is.
gmail-refused-the-user-name-15d09805 = Gmail weigerde de gebruikersnaam en het wachtwoord. Gmail accepteert vanuit mailprogramma's zoals je website alleen een app-wachtwoord (een apart wachtwoord speciaal voor programma's): sinds mei 2022 voor persoonlijke accounts en sinds september 2024 voor Google Workspace-accounts. Een app-wachtwoord dat je al gebruikt, is misschien verkeerd getypt of ingetrokken.
here-the-block-comes-from-536cc146 = Hier komt de blokkade van de "security defaults" (standaardbeveiliging) van je organisatie: de standaard inlogbeveiliging van Microsoft.
verify-the-from-address-or-31a6261b = Verifieer het `from`-adres (of het hele domein) in het dashboard van je verzenddienst.
the-server-refuses-the-old-cabda9d1 = De server weigert de oude versleutelingsversie die dit programma gebruikt
the-program-offered-tls-1-5b1ec346 = Het programma bood TLS 1.0 of 1.1 aan (oude versies van de versleuteling die de verbinding beschermt), en de server accepteert alleen TLS 1.2 of nieuwer.
make-sure-the-website-runs-a3175796 = Zorg dat de website draait op .NET Framework 4.7 of nieuwer; dat gebruikt de nieuwste versleuteling die Windows biedt.
for-an-older-website-ask-fd2f3186 = Vraag voor een oudere website je ontwikkelaar om TLS 1.2 aan te zetten (ServicePointManager.SecurityProtocol) en installeer de Windows-updates die het toevoegen.
test-again-after-the-change-c6691a26 = Test opnieuw na de wijziging.
the-server-s-encryption-is-e48e53e2 = De versleuteling van de server werkt op dit moment niet
the-server-offers-encryption-but-4969b44a = De server biedt versleuteling aan, maar kon die niet starten door een probleem aan zijn eigen kant (vaak een ontbrekend of kapot certificaat, het identiteitsbewijs van de server).
wait-a-few-minutes-and-763995a7 = Wacht een paar minuten en test opnieuw.
if-it-persists-tell-your-5398e48d = Blijft het gebeuren, meld het dan aan je mailprovider en stuur het antwoord van de server mee: alleen zij kunnen het herstellen.
keep-enablessl-set-to-true-2c3e3edb = Laat `enableSsl` op `true` staan: zonder versleuteling zou je wachtwoord leesbaar over het netwerk gaan.
provider-needs-an-app-password-8404df24 = { $provider } heeft een app-wachtwoord nodig in plaats van je gewone wachtwoord
test-again-5d322c29 = Test opnieuw.

## src/diagnosis/explain/dotnet_log.rs

your-website-s-log-quotes-45d21fe9 = Het logboek van je website citeert alleen de eerste regel van de weigering van de server, met de naam van de server; de reden staat op de regels daarna. Voer de test hier uit om ze te zien.

## src/diagnosis/explain.rs

codes-that-start-with-4-34e1b6b7 = Codes die met 4 beginnen betekenen "probeer het later opnieuw"; blijft het gebeuren, dan zijn de woorden in het antwoord de reden die je aan je mailprovider doorgeeft.
codes-that-start-with-5-eea7edf5 = Codes die met 5 beginnen betekenen dat de server dit niet accepteert zoals het is; de woorden na de code zijn de reden.
we-don-t-recognise-this-9ef5f9c1 = We herkennen dit antwoord van de server niet
the-server-answered-with-a-be6938c6 = De server gaf een antwoord waarvoor we nog geen uitleg hebben.

## src/diagnosis/mod.rs

even-so-this-test-message-84be81e9 = Toch is dit testbericht aangekomen: na de weigering verstuurt ASP.NET zonder in te loggen, en deze server accepteert dat voor mail aan zijn eigen mailboxen. Mail aan elk ander adres (je klanten) wordt geweigerd tot het inloggen werkt, en het logboek van je website toont voor dit bericht geen fout.

## src/diagnosis/outcome/auth.rs

this-server-offers-starttls-encryption-7bc26440 = Deze server biedt STARTTLS (versleuteling) aan, dus de oplossing is één instelling.
this-server-offers-no-encryption-696f82ef = Deze server biedt op deze poort geen versleuteling aan.
ask-your-mail-provider-for-c9b3f2af = Vraag je mailprovider welke poort versleuteling biedt (meestal `587` met STARTTLS) en gebruik die.
the-server-offers-sign-in-811c9099 = De server biedt inloggen pas aan als de verbinding met STARTTLS is versleuteld (de manier waarop een mailserver overschakelt naar een versleutelde verbinding), dus verborg hij het inloggen om je wachtwoord te beschermen. `enableSsl="true"` zet STARTTLS aan in web.config.
no-sign-in-method-7ae1fdbe = geen inlogmethode
this-server-offers-list-and-b1185126 = Deze server biedt { $list } aan, en { $target } kan daar geen enkele van gebruiken (de mailverzender van ASP.NET kent alleen LOGIN, NTLM, Digest en Negotiate). Dezelfde instellingen kunnen in andere programma's werken, maar mislukken vanuit je website.
xoauth2-and-oauthbearer-mean-oauth-f5583b2e = XOAUTH2 en OAUTHBEARER betekenen OAuth (inloggen via de eigen pagina van de provider).
this-server-does-not-understand-22cf71da = Deze server begrijpt niet hoe ASP.NET inlogt
asp-net-sends-the-user-20a7823c = ASP.NET stuurt de gebruikersnaam samen met de inlogopdracht (AUTH LOGIN), en daarna het wachtwoord. Deze server negeerde de gebruikersnaam en vroeg er na het wachtwoord opnieuw om, dus het inloggen kan vanuit je website nooit lukken, wat het wachtwoord ook is.
ask-your-mail-provider-whether-52f1f934 = Vraag je mailprovider of de server AUTH LOGIN met een initial response (RFC 4954) kan accepteren, of vraag om een andere servernaam om via te versturen.
or-send-through-another-mail-017a8669 = Of verstuur via een andere maildienst (die van je hostingbedrijf, of een verzenddienst zoals SendGrid of Mailgun).
this-server-refuses-the-way-1d470d15 = Deze server weigert de manier waarop ASP.NET inlogt
the-server-offers-login-sign-8c041507 = De server biedt LOGIN aan, de inlogmethode die ASP.NET gebruikt, maar weigerde die in de vorm waarin ASP.NET hem stuurt: de opdracht samen met de gebruikersnaam op één regel ("AUTH login …"). Hij antwoordde "{ $reply }" voordat er een wachtwoord was gecontroleerd. Programma's die de gebruikersnaam op een eigen regel sturen (PHPMailer, MailKit, Outlook) kunnen op deze server inloggen; je website niet, wat het wachtwoord ook is.
ask-your-mail-provider-whether-8485148d = Vraag je mailprovider of de server AUTH LOGIN kan accepteren met de gebruikersnaam op dezelfde regel (een "initial response", RFC 4954), of vraag om een andere servernaam om via te versturen.
or-ask-your-developer-to-59a0f742 = Of vraag je ontwikkelaar om met MailKit te versturen; dat logt op de andere manier in.

## src/diagnosis/outcome/connection.rs

the-mail-server-s-name-abb8de91 = De naam van de mailserver “{ $host }” is niet gevonden
host-has-no-dot-in-a25384f0 = In `host` staat geen punt, terwijl namen van mailservers eruitzien als `smtp.example.com`: vergelijk het met de instructies van je provider.
the-connection-went-to-address-039eccb9 = De verbinding ging naar { $address }.
port-port-is-unusual-for-e9e416e2 = Poort { $port } is ongebruikelijk voor het versturen van mail: de meeste providers gebruiken `587`.
we-waited-secs-seconds-for-18544b73 = We hebben { $secs } seconden op { $address } gewacht.
port-25-is-commonly-blocked-bf227656 = Poort 25 wordt vaak geblokkeerd door hostingbedrijven en internetproviders om spam tegen te gaan, dus verbindingen daarmee krijgen vaak geen antwoord.
this-computer-could-not-reach-082acb74 = Deze computer kon de mailserver niet bereiken
the-system-reported-detail-16c5517e = Het systeem meldde: “{ $detail }”.
check-that-this-computer-is-05bf2936 = Controleer of deze computer met internet verbonden is en test opnieuw.
the-server-said-nothing-for-c2aad1c2 = De server zei { $secs } seconden lang niets, en een tweede poging die versleuteld begon, kreeg ook geen antwoord.
this-port-expects-encryption-from-e1538362 = Deze poort verwacht versleuteling vanaf de allereerste byte ("SSL bij verbinden", gebruikelijk voor poort 465), dus de server wacht op versleuteling terwijl het programma op een begroeting wacht. De mailverzender van ASP.NET kan geen SSL bij verbinden: je website zou zo 100 seconden wachten (de standaard time-out; de test stopte na zijn eigen limiet) en dan mislukken met "The operation has timed out".
this-port-expects-encryption-from-52a4c1c1 = Deze poort verwacht versleuteling vanaf de allereerste byte ("SSL bij verbinden"), maar de test begon onversleuteld, dus beide kanten wachtten op elkaar.
choose-ssl-on-connect-for-89a131f0 = Kies SSL bij verbinden voor deze poort (in de meeste programma's "SSL", "SMTPS" of "implicit TLS" genoemd).
or-change-port-to-587-363c03db = Of verander `port` in `587` en gebruik STARTTLS (de manier waarop een mailserver overschakelt naar een versleutelde verbinding).
it-answered-like-a-web-455949dc = Hij antwoordde als een webserver.
it-answered-like-a-remote-640e7204 = Hij antwoordde als een dienst om op afstand in te loggen (SSH).

## src/diagnosis/outcome/conversation.rs

it-happened-during-step-8cc559e6 = Het gebeurde tijdens { $step }.
the-connection-ended-while-switching-4d88ba34 = De verbinding werd verbroken tijdens het overschakelen naar versleuteling: controleer of `port` en `enableSsl` overeenkomen met de instructies van je provider (voor ASP.NET: `587` met `enableSsl` op `true`).
some-servers-hang-up-instead-07ab7f99 = Sommige servers verbreken de verbinding in plaats van te zeggen dat het wachtwoord is geweigerd: controleer `userName` en `password`.
there-was-no-reply-to-7639394e = Er kwam binnen { $secs } seconden geen antwoord op { $step }.
what-arrived-detail-ce6e5e5f = Wat er binnenkwam: { $detail }.
the-server-broke-the-rules-86aebd6a = De server hield zich niet aan de regels van het mailgesprek
during-step-the-server-did-2a69066e = Tijdens { $step } deed de server iets wat mailservers niet mogen doen: { $detail }. Dit is een probleem aan de kant van de server, niet in je instellingen.
test-again-in-a-few-d45392c2 = Test over een paar minuten opnieuw.
send-the-transcript-to-your-01199657 = Stuur het transcript naar je mailprovider: daarin staat precies wat de server stuurde.
if-a-security-program-or-26b511cc = Als een beveiligingsprogramma of proxy op dit netwerk mail afhandelt, kan dat de oorzaak zijn: vraag het aan de beheerder van het netwerk.

## src/diagnosis/outcome/envelope.rs

use-a-sender-address-from-91297b39 = Gebruik een afzenderadres (`from`) met vóór de @ alleen gewone letters (a tot z), cijfers, punten of streepjes, bijvoorbeeld `info@` je domein.
send-the-test-to-an-394f9af8 = Stuur de test naar een adres met vóór de @ alleen gewone letters (a tot z), cijfers, punten of streepjes.
this-server-cannot-take-address-b7642aa9 = Deze server kan { $address } niet aannemen, want vóór de @ staan letters die geen gewone Engelse letters zijn
such-an-address-can-only-534fa2e0 = Zo'n adres kan alleen mee met SMTPUTF8 (de mailstandaard voor internationale adressen), en deze server biedt dat niet aan. De test stopte voordat de server { $role } ({ $address }) kreeg: hij zou het hebben geweigerd of verminkt, en zijn weigering zou de afzender de schuld hebben gegeven.
or-send-through-a-mail-c7f9b17c = Of verstuur via een mailserver die SMTPUTF8 aanbiedt: vraag je provider of die internationale e-mailadressen ondersteunt.
the-test-cannot-send-with-1cfd4858 = De test kan niet versturen met het adres { $address }
address-is-written-in-a-498c2974 = { $address } is geschreven in een vorm die de mailstandaarden toestaan maar die weinig programma's aankunnen (een deel tussen aanhalingstekens met een spatie, of een serveradres tussen haken na de @), en het testbericht kan het niet meenemen. De test stopte voordat het adres aan de server werd gegeven.
plain-remove-any-quotes-and-a7cb9143 = { $plain } Verwijder aanhalingstekens en spaties: de gebruikelijke vorm is naam@example.com.
asp-net-itself-may-still-4a7c1539 = ASP.NET zelf kan er misschien nog wel mee versturen, maar veel mailservers en de programma's die de mail lezen niet.
or-move-the-site-to-3788eb32 = Of zet de site over naar .NET Framework 4.5 of later; dat kan internationale adressen versturen met `deliveryFormat="International"` op het `<smtp>`-element.
or-add-deliveryformat-international-to-7bb43e86 = Of voeg `deliveryFormat="International"` toe aan het `<smtp>`-element in web.config (ASP.NET 4.5 of later): dan stuurt ASP.NET internationale adressen naar servers die SMTPUTF8 aanbieden.
or-set-deliveryformat-smtpdeliveryformat-3af77877 = Of zet `DeliveryFormat = SmtpDeliveryFormat.International` op de `SmtpClient` in je code: dan stuurt die internationale adressen naar servers die SMTPUTF8 aanbieden.
this-server-offers-smtputf8-the-6d77822e = Deze server biedt SMTPUTF8 aan (de mailstandaard voor internationale adressen), dus met die instelling zou het lukken.
this-server-does-not-offer-baf00176 = Deze server biedt geen SMTPUTF8 aan (de mailstandaard voor internationale adressen), dus je hebt ook een server nodig die dat wel doet.
asp-net-will-not-send-12cd36fe = ASP.NET wil niet versturen met { $address }, want vóór de @ staan letters die geen gewone Engelse letters zijn
asp-net-s-mail-sender-3ed3c4f7 = De mailverzender van ASP.NET verstuurt alleen adressen met vóór de @ gewone Engelse letters, tenzij hij is ingesteld om internationale adressen te versturen. Hij stopt voordat de server iets wordt gevraagd, net als de test.

## src/diagnosis/outcome/final_reply.rs

the-server-received-the-whole-80dbb04b = De server heeft het hele bericht ontvangen, maar het niet op tijd bevestigd
the-test-sent-the-complete-26e46161 = De test verstuurde het complete bericht en wachtte daarna op het antwoord van de server, het antwoord dat zegt of hij het bericht accepteert. Er kwam niet op tijd antwoord: servers die elk bericht op spam en virussen controleren, kunnen traag antwoorden, en deze levert het bericht misschien toch af.
check-the-test-recipient-s-5a214699 = Kijk in de inbox (en de spammap) van de testontvanger voordat je opnieuw verstuurt: het bericht kan nog aankomen, en opnieuw versturen kan het twee keer afleveren.
if-nothing-arrives-within-15-af500617 = Komt er binnen 15 minuten niets aan, test dan opnieuw; gebeurt dit weer, stuur dan het transcript naar je mailprovider.
