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

## src/cli/help.rs

usage-740f2048 = Gebruik
arguments-a33c193f = Argumenten
options-353e0d45 = Opties
commands-971550f3 = Opdrachten
possible-values-bc143884 = Mogelijke waarden
default-933b5bde = standaard
possible-values-a2c8a064 = mogelijke waarden

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
the-what-is-too-long-1ec59e0a = Je { $what } is te lang voor je sleutelhanger ({ $keyring } neemt maximaal { $limit } bytes), dus kon het daar niet worden opgeslagen. Het wachtwoord wordt alleen voor deze sessie gebruikt; typ het elke keer.
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
if-it-arrives-the-settings-c80f0412 = Komt het aan, dan werken de instellingen, maar meldt je website bij zulke berichten "The operation has timed out.": verhoog `SmtpClient.Timeout` in je code (100 seconden als het niet is ingesteld), en zorg dat de site na die fout niet hetzelfde bericht opnieuw verstuurt.
if-it-arrives-the-settings-008b4f44 = Komt het aan, dan werken de instellingen en is de server traag met bevestigen: geef hem meer tijd (de time-out voor het eindantwoord in de geavanceerde instellingen, of `--final-reply-timeout` op de opdrachtregel).
the-test-waited-secs-seconds-296f27d9 = De test heeft { $secs } seconden op dat antwoord gewacht.

## src/diagnosis/outcome/oauth.rs

in-microsoft-365-an-app-6beb06e7 = In Microsoft 365 heeft een app die als zichzelf verstuurt dit allemaal nodig: de machtiging SMTP.SendAsApp (Office 365 Exchange Online) met toestemming van de beheerder; een service principal gemaakt met New-ServicePrincipal met de object-ID van de Enterprise application (niet die van de App registration); Add-MailboxPermission voor de mailbox in `userName`; en "Authenticated SMTP" aan voor die mailbox.
the-sign-in-token-has-c42ff023 = Het inlogtoken is verlopen
tokens-are-valid-for-a-9a3968e1 = Tokens zijn korte tijd geldig (ongeveer een uur). Dit token is { $ago } geleden verlopen, dus de server weigerde het.
get-a-new-token-sign-fdc646f1 = Haal een nieuw token op (log opnieuw in) en test meteen opnieuw.
the-sign-in-token-is-e9229ca6 = Het inlogtoken is voor een andere mailbox
the-token-was-issued-for-ccbe81df = Het token is uitgegeven voor { $named }, en de test logde in als { $user }. Een token logt alleen in op de mailbox waarvoor het is uitgegeven.
set-username-to-named-or-65123a60 = Zet `userName` op { $named }, of log in als { $user } om daarvoor een token te krijgen.
the-sign-in-token-lacks-60c3493a = Het inlogtoken mist de machtiging waar deze server om vraagt
the-server-wants-a-token-6d0ee0cb = De server wil een token met de scope (machtiging) { $scope }, en dit token heeft { $carried }.
ask-for-a-token-with-ca38a612 = Vraag een token aan met de scope { $scope }.
the-sign-in-token-does-b905d15c = Het inlogtoken staat het versturen van mail niet toe
a-token-carries-permissions-scopes-dfbd7ff8 = Een token bevat machtigingen (scopes), en dit token bevat { $carried }: geen daarvan is voor het versturen van mail (SMTP).
ask-for-a-token-with-24b71fd2 = Vraag een token aan met de scope voor het versturen van mail die je provider noemt (Microsoft 365: SMTP.Send of SMTP.SendAsApp; Google: https://mail.google.com/).
the-sign-in-token-is-87b9c735 = Het inlogtoken is voor een andere Microsoft-dienst
the-token-is-meant-for-a4189d8a = Het token is bedoeld voor { $audience }, en de mailserver accepteert alleen tokens die voor Exchange Online bedoeld zijn.
ask-for-the-token-with-0f671d1c = Vraag het token aan met de scope https://outlook.office365.com/.default (een app die als zichzelf verstuurt) of https://outlook.office.com/SMTP.Send (een ingelogde persoon).
exchange-online-lets-a-token-afaaf9f5 = Exchange Online laat een token alleen mail versturen met de toepassingsmachtiging { $needed }; dit token heeft { $carried }.
exchange-online-lets-a-token-7c44c998 = Exchange Online laat een token alleen mail versturen met de gedelegeerde machtiging { $needed }; dit token heeft { $carried }.
the-sign-in-token-lacks-ab2e2281 = Het inlogtoken mist de machtiging { $needed }
in-app-registrations-your-app-870afe88 = Voeg in App registrations → je app → API permissions de machtiging { $needed } (Office 365 Exchange Online) toe, geef toestemming als beheerder (grant admin consent) en haal dan een nieuw token op.
it-could-not-read-the-25ee4fd8 = hij kon de inlog niet lezen (vaak een gebruikersnaam die hij niet kent)
the-token-is-not-valid-5f515491 = het token is niet geldig (verlopen, ingetrokken of niet voor deze mailbox)
the-token-is-valid-but-6b61b7b0 = het token is geldig, maar staat niet toe om als deze mailbox mail te versturen
it-refused-the-token-cd0cabee = hij weigerde het token
the-server-s-answer-to-2fb6cd08 = Het antwoord van de server op { $mechanism } zegt: { $meaning }.
the-server-s-answer-to-0e1ef8b3 = Het antwoord van de server op { $mechanism } zegt: { $meaning }; hij accepteert tokens met de scope { $scope }.
none-ada7afdb = geen
no-sign-in-at-all-56e4c7e5 = helemaal geen inlog
it-offers-offers-38f8f4c2 = Hij biedt { $offers } aan.
the-app-s-client-secret-1fd311f1 = Het clientgeheim (client secret) van de app is verlopen
nobody-has-signed-in-yet-58075807 = Er is nog niemand ingelogd
this-test-signs-in-as-de14520f = Deze test logt in als persoon, dus iemand moet eerst op de mailbox inloggen via de eigen pagina van Microsoft of Google. De inlog wordt daarna bewaard in de sleutelhanger van je systeem en vanzelf vernieuwd.
press-sign-in-with-microsoft-e55c9917 = Klik op "Inloggen met Microsoft…" (of Google) onder Inlogmethode en log in als de mailbox in `userName`.
then-test-again-af243c30 = Test daarna opnieuw.
the-sign-in-was-cancelled-584b1ee1 = Het inloggen is geannuleerd
sign-in-again-then-test-10fc6816 = Log opnieuw in en test daarna opnieuw.
the-provider-s-sign-in-209b1a32 = De inlogdienst van de provider kon niet worden bereikt
check-this-computer-s-internet-bb36fda9 = Controleer de internetverbinding van deze computer (en een proxy of firewall die login.microsoftonline.com kan blokkeren).
the-sign-in-service-s-54e90ddb = Het adres van de inlogdienst kan niet worden gebruikt
use-https-login-microsoftonline-com-32a84d7d = Gebruik https://login.microsoftonline.com (de standaard) als inlogadres.

## src/diagnosis/outcome/replies.rs

the-server-then-refused-the-e6bcea69 = Daarna weigerde de server het bericht, dus je `userName` en `password` zijn nooit gebruikt: deze server of poort is waarschijnlijk niet degene die je provider ervoor bedoelde.
the-test-already-asked-for-7b417971 = De test vroeg al om STARTTLS, dus de server verwacht het misschien op een andere poort: vergelijk `port` met de instructies van je provider.
set-defaultcredentials-to-false-while-db024367 = Zet `defaultCredentials` op `false`: zolang het `true` is, negeert web.config `userName` en `password`.
your-settings-have-no-username-2861b339 = Je instellingen hebben geen `userName`, dus de test heeft niet ingelogd.
the-test-signed-in-as-68d41b91 = De test logde in als { $user }, dus deze server laat dat account niet naar adressen buiten de server versturen: vraag je provider welke server en poort je moet gebruiken.
the-server-refused-the-test-f84ee350 = De server weigerde de testontvanger { $recipient }
set-clientdomain-to-your-website-81ec9a9c = Zet `clientDomain` op de volledige domeinnaam van je website (bijvoorbeeld `www.example.com`): de server accepteerde de naam niet waarmee deze computer zich voorstelde.
the-sender-from-is-from-70f92321 = De afzender (`from`) is { $from }, terwijl de inlog (`userName`) { $user } is.

## src/diagnosis/outcome/tls.rs

change-host-to-only-fa99f7d2 = Verander `host` in `{ $only }`.
this-one-is-self-signed-d09ec21c = Dit certificaat is zelfondertekend: de server heeft het voor zichzelf gemaakt.
it-was-issued-by-issuer-24f9dd72 = Het is uitgegeven door { $issuer }.
it-was-valid-until-until-b3400985 = Het was geldig tot { $until }.
the-test-started-encryption-straight-7fde3066 = De test begon meteen met versleuteling ("SSL bij verbinden"), maar deze poort begroet eerst in gewone tekst en schakelt dan over met STARTTLS (de manier waarop een mailserver overschakelt naar een versleutelde verbinding). Die twee manieren gaan niet samen, dus de handshake (de uitwisseling die de versleuteling opzet) mislukte.
it-is-valid-for-list-77a4ad6e = Het is geldig voor { $list } en nog { $more } andere, niet voor { $expected }.
it-is-valid-for-list-531e9add = Het is geldig voor { $list }, niet voor { $expected }.
the-encryption-library-reported-detail-7486ce05 = De versleutelingsbibliotheek meldde: “{ $detail }”.
the-server-seems-to-know-4d80fb0b = De server lijkt alleen oude versleutelingsversies te kennen (TLS 1.0 of 1.1): vraag je mailprovider om TLS 1.2 of nieuwer aan te zetten.
the-extra-certificate-file-could-8265c21b = Het extra certificaatbestand kon niet worden gebruikt
the-file-path-given-as-edbfbdc2 = Het bestand { $path }, opgegeven als "Extra CA-bestand" (`--ca-file`: instanties die je organisatie vertrouwt naast de openbare), kon niet worden gebruikt: { $detail }. De test stopte voordat er een server werd vertrouwd.
check-that-the-file-exists-11178386 = Controleer of het bestand op die plek bestaat en of dit programma het mag lezen.
check-that-it-is-a-39e254e8 = Controleer of het een certificaatbestand is: een PEM-tekstbestand dat begint met `-----BEGIN CERTIFICATE-----`, of een .cer-bestand dat door Windows is geëxporteerd (beide formaten).
if-the-server-has-a-1a4c8da8 = Heeft de server een certificaat van een openbare instantie, maak dan "Extra CA-bestand" onder Geavanceerd leeg.

## src/diagnosis/pasted.rs

run-the-test-here-with-40bc1a7b = Voer de test hier uit met dezelfde instellingen om te zien of ze werken.

## src/diagnosis/site.rs

asp-net-2-0-3-6ca9cbac = ASP.NET 2.0–3.5 heeft geen `enableSsl` in web.config (als je het toevoegt, werkt de hele mailsectie niet meer), dus zet SSL aan in je code, vlak voor het versturen: `smtpClient.EnableSsl = true;`. Voor het PasswordRecovery-control handel je de gebeurtenis `SendingMail` af: verstuur `e.Message` zelf met een `SmtpClient` waarvan `EnableSsl` `true` is, en zet dan `e.Cancel = true;`. Of zet de site over naar .NET Framework 4.x, waar `enableSsl="true"` in web.config genoeg is.
in-code-smtpclient-enablessl-true-4add87ec = In code zet `smtpClient.EnableSsl = true;` dat aan (web.config kan dat niet, op ASP.NET 2.0–3.5).

## src/diagnosis/texts/auth.rs

the-server-wants-a-sign-fa8fde33 = De server wil dat je inlogt voordat hij iets verstuurt
this-server-sends-mail-only-549fd96c = Deze server verstuurt alleen mail voor ingelogde gebruikers, en het bericht werd aangeboden voordat er een inlog was geaccepteerd. In web.config komt de inlog uit `userName` en `password`.
fill-in-username-usually-your-8bad094b = Vul `userName` (meestal je volledige e-mailadres) en `password` in.
make-sure-defaultcredentials-is-false-e9f68330 = Zorg dat `defaultCredentials` op `false` staat: als het `true` is, worden de gebruikersnaam en het wachtwoord genegeerd.
the-server-wants-a-sign-0b50a939 = De server wil dat je inlogt, en weigerde waarschijnlijk je inlog
when-the-server-refuses-the-16d9b604 = Als de server de gebruikersnaam of het wachtwoord weigert, zegt ASP.NET dat niet: het verstuurt dan zonder in te loggen, en de server antwoordt daarop met dit. Heeft je web.config dus een `userName` en `password`, dan heeft de server die waarschijnlijk geweigerd. Heeft hij die niet, dan wil de server ze hebben voordat hij verstuurt.
check-username-usually-your-full-95088744 = Controleer `userName` (meestal je volledige e-mailadres) en typ het wachtwoord opnieuw in `password` (bij kopiëren kan er een spatie aan het eind bij komen).
if-your-provider-wants-an-24fb5942 = Wil je provider een app-wachtwoord, of heeft hij inloggen met een wachtwoord uitgezet (Microsoft 365, Gmail), volg dan zijn instructies voor programma's.
if-web-config-has-no-9e232823 = Heeft web.config geen `userName`, vul dan `userName` en `password` in.
run-the-test-here-with-a02cdff6 = Voer de test hier uit met dezelfde instellingen: dan zie je of de server de inlog weigert.
the-server-does-not-offer-5c1f342d = De server biedt op deze verbinding geen inloggen aan
your-settings-include-a-user-8f3e5b78 = Je instellingen bevatten een gebruikersnaam, maar de server bood hier geen AUTH aan (de inlogopdracht van mailservers). Meestal is de poort bedoeld voor mail tussen servers (vaak poort 25), of laat de server bekende adressen versturen zonder in te loggen.
change-port-to-587-and-0f7e3abd = Verander `port` in `587` en zet `enableSsl` op `true`: die poort is bedoeld om in te loggen en te versturen.
if-your-hosting-company-says-5da38eee = Zegt je hostingbedrijf dat je website via zijn server zonder wachtwoord kan versturen, maak dan `userName` en `password` leeg.
the-server-allows-sign-in-ec452ac5 = De server staat inloggen alleen toe via een versleutelde verbinding
the-password-would-have-crossed-a9916df8 = Het wachtwoord zou onversleuteld over het netwerk zijn gegaan, dus de server weigerde of verborg het inloggen. STARTTLS (de manier waarop een mailserver overschakelt naar een versleutelde verbinding) beschermt het, en `enableSsl="true"` zet dat aan in web.config.
set-enablessl-to-true-52e5ecbd = Zet `enableSsl` op `true`.
keep-port-at-587-or-42fe3de8 = Laat `port` op `587` staan (of `25` als je provider die gebruikt); ASP.NET kan `465` niet gebruiken.
your-password-would-cross-the-9c776cba = Je wachtwoord zou onversleuteld over het netwerk gaan
the-server-offers-sign-in-52300fa5 = De server biedt op deze verbinding inloggen zonder versleuteling aan, dus het wachtwoord zou onderweg voor iedereen leesbaar zijn (het netwerk van het hostingbedrijf, een openbare wifi). De test stopte voordat het werd verstuurd. Met deze instellingen verstuurt je website het precies zo.
set-enablessl-to-true-the-649dce61 = Zet `enableSsl` op `true`: het wachtwoord wordt dan pas verstuurd als de verbinding versleuteld is.
if-you-accept-the-risk-4bb04ca9 = Accepteer je het risico voor deze ene test (een server op je eigen privénetwerk), test dan opnieuw en sta het onversleutelde wachtwoord toe (`--allow-plaintext-password` op de opdrachtregel, "Deze keer onversleuteld versturen" in het venster).
the-server-s-sign-in-5fcef96a = De inlogmethoden van de server zijn methoden die ASP.NET niet kan gebruiken
mail-servers-offer-several-sign-b861780a = Mailservers bieden verschillende inlogmethoden aan. De mailverzender van ASP.NET kent alleen LOGIN, NTLM, Digest en Negotiate, en deze server bood daar geen van aan. Dezelfde instellingen kunnen dus in andere programma's werken, maar vanuit je website mislukken.
ask-your-mail-provider-whether-e86c3606 = Vraag je mailprovider of inloggen met LOGIN aangezet kan worden voor je mailbox.
or-send-through-a-provider-c9c7d534 = Of verstuur via een provider die LOGIN aanbiedt (de meeste doen dat) en verander `host` in zijn server.
or-ask-your-developer-to-88c53180 = Of vraag je ontwikkelaar om met MailKit te versturen, een mailbibliotheek die meer inlogmethoden kent.
the-server-refused-the-user-a184eaf4 = De server weigerde de gebruikersnaam of het wachtwoord
the-server-checked-the-sign-cda301dc = De server controleerde de inlog en zei nee. Meestal is het wachtwoord niet het huidige, of staat de gebruikersnaam niet in de vorm die de provider verwacht; sommige providers weigeren ook het gewone wachtwoord en willen een app-wachtwoord (een apart wachtwoord speciaal voor programma's).
check-that-username-is-exactly-a186e001 = Controleer of `userName` precies is wat je provider verwacht, meestal je volledige e-mailadres.
type-the-password-into-password-c85831af = Typ het wachtwoord opnieuw in `password` (bij kopiëren kan er een spatie aan het eind bij komen).
if-your-account-uses-two-fe47a30d = Gebruikt je account inloggen in twee stappen, maak dan een app-wachtwoord aan in de beveiligingsinstellingen van het account en gebruik dat als `password`.
sign-in-to-your-webmail-2244b6cf = Log met dezelfde gebruikersnaam en hetzelfde wachtwoord in op je webmail om te controleren of ze werken.
your-provider-wants-an-app-8e45b86f = Je provider wil een app-wachtwoord in plaats van je gewone wachtwoord
an-app-password-is-a-bb603ced = Een app-wachtwoord is een apart wachtwoord dat je mailprovider speciaal maakt voor programma's zoals je website. Accounts met inloggen in twee stappen (een code op je telefoon) weigeren hier het gewone wachtwoord; een app-wachtwoord dat je al gebruikt, is misschien verkeerd getypt of ingetrokken.
turn-on-two-step-sign-51eac7b8 = Zet inloggen in twee stappen aan in de beveiligingsinstellingen van je mailaccount als dat nog niet aan staat: app-wachtwoorden hebben dat nodig.
create-an-app-password-there-bd7031e7 = Maak daar een app-wachtwoord aan en plak het zonder spaties in `password`.
keep-username-as-your-full-c562226b = Laat `userName` op je volledige e-mailadres staan en test opnieuw.
your-provider-paused-the-sign-bc3768e5 = Je provider heeft het inloggen tegengehouden tot je het in een webbrowser bevestigt
the-provider-saw-a-sign-1538b2d6 = De provider zag een inlog vanaf een plek die hij niet kent (de computer waarop je website draait) en hield die tegen tot je bevestigt dat jij het was.
sign-in-to-your-webmail-dc909f89 = Log in een browser in op je webmail en keur elke beveiligingsmelding over een geblokkeerde inlog goed.
use-an-app-password-a-b70684d9 = Gebruik een app-wachtwoord (een apart wachtwoord voor programma's, aangemaakt in de beveiligingsinstellingen van je account) als `password`.
test-again-within-a-few-9bb0093a = Test binnen een paar minuten opnieuw.
sign-in-for-mail-programs-5421083f = Inloggen voor mailprogramma's staat uit voor dit account
microsoft-365-lets-administrators-switch-ec288b4e = In Microsoft 365 kunnen beheerders "Authenticated SMTP" (de manier waarop programma's inloggen om mail te versturen) uitzetten. Het staat uit voor deze mailbox of voor de hele organisatie, dus zelfs het juiste wachtwoord wordt geweigerd, en een OAuth-token ook.
if-it-is-off-for-491d3325 = Staat het uit voor de hele organisatie, dan kan de beheerder het daar ook toestaan (de Exchange-instelling SmtpClientAuthenticationDisabled op False).
wait-up-to-an-hour-89ecd3c1 = Wacht na de wijziging maximaal een uur en test dan opnieuw.
your-provider-no-longer-accepts-262db022 = Je provider accepteert geen wachtwoord meer vanuit mailprogramma's
the-provider-has-switched-off-5bf866d0 = De provider heeft basisverificatie uitgezet (inloggen met alleen een gebruikersnaam en wachtwoord) en wil in plaats daarvan OAuth (inloggen via de eigen pagina van de provider). De mailverzender van ASP.NET kan geen OAuth, en een app-wachtwoord helpt hier niet.
ask-your-administrator-whether-password-8e9b1d9b = Vraag je beheerder of inloggen met een wachtwoord voor deze mailbox toegestaan kan worden (in Microsoft 365 kunnen de security defaults of een Conditional Access-beleid het blokkeren).
or-send-your-website-s-543cef06 = Of verstuur de mail van je website via een dienst die wachtwoorden accepteert, zoals de mailserver van je hostingbedrijf of een verzenddienst, en verander `host`, `userName` en `password` in de waarden daarvan.
or-ask-your-developer-to-129f53f6 = Of vraag je ontwikkelaar om met MailKit te versturen, dat OAuth ondersteunt, en test hier eerst het inloggen met OAuth (Inlogmethode: Microsoft 365 (OAuth), of `mailtester send --oauth microsoft`).
the-server-could-not-check-7d165cdf = De server kon het wachtwoord op dit moment niet controleren
the-server-s-sign-in-4e8378b1 = Het inlogsysteem van de server had een tijdelijk probleem, dus hij kon geen ja of nee zeggen. Het probleem ligt bij de provider, en je instellingen kunnen best goed zijn.
if-it-lasts-more-than-bcb37e76 = Duurt het langer dan een uur, meld het dan aan je mailprovider en stuur het antwoord van de server mee.
meanwhile-keep-username-and-password-16dfed9a = Laat `userName` en `password` intussen zoals ze zijn.

## src/diagnosis/texts/connection.rs

the-mail-server-s-name-0d9f47b0 = De naam van de mailserver is niet gevonden
this-computer-asked-dns-the-9b8be64c = Deze computer vroeg de DNS (het adresboek van internet) naar de naam in `host` en kreeg geen adres terug, dus hij weet niet waar de mail heen moet. Meestal zit er een typfout in de naam, of is deze computer nu niet met internet verbonden.
check-host-letter-by-letter-a1a74d49 = Vergelijk `host` letter voor letter met de instructies van je mailprovider (het ziet eruit als `smtp.example.com`).
check-that-this-computer-can-ae3fe307 = Controleer of deze computer websites kan openen; lukt dat niet, herstel dan de internetverbinding en test opnieuw.
if-the-name-is-right-18a00d53 = Klopt de naam en werkt internet, vraag je mailprovider dan of de servernaam is veranderd.
the-server-turned-the-connection-280a4654 = De server weigerde de verbinding op deze poort
this-computer-reached-the-server-ba7fb590 = Deze computer bereikte de server, maar daar neemt niets mail aan op deze poort (de genummerde deur waarop een programma luistert), of een firewall (een filter dat verbindingen blokkeert) weigerde de verbinding. Meestal is de poort niet die van je provider, of verwijst `host` naar een andere server.
check-port-against-your-provider-f98b1afd = Vergelijk `port` met de instructies van je provider: `587` is de gebruikelijke poort voor websites.
check-that-host-is-the-a4ce6940 = Controleer of `host` de naam van de mailserver is, niet de naam van je website.
if-both-are-right-ask-112c3209 = Kloppen ze allebei, vraag je hostingbedrijf dan of een firewall uitgaande mail van je site blokkeert.
the-server-did-not-answer-45d585cd = De server reageerde niet op de verbindingspoging
nothing-answered-on-this-port-aeae7d79 = Niets op deze poort gaf antwoord voordat de tijdslimiet verstreek. Vaak laat een firewall (een filter dat verbindingen blokkeert) bij het hostingbedrijf of de internetprovider uitgaande mailverbindingen stilletjes vallen, vooral op poort 25; anders ligt de server misschien plat of verwijst `host` naar de verkeerde plek.
change-port-to-587-and-a8475885 = Verander `port` in `587` en zet `enableSsl` op `true`: de gebruikelijke combinatie voor websites.
if-that-does-not-help-59fbce00 = Helpt dat niet, vraag je hostingbedrijf dan of uitgaande verbindingen naar mailservers geblokkeerd worden, en op welke poorten.
check-that-host-is-correct-05aa5d08 = Controleer of `host` klopt en of de server werkt (zie de statuspagina van je provider).
the-server-accepted-the-connection-e31e44f1 = De server nam de verbinding aan, maar zei nooit hallo
a-mail-server-normally-greets-3b957db6 = Een mailserver begroet een nieuwe verbinding normaal gesproken meteen. Blijft hij stil, dan verwacht de poort meestal versleuteling vanaf de allereerste byte ("SSL bij verbinden", gebruikelijk voor poort 465), en dat kan de mailverzender van ASP.NET niet; minder vaak is de server overbelast.
change-port-to-587-and-298d9c8c = Verander `port` in `587` en zet `enableSsl` op `true`.
if-your-provider-offers-only-8846bc0f = Biedt je provider alleen poort 465, vraag dan of er een poort met STARTTLS is (de manier waarop een mailserver overschakelt naar een versleutelde verbinding), of verstuur via een andere provider.
if-port-is-already-587-ab4adb1c = Staat `port` al op `587`, wacht dan een paar minuten en test opnieuw: de server is misschien druk.
something-other-than-a-mail-ecd3aa22 = Op deze poort antwoordde iets anders dan een mailserver
the-answer-did-not-look-bf4a9935 = Het antwoord leek niet op SMTP (de taal die mailservers spreken). De poort hoort misschien bij een website of een andere dienst, of `host` verwijst naar een andere machine.
check-port-websites-send-mail-6058ee5d = Controleer `port`: websites versturen mail via poort `587` (soms `25`); poorten zoals `80` en `443` zijn voor websites, `110`, `143`, `993` en `995` voor het lezen van mail.
check-host-against-your-provider-1e806a83 = Vergelijk `host` met de instructies van je provider.
if-both-look-right-a-336a3e56 = Lijken ze allebei te kloppen, dan zit misschien een beveiligingsprogramma of proxy op dit netwerk in de weg: vraag het aan de beheerder van het netwerk.
the-mail-server-is-not-c6852973 = De mailserver neemt deze verbinding nu niet aan
the-server-answered-but-refused-f4bdb56e = De server antwoordde, maar weigerde deze verbinding te bedienen. Meestal heeft de server een tijdelijk probleem (onderhoud of overbelasting), of weigert hij het internetadres van deze computer, bijvoorbeeld omdat het adres op een blokkeerlijst staat (een lijst met adressen die bekend zijn van spam).
if-it-keeps-happening-send-e9edadf6 = Blijft het gebeuren, stuur dan het antwoord van de server (onder "Wat de server zei") naar je mailprovider en vraag waarom hij de verbinding weigert.
check-host-and-port-a-5e76dfe7 = Controleer `host` en `port`: een server die bedoeld is om mail te ontvangen, weigert misschien om mail te versturen.
the-server-closed-the-connection-30180e72 = De server verbrak de verbinding midden in het gesprek
the-connection-ended-before-the-a43f6fed = De verbinding werd verbroken voordat de server klaar was met antwoorden. Servers doen dat als iets aan de verbinding ze niet bevalt (te veel pogingen, een geblokkeerd adres, een andere versleutelingsinstelling dan ze verwachten), en netwerken verbreken soms ook verbindingen.
check-that-port-and-enablessl-b2b965b7 = Controleer of `port` en `enableSsl` overeenkomen met de instructies van je provider (meestal `587` met `enableSsl` op `true`).
if-it-keeps-happening-send-a1e930a1 = Blijft het gebeuren, stuur dan het transcript naar je mailprovider: de stap waarop het stopte, vertelt hen waar ze moeten zoeken.
the-server-stopped-answering-aaccd57c = De server gaf geen antwoord meer
the-server-accepted-the-connection-a1f81952 = De server nam de verbinding aan, maar antwoordde niet op tijd. Misschien is hij overbelast, of houdt een firewall (een filter dat verbindingen blokkeert) de verbinding open zonder iets door te laten.
if-your-web-config-uses-60f26cb6 = Gebruikt je web.config poort 465: ASP.NET kan die niet gebruiken en wacht op deze manier. Verander `port` in `587` en zet `enableSsl` op `true`.
if-it-always-stops-at-8cf935d8 = Stopt het altijd bij dezelfde stap, stuur dan het transcript naar je mailprovider.
the-test-was-stopped-before-0d4af77e = De test werd gestopt voordat hij klaar was
the-test-was-cancelled-so-7a4af564 = De test is geannuleerd, dus de stappen die niet zijn uitgevoerd hebben geen resultaat. Dit zegt niets over of je instellingen werken.
press-send-test-email-to-82d3e493 = Klik op "Testmail versturen" om de test opnieuw uit te voeren.
your-website-could-not-connect-2abab1d3 = Je website kon geen verbinding maken met de mailserver
the-program-gives-this-one-4964373a = Het programma geeft deze ene melding bij verschillende oorzaken: een firewall (een filter dat verbindingen blokkeert) bij het hostingbedrijf blokkeert de poort, er luistert niets op die poort, of de versleutelingsinstelling past niet bij de poort. Poort 25 wordt het vaakst geblokkeerd.
change-port-to-587-and-05b8a3c8 = Verander `port` in `587` en zet `enableSsl` op `true` (in PHPMailer: `Port = 587` en `SMTPSecure = 'tls'`).
check-that-host-is-exactly-b9f2e985 = Controleer of `host` precies de servernaam is die je provider opgeeft.
ask-your-hosting-company-whether-3e97a686 = Vraag je hostingbedrijf of uitgaande mailverbindingen zijn toegestaan, en op welke poorten.
no-mail-server-is-set-2344fbac = Er is geen mailserver ingesteld
asp-net-found-no-host-5acadb75 = ASP.NET vond geen `host` in de sectie `<mailSettings>` van web.config (of in de code van de website), dus het weet niet via welke server het moet versturen.
add-host-to-the-network-473361fe = Voeg `host` toe aan het `<network>`-element in web.config, bijvoorbeeld `host="smtp.example.com"`.
check-that-mailsettings-sits-inside-b1a5f996 = Controleer of `<mailSettings>` binnen `<system.net>` staat in de web.config van de site die de mail verstuurt.
asp-net-waited-on-port-363e8bfc = ASP.NET wachtte op poort 465 op een begroeting die nooit komt
port-465-expects-encryption-from-540d0aa0 = Poort 465 verwacht versleuteling vanaf de allereerste byte ("SSL bij verbinden"), en dat kan de mailverzender van ASP.NET niet: hij wacht tot de server hallo zegt, tot hij het opgeeft met "The operation has timed out".
your-website-gave-up-waiting-1b764594 = Je website heeft het wachten op de mailserver opgegeven
the-operation-has-timed-out-366dd6df = "The operation has timed out." zonder meer is hoe de mailverzender van ASP.NET zegt dat de server niet binnen de tijdslimiet klaar was met antwoorden (100 seconden, tenzij `timeout` is ingesteld). Meestal heeft de server helemaal nooit hallo gezegd: de poort verwacht versleuteling vanaf de allereerste byte ("SSL bij verbinden", poort 465), en dat kan de mailverzender van ASP.NET niet.
if-port-is-465-change-c94da191 = Staat `port` op `465`, verander het dan in `587` en zet `enableSsl` op `true`.
otherwise-run-this-tester-with-10f4acc3 = Voer anders deze tester uit met dezelfde instellingen: die laat de stap zien waarop de server stopt met antwoorden.
the-program-that-sends-your-81bb5371 = Het programma dat je mail verstuurt, heeft het versturen zelf geannuleerd
the-operation-was-canceled-means-e40cc474 = "The operation was canceled" betekent dat het versturen is gestopt door de eigen code van het programma, niet geweigerd door de mailserver: .NET-mailbibliotheken zoals MailKit zeggen dit als de aanroeper annuleert, bijvoorbeeld als het webverzoek dat de mail verstuurt eerder eindigt of de eigen tijdslimiet van de applicatie verstrijkt. Het zegt nog niets over of de mailinstellingen werken.
test-the-same-settings-with-74a36907 = Test dezelfde instellingen met deze tester: die laat zien of de server ze accepteert.
if-the-test-works-ask-3b9483ea = Werkt de test, vraag je ontwikkelaar dan of de website het versturen te vroeg annuleert (een korte tijdslimiet, of een verzoek dat eindigt voordat de mail is verstuurd).
this-is-the-server-for-cde919ef = Dit is de server om mail te lezen, niet die om mail te versturen
the-port-answered-like-an-bc793875 = De poort antwoordde als een IMAP- of POP3-server: de server die een mailprogramma gebruikt om de mailbox te lezen. Een website verstuurt via de SMTP-server, die een eigen poort heeft en vaak een eigen naam (`smtp.` in plaats van `imap.`, `pop.` of `mail.`).
change-port-to-587-and-9103f925 = Verander `port` in `587` en zet `enableSsl` op `true`: de gebruikelijke poort om te versturen.
if-it-still-fails-look-47a17eb2 = Mislukt het nog steeds, zoek dan de "uitgaande server (SMTP)" op in de instructies van je provider en zet die naam in `host`.
the-server-accepted-the-connection-ee71a7a7 = De server nam de verbinding aan, maar antwoordde nooit
a-mail-server-greets-a-a2e73efe = Een mailserver begroet een nieuwe verbinding meteen. Deze bleef stil, ook toen de test versleuteld begon, dus hij wacht niet op SSL bij verbinden: de server is misschien overbelast, of een firewall of filter onderweg houdt verbindingen open zonder iets door te laten.
check-host-and-port-against-b14f8d04 = Vergelijk `host` en `port` met de instructies van je provider voor het versturen van mail (meestal poort `587`).
if-it-stays-silent-ask-069de325 = Blijft hij stil, vraag je hostingbedrijf dan of het uitgaande mailverbindingen filtert (veel bedrijven houden poort `25` open zonder iets door te laten).

## src/diagnosis/texts/oauth.rs

the-mail-server-refused-the-c36aa8ff = De mailserver weigerde het inlogtoken
oauth-means-signing-in-with-bde56524 = OAuth betekent inloggen met een token van Microsoft of Google in plaats van een wachtwoord. De server weigerde dit token: het kan verlopen zijn, bedoeld voor een andere dienst of een andere mailbox, of de app erachter mag nog geen mail versturen.
get-a-new-token-and-beea9d01 = Haal een nieuw token op en test opnieuw (tokens zijn ongeveer een uur geldig).
check-that-username-is-the-b1f08c04 = Controleer of `userName` de mailbox is waarvoor het token is uitgegeven.
check-the-app-s-permission-e05ab3e6 = Controleer de machtiging van de app om mail te versturen (Microsoft 365: SMTP.SendAsApp met toestemming van de beheerder, de service principal en de mailboxmachtiging; Google: de scope https://mail.google.com/).
this-server-does-not-offer-a3b68dfd = Deze server biedt geen inloggen met een token aan
the-server-offers-no-oauth-3a29dae0 = De server biedt op deze verbinding geen inloggen met OAuth aan (XOAUTH2 of OAUTHBEARER), dus het token is niet verstuurd. Maar een paar providers accepteren tokens, vooral Microsoft 365 en Google.
check-host-and-port-microsoft-ab58eb61 = Controleer `host` en `port`: Microsoft 365 is smtp.office365.com poort 587, Google smtp.gmail.com poort 587, allebei met `enableSsl` aan.
if-this-provider-takes-passwords-25d1840e = Accepteert deze provider wachtwoorden, kies dan Wachtwoord als inlogmethode en vul `userName` en `password` in.
the-token-was-not-sent-ff28ae63 = Het token is niet verstuurd, omdat de verbinding niet versleuteld is
anyone-on-the-way-could-026cb93d = Iedereen onderweg zou een token dat over een onversleutelde verbinding gaat kunnen kopiëren en tot het verloopt mail als jou kunnen versturen, dus deze test verstuurt er nooit een op die manier.
turn-enablessl-on-starttls-and-ce9fc4ee = Zet `enableSsl` aan (STARTTLS), gebruik poort 587 en test opnieuw.
if-the-server-offers-no-4bbe69ad = Biedt de server op geen enkele poort versleuteling, dan kan hij inloggen met OAuth niet veilig aannemen: vraag je provider naar de versleutelde poort.
microsoft-did-not-accept-the-3a160626 = Microsoft accepteerde het clientgeheim van de app niet
before-any-mail-is-sent-633411c0 = Voordat er mail wordt verstuurd, logt de app bij Microsoft in met zijn client-ID en clientgeheim (het wachtwoord van de app) om een token te krijgen. Microsoft weigerde het geheim: het is verkeerd getypt of verlopen, of de ID van het geheim is gekopieerd in plaats van de waarde.
in-the-microsoft-entra-admin-c9835d8e = Open in het Microsoft Entra-beheercentrum App registrations → je app → Certificates & secrets en maak een nieuw clientgeheim (client secret).
copy-its-value-shown-only-697d91d8 = Kopieer de Value (wordt maar één keer getoond), niet de Secret ID, en test er opnieuw mee.
microsoft-does-not-know-this-75d6c55c = Microsoft kent deze app niet in deze organisatie
no-app-with-this-client-6d868a30 = Er is geen app met deze client-ID geregistreerd in de organisatie (tenant) die de test vroeg. Of de client-ID is verkeerd getypt, of de app hoort bij een andere organisatie.
copy-the-application-client-id-674ef97a = Kopieer de Application (client) ID opnieuw uit App registrations → je app → Overview.
check-that-the-directory-tenant-64a4d76d = Controleer of de Directory (tenant) ID op dezelfde pagina de ID is die de test gebruikt.
microsoft-does-not-know-this-3b3cd9cd = Microsoft kent deze organisatie (tenant) niet
the-tenant-identifies-your-organisation-0a1f62ed = De tenant geeft je organisatie aan bij Microsoft: de Directory (tenant) ID of een domein ervan. Microsoft vond geen organisatie met die naam.
copy-the-directory-tenant-id-3f371c4a = Kopieer de Directory (tenant) ID uit App registrations → je app → Overview, of gebruik het domein van je organisatie (jouwbedrijf.onmicrosoft.com).
the-app-may-not-send-9ca8eb09 = De app mag nog geen mail versturen: een beheerder moet hem goedkeuren
the-app-asked-for-permission-565125cd = De app vroeg toestemming om mail te versturen, en niemand met beheerdersrechten heeft die machtiging in je organisatie al goedgekeurd (consent gegeven).
in-app-registrations-your-app-d480bf7d = Voeg in App registrations → je app → API permissions het volgende toe: Office 365 Exchange Online → Application permissions → SMTP.SendAsApp.
click-grant-admin-consent-a-0096d685 = Klik op "Grant admin consent" (dat kan een Global of Privileged Role Administrator) en test opnieuw.
getting-a-sign-in-token-346be9e3 = Het ophalen van een inlogtoken bij de provider is mislukt
before-any-mail-is-sent-5a4041b2 = Voordat er mail wordt verstuurd, vraagt de test de inlogdienst van de provider om een token. Dat verzoek mislukte, dus er is helemaal geen contact gemaakt met de mailserver.
read-the-provider-s-message-c4926a58 = Lees de melding van de provider hieronder; daarin staat wat hij niet accepteerde.
check-the-tenant-client-id-423e50ed = Controleer de tenant, client-ID en het clientgeheim en test opnieuw.

## src/diagnosis/texts/sending.rs

the-server-will-not-pass-322f9063 = De server stuurt je mail niet door naar andere adressen
relaying-passing-mail-on-to-e7749b8a = Relaying (mail doorsturen naar adressen buiten de eigen domeinen van de server) is alleen toegestaan voor ingelogde gebruikers of bekende afzenders, en deze verbinding telde niet als zodanig. Meestal is er niet ingelogd, of is de poort bedoeld om mail te ontvangen in plaats van te versturen.
fill-in-username-usually-your-960bb2d1 = Vul `userName` (meestal je volledige e-mailadres) en `password` in, en zet `defaultCredentials` op `false`.
use-port-587-with-enablessl-87cafacb = Gebruik `port` `587` met `enableSsl` op `true`.
if-your-hosting-company-lets-00fadcde = Laat je hostingbedrijf websites versturen zonder wachtwoord, vraag dan of ze het adres van de server waarop je website draait willen toestaan.
the-server-will-not-send-6bfece32 = De server wil geen mail versturen vanaf dit afzenderadres
the-sender-address-from-must-34e8cbf7 = Het afzenderadres (`from`) moet een adres zijn waarmee het account mag versturen: meestal de mailbox waarmee je inlogt, of een adres dat je provider heeft geverifieerd. Dit adres staat niet op die lijst.
set-from-to-the-same-14aaa3c1 = Zet `from` op hetzelfde adres als `userName`.
or-ask-your-provider-or-5ba176df = Of vraag je provider of beheerder om dit afzenderadres toe te staan, bijvoorbeeld door het te verifiëren of door "Send As"-machtiging (Verzenden als) te geven.
the-server-refused-the-address-99174203 = De server weigerde het adres waar de test naartoe ging
your-settings-got-through-but-8c28461a = Je instellingen kwamen erdoor, maar de testontvanger werd geweigerd: het adres bestaat misschien niet, of de mailbox kan nu geen mail aannemen. Dit gaat over het testadres, niet over je web.config.
check-the-send-the-test-55d34997 = Controleer het adres bij "Test versturen naar" op typfouten.
send-the-test-to-another-bc94762a = Stuur de test naar een ander adres van jezelf, bijvoorbeeld het adres in `from`.
the-server-refused-the-message-01dd6462 = De server weigerde het bericht zelf
the-connection-and-sign-in-10c93ba1 = De verbinding en het inloggen werkten, maar het bericht werd geweigerd: het was bijvoorbeeld te groot, leek op spam, of het domein van de afzender kwam niet door de SPF- of DKIM-controle (DNS-records die bewijzen dat een server mail voor je domein mag versturen).
read-the-server-s-reply-830e27f9 = Lees het antwoord van de server hieronder: meestal staat de reden erin.
if-it-mentions-spf-dkim-4056d896 = Gaat het over SPF, DKIM of DMARC, vraag dan degene die de DNS van je domein beheert om de records toe te voegen die je mailprovider noemt.
to-see-whether-the-domain-caf4671e = Om te zien of het domein de oorzaak is, zet je `from` op een adres van het eigen domein van je mailprovider en test je opnieuw.
this-mail-account-is-blocked-d848b535 = Dit mailaccount is geblokkeerd voor versturen
the-provider-has-stopped-this-11d4a609 = De provider heeft dit account het versturen verboden, vaak nadat hij ongewone activiteit zag, zoals spam die met een gestolen wachtwoord is verstuurd. Alleen de provider of je beheerder kan de blokkade opheffen.
sign-in-to-your-webmail-e8982548 = Log in op je webmail en zoek naar een bericht over een geblokkeerd of beperkt account.
change-the-account-s-password-ac418634 = Verander het wachtwoord van het account (iemand anders kent het misschien) en zet het nieuwe in `password`.
ask-your-provider-or-administrator-2b83a423 = Vraag je provider of beheerder om de verzendblokkade op te heffen (in Microsoft 365: Defender → Restricted entities (Beperkte entiteiten)).
the-server-asks-to-slow-8249af09 = De server vraagt om het rustiger aan te doen en het later opnieuw te proberen
providers-limit-how-much-mail-f9900a0a = Providers beperken hoeveel mail een account of een internetadres in een bepaalde tijd mag versturen. Die limiet is bereikt, of de server is een tijdje voorzichtig met deze verbinding; dat gaat vanzelf over.
wait-15-to-60-minutes-07d89075 = Wacht 15 tot 60 minuten en test opnieuw.
if-your-website-sends-a-32eaf05a = Verstuurt je website veel mail, controleer dan de verzendlimieten van je provider of gebruik een verzenddienst die gemaakt is voor grote aantallen.
set-clientdomain-to-your-website-fae63d04 = Zet `clientDomain` op de volledige domeinnaam van je website (bijvoorbeeld `www.example.com`): sommige servers wantrouwen computers die zich voorstellen als `localhost`.
the-server-asked-to-send-503e5275 = De server vroeg om over een paar minuten opnieuw te versturen (greylisting)
some-servers-turn-away-the-f3e0dc99 = Sommige servers weigeren met opzet het eerste bericht van een afzender die ze nog niet kennen, en accepteren het als het een paar minuten later opnieuw komt: dat heet greylisting, en er is niets mis met je instellingen of het adres. ASP.NET verstuurt echter niet vanzelf opnieuw: een bericht dat zo wordt geweigerd, gaat verloren, tenzij je website het opnieuw probeert.
test-again-in-5-to-3f46aedd = Test over 5 tot 15 minuten opnieuw: dan zou het geaccepteerd moeten worden.
for-mail-that-matters-orders-40efb6b9 = Verstuur belangrijke mail (bestellingen, wachtwoordherstel) via de server van je provider met inloggen (poort `587`): mail van ingelogde afzenders krijgt geen greylisting.
or-make-the-website-try-b16fc931 = Of laat de website het opnieuw proberen als versturen mislukt (een wachtrij, of een nieuwe poging na een paar minuten).
your-account-has-used-up-20d9b0fd = Je account heeft zijn verzendtegoed opgebruikt
the-provider-limits-how-much-f1851918 = De provider beperkt hoeveel mail een account per dag of maand mag versturen (of verkoopt het als tegoed), en dit account heeft de limiet bereikt. Een paar minuten wachten helpt niet: de limiet wordt na maximaal een dag hersteld, aan het begin van de volgende periode, of als het abonnement wordt verhoogd.
wait-until-the-limit-resets-6a52ebd9 = Wacht tot de limiet is hersteld (meestal 24 uur; bij een maandabonnement de volgende maand) en test opnieuw.
check-that-your-website-is-39b0b049 = Controleer of je website niet veel meer verstuurt dan zou moeten: een contactformulier dat door spammers wordt gebruikt, kan elk tegoed opmaken.
if-your-website-really-needs-083b7d6f = Heeft je website echt meer nodig, vraag de provider dan om een hogere limiet, of verstuur via een dienst die voor websites is gemaakt (SendGrid, Mailgun, Amazon SES, Brevo).
the-server-had-a-temporary-10581399 = De server had een tijdelijk probleem
the-server-answered-with-a-0008d626 = De server antwoordde met een code voor "probeer het later opnieuw" (een code die met 4 begint), wat betekent dat het probleem zonder wijziging aan jouw kant zou moeten verdwijnen.
if-it-keeps-happening-send-0dc4deb9 = Blijft het gebeuren, stuur dan het antwoord van de server naar je mailprovider.
meanwhile-keep-host-port-and-f176ef63 = Laat `host`, `port` en `enableSsl` intussen zoals ze zijn.
we-don-t-recognise-this-718ec519 = We herkennen dit probleem niet
the-test-stopped-with-a-fda2c04f = De test stopte met een melding waarvoor we nog geen uitleg hebben. In de details staat precies wat de server of deze computer zei.
look-in-the-server-s-cd1cf764 = Zoek in het antwoord van de server naar een code zoals `535` of `5.7.8` en een korte reden, en stuur die naar je mailprovider.
check-host-port-and-enablessl-dce5d8be = Vergelijk `host`, `port` en `enableSsl` met de instructies van je provider.
save-the-report-it-leaves-9e9a3053 = Sla het rapport op (je wachtwoord staat er niet in) en stuur het naar de support van je hostingbedrijf.
sending-failed-and-this-part-b5549368 = Versturen is mislukt, en dit deel van de melding zegt niet waarom
failure-sending-mail-is-only-5e94f296 = "Failure sending mail" is alleen de buitenste melding: de reden staat in de inner exception die erop volgt (na "--->") in het volledige foutlogboek.
copy-the-whole-error-including-0a4fa195 = Kopieer de hele foutmelding, inclusief de regels na "--->", en plak hem hier opnieuw.
or-run-the-test-in-cd3c3210 = Of voer de test in dit programma uit met dezelfde instellingen: dan zie je precies welke stap mislukt.
meanwhile-check-host-port-and-b6ee72c6 = Vergelijk intussen `host`, `port` en `enableSsl` met de instructies van je provider.
we-don-t-recognise-this-689d3f81 = We herkennen deze melding niet
it-contains-no-mail-server-31c9c54f = Er staat geen antwoordcode van een mailserver in (zoals `535` of `5.7.8`) en geen fout die we kennen van ASP.NET, PHPMailer, Nodemailer, Python of MailKit.
paste-the-whole-error-including-72e71f75 = Plak de hele foutmelding, inclusief eventuele regels na "--->" of "Caused by": de oorzaak staat vaak aan het eind.
look-for-a-three-digit-50926ef1 = Zoek naar een code van drie cijfers die met 4 of 5 begint (zoals `550`) of een code zoals `5.7.1`, en de woorden erna: dat is de reden van de server.
or-run-the-test-in-98479cfe = Of voer de test in dit programma uit met je `host`, `port` en `enableSsl`: dan zie je precies welke stap mislukt.
this-account-may-sign-in-debe5d24 = Dit account mag alleen inloggen vanaf de adressen die de provider opgeeft
the-provider-lets-this-account-8646e994 = De provider laat dit account alleen inloggen vanaf de internetadressen (IP-adressen) in de instellingen ervan, en het adres waar dit vandaan kwam staat daar niet bij. Het wachtwoord is niet eens gecontroleerd.
in-your-mail-provider-s-50eeb67e = Open in het configuratiescherm van je mailprovider de SMTP-instellingen van het account en zoek de lijst met toegestane IP-adressen.
add-your-web-server-s-7d9995ed = Voeg het openbare IP-adres van je webserver toe (je hostingbedrijf kan je vertellen welk dat is).
to-run-this-tester-from-3402b27a = Wil je deze tester ook vanaf een andere computer gebruiken, voeg dan ook het adres van die computer toe, of vraag je provider om de beperking op te heffen.
your-website-could-not-read-f7b4fedd = Je website kon een van de e-mailadressen niet lezen
the-specified-string-is-not-8907296d = "The specified string is not in the form required for an e-mail address" komt van ASP.NET zelf, voordat er contact is met een mailserver: het `from`-adres, of een adres dat de website in To, Cc of Bcc zet, bevat een typfout (een ontbrekende @, een spatie, twee adressen in één veld).
check-from-in-web-config-26d1a3fb = Controleer `from` in web.config: één adres zoals `info@example.com` (er mag een naam voor staan: `Winkel <info@example.com>`).
if-from-is-right-the-a6e15de4 = Klopt `from`, dan komt het adres van de website zelf (een formulier dat een bezoeker heeft ingevuld, of een instelling van de site): vraag je ontwikkelaar om adressen te controleren voordat ze worden verstuurd.
the-server-refused-and-your-051e3698 = De server weigerde, en het logboek van je website vermeldt niet waarom
syntax-error-command-unrecognized-is-23a7ab1e = "Syntax error, command unrecognized." is wat de mailverzender van ASP.NET schrijft bij elk antwoord van de server met een code waarvoor hij geen naam heeft (bijvoorbeeld 535 bij een geweigerd wachtwoord). Zonder de eigen woorden van de server erachter kan het logboek niet vertellen welke instelling fout is.
if-the-log-goes-on-c96ac828 = Gaat het logboek verder met "The server response was:", plak die regel dan ook.
run-the-test-here-with-8c3a56a5 = Voer de test hier uit met dezelfde instellingen: dan zie je het antwoord van de server woord voor woord en wat het betekent.
an-address-has-letters-asp-508530c0 = Een adres bevat letters die ASP.NET alleen met een instelling verstuurt
the-client-or-server-is-874f1000 = "The client or server is only configured for E-mail addresses with ASCII local-parts" betekent dat het adres aan het eind vóór de @ letters bevat die geen gewone Engelse letters zijn (zoals ö of é). ASP.NET verstuurt zulke adressen alleen met `deliveryFormat="International"`, en alleen via een mailserver die SMTPUTF8 aanbiedt (de standaard voor internationale adressen).
if-the-address-is-from-d8b5febf = Is het adres `from`, gebruik dan een adres met gewone letters vóór de @.
if-it-is-a-customer-30b90862 = Is het het adres van een klant, voeg dan `deliveryFormat="International"` toe aan `<smtp>` in web.config (.NET Framework 4.5 of nieuwer) en voer de test hier uit om te controleren of je mailserver SMTPUTF8 aanbiedt.

## src/diagnosis/texts/tls.rs

the-server-wants-an-encrypted-bcbb2dd1 = De server wil een versleutelde verbinding
the-server-will-not-go-b13a1048 = De server gaat pas verder als de verbinding met STARTTLS is versleuteld (de manier waarop een mailserver overschakelt naar een versleutelde verbinding). In web.config zet `enableSsl="true"` dat aan.
use-port-587-the-usual-d29b1fcf = Gebruik `port` `587` (de gebruikelijke poort om vanaf websites te versturen), tenzij je provider iets anders zegt.
the-server-does-not-offer-345a167c = De server biedt op deze poort geen versleutelde verbinding aan
with-enablessl-on-asp-net-bc209598 = Met `enableSsl` aan vraagt ASP.NET om STARTTLS (de manier waarop een mailserver overschakelt naar een versleutelde verbinding), en deze server bood dat niet aan, dus ASP.NET stopt met "Server does not support secure connections". Meestal is de poort of server niet de verzendserver van de provider, of is de versleuteling van de server niet ingesteld.
check-host-and-port-against-3146a584 = Vergelijk `host` en `port` met de instructies van je provider; staat `port` op `25`, probeer dan `587`.
ask-your-mail-provider-whether-e9b014ae = Vraag je mailprovider of deze server STARTTLS ondersteunt, en op welke poort.
turning-enablessl-off-would-send-df98f72a = Als je `enableSsl` uitzet, wordt je wachtwoord onversleuteld verstuurd (leesbaar voor iedereen onderweg): overweeg dat alleen als je provider bevestigt dat de server op je eigen privénetwerk staat.
this-port-starts-unencrypted-and-8eab0593 = Deze poort begint onversleuteld en schakelt later over op versleuteling
one-side-started-encrypting-straight-ebbd67b5 = De ene kant begon meteen met versleutelen ("SSL bij verbinden"), terwijl de andere eerst gewone tekst verwachtte en daarna een overstap met STARTTLS (de manier waarop een mailserver overschakelt naar een versleutelde verbinding). Die twee manieren gaan niet samen, dus de handshake (de uitwisseling die de versleuteling opzet) mislukte.
keep-this-port-and-set-14145fd0 = Houd deze poort en zet `enableSsl` op `true` (kies in andere programma's "STARTTLS" of "TLS" in plaats van "SSL").
or-in-programs-other-than-6eb280ba = Of houd in andere programma's dan ASP.NET "SSL" aan en verander de poort in `465` als je provider dat ondersteunt.
the-encrypted-connection-could-not-38a20e5a = De versleutelde verbinding kon niet worden opgezet
the-handshake-the-exchange-that-d77564bd = De handshake (de uitwisseling die de versleuteling opzet) mislukte. Veelvoorkomende oorzaken zijn een server die alleen oude versleutelingsversies kent (TLS 1.0 of 1.1, die moderne programma's weigeren), een server waarvan de versleuteling verkeerd is ingesteld, of een beveiligingsprogramma op deze computer dat versleutelde verbindingen verstoort.
test-again-in-a-few-b2d0d9dc = Test over een paar minuten opnieuw: sommige servers hebben kortdurende problemen met versleuteling.
send-the-transcript-to-your-6a58275d = Stuur het transcript naar je mailprovider en vraag of de server TLS 1.2 of nieuwer ondersteunt.
if-this-computer-runs-antivirus-bc7e4c13 = Draait er op deze computer antivirussoftware die e-mail scant, zet het scannen van mail dan voor één test op pauze, of vraag het aan de leverancier.
the-server-s-encryption-is-47c71bd6 = De versleuteling van de server werkt nu niet
the-server-offers-starttls-the-a70908db = De server biedt STARTTLS aan (de manier waarop een mailserver overschakelt naar een versleutelde verbinding), maar weigerde het te starten met de melding dat versleuteling niet beschikbaar is: een probleem op de server, meestal tijdelijk (het certificaat kon niet worden geladen). Je instellingen kloppen.
if-it-lasts-tell-your-775241a7 = Houdt het aan, meld je mailprovider dan dat de server op STARTTLS antwoordt met "TLS not available" (het transcript toont de exacte woorden).
do-not-switch-encryption-off-f58feb01 = Zet de versleuteling niet uit om het te omzeilen: je wachtwoord zou dan leesbaar voor iedereen onderweg over het netwerk gaan.
the-mail-server-only-knows-f8184d45 = De mailserver kent alleen verouderde versleuteling (TLS 1.0 of 1.1)
the-server-offered-only-tls-91482b71 = De server bood alleen TLS 1.0 of 1.1 aan, versleutelingsversies uit 1999 en 2006 die niet meer veilig zijn. Deze test weigert ze, net als elk up-to-date programma, en mailproviders en Microsoft hebben ze uitgezet. Je website kan vandaag misschien nog verbinden als de Windows-server TLS 1.0 toestaat, maar dat houdt op: de server moet worden bijgewerkt.
ask-your-mail-provider-or-b5203011 = Vraag je mailprovider of hostingbedrijf om TLS 1.2 of nieuwer aan te zetten op de mailserver (alle serversoftware van de laatste tien jaar kan dat).
or-send-through-a-provider-361887b5 = Of verstuur via een provider waarvan de server TLS 1.2 ondersteunt: verander `host` (en `port`) in die server.
until-then-do-not-switch-9755bfec = Zet de versleuteling tot die tijd niet uit om het werkend te krijgen: het wachtwoord zou dan leesbaar voor iedereen onderweg over het netwerk gaan.
once-the-web-server-s-9cd19b68 = Zodra Windows op de webserver TLS 1.0 uitzet, staat in het foutlogboek van je website "A call to SSPI failed, see inner exception." ("The client and server cannot communicate, because they do not possess a common algorithm"): dezelfde oplossing geldt.
the-server-s-security-certificate-04fd7a4d = Het beveiligingscertificaat van de server is voor een andere servernaam
a-certificate-the-server-s-dd0086e8 = Een certificaat (het identiteitsbewijs van de server) noemt de namen waarvoor het geldig is, en de naam in `host` staat daar niet bij. Dat komt vaak voor bij gedeelde hosting, waar het certificaat de servernaam van het hostingbedrijf draagt in plaats van je domein.
change-host-to-a-name-ee8ec06c = Verander `host` in een naam waarvoor het certificaat geldig is (het configuratiescherm van je hosting toont die meestal als de naam van de mailserver).
if-the-name-must-stay-880e7635 = Moet de naam blijven, vraag je hostingbedrijf dan om hem aan het certificaat toe te voegen.
the-server-s-security-certificate-354d75d4 = Het beveiligingscertificaat van de server wordt niet vertrouwd
the-certificate-the-server-s-4ec64fb5 = Voor het certificaat (het identiteitsbewijs van de server) staat geen enkele instantie in die deze computer vertrouwt. Het is misschien zelfondertekend (door de server voor zichzelf gemaakt), de server laat misschien het tussencertificaat weg dat het met een vertrouwde instantie verbindt, of een beveiligingsprogramma op dit netwerk vervangt het misschien.
ask-your-mail-provider-or-232ac121 = Vraag je mailprovider of hostingbedrijf om een certificaat van een openbare instantie te installeren (bijvoorbeeld Let's Encrypt), inclusief het tussencertificaat.
if-the-server-belongs-to-8f76e621 = Hoort de server bij je eigen organisatie en gebruikt die een eigen instantie, geef de test dan het certificaat van die instantie in "Extra CA-bestand" onder Geavanceerd (`--ca-file` op de opdrachtregel); de server waarop je website draait moet het ook vertrouwen.
or-change-host-to-the-8c9dc251 = Of verander `host` in de servernaam die je provider aanraadt: die heeft meestal een geldig certificaat.
the-server-s-security-certificate-d63d22af = Het beveiligingscertificaat van de server is verlopen
a-certificate-the-server-s-572e2148 = Een certificaat (het identiteitsbewijs van de server) is alleen geldig in een bepaalde periode, en dit certificaat valt daarbuiten. Mailprogramma's, ook ASP.NET, weigeren zo'n server om je wachtwoord te beschermen.
tell-your-mail-provider-or-98ff1f18 = Meld je mailprovider of hostingbedrijf dat het certificaat van de mailserver is verlopen; alleen zij kunnen het vernieuwen.
check-that-this-computer-s-216e1f80 = Controleer of de datum en tijd van deze computer kloppen: met een verkeerde klok lijken geldige certificaten verlopen.
the-server-s-security-certificate-45756667 = Het beveiligingscertificaat van de server is nog niet geldig
a-certificate-the-server-s-e8a30f57 = Een certificaat (het identiteitsbewijs van de server) is pas geldig vanaf een bepaalde datum, en volgens de klok van deze computer is die datum nog niet aangebroken. Meestal staat de klok van deze computer verkeerd; minder vaak heeft de server een certificaat met een datum in de toekomst.
check-that-this-computer-s-0e843109 = Controleer of de datum, tijd en tijdzone van deze computer kloppen en test opnieuw.
if-the-clock-is-right-8f493c61 = Klopt de klok, meld je mailprovider dan dat het certificaat van de mailserver nog niet geldig is.
the-server-wants-an-encrypted-fa383e8e = De server wil een versleutelde verbinding of een inlog
asp-net-shows-this-message-0837b825 = ASP.NET toont deze melding bij twee verschillende weigeringen: de server wil versleuteling met STARTTLS (de manier waarop een mailserver overschakelt naar een versleutelde verbinding), of hij wil eerst een inlog. De eigen woorden van de server na "The server response was:" vertellen welke van de twee.
set-enablessl-to-true-and-8c899e5c = Zet `enableSsl` op `true` en gebruik `port` `587`.
test-again-if-it-still-548726f4 = Test opnieuw; mislukt het nog steeds, dan zegt het antwoord van de server welke van de twee ontbreekt.
your-website-and-the-mail-074c2270 = Je website en de mailserver vonden geen versleutelingsversie die ze allebei spreken
the-remote-party-has-closed-5bd76f7e = "The remote party has closed the transport stream" en "do not possess a common algorithm" betekenen dat de handshake voor de versleuteling mislukte voordat er iets werd verstuurd. Mailservers accepteren nu alleen TLS 1.2 of nieuwer, terwijl .NET Framework-sites die op 4.5.2 of ouder zijn gericht standaard alleen TLS 1.0 aanbieden: de gebruikelijke oorzaak.
check-targetframework-in-web-config-52086986 = Controleer `targetFramework` in web.config (`<httpRuntime targetFramework="…" />`): is het 4.5.2 of lager, schrijf dan `<httpRuntime targetFramework="4.8" />` (.NET Framework 4.8 moet op de webserver geïnstalleerd zijn; je host kan je dat vertellen).
or-have-your-developer-add-de3780a8 = Of laat je ontwikkelaar `ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;` toevoegen waar de site start.
if-the-site-already-targets-957e6eff = Is de site al gericht op 4.7 of nieuwer, voer de test dan hier uit met dezelfde instellingen: dan zie je of de server zelf een probleem met versleuteling heeft.

## src/discover/autoconfig.rs

the-file-names-no-outgoing-da3cda86 = het bestand noemt geen uitgaande SMTP-server
tls-set-up-failed-err-0e784387 = opzetten van TLS mislukt ({ $err })
could-not-set-up-the-7a58deaf = kon de download niet opzetten ({ $err })
the-web-server-answered-status-bb1a36ee = de webserver antwoordde { $status }
the-file-is-far-too-8ea85755 = het bestand is veel te groot voor een autoconfig-bestand
no-answer-in-time-132d9f04 = geen antwoord op tijd
could-not-connect-87553579 = kon geen verbinding maken
the-download-failed-6b35b8c9 = de download is mislukt
no-answer-in-time-cause-dd991151 = geen antwoord op tijd: { $cause }
could-not-connect-cause-d51a1172 = kon geen verbinding maken: { $cause }
the-download-failed-cause-7b220fc2 = de download is mislukt: { $cause }

## src/discover/mod.rs

this-computer-s-dns-settings-df57410c = de DNS-instellingen van deze computer
cancelled-before-a-usable-server-e60f4d58 = Geannuleerd voordat er een bruikbare server was gevonden.

## src/discover/model.rs

the-host-you-gave-b4172f6e = de host die je opgaf
srv-record-submission-tcp-fd4f9e08 = SRV-record _submission._tcp
srv-record-submissions-tcp-6f770ec3 = SRV-record _submissions._tcp
provider-recognised-from-mx-6cfcf862 = provider herkend aan MX
autoconfig-file-74e867c6 = autoconfig-bestand
mx-record-7aaa82a5 = MX-record
usual-name-8ddec150 = gebruikelijke naam
dns-settings-dc95a679 = DNS-instellingen
nothing-527dae8a = niets
open-d35ec4c9 = open
refused-60acd1e3 = geweigerd
timed-out-9a0e1624 = time-out
name-not-found-b063b887 = naam niet gevonden
unreachable-d89e21f1 = onbereikbaar
cancelled-845df81c = geannuleerd

## src/discover/probe.rs

host-has-no-address-detail-775916bb = { $host } heeft geen adres: { $detail }

## src/discover/rank.rs

internet-providers-and-cloud-hosts-c4d8c14d = Internetproviders en cloudhosts blokkeren vaak uitgaand verkeer op poort 25 (en soms 465 en 587). Deze controle is vanaf deze computer uitgevoerd: de server waarop je website draait, wordt misschien anders geblokkeerd. Kan de website nog steeds geen verbinding maken, vraag dan aan de host of die uitgaande mailpoorten blokkeert.
found-through-the-source-c322eaae = Gevonden via { $source }.
host-answers-but-its-certificate-58712b2f = { $host } antwoordt, maar het certificaat is voor { $name }, dus de versleutelde verbinding zou mislukken. Gebruik in plaats daarvan { $name } als host (voer `mailtester probe --host { $name }` uit om het te controleren).
the-only-secure-server-found-5b1b0033 = De enige beveiligde server die is gevonden, gebruikt SSL bij verbinden (poort 465), en dat kan System.Net.Mail van ASP.NET niet gebruiken. Vraag je mailprovider om een server met STARTTLS op poort 587, of gebruik een verzenddienst voor mail.
no-server-answered-on-any-1152159c = Geen enkele server antwoordde op een van de poorten vanaf deze computer. Controleer het adres, of probeer het vanaf een ander netwerk: dit netwerk blokkeert misschien uitgaande mailpoorten.
no-server-offered-an-encrypted-3a856083 = Geen enkele server bood een versleutelde verbinding met een inlogmethode die je website kan gebruiken. Vraag je mailprovider welke uitgaande server (SMTP), poort en beveiliging je moet gebruiken.
this-name-does-not-exist-3844c68d = Deze naam bestaat niet in de DNS.
not-finished-cancelled-052fcd59 = Niet klaar: geannuleerd.
port-port-refused-the-connection-78196336 = Poort { $port } weigerde de verbinding: daar neemt niets mail aan.
no-answer-on-port-port-f2d9fb6a = Geen antwoord op poort { $port }: die wordt onderweg geblokkeerd, of de server negeert hem.
could-not-reach-port-port-e626ab15 = Kon poort { $port } niet bereiken vanaf deze computer.
port-port-accepts-connections-but-c44f4dbc = Poort { $port } neemt verbindingen aan, maar begroet nooit zoals een mailserver.
port-port-wants-ssl-on-08854b61 = Poort { $port } wil SSL bij verbinden, en dat kan ASP.NET (System.Net.Mail) niet; gebruik hem nooit in web.config.
unencrypted-enablessl-false-this-server-4741a147 = Onversleuteld (enableSsl="false"): deze server biedt STARTTLS aan, dus laat SSL aan.
unencrypted-with-no-sign-in-dd28ec6f = Onversleuteld, zonder inlogmogelijkheid: alleen een relay die het adres van je server kent, zou hier mail aannemen.
unencrypted-the-password-would-cross-99107547 = Onversleuteld: het wachtwoord zou leesbaar voor iedereen onderweg over het netwerk gaan; gebruik in plaats daarvan STARTTLS.
no-certificate-6f3ef809 = geen certificaat
certificate-trusted-9c31dd2b = certificaat vertrouwd
the-certificate-is-for-name-3c436d2f = het certificaat is voor { $name }, niet voor { $host }: gebruik { $name } als host
the-certificate-is-not-for-5c16eb77 = het certificaat is niet voor { $host }
the-certificate-has-expired-a80ab172 = het certificaat is verlopen
the-certificate-is-not-from-dace93b1 = het certificaat is niet van een vertrouwde instantie
the-certificate-is-not-valid-fd6b02ae = het certificaat is niet geldig
what-accepted-because-invalid-certificat-654eb2c8 = { $what } (geaccepteerd omdat ongeldige certificaten zijn toegestaan)

## src/discover/reasons.rs

ssl-on-connect-on-port-8381ea47 = SSL bij verbinden op poort { $port } is mislukt: { $problem }
starttls-on-port-port-failed-b828dcbf = STARTTLS op poort { $port } is mislukt: { $problem }
ssl-on-connect-on-port-6006be8e = SSL bij verbinden op poort { $port } werkt, maar { $what }.
starttls-on-port-port-works-0c771c86 = STARTTLS op poort { $port } werkt, maar { $what }.
ssl-on-connect-on-port-60ce1025 = SSL bij verbinden op poort { $port } werkt ({ $certificate }), maar er wordt geen inloggen aangeboden: alleen een relay die het adres van je server kent, zou mail aannemen.
starttls-on-port-port-works-f984c06d = STARTTLS op poort { $port } werkt ({ $certificate }), maar er wordt geen inloggen aangeboden: alleen een relay die het adres van je server kent, zou mail aannemen.
ssl-on-connect-on-port-90b0d615 = SSL bij verbinden op poort { $port } werkt, maar inloggen kan alleen met { $offered }, en ASP.NET logt in met LOGIN.
starttls-on-port-port-works-d8016efd = STARTTLS op poort { $port } werkt, maar inloggen kan alleen met { $offered }, en ASP.NET logt in met LOGIN.
ssl-on-connect-on-port-93cce076 = SSL bij verbinden op poort { $port } met inloggen ({ $offered }) na versleuteling, { $certificate }.
starttls-on-port-port-with-70b23d3e = STARTTLS op poort { $port } met inloggen ({ $offered }) na versleuteling, { $certificate }.

## src/discover/request.rs

given-is-not-an-email-aba196ff = "{ $given }" is geen e-mailadres of servernaam die we kunnen zoeken; geef er een zoals --email jij@example.com of --host mail.example.com
could-not-use-the-certificate-48b99cc8 = kon het certificaatbestand niet gebruiken ({ $detail }); geef een PEM- of DER-bestand (.cer) op met --ca-file: { $path }

## src/discover/run.rs

built-in-roots-418ee249 = (ingebouwde basiscertificaten)
autoconfig-for-domain-b5ed5741 = autoconfig voor { $domain }
no-answer-from-dns-in-36c18acb = geen antwoord van de DNS op tijd
no-address-690ce026 = geen adres

## src/discover/sources.rs

the-mx-hosts-against-the-97badb2f = de MX-hosts vergeleken met de providertabel
no-known-provider-runs-these-45681bfb = geen bekende provider beheert deze MX-hosts
the-usual-names-for-domain-e2a756b7 = de gebruikelijke namen voor { $domain }
no-such-record-f2abe916 = dit record bestaat niet

## src/dns.rs

could-not-read-this-computer-ef192af0 = kon de DNS-instellingen van deze computer niet lezen ({ $detail }); geef een DNS-server op met --dns-server, bijvoorbeeld --dns-server 1.1.1.1:53
could-not-set-up-dns-dc830dd9 = kon DNS-opzoekingen niet opzetten ({ $detail }); controleer --dns-server
could-not-read-all-of-2aebf030 = kon niet alle DNS-instellingen van deze computer lezen ({ $error }); de openbare DNS-servers { $servers } worden gebruikt. Geef een andere op met de instelling DNS-server (--dns-server).
could-not-read-all-of-8d6abebb = kon niet alle DNS-instellingen van deze computer lezen ({ $error }); de andere DNS-servers van de computer worden gebruikt ({ $servers }). Geef een andere op met de instelling DNS-server (--dns-server).
text-is-not-an-ip-3e862c8c = "{ $text }" is geen IP-adres met eventueel een poort, zoals 1.1.1.1:53

## src/event.rs

resolve-host-96e6a1b3 = host opzoeken
connect-aae0ccf9 = verbinden
tls-handshake-8af0d15f = TLS-handshake
greeting-d4edbfb6 = begroeting
sign-in-auth-c6f2a51c = inloggen (AUTH)
connect-db89a899 = Verbinden
secure-connection-03f2ee68 = Versleutelde verbinding
sign-in-744be623 = Inloggen
send-message-d97db31c = Bericht versturen
t-1-ms-94c7ac32 = <1 ms
ms-ms-f79070b7 = { $ms } ms

## src/files.rs

it-is-not-a-regular-f71db6cc = het is geen gewoon bestand

## src/fleet/iis.rs

line-line-column-column-problem-e86e7c22 = regel { $line }, kolom { $column }: { $problem }
line-line-column-column-23009a9d = regel { $line }, kolom { $column }
the-file-could-not-be-08983729 = het bestand kon niet worden gelezen
iis-s-list-of-sites-26e20999 = de lijst met sites van IIS kon niet worden gelezen: { $err }
iis-site-name-its-folder-f50c08fe = IIS-site "{ $name }": de map noemt { $variable }, en die is hier niet ingesteld
iis-site-name-its-folder-8d62d056 = IIS-site "{ $name }": de map is een Windows-pad dat hier niet kan worden geopend; voer de scan uit op de Windows-server zelf
iis-site-name-its-folder-d89eb25d = IIS-site "{ $name }": de map bestaat niet

## src/fleet/judge.rs

the-server-answered-as-this-ad49dbb9 = De server antwoordde zoals deze site nodig heeft; er is niets gevonden dat de mail tegenhoudt.
this-website-s-mail-program-1a7b3381 = het mailprogramma van deze website
port-465-expects-ssl-on-af8f9883 = Poort 465 verwacht SSL bij verbinden, en dat kan ASP.NET niet: het wacht op een begroeting die nooit komt
nothing-in-the-files-stops-d06c6341 = Niets in de bestanden houdt het tegen; er is geen contact gemaakt met de server (--offline).

## src/fleet/model.rs

the-mail-settings-are-encrypted-a053936c = de mailinstellingen zijn versleuteld (aspnet_regiis -pe); ontsleutel ze op de server om ze te controleren
the-file-could-not-be-695620a2 = het bestand kon niet worden gelezen als { $what }: { $detail }
the-file-could-not-be-576c03c8 = het bestand kon niet worden geopend: { $arg0 }
the-file-is-0-bytes-1ce04a19 = het bestand is { $arg0 } bytes, te groot voor een configuratiebestand; overgeslagen
the-file-holds-binary-data-062499d0 = het bestand bevat binaire gegevens, geen tekst; overgeslagen

## src/fleet/read/appsettings.rs

the-mail-section-s-port-af08395b = de poort in de mailsectie is geen geheel getal
securesocketoptions-is-not-one-of-8884005f = SecureSocketOptions is niet een van None, Auto, SslOnConnect, StartTls, StartTlsWhenAvailable (of 0 tot 4)
the-mail-section-s-ssl-6926e20b = de SSL-schakelaar in de mailsectie is niet true of false
the-file-ends-inside-a-4c672aa5 = het bestand eindigt midden in een waarde (een haakje of aanhalingsteken is niet gesloten)
this-is-not-valid-json-d2ad7323 = dit is geen geldige JSON (een ontbrekende komma, aanhalingsteken of haakje?)
line-line-a-comment-starts-d2dcdf02 = regel { $line }: hier begint een /*-commentaar dat nooit wordt gesloten

## src/fleet/read/dotenv.rs

mail-scheme-must-be-smtp-12aa34e8 = MAIL_SCHEME moet smtp of smtps zijn: Laravel weigert elke andere waarde en verstuurt geen mail (schrijf smtps voor SSL bij verbinden, of gebruik poort 465)
mail-port-is-not-a-878b9e36 = MAIL_PORT is geen geheel getal
mailer-dsn-is-empty-in-0c586ff2 = MAILER_DSN is leeg in dit .env-bestand: de gebruikte mailserver staat in .env.local (of .env.prod.local) of in de omgeving van de server
key-in-the-env-file-46fc61eb = { $key } in het .env-bestand krijgt zijn waarde uit een andere variabele, die het bestand niet instelt: die komt uit de omgeving van de server (de instellingen van de webserver of van PHP); controleer hem daar
key-in-the-env-file-bbcf231a = { $key } in het .env-bestand krijgt zijn waarde uit { $variable }, die het bestand niet instelt: die komt uit de omgeving van de server (de instellingen van de webserver of van PHP); controleer hem daar
line-line-not-a-name-c3f707ea = regel { $line }: geen regel in de vorm NAAM=waarde (controleer de aanhalingstekens; een waarde met spaties heeft aanhalingstekens nodig)

## src/fleet/read/dotenv_dsn.rs

key-names-several-mail-servers-49d562aa = { $key } noemt meerdere mailservers (failover of roundrobin): controleer ze elk afzonderlijk
key-is-not-a-mail-c141a1af = { $key } is geen mailserveradres dat Symfony Mailer accepteert (er staat geen schema zoals smtp:// in); de vorm is smtp://gebruiker:wachtwoord@host:poort
key-is-not-a-mail-597b5d63 = { $key } is geen mailserveradres dat Symfony Mailer accepteert (er staat geen host in); de vorm is smtp://gebruiker:wachtwoord@host:poort
key-is-not-a-mail-959f07e4 = { $key } is geen mailserveradres dat Symfony Mailer accepteert (de poort is geen geheel getal); de vorm is smtp://gebruiker:wachtwoord@host:poort

## src/fleet/read/webconfig.rs

the-mail-settings-are-kept-ac312744 = de mailinstellingen staan in "{ $source }" (configSource), en dat bestaat niet
the-mail-settings-are-kept-34535e3f = de mailinstellingen staan in "{ $source }" (configSource), dat geen bestand noemt; het moet een bestand naast de web.config of in een map daaronder noemen
the-mail-settings-are-kept-27850fc0 = de mailinstellingen staan in "{ $source }" (configSource), een absoluut pad, dat niet wordt gelezen; het moet een bestand naast de web.config of in een map daaronder noemen
the-mail-settings-are-kept-ca9f69a5 = de mailinstellingen staan in "{ $source }" (configSource), dat buiten de map van de site ligt; het moet een bestand naast de web.config of in een map daaronder noemen
the-mail-settings-are-kept-31a5b4e0 = de mailinstellingen staan in "{ $source }" (configSource), dat buiten de map van de site leidt (een symbolische koppeling); het moet een bestand naast de web.config of in een map daaronder noemen
the-xml-could-not-be-1fb3dcda = de XML kon niet worden gelezen
in-file-configsource-line-line-0c6d9a6f = in "{ $file }" (configSource), regel { $line }, kolom { $column }: { $problem }
the-mail-settings-are-kept-09fd0bbe = de mailinstellingen staan in "{ $file }" (configSource), dat begint met <{ $root }> in plaats van <smtp>
the-first-element-is-root-6db531d1 = het eerste element is <{ $root }>, niet <configuration>
in-file-configsource-the-mail-d449392a = in "{ $file }" (configSource) konden de mailinstellingen niet worden gelezen
the-mail-settings-could-not-4480c8b3 = de mailinstellingen konden niet worden gelezen
this-web-config-inherits-mail-b55d376d = deze web.config erft mailinstellingen van de web.config in een bovenliggende map, en die kon niet worden gelezen ({ $err }): { $path }
attribute-value-is-not-true-5069d63f = { $attribute }="{ $value }" is niet true of false, dus ASP.NET stopt met een configuratiefout
deliverymethod-value-is-not-network-a12fa162 = deliveryMethod="{ $value }" is niet Network, SpecifiedPickupDirectory of PickupDirectoryFromIis, dus ASP.NET stopt met een configuratiefout
port-value-is-not-a-25b8c42f = port="{ $value }" is geen geheel getal, dus ASP.NET stopt met een configuratiefout

## src/fleet/read/wordpress.rs

line-line-problem-02d07e14 = regel { $line }: { $problem }
wp-mail-smtp-s-constants-786694b4 = De constanten van WP Mail SMTP staan aan, maar WPMS_MAILER is niet ingesteld in wp-config.php: welke mailer WP Mail SMTP gebruikt, staat in de WordPress-database (WP Mail SMTP > Settings in het beheer van de site), en die leest deze controle niet
wp-mail-smtp-s-constants-7a02d053 = De constanten van WP Mail SMTP staan aan, maar WPMS_SMTP_HOST is niet ingesteld in wp-config.php: de gebruikte mailserver staat in de WordPress-database (WP Mail SMTP > Settings in het beheer van de site), en die leest deze controle niet
name-is-defined-more-than-59afc853 = { $name } is meer dan eens gedefinieerd in wp-config.php met verschillende waarden (regels { $line } en { $other }); welke geldt, hangt af van voorwaarden in het bestand: controleer het op de server
name-in-wp-config-php-b9b0d0ae = { $name } in wp-config.php (regel { $line }) wordt berekend door PHP-code en staat er niet als gewone waarde; zoek op de server op wat het oplevert om deze site te controleren
wp-mail-smtp-s-constants-6628db44 = De constanten van WP Mail SMTP staan uit (WPMS_ON is niet true) (WPMS_ON is niet gedefinieerd): de gebruikte instellingen staan in de WordPress-database (WP Mail SMTP > Settings in het beheer van de site), en die leest deze controle niet
wp-mail-smtp-s-constants-34b65098 = De constanten van WP Mail SMTP staan uit (WPMS_ON is niet true): de gebruikte instellingen staan in de WordPress-database (WP Mail SMTP > Settings in het beheer van de site), en die leest deze controle niet
wp-mail-smtp-s-constants-0e156393 = De constanten van WP Mail SMTP staan uit (WPMS_ON is niet true): WPMS_ON moet de PHP-waarde true zijn, zonder aanhalingstekens geschreven: de gebruikte instellingen staan in de WordPress-database (WP Mail SMTP > Settings in het beheer van de site), en die leest deze controle niet

## src/fleet/read/wordpress_lexer.rs

a-quoted-string-starts-here-8301b510 = hier begint een tekst tussen aanhalingstekens die over meerdere regels doorloopt; het bestand eindigt midden in die tekst, dus hier ontbreekt waarschijnlijk een aanhalingsteken
a-quoted-string-starts-here-f2be9f2f = hier begint een tekst tussen aanhalingstekens die nooit wordt gesloten
a-heredoc-string-starts-here-9a40e56f = hier begint een heredoc-tekst die nooit wordt gesloten

## src/fleet/read/wordpress_php.rs

a-constant-s-definition-here-aa6ad48d = de definitie van een constante hier wordt nooit gesloten

## src/fleet/report.rs

sites-broken-broken-at-risk-8ae33c1d = { $sites }: { $broken } kapot, { $at_risk } met risico, { $unknown } onbekend, { $ok } OK; { $servers }, geen contact gemaakt (--offline)
sites-broken-broken-at-risk-5ceb8ca8 = { $sites }: { $broken } kapot, { $at_risk } met risico, { $unknown } onbekend, { $ok } OK; { $servers }, elk één keer benaderd

## src/fleet/scan.rs

not-trusted-problem-a72ac742 = niet vertrouwd: { $problem }

## src/fleet/walk/load.rs

the-tester-failed-while-reading-45d644d4 = de tester liep vast bij het lezen (een bug; meld het alsjeblieft)
permission-denied-this-account-may-6fd3f362 = toegang geweigerd: dit account mag het niet lezen; voer de scan uit als een gebruiker die dat wel mag (een beheerder, of root)
it-is-not-there-or-26791bda = het bestaat niet (of het is een symbolische koppeling naar iets wat niet bestaat)

## src/fleet/walk.rs

a-symbolic-link-loop-it-3f5ee203 = een lus van symbolische koppelingen: hij leidt terug naar een bovenliggende map, dus hij is niet geopend: { $folder }
the-folder-to-scan-could-71e8ff6b = de map die gescand moet worden, kon niet worden gelezen: { $reason }
it-could-not-be-read-e776a2b9 = het kon niet worden gelezen: { $reason }
could-not-be-read-err-a4a50f9d = kon niet worden gelezen: { $err }

## src/gui/app.rs

saved-to-path-81572862 = Opgeslagen in { $path }

## src/gui/app_data.rs

run-a-successful-test-first-a67cdc58 = Voer eerst een geslaagde test uit: alleen instellingen die werken, komen in web.config.
path-already-has-these-settings-e3ba752a = { $path } heeft deze instellingen al: niets te wijzigen.
web-config-updated-the-old-7f855d8e = web.config bijgewerkt. Het oude bestand is bewaard als { $backup }.
web-config-already-had-these-7b4733bb = web.config had deze instellingen al: er is niets geschreven.
password-filled-in-from-the-f2da34c8 = Wachtwoord ingevuld vanuit de sleutelhanger van het systeem.

## src/gui/arrive.rs

will-it-arrive-06141c0a = Komt het aan?
checking-the-dns-of-domain-b7ccbc42 = De DNS van { $domain } wordt gecontroleerd…
your-server-took-the-message-5ccd8281 = Je server heeft het bericht aangenomen. Of de mailboxen van je klanten het accepteren, hangt af van wat { $domain } in de DNS publiceert (SPF, DKIM en DMARC): Gmail, Outlook.com en anderen controleren dat bij elk bericht.
check-my-domain-abc31f65 = Mijn domein controleren
name-0fe07306 = Naam
type-d155d06d = Type
copy-value-8902f3e5 = Waarde kopiëren
dns-record-803b41a1 = DNS-record

## src/gui/certificate_view.rs

valid-for-this-server-from-355e575b = Geldig voor deze server, van een instantie die deze computer vertrouwt.
no-authority-this-computer-trusts-9bf7a28b = Geen enkele instantie die deze computer vertrouwt, staat ervoor in (zelfondertekend of een eigen instantie): je website zal het weigeren.
expired-or-not-valid-yet-5b17fef0 = Verlopen (of nog niet geldig): je website zal het weigeren.
issued-for-other-names-than-7a13a5e6 = Uitgegeven voor andere namen dan deze server: je website zal het weigeren.
issued-for-other-names-than-d98c0689 = Uitgegeven voor andere namen dan deze server: gebruik in plaats daarvan { $name } als server.
not-acceptable-your-website-will-e8804bfb = Niet acceptabel: je website zal het weigeren.
refused-problem-25d0d4f8 = Geweigerd: { $problem }
accepted-only-because-you-allowed-a802d3e1 = Alleen geaccepteerd omdat je ongeldige certificaten toestond; je website zal het weigeren: { $problem }
certificate-of-server-1a556eea = Certificaat van { $server }
issued-for-6714067b = Uitgegeven voor
subject-a07924ef = Onderwerp
issued-by-32d73b71 = Uitgegeven door
valid-from-5c4db35f = Geldig vanaf
valid-until-ae5379d5 = Geldig tot
key-cd1ac90c = Sleutel
it-signs-itself-self-signed-ffdfbb41 = Het ondertekent zichzelf (zelfondertekend).
close-cd86acc3 = Sluiten
the-server-showed-a-certificate-fc7f0c41 = De server liet een certificaat zien:
certificate-164f4d6c = Certificaat…

## src/gui/clipboard.rs

the-clipboard-holds-no-text-0e51ef9b = Er staat geen tekst op het klembord. Selecteer de foutmelding, kopieer hem (Ctrl+C) en klik dan opnieuw op Plakken en uitleggen.
could-not-read-the-clipboard-55ca3f2e = Kon het klembord niet lezen ({ $error }). Klik in het vak en druk in plaats daarvan op Ctrl+V.
could-not-read-the-clipboard-d8d75827 = Kon het klembord niet lezen ({ $error }).

## src/gui/countdown.rs

ways-out-663fc101 = Uitwegen
switch-to-azure-communication-services-5028f1c1 = Overstappen op Azure Communication Services…
fills-in-the-server-port-52b97455 = Vult de server, poort en SSL in; vul dan de SMTP-gebruikersnaam en het clientgeheim van de app in en test
test-oauth-sign-in-instead-6121b8ed = In plaats daarvan inloggen met OAuth testen…
switches-sign-in-to-microsoft-21e22962 = Zet Inlogmethode op Microsoft 365 (OAuth); vul de tenant, client-ID en het geheim van de app in en test

## src/gui/data.rs

background-work-failed-err-6348a5e0 = Werk op de achtergrond mislukt: { $err }
saved-the-profile-name-without-7601dd12 = Profiel "{ $name }" opgeslagen (zonder het wachtwoord).
renamed-old-to-new-81c2e66b = "{ $old }" hernoemd naar "{ $new }".
deleted-the-profile-name-02cadbdf = Profiel "{ $name }" verwijderd.
password-saved-in-the-system-caf1d26b = Wachtwoord opgeslagen in de sleutelhanger van het systeem.
password-removed-from-the-system-bf5241d1 = Wachtwoord verwijderd uit de sleutelhanger van het systeem.
the-system-keyring-had-no-79911590 = De sleutelhanger van het systeem had geen wachtwoord voor deze instellingen.
error-in-path-fb673a64 = { $error } (in { $path })

## src/gui/data_ui.rs

profile-cd17328e = Profiel
not-saved-0cbbe4ae = (niet opgeslagen)
no-saved-profiles-yet-8e93c7bf = Nog geen opgeslagen profielen
save-profile-2155f443 = Profiel opslaan…
keep-these-settings-under-a-6f00abd5 = Deze instellingen onder een naam bewaren (nooit het wachtwoord)
rename-8628af0d = Hernoemen…
delete-5797ea6a = Verwijderen
delete-this-profile-the-saved-9a91cae8 = Dit profiel verwijderen (het opgeslagen wachtwoord blijft in de sleutelhanger)
save-these-settings-as-a-baa6424a = Deze instellingen als profiel opslaan
rename-the-profile-108df4fd = Profiel hernoemen
profile-name-4a62f0b1 = Naam van het profiel
the-password-is-never-saved-847cc3d3 = Het wachtwoord wordt nooit in een profiel opgeslagen.
cancel-35afca3b = Annuleren
what-we-found-in-your-30b437af = Wat we in je web.config vonden
read-the-mail-settings-from-f888cdc5 = De mailinstellingen uit { $file } in het formulier zetten.
nothing-looks-wrong-in-the-d8199839 = Er lijkt niets mis met de mailinstellingen.
message-line-line-fdb1cbdf = { $message } (regel { $line })
how-to-fix-it-fix-2f1add2f = Zo los je het op: { $fix }
update-web-config-f17b814a = web.config bijwerken
these-changes-will-be-written-d79bed29 = Deze wijzigingen worden naar { $path } geschreven:
removed-414d3fcc = (verwijderd)
show-the-exact-lines-diff-28e9792f = De exacte regels tonen (diff)
a-copy-of-the-current-628d2468 = Er wordt eerst een kopie van het huidige bestand ernaast bewaard, en verder verandert er niets in het bestand.
write-the-changes-d520b72a = Wijzigingen schrijven

## src/gui/explain.rs

explain-an-error-message-cfdd1096 = Een foutmelding uitleggen
paste-the-error-your-website-a6f28df8 = Plak de fout die je website heeft gelogd (of het antwoord van de mailserver):
paste-and-explain-221ad80a = Plakken en uitleggen
puts-what-you-copied-ctrl-188d8686 = Zet wat je hebt gekopieerd (Ctrl+C) in het vak en legt het uit
explain-99127ffc = Uitleggen
nothing-is-sent-anywhere-a2469521 = Er wordt niets verstuurd.

## src/gui/find.rs

find-my-settings-784a8e8d = Mijn instellingen zoeken
servers-tried-1c7ebb43 = Geprobeerde servers
your-website-s-email-address-5928f99d = Het e-mailadres van je website (of de naam van je mailserver):
find-3e1cd17a = Zoeken
stop-4b7f7705 = Stoppen
tried-tried-trying-under-way-9d062519 = { $tried } geprobeerd, { $trying } bezig
we-look-up-where-your-a611819d = We zoeken op waar de mail van je domein heen gaat en kloppen bij elke server aan: er wordt geen e-mail verstuurd en geen wachtwoord verlaat deze computer.
stopped-before-every-server-answered-7abb5aa7 = Gestopt voordat elke server had geantwoord: hieronder staat wat er tot nu toe is gevonden.
no-server-answered-in-a-cacb09fc = Geen enkele server antwoordde op een manier die je website kan gebruiken.
found-settings-your-website-can-a1d43a43 = Instellingen gevonden die je website kan gebruiken
server-host-2b5c3c37 = Server (host)
port-e2c53cc6 = Poort
use-ssl-enablessl-8787f948 = SSL gebruiken (enableSsl)
use-these-settings-bdf41e24 = Deze instellingen gebruiken
host-port-port-security-08e4532b = { $host }   poort { $port }   { $security }
host-port-port-254b241f = { $host }   poort { $port }
trying-bbcf4a72 = bezig…
use-ba1c5c94 = Gebruiken
find-my-settings-d1ed1573 = Mijn instellingen zoeken…
don-t-know-your-server-e5f6d9ac = Weet je je server of poort niet, of niet of je SSL moet gebruiken? Zoek ze op aan de hand van je e-mailadres.

## src/gui/find_handle.rs

filled-in-server-host-port-6e89d92b = Ingevuld: server { $host }, poort { $port }, SSL gebruiken aan. Vul je gebruikersnaam en wachtwoord in en klik dan op Testmail versturen.
filled-in-server-host-port-c99c513f = Ingevuld: server { $host }, poort { $port }, SSL gebruiken uit. Vul je gebruikersnaam en wachtwoord in en klik dan op Testmail versturen.

## src/gui/find_sources.rs

can-this-computer-reach-host-7cb31d90 = Kan deze computer { $host } bereiken?
where-we-looked-count-c83eaeb4 = Waar we hebben gezocht ({ $count })

## src/gui/fleet.rs

save-the-csv-file-1dc67daf = Het CSV-bestand opslaan
save-the-html-page-c594c9af = De HTML-pagina opslaan
csv-file-8ff668ab = CSV-bestand
html-page-671c72fb = HTML-pagina
could-not-save-the-csv-e61ea1e5 = Kon het CSV-bestand niet opslaan ({ $error }). Kies een map waarin je mag schrijven: { $path }
could-not-save-the-html-7566ece5 = Kon de HTML-pagina niet opslaan ({ $error }). Kies een map waarin je mag schrijven: { $path }
the-csv-file-could-not-2a54ae9b = Het CSV-bestand kon niet worden gemaakt ({ $error }).
the-html-page-could-not-78e2bfa9 = De HTML-pagina kon niet worden gemaakt ({ $error }).
no-mail-server-to-contact-39076711 = Geen mailserver om contact mee te maken
check-a-folder-of-sites-5d3e10c1 = Een map met sites controleren
folder-with-the-sites-5c26d71c = Map met de sites
c-inetpub-vhosts-or-var-d1e18405 = C:\inetpub\vhosts  of  /var/www
choose-folder-6d5da010 = Map kiezen…
check-592c8de7 = Controleren
also-contact-the-mail-servers-b5893b4c = Ook contact maken met de mailservers
each-server-once-its-greeting-9b299859 = Elke server één keer: de begroeting, EHLO en STARTTLS. Geen inlog, geen e-mail. Uit: alleen oordelen op basis van de bestanden.
use-the-passwords-from-the-b045ac63 = De wachtwoorden uit de bestanden gebruiken
open-in-the-tester-also-84b1a791 = "Openen in de tester" vult ook het wachtwoord uit het bestand van de site in. Het blijft in het geheugen en wordt nooit opgeslagen.
reads-every-web-config-wp-d0337aab = Leest elke web.config, wp-config.php, .env en appsettings.json in de map. Er wordt niets gewijzigd, geen e-mail verstuurd, en wachtwoorden verlaten deze computer nooit.

## src/gui/fleet_handle.rs

no-folder-chosen-if-no-b4701bc1 = Geen map gekozen. Als er geen mapvenster verscheen, typ of plak dan het pad van de map in het vak.
this-site-does-not-sign-cae72903 = Deze site logt niet in. Klik op Testmail versturen.
the-password-from-its-file-297f8f04 = Het wachtwoord uit het bestand is ingevuld (alleen in het geheugen bewaard). Klik op Testmail versturen.
type-its-password-then-press-12e6e920 = Typ het wachtwoord en klik dan op Testmail versturen.
filled-in-the-settings-of-672072f8 = De instellingen van { $site } zijn ingevuld.
choose-the-folder-that-holds-61e3f817 = Kies de map met de sites

## src/gui/fleet_result.rs

stopped-before-the-end-sites-67c19f7b = Gestopt voor het einde: sites waarvan de server nog niet had geantwoord, staan op Onbekend.
no-site-with-mail-settings-b7ae3397 = Er is in deze map geen site met mailinstellingen gevonden. Controleer het pad, of kies de map waarin de mappen van de sites staan.
could-not-look-at-1-1b13a133 = Kon 1 pad niet bekijken
could-not-look-at-n-196912a3 = Kon { $n } paden niet bekijken
show-a7e50a92 = Tonen:
sites-broken-broken-at-risk-c4acd5f6 = { $sites }: { $broken } kapot, { $at_risk } met risico, { $unknown } onbekend, { $ok } OK.
servers-not-contacted-judged-from-378e4d23 = Geen contact gemaakt met servers: alleen beoordeeld op basis van de bestanden.
t-1-mail-server-contacted-adfd49ef = Contact gemaakt met 1 mailserver.
n-mail-servers-contacted-69c9f42f = Contact gemaakt met { $n } mailservers.
t-1-file-read-in-seconds-1095aef9 = 1 bestand gelezen in { $seconds } s.
n-files-read-in-seconds-a93bf25f = { $n } bestanden gelezen in { $seconds } s.
export-csv-83c354ed = CSV exporteren…
export-html-e3ab8eb8 = HTML exporteren…
without-passwords-b3ac77a1 = Zonder wachtwoorden.
no-file-chosen-if-no-f03e4b59 = Geen bestand gekozen. Als er geen bestandsvenster verscheen, typ dan waar het moet worden opgeslagen:
save-4d2d5d68 = Opslaan

## src/gui/fleet_rows.rs

no-site-with-the-ticked-a04a9538 = Geen site met de aangevinkte oordelen.
hide-this-server-s-sites-15babccc = De sites van deze server verbergen
show-this-server-s-sites-bb62a985 = De sites van deze server tonen
these-files-name-no-mail-83f851d8 = Deze bestanden noemen geen mailserver om contact mee te maken, of konden niet worden gelezen.
not-contacted-judged-from-the-f2af1eaf = Geen contact gemaakt: alleen beoordeeld op basis van de bestanden.
problem-problem-42bcd519 = Probleem: { $problem }
answered-in-ms-ms-726e94b1 = Antwoordde in { $ms } ms
starttls-offered-923d1843 = STARTTLS aangeboden
starttls-not-offered-c3ff6afa = STARTTLS niet aangeboden
after-methods-26067741 = daarna: { $methods }
open-in-the-tester-11edc94a = Openen in de tester
put-this-site-s-settings-8cf673b6 = De instellingen van deze site in het formulier zetten om hem stap voor stap te testen

## src/gui/fleet_words.rs

broken-65c915c0 = Kapot
at-risk-f7adc8fb = Risico
unknown-cc200e59 = Onbekend
n-broken-979d3c8c = { $n } kapot
n-at-risk-c43a32df = { $n } met risico
n-unknown-ceec02e5 = { $n } onbekend
n-ok-035d2d5b = { $n } OK
looking-for-sites-in-the-c98fc7bb = Sites in de map zoeken…
found-sites-judging-them-from-d4d88c3c = { $sites } gevonden; beoordelen op basis van de bestanden…
found-sites-using-servers-contacted-7bd3cb69 = { $sites } gevonden met { $servers }; contact gemaakt met { $contacted } van { $total }
n-sites-7e66b213 = { $n } sites
t-1-server-9bf9c617 = 1 server
n-servers-410e23c7 = { $n } servers

## src/gui/form.rs

server-6d7302f2 = Server
user-name-5a6db215 = Gebruikersnaam
usually-your-full-email-address-9d5ecf0a = meestal je volledige e-mailadres
from-18743595 = Van
send-the-test-to-5a257c61 = Test versturen naar
the-from-address-25355395 = (het Van-adres)
advanced-60f3de7b = Geavanceerd
provider-35a888dc = Provider
other-my-host-7c71a048 = Anders / mijn host
user-name-hint-0a0e0850 = Gebruikersnaam: { $hint }
a-website-using-asp-net-d19fb58d = Een website die ASP.NET (System.Net.Mail) gebruikt, kan niet inloggen bij deze provider.
show-29742e5c = Tonen
remember-in-the-system-keyring-308bc6da = Onthouden in de sleutelhanger van het systeem
after-a-test-signs-in-236d02df = Nadat een test heeft ingelogd, wordt het wachtwoord bewaard in de sleutelhanger van je systeem (nooit in een bestand) en ingevuld als je terugkomt bij deze instellingen.
forget-6e3fab8c = Vergeten
remove-the-saved-password-for-859341c3 = Het opgeslagen wachtwoord voor deze gebruiker, server en poort verwijderen
use-ssl-9cb78972 = SSL gebruiken
in-code-smtpclient-enablessl-71b94a47 = in code: SmtpClient.EnableSsl
encrypts-the-connection-with-starttls-e1630b78 = Versleutelt de verbinding met STARTTLS. ASP.NET 2.0–3.5 heeft geen enableSsl in web.config: de code van de site zet het aan met smtpClient.EnableSsl = true.
use-starttls-e899f629 = STARTTLS gebruiken
encrypts-the-connection-with-starttls-54a9c52e = Versleutelt de verbinding met STARTTLS, zoals "SecureSocketOptions": "StartTls" dat doet in appsettings.json. Bijna elke provider heeft het nodig op poort 587.
encrypts-the-connection-with-starttls-0497ed8d = Versleutelt de verbinding met STARTTLS, zoals enableSsl="true" dat doet in web.config. Bijna elke provider heeft het nodig op poort 587.
encrypts-the-connection-starttls-or-77dd1ba1 = Versleutelt de verbinding (STARTTLS, of SSL bij verbinden op poort 465). Bijna elke provider heeft het nodig.
stop-the-test-esc-7ef17032 = De test stoppen (Esc)
testing-19d1cb65 = Bezig met testen…
send-test-email-1fb39495 = Testmail versturen
sends-one-test-message-enter-66775012 = Verstuurt één testbericht (Enter)
or-press-enter-ca33bfe9 = of druk op Enter
fix-the-fields-marked-in-8a0ea9d4 = Verbeter de rood gemarkeerde velden om een test te versturen.
fill-in-the-server-the-e74fa0bd = Vul de server, de poort en het Van-adres in om een test te versturen.

## src/gui/form_advanced.rs

ehlo-name-2ccdfef0 = EHLO-naam
this-computer-s-name-f22607df = de naam van deze computer
sign-in-service-8784367b = Inlogdienst
the-provider-s-own-72f43ac3 = die van de provider
only-for-testing-against-another-a761009c = Alleen om te testen met een andere OAuth-server: https, of http op deze computer
connection-security-dd84debd = Verbindingsbeveiliging
automatic-from-use-ssl-3ad3100c = Automatisch (volgens SSL gebruiken)
ssl-on-connect-port-465-676e96b5 = SSL bij verbinden (poort 465)
no-encryption-f2785503 = Geen versleuteling
timeouts-seconds-fcbede65 = Time-outs (seconden)
connect-timeout-083bac06 = Time-out verbinden
greeting-timeout-0def4115 = Time-out begroeting
reply-timeout-c36384e8 = Time-out antwoord
reply-29931627 = antwoord
whole-test-timeout-e3df8c9b = Time-out hele test
whole-test-66553338 = hele test
final-reply-timeout-33be1638 = Time-out eindantwoord
final-reply-b01ca957 = eindantwoord
accept-an-invalid-certificate-3339b9cc = Een ongeldig certificaat accepteren
unsafe-an-impostor-could-read-7ecf6263 = Onveilig: een bedrieger zou je wachtwoord kunnen lezen. Je website weigert dit certificaat nog steeds.
extra-ca-file-c5e1ea27 = Extra CA-bestand
optional-pem-file-09b22b1b = optioneel .pem-bestand
browse-23b63f91 = Bladeren…
dns-server-68b7a757 = DNS-server
this-computer-s-or-e-9f499886 = die van deze computer (of bijv. 1.1.1.1)
used-by-find-my-settings-50a0518d = Gebruikt door Mijn instellingen zoeken, Komt het aan? en Mijn inbox controleren
target-platform-b913a5b3 = Doelplatform
other-program-php-node-python-371befb6 = Ander programma (PHP, Node, Python…)
asp-net-version-aeb36436 = ASP.NET-versie

## src/gui/form_rows.rs

called-attribute-in-web-config-fcc6f275 = Heet { $attribute } in web.config

## src/gui/form_state.rs

microsoft-365-oauth-7101a859 = Microsoft 365 (OAuth)
google-oauth-53d0542c = Google (OAuth)
access-token-7e4e0506 = Toegangstoken
enter-the-port-usually-587-bc12b1b6 = Vul de poort in, meestal 587.
port-text-is-not-a-7e466956 = "{ $port_text }" is geen poortnummer. Gebruik alleen cijfers, meestal 587.
enter-the-app-s-application-1e01288a = Vul de Application (client) ID van de app in, van de Overview-pagina van de App registration.
enter-the-directory-tenant-id-db565192 = Vul de Directory (tenant) ID in, of het domein van je organisatie (jouwbedrijf.onmicrosoft.com).
enter-the-app-s-client-b18ff566 = Vul het clientgeheim van de app in (de Value, niet de Secret ID).

## src/gui/handle.rs

enter-the-user-name-server-1e12f529 = Vul de gebruikersnaam, server en poort in waarvan je het opgeslagen wachtwoord wilt verwijderen.
the-test-cannot-start-yet-e05fd57a = De test kan nog niet beginnen: { $problem }
no-file-chosen-if-no-fae46c0e = Geen bestand gekozen. Als er geen bestandsvenster verscheen, typ dan het pad van het bestand in het veld Extra CA-bestand.
copied-the-transcript-to-the-f9f520d2 = Het transcript is naar het klembord gekopieerd.
copied-the-dns-record-to-c9d04e48 = Het DNS-record is naar het klembord gekopieerd.
copied-the-name-snippet-to-e9fe6390 = Het codefragment voor { $name } is naar het klembord gekopieerd.
copied-the-what-to-the-02208dc6 = Naar het klembord gekopieerd: { $what }.

## src/gui/inbox.rs

did-it-land-c25f3a39 = Is het aangekomen?
sign-in-to-the-mailbox-e5e08cf2 = Log in op de mailbox waar de test naartoe ging ({ $to }) om te zien of het bericht in de inbox of in de spam staat. We lezen alleen; er wordt niets verplaatst of verwijderd.
looking-for-the-message-up-e3335603 = Het bericht wordt gezocht (maximaal een minuut)…
check-my-inbox-again-5e2da85f = Mijn inbox opnieuw controleren
check-my-inbox-85ac2677 = Mijn inbox controleren
mailbox-imap-e60bf73b = Mailbox (IMAP)
imaps-user-server-or-imap-e956f350 = imaps://GEBRUIKER@SERVER, of imap:// voor STARTTLS op poort 143; voeg :POORT toe als het niet de gebruikelijke is
same-as-the-password-above-5b43a90a = Hetzelfde als het wachtwoord hierboven
used-for-this-check-only-ca6be08e = Alleen voor deze controle gebruikt; na een geslaagde inlog bewaard in de sleutelhanger van het systeem als "Onthouden in de sleutelhanger van het systeem" is aangevinkt
what-server-checked-e1e33d21 = Wat { $server } controleerde:
the-receiving-server-recorded-no-338af020 = De ontvangende server heeft geen controles in het bericht vastgelegd.

## src/gui/intro.rs

what-happens-when-you-send-1198026e = Wat er gebeurt als je een test verstuurt
the-test-does-what-your-1f59bc92 = De test doet wat je website doet als hij een e-mail verstuurt, stap voor stap, en laat elke stap zien terwijl hij gebeurt:
one-short-test-email-to-f92d9996 = één korte test-e-mail naar het adres bij "Test versturen naar" (of Van).
one-short-test-email-to-eca5f997 = één korte test-e-mail naar { $recipient }.
we-reach-your-mail-server-495a0766 = we maken contact met je mailserver, zoals je website dat doet.
we-switch-the-connection-to-305163c3 = we schakelen de verbinding over op versleuteling als SSL gebruiken is aangevinkt.
with-your-user-name-and-9eb23e32 = met je gebruikersnaam en wachtwoord.
with-a-token-from-microsoft-b5cb4671 = met een token van Microsoft of Google (OAuth), nooit via een onversleutelde verbinding.
if-a-step-fails-you-ed66c46a = Als een stap mislukt, zie je welke, wat het in gewone woorden betekent en wat je moet veranderen. Er wordt niets aan je website veranderd.
your-password-stays-yours-4243e865 = Je wachtwoord blijft van jou
it-goes-to-your-mail-9ee48a16 = Het gaat naar je mailserver en nergens anders heen, en alleen via een versleutelde verbinding: als het onversleuteld zou gaan, stopt de test en vraagt hij het je eerst.
it-is-never-put-in-43308fa9 = Het komt nooit in een profiel, het transcript of het rapport voor support. Vink "Onthouden in de sleutelhanger van het systeem" aan om het in de eigen wachtwoordopslag van je computer te bewaren, nooit in een bestand.

## src/gui/oauth.rs

enter-the-mailbox-user-name-18b33d9d = Vul eerst de mailbox (Gebruikersnaam) en de client-ID van de app in, en log dan in.
signed-in-as-mailbox-e71eccdc = Ingelogd als { $mailbox }.
the-sign-in-is-kept-4337c0cd = De inlog wordt bewaard in de sleutelhanger van je systeem.
signed-out-40c28a5d = Uitgelogd.
the-test-was-stopped-while-f10aa733 = de test werd gestopt tijdens het ophalen van het token

## src/gui/oauth_rows.rs

sign-in-7367eeb8 = Inlogmethode
how-the-test-signs-in-3e344752 = Hoe de test inlogt: met het wachtwoord, of met OAuth (een token van Microsoft of Google)
oauth-signing-in-through-microsoft-cb19300f = OAuth: inloggen via de eigen pagina van Microsoft of Google in plaats van met een wachtwoord. De web.config van ASP.NET kan dat niet; MailKit en de meeste mailbibliotheken voor PHP en Node.js wel.
paste-the-token-0ce3b5de = plak het token
client-secret-d28dcb8a = Clientgeheim
the-desktop-app-s-secret-2dfdf483 = het geheim van de desktop-app
sign-in-with-google-682701c4 = Inloggen met Google…
who-signs-in-4247d24c = Wie logt in
the-website-as-an-app-02a2655f = De website, als app
the-app-signs-in-as-5b39e6e4 = De app logt als zichzelf in met zijn clientgeheim (SMTP.SendAsApp)
a-person-in-the-browser-714d0c01 = Een persoon, in de browser
someone-signs-in-as-the-e07eb4a6 = Iemand logt één keer in als de mailbox; de inlog wordt bewaard in je sleutelhanger
sign-in-with-microsoft-64994ec3 = Inloggen met Microsoft…
its-value-not-its-id-06bfd85c = de Value, niet de ID
tenant-426f68c5 = Tenant
yourcompany-onmicrosoft-com-or-directory-91ce24c8 = jouwbedrijf.onmicrosoft.com of Directory ID
organizations-any-work-account-c56c7646 = organizations (elk werkaccount)
app-registrations-your-app-overview-0348d3e0 = App registrations → je app → Overview → Directory (tenant) ID
client-id-96a12137 = Client-ID
application-client-id-f1d13592 = Application (client) ID
app-registrations-your-app-overview-72eda20e = App registrations → je app → Overview → Application (client) ID
used-for-this-test-only-3fbe0f5f = Alleen voor deze test gebruikt: nooit opgeslagen, nooit getoond in het transcript
finish-signing-in-with-your-f04afc59 = Rond het inloggen af in je browser…
sign-out-8b4f3c70 = Uitloggen
opens-the-provider-s-sign-6717a1f1 = Opent de inlogpagina van de provider in je browser; log in als de mailbox bij Gebruikersnaam
the-sign-in-did-not-63711b82 = Het inloggen werkte niet: { $error }
the-token-is-renewed-at-78ac8950 = het token wordt bij de volgende test vernieuwd
the-token-is-valid-for-973c5181 = het token is nog { $minutes } minuten geldig
signed-in-as-who-138f6f7e = Ingelogd als { $who }

## src/gui/preferences.rs

system-8f3184bc = Systeem
language-9a73db9b = Taal
follow-system-becc0e51 = Systeem volgen
light-8ad2f8cf = Licht
dark-45570065 = Donker
theme-4eaf7c92 = Thema

## src/gui/renderer.rs

the-window-could-not-open-cb7ad439 = het venster kon niet openen: de grafische kaart van deze computer kon het niet tekenen ({ $reasons }).
on-a-remote-desktop-or-321b265b = Op een extern bureaublad of een virtuele machine helpt het meestal om het beeldschermstuurprogramma ervan te installeren

## src/gui/result.rs

the-server-s-exact-words-c34e0823 = De exacte woorden van de server
support-code-code-a1b3e83c = Supportcode: { $code }
what-to-do-cf2e345d = Wat te doen
the-fix-changes-bc2b32f8 = De oplossing verandert:
apply-fix-and-test-again-6eea585b = Oplossing toepassen en opnieuw testen
makes-this-change-in-the-38287995 = Voert deze wijziging door in het formulier en verstuurt de test opnieuw
send-it-unencrypted-this-once-010cab38 = Deze keer onversleuteld versturen
anyone-on-the-way-can-1fda01f6 = Iedereen onderweg kan het wachtwoord lezen. Alleen voor een server op je eigen privénetwerk.
certificate-details-5e455906 = Certificaatgegevens
valid-for-629b6506 = Geldig voor

## src/gui/snippet_view.rs

paste-this-into-your-web-7c7e7459 = Plak dit in je web.config
settings-for-program-60627db5 = Instellingen voor { $program }
the-password-is-left-out-447f0e55 = Het wachtwoord wordt weggelaten, tenzij je Wachtwoord opnemen aanvinkt: waar je het ook plakt, het staat daar als leesbare tekst.
note-warning-5dd61067 = Let op: { $warning }
copy-658f3664 = Kopiëren
save-as-03e14184 = Opslaan als…
update-my-web-config-d9b68a3c = Mijn web.config bijwerken…
writes-these-settings-into-your-5f324df6 = Schrijft deze instellingen in je web.config: toont eerst de wijzigingen en bewaart een reservekopie
include-password-7b82b9b8 = Wachtwoord opnemen

## src/gui/success.rs

only-mail-to-this-server-aecb3830 = Alleen mail naar de eigen adressen van deze server werkt
your-settings-work-8bc6b24c = Je instellingen werken
we-sent-a-test-email-5656f31c = We hebben een test-e-mail naar { $recipient } gestuurd. Controleer of hij is aangekomen (kijk ook in de spammap).
connected-to-host-on-port-a1c6e5aa = Verbonden met { $host } op poort { $port }
encrypted-with-version-0a72dfef = Versleuteld met { $version }
not-encrypted-anyone-on-the-d3a630f0 = Niet versleuteld: iedereen onderweg zou de mail kunnen lezen
signed-in-as-user-05784a15 = Ingelogd als { $user }
sent-without-signing-in-the-33fb939c = Verstuurd zonder in te loggen: de server bood geen inloggen aan
sent-without-signing-in-no-a843905d = Verstuurd zonder in te loggen (geen gebruikersnaam)
accepted-for-delivery-to-recipient-9abb98b5 = Geaccepteerd voor aflevering aan { $recipient }
warning-the-server-s-certificate-e72f89a1 = Waarschuwing: het certificaat van de server is niet geldig ({ $problem }). Het werkte alleen omdat je ongeldige certificaten toestond; je website controleert certificaten en zal mislukken.
warning-message-f4254d6c = Waarschuwing: { $message }
copy-the-block-below-into-dea0f3b9 = Kopieer het blok hieronder naar de web.config van je website, in plaats van het <mailSettings>-blok daarin, of klik op "Mijn web.config bijwerken…" om het voor je te laten doen: je ziet eerst elke wijziging, en er wordt een reservekopie bewaard.
copy-the-settings-below-into-e486c11e = Kopieer de instellingen hieronder naar de { $format }-configuratie van je site.
next-step-ab2acdfa = Volgende stap
message-id-of-the-test-711a564c = Message-ID van de test-e-mail
support-can-find-the-message-e18fff96 = Support kan het bericht met deze ID terugvinden in het logboek van de server

## src/gui/transcript.rs

what-the-server-said-638c3d94 = Wat de server zei
hide-the-server-s-replies-2f842b13 = De antwoorden van de server verbergen
show-every-line-we-sent-62404205 = Elke regel tonen die we stuurden en die de server antwoordde
nothing-yet-739865dc = nog niets
t-1-line-99481766 = 1 regel
n-lines-bb656540 = { $n } regels
copy-transcript-d97cf946 = Transcript kopiëren
save-transcript-a1c4eb5a = Transcript opslaan…
export-report-ce65b191 = Rapport exporteren…
everything-support-needs-settings-withou-94ba8f25 = Alles wat support nodig heeft (instellingen zonder het wachtwoord, de stappen, dit transcript, de diagnose) in één bestand
report-in-english-18ddea6e = Rapport in het Engels
write-the-exported-report-in-e4a59e7d = Het geëxporteerde rapport in het Engels schrijven, voor een supportafdeling die Engels leest
we-sent-2e66b91d = wij stuurden
the-server-answered-039e870e = de server antwoordde
encrypted-3e8df1b3 = versleuteld
passwords-are-always-hidden-2bfd5e9e = Wachtwoorden worden altijd verborgen.

## src/gui/widgets.rs

passed-513cb799 = geslaagd
failed-e0accfb4 = mislukt
not-started-8652f4af = niet gestart
stopped-6ee2f34e = gestopt

## src/gui/window.rs

testing-each-step-appears-above-5613518e = Bezig met testen… elke stap verschijnt hierboven zodra hij gebeurt. Esc stopt de test.
no-file-chosen-if-no-67413e16 = Geen bestand gekozen. Als er geen bestandsvenster verscheen, typ dan het pad van het bestand:
open-538b10e9 = Openen
check-your-website-s-email-f8812c32 = Controleer de e-mailinstellingen van je website
open-web-config-870dc6bb = web.config openen…
read-the-mail-settings-from-9d389da1 = De mailinstellingen uit de web.config van je website lezen en controleren
explain-an-error-message-f540b236 = Een foutmelding uitleggen…
paste-an-error-your-website-7a5917ae = Plak een fout die je website heeft gelogd en zie wat hij betekent
check-a-folder-of-sites-5325d3c7 = Een map met sites controleren…
for-hosting-support-check-the-059107c7 = Voor hostingsupport: de mailinstellingen van elke site in een map controleren

## src/gui/worker.rs

could-not-read-the-certificate-e1c222cf = Kon het bestand met de certificaatinstantie { $path } niet lezen: { $error }
choose-a-certificate-authority-file-3507bf9e = Kies een bestand met een certificaatinstantie (PEM of DER .cer)
certificates-b88e4cd9 = Certificaten
choose-your-website-s-web-fed75ade = Kies de web.config van je website
could-not-save-path-error-2fc229b5 = Kon { $path } niet opslaan: { $error }

## src/inbox/address.rs

address-is-not-a-mailbox-a8a2d761 = "{ $address }" is geen mailboxadres.
address-is-not-an-imap-87f3b3a9 = "{ $address }" is geen IMAP-adres ({ $scheme }:// is niet imap:// of imaps://).
address-names-no-user-6dbe8a93 = "{ $address }" noemt geen gebruiker.
the-user-name-in-address-e96b48c9 = de gebruikersnaam in "{ $address }" is geen geldige tekst
write-it-as-imaps-you-314853c0 = Schrijf het als imaps://jij@example.com@mail.example.com (of imap:// voor STARTTLS op poort 143), met :POORT aan het eind als het niet de gebruikelijke is.
port-is-not-a-port-50e1e439 = "{ $port }" is geen poortnummer in "{ $address }".
host-is-not-a-server-acc5f8a4 = "{ $host }" is geen servernaam in "{ $address }".

## src/inbox/auth_results.rs

your-domain-d4d84782 = je domein
spf-passed-domain-allows-the-f0dc7d76 = SPF geslaagd: { $domain } staat de server toe waarmee je verstuurt.
spf-failed-domain-s-spf-9e04f3b1 = SPF mislukt: het SPF-record van { $domain } noemt de server waarmee je verstuurt niet. Voeg hem toe aan het record (zie "Komt het aan?").
spf-gave-no-answer-domain-a747cf7d = SPF gaf geen antwoord: { $domain } heeft geen SPF-record dat deze server dekt.
dkim-passed-the-message-carries-353f6e76 = DKIM geslaagd: het bericht draagt een geldige handtekening van { $by }.
dkim-the-message-was-not-0e73bd88 = DKIM: het bericht was niet ondertekend. Vraag je mailprovider om mail voor je domein te ondertekenen (zie "Komt het aan?").
dkim-failed-the-signature-did-9a245af3 = DKIM mislukt: de handtekening klopte niet. De sleutel in de DNS is misschien fout of oud, of het bericht is onderweg veranderd.
dmarc-passed-spf-or-dkim-bdd3a284 = DMARC geslaagd: SPF of DKIM staat in voor { $domain }, het domein in het Van-adres.
dmarc-failed-neither-spf-nor-83c62bd1 = DMARC mislukt: SPF noch DKIM staat in voor { $domain }, het domein in het Van-adres. Strenge ontvangers weigeren zulke mail of zetten hem in de spam.
dmarc-domain-publishes-no-dmarc-cb1108db = DMARC: { $domain } publiceert geen DMARC-beleid.

## src/inbox/connect.rs

the-server-s-address-eb391f39 = het adres van de server
the-name-could-not-be-715c1245 = de naam is niet gevonden: { $err }
the-name-has-no-address-0b96332a = de naam heeft geen adres
the-connection-0a94c3e4 = de verbinding
no-answer-1b68d598 = geen antwoord
the-extra-certificate-authority-why-6ee7e4ae = de extra certificaatinstantie: { $why }
the-secure-connection-f2e42ff7 = de versleutelde verbinding
the-server-s-certificate-is-d5b84a6b = het certificaat van de server is geweigerd: { $problem }
its-greeting-d101260c = de begroeting
it-said-line-26370539 = hij zei { $line }
the-answer-to-starttls-1c42645c = het antwoord op STARTTLS

## src/inbox/dkim_verify.rs

we-could-not-read-the-8bff80f5 = We konden het ontvangen bericht niet lezen, dus we hebben de DKIM-handtekening niet gecontroleerd.
domain-selector-selector-259d61a2 = { $domain } (selector { $selector })
an-unreadable-signer-c03eb599 = een onleesbare ondertekenaar
signature-of-who-valid-and-317faecf = Handtekening van { $who }: geldig, en het is je domein.
signature-of-who-valid-but-6e9cadc2 = Handtekening van { $who }: geldig, maar het is niet je Van-domein, dus telt hij niet voor DMARC.
signature-of-who-not-valid-4fd1744c = Handtekening van { $who }: niet geldig ({ $why }).
the-message-carries-no-dkim-6afdb83b = Het bericht draagt geen DKIM-handtekening: alleen SPF staat ervoor in dat het van { $from_domain } komt. Vraag je mailprovider om mail voor je domein te ondertekenen.
we-checked-the-dkim-signature-960b59a9 = We hebben de DKIM-handtekening zelf gecontroleerd: hij is geldig en gemaakt voor { $from_domain }.
we-checked-the-dkim-signature-5e3c1afb = We hebben de DKIM-handtekening zelf gecontroleerd: hij is geldig, maar gemaakt voor een ander domein dan { $from_domain }, dus DMARC telt hem niet mee. Vraag je mailprovider om met je eigen domein te ondertekenen.
we-checked-the-dkim-signature-c981209c = We hebben de DKIM-handtekening zelf gecontroleerd: hij klopt niet. De sleutel in de DNS ontbreekt misschien, is fout of oud, of het bericht is na het ondertekenen veranderd.

## src/inbox/look.rs

the-sign-in-08ff0207 = het inloggen
the-goodbye-1beab177 = het afscheid
the-folder-list-485d2008 = de lijst met mappen
a-search-9f153ff8 = een zoekopdracht
the-message-46d7a413 = het bericht

## src/inbox/recorder.rs

the-server-sent-more-than-3d108539 = de server stuurde meer dan { $mib } MiB

## src/inbox/request.rs

there-is-no-message-to-946f0846 = er is geen bericht om naar te zoeken: verstuur eerst een testbericht
no-password-for-the-mailbox-ab7ec000 = geen wachtwoord voor de mailbox { $mailbox }: geef het op (het is het wachtwoord waarmee je die mail leest), of sla het op in de sleutelhanger
could-not-reach-the-mailbox-597a7a79 = kon de mailboxserver { $server } niet bereiken ({ $detail }). Controleer de servernaam en de poort: mail lezen via IMAP gebruikt meestal poort 993 (imaps://)
the-mailbox-server-server-did-3e98494f = de mailboxserver { $server } antwoordde niet op tijd ({ $what }). Controleer de poort: IMAP is 993 (imaps://) of 143 (imap://)
server-did-not-greet-like-b39a23e0 = { $server } begroette niet zoals een mailboxserver (IMAP); hij zei "{ $said }". Controleer de poort: IMAP is 993 (imaps://) of 143 (imap://)
server-does-not-offer-encryption-8e8159fd = { $server } biedt geen versleuteling aan (STARTTLS), en we versturen een mailboxwachtwoord nooit onversleuteld. Gebruik in plaats daarvan imaps:// (poort 993)
the-secure-connection-to-the-e384af7d = de versleutelde verbinding met de mailboxserver { $server } is mislukt: { $detail }. Controleer de servernaam: die moet de naam op het certificaat van de server zijn
the-mailbox-server-refused-the-13077228 = de mailboxserver weigerde de inlog voor { $user } (hij zei: { $said }). Controleer de gebruikersnaam en het wachtwoord van de mailbox; Gmail, Outlook.com en Yahoo hebben een app-wachtwoord nodig voor IMAP
the-mailbox-server-server-broke-eb86759c = de mailboxserver { $server } brak het gesprek af ({ $detail }); probeer het opnieuw
the-inbox-check-was-stopped-cd7a71c8 = de controle van de inbox is gestopt

## src/inbox/summary.rs

folders-searched-folders-1c7d04a2 = Doorzochte mappen: { $folders }
the-receiving-server-s-own-20faa33e = De eigen controles van de ontvangende server ({ $server }):
the-receiving-server-added-no-6d611c08 = De ontvangende server heeft geen Authentication-Results-header toegevoegd.
the-mailbox-imap-exchange-the-f338cc52 = De uitwisseling met de mailbox (IMAP); het wachtwoord staat er als `<redacted>`:

## src/inbox/texts.rs

secs-s-4a22e02a = { $secs } s
min-min-secs-s-f096bf18 = { $min } min { $secs } s
arrived-in-the-inbox-after-8bc39958 = Na { $after } aangekomen in de inbox
arrived-but-in-the-spam-1de42805 = Aangekomen, maar in de spammap "{ $folder }" (na { $after })
arrived-in-the-folder-folder-35e97e8b = Aangekomen in de map "{ $folder }" (na { $after })
not-in-the-mailbox-after-71030de0 = Na { $waited } niet in de mailbox
the-test-message-is-in-6dbcd158 = Het testbericht staat in de inbox van { $mailbox }: mail van je website komt aan in deze mailbox.
the-test-message-is-in-3dae80e1 = Het testbericht staat in de inbox van { $mailbox }, maar { $failed } mislukte bij de ontvangende server, dus strengere providers zetten je mail misschien in de spam of weigeren hem. Los op wat "Komt het aan?" noemt.
the-receiving-server-took-the-bc6c3316 = De ontvangende server nam het bericht aan, maar zette het bij de spam, dus je klanten zouden het waarschijnlijk niet zien. Een testbericht met weinig tekst kan op zichzelf al op spam lijken; als de afzendercontroles slagen ("Komt het aan?"), probeer het dan opnieuw met een echt bericht.
the-receiving-server-took-the-4fbfd2f0 = De ontvangende server nam het bericht aan, maar zette het bij de spam, dus je klanten zouden het waarschijnlijk niet zien. { $failed } mislukte bij de ontvangende server; los op wat "Komt het aan?" noemt.
the-message-arrived-but-a-52287da8 = Het bericht is aangekomen, maar een regel of de sortering van de provider zette het buiten de inbox van { $mailbox }. Controleer de filters van die mailbox.
the-server-accepted-the-message-f14a3b33 = De server accepteerde het bericht, maar het staat nog in geen enkele map van { $mailbox }. Misschien is het nog onderweg (sommige providers houden mail van nieuwe afzenders een paar minuten vast), of de ontvangende server heeft het weggegooid; dat gebeurt met mail die niet door DMARC komt. Los op wat "Komt het aan?" noemt en kijk later nog eens.

## src/main.rs

could-not-start-the-async-ae605e37 = de asynchrone runtime kon niet starten: { $error }. Start het programma opnieuw; blijft het misgaan, start dan de computer opnieuw op.
the-command-line-still-works-88e1eb57 = De opdrachtregel werkt nog wel: voer `mailtester --help` uit in een terminal.
mail-settings-tester-stopped-because-7bd107e2 =
    Mail Settings Tester is gestopt door een fout in het programma:
    
    { $info }
    
    Meld deze fout alsjeblieft. Je instellingen en je web.config zijn hierdoor niet gewijzigd.

## src/oauth/browser.rs

could-not-start-program-err-c926f9f2 = kon { $program } niet starten: { $err }
could-not-open-the-browser-8f2eb5ab = kon de browser niet openen: { $err }

## src/oauth/delegated/loopback.rs

signed-in-96a90eb4 = Ingelogd
you-are-signed-in-8474ca05 = Je bent ingelogd
go-back-to-mail-settings-e45459c9 = Ga terug naar Mail Settings Tester; je kunt dit tabblad sluiten.
not-signed-in-207a7281 = Niet ingelogd
the-sign-in-did-not-a5001dd2 = Het inloggen is niet afgerond
go-back-to-mail-settings-a9487dbc = Ga terug naar Mail Settings Tester om te zien waarom.
this-computer-7d16e2ca = deze computer
no-local-port-for-the-8c4615f3 = geen lokale poort voor het antwoord: { $err }
the-browser-1438c45c = de browser
nobody-finished-signing-in-within-20659f29 = niemand heeft het inloggen binnen { $minutes } minuten afgerond
the-sign-in-service-abe06b84 = de inlogdienst

## src/oauth/delegated.rs

it-is-not-a-web-fec0fdd4 = het is geen webadres
google-s-device-sign-in-69660ca8 = Het inloggen via een apparaat van Google geldt niet voor Gmail; log in plaats daarvan in met de browser
the-sign-in-was-cancelled-64875541 = het inloggen is geannuleerd
it-is-not-a-token-0b50914d = het is geen token ({ $err }; het begint met: { $start })

## src/oauth/http.rs

could-not-set-up-the-aaf86338 = kon het verzoek niet opzetten ({ $err })
the-sign-in-service-sent-89d2de25 = de inlogdienst stuurde het verzoek ergens anders heen (een omleiding); controleer het inlogadres
the-answer-is-far-too-e9884875 = het antwoord is veel te lang
the-request-failed-4ffdf862 = het verzoek is mislukt
the-request-failed-cause-1236b7f3 = het verzoek is mislukt: { $cause }

## src/oauth/obtain.rs

nobody-has-signed-in-to-37587b50 = er heeft nog niemand voor deze mailbox ingelogd bij { $provider }

## src/oauth/stored.rs

the-keyring-call-stopped-8c77a1a6 = de aanroep van de sleutelhanger is gestopt

## src/oauth/token.rs

the-sign-in-address-url-8e70f991 = het inlogadres { $url } kan niet worden gebruikt: { $reason }
the-sign-in-service-said-aca24dc5 = de inlogdienst zei nee ({ $status }): { $error }: { $description }
could-not-reach-the-sign-81f7b750 = kon de inlogdienst op { $url } niet bereiken: { $detail }
the-sign-in-service-s-4e88083d = het antwoord van de inlogdienst ({ $status }) is geen token: { $detail }
it-is-not-encrypted-http-70ccccea = het is niet versleuteld (http); gebruik https (gewoon http is alleen voor testservers op deze computer zelf)
it-must-start-with-https-5c0a06da = het moet beginnen met https://
the-tenant-must-be-a-6ffd19f8 = de tenant moet een Directory (tenant) ID of een domein zijn
it-sends-the-request-elsewhere-b0c05c70 = het stuurt het verzoek ergens anders heen (een omleiding); controleer het inlogadres
no-answer-within-secs-s-1f175672 = geen antwoord binnen { $secs } s
it-is-not-json-it-d2533db5 = het is geen JSON (het begint met: { $start })
it-holds-no-access-token-87ff2e3b = er staat geen access_token in

## src/profiles/error.rs

name-cannot-be-a-profile-1c2058f8 = "{ $name }" kan geen profielnaam zijn: { $reason }. Gebruik 1 tot 64 tekens, zonder / of \.
there-is-no-profile-named-96654469 = Er is geen profiel met de naam "{ $name }".
a-profile-named-name-already-d0bba1c2 = Er bestaat al een profiel met de naam "{ $name }"; verwijder het eerst of kies een andere naam.
the-profiles-file-could-not-ece19bdb = Het profielenbestand kon niet worden gelezen ({ $reason }). Het is opzijgezet zodat er niets verloren gaat, en de profielen beginnen leeg. Om ze terug te krijgen, herstel je het verplaatste bestand en hernoem je het naar { $path }. Verplaatst naar: { $moved_to }
the-profiles-file-was-written-0aaf22c6 = Het profielenbestand is geschreven door een nieuwere versie van Mail Settings Tester (formaat { $version }), dus het is ongewijzigd gelaten. Werk de tester bij om deze profielen te gebruiken. Bestand: { $path }
could-not-find-a-folder-07b751fa = Kon op deze computer geen map voor instellingen vinden. Zet MAILTESTER_CONFIG_DIR op een map om daar profielen te bewaren.
could-not-write-these-settings-3df3fd97 = Kon deze instellingen niet in het profielenbestand schrijven: { $arg0 }
could-not-read-the-profiles-c7de2c87 = Kon het profielenbestand niet lezen ({ $source }). Bestand: { $path }
could-not-write-the-profiles-1ce1bb90 = Kon het profielenbestand niet schrijven ({ $source }). Bestand: { $path }
could-not-create-the-folder-4efa6b11 = Kon de map van het profielenbestand niet maken ({ $source }). Bestand: { $path }
could-not-move-the-damaged-be405c05 = Kon het beschadigde profielenbestand niet opzijzetten ({ $source }). Bestand: { $path }

## src/profiles/file.rs

it-is-not-utf-8-85ed6edc = het is geen UTF-8-tekst
it-is-not-a-regular-be41867a = het is geen gewoon bestand (een map, een named pipe of een apparaat); verwijder het of zet MAILTESTER_CONFIG_DIR op een andere map
it-is-size-bytes-more-56c17071 = het is { $size } bytes, meer dan de { $limit } die een profielenbestand mag zijn; verplaats het
message-on-line-line-acff43e5 = { $message }, op regel { $line }

## src/profiles/name.rs

it-is-empty-08105609 = het is leeg
it-is-longer-than-limit-6c17a8c5 = het is langer dan { $limit } tekens
it-contains-or-e7d2f6a5 = het bevat / of \
it-contains-a-control-character-5c5ebcc6 = het bevat een stuurteken (zoals een tab of een nieuwe regel)
it-starts-or-ends-with-a95ee32d = het begint of eindigt met een spatie
it-is-or-bede7ef9 = het is . of ..

## src/providers/data/google_microsoft.rs

google-admin-console-apps-google-7b12704d = Google Admin console → Apps → Google Workspace → Gmail → Authenticate email
microsoft-defender-portal-email-authenti-242e8ce3 = Microsoft Defender-portal → Email authentication settings → DKIM → je domein
your-full-gmail-or-google-de2da620 = je volledige Gmail- of Google Workspace-adres
gmail-needs-an-app-password-1aed7515 = Gmail heeft een app-wachtwoord nodig: zet Verificatie in 2 stappen aan, maak er dan een aan op myaccount.google.com/apppasswords (de pagina Beveiliging linkt er niet meer naar) en gebruik het als wachtwoord. Google accepteert het gewone wachtwoord niet meer vanuit mailprogramma's: sinds mei 2022 voor persoonlijke accounts en sinds september 2024 voor Google Workspace-accounts.
gmail-needs-an-app-password-eeb1384d = Gmail heeft een app-wachtwoord nodig: zet Verificatie in 2 stappen aan in je Google-account, open dan myaccount.google.com/apppasswords (de pagina Beveiliging linkt er niet meer naar), maak een app-wachtwoord aan en plak de 16 letters zonder spaties in `password`. Gebruik je volledige Gmail-adres als `userName`.
gmail-sends-only-from-your-3412ea1e = Gmail verstuurt alleen vanaf je eigen adres of een adres dat is toegevoegd onder Settings → Accounts → "Send mail as" (Instellingen → Accounts → "Mail verzenden als"): zet `from` op een van die adressen.
a-google-workspace-address-or-b5610000 = een Google Workspace-adres, of niets als de relay het IP-adres van je server toestaat
for-google-workspace-only-your-d5440b81 = Alleen voor Google Workspace. Je beheerder zet de SMTP-relayservice aan (Admin console → Apps → Google Workspace → Gmail → Routing) en laat óf het IP-adres van je webserver toe (laat dan de gebruikersnaam en het wachtwoord leeg), óf SMTP-verificatie (gebruik dan een Workspace-adres en het app-wachtwoord daarvan).
the-google-workspace-smtp-relay-a2c2fb4c = De SMTP-relay van Google Workspace moet worden aangezet door je Workspace-beheerder (Admin console → Apps → Google Workspace → Gmail → Routing → SMTP relay service). Vraagt die om SMTP-verificatie, gebruik dan een Workspace-adres als `userName` en een app-wachtwoord van myaccount.google.com/apppasswords als `password`; staat hij in plaats daarvan het IP-adres van je server toe, laat ze dan allebei leeg.
the-google-workspace-smtp-relay-499576b2 = De SMTP-relay van Google Workspace verstuurt alleen vanaf de adressen die je beheerder in de instellingen heeft toegestaan (meestal die van je Workspace-domeinen): zet `from` op een daarvan.
the-relay-lets-in-only-6d18d14f = De relay laat alleen de IP-adressen of de inlog toe die je beheerder in de instellingen van de SMTP-relayservice heeft toegestaan, dus een test vanaf een andere computer mislukt, tenzij die inlogt. Zet ook `clientDomain` op de domeinnaam van je website: Google weigert misschien een kale computernaam zoals `localhost`.
your-full-microsoft-365-email-7d9ec067 = je volledige Microsoft 365-e-mailadres
your-admin-must-switch-on-373c5280 = Je beheerder moet "Authenticated SMTP" (SMTP AUTH) aanzetten voor de organisatie en voor deze mailbox; het staat standaard uit voor organisaties die na januari 2020 zijn aangemaakt, en de security defaults van Microsoft Entra blokkeren het. Microsoft zet het eind december 2026 ook voor bestaande organisaties standaard uit (beheerders kunnen het weer aanzetten) en maakt in de tweede helft van 2027 de definitieve datum van verwijdering bekend. ASP.NET kan het inloggen met OAuth dat ervoor in de plaats komt niet: plan een SMTP-relay (connector), High Volume Email, Azure Communication Services of MailKit met OAuth.
microsoft-365-use-the-mailbox-2818490c = Microsoft 365: gebruik het volledige adres van de mailbox als `userName`. Inloggen voor mailprogramma's ("Authenticated SMTP") moet voor deze mailbox zijn toegestaan: je beheerder zet het aan in het Microsoft 365-beheercentrum onder Users → Active users → Mail → Manage email apps. De security defaults van Microsoft Entra (de standaard inlogbeveiliging van Microsoft) blokkeren het voor de hele organisatie, hoe die schakelaar ook staat.
microsoft-365-sends-only-as-8f158b7a = Microsoft 365 verstuurt alleen als de ingelogde mailbox, tenzij je beheerder "Send As"-machtiging (Verzenden als) geeft: zet `from` op het adres in `userName`.
or-if-password-sign-in-b9a28d6a = Of, als inloggen met een wachtwoord uit blijft, vraag je Microsoft 365-beheerder om een van deze andere manieren (de mailverzender van je website, System.Net.Mail, kan geen OAuth, de inlogmethode die Microsoft 365 voor mailprogramma's overhoudt):
an-smtp-relay-your-admin-9f556ed6 = Een SMTP-relay: je beheerder maakt een connector voor het vaste IP-adres van de webserver; zet dan `host` op de MX-host van je domein (die eindigt op `mail.protection.outlook.com`), `port` op `25`, en laat `userName` en `password` leeg.
high-volume-email-hve-a-c7d229de = High Volume Email (HVE): een Microsoft 365-account voor programma's dat nog wel met een wachtwoord inlogt (`host` `smtp-hve.office365.com`, `port` `587`), bedoeld voor mail aan de mailboxen van je eigen organisatie.
azure-communication-services-microsoft-s-c039b80d = Azure Communication Services: de verzenddienst van Microsoft (`host` `smtp.azurecomm.net`, `port` `587`), die inlogt met een gebruikersnaam en een app-geheim dat je website kan gebruiken.
mailkit-your-developer-moves-the-6e937e4f = MailKit: je ontwikkelaar zet de verzendcode over naar MailKit, dat met OAuth kan inloggen.
direct-send-a-host-ending-9a983c0c = Direct send (een `host` die eindigt op `mail.protection.outlook.com`) gebruikt geen inlog: laat `userName` en `password` leeg en gebruik `port` `25`. Het levert alleen af bij mailboxen van je eigen organisatie; om andere adressen te bereiken, log je in op `smtp.office365.com` op poort `587`, of vraag je je beheerder om een connector (SMTP-relay).
direct-send-needs-port-25-5dd62ff9 = Direct send heeft poort `25` nodig, open van de webserver naar Microsoft 365, en veel hostingbedrijven blokkeren die. Is hij geblokkeerd, log dan in plaats daarvan in op `smtp.office365.com` op poort `587`.
your-full-outlook-com-or-1cbd12a8 = je volledige Outlook.com- of Hotmail-adres
since-16-september-2024-personal-6a3f18b4 = Sinds 16 september 2024 accepteren persoonlijke Outlook.com- en Hotmail-accounts geen wachtwoord meer om te versturen, alleen het inloggen met OAuth van Microsoft, en dat kan een website met web.config niet. Verstuur de mail van je site in plaats daarvan via een andere provider.
outlook-com-and-hotmail-stopped-6940ffd7 = Outlook.com en Hotmail accepteren sinds september 2024 geen wachtwoorden meer vanuit programma's: ze willen een moderne inlog (OAuth) die ASP.NET niet kan. Verstuur de mail van je website via een andere dienst, of vraag je ontwikkelaar om over te stappen op MailKit.
outlook-com-sends-only-from-eff7815a = Outlook.com verstuurt alleen vanaf het ingelogde adres: zet `from` op `userName`.
send-your-website-s-mail-0dffe9c3 = Verstuur de mail van je website via een dienst die nog wel een wachtwoord accepteert, zoals de mailserver van je hostingbedrijf of een verzenddienst (SendGrid, Mailgun, Brevo en anderen staan in de lijst met providers), en verander `host`, `userName` en `password` in de waarden daarvan.

## src/providers/data/hosting.rs

your-full-email-address-f7f06033 = je volledige e-mailadres
use-your-full-email-address-061b9f4b = Gebruik je volledige e-mailadres en het wachtwoord van de mailbox. GoDaddy noemt poort 465, en die kan ASP.NET niet gebruiken, dus hier wordt 587 gebruikt; is je GoDaddy-e-mail een Microsoft 365-abonnement, kies dan in plaats daarvan Microsoft 365.
godaddy-email-use-your-full-f5fec946 = GoDaddy-e-mail: gebruik je volledige e-mailadres als `userName` en het wachtwoord van de mailbox, met `host` op `smtpout.secureserver.net`. Is je GoDaddy-e-mail een Microsoft 365-abonnement, gebruik dan in plaats daarvan de Microsoft 365-instellingen (`smtp.office365.com`).
none-leave-the-user-name-d1d66dc0 = geen: laat de gebruikersnaam en het wachtwoord leeg
for-websites-on-godaddy-s-aedab5ae = Voor websites op de Windows-hosting (Plesk) van GoDaddy: de relay neemt alleen mail aan van de eigen hostingservers van GoDaddy, op poort 25, zonder inloggen of SSL. Een test vanaf elke andere computer, ook deze, mislukt zelfs als deze instellingen kloppen; gebruik vanaf andere plekken in plaats daarvan de server van je mailbox, smtpout.secureserver.net (GoDaddy Workspace-e-mail).
godaddy-s-hosting-relay-relay-bf34dea5 = De hostingrelay van GoDaddy (`relay-hosting.secureserver.net`) gebruikt geen inlog: laat `userName` en `password` leeg, met `port` op `25` en `enableSsl` op `false`.
godaddy-s-hosting-relay-takes-3c847b9e = De hostingrelay van GoDaddy neemt alleen mail aan van websites op de eigen Windows-hosting (Plesk) van GoDaddy: een test vanaf elke andere computer, ook deze, wordt geweigerd of krijgt geen antwoord, zelfs als de instellingen kloppen. Om vanaf een andere plek te versturen, gebruik je de server van je GoDaddy-mailbox, `smtpout.secureserver.net`, op poort `587` met het wachtwoord daarvan.
use-your-full-email-address-9cc07a72 = Gebruik je volledige e-mailadres en het wachtwoord van de mailbox. Dit is de Amerikaanse server; gebruik smtp.ionos.de of smtp.ionos.co.uk als je contract in Duitsland of het VK is.
ionos-use-the-full-email-b3c824d1 = IONOS: gebruik het volledige e-mailadres als `userName` en het wachtwoord van de mailbox, met de server van het land van je contract als `host` (`smtp.ionos.com`, `smtp.ionos.de` of `smtp.ionos.co.uk`).
always-use-ssl0-ovh-net-fc352534 = Gebruik altijd ssl0.ovh.net, niet mail.jouwdomein of een andere alias: het certificaat van de server is alleen geldig voor ssl0.ovh.net.
ovhcloud-use-the-full-email-1d5e0353 = OVHcloud: gebruik het volledige e-mailadres als `userName` en het wachtwoord van de mailbox, met `host` op `ssl0.ovh.net` (de naam waarvoor het certificaat geldig is).

## src/providers/data/mailboxes.rs

your-full-yahoo-address-d7cae787 = je volledige Yahoo-adres
yahoo-needs-an-app-password-5227ae49 = Yahoo heeft een app-wachtwoord nodig: maak er een aan in de beveiligingsinstellingen van je Yahoo-account en gebruik het als wachtwoord. Yahoo noemt poort 465, en die kan ASP.NET niet gebruiken, dus hier wordt 587 gebruikt.
yahoo-needs-an-app-password-a9531010 = Yahoo heeft een app-wachtwoord nodig: open in je Yahoo-account Account security → Generate app password, en gebruik het als `password` met je volledige Yahoo-adres als `userName`.
yahoo-sends-only-from-the-63878b23 = Yahoo verstuurt alleen vanaf het ingelogde adres: zet `from` op je Yahoo-adres.
your-full-aol-address-fa50843b = je volledige AOL-adres
aol-needs-an-app-password-41c701d9 = AOL heeft een app-wachtwoord nodig: maak er een aan in de beveiligingsinstellingen van je AOL-account (Generate app password) en gebruik het als wachtwoord. AOL noemt poort 465, en die kan ASP.NET niet gebruiken, dus hier wordt 587 gebruikt.
aol-needs-an-app-password-a20054d0 = AOL heeft een app-wachtwoord nodig: open in je AOL-account Account security → Generate app password, en gebruik het als `password` met je volledige AOL-adres als `userName`.
aol-sends-only-from-the-a21f14e3 = AOL verstuurt alleen vanaf het ingelogde adres: zet `from` op je AOL-adres.
your-full-icloud-address-f5d710c5 = je volledige iCloud-adres
icloud-needs-an-app-specific-62349497 = iCloud heeft een app-specifiek wachtwoord nodig: zet twee-factor-authenticatie aan voor je Apple-account, maak er een aan op account.apple.com en gebruik het als wachtwoord.
icloud-mail-needs-an-app-d109cc08 = iCloud Mail heeft een app-specifiek wachtwoord nodig: maak er een aan op account.apple.com onder Sign-In and Security → App-Specific Passwords (Inloggen en beveiliging → App-specifieke wachtwoorden), en gebruik je volledige iCloud-adres als `userName`.
icloud-settings-custom-email-domain-e4eba0f0 = iCloud-instellingen → Custom Email Domain → je domein → View DNS records
for-zoho-accounts-in-the-112ccc5c = Voor Zoho-accounts in het Amerikaanse datacenter (je logt in op zoho.com). Mail op je eigen domein (een organisatieaccount) gebruikt in plaats daarvan smtppro.zoho.com. Met inloggen in twee stappen gebruik je een applicatiespecifiek wachtwoord; poort 465 werkt niet vanuit ASP.NET.
for-zoho-accounts-in-the-2a39fa43 = Voor Zoho-accounts in het Europese datacenter (je logt in op zoho.eu). Mail op je eigen domein (een organisatieaccount) gebruikt in plaats daarvan smtppro.zoho.eu. Met inloggen in twee stappen gebruik je een applicatiespecifiek wachtwoord.
for-zoho-accounts-in-the-5b4baa13 = Voor Zoho-accounts in het Indiase datacenter (je logt in op zoho.in). Mail op je eigen domein (een organisatieaccount) gebruikt in plaats daarvan smtppro.zoho.in. Met inloggen in twee stappen gebruik je een applicatiespecifiek wachtwoord.
for-zoho-accounts-in-the-824ee72a = Voor Zoho-accounts in het Australische datacenter (je logt in op zoho.com.au). Mail op je eigen domein (een organisatieaccount) gebruikt in plaats daarvan smtppro.zoho.com.au. Met inloggen in twee stappen gebruik je een applicatiespecifiek wachtwoord.
for-zoho-accounts-in-the-bc25a75d = Voor Zoho-accounts in het Japanse datacenter (je logt in op zoho.jp). Mail op je eigen domein (een organisatieaccount) gebruikt in plaats daarvan smtppro.zoho.jp. Met inloggen in twee stappen gebruik je een applicatiespecifiek wachtwoord.
for-zoho-accounts-in-the-8b99c973 = Voor Zoho-accounts in het Canadese datacenter (je logt in op zohocloud.ca). Mail op je eigen domein (een organisatieaccount) gebruikt in plaats daarvan smtppro.zohocloud.ca. Met inloggen in twee stappen gebruik je een applicatiespecifiek wachtwoord.
zoho-mail-use-your-full-9d10f739 = Zoho Mail: gebruik je volledige Zoho-adres als `userName`. Staat inloggen in twee stappen aan, maak dan een applicatiespecifiek wachtwoord aan in Zoho Accounts → Security en gebruik het als `password`. Gebruik de server van je datacenter (bijvoorbeeld `smtp.zoho.eu` in Europa); organisatieaccounts op hun eigen domein gebruiken `smtppro.` in plaats van `smtp.` (bijvoorbeeld `smtppro.zoho.eu`).
zoho-mail-admin-console-domains-3edb7d85 = Zoho Mail Admin Console → Domains → je domein → Email Configuration → DKIM
your-full-zoho-address-2831abcb = je volledige Zoho-adres
your-full-fastmail-address-87bad718 = je volledige Fastmail-adres
fastmail-needs-an-app-password-c4fb265b = Fastmail heeft een app-wachtwoord nodig, aangemaakt in je Fastmail-instellingen. Fastmail heeft een voorkeur voor poort 465, en die kan ASP.NET niet gebruiken; 587 wordt ondersteund en is hier de poort om te gebruiken.
fastmail-needs-an-app-password-38a5d0c4 = Fastmail heeft een app-wachtwoord nodig: maak er een aan onder Settings → Privacy & Security → App passwords en gebruik het als `password`.
fastmail-settings-domains-your-domain-30304e86 = Fastmail Settings → Domains → je domein → DNS records

## src/providers/data/services.rs

the-smtp-user-name-created-c3972fa4 = de SMTP-gebruikersnaam die in je Communication Services-resource is aangemaakt
create-an-smtp-user-name-4f29e25b = Maak een SMTP-gebruikersnaam aan in je Communication Services-resource (Settings → SMTP Usernames), gekoppeld aan een Microsoft Entra-app die mag versturen; het wachtwoord is het clientgeheim van die app, en dat verloopt, dus vernieuw het op tijd. Verstuur vanaf een MailFrom-adres van een e-maildomein dat aan de resource is gekoppeld.
azure-communication-services-username-is-d8adb190 = Azure Communication Services: `userName` is een SMTP-gebruikersnaam die in je Communication Services-resource is aangemaakt (Settings → SMTP Usernames) en gekoppeld is aan een Microsoft Entra-app die mag versturen; `password` is het clientgeheim van die app. Clientgeheimen verlopen: werkte het eerder wel, maak dan een nieuw geheim aan en gebruik dat.
azure-communication-services-sends-only-b76de958 = Azure Communication Services verstuurt alleen vanaf de MailFrom-adressen van een e-maildomein dat aan je Communication Services-resource is gekoppeld: zet `from` op een daarvan.
azure-portal-your-email-communication-068063dd = Azure-portal → je Email Communication Service → Provision domains → je domein → Configure
your-ses-smtp-user-name-db55496a = je SES SMTP-gebruikersnaam (geen IAM-toegangssleutel)
replace-us-east-1-with-ed2f9ac7 = Vervang us-east-1 door de regio van je SES-account, en gebruik de SMTP-inloggegevens die in SES voor die regio zijn aangemaakt, geen IAM-toegangssleutels. Nieuwe accounts staan in de sandbox en kunnen alleen naar geverifieerde adressen versturen. Is poort 587 geblokkeerd waar je website draait, gebruik dan poort 2587.
amazon-ses-needs-ses-smtp-0d3a593c = Amazon SES heeft SES SMTP-inloggegevens nodig, aangemaakt in de SES-console onder SMTP settings voor de regio in `host`. IAM-toegangssleutels en SMTP-inloggegevens uit een andere regio werken niet.
amazon-ses-sends-only-from-619c09dc = Amazon SES verstuurt alleen vanaf geverifieerde identiteiten: verifieer het `from`-adres of het domein ervan in de SES-console. Zolang het account in de sandbox staat (de proefmodus van nieuwe accounts), moeten ook de ontvangers geverifieerd zijn.
apikey-literally-183cf215 = apikey (letterlijk)
the-user-name-is-the-01bbc5c2 = De gebruikersnaam is precies het woord apikey; het wachtwoord is je SendGrid API-sleutel. Het Van-adres moet een geverifieerde afzender in SendGrid zijn. Is poort 587 geblokkeerd waar je website draait, gebruik dan poort 2525.
sendgrid-username-must-be-literally-7669598f = SendGrid: `userName` moet letterlijk `apikey` zijn (niet je login of e-mailadres), en `password` is een API-sleutel met de machtiging "Mail Send", zonder spaties geplakt.
sendgrid-sends-only-from-a-2e1be5ef = SendGrid verstuurt alleen vanaf een geverifieerde Sender Identity: verifieer het `from`-adres of het domein ervan onder Settings → Sender Authentication.
sendgrid-settings-sender-authentication-d404dcdb = SendGrid → Settings → Sender Authentication → Authenticate Your Domain
your-domain-s-smtp-login-3df270ef = de SMTP-login van je domein, bijv. postmaster@mg.jouwdomein.com
use-the-smtp-credentials-of-abbc08bf = Gebruik de SMTP-inloggegevens van je verzenddomein in Mailgun, niet het wachtwoord van je Mailgun-account. Is poort 587 geblokkeerd waar je website draait, gebruik dan poort 2525.
for-mailgun-accounts-in-the-ac9d0345 = Voor Mailgun-accounts in de EU-regio. Gebruik de SMTP-inloggegevens van je verzenddomein in Mailgun, niet het wachtwoord van je Mailgun-account. Is poort 587 geblokkeerd waar je website draait, gebruik dan poort 2525.
mailgun-needs-the-smtp-credentials-0df7462f = Mailgun heeft de SMTP-inloggegevens van je verzenddomein nodig (bijvoorbeeld `postmaster@mg.example.com`, onder Sending → Domain settings → SMTP credentials), niet het wachtwoord van je Mailgun-account.
mailgun-sends-from-addresses-of-73f8735a = Mailgun verstuurt vanaf adressen van je geverifieerde verzenddomein: gebruik er een als `from`.
mailgun-sending-domains-your-domain-d2cc33b7 = Mailgun → Sending → Domains → je domein → DNS records
your-server-api-token-1a2b5328 = je Server API Token
use-your-postmark-server-api-7df39770 = Gebruik je Postmark Server API Token als gebruikersnaam én als wachtwoord. Is poort 587 geblokkeerd waar je website draait, gebruik dan poort 2525.
postmark-use-your-server-api-a8ba1613 = Postmark: gebruik je Server API Token als `userName` én als `password`.
postmark-sends-only-from-a-17710e90 = Postmark verstuurt alleen vanaf een bevestigde Sender Signature of een geverifieerd domein: gebruik er een als `from`.
your-brevo-smtp-login-04933033 = je Brevo SMTP-login
use-the-smtp-login-and-8b4085f4 = Gebruik de SMTP-login en een SMTP-sleutel uit de SMTP-instellingen van Brevo als wachtwoord; een Brevo API-sleutel werkt niet. Is poort 587 geblokkeerd waar je website draait, gebruik dan poort 2525.
brevo-username-is-the-smtp-82151876 = Brevo: `userName` is de SMTP-login die onder SMTP & API staat, en `password` is een SMTP-sleutel van dezelfde pagina (geen API-sleutel of het wachtwoord van je account).
brevo-sends-only-from-a-ae02936a = Brevo verstuurt alleen vanaf een geverifieerde afzender of een geverifieerd domein: gebruik er een als `from`.
brevo-senders-domains-dedicated-ips-cb7d426d = Brevo → Senders, Domains & Dedicated IPs → Domains → Authenticate
your-mailjet-api-key-b626b4b3 = je Mailjet API-sleutel
the-user-name-is-your-3794f252 = De gebruikersnaam is je Mailjet API-sleutel en het wachtwoord de geheime sleutel daarvan, niet je Mailjet-login. Verstuur vanaf een afzenderadres of domein dat in Mailjet is gevalideerd. Is poort 587 geblokkeerd waar je website draait, gebruik dan poort 2525.
mailjet-username-is-your-mailjet-8fe11462 = Mailjet: `userName` is je Mailjet API-sleutel en `password` de geheime sleutel daarvan (onder Account settings → API keys), niet je Mailjet-login.
mailjet-sends-only-from-a-c082e9b4 = Mailjet verstuurt alleen vanaf een gevalideerd afzenderadres of domein: valideer het `from`-adres in Mailjet, of gebruik een adres dat al gevalideerd is.
mailjet-account-settings-domains-spf-8cc2cce1 = Mailjet → Account settings → Domains → SPF/DKIM authentication
an-smtp-user-name-from-e7bd2eb0 = een SMTP-gebruikersnaam uit Sending → SMTP Users
use-an-smtp-user-created-2b1d0bc6 = Gebruik een SMTP-gebruiker die in SMTP2GO is aangemaakt (Sending → SMTP Users) en het wachtwoord daarvan, niet je SMTP2GO-login, en verstuur vanaf een geverifieerde afzender. Is poort 587 geblokkeerd waar je website draait, gebruik dan poort 2525 (of 8025).
smtp2go-use-an-smtp-user-e1a0c31b = SMTP2GO: gebruik een SMTP-gebruiker uit je SMTP2GO-account (Sending → SMTP Users) als `userName` en het wachtwoord daarvan als `password`, niet je SMTP2GO-login.
smtp2go-sends-only-from-verified-72be2dcc = SMTP2GO verstuurt alleen vanaf geverifieerde afzenders (Sending → Verified Senders): gebruik er een als `from`.

## src/providers/mod.rs

provider-also-takes-mail-on-0f1b4ef0 = { $provider } neemt ook mail aan op poort `{ $port }`, die hostingbedrijven en internetproviders zelden blokkeren: verander `port` in `{ $port }` en laat `enableSsl` op `true` staan.

## src/providers/preset.rs

use-the-outgoing-smtp-server-2aa81402 = Gebruik de uitgaande server (SMTP) die je host of mailprovider je geeft, met poort 587 en SSL aan. Poort 465 werkt niet vanuit ASP.NET.

## src/reply.rs

the-server-sent-something-that-6657f988 = de server stuurde iets wat geen SMTP-antwoord is: { $line }
the-server-s-reply-changed-e8449784 = het antwoord van de server veranderde halverwege van code ({ $first } en daarna { $then })

## src/report/evidence.rs

tls-version-version-1ac0d9ba = TLS-versie: { $version }
cipher-cipher-1a1584a9 = versleutelingsmethode (cipher): { $cipher }
not-encrypted-no-tls-was-4d14e875 = niet versleuteld (er is geen TLS opgezet)
warning-the-password-was-sent-58911bd4 = WAARSCHUWING: het wachtwoord is via de onversleutelde verbinding verstuurd (toegestaan voor deze test)
certificate-subject-subject-2b3e305c = onderwerp van het certificaat: { $subject }
certificate-names-names-85ad8f14 = namen in het certificaat: { $names }
issued-by-issuer-db64a95a = uitgegeven door: { $issuer }
valid-from-start-until-end-41664af8 = geldig van { $start } tot { $end }
expired-answer-7c3dd7c2 = verlopen: { $answer }
self-signed-answer-32e94d4a = zelfondertekend: { $answer }
sha-256-fingerprint-fingerprint-59cf6063 = SHA-256-vingerafdruk: { $fingerprint }
certificate-problem-accepted-for-this-cf52b724 = certificaatprobleem alleen voor deze test geaccepteerd: { $problem }
no-62366ffa = nee
none-received-a7fce227 = (niets ontvangen)
greeting-banner-2adc54e6 = begroeting: { $banner }
ehlo-extensions-extensions-8ae23a31 = EHLO-extensies: { $extensions }
sign-in-methods-offered-methods-958cc42d = aangeboden inlogmethoden: { $methods }
message-id-of-the-test-1aaceb9a = Message-ID van het testbericht: { $id }
transcript-0583096b = Transcript
we-sent-the-server-answered-ea6e205d = `->` wij stuurden, `<-` de server antwoordde, `~>`/`<~` hetzelfde na versleuteling, `**` opmerkingen van de tester. Wachtwoorden staan er als `<redacted>`.

## src/report.rs

mail-settings-tester-support-report-9e850e75 = Supportrapport van Mail Settings Tester
made-by-mail-settings-tester-5d84e266 = Gemaakt door Mail Settings Tester { $version } op { $now } (UTC).
result-the-server-accepted-the-cb20d937 = Resultaat: de server accepteerde het testbericht voor { $recipient } (na { $time }).
result-the-server-accepted-the-1ce20c7e = Resultaat: de server accepteerde het testbericht voor { $recipient }, maar: { $summary } (na { $time }).
result-failed-summary-after-time-de3e18b7 = Resultaat: MISLUKT: { $summary } (na { $time }).
result-failed-after-time-e2d9ecdd = Resultaat: MISLUKT (na { $time }).
stopped-because-error-a65fdf46 = Gestopt omdat: { $error }.
empty-c2b0def7 = (leeg)
none-no-sign-in-4e7eb656 = (geen: geen inlog)
this-computer-s-name-94e552fc = (de naam van deze computer)
set-not-included-b8037f8f = ingesteld (niet opgenomen)
not-set-ffa35e26 = niet ingesteld
another-mail-program-the-best-1cb12260 = een ander mailprogramma (het beste wat de server biedt)
test-recipient-9b7a3c52 = testontvanger
connection-security-used-a0615d9e = gebruikte verbindingsbeveiliging
tested-as-6d856e84 = getest als
time-limits-3bbef354 = tijdslimieten
connect-connect-s-greeting-greeting-0dacfa15 = verbinden { $connect } s, begroeting { $greeting } s, elke opdracht { $command } s
certificate-check-4f7d1e48 = certificaatcontrole
off-invalid-certificates-were-accepted-60edc329 = uit: ongeldige certificaten werden geaccepteerd (de website accepteert ze niet)
on-61342fd0 = aan
settings-4b058728 = Instellingen
extra-trusted-certificate-authorities-pa-209717b3 = extra vertrouwde certificaatinstanties: { $path }
ok-663437af = ok
failed-d7e8fab4 = MISLUKT
checklist-08a568ef = Checklist
each-step-c2d8e180 = Elke stap:
total-time-f96defd0 = Totaal: { $time }
diagnosis-547c3c9e = Diagnose
no-problem-the-test-message-896ed3a9 = Geen probleem: het testbericht is geaccepteerd.
suggested-change-e6662e4a = Voorgestelde wijziging:

## src/session/connect.rs

no-answer-from-dns-within-75b392c5 = geen antwoord van de DNS binnen { $secs } s
no-address-to-connect-to-d0980056 = geen adres om mee te verbinden

## src/session/dialogue.rs

the-server-sent-more-data-5a7b3835 = de server stuurde meer gegevens vóór de TLS-handshake (een bekende aanval op STARTTLS)
starttls-on-a-connection-that-57fec029 = STARTTLS op een verbinding die al versleuteld is
this-tester-plain-or-login-6e2aba1f = deze tester (PLAIN of LOGIN)

## src/session/error.rs

it-is-issued-for-names-7de28bc0 = het is uitgegeven voor { $names }
no-authority-this-computer-trusts-c48ee76c = geen enkele instantie die deze computer vertrouwt, staat ervoor in
it-has-expired-fa8972c9 = het is verlopen
it-is-not-valid-yet-fb6edb7d = het is nog niet geldig (of de klok van deze computer staat verkeerd)
the-server-name-host-could-a0934279 = de servernaam { $host } is niet gevonden ({ $detail })
the-connection-to-address-was-8ba9ec2a = de verbinding met { $address } werd geweigerd
no-answer-from-address-within-d9ebdf5c = geen antwoord van { $address } binnen { $secs } s
could-not-connect-to-address-6fadcd41 = kon geen verbinding maken met { $address }: { $detail }
connected-but-the-server-sent-3a9c719b = verbonden, maar de server stuurde binnen { $secs } s geen begroeting
the-server-does-not-speak-565fe8c3 = de server spreekt geen SMTP: hij stuurde "{ $received }"
the-server-refused-step-name-6e46a071 = de server weigerde { $step_name }: { $reply_text }
the-server-does-not-offer-a01d5bcc = de server biedt geen STARTTLS aan
the-tls-handshake-failed-detail-c2ab11a8 = de TLS-handshake is mislukt: { $detail }
the-server-offers-only-outdated-4185f3ec = de server biedt alleen verouderde versleuteling aan (TLS 1.0 of 1.1): { $detail }
the-server-offers-no-sign-d563271c = de server biedt op deze verbinding geen inloggen (AUTH) aan
the-server-offers-only-sign-2930a676 = de server biedt alleen inlogmethoden aan die { $target_name } niet kan gebruiken: { $methods }
stopped-before-sending-the-password-bc00d9ef = gestopt voordat het wachtwoord via een onversleutelde verbinding werd verstuurd
the-server-asked-for-more-f9503699 = de server vroeg na het wachtwoord om meer: { $reply_text }
the-server-refused-the-oauth-b0c17084 = de server weigerde het OAuth-token ({ $mechanism_name }): { $reply_text }
the-server-offers-no-oauth-226d3d86 = de server biedt hier geen inloggen met OAuth aan (hij biedt: { $methods })
stopped-before-sending-the-oauth-6d6be392 = gestopt voordat het OAuth-token via een onversleutelde verbinding werd verstuurd
the-server-closed-the-connection-9fea2761 = de server verbrak de verbinding tijdens { $step_name }
no-reply-to-step-name-b95e1dc7 = geen antwoord op { $step_name } binnen { $secs } s
cancelled-during-step-name-f3828dd3 = geannuleerd tijdens { $step_name }
the-certificate-file-path-could-de00273b = het certificaatbestand { $path } kon niet worden gebruikt: { $detail }
role-words-address-cannot-be-cc200543 = { $role_words } { $address } kan niet worden verstuurd: { $reason }
the-server-broke-the-smtp-275bfdfe = de server hield zich niet aan de SMTP-regels tijdens { $step_name }: { $detail }

## src/session/mod.rs

a-reply-went-on-for-a3229ee0 = een antwoord liep door over meer dan { $lines } regels
a-reply-line-was-far-289873fe = een antwoordregel was veel te lang

## src/session/report.rs

enablessl-is-off-2a22ebcd = enableSsl staat uit
encryption-is-off-21238599 = versleuteling staat uit
no-user-name-289a6df8 = geen gebruikersnaam
not-offered-before-encryption-c28ccb4d = niet aangeboden vóór versleuteling
server-offers-no-sign-in-676667ab = server biedt geen inloggen aan
no-usable-method-sent-without-972e3aeb = geen bruikbare inlogmethode; zonder inloggen verstuurd
sign-in-refused-sent-without-efec03b6 = inlog geweigerd; zonder inloggen verstuurd

## src/session/tls.rs

tls-set-up-failed-error-26855cd2 = opzetten van TLS mislukt ({ $error })
no-usable-certificate-authority-error-61ef141b = geen bruikbare certificaatinstantie ({ $error })
a-certificate-in-it-is-c93dd3fb = een certificaat erin is niet bruikbaar ({ $error })
it-is-not-a-valid-a66d7d8b = het is geen geldig PEM-bestand ({ $error })
it-holds-no-certificate-a-4f817e2a = er staat geen certificaat in: er werd een PEM-bestand (-----BEGIN CERTIFICATE-----) of een DER .cer-bestand verwacht
host-is-not-a-valid-8d44e3b8 = { $host } is geen geldige TLS-naam ({ $error })

## src/settings/address.rs

the-sender-address-from-a6cf0f74 = het afzenderadres (from)
the-test-recipient-c65aed6f = de testontvanger
only-smtputf8-could-carry-it-b02a2e58 = alleen SMTPUTF8 zou het kunnen meenemen, en deze server biedt geen SMTPUTF8 aan
only-smtputf8-could-carry-it-649eaab3 = alleen SMTPUTF8 zou het kunnen meenemen, en ASP.NET gebruikt standaard geen SMTPUTF8
it-cannot-be-written-into-48e65563 = het kan niet in het testbericht worden geschreven
international-domain-the-test-sends-a7641d49 = Internationaal domein: de test verstuurt { $address } als { $ascii }, de vorm die elke mailserver kan lezen.
address-has-letters-outside-plain-6471a7d7 = { $address } heeft vóór de @ letters die geen gewone Engelse letters zijn. De mailverzender van ASP.NET weigert zo'n adres, tenzij deliveryFormat="International" is ingesteld (ASP.NET 4.5 of later) en de mailserver SMTPUTF8 (internationale adressen) aanbiedt. De test laat zien waar je website op stuit.
address-has-letters-outside-plain-5f9c2f60 = { $address } heeft vóór de @ letters die geen gewone Engelse letters zijn: alleen een mailserver die SMTPUTF8 (internationale adressen) aanbiedt, kan het aannemen. De test controleert of deze server dat doet.

## src/settings/ehlo_name.rs

typed-is-not-a-valid-ac381f52 = "{ $typed }" is geen geldige computernaam voor clientDomain. Laat het leeg om de naam van deze computer te gebruiken.
asp-net-introduces-itself-to-bad9a806 = ASP.NET stelt zich aan de server voor met clientDomain precies zoals het is ("{ $typed }"), en servers zoals Exim weigeren een kaal IP-adres in EHLO (de begroeting waarin je website zijn naam geeft); gebruik de domeinnaam van je website, bijvoorbeeld www.example.com, of laat clientDomain leeg.
the-test-introduces-itself-as-38df7222 = De test stelt zich voor als { $literal }, de vorm die mailservers voor een IP-adres verwachten.
many-mail-servers-exim-among-1f6f2699 = Veel mailservers (waaronder Exim) antwoorden 501 en weigeren "{ $typed }" als naam van deze computer: een naam mag alleen letters, cijfers, streepjes en punten bevatten, niet { $characters }. Gebruik de domeinnaam van je website, bijvoorbeeld www.example.com, of laat clientDomain leeg om de naam van deze computer te gebruiken.

## src/settings/validate.rs

host-is-not-a-valid-702a75f3 = "{ $host }" is geen geldige servernaam. Controleer hem op typfouten.
enter-the-mail-server-s-216e5a0c = Vul de naam van de mailserver in (host), bijvoorbeeld smtp.example.com.
enter-only-the-server-s-c06d5777 = Vul alleen de naam van de server in: verwijder "{ $scheme }://" (de host in web.config heeft dat nooit).
the-server-name-cannot-contain-a669d667 = De servernaam mag geen spaties bevatten. Kopieer hem opnieuw uit de instructies van je provider.
this-looks-like-an-email-923d668e = Dit lijkt op een e-mailadres. De host is de naam van de mailserver, bijvoorbeeld smtp.example.com.
the-server-name-cannot-contain-3b89a0a4 = De servernaam mag geen "/" bevatten. Vul alleen de naam in, bijvoorbeeld smtp.example.com.
put-the-port-in-the-4cc5c678 = Zet de poort in het veld Poort: host "{ $name }", poort { $port }.
international-name-the-test-connects-a9390765 = Internationale naam: de test maakt verbinding met de ASCII-vorm { $ascii }.
port-port-does-not-exist-b3dfc373 = Poort { $port } bestaat niet: poorten lopen van 1 tot 65535. Mailservers gebruiken meestal 587.
defaultcredentials-is-true-so-web-2cc7e682 = defaultCredentials is true, dus web.config negeert userName en password en logt in als het Windows-account. Zet defaultCredentials op false om de gebruikersnaam te gebruiken.
defaultcredentials-true-signs-in-as-bdc7611b = defaultCredentials="true" logt in als het Windows-account van de website, en dat kan deze test niet: hij verstuurt zonder in te loggen.
a-user-name-is-set-73cdd5ba = Er is een gebruikersnaam ingesteld, maar het wachtwoord is leeg. Vul het wachtwoord van de mailbox in.
a-password-is-set-but-71fbceb3 = Er is een wachtwoord ingesteld, maar userName is leeg, dus het wachtwoord wordt nooit gebruikt. Vul de gebruikersnaam in (meestal het volledige e-mailadres).
oauth-signs-in-as-a-2df4a59e = OAuth logt in als een mailbox: vul het volledige adres ervan in als gebruikersnaam.
oauth-sign-in-needs-an-b27182ff = Inloggen met OAuth heeft een toegangstoken nodig, en er is er geen. Log eerst in bij de provider, of plak een token.
asp-net-s-mail-sender-df5acecb = De mailverzender van ASP.NET (web.config) kan niet inloggen met OAuth. Deze test controleert de mailbox en het token zoals een programma dat het wel kan (zoals MailKit) ze zou gebruiken.
address-is-not-a-valid-f804de19 = "{ $address }" is geen geldig e-mailadres voor de afzender (from). Het moet eruitzien als naam@example.com.
address-is-not-a-valid-5cf84c0a = "{ $address }" is geen geldig e-mailadres voor de testontvanger. Het moet eruitzien als naam@example.com.
enter-the-sender-address-from-92b57a8d = Vul het afzenderadres (from) in, meestal de mailbox waarmee je inlogt. Heeft je web.config geen from, dan stelt de code van je site de afzender in: vul dat adres in.
asp-net-system-net-mail-ee4b87b2 = ASP.NET (System.Net.Mail) kan geen SSL bij verbinden gebruiken. Gebruik poort 587 met enableSsl="true", of kies het algemene doel om andere programma's te testen.
asp-net-cannot-use-port-85b5d0bc = ASP.NET kan poort 465 niet gebruiken: het wacht op een begroeting die nooit komt. De test zal zich net zo gedragen. Gebruik poort 587 met enableSsl="true".
starttls-was-chosen-which-means-be6ff6d5 = STARTTLS is gekozen, wat enableSsl="true" in web.config betekent.
certificate-checks-are-off-the-cee3d463 = De certificaatcontroles staan uit: de verbinding is niet beschermd tegen bedriegers. Je website controleert het certificaat nog steeds en kan mislukken.
deliverymethod-is-not-network-so-15953ca7 = deliveryMethod is niet "Network", dus de website schrijft mail naar een map in plaats van hem te versturen. Zet deliveryMethod="Network" om via deze server te versturen.
a-timeout-of-0-seconds-d34a129a = Een time-out van 0 seconden zou elke keer mislukken. Gebruik minstens 1 seconde (10 is gebruikelijk).
timeouts-above-600-seconds-are-94fe3d7e = Time-outs boven 600 seconden zijn niet nuttig voor een test. Gebruik 10 tot 60 seconden.

## src/settings.rs

no-encryption-7b0eebe3 = geen versleuteling
asp-net-core-net-5-d85df409 = ASP.NET Core / .NET 5 of later

## src/snippet/django.rs

set-only-one-of-email-74ec3c21 = Zet maar één van EMAIL_USE_TLS (STARTTLS, poort 587) en EMAIL_USE_SSL (SSL bij verbinden, poort 465) op True: met allebei start Django wel, maar mislukt het bij de eerste verzending ("EMAIL_USE_TLS/EMAIL_USE_SSL are mutually exclusive").

## src/snippet/format.rs

php-code-bda6edbc = PHP-code
put-it-inside-configuration-if-e1efa961 = Zet het binnen <configuration>. Staat daar al een <system.net>-blok, vervang dan alleen het <mailSettings>-blok daarin en laat de rest staan (zoals <defaultProxy>).
put-this-where-your-php-d17fc47f = Zet dit waar je PHP-code het PHPMailer-object maakt (PHPMailer 6.1 of nieuwer: de ENCRYPTION_-constanten kwamen in 6.1), vóór $mail->send().
put-this-in-wp-config-b7c7c865 = Zet dit in wp-config.php boven de regel /* That's all, stop editing! */ (de WP Mail SMTP-plug-in is nodig).
put-this-in-the-env-50652e7d = Zet dit in het .env-bestand in de hoofdmap van je Laravel-site, in plaats van de MAIL_-regels die er al staan, en voer dan php artisan config:clear uit.
put-this-in-your-project-96ff8c78 = Zet dit in de settings.py van je project, in plaats van de EMAIL_-instellingen die er al staan.
put-this-where-your-node-9137efc0 = Zet dit waar je Node.js-code het Nodemailer-transport maakt, en verstuur dan met transporter.sendMail({"{"} to, subject, text {"}"}).
put-this-line-in-env-903522da = Zet deze regel in .env.local (of stel MAILER_DSN in als omgevingsvariabele), in plaats van een MAILER_DSN die er al staat.
put-the-smtp-section-into-f2c2e121 = Zet de sectie "Smtp" in appsettings.json, naast de secties die er al staan.

## src/snippet/laravel.rs

laravel-11-and-12-no-a3768a2e = Laravel 11 en 12 lezen MAIL_ENCRYPTION niet meer: ze gebruiken MAIL_SCHEME. Beide regels staan erin zodat het blok in elke versie werkt; houd ze gelijk als je er een wijzigt.
laravel-10-and-older-use-0b26f05b = Laravel 10 en ouder gebruiken SSL bij verbinden alleen op poort 465; op poort { $port } kan alleen Laravel 11+ het (MAIL_SCHEME=smtps).
laravel-s-env-turns-the-d5129581 = De env() van Laravel maakt van de waarde van { $key } iets anders (true, false, null, leeg, of een waarde tussen aanhalingstekens verliest die): zet hem in plaats daarvan direct in config/mail.php.

## src/snippet/mailkit.rs

connect-with-mailkit-like-this-a0f2b3b0 = Maak zo verbinding met MailKit: client.Connect(smtp.Host, smtp.Port, SecureSocketOptions.{ $options }); client.Authenticate(smtp.UserName, smtp.Password);
connect-with-mailkit-like-this-a3cc5a4d = Maak zo verbinding met MailKit: client.Connect(smtp.Host, smtp.Port, SecureSocketOptions.{ $options });
do-not-write-client-connect-63e694a6 = Schrijf niet client.Connect(host, 587, useSsl: true): in MailKit betekent useSsl: true SSL bij verbinden, en dat mislukt op poort 587. enableSsl="true" in web.config is SecureSocketOptions.StartTls.
asp-net-core-does-not-b7e6cf14 = ASP.NET Core leest de <mailSettings> van web.config niet: de code van de site moet deze sectie lezen.

## src/snippet/nodemailer.rs

secure-true-is-only-for-51c29ab8 = secure: true is alleen voor SSL bij verbinden (poort 465); met STARTTLS moet het false blijven, anders mislukt de verbinding met "wrong version number".
with-secure-false-nodemailer-still-512f72f5 = Met secure: false schakelt Nodemailer toch over op STARTTLS als de server dat aanbiedt; voeg ignoreTLS: true alleen toe als dat mislukt en je een onversleutelde verbinding accepteert.

## src/snippet/oauth/django.rs

put-this-in-your-project-1413375b = Zet dit in de settings.py van je project, in plaats van de EMAIL_-instellingen die er al staan.
the-app-needs-microsoft-graph-5db04e0a = De app heeft de toepassingsmachtiging Mail.Send van Microsoft Graph nodig, met toestemming van de beheerder (niet SMTP.SendAsApp: deze backend gebruikt geen SMTP). Met Mail.Send kan de app als elke mailbox van je organisatie versturen, tenzij je beheerder het tot deze ene beperkt.
django-o365mail-signs-in-as-58cbac5f = django-o365mail logt in als de app zelf (app-only), niet als persoon: er is geen refresh token nodig.
without-a-package-azure-communication-7d86afb5 = Zonder pakket: SMTP van Azure Communication Services (smtp.azurecomm.net, poort 587, STARTTLS) accepteert een gebruikersnaam en wachtwoord, dus de eigen SMTP-backend van Django werkt ermee (EMAIL_HOST_USER = de ACS SMTP Username, EMAIL_HOST_PASSWORD = het clientgeheim van de Entra-app); een relaydienst werkt op dezelfde manier.
enable-the-gmail-api-in-4ecc65d4 = Zet de Gmail API aan in het Google Cloud-project, en maak het refresh token één keer aan met het script van het pakket (gmail_oauth2 --generate_oauth2_token), ingelogd als de mailbox.
without-a-package-google-still-88def8b2 = Zonder pakket: Google accepteert nog een app-wachtwoord (met Verificatie in 2 stappen aan), en dat kan de eigen SMTP-backend van Django gebruiken.

## src/snippet/oauth/laravel.rs

four-parts-each-in-its-a587b09b = Vier delen, elk in een eigen bestand: de regels voor .env, de mailer voor config/mail.php (binnen 'mailers' => [...]), de code voor de boot()-methode van app/Providers/AppServiceProvider.php, en de klasse app/Mail/FreshTokenXOAuth2Authenticator.php. Voer daarna php artisan config:clear uit.
laravel-through-symfony-mailer-cannot-d46f9f68 = Laravel (via Symfony Mailer) kan zelf geen OAuth-token ophalen, en een token is maar ongeveer een uur geldig: dit aangepaste transport haalt voor elke verbinding een nieuw token op. Het heeft Laravel 9 of nieuwer nodig met symfony/mailer 6.3 of nieuwer (Laravel 11 en later hebben dat; voer op Laravel 10 composer update symfony/mailer uit).

## src/snippet/oauth/mailkit.rs

put-the-smtp-section-the-c60f3059 = Zet de sectie "Smtp" (het JSON-deel) in appsettings.json, in plaats van een sectie "Smtp" die er al staat; voeg de C#-klasse toe aan je project en registreer hem: builder.Services.AddSingleton<OAuthMailSender>();
this-uses-app-only-sign-823f2f67 = Dit gebruikt app-only inloggen (de site logt als zichzelf in), en dat is wat een website nodig heeft: gedelegeerd inloggen zou een persoon achter een browser en een tokencache nodig hebben.
keep-the-client-secret-out-d02d7bb5 = Houd het clientgeheim uit appsettings.json in een gedeelde repository: dotnet user-secrets, een omgevingsvariabele (Smtp__ClientSecret) of een key vault gaat erboven.
do-not-connect-with-usessl-3f8b4515 = Maak geen verbinding met useSsl: true op poort 587: in MailKit betekent dat SSL bij verbinden. STARTTLS is SecureSocketOptions.StartTls, zoals in de sectie.
appsettings-json-and-c-mailkit-ca0b1f7c = appsettings.json en C# (MailKit)

## src/snippet/oauth/nodemailer.rs

put-this-in-your-node-c0ffada9 = Zet dit in je Node.js-code en verstuur met await sendMail({"{"} to, subject, text {"}"}). Eén keer installeren: npm install nodemailer @azure/msal-node
put-this-where-your-node-185c1777 = Zet dit waar je Node.js-code het Nodemailer-transport maakt, en verstuur dan met transporter.sendMail({"{"} to, subject, text {"}"}). Nodemailer vernieuwt het token zelf.
node-js-code-nodemailer-7e94db6a = Node.js-code (Nodemailer)

## src/snippet/oauth/notes.rs

oauth-means-signing-in-through-7580ed84 = OAuth betekent inloggen via { $who } in plaats van met het wachtwoord van de mailbox: de site vraagt { $who } met de ID en het geheim van de app om een kortlevend token (er logt geen persoon in), en logt in met dat token.
oauth-means-signing-in-through-828dd6c6 = OAuth betekent inloggen via de eigen pagina van { $who } in plaats van met een wachtwoord: de eigenaar van de mailbox logt één keer in, de site bewaart een refresh token en gebruikt dat om kortlevende tokens op te halen.
replace-placeholder-with-the-app-d5a0af53 = Vervang { $placeholder } door het clientgeheim van de app. Het is weggelaten zodat het codefragment veilig kan worden gedeeld; houd het buiten bestanden die je deelt of commit (een omgevingsvariabele of een geheimenopslag is beter).
replace-placeholder-with-the-refresh-50c0846a = Vervang { $placeholder } door het refresh token dat je krijgt als de eigenaar van de mailbox één keer in de app inlogt (houd het net zo geheim als een wachtwoord).
replace-placeholder-with-the-app-dd0be73d = Vervang { $placeholder } door de client-ID van de app (Application (client) ID, op de Overview-pagina van de app in het Microsoft Entra-beheercentrum).
replace-placeholder-with-the-app-e2337baa = Vervang { $placeholder } door de client-ID van de app (van de OAuth-client in de Google Cloud console, APIs & Services → Credentials).
replace-placeholder-with-the-directory-163145f4 = Vervang { $placeholder } door de Directory (tenant) ID van de Overview-pagina van de app (of je domein, zoals example.onmicrosoft.com).
replace-placeholder-with-the-mailbox-bbe7cc54 = Vervang { $placeholder } door het mailboxadres waarvandaan de site verstuurt.
google-has-no-app-only-ba6e748c = Google heeft geen app-only inloggen voor een gewone mailbox: daarvoor is een Google Workspace-serviceaccount met domeinbrede delegatie nodig, ingesteld door de Workspace-beheerder. Dit logt in plaats daarvan in als de mailbox (gedelegeerd).
app-only-sign-in-needs-ad5c921d = App-only inloggen moet één keer worden ingesteld door je Microsoft 365-beheerder: de machtiging SMTP.SendAsApp, toestemming van de beheerder, en toegang van de app tot deze mailbox in Exchange (zie de stappen voor het instellen).
the-app-registration-needs-the-f7d5f684 = De app-registratie heeft de gedelegeerde machtiging SMTP.Send nodig, en het refresh token moet worden aangevraagd met de scopes https://outlook.office.com/SMTP.Send en offline_access.
the-google-oauth-client-needs-6e9d68ed = De Google OAuth-client heeft de scope { $scope } nodig. Zolang het toestemmingsscherm van Google OAuth op "Testing" staat, verlopen refresh tokens na 7 dagen: publiceer de app voordat je hierop vertrouwt.
smtp-sign-in-smtp-auth-976b28fe = Inloggen via SMTP (SMTP AUTH) moet aan blijven voor de mailbox, ook met OAuth: Set-CASMailbox -SmtpClientAuthenticationDisabled $false.
the-tested-connection-was-not-ee5febd4 = De geteste verbinding was niet versleuteld: OAuth-tokens mogen niet onversleuteld over het netwerk gaan, dus dit gebruikt STARTTLS. Test poort 587 met STARTTLS (of 465 met SSL bij verbinden) voordat je erop vertrouwt.
while-the-google-oauth-consent-d3b7b869 = Zolang het toestemmingsscherm van Google OAuth op "Testing" staat, verlopen refresh tokens na 7 dagen: publiceer de app voordat je hierop vertrouwt.

## src/snippet/oauth/php_token.rs

the-token-request-uses-php-264e594e = Het tokenverzoek gebruikt file_get_contents van PHP op een https://-adres: allow_url_fopen van PHP moet aan staan (dat is standaard zo) en de server moet het token-eindpunt kunnen bereiken.

## src/snippet/oauth/phpmailer.rs

put-this-where-your-php-021b3499 = Zet dit waar je PHP-code het PHPMailer-object maakt (PHPMailer 6.6 of nieuwer: OAuthTokenProvider kwam in 6.6), vóór $mail->send(); de use-regels komen bovenaan het bestand.
put-this-where-your-php-e46cf1ca = Zet dit waar je PHP-code het PHPMailer-object maakt (PHPMailer 6 met Composer), vóór $mail->send(); de use-regels komen bovenaan het bestand.
phpmailer-s-own-oauth-class-d202c98f = De eigen OAuth-klasse van PHPMailer werkt alleen met een refresh token (iemand logt één keer in); voor app-only inloggen vraagt de kleine klasse AppOnlyOAuthToken hier Microsoft om een token met de ID en het geheim van de app.
get-the-refresh-token-once-daf7ceaf = Haal het refresh token één keer op met get_oauth_token.php van PHPMailer (het zit bij PHPMailer): zet het op je site, voeg het adres ervan toe aan de redirect-URI's van de app, open het, kies { $provider } en log in als de mailbox. Verwijder het script daarna.
microsoft-sends-only-as-the-720b52d1 = Microsoft verstuurt alleen als de mailbox die inlogt (of een adres waarmee die mag versturen): laat setFrom op dat adres staan.

## src/snippet/oauth/setup.rs

open-the-microsoft-entra-admin-56e219d9 = Open het Microsoft Entra-beheercentrum (entra.microsoft.com) → App registrations → New registration. Geef de app een naam (bijvoorbeeld "Websitemail"), laat "Accounts in this organizational directory only" staan en registreer hem. De Overview-pagina toont de Application (client) ID en de Directory (tenant) ID: de site heeft ze allebei nodig.
open-the-microsoft-entra-admin-830973c3 = Open het Microsoft Entra-beheercentrum (entra.microsoft.com) → App registrations en open de app waarvan de Application (client) ID { $client_id } is (of maak hem aan: New registration, "Accounts in this organizational directory only"). Noteer de Directory (tenant) ID op de Overview-pagina: de site heeft die nodig.
open-the-microsoft-entra-admin-566fe1a1 = Open het Microsoft Entra-beheercentrum (entra.microsoft.com) → App registrations en open de app waarvan de Application (client) ID { $client_id } is (of maak hem aan: New registration, "Accounts in this organizational directory only"). De Directory (tenant) ID ervan moet { $tenant } zijn.
in-the-app-api-permissions-e2b91c93 = In de app: API permissions → Add a permission → APIs my organization uses → zoek naar "Office 365 Exchange Online" → Application permissions → vink SMTP.SendAsApp aan → Add permissions.
still-on-api-permissions-click-3f5fb2d8 = Klik, nog steeds op API permissions, op "Grant admin consent" voor je organisatie (alleen een beheerder kan dat).
certificates-secrets-new-client-secret-12e13caf = Certificates & secrets → New client secret. Kopieer meteen de Value (die wordt maar deze ene keer getoond) en zet hem waar de site het clientgeheim leest. Zet de vervaldatum in je agenda: als het geheim verloopt, stopt de site met versturen tot je een nieuw geheim maakt.
enterprise-applications-not-app-registra-0ee3ad08 = Enterprise applications (niet App registrations) → open dezelfde app → kopieer de Object ID. De Object ID van de App registration is een ander nummer en laat het inloggen mislukken. Hij komt in de plaats van { $placeholder } hieronder.
in-powershell-install-the-exchange-208056fd = Installeer in PowerShell (één keer) de Exchange Online-module en log in als Exchange-beheerder.
tell-exchange-about-the-app-7738c8e6 = Maak de app bekend bij Exchange (de service principal ervan).
let-the-app-use-the-0b50e2fa = Laat de app de mailbox { $mailbox } gebruiken.
make-sure-smtp-sign-in-b85ae76e = Zorg dat inloggen via SMTP (SMTP AUTH) aan staat voor de mailbox: OAuth heeft het ook nodig.

## src/snippet/oauth/symfony.rs

save-the-first-part-as-bebdcc14 = Sla het eerste deel op als src/Mailer/FreshTokenXOAuth2Authenticator.php; gebruik het tweede deel waar je code mail verstuurt, in plaats van de mailer die uit MAILER_DSN wordt gebouwd.
symfony-mailer-cannot-fetch-an-653576c6 = Symfony Mailer kan zelf geen OAuth-token ophalen: het inloggen met XOAUTH2 neemt het wachtwoord als token, en een token is maar ongeveer een uur geldig. De kleine klasse hier haalt voor elke verbinding een nieuw token op. Het heeft symfony/mailer 6.3 of nieuwer nodig (setAuthenticators).
php-code-symfony-mailer-69a187c6 = PHP-code (Symfony Mailer)

## src/snippet/oauth/web_config.rs

put-it-inside-configuration-replacing-fa45570d = Zet het binnen <configuration>, in plaats van het <system.net> <mailSettings>-blok dat er al staat (laat al het andere binnen <system.net> staan, zoals <defaultProxy>).
asp-net-s-mail-sender-22b9064f = De mailverzender van ASP.NET (System.Net.Mail, die web.config leest) kan niet inloggen met OAuth (het verzoek daarvoor, dotnet/runtime issue 76253, staat sinds 2022 open), en Microsoft raadt zelf MailKit aan (richtlijn DE0005).
way-out-1-create-an-4ee187a7 = Uitweg 1: maak een app-wachtwoord aan voor de mailbox (App passwords, in de beveiligingsinstellingen van het Google-account) en zet het in plaats van { $placeholder }. Een Workspace-beheerder kan app-wachtwoorden verbieden: gebruik dan een relaydienst of MailKit.
asp-net-cannot-use-port-3fcf6280 = ASP.NET kan poort 465 (SSL bij verbinden) niet gebruiken, dus wordt in plaats daarvan poort 587 met enableSsl="true" gebruikt.
way-out-1-azure-communication-18094b5e = Uitweg 1, SMTP van Azure Communication Services (smtp.azurecomm.net, poort 587, enableSsl="true"): maak in de Azure-portal een Email Communication Service met je domein en een Communication Services-resource, geef een Entra-app er toegang toe en maak een SMTP Username aan. Dan is userName die SMTP Username en password het clientgeheim van de app (vervang { $user_placeholder } en { $secret_placeholder }). Het Van-adres moet op een domein staan dat in ACS is geverifieerd.
way-out-2-a-relay-7b644bf3 = Uitweg 2, een relaydienst (SendGrid, Brevo, Mailgun, Amazon SES, SMTP2GO, ...): zet de host ervan, poort 587, enableSsl="true" en de SMTP-gebruikersnaam en het wachtwoord of de sleutel ervan in het <network>-element.
way-out-3-an-exchange-c0be45f4 = Uitweg 3, een Exchange-connector: je beheerder maakt in Exchange Online een inkomende connector die mail accepteert van het vaste IP-adres van de webserver; de site verstuurt dan naar <jouw domein>.mail.protection.outlook.com op poort 25 zonder userName en password (enableSsl="true" werkt daar ook).
way-out-4-high-volume-cdeb9bee = Uitweg 4, High Volume Email (smtp-hve.office365.com, poort 587): accepteert nog een wachtwoord, maar levert alleen af op adressen binnen je eigen organisatie.
way-out-5-move-the-166eb8f2 = Uitweg 5: zet de mailcode van de site over naar MailKit, dat met OAuth inlogt (zie het tabblad ASP.NET Core voor de code; MailKit werkt ook op .NET Framework 4.x).

## src/snippet/oauth/wordpress.rs

put-this-in-wp-config-7f22d207 = Zet dit in wp-config.php boven de regel /* That's all, stop editing! */ (de WP Mail SMTP-plug-in is nodig), in plaats van de WPMS_-regels die er al staan.
with-wp-mail-smtp-the-c123677e = Bij WP Mail SMTP regelt de instellingenpagina van de plug-in het inloggen: volg de stappen daar, niet de app-only instelling voor SMTP (SMTP.SendAsApp).
steps-1-in-the-google-54eefa59 = Stappen: 1. Maak in de Google Cloud console een project, zet de Gmail API aan en maak een OAuth-client-ID van het type "Web application". 2. Kopieer de "Authorized redirect URI" uit de instellingen van WP Mail SMTP naar de "Authorized redirect URIs" van de client. 3. Plak de client-ID en het geheim hierboven. 4. Gebruik in de instellingen van WP Mail SMTP de knop om in te loggen met het Google-account van de mailbox en sta de plug-in toe te versturen.
steps-1-in-the-microsoft-ea0ecf6c = Stappen: 1. Ga in het Microsoft Entra-beheercentrum naar App registrations → New registration. 2. Voeg de redirect-URI en de machtigingen toe die de Outlook-instellingenpagina van WP Mail SMTP noemt. 3. Certificates & secrets → New client secret; plak de client-ID en het geheim hierboven. 4. Gebruik in de instellingen van WP Mail SMTP de knop om in te loggen met het Microsoft-account van de mailbox.
the-outlook-mailer-is-part-f00ba925 = De Outlook-mailer zit alleen in WP Mail SMTP Pro. Zonder Pro: SMTP van Azure Communication Services (smtp.azurecomm.net, poort 587, STARTTLS) werkt met de mailer "Other SMTP" van de plug-in en een gebruikersnaam en wachtwoord.
nothing-in-wp-config-php-e750f8c3 = Niets in wp-config.php logt in: de plug-in bewaart de inlog die hij op zijn instellingenpagina krijgt, dus doe stap 4 opnieuw als het versturen stopt (bijvoorbeeld nadat het geheim is verlopen).

## src/snippet/parts.rs

from-is-empty-the-website-80fe4bb0 = from is leeg: de code van de website moet dan zelf de afzender instellen.
replace-placeholder-with-the-mailbox-0d73c02b = Vervang { $placeholder } door het wachtwoord van de mailbox (het is weggelaten zodat het codefragment veilig kan worden gedeeld).
defaultcredentials-signing-in-as-the-f49dc854 = defaultCredentials (inloggen als het Windows-account) bestaat alleen in de web.config van ASP.NET: dit codefragment logt niet in. Vul een gebruikersnaam en wachtwoord in als de server die nodig heeft.
no-encryption-the-password-crosses-60b57264 = Geen versleuteling: het wachtwoord gaat onversleuteld over het netwerk. Gebruik STARTTLS of SSL bij verbinden als de server dat aanbiedt.
port-465-is-for-ssl-d3d922fc = Poort 465 is voor SSL bij verbinden, en de meeste mailprogramma's gebruiken dat daar altijd. Test poort 587 met STARTTLS, of poort 465 met SSL bij verbinden, voordat je hierop vertrouwt.

## src/snippet/phpmailer.rs

smtpautotls-is-false-so-that-d6642a40 = SMTPAutoTLS staat op false zodat PHPMailer niet uit zichzelf overschakelt op STARTTLS; verwijder die regel als de server STARTTLS aanbiedt en je dat wilt.

## src/snippet/symfony.rs

the-user-name-and-password-db6b0fdc = De gebruikersnaam en het wachtwoord zijn URL-gecodeerd in de DSN (@ is bijvoorbeeld %40): als je ze wijzigt, codeer ze dan op dezelfde manier.
smtp-switches-to-starttls-by-b5d12bbf = smtp:// schakelt vanzelf over op STARTTLS als de server dat aanbiedt. Symfony gebruikt op poort 465 altijd SSL bij verbinden, ook met smtp://.
smtp-still-switches-to-starttls-cb0f6b8f = smtp:// schakelt nog steeds over op STARTTLS als de server dat aanbiedt (Symfony 7.1+ kan dat uitzetten met ?auto_tls=false).
smtps-means-ssl-on-connect-dabcf4ab = smtps:// betekent SSL bij verbinden. Symfony gebruikt ook SSL bij verbinden voor elke DSN op poort 465.
symfony-mailer-takes-the-sender-5727fd05 = Symfony Mailer neemt de afzender uit elk bericht: gebruik { $from } als Van-adres.

## src/snippet/wordpress.rs

wpms-ssl-tls-means-starttls-e40daa42 = WPMS_SSL 'tls' betekent STARTTLS (het eigen commentaar van de plug-in "TLS is not STARTTLS" is misleidend): houd 'tls' bij poort 587 en 'ssl' alleen voor poort 465.

## src/warning.rs

your-website-will-then-log-9d26b372 = In het logboek van je website staat dan
for-mail-to-anyone-else-362213fd = Voor mail aan iemand anders staat in het logboek van je website
the-test-message-arrived-but-a31edd84 = Het testbericht is aangekomen, maar mail aan je klanten wordt geweigerd
this-server-took-the-test-163aee85 = Deze server nam het testbericht aan zonder inlog, omdat het aan een van zijn eigen mailboxen was gericht. Toen hem werd gevraagd mail voor een adres buiten de server aan te nemen (er is niets verstuurd), weigerde hij: "{ $reply }". Zonder inlog wordt de mail van je website aan iemand anders (orderbevestigingen, wachtwoordherstel) op dezelfde manier geweigerd.
fill-in-username-and-password-14461f2f = Vul `userName` en `password` in (en zet `enableSsl` op `true`): een ingelogde website mag naar elk adres versturen. Test er opnieuw mee.
or-ask-your-hosting-company-fee3b0e0 = Of vraag je hostingbedrijf met welke server en poort de website naar adressen buiten de server kan versturen.
azure-communication-services-a-microsoft-ac627e0b = Azure Communication Services: een relay van Microsoft die een gebruikersnaam en wachtwoord blijft accepteren (smtp.azurecomm.net, poort 587, enableSsl aan; userName is de SMTP-gebruikersnaam, password het clientgeheim van de Entra-app). Kies de voorinstelling "Azure Communication Services" en test hem.
a-sending-service-that-takes-06d85dc4 = Een verzenddienst die wachtwoorden accepteert (SendGrid, Brevo, Mailgun, Amazon SES, SMTP2GO) of de mailserver van je hostingbedrijf: verander host, userName en password in die van hen.
an-exchange-connector-your-admin-6c6db3dc = Een Exchange-connector: je beheerder laat het vaste IP-adres van de webserver zonder inloggen via poort 25 versturen naar <jouw domein>.mail.protection.outlook.com.
high-volume-email-smtp-hve-996cf456 = High Volume Email (smtp-hve.office365.com, poort 587) accepteert wachtwoorden tot september 2028, maar levert alleen af bij mailboxen van je eigen organisatie.
or-move-the-site-s-da0ce105 = Of zet de mailcode van de site over naar MailKit met OAuth (de ingebouwde mailverzender van ASP.NET kan geen OAuth).
sign-in-with-oauth-instead-a6b809b7 = Log in plaats daarvan in met OAuth (een Microsoft 365-app met de machtiging SMTP.SendAsApp): test het hier met Inlogmethode → Microsoft 365 (OAuth), of `mailtester send --oauth microsoft`, en gebruik dan het OAuth-codefragment voor je platform.
or-send-through-a-relay-09358923 = Of verstuur via een relay die wachtwoorden blijft accepteren: Azure Communication Services (smtp.azurecomm.net) of een verzenddienst.
this-works-today-but-microsoft-1e66a965 = Dit werkt nu, maar Microsoft 365 zet inloggen met een wachtwoord eind december 2026 uit
microsoft-switches-password-sign-in-b29c7af0 = Microsoft zet inloggen met een wachtwoord voor SMTP (basisverificatie) eind december 2026 standaard uit voor elke Microsoft 365-organisatie. Een beheerder kan het voorlopig weer aanzetten; Microsoft maakt in de tweede helft van 2027 het definitieve einde bekend. Vanaf dan stopt de mail van je website.

## src/webconfig/document.rs

a-second-top-level-element-0dbfb207 = een tweede element op het hoogste niveau; alles moet binnen het ene <configuration>-element staan
text-outside-the-configuration-element-5ab3603e = tekst buiten het <configuration>-element; verwijder die
name-is-never-closed-name-53fcf71f = <{ $name }> wordt nooit gesloten (</{ $name }> ontbreekt)
the-file-has-no-elements-e99344ab = het bestand heeft helemaal geen elementen (het moet beginnen met <configuration>)
a-tag-is-not-closed-61fb9e67 = een tag is niet gesloten: er ontbreekt een > (of een aanhalingsteken binnen de tag is niet gesloten)
a-comment-that-starts-with-3173cbb0 = een commentaar dat begint met <!-- wordt nooit gesloten met -->
a-cdata-section-is-never-36fbd2fd = een <![CDATA[-sectie wordt nooit gesloten met ]]>
a-instruction-is-never-closed-c4b71c8b = een <? ... ?>-instructie wordt nooit gesloten met ?>
something-starting-with-is-neither-c5af375e = iets wat begint met <! is geen commentaar en ook geen geldige opmaak
found-closes-expected-which-is-b2b369eb = </{ $found }> sluit <{ $expected }>, dat nog open is: er ontbreekt een sluittag of hij is verkeerd gespeld
name-closes-an-element-that-427ce6ea = </{ $name }> sluit een element dat nooit is geopend
name-is-never-closed-c06a4bbe = <{ $name }> wordt nooit gesloten
a-comment-contains-two-hyphens-e819051e = een commentaar bevat -- (twee streepjes), en dat staat XML niet toe binnen <!-- -->
an-starts-a-reference-that-acc80456 = een & begint een verwijzing die nooit wordt afgesloten met ; (schrijf & als &amp;)
the-xml-line-at-the-d4be05db = de regel <?xml ...?> bovenaan heeft geen version="1.0"
the-xml-could-not-be-ebe072f9 = de XML kon niet worden gelezen ({ $error })

## src/webconfig/error.rs

this-web-config-is-not-e049049c = deze web.config is geen geldige XML: { $problem } (regel { $line }, kolom { $column }). ASP.NET kan hem ook niet lezen; herstel hem in een teksteditor of zet een reservekopie terug en probeer het dan opnieuw
this-file-is-not-a-946b2312 = dit bestand is geen web.config: het eerste element is <{ $root }>, niet <configuration>. Open de web.config van de site (die staat in de hoofdmap van de site)
this-web-config-has-no-622e34e8 = deze web.config heeft nog geen mailinstellingen; test je instellingen en gebruik Bijwerken om ze toe te voegen
the-mail-settings-are-not-2daa99b4 = de mailinstellingen staan niet in dit bestand: <{ $element } configSource="{ $file }"> bewaart ze in { $file }, naast deze web.config. Open in plaats daarvan dat bestand
the-mail-settings-in-this-ba3ab443 = de mailinstellingen in deze web.config zijn versleuteld ({ $detail }), dus ze kunnen hier niet worden gelezen of gewijzigd. Ontsleutel ze op de server met aspnet_regiis -pd "system.net/mailSettings/smtp" (en versleutel ze daarna opnieuw met -pe), of typ de instellingen met de hand in
found-on-line-line-must-5332e735 = <{ $found }> op regel { $line } moet worden geschreven als <{ $expected }> (namen van elementen zijn hoofdlettergevoelig en ASP.NET weigert het bestand zoals het nu is). Verbeter de naam in een teksteditor en probeer het dan opnieuw
element-appears-more-than-once-f637cee8 = <{ $element }> komt meer dan eens voor (opnieuw op regel { $line }); ASP.NET weigert een sectie die twee keer is geschreven. Verwijder de extra sectie in een teksteditor en probeer het dan opnieuw
the-attribute-value-has-a-50c8f903 = de waarde van { $attribute } bevat een stuurteken ({ $character }) dat niet in een web.config mag staan: ASP.NET zou het hele bestand weigeren en de site zou stoppen met fout 500.19. Er is niets gewijzigd; typ { $attribute } opnieuw zonder dat teken (het komt vaak van kopiëren en plakken) en probeer het dan opnieuw
the-tester-could-not-update-b7d291a7 = de tester kon deze web.config niet veilig bijwerken ({ $arg0 }); er is niets gewijzigd. Meld dit alsjeblieft, en wijzig het bestand voorlopig met de hand
there-is-no-file-here-7f01ff88 = hier staat geen bestand; controleer het pad (de web.config staat in de hoofdmap van de site): { $path }
another-program-has-the-file-fad4180e = een ander programma heeft het bestand open en laat het niet wijzigen, dus er is niets gewijzigd; sluit het programma dat het open heeft (een editor, IIS Manager, een back-up- of synchronisatieprogramma) en probeer het dan opnieuw: { $path }
this-is-what-not-a-05f9ae91 = dit is { $what }, geen bestand, dus het is met rust gelaten; geef het pad van het web.config-bestand zelf (dat staat in de hoofdmap van de site): { $path }
the-file-is-read-only-c3ff344c = het bestand is alleen-lezen (het is gemarkeerd als alleen-lezen, of dit account mag er niet in schrijven), dus er is niets gewijzigd; haal de markering alleen-lezen weg (Windows: Eigenschappen van het bestand, vink Alleen-lezen uit; Linux: chmod u+w) of voer het uit als een gebruiker die erin mag schrijven, en probeer het dan opnieuw: { $path }
the-file-is-size-bytes-2a8cdc56 = het bestand is { $size } bytes, te groot voor een web.config (de limiet is { $limit } bytes); controleer of dit het juiste bestand is: { $path }
the-file-is-not-utf-e2a5449c = het bestand is geen UTF-8- of UTF-16-tekst ({ $detail }); open het in een teksteditor, sla het op als UTF-8 en probeer het dan opnieuw: { $path }
the-file-changed-on-disk-62f7b37a = het bestand is op de schijf veranderd nadat de wijzigingen waren voorbereid (een ander programma of iemand anders heeft het bewerkt), dus er is niets geschreven; voer het bijwerken opnieuw uit om een nieuwe diff te zien: { $path }
could-not-write-the-backup-75f9a6c2 = kon de reservekopie niet schrijven ({ $source }), dus de web.config is niet gewijzigd; maak wat schijfruimte vrij of controleer de rechten van de map: { $path }
could-not-write-the-new-01f69e66 = kon de nieuwe inhoud niet schrijven ({ $source }); de oude inhoud staat veilig in de reservekopie { $backup }, dus als de web.config nu beschadigd is, kopieer je de reservekopie eroverheen: { $path }
permission-denied-this-account-may-28324bb6 = toegang geweigerd: dit account mag het bestand niet lezen. { $advice }: { $path }
permission-denied-this-account-may-14f1cab5 = toegang geweigerd: dit account mag het bestand niet schrijven (of geen bestanden in de map maken). { $advice }: { $path }
could-not-read-the-file-988f82d4 = kon het bestand niet lezen ({ $source }); controleer het pad en probeer het opnieuw: { $path }
could-not-write-the-file-0790a48d = kon het bestand niet schrijven ({ $source }); controleer het pad en probeer het opnieuw: { $path }
a-website-s-files-under-c1972da4 = De bestanden van een website (bijvoorbeeld onder C:\inetpub) hebben meestal beheerdersrechten nodig: sluit Mail Settings Tester, klik er met de rechtermuisknop op en kies "Als administrator uitvoeren", en probeer het dan opnieuw; of werk met een kopie van het bestand
run-it-as-a-user-e923af9a = Voer het uit als een gebruiker die dat mag (op een webserver vaak root of de eigenaar van de site, bijv. met sudo), of werk met een kopie van het bestand

## src/webconfig/file/checks.rs

a-named-pipe-fifo-47ff048c = een named pipe (FIFO)
a-device-7c776f4e = een apparaat
a-socket-26577a75 = een socket
a-folder-419478b0 = een map
not-a-regular-file-ebe2737d = geen gewoon bestand

## src/webconfig/file.rs

utf-16-with-an-odd-c94555ea = UTF-16 met een oneven aantal bytes: het bestand is afgekapt
broken-utf-16-5bc13a27 = beschadigde UTF-16
it-looks-like-utf-16-33d07569 = het lijkt op UTF-16 zonder byte-order mark
line-line-has-a-character-cb86bf3b = regel { $line } bevat een teken dat geen UTF-8 is, waarschijnlijk een oudere Windows-codering
too-many-backups-with-the-2a36fe1a = te veel reservekopieën met hetzelfde tijdstempel

## src/webconfig/layout.rs

added-element-inside-parent-431becd7 = <{ $element }> toegevoegd binnen <{ $parent }>.

## src/webconfig/lint.rs

fix-the-xml-in-a-546837d2 = Herstel de XML in een teksteditor (of zet een reservekopie terug) en controleer opnieuw.
open-the-site-s-web-b8d6e299 = Open in plaats daarvan de web.config van de site.
check-that-other-file-instead-0ed422f0 = Controleer in plaats daarvan dat andere bestand.
decrypt-the-section-to-check-cf798e5a = Ontsleutel de sectie om hem te controleren, of test de instellingen door ze in te typen.
this-web-config-has-no-07bafa83 = Deze web.config heeft geen mailinstellingen (<system.net><mailSettings><smtp>).
test-your-settings-then-use-6448d6a8 = Test je instellingen en gebruik dan Bijwerken om ze toe te voegen.
smtp-has-no-network-element-aa04a6eb = <smtp> heeft geen <network>-element, dus er wordt geen mailserver genoemd: versturen mislukt met "The SMTP host was not specified.", tenzij de code van de site hem instelt.
add-network-host-port-587-17c60e62 = Voeg <network host="..." port="587" enableSsl="true" ... /> toe binnen <smtp> (Bijwerken doet het voor je).
found-must-be-written-right-a97a6695 = <{ $found }> moet worden geschreven als <{ $right }>: namen van elementen zijn hoofdlettergevoelig, en ASP.NET weigert het bestand zoals het nu is.
rename-found-to-right-in-b46d1244 = Hernoem <{ $found }> naar <{ $right }> (in de openings- en de sluittag).
element-is-written-more-than-3c644821 = <{ $element }> staat er meer dan eens: ASP.NET weigert een sectie die twee keer voorkomt.
keep-one-element-and-remove-0b3b6944 = Houd één <{ $element }> en verwijder de andere.
the-mail-settings-are-inside-00a41f02 = De mailinstellingen staan binnen <location path="{ $path }">, dus ze gelden voor dat deel van de site.
usually-fine-if-the-whole-bd9e2bd3 = Meestal prima; als de hele site mail verstuurt en dit een submap is, zet <system.net> dan direct onder <configuration>.
element-has-name-but-net-61c07682 = <{ $element }> heeft `{ $name }`, maar .NET kent alleen `{ $right }`: namen van attributen zijn hoofdlettergevoelig, dus ASP.NET weigert de hele mailsectie ("Unrecognized attribute '{ $name }'. Note that attribute names are case-sensitive.") en er wordt geen mail verstuurd.
rename-name-to-right-update-cb52d8cf = Hernoem `{ $name }` naar `{ $right }` (Bijwerken doet het voor je).
replace-name-with-meant-the-e25b0aa5 = Vervang `{ $name }` door `{ $meant }` (de naam die .NET kent).
remove-name-element-knows-known-3e4e8597 = Verwijder `{ $name }`. <{ $element }> kent: { $known }.
element-has-name-which-is-117faef4 = <{ $element }> heeft `{ $name }`, en dat is geen mailinstelling van .NET: ASP.NET weigert de hele mailsectie ("Unrecognized attribute '{ $name }'.") en er wordt geen mail verstuurd.

## src/webconfig/lint_tls.rs

targetframework-stated-a-site-that-de58a7e3 = targetFramework="{ $stated }": een site die op .NET Framework 4.5.2 of ouder is gericht, biedt standaard alleen TLS 1.0 aan, en mailservers accepteren nu alleen TLS 1.2 of nieuwer, dus versturen mislukt met "Authentication failed because the remote party has closed the transport stream.", tenzij Windows op de server is ingesteld om voor elk programma sterke versleuteling te gebruiken.
write-httpruntime-targetframework-4-8-f7fec2a7 = Schrijf <httpRuntime targetFramework="4.8" /> in <system.web> (.NET Framework 4.8 moet op de webserver geïnstalleerd zijn; je host kan je dat vertellen), of laat je ontwikkelaar bij het opstarten ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12; toevoegen.

## src/webconfig/lint_values.rs

smtp-has-no-from-address-f9cd657f = <smtp> heeft geen `from`-adres, dus elk bericht dat de site verstuurt, moet zelf een afzender instellen; waar de code dat niet doet, mislukt versturen met "A from address must be specified."
add-from-you-yourdomain-com-ec32121e = Voeg from="jij@jouwdomein.nl" toe aan <smtp>, met een adres waarmee de mailserver je laat versturen.
deliveryformat-format-is-not-a-505b3353 = deliveryFormat="{ $format }" is geen afleverformaat: ASP.NET weigert de mailsectie.
remove-deliveryformat-the-default-sevenb-95b52244 = Verwijder deliveryFormat (de standaardwaarde, SevenBit, past bij bijna elke site) of schrijf SevenBit of International.
deliverymethod-value-is-not-a-375196b5 = deliveryMethod="{ $value }" is geen aflevermethode: ASP.NET weigert de mailsectie.
write-deliverymethod-network-to-send-40e5740b = Schrijf deliveryMethod="Network" om via de mailserver te versturen.
deliverymethod-value-writes-each-message-82f343ab = deliveryMethod="{ $value }" schrijft elk bericht als bestand in een map in plaats van het te versturen: er komt niets bij de mailserver, wat <network> ook zegt.
write-deliverymethod-network-to-send-3e1d84d7 = Schrijf deliveryMethod="Network" om via de mailserver te versturen (houd de map alleen op een testsite).
no-mail-server-is-named-4f06cc8f = Er wordt geen mailserver genoemd (`host` ontbreekt of is leeg), dus versturen mislukt met "The SMTP host was not specified.", tenzij de code van de site hem instelt.
add-host-smtp-yourprovider-com-bb4f6757 = Voeg host="smtp.jouwprovider.nl" toe aan <network>.
port-465-is-for-ssl-761241f1 = port="465" is voor SSL bij verbinden, en dat kan System.Net.Mail niet: het wacht op een begroeting die nooit komt en mislukt na 100 seconden met "The operation has timed out."
use-port-587-with-enablessl-e0c0c6ce = Gebruik port="587" met enableSsl="true" (STARTTLS), en test het eerst.
port-value-is-outside-1-968b4df1 = port="{ $value }" ligt buiten 1–65535: ASP.NET weigert de mailsectie.
use-port-587-the-usual-19aa1c58 = Gebruik port="587" (de gebruikelijke poort om vanaf websites te versturen), tenzij je provider iets anders zegt.
port-value-is-not-a-f40e6f90 = port="{ $value }" is geen geheel getal: ASP.NET weigert de mailsectie.
encrypt-the-connection-with-starttls-1fd0d51e = de verbinding versleutelen met STARTTLS
sign-in-as-the-website-7d587fd7 = inloggen als het Windows-account van de website
enablessl-is-true-while-deliverymethod-2ec1b295 = enableSsl is true terwijl deliveryMethod naar een map schrijft: .NET stopt met "SSL must not be enabled for pickup-directory delivery methods."
write-deliverymethod-network-to-send-4e4c28b5 = Schrijf deliveryMethod="Network" om via de server te versturen, of enableSsl="false" om de map te houden.
name-value-is-neither-true-f3d68c43 = { $name }="{ $value }" is niet true en niet false: ASP.NET weigert de mailsectie.
write-name-true-meaning-or-f1a39692 = Schrijf { $name }="true" ({ $meaning }) of { $name }="false".
defaultcredentials-true-makes-asp-net-6f0df787 = defaultCredentials="true" laat ASP.NET inloggen als het Windows-account van de website: userName en password worden genegeerd.
write-defaultcredentials-false-to-sign-9b9e51b7 = Schrijf defaultCredentials="false" om in te loggen met userName en password (of verwijder userName als het Windows-account bedoeld is).
username-is-set-but-there-7c2d8888 = userName is ingesteld, maar er is geen wachtwoord, dus de server zal de inlog weigeren.
add-password-to-network-or-21c7b43d = Voeg password="..." toe aan <network> (of werk het bestand bij met het wachtwoord erin).
a-password-is-set-but-d646dd41 = Er is een wachtwoord ingesteld, maar userName is leeg, dus ASP.NET logt helemaal niet in (zonder gebruikersnaam verstuurt het geen inloggegevens).
add-username-usually-the-full-f1b8ba60 = Voeg userName="..." toe (meestal het volledige e-mailadres), of verwijder het wachtwoord.
enablessl-is-false-so-the-4de882bb = enableSsl is false, dus de gebruikersnaam en het wachtwoord gaan onversleuteld over het netwerk (en veel servers weigeren in te loggen zonder versleuteling).
write-enablessl-true-if-the-cfab14f3 = Schrijf enableSsl="true" als de server STARTTLS aanbiedt (test het eerst).
the-password-is-written-in-8b0e18ce = Het wachtwoord staat als leesbare tekst in web.config: iedereen die dit bestand kan lezen, kan het lezen.
once-the-settings-work-encrypt-99ce1214 = Versleutel de sectie op de server zodra de instellingen werken: aspnet_regiis -pe "system.net/mailSettings/smtp" -app "/JouwSite" (ASP.NET ontsleutelt hem vanzelf).

## src/webconfig/mod.rs

saving-web-config-restarts-the-382be3c3 = Als je web.config opslaat, start de website opnieuw (IIS laadt hem opnieuw): het kan een paar seconden duren voordat hij weer antwoordt, en bezoekers die zijn ingelogd moeten misschien opnieuw inloggen.

## src/webconfig/rules.rs

this-site-runs-on-net-353ee75a = Deze site draait op .NET Framework 2.0–3.5, waar web.config geen enableSsl heeft (dat kwam in 4.0, en oudere versies weigeren daardoor de hele sectie), dus dit codefragment laat het weg. De server heeft versleuteling nodig, dus zet die aan in code: zet SmtpClient.EnableSsl = true vóór Send (voor het PasswordRecovery-control handel je de gebeurtenis SendingMail af, verstuur je het bericht zelf met EnableSsl = true en zet je e.Cancel = true). Beter: zet de site over naar .NET Framework 4.x, waar enableSsl="true" in web.config genoeg is.
mail-servers-now-require-tls-ce5510dc = Mailservers eisen nu TLS 1.2: zorg dat de site gericht is op .NET Framework 4.7 of later (<httpRuntime targetFramework="4.7.2" /> of nieuwer), of dat Windows TLS 1.2 aanzet voor oudere doelen.
asp-net-core-net-5-5f421df6 = ASP.NET Core (.NET 5 en later) leest <mailSettings> helemaal niet uit web.config, dus dit blok zou niets doen. Gebruik in plaats daarvan het tabblad ASP.NET Core: appsettings.json voor MailKit.
asp-net-cannot-use-port-22b9f926 = ASP.NET kan poort 465 (SSL bij verbinden) niet gebruiken, dus wordt in plaats daarvan poort 587 met enableSsl="true" gebruikt. Test poort 587 voordat je erop vertrouwt.
enablessl-is-false-the-password-037fb99f = enableSsl is false: het wachtwoord gaat onversleuteld over het netwerk. Gebruik enableSsl="true" als de server dat aanbiedt.

## src/webconfig/section.rs

element-holds-encrypteddata-30490473 = <{ $element }> bevat <EncryptedData>

## src/webconfig/tag.rs

a-tag-could-not-be-f1aa86a3 = een tag kon niet worden gelezen
a-is-not-followed-by-579caa22 = na een < volgt geen elementnaam
in-name-attributes-must-be-9c9f83dd = in <{ $name }> moeten attributen worden gescheiden door een spatie
element-has-the-attribute-name-c9e1b545 = <{ $element }> heeft het attribuut { $name } twee keer
in-element-a-stray-quote-7de86a37 = in <{ $element }> staat een los aanhalingsteken of = waar een attribuutnaam hoort
in-element-the-attribute-name-d514ebae = in <{ $element }> heeft het attribuut { $name } geen waarde (schrijf { $name }="...")
in-element-the-value-of-1f8d26e4 = in <{ $element }> moet de waarde van { $name } tussen aanhalingstekens staan
in-element-the-value-of-3104c556 = in <{ $element }> heeft de waarde van { $name } geen afsluitend aanhalingsteken
in-element-the-value-of-2c82c8d0 = in <{ $element }> bevat de waarde van { $name } een <, en die moet worden geschreven als &lt;
in-element-the-value-of-5b909dc6 = in <{ $element }> bevat de waarde van { $name } een & die geen geldige verwijzing is (schrijf & als &amp;)

## src/webconfig/update.rs

no-password-was-written-it-6739a1ec = Er is geen wachtwoord geschreven (het wordt weggelaten tenzij je erom vraagt): voeg password="..." met de hand toe aan <network>, of werk opnieuw bij met het wachtwoord erin.

## mailtester --help: the doc comments clap shows, and clap's own texts

tests-smtp-settings-the-way-5dd24b90 = Test SMTP-instellingen zoals een website ze gebruikt, legt fouten in eenvoudige woorden uit en schrijft het web.config-codefragment dat werkt.
the-language-of-messages-and-254dde98 = De taal van de meldingen en van het venster: de, fr, es, pt-BR, it, nl, pl, ja of en (standaard: die van het systeem). JSON, codefragmenten, id's en afsluitcodes zijn in elke taal hetzelfde
print-help-63ca5eeb = Help tonen
print-version-070bbb84 = Versie tonen
send-a-test-message-and-43b885a5 = Een testbericht versturen en elke stap van het gesprek met de server tonen
start-from-a-provider-s-927bdeaf = Uitgaan van de instellingen van een provider (zie `mailtester presets`); andere opties hebben voorrang
start-from-a-saved-profile-4d8d2825 = Uitgaan van een opgeslagen profiel (zie `mailtester profile list`); andere opties hebben voorrang, en het wachtwoord komt uit de sleutelhanger van het systeem, tenzij het wordt opgegeven
host-the-mail-server-s-ef315f6f = `host`: de naam van de mailserver
port-587-for-most-providers-b7560650 = `port` (587 bij de meeste providers; de standaard van web.config is 25)
enablessl-starttls-web-config-s-201dd084 = `enableSsl` (STARTTLS). De standaard van web.config is false
connection-security-overrides-enable-ssl-4bfd0c93 = Beveiliging van de verbinding; heeft voorrang op --enable-ssl
starttls-what-enablessl-true-means-49815d99 = STARTTLS (wat enableSsl="true" betekent)
ssl-on-connect-usually-port-5606cb12 = SSL bij verbinden (meestal poort 465; niet mogelijk vanuit ASP.NET)
username-usually-the-full-email-1aca0825 = `userName` (meestal het volledige e-mailadres)
read-the-password-from-the-3b36a99c = Het wachtwoord lezen uit de eerste regel van standaardinvoer
read-the-password-from-this-8b7c2f86 = Het wachtwoord lezen uit deze omgevingsvariabele
defaultcredentials-sign-in-as-the-dcf0f239 = `defaultCredentials`: inloggen als het Windows-account in plaats van met een gebruikersnaam
from-the-sender-address-38af51cb = `from`: het afzenderadres
where-to-send-the-test-f1adc9fb = Waar de test naartoe wordt gestuurd (standaard: het from-adres)
clientdomain-the-name-sent-with-05cff35e = `clientDomain`: de naam die met EHLO wordt meegestuurd (standaard: de naam van deze computer)
limit-for-each-wait-in-fd8c958b = Limiet voor elke wachttijd, in seconden (standaard: verbinden 10, begroeting 10, opdrachten 30)
the-limit-for-the-whole-719e5a06 = De limiet voor de hele test in seconden, hoe traag maar gestaag de server ook antwoordt [standaard: 120, of --timeout als die is opgegeven]
how-long-to-wait-in-d78347aa = Hoe lang er, in seconden, gewacht wordt tot de server het bericht aanneemt als het helemaal verstuurd is (servers die elk bericht op spam controleren, kunnen traag zijn); de limiet voor de hele test blijft gelden. Voor --target dotnet geldt alleen de limiet voor de hele test, zoals in ASP.NET [standaard: 90, of --timeout als die is opgegeven]
an-extra-file-of-certificate-e8ce08c6 = Een extra bestand met te vertrouwen certificaatinstanties (PEM, of één DER-certificaat .cer)
go-on-when-the-certificate-c46a2c17 = Doorgaan als het certificaat ongeldig is (wordt altijd als waarschuwing gemeld)
sign-in-even-over-an-cd05e74d = Ook inloggen via een onversleutelde verbinding (het wachtwoord gaat over het netwerk, leesbaar voor iedereen onderweg). Zonder deze optie stopt de test voordat het wachtwoord daarover wordt verstuurd
the-program-that-will-use-dc349359 = Het programma dat deze instellingen gaat gebruiken [standaard: dotnet]
asp-net-system-net-mail-a1aacdb3 = ASP.NET / System.Net.Mail (web.config): gedraagt zich precies zoals dat programma
any-other-mail-program-the-96b08a92 = Elk ander mailprogramma: het beste wat de server biedt
the-website-s-asp-net-768c8f73 = De ASP.NET-runtime van de website: bepaalt wat er in web.config kan staan [standaard: 4]
net-framework-2-0-no-9d07e76e = .NET Framework 2.0 (geen enableSsl in web.config)
net-framework-3-5-no-2d75b08e = .NET Framework 3.5 (geen enableSsl in web.config)
net-framework-4-x-c65af3fe = .NET Framework 4.x
asp-net-core-net-5-64b81ab6 = ASP.NET Core / .NET 5 of later (geen <mailSettings>; appsettings.json)
put-the-real-password-in-1ff6bd67 = Het echte wachtwoord in het codefragment zetten dat bij succes wordt getoond (standaard uit)
print-one-json-document-instead-6d017d51 = Eén JSON-document tonen in plaats van tekst
save-the-password-in-the-25317884 = Het wachtwoord opslaan in de sleutelhanger van het systeem (tenzij de server de inlog weigert)
write-a-support-report-settings-d77f0f48 = Een supportrapport (instellingen zonder het wachtwoord, stappen, diagnose, transcript) naar dit bestand schrijven, wat de uitkomst ook is
write-the-support-report-in-385b4225 = Het supportrapport in het Engels schrijven, in welke taal de meldingen ook zijn (voor een supportafdeling die Engels leest)
after-the-message-went-through-4ac879ba = Nadat het bericht erdoor is gekomen, SPF, DKIM en DMARC van het `from`-domein voor deze server controleren ("komt het aan?"); afsluitcode 9 als er een probleem wordt gevonden
the-dns-server-for-check-5a2c9bdc = De DNS-server voor --check-dns en de DKIM-sleutels van --check-inbox (UDP en TCP) in plaats van die van deze computer
after-the-message-went-through-32241c55 = Nadat het bericht erdoor is gekomen, het via IMAP in deze mailbox zoeken en zeggen of het in de inbox of in de spam is beland: imaps://USER@HOST[:PORT] (of imap:// voor STARTTLS). Het wachtwoord komt uit --inbox-password-env, --inbox-password-stdin of de sleutelhanger (account USER@HOST:PORT), of is het inlogwachtwoord als USER en HOST hetzelfde zijn. Afsluitcode 10 als het niet in de inbox staat
read-the-mailbox-password-from-b8be0c16 = Het wachtwoord van de mailbox lezen uit deze omgevingsvariabele
read-the-mailbox-password-from-0f167cb6 = Het wachtwoord van de mailbox lezen uit een regel van standaardinvoer (de regel na het inlogwachtwoord als --password-stdin ook is opgegeven)
save-the-mailbox-password-in-ee48313c = Het wachtwoord van de mailbox opslaan in de sleutelhanger van het systeem (account USER@HOST:PORT) zodra de mailbox de inlog heeft geaccepteerd, zodat latere controles geen wachtwoordoptie nodig hebben
how-long-to-look-for-6cad6128 = Hoe lang er naar het bericht wordt gezocht voordat wordt gezegd dat het niet is aangekomen, in seconden
sign-in-with-oauth-using-fc0bf5f4 = Inloggen met OAuth met het toegangstoken in deze omgevingsvariabele
sign-in-with-oauth-0a054126 = Inloggen met OAuth
sign-in-with-oauth-using-b3ed4824 = Inloggen met OAuth met het toegangstoken op de eerste regel van standaardinvoer
get-the-token-from-the-f992c8b8 = Het token eerst bij de provider ophalen (Microsoft: een app die als zichzelf inlogt met --tenant, --client-id en zijn clientgeheim)
microsoft-365-client-credentials-the-dbe9f4d8 = Microsoft 365 (client credentials: de client-ID en het clientgeheim van de app)
google-not-for-apps-signing-f932ba5a = Google (niet voor apps die als zichzelf inloggen: zie de melding)
a-person-signs-in-instead-b5d721d5 = Een persoon logt in (in plaats van de app als zichzelf): in de browser van het systeem, of met een code die op een willekeurig apparaat wordt ingetypt. De inlog wordt in de sleutelhanger bewaard en ongemerkt vernieuwd
open-the-sign-in-page-869ea4f6 = De inlogpagina openen in de browser van het systeem (zet `MAILTESTER_BROWSER` op een programma om een andere browser te gebruiken)
show-a-code-to-type-b863e025 = Een code tonen om op de pagina van de provider in te typen, op een willekeurig apparaat
microsoft-the-directory-tenant-id-cbfe8ad3 = Microsoft: de Directory (tenant) ID of een domein van de organisatie (als een persoon inlogt: standaard `organizations`, `consumers` voor Outlook.com)
the-app-s-application-client-82f1a168 = De Application (client) ID van de app
read-the-app-s-client-e9605cd5 = Het clientgeheim van de app lezen uit deze omgevingsvariabele
read-the-app-s-client-3ca50f89 = Het clientgeheim van de app lezen uit de eerste regel van standaardinvoer
the-sign-in-service-default-2cd3b589 = De inlogdienst [standaard: <https://login.microsoftonline.com>]; alleen https (gewoon http alleen op deze computer, voor testservers)
use-this-oauth-method-by-0fe17325 = Deze OAuth-methode gebruiken; standaard XOAUTH2 als de server die aanbiedt, anders OAUTHBEARER
xoauth2-google-s-and-microsoft-cb4ab04d = XOAUTH2 (die van Google en Microsoft)
oauthbearer-rfc-7628-8e2ee2e0 = OAUTHBEARER (RFC 7628)
print-help-see-more-with-0a4f0559 = Help tonen (meer met '--help')
print-help-see-a-summary-d04996c7 = Help tonen (een samenvatting met '-h')
explain-an-error-message-your-18d7c6df = Een foutmelding uitleggen die je website heeft gelogd (geef de tekst, of - om standaardinvoer te lezen)
the-error-text-or-nothing-d88c8bf9 = De tekst van de fout; `-` of niets leest standaardinvoer
print-json-instead-of-text-beed6e40 = JSON tonen in plaats van tekst
the-website-s-asp-net-a497bacd = De ASP.NET-runtime van de website: het advies gebruikt wat die kan instellen [standaard: 4]
print-the-configuration-for-these-e00a86b9 = De configuratie voor deze instellingen tonen: web.config, of die van een ander platform met --format (er wordt geen test uitgevoerd)
put-the-real-password-in-6427f579 = Het echte wachtwoord in het codefragment zetten (standaard uit)
which-platform-s-configuration-to-dceee300 = Van welk platform de configuratie wordt getoond (`all` toont ze allemaal) [standaard: webconfig, of mailkit met --framework core]
web-config-d60c5f1f = web.config
wp-config-php-3861a5b9 = wp-config.php
env-65512ae0 = .env
settings-py-32af70ed = settings.py
nodemailer-51ddd8d1 = Nodemailer
env-local-ba614501 = .env.local
appsettings-json-mailkit-701582dc = appsettings.json, MailKit
every-format-one-after-the-d319a4ba = alle formaten, na elkaar
write-the-configuration-for-signing-f08a5eb8 = De configuratie schrijven om bij deze provider met OAuth in te loggen in plaats van met een wachtwoord (clientgeheim en refresh token altijd als plaatshouders)
oauth-22077a14 = OAuth
microsoft-the-directory-tenant-id-e920a4ad = Microsoft: de Directory (tenant) ID of een domein van de organisatie
a-person-signs-in-once-2851ee47 = Een persoon logt één keer in (een refresh token) in plaats van dat de app als zichzelf inlogt
list-the-provider-presets-usable-3657c41c = De voorinstellingen van providers opsommen die met --preset bruikbaar zijn
save-and-manage-named-settings-c7ac9890 = Instellingen onder een naam opslaan en beheren (profielen); wachtwoorden gaan alleen naar de sleutelhanger van het systeem
list-the-saved-profiles-711101ad = De opgeslagen profielen opsommen
show-a-profile-s-settings-2e26da20 = De instellingen van een profiel tonen, en of het wachtwoord ervan in de sleutelhanger is opgeslagen
the-profile-s-name-56c43ba2 = De naam van het profiel
save-settings-under-a-name-0486960c = Instellingen onder een naam opslaan; het profiel wordt gemaakt of vervangen (dezelfde opties als `send`)
the-profile-s-name-up-bc6f9e08 = De naam van het profiel (maximaal 64 tekens, geen / of \)
also-save-the-password-from-580edf38 = Ook het wachtwoord (uit --password-stdin of --password-env) in de sleutelhanger van het systeem opslaan
rename-a-profile-71f68a2d = Een profiel hernoemen
the-current-name-de8e7e88 = De huidige naam
the-new-name-a623aef5 = De nieuwe naam
delete-a-profile-44262b68 = Een profiel verwijderen
also-remove-its-saved-password-da2c7d1e = Ook het opgeslagen wachtwoord ervan uit de sleutelhanger verwijderen
remove-a-profile-s-saved-298cfc7c = Het opgeslagen wachtwoord van een profiel uit de sleutelhanger verwijderen (het profiel blijft bestaan)
remove-every-profile-and-every-de18827a = Alle profielen verwijderen, en elk wachtwoord dat Mail Settings Tester in de sleutelhanger heeft opgeslagen (wat het vakje "Ook mijn opgeslagen profielen en onthouden wachtwoorden verwijderen" van het verwijderprogramma doet)
do-it-without-asking-061c8750 = Het doen zonder te vragen
print-this-message-or-the-7623c860 = Dit bericht of de help van de opgegeven subopdracht(en) tonen
read-check-or-update-the-1315aa12 = De mailinstellingen in een web.config-bestand lezen, controleren of bijwerken
read-the-mail-settings-from-6b91affb = De mailinstellingen uit een web.config lezen (het wachtwoord wordt nooit getoond)
the-web-config-file-2305e780 = Het web.config-bestand
check-a-web-config-s-eb60dc36 = De mailinstellingen van een web.config controleren op wat ASP.NET zou weigeren (afsluitcode 7 bij fouten)
write-these-settings-into-a-4573a44f = Deze instellingen in een web.config schrijven: toont de diff, maakt een reservekopie van het bestand en schrijft dan (met --yes, of nadat je j antwoordt)
the-web-config-file-to-3839ba8f = Het web.config-bestand dat moet worden gewijzigd
write-the-real-password-too-865a9e8f = Ook het echte wachtwoord schrijven (het wordt nooit in de diff getoond). Zonder deze optie blijft een bestaand wachtwoord precies zoals het is en wordt er geen toegevoegd
write-without-asking-9993991f = Schrijven zonder te vragen
only-show-what-would-change-e66dcdb4 = Alleen tonen wat er zou veranderen; niets schrijven
find-the-outgoing-mail-settings-22b0736f = De uitgaande mailinstellingen voor een e-mailadres zoeken (of een server op elke poort testen) zonder een bericht of een wachtwoord te versturen
your-email-address-its-domain-cbd85dd0 = Je e-mailadres: de uitgaande servers van het domein ervan worden gezocht (DNS, autoconfig, provider) en getest
a-server-name-to-test-4879088a = Een servernaam om in plaats daarvan op elke poort te testen
ports-to-try-on-every-53d9d629 = Poorten om op elke server te proberen, gescheiden door komma's; vervangt de standaard 587,465,25,2525 (poorten die SRV-records of autoconfig noemen, worden toegevoegd)
the-limit-for-each-probe-127daa95 = De limiet voor elke poging, in seconden (verbinden, begroeting en de rest)
ask-this-dns-server-udp-35bceb0e = Deze DNS-server (UDP en TCP) raadplegen in plaats van die van deze computer; de poort is standaard 53
the-program-that-will-use-d4cb334f = Het programma dat de instellingen gaat gebruiken: bepaalt de rangorde [standaard: dotnet]
an-extra-file-of-certificate-da1c1030 = Een extra bestand met te vertrouwen certificaatinstanties, PEM of DER .cer (SMTP en het downloaden van autoconfig)
count-servers-with-an-invalid-f7b64de7 = Servers met een ongeldig certificaat als bruikbaar tellen (het probleem wordt nog steeds getoond)
the-https-port-of-autoconfig-9185457f = De HTTPS-poort van autoconfig-servers (voor tests)
show-or-forget-a-person-11db4f12 = De OAuth-inlog van een persoon die in de sleutelhanger wordt bewaard tonen of vergeten (zie send --sign-in)
is-a-person-s-sign-95ba3aa1 = Wordt er een inlog van een persoon bewaard voor deze mailbox en app? Vernieuwt hem om te bewijzen dat hij nog werkt
the-mailbox-that-signed-in-dcf5d44a = De mailbox die heeft ingelogd
the-provider-cf9e8981 = De provider
microsoft-the-tenant-signed-in-b1d7bb9b = Microsoft: de tenant waarbij is ingelogd [standaard: organizations]
the-sign-in-service-when-71e1c665 = De inlogdienst, als dat niet die van de provider zelf is
google-read-the-desktop-app-d5898bb6 = Google: het clientgeheim van de desktop-app lezen uit deze omgevingsvariabele
forget-the-kept-sign-in-65d531bb = De bewaarde inlog vergeten (het refresh token in de sleutelhanger)
the-steps-that-let-an-e27948a2 = De stappen waarmee een app met OAuth als een Microsoft 365-mailbox kan versturen (app-registratie, machtiging, toestemming van de beheerder, PowerShell), ingevuld met wat je opgeeft
the-mailbox-the-app-sends-a8459939 = De mailbox die de app als afzender gebruikt
the-directory-tenant-id-when-465cc398 = De Directory (tenant) ID, als die bekend is
the-application-client-id-when-024fef16 = De Application (client) ID, als die bekend is
will-mail-from-this-address-8c0194c4 = Komt mail van dit adres aan? Controleert SPF, DKIM en DMARC van het domein ervan voor de server waar de mail via gaat, en toont de DNS-records die je moet toevoegen
the-from-address-your-website-5f5287e4 = Het `from`-adres waarmee je website verstuurt; de DNS van het domein ervan wordt gecontroleerd
the-smtp-server-the-mail-68b38aa4 = De SMTP-server waar de mail via gaat: SPF wordt beoordeeld voor de adressen ervan, en DKIM gecontroleerd voor de selectors van de provider ervan
check-the-mail-settings-of-1120eef6 = De mailinstellingen controleren van elke site in een of meer mappen (web.config, wp-config.php, .env, appsettings.json): met elke mailserver wordt één keer contact gemaakt, elke site krijgt een conclusie en de oplossing. Leest alleen; verstuurt nooit mail
the-folders-to-look-in-963b17a2 = De mappen om in te zoeken (de sites van een hostingserver: `C:\inetpub\vhosts`, `/var/www`), of losse configuratiebestanden
also-scan-the-sites-listed-9cf2dfb8 = Ook de sites scannen die in deze applicationHost.config van IIS staan (`%windir%\System32\inetsrv\config\applicationHost.config`)
judge-from-the-files-alone-e580fcc5 = Alleen op basis van de bestanden oordelen: met geen enkele server contact maken
also-try-each-account-s-6362a89f = Ook de eigen gebruikersnaam en het eigen wachtwoord van elk account één keer proberen (alleen inloggen, dan QUIT; nooit een bericht; per server één account tegelijk, met een pauze ertussen)
how-many-servers-to-contact-a7a31c2c = Met hoeveel servers tegelijk contact wordt gemaakt (elke server krijgt één verbinding tegelijk)
the-limit-for-each-server-43cad9fe = De limiet voor elke server, in seconden
an-extra-file-of-certificate-1ea069c0 = Een extra bestand met te vertrouwen certificaatinstanties, PEM of DER .cer
ask-this-dns-server-instead-f78030e2 = Deze DNS-server raadplegen in plaats van die van deze computer; de poort is standaard 53
print-one-json-document-instead-4ee9e15d = Eén JSON-document tonen in plaats van de tabel
also-write-one-row-per-ee388af8 = Ook één rij per site naar dit CSV-bestand schrijven
also-write-a-page-to-d3088699 = Ook een pagina om te lezen en te filteren naar dit HTML-bestand schrijven
the-pause-between-two-sign-1665f117 = De pauze tussen twee inlogpogingen bij dezelfde server, in seconden (met --sign-in)

## The same texts as a pasted log, PHPMailer, ASP.NET 2.0–3.5 and ASP.NET Core read them

verify-the-from-address-or-e1e9a7fb = Verifieer het `From`-adres (of het hele domein) in het dashboard van je verzenddienst.
verify-the-setfrom-address-or-04ef5b06 = Verifieer het `setFrom()`-adres (of het hele domein) in het dashboard van je verzenddienst.
send-again-after-the-change-b575e680 = Verstuur opnieuw na de wijziging.
wait-a-few-minutes-and-fc0e871d = Wacht een paar minuten en verstuur opnieuw.
keep-ssl-switched-on-in-768015ad = Laat SSL aan staan in de code: zonder versleuteling zou je wachtwoord leesbaar over het netwerk gaan.
keep-securesocketoptions-set-to-starttls-2d62cb3b = Laat `SecureSocketOptions` op `StartTls` staan: zonder versleuteling zou je wachtwoord leesbaar over het netwerk gaan.
keep-smtpsecure-set-to-tls-a73ff0de = Laat `SMTPSecure` op `'tls'` (STARTTLS) staan: zonder versleuteling zou je wachtwoord leesbaar over het netwerk gaan.
send-again-0c4b9d7b = Verstuur opnieuw.
the-server-offers-sign-in-dde700b2 = De server biedt inloggen pas aan als de verbinding met STARTTLS is versleuteld (de manier waarop een mailserver overschakelt naar een versleutelde verbinding), dus verborg hij het inloggen om je wachtwoord te beschermen. `smtpClient.EnableSsl = true;` in de code zet STARTTLS aan.
the-server-offers-sign-in-bff6d7a0 = De server biedt inloggen pas aan als de verbinding met STARTTLS is versleuteld (de manier waarop een mailserver overschakelt naar een versleutelde verbinding), dus verborg hij het inloggen om je wachtwoord te beschermen. `"SecureSocketOptions": "StartTls"` zet STARTTLS aan in appsettings.json.
the-server-offers-sign-in-e2838ecd = De server biedt inloggen pas aan als de verbinding met STARTTLS is versleuteld (de manier waarop een mailserver overschakelt naar een versleutelde verbinding), dus verborg hij het inloggen om je wachtwoord te beschermen. `$mail->SMTPSecure = 'tls';` zet STARTTLS aan in je PHPMailer-instellingen.
host-has-no-dot-in-c5a60fd0 = In `Host` staat geen punt, terwijl namen van mailservers eruitzien als `smtp.example.com`: vergelijk het met de instructies van je provider.
check-that-the-web-server-db7d5f53 = Controleer of de webserver met internet verbonden is en verstuur opnieuw.
or-change-port-to-587-5d9bcb7b = Of verander `Port` in `587` en gebruik STARTTLS (de manier waarop een mailserver overschakelt naar een versleutelde verbinding).
the-connection-ended-while-switching-b63efb40 = De verbinding werd verbroken tijdens het overschakelen naar versleuteling: controleer of `port` en SSL (`SmtpClient.EnableSsl`, ingesteld in de code) overeenkomen met de instructies van je provider (voor ASP.NET: `587` met SSL aan in de code).
the-connection-ended-while-switching-1cd6aa8f = De verbinding werd verbroken tijdens het overschakelen naar versleuteling: controleer of `Port` en `SecureSocketOptions` overeenkomen met de instructies van je provider (voor ASP.NET: `587` met `SecureSocketOptions` op `StartTls`).
the-connection-ended-while-switching-7b2719f9 = De verbinding werd verbroken tijdens het overschakelen naar versleuteling: controleer of `Port` en `SMTPSecure` overeenkomen met de instructies van je provider (voor ASP.NET: `587` met `SMTPSecure` op `'tls'` (STARTTLS)).
some-servers-hang-up-instead-dfeb1bd9 = Sommige servers verbreken de verbinding in plaats van te zeggen dat het wachtwoord is geweigerd: controleer `UserName` en `Password`.
some-servers-hang-up-instead-0278e739 = Sommige servers verbreken de verbinding in plaats van te zeggen dat het wachtwoord is geweigerd: controleer `Username` en `Password`.
send-again-in-a-few-68c0d09c = Verstuur over een paar minuten opnieuw.
send-this-error-message-to-89c5093e = Stuur deze foutmelding naar je mailprovider.
use-a-sender-address-from-14e961d9 = Gebruik een afzenderadres (`From`) met vóór de @ alleen gewone letters (a tot z), cijfers, punten of streepjes, bijvoorbeeld `info@` je domein.
use-a-sender-address-the-ca84d68b = Gebruik een afzenderadres (het `setFrom()`-adres) met vóór de @ alleen gewone letters (a tot z), cijfers, punten of streepjes, bijvoorbeeld `info@` je domein.
or-add-deliveryformat-international-to-8ec871d6 = Of voeg `deliveryFormat="International"` toe aan het `<smtp>`-element in appsettings.json (ASP.NET 4.5 of later): dan stuurt ASP.NET internationale adressen naar servers die SMTPUTF8 aanbieden.
or-add-deliveryformat-international-to-faa47e44 = Of voeg `deliveryFormat="International"` toe aan het `<smtp>`-element in je PHPMailer-instellingen (ASP.NET 4.5 of later): dan stuurt ASP.NET internationale adressen naar servers die SMTPUTF8 aanbieden.
if-nothing-arrives-within-15-c518a7e3 = Komt er binnen 15 minuten niets aan, verstuur dan opnieuw; gebeurt dit weer, stuur deze foutmelding dan naar je mailprovider.
in-microsoft-365-an-app-6e56c287 = In Microsoft 365 heeft een app die als zichzelf verstuurt dit allemaal nodig: de machtiging SMTP.SendAsApp (Office 365 Exchange Online) met toestemming van de beheerder; een service principal gemaakt met New-ServicePrincipal met de object-ID van de Enterprise application (niet die van de App registration); Add-MailboxPermission voor de mailbox in `UserName`; en "Authenticated SMTP" aan voor die mailbox.
in-microsoft-365-an-app-b3e112e7 = In Microsoft 365 heeft een app die als zichzelf verstuurt dit allemaal nodig: de machtiging SMTP.SendAsApp (Office 365 Exchange Online) met toestemming van de beheerder; een service principal gemaakt met New-ServicePrincipal met de object-ID van de Enterprise application (niet die van de App registration); Add-MailboxPermission voor de mailbox in `Username`; en "Authenticated SMTP" aan voor die mailbox.
get-a-new-token-sign-cde11d0b = Haal een nieuw token op (log opnieuw in) en verstuur meteen opnieuw.
set-username-to-named-or-f211e440 = Zet `UserName` op { $named }, of log in als { $user } om daarvoor een token te krijgen.
set-username-to-named-or-2fc66420 = Zet `Username` op { $named }, of log in als { $user } om daarvoor een token te krijgen.
press-sign-in-with-microsoft-15c3a0b7 = Klik op "Inloggen met Microsoft…" (of Google) onder Inlogmethode en log in als de mailbox in `UserName`.
press-sign-in-with-microsoft-dbd7e457 = Klik op "Inloggen met Microsoft…" (of Google) onder Inlogmethode en log in als de mailbox in `Username`.
then-send-again-e431af76 = Verstuur daarna opnieuw.
sign-in-again-then-send-9e2cea38 = Log opnieuw in en verstuur daarna opnieuw.
check-the-web-server-s-103d021e = Controleer de internetverbinding van de webserver (en een proxy of firewall die login.microsoftonline.com kan blokkeren).
the-server-then-refused-the-3f6a45e9 = Daarna weigerde de server het bericht, dus je `UserName` en `Password` zijn nooit gebruikt: deze server of poort is waarschijnlijk niet degene die je provider ervoor bedoelde.
the-server-then-refused-the-2391e1c9 = Daarna weigerde de server het bericht, dus je `Username` en `Password` zijn nooit gebruikt: deze server of poort is waarschijnlijk niet degene die je provider ervoor bedoelde.
the-test-already-asked-for-f4fb1991 = De test vroeg al om STARTTLS, dus de server verwacht het misschien op een andere poort: vergelijk `Port` met de instructies van je provider.
set-defaultcredentials-to-false-while-2890bd17 = Zet `defaultCredentials` op `false`: zolang het `true` is, negeert appsettings.json `UserName` en `Password`.
set-defaultcredentials-to-false-while-8dd2ea25 = Zet `defaultCredentials` op `false`: zolang het `true` is, negeren je PHPMailer-instellingen `Username` en `Password`.
your-settings-have-no-username-19552a19 = Je instellingen hebben geen `UserName`, dus de test heeft niet ingelogd.
your-settings-have-no-username-a05a7039 = Je instellingen hebben geen `Username`, dus de test heeft niet ingelogd.
set-clientdomain-to-your-website-87fcae0f = Zet `clientDomain` op de volledige domeinnaam van je website (bijvoorbeeld `www.example.com`): de server accepteerde de naam niet waarmee de webserver zich voorstelde.
set-hostname-to-your-website-6aa76569 = Zet `Hostname` op de volledige domeinnaam van je website (bijvoorbeeld `www.example.com`): de server accepteerde de naam niet waarmee de webserver zich voorstelde.
the-sender-from-is-from-00d9e6a1 = De afzender (`From`) is { $from }, terwijl de inlog (`UserName`) { $user } is.
the-sender-the-setfrom-address-6978e525 = De afzender (het `setFrom()`-adres) is { $from }, terwijl de inlog (`Username`) { $user } is.
change-host-to-only-5c532b32 = Verander `Host` in `{ $only }`.
asp-net-2-0-3-755ddb5c = ASP.NET 2.0–3.5 heeft geen SSL (`SmtpClient.EnableSsl`, ingesteld in de code) in web.config (als je het toevoegt, werkt de hele mailsectie niet meer), dus zet SSL aan in je code, vlak voor het versturen: `smtpClient.EnableSsl = true;`. Voor het PasswordRecovery-control handel je de gebeurtenis `SendingMail` af: verstuur `e.Message` zelf met een `SmtpClient` waarvan `EnableSsl` `true` is, en zet dan `e.Cancel = true;`. Of zet de site over naar .NET Framework 4.x, waar `smtpClient.EnableSsl = true;` in de code genoeg is.
asp-net-2-0-3-0492d258 = ASP.NET 2.0–3.5 heeft geen `SecureSocketOptions` in appsettings.json (als je het toevoegt, werkt de hele mailsectie niet meer), dus zet SSL aan in je code, vlak voor het versturen: `smtpClient.EnableSsl = true;`. Voor het PasswordRecovery-control handel je de gebeurtenis `SendingMail` af: verstuur `e.Message` zelf met een `SmtpClient` waarvan `EnableSsl` `true` is, en zet dan `e.Cancel = true;`. Of zet de site over naar .NET Framework 4.x, waar `"SecureSocketOptions": "StartTls"` in appsettings.json genoeg is.
asp-net-2-0-3-b054c76a = ASP.NET 2.0–3.5 heeft geen `SMTPSecure` in je PHPMailer-instellingen (als je het toevoegt, werkt de hele mailsectie niet meer), dus zet SSL aan in je code, vlak voor het versturen: `smtpClient.EnableSsl = true;`. Voor het PasswordRecovery-control handel je de gebeurtenis `SendingMail` af: verstuur `e.Message` zelf met een `SmtpClient` waarvan `EnableSsl` `true` is, en zet dan `e.Cancel = true;`. Of zet de site over naar .NET Framework 4.x, waar `$mail->SMTPSecure = 'tls';` in je PHPMailer-instellingen genoeg is.
in-code-smtpclient-enablessl-true-92c8a040 = In code zet `smtpClient.EnableSsl = true;` dat aan (appsettings.json kan dat niet, op ASP.NET 2.0–3.5).
in-code-smtpclient-enablessl-true-81009338 = In code zet `smtpClient.EnableSsl = true;` dat aan (je PHPMailer-instellingen kunnen dat niet, op ASP.NET 2.0–3.5).
this-server-sends-mail-only-b0c6dd68 = Deze server verstuurt alleen mail voor ingelogde gebruikers, en het bericht werd aangeboden voordat er een inlog was geaccepteerd. In appsettings.json komt de inlog uit `UserName` en `Password`.
this-server-sends-mail-only-13da29c0 = Deze server verstuurt alleen mail voor ingelogde gebruikers, en het bericht werd aangeboden voordat er een inlog was geaccepteerd. In je PHPMailer-instellingen komt de inlog uit `Username` en `Password`.
fill-in-username-usually-your-16ab77cb = Vul `UserName` (meestal je volledige e-mailadres) en `Password` in.
fill-in-username-usually-your-bd6d01ab = Vul `Username` (meestal je volledige e-mailadres) en `Password` in.
when-the-server-refuses-the-4283fe38 = Als de server de gebruikersnaam of het wachtwoord weigert, zegt ASP.NET dat niet: het verstuurt dan zonder in te loggen, en de server antwoordt daarop met dit. Heeft je appsettings.json dus een `UserName` en `Password`, dan heeft de server die waarschijnlijk geweigerd. Heeft hij die niet, dan wil de server ze hebben voordat hij verstuurt.
when-the-server-refuses-the-3e977f55 = Als de server de gebruikersnaam of het wachtwoord weigert, zegt ASP.NET dat niet: het verstuurt dan zonder in te loggen, en de server antwoordt daarop met dit. Hebben je PHPMailer-instellingen dus een `Username` en `Password`, dan heeft de server die waarschijnlijk geweigerd. Hebben ze die niet, dan wil de server ze hebben voordat hij verstuurt.
check-username-usually-your-full-0a9b2c04 = Controleer `UserName` (meestal je volledige e-mailadres) en typ het wachtwoord opnieuw in `Password` (bij kopiëren kan er een spatie aan het eind bij komen).
check-username-usually-your-full-b9746a24 = Controleer `Username` (meestal je volledige e-mailadres) en typ het wachtwoord opnieuw in `Password` (bij kopiëren kan er een spatie aan het eind bij komen).
if-appsettings-json-has-no-9ae7992b = Heeft appsettings.json geen `UserName`, vul dan `UserName` en `Password` in.
if-your-phpmailer-settings-has-f403c5b1 = Hebben je PHPMailer-instellingen geen `Username`, vul dan `Username` en `Password` in.
change-port-to-587-and-ce86b8b8 = Verander `port` in `587` en zet SSL aan in de code: die poort is bedoeld om in te loggen en te versturen.
change-port-to-587-and-4449c2e9 = Verander `Port` in `587` en zet `SecureSocketOptions` op `StartTls`: die poort is bedoeld om in te loggen en te versturen.
change-port-to-587-and-ca6c0bf0 = Verander `Port` in `587` en zet `SMTPSecure` op `'tls'` (STARTTLS): die poort is bedoeld om in te loggen en te versturen.
if-your-hosting-company-says-20e12c2e = Zegt je hostingbedrijf dat je website via zijn server zonder wachtwoord kan versturen, maak dan `UserName` en `Password` leeg.
if-your-hosting-company-says-8f2cf1ce = Zegt je hostingbedrijf dat je website via zijn server zonder wachtwoord kan versturen, maak dan `Username` en `Password` leeg.
the-password-would-have-crossed-b405f683 = Het wachtwoord zou onversleuteld over het netwerk zijn gegaan, dus de server weigerde of verborg het inloggen. STARTTLS (de manier waarop een mailserver overschakelt naar een versleutelde verbinding) beschermt het, en `smtpClient.EnableSsl = true;` in de code zet dat aan.
the-password-would-have-crossed-61b019fb = Het wachtwoord zou onversleuteld over het netwerk zijn gegaan, dus de server weigerde of verborg het inloggen. STARTTLS (de manier waarop een mailserver overschakelt naar een versleutelde verbinding) beschermt het, en `"SecureSocketOptions": "StartTls"` zet dat aan in appsettings.json.
the-password-would-have-crossed-e65e058e = Het wachtwoord zou onversleuteld over het netwerk zijn gegaan, dus de server weigerde of verborg het inloggen. STARTTLS (de manier waarop een mailserver overschakelt naar een versleutelde verbinding) beschermt het, en `$mail->SMTPSecure = 'tls';` zet dat aan in je PHPMailer-instellingen.
switch-ssl-on-in-code-30da0bde = Zet SSL aan in de code.
set-securesocketoptions-to-starttls-3bc4460d = Zet `SecureSocketOptions` op `StartTls`.
set-smtpsecure-to-tls-starttls-46a3ad84 = Zet `SMTPSecure` op `'tls'` (STARTTLS).
keep-port-at-587-or-4b80fc48 = Laat `Port` op `587` staan (of `25` als je provider die gebruikt); ASP.NET kan `465` niet gebruiken.
switch-ssl-on-in-code-4307eb1e = Zet SSL aan in de code: het wachtwoord wordt dan pas verstuurd als de verbinding versleuteld is.
set-securesocketoptions-to-starttls-the-38afb891 = Zet `SecureSocketOptions` op `StartTls`: het wachtwoord wordt dan pas verstuurd als de verbinding versleuteld is.
set-smtpsecure-to-tls-starttls-4c600cf0 = Zet `SMTPSecure` op `'tls'` (STARTTLS): het wachtwoord wordt dan pas verstuurd als de verbinding versleuteld is.
if-you-accept-the-risk-dad65437 = Accepteer je het risico voor deze ene test (een server op je eigen privénetwerk), verstuur dan opnieuw en sta het onversleutelde wachtwoord toe (`--allow-plaintext-password` op de opdrachtregel, "Deze keer onversleuteld versturen" in het venster).
or-send-through-a-provider-46a07354 = Of verstuur via een provider die LOGIN aanbiedt (de meeste doen dat) en verander `Host` in zijn server.
check-that-username-is-exactly-4bf69761 = Controleer of `UserName` precies is wat je provider verwacht, meestal je volledige e-mailadres.
check-that-username-is-exactly-a64adcc1 = Controleer of `Username` precies is wat je provider verwacht, meestal je volledige e-mailadres.
type-the-password-into-password-c600c10f = Typ het wachtwoord opnieuw in `Password` (bij kopiëren kan er een spatie aan het eind bij komen).
if-your-account-uses-two-9504e3ad = Gebruikt je account inloggen in twee stappen, maak dan een app-wachtwoord aan in de beveiligingsinstellingen van het account en gebruik dat als `Password`.
create-an-app-password-there-80fabbc7 = Maak daar een app-wachtwoord aan en plak het zonder spaties in `Password`.
keep-username-as-your-full-1bb0200b = Laat `UserName` op je volledige e-mailadres staan en test opnieuw.
keep-username-as-your-full-c2dcda11 = Laat `userName` op je volledige e-mailadres staan en verstuur opnieuw.
keep-username-as-your-full-83f36431 = Laat `UserName` op je volledige e-mailadres staan en verstuur opnieuw.
keep-username-as-your-full-7428fb51 = Laat `Username` op je volledige e-mailadres staan en verstuur opnieuw.
use-an-app-password-a-10780f39 = Gebruik een app-wachtwoord (een apart wachtwoord voor programma's, aangemaakt in de beveiligingsinstellingen van je account) als `Password`.
send-again-within-a-few-a21e7638 = Verstuur binnen een paar minuten opnieuw.
wait-up-to-an-hour-8093e503 = Wacht na de wijziging maximaal een uur en verstuur dan opnieuw.
or-send-your-website-s-b7d4eee6 = Of verstuur de mail van je website via een dienst die wachtwoorden accepteert, zoals de mailserver van je hostingbedrijf of een verzenddienst, en verander `Host`, `UserName` en `Password` in de waarden daarvan.
or-send-your-website-s-0b5d20c6 = Of verstuur de mail van je website via een dienst die wachtwoorden accepteert, zoals de mailserver van je hostingbedrijf of een verzenddienst, en verander `Host`, `Username` en `Password` in de waarden daarvan.
meanwhile-keep-username-and-password-07dd145a = Laat `UserName` en `Password` intussen zoals ze zijn.
meanwhile-keep-username-and-password-3f5e26ba = Laat `Username` en `Password` intussen zoals ze zijn.
this-computer-asked-dns-the-994145ac = Deze computer vroeg de DNS (het adresboek van internet) naar de naam in `Host` en kreeg geen adres terug, dus hij weet niet waar de mail heen moet. Meestal zit er een typfout in de naam, of is deze computer nu niet met internet verbonden.
this-computer-asked-dns-the-f069de6d = Deze computer vroeg de DNS (het adresboek van internet) naar de naam in `host` en kreeg geen adres terug, dus hij weet niet waar de mail heen moet. Meestal zit er een typfout in de naam, of is de webserver nu niet met internet verbonden.
this-computer-asked-dns-the-f1a16f4d = Deze computer vroeg de DNS (het adresboek van internet) naar de naam in `Host` en kreeg geen adres terug, dus hij weet niet waar de mail heen moet. Meestal zit er een typfout in de naam, of is de webserver nu niet met internet verbonden.
check-host-letter-by-letter-e10ab329 = Vergelijk `Host` letter voor letter met de instructies van je mailprovider (het ziet eruit als `smtp.example.com`).
check-that-the-web-server-882bdeea = Controleer of de webserver websites kan openen; lukt dat niet, herstel dan de internetverbinding en verstuur opnieuw.
this-computer-reached-the-server-f24f15f0 = Deze computer bereikte de server, maar daar neemt niets mail aan op deze poort (de genummerde deur waarop een programma luistert), of een firewall (een filter dat verbindingen blokkeert) weigerde de verbinding. Meestal is de poort niet die van je provider, of verwijst `Host` naar een andere server.
check-port-against-your-provider-4f0b17dd = Vergelijk `Port` met de instructies van je provider: `587` is de gebruikelijke poort voor websites.
check-that-host-is-the-7bcf5860 = Controleer of `Host` de naam van de mailserver is, niet de naam van je website.
nothing-answered-on-this-port-cdd89199 = Niets op deze poort gaf antwoord voordat de tijdslimiet verstreek. Vaak laat een firewall (een filter dat verbindingen blokkeert) bij het hostingbedrijf of de internetprovider uitgaande mailverbindingen stilletjes vallen, vooral op poort 25; anders ligt de server misschien plat of verwijst `Host` naar de verkeerde plek.
change-port-to-587-and-1a3acff2 = Verander `port` in `587` en zet SSL aan in de code: de gebruikelijke combinatie voor websites.
change-port-to-587-and-25391141 = Verander `Port` in `587` en zet `SecureSocketOptions` op `StartTls`: de gebruikelijke combinatie voor websites.
change-port-to-587-and-7dd5ab0a = Verander `Port` in `587` en zet `SMTPSecure` op `'tls'` (STARTTLS): de gebruikelijke combinatie voor websites.
check-that-host-is-correct-44613728 = Controleer of `Host` klopt en of de server werkt (zie de statuspagina van je provider).
change-port-to-587-and-c81e9ee7 = Verander `port` in `587` en zet SSL aan in de code.
change-port-to-587-and-8b12b4c0 = Verander `Port` in `587` en zet `SecureSocketOptions` op `StartTls`.
change-port-to-587-and-8fadafbf = Verander `Port` in `587` en zet `SMTPSecure` op `'tls'` (STARTTLS).
if-port-is-already-587-0cb369bc = Staat `Port` al op `587`, wacht dan een paar minuten en test opnieuw: de server is misschien druk.
if-port-is-already-587-ccf09a76 = Staat `port` al op `587`, wacht dan een paar minuten en verstuur opnieuw: de server is misschien druk.
if-port-is-already-587-4a354996 = Staat `Port` al op `587`, wacht dan een paar minuten en verstuur opnieuw: de server is misschien druk.
the-answer-did-not-look-5f0bba55 = Het antwoord leek niet op SMTP (de taal die mailservers spreken). De poort hoort misschien bij een website of een andere dienst, of `Host` verwijst naar een andere machine.
check-port-websites-send-mail-ec5e733d = Controleer `Port`: websites versturen mail via poort `587` (soms `25`); poorten zoals `80` en `443` zijn voor websites, `110`, `143`, `993` en `995` voor het lezen van mail.
check-host-against-your-provider-8076bc63 = Vergelijk `Host` met de instructies van je provider.
the-server-answered-but-refused-0295d135 = De server antwoordde, maar weigerde deze verbinding te bedienen. Meestal heeft de server een tijdelijk probleem (onderhoud of overbelasting), of weigert hij het internetadres van de webserver, bijvoorbeeld omdat het adres op een blokkeerlijst staat (een lijst met adressen die bekend zijn van spam).
if-it-keeps-happening-send-8a27583b = Blijft het gebeuren, stuur deze foutmelding dan naar je mailprovider en vraag waarom hij de verbinding weigert.
check-host-and-port-a-a458c8e7 = Controleer `Host` en `Port`: een server die bedoeld is om mail te ontvangen, weigert misschien om mail te versturen.
check-that-port-and-ssl-70c0ee6b = Controleer of `port` en SSL (`SmtpClient.EnableSsl`, ingesteld in de code) overeenkomen met de instructies van je provider (meestal `587` met SSL aan in de code).
check-that-port-and-securesocketoptions-89528e86 = Controleer of `Port` en `SecureSocketOptions` overeenkomen met de instructies van je provider (meestal `587` met `SecureSocketOptions` op `StartTls`).
check-that-port-and-smtpsecure-449d63e0 = Controleer of `Port` en `SMTPSecure` overeenkomen met de instructies van je provider (meestal `587` met `SMTPSecure` op `'tls'` (STARTTLS)).
if-it-keeps-happening-send-e5580e23 = Blijft het gebeuren, stuur deze foutmelding dan naar je mailprovider: de stap waarop het stopte, vertelt hen waar ze moeten zoeken.
if-your-web-config-uses-889c5cd5 = Gebruikt je web.config poort 465: ASP.NET kan die niet gebruiken en wacht op deze manier. Verander `port` in `587` en zet SSL aan in de code.
if-your-appsettings-json-uses-d533bdae = Gebruikt je appsettings.json poort 465: ASP.NET kan die niet gebruiken en wacht op deze manier. Verander `Port` in `587` en zet `SecureSocketOptions` op `StartTls`.
if-your-phpmailer-settings-uses-4a530e8c = Gebruiken je PHPMailer-instellingen poort 465: ASP.NET kan die niet gebruiken en wacht op deze manier. Verander `Port` in `587` en zet `SMTPSecure` op `'tls'` (STARTTLS).
if-it-always-stops-at-83c30f5e = Stopt het altijd bij dezelfde stap, stuur deze foutmelding dan naar je mailprovider.
change-port-to-587-and-6c3a9e07 = Verander `port` in `587` en zet SSL aan in de code (in PHPMailer: `Port = 587` en `SMTPSecure = 'tls'`).
change-port-to-587-and-027673b4 = Verander `Port` in `587` en zet `SecureSocketOptions` op `StartTls` (in PHPMailer: `Port = 587` en `SMTPSecure = 'tls'`).
change-port-to-587-and-acdf78ff = Verander `Port` in `587` en zet `SMTPSecure` op `'tls'` (STARTTLS) (in PHPMailer: `Port = 587` en `SMTPSecure = 'tls'`).
check-that-host-is-exactly-c9e110a5 = Controleer of `Host` precies de servernaam is die je provider opgeeft.
asp-net-found-no-host-27c3e5d1 = ASP.NET vond geen `Host` in de sectie `<mailSettings>` van appsettings.json (of in de code van de website), dus het weet niet via welke server het moet versturen.
asp-net-found-no-host-5f8bb081 = ASP.NET vond geen `Host` in de sectie `<mailSettings>` van je PHPMailer-instellingen (of in de code van de website), dus het weet niet via welke server het moet versturen.
add-host-to-the-network-9763ed7a = Voeg `Host` toe aan het `<network>`-element in appsettings.json, bijvoorbeeld `host="smtp.example.com"`.
add-host-to-the-network-53d7f112 = Voeg `Host` toe aan het `<network>`-element in je PHPMailer-instellingen, bijvoorbeeld `host="smtp.example.com"`.
check-that-mailsettings-sits-inside-0c0a576e = Controleer of `<mailSettings>` binnen `<system.net>` staat in de appsettings.json van de site die de mail verstuurt.
check-that-mailsettings-sits-inside-65128b72 = Controleer of `<mailSettings>` binnen `<system.net>` staat in de PHPMailer-instellingen van de site die de mail verstuurt.
if-port-is-465-change-9fcd50ea = Staat `port` op `465`, verander het dan in `587` en zet SSL aan in de code.
if-port-is-465-change-713827f1 = Staat `Port` op `465`, verander het dan in `587` en zet `SecureSocketOptions` op `StartTls`.
if-port-is-465-change-2fa73428 = Staat `Port` op `465`, verander het dan in `587` en zet `SMTPSecure` op `'tls'` (STARTTLS).
change-port-to-587-and-f1c17a3e = Verander `port` in `587` en zet SSL aan in de code: de gebruikelijke poort om te versturen.
change-port-to-587-and-94bbac19 = Verander `Port` in `587` en zet `SecureSocketOptions` op `StartTls`: de gebruikelijke poort om te versturen.
change-port-to-587-and-43841e36 = Verander `Port` in `587` en zet `SMTPSecure` op `'tls'` (STARTTLS): de gebruikelijke poort om te versturen.
if-it-still-fails-look-ff139b92 = Mislukt het nog steeds, zoek dan de "uitgaande server (SMTP)" op in de instructies van je provider en zet die naam in `Host`.
check-host-and-port-against-3b485e04 = Vergelijk `Host` en `Port` met de instructies van je provider voor het versturen van mail (meestal poort `587`).
get-a-new-token-and-9157640f = Haal een nieuw token op en verstuur opnieuw (tokens zijn ongeveer een uur geldig).
check-that-username-is-the-4e5d87e4 = Controleer of `UserName` de mailbox is waarvoor het token is uitgegeven.
check-that-username-is-the-9b28a7c4 = Controleer of `Username` de mailbox is waarvoor het token is uitgegeven.
check-host-and-port-microsoft-e6e6b5eb = Controleer `host` en `port`: Microsoft 365 is smtp.office365.com poort 587, Google smtp.gmail.com poort 587, allebei met SSL (`SmtpClient.EnableSsl`, ingesteld in de code) aan.
check-host-and-port-microsoft-b0c20a32 = Controleer `Host` en `Port`: Microsoft 365 is smtp.office365.com poort 587, Google smtp.gmail.com poort 587, allebei met `SecureSocketOptions` aan.
check-host-and-port-microsoft-523a848d = Controleer `Host` en `Port`: Microsoft 365 is smtp.office365.com poort 587, Google smtp.gmail.com poort 587, allebei met `SMTPSecure` aan.
if-this-provider-takes-passwords-3bb74bce = Accepteert deze provider wachtwoorden, kies dan Wachtwoord als inlogmethode en vul `UserName` en `Password` in.
if-this-provider-takes-passwords-cd6b862e = Accepteert deze provider wachtwoorden, kies dan Wachtwoord als inlogmethode en vul `Username` en `Password` in.
turn-ssl-smtpclient-enablessl-set-42d31a84 = Zet SSL (`SmtpClient.EnableSsl`, ingesteld in de code) aan (STARTTLS), gebruik poort 587 en test opnieuw.
turn-securesocketoptions-on-starttls-and-a7004f0b = Zet `SecureSocketOptions` aan (STARTTLS), gebruik poort 587 en test opnieuw.
turn-enablessl-on-starttls-and-a16794a0 = Zet `enableSsl` aan (STARTTLS), gebruik poort 587 en verstuur opnieuw.
turn-ssl-smtpclient-enablessl-set-f1d93b4a = Zet SSL (`SmtpClient.EnableSsl`, ingesteld in de code) aan (STARTTLS), gebruik poort 587 en verstuur opnieuw.
turn-securesocketoptions-on-starttls-and-0f439331 = Zet `SecureSocketOptions` aan (STARTTLS), gebruik poort 587 en verstuur opnieuw.
turn-smtpsecure-on-starttls-and-0225d222 = Zet `SMTPSecure` aan (STARTTLS), gebruik poort 587 en verstuur opnieuw.
copy-its-value-shown-only-baebca2a = Kopieer de Value (wordt maar één keer getoond), niet de Secret ID, en verstuur er opnieuw mee.
click-grant-admin-consent-a-91822b47 = Klik op "Grant admin consent" (dat kan een Global of Privileged Role Administrator) en verstuur opnieuw.
check-the-tenant-client-id-1012b4ff = Controleer de tenant, client-ID en het clientgeheim en verstuur opnieuw.
fill-in-username-usually-your-09a65651 = Vul `UserName` (meestal je volledige e-mailadres) en `Password` in, en zet `defaultCredentials` op `false`.
fill-in-username-usually-your-50684571 = Vul `Username` (meestal je volledige e-mailadres) en `Password` in, en zet `defaultCredentials` op `false`.
use-port-587-with-ssl-4232ba01 = Gebruik `port` `587` met SSL aan in de code.
use-port-587-with-securesocketoptions-e966938b = Gebruik `Port` `587` met `SecureSocketOptions` op `StartTls`.
use-port-587-with-smtpsecure-82c79dba = Gebruik `Port` `587` met `SMTPSecure` op `'tls'` (STARTTLS).
the-sender-address-from-must-de121e17 = Het afzenderadres (`From`) moet een adres zijn waarmee het account mag versturen: meestal de mailbox waarmee je inlogt, of een adres dat je provider heeft geverifieerd. Dit adres staat niet op die lijst.
the-sender-address-the-setfrom-f4a6393b = Het afzenderadres (het `setFrom()`-adres) moet een adres zijn waarmee het account mag versturen: meestal de mailbox waarmee je inlogt, of een adres dat je provider heeft geverifieerd. Dit adres staat niet op die lijst.
set-from-to-the-same-ab436cc1 = Zet `From` op hetzelfde adres als `UserName`.
set-the-setfrom-address-to-a2daea5d = Zet het `setFrom()`-adres op hetzelfde adres als `Username`.
your-settings-got-through-but-8bd03782 = Je instellingen kwamen erdoor, maar de testontvanger werd geweigerd: het adres bestaat misschien niet, of de mailbox kan nu geen mail aannemen. Dit gaat over het testadres, niet over je appsettings.json.
your-settings-got-through-but-22f6af0b = Je instellingen kwamen erdoor, maar de testontvanger werd geweigerd: het adres bestaat misschien niet, of de mailbox kan nu geen mail aannemen. Dit gaat over het testadres, niet over je PHPMailer-instellingen.
send-the-test-to-another-0fcce78a = Stuur de test naar een ander adres van jezelf, bijvoorbeeld het adres in `From`.
send-the-test-to-another-41a6baf8 = Stuur de test naar een ander adres van jezelf, bijvoorbeeld het `setFrom()`-adres.
to-see-whether-the-domain-72830a7e = Om te zien of het domein de oorzaak is, zet je `From` op een adres van het eigen domein van je mailprovider en test je opnieuw.
to-see-whether-the-domain-991b9f90 = Om te zien of het domein de oorzaak is, zet je `from` op een adres van het eigen domein van je mailprovider en verstuur je opnieuw.
to-see-whether-the-domain-990497f0 = Om te zien of het domein de oorzaak is, zet je `From` op een adres van het eigen domein van je mailprovider en verstuur je opnieuw.
to-see-whether-the-domain-328199fc = Om te zien of het domein de oorzaak is, zet je het `setFrom()`-adres op een adres van het eigen domein van je mailprovider en verstuur je opnieuw.
change-the-account-s-password-40df0054 = Verander het wachtwoord van het account (iemand anders kent het misschien) en zet het nieuwe in `Password`.
wait-15-to-60-minutes-3a79afb7 = Wacht 15 tot 60 minuten en verstuur opnieuw.
set-hostname-to-your-website-f3412636 = Zet `Hostname` op de volledige domeinnaam van je website (bijvoorbeeld `www.example.com`): sommige servers wantrouwen computers die zich voorstellen als `localhost`.
send-again-in-5-to-9d5019ef = Verstuur over 5 tot 15 minuten opnieuw: dan zou het geaccepteerd moeten worden.
wait-until-the-limit-resets-0d50752b = Wacht tot de limiet is hersteld (meestal 24 uur; bij een maandabonnement de volgende maand) en verstuur opnieuw.
meanwhile-keep-host-port-and-6979a951 = Laat `host`, `port` en SSL (`SmtpClient.EnableSsl`, ingesteld in de code) intussen zoals ze zijn.
meanwhile-keep-host-port-and-ae23b856 = Laat `Host`, `Port` en `SecureSocketOptions` intussen zoals ze zijn.
meanwhile-keep-host-port-and-5755e529 = Laat `Host`, `Port` en `SMTPSecure` intussen zoals ze zijn.
your-website-logged-a-message-ee3ac898 = Je website heeft een melding gelogd waarvoor we nog geen uitleg hebben.
check-host-port-and-ssl-9487adb8 = Vergelijk `host`, `port` en SSL (`SmtpClient.EnableSsl`, ingesteld in de code) met de instructies van je provider.
check-host-port-and-securesocketoptions-260c4cc5 = Vergelijk `Host`, `Port` en `SecureSocketOptions` met de instructies van je provider.
check-host-port-and-smtpsecure-aa95c42e = Vergelijk `Host`, `Port` en `SMTPSecure` met de instructies van je provider.
meanwhile-check-host-port-and-06f829c0 = Vergelijk intussen `host`, `port` en SSL (`SmtpClient.EnableSsl`, ingesteld in de code) met de instructies van je provider.
meanwhile-check-host-port-and-ac1208bd = Vergelijk intussen `Host`, `Port` en `SecureSocketOptions` met de instructies van je provider.
meanwhile-check-host-port-and-25424766 = Vergelijk intussen `Host`, `Port` en `SMTPSecure` met de instructies van je provider.
or-run-the-test-in-ff624e00 = Of voer de test in dit programma uit met je `host`, `port` en SSL (`SmtpClient.EnableSsl`, ingesteld in de code): dan zie je precies welke stap mislukt.
or-run-the-test-in-d2dd620b = Of voer de test in dit programma uit met je `Host`, `Port` en `SecureSocketOptions`: dan zie je precies welke stap mislukt.
or-run-the-test-in-e6d802d8 = Of voer de test in dit programma uit met je `Host`, `Port` en `SMTPSecure`: dan zie je precies welke stap mislukt.
the-specified-string-is-not-3e32bd8d = "The specified string is not in the form required for an e-mail address" komt van ASP.NET zelf, voordat er contact is met een mailserver: het `From`-adres, of een adres dat de website in To, Cc of Bcc zet, bevat een typfout (een ontbrekende @, een spatie, twee adressen in één veld).
the-specified-string-is-not-f3060462 = "The specified string is not in the form required for an e-mail address" komt van ASP.NET zelf, voordat er contact is met een mailserver: het `setFrom()`-adres, of een adres dat de website in To, Cc of Bcc zet, bevat een typfout (een ontbrekende @, een spatie, twee adressen in één veld).
check-from-in-appsettings-json-0cf5714f = Controleer `From` in appsettings.json: één adres zoals `info@example.com` (er mag een naam voor staan: `Winkel <info@example.com>`).
check-the-setfrom-address-in-8cad20a1 = Controleer het `setFrom()`-adres in je PHPMailer-instellingen: één adres zoals `info@example.com` (er mag een naam voor staan: `Winkel <info@example.com>`).
if-from-is-right-the-443c5684 = Klopt `From`, dan komt het adres van de website zelf (een formulier dat een bezoeker heeft ingevuld, of een instelling van de site): vraag je ontwikkelaar om adressen te controleren voordat ze worden verstuurd.
if-the-setfrom-address-is-4c7f473a = Klopt het `setFrom()`-adres, dan komt het adres van de website zelf (een formulier dat een bezoeker heeft ingevuld, of een instelling van de site): vraag je ontwikkelaar om adressen te controleren voordat ze worden verstuurd.
if-the-address-is-from-8131bf9f = Is het adres `From`, gebruik dan een adres met gewone letters vóór de @.
if-the-address-is-the-d8299d5b = Is het adres het `setFrom()`-adres, gebruik dan een adres met gewone letters vóór de @.
if-it-is-a-customer-14a454a2 = Is het het adres van een klant, voeg dan `deliveryFormat="International"` toe aan `<smtp>` in appsettings.json (.NET Framework 4.5 of nieuwer) en voer de test hier uit om te controleren of je mailserver SMTPUTF8 aanbiedt.
if-it-is-a-customer-df901be6 = Is het het adres van een klant, voeg dan `deliveryFormat="International"` toe aan `<smtp>` in je PHPMailer-instellingen (.NET Framework 4.5 of nieuwer) en voer de test hier uit om te controleren of je mailserver SMTPUTF8 aanbiedt.
the-server-will-not-go-d97198f6 = De server gaat pas verder als de verbinding met STARTTLS is versleuteld (de manier waarop een mailserver overschakelt naar een versleutelde verbinding). In code zet `smtpClient.EnableSsl = true;` dat aan (web.config kan dat niet, op ASP.NET 2.0–3.5).
the-server-will-not-go-adefed65 = De server gaat pas verder als de verbinding met STARTTLS is versleuteld (de manier waarop een mailserver overschakelt naar een versleutelde verbinding). In appsettings.json zet `"SecureSocketOptions": "StartTls"` dat aan.
the-server-will-not-go-97dcf783 = De server gaat pas verder als de verbinding met STARTTLS is versleuteld (de manier waarop een mailserver overschakelt naar een versleutelde verbinding). `$mail->SMTPSecure = 'tls';` zet dat aan.
use-port-587-the-usual-4b4b252f = Gebruik `Port` `587` (de gebruikelijke poort om vanaf websites te versturen), tenzij je provider iets anders zegt.
with-ssl-smtpclient-enablessl-set-d3fe9f32 = Met SSL (`SmtpClient.EnableSsl`, ingesteld in de code) aan vraagt ASP.NET om STARTTLS (de manier waarop een mailserver overschakelt naar een versleutelde verbinding), en deze server bood dat niet aan, dus ASP.NET stopt met "Server does not support secure connections". Meestal is de poort of server niet de verzendserver van de provider, of is de versleuteling van de server niet ingesteld.
with-securesocketoptions-on-asp-net-a08cc797 = Met `SecureSocketOptions` aan vraagt ASP.NET om STARTTLS (de manier waarop een mailserver overschakelt naar een versleutelde verbinding), en deze server bood dat niet aan, dus ASP.NET stopt met "Server does not support secure connections". Meestal is de poort of server niet de verzendserver van de provider, of is de versleuteling van de server niet ingesteld.
with-smtpsecure-on-asp-net-fe653274 = Met `SMTPSecure` aan vraagt ASP.NET om STARTTLS (de manier waarop een mailserver overschakelt naar een versleutelde verbinding), en deze server bood dat niet aan, dus ASP.NET stopt met "Server does not support secure connections". Meestal is de poort of server niet de verzendserver van de provider, of is de versleuteling van de server niet ingesteld.
check-host-and-port-against-28b524e4 = Vergelijk `Host` en `Port` met de instructies van je provider; staat `Port` op `25`, probeer dan `587`.
turning-ssl-smtpclient-enablessl-set-fd0df8f0 = Als je SSL (`SmtpClient.EnableSsl`, ingesteld in de code) uitzet, wordt je wachtwoord onversleuteld verstuurd (leesbaar voor iedereen onderweg): overweeg dat alleen als je provider bevestigt dat de server op je eigen privénetwerk staat.
turning-securesocketoptions-off-would-se-e26e1505 = Als je `SecureSocketOptions` uitzet, wordt je wachtwoord onversleuteld verstuurd (leesbaar voor iedereen onderweg): overweeg dat alleen als je provider bevestigt dat de server op je eigen privénetwerk staat.
turning-smtpsecure-off-would-send-9ef38bc8 = Als je `SMTPSecure` uitzet, wordt je wachtwoord onversleuteld verstuurd (leesbaar voor iedereen onderweg): overweeg dat alleen als je provider bevestigt dat de server op je eigen privénetwerk staat.
keep-this-port-and-switch-32e36e57 = Houd deze poort en zet SSL aan in de code (kies in andere programma's "STARTTLS" of "TLS" in plaats van "SSL").
keep-this-port-and-set-cd2a42d8 = Houd deze poort en zet `SecureSocketOptions` op `StartTls` (kies in andere programma's "STARTTLS" of "TLS" in plaats van "SSL").
keep-this-port-and-set-41922fa3 = Houd deze poort en zet `SMTPSecure` op `'tls'` (STARTTLS) (kies in andere programma's "STARTTLS" of "TLS" in plaats van "SSL").
the-handshake-the-exchange-that-e9025476 = De handshake (de uitwisseling die de versleuteling opzet) mislukte. Veelvoorkomende oorzaken zijn een server die alleen oude versleutelingsversies kent (TLS 1.0 of 1.1, die moderne programma's weigeren), een server waarvan de versleuteling verkeerd is ingesteld, of een beveiligingsprogramma op de webserver dat versleutelde verbindingen verstoort.
send-again-in-a-few-5192a65a = Verstuur over een paar minuten opnieuw: sommige servers hebben kortdurende problemen met versleuteling.
send-this-error-message-to-3a3fef43 = Stuur deze foutmelding naar je mailprovider en vraag of de server TLS 1.2 of nieuwer ondersteunt.
if-the-web-server-runs-da617e2c = Draait er op de webserver antivirussoftware die e-mail scant, zet het scannen van mail dan voor één test op pauze, of vraag het aan de leverancier.
if-it-lasts-tell-your-4398538e = Houdt het aan, meld je mailprovider dan dat de server op STARTTLS antwoordt met "TLS not available".
or-send-through-a-provider-70e262b5 = Of verstuur via een provider waarvan de server TLS 1.2 ondersteunt: verander `Host` (en `Port`) in die server.
a-certificate-the-server-s-1a9f3248 = Een certificaat (het identiteitsbewijs van de server) noemt de namen waarvoor het geldig is, en de naam in `Host` staat daar niet bij. Dat komt vaak voor bij gedeelde hosting, waar het certificaat de servernaam van het hostingbedrijf draagt in plaats van je domein.
change-host-to-a-name-90ed824c = Verander `Host` in een naam waarvoor het certificaat geldig is (het configuratiescherm van je hosting toont die meestal als de naam van de mailserver).
the-certificate-the-server-s-b1cbac22 = Voor het certificaat (het identiteitsbewijs van de server) staat geen enkele instantie in die de webserver vertrouwt. Het is misschien zelfondertekend (door de server voor zichzelf gemaakt), de server laat misschien het tussencertificaat weg dat het met een vertrouwde instantie verbindt, of een beveiligingsprogramma op dit netwerk vervangt het misschien.
or-change-host-to-the-4b9aed71 = Of verander `Host` in de servernaam die je provider aanraadt: die heeft meestal een geldig certificaat.
check-that-the-web-server-70da9069 = Controleer of de datum en tijd van de webserver kloppen: met een verkeerde klok lijken geldige certificaten verlopen.
a-certificate-the-server-s-d82f1ec5 = Een certificaat (het identiteitsbewijs van de server) is pas geldig vanaf een bepaalde datum, en volgens de klok van de webserver is die datum nog niet aangebroken. Meestal staat de klok van de webserver verkeerd; minder vaak heeft de server een certificaat met een datum in de toekomst.
check-that-the-web-server-1ea5bf6c = Controleer of de datum, tijd en tijdzone van de webserver kloppen en verstuur opnieuw.
switch-ssl-on-in-code-b0438e5d = Zet SSL aan in de code en gebruik `port` `587`.
set-securesocketoptions-to-starttls-and-2ad097ac = Zet `SecureSocketOptions` op `StartTls` en gebruik `Port` `587`.
set-smtpsecure-to-tls-starttls-0664aeb3 = Zet `SMTPSecure` op `'tls'` (STARTTLS) en gebruik `Port` `587`.
send-again-if-it-still-685a4d0a = Verstuur opnieuw; mislukt het nog steeds, dan zegt het antwoord van de server welke van de twee ontbreekt.
check-targetframework-in-appsettings-jso-cde6eebe = Controleer `targetFramework` in appsettings.json (`<httpRuntime targetFramework="…" />`): is het 4.5.2 of lager, schrijf dan `<httpRuntime targetFramework="4.8" />` (.NET Framework 4.8 moet op de webserver geïnstalleerd zijn; je host kan je dat vertellen).
check-targetframework-in-your-phpmailer-d2d788fa = Controleer `targetFramework` in je PHPMailer-instellingen (`<httpRuntime targetFramework="…" />`): is het 4.5.2 of lager, schrijf dan `<httpRuntime targetFramework="4.8" />` (.NET Framework 4.8 moet op de webserver geïnstalleerd zijn; je host kan je dat vertellen).
gmail-needs-an-app-password-52f29f0d = Gmail heeft een app-wachtwoord nodig: zet Verificatie in 2 stappen aan in je Google-account, open dan myaccount.google.com/apppasswords (de pagina Beveiliging linkt er niet meer naar), maak een app-wachtwoord aan en plak de 16 letters zonder spaties in `Password`. Gebruik je volledige Gmail-adres als `UserName`.
gmail-needs-an-app-password-0a64bbed = Gmail heeft een app-wachtwoord nodig: zet Verificatie in 2 stappen aan in je Google-account, open dan myaccount.google.com/apppasswords (de pagina Beveiliging linkt er niet meer naar), maak een app-wachtwoord aan en plak de 16 letters zonder spaties in `Password`. Gebruik je volledige Gmail-adres als `Username`.
gmail-sends-only-from-your-a7cd697e = Gmail verstuurt alleen vanaf je eigen adres of een adres dat is toegevoegd onder Settings → Accounts → "Send mail as" (Instellingen → Accounts → "Mail verzenden als"): zet `From` op een van die adressen.
gmail-sends-only-from-your-967bb4ce = Gmail verstuurt alleen vanaf je eigen adres of een adres dat is toegevoegd onder Settings → Accounts → "Send mail as" (Instellingen → Accounts → "Mail verzenden als"): zet het `setFrom()`-adres op een van die adressen.
the-google-workspace-smtp-relay-98e2ae0c = De SMTP-relay van Google Workspace moet worden aangezet door je Workspace-beheerder (Admin console → Apps → Google Workspace → Gmail → Routing → SMTP relay service). Vraagt die om SMTP-verificatie, gebruik dan een Workspace-adres als `UserName` en een app-wachtwoord van myaccount.google.com/apppasswords als `Password`; staat hij in plaats daarvan het IP-adres van je server toe, laat ze dan allebei leeg.
the-google-workspace-smtp-relay-a8add76c = De SMTP-relay van Google Workspace moet worden aangezet door je Workspace-beheerder (Admin console → Apps → Google Workspace → Gmail → Routing → SMTP relay service). Vraagt die om SMTP-verificatie, gebruik dan een Workspace-adres als `Username` en een app-wachtwoord van myaccount.google.com/apppasswords als `Password`; staat hij in plaats daarvan het IP-adres van je server toe, laat ze dan allebei leeg.
the-google-workspace-smtp-relay-a9a83a12 = De SMTP-relay van Google Workspace verstuurt alleen vanaf de adressen die je beheerder in de instellingen heeft toegestaan (meestal die van je Workspace-domeinen): zet `From` op een daarvan.
the-google-workspace-smtp-relay-87c116c0 = De SMTP-relay van Google Workspace verstuurt alleen vanaf de adressen die je beheerder in de instellingen heeft toegestaan (meestal die van je Workspace-domeinen): zet het `setFrom()`-adres op een daarvan.
the-relay-lets-in-only-459c6209 = De relay laat alleen de IP-adressen of de inlog toe die je beheerder in de instellingen van de SMTP-relayservice heeft toegestaan, dus een test vanaf een andere computer mislukt, tenzij die inlogt. Zet ook `Hostname` op de domeinnaam van je website: Google weigert misschien een kale computernaam zoals `localhost`.
microsoft-365-use-the-mailbox-19f8c62c = Microsoft 365: gebruik het volledige adres van de mailbox als `UserName`. Inloggen voor mailprogramma's ("Authenticated SMTP") moet voor deze mailbox zijn toegestaan: je beheerder zet het aan in het Microsoft 365-beheercentrum onder Users → Active users → Mail → Manage email apps. De security defaults van Microsoft Entra (de standaard inlogbeveiliging van Microsoft) blokkeren het voor de hele organisatie, hoe die schakelaar ook staat.
microsoft-365-use-the-mailbox-3dc9ad4c = Microsoft 365: gebruik het volledige adres van de mailbox als `Username`. Inloggen voor mailprogramma's ("Authenticated SMTP") moet voor deze mailbox zijn toegestaan: je beheerder zet het aan in het Microsoft 365-beheercentrum onder Users → Active users → Mail → Manage email apps. De security defaults van Microsoft Entra (de standaard inlogbeveiliging van Microsoft) blokkeren het voor de hele organisatie, hoe die schakelaar ook staat.
microsoft-365-sends-only-as-b2fe867a = Microsoft 365 verstuurt alleen als de ingelogde mailbox, tenzij je beheerder "Send As"-machtiging (Verzenden als) geeft: zet `From` op het adres in `UserName`.
microsoft-365-sends-only-as-e3bbbbe6 = Microsoft 365 verstuurt alleen als de ingelogde mailbox, tenzij je beheerder "Send As"-machtiging (Verzenden als) geeft: zet het `setFrom()`-adres op het adres in `Username`.
an-smtp-relay-your-admin-95d6c596 = Een SMTP-relay: je beheerder maakt een connector voor het vaste IP-adres van de webserver; zet dan `Host` op de MX-host van je domein (die eindigt op `mail.protection.outlook.com`), `Port` op `25`, en laat `UserName` en `Password` leeg.
an-smtp-relay-your-admin-a93b82b6 = Een SMTP-relay: je beheerder maakt een connector voor het vaste IP-adres van de webserver; zet dan `Host` op de MX-host van je domein (die eindigt op `mail.protection.outlook.com`), `Port` op `25`, en laat `Username` en `Password` leeg.
high-volume-email-hve-a-5d4715de = High Volume Email (HVE): een Microsoft 365-account voor programma's dat nog wel met een wachtwoord inlogt (`Host` `smtp-hve.office365.com`, `Port` `587`), bedoeld voor mail aan de mailboxen van je eigen organisatie.
azure-communication-services-microsoft-s-f87006cd = Azure Communication Services: de verzenddienst van Microsoft (`Host` `smtp.azurecomm.net`, `Port` `587`), die inlogt met een gebruikersnaam en een app-geheim dat je website kan gebruiken.
direct-send-a-host-ending-14a6804c = Direct send (een `Host` die eindigt op `mail.protection.outlook.com`) gebruikt geen inlog: laat `UserName` en `Password` leeg en gebruik `Port` `25`. Het levert alleen af bij mailboxen van je eigen organisatie; om andere adressen te bereiken, log je in op `smtp.office365.com` op poort `587`, of vraag je je beheerder om een connector (SMTP-relay).
direct-send-a-host-ending-5cca796c = Direct send (een `Host` die eindigt op `mail.protection.outlook.com`) gebruikt geen inlog: laat `Username` en `Password` leeg en gebruik `Port` `25`. Het levert alleen af bij mailboxen van je eigen organisatie; om andere adressen te bereiken, log je in op `smtp.office365.com` op poort `587`, of vraag je je beheerder om een connector (SMTP-relay).
since-16-september-2024-personal-6329d220 = Sinds 16 september 2024 accepteren persoonlijke Outlook.com- en Hotmail-accounts geen wachtwoord meer om te versturen, alleen het inloggen met OAuth van Microsoft, en dat kan een website met appsettings.json niet. Verstuur de mail van je site in plaats daarvan via een andere provider.
since-16-september-2024-personal-7621f718 = Sinds 16 september 2024 accepteren persoonlijke Outlook.com- en Hotmail-accounts geen wachtwoord meer om te versturen, alleen het inloggen met OAuth van Microsoft, en dat kan een website met PHPMailer-instellingen niet. Verstuur de mail van je site in plaats daarvan via een andere provider.
outlook-com-sends-only-from-73caa19a = Outlook.com verstuurt alleen vanaf het ingelogde adres: zet `From` op `UserName`.
outlook-com-sends-only-from-5ea38fca = Outlook.com verstuurt alleen vanaf het ingelogde adres: zet het `setFrom()`-adres op `Username`.
send-your-website-s-mail-23638aa3 = Verstuur de mail van je website via een dienst die nog wel een wachtwoord accepteert, zoals de mailserver van je hostingbedrijf of een verzenddienst (SendGrid, Mailgun, Brevo en anderen staan in de lijst met providers), en verander `Host`, `UserName` en `Password` in de waarden daarvan.
send-your-website-s-mail-6bda0d43 = Verstuur de mail van je website via een dienst die nog wel een wachtwoord accepteert, zoals de mailserver van je hostingbedrijf of een verzenddienst (SendGrid, Mailgun, Brevo en anderen staan in de lijst met providers), en verander `Host`, `Username` en `Password` in de waarden daarvan.
godaddy-email-use-your-full-b39b7cc6 = GoDaddy-e-mail: gebruik je volledige e-mailadres als `UserName` en het wachtwoord van de mailbox, met `Host` op `smtpout.secureserver.net`. Is je GoDaddy-e-mail een Microsoft 365-abonnement, gebruik dan in plaats daarvan de Microsoft 365-instellingen (`smtp.office365.com`).
godaddy-email-use-your-full-fc189166 = GoDaddy-e-mail: gebruik je volledige e-mailadres als `Username` en het wachtwoord van de mailbox, met `Host` op `smtpout.secureserver.net`. Is je GoDaddy-e-mail een Microsoft 365-abonnement, gebruik dan in plaats daarvan de Microsoft 365-instellingen (`smtp.office365.com`).
godaddy-s-hosting-relay-relay-dd98d47f = De hostingrelay van GoDaddy (`relay-hosting.secureserver.net`) gebruikt geen inlog: laat `userName` en `password` leeg, met `port` op `25` en SSL (`SmtpClient.EnableSsl`, ingesteld in de code) op `false`.
godaddy-s-hosting-relay-relay-f07c2f1a = De hostingrelay van GoDaddy (`relay-hosting.secureserver.net`) gebruikt geen inlog: laat `UserName` en `Password` leeg, met `Port` op `25` en `SecureSocketOptions` op `false`.
godaddy-s-hosting-relay-relay-609d3ac7 = De hostingrelay van GoDaddy (`relay-hosting.secureserver.net`) gebruikt geen inlog: laat `Username` en `Password` leeg, met `Port` op `25` en `SMTPSecure` op `false`.
ionos-use-the-full-email-a7c00951 = IONOS: gebruik het volledige e-mailadres als `UserName` en het wachtwoord van de mailbox, met de server van het land van je contract als `Host` (`smtp.ionos.com`, `smtp.ionos.de` of `smtp.ionos.co.uk`).
ionos-use-the-full-email-7e72a1b1 = IONOS: gebruik het volledige e-mailadres als `Username` en het wachtwoord van de mailbox, met de server van het land van je contract als `Host` (`smtp.ionos.com`, `smtp.ionos.de` of `smtp.ionos.co.uk`).
ovhcloud-use-the-full-email-cd29b853 = OVHcloud: gebruik het volledige e-mailadres als `UserName` en het wachtwoord van de mailbox, met `Host` op `ssl0.ovh.net` (de naam waarvoor het certificaat geldig is).
ovhcloud-use-the-full-email-3c4dbb33 = OVHcloud: gebruik het volledige e-mailadres als `Username` en het wachtwoord van de mailbox, met `Host` op `ssl0.ovh.net` (de naam waarvoor het certificaat geldig is).
yahoo-needs-an-app-password-693b5950 = Yahoo heeft een app-wachtwoord nodig: open in je Yahoo-account Account security → Generate app password, en gebruik het als `Password` met je volledige Yahoo-adres als `UserName`.
yahoo-needs-an-app-password-96021e70 = Yahoo heeft een app-wachtwoord nodig: open in je Yahoo-account Account security → Generate app password, en gebruik het als `Password` met je volledige Yahoo-adres als `Username`.
yahoo-sends-only-from-the-4a458e03 = Yahoo verstuurt alleen vanaf het ingelogde adres: zet `From` op je Yahoo-adres.
yahoo-sends-only-from-the-5064b1b3 = Yahoo verstuurt alleen vanaf het ingelogde adres: zet het `setFrom()`-adres op je Yahoo-adres.
aol-needs-an-app-password-2a7d72d0 = AOL heeft een app-wachtwoord nodig: open in je AOL-account Account security → Generate app password, en gebruik het als `Password` met je volledige AOL-adres als `UserName`.
aol-needs-an-app-password-574437f0 = AOL heeft een app-wachtwoord nodig: open in je AOL-account Account security → Generate app password, en gebruik het als `Password` met je volledige AOL-adres als `Username`.
aol-sends-only-from-the-73cdefc3 = AOL verstuurt alleen vanaf het ingelogde adres: zet `From` op je AOL-adres.
aol-sends-only-from-the-4db838b3 = AOL verstuurt alleen vanaf het ingelogde adres: zet het `setFrom()`-adres op je AOL-adres.
icloud-mail-needs-an-app-c8532528 = iCloud Mail heeft een app-specifiek wachtwoord nodig: maak er een aan op account.apple.com onder Sign-In and Security → App-Specific Passwords (Inloggen en beveiliging → App-specifieke wachtwoorden), en gebruik je volledige iCloud-adres als `UserName`.
icloud-mail-needs-an-app-0e669f48 = iCloud Mail heeft een app-specifiek wachtwoord nodig: maak er een aan op account.apple.com onder Sign-In and Security → App-Specific Passwords (Inloggen en beveiliging → App-specifieke wachtwoorden), en gebruik je volledige iCloud-adres als `Username`.
zoho-mail-use-your-full-384aac79 = Zoho Mail: gebruik je volledige Zoho-adres als `UserName`. Staat inloggen in twee stappen aan, maak dan een applicatiespecifiek wachtwoord aan in Zoho Accounts → Security en gebruik het als `Password`. Gebruik de server van je datacenter (bijvoorbeeld `smtp.zoho.eu` in Europa); organisatieaccounts op hun eigen domein gebruiken `smtppro.` in plaats van `smtp.` (bijvoorbeeld `smtppro.zoho.eu`).
zoho-mail-use-your-full-7a3fb759 = Zoho Mail: gebruik je volledige Zoho-adres als `Username`. Staat inloggen in twee stappen aan, maak dan een applicatiespecifiek wachtwoord aan in Zoho Accounts → Security en gebruik het als `Password`. Gebruik de server van je datacenter (bijvoorbeeld `smtp.zoho.eu` in Europa); organisatieaccounts op hun eigen domein gebruiken `smtppro.` in plaats van `smtp.` (bijvoorbeeld `smtppro.zoho.eu`).
fastmail-needs-an-app-password-4c8b9524 = Fastmail heeft een app-wachtwoord nodig: maak er een aan onder Settings → Privacy & Security → App passwords en gebruik het als `Password`.
azure-communication-services-username-is-82b5afd0 = Azure Communication Services: `UserName` is een SMTP-gebruikersnaam die in je Communication Services-resource is aangemaakt (Settings → SMTP Usernames) en gekoppeld is aan een Microsoft Entra-app die mag versturen; `Password` is het clientgeheim van die app. Clientgeheimen verlopen: werkte het eerder wel, maak dan een nieuw geheim aan en gebruik dat.
azure-communication-services-username-is-25902af0 = Azure Communication Services: `Username` is een SMTP-gebruikersnaam die in je Communication Services-resource is aangemaakt (Settings → SMTP Usernames) en gekoppeld is aan een Microsoft Entra-app die mag versturen; `Password` is het clientgeheim van die app. Clientgeheimen verlopen: werkte het eerder wel, maak dan een nieuw geheim aan en gebruik dat.
azure-communication-services-sends-only-ff5de3b8 = Azure Communication Services verstuurt alleen vanaf de MailFrom-adressen van een e-maildomein dat aan je Communication Services-resource is gekoppeld: zet `From` op een daarvan.
azure-communication-services-sends-only-fcf3ed02 = Azure Communication Services verstuurt alleen vanaf de MailFrom-adressen van een e-maildomein dat aan je Communication Services-resource is gekoppeld: zet het `setFrom()`-adres op een daarvan.
amazon-ses-needs-ses-smtp-cb156c1c = Amazon SES heeft SES SMTP-inloggegevens nodig, aangemaakt in de SES-console onder SMTP settings voor de regio in `Host`. IAM-toegangssleutels en SMTP-inloggegevens uit een andere regio werken niet.
amazon-ses-sends-only-from-31649dbc = Amazon SES verstuurt alleen vanaf geverifieerde identiteiten: verifieer het `From`-adres of het domein ervan in de SES-console. Zolang het account in de sandbox staat (de proefmodus van nieuwe accounts), moeten ook de ontvangers geverifieerd zijn.
amazon-ses-sends-only-from-ce071f11 = Amazon SES verstuurt alleen vanaf geverifieerde identiteiten: verifieer het `setFrom()`-adres of het domein ervan in de SES-console. Zolang het account in de sandbox staat (de proefmodus van nieuwe accounts), moeten ook de ontvangers geverifieerd zijn.
sendgrid-username-must-be-literally-2392208f = SendGrid: `UserName` moet letterlijk `apikey` zijn (niet je login of e-mailadres), en `Password` is een API-sleutel met de machtiging "Mail Send", zonder spaties geplakt.
sendgrid-username-must-be-literally-0f7ff76f = SendGrid: `Username` moet letterlijk `apikey` zijn (niet je login of e-mailadres), en `Password` is een API-sleutel met de machtiging "Mail Send", zonder spaties geplakt.
sendgrid-sends-only-from-a-0be2f6cf = SendGrid verstuurt alleen vanaf een geverifieerde Sender Identity: verifieer het `From`-adres of het domein ervan onder Settings → Sender Authentication.
sendgrid-sends-only-from-a-c8fc64da = SendGrid verstuurt alleen vanaf een geverifieerde Sender Identity: verifieer het `setFrom()`-adres of het domein ervan onder Settings → Sender Authentication.
mailgun-sends-from-addresses-of-ba0bed7a = Mailgun verstuurt vanaf adressen van je geverifieerde verzenddomein: gebruik er een als `From`.
mailgun-sends-from-addresses-of-38c1bbc8 = Mailgun verstuurt vanaf adressen van je geverifieerde verzenddomein: gebruik er een als het `setFrom()`-adres.
postmark-use-your-server-api-681c5113 = Postmark: gebruik je Server API Token als `UserName` én als `Password`.
postmark-use-your-server-api-d6fda7f3 = Postmark: gebruik je Server API Token als `Username` én als `Password`.
postmark-sends-only-from-a-aa1507f0 = Postmark verstuurt alleen vanaf een bevestigde Sender Signature of een geverifieerd domein: gebruik er een als `From`.
postmark-sends-only-from-a-9ef116ea = Postmark verstuurt alleen vanaf een bevestigde Sender Signature of een geverifieerd domein: gebruik er een als het `setFrom()`-adres.
brevo-username-is-the-smtp-61deeb36 = Brevo: `UserName` is de SMTP-login die onder SMTP & API staat, en `Password` is een SMTP-sleutel van dezelfde pagina (geen API-sleutel of het wachtwoord van je account).
brevo-username-is-the-smtp-d3088416 = Brevo: `Username` is de SMTP-login die onder SMTP & API staat, en `Password` is een SMTP-sleutel van dezelfde pagina (geen API-sleutel of het wachtwoord van je account).
brevo-sends-only-from-a-e7ee4fca = Brevo verstuurt alleen vanaf een geverifieerde afzender of een geverifieerd domein: gebruik er een als `From`.
brevo-sends-only-from-a-0fe5ff38 = Brevo verstuurt alleen vanaf een geverifieerde afzender of een geverifieerd domein: gebruik er een als het `setFrom()`-adres.
mailjet-username-is-your-mailjet-be7768e2 = Mailjet: `UserName` is je Mailjet API-sleutel en `Password` de geheime sleutel daarvan (onder Account settings → API keys), niet je Mailjet-login.
mailjet-username-is-your-mailjet-aa6c2842 = Mailjet: `Username` is je Mailjet API-sleutel en `Password` de geheime sleutel daarvan (onder Account settings → API keys), niet je Mailjet-login.
mailjet-sends-only-from-a-2b02a254 = Mailjet verstuurt alleen vanaf een gevalideerd afzenderadres of domein: valideer het `From`-adres in Mailjet, of gebruik een adres dat al gevalideerd is.
mailjet-sends-only-from-a-a4239645 = Mailjet verstuurt alleen vanaf een gevalideerd afzenderadres of domein: valideer het `setFrom()`-adres in Mailjet, of gebruik een adres dat al gevalideerd is.
smtp2go-use-an-smtp-user-c2bc2bdb = SMTP2GO: gebruik een SMTP-gebruiker uit je SMTP2GO-account (Sending → SMTP Users) als `UserName` en het wachtwoord daarvan als `Password`, niet je SMTP2GO-login.
smtp2go-use-an-smtp-user-b95c2e7b = SMTP2GO: gebruik een SMTP-gebruiker uit je SMTP2GO-account (Sending → SMTP Users) als `Username` en het wachtwoord daarvan als `Password`, niet je SMTP2GO-login.
smtp2go-sends-only-from-verified-38d2716c = SMTP2GO verstuurt alleen vanaf geverifieerde afzenders (Sending → Verified Senders): gebruik er een als `From`.
smtp2go-sends-only-from-verified-4a413e26 = SMTP2GO verstuurt alleen vanaf geverifieerde afzenders (Sending → Verified Senders): gebruik er een als het `setFrom()`-adres.
provider-also-takes-mail-on-688364ca = { $provider } neemt ook mail aan op poort `{ $port }`, die hostingbedrijven en internetproviders zelden blokkeren: verander `port` in `{ $port }` en laat SSL aan staan in de code.
provider-also-takes-mail-on-2eb2c630 = { $provider } neemt ook mail aan op poort `{ $port }`, die hostingbedrijven en internetproviders zelden blokkeren: verander `Port` in `{ $port }` en laat `SecureSocketOptions` op `StartTls` staan.
provider-also-takes-mail-on-d235639f = { $provider } neemt ook mail aan op poort `{ $port }`, die hostingbedrijven en internetproviders zelden blokkeren: verander `Port` in `{ $port }` en laat `SMTPSecure` op `'tls'` (STARTTLS) staan.
