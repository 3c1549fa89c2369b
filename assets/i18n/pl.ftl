# Polski (pl): interfejs programu Mail Settings Tester.
# Przetłumaczone z en.ftl przez tłumacza AI (Claude), komunikat po komunikacie, zgodnie z
# przewodnikiem stylu produktu (UX.md, „How we talk”): prosto, spokojnie, konkretnie.
# Sprawdzone: testami automatycznymi w tests/i18n.rs (te same identyfikatory, te same zmienne,
# każdy komunikat się formatuje) oraz własnym przeczytaniem całości pod kątem spójności terminów.
# Terminologia: sign in = zaloguj się / logowanie; password = hasło; app password = hasło aplikacji;
# server = serwer; secure/encrypted connection = połączenie szyfrowane; mailbox = skrzynka pocztowa;
# keyring = systemowy magazyn haseł; user name = nazwa użytkownika; test message = wiadomość testowa;
# receivers = serwery odbiorców; transcript = zapis rozmowy z serwerem; website = witryna.
# Zwracamy się do użytkownika w 2. osobie (Ty, Twoja witryna); kroki jako polecenia („Ustaw …”, „Wpisz …”).
# Nazwy w `backtickach`, atrybuty, nazwy plików, protokoły i flagi wiersza poleceń zostają bez zmian.

## src/arrive/dkim.rs

receivers-can-check-the-signature-79253611 = Serwery odbiorców mogą sprawdzić podpis, który { $provider } dodaje do Twoich wiadomości: `{ $name }` wskazuje na `{ $target }`.
receivers-can-check-the-signature-de564560 = Serwery odbiorców mogą sprawdzić podpis, który { $provider } dodaje do Twoich wiadomości: `{ $name }` zawiera klucz.
dkim-is-a-signature-the-803894e2 = DKIM to podpis, który serwer wysyłający dodaje do każdej wiadomości; serwery odbiorców sprawdzają go kluczem opublikowanym w DNS Twojej domeny.
provider-signs-with-the-selectors-fc53fd77 = { $provider } podpisuje wiadomości selektorami { $selectors }, ale nie ma tam klucza dla domeny { $domain }, więc ten podpis nie liczy się dla Twojej domeny i poczta częściej trafia do spamu.
provider-signs-with-the-selector-a5266169 = { $provider } podpisuje wiadomości selektorem { $selector }, ale nie ma tam klucza dla domeny { $domain }, więc ten podpis nie liczy się dla Twojej domeny i poczta częściej trafia do spamu.
switch-on-dkim-for-domain-788c832b = Włącz DKIM dla domeny { $domain } w { $provider } ({ $place }) i dodaj pokazany tam rekord { $record_type } (i tak samo dla pozostałych selektorów); rekord poniżej pokazuje jego postać.
switch-on-dkim-for-domain-929c2534 = Włącz DKIM dla domeny { $domain } w { $provider } ({ $place }) i dodaj pokazany tam rekord { $record_type }; rekord poniżej pokazuje jego postać.
domain-does-not-publish-provider-6ab37a2b = Domena { $domain } nie publikuje klucza DKIM usługi { $provider }
provider-s-dkim-key-is-4ce44b77 = Klucz DKIM usługi { $provider } jest opublikowany dla domeny { $domain }
dkim-not-checked-4291ed12 = DKIM nie został sprawdzony
we-do-not-know-which-d85e6cbc = Nie wiemy, jakim selektorem DKIM podpisuje { $server }, więc nie mogliśmy sprawdzić, czy jego klucz jest opublikowany dla domeny { $domain }. Zapytaj dostawcę, czy podpisuje Twoją pocztę przez DKIM (podpis, który serwery odbiorców sprawdzają kluczem z DNS Twojej domeny) i jaki rekord dodać.

## src/arrive/dmarc.rs

dmarc-tells-receivers-what-to-e721a5e3 = DMARC mówi serwerom odbiorców, co zrobić z pocztą, która podaje się za wysłaną z domeny { $domain }, ale nie przechodzi dla niej ani SPF, ani DKIM.
its-policy-is-p-reject-ce967681 = Jej zasada to `p=reject`: taka poczta jest odrzucana.
its-policy-is-p-quarantine-2a69dd62 = Jej zasada to `p=quarantine`: taka poczta trafia do spamu.
its-policy-is-p-none-01a9d2cb = Jej zasada to `p=none`: taka poczta jest tylko zgłaszana.
domain-has-a-dmarc-policy-735612a7 = Domena { $domain } ma zasadę DMARC: { $policy }
dmarc-of-domain-will-reject-c398e1d1 = DMARC domeny { $domain } odrzuci tę pocztę
the-dmarc-policy-of-domain-35b9cbc4 = Zasada DMARC domeny { $domain } to `p=reject`, a przez ten serwer ani SPF, ani DKIM nie przejdą dla domeny { $domain }, więc serwery odbiorców odrzucą pocztę z Twojej witryny.
dmarc-of-domain-will-quarantine-6ef31cf6 = DMARC domeny { $domain } skieruje tę pocztę do spamu
the-dmarc-policy-of-domain-eabc6562 = Zasada DMARC domeny { $domain } to `p=quarantine`, a przez ten serwer ani SPF, ani DKIM nie przejdą dla domeny { $domain }, więc serwery odbiorców wrzucą pocztę z Twojej witryny do spamu.
fix-spf-or-dkim-first-42d5b01c = Najpierw popraw SPF lub DKIM (patrz wyżej); tylko jeśli nie da się tego zrobić szybko, złagodź zasadę do `p=none` rekordem poniżej.
domain-has-no-dmarc-record-49974c46 = Domena { $domain } nie ma rekordu DMARC
dmarc-is-a-dns-record-4d3d6942 = DMARC to rekord DNS, który mówi serwerom odbiorców, co zrobić z pocztą, która nie przechodzi kontroli SPF i DKIM dla Twojej domeny. Gmail i Yahoo wymagają go od każdej domeny wysyłającej dużo poczty, a poczta z domen bez niego jest mniej zaufana. Dodaj poniższy rekord TXT pod nazwą `{ $name }`: `p=none` nic nie zmienia dla Twojej poczty, tylko prosi serwery odbiorców o jej sprawdzanie.
the-dmarc-record-of-domain-98955b46 = Rekord DMARC domeny { $domain } zawiera błąd
the-dmarc-record-at-name-da80e0f7 = Rekord DMARC pod nazwą `{ $name }` to `{ $record }`; serwery odbiorców nie potrafią go odczytać, więc go pomijają. Zastąp go rekordem poniżej i dopiero na nim buduj dalej.

## src/arrive/freemail.rs

provider-sends-its-own-addresses-879d096b = { $provider } wysyła pocztę z własnych adresów
the-from-address-is-at-67fb0fdc = Adres `from` jest w domenie { $domain }, a poczta idzie przez własny serwer usługi { $provider } ({ $host }), który podpisuje ją dla domeny { $domain }: w DNS nie trzeba niczego dodawać.
a-domain-address-cannot-be-27101620 = Adresu z domeny { $domain } nie można wysyłać przez { $server }
the-from-address-is-at-4eca8930 = Adres `from` jest w domenie { $domain }, która należy do usługi { $provider }. Jej DNS (którego nie możesz zmienić) każe każdemu odbiorcy odrzucać lub wyrzucać pocztę z domeny { $domain }, która nie przyszła przez serwery usługi { $provider }, więc poczta wysłana przez { $server } jest odrzucana przez Gmail, Yahoo, Outlook.com i innych. Ustaw `from` na adres we własnej domenie i skonfiguruj SPF i DKIM tej domeny dla { $server }.

## src/arrive/model.rs

likely-to-arrive-5f0e6d11 = Prawdopodobnie dotrze
likely-to-land-in-spam-a5ce4d7f = Prawdopodobnie trafi do spamu
will-be-rejected-by-gmail-6299af51 = Zostanie odrzucona przez Gmail i innych

## src/arrive/request.rs

given-is-not-an-email-d634334b = „{ $given }” to nie jest adres e-mail, którego domenę możemy sprawdzić; podaj adres w rodzaju --from site@example.com

## src/arrive/server.rs

your-mail-server-13d9fcfc = Twój serwer poczty

## src/arrive/spf.rs

the-spf-record-needs-count-5dedf6d1 = Rekord SPF wymaga zbyt wielu zapytań DNS ({ $count }); limit to 10
receiving-servers-stop-checking-an-be2111cf = Serwery odbiorców przestają sprawdzać rekord SPF po 10 zapytaniach DNS (liczy się każde `include:`, `a`, `mx`, `ptr`, `exists` i `redirect=`, także w rekordach dołączanych), a wtedy uznają kontrolę za nieudaną. Rekord domeny { $domain } wymaga ich { $count }. Usuń wpisy `include:` usług, przez które już nie wysyłasz, albo zastąp `a` i `mx` adresami `ip4:`, które oznaczają.
a-look-up-timed-out-13157fc5 = zapytanie DNS przekroczyło limit czasu albo serwer DNS zawiódł
the-spf-record-of-domain-67804a0e = Rekord SPF domeny { $domain } (lista serwerów, które mogą wysyłać jej pocztę) wymienia { $server } przez `include:{ $include }`, wpis usługi { $provider }, więc serwery odbiorców zobaczą, że ten serwer może wysyłać w Twoim imieniu.
the-spf-record-of-domain-0b5c4f92 = Rekord SPF domeny { $domain } (lista serwerów, które mogą wysyłać jej pocztę) wymienia { $server }, więc serwery odbiorców zobaczą, że ten serwer może wysyłać w Twoim imieniu.
spf-allows-server-to-send-8afd0a77 = SPF pozwala serwerowi { $server } wysyłać w imieniu domeny { $domain }
domain-has-no-spf-record-1cb5b594 = Domena { $domain } nie ma rekordu SPF
an-spf-record-is-a-cb1c9d74 = Rekord SPF to wiersz w DNS Twojej domeny z listą serwerów, które mogą wysyłać jej pocztę. Domena { $domain } go nie ma, więc Gmail, Outlook.com i inni nie odróżnią poczty z Twojej witryny od podróbki i wrzucą ją do spamu lub odrzucą. Dodaj poniższy rekord TXT u dostawcy DNS (tam, gdzie zarządzasz DNS swojej domeny).
domain-has-count-spf-records-07a9b800 = Domena { $domain } ma kilka rekordów SPF ({ $count }); może mieć tylko jeden
domain-publishes-count-txt-records-74c3917b = Domena { $domain } publikuje kilka rekordów TXT zaczynających się od `v=spf1` ({ $count }). Serwery odbiorców traktują to jako błąd i kontrola SPF nie przechodzi dla żadnego serwera. Usuń je wszystkie i dodaj jeden rekord poniżej, który zachowuje wszystkie ich wpisy.
it-includes-include-which-has-336f9a8d = Dołącza `{ $include }`, który nie ma jednego poprawnego rekordu SPF, więc kontrola kończy się błędem. Usuń ten wpis albo popraw jego nazwę.
receivers-cannot-read-it-a-63ea1f19 = Serwery odbiorców nie potrafią go odczytać (literówka we wpisie, zbędny znak albo brak spacji), więc kontrola kończy się błędem. Zastąp go rekordem poniżej i dodaj z powrotem każdą inną usługę, która wysyła pocztę w Twoim imieniu.
the-spf-record-of-domain-22ad1250 = Rekord SPF domeny { $domain } to `{ $record }`.
the-spf-record-of-domain-20d2dd14 = Rekord SPF domeny { $domain } zawiera błąd
spf-does-not-allow-server-e96b146c = SPF nie pozwala serwerowi { $server } wysyłać w imieniu domeny { $domain }
the-spf-record-of-domain-ae180452 = Rekord SPF domeny { $domain } wymienia serwery, które mogą wysyłać jej pocztę, a { $server } nie ma wśród nich, więc serwery odbiorców uznają pocztę z Twojej witryny za możliwie podrobioną. Zmień rekord na poniższy: dodaje on `{ $terms }` i zachowuje całą resztę.

## src/arrive/texts.rs

could-not-look-up-the-20e612c3 = Nie udało się odczytać rekordu SPF domeny { $domain }
the-dns-look-up-of-5603d802 = Zapytanie DNS o rekord SPF domeny { $domain } nie dostało odpowiedzi ({ $why }), więc ta kontrola jest niepełna.
could-not-look-up-the-994cde94 = Nie udało się sprawdzić SPF domeny { $domain }
the-dns-look-up-of-d0fe910b = Zapytanie DNS potrzebne do kontroli SPF domeny { $domain } nie dostało odpowiedzi ({ $why }), więc ta kontrola jest niepełna.
could-not-look-up-the-453faaab = Nie udało się odczytać rekordu DMARC { $name }
the-dns-look-up-of-89d9c052 = Zapytanie DNS o rekord DMARC { $name } nie dostało odpowiedzi ({ $why }), więc ta kontrola jest niepełna.
could-not-look-up-the-aeefb05d = Nie udało się odczytać adresów { $host }
the-dns-look-up-of-0d90da28 = Zapytanie DNS o adresy { $host } nie dostało odpowiedzi ({ $why }), więc ta kontrola jest niepełna.
try-again-in-a-minute-9c32e930 = Spróbuj ponownie za minutę albo wskaż inny serwer DNS opcją --dns-server, na przykład --dns-server 1.1.1.1:53.
host-has-no-address-in-871405a2 = { $host } nie ma adresu w DNS
the-mail-server-host-has-ebe00387 = Serwer poczty { $host } nie ma adresu w DNS, więc nie mogliśmy sprawdzić, czy Twój rekord SPF pozwala mu wysyłać. Sprawdź pisownię `host`.

## src/certificate.rs

rsa-bits-bits-23280151 = RSA { $bits } bitów
ec-bits-bits-fe055061 = EC { $bits } bitów
other-algorithm-06e3c735 = inny ({ $algorithm })

## src/checklist.rs

working-2d8933f4 = w toku…
waiting-eeda06a8 = czeka
not-reached-5ea156cc = nie doszło do tego
skipped-022ec9b7 = pominięto
stopped-here-8940b99c = zatrzymano tutaj

## src/cli/confirm.rs

y-n-57127fdb = [t/N]
yes-4e9f3590 = tak

## src/cli/dns_check_cmd.rs

will-mail-from-domain-through-87a4a5b9 = Czy poczta z domeny { $domain } wysłana przez { $host } dotrze?
will-mail-from-domain-arrive-00b99798 = Czy poczta z domeny { $domain } dotrze?
name-2de5e154 = nazwa:
type-38e11e55 = typ:
value-6b47a2d0 = wartość:
add-this-dns-record-a930def2 = Dodaj ten rekord DNS:
verdict-verdict-0f0534c1 = Ocena: { $verdict }
note-note-edb4a61f = Uwaga: { $note }

## src/cli/help.rs

usage-740f2048 = Użycie
arguments-a33c193f = Argumenty
options-353e0d45 = Opcje
commands-971550f3 = Polecenia
possible-values-bc143884 = Możliwe wartości
default-933b5bde = domyślnie
possible-values-a2c8a064 = możliwe wartości

## src/cli/inbox_cmd.rs

mailbox-password-631a3f6c = Hasło skrzynki pocztowej
the-environment-variable-var-is-f51718d6 = zmienna środowiskowa { $var } nie jest ustawiona (albo nie jest poprawnym tekstem); ustaw w niej hasło skrzynki pocztowej
the-server-gave-the-message-9ecaf4ed = serwer nie nadał wiadomości identyfikatora Message-ID, po którym można jej szukać
could-not-read-the-ca-66ac5a07 = nie udało się odczytać pliku --ca-file { $path }: { $err }
looking-for-the-message-in-88a27f59 = Szukam wiadomości w skrzynce { $mailbox } (do { $seconds } s)…
the-mailbox-password-was-not-7b1224ac = hasło skrzynki pocztowej nie zostało zapisane w magazynie haseł: sprawdzanie nie doszło do udanego logowania.
no-password-for-the-mailbox-0abb5363 = brak hasła do skrzynki { $mailbox }: podaj je opcją --inbox-password-stdin lub --inbox-password-env ZMIENNA albo zapisz je w magazynie haseł jako { $account }
did-it-land-mailbox-c25c5dff = Czy dotarła? { $mailbox }

## src/cli/json.rs

could-not-write-json-err-c9dd0283 = nie udało się zapisać JSON: { $err }

## src/cli/mod.rs

stopping-the-test-ctrl-c-18158df4 = Zatrzymuję test… (ponowne Ctrl-C kończy od razu)
the-checks-after-sending-check-eea128bf = Kontrole po wysłaniu (--check-dns, --check-inbox) działają tylko wtedy, gdy wiadomość została wysłana.
could-not-read-standard-input-6cb61c3b = nie udało się odczytać standardowego wejścia: { $err }
give-the-error-text-to-2a747ea0 = podaj tekst błędu do wyjaśnienia albo przekaż go potokiem z -

## src/cli/oauth_cmd.rs

signed-out-the-sign-in-920ac642 = Wylogowano: logowanie skrzynki { $mailbox } nie jest już przechowywane.
no-sign-in-of-mailbox-c1033f07 = Ten program nie przechowywał logowania skrzynki { $mailbox }.
signed-in-as-who-with-0789c27a = Zalogowano jako { $who } przez { $provider } (zapisane w systemowym magazynie haseł).
a-new-access-token-was-03874317 = Właśnie wydano nowy token dostępu, ważny przez { $minutes } min.
a-new-access-token-was-505fd341 = Właśnie wydano nowy token dostępu.
not-signed-in-no-sign-b24f4b10 = Nie zalogowano: ten program nie przechowuje logowania skrzynki { $mailbox }. Zaloguj się poleceniem `{ $command }`.
the-kept-sign-in-of-41c1d286 = Zapisane logowanie skrzynki { $mailbox } już nie działa: { $error }. Zaloguj się ponownie.

## src/cli/output.rs

testing-host-port-with-security-bc3dfc06 = Testuję { $host }:{ $port } z zabezpieczeniem { $security }, tak jak zrobiłby to ASP.NET (System.Net.Mail).
testing-host-port-with-security-fa0d57de = Testuję { $host }:{ $port } z zabezpieczeniem { $security }, tak jak zrobiłby to zwykły program pocztowy.
these-settings-need-attention-before-a42c8b40 = Te ustawienia wymagają poprawek, zanim test będzie mógł ruszyć:
error-21918751 = błąd
warning-792112ef = ostrzeżenie
note-919a0c3d = uwaga
warning-summary-cb2694b9 = Ostrzeżenie: { $summary }
ways-out-315d2fe1 = Co można zrobić:
checklist-7164074f = Lista kontrolna:
only-partly-the-server-accepted-8a4abcce = Tylko częściowo: serwer przyjął wiadomość testową dla { $recipient } (swojej własnej skrzynki), ale bez logowania odrzuca adresy spoza siebie.
success-the-server-accepted-the-2b96e5a9 = Udało się: serwer przyjął wiadomość testową dla { $recipient }.
warning-the-password-crossed-the-ae191d12 = Ostrzeżenie: hasło przeszło przez sieć BEZ SZYFROWANIA (zezwoliłeś na to w tym teście). Ustaw enableSsl na true, aby Twoja witryna tak nie robiła.
warning-the-certificate-is-not-676d1a93 = Ostrzeżenie: certyfikat NIE jest ważny ({ $problem }). Twoja witryna go sprawdza i wysyłanie się nie uda.
paste-this-into-your-web-97160651 = Wklej to do swojego web.config, wewnątrz <configuration>:
for-platform-967bcad1 = Dla { $platform }:
other-platforms-command-the-same-69f99f14 = Inne platformy: { $command } (te same opcje ustawień; --format all wypisuje wszystkie)
problem-summary-7ede7f64 = Problem: { $summary }
what-to-do-8cbc7e25 = Co zrobić:
suggested-change-run-again-with-91377baf = Proponowana zmiana (uruchom ponownie z { $flags }):
the-server-said-reply-de77b5c4 = Serwer odpowiedział: { $reply }
preset-70ea81de = USTAWIENIE
host-edf03e2f = HOST
port-24fff026 = PORT
your-host-b2942d15 = (Twój host)
not-usable-from-asp-net-eb3e1b53 = Nie do użycia z ASP.NET (System.Net.Mail).

## src/cli/probe_cmd.rs

stopping-ctrl-c-again-quits-252995ab = Zatrzymuję… (ponowne Ctrl-C kończy od razu)

## src/cli/probe_output.rs

looking-for-the-outgoing-mail-812c6ba5 = Szukam serwera poczty wychodzącej dla { $email }, dla witryny ASP.NET (System.Net.Mail).
looking-for-the-outgoing-mail-577f55c6 = Szukam serwera poczty wychodzącej dla { $email }, dla programu pocztowego.
looking-for-what-host-offers-8dc74ce8 = Sprawdzam, co oferuje { $host }, dla witryny ASP.NET (System.Net.Mail).
looking-for-what-host-offers-18e74dbb = Sprawdzam, co oferuje { $host }, dla programu pocztowego.
each-try-stops-after-the-09a8b128 = Każda próba kończy się po powitaniu serwera: nie jest wysyłana żadna wiadomość ani hasło.
trying-1-server-name-names-bb4dd271 = Próbuję 1 nazwy serwera: { $names }
trying-count-server-names-names-dc28bd1c = Próbuję nazw serwerów ({ $count }): { $names }
use-these-settings-in-your-104f0487 = Użyj tych ustawień w swojej witrynie:
why-why-99fef765 = Dlaczego: { $why }
in-web-config-line-89ad6d8c = W web.config: { $line }
no-settings-to-recommend-3a0b504c = Brak ustawień do polecenia.
from-this-computer-to-host-ae426e27 = Z tego komputera do { $host }: { $ports }.
done-in-time-cancelled-5bc6fe41 = Gotowe w { $time } (przerwano).
done-in-time-5fb638b3 = Gotowe w { $time }.
everything-tried-best-first-e41cbf92 = Wszystko, co wypróbowano, od najlepszego:
server-40ac3dd2 = serwer
security-c92cc9bb = zabezpieczenie
reachable-70756d30 = osiągalny
sign-in-281c1798 = logowanie
cert-4cb0e403 = certyfikat
time-5d3c9be4 = czas
why-18f40e39 = dlaczego
names-that-do-not-exist-a4ffda74 = (nazw, które nie istnieją, dalej nie sprawdzano)
plain-d3be3f67 = bez szyfrowania
ssl-on-connect-dbeb3514 = SSL od połączenia
trusted-dd092c3c = zaufany
untrusted-3c0e3839 = niezaufany
expired-338eb632 = wygasł
wrong-name-475d1629 = zła nazwa
invalid-cbd1f530 = nieprawidłowy

## src/cli/profile_cmd.rs

renamed-profile-old-to-new-edd00652 = Zmieniono nazwę profilu „{ $old }” na „{ $new }”.
no-profiles-yet-save-one-78e104ee = Nie ma jeszcze profili. Zapisz profil poleceniem: { $command }
no-sign-in-740a2bca = (bez logowania)
profile-name-path-da76cc87 = Profil „{ $name }” ({ $path })
not-needed-no-sign-in-16416f92 = niepotrzebne (bez logowania)
saved-in-the-keyring-471fe699 = zapisane w magazynie haseł
not-saved-give-it-with-eb4324db = niezapisane (podaj je opcją --password-stdin lub --password-env; dodaj --save-password, aby zachować je w magazynie haseł)
unknown-the-keyring-could-not-90752bb4 = nieznane: nie udało się odczytać magazynu haseł
test-it-command-7eff2131 = Przetestuj: { $command }
timeouts-3411c421 = limity czasu
connect-connect-s-greeting-greeting-1f5ae1d3 = połączenie { $connect } s, powitanie { $greeting } s, polecenia { $command } s
accept-invalid-certs-42e8fc91 = akceptuj nieprawidłowe certyfikaty
ca-file-3a8117e5 = plik CA
save-password-needs-the-password-ea8d182a = --save-password wymaga hasła: podaj je opcją --password-stdin lub --password-env ZMIENNA
the-old-profiles-file-could-c287bcd2 = nie udało się odczytać starego pliku profili, więc przeniesiono go na bok (nic nie zginęło): { $path }
replaced-profile-name-in-path-07131cc2 = Zastąpiono profil „{ $name }” w { $path } (bez hasła).
saved-profile-name-in-path-dfc46583 = Zapisano profil „{ $name }” w { $path } (bez hasła).
the-password-was-not-kept-0ab7efbb = Hasło nie zostało zachowane (dodaj --save-password, aby zachować je w systemowym magazynie haseł).
these-settings-do-not-sign-e4955288 = Te ustawienia nie logują się nazwą użytkownika, więc nie ma hasła do zapisania.
deleted-profile-name-4882e1e8 = Usunięto profil „{ $name }”.
a-password-saved-for-it-18a62b71 = Zapisane dla niego hasło zostaje w magazynie haseł (używają go też inne profile tego samego konta); `profile delete --forget-password` usuwa także je.
profile-name-does-not-sign-2e551ed4 = Profil „{ $name }” nie loguje się nazwą użytkownika: nie ma hasła do zapomnienia.
remove-all-count-profiles-and-462289c2 = Usunąć wszystkie profile ({ $count }) i każde hasło zapisane przez Mail Settings Tester w magazynie haseł?
nothing-was-removed-run-again-6988196d = Niczego nie usunięto: uruchom ponownie z --yes, aby usunąć każdy profil i zapisane hasło.
removed-profiles-profile-s-and-06660efb = Usunięto profile: { $profiles }, zapisane hasła: { $passwords }.
removed-the-saved-password-for-19fd2f90 = Usunięto z magazynu haseł zapisane hasło dla { $account }.
no-password-was-saved-in-2a90a5e4 = W magazynie haseł nie było zapisanego hasła dla { $account }.
saved-the-password-for-account-69032fc6 = Zapisano hasło dla { $account } w systemowym magazynie haseł.

## src/cli/profile_keyring.rs

no-password-is-saved-in-7fd8f14a = w magazynie haseł nie ma zapisanego hasła dla { $account }. Podaj je opcją --password-stdin lub --password-env ZMIENNA (dodaj --save-password, aby je zachować).
the-password-is-needed-pass-dc38d6e7 = potrzebne jest hasło: podaj je opcją --password-stdin lub --password-env ZMIENNA.
using-the-password-saved-in-447fc673 = Używam hasła zapisanego w magazynie haseł dla { $account }.
these-settings-do-not-sign-d7b82868 = te ustawienia nie logują się nazwą użytkownika, więc nie ma hasła do zapisania.
the-password-was-not-saved-4521489f = hasło nie zostało zapisane w magazynie haseł, ponieważ serwer odrzucił logowanie.

## src/cli/report_file.rs

the-support-report-was-not-74159c71 = raport dla pomocy technicznej nie został zapisany: { $message }
support-report-written-to-path-f13a3c47 = Raport dla pomocy technicznej zapisano w { $path }
could-not-write-the-support-ab51dfc3 = nie udało się zapisać raportu dla pomocy technicznej ({ $err }): { $path }
path-is-not-a-file-42c39be8 = { $path } nie jest plikiem
path-already-exists-and-is-b1dfc304 = { $path } już istnieje i nie jest raportem tego testera; wybierz inną nazwę pliku

## src/cli/resolve.rs

user-needs-a-password-pass-c94ada2d = --user wymaga hasła: podaj je opcją --password-stdin lub --password-env ZMIENNA (nigdy jako argument)
there-is-no-profile-named-25a91d5a = nie ma profilu o nazwie „{ $name }”; `mailtester profile list` pokazuje zapisane profile
there-is-no-preset-name-fa72f4e1 = nie ma gotowego ustawienia „{ $name }”; wybierz jedno z: { $names }
password-2cc30838 = Hasło
the-environment-variable-var-is-e7426592 = zmienna środowiskowa { $var } nie jest ustawiona (albo nie jest poprawnym tekstem); ustaw w niej hasło
prompt-input-is-not-hidden-841279c7 = { $prompt } (wpisywany tekst nie jest ukryty; lepiej użyć potoku):
could-not-read-the-password-120dc4df = nie udało się odczytać hasła ze standardowego wejścia: { $err }
flag-was-given-but-standard-0e415ce1 = podano { $flag }, ale standardowe wejście nie zawierało dla tej opcji żadnego wiersza

## src/cli/say.rs

error-message-7fcc1b86 = błąd: { $message }
warning-message-8341c1cc = ostrzeżenie: { $message }
note-message-e2a00142 = uwaga: { $message }

## src/cli/scan_cmd.rs

found-sites-with-mail-settings-ca740722 = Znaleziono z ustawieniami poczty: { $sites }, korzystające z: { $servers } (--offline: z żadnym się nie łączymy).
found-sites-with-mail-settings-0472bdeb = Znaleziono z ustawieniami poczty: { $sites }, korzystające z: { $servers }.
contacted-done-of-total-servers-38b87ee1 = Sprawdzone serwery: { $done } z { $total }…
t-1-mail-server-5cc20956 = 1 serwer poczty
count-mail-servers-fdac7a27 = { $count ->
        [one] { $count } serwer poczty
        [few] { $count } serwery poczty
       *[other] { $count } serwerów poczty
    }
the-csv-could-not-be-4fc3b8b7 = nie udało się utworzyć pliku CSV: { $err }
csv-written-to-path-b9b19256 = Plik CSV zapisano w { $path }
html-page-written-to-path-604f2e2a = Stronę HTML zapisano w { $path }
could-not-write-the-csv-39267b1e = nie udało się zapisać pliku CSV ({ $err }): { $path }. Wybierz folder, w którym możesz zapisywać.
could-not-write-the-html-8d232522 = nie udało się zapisać strony HTML ({ $err }): { $path }. Wybierz folder, w którym możesz zapisywać.

## src/cli/scan_output.rs

t-1-site-c22fc96f = 1 witryna
count-sites-a9a5308c = { $count ->
        [one] { $count } witryna
        [few] { $count } witryny
       *[other] { $count } witryn
    }
no-server-to-contact-sites-92fa060f = Brak serwera do sprawdzenia ({ $sites })
skipped-count-ff812831 = Pominięte ({ $count }):
summary-files-files-read-in-304f342d = { $summary }; odczytane pliki: { $files } w { $seconds } s.
no-site-with-mail-settings-eb55820e = Nie znaleziono żadnej witryny z ustawieniami poczty. Wskaż do skanowania folder, w którym są witryny (na przykład C:\inetpub\vhosts albo /var/www), albo podaj --iis-config.
server-sites-broken-broken-at-9406a0b2 = { $server }: { $sites } (nie działa: { $broken }, zagrożone: { $at_risk }, nieznane: { $unknown }, OK: { $ok })
did-not-answer-problem-bda68194 = brak odpowiedzi: { $problem }
tls-on-connect-2f402ce9 = TLS od połączenia
offers-starttls-089863af = oferuje STARTTLS
no-starttls-3f327a1f = brak STARTTLS
no-sign-in-before-encryption-36031e69 = brak logowania przed szyfrowaniem
sign-in-before-encryption-methods-99e7b9c2 = logowanie przed szyfrowaniem: { $methods }
no-sign-in-after-encryption-47a4a654 = brak logowania po szyfrowaniu
sign-in-after-encryption-methods-ee54907f = logowanie po szyfrowaniu: { $methods }
certificate-certificate-c4f98173 = certyfikat { $certificate }
broken-0d935360 = NIE DZIAŁA
at-risk-5412ef9b = ZAGROŻONE
unknown-69b80b99 = NIEZNANE
ok-85e4b82f = OK
fix-fix-e4c99121 = Poprawka: { $fix }
apply-it-command-969d0163 = Zastosuj: { $command }

## src/cli/stdin_text.rs

the-input-is-broken-utf-d21f7acb = dane wejściowe to uszkodzony UTF-16: zapisz je jako tekst UTF-8 lub UTF-16 i spróbuj ponownie
the-input-is-not-utf-eee33dd4 = dane wejściowe nie są tekstem UTF-8 (prawdopodobnie to starsze kodowanie Windows): zapisz je jako tekst UTF-8 lub UTF-16 i spróbuj ponownie
the-line-is-not-utf-c971d459 = wiersz nie jest tekstem UTF-8: zapisz go jako tekst UTF-8 lub UTF-16 i spróbuj ponownie

## src/cli/webconfig_cmd.rs

mail-settings-in-path-bea8d53b = Ustawienia poczty w { $path }:
not-set-a541b773 = (nie ustawiono)
not-set-no-sign-in-d89f1f29 = (nie ustawiono: bez logowania)
not-set-the-web-server-05e903ce = (nie ustawiono: nazwa serwera WWW)
set-not-shown-8e04618e = (ustawiono, nie pokazano)
not-true-or-false-see-4912fbf6 = (ani true, ani false: zobacz błąd poniżej)
not-stated-bd15bde6 = (nie podano)
test-them-46dd20dd = Przetestuj je:
nothing-to-change-the-file-65d4a0db = Nie ma nic do zmiany: plik ma już te ustawienia: { $path }
dry-run-nothing-was-written-83e7f00e = Próba na sucho: niczego nie zapisano.
updated-path-37738ea1 = Zaktualizowano { $path }.
the-old-file-is-saved-795e6599 = Stary plik zapisano jako { $path }.
still-to-fix-by-hand-087d2c93 = Do poprawienia ręcznie:
these-settings-cannot-be-written-c9942416 = tych ustawień nie można zapisać, dopóki nie zostaną poprawione:
write-these-changes-to-path-5f106860 = Zapisać te zmiany w { $path }? Najpierw zostanie zrobiona kopia zapasowa.
nothing-was-written-run-again-e048ac0a = Niczego nie zapisano: uruchom ponownie z --yes, aby zapisać te zmiany.
nothing-was-written-317a5b5a = Niczego nie zapisano.
no-problems-found-808793a4 = Nie znaleziono problemów.
t-1-error-cd417dc2 = 1 błąd
count-errors-7af566cb = { $count ->
        [one] { $count } błąd
        [few] { $count } błędy
       *[other] { $count } błędów
    }
t-1-warning-f1c7ab28 = 1 ostrzeżenie
count-warnings-6efe9689 = { $count ->
        [one] { $count } ostrzeżenie
        [few] { $count } ostrzeżenia
       *[other] { $count } ostrzeżeń
    }
t-1-note-4430d8c0 = 1 uwaga
count-notes-a90e79f1 = { $count ->
        [one] { $count } uwaga
        [few] { $count } uwagi
       *[other] { $count } uwag
    }
findings-errors-warnings-notes-16ee245c = Wyniki: { $errors }, { $warnings }, { $notes }
error-df22b531 = BŁĄD
line-line-code-8334a308 = wiersz { $line }, { $code }

## src/credentials/error.rs

there-is-no-keyring-on-7e9019d6 = Na tym komputerze nie ma magazynu haseł, z którego Mail Settings Tester mógłby korzystać ({ $keyring }), więc nie można tam zapisać ani odczytać hasła. Hasło zostanie użyte tylko w tej sesji. { $advice } (Szczegóły: { $detail })
your-keyring-keyring-is-locked-b5a4c68b = Twój magazyn haseł ({ $keyring }) jest zablokowany, więc nie udało się zapisać ani odczytać hasła. Hasło zostanie użyte tylko w tej sesji. Odblokuj magazyn haseł (zaloguj się ponownie na pulpit albo odblokuj go w jego aplikacji), a potem spróbuj ponownie. (Szczegóły: { $detail })
your-keyring-keyring-did-not-76142675 = Twój magazyn haseł ({ $keyring }) nie pozwolił programowi Mail Settings Tester użyć tego hasła. Hasło zostanie użyte tylko w tej sesji. Zezwól na dostęp, gdy magazyn haseł o to zapyta (albo w jego ustawieniach), a potem spróbuj ponownie. (Szczegóły: { $detail })
your-keyring-keyring-could-not-daf77fe7 = Twój magazyn haseł ({ $keyring }) nie mógł zapisać ani odczytać hasła. Hasło zostanie użyte tylko w tej sesji. Spróbuj ponownie; jeśli nadal się nie udaje, wpisuj hasło za każdym razem. (Szczegóły: { $detail })
the-what-is-too-long-1ec59e0a = Ta wartość ({ $what }) jest za długa dla Twojego magazynu haseł ({ $keyring } przyjmuje najwyżej { $limit } bajtów), więc nie udało się jej tam zapisać. Hasło zostanie użyte tylko w tej sesji; wpisuj je za każdym razem.
there-is-no-password-to-fcd23170 = Nie ma hasła do zapisania: najpierw wpisz hasło, a potem je zapisz.
user-name-a59136f5 = nazwa użytkownika
password-364b5f18 = hasło
no-keyring-store-is-set-ae980b57 = nie skonfigurowano magazynu haseł
no-saved-password-de7667ce = brak zapisanego hasła
the-saved-password-is-not-caf48e59 = zapisane hasło nie jest czytelnym tekstem; zapisz je ponownie
count-saved-passwords-match-this-15464f8a = Do tego konta pasuje kilka zapisanych haseł ({ $count }); usuń zbędne w aplikacji magazynu haseł

## src/credentials/platform.rs

the-secret-service-e-g-882f6c95 = Secret Service, np. GNOME Keyring lub KWallet
the-macos-keychain-8faf0187 = Pęk kluczy macOS
the-windows-credential-manager-fb0531ad = Menedżer poświadczeń Windows
none-is-supported-on-this-ee2f389d = żaden nie jest obsługiwany w tym systemie
to-remember-passwords-run-the-5f3b84d2 = Aby zapamiętywać hasła, uruchom tester w sesji pulpitu, w której działa magazyn haseł (GNOME Keyring lub KWallet), a potem spróbuj ponownie.
to-remember-passwords-run-the-6d45ebaa = Aby zapamiętywać hasła, uruchom tester we własnej, zalogowanej sesji pulpitu, a potem spróbuj ponownie.

## src/diagnosis/aspnet/mod.rs

if-your-site-sends-with-f777e641 = Jeśli Twoja witryna wysyła przez SmtpClient (System.Net.Mail), w jej dzienniku błędów pojawi się
your-website-s-error-log-f87ec5b8 = W dzienniku błędów Twojej witryny pojawi się

## src/diagnosis/classify.rs

microsoft-365-has-smtp-sign-7bc38d83 = Microsoft 365 ma wyłączone logowanie SMTP dla tej skrzynki
microsoft-365-lets-administrators-switch-9108f35f = Microsoft 365 pozwala administratorom wyłączyć „Authenticated SMTP” (sposób, w jaki programy logują się, aby wysyłać pocztę), a dla tej skrzynki jest ono wyłączone, więc nawet poprawne hasło zostaje odrzucone.
ask-your-microsoft-365-administrator-c54e0072 = Poproś administratora Microsoft 365 o włączenie „Authenticated SMTP” dla tej skrzynki (centrum administracyjne → Users → Active users → użytkownik → Mail → Manage email apps).
microsoft-365-has-smtp-sign-360e5a0b = Microsoft 365 ma wyłączone logowanie SMTP w Twojej organizacji: administrator może je włączyć
yahoo-and-aol-refuse-the-709f08a8 = Yahoo i AOL odrzucają zwykłe hasło do konta z programów pocztowych, a po kilku odrzuconych próbach na jakiś czas wstrzymują też logowanie.
wait-about-an-hour-before-d6d59691 = Odczekaj około godziny przed kolejnym testem, aby blokada zdążyła minąć.
gmail-refused-the-user-name-15d09805 = Gmail odrzucił nazwę użytkownika i hasło. Z programów pocztowych, takich jak Twoja witryna, Gmail przyjmuje tylko hasło aplikacji (osobne hasło utworzone specjalnie dla programów): od maja 2022 dla kont prywatnych i od września 2024 dla kont Google Workspace. Jeśli hasło aplikacji jest już używane, mogło zostać źle wpisane albo cofnięte.
here-the-block-comes-from-536cc146 = Tutaj blokada wynika z „security defaults” Twojej organizacji (standardowych zabezpieczeń logowania Microsoftu).
verify-the-from-address-or-31a6261b = Zweryfikuj adres `from` (albo całą jego domenę) w panelu swojej usługi wysyłkowej.
the-server-refuses-the-old-cabda9d1 = Serwer odrzuca starą wersję szyfrowania, której używa ten program
the-program-offered-tls-1-5b1ec346 = Program zaproponował TLS 1.0 lub 1.1 (stare wersje szyfrowania chroniącego połączenie), a serwer przyjmuje tylko TLS 1.2 lub nowszy.
make-sure-the-website-runs-a3175796 = Upewnij się, że witryna działa na .NET Framework 4.7 lub nowszym, który używa najnowszego szyfrowania dostępnego w Windows.
for-an-older-website-ask-fd2f3186 = W przypadku starszej witryny poproś programistę o włączenie TLS 1.2 (ServicePointManager.SecurityProtocol) i zainstaluj aktualizacje Windows, które go dodają.
test-again-after-the-change-c6691a26 = Po zmianie przetestuj ponownie.
the-server-s-encryption-is-e48e53e2 = Szyfrowanie na serwerze w tej chwili nie działa
the-server-offers-encryption-but-4969b44a = Serwer oferuje szyfrowanie, ale nie mógł go uruchomić z powodu problemu po swojej stronie (często brakującego lub uszkodzonego certyfikatu, czyli dowodu tożsamości serwera).
wait-a-few-minutes-and-763995a7 = Odczekaj kilka minut i przetestuj ponownie.
if-it-persists-tell-your-5398e48d = Jeśli problem się utrzymuje, zgłoś go dostawcy poczty i dołącz odpowiedź serwera: tylko on może to naprawić.
keep-enablessl-set-to-true-2c3e3edb = Zostaw `enableSsl` ustawione na `true`: bez szyfrowania Twoje hasło przeszłoby przez sieć w czytelnej postaci.
provider-needs-an-app-password-8404df24 = { $provider } wymaga hasła aplikacji zamiast zwykłego hasła
test-again-5d322c29 = Przetestuj ponownie.

## src/diagnosis/explain/dotnet_log.rs

your-website-s-log-quotes-45d21fe9 = Dziennik Twojej witryny cytuje tylko pierwszy wiersz odmowy serwera, w którym jest nazwa serwera; powód jest w kolejnych wierszach. Uruchom test tutaj, aby je zobaczyć.

## src/diagnosis/explain.rs

codes-that-start-with-4-34e1b6b7 = Kody zaczynające się od 4 oznaczają „spróbuj później”; jeśli to się powtarza, słowa z odpowiedzi serwera są powodem, który warto przekazać dostawcy poczty.
codes-that-start-with-5-eea7edf5 = Kody zaczynające się od 5 oznaczają, że serwer nie przyjmie tego w takiej postaci; słowa po kodzie podają powód.
we-don-t-recognise-this-9ef5f9c1 = Nie rozpoznajemy tej odpowiedzi serwera
the-server-answered-with-a-be6938c6 = Serwer odpowiedział w sposób, dla którego nie mamy jeszcze wyjaśnienia.

## src/diagnosis/mod.rs

even-so-this-test-message-84be81e9 = Mimo to ta wiadomość testowa przeszła: po odmowie ASP.NET wysyła bez logowania, a ten serwer przyjmuje to dla poczty do własnych skrzynek. Poczta na każdy inny adres (do Twoich klientów) będzie odrzucana, dopóki logowanie nie zacznie działać, a dziennik Twojej witryny nie pokaże błędu dla tej wiadomości.

## src/diagnosis/outcome/auth.rs

this-server-offers-starttls-encryption-7bc26440 = Ten serwer oferuje STARTTLS (szyfrowanie), więc wystarczy zmienić jedno ustawienie.
this-server-offers-no-encryption-696f82ef = Ten serwer nie oferuje szyfrowania na tym porcie.
ask-your-mail-provider-for-c9b3f2af = Zapytaj dostawcę poczty o port, który oferuje szyfrowanie (zwykle `587` ze STARTTLS), i użyj go.
the-server-offers-sign-in-811c9099 = Serwer pozwala się zalogować dopiero po zaszyfrowaniu połączenia przez STARTTLS (sposób, w jaki serwer poczty przełącza się na połączenie szyfrowane), więc ukrył logowanie, aby chronić Twoje hasło. `enableSsl="true"` włącza STARTTLS w web.config.
no-sign-in-method-7ae1fdbe = brak metody logowania
this-server-offers-list-and-b1185126 = Ten serwer oferuje { $list }, a { $target } nie może użyć żadnej z nich (moduł wysyłania poczty ASP.NET zna tylko LOGIN, NTLM, Digest i Negotiate). Te same ustawienia mogą działać w innych programach, ale z Twojej witryny się nie uda.
xoauth2-and-oauthbearer-mean-oauth-f5583b2e = XOAUTH2 i OAUTHBEARER oznaczają OAuth (logowanie przez własną stronę dostawcy).
this-server-does-not-understand-22cf71da = Ten serwer nie rozumie sposobu logowania ASP.NET
asp-net-sends-the-user-20a7823c = ASP.NET wysyła nazwę użytkownika razem z poleceniem logowania (AUTH LOGIN), a potem hasło. Ten serwer pominął nazwę użytkownika i poprosił o nią ponownie po haśle, więc z Twojej witryny logowanie nigdy się nie zakończy, niezależnie od hasła.
ask-your-mail-provider-whether-52f1f934 = Zapytaj dostawcę poczty, czy serwer może przyjąć AUTH LOGIN z odpowiedzią początkową (RFC 4954), albo poproś o inną nazwę serwera do wysyłania.
or-send-through-another-mail-017a8669 = Możesz też wysyłać przez inną usługę pocztową (firmy hostingowej albo usługę wysyłkową, np. SendGrid lub Mailgun).
this-server-refuses-the-way-1d470d15 = Ten serwer odrzuca sposób logowania ASP.NET
the-server-offers-login-sign-8c041507 = Serwer oferuje logowanie LOGIN, metodę używaną przez ASP.NET, ale odrzucił je w postaci, w jakiej wysyła je ASP.NET: polecenie razem z nazwą użytkownika w jednym wierszu („AUTH login …”). Odpowiedział „{ $reply }”, zanim sprawdzono jakiekolwiek hasło. Programy, które wysyłają nazwę użytkownika w osobnym wierszu (PHPMailer, MailKit, Outlook), mogą się zalogować do tego serwera; Twoja witryna nie może, niezależnie od hasła.
ask-your-mail-provider-whether-8485148d = Zapytaj dostawcę poczty, czy serwer może przyjąć AUTH LOGIN z nazwą użytkownika w tym samym wierszu („initial response”, RFC 4954), albo poproś o inną nazwę serwera do wysyłania.
or-ask-your-developer-to-59a0f742 = Możesz też poprosić programistę o wysyłanie przez MailKit, który loguje się w inny sposób.

## src/diagnosis/outcome/connection.rs

the-mail-server-s-name-abb8de91 = Nie udało się znaleźć nazwy serwera poczty „{ $host }”
host-has-no-dot-in-a25384f0 = `host` nie zawiera kropki, a nazwy serwerów poczty wyglądają jak `smtp.example.com`: porównaj ją z instrukcją dostawcy.
the-connection-went-to-address-039eccb9 = Połączenie poszło do { $address }.
port-port-is-unusual-for-e9e416e2 = Port { $port } jest nietypowy do wysyłania poczty: większość dostawców używa `587`.
we-waited-secs-seconds-for-18544b73 = Czekaliśmy na { $address } przez { $secs } s.
port-25-is-commonly-blocked-bf227656 = Port 25 jest często blokowany przez firmy hostingowe i dostawców internetu w walce ze spamem, więc połączenia z nim często pozostają bez odpowiedzi.
this-computer-could-not-reach-082acb74 = Ten komputer nie mógł połączyć się z serwerem poczty
the-system-reported-detail-16c5517e = System zgłosił: „{ $detail }”.
check-that-this-computer-is-05bf2936 = Sprawdź, czy ten komputer ma połączenie z internetem, a potem przetestuj ponownie.
the-server-said-nothing-for-c2aad1c2 = Serwer milczał przez { $secs } s, a druga próba, rozpoczęta od razu z szyfrowaniem, również nie dostała odpowiedzi.
this-port-expects-encryption-from-e1538362 = Ten port oczekuje szyfrowania od pierwszego bajtu („SSL on connect”, typowe dla portu 465), więc serwer czeka na szyfrowanie, a program czeka na powitanie. Moduł wysyłania poczty ASP.NET nie obsługuje SSL on connect: Twoja witryna czekałaby tak przez 100 sekund (domyślny limit czasu; test zatrzymał się po własnym limicie), a potem zgłosiłaby błąd „The operation has timed out”.
this-port-expects-encryption-from-52a4c1c1 = Ten port oczekuje szyfrowania od pierwszego bajtu („SSL on connect”), ale test zaczął bez szyfrowania, więc obie strony czekały na siebie nawzajem.
choose-ssl-on-connect-for-89a131f0 = Wybierz dla tego portu SSL od połączenia (w większości programów nazywane „SSL”, „SMTPS” lub „implicit TLS”).
or-change-port-to-587-363c03db = Możesz też zmienić `port` na `587` i użyć STARTTLS (sposobu, w jaki serwer poczty przełącza się na połączenie szyfrowane).
it-answered-like-a-web-455949dc = Odpowiedział jak serwer WWW.
it-answered-like-a-remote-640e7204 = Odpowiedział jak usługa zdalnego logowania (SSH).

## src/diagnosis/outcome/conversation.rs

it-happened-during-step-8cc559e6 = Stało się to na etapie: { $step }.
the-connection-ended-while-switching-4d88ba34 = Połączenie zostało przerwane podczas przełączania na szyfrowanie: sprawdź, czy `port` i `enableSsl` zgadzają się z instrukcją dostawcy (dla ASP.NET: `587` z `enableSsl` ustawionym na `true`).
some-servers-hang-up-instead-07ab7f99 = Niektóre serwery rozłączają się, zamiast powiedzieć, że hasło zostało odrzucone: sprawdź `userName` i `password`.
there-was-no-reply-to-7639394e = Brak odpowiedzi na etapie „{ $step }” w ciągu { $secs } s.
what-arrived-detail-ce6e5e5f = Co przyszło: { $detail }.
the-server-broke-the-rules-86aebd6a = Serwer złamał zasady rozmowy pocztowej
during-step-the-server-did-2a69066e = Na etapie „{ $step }” serwer zrobił coś, czego serwerom poczty robić nie wolno: { $detail }. To problem po stronie serwera, nie w Twoich ustawieniach.
test-again-in-a-few-d45392c2 = Przetestuj ponownie za kilka minut.
send-the-transcript-to-your-01199657 = Wyślij zapis rozmowy z serwerem dostawcy poczty: pokazuje dokładnie, co wysłał serwer.
if-a-security-program-or-26b511cc = Jeśli pocztę w tej sieci obsługuje program zabezpieczający lub serwer pośredniczący (proxy), może on być przyczyną: zapytaj osobę, która zarządza siecią.

## src/diagnosis/outcome/envelope.rs

use-a-sender-address-from-91297b39 = Użyj adresu nadawcy (`from`), który przed @ ma tylko zwykłe litery (od a do z, bez polskich znaków), cyfry, kropki lub łączniki, na przykład `info@` Twojej domeny.
send-the-test-to-an-394f9af8 = Wyślij test na adres, który przed @ ma tylko zwykłe litery (od a do z, bez polskich znaków), cyfry, kropki lub łączniki.
this-server-cannot-take-address-b7642aa9 = Ten serwer nie przyjmie adresu { $address }, który przed @ ma litery spoza podstawowego alfabetu łacińskiego
such-an-address-can-only-534fa2e0 = Taki adres może przejść tylko przez SMTPUTF8 (standard poczty dla adresów międzynarodowych), a ten serwer go nie oferuje. Test zatrzymał się, zanim podał serwerowi { $role } ({ $address }): serwer odrzuciłby go albo zniekształcił, a jego odmowa obwiniałaby nadawcę.
or-send-through-a-mail-c7f9b17c = Możesz też wysyłać przez serwer poczty, który oferuje SMTPUTF8: zapytaj dostawcę, czy obsługuje międzynarodowe adresy e-mail.
the-test-cannot-send-with-1cfd4858 = Test nie może wysłać z adresem { $address }
address-is-written-in-a-498c2974 = { $address } jest zapisany w postaci, na którą standardy poczty pozwalają, ale którą obsługuje niewiele programów (część w cudzysłowie ze spacją albo adres serwera w nawiasach kwadratowych po @), i wiadomość testowa nie może go przenieść. Test zatrzymał się, zanim przekazał go serwerowi.
plain-remove-any-quotes-and-a7cb9143 = { $plain } Usuń cudzysłowy i spacje: zwykła postać to nazwa@example.com.
asp-net-itself-may-still-4a7c1539 = Sam ASP.NET może nadal z nim wysyłać, ale wiele serwerów poczty i programów do czytania poczty sobie z nim nie poradzi.
or-move-the-site-to-3788eb32 = Możesz też przenieść witrynę na .NET Framework 4.5 lub nowszy, który potrafi wysyłać adresy międzynarodowe z `deliveryFormat="International"` w elemencie `<smtp>`.
or-add-deliveryformat-international-to-7bb43e86 = Możesz też dodać `deliveryFormat="International"` do elementu `<smtp>` w web.config (ASP.NET 4.5 lub nowszy): wtedy ASP.NET wysyła adresy międzynarodowe do serwerów, które oferują SMTPUTF8.
or-set-deliveryformat-smtpdeliveryformat-3af77877 = Możesz też ustawić `DeliveryFormat = SmtpDeliveryFormat.International` w obiekcie `SmtpClient` w kodzie: wtedy wysyła on adresy międzynarodowe do serwerów, które oferują SMTPUTF8.
this-server-offers-smtputf8-the-6d77822e = Ten serwer oferuje SMTPUTF8 (standard poczty dla adresów międzynarodowych), więc to ustawienie by go przepuściło.
this-server-does-not-offer-baf00176 = Ten serwer nie oferuje SMTPUTF8 (standardu poczty dla adresów międzynarodowych), więc potrzebny jest też serwer, który go oferuje.
asp-net-will-not-send-12cd36fe = ASP.NET nie wyśle z adresem { $address }, który przed @ ma litery spoza podstawowego alfabetu łacińskiego
asp-net-s-mail-sender-3ed3c4f7 = Moduł wysyłania poczty ASP.NET wysyła tylko adresy, których część przed @ składa się ze zwykłych liter łacińskich, chyba że ustawiono go na wysyłanie adresów międzynarodowych. Zatrzymuje się, zanim zapyta serwer, tak jak zrobił to test.

## src/diagnosis/outcome/final_reply.rs

the-server-received-the-whole-80dbb04b = Serwer odebrał całą wiadomość, ale nie potwierdził jej na czas
the-test-sent-the-complete-26e46161 = Test wysłał całą wiadomość, a potem czekał na odpowiedź serwera, tę, która mówi, czy przyjmuje wiadomość. Odpowiedź nie przyszła na czas: serwery, które sprawdzają każdą wiadomość pod kątem spamu i wirusów, mogą odpowiadać powoli, a ten może jeszcze doręczyć wiadomość.
check-the-test-recipient-s-5a214699 = Zanim wyślesz ponownie, sprawdź skrzynkę odbiorczą odbiorcy testu (i folder spamu): wiadomość może jeszcze dotrzeć, a ponowne wysłanie może doręczyć ją dwa razy.
if-nothing-arrives-within-15-af500617 = Jeśli w ciągu 15 minut nic nie dotrze, przetestuj ponownie; jeśli to się powtórzy, wyślij zapis rozmowy z serwerem dostawcy poczty.
if-it-arrives-the-settings-c80f0412 = Jeśli dotrze, ustawienia działają, ale Twoja witryna zgłasza przy takich wiadomościach „The operation has timed out.”: zwiększ `SmtpClient.Timeout` w kodzie (domyślnie 100 sekund) i upewnij się, że witryna nie wysyła tej samej wiadomości ponownie po tym błędzie.
if-it-arrives-the-settings-008b4f44 = Jeśli dotrze, ustawienia działają, a serwer po prostu wolno potwierdza: daj mu więcej czasu (limit czasu na ostateczną odpowiedź w ustawieniach zaawansowanych albo `--final-reply-timeout` w wierszu poleceń).
the-test-waited-secs-seconds-296f27d9 = Test czekał na tę odpowiedź { $secs } s.

## src/diagnosis/outcome/oauth.rs

in-microsoft-365-an-app-6beb06e7 = W Microsoft 365 aplikacja, która wysyła we własnym imieniu, potrzebuje wszystkich tych rzeczy: uprawnienia SMTP.SendAsApp (Office 365 Exchange Online) ze zgodą administratora; jednostki usługi (service principal) utworzonej przez New-ServicePrincipal z identyfikatorem obiektu aplikacji Enterprise (nie App registration); Add-MailboxPermission dla skrzynki z `userName`; oraz włączonego „Authenticated SMTP” dla tej skrzynki.
the-sign-in-token-has-c42ff023 = Token logowania wygasł
tokens-are-valid-for-a-9a3968e1 = Tokeny są ważne krótko (około godziny). Ten wygasł { $ago } temu, więc serwer go odrzucił.
get-a-new-token-sign-fdc646f1 = Zdobądź nowy token (zaloguj się ponownie) i od razu przetestuj ponownie.
the-sign-in-token-is-e9229ca6 = Token logowania jest dla innej skrzynki
the-token-was-issued-for-ccbe81df = Token wydano dla { $named }, a test zalogował się jako { $user }. Token loguje tylko do skrzynki, dla której go wydano.
set-username-to-named-or-65123a60 = Ustaw `userName` na { $named } albo zaloguj się jako { $user }, aby dostać token dla tej skrzynki.
the-sign-in-token-lacks-60c3493a = Token logowania nie ma uprawnienia, którego żąda ten serwer
the-server-wants-a-token-6d0ee0cb = Serwer chce tokenu z zakresem (uprawnieniem) { $scope }, a ten ma { $carried }.
ask-for-a-token-with-ca38a612 = Poproś o token z zakresem { $scope }.
the-sign-in-token-does-b905d15c = Token logowania nie pozwala wysyłać poczty
a-token-carries-permissions-scopes-dfbd7ff8 = Token niesie uprawnienia (zakresy), a ten ma { $carried }: żadne z nich nie dotyczy wysyłania poczty (SMTP).
ask-for-a-token-with-24b71fd2 = Poproś o token z zakresem do wysyłania poczty, który podaje Twój dostawca (Microsoft 365: SMTP.Send lub SMTP.SendAsApp; Google: https://mail.google.com/).
the-sign-in-token-is-87b9c735 = Token logowania jest dla innej usługi Microsoftu
the-token-is-meant-for-a4189d8a = Token jest przeznaczony dla { $audience }, a serwer poczty przyjmuje tylko tokeny przeznaczone dla Exchange Online.
ask-for-the-token-with-0f671d1c = Poproś o token z zakresem https://outlook.office365.com/.default (aplikacja wysyłająca we własnym imieniu) albo https://outlook.office.com/SMTP.Send (zalogowana osoba).
exchange-online-lets-a-token-afaaf9f5 = Exchange Online pozwala tokenowi wysyłać pocztę tylko z uprawnieniem aplikacji { $needed }; ten ma { $carried }.
exchange-online-lets-a-token-7c44c998 = Exchange Online pozwala tokenowi wysyłać pocztę tylko z uprawnieniem delegowanym { $needed }; ten ma { $carried }.
the-sign-in-token-lacks-ab2e2281 = Token logowania nie ma uprawnienia { $needed }
in-app-registrations-your-app-870afe88 = W App registrations → Twoja aplikacja → API permissions dodaj { $needed } (Office 365 Exchange Online), udziel zgody administratora, a potem zdobądź nowy token.
it-could-not-read-the-25ee4fd8 = nie mógł odczytać logowania (często to nazwa użytkownika, której nie zna)
the-token-is-not-valid-5f515491 = token jest nieważny (wygasł, został cofnięty albo nie jest dla tej skrzynki)
the-token-is-valid-but-6b61b7b0 = token jest ważny, ale nie pozwala wysyłać poczty jako ta skrzynka
it-refused-the-token-cd0cabee = odrzucił token
the-server-s-answer-to-2fb6cd08 = Odpowiedź serwera na { $mechanism } mówi, że { $meaning }.
the-server-s-answer-to-0e1ef8b3 = Odpowiedź serwera na { $mechanism } mówi, że { $meaning }; przyjmuje tokeny z zakresem { $scope }.
none-ada7afdb = brak
no-sign-in-at-all-56e4c7e5 = żadnego logowania
it-offers-offers-38f8f4c2 = Oferuje { $offers }.
the-app-s-client-secret-1fd311f1 = Klucz tajny klienta (client secret) aplikacji wygasł
nobody-has-signed-in-yet-58075807 = Nikt się jeszcze nie zalogował
this-test-signs-in-as-de14520f = Ten test loguje się jako osoba, więc ktoś musi najpierw zalogować się do skrzynki na stronie Microsoftu lub Google. Logowanie jest potem przechowywane w systemowym magazynie haseł i samo się odnawia.
press-sign-in-with-microsoft-e55c9917 = Kliknij „Zaloguj się przez Microsoft…” (lub Google) w sekcji Logowanie i zaloguj się jako skrzynka z `userName`.
then-test-again-af243c30 = Potem przetestuj ponownie.
the-sign-in-was-cancelled-584b1ee1 = Logowanie zostało anulowane
sign-in-again-then-test-10fc6816 = Zaloguj się ponownie, a potem przetestuj ponownie.
the-provider-s-sign-in-209b1a32 = Nie udało się połączyć z usługą logowania dostawcy
check-this-computer-s-internet-bb36fda9 = Sprawdź połączenie tego komputera z internetem (oraz serwer proxy lub zaporę, które mogą blokować login.microsoftonline.com).
the-sign-in-service-s-54e90ddb = Nie można użyć adresu usługi logowania
use-https-login-microsoftonline-com-32a84d7d = Użyj https://login.microsoftonline.com (domyślnego) jako adresu logowania.

## src/diagnosis/outcome/replies.rs

the-server-then-refused-the-e6bcea69 = Serwer odrzucił potem wiadomość, więc Twoje `userName` i `password` w ogóle nie zostały użyte: ten serwer lub port prawdopodobnie nie jest tym, który dostawca przewidział dla nich.
the-test-already-asked-for-7b417971 = Test już poprosił o STARTTLS, więc serwer może go oczekiwać na innym porcie: porównaj `port` z instrukcją dostawcy.
set-defaultcredentials-to-false-while-db024367 = Ustaw `defaultCredentials` na `false`: dopóki ma wartość `true`, web.config pomija `userName` i `password`.
your-settings-have-no-username-2861b339 = Twoje ustawienia nie mają `userName`, więc test się nie zalogował.
the-test-signed-in-as-68d41b91 = Test zalogował się jako { $user }, więc ten serwer nie pozwala temu kontu wysyłać na adresy zewnętrzne: zapytaj dostawcę, jakiego serwera i portu użyć.
the-server-refused-the-test-f84ee350 = Serwer odrzucił odbiorcę testu { $recipient }
set-clientdomain-to-your-website-81ec9a9c = Ustaw `clientDomain` na pełną nazwę domeny swojej witryny (na przykład `www.example.com`): serwer nie przyjął nazwy, którą przedstawił się ten komputer.
the-sender-from-is-from-70f92321 = Nadawca (`from`) to { $from }, a logowanie (`userName`) to { $user }.

## src/diagnosis/outcome/tls.rs

change-host-to-only-fa99f7d2 = Zmień `host` na `{ $only }`.
this-one-is-self-signed-d09ec21c = Ten jest podpisany samodzielnie: serwer wystawił go sam sobie.
it-was-issued-by-issuer-24f9dd72 = Wystawił go { $issuer }.
it-was-valid-until-until-b3400985 = Był ważny do { $until }.
the-test-started-encryption-straight-7fde3066 = Test od razu zaczął szyfrowanie („SSL on connect”), ale ten port najpierw wita zwykłym tekstem, a potem przełącza się przez STARTTLS (sposób, w jaki serwer poczty przełącza się na połączenie szyfrowane). Tych dwóch sposobów nie da się łączyć, więc uzgadnianie szyfrowania (handshake) się nie udało.
it-is-valid-for-list-77a4ad6e = Jest ważny dla { $list } i jeszcze { $more } innych, nie dla { $expected }.
it-is-valid-for-list-531e9add = Jest ważny dla { $list }, nie dla { $expected }.
the-encryption-library-reported-detail-7486ce05 = Biblioteka szyfrowania zgłosiła: „{ $detail }”.
the-server-seems-to-know-4d80fb0b = Serwer chyba zna tylko stare wersje szyfrowania (TLS 1.0 lub 1.1): poproś dostawcę poczty o włączenie TLS 1.2 lub nowszego.
the-extra-certificate-file-could-8265c21b = Nie udało się użyć dodatkowego pliku certyfikatów
the-file-path-given-as-edbfbdc2 = Nie udało się użyć pliku { $path }, podanego jako „Dodatkowy plik CA” (`--ca-file`: urzędy certyfikacji, którym Twoja organizacja ufa oprócz publicznych): { $detail }. Test zatrzymał się, zanim zaufał jakiemukolwiek serwerowi.
check-that-the-file-exists-11178386 = Sprawdź, czy plik istnieje pod tą ścieżką i czy ten program może go odczytać.
check-that-it-is-a-39e254e8 = Sprawdź, czy to plik certyfikatu: plik tekstowy PEM zaczynający się od `-----BEGIN CERTIFICATE-----` albo plik .cer wyeksportowany z Windows (w dowolnym formacie).
if-the-server-has-a-1a4c8da8 = Jeśli serwer ma certyfikat od publicznego urzędu certyfikacji, wyczyść pole „Dodatkowy plik CA” w sekcji Zaawansowane.

## src/diagnosis/pasted.rs

run-the-test-here-with-40bc1a7b = Uruchom tutaj test z tymi samymi ustawieniami, aby sprawdzić, czy działają.

## src/diagnosis/site.rs

asp-net-2-0-3-6ca9cbac = ASP.NET 2.0–3.5 nie ma `enableSsl` w web.config (dodanie go psuje całą sekcję poczty), więc włącz SSL w kodzie, tuż przed wysłaniem: `smtpClient.EnableSsl = true;`. Dla kontrolki PasswordRecovery obsłuż jej zdarzenie `SendingMail`: wyślij `e.Message` samodzielnie przez `SmtpClient` z `EnableSsl` ustawionym na `true`, a potem ustaw `e.Cancel = true;`. Możesz też przenieść witrynę na .NET Framework 4.x, gdzie wystarczy `enableSsl="true"` w web.config.
in-code-smtpclient-enablessl-true-4add87ec = W kodzie włącza to `smtpClient.EnableSsl = true;` (w ASP.NET 2.0–3.5 web.config tego nie potrafi).

## src/diagnosis/texts/auth.rs

the-server-wants-a-sign-fa8fde33 = Serwer wymaga zalogowania, zanim cokolwiek wyśle
this-server-sends-mail-only-549fd96c = Ten serwer wysyła pocztę tylko dla zalogowanych użytkowników, a wiadomość została zaproponowana, zanim przyjęto jakiekolwiek logowanie. W web.config dane logowania pochodzą z `userName` i `password`.
fill-in-username-usually-your-8bad094b = Wypełnij `userName` (zwykle pełny adres e-mail) i `password`.
make-sure-defaultcredentials-is-false-e9f68330 = Upewnij się, że `defaultCredentials` ma wartość `false`: gdy ma wartość `true`, nazwa użytkownika i hasło są pomijane.
the-server-wants-a-sign-0b50a939 = Serwer wymaga zalogowania i prawdopodobnie odrzucił Twoje dane
when-the-server-refuses-the-16d9b604 = Gdy serwer odrzuca nazwę użytkownika lub hasło, ASP.NET tego nie mówi: wysyła bez logowania, a serwer odpowiada wtedy w ten sposób. Jeśli więc Twój web.config ma `userName` i `password`, serwer najpewniej je odrzucił. Jeśli ich nie ma, serwer wymaga ich przed wysłaniem.
check-username-usually-your-full-95088744 = Sprawdź `userName` (zwykle pełny adres e-mail) i wpisz hasło w `password` jeszcze raz (kopiowanie może dodać spację na końcu).
if-your-provider-wants-an-24fb5942 = Jeśli dostawca wymaga hasła aplikacji albo wyłączył logowanie hasłem (Microsoft 365, Gmail), postępuj według jego instrukcji dla programów.
if-web-config-has-no-9e232823 = Jeśli web.config nie ma `userName`, wypełnij `userName` i `password`.
run-the-test-here-with-a02cdff6 = Uruchom tutaj test z tymi samymi ustawieniami: pokaże, czy serwer odrzuca logowanie.
the-server-does-not-offer-5c1f342d = Serwer nie oferuje logowania na tym połączeniu
your-settings-include-a-user-8f3e5b78 = Twoje ustawienia zawierają nazwę użytkownika, ale serwer nie zaoferował tutaj AUTH (polecenia logowania serwerów poczty). Zwykle ten port jest przeznaczony do poczty między serwerami (często port 25) albo serwer pozwala znanym adresom wysyłać bez logowania.
change-port-to-587-and-0f7e3abd = Zmień `port` na `587` i ustaw `enableSsl` na `true`: ten port jest przeznaczony do logowania i wysyłania.
if-your-hosting-company-says-5da38eee = Jeśli firma hostingowa mówi, że jej serwer pozwala Twojej witrynie wysyłać bez hasła, wyczyść `userName` i `password`.
the-server-allows-sign-in-ec452ac5 = Serwer pozwala się zalogować tylko przez połączenie szyfrowane
the-password-would-have-crossed-a9916df8 = Hasło przeszłoby przez sieć bez szyfrowania, więc serwer odrzucił lub ukrył logowanie. Chroni je STARTTLS (sposób, w jaki serwer poczty przełącza się na połączenie szyfrowane), a `enableSsl="true"` włącza go w web.config.
set-enablessl-to-true-52e5ecbd = Ustaw `enableSsl` na `true`.
keep-port-at-587-or-42fe3de8 = Zostaw `port` na `587` (albo `25`, jeśli używa go Twój dostawca); ASP.NET nie może używać `465`.
your-password-would-cross-the-9c776cba = Twoje hasło przeszłoby przez sieć bez szyfrowania
the-server-offers-sign-in-52300fa5 = Serwer oferuje logowanie na tym połączeniu bez szyfrowania, więc hasło mógłby odczytać każdy po drodze (w sieci firmy hostingowej, w publicznym Wi-Fi). Test zatrzymał się, zanim je wysłał. Z tymi ustawieniami Twoja witryna wysyła je właśnie tak.
set-enablessl-to-true-the-649dce61 = Ustaw `enableSsl` na `true`: hasło zostanie wtedy wysłane dopiero po zaszyfrowaniu połączenia.
if-you-accept-the-risk-4bb04ca9 = Jeśli akceptujesz ryzyko w tym jednym teście (serwer w Twojej własnej sieci prywatnej), przetestuj ponownie i zezwól na hasło bez szyfrowania (`--allow-plaintext-password` w wierszu poleceń, „Wyślij tym razem bez szyfrowania” w oknie).
the-server-s-sign-in-5fcef96a = Serwer oferuje metody logowania, których ASP.NET nie może użyć
mail-servers-offer-several-sign-b861780a = Serwery poczty oferują kilka metod logowania. Moduł wysyłania poczty ASP.NET zna tylko LOGIN, NTLM, Digest i Negotiate, a ten serwer nie zaoferował żadnej z nich, więc te same ustawienia mogą działać w innych programach, a z Twojej witryny się nie udać.
ask-your-mail-provider-whether-e86c3606 = Zapytaj dostawcę poczty, czy dla Twojej skrzynki można włączyć logowanie LOGIN.
or-send-through-a-provider-c9c7d534 = Możesz też wysyłać przez dostawcę, który oferuje LOGIN (większość oferuje), i zmienić `host` na jego serwer.
or-ask-your-developer-to-88c53180 = Możesz też poprosić programistę o wysyłanie przez MailKit, bibliotekę poczty znającą więcej metod logowania.
the-server-refused-the-user-a184eaf4 = Serwer odrzucił nazwę użytkownika lub hasło
the-server-checked-the-sign-cda301dc = Serwer sprawdził dane logowania i odmówił. Zwykle hasło nie jest aktualne albo nazwa użytkownika nie ma postaci, jakiej oczekuje dostawca; niektórzy dostawcy odrzucają też zwykłe hasło i wymagają hasła aplikacji (osobnego hasła utworzonego specjalnie dla programów).
check-that-username-is-exactly-a186e001 = Sprawdź, czy `userName` jest dokładnie taki, jakiego oczekuje dostawca, zwykle to pełny adres e-mail.
type-the-password-into-password-c85831af = Wpisz hasło w `password` jeszcze raz (kopiowanie może dodać spację na końcu).
if-your-account-uses-two-fe47a30d = Jeśli Twoje konto używa logowania dwuetapowego, utwórz hasło aplikacji w ustawieniach zabezpieczeń konta i użyj go jako `password`.
sign-in-to-your-webmail-2244b6cf = Zaloguj się do poczty przez przeglądarkę tą samą nazwą użytkownika i hasłem, aby potwierdzić, że działają.
your-provider-wants-an-app-8e45b86f = Twój dostawca wymaga hasła aplikacji zamiast zwykłego hasła
an-app-password-is-a-bb603ced = Hasło aplikacji to osobne hasło, które dostawca poczty tworzy specjalnie dla programów, takich jak Twoja witryna. Konta z logowaniem dwuetapowym (kod na telefonie) odrzucają tutaj zwykłe hasło; jeśli hasło aplikacji jest już używane, mogło zostać źle wpisane albo cofnięte.
turn-on-two-step-sign-51eac7b8 = Włącz logowanie dwuetapowe w ustawieniach zabezpieczeń konta pocztowego, jeśli nie jest jeszcze włączone: hasła aplikacji go wymagają.
create-an-app-password-there-bd7031e7 = Utwórz tam hasło aplikacji i wklej je do `password` bez spacji.
keep-username-as-your-full-c562226b = Zostaw w `userName` pełny adres e-mail i przetestuj ponownie.
your-provider-paused-the-sign-bc3768e5 = Dostawca wstrzymał logowanie, dopóki nie potwierdzisz go w przeglądarce
the-provider-saw-a-sign-1538b2d6 = Dostawca zauważył logowanie z nieznanego miejsca (z komputera, na którym działa Twoja witryna) i wstrzymał je, dopóki nie potwierdzisz, że to Ty.
sign-in-to-your-webmail-dc909f89 = Zaloguj się do poczty w przeglądarce i zatwierdź alert bezpieczeństwa o zablokowanym logowaniu.
use-an-app-password-a-b70684d9 = Użyj hasła aplikacji (osobnego hasła dla programów, tworzonego w ustawieniach zabezpieczeń konta) jako `password`.
test-again-within-a-few-9bb0093a = Przetestuj ponownie w ciągu kilku minut.
sign-in-for-mail-programs-5421083f = Logowanie programów pocztowych jest wyłączone dla tego konta
microsoft-365-lets-administrators-switch-ec288b4e = Microsoft 365 pozwala administratorom wyłączyć „Authenticated SMTP” (sposób, w jaki programy logują się, aby wysyłać pocztę). Jest ono wyłączone dla tej skrzynki albo dla całej organizacji, więc odrzucane jest nawet poprawne hasło, a także token OAuth.
if-it-is-off-for-491d3325 = Jeśli jest wyłączone dla całej organizacji, administrator może je tam także włączyć (ustawienie Exchange SmtpClientAuthenticationDisabled ustawione na False).
wait-up-to-an-hour-89ecd3c1 = Po zmianie odczekaj do godziny, a potem przetestuj ponownie.
your-provider-no-longer-accepts-262db022 = Twój dostawca nie przyjmuje już hasła z programów pocztowych
the-provider-has-switched-off-5bf866d0 = Dostawca wyłączył uwierzytelnianie podstawowe (logowanie samą nazwą użytkownika i hasłem) i wymaga zamiast niego OAuth (logowania przez własną stronę dostawcy). Moduł wysyłania poczty ASP.NET nie obsługuje OAuth, a hasło aplikacji tu nie pomoże.
ask-your-administrator-whether-password-8e9b1d9b = Zapytaj administratora, czy dla tej skrzynki można zezwolić na logowanie hasłem (w Microsoft 365 mogą je blokować security defaults lub zasady dostępu warunkowego).
or-send-your-website-s-543cef06 = Możesz też wysyłać pocztę witryny przez usługę, która przyjmuje hasła, np. serwer poczty firmy hostingowej albo usługę wysyłkową, i zmienić `host`, `userName` i `password` na jej wartości.
or-ask-your-developer-to-129f53f6 = Możesz też poprosić programistę o wysyłanie przez MailKit, który obsługuje OAuth, i najpierw przetestować tutaj logowanie OAuth (Logowanie: Microsoft 365 (OAuth) albo `mailtester send --oauth microsoft`).
the-server-could-not-check-7d165cdf = Serwer nie mógł w tej chwili sprawdzić hasła
the-server-s-sign-in-4e8378b1 = System logowania serwera miał chwilowy problem, więc nie mógł powiedzieć ani tak, ani nie. Problem leży po stronie dostawcy, a Twoje ustawienia mogą być całkiem poprawne.
if-it-lasts-more-than-bcb37e76 = Jeśli trwa to dłużej niż godzinę, zgłoś to dostawcy poczty i dołącz odpowiedź serwera.
meanwhile-keep-username-and-password-16dfed9a = Do tego czasu zostaw `userName` i `password` bez zmian.

## src/diagnosis/texts/connection.rs

the-mail-server-s-name-0d9f47b0 = Nie udało się znaleźć nazwy serwera poczty
this-computer-asked-dns-the-9b8be64c = Ten komputer zapytał DNS (książkę adresową internetu) o nazwę z `host` i nie dostał żadnego adresu, więc nie wie, dokąd wysłać pocztę. Zwykle w nazwie jest literówka albo ten komputer nie ma teraz połączenia z internetem.
check-host-letter-by-letter-a1a74d49 = Sprawdź `host` litera po literze z instrukcją dostawcy poczty (wygląda jak `smtp.example.com`).
check-that-this-computer-can-ae3fe307 = Sprawdź, czy ten komputer otwiera strony internetowe; jeśli nie, napraw połączenie z internetem i przetestuj ponownie.
if-the-name-is-right-18a00d53 = Jeśli nazwa jest poprawna, a internet działa, zapytaj dostawcę poczty, czy nazwa serwera się nie zmieniła.
the-server-turned-the-connection-280a4654 = Serwer odrzucił połączenie na tym porcie
this-computer-reached-the-server-ba7fb590 = Ten komputer połączył się z serwerem, ale nic tam nie przyjmuje poczty na tym porcie (numerowanych drzwiach, na których nasłuchuje program) albo odrzuciła je zapora (filtr blokujący połączenia). Najczęściej to nie jest port, którego używa Twój dostawca, albo `host` wskazuje na inny serwer.
check-port-against-your-provider-f98b1afd = Porównaj `port` z instrukcją dostawcy: `587` to zwykły port dla witryn.
check-that-host-is-the-a4ce6940 = Sprawdź, czy `host` to nazwa serwera poczty, a nie nazwa Twojej witryny.
if-both-are-right-ask-112c3209 = Jeśli oba są poprawne, zapytaj firmę hostingową, czy zapora nie blokuje poczty wychodzącej z Twojej witryny.
the-server-did-not-answer-45d585cd = Serwer nie odpowiedział na próbę połączenia
nothing-answered-on-this-port-aeae7d79 = Nic nie odpowiedziało na tym porcie przed upływem limitu czasu. Często zapora (filtr blokujący połączenia) u firmy hostingowej lub dostawcy internetu po cichu odrzuca wychodzące połączenia pocztowe, zwłaszcza na porcie 25; w innym przypadku serwer może nie działać albo `host` może wskazywać złe miejsce.
change-port-to-587-and-a8475885 = Zmień `port` na `587` i ustaw `enableSsl` na `true`: to zwykłe połączenie ustawień dla witryn.
if-that-does-not-help-59fbce00 = Jeśli to nie pomoże, zapytaj firmę hostingową, czy wychodzące połączenia z serwerami poczty są blokowane i na jakich portach.
check-that-host-is-correct-05aa5d08 = Sprawdź, czy `host` jest poprawny i czy serwer działa (zobacz stronę stanu usług dostawcy).
the-server-accepted-the-connection-e31e44f1 = Serwer przyjął połączenie, ale się nie przywitał
a-mail-server-normally-greets-3b957db6 = Serwer poczty zwykle od razu wita nowe połączenie. Gdy milczy, port zwykle oczekuje szyfrowania od pierwszego bajtu („SSL on connect”, typowe dla portu 465), czego moduł wysyłania poczty ASP.NET nie potrafi; rzadziej serwer jest przeciążony.
change-port-to-587-and-298d9c8c = Zmień `port` na `587` i ustaw `enableSsl` na `true`.
if-your-provider-offers-only-8846bc0f = Jeśli dostawca oferuje tylko port 465, zapytaj, czy ma port ze STARTTLS (sposobem, w jaki serwer poczty przełącza się na połączenie szyfrowane), albo wysyłaj przez innego dostawcę.
if-port-is-already-587-ab4adb1c = Jeśli `port` to już `587`, odczekaj kilka minut i przetestuj ponownie: serwer może być zajęty.
something-other-than-a-mail-ecd3aa22 = Na tym porcie odpowiedziało coś innego niż serwer poczty
the-answer-did-not-look-bf4a9935 = Odpowiedź nie wyglądała jak SMTP (język, którym mówią serwery poczty). Port może należeć do strony internetowej lub innej usługi albo `host` może wskazywać inną maszynę.
check-port-websites-send-mail-6058ee5d = Sprawdź `port`: witryny wysyłają pocztę przez port `587` (czasem `25`); porty takie jak `80` i `443` służą stronom internetowym, a `110`, `143`, `993` i `995` do odczytywania poczty.
check-host-against-your-provider-1e806a83 = Porównaj `host` z instrukcją dostawcy.
if-both-look-right-a-336a3e56 = Jeśli oba wyglądają dobrze, może przeszkadzać program zabezpieczający lub serwer proxy w tej sieci: zapytaj osobę, która zarządza siecią.
the-mail-server-is-not-c6852973 = Serwer poczty w tej chwili nie przyjmuje tego połączenia
the-server-answered-but-refused-f4bdb56e = Serwer odpowiedział, ale odmówił obsługi tego połączenia. Zwykle serwer ma chwilowy problem (prace konserwacyjne lub przeciążenie) albo odrzuca adres internetowy tego komputera, na przykład dlatego, że adres jest na czarnej liście (liście adresów znanych z wysyłania spamu).
if-it-keeps-happening-send-e9edadf6 = Jeśli to się powtarza, wyślij odpowiedź serwera (w sekcji „Odpowiedź serwera”) dostawcy poczty i zapytaj, dlaczego odrzuca połączenie.
check-host-and-port-a-5e76dfe7 = Sprawdź `host` i `port`: serwer przeznaczony do odbierania poczty może odmawiać jej wysyłania.
the-server-closed-the-connection-30180e72 = Serwer zamknął połączenie w trakcie rozmowy
the-connection-ended-before-the-a43f6fed = Połączenie zostało przerwane, zanim serwer skończył odpowiadać. Serwery robią tak, gdy coś w połączeniu im nie pasuje (zbyt wiele prób, zablokowany adres, inne ustawienie szyfrowania niż oczekiwane), a sieci też czasem zrywają połączenia.
check-that-port-and-enablessl-b2b965b7 = Sprawdź, czy `port` i `enableSsl` zgadzają się z instrukcją dostawcy (zwykle `587` z `enableSsl` ustawionym na `true`).
if-it-keeps-happening-send-a1e930a1 = Jeśli to się powtarza, wyślij zapis rozmowy z serwerem dostawcy poczty: etap, na którym się zatrzymało, pokaże mu, gdzie szukać.
the-server-stopped-answering-aaccd57c = Serwer przestał odpowiadać
the-server-accepted-the-connection-a1f81952 = Serwer przyjął połączenie, ale nie odpowiedział na czas. Może być przeciążony albo zapora (filtr blokujący połączenia) może trzymać połączenie otwarte, nie przepuszczając niczego.
if-your-web-config-uses-60f26cb6 = Jeśli Twój web.config używa portu 465: ASP.NET nie może go używać i czeka w ten sposób. Zmień `port` na `587` i ustaw `enableSsl` na `true`.
if-it-always-stops-at-8cf935d8 = Jeśli zawsze zatrzymuje się na tym samym etapie, wyślij zapis rozmowy z serwerem dostawcy poczty.
the-test-was-stopped-before-0d4af77e = Test został zatrzymany, zanim się zakończył
the-test-was-cancelled-so-7a4af564 = Test został anulowany, więc etapy, które się nie wykonały, nie mają wyniku. Nie mówi to nic o tym, czy Twoje ustawienia działają.
press-send-test-email-to-82d3e493 = Kliknij „Wyślij wiadomość testową”, aby ponownie uruchomić test.
your-website-could-not-connect-2abab1d3 = Twoja witryna nie mogła połączyć się z serwerem poczty
the-program-gives-this-one-4964373a = Program podaje ten jeden komunikat z kilku powodów: zapora (filtr blokujący połączenia) u firmy hostingowej blokuje port, nic nie nasłuchuje na tym porcie albo ustawienie szyfrowania nie pasuje do portu. Najczęściej blokowany jest port 25.
change-port-to-587-and-05b8a3c8 = Zmień `port` na `587` i ustaw `enableSsl` na `true` (w PHPMailer: `Port = 587` i `SMTPSecure = 'tls'`).
check-that-host-is-exactly-b9f2e985 = Sprawdź, czy `host` to dokładnie nazwa serwera podana przez dostawcę.
ask-your-hosting-company-whether-3e97a686 = Zapytaj firmę hostingową, czy wychodzące połączenia pocztowe są dozwolone i na jakich portach.
no-mail-server-is-set-2344fbac = Nie ustawiono serwera poczty
asp-net-found-no-host-5acadb75 = ASP.NET nie znalazł `host` w sekcji `<mailSettings>` pliku web.config (ani w kodzie witryny), więc nie wie, przez jaki serwer wysyłać.
add-host-to-the-network-473361fe = Dodaj `host` do elementu `<network>` w web.config, na przykład `host="smtp.example.com"`.
check-that-mailsettings-sits-inside-b1a5f996 = Sprawdź, czy `<mailSettings>` znajduje się wewnątrz `<system.net>` w pliku web.config witryny, która wysyła pocztę.
asp-net-waited-on-port-363e8bfc = ASP.NET czekał na porcie 465 na powitanie, które nigdy nie nadchodzi
port-465-expects-encryption-from-540d0aa0 = Port 465 oczekuje szyfrowania od pierwszego bajtu („SSL on connect”), czego moduł wysyłania poczty ASP.NET nie potrafi: czeka, aż serwer się przywita, dopóki nie zrezygnuje z komunikatem „The operation has timed out”.
your-website-gave-up-waiting-1b764594 = Twoja witryna przestała czekać na serwer poczty
the-operation-has-timed-out-366dd6df = Samo „The operation has timed out.” to sposób, w jaki moduł wysyłania poczty ASP.NET mówi, że serwer nie skończył odpowiadać w limicie czasu (100 sekund, jeśli nie ustawiono `timeout`). Najczęściej serwer w ogóle się nie przywitał: port oczekuje szyfrowania od pierwszego bajtu („SSL on connect”, port 465), czego moduł wysyłania poczty ASP.NET nie potrafi.
if-port-is-465-change-c94da191 = Jeśli `port` to `465`, zmień go na `587` i ustaw `enableSsl` na `true`.
otherwise-run-this-tester-with-10f4acc3 = W przeciwnym razie uruchom ten tester z tymi samymi ustawieniami: pokaże etap, na którym serwer przestaje odpowiadać.
the-program-that-sends-your-81bb5371 = Program, który wysyła Twoją pocztę, sam anulował wysyłanie
the-operation-was-canceled-means-e40cc474 = „The operation was canceled” oznacza, że wysyłanie zatrzymał własny kod programu, a nie, że odrzucił je serwer poczty: biblioteki poczty .NET, takie jak MailKit, mówią tak, gdy wywołujący anuluje operację, na przykład gdy żądanie WWW, które wysyła pocztę, kończy się wcześniej albo upływa własny limit czasu aplikacji. Nie mówi to jeszcze nic o tym, czy ustawienia poczty działają.
test-the-same-settings-with-74a36907 = Przetestuj te same ustawienia tym testerem: pokaże, czy serwer je przyjmuje.
if-the-test-works-ask-3b9483ea = Jeśli test się uda, zapytaj programistę, czy witryna nie anuluje wysyłania zbyt wcześnie (krótki limit czasu albo żądanie, które kończy się przed wysłaniem poczty).
this-is-the-server-for-cde919ef = To serwer do odczytywania poczty, a nie do jej wysyłania
the-port-answered-like-an-bc793875 = Port odpowiedział jak serwer IMAP lub POP3: serwer, którego program pocztowy używa do odczytywania skrzynki. Witryna wysyła przez serwer SMTP, który ma własny port i często własną nazwę (`smtp.` zamiast `imap.`, `pop.` lub `mail.`).
change-port-to-587-and-9103f925 = Zmień `port` na `587` i ustaw `enableSsl` na `true`: to zwykły port do wysyłania.
if-it-still-fails-look-47a17eb2 = Jeśli nadal się nie udaje, znajdź „serwer poczty wychodzącej (SMTP)” w instrukcji dostawcy i wpisz tę nazwę w `host`.
the-server-accepted-the-connection-ee71a7a7 = Serwer przyjął połączenie, ale nigdy nie odpowiedział
a-mail-server-greets-a-a2e73efe = Serwer poczty od razu wita nowe połączenie. Ten milczał, także gdy test zaczął od szyfrowania, więc nie czeka na SSL on connect: serwer może być przeciążony albo zapora lub filtr po drodze trzyma połączenia otwarte, nie przepuszczając niczego.
check-host-and-port-against-b14f8d04 = Porównaj `host` i `port` z instrukcją dostawcy dotyczącą wysyłania poczty (zwykle port `587`).
if-it-stays-silent-ask-069de325 = Jeśli nadal milczy, zapytaj firmę hostingową, czy filtruje wychodzące połączenia pocztowe (wiele trzyma port `25` otwarty, nie przepuszczając niczego).

## src/diagnosis/texts/oauth.rs

the-mail-server-refused-the-c36aa8ff = Serwer poczty odrzucił token logowania
oauth-means-signing-in-with-bde56524 = OAuth oznacza logowanie tokenem od Microsoftu lub Google zamiast hasłem. Serwer odrzucił ten token: mógł wygasnąć, być przeznaczony dla innej usługi lub innej skrzynki albo aplikacja, do której należy, może jeszcze nie mieć prawa wysyłać poczty.
get-a-new-token-and-beea9d01 = Zdobądź nowy token i przetestuj ponownie (tokeny są ważne około godziny).
check-that-username-is-the-b1f08c04 = Sprawdź, czy `userName` to skrzynka, dla której wydano token.
check-the-app-s-permission-e05ab3e6 = Sprawdź uprawnienie aplikacji do wysyłania poczty (Microsoft 365: SMTP.SendAsApp ze zgodą administratora, jednostka usługi i uprawnienie do skrzynki; Google: zakres https://mail.google.com/).
this-server-does-not-offer-a3b68dfd = Ten serwer nie oferuje logowania tokenem
the-server-offers-no-oauth-3a29dae0 = Serwer nie oferuje logowania OAuth (XOAUTH2 ani OAUTHBEARER) na tym połączeniu, więc token nie został wysłany. Tokeny przyjmują tylko niektórzy dostawcy, głównie Microsoft 365 i Google.
check-host-and-port-microsoft-ab58eb61 = Sprawdź `host` i `port`: Microsoft 365 to smtp.office365.com port 587, Google to smtp.gmail.com port 587, oba z włączonym `enableSsl`.
if-this-provider-takes-passwords-25d1840e = Jeśli ten dostawca przyjmuje hasła, wybierz Hasło jako sposób logowania i wpisz `userName` i `password`.
the-token-was-not-sent-ff28ae63 = Token nie został wysłany, ponieważ połączenie nie jest szyfrowane
anyone-on-the-way-could-026cb93d = Każdy po drodze mógłby skopiować token wysłany przez połączenie bez szyfrowania i wysyłać pocztę jako Ty, dopóki token nie wygaśnie, więc ten test nigdy go tak nie wysyła.
turn-enablessl-on-starttls-and-ce9fc4ee = Włącz `enableSsl` (STARTTLS) i użyj portu 587, a potem przetestuj ponownie.
if-the-server-offers-no-4bbe69ad = Jeśli serwer nie oferuje szyfrowania na żadnym porcie, nie może bezpiecznie przyjąć logowania OAuth: zapytaj dostawcę o jego szyfrowany port.
microsoft-did-not-accept-the-3a160626 = Microsoft nie przyjął klucza tajnego klienta (client secret) aplikacji
before-any-mail-is-sent-633411c0 = Zanim jakakolwiek poczta zostanie wysłana, aplikacja loguje się do Microsoftu swoim identyfikatorem klienta (client ID) i kluczem tajnym klienta (hasłem aplikacji), aby dostać token. Microsoft odrzucił klucz: jest źle wpisany, wygasł albo skopiowano identyfikator klucza zamiast jego wartości.
in-the-microsoft-entra-admin-c9835d8e = W centrum administracyjnym Microsoft Entra otwórz App registrations → Twoja aplikacja → Certificates & secrets i utwórz nowy klucz tajny klienta.
copy-its-value-shown-only-697d91d8 = Skopiuj jego Value (pokazywaną tylko raz), a nie Secret ID, i przetestuj ponownie z nią.
microsoft-does-not-know-this-75d6c55c = Microsoft nie zna tej aplikacji w tej organizacji
no-app-with-this-client-6d868a30 = W organizacji (dzierżawie, tenant), o którą zapytał test, nie zarejestrowano aplikacji o tym identyfikatorze klienta. Albo identyfikator klienta jest źle wpisany, albo aplikacja należy do innej organizacji.
copy-the-application-client-id-674ef97a = Skopiuj ponownie Application (client) ID z App registrations → Twoja aplikacja → Overview.
check-that-the-directory-tenant-64a4d76d = Sprawdź, czy Directory (tenant) ID na tej samej stronie to ten, którego używa test.
microsoft-does-not-know-this-3b3cd9cd = Microsoft nie zna tej organizacji (dzierżawy, tenant)
the-tenant-identifies-your-organisation-0a1f62ed = Dzierżawa (tenant) identyfikuje Twoją organizację w Microsofcie: jej Directory (tenant) ID albo jedna z jej domen. Microsoft nie znalazł organizacji o tej nazwie.
copy-the-directory-tenant-id-3f371c4a = Skopiuj Directory (tenant) ID z App registrations → Twoja aplikacja → Overview albo użyj domeny swojej organizacji (twojafirma.onmicrosoft.com).
the-app-may-not-send-9ca8eb09 = Aplikacja nie może jeszcze wysyłać poczty: musi ją zatwierdzić administrator
the-app-asked-for-permission-565125cd = Aplikacja poprosiła o uprawnienie do wysyłania poczty, a nikt z uprawnieniami administratora w Twojej organizacji jeszcze tego uprawnienia nie zatwierdził (nie udzielił zgody).
in-app-registrations-your-app-d480bf7d = W App registrations → Twoja aplikacja → API permissions dodaj Office 365 Exchange Online → Application permissions → SMTP.SendAsApp.
click-grant-admin-consent-a-0096d685 = Kliknij „Grant admin consent” (może to zrobić Global Administrator lub Privileged Role Administrator), a potem przetestuj ponownie.
getting-a-sign-in-token-346be9e3 = Nie udało się uzyskać tokenu logowania od dostawcy
before-any-mail-is-sent-5a4041b2 = Zanim jakakolwiek poczta zostanie wysłana, test prosi usługę logowania dostawcy o token. To żądanie się nie udało, więc z serwerem poczty w ogóle się nie łączono.
read-the-provider-s-message-c4926a58 = Przeczytaj komunikat dostawcy poniżej; podaje, czego nie przyjął.
check-the-tenant-client-id-423e50ed = Sprawdź dzierżawę (tenant), identyfikator klienta i klucz tajny klienta, a potem przetestuj ponownie.

## src/diagnosis/texts/sending.rs

the-server-will-not-pass-322f9063 = Serwer nie przekaże Twojej poczty na inne adresy
relaying-passing-mail-on-to-e7749b8a = Przekazywanie (relaying, czyli przesyłanie poczty na adresy spoza domen serwera) jest dozwolone tylko dla zalogowanych użytkowników lub znanych nadawców, a to połączenie nie zostało za takie uznane. Zwykle nie było logowania albo port jest przeznaczony do odbierania poczty, a nie do wysyłania.
fill-in-username-usually-your-960bb2d1 = Wypełnij `userName` (zwykle pełny adres e-mail) i `password` oraz ustaw `defaultCredentials` na `false`.
use-port-587-with-enablessl-87cafacb = Użyj `port` `587` z `enableSsl` ustawionym na `true`.
if-your-hosting-company-lets-00fadcde = Jeśli firma hostingowa pozwala witrynom wysyłać bez hasła, poproś ją o dopuszczenie adresu serwera, na którym działa Twoja witryna.
the-server-will-not-send-6bfece32 = Serwer nie wyśle poczty z tym adresem nadawcy
the-sender-address-from-must-34e8cbf7 = Adres nadawcy (`from`) musi być adresem, z którego konto może wysyłać: zwykle skrzynką, do której się logujesz, albo adresem zweryfikowanym przez dostawcę. Tego adresu nie ma na tej liście.
set-from-to-the-same-14aaa3c1 = Ustaw `from` na ten sam adres co `userName`.
or-ask-your-provider-or-5ba176df = Możesz też poprosić dostawcę lub administratora o dopuszczenie tego adresu nadawcy, na przykład przez jego weryfikację albo nadanie uprawnienia „Send As”.
the-server-refused-the-address-99174203 = Serwer odrzucił adres, na który wysłano test
your-settings-got-through-but-8c28461a = Twoje ustawienia zadziałały, ale odbiorca testu został odrzucony: adres może nie istnieć albo jego skrzynka nie może teraz przyjmować poczty. Dotyczy to adresu testowego, a nie Twojego web.config.
check-the-send-the-test-55d34997 = Sprawdź, czy w adresie „Wyślij test na” nie ma literówek.
send-the-test-to-another-bc94762a = Wyślij test na inny adres, który należy do Ciebie, na przykład ten z `from`.
the-server-refused-the-message-01dd6462 = Serwer odrzucił samą wiadomość
the-connection-and-sign-in-10c93ba1 = Połączenie i logowanie zadziałały, ale wiadomość została odrzucona: na przykład była za duża, wyglądała jak spam albo domena nadawcy nie przeszła kontroli SPF lub DKIM (rekordów DNS, które potwierdzają, że serwer może wysyłać pocztę w imieniu Twojej domeny).
read-the-server-s-reply-830e27f9 = Przeczytaj odpowiedź serwera poniżej: zwykle podaje powód.
if-it-mentions-spf-dkim-4056d896 = Jeśli wspomina o SPF, DKIM lub DMARC, poproś osobę, która zarządza DNS Twojej domeny, o dodanie rekordów podanych przez dostawcę poczty.
to-see-whether-the-domain-caf4671e = Aby sprawdzić, czy przyczyną jest domena, ustaw `from` na adres we własnej domenie dostawcy poczty i przetestuj ponownie.
this-mail-account-is-blocked-d848b535 = To konto pocztowe ma zablokowane wysyłanie
the-provider-has-stopped-this-11d4a609 = Dostawca zablokował wysyłanie z tego konta, często po zauważeniu nietypowej aktywności, np. spamu wysłanego z użyciem skradzionego hasła. Blokadę może zdjąć tylko dostawca albo Twój administrator.
sign-in-to-your-webmail-e8982548 = Zaloguj się do poczty przez przeglądarkę i poszukaj wiadomości o zablokowanym lub ograniczonym koncie.
change-the-account-s-password-ac418634 = Zmień hasło do konta (ktoś inny może je znać), a potem wpisz nowe w `password`.
ask-your-provider-or-administrator-2b83a423 = Poproś dostawcę lub administratora o zdjęcie blokady wysyłania (w Microsoft 365: Defender → Restricted entities).
the-server-asks-to-slow-8249af09 = Serwer prosi o zwolnienie tempa i ponowną próbę później
providers-limit-how-much-mail-f9900a0a = Dostawcy ograniczają, ile poczty konto lub adres internetowy może wysłać w danym czasie. Ten limit został osiągnięty albo serwer przez jakiś czas ostrożnie traktuje to połączenie; to minie samo.
wait-15-to-60-minutes-07d89075 = Odczekaj od 15 do 60 minut i przetestuj ponownie.
if-your-website-sends-a-32eaf05a = Jeśli Twoja witryna wysyła dużo poczty, sprawdź limity wysyłania u dostawcy albo użyj usługi wysyłkowej przeznaczonej do dużych ilości.
set-clientdomain-to-your-website-fae63d04 = Ustaw `clientDomain` na pełną nazwę domeny swojej witryny (na przykład `www.example.com`): niektóre serwery nie ufają komputerom, które przedstawiają się jako `localhost`.
the-server-asked-to-send-503e5275 = Serwer poprosił o ponowne wysłanie za kilka minut (greylisting)
some-servers-turn-away-the-f3e0dc99 = Niektóre serwery celowo odrzucają pierwszą wiadomość od nadawcy, którego jeszcze nie znają, i przyjmują ją, gdy przyjdzie ponownie kilka minut później: nazywa się to greylisting, a z Twoimi ustawieniami i adresem wszystko jest w porządku. ASP.NET nie wysyła jednak ponownie sam z siebie: tak odrzucona wiadomość przepada, chyba że Twoja witryna spróbuje ponownie.
test-again-in-5-to-3f46aedd = Przetestuj ponownie za 5 do 15 minut: wiadomość powinna zostać przyjęta.
for-mail-that-matters-orders-40efb6b9 = Ważną pocztę (zamówienia, resetowanie haseł) wysyłaj przez serwer dostawcy z logowaniem (port `587`): poczta od zalogowanych nadawców nie podlega greylistingowi.
or-make-the-website-try-b16fc931 = Możesz też sprawić, by witryna ponawiała próbę, gdy wysyłanie się nie uda (kolejka albo ponowienie po kilku minutach).
your-account-has-used-up-20d9b0fd = Twoje konto wyczerpało limit wysyłania
the-provider-limits-how-much-f1851918 = Dostawca ogranicza, ile poczty konto może wysłać dziennie lub miesięcznie (albo sprzedaje ją w kredytach), a to konto osiągnęło limit. Czekanie kilku minut nie pomoże: limit odnawia się po maksymalnie dobie, na początku następnego okresu albo po zmianie planu na wyższy.
wait-until-the-limit-resets-6a52ebd9 = Poczekaj, aż limit się odnowi (zwykle 24 godziny; przy planie miesięcznym w następnym miesiącu), i przetestuj ponownie.
check-that-your-website-is-39b0b049 = Sprawdź, czy Twoja witryna nie wysyła znacznie więcej, niż powinna: formularz kontaktowy wykorzystywany przez spamerów może wyczerpać każdy limit.
if-your-website-really-needs-083b7d6f = Jeśli Twoja witryna naprawdę potrzebuje więcej, poproś dostawcę o wyższy limit albo wysyłaj przez usługę stworzoną dla witryn (SendGrid, Mailgun, Amazon SES, Brevo).
the-server-had-a-temporary-10581399 = Serwer miał chwilowy problem
the-server-answered-with-a-0008d626 = Serwer odpowiedział kodem „spróbuj później” (zaczynającym się od 4), co oznacza, że problem powinien minąć bez żadnych zmian po Twojej stronie.
if-it-keeps-happening-send-0dc4deb9 = Jeśli to się powtarza, wyślij odpowiedź serwera dostawcy poczty.
meanwhile-keep-host-port-and-f176ef63 = Do tego czasu zostaw `host`, `port` i `enableSsl` bez zmian.
we-don-t-recognise-this-718ec519 = Nie rozpoznajemy tego problemu
the-test-stopped-with-a-fda2c04f = Test zatrzymał się z komunikatem, dla którego nie mamy jeszcze wyjaśnienia. Szczegóły pokazują dokładnie, co powiedział serwer lub ten komputer.
look-in-the-server-s-cd1cf764 = Poszukaj w odpowiedzi serwera kodu, np. `535` lub `5.7.8`, i krótkiego powodu, a potem wyślij je dostawcy poczty.
check-host-port-and-enablessl-dce5d8be = Porównaj `host`, `port` i `enableSsl` z instrukcją dostawcy.
save-the-report-it-leaves-9e9a3053 = Zapisz raport (nie zawiera Twojego hasła) i wyślij go do pomocy technicznej firmy hostingowej.
sending-failed-and-this-part-b5549368 = Wysyłanie się nie udało, a ta część komunikatu nie mówi dlaczego
failure-sending-mail-is-only-5e94f296 = „Failure sending mail” to tylko komunikat zewnętrzny: powód jest w wewnętrznym wyjątku, który następuje po nim (po „--->”) w pełnym dzienniku błędów.
copy-the-whole-error-including-0a4fa195 = Skopiuj cały błąd, łącznie z wierszami po „--->”, i wklej go tutaj ponownie.
or-run-the-test-in-cd3c3210 = Możesz też uruchomić test w tym programie z tymi samymi ustawieniami: pokaże dokładnie, który etap się nie udaje.
meanwhile-check-host-port-and-b6ee72c6 = Do tego czasu porównaj `host`, `port` i `enableSsl` z instrukcją dostawcy.
we-don-t-recognise-this-689d3f81 = Nie rozpoznajemy tego komunikatu
it-contains-no-mail-server-31c9c54f = Nie zawiera kodu odpowiedzi serwera poczty (np. `535` lub `5.7.8`) ani błędu, który znamy z ASP.NET, PHPMailer, Nodemailer, Pythona lub MailKit.
paste-the-whole-error-including-72e71f75 = Wklej cały błąd, łącznie z wierszami po „--->” lub „Caused by”: przyczyna często jest na końcu.
look-for-a-three-digit-50926ef1 = Poszukaj trzycyfrowego kodu zaczynającego się od 4 lub 5 (np. `550`) albo kodu w rodzaju `5.7.1` i słów po nim: to powód podany przez serwer.
or-run-the-test-in-98479cfe = Możesz też uruchomić test w tym programie ze swoimi `host`, `port` i `enableSsl`: pokaże dokładnie, który etap się nie udaje.
this-account-may-sign-in-debe5d24 = To konto może się logować tylko z adresów wskazanych przez dostawcę
the-provider-lets-this-account-8646e994 = Dostawca pozwala temu kontu logować się tylko z adresów internetowych (adresów IP) wymienionych w jego ustawieniach, a adres, z którego przyszło to połączenie, nie jest jednym z nich. Hasła nawet nie sprawdzono.
in-your-mail-provider-s-50eeb67e = W panelu sterowania dostawcy poczty otwórz ustawienia SMTP konta i znajdź listę dozwolonych adresów IP.
add-your-web-server-s-7d9995ed = Dodaj publiczny adres IP swojego serwera WWW (firma hostingowa powie Ci, jaki to adres).
to-run-this-tester-from-3402b27a = Aby uruchamiać ten tester także z innego komputera, dodaj również adres tego komputera albo poproś dostawcę o zniesienie ograniczenia.
your-website-could-not-read-f7b4fedd = Twoja witryna nie mogła odczytać jednego z adresów e-mail
the-specified-string-is-not-8907296d = „The specified string is not in the form required for an e-mail address” pochodzi od samego ASP.NET, zanim nastąpi połączenie z jakimkolwiek serwerem poczty: adres `from` albo adres, który witryna wpisuje w To, Cc lub Bcc, zawiera błąd (brak @, spacja, dwa adresy w jednym polu).
check-from-in-web-config-26d1a3fb = Sprawdź `from` w web.config: jeden adres, np. `info@example.com` (przed nim może być nazwa: `Sklep <info@example.com>`).
if-from-is-right-the-a6e15de4 = Jeśli `from` jest poprawny, adres pochodzi z samej witryny (z formularza wypełnionego przez odwiedzającego albo z ustawienia witryny): poproś programistę o sprawdzanie adresów przed wysłaniem.
the-server-refused-and-your-051e3698 = Serwer odmówił, a dziennik Twojej witryny pomija powód
syntax-error-command-unrecognized-is-23a7ab1e = „Syntax error, command unrecognized.” to komunikat, który moduł wysyłania poczty ASP.NET zapisuje dla każdej odpowiedzi serwera, której kodu nie potrafi nazwać (na przykład 535 przy odrzuconym haśle). Bez własnych słów serwera po nim dziennik nie powie, które ustawienie jest złe.
if-the-log-goes-on-c96ac828 = Jeśli dziennik ciągnie się dalej od „The server response was:”, wklej także ten wiersz.
run-the-test-here-with-8c3a56a5 = Uruchom tutaj test z tymi samymi ustawieniami: pokaże odpowiedź serwera słowo w słowo i to, co ona oznacza.
an-address-has-letters-asp-508530c0 = Adres zawiera litery, które ASP.NET wysyła tylko przy odpowiednim ustawieniu
the-client-or-server-is-874f1000 = „The client or server is only configured for E-mail addresses with ASCII local-parts” oznacza, że adres podany na końcu ma przed @ litery spoza podstawowego alfabetu łacińskiego (np. ö, é czy ą). ASP.NET wysyła takie adresy tylko z `deliveryFormat="International"` i tylko przez serwer poczty, który oferuje SMTPUTF8 (standard dla adresów międzynarodowych).
if-the-address-is-from-d8b5febf = Jeśli to adres `from`, użyj adresu ze zwykłymi literami przed @.
if-it-is-a-customer-30b90862 = Jeśli to adres klienta, dodaj `deliveryFormat="International"` do `<smtp>` w web.config (.NET Framework 4.5 lub nowszy) i uruchom tutaj test, aby sprawdzić, czy Twój serwer poczty oferuje SMTPUTF8.

## src/diagnosis/texts/tls.rs

the-server-wants-an-encrypted-bcbb2dd1 = Serwer wymaga połączenia szyfrowanego
the-server-will-not-go-b13a1048 = Serwer nie pójdzie dalej, dopóki połączenie nie zostanie zaszyfrowane przez STARTTLS (sposób, w jaki serwer poczty przełącza się na połączenie szyfrowane). W web.config włącza to `enableSsl="true"`.
use-port-587-the-usual-d29b1fcf = Użyj `port` `587` (zwykłego portu do wysyłania z witryn), chyba że dostawca zaleca inaczej.
the-server-does-not-offer-345a167c = Serwer nie oferuje połączenia szyfrowanego na tym porcie
with-enablessl-on-asp-net-bc209598 = Przy włączonym `enableSsl` ASP.NET prosi o STARTTLS (sposób, w jaki serwer poczty przełącza się na połączenie szyfrowane), a ten serwer go nie zaoferował, więc ASP.NET zatrzymuje się z komunikatem „Server does not support secure connections”. Zwykle port lub serwer nie jest serwerem wysyłkowym dostawcy albo szyfrowanie serwera nie jest skonfigurowane.
check-host-and-port-against-3146a584 = Porównaj `host` i `port` z instrukcją dostawcy; jeśli `port` to `25`, spróbuj `587`.
ask-your-mail-provider-whether-e9b014ae = Zapytaj dostawcę poczty, czy ten serwer obsługuje STARTTLS i na jakim porcie.
turning-enablessl-off-would-send-df98f72a = Wyłączenie `enableSsl` oznaczałoby wysyłanie hasła bez szyfrowania (każdy po drodze mógłby je odczytać): rozważ to tylko wtedy, gdy dostawca potwierdzi, że serwer jest w Twojej własnej sieci prywatnej.
this-port-starts-unencrypted-and-8eab0593 = Ten port zaczyna bez szyfrowania i przełącza się na szyfrowanie później
one-side-started-encrypting-straight-ebbd67b5 = Jedna strona od razu zaczęła szyfrować („SSL on connect”), a druga oczekiwała najpierw zwykłego tekstu i przełączenia przez STARTTLS (sposób, w jaki serwer poczty przełącza się na połączenie szyfrowane). Tych dwóch sposobów nie da się łączyć, więc uzgadnianie szyfrowania (handshake) się nie udało.
keep-this-port-and-set-14145fd0 = Zostaw ten port i ustaw `enableSsl` na `true` (w innych programach wybierz „STARTTLS” lub „TLS” zamiast „SSL”).
or-in-programs-other-than-6eb280ba = Możesz też w programach innych niż ASP.NET zostawić „SSL” i zmienić port na `465`, jeśli Twój dostawca go obsługuje.
the-encrypted-connection-could-not-38a20e5a = Nie udało się nawiązać połączenia szyfrowanego
the-handshake-the-exchange-that-d77564bd = Uzgadnianie szyfrowania (handshake) się nie udało. Częste przyczyny to serwer, który zna tylko stare wersje szyfrowania (TLS 1.0 lub 1.1, odrzucane przez nowoczesne programy), serwer ze źle skonfigurowanym szyfrowaniem albo program zabezpieczający na tym komputerze, który zakłóca połączenia szyfrowane.
test-again-in-a-few-b2d0d9dc = Przetestuj ponownie za kilka minut: niektóre serwery mają krótkotrwałe problemy z szyfrowaniem.
send-the-transcript-to-your-6a58275d = Wyślij zapis rozmowy z serwerem dostawcy poczty i zapytaj, czy serwer obsługuje TLS 1.2 lub nowszy.
if-this-computer-runs-antivirus-bc7e4c13 = Jeśli na tym komputerze działa antywirus, który skanuje pocztę, wstrzymaj skanowanie poczty na czas jednego testu albo zapytaj jego producenta.
the-server-s-encryption-is-47c71bd6 = Szyfrowanie na serwerze w tej chwili nie działa
the-server-offers-starttls-the-a70908db = Serwer oferuje STARTTLS (sposób, w jaki serwer poczty przełącza się na połączenie szyfrowane), ale odmówił jego uruchomienia, mówiąc, że szyfrowanie jest niedostępne: to problem na serwerze, zwykle przejściowy (nie udało się wczytać jego certyfikatu). Twoje ustawienia są poprawne.
if-it-lasts-tell-your-775241a7 = Jeśli to trwa, powiedz dostawcy poczty, że serwer odpowiada na STARTTLS komunikatem „TLS not available” (zapis rozmowy z serwerem pokazuje dokładne słowa).
do-not-switch-encryption-off-f58feb01 = Nie wyłączaj szyfrowania, aby to obejść: Twoje hasło przechodziłoby wtedy przez sieć w postaci czytelnej dla każdego po drodze.
the-mail-server-only-knows-f8184d45 = Serwer poczty zna tylko przestarzałe szyfrowanie (TLS 1.0 lub 1.1)
the-server-offered-only-tls-91482b71 = Serwer zaoferował tylko TLS 1.0 lub 1.1, wersje szyfrowania z 1999 i 2006 roku, które nie są już bezpieczne. Ten test je odrzuca, jak każdy aktualny program, a dostawcy poczty i Microsoft je wyłączyli. Twoja witryna może dziś jeszcze się połączyć, jeśli jej serwer Windows dopuszcza TLS 1.0, ale to się kończy: serwer wymaga aktualizacji.
ask-your-mail-provider-or-b5203011 = Poproś dostawcę poczty lub firmę hostingową o włączenie TLS 1.2 lub nowszego na serwerze poczty (potrafi to każde oprogramowanie serwerowe z ostatnich dziesięciu lat).
or-send-through-a-provider-361887b5 = Możesz też wysyłać przez dostawcę, którego serwer obsługuje TLS 1.2: zmień `host` (i `port`) na jego serwer.
until-then-do-not-switch-9755bfec = Do tego czasu nie wyłączaj szyfrowania, żeby to zadziałało: hasło przechodziłoby wtedy przez sieć w postaci czytelnej dla każdego po drodze.
once-the-web-server-s-9cd19b68 = Gdy Windows na serwerze WWW wyłączy TLS 1.0, dziennik błędów Twojej witryny pokaże „A call to SSPI failed, see inner exception.” („The client and server cannot communicate, because they do not possess a common algorithm”): pomaga ta sama poprawka.
the-server-s-security-certificate-04fd7a4d = Certyfikat bezpieczeństwa serwera jest wystawiony na inną nazwę serwera
a-certificate-the-server-s-dd0086e8 = Certyfikat (dowód tożsamości serwera) wymienia nazwy, dla których jest ważny, a nazwy z `host` nie ma wśród nich. Często zdarza się to na hostingu współdzielonym, gdzie certyfikat zawiera nazwę serwera firmy hostingowej, a nie Twoją domenę.
change-host-to-a-name-ee8ec06c = Zmień `host` na nazwę, dla której certyfikat jest ważny (panel hostingu zwykle pokazuje ją jako nazwę serwera poczty).
if-the-name-must-stay-880e7635 = Jeśli nazwa musi zostać, poproś firmę hostingową o dodanie jej do certyfikatu.
the-server-s-security-certificate-354d75d4 = Certyfikat bezpieczeństwa serwera nie jest zaufany
the-certificate-the-server-s-4ec64fb5 = Za certyfikat (dowód tożsamości serwera) nie ręczy żaden urząd certyfikacji, któremu ufa ten komputer. Może być podpisany samodzielnie (wystawiony przez serwer sam sobie), serwer może pomijać certyfikat pośredni, który łączy go z zaufanym urzędem, albo program zabezpieczający w tej sieci może go podmieniać.
ask-your-mail-provider-or-232ac121 = Poproś dostawcę poczty lub firmę hostingową o zainstalowanie certyfikatu od publicznego urzędu certyfikacji (na przykład Let's Encrypt), razem z certyfikatem pośrednim.
if-the-server-belongs-to-8f76e621 = Jeśli serwer należy do Twojej organizacji i używa prywatnego urzędu certyfikacji, podaj testowi certyfikat tego urzędu w polu „Dodatkowy plik CA” w sekcji Zaawansowane (`--ca-file` w wierszu poleceń); serwer, na którym działa Twoja witryna, też musi mu ufać.
or-change-host-to-the-8c9dc251 = Możesz też zmienić `host` na nazwę serwera zalecaną przez dostawcę: zwykle ma ona ważny certyfikat.
the-server-s-security-certificate-d63d22af = Certyfikat bezpieczeństwa serwera wygasł
a-certificate-the-server-s-572e2148 = Certyfikat (dowód tożsamości serwera) jest ważny tylko przez określony czas, a ten jest już poza nim. Programy pocztowe, w tym ASP.NET, odrzucają taki serwer, aby chronić Twoje hasło.
tell-your-mail-provider-or-98ff1f18 = Powiedz dostawcy poczty lub firmie hostingowej, że certyfikat serwera poczty wygasł; tylko oni mogą go odnowić.
check-that-this-computer-s-216e1f80 = Sprawdź, czy data i godzina na tym komputerze są poprawne: źle ustawiony zegar sprawia, że ważne certyfikaty wyglądają na wygasłe.
the-server-s-security-certificate-45756667 = Certyfikat bezpieczeństwa serwera nie jest jeszcze ważny
a-certificate-the-server-s-e8a30f57 = Certyfikat (dowód tożsamości serwera) jest ważny dopiero od określonej daty, a według zegara tego komputera ta data jeszcze nie nadeszła. Zwykle źle ustawiony jest zegar tego komputera; rzadziej serwer ma certyfikat z datą w przyszłości.
check-that-this-computer-s-0e843109 = Sprawdź, czy data, godzina i strefa czasowa na tym komputerze są poprawne, a potem przetestuj ponownie.
if-the-clock-is-right-8f493c61 = Jeśli zegar jest dobrze ustawiony, powiedz dostawcy poczty, że certyfikat serwera poczty nie jest jeszcze ważny.
the-server-wants-an-encrypted-fa383e8e = Serwer wymaga połączenia szyfrowanego lub zalogowania
asp-net-shows-this-message-0837b825 = ASP.NET pokazuje ten komunikat przy dwóch różnych odmowach: serwer wymaga szyfrowania przez STARTTLS (sposób, w jaki serwer poczty przełącza się na połączenie szyfrowane) albo najpierw wymaga zalogowania. Które z nich, mówią własne słowa serwera po „The server response was:”.
set-enablessl-to-true-and-8c899e5c = Ustaw `enableSsl` na `true` i użyj `port` `587`.
test-again-if-it-still-548726f4 = Przetestuj ponownie; jeśli nadal się nie udaje, odpowiedź serwera powie, którego z tych dwóch brakuje.
your-website-and-the-mail-074c2270 = Twoja witryna i serwer poczty nie znalazły wspólnej wersji szyfrowania
the-remote-party-has-closed-5bd76f7e = „The remote party has closed the transport stream” i „do not possess a common algorithm” oznaczają, że uzgadnianie szyfrowania nie udało się, zanim cokolwiek wysłano. Serwery poczty przyjmują dziś tylko TLS 1.2 lub nowszy, a witryny .NET Framework skierowane na wersję 4.5.2 lub starszą domyślnie oferują tylko TLS 1.0: to zwykła przyczyna.
check-targetframework-in-web-config-52086986 = Sprawdź `targetFramework` w web.config (`<httpRuntime targetFramework="…" />`): jeśli to 4.5.2 lub niżej, wpisz `<httpRuntime targetFramework="4.8" />` (na serwerze WWW musi być zainstalowany .NET Framework 4.8; powie Ci to firma hostingowa).
or-have-your-developer-add-de3780a8 = Możesz też poprosić programistę o dodanie `ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;` w miejscu uruchamiania witryny.
if-the-site-already-targets-957e6eff = Jeśli witryna jest już skierowana na 4.7 lub nowszy, uruchom tutaj test z tymi samymi ustawieniami: pokaże, czy sam serwer ma problem z szyfrowaniem.

## src/discover/autoconfig.rs

the-file-names-no-outgoing-da3cda86 = plik nie podaje serwera poczty wychodzącej SMTP
tls-set-up-failed-err-0e784387 = nie udało się nawiązać TLS ({ $err })
could-not-set-up-the-7a58deaf = nie udało się przygotować pobierania ({ $err })
the-web-server-answered-status-bb1a36ee = serwer WWW odpowiedział { $status }
the-file-is-far-too-8ea85755 = plik jest o wiele za duży jak na plik autoconfig
no-answer-in-time-132d9f04 = brak odpowiedzi na czas
could-not-connect-87553579 = nie udało się połączyć
the-download-failed-6b35b8c9 = pobieranie się nie udało
no-answer-in-time-cause-dd991151 = brak odpowiedzi na czas: { $cause }
could-not-connect-cause-d51a1172 = nie udało się połączyć: { $cause }
the-download-failed-cause-7b220fc2 = pobieranie się nie udało: { $cause }

## src/discover/mod.rs

this-computer-s-dns-settings-df57410c = ustawienia DNS tego komputera
cancelled-before-a-usable-server-e60f4d58 = Anulowano, zanim znaleziono serwer nadający się do użycia.

## src/discover/model.rs

the-host-you-gave-b4172f6e = podany host
srv-record-submission-tcp-fd4f9e08 = rekord SRV _submission._tcp
srv-record-submissions-tcp-6f770ec3 = rekord SRV _submissions._tcp
provider-recognised-from-mx-6cfcf862 = dostawca rozpoznany po MX
autoconfig-file-74e867c6 = plik autoconfig
mx-record-7aaa82a5 = rekord MX
usual-name-8ddec150 = typowa nazwa
dns-settings-dc95a679 = ustawienia DNS
nothing-527dae8a = nic
open-d35ec4c9 = otwarty
refused-60acd1e3 = odrzucono
timed-out-9a0e1624 = przekroczono czas
name-not-found-b063b887 = nie znaleziono nazwy
unreachable-d89e21f1 = nieosiągalny
cancelled-845df81c = anulowano

## src/discover/probe.rs

host-has-no-address-detail-775916bb = { $host } nie ma adresu: { $detail }

## src/discover/rank.rs

internet-providers-and-cloud-hosts-c4d8c14d = Dostawcy internetu i usług chmurowych często blokują wychodzący port 25 (a czasem także 465 i 587). To sprawdzenie działało z tego komputera: serwer, na którym działa Twoja witryna, może mieć inne blokady, więc jeśli witryna nadal nie może się połączyć, zapytaj jej firmę hostingową, czy blokuje wychodzące porty pocztowe.
found-through-the-source-c322eaae = Znaleziono przez: { $source }.
host-answers-but-its-certificate-58712b2f = { $host } odpowiada, ale jego certyfikat jest wystawiony dla { $name }, więc połączenie szyfrowane by się nie udało. Użyj zamiast tego { $name } jako hosta (uruchom `mailtester probe --host { $name }`, aby go sprawdzić).
the-only-secure-server-found-5b1b0033 = Jedyny znaleziony bezpieczny serwer używa SSL od połączenia (port 465), którego System.Net.Mail w ASP.NET nie obsługuje. Poproś dostawcę poczty o serwer ze STARTTLS na porcie 587 albo użyj usługi do wysyłania poczty.
no-server-answered-on-any-1152159c = Żaden serwer nie odpowiedział na żadnym porcie z tego komputera. Sprawdź adres albo spróbuj z innej sieci: ta może blokować wychodzące porty pocztowe.
no-server-offered-an-encrypted-3a856083 = Żaden serwer nie zaoferował połączenia szyfrowanego z logowaniem, którego może użyć Twoja witryna. Zapytaj dostawcę poczty, jakiego serwera poczty wychodzącej (SMTP), portu i zabezpieczenia użyć.
this-name-does-not-exist-3844c68d = Ta nazwa nie istnieje w DNS.
not-finished-cancelled-052fcd59 = Nie zakończono: anulowano.
port-port-refused-the-connection-78196336 = Port { $port } odrzucił połączenie: nic tam nie przyjmuje poczty.
no-answer-on-port-port-f2d9fb6a = Brak odpowiedzi na porcie { $port }: jest zablokowany po drodze albo serwer go pomija.
could-not-reach-port-port-e626ab15 = Nie udało się połączyć z portem { $port } z tego komputera.
port-port-accepts-connections-but-c44f4dbc = Port { $port } przyjmuje połączenia, ale nigdy nie wita się jak serwer poczty.
port-port-wants-ssl-on-08854b61 = Port { $port } wymaga SSL od połączenia, czego ASP.NET (System.Net.Mail) nie potrafi; nigdy nie używaj go w web.config.
unencrypted-enablessl-false-this-server-4741a147 = Bez szyfrowania (enableSsl="false"): ten serwer oferuje STARTTLS, więc zostaw SSL włączone.
unencrypted-with-no-sign-in-dd28ec6f = Bez szyfrowania i bez oferowanego logowania: pocztę przyjąłby tu tylko serwer przekazujący (relay), który zna adres Twojego serwera.
unencrypted-the-password-would-cross-99107547 = Bez szyfrowania: hasło przeszłoby przez sieć w postaci czytelnej dla każdego po drodze; użyj zamiast tego STARTTLS.
no-certificate-6f3ef809 = brak certyfikatu
certificate-trusted-9c31dd2b = certyfikat zaufany
the-certificate-is-for-name-3c436d2f = certyfikat jest wystawiony dla { $name }, a nie dla { $host }: użyj { $name } jako hosta
the-certificate-is-not-for-5c16eb77 = certyfikat nie jest wystawiony dla { $host }
the-certificate-has-expired-a80ab172 = certyfikat wygasł
the-certificate-is-not-from-dace93b1 = certyfikat nie pochodzi od zaufanego urzędu certyfikacji
the-certificate-is-not-valid-fd6b02ae = certyfikat jest nieważny
what-accepted-because-invalid-certificat-654eb2c8 = { $what } (zaakceptowano, ponieważ nieprawidłowe certyfikaty są dozwolone)

## src/discover/reasons.rs

ssl-on-connect-on-port-8381ea47 = SSL od połączenia na porcie { $port } nie zadziałało: { $problem }
starttls-on-port-port-failed-b828dcbf = STARTTLS na porcie { $port } nie zadziałało: { $problem }
ssl-on-connect-on-port-6006be8e = SSL od połączenia na porcie { $port } działa, ale { $what }.
starttls-on-port-port-works-0c771c86 = STARTTLS na porcie { $port } działa, ale { $what }.
ssl-on-connect-on-port-60ce1025 = SSL od połączenia na porcie { $port } działa ({ $certificate }), ale logowanie nie jest oferowane: pocztę przyjąłby tylko serwer przekazujący (relay), który zna adres Twojego serwera.
starttls-on-port-port-works-f984c06d = STARTTLS na porcie { $port } działa ({ $certificate }), ale logowanie nie jest oferowane: pocztę przyjąłby tylko serwer przekazujący (relay), który zna adres Twojego serwera.
ssl-on-connect-on-port-90b0d615 = SSL od połączenia na porcie { $port } działa, ale logowanie jest tylko przez { $offered }, a ASP.NET loguje się przez LOGIN.
starttls-on-port-port-works-d8016efd = STARTTLS na porcie { $port } działa, ale logowanie jest tylko przez { $offered }, a ASP.NET loguje się przez LOGIN.
ssl-on-connect-on-port-93cce076 = SSL od połączenia na porcie { $port } z logowaniem ({ $offered }) po zaszyfrowaniu, { $certificate }.
starttls-on-port-port-with-70b23d3e = STARTTLS na porcie { $port } z logowaniem ({ $offered }) po zaszyfrowaniu, { $certificate }.

## src/discover/request.rs

given-is-not-an-email-aba196ff = „{ $given }” to nie jest adres e-mail ani nazwa serwera, które możemy wyszukać; podaj np. --email ty@example.com albo --host mail.example.com
could-not-use-the-certificate-48b99cc8 = nie udało się użyć pliku certyfikatu ({ $detail }); podaj plik PEM lub DER (.cer) opcją --ca-file: { $path }

## src/discover/run.rs

built-in-roots-418ee249 = (wbudowane certyfikaty główne)
autoconfig-for-domain-b5ed5741 = autoconfig dla { $domain }
no-answer-from-dns-in-36c18acb = brak odpowiedzi z DNS na czas
no-address-690ce026 = brak adresu

## src/discover/sources.rs

the-mx-hosts-against-the-97badb2f = hosty MX porównane z tabelą dostawców
no-known-provider-runs-these-45681bfb = żaden znany dostawca nie obsługuje tych hostów MX
the-usual-names-for-domain-e2a756b7 = typowe nazwy dla { $domain }
no-such-record-f2abe916 = brak takiego rekordu

## src/dns.rs

could-not-read-this-computer-ef192af0 = nie udało się odczytać ustawień DNS tego komputera ({ $detail }); wskaż serwer DNS opcją --dns-server, na przykład --dns-server 1.1.1.1:53
could-not-set-up-dns-dc830dd9 = nie udało się przygotować zapytań DNS ({ $detail }); sprawdź --dns-server
could-not-read-all-of-2aebf030 = nie udało się odczytać wszystkich ustawień DNS tego komputera ({ $error }); używam publicznych serwerów DNS { $servers }. Wskaż inny w ustawieniu serwera DNS (--dns-server).
could-not-read-all-of-8d6abebb = nie udało się odczytać wszystkich ustawień DNS tego komputera ({ $error }); używam jego pozostałych serwerów DNS ({ $servers }). Wskaż inny w ustawieniu serwera DNS (--dns-server).
text-is-not-an-ip-3e862c8c = „{ $text }” to nie jest adres IP z opcjonalnym portem, np. 1.1.1.1:53

## src/event.rs

resolve-host-96e6a1b3 = odszukanie hosta
connect-aae0ccf9 = połączenie
tls-handshake-8af0d15f = uzgadnianie TLS
greeting-d4edbfb6 = powitanie
sign-in-auth-c6f2a51c = logowanie (AUTH)
connect-db89a899 = Połączenie
secure-connection-03f2ee68 = Połączenie szyfrowane
sign-in-744be623 = Logowanie
send-message-d97db31c = Wysłanie wiadomości
t-1-ms-94c7ac32 = <1 ms
ms-ms-f79070b7 = { $ms } ms

## src/files.rs

it-is-not-a-regular-f71db6cc = to nie jest zwykły plik

## src/fleet/iis.rs

line-line-column-column-problem-e86e7c22 = wiersz { $line }, kolumna { $column }: { $problem }
line-line-column-column-23009a9d = wiersz { $line }, kolumna { $column }
the-file-could-not-be-08983729 = nie udało się odczytać pliku
iis-s-list-of-sites-26e20999 = nie udało się odczytać listy witryn IIS: { $err }
iis-site-name-its-folder-f50c08fe = Witryna IIS „{ $name }”: jej folder odwołuje się do { $variable }, która nie jest tutaj ustawiona
iis-site-name-its-folder-8d62d056 = Witryna IIS „{ $name }”: jej folder to ścieżka Windows, której nie można tu otworzyć; uruchom skanowanie na samym serwerze Windows
iis-site-name-its-folder-d89eb25d = Witryna IIS „{ $name }”: jej folder nie istnieje

## src/fleet/judge.rs

the-server-answered-as-this-ad49dbb9 = Serwer odpowiedział tak, jak potrzebuje ta witryna; nie znaleziono niczego, co blokuje jej pocztę.
this-website-s-mail-program-1a7b3381 = program pocztowy tej witryny
port-465-expects-ssl-on-af8f9883 = Port 465 oczekuje SSL od połączenia, czego ASP.NET nie potrafi: będzie czekać na powitanie, które nigdy nie nadejdzie
nothing-in-the-files-stops-d06c6341 = Nic w plikach tego nie blokuje; z serwerem się nie łączono (--offline).

## src/fleet/model.rs

the-mail-settings-are-encrypted-a053936c = ustawienia poczty są zaszyfrowane (aspnet_regiis -pe); odszyfruj je na serwerze, aby je sprawdzić
the-file-could-not-be-695620a2 = nie udało się odczytać pliku jako { $what }: { $detail }
the-file-could-not-be-576c03c8 = nie udało się otworzyć pliku: { $arg0 }
the-file-is-0-bytes-1ce04a19 = plik ma { $arg0 } bajtów, za dużo jak na plik konfiguracyjny; pominięto
the-file-holds-binary-data-062499d0 = plik zawiera dane binarne, a nie tekst; pominięto

## src/fleet/read/appsettings.rs

the-mail-section-s-port-af08395b = port w sekcji poczty nie jest liczbą całkowitą
securesocketoptions-is-not-one-of-8884005f = SecureSocketOptions nie ma żadnej z wartości None, Auto, SslOnConnect, StartTls, StartTlsWhenAvailable (ani od 0 do 4)
the-mail-section-s-ssl-6926e20b = przełącznik SSL w sekcji poczty nie ma wartości true ani false
the-file-ends-inside-a-4c672aa5 = plik kończy się wewnątrz wartości (nawias lub cudzysłów nie jest zamknięty)
this-is-not-valid-json-d2ad7323 = to nie jest poprawny JSON (brakujący przecinek, cudzysłów lub nawias?)
line-line-a-comment-starts-d2dcdf02 = wiersz { $line }: tu zaczyna się komentarz /*, który nigdy nie jest zamknięty

## src/fleet/read/dotenv.rs

mail-scheme-must-be-smtp-12aa34e8 = MAIL_SCHEME musi mieć wartość smtp lub smtps: Laravel odrzuca każdą inną wartość i nie wysyła poczty (dla SSL od połączenia wpisz smtps albo użyj portu 465)
mail-port-is-not-a-878b9e36 = MAIL_PORT nie jest liczbą całkowitą
mailer-dsn-is-empty-in-0c586ff2 = MAILER_DSN jest pusty w tym pliku .env: używany serwer poczty jest ustawiony w .env.local (lub .env.prod.local) albo w środowisku serwera
key-in-the-env-file-46fc61eb = { $key } w pliku .env bierze wartość z innej zmiennej, której plik nie ustawia: pochodzi ona ze środowiska serwera (ustawień serwera WWW lub PHP); sprawdź ją tam
key-in-the-env-file-bbcf231a = { $key } w pliku .env bierze wartość z { $variable }, której plik nie ustawia: pochodzi ona ze środowiska serwera (ustawień serwera WWW lub PHP); sprawdź ją tam
line-line-not-a-name-c3f707ea = wiersz { $line }: to nie jest wiersz NAZWA=wartość (sprawdź cudzysłowy; wartość ze spacjami wymaga cudzysłowów)

## src/fleet/read/dotenv_dsn.rs

key-names-several-mail-servers-49d562aa = { $key } podaje kilka serwerów poczty (failover lub roundrobin): sprawdź każdy z nich osobno
key-is-not-a-mail-c141a1af = { $key } nie jest adresem serwera poczty, który przyjmuje Symfony Mailer (nie ma schematu, np. smtp://); postać to smtp://użytkownik:hasło@host:port
key-is-not-a-mail-597b5d63 = { $key } nie jest adresem serwera poczty, który przyjmuje Symfony Mailer (nie podaje hosta); postać to smtp://użytkownik:hasło@host:port
key-is-not-a-mail-959f07e4 = { $key } nie jest adresem serwera poczty, który przyjmuje Symfony Mailer (jego port nie jest liczbą całkowitą); postać to smtp://użytkownik:hasło@host:port

## src/fleet/read/webconfig.rs

the-mail-settings-are-kept-ac312744 = ustawienia poczty są przechowywane w „{ $source }” (configSource), którego nie ma
the-mail-settings-are-kept-34535e3f = ustawienia poczty są przechowywane w „{ $source }” (configSource), co nie wskazuje żadnego pliku; musi to być plik obok web.config lub w folderze poniżej
the-mail-settings-are-kept-27850fc0 = ustawienia poczty są przechowywane w „{ $source }” (configSource), ścieżce bezwzględnej, której się nie odczytuje; musi to być plik obok web.config lub w folderze poniżej
the-mail-settings-are-kept-ca9f69a5 = ustawienia poczty są przechowywane w „{ $source }” (configSource), poza folderem witryny; musi to być plik obok web.config lub w folderze poniżej
the-mail-settings-are-kept-31a5b4e0 = ustawienia poczty są przechowywane w „{ $source }” (configSource), co prowadzi poza folder witryny (dowiązanie symboliczne); musi to być plik obok web.config lub w folderze poniżej
the-xml-could-not-be-1fb3dcda = nie udało się odczytać XML
in-file-configsource-line-line-0c6d9a6f = w „{ $file }” (configSource), wiersz { $line }, kolumna { $column }: { $problem }
the-mail-settings-are-kept-09fd0bbe = ustawienia poczty są przechowywane w „{ $file }” (configSource), który zaczyna się od <{ $root }> zamiast <smtp>
the-first-element-is-root-6db531d1 = pierwszy element to <{ $root }>, a nie <configuration>
in-file-configsource-the-mail-d449392a = w „{ $file }” (configSource) nie udało się odczytać ustawień poczty
the-mail-settings-could-not-4480c8b3 = nie udało się odczytać ustawień poczty
this-web-config-inherits-mail-b55d376d = ten web.config dziedziczy ustawienia poczty z web.config folderu nadrzędnego, którego nie udało się odczytać ({ $err }): { $path }
attribute-value-is-not-true-5069d63f = { $attribute }="{ $value }" nie jest wartością true ani false, więc ASP.NET zatrzymuje się z błędem konfiguracji
deliverymethod-value-is-not-network-a12fa162 = deliveryMethod="{ $value }" nie jest wartością Network, SpecifiedPickupDirectory ani PickupDirectoryFromIis, więc ASP.NET zatrzymuje się z błędem konfiguracji
port-value-is-not-a-25b8c42f = port="{ $value }" nie jest liczbą całkowitą, więc ASP.NET zatrzymuje się z błędem konfiguracji

## src/fleet/read/wordpress.rs

line-line-problem-02d07e14 = wiersz { $line }: { $problem }
wp-mail-smtp-s-constants-786694b4 = Stałe WP Mail SMTP są włączone, ale WPMS_MAILER nie jest ustawione w wp-config.php: WP Mail SMTP używa metody wysyłania zapisanej w bazie danych WordPress (WP Mail SMTP > Settings w panelu administracyjnym witryny), której ta kontrola nie odczytuje
wp-mail-smtp-s-constants-7a02d053 = Stałe WP Mail SMTP są włączone, ale WPMS_SMTP_HOST nie jest ustawione w wp-config.php: używany serwer poczty to ten zapisany w bazie danych WordPress (WP Mail SMTP > Settings w panelu administracyjnym witryny), której ta kontrola nie odczytuje
name-is-defined-more-than-59afc853 = { $name } jest zdefiniowane w wp-config.php więcej niż raz z różnymi wartościami (wiersze { $line } i { $other }); która obowiązuje, zależy od warunków w pliku: sprawdź to na serwerze
name-in-wp-config-php-b9b0d0ae = { $name } w wp-config.php (wiersz { $line }) jest obliczane przez kod PHP, a nie zapisane jako zwykła wartość; sprawdź na serwerze, co daje, aby skontrolować tę witrynę
wp-mail-smtp-s-constants-6628db44 = Stałe WP Mail SMTP są wyłączone (WPMS_ON nie ma wartości true) (WPMS_ON nie jest zdefiniowane): używane ustawienia są w bazie danych WordPress (WP Mail SMTP > Settings w panelu administracyjnym witryny), której ta kontrola nie odczytuje
wp-mail-smtp-s-constants-34b65098 = Stałe WP Mail SMTP są wyłączone (WPMS_ON nie ma wartości true): używane ustawienia są w bazie danych WordPress (WP Mail SMTP > Settings w panelu administracyjnym witryny), której ta kontrola nie odczytuje
wp-mail-smtp-s-constants-0e156393 = Stałe WP Mail SMTP są wyłączone (WPMS_ON nie ma wartości true): WPMS_ON musi mieć wartość PHP true, zapisaną bez cudzysłowów: używane ustawienia są w bazie danych WordPress (WP Mail SMTP > Settings w panelu administracyjnym witryny), której ta kontrola nie odczytuje

## src/fleet/read/wordpress_lexer.rs

a-quoted-string-starts-here-8301b510 = tu zaczyna się tekst w cudzysłowie, który ciągnie się przez kilka wierszy; plik kończy się wewnątrz tekstu, więc prawdopodobnie tu brakuje cudzysłowu
a-quoted-string-starts-here-f2be9f2f = tu zaczyna się tekst w cudzysłowie, który nigdy nie jest zamknięty
a-heredoc-string-starts-here-9a40e56f = tu zaczyna się tekst heredoc, który nigdy nie jest zamknięty

## src/fleet/read/wordpress_php.rs

a-constant-s-definition-here-aa6ad48d = definicja stałej w tym miejscu nigdy nie jest zamknięta

## src/fleet/report.rs

sites-broken-broken-at-risk-8ae33c1d = { $sites }: nie działa: { $broken }, zagrożone: { $at_risk }, nieznane: { $unknown }, OK: { $ok }; { $servers }, bez łączenia (--offline)
sites-broken-broken-at-risk-5ceb8ca8 = { $sites }: nie działa: { $broken }, zagrożone: { $at_risk }, nieznane: { $unknown }, OK: { $ok }; { $servers }, z każdym połączono się raz

## src/fleet/scan.rs

not-trusted-problem-a72ac742 = niezaufany: { $problem }

## src/fleet/walk/load.rs

the-tester-failed-while-reading-45d644d4 = tester uległ awarii podczas odczytu (to błąd programu; prosimy go zgłosić)
permission-denied-this-account-may-6fd3f362 = brak uprawnień: to konto nie może go odczytać; uruchom skanowanie jako użytkownik, który może (administrator lub root)
it-is-not-there-or-26791bda = nie istnieje (albo jest dowiązaniem symbolicznym do czegoś, co nie istnieje)

## src/fleet/walk.rs

a-symbolic-link-loop-it-3f5ee203 = pętla dowiązań symbolicznych: prowadzi z powrotem do folderu nadrzędnego, więc nie została otwarta: { $folder }
the-folder-to-scan-could-71e8ff6b = nie udało się odczytać folderu do skanowania: { $reason }
it-could-not-be-read-e776a2b9 = nie udało się go odczytać: { $reason }
could-not-be-read-err-a4a50f9d = nie udało się odczytać: { $err }

## src/gui/app.rs

saved-to-path-81572862 = Zapisano w { $path }

## src/gui/app_data.rs

run-a-successful-test-first-a67cdc58 = Najpierw przeprowadź udany test: do web.config trafiają tylko działające ustawienia.
path-already-has-these-settings-e3ba752a = { $path } ma już te ustawienia: nie ma nic do zmiany.
web-config-updated-the-old-7f855d8e = Zaktualizowano web.config. Stary plik zachowano jako { $backup }.
web-config-already-had-these-7b4733bb = web.config miał już te ustawienia: niczego nie zapisano.
password-filled-in-from-the-f2da34c8 = Hasło uzupełniono z systemowego magazynu haseł.

## src/gui/arrive.rs

will-it-arrive-06141c0a = Czy dotrze?
checking-the-dns-of-domain-b7ccbc42 = Sprawdzam DNS domeny { $domain }…
your-server-took-the-message-5ccd8281 = Twój serwer przyjął wiadomość. To, czy skrzynki Twoich klientów ją przyjmą, zależy od tego, co domena { $domain } publikuje w DNS (SPF, DKIM i DMARC): Gmail, Outlook.com i inni sprawdzają to przy każdej wiadomości.
check-my-domain-abc31f65 = Sprawdź moją domenę
name-0fe07306 = Nazwa
type-d155d06d = Typ
copy-value-8902f3e5 = Kopiuj wartość
dns-record-803b41a1 = Rekord DNS

## src/gui/certificate_view.rs

valid-for-this-server-from-355e575b = Ważny dla tego serwera, od urzędu certyfikacji, któremu ufa ten komputer.
no-authority-this-computer-trusts-9bf7a28b = Nie ręczy za niego żaden urząd certyfikacji, któremu ufa ten komputer (podpisany samodzielnie lub przez prywatny urząd): Twoja witryna go odrzuci.
expired-or-not-valid-yet-5b17fef0 = Wygasł (lub jeszcze nie jest ważny): Twoja witryna go odrzuci.
issued-for-other-names-than-7a13a5e6 = Wystawiony dla innych nazw niż ten serwer: Twoja witryna go odrzuci.
issued-for-other-names-than-d98c0689 = Wystawiony dla innych nazw niż ten serwer: użyj zamiast tego { $name } jako serwera.
not-acceptable-your-website-will-e8804bfb = Nie do przyjęcia: Twoja witryna go odrzuci.
refused-problem-25d0d4f8 = Odrzucony: { $problem }
accepted-only-because-you-allowed-a802d3e1 = Zaakceptowany tylko dlatego, że zezwolono na nieprawidłowe certyfikaty; Twoja witryna go odrzuci: { $problem }
certificate-of-server-1a556eea = Certyfikat serwera { $server }
issued-for-6714067b = Wystawiony dla
subject-a07924ef = Podmiot
issued-by-32d73b71 = Wystawiony przez
valid-from-5c4db35f = Ważny od
valid-until-ae5379d5 = Ważny do
key-cd1ac90c = Klucz
it-signs-itself-self-signed-ffdfbb41 = Podpisuje sam siebie (podpisany samodzielnie).
close-cd86acc3 = Zamknij
the-server-showed-a-certificate-fc7f0c41 = Serwer pokazał certyfikat:
certificate-164f4d6c = Certyfikat…

## src/gui/clipboard.rs

the-clipboard-holds-no-text-0e51ef9b = Schowek nie zawiera tekstu. Zaznacz komunikat o błędzie, skopiuj go (Ctrl+C), a potem ponownie kliknij „Wklej i wyjaśnij”.
could-not-read-the-clipboard-55ca3f2e = Nie udało się odczytać schowka ({ $error }). Kliknij w pole i naciśnij Ctrl+V.
could-not-read-the-clipboard-d8d75827 = Nie udało się odczytać schowka ({ $error }).

## src/gui/countdown.rs

ways-out-663fc101 = Co można zrobić
switch-to-azure-communication-services-5028f1c1 = Przejdź na Azure Communication Services…
fills-in-the-server-port-52b97455 = Uzupełnia serwer, port i SSL; potem wpisz nazwę użytkownika SMTP i klucz tajny klienta aplikacji, i przetestuj
test-oauth-sign-in-instead-6121b8ed = Przetestuj zamiast tego logowanie OAuth…
switches-sign-in-to-microsoft-21e22962 = Przełącza Logowanie na Microsoft 365 (OAuth); wpisz dzierżawę (tenant), identyfikator klienta i klucz tajny aplikacji, i przetestuj

## src/gui/data.rs

background-work-failed-err-6348a5e0 = Zadanie w tle się nie udało: { $err }
saved-the-profile-name-without-7601dd12 = Zapisano profil „{ $name }” (bez hasła).
renamed-old-to-new-81c2e66b = Zmieniono nazwę „{ $old }” na „{ $new }”.
deleted-the-profile-name-02cadbdf = Usunięto profil „{ $name }”.
password-saved-in-the-system-caf1d26b = Hasło zapisano w systemowym magazynie haseł.
password-removed-from-the-system-bf5241d1 = Hasło usunięto z systemowego magazynu haseł.
the-system-keyring-had-no-79911590 = Systemowy magazyn haseł nie miał hasła dla tych ustawień.
error-in-path-fb673a64 = { $error } (w { $path })

## src/gui/data_ui.rs

profile-cd17328e = Profil
not-saved-0cbbe4ae = (niezapisany)
no-saved-profiles-yet-8e93c7bf = Nie ma jeszcze zapisanych profili
save-profile-2155f443 = Zapisz profil…
keep-these-settings-under-a-6f00abd5 = Zachowaj te ustawienia pod nazwą (nigdy z hasłem)
rename-8628af0d = Zmień nazwę…
delete-5797ea6a = Usuń
delete-this-profile-the-saved-9a91cae8 = Usuń ten profil (zapisane hasło zostaje w magazynie haseł)
save-these-settings-as-a-baa6424a = Zapisz te ustawienia jako profil
rename-the-profile-108df4fd = Zmień nazwę profilu
profile-name-4a62f0b1 = Nazwa profilu
the-password-is-never-saved-847cc3d3 = Hasło nigdy nie jest zapisywane w profilu.
cancel-35afca3b = Anuluj
what-we-found-in-your-30b437af = Co znaleźliśmy w Twoim web.config
read-the-mail-settings-from-f888cdc5 = Wczytano do formularza ustawienia poczty z { $file }.
nothing-looks-wrong-in-the-d8199839 = W ustawieniach poczty nic nie wygląda źle.
message-line-line-fdb1cbdf = { $message } (wiersz { $line })
how-to-fix-it-fix-2f1add2f = Jak to poprawić: { $fix }
update-web-config-f17b814a = Zaktualizuj web.config
these-changes-will-be-written-d79bed29 = Te zmiany zostaną zapisane w { $path }:
removed-414d3fcc = (usunięto)
show-the-exact-lines-diff-28e9792f = Pokaż dokładne wiersze (diff)
a-copy-of-the-current-628d2468 = Najpierw obok zostaje zapisana kopia bieżącego pliku, a nic innego w pliku się nie zmienia.
write-the-changes-d520b72a = Zapisz zmiany

## src/gui/explain.rs

explain-an-error-message-cfdd1096 = Wyjaśnij komunikat o błędzie
paste-the-error-your-website-a6f28df8 = Wklej błąd zapisany przez Twoją witrynę (albo odpowiedź serwera poczty):
paste-and-explain-221ad80a = Wklej i wyjaśnij
puts-what-you-copied-ctrl-188d8686 = Wstawia do pola to, co skopiowano (Ctrl+C), i to wyjaśnia
explain-99127ffc = Wyjaśnij
nothing-is-sent-anywhere-a2469521 = Nic nie jest nigdzie wysyłane.

## src/gui/find.rs

find-my-settings-784a8e8d = Znajdź moje ustawienia
servers-tried-1c7ebb43 = Sprawdzone serwery
your-website-s-email-address-5928f99d = Adres e-mail Twojej witryny (albo nazwa Twojego serwera poczty):
find-3e1cd17a = Szukaj
stop-4b7f7705 = Zatrzymaj
tried-tried-trying-under-way-9d062519 = Sprawdzono: { $tried }, w toku: { $trying }
we-look-up-where-your-a611819d = Sprawdzamy, dokąd trafia poczta Twojej domeny, i pukamy do drzwi każdego serwera: żaden e-mail nie jest wysyłany, a żadne hasło nie opuszcza tego komputera.
stopped-before-every-server-answered-7abb5aa7 = Zatrzymano, zanim odpowiedziały wszystkie serwery: poniżej to, co znaleziono do tej pory.
no-server-answered-in-a-cacb09fc = Żaden serwer nie odpowiedział w sposób, którego może użyć Twoja witryna.
found-settings-your-website-can-a1d43a43 = Znaleziono ustawienia, których może użyć Twoja witryna
server-host-2b5c3c37 = Serwer (host)
port-e2c53cc6 = Port
use-ssl-enablessl-8787f948 = Użyj SSL (enableSsl)
use-these-settings-bdf41e24 = Użyj tych ustawień
host-port-port-security-08e4532b = { $host }   port { $port }   { $security }
host-port-port-254b241f = { $host }   port { $port }
trying-bbcf4a72 = próbuję…
use-ba1c5c94 = Użyj
find-my-settings-d1ed1573 = Znajdź moje ustawienia…
don-t-know-your-server-e5f6d9ac = Nie znasz serwera, portu albo nie wiesz, czy użyć SSL? Znajdź je na podstawie adresu e-mail.

## src/gui/find_handle.rs

filled-in-server-host-port-6e89d92b = Uzupełniono serwer { $host }, port { $port }, „Użyj SSL” włączone. Dodaj nazwę użytkownika i hasło, a potem kliknij „Wyślij wiadomość testową”.
filled-in-server-host-port-c99c513f = Uzupełniono serwer { $host }, port { $port }, „Użyj SSL” wyłączone. Dodaj nazwę użytkownika i hasło, a potem kliknij „Wyślij wiadomość testową”.

## src/gui/find_sources.rs

can-this-computer-reach-host-7cb31d90 = Czy ten komputer może połączyć się z { $host }?
where-we-looked-count-c83eaeb4 = Gdzie szukaliśmy ({ $count })

## src/gui/fleet.rs

save-the-csv-file-1dc67daf = Zapisz plik CSV
save-the-html-page-c594c9af = Zapisz stronę HTML
csv-file-8ff668ab = Plik CSV
html-page-671c72fb = Strona HTML
could-not-save-the-csv-e61ea1e5 = Nie udało się zapisać pliku CSV ({ $error }). Wybierz folder, w którym możesz zapisywać: { $path }
could-not-save-the-html-7566ece5 = Nie udało się zapisać strony HTML ({ $error }). Wybierz folder, w którym możesz zapisywać: { $path }
the-csv-file-could-not-2a54ae9b = Nie udało się utworzyć pliku CSV ({ $error }).
the-html-page-could-not-78e2bfa9 = Nie udało się utworzyć strony HTML ({ $error }).
no-mail-server-to-contact-39076711 = Brak serwera poczty do sprawdzenia
check-a-folder-of-sites-5d3e10c1 = Sprawdź folder witryn
folder-with-the-sites-5c26d71c = Folder z witrynami
c-inetpub-vhosts-or-var-d1e18405 = C:\inetpub\vhosts  lub  /var/www
choose-folder-6d5da010 = Wybierz folder…
check-592c8de7 = Sprawdź
also-contact-the-mail-servers-b5893b4c = Połącz się też z serwerami poczty
each-server-once-its-greeting-9b299859 = Z każdym serwerem raz: jego powitanie, EHLO i STARTTLS. Bez logowania, bez wysyłania e-maili. Wyłączone: ocena tylko na podstawie plików.
use-the-passwords-from-the-b045ac63 = Użyj haseł z plików
open-in-the-tester-also-84b1a791 = „Otwórz w testerze” uzupełnia też hasło z pliku witryny. Pozostaje ono w pamięci i nigdy nie jest zapisywane.
reads-every-web-config-wp-d0337aab = Odczytuje każdy web.config, wp-config.php, .env i appsettings.json w tym folderze. Nic nie jest zmieniane, żaden e-mail nie jest wysyłany, a hasła nigdy nie opuszczają tego komputera.

## src/gui/fleet_handle.rs

no-folder-chosen-if-no-b4701bc1 = Nie wybrano folderu. Jeśli nie pojawiło się okno wyboru folderu, wpisz lub wklej ścieżkę folderu w polu.
this-site-does-not-sign-cae72903 = Ta witryna się nie loguje. Kliknij „Wyślij wiadomość testową”.
the-password-from-its-file-297f8f04 = Hasło z jej pliku zostało uzupełnione (przechowywane tylko w pamięci). Kliknij „Wyślij wiadomość testową”.
type-its-password-then-press-12e6e920 = Wpisz jej hasło, a potem kliknij „Wyślij wiadomość testową”.
filled-in-the-settings-of-672072f8 = Uzupełniono ustawienia witryny { $site }.
choose-the-folder-that-holds-61e3f817 = Wybierz folder, w którym są witryny

## src/gui/fleet_result.rs

stopped-before-the-end-sites-67c19f7b = Zatrzymano przed końcem: witryny, których serwer jeszcze nie odpowiedział, mają stan Nieznane.
no-site-with-mail-settings-b7ae3397 = W tym folderze nie znaleziono żadnej witryny z ustawieniami poczty. Sprawdź ścieżkę albo wybierz folder, w którym są foldery witryn.
could-not-look-at-1-1b13a133 = Nie udało się sprawdzić 1 ścieżki
could-not-look-at-n-196912a3 = Nie udało się sprawdzić ścieżek ({ $n })
show-a7e50a92 = Pokaż:
sites-broken-broken-at-risk-c4acd5f6 = { $sites }: nie działa: { $broken }, zagrożone: { $at_risk }, nieznane: { $unknown }, OK: { $ok }.
servers-not-contacted-judged-from-378e4d23 = Bez łączenia z serwerami: ocena tylko na podstawie plików.
t-1-mail-server-contacted-adfd49ef = Sprawdzono 1 serwer poczty.
n-mail-servers-contacted-69c9f42f = Sprawdzone serwery poczty: { $n }.
t-1-file-read-in-seconds-1095aef9 = Odczytano 1 plik w { $seconds } s.
n-files-read-in-seconds-a93bf25f = Odczytane pliki: { $n } w { $seconds } s.
export-csv-83c354ed = Eksportuj CSV…
export-html-e3ab8eb8 = Eksportuj HTML…
without-passwords-b3ac77a1 = Bez haseł.
no-file-chosen-if-no-f03e4b59 = Nie wybrano pliku. Jeśli nie pojawiło się okno wyboru pliku, wpisz, gdzie zapisać:
save-4d2d5d68 = Zapisz

## src/gui/fleet_rows.rs

no-site-with-the-ticked-a04a9538 = Brak witryn z zaznaczonymi ocenami.
hide-this-server-s-sites-15babccc = Ukryj witryny tego serwera
show-this-server-s-sites-bb62a985 = Pokaż witryny tego serwera
these-files-name-no-mail-83f851d8 = Te pliki nie podają serwera poczty do sprawdzenia albo nie udało się ich odczytać.
not-contacted-judged-from-the-f2af1eaf = Bez łączenia: ocena tylko na podstawie plików.
problem-problem-42bcd519 = Problem: { $problem }
answered-in-ms-ms-726e94b1 = Odpowiedział w { $ms } ms
starttls-offered-923d1843 = STARTTLS oferowane
starttls-not-offered-c3ff6afa = STARTTLS nieoferowane
after-methods-26067741 = po: { $methods }
open-in-the-tester-11edc94a = Otwórz w testerze
put-this-site-s-settings-8cf673b6 = Wstaw ustawienia tej witryny do formularza, aby przetestować je krok po kroku

## src/gui/fleet_words.rs

broken-65c915c0 = Nie działa
at-risk-f7adc8fb = Zagrożone
unknown-cc200e59 = Nieznane
n-broken-979d3c8c = Nie działa: { $n }
n-at-risk-c43a32df = Zagrożone: { $n }
n-unknown-ceec02e5 = Nieznane: { $n }
n-ok-035d2d5b = OK: { $n }
looking-for-sites-in-the-c98fc7bb = Szukam witryn w folderze…
found-sites-judging-them-from-d4d88c3c = Znaleziono: { $sites }; oceniam na podstawie plików…
found-sites-using-servers-contacted-7bd3cb69 = Znaleziono: { $sites }, korzystające z: { $servers }; sprawdzono { $contacted } z { $total }
n-sites-7e66b213 = { $n ->
        [one] { $n } witryna
        [few] { $n } witryny
       *[other] { $n } witryn
    }
t-1-server-9bf9c617 = 1 serwer
n-servers-410e23c7 = { $n ->
        [one] { $n } serwer
        [few] { $n } serwery
       *[other] { $n } serwerów
    }

## src/gui/form.rs

server-6d7302f2 = Serwer
user-name-5a6db215 = Nazwa użytkownika
usually-your-full-email-address-9d5ecf0a = zwykle pełny adres e-mail
from-18743595 = Od
send-the-test-to-5a257c61 = Wyślij test na
the-from-address-25355395 = (adres Od)
advanced-60f3de7b = Zaawansowane
provider-35a888dc = Dostawca
other-my-host-7c71a048 = Inny / mój hosting
user-name-hint-0a0e0850 = Nazwa użytkownika: { $hint }
a-website-using-asp-net-d19fb58d = Witryna korzystająca z ASP.NET (System.Net.Mail) nie może zalogować się do tego dostawcy.
show-29742e5c = Pokaż
remember-in-the-system-keyring-308bc6da = Zapamiętaj w systemowym magazynie haseł
after-a-test-signs-in-236d02df = Gdy test się zaloguje, hasło jest przechowywane w systemowym magazynie haseł (nigdy w pliku) i uzupełniane, gdy wrócisz do tych ustawień.
forget-6e3fab8c = Zapomnij
remove-the-saved-password-for-859341c3 = Usuń zapisane hasło dla tego użytkownika, serwera i portu
use-ssl-9cb78972 = Użyj SSL
in-code-smtpclient-enablessl-71b94a47 = w kodzie: SmtpClient.EnableSsl
encrypts-the-connection-with-starttls-e1630b78 = Szyfruje połączenie przez STARTTLS. ASP.NET 2.0–3.5 nie ma enableSsl w web.config: kod witryny włącza je przez smtpClient.EnableSsl = true.
use-starttls-e899f629 = Użyj STARTTLS
encrypts-the-connection-with-starttls-54a9c52e = Szyfruje połączenie przez STARTTLS, tak jak "SecureSocketOptions": "StartTls" w appsettings.json. Niemal każdy dostawca wymaga tego na porcie 587.
encrypts-the-connection-with-starttls-0497ed8d = Szyfruje połączenie przez STARTTLS, tak jak enableSsl="true" w web.config. Niemal każdy dostawca wymaga tego na porcie 587.
encrypts-the-connection-starttls-or-77dd1ba1 = Szyfruje połączenie (STARTTLS albo SSL od połączenia na porcie 465). Niemal każdy dostawca tego wymaga.
stop-the-test-esc-7ef17032 = Zatrzymaj test (Esc)
testing-19d1cb65 = Testuję…
send-test-email-1fb39495 = Wyślij wiadomość testową
sends-one-test-message-enter-66775012 = Wysyła jedną wiadomość testową (Enter)
or-press-enter-ca33bfe9 = albo naciśnij Enter
fix-the-fields-marked-in-8a0ea9d4 = Popraw pola zaznaczone na czerwono, aby wysłać test.
fill-in-the-server-the-e74fa0bd = Wypełnij serwer, port i adres Od, aby wysłać test.

## src/gui/form_advanced.rs

ehlo-name-2ccdfef0 = Nazwa EHLO
this-computer-s-name-f22607df = nazwa tego komputera
sign-in-service-8784367b = Usługa logowania
the-provider-s-own-72f43ac3 = własna usługa dostawcy
only-for-testing-against-another-a761009c = Tylko do testów z innym serwerem OAuth: https albo http na tym komputerze
connection-security-dd84debd = Zabezpieczenie połączenia
automatic-from-use-ssl-3ad3100c = Automatycznie (według „Użyj SSL”)
ssl-on-connect-port-465-676e96b5 = SSL od połączenia (port 465)
no-encryption-f2785503 = Bez szyfrowania
timeouts-seconds-fcbede65 = Limity czasu (sekundy)
connect-timeout-083bac06 = Limit czasu połączenia
greeting-timeout-0def4115 = Limit czasu powitania
reply-timeout-c36384e8 = Limit czasu odpowiedzi
reply-29931627 = odpowiedź
whole-test-timeout-e3df8c9b = Limit czasu całego testu
whole-test-66553338 = cały test
final-reply-timeout-33be1638 = Limit czasu ostatecznej odpowiedzi
final-reply-b01ca957 = ostateczna odpowiedź
accept-an-invalid-certificate-3339b9cc = Akceptuj nieprawidłowy certyfikat
unsafe-an-impostor-could-read-7ecf6263 = Niebezpieczne: oszust mógłby odczytać Twoje hasło. Twoja witryna i tak odrzuci ten certyfikat.
extra-ca-file-c5e1ea27 = Dodatkowy plik CA
optional-pem-file-09b22b1b = opcjonalny plik .pem
browse-23b63f91 = Przeglądaj…
dns-server-68b7a757 = Serwer DNS
this-computer-s-or-e-9f499886 = tego komputera (albo np. 1.1.1.1)
used-by-find-my-settings-50a0518d = Używany przez „Znajdź moje ustawienia”, „Czy dotrze?” i „Sprawdź moją skrzynkę”
target-platform-b913a5b3 = Platforma docelowa
other-program-php-node-python-371befb6 = Inny program (PHP, Node, Python…)
asp-net-version-aeb36436 = Wersja ASP.NET

## src/gui/form_rows.rs

called-attribute-in-web-config-fcc6f275 = W web.config nazywa się { $attribute }

## src/gui/form_state.rs

microsoft-365-oauth-7101a859 = Microsoft 365 (OAuth)
google-oauth-53d0542c = Google (OAuth)
access-token-7e4e0506 = Token dostępu
enter-the-port-usually-587-bc12b1b6 = Wpisz port, zwykle 587.
port-text-is-not-a-7e466956 = „{ $port_text }” nie jest numerem portu. Użyj samych cyfr, zwykle 587.
enter-the-app-s-application-1e01288a = Wpisz Application (client) ID aplikacji, ze strony Overview jej rejestracji (App registration).
enter-the-directory-tenant-id-db565192 = Wpisz Directory (tenant) ID albo domenę swojej organizacji (twojafirma.onmicrosoft.com).
enter-the-app-s-client-b18ff566 = Wpisz klucz tajny klienta aplikacji (jego Value, a nie Secret ID).

## src/gui/handle.rs

enter-the-user-name-server-1e12f529 = Wpisz nazwę użytkownika, serwer i port, dla których chcesz usunąć zapisane hasło.
the-test-cannot-start-yet-e05fd57a = Test nie może jeszcze ruszyć: { $problem }
no-file-chosen-if-no-fae46c0e = Nie wybrano pliku. Jeśli nie pojawiło się okno wyboru pliku, wpisz ścieżkę pliku w polu „Dodatkowy plik CA”.
copied-the-transcript-to-the-f9f520d2 = Skopiowano zapis rozmowy z serwerem do schowka.
copied-the-dns-record-to-c9d04e48 = Skopiowano rekord DNS do schowka.
copied-the-name-snippet-to-e9fe6390 = Skopiowano fragment kodu { $name } do schowka.
copied-the-what-to-the-02208dc6 = Skopiowano do schowka: { $what }.

## src/gui/inbox.rs

did-it-land-c25f3a39 = Czy dotarła?
sign-in-to-the-mailbox-e5e08cf2 = Zaloguj się do skrzynki, na którą poszedł test ({ $to }), aby sprawdzić, czy wiadomość jest w odebranych, czy w spamie. Tylko czytamy; nic nie jest przenoszone ani usuwane.
looking-for-the-message-up-e3335603 = Szukam wiadomości (do minuty)…
check-my-inbox-again-5e2da85f = Sprawdź moją skrzynkę ponownie
check-my-inbox-85ac2677 = Sprawdź moją skrzynkę
mailbox-imap-e60bf73b = Skrzynka (IMAP)
imaps-user-server-or-imap-e956f350 = imaps://UŻYTKOWNIK@SERWER albo imap:// dla STARTTLS na porcie 143; dodaj :PORT, jeśli port jest nietypowy
same-as-the-password-above-5b43a90a = To samo co hasło powyżej
used-for-this-check-only-ca6be08e = Używane tylko do tego sprawdzenia; po udanym logowaniu przechowywane w systemowym magazynie haseł, gdy zaznaczono „Zapamiętaj w systemowym magazynie haseł”
what-server-checked-e1e33d21 = Co sprawdził { $server }:
the-receiving-server-recorded-no-338af020 = Serwer odbierający nie zapisał w wiadomości żadnych kontroli.

## src/gui/intro.rs

what-happens-when-you-send-1198026e = Co się dzieje, gdy wysyłasz test
the-test-does-what-your-1f59bc92 = Test robi to samo co Twoja witryna, gdy wysyła e-mail, krok po kroku, i pokazuje każdy krok na bieżąco:
one-short-test-email-to-f92d9996 = jeden krótki e-mail testowy na adres z pola „Wyślij test na” (albo Od).
one-short-test-email-to-eca5f997 = jeden krótki e-mail testowy na adres { $recipient }.
we-reach-your-mail-server-495a0766 = łączymy się z Twoim serwerem poczty, tak jak Twoja witryna.
we-switch-the-connection-to-305163c3 = przełączamy połączenie na szyfrowane, gdy zaznaczono „Użyj SSL”.
with-your-user-name-and-9eb23e32 = Twoją nazwą użytkownika i hasłem.
with-a-token-from-microsoft-b5cb4671 = tokenem od Microsoftu lub Google (OAuth), nigdy przez połączenie bez szyfrowania.
if-a-step-fails-you-ed66c46a = Jeśli któryś krok się nie uda, zobaczysz, który, co to znaczy w prostych słowach i co zmienić. Na Twojej witrynie nic nie jest zmieniane.
your-password-stays-yours-4243e865 = Twoje hasło pozostaje Twoje
it-goes-to-your-mail-9ee48a16 = Trafia do Twojego serwera poczty i nigdzie indziej, i tylko przez połączenie szyfrowane: gdyby miało przejść bez szyfrowania, test zatrzymuje się i najpierw Cię pyta.
it-is-never-put-in-43308fa9 = Nigdy nie trafia do profilu, zapisu rozmowy z serwerem ani raportu dla pomocy technicznej. Zaznacz „Zapamiętaj w systemowym magazynie haseł”, aby przechowywać je we własnym magazynie haseł komputera, nigdy w pliku.

## src/gui/oauth.rs

enter-the-mailbox-user-name-18b33d9d = Najpierw wpisz skrzynkę (Nazwa użytkownika) i identyfikator klienta aplikacji, a potem się zaloguj.
signed-in-as-mailbox-e71eccdc = Zalogowano jako { $mailbox }.
the-sign-in-is-kept-4337c0cd = Logowanie jest przechowywane w systemowym magazynie haseł.
signed-out-40c28a5d = Wylogowano.
the-test-was-stopped-while-f10aa733 = test został zatrzymany podczas pobierania tokenu

## src/gui/oauth_rows.rs

sign-in-7367eeb8 = Logowanie
how-the-test-signs-in-3e344752 = Jak test się loguje: hasłem albo przez OAuth (token od Microsoftu lub Google)
oauth-signing-in-through-microsoft-cb19300f = OAuth: logowanie przez stronę Microsoftu lub Google zamiast hasłem. web.config w ASP.NET tego nie potrafi; MailKit i większość bibliotek poczty dla PHP i Node.js potrafią.
paste-the-token-0ce3b5de = wklej token
client-secret-d28dcb8a = Klucz tajny klienta
the-desktop-app-s-secret-2dfdf483 = klucz tajny aplikacji komputerowej
sign-in-with-google-682701c4 = Zaloguj się przez Google…
who-signs-in-4247d24c = Kto się loguje
the-website-as-an-app-02a2655f = Witryna, jako aplikacja
the-app-signs-in-as-5b39e6e4 = Aplikacja loguje się we własnym imieniu kluczem tajnym klienta (SMTP.SendAsApp)
a-person-in-the-browser-714d0c01 = Osoba, w przeglądarce
someone-signs-in-as-the-e07eb4a6 = Ktoś raz loguje się jako skrzynka; logowanie jest przechowywane w magazynie haseł
sign-in-with-microsoft-64994ec3 = Zaloguj się przez Microsoft…
its-value-not-its-id-06bfd85c = jego Value, a nie ID
tenant-426f68c5 = Dzierżawa (tenant)
yourcompany-onmicrosoft-com-or-directory-91ce24c8 = twojafirma.onmicrosoft.com lub Directory ID
organizations-any-work-account-c56c7646 = organizations (dowolne konto służbowe)
app-registrations-your-app-overview-0348d3e0 = App registrations → Twoja aplikacja → Overview → Directory (tenant) ID
client-id-96a12137 = Identyfikator klienta
application-client-id-f1d13592 = Application (client) ID
app-registrations-your-app-overview-72eda20e = App registrations → Twoja aplikacja → Overview → Application (client) ID
used-for-this-test-only-3fbe0f5f = Używany tylko w tym teście: nigdy nie jest zapisywany ani pokazywany w zapisie rozmowy z serwerem
finish-signing-in-with-your-f04afc59 = Dokończ logowanie w przeglądarce…
sign-out-8b4f3c70 = Wyloguj się
opens-the-provider-s-sign-6717a1f1 = Otwiera w przeglądarce stronę logowania dostawcy; zaloguj się jako skrzynka z pola Nazwa użytkownika
the-sign-in-did-not-63711b82 = Logowanie się nie udało: { $error }
the-token-is-renewed-at-78ac8950 = token zostanie odnowiony przy następnym teście
the-token-is-valid-for-973c5181 = token jest ważny jeszcze przez { $minutes } min
signed-in-as-who-138f6f7e = Zalogowano jako { $who }

## src/gui/preferences.rs

system-8f3184bc = Systemowy
language-9a73db9b = Język
follow-system-becc0e51 = Jak w systemie
light-8ad2f8cf = Jasny
dark-45570065 = Ciemny
theme-4eaf7c92 = Motyw

## src/gui/renderer.rs

the-window-could-not-open-cb7ad439 = nie udało się otworzyć okna: grafika tego komputera nie mogła go narysować ({ $reasons }).
on-a-remote-desktop-or-321b265b = Na zdalnym pulpicie lub w maszynie wirtualnej zwykle pomaga instalacja jej sterownika ekranu

## src/gui/result.rs

the-server-s-exact-words-c34e0823 = Dokładne słowa serwera
support-code-code-a1b3e83c = Kod dla pomocy technicznej: { $code }
what-to-do-cf2e345d = Co zrobić
the-fix-changes-bc2b32f8 = Poprawka zmienia:
apply-fix-and-test-again-6eea585b = Zastosuj poprawkę i przetestuj ponownie
makes-this-change-in-the-38287995 = Wprowadza tę zmianę w formularzu i ponownie wysyła test
send-it-unencrypted-this-once-010cab38 = Wyślij tym razem bez szyfrowania
anyone-on-the-way-can-1fda01f6 = Każdy po drodze może odczytać hasło. Tylko dla serwera w Twojej własnej sieci prywatnej.
certificate-details-5e455906 = Szczegóły certyfikatu
valid-for-629b6506 = Ważny dla

## src/gui/snippet_view.rs

paste-this-into-your-web-7c7e7459 = Wklej to do swojego web.config
settings-for-program-60627db5 = Ustawienia dla { $program }
the-password-is-left-out-447f0e55 = Hasło jest pomijane, chyba że zaznaczysz „Dołącz hasło”: gdziekolwiek je wkleisz, będzie przechowywane zwykłym tekstem.
note-warning-5dd61067 = Uwaga: { $warning }
copy-658f3664 = Kopiuj
save-as-03e14184 = Zapisz jako…
update-my-web-config-d9b68a3c = Zaktualizuj mój web.config…
writes-these-settings-into-your-5f324df6 = Zapisuje te ustawienia w Twoim web.config: najpierw pokazuje zmiany i zachowuje kopię zapasową
include-password-7b82b9b8 = Dołącz hasło

## src/gui/success.rs

only-mail-to-this-server-aecb3830 = Działa tylko poczta na własne adresy tego serwera
your-settings-work-8bc6b24c = Twoje ustawienia działają
we-sent-a-test-email-5656f31c = Wysłaliśmy e-mail testowy na adres { $recipient }. Sprawdź, czy dotarł (zajrzyj też do folderu spamu).
connected-to-host-on-port-a1c6e5aa = Połączono z { $host } na porcie { $port }
encrypted-with-version-0a72dfef = Szyfrowane przez { $version }
not-encrypted-anyone-on-the-d3a630f0 = Bez szyfrowania: każdy po drodze mógłby odczytać pocztę
signed-in-as-user-05784a15 = Zalogowano jako { $user }
sent-without-signing-in-the-33fb939c = Wysłano bez logowania: serwer nie oferował logowania
sent-without-signing-in-no-a843905d = Wysłano bez logowania (brak nazwy użytkownika)
accepted-for-delivery-to-recipient-9abb98b5 = Przyjęto do doręczenia na adres { $recipient }
warning-the-server-s-certificate-e72f89a1 = Ostrzeżenie: certyfikat serwera jest nieprawidłowy ({ $problem }). Zadziałało tylko dlatego, że zezwolono na nieprawidłowe certyfikaty; Twoja witryna sprawdza certyfikaty i wysyłanie się nie uda.
warning-message-f4254d6c = Ostrzeżenie: { $message }
copy-the-block-below-into-dea0f3b9 = Skopiuj poniższy blok do web.config swojej witryny, w miejsce jego bloku <mailSettings>, albo kliknij „Zaktualizuj mój web.config…”, aby zrobić to automatycznie: najpierw zobaczysz każdą zmianę, a kopia zapasowa zostanie zachowana.
copy-the-settings-below-into-e486c11e = Skopiuj poniższe ustawienia do konfiguracji { $format } swojej witryny.
next-step-ab2acdfa = Następny krok
message-id-of-the-test-711a564c = Message-ID wiadomości testowej
support-can-find-the-message-e18fff96 = Po tym identyfikatorze pomoc techniczna może znaleźć wiadomość w dzienniku serwera

## src/gui/transcript.rs

what-the-server-said-638c3d94 = Odpowiedź serwera
hide-the-server-s-replies-2f842b13 = Ukryj odpowiedzi serwera
show-every-line-we-sent-62404205 = Pokaż każdy wiersz, który wysłaliśmy, i odpowiedź serwera
nothing-yet-739865dc = jeszcze nic
t-1-line-99481766 = 1 wiersz
n-lines-bb656540 = { $n ->
        [one] { $n } wiersz
        [few] { $n } wiersze
       *[other] { $n } wierszy
    }
copy-transcript-d97cf946 = Kopiuj zapis rozmowy
save-transcript-a1c4eb5a = Zapisz rozmowę do pliku…
export-report-ce65b191 = Eksportuj raport…
everything-support-needs-settings-withou-94ba8f25 = Wszystko, czego potrzebuje pomoc techniczna (ustawienia bez hasła, etapy, ten zapis rozmowy, diagnoza), w jednym pliku
report-in-english-18ddea6e = Raport po angielsku
write-the-exported-report-in-e4a59e7d = Zapisz eksportowany raport po angielsku, dla pomocy technicznej, która czyta po angielsku
we-sent-2e66b91d = wysłaliśmy
the-server-answered-039e870e = serwer odpowiedział
encrypted-3e8df1b3 = szyfrowane
passwords-are-always-hidden-2bfd5e9e = Hasła są zawsze ukryte.

## src/gui/widgets.rs

passed-513cb799 = udało się
failed-e0accfb4 = nie udało się
not-started-8652f4af = nie rozpoczęto
stopped-6ee2f34e = zatrzymano

## src/gui/window.rs

testing-each-step-appears-above-5613518e = Testuję… każdy etap pojawia się powyżej na bieżąco. Esc zatrzymuje test.
no-file-chosen-if-no-67413e16 = Nie wybrano pliku. Jeśli nie pojawiło się okno wyboru pliku, wpisz ścieżkę pliku:
open-538b10e9 = Otwórz
check-your-website-s-email-f8812c32 = Sprawdź ustawienia poczty swojej witryny
open-web-config-870dc6bb = Otwórz web.config…
read-the-mail-settings-from-9d389da1 = Wczytaj ustawienia poczty z web.config swojej witryny i sprawdź je
explain-an-error-message-f540b236 = Wyjaśnij komunikat o błędzie…
paste-an-error-your-website-7a5917ae = Wklej błąd zapisany przez Twoją witrynę i zobacz, co oznacza
check-a-folder-of-sites-5325d3c7 = Sprawdź folder witryn…
for-hosting-support-check-the-059107c7 = Dla pomocy technicznej hostingu: sprawdź ustawienia poczty każdej witryny w folderze

## src/gui/worker.rs

could-not-read-the-certificate-e1c222cf = Nie udało się odczytać pliku urzędu certyfikacji { $path }: { $error }
choose-a-certificate-authority-file-3507bf9e = Wybierz plik urzędu certyfikacji (PEM lub DER .cer)
certificates-b88e4cd9 = Certyfikaty
choose-your-website-s-web-fed75ade = Wybierz web.config swojej witryny
could-not-save-path-error-2fc229b5 = Nie udało się zapisać { $path }: { $error }

## src/inbox/address.rs

address-is-not-a-mailbox-a8a2d761 = „{ $address }” nie jest adresem skrzynki pocztowej.
address-is-not-an-imap-87f3b3a9 = „{ $address }” nie jest adresem IMAP ({ $scheme }:// to nie imap:// ani imaps://).
address-names-no-user-6dbe8a93 = „{ $address }” nie podaje użytkownika.
the-user-name-in-address-e96b48c9 = nazwa użytkownika w „{ $address }” nie jest poprawnym tekstem
write-it-as-imaps-you-314853c0 = Zapisz to jako imaps://ty@example.com@mail.example.com (albo imap:// dla STARTTLS na porcie 143), z :PORT na końcu, jeśli port jest nietypowy.
port-is-not-a-port-50e1e439 = „{ $port }” nie jest numerem portu w „{ $address }”.
host-is-not-a-server-acc5f8a4 = „{ $host }” nie jest nazwą serwera w „{ $address }”.

## src/inbox/auth_results.rs

your-domain-d4d84782 = Twoja domena
spf-passed-domain-allows-the-f0dc7d76 = SPF przeszedł: domena { $domain } dopuszcza serwer, przez który wysyłasz.
spf-failed-domain-s-spf-9e04f3b1 = SPF nie przeszedł: rekord SPF domeny { $domain } nie wymienia serwera, przez który wysyłasz. Dodaj go do rekordu (zobacz „Czy dotrze?”).
spf-gave-no-answer-domain-a747cf7d = SPF nie dał odpowiedzi: domena { $domain } nie ma rekordu SPF obejmującego ten serwer.
dkim-passed-the-message-carries-353f6e76 = DKIM przeszedł: wiadomość ma ważny podpis { $by }.
dkim-the-message-was-not-0e73bd88 = DKIM: wiadomość nie była podpisana. Poproś dostawcę poczty o podpisywanie poczty Twojej domeny (zobacz „Czy dotrze?”).
dkim-failed-the-signature-did-9a245af3 = DKIM nie przeszedł: podpis się nie zgadzał. Klucz opublikowany w DNS może być zły lub stary albo wiadomość została zmieniona po drodze.
dmarc-passed-spf-or-dkim-bdd3a284 = DMARC przeszedł: SPF lub DKIM potwierdza domenę { $domain }, domenę z adresu Od.
dmarc-failed-neither-spf-nor-83c62bd1 = DMARC nie przeszedł: ani SPF, ani DKIM nie potwierdza domeny { $domain }, domeny z adresu Od. Rygorystyczni odbiorcy odrzucają taką pocztę albo wrzucają ją do spamu.
dmarc-domain-publishes-no-dmarc-cb1108db = DMARC: domena { $domain } nie publikuje zasady DMARC.

## src/inbox/connect.rs

the-server-s-address-eb391f39 = adres serwera
the-name-could-not-be-715c1245 = nie udało się znaleźć nazwy: { $err }
the-name-has-no-address-0b96332a = nazwa nie ma adresu
the-connection-0a94c3e4 = połączenie
no-answer-1b68d598 = brak odpowiedzi
the-extra-certificate-authority-why-6ee7e4ae = dodatkowy urząd certyfikacji: { $why }
the-secure-connection-f2e42ff7 = połączenie szyfrowane
the-server-s-certificate-is-d5b84a6b = certyfikat serwera został odrzucony: { $problem }
its-greeting-d101260c = jego powitanie
it-said-line-26370539 = odpowiedział { $line }
the-answer-to-starttls-1c42645c = odpowiedź na STARTTLS

## src/inbox/dkim_verify.rs

we-could-not-read-the-8bff80f5 = Nie mogliśmy odczytać odebranej wiadomości, więc nie sprawdziliśmy jej podpisu DKIM.
domain-selector-selector-259d61a2 = { $domain } (selektor { $selector })
an-unreadable-signer-c03eb599 = nieczytelny podpisujący
signature-of-who-valid-and-317faecf = Podpis { $who }: ważny i to Twoja domena.
signature-of-who-valid-but-6e9cadc2 = Podpis { $who }: ważny, ale to nie jest domena z Twojego adresu Od, więc nie liczy się dla DMARC.
signature-of-who-not-valid-4fd1744c = Podpis { $who }: nieważny ({ $why }).
the-message-carries-no-dkim-6afdb83b = Wiadomość nie ma podpisu DKIM: tylko SPF potwierdza, że pochodzi z domeny { $from_domain }. Poproś dostawcę poczty o podpisywanie poczty Twojej domeny.
we-checked-the-dkim-signature-960b59a9 = Sami sprawdziliśmy podpis DKIM: jest ważny i wystawiony dla { $from_domain }.
we-checked-the-dkim-signature-5e3c1afb = Sami sprawdziliśmy podpis DKIM: jest ważny, ale wystawiony dla innej domeny niż { $from_domain }, więc DMARC go nie uwzględnia. Poproś dostawcę poczty o podpisywanie Twoją własną domeną.
we-checked-the-dkim-signature-c981209c = Sami sprawdziliśmy podpis DKIM: nie zgadza się. Klucza opublikowanego w DNS może brakować, może być zły lub stary albo wiadomość została zmieniona po podpisaniu.

## src/inbox/look.rs

the-sign-in-08ff0207 = logowanie
the-goodbye-1beab177 = pożegnanie
the-folder-list-485d2008 = lista folderów
a-search-9f153ff8 = wyszukiwanie
the-message-46d7a413 = wiadomość

## src/inbox/recorder.rs

the-server-sent-more-than-3d108539 = serwer wysłał więcej niż { $mib } MiB

## src/inbox/request.rs

there-is-no-message-to-946f0846 = nie ma wiadomości do wyszukania: najpierw wyślij wiadomość testową
no-password-for-the-mailbox-ab7ec000 = brak hasła do skrzynki { $mailbox }: podaj je (to hasło, którym odczytujesz tę pocztę) albo zapisz je w magazynie haseł
could-not-reach-the-mailbox-597a7a79 = nie udało się połączyć z serwerem skrzynki { $server } ({ $detail }). Sprawdź nazwę serwera i port: odczyt poczty przez IMAP zwykle używa portu 993 (imaps://)
the-mailbox-server-server-did-3e98494f = serwer skrzynki { $server } nie odpowiedział na czas ({ $what }). Sprawdź port: IMAP to 993 (imaps://) lub 143 (imap://)
server-did-not-greet-like-b39a23e0 = { $server } nie przywitał się jak serwer skrzynki (IMAP); odpowiedział „{ $said }”. Sprawdź port: IMAP to 993 (imaps://) lub 143 (imap://)
server-does-not-offer-encryption-8e8159fd = { $server } nie oferuje szyfrowania (STARTTLS), a my nigdy nie wysyłamy hasła do skrzynki bez szyfrowania. Użyj zamiast tego imaps:// (port 993)
the-secure-connection-to-the-e384af7d = połączenie szyfrowane z serwerem skrzynki { $server } nie powiodło się: { $detail }. Sprawdź nazwę serwera: musi to być nazwa z certyfikatu serwera
the-mailbox-server-refused-the-13077228 = serwer skrzynki odrzucił logowanie dla { $user } (odpowiedział: { $said }). Sprawdź nazwę użytkownika i hasło do skrzynki; Gmail, Outlook.com i Yahoo wymagają hasła aplikacji dla IMAP
the-mailbox-server-server-broke-eb86759c = serwer skrzynki { $server } przerwał rozmowę ({ $detail }); spróbuj ponownie
the-inbox-check-was-stopped-cd7a71c8 = sprawdzanie skrzynki zostało zatrzymane

## src/inbox/summary.rs

folders-searched-folders-1c7d04a2 = Przeszukane foldery: { $folders }
the-receiving-server-s-own-20faa33e = Własne kontrole serwera odbierającego ({ $server }):
the-receiving-server-added-no-6d611c08 = Serwer odbierający nie dodał nagłówka Authentication-Results.
the-mailbox-imap-exchange-the-f338cc52 = Rozmowa z serwerem skrzynki (IMAP); hasło jest pokazywane jako `<redacted>`:

## src/inbox/texts.rs

secs-s-4a22e02a = { $secs } s
min-min-secs-s-f096bf18 = { $min } min { $secs } s
arrived-in-the-inbox-after-8bc39958 = Dotarła do skrzynki odbiorczej po { $after }
arrived-but-in-the-spam-1de42805 = Dotarła, ale do folderu spamu „{ $folder }” (po { $after })
arrived-in-the-folder-folder-35e97e8b = Dotarła do folderu „{ $folder }” (po { $after })
not-in-the-mailbox-after-71030de0 = Brak w skrzynce po { $waited }
the-test-message-is-in-6dbcd158 = Wiadomość testowa jest w skrzynce odbiorczej { $mailbox }: poczta z Twojej witryny dociera do tej skrzynki.
the-test-message-is-in-3dae80e1 = Wiadomość testowa jest w skrzynce odbiorczej { $mailbox }, ale na serwerze odbierającym nie przeszło: { $failed }, więc bardziej rygorystyczni dostawcy mogą wrzucać Twoją pocztę do spamu lub ją odrzucać. Popraw to, co wymienia „Czy dotrze?”.
the-receiving-server-took-the-bc6c3316 = Serwer odbierający przyjął wiadomość, ale uznał ją za spam, więc Twoi klienci prawdopodobnie by jej nie zobaczyli. Wiadomość testowa z niewielką ilością tekstu może sama w sobie wyglądać jak spam; jeśli kontrole nadawcy przechodzą („Czy dotrze?”), spróbuj ponownie z prawdziwą wiadomością.
the-receiving-server-took-the-4fbfd2f0 = Serwer odbierający przyjął wiadomość, ale uznał ją za spam, więc Twoi klienci prawdopodobnie by jej nie zobaczyli. Na serwerze odbierającym nie przeszło: { $failed }; popraw to, co wymienia „Czy dotrze?”.
the-message-arrived-but-a-52287da8 = Wiadomość dotarła, ale reguła lub sortowanie dostawcy umieściły ją poza skrzynką odbiorczą { $mailbox }. Sprawdź filtry tej skrzynki.
the-server-accepted-the-message-f14a3b33 = Serwer przyjął wiadomość, ale nie ma jej jeszcze w żadnym folderze skrzynki { $mailbox }. Może być jeszcze w drodze (niektórzy dostawcy przez kilka minut wstrzymują pocztę od nowych nadawców) albo serwer odbierający ją odrzucił, co dzieje się z pocztą, która nie przechodzi DMARC. Popraw to, co wymienia „Czy dotrze?”, i sprawdź ponownie później.

## src/main.rs

could-not-start-the-async-ae605e37 = nie udało się uruchomić asynchronicznego środowiska wykonawczego: { $error }. Należy uruchomić program ponownie; jeśli błąd się powtarza, należy ponownie uruchomić komputer.
the-command-line-still-works-88e1eb57 = Wiersz poleceń nadal działa: w terminalu należy uruchomić `mailtester --help`.
mail-settings-tester-stopped-because-7bd107e2 =
    Mail Settings Tester zatrzymał się z powodu błędu w programie:
    
    { $info }
    
    Prosimy o zgłoszenie błędu. Ustawienia i plik web.config nie zostały przez to zmienione.

## src/oauth/browser.rs

could-not-start-program-err-c926f9f2 = nie udało się uruchomić { $program }: { $err }
could-not-open-the-browser-8f2eb5ab = nie udało się otworzyć przeglądarki: { $err }

## src/oauth/delegated/loopback.rs

signed-in-96a90eb4 = Zalogowano
you-are-signed-in-8474ca05 = Jesteś zalogowany
go-back-to-mail-settings-e45459c9 = Wróć do Mail Settings Tester; możesz zamknąć tę kartę.
not-signed-in-207a7281 = Nie zalogowano
the-sign-in-did-not-a5001dd2 = Logowanie nie zostało dokończone
go-back-to-mail-settings-a9487dbc = Wróć do Mail Settings Tester, aby zobaczyć dlaczego.
this-computer-7d16e2ca = ten komputer
no-local-port-for-the-8c4615f3 = brak lokalnego portu na odpowiedź: { $err }
the-browser-1438c45c = przeglądarka
nobody-finished-signing-in-within-20659f29 = nikt nie dokończył logowania w ciągu { $minutes } min
the-sign-in-service-abe06b84 = usługa logowania

## src/oauth/delegated.rs

it-is-not-a-web-fec0fdd4 = to nie jest adres internetowy
google-s-device-sign-in-69660ca8 = logowanie urządzenia Google nie obejmuje Gmaila; zaloguj się zamiast tego przez przeglądarkę
the-sign-in-was-cancelled-64875541 = logowanie zostało anulowane
it-is-not-a-token-0b50914d = to nie jest token ({ $err }; zaczyna się od: { $start })

## src/oauth/http.rs

could-not-set-up-the-aaf86338 = nie udało się przygotować żądania ({ $err })
the-sign-in-service-sent-89d2de25 = usługa logowania przekierowała żądanie gdzie indziej (przekierowanie); sprawdź adres logowania
the-answer-is-far-too-e9884875 = odpowiedź jest o wiele za długa
the-request-failed-4ffdf862 = żądanie się nie udało
the-request-failed-cause-1236b7f3 = żądanie się nie udało: { $cause }

## src/oauth/obtain.rs

nobody-has-signed-in-to-37587b50 = nikt jeszcze nie zalogował się do { $provider } dla tej skrzynki

## src/oauth/stored.rs

the-keyring-call-stopped-8c77a1a6 = wywołanie magazynu haseł zostało przerwane

## src/oauth/token.rs

the-sign-in-address-url-8e70f991 = nie można użyć adresu logowania { $url }: { $reason }
the-sign-in-service-said-aca24dc5 = usługa logowania odmówiła ({ $status }): { $error }: { $description }
could-not-reach-the-sign-81f7b750 = nie udało się połączyć z usługą logowania pod adresem { $url }: { $detail }
the-sign-in-service-s-4e88083d = odpowiedź usługi logowania ({ $status }) nie jest tokenem: { $detail }
it-is-not-encrypted-http-70ccccea = nie jest szyfrowany (http); użyj https (zwykłe http jest tylko dla testowych serwerów na tym komputerze)
it-must-start-with-https-5c0a06da = musi zaczynać się od https://
the-tenant-must-be-a-6ffd19f8 = dzierżawa (tenant) musi być identyfikatorem Directory (tenant) ID albo domeną
it-sends-the-request-elsewhere-b0c05c70 = przekierowuje żądanie gdzie indziej (przekierowanie); sprawdź adres logowania
no-answer-within-secs-s-1f175672 = brak odpowiedzi w ciągu { $secs } s
it-is-not-json-it-d2533db5 = to nie jest JSON (zaczyna się od: { $start })
it-holds-no-access-token-87ff2e3b = nie zawiera access_token

## src/profiles/error.rs

name-cannot-be-a-profile-1c2058f8 = „{ $name }” nie może być nazwą profilu: { $reason }. Użyj od 1 do 64 znaków, bez / ani \.
there-is-no-profile-named-96654469 = Nie ma profilu o nazwie „{ $name }”.
a-profile-named-name-already-d0bba1c2 = Profil o nazwie „{ $name }” już istnieje; najpierw go usuń albo wybierz inną nazwę.
the-profiles-file-could-not-ece19bdb = Nie udało się odczytać pliku profili ({ $reason }). Przeniesiono go na bok, więc nic nie zginęło, a lista profili zaczyna się od zera. Aby je odzyskać, napraw przeniesiony plik i zmień jego nazwę na { $path }. Przeniesiono do: { $moved_to }
the-profiles-file-was-written-0aaf22c6 = Plik profili został zapisany przez nowszą wersję Mail Settings Tester (format { $version }), więc pozostawiono go bez zmian. Zaktualizuj tester, aby używać tych profili. Plik: { $path }
could-not-find-a-folder-07b751fa = Nie udało się znaleźć folderu na ustawienia na tym komputerze. Ustaw MAILTESTER_CONFIG_DIR na folder, w którym mają być przechowywane profile.
could-not-write-these-settings-3df3fd97 = Nie udało się zapisać tych ustawień w pliku profili: { $arg0 }
could-not-read-the-profiles-c7de2c87 = Nie udało się odczytać pliku profili ({ $source }). Plik: { $path }
could-not-write-the-profiles-1ce1bb90 = Nie udało się zapisać pliku profili ({ $source }). Plik: { $path }
could-not-create-the-folder-4efa6b11 = Nie udało się utworzyć folderu pliku profili ({ $source }). Plik: { $path }
could-not-move-the-damaged-be405c05 = Nie udało się odłożyć na bok uszkodzonego pliku profili ({ $source }). Plik: { $path }

## src/profiles/file.rs

it-is-not-utf-8-85ed6edc = to nie jest tekst UTF-8
it-is-not-a-regular-be41867a = to nie jest zwykły plik (to folder, potok nazwany lub urządzenie); usuń go albo ustaw MAILTESTER_CONFIG_DIR na inny folder
it-is-size-bytes-more-56c17071 = ma { $size } bajtów, więcej niż { $limit }, które może mieć plik profili; przenieś go gdzie indziej
message-on-line-line-acff43e5 = { $message }, w wierszu { $line }

## src/profiles/name.rs

it-is-empty-08105609 = jest pusta
it-is-longer-than-limit-6c17a8c5 = jest dłuższa niż { $limit } znaków
it-contains-or-e7d2f6a5 = zawiera / lub \
it-contains-a-control-character-5c5ebcc6 = zawiera znak sterujący (np. tabulator lub nowy wiersz)
it-starts-or-ends-with-a95ee32d = zaczyna się lub kończy spacją
it-is-or-bede7ef9 = to . lub ..

## src/providers/data/google_microsoft.rs

google-admin-console-apps-google-7b12704d = Google Admin console → Apps → Google Workspace → Gmail → Authenticate email
microsoft-defender-portal-email-authenti-242e8ce3 = Portal Microsoft Defender → Email authentication settings → DKIM → Twoja domena
your-full-gmail-or-google-de2da620 = pełny adres Gmail lub Google Workspace
gmail-needs-an-app-password-1aed7515 = Gmail wymaga hasła aplikacji: włącz weryfikację dwuetapową, a potem utwórz hasło na myaccount.google.com/apppasswords (strona Bezpieczeństwo już do niej nie prowadzi) i użyj go jako hasła. Google przestał przyjmować zwykłe hasło z programów pocztowych w maju 2022 dla kont prywatnych i we wrześniu 2024 dla kont Google Workspace.
gmail-needs-an-app-password-eeb1384d = Gmail wymaga hasła aplikacji: włącz weryfikację dwuetapową na koncie Google, a potem otwórz myaccount.google.com/apppasswords (strona Bezpieczeństwo już do niej nie prowadzi), utwórz hasło aplikacji i wklej jego 16 liter do `password` bez spacji. Jako `userName` użyj pełnego adresu Gmail.
gmail-sends-only-from-your-3412ea1e = Gmail wysyła tylko z Twojego własnego adresu albo z adresu dodanego w Settings → Accounts → „Send mail as” (Ustawienia → Konta → „Wyślij pocztę jako”): ustaw `from` na jeden z nich.
a-google-workspace-address-or-b5610000 = adres Google Workspace albo nic, jeśli przekaźnik dopuszcza adres IP Twojego serwera
for-google-workspace-only-your-d5440b81 = Tylko dla Google Workspace. Administrator włącza usługę przekazywania SMTP (Admin console → Apps → Google Workspace → Gmail → Routing) i dopuszcza adres IP Twojego serwera WWW (wtedy zostaw nazwę użytkownika i hasło puste) albo SMTP Authentication (wtedy użyj adresu Workspace i jego hasła aplikacji).
the-google-workspace-smtp-relay-a2c2fb4c = Przekaźnik SMTP Google Workspace musi włączyć administrator Workspace (Admin console → Apps → Google Workspace → Gmail → Routing → SMTP relay service). Jeśli wymaga SMTP Authentication, użyj adresu Workspace jako `userName` i hasła aplikacji utworzonego na myaccount.google.com/apppasswords jako `password`; jeśli zamiast tego dopuszcza adres IP Twojego serwera, zostaw oba puste.
the-google-workspace-smtp-relay-499576b2 = Przekaźnik SMTP Google Workspace wysyła tylko z adresów, które administrator dopuścił w jego ustawieniach (zwykle z Twoich domen Workspace): ustaw `from` na jeden z nich.
the-relay-lets-in-only-6d18d14f = Przekaźnik wpuszcza tylko adresy IP lub logowanie dopuszczone przez administratora w ustawieniach usługi przekazywania SMTP, więc test z innego komputera się nie uda, chyba że się zaloguje. Ustaw też `clientDomain` na nazwę domeny swojej witryny: Google może odrzucić samą nazwę komputera, np. `localhost`.
your-full-microsoft-365-email-7d9ec067 = pełny adres e-mail Microsoft 365
your-admin-must-switch-on-373c5280 = Administrator musi włączyć „Authenticated SMTP” (SMTP AUTH) dla organizacji i dla tej skrzynki; jest ono domyślnie wyłączone w organizacjach utworzonych po styczniu 2020, a security defaults Microsoft Entra je blokują. Pod koniec grudnia 2026 Microsoft domyślnie wyłączy je także w istniejących organizacjach (administratorzy nadal będą mogli je włączyć), a ostateczną datę usunięcia ogłosi w drugiej połowie 2027. ASP.NET nie obsługuje logowania OAuth, które je zastępuje: zaplanuj przekaźnik SMTP (connector), High Volume Email, Azure Communication Services albo MailKit z OAuth.
microsoft-365-use-the-mailbox-2818490c = Microsoft 365: użyj pełnego adresu skrzynki jako `userName`. Logowanie programów pocztowych („Authenticated SMTP”) musi być dozwolone dla tej skrzynki: administrator włącza je w centrum administracyjnym Microsoft 365 w Users → Active users → Mail → Manage email apps. Security defaults Microsoft Entra (standardowe zabezpieczenia logowania Microsoftu) blokują je dla całej organizacji, niezależnie od tego przełącznika.
microsoft-365-sends-only-as-8f158b7a = Microsoft 365 wysyła tylko jako zalogowana skrzynka, chyba że administrator nada uprawnienie „Send As”: ustaw `from` na adres z `userName`.
or-if-password-sign-in-b9a28d6a = Jeśli logowanie hasłem pozostaje wyłączone, poproś administratora Microsoft 365 o jeden z tych sposobów (moduł wysyłania poczty Twojej witryny, System.Net.Mail, nie obsługuje OAuth, jedynego logowania, jakie Microsoft 365 zostawia programom pocztowym):
an-smtp-relay-your-admin-9f556ed6 = Przekaźnik SMTP: administrator tworzy connector dla stałego adresu IP serwera WWW; potem ustaw `host` na host MX swojej domeny (kończy się na `mail.protection.outlook.com`), `port` na `25`, a `userName` i `password` zostaw puste.
high-volume-email-hve-a-c7d229de = High Volume Email (HVE): konto Microsoft 365 dla programów, które nadal loguje się hasłem (`host` `smtp-hve.office365.com`, `port` `587`), przeznaczone do poczty do skrzynek Twojej własnej organizacji.
azure-communication-services-microsoft-s-c039b80d = Azure Communication Services: usługa wysyłkowa Microsoftu (`host` `smtp.azurecomm.net`, `port` `587`), która loguje się nazwą użytkownika i kluczem tajnym aplikacji, których może użyć Twoja witryna.
mailkit-your-developer-moves-the-6e937e4f = MailKit: programista przenosi kod wysyłania do MailKit, który potrafi logować się przez OAuth.
direct-send-a-host-ending-9a983c0c = Direct send (`host` kończący się na `mail.protection.outlook.com`) nie wymaga logowania: zostaw `userName` i `password` puste i użyj `port` `25`. Doręcza tylko do skrzynek Twojej organizacji; aby dotrzeć do innych adresów, loguj się na `smtp.office365.com` na porcie `587` albo poproś administratora o connector (przekaźnik SMTP).
direct-send-needs-port-25-5dd62ff9 = Direct send wymaga otwartego portu `25` z serwera WWW do Microsoft 365, a wiele firm hostingowych go blokuje. Jeśli jest zablokowany, loguj się zamiast tego na `smtp.office365.com` na porcie `587`.
your-full-outlook-com-or-1cbd12a8 = pełny adres Outlook.com lub Hotmail
since-16-september-2024-personal-6a3f18b4 = Od 16 września 2024 prywatne konta Outlook.com i Hotmail nie przyjmują już hasła do wysyłania, tylko logowanie OAuth Microsoftu, którego witryna z web.config nie obsługuje. Wysyłaj pocztę witryny przez innego dostawcę.
outlook-com-and-hotmail-stopped-6940ffd7 = Outlook.com i Hotmail we wrześniu 2024 przestały przyjmować hasła z programów: wymagają nowoczesnego logowania (OAuth), którego ASP.NET nie obsługuje. Wysyłaj pocztę witryny przez inną usługę albo poproś programistę o przejście na MailKit.
outlook-com-sends-only-from-eff7815a = Outlook.com wysyła tylko z zalogowanego adresu: ustaw `from` na wartość `userName`.
send-your-website-s-mail-0dffe9c3 = Wysyłaj pocztę witryny przez usługę, która nadal przyjmuje hasło, np. serwer poczty firmy hostingowej albo usługę wysyłkową (SendGrid, Mailgun, Brevo i inne są na liście dostawców), i zmień `host`, `userName` i `password` na jej wartości.

## src/providers/data/hosting.rs

your-full-email-address-f7f06033 = pełny adres e-mail
use-your-full-email-address-061b9f4b = Użyj pełnego adresu e-mail i hasła do jego skrzynki. GoDaddy podaje port 465, którego ASP.NET nie może używać, więc tu jest 587; jeśli Twoja poczta GoDaddy to plan Microsoft 365, wybierz zamiast tego Microsoft 365.
godaddy-email-use-your-full-f5fec946 = Poczta GoDaddy: użyj pełnego adresu e-mail jako `userName` i hasła skrzynki, z `host` ustawionym na `smtpout.secureserver.net`. Jeśli Twoja poczta GoDaddy to plan Microsoft 365, użyj zamiast tego ustawień Microsoft 365 (`smtp.office365.com`).
none-leave-the-user-name-d1d66dc0 = brak: zostaw nazwę użytkownika i hasło puste
for-websites-on-godaddy-s-aedab5ae = Dla witryn na hostingu Windows (Plesk) GoDaddy: przekaźnik przyjmuje pocztę tylko z serwerów hostingowych GoDaddy, na porcie 25, bez logowania i SSL. Test z każdego innego komputera, także z tego, się nie uda, nawet gdy te ustawienia są poprawne; z innych miejsc używaj zamiast tego serwera skrzynki smtpout.secureserver.net (poczta GoDaddy Workspace).
godaddy-s-hosting-relay-relay-bf34dea5 = Przekaźnik hostingowy GoDaddy (`relay-hosting.secureserver.net`) nie wymaga logowania: zostaw `userName` i `password` puste, z `port` ustawionym na `25` i `enableSsl` ustawionym na `false`.
godaddy-s-hosting-relay-takes-3c847b9e = Przekaźnik hostingowy GoDaddy przyjmuje pocztę tylko z witryn na hostingu Windows (Plesk) GoDaddy: test z każdego innego komputera, także z tego, zostaje odrzucony lub nie dostaje odpowiedzi, nawet gdy ustawienia są poprawne. Aby wysyłać z innych miejsc, użyj serwera swojej skrzynki GoDaddy, `smtpout.secureserver.net`, na porcie `587` z jej hasłem.
use-your-full-email-address-9cc07a72 = Użyj pełnego adresu e-mail i hasła do jego skrzynki. To serwer amerykański; użyj smtp.ionos.de lub smtp.ionos.co.uk, jeśli Twoja umowa jest zawarta w Niemczech lub Wielkiej Brytanii.
ionos-use-the-full-email-b3c824d1 = IONOS: użyj pełnego adresu e-mail jako `userName` i hasła skrzynki, z serwerem kraju Twojej umowy jako `host` (`smtp.ionos.com`, `smtp.ionos.de` lub `smtp.ionos.co.uk`).
always-use-ssl0-ovh-net-fc352534 = Zawsze używaj ssl0.ovh.net, a nie mail.twojadomena ani innego aliasu: certyfikat serwera jest ważny tylko dla ssl0.ovh.net.
ovhcloud-use-the-full-email-1d5e0353 = OVHcloud: użyj pełnego adresu e-mail jako `userName` i hasła skrzynki, z `host` ustawionym na `ssl0.ovh.net` (nazwa, dla której ważny jest jego certyfikat).

## src/providers/data/mailboxes.rs

your-full-yahoo-address-d7cae787 = pełny adres Yahoo
yahoo-needs-an-app-password-5227ae49 = Yahoo wymaga hasła aplikacji: utwórz je w ustawieniach zabezpieczeń konta Yahoo i użyj go jako hasła. Yahoo podaje port 465, którego ASP.NET nie może używać, więc tu jest 587.
yahoo-needs-an-app-password-a9531010 = Yahoo wymaga hasła aplikacji: na koncie Yahoo otwórz Account security → Generate app password i użyj go jako `password`, z pełnym adresem Yahoo jako `userName`.
yahoo-sends-only-from-the-63878b23 = Yahoo wysyła tylko z zalogowanego adresu: ustaw `from` na swój adres Yahoo.
your-full-aol-address-fa50843b = pełny adres AOL
aol-needs-an-app-password-41c701d9 = AOL wymaga hasła aplikacji: utwórz je w ustawieniach zabezpieczeń konta AOL (Generate app password) i użyj go jako hasła. AOL podaje port 465, którego ASP.NET nie może używać, więc tu jest 587.
aol-needs-an-app-password-a20054d0 = AOL wymaga hasła aplikacji: na koncie AOL otwórz Account security → Generate app password i użyj go jako `password`, z pełnym adresem AOL jako `userName`.
aol-sends-only-from-the-a21f14e3 = AOL wysyła tylko z zalogowanego adresu: ustaw `from` na swój adres AOL.
your-full-icloud-address-f5d710c5 = pełny adres iCloud
icloud-needs-an-app-specific-62349497 = iCloud wymaga hasła dla aplikacji: włącz uwierzytelnianie dwupoziomowe dla konta Apple, utwórz hasło na account.apple.com i użyj go jako hasła.
icloud-mail-needs-an-app-d109cc08 = Poczta iCloud wymaga hasła dla aplikacji: utwórz je na account.apple.com w Sign-In and Security → App-Specific Passwords i użyj pełnego adresu iCloud jako `userName`.
icloud-settings-custom-email-domain-e4eba0f0 = Ustawienia iCloud → Custom Email Domain → Twoja domena → View DNS records
for-zoho-accounts-in-the-112ccc5c = Dla kont Zoho w amerykańskim centrum danych (logujesz się na zoho.com). Poczta we własnej domenie (konto organizacji) używa zamiast tego smtppro.zoho.com. Przy logowaniu dwuetapowym użyj hasła dla aplikacji; port 465 nie zadziała z ASP.NET.
for-zoho-accounts-in-the-2a39fa43 = Dla kont Zoho w europejskim centrum danych (logujesz się na zoho.eu). Poczta we własnej domenie (konto organizacji) używa zamiast tego smtppro.zoho.eu. Przy logowaniu dwuetapowym użyj hasła dla aplikacji.
for-zoho-accounts-in-the-5b4baa13 = Dla kont Zoho w indyjskim centrum danych (logujesz się na zoho.in). Poczta we własnej domenie (konto organizacji) używa zamiast tego smtppro.zoho.in. Przy logowaniu dwuetapowym użyj hasła dla aplikacji.
for-zoho-accounts-in-the-824ee72a = Dla kont Zoho w australijskim centrum danych (logujesz się na zoho.com.au). Poczta we własnej domenie (konto organizacji) używa zamiast tego smtppro.zoho.com.au. Przy logowaniu dwuetapowym użyj hasła dla aplikacji.
for-zoho-accounts-in-the-bc25a75d = Dla kont Zoho w japońskim centrum danych (logujesz się na zoho.jp). Poczta we własnej domenie (konto organizacji) używa zamiast tego smtppro.zoho.jp. Przy logowaniu dwuetapowym użyj hasła dla aplikacji.
for-zoho-accounts-in-the-8b99c973 = Dla kont Zoho w kanadyjskim centrum danych (logujesz się na zohocloud.ca). Poczta we własnej domenie (konto organizacji) używa zamiast tego smtppro.zohocloud.ca. Przy logowaniu dwuetapowym użyj hasła dla aplikacji.
zoho-mail-use-your-full-9d10f739 = Zoho Mail: użyj pełnego adresu Zoho jako `userName`. Jeśli logowanie dwuetapowe jest włączone, utwórz hasło dla aplikacji w Zoho Accounts → Security i użyj go jako `password`. Użyj serwera swojego centrum danych (na przykład `smtp.zoho.eu` w Europie); konta organizacji we własnej domenie używają `smtppro.` zamiast `smtp.` (na przykład `smtppro.zoho.eu`).
zoho-mail-admin-console-domains-3edb7d85 = Zoho Mail Admin Console → Domains → Twoja domena → Email Configuration → DKIM
your-full-zoho-address-2831abcb = pełny adres Zoho
your-full-fastmail-address-87bad718 = pełny adres Fastmail
fastmail-needs-an-app-password-c4fb265b = Fastmail wymaga hasła aplikacji, tworzonego w ustawieniach Fastmail. Fastmail woli port 465, którego ASP.NET nie może używać; 587 jest obsługiwany i tego należy tu użyć.
fastmail-needs-an-app-password-38a5d0c4 = Fastmail wymaga hasła aplikacji: utwórz je w Settings → Privacy & Security → App passwords i użyj go jako `password`.
fastmail-settings-domains-your-domain-30304e86 = Fastmail Settings → Domains → Twoja domena → DNS records

## src/providers/data/services.rs

the-smtp-user-name-created-c3972fa4 = nazwa użytkownika SMTP utworzona w zasobie Communication Services
create-an-smtp-user-name-4f29e25b = Utwórz nazwę użytkownika SMTP w zasobie Communication Services (Settings → SMTP Usernames), powiązaną z aplikacją Microsoft Entra, która może wysyłać; hasło to klucz tajny klienta tej aplikacji, który wygasa, więc odnów go na czas. Wysyłaj z adresu MailFrom domeny e-mail połączonej z zasobem.
azure-communication-services-username-is-d8adb190 = Azure Communication Services: `userName` to nazwa użytkownika SMTP utworzona w zasobie Communication Services (Settings → SMTP Usernames) i powiązana z aplikacją Microsoft Entra, która może wysyłać; `password` to klucz tajny klienta tej aplikacji. Klucze tajne klienta wygasają: jeśli wcześniej działało, utwórz nowy klucz i użyj go.
azure-communication-services-sends-only-b76de958 = Azure Communication Services wysyła tylko z adresów MailFrom domeny e-mail połączonej z Twoim zasobem Communication Services: ustaw `from` na jeden z nich.
azure-portal-your-email-communication-068063dd = Portal Azure → Twoja usługa Email Communication Service → Provision domains → Twoja domena → Configure
your-ses-smtp-user-name-db55496a = nazwa użytkownika SMTP SES (nie klucz dostępu IAM)
replace-us-east-1-with-ed2f9ac7 = Zastąp us-east-1 regionem swojego konta SES i użyj danych logowania SMTP utworzonych w SES dla tego regionu, a nie kluczy dostępu IAM. Nowe konta są w piaskownicy (sandbox) i mogą wysyłać tylko na zweryfikowane adresy. Jeśli port 587 jest zablokowany tam, gdzie działa Twoja witryna, użyj portu 2587.
amazon-ses-needs-ses-smtp-0d3a593c = Amazon SES wymaga danych logowania SMTP SES, utworzonych w konsoli SES w SMTP settings dla regionu z `host`. Klucze dostępu IAM i dane logowania SMTP z innego regionu nie działają.
amazon-ses-sends-only-from-619c09dc = Amazon SES wysyła tylko ze zweryfikowanych tożsamości: zweryfikuj adres `from` lub jego domenę w konsoli SES. Dopóki konto jest w piaskownicy (sandbox, tryb próbny nowych kont), odbiorcy też muszą być zweryfikowani.
apikey-literally-183cf215 = apikey (dosłownie)
the-user-name-is-the-01bbc5c2 = Nazwa użytkownika to dokładnie słowo apikey; hasło to Twój klucz API SendGrid. Adres Od musi być zweryfikowanym nadawcą w SendGrid. Jeśli port 587 jest zablokowany tam, gdzie działa Twoja witryna, użyj portu 2525.
sendgrid-username-must-be-literally-7669598f = SendGrid: `userName` musi mieć dosłownie wartość `apikey` (a nie Twój login czy adres e-mail), a `password` to klucz API z uprawnieniem „Mail Send”, wklejony bez spacji.
sendgrid-sends-only-from-a-2e1be5ef = SendGrid wysyła tylko ze zweryfikowanej tożsamości nadawcy (Sender Identity): zweryfikuj adres `from` lub jego domenę w Settings → Sender Authentication.
sendgrid-settings-sender-authentication-d404dcdb = SendGrid → Settings → Sender Authentication → Authenticate Your Domain
your-domain-s-smtp-login-3df270ef = login SMTP Twojej domeny, np. postmaster@mg.twojadomena.com
use-the-smtp-credentials-of-abbc08bf = Użyj danych logowania SMTP swojej domeny wysyłkowej w Mailgun, a nie hasła do konta Mailgun. Jeśli port 587 jest zablokowany tam, gdzie działa Twoja witryna, użyj portu 2525.
for-mailgun-accounts-in-the-ac9d0345 = Dla kont Mailgun w regionie UE. Użyj danych logowania SMTP swojej domeny wysyłkowej w Mailgun, a nie hasła do konta Mailgun. Jeśli port 587 jest zablokowany tam, gdzie działa Twoja witryna, użyj portu 2525.
mailgun-needs-the-smtp-credentials-0df7462f = Mailgun wymaga danych logowania SMTP Twojej domeny wysyłkowej (na przykład `postmaster@mg.example.com`, w Sending → Domain settings → SMTP credentials), a nie hasła do konta Mailgun.
mailgun-sends-from-addresses-of-73f8735a = Mailgun wysyła z adresów Twojej zweryfikowanej domeny wysyłkowej: użyj jednego z nich jako `from`.
mailgun-sending-domains-your-domain-d2cc33b7 = Mailgun → Sending → Domains → Twoja domena → DNS records
your-server-api-token-1a2b5328 = Twój Server API Token
use-your-postmark-server-api-7df39770 = Użyj swojego Server API Token z Postmark zarówno jako nazwy użytkownika, jak i hasła. Jeśli port 587 jest zablokowany tam, gdzie działa Twoja witryna, użyj portu 2525.
postmark-use-your-server-api-a8ba1613 = Postmark: użyj swojego Server API Token zarówno jako `userName`, jak i `password`.
postmark-sends-only-from-a-17710e90 = Postmark wysyła tylko z potwierdzonej Sender Signature lub zweryfikowanej domeny: użyj jednej z nich jako `from`.
your-brevo-smtp-login-04933033 = Twój login SMTP Brevo
use-the-smtp-login-and-8b4085f4 = Użyj loginu SMTP i klucza SMTP z ustawień SMTP Brevo jako hasła; klucz API Brevo nie zadziała. Jeśli port 587 jest zablokowany tam, gdzie działa Twoja witryna, użyj portu 2525.
brevo-username-is-the-smtp-82151876 = Brevo: `userName` to login SMTP pokazany w SMTP & API, a `password` to klucz SMTP z tej samej strony (nie klucz API ani hasło do konta).
brevo-sends-only-from-a-ae02936a = Brevo wysyła tylko ze zweryfikowanego nadawcy lub domeny: użyj jednego z nich jako `from`.
brevo-senders-domains-dedicated-ips-cb7d426d = Brevo → Senders, Domains & Dedicated IPs → Domains → Authenticate
your-mailjet-api-key-b626b4b3 = Twój klucz API Mailjet
the-user-name-is-your-3794f252 = Nazwa użytkownika to Twój klucz API Mailjet, a hasło to jego klucz tajny, a nie Twój login Mailjet. Wysyłaj z adresu nadawcy lub domeny zweryfikowanych w Mailjet. Jeśli port 587 jest zablokowany tam, gdzie działa Twoja witryna, użyj portu 2525.
mailjet-username-is-your-mailjet-8fe11462 = Mailjet: `userName` to Twój klucz API Mailjet, a `password` to jego klucz tajny (w Account settings → API keys), a nie Twój login Mailjet.
mailjet-sends-only-from-a-c082e9b4 = Mailjet wysyła tylko ze zweryfikowanego adresu nadawcy lub domeny: zweryfikuj adres `from` w Mailjet albo użyj adresu, który jest zweryfikowany.
mailjet-account-settings-domains-spf-8cc2cce1 = Mailjet → Account settings → Domains → SPF/DKIM authentication
an-smtp-user-name-from-e7bd2eb0 = nazwa użytkownika SMTP z Sending → SMTP Users
use-an-smtp-user-created-2b1d0bc6 = Użyj użytkownika SMTP utworzonego w SMTP2GO (Sending → SMTP Users) i jego hasła, a nie loginu SMTP2GO, i wysyłaj ze zweryfikowanego nadawcy. Jeśli port 587 jest zablokowany tam, gdzie działa Twoja witryna, użyj portu 2525 (lub 8025).
smtp2go-use-an-smtp-user-e1a0c31b = SMTP2GO: użyj użytkownika SMTP z konta SMTP2GO (Sending → SMTP Users) jako `userName` i jego hasła jako `password`, a nie loginu SMTP2GO.
smtp2go-sends-only-from-verified-72be2dcc = SMTP2GO wysyła tylko od zweryfikowanych nadawców (Sending → Verified Senders): użyj jednego z nich jako `from`.

## src/providers/mod.rs

provider-also-takes-mail-on-0f1b4ef0 = { $provider } przyjmuje pocztę także na porcie `{ $port }`, który firmy hostingowe i dostawcy internetu rzadko blokują: zmień `port` na `{ $port }` i zostaw `enableSsl` ustawione na `true`.

## src/providers/preset.rs

use-the-outgoing-smtp-server-2aa81402 = Użyj serwera poczty wychodzącej (SMTP) podanego przez firmę hostingową lub dostawcę poczty, z portem 587 i włączonym SSL. Port 465 nie zadziała z ASP.NET.

## src/reply.rs

the-server-sent-something-that-6657f988 = serwer wysłał coś, co nie jest odpowiedzią SMTP: { $line }
the-server-s-reply-changed-e8449784 = odpowiedź serwera zmieniła kod w połowie ({ $first }, potem { $then })

## src/report/evidence.rs

tls-version-version-1ac0d9ba = wersja TLS: { $version }
cipher-cipher-1a1584a9 = szyfr: { $cipher }
not-encrypted-no-tls-was-4d14e875 = bez szyfrowania (nie nawiązano TLS)
warning-the-password-was-sent-58911bd4 = OSTRZEŻENIE: hasło zostało wysłane przez połączenie bez szyfrowania (dozwolone w tym teście)
certificate-subject-subject-2b3e305c = podmiot certyfikatu: { $subject }
certificate-names-names-85ad8f14 = nazwy w certyfikacie: { $names }
issued-by-issuer-db64a95a = wystawiony przez: { $issuer }
valid-from-start-until-end-41664af8 = ważny od { $start } do { $end }
expired-answer-7c3dd7c2 = wygasł: { $answer }
self-signed-answer-32e94d4a = podpisany samodzielnie: { $answer }
sha-256-fingerprint-fingerprint-59cf6063 = odcisk SHA-256: { $fingerprint }
certificate-problem-accepted-for-this-cf52b724 = problem z certyfikatem zaakceptowany tylko w tym teście: { $problem }
no-62366ffa = nie
none-received-a7fce227 = (nic nie odebrano)
greeting-banner-2adc54e6 = powitanie: { $banner }
ehlo-extensions-extensions-8ae23a31 = rozszerzenia EHLO: { $extensions }
sign-in-methods-offered-methods-958cc42d = oferowane metody logowania: { $methods }
message-id-of-the-test-1aaceb9a = Message-ID wiadomości testowej: { $id }
transcript-0583096b = Zapis rozmowy z serwerem
we-sent-the-server-answered-ea6e205d = `->` wysłaliśmy, `<-` serwer odpowiedział, `~>`/`<~` to samo po zaszyfrowaniu, `**` uwagi testera. Hasła są pokazywane jako `<redacted>`.

## src/report.rs

mail-settings-tester-support-report-9e850e75 = Raport Mail Settings Tester dla pomocy technicznej
made-by-mail-settings-tester-5d84e266 = Utworzony przez Mail Settings Tester { $version } dnia { $now } (UTC).
result-the-server-accepted-the-cb20d937 = Wynik: serwer przyjął wiadomość testową dla { $recipient } (po { $time }).
result-the-server-accepted-the-1ce20c7e = Wynik: serwer przyjął wiadomość testową dla { $recipient }, ale: { $summary } (po { $time }).
result-failed-summary-after-time-de3e18b7 = Wynik: NIEPOWODZENIE: { $summary } (po { $time }).
result-failed-after-time-e2d9ecdd = Wynik: NIEPOWODZENIE (po { $time }).
stopped-because-error-a65fdf46 = Zatrzymano z powodu: { $error }.
empty-c2b0def7 = (puste)
none-no-sign-in-4e7eb656 = (brak: bez logowania)
this-computer-s-name-94e552fc = (nazwa tego komputera)
set-not-included-b8037f8f = ustawione (nie dołączono)
not-set-ffa35e26 = nie ustawiono
another-mail-program-the-best-1cb12260 = inny program pocztowy (najlepsze, co oferuje serwer)
test-recipient-9b7a3c52 = odbiorca testu
connection-security-used-a0615d9e = użyte zabezpieczenie połączenia
tested-as-6d856e84 = testowano jako
time-limits-3bbef354 = limity czasu
connect-connect-s-greeting-greeting-0dacfa15 = połączenie { $connect } s, powitanie { $greeting } s, każde polecenie { $command } s
certificate-check-4f7d1e48 = sprawdzanie certyfikatu
off-invalid-certificates-were-accepted-60edc329 = wyłączone: akceptowano nieprawidłowe certyfikaty (witryna ich nie zaakceptuje)
on-61342fd0 = włączone
settings-4b058728 = Ustawienia
extra-trusted-certificate-authorities-pa-209717b3 = dodatkowe zaufane urzędy certyfikacji: { $path }
ok-663437af = ok
failed-d7e8fab4 = NIEPOWODZENIE
checklist-08a568ef = Lista kontrolna
each-step-c2d8e180 = Każdy etap:
total-time-f96defd0 = Razem: { $time }
diagnosis-547c3c9e = Diagnoza
no-problem-the-test-message-896ed3a9 = Brak problemu: wiadomość testowa została przyjęta.
suggested-change-e6662e4a = Proponowana zmiana:

## src/session/connect.rs

no-answer-from-dns-within-75b392c5 = brak odpowiedzi z DNS w ciągu { $secs } s
no-address-to-connect-to-d0980056 = brak adresu, z którym można się połączyć

## src/session/dialogue.rs

the-server-sent-more-data-5a7b3835 = serwer wysłał więcej danych przed uzgadnianiem TLS (znany atak na STARTTLS)
starttls-on-a-connection-that-57fec029 = STARTTLS na połączeniu, które jest już szyfrowane
this-tester-plain-or-login-6e2aba1f = ten tester (PLAIN lub LOGIN)

## src/session/error.rs

it-is-issued-for-names-7de28bc0 = jest wystawiony dla { $names }
no-authority-this-computer-trusts-c48ee76c = nie ręczy za niego żaden urząd certyfikacji, któremu ufa ten komputer
it-has-expired-fa8972c9 = wygasł
it-is-not-valid-yet-fb6edb7d = nie jest jeszcze ważny (albo zegar tego komputera jest źle ustawiony)
the-server-name-host-could-a0934279 = nie udało się znaleźć nazwy serwera { $host } ({ $detail })
the-connection-to-address-was-8ba9ec2a = połączenie z { $address } zostało odrzucone
no-answer-from-address-within-d9ebdf5c = brak odpowiedzi od { $address } w ciągu { $secs } s
could-not-connect-to-address-6fadcd41 = nie udało się połączyć z { $address }: { $detail }
connected-but-the-server-sent-3a9c719b = połączono, ale serwer nie przywitał się w ciągu { $secs } s
the-server-does-not-speak-565fe8c3 = serwer nie mówi SMTP: wysłał „{ $received }”
the-server-refused-step-name-6e46a071 = serwer odrzucił etap „{ $step_name }”: { $reply_text }
the-server-does-not-offer-a01d5bcc = serwer nie oferuje STARTTLS
the-tls-handshake-failed-detail-c2ab11a8 = uzgadnianie TLS się nie udało: { $detail }
the-server-offers-only-outdated-4185f3ec = serwer oferuje tylko przestarzałe szyfrowanie (TLS 1.0 lub 1.1): { $detail }
the-server-offers-no-sign-d563271c = serwer nie oferuje logowania (AUTH) na tym połączeniu
the-server-offers-only-sign-2930a676 = serwer oferuje tylko metody logowania, których { $target_name } nie może użyć: { $methods }
stopped-before-sending-the-password-bc00d9ef = zatrzymano przed wysłaniem hasła przez połączenie bez szyfrowania
the-server-asked-for-more-f9503699 = serwer poprosił o coś więcej po haśle: { $reply_text }
the-server-refused-the-oauth-b0c17084 = serwer odrzucił token OAuth ({ $mechanism_name }): { $reply_text }
the-server-offers-no-oauth-226d3d86 = serwer nie oferuje tu logowania OAuth (oferuje: { $methods })
stopped-before-sending-the-oauth-6d6be392 = zatrzymano przed wysłaniem tokenu OAuth przez połączenie bez szyfrowania
the-server-closed-the-connection-9fea2761 = serwer zamknął połączenie na etapie „{ $step_name }”
no-reply-to-step-name-b95e1dc7 = brak odpowiedzi na etapie „{ $step_name }” w ciągu { $secs } s
cancelled-during-step-name-f3828dd3 = anulowano na etapie „{ $step_name }”
the-certificate-file-path-could-de00273b = nie udało się użyć pliku certyfikatu { $path }: { $detail }
role-words-address-cannot-be-cc200543 = { $role_words } { $address } nie może zostać wysłany: { $reason }
the-server-broke-the-smtp-275bfdfe = serwer złamał zasady SMTP na etapie „{ $step_name }”: { $detail }

## src/session/mod.rs

a-reply-went-on-for-a3229ee0 = odpowiedź ciągnęła się przez ponad { $lines } wierszy
a-reply-line-was-far-289873fe = wiersz odpowiedzi był o wiele za długi

## src/session/report.rs

enablessl-is-off-2a22ebcd = enableSsl jest wyłączone
encryption-is-off-21238599 = szyfrowanie jest wyłączone
no-user-name-289a6df8 = brak nazwy użytkownika
not-offered-before-encryption-c28ccb4d = nieoferowane przed szyfrowaniem
server-offers-no-sign-in-676667ab = serwer nie oferuje logowania
no-usable-method-sent-without-972e3aeb = brak użytecznej metody logowania; wysłano bez logowania
sign-in-refused-sent-without-efec03b6 = logowanie odrzucone; wysłano bez logowania

## src/session/tls.rs

tls-set-up-failed-error-26855cd2 = nie udało się nawiązać TLS ({ $error })
no-usable-certificate-authority-error-61ef141b = brak urzędu certyfikacji, którego można użyć ({ $error })
a-certificate-in-it-is-c93dd3fb = certyfikat w nim nie nadaje się do użycia ({ $error })
it-is-not-a-valid-a66d7d8b = to nie jest poprawny plik PEM ({ $error })
it-holds-no-certificate-a-4f817e2a = nie zawiera certyfikatu: oczekiwano pliku PEM (-----BEGIN CERTIFICATE-----) lub pliku DER .cer
host-is-not-a-valid-8d44e3b8 = { $host } nie jest poprawną nazwą TLS ({ $error })

## src/settings/address.rs

the-sender-address-from-a6cf0f74 = adres nadawcy (from)
the-test-recipient-c65aed6f = odbiorca testu
only-smtputf8-could-carry-it-b02a2e58 = mógłby go przenieść tylko SMTPUTF8, a ten serwer nie oferuje SMTPUTF8
only-smtputf8-could-carry-it-649eaab3 = mógłby go przenieść tylko SMTPUTF8, a ASP.NET domyślnie nie używa SMTPUTF8
it-cannot-be-written-into-48e65563 = nie da się go zapisać w wiadomości testowej
international-domain-the-test-sends-a7641d49 = Domena międzynarodowa: test wysyła { $address } jako { $ascii }, w postaci, którą odczyta każdy serwer poczty.
address-has-letters-outside-plain-6471a7d7 = { $address } ma przed @ litery spoza podstawowego alfabetu łacińskiego. Moduł wysyłania poczty ASP.NET odrzuca taki adres, chyba że ustawiono deliveryFormat="International" (ASP.NET 4.5 lub nowszy), a serwer poczty oferuje SMTPUTF8 (adresy międzynarodowe). Test pokazuje, na co trafi Twoja witryna.
address-has-letters-outside-plain-5f9c2f60 = { $address } ma przed @ litery spoza podstawowego alfabetu łacińskiego: przyjąć go może tylko serwer poczty, który oferuje SMTPUTF8 (adresy międzynarodowe). Test sprawdza, czy ten serwer go oferuje.

## src/settings/ehlo_name.rs

typed-is-not-a-valid-ac381f52 = „{ $typed }” nie jest poprawną nazwą komputera dla clientDomain. Zostaw pole puste, aby użyć nazwy tego komputera.
asp-net-introduces-itself-to-bad9a806 = ASP.NET przedstawia się serwerowi wartością clientDomain dokładnie taką, jaka jest („{ $typed }”), a serwery takie jak Exim odrzucają sam adres IP w EHLO (powitaniu, w którym Twoja witryna podaje swoją nazwę); użyj nazwy domeny swojej witryny, na przykład www.example.com, albo zostaw clientDomain puste.
the-test-introduces-itself-as-38df7222 = Test przedstawia się jako { $literal }, w postaci, jakiej serwery poczty oczekują dla adresu IP.
many-mail-servers-exim-among-1f6f2699 = Wiele serwerów poczty (w tym Exim) odpowiada 501 i odrzuca „{ $typed }” jako nazwę tego komputera: nazwa może zawierać tylko litery, cyfry, łączniki i kropki, a nie { $characters }. Użyj nazwy domeny swojej witryny, na przykład www.example.com, albo zostaw clientDomain puste, aby użyć nazwy tego komputera.

## src/settings/validate.rs

host-is-not-a-valid-702a75f3 = „{ $host }” nie jest poprawną nazwą serwera. Sprawdź, czy nie ma w niej literówek.
enter-the-mail-server-s-216e5a0c = Wpisz nazwę serwera poczty (host), na przykład smtp.example.com.
enter-only-the-server-s-c06d5777 = Wpisz tylko nazwę serwera: usuń „{ $scheme }://” (host w web.config nigdy tego nie ma).
the-server-name-cannot-contain-a669d667 = Nazwa serwera nie może zawierać spacji. Skopiuj ją ponownie z instrukcji dostawcy.
this-looks-like-an-email-923d668e = To wygląda na adres e-mail. Host to nazwa serwera poczty, na przykład smtp.example.com.
the-server-name-cannot-contain-3b89a0a4 = Nazwa serwera nie może zawierać „/”. Wpisz tylko nazwę, na przykład smtp.example.com.
put-the-port-in-the-4cc5c678 = Wpisz port w polu Port: host „{ $name }”, port { $port }.
international-name-the-test-connects-a9390765 = Nazwa międzynarodowa: test łączy się z jej postacią ASCII { $ascii }.
port-port-does-not-exist-b3dfc373 = Port { $port } nie istnieje: porty mają numery od 1 do 65535. Serwery poczty zwykle używają 587.
defaultcredentials-is-true-so-web-2cc7e682 = defaultCredentials ma wartość true, więc web.config pomija userName i password i loguje się jako konto Windows. Ustaw defaultCredentials na false, aby użyć nazwy użytkownika.
defaultcredentials-true-signs-in-as-bdc7611b = defaultCredentials="true" loguje się jako konto Windows witryny, czego ten test nie potrafi: wysyła bez logowania.
a-user-name-is-set-73cdd5ba = Nazwa użytkownika jest ustawiona, ale hasło jest puste. Wpisz hasło do skrzynki.
a-password-is-set-but-71fbceb3 = Hasło jest ustawione, ale userName jest puste, więc hasło nigdy nie zostanie użyte. Wpisz nazwę użytkownika (zwykle pełny adres e-mail).
oauth-signs-in-as-a-2df4a59e = OAuth loguje się jako skrzynka: wpisz jej pełny adres jako nazwę użytkownika.
oauth-sign-in-needs-an-b27182ff = Logowanie OAuth wymaga tokenu dostępu, a go nie ma. Najpierw zaloguj się u dostawcy albo wklej token.
asp-net-s-mail-sender-df5acecb = Moduł wysyłania poczty ASP.NET (web.config) nie potrafi logować się przez OAuth. Ten test sprawdza skrzynkę i token tak, jak użyłby ich program, który to potrafi (np. MailKit).
address-is-not-a-valid-f804de19 = „{ $address }” nie jest poprawnym adresem e-mail nadawcy (from). Powinien wyglądać jak nazwa@example.com.
address-is-not-a-valid-5cf84c0a = „{ $address }” nie jest poprawnym adresem e-mail odbiorcy testu. Powinien wyglądać jak nazwa@example.com.
enter-the-sender-address-from-92b57a8d = Wpisz adres nadawcy (from), zwykle skrzynkę, do której się logujesz. Jeśli Twój web.config nie ma from, nadawcę ustawia kod witryny: wpisz ten adres.
asp-net-system-net-mail-ee4b87b2 = ASP.NET (System.Net.Mail) nie obsługuje SSL od połączenia. Użyj portu 587 z enableSsl="true" albo wybierz ogólny cel, aby testować inne programy.
asp-net-cannot-use-port-85b5d0bc = ASP.NET nie może używać portu 465: czeka na powitanie, które nigdy nie nadchodzi. Test zachowa się tak samo. Użyj portu 587 z enableSsl="true".
starttls-was-chosen-which-means-be6ff6d5 = Wybrano STARTTLS, co oznacza enableSsl="true" w web.config.
certificate-checks-are-off-the-cee3d463 = Sprawdzanie certyfikatów jest wyłączone: połączenie nie jest chronione przed oszustami. Twoja witryna i tak sprawdzi certyfikat i wysyłanie może się nie udać.
deliverymethod-is-not-network-so-15953ca7 = deliveryMethod nie ma wartości „Network”, więc witryna zapisuje pocztę do folderu, zamiast ją wysyłać. Ustaw deliveryMethod="Network", aby wysyłać przez ten serwer.
a-timeout-of-0-seconds-d34a129a = Limit czasu 0 sekund za każdym razem kończyłby się niepowodzeniem. Użyj co najmniej 1 sekundy (zwykle 10).
timeouts-above-600-seconds-are-94fe3d7e = Limity czasu powyżej 600 sekund nie są przydatne w teście. Użyj od 10 do 60 sekund.

## src/settings.rs

no-encryption-7b0eebe3 = bez szyfrowania
asp-net-core-net-5-d85df409 = ASP.NET Core / .NET 5 lub nowszy

## src/snippet/django.rs

set-only-one-of-email-74ec3c21 = Ustaw na True tylko jedno z EMAIL_USE_TLS (STARTTLS, port 587) i EMAIL_USE_SSL (SSL od połączenia, port 465): przy obu Django się uruchamia, ale przy pierwszym wysyłaniu zgłasza błąd („EMAIL_USE_TLS/EMAIL_USE_SSL are mutually exclusive”).

## src/snippet/format.rs

php-code-bda6edbc = Kod PHP
put-it-inside-configuration-if-e1efa961 = Wstaw to wewnątrz <configuration>. Jeśli jest tam już blok <system.net>, zastąp tylko znajdujący się w nim blok <mailSettings>, a resztę (np. <defaultProxy>) zostaw.
put-this-where-your-php-d17fc47f = Wstaw to tam, gdzie Twój kod PHP tworzy obiekt PHPMailer (PHPMailer 6.1 lub nowszy: stałe ENCRYPTION_ pojawiły się w 6.1), przed $mail->send().
put-this-in-wp-config-b7c7c865 = Wstaw to w wp-config.php nad wierszem /* That's all, stop editing! */ (wymaga wtyczki WP Mail SMTP).
put-this-in-the-env-50652e7d = Wstaw to do pliku .env w katalogu głównym witryny Laravel, zastępując istniejące wiersze MAIL_, a potem uruchom php artisan config:clear.
put-this-in-your-project-96ff8c78 = Wstaw to do settings.py swojego projektu, zastępując istniejące ustawienia EMAIL_.
put-this-where-your-node-9137efc0 = Wstaw to tam, gdzie Twój kod Node.js tworzy transport Nodemailer, a potem wysyłaj przez transporter.sendMail({"{"} to, subject, text {"}"}).
put-this-line-in-env-903522da = Wstaw ten wiersz do .env.local (albo ustaw MAILER_DSN jako zmienną środowiskową), zastępując istniejący MAILER_DSN.
put-the-smtp-section-into-f2c2e121 = Wstaw sekcję "Smtp" do appsettings.json, obok istniejących sekcji.

## src/snippet/laravel.rs

laravel-11-and-12-no-a3768a2e = Laravel 11 i 12 nie odczytują już MAIL_ENCRYPTION: używają MAIL_SCHEME. Oba wiersze są tutaj, aby blok działał w każdej wersji; jeśli zmieniasz jeden, zmień też drugi.
laravel-10-and-older-use-0b26f05b = Laravel 10 i starsze używają SSL od połączenia tylko na porcie 465; na porcie { $port } potrafi to tylko Laravel 11+ (MAIL_SCHEME=smtps).
laravel-s-env-turns-the-d5129581 = Funkcja env() w Laravel zamienia wartość { $key } na coś innego (true, false, null, puste albo wartość w cudzysłowie traci cudzysłowy): wpisz ją zamiast tego bezpośrednio w config/mail.php.

## src/snippet/mailkit.rs

connect-with-mailkit-like-this-a0f2b3b0 = Połącz się przez MailKit w ten sposób: client.Connect(smtp.Host, smtp.Port, SecureSocketOptions.{ $options }); client.Authenticate(smtp.UserName, smtp.Password);
connect-with-mailkit-like-this-a3cc5a4d = Połącz się przez MailKit w ten sposób: client.Connect(smtp.Host, smtp.Port, SecureSocketOptions.{ $options });
do-not-write-client-connect-63e694a6 = Nie pisz client.Connect(host, 587, useSsl: true): w MailKit useSsl: true oznacza SSL od połączenia, które na porcie 587 się nie uda. enableSsl="true" z web.config to SecureSocketOptions.StartTls.
asp-net-core-does-not-b7e6cf14 = ASP.NET Core nie odczytuje <mailSettings> z web.config: tę sekcję musi odczytać kod witryny.

## src/snippet/nodemailer.rs

secure-true-is-only-for-51c29ab8 = secure: true jest tylko dla SSL od połączenia (port 465); przy STARTTLS musi pozostać false, inaczej połączenie kończy się błędem „wrong version number”.
with-secure-false-nodemailer-still-512f72f5 = Przy secure: false Nodemailer i tak przełącza się na STARTTLS, gdy serwer je oferuje; dodaj ignoreTLS: true tylko wtedy, gdy to się nie udaje, a akceptujesz połączenie bez szyfrowania.

## src/snippet/oauth/django.rs

put-this-in-your-project-1413375b = Wstaw to do settings.py swojego projektu, zastępując istniejące ustawienia EMAIL_.
the-app-needs-microsoft-graph-5db04e0a = Aplikacja potrzebuje uprawnienia aplikacji Mail.Send w Microsoft Graph ze zgodą administratora (nie SMTP.SendAsApp: ten backend nie używa SMTP). Mail.Send pozwala aplikacji wysyłać jako dowolna skrzynka Twojej organizacji, chyba że administrator ograniczy je do tej jednej.
django-o365mail-signs-in-as-58cbac5f = django-o365mail loguje się jako sama aplikacja (app-only), a nie jako osoba: token odświeżania nie jest potrzebny.
without-a-package-azure-communication-7d86afb5 = Bez pakietu: SMTP Azure Communication Services (smtp.azurecomm.net, port 587, STARTTLS) przyjmuje nazwę użytkownika i hasło, więc działa z nim wbudowany backend SMTP Django (EMAIL_HOST_USER = ACS SMTP Username, EMAIL_HOST_PASSWORD = klucz tajny klienta aplikacji Entra); usługa przekaźnika działa tak samo.
enable-the-gmail-api-in-4ecc65d4 = Włącz Gmail API w projekcie Google Cloud i raz utwórz token odświeżania skryptem pakietu (gmail_oauth2 --generate_oauth2_token), logując się jako skrzynka.
without-a-package-google-still-88def8b2 = Bez pakietu: Google nadal przyjmuje hasło aplikacji (przy włączonej weryfikacji dwuetapowej), którego może użyć wbudowany backend SMTP Django.

## src/snippet/oauth/laravel.rs

four-parts-each-in-its-a587b09b = Cztery części, każda we własnym pliku: wiersze do .env, mailer do config/mail.php (wewnątrz 'mailers' => [...]), kod do metody boot() w app/Providers/AppServiceProvider.php oraz klasa app/Mail/FreshTokenXOAuth2Authenticator.php. Potem uruchom php artisan config:clear.
laravel-through-symfony-mailer-cannot-d46f9f68 = Laravel (przez Symfony Mailer) nie potrafi sam pobrać tokenu OAuth, a token jest ważny tylko około godziny: ten własny transport pobiera świeży token przy każdym połączeniu. Wymaga Laravel 9 lub nowszego z symfony/mailer 6.3 lub nowszym (Laravel 11 i nowsze go mają; w Laravel 10 uruchom composer update symfony/mailer).

## src/snippet/oauth/mailkit.rs

put-the-smtp-section-the-c60f3059 = Wstaw sekcję "Smtp" (część JSON) do appsettings.json, zastępując istniejącą sekcję "Smtp"; dodaj klasę C# do projektu i zarejestruj ją: builder.Services.AddSingleton<OAuthMailSender>();
this-uses-app-only-sign-823f2f67 = Używa to logowania app-only (witryna loguje się we własnym imieniu), czyli tego, czego potrzebuje witryna: logowanie delegowane wymagałoby osoby przy przeglądarce i pamięci podręcznej tokenów.
keep-the-client-secret-out-d02d7bb5 = Nie trzymaj klucza tajnego klienta w appsettings.json we współdzielonym repozytorium: zastąpią go dotnet user-secrets, zmienna środowiskowa (Smtp__ClientSecret) albo magazyn kluczy (key vault).
do-not-connect-with-usessl-3f8b4515 = Nie łącz się z useSsl: true na porcie 587: w MailKit oznacza to SSL od połączenia. STARTTLS to SecureSocketOptions.StartTls, jak w sekcji.
appsettings-json-and-c-mailkit-ca0b1f7c = appsettings.json i C# (MailKit)

## src/snippet/oauth/nodemailer.rs

put-this-in-your-node-c0ffada9 = Wstaw to do kodu Node.js i wysyłaj przez await sendMail({"{"} to, subject, text {"}"}). Zainstaluj raz: npm install nodemailer @azure/msal-node
put-this-where-your-node-185c1777 = Wstaw to tam, gdzie Twój kod Node.js tworzy transport Nodemailer, a potem wysyłaj przez transporter.sendMail({"{"} to, subject, text {"}"}). Nodemailer sam odnawia token.
node-js-code-nodemailer-7e94db6a = Kod Node.js (Nodemailer)

## src/snippet/oauth/notes.rs

oauth-means-signing-in-through-7580ed84 = OAuth oznacza logowanie przez { $who } zamiast hasłem do skrzynki: witryna prosi { $who } o krótko ważny token, podając identyfikator i klucz tajny aplikacji (żadna osoba się nie loguje), i loguje się tym tokenem.
oauth-means-signing-in-through-828dd6c6 = OAuth oznacza logowanie przez własną stronę { $who } zamiast hasłem: właściciel skrzynki loguje się raz, witryna przechowuje token odświeżania i używa go do uzyskiwania krótko ważnych tokenów.
replace-placeholder-with-the-app-d5a0af53 = Zastąp { $placeholder } kluczem tajnym klienta aplikacji. Jest pominięty, aby fragmentem kodu można było bezpiecznie się dzielić; nie umieszczaj go w plikach, które udostępniasz lub zatwierdzasz w repozytorium (lepsza jest zmienna środowiskowa lub magazyn sekretów).
replace-placeholder-with-the-refresh-50c0846a = Zastąp { $placeholder } tokenem odświeżania, który dostajesz, gdy właściciel skrzynki raz zaloguje się do aplikacji (trzymaj go w tajemnicy jak hasło).
replace-placeholder-with-the-app-dd0be73d = Zastąp { $placeholder } identyfikatorem klienta aplikacji (Application (client) ID, na stronie Overview aplikacji w centrum administracyjnym Microsoft Entra).
replace-placeholder-with-the-app-e2337baa = Zastąp { $placeholder } identyfikatorem klienta aplikacji (z klienta OAuth w konsoli Google Cloud, APIs & Services → Credentials).
replace-placeholder-with-the-directory-163145f4 = Zastąp { $placeholder } wartością Directory (tenant) ID ze strony Overview aplikacji (albo swoją domeną, np. example.onmicrosoft.com).
replace-placeholder-with-the-mailbox-bbe7cc54 = Zastąp { $placeholder } adresem skrzynki, z której wysyła witryna.
google-has-no-app-only-ba6e748c = Google nie ma logowania app-only dla zwykłej skrzynki: wymagałoby to konta usługi Google Workspace z delegowaniem w całej domenie, skonfigurowanego przez administratora Workspace. Dlatego tutaj logowanie odbywa się jako skrzynka (delegowane).
app-only-sign-in-needs-ad5c921d = Logowanie app-only wymaga jednorazowej konfiguracji przez administratora Microsoft 365: uprawnienia SMTP.SendAsApp, zgody administratora i dostępu aplikacji do tej skrzynki w Exchange (zobacz kroki konfiguracji).
the-app-registration-needs-the-f7d5f684 = Rejestracja aplikacji wymaga uprawnienia delegowanego SMTP.Send, a o token odświeżania trzeba prosić z zakresami https://outlook.office.com/SMTP.Send i offline_access.
the-google-oauth-client-needs-6e9d68ed = Klient OAuth Google potrzebuje zakresu { $scope }. Dopóki ekran zgody OAuth Google jest w trybie „Testing”, tokeny odświeżania wygasają po 7 dniach: opublikuj aplikację, zanim zaczniesz na tym polegać.
smtp-sign-in-smtp-auth-976b28fe = Logowanie SMTP (SMTP AUTH) musi pozostać włączone dla skrzynki, także przy OAuth: Set-CASMailbox -SmtpClientAuthenticationDisabled $false.
the-tested-connection-was-not-ee5febd4 = Testowane połączenie nie było szyfrowane: tokeny OAuth nie mogą przechodzić przez sieć bez szyfrowania, więc tu użyto STARTTLS. Przetestuj port 587 ze STARTTLS (albo 465 z SSL od połączenia), zanim zaczniesz na tym polegać.
while-the-google-oauth-consent-d3b7b869 = Dopóki ekran zgody OAuth Google jest w trybie „Testing”, tokeny odświeżania wygasają po 7 dniach: opublikuj aplikację, zanim zaczniesz na tym polegać.

## src/snippet/oauth/php_token.rs

the-token-request-uses-php-264e594e = Żądanie tokenu używa funkcji PHP file_get_contents z adresem https://: opcja PHP allow_url_fopen musi być włączona (domyślnie jest), a serwer musi móc połączyć się z punktem końcowym tokenów.

## src/snippet/oauth/phpmailer.rs

put-this-where-your-php-021b3499 = Wstaw to tam, gdzie Twój kod PHP tworzy obiekt PHPMailer (PHPMailer 6.6 lub nowszy: OAuthTokenProvider pojawił się w 6.6), przed $mail->send(); wiersze use umieść na początku pliku.
put-this-where-your-php-e46cf1ca = Wstaw to tam, gdzie Twój kod PHP tworzy obiekt PHPMailer (PHPMailer 6 z Composerem), przed $mail->send(); wiersze use umieść na początku pliku.
phpmailer-s-own-oauth-class-d202c98f = Własna klasa OAuth PHPMailera działa tylko z tokenem odświeżania (ktoś loguje się raz); do logowania app-only mała klasa AppOnlyOAuthToken prosi tutaj Microsoft o token, podając identyfikator i klucz tajny aplikacji.
get-the-refresh-token-once-daf7ceaf = Uzyskaj token odświeżania raz za pomocą get_oauth_token.php z PHPMailera (jest dołączony do PHPMailera): umieść go na swojej witrynie, dodaj jego adres do adresów przekierowania (redirect URIs) aplikacji, otwórz go, wybierz { $provider } i zaloguj się jako skrzynka. Potem usuń skrypt.
microsoft-sends-only-as-the-720b52d1 = Microsoft wysyła tylko jako skrzynka, która się loguje (albo adres, z którego może wysyłać): zostaw setFrom na tym adresie.

## src/snippet/oauth/setup.rs

open-the-microsoft-entra-admin-56e219d9 = Otwórz centrum administracyjne Microsoft Entra (entra.microsoft.com) → App registrations → New registration. Nadaj nazwę (na przykład „Poczta witryny”), zostaw „Accounts in this organizational directory only” i zarejestruj. Jej strona Overview pokazuje Application (client) ID i Directory (tenant) ID: witryna potrzebuje obu.
open-the-microsoft-entra-admin-830973c3 = Otwórz centrum administracyjne Microsoft Entra (entra.microsoft.com) → App registrations i otwórz aplikację, której Application (client) ID to { $client_id } (albo ją utwórz: New registration, „Accounts in this organizational directory only”). Zanotuj Directory (tenant) ID z jej strony Overview: witryna go potrzebuje.
open-the-microsoft-entra-admin-566fe1a1 = Otwórz centrum administracyjne Microsoft Entra (entra.microsoft.com) → App registrations i otwórz aplikację, której Application (client) ID to { $client_id } (albo ją utwórz: New registration, „Accounts in this organizational directory only”). Jej Directory (tenant) ID powinien mieć wartość { $tenant }.
in-the-app-api-permissions-e2b91c93 = W aplikacji: API permissions → Add a permission → APIs my organization uses → wyszukaj „Office 365 Exchange Online” → Application permissions → zaznacz SMTP.SendAsApp → Add permissions.
still-on-api-permissions-click-3f5fb2d8 = Nadal w API permissions kliknij „Grant admin consent” dla swojej organizacji (może to zrobić tylko administrator).
certificates-secrets-new-client-secret-12e13caf = Certificates & secrets → New client secret. Od razu skopiuj jego Value (jest pokazywana tylko ten jeden raz) i wstaw ją tam, skąd witryna odczytuje klucz tajny klienta. Zapisz datę wygaśnięcia w kalendarzu: gdy klucz wygaśnie, witryna przestanie wysyłać, dopóki nie utworzysz nowego.
enterprise-applications-not-app-registra-0ee3ad08 = Enterprise applications (nie App registrations) → otwórz tę samą aplikację → skopiuj jej Object ID. Object ID z App registration to inna liczba i powoduje niepowodzenie logowania. Zastępuje on { $placeholder } poniżej.
in-powershell-install-the-exchange-208056fd = W PowerShell zainstaluj moduł Exchange Online (raz) i zaloguj się jako administrator Exchange.
tell-exchange-about-the-app-7738c8e6 = Zarejestruj aplikację w Exchange (jej jednostkę usługi, service principal).
let-the-app-use-the-0b50e2fa = Pozwól aplikacji używać skrzynki { $mailbox }.
make-sure-smtp-sign-in-b85ae76e = Upewnij się, że logowanie SMTP (SMTP AUTH) jest włączone dla skrzynki: OAuth też go wymaga.

## src/snippet/oauth/symfony.rs

save-the-first-part-as-bebdcc14 = Zapisz pierwszą część jako src/Mailer/FreshTokenXOAuth2Authenticator.php; drugiej części użyj tam, gdzie Twój kod wysyła pocztę, zamiast mailera zbudowanego z MAILER_DSN.
symfony-mailer-cannot-fetch-an-653576c6 = Symfony Mailer nie potrafi sam pobrać tokenu OAuth: jego logowanie XOAUTH2 przyjmuje hasło jako token, a token jest ważny tylko około godziny. Ta mała klasa pobiera świeży token przy każdym połączeniu. Wymaga symfony/mailer 6.3 lub nowszego (setAuthenticators).
php-code-symfony-mailer-69a187c6 = Kod PHP (Symfony Mailer)

## src/snippet/oauth/web_config.rs

put-it-inside-configuration-replacing-fa45570d = Wstaw to wewnątrz <configuration>, zastępując istniejący blok <system.net> <mailSettings> (wszystko inne wewnątrz <system.net>, np. <defaultProxy>, zostaw).
asp-net-s-mail-sender-22b9064f = Moduł wysyłania poczty ASP.NET (System.Net.Mail, który odczytuje web.config) nie potrafi logować się przez OAuth (prośba o to, zgłoszenie dotnet/runtime 76253, jest otwarta od 2022), a sam Microsoft zaleca zamiast niego MailKit (wytyczne DE0005).
way-out-1-create-an-4ee187a7 = Wyjście 1: utwórz hasło aplikacji dla skrzynki (App passwords, w ustawieniach zabezpieczeń konta Google) i wstaw je w miejsce { $placeholder }. Administrator Workspace może zabronić haseł aplikacji: wtedy użyj usługi przekaźnika lub MailKit.
asp-net-cannot-use-port-3fcf6280 = ASP.NET nie może używać portu 465 (SSL od połączenia), więc zamiast niego używany jest port 587 z enableSsl="true".
way-out-1-azure-communication-18094b5e = Wyjście 1, SMTP Azure Communication Services (smtp.azurecomm.net, port 587, enableSsl="true"): w portalu Azure utwórz Email Communication Service ze swoją domeną i zasób Communication Services, daj aplikacji Entra do niego dostęp i utwórz SMTP Username. Wtedy userName to ten SMTP Username, a password to klucz tajny klienta aplikacji (zastąp { $user_placeholder } i { $secret_placeholder }). Adres Od musi być w domenie zweryfikowanej w ACS.
way-out-2-a-relay-7b644bf3 = Wyjście 2, usługa przekaźnika (SendGrid, Brevo, Mailgun, Amazon SES, SMTP2GO, ...): wpisz jej host, port 587, enableSsl="true" oraz jej nazwę użytkownika SMTP i hasło lub klucz w elemencie <network>.
way-out-3-an-exchange-c0be45f4 = Wyjście 3, connector Exchange: administrator tworzy w Exchange Online connector przychodzący, który przyjmuje pocztę ze stałego adresu IP serwera WWW; witryna wysyła wtedy do <Twoja domena>.mail.protection.outlook.com na port 25 bez userName i password (enableSsl="true" też tam działa).
way-out-4-high-volume-cdeb9bee = Wyjście 4, High Volume Email (smtp-hve.office365.com, port 587): nadal przyjmuje hasło, ale doręcza tylko na adresy wewnątrz Twojej organizacji.
way-out-5-move-the-166eb8f2 = Wyjście 5: przenieś kod poczty witryny do MailKit, który loguje się przez OAuth (kod jest na karcie ASP.NET Core; MailKit działa też na .NET Framework 4.x).

## src/snippet/oauth/wordpress.rs

put-this-in-wp-config-7f22d207 = Wstaw to w wp-config.php nad wierszem /* That's all, stop editing! */ (wymaga wtyczki WP Mail SMTP), zastępując istniejące wiersze WPMS_.
with-wp-mail-smtp-the-c123677e = W WP Mail SMTP logowanie odbywa się na stronie ustawień wtyczki: postępuj według jej kroków, a nie konfiguracji app-only dla SMTP (SMTP.SendAsApp).
steps-1-in-the-google-54eefa59 = Kroki: 1. W konsoli Google Cloud utwórz projekt, włącz Gmail API i utwórz identyfikator klienta OAuth typu „Web application”. 2. Skopiuj „Authorized redirect URI” pokazany w ustawieniach WP Mail SMTP do „Authorized redirect URIs” klienta. 3. Wklej powyżej identyfikator klienta i klucz tajny. 4. W ustawieniach WP Mail SMTP użyj przycisku, aby zalogować się kontem Google skrzynki i pozwolić wtyczce wysyłać.
steps-1-in-the-microsoft-ea0ecf6c = Kroki: 1. W centrum administracyjnym Microsoft Entra: App registrations → New registration. 2. Dodaj adres przekierowania (redirect URI) i uprawnienia wymienione na stronie ustawień Outlook w WP Mail SMTP. 3. Certificates & secrets → New client secret; wklej powyżej identyfikator klienta i klucz tajny. 4. W ustawieniach WP Mail SMTP użyj przycisku, aby zalogować się kontem Microsoft skrzynki.
the-outlook-mailer-is-part-f00ba925 = Mailer Outlook jest dostępny tylko w WP Mail SMTP Pro. Bez Pro: SMTP Azure Communication Services (smtp.azurecomm.net, port 587, STARTTLS) działa z mailerem „Other SMTP” wtyczki oraz nazwą użytkownika i hasłem.
nothing-in-wp-config-php-e750f8c3 = Nic w wp-config.php nie loguje się: wtyczka przechowuje logowanie uzyskane na stronie ustawień, więc powtórz krok 4, jeśli wysyłanie przestanie działać (na przykład po wygaśnięciu klucza tajnego).

## src/snippet/parts.rs

from-is-empty-the-website-80fe4bb0 = from jest puste: kod witryny musi wtedy sam ustawić nadawcę.
replace-placeholder-with-the-mailbox-0d73c02b = Zastąp { $placeholder } hasłem do skrzynki (jest pominięte, aby fragmentem kodu można było bezpiecznie się dzielić).
defaultcredentials-signing-in-as-the-f49dc854 = defaultCredentials (logowanie jako konto Windows) istnieje tylko w web.config ASP.NET: ten fragment kodu się nie loguje. Wpisz nazwę użytkownika i hasło, jeśli serwer ich wymaga.
no-encryption-the-password-crosses-60b57264 = Bez szyfrowania: hasło przechodzi przez sieć niezaszyfrowane. Użyj STARTTLS lub SSL od połączenia, jeśli serwer je oferuje.
port-465-is-for-ssl-d3d922fc = Port 465 jest dla SSL od połączenia i większość programów pocztowych zawsze go tam używa. Zanim zaczniesz na tym polegać, przetestuj port 587 ze STARTTLS albo port 465 z SSL od połączenia.

## src/snippet/phpmailer.rs

smtpautotls-is-false-so-that-d6642a40 = SMTPAutoTLS ma wartość false, aby PHPMailer nie przełączał się sam na STARTTLS; usuń ten wiersz, jeśli serwer oferuje STARTTLS i chcesz go używać.

## src/snippet/symfony.rs

the-user-name-and-password-db6b0fdc = Nazwa użytkownika i hasło są w DSN zakodowane jak w adresie URL (@ to na przykład %40): jeśli je zmieniasz, zakoduj je tak samo.
smtp-switches-to-starttls-by-b5d12bbf = smtp:// samo przełącza się na STARTTLS, gdy serwer je oferuje. Symfony zawsze używa SSL od połączenia na porcie 465, nawet ze smtp://.
smtp-still-switches-to-starttls-cb0f6b8f = smtp:// nadal przełącza się na STARTTLS, gdy serwer je oferuje (Symfony 7.1+ może to wyłączyć przez ?auto_tls=false).
smtps-means-ssl-on-connect-dabcf4ab = smtps:// oznacza SSL od połączenia. Symfony używa też SSL od połączenia dla każdego DSN na porcie 465.
symfony-mailer-takes-the-sender-5727fd05 = Symfony Mailer bierze nadawcę z każdej wiadomości: użyj { $from } jako jej adresu Od.

## src/snippet/wordpress.rs

wpms-ssl-tls-means-starttls-e40daa42 = WPMS_SSL 'tls' oznacza STARTTLS (komentarz samej wtyczki „TLS is not STARTTLS” wprowadza w błąd): zostaw 'tls' z portem 587, a 'ssl' tylko dla portu 465.

## src/warning.rs

your-website-will-then-log-9d26b372 = Twoja witryna zapisze wtedy w dzienniku
for-mail-to-anyone-else-362213fd = Przy poczcie do kogokolwiek innego Twoja witryna zapisze w dzienniku
the-test-message-arrived-but-a31edd84 = Wiadomość testowa dotarła, ale poczta do Twoich klientów będzie odrzucana
this-server-took-the-test-163aee85 = Ten serwer przyjął wiadomość testową bez logowania, ponieważ była zaadresowana do jednej z jego własnych skrzynek. Poproszony o przyjęcie poczty na adres zewnętrzny (niczego nie wysłano), odmówił: „{ $reply }”. Bez logowania poczta z Twojej witryny do kogokolwiek innego (potwierdzenia zamówień, resetowanie haseł) jest odrzucana w ten sam sposób.
fill-in-username-and-password-14461f2f = Wypełnij `userName` i `password` (i ustaw `enableSsl` na `true`): zalogowana witryna może wysyłać na dowolny adres. Przetestuj ponownie z tymi danymi.
or-ask-your-hosting-company-fee3b0e0 = Możesz też zapytać firmę hostingową, jaki serwer i port pozwalają witrynie wysyłać na adresy zewnętrzne.
azure-communication-services-a-microsoft-ac627e0b = Azure Communication Services: przekaźnik Microsoftu, który nadal przyjmuje nazwę użytkownika i hasło (smtp.azurecomm.net, port 587, enableSsl włączone; userName to jego nazwa użytkownika SMTP, password to klucz tajny klienta aplikacji Entra). Wybierz gotowe ustawienie „Azure Communication Services” i przetestuj je.
a-sending-service-that-takes-06d85dc4 = Usługa wysyłkowa, która przyjmuje hasła (SendGrid, Brevo, Mailgun, Amazon SES, SMTP2GO), albo serwer poczty firmy hostingowej: zmień host, userName i password na ich wartości.
an-exchange-connector-your-admin-6c6db3dc = Connector Exchange: administrator pozwala stałemu adresowi IP serwera WWW wysyłać przez port 25 do <Twoja domena>.mail.protection.outlook.com bez logowania.
high-volume-email-smtp-hve-996cf456 = High Volume Email (smtp-hve.office365.com, port 587) przyjmuje hasła do września 2028, ale doręcza tylko do skrzynek Twojej organizacji.
or-move-the-site-s-da0ce105 = Możesz też przenieść kod poczty witryny do MailKit z OAuth (wbudowany moduł wysyłania poczty ASP.NET nie obsługuje OAuth).
sign-in-with-oauth-instead-a6b809b7 = Zaloguj się zamiast tego przez OAuth (aplikacja Microsoft 365 z uprawnieniem SMTP.SendAsApp): przetestuj to tutaj przez Logowanie → Microsoft 365 (OAuth) albo `mailtester send --oauth microsoft`, a potem użyj fragmentu kodu OAuth dla swojej platformy.
or-send-through-a-relay-09358923 = Możesz też wysyłać przez przekaźnik, który nadal przyjmuje hasła: Azure Communication Services (smtp.azurecomm.net) albo usługę wysyłkową.
this-works-today-but-microsoft-1e66a965 = Dziś to działa, ale Microsoft 365 wyłącza logowanie hasłem pod koniec grudnia 2026
microsoft-switches-password-sign-in-b29c7af0 = Pod koniec grudnia 2026 Microsoft domyślnie wyłącza logowanie hasłem do SMTP (uwierzytelnianie podstawowe) w każdej organizacji Microsoft 365. Administrator może na razie włączyć je z powrotem; ostateczny koniec Microsoft ogłosi w drugiej połowie 2027. Od tego momentu poczta z Twojej witryny przestanie wychodzić.

## src/webconfig/document.rs

a-second-top-level-element-0dbfb207 = drugi element najwyższego poziomu; wszystko musi być wewnątrz jednego elementu <configuration>
text-outside-the-configuration-element-5ab3603e = tekst poza elementem <configuration>; usuń go
name-is-never-closed-name-53fcf71f = <{ $name }> nigdy nie jest zamknięty (brakuje </{ $name }>)
the-file-has-no-elements-e99344ab = plik nie ma żadnych elementów (powinien zaczynać się od <configuration>)
a-tag-is-not-closed-61fb9e67 = znacznik nie jest zamknięty: brakuje > (albo cudzysłów wewnątrz znacznika nie jest zamknięty)
a-comment-that-starts-with-3173cbb0 = komentarz zaczynający się od <!-- nigdy nie jest zamknięty przez -->
a-cdata-section-is-never-36fbd2fd = sekcja <![CDATA[ nigdy nie jest zamknięta przez ]]>
a-instruction-is-never-closed-c4b71c8b = instrukcja <? ... ?> nigdy nie jest zamknięta przez ?>
something-starting-with-is-neither-c5af375e = coś, co zaczyna się od <!, nie jest ani komentarzem, ani poprawnym znacznikiem
found-closes-expected-which-is-b2b369eb = </{ $found }> zamyka <{ $expected }>, który jest nadal otwarty: brakuje znacznika zamykającego albo jest źle napisany
name-closes-an-element-that-427ce6ea = </{ $name }> zamyka element, który nigdy nie został otwarty
name-is-never-closed-c06a4bbe = <{ $name }> nigdy nie jest zamknięty
a-comment-contains-two-hyphens-e819051e = komentarz zawiera -- (dwa łączniki), czego XML nie dopuszcza wewnątrz <!-- -->
an-starts-a-reference-that-acc80456 = & rozpoczyna odwołanie, które nigdy nie jest zakończone przez ; (zapisz & jako &amp;)
the-xml-line-at-the-d4be05db = wiersz <?xml ...?> na początku nie ma version="1.0"
the-xml-could-not-be-ebe072f9 = nie udało się odczytać XML ({ $error })

## src/webconfig/error.rs

this-web-config-is-not-e049049c = ten web.config nie jest poprawnym XML: { $problem } (wiersz { $line }, kolumna { $column }). ASP.NET też nie może go odczytać; popraw go w edytorze tekstu albo przywróć kopię zapasową, a potem spróbuj ponownie
this-file-is-not-a-946b2312 = ten plik nie jest plikiem web.config: jego pierwszy element to <{ $root }>, a nie <configuration>. Otwórz web.config witryny (znajduje się w jej folderze głównym)
this-web-config-has-no-622e34e8 = ten web.config nie ma jeszcze ustawień poczty; przetestuj swoje ustawienia i użyj „Zaktualizuj”, aby je dodać
the-mail-settings-are-not-2daa99b4 = ustawień poczty nie ma w tym pliku: <{ $element } configSource="{ $file }"> przechowuje je w { $file }, obok tego web.config. Otwórz zamiast tego tamten plik
the-mail-settings-in-this-ba3ab443 = ustawienia poczty w tym web.config są zaszyfrowane ({ $detail }), więc nie można ich tu odczytać ani zmienić. Odszyfruj je na serwerze przez aspnet_regiis -pd "system.net/mailSettings/smtp" (a potem zaszyfruj ponownie przez -pe) albo wpisz ustawienia ręcznie
found-on-line-line-must-5332e735 = <{ $found }> w wierszu { $line } musi być zapisane jako <{ $expected }> (w nazwach elementów wielkość liter ma znaczenie, a ASP.NET odrzuca plik w obecnej postaci). Popraw nazwę w edytorze tekstu, a potem spróbuj ponownie
element-appears-more-than-once-f637cee8 = <{ $element }> występuje więcej niż raz (ponownie w wierszu { $line }); ASP.NET odrzuca sekcję zapisaną dwa razy. Usuń nadmiarową w edytorze tekstu, a potem spróbuj ponownie
the-attribute-value-has-a-50c8f903 = wartość { $attribute } zawiera znak sterujący ({ $character }), którego web.config nie może zawierać: ASP.NET odrzuciłby cały plik, a witryna zatrzymałaby się z błędem 500.19. Niczego nie zmieniono; wpisz { $attribute } ponownie bez niego (często pochodzi z kopiowania i wklejania), a potem spróbuj ponownie
the-tester-could-not-update-b7d291a7 = tester nie mógł bezpiecznie zaktualizować tego web.config ({ $arg0 }); niczego nie zmieniono. Prosimy to zgłosić, a na razie zmienić plik ręcznie
there-is-no-file-here-7f01ff88 = tu nie ma pliku; sprawdź ścieżkę (web.config znajduje się w folderze głównym witryny): { $path }
another-program-has-the-file-fad4180e = inny program ma otwarty ten plik i nie pozwala go zmienić, więc niczego nie zmieniono; zamknij program, który go otworzył (edytor, Menedżer IIS, narzędzie do kopii zapasowych lub synchronizacji), a potem spróbuj ponownie: { $path }
this-is-what-not-a-05f9ae91 = to jest { $what }, a nie plik, więc zostawiono to bez zmian; podaj ścieżkę do samego pliku web.config (znajduje się w folderze głównym witryny): { $path }
the-file-is-read-only-c3ff344c = plik jest tylko do odczytu (ma oznaczenie „tylko do odczytu” albo to konto nie może do niego zapisywać), więc niczego nie zmieniono; usuń oznaczenie tylko do odczytu (Windows: Właściwości pliku, odznacz „Tylko do odczytu”; Linux: chmod u+w) albo uruchom jako użytkownik, który może go zapisać, a potem spróbuj ponownie: { $path }
the-file-is-size-bytes-2a8cdc56 = plik ma { $size } bajtów, za dużo jak na web.config (limit to { $limit } bajtów); sprawdź, czy to właściwy plik: { $path }
the-file-is-not-utf-e2a5449c = plik nie jest tekstem UTF-8 ani UTF-16 ({ $detail }); otwórz go w edytorze tekstu i zapisz jako UTF-8, a potem spróbuj ponownie: { $path }
the-file-changed-on-disk-62f7b37a = plik zmienił się na dysku po przygotowaniu zmian (edytował go inny program lub inna osoba), więc niczego nie zapisano; uruchom aktualizację ponownie, aby zobaczyć nowy diff: { $path }
could-not-write-the-backup-75f9a6c2 = nie udało się zapisać kopii zapasowej ({ $source }), więc web.config nie został zmieniony; zwolnij trochę miejsca na dysku albo sprawdź uprawnienia folderu: { $path }
could-not-write-the-new-01f69e66 = nie udało się zapisać nowej zawartości ({ $source }); stara zawartość jest bezpieczna w kopii zapasowej { $backup }, więc jeśli web.config jest teraz uszkodzony, skopiuj na niego kopię zapasową: { $path }
permission-denied-this-account-may-28324bb6 = brak uprawnień: to konto nie może odczytać pliku. { $advice }: { $path }
permission-denied-this-account-may-14f1cab5 = brak uprawnień: to konto nie może zapisać pliku (ani tworzyć plików w jego folderze). { $advice }: { $path }
could-not-read-the-file-988f82d4 = nie udało się odczytać pliku ({ $source }); sprawdź ścieżkę i spróbuj ponownie: { $path }
could-not-write-the-file-0790a48d = nie udało się zapisać pliku ({ $source }); sprawdź ścieżkę i spróbuj ponownie: { $path }
a-website-s-files-under-c1972da4 = Pliki witryny (na przykład w C:\inetpub) zwykle wymagają uprawnień administratora: zamknij Mail Settings Tester, kliknij go prawym przyciskiem i wybierz „Uruchom jako administrator”, a potem spróbuj ponownie; albo pracuj na kopii pliku
run-it-as-a-user-e923af9a = Uruchom go jako użytkownik, który ma uprawnienia (na serwerze WWW często root lub właściciel witryny, np. przez sudo), albo pracuj na kopii pliku

## src/webconfig/file/checks.rs

a-named-pipe-fifo-47ff048c = potok nazwany (FIFO)
a-device-7c776f4e = urządzenie
a-socket-26577a75 = gniazdo
a-folder-419478b0 = folder
not-a-regular-file-ebe2737d = nie jest zwykłym plikiem

## src/webconfig/file.rs

utf-16-with-an-odd-c94555ea = UTF-16 z nieparzystą liczbą bajtów: plik jest ucięty
broken-utf-16-5bc13a27 = uszkodzony UTF-16
it-looks-like-utf-16-33d07569 = wygląda na UTF-16 bez znacznika kolejności bajtów (BOM)
line-line-has-a-character-cb86bf3b = wiersz { $line } zawiera znak, który nie jest UTF-8, prawdopodobnie ze starszego kodowania Windows
too-many-backups-with-the-2a36fe1a = za dużo kopii zapasowych z tym samym znacznikiem czasu

## src/webconfig/layout.rs

added-element-inside-parent-431becd7 = Dodano <{ $element }> wewnątrz <{ $parent }>.

## src/webconfig/lint.rs

fix-the-xml-in-a-546837d2 = Popraw XML w edytorze tekstu (albo przywróć kopię zapasową), a potem sprawdź ponownie.
open-the-site-s-web-b8d6e299 = Otwórz zamiast tego web.config witryny.
check-that-other-file-instead-0ed422f0 = Sprawdź zamiast tego tamten plik.
decrypt-the-section-to-check-cf798e5a = Odszyfruj sekcję, aby ją sprawdzić, albo przetestuj ustawienia, wpisując je ręcznie.
this-web-config-has-no-07bafa83 = Ten web.config nie ma ustawień poczty (<system.net><mailSettings><smtp>).
test-your-settings-then-use-6448d6a8 = Przetestuj swoje ustawienia, a potem użyj „Zaktualizuj”, aby je dodać.
smtp-has-no-network-element-aa04a6eb = <smtp> nie ma elementu <network>, więc nie wskazano serwera poczty: wysyłanie kończy się błędem „The SMTP host was not specified.”, chyba że ustawia go kod witryny.
add-network-host-port-587-17c60e62 = Dodaj <network host="..." port="587" enableSsl="true" ... /> wewnątrz <smtp> („Zaktualizuj” zrobi to za Ciebie).
found-must-be-written-right-a97a6695 = <{ $found }> musi być zapisane jako <{ $right }>: w nazwach elementów wielkość liter ma znaczenie, a ASP.NET odrzuca plik w obecnej postaci.
rename-found-to-right-in-b46d1244 = Zmień nazwę <{ $found }> na <{ $right }> (w znaczniku otwierającym i zamykającym).
element-is-written-more-than-3c644821 = <{ $element }> jest zapisany więcej niż raz: ASP.NET odrzuca sekcję, która występuje dwa razy.
keep-one-element-and-remove-0b3b6944 = Zostaw jeden <{ $element }>, a drugi usuń.
the-mail-settings-are-inside-00a41f02 = Ustawienia poczty są wewnątrz <location path="{ $path }">, więc dotyczą tylko tej części witryny.
usually-fine-if-the-whole-bd9e2bd3 = Zwykle to w porządku; jeśli pocztę wysyła cała witryna, a to jest podfolder, przenieś <system.net> bezpośrednio pod <configuration>.
element-has-name-but-net-61c07682 = <{ $element }> ma `{ $name }`, ale .NET zna tylko `{ $right }`: w nazwach atrybutów wielkość liter ma znaczenie, więc ASP.NET odrzuca całą sekcję poczty („Unrecognized attribute '{ $name }'. Note that attribute names are case-sensitive.”) i żadna poczta nie jest wysyłana.
rename-name-to-right-update-cb52d8cf = Zmień nazwę `{ $name }` na `{ $right }` („Zaktualizuj” zrobi to za Ciebie).
replace-name-with-meant-the-e25b0aa5 = Zastąp `{ $name }` przez `{ $meant }` (nazwę, którą zna .NET).
remove-name-element-knows-known-3e4e8597 = Usuń `{ $name }`. <{ $element }> zna: { $known }.
element-has-name-which-is-117faef4 = <{ $element }> ma `{ $name }`, które nie jest ustawieniem poczty .NET: ASP.NET odrzuca całą sekcję poczty („Unrecognized attribute '{ $name }'.”) i żadna poczta nie jest wysyłana.

## src/webconfig/lint_tls.rs

targetframework-stated-a-site-that-de58a7e3 = targetFramework="{ $stated }": witryna skierowana na .NET Framework 4.5.2 lub starszy domyślnie oferuje tylko TLS 1.0, a serwery poczty przyjmują dziś tylko TLS 1.2 lub nowszy, więc wysyłanie kończy się błędem „Authentication failed because the remote party has closed the transport stream.”, chyba że Windows na serwerze jest ustawiony tak, aby każdy program używał silnego szyfrowania.
write-httpruntime-targetframework-4-8-f7fec2a7 = Wpisz <httpRuntime targetFramework="4.8" /> w <system.web> (na serwerze WWW musi być zainstalowany .NET Framework 4.8; powie Ci to firma hostingowa) albo poproś programistę o dodanie ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12; przy uruchamianiu.

## src/webconfig/lint_values.rs

smtp-has-no-from-address-f9cd657f = <smtp> nie ma adresu `from`, więc każda wiadomość wysyłana przez witrynę musi sama ustawić nadawcę; tam, gdzie kod tego nie robi, wysyłanie kończy się błędem „A from address must be specified.”
add-from-you-yourdomain-com-ec32121e = Dodaj from="ty@twojadomena.com" do <smtp>, z adresem, z którego serwer poczty pozwala Ci wysyłać.
deliveryformat-format-is-not-a-505b3353 = deliveryFormat="{ $format }" nie jest formatem doręczania: ASP.NET odrzuca sekcję poczty.
remove-deliveryformat-the-default-sevenb-95b52244 = Usuń deliveryFormat (domyślny SevenBit pasuje niemal każdej witrynie) albo wpisz SevenBit lub International.
deliverymethod-value-is-not-a-375196b5 = deliveryMethod="{ $value }" nie jest metodą doręczania: ASP.NET odrzuca sekcję poczty.
write-deliverymethod-network-to-send-40e5740b = Wpisz deliveryMethod="Network", aby wysyłać przez serwer poczty.
deliverymethod-value-writes-each-message-82f343ab = deliveryMethod="{ $value }" zapisuje każdą wiadomość jako plik w folderze, zamiast ją wysyłać: nic nie dociera do serwera poczty, niezależnie od tego, co mówi <network>.
write-deliverymethod-network-to-send-3e1d84d7 = Wpisz deliveryMethod="Network", aby wysyłać przez serwer poczty (folder zostaw tylko na witrynie testowej).
no-mail-server-is-named-4f06cc8f = Nie wskazano serwera poczty (brakuje `host` albo jest pusty), więc wysyłanie kończy się błędem „The SMTP host was not specified.”, chyba że ustawia go kod witryny.
add-host-smtp-yourprovider-com-bb4f6757 = Dodaj host="smtp.twojdostawca.com" do <network>.
port-465-is-for-ssl-761241f1 = port="465" jest dla SSL od połączenia, czego System.Net.Mail nie potrafi: czeka na powitanie, które nigdy nie nadchodzi, i po 100 sekundach zgłasza błąd „The operation has timed out.”
use-port-587-with-enablessl-e0c0c6ce = Użyj port="587" z enableSsl="true" (STARTTLS) i najpierw to przetestuj.
port-value-is-outside-1-968b4df1 = port="{ $value }" jest poza zakresem 1–65535: ASP.NET odrzuca sekcję poczty.
use-port-587-the-usual-19aa1c58 = Użyj port="587" (zwykłego portu do wysyłania z witryn), chyba że dostawca zaleca inaczej.
port-value-is-not-a-f40e6f90 = port="{ $value }" nie jest liczbą całkowitą: ASP.NET odrzuca sekcję poczty.
encrypt-the-connection-with-starttls-1fd0d51e = szyfruj połączenie przez STARTTLS
sign-in-as-the-website-7d587fd7 = loguj się jako konto Windows witryny
enablessl-is-true-while-deliverymethod-2ec1b295 = enableSsl ma wartość true, a deliveryMethod zapisuje do folderu: .NET zatrzymuje się z błędem „SSL must not be enabled for pickup-directory delivery methods.”
write-deliverymethod-network-to-send-4e4c28b5 = Wpisz deliveryMethod="Network", aby wysyłać przez serwer, albo enableSsl="false", aby zostać przy folderze.
name-value-is-neither-true-f3d68c43 = { $name }="{ $value }" nie jest ani true, ani false: ASP.NET odrzuca sekcję poczty.
write-name-true-meaning-or-f1a39692 = Wpisz { $name }="true" ({ $meaning }) albo { $name }="false".
defaultcredentials-true-makes-asp-net-6f0df787 = defaultCredentials="true" sprawia, że ASP.NET loguje się jako konto Windows witryny: userName i password są pomijane.
write-defaultcredentials-false-to-sign-9b9e51b7 = Wpisz defaultCredentials="false", aby logować się przez userName i password (albo usuń userName, jeśli chodzi o konto Windows).
username-is-set-but-there-7c2d8888 = userName jest ustawione, ale nie ma hasła, więc serwer odrzuci logowanie.
add-password-to-network-or-21c7b43d = Dodaj password="..." do <network> (albo zaktualizuj plik z dołączonym hasłem).
a-password-is-set-but-d646dd41 = Hasło jest ustawione, ale userName jest puste, więc ASP.NET w ogóle się nie loguje (bez nazwy użytkownika nie wysyła danych logowania).
add-username-usually-the-full-f1b8ba60 = Dodaj userName="..." (zwykle pełny adres e-mail) albo usuń hasło.
enablessl-is-false-so-the-4de882bb = enableSsl ma wartość false, więc nazwa użytkownika i hasło przechodzą przez sieć bez szyfrowania (a wiele serwerów odmawia logowania bez szyfrowania).
write-enablessl-true-if-the-cfab14f3 = Wpisz enableSsl="true", jeśli serwer oferuje STARTTLS (najpierw to przetestuj).
the-password-is-written-in-8b0e18ce = Hasło jest zapisane w web.config zwykłym tekstem: każdy, kto może odczytać ten plik, może je odczytać.
once-the-settings-work-encrypt-99ce1214 = Gdy ustawienia zadziałają, zaszyfruj sekcję na serwerze: aspnet_regiis -pe "system.net/mailSettings/smtp" -app "/TwojaWitryna" (ASP.NET sam ją odszyfrowuje).

## src/webconfig/mod.rs

saving-web-config-restarts-the-382be3c3 = Zapisanie web.config uruchamia witrynę ponownie (IIS ją przeładowuje): może minąć kilka sekund, zanim znów zacznie odpowiadać, a zalogowani odwiedzający mogą musieć zalogować się ponownie.

## src/webconfig/rules.rs

this-site-runs-on-net-353ee75a = Ta witryna działa na .NET Framework 2.0–3.5, gdzie web.config nie ma enableSsl (pojawiło się w 4.0, a starsze wersje odrzucają z tego powodu całą sekcję), więc ten fragment kodu go pomija. Serwer wymaga szyfrowania, więc włącz je w kodzie: ustaw SmtpClient.EnableSsl = true przed Send (dla kontrolki PasswordRecovery obsłuż jej zdarzenie SendingMail, wyślij wiadomość samodzielnie z EnableSsl = true i ustaw e.Cancel = true). Lepiej: przenieś witrynę na .NET Framework 4.x, gdzie wystarczy enableSsl="true" w web.config.
mail-servers-now-require-tls-ce5510dc = Serwery poczty wymagają dziś TLS 1.2: upewnij się, że witryna jest skierowana na .NET Framework 4.7 lub nowszy (<httpRuntime targetFramework="4.7.2" /> lub nowszy) albo że Windows włącza TLS 1.2 dla starszych wersji.
asp-net-core-net-5-5f421df6 = ASP.NET Core (.NET 5 i nowsze) w ogóle nie odczytuje <mailSettings> z web.config, więc ten blok nic by nie zrobił. Użyj zamiast tego karty ASP.NET Core: appsettings.json dla MailKit.
asp-net-cannot-use-port-22b9f926 = ASP.NET nie może używać portu 465 (SSL od połączenia), więc zamiast niego używany jest port 587 z enableSsl="true". Przetestuj port 587, zanim zaczniesz na tym polegać.
enablessl-is-false-the-password-037fb99f = enableSsl ma wartość false: hasło przechodzi przez sieć bez szyfrowania. Użyj enableSsl="true", jeśli serwer to oferuje.

## src/webconfig/section.rs

element-holds-encrypteddata-30490473 = <{ $element }> zawiera <EncryptedData>

## src/webconfig/tag.rs

a-tag-could-not-be-f1aa86a3 = nie udało się odczytać znacznika
a-is-not-followed-by-579caa22 = po < nie ma nazwy elementu
in-name-attributes-must-be-9c9f83dd = w <{ $name }> atrybuty muszą być oddzielone spacją
element-has-the-attribute-name-c9e1b545 = <{ $element }> ma atrybut { $name } dwa razy
in-element-a-stray-quote-7de86a37 = w <{ $element }> jest zbędny cudzysłów lub = w miejscu, gdzie powinna być nazwa atrybutu
in-element-the-attribute-name-d514ebae = w <{ $element }> atrybut { $name } nie ma wartości (zapisz { $name }="...")
in-element-the-value-of-1f8d26e4 = w <{ $element }> wartość { $name } musi być w cudzysłowie
in-element-the-value-of-3104c556 = w <{ $element }> wartość { $name } nie ma cudzysłowu zamykającego
in-element-the-value-of-2c82c8d0 = w <{ $element }> wartość { $name } zawiera <, który trzeba zapisać jako &lt;
in-element-the-value-of-5b909dc6 = w <{ $element }> wartość { $name } zawiera &, który nie jest poprawnym odwołaniem (zapisz & jako &amp;)

## src/webconfig/update.rs

no-password-was-written-it-6739a1ec = Nie zapisano hasła (jest pomijane, chyba że o nie poprosisz): dodaj password="..." do <network> ręcznie albo zaktualizuj ponownie z dołączonym hasłem.

## mailtester --help: the doc comments clap shows, and clap's own texts

tests-smtp-settings-the-way-5dd24b90 = Testuje ustawienia SMTP tak, jak używa ich witryna, wyjaśnia niepowodzenia prostymi słowami i wypisuje działający fragment kodu web.config.
the-language-of-messages-and-254dde98 = Język komunikatów i okna: de, fr, es, pt-BR, it, nl, pl, ja lub en (domyślnie: język systemu). JSON, fragmenty kodu, identyfikatory i kody wyjścia są takie same w każdym języku
print-help-63ca5eeb = Wyświetla pomoc
print-version-070bbb84 = Wyświetla wersję
send-a-test-message-and-43b885a5 = Wysyła wiadomość testową i pokazuje każdy krok rozmowy z serwerem
start-from-a-provider-s-927bdeaf = Zaczyna od ustawień dostawcy (zobacz `mailtester presets`); pozostałe opcje mają przed nimi pierwszeństwo
start-from-a-saved-profile-4d8d2825 = Zaczyna od zapisanego profilu (zobacz `mailtester profile list`); pozostałe opcje mają przed nim pierwszeństwo, a jego hasło jest brane z systemowego magazynu haseł, chyba że zostanie podane
host-the-mail-server-s-ef315f6f = `host`: nazwa serwera poczty
port-587-for-most-providers-b7560650 = `port` (587 u większości dostawców; domyślny w web.config to 25)
enablessl-starttls-web-config-s-201dd084 = `enableSsl` (STARTTLS). Domyślna wartość w web.config to false
connection-security-overrides-enable-ssl-4bfd0c93 = Zabezpieczenie połączenia; ma pierwszeństwo przed --enable-ssl
starttls-what-enablessl-true-means-49815d99 = STARTTLS (to właśnie oznacza enableSsl="true")
ssl-on-connect-usually-port-5606cb12 = SSL od połączenia (zwykle port 465; niemożliwe w ASP.NET)
username-usually-the-full-email-1aca0825 = `userName` (zwykle pełny adres e-mail)
read-the-password-from-the-3b36a99c = Odczytuje hasło z pierwszego wiersza standardowego wejścia
read-the-password-from-this-8b7c2f86 = Odczytuje hasło z tej zmiennej środowiskowej
defaultcredentials-sign-in-as-the-dcf0f239 = `defaultCredentials`: logowanie jako konto Windows zamiast nazwą użytkownika
from-the-sender-address-38af51cb = `from`: adres nadawcy
where-to-send-the-test-f1adc9fb = Dokąd wysłać test (domyślnie: adres from)
clientdomain-the-name-sent-with-05cff35e = `clientDomain`: nazwa wysyłana w EHLO (domyślnie: nazwa tego komputera)
limit-for-each-wait-in-fd8c958b = Limit czasu każdego oczekiwania, w sekundach (domyślnie: połączenie 10, powitanie 10, polecenia 30)
the-limit-for-the-whole-719e5a06 = Limit czasu całego testu w sekundach, niezależnie od tego, jak wolno, ale miarowo odpowiada serwer [domyślnie: 120 lub --timeout, gdy podano]
how-long-to-wait-in-d78347aa = Jak długo, w sekundach, czekać, aż serwer przyjmie wiadomość po wysłaniu jej w całości (serwery, które sprawdzają każdą wiadomość pod kątem spamu, bywają wolne); limit czasu całego testu nadal obowiązuje. Przy --target dotnet obowiązuje tylko limit czasu całego testu, tak jak w ASP.NET [domyślnie: 90 lub --timeout, gdy podano]
an-extra-file-of-certificate-e8ce08c6 = Dodatkowy plik z urzędami certyfikacji, którym należy ufać (PEM albo jeden certyfikat DER .cer)
go-on-when-the-certificate-c46a2c17 = Kontynuuje, gdy certyfikat jest nieprawidłowy (zawsze zgłaszane jako ostrzeżenie)
sign-in-even-over-an-cd05e74d = Loguje się nawet przez połączenie bez szyfrowania (hasło przechodzi przez sieć i każdy po drodze może je odczytać). Bez tej opcji test zatrzymuje się, zanim wyśle tam hasło
the-program-that-will-use-dc349359 = Program, który będzie używał tych ustawień [domyślnie: dotnet]
asp-net-system-net-mail-a1aacdb3 = ASP.NET / System.Net.Mail (web.config): test zachowuje się dokładnie tak samo
any-other-mail-program-the-96b08a92 = Dowolny inny program pocztowy: najlepsze, co oferuje serwer
the-website-s-asp-net-768c8f73 = Środowisko ASP.NET witryny: od niego zależy, co może zawierać web.config [domyślnie: 4]
net-framework-2-0-no-9d07e76e = .NET Framework 2.0 (bez enableSsl w web.config)
net-framework-3-5-no-2d75b08e = .NET Framework 3.5 (bez enableSsl w web.config)
net-framework-4-x-c65af3fe = .NET Framework 4.x
asp-net-core-net-5-64b81ab6 = ASP.NET Core / .NET 5 lub nowszy (bez <mailSettings>; appsettings.json)
put-the-real-password-in-1ff6bd67 = Wstawia prawdziwe hasło do fragmentu kodu wypisywanego po udanym teście (domyślnie wyłączone)
print-one-json-document-instead-6d017d51 = Wypisuje jeden dokument JSON zamiast tekstu
save-the-password-in-the-25317884 = Zapisuje hasło w systemowym magazynie haseł (chyba że serwer odrzuci logowanie)
write-a-support-report-settings-d77f0f48 = Zapisuje do tego pliku raport dla pomocy technicznej (ustawienia bez hasła, etapy, diagnoza, zapis rozmowy z serwerem), niezależnie od wyniku
write-the-support-report-in-385b4225 = Zapisuje raport dla pomocy technicznej po angielsku, niezależnie od języka komunikatów (dla pomocy technicznej, która czyta po angielsku)
after-the-message-went-through-4ac879ba = Gdy wiadomość przejdzie, sprawdza SPF, DKIM i DMARC domeny z `from` dla tego serwera („czy dotrze?”); kod wyjścia 9, gdy zostanie znaleziony problem
the-dns-server-for-check-5a2c9bdc = Serwer DNS dla --check-dns i kluczy DKIM w --check-inbox (UDP i TCP) zamiast serwera DNS tego komputera
after-the-message-went-through-32241c55 = Gdy wiadomość przejdzie, szuka jej w tej skrzynce przez IMAP i podaje, czy trafiła do skrzynki odbiorczej, czy do spamu: imaps://USER@HOST[:PORT] (albo imap:// dla STARTTLS). Hasło pochodzi z --inbox-password-env, --inbox-password-stdin lub magazynu haseł (konto USER@HOST:PORT) albo jest hasłem logowania, gdy USER i HOST są te same. Kod wyjścia 10, gdy nie ma jej w skrzynce odbiorczej
read-the-mailbox-password-from-b8be0c16 = Odczytuje hasło skrzynki pocztowej z tej zmiennej środowiskowej
read-the-mailbox-password-from-0f167cb6 = Odczytuje hasło skrzynki pocztowej z wiersza standardowego wejścia (z wiersza po haśle logowania, gdy podano też --password-stdin)
save-the-mailbox-password-in-ee48313c = Zapisuje hasło skrzynki pocztowej w systemowym magazynie haseł (konto USER@HOST:PORT), gdy skrzynka przyjmie logowanie, aby kolejne sprawdzenia nie wymagały opcji z hasłem
how-long-to-look-for-6cad6128 = Jak długo, w sekundach, szukać wiadomości, zanim zostanie zgłoszone, że nie dotarła
sign-in-with-oauth-using-fc0bf5f4 = Loguje się przez OAuth tokenem dostępu z tej zmiennej środowiskowej
sign-in-with-oauth-0a054126 = Loguje się przez OAuth
sign-in-with-oauth-using-b3ed4824 = Loguje się przez OAuth tokenem dostępu z pierwszego wiersza standardowego wejścia
get-the-token-from-the-f992c8b8 = Najpierw pobiera token od dostawcy (Microsoft: aplikacja logująca się we własnym imieniu z --tenant, --client-id i swoim kluczem tajnym klienta)
microsoft-365-client-credentials-the-dbe9f4d8 = Microsoft 365 (poświadczenia klienta: identyfikator klienta i klucz tajny klienta aplikacji)
google-not-for-apps-signing-f932ba5a = Google (nie dla aplikacji logujących się we własnym imieniu: zobacz komunikat)
a-person-signs-in-instead-b5d721d5 = Loguje się osoba (a nie aplikacja we własnym imieniu): w przeglądarce systemowej albo kodem wpisanym na dowolnym urządzeniu. Logowanie jest przechowywane w magazynie haseł i odnawiane po cichu
open-the-sign-in-page-869ea4f6 = Otwiera stronę logowania w przeglądarce systemowej (ustaw `MAILTESTER_BROWSER` na inny program, aby użyć innej przeglądarki)
show-a-code-to-type-b863e025 = Pokazuje kod do wpisania na stronie dostawcy, na dowolnym urządzeniu
microsoft-the-directory-tenant-id-cbfe8ad3 = Microsoft: Directory (tenant) ID albo domena organizacji (gdy loguje się osoba: domyślnie `organizations`, `consumers` dla Outlook.com)
the-app-s-application-client-82f1a168 = Application (client) ID aplikacji
read-the-app-s-client-e9605cd5 = Odczytuje klucz tajny klienta aplikacji z tej zmiennej środowiskowej
read-the-app-s-client-3ca50f89 = Odczytuje klucz tajny klienta aplikacji z pierwszego wiersza standardowego wejścia
the-sign-in-service-default-2cd3b589 = Usługa logowania [domyślnie: <https://login.microsoftonline.com>]; tylko https (zwykłe http tylko na tym komputerze, dla serwerów testowych)
use-this-oauth-method-by-0fe17325 = Używa tej metody OAuth; domyślnie XOAUTH2, gdy serwer ją oferuje, a w przeciwnym razie OAUTHBEARER
xoauth2-google-s-and-microsoft-cb4ab04d = XOAUTH2 (Google i Microsoftu)
oauthbearer-rfc-7628-8e2ee2e0 = OAUTHBEARER (RFC 7628)
print-help-see-more-with-0a4f0559 = Wyświetla pomoc (więcej informacji: '--help')
print-help-see-a-summary-d04996c7 = Wyświetla pomoc (podsumowanie: '-h')
explain-an-error-message-your-18d7c6df = Wyjaśnia komunikat o błędzie zapisany przez Twoją witrynę (podaj tekst albo -, aby odczytać standardowe wejście)
the-error-text-or-nothing-d88c8bf9 = Tekst błędu; `-` albo brak tekstu oznacza odczyt standardowego wejścia
print-json-instead-of-text-beed6e40 = Wypisuje JSON zamiast tekstu
the-website-s-asp-net-a497bacd = Środowisko ASP.NET witryny: porady korzystają z tego, co da się w nim ustawić [domyślnie: 4]
print-the-configuration-for-these-e00a86b9 = Wypisuje konfigurację dla tych ustawień: web.config albo, z --format, konfigurację innej platformy (test nie jest uruchamiany)
put-the-real-password-in-6427f579 = Wstawia prawdziwe hasło do fragmentu kodu (domyślnie wyłączone)
which-platform-s-configuration-to-dceee300 = Konfigurację której platformy wypisać (`all` wypisuje wszystkie) [domyślnie: webconfig albo mailkit przy --framework core]
web-config-d60c5f1f = web.config
wp-config-php-3861a5b9 = wp-config.php
env-65512ae0 = .env
settings-py-32af70ed = settings.py
nodemailer-51ddd8d1 = Nodemailer
env-local-ba614501 = .env.local
appsettings-json-mailkit-701582dc = appsettings.json, MailKit
every-format-one-after-the-d319a4ba = wszystkie formaty, jeden po drugim
write-the-configuration-for-signing-f08a5eb8 = Wypisuje konfigurację logowania przez OAuth u tego dostawcy zamiast hasłem (klucz tajny klienta i token odświeżania zawsze jako symbole zastępcze)
oauth-22077a14 = OAuth
microsoft-the-directory-tenant-id-e920a4ad = Microsoft: Directory (tenant) ID albo domena organizacji
a-person-signs-in-once-2851ee47 = Osoba loguje się raz (token odświeżania), zamiast aplikacji logującej się we własnym imieniu
list-the-provider-presets-usable-3657c41c = Wypisuje gotowe ustawienia dostawców, których można użyć z --preset
save-and-manage-named-settings-c7ac9890 = Zapisuje nazwane ustawienia (profile) i nimi zarządza; hasła trafiają tylko do systemowego magazynu haseł
list-the-saved-profiles-711101ad = Wypisuje zapisane profile
show-a-profile-s-settings-2e26da20 = Pokazuje ustawienia profilu i to, czy jego hasło jest zapisane w magazynie haseł
the-profile-s-name-56c43ba2 = Nazwa profilu
save-settings-under-a-name-0486960c = Zapisuje ustawienia pod nazwą, tworząc lub zastępując profil o tej nazwie (te same opcje co `send`)
the-profile-s-name-up-bc6f9e08 = Nazwa profilu (do 64 znaków, bez / i \)
also-save-the-password-from-580edf38 = Zapisuje też hasło (z --password-stdin lub --password-env) w systemowym magazynie haseł
rename-a-profile-71f68a2d = Zmienia nazwę profilu
the-current-name-de8e7e88 = Obecna nazwa
the-new-name-a623aef5 = Nowa nazwa
delete-a-profile-44262b68 = Usuwa profil
also-remove-its-saved-password-da2c7d1e = Usuwa też jego zapisane hasło z magazynu haseł
remove-a-profile-s-saved-298cfc7c = Usuwa zapisane hasło profilu z magazynu haseł (profil zostaje)
remove-every-profile-and-every-de18827a = Usuwa każdy profil i każde hasło zapisane przez Mail Settings Tester w magazynie haseł (to samo robi w deinstalatorze pole wyboru „Usuń też moje zapisane profile i zapamiętane hasła”)
do-it-without-asking-061c8750 = Robi to bez pytania
print-this-message-or-the-7623c860 = Wyświetla ten komunikat lub pomoc podanych podpoleceń
read-check-or-update-the-1315aa12 = Odczytuje, sprawdza lub aktualizuje ustawienia poczty w pliku web.config
read-the-mail-settings-from-6b91affb = Odczytuje ustawienia poczty z web.config (hasło nigdy nie jest pokazywane)
the-web-config-file-2305e780 = Plik web.config
check-a-web-config-s-eb60dc36 = Sprawdza ustawienia poczty w web.config pod kątem tego, co odrzuciłby ASP.NET (kod wyjścia 7 przy błędach)
write-these-settings-into-a-4573a44f = Zapisuje te ustawienia w web.config: pokazuje zmiany (diff), robi kopię zapasową pliku, a potem zapisuje (z --yes albo gdy odpowiesz t)
the-web-config-file-to-3839ba8f = Plik web.config do zmiany
write-the-real-password-too-865a9e8f = Zapisuje też prawdziwe hasło (nigdy nie jest pokazywane wśród zmian). Bez tej opcji istniejące hasło pozostaje dokładnie takie, jakie jest, i żadne nie jest dodawane
write-without-asking-9993991f = Zapisuje bez pytania
only-show-what-would-change-e66dcdb4 = Tylko pokazuje, co by się zmieniło; niczego nie zapisuje
find-the-outgoing-mail-settings-22b0736f = Znajduje ustawienia poczty wychodzącej dla adresu e-mail (albo testuje serwer na każdym porcie) bez wysyłania wiadomości ani hasła
your-email-address-its-domain-cbd85dd0 = Twój adres e-mail: serwery poczty wychodzącej jego domeny zostaną znalezione (DNS, autoconfig, dostawca) i przetestowane
a-server-name-to-test-4879088a = Zamiast tego nazwa serwera do przetestowania na każdym porcie
ports-to-try-on-every-53d9d629 = Porty do wypróbowania na każdym serwerze, rozdzielone przecinkami; zastępują domyślne 587,465,25,2525 (porty wskazane przez rekordy SRV lub autoconfig są dodawane)
the-limit-for-each-probe-127daa95 = Limit czasu każdej próby, w sekundach (połączenie, powitanie i reszta)
ask-this-dns-server-udp-35bceb0e = Pyta ten serwer DNS (UDP i TCP) zamiast serwera DNS tego komputera; domyślny port to 53
the-program-that-will-use-d4cb334f = Program, który będzie używał ustawień: od niego zależy kolejność wyników [domyślnie: dotnet]
an-extra-file-of-certificate-da1c1030 = Dodatkowy plik z urzędami certyfikacji, którym należy ufać, PEM lub DER .cer (SMTP i pobieranie autoconfig)
count-servers-with-an-invalid-f7b64de7 = Uznaje serwery z nieprawidłowym certyfikatem za nadające się do użycia (problem jest nadal pokazywany)
the-https-port-of-autoconfig-9185457f = Port HTTPS serwerów autoconfig (do testów)
show-or-forget-a-person-11db4f12 = Pokazuje lub zapomina przechowywane w magazynie haseł logowanie OAuth osoby (zobacz send --sign-in)
is-a-person-s-sign-95ba3aa1 = Czy logowanie osoby jest przechowywane dla tej skrzynki i aplikacji? Odnawia je, aby dowieść, że nadal działa
the-mailbox-that-signed-in-dcf5d44a = Skrzynka, która się zalogowała
the-provider-cf9e8981 = Dostawca
microsoft-the-tenant-signed-in-b1d7bb9b = Microsoft: dzierżawa (tenant), do której się zalogowano [domyślnie: organizations]
the-sign-in-service-when-71e1c665 = Usługa logowania, gdy nie jest to własna usługa dostawcy
google-read-the-desktop-app-d5898bb6 = Google: odczytuje klucz tajny klienta aplikacji komputerowej z tej zmiennej środowiskowej
forget-the-kept-sign-in-65d531bb = Zapomina przechowywane logowanie (token odświeżania w magazynie haseł)
the-steps-that-let-an-e27948a2 = Kroki, które pozwalają aplikacji wysyłać jako skrzynka Microsoft 365 przez OAuth (rejestracja aplikacji, uprawnienie, zgoda administratora, PowerShell), uzupełnione o to, co podasz
the-mailbox-the-app-sends-a8459939 = Skrzynka, jako która wysyła aplikacja
the-directory-tenant-id-when-465cc398 = Directory (tenant) ID, jeśli jest znany
the-application-client-id-when-024fef16 = Application (client) ID, jeśli jest znany
will-mail-from-this-address-8c0194c4 = Czy poczta z tego adresu dotrze? Sprawdza SPF, DKIM i DMARC jego domeny dla serwera, przez który przechodzi, i wypisuje rekordy DNS do dodania
the-from-address-your-website-5f5287e4 = Adres `from`, z którego wysyła Twoja witryna; sprawdzany jest DNS jego domeny
the-smtp-server-the-mail-68b38aa4 = Serwer SMTP, przez który idzie poczta: SPF jest oceniany dla jego adresów, a DKIM sprawdzany dla selektorów jego dostawcy
check-the-mail-settings-of-1120eef6 = Sprawdza ustawienia poczty każdej witryny w podanych folderach (web.config, wp-config.php, .env, appsettings.json): z każdym serwerem poczty łączy się raz, każda witryna dostaje ocenę i poprawkę. Tylko odczytuje; nigdy nie wysyła poczty
the-folders-to-look-in-963b17a2 = Foldery do przeszukania (witryny serwera hostingowego: `C:\inetpub\vhosts`, `/var/www`) albo pojedyncze pliki konfiguracyjne
also-scan-the-sites-listed-9cf2dfb8 = Skanuje też witryny wymienione w tym pliku applicationHost.config serwera IIS (`%windir%\System32\inetsrv\config\applicationHost.config`)
judge-from-the-files-alone-e580fcc5 = Ocenia tylko na podstawie plików: nie łączy się z żadnym serwerem
also-try-each-account-s-6362a89f = Próbuje też raz zalogować się własną nazwą użytkownika i hasłem każdego konta (tylko logowanie, potem QUIT; nigdy żadnej wiadomości; na każdym serwerze jedno konto naraz, z przerwą między nimi)
how-many-servers-to-contact-a7a31c2c = Z iloma serwerami łączyć się jednocześnie (każdy serwer dostaje jedno połączenie naraz)
the-limit-for-each-server-43cad9fe = Limit czasu dla każdego serwera, w sekundach
an-extra-file-of-certificate-1ea069c0 = Dodatkowy plik z urzędami certyfikacji, którym należy ufać, PEM lub DER .cer
ask-this-dns-server-instead-f78030e2 = Pyta ten serwer DNS zamiast serwera DNS tego komputera; domyślny port to 53
print-one-json-document-instead-4ee9e15d = Wypisuje jeden dokument JSON zamiast tabeli
also-write-one-row-per-ee388af8 = Zapisuje też do tego pliku CSV po jednym wierszu na witrynę
also-write-a-page-to-d3088699 = Zapisuje też do tego pliku HTML stronę do czytania i filtrowania
the-pause-between-two-sign-1665f117 = Przerwa między dwoma logowaniami do tego samego serwera, w sekundach (z --sign-in)

## The same texts as a pasted log, PHPMailer, ASP.NET 2.0–3.5 and ASP.NET Core read them

verify-the-from-address-or-e1e9a7fb = Zweryfikuj adres `From` (albo całą jego domenę) w panelu swojej usługi wysyłkowej.
verify-the-setfrom-address-or-04ef5b06 = Zweryfikuj adres `setFrom()` (albo całą jego domenę) w panelu swojej usługi wysyłkowej.
send-again-after-the-change-b575e680 = Po zmianie wyślij ponownie.
wait-a-few-minutes-and-fc0e871d = Odczekaj kilka minut i wyślij ponownie.
keep-ssl-switched-on-in-768015ad = Zostaw SSL włączone w kodzie: bez szyfrowania Twoje hasło przeszłoby przez sieć w czytelnej postaci.
keep-securesocketoptions-set-to-starttls-2d62cb3b = Zostaw `SecureSocketOptions` ustawione na `StartTls`: bez szyfrowania Twoje hasło przeszłoby przez sieć w czytelnej postaci.
keep-smtpsecure-set-to-tls-a73ff0de = Zostaw `SMTPSecure` ustawione na `'tls'` (STARTTLS): bez szyfrowania Twoje hasło przeszłoby przez sieć w czytelnej postaci.
send-again-0c4b9d7b = Wyślij ponownie.
the-server-offers-sign-in-dde700b2 = Serwer pozwala się zalogować dopiero po zaszyfrowaniu połączenia przez STARTTLS (sposób, w jaki serwer poczty przełącza się na połączenie szyfrowane), więc ukrył logowanie, aby chronić Twoje hasło. `smtpClient.EnableSsl = true;` w kodzie włącza STARTTLS.
the-server-offers-sign-in-bff6d7a0 = Serwer pozwala się zalogować dopiero po zaszyfrowaniu połączenia przez STARTTLS (sposób, w jaki serwer poczty przełącza się na połączenie szyfrowane), więc ukrył logowanie, aby chronić Twoje hasło. `"SecureSocketOptions": "StartTls"` włącza STARTTLS w appsettings.json.
the-server-offers-sign-in-e2838ecd = Serwer pozwala się zalogować dopiero po zaszyfrowaniu połączenia przez STARTTLS (sposób, w jaki serwer poczty przełącza się na połączenie szyfrowane), więc ukrył logowanie, aby chronić Twoje hasło. `$mail->SMTPSecure = 'tls';` włącza STARTTLS w ustawieniach PHPMailer.
host-has-no-dot-in-c5a60fd0 = `Host` nie zawiera kropki, a nazwy serwerów poczty wyglądają jak `smtp.example.com`: porównaj ją z instrukcją dostawcy.
check-that-the-web-server-db7d5f53 = Sprawdź, czy serwer WWW ma połączenie z internetem, a potem wyślij ponownie.
or-change-port-to-587-5d9bcb7b = Możesz też zmienić `Port` na `587` i użyć STARTTLS (sposobu, w jaki serwer poczty przełącza się na połączenie szyfrowane).
the-connection-ended-while-switching-b63efb40 = Połączenie zostało przerwane podczas przełączania na szyfrowanie: sprawdź, czy `port` i SSL (`SmtpClient.EnableSsl`, ustawiane w kodzie) zgadzają się z instrukcją dostawcy (dla ASP.NET: `587` z SSL włączonym w kodzie).
the-connection-ended-while-switching-1cd6aa8f = Połączenie zostało przerwane podczas przełączania na szyfrowanie: sprawdź, czy `Port` i `SecureSocketOptions` zgadzają się z instrukcją dostawcy (dla ASP.NET: `587` z `SecureSocketOptions` ustawionym na `StartTls`).
the-connection-ended-while-switching-7b2719f9 = Połączenie zostało przerwane podczas przełączania na szyfrowanie: sprawdź, czy `Port` i `SMTPSecure` zgadzają się z instrukcją dostawcy (dla ASP.NET: `587` z `SMTPSecure` ustawionym na `'tls'` (STARTTLS)).
some-servers-hang-up-instead-dfeb1bd9 = Niektóre serwery rozłączają się, zamiast powiedzieć, że hasło zostało odrzucone: sprawdź `UserName` i `Password`.
some-servers-hang-up-instead-0278e739 = Niektóre serwery rozłączają się, zamiast powiedzieć, że hasło zostało odrzucone: sprawdź `Username` i `Password`.
send-again-in-a-few-68c0d09c = Wyślij ponownie za kilka minut.
send-this-error-message-to-89c5093e = Wyślij ten komunikat o błędzie dostawcy poczty.
use-a-sender-address-from-14e961d9 = Użyj adresu nadawcy (`From`), który przed @ ma tylko zwykłe litery (od a do z, bez polskich znaków), cyfry, kropki lub łączniki, na przykład `info@` Twojej domeny.
use-a-sender-address-the-ca84d68b = Użyj adresu nadawcy (adresu `setFrom()`), który przed @ ma tylko zwykłe litery (od a do z, bez polskich znaków), cyfry, kropki lub łączniki, na przykład `info@` Twojej domeny.
or-add-deliveryformat-international-to-8ec871d6 = Możesz też dodać `deliveryFormat="International"` do elementu `<smtp>` w appsettings.json (ASP.NET 4.5 lub nowszy): wtedy ASP.NET wysyła adresy międzynarodowe do serwerów, które oferują SMTPUTF8.
or-add-deliveryformat-international-to-faa47e44 = Możesz też dodać `deliveryFormat="International"` do elementu `<smtp>` w ustawieniach PHPMailer (ASP.NET 4.5 lub nowszy): wtedy ASP.NET wysyła adresy międzynarodowe do serwerów, które oferują SMTPUTF8.
if-nothing-arrives-within-15-c518a7e3 = Jeśli w ciągu 15 minut nic nie dotrze, wyślij ponownie; jeśli to się powtórzy, wyślij ten komunikat o błędzie dostawcy poczty.
in-microsoft-365-an-app-6e56c287 = W Microsoft 365 aplikacja, która wysyła we własnym imieniu, potrzebuje wszystkich tych rzeczy: uprawnienia SMTP.SendAsApp (Office 365 Exchange Online) ze zgodą administratora; jednostki usługi (service principal) utworzonej przez New-ServicePrincipal z identyfikatorem obiektu aplikacji Enterprise (nie App registration); Add-MailboxPermission dla skrzynki z `UserName`; oraz włączonego „Authenticated SMTP” dla tej skrzynki.
in-microsoft-365-an-app-b3e112e7 = W Microsoft 365 aplikacja, która wysyła we własnym imieniu, potrzebuje wszystkich tych rzeczy: uprawnienia SMTP.SendAsApp (Office 365 Exchange Online) ze zgodą administratora; jednostki usługi (service principal) utworzonej przez New-ServicePrincipal z identyfikatorem obiektu aplikacji Enterprise (nie App registration); Add-MailboxPermission dla skrzynki z `Username`; oraz włączonego „Authenticated SMTP” dla tej skrzynki.
get-a-new-token-sign-cde11d0b = Zdobądź nowy token (zaloguj się ponownie) i od razu wyślij ponownie.
set-username-to-named-or-f211e440 = Ustaw `UserName` na { $named } albo zaloguj się jako { $user }, aby dostać token dla tej skrzynki.
set-username-to-named-or-2fc66420 = Ustaw `Username` na { $named } albo zaloguj się jako { $user }, aby dostać token dla tej skrzynki.
press-sign-in-with-microsoft-15c3a0b7 = Kliknij „Zaloguj się przez Microsoft…” (lub Google) w sekcji Logowanie i zaloguj się jako skrzynka z `UserName`.
press-sign-in-with-microsoft-dbd7e457 = Kliknij „Zaloguj się przez Microsoft…” (lub Google) w sekcji Logowanie i zaloguj się jako skrzynka z `Username`.
then-send-again-e431af76 = Potem wyślij ponownie.
sign-in-again-then-send-9e2cea38 = Zaloguj się ponownie, a potem wyślij ponownie.
check-the-web-server-s-103d021e = Sprawdź połączenie serwera WWW z internetem (oraz serwer proxy lub zaporę, które mogą blokować login.microsoftonline.com).
the-server-then-refused-the-3f6a45e9 = Serwer odrzucił potem wiadomość, więc Twoje `UserName` i `Password` w ogóle nie zostały użyte: ten serwer lub port prawdopodobnie nie jest tym, który dostawca przewidział dla nich.
the-server-then-refused-the-2391e1c9 = Serwer odrzucił potem wiadomość, więc Twoje `Username` i `Password` w ogóle nie zostały użyte: ten serwer lub port prawdopodobnie nie jest tym, który dostawca przewidział dla nich.
the-test-already-asked-for-f4fb1991 = Test już poprosił o STARTTLS, więc serwer może go oczekiwać na innym porcie: porównaj `Port` z instrukcją dostawcy.
set-defaultcredentials-to-false-while-2890bd17 = Ustaw `defaultCredentials` na `false`: dopóki ma wartość `true`, appsettings.json pomija `UserName` i `Password`.
set-defaultcredentials-to-false-while-8dd2ea25 = Ustaw `defaultCredentials` na `false`: dopóki ma wartość `true`, ustawienia PHPMailer pomijają `Username` i `Password`.
your-settings-have-no-username-19552a19 = Twoje ustawienia nie mają `UserName`, więc test się nie zalogował.
your-settings-have-no-username-a05a7039 = Twoje ustawienia nie mają `Username`, więc test się nie zalogował.
set-clientdomain-to-your-website-87fcae0f = Ustaw `clientDomain` na pełną nazwę domeny swojej witryny (na przykład `www.example.com`): serwer nie przyjął nazwy, którą przedstawił się serwer WWW.
set-hostname-to-your-website-6aa76569 = Ustaw `Hostname` na pełną nazwę domeny swojej witryny (na przykład `www.example.com`): serwer nie przyjął nazwy, którą przedstawił się serwer WWW.
the-sender-from-is-from-00d9e6a1 = Nadawca (`From`) to { $from }, a logowanie (`UserName`) to { $user }.
the-sender-the-setfrom-address-6978e525 = Nadawca (adres `setFrom()`) to { $from }, a logowanie (`Username`) to { $user }.
change-host-to-only-5c532b32 = Zmień `Host` na `{ $only }`.
asp-net-2-0-3-755ddb5c = ASP.NET 2.0–3.5 nie ma w web.config ustawienia SSL (`SmtpClient.EnableSsl`, ustawiane w kodzie) (dodanie go psuje całą sekcję poczty), więc włącz SSL w kodzie, tuż przed wysłaniem: `smtpClient.EnableSsl = true;`. Dla kontrolki PasswordRecovery obsłuż jej zdarzenie `SendingMail`: wyślij `e.Message` samodzielnie przez `SmtpClient` z `EnableSsl` ustawionym na `true`, a potem ustaw `e.Cancel = true;`. Możesz też przenieść witrynę na .NET Framework 4.x, gdzie wystarczy `smtpClient.EnableSsl = true;` w kodzie.
asp-net-2-0-3-0492d258 = ASP.NET 2.0–3.5 nie ma `SecureSocketOptions` w appsettings.json (dodanie go psuje całą sekcję poczty), więc włącz SSL w kodzie, tuż przed wysłaniem: `smtpClient.EnableSsl = true;`. Dla kontrolki PasswordRecovery obsłuż jej zdarzenie `SendingMail`: wyślij `e.Message` samodzielnie przez `SmtpClient` z `EnableSsl` ustawionym na `true`, a potem ustaw `e.Cancel = true;`. Możesz też przenieść witrynę na .NET Framework 4.x, gdzie wystarczy `"SecureSocketOptions": "StartTls"` w appsettings.json.
asp-net-2-0-3-b054c76a = ASP.NET 2.0–3.5 nie ma `SMTPSecure` w ustawieniach PHPMailer (dodanie go psuje całą sekcję poczty), więc włącz SSL w kodzie, tuż przed wysłaniem: `smtpClient.EnableSsl = true;`. Dla kontrolki PasswordRecovery obsłuż jej zdarzenie `SendingMail`: wyślij `e.Message` samodzielnie przez `SmtpClient` z `EnableSsl` ustawionym na `true`, a potem ustaw `e.Cancel = true;`. Możesz też przenieść witrynę na .NET Framework 4.x, gdzie wystarczy `$mail->SMTPSecure = 'tls';` w ustawieniach PHPMailer.
in-code-smtpclient-enablessl-true-92c8a040 = W kodzie włącza to `smtpClient.EnableSsl = true;` (w ASP.NET 2.0–3.5 appsettings.json tego nie potrafi).
in-code-smtpclient-enablessl-true-81009338 = W kodzie włącza to `smtpClient.EnableSsl = true;` (w ASP.NET 2.0–3.5 ustawienia PHPMailer tego nie potrafią).
this-server-sends-mail-only-b0c6dd68 = Ten serwer wysyła pocztę tylko dla zalogowanych użytkowników, a wiadomość została zaproponowana, zanim przyjęto jakiekolwiek logowanie. W appsettings.json dane logowania pochodzą z `UserName` i `Password`.
this-server-sends-mail-only-13da29c0 = Ten serwer wysyła pocztę tylko dla zalogowanych użytkowników, a wiadomość została zaproponowana, zanim przyjęto jakiekolwiek logowanie. W ustawieniach PHPMailer dane logowania pochodzą z `Username` i `Password`.
fill-in-username-usually-your-16ab77cb = Wypełnij `UserName` (zwykle pełny adres e-mail) i `Password`.
fill-in-username-usually-your-bd6d01ab = Wypełnij `Username` (zwykle pełny adres e-mail) i `Password`.
when-the-server-refuses-the-4283fe38 = Gdy serwer odrzuca nazwę użytkownika lub hasło, ASP.NET tego nie mówi: wysyła bez logowania, a serwer odpowiada wtedy w ten sposób. Jeśli więc Twój appsettings.json ma `UserName` i `Password`, serwer najpewniej je odrzucił. Jeśli ich nie ma, serwer wymaga ich przed wysłaniem.
when-the-server-refuses-the-3e977f55 = Gdy serwer odrzuca nazwę użytkownika lub hasło, ASP.NET tego nie mówi: wysyła bez logowania, a serwer odpowiada wtedy w ten sposób. Jeśli więc Twoje ustawienia PHPMailer mają `Username` i `Password`, serwer najpewniej je odrzucił. Jeśli ich nie mają, serwer wymaga ich przed wysłaniem.
check-username-usually-your-full-0a9b2c04 = Sprawdź `UserName` (zwykle pełny adres e-mail) i wpisz hasło w `Password` jeszcze raz (kopiowanie może dodać spację na końcu).
check-username-usually-your-full-b9746a24 = Sprawdź `Username` (zwykle pełny adres e-mail) i wpisz hasło w `Password` jeszcze raz (kopiowanie może dodać spację na końcu).
if-appsettings-json-has-no-9ae7992b = Jeśli appsettings.json nie ma `UserName`, wypełnij `UserName` i `Password`.
if-your-phpmailer-settings-has-f403c5b1 = Jeśli ustawienia PHPMailer nie mają `Username`, wypełnij `Username` i `Password`.
change-port-to-587-and-ce86b8b8 = Zmień `port` na `587` i włącz SSL w kodzie: ten port jest przeznaczony do logowania i wysyłania.
change-port-to-587-and-4449c2e9 = Zmień `Port` na `587` i ustaw `SecureSocketOptions` na `StartTls`: ten port jest przeznaczony do logowania i wysyłania.
change-port-to-587-and-ca6c0bf0 = Zmień `Port` na `587` i ustaw `SMTPSecure` na `'tls'` (STARTTLS): ten port jest przeznaczony do logowania i wysyłania.
if-your-hosting-company-says-20e12c2e = Jeśli firma hostingowa mówi, że jej serwer pozwala Twojej witrynie wysyłać bez hasła, wyczyść `UserName` i `Password`.
if-your-hosting-company-says-8f2cf1ce = Jeśli firma hostingowa mówi, że jej serwer pozwala Twojej witrynie wysyłać bez hasła, wyczyść `Username` i `Password`.
the-password-would-have-crossed-b405f683 = Hasło przeszłoby przez sieć bez szyfrowania, więc serwer odrzucił lub ukrył logowanie. Chroni je STARTTLS (sposób, w jaki serwer poczty przełącza się na połączenie szyfrowane), a `smtpClient.EnableSsl = true;` w kodzie go włącza.
the-password-would-have-crossed-61b019fb = Hasło przeszłoby przez sieć bez szyfrowania, więc serwer odrzucił lub ukrył logowanie. Chroni je STARTTLS (sposób, w jaki serwer poczty przełącza się na połączenie szyfrowane), a `"SecureSocketOptions": "StartTls"` włącza go w appsettings.json.
the-password-would-have-crossed-e65e058e = Hasło przeszłoby przez sieć bez szyfrowania, więc serwer odrzucił lub ukrył logowanie. Chroni je STARTTLS (sposób, w jaki serwer poczty przełącza się na połączenie szyfrowane), a `$mail->SMTPSecure = 'tls';` włącza go w ustawieniach PHPMailer.
switch-ssl-on-in-code-30da0bde = Włącz SSL w kodzie.
set-securesocketoptions-to-starttls-3bc4460d = Ustaw `SecureSocketOptions` na `StartTls`.
set-smtpsecure-to-tls-starttls-46a3ad84 = Ustaw `SMTPSecure` na `'tls'` (STARTTLS).
keep-port-at-587-or-4b80fc48 = Zostaw `Port` na `587` (albo `25`, jeśli używa go Twój dostawca); ASP.NET nie może używać `465`.
switch-ssl-on-in-code-4307eb1e = Włącz SSL w kodzie: hasło zostanie wtedy wysłane dopiero po zaszyfrowaniu połączenia.
set-securesocketoptions-to-starttls-the-38afb891 = Ustaw `SecureSocketOptions` na `StartTls`: hasło zostanie wtedy wysłane dopiero po zaszyfrowaniu połączenia.
set-smtpsecure-to-tls-starttls-4c600cf0 = Ustaw `SMTPSecure` na `'tls'` (STARTTLS): hasło zostanie wtedy wysłane dopiero po zaszyfrowaniu połączenia.
if-you-accept-the-risk-dad65437 = Jeśli akceptujesz ryzyko w tym jednym teście (serwer w Twojej własnej sieci prywatnej), wyślij ponownie i zezwól na hasło bez szyfrowania (`--allow-plaintext-password` w wierszu poleceń, „Wyślij tym razem bez szyfrowania” w oknie).
or-send-through-a-provider-46a07354 = Możesz też wysyłać przez dostawcę, który oferuje LOGIN (większość oferuje), i zmienić `Host` na jego serwer.
check-that-username-is-exactly-4bf69761 = Sprawdź, czy `UserName` jest dokładnie taki, jakiego oczekuje dostawca, zwykle to pełny adres e-mail.
check-that-username-is-exactly-a64adcc1 = Sprawdź, czy `Username` jest dokładnie taki, jakiego oczekuje dostawca, zwykle to pełny adres e-mail.
type-the-password-into-password-c600c10f = Wpisz hasło w `Password` jeszcze raz (kopiowanie może dodać spację na końcu).
if-your-account-uses-two-9504e3ad = Jeśli Twoje konto używa logowania dwuetapowego, utwórz hasło aplikacji w ustawieniach zabezpieczeń konta i użyj go jako `Password`.
create-an-app-password-there-80fabbc7 = Utwórz tam hasło aplikacji i wklej je do `Password` bez spacji.
keep-username-as-your-full-1bb0200b = Zostaw w `UserName` pełny adres e-mail i przetestuj ponownie.
keep-username-as-your-full-c2dcda11 = Zostaw w `userName` pełny adres e-mail i wyślij ponownie.
keep-username-as-your-full-83f36431 = Zostaw w `UserName` pełny adres e-mail i wyślij ponownie.
keep-username-as-your-full-7428fb51 = Zostaw w `Username` pełny adres e-mail i wyślij ponownie.
use-an-app-password-a-10780f39 = Użyj hasła aplikacji (osobnego hasła dla programów, tworzonego w ustawieniach zabezpieczeń konta) jako `Password`.
send-again-within-a-few-a21e7638 = Wyślij ponownie w ciągu kilku minut.
wait-up-to-an-hour-8093e503 = Po zmianie odczekaj do godziny, a potem wyślij ponownie.
or-send-your-website-s-b7d4eee6 = Możesz też wysyłać pocztę witryny przez usługę, która przyjmuje hasła, np. serwer poczty firmy hostingowej albo usługę wysyłkową, i zmienić `Host`, `UserName` i `Password` na jej wartości.
or-send-your-website-s-0b5d20c6 = Możesz też wysyłać pocztę witryny przez usługę, która przyjmuje hasła, np. serwer poczty firmy hostingowej albo usługę wysyłkową, i zmienić `Host`, `Username` i `Password` na jej wartości.
meanwhile-keep-username-and-password-07dd145a = Do tego czasu zostaw `UserName` i `Password` bez zmian.
meanwhile-keep-username-and-password-3f5e26ba = Do tego czasu zostaw `Username` i `Password` bez zmian.
this-computer-asked-dns-the-994145ac = Ten komputer zapytał DNS (książkę adresową internetu) o nazwę z `Host` i nie dostał żadnego adresu, więc nie wie, dokąd wysłać pocztę. Zwykle w nazwie jest literówka albo ten komputer nie ma teraz połączenia z internetem.
this-computer-asked-dns-the-f069de6d = Serwer WWW zapytał DNS (książkę adresową internetu) o nazwę z `host` i nie dostał żadnego adresu, więc nie wie, dokąd wysłać pocztę. Zwykle w nazwie jest literówka albo serwer WWW nie ma teraz połączenia z internetem.
this-computer-asked-dns-the-f1a16f4d = Serwer WWW zapytał DNS (książkę adresową internetu) o nazwę z `Host` i nie dostał żadnego adresu, więc nie wie, dokąd wysłać pocztę. Zwykle w nazwie jest literówka albo serwer WWW nie ma teraz połączenia z internetem.
check-host-letter-by-letter-e10ab329 = Sprawdź `Host` litera po literze z instrukcją dostawcy poczty (wygląda jak `smtp.example.com`).
check-that-the-web-server-882bdeea = Sprawdź, czy serwer WWW otwiera strony internetowe; jeśli nie, napraw połączenie z internetem i wyślij ponownie.
this-computer-reached-the-server-f24f15f0 = Ten komputer połączył się z serwerem, ale nic tam nie przyjmuje poczty na tym porcie (numerowanych drzwiach, na których nasłuchuje program) albo odrzuciła je zapora (filtr blokujący połączenia). Najczęściej to nie jest port, którego używa Twój dostawca, albo `Host` wskazuje na inny serwer.
check-port-against-your-provider-4f0b17dd = Porównaj `Port` z instrukcją dostawcy: `587` to zwykły port dla witryn.
check-that-host-is-the-7bcf5860 = Sprawdź, czy `Host` to nazwa serwera poczty, a nie nazwa Twojej witryny.
nothing-answered-on-this-port-cdd89199 = Nic nie odpowiedziało na tym porcie przed upływem limitu czasu. Często zapora (filtr blokujący połączenia) u firmy hostingowej lub dostawcy internetu po cichu odrzuca wychodzące połączenia pocztowe, zwłaszcza na porcie 25; w innym przypadku serwer może nie działać albo `Host` może wskazywać złe miejsce.
change-port-to-587-and-1a3acff2 = Zmień `port` na `587` i włącz SSL w kodzie: to zwykłe połączenie ustawień dla witryn.
change-port-to-587-and-25391141 = Zmień `Port` na `587` i ustaw `SecureSocketOptions` na `StartTls`: to zwykłe połączenie ustawień dla witryn.
change-port-to-587-and-7dd5ab0a = Zmień `Port` na `587` i ustaw `SMTPSecure` na `'tls'` (STARTTLS): to zwykłe połączenie ustawień dla witryn.
check-that-host-is-correct-44613728 = Sprawdź, czy `Host` jest poprawny i czy serwer działa (zobacz stronę stanu usług dostawcy).
change-port-to-587-and-c81e9ee7 = Zmień `port` na `587` i włącz SSL w kodzie.
change-port-to-587-and-8b12b4c0 = Zmień `Port` na `587` i ustaw `SecureSocketOptions` na `StartTls`.
change-port-to-587-and-8fadafbf = Zmień `Port` na `587` i ustaw `SMTPSecure` na `'tls'` (STARTTLS).
if-port-is-already-587-0cb369bc = Jeśli `Port` to już `587`, odczekaj kilka minut i przetestuj ponownie: serwer może być zajęty.
if-port-is-already-587-ccf09a76 = Jeśli `port` to już `587`, odczekaj kilka minut i wyślij ponownie: serwer może być zajęty.
if-port-is-already-587-4a354996 = Jeśli `Port` to już `587`, odczekaj kilka minut i wyślij ponownie: serwer może być zajęty.
the-answer-did-not-look-5f0bba55 = Odpowiedź nie wyglądała jak SMTP (język, którym mówią serwery poczty). Port może należeć do strony internetowej lub innej usługi albo `Host` może wskazywać inną maszynę.
check-port-websites-send-mail-ec5e733d = Sprawdź `Port`: witryny wysyłają pocztę przez port `587` (czasem `25`); porty takie jak `80` i `443` służą stronom internetowym, a `110`, `143`, `993` i `995` do odczytywania poczty.
check-host-against-your-provider-8076bc63 = Porównaj `Host` z instrukcją dostawcy.
the-server-answered-but-refused-0295d135 = Serwer odpowiedział, ale odmówił obsługi tego połączenia. Zwykle serwer ma chwilowy problem (prace konserwacyjne lub przeciążenie) albo odrzuca adres internetowy serwera WWW, na przykład dlatego, że adres jest na czarnej liście (liście adresów znanych z wysyłania spamu).
if-it-keeps-happening-send-8a27583b = Jeśli to się powtarza, wyślij ten komunikat o błędzie dostawcy poczty i zapytaj, dlaczego odrzuca połączenie.
check-host-and-port-a-a458c8e7 = Sprawdź `Host` i `Port`: serwer przeznaczony do odbierania poczty może odmawiać jej wysyłania.
check-that-port-and-ssl-70c0ee6b = Sprawdź, czy `port` i SSL (`SmtpClient.EnableSsl`, ustawiane w kodzie) zgadzają się z instrukcją dostawcy (zwykle `587` z SSL włączonym w kodzie).
check-that-port-and-securesocketoptions-89528e86 = Sprawdź, czy `Port` i `SecureSocketOptions` zgadzają się z instrukcją dostawcy (zwykle `587` z `SecureSocketOptions` ustawionym na `StartTls`).
check-that-port-and-smtpsecure-449d63e0 = Sprawdź, czy `Port` i `SMTPSecure` zgadzają się z instrukcją dostawcy (zwykle `587` z `SMTPSecure` ustawionym na `'tls'` (STARTTLS)).
if-it-keeps-happening-send-e5580e23 = Jeśli to się powtarza, wyślij ten komunikat o błędzie dostawcy poczty: etap, na którym się zatrzymało, pokaże mu, gdzie szukać.
if-your-web-config-uses-889c5cd5 = Jeśli Twój web.config używa portu 465: ASP.NET nie może go używać i czeka w ten sposób. Zmień `port` na `587` i włącz SSL w kodzie.
if-your-appsettings-json-uses-d533bdae = Jeśli Twój appsettings.json używa portu 465: ASP.NET nie może go używać i czeka w ten sposób. Zmień `Port` na `587` i ustaw `SecureSocketOptions` na `StartTls`.
if-your-phpmailer-settings-uses-4a530e8c = Jeśli Twoje ustawienia PHPMailer używają portu 465: ASP.NET nie może go używać i czeka w ten sposób. Zmień `Port` na `587` i ustaw `SMTPSecure` na `'tls'` (STARTTLS).
if-it-always-stops-at-83c30f5e = Jeśli zawsze zatrzymuje się na tym samym etapie, wyślij ten komunikat o błędzie dostawcy poczty.
change-port-to-587-and-6c3a9e07 = Zmień `port` na `587` i włącz SSL w kodzie (w PHPMailer: `Port = 587` i `SMTPSecure = 'tls'`).
change-port-to-587-and-027673b4 = Zmień `Port` na `587` i ustaw `SecureSocketOptions` na `StartTls` (w PHPMailer: `Port = 587` i `SMTPSecure = 'tls'`).
change-port-to-587-and-acdf78ff = Zmień `Port` na `587` i ustaw `SMTPSecure` na `'tls'` (STARTTLS) (w PHPMailer: `Port = 587` i `SMTPSecure = 'tls'`).
check-that-host-is-exactly-c9e110a5 = Sprawdź, czy `Host` to dokładnie nazwa serwera podana przez dostawcę.
asp-net-found-no-host-27c3e5d1 = ASP.NET nie znalazł `Host` w sekcji `<mailSettings>` pliku appsettings.json (ani w kodzie witryny), więc nie wie, przez jaki serwer wysyłać.
asp-net-found-no-host-5f8bb081 = ASP.NET nie znalazł `Host` w sekcji `<mailSettings>` ustawień PHPMailer (ani w kodzie witryny), więc nie wie, przez jaki serwer wysyłać.
add-host-to-the-network-9763ed7a = Dodaj `Host` do elementu `<network>` w appsettings.json, na przykład `host="smtp.example.com"`.
add-host-to-the-network-53d7f112 = Dodaj `Host` do elementu `<network>` w ustawieniach PHPMailer, na przykład `host="smtp.example.com"`.
check-that-mailsettings-sits-inside-0c0a576e = Sprawdź, czy `<mailSettings>` znajduje się wewnątrz `<system.net>` w pliku appsettings.json witryny, która wysyła pocztę.
check-that-mailsettings-sits-inside-65128b72 = Sprawdź, czy `<mailSettings>` znajduje się wewnątrz `<system.net>` w ustawieniach PHPMailer witryny, która wysyła pocztę.
if-port-is-465-change-9fcd50ea = Jeśli `port` to `465`, zmień go na `587` i włącz SSL w kodzie.
if-port-is-465-change-713827f1 = Jeśli `Port` to `465`, zmień go na `587` i ustaw `SecureSocketOptions` na `StartTls`.
if-port-is-465-change-2fa73428 = Jeśli `Port` to `465`, zmień go na `587` i ustaw `SMTPSecure` na `'tls'` (STARTTLS).
change-port-to-587-and-f1c17a3e = Zmień `port` na `587` i włącz SSL w kodzie: to zwykły port do wysyłania.
change-port-to-587-and-94bbac19 = Zmień `Port` na `587` i ustaw `SecureSocketOptions` na `StartTls`: to zwykły port do wysyłania.
change-port-to-587-and-43841e36 = Zmień `Port` na `587` i ustaw `SMTPSecure` na `'tls'` (STARTTLS): to zwykły port do wysyłania.
if-it-still-fails-look-ff139b92 = Jeśli nadal się nie udaje, znajdź „serwer poczty wychodzącej (SMTP)” w instrukcji dostawcy i wpisz tę nazwę w `Host`.
check-host-and-port-against-3b485e04 = Porównaj `Host` i `Port` z instrukcją dostawcy dotyczącą wysyłania poczty (zwykle port `587`).
get-a-new-token-and-9157640f = Zdobądź nowy token i wyślij ponownie (tokeny są ważne około godziny).
check-that-username-is-the-4e5d87e4 = Sprawdź, czy `UserName` to skrzynka, dla której wydano token.
check-that-username-is-the-9b28a7c4 = Sprawdź, czy `Username` to skrzynka, dla której wydano token.
check-host-and-port-microsoft-e6e6b5eb = Sprawdź `host` i `port`: Microsoft 365 to smtp.office365.com port 587, Google to smtp.gmail.com port 587, oba z włączonym SSL (`SmtpClient.EnableSsl`, ustawiane w kodzie).
check-host-and-port-microsoft-b0c20a32 = Sprawdź `Host` i `Port`: Microsoft 365 to smtp.office365.com port 587, Google to smtp.gmail.com port 587, oba z włączonym `SecureSocketOptions`.
check-host-and-port-microsoft-523a848d = Sprawdź `Host` i `Port`: Microsoft 365 to smtp.office365.com port 587, Google to smtp.gmail.com port 587, oba z włączonym `SMTPSecure`.
if-this-provider-takes-passwords-3bb74bce = Jeśli ten dostawca przyjmuje hasła, wybierz Hasło jako sposób logowania i wpisz `UserName` i `Password`.
if-this-provider-takes-passwords-cd6b862e = Jeśli ten dostawca przyjmuje hasła, wybierz Hasło jako sposób logowania i wpisz `Username` i `Password`.
turn-ssl-smtpclient-enablessl-set-42d31a84 = Włącz SSL (`SmtpClient.EnableSsl`, ustawiane w kodzie) (STARTTLS) i użyj portu 587, a potem przetestuj ponownie.
turn-securesocketoptions-on-starttls-and-a7004f0b = Włącz `SecureSocketOptions` (STARTTLS) i użyj portu 587, a potem przetestuj ponownie.
turn-enablessl-on-starttls-and-a16794a0 = Włącz `enableSsl` (STARTTLS) i użyj portu 587, a potem wyślij ponownie.
turn-ssl-smtpclient-enablessl-set-f1d93b4a = Włącz SSL (`SmtpClient.EnableSsl`, ustawiane w kodzie) (STARTTLS) i użyj portu 587, a potem wyślij ponownie.
turn-securesocketoptions-on-starttls-and-0f439331 = Włącz `SecureSocketOptions` (STARTTLS) i użyj portu 587, a potem wyślij ponownie.
turn-smtpsecure-on-starttls-and-0225d222 = Włącz `SMTPSecure` (STARTTLS) i użyj portu 587, a potem wyślij ponownie.
copy-its-value-shown-only-baebca2a = Skopiuj jego Value (pokazywaną tylko raz), a nie Secret ID, i wyślij ponownie z nią.
click-grant-admin-consent-a-91822b47 = Kliknij „Grant admin consent” (może to zrobić Global Administrator lub Privileged Role Administrator), a potem wyślij ponownie.
check-the-tenant-client-id-1012b4ff = Sprawdź dzierżawę (tenant), identyfikator klienta i klucz tajny klienta, a potem wyślij ponownie.
fill-in-username-usually-your-09a65651 = Wypełnij `UserName` (zwykle pełny adres e-mail) i `Password` oraz ustaw `defaultCredentials` na `false`.
fill-in-username-usually-your-50684571 = Wypełnij `Username` (zwykle pełny adres e-mail) i `Password` oraz ustaw `defaultCredentials` na `false`.
use-port-587-with-ssl-4232ba01 = Użyj `port` `587` z SSL włączonym w kodzie.
use-port-587-with-securesocketoptions-e966938b = Użyj `Port` `587` z `SecureSocketOptions` ustawionym na `StartTls`.
use-port-587-with-smtpsecure-82c79dba = Użyj `Port` `587` z `SMTPSecure` ustawionym na `'tls'` (STARTTLS).
the-sender-address-from-must-de121e17 = Adres nadawcy (`From`) musi być adresem, z którego konto może wysyłać: zwykle skrzynką, do której się logujesz, albo adresem zweryfikowanym przez dostawcę. Tego adresu nie ma na tej liście.
the-sender-address-the-setfrom-f4a6393b = Adres nadawcy (adres `setFrom()`) musi być adresem, z którego konto może wysyłać: zwykle skrzynką, do której się logujesz, albo adresem zweryfikowanym przez dostawcę. Tego adresu nie ma na tej liście.
set-from-to-the-same-ab436cc1 = Ustaw `From` na ten sam adres co `UserName`.
set-the-setfrom-address-to-a2daea5d = Ustaw adres `setFrom()` na ten sam adres co `Username`.
your-settings-got-through-but-8bd03782 = Twoje ustawienia zadziałały, ale odbiorca testu został odrzucony: adres może nie istnieć albo jego skrzynka nie może teraz przyjmować poczty. Dotyczy to adresu testowego, a nie Twojego appsettings.json.
your-settings-got-through-but-22f6af0b = Twoje ustawienia zadziałały, ale odbiorca testu został odrzucony: adres może nie istnieć albo jego skrzynka nie może teraz przyjmować poczty. Dotyczy to adresu testowego, a nie Twoich ustawień PHPMailer.
send-the-test-to-another-0fcce78a = Wyślij test na inny adres, który należy do Ciebie, na przykład ten z `From`.
send-the-test-to-another-41a6baf8 = Wyślij test na inny adres, który należy do Ciebie, na przykład ten z adresu `setFrom()`.
to-see-whether-the-domain-72830a7e = Aby sprawdzić, czy przyczyną jest domena, ustaw `From` na adres we własnej domenie dostawcy poczty i przetestuj ponownie.
to-see-whether-the-domain-991b9f90 = Aby sprawdzić, czy przyczyną jest domena, ustaw `from` na adres we własnej domenie dostawcy poczty i wyślij ponownie.
to-see-whether-the-domain-990497f0 = Aby sprawdzić, czy przyczyną jest domena, ustaw `From` na adres we własnej domenie dostawcy poczty i wyślij ponownie.
to-see-whether-the-domain-328199fc = Aby sprawdzić, czy przyczyną jest domena, ustaw adres `setFrom()` na adres we własnej domenie dostawcy poczty i wyślij ponownie.
change-the-account-s-password-40df0054 = Zmień hasło do konta (ktoś inny może je znać), a potem wpisz nowe w `Password`.
wait-15-to-60-minutes-3a79afb7 = Odczekaj od 15 do 60 minut i wyślij ponownie.
set-hostname-to-your-website-f3412636 = Ustaw `Hostname` na pełną nazwę domeny swojej witryny (na przykład `www.example.com`): niektóre serwery nie ufają komputerom, które przedstawiają się jako `localhost`.
send-again-in-5-to-9d5019ef = Wyślij ponownie za 5 do 15 minut: wiadomość powinna zostać przyjęta.
wait-until-the-limit-resets-0d50752b = Poczekaj, aż limit się odnowi (zwykle 24 godziny; przy planie miesięcznym w następnym miesiącu), i wyślij ponownie.
meanwhile-keep-host-port-and-6979a951 = Do tego czasu zostaw `host`, `port` i SSL (`SmtpClient.EnableSsl`, ustawiane w kodzie) bez zmian.
meanwhile-keep-host-port-and-ae23b856 = Do tego czasu zostaw `Host`, `Port` i `SecureSocketOptions` bez zmian.
meanwhile-keep-host-port-and-5755e529 = Do tego czasu zostaw `Host`, `Port` i `SMTPSecure` bez zmian.
your-website-logged-a-message-ee3ac898 = Twoja witryna zapisała w dzienniku komunikat, dla którego nie mamy jeszcze wyjaśnienia.
check-host-port-and-ssl-9487adb8 = Porównaj `host`, `port` i SSL (`SmtpClient.EnableSsl`, ustawiane w kodzie) z instrukcją dostawcy.
check-host-port-and-securesocketoptions-260c4cc5 = Porównaj `Host`, `Port` i `SecureSocketOptions` z instrukcją dostawcy.
check-host-port-and-smtpsecure-aa95c42e = Porównaj `Host`, `Port` i `SMTPSecure` z instrukcją dostawcy.
meanwhile-check-host-port-and-06f829c0 = Do tego czasu porównaj `host`, `port` i SSL (`SmtpClient.EnableSsl`, ustawiane w kodzie) z instrukcją dostawcy.
meanwhile-check-host-port-and-ac1208bd = Do tego czasu porównaj `Host`, `Port` i `SecureSocketOptions` z instrukcją dostawcy.
meanwhile-check-host-port-and-25424766 = Do tego czasu porównaj `Host`, `Port` i `SMTPSecure` z instrukcją dostawcy.
or-run-the-test-in-ff624e00 = Możesz też uruchomić test w tym programie ze swoimi `host`, `port` i SSL (`SmtpClient.EnableSsl`, ustawiane w kodzie): pokaże dokładnie, który etap się nie udaje.
or-run-the-test-in-d2dd620b = Możesz też uruchomić test w tym programie ze swoimi `Host`, `Port` i `SecureSocketOptions`: pokaże dokładnie, który etap się nie udaje.
or-run-the-test-in-e6d802d8 = Możesz też uruchomić test w tym programie ze swoimi `Host`, `Port` i `SMTPSecure`: pokaże dokładnie, który etap się nie udaje.
the-specified-string-is-not-3e32bd8d = „The specified string is not in the form required for an e-mail address” pochodzi od samego ASP.NET, zanim nastąpi połączenie z jakimkolwiek serwerem poczty: adres `From` albo adres, który witryna wpisuje w To, Cc lub Bcc, zawiera błąd (brak @, spacja, dwa adresy w jednym polu).
the-specified-string-is-not-f3060462 = „The specified string is not in the form required for an e-mail address” pochodzi od samego ASP.NET, zanim nastąpi połączenie z jakimkolwiek serwerem poczty: adres `setFrom()` albo adres, który witryna wpisuje w To, Cc lub Bcc, zawiera błąd (brak @, spacja, dwa adresy w jednym polu).
check-from-in-appsettings-json-0cf5714f = Sprawdź `From` w appsettings.json: jeden adres, np. `info@example.com` (przed nim może być nazwa: `Sklep <info@example.com>`).
check-the-setfrom-address-in-8cad20a1 = Sprawdź adres `setFrom()` w ustawieniach PHPMailer: jeden adres, np. `info@example.com` (przed nim może być nazwa: `Sklep <info@example.com>`).
if-from-is-right-the-443c5684 = Jeśli `From` jest poprawny, adres pochodzi z samej witryny (z formularza wypełnionego przez odwiedzającego albo z ustawienia witryny): poproś programistę o sprawdzanie adresów przed wysłaniem.
if-the-setfrom-address-is-4c7f473a = Jeśli adres `setFrom()` jest poprawny, adres pochodzi z samej witryny (z formularza wypełnionego przez odwiedzającego albo z ustawienia witryny): poproś programistę o sprawdzanie adresów przed wysłaniem.
if-the-address-is-from-8131bf9f = Jeśli to adres `From`, użyj adresu ze zwykłymi literami przed @.
if-the-address-is-the-d8299d5b = Jeśli to adres `setFrom()`, użyj adresu ze zwykłymi literami przed @.
if-it-is-a-customer-14a454a2 = Jeśli to adres klienta, dodaj `deliveryFormat="International"` do `<smtp>` w appsettings.json (.NET Framework 4.5 lub nowszy) i uruchom tutaj test, aby sprawdzić, czy Twój serwer poczty oferuje SMTPUTF8.
if-it-is-a-customer-df901be6 = Jeśli to adres klienta, dodaj `deliveryFormat="International"` do `<smtp>` w ustawieniach PHPMailer (.NET Framework 4.5 lub nowszy) i uruchom tutaj test, aby sprawdzić, czy Twój serwer poczty oferuje SMTPUTF8.
the-server-will-not-go-d97198f6 = Serwer nie pójdzie dalej, dopóki połączenie nie zostanie zaszyfrowane przez STARTTLS (sposób, w jaki serwer poczty przełącza się na połączenie szyfrowane). W kodzie włącza to `smtpClient.EnableSsl = true;` (w ASP.NET 2.0–3.5 web.config tego nie potrafi).
the-server-will-not-go-adefed65 = Serwer nie pójdzie dalej, dopóki połączenie nie zostanie zaszyfrowane przez STARTTLS (sposób, w jaki serwer poczty przełącza się na połączenie szyfrowane). W appsettings.json włącza to `"SecureSocketOptions": "StartTls"`.
the-server-will-not-go-97dcf783 = Serwer nie pójdzie dalej, dopóki połączenie nie zostanie zaszyfrowane przez STARTTLS (sposób, w jaki serwer poczty przełącza się na połączenie szyfrowane). Włącza to `$mail->SMTPSecure = 'tls';`.
use-port-587-the-usual-4b4b252f = Użyj `Port` `587` (zwykłego portu do wysyłania z witryn), chyba że dostawca zaleca inaczej.
with-ssl-smtpclient-enablessl-set-d3fe9f32 = Przy włączonym SSL (`SmtpClient.EnableSsl`, ustawiane w kodzie) ASP.NET prosi o STARTTLS (sposób, w jaki serwer poczty przełącza się na połączenie szyfrowane), a ten serwer go nie zaoferował, więc ASP.NET zatrzymuje się z komunikatem „Server does not support secure connections”. Zwykle port lub serwer nie jest serwerem wysyłkowym dostawcy albo szyfrowanie serwera nie jest skonfigurowane.
with-securesocketoptions-on-asp-net-a08cc797 = Przy włączonym `SecureSocketOptions` ASP.NET prosi o STARTTLS (sposób, w jaki serwer poczty przełącza się na połączenie szyfrowane), a ten serwer go nie zaoferował, więc ASP.NET zatrzymuje się z komunikatem „Server does not support secure connections”. Zwykle port lub serwer nie jest serwerem wysyłkowym dostawcy albo szyfrowanie serwera nie jest skonfigurowane.
with-smtpsecure-on-asp-net-fe653274 = Przy włączonym `SMTPSecure` ASP.NET prosi o STARTTLS (sposób, w jaki serwer poczty przełącza się na połączenie szyfrowane), a ten serwer go nie zaoferował, więc ASP.NET zatrzymuje się z komunikatem „Server does not support secure connections”. Zwykle port lub serwer nie jest serwerem wysyłkowym dostawcy albo szyfrowanie serwera nie jest skonfigurowane.
check-host-and-port-against-28b524e4 = Porównaj `Host` i `Port` z instrukcją dostawcy; jeśli `Port` to `25`, spróbuj `587`.
turning-ssl-smtpclient-enablessl-set-fd0df8f0 = Wyłączenie SSL (`SmtpClient.EnableSsl`, ustawiane w kodzie) oznaczałoby wysyłanie hasła bez szyfrowania (każdy po drodze mógłby je odczytać): rozważ to tylko wtedy, gdy dostawca potwierdzi, że serwer jest w Twojej własnej sieci prywatnej.
turning-securesocketoptions-off-would-se-e26e1505 = Wyłączenie `SecureSocketOptions` oznaczałoby wysyłanie hasła bez szyfrowania (każdy po drodze mógłby je odczytać): rozważ to tylko wtedy, gdy dostawca potwierdzi, że serwer jest w Twojej własnej sieci prywatnej.
turning-smtpsecure-off-would-send-9ef38bc8 = Wyłączenie `SMTPSecure` oznaczałoby wysyłanie hasła bez szyfrowania (każdy po drodze mógłby je odczytać): rozważ to tylko wtedy, gdy dostawca potwierdzi, że serwer jest w Twojej własnej sieci prywatnej.
keep-this-port-and-switch-32e36e57 = Zostaw ten port i włącz SSL w kodzie (w innych programach wybierz „STARTTLS” lub „TLS” zamiast „SSL”).
keep-this-port-and-set-cd2a42d8 = Zostaw ten port i ustaw `SecureSocketOptions` na `StartTls` (w innych programach wybierz „STARTTLS” lub „TLS” zamiast „SSL”).
keep-this-port-and-set-41922fa3 = Zostaw ten port i ustaw `SMTPSecure` na `'tls'` (STARTTLS) (w innych programach wybierz „STARTTLS” lub „TLS” zamiast „SSL”).
the-handshake-the-exchange-that-e9025476 = Uzgadnianie szyfrowania (handshake) się nie udało. Częste przyczyny to serwer, który zna tylko stare wersje szyfrowania (TLS 1.0 lub 1.1, odrzucane przez nowoczesne programy), serwer ze źle skonfigurowanym szyfrowaniem albo program zabezpieczający na serwerze WWW, który zakłóca połączenia szyfrowane.
send-again-in-a-few-5192a65a = Wyślij ponownie za kilka minut: niektóre serwery mają krótkotrwałe problemy z szyfrowaniem.
send-this-error-message-to-3a3fef43 = Wyślij ten komunikat o błędzie dostawcy poczty i zapytaj, czy serwer obsługuje TLS 1.2 lub nowszy.
if-the-web-server-runs-da617e2c = Jeśli na serwerze WWW działa antywirus, który skanuje pocztę, wstrzymaj skanowanie poczty na czas jednego testu albo zapytaj jego producenta.
if-it-lasts-tell-your-4398538e = Jeśli to trwa, powiedz dostawcy poczty, że serwer odpowiada na STARTTLS komunikatem „TLS not available”.
or-send-through-a-provider-70e262b5 = Możesz też wysyłać przez dostawcę, którego serwer obsługuje TLS 1.2: zmień `Host` (i `Port`) na jego serwer.
a-certificate-the-server-s-1a9f3248 = Certyfikat (dowód tożsamości serwera) wymienia nazwy, dla których jest ważny, a nazwy z `Host` nie ma wśród nich. Często zdarza się to na hostingu współdzielonym, gdzie certyfikat zawiera nazwę serwera firmy hostingowej, a nie Twoją domenę.
change-host-to-a-name-90ed824c = Zmień `Host` na nazwę, dla której certyfikat jest ważny (panel hostingu zwykle pokazuje ją jako nazwę serwera poczty).
the-certificate-the-server-s-b1cbac22 = Za certyfikat (dowód tożsamości serwera) nie ręczy żaden urząd certyfikacji, któremu ufa serwer WWW. Może być podpisany samodzielnie (wystawiony przez serwer sam sobie), serwer może pomijać certyfikat pośredni, który łączy go z zaufanym urzędem, albo program zabezpieczający w tej sieci może go podmieniać.
or-change-host-to-the-4b9aed71 = Możesz też zmienić `Host` na nazwę serwera zalecaną przez dostawcę: zwykle ma ona ważny certyfikat.
check-that-the-web-server-70da9069 = Sprawdź, czy data i godzina na serwerze WWW są poprawne: źle ustawiony zegar sprawia, że ważne certyfikaty wyglądają na wygasłe.
a-certificate-the-server-s-d82f1ec5 = Certyfikat (dowód tożsamości serwera) jest ważny dopiero od określonej daty, a według zegara serwera WWW ta data jeszcze nie nadeszła. Zwykle źle ustawiony jest zegar serwera WWW; rzadziej serwer ma certyfikat z datą w przyszłości.
check-that-the-web-server-1ea5bf6c = Sprawdź, czy data, godzina i strefa czasowa na serwerze WWW są poprawne, a potem wyślij ponownie.
switch-ssl-on-in-code-b0438e5d = Włącz SSL w kodzie i użyj `port` `587`.
set-securesocketoptions-to-starttls-and-2ad097ac = Ustaw `SecureSocketOptions` na `StartTls` i użyj `Port` `587`.
set-smtpsecure-to-tls-starttls-0664aeb3 = Ustaw `SMTPSecure` na `'tls'` (STARTTLS) i użyj `Port` `587`.
send-again-if-it-still-685a4d0a = Wyślij ponownie; jeśli nadal się nie udaje, odpowiedź serwera powie, którego z tych dwóch brakuje.
check-targetframework-in-appsettings-jso-cde6eebe = Sprawdź `targetFramework` w appsettings.json (`<httpRuntime targetFramework="…" />`): jeśli to 4.5.2 lub niżej, wpisz `<httpRuntime targetFramework="4.8" />` (na serwerze WWW musi być zainstalowany .NET Framework 4.8; powie Ci to firma hostingowa).
check-targetframework-in-your-phpmailer-d2d788fa = Sprawdź `targetFramework` w ustawieniach PHPMailer (`<httpRuntime targetFramework="…" />`): jeśli to 4.5.2 lub niżej, wpisz `<httpRuntime targetFramework="4.8" />` (na serwerze WWW musi być zainstalowany .NET Framework 4.8; powie Ci to firma hostingowa).
gmail-needs-an-app-password-52f29f0d = Gmail wymaga hasła aplikacji: włącz weryfikację dwuetapową na koncie Google, a potem otwórz myaccount.google.com/apppasswords (strona Bezpieczeństwo już do niej nie prowadzi), utwórz hasło aplikacji i wklej jego 16 liter do `Password` bez spacji. Jako `UserName` użyj pełnego adresu Gmail.
gmail-needs-an-app-password-0a64bbed = Gmail wymaga hasła aplikacji: włącz weryfikację dwuetapową na koncie Google, a potem otwórz myaccount.google.com/apppasswords (strona Bezpieczeństwo już do niej nie prowadzi), utwórz hasło aplikacji i wklej jego 16 liter do `Password` bez spacji. Jako `Username` użyj pełnego adresu Gmail.
gmail-sends-only-from-your-a7cd697e = Gmail wysyła tylko z Twojego własnego adresu albo z adresu dodanego w Settings → Accounts → „Send mail as” (Ustawienia → Konta → „Wyślij pocztę jako”): ustaw `From` na jeden z nich.
gmail-sends-only-from-your-967bb4ce = Gmail wysyła tylko z Twojego własnego adresu albo z adresu dodanego w Settings → Accounts → „Send mail as” (Ustawienia → Konta → „Wyślij pocztę jako”): ustaw adres `setFrom()` na jeden z nich.
the-google-workspace-smtp-relay-98e2ae0c = Przekaźnik SMTP Google Workspace musi włączyć administrator Workspace (Admin console → Apps → Google Workspace → Gmail → Routing → SMTP relay service). Jeśli wymaga SMTP Authentication, użyj adresu Workspace jako `UserName` i hasła aplikacji utworzonego na myaccount.google.com/apppasswords jako `Password`; jeśli zamiast tego dopuszcza adres IP Twojego serwera, zostaw oba puste.
the-google-workspace-smtp-relay-a8add76c = Przekaźnik SMTP Google Workspace musi włączyć administrator Workspace (Admin console → Apps → Google Workspace → Gmail → Routing → SMTP relay service). Jeśli wymaga SMTP Authentication, użyj adresu Workspace jako `Username` i hasła aplikacji utworzonego na myaccount.google.com/apppasswords jako `Password`; jeśli zamiast tego dopuszcza adres IP Twojego serwera, zostaw oba puste.
the-google-workspace-smtp-relay-a9a83a12 = Przekaźnik SMTP Google Workspace wysyła tylko z adresów, które administrator dopuścił w jego ustawieniach (zwykle z Twoich domen Workspace): ustaw `From` na jeden z nich.
the-google-workspace-smtp-relay-87c116c0 = Przekaźnik SMTP Google Workspace wysyła tylko z adresów, które administrator dopuścił w jego ustawieniach (zwykle z Twoich domen Workspace): ustaw adres `setFrom()` na jeden z nich.
the-relay-lets-in-only-459c6209 = Przekaźnik wpuszcza tylko adresy IP lub logowanie dopuszczone przez administratora w ustawieniach usługi przekazywania SMTP, więc test z innego komputera się nie uda, chyba że się zaloguje. Ustaw też `Hostname` na nazwę domeny swojej witryny: Google może odrzucić samą nazwę komputera, np. `localhost`.
microsoft-365-use-the-mailbox-19f8c62c = Microsoft 365: użyj pełnego adresu skrzynki jako `UserName`. Logowanie programów pocztowych („Authenticated SMTP”) musi być dozwolone dla tej skrzynki: administrator włącza je w centrum administracyjnym Microsoft 365 w Users → Active users → Mail → Manage email apps. Security defaults Microsoft Entra (standardowe zabezpieczenia logowania Microsoftu) blokują je dla całej organizacji, niezależnie od tego przełącznika.
microsoft-365-use-the-mailbox-3dc9ad4c = Microsoft 365: użyj pełnego adresu skrzynki jako `Username`. Logowanie programów pocztowych („Authenticated SMTP”) musi być dozwolone dla tej skrzynki: administrator włącza je w centrum administracyjnym Microsoft 365 w Users → Active users → Mail → Manage email apps. Security defaults Microsoft Entra (standardowe zabezpieczenia logowania Microsoftu) blokują je dla całej organizacji, niezależnie od tego przełącznika.
microsoft-365-sends-only-as-b2fe867a = Microsoft 365 wysyła tylko jako zalogowana skrzynka, chyba że administrator nada uprawnienie „Send As”: ustaw `From` na adres z `UserName`.
microsoft-365-sends-only-as-e3bbbbe6 = Microsoft 365 wysyła tylko jako zalogowana skrzynka, chyba że administrator nada uprawnienie „Send As”: ustaw adres `setFrom()` na adres z `Username`.
an-smtp-relay-your-admin-95d6c596 = Przekaźnik SMTP: administrator tworzy connector dla stałego adresu IP serwera WWW; potem ustaw `Host` na host MX swojej domeny (kończy się na `mail.protection.outlook.com`), `Port` na `25`, a `UserName` i `Password` zostaw puste.
an-smtp-relay-your-admin-a93b82b6 = Przekaźnik SMTP: administrator tworzy connector dla stałego adresu IP serwera WWW; potem ustaw `Host` na host MX swojej domeny (kończy się na `mail.protection.outlook.com`), `Port` na `25`, a `Username` i `Password` zostaw puste.
high-volume-email-hve-a-5d4715de = High Volume Email (HVE): konto Microsoft 365 dla programów, które nadal loguje się hasłem (`Host` `smtp-hve.office365.com`, `Port` `587`), przeznaczone do poczty do skrzynek Twojej własnej organizacji.
azure-communication-services-microsoft-s-f87006cd = Azure Communication Services: usługa wysyłkowa Microsoftu (`Host` `smtp.azurecomm.net`, `Port` `587`), która loguje się nazwą użytkownika i kluczem tajnym aplikacji, których może użyć Twoja witryna.
direct-send-a-host-ending-14a6804c = Direct send (`Host` kończący się na `mail.protection.outlook.com`) nie wymaga logowania: zostaw `UserName` i `Password` puste i użyj `Port` `25`. Doręcza tylko do skrzynek Twojej organizacji; aby dotrzeć do innych adresów, loguj się na `smtp.office365.com` na porcie `587` albo poproś administratora o connector (przekaźnik SMTP).
direct-send-a-host-ending-5cca796c = Direct send (`Host` kończący się na `mail.protection.outlook.com`) nie wymaga logowania: zostaw `Username` i `Password` puste i użyj `Port` `25`. Doręcza tylko do skrzynek Twojej organizacji; aby dotrzeć do innych adresów, loguj się na `smtp.office365.com` na porcie `587` albo poproś administratora o connector (przekaźnik SMTP).
since-16-september-2024-personal-6329d220 = Od 16 września 2024 prywatne konta Outlook.com i Hotmail nie przyjmują już hasła do wysyłania, tylko logowanie OAuth Microsoftu, którego witryna z appsettings.json nie obsługuje. Wysyłaj pocztę witryny przez innego dostawcę.
since-16-september-2024-personal-7621f718 = Od 16 września 2024 prywatne konta Outlook.com i Hotmail nie przyjmują już hasła do wysyłania, tylko logowanie OAuth Microsoftu, którego witryna z ustawieniami PHPMailer nie obsługuje. Wysyłaj pocztę witryny przez innego dostawcę.
outlook-com-sends-only-from-73caa19a = Outlook.com wysyła tylko z zalogowanego adresu: ustaw `From` na wartość `UserName`.
outlook-com-sends-only-from-5ea38fca = Outlook.com wysyła tylko z zalogowanego adresu: ustaw adres `setFrom()` na wartość `Username`.
send-your-website-s-mail-23638aa3 = Wysyłaj pocztę witryny przez usługę, która nadal przyjmuje hasło, np. serwer poczty firmy hostingowej albo usługę wysyłkową (SendGrid, Mailgun, Brevo i inne są na liście dostawców), i zmień `Host`, `UserName` i `Password` na jej wartości.
send-your-website-s-mail-6bda0d43 = Wysyłaj pocztę witryny przez usługę, która nadal przyjmuje hasło, np. serwer poczty firmy hostingowej albo usługę wysyłkową (SendGrid, Mailgun, Brevo i inne są na liście dostawców), i zmień `Host`, `Username` i `Password` na jej wartości.
godaddy-email-use-your-full-b39b7cc6 = Poczta GoDaddy: użyj pełnego adresu e-mail jako `UserName` i hasła skrzynki, z `Host` ustawionym na `smtpout.secureserver.net`. Jeśli Twoja poczta GoDaddy to plan Microsoft 365, użyj zamiast tego ustawień Microsoft 365 (`smtp.office365.com`).
godaddy-email-use-your-full-fc189166 = Poczta GoDaddy: użyj pełnego adresu e-mail jako `Username` i hasła skrzynki, z `Host` ustawionym na `smtpout.secureserver.net`. Jeśli Twoja poczta GoDaddy to plan Microsoft 365, użyj zamiast tego ustawień Microsoft 365 (`smtp.office365.com`).
godaddy-s-hosting-relay-relay-dd98d47f = Przekaźnik hostingowy GoDaddy (`relay-hosting.secureserver.net`) nie wymaga logowania: zostaw `userName` i `password` puste, z `port` ustawionym na `25` i SSL (`SmtpClient.EnableSsl`, ustawiane w kodzie) ustawionym na `false`.
godaddy-s-hosting-relay-relay-f07c2f1a = Przekaźnik hostingowy GoDaddy (`relay-hosting.secureserver.net`) nie wymaga logowania: zostaw `UserName` i `Password` puste, z `Port` ustawionym na `25` i `SecureSocketOptions` ustawionym na `false`.
godaddy-s-hosting-relay-relay-609d3ac7 = Przekaźnik hostingowy GoDaddy (`relay-hosting.secureserver.net`) nie wymaga logowania: zostaw `Username` i `Password` puste, z `Port` ustawionym na `25` i `SMTPSecure` ustawionym na `false`.
ionos-use-the-full-email-a7c00951 = IONOS: użyj pełnego adresu e-mail jako `UserName` i hasła skrzynki, z serwerem kraju Twojej umowy jako `Host` (`smtp.ionos.com`, `smtp.ionos.de` lub `smtp.ionos.co.uk`).
ionos-use-the-full-email-7e72a1b1 = IONOS: użyj pełnego adresu e-mail jako `Username` i hasła skrzynki, z serwerem kraju Twojej umowy jako `Host` (`smtp.ionos.com`, `smtp.ionos.de` lub `smtp.ionos.co.uk`).
ovhcloud-use-the-full-email-cd29b853 = OVHcloud: użyj pełnego adresu e-mail jako `UserName` i hasła skrzynki, z `Host` ustawionym na `ssl0.ovh.net` (nazwa, dla której ważny jest jego certyfikat).
ovhcloud-use-the-full-email-3c4dbb33 = OVHcloud: użyj pełnego adresu e-mail jako `Username` i hasła skrzynki, z `Host` ustawionym na `ssl0.ovh.net` (nazwa, dla której ważny jest jego certyfikat).
yahoo-needs-an-app-password-693b5950 = Yahoo wymaga hasła aplikacji: na koncie Yahoo otwórz Account security → Generate app password i użyj go jako `Password`, z pełnym adresem Yahoo jako `UserName`.
yahoo-needs-an-app-password-96021e70 = Yahoo wymaga hasła aplikacji: na koncie Yahoo otwórz Account security → Generate app password i użyj go jako `Password`, z pełnym adresem Yahoo jako `Username`.
yahoo-sends-only-from-the-4a458e03 = Yahoo wysyła tylko z zalogowanego adresu: ustaw `From` na swój adres Yahoo.
yahoo-sends-only-from-the-5064b1b3 = Yahoo wysyła tylko z zalogowanego adresu: ustaw adres `setFrom()` na swój adres Yahoo.
aol-needs-an-app-password-2a7d72d0 = AOL wymaga hasła aplikacji: na koncie AOL otwórz Account security → Generate app password i użyj go jako `Password`, z pełnym adresem AOL jako `UserName`.
aol-needs-an-app-password-574437f0 = AOL wymaga hasła aplikacji: na koncie AOL otwórz Account security → Generate app password i użyj go jako `Password`, z pełnym adresem AOL jako `Username`.
aol-sends-only-from-the-73cdefc3 = AOL wysyła tylko z zalogowanego adresu: ustaw `From` na swój adres AOL.
aol-sends-only-from-the-4db838b3 = AOL wysyła tylko z zalogowanego adresu: ustaw adres `setFrom()` na swój adres AOL.
icloud-mail-needs-an-app-c8532528 = Poczta iCloud wymaga hasła dla aplikacji: utwórz je na account.apple.com w Sign-In and Security → App-Specific Passwords i użyj pełnego adresu iCloud jako `UserName`.
icloud-mail-needs-an-app-0e669f48 = Poczta iCloud wymaga hasła dla aplikacji: utwórz je na account.apple.com w Sign-In and Security → App-Specific Passwords i użyj pełnego adresu iCloud jako `Username`.
zoho-mail-use-your-full-384aac79 = Zoho Mail: użyj pełnego adresu Zoho jako `UserName`. Jeśli logowanie dwuetapowe jest włączone, utwórz hasło dla aplikacji w Zoho Accounts → Security i użyj go jako `Password`. Użyj serwera swojego centrum danych (na przykład `smtp.zoho.eu` w Europie); konta organizacji we własnej domenie używają `smtppro.` zamiast `smtp.` (na przykład `smtppro.zoho.eu`).
zoho-mail-use-your-full-7a3fb759 = Zoho Mail: użyj pełnego adresu Zoho jako `Username`. Jeśli logowanie dwuetapowe jest włączone, utwórz hasło dla aplikacji w Zoho Accounts → Security i użyj go jako `Password`. Użyj serwera swojego centrum danych (na przykład `smtp.zoho.eu` w Europie); konta organizacji we własnej domenie używają `smtppro.` zamiast `smtp.` (na przykład `smtppro.zoho.eu`).
fastmail-needs-an-app-password-4c8b9524 = Fastmail wymaga hasła aplikacji: utwórz je w Settings → Privacy & Security → App passwords i użyj go jako `Password`.
azure-communication-services-username-is-82b5afd0 = Azure Communication Services: `UserName` to nazwa użytkownika SMTP utworzona w zasobie Communication Services (Settings → SMTP Usernames) i powiązana z aplikacją Microsoft Entra, która może wysyłać; `Password` to klucz tajny klienta tej aplikacji. Klucze tajne klienta wygasają: jeśli wcześniej działało, utwórz nowy klucz i użyj go.
azure-communication-services-username-is-25902af0 = Azure Communication Services: `Username` to nazwa użytkownika SMTP utworzona w zasobie Communication Services (Settings → SMTP Usernames) i powiązana z aplikacją Microsoft Entra, która może wysyłać; `Password` to klucz tajny klienta tej aplikacji. Klucze tajne klienta wygasają: jeśli wcześniej działało, utwórz nowy klucz i użyj go.
azure-communication-services-sends-only-ff5de3b8 = Azure Communication Services wysyła tylko z adresów MailFrom domeny e-mail połączonej z Twoim zasobem Communication Services: ustaw `From` na jeden z nich.
azure-communication-services-sends-only-fcf3ed02 = Azure Communication Services wysyła tylko z adresów MailFrom domeny e-mail połączonej z Twoim zasobem Communication Services: ustaw adres `setFrom()` na jeden z nich.
amazon-ses-needs-ses-smtp-cb156c1c = Amazon SES wymaga danych logowania SMTP SES, utworzonych w konsoli SES w SMTP settings dla regionu z `Host`. Klucze dostępu IAM i dane logowania SMTP z innego regionu nie działają.
amazon-ses-sends-only-from-31649dbc = Amazon SES wysyła tylko ze zweryfikowanych tożsamości: zweryfikuj adres `From` lub jego domenę w konsoli SES. Dopóki konto jest w piaskownicy (sandbox, tryb próbny nowych kont), odbiorcy też muszą być zweryfikowani.
amazon-ses-sends-only-from-ce071f11 = Amazon SES wysyła tylko ze zweryfikowanych tożsamości: zweryfikuj adres `setFrom()` lub jego domenę w konsoli SES. Dopóki konto jest w piaskownicy (sandbox, tryb próbny nowych kont), odbiorcy też muszą być zweryfikowani.
sendgrid-username-must-be-literally-2392208f = SendGrid: `UserName` musi mieć dosłownie wartość `apikey` (a nie Twój login czy adres e-mail), a `Password` to klucz API z uprawnieniem „Mail Send”, wklejony bez spacji.
sendgrid-username-must-be-literally-0f7ff76f = SendGrid: `Username` musi mieć dosłownie wartość `apikey` (a nie Twój login czy adres e-mail), a `Password` to klucz API z uprawnieniem „Mail Send”, wklejony bez spacji.
sendgrid-sends-only-from-a-0be2f6cf = SendGrid wysyła tylko ze zweryfikowanej tożsamości nadawcy (Sender Identity): zweryfikuj adres `From` lub jego domenę w Settings → Sender Authentication.
sendgrid-sends-only-from-a-c8fc64da = SendGrid wysyła tylko ze zweryfikowanej tożsamości nadawcy (Sender Identity): zweryfikuj adres `setFrom()` lub jego domenę w Settings → Sender Authentication.
mailgun-sends-from-addresses-of-ba0bed7a = Mailgun wysyła z adresów Twojej zweryfikowanej domeny wysyłkowej: użyj jednego z nich jako `From`.
mailgun-sends-from-addresses-of-38c1bbc8 = Mailgun wysyła z adresów Twojej zweryfikowanej domeny wysyłkowej: użyj jednego z nich jako adresu `setFrom()`.
postmark-use-your-server-api-681c5113 = Postmark: użyj swojego Server API Token zarówno jako `UserName`, jak i `Password`.
postmark-use-your-server-api-d6fda7f3 = Postmark: użyj swojego Server API Token zarówno jako `Username`, jak i `Password`.
postmark-sends-only-from-a-aa1507f0 = Postmark wysyła tylko z potwierdzonej Sender Signature lub zweryfikowanej domeny: użyj jednej z nich jako `From`.
postmark-sends-only-from-a-9ef116ea = Postmark wysyła tylko z potwierdzonej Sender Signature lub zweryfikowanej domeny: użyj jednej z nich jako adresu `setFrom()`.
brevo-username-is-the-smtp-61deeb36 = Brevo: `UserName` to login SMTP pokazany w SMTP & API, a `Password` to klucz SMTP z tej samej strony (nie klucz API ani hasło do konta).
brevo-username-is-the-smtp-d3088416 = Brevo: `Username` to login SMTP pokazany w SMTP & API, a `Password` to klucz SMTP z tej samej strony (nie klucz API ani hasło do konta).
brevo-sends-only-from-a-e7ee4fca = Brevo wysyła tylko ze zweryfikowanego nadawcy lub domeny: użyj jednego z nich jako `From`.
brevo-sends-only-from-a-0fe5ff38 = Brevo wysyła tylko ze zweryfikowanego nadawcy lub domeny: użyj jednego z nich jako adresu `setFrom()`.
mailjet-username-is-your-mailjet-be7768e2 = Mailjet: `UserName` to Twój klucz API Mailjet, a `Password` to jego klucz tajny (w Account settings → API keys), a nie Twój login Mailjet.
mailjet-username-is-your-mailjet-aa6c2842 = Mailjet: `Username` to Twój klucz API Mailjet, a `Password` to jego klucz tajny (w Account settings → API keys), a nie Twój login Mailjet.
mailjet-sends-only-from-a-2b02a254 = Mailjet wysyła tylko ze zweryfikowanego adresu nadawcy lub domeny: zweryfikuj adres `From` w Mailjet albo użyj adresu, który jest zweryfikowany.
mailjet-sends-only-from-a-a4239645 = Mailjet wysyła tylko ze zweryfikowanego adresu nadawcy lub domeny: zweryfikuj adres `setFrom()` w Mailjet albo użyj adresu, który jest zweryfikowany.
smtp2go-use-an-smtp-user-c2bc2bdb = SMTP2GO: użyj użytkownika SMTP z konta SMTP2GO (Sending → SMTP Users) jako `UserName` i jego hasła jako `Password`, a nie loginu SMTP2GO.
smtp2go-use-an-smtp-user-b95c2e7b = SMTP2GO: użyj użytkownika SMTP z konta SMTP2GO (Sending → SMTP Users) jako `Username` i jego hasła jako `Password`, a nie loginu SMTP2GO.
smtp2go-sends-only-from-verified-38d2716c = SMTP2GO wysyła tylko od zweryfikowanych nadawców (Sending → Verified Senders): użyj jednego z nich jako `From`.
smtp2go-sends-only-from-verified-4a413e26 = SMTP2GO wysyła tylko od zweryfikowanych nadawców (Sending → Verified Senders): użyj jednego z nich jako adresu `setFrom()`.
provider-also-takes-mail-on-688364ca = { $provider } przyjmuje pocztę także na porcie `{ $port }`, który firmy hostingowe i dostawcy internetu rzadko blokują: zmień `port` na `{ $port }` i zostaw SSL włączone w kodzie.
provider-also-takes-mail-on-2eb2c630 = { $provider } przyjmuje pocztę także na porcie `{ $port }`, który firmy hostingowe i dostawcy internetu rzadko blokują: zmień `Port` na `{ $port }` i zostaw `SecureSocketOptions` ustawione na `StartTls`.
provider-also-takes-mail-on-d235639f = { $provider } przyjmuje pocztę także na porcie `{ $port }`, który firmy hostingowe i dostawcy internetu rzadko blokują: zmień `Port` na `{ $port }` i zostaw `SMTPSecure` ustawione na `'tls'` (STARTTLS).
