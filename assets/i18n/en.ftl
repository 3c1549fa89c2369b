# English: the source of every other language. Generated from the `en!` and `tr!`
# texts in src/ by `UPDATE_CATALOGUE=1 cargo test --test i18n`: do not edit by hand.
# A message's id is its first words and a hash of its text, so a changed text is a new
# message. `{ $name }` is a value the program fills in; keep it, and keep words in
# backticks, attribute names and protocol words (SMTP, STARTTLS) as they are.

## src/arrive/dkim.rs

receivers-can-check-the-signature-79253611 = Receivers can check the signature { $provider } adds to your messages: `{ $name }` points to `{ $target }`.
receivers-can-check-the-signature-de564560 = Receivers can check the signature { $provider } adds to your messages: `{ $name }` holds the key.
dkim-is-a-signature-the-803894e2 = DKIM is a signature the sending server adds to every message; receivers check it against a key published in your domain's DNS.
provider-signs-with-the-selectors-fc53fd77 = { $provider } signs with the selectors { $selectors }, but no key for { $domain } was found there, so its signature cannot count for your domain and mail is more likely to land in spam.
provider-signs-with-the-selector-a5266169 = { $provider } signs with the selector { $selector }, but no key for { $domain } was found there, so its signature cannot count for your domain and mail is more likely to land in spam.
switch-on-dkim-for-domain-788c832b = Switch on DKIM for { $domain } in { $provider } ({ $place }) and add the { $record_type } record it shows (and the same for the other selectors); the record below has its shape.
switch-on-dkim-for-domain-929c2534 = Switch on DKIM for { $domain } in { $provider } ({ $place }) and add the { $record_type } record it shows; the record below has its shape.
domain-does-not-publish-provider-6ab37a2b = { $domain } does not publish { $provider }'s DKIM key
provider-s-dkim-key-is-4ce44b77 = { $provider }'s DKIM key is published for { $domain }
dkim-not-checked-4291ed12 = DKIM not checked
we-do-not-know-which-d85e6cbc = We do not know which DKIM selector { $server } signs with, so we could not check whether its key is published for { $domain }. Ask the provider whether it signs your mail with DKIM (a signature receivers check against a key in your domain's DNS) and which record to add.

## src/arrive/dmarc.rs

dmarc-tells-receivers-what-to-e721a5e3 = DMARC tells receivers what to do with mail that claims to be from { $domain } but passes neither SPF nor DKIM for it.
its-policy-is-p-reject-ce967681 = Its policy is `p=reject`: such mail is refused.
its-policy-is-p-quarantine-2a69dd62 = Its policy is `p=quarantine`: such mail goes to spam.
its-policy-is-p-none-01a9d2cb = Its policy is `p=none`: such mail is only reported.
domain-has-a-dmarc-policy-735612a7 = { $domain } has a DMARC policy: { $policy }
dmarc-of-domain-will-reject-c398e1d1 = DMARC of { $domain } will reject this mail
the-dmarc-policy-of-domain-35b9cbc4 = The DMARC policy of { $domain } says `p=reject`, and neither SPF nor DKIM will pass for { $domain } through this server, so receivers will refuse your website's mail.
dmarc-of-domain-will-quarantine-6ef31cf6 = DMARC of { $domain } will quarantine this mail
the-dmarc-policy-of-domain-eabc6562 = The DMARC policy of { $domain } says `p=quarantine`, and neither SPF nor DKIM will pass for { $domain } through this server, so receivers will put in spam your website's mail.
fix-spf-or-dkim-first-42d5b01c = Fix SPF or DKIM first (see above); only if that cannot be done soon, relax the policy to `p=none` with the record below.
domain-has-no-dmarc-record-49974c46 = { $domain } has no DMARC record
dmarc-is-a-dns-record-4d3d6942 = DMARC is a DNS record that tells receivers what to do with mail that fails the SPF and DKIM checks for your domain. Gmail and Yahoo ask every domain that sends a lot of mail to publish one, and mail from domains without it is trusted less. Add the TXT record below at `{ $name }`: `p=none` changes nothing for your mail and only asks receivers to check it.
the-dmarc-record-of-domain-98955b46 = The DMARC record of { $domain } has an error
the-dmarc-record-at-name-da80e0f7 = The DMARC record at `{ $name }` is `{ $record }`, which receivers cannot read, so they ignore it. Replace it with the record below and build on it.

## src/arrive/freemail.rs

provider-sends-its-own-addresses-879d096b = { $provider } sends its own addresses
the-from-address-is-at-67fb0fdc = The `from` address is at { $domain } and the mail goes through { $provider }'s own server ({ $host }), which signs it for { $domain }: there is nothing to add to any DNS.
a-domain-address-cannot-be-27101620 = A { $domain } address cannot be sent through { $server }
the-from-address-is-at-4eca8930 = The `from` address is at { $domain }, which belongs to { $provider }. Its DNS (which you cannot change) tells every receiver to refuse or bin mail from { $domain } that did not come through { $provider }'s own servers, so mail sent through { $server } is refused by Gmail, Yahoo, Outlook.com and others. Set `from` to an address on your own domain, and set up that domain's SPF and DKIM for { $server }.

## src/arrive/model.rs

likely-to-arrive-5f0e6d11 = Likely to arrive
likely-to-land-in-spam-a5ce4d7f = Likely to land in spam
will-be-rejected-by-gmail-6299af51 = Will be rejected by Gmail and others

## src/arrive/request.rs

given-is-not-an-email-d634334b = "{ $given }" is not an email address whose domain we can check; give one like --from site@example.com

## src/arrive/server.rs

your-mail-server-13d9fcfc = your mail server

## src/arrive/spf.rs

the-spf-record-needs-count-5dedf6d1 = The SPF record needs { $count } DNS look-ups; the limit is 10
receiving-servers-stop-checking-an-be2111cf = Receiving servers stop checking an SPF record after 10 look-ups (each `include:`, `a`, `mx`, `ptr`, `exists` and `redirect=` counts, also inside the records it includes), and then treat the check as failed. The record of { $domain } needs { $count }. Remove the `include:` entries of services you no longer send through, or replace `a` and `mx` with the `ip4:` addresses they stand for.
a-look-up-timed-out-13157fc5 = a look-up timed out or the DNS server failed
the-spf-record-of-domain-67804a0e = The SPF record of { $domain } (the list of servers allowed to send its mail) names { $server } through `include:{ $include }`, { $provider }'s entry, so receivers will see that the server is allowed to send for you.
the-spf-record-of-domain-0b5c4f92 = The SPF record of { $domain } (the list of servers allowed to send its mail) names { $server }, so receivers will see that the server is allowed to send for you.
spf-allows-server-to-send-8afd0a77 = SPF allows { $server } to send for { $domain }
domain-has-no-spf-record-1cb5b594 = { $domain } has no SPF record
an-spf-record-is-a-cb1c9d74 = An SPF record is a line in your domain's DNS that lists the servers allowed to send mail for it. { $domain } has none, so Gmail, Outlook.com and others cannot tell your website's mail from a forgery and put it in spam or refuse it. Add the TXT record below at your DNS host (where your domain's DNS is managed).
domain-has-count-spf-records-07a9b800 = { $domain } has { $count } SPF records; it may have only one
domain-publishes-count-txt-records-74c3917b = { $domain } publishes { $count } TXT records starting with `v=spf1`. Receivers treat that as an error and the SPF check fails for every server. Delete them all and add the one record below, which keeps every entry of them.
it-includes-include-which-has-336f9a8d = It includes `{ $include }`, which has no single valid SPF record, so the check ends in an error. Remove that entry or correct its name.
receivers-cannot-read-it-a-63ea1f19 = Receivers cannot read it (a misspelt entry, a stray character or a missing space), so the check ends in an error. Replace it with the record below, and add back any other service that sends mail for you.
the-spf-record-of-domain-22ad1250 = The SPF record of { $domain } is `{ $record }`.
the-spf-record-of-domain-20d2dd14 = The SPF record of { $domain } has an error
spf-does-not-allow-server-e96b146c = SPF does not allow { $server } to send for { $domain }
the-spf-record-of-domain-ae180452 = The SPF record of { $domain } lists the servers allowed to send its mail, and { $server } is not among them, so receivers see your website's mail as possibly forged. Change the record to the one below: it adds `{ $terms }` and keeps everything else.

## src/arrive/texts.rs

could-not-look-up-the-20e612c3 = Could not look up the SPF record of { $domain }
the-dns-look-up-of-5603d802 = The DNS look-up of the SPF record of { $domain } did not answer ({ $why }), so this check is incomplete.
could-not-look-up-the-994cde94 = Could not look up the SPF check of { $domain }
the-dns-look-up-of-d0fe910b = The DNS look-up of the SPF check of { $domain } did not answer ({ $why }), so this check is incomplete.
could-not-look-up-the-453faaab = Could not look up the DMARC record { $name }
the-dns-look-up-of-89d9c052 = The DNS look-up of the DMARC record { $name } did not answer ({ $why }), so this check is incomplete.
could-not-look-up-the-aeefb05d = Could not look up the addresses of { $host }
the-dns-look-up-of-0d90da28 = The DNS look-up of the addresses of { $host } did not answer ({ $why }), so this check is incomplete.
try-again-in-a-minute-9c32e930 = Try again in a minute, or name another DNS server with --dns-server, for example --dns-server 1.1.1.1:53.
host-has-no-address-in-871405a2 = { $host } has no address in DNS
the-mail-server-host-has-ebe00387 = The mail server { $host } has no address in DNS, so we could not check whether your SPF record allows it to send. Check the spelling of `host`.

## src/certificate.rs

rsa-bits-bits-23280151 = RSA { $bits } bits
ec-bits-bits-fe055061 = EC { $bits } bits
other-algorithm-06e3c735 = other ({ $algorithm })

## src/checklist.rs

working-2d8933f4 = working…
waiting-eeda06a8 = waiting
not-reached-5ea156cc = not reached
skipped-022ec9b7 = skipped
stopped-here-8940b99c = stopped here

## src/cli/confirm.rs

y-n-57127fdb = [y/N]
yes-4e9f3590 = yes

## src/cli/dns_check_cmd.rs

will-mail-from-domain-through-87a4a5b9 = Will mail from { $domain } through { $host } arrive?
will-mail-from-domain-arrive-00b99798 = Will mail from { $domain } arrive?
name-2de5e154 = name:
type-38e11e55 = type:
value-6b47a2d0 = value:
add-this-dns-record-a930def2 = Add this DNS record:
verdict-verdict-0f0534c1 = Verdict: { $verdict }
note-note-edb4a61f = Note: { $note }

## src/cli/help.rs

usage-740f2048 = Usage
arguments-a33c193f = Arguments
options-353e0d45 = Options
commands-971550f3 = Commands
possible-values-bc143884 = Possible values
default-933b5bde = default
possible-values-a2c8a064 = possible values

## src/cli/inbox_cmd.rs

mailbox-password-631a3f6c = Mailbox password
the-environment-variable-var-is-f51718d6 = the environment variable { $var } is not set (or not valid text); set it to the mailbox password
the-server-gave-the-message-9ecaf4ed = the server gave the message no Message-ID to look for
could-not-read-the-ca-66ac5a07 = could not read the --ca-file { $path }: { $err }
looking-for-the-message-in-88a27f59 = Looking for the message in { $mailbox } (up to { $seconds } s)…
the-mailbox-password-was-not-7b1224ac = the mailbox password was not saved in the keyring: the check did not get as far as a good sign-in.
no-password-for-the-mailbox-0abb5363 = no password for the mailbox { $mailbox }: pass it with --inbox-password-stdin or --inbox-password-env VAR, or save it in the keyring as { $account }
did-it-land-mailbox-c25c5dff = Did it land? { $mailbox }

## src/cli/json.rs

could-not-write-json-err-c9dd0283 = could not write JSON: { $err }

## src/cli/mod.rs

stopping-the-test-ctrl-c-18158df4 = Stopping the test… (Ctrl-C again quits at once)
the-checks-after-sending-check-eea128bf = The checks after sending (--check-dns, --check-inbox) run only after the message went through.
could-not-read-standard-input-6cb61c3b = could not read standard input: { $err }
give-the-error-text-to-2a747ea0 = give the error text to explain, or pipe it in with -

## src/cli/oauth_cmd.rs

signed-out-the-sign-in-920ac642 = Signed out: the sign-in of { $mailbox } is no longer kept.
no-sign-in-of-mailbox-c1033f07 = No sign-in of { $mailbox } was kept for this app.
signed-in-as-who-with-0789c27a = Signed in as { $who } with { $provider } (kept in the system keyring).
a-new-access-token-was-03874317 = A new access token was issued just now, valid for { $minutes } min.
a-new-access-token-was-505fd341 = A new access token was issued just now.
not-signed-in-no-sign-b24f4b10 = Not signed in: no sign-in of { $mailbox } is kept for this app. `{ $command }` signs in.
the-kept-sign-in-of-41c1d286 = The kept sign-in of { $mailbox } no longer works: { $error }. Sign in again.

## src/cli/output.rs

testing-host-port-with-security-bc3dfc06 = Testing { $host }:{ $port } with { $security }, as ASP.NET (System.Net.Mail) would.
testing-host-port-with-security-fa0d57de = Testing { $host }:{ $port } with { $security }, as a generic mail program would.
these-settings-need-attention-before-a42c8b40 = These settings need attention before a test can run:
error-21918751 = error
warning-792112ef = warning
note-919a0c3d = note
warning-summary-cb2694b9 = Warning: { $summary }
ways-out-315d2fe1 = Ways out:
checklist-7164074f = Checklist:
only-partly-the-server-accepted-8a4abcce = Only partly: the server accepted the test message for { $recipient } (its own mailbox), but refuses outside addresses without a sign-in.
success-the-server-accepted-the-2b96e5a9 = Success: the server accepted the test message for { $recipient }.
warning-the-password-crossed-the-ae191d12 = Warning: the password crossed the network UNENCRYPTED (you allowed it for this test). Set enableSsl to true so your website does not do the same.
warning-the-certificate-is-not-676d1a93 = Warning: the certificate is NOT valid ({ $problem }). Your website checks it and will fail.
paste-this-into-your-web-97160651 = Paste this into your web.config, inside <configuration>:
for-platform-967bcad1 = For { $platform }:
other-platforms-command-the-same-69f99f14 = Other platforms: { $command } (the same settings flags; --format all prints every one)
problem-summary-7ede7f64 = Problem: { $summary }
what-to-do-8cbc7e25 = What to do:
suggested-change-run-again-with-91377baf = Suggested change (run again with { $flags }):
the-server-said-reply-de77b5c4 = The server said: { $reply }
preset-70ea81de = PRESET
host-edf03e2f = HOST
port-24fff026 = PORT
your-host-b2942d15 = (your host)
not-usable-from-asp-net-eb3e1b53 = Not usable from ASP.NET (System.Net.Mail).

## src/cli/probe_cmd.rs

stopping-ctrl-c-again-quits-252995ab = Stopping… (Ctrl-C again quits at once)

## src/cli/probe_output.rs

looking-for-the-outgoing-mail-812c6ba5 = Looking for the outgoing mail server for { $email }, for an ASP.NET website (System.Net.Mail).
looking-for-the-outgoing-mail-577f55c6 = Looking for the outgoing mail server for { $email }, for a mail program.
looking-for-what-host-offers-8dc74ce8 = Looking for what { $host } offers, for an ASP.NET website (System.Net.Mail).
looking-for-what-host-offers-18e74dbb = Looking for what { $host } offers, for a mail program.
each-try-stops-after-the-09a8b128 = Each try stops after the server's greeting: no message and no password are sent.
trying-1-server-name-names-bb4dd271 = Trying 1 server name: { $names }
trying-count-server-names-names-dc28bd1c = Trying { $count } server names: { $names }
use-these-settings-in-your-104f0487 = Use these settings in your website:
why-why-99fef765 = Why: { $why }
in-web-config-line-89ad6d8c = In web.config: { $line }
no-settings-to-recommend-3a0b504c = No settings to recommend.
from-this-computer-to-host-ae426e27 = From this computer to { $host }: { $ports }.
done-in-time-cancelled-5bc6fe41 = Done in { $time } (cancelled).
done-in-time-5fb638b3 = Done in { $time }.
everything-tried-best-first-e41cbf92 = Everything tried, best first:
server-40ac3dd2 = server
security-c92cc9bb = security
reachable-70756d30 = reachable
sign-in-281c1798 = sign-in
cert-4cb0e403 = cert
time-5d3c9be4 = time
why-18f40e39 = why
names-that-do-not-exist-a4ffda74 = (names that do not exist were not tried further)
plain-d3be3f67 = plain
ssl-on-connect-dbeb3514 = SSL on connect
trusted-dd092c3c = trusted
untrusted-3c0e3839 = untrusted
expired-338eb632 = expired
wrong-name-475d1629 = wrong name
invalid-cbd1f530 = invalid

## src/cli/profile_cmd.rs

renamed-profile-old-to-new-edd00652 = Renamed profile "{ $old }" to "{ $new }".
no-profiles-yet-save-one-78e104ee = No profiles yet. Save one with: { $command }
no-sign-in-740a2bca = (no sign-in)
profile-name-path-da76cc87 = Profile "{ $name }" ({ $path })
not-needed-no-sign-in-16416f92 = not needed (no sign-in)
saved-in-the-keyring-471fe699 = saved in the keyring
not-saved-give-it-with-eb4324db = not saved (give it with --password-stdin or --password-env; add --save-password to keep it in the keyring)
unknown-the-keyring-could-not-90752bb4 = unknown: the keyring could not be read
test-it-command-7eff2131 = Test it: { $command }
timeouts-3411c421 = timeouts
connect-connect-s-greeting-greeting-1f5ae1d3 = connect { $connect } s, greeting { $greeting } s, commands { $command } s
accept-invalid-certs-42e8fc91 = accept invalid certs
ca-file-3a8117e5 = ca file
save-password-needs-the-password-ea8d182a = --save-password needs the password: pass it with --password-stdin or --password-env VAR
the-old-profiles-file-could-c287bcd2 = the old profiles file could not be read, so it was moved aside (nothing is lost): { $path }
replaced-profile-name-in-path-07131cc2 = Replaced profile "{ $name }" in { $path } (no password in it).
saved-profile-name-in-path-dfc46583 = Saved profile "{ $name }" in { $path } (no password in it).
the-password-was-not-kept-0ab7efbb = The password was not kept (add --save-password to keep it in the system keyring).
these-settings-do-not-sign-e4955288 = These settings do not sign in with a user name, so there is no password to save.
deleted-profile-name-4882e1e8 = Deleted profile "{ $name }".
a-password-saved-for-it-18a62b71 = A password saved for it stays in the keyring (other profiles for the same account use it too); `profile delete --forget-password` removes it as well.
profile-name-does-not-sign-2e551ed4 = Profile "{ $name }" does not sign in with a user name: there is no password to forget.
remove-all-count-profiles-and-462289c2 = Remove all { $count } profiles and every password Mail Settings Tester saved in the keyring?
nothing-was-removed-run-again-6988196d = Nothing was removed: run again with --yes to remove every profile and saved password.
removed-profiles-profile-s-and-06660efb = Removed { $profiles } profile(s) and { $passwords } saved password(s).
removed-the-saved-password-for-19fd2f90 = Removed the saved password for { $account } from the keyring.
no-password-was-saved-in-2a90a5e4 = No password was saved in the keyring for { $account }.
saved-the-password-for-account-69032fc6 = Saved the password for { $account } in the system keyring.

## src/cli/profile_keyring.rs

no-password-is-saved-in-7fd8f14a = no password is saved in the keyring for { $account }. Pass it with --password-stdin or --password-env VAR (add --save-password to keep it).
the-password-is-needed-pass-dc38d6e7 = the password is needed: pass it with --password-stdin or --password-env VAR.
using-the-password-saved-in-447fc673 = Using the password saved in the keyring for { $account }.
these-settings-do-not-sign-d7b82868 = these settings do not sign in with a user name, so there is no password to save.
the-password-was-not-saved-4521489f = the password was not saved in the keyring because the server refused the sign-in.

## src/cli/report_file.rs

the-support-report-was-not-74159c71 = the support report was not written: { $message }
support-report-written-to-path-f13a3c47 = Support report written to { $path }
could-not-write-the-support-ab51dfc3 = could not write the support report ({ $err }): { $path }
path-is-not-a-file-42c39be8 = { $path } is not a file
path-already-exists-and-is-b1dfc304 = { $path } already exists and is not a report from this tester; choose another file name

## src/cli/resolve.rs

user-needs-a-password-pass-c94ada2d = --user needs a password: pass it with --password-stdin or --password-env VAR (never as an argument)
there-is-no-profile-named-25a91d5a = there is no profile named "{ $name }"; `mailtester profile list` shows the saved ones
there-is-no-preset-name-fa72f4e1 = there is no preset "{ $name }"; choose one of: { $names }
password-2cc30838 = Password
the-environment-variable-var-is-e7426592 = the environment variable { $var } is not set (or not valid text); set it to the password
prompt-input-is-not-hidden-841279c7 = { $prompt } (input is not hidden; prefer a pipe):
could-not-read-the-password-120dc4df = could not read the password from standard input: { $err }
flag-was-given-but-standard-0e415ce1 = { $flag } was given but standard input had no line for it

## src/cli/say.rs

error-message-7fcc1b86 = error: { $message }
warning-message-8341c1cc = warning: { $message }
note-message-e2a00142 = note: { $message }

## src/cli/scan_cmd.rs

found-sites-with-mail-settings-ca740722 = Found { $sites } with mail settings, using { $servers } (--offline: none is contacted).
found-sites-with-mail-settings-0472bdeb = Found { $sites } with mail settings, using { $servers }.
contacted-done-of-total-servers-38b87ee1 = Contacted { $done } of { $total } servers…
t-1-mail-server-5cc20956 = 1 mail server
count-mail-servers-fdac7a27 = { $count } mail servers
the-csv-could-not-be-4fc3b8b7 = the CSV could not be made: { $err }
csv-written-to-path-b9b19256 = CSV written to { $path }
html-page-written-to-path-604f2e2a = HTML page written to { $path }
could-not-write-the-csv-39267b1e = could not write the CSV ({ $err }): { $path }. Choose a folder you may write to.
could-not-write-the-html-8d232522 = could not write the HTML page ({ $err }): { $path }. Choose a folder you may write to.

## src/cli/scan_output.rs

t-1-site-c22fc96f = 1 site
count-sites-a9a5308c = { $count } sites
no-server-to-contact-sites-92fa060f = No server to contact ({ $sites })
skipped-count-ff812831 = Skipped ({ $count }):
summary-files-files-read-in-304f342d = { $summary }; { $files } files read in { $seconds } s.
no-site-with-mail-settings-eb55820e = No site with mail settings was found. Point the scan at the folder that holds the sites (for example C:\inetpub\vhosts or /var/www), or give --iis-config.
server-sites-broken-broken-at-9406a0b2 = { $server }: { $sites } ({ $broken } broken, { $at_risk } at risk, { $unknown } unknown, { $ok } OK)
did-not-answer-problem-bda68194 = did not answer: { $problem }
tls-on-connect-2f402ce9 = TLS on connect
offers-starttls-089863af = offers STARTTLS
no-starttls-3f327a1f = no STARTTLS
no-sign-in-before-encryption-36031e69 = no sign-in before encryption
sign-in-before-encryption-methods-99e7b9c2 = sign-in before encryption: { $methods }
no-sign-in-after-encryption-47a4a654 = no sign-in after encryption
sign-in-after-encryption-methods-ee54907f = sign-in after encryption: { $methods }
certificate-certificate-c4f98173 = certificate { $certificate }
broken-0d935360 = BROKEN
at-risk-5412ef9b = AT RISK
unknown-69b80b99 = UNKNOWN
ok-85e4b82f = OK
fix-fix-e4c99121 = Fix: { $fix }
apply-it-command-969d0163 = Apply it: { $command }

## src/cli/stdin_text.rs

the-input-is-broken-utf-d21f7acb = the input is broken UTF-16: save it as UTF-8 or UTF-16 text and try again
the-input-is-not-utf-eee33dd4 = the input is not UTF-8 text (probably an older Windows encoding): save it as UTF-8 or UTF-16 text and try again
the-line-is-not-utf-c971d459 = the line is not UTF-8 text: save it as UTF-8 or UTF-16 text and try again

## src/cli/webconfig_cmd.rs

mail-settings-in-path-bea8d53b = Mail settings in { $path }:
not-set-a541b773 = (not set)
not-set-no-sign-in-d89f1f29 = (not set: no sign-in)
not-set-the-web-server-05e903ce = (not set: the web server's name)
set-not-shown-8e04618e = (set, not shown)
not-true-or-false-see-4912fbf6 = (not true or false: see the error below)
not-stated-bd15bde6 = (not stated)
test-them-46dd20dd = Test them:
nothing-to-change-the-file-65d4a0db = Nothing to change: the file already has these settings: { $path }
dry-run-nothing-was-written-83e7f00e = Dry run: nothing was written.
updated-path-37738ea1 = Updated { $path }.
the-old-file-is-saved-795e6599 = The old file is saved as { $path }.
still-to-fix-by-hand-087d2c93 = Still to fix by hand:
these-settings-cannot-be-written-c9942416 = these settings cannot be written until they are fixed:
write-these-changes-to-path-5f106860 = Write these changes to { $path }? A backup copy is made first.
nothing-was-written-run-again-e048ac0a = Nothing was written: run again with --yes to write these changes.
nothing-was-written-317a5b5a = Nothing was written.
no-problems-found-808793a4 = No problems found.
t-1-error-cd417dc2 = 1 error
count-errors-7af566cb = { $count } errors
t-1-warning-f1c7ab28 = 1 warning
count-warnings-6efe9689 = { $count } warnings
t-1-note-4430d8c0 = 1 note
count-notes-a90e79f1 = { $count } notes
findings-errors-warnings-notes-16ee245c = Findings: { $errors }, { $warnings }, { $notes }
error-df22b531 = ERROR
line-line-code-8334a308 = line { $line }, { $code }

## src/credentials/error.rs

there-is-no-keyring-on-7e9019d6 = There is no keyring on this computer that Mail Settings Tester can use ({ $keyring }), so the password cannot be saved or read there. The password is used for this session only. { $advice } (Details: { $detail })
your-keyring-keyring-is-locked-b5a4c68b = Your keyring ({ $keyring }) is locked, so the password could not be saved or read. The password is used for this session only. Unlock the keyring (sign in to your desktop again, or unlock it in your keyring app), then try again. (Details: { $detail })
your-keyring-keyring-did-not-76142675 = Your keyring ({ $keyring }) did not allow Mail Settings Tester to use this password. The password is used for this session only. Allow access when the keyring asks (or in its settings), then try again. (Details: { $detail })
your-keyring-keyring-could-not-daf77fe7 = Your keyring ({ $keyring }) could not save or read the password. The password is used for this session only. Try again; if it keeps failing, type the password each time. (Details: { $detail })
the-what-is-too-long-1ec59e0a = The { $what } is too long for your keyring ({ $keyring } takes at most { $limit } bytes), so it could not be saved there. The password is used for this session only; type it each time.
there-is-no-password-to-fcd23170 = There is no password to save: enter the password first, then save it.
user-name-a59136f5 = user name
password-364b5f18 = password
no-keyring-store-is-set-ae980b57 = no keyring store is set up
no-saved-password-de7667ce = no saved password
the-saved-password-is-not-caf48e59 = the saved password is not readable text; save it again
count-saved-passwords-match-this-15464f8a = { $count } saved passwords match this account; remove the extra ones in your keyring app

## src/credentials/platform.rs

the-secret-service-e-g-882f6c95 = the Secret Service, e.g. GNOME Keyring or KWallet
the-macos-keychain-8faf0187 = the macOS Keychain
the-windows-credential-manager-fb0531ad = the Windows Credential Manager
none-is-supported-on-this-ee2f389d = none is supported on this system
to-remember-passwords-run-the-5f3b84d2 = To remember passwords, run the tester in a desktop session where a keyring runs (GNOME Keyring or KWallet), then try again.
to-remember-passwords-run-the-6d45ebaa = To remember passwords, run the tester in your own signed-in desktop session, then try again.

## src/diagnosis/aspnet/mod.rs

if-your-site-sends-with-f777e641 = If your site sends with SmtpClient (System.Net.Mail), its error log will say
your-website-s-error-log-f87ec5b8 = Your website's error log will say

## src/diagnosis/classify.rs

microsoft-365-has-smtp-sign-7bc38d83 = Microsoft 365 has SMTP sign-in switched off for this mailbox
microsoft-365-lets-administrators-switch-9108f35f = Microsoft 365 lets administrators switch off "Authenticated SMTP" (the way programs sign in to send mail), and it is off for this mailbox, so even the right password is refused.
ask-your-microsoft-365-administrator-c54e0072 = Ask your Microsoft 365 administrator to turn on "Authenticated SMTP" for this mailbox (admin centre → Users → Active users → the user → Mail → Manage email apps).
microsoft-365-has-smtp-sign-360e5a0b = Microsoft 365 has SMTP sign-in switched off for your organisation: your admin can turn it on
yahoo-and-aol-refuse-the-709f08a8 = Yahoo and AOL refuse the normal account password from mail programs, and after several refused tries they also pause sign-ins for a while.
wait-about-an-hour-before-d6d59691 = Wait about an hour before testing again, so the pause can end.
gmail-refused-the-user-name-15d09805 = Gmail refused the user name and password. Gmail accepts only an app password (a separate password made just for programs) from mail programs such as your website: since May 2022 for personal accounts and since September 2024 for Google Workspace accounts. An app password already in use may have been mistyped or withdrawn.
here-the-block-comes-from-536cc146 = Here the block comes from your organisation's "security defaults" (Microsoft's standard sign-in protections).
verify-the-from-address-or-31a6261b = Verify the `from` address (or its whole domain) in your sending service's dashboard.
the-server-refuses-the-old-cabda9d1 = The server refuses the old encryption version this program uses
the-program-offered-tls-1-5b1ec346 = The program offered TLS 1.0 or 1.1 (old versions of the encryption that protects the connection), and the server accepts only TLS 1.2 or newer.
make-sure-the-website-runs-a3175796 = Make sure the website runs on .NET Framework 4.7 or newer, which uses the newest encryption Windows offers.
for-an-older-website-ask-fd2f3186 = For an older website, ask your developer to enable TLS 1.2 (ServicePointManager.SecurityProtocol) and install the Windows updates that add it.
test-again-after-the-change-c6691a26 = Test again after the change.
the-server-s-encryption-is-e48e53e2 = The server's encryption is not working at the moment
the-server-offers-encryption-but-4969b44a = The server offers encryption but could not start it because of a problem on its own side (often a missing or broken certificate, the server's proof of identity).
wait-a-few-minutes-and-763995a7 = Wait a few minutes and test again.
if-it-persists-tell-your-5398e48d = If it persists, tell your mail provider and include the server's reply: only they can repair it.
keep-enablessl-set-to-true-2c3e3edb = Keep `enableSsl` set to `true`: without encryption your password would cross the network readable.
provider-needs-an-app-password-8404df24 = { $provider } needs an app password instead of your normal password
test-again-5d322c29 = Test again.

## src/diagnosis/explain/dotnet_log.rs

your-website-s-log-quotes-45d21fe9 = Your website's log quotes only the first line of the server's refusal, which names the server; the reason is on the lines after it. Run the test here to see them.

## src/diagnosis/explain.rs

codes-that-start-with-4-34e1b6b7 = Codes that start with 4 mean "try again later"; if it keeps happening, the reply's words are the reason to send to your mail provider.
codes-that-start-with-5-eea7edf5 = Codes that start with 5 mean the server will not accept this as it is; the words after the code are its reason.
we-don-t-recognise-this-9ef5f9c1 = We don't recognise this server reply
the-server-answered-with-a-be6938c6 = The server answered with a reply we have no explanation for yet.

## src/diagnosis/mod.rs

even-so-this-test-message-84be81e9 = Even so, this test message went through: after the refusal ASP.NET sends without signing in, and this server accepts that for mail to its own mailboxes. Mail to any other address (your customers) will be refused until the sign-in works, and your website's log will show no error for this one.

## src/diagnosis/outcome/auth.rs

this-server-offers-starttls-encryption-7bc26440 = This server offers STARTTLS (encryption), so the fix is one setting.
this-server-offers-no-encryption-696f82ef = This server offers no encryption on this port.
ask-your-mail-provider-for-c9b3f2af = Ask your mail provider for the port that offers encryption (usually `587` with STARTTLS) and use it.
the-server-offers-sign-in-811c9099 = The server offers sign-in only after the connection is encrypted with STARTTLS (the way a mail server switches to an encrypted connection), so it hid sign-in to protect your password. `enableSsl="true"` turns STARTTLS on in web.config.
no-sign-in-method-7ae1fdbe = no sign-in method
this-server-offers-list-and-b1185126 = This server offers { $list }, and { $target } can use none of them (ASP.NET's mail sender knows only LOGIN, NTLM, Digest and Negotiate). The same settings can work in other programs, but will fail from your website.
xoauth2-and-oauthbearer-mean-oauth-f5583b2e = XOAUTH2 and OAUTHBEARER mean OAuth (signing in through the provider's own page).
this-server-does-not-understand-22cf71da = This server does not understand how ASP.NET signs in
asp-net-sends-the-user-20a7823c = ASP.NET sends the user name together with its sign-in command (AUTH LOGIN), and then the password. This server ignored the user name and asked for it again after the password, so the sign-in can never finish from your website, whatever the password.
ask-your-mail-provider-whether-52f1f934 = Ask your mail provider whether the server can accept AUTH LOGIN with an initial response (RFC 4954), or for another server name to send through.
or-send-through-another-mail-017a8669 = Or send through another mail service (your hosting company's, or a sending service such as SendGrid or Mailgun).
this-server-refuses-the-way-1d470d15 = This server refuses the way ASP.NET signs in
the-server-offers-login-sign-8c041507 = The server offers LOGIN sign-in, the method ASP.NET uses, but refused it in the form ASP.NET sends it: the command together with the user name on one line ("AUTH login …"). It answered "{ $reply }" before any password was checked. Programs that send the user name on its own line (PHPMailer, MailKit, Outlook) can sign in to this server; your website cannot, whatever the password.
ask-your-mail-provider-whether-8485148d = Ask your mail provider whether the server can accept AUTH LOGIN with the user name on the same line (an "initial response", RFC 4954), or for another server name to send through.
or-ask-your-developer-to-59a0f742 = Or ask your developer to send with MailKit, which signs in the other way.

## src/diagnosis/outcome/connection.rs

the-mail-server-s-name-abb8de91 = The mail server's name “{ $host }” could not be found
host-has-no-dot-in-a25384f0 = `host` has no dot in it, while mail server names look like `smtp.example.com`: check it against your provider's instructions.
the-connection-went-to-address-039eccb9 = The connection went to { $address }.
port-port-is-unusual-for-e9e416e2 = Port { $port } is unusual for sending mail: most providers use `587`.
we-waited-secs-seconds-for-18544b73 = We waited { $secs } seconds for { $address }.
port-25-is-commonly-blocked-bf227656 = Port 25 is commonly blocked by hosting companies and internet providers to stop spam, so connections to it often go unanswered.
this-computer-could-not-reach-082acb74 = This computer could not reach the mail server
the-system-reported-detail-16c5517e = The system reported: “{ $detail }”.
check-that-this-computer-is-05bf2936 = Check that this computer is connected to the internet, then test again.
the-server-said-nothing-for-c2aad1c2 = The server said nothing for { $secs } seconds, and a second try that started encrypted got no answer either.
this-port-expects-encryption-from-e1538362 = This port expects encryption from the very first byte ("SSL on connect", typical for port 465), so the server waits for encryption while the program waits for a greeting. ASP.NET's mail sender cannot do SSL on connect: your website would wait like this for 100 seconds (its default timeout; the test stopped after its own limit) and then fail with "The operation has timed out".
this-port-expects-encryption-from-52a4c1c1 = This port expects encryption from the very first byte ("SSL on connect"), but the test started unencrypted, so both sides waited for the other.
choose-ssl-on-connect-for-89a131f0 = Choose SSL on connect for this port (called "SSL", "SMTPS" or "implicit TLS" in most programs).
or-change-port-to-587-363c03db = Or change `port` to `587` and use STARTTLS (the way a mail server switches to an encrypted connection).
it-answered-like-a-web-455949dc = It answered like a web server.
it-answered-like-a-remote-640e7204 = It answered like a remote login service (SSH).

## src/diagnosis/outcome/conversation.rs

it-happened-during-step-8cc559e6 = It happened during { $step }.
the-connection-ended-while-switching-4d88ba34 = The connection ended while switching to encryption: check that `port` and `enableSsl` match your provider's instructions (for ASP.NET, `587` with `enableSsl` set to `true`).
some-servers-hang-up-instead-07ab7f99 = Some servers hang up instead of saying the password was refused: check `userName` and `password`.
there-was-no-reply-to-7639394e = There was no reply to { $step } within { $secs } seconds.
what-arrived-detail-ce6e5e5f = What arrived: { $detail }.
the-server-broke-the-rules-86aebd6a = The server broke the rules of the mail conversation
during-step-the-server-did-2a69066e = During { $step }, the server did something mail servers must not do: { $detail }. This is a problem on the server's side, not in your settings.
test-again-in-a-few-d45392c2 = Test again in a few minutes.
send-the-transcript-to-your-01199657 = Send the transcript to your mail provider: it shows exactly what the server sent.
if-a-security-program-or-26b511cc = If a security program or proxy on this network handles mail, it may be the cause: ask whoever manages the network.

## src/diagnosis/outcome/envelope.rs

use-a-sender-address-from-91297b39 = Use a sender address (`from`) with only plain letters (a to z), digits, dots or hyphens before the @, for example `info@` your domain.
send-the-test-to-an-394f9af8 = Send the test to an address with only plain letters (a to z), digits, dots or hyphens before the @.
this-server-cannot-take-address-b7642aa9 = This server cannot take { $address }, which has letters outside plain English before the @
such-an-address-can-only-534fa2e0 = Such an address can only travel with SMTPUTF8 (the mail standard for international addresses), and this server does not offer it. The test stopped before giving the server { $role } ({ $address }): it would have refused or garbled it, and its refusal would have blamed the sender.
or-send-through-a-mail-c7f9b17c = Or send through a mail server that offers SMTPUTF8: ask your provider whether it supports international email addresses.
the-test-cannot-send-with-1cfd4858 = The test cannot send with the address { $address }
address-is-written-in-a-498c2974 = { $address } is written in a form the mail standards allow but few programs handle (a quoted part with a space, or a server address in brackets after the @), and the test message cannot carry it. The test stopped before giving it to the server.
plain-remove-any-quotes-and-a7cb9143 = { $plain } Remove any quotes and spaces: the usual form is name@example.com.
asp-net-itself-may-still-4a7c1539 = ASP.NET itself may still send with it, but many mail servers and the programs that read the mail will not.
or-move-the-site-to-3788eb32 = Or move the site to .NET Framework 4.5 or later, which can send international addresses with `deliveryFormat="International"` on the `<smtp>` element.
or-add-deliveryformat-international-to-7bb43e86 = Or add `deliveryFormat="International"` to the `<smtp>` element in web.config (ASP.NET 4.5 or later): then ASP.NET sends international addresses to servers that offer SMTPUTF8.
or-set-deliveryformat-smtpdeliveryformat-3af77877 = Or set `DeliveryFormat = SmtpDeliveryFormat.International` on the `SmtpClient` in your code: then it sends international addresses to servers that offer SMTPUTF8.
this-server-offers-smtputf8-the-6d77822e = This server offers SMTPUTF8 (the mail standard for international addresses), so that setting would let it through.
this-server-does-not-offer-baf00176 = This server does not offer SMTPUTF8 (the mail standard for international addresses), so it needs a server that does as well.
asp-net-will-not-send-12cd36fe = ASP.NET will not send with { $address }, which has letters outside plain English before the @
asp-net-s-mail-sender-3ed3c4f7 = ASP.NET's mail sender sends only addresses whose part before the @ is plain English letters, unless it is set to send international ones. It stops before the server is asked, as the test did.

## src/diagnosis/outcome/final_reply.rs

the-server-received-the-whole-80dbb04b = The server received the whole message but did not confirm it in time
the-test-sent-the-complete-26e46161 = The test sent the complete message and then waited for the server's answer, the one that says whether it accepts the message. No answer came in time: servers that check every message for spam and viruses can be slow to answer, and this one may still deliver the message.
check-the-test-recipient-s-5a214699 = Check the test recipient's inbox (and spam folder) before sending again: the message may still arrive, and sending again could deliver it twice.
if-nothing-arrives-within-15-af500617 = If nothing arrives within 15 minutes, test again; if this happens again, send the transcript to your mail provider.
if-it-arrives-the-settings-c80f0412 = If it arrives, the settings work, but your website reports "The operation has timed out." for such messages: raise `SmtpClient.Timeout` in your code (100 seconds unless set), and make sure the site does not send the same message again after that error.
if-it-arrives-the-settings-008b4f44 = If it arrives, the settings work and the server is slow to confirm: give it more time (the final reply timeout in the advanced settings, or `--final-reply-timeout` on the command line).
the-test-waited-secs-seconds-296f27d9 = The test waited { $secs } seconds for that answer.

## src/diagnosis/outcome/oauth.rs

in-microsoft-365-an-app-6beb06e7 = In Microsoft 365, an app that sends as itself needs all of: the permission SMTP.SendAsApp (Office 365 Exchange Online) with admin consent; a service principal made with New-ServicePrincipal using the Enterprise application's object ID (not the App registration's); Add-MailboxPermission for the mailbox in `userName`; and "Authenticated SMTP" on for that mailbox.
the-sign-in-token-has-c42ff023 = The sign-in token has expired
tokens-are-valid-for-a-9a3968e1 = Tokens are valid for a short time (about an hour). This one expired { $ago } ago, so the server refused it.
get-a-new-token-sign-fdc646f1 = Get a new token (sign in again) and test again at once.
the-sign-in-token-is-e9229ca6 = The sign-in token is for another mailbox
the-token-was-issued-for-ccbe81df = The token was issued for { $named }, and the test signed in as { $user }. A token only signs in the mailbox it was issued for.
set-username-to-named-or-65123a60 = Set `userName` to { $named }, or sign in as { $user } to get a token for it.
the-sign-in-token-lacks-60c3493a = The sign-in token lacks the permission this server asks for
the-server-wants-a-token-6d0ee0cb = The server wants a token with the scope (permission) { $scope }, and this one carries { $carried }.
ask-for-a-token-with-ca38a612 = Ask for a token with the scope { $scope }.
the-sign-in-token-does-b905d15c = The sign-in token does not allow sending mail
a-token-carries-permissions-scopes-dfbd7ff8 = A token carries permissions (scopes), and this one carries { $carried }: none of them is for sending mail (SMTP).
ask-for-a-token-with-24b71fd2 = Ask for a token with the mail-sending scope your provider names (Microsoft 365: SMTP.Send or SMTP.SendAsApp; Google: https://mail.google.com/).
the-sign-in-token-is-87b9c735 = The sign-in token is for another Microsoft service
the-token-is-meant-for-a4189d8a = The token is meant for { $audience }, and the mail server accepts only tokens meant for Exchange Online.
ask-for-the-token-with-0f671d1c = Ask for the token with the scope https://outlook.office365.com/.default (an app sending as itself) or https://outlook.office.com/SMTP.Send (a person signed in).
exchange-online-lets-a-token-afaaf9f5 = Exchange Online lets a token send mail only with the application permission { $needed }; this one carries { $carried }.
exchange-online-lets-a-token-7c44c998 = Exchange Online lets a token send mail only with the delegated permission { $needed }; this one carries { $carried }.
the-sign-in-token-lacks-ab2e2281 = The sign-in token lacks the permission { $needed }
in-app-registrations-your-app-870afe88 = In App registrations → your app → API permissions, add { $needed } (Office 365 Exchange Online), grant admin consent, then get a new token.
it-could-not-read-the-25ee4fd8 = it could not read the sign-in (often a user name it does not know)
the-token-is-not-valid-5f515491 = the token is not valid (expired, revoked, or not for this mailbox)
the-token-is-valid-but-6b61b7b0 = the token is valid but does not allow sending mail as this mailbox
it-refused-the-token-cd0cabee = it refused the token
the-server-s-answer-to-2fb6cd08 = The server's answer to { $mechanism } says { $meaning }.
the-server-s-answer-to-0e1ef8b3 = The server's answer to { $mechanism } says { $meaning }; it takes tokens with the scope { $scope }.
none-ada7afdb = none
no-sign-in-at-all-56e4c7e5 = no sign-in at all
it-offers-offers-38f8f4c2 = It offers { $offers }.
the-app-s-client-secret-1fd311f1 = The app's client secret has expired
nobody-has-signed-in-yet-58075807 = Nobody has signed in yet
this-test-signs-in-as-de14520f = This test signs in as a person, so someone must first sign in to the mailbox on Microsoft's or Google's own page. The sign-in is then kept in your system's keyring and renewed by itself.
press-sign-in-with-microsoft-e55c9917 = Press "Sign in with Microsoft…" (or Google) under Sign-in and sign in as the mailbox in `userName`.
then-test-again-af243c30 = Then test again.
the-sign-in-was-cancelled-584b1ee1 = The sign-in was cancelled
sign-in-again-then-test-10fc6816 = Sign in again, then test again.
the-provider-s-sign-in-209b1a32 = The provider's sign-in service could not be reached
check-this-computer-s-internet-bb36fda9 = Check this computer's internet connection (and a proxy or firewall that may block login.microsoftonline.com).
the-sign-in-service-s-54e90ddb = The sign-in service's address cannot be used
use-https-login-microsoftonline-com-32a84d7d = Use https://login.microsoftonline.com (the default) as the sign-in address.

## src/diagnosis/outcome/replies.rs

the-server-then-refused-the-e6bcea69 = The server then refused the message, so your `userName` and `password` were never used: this server or port is probably not the one your provider meant for them.
the-test-already-asked-for-7b417971 = The test already asked for STARTTLS, so the server may expect it on another port: check `port` against your provider's instructions.
set-defaultcredentials-to-false-while-db024367 = Set `defaultCredentials` to `false`: while it is `true`, web.config ignores `userName` and `password`.
your-settings-have-no-username-2861b339 = Your settings have no `userName`, so the test did not sign in.
the-test-signed-in-as-68d41b91 = The test signed in as { $user }, so this server does not let that account send to outside addresses: ask your provider which server and port to use.
the-server-refused-the-test-f84ee350 = The server refused the test recipient { $recipient }
set-clientdomain-to-your-website-81ec9a9c = Set `clientDomain` to your website's full domain name (for example `www.example.com`): the server did not accept the name this computer introduced itself with.
the-sender-from-is-from-70f92321 = The sender (`from`) is { $from }, while the sign-in (`userName`) is { $user }.

## src/diagnosis/outcome/tls.rs

change-host-to-only-fa99f7d2 = Change `host` to `{ $only }`.
this-one-is-self-signed-d09ec21c = This one is self-signed: the server made it for itself.
it-was-issued-by-issuer-24f9dd72 = It was issued by { $issuer }.
it-was-valid-until-until-b3400985 = It was valid until { $until }.
the-test-started-encryption-straight-7fde3066 = The test started encryption straight away ("SSL on connect"), but this port greets in plain text first and then switches with STARTTLS (the way a mail server switches to an encrypted connection). The two ways do not mix, so the handshake (the exchange that sets up encryption) failed.
it-is-valid-for-list-77a4ad6e = It is valid for { $list } and { $more } more, not for { $expected }.
it-is-valid-for-list-531e9add = It is valid for { $list }, not for { $expected }.
the-encryption-library-reported-detail-7486ce05 = The encryption library reported: “{ $detail }”.
the-server-seems-to-know-4d80fb0b = The server seems to know only old encryption versions (TLS 1.0 or 1.1): ask your mail provider to enable TLS 1.2 or newer.
the-extra-certificate-file-could-8265c21b = The extra certificate file could not be used
the-file-path-given-as-edbfbdc2 = The file { $path }, given as "Extra CA file" (`--ca-file`: authorities your organisation trusts besides the public ones), could not be used: { $detail }. The test stopped before trusting any server.
check-that-the-file-exists-11178386 = Check that the file exists at that path and that this program may read it.
check-that-it-is-a-39e254e8 = Check that it is a certificate file: a PEM text file that starts with `-----BEGIN CERTIFICATE-----`, or a .cer file Windows exported (either format).
if-the-server-has-a-1a4c8da8 = If the server has a certificate from a public authority, empty "Extra CA file" under Advanced.

## src/diagnosis/pasted.rs

run-the-test-here-with-40bc1a7b = Run the test here with the same settings to see whether they work.

## src/diagnosis/site.rs

asp-net-2-0-3-6ca9cbac = ASP.NET 2.0–3.5 has no `enableSsl` in web.config (adding it breaks the whole mail section), so switch SSL on in your code, just before sending: `smtpClient.EnableSsl = true;`. For the PasswordRecovery control, handle its `SendingMail` event: send `e.Message` yourself with a `SmtpClient` whose `EnableSsl` is `true`, then set `e.Cancel = true;`. Or move the site to .NET Framework 4.x, where `enableSsl="true"` in web.config is enough.
in-code-smtpclient-enablessl-true-4add87ec = In code, `smtpClient.EnableSsl = true;` turns that on (web.config cannot, on ASP.NET 2.0–3.5).

## src/diagnosis/texts/auth.rs

the-server-wants-a-sign-fa8fde33 = The server wants a sign-in before it sends anything
this-server-sends-mail-only-549fd96c = This server sends mail only for signed-in users, and the message was offered before any sign-in was accepted. In web.config the sign-in comes from `userName` and `password`.
fill-in-username-usually-your-8bad094b = Fill in `userName` (usually your full email address) and `password`.
make-sure-defaultcredentials-is-false-e9f68330 = Make sure `defaultCredentials` is `false`: when it is `true`, the user name and password are ignored.
the-server-wants-a-sign-0b50a939 = The server wants a sign-in, and it probably refused yours
when-the-server-refuses-the-16d9b604 = When the server refuses the user name or password, ASP.NET does not say so: it sends without signing in, and the server then answers with this. So if your web.config has a `userName` and `password`, the server most likely refused them. If it has none, the server wants them before it sends.
check-username-usually-your-full-95088744 = Check `userName` (usually your full email address) and type the password into `password` again (copying can add a space at the end).
if-your-provider-wants-an-24fb5942 = If your provider wants an app password or has switched off password sign-in (Microsoft 365, Gmail), follow its instructions for programs.
if-web-config-has-no-9e232823 = If web.config has no `userName`, fill in `userName` and `password`.
run-the-test-here-with-a02cdff6 = Run the test here with the same settings: it shows whether the server refuses the sign-in.
the-server-does-not-offer-5c1f342d = The server does not offer sign-in on this connection
your-settings-include-a-user-8f3e5b78 = Your settings include a user name, but the server did not offer AUTH (the sign-in command of mail servers) here. Usually the port is meant for mail between servers (often port 25), or the server lets known addresses send without signing in.
change-port-to-587-and-0f7e3abd = Change `port` to `587` and set `enableSsl` to `true`: that port is meant for signing in and sending.
if-your-hosting-company-says-5da38eee = If your hosting company says its server lets your website send without a password, clear `userName` and `password`.
the-server-allows-sign-in-ec452ac5 = The server allows sign-in only over an encrypted connection
the-password-would-have-crossed-a9916df8 = The password would have crossed the network unencrypted, so the server refused or hid sign-in. STARTTLS (the way a mail server switches to an encrypted connection) protects it, and `enableSsl="true"` turns it on in web.config.
set-enablessl-to-true-52e5ecbd = Set `enableSsl` to `true`.
keep-port-at-587-or-42fe3de8 = Keep `port` at `587` (or `25` if your provider uses it); ASP.NET cannot use `465`.
your-password-would-cross-the-9c776cba = Your password would cross the network unencrypted
the-server-offers-sign-in-52300fa5 = The server offers sign-in on this connection without encryption, so the password would travel readable by anyone on the way (the hosting company's network, a public Wi-Fi). The test stopped before sending it. With these settings your website sends it exactly like that.
set-enablessl-to-true-the-649dce61 = Set `enableSsl` to `true`: the password is then sent only after the connection is encrypted.
if-you-accept-the-risk-4bb04ca9 = If you accept the risk for this one test (a server on your own private network), test again and allow the unencrypted password (`--allow-plaintext-password` on the command line, "Send it unencrypted this once" in the window).
the-server-s-sign-in-5fcef96a = The server's sign-in methods are ones ASP.NET cannot use
mail-servers-offer-several-sign-b861780a = Mail servers offer several sign-in methods. ASP.NET's mail sender knows only LOGIN, NTLM, Digest and Negotiate, and this server offered none of them, so the same settings can work in other programs yet fail from your website.
ask-your-mail-provider-whether-e86c3606 = Ask your mail provider whether LOGIN sign-in can be turned on for your mailbox.
or-send-through-a-provider-c9c7d534 = Or send through a provider that offers LOGIN (most do) and change `host` to its server.
or-ask-your-developer-to-88c53180 = Or ask your developer to send with MailKit, a mail library that knows more sign-in methods.
the-server-refused-the-user-a184eaf4 = The server refused the user name or password
the-server-checked-the-sign-cda301dc = The server checked the sign-in and said no. Usually the password is not the current one, or the user name is not in the form the provider expects; some providers also refuse the normal password and want an app password (a separate password made just for programs).
check-that-username-is-exactly-a186e001 = Check that `userName` is exactly what your provider expects, usually your full email address.
type-the-password-into-password-c85831af = Type the password into `password` again (copying can add a space at the end).
if-your-account-uses-two-fe47a30d = If your account uses two-step sign-in, create an app password in the account's security settings and use it as `password`.
sign-in-to-your-webmail-2244b6cf = Sign in to your webmail with the same user name and password to confirm they work.
your-provider-wants-an-app-8e45b86f = Your provider wants an app password instead of your normal password
an-app-password-is-a-bb603ced = An app password is a separate password your mail provider makes just for programs such as your website. Accounts with two-step sign-in (a code on your phone) refuse the normal password here; an app password already in use may have been mistyped or withdrawn.
turn-on-two-step-sign-51eac7b8 = Turn on two-step sign-in in your mail account's security settings if it is not on yet: app passwords need it.
create-an-app-password-there-bd7031e7 = Create an app password there and paste it into `password` without spaces.
keep-username-as-your-full-c562226b = Keep `userName` as your full email address and test again.
your-provider-paused-the-sign-bc3768e5 = Your provider paused the sign-in until you confirm it in a web browser
the-provider-saw-a-sign-1538b2d6 = The provider saw a sign-in from a place it does not know (the computer that runs your website) and held it back until you confirm it was you.
sign-in-to-your-webmail-dc909f89 = Sign in to your webmail in a browser and approve any security alert about a blocked sign-in.
use-an-app-password-a-b70684d9 = Use an app password (a separate password for programs, made in your account's security settings) as `password`.
test-again-within-a-few-9bb0093a = Test again within a few minutes.
sign-in-for-mail-programs-5421083f = Sign-in for mail programs is switched off for this account
microsoft-365-lets-administrators-switch-ec288b4e = Microsoft 365 lets administrators switch off "Authenticated SMTP" (the way programs sign in to send mail). It is off for this mailbox or for the whole organisation, so even the right password is refused, and so is an OAuth token.
if-it-is-off-for-491d3325 = If it is off for the whole organisation, the administrator can allow it there too (the Exchange setting SmtpClientAuthenticationDisabled set to False).
wait-up-to-an-hour-89ecd3c1 = Wait up to an hour after the change, then test again.
your-provider-no-longer-accepts-262db022 = Your provider no longer accepts a password from mail programs
the-provider-has-switched-off-5bf866d0 = The provider has switched off basic authentication (signing in with only a user name and password) and wants OAuth instead (signing in through the provider's own page). ASP.NET's mail sender cannot do OAuth, and an app password does not help here.
ask-your-administrator-whether-password-8e9b1d9b = Ask your administrator whether password sign-in can be allowed for this mailbox (in Microsoft 365, security defaults or a Conditional Access policy can block it).
or-send-your-website-s-543cef06 = Or send your website's mail through a service that accepts passwords, such as your hosting company's mail server or a sending service, and change `host`, `userName` and `password` to its values.
or-ask-your-developer-to-129f53f6 = Or ask your developer to send with MailKit, which supports OAuth, and test the OAuth sign-in here first (Sign-in: Microsoft 365 (OAuth), or `mailtester send --oauth microsoft`).
the-server-could-not-check-7d165cdf = The server could not check the password at the moment
the-server-s-sign-in-4e8378b1 = The server's sign-in system had a temporary problem, so it could not say yes or no. The problem is on the provider's side, and your settings may well be right.
if-it-lasts-more-than-bcb37e76 = If it lasts more than an hour, tell your mail provider and include the server's reply.
meanwhile-keep-username-and-password-16dfed9a = Meanwhile, keep `userName` and `password` as they are.

## src/diagnosis/texts/connection.rs

the-mail-server-s-name-0d9f47b0 = The mail server's name could not be found
this-computer-asked-dns-the-9b8be64c = This computer asked DNS (the internet's address book) for the name in `host` and got no address back, so it does not know where to send the mail. Usually the name has a typing mistake, or this computer is not connected to the internet right now.
check-host-letter-by-letter-a1a74d49 = Check `host` letter by letter against your mail provider's instructions (it looks like `smtp.example.com`).
check-that-this-computer-can-ae3fe307 = Check that this computer can open websites; if it cannot, fix the internet connection and test again.
if-the-name-is-right-18a00d53 = If the name is right and the internet works, ask your mail provider whether the server name has changed.
the-server-turned-the-connection-280a4654 = The server turned the connection away on this port
this-computer-reached-the-server-ba7fb590 = This computer reached the server, but nothing there accepts mail on this port (the numbered door a program listens on), or a firewall (a filter that blocks connections) refused it. Most often the port is not the one your provider uses, or `host` points to a different server.
check-port-against-your-provider-f98b1afd = Check `port` against your provider's instructions: `587` is the usual port for websites.
check-that-host-is-the-a4ce6940 = Check that `host` is the mail server's name, not your website's name.
if-both-are-right-ask-112c3209 = If both are right, ask your hosting company whether a firewall blocks outgoing mail from your site.
the-server-did-not-answer-45d585cd = The server did not answer the connection attempt
nothing-answered-on-this-port-aeae7d79 = Nothing answered on this port before the time limit ran out. Often a firewall (a filter that blocks connections) at the hosting company or internet provider quietly drops outgoing mail connections, especially on port 25; otherwise the server may be down or `host` may point to the wrong place.
change-port-to-587-and-a8475885 = Change `port` to `587` and set `enableSsl` to `true`: the usual combination for websites.
if-that-does-not-help-59fbce00 = If that does not help, ask your hosting company whether outgoing connections to mail servers are blocked, and on which ports.
check-that-host-is-correct-05aa5d08 = Check that `host` is correct and that the server is up (see your provider's status page).
the-server-accepted-the-connection-e31e44f1 = The server accepted the connection but never said hello
a-mail-server-normally-greets-3b957db6 = A mail server normally greets a new connection right away. When it stays silent, the port usually expects encryption from the very first byte ("SSL on connect", typical for port 465), which ASP.NET's mail sender cannot do; less often the server is overloaded.
change-port-to-587-and-298d9c8c = Change `port` to `587` and set `enableSsl` to `true`.
if-your-provider-offers-only-8846bc0f = If your provider offers only port 465, ask whether it has a port with STARTTLS (the way a mail server switches to an encrypted connection), or send through another provider.
if-port-is-already-587-ab4adb1c = If `port` is already `587`, wait a few minutes and test again: the server may be busy.
something-other-than-a-mail-ecd3aa22 = Something other than a mail server answered on this port
the-answer-did-not-look-bf4a9935 = The answer did not look like SMTP (the language mail servers speak). The port may belong to a website or another service, or `host` may point to a different machine.
check-port-websites-send-mail-6058ee5d = Check `port`: websites send mail through port `587` (sometimes `25`); ports such as `80` and `443` are for websites, `110`, `143`, `993` and `995` for reading mail.
check-host-against-your-provider-1e806a83 = Check `host` against your provider's instructions.
if-both-look-right-a-336a3e56 = If both look right, a security program or proxy on this network may be in the way: ask whoever manages the network.
the-mail-server-is-not-c6852973 = The mail server is not taking this connection right now
the-server-answered-but-refused-f4bdb56e = The server answered but refused to serve this connection. Usually the server has a temporary problem (maintenance or overload), or it refuses this computer's internet address, for example because the address is on a blocklist (a list of addresses known for spam).
if-it-keeps-happening-send-e9edadf6 = If it keeps happening, send the server's reply (under "What the server said") to your mail provider and ask why it refuses the connection.
check-host-and-port-a-5e76dfe7 = Check `host` and `port`: a server meant for receiving mail may refuse to send it.
the-server-closed-the-connection-30180e72 = The server closed the connection in the middle of the conversation
the-connection-ended-before-the-a43f6fed = The connection ended before the server finished answering. Servers do this when something about the connection displeases them (too many attempts, a blocked address, a different encryption setting than they expect), and networks sometimes drop connections too.
check-that-port-and-enablessl-b2b965b7 = Check that `port` and `enableSsl` match your provider's instructions (usually `587` with `enableSsl` set to `true`).
if-it-keeps-happening-send-a1e930a1 = If it keeps happening, send the transcript to your mail provider: the step where it stopped tells them where to look.
the-server-stopped-answering-aaccd57c = The server stopped answering
the-server-accepted-the-connection-a1f81952 = The server accepted the connection but did not answer in time. It may be overloaded, or a firewall (a filter that blocks connections) may be holding the connection open without letting anything through.
if-your-web-config-uses-60f26cb6 = If your web.config uses port 465: ASP.NET cannot use it and waits like this. Change `port` to `587` and set `enableSsl` to `true`.
if-it-always-stops-at-8cf935d8 = If it always stops at the same step, send the transcript to your mail provider.
the-test-was-stopped-before-0d4af77e = The test was stopped before it finished
the-test-was-cancelled-so-7a4af564 = The test was cancelled, so the steps that did not run have no result. This says nothing about whether your settings work.
press-send-test-email-to-82d3e493 = Press "Send test email" to run the test again.
your-website-could-not-connect-2abab1d3 = Your website could not connect to the mail server
the-program-gives-this-one-4964373a = The program gives this one message for several causes: a firewall (a filter that blocks connections) at the hosting company blocks the port, nothing listens on that port, or the encryption setting does not match the port. Port 25 is the one most often blocked.
change-port-to-587-and-05b8a3c8 = Change `port` to `587` and set `enableSsl` to `true` (in PHPMailer: `Port = 587` and `SMTPSecure = 'tls'`).
check-that-host-is-exactly-b9f2e985 = Check that `host` is exactly the server name your provider gives.
ask-your-hosting-company-whether-3e97a686 = Ask your hosting company whether outgoing mail connections are allowed, and on which ports.
no-mail-server-is-set-2344fbac = No mail server is set
asp-net-found-no-host-5acadb75 = ASP.NET found no `host` in the `<mailSettings>` section of web.config (or in the website's code), so it does not know which server to send through.
add-host-to-the-network-473361fe = Add `host` to the `<network>` element in web.config, for example `host="smtp.example.com"`.
check-that-mailsettings-sits-inside-b1a5f996 = Check that `<mailSettings>` sits inside `<system.net>` in the web.config of the site that sends the mail.
asp-net-waited-on-port-363e8bfc = ASP.NET waited on port 465 for a greeting that never comes
port-465-expects-encryption-from-540d0aa0 = Port 465 expects encryption from the very first byte ("SSL on connect"), which ASP.NET's mail sender cannot do: it waits for the server to say hello until it gives up with "The operation has timed out".
your-website-gave-up-waiting-1b764594 = Your website gave up waiting for the mail server
the-operation-has-timed-out-366dd6df = "The operation has timed out." with nothing more is how ASP.NET's mail sender says the server did not finish answering within its time limit (100 seconds unless `timeout` is set). Most often the server never said hello at all: the port expects encryption from the very first byte ("SSL on connect", port 465), which ASP.NET's mail sender cannot do.
if-port-is-465-change-c94da191 = If `port` is `465`, change it to `587` and set `enableSsl` to `true`.
otherwise-run-this-tester-with-10f4acc3 = Otherwise, run this tester with the same settings: it shows the step where the server stops answering.
the-program-that-sends-your-81bb5371 = The program that sends your mail cancelled the sending itself
the-operation-was-canceled-means-e40cc474 = "The operation was canceled" means the sending was stopped by the program's own code, not refused by the mail server: .NET mail libraries such as MailKit say this when the caller cancels, for example when the web request that sends the mail ends first or the application's own time limit runs out. It says nothing yet about whether the mail settings work.
test-the-same-settings-with-74a36907 = Test the same settings with this tester: it shows whether the server accepts them.
if-the-test-works-ask-3b9483ea = If the test works, ask your developer whether the website cancels the sending too early (a short time limit, or a request that ends before the mail is sent).
this-is-the-server-for-cde919ef = This is the server for reading mail, not the one for sending it
the-port-answered-like-an-bc793875 = The port answered like an IMAP or POP3 server: the server a mail program uses to read the mailbox. A website sends through the SMTP server, which has its own port and often its own name (`smtp.` rather than `imap.`, `pop.` or `mail.`).
change-port-to-587-and-9103f925 = Change `port` to `587` and set `enableSsl` to `true`: the usual port for sending.
if-it-still-fails-look-47a17eb2 = If it still fails, look up the "outgoing (SMTP) server" in your provider's instructions and put that name in `host`.
the-server-accepted-the-connection-ee71a7a7 = The server accepted the connection but never answered
a-mail-server-greets-a-a2e73efe = A mail server greets a new connection right away. This one stayed silent, also when the test started encrypted, so it is not waiting for SSL on connect: the server may be overloaded, or a firewall or filter on the way holds connections open without letting anything through.
check-host-and-port-against-b14f8d04 = Check `host` and `port` against your provider's instructions for sending mail (usually port `587`).
if-it-stays-silent-ask-069de325 = If it stays silent, ask your hosting company whether it filters outgoing mail connections (many hold port `25` open without letting anything through).

## src/diagnosis/texts/oauth.rs

the-mail-server-refused-the-c36aa8ff = The mail server refused the sign-in token
oauth-means-signing-in-with-bde56524 = OAuth means signing in with a token from Microsoft or Google instead of a password. The server refused this token: it can be expired, meant for another service or another mailbox, or the app behind it may not send mail yet.
get-a-new-token-and-beea9d01 = Get a new token and test again (tokens last about an hour).
check-that-username-is-the-b1f08c04 = Check that `userName` is the mailbox the token was issued for.
check-the-app-s-permission-e05ab3e6 = Check the app's permission to send mail (Microsoft 365: SMTP.SendAsApp with admin consent, the service principal and the mailbox permission; Google: the scope https://mail.google.com/).
this-server-does-not-offer-a3b68dfd = This server does not offer sign-in with a token
the-server-offers-no-oauth-3a29dae0 = The server offers no OAuth sign-in (XOAUTH2 or OAUTHBEARER) on this connection, so the token was not sent. Only some providers take tokens, chiefly Microsoft 365 and Google.
check-host-and-port-microsoft-ab58eb61 = Check `host` and `port`: Microsoft 365 is smtp.office365.com port 587, Google smtp.gmail.com port 587, both with `enableSsl` on.
if-this-provider-takes-passwords-25d1840e = If this provider takes passwords, choose Password as the sign-in and enter `userName` and `password`.
the-token-was-not-sent-ff28ae63 = The token was not sent because the connection is not encrypted
anyone-on-the-way-could-026cb93d = Anyone on the way could copy a token sent over an unencrypted connection and send mail as you until it expires, so this test never sends one that way.
turn-enablessl-on-starttls-and-ce9fc4ee = Turn `enableSsl` on (STARTTLS) and use port 587, then test again.
if-the-server-offers-no-4bbe69ad = If the server offers no encryption on any port, it cannot take OAuth sign-in safely: ask your provider for its encrypted port.
microsoft-did-not-accept-the-3a160626 = Microsoft did not accept the app's client secret
before-any-mail-is-sent-633411c0 = Before any mail is sent, the app signs in to Microsoft with its client ID and client secret (the app's password) to get a token. Microsoft refused the secret: it is mistyped, expired, or the secret's ID was copied instead of its value.
in-the-microsoft-entra-admin-c9835d8e = In the Microsoft Entra admin centre, open App registrations → your app → Certificates & secrets, and create a new client secret.
copy-its-value-shown-only-697d91d8 = Copy its Value (shown only once), not its Secret ID, and test again with it.
microsoft-does-not-know-this-75d6c55c = Microsoft does not know this app in this organisation
no-app-with-this-client-6d868a30 = No app with this client ID is registered in the organisation (tenant) the test asked. Either the client ID is mistyped, or the app lives in another organisation.
copy-the-application-client-id-674ef97a = Copy the Application (client) ID again from App registrations → your app → Overview.
check-that-the-directory-tenant-64a4d76d = Check that the Directory (tenant) ID on the same page is the one the test uses.
microsoft-does-not-know-this-3b3cd9cd = Microsoft does not know this organisation (tenant)
the-tenant-identifies-your-organisation-0a1f62ed = The tenant identifies your organisation at Microsoft: its Directory (tenant) ID or a domain of it. Microsoft found no organisation by that name.
copy-the-directory-tenant-id-3f371c4a = Copy the Directory (tenant) ID from App registrations → your app → Overview, or use your organisation's domain (yourcompany.onmicrosoft.com).
the-app-may-not-send-9ca8eb09 = The app may not send mail yet: an administrator must approve it
the-app-asked-for-permission-565125cd = The app asked for permission to send mail, and nobody with admin rights has approved (consented to) that permission in your organisation yet.
in-app-registrations-your-app-d480bf7d = In App registrations → your app → API permissions, add Office 365 Exchange Online → Application permissions → SMTP.SendAsApp.
click-grant-admin-consent-a-0096d685 = Click "Grant admin consent" (a Global or Privileged Role Administrator can), then test again.
getting-a-sign-in-token-346be9e3 = Getting a sign-in token from the provider failed
before-any-mail-is-sent-5a4041b2 = Before any mail is sent, the test asks the provider's sign-in service for a token. That request failed, so the mail server was not contacted at all.
read-the-provider-s-message-c4926a58 = Read the provider's message below; it names what it did not accept.
check-the-tenant-client-id-423e50ed = Check the tenant, client ID and client secret, then test again.

## src/diagnosis/texts/sending.rs

the-server-will-not-pass-322f9063 = The server will not pass your mail on to other addresses
relaying-passing-mail-on-to-e7749b8a = Relaying (passing mail on to addresses outside the server's own domains) is allowed only for signed-in users or known senders, and this connection did not count as one. Usually no sign-in happened, or the port is meant for receiving mail rather than sending it.
fill-in-username-usually-your-960bb2d1 = Fill in `userName` (usually your full email address) and `password`, and set `defaultCredentials` to `false`.
use-port-587-with-enablessl-87cafacb = Use `port` `587` with `enableSsl` set to `true`.
if-your-hosting-company-lets-00fadcde = If your hosting company lets websites send without a password, ask them to allow the address of the server your website runs on.
the-server-will-not-send-6bfece32 = The server will not send mail from this sender address
the-sender-address-from-must-34e8cbf7 = The sender address (`from`) must be one the account may send as: usually the mailbox you sign in with, or an address your provider has verified. This one is not on that list.
set-from-to-the-same-14aaa3c1 = Set `from` to the same address as `userName`.
or-ask-your-provider-or-5ba176df = Or ask your provider or administrator to allow this sender address, for example by verifying it or by granting "Send As" permission.
the-server-refused-the-address-99174203 = The server refused the address the test was sent to
your-settings-got-through-but-8c28461a = Your settings got through, but the test recipient was refused: the address may not exist, or its mailbox cannot take mail right now. This concerns the test address, not your web.config.
check-the-send-the-test-55d34997 = Check the "Send the test to" address for typing mistakes.
send-the-test-to-another-bc94762a = Send the test to another address you own, for example the one in `from`.
the-server-refused-the-message-01dd6462 = The server refused the message itself
the-connection-and-sign-in-10c93ba1 = The connection and sign-in worked, but the message was refused: for example it was too large, looked like spam, or the sender's domain failed SPF or DKIM checks (DNS records that prove a server may send mail for your domain).
read-the-server-s-reply-830e27f9 = Read the server's reply below: it usually names the reason.
if-it-mentions-spf-dkim-4056d896 = If it mentions SPF, DKIM or DMARC, ask whoever manages your domain's DNS to add the records your mail provider lists.
to-see-whether-the-domain-caf4671e = To see whether the domain is the cause, set `from` to an address at your mail provider's own domain and test again.
this-mail-account-is-blocked-d848b535 = This mail account is blocked from sending
the-provider-has-stopped-this-11d4a609 = The provider has stopped this account from sending, often after it noticed unusual activity such as spam sent with a stolen password. Only the provider or your administrator can lift the block.
sign-in-to-your-webmail-e8982548 = Sign in to your webmail and look for a message about a blocked or restricted account.
change-the-account-s-password-ac418634 = Change the account's password (someone else may know it), then put the new one in `password`.
ask-your-provider-or-administrator-2b83a423 = Ask your provider or administrator to lift the sending block (in Microsoft 365: Defender → Restricted entities).
the-server-asks-to-slow-8249af09 = The server asks to slow down and try again later
providers-limit-how-much-mail-f9900a0a = Providers limit how much mail an account or an internet address may send in a given time. That limit was reached, or the server is being careful with this connection for a while; it clears by itself.
wait-15-to-60-minutes-07d89075 = Wait 15 to 60 minutes and test again.
if-your-website-sends-a-32eaf05a = If your website sends a lot of mail, check your provider's sending limits or use a sending service built for volume.
set-clientdomain-to-your-website-fae63d04 = Set `clientDomain` to your website's full domain name (for example `www.example.com`): some servers distrust computers that introduce themselves as `localhost`.
the-server-asked-to-send-503e5275 = The server asked to send again in a few minutes (greylisting)
some-servers-turn-away-the-f3e0dc99 = Some servers turn away the first message from a sender they do not know yet, on purpose, and accept it when it comes again a few minutes later: this is called greylisting, and nothing is wrong with your settings or the address. ASP.NET does not send again by itself, though: a message turned away like this is lost unless your website tries again.
test-again-in-5-to-3f46aedd = Test again in 5 to 15 minutes: it should be accepted.
for-mail-that-matters-orders-40efb6b9 = For mail that matters (orders, password resets), send through your provider's server with a sign-in (port `587`): mail from signed-in senders is not greylisted.
or-make-the-website-try-b16fc931 = Or make the website try again when sending fails (a queue, or a retry after a few minutes).
your-account-has-used-up-20d9b0fd = Your account has used up its sending allowance
the-provider-limits-how-much-f1851918 = The provider limits how much mail an account may send per day or month (or sells it as credits), and this account has reached the limit. Waiting a few minutes will not help: it resets after up to a day, at the start of the next period, or when the plan is raised.
wait-until-the-limit-resets-6a52ebd9 = Wait until the limit resets (usually 24 hours; for a monthly plan, the next month) and test again.
check-that-your-website-is-39b0b049 = Check that your website is not sending far more than it should: a contact form used by spammers can use up any allowance.
if-your-website-really-needs-083b7d6f = If your website really needs more, ask the provider for a higher limit, or send through a service made for websites (SendGrid, Mailgun, Amazon SES, Brevo).
the-server-had-a-temporary-10581399 = The server had a temporary problem
the-server-answered-with-a-0008d626 = The server answered with a "try again later" code (one that starts with 4), which means the problem should clear without any change on your side.
if-it-keeps-happening-send-0dc4deb9 = If it keeps happening, send the server's reply to your mail provider.
meanwhile-keep-host-port-and-f176ef63 = Meanwhile, keep `host`, `port` and `enableSsl` as they are.
we-don-t-recognise-this-718ec519 = We don't recognise this problem
the-test-stopped-with-a-fda2c04f = The test stopped with a message we have no explanation for yet. The details show exactly what the server or this computer said.
look-in-the-server-s-cd1cf764 = Look in the server's reply for a code such as `535` or `5.7.8` and a short reason, and send them to your mail provider.
check-host-port-and-enablessl-dce5d8be = Check `host`, `port` and `enableSsl` against your provider's instructions.
save-the-report-it-leaves-9e9a3053 = Save the report (it leaves out your password) and send it to your hosting company's support.
sending-failed-and-this-part-b5549368 = Sending failed, and this part of the message does not say why
failure-sending-mail-is-only-5e94f296 = "Failure sending mail" is only the outer message: the reason is in the inner exception that follows it (after "--->") in the full error log.
copy-the-whole-error-including-0a4fa195 = Copy the whole error, including the lines after "--->", and paste it here again.
or-run-the-test-in-cd3c3210 = Or run the test in this program with the same settings: it shows the exact step that fails.
meanwhile-check-host-port-and-b6ee72c6 = Meanwhile, check `host`, `port` and `enableSsl` against your provider's instructions.
we-don-t-recognise-this-689d3f81 = We don't recognise this message
it-contains-no-mail-server-31c9c54f = It contains no mail server reply code (such as `535` or `5.7.8`) and no error we know from ASP.NET, PHPMailer, Nodemailer, Python or MailKit.
paste-the-whole-error-including-72e71f75 = Paste the whole error, including any lines after "--->" or "Caused by": the cause is often at the end.
look-for-a-three-digit-50926ef1 = Look for a three-digit code that starts with 4 or 5 (such as `550`) or a code like `5.7.1`, and the words after it: that is the server's reason.
or-run-the-test-in-98479cfe = Or run the test in this program with your `host`, `port` and `enableSsl`: it shows the exact step that fails.
this-account-may-sign-in-debe5d24 = This account may sign in only from the addresses its provider lists
the-provider-lets-this-account-8646e994 = The provider lets this account sign in only from the internet addresses (IP addresses) listed in its settings, and the address this came from is not one of them. The password was not even checked.
in-your-mail-provider-s-50eeb67e = In your mail provider's control panel, open the account's SMTP settings and find the list of allowed IP addresses.
add-your-web-server-s-7d9995ed = Add your web server's public IP address (your hosting company can tell you which it is).
to-run-this-tester-from-3402b27a = To run this tester from another computer as well, add that computer's address too, or ask your provider to lift the restriction.
your-website-could-not-read-f7b4fedd = Your website could not read one of the email addresses
the-specified-string-is-not-8907296d = "The specified string is not in the form required for an e-mail address" comes from ASP.NET itself, before any mail server is contacted: the `from` address, or an address the website puts in To, Cc or Bcc, has a typing mistake (a missing @, a space, two addresses in one field).
check-from-in-web-config-26d1a3fb = Check `from` in web.config: one address such as `info@example.com` (a name may go before it: `Shop <info@example.com>`).
if-from-is-right-the-a6e15de4 = If `from` is right, the address comes from the website itself (a form a visitor filled in, or a setting of the site): ask your developer to check addresses before sending.
the-server-refused-and-your-051e3698 = The server refused, and your website's log leaves out why
syntax-error-command-unrecognized-is-23a7ab1e = "Syntax error, command unrecognized." is what ASP.NET's mail sender writes for any server reply whose code it has no name for (a refused password's 535, for example). Without the server's own words after it, the log cannot tell which setting is wrong.
if-the-log-goes-on-c96ac828 = If the log goes on with "The server response was:", paste that line too.
run-the-test-here-with-8c3a56a5 = Run the test here with the same settings: it shows the server's reply word for word and what it means.
an-address-has-letters-asp-508530c0 = An address has letters ASP.NET sends only with a setting
the-client-or-server-is-874f1000 = "The client or server is only configured for E-mail addresses with ASCII local-parts" means the address named at the end has letters outside plain English before the @ (such as ö or é). ASP.NET sends such addresses only with `deliveryFormat="International"`, and only through a mail server that offers SMTPUTF8 (the standard for international addresses).
if-the-address-is-from-d8b5febf = If the address is `from`, use one with plain letters before the @.
if-it-is-a-customer-30b90862 = If it is a customer's address, add `deliveryFormat="International"` to `<smtp>` in web.config (.NET Framework 4.5 or newer) and run the test here to check that your mail server offers SMTPUTF8.

## src/diagnosis/texts/tls.rs

the-server-wants-an-encrypted-bcbb2dd1 = The server wants an encrypted connection
the-server-will-not-go-b13a1048 = The server will not go on until the connection is encrypted with STARTTLS (the way a mail server switches to an encrypted connection). In web.config, `enableSsl="true"` turns that on.
use-port-587-the-usual-d29b1fcf = Use `port` `587` (the usual port for sending from websites) unless your provider says otherwise.
the-server-does-not-offer-345a167c = The server does not offer an encrypted connection on this port
with-enablessl-on-asp-net-bc209598 = With `enableSsl` on, ASP.NET asks for STARTTLS (the way a mail server switches to an encrypted connection), and this server did not offer it, so ASP.NET stops with "Server does not support secure connections". Usually the port or server is not the provider's sending server, or the server's encryption is not set up.
check-host-and-port-against-3146a584 = Check `host` and `port` against your provider's instructions; if `port` is `25`, try `587`.
ask-your-mail-provider-whether-e9b014ae = Ask your mail provider whether this server supports STARTTLS, and on which port.
turning-enablessl-off-would-send-df98f72a = Turning `enableSsl` off would send your password unencrypted (readable by anyone on the way): only consider it if your provider confirms the server is on your own private network.
this-port-starts-unencrypted-and-8eab0593 = This port starts unencrypted and switches to encryption later
one-side-started-encrypting-straight-ebbd67b5 = One side started encrypting straight away ("SSL on connect") while the other expected plain text first and a switch with STARTTLS (the way a mail server switches to an encrypted connection). The two ways do not mix, so the handshake (the exchange that sets up encryption) failed.
keep-this-port-and-set-14145fd0 = Keep this port and set `enableSsl` to `true` (in other programs, choose "STARTTLS" or "TLS" rather than "SSL").
or-in-programs-other-than-6eb280ba = Or, in programs other than ASP.NET, keep "SSL" and change the port to `465` if your provider supports it.
the-encrypted-connection-could-not-38a20e5a = The encrypted connection could not be set up
the-handshake-the-exchange-that-d77564bd = The handshake (the exchange that sets up encryption) failed. Common reasons are a server that only knows old encryption versions (TLS 1.0 or 1.1, which modern programs refuse), a server whose encryption is misconfigured, or a security program on this computer that interferes with encrypted connections.
test-again-in-a-few-b2d0d9dc = Test again in a few minutes: some servers have short-lived encryption problems.
send-the-transcript-to-your-6a58275d = Send the transcript to your mail provider and ask whether the server supports TLS 1.2 or newer.
if-this-computer-runs-antivirus-bc7e4c13 = If this computer runs antivirus software that scans email, pause its mail scanning for one test, or ask its vendor.
the-server-s-encryption-is-47c71bd6 = The server's encryption is not working right now
the-server-offers-starttls-the-a70908db = The server offers STARTTLS (the way a mail server switches to an encrypted connection) but refused to start it, saying encryption is not available: a problem on the server, usually passing (its certificate could not be loaded). Your settings are right.
if-it-lasts-tell-your-775241a7 = If it lasts, tell your mail provider that the server answers STARTTLS with "TLS not available" (the transcript shows the exact words).
do-not-switch-encryption-off-f58feb01 = Do not switch encryption off to get around it: your password would then cross the network readable by anyone on the way.
the-mail-server-only-knows-f8184d45 = The mail server only knows outdated encryption (TLS 1.0 or 1.1)
the-server-offered-only-tls-91482b71 = The server offered only TLS 1.0 or 1.1, encryption versions from 1999 and 2006 that are no longer safe. This test refuses them, like every up-to-date program, and mail providers and Microsoft have switched them off. Your website may still connect today if its Windows server allows TLS 1.0, but that is ending: the server needs updating.
ask-your-mail-provider-or-b5203011 = Ask your mail provider or hosting company to enable TLS 1.2 or newer on the mail server (every server software from the last ten years can).
or-send-through-a-provider-361887b5 = Or send through a provider whose server supports TLS 1.2: change `host` (and `port`) to its server.
until-then-do-not-switch-9755bfec = Until then, do not switch encryption off to make it work: the password would then cross the network readable by anyone on the way.
once-the-web-server-s-9cd19b68 = Once the web server's Windows switches TLS 1.0 off, your website's error log says "A call to SSPI failed, see inner exception." ("The client and server cannot communicate, because they do not possess a common algorithm"): the same fix applies.
the-server-s-security-certificate-04fd7a4d = The server's security certificate is for a different server name
a-certificate-the-server-s-dd0086e8 = A certificate (the server's proof of identity) lists the names it is valid for, and the name in `host` is not among them. This is common with shared hosting, where the certificate carries the hosting company's server name rather than your domain.
change-host-to-a-name-ee8ec06c = Change `host` to a name the certificate is valid for (your hosting control panel usually shows it as the mail server's name).
if-the-name-must-stay-880e7635 = If the name must stay, ask your hosting company to add it to the certificate.
the-server-s-security-certificate-354d75d4 = The server's security certificate is not trusted
the-certificate-the-server-s-4ec64fb5 = The certificate (the server's proof of identity) is not vouched for by any authority this computer trusts. It may be self-signed (made by the server for itself), the server may leave out the intermediate certificate that links it to a trusted authority, or a security program on this network may be replacing it.
ask-your-mail-provider-or-232ac121 = Ask your mail provider or hosting company to install a certificate from a public authority (for example Let's Encrypt), including its intermediate certificate.
if-the-server-belongs-to-8f76e621 = If the server belongs to your own organisation and uses a private authority, give the test that authority's certificate in "Extra CA file" under Advanced (`--ca-file` on the command line); the server that runs your website must trust it too.
or-change-host-to-the-8c9dc251 = Or change `host` to the server name your provider recommends: it usually has a valid certificate.
the-server-s-security-certificate-d63d22af = The server's security certificate has expired
a-certificate-the-server-s-572e2148 = A certificate (the server's proof of identity) is valid only for a set period, and this one is outside it. Mail programs, ASP.NET included, refuse such a server to keep your password safe.
tell-your-mail-provider-or-98ff1f18 = Tell your mail provider or hosting company that the mail server's certificate has expired; only they can renew it.
check-that-this-computer-s-216e1f80 = Check that this computer's date and time are correct: a wrong clock makes valid certificates look expired.
the-server-s-security-certificate-45756667 = The server's security certificate is not valid yet
a-certificate-the-server-s-e8a30f57 = A certificate (the server's proof of identity) is valid only from a set date, and by this computer's clock that date has not come yet. Usually this computer's clock is wrong; less often the server has a certificate dated in the future.
check-that-this-computer-s-0e843109 = Check that this computer's date, time and time zone are correct, then test again.
if-the-clock-is-right-8f493c61 = If the clock is right, tell your mail provider that the mail server's certificate is not valid yet.
the-server-wants-an-encrypted-fa383e8e = The server wants an encrypted connection or a sign-in
asp-net-shows-this-message-0837b825 = ASP.NET shows this message for two different refusals: the server wants encryption with STARTTLS (the way a mail server switches to an encrypted connection), or it wants a sign-in first. The server's own words after "The server response was:" tell which.
set-enablessl-to-true-and-8c899e5c = Set `enableSsl` to `true` and use `port` `587`.
test-again-if-it-still-548726f4 = Test again; if it still fails, the server's reply says which of the two is missing.
your-website-and-the-mail-074c2270 = Your website and the mail server found no encryption version they both speak
the-remote-party-has-closed-5bd76f7e = "The remote party has closed the transport stream" and "do not possess a common algorithm" mean the encryption handshake failed before anything was sent. Mail servers now accept only TLS 1.2 or newer, while .NET Framework sites that target 4.5.2 or older offer only TLS 1.0 by default: the usual cause.
check-targetframework-in-web-config-52086986 = Check `targetFramework` in web.config (`<httpRuntime targetFramework="…" />`): if it is 4.5.2 or lower, write `<httpRuntime targetFramework="4.8" />` (.NET Framework 4.8 must be installed on the web server; your host can tell).
or-have-your-developer-add-de3780a8 = Or have your developer add `ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;` where the site starts.
if-the-site-already-targets-957e6eff = If the site already targets 4.7 or newer, run the test here with the same settings: it shows whether the server itself has a problem with encryption.

## src/discover/autoconfig.rs

the-file-names-no-outgoing-da3cda86 = the file names no outgoing SMTP server
tls-set-up-failed-err-0e784387 = TLS set-up failed ({ $err })
could-not-set-up-the-7a58deaf = could not set up the download ({ $err })
the-web-server-answered-status-bb1a36ee = the web server answered { $status }
the-file-is-far-too-8ea85755 = the file is far too large for an autoconfig file
no-answer-in-time-132d9f04 = no answer in time
could-not-connect-87553579 = could not connect
the-download-failed-6b35b8c9 = the download failed
no-answer-in-time-cause-dd991151 = no answer in time: { $cause }
could-not-connect-cause-d51a1172 = could not connect: { $cause }
the-download-failed-cause-7b220fc2 = the download failed: { $cause }

## src/discover/mod.rs

this-computer-s-dns-settings-df57410c = this computer's DNS settings
cancelled-before-a-usable-server-e60f4d58 = Cancelled before a usable server was found.

## src/discover/model.rs

the-host-you-gave-b4172f6e = the host you gave
srv-record-submission-tcp-fd4f9e08 = SRV record _submission._tcp
srv-record-submissions-tcp-6f770ec3 = SRV record _submissions._tcp
provider-recognised-from-mx-6cfcf862 = provider recognised from MX
autoconfig-file-74e867c6 = autoconfig file
mx-record-7aaa82a5 = MX record
usual-name-8ddec150 = usual name
dns-settings-dc95a679 = DNS settings
nothing-527dae8a = nothing
open-d35ec4c9 = open
refused-60acd1e3 = refused
timed-out-9a0e1624 = timed out
name-not-found-b063b887 = name not found
unreachable-d89e21f1 = unreachable
cancelled-845df81c = cancelled

## src/discover/probe.rs

host-has-no-address-detail-775916bb = { $host } has no address: { $detail }

## src/discover/rank.rs

internet-providers-and-cloud-hosts-c4d8c14d = Internet providers and cloud hosts often block port 25 (and sometimes 465 and 587) going out. This check ran from this computer: the server your website runs on may be blocked differently, so if the website still cannot connect, ask its host whether it blocks outgoing mail ports.
found-through-the-source-c322eaae = Found through the { $source }.
host-answers-but-its-certificate-58712b2f = { $host } answers, but its certificate is for { $name }, so the secure connection would fail. Use { $name } as the host instead (run `mailtester probe --host { $name }` to check it).
the-only-secure-server-found-5b1b0033 = The only secure server found uses SSL on connect (port 465), which ASP.NET's System.Net.Mail cannot use. Ask your mail provider for a server with STARTTLS on port 587, or use a mail-sending service.
no-server-answered-on-any-1152159c = No server answered on any port from this computer. Check the address, or try from another network: this one may block outgoing mail ports.
no-server-offered-an-encrypted-3a856083 = No server offered an encrypted connection with a sign-in your website can use. Ask your mail provider which outgoing (SMTP) server, port and security to use.
this-name-does-not-exist-3844c68d = This name does not exist in DNS.
not-finished-cancelled-052fcd59 = Not finished: cancelled.
port-port-refused-the-connection-78196336 = Port { $port } refused the connection: nothing takes mail there.
no-answer-on-port-port-f2d9fb6a = No answer on port { $port }: it is blocked on the way, or the server ignores it.
could-not-reach-port-port-e626ab15 = Could not reach port { $port } from this computer.
port-port-accepts-connections-but-c44f4dbc = Port { $port } accepts connections but never greets like a mail server.
port-port-wants-ssl-on-08854b61 = Port { $port } wants SSL on connect, which ASP.NET (System.Net.Mail) cannot do; never use it in web.config.
unencrypted-enablessl-false-this-server-4741a147 = Unencrypted (enableSsl="false"): this server offers STARTTLS, so keep SSL on.
unencrypted-with-no-sign-in-dd28ec6f = Unencrypted, with no sign-in offered: only a relay that knows your server's address would take mail here.
unencrypted-the-password-would-cross-99107547 = Unencrypted: the password would cross the network readable by anyone on the way; use STARTTLS instead.
no-certificate-6f3ef809 = no certificate
certificate-trusted-9c31dd2b = certificate trusted
the-certificate-is-for-name-3c436d2f = the certificate is for { $name }, not { $host }: use { $name } as the host
the-certificate-is-not-for-5c16eb77 = the certificate is not for { $host }
the-certificate-has-expired-a80ab172 = the certificate has expired
the-certificate-is-not-from-dace93b1 = the certificate is not from a trusted authority
the-certificate-is-not-valid-fd6b02ae = the certificate is not valid
what-accepted-because-invalid-certificat-654eb2c8 = { $what } (accepted because invalid certificates are allowed)

## src/discover/reasons.rs

ssl-on-connect-on-port-8381ea47 = SSL on connect on port { $port } failed: { $problem }
starttls-on-port-port-failed-b828dcbf = STARTTLS on port { $port } failed: { $problem }
ssl-on-connect-on-port-6006be8e = SSL on connect on port { $port } works, but { $what }.
starttls-on-port-port-works-0c771c86 = STARTTLS on port { $port } works, but { $what }.
ssl-on-connect-on-port-60ce1025 = SSL on connect on port { $port } works ({ $certificate }), but no sign-in is offered: only a relay that knows your server's address would take mail.
starttls-on-port-port-works-f984c06d = STARTTLS on port { $port } works ({ $certificate }), but no sign-in is offered: only a relay that knows your server's address would take mail.
ssl-on-connect-on-port-90b0d615 = SSL on connect on port { $port } works, but it signs in only with { $offered }, and ASP.NET signs in with LOGIN.
starttls-on-port-port-works-d8016efd = STARTTLS on port { $port } works, but it signs in only with { $offered }, and ASP.NET signs in with LOGIN.
ssl-on-connect-on-port-93cce076 = SSL on connect on port { $port } with sign-in ({ $offered }) after encryption, { $certificate }.
starttls-on-port-port-with-70b23d3e = STARTTLS on port { $port } with sign-in ({ $offered }) after encryption, { $certificate }.

## src/discover/request.rs

given-is-not-an-email-aba196ff = "{ $given }" is not an email address or server name we can search; give one like --email you@example.com or --host mail.example.com
could-not-use-the-certificate-48b99cc8 = could not use the certificate file ({ $detail }); give a PEM or DER (.cer) file with --ca-file: { $path }

## src/discover/run.rs

built-in-roots-418ee249 = (built-in roots)
autoconfig-for-domain-b5ed5741 = autoconfig for { $domain }
no-answer-from-dns-in-36c18acb = no answer from DNS in time
no-address-690ce026 = no address

## src/discover/sources.rs

the-mx-hosts-against-the-97badb2f = the MX hosts against the provider table
no-known-provider-runs-these-45681bfb = no known provider runs these MX hosts
the-usual-names-for-domain-e2a756b7 = the usual names for { $domain }
no-such-record-f2abe916 = no such record

## src/dns.rs

could-not-read-this-computer-ef192af0 = could not read this computer's DNS settings ({ $detail }); name a DNS server with --dns-server, for example --dns-server 1.1.1.1:53
could-not-set-up-dns-dc830dd9 = could not set up DNS look-ups ({ $detail }); check --dns-server
could-not-read-all-of-2aebf030 = could not read all of this computer's DNS settings ({ $error }); using the public DNS servers { $servers }. Name another with the DNS server setting (--dns-server).
could-not-read-all-of-8d6abebb = could not read all of this computer's DNS settings ({ $error }); using its other DNS servers ({ $servers }). Name another with the DNS server setting (--dns-server).
text-is-not-an-ip-3e862c8c = "{ $text }" is not an IP address with an optional port, like 1.1.1.1:53

## src/event.rs

resolve-host-96e6a1b3 = resolve host
connect-aae0ccf9 = connect
tls-handshake-8af0d15f = TLS handshake
greeting-d4edbfb6 = greeting
sign-in-auth-c6f2a51c = sign in (AUTH)
connect-db89a899 = Connect
secure-connection-03f2ee68 = Secure connection
sign-in-744be623 = Sign in
send-message-d97db31c = Send message
t-1-ms-94c7ac32 = <1 ms
ms-ms-f79070b7 = { $ms } ms

## src/files.rs

it-is-not-a-regular-f71db6cc = it is not a regular file

## src/fleet/iis.rs

line-line-column-column-problem-e86e7c22 = line { $line }, column { $column }: { $problem }
line-line-column-column-23009a9d = line { $line }, column { $column }
the-file-could-not-be-08983729 = the file could not be read
iis-s-list-of-sites-26e20999 = IIS's list of sites could not be read: { $err }
iis-site-name-its-folder-f50c08fe = IIS site "{ $name }": its folder names { $variable }, which is not set here
iis-site-name-its-folder-8d62d056 = IIS site "{ $name }": its folder is a Windows path, which cannot be opened here; run the scan on the Windows server itself
iis-site-name-its-folder-d89eb25d = IIS site "{ $name }": its folder is not there

## src/fleet/judge.rs

the-server-answered-as-this-ad49dbb9 = The server answered as this site needs; nothing found that stops its mail.
this-website-s-mail-program-1a7b3381 = this website's mail program
port-465-expects-ssl-on-af8f9883 = Port 465 expects SSL on connect, which ASP.NET cannot do: it will wait for a greeting that never comes
nothing-in-the-files-stops-d06c6341 = Nothing in the files stops it; the server was not contacted (--offline).

## src/fleet/model.rs

the-mail-settings-are-encrypted-a053936c = the mail settings are encrypted (aspnet_regiis -pe); decrypt them on the server to check them
the-file-could-not-be-695620a2 = the file could not be read as { $what }: { $detail }
the-file-could-not-be-576c03c8 = the file could not be opened: { $arg0 }
the-file-is-0-bytes-1ce04a19 = the file is { $arg0 } bytes, too large for a configuration file; skipped
the-file-holds-binary-data-062499d0 = the file holds binary data, not text; skipped

## src/fleet/read/appsettings.rs

the-mail-section-s-port-af08395b = the mail section's port is not a whole number
securesocketoptions-is-not-one-of-8884005f = SecureSocketOptions is not one of None, Auto, SslOnConnect, StartTls, StartTlsWhenAvailable (or 0 to 4)
the-mail-section-s-ssl-6926e20b = the mail section's SSL switch is not true or false
the-file-ends-inside-a-4c672aa5 = the file ends inside a value (a bracket or a quote is not closed)
this-is-not-valid-json-d2ad7323 = this is not valid JSON (a missing comma, quote or bracket?)
line-line-a-comment-starts-d2dcdf02 = line { $line }: a /* comment starts here and is never closed

## src/fleet/read/dotenv.rs

mail-scheme-must-be-smtp-12aa34e8 = MAIL_SCHEME must be smtp or smtps: Laravel refuses any other value and sends no mail (for SSL on connect write smtps, or use port 465)
mail-port-is-not-a-878b9e36 = MAIL_PORT is not a whole number
mailer-dsn-is-empty-in-0c586ff2 = MAILER_DSN is empty in this .env file: the mail server in use is set in .env.local (or .env.prod.local) or in the server's environment
key-in-the-env-file-46fc61eb = { $key } in the .env file takes its value from another variable, which the file does not set: it comes from the server's environment (the web server's or PHP's settings); check it there
key-in-the-env-file-bbcf231a = { $key } in the .env file takes its value from { $variable }, which the file does not set: it comes from the server's environment (the web server's or PHP's settings); check it there
line-line-not-a-name-c3f707ea = line { $line }: not a NAME=value line (check its quotes; a value with spaces needs quotes)

## src/fleet/read/dotenv_dsn.rs

key-names-several-mail-servers-49d562aa = { $key } names several mail servers (failover or roundrobin): check each of them on its own
key-is-not-a-mail-c141a1af = { $key } is not a mail server address that Symfony Mailer accepts (it has no scheme such as smtp://); the form is smtp://user:password@host:port
key-is-not-a-mail-597b5d63 = { $key } is not a mail server address that Symfony Mailer accepts (it names no host); the form is smtp://user:password@host:port
key-is-not-a-mail-959f07e4 = { $key } is not a mail server address that Symfony Mailer accepts (its port is not a whole number); the form is smtp://user:password@host:port

## src/fleet/read/webconfig.rs

the-mail-settings-are-kept-ac312744 = the mail settings are kept in "{ $source }" (configSource), which is not there
the-mail-settings-are-kept-34535e3f = the mail settings are kept in "{ $source }" (configSource), which names no file; it must name a file beside the web.config or in a folder below it
the-mail-settings-are-kept-27850fc0 = the mail settings are kept in "{ $source }" (configSource), an absolute path, which is not read; it must name a file beside the web.config or in a folder below it
the-mail-settings-are-kept-ca9f69a5 = the mail settings are kept in "{ $source }" (configSource), which is outside the site's folder; it must name a file beside the web.config or in a folder below it
the-mail-settings-are-kept-31a5b4e0 = the mail settings are kept in "{ $source }" (configSource), which leads outside the site's folder (a symbolic link); it must name a file beside the web.config or in a folder below it
the-xml-could-not-be-1fb3dcda = the XML could not be read
in-file-configsource-line-line-0c6d9a6f = in "{ $file }" (configSource), line { $line }, column { $column }: { $problem }
the-mail-settings-are-kept-09fd0bbe = the mail settings are kept in "{ $file }" (configSource), which starts with <{ $root }> instead of <smtp>
the-first-element-is-root-6db531d1 = the first element is <{ $root }>, not <configuration>
in-file-configsource-the-mail-d449392a = in "{ $file }" (configSource), the mail settings could not be read
the-mail-settings-could-not-4480c8b3 = the mail settings could not be read
this-web-config-inherits-mail-b55d376d = this web.config inherits mail settings from a parent folder's web.config, which could not be read ({ $err }): { $path }
attribute-value-is-not-true-5069d63f = { $attribute }="{ $value }" is not true or false, so ASP.NET stops with a configuration error
deliverymethod-value-is-not-network-a12fa162 = deliveryMethod="{ $value }" is not Network, SpecifiedPickupDirectory or PickupDirectoryFromIis, so ASP.NET stops with a configuration error
port-value-is-not-a-25b8c42f = port="{ $value }" is not a whole number, so ASP.NET stops with a configuration error

## src/fleet/read/wordpress.rs

line-line-problem-02d07e14 = line { $line }: { $problem }
wp-mail-smtp-s-constants-786694b4 = WP Mail SMTP's constants are on, but WPMS_MAILER is not set in wp-config.php: which mailer WP Mail SMTP uses is the one saved in the WordPress database (WP Mail SMTP > Settings in the site's admin), which this check does not read
wp-mail-smtp-s-constants-7a02d053 = WP Mail SMTP's constants are on, but WPMS_SMTP_HOST is not set in wp-config.php: the mail server in use is the one saved in the WordPress database (WP Mail SMTP > Settings in the site's admin), which this check does not read
name-is-defined-more-than-59afc853 = { $name } is defined more than once in wp-config.php with different values (lines { $line } and { $other }); which one applies depends on conditions in the file: check it on the server
name-in-wp-config-php-b9b0d0ae = { $name } in wp-config.php (line { $line }) is computed by PHP code, not written as a plain value; look up what it gives on the server to check this site
wp-mail-smtp-s-constants-6628db44 = WP Mail SMTP's constants are switched off (WPMS_ON is not true) (WPMS_ON is not defined): the settings in use are in the WordPress database (WP Mail SMTP > Settings in the site's admin), which this check does not read
wp-mail-smtp-s-constants-34b65098 = WP Mail SMTP's constants are switched off (WPMS_ON is not true): the settings in use are in the WordPress database (WP Mail SMTP > Settings in the site's admin), which this check does not read
wp-mail-smtp-s-constants-0e156393 = WP Mail SMTP's constants are switched off (WPMS_ON is not true): WPMS_ON must be the PHP value true, written without quotes: the settings in use are in the WordPress database (WP Mail SMTP > Settings in the site's admin), which this check does not read

## src/fleet/read/wordpress_lexer.rs

a-quoted-string-starts-here-8301b510 = a quoted string starts here and runs over several lines; the file ends inside a string, so a quote is probably missing here
a-quoted-string-starts-here-f2be9f2f = a quoted string starts here and is never closed
a-heredoc-string-starts-here-9a40e56f = a heredoc string starts here and is never closed

## src/fleet/read/wordpress_php.rs

a-constant-s-definition-here-aa6ad48d = a constant's definition here is never closed

## src/fleet/report.rs

sites-broken-broken-at-risk-8ae33c1d = { $sites }: { $broken } broken, { $at_risk } at risk, { $unknown } unknown, { $ok } OK; { $servers }, not contacted (--offline)
sites-broken-broken-at-risk-5ceb8ca8 = { $sites }: { $broken } broken, { $at_risk } at risk, { $unknown } unknown, { $ok } OK; { $servers }, each contacted once

## src/fleet/scan.rs

not-trusted-problem-a72ac742 = not trusted: { $problem }

## src/fleet/walk/load.rs

the-tester-failed-while-reading-45d644d4 = the tester failed while reading it (a bug; please report it)
permission-denied-this-account-may-6fd3f362 = permission denied: this account may not read it; run the scan as a user who may (an administrator, or root)
it-is-not-there-or-26791bda = it is not there (or it is a symbolic link to something that is not there)

## src/fleet/walk.rs

a-symbolic-link-loop-it-3f5ee203 = a symbolic link loop: it leads back to a folder above it, so it was not entered: { $folder }
the-folder-to-scan-could-71e8ff6b = the folder to scan could not be read: { $reason }
it-could-not-be-read-e776a2b9 = it could not be read: { $reason }
could-not-be-read-err-a4a50f9d = could not be read: { $err }

## src/gui/app.rs

saved-to-path-81572862 = Saved to { $path }

## src/gui/app_data.rs

run-a-successful-test-first-a67cdc58 = Run a successful test first: only settings that work go into web.config.
path-already-has-these-settings-e3ba752a = { $path } already has these settings: nothing to change.
web-config-updated-the-old-7f855d8e = web.config updated. The old file is kept as { $backup }.
web-config-already-had-these-7b4733bb = web.config already had these settings: nothing was written.
password-filled-in-from-the-f2da34c8 = Password filled in from the system keyring.

## src/gui/arrive.rs

will-it-arrive-06141c0a = Will it arrive?
checking-the-dns-of-domain-b7ccbc42 = Checking the DNS of { $domain }…
your-server-took-the-message-5ccd8281 = Your server took the message. Whether your customers' mailboxes accept it depends on what { $domain } publishes in DNS (SPF, DKIM and DMARC): Gmail, Outlook.com and others check it on every message.
check-my-domain-abc31f65 = Check my domain
name-0fe07306 = Name
type-d155d06d = Type
copy-value-8902f3e5 = Copy value
dns-record-803b41a1 = DNS record

## src/gui/certificate_view.rs

valid-for-this-server-from-355e575b = Valid for this server, from an authority this computer trusts.
no-authority-this-computer-trusts-9bf7a28b = No authority this computer trusts vouches for it (self-signed or a private authority): your website will refuse it.
expired-or-not-valid-yet-5b17fef0 = Expired (or not valid yet): your website will refuse it.
issued-for-other-names-than-7a13a5e6 = Issued for other names than this server: your website will refuse it.
issued-for-other-names-than-d98c0689 = Issued for other names than this server: use { $name } as the server instead.
not-acceptable-your-website-will-e8804bfb = Not acceptable: your website will refuse it.
refused-problem-25d0d4f8 = Refused: { $problem }
accepted-only-because-you-allowed-a802d3e1 = Accepted only because you allowed invalid certificates; your website will refuse it: { $problem }
certificate-of-server-1a556eea = Certificate of { $server }
issued-for-6714067b = Issued for
subject-a07924ef = Subject
issued-by-32d73b71 = Issued by
valid-from-5c4db35f = Valid from
valid-until-ae5379d5 = Valid until
key-cd1ac90c = Key
it-signs-itself-self-signed-ffdfbb41 = It signs itself (self-signed).
close-cd86acc3 = Close
the-server-showed-a-certificate-fc7f0c41 = The server showed a certificate:
certificate-164f4d6c = Certificate…

## src/gui/clipboard.rs

the-clipboard-holds-no-text-0e51ef9b = The clipboard holds no text. Select the error message, copy it (Ctrl+C), then press Paste and explain again.
could-not-read-the-clipboard-55ca3f2e = Could not read the clipboard ({ $error }). Click in the box and press Ctrl+V instead.
could-not-read-the-clipboard-d8d75827 = Could not read the clipboard ({ $error }).

## src/gui/countdown.rs

ways-out-663fc101 = Ways out
switch-to-azure-communication-services-5028f1c1 = Switch to Azure Communication Services…
fills-in-the-server-port-52b97455 = Fills in the server, port and SSL; then enter its SMTP user name and the app's client secret, and test
test-oauth-sign-in-instead-6121b8ed = Test OAuth sign-in instead…
switches-sign-in-to-microsoft-21e22962 = Switches Sign-in to Microsoft 365 (OAuth); enter the app's tenant, client ID and secret, and test

## src/gui/data.rs

background-work-failed-err-6348a5e0 = Background work failed: { $err }
saved-the-profile-name-without-7601dd12 = Saved the profile "{ $name }" (without the password).
renamed-old-to-new-81c2e66b = Renamed "{ $old }" to "{ $new }".
deleted-the-profile-name-02cadbdf = Deleted the profile "{ $name }".
password-saved-in-the-system-caf1d26b = Password saved in the system keyring.
password-removed-from-the-system-bf5241d1 = Password removed from the system keyring.
the-system-keyring-had-no-79911590 = The system keyring had no password for these settings.
error-in-path-fb673a64 = { $error } (in { $path })

## src/gui/data_ui.rs

profile-cd17328e = Profile
not-saved-0cbbe4ae = (not saved)
no-saved-profiles-yet-8e93c7bf = No saved profiles yet
save-profile-2155f443 = Save profile…
keep-these-settings-under-a-6f00abd5 = Keep these settings under a name (never the password)
rename-8628af0d = Rename…
delete-5797ea6a = Delete
delete-this-profile-the-saved-9a91cae8 = Delete this profile (the saved password stays in the keyring)
save-these-settings-as-a-baa6424a = Save these settings as a profile
rename-the-profile-108df4fd = Rename the profile
profile-name-4a62f0b1 = Profile name
the-password-is-never-saved-847cc3d3 = The password is never saved in a profile.
cancel-35afca3b = Cancel
what-we-found-in-your-30b437af = What we found in your web.config
read-the-mail-settings-from-f888cdc5 = Read the mail settings from { $file } into the form.
nothing-looks-wrong-in-the-d8199839 = Nothing looks wrong in the mail settings.
message-line-line-fdb1cbdf = { $message } (line { $line })
how-to-fix-it-fix-2f1add2f = How to fix it: { $fix }
update-web-config-f17b814a = Update web.config
these-changes-will-be-written-d79bed29 = These changes will be written to { $path }:
removed-414d3fcc = (removed)
show-the-exact-lines-diff-28e9792f = Show the exact lines (diff)
a-copy-of-the-current-628d2468 = A copy of the current file is saved beside it first, and nothing else in the file changes.
write-the-changes-d520b72a = Write the changes

## src/gui/explain.rs

explain-an-error-message-cfdd1096 = Explain an error message
paste-the-error-your-website-a6f28df8 = Paste the error your website logged (or the mail server's reply):
paste-and-explain-221ad80a = Paste and explain
puts-what-you-copied-ctrl-188d8686 = Puts what you copied (Ctrl+C) into the box and explains it
explain-99127ffc = Explain
nothing-is-sent-anywhere-a2469521 = Nothing is sent anywhere.

## src/gui/find.rs

find-my-settings-784a8e8d = Find my settings
servers-tried-1c7ebb43 = Servers tried
your-website-s-email-address-5928f99d = Your website's email address (or your mail server's name):
find-3e1cd17a = Find
stop-4b7f7705 = Stop
tried-tried-trying-under-way-9d062519 = { $tried } tried, { $trying } under way
we-look-up-where-your-a611819d = We look up where your domain's mail goes and knock on each server's door: no email is sent and no password leaves this computer.
stopped-before-every-server-answered-7abb5aa7 = Stopped before every server answered: below is what was found so far.
no-server-answered-in-a-cacb09fc = No server answered in a way your website can use.
found-settings-your-website-can-a1d43a43 = Found settings your website can use
server-host-2b5c3c37 = Server (host)
port-e2c53cc6 = Port
use-ssl-enablessl-8787f948 = Use SSL (enableSsl)
use-these-settings-bdf41e24 = Use these settings
host-port-port-security-08e4532b = { $host }   port { $port }   { $security }
host-port-port-254b241f = { $host }   port { $port }
trying-bbcf4a72 = trying…
use-ba1c5c94 = Use
find-my-settings-d1ed1573 = Find my settings…
don-t-know-your-server-e5f6d9ac = Don't know your server, port or whether to use SSL? Find them from your email address.

## src/gui/find_handle.rs

filled-in-server-host-port-6e89d92b = Filled in server { $host }, port { $port }, Use SSL on. Add your user name and password, then press Send test email.
filled-in-server-host-port-c99c513f = Filled in server { $host }, port { $port }, Use SSL off. Add your user name and password, then press Send test email.

## src/gui/find_sources.rs

can-this-computer-reach-host-7cb31d90 = Can this computer reach { $host }?
where-we-looked-count-c83eaeb4 = Where we looked ({ $count })

## src/gui/fleet.rs

save-the-csv-file-1dc67daf = Save the CSV file
save-the-html-page-c594c9af = Save the HTML page
csv-file-8ff668ab = CSV file
html-page-671c72fb = HTML page
could-not-save-the-csv-e61ea1e5 = Could not save the CSV file ({ $error }). Choose a folder you may write to: { $path }
could-not-save-the-html-7566ece5 = Could not save the HTML page ({ $error }). Choose a folder you may write to: { $path }
the-csv-file-could-not-2a54ae9b = The CSV file could not be made ({ $error }).
the-html-page-could-not-78e2bfa9 = The HTML page could not be made ({ $error }).
no-mail-server-to-contact-39076711 = No mail server to contact
check-a-folder-of-sites-5d3e10c1 = Check a folder of sites
folder-with-the-sites-5c26d71c = Folder with the sites
c-inetpub-vhosts-or-var-d1e18405 = C:\inetpub\vhosts  or  /var/www
choose-folder-6d5da010 = Choose folder…
check-592c8de7 = Check
also-contact-the-mail-servers-b5893b4c = Also contact the mail servers
each-server-once-its-greeting-9b299859 = Each server once: its greeting, EHLO and STARTTLS. No sign-in, no email. Off: judge from the files alone.
use-the-passwords-from-the-b045ac63 = Use the passwords from the files
open-in-the-tester-also-84b1a791 = "Open in the tester" also fills in the password from the site's file. It stays in memory and is never saved.
reads-every-web-config-wp-d0337aab = Reads every web.config, wp-config.php, .env and appsettings.json under the folder. Nothing is changed, no email is sent, and passwords never leave this computer.

## src/gui/fleet_handle.rs

no-folder-chosen-if-no-b4701bc1 = No folder chosen. If no folder window appeared, type or paste the folder's path in the box.
this-site-does-not-sign-cae72903 = This site does not sign in. Press Send test email.
the-password-from-its-file-297f8f04 = The password from its file is filled in (kept in memory only). Press Send test email.
type-its-password-then-press-12e6e920 = Type its password, then press Send test email.
filled-in-the-settings-of-672072f8 = Filled in the settings of { $site }.
choose-the-folder-that-holds-61e3f817 = Choose the folder that holds the sites

## src/gui/fleet_result.rs

stopped-before-the-end-sites-67c19f7b = Stopped before the end: sites whose server had not answered yet are Unknown.
no-site-with-mail-settings-b7ae3397 = No site with mail settings was found under this folder. Check the path, or choose the folder that holds the sites' folders.
could-not-look-at-1-1b13a133 = Could not look at 1 path
could-not-look-at-n-196912a3 = Could not look at { $n } paths
show-a7e50a92 = Show:
sites-broken-broken-at-risk-c4acd5f6 = { $sites }: { $broken } broken, { $at_risk } at risk, { $unknown } unknown, { $ok } OK.
servers-not-contacted-judged-from-378e4d23 = Servers not contacted: judged from the files alone.
t-1-mail-server-contacted-adfd49ef = 1 mail server contacted.
n-mail-servers-contacted-69c9f42f = { $n } mail servers contacted.
t-1-file-read-in-seconds-1095aef9 = 1 file read in { $seconds } s.
n-files-read-in-seconds-a93bf25f = { $n } files read in { $seconds } s.
export-csv-83c354ed = Export CSV…
export-html-e3ab8eb8 = Export HTML…
without-passwords-b3ac77a1 = Without passwords.
no-file-chosen-if-no-f03e4b59 = No file chosen. If no file window appeared, type where to save:
save-4d2d5d68 = Save

## src/gui/fleet_rows.rs

no-site-with-the-ticked-a04a9538 = No site with the ticked verdicts.
hide-this-server-s-sites-15babccc = Hide this server's sites
show-this-server-s-sites-bb62a985 = Show this server's sites
these-files-name-no-mail-83f851d8 = These files name no mail server to contact, or could not be read.
not-contacted-judged-from-the-f2af1eaf = Not contacted: judged from the files alone.
problem-problem-42bcd519 = Problem: { $problem }
answered-in-ms-ms-726e94b1 = Answered in { $ms } ms
starttls-offered-923d1843 = STARTTLS offered
starttls-not-offered-c3ff6afa = STARTTLS not offered
after-methods-26067741 = after: { $methods }
open-in-the-tester-11edc94a = Open in the tester
put-this-site-s-settings-8cf673b6 = Put this site's settings into the form to test it step by step

## src/gui/fleet_words.rs

broken-65c915c0 = Broken
at-risk-f7adc8fb = At risk
unknown-cc200e59 = Unknown
n-broken-979d3c8c = { $n } broken
n-at-risk-c43a32df = { $n } at risk
n-unknown-ceec02e5 = { $n } unknown
n-ok-035d2d5b = { $n } OK
looking-for-sites-in-the-c98fc7bb = Looking for sites in the folder…
found-sites-judging-them-from-d4d88c3c = Found { $sites }; judging them from the files…
found-sites-using-servers-contacted-7bd3cb69 = Found { $sites } using { $servers }; contacted { $contacted } of { $total }
n-sites-7e66b213 = { $n } sites
t-1-server-9bf9c617 = 1 server
n-servers-410e23c7 = { $n } servers

## src/gui/form.rs

server-6d7302f2 = Server
user-name-5a6db215 = User name
usually-your-full-email-address-9d5ecf0a = usually your full email address
from-18743595 = From
send-the-test-to-5a257c61 = Send the test to
the-from-address-25355395 = (the From address)
advanced-60f3de7b = Advanced
provider-35a888dc = Provider
other-my-host-7c71a048 = Other / my host
user-name-hint-0a0e0850 = User name: { $hint }
a-website-using-asp-net-d19fb58d = A website using ASP.NET (System.Net.Mail) cannot sign in to this provider.
show-29742e5c = Show
remember-in-the-system-keyring-308bc6da = Remember in the system keyring
after-a-test-signs-in-236d02df = After a test signs in, the password is kept in your system's keyring (never in a file) and filled in when you come back to these settings.
forget-6e3fab8c = Forget
remove-the-saved-password-for-859341c3 = Remove the saved password for this user, server and port
use-ssl-9cb78972 = Use SSL
in-code-smtpclient-enablessl-71b94a47 = in code: SmtpClient.EnableSsl
encrypts-the-connection-with-starttls-e1630b78 = Encrypts the connection with STARTTLS. ASP.NET 2.0–3.5 has no enableSsl in web.config: the site's code switches it on with smtpClient.EnableSsl = true.
use-starttls-e899f629 = Use STARTTLS
encrypts-the-connection-with-starttls-54a9c52e = Encrypts the connection with STARTTLS, as "SecureSocketOptions": "StartTls" does in appsettings.json. Almost every provider needs it on port 587.
encrypts-the-connection-with-starttls-0497ed8d = Encrypts the connection with STARTTLS, as enableSsl="true" does in web.config. Almost every provider needs it on port 587.
encrypts-the-connection-starttls-or-77dd1ba1 = Encrypts the connection (STARTTLS, or SSL on connect on port 465). Almost every provider needs it.
stop-the-test-esc-7ef17032 = Stop the test (Esc)
testing-19d1cb65 = Testing…
send-test-email-1fb39495 = Send test email
sends-one-test-message-enter-66775012 = Sends one test message (Enter)
or-press-enter-ca33bfe9 = or press Enter
fix-the-fields-marked-in-8a0ea9d4 = Fix the fields marked in red to send a test.
fill-in-the-server-the-e74fa0bd = Fill in the server, the port and the From address to send a test.

## src/gui/form_advanced.rs

ehlo-name-2ccdfef0 = EHLO name
this-computer-s-name-f22607df = this computer's name
sign-in-service-8784367b = Sign-in service
the-provider-s-own-72f43ac3 = the provider's own
only-for-testing-against-another-a761009c = Only for testing against another OAuth server: https, or http on this computer
connection-security-dd84debd = Connection security
automatic-from-use-ssl-3ad3100c = Automatic (from Use SSL)
ssl-on-connect-port-465-676e96b5 = SSL on connect (port 465)
no-encryption-f2785503 = No encryption
timeouts-seconds-fcbede65 = Timeouts (seconds)
connect-timeout-083bac06 = Connect timeout
greeting-timeout-0def4115 = Greeting timeout
reply-timeout-c36384e8 = Reply timeout
reply-29931627 = reply
whole-test-timeout-e3df8c9b = Whole test timeout
whole-test-66553338 = whole test
final-reply-timeout-33be1638 = Final reply timeout
final-reply-b01ca957 = final reply
accept-an-invalid-certificate-3339b9cc = Accept an invalid certificate
unsafe-an-impostor-could-read-7ecf6263 = Unsafe: an impostor could read your password. Your website will still refuse this certificate.
extra-ca-file-c5e1ea27 = Extra CA file
optional-pem-file-09b22b1b = optional .pem file
browse-23b63f91 = Browse…
dns-server-68b7a757 = DNS server
this-computer-s-or-e-9f499886 = this computer's (or e.g. 1.1.1.1)
used-by-find-my-settings-50a0518d = Used by Find my settings, Will it arrive? and Check my inbox
target-platform-b913a5b3 = Target platform
other-program-php-node-python-371befb6 = Other program (PHP, Node, Python…)
asp-net-version-aeb36436 = ASP.NET version

## src/gui/form_rows.rs

called-attribute-in-web-config-fcc6f275 = Called { $attribute } in web.config

## src/gui/form_state.rs

microsoft-365-oauth-7101a859 = Microsoft 365 (OAuth)
google-oauth-53d0542c = Google (OAuth)
access-token-7e4e0506 = Access token
enter-the-port-usually-587-bc12b1b6 = Enter the port, usually 587.
port-text-is-not-a-7e466956 = "{ $port_text }" is not a port number. Use digits only, usually 587.
enter-the-app-s-application-1e01288a = Enter the app's Application (client) ID, from its App registration's Overview page.
enter-the-directory-tenant-id-db565192 = Enter the Directory (tenant) ID, or your organisation's domain (yourcompany.onmicrosoft.com).
enter-the-app-s-client-b18ff566 = Enter the app's client secret (its Value, not its Secret ID).

## src/gui/handle.rs

enter-the-user-name-server-1e12f529 = Enter the user name, server and port whose saved password you want to remove.
the-test-cannot-start-yet-e05fd57a = The test cannot start yet: { $problem }
no-file-chosen-if-no-fae46c0e = No file chosen. If no file window appeared, type the file's path in the Extra CA file field.
copied-the-transcript-to-the-f9f520d2 = Copied the transcript to the clipboard.
copied-the-dns-record-to-c9d04e48 = Copied the DNS record to the clipboard.
copied-the-name-snippet-to-e9fe6390 = Copied the { $name } snippet to the clipboard.
copied-the-what-to-the-02208dc6 = Copied the { $what } to the clipboard.

## src/gui/inbox.rs

did-it-land-c25f3a39 = Did it land?
sign-in-to-the-mailbox-e5e08cf2 = Sign in to the mailbox the test went to ({ $to }) to see whether the message is in the inbox or in spam. We only read; nothing is moved or deleted.
looking-for-the-message-up-e3335603 = Looking for the message (up to a minute)…
check-my-inbox-again-5e2da85f = Check my inbox again
check-my-inbox-85ac2677 = Check my inbox
mailbox-imap-e60bf73b = Mailbox (IMAP)
imaps-user-server-or-imap-e956f350 = imaps://USER@SERVER, or imap:// for STARTTLS on port 143; add :PORT if it is not the usual one
same-as-the-password-above-5b43a90a = Same as the password above
used-for-this-check-only-ca6be08e = Used for this check only; kept in the system keyring after a good sign-in when "Remember in the system keyring" is ticked
what-server-checked-e1e33d21 = What { $server } checked:
the-receiving-server-recorded-no-338af020 = The receiving server recorded no checks in the message.

## src/gui/intro.rs

what-happens-when-you-send-1198026e = What happens when you send a test
the-test-does-what-your-1f59bc92 = The test does what your website does when it sends an email, one step at a time, and shows each step as it happens:
one-short-test-email-to-f92d9996 = one short test email to the address in "Send the test to" (or From).
one-short-test-email-to-eca5f997 = one short test email to { $recipient }.
we-reach-your-mail-server-495a0766 = we reach your mail server, as your website does.
we-switch-the-connection-to-305163c3 = we switch the connection to encryption, when Use SSL is ticked.
with-your-user-name-and-9eb23e32 = with your user name and password.
with-a-token-from-microsoft-b5cb4671 = with a token from Microsoft or Google (OAuth), never over an unencrypted connection.
if-a-step-fails-you-ed66c46a = If a step fails, you will see which one, what it means in plain words, and what to change. Nothing is changed on your website.
your-password-stays-yours-4243e865 = Your password stays yours
it-goes-to-your-mail-9ee48a16 = It goes to your mail server and nowhere else, and only over an encrypted connection: if it would travel unencrypted, the test stops and asks you first.
it-is-never-put-in-43308fa9 = It is never put in a profile, the transcript or the report for support. Tick "Remember in the system keyring" to keep it in your computer's own password store, never in a file.

## src/gui/oauth.rs

enter-the-mailbox-user-name-18b33d9d = Enter the mailbox (User name) and the app's client ID first, then sign in.
signed-in-as-mailbox-e71eccdc = Signed in as { $mailbox }.
the-sign-in-is-kept-4337c0cd = The sign-in is kept in your system's keyring.
signed-out-40c28a5d = Signed out.
the-test-was-stopped-while-f10aa733 = the test was stopped while getting the token

## src/gui/oauth_rows.rs

sign-in-7367eeb8 = Sign-in
how-the-test-signs-in-3e344752 = How the test signs in: with the password, or with OAuth (a token from Microsoft or Google)
oauth-signing-in-through-microsoft-cb19300f = OAuth: signing in through Microsoft's or Google's own page instead of with a password. ASP.NET's web.config cannot do it; MailKit and most PHP and Node.js mail libraries can.
paste-the-token-0ce3b5de = paste the token
client-secret-d28dcb8a = Client secret
the-desktop-app-s-secret-2dfdf483 = the desktop app's secret
sign-in-with-google-682701c4 = Sign in with Google…
who-signs-in-4247d24c = Who signs in
the-website-as-an-app-02a2655f = The website, as an app
the-app-signs-in-as-5b39e6e4 = The app signs in as itself with its client secret (SMTP.SendAsApp)
a-person-in-the-browser-714d0c01 = A person, in the browser
someone-signs-in-as-the-e07eb4a6 = Someone signs in as the mailbox once; the sign-in is kept in your keyring
sign-in-with-microsoft-64994ec3 = Sign in with Microsoft…
its-value-not-its-id-06bfd85c = its Value, not its ID
tenant-426f68c5 = Tenant
yourcompany-onmicrosoft-com-or-directory-91ce24c8 = yourcompany.onmicrosoft.com or Directory ID
organizations-any-work-account-c56c7646 = organizations (any work account)
app-registrations-your-app-overview-0348d3e0 = App registrations → your app → Overview → Directory (tenant) ID
client-id-96a12137 = Client ID
application-client-id-f1d13592 = Application (client) ID
app-registrations-your-app-overview-72eda20e = App registrations → your app → Overview → Application (client) ID
used-for-this-test-only-3fbe0f5f = Used for this test only: never saved, never shown in the transcript
finish-signing-in-with-your-f04afc59 = Finish signing in with your browser…
sign-out-8b4f3c70 = Sign out
opens-the-provider-s-sign-6717a1f1 = Opens the provider's sign-in page in your browser; sign in as the mailbox in User name
the-sign-in-did-not-63711b82 = The sign-in did not work: { $error }
the-token-is-renewed-at-78ac8950 = the token is renewed at the next test
the-token-is-valid-for-973c5181 = the token is valid for { $minutes } more minutes
signed-in-as-who-138f6f7e = Signed in as { $who }

## src/gui/preferences.rs

system-8f3184bc = System
language-9a73db9b = Language
follow-system-becc0e51 = Follow system
light-8ad2f8cf = Light
dark-45570065 = Dark
theme-4eaf7c92 = Theme

## src/gui/renderer.rs

the-window-could-not-open-cb7ad439 = the window could not open: this computer's graphics could not draw it ({ $reasons }).
on-a-remote-desktop-or-321b265b = On a remote desktop or a virtual machine, installing its display driver usually helps

## src/gui/result.rs

the-server-s-exact-words-c34e0823 = The server's exact words
support-code-code-a1b3e83c = Support code: { $code }
what-to-do-cf2e345d = What to do
the-fix-changes-bc2b32f8 = The fix changes:
apply-fix-and-test-again-6eea585b = Apply fix and test again
makes-this-change-in-the-38287995 = Makes this change in the form and sends the test again
send-it-unencrypted-this-once-010cab38 = Send it unencrypted this once
anyone-on-the-way-can-1fda01f6 = Anyone on the way can read the password. Only for a server on your own private network.
certificate-details-5e455906 = Certificate details
valid-for-629b6506 = Valid for

## src/gui/snippet_view.rs

paste-this-into-your-web-7c7e7459 = Paste this into your web.config
settings-for-program-60627db5 = Settings for { $program }
the-password-is-left-out-447f0e55 = The password is left out unless you tick Include password: wherever you paste it, it is kept in plain text.
note-warning-5dd61067 = Note: { $warning }
copy-658f3664 = Copy
save-as-03e14184 = Save as…
update-my-web-config-d9b68a3c = Update my web.config…
writes-these-settings-into-your-5f324df6 = Writes these settings into your web.config: shows the changes first and keeps a backup
include-password-7b82b9b8 = Include password

## src/gui/success.rs

only-mail-to-this-server-aecb3830 = Only mail to this server's own addresses works
your-settings-work-8bc6b24c = Your settings work
we-sent-a-test-email-5656f31c = We sent a test email to { $recipient }. Check that it arrived (look in the spam folder too).
connected-to-host-on-port-a1c6e5aa = Connected to { $host } on port { $port }
encrypted-with-version-0a72dfef = Encrypted with { $version }
not-encrypted-anyone-on-the-d3a630f0 = Not encrypted: anyone on the way could read the mail
signed-in-as-user-05784a15 = Signed in as { $user }
sent-without-signing-in-the-33fb939c = Sent without signing in: the server offered no sign-in
sent-without-signing-in-no-a843905d = Sent without signing in (no user name)
accepted-for-delivery-to-recipient-9abb98b5 = Accepted for delivery to { $recipient }
warning-the-server-s-certificate-e72f89a1 = Warning: the server's certificate is not valid ({ $problem }). It worked only because you allowed invalid certificates; your website checks certificates and will fail.
warning-message-f4254d6c = Warning: { $message }
copy-the-block-below-into-dea0f3b9 = Copy the block below into your website's web.config, in place of its <mailSettings> block, or press "Update my web.config…" to have it done for you: you see every change first, and a backup is kept.
copy-the-settings-below-into-e486c11e = Copy the settings below into your site's { $format } configuration.
next-step-ab2acdfa = Next step
message-id-of-the-test-711a564c = Message-ID of the test email
support-can-find-the-message-e18fff96 = Support can find the message in the server's log by this ID

## src/gui/transcript.rs

what-the-server-said-638c3d94 = What the server said
hide-the-server-s-replies-2f842b13 = Hide the server's replies
show-every-line-we-sent-62404205 = Show every line we sent and the server answered
nothing-yet-739865dc = nothing yet
t-1-line-99481766 = 1 line
n-lines-bb656540 = { $n } lines
copy-transcript-d97cf946 = Copy transcript
save-transcript-a1c4eb5a = Save transcript…
export-report-ce65b191 = Export report…
everything-support-needs-settings-withou-94ba8f25 = Everything support needs (settings without the password, the steps, this transcript, the diagnosis) in one file
report-in-english-18ddea6e = Report in English
write-the-exported-report-in-e4a59e7d = Write the exported report in English, for a support desk that reads English
we-sent-2e66b91d = we sent
the-server-answered-039e870e = the server answered
encrypted-3e8df1b3 = encrypted
passwords-are-always-hidden-2bfd5e9e = Passwords are always hidden.

## src/gui/widgets.rs

passed-513cb799 = passed
failed-e0accfb4 = failed
not-started-8652f4af = not started
stopped-6ee2f34e = stopped

## src/gui/window.rs

testing-each-step-appears-above-5613518e = Testing… each step appears above as it happens. Esc stops the test.
no-file-chosen-if-no-67413e16 = No file chosen. If no file window appeared, type the file's path:
open-538b10e9 = Open
check-your-website-s-email-f8812c32 = Check your website's email settings
open-web-config-870dc6bb = Open web.config…
read-the-mail-settings-from-9d389da1 = Read the mail settings from your website's web.config and check them
explain-an-error-message-f540b236 = Explain an error message…
paste-an-error-your-website-7a5917ae = Paste an error your website logged and see what it means
check-a-folder-of-sites-5325d3c7 = Check a folder of sites…
for-hosting-support-check-the-059107c7 = For hosting support: check the mail settings of every site in a folder

## src/gui/worker.rs

could-not-read-the-certificate-e1c222cf = Could not read the certificate authority file { $path }: { $error }
choose-a-certificate-authority-file-3507bf9e = Choose a certificate authority file (PEM or DER .cer)
certificates-b88e4cd9 = Certificates
choose-your-website-s-web-fed75ade = Choose your website's web.config
could-not-save-path-error-2fc229b5 = Could not save { $path }: { $error }

## src/inbox/address.rs

address-is-not-a-mailbox-a8a2d761 = "{ $address }" is not a mailbox address.
address-is-not-an-imap-87f3b3a9 = "{ $address }" is not an IMAP address ({ $scheme }:// is not imap:// or imaps://).
address-names-no-user-6dbe8a93 = "{ $address }" names no user.
the-user-name-in-address-e96b48c9 = the user name in "{ $address }" is not valid text
write-it-as-imaps-you-314853c0 = Write it as imaps://you@example.com@mail.example.com (or imap:// for STARTTLS on port 143), with :PORT at the end if it is not the usual one.
port-is-not-a-port-50e1e439 = "{ $port }" is not a port number in "{ $address }".
host-is-not-a-server-acc5f8a4 = "{ $host }" is not a server name in "{ $address }".

## src/inbox/auth_results.rs

your-domain-d4d84782 = your domain
spf-passed-domain-allows-the-f0dc7d76 = SPF passed: { $domain } allows the server you send through.
spf-failed-domain-s-spf-9e04f3b1 = SPF failed: { $domain }'s SPF record does not list the server you send through. Add it to the record (see "Will it arrive?").
spf-gave-no-answer-domain-a747cf7d = SPF gave no answer: { $domain } has no SPF record that covers this server.
dkim-passed-the-message-carries-353f6e76 = DKIM passed: the message carries a valid signature of { $by }.
dkim-the-message-was-not-0e73bd88 = DKIM: the message was not signed. Ask your mail provider to sign mail for your domain (see "Will it arrive?").
dkim-failed-the-signature-did-9a245af3 = DKIM failed: the signature did not match. The key published in DNS may be wrong or old, or the message was changed on the way.
dmarc-passed-spf-or-dkim-bdd3a284 = DMARC passed: SPF or DKIM vouches for { $domain }, the domain in the From address.
dmarc-failed-neither-spf-nor-83c62bd1 = DMARC failed: neither SPF nor DKIM vouches for { $domain }, the domain in the From address. Strict receivers reject such mail or put it in spam.
dmarc-domain-publishes-no-dmarc-cb1108db = DMARC: { $domain } publishes no DMARC policy.

## src/inbox/connect.rs

the-server-s-address-eb391f39 = the server's address
the-name-could-not-be-715c1245 = the name could not be found: { $err }
the-name-has-no-address-0b96332a = the name has no address
the-connection-0a94c3e4 = the connection
no-answer-1b68d598 = no answer
the-extra-certificate-authority-why-6ee7e4ae = the extra certificate authority: { $why }
the-secure-connection-f2e42ff7 = the secure connection
the-server-s-certificate-is-d5b84a6b = the server's certificate is refused: { $problem }
its-greeting-d101260c = its greeting
it-said-line-26370539 = it said { $line }
the-answer-to-starttls-1c42645c = the answer to STARTTLS

## src/inbox/dkim_verify.rs

we-could-not-read-the-8bff80f5 = We could not read the received message, so we did not check its DKIM signature.
domain-selector-selector-259d61a2 = { $domain } (selector { $selector })
an-unreadable-signer-c03eb599 = an unreadable signer
signature-of-who-valid-and-317faecf = Signature of { $who }: valid, and it is your domain.
signature-of-who-valid-but-6e9cadc2 = Signature of { $who }: valid, but it is not your From domain, so it does not count for DMARC.
signature-of-who-not-valid-4fd1744c = Signature of { $who }: not valid ({ $why }).
the-message-carries-no-dkim-6afdb83b = The message carries no DKIM signature: nothing but SPF vouches that it comes from { $from_domain }. Ask your mail provider to sign mail for your domain.
we-checked-the-dkim-signature-960b59a9 = We checked the DKIM signature ourselves: it is valid and made for { $from_domain }.
we-checked-the-dkim-signature-5e3c1afb = We checked the DKIM signature ourselves: it is valid, but made for another domain than { $from_domain }, so DMARC does not count it. Ask your mail provider to sign with your own domain.
we-checked-the-dkim-signature-c981209c = We checked the DKIM signature ourselves: it does not hold. The key published in DNS may be missing, wrong or old, or the message was changed after signing.

## src/inbox/look.rs

the-sign-in-08ff0207 = the sign-in
the-goodbye-1beab177 = the goodbye
the-folder-list-485d2008 = the folder list
a-search-9f153ff8 = a search
the-message-46d7a413 = the message

## src/inbox/recorder.rs

the-server-sent-more-than-3d108539 = the server sent more than { $mib } MiB

## src/inbox/request.rs

there-is-no-message-to-946f0846 = there is no message to look for: send a test message first
no-password-for-the-mailbox-ab7ec000 = no password for the mailbox { $mailbox }: give it (it is the password you use to read that mail), or save it in the keyring
could-not-reach-the-mailbox-597a7a79 = could not reach the mailbox server { $server } ({ $detail }). Check the server name and the port: reading mail over IMAP usually uses port 993 (imaps://)
the-mailbox-server-server-did-3e98494f = the mailbox server { $server } did not answer in time ({ $what }). Check the port: IMAP is 993 (imaps://) or 143 (imap://)
server-did-not-greet-like-b39a23e0 = { $server } did not greet like a mailbox (IMAP) server; it said "{ $said }". Check the port: IMAP is 993 (imaps://) or 143 (imap://)
server-does-not-offer-encryption-8e8159fd = { $server } does not offer encryption (STARTTLS), and we never send a mailbox password unencrypted. Use imaps:// (port 993) instead
the-secure-connection-to-the-e384af7d = the secure connection to the mailbox server { $server } failed: { $detail }. Check the server name: it must be the name on the server's certificate
the-mailbox-server-refused-the-13077228 = the mailbox server refused the sign-in for { $user } (it said: { $said }). Check the user name and the mailbox password; Gmail, Outlook.com and Yahoo need an app password for IMAP
the-mailbox-server-server-broke-eb86759c = the mailbox server { $server } broke off the conversation ({ $detail }); try again
the-inbox-check-was-stopped-cd7a71c8 = the inbox check was stopped

## src/inbox/summary.rs

folders-searched-folders-1c7d04a2 = Folders searched: { $folders }
the-receiving-server-s-own-20faa33e = The receiving server's own checks ({ $server }):
the-receiving-server-added-no-6d611c08 = The receiving server added no Authentication-Results header.
the-mailbox-imap-exchange-the-f338cc52 = The mailbox (IMAP) exchange; the password shows as `<redacted>`:

## src/inbox/texts.rs

secs-s-4a22e02a = { $secs } s
min-min-secs-s-f096bf18 = { $min } min { $secs } s
arrived-in-the-inbox-after-8bc39958 = Arrived in the inbox after { $after }
arrived-but-in-the-spam-1de42805 = Arrived, but in the spam folder "{ $folder }" (after { $after })
arrived-in-the-folder-folder-35e97e8b = Arrived in the folder "{ $folder }" (after { $after })
not-in-the-mailbox-after-71030de0 = Not in the mailbox after { $waited }
the-test-message-is-in-6dbcd158 = The test message is in the inbox of { $mailbox }: mail from your website reaches this mailbox.
the-test-message-is-in-3dae80e1 = The test message is in the inbox of { $mailbox }, but { $failed } failed at the receiving server, so stricter providers may put your mail in spam or refuse it. Fix what "Will it arrive?" lists.
the-receiving-server-took-the-bc6c3316 = The receiving server took the message but sorted it as spam, so your customers would probably not see it. A test message with little text can look like spam by itself; if the sender checks pass ("Will it arrive?"), try again with a real message.
the-receiving-server-took-the-4fbfd2f0 = The receiving server took the message but sorted it as spam, so your customers would probably not see it. { $failed } failed at the receiving server; fix what "Will it arrive?" lists.
the-message-arrived-but-a-52287da8 = The message arrived, but a rule or the provider's sorting put it outside the inbox of { $mailbox }. Check that mailbox's filters.
the-server-accepted-the-message-f14a3b33 = The server accepted the message, but it is in no folder of { $mailbox } yet. It may still be on its way (some providers hold mail from new senders for minutes), or the receiving server dropped it, which is what happens to mail that fails DMARC. Fix what "Will it arrive?" lists, then look again later.

## src/main.rs

could-not-start-the-async-ae605e37 = could not start the async runtime: { $error }. Start the program again; if it keeps failing, restart the computer.
the-command-line-still-works-88e1eb57 = The command line still works: run `mailtester --help` in a terminal.
mail-settings-tester-stopped-because-7bd107e2 =
    Mail Settings Tester stopped because of an error in the program:
    
    { $info }
    
    Please report it. Your settings and web.config were not changed by this.

## src/oauth/browser.rs

could-not-start-program-err-c926f9f2 = could not start { $program }: { $err }
could-not-open-the-browser-8f2eb5ab = could not open the browser: { $err }

## src/oauth/delegated/loopback.rs

signed-in-96a90eb4 = Signed in
you-are-signed-in-8474ca05 = You are signed in
go-back-to-mail-settings-e45459c9 = Go back to Mail Settings Tester; you can close this tab.
not-signed-in-207a7281 = Not signed in
the-sign-in-did-not-a5001dd2 = The sign-in did not finish
go-back-to-mail-settings-a9487dbc = Go back to Mail Settings Tester to see why.
this-computer-7d16e2ca = this computer
no-local-port-for-the-8c4615f3 = no local port for the answer: { $err }
the-browser-1438c45c = the browser
nobody-finished-signing-in-within-20659f29 = nobody finished signing in within { $minutes } minutes
the-sign-in-service-abe06b84 = the sign-in service

## src/oauth/delegated.rs

it-is-not-a-web-fec0fdd4 = it is not a web address
google-s-device-sign-in-69660ca8 = Google's device sign-in does not cover Gmail; sign in with the browser instead
the-sign-in-was-cancelled-64875541 = the sign-in was cancelled
it-is-not-a-token-0b50914d = it is not a token ({ $err }; it begins: { $start })

## src/oauth/http.rs

could-not-set-up-the-aaf86338 = could not set up the request ({ $err })
the-sign-in-service-sent-89d2de25 = the sign-in service sent the request elsewhere (a redirect); check the sign-in address
the-answer-is-far-too-e9884875 = the answer is far too long
the-request-failed-4ffdf862 = the request failed
the-request-failed-cause-1236b7f3 = the request failed: { $cause }

## src/oauth/obtain.rs

nobody-has-signed-in-to-37587b50 = nobody has signed in to { $provider } for this mailbox yet

## src/oauth/stored.rs

the-keyring-call-stopped-8c77a1a6 = the keyring call stopped

## src/oauth/token.rs

the-sign-in-address-url-8e70f991 = the sign-in address { $url } cannot be used: { $reason }
the-sign-in-service-said-aca24dc5 = the sign-in service said no ({ $status }): { $error }: { $description }
could-not-reach-the-sign-81f7b750 = could not reach the sign-in service at { $url }: { $detail }
the-sign-in-service-s-4e88083d = the sign-in service's answer ({ $status }) is not a token: { $detail }
it-is-not-encrypted-http-70ccccea = it is not encrypted (http); use https (plain http is only for this computer's own test servers)
it-must-start-with-https-5c0a06da = it must start with https://
the-tenant-must-be-a-6ffd19f8 = the tenant must be a Directory (tenant) ID or a domain
it-sends-the-request-elsewhere-b0c05c70 = it sends the request elsewhere (a redirect); check the sign-in address
no-answer-within-secs-s-1f175672 = no answer within { $secs } s
it-is-not-json-it-d2533db5 = it is not JSON (it begins: { $start })
it-holds-no-access-token-87ff2e3b = it holds no access_token

## src/profiles/error.rs

name-cannot-be-a-profile-1c2058f8 = "{ $name }" cannot be a profile name: { $reason }. Use 1 to 64 characters, without / or \.
there-is-no-profile-named-96654469 = There is no profile named "{ $name }".
a-profile-named-name-already-d0bba1c2 = A profile named "{ $name }" already exists; delete it first or choose another name.
the-profiles-file-could-not-ece19bdb = The profiles file could not be read ({ $reason }). It was moved aside so nothing is lost, and the profiles start empty. To get them back, fix the moved file and rename it to { $path }. Moved to: { $moved_to }
the-profiles-file-was-written-0aaf22c6 = The profiles file was written by a newer version of Mail Settings Tester (format { $version }), so it was left unchanged. Update the tester to use these profiles. File: { $path }
could-not-find-a-folder-07b751fa = Could not find a folder for settings on this computer. Set MAILTESTER_CONFIG_DIR to a folder to keep profiles there.
could-not-write-these-settings-3df3fd97 = Could not write these settings into the profiles file: { $arg0 }
could-not-read-the-profiles-c7de2c87 = Could not read the profiles file ({ $source }). File: { $path }
could-not-write-the-profiles-1ce1bb90 = Could not write the profiles file ({ $source }). File: { $path }
could-not-create-the-folder-4efa6b11 = Could not create the folder of the profiles file ({ $source }). File: { $path }
could-not-move-the-damaged-be405c05 = Could not move the damaged profiles file aside ({ $source }). File: { $path }

## src/profiles/file.rs

it-is-not-utf-8-85ed6edc = it is not UTF-8 text
it-is-not-a-regular-be41867a = it is not a regular file (a folder, a named pipe or a device); remove it or set MAILTESTER_CONFIG_DIR to another folder
it-is-size-bytes-more-56c17071 = it is { $size } bytes, more than the { $limit } a profiles file can be; move it away
message-on-line-line-acff43e5 = { $message }, on line { $line }

## src/profiles/name.rs

it-is-empty-08105609 = it is empty
it-is-longer-than-limit-6c17a8c5 = it is longer than { $limit } characters
it-contains-or-e7d2f6a5 = it contains / or \
it-contains-a-control-character-5c5ebcc6 = it contains a control character (such as a tab or a new line)
it-starts-or-ends-with-a95ee32d = it starts or ends with a space
it-is-or-bede7ef9 = it is . or ..

## src/providers/data/google_microsoft.rs

google-admin-console-apps-google-7b12704d = Google Admin console → Apps → Google Workspace → Gmail → Authenticate email
microsoft-defender-portal-email-authenti-242e8ce3 = Microsoft Defender portal → Email authentication settings → DKIM → your domain
your-full-gmail-or-google-de2da620 = your full Gmail or Google Workspace address
gmail-needs-an-app-password-1aed7515 = Gmail needs an app password: turn on 2-Step Verification, then create one at myaccount.google.com/apppasswords (the Security page no longer links to it) and use it as the password. Google stopped taking the normal password from mail programs in May 2022 for personal accounts and in September 2024 for Google Workspace accounts.
gmail-needs-an-app-password-eeb1384d = Gmail needs an app password: turn on 2-Step Verification in your Google Account, then open myaccount.google.com/apppasswords (the Security page no longer links to it), create an app password and paste its 16 letters into `password` without spaces. Use your full Gmail address as `userName`.
gmail-sends-only-from-your-3412ea1e = Gmail sends only from your own address or an address added under Settings → Accounts → "Send mail as": set `from` to one of those.
a-google-workspace-address-or-b5610000 = a Google Workspace address, or nothing if the relay allows your server's IP address
for-google-workspace-only-your-d5440b81 = For Google Workspace only. Your admin switches on the SMTP relay service (Admin console → Apps → Google Workspace → Gmail → Routing) and lets in either your web server's IP address (then leave the user name and password empty) or SMTP Authentication (then use a Workspace address and its app password).
the-google-workspace-smtp-relay-a2c2fb4c = The Google Workspace SMTP relay must be switched on by your Workspace admin (Admin console → Apps → Google Workspace → Gmail → Routing → SMTP relay service). If it requires SMTP Authentication, use a Workspace address as `userName` and an app password made at myaccount.google.com/apppasswords as `password`; if it allows your server's IP address instead, leave both empty.
the-google-workspace-smtp-relay-499576b2 = The Google Workspace SMTP relay sends only from the addresses your admin allowed in its settings (usually those of your Workspace domains): set `from` to one of them.
the-relay-lets-in-only-6d18d14f = The relay lets in only the IP addresses or the sign-in your admin allowed in the SMTP relay service settings, so a test from another computer fails unless it signs in. Also set `clientDomain` to your website's domain name: Google may refuse a bare computer name such as `localhost`.
your-full-microsoft-365-email-7d9ec067 = your full Microsoft 365 email address
your-admin-must-switch-on-373c5280 = Your admin must switch on "Authenticated SMTP" (SMTP AUTH) for the organisation and for this mailbox; it is off by default for organisations created after January 2020, and Microsoft Entra security defaults block it. Microsoft will switch it off by default for existing organisations at the end of December 2026 (admins can still switch it back on) and announce the final removal date in the second half of 2027. ASP.NET cannot do the OAuth sign-in that replaces it: plan for an SMTP relay (connector), High Volume Email, Azure Communication Services or MailKit with OAuth.
microsoft-365-use-the-mailbox-2818490c = Microsoft 365: use the mailbox's full address as `userName`. Sign-in for mail programs ("Authenticated SMTP") must be allowed for this mailbox: your admin turns it on in the Microsoft 365 admin centre under Users → Active users → Mail → Manage email apps. Microsoft Entra security defaults (Microsoft's standard sign-in protections) block it for the whole organisation, whatever that switch says.
microsoft-365-sends-only-as-8f158b7a = Microsoft 365 sends only as the signed-in mailbox unless your admin grants "Send As" permission: set `from` to the address in `userName`.
or-if-password-sign-in-b9a28d6a = Or, if password sign-in stays off, ask your Microsoft 365 admin for one of these ways instead (your website's mail sender, System.Net.Mail, cannot do OAuth, the sign-in Microsoft 365 keeps for mail programs):
an-smtp-relay-your-admin-9f556ed6 = An SMTP relay: your admin creates a connector for the web server's fixed IP address; then set `host` to your domain's MX host (it ends in `mail.protection.outlook.com`), `port` to `25`, and leave `userName` and `password` empty.
high-volume-email-hve-a-c7d229de = High Volume Email (HVE): a Microsoft 365 account made for programs that still signs in with a password (`host` `smtp-hve.office365.com`, `port` `587`), meant for mail to your own organisation's mailboxes.
azure-communication-services-microsoft-s-c039b80d = Azure Communication Services: Microsoft's sending service (`host` `smtp.azurecomm.net`, `port` `587`), which signs in with a user name and an app secret that your website can use.
mailkit-your-developer-moves-the-6e937e4f = MailKit: your developer moves the sending code to MailKit, which can sign in with OAuth.
direct-send-a-host-ending-9a983c0c = Direct send (a `host` ending in `mail.protection.outlook.com`) takes no sign-in: leave `userName` and `password` empty and use `port` `25`. It delivers only to mailboxes of your own organisation; to reach other addresses, sign in at `smtp.office365.com` on port `587`, or ask your admin for a connector (SMTP relay).
direct-send-needs-port-25-5dd62ff9 = Direct send needs port `25` open from the web server to Microsoft 365, and many hosting companies block it. If it is blocked, sign in at `smtp.office365.com` on port `587` instead.
your-full-outlook-com-or-1cbd12a8 = your full Outlook.com or Hotmail address
since-16-september-2024-personal-6a3f18b4 = Since 16 September 2024 personal Outlook.com and Hotmail accounts no longer accept a password for sending, only Microsoft's OAuth sign-in, which a web.config website cannot do. Send your site's mail through another provider instead.
outlook-com-and-hotmail-stopped-6940ffd7 = Outlook.com and Hotmail stopped accepting passwords from programs in September 2024: they want a modern sign-in (OAuth) that ASP.NET cannot do. Send your website's mail through another service, or ask your developer to switch to MailKit.
outlook-com-sends-only-from-eff7815a = Outlook.com sends only from the signed-in address: set `from` to `userName`.
send-your-website-s-mail-0dffe9c3 = Send your website's mail through a service that still takes a password, such as your hosting company's mail server or a sending service (SendGrid, Mailgun, Brevo and others are in the provider list), and change `host`, `userName` and `password` to its values.

## src/providers/data/hosting.rs

your-full-email-address-f7f06033 = your full email address
use-your-full-email-address-061b9f4b = Use your full email address and its mailbox password. GoDaddy lists port 465, which ASP.NET cannot use, so this uses 587; if your GoDaddy email is a Microsoft 365 plan, choose Microsoft 365 instead.
godaddy-email-use-your-full-f5fec946 = GoDaddy email: use your full email address as `userName` and the mailbox's password, with `host` set to `smtpout.secureserver.net`. If your GoDaddy email is a Microsoft 365 plan, use the Microsoft 365 settings (`smtp.office365.com`) instead.
none-leave-the-user-name-d1d66dc0 = none: leave the user name and password empty
for-websites-on-godaddy-s-aedab5ae = For websites on GoDaddy's Windows (Plesk) hosting: the relay takes mail only from GoDaddy's own hosting servers, on port 25, without sign-in or SSL. A test from any other computer, this one included, fails even when these settings are right; from elsewhere, use your mailbox's server smtpout.secureserver.net (GoDaddy Workspace email) instead.
godaddy-s-hosting-relay-relay-bf34dea5 = GoDaddy's hosting relay (`relay-hosting.secureserver.net`) takes no sign-in: leave `userName` and `password` empty, with `port` set to `25` and `enableSsl` set to `false`.
godaddy-s-hosting-relay-takes-3c847b9e = GoDaddy's hosting relay takes mail only from websites on GoDaddy's own Windows (Plesk) hosting: a test from any other computer, this one included, is refused or gets no answer even when the settings are right. To send from elsewhere, use your GoDaddy mailbox's server, `smtpout.secureserver.net`, on port `587` with its password.
use-your-full-email-address-9cc07a72 = Use your full email address and its mailbox password. This is the US server; use smtp.ionos.de or smtp.ionos.co.uk if your contract is in Germany or the UK.
ionos-use-the-full-email-b3c824d1 = IONOS: use the full email address as `userName` and the mailbox's password, with the server of your contract's country as `host` (`smtp.ionos.com`, `smtp.ionos.de` or `smtp.ionos.co.uk`).
always-use-ssl0-ovh-net-fc352534 = Always use ssl0.ovh.net, not mail.yourdomain or another alias: the server's certificate is only valid for ssl0.ovh.net.
ovhcloud-use-the-full-email-1d5e0353 = OVHcloud: use the full email address as `userName` and the mailbox password, with `host` set to `ssl0.ovh.net` (the name its certificate is valid for).

## src/providers/data/mailboxes.rs

your-full-yahoo-address-d7cae787 = your full Yahoo address
yahoo-needs-an-app-password-5227ae49 = Yahoo needs an app password: create one in your Yahoo account security settings and use it as the password. Yahoo lists port 465, which ASP.NET cannot use, so this uses 587.
yahoo-needs-an-app-password-a9531010 = Yahoo needs an app password: in your Yahoo account open Account security → Generate app password, and use it as `password` with your full Yahoo address as `userName`.
yahoo-sends-only-from-the-63878b23 = Yahoo sends only from the signed-in address: set `from` to your Yahoo address.
your-full-aol-address-fa50843b = your full AOL address
aol-needs-an-app-password-41c701d9 = AOL needs an app password: create one in your AOL account security settings (Generate app password) and use it as the password. AOL lists port 465, which ASP.NET cannot use, so this uses 587.
aol-needs-an-app-password-a20054d0 = AOL needs an app password: in your AOL account open Account security → Generate app password, and use it as `password` with your full AOL address as `userName`.
aol-sends-only-from-the-a21f14e3 = AOL sends only from the signed-in address: set `from` to your AOL address.
your-full-icloud-address-f5d710c5 = your full iCloud address
icloud-needs-an-app-specific-62349497 = iCloud needs an app-specific password: turn on two-factor authentication for your Apple Account, create one at account.apple.com and use it as the password.
icloud-mail-needs-an-app-d109cc08 = iCloud Mail needs an app-specific password: create one at account.apple.com under Sign-In and Security → App-Specific Passwords, and use your full iCloud address as `userName`.
icloud-settings-custom-email-domain-e4eba0f0 = iCloud settings → Custom Email Domain → your domain → View DNS records
for-zoho-accounts-in-the-112ccc5c = For Zoho accounts in the US data centre (you sign in at zoho.com). Mail on your own domain (an organisation account) uses smtppro.zoho.com instead. With two-factor sign-in, use an application-specific password; port 465 will not work from ASP.NET.
for-zoho-accounts-in-the-2a39fa43 = For Zoho accounts in the European data centre (you sign in at zoho.eu). Mail on your own domain (an organisation account) uses smtppro.zoho.eu instead. With two-factor sign-in, use an application-specific password.
for-zoho-accounts-in-the-5b4baa13 = For Zoho accounts in the Indian data centre (you sign in at zoho.in). Mail on your own domain (an organisation account) uses smtppro.zoho.in instead. With two-factor sign-in, use an application-specific password.
for-zoho-accounts-in-the-824ee72a = For Zoho accounts in the Australian data centre (you sign in at zoho.com.au). Mail on your own domain (an organisation account) uses smtppro.zoho.com.au instead. With two-factor sign-in, use an application-specific password.
for-zoho-accounts-in-the-bc25a75d = For Zoho accounts in the Japanese data centre (you sign in at zoho.jp). Mail on your own domain (an organisation account) uses smtppro.zoho.jp instead. With two-factor sign-in, use an application-specific password.
for-zoho-accounts-in-the-8b99c973 = For Zoho accounts in the Canadian data centre (you sign in at zohocloud.ca). Mail on your own domain (an organisation account) uses smtppro.zohocloud.ca instead. With two-factor sign-in, use an application-specific password.
zoho-mail-use-your-full-9d10f739 = Zoho Mail: use your full Zoho address as `userName`. If two-factor sign-in is on, create an application-specific password in Zoho Accounts → Security and use it as `password`. Use the server of your data centre (for example `smtp.zoho.eu` in Europe); organisation accounts on their own domain use `smtppro.` in place of `smtp.` (for example `smtppro.zoho.eu`).
zoho-mail-admin-console-domains-3edb7d85 = Zoho Mail Admin Console → Domains → your domain → Email Configuration → DKIM
your-full-zoho-address-2831abcb = your full Zoho address
your-full-fastmail-address-87bad718 = your full Fastmail address
fastmail-needs-an-app-password-c4fb265b = Fastmail needs an app password, created in your Fastmail settings. Fastmail prefers port 465, which ASP.NET cannot use; 587 is supported and is the one to use here.
fastmail-needs-an-app-password-38a5d0c4 = Fastmail needs an app password: create one under Settings → Privacy & Security → App passwords and use it as `password`.
fastmail-settings-domains-your-domain-30304e86 = Fastmail Settings → Domains → your domain → DNS records

## src/providers/data/services.rs

the-smtp-user-name-created-c3972fa4 = the SMTP user name created in your Communication Services resource
create-an-smtp-user-name-4f29e25b = Create an SMTP user name in your Communication Services resource (Settings → SMTP Usernames), linked to a Microsoft Entra app that may send; the password is that app's client secret, which expires, so renew it in time. Send from a MailFrom address of an email domain connected to the resource.
azure-communication-services-username-is-d8adb190 = Azure Communication Services: `userName` is an SMTP user name created in your Communication Services resource (Settings → SMTP Usernames) and linked to a Microsoft Entra app that may send; `password` is that app's client secret. Client secrets expire: if it worked before, create a new secret and use it.
azure-communication-services-sends-only-b76de958 = Azure Communication Services sends only from the MailFrom addresses of an email domain connected to your Communication Services resource: set `from` to one of them.
azure-portal-your-email-communication-068063dd = Azure portal → your Email Communication Service → Provision domains → your domain → Configure
your-ses-smtp-user-name-db55496a = your SES SMTP user name (not an IAM access key)
replace-us-east-1-with-ed2f9ac7 = Replace us-east-1 with the region of your SES account, and use the SMTP credentials created in SES for that region, not IAM access keys. New accounts are in the sandbox and can only send to verified addresses. If port 587 is blocked where your website runs, use port 2587.
amazon-ses-needs-ses-smtp-0d3a593c = Amazon SES needs SES SMTP credentials, created in the SES console under SMTP settings for the region in `host`. IAM access keys, and SMTP credentials from another region, do not work.
amazon-ses-sends-only-from-619c09dc = Amazon SES sends only from verified identities: verify the `from` address or its domain in the SES console. While the account is in the sandbox (the trial mode of new accounts), recipients must be verified too.
apikey-literally-183cf215 = apikey (literally)
the-user-name-is-the-01bbc5c2 = The user name is the word apikey, exactly; the password is your SendGrid API key. The From address must be a verified sender in SendGrid. If port 587 is blocked where your website runs, use port 2525.
sendgrid-username-must-be-literally-7669598f = SendGrid: `userName` must be literally `apikey` (not your login or email address), and `password` is an API key with "Mail Send" permission, pasted without spaces.
sendgrid-sends-only-from-a-2e1be5ef = SendGrid sends only from a verified Sender Identity: verify the `from` address or its domain under Settings → Sender Authentication.
sendgrid-settings-sender-authentication-d404dcdb = SendGrid → Settings → Sender Authentication → Authenticate Your Domain
your-domain-s-smtp-login-3df270ef = your domain's SMTP login, e.g. postmaster@mg.yourdomain.com
use-the-smtp-credentials-of-abbc08bf = Use the SMTP credentials of your sending domain in Mailgun, not your Mailgun account password. If port 587 is blocked where your website runs, use port 2525.
for-mailgun-accounts-in-the-ac9d0345 = For Mailgun accounts in the EU region. Use the SMTP credentials of your sending domain in Mailgun, not your Mailgun account password. If port 587 is blocked where your website runs, use port 2525.
mailgun-needs-the-smtp-credentials-0df7462f = Mailgun needs the SMTP credentials of your sending domain (for example `postmaster@mg.example.com`, under Sending → Domain settings → SMTP credentials), not your Mailgun account password.
mailgun-sends-from-addresses-of-73f8735a = Mailgun sends from addresses of your verified sending domain: use one as `from`.
mailgun-sending-domains-your-domain-d2cc33b7 = Mailgun → Sending → Domains → your domain → DNS records
your-server-api-token-1a2b5328 = your Server API Token
use-your-postmark-server-api-7df39770 = Use your Postmark Server API Token as both the user name and the password. If port 587 is blocked where your website runs, use port 2525.
postmark-use-your-server-api-a8ba1613 = Postmark: use your Server API Token as both `userName` and `password`.
postmark-sends-only-from-a-17710e90 = Postmark sends only from a confirmed Sender Signature or verified domain: use one as `from`.
your-brevo-smtp-login-04933033 = your Brevo SMTP login
use-the-smtp-login-and-8b4085f4 = Use the SMTP login and an SMTP key from Brevo's SMTP settings as the password; a Brevo API key will not work. If port 587 is blocked where your website runs, use port 2525.
brevo-username-is-the-smtp-82151876 = Brevo: `userName` is the SMTP login shown under SMTP & API, and `password` is an SMTP key from the same page (not an API key or your account password).
brevo-sends-only-from-a-ae02936a = Brevo sends only from a verified sender or domain: use one as `from`.
brevo-senders-domains-dedicated-ips-cb7d426d = Brevo → Senders, Domains & Dedicated IPs → Domains → Authenticate
your-mailjet-api-key-b626b4b3 = your Mailjet API key
the-user-name-is-your-3794f252 = The user name is your Mailjet API key and the password its secret key, not your Mailjet login. Send from a sender address or domain validated in Mailjet. If port 587 is blocked where your website runs, use port 2525.
mailjet-username-is-your-mailjet-8fe11462 = Mailjet: `userName` is your Mailjet API key and `password` its secret key (under Account settings → API keys), not your Mailjet login.
mailjet-sends-only-from-a-c082e9b4 = Mailjet sends only from a validated sender address or domain: validate the `from` address in Mailjet, or use one that is.
mailjet-account-settings-domains-spf-8cc2cce1 = Mailjet → Account settings → Domains → SPF/DKIM authentication
an-smtp-user-name-from-e7bd2eb0 = an SMTP user name from Sending → SMTP Users
use-an-smtp-user-created-2b1d0bc6 = Use an SMTP user created in SMTP2GO (Sending → SMTP Users) and its password, not your SMTP2GO login, and send from a verified sender. If port 587 is blocked where your website runs, use port 2525 (or 8025).
smtp2go-use-an-smtp-user-e1a0c31b = SMTP2GO: use an SMTP user from your SMTP2GO account (Sending → SMTP Users) as `userName` and its password as `password`, not your SMTP2GO login.
smtp2go-sends-only-from-verified-72be2dcc = SMTP2GO sends only from verified senders (Sending → Verified Senders): use one as `from`.

## src/providers/mod.rs

provider-also-takes-mail-on-0f1b4ef0 = { $provider } also takes mail on port `{ $port }`, which hosting companies and internet providers rarely block: change `port` to `{ $port }` and keep `enableSsl` set to `true`.

## src/providers/preset.rs

use-the-outgoing-smtp-server-2aa81402 = Use the outgoing (SMTP) server your host or mail provider gives you, with port 587 and SSL on. Port 465 will not work from ASP.NET.

## src/reply.rs

the-server-sent-something-that-6657f988 = the server sent something that is not an SMTP reply: { $line }
the-server-s-reply-changed-e8449784 = the server's reply changed its code half-way ({ $first } then { $then })

## src/report/evidence.rs

tls-version-version-1ac0d9ba = TLS version: { $version }
cipher-cipher-1a1584a9 = cipher: { $cipher }
not-encrypted-no-tls-was-4d14e875 = not encrypted (no TLS was set up)
warning-the-password-was-sent-58911bd4 = WARNING: the password was sent over the unencrypted connection (allowed for this test)
certificate-subject-subject-2b3e305c = certificate subject: { $subject }
certificate-names-names-85ad8f14 = certificate names: { $names }
issued-by-issuer-db64a95a = issued by: { $issuer }
valid-from-start-until-end-41664af8 = valid from { $start } until { $end }
expired-answer-7c3dd7c2 = expired: { $answer }
self-signed-answer-32e94d4a = self-signed: { $answer }
sha-256-fingerprint-fingerprint-59cf6063 = SHA-256 fingerprint: { $fingerprint }
certificate-problem-accepted-for-this-cf52b724 = certificate problem accepted for this test only: { $problem }
no-62366ffa = no
none-received-a7fce227 = (none received)
greeting-banner-2adc54e6 = greeting: { $banner }
ehlo-extensions-extensions-8ae23a31 = EHLO extensions: { $extensions }
sign-in-methods-offered-methods-958cc42d = sign-in methods offered: { $methods }
message-id-of-the-test-1aaceb9a = Message-ID of the test message: { $id }
transcript-0583096b = Transcript
we-sent-the-server-answered-ea6e205d = `->` we sent, `<-` the server answered, `~>`/`<~` the same once encrypted, `**` notes from the tester. Passwords show as `<redacted>`.

## src/report.rs

mail-settings-tester-support-report-9e850e75 = Mail Settings Tester support report
made-by-mail-settings-tester-5d84e266 = Made by Mail Settings Tester { $version } on { $now } (UTC).
result-the-server-accepted-the-cb20d937 = Result: the server accepted the test message for { $recipient } (after { $time }).
result-the-server-accepted-the-1ce20c7e = Result: the server accepted the test message for { $recipient }, but: { $summary } (after { $time }).
result-failed-summary-after-time-de3e18b7 = Result: FAILED: { $summary } (after { $time }).
result-failed-after-time-e2d9ecdd = Result: FAILED (after { $time }).
stopped-because-error-a65fdf46 = Stopped because: { $error }.
empty-c2b0def7 = (empty)
none-no-sign-in-4e7eb656 = (none: no sign-in)
this-computer-s-name-94e552fc = (this computer's name)
set-not-included-b8037f8f = set (not included)
not-set-ffa35e26 = not set
another-mail-program-the-best-1cb12260 = another mail program (the best the server offers)
test-recipient-9b7a3c52 = test recipient
connection-security-used-a0615d9e = connection security used
tested-as-6d856e84 = tested as
time-limits-3bbef354 = time limits
connect-connect-s-greeting-greeting-0dacfa15 = connect { $connect } s, greeting { $greeting } s, each command { $command } s
certificate-check-4f7d1e48 = certificate check
off-invalid-certificates-were-accepted-60edc329 = off: invalid certificates were accepted (the website will not accept them)
on-61342fd0 = on
settings-4b058728 = Settings
extra-trusted-certificate-authorities-pa-209717b3 = extra trusted certificate authorities: { $path }
ok-663437af = ok
failed-d7e8fab4 = FAILED
checklist-08a568ef = Checklist
each-step-c2d8e180 = Each step:
total-time-f96defd0 = Total: { $time }
diagnosis-547c3c9e = Diagnosis
no-problem-the-test-message-896ed3a9 = No problem: the test message was accepted.
suggested-change-e6662e4a = Suggested change:

## src/session/connect.rs

no-answer-from-dns-within-75b392c5 = no answer from DNS within { $secs } s
no-address-to-connect-to-d0980056 = no address to connect to

## src/session/dialogue.rs

the-server-sent-more-data-5a7b3835 = the server sent more data before the TLS handshake (a known attack on STARTTLS)
starttls-on-a-connection-that-57fec029 = STARTTLS on a connection that is already encrypted
this-tester-plain-or-login-6e2aba1f = this tester (PLAIN or LOGIN)

## src/session/error.rs

it-is-issued-for-names-7de28bc0 = it is issued for { $names }
no-authority-this-computer-trusts-c48ee76c = no authority this computer trusts vouches for it
it-has-expired-fa8972c9 = it has expired
it-is-not-valid-yet-fb6edb7d = it is not valid yet (or this computer's clock is wrong)
the-server-name-host-could-a0934279 = the server name { $host } could not be found ({ $detail })
the-connection-to-address-was-8ba9ec2a = the connection to { $address } was refused
no-answer-from-address-within-d9ebdf5c = no answer from { $address } within { $secs } s
could-not-connect-to-address-6fadcd41 = could not connect to { $address }: { $detail }
connected-but-the-server-sent-3a9c719b = connected, but the server sent no greeting within { $secs } s
the-server-does-not-speak-565fe8c3 = the server does not speak SMTP: it sent "{ $received }"
the-server-refused-step-name-6e46a071 = the server refused { $step_name }: { $reply_text }
the-server-does-not-offer-a01d5bcc = the server does not offer STARTTLS
the-tls-handshake-failed-detail-c2ab11a8 = the TLS handshake failed: { $detail }
the-server-offers-only-outdated-4185f3ec = the server offers only outdated encryption (TLS 1.0 or 1.1): { $detail }
the-server-offers-no-sign-d563271c = the server offers no sign-in (AUTH) on this connection
the-server-offers-only-sign-2930a676 = the server offers only sign-in methods { $target_name } cannot use: { $methods }
stopped-before-sending-the-password-bc00d9ef = stopped before sending the password over an unencrypted connection
the-server-asked-for-more-f9503699 = the server asked for more after the password: { $reply_text }
the-server-refused-the-oauth-b0c17084 = the server refused the OAuth token ({ $mechanism_name }): { $reply_text }
the-server-offers-no-oauth-226d3d86 = the server offers no OAuth sign-in here (it offers: { $methods })
stopped-before-sending-the-oauth-6d6be392 = stopped before sending the OAuth token over an unencrypted connection
the-server-closed-the-connection-9fea2761 = the server closed the connection during { $step_name }
no-reply-to-step-name-b95e1dc7 = no reply to { $step_name } within { $secs } s
cancelled-during-step-name-f3828dd3 = cancelled during { $step_name }
the-certificate-file-path-could-de00273b = the certificate file { $path } could not be used: { $detail }
role-words-address-cannot-be-cc200543 = { $role_words } { $address } cannot be sent: { $reason }
the-server-broke-the-smtp-275bfdfe = the server broke the SMTP rules during { $step_name }: { $detail }

## src/session/mod.rs

a-reply-went-on-for-a3229ee0 = a reply went on for more than { $lines } lines
a-reply-line-was-far-289873fe = a reply line was far too long

## src/session/report.rs

enablessl-is-off-2a22ebcd = enableSsl is off
encryption-is-off-21238599 = encryption is off
no-user-name-289a6df8 = no user name
not-offered-before-encryption-c28ccb4d = not offered before encryption
server-offers-no-sign-in-676667ab = server offers no sign-in
no-usable-method-sent-without-972e3aeb = no usable method; sent without it
sign-in-refused-sent-without-efec03b6 = sign-in refused; sent without it

## src/session/tls.rs

tls-set-up-failed-error-26855cd2 = TLS set-up failed ({ $error })
no-usable-certificate-authority-error-61ef141b = no usable certificate authority ({ $error })
a-certificate-in-it-is-c93dd3fb = a certificate in it is not usable ({ $error })
it-is-not-a-valid-a66d7d8b = it is not a valid PEM file ({ $error })
it-holds-no-certificate-a-4f817e2a = it holds no certificate: a PEM file (-----BEGIN CERTIFICATE-----) or a DER .cer file was expected
host-is-not-a-valid-8d44e3b8 = { $host } is not a valid TLS name ({ $error })

## src/settings/address.rs

the-sender-address-from-a6cf0f74 = the sender address (from)
the-test-recipient-c65aed6f = the test recipient
only-smtputf8-could-carry-it-b02a2e58 = only SMTPUTF8 could carry it, and this server does not offer SMTPUTF8
only-smtputf8-could-carry-it-649eaab3 = only SMTPUTF8 could carry it, and ASP.NET does not use SMTPUTF8 by default
it-cannot-be-written-into-48e65563 = it cannot be written into the test message
international-domain-the-test-sends-a7641d49 = International domain: the test sends { $address } as { $ascii }, the form every mail server reads.
address-has-letters-outside-plain-6471a7d7 = { $address } has letters outside plain English before the @. ASP.NET's mail sender refuses such an address unless deliveryFormat="International" is set (ASP.NET 4.5 or later) and the mail server offers SMTPUTF8 (international addresses). The test shows what your website meets.
address-has-letters-outside-plain-5f9c2f60 = { $address } has letters outside plain English before the @: only a mail server that offers SMTPUTF8 (international addresses) can take it. The test checks whether this one does.

## src/settings/ehlo_name.rs

typed-is-not-a-valid-ac381f52 = "{ $typed }" is not a valid computer name for clientDomain. Leave it empty to use this computer's name.
asp-net-introduces-itself-to-bad9a806 = ASP.NET introduces itself to the server with clientDomain exactly as it is ("{ $typed }"), and servers such as Exim refuse a bare IP address in EHLO (the hello in which your website gives its name); use your website's domain name, for example www.example.com, or leave clientDomain empty.
the-test-introduces-itself-as-38df7222 = The test introduces itself as { $literal }, the form mail servers expect for an IP address.
many-mail-servers-exim-among-1f6f2699 = Many mail servers (Exim among them) answer 501 and refuse "{ $typed }" as this computer's name: a name may hold only letters, digits, hyphens and dots, not { $characters }. Use your website's domain name, for example www.example.com, or leave clientDomain empty to use this computer's name.

## src/settings/validate.rs

host-is-not-a-valid-702a75f3 = "{ $host }" is not a valid server name. Check it for typing mistakes.
enter-the-mail-server-s-216e5a0c = Enter the mail server's name (host), for example smtp.example.com.
enter-only-the-server-s-c06d5777 = Enter only the server's name: remove "{ $scheme }://" (web.config's host never has it).
the-server-name-cannot-contain-a669d667 = The server name cannot contain spaces. Copy it again from your provider's instructions.
this-looks-like-an-email-923d668e = This looks like an email address. The host is the mail server's name, for example smtp.example.com.
the-server-name-cannot-contain-3b89a0a4 = The server name cannot contain "/". Enter only the name, for example smtp.example.com.
put-the-port-in-the-4cc5c678 = Put the port in the Port field: host "{ $name }", port { $port }.
international-name-the-test-connects-a9390765 = International name: the test connects to its ASCII form { $ascii }.
port-port-does-not-exist-b3dfc373 = Port { $port } does not exist: ports go from 1 to 65535. Mail servers usually use 587.
defaultcredentials-is-true-so-web-2cc7e682 = defaultCredentials is true, so web.config ignores userName and password and signs in as the Windows account. Set defaultCredentials to false to use the user name.
defaultcredentials-true-signs-in-as-bdc7611b = defaultCredentials="true" signs in as the website's Windows account, which this test cannot do: it sends without signing in.
a-user-name-is-set-73cdd5ba = A user name is set but the password is empty. Enter the mailbox password.
a-password-is-set-but-71fbceb3 = A password is set but userName is empty, so the password is never used. Enter the user name (usually the full email address).
oauth-signs-in-as-a-2df4a59e = OAuth signs in as a mailbox: enter its full address as the user name.
oauth-sign-in-needs-an-b27182ff = OAuth sign-in needs an access token, and there is none. Sign in with the provider first, or paste a token.
asp-net-s-mail-sender-df5acecb = ASP.NET's mail sender (web.config) cannot sign in with OAuth. This test checks the mailbox and the token as a program that can (such as MailKit) would use them.
address-is-not-a-valid-f804de19 = "{ $address }" is not a valid email address for the sender (from). It should look like name@example.com.
address-is-not-a-valid-5cf84c0a = "{ $address }" is not a valid email address for the test recipient. It should look like name@example.com.
enter-the-sender-address-from-92b57a8d = Enter the sender address (from), usually the mailbox you sign in with. If your web.config has no from, your site's code sets the sender: enter that address.
asp-net-system-net-mail-ee4b87b2 = ASP.NET (System.Net.Mail) cannot use SSL on connect. Use port 587 with enableSsl="true", or choose the generic target to test other programs.
asp-net-cannot-use-port-85b5d0bc = ASP.NET cannot use port 465: it waits for a greeting that never comes. The test will behave the same way. Use port 587 with enableSsl="true".
starttls-was-chosen-which-means-be6ff6d5 = STARTTLS was chosen, which means enableSsl="true" in web.config.
certificate-checks-are-off-the-cee3d463 = Certificate checks are off: the connection is not protected against impostors. Your website will still check the certificate and may fail.
deliverymethod-is-not-network-so-15953ca7 = deliveryMethod is not "Network", so the website writes mail to a folder instead of sending it. Set deliveryMethod="Network" to send through this server.
a-timeout-of-0-seconds-d34a129a = A timeout of 0 seconds would fail every time. Use at least 1 second (10 is usual).
timeouts-above-600-seconds-are-94fe3d7e = Timeouts above 600 seconds are not useful for a test. Use 10 to 60 seconds.

## src/settings.rs

no-encryption-7b0eebe3 = no encryption
asp-net-core-net-5-d85df409 = ASP.NET Core / .NET 5 or later

## src/snippet/django.rs

set-only-one-of-email-74ec3c21 = Set only one of EMAIL_USE_TLS (STARTTLS, port 587) and EMAIL_USE_SSL (SSL on connect, port 465) to True: with both, Django starts but fails at the first send ("EMAIL_USE_TLS/EMAIL_USE_SSL are mutually exclusive").

## src/snippet/format.rs

php-code-bda6edbc = PHP code
put-it-inside-configuration-if-e1efa961 = Put it inside <configuration>. If a <system.net> block is already there, replace only the <mailSettings> block inside it and keep the rest (such as <defaultProxy>).
put-this-where-your-php-d17fc47f = Put this where your PHP code creates the PHPMailer object (PHPMailer 6.1 or newer: the ENCRYPTION_ constants arrived in 6.1), before $mail->send().
put-this-in-wp-config-b7c7c865 = Put this in wp-config.php above the line /* That's all, stop editing! */ (it needs the WP Mail SMTP plugin).
put-this-in-the-env-50652e7d = Put this in the .env file at the root of your Laravel site, replacing the MAIL_ lines already there, then run php artisan config:clear.
put-this-in-your-project-96ff8c78 = Put this in your project's settings.py, replacing any EMAIL_ settings already there.
put-this-where-your-node-9137efc0 = Put this where your Node.js code creates the Nodemailer transport, then send with transporter.sendMail({"{"} to, subject, text {"}"}).
put-this-line-in-env-903522da = Put this line in .env.local (or set MAILER_DSN as an environment variable), replacing any MAILER_DSN already there.
put-the-smtp-section-into-f2c2e121 = Put the "Smtp" section into appsettings.json, next to the sections already there.

## src/snippet/laravel.rs

laravel-11-and-12-no-a3768a2e = Laravel 11 and 12 no longer read MAIL_ENCRYPTION: they use MAIL_SCHEME. Both lines are here so the block works on every version; keep them in step if you edit one.
laravel-10-and-older-use-0b26f05b = Laravel 10 and older use SSL on connect only on port 465; on port { $port } only Laravel 11+ (MAIL_SCHEME=smtps) can.
laravel-s-env-turns-the-d5129581 = Laravel's env() turns the value of { $key } into something else (true, false, null, empty or a value wrapped in quotes loses them): put it straight into config/mail.php instead.

## src/snippet/mailkit.rs

connect-with-mailkit-like-this-a0f2b3b0 = Connect with MailKit like this: client.Connect(smtp.Host, smtp.Port, SecureSocketOptions.{ $options }); client.Authenticate(smtp.UserName, smtp.Password);
connect-with-mailkit-like-this-a3cc5a4d = Connect with MailKit like this: client.Connect(smtp.Host, smtp.Port, SecureSocketOptions.{ $options });
do-not-write-client-connect-63e694a6 = Do not write client.Connect(host, 587, useSsl: true): in MailKit useSsl: true means SSL on connect, which fails on port 587. web.config's enableSsl="true" is SecureSocketOptions.StartTls.
asp-net-core-does-not-b7e6cf14 = ASP.NET Core does not read web.config's <mailSettings>: the site's code must read this section.

## src/snippet/nodemailer.rs

secure-true-is-only-for-51c29ab8 = secure: true is only for SSL on connect (port 465); with STARTTLS it must stay false, or the connection fails with "wrong version number".
with-secure-false-nodemailer-still-512f72f5 = With secure: false Nodemailer still switches to STARTTLS when the server offers it; add ignoreTLS: true only if that fails and you accept an unencrypted connection.

## src/snippet/oauth/django.rs

put-this-in-your-project-1413375b = Put this in your project's settings.py, replacing the EMAIL_ settings already there.
the-app-needs-microsoft-graph-5db04e0a = The app needs Microsoft Graph's application permission Mail.Send with admin consent (not SMTP.SendAsApp: this backend does not use SMTP). Mail.Send lets the app send as any mailbox of your organisation unless your admin limits it to this one.
django-o365mail-signs-in-as-58cbac5f = django-o365mail signs in as the app itself (app-only), not as a person: no refresh token is needed.
without-a-package-azure-communication-7d86afb5 = Without a package: Azure Communication Services SMTP (smtp.azurecomm.net, port 587, STARTTLS) takes a user name and password, so Django's own SMTP backend works with it (EMAIL_HOST_USER = the ACS SMTP Username, EMAIL_HOST_PASSWORD = the Entra app's client secret); a relay service works the same way.
enable-the-gmail-api-in-4ecc65d4 = Enable the Gmail API in the Google Cloud project, and make the refresh token once with the package's script (gmail_oauth2 --generate_oauth2_token), signing in as the mailbox.
without-a-package-google-still-88def8b2 = Without a package: Google still accepts an app password (with 2-Step Verification on), which Django's own SMTP backend can use.

## src/snippet/oauth/laravel.rs

four-parts-each-in-its-a587b09b = Four parts, each in its own file: the lines for .env, the mailer for config/mail.php (inside 'mailers' => [...]), the code for the boot() method of app/Providers/AppServiceProvider.php, and the class app/Mail/FreshTokenXOAuth2Authenticator.php. Then run php artisan config:clear.
laravel-through-symfony-mailer-cannot-d46f9f68 = Laravel (through Symfony Mailer) cannot fetch an OAuth token itself, and a token lasts only about an hour: this custom transport fetches a fresh one for every connection. It needs Laravel 9 or newer with symfony/mailer 6.3 or newer (Laravel 11 and later have it; on Laravel 10 run composer update symfony/mailer).

## src/snippet/oauth/mailkit.rs

put-the-smtp-section-the-c60f3059 = Put the "Smtp" section (the JSON part) into appsettings.json, replacing an "Smtp" section already there; add the C# class to your project and register it: builder.Services.AddSingleton<OAuthMailSender>();
this-uses-app-only-sign-823f2f67 = This uses app-only sign-in (the site signs in as itself), which is what a website needs: delegated sign-in would need a person at a browser and a token cache.
keep-the-client-secret-out-d02d7bb5 = Keep the client secret out of appsettings.json in a shared repository: dotnet user-secrets, an environment variable (Smtp__ClientSecret) or a key vault override it.
do-not-connect-with-usessl-3f8b4515 = Do not connect with useSsl: true on port 587: in MailKit that means SSL on connect. STARTTLS is SecureSocketOptions.StartTls, as in the section.
appsettings-json-and-c-mailkit-ca0b1f7c = appsettings.json and C# (MailKit)

## src/snippet/oauth/nodemailer.rs

put-this-in-your-node-c0ffada9 = Put this in your Node.js code and send with await sendMail({"{"} to, subject, text {"}"}). Install once: npm install nodemailer @azure/msal-node
put-this-where-your-node-185c1777 = Put this where your Node.js code creates the Nodemailer transport, then send with transporter.sendMail({"{"} to, subject, text {"}"}). Nodemailer renews the token itself.
node-js-code-nodemailer-7e94db6a = Node.js code (Nodemailer)

## src/snippet/oauth/notes.rs

oauth-means-signing-in-through-7580ed84 = OAuth means signing in through { $who } instead of with the mailbox password: the site asks { $who } for a short-lived token with the app's ID and secret (no person signs in), and signs in with that token.
oauth-means-signing-in-through-828dd6c6 = OAuth means signing in through { $who }'s own page instead of with a password: the mailbox's owner signs in once, the site keeps a refresh token and uses it to get short-lived tokens.
replace-placeholder-with-the-app-d5a0af53 = Replace { $placeholder } with the app's client secret. It is left out so that the snippet can be shared safely; keep it out of files you share or commit (an environment variable or a secret store is better).
replace-placeholder-with-the-refresh-50c0846a = Replace { $placeholder } with the refresh token you get when the mailbox's owner signs in to the app once (keep it as secret as a password).
replace-placeholder-with-the-app-dd0be73d = Replace { $placeholder } with the app's client ID (Application (client) ID, on the app's Overview page in the Microsoft Entra admin centre).
replace-placeholder-with-the-app-e2337baa = Replace { $placeholder } with the app's client ID (from the OAuth client in the Google Cloud console, APIs & Services → Credentials).
replace-placeholder-with-the-directory-163145f4 = Replace { $placeholder } with the Directory (tenant) ID from the app's Overview page (or your domain, such as example.onmicrosoft.com).
replace-placeholder-with-the-mailbox-bbe7cc54 = Replace { $placeholder } with the mailbox address the site sends from.
google-has-no-app-only-ba6e748c = Google has no app-only sign-in for an ordinary mailbox: that needs a Google Workspace service account with domain-wide delegation, set up by the Workspace admin. This signs in as the mailbox (delegated) instead.
app-only-sign-in-needs-ad5c921d = App-only sign-in needs a one-time setup by your Microsoft 365 admin: the permission SMTP.SendAsApp, admin consent, and the app's access to this mailbox in Exchange (see the setup steps).
the-app-registration-needs-the-f7d5f684 = The app registration needs the delegated permission SMTP.Send, and the refresh token must be asked for with the scopes https://outlook.office.com/SMTP.Send and offline_access.
the-google-oauth-client-needs-6e9d68ed = The Google OAuth client needs the scope { $scope }. While the Google OAuth consent screen is in "Testing", refresh tokens expire after 7 days: publish the app before relying on this.
smtp-sign-in-smtp-auth-976b28fe = SMTP sign-in (SMTP AUTH) must stay switched on for the mailbox, also with OAuth: Set-CASMailbox -SmtpClientAuthenticationDisabled $false.
the-tested-connection-was-not-ee5febd4 = The tested connection was not encrypted: OAuth tokens must not cross the network unencrypted, so this uses STARTTLS. Test port 587 with STARTTLS (or 465 with SSL on connect) before relying on it.
while-the-google-oauth-consent-d3b7b869 = While the Google OAuth consent screen is in "Testing", refresh tokens expire after 7 days: publish the app before relying on this.

## src/snippet/oauth/php_token.rs

the-token-request-uses-php-264e594e = The token request uses PHP's file_get_contents on an https:// address: PHP's allow_url_fopen must be on (it is by default) and the server must be able to reach the token endpoint.

## src/snippet/oauth/phpmailer.rs

put-this-where-your-php-021b3499 = Put this where your PHP code creates the PHPMailer object (PHPMailer 6.6 or newer: OAuthTokenProvider arrived in 6.6), before $mail->send(); the use lines go at the top of the file.
put-this-where-your-php-e46cf1ca = Put this where your PHP code creates the PHPMailer object (PHPMailer 6 with Composer), before $mail->send(); the use lines go at the top of the file.
phpmailer-s-own-oauth-class-d202c98f = PHPMailer's own OAuth class only works with a refresh token (someone signs in once); for app-only sign-in the small AppOnlyOAuthToken class here asks Microsoft for a token with the app's ID and secret.
get-the-refresh-token-once-daf7ceaf = Get the refresh token once with PHPMailer's get_oauth_token.php (it comes with PHPMailer): put it on your site, add its address to the app's redirect URIs, open it, choose { $provider } and sign in as the mailbox. Delete the script afterwards.
microsoft-sends-only-as-the-720b52d1 = Microsoft sends only as the mailbox that signs in (or an address it may send as): keep setFrom on that address.

## src/snippet/oauth/setup.rs

open-the-microsoft-entra-admin-56e219d9 = Open the Microsoft Entra admin centre (entra.microsoft.com) → App registrations → New registration. Give it a name (for example "Website mail"), keep "Accounts in this organizational directory only" and register it. Its Overview page shows the Application (client) ID and the Directory (tenant) ID: the site needs both.
open-the-microsoft-entra-admin-830973c3 = Open the Microsoft Entra admin centre (entra.microsoft.com) → App registrations and open the app whose Application (client) ID is { $client_id } (or create it: New registration, "Accounts in this organizational directory only"). Note the Directory (tenant) ID on its Overview page: the site needs it.
open-the-microsoft-entra-admin-566fe1a1 = Open the Microsoft Entra admin centre (entra.microsoft.com) → App registrations and open the app whose Application (client) ID is { $client_id } (or create it: New registration, "Accounts in this organizational directory only"). Its Directory (tenant) ID should be { $tenant }.
in-the-app-api-permissions-e2b91c93 = In the app: API permissions → Add a permission → APIs my organization uses → search for "Office 365 Exchange Online" → Application permissions → tick SMTP.SendAsApp → Add permissions.
still-on-api-permissions-click-3f5fb2d8 = Still on API permissions, click "Grant admin consent" for your organisation (only an administrator can).
certificates-secrets-new-client-secret-12e13caf = Certificates & secrets → New client secret. Copy its Value at once (it is shown only this once) and put it where the site reads its client secret. Note the expiry date in your calendar: when the secret expires, the site stops sending until you make a new one.
enterprise-applications-not-app-registra-0ee3ad08 = Enterprise applications (not App registrations) → open the same app → copy its Object ID. The App registration's Object ID is a different number and makes sign-in fail. It replaces { $placeholder } below.
in-powershell-install-the-exchange-208056fd = In PowerShell, install the Exchange Online module (once) and sign in as an Exchange administrator.
tell-exchange-about-the-app-7738c8e6 = Tell Exchange about the app (its service principal).
let-the-app-use-the-0b50e2fa = Let the app use the mailbox { $mailbox }.
make-sure-smtp-sign-in-b85ae76e = Make sure SMTP sign-in (SMTP AUTH) is on for the mailbox: OAuth needs it too.

## src/snippet/oauth/symfony.rs

save-the-first-part-as-bebdcc14 = Save the first part as src/Mailer/FreshTokenXOAuth2Authenticator.php; use the second part where your code sends mail, instead of the mailer built from MAILER_DSN.
symfony-mailer-cannot-fetch-an-653576c6 = Symfony Mailer cannot fetch an OAuth token itself: its XOAUTH2 sign-in takes the password as the token, and a token lasts only about an hour. The small class here fetches a fresh one for every connection. It needs symfony/mailer 6.3 or newer (setAuthenticators).
php-code-symfony-mailer-69a187c6 = PHP code (Symfony Mailer)

## src/snippet/oauth/web_config.rs

put-it-inside-configuration-replacing-fa45570d = Put it inside <configuration>, replacing the <system.net> <mailSettings> block already there (keep anything else inside <system.net>, such as <defaultProxy>).
asp-net-s-mail-sender-22b9064f = ASP.NET's mail sender (System.Net.Mail, which reads web.config) cannot sign in with OAuth (the request for it, dotnet/runtime issue 76253, has been open since 2022), and Microsoft itself recommends MailKit instead (guidance DE0005).
way-out-1-create-an-4ee187a7 = Way out 1: create an app password for the mailbox (App passwords, in the Google Account's security settings) and put it in place of { $placeholder }. A Workspace admin can forbid app passwords: then use a relay service or MailKit.
asp-net-cannot-use-port-3fcf6280 = ASP.NET cannot use port 465 (SSL on connect), so port 587 with enableSsl="true" is used instead.
way-out-1-azure-communication-18094b5e = Way out 1, Azure Communication Services SMTP (smtp.azurecomm.net, port 587, enableSsl="true"): in the Azure portal create an Email Communication Service with your domain and a Communication Services resource, give an Entra app access to it and create an SMTP Username. Then userName is that SMTP Username and password is the app's client secret (replace { $user_placeholder } and { $secret_placeholder }). The From address must be on a domain verified in ACS.
way-out-2-a-relay-7b644bf3 = Way out 2, a relay service (SendGrid, Brevo, Mailgun, Amazon SES, SMTP2GO, ...): put its host, port 587, enableSsl="true" and its SMTP user name and password or key in the <network> element.
way-out-3-an-exchange-c0be45f4 = Way out 3, an Exchange connector: your admin creates an inbound connector in Exchange Online that accepts mail from the web server's fixed IP address; the site then sends to <your domain>.mail.protection.outlook.com on port 25 without userName and password (enableSsl="true" works there too).
way-out-4-high-volume-cdeb9bee = Way out 4, High Volume Email (smtp-hve.office365.com, port 587): still takes a password, but delivers only to addresses inside your own organisation.
way-out-5-move-the-166eb8f2 = Way out 5: move the site's mail code to MailKit, which signs in with OAuth (see the ASP.NET Core tab for the code; MailKit works on .NET Framework 4.x too).

## src/snippet/oauth/wordpress.rs

put-this-in-wp-config-7f22d207 = Put this in wp-config.php above the line /* That's all, stop editing! */ (it needs the WP Mail SMTP plugin), replacing any WPMS_ lines already there.
with-wp-mail-smtp-the-c123677e = With WP Mail SMTP the plugin's settings page does the sign-in: follow its steps, not the app-only setup for SMTP (SMTP.SendAsApp).
steps-1-in-the-google-54eefa59 = Steps: 1. In the Google Cloud console, create a project, enable the Gmail API and create an OAuth client ID of type "Web application". 2. Copy the "Authorized redirect URI" shown in WP Mail SMTP's settings into the client's "Authorized redirect URIs". 3. Paste the client ID and secret above. 4. In WP Mail SMTP's settings, use its button to sign in with the mailbox's Google account and allow the plugin to send.
steps-1-in-the-microsoft-ea0ecf6c = Steps: 1. In the Microsoft Entra admin centre, App registrations → New registration. 2. Add the redirect URI and the permissions that WP Mail SMTP's Outlook settings page lists. 3. Certificates & secrets → New client secret; paste the client ID and secret above. 4. In WP Mail SMTP's settings, use its button to sign in with the mailbox's Microsoft account.
the-outlook-mailer-is-part-f00ba925 = The Outlook mailer is part of WP Mail SMTP Pro only. Without Pro: Azure Communication Services SMTP (smtp.azurecomm.net, port 587, STARTTLS) works with the plugin's "Other SMTP" mailer and a user name and password.
nothing-in-wp-config-php-e750f8c3 = Nothing in wp-config.php signs in: the plugin keeps the sign-in it gets on its settings page, so do step 4 again if sending stops (for example after the secret expires).

## src/snippet/parts.rs

from-is-empty-the-website-80fe4bb0 = from is empty: the website's code must then set the sender itself.
replace-placeholder-with-the-mailbox-0d73c02b = Replace { $placeholder } with the mailbox password (it is left out so the snippet can be shared safely).
defaultcredentials-signing-in-as-the-f49dc854 = defaultCredentials (signing in as the Windows account) exists only in ASP.NET's web.config: this snippet does not sign in. Enter a user name and password if the server needs them.
no-encryption-the-password-crosses-60b57264 = No encryption: the password crosses the network unencrypted. Use STARTTLS or SSL on connect if the server offers it.
port-465-is-for-ssl-d3d922fc = Port 465 is for SSL on connect, and most mail programs always use it there. Test port 587 with STARTTLS, or port 465 with SSL on connect, before relying on this.

## src/snippet/phpmailer.rs

smtpautotls-is-false-so-that-d6642a40 = SMTPAutoTLS is false so that PHPMailer does not switch to STARTTLS on its own; remove that line if the server offers STARTTLS and you want it.

## src/snippet/symfony.rs

the-user-name-and-password-db6b0fdc = The user name and password are URL-encoded in the DSN (@ is %40, for example): if you edit them, encode them the same way.
smtp-switches-to-starttls-by-b5d12bbf = smtp:// switches to STARTTLS by itself when the server offers it. Symfony always uses SSL on connect on port 465, even with smtp://.
smtp-still-switches-to-starttls-cb0f6b8f = smtp:// still switches to STARTTLS when the server offers it (Symfony 7.1+ can turn that off with ?auto_tls=false).
smtps-means-ssl-on-connect-dabcf4ab = smtps:// means SSL on connect. Symfony also uses SSL on connect for any DSN on port 465.
symfony-mailer-takes-the-sender-5727fd05 = Symfony Mailer takes the sender from each message: use { $from } as its From address.

## src/snippet/wordpress.rs

wpms-ssl-tls-means-starttls-e40daa42 = WPMS_SSL 'tls' means STARTTLS (the plugin's own comment "TLS is not STARTTLS" is misleading): keep 'tls' with port 587 and 'ssl' only for port 465.

## src/warning.rs

your-website-will-then-log-9d26b372 = Your website will then log
for-mail-to-anyone-else-362213fd = For mail to anyone else, your website will log
the-test-message-arrived-but-a31edd84 = The test message arrived, but mail to your customers will be refused
this-server-took-the-test-163aee85 = This server took the test message without a sign-in because it was addressed to one of its own mailboxes. Asked to take mail for an outside address (nothing was sent), it refused: "{ $reply }". Without a sign-in, your website's mail to anyone else (order confirmations, password resets) is refused the same way.
fill-in-username-and-password-14461f2f = Fill in `userName` and `password` (and set `enableSsl` to `true`): a signed-in website may send to any address. Test again with them.
or-ask-your-hosting-company-fee3b0e0 = Or ask your hosting company which server and port let the website send to outside addresses.
azure-communication-services-a-microsoft-ac627e0b = Azure Communication Services: a Microsoft relay that keeps taking a user name and password (smtp.azurecomm.net, port 587, enableSsl on; userName is its SMTP user name, password the Entra app's client secret). Choose the preset "Azure Communication Services" and test it.
a-sending-service-that-takes-06d85dc4 = A sending service that takes passwords (SendGrid, Brevo, Mailgun, Amazon SES, SMTP2GO) or your hosting company's mail server: change host, userName and password to theirs.
an-exchange-connector-your-admin-6c6db3dc = An Exchange connector: your admin lets the web server's fixed IP address send through port 25 to <your domain>.mail.protection.outlook.com without signing in.
high-volume-email-smtp-hve-996cf456 = High Volume Email (smtp-hve.office365.com, port 587) keeps passwords until September 2028, but delivers only to your own organisation's mailboxes.
or-move-the-site-s-da0ce105 = Or move the site's mail code to MailKit with OAuth (ASP.NET's built-in mail sender cannot do OAuth).
sign-in-with-oauth-instead-a6b809b7 = Sign in with OAuth instead (Microsoft 365 app with the SMTP.SendAsApp permission): test it here with Sign-in → Microsoft 365 (OAuth), or `mailtester send --oauth microsoft`, then use the OAuth snippet for your platform.
or-send-through-a-relay-09358923 = Or send through a relay that keeps passwords: Azure Communication Services (smtp.azurecomm.net) or a sending service.
this-works-today-but-microsoft-1e66a965 = This works today, but Microsoft 365 switches password sign-in off at the end of December 2026
microsoft-switches-password-sign-in-b29c7af0 = Microsoft switches password sign-in for SMTP (basic authentication) off by default for every Microsoft 365 organisation at the end of December 2026. An administrator can switch it back on for now; Microsoft will announce the final end in the second half of 2027. From then on, mail from your website stops.

## src/webconfig/document.rs

a-second-top-level-element-0dbfb207 = a second top-level element; everything must be inside the one <configuration> element
text-outside-the-configuration-element-5ab3603e = text outside the <configuration> element; remove it
name-is-never-closed-name-53fcf71f = <{ $name }> is never closed (</{ $name }> is missing)
the-file-has-no-elements-e99344ab = the file has no elements at all (it should start with <configuration>)
a-tag-is-not-closed-61fb9e67 = a tag is not closed: a > is missing (or a quote inside the tag is not closed)
a-comment-that-starts-with-3173cbb0 = a comment that starts with <!-- is never closed with -->
a-cdata-section-is-never-36fbd2fd = a <![CDATA[ section is never closed with ]]>
a-instruction-is-never-closed-c4b71c8b = a <? ... ?> instruction is never closed with ?>
something-starting-with-is-neither-c5af375e = something starting with <! is neither a comment nor valid markup
found-closes-expected-which-is-b2b369eb = </{ $found }> closes <{ $expected }>, which is still open: a closing tag is missing or misspelled
name-closes-an-element-that-427ce6ea = </{ $name }> closes an element that was never opened
name-is-never-closed-c06a4bbe = <{ $name }> is never closed
a-comment-contains-two-hyphens-e819051e = a comment contains -- (two hyphens), which XML does not allow inside <!-- -->
an-starts-a-reference-that-acc80456 = an & starts a reference that is never finished with ; (write & as &amp;)
the-xml-line-at-the-d4be05db = the <?xml ...?> line at the top has no version="1.0"
the-xml-could-not-be-ebe072f9 = the XML could not be read ({ $error })

## src/webconfig/error.rs

this-web-config-is-not-e049049c = this web.config is not valid XML: { $problem } (line { $line }, column { $column }). ASP.NET cannot read it either; fix it in a text editor or restore a backup, then try again
this-file-is-not-a-946b2312 = this file is not a web.config: its first element is <{ $root }>, not <configuration>. Open the site's web.config (it sits in the site's root folder)
this-web-config-has-no-622e34e8 = this web.config has no mail settings yet; test your settings and use Update to add them
the-mail-settings-are-not-2daa99b4 = the mail settings are not in this file: <{ $element } configSource="{ $file }"> keeps them in { $file }, beside this web.config. Open that file instead
the-mail-settings-in-this-ba3ab443 = the mail settings in this web.config are encrypted ({ $detail }), so they cannot be read or changed here. Decrypt them on the server with aspnet_regiis -pd "system.net/mailSettings/smtp" (and encrypt again afterwards with -pe), or type the settings by hand
found-on-line-line-must-5332e735 = <{ $found }> on line { $line } must be written <{ $expected }> (element names are case-sensitive and ASP.NET rejects the file as it is). Correct the name in a text editor, then try again
element-appears-more-than-once-f637cee8 = <{ $element }> appears more than once (again on line { $line }); ASP.NET rejects a section written twice. Remove the extra one in a text editor, then try again
the-attribute-value-has-a-50c8f903 = the { $attribute } value has a control character ({ $character }) that a web.config cannot hold: ASP.NET would reject the whole file and the site would stop with error 500.19. Nothing was changed; retype the { $attribute } without it (it often comes from copying and pasting), then try again
the-tester-could-not-update-b7d291a7 = the tester could not update this web.config safely ({ $arg0 }); nothing was changed. Please report this, and change the file by hand for now
there-is-no-file-here-7f01ff88 = there is no file here; check the path (the web.config sits in the site's root folder): { $path }
another-program-has-the-file-fad4180e = another program has the file open and does not let it be changed, so nothing was changed; close the program that has it open (an editor, IIS Manager, a backup or sync tool), then try again: { $path }
this-is-what-not-a-05f9ae91 = this is { $what }, not a file, so it was left alone; give the path of the web.config file itself (it sits in the site's root folder): { $path }
the-file-is-read-only-c3ff344c = the file is read-only (it is marked read-only, or this account may not write to it), so nothing was changed; clear the read-only mark (Windows: the file's Properties, untick Read-only; Linux: chmod u+w) or run as a user who may write it, then try again: { $path }
the-file-is-size-bytes-2a8cdc56 = the file is { $size } bytes, too large for a web.config (the limit is { $limit } bytes); check that this is the right file: { $path }
the-file-is-not-utf-e2a5449c = the file is not UTF-8 or UTF-16 text ({ $detail }); open it in a text editor and save it as UTF-8, then try again: { $path }
the-file-changed-on-disk-62f7b37a = the file changed on disk after the changes were prepared (another program or person edited it), so nothing was written; run the update again to see a fresh diff: { $path }
could-not-write-the-backup-75f9a6c2 = could not write the backup copy ({ $source }), so the web.config was not changed; free some disk space or check the folder's permissions: { $path }
could-not-write-the-new-01f69e66 = could not write the new content ({ $source }); the old content is safe in the backup { $backup }, so if the web.config is now damaged, copy the backup over it: { $path }
permission-denied-this-account-may-28324bb6 = permission denied: this account may not read the file. { $advice }: { $path }
permission-denied-this-account-may-14f1cab5 = permission denied: this account may not write the file (or create files in its folder). { $advice }: { $path }
could-not-read-the-file-988f82d4 = could not read the file ({ $source }); check the path and try again: { $path }
could-not-write-the-file-0790a48d = could not write the file ({ $source }); check the path and try again: { $path }
a-website-s-files-under-c1972da4 = A website's files (under C:\inetpub, for example) usually need administrator rights: close Mail Settings Tester, right-click it and choose "Run as administrator", then try again; or work on a copy of the file
run-it-as-a-user-e923af9a = Run it as a user who may (on a web server often root or the site's owner, e.g. with sudo), or work on a copy of the file

## src/webconfig/file/checks.rs

a-named-pipe-fifo-47ff048c = a named pipe (FIFO)
a-device-7c776f4e = a device
a-socket-26577a75 = a socket
a-folder-419478b0 = a folder
not-a-regular-file-ebe2737d = not a regular file

## src/webconfig/file.rs

utf-16-with-an-odd-c94555ea = UTF-16 with an odd number of bytes: the file is cut short
broken-utf-16-5bc13a27 = broken UTF-16
it-looks-like-utf-16-33d07569 = it looks like UTF-16 without a byte-order mark
line-line-has-a-character-cb86bf3b = line { $line } has a character that is not UTF-8, probably an older Windows encoding
too-many-backups-with-the-2a36fe1a = too many backups with the same time stamp

## src/webconfig/layout.rs

added-element-inside-parent-431becd7 = Added <{ $element }> inside <{ $parent }>.

## src/webconfig/lint.rs

fix-the-xml-in-a-546837d2 = Fix the XML in a text editor (or restore a backup), then check again.
open-the-site-s-web-b8d6e299 = Open the site's web.config instead.
check-that-other-file-instead-0ed422f0 = Check that other file instead.
decrypt-the-section-to-check-cf798e5a = Decrypt the section to check it, or test the settings by typing them in.
this-web-config-has-no-07bafa83 = This web.config has no mail settings (<system.net><mailSettings><smtp>).
test-your-settings-then-use-6448d6a8 = Test your settings, then use Update to add them.
smtp-has-no-network-element-aa04a6eb = <smtp> has no <network> element, so no mail server is named: sending fails with "The SMTP host was not specified." unless the site's code sets it.
add-network-host-port-587-17c60e62 = Add <network host="..." port="587" enableSsl="true" ... /> inside <smtp> (Update does it for you).
found-must-be-written-right-a97a6695 = <{ $found }> must be written <{ $right }>: element names are case-sensitive, and ASP.NET rejects the file as it is.
rename-found-to-right-in-b46d1244 = Rename <{ $found }> to <{ $right }> (in the opening and the closing tag).
element-is-written-more-than-3c644821 = <{ $element }> is written more than once: ASP.NET rejects a section that appears twice.
keep-one-element-and-remove-0b3b6944 = Keep one <{ $element }> and remove the other.
the-mail-settings-are-inside-00a41f02 = The mail settings are inside <location path="{ $path }">, so they apply to that part of the site.
usually-fine-if-the-whole-bd9e2bd3 = Usually fine; if the whole site sends mail and this is a sub-folder, move <system.net> directly under <configuration>.
element-has-name-but-net-61c07682 = <{ $element }> has `{ $name }`, but .NET only knows `{ $right }`: attribute names are case-sensitive, so ASP.NET rejects the whole mail section ("Unrecognized attribute '{ $name }'. Note that attribute names are case-sensitive.") and no mail is sent.
rename-name-to-right-update-cb52d8cf = Rename `{ $name }` to `{ $right }` (Update does it for you).
replace-name-with-meant-the-e25b0aa5 = Replace `{ $name }` with `{ $meant }` (the name .NET knows).
remove-name-element-knows-known-3e4e8597 = Remove `{ $name }`. <{ $element }> knows: { $known }.
element-has-name-which-is-117faef4 = <{ $element }> has `{ $name }`, which is not a .NET mail setting: ASP.NET rejects the whole mail section ("Unrecognized attribute '{ $name }'.") and no mail is sent.

## src/webconfig/lint_tls.rs

targetframework-stated-a-site-that-de58a7e3 = targetFramework="{ $stated }": a site that targets .NET Framework 4.5.2 or older offers only TLS 1.0 by default, and mail servers now accept only TLS 1.2 or newer, so sending fails with "Authentication failed because the remote party has closed the transport stream." unless the server's Windows is set to use strong encryption for every program.
write-httpruntime-targetframework-4-8-f7fec2a7 = Write <httpRuntime targetFramework="4.8" /> in <system.web> (.NET Framework 4.8 must be installed on the web server; your host can tell), or have your developer add ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12; at start-up.

## src/webconfig/lint_values.rs

smtp-has-no-from-address-f9cd657f = <smtp> has no `from` address, so every message the site sends must set its own sender; where the code does not, sending fails with "A from address must be specified."
add-from-you-yourdomain-com-ec32121e = Add from="you@yourdomain.com" to <smtp>, with an address the mail server lets you send as.
deliveryformat-format-is-not-a-505b3353 = deliveryFormat="{ $format }" is not a delivery format: ASP.NET rejects the mail section.
remove-deliveryformat-the-default-sevenb-95b52244 = Remove deliveryFormat (the default, SevenBit, suits almost every site) or write SevenBit or International.
deliverymethod-value-is-not-a-375196b5 = deliveryMethod="{ $value }" is not a delivery method: ASP.NET rejects the mail section.
write-deliverymethod-network-to-send-40e5740b = Write deliveryMethod="Network" to send through the mail server.
deliverymethod-value-writes-each-message-82f343ab = deliveryMethod="{ $value }" writes each message as a file into a folder instead of sending it: nothing reaches the mail server, whatever <network> says.
write-deliverymethod-network-to-send-3e1d84d7 = Write deliveryMethod="Network" to send through the mail server (keep the folder only on a test site).
no-mail-server-is-named-4f06cc8f = No mail server is named (`host` is missing or empty), so sending fails with "The SMTP host was not specified." unless the site's code sets it.
add-host-smtp-yourprovider-com-bb4f6757 = Add host="smtp.yourprovider.com" to <network>.
port-465-is-for-ssl-761241f1 = port="465" is for SSL on connect, which System.Net.Mail cannot do: it waits for a greeting that never comes and fails after 100 seconds with "The operation has timed out."
use-port-587-with-enablessl-e0c0c6ce = Use port="587" with enableSsl="true" (STARTTLS), and test it first.
port-value-is-outside-1-968b4df1 = port="{ $value }" is outside 1–65535: ASP.NET rejects the mail section.
use-port-587-the-usual-19aa1c58 = Use port="587" (the usual port for sending from websites) unless your provider says otherwise.
port-value-is-not-a-f40e6f90 = port="{ $value }" is not a whole number: ASP.NET rejects the mail section.
encrypt-the-connection-with-starttls-1fd0d51e = encrypt the connection with STARTTLS
sign-in-as-the-website-7d587fd7 = sign in as the website's Windows account
enablessl-is-true-while-deliverymethod-2ec1b295 = enableSsl is true while deliveryMethod writes to a folder: .NET stops with "SSL must not be enabled for pickup-directory delivery methods."
write-deliverymethod-network-to-send-4e4c28b5 = Write deliveryMethod="Network" to send through the server, or enableSsl="false" to keep the folder.
name-value-is-neither-true-f3d68c43 = { $name }="{ $value }" is neither true nor false: ASP.NET rejects the mail section.
write-name-true-meaning-or-f1a39692 = Write { $name }="true" ({ $meaning }) or { $name }="false".
defaultcredentials-true-makes-asp-net-6f0df787 = defaultCredentials="true" makes ASP.NET sign in as the website's Windows account: userName and password are ignored.
write-defaultcredentials-false-to-sign-9b9e51b7 = Write defaultCredentials="false" to sign in with userName and password (or remove userName if the Windows account is meant).
username-is-set-but-there-7c2d8888 = userName is set but there is no password, so the server will refuse the sign-in.
add-password-to-network-or-21c7b43d = Add password="..." to <network> (or update the file with the password included).
a-password-is-set-but-d646dd41 = A password is set but userName is empty, so ASP.NET does not sign in at all (without a user name it sends no credentials).
add-username-usually-the-full-f1b8ba60 = Add userName="..." (usually the full email address), or remove the password.
enablessl-is-false-so-the-4de882bb = enableSsl is false, so the user name and password cross the network unencrypted (and many servers refuse to sign in without encryption).
write-enablessl-true-if-the-cfab14f3 = Write enableSsl="true" if the server offers STARTTLS (test it first).
the-password-is-written-in-8b0e18ce = The password is written in plain text in web.config: anyone who can read this file can read it.
once-the-settings-work-encrypt-99ce1214 = Once the settings work, encrypt the section on the server: aspnet_regiis -pe "system.net/mailSettings/smtp" -app "/YourSite" (ASP.NET decrypts it by itself).

## src/webconfig/mod.rs

saving-web-config-restarts-the-382be3c3 = Saving web.config restarts the website (IIS reloads it): it may take a few seconds to answer again, and visitors who are signed in may have to sign in again.

## src/webconfig/rules.rs

this-site-runs-on-net-353ee75a = This site runs on .NET Framework 2.0–3.5, where web.config has no enableSsl (it arrived in 4.0, and older versions reject the whole section because of it), so this snippet leaves it out. The server needs encryption, so switch it on in code: set SmtpClient.EnableSsl = true before Send (for the PasswordRecovery control, handle its SendingMail event, send the message yourself with EnableSsl = true and set e.Cancel = true). Better: move the site to .NET Framework 4.x, where enableSsl="true" in web.config is enough.
mail-servers-now-require-tls-ce5510dc = Mail servers now require TLS 1.2: make sure the site targets .NET Framework 4.7 or later (<httpRuntime targetFramework="4.7.2" /> or newer), or that Windows enables TLS 1.2 for older targets.
asp-net-core-net-5-5f421df6 = ASP.NET Core (.NET 5 and later) does not read <mailSettings> from web.config at all, so this block would do nothing. Use the ASP.NET Core tab instead: appsettings.json for MailKit.
asp-net-cannot-use-port-22b9f926 = ASP.NET cannot use port 465 (SSL on connect), so port 587 with enableSsl="true" is used instead. Test port 587 before relying on it.
enablessl-is-false-the-password-037fb99f = enableSsl is false: the password crosses the network unencrypted. Use enableSsl="true" if the server offers it.

## src/webconfig/section.rs

element-holds-encrypteddata-30490473 = <{ $element }> holds <EncryptedData>

## src/webconfig/tag.rs

a-tag-could-not-be-f1aa86a3 = a tag could not be read
a-is-not-followed-by-579caa22 = a < is not followed by an element name
in-name-attributes-must-be-9c9f83dd = in <{ $name }>, attributes must be separated by a space
element-has-the-attribute-name-c9e1b545 = <{ $element }> has the attribute { $name } twice
in-element-a-stray-quote-7de86a37 = in <{ $element }>, a stray quote or = where an attribute name should be
in-element-the-attribute-name-d514ebae = in <{ $element }>, the attribute { $name } has no value (write { $name }="...")
in-element-the-value-of-1f8d26e4 = in <{ $element }>, the value of { $name } must be in quotes
in-element-the-value-of-3104c556 = in <{ $element }>, the value of { $name } has no closing quote
in-element-the-value-of-2c82c8d0 = in <{ $element }>, the value of { $name } contains <, which must be written &lt;
in-element-the-value-of-5b909dc6 = in <{ $element }>, the value of { $name } has an & that is not a valid reference (write & as &amp;)

## src/webconfig/update.rs

no-password-was-written-it-6739a1ec = No password was written (it is left out unless you ask for it): add password="..." to <network> by hand, or update again with the password included.

## mailtester --help: the doc comments clap shows, and clap's own texts

tests-smtp-settings-the-way-5dd24b90 = Tests SMTP settings the way a website uses them, explains failures in plain words and writes the web.config snippet that works.
the-language-of-messages-and-254dde98 = The language of messages and of the window: de, fr, es, pt-BR, it, nl, pl, ja or en (default: the system's). JSON, snippets, ids and exit codes are the same in every language
print-help-63ca5eeb = Print help
print-version-070bbb84 = Print version
send-a-test-message-and-43b885a5 = Send a test message and show every step of the conversation with the server
start-from-a-provider-s-927bdeaf = Start from a provider's settings (see `mailtester presets`); other flags override it
start-from-a-saved-profile-4d8d2825 = Start from a saved profile (see `mailtester profile list`); other flags override it, and its password comes from the system keyring unless given
host-the-mail-server-s-ef315f6f = `host`: the mail server's name
port-587-for-most-providers-b7560650 = `port` (587 for most providers; web.config's default is 25)
enablessl-starttls-web-config-s-201dd084 = `enableSsl` (STARTTLS). web.config's default is false
connection-security-overrides-enable-ssl-4bfd0c93 = Connection security; overrides --enable-ssl
starttls-what-enablessl-true-means-49815d99 = STARTTLS (what enableSsl="true" means)
ssl-on-connect-usually-port-5606cb12 = SSL on connect (usually port 465; not possible from ASP.NET)
username-usually-the-full-email-1aca0825 = `userName` (usually the full email address)
read-the-password-from-the-3b36a99c = Read the password from the first line of standard input
read-the-password-from-this-8b7c2f86 = Read the password from this environment variable
defaultcredentials-sign-in-as-the-dcf0f239 = `defaultCredentials`: sign in as the Windows account instead of a user name
from-the-sender-address-38af51cb = `from`: the sender address
where-to-send-the-test-f1adc9fb = Where to send the test (default: the from address)
clientdomain-the-name-sent-with-05cff35e = `clientDomain`: the name sent with EHLO (default: this computer's name)
limit-for-each-wait-in-fd8c958b = Limit for each wait, in seconds (default: connect 10, greeting 10, commands 30)
the-limit-for-the-whole-719e5a06 = The limit for the whole test in seconds, however slowly but steadily the server answers [default: 120, or --timeout when given]
how-long-to-wait-in-d78347aa = How long to wait, in seconds, for the server to accept the message once all of it is sent (servers that check each message for spam can be slow); the whole-test limit still applies. For --target dotnet only the whole-test limit does, as in ASP.NET [default: 90, or --timeout when given]
an-extra-file-of-certificate-e8ce08c6 = An extra file of certificate authorities to trust (PEM, or one DER .cer certificate)
go-on-when-the-certificate-c46a2c17 = Go on when the certificate is invalid (always reported as a warning)
sign-in-even-over-an-cd05e74d = Sign in even over an unencrypted connection (the password crosses the network readable by anyone on the way). Without it the test stops before sending the password there
the-program-that-will-use-dc349359 = The program that will use these settings [default: dotnet]
asp-net-system-net-mail-a1aacdb3 = ASP.NET / System.Net.Mail (web.config): behaves exactly like it
any-other-mail-program-the-96b08a92 = Any other mail program: the best the server offers
the-website-s-asp-net-768c8f73 = The website's ASP.NET runtime: decides what web.config can say [default: 4]
net-framework-2-0-no-9d07e76e = .NET Framework 2.0 (no enableSsl in web.config)
net-framework-3-5-no-2d75b08e = .NET Framework 3.5 (no enableSsl in web.config)
net-framework-4-x-c65af3fe = .NET Framework 4.x
asp-net-core-net-5-64b81ab6 = ASP.NET Core / .NET 5 or later (no <mailSettings>; appsettings.json)
put-the-real-password-in-1ff6bd67 = Put the real password in the snippet printed on success (off by default)
print-one-json-document-instead-6d017d51 = Print one JSON document instead of text
save-the-password-in-the-25317884 = Save the password in the system keyring (unless the server refuses the sign-in)
write-a-support-report-settings-d77f0f48 = Write a support report (settings without the password, steps, diagnosis, transcript) to this file, whatever the outcome
write-the-support-report-in-385b4225 = Write the support report in English whatever the language of the messages (for a support desk that reads English)
after-the-message-went-through-4ac879ba = After the message went through, check the `from` domain's SPF, DKIM and DMARC for this server ("will it arrive?"); exit code 9 when a problem is found
the-dns-server-for-check-5a2c9bdc = The DNS server for --check-dns and the DKIM keys of --check-inbox (UDP and TCP) instead of this computer's
after-the-message-went-through-32241c55 = After the message went through, look for it in this mailbox over IMAP and say whether it landed in the inbox or in spam: imaps://USER@HOST[:PORT] (or imap:// for STARTTLS). The password comes from --inbox-password-env, --inbox-password-stdin or the keyring (account USER@HOST:PORT), or is the sign-in password when USER and HOST are the same. Exit code 10 when it is not in the inbox
read-the-mailbox-password-from-b8be0c16 = Read the mailbox password from this environment variable
read-the-mailbox-password-from-0f167cb6 = Read the mailbox password from a line of standard input (the line after the sign-in password when --password-stdin is given too)
save-the-mailbox-password-in-ee48313c = Save the mailbox password in the system keyring (account USER@HOST:PORT) once the mailbox took the sign-in, so later checks need no password flag
how-long-to-look-for-6cad6128 = How long to look for the message before saying it did not arrive, in seconds
sign-in-with-oauth-using-fc0bf5f4 = Sign in with OAuth using the access token in this environment variable
sign-in-with-oauth-0a054126 = Sign in with OAuth
sign-in-with-oauth-using-b3ed4824 = Sign in with OAuth using the access token on the first line of standard input
get-the-token-from-the-f992c8b8 = Get the token from the provider first (Microsoft: an app signing in as itself with --tenant, --client-id and its client secret)
microsoft-365-client-credentials-the-dbe9f4d8 = Microsoft 365 (client credentials: the app's client ID and secret)
google-not-for-apps-signing-f932ba5a = Google (not for apps signing in as themselves: see the message)
a-person-signs-in-instead-b5d721d5 = A person signs in (instead of the app as itself): in the system browser, or with a code typed in on any device. The sign-in is kept in the keyring and renewed silently
open-the-sign-in-page-869ea4f6 = Open the sign-in page in the system browser (set `MAILTESTER_BROWSER` to a program to use another one)
show-a-code-to-type-b863e025 = Show a code to type in at the provider's page, on any device
microsoft-the-directory-tenant-id-cbfe8ad3 = Microsoft: the Directory (tenant) ID or a domain of the organisation (for a person signing in: `organizations` by default, `consumers` for Outlook.com)
the-app-s-application-client-82f1a168 = The app's Application (client) ID
read-the-app-s-client-e9605cd5 = Read the app's client secret from this environment variable
read-the-app-s-client-3ca50f89 = Read the app's client secret from the first line of standard input
the-sign-in-service-default-2cd3b589 = The sign-in service [default: <https://login.microsoftonline.com>]; https only (plain http only on this computer, for test servers)
use-this-oauth-method-by-0fe17325 = Use this OAuth method; by default XOAUTH2 when the server offers it, else OAUTHBEARER
xoauth2-google-s-and-microsoft-cb4ab04d = XOAUTH2 (Google's and Microsoft's)
oauthbearer-rfc-7628-8e2ee2e0 = OAUTHBEARER (RFC 7628)
print-help-see-more-with-0a4f0559 = Print help (see more with '--help')
print-help-see-a-summary-d04996c7 = Print help (see a summary with '-h')
explain-an-error-message-your-18d7c6df = Explain an error message your website logged (give the text, or - to read stdin)
the-error-text-or-nothing-d88c8bf9 = The error text; `-` or nothing reads standard input
print-json-instead-of-text-beed6e40 = Print JSON instead of text
the-website-s-asp-net-a497bacd = The website's ASP.NET runtime: the advice uses what it can set [default: 4]
print-the-configuration-for-these-e00a86b9 = Print the configuration for these settings: web.config, or another platform's with --format (no test is run)
put-the-real-password-in-6427f579 = Put the real password in the snippet (off by default)
which-platform-s-configuration-to-dceee300 = Which platform's configuration to print (`all` prints every one) [default: webconfig, or mailkit with --framework core]
web-config-d60c5f1f = web.config
wp-config-php-3861a5b9 = wp-config.php
env-65512ae0 = .env
settings-py-32af70ed = settings.py
nodemailer-51ddd8d1 = Nodemailer
env-local-ba614501 = .env.local
appsettings-json-mailkit-701582dc = appsettings.json, MailKit
every-format-one-after-the-d319a4ba = every format, one after the other
write-the-configuration-for-signing-f08a5eb8 = Write the configuration for signing in with OAuth at this provider instead of a password (client secret and refresh token always as placeholders)
oauth-22077a14 = OAuth
microsoft-the-directory-tenant-id-e920a4ad = Microsoft: the Directory (tenant) ID or a domain of the organisation
a-person-signs-in-once-2851ee47 = A person signs in once (a refresh token) instead of the app signing in as itself
list-the-provider-presets-usable-3657c41c = List the provider presets usable with --preset
save-and-manage-named-settings-c7ac9890 = Save and manage named settings (profiles); passwords go to the system keyring only
list-the-saved-profiles-711101ad = List the saved profiles
show-a-profile-s-settings-2e26da20 = Show a profile's settings and whether its password is saved in the keyring
the-profile-s-name-56c43ba2 = The profile's name
save-settings-under-a-name-0486960c = Save settings under a name, creating or replacing it (the same flags as `send`)
the-profile-s-name-up-bc6f9e08 = The profile's name (up to 64 characters, no / or \)
also-save-the-password-from-580edf38 = Also save the password (from --password-stdin or --password-env) in the system keyring
rename-a-profile-71f68a2d = Rename a profile
the-current-name-de8e7e88 = The current name
the-new-name-a623aef5 = The new name
delete-a-profile-44262b68 = Delete a profile
also-remove-its-saved-password-da2c7d1e = Also remove its saved password from the keyring
remove-a-profile-s-saved-298cfc7c = Remove a profile's saved password from the keyring (the profile stays)
remove-every-profile-and-every-de18827a = Remove every profile and every password Mail Settings Tester saved in the keyring (what the uninstaller's "Also remove my saved profiles and remembered passwords" does)
do-it-without-asking-061c8750 = Do it without asking
print-this-message-or-the-7623c860 = Print this message or the help of the given subcommand(s)
read-check-or-update-the-1315aa12 = Read, check or update the mail settings in a web.config file
read-the-mail-settings-from-6b91affb = Read the mail settings from a web.config (the password is never shown)
the-web-config-file-2305e780 = The web.config file
check-a-web-config-s-eb60dc36 = Check a web.config's mail settings for what ASP.NET would reject (exit 7 on errors)
write-these-settings-into-a-4573a44f = Write these settings into a web.config: shows the diff, backs the file up, then writes (with --yes, or after you answer y)
the-web-config-file-to-3839ba8f = The web.config file to change
write-the-real-password-too-865a9e8f = Write the real password too (it is never shown in the diff). Without it an existing password is left exactly as it is and none is added
write-without-asking-9993991f = Write without asking
only-show-what-would-change-e66dcdb4 = Only show what would change; write nothing
find-the-outgoing-mail-settings-22b0736f = Find the outgoing mail settings for an email address (or test a server on every port) without sending a message or a password
your-email-address-its-domain-cbd85dd0 = Your email address: its domain's outgoing servers are found (DNS, autoconfig, provider) and tested
a-server-name-to-test-4879088a = A server name to test on every port instead
ports-to-try-on-every-53d9d629 = Ports to try on every server, comma-separated; replaces the default 587,465,25,2525 (ports named by SRV records or autoconfig are added)
the-limit-for-each-probe-127daa95 = The limit for each probe, in seconds (connect, greeting and the rest)
ask-this-dns-server-udp-35bceb0e = Ask this DNS server (UDP and TCP) instead of this computer's; the port defaults to 53
the-program-that-will-use-d4cb334f = The program that will use the settings: decides the ranking [default: dotnet]
an-extra-file-of-certificate-da1c1030 = An extra file of certificate authorities to trust, PEM or DER .cer (SMTP and the autoconfig download)
count-servers-with-an-invalid-f7b64de7 = Count servers with an invalid certificate as usable (the problem is still shown)
the-https-port-of-autoconfig-9185457f = The HTTPS port of autoconfig servers (for tests)
show-or-forget-a-person-11db4f12 = Show or forget a person's OAuth sign-in kept in the keyring (see send --sign-in)
is-a-person-s-sign-95ba3aa1 = Is a person's sign-in kept for this mailbox and app? Renews it to prove it still works
the-mailbox-that-signed-in-dcf5d44a = The mailbox that signed in
the-provider-cf9e8981 = The provider
microsoft-the-tenant-signed-in-b1d7bb9b = Microsoft: the tenant signed in to [default: organizations]
the-sign-in-service-when-71e1c665 = The sign-in service, when not the provider's own
google-read-the-desktop-app-d5898bb6 = Google: read the desktop app's client secret from this environment variable
forget-the-kept-sign-in-65d531bb = Forget the kept sign-in (the refresh token in the keyring)
the-steps-that-let-an-e27948a2 = The steps that let an app send as a Microsoft 365 mailbox with OAuth (app registration, permission, admin consent, PowerShell), filled in with what you give
the-mailbox-the-app-sends-a8459939 = The mailbox the app sends as
the-directory-tenant-id-when-465cc398 = The Directory (tenant) ID, when known
the-application-client-id-when-024fef16 = The Application (client) ID, when known
will-mail-from-this-address-8c0194c4 = Will mail from this address arrive? Checks SPF, DKIM and DMARC of its domain for the server it goes through, and prints the DNS records to add
the-from-address-your-website-5f5287e4 = The `from` address your website sends as; its domain's DNS is checked
the-smtp-server-the-mail-68b38aa4 = The SMTP server the mail goes through: SPF is evaluated for its addresses and DKIM checked for its provider's selectors
check-the-mail-settings-of-1120eef6 = Check the mail settings of every site under some folders (web.config, wp-config.php, .env, appsettings.json): each mail server is contacted once, each site gets a verdict and its fix. Reads only; never sends mail
the-folders-to-look-in-963b17a2 = The folders to look in (a hosting server's sites: `C:\inetpub\vhosts`, `/var/www`), or single configuration files
also-scan-the-sites-listed-9cf2dfb8 = Also scan the sites listed in this IIS applicationHost.config (`%windir%\System32\inetsrv\config\applicationHost.config`)
judge-from-the-files-alone-e580fcc5 = Judge from the files alone: contact no server
also-try-each-account-s-6362a89f = Also try each account's own user name and password once (sign-in only, then QUIT; never a message; one account at a time per server, with a pause between them)
how-many-servers-to-contact-a7a31c2c = How many servers to contact at once (each server gets one connection at a time)
the-limit-for-each-server-43cad9fe = The limit for each server, in seconds
an-extra-file-of-certificate-1ea069c0 = An extra file of certificate authorities to trust, PEM or DER .cer
ask-this-dns-server-instead-f78030e2 = Ask this DNS server instead of this computer's; the port defaults to 53
print-one-json-document-instead-4ee9e15d = Print one JSON document instead of the table
also-write-one-row-per-ee388af8 = Also write one row per site to this CSV file
also-write-a-page-to-d3088699 = Also write a page to read and filter to this HTML file
the-pause-between-two-sign-1665f117 = The pause between two sign-ins to the same server, in seconds (with --sign-in)

## The same texts as a pasted log, PHPMailer, ASP.NET 2.0–3.5 and ASP.NET Core read them

verify-the-from-address-or-e1e9a7fb = Verify the `From` address (or its whole domain) in your sending service's dashboard.
verify-the-setfrom-address-or-04ef5b06 = Verify the `setFrom()` address (or its whole domain) in your sending service's dashboard.
send-again-after-the-change-b575e680 = Send again after the change.
wait-a-few-minutes-and-fc0e871d = Wait a few minutes and send again.
keep-ssl-switched-on-in-768015ad = Keep SSL switched on in code: without encryption your password would cross the network readable.
keep-securesocketoptions-set-to-starttls-2d62cb3b = Keep `SecureSocketOptions` set to `StartTls`: without encryption your password would cross the network readable.
keep-smtpsecure-set-to-tls-a73ff0de = Keep `SMTPSecure` set to `'tls'` (STARTTLS): without encryption your password would cross the network readable.
send-again-0c4b9d7b = Send again.
the-server-offers-sign-in-dde700b2 = The server offers sign-in only after the connection is encrypted with STARTTLS (the way a mail server switches to an encrypted connection), so it hid sign-in to protect your password. `smtpClient.EnableSsl = true;` in code turns STARTTLS on.
the-server-offers-sign-in-bff6d7a0 = The server offers sign-in only after the connection is encrypted with STARTTLS (the way a mail server switches to an encrypted connection), so it hid sign-in to protect your password. `"SecureSocketOptions": "StartTls"` turns STARTTLS on in appsettings.json.
the-server-offers-sign-in-e2838ecd = The server offers sign-in only after the connection is encrypted with STARTTLS (the way a mail server switches to an encrypted connection), so it hid sign-in to protect your password. `$mail->SMTPSecure = 'tls';` turns STARTTLS on in your PHPMailer settings.
host-has-no-dot-in-c5a60fd0 = `Host` has no dot in it, while mail server names look like `smtp.example.com`: check it against your provider's instructions.
check-that-the-web-server-db7d5f53 = Check that the web server is connected to the internet, then send again.
or-change-port-to-587-5d9bcb7b = Or change `Port` to `587` and use STARTTLS (the way a mail server switches to an encrypted connection).
the-connection-ended-while-switching-b63efb40 = The connection ended while switching to encryption: check that `port` and SSL (`SmtpClient.EnableSsl`, set in code) match your provider's instructions (for ASP.NET, `587` with SSL switched on in code).
the-connection-ended-while-switching-1cd6aa8f = The connection ended while switching to encryption: check that `Port` and `SecureSocketOptions` match your provider's instructions (for ASP.NET, `587` with `SecureSocketOptions` set to `StartTls`).
the-connection-ended-while-switching-7b2719f9 = The connection ended while switching to encryption: check that `Port` and `SMTPSecure` match your provider's instructions (for ASP.NET, `587` with `SMTPSecure` set to `'tls'` (STARTTLS)).
some-servers-hang-up-instead-dfeb1bd9 = Some servers hang up instead of saying the password was refused: check `UserName` and `Password`.
some-servers-hang-up-instead-0278e739 = Some servers hang up instead of saying the password was refused: check `Username` and `Password`.
send-again-in-a-few-68c0d09c = Send again in a few minutes.
send-this-error-message-to-89c5093e = Send this error message to your mail provider.
use-a-sender-address-from-14e961d9 = Use a sender address (`From`) with only plain letters (a to z), digits, dots or hyphens before the @, for example `info@` your domain.
use-a-sender-address-the-ca84d68b = Use a sender address (the `setFrom()` address) with only plain letters (a to z), digits, dots or hyphens before the @, for example `info@` your domain.
or-add-deliveryformat-international-to-8ec871d6 = Or add `deliveryFormat="International"` to the `<smtp>` element in appsettings.json (ASP.NET 4.5 or later): then ASP.NET sends international addresses to servers that offer SMTPUTF8.
or-add-deliveryformat-international-to-faa47e44 = Or add `deliveryFormat="International"` to the `<smtp>` element in your PHPMailer settings (ASP.NET 4.5 or later): then ASP.NET sends international addresses to servers that offer SMTPUTF8.
if-nothing-arrives-within-15-c518a7e3 = If nothing arrives within 15 minutes, send again; if this happens again, send this error message to your mail provider.
in-microsoft-365-an-app-6e56c287 = In Microsoft 365, an app that sends as itself needs all of: the permission SMTP.SendAsApp (Office 365 Exchange Online) with admin consent; a service principal made with New-ServicePrincipal using the Enterprise application's object ID (not the App registration's); Add-MailboxPermission for the mailbox in `UserName`; and "Authenticated SMTP" on for that mailbox.
in-microsoft-365-an-app-b3e112e7 = In Microsoft 365, an app that sends as itself needs all of: the permission SMTP.SendAsApp (Office 365 Exchange Online) with admin consent; a service principal made with New-ServicePrincipal using the Enterprise application's object ID (not the App registration's); Add-MailboxPermission for the mailbox in `Username`; and "Authenticated SMTP" on for that mailbox.
get-a-new-token-sign-cde11d0b = Get a new token (sign in again) and send again at once.
set-username-to-named-or-f211e440 = Set `UserName` to { $named }, or sign in as { $user } to get a token for it.
set-username-to-named-or-2fc66420 = Set `Username` to { $named }, or sign in as { $user } to get a token for it.
press-sign-in-with-microsoft-15c3a0b7 = Press "Sign in with Microsoft…" (or Google) under Sign-in and sign in as the mailbox in `UserName`.
press-sign-in-with-microsoft-dbd7e457 = Press "Sign in with Microsoft…" (or Google) under Sign-in and sign in as the mailbox in `Username`.
then-send-again-e431af76 = Then send again.
sign-in-again-then-send-9e2cea38 = Sign in again, then send again.
check-the-web-server-s-103d021e = Check the web server's internet connection (and a proxy or firewall that may block login.microsoftonline.com).
the-server-then-refused-the-3f6a45e9 = The server then refused the message, so your `UserName` and `Password` were never used: this server or port is probably not the one your provider meant for them.
the-server-then-refused-the-2391e1c9 = The server then refused the message, so your `Username` and `Password` were never used: this server or port is probably not the one your provider meant for them.
the-test-already-asked-for-f4fb1991 = The test already asked for STARTTLS, so the server may expect it on another port: check `Port` against your provider's instructions.
set-defaultcredentials-to-false-while-2890bd17 = Set `defaultCredentials` to `false`: while it is `true`, appsettings.json ignores `UserName` and `Password`.
set-defaultcredentials-to-false-while-8dd2ea25 = Set `defaultCredentials` to `false`: while it is `true`, your PHPMailer settings ignores `Username` and `Password`.
your-settings-have-no-username-19552a19 = Your settings have no `UserName`, so the test did not sign in.
your-settings-have-no-username-a05a7039 = Your settings have no `Username`, so the test did not sign in.
set-clientdomain-to-your-website-87fcae0f = Set `clientDomain` to your website's full domain name (for example `www.example.com`): the server did not accept the name the web server introduced itself with.
set-hostname-to-your-website-6aa76569 = Set `Hostname` to your website's full domain name (for example `www.example.com`): the server did not accept the name the web server introduced itself with.
the-sender-from-is-from-00d9e6a1 = The sender (`From`) is { $from }, while the sign-in (`UserName`) is { $user }.
the-sender-the-setfrom-address-6978e525 = The sender (the `setFrom()` address) is { $from }, while the sign-in (`Username`) is { $user }.
change-host-to-only-5c532b32 = Change `Host` to `{ $only }`.
asp-net-2-0-3-755ddb5c = ASP.NET 2.0–3.5 has no SSL (`SmtpClient.EnableSsl`, set in code) in web.config (adding it breaks the whole mail section), so switch SSL on in your code, just before sending: `smtpClient.EnableSsl = true;`. For the PasswordRecovery control, handle its `SendingMail` event: send `e.Message` yourself with a `SmtpClient` whose `EnableSsl` is `true`, then set `e.Cancel = true;`. Or move the site to .NET Framework 4.x, where `smtpClient.EnableSsl = true;` in code in web.config is enough.
asp-net-2-0-3-0492d258 = ASP.NET 2.0–3.5 has no `SecureSocketOptions` in appsettings.json (adding it breaks the whole mail section), so switch SSL on in your code, just before sending: `smtpClient.EnableSsl = true;`. For the PasswordRecovery control, handle its `SendingMail` event: send `e.Message` yourself with a `SmtpClient` whose `EnableSsl` is `true`, then set `e.Cancel = true;`. Or move the site to .NET Framework 4.x, where `"SecureSocketOptions": "StartTls"` in appsettings.json is enough.
asp-net-2-0-3-b054c76a = ASP.NET 2.0–3.5 has no `SMTPSecure` in your PHPMailer settings (adding it breaks the whole mail section), so switch SSL on in your code, just before sending: `smtpClient.EnableSsl = true;`. For the PasswordRecovery control, handle its `SendingMail` event: send `e.Message` yourself with a `SmtpClient` whose `EnableSsl` is `true`, then set `e.Cancel = true;`. Or move the site to .NET Framework 4.x, where `$mail->SMTPSecure = 'tls';` in your PHPMailer settings is enough.
in-code-smtpclient-enablessl-true-92c8a040 = In code, `smtpClient.EnableSsl = true;` turns that on (appsettings.json cannot, on ASP.NET 2.0–3.5).
in-code-smtpclient-enablessl-true-81009338 = In code, `smtpClient.EnableSsl = true;` turns that on (your PHPMailer settings cannot, on ASP.NET 2.0–3.5).
this-server-sends-mail-only-b0c6dd68 = This server sends mail only for signed-in users, and the message was offered before any sign-in was accepted. In appsettings.json the sign-in comes from `UserName` and `Password`.
this-server-sends-mail-only-13da29c0 = This server sends mail only for signed-in users, and the message was offered before any sign-in was accepted. In your PHPMailer settings the sign-in comes from `Username` and `Password`.
fill-in-username-usually-your-16ab77cb = Fill in `UserName` (usually your full email address) and `Password`.
fill-in-username-usually-your-bd6d01ab = Fill in `Username` (usually your full email address) and `Password`.
when-the-server-refuses-the-4283fe38 = When the server refuses the user name or password, ASP.NET does not say so: it sends without signing in, and the server then answers with this. So if your appsettings.json has a `UserName` and `Password`, the server most likely refused them. If it has none, the server wants them before it sends.
when-the-server-refuses-the-3e977f55 = When the server refuses the user name or password, ASP.NET does not say so: it sends without signing in, and the server then answers with this. So if your PHPMailer settings has a `Username` and `Password`, the server most likely refused them. If it has none, the server wants them before it sends.
check-username-usually-your-full-0a9b2c04 = Check `UserName` (usually your full email address) and type the password into `Password` again (copying can add a space at the end).
check-username-usually-your-full-b9746a24 = Check `Username` (usually your full email address) and type the password into `Password` again (copying can add a space at the end).
if-appsettings-json-has-no-9ae7992b = If appsettings.json has no `UserName`, fill in `UserName` and `Password`.
if-your-phpmailer-settings-has-f403c5b1 = If your PHPMailer settings has no `Username`, fill in `Username` and `Password`.
change-port-to-587-and-ce86b8b8 = Change `port` to `587` and switch SSL on in code: that port is meant for signing in and sending.
change-port-to-587-and-4449c2e9 = Change `Port` to `587` and set `SecureSocketOptions` to `StartTls`: that port is meant for signing in and sending.
change-port-to-587-and-ca6c0bf0 = Change `Port` to `587` and set `SMTPSecure` to `'tls'` (STARTTLS): that port is meant for signing in and sending.
if-your-hosting-company-says-20e12c2e = If your hosting company says its server lets your website send without a password, clear `UserName` and `Password`.
if-your-hosting-company-says-8f2cf1ce = If your hosting company says its server lets your website send without a password, clear `Username` and `Password`.
the-password-would-have-crossed-b405f683 = The password would have crossed the network unencrypted, so the server refused or hid sign-in. STARTTLS (the way a mail server switches to an encrypted connection) protects it, and `smtpClient.EnableSsl = true;` in code turns it on.
the-password-would-have-crossed-61b019fb = The password would have crossed the network unencrypted, so the server refused or hid sign-in. STARTTLS (the way a mail server switches to an encrypted connection) protects it, and `"SecureSocketOptions": "StartTls"` turns it on in appsettings.json.
the-password-would-have-crossed-e65e058e = The password would have crossed the network unencrypted, so the server refused or hid sign-in. STARTTLS (the way a mail server switches to an encrypted connection) protects it, and `$mail->SMTPSecure = 'tls';` turns it on in your PHPMailer settings.
switch-ssl-on-in-code-30da0bde = Switch SSL on in code.
set-securesocketoptions-to-starttls-3bc4460d = Set `SecureSocketOptions` to `StartTls`.
set-smtpsecure-to-tls-starttls-46a3ad84 = Set `SMTPSecure` to `'tls'` (STARTTLS).
keep-port-at-587-or-4b80fc48 = Keep `Port` at `587` (or `25` if your provider uses it); ASP.NET cannot use `465`.
switch-ssl-on-in-code-4307eb1e = Switch SSL on in code: the password is then sent only after the connection is encrypted.
set-securesocketoptions-to-starttls-the-38afb891 = Set `SecureSocketOptions` to `StartTls`: the password is then sent only after the connection is encrypted.
set-smtpsecure-to-tls-starttls-4c600cf0 = Set `SMTPSecure` to `'tls'` (STARTTLS): the password is then sent only after the connection is encrypted.
if-you-accept-the-risk-dad65437 = If you accept the risk for this one test (a server on your own private network), send again and allow the unencrypted password (`--allow-plaintext-password` on the command line, "Send it unencrypted this once" in the window).
or-send-through-a-provider-46a07354 = Or send through a provider that offers LOGIN (most do) and change `Host` to its server.
check-that-username-is-exactly-4bf69761 = Check that `UserName` is exactly what your provider expects, usually your full email address.
check-that-username-is-exactly-a64adcc1 = Check that `Username` is exactly what your provider expects, usually your full email address.
type-the-password-into-password-c600c10f = Type the password into `Password` again (copying can add a space at the end).
if-your-account-uses-two-9504e3ad = If your account uses two-step sign-in, create an app password in the account's security settings and use it as `Password`.
create-an-app-password-there-80fabbc7 = Create an app password there and paste it into `Password` without spaces.
keep-username-as-your-full-1bb0200b = Keep `UserName` as your full email address and test again.
keep-username-as-your-full-c2dcda11 = Keep `userName` as your full email address and send again.
keep-username-as-your-full-83f36431 = Keep `UserName` as your full email address and send again.
keep-username-as-your-full-7428fb51 = Keep `Username` as your full email address and send again.
use-an-app-password-a-10780f39 = Use an app password (a separate password for programs, made in your account's security settings) as `Password`.
send-again-within-a-few-a21e7638 = Send again within a few minutes.
wait-up-to-an-hour-8093e503 = Wait up to an hour after the change, then send again.
or-send-your-website-s-b7d4eee6 = Or send your website's mail through a service that accepts passwords, such as your hosting company's mail server or a sending service, and change `Host`, `UserName` and `Password` to its values.
or-send-your-website-s-0b5d20c6 = Or send your website's mail through a service that accepts passwords, such as your hosting company's mail server or a sending service, and change `Host`, `Username` and `Password` to its values.
meanwhile-keep-username-and-password-07dd145a = Meanwhile, keep `UserName` and `Password` as they are.
meanwhile-keep-username-and-password-3f5e26ba = Meanwhile, keep `Username` and `Password` as they are.
this-computer-asked-dns-the-994145ac = This computer asked DNS (the internet's address book) for the name in `Host` and got no address back, so it does not know where to send the mail. Usually the name has a typing mistake, or this computer is not connected to the internet right now.
this-computer-asked-dns-the-f069de6d = This computer asked DNS (the internet's address book) for the name in `host` and got no address back, so it does not know where to send the mail. Usually the name has a typing mistake, or the web server is not connected to the internet right now.
this-computer-asked-dns-the-f1a16f4d = This computer asked DNS (the internet's address book) for the name in `Host` and got no address back, so it does not know where to send the mail. Usually the name has a typing mistake, or the web server is not connected to the internet right now.
check-host-letter-by-letter-e10ab329 = Check `Host` letter by letter against your mail provider's instructions (it looks like `smtp.example.com`).
check-that-the-web-server-882bdeea = Check that the web server can open websites; if it cannot, fix the internet connection and send again.
this-computer-reached-the-server-f24f15f0 = This computer reached the server, but nothing there accepts mail on this port (the numbered door a program listens on), or a firewall (a filter that blocks connections) refused it. Most often the port is not the one your provider uses, or `Host` points to a different server.
check-port-against-your-provider-4f0b17dd = Check `Port` against your provider's instructions: `587` is the usual port for websites.
check-that-host-is-the-7bcf5860 = Check that `Host` is the mail server's name, not your website's name.
nothing-answered-on-this-port-cdd89199 = Nothing answered on this port before the time limit ran out. Often a firewall (a filter that blocks connections) at the hosting company or internet provider quietly drops outgoing mail connections, especially on port 25; otherwise the server may be down or `Host` may point to the wrong place.
change-port-to-587-and-1a3acff2 = Change `port` to `587` and switch SSL on in code: the usual combination for websites.
change-port-to-587-and-25391141 = Change `Port` to `587` and set `SecureSocketOptions` to `StartTls`: the usual combination for websites.
change-port-to-587-and-7dd5ab0a = Change `Port` to `587` and set `SMTPSecure` to `'tls'` (STARTTLS): the usual combination for websites.
check-that-host-is-correct-44613728 = Check that `Host` is correct and that the server is up (see your provider's status page).
change-port-to-587-and-c81e9ee7 = Change `port` to `587` and switch SSL on in code.
change-port-to-587-and-8b12b4c0 = Change `Port` to `587` and set `SecureSocketOptions` to `StartTls`.
change-port-to-587-and-8fadafbf = Change `Port` to `587` and set `SMTPSecure` to `'tls'` (STARTTLS).
if-port-is-already-587-0cb369bc = If `Port` is already `587`, wait a few minutes and test again: the server may be busy.
if-port-is-already-587-ccf09a76 = If `port` is already `587`, wait a few minutes and send again: the server may be busy.
if-port-is-already-587-4a354996 = If `Port` is already `587`, wait a few minutes and send again: the server may be busy.
the-answer-did-not-look-5f0bba55 = The answer did not look like SMTP (the language mail servers speak). The port may belong to a website or another service, or `Host` may point to a different machine.
check-port-websites-send-mail-ec5e733d = Check `Port`: websites send mail through port `587` (sometimes `25`); ports such as `80` and `443` are for websites, `110`, `143`, `993` and `995` for reading mail.
check-host-against-your-provider-8076bc63 = Check `Host` against your provider's instructions.
the-server-answered-but-refused-0295d135 = The server answered but refused to serve this connection. Usually the server has a temporary problem (maintenance or overload), or it refuses the web server's internet address, for example because the address is on a blocklist (a list of addresses known for spam).
if-it-keeps-happening-send-8a27583b = If it keeps happening, send this error message to your mail provider and ask why it refuses the connection.
check-host-and-port-a-a458c8e7 = Check `Host` and `Port`: a server meant for receiving mail may refuse to send it.
check-that-port-and-ssl-70c0ee6b = Check that `port` and SSL (`SmtpClient.EnableSsl`, set in code) match your provider's instructions (usually `587` with SSL switched on in code).
check-that-port-and-securesocketoptions-89528e86 = Check that `Port` and `SecureSocketOptions` match your provider's instructions (usually `587` with `SecureSocketOptions` set to `StartTls`).
check-that-port-and-smtpsecure-449d63e0 = Check that `Port` and `SMTPSecure` match your provider's instructions (usually `587` with `SMTPSecure` set to `'tls'` (STARTTLS)).
if-it-keeps-happening-send-e5580e23 = If it keeps happening, send this error message to your mail provider: the step where it stopped tells them where to look.
if-your-web-config-uses-889c5cd5 = If your web.config uses port 465: ASP.NET cannot use it and waits like this. Change `port` to `587` and switch SSL on in code.
if-your-appsettings-json-uses-d533bdae = If your appsettings.json uses port 465: ASP.NET cannot use it and waits like this. Change `Port` to `587` and set `SecureSocketOptions` to `StartTls`.
if-your-phpmailer-settings-uses-4a530e8c = If your PHPMailer settings uses port 465: ASP.NET cannot use it and waits like this. Change `Port` to `587` and set `SMTPSecure` to `'tls'` (STARTTLS).
if-it-always-stops-at-83c30f5e = If it always stops at the same step, send this error message to your mail provider.
change-port-to-587-and-6c3a9e07 = Change `port` to `587` and switch SSL on in code (in PHPMailer: `Port = 587` and `SMTPSecure = 'tls'`).
change-port-to-587-and-027673b4 = Change `Port` to `587` and set `SecureSocketOptions` to `StartTls` (in PHPMailer: `Port = 587` and `SMTPSecure = 'tls'`).
change-port-to-587-and-acdf78ff = Change `Port` to `587` and set `SMTPSecure` to `'tls'` (STARTTLS) (in PHPMailer: `Port = 587` and `SMTPSecure = 'tls'`).
check-that-host-is-exactly-c9e110a5 = Check that `Host` is exactly the server name your provider gives.
asp-net-found-no-host-27c3e5d1 = ASP.NET found no `Host` in the `<mailSettings>` section of appsettings.json (or in the website's code), so it does not know which server to send through.
asp-net-found-no-host-5f8bb081 = ASP.NET found no `Host` in the `<mailSettings>` section of your PHPMailer settings (or in the website's code), so it does not know which server to send through.
add-host-to-the-network-9763ed7a = Add `Host` to the `<network>` element in appsettings.json, for example `host="smtp.example.com"`.
add-host-to-the-network-53d7f112 = Add `Host` to the `<network>` element in your PHPMailer settings, for example `host="smtp.example.com"`.
check-that-mailsettings-sits-inside-0c0a576e = Check that `<mailSettings>` sits inside `<system.net>` in the appsettings.json of the site that sends the mail.
check-that-mailsettings-sits-inside-65128b72 = Check that `<mailSettings>` sits inside `<system.net>` in the your PHPMailer settings of the site that sends the mail.
if-port-is-465-change-9fcd50ea = If `port` is `465`, change it to `587` and switch SSL on in code.
if-port-is-465-change-713827f1 = If `Port` is `465`, change it to `587` and set `SecureSocketOptions` to `StartTls`.
if-port-is-465-change-2fa73428 = If `Port` is `465`, change it to `587` and set `SMTPSecure` to `'tls'` (STARTTLS).
change-port-to-587-and-f1c17a3e = Change `port` to `587` and switch SSL on in code: the usual port for sending.
change-port-to-587-and-94bbac19 = Change `Port` to `587` and set `SecureSocketOptions` to `StartTls`: the usual port for sending.
change-port-to-587-and-43841e36 = Change `Port` to `587` and set `SMTPSecure` to `'tls'` (STARTTLS): the usual port for sending.
if-it-still-fails-look-ff139b92 = If it still fails, look up the "outgoing (SMTP) server" in your provider's instructions and put that name in `Host`.
check-host-and-port-against-3b485e04 = Check `Host` and `Port` against your provider's instructions for sending mail (usually port `587`).
get-a-new-token-and-9157640f = Get a new token and send again (tokens last about an hour).
check-that-username-is-the-4e5d87e4 = Check that `UserName` is the mailbox the token was issued for.
check-that-username-is-the-9b28a7c4 = Check that `Username` is the mailbox the token was issued for.
check-host-and-port-microsoft-e6e6b5eb = Check `host` and `port`: Microsoft 365 is smtp.office365.com port 587, Google smtp.gmail.com port 587, both with SSL (`SmtpClient.EnableSsl`, set in code) on.
check-host-and-port-microsoft-b0c20a32 = Check `Host` and `Port`: Microsoft 365 is smtp.office365.com port 587, Google smtp.gmail.com port 587, both with `SecureSocketOptions` on.
check-host-and-port-microsoft-523a848d = Check `Host` and `Port`: Microsoft 365 is smtp.office365.com port 587, Google smtp.gmail.com port 587, both with `SMTPSecure` on.
if-this-provider-takes-passwords-3bb74bce = If this provider takes passwords, choose Password as the sign-in and enter `UserName` and `Password`.
if-this-provider-takes-passwords-cd6b862e = If this provider takes passwords, choose Password as the sign-in and enter `Username` and `Password`.
turn-ssl-smtpclient-enablessl-set-42d31a84 = Turn SSL (`SmtpClient.EnableSsl`, set in code) on (STARTTLS) and use port 587, then test again.
turn-securesocketoptions-on-starttls-and-a7004f0b = Turn `SecureSocketOptions` on (STARTTLS) and use port 587, then test again.
turn-enablessl-on-starttls-and-a16794a0 = Turn `enableSsl` on (STARTTLS) and use port 587, then send again.
turn-ssl-smtpclient-enablessl-set-f1d93b4a = Turn SSL (`SmtpClient.EnableSsl`, set in code) on (STARTTLS) and use port 587, then send again.
turn-securesocketoptions-on-starttls-and-0f439331 = Turn `SecureSocketOptions` on (STARTTLS) and use port 587, then send again.
turn-smtpsecure-on-starttls-and-0225d222 = Turn `SMTPSecure` on (STARTTLS) and use port 587, then send again.
copy-its-value-shown-only-baebca2a = Copy its Value (shown only once), not its Secret ID, and send again with it.
click-grant-admin-consent-a-91822b47 = Click "Grant admin consent" (a Global or Privileged Role Administrator can), then send again.
check-the-tenant-client-id-1012b4ff = Check the tenant, client ID and client secret, then send again.
fill-in-username-usually-your-09a65651 = Fill in `UserName` (usually your full email address) and `Password`, and set `defaultCredentials` to `false`.
fill-in-username-usually-your-50684571 = Fill in `Username` (usually your full email address) and `Password`, and set `defaultCredentials` to `false`.
use-port-587-with-ssl-4232ba01 = Use `port` `587` with SSL switched on in code.
use-port-587-with-securesocketoptions-e966938b = Use `Port` `587` with `SecureSocketOptions` set to `StartTls`.
use-port-587-with-smtpsecure-82c79dba = Use `Port` `587` with `SMTPSecure` set to `'tls'` (STARTTLS).
the-sender-address-from-must-de121e17 = The sender address (`From`) must be one the account may send as: usually the mailbox you sign in with, or an address your provider has verified. This one is not on that list.
the-sender-address-the-setfrom-f4a6393b = The sender address (the `setFrom()` address) must be one the account may send as: usually the mailbox you sign in with, or an address your provider has verified. This one is not on that list.
set-from-to-the-same-ab436cc1 = Set `From` to the same address as `UserName`.
set-the-setfrom-address-to-a2daea5d = Set the `setFrom()` address to the same address as `Username`.
your-settings-got-through-but-8bd03782 = Your settings got through, but the test recipient was refused: the address may not exist, or its mailbox cannot take mail right now. This concerns the test address, not your appsettings.json.
your-settings-got-through-but-22f6af0b = Your settings got through, but the test recipient was refused: the address may not exist, or its mailbox cannot take mail right now. This concerns the test address, not your PHPMailer settings.
send-the-test-to-another-0fcce78a = Send the test to another address you own, for example the one in `From`.
send-the-test-to-another-41a6baf8 = Send the test to another address you own, for example the one in the `setFrom()` address.
to-see-whether-the-domain-72830a7e = To see whether the domain is the cause, set `From` to an address at your mail provider's own domain and test again.
to-see-whether-the-domain-991b9f90 = To see whether the domain is the cause, set `from` to an address at your mail provider's own domain and send again.
to-see-whether-the-domain-990497f0 = To see whether the domain is the cause, set `From` to an address at your mail provider's own domain and send again.
to-see-whether-the-domain-328199fc = To see whether the domain is the cause, set the `setFrom()` address to an address at your mail provider's own domain and send again.
change-the-account-s-password-40df0054 = Change the account's password (someone else may know it), then put the new one in `Password`.
wait-15-to-60-minutes-3a79afb7 = Wait 15 to 60 minutes and send again.
set-hostname-to-your-website-f3412636 = Set `Hostname` to your website's full domain name (for example `www.example.com`): some servers distrust computers that introduce themselves as `localhost`.
send-again-in-5-to-9d5019ef = Send again in 5 to 15 minutes: it should be accepted.
wait-until-the-limit-resets-0d50752b = Wait until the limit resets (usually 24 hours; for a monthly plan, the next month) and send again.
meanwhile-keep-host-port-and-6979a951 = Meanwhile, keep `host`, `port` and SSL (`SmtpClient.EnableSsl`, set in code) as they are.
meanwhile-keep-host-port-and-ae23b856 = Meanwhile, keep `Host`, `Port` and `SecureSocketOptions` as they are.
meanwhile-keep-host-port-and-5755e529 = Meanwhile, keep `Host`, `Port` and `SMTPSecure` as they are.
your-website-logged-a-message-ee3ac898 = Your website logged a message we have no explanation for yet.
check-host-port-and-ssl-9487adb8 = Check `host`, `port` and SSL (`SmtpClient.EnableSsl`, set in code) against your provider's instructions.
check-host-port-and-securesocketoptions-260c4cc5 = Check `Host`, `Port` and `SecureSocketOptions` against your provider's instructions.
check-host-port-and-smtpsecure-aa95c42e = Check `Host`, `Port` and `SMTPSecure` against your provider's instructions.
meanwhile-check-host-port-and-06f829c0 = Meanwhile, check `host`, `port` and SSL (`SmtpClient.EnableSsl`, set in code) against your provider's instructions.
meanwhile-check-host-port-and-ac1208bd = Meanwhile, check `Host`, `Port` and `SecureSocketOptions` against your provider's instructions.
meanwhile-check-host-port-and-25424766 = Meanwhile, check `Host`, `Port` and `SMTPSecure` against your provider's instructions.
or-run-the-test-in-ff624e00 = Or run the test in this program with your `host`, `port` and SSL (`SmtpClient.EnableSsl`, set in code): it shows the exact step that fails.
or-run-the-test-in-d2dd620b = Or run the test in this program with your `Host`, `Port` and `SecureSocketOptions`: it shows the exact step that fails.
or-run-the-test-in-e6d802d8 = Or run the test in this program with your `Host`, `Port` and `SMTPSecure`: it shows the exact step that fails.
the-specified-string-is-not-3e32bd8d = "The specified string is not in the form required for an e-mail address" comes from ASP.NET itself, before any mail server is contacted: the `From` address, or an address the website puts in To, Cc or Bcc, has a typing mistake (a missing @, a space, two addresses in one field).
the-specified-string-is-not-f3060462 = "The specified string is not in the form required for an e-mail address" comes from ASP.NET itself, before any mail server is contacted: the `setFrom()` address, or an address the website puts in To, Cc or Bcc, has a typing mistake (a missing @, a space, two addresses in one field).
check-from-in-appsettings-json-0cf5714f = Check `From` in appsettings.json: one address such as `info@example.com` (a name may go before it: `Shop <info@example.com>`).
check-the-setfrom-address-in-8cad20a1 = Check the `setFrom()` address in your PHPMailer settings: one address such as `info@example.com` (a name may go before it: `Shop <info@example.com>`).
if-from-is-right-the-443c5684 = If `From` is right, the address comes from the website itself (a form a visitor filled in, or a setting of the site): ask your developer to check addresses before sending.
if-the-setfrom-address-is-4c7f473a = If the `setFrom()` address is right, the address comes from the website itself (a form a visitor filled in, or a setting of the site): ask your developer to check addresses before sending.
if-the-address-is-from-8131bf9f = If the address is `From`, use one with plain letters before the @.
if-the-address-is-the-d8299d5b = If the address is the `setFrom()` address, use one with plain letters before the @.
if-it-is-a-customer-14a454a2 = If it is a customer's address, add `deliveryFormat="International"` to `<smtp>` in appsettings.json (.NET Framework 4.5 or newer) and run the test here to check that your mail server offers SMTPUTF8.
if-it-is-a-customer-df901be6 = If it is a customer's address, add `deliveryFormat="International"` to `<smtp>` in your PHPMailer settings (.NET Framework 4.5 or newer) and run the test here to check that your mail server offers SMTPUTF8.
the-server-will-not-go-d97198f6 = The server will not go on until the connection is encrypted with STARTTLS (the way a mail server switches to an encrypted connection). In code, `smtpClient.EnableSsl = true;` turns that on (web.config cannot, on ASP.NET 2.0–3.5).
the-server-will-not-go-adefed65 = The server will not go on until the connection is encrypted with STARTTLS (the way a mail server switches to an encrypted connection). In appsettings.json, `"SecureSocketOptions": "StartTls"` turns that on.
the-server-will-not-go-97dcf783 = The server will not go on until the connection is encrypted with STARTTLS (the way a mail server switches to an encrypted connection). `$mail->SMTPSecure = 'tls';` turns that on.
use-port-587-the-usual-4b4b252f = Use `Port` `587` (the usual port for sending from websites) unless your provider says otherwise.
with-ssl-smtpclient-enablessl-set-d3fe9f32 = With SSL (`SmtpClient.EnableSsl`, set in code) on, ASP.NET asks for STARTTLS (the way a mail server switches to an encrypted connection), and this server did not offer it, so ASP.NET stops with "Server does not support secure connections". Usually the port or server is not the provider's sending server, or the server's encryption is not set up.
with-securesocketoptions-on-asp-net-a08cc797 = With `SecureSocketOptions` on, ASP.NET asks for STARTTLS (the way a mail server switches to an encrypted connection), and this server did not offer it, so ASP.NET stops with "Server does not support secure connections". Usually the port or server is not the provider's sending server, or the server's encryption is not set up.
with-smtpsecure-on-asp-net-fe653274 = With `SMTPSecure` on, ASP.NET asks for STARTTLS (the way a mail server switches to an encrypted connection), and this server did not offer it, so ASP.NET stops with "Server does not support secure connections". Usually the port or server is not the provider's sending server, or the server's encryption is not set up.
check-host-and-port-against-28b524e4 = Check `Host` and `Port` against your provider's instructions; if `Port` is `25`, try `587`.
turning-ssl-smtpclient-enablessl-set-fd0df8f0 = Turning SSL (`SmtpClient.EnableSsl`, set in code) off would send your password unencrypted (readable by anyone on the way): only consider it if your provider confirms the server is on your own private network.
turning-securesocketoptions-off-would-se-e26e1505 = Turning `SecureSocketOptions` off would send your password unencrypted (readable by anyone on the way): only consider it if your provider confirms the server is on your own private network.
turning-smtpsecure-off-would-send-9ef38bc8 = Turning `SMTPSecure` off would send your password unencrypted (readable by anyone on the way): only consider it if your provider confirms the server is on your own private network.
keep-this-port-and-switch-32e36e57 = Keep this port and switch SSL on in code (in other programs, choose "STARTTLS" or "TLS" rather than "SSL").
keep-this-port-and-set-cd2a42d8 = Keep this port and set `SecureSocketOptions` to `StartTls` (in other programs, choose "STARTTLS" or "TLS" rather than "SSL").
keep-this-port-and-set-41922fa3 = Keep this port and set `SMTPSecure` to `'tls'` (STARTTLS) (in other programs, choose "STARTTLS" or "TLS" rather than "SSL").
the-handshake-the-exchange-that-e9025476 = The handshake (the exchange that sets up encryption) failed. Common reasons are a server that only knows old encryption versions (TLS 1.0 or 1.1, which modern programs refuse), a server whose encryption is misconfigured, or a security program on the web server that interferes with encrypted connections.
send-again-in-a-few-5192a65a = Send again in a few minutes: some servers have short-lived encryption problems.
send-this-error-message-to-3a3fef43 = Send this error message to your mail provider and ask whether the server supports TLS 1.2 or newer.
if-the-web-server-runs-da617e2c = If the web server runs antivirus software that scans email, pause its mail scanning for one test, or ask its vendor.
if-it-lasts-tell-your-4398538e = If it lasts, tell your mail provider that the server answers STARTTLS with "TLS not available".
or-send-through-a-provider-70e262b5 = Or send through a provider whose server supports TLS 1.2: change `Host` (and `Port`) to its server.
a-certificate-the-server-s-1a9f3248 = A certificate (the server's proof of identity) lists the names it is valid for, and the name in `Host` is not among them. This is common with shared hosting, where the certificate carries the hosting company's server name rather than your domain.
change-host-to-a-name-90ed824c = Change `Host` to a name the certificate is valid for (your hosting control panel usually shows it as the mail server's name).
the-certificate-the-server-s-b1cbac22 = The certificate (the server's proof of identity) is not vouched for by any authority the web server trusts. It may be self-signed (made by the server for itself), the server may leave out the intermediate certificate that links it to a trusted authority, or a security program on this network may be replacing it.
or-change-host-to-the-4b9aed71 = Or change `Host` to the server name your provider recommends: it usually has a valid certificate.
check-that-the-web-server-70da9069 = Check that the web server's date and time are correct: a wrong clock makes valid certificates look expired.
a-certificate-the-server-s-d82f1ec5 = A certificate (the server's proof of identity) is valid only from a set date, and by the web server's clock that date has not come yet. Usually the web server's clock is wrong; less often the server has a certificate dated in the future.
check-that-the-web-server-1ea5bf6c = Check that the web server's date, time and time zone are correct, then send again.
switch-ssl-on-in-code-b0438e5d = Switch SSL on in code and use `port` `587`.
set-securesocketoptions-to-starttls-and-2ad097ac = Set `SecureSocketOptions` to `StartTls` and use `Port` `587`.
set-smtpsecure-to-tls-starttls-0664aeb3 = Set `SMTPSecure` to `'tls'` (STARTTLS) and use `Port` `587`.
send-again-if-it-still-685a4d0a = Send again; if it still fails, the server's reply says which of the two is missing.
check-targetframework-in-appsettings-jso-cde6eebe = Check `targetFramework` in appsettings.json (`<httpRuntime targetFramework="…" />`): if it is 4.5.2 or lower, write `<httpRuntime targetFramework="4.8" />` (.NET Framework 4.8 must be installed on the web server; your host can tell).
check-targetframework-in-your-phpmailer-d2d788fa = Check `targetFramework` in your PHPMailer settings (`<httpRuntime targetFramework="…" />`): if it is 4.5.2 or lower, write `<httpRuntime targetFramework="4.8" />` (.NET Framework 4.8 must be installed on the web server; your host can tell).
gmail-needs-an-app-password-52f29f0d = Gmail needs an app password: turn on 2-Step Verification in your Google Account, then open myaccount.google.com/apppasswords (the Security page no longer links to it), create an app password and paste its 16 letters into `Password` without spaces. Use your full Gmail address as `UserName`.
gmail-needs-an-app-password-0a64bbed = Gmail needs an app password: turn on 2-Step Verification in your Google Account, then open myaccount.google.com/apppasswords (the Security page no longer links to it), create an app password and paste its 16 letters into `Password` without spaces. Use your full Gmail address as `Username`.
gmail-sends-only-from-your-a7cd697e = Gmail sends only from your own address or an address added under Settings → Accounts → "Send mail as": set `From` to one of those.
gmail-sends-only-from-your-967bb4ce = Gmail sends only from your own address or an address added under Settings → Accounts → "Send mail as": set the `setFrom()` address to one of those.
the-google-workspace-smtp-relay-98e2ae0c = The Google Workspace SMTP relay must be switched on by your Workspace admin (Admin console → Apps → Google Workspace → Gmail → Routing → SMTP relay service). If it requires SMTP Authentication, use a Workspace address as `UserName` and an app password made at myaccount.google.com/apppasswords as `Password`; if it allows your server's IP address instead, leave both empty.
the-google-workspace-smtp-relay-a8add76c = The Google Workspace SMTP relay must be switched on by your Workspace admin (Admin console → Apps → Google Workspace → Gmail → Routing → SMTP relay service). If it requires SMTP Authentication, use a Workspace address as `Username` and an app password made at myaccount.google.com/apppasswords as `Password`; if it allows your server's IP address instead, leave both empty.
the-google-workspace-smtp-relay-a9a83a12 = The Google Workspace SMTP relay sends only from the addresses your admin allowed in its settings (usually those of your Workspace domains): set `From` to one of them.
the-google-workspace-smtp-relay-87c116c0 = The Google Workspace SMTP relay sends only from the addresses your admin allowed in its settings (usually those of your Workspace domains): set the `setFrom()` address to one of them.
the-relay-lets-in-only-459c6209 = The relay lets in only the IP addresses or the sign-in your admin allowed in the SMTP relay service settings, so a test from another computer fails unless it signs in. Also set `Hostname` to your website's domain name: Google may refuse a bare computer name such as `localhost`.
microsoft-365-use-the-mailbox-19f8c62c = Microsoft 365: use the mailbox's full address as `UserName`. Sign-in for mail programs ("Authenticated SMTP") must be allowed for this mailbox: your admin turns it on in the Microsoft 365 admin centre under Users → Active users → Mail → Manage email apps. Microsoft Entra security defaults (Microsoft's standard sign-in protections) block it for the whole organisation, whatever that switch says.
microsoft-365-use-the-mailbox-3dc9ad4c = Microsoft 365: use the mailbox's full address as `Username`. Sign-in for mail programs ("Authenticated SMTP") must be allowed for this mailbox: your admin turns it on in the Microsoft 365 admin centre under Users → Active users → Mail → Manage email apps. Microsoft Entra security defaults (Microsoft's standard sign-in protections) block it for the whole organisation, whatever that switch says.
microsoft-365-sends-only-as-b2fe867a = Microsoft 365 sends only as the signed-in mailbox unless your admin grants "Send As" permission: set `From` to the address in `UserName`.
microsoft-365-sends-only-as-e3bbbbe6 = Microsoft 365 sends only as the signed-in mailbox unless your admin grants "Send As" permission: set the `setFrom()` address to the address in `Username`.
an-smtp-relay-your-admin-95d6c596 = An SMTP relay: your admin creates a connector for the web server's fixed IP address; then set `Host` to your domain's MX host (it ends in `mail.protection.outlook.com`), `Port` to `25`, and leave `UserName` and `Password` empty.
an-smtp-relay-your-admin-a93b82b6 = An SMTP relay: your admin creates a connector for the web server's fixed IP address; then set `Host` to your domain's MX host (it ends in `mail.protection.outlook.com`), `Port` to `25`, and leave `Username` and `Password` empty.
high-volume-email-hve-a-5d4715de = High Volume Email (HVE): a Microsoft 365 account made for programs that still signs in with a password (`Host` `smtp-hve.office365.com`, `Port` `587`), meant for mail to your own organisation's mailboxes.
azure-communication-services-microsoft-s-f87006cd = Azure Communication Services: Microsoft's sending service (`Host` `smtp.azurecomm.net`, `Port` `587`), which signs in with a user name and an app secret that your website can use.
direct-send-a-host-ending-14a6804c = Direct send (a `Host` ending in `mail.protection.outlook.com`) takes no sign-in: leave `UserName` and `Password` empty and use `Port` `25`. It delivers only to mailboxes of your own organisation; to reach other addresses, sign in at `smtp.office365.com` on port `587`, or ask your admin for a connector (SMTP relay).
direct-send-a-host-ending-5cca796c = Direct send (a `Host` ending in `mail.protection.outlook.com`) takes no sign-in: leave `Username` and `Password` empty and use `Port` `25`. It delivers only to mailboxes of your own organisation; to reach other addresses, sign in at `smtp.office365.com` on port `587`, or ask your admin for a connector (SMTP relay).
since-16-september-2024-personal-6329d220 = Since 16 September 2024 personal Outlook.com and Hotmail accounts no longer accept a password for sending, only Microsoft's OAuth sign-in, which a appsettings.json website cannot do. Send your site's mail through another provider instead.
since-16-september-2024-personal-7621f718 = Since 16 September 2024 personal Outlook.com and Hotmail accounts no longer accept a password for sending, only Microsoft's OAuth sign-in, which a your PHPMailer settings website cannot do. Send your site's mail through another provider instead.
outlook-com-sends-only-from-73caa19a = Outlook.com sends only from the signed-in address: set `From` to `UserName`.
outlook-com-sends-only-from-5ea38fca = Outlook.com sends only from the signed-in address: set the `setFrom()` address to `Username`.
send-your-website-s-mail-23638aa3 = Send your website's mail through a service that still takes a password, such as your hosting company's mail server or a sending service (SendGrid, Mailgun, Brevo and others are in the provider list), and change `Host`, `UserName` and `Password` to its values.
send-your-website-s-mail-6bda0d43 = Send your website's mail through a service that still takes a password, such as your hosting company's mail server or a sending service (SendGrid, Mailgun, Brevo and others are in the provider list), and change `Host`, `Username` and `Password` to its values.
godaddy-email-use-your-full-b39b7cc6 = GoDaddy email: use your full email address as `UserName` and the mailbox's password, with `Host` set to `smtpout.secureserver.net`. If your GoDaddy email is a Microsoft 365 plan, use the Microsoft 365 settings (`smtp.office365.com`) instead.
godaddy-email-use-your-full-fc189166 = GoDaddy email: use your full email address as `Username` and the mailbox's password, with `Host` set to `smtpout.secureserver.net`. If your GoDaddy email is a Microsoft 365 plan, use the Microsoft 365 settings (`smtp.office365.com`) instead.
godaddy-s-hosting-relay-relay-dd98d47f = GoDaddy's hosting relay (`relay-hosting.secureserver.net`) takes no sign-in: leave `userName` and `password` empty, with `port` set to `25` and SSL (`SmtpClient.EnableSsl`, set in code) set to `false`.
godaddy-s-hosting-relay-relay-f07c2f1a = GoDaddy's hosting relay (`relay-hosting.secureserver.net`) takes no sign-in: leave `UserName` and `Password` empty, with `Port` set to `25` and `SecureSocketOptions` set to `false`.
godaddy-s-hosting-relay-relay-609d3ac7 = GoDaddy's hosting relay (`relay-hosting.secureserver.net`) takes no sign-in: leave `Username` and `Password` empty, with `Port` set to `25` and `SMTPSecure` set to `false`.
ionos-use-the-full-email-a7c00951 = IONOS: use the full email address as `UserName` and the mailbox's password, with the server of your contract's country as `Host` (`smtp.ionos.com`, `smtp.ionos.de` or `smtp.ionos.co.uk`).
ionos-use-the-full-email-7e72a1b1 = IONOS: use the full email address as `Username` and the mailbox's password, with the server of your contract's country as `Host` (`smtp.ionos.com`, `smtp.ionos.de` or `smtp.ionos.co.uk`).
ovhcloud-use-the-full-email-cd29b853 = OVHcloud: use the full email address as `UserName` and the mailbox password, with `Host` set to `ssl0.ovh.net` (the name its certificate is valid for).
ovhcloud-use-the-full-email-3c4dbb33 = OVHcloud: use the full email address as `Username` and the mailbox password, with `Host` set to `ssl0.ovh.net` (the name its certificate is valid for).
yahoo-needs-an-app-password-693b5950 = Yahoo needs an app password: in your Yahoo account open Account security → Generate app password, and use it as `Password` with your full Yahoo address as `UserName`.
yahoo-needs-an-app-password-96021e70 = Yahoo needs an app password: in your Yahoo account open Account security → Generate app password, and use it as `Password` with your full Yahoo address as `Username`.
yahoo-sends-only-from-the-4a458e03 = Yahoo sends only from the signed-in address: set `From` to your Yahoo address.
yahoo-sends-only-from-the-5064b1b3 = Yahoo sends only from the signed-in address: set the `setFrom()` address to your Yahoo address.
aol-needs-an-app-password-2a7d72d0 = AOL needs an app password: in your AOL account open Account security → Generate app password, and use it as `Password` with your full AOL address as `UserName`.
aol-needs-an-app-password-574437f0 = AOL needs an app password: in your AOL account open Account security → Generate app password, and use it as `Password` with your full AOL address as `Username`.
aol-sends-only-from-the-73cdefc3 = AOL sends only from the signed-in address: set `From` to your AOL address.
aol-sends-only-from-the-4db838b3 = AOL sends only from the signed-in address: set the `setFrom()` address to your AOL address.
icloud-mail-needs-an-app-c8532528 = iCloud Mail needs an app-specific password: create one at account.apple.com under Sign-In and Security → App-Specific Passwords, and use your full iCloud address as `UserName`.
icloud-mail-needs-an-app-0e669f48 = iCloud Mail needs an app-specific password: create one at account.apple.com under Sign-In and Security → App-Specific Passwords, and use your full iCloud address as `Username`.
zoho-mail-use-your-full-384aac79 = Zoho Mail: use your full Zoho address as `UserName`. If two-factor sign-in is on, create an application-specific password in Zoho Accounts → Security and use it as `Password`. Use the server of your data centre (for example `smtp.zoho.eu` in Europe); organisation accounts on their own domain use `smtppro.` in place of `smtp.` (for example `smtppro.zoho.eu`).
zoho-mail-use-your-full-7a3fb759 = Zoho Mail: use your full Zoho address as `Username`. If two-factor sign-in is on, create an application-specific password in Zoho Accounts → Security and use it as `Password`. Use the server of your data centre (for example `smtp.zoho.eu` in Europe); organisation accounts on their own domain use `smtppro.` in place of `smtp.` (for example `smtppro.zoho.eu`).
fastmail-needs-an-app-password-4c8b9524 = Fastmail needs an app password: create one under Settings → Privacy & Security → App passwords and use it as `Password`.
azure-communication-services-username-is-82b5afd0 = Azure Communication Services: `UserName` is an SMTP user name created in your Communication Services resource (Settings → SMTP Usernames) and linked to a Microsoft Entra app that may send; `Password` is that app's client secret. Client secrets expire: if it worked before, create a new secret and use it.
azure-communication-services-username-is-25902af0 = Azure Communication Services: `Username` is an SMTP user name created in your Communication Services resource (Settings → SMTP Usernames) and linked to a Microsoft Entra app that may send; `Password` is that app's client secret. Client secrets expire: if it worked before, create a new secret and use it.
azure-communication-services-sends-only-ff5de3b8 = Azure Communication Services sends only from the MailFrom addresses of an email domain connected to your Communication Services resource: set `From` to one of them.
azure-communication-services-sends-only-fcf3ed02 = Azure Communication Services sends only from the MailFrom addresses of an email domain connected to your Communication Services resource: set the `setFrom()` address to one of them.
amazon-ses-needs-ses-smtp-cb156c1c = Amazon SES needs SES SMTP credentials, created in the SES console under SMTP settings for the region in `Host`. IAM access keys, and SMTP credentials from another region, do not work.
amazon-ses-sends-only-from-31649dbc = Amazon SES sends only from verified identities: verify the `From` address or its domain in the SES console. While the account is in the sandbox (the trial mode of new accounts), recipients must be verified too.
amazon-ses-sends-only-from-ce071f11 = Amazon SES sends only from verified identities: verify the `setFrom()` address or its domain in the SES console. While the account is in the sandbox (the trial mode of new accounts), recipients must be verified too.
sendgrid-username-must-be-literally-2392208f = SendGrid: `UserName` must be literally `apikey` (not your login or email address), and `Password` is an API key with "Mail Send" permission, pasted without spaces.
sendgrid-username-must-be-literally-0f7ff76f = SendGrid: `Username` must be literally `apikey` (not your login or email address), and `Password` is an API key with "Mail Send" permission, pasted without spaces.
sendgrid-sends-only-from-a-0be2f6cf = SendGrid sends only from a verified Sender Identity: verify the `From` address or its domain under Settings → Sender Authentication.
sendgrid-sends-only-from-a-c8fc64da = SendGrid sends only from a verified Sender Identity: verify the `setFrom()` address or its domain under Settings → Sender Authentication.
mailgun-sends-from-addresses-of-ba0bed7a = Mailgun sends from addresses of your verified sending domain: use one as `From`.
mailgun-sends-from-addresses-of-38c1bbc8 = Mailgun sends from addresses of your verified sending domain: use one as the `setFrom()` address.
postmark-use-your-server-api-681c5113 = Postmark: use your Server API Token as both `UserName` and `Password`.
postmark-use-your-server-api-d6fda7f3 = Postmark: use your Server API Token as both `Username` and `Password`.
postmark-sends-only-from-a-aa1507f0 = Postmark sends only from a confirmed Sender Signature or verified domain: use one as `From`.
postmark-sends-only-from-a-9ef116ea = Postmark sends only from a confirmed Sender Signature or verified domain: use one as the `setFrom()` address.
brevo-username-is-the-smtp-61deeb36 = Brevo: `UserName` is the SMTP login shown under SMTP & API, and `Password` is an SMTP key from the same page (not an API key or your account password).
brevo-username-is-the-smtp-d3088416 = Brevo: `Username` is the SMTP login shown under SMTP & API, and `Password` is an SMTP key from the same page (not an API key or your account password).
brevo-sends-only-from-a-e7ee4fca = Brevo sends only from a verified sender or domain: use one as `From`.
brevo-sends-only-from-a-0fe5ff38 = Brevo sends only from a verified sender or domain: use one as the `setFrom()` address.
mailjet-username-is-your-mailjet-be7768e2 = Mailjet: `UserName` is your Mailjet API key and `Password` its secret key (under Account settings → API keys), not your Mailjet login.
mailjet-username-is-your-mailjet-aa6c2842 = Mailjet: `Username` is your Mailjet API key and `Password` its secret key (under Account settings → API keys), not your Mailjet login.
mailjet-sends-only-from-a-2b02a254 = Mailjet sends only from a validated sender address or domain: validate the `From` address in Mailjet, or use one that is.
mailjet-sends-only-from-a-a4239645 = Mailjet sends only from a validated sender address or domain: validate the `setFrom()` address in Mailjet, or use one that is.
smtp2go-use-an-smtp-user-c2bc2bdb = SMTP2GO: use an SMTP user from your SMTP2GO account (Sending → SMTP Users) as `UserName` and its password as `Password`, not your SMTP2GO login.
smtp2go-use-an-smtp-user-b95c2e7b = SMTP2GO: use an SMTP user from your SMTP2GO account (Sending → SMTP Users) as `Username` and its password as `Password`, not your SMTP2GO login.
smtp2go-sends-only-from-verified-38d2716c = SMTP2GO sends only from verified senders (Sending → Verified Senders): use one as `From`.
smtp2go-sends-only-from-verified-4a413e26 = SMTP2GO sends only from verified senders (Sending → Verified Senders): use one as the `setFrom()` address.
provider-also-takes-mail-on-688364ca = { $provider } also takes mail on port `{ $port }`, which hosting companies and internet providers rarely block: change `port` to `{ $port }` and keep SSL switched on in code.
provider-also-takes-mail-on-2eb2c630 = { $provider } also takes mail on port `{ $port }`, which hosting companies and internet providers rarely block: change `Port` to `{ $port }` and keep `SecureSocketOptions` set to `StartTls`.
provider-also-takes-mail-on-d235639f = { $provider } also takes mail on port `{ $port }`, which hosting companies and internet providers rarely block: change `Port` to `{ $port }` and keep `SMTPSecure` set to `'tls'` (STARTTLS).
