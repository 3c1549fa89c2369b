# 日本語 (ja): Mail Settings Tester の画面とコマンドラインの文言。
# en.ftl から AI 翻訳者 (Claude) が製品のスタイルガイド (UX.md「How we talk」) に沿って
# メッセージごとに翻訳しました。です/ます調で、技術用語には短い説明を添えています。
# 確認方法: tests/i18n.rs の自動チェック (同じ id、同じ変数、すべてのメッセージが整形できること)
# と、用語の一貫性を確かめるための通読。
# 用語: sign in = サインイン、password = パスワード、app password = アプリ パスワード、
# server = サーバー、mail server = メールサーバー、secure/encrypted connection = 暗号化された接続、
# certificate = 証明書、mailbox = メールボックス、spam = 迷惑メール、receivers = 受信側のサーバー、
# keyring = キーリング、access token = アクセストークン、DNS record = DNS レコード。
# test again = もう一度テスト、send again = もう一度送信。英単語・変数と日本語の間には半角スペースを入れ、
# 画面のボタン名やラベルは「」で囲んで、そのボタン自身の訳と同じ言葉を使います。
# SMTP、STARTTLS、TLS などの技術用語、設定名、ファイル名、製品名、バッククォート内は英語のままです。

## src/arrive/dkim.rs

receivers-can-check-the-signature-79253611 = 受信側のサーバーは、{ $provider } がメッセージに付ける署名を確認できます。`{ $name }` は `{ $target }` を指しています。
receivers-can-check-the-signature-de564560 = 受信側のサーバーは、{ $provider } がメッセージに付ける署名を確認できます。`{ $name }` に鍵があります。
dkim-is-a-signature-the-803894e2 = DKIM は、送信サーバーがすべてのメッセージに付ける署名です。受信側のサーバーは、ドメインの DNS に公開された鍵と照らし合わせて確認します。
provider-signs-with-the-selectors-fc53fd77 = { $provider } はセレクター { $selectors } で署名していますが、そこに { $domain } の鍵が見つかりませんでした。そのため署名はあなたのドメインのものとして認められず、メールが迷惑メールに振り分けられやすくなります。
provider-signs-with-the-selector-a5266169 = { $provider } はセレクター { $selector } で署名していますが、そこに { $domain } の鍵が見つかりませんでした。そのため署名はあなたのドメインのものとして認められず、メールが迷惑メールに振り分けられやすくなります。
switch-on-dkim-for-domain-788c832b = { $provider }({ $place })で { $domain } の DKIM を有効にし、表示される { $record_type } レコードを追加してください (ほかのセレクターも同様です)。下のレコードはその形の例です。
switch-on-dkim-for-domain-929c2534 = { $provider }({ $place })で { $domain } の DKIM を有効にし、表示される { $record_type } レコードを追加してください。下のレコードはその形の例です。
domain-does-not-publish-provider-6ab37a2b = { $domain } は { $provider } の DKIM 鍵を公開していません
provider-s-dkim-key-is-4ce44b77 = { $provider } の DKIM 鍵が { $domain } に公開されています
dkim-not-checked-4291ed12 = DKIM は未確認
we-do-not-know-which-d85e6cbc = { $server } がどの DKIM セレクターで署名しているか分からないため、その鍵が { $domain } に公開されているか確認できませんでした。DKIM (受信側がドメインの DNS にある鍵と照らし合わせて確認する署名) でメールに署名しているか、どのレコードを追加すればよいかをプロバイダーに問い合わせてください。

## src/arrive/dmarc.rs

dmarc-tells-receivers-what-to-e721a5e3 = DMARC は、{ $domain } から送られたと名乗りながら、SPF にも DKIM にも合格しないメールをどう扱うかを受信側に伝えるものです。
its-policy-is-p-reject-ce967681 = ポリシーは `p=reject` です。このようなメールは拒否されます。
its-policy-is-p-quarantine-2a69dd62 = ポリシーは `p=quarantine` です。このようなメールは迷惑メールに入ります。
its-policy-is-p-none-01a9d2cb = ポリシーは `p=none` です。このようなメールは報告されるだけです。
domain-has-a-dmarc-policy-735612a7 = { $domain } には DMARC ポリシーがあります: { $policy }
dmarc-of-domain-will-reject-c398e1d1 = { $domain } の DMARC により、このメールは拒否されます
the-dmarc-policy-of-domain-35b9cbc4 = { $domain } の DMARC ポリシーは `p=reject` で、このサーバー経由では { $domain } について SPF も DKIM も合格しません。そのため受信側はウェブサイトからのメールを拒否します。
dmarc-of-domain-will-quarantine-6ef31cf6 = { $domain } の DMARC により、このメールは迷惑メールに隔離されます
the-dmarc-policy-of-domain-eabc6562 = { $domain } の DMARC ポリシーは `p=quarantine` で、このサーバー経由では { $domain } について SPF も DKIM も合格しません。そのため受信側はウェブサイトからのメールを迷惑メールに入れます。
fix-spf-or-dkim-first-42d5b01c = まず SPF か DKIM を直してください (上記参照)。すぐに直せない場合に限り、下のレコードでポリシーを `p=none` にゆるめてください。
domain-has-no-dmarc-record-49974c46 = { $domain } には DMARC レコードがありません
dmarc-is-a-dns-record-4d3d6942 = DMARC は、ドメインの SPF と DKIM のチェックに失敗したメールをどう扱うかを受信側に伝える DNS レコードです。Gmail と Yahoo は、大量のメールを送るすべてのドメインに公開を求めており、これがないドメインからのメールは信頼されにくくなります。下の TXT レコードを `{ $name }` に追加してください。`p=none` はメールの扱いを何も変えず、受信側にチェックを依頼するだけです。
the-dmarc-record-of-domain-98955b46 = { $domain } の DMARC レコードに誤りがあります
the-dmarc-record-at-name-da80e0f7 = `{ $name }` の DMARC レコードは `{ $record }` ですが、受信側が読み取れないため無視されます。下のレコードに置き換え、それをもとに調整してください。

## src/arrive/freemail.rs

provider-sends-its-own-addresses-879d096b = { $provider } は自社のアドレスのメールを自分で送ります
the-from-address-is-at-67fb0fdc = `from` アドレスは { $domain } のもので、メールは { $provider } 自身のサーバー ({ $host }) を通り、そこで { $domain } として署名されます。DNS に追加するものは何もありません。
a-domain-address-cannot-be-27101620 = { $domain } のアドレスは { $server } 経由では送れません
the-from-address-is-at-4eca8930 = `from` アドレスは { $provider } の { $domain } のものです。その DNS (あなたには変更できません) は、{ $provider } 自身のサーバーを通らなかった { $domain } からのメールを拒否するか捨てるよう、すべての受信側に伝えています。そのため { $server } 経由で送ったメールは Gmail、Yahoo、Outlook.com などに拒否されます。`from` を自分のドメインのアドレスにし、そのドメインの SPF と DKIM を { $server } 向けに設定してください。

## src/arrive/model.rs

likely-to-arrive-5f0e6d11 = 届く見込みです
likely-to-land-in-spam-a5ce4d7f = 迷惑メールに入る見込みです
will-be-rejected-by-gmail-6299af51 = Gmail などに拒否されます

## src/arrive/request.rs

given-is-not-an-email-d634334b = 「{ $given }」は、ドメインを確認できるメールアドレスではありません。--from site@example.com のように指定してください

## src/arrive/server.rs

your-mail-server-13d9fcfc = お使いのメールサーバー

## src/arrive/spf.rs

the-spf-record-needs-count-5dedf6d1 = SPF レコードに DNS の参照が { $count }回必要です。上限は10回です
receiving-servers-stop-checking-an-be2111cf = 受信サーバーは SPF レコードの確認を10回の参照で打ち切り (`include:`、`a`、`mx`、`ptr`、`exists`、`redirect=` がそれぞれ1回と数えられ、取り込んだレコードの中のものも数えます)、その時点でチェックを失敗として扱います。{ $domain } のレコードには { $count }回必要です。もう使っていないサービスの `include:` を削除するか、`a` と `mx` をそれが表す `ip4:` アドレスに置き換えてください。
a-look-up-timed-out-13157fc5 = 参照がタイムアウトしたか、DNS サーバーが失敗しました
the-spf-record-of-domain-67804a0e = { $domain } の SPF レコード (そのドメインのメールを送ってよいサーバーの一覧) は、{ $provider } の項目である `include:{ $include }` を通じて { $server } を含んでいます。そのため受信側は、このサーバーがあなたの代わりに送ってよいと判断できます。
the-spf-record-of-domain-0b5c4f92 = { $domain } の SPF レコード (そのドメインのメールを送ってよいサーバーの一覧) は { $server } を含んでいます。そのため受信側は、このサーバーがあなたの代わりに送ってよいと判断できます。
spf-allows-server-to-send-8afd0a77 = SPF は { $server } が { $domain } のメールを送ることを許可しています
domain-has-no-spf-record-1cb5b594 = { $domain } には SPF レコードがありません
an-spf-record-is-a-cb1c9d74 = SPF レコードは、ドメインの DNS にある 1 行で、そのドメインのメールを送ってよいサーバーを一覧にしたものです。{ $domain } にはこれがないため、Gmail や Outlook.com などはウェブサイトからのメールを偽物と区別できず、迷惑メールに入れるか拒否します。下の TXT レコードを DNS ホスト (ドメインの DNS を管理している所) で追加してください。
domain-has-count-spf-records-07a9b800 = { $domain } には SPF レコードが { $count }個あります。1つだけにする必要があります
domain-publishes-count-txt-records-74c3917b = { $domain } は `v=spf1` で始まる TXT レコードを { $count }個公開しています。受信側はこれをエラーとして扱い、どのサーバーについても SPF チェックが失敗します。すべて削除し、それらの項目をすべて含む下のレコード 1 つを追加してください。
it-includes-include-which-has-336f9a8d = `{ $include }` を取り込んでいますが、そこには有効な SPF レコードが 1 つもない (または複数ある) ため、チェックはエラーになります。その項目を削除するか、名前を正しくしてください。
receivers-cannot-read-it-a-63ea1f19 = 受信側が読み取れない (項目のつづり誤り、余分な文字、スペースの抜けなど) ため、チェックはエラーになります。下のレコードに置き換え、ほかにメールを送っているサービスがあれば追加し直してください。
the-spf-record-of-domain-22ad1250 = { $domain } の SPF レコードは `{ $record }` です。
the-spf-record-of-domain-20d2dd14 = { $domain } の SPF レコードに誤りがあります
spf-does-not-allow-server-e96b146c = SPF は { $server } が { $domain } のメールを送ることを許可していません
the-spf-record-of-domain-ae180452 = { $domain } の SPF レコードはメールを送ってよいサーバーを一覧にしたものですが、{ $server } は含まれていません。そのため受信側は、ウェブサイトからのメールを偽物かもしれないと見なします。レコードを下のものに変更してください。`{ $terms }` を追加し、ほかはすべてそのままです。

## src/arrive/texts.rs

could-not-look-up-the-20e612c3 = { $domain } の SPF レコードを参照できませんでした
the-dns-look-up-of-5603d802 = { $domain } の SPF レコードの DNS 参照に応答がありませんでした ({ $why })。そのため、このチェックは不完全です。
could-not-look-up-the-994cde94 = { $domain } の SPF チェックを参照できませんでした
the-dns-look-up-of-d0fe910b = { $domain } の SPF チェックの DNS 参照に応答がありませんでした ({ $why })。そのため、このチェックは不完全です。
could-not-look-up-the-453faaab = DMARC レコード { $name } を参照できませんでした
the-dns-look-up-of-89d9c052 = DMARC レコード { $name } の DNS 参照に応答がありませんでした ({ $why })。そのため、このチェックは不完全です。
could-not-look-up-the-aeefb05d = { $host } のアドレスを参照できませんでした
the-dns-look-up-of-0d90da28 = { $host } のアドレスの DNS 参照に応答がありませんでした ({ $why })。そのため、このチェックは不完全です。
try-again-in-a-minute-9c32e930 = 1分ほどしてからもう一度試すか、--dns-server で別の DNS サーバーを指定してください (例: --dns-server 1.1.1.1:53)。
host-has-no-address-in-871405a2 = { $host } には DNS にアドレスがありません
the-mail-server-host-has-ebe00387 = メールサーバー { $host } には DNS にアドレスがないため、SPF レコードがこのサーバーからの送信を許可しているか確認できませんでした。`host` のつづりを確認してください。

## src/certificate.rs

rsa-bits-bits-23280151 = RSA { $bits } ビット
ec-bits-bits-fe055061 = EC { $bits } ビット
other-algorithm-06e3c735 = その他 ({ $algorithm })

## src/checklist.rs

working-2d8933f4 = 実行中…
waiting-eeda06a8 = 待機中
not-reached-5ea156cc = 未到達
skipped-022ec9b7 = スキップ
stopped-here-8940b99c = ここで停止

## src/cli/confirm.rs

y-n-57127fdb = [y/N]
yes-4e9f3590 = yes

## src/cli/dns_check_cmd.rs

will-mail-from-domain-through-87a4a5b9 = { $domain } からのメールは { $host } 経由で届きますか?
will-mail-from-domain-arrive-00b99798 = { $domain } からのメールは届きますか?
name-2de5e154 = 名前:
type-38e11e55 = 種類:
value-6b47a2d0 = 値:
add-this-dns-record-a930def2 = この DNS レコードを追加してください:
verdict-verdict-0f0534c1 = 判定: { $verdict }
note-note-edb4a61f = 注: { $note }

## src/cli/help.rs

usage-740f2048 = 使い方
arguments-a33c193f = 引数
options-353e0d45 = オプション
commands-971550f3 = コマンド
possible-values-bc143884 = 指定できる値
default-933b5bde = 既定
possible-values-a2c8a064 = 指定できる値

## src/cli/inbox_cmd.rs

mailbox-password-631a3f6c = メールボックスのパスワード
the-environment-variable-var-is-f51718d6 = 環境変数 { $var } が設定されていません (または有効なテキストではありません)。メールボックスのパスワードを設定してください
the-server-gave-the-message-9ecaf4ed = サーバーがメッセージに Message-ID を付けなかったため、探すことができません
could-not-read-the-ca-66ac5a07 = --ca-file { $path } を読み込めませんでした: { $err }
looking-for-the-message-in-88a27f59 = { $mailbox } でメッセージを探しています (最大 { $seconds }秒)…
the-mailbox-password-was-not-7b1224ac = メールボックスのパスワードはキーリングに保存されませんでした。チェックがサインインの成功まで進まなかったためです。
no-password-for-the-mailbox-0abb5363 = メールボックス { $mailbox } のパスワードがありません。--inbox-password-stdin または --inbox-password-env VAR で渡すか、{ $account } としてキーリングに保存してください
did-it-land-mailbox-c25c5dff = 届きましたか? { $mailbox }

## src/cli/json.rs

could-not-write-json-err-c9dd0283 = JSON を書き込めませんでした: { $err }

## src/cli/mod.rs

stopping-the-test-ctrl-c-18158df4 = テストを止めています… (もう一度 Ctrl-C を押すとすぐに終了します)
the-checks-after-sending-check-eea128bf = 送信後のチェック (--check-dns、--check-inbox) は、メッセージが送信できた場合にのみ実行されます。
could-not-read-standard-input-6cb61c3b = 標準入力を読み込めませんでした: { $err }
give-the-error-text-to-2a747ea0 = 説明するエラーの文を指定するか、- を使ってパイプで渡してください

## src/cli/oauth_cmd.rs

signed-out-the-sign-in-920ac642 = サインアウトしました。{ $mailbox } のサインイン情報は保存されなくなりました。
no-sign-in-of-mailbox-c1033f07 = このアプリには { $mailbox } のサインイン情報は保存されていませんでした。
signed-in-as-who-with-0789c27a = { $provider } で { $who } としてサインインしました (システムのキーリングに保存済み)。
a-new-access-token-was-03874317 = 新しいアクセストークンが発行されました。有効期間は { $minutes }分です。
a-new-access-token-was-505fd341 = 新しいアクセストークンが発行されました。
not-signed-in-no-sign-b24f4b10 = サインインしていません。このアプリには { $mailbox } のサインイン情報は保存されていません。`{ $command }` でサインインできます。
the-kept-sign-in-of-41c1d286 = 保存されている { $mailbox } のサインイン情報が使えなくなりました: { $error }。もう一度サインインしてください。

## src/cli/output.rs

testing-host-port-with-security-bc3dfc06 = { $host }:{ $port } を { $security } でテストしています (ASP.NET (System.Net.Mail) と同じ方法)。
testing-host-port-with-security-fa0d57de = { $host }:{ $port } を { $security } でテストしています (一般的なメールプログラムと同じ方法)。
these-settings-need-attention-before-a42c8b40 = テストを実行する前に、次の設定を確認する必要があります:
error-21918751 = エラー
warning-792112ef = 警告
note-919a0c3d = 注
warning-summary-cb2694b9 = 警告: { $summary }
ways-out-315d2fe1 = 解決方法:
checklist-7164074f = チェックリスト:
only-partly-the-server-accepted-8a4abcce = 一部のみ成功: サーバーは { $recipient } (サーバー自身のメールボックス) 宛てのテストメッセージを受け付けましたが、サインインなしでは外部のアドレスへの送信を拒否します。
success-the-server-accepted-the-2b96e5a9 = 成功: サーバーは { $recipient } 宛てのテストメッセージを受け付けました。
warning-the-password-crossed-the-ae191d12 = 警告: パスワードが暗号化されずにネットワークを通りました (このテストではあなたが許可しました)。ウェブサイトが同じことをしないよう、enableSsl を true にしてください。
warning-the-certificate-is-not-676d1a93 = 警告: 証明書は有効ではありません ({ $problem })。ウェブサイトは証明書を確認するため、失敗します。
paste-this-into-your-web-97160651 = これを web.config の <configuration> の中に貼り付けてください:
for-platform-967bcad1 = { $platform } の場合:
other-platforms-command-the-same-69f99f14 = その他のプラットフォーム: { $command } (設定のフラグは同じです。--format all ですべてを表示します)
problem-summary-7ede7f64 = 問題: { $summary }
what-to-do-8cbc7e25 = 対処方法:
suggested-change-run-again-with-91377baf = 変更の提案 ({ $flags } を付けてもう一度実行してください):
the-server-said-reply-de77b5c4 = サーバーの応答: { $reply }
preset-70ea81de = プリセット
host-edf03e2f = ホスト
port-24fff026 = ポート
your-host-b2942d15 = (お使いのホスト)
not-usable-from-asp-net-eb3e1b53 = ASP.NET (System.Net.Mail) からは使えません。

## src/cli/probe_cmd.rs

stopping-ctrl-c-again-quits-252995ab = 停止しています… (もう一度 Ctrl-C を押すとすぐに終了します)

## src/cli/probe_output.rs

looking-for-the-outgoing-mail-812c6ba5 = ASP.NET のウェブサイト (System.Net.Mail) 向けに、{ $email } の送信メールサーバーを探しています。
looking-for-the-outgoing-mail-577f55c6 = メールプログラム向けに、{ $email } の送信メールサーバーを探しています。
looking-for-what-host-offers-8dc74ce8 = ASP.NET のウェブサイト (System.Net.Mail) 向けに、{ $host } が提供している機能を調べています。
looking-for-what-host-offers-18e74dbb = メールプログラム向けに、{ $host } が提供している機能を調べています。
each-try-stops-after-the-09a8b128 = 各試行はサーバーの最初のあいさつで止めます。メッセージもパスワードも送りません。
trying-1-server-name-names-bb4dd271 = 1つのサーバー名を試しています: { $names }
trying-count-server-names-names-dc28bd1c = { $count }個のサーバー名を試しています: { $names }
use-these-settings-in-your-104f0487 = ウェブサイトで次の設定を使ってください:
why-why-99fef765 = 理由: { $why }
in-web-config-line-89ad6d8c = web.config では: { $line }
no-settings-to-recommend-3a0b504c = おすすめできる設定はありません。
from-this-computer-to-host-ae426e27 = このコンピューターから { $host } へ: { $ports }。
done-in-time-cancelled-5bc6fe41 = { $time } で完了 (キャンセル)。
done-in-time-5fb638b3 = { $time } で完了。
everything-tried-best-first-e41cbf92 = 試したすべての結果 (よい順):
server-40ac3dd2 = サーバー
security-c92cc9bb = セキュリティ
reachable-70756d30 = 接続可
sign-in-281c1798 = サインイン
cert-4cb0e403 = 証明書
time-5d3c9be4 = 時間
why-18f40e39 = 理由
names-that-do-not-exist-a4ffda74 = (存在しない名前はそれ以上試していません)
plain-d3be3f67 = 暗号化なし
ssl-on-connect-dbeb3514 = 接続時に SSL
trusted-dd092c3c = 信頼済み
untrusted-3c0e3839 = 信頼されていない
expired-338eb632 = 期限切れ
wrong-name-475d1629 = 名前が違う
invalid-cbd1f530 = 無効

## src/cli/profile_cmd.rs

renamed-profile-old-to-new-edd00652 = プロファイル「{ $old }」の名前を「{ $new }」に変更しました。
no-profiles-yet-save-one-78e104ee = プロファイルはまだありません。次のコマンドで保存できます: { $command }
no-sign-in-740a2bca = (サインインなし)
profile-name-path-da76cc87 = プロファイル「{ $name }」({ $path })
not-needed-no-sign-in-16416f92 = 不要 (サインインなし)
saved-in-the-keyring-471fe699 = キーリングに保存済み
not-saved-give-it-with-eb4324db = 保存されていません (--password-stdin または --password-env で渡してください。--save-password を付けるとキーリングに保存されます)
unknown-the-keyring-could-not-90752bb4 = 不明: キーリングを読み込めませんでした
test-it-command-7eff2131 = テストする: { $command }
timeouts-3411c421 = タイムアウト
connect-connect-s-greeting-greeting-1f5ae1d3 = 接続 { $connect }秒、あいさつ { $greeting }秒、コマンド { $command }秒
accept-invalid-certs-42e8fc91 = 無効な証明書を受け入れる
ca-file-3a8117e5 = CA ファイル
save-password-needs-the-password-ea8d182a = --save-password にはパスワードが必要です。--password-stdin または --password-env VAR で渡してください
the-old-profiles-file-could-c287bcd2 = 以前のプロファイルファイルを読み込めなかったため、別の場所に移しました (何も失われていません): { $path }
replaced-profile-name-in-path-07131cc2 = { $path } のプロファイル「{ $name }」を置き換えました (パスワードは含まれていません)。
saved-profile-name-in-path-dfc46583 = プロファイル「{ $name }」を { $path } に保存しました (パスワードは含まれていません)。
the-password-was-not-kept-0ab7efbb = パスワードは保存されませんでした (システムのキーリングに保存するには --save-password を付けてください)。
these-settings-do-not-sign-e4955288 = この設定はユーザー名でサインインしないため、保存するパスワードはありません。
deleted-profile-name-4882e1e8 = プロファイル「{ $name }」を削除しました。
a-password-saved-for-it-18a62b71 = 保存されたパスワードはキーリングに残ります (同じアカウントのほかのプロファイルも使うためです)。`profile delete --forget-password` を使うとパスワードも削除します。
profile-name-does-not-sign-2e551ed4 = プロファイル「{ $name }」はユーザー名でサインインしないため、削除するパスワードはありません。
remove-all-count-profiles-and-462289c2 = { $count }個のプロファイルすべてと、Mail Settings Tester がキーリングに保存したすべてのパスワードを削除しますか?
nothing-was-removed-run-again-6988196d = 何も削除しませんでした。すべてのプロファイルと保存されたパスワードを削除するには、--yes を付けてもう一度実行してください。
removed-profiles-profile-s-and-06660efb = { $profiles }個のプロファイルと { $passwords }個の保存されたパスワードを削除しました。
removed-the-saved-password-for-19fd2f90 = { $account } の保存されたパスワードをキーリングから削除しました。
no-password-was-saved-in-2a90a5e4 = { $account } のパスワードはキーリングに保存されていませんでした。
saved-the-password-for-account-69032fc6 = { $account } のパスワードをシステムのキーリングに保存しました。

## src/cli/profile_keyring.rs

no-password-is-saved-in-7fd8f14a = { $account } のパスワードはキーリングに保存されていません。--password-stdin または --password-env VAR で渡してください (保存するには --save-password を付けます)。
the-password-is-needed-pass-dc38d6e7 = パスワードが必要です。--password-stdin または --password-env VAR で渡してください。
using-the-password-saved-in-447fc673 = キーリングに保存された { $account } のパスワードを使います。
these-settings-do-not-sign-d7b82868 = この設定はユーザー名でサインインしないため、保存するパスワードはありません。
the-password-was-not-saved-4521489f = サーバーがサインインを拒否したため、パスワードはキーリングに保存されませんでした。

## src/cli/report_file.rs

the-support-report-was-not-74159c71 = サポート用レポートは書き込まれませんでした: { $message }
support-report-written-to-path-f13a3c47 = サポート用レポートを { $path } に書き込みました
could-not-write-the-support-ab51dfc3 = サポート用レポートを書き込めませんでした ({ $err }): { $path }
path-is-not-a-file-42c39be8 = { $path } はファイルではありません
path-already-exists-and-is-b1dfc304 = { $path } はすでに存在し、このテスターのレポートではありません。別のファイル名を選んでください

## src/cli/resolve.rs

user-needs-a-password-pass-c94ada2d = --user にはパスワードが必要です。--password-stdin または --password-env VAR で渡してください (引数としては渡さないでください)
there-is-no-profile-named-25a91d5a = 「{ $name }」という名前のプロファイルはありません。`mailtester profile list` で保存済みのものを表示できます
there-is-no-preset-name-fa72f4e1 = プリセット「{ $name }」はありません。次から選んでください: { $names }
password-2cc30838 = パスワード
the-environment-variable-var-is-e7426592 = 環境変数 { $var } が設定されていません (または有効なテキストではありません)。パスワードを設定してください
prompt-input-is-not-hidden-841279c7 = { $prompt } (入力は隠されません。パイプの使用をおすすめします):
could-not-read-the-password-120dc4df = 標準入力からパスワードを読み込めませんでした: { $err }
flag-was-given-but-standard-0e415ce1 = { $flag } が指定されましたが、標準入力にそのための行がありませんでした

## src/cli/say.rs

error-message-7fcc1b86 = エラー: { $message }
warning-message-8341c1cc = 警告: { $message }
note-message-e2a00142 = 注: { $message }

## src/cli/scan_cmd.rs

found-sites-with-mail-settings-ca740722 = メール設定のある { $sites } が見つかりました。使用先は { $servers } です (--offline: どこにも接続しません)。
found-sites-with-mail-settings-0472bdeb = メール設定のある { $sites } が見つかりました。使用先は { $servers } です。
contacted-done-of-total-servers-38b87ee1 = { $done } / { $total }台のサーバーに接続しました…
t-1-mail-server-5cc20956 = 1台のメールサーバー
count-mail-servers-fdac7a27 = { $count }台のメールサーバー
the-csv-could-not-be-4fc3b8b7 = CSV を作成できませんでした: { $err }
csv-written-to-path-b9b19256 = CSV を { $path } に書き込みました
html-page-written-to-path-604f2e2a = HTML ページを { $path } に書き込みました
could-not-write-the-csv-39267b1e = CSV を書き込めませんでした ({ $err }): { $path }。書き込み可能なフォルダーを選んでください。
could-not-write-the-html-8d232522 = HTML ページを書き込めませんでした ({ $err }): { $path }。書き込み可能なフォルダーを選んでください。

## src/cli/scan_output.rs

t-1-site-c22fc96f = 1つのサイト
count-sites-a9a5308c = { $count }個のサイト
no-server-to-contact-sites-92fa060f = 接続するサーバーなし ({ $sites })
skipped-count-ff812831 = スキップ ({ $count }):
summary-files-files-read-in-304f342d = { $summary }。{ $files }個のファイルを { $seconds }秒で読み込みました。
no-site-with-mail-settings-eb55820e = メール設定のあるサイトは見つかりませんでした。サイトが入っているフォルダー (例: C:\inetpub\vhosts や /var/www) を指定してスキャンするか、--iis-config を指定してください。
server-sites-broken-broken-at-9406a0b2 = { $server }: { $sites } (送信不可 { $broken }、要注意 { $at_risk }、不明 { $unknown }、OK { $ok })
did-not-answer-problem-bda68194 = 応答なし: { $problem }
tls-on-connect-2f402ce9 = 接続時に TLS
offers-starttls-089863af = STARTTLS あり
no-starttls-3f327a1f = STARTTLS なし
no-sign-in-before-encryption-36031e69 = 暗号化前のサインインなし
sign-in-before-encryption-methods-99e7b9c2 = 暗号化前のサインイン: { $methods }
no-sign-in-after-encryption-47a4a654 = 暗号化後のサインインなし
sign-in-after-encryption-methods-ee54907f = 暗号化後のサインイン: { $methods }
certificate-certificate-c4f98173 = 証明書 { $certificate }
broken-0d935360 = 送信不可
at-risk-5412ef9b = 要注意
unknown-69b80b99 = 不明
ok-85e4b82f = OK
fix-fix-e4c99121 = 修正: { $fix }
apply-it-command-969d0163 = 適用する: { $command }

## src/cli/stdin_text.rs

the-input-is-broken-utf-d21f7acb = 入力は壊れた UTF-16 です。UTF-8 または UTF-16 のテキストとして保存し、もう一度試してください
the-input-is-not-utf-eee33dd4 = 入力は UTF-8 のテキストではありません (おそらく古い Windows の文字コードです)。UTF-8 または UTF-16 のテキストとして保存し、もう一度試してください
the-line-is-not-utf-c971d459 = この行は UTF-8 のテキストではありません。UTF-8 または UTF-16 のテキストとして保存し、もう一度試してください

## src/cli/webconfig_cmd.rs

mail-settings-in-path-bea8d53b = { $path } のメール設定:
not-set-a541b773 = (未設定)
not-set-no-sign-in-d89f1f29 = (未設定: サインインなし)
not-set-the-web-server-05e903ce = (未設定: ウェブサーバーの名前)
set-not-shown-8e04618e = (設定済み、非表示)
not-true-or-false-see-4912fbf6 = (true でも false でもありません: 下のエラーを参照)
not-stated-bd15bde6 = (記載なし)
test-them-46dd20dd = テストする:
nothing-to-change-the-file-65d4a0db = 変更はありません。ファイルにはすでにこの設定があります: { $path }
dry-run-nothing-was-written-83e7f00e = ドライラン: 何も書き込んでいません。
updated-path-37738ea1 = { $path } を更新しました。
the-old-file-is-saved-795e6599 = 元のファイルは { $path } として保存されています。
still-to-fix-by-hand-087d2c93 = 手作業で直す必要があるもの:
these-settings-cannot-be-written-c9942416 = 次の設定は、直すまで書き込めません:
write-these-changes-to-path-5f106860 = この変更を { $path } に書き込みますか? 先にバックアップが作成されます。
nothing-was-written-run-again-e048ac0a = 何も書き込んでいません。この変更を書き込むには、--yes を付けてもう一度実行してください。
nothing-was-written-317a5b5a = 何も書き込んでいません。
no-problems-found-808793a4 = 問題は見つかりませんでした。
t-1-error-cd417dc2 = エラー 1件
count-errors-7af566cb = エラー { $count }件
t-1-warning-f1c7ab28 = 警告 1件
count-warnings-6efe9689 = 警告 { $count }件
t-1-note-4430d8c0 = 注 1件
count-notes-a90e79f1 = 注 { $count }件
findings-errors-warnings-notes-16ee245c = 結果: { $errors }、{ $warnings }、{ $notes }
error-df22b531 = エラー
line-line-code-8334a308 = { $line }行目、{ $code }

## src/credentials/error.rs

there-is-no-keyring-on-7e9019d6 = このコンピューターには Mail Settings Tester が使えるキーリングがありません ({ $keyring })。そのため、パスワードを保存したり読み込んだりできません。パスワードはこのセッションでのみ使われます。{ $advice } (詳細: { $detail })
your-keyring-keyring-is-locked-b5a4c68b = キーリング ({ $keyring }) がロックされているため、パスワードを保存または読み込みできませんでした。パスワードはこのセッションでのみ使われます。キーリングのロックを解除して (デスクトップにもう一度サインインするか、キーリングのアプリで解除します)、もう一度試してください。(詳細: { $detail })
your-keyring-keyring-did-not-76142675 = キーリング ({ $keyring }) が Mail Settings Tester によるこのパスワードの使用を許可しませんでした。パスワードはこのセッションでのみ使われます。キーリングに尋ねられたら (またはその設定で) アクセスを許可し、もう一度試してください。(詳細: { $detail })
your-keyring-keyring-could-not-daf77fe7 = キーリング ({ $keyring }) がパスワードを保存または読み込みできませんでした。パスワードはこのセッションでのみ使われます。もう一度試し、それでも失敗する場合は毎回パスワードを入力してください。(詳細: { $detail })
the-what-is-too-long-1ec59e0a = { $what } がキーリングには長すぎるため ({ $keyring } は最大 { $limit }バイトまで)、保存できませんでした。パスワードはこのセッションでのみ使われます。毎回入力してください。
there-is-no-password-to-fcd23170 = 保存するパスワードがありません。先にパスワードを入力してから保存してください。
user-name-a59136f5 = ユーザー名
password-364b5f18 = パスワード
no-keyring-store-is-set-ae980b57 = キーリングの保存先が設定されていません
no-saved-password-de7667ce = 保存されたパスワードはありません
the-saved-password-is-not-caf48e59 = 保存されたパスワードが読み取れるテキストではありません。もう一度保存してください
count-saved-passwords-match-this-15464f8a = このアカウントに一致する保存済みパスワードが { $count }個あります。キーリングのアプリで余分なものを削除してください

## src/credentials/platform.rs

the-secret-service-e-g-882f6c95 = Secret Service (GNOME Keyring、KWallet など)
the-macos-keychain-8faf0187 = macOS のキーチェーン
the-windows-credential-manager-fb0531ad = Windows の資格情報マネージャー
none-is-supported-on-this-ee2f389d = このシステムで対応しているものはありません
to-remember-passwords-run-the-5f3b84d2 = パスワードを記憶させるには、キーリング (GNOME Keyring または KWallet) が動いているデスクトップ セッションでテスターを実行し、もう一度試してください。
to-remember-passwords-run-the-6d45ebaa = パスワードを記憶させるには、自分でサインインしたデスクトップ セッションでテスターを実行し、もう一度試してください。

## src/diagnosis/aspnet/mod.rs

if-your-site-sends-with-f777e641 = サイトが SmtpClient (System.Net.Mail) で送信している場合、エラーログには次のように記録されます
your-website-s-error-log-f87ec5b8 = ウェブサイトのエラーログには次のように記録されます

## src/diagnosis/classify.rs

microsoft-365-has-smtp-sign-7bc38d83 = Microsoft 365 で、このメールボックスの SMTP サインインがオフになっています
microsoft-365-lets-administrators-switch-9108f35f = Microsoft 365 では管理者が「Authenticated SMTP」(プログラムがメール送信のためにサインインする方法) をオフにでき、このメールボックスではオフになっています。そのため、正しいパスワードでも拒否されます。
ask-your-microsoft-365-administrator-c54e0072 = Microsoft 365 の管理者に、このメールボックスの「Authenticated SMTP」をオンにするよう依頼してください (管理センター → Users (ユーザー) → Active users (アクティブなユーザー) → 対象のユーザー → Mail (メール) → Manage email apps (メール アプリの管理))。
microsoft-365-has-smtp-sign-360e5a0b = Microsoft 365 で、組織の SMTP サインインがオフになっています。管理者がオンにできます
yahoo-and-aol-refuse-the-709f08a8 = Yahoo と AOL は、メールプログラムからの通常のアカウントのパスワードを受け付けません。また、何度か拒否されると、しばらくサインインを一時停止します。
wait-about-an-hour-before-d6d59691 = 一時停止が解けるよう、1時間ほど待ってからもう一度テストしてください。
gmail-refused-the-user-name-15d09805 = Gmail がユーザー名とパスワードを拒否しました。Gmail は、ウェブサイトのようなメールプログラムからはアプリ パスワード (プログラム専用に作る別のパスワード) しか受け付けません。個人アカウントでは2022年5月から、Google Workspace アカウントでは2024年9月からです。すでに使っているアプリ パスワードは、入力ミスがあるか、取り消された可能性があります。
here-the-block-comes-from-536cc146 = この場合、ブロックは組織の「セキュリティの既定値群」(Microsoft の標準的なサインイン保護) によるものです。
verify-the-from-address-or-31a6261b = 送信サービスの管理画面で、`from` アドレス (またはそのドメイン全体) を確認 (認証) してください。
the-server-refuses-the-old-cabda9d1 = サーバーが、このプログラムの使う古い暗号化のバージョンを拒否しています
the-program-offered-tls-1-5b1ec346 = プログラムは TLS 1.0 または 1.1 (接続を守る暗号化の古いバージョン) を提示しましたが、サーバーは TLS 1.2 以降しか受け付けません。
make-sure-the-website-runs-a3175796 = ウェブサイトが .NET Framework 4.7 以降で動いていることを確認してください。これなら Windows が提供する最新の暗号化を使います。
for-an-older-website-ask-fd2f3186 = 古いウェブサイトの場合は、開発者に TLS 1.2 を有効にしてもらい (ServicePointManager.SecurityProtocol)、それを追加する Windows Update をインストールしてください。
test-again-after-the-change-c6691a26 = 変更したら、もう一度テストしてください。
the-server-s-encryption-is-e48e53e2 = サーバーの暗号化が現在動いていません
the-server-offers-encryption-but-4969b44a = サーバーは暗号化を提供していますが、サーバー側の問題で開始できませんでした (多くの場合、証明書 (サーバーの身元を証明するもの) がないか壊れています)。
wait-a-few-minutes-and-763995a7 = 数分待ってから、もう一度テストしてください。
if-it-persists-tell-your-5398e48d = それでも続く場合は、サーバーの応答を添えてメールプロバイダーに伝えてください。直せるのはプロバイダーだけです。
keep-enablessl-set-to-true-2c3e3edb = `enableSsl` は `true` のままにしてください。暗号化しないと、パスワードが読める状態でネットワークを通ってしまいます。
provider-needs-an-app-password-8404df24 = { $provider } では、通常のパスワードではなくアプリ パスワードが必要です
test-again-5d322c29 = もう一度テストしてください。

## src/diagnosis/explain/dotnet_log.rs

your-website-s-log-quotes-45d21fe9 = ウェブサイトのログには、サーバーの拒否の最初の行 (サーバー名が書かれた行) しか記録されません。理由はその後の行にあります。ここでテストを実行すると確認できます。

## src/diagnosis/explain.rs

codes-that-start-with-4-34e1b6b7 = 4で始まるコードは「あとでもう一度試してください」という意味です。何度も起きる場合は、応答の文面が理由なので、それをメールプロバイダーに送ってください。
codes-that-start-with-5-eea7edf5 = 5で始まるコードは、サーバーがこのままでは受け付けないという意味です。コードの後の文面がその理由です。
we-don-t-recognise-this-9ef5f9c1 = このサーバーの応答は認識できません
the-server-answered-with-a-be6938c6 = サーバーの応答は、まだ説明を用意していないものでした。

## src/diagnosis/mod.rs

even-so-this-test-message-84be81e9 = それでも、このテストメッセージは送信されました。拒否の後 ASP.NET はサインインせずに送信し、このサーバーは自分のメールボックス宛てのメールならそれを受け付けるためです。ほかのアドレス (お客様) 宛てのメールは、サインインが成功するまで拒否されます。また、このメッセージについてはウェブサイトのログにエラーは記録されません。

## src/diagnosis/outcome/auth.rs

this-server-offers-starttls-encryption-7bc26440 = このサーバーは STARTTLS (暗号化) を提供しているので、設定を1つ変えれば直ります。
this-server-offers-no-encryption-696f82ef = このサーバーは、このポートで暗号化を提供していません。
ask-your-mail-provider-for-c9b3f2af = 暗号化を提供しているポート (通常は STARTTLS の `587`) をメールプロバイダーに確認し、それを使ってください。
the-server-offers-sign-in-811c9099 = このサーバーは、STARTTLS (メールサーバーが暗号化された接続に切り替える方法) で接続が暗号化された後にしかサインインを提供しません。そのため、パスワードを守るためにサインインを隠していました。web.config では `enableSsl="true"` で STARTTLS がオンになります。
no-sign-in-method-7ae1fdbe = サインイン方法なし
this-server-offers-list-and-b1185126 = このサーバーが提供しているのは { $list } ですが、{ $target } はそのどれも使えません (ASP.NET のメール送信機能が扱えるのは LOGIN、NTLM、Digest、Negotiate だけです)。同じ設定でもほかのプログラムでは使えることがありますが、ウェブサイトからは失敗します。
xoauth2-and-oauthbearer-mean-oauth-f5583b2e = XOAUTH2 と OAUTHBEARER は OAuth (プロバイダー自身のページでサインインする方法) を意味します。
this-server-does-not-understand-22cf71da = このサーバーは ASP.NET のサインイン方法を理解しません
asp-net-sends-the-user-20a7823c = ASP.NET は、サインインのコマンド (AUTH LOGIN) と一緒にユーザー名を送り、その後にパスワードを送ります。このサーバーはユーザー名を無視し、パスワードの後にもう一度ユーザー名を求めました。そのため、パスワードが何であっても、ウェブサイトからのサインインは完了しません。
ask-your-mail-provider-whether-52f1f934 = サーバーが初期応答付きの AUTH LOGIN (RFC 4954) を受け付けられるか、または送信に使える別のサーバー名があるかを、メールプロバイダーに確認してください。
or-send-through-another-mail-017a8669 = または、別のメールサービス (ホスティング会社のもの、または SendGrid や Mailgun などの送信サービス) 経由で送信してください。
this-server-refuses-the-way-1d470d15 = このサーバーは ASP.NET のサインイン方法を拒否しています
the-server-offers-login-sign-8c041507 = サーバーは ASP.NET が使う LOGIN サインインを提供していますが、ASP.NET が送る形 (コマンドとユーザー名を1行で送る形:「AUTH login …」) では拒否しました。パスワードを確認する前に「{ $reply }」と応答しています。ユーザー名を別の行で送るプログラム (PHPMailer、MailKit、Outlook) はこのサーバーにサインインできますが、ウェブサイトはパスワードが何であってもサインインできません。
ask-your-mail-provider-whether-8485148d = サーバーがユーザー名を同じ行に書いた AUTH LOGIN (「初期応答」、RFC 4954) を受け付けられるか、または送信に使える別のサーバー名があるかを、メールプロバイダーに確認してください。
or-ask-your-developer-to-59a0f742 = または、もう一方の方法でサインインする MailKit で送信するよう開発者に依頼してください。

## src/diagnosis/outcome/connection.rs

the-mail-server-s-name-abb8de91 = メールサーバーの名前「{ $host }」が見つかりませんでした
host-has-no-dot-in-a25384f0 = `host` にドットが含まれていません。メールサーバーの名前は `smtp.example.com` のような形です。プロバイダーの説明と照らし合わせてください。
the-connection-went-to-address-039eccb9 = 接続先は { $address } でした。
port-port-is-unusual-for-e9e416e2 = ポート { $port } はメール送信には珍しいポートです。ほとんどのプロバイダーは `587` を使います。
we-waited-secs-seconds-for-18544b73 = { $address } を { $secs }秒待ちました。
port-25-is-commonly-blocked-bf227656 = ポート 25 は、迷惑メール対策のためにホスティング会社やインターネット プロバイダーがよくブロックしているので、接続しても応答がないことがよくあります。
this-computer-could-not-reach-082acb74 = このコンピューターからメールサーバーに接続できませんでした
the-system-reported-detail-16c5517e = システムの報告:「{ $detail }」。
check-that-this-computer-is-05bf2936 = このコンピューターがインターネットに接続されていることを確認してから、もう一度テストしてください。
the-server-said-nothing-for-c2aad1c2 = サーバーは { $secs }秒間何も応答せず、最初から暗号化して始めた2回目の試行にも応答がありませんでした。
this-port-expects-encryption-from-e1538362 = このポートは最初の1バイト目から暗号化を求めます (「接続時に SSL」、ポート 465 で一般的)。そのため、サーバーは暗号化を待ち、プログラムはあいさつを待つ状態になります。ASP.NET のメール送信機能は接続時の SSL に対応していないため、ウェブサイトはこのように100秒間 (既定のタイムアウト。テストは独自の制限で停止しました) 待ってから「The operation has timed out」で失敗します。
this-port-expects-encryption-from-52a4c1c1 = このポートは最初の1バイト目から暗号化を求めます (「接続時に SSL」) が、テストは暗号化なしで始めたため、お互いに相手を待っていました。
choose-ssl-on-connect-for-89a131f0 = このポートでは「接続時に SSL」を選んでください (多くのプログラムでは「SSL」、「SMTPS」、「implicit TLS」と呼ばれます)。
or-change-port-to-587-363c03db = または、`port` を `587` に変更し、STARTTLS (メールサーバーが暗号化された接続に切り替える方法) を使ってください。
it-answered-like-a-web-455949dc = ウェブサーバーのような応答でした。
it-answered-like-a-remote-640e7204 = リモートログインのサービス (SSH) のような応答でした。

## src/diagnosis/outcome/conversation.rs

it-happened-during-step-8cc559e6 = { $step } の途中で起きました。
the-connection-ended-while-switching-4d88ba34 = 暗号化に切り替える途中で接続が切れました。`port` と `enableSsl` がプロバイダーの説明と合っているか確認してください (ASP.NET の場合は `587` で、`enableSsl` を `true` にします)。
some-servers-hang-up-instead-07ab7f99 = サーバーによっては、パスワードが拒否されたと伝える代わりに接続を切ります。`userName` と `password` を確認してください。
there-was-no-reply-to-7639394e = { $secs }秒以内に { $step } への応答がありませんでした。
what-arrived-detail-ce6e5e5f = 届いた内容: { $detail }。
the-server-broke-the-rules-86aebd6a = サーバーがメールのやり取りのルールに違反しました
during-step-the-server-did-2a69066e = { $step } の途中で、サーバーがメールサーバーがしてはいけないことをしました: { $detail }。これはサーバー側の問題で、設定の問題ではありません。
test-again-in-a-few-d45392c2 = 数分後にもう一度テストしてください。
send-the-transcript-to-your-01199657 = 通信記録をメールプロバイダーに送ってください。サーバーが何を送ったかが正確に分かります。
if-a-security-program-or-26b511cc = このネットワークでセキュリティ プログラムやプロキシがメールを扱っている場合は、それが原因かもしれません。ネットワークの管理者に確認してください。

## src/diagnosis/outcome/envelope.rs

use-a-sender-address-from-91297b39 = 差出人アドレス (`from`) には、@ の前が半角英字 (a〜z)、数字、ドット、ハイフンだけのものを使ってください。たとえば、あなたのドメインの `info@` です。
send-the-test-to-an-394f9af8 = @ の前が半角英字 (a〜z)、数字、ドット、ハイフンだけのアドレスにテストを送ってください。
this-server-cannot-take-address-b7642aa9 = このサーバーは { $address } を受け付けられません。@ の前に半角英字以外の文字があります
such-an-address-can-only-534fa2e0 = このようなアドレスは SMTPUTF8 (国際化アドレスのためのメール規格) でしか送れませんが、このサーバーは提供していません。テストは、サーバーに { $role } ({ $address }) を渡す前に停止しました。渡していれば拒否されるか文字化けし、その拒否は差出人のせいにされていたはずです。
or-send-through-a-mail-c7f9b17c = または、SMTPUTF8 を提供しているメールサーバー経由で送信してください。国際化メールアドレスに対応しているか、プロバイダーに確認してください。
the-test-cannot-send-with-1cfd4858 = テストはアドレス { $address } で送信できません
address-is-written-in-a-498c2974 = { $address } は、メールの規格では認められているものの、対応しているプログラムが少ない形 (スペースを含む引用符付きの部分や、@ の後の角かっこ内のサーバーアドレス) で書かれており、テストメッセージでは扱えません。テストはサーバーに渡す前に停止しました。
plain-remove-any-quotes-and-a7cb9143 = { $plain } 引用符とスペースを取り除いてください。通常の形は name@example.com です。
asp-net-itself-may-still-4a7c1539 = ASP.NET 自体はこのアドレスで送信できるかもしれませんが、多くのメールサーバーやメールを読むプログラムは対応していません。
or-move-the-site-to-3788eb32 = または、サイトを .NET Framework 4.5 以降に移行してください。`<smtp>` 要素に `deliveryFormat="International"` を付けると、国際化アドレスを送信できます。
or-add-deliveryformat-international-to-7bb43e86 = または、web.config の `<smtp>` 要素に `deliveryFormat="International"` を追加してください (ASP.NET 4.5 以降)。そうすると ASP.NET は、SMTPUTF8 を提供するサーバーに国際化アドレスを送信します。
or-set-deliveryformat-smtpdeliveryformat-3af77877 = または、コードの `SmtpClient` で `DeliveryFormat = SmtpDeliveryFormat.International` を設定してください。そうすると、SMTPUTF8 を提供するサーバーに国際化アドレスを送信します。
this-server-offers-smtputf8-the-6d77822e = このサーバーは SMTPUTF8 (国際化アドレスのためのメール規格) を提供しているので、その設定で送信できるようになります。
this-server-does-not-offer-baf00176 = このサーバーは SMTPUTF8 (国際化アドレスのためのメール規格) を提供していないので、これを提供するサーバーも必要です。
asp-net-will-not-send-12cd36fe = ASP.NET は { $address } では送信しません。@ の前に半角英字以外の文字があります
asp-net-s-mail-sender-3ed3c4f7 = ASP.NET のメール送信機能は、国際化アドレスを送る設定になっていない限り、@ の前が半角英字のアドレスしか送りません。テストと同じく、サーバーに問い合わせる前に停止します。

## src/diagnosis/outcome/final_reply.rs

the-server-received-the-whole-80dbb04b = サーバーはメッセージ全体を受け取りましたが、時間内に受領を確認しませんでした
the-test-sent-the-complete-26e46161 = テストはメッセージ全体を送り、その後、メッセージを受け付けるかどうかを伝えるサーバーの応答を待ちました。応答は時間内に来ませんでした。すべてのメッセージを迷惑メールやウイルスについて確認するサーバーは応答が遅いことがあり、このサーバーはまだメッセージを配信するかもしれません。
check-the-test-recipient-s-5a214699 = もう一度送信する前に、テストの宛先の受信トレイ (と迷惑メールフォルダー) を確認してください。メッセージがまだ届く可能性があり、もう一度送ると2通届くことがあります。
if-nothing-arrives-within-15-af500617 = 15分以内に何も届かなければ、もう一度テストしてください。再び同じことが起きた場合は、通信記録をメールプロバイダーに送ってください。
if-it-arrives-the-settings-c80f0412 = 届いた場合、設定は正しく動いていますが、ウェブサイトはこのようなメッセージについて「The operation has timed out.」と報告します。コードで `SmtpClient.Timeout` を大きくし (設定しない場合は100秒)、このエラーの後にサイトが同じメッセージをもう一度送らないようにしてください。
if-it-arrives-the-settings-008b4f44 = 届いた場合、設定は正しく動いていて、サーバーの受領確認が遅いだけです。待ち時間を長くしてください (詳細設定の「最終応答のタイムアウト」、またはコマンドラインの `--final-reply-timeout`)。
the-test-waited-secs-seconds-296f27d9 = テストはその応答を { $secs }秒待ちました。

## src/diagnosis/outcome/oauth.rs

in-microsoft-365-an-app-6beb06e7 = Microsoft 365 で、アプリがアプリ自身として送信するには、次のすべてが必要です: 管理者の同意を得た SMTP.SendAsApp アクセス許可 (Office 365 Exchange Online)、New-ServicePrincipal でエンタープライズ アプリケーションのオブジェクト ID (アプリの登録のものではありません) を使って作ったサービス プリンシパル、`userName` のメールボックスに対する Add-MailboxPermission、そのメールボックスで「Authenticated SMTP」がオンになっていること。
the-sign-in-token-has-c42ff023 = サインイン トークンの有効期限が切れています
tokens-are-valid-for-a-9a3968e1 = トークンの有効期間は短時間 (約1時間) です。このトークンは { $ago } 前に期限が切れたため、サーバーが拒否しました。
get-a-new-token-sign-fdc646f1 = 新しいトークンを取得し (もう一度サインインし)、すぐにもう一度テストしてください。
the-sign-in-token-is-e9229ca6 = サインイン トークンが別のメールボックスのものです
the-token-was-issued-for-ccbe81df = トークンは { $named } に対して発行されましたが、テストは { $user } としてサインインしました。トークンでサインインできるのは、発行先のメールボックスだけです。
set-username-to-named-or-65123a60 = `userName` を { $named } にするか、{ $user } としてサインインしてそのトークンを取得してください。
the-sign-in-token-lacks-60c3493a = サインイン トークンに、このサーバーが求めるアクセス許可がありません
the-server-wants-a-token-6d0ee0cb = サーバーはスコープ (アクセス許可) { $scope } を持つトークンを求めていますが、このトークンが持つのは { $carried } です。
ask-for-a-token-with-ca38a612 = スコープ { $scope } を持つトークンを要求してください。
the-sign-in-token-does-b905d15c = サインイン トークンではメールを送信できません
a-token-carries-permissions-scopes-dfbd7ff8 = トークンはアクセス許可 (スコープ) を持っており、このトークンが持つのは { $carried } です。そのどれもメール送信 (SMTP) 用ではありません。
ask-for-a-token-with-24b71fd2 = プロバイダーが指定するメール送信用のスコープを持つトークンを要求してください (Microsoft 365: SMTP.Send または SMTP.SendAsApp、Google: https://mail.google.com/)。
the-sign-in-token-is-87b9c735 = サインイン トークンが別の Microsoft サービス用のものです
the-token-is-meant-for-a4189d8a = トークンは { $audience } 用ですが、メールサーバーは Exchange Online 用のトークンしか受け付けません。
ask-for-the-token-with-0f671d1c = スコープ https://outlook.office365.com/.default (アプリ自身として送信する場合) または https://outlook.office.com/SMTP.Send (人がサインインする場合) でトークンを要求してください。
exchange-online-lets-a-token-afaaf9f5 = Exchange Online では、アプリケーションのアクセス許可 { $needed } があるトークンでしかメールを送れません。このトークンが持つのは { $carried } です。
exchange-online-lets-a-token-7c44c998 = Exchange Online では、委任されたアクセス許可 { $needed } があるトークンでしかメールを送れません。このトークンが持つのは { $carried } です。
the-sign-in-token-lacks-ab2e2281 = サインイン トークンにアクセス許可 { $needed } がありません
in-app-registrations-your-app-870afe88 = App registrations (アプリの登録) → 対象のアプリ → API permissions (API のアクセス許可) で { $needed } (Office 365 Exchange Online) を追加し、管理者の同意を与えてから、新しいトークンを取得してください。
it-could-not-read-the-25ee4fd8 = サインインを読み取れませんでした (多くの場合、知らないユーザー名です)
the-token-is-not-valid-5f515491 = トークンが有効ではありません (期限切れ、取り消し済み、またはこのメールボックス用ではない)
the-token-is-valid-but-6b61b7b0 = トークンは有効ですが、このメールボックスとしてメールを送ることは許可されていません
it-refused-the-token-cd0cabee = トークンを拒否しました
the-server-s-answer-to-2fb6cd08 = { $mechanism } に対するサーバーの応答によると、{ $meaning }。
the-server-s-answer-to-0e1ef8b3 = { $mechanism } に対するサーバーの応答によると、{ $meaning }。スコープ { $scope } を持つトークンを受け付けます。
none-ada7afdb = なし
no-sign-in-at-all-56e4c7e5 = サインインなし
it-offers-offers-38f8f4c2 = 提供しているのは { $offers } です。
the-app-s-client-secret-1fd311f1 = アプリのクライアント シークレットの有効期限が切れています
nobody-has-signed-in-yet-58075807 = まだ誰もサインインしていません
this-test-signs-in-as-de14520f = このテストは人としてサインインするため、まず誰かが Microsoft または Google 自身のページでメールボックスにサインインする必要があります。サインイン情報はシステムのキーリングに保存され、自動的に更新されます。
press-sign-in-with-microsoft-e55c9917 = 「サインイン」欄の「Microsoft でサインイン…」(または Google) を押し、`userName` のメールボックスとしてサインインしてください。
then-test-again-af243c30 = それから、もう一度テストしてください。
the-sign-in-was-cancelled-584b1ee1 = サインインがキャンセルされました
sign-in-again-then-test-10fc6816 = もう一度サインインしてから、もう一度テストしてください。
the-provider-s-sign-in-209b1a32 = プロバイダーのサインイン サービスに接続できませんでした
check-this-computer-s-internet-bb36fda9 = このコンピューターのインターネット接続を確認してください (login.microsoftonline.com をブロックしているプロキシやファイアウォールがないかも確認してください)。
the-sign-in-service-s-54e90ddb = サインイン サービスのアドレスが使えません
use-https-login-microsoftonline-com-32a84d7d = サインインのアドレスには https://login.microsoftonline.com (既定値) を使ってください。

## src/diagnosis/outcome/replies.rs

the-server-then-refused-the-e6bcea69 = その後サーバーがメッセージを拒否したため、`userName` と `password` は使われませんでした。このサーバーまたはポートは、おそらくプロバイダーがそれらの用途に想定しているものではありません。
the-test-already-asked-for-7b417971 = テストはすでに STARTTLS を要求したので、サーバーは別のポートでそれを期待しているのかもしれません。`port` をプロバイダーの説明と照らし合わせてください。
set-defaultcredentials-to-false-while-db024367 = `defaultCredentials` を `false` にしてください。`true` の間、web.config は `userName` と `password` を無視します。
your-settings-have-no-username-2861b339 = 設定に `userName` がないため、テストはサインインしませんでした。
the-test-signed-in-as-68d41b91 = テストは { $user } としてサインインしたので、このサーバーはそのアカウントに外部のアドレスへの送信を許可していません。どのサーバーとポートを使うべきかプロバイダーに確認してください。
the-server-refused-the-test-f84ee350 = サーバーがテストの宛先 { $recipient } を拒否しました
set-clientdomain-to-your-website-81ec9a9c = `clientDomain` をウェブサイトの完全なドメイン名 (例: `www.example.com`) にしてください。サーバーは、このコンピューターが名乗った名前を受け付けませんでした。
the-sender-from-is-from-70f92321 = 差出人 (`from`) は { $from } ですが、サインイン (`userName`) は { $user } です。

## src/diagnosis/outcome/tls.rs

change-host-to-only-fa99f7d2 = `host` を `{ $only }` に変更してください。
this-one-is-self-signed-d09ec21c = この証明書は自己署名です。サーバーが自分で作ったものです。
it-was-issued-by-issuer-24f9dd72 = 発行者は { $issuer } です。
it-was-valid-until-until-b3400985 = 有効期限は { $until } まででした。
the-test-started-encryption-straight-7fde3066 = テストはすぐに暗号化を始めました (「接続時に SSL」) が、このポートは最初に暗号化なしであいさつし、その後 STARTTLS (メールサーバーが暗号化された接続に切り替える方法) で切り替えます。この2つの方法は混在できないため、ハンドシェイク (暗号化を準備するやり取り) が失敗しました。
it-is-valid-for-list-77a4ad6e = この証明書が有効なのは { $list } とほか { $more }件で、{ $expected } には有効ではありません。
it-is-valid-for-list-531e9add = この証明書が有効なのは { $list } で、{ $expected } には有効ではありません。
the-encryption-library-reported-detail-7486ce05 = 暗号化ライブラリの報告:「{ $detail }」。
the-server-seems-to-know-4d80fb0b = サーバーは古い暗号化のバージョン (TLS 1.0 または 1.1) しか扱えないようです。TLS 1.2 以降を有効にするよう、メールプロバイダーに依頼してください。
the-extra-certificate-file-could-8265c21b = 追加の証明書ファイルを使えませんでした
the-file-path-given-as-edbfbdc2 = 「追加の CA ファイル」(`--ca-file`: 公的な認証局のほかに組織が信頼する認証局) として指定されたファイル { $path } を使えませんでした: { $detail }。テストは、どのサーバーも信頼する前に停止しました。
check-that-the-file-exists-11178386 = そのパスにファイルがあり、このプログラムが読み込めることを確認してください。
check-that-it-is-a-39e254e8 = 証明書ファイルであることを確認してください。`-----BEGIN CERTIFICATE-----` で始まる PEM 形式のテキストファイルか、Windows でエクスポートした .cer ファイル (どちらの形式でも可) です。
if-the-server-has-a-1a4c8da8 = サーバーの証明書が公的な認証局のものであれば、「詳細設定」の「追加の CA ファイル」を空にしてください。

## src/diagnosis/pasted.rs

run-the-test-here-with-40bc1a7b = 同じ設定でここでテストを実行し、正しく動くか確認してください。

## src/diagnosis/site.rs

asp-net-2-0-3-6ca9cbac = ASP.NET 2.0〜3.5 では web.config に `enableSsl` がありません (追加するとメールのセクション全体が動かなくなります)。そのため、コードで送信の直前に SSL をオンにしてください: `smtpClient.EnableSsl = true;`。PasswordRecovery コントロールの場合は、`SendingMail` イベントを処理し、`EnableSsl` が `true` の `SmtpClient` で `e.Message` を自分で送信してから、`e.Cancel = true;` を設定してください。または、サイトを .NET Framework 4.x に移行してください。そこでは web.config の `enableSsl="true"` だけで十分です。
in-code-smtpclient-enablessl-true-4add87ec = コードでは `smtpClient.EnableSsl = true;` でオンになります (ASP.NET 2.0〜3.5 では web.config ではできません)。

## src/diagnosis/texts/auth.rs

the-server-wants-a-sign-fa8fde33 = サーバーは、送信する前にサインインを求めています
this-server-sends-mail-only-549fd96c = このサーバーはサインインしたユーザーのメールしか送信しませんが、メッセージはサインインが受け付けられる前に渡されました。web.config では、サインインには `userName` と `password` が使われます。
fill-in-username-usually-your-8bad094b = `userName` (通常は完全なメールアドレス) と `password` を入力してください。
make-sure-defaultcredentials-is-false-e9f68330 = `defaultCredentials` が `false` になっていることを確認してください。`true` の場合、ユーザー名とパスワードは無視されます。
the-server-wants-a-sign-0b50a939 = サーバーはサインインを求めていて、おそらくあなたのサインインを拒否しました
when-the-server-refuses-the-16d9b604 = サーバーがユーザー名やパスワードを拒否しても、ASP.NET はそれを伝えません。サインインせずに送信し、サーバーがこの応答を返します。そのため、web.config に `userName` と `password` がある場合は、サーバーがそれらを拒否した可能性が高いです。ない場合は、サーバーが送信前にそれらを求めています。
check-username-usually-your-full-95088744 = `userName` (通常は完全なメールアドレス) を確認し、`password` にパスワードを入力し直してください (コピーすると末尾にスペースが付くことがあります)。
if-your-provider-wants-an-24fb5942 = プロバイダーがアプリ パスワードを求めている場合や、パスワードでのサインインをオフにしている場合 (Microsoft 365、Gmail) は、プログラム向けの説明に従ってください。
if-web-config-has-no-9e232823 = web.config に `userName` がない場合は、`userName` と `password` を入力してください。
run-the-test-here-with-a02cdff6 = 同じ設定でここでテストを実行してください。サーバーがサインインを拒否しているかどうかが分かります。
the-server-does-not-offer-5c1f342d = サーバーはこの接続でサインインを提供していません
your-settings-include-a-user-8f3e5b78 = 設定にユーザー名がありますが、サーバーはここで AUTH (メールサーバーのサインイン コマンド) を提供していません。通常は、そのポートがサーバー間のメール用 (多くはポート 25) であるか、サーバーが既知のアドレスにはサインインなしでの送信を許可しています。
change-port-to-587-and-0f7e3abd = `port` を `587` に変更し、`enableSsl` を `true` にしてください。このポートはサインインと送信のためのものです。
if-your-hosting-company-says-5da38eee = ホスティング会社が、ウェブサイトはパスワードなしで送信できると言っている場合は、`userName` と `password` を空にしてください。
the-server-allows-sign-in-ec452ac5 = サーバーは暗号化された接続でのみサインインを許可しています
the-password-would-have-crossed-a9916df8 = パスワードが暗号化されずにネットワークを通ることになるため、サーバーはサインインを拒否したか隠しました。STARTTLS (メールサーバーが暗号化された接続に切り替える方法) がパスワードを守ります。web.config では `enableSsl="true"` でオンになります。
set-enablessl-to-true-52e5ecbd = `enableSsl` を `true` にしてください。
keep-port-at-587-or-42fe3de8 = `port` は `587` (プロバイダーが使っている場合は `25`) のままにしてください。ASP.NET は `465` を使えません。
your-password-would-cross-the-9c776cba = パスワードが暗号化されずにネットワークを通ってしまいます
the-server-offers-sign-in-52300fa5 = サーバーはこの接続で暗号化なしのサインインを提供しているため、パスワードは途中の誰にでも (ホスティング会社のネットワーク、公衆 Wi-Fi など) 読める状態で送られます。テストはパスワードを送る前に停止しました。この設定のままだと、ウェブサイトはまさにその状態でパスワードを送ります。
set-enablessl-to-true-the-649dce61 = `enableSsl` を `true` にしてください。そうすると、パスワードは接続が暗号化された後にのみ送られます。
if-you-accept-the-risk-4bb04ca9 = この1回のテストに限ってリスクを受け入れる場合 (自分のプライベート ネットワーク内のサーバーなど) は、もう一度テストし、暗号化されていないパスワードを許可してください (コマンドラインでは `--allow-plaintext-password`、ウィンドウでは「今回だけ暗号化せずに送信」)。
the-server-s-sign-in-5fcef96a = サーバーのサインイン方法は、ASP.NET が使えないものです
mail-servers-offer-several-sign-b861780a = メールサーバーはいくつかのサインイン方法を提供しています。ASP.NET のメール送信機能が扱えるのは LOGIN、NTLM、Digest、Negotiate だけで、このサーバーはそのどれも提供していません。そのため、同じ設定がほかのプログラムでは使えても、ウェブサイトからは失敗します。
ask-your-mail-provider-whether-e86c3606 = メールボックスで LOGIN サインインをオンにできるか、メールプロバイダーに確認してください。
or-send-through-a-provider-c9c7d534 = または、LOGIN を提供しているプロバイダー (ほとんどが提供しています) 経由で送信し、`host` をそのサーバーに変更してください。
or-ask-your-developer-to-88c53180 = または、より多くのサインイン方法に対応したメール ライブラリである MailKit で送信するよう、開発者に依頼してください。
the-server-refused-the-user-a184eaf4 = サーバーがユーザー名またはパスワードを拒否しました
the-server-checked-the-sign-cda301dc = サーバーはサインインを確認し、拒否しました。通常は、パスワードが現在のものではないか、ユーザー名がプロバイダーの求める形式ではありません。通常のパスワードを拒否し、アプリ パスワード (プログラム専用に作る別のパスワード) を求めるプロバイダーもあります。
check-that-username-is-exactly-a186e001 = `userName` がプロバイダーの求めるものと完全に一致しているか確認してください。通常は完全なメールアドレスです。
type-the-password-into-password-c85831af = `password` にパスワードを入力し直してください (コピーすると末尾にスペースが付くことがあります)。
if-your-account-uses-two-fe47a30d = アカウントで2段階認証を使っている場合は、アカウントのセキュリティ設定でアプリ パスワードを作成し、それを `password` に使ってください。
sign-in-to-your-webmail-2244b6cf = 同じユーザー名とパスワードでウェブメールにサインインし、正しく使えることを確かめてください。
your-provider-wants-an-app-8e45b86f = プロバイダーは、通常のパスワードではなくアプリ パスワードを求めています
an-app-password-is-a-bb603ced = アプリ パスワードは、ウェブサイトのようなプログラム専用にメールプロバイダーが作る別のパスワードです。2段階認証 (スマートフォンに届くコードなど) を使うアカウントでは、ここで通常のパスワードが拒否されます。すでに使っているアプリ パスワードは、入力ミスがあるか、取り消された可能性があります。
turn-on-two-step-sign-51eac7b8 = まだオンになっていなければ、メールアカウントのセキュリティ設定で2段階認証をオンにしてください。アプリ パスワードにはこれが必要です。
create-an-app-password-there-bd7031e7 = そこでアプリ パスワードを作成し、スペースを入れずに `password` に貼り付けてください。
keep-username-as-your-full-c562226b = `userName` は完全なメールアドレスのままにして、もう一度テストしてください。
your-provider-paused-the-sign-bc3768e5 = プロバイダーは、ウェブブラウザーで確認するまでサインインを保留しています
the-provider-saw-a-sign-1538b2d6 = プロバイダーは、見覚えのない場所 (ウェブサイトを動かしているコンピューター) からのサインインを検出し、本人であることを確認するまで保留しています。
sign-in-to-your-webmail-dc909f89 = ブラウザーでウェブメールにサインインし、ブロックされたサインインについてのセキュリティ通知があれば承認してください。
use-an-app-password-a-b70684d9 = `password` にはアプリ パスワード (アカウントのセキュリティ設定で作る、プログラム用の別のパスワード) を使ってください。
test-again-within-a-few-9bb0093a = 数分以内にもう一度テストしてください。
sign-in-for-mail-programs-5421083f = このアカウントでは、メールプログラムからのサインインがオフになっています
microsoft-365-lets-administrators-switch-ec288b4e = Microsoft 365 では管理者が「Authenticated SMTP」(プログラムがメール送信のためにサインインする方法) をオフにできます。このメールボックスまたは組織全体でオフになっているため、正しいパスワードでも、OAuth トークンでも拒否されます。
if-it-is-off-for-491d3325 = 組織全体でオフになっている場合は、管理者が組織でも許可できます (Exchange の設定 SmtpClientAuthenticationDisabled を False にします)。
wait-up-to-an-hour-89ecd3c1 = 変更後、最大1時間待ってから、もう一度テストしてください。
your-provider-no-longer-accepts-262db022 = プロバイダーは、メールプログラムからのパスワードを受け付けなくなりました
the-provider-has-switched-off-5bf866d0 = プロバイダーは基本認証 (ユーザー名とパスワードだけでのサインイン) をオフにし、代わりに OAuth (プロバイダー自身のページでのサインイン) を求めています。ASP.NET のメール送信機能は OAuth に対応しておらず、アプリ パスワードもここでは役に立ちません。
ask-your-administrator-whether-password-8e9b1d9b = このメールボックスでパスワードでのサインインを許可できるか、管理者に確認してください (Microsoft 365 では、セキュリティの既定値群や条件付きアクセス ポリシーによってブロックされることがあります)。
or-send-your-website-s-543cef06 = または、ホスティング会社のメールサーバーや送信サービスなど、パスワードを受け付けるサービス経由でウェブサイトのメールを送信し、`host`、`userName`、`password` をその値に変更してください。
or-ask-your-developer-to-129f53f6 = または、OAuth に対応した MailKit で送信するよう開発者に依頼し、まずここで OAuth のサインインをテストしてください (サインイン: Microsoft 365 (OAuth)、または `mailtester send --oauth microsoft`)。
the-server-could-not-check-7d165cdf = サーバーは現在パスワードを確認できませんでした
the-server-s-sign-in-4e8378b1 = サーバーのサインインの仕組みに一時的な問題があり、許可も拒否もできませんでした。問題はプロバイダー側にあり、設定はおそらく正しいです。
if-it-lasts-more-than-bcb37e76 = 1時間以上続く場合は、サーバーの応答を添えてメールプロバイダーに伝えてください。
meanwhile-keep-username-and-password-16dfed9a = それまでは、`userName` と `password` はそのままにしてください。

## src/diagnosis/texts/connection.rs

the-mail-server-s-name-0d9f47b0 = メールサーバーの名前が見つかりませんでした
this-computer-asked-dns-the-9b8be64c = このコンピューターは `host` の名前を DNS (インターネットの住所録) に問い合わせましたが、アドレスが返ってこなかったため、メールの送り先が分かりません。通常は名前の入力ミスか、このコンピューターが今インターネットに接続されていないことが原因です。
check-host-letter-by-letter-a1a74d49 = `host` をメールプロバイダーの説明と1文字ずつ照らし合わせてください (`smtp.example.com` のような形です)。
check-that-this-computer-can-ae3fe307 = このコンピューターでウェブサイトを開けるか確認してください。開けない場合は、インターネット接続を直してからもう一度テストしてください。
if-the-name-is-right-18a00d53 = 名前が正しく、インターネットも使える場合は、サーバー名が変わっていないかメールプロバイダーに確認してください。
the-server-turned-the-connection-280a4654 = サーバーがこのポートへの接続を拒否しました
this-computer-reached-the-server-ba7fb590 = このコンピューターはサーバーに到達しましたが、そこではこのポート (プログラムが待ち受ける番号付きの入り口) でメールを受け付けるものがないか、ファイアウォール (接続を遮断するフィルター) が拒否しました。多くの場合、ポートがプロバイダーの使うものではないか、`host` が別のサーバーを指しています。
check-port-against-your-provider-f98b1afd = `port` をプロバイダーの説明と照らし合わせてください。ウェブサイトでは通常 `587` を使います。
check-that-host-is-the-a4ce6940 = `host` がウェブサイトの名前ではなく、メールサーバーの名前であることを確認してください。
if-both-are-right-ask-112c3209 = どちらも正しい場合は、ファイアウォールがサイトからの送信メールをブロックしていないか、ホスティング会社に確認してください。
the-server-did-not-answer-45d585cd = サーバーが接続の試みに応答しませんでした
nothing-answered-on-this-port-aeae7d79 = 制限時間内に、このポートで何も応答しませんでした。多くの場合、ホスティング会社やインターネット プロバイダーのファイアウォール (接続を遮断するフィルター) が、特にポート 25 で、送信メールの接続を黙って破棄しています。そうでなければ、サーバーが停止しているか、`host` が間違った場所を指している可能性があります。
change-port-to-587-and-a8475885 = `port` を `587` に変更し、`enableSsl` を `true` にしてください。ウェブサイトで一般的な組み合わせです。
if-that-does-not-help-59fbce00 = それでも直らない場合は、メールサーバーへの送信接続がブロックされていないか、どのポートでブロックされているかをホスティング会社に確認してください。
check-that-host-is-correct-05aa5d08 = `host` が正しいこと、サーバーが動いていることを確認してください (プロバイダーの稼働状況ページを参照)。
the-server-accepted-the-connection-e31e44f1 = サーバーは接続を受け付けましたが、あいさつをしませんでした
a-mail-server-normally-greets-3b957db6 = メールサーバーは通常、新しい接続にすぐにあいさつします。黙ったままの場合、通常はそのポートが最初の1バイト目から暗号化を求めています (「接続時に SSL」、ポート 465 で一般的)。これは ASP.NET のメール送信機能にはできません。まれに、サーバーが過負荷のこともあります。
change-port-to-587-and-298d9c8c = `port` を `587` に変更し、`enableSsl` を `true` にしてください。
if-your-provider-offers-only-8846bc0f = プロバイダーがポート 465 しか提供していない場合は、STARTTLS (メールサーバーが暗号化された接続に切り替える方法) が使えるポートがないか確認するか、別のプロバイダー経由で送信してください。
if-port-is-already-587-ab4adb1c = `port` がすでに `587` の場合は、数分待ってからもう一度テストしてください。サーバーが混み合っている可能性があります。
something-other-than-a-mail-ecd3aa22 = このポートでは、メールサーバー以外のものが応答しました
the-answer-did-not-look-bf4a9935 = 応答が SMTP (メールサーバーが話す言語) のようではありませんでした。そのポートはウェブサイトや別のサービスのものか、`host` が別のマシンを指している可能性があります。
check-port-websites-send-mail-6058ee5d = `port` を確認してください。ウェブサイトはポート `587` (ときには `25`) でメールを送ります。`80` や `443` などのポートはウェブサイト用、`110`、`143`、`993`、`995` はメールの受信 (読み取り) 用です。
check-host-against-your-provider-1e806a83 = `host` をプロバイダーの説明と照らし合わせてください。
if-both-look-right-a-336a3e56 = どちらも正しそうな場合は、このネットワークのセキュリティ プログラムやプロキシが妨げている可能性があります。ネットワークの管理者に確認してください。
the-mail-server-is-not-c6852973 = メールサーバーは現在この接続を受け付けていません
the-server-answered-but-refused-f4bdb56e = サーバーは応答しましたが、この接続への対応を拒否しました。通常は、サーバーに一時的な問題 (メンテナンスや過負荷) があるか、このコンピューターのインターネット アドレスを拒否しています。たとえば、そのアドレスがブロックリスト (迷惑メールの送信元として知られたアドレスの一覧) に載っている場合です。
if-it-keeps-happening-send-e9edadf6 = 何度も起きる場合は、サーバーの応答 (「サーバーの応答」の下) をメールプロバイダーに送り、接続を拒否する理由を尋ねてください。
check-host-and-port-a-5e76dfe7 = `host` と `port` を確認してください。メールの受信用のサーバーは送信を拒否することがあります。
the-server-closed-the-connection-30180e72 = サーバーがやり取りの途中で接続を閉じました
the-connection-ended-before-the-a43f6fed = サーバーが応答を終える前に接続が切れました。サーバーは、接続について気に入らない点 (試行回数が多すぎる、ブロックされたアドレス、想定と違う暗号化の設定) があるとこうします。ネットワークが接続を切ることもあります。
check-that-port-and-enablessl-b2b965b7 = `port` と `enableSsl` がプロバイダーの説明と合っているか確認してください (通常は `587` で、`enableSsl` を `true` にします)。
if-it-keeps-happening-send-a1e930a1 = 何度も起きる場合は、通信記録をメールプロバイダーに送ってください。止まった手順から、どこを調べればよいかが分かります。
the-server-stopped-answering-aaccd57c = サーバーが応答しなくなりました
the-server-accepted-the-connection-a1f81952 = サーバーは接続を受け付けましたが、時間内に応答しませんでした。過負荷になっているか、ファイアウォール (接続を遮断するフィルター) が何も通さずに接続を開いたままにしている可能性があります。
if-your-web-config-uses-60f26cb6 = web.config でポート 465 を使っている場合: ASP.NET はこのポートを使えず、このように待ち続けます。`port` を `587` に変更し、`enableSsl` を `true` にしてください。
if-it-always-stops-at-8cf935d8 = いつも同じ手順で止まる場合は、通信記録をメールプロバイダーに送ってください。
the-test-was-stopped-before-0d4af77e = テストは完了前に停止されました
the-test-was-cancelled-so-7a4af564 = テストがキャンセルされたため、実行されなかった手順には結果がありません。設定が正しく動くかどうかは、これでは分かりません。
press-send-test-email-to-82d3e493 = 「テストメールを送信」を押して、もう一度テストを実行してください。
your-website-could-not-connect-2abab1d3 = ウェブサイトがメールサーバーに接続できませんでした
the-program-gives-this-one-4964373a = プログラムは、いくつかの原因に対してこの1つのメッセージを出します: ホスティング会社のファイアウォール (接続を遮断するフィルター) がポートをブロックしている、そのポートで何も待ち受けていない、または暗号化の設定がポートと合っていない、のいずれかです。最もよくブロックされるのはポート 25 です。
change-port-to-587-and-05b8a3c8 = `port` を `587` に変更し、`enableSsl` を `true` にしてください (PHPMailer では `Port = 587` と `SMTPSecure = 'tls'`)。
check-that-host-is-exactly-b9f2e985 = `host` がプロバイダーの示すサーバー名と完全に一致しているか確認してください。
ask-your-hosting-company-whether-3e97a686 = 送信メールの接続が許可されているか、どのポートで許可されているかをホスティング会社に確認してください。
no-mail-server-is-set-2344fbac = メールサーバーが設定されていません
asp-net-found-no-host-5acadb75 = ASP.NET は web.config の `<mailSettings>` セクション (またはウェブサイトのコード) に `host` を見つけられなかったため、どのサーバー経由で送信すればよいか分かりません。
add-host-to-the-network-473361fe = web.config の `<network>` 要素に `host` を追加してください。たとえば `host="smtp.example.com"` です。
check-that-mailsettings-sits-inside-b1a5f996 = メールを送るサイトの web.config で、`<mailSettings>` が `<system.net>` の中にあることを確認してください。
asp-net-waited-on-port-363e8bfc = ASP.NET はポート 465 で、来ることのないあいさつを待っていました
port-465-expects-encryption-from-540d0aa0 = ポート 465 は最初の1バイト目から暗号化を求めます (「接続時に SSL」) が、ASP.NET のメール送信機能にはそれができません。サーバーのあいさつを待ち続け、最後に「The operation has timed out」であきらめます。
your-website-gave-up-waiting-1b764594 = ウェブサイトはメールサーバーを待つのをあきらめました
the-operation-has-timed-out-366dd6df = ほかに何もない「The operation has timed out.」は、サーバーが制限時間内 (`timeout` を設定しない場合は100秒) に応答を終えなかったことを ASP.NET のメール送信機能が伝えるものです。多くの場合、サーバーはあいさつすらしていません。ポートが最初の1バイト目から暗号化を求めているためで (「接続時に SSL」、ポート 465)、これは ASP.NET のメール送信機能にはできません。
if-port-is-465-change-c94da191 = `port` が `465` の場合は、`587` に変更し、`enableSsl` を `true` にしてください。
otherwise-run-this-tester-with-10f4acc3 = そうでない場合は、同じ設定でこのテスターを実行してください。サーバーが応答しなくなる手順が分かります。
the-program-that-sends-your-81bb5371 = メールを送るプログラム自身が送信をキャンセルしました
the-operation-was-canceled-means-e40cc474 = 「The operation was canceled」は、送信がメールサーバーに拒否されたのではなく、プログラム自身のコードによって止められたことを意味します。MailKit などの .NET のメール ライブラリは、呼び出し側がキャンセルしたときにこう伝えます。たとえば、メールを送るウェブ リクエストが先に終わった場合や、アプリケーション自身の制限時間が切れた場合です。メール設定が正しく動くかどうかは、まだ分かりません。
test-the-same-settings-with-74a36907 = 同じ設定をこのテスターでテストしてください。サーバーが受け付けるかどうかが分かります。
if-the-test-works-ask-3b9483ea = テストが成功する場合は、ウェブサイトが送信を早すぎるタイミングでキャンセルしていないか (短い制限時間や、メール送信前に終わるリクエストなど) 開発者に確認してください。
this-is-the-server-for-cde919ef = これはメールを読むためのサーバーで、送信用のサーバーではありません
the-port-answered-like-an-bc793875 = このポートは IMAP または POP3 サーバー (メールプログラムがメールボックスを読むのに使うサーバー) のように応答しました。ウェブサイトは SMTP サーバー経由で送信します。SMTP サーバーには専用のポートがあり、名前も別であることがよくあります (`imap.`、`pop.`、`mail.` ではなく `smtp.`)。
change-port-to-587-and-9103f925 = `port` を `587` に変更し、`enableSsl` を `true` にしてください。送信で一般的なポートです。
if-it-still-fails-look-47a17eb2 = それでも失敗する場合は、プロバイダーの説明で「送信 (SMTP) サーバー」を調べ、その名前を `host` に入れてください。
the-server-accepted-the-connection-ee71a7a7 = サーバーは接続を受け付けましたが、まったく応答しませんでした
a-mail-server-greets-a-a2e73efe = メールサーバーは新しい接続にすぐにあいさつします。このサーバーは、テストが暗号化して始めたときも黙ったままだったので、接続時の SSL を待っているわけではありません。サーバーが過負荷か、途中のファイアウォールやフィルターが何も通さずに接続を開いたままにしている可能性があります。
check-host-and-port-against-b14f8d04 = `host` と `port` を、プロバイダーのメール送信の説明と照らし合わせてください (通常はポート `587`)。
if-it-stays-silent-ask-069de325 = 黙ったままの場合は、送信メールの接続をフィルターしていないかホスティング会社に確認してください (多くは、ポート `25` を何も通さずに開いたままにします)。

## src/diagnosis/texts/oauth.rs

the-mail-server-refused-the-c36aa8ff = メールサーバーがサインイン トークンを拒否しました
oauth-means-signing-in-with-bde56524 = OAuth は、パスワードの代わりに Microsoft や Google のトークンでサインインする方法です。サーバーはこのトークンを拒否しました。期限切れか、別のサービスや別のメールボックス用のものか、その元になっているアプリがまだメールを送れない可能性があります。
get-a-new-token-and-beea9d01 = 新しいトークンを取得して、もう一度テストしてください (トークンの有効期間は約1時間です)。
check-that-username-is-the-b1f08c04 = `userName` が、トークンの発行先のメールボックスであることを確認してください。
check-the-app-s-permission-e05ab3e6 = アプリのメール送信のアクセス許可を確認してください (Microsoft 365: 管理者の同意を得た SMTP.SendAsApp、サービス プリンシパル、メールボックスのアクセス許可。Google: スコープ https://mail.google.com/)。
this-server-does-not-offer-a3b68dfd = このサーバーはトークンでのサインインを提供していません
the-server-offers-no-oauth-3a29dae0 = サーバーはこの接続で OAuth のサインイン (XOAUTH2 や OAUTHBEARER) を提供していないため、トークンは送られませんでした。トークンを受け付けるのは一部のプロバイダーだけで、主に Microsoft 365 と Google です。
check-host-and-port-microsoft-ab58eb61 = `host` と `port` を確認してください。Microsoft 365 は smtp.office365.com のポート 587、Google は smtp.gmail.com のポート 587 で、どちらも `enableSsl` をオンにします。
if-this-provider-takes-passwords-25d1840e = このプロバイダーがパスワードを受け付ける場合は、サインインで「パスワード」を選び、`userName` と `password` を入力してください。
the-token-was-not-sent-ff28ae63 = 接続が暗号化されていないため、トークンは送られませんでした
anyone-on-the-way-could-026cb93d = 暗号化されていない接続で送ったトークンは、途中の誰でもコピーでき、期限が切れるまであなたとしてメールを送れてしまいます。そのため、このテストは決してそのような方法でトークンを送りません。
turn-enablessl-on-starttls-and-ce9fc4ee = `enableSsl` をオン (STARTTLS) にしてポート 587 を使い、もう一度テストしてください。
if-the-server-offers-no-4bbe69ad = サーバーがどのポートでも暗号化を提供していない場合、OAuth のサインインを安全に受け付けられません。暗号化されたポートをプロバイダーに確認してください。
microsoft-did-not-accept-the-3a160626 = Microsoft がアプリのクライアント シークレットを受け付けませんでした
before-any-mail-is-sent-633411c0 = メールを送る前に、アプリはクライアント ID とクライアント シークレット (アプリのパスワード) で Microsoft にサインインし、トークンを取得します。Microsoft はシークレットを拒否しました。入力ミスか、期限切れか、シークレットの値ではなく ID をコピーした可能性があります。
in-the-microsoft-entra-admin-c9835d8e = Microsoft Entra 管理センターで、App registrations (アプリの登録) → 対象のアプリ → Certificates & secrets (証明書とシークレット) を開き、新しいクライアント シークレットを作成してください。
copy-its-value-shown-only-697d91d8 = Secret ID (シークレット ID) ではなく Value (値、一度しか表示されません) をコピーし、それでもう一度テストしてください。
microsoft-does-not-know-this-75d6c55c = Microsoft は、この組織でこのアプリを認識していません
no-app-with-this-client-6d868a30 = テストが問い合わせた組織 (テナント) には、このクライアント ID のアプリが登録されていません。クライアント ID の入力ミスか、アプリが別の組織にあります。
copy-the-application-client-id-674ef97a = App registrations (アプリの登録) → 対象のアプリ → Overview (概要) から、Application (client) ID (アプリケーション (クライアント) ID) をもう一度コピーしてください。
check-that-the-directory-tenant-64a4d76d = 同じページの Directory (tenant) ID (ディレクトリ (テナント) ID) が、テストで使っているものと同じか確認してください。
microsoft-does-not-know-this-3b3cd9cd = Microsoft はこの組織 (テナント) を認識していません
the-tenant-identifies-your-organisation-0a1f62ed = テナントは Microsoft での組織を表すもので、ディレクトリ (テナント) ID か組織のドメインです。Microsoft はその名前の組織を見つけられませんでした。
copy-the-directory-tenant-id-3f371c4a = App registrations (アプリの登録) → 対象のアプリ → Overview (概要) から Directory (tenant) ID (ディレクトリ (テナント) ID) をコピーするか、組織のドメイン (yourcompany.onmicrosoft.com) を使ってください。
the-app-may-not-send-9ca8eb09 = アプリはまだメールを送れません: 管理者の承認が必要です
the-app-asked-for-permission-565125cd = アプリはメール送信のアクセス許可を求めましたが、組織内の管理者権限を持つ人がまだそのアクセス許可を承認 (同意) していません。
in-app-registrations-your-app-d480bf7d = App registrations (アプリの登録) → 対象のアプリ → API permissions (API のアクセス許可) で、Office 365 Exchange Online → Application permissions (アプリケーションの許可) → SMTP.SendAsApp を追加してください。
click-grant-admin-consent-a-0096d685 = 「Grant admin consent」(管理者の同意を与えます) をクリックし (グローバル管理者または特権ロール管理者が実行できます)、もう一度テストしてください。
getting-a-sign-in-token-346be9e3 = プロバイダーからサインイン トークンを取得できませんでした
before-any-mail-is-sent-5a4041b2 = メールを送る前に、テストはプロバイダーのサインイン サービスにトークンを要求します。その要求が失敗したため、メールサーバーには一切接続していません。
read-the-provider-s-message-c4926a58 = 下のプロバイダーのメッセージを読んでください。受け付けられなかったものが書かれています。
check-the-tenant-client-id-423e50ed = テナント、クライアント ID、クライアント シークレットを確認してから、もう一度テストしてください。

## src/diagnosis/texts/sending.rs

the-server-will-not-pass-322f9063 = サーバーは、ほかのアドレスへのメールを中継しません
relaying-passing-mail-on-to-e7749b8a = 中継 (サーバー自身のドメイン以外のアドレスへメールを渡すこと) は、サインインしたユーザーか既知の差出人にしか許可されておらず、この接続はそのどちらとも見なされませんでした。通常はサインインが行われていないか、ポートが送信用ではなく受信用です。
fill-in-username-usually-your-960bb2d1 = `userName` (通常は完全なメールアドレス) と `password` を入力し、`defaultCredentials` を `false` にしてください。
use-port-587-with-enablessl-87cafacb = `port` は `587` を使い、`enableSsl` を `true` にしてください。
if-your-hosting-company-lets-00fadcde = ホスティング会社がウェブサイトにパスワードなしでの送信を許可している場合は、ウェブサイトが動いているサーバーのアドレスを許可するよう依頼してください。
the-server-will-not-send-6bfece32 = サーバーは、この差出人アドレスからのメールを送信しません
the-sender-address-from-must-34e8cbf7 = 差出人アドレス (`from`) は、アカウントが差出人として使えるものでなければなりません。通常はサインインに使うメールボックスか、プロバイダーが確認済みのアドレスです。このアドレスはその一覧にありません。
set-from-to-the-same-14aaa3c1 = `from` を `userName` と同じアドレスにしてください。
or-ask-your-provider-or-5ba176df = または、この差出人アドレスを許可するよう (たとえば確認 (認証) するか「Send As」(代理送信) のアクセス許可を与えて)、プロバイダーまたは管理者に依頼してください。
the-server-refused-the-address-99174203 = サーバーが、テストの送信先アドレスを拒否しました
your-settings-got-through-but-8c28461a = 設定は通りましたが、テストの宛先が拒否されました。アドレスが存在しないか、そのメールボックスが今はメールを受け取れない可能性があります。これはテストの宛先の問題で、web.config の問題ではありません。
check-the-send-the-test-55d34997 = 「テストの送信先」のアドレスに入力ミスがないか確認してください。
send-the-test-to-another-bc94762a = 自分が持っている別のアドレス (たとえば `from` のアドレス) にテストを送ってください。
the-server-refused-the-message-01dd6462 = サーバーがメッセージそのものを拒否しました
the-connection-and-sign-in-10c93ba1 = 接続とサインインは成功しましたが、メッセージが拒否されました。たとえば、サイズが大きすぎた、迷惑メールのように見えた、差出人のドメインが SPF や DKIM のチェック (サーバーがドメインのメールを送ってよいことを証明する DNS レコード) に失敗した、などです。
read-the-server-s-reply-830e27f9 = 下のサーバーの応答を読んでください。通常は理由が書かれています。
if-it-mentions-spf-dkim-4056d896 = SPF、DKIM、DMARC について書かれている場合は、ドメインの DNS を管理している人に、メールプロバイダーが示すレコードを追加するよう依頼してください。
to-see-whether-the-domain-caf4671e = ドメインが原因かどうかを確かめるには、`from` をメールプロバイダー自身のドメインのアドレスにして、もう一度テストしてください。
this-mail-account-is-blocked-d848b535 = このメールアカウントは送信をブロックされています
the-provider-has-stopped-this-11d4a609 = プロバイダーがこのアカウントからの送信を止めています。多くの場合、盗まれたパスワードで迷惑メールが送られるなど、いつもと違う動きを検出した後です。ブロックを解除できるのは、プロバイダーか管理者だけです。
sign-in-to-your-webmail-e8982548 = ウェブメールにサインインし、アカウントのブロックや制限についてのメッセージがないか探してください。
change-the-account-s-password-ac418634 = アカウントのパスワードを変更し (ほかの誰かが知っている可能性があります)、新しいパスワードを `password` に入れてください。
ask-your-provider-or-administrator-2b83a423 = 送信のブロックを解除するよう、プロバイダーまたは管理者に依頼してください (Microsoft 365 では: Defender → Restricted entities (制限されたエンティティ))。
the-server-asks-to-slow-8249af09 = サーバーが、送信のペースを落としてあとでもう一度試すよう求めています
providers-limit-how-much-mail-f9900a0a = プロバイダーは、アカウントやインターネット アドレスが一定時間内に送れるメールの量を制限しています。その上限に達したか、サーバーがしばらくこの接続を警戒しています。時間がたてば自然に解除されます。
wait-15-to-60-minutes-07d89075 = 15〜60分待ってから、もう一度テストしてください。
if-your-website-sends-a-32eaf05a = ウェブサイトが大量のメールを送る場合は、プロバイダーの送信上限を確認するか、大量送信向けの送信サービスを使ってください。
set-clientdomain-to-your-website-fae63d04 = `clientDomain` をウェブサイトの完全なドメイン名 (例: `www.example.com`) にしてください。`localhost` と名乗るコンピューターを信用しないサーバーもあります。
the-server-asked-to-send-503e5275 = サーバーは、数分後にもう一度送るよう求めました (グレーリスティング)
some-servers-turn-away-the-f3e0dc99 = サーバーによっては、まだ知らない差出人からの最初のメッセージをわざと断り、数分後にもう一度来たときに受け付けます。これはグレーリスティングと呼ばれ、設定にもアドレスにも問題はありません。ただし ASP.NET は自動では再送しないため、このように断られたメッセージは、ウェブサイトが再送しない限り失われます。
test-again-in-5-to-3f46aedd = 5〜15分後にもう一度テストしてください。受け付けられるはずです。
for-mail-that-matters-orders-40efb6b9 = 大切なメール (注文、パスワードのリセット) は、プロバイダーのサーバー経由でサインインして送信してください (ポート `587`)。サインインした差出人のメールはグレーリスティングの対象になりません。
or-make-the-website-try-b16fc931 = または、送信に失敗したときにウェブサイトが再送するようにしてください (キューを使う、数分後に再試行するなど)。
your-account-has-used-up-20d9b0fd = アカウントの送信可能量を使い切りました
the-provider-limits-how-much-f1851918 = プロバイダーは、アカウントが1日または1か月に送れるメールの量を制限しており (またはクレジットとして販売しており)、このアカウントは上限に達しています。数分待っても解決しません。上限は最長1日後、次の期間の始まり、またはプランを上げたときにリセットされます。
wait-until-the-limit-resets-6a52ebd9 = 上限がリセットされるまで待ってから (通常は24時間、月額プランの場合は翌月)、もう一度テストしてください。
check-that-your-website-is-39b0b049 = ウェブサイトが本来よりはるかに多くのメールを送っていないか確認してください。スパム業者に悪用された問い合わせフォームは、どんな上限でも使い切ってしまいます。
if-your-website-really-needs-083b7d6f = ウェブサイトが本当にもっと必要な場合は、プロバイダーに上限の引き上げを依頼するか、ウェブサイト向けのサービス (SendGrid、Mailgun、Amazon SES、Brevo) 経由で送信してください。
the-server-had-a-temporary-10581399 = サーバーに一時的な問題がありました
the-server-answered-with-a-0008d626 = サーバーは「あとでもう一度試してください」というコード (4で始まるもの) で応答しました。これは、あなたの側で何も変えなくても問題が解消するはずだという意味です。
if-it-keeps-happening-send-0dc4deb9 = 何度も起きる場合は、サーバーの応答をメールプロバイダーに送ってください。
meanwhile-keep-host-port-and-f176ef63 = それまでは、`host`、`port`、`enableSsl` はそのままにしてください。
we-don-t-recognise-this-718ec519 = この問題は認識できません
the-test-stopped-with-a-fda2c04f = テストは、まだ説明を用意していないメッセージで停止しました。詳細には、サーバーまたはこのコンピューターが伝えた内容がそのまま表示されています。
look-in-the-server-s-cd1cf764 = サーバーの応答から `535` や `5.7.8` のようなコードと短い理由を探し、メールプロバイダーに送ってください。
check-host-port-and-enablessl-dce5d8be = `host`、`port`、`enableSsl` をプロバイダーの説明と照らし合わせてください。
save-the-report-it-leaves-9e9a3053 = レポートを保存し (パスワードは含まれません)、ホスティング会社のサポートに送ってください。
sending-failed-and-this-part-b5549368 = 送信に失敗しましたが、メッセージのこの部分には理由が書かれていません
failure-sending-mail-is-only-5e94f296 = 「Failure sending mail」は外側のメッセージにすぎません。理由は、完全なエラーログでその後に続く内部例外 (「--->」の後) に書かれています。
copy-the-whole-error-including-0a4fa195 = 「--->」の後の行も含めてエラー全体をコピーし、もう一度ここに貼り付けてください。
or-run-the-test-in-cd3c3210 = または、同じ設定でこのプログラムのテストを実行してください。失敗する手順が正確に分かります。
meanwhile-check-host-port-and-b6ee72c6 = それまでに、`host`、`port`、`enableSsl` をプロバイダーの説明と照らし合わせてください。
we-don-t-recognise-this-689d3f81 = このメッセージは認識できません
it-contains-no-mail-server-31c9c54f = メールサーバーの応答コード (`535` や `5.7.8` など) も、ASP.NET、PHPMailer、Nodemailer、Python、MailKit の既知のエラーも含まれていません。
paste-the-whole-error-including-72e71f75 = 「--->」や「Caused by」の後の行も含めて、エラー全体を貼り付けてください。原因は最後に書かれていることがよくあります。
look-for-a-three-digit-50926ef1 = 4または5で始まる3桁のコード (`550` など) か `5.7.1` のようなコードと、その後の文面を探してください。それがサーバーの理由です。
or-run-the-test-in-98479cfe = または、`host`、`port`、`enableSsl` を使ってこのプログラムでテストを実行してください。失敗する手順が正確に分かります。
this-account-may-sign-in-debe5d24 = このアカウントは、プロバイダーに登録されたアドレスからしかサインインできません
the-provider-lets-this-account-8646e994 = プロバイダーは、このアカウントに設定で登録されたインターネット アドレス (IP アドレス) からのサインインしか許可しておらず、今回の接続元のアドレスはそこに含まれていません。パスワードの確認すら行われていません。
in-your-mail-provider-s-50eeb67e = メールプロバイダーのコントロールパネルで、アカウントの SMTP 設定を開き、許可された IP アドレスの一覧を探してください。
add-your-web-server-s-7d9995ed = ウェブサーバーのパブリック IP アドレスを追加してください (どれかはホスティング会社が教えてくれます)。
to-run-this-tester-from-3402b27a = このテスターを別のコンピューターからも実行するには、そのコンピューターのアドレスも追加するか、制限を解除するようプロバイダーに依頼してください。
your-website-could-not-read-f7b4fedd = ウェブサイトがメールアドレスの1つを読み取れませんでした
the-specified-string-is-not-8907296d = 「The specified string is not in the form required for an e-mail address」は、メールサーバーに接続する前に ASP.NET 自身が出すメッセージです。`from` のアドレス、またはウェブサイトが To、Cc、Bcc に入れるアドレスに入力ミス (@ がない、スペースがある、1つの欄に2つのアドレスがある) があります。
check-from-in-web-config-26d1a3fb = web.config の `from` を確認してください。`info@example.com` のようなアドレス1つです (前に名前を付けることもできます: `Shop <info@example.com>`)。
if-from-is-right-the-a6e15de4 = `from` が正しい場合、そのアドレスはウェブサイト自身 (訪問者が入力したフォームや、サイトの設定) から来ています。送信前にアドレスを確認するよう開発者に依頼してください。
the-server-refused-and-your-051e3698 = サーバーが拒否しましたが、ウェブサイトのログには理由が記録されていません
syntax-error-command-unrecognized-is-23a7ab1e = 「Syntax error, command unrecognized.」は、ASP.NET のメール送信機能が、名前を知らないコードのサーバー応答 (たとえば拒否されたパスワードの 535) に対して書くメッセージです。その後にサーバー自身の文面がないと、ログからはどの設定が間違っているか分かりません。
if-the-log-goes-on-c96ac828 = ログに「The server response was:」が続いている場合は、その行も貼り付けてください。
run-the-test-here-with-8c3a56a5 = 同じ設定でここでテストを実行してください。サーバーの応答がそのまま表示され、その意味も分かります。
an-address-has-letters-asp-508530c0 = アドレスに、ASP.NET が設定なしでは送らない文字が含まれています
the-client-or-server-is-874f1000 = 「The client or server is only configured for E-mail addresses with ASCII local-parts」は、末尾に示されたアドレスの @ の前に半角英字以外の文字 (ö や é など) があることを意味します。ASP.NET がこのようなアドレスを送るのは `deliveryFormat="International"` がある場合だけで、しかも SMTPUTF8 (国際化アドレスのための規格) を提供するメールサーバー経由に限られます。
if-the-address-is-from-d8b5febf = そのアドレスが `from` の場合は、@ の前が半角英字のアドレスを使ってください。
if-it-is-a-customer-30b90862 = お客様のアドレスの場合は、web.config の `<smtp>` に `deliveryFormat="International"` を追加し (.NET Framework 4.5 以降)、ここでテストを実行して、メールサーバーが SMTPUTF8 を提供しているか確認してください。

## src/diagnosis/texts/tls.rs

the-server-wants-an-encrypted-bcbb2dd1 = サーバーは暗号化された接続を求めています
the-server-will-not-go-b13a1048 = サーバーは、STARTTLS (メールサーバーが暗号化された接続に切り替える方法) で接続が暗号化されるまで先に進みません。web.config では `enableSsl="true"` でオンになります。
use-port-587-the-usual-d29b1fcf = プロバイダーから別の指示がない限り、`port` は `587` (ウェブサイトからの送信で一般的なポート) を使ってください。
the-server-does-not-offer-345a167c = サーバーは、このポートで暗号化された接続を提供していません
with-enablessl-on-asp-net-bc209598 = `enableSsl` がオンの場合、ASP.NET は STARTTLS (メールサーバーが暗号化された接続に切り替える方法) を要求しますが、このサーバーは提供していないため、ASP.NET は「Server does not support secure connections」で停止します。通常は、そのポートやサーバーがプロバイダーの送信用サーバーではないか、サーバーの暗号化が設定されていません。
check-host-and-port-against-3146a584 = `host` と `port` をプロバイダーの説明と照らし合わせてください。`port` が `25` の場合は、`587` を試してください。
ask-your-mail-provider-whether-e9b014ae = このサーバーが STARTTLS に対応しているか、どのポートで対応しているかをメールプロバイダーに確認してください。
turning-enablessl-off-would-send-df98f72a = `enableSsl` をオフにすると、パスワードが暗号化されずに (途中の誰にでも読める状態で) 送られます。サーバーが自分のプライベート ネットワーク内にあるとプロバイダーが確認した場合に限り、検討してください。
this-port-starts-unencrypted-and-8eab0593 = このポートは暗号化なしで始まり、後から暗号化に切り替わります
one-side-started-encrypting-straight-ebbd67b5 = 一方はすぐに暗号化を始め (「接続時に SSL」)、もう一方は最初に暗号化なしで始めて STARTTLS (メールサーバーが暗号化された接続に切り替える方法) で切り替えることを想定していました。この2つの方法は混在できないため、ハンドシェイク (暗号化を準備するやり取り) が失敗しました。
keep-this-port-and-set-14145fd0 = このポートのまま、`enableSsl` を `true` にしてください (ほかのプログラムでは「SSL」ではなく「STARTTLS」または「TLS」を選びます)。
or-in-programs-other-than-6eb280ba = または、ASP.NET 以外のプログラムでは、プロバイダーが対応していれば「SSL」のままポートを `465` に変更してください。
the-encrypted-connection-could-not-38a20e5a = 暗号化された接続を準備できませんでした
the-handshake-the-exchange-that-d77564bd = ハンドシェイク (暗号化を準備するやり取り) が失敗しました。よくある原因は、サーバーが古い暗号化のバージョン (最近のプログラムが拒否する TLS 1.0 や 1.1) しか扱えない、サーバーの暗号化の設定が間違っている、このコンピューターのセキュリティ プログラムが暗号化された接続に干渉している、のいずれかです。
test-again-in-a-few-b2d0d9dc = 数分後にもう一度テストしてください。暗号化の問題が短時間で解消するサーバーもあります。
send-the-transcript-to-your-6a58275d = 通信記録をメールプロバイダーに送り、サーバーが TLS 1.2 以降に対応しているか尋ねてください。
if-this-computer-runs-antivirus-bc7e4c13 = このコンピューターでメールをスキャンするウイルス対策ソフトを使っている場合は、1回のテストの間だけメールのスキャンを一時停止するか、ソフトのメーカーに問い合わせてください。
the-server-s-encryption-is-47c71bd6 = サーバーの暗号化が現在動いていません
the-server-offers-starttls-the-a70908db = サーバーは STARTTLS (メールサーバーが暗号化された接続に切り替える方法) を提供していますが、暗号化を使えないと言って開始を拒否しました。サーバー側の問題で、通常は一時的なものです (証明書を読み込めなかったなど)。設定は正しいです。
if-it-lasts-tell-your-775241a7 = 続く場合は、サーバーが STARTTLS に「TLS not available」と応答することをメールプロバイダーに伝えてください (通信記録に正確な文面があります)。
do-not-switch-encryption-off-f58feb01 = 回避するために暗号化をオフにしないでください。パスワードが途中の誰にでも読める状態でネットワークを通ってしまいます。
the-mail-server-only-knows-f8184d45 = メールサーバーは古い暗号化 (TLS 1.0 または 1.1) しか扱えません
the-server-offered-only-tls-91482b71 = サーバーが提示したのは TLS 1.0 または 1.1 だけでした。1999年と2006年の暗号化のバージョンで、もう安全ではありません。このテストは最新のプログラムと同様にこれを拒否し、メールプロバイダーや Microsoft もオフにしています。ウェブサイトの Windows サーバーが TLS 1.0 を許可していれば今は接続できるかもしれませんが、それも終わりつつあります。サーバーの更新が必要です。
ask-your-mail-provider-or-b5203011 = メールサーバーで TLS 1.2 以降を有効にするよう、メールプロバイダーまたはホスティング会社に依頼してください (この10年のサーバー ソフトウェアならどれでも可能です)。
or-send-through-a-provider-361887b5 = または、サーバーが TLS 1.2 に対応しているプロバイダー経由で送信してください。`host` (と `port`) をそのサーバーに変更します。
until-then-do-not-switch-9755bfec = それまでは、動かすために暗号化をオフにしないでください。パスワードが途中の誰にでも読める状態でネットワークを通ってしまいます。
once-the-web-server-s-9cd19b68 = ウェブサーバーの Windows が TLS 1.0 をオフにすると、ウェブサイトのエラーログに「A call to SSPI failed, see inner exception.」(「The client and server cannot communicate, because they do not possess a common algorithm」) と記録されます。対処方法は同じです。
the-server-s-security-certificate-04fd7a4d = サーバーのセキュリティ証明書は、別のサーバー名のものです
a-certificate-the-server-s-dd0086e8 = 証明書 (サーバーの身元を証明するもの) には有効な名前が記載されていて、`host` の名前はその中にありません。これは共用ホスティングでよくあることで、証明書にはあなたのドメインではなくホスティング会社のサーバー名が記載されています。
change-host-to-a-name-ee8ec06c = `host` を証明書が有効な名前に変更してください (通常、ホスティングのコントロールパネルにメールサーバーの名前として表示されています)。
if-the-name-must-stay-880e7635 = 名前を変えられない場合は、その名前を証明書に追加するようホスティング会社に依頼してください。
the-server-s-security-certificate-354d75d4 = サーバーのセキュリティ証明書は信頼されていません
the-certificate-the-server-s-4ec64fb5 = 証明書 (サーバーの身元を証明するもの) が、このコンピューターが信頼するどの認証局にも保証されていません。自己署名 (サーバーが自分で作ったもの) であるか、サーバーが信頼された認証局とつなぐ中間証明書を送っていないか、このネットワークのセキュリティ プログラムが証明書を差し替えている可能性があります。
ask-your-mail-provider-or-232ac121 = 公的な認証局 (たとえば Let's Encrypt) の証明書を、中間証明書も含めてインストールするよう、メールプロバイダーまたはホスティング会社に依頼してください。
if-the-server-belongs-to-8f76e621 = サーバーが自分の組織のもので、プライベートな認証局を使っている場合は、「詳細設定」の「追加の CA ファイル」(コマンドラインでは `--ca-file`) でその認証局の証明書をテストに渡してください。ウェブサイトを動かしているサーバーも、それを信頼する必要があります。
or-change-host-to-the-8c9dc251 = または、`host` をプロバイダーがすすめるサーバー名に変更してください。通常は有効な証明書があります。
the-server-s-security-certificate-d63d22af = サーバーのセキュリティ証明書の有効期限が切れています
a-certificate-the-server-s-572e2148 = 証明書 (サーバーの身元を証明するもの) は決められた期間だけ有効で、この証明書はその期間外です。ASP.NET を含むメールプログラムは、パスワードを守るためにこのようなサーバーを拒否します。
tell-your-mail-provider-or-98ff1f18 = メールサーバーの証明書の有効期限が切れていることを、メールプロバイダーまたはホスティング会社に伝えてください。更新できるのは、プロバイダーやホスティング会社だけです。
check-that-this-computer-s-216e1f80 = このコンピューターの日付と時刻が正しいか確認してください。時計がずれていると、有効な証明書も期限切れに見えます。
the-server-s-security-certificate-45756667 = サーバーのセキュリティ証明書はまだ有効になっていません
a-certificate-the-server-s-e8a30f57 = 証明書 (サーバーの身元を証明するもの) は決められた日から有効になりますが、このコンピューターの時計ではその日がまだ来ていません。通常はこのコンピューターの時計がずれています。まれに、サーバーの証明書の日付が未来になっていることもあります。
check-that-this-computer-s-0e843109 = このコンピューターの日付、時刻、タイムゾーンが正しいか確認してから、もう一度テストしてください。
if-the-clock-is-right-8f493c61 = 時計が正しい場合は、メールサーバーの証明書がまだ有効になっていないことをメールプロバイダーに伝えてください。
the-server-wants-an-encrypted-fa383e8e = サーバーは暗号化された接続かサインインを求めています
asp-net-shows-this-message-0837b825 = ASP.NET は、2種類の異なる拒否に対してこのメッセージを表示します。サーバーが STARTTLS (メールサーバーが暗号化された接続に切り替える方法) での暗号化を求めている場合と、先にサインインを求めている場合です。「The server response was:」の後のサーバー自身の文面で、どちらか分かります。
set-enablessl-to-true-and-8c899e5c = `enableSsl` を `true` にし、`port` は `587` を使ってください。
test-again-if-it-still-548726f4 = もう一度テストしてください。それでも失敗する場合は、サーバーの応答に2つのうちどちらが足りないかが書かれています。
your-website-and-the-mail-074c2270 = ウェブサイトとメールサーバーに、共通して使える暗号化のバージョンがありませんでした
the-remote-party-has-closed-5bd76f7e = 「The remote party has closed the transport stream」と「do not possess a common algorithm」は、何も送る前に暗号化のハンドシェイクが失敗したことを意味します。現在のメールサーバーは TLS 1.2 以降しか受け付けませんが、4.5.2 以前を対象にした .NET Framework のサイトは既定で TLS 1.0 しか提示しません。これがよくある原因です。
check-targetframework-in-web-config-52086986 = web.config の `targetFramework` (`<httpRuntime targetFramework="…" />`) を確認してください。4.5.2 以下の場合は、`<httpRuntime targetFramework="4.8" />` と書いてください (ウェブサーバーに .NET Framework 4.8 がインストールされている必要があります。ホスティング会社に確認できます)。
or-have-your-developer-add-de3780a8 = または、サイトの起動時に `ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;` を追加するよう開発者に依頼してください。
if-the-site-already-targets-957e6eff = サイトがすでに 4.7 以降を対象にしている場合は、同じ設定でここでテストを実行してください。サーバー自体に暗号化の問題があるかどうかが分かります。

## src/discover/autoconfig.rs

the-file-names-no-outgoing-da3cda86 = ファイルに送信 SMTP サーバーが記載されていません
tls-set-up-failed-err-0e784387 = TLS の準備に失敗しました ({ $err })
could-not-set-up-the-7a58deaf = ダウンロードを準備できませんでした ({ $err })
the-web-server-answered-status-bb1a36ee = ウェブサーバーの応答: { $status }
the-file-is-far-too-8ea85755 = autoconfig ファイルとしては大きすぎます
no-answer-in-time-132d9f04 = 時間内に応答がありません
could-not-connect-87553579 = 接続できませんでした
the-download-failed-6b35b8c9 = ダウンロードに失敗しました
no-answer-in-time-cause-dd991151 = 時間内に応答がありません: { $cause }
could-not-connect-cause-d51a1172 = 接続できませんでした: { $cause }
the-download-failed-cause-7b220fc2 = ダウンロードに失敗しました: { $cause }

## src/discover/mod.rs

this-computer-s-dns-settings-df57410c = このコンピューターの DNS 設定
cancelled-before-a-usable-server-e60f4d58 = 使えるサーバーが見つかる前にキャンセルされました。

## src/discover/model.rs

the-host-you-gave-b4172f6e = 指定されたホスト
srv-record-submission-tcp-fd4f9e08 = SRV レコード _submission._tcp
srv-record-submissions-tcp-6f770ec3 = SRV レコード _submissions._tcp
provider-recognised-from-mx-6cfcf862 = MX から判別したプロバイダー
autoconfig-file-74e867c6 = autoconfig ファイル
mx-record-7aaa82a5 = MX レコード
usual-name-8ddec150 = 一般的な名前
dns-settings-dc95a679 = DNS 設定
nothing-527dae8a = なし
open-d35ec4c9 = 開いている
refused-60acd1e3 = 拒否
timed-out-9a0e1624 = タイムアウト
name-not-found-b063b887 = 名前が見つからない
unreachable-d89e21f1 = 到達できない
cancelled-845df81c = キャンセル

## src/discover/probe.rs

host-has-no-address-detail-775916bb = { $host } にはアドレスがありません: { $detail }

## src/discover/rank.rs

internet-providers-and-cloud-hosts-c4d8c14d = インターネット プロバイダーやクラウドのホスティングでは、外向きのポート 25 (ときには 465 や 587 も) がよくブロックされています。このチェックはこのコンピューターから実行しました。ウェブサイトが動いているサーバーでは別のブロックがあるかもしれないので、それでもウェブサイトが接続できない場合は、外向きのメールのポートをブロックしていないかホスティング会社に確認してください。
found-through-the-source-c322eaae = { $source } で見つかりました。
host-answers-but-its-certificate-58712b2f = { $host } は応答しますが、証明書は { $name } のものなので、暗号化された接続は失敗します。代わりに { $name } をホストとして使ってください (確認するには `mailtester probe --host { $name }` を実行します)。
the-only-secure-server-found-5b1b0033 = 見つかった唯一の安全なサーバーは接続時の SSL (ポート 465) を使っていますが、ASP.NET の System.Net.Mail はこれを使えません。ポート 587 で STARTTLS を使えるサーバーをメールプロバイダーに確認するか、メール送信サービスを使ってください。
no-server-answered-on-any-1152159c = このコンピューターからは、どのポートでもサーバーが応答しませんでした。アドレスを確認するか、別のネットワークから試してください。このネットワークが外向きのメールのポートをブロックしている可能性があります。
no-server-offered-an-encrypted-3a856083 = ウェブサイトが使えるサインイン付きの暗号化された接続を提供するサーバーはありませんでした。どの送信 (SMTP) サーバー、ポート、セキュリティを使えばよいか、メールプロバイダーに確認してください。
this-name-does-not-exist-3844c68d = この名前は DNS に存在しません。
not-finished-cancelled-052fcd59 = 未完了: キャンセルされました。
port-port-refused-the-connection-78196336 = ポート { $port } は接続を拒否しました。そこではメールを受け付けていません。
no-answer-on-port-port-f2d9fb6a = ポート { $port } で応答がありません。途中でブロックされているか、サーバーが無視しています。
could-not-reach-port-port-e626ab15 = このコンピューターからポート { $port } に到達できませんでした。
port-port-accepts-connections-but-c44f4dbc = ポート { $port } は接続を受け付けますが、メールサーバーのようなあいさつをしません。
port-port-wants-ssl-on-08854b61 = ポート { $port } は接続時の SSL を求めますが、ASP.NET (System.Net.Mail) にはそれができません。web.config では使わないでください。
unencrypted-enablessl-false-this-server-4741a147 = 暗号化なし (enableSsl="false"): このサーバーは STARTTLS を提供しているので、SSL はオンのままにしてください。
unencrypted-with-no-sign-in-dd28ec6f = 暗号化なし、サインインの提供なし: ここでメールを受け付けるのは、あなたのサーバーのアドレスを知っている中継サーバーだけです。
unencrypted-the-password-would-cross-99107547 = 暗号化なし: パスワードが途中の誰にでも読める状態でネットワークを通ってしまいます。代わりに STARTTLS を使ってください。
no-certificate-6f3ef809 = 証明書なし
certificate-trusted-9c31dd2b = 証明書は信頼済み
the-certificate-is-for-name-3c436d2f = 証明書は { $host } ではなく { $name } のものです。{ $name } をホストとして使ってください
the-certificate-is-not-for-5c16eb77 = 証明書は { $host } のものではありません
the-certificate-has-expired-a80ab172 = 証明書の有効期限が切れています
the-certificate-is-not-from-dace93b1 = 証明書は信頼された認証局のものではありません
the-certificate-is-not-valid-fd6b02ae = 証明書は有効ではありません
what-accepted-because-invalid-certificat-654eb2c8 = { $what } (無効な証明書を許可しているため受け入れました)

## src/discover/reasons.rs

ssl-on-connect-on-port-8381ea47 = ポート { $port } での接続時の SSL に失敗しました: { $problem }
starttls-on-port-port-failed-b828dcbf = ポート { $port } での STARTTLS に失敗しました: { $problem }
ssl-on-connect-on-port-6006be8e = ポート { $port } での接続時の SSL は動きますが、{ $what }。
starttls-on-port-port-works-0c771c86 = ポート { $port } での STARTTLS は動きますが、{ $what }。
ssl-on-connect-on-port-60ce1025 = ポート { $port } での接続時の SSL は動きます ({ $certificate }) が、サインインが提供されていません。メールを受け付けるのは、あなたのサーバーのアドレスを知っている中継サーバーだけです。
starttls-on-port-port-works-f984c06d = ポート { $port } での STARTTLS は動きます ({ $certificate }) が、サインインが提供されていません。メールを受け付けるのは、あなたのサーバーのアドレスを知っている中継サーバーだけです。
ssl-on-connect-on-port-90b0d615 = ポート { $port } での接続時の SSL は動きますが、サインインは { $offered } だけで、ASP.NET は LOGIN でサインインします。
starttls-on-port-port-works-d8016efd = ポート { $port } での STARTTLS は動きますが、サインインは { $offered } だけで、ASP.NET は LOGIN でサインインします。
ssl-on-connect-on-port-93cce076 = ポート { $port } での接続時の SSL、暗号化後のサインイン ({ $offered }) あり、{ $certificate }。
starttls-on-port-port-with-70b23d3e = ポート { $port } での STARTTLS、暗号化後のサインイン ({ $offered }) あり、{ $certificate }。

## src/discover/request.rs

given-is-not-an-email-aba196ff = 「{ $given }」は、検索できるメールアドレスでもサーバー名でもありません。--email you@example.com や --host mail.example.com のように指定してください
could-not-use-the-certificate-48b99cc8 = 証明書ファイルを使えませんでした ({ $detail })。--ca-file で PEM または DER (.cer) ファイルを指定してください: { $path }

## src/discover/run.rs

built-in-roots-418ee249 = (組み込みのルート証明書)
autoconfig-for-domain-b5ed5741 = { $domain } の autoconfig
no-answer-from-dns-in-36c18acb = 時間内に DNS から応答がありません
no-address-690ce026 = アドレスなし

## src/discover/sources.rs

the-mx-hosts-against-the-97badb2f = MX ホストをプロバイダーの一覧と照合
no-known-provider-runs-these-45681bfb = これらの MX ホストを運営する既知のプロバイダーはありません
the-usual-names-for-domain-e2a756b7 = { $domain } の一般的な名前
no-such-record-f2abe916 = そのようなレコードはありません

## src/dns.rs

could-not-read-this-computer-ef192af0 = このコンピューターの DNS 設定を読み込めませんでした ({ $detail })。--dns-server で DNS サーバーを指定してください (例: --dns-server 1.1.1.1:53)
could-not-set-up-dns-dc830dd9 = DNS の参照を準備できませんでした ({ $detail })。--dns-server を確認してください
could-not-read-all-of-2aebf030 = このコンピューターの DNS 設定をすべては読み込めませんでした ({ $error })。公開 DNS サーバー { $servers } を使います。別のサーバーは DNS サーバーの設定 (--dns-server) で指定できます。
could-not-read-all-of-8d6abebb = このコンピューターの DNS 設定をすべては読み込めませんでした ({ $error })。ほかの DNS サーバー ({ $servers }) を使います。別のサーバーは DNS サーバーの設定 (--dns-server) で指定できます。
text-is-not-an-ip-3e862c8c = 「{ $text }」は IP アドレス (ポートは省略可) ではありません。1.1.1.1:53 のように指定してください

## src/event.rs

resolve-host-96e6a1b3 = ホストの名前解決
connect-aae0ccf9 = 接続
tls-handshake-8af0d15f = TLS ハンドシェイク
greeting-d4edbfb6 = あいさつ
sign-in-auth-c6f2a51c = サインイン (AUTH)
connect-db89a899 = 接続
secure-connection-03f2ee68 = 暗号化接続
sign-in-744be623 = サインイン
send-message-d97db31c = メッセージ送信
t-1-ms-94c7ac32 = <1 ms
ms-ms-f79070b7 = { $ms } ms

## src/files.rs

it-is-not-a-regular-f71db6cc = 通常のファイルではありません

## src/fleet/iis.rs

line-line-column-column-problem-e86e7c22 = { $line }行目、{ $column }列目: { $problem }
line-line-column-column-23009a9d = { $line }行目、{ $column }列目
the-file-could-not-be-08983729 = ファイルを読み込めませんでした
iis-s-list-of-sites-26e20999 = IIS のサイト一覧を読み込めませんでした: { $err }
iis-site-name-its-folder-f50c08fe = IIS サイト「{ $name }」: フォルダーに { $variable } が使われていますが、ここでは設定されていません
iis-site-name-its-folder-8d62d056 = IIS サイト「{ $name }」: フォルダーが Windows のパスのため、ここでは開けません。Windows サーバー上でスキャンを実行してください
iis-site-name-its-folder-d89eb25d = IIS サイト「{ $name }」: フォルダーがありません

## src/fleet/judge.rs

the-server-answered-as-this-ad49dbb9 = サーバーはこのサイトに必要なとおりに応答しました。メールを妨げるものは見つかりませんでした。
this-website-s-mail-program-1a7b3381 = このウェブサイトのメールプログラム
port-465-expects-ssl-on-af8f9883 = ポート 465 は接続時の SSL を求めますが、ASP.NET にはそれができません。来ることのないあいさつを待ち続けます
nothing-in-the-files-stops-d06c6341 = ファイルには妨げになるものはありません。サーバーには接続していません (--offline)。

## src/fleet/model.rs

the-mail-settings-are-encrypted-a053936c = メール設定が暗号化されています (aspnet_regiis -pe)。確認するには、サーバー上で復号してください
the-file-could-not-be-695620a2 = ファイルを { $what } として読み込めませんでした: { $detail }
the-file-could-not-be-576c03c8 = ファイルを開けませんでした: { $arg0 }
the-file-is-0-bytes-1ce04a19 = ファイルは { $arg0 }バイトあり、設定ファイルとしては大きすぎます。スキップしました
the-file-holds-binary-data-062499d0 = ファイルの中身はテキストではなくバイナリデータです。スキップしました

## src/fleet/read/appsettings.rs

the-mail-section-s-port-af08395b = メールのセクションのポートが整数ではありません
securesocketoptions-is-not-one-of-8884005f = SecureSocketOptions が None、Auto、SslOnConnect、StartTls、StartTlsWhenAvailable (または 0〜4) のどれでもありません
the-mail-section-s-ssl-6926e20b = メールのセクションの SSL のスイッチが true でも false でもありません
the-file-ends-inside-a-4c672aa5 = 値の途中でファイルが終わっています (かっこか引用符が閉じていません)
this-is-not-valid-json-d2ad7323 = 有効な JSON ではありません (カンマ、引用符、かっこが抜けていませんか?)
line-line-a-comment-starts-d2dcdf02 = { $line }行目: ここで /* コメントが始まっていますが、閉じられていません

## src/fleet/read/dotenv.rs

mail-scheme-must-be-smtp-12aa34e8 = MAIL_SCHEME は smtp か smtps でなければなりません。Laravel はほかの値を拒否し、メールを送りません (接続時の SSL には smtps と書くか、ポート 465 を使います)
mail-port-is-not-a-878b9e36 = MAIL_PORT が整数ではありません
mailer-dsn-is-empty-in-0c586ff2 = この .env ファイルでは MAILER_DSN が空です。使われているメールサーバーは .env.local (または .env.prod.local) か、サーバーの環境で設定されています
key-in-the-env-file-46fc61eb = .env ファイルの { $key } は別の変数から値を取っていますが、その変数はファイルで設定されていません。値はサーバーの環境 (ウェブサーバーや PHP の設定) から来ています。そちらを確認してください
key-in-the-env-file-bbcf231a = .env ファイルの { $key } は { $variable } から値を取っていますが、それはファイルで設定されていません。値はサーバーの環境 (ウェブサーバーや PHP の設定) から来ています。そちらを確認してください
line-line-not-a-name-c3f707ea = { $line }行目: NAME=value の形の行ではありません (引用符を確認してください。スペースを含む値には引用符が必要です)

## src/fleet/read/dotenv_dsn.rs

key-names-several-mail-servers-49d562aa = { $key } には複数のメールサーバーが指定されています (failover または roundrobin)。それぞれを個別に確認してください
key-is-not-a-mail-c141a1af = { $key } は Symfony Mailer が受け付けるメールサーバーのアドレスではありません (smtp:// のようなスキームがありません)。形式は smtp://user:password@host:port です
key-is-not-a-mail-597b5d63 = { $key } は Symfony Mailer が受け付けるメールサーバーのアドレスではありません (ホストが指定されていません)。形式は smtp://user:password@host:port です
key-is-not-a-mail-959f07e4 = { $key } は Symfony Mailer が受け付けるメールサーバーのアドレスではありません (ポートが整数ではありません)。形式は smtp://user:password@host:port です

## src/fleet/read/webconfig.rs

the-mail-settings-are-kept-ac312744 = メール設定は「{ $source }」(configSource) に保存されていますが、そのファイルがありません
the-mail-settings-are-kept-34535e3f = メール設定は「{ $source }」(configSource) に保存されていますが、ファイル名が指定されていません。web.config と同じフォルダーかその下のフォルダーにあるファイルを指定する必要があります
the-mail-settings-are-kept-27850fc0 = メール設定は「{ $source }」(configSource) に保存されていますが、これは絶対パスなので読み込まれません。web.config と同じフォルダーかその下のフォルダーにあるファイルを指定する必要があります
the-mail-settings-are-kept-ca9f69a5 = メール設定は「{ $source }」(configSource) に保存されていますが、サイトのフォルダーの外にあります。web.config と同じフォルダーかその下のフォルダーにあるファイルを指定する必要があります
the-mail-settings-are-kept-31a5b4e0 = メール設定は「{ $source }」(configSource) に保存されていますが、サイトのフォルダーの外を指しています (シンボリックリンク)。web.config と同じフォルダーかその下のフォルダーにあるファイルを指定する必要があります
the-xml-could-not-be-1fb3dcda = XML を読み込めませんでした
in-file-configsource-line-line-0c6d9a6f = 「{ $file }」(configSource) の { $line }行目、{ $column }列目: { $problem }
the-mail-settings-are-kept-09fd0bbe = メール設定は「{ $file }」(configSource) に保存されていますが、<smtp> ではなく <{ $root }> で始まっています
the-first-element-is-root-6db531d1 = 最初の要素が <configuration> ではなく <{ $root }> です
in-file-configsource-the-mail-d449392a = 「{ $file }」(configSource) のメール設定を読み込めませんでした
the-mail-settings-could-not-4480c8b3 = メール設定を読み込めませんでした
this-web-config-inherits-mail-b55d376d = この web.config は親フォルダーの web.config からメール設定を継承していますが、それを読み込めませんでした ({ $err }): { $path }
attribute-value-is-not-true-5069d63f = { $attribute }="{ $value }" は true でも false でもないため、ASP.NET は構成エラーで停止します
deliverymethod-value-is-not-network-a12fa162 = deliveryMethod="{ $value }" は Network、SpecifiedPickupDirectory、PickupDirectoryFromIis のどれでもないため、ASP.NET は構成エラーで停止します
port-value-is-not-a-25b8c42f = port="{ $value }" は整数ではないため、ASP.NET は構成エラーで停止します

## src/fleet/read/wordpress.rs

line-line-problem-02d07e14 = { $line }行目: { $problem }
wp-mail-smtp-s-constants-786694b4 = WP Mail SMTP の定数はオンですが、wp-config.php に WPMS_MAILER が設定されていません。WP Mail SMTP が使うメーラーは WordPress のデータベースに保存されたもの (サイトの管理画面の WP Mail SMTP > Settings (設定)) で、このチェックではそれを読み込みません
wp-mail-smtp-s-constants-7a02d053 = WP Mail SMTP の定数はオンですが、wp-config.php に WPMS_SMTP_HOST が設定されていません。使われているメールサーバーは WordPress のデータベースに保存されたもの (サイトの管理画面の WP Mail SMTP > Settings (設定)) で、このチェックではそれを読み込みません
name-is-defined-more-than-59afc853 = { $name } は wp-config.php で異なる値で複数回定義されています ({ $line }行目と { $other }行目)。どちらが使われるかはファイル内の条件によります。サーバー上で確認してください
name-in-wp-config-php-b9b0d0ae = wp-config.php の { $name } ({ $line }行目) は、単純な値ではなく PHP のコードで計算されています。このサイトを確認するには、サーバー上でその値を調べてください
wp-mail-smtp-s-constants-6628db44 = WP Mail SMTP の定数はオフになっています (WPMS_ON が true ではありません) (WPMS_ON が定義されていません)。使われている設定は WordPress のデータベース (サイトの管理画面の WP Mail SMTP > Settings (設定)) にあり、このチェックではそれを読み込みません
wp-mail-smtp-s-constants-34b65098 = WP Mail SMTP の定数はオフになっています (WPMS_ON が true ではありません)。使われている設定は WordPress のデータベース (サイトの管理画面の WP Mail SMTP > Settings (設定)) にあり、このチェックではそれを読み込みません
wp-mail-smtp-s-constants-0e156393 = WP Mail SMTP の定数はオフになっています (WPMS_ON が true ではありません)。WPMS_ON は引用符なしで書いた PHP の値 true でなければなりません。使われている設定は WordPress のデータベース (サイトの管理画面の WP Mail SMTP > Settings (設定)) にあり、このチェックではそれを読み込みません

## src/fleet/read/wordpress_lexer.rs

a-quoted-string-starts-here-8301b510 = ここで引用符付きの文字列が始まり、複数行にわたっています。文字列の途中でファイルが終わっているので、おそらくここで引用符が抜けています
a-quoted-string-starts-here-f2be9f2f = ここで引用符付きの文字列が始まっていますが、閉じられていません
a-heredoc-string-starts-here-9a40e56f = ここでヒアドキュメントの文字列が始まっていますが、閉じられていません

## src/fleet/read/wordpress_php.rs

a-constant-s-definition-here-aa6ad48d = ここにある定数の定義が閉じられていません

## src/fleet/report.rs

sites-broken-broken-at-risk-8ae33c1d = { $sites }: 送信不可 { $broken }、要注意 { $at_risk }、不明 { $unknown }、OK { $ok }。{ $servers }、接続なし (--offline)
sites-broken-broken-at-risk-5ceb8ca8 = { $sites }: 送信不可 { $broken }、要注意 { $at_risk }、不明 { $unknown }、OK { $ok }。{ $servers }、それぞれ1回接続

## src/fleet/scan.rs

not-trusted-problem-a72ac742 = 信頼されていません: { $problem }

## src/fleet/walk/load.rs

the-tester-failed-while-reading-45d644d4 = テスターが読み込み中に失敗しました (不具合です。報告してください)
permission-denied-this-account-may-6fd3f362 = アクセスが拒否されました。このアカウントには読み込む権限がありません。権限のあるユーザー (管理者または root) でスキャンを実行してください
it-is-not-there-or-26791bda = 存在しません (または、存在しないものを指すシンボリックリンクです)

## src/fleet/walk.rs

a-symbolic-link-loop-it-3f5ee203 = シンボリックリンクのループです。上位のフォルダーに戻るため、中には入りませんでした: { $folder }
the-folder-to-scan-could-71e8ff6b = スキャンするフォルダーを読み込めませんでした: { $reason }
it-could-not-be-read-e776a2b9 = 読み込めませんでした: { $reason }
could-not-be-read-err-a4a50f9d = 読み込めませんでした: { $err }

## src/gui/app.rs

saved-to-path-81572862 = { $path } に保存しました

## src/gui/app_data.rs

run-a-successful-test-first-a67cdc58 = 先にテストを成功させてください。web.config に書き込むのは、正しく動く設定だけです。
path-already-has-these-settings-e3ba752a = { $path } にはすでにこの設定があります。変更するものはありません。
web-config-updated-the-old-7f855d8e = web.config を更新しました。元のファイルは { $backup } として保存されています。
web-config-already-had-these-7b4733bb = web.config にはすでにこの設定がありました。何も書き込んでいません。
password-filled-in-from-the-f2da34c8 = システムのキーリングからパスワードを入力しました。

## src/gui/arrive.rs

will-it-arrive-06141c0a = 届きますか?
checking-the-dns-of-domain-b7ccbc42 = { $domain } の DNS を確認しています…
your-server-took-the-message-5ccd8281 = サーバーはメッセージを受け取りました。お客様のメールボックスがそれを受け入れるかどうかは、{ $domain } が DNS で公開している内容 (SPF、DKIM、DMARC) によります。Gmail や Outlook.com などは、すべてのメッセージでそれを確認します。
check-my-domain-abc31f65 = ドメインをチェック
name-0fe07306 = 名前
type-d155d06d = 種類
copy-value-8902f3e5 = 値をコピー
dns-record-803b41a1 = DNS レコード

## src/gui/certificate_view.rs

valid-for-this-server-from-355e575b = このサーバーに有効で、このコンピューターが信頼する認証局のものです。
no-authority-this-computer-trusts-9bf7a28b = このコンピューターが信頼する認証局に保証されていません (自己署名またはプライベートな認証局)。ウェブサイトはこれを拒否します。
expired-or-not-valid-yet-5b17fef0 = 期限切れ (またはまだ有効ではありません)。ウェブサイトはこれを拒否します。
issued-for-other-names-than-7a13a5e6 = このサーバー以外の名前に発行されています。ウェブサイトはこれを拒否します。
issued-for-other-names-than-d98c0689 = このサーバー以外の名前に発行されています。代わりに { $name } をサーバーとして使ってください。
not-acceptable-your-website-will-e8804bfb = 受け入れられません。ウェブサイトはこれを拒否します。
refused-problem-25d0d4f8 = 拒否: { $problem }
accepted-only-because-you-allowed-a802d3e1 = 無効な証明書を許可しているため受け入れただけです。ウェブサイトはこれを拒否します: { $problem }
certificate-of-server-1a556eea = { $server } の証明書
issued-for-6714067b = 発行先
subject-a07924ef = サブジェクト
issued-by-32d73b71 = 発行者
valid-from-5c4db35f = 有効期間の開始
valid-until-ae5379d5 = 有効期限
key-cd1ac90c = 鍵
it-signs-itself-self-signed-ffdfbb41 = 自分自身で署名しています (自己署名)。
close-cd86acc3 = 閉じる
the-server-showed-a-certificate-fc7f0c41 = サーバーが証明書を提示しました:
certificate-164f4d6c = 証明書…

## src/gui/clipboard.rs

the-clipboard-holds-no-text-0e51ef9b = クリップボードにテキストがありません。エラーメッセージを選択してコピー (Ctrl+C) し、もう一度「貼り付けて説明」を押してください。
could-not-read-the-clipboard-55ca3f2e = クリップボードを読み込めませんでした ({ $error })。代わりにボックス内をクリックして Ctrl+V を押してください。
could-not-read-the-clipboard-d8d75827 = クリップボードを読み込めませんでした ({ $error })。

## src/gui/countdown.rs

ways-out-663fc101 = 解決方法
switch-to-azure-communication-services-5028f1c1 = Azure Communication Services に切り替える…
fills-in-the-server-port-52b97455 = サーバー、ポート、SSL を入力します。その後、SMTP のユーザー名とアプリのクライアント シークレットを入力してテストしてください
test-oauth-sign-in-instead-6121b8ed = 代わりに OAuth サインインをテスト…
switches-sign-in-to-microsoft-21e22962 = サインインを Microsoft 365 (OAuth) に切り替えます。アプリのテナント、クライアント ID、シークレットを入力してテストしてください

## src/gui/data.rs

background-work-failed-err-6348a5e0 = バックグラウンドの処理に失敗しました: { $err }
saved-the-profile-name-without-7601dd12 = プロファイル「{ $name }」を保存しました (パスワードは除く)。
renamed-old-to-new-81c2e66b = 「{ $old }」の名前を「{ $new }」に変更しました。
deleted-the-profile-name-02cadbdf = プロファイル「{ $name }」を削除しました。
password-saved-in-the-system-caf1d26b = パスワードをシステムのキーリングに保存しました。
password-removed-from-the-system-bf5241d1 = パスワードをシステムのキーリングから削除しました。
the-system-keyring-had-no-79911590 = システムのキーリングには、この設定のパスワードはありませんでした。
error-in-path-fb673a64 = { $error } ({ $path } 内)

## src/gui/data_ui.rs

profile-cd17328e = プロファイル
not-saved-0cbbe4ae = (未保存)
no-saved-profiles-yet-8e93c7bf = 保存されたプロファイルはまだありません
save-profile-2155f443 = プロファイルを保存…
keep-these-settings-under-a-6f00abd5 = この設定に名前を付けて保存します (パスワードは保存しません)
rename-8628af0d = 名前を変更…
delete-5797ea6a = 削除
delete-this-profile-the-saved-9a91cae8 = このプロファイルを削除します (保存されたパスワードはキーリングに残ります)
save-these-settings-as-a-baa6424a = この設定をプロファイルとして保存
rename-the-profile-108df4fd = プロファイルの名前を変更
profile-name-4a62f0b1 = プロファイル名
the-password-is-never-saved-847cc3d3 = パスワードがプロファイルに保存されることはありません。
cancel-35afca3b = キャンセル
what-we-found-in-your-30b437af = web.config で見つかった内容
read-the-mail-settings-from-f888cdc5 = { $file } のメール設定をフォームに読み込みました。
nothing-looks-wrong-in-the-d8199839 = メール設定に問題はなさそうです。
message-line-line-fdb1cbdf = { $message } ({ $line }行目)
how-to-fix-it-fix-2f1add2f = 直し方: { $fix }
update-web-config-f17b814a = web.config を更新
these-changes-will-be-written-d79bed29 = 次の変更が { $path } に書き込まれます:
removed-414d3fcc = (削除)
show-the-exact-lines-diff-28e9792f = 変更する行を正確に表示 (差分)
a-copy-of-the-current-628d2468 = 先に現在のファイルのコピーが同じ場所に保存され、ファイル内のほかの部分は変わりません。
write-the-changes-d520b72a = 変更を書き込む

## src/gui/explain.rs

explain-an-error-message-cfdd1096 = エラーメッセージを説明
paste-the-error-your-website-a6f28df8 = ウェブサイトが記録したエラー (またはメールサーバーの応答) を貼り付けてください:
paste-and-explain-221ad80a = 貼り付けて説明
puts-what-you-copied-ctrl-188d8686 = コピーした内容 (Ctrl+C) をボックスに入れて説明します
explain-99127ffc = 説明
nothing-is-sent-anywhere-a2469521 = どこにも何も送信されません。

## src/gui/find.rs

find-my-settings-784a8e8d = 設定を探す
servers-tried-1c7ebb43 = 試したサーバー
your-website-s-email-address-5928f99d = ウェブサイトのメールアドレス (またはメールサーバーの名前):
find-3e1cd17a = 探す
stop-4b7f7705 = 停止
tried-tried-trying-under-way-9d062519 = 試行済み { $tried }、実行中 { $trying }
we-look-up-where-your-a611819d = ドメインのメールの行き先を調べ、各サーバーの扉をノックします。メールは送信されず、パスワードがこのコンピューターの外に出ることもありません。
stopped-before-every-server-answered-7abb5aa7 = すべてのサーバーが応答する前に停止しました。下はそれまでに見つかったものです。
no-server-answered-in-a-cacb09fc = ウェブサイトが使える形で応答したサーバーはありませんでした。
found-settings-your-website-can-a1d43a43 = ウェブサイトで使える設定が見つかりました
server-host-2b5c3c37 = サーバー (host)
port-e2c53cc6 = ポート
use-ssl-enablessl-8787f948 = SSL を使用 (enableSsl)
use-these-settings-bdf41e24 = この設定を使う
host-port-port-security-08e4532b = { $host }   ポート { $port }   { $security }
host-port-port-254b241f = { $host }   ポート { $port }
trying-bbcf4a72 = 試行中…
use-ba1c5c94 = 使う
find-my-settings-d1ed1573 = 設定を探す…
don-t-know-your-server-e5f6d9ac = サーバー、ポート、SSL を使うかどうかが分かりませんか? メールアドレスから探せます。

## src/gui/find_handle.rs

filled-in-server-host-port-6e89d92b = サーバー { $host }、ポート { $port }、SSL を使用: オン を入力しました。ユーザー名とパスワードを追加して、「テストメールを送信」を押してください。
filled-in-server-host-port-c99c513f = サーバー { $host }、ポート { $port }、SSL を使用: オフ を入力しました。ユーザー名とパスワードを追加して、「テストメールを送信」を押してください。

## src/gui/find_sources.rs

can-this-computer-reach-host-7cb31d90 = このコンピューターから { $host } に接続できますか?
where-we-looked-count-c83eaeb4 = 調べた場所 ({ $count })

## src/gui/fleet.rs

save-the-csv-file-1dc67daf = CSV ファイルを保存
save-the-html-page-c594c9af = HTML ページを保存
csv-file-8ff668ab = CSV ファイル
html-page-671c72fb = HTML ページ
could-not-save-the-csv-e61ea1e5 = CSV ファイルを保存できませんでした ({ $error })。書き込み可能なフォルダーを選んでください: { $path }
could-not-save-the-html-7566ece5 = HTML ページを保存できませんでした ({ $error })。書き込み可能なフォルダーを選んでください: { $path }
the-csv-file-could-not-2a54ae9b = CSV ファイルを作成できませんでした ({ $error })。
the-html-page-could-not-78e2bfa9 = HTML ページを作成できませんでした ({ $error })。
no-mail-server-to-contact-39076711 = 接続するメールサーバーなし
check-a-folder-of-sites-5d3e10c1 = サイトのフォルダーをチェック
folder-with-the-sites-5c26d71c = サイトのあるフォルダー
c-inetpub-vhosts-or-var-d1e18405 = C:\inetpub\vhosts  または  /var/www
choose-folder-6d5da010 = フォルダーを選択…
check-592c8de7 = チェック
also-contact-the-mail-servers-b5893b4c = メールサーバーにも接続する
each-server-once-its-greeting-9b299859 = 各サーバーに1回ずつ: あいさつ、EHLO、STARTTLS。サインインもメール送信もしません。オフの場合: ファイルだけで判定します。
use-the-passwords-from-the-b045ac63 = ファイルのパスワードを使う
open-in-the-tester-also-84b1a791 = 「テスターで開く」で、サイトのファイルにあるパスワードも入力されます。パスワードはメモリー内にだけ置かれ、保存されることはありません。
reads-every-web-config-wp-d0337aab = フォルダー内のすべての web.config、wp-config.php、.env、appsettings.json を読み込みます。何も変更せず、メールも送らず、パスワードがこのコンピューターの外に出ることもありません。

## src/gui/fleet_handle.rs

no-folder-chosen-if-no-b4701bc1 = フォルダーが選ばれていません。フォルダーのウィンドウが表示されなかった場合は、ボックスにフォルダーのパスを入力するか貼り付けてください。
this-site-does-not-sign-cae72903 = このサイトはサインインしません。「テストメールを送信」を押してください。
the-password-from-its-file-297f8f04 = サイトのファイルにあるパスワードを入力しました (メモリー内にだけ置かれます)。「テストメールを送信」を押してください。
type-its-password-then-press-12e6e920 = パスワードを入力してから、「テストメールを送信」を押してください。
filled-in-the-settings-of-672072f8 = { $site } の設定を入力しました。
choose-the-folder-that-holds-61e3f817 = サイトが入っているフォルダーを選んでください

## src/gui/fleet_result.rs

stopped-before-the-end-sites-67c19f7b = 最後まで終わる前に停止しました。サーバーがまだ応答していなかったサイトは「不明」になります。
no-site-with-mail-settings-b7ae3397 = このフォルダー内にメール設定のあるサイトは見つかりませんでした。パスを確認するか、サイトのフォルダーが入っているフォルダーを選んでください。
could-not-look-at-1-1b13a133 = 1つのパスを確認できませんでした
could-not-look-at-n-196912a3 = { $n }個のパスを確認できませんでした
show-a7e50a92 = 表示:
sites-broken-broken-at-risk-c4acd5f6 = { $sites }: 送信不可 { $broken }、要注意 { $at_risk }、不明 { $unknown }、OK { $ok }。
servers-not-contacted-judged-from-378e4d23 = サーバーには接続していません: ファイルだけで判定しました。
t-1-mail-server-contacted-adfd49ef = 1台のメールサーバーに接続しました。
n-mail-servers-contacted-69c9f42f = { $n }台のメールサーバーに接続しました。
t-1-file-read-in-seconds-1095aef9 = 1個のファイルを { $seconds }秒で読み込みました。
n-files-read-in-seconds-a93bf25f = { $n }個のファイルを { $seconds }秒で読み込みました。
export-csv-83c354ed = CSV をエクスポート…
export-html-e3ab8eb8 = HTML をエクスポート…
without-passwords-b3ac77a1 = パスワードは含みません。
no-file-chosen-if-no-f03e4b59 = ファイルが選ばれていません。ファイルのウィンドウが表示されなかった場合は、保存先を入力してください:
save-4d2d5d68 = 保存

## src/gui/fleet_rows.rs

no-site-with-the-ticked-a04a9538 = チェックした判定のサイトはありません。
hide-this-server-s-sites-15babccc = このサーバーのサイトを隠す
show-this-server-s-sites-bb62a985 = このサーバーのサイトを表示
these-files-name-no-mail-83f851d8 = これらのファイルには接続するメールサーバーが書かれていないか、読み込めませんでした。
not-contacted-judged-from-the-f2af1eaf = 接続なし: ファイルだけで判定しました。
problem-problem-42bcd519 = 問題: { $problem }
answered-in-ms-ms-726e94b1 = { $ms } ms で応答
starttls-offered-923d1843 = STARTTLS あり
starttls-not-offered-c3ff6afa = STARTTLS なし
after-methods-26067741 = 暗号化後: { $methods }
open-in-the-tester-11edc94a = テスターで開く
put-this-site-s-settings-8cf673b6 = このサイトの設定をフォームに入れて、1手順ずつテストします

## src/gui/fleet_words.rs

broken-65c915c0 = 送信不可
at-risk-f7adc8fb = 要注意
unknown-cc200e59 = 不明
n-broken-979d3c8c = 送信不可 { $n }
n-at-risk-c43a32df = 要注意 { $n }
n-unknown-ceec02e5 = 不明 { $n }
n-ok-035d2d5b = OK { $n }
looking-for-sites-in-the-c98fc7bb = フォルダー内のサイトを探しています…
found-sites-judging-them-from-d4d88c3c = { $sites } が見つかりました。ファイルから判定しています…
found-sites-using-servers-contacted-7bd3cb69 = { $servers } を使う { $sites } が見つかりました。{ $contacted } / { $total }台に接続済み
n-sites-7e66b213 = { $n }個のサイト
t-1-server-9bf9c617 = 1台のサーバー
n-servers-410e23c7 = { $n }台のサーバー

## src/gui/form.rs

server-6d7302f2 = サーバー
user-name-5a6db215 = ユーザー名
usually-your-full-email-address-9d5ecf0a = 通常は完全なメールアドレス
from-18743595 = 差出人 (From)
send-the-test-to-5a257c61 = テストの送信先
the-from-address-25355395 = (差出人アドレス)
advanced-60f3de7b = 詳細設定
provider-35a888dc = プロバイダー
other-my-host-7c71a048 = その他 / 自分のホスト
user-name-hint-0a0e0850 = ユーザー名: { $hint }
a-website-using-asp-net-d19fb58d = ASP.NET (System.Net.Mail) を使うウェブサイトは、このプロバイダーにサインインできません。
show-29742e5c = 表示
remember-in-the-system-keyring-308bc6da = システムのキーリングに記憶
after-a-test-signs-in-236d02df = テストでサインインできると、パスワードはシステムのキーリングに保存され (ファイルには保存されません)、次にこの設定に戻ったときに入力されます。
forget-6e3fab8c = 削除
remove-the-saved-password-for-859341c3 = このユーザー、サーバー、ポートの保存されたパスワードを削除します
use-ssl-9cb78972 = SSL を使用
in-code-smtpclient-enablessl-71b94a47 = コードでは: SmtpClient.EnableSsl
encrypts-the-connection-with-starttls-e1630b78 = STARTTLS で接続を暗号化します。ASP.NET 2.0〜3.5 では web.config に enableSsl がありません。サイトのコードで smtpClient.EnableSsl = true としてオンにします。
use-starttls-e899f629 = STARTTLS を使用
encrypts-the-connection-with-starttls-54a9c52e = appsettings.json の "SecureSocketOptions": "StartTls" と同じように、STARTTLS で接続を暗号化します。ほとんどのプロバイダーで、ポート 587 ではこれが必要です。
encrypts-the-connection-with-starttls-0497ed8d = web.config の enableSsl="true" と同じように、STARTTLS で接続を暗号化します。ほとんどのプロバイダーで、ポート 587 ではこれが必要です。
encrypts-the-connection-starttls-or-77dd1ba1 = 接続を暗号化します (STARTTLS、またはポート 465 での接続時の SSL)。ほとんどのプロバイダーで必要です。
stop-the-test-esc-7ef17032 = テストを停止 (Esc)
testing-19d1cb65 = テスト中…
send-test-email-1fb39495 = テストメールを送信
sends-one-test-message-enter-66775012 = テストメッセージを1通送ります (Enter)
or-press-enter-ca33bfe9 = または Enter を押します
fix-the-fields-marked-in-8a0ea9d4 = テストを送るには、赤く表示された欄を直してください。
fill-in-the-server-the-e74fa0bd = テストを送るには、サーバー、ポート、差出人アドレスを入力してください。

## src/gui/form_advanced.rs

ehlo-name-2ccdfef0 = EHLO 名
this-computer-s-name-f22607df = このコンピューターの名前
sign-in-service-8784367b = サインイン サービス
the-provider-s-own-72f43ac3 = プロバイダー自身のもの
only-for-testing-against-another-a761009c = 別の OAuth サーバーでテストする場合のみ: https、またはこのコンピューター上の http
connection-security-dd84debd = 接続のセキュリティ
automatic-from-use-ssl-3ad3100c = 自動 (「SSL を使用」に従う)
ssl-on-connect-port-465-676e96b5 = 接続時に SSL (ポート 465)
no-encryption-f2785503 = 暗号化なし
timeouts-seconds-fcbede65 = タイムアウト (秒)
connect-timeout-083bac06 = 接続のタイムアウト
greeting-timeout-0def4115 = あいさつのタイムアウト
reply-timeout-c36384e8 = 応答のタイムアウト
reply-29931627 = 応答
whole-test-timeout-e3df8c9b = テスト全体のタイムアウト
whole-test-66553338 = テスト全体
final-reply-timeout-33be1638 = 最終応答のタイムアウト
final-reply-b01ca957 = 最終応答
accept-an-invalid-certificate-3339b9cc = 無効な証明書を受け入れる
unsafe-an-impostor-could-read-7ecf6263 = 安全ではありません: なりすましのサーバーがパスワードを読めてしまいます。ウェブサイトはそれでもこの証明書を拒否します。
extra-ca-file-c5e1ea27 = 追加の CA ファイル
optional-pem-file-09b22b1b = .pem ファイル (省略可)
browse-23b63f91 = 参照…
dns-server-68b7a757 = DNS サーバー
this-computer-s-or-e-9f499886 = このコンピューターのもの (または 1.1.1.1 など)
used-by-find-my-settings-50a0518d = 「設定を探す」、「届きますか?」、「受信トレイをチェック」で使います
target-platform-b913a5b3 = 対象のプラットフォーム
other-program-php-node-python-371befb6 = その他のプログラム (PHP、Node、Python…)
asp-net-version-aeb36436 = ASP.NET のバージョン

## src/gui/form_rows.rs

called-attribute-in-web-config-fcc6f275 = web.config では { $attribute }

## src/gui/form_state.rs

microsoft-365-oauth-7101a859 = Microsoft 365 (OAuth)
google-oauth-53d0542c = Google (OAuth)
access-token-7e4e0506 = アクセストークン
enter-the-port-usually-587-bc12b1b6 = ポートを入力してください。通常は 587 です。
port-text-is-not-a-7e466956 = 「{ $port_text }」はポート番号ではありません。数字だけを使ってください。通常は 587 です。
enter-the-app-s-application-1e01288a = アプリの Application (client) ID (アプリケーション (クライアント) ID) を入力してください。アプリの登録の Overview (概要) ページにあります。
enter-the-directory-tenant-id-db565192 = Directory (tenant) ID (ディレクトリ (テナント) ID) か、組織のドメイン (yourcompany.onmicrosoft.com) を入力してください。
enter-the-app-s-client-b18ff566 = アプリのクライアント シークレットを入力してください (Secret ID ではなく Value (値) です)。

## src/gui/handle.rs

enter-the-user-name-server-1e12f529 = 保存されたパスワードを削除したいユーザー名、サーバー、ポートを入力してください。
the-test-cannot-start-yet-e05fd57a = テストをまだ開始できません: { $problem }
no-file-chosen-if-no-fae46c0e = ファイルが選ばれていません。ファイルのウィンドウが表示されなかった場合は、「追加の CA ファイル」欄にファイルのパスを入力してください。
copied-the-transcript-to-the-f9f520d2 = 通信記録をクリップボードにコピーしました。
copied-the-dns-record-to-c9d04e48 = DNS レコードをクリップボードにコピーしました。
copied-the-name-snippet-to-e9fe6390 = { $name } のスニペットをクリップボードにコピーしました。
copied-the-what-to-the-02208dc6 = { $what } をクリップボードにコピーしました。

## src/gui/inbox.rs

did-it-land-c25f3a39 = 届きましたか?
sign-in-to-the-mailbox-e5e08cf2 = テストの送信先のメールボックス ({ $to }) にサインインして、メッセージが受信トレイと迷惑メールのどちらにあるか確認します。読み取るだけで、移動や削除は一切しません。
looking-for-the-message-up-e3335603 = メッセージを探しています (最大1分)…
check-my-inbox-again-5e2da85f = もう一度受信トレイをチェック
check-my-inbox-85ac2677 = 受信トレイをチェック
mailbox-imap-e60bf73b = メールボックス (IMAP)
imaps-user-server-or-imap-e956f350 = imaps://USER@SERVER、またはポート 143 で STARTTLS を使う場合は imap://。通常と違うポートの場合は :PORT を付けます
same-as-the-password-above-5b43a90a = 上のパスワードと同じ
used-for-this-check-only-ca6be08e = このチェックでのみ使います。「システムのキーリングに記憶」にチェックを入れていれば、サインインに成功した後にシステムのキーリングに保存されます
what-server-checked-e1e33d21 = { $server } が確認した内容:
the-receiving-server-recorded-no-338af020 = 受信サーバーはメッセージにチェック結果を記録していませんでした。

## src/gui/intro.rs

what-happens-when-you-send-1198026e = テストを送ると何が起きるか
the-test-does-what-your-1f59bc92 = テストは、ウェブサイトがメールを送るときと同じことを1手順ずつ行い、各手順をその場で表示します:
one-short-test-email-to-f92d9996 = 「テストの送信先」(または差出人) のアドレスに短いテストメールを1通送ります。
one-short-test-email-to-eca5f997 = { $recipient } に短いテストメールを1通送ります。
we-reach-your-mail-server-495a0766 = ウェブサイトと同じように、メールサーバーに接続します。
we-switch-the-connection-to-305163c3 = 「SSL を使用」にチェックが入っていれば、接続を暗号化に切り替えます。
with-your-user-name-and-9eb23e32 = ユーザー名とパスワードを使います。
with-a-token-from-microsoft-b5cb4671 = Microsoft または Google のトークン (OAuth) を使います。暗号化されていない接続では決して使いません。
if-a-step-fails-you-ed66c46a = ある手順が失敗すると、どの手順か、それが平易な言葉で何を意味するか、何を変えればよいかが表示されます。ウェブサイトは何も変更されません。
your-password-stays-yours-4243e865 = パスワードはあなたのものです
it-goes-to-your-mail-9ee48a16 = パスワードはメールサーバーにだけ、しかも暗号化された接続でだけ送られます。暗号化されずに送られそうな場合は、テストを止めて先にあなたに確認します。
it-is-never-put-in-43308fa9 = パスワードがプロファイル、通信記録、サポート用レポートに入ることはありません。「システムのキーリングに記憶」にチェックを入れると、ファイルではなく、コンピューター自身のパスワード保管場所に保存されます。

## src/gui/oauth.rs

enter-the-mailbox-user-name-18b33d9d = 先にメールボックス (ユーザー名) とアプリのクライアント ID を入力してから、サインインしてください。
signed-in-as-mailbox-e71eccdc = { $mailbox } としてサインインしました。
the-sign-in-is-kept-4337c0cd = サインイン情報はシステムのキーリングに保存されます。
signed-out-40c28a5d = サインアウトしました。
the-test-was-stopped-while-f10aa733 = トークンの取得中にテストが停止されました

## src/gui/oauth_rows.rs

sign-in-7367eeb8 = サインイン
how-the-test-signs-in-3e344752 = テストのサインイン方法: パスワード、または OAuth (Microsoft や Google のトークン)
oauth-signing-in-through-microsoft-cb19300f = OAuth: パスワードの代わりに、Microsoft や Google 自身のページでサインインする方法です。ASP.NET の web.config では使えませんが、MailKit やほとんどの PHP、Node.js のメール ライブラリでは使えます。
paste-the-token-0ce3b5de = トークンを貼り付け
client-secret-d28dcb8a = クライアント シークレット
the-desktop-app-s-secret-2dfdf483 = デスクトップ アプリのシークレット
sign-in-with-google-682701c4 = Google でサインイン…
who-signs-in-4247d24c = サインインするのは
the-website-as-an-app-02a2655f = ウェブサイト (アプリとして)
the-app-signs-in-as-5b39e6e4 = アプリがクライアント シークレットを使ってアプリ自身としてサインインします (SMTP.SendAsApp)
a-person-in-the-browser-714d0c01 = 人 (ブラウザーで)
someone-signs-in-as-the-e07eb4a6 = 誰かが一度メールボックスとしてサインインします。サインイン情報はキーリングに保存されます
sign-in-with-microsoft-64994ec3 = Microsoft でサインイン…
its-value-not-its-id-06bfd85c = ID ではなく Value (値)
tenant-426f68c5 = テナント
yourcompany-onmicrosoft-com-or-directory-91ce24c8 = yourcompany.onmicrosoft.com またはディレクトリ ID
organizations-any-work-account-c56c7646 = organizations (任意の職場アカウント)
app-registrations-your-app-overview-0348d3e0 = App registrations (アプリの登録) → 対象のアプリ → Overview (概要) → Directory (tenant) ID
client-id-96a12137 = クライアント ID
application-client-id-f1d13592 = Application (client) ID
app-registrations-your-app-overview-72eda20e = App registrations (アプリの登録) → 対象のアプリ → Overview (概要) → Application (client) ID
used-for-this-test-only-3fbe0f5f = このテストでのみ使います。保存されず、通信記録にも表示されません
finish-signing-in-with-your-f04afc59 = ブラウザーでサインインを完了してください…
sign-out-8b4f3c70 = サインアウト
opens-the-provider-s-sign-6717a1f1 = ブラウザーでプロバイダーのサインイン ページを開きます。「ユーザー名」のメールボックスとしてサインインしてください
the-sign-in-did-not-63711b82 = サインインできませんでした: { $error }
the-token-is-renewed-at-78ac8950 = トークンは次のテストで更新されます
the-token-is-valid-for-973c5181 = トークンはあと { $minutes }分有効です
signed-in-as-who-138f6f7e = { $who } としてサインイン中

## src/gui/preferences.rs

system-8f3184bc = システム
language-9a73db9b = 言語
follow-system-becc0e51 = システムに合わせる
light-8ad2f8cf = ライト
dark-45570065 = ダーク
theme-4eaf7c92 = テーマ

## src/gui/renderer.rs

the-window-could-not-open-cb7ad439 = ウィンドウを開けませんでした。このコンピューターのグラフィックスで描画できませんでした ({ $reasons })。
on-a-remote-desktop-or-321b265b = リモート デスクトップや仮想マシンでは、そのディスプレイ ドライバーをインストールすると、たいてい解決します

## src/gui/result.rs

the-server-s-exact-words-c34e0823 = サーバーの応答 (原文)
support-code-code-a1b3e83c = サポート コード: { $code }
what-to-do-cf2e345d = 対処方法
the-fix-changes-bc2b32f8 = 修正で変わる内容:
apply-fix-and-test-again-6eea585b = 修正を適用して再テスト
makes-this-change-in-the-38287995 = フォームにこの変更を加えて、もう一度テストを送ります
send-it-unencrypted-this-once-010cab38 = 今回だけ暗号化せずに送信
anyone-on-the-way-can-1fda01f6 = 途中の誰でもパスワードを読めます。自分のプライベート ネットワーク内のサーバーの場合に限ってください。
certificate-details-5e455906 = 証明書の詳細
valid-for-629b6506 = 有効な名前

## src/gui/snippet_view.rs

paste-this-into-your-web-7c7e7459 = これを web.config に貼り付けてください
settings-for-program-60627db5 = { $program } の設定
the-password-is-left-out-447f0e55 = 「パスワードを含める」にチェックを入れない限り、パスワードは含まれません。どこに貼り付けても、パスワードは平文のまま保存されます。
note-warning-5dd61067 = 注: { $warning }
copy-658f3664 = コピー
save-as-03e14184 = 名前を付けて保存…
update-my-web-config-d9b68a3c = web.config を更新…
writes-these-settings-into-your-5f324df6 = この設定を web.config に書き込みます。先に変更内容を表示し、バックアップを残します
include-password-7b82b9b8 = パスワードを含める

## src/gui/success.rs

only-mail-to-this-server-aecb3830 = このサーバー自身のアドレス宛てのメールしか送れません
your-settings-work-8bc6b24c = 設定は正しく動いています
we-sent-a-test-email-5656f31c = { $recipient } にテストメールを送りました。届いたか確認してください (迷惑メールフォルダーも確認してください)。
connected-to-host-on-port-a1c6e5aa = { $host } のポート { $port } に接続しました
encrypted-with-version-0a72dfef = { $version } で暗号化しました
not-encrypted-anyone-on-the-d3a630f0 = 暗号化なし: 途中の誰でもメールを読めます
signed-in-as-user-05784a15 = { $user } としてサインインしました
sent-without-signing-in-the-33fb939c = サインインせずに送信しました: サーバーがサインインを提供していません
sent-without-signing-in-no-a843905d = サインインせずに送信しました (ユーザー名なし)
accepted-for-delivery-to-recipient-9abb98b5 = { $recipient } への配信を受け付けました
warning-the-server-s-certificate-e72f89a1 = 警告: サーバーの証明書は有効ではありません ({ $problem })。無効な証明書を許可したので動いただけです。ウェブサイトは証明書を確認するため、失敗します。
warning-message-f4254d6c = 警告: { $message }
copy-the-block-below-into-dea0f3b9 = 下のブロックをコピーし、ウェブサイトの web.config の <mailSettings> ブロックと置き換えてください。または「web.config を更新…」を押すと自動で行います。先にすべての変更が表示され、バックアップも残ります。
copy-the-settings-below-into-e486c11e = 下の設定を、サイトの { $format } の設定にコピーしてください。
next-step-ab2acdfa = 次のステップ
message-id-of-the-test-711a564c = テストメールの Message-ID
support-can-find-the-message-e18fff96 = サポートは、この ID でサーバーのログからメッセージを探せます

## src/gui/transcript.rs

what-the-server-said-638c3d94 = サーバーの応答
hide-the-server-s-replies-2f842b13 = サーバーの応答を隠す
show-every-line-we-sent-62404205 = 送信した行とサーバーの応答をすべて表示します
nothing-yet-739865dc = まだありません
t-1-line-99481766 = 1行
n-lines-bb656540 = { $n }行
copy-transcript-d97cf946 = 通信記録をコピー
save-transcript-a1c4eb5a = 通信記録を保存…
export-report-ce65b191 = レポートをエクスポート…
everything-support-needs-settings-withou-94ba8f25 = サポートに必要なすべて (パスワードを除いた設定、手順、この通信記録、診断) を1つのファイルにまとめます
report-in-english-18ddea6e = 英語のレポート
write-the-exported-report-in-e4a59e7d = エクスポートするレポートを英語で書きます (英語を読むサポート窓口向け)
we-sent-2e66b91d = 送信
the-server-answered-039e870e = サーバーの応答
encrypted-3e8df1b3 = 暗号化済み
passwords-are-always-hidden-2bfd5e9e = パスワードは常に隠されます。

## src/gui/widgets.rs

passed-513cb799 = 成功
failed-e0accfb4 = 失敗
not-started-8652f4af = 未開始
stopped-6ee2f34e = 停止

## src/gui/window.rs

testing-each-step-appears-above-5613518e = テスト中… 各手順は実行されると上に表示されます。Esc でテストを停止します。
no-file-chosen-if-no-67413e16 = ファイルが選ばれていません。ファイルのウィンドウが表示されなかった場合は、ファイルのパスを入力してください:
open-538b10e9 = 開く
check-your-website-s-email-f8812c32 = ウェブサイトのメール設定をチェック
open-web-config-870dc6bb = web.config を開く…
read-the-mail-settings-from-9d389da1 = ウェブサイトの web.config からメール設定を読み込んでチェックします
explain-an-error-message-f540b236 = エラーメッセージを説明…
paste-an-error-your-website-7a5917ae = ウェブサイトが記録したエラーを貼り付けて、その意味を確認します
check-a-folder-of-sites-5325d3c7 = サイトのフォルダーをチェック…
for-hosting-support-check-the-059107c7 = ホスティングのサポート向け: フォルダー内のすべてのサイトのメール設定をチェックします

## src/gui/worker.rs

could-not-read-the-certificate-e1c222cf = 認証局のファイル { $path } を読み込めませんでした: { $error }
choose-a-certificate-authority-file-3507bf9e = 認証局のファイルを選んでください (PEM または DER .cer)
certificates-b88e4cd9 = 証明書
choose-your-website-s-web-fed75ade = ウェブサイトの web.config を選んでください
could-not-save-path-error-2fc229b5 = { $path } を保存できませんでした: { $error }

## src/inbox/address.rs

address-is-not-a-mailbox-a8a2d761 = 「{ $address }」はメールボックスのアドレスではありません。
address-is-not-an-imap-87f3b3a9 = 「{ $address }」は IMAP のアドレスではありません ({ $scheme }:// は imap:// でも imaps:// でもありません)。
address-names-no-user-6dbe8a93 = 「{ $address }」にはユーザーが指定されていません。
the-user-name-in-address-e96b48c9 = 「{ $address }」のユーザー名が有効なテキストではありません
write-it-as-imaps-you-314853c0 = imaps://you@example.com@mail.example.com (ポート 143 で STARTTLS を使う場合は imap://) のように書き、通常と違うポートの場合は末尾に :PORT を付けてください。
port-is-not-a-port-50e1e439 = 「{ $address }」の「{ $port }」はポート番号ではありません。
host-is-not-a-server-acc5f8a4 = 「{ $address }」の「{ $host }」はサーバー名ではありません。

## src/inbox/auth_results.rs

your-domain-d4d84782 = あなたのドメイン
spf-passed-domain-allows-the-f0dc7d76 = SPF 合格: { $domain } は、送信に使っているサーバーを許可しています。
spf-failed-domain-s-spf-9e04f3b1 = SPF 不合格: { $domain } の SPF レコードに、送信に使っているサーバーが載っていません。レコードに追加してください (「届きますか?」を参照)。
spf-gave-no-answer-domain-a747cf7d = SPF の結果なし: { $domain } には、このサーバーを含む SPF レコードがありません。
dkim-passed-the-message-carries-353f6e76 = DKIM 合格: メッセージには { $by } の有効な署名があります。
dkim-the-message-was-not-0e73bd88 = DKIM: メッセージは署名されていませんでした。ドメインのメールに署名するよう、メールプロバイダーに依頼してください (「届きますか?」を参照)。
dkim-failed-the-signature-did-9a245af3 = DKIM 不合格: 署名が一致しませんでした。DNS に公開された鍵が間違っているか古いか、メッセージが途中で変更された可能性があります。
dmarc-passed-spf-or-dkim-bdd3a284 = DMARC 合格: SPF または DKIM が、差出人アドレスのドメイン { $domain } を保証しています。
dmarc-failed-neither-spf-nor-83c62bd1 = DMARC 不合格: SPF も DKIM も、差出人アドレスのドメイン { $domain } を保証していません。厳しい受信側は、このようなメールを拒否するか迷惑メールに入れます。
dmarc-domain-publishes-no-dmarc-cb1108db = DMARC: { $domain } は DMARC ポリシーを公開していません。

## src/inbox/connect.rs

the-server-s-address-eb391f39 = サーバーのアドレス
the-name-could-not-be-715c1245 = 名前が見つかりませんでした: { $err }
the-name-has-no-address-0b96332a = 名前にアドレスがありません
the-connection-0a94c3e4 = 接続
no-answer-1b68d598 = 応答なし
the-extra-certificate-authority-why-6ee7e4ae = 追加の認証局: { $why }
the-secure-connection-f2e42ff7 = 暗号化された接続
the-server-s-certificate-is-d5b84a6b = サーバーの証明書が拒否されました: { $problem }
its-greeting-d101260c = サーバーのあいさつ
it-said-line-26370539 = 応答: { $line }
the-answer-to-starttls-1c42645c = STARTTLS への応答

## src/inbox/dkim_verify.rs

we-could-not-read-the-8bff80f5 = 受信したメッセージを読み取れなかったため、DKIM 署名は確認していません。
domain-selector-selector-259d61a2 = { $domain } (セレクター { $selector })
an-unreadable-signer-c03eb599 = 読み取れない署名者
signature-of-who-valid-and-317faecf = { $who } の署名: 有効で、あなたのドメインのものです。
signature-of-who-valid-but-6e9cadc2 = { $who } の署名: 有効ですが、差出人 (From) のドメインのものではないため、DMARC では数えられません。
signature-of-who-not-valid-4fd1744c = { $who } の署名: 有効ではありません ({ $why })。
the-message-carries-no-dkim-6afdb83b = メッセージに DKIM 署名がありません。{ $from_domain } から来たことを保証するのは SPF だけです。ドメインのメールに署名するよう、メールプロバイダーに依頼してください。
we-checked-the-dkim-signature-960b59a9 = DKIM 署名を独自に確認しました。有効で、{ $from_domain } 用に作られています。
we-checked-the-dkim-signature-5e3c1afb = DKIM 署名を独自に確認しました。有効ですが、{ $from_domain } とは別のドメイン用に作られているため、DMARC では数えられません。自分のドメインで署名するよう、メールプロバイダーに依頼してください。
we-checked-the-dkim-signature-c981209c = DKIM 署名を独自に確認しました。署名は成り立っていません。DNS に公開された鍵がないか、間違っているか古いか、署名の後でメッセージが変更された可能性があります。

## src/inbox/look.rs

the-sign-in-08ff0207 = サインイン
the-goodbye-1beab177 = 終了のあいさつ
the-folder-list-485d2008 = フォルダーの一覧
a-search-9f153ff8 = 検索
the-message-46d7a413 = メッセージ

## src/inbox/recorder.rs

the-server-sent-more-than-3d108539 = サーバーが { $mib } MiB を超えるデータを送りました

## src/inbox/request.rs

there-is-no-message-to-946f0846 = 探すメッセージがありません。先にテストメッセージを送ってください
no-password-for-the-mailbox-ab7ec000 = メールボックス { $mailbox } のパスワードがありません。パスワード (そのメールを読むときに使うパスワード) を指定するか、キーリングに保存してください
could-not-reach-the-mailbox-597a7a79 = メールボックスのサーバー { $server } に接続できませんでした ({ $detail })。サーバー名とポートを確認してください。IMAP でメールを読む場合、通常はポート 993 (imaps://) を使います
the-mailbox-server-server-did-3e98494f = メールボックスのサーバー { $server } が時間内に応答しませんでした ({ $what })。ポートを確認してください。IMAP は 993 (imaps://) または 143 (imap://) です
server-did-not-greet-like-b39a23e0 = { $server } はメールボックス (IMAP) サーバーのようなあいさつをしませんでした。応答は「{ $said }」でした。ポートを確認してください。IMAP は 993 (imaps://) または 143 (imap://) です
server-does-not-offer-encryption-8e8159fd = { $server } は暗号化 (STARTTLS) を提供していません。メールボックスのパスワードを暗号化せずに送ることはありません。代わりに imaps:// (ポート 993) を使ってください
the-secure-connection-to-the-e384af7d = メールボックスのサーバー { $server } との暗号化された接続に失敗しました: { $detail }。サーバー名を確認してください。サーバーの証明書に記載された名前である必要があります
the-mailbox-server-refused-the-13077228 = メールボックスのサーバーが { $user } のサインインを拒否しました (応答: { $said })。ユーザー名とメールボックスのパスワードを確認してください。Gmail、Outlook.com、Yahoo では、IMAP にアプリ パスワードが必要です
the-mailbox-server-server-broke-eb86759c = メールボックスのサーバー { $server } がやり取りを中断しました ({ $detail })。もう一度試してください
the-inbox-check-was-stopped-cd7a71c8 = 受信トレイのチェックが停止されました

## src/inbox/summary.rs

folders-searched-folders-1c7d04a2 = 検索したフォルダー: { $folders }
the-receiving-server-s-own-20faa33e = 受信サーバー自身のチェック ({ $server }):
the-receiving-server-added-no-6d611c08 = 受信サーバーは Authentication-Results ヘッダーを追加していませんでした。
the-mailbox-imap-exchange-the-f338cc52 = メールボックス (IMAP) とのやり取りです。パスワードは `<redacted>` と表示されます:

## src/inbox/texts.rs

secs-s-4a22e02a = { $secs }秒
min-min-secs-s-f096bf18 = { $min }分 { $secs }秒
arrived-in-the-inbox-after-8bc39958 = { $after } 後に受信トレイに届きました
arrived-but-in-the-spam-1de42805 = 届きましたが、迷惑メールフォルダー「{ $folder }」に入りました ({ $after } 後)
arrived-in-the-folder-folder-35e97e8b = フォルダー「{ $folder }」に届きました ({ $after } 後)
not-in-the-mailbox-after-71030de0 = { $waited } たってもメールボックスにありません
the-test-message-is-in-6dbcd158 = テストメッセージは { $mailbox } の受信トレイにあります。ウェブサイトからのメールはこのメールボックスに届きます。
the-test-message-is-in-3dae80e1 = テストメッセージは { $mailbox } の受信トレイにありますが、受信サーバーで { $failed } が不合格になったため、より厳しいプロバイダーではメールが迷惑メールに入るか拒否される可能性があります。「届きますか?」に表示される項目を直してください。
the-receiving-server-took-the-bc6c3316 = 受信サーバーはメッセージを受け取りましたが、迷惑メールとして振り分けたため、お客様にはおそらく見てもらえません。本文の少ないテストメッセージは、それだけで迷惑メールに見えることがあります。差出人のチェックに合格している場合は (「届きますか?」)、実際のメッセージでもう一度試してください。
the-receiving-server-took-the-4fbfd2f0 = 受信サーバーはメッセージを受け取りましたが、迷惑メールとして振り分けたため、お客様にはおそらく見てもらえません。受信サーバーで { $failed } が不合格になりました。「届きますか?」に表示される項目を直してください。
the-message-arrived-but-a-52287da8 = メッセージは届きましたが、ルールやプロバイダーの振り分けによって { $mailbox } の受信トレイ以外に入りました。そのメールボックスのフィルターを確認してください。
the-server-accepted-the-message-f14a3b33 = サーバーはメッセージを受け付けましたが、まだ { $mailbox } のどのフォルダーにもありません。まだ配送中か (新しい差出人のメールを数分間保留するプロバイダーもあります)、受信サーバーが破棄した可能性があります。DMARC に不合格のメールはそうなります。「届きますか?」に表示される項目を直してから、しばらくしてもう一度確認してください。

## src/main.rs

could-not-start-the-async-ae605e37 = 非同期ランタイムを起動できませんでした: { $error }。プログラムをもう一度起動してください。それでも失敗する場合は、コンピューターを再起動してください。
the-command-line-still-works-88e1eb57 = コマンド ラインは引き続き使えます: ターミナルで `mailtester --help` を実行してください。
mail-settings-tester-stopped-because-7bd107e2 =
    プログラムのエラーのため、Mail Settings Tester が停止しました:
    
    { $info }
    
    この問題を報告してください。設定と web.config はこのエラーによって変更されていません。

## src/oauth/browser.rs

could-not-start-program-err-c926f9f2 = { $program } を起動できませんでした: { $err }
could-not-open-the-browser-8f2eb5ab = ブラウザーを開けませんでした: { $err }

## src/oauth/delegated/loopback.rs

signed-in-96a90eb4 = サインイン完了
you-are-signed-in-8474ca05 = サインインしました
go-back-to-mail-settings-e45459c9 = Mail Settings Tester に戻ってください。このタブは閉じてかまいません。
not-signed-in-207a7281 = サインインしていません
the-sign-in-did-not-a5001dd2 = サインインが完了しませんでした
go-back-to-mail-settings-a9487dbc = Mail Settings Tester に戻って理由を確認してください。
this-computer-7d16e2ca = このコンピューター
no-local-port-for-the-8c4615f3 = 応答を受けるローカルのポートがありません: { $err }
the-browser-1438c45c = ブラウザー
nobody-finished-signing-in-within-20659f29 = { $minutes }分以内に誰もサインインを完了しませんでした
the-sign-in-service-abe06b84 = サインイン サービス

## src/oauth/delegated.rs

it-is-not-a-web-fec0fdd4 = ウェブアドレスではありません
google-s-device-sign-in-69660ca8 = Google のデバイスでのサインインは Gmail に対応していません。代わりにブラウザーでサインインしてください
the-sign-in-was-cancelled-64875541 = サインインがキャンセルされました
it-is-not-a-token-0b50914d = トークンではありません ({ $err }。先頭: { $start })

## src/oauth/http.rs

could-not-set-up-the-aaf86338 = リクエストを準備できませんでした ({ $err })
the-sign-in-service-sent-89d2de25 = サインイン サービスがリクエストを別の場所に送りました (リダイレクト)。サインインのアドレスを確認してください
the-answer-is-far-too-e9884875 = 応答が長すぎます
the-request-failed-4ffdf862 = リクエストに失敗しました
the-request-failed-cause-1236b7f3 = リクエストに失敗しました: { $cause }

## src/oauth/obtain.rs

nobody-has-signed-in-to-37587b50 = このメールボックスでは、まだ誰も { $provider } にサインインしていません

## src/oauth/stored.rs

the-keyring-call-stopped-8c77a1a6 = キーリングの呼び出しが停止しました

## src/oauth/token.rs

the-sign-in-address-url-8e70f991 = サインインのアドレス { $url } は使えません: { $reason }
the-sign-in-service-said-aca24dc5 = サインイン サービスが拒否しました ({ $status }): { $error }: { $description }
could-not-reach-the-sign-81f7b750 = { $url } のサインイン サービスに接続できませんでした: { $detail }
the-sign-in-service-s-4e88083d = サインイン サービスの応答 ({ $status }) はトークンではありません: { $detail }
it-is-not-encrypted-http-70ccccea = 暗号化されていません (http)。https を使ってください (暗号化なしの http は、このコンピューター自身のテストサーバー専用です)
it-must-start-with-https-5c0a06da = https:// で始まる必要があります
the-tenant-must-be-a-6ffd19f8 = テナントはディレクトリ (テナント) ID かドメインである必要があります
it-sends-the-request-elsewhere-b0c05c70 = リクエストを別の場所に送ります (リダイレクト)。サインインのアドレスを確認してください
no-answer-within-secs-s-1f175672 = { $secs }秒以内に応答がありません
it-is-not-json-it-d2533db5 = JSON ではありません (先頭: { $start })
it-holds-no-access-token-87ff2e3b = access_token が含まれていません

## src/profiles/error.rs

name-cannot-be-a-profile-1c2058f8 = 「{ $name }」はプロファイル名に使えません: { $reason }。/ と \ を含まない1〜64文字にしてください。
there-is-no-profile-named-96654469 = 「{ $name }」という名前のプロファイルはありません。
a-profile-named-name-already-d0bba1c2 = 「{ $name }」という名前のプロファイルはすでにあります。先に削除するか、別の名前を選んでください。
the-profiles-file-could-not-ece19bdb = プロファイルのファイルを読み込めませんでした ({ $reason })。何も失われないよう別の場所に移し、プロファイルは空の状態から始まります。元に戻すには、移したファイルを直して { $path } という名前に変更してください。移動先: { $moved_to }
the-profiles-file-was-written-0aaf22c6 = プロファイルのファイルは新しいバージョンの Mail Settings Tester で書かれたもの (形式 { $version }) のため、変更せずに残しました。これらのプロファイルを使うには、テスターを更新してください。ファイル: { $path }
could-not-find-a-folder-07b751fa = このコンピューターで設定用のフォルダーが見つかりませんでした。プロファイルを保存するフォルダーを MAILTESTER_CONFIG_DIR に設定してください。
could-not-write-these-settings-3df3fd97 = この設定をプロファイルのファイルに書き込めませんでした: { $arg0 }
could-not-read-the-profiles-c7de2c87 = プロファイルのファイルを読み込めませんでした ({ $source })。ファイル: { $path }
could-not-write-the-profiles-1ce1bb90 = プロファイルのファイルに書き込めませんでした ({ $source })。ファイル: { $path }
could-not-create-the-folder-4efa6b11 = プロファイルのファイルのフォルダーを作成できませんでした ({ $source })。ファイル: { $path }
could-not-move-the-damaged-be405c05 = 壊れたプロファイルのファイルを別の場所に移せませんでした ({ $source })。ファイル: { $path }

## src/profiles/file.rs

it-is-not-utf-8-85ed6edc = UTF-8 のテキストではありません
it-is-not-a-regular-be41867a = 通常のファイルではありません (フォルダー、名前付きパイプ、デバイスのいずれか)。削除するか、MAILTESTER_CONFIG_DIR に別のフォルダーを設定してください
it-is-size-bytes-more-56c17071 = { $size }バイトあり、プロファイルのファイルの上限 { $limit } を超えています。別の場所に移してください
message-on-line-line-acff43e5 = { $message } ({ $line }行目)

## src/profiles/name.rs

it-is-empty-08105609 = 空です
it-is-longer-than-limit-6c17a8c5 = { $limit }文字より長いです
it-contains-or-e7d2f6a5 = / または \ が含まれています
it-contains-a-control-character-5c5ebcc6 = 制御文字 (タブや改行など) が含まれています
it-starts-or-ends-with-a95ee32d = 先頭か末尾にスペースがあります
it-is-or-bede7ef9 = . または .. です

## src/providers/data/google_microsoft.rs

google-admin-console-apps-google-7b12704d = Google 管理コンソール → Apps (アプリ) → Google Workspace → Gmail → Authenticate email (メールの認証)
microsoft-defender-portal-email-authenti-242e8ce3 = Microsoft Defender ポータル → Email authentication settings (メール認証の設定) → DKIM → 対象のドメイン
your-full-gmail-or-google-de2da620 = 完全な Gmail または Google Workspace のアドレス
gmail-needs-an-app-password-1aed7515 = Gmail にはアプリ パスワードが必要です。2 段階認証プロセスをオンにしてから、myaccount.google.com/apppasswords でアプリ パスワードを作成し (セキュリティのページからはリンクされなくなりました)、それをパスワードとして使ってください。Google は、個人アカウントでは2022年5月から、Google Workspace アカウントでは2024年9月から、メールプログラムからの通常のパスワードを受け付けなくなりました。
gmail-needs-an-app-password-eeb1384d = Gmail にはアプリ パスワードが必要です。Google アカウントで 2 段階認証プロセスをオンにしてから、myaccount.google.com/apppasswords を開き (セキュリティのページからはリンクされなくなりました)、アプリ パスワードを作成して、その16文字をスペースなしで `password` に貼り付けてください。`userName` には完全な Gmail アドレスを使います。
gmail-sends-only-from-your-3412ea1e = Gmail は、自分のアドレスか、Settings (設定) → Accounts (アカウント) →「Send mail as」(名前) に追加したアドレスからしか送信しません。`from` をそのいずれかにしてください。
a-google-workspace-address-or-b5610000 = Google Workspace のアドレス。リレーがサーバーの IP アドレスを許可している場合は空欄
for-google-workspace-only-your-d5440b81 = Google Workspace 専用です。管理者が SMTP リレー サービスをオンにし (管理コンソール → Apps (アプリ) → Google Workspace → Gmail → Routing (ルーティング))、ウェブサーバーの IP アドレス (この場合はユーザー名とパスワードを空にします) か SMTP 認証 (この場合は Workspace のアドレスとそのアプリ パスワードを使います) のどちらかを許可します。
the-google-workspace-smtp-relay-a2c2fb4c = Google Workspace の SMTP リレーは、Workspace の管理者がオンにする必要があります (管理コンソール → Apps (アプリ) → Google Workspace → Gmail → Routing (ルーティング) → SMTP relay service (SMTP リレー サービス))。SMTP 認証が必要な場合は、`userName` に Workspace のアドレス、`password` に myaccount.google.com/apppasswords で作ったアプリ パスワードを使ってください。代わりにサーバーの IP アドレスを許可している場合は、どちらも空にしてください。
the-google-workspace-smtp-relay-499576b2 = Google Workspace の SMTP リレーは、管理者が設定で許可したアドレス (通常は Workspace のドメインのもの) からしか送信しません。`from` をそのいずれかにしてください。
the-relay-lets-in-only-6d18d14f = リレーは、管理者が SMTP リレー サービスの設定で許可した IP アドレスかサインインしか受け入れないため、別のコンピューターからのテストはサインインしない限り失敗します。また、`clientDomain` をウェブサイトのドメイン名にしてください。Google は `localhost` のような単なるコンピューター名を拒否することがあります。
your-full-microsoft-365-email-7d9ec067 = 完全な Microsoft 365 のメールアドレス
your-admin-must-switch-on-373c5280 = 管理者が、組織とこのメールボックスで「Authenticated SMTP」(SMTP AUTH) をオンにする必要があります。2020年1月以降に作成された組織では既定でオフで、Microsoft Entra のセキュリティの既定値群でもブロックされます。Microsoft は2026年12月末に既存の組織でも既定でオフにし (管理者はオンに戻せます)、最終的な廃止日を2027年後半に発表する予定です。ASP.NET は、これに代わる OAuth のサインインに対応していません。SMTP リレー (コネクタ)、High Volume Email、Azure Communication Services、または OAuth を使う MailKit への移行を計画してください。
microsoft-365-use-the-mailbox-2818490c = Microsoft 365: `userName` にはメールボックスの完全なアドレスを使ってください。このメールボックスでメールプログラムからのサインイン (「Authenticated SMTP」) が許可されている必要があります。管理者が Microsoft 365 管理センターの Users (ユーザー) → Active users (アクティブなユーザー) → Mail (メール) → Manage email apps (メール アプリの管理) でオンにします。Microsoft Entra のセキュリティの既定値群 (Microsoft の標準的なサインイン保護) は、このスイッチに関係なく組織全体でこれをブロックします。
microsoft-365-sends-only-as-8f158b7a = Microsoft 365 は、管理者が「Send As」(代理送信) のアクセス許可を与えない限り、サインインしたメールボックスとしてしか送信しません。`from` を `userName` のアドレスにしてください。
or-if-password-sign-in-b9a28d6a = または、パスワードでのサインインがオフのままの場合は、代わりに次のいずれかの方法を Microsoft 365 の管理者に依頼してください (ウェブサイトのメール送信機能 System.Net.Mail は、Microsoft 365 がメールプログラムに残しているサインイン方法である OAuth に対応していません):
an-smtp-relay-your-admin-9f556ed6 = SMTP リレー: 管理者がウェブサーバーの固定 IP アドレス用のコネクタを作成します。その後、`host` をドメインの MX ホスト (`mail.protection.outlook.com` で終わるもの)、`port` を `25` にし、`userName` と `password` は空にしてください。
high-volume-email-hve-a-c7d229de = High Volume Email (HVE): プログラム用に作られた、今もパスワードでサインインする Microsoft 365 のアカウントです (`host` は `smtp-hve.office365.com`、`port` は `587`)。自分の組織のメールボックス宛てのメール向けです。
azure-communication-services-microsoft-s-c039b80d = Azure Communication Services: Microsoft の送信サービスです (`host` は `smtp.azurecomm.net`、`port` は `587`)。ウェブサイトで使えるユーザー名とアプリのシークレットでサインインします。
mailkit-your-developer-moves-the-6e937e4f = MailKit: 開発者が送信コードを MailKit に移行します。MailKit は OAuth でサインインできます。
direct-send-a-host-ending-9a983c0c = ダイレクト送信 (`mail.protection.outlook.com` で終わる `host`) はサインインを使いません。`userName` と `password` を空にし、`port` は `25` を使ってください。配信先は自分の組織のメールボックスだけです。ほかのアドレスに送るには、`smtp.office365.com` のポート `587` でサインインするか、管理者にコネクタ (SMTP リレー) を依頼してください。
direct-send-needs-port-25-5dd62ff9 = ダイレクト送信には、ウェブサーバーから Microsoft 365 へのポート `25` が開いている必要がありますが、多くのホスティング会社はこれをブロックしています。ブロックされている場合は、代わりに `smtp.office365.com` のポート `587` でサインインしてください。
your-full-outlook-com-or-1cbd12a8 = 完全な Outlook.com または Hotmail のアドレス
since-16-september-2024-personal-6a3f18b4 = 2024年9月16日以降、個人の Outlook.com と Hotmail のアカウントは送信にパスワードを受け付けず、Microsoft の OAuth サインインだけを受け付けます。web.config のウェブサイトではこれに対応できません。代わりに、別のプロバイダー経由でサイトのメールを送信してください。
outlook-com-and-hotmail-stopped-6940ffd7 = Outlook.com と Hotmail は2024年9月に、プログラムからのパスワードを受け付けなくなりました。ASP.NET が対応していない最新のサインイン (OAuth) を求めています。ウェブサイトのメールを別のサービス経由で送信するか、MailKit に切り替えるよう開発者に依頼してください。
outlook-com-sends-only-from-eff7815a = Outlook.com は、サインインしたアドレスからしか送信しません。`from` を `userName` にしてください。
send-your-website-s-mail-0dffe9c3 = ホスティング会社のメールサーバーや送信サービス (SendGrid、Mailgun、Brevo などがプロバイダーの一覧にあります) など、今もパスワードを受け付けるサービス経由でウェブサイトのメールを送信し、`host`、`userName`、`password` をその値に変更してください。

## src/providers/data/hosting.rs

your-full-email-address-f7f06033 = 完全なメールアドレス
use-your-full-email-address-061b9f4b = 完全なメールアドレスとそのメールボックスのパスワードを使ってください。GoDaddy はポート 465 を案内していますが、ASP.NET では使えないため、ここでは 587 を使います。GoDaddy のメールが Microsoft 365 のプランの場合は、代わりに Microsoft 365 を選んでください。
godaddy-email-use-your-full-f5fec946 = GoDaddy のメール: `userName` に完全なメールアドレス、パスワードにメールボックスのパスワードを使い、`host` を `smtpout.secureserver.net` にしてください。GoDaddy のメールが Microsoft 365 のプランの場合は、代わりに Microsoft 365 の設定 (`smtp.office365.com`) を使ってください。
none-leave-the-user-name-d1d66dc0 = なし: ユーザー名とパスワードは空にします
for-websites-on-godaddy-s-aedab5ae = GoDaddy の Windows (Plesk) ホスティング上のウェブサイト向け: このリレーは GoDaddy 自身のホスティング サーバーからのメールだけを、ポート 25 で、サインインも SSL もなしで受け付けます。ほかのコンピューター (このコンピューターを含む) からのテストは、設定が正しくても失敗します。ほかの場所からは、代わりにメールボックスのサーバー smtpout.secureserver.net (GoDaddy Workspace のメール) を使ってください。
godaddy-s-hosting-relay-relay-bf34dea5 = GoDaddy のホスティング リレー (`relay-hosting.secureserver.net`) はサインインを使いません。`userName` と `password` を空にし、`port` を `25`、`enableSsl` を `false` にしてください。
godaddy-s-hosting-relay-takes-3c847b9e = GoDaddy のホスティング リレーは、GoDaddy 自身の Windows (Plesk) ホスティング上のウェブサイトからのメールしか受け付けません。ほかのコンピューター (このコンピューターを含む) からのテストは、設定が正しくても拒否されるか応答がありません。ほかの場所から送信するには、GoDaddy のメールボックスのサーバー `smtpout.secureserver.net` を、ポート `587` とそのパスワードで使ってください。
use-your-full-email-address-9cc07a72 = 完全なメールアドレスとそのメールボックスのパスワードを使ってください。これは米国のサーバーです。契約がドイツまたは英国の場合は、smtp.ionos.de または smtp.ionos.co.uk を使ってください。
ionos-use-the-full-email-b3c824d1 = IONOS: `userName` に完全なメールアドレス、パスワードにメールボックスのパスワードを使い、`host` には契約した国のサーバー (`smtp.ionos.com`、`smtp.ionos.de`、`smtp.ionos.co.uk`) を指定してください。
always-use-ssl0-ovh-net-fc352534 = mail.yourdomain などの別名ではなく、必ず ssl0.ovh.net を使ってください。サーバーの証明書は ssl0.ovh.net に対してしか有効ではありません。
ovhcloud-use-the-full-email-1d5e0353 = OVHcloud: `userName` に完全なメールアドレス、パスワードにメールボックスのパスワードを使い、`host` を `ssl0.ovh.net` (証明書が有効な名前) にしてください。

## src/providers/data/mailboxes.rs

your-full-yahoo-address-d7cae787 = 完全な Yahoo のアドレス
yahoo-needs-an-app-password-5227ae49 = Yahoo にはアプリ パスワードが必要です。Yahoo アカウントのセキュリティ設定で作成し、それをパスワードとして使ってください。Yahoo はポート 465 を案内していますが、ASP.NET では使えないため、ここでは 587 を使います。
yahoo-needs-an-app-password-a9531010 = Yahoo にはアプリ パスワードが必要です。Yahoo アカウントで Account security (アカウントのセキュリティ) → Generate app password (アプリ パスワードを生成) を開き、それを `password` に、完全な Yahoo のアドレスを `userName` に使ってください。
yahoo-sends-only-from-the-63878b23 = Yahoo は、サインインしたアドレスからしか送信しません。`from` を Yahoo のアドレスにしてください。
your-full-aol-address-fa50843b = 完全な AOL のアドレス
aol-needs-an-app-password-41c701d9 = AOL にはアプリ パスワードが必要です。AOL アカウントのセキュリティ設定 (Generate app password) で作成し、それをパスワードとして使ってください。AOL はポート 465 を案内していますが、ASP.NET では使えないため、ここでは 587 を使います。
aol-needs-an-app-password-a20054d0 = AOL にはアプリ パスワードが必要です。AOL アカウントで Account security (アカウントのセキュリティ) → Generate app password (アプリ パスワードを生成) を開き、それを `password` に、完全な AOL のアドレスを `userName` に使ってください。
aol-sends-only-from-the-a21f14e3 = AOL は、サインインしたアドレスからしか送信しません。`from` を AOL のアドレスにしてください。
your-full-icloud-address-f5d710c5 = 完全な iCloud のアドレス
icloud-needs-an-app-specific-62349497 = iCloud には App 用パスワードが必要です。Apple アカウントの2ファクタ認証をオンにし、account.apple.com で作成して、それをパスワードとして使ってください。
icloud-mail-needs-an-app-d109cc08 = iCloud メールには App 用パスワードが必要です。account.apple.com の Sign-In and Security (サインインとセキュリティ) → App-Specific Passwords (App 用パスワード) で作成し、`userName` には完全な iCloud のアドレスを使ってください。
icloud-settings-custom-email-domain-e4eba0f0 = iCloud の設定 → Custom Email Domain (カスタムメールドメイン) → 対象のドメイン → View DNS records (DNS レコードを表示)
for-zoho-accounts-in-the-112ccc5c = 米国のデータセンターの Zoho アカウント向けです (zoho.com でサインインします)。自分のドメインのメール (組織アカウント) では、代わりに smtppro.zoho.com を使います。2要素認証を使っている場合は、アプリケーション専用パスワードを使ってください。ASP.NET からはポート 465 は使えません。
for-zoho-accounts-in-the-2a39fa43 = ヨーロッパのデータセンターの Zoho アカウント向けです (zoho.eu でサインインします)。自分のドメインのメール (組織アカウント) では、代わりに smtppro.zoho.eu を使います。2要素認証を使っている場合は、アプリケーション専用パスワードを使ってください。
for-zoho-accounts-in-the-5b4baa13 = インドのデータセンターの Zoho アカウント向けです (zoho.in でサインインします)。自分のドメインのメール (組織アカウント) では、代わりに smtppro.zoho.in を使います。2要素認証を使っている場合は、アプリケーション専用パスワードを使ってください。
for-zoho-accounts-in-the-824ee72a = オーストラリアのデータセンターの Zoho アカウント向けです (zoho.com.au でサインインします)。自分のドメインのメール (組織アカウント) では、代わりに smtppro.zoho.com.au を使います。2要素認証を使っている場合は、アプリケーション専用パスワードを使ってください。
for-zoho-accounts-in-the-bc25a75d = 日本のデータセンターの Zoho アカウント向けです (zoho.jp でサインインします)。自分のドメインのメール (組織アカウント) では、代わりに smtppro.zoho.jp を使います。2要素認証を使っている場合は、アプリケーション専用パスワードを使ってください。
for-zoho-accounts-in-the-8b99c973 = カナダのデータセンターの Zoho アカウント向けです (zohocloud.ca でサインインします)。自分のドメインのメール (組織アカウント) では、代わりに smtppro.zohocloud.ca を使います。2要素認証を使っている場合は、アプリケーション専用パスワードを使ってください。
zoho-mail-use-your-full-9d10f739 = Zoho Mail: `userName` には完全な Zoho のアドレスを使ってください。2要素認証がオンの場合は、Zoho Accounts → Security (セキュリティ) でアプリケーション専用パスワードを作成し、それを `password` に使ってください。データセンターのサーバー (たとえばヨーロッパでは `smtp.zoho.eu`) を使います。自分のドメインの組織アカウントでは、`smtp.` の代わりに `smtppro.` を使います (たとえば `smtppro.zoho.eu`)。
zoho-mail-admin-console-domains-3edb7d85 = Zoho Mail 管理コンソール → Domains (ドメイン) → 対象のドメイン → Email Configuration (メール設定) → DKIM
your-full-zoho-address-2831abcb = 完全な Zoho のアドレス
your-full-fastmail-address-87bad718 = 完全な Fastmail のアドレス
fastmail-needs-an-app-password-c4fb265b = Fastmail にはアプリ パスワードが必要です。Fastmail の設定で作成してください。Fastmail はポート 465 を推奨していますが、ASP.NET では使えません。587 にも対応しているので、ここではそれを使います。
fastmail-needs-an-app-password-38a5d0c4 = Fastmail にはアプリ パスワードが必要です。Settings (設定) → Privacy & Security (プライバシーとセキュリティ) → App passwords (アプリ パスワード) で作成し、それを `password` に使ってください。
fastmail-settings-domains-your-domain-30304e86 = Fastmail の Settings (設定) → Domains (ドメイン) → 対象のドメイン → DNS records (DNS レコード)

## src/providers/data/services.rs

the-smtp-user-name-created-c3972fa4 = Communication Services リソースで作成した SMTP ユーザー名
create-an-smtp-user-name-4f29e25b = Communication Services リソースで SMTP ユーザー名を作成し (Settings (設定) → SMTP Usernames (SMTP ユーザー名))、送信を許可された Microsoft Entra アプリにリンクしてください。パスワードはそのアプリのクライアント シークレットで、有効期限があるため、期限までに更新してください。リソースに接続されたメールドメインの MailFrom アドレスから送信します。
azure-communication-services-username-is-d8adb190 = Azure Communication Services: `userName` は、Communication Services リソースで作成し (Settings (設定) → SMTP Usernames (SMTP ユーザー名))、送信を許可された Microsoft Entra アプリにリンクした SMTP ユーザー名です。`password` はそのアプリのクライアント シークレットです。クライアント シークレットには有効期限があります。以前は動いていた場合は、新しいシークレットを作成して使ってください。
azure-communication-services-sends-only-b76de958 = Azure Communication Services は、Communication Services リソースに接続されたメールドメインの MailFrom アドレスからしか送信しません。`from` をそのいずれかにしてください。
azure-portal-your-email-communication-068063dd = Azure portal → 対象の Email Communication Service → Provision domains (ドメインのプロビジョニング) → 対象のドメイン → Configure (構成)
your-ses-smtp-user-name-db55496a = SES の SMTP ユーザー名 (IAM のアクセスキーではありません)
replace-us-east-1-with-ed2f9ac7 = us-east-1 を SES アカウントのリージョンに置き換え、IAM のアクセスキーではなく、そのリージョン用に SES で作成した SMTP 認証情報を使ってください。新しいアカウントはサンドボックスにあり、確認済みのアドレスにしか送信できません。ウェブサイトが動いている場所でポート 587 がブロックされている場合は、ポート 2587 を使ってください。
amazon-ses-needs-ses-smtp-0d3a593c = Amazon SES には、SES コンソールの SMTP settings (SMTP 設定) で、`host` のリージョン用に作成した SES SMTP 認証情報が必要です。IAM のアクセスキーや、別のリージョンの SMTP 認証情報は使えません。
amazon-ses-sends-only-from-619c09dc = Amazon SES は、確認済みの ID からしか送信しません。SES コンソールで `from` アドレスかそのドメインを確認 (認証) してください。アカウントがサンドボックス (新しいアカウントの試用モード) にある間は、宛先も確認済みである必要があります。
apikey-literally-183cf215 = apikey (この文字どおり)
the-user-name-is-the-01bbc5c2 = ユーザー名は正確に apikey という単語で、パスワードは SendGrid の API キーです。差出人アドレスは SendGrid で確認済みの差出人である必要があります。ウェブサイトが動いている場所でポート 587 がブロックされている場合は、ポート 2525 を使ってください。
sendgrid-username-must-be-literally-7669598f = SendGrid: `userName` は文字どおり `apikey` でなければなりません (ログイン名やメールアドレスではありません)。`password` は「Mail Send」のアクセス許可を持つ API キーで、スペースなしで貼り付けます。
sendgrid-sends-only-from-a-2e1be5ef = SendGrid は、確認済みの Sender Identity (送信者 ID) からしか送信しません。Settings (設定) → Sender Authentication (送信者認証) で `from` アドレスかそのドメインを確認 (認証) してください。
sendgrid-settings-sender-authentication-d404dcdb = SendGrid → Settings (設定) → Sender Authentication (送信者認証) → Authenticate Your Domain (ドメインの認証)
your-domain-s-smtp-login-3df270ef = ドメインの SMTP ログイン (例: postmaster@mg.yourdomain.com)
use-the-smtp-credentials-of-abbc08bf = Mailgun のアカウントのパスワードではなく、Mailgun の送信ドメインの SMTP 認証情報を使ってください。ウェブサイトが動いている場所でポート 587 がブロックされている場合は、ポート 2525 を使ってください。
for-mailgun-accounts-in-the-ac9d0345 = EU リージョンの Mailgun アカウント向けです。Mailgun のアカウントのパスワードではなく、Mailgun の送信ドメインの SMTP 認証情報を使ってください。ウェブサイトが動いている場所でポート 587 がブロックされている場合は、ポート 2525 を使ってください。
mailgun-needs-the-smtp-credentials-0df7462f = Mailgun には、Mailgun のアカウントのパスワードではなく、送信ドメインの SMTP 認証情報 (たとえば `postmaster@mg.example.com`。Sending (送信) → Domain settings (ドメイン設定) → SMTP credentials (SMTP 認証情報) にあります) が必要です。
mailgun-sends-from-addresses-of-73f8735a = Mailgun は、確認済みの送信ドメインのアドレスから送信します。そのいずれかを `from` に使ってください。
mailgun-sending-domains-your-domain-d2cc33b7 = Mailgun → Sending (送信) → Domains (ドメイン) → 対象のドメイン → DNS records (DNS レコード)
your-server-api-token-1a2b5328 = Server API Token
use-your-postmark-server-api-7df39770 = Postmark の Server API Token を、ユーザー名とパスワードの両方に使ってください。ウェブサイトが動いている場所でポート 587 がブロックされている場合は、ポート 2525 を使ってください。
postmark-use-your-server-api-a8ba1613 = Postmark: Server API Token を `userName` と `password` の両方に使ってください。
postmark-sends-only-from-a-17710e90 = Postmark は、確認済みの Sender Signature (送信者署名) か確認済みのドメインからしか送信しません。そのいずれかを `from` に使ってください。
your-brevo-smtp-login-04933033 = Brevo の SMTP ログイン
use-the-smtp-login-and-8b4085f4 = Brevo の SMTP 設定にある SMTP ログインを使い、パスワードには SMTP キーを使ってください。Brevo の API キーは使えません。ウェブサイトが動いている場所でポート 587 がブロックされている場合は、ポート 2525 を使ってください。
brevo-username-is-the-smtp-82151876 = Brevo: `userName` は SMTP & API に表示される SMTP ログインで、`password` は同じページの SMTP キーです (API キーやアカウントのパスワードではありません)。
brevo-sends-only-from-a-ae02936a = Brevo は、確認済みの差出人かドメインからしか送信しません。そのいずれかを `from` に使ってください。
brevo-senders-domains-dedicated-ips-cb7d426d = Brevo → Senders, Domains & Dedicated IPs (送信者、ドメイン、専用 IP) → Domains (ドメイン) → Authenticate (認証)
your-mailjet-api-key-b626b4b3 = Mailjet の API キー
the-user-name-is-your-3794f252 = ユーザー名は Mailjet の API キー、パスワードはそのシークレット キーで、Mailjet のログインではありません。Mailjet で認証済みの差出人アドレスかドメインから送信してください。ウェブサイトが動いている場所でポート 587 がブロックされている場合は、ポート 2525 を使ってください。
mailjet-username-is-your-mailjet-8fe11462 = Mailjet: `userName` は Mailjet の API キー、`password` はそのシークレット キーです (Account settings (アカウント設定) → API keys (API キー) にあります)。Mailjet のログインではありません。
mailjet-sends-only-from-a-c082e9b4 = Mailjet は、認証済みの差出人アドレスかドメインからしか送信しません。Mailjet で `from` アドレスを認証するか、認証済みのアドレスを使ってください。
mailjet-account-settings-domains-spf-8cc2cce1 = Mailjet → Account settings (アカウント設定) → Domains (ドメイン) → SPF/DKIM authentication (SPF/DKIM 認証)
an-smtp-user-name-from-e7bd2eb0 = Sending (送信) → SMTP Users (SMTP ユーザー) の SMTP ユーザー名
use-an-smtp-user-created-2b1d0bc6 = SMTP2GO のログインではなく、SMTP2GO で作成した SMTP ユーザー (Sending (送信) → SMTP Users (SMTP ユーザー)) とそのパスワードを使い、確認済みの差出人から送信してください。ウェブサイトが動いている場所でポート 587 がブロックされている場合は、ポート 2525 (または 8025) を使ってください。
smtp2go-use-an-smtp-user-e1a0c31b = SMTP2GO: SMTP2GO のログインではなく、SMTP2GO アカウントの SMTP ユーザー (Sending (送信) → SMTP Users (SMTP ユーザー)) を `userName` に、そのパスワードを `password` に使ってください。
smtp2go-sends-only-from-verified-72be2dcc = SMTP2GO は、確認済みの差出人 (Sending (送信) → Verified Senders (確認済みの差出人)) からしか送信しません。そのいずれかを `from` に使ってください。

## src/providers/mod.rs

provider-also-takes-mail-on-0f1b4ef0 = { $provider } はポート `{ $port }` でもメールを受け付けます。このポートはホスティング会社やインターネット プロバイダーにブロックされることがほとんどありません。`port` を `{ $port }` に変更し、`enableSsl` は `true` のままにしてください。

## src/providers/preset.rs

use-the-outgoing-smtp-server-2aa81402 = ホスティング会社またはメールプロバイダーが案内する送信 (SMTP) サーバーを、ポート 587、SSL オンで使ってください。ASP.NET からはポート 465 は使えません。

## src/reply.rs

the-server-sent-something-that-6657f988 = サーバーが SMTP の応答ではないものを送りました: { $line }
the-server-s-reply-changed-e8449784 = サーバーの応答のコードが途中で変わりました ({ $first } から { $then } へ)

## src/report/evidence.rs

tls-version-version-1ac0d9ba = TLS のバージョン: { $version }
cipher-cipher-1a1584a9 = 暗号スイート: { $cipher }
not-encrypted-no-tls-was-4d14e875 = 暗号化なし (TLS は準備されませんでした)
warning-the-password-was-sent-58911bd4 = 警告: パスワードは暗号化されていない接続で送られました (このテストでは許可されていました)
certificate-subject-subject-2b3e305c = 証明書のサブジェクト: { $subject }
certificate-names-names-85ad8f14 = 証明書の名前: { $names }
issued-by-issuer-db64a95a = 発行者: { $issuer }
valid-from-start-until-end-41664af8 = 有効期間: { $start } から { $end } まで
expired-answer-7c3dd7c2 = 期限切れ: { $answer }
self-signed-answer-32e94d4a = 自己署名: { $answer }
sha-256-fingerprint-fingerprint-59cf6063 = SHA-256 フィンガープリント: { $fingerprint }
certificate-problem-accepted-for-this-cf52b724 = このテストに限り受け入れた証明書の問題: { $problem }
no-62366ffa = いいえ
none-received-a7fce227 = (受信なし)
greeting-banner-2adc54e6 = あいさつ: { $banner }
ehlo-extensions-extensions-8ae23a31 = EHLO の拡張機能: { $extensions }
sign-in-methods-offered-methods-958cc42d = 提供されたサインイン方法: { $methods }
message-id-of-the-test-1aaceb9a = テストメッセージの Message-ID: { $id }
transcript-0583096b = 通信記録
we-sent-the-server-answered-ea6e205d = `->` は送信した内容、`<-` はサーバーの応答、`~>`/`<~` は暗号化後の同じもの、`**` はテスターのメモです。パスワードは `<redacted>` と表示されます。

## src/report.rs

mail-settings-tester-support-report-9e850e75 = Mail Settings Tester サポート用レポート
made-by-mail-settings-tester-5d84e266 = Mail Settings Tester { $version } で { $now } (UTC) に作成。
result-the-server-accepted-the-cb20d937 = 結果: サーバーは { $recipient } 宛てのテストメッセージを受け付けました ({ $time } 後)。
result-the-server-accepted-the-1ce20c7e = 結果: サーバーは { $recipient } 宛てのテストメッセージを受け付けましたが、次の問題があります: { $summary } ({ $time } 後)。
result-failed-summary-after-time-de3e18b7 = 結果: 失敗: { $summary } ({ $time } 後)。
result-failed-after-time-e2d9ecdd = 結果: 失敗 ({ $time } 後)。
stopped-because-error-a65fdf46 = 停止した理由: { $error }。
empty-c2b0def7 = (空)
none-no-sign-in-4e7eb656 = (なし: サインインなし)
this-computer-s-name-94e552fc = (このコンピューターの名前)
set-not-included-b8037f8f = 設定済み (含まれていません)
not-set-ffa35e26 = 未設定
another-mail-program-the-best-1cb12260 = 別のメールプログラム (サーバーが提供する最善のもの)
test-recipient-9b7a3c52 = テストの宛先
connection-security-used-a0615d9e = 使用した接続のセキュリティ
tested-as-6d856e84 = テストの方式
time-limits-3bbef354 = 制限時間
connect-connect-s-greeting-greeting-0dacfa15 = 接続 { $connect }秒、あいさつ { $greeting }秒、各コマンド { $command }秒
certificate-check-4f7d1e48 = 証明書の確認
off-invalid-certificates-were-accepted-60edc329 = オフ: 無効な証明書を受け入れました (ウェブサイトは受け入れません)
on-61342fd0 = オン
settings-4b058728 = 設定
extra-trusted-certificate-authorities-pa-209717b3 = 追加で信頼する認証局: { $path }
ok-663437af = OK
failed-d7e8fab4 = 失敗
checklist-08a568ef = チェックリスト
each-step-c2d8e180 = 各手順:
total-time-f96defd0 = 合計: { $time }
diagnosis-547c3c9e = 診断
no-problem-the-test-message-896ed3a9 = 問題なし: テストメッセージは受け付けられました。
suggested-change-e6662e4a = 変更の提案:

## src/session/connect.rs

no-answer-from-dns-within-75b392c5 = { $secs }秒以内に DNS から応答がありません
no-address-to-connect-to-d0980056 = 接続先のアドレスがありません

## src/session/dialogue.rs

the-server-sent-more-data-5a7b3835 = サーバーが TLS ハンドシェイクの前に余分なデータを送りました (STARTTLS に対する既知の攻撃です)
starttls-on-a-connection-that-57fec029 = すでに暗号化されている接続での STARTTLS
this-tester-plain-or-login-6e2aba1f = このテスター (PLAIN または LOGIN)

## src/session/error.rs

it-is-issued-for-names-7de28bc0 = { $names } に対して発行されています
no-authority-this-computer-trusts-c48ee76c = このコンピューターが信頼する認証局に保証されていません
it-has-expired-fa8972c9 = 有効期限が切れています
it-is-not-valid-yet-fb6edb7d = まだ有効ではありません (またはこのコンピューターの時計がずれています)
the-server-name-host-could-a0934279 = サーバー名 { $host } が見つかりませんでした ({ $detail })
the-connection-to-address-was-8ba9ec2a = { $address } への接続が拒否されました
no-answer-from-address-within-d9ebdf5c = { $secs }秒以内に { $address } から応答がありません
could-not-connect-to-address-6fadcd41 = { $address } に接続できませんでした: { $detail }
connected-but-the-server-sent-3a9c719b = 接続しましたが、サーバーは { $secs }秒以内にあいさつを送りませんでした
the-server-does-not-speak-565fe8c3 = サーバーは SMTP を話していません。送られてきたのは「{ $received }」です
the-server-refused-step-name-6e46a071 = サーバーが { $step_name } を拒否しました: { $reply_text }
the-server-does-not-offer-a01d5bcc = サーバーは STARTTLS を提供していません
the-tls-handshake-failed-detail-c2ab11a8 = TLS ハンドシェイクに失敗しました: { $detail }
the-server-offers-only-outdated-4185f3ec = サーバーは古い暗号化 (TLS 1.0 または 1.1) しか提供していません: { $detail }
the-server-offers-no-sign-d563271c = サーバーはこの接続でサインイン (AUTH) を提供していません
the-server-offers-only-sign-2930a676 = サーバーは、{ $target_name } が使えないサインイン方法しか提供していません: { $methods }
stopped-before-sending-the-password-bc00d9ef = 暗号化されていない接続でパスワードを送る前に停止しました
the-server-asked-for-more-f9503699 = サーバーがパスワードの後にさらに情報を求めました: { $reply_text }
the-server-refused-the-oauth-b0c17084 = サーバーが OAuth トークンを拒否しました ({ $mechanism_name }): { $reply_text }
the-server-offers-no-oauth-226d3d86 = サーバーはここで OAuth のサインインを提供していません (提供しているもの: { $methods })
stopped-before-sending-the-oauth-6d6be392 = 暗号化されていない接続で OAuth トークンを送る前に停止しました
the-server-closed-the-connection-9fea2761 = { $step_name } の途中でサーバーが接続を閉じました
no-reply-to-step-name-b95e1dc7 = { $secs }秒以内に { $step_name } への応答がありません
cancelled-during-step-name-f3828dd3 = { $step_name } の途中でキャンセルされました
the-certificate-file-path-could-de00273b = 証明書ファイル { $path } を使えませんでした: { $detail }
role-words-address-cannot-be-cc200543 = { $role_words } { $address } は送信できません: { $reason }
the-server-broke-the-smtp-275bfdfe = { $step_name } の途中でサーバーが SMTP のルールに違反しました: { $detail }

## src/session/mod.rs

a-reply-went-on-for-a3229ee0 = 応答が { $lines }行を超えて続きました
a-reply-line-was-far-289873fe = 応答の行が長すぎました

## src/session/report.rs

enablessl-is-off-2a22ebcd = enableSsl がオフ
encryption-is-off-21238599 = 暗号化がオフ
no-user-name-289a6df8 = ユーザー名なし
not-offered-before-encryption-c28ccb4d = 暗号化前は提供なし
server-offers-no-sign-in-676667ab = サーバーがサインインを提供していない
no-usable-method-sent-without-972e3aeb = 使える方法がなく、サインインせずに送信
sign-in-refused-sent-without-efec03b6 = サインインが拒否され、サインインせずに送信

## src/session/tls.rs

tls-set-up-failed-error-26855cd2 = TLS の準備に失敗しました ({ $error })
no-usable-certificate-authority-error-61ef141b = 使える認証局がありません ({ $error })
a-certificate-in-it-is-c93dd3fb = 中の証明書が使えません ({ $error })
it-is-not-a-valid-a66d7d8b = 有効な PEM ファイルではありません ({ $error })
it-holds-no-certificate-a-4f817e2a = 証明書が含まれていません。PEM ファイル (-----BEGIN CERTIFICATE-----) か DER 形式の .cer ファイルが必要です
host-is-not-a-valid-8d44e3b8 = { $host } は有効な TLS の名前ではありません ({ $error })

## src/settings/address.rs

the-sender-address-from-a6cf0f74 = 差出人アドレス (from)
the-test-recipient-c65aed6f = テストの宛先
only-smtputf8-could-carry-it-b02a2e58 = これを送れるのは SMTPUTF8 だけですが、このサーバーは SMTPUTF8 を提供していません
only-smtputf8-could-carry-it-649eaab3 = これを送れるのは SMTPUTF8 だけですが、ASP.NET は既定では SMTPUTF8 を使いません
it-cannot-be-written-into-48e65563 = テストメッセージに書き込めません
international-domain-the-test-sends-a7641d49 = 国際化ドメイン: テストは { $address } を、どのメールサーバーでも読める形の { $ascii } として送ります。
address-has-letters-outside-plain-6471a7d7 = { $address } には、@ の前に半角英字以外の文字があります。ASP.NET のメール送信機能は、deliveryFormat="International" が設定され (ASP.NET 4.5 以降)、メールサーバーが SMTPUTF8 (国際化アドレス) を提供している場合を除き、このようなアドレスを拒否します。テストでは、ウェブサイトが直面する状況を確認できます。
address-has-letters-outside-plain-5f9c2f60 = { $address } には、@ の前に半角英字以外の文字があります。これを受け付けられるのは、SMTPUTF8 (国際化アドレス) を提供するメールサーバーだけです。テストで、このサーバーが提供しているか確認します。

## src/settings/ehlo_name.rs

typed-is-not-a-valid-ac381f52 = 「{ $typed }」は clientDomain として有効なコンピューター名ではありません。このコンピューターの名前を使うには、空のままにしてください。
asp-net-introduces-itself-to-bad9a806 = ASP.NET は clientDomain をそのまま使ってサーバーに名乗ります (「{ $typed }」)。Exim などのサーバーは EHLO (ウェブサイトが名前を伝えるあいさつ) で IP アドレスだけのものを拒否します。ウェブサイトのドメイン名 (例: www.example.com) を使うか、clientDomain を空にしてください。
the-test-introduces-itself-as-38df7222 = テストは、メールサーバーが IP アドレスに期待する形である { $literal } として名乗ります。
many-mail-servers-exim-among-1f6f2699 = 多くのメールサーバー (Exim など) は 501 を返し、「{ $typed }」をこのコンピューターの名前として拒否します。名前に使えるのは英字、数字、ハイフン、ドットだけで、{ $characters } は使えません。ウェブサイトのドメイン名 (例: www.example.com) を使うか、このコンピューターの名前を使うには clientDomain を空にしてください。

## src/settings/validate.rs

host-is-not-a-valid-702a75f3 = 「{ $host }」は有効なサーバー名ではありません。入力ミスがないか確認してください。
enter-the-mail-server-s-216e5a0c = メールサーバーの名前 (host) を入力してください。たとえば smtp.example.com です。
enter-only-the-server-s-c06d5777 = サーバーの名前だけを入力してください。「{ $scheme }://」を取り除きます (web.config の host には含まれません)。
the-server-name-cannot-contain-a669d667 = サーバー名にスペースは使えません。プロバイダーの説明からもう一度コピーしてください。
this-looks-like-an-email-923d668e = これはメールアドレスのようです。ホストはメールサーバーの名前で、たとえば smtp.example.com です。
the-server-name-cannot-contain-3b89a0a4 = サーバー名に「/」は使えません。名前だけを入力してください。たとえば smtp.example.com です。
put-the-port-in-the-4cc5c678 = ポートは「ポート」欄に入れてください: ホスト「{ $name }」、ポート { $port }。
international-name-the-test-connects-a9390765 = 国際化された名前: テストは ASCII 形式の { $ascii } に接続します。
port-port-does-not-exist-b3dfc373 = ポート { $port } は存在しません。ポートは 1〜65535 です。メールサーバーは通常 587 を使います。
defaultcredentials-is-true-so-web-2cc7e682 = defaultCredentials が true なので、web.config は userName と password を無視し、Windows アカウントとしてサインインします。ユーザー名を使うには defaultCredentials を false にしてください。
defaultcredentials-true-signs-in-as-bdc7611b = defaultCredentials="true" ではウェブサイトの Windows アカウントとしてサインインしますが、このテストではそれができないため、サインインせずに送信します。
a-user-name-is-set-73cdd5ba = ユーザー名が設定されていますが、パスワードが空です。メールボックスのパスワードを入力してください。
a-password-is-set-but-71fbceb3 = パスワードが設定されていますが userName が空なので、パスワードは使われません。ユーザー名 (通常は完全なメールアドレス) を入力してください。
oauth-signs-in-as-a-2df4a59e = OAuth はメールボックスとしてサインインします。ユーザー名にはその完全なアドレスを入力してください。
oauth-sign-in-needs-an-b27182ff = OAuth のサインインにはアクセストークンが必要ですが、ありません。先にプロバイダーでサインインするか、トークンを貼り付けてください。
asp-net-s-mail-sender-df5acecb = ASP.NET のメール送信機能 (web.config) は OAuth でサインインできません。このテストは、OAuth に対応したプログラム (MailKit など) が使うのと同じようにメールボックスとトークンを確認します。
address-is-not-a-valid-f804de19 = 「{ $address }」は差出人 (from) として有効なメールアドレスではありません。name@example.com のような形にしてください。
address-is-not-a-valid-5cf84c0a = 「{ $address }」はテストの宛先として有効なメールアドレスではありません。name@example.com のような形にしてください。
enter-the-sender-address-from-92b57a8d = 差出人アドレス (from) を入力してください。通常はサインインに使うメールボックスです。web.config に from がない場合は、サイトのコードが差出人を設定しています。そのアドレスを入力してください。
asp-net-system-net-mail-ee4b87b2 = ASP.NET (System.Net.Mail) は接続時の SSL を使えません。ポート 587 と enableSsl="true" を使うか、ほかのプログラムをテストするには汎用の対象を選んでください。
asp-net-cannot-use-port-85b5d0bc = ASP.NET はポート 465 を使えません。来ることのないあいさつを待ち続けます。テストも同じ動きをします。ポート 587 と enableSsl="true" を使ってください。
starttls-was-chosen-which-means-be6ff6d5 = STARTTLS が選ばれています。これは web.config の enableSsl="true" にあたります。
certificate-checks-are-off-the-cee3d463 = 証明書の確認がオフです。接続はなりすましから守られていません。ウェブサイトはそれでも証明書を確認するため、失敗する可能性があります。
deliverymethod-is-not-network-so-15953ca7 = deliveryMethod が「Network」ではないため、ウェブサイトはメールを送信せずにフォルダーに書き込みます。このサーバー経由で送信するには deliveryMethod="Network" にしてください。
a-timeout-of-0-seconds-d34a129a = 0秒のタイムアウトでは毎回失敗します。1秒以上にしてください (通常は10秒)。
timeouts-above-600-seconds-are-94fe3d7e = 600秒を超えるタイムアウトはテストには役立ちません。10〜60秒にしてください。

## src/settings.rs

no-encryption-7b0eebe3 = 暗号化なし
asp-net-core-net-5-d85df409 = ASP.NET Core / .NET 5 以降

## src/snippet/django.rs

set-only-one-of-email-74ec3c21 = EMAIL_USE_TLS (STARTTLS、ポート 587) と EMAIL_USE_SSL (接続時の SSL、ポート 465) は、どちらか一方だけを True にしてください。両方を True にすると、Django は起動しますが最初の送信で失敗します (「EMAIL_USE_TLS/EMAIL_USE_SSL are mutually exclusive」)。

## src/snippet/format.rs

php-code-bda6edbc = PHP コード
put-it-inside-configuration-if-e1efa961 = <configuration> の中に入れてください。すでに <system.net> ブロックがある場合は、その中の <mailSettings> ブロックだけを置き換え、ほかの部分 (<defaultProxy> など) はそのままにしてください。
put-this-where-your-php-d17fc47f = これを PHP コードで PHPMailer オブジェクトを作成している場所の、$mail->send() より前に入れてください (PHPMailer 6.1 以降: ENCRYPTION_ 定数は 6.1 で追加されました)。
put-this-in-wp-config-b7c7c865 = これを wp-config.php の /* That's all, stop editing! */ という行より上に入れてください (WP Mail SMTP プラグインが必要です)。
put-this-in-the-env-50652e7d = これを Laravel サイトのルートにある .env ファイルに入れ、既存の MAIL_ の行と置き換えてから、php artisan config:clear を実行してください。
put-this-in-your-project-96ff8c78 = これをプロジェクトの settings.py に入れ、既存の EMAIL_ の設定と置き換えてください。
put-this-where-your-node-9137efc0 = これを Node.js のコードで Nodemailer のトランスポートを作成している場所に入れ、transporter.sendMail({"{"} to, subject, text {"}"}) で送信してください。
put-this-line-in-env-903522da = この行を .env.local に入れるか (または MAILER_DSN を環境変数として設定し)、既存の MAILER_DSN と置き換えてください。
put-the-smtp-section-into-f2c2e121 = 「Smtp」セクションを appsettings.json の既存のセクションの隣に入れてください。

## src/snippet/laravel.rs

laravel-11-and-12-no-a3768a2e = Laravel 11 と 12 は MAIL_ENCRYPTION を読まなくなり、MAIL_SCHEME を使います。どのバージョンでもこのブロックが動くよう両方の行を入れてあります。一方を編集する場合は、もう一方も合わせてください。
laravel-10-and-older-use-0b26f05b = Laravel 10 以前は、ポート 465 でしか接続時の SSL を使いません。ポート { $port } で使えるのは Laravel 11 以降 (MAIL_SCHEME=smtps) だけです。
laravel-s-env-turns-the-d5129581 = Laravel の env() は { $key } の値を別のものに変えてしまいます (true、false、null、空の値、または引用符で囲まれた値は引用符が取れます)。代わりに config/mail.php に直接書いてください。

## src/snippet/mailkit.rs

connect-with-mailkit-like-this-a0f2b3b0 = MailKit では次のように接続します: client.Connect(smtp.Host, smtp.Port, SecureSocketOptions.{ $options }); client.Authenticate(smtp.UserName, smtp.Password);
connect-with-mailkit-like-this-a3cc5a4d = MailKit では次のように接続します: client.Connect(smtp.Host, smtp.Port, SecureSocketOptions.{ $options });
do-not-write-client-connect-63e694a6 = client.Connect(host, 587, useSsl: true) とは書かないでください。MailKit では useSsl: true は接続時の SSL を意味し、ポート 587 では失敗します。web.config の enableSsl="true" は SecureSocketOptions.StartTls にあたります。
asp-net-core-does-not-b7e6cf14 = ASP.NET Core は web.config の <mailSettings> を読みません。サイトのコードでこのセクションを読み込む必要があります。

## src/snippet/nodemailer.rs

secure-true-is-only-for-51c29ab8 = secure: true は接続時の SSL (ポート 465) 専用です。STARTTLS では false のままにしないと、接続が「wrong version number」で失敗します。
with-secure-false-nodemailer-still-512f72f5 = secure: false でも、Nodemailer はサーバーが提供していれば STARTTLS に切り替えます。ignoreTLS: true は、それが失敗し、暗号化されていない接続を受け入れる場合にだけ追加してください。

## src/snippet/oauth/django.rs

put-this-in-your-project-1413375b = これをプロジェクトの settings.py に入れ、既存の EMAIL_ の設定と置き換えてください。
the-app-needs-microsoft-graph-5db04e0a = アプリには、管理者の同意を得た Microsoft Graph のアプリケーションのアクセス許可 Mail.Send が必要です (SMTP.SendAsApp ではありません。このバックエンドは SMTP を使いません)。Mail.Send では、管理者がこのメールボックスに限定しない限り、アプリは組織のどのメールボックスとしても送信できます。
django-o365mail-signs-in-as-58cbac5f = django-o365mail は人としてではなく、アプリ自身として (アプリのみ) サインインします。リフレッシュ トークンは不要です。
without-a-package-azure-communication-7d86afb5 = パッケージなしの場合: Azure Communication Services の SMTP (smtp.azurecomm.net、ポート 587、STARTTLS) はユーザー名とパスワードを受け付けるので、Django 自身の SMTP バックエンドで使えます (EMAIL_HOST_USER = ACS の SMTP Username、EMAIL_HOST_PASSWORD = Entra アプリのクライアント シークレット)。リレー サービスも同じように使えます。
enable-the-gmail-api-in-4ecc65d4 = Google Cloud プロジェクトで Gmail API を有効にし、パッケージのスクリプト (gmail_oauth2 --generate_oauth2_token) でメールボックスとしてサインインして、リフレッシュ トークンを一度作成してください。
without-a-package-google-still-88def8b2 = パッケージなしの場合: Google は今もアプリ パスワード (2 段階認証プロセスがオンの場合) を受け付けるので、Django 自身の SMTP バックエンドで使えます。

## src/snippet/oauth/laravel.rs

four-parts-each-in-its-a587b09b = 4つの部分をそれぞれ別のファイルに入れます: .env 用の行、config/mail.php 用のメーラー ('mailers' => [...] の中)、app/Providers/AppServiceProvider.php の boot() メソッド用のコード、クラス app/Mail/FreshTokenXOAuth2Authenticator.php です。その後、php artisan config:clear を実行してください。
laravel-through-symfony-mailer-cannot-d46f9f68 = Laravel (Symfony Mailer 経由) は自分で OAuth トークンを取得できず、トークンの有効期間は約1時間だけです。このカスタム トランスポートは、接続のたびに新しいトークンを取得します。Laravel 9 以降と symfony/mailer 6.3 以降が必要です (Laravel 11 以降には含まれています。Laravel 10 では composer update symfony/mailer を実行してください)。

## src/snippet/oauth/mailkit.rs

put-the-smtp-section-the-c60f3059 = 「Smtp」セクション (JSON の部分) を appsettings.json に入れ、既存の「Smtp」セクションと置き換えてください。C# のクラスをプロジェクトに追加し、登録してください: builder.Services.AddSingleton<OAuthMailSender>();
this-uses-app-only-sign-823f2f67 = これはアプリのみのサインイン (サイトがサイト自身としてサインイン) を使います。ウェブサイトに必要なのはこちらです。委任されたサインインには、ブラウザーの前にいる人とトークンのキャッシュが必要になります。
keep-the-client-secret-out-d02d7bb5 = 共有リポジトリの appsettings.json にはクライアント シークレットを入れないでください。dotnet user-secrets、環境変数 (Smtp__ClientSecret)、またはキー コンテナーで上書きできます。
do-not-connect-with-usessl-3f8b4515 = ポート 587 で useSsl: true を使って接続しないでください。MailKit ではそれは接続時の SSL を意味します。STARTTLS はセクションにあるとおり SecureSocketOptions.StartTls です。
appsettings-json-and-c-mailkit-ca0b1f7c = appsettings.json と C# (MailKit)

## src/snippet/oauth/nodemailer.rs

put-this-in-your-node-c0ffada9 = これを Node.js のコードに入れ、await sendMail({"{"} to, subject, text {"}"}) で送信してください。一度だけインストールします: npm install nodemailer @azure/msal-node
put-this-where-your-node-185c1777 = これを Node.js のコードで Nodemailer のトランスポートを作成している場所に入れ、transporter.sendMail({"{"} to, subject, text {"}"}) で送信してください。Nodemailer はトークンを自分で更新します。
node-js-code-nodemailer-7e94db6a = Node.js のコード (Nodemailer)

## src/snippet/oauth/notes.rs

oauth-means-signing-in-through-7580ed84 = OAuth とは、メールボックスのパスワードの代わりに { $who } を通じてサインインすることです。サイトはアプリの ID とシークレットを使って { $who } に短時間だけ有効なトークンを求め (人はサインインしません)、そのトークンでサインインします。
oauth-means-signing-in-through-828dd6c6 = OAuth とは、パスワードの代わりに { $who } 自身のページでサインインすることです。メールボックスの所有者が一度サインインし、サイトはリフレッシュ トークンを保存して、それで短時間だけ有効なトークンを取得します。
replace-placeholder-with-the-app-d5a0af53 = { $placeholder } をアプリのクライアント シークレットに置き換えてください。スニペットを安全に共有できるよう省いてあります。共有したりコミットしたりするファイルには入れないでください (環境変数やシークレットの保管場所を使うほうが安全です)。
replace-placeholder-with-the-refresh-50c0846a = { $placeholder } を、メールボックスの所有者がアプリに一度サインインしたときに得られるリフレッシュ トークンに置き換えてください (パスワードと同じように秘密にしてください)。
replace-placeholder-with-the-app-dd0be73d = { $placeholder } をアプリのクライアント ID (Microsoft Entra 管理センターのアプリの Overview (概要) ページにある Application (client) ID) に置き換えてください。
replace-placeholder-with-the-app-e2337baa = { $placeholder } をアプリのクライアント ID (Google Cloud コンソールの APIs & Services (API とサービス) → Credentials (認証情報) にある OAuth クライアントのもの) に置き換えてください。
replace-placeholder-with-the-directory-163145f4 = { $placeholder } を、アプリの Overview (概要) ページにある Directory (tenant) ID (またはドメイン、たとえば example.onmicrosoft.com) に置き換えてください。
replace-placeholder-with-the-mailbox-bbe7cc54 = { $placeholder } を、サイトの送信元のメールボックスのアドレスに置き換えてください。
google-has-no-app-only-ba6e748c = Google には、通常のメールボックス向けのアプリのみのサインインはありません。それには、Workspace の管理者が設定する、ドメイン全体の委任を持つ Google Workspace のサービス アカウントが必要です。そのため、これは代わりにメールボックスとして (委任で) サインインします。
app-only-sign-in-needs-ad5c921d = アプリのみのサインインには、Microsoft 365 の管理者による一度きりの設定が必要です: アクセス許可 SMTP.SendAsApp、管理者の同意、Exchange でのこのメールボックスへのアプリのアクセス (設定の手順を参照)。
the-app-registration-needs-the-f7d5f684 = アプリの登録には委任されたアクセス許可 SMTP.Send が必要で、リフレッシュ トークンはスコープ https://outlook.office.com/SMTP.Send と offline_access で要求する必要があります。
the-google-oauth-client-needs-6e9d68ed = Google の OAuth クライアントには、スコープ { $scope } が必要です。Google の OAuth 同意画面が「Testing」(テスト) の間は、リフレッシュ トークンが7日で期限切れになります。これに頼る前にアプリを公開してください。
smtp-sign-in-smtp-auth-976b28fe = OAuth を使う場合も、メールボックスの SMTP サインイン (SMTP AUTH) はオンのままにしておく必要があります: Set-CASMailbox -SmtpClientAuthenticationDisabled $false。
the-tested-connection-was-not-ee5febd4 = テストした接続は暗号化されていませんでした。OAuth トークンを暗号化せずにネットワークに通してはいけないため、これは STARTTLS を使います。これに頼る前に、ポート 587 で STARTTLS (またはポート 465 で接続時の SSL) をテストしてください。
while-the-google-oauth-consent-d3b7b869 = Google の OAuth 同意画面が「Testing」(テスト) の間は、リフレッシュ トークンが7日で期限切れになります。これに頼る前にアプリを公開してください。

## src/snippet/oauth/php_token.rs

the-token-request-uses-php-264e594e = トークンの要求には、https:// のアドレスに対する PHP の file_get_contents を使います。PHP の allow_url_fopen がオンで (既定でオンです)、サーバーがトークンのエンドポイントに接続できる必要があります。

## src/snippet/oauth/phpmailer.rs

put-this-where-your-php-021b3499 = これを PHP コードで PHPMailer オブジェクトを作成している場所の、$mail->send() より前に入れてください (PHPMailer 6.6 以降: OAuthTokenProvider は 6.6 で追加されました)。use の行はファイルの先頭に置きます。
put-this-where-your-php-e46cf1ca = これを PHP コードで PHPMailer オブジェクトを作成している場所の、$mail->send() より前に入れてください (Composer で入れた PHPMailer 6)。use の行はファイルの先頭に置きます。
phpmailer-s-own-oauth-class-d202c98f = PHPMailer 自身の OAuth クラスは、リフレッシュ トークンがある場合 (誰かが一度サインインした場合) にしか使えません。アプリのみのサインインでは、ここにある小さな AppOnlyOAuthToken クラスが、アプリの ID とシークレットで Microsoft にトークンを要求します。
get-the-refresh-token-once-daf7ceaf = PHPMailer の get_oauth_token.php (PHPMailer に付属) でリフレッシュ トークンを一度取得してください。サイトに置き、そのアドレスをアプリのリダイレクト URI に追加して開き、{ $provider } を選んでメールボックスとしてサインインします。終わったらスクリプトを削除してください。
microsoft-sends-only-as-the-720b52d1 = Microsoft は、サインインしたメールボックス (またはそれが差出人として使えるアドレス) としてしか送信しません。setFrom はそのアドレスのままにしてください。

## src/snippet/oauth/setup.rs

open-the-microsoft-entra-admin-56e219d9 = Microsoft Entra 管理センター (entra.microsoft.com) → App registrations (アプリの登録) → New registration (新規登録) を開きます。名前を付け (たとえば「Website mail」)、「Accounts in this organizational directory only」(この組織ディレクトリのみに含まれるアカウント) のまま登録します。Overview (概要) ページに Application (client) ID と Directory (tenant) ID が表示されます。サイトには両方が必要です。
open-the-microsoft-entra-admin-830973c3 = Microsoft Entra 管理センター (entra.microsoft.com) → App registrations (アプリの登録) を開き、Application (client) ID が { $client_id } のアプリを開きます (ない場合は作成します: New registration (新規登録)、「Accounts in this organizational directory only」(この組織ディレクトリのみに含まれるアカウント))。その Overview (概要) ページにある Directory (tenant) ID を控えてください。サイトにはそれが必要です。
open-the-microsoft-entra-admin-566fe1a1 = Microsoft Entra 管理センター (entra.microsoft.com) → App registrations (アプリの登録) を開き、Application (client) ID が { $client_id } のアプリを開きます (ない場合は作成します: New registration (新規登録)、「Accounts in this organizational directory only」(この組織ディレクトリのみに含まれるアカウント))。そのアプリの Directory (tenant) ID は { $tenant } のはずです。
in-the-app-api-permissions-e2b91c93 = アプリで: API permissions (API のアクセス許可) → Add a permission (アクセス許可の追加) → APIs my organization uses (所属する組織で使用している API) →「Office 365 Exchange Online」を検索 → Application permissions (アプリケーションの許可) → SMTP.SendAsApp にチェック → Add permissions (アクセス許可の追加)。
still-on-api-permissions-click-3f5fb2d8 = 同じ API permissions (API のアクセス許可) で、組織に対して「Grant admin consent」(管理者の同意を与えます) をクリックします (管理者しかできません)。
certificates-secrets-new-client-secret-12e13caf = Certificates & secrets (証明書とシークレット) → New client secret (新しいクライアント シークレット)。Value (値) をすぐにコピーし (この一度しか表示されません)、サイトがクライアント シークレットを読み込む場所に入れます。有効期限をカレンダーに記録してください。シークレットの期限が切れると、新しいものを作るまでサイトはメールを送れなくなります。
enterprise-applications-not-app-registra-0ee3ad08 = Enterprise applications (エンタープライズ アプリケーション。App registrations ではありません) → 同じアプリを開き → Object ID (オブジェクト ID) をコピーします。アプリの登録の Object ID は別の番号で、それを使うとサインインに失敗します。これを下の { $placeholder } と置き換えます。
in-powershell-install-the-exchange-208056fd = PowerShell で Exchange Online モジュールを (一度だけ) インストールし、Exchange 管理者としてサインインします。
tell-exchange-about-the-app-7738c8e6 = Exchange にアプリ (そのサービス プリンシパル) を登録します。
let-the-app-use-the-0b50e2fa = アプリがメールボックス { $mailbox } を使えるようにします。
make-sure-smtp-sign-in-b85ae76e = メールボックスの SMTP サインイン (SMTP AUTH) がオンになっていることを確認します。OAuth でもこれが必要です。

## src/snippet/oauth/symfony.rs

save-the-first-part-as-bebdcc14 = 最初の部分を src/Mailer/FreshTokenXOAuth2Authenticator.php として保存してください。2番目の部分は、MAILER_DSN から作られるメーラーの代わりに、コードでメールを送る場所で使います。
symfony-mailer-cannot-fetch-an-653576c6 = Symfony Mailer は自分で OAuth トークンを取得できません。XOAUTH2 のサインインはパスワードをトークンとして扱い、トークンの有効期間は約1時間だけです。ここにある小さなクラスが、接続のたびに新しいトークンを取得します。symfony/mailer 6.3 以降 (setAuthenticators) が必要です。
php-code-symfony-mailer-69a187c6 = PHP コード (Symfony Mailer)

## src/snippet/oauth/web_config.rs

put-it-inside-configuration-replacing-fa45570d = <configuration> の中に入れ、既存の <system.net> の <mailSettings> ブロックと置き換えてください (<system.net> の中のほかの部分、たとえば <defaultProxy> はそのままにします)。
asp-net-s-mail-sender-22b9064f = ASP.NET のメール送信機能 (web.config を読む System.Net.Mail) は OAuth でサインインできません (その要望である dotnet/runtime issue 76253 は2022年から未解決です)。Microsoft 自身も代わりに MailKit をすすめています (ガイダンス DE0005)。
way-out-1-create-an-4ee187a7 = 解決方法 1: メールボックスのアプリ パスワードを作成し (Google アカウントのセキュリティ設定のアプリ パスワード)、{ $placeholder } の代わりに入れてください。Workspace の管理者がアプリ パスワードを禁止している場合は、リレー サービスか MailKit を使ってください。
asp-net-cannot-use-port-3fcf6280 = ASP.NET はポート 465 (接続時の SSL) を使えないため、代わりにポート 587 と enableSsl="true" を使います。
way-out-1-azure-communication-18094b5e = 解決方法 1、Azure Communication Services の SMTP (smtp.azurecomm.net、ポート 587、enableSsl="true"): Azure portal で、ドメインを設定した Email Communication Service と Communication Services リソースを作成し、Entra アプリにアクセス権を与えて SMTP Username を作成します。そうすると、userName はその SMTP Username、password はアプリのクライアント シークレットになります ({ $user_placeholder } と { $secret_placeholder } を置き換えてください)。差出人アドレスは ACS で確認済みのドメインのものである必要があります。
way-out-2-a-relay-7b644bf3 = 解決方法 2、リレー サービス (SendGrid、Brevo、Mailgun、Amazon SES、SMTP2GO など): そのホスト、ポート 587、enableSsl="true"、SMTP のユーザー名とパスワードまたはキーを <network> 要素に入れてください。
way-out-3-an-exchange-c0be45f4 = 解決方法 3、Exchange のコネクタ: 管理者が Exchange Online に、ウェブサーバーの固定 IP アドレスからのメールを受け付ける受信コネクタを作成します。サイトは userName と password なしで、ポート 25 で <your domain>.mail.protection.outlook.com に送信します (そこでも enableSsl="true" が使えます)。
way-out-4-high-volume-cdeb9bee = 解決方法 4、High Volume Email (smtp-hve.office365.com、ポート 587): 今もパスワードを受け付けますが、配信先は自分の組織内のアドレスだけです。
way-out-5-move-the-166eb8f2 = 解決方法 5: サイトのメールのコードを、OAuth でサインインできる MailKit に移行してください (コードは「ASP.NET Core」タブを参照。MailKit は .NET Framework 4.x でも動きます)。

## src/snippet/oauth/wordpress.rs

put-this-in-wp-config-7f22d207 = これを wp-config.php の /* That's all, stop editing! */ という行より上に入れ (WP Mail SMTP プラグインが必要です)、既存の WPMS_ の行と置き換えてください。
with-wp-mail-smtp-the-c123677e = WP Mail SMTP では、プラグインの設定ページでサインインします。SMTP 用のアプリのみの設定 (SMTP.SendAsApp) ではなく、その手順に従ってください。
steps-1-in-the-google-54eefa59 = 手順: 1. Google Cloud コンソールでプロジェクトを作成し、Gmail API を有効にして、種類が「Web application」(ウェブ アプリケーション) の OAuth クライアント ID を作成します。2. WP Mail SMTP の設定に表示される「Authorized redirect URI」を、クライアントの「Authorized redirect URIs」(承認済みのリダイレクト URI) にコピーします。3. クライアント ID とシークレットを上に貼り付けます。4. WP Mail SMTP の設定で、ボタンを使ってメールボックスの Google アカウントでサインインし、プラグインに送信を許可します。
steps-1-in-the-microsoft-ea0ecf6c = 手順: 1. Microsoft Entra 管理センターで、App registrations (アプリの登録) → New registration (新規登録)。2. WP Mail SMTP の Outlook の設定ページに記載されたリダイレクト URI とアクセス許可を追加します。3. Certificates & secrets (証明書とシークレット) → New client secret (新しいクライアント シークレット)。クライアント ID とシークレットを上に貼り付けます。4. WP Mail SMTP の設定で、ボタンを使ってメールボックスの Microsoft アカウントでサインインします。
the-outlook-mailer-is-part-f00ba925 = Outlook のメーラーは WP Mail SMTP Pro にしかありません。Pro がない場合: Azure Communication Services の SMTP (smtp.azurecomm.net、ポート 587、STARTTLS) が、プラグインの「Other SMTP」メーラーとユーザー名、パスワードで使えます。
nothing-in-wp-config-php-e750f8c3 = wp-config.php の内容ではサインインしません。プラグインは設定ページで得たサインイン情報を保存しているので、送信が止まったら (たとえばシークレットの期限が切れた後) 手順 4 をもう一度行ってください。

## src/snippet/parts.rs

from-is-empty-the-website-80fe4bb0 = from が空です。その場合、ウェブサイトのコードが差出人を自分で設定する必要があります。
replace-placeholder-with-the-mailbox-0d73c02b = { $placeholder } をメールボックスのパスワードに置き換えてください (スニペットを安全に共有できるよう省いてあります)。
defaultcredentials-signing-in-as-the-f49dc854 = defaultCredentials (Windows アカウントとしてのサインイン) は ASP.NET の web.config にしかありません。このスニペットはサインインしません。サーバーが必要とする場合は、ユーザー名とパスワードを入力してください。
no-encryption-the-password-crosses-60b57264 = 暗号化なし: パスワードが暗号化されずにネットワークを通ります。サーバーが提供していれば、STARTTLS か接続時の SSL を使ってください。
port-465-is-for-ssl-d3d922fc = ポート 465 は接続時の SSL 用で、ほとんどのメールプログラムはこのポートでは常にそれを使います。これに頼る前に、ポート 587 で STARTTLS か、ポート 465 で接続時の SSL をテストしてください。

## src/snippet/phpmailer.rs

smtpautotls-is-false-so-that-d6642a40 = PHPMailer が自分で STARTTLS に切り替えないよう、SMTPAutoTLS を false にしています。サーバーが STARTTLS を提供していて使いたい場合は、その行を削除してください。

## src/snippet/symfony.rs

the-user-name-and-password-db6b0fdc = DSN の中のユーザー名とパスワードは URL エンコードされています (たとえば @ は %40)。編集する場合は、同じようにエンコードしてください。
smtp-switches-to-starttls-by-b5d12bbf = smtp:// は、サーバーが提供していれば自動で STARTTLS に切り替えます。Symfony はポート 465 では、smtp:// でも常に接続時の SSL を使います。
smtp-still-switches-to-starttls-cb0f6b8f = smtp:// は、サーバーが提供していれば STARTTLS に切り替えます (Symfony 7.1 以降では ?auto_tls=false でオフにできます)。
smtps-means-ssl-on-connect-dabcf4ab = smtps:// は接続時の SSL を意味します。Symfony はポート 465 のどの DSN でも接続時の SSL を使います。
symfony-mailer-takes-the-sender-5727fd05 = Symfony Mailer は各メッセージから差出人を取ります。差出人アドレスには { $from } を使ってください。

## src/snippet/wordpress.rs

wpms-ssl-tls-means-starttls-e40daa42 = WPMS_SSL の 'tls' は STARTTLS を意味します (プラグイン自身のコメント「TLS is not STARTTLS」は誤解を招きます)。ポート 587 では 'tls' のままにし、'ssl' はポート 465 でだけ使ってください。

## src/warning.rs

your-website-will-then-log-9d26b372 = その場合、ウェブサイトのログには次のように記録されます
for-mail-to-anyone-else-362213fd = ほかの宛先へのメールでは、ウェブサイトのログに次のように記録されます
the-test-message-arrived-but-a31edd84 = テストメッセージは届きましたが、お客様宛てのメールは拒否されます
this-server-took-the-test-163aee85 = このサーバーは、テストメッセージが自分のメールボックス宛てだったため、サインインなしで受け取りました。外部のアドレス宛てのメールを受け付けるよう求めると (何も送信していません)、「{ $reply }」と拒否しました。サインインしないと、ほかの宛先へのウェブサイトのメール (注文確認、パスワードのリセット) も同じように拒否されます。
fill-in-username-and-password-14461f2f = `userName` と `password` を入力してください (`enableSsl` も `true` にします)。サインインしたウェブサイトはどのアドレスにも送信できます。それらを入れてもう一度テストしてください。
or-ask-your-hosting-company-fee3b0e0 = または、ウェブサイトが外部のアドレスに送信できるサーバーとポートを、ホスティング会社に確認してください。
azure-communication-services-a-microsoft-ac627e0b = Azure Communication Services: 今後もユーザー名とパスワードを受け付ける Microsoft のリレーです (smtp.azurecomm.net、ポート 587、enableSsl はオン。userName はその SMTP ユーザー名、password は Entra アプリのクライアント シークレット)。プリセット「Azure Communication Services」を選んでテストしてください。
a-sending-service-that-takes-06d85dc4 = パスワードを受け付ける送信サービス (SendGrid、Brevo、Mailgun、Amazon SES、SMTP2GO) か、ホスティング会社のメールサーバー: host、userName、password をそのサービスのものに変更してください。
an-exchange-connector-your-admin-6c6db3dc = Exchange のコネクタ: 管理者が、ウェブサーバーの固定 IP アドレスからポート 25 で <your domain>.mail.protection.outlook.com へサインインなしで送信できるようにします。
high-volume-email-smtp-hve-996cf456 = High Volume Email (smtp-hve.office365.com、ポート 587) は2028年9月までパスワードを受け付けますが、配信先は自分の組織のメールボックスだけです。
or-move-the-site-s-da0ce105 = または、サイトのメールのコードを、OAuth を使う MailKit に移行してください (ASP.NET に組み込みのメール送信機能は OAuth に対応していません)。
sign-in-with-oauth-instead-a6b809b7 = 代わりに OAuth でサインインしてください (SMTP.SendAsApp のアクセス許可を持つ Microsoft 365 アプリ)。ここで「サインイン」→ Microsoft 365 (OAuth)、または `mailtester send --oauth microsoft` でテストし、その後、使っているプラットフォーム用の OAuth スニペットを使ってください。
or-send-through-a-relay-09358923 = または、今後もパスワードを受け付けるリレー、Azure Communication Services (smtp.azurecomm.net) や送信サービス経由で送信してください。
this-works-today-but-microsoft-1e66a965 = 今は動きますが、Microsoft 365 は2026年12月末にパスワードでのサインインをオフにします
microsoft-switches-password-sign-in-b29c7af0 = Microsoft は2026年12月末に、すべての Microsoft 365 組織で SMTP のパスワードでのサインイン (基本認証) を既定でオフにします。当面は管理者がオンに戻せますが、Microsoft は最終的な終了時期を2027年後半に発表する予定です。それ以降、ウェブサイトからのメールは止まります。

## src/webconfig/document.rs

a-second-top-level-element-0dbfb207 = 2つ目の最上位要素があります。すべてを1つの <configuration> 要素の中に入れる必要があります
text-outside-the-configuration-element-5ab3603e = <configuration> 要素の外にテキストがあります。削除してください
name-is-never-closed-name-53fcf71f = <{ $name }> が閉じられていません (</{ $name }> がありません)
the-file-has-no-elements-e99344ab = ファイルに要素がまったくありません (<configuration> で始まる必要があります)
a-tag-is-not-closed-61fb9e67 = タグが閉じられていません。> がないか、タグ内の引用符が閉じられていません
a-comment-that-starts-with-3173cbb0 = <!-- で始まるコメントが --> で閉じられていません
a-cdata-section-is-never-36fbd2fd = <![CDATA[ セクションが ]]> で閉じられていません
a-instruction-is-never-closed-c4b71c8b = <? ... ?> 命令が ?> で閉じられていません
something-starting-with-is-neither-c5af375e = <! で始まる部分が、コメントでも有効なマークアップでもありません
found-closes-expected-which-is-b2b369eb = </{ $found }> が、まだ開いている <{ $expected }> を閉じています。終了タグがないか、つづりが間違っています
name-closes-an-element-that-427ce6ea = </{ $name }> が、開かれていない要素を閉じています
name-is-never-closed-c06a4bbe = <{ $name }> が閉じられていません
a-comment-contains-two-hyphens-e819051e = コメントに -- (ハイフン2つ) が含まれています。XML では <!-- --> の中に使えません
an-starts-a-reference-that-acc80456 = & で始まる参照が ; で終わっていません (& は &amp; と書いてください)
the-xml-line-at-the-d4be05db = 先頭の <?xml ...?> の行に version="1.0" がありません
the-xml-could-not-be-ebe072f9 = XML を読み込めませんでした ({ $error })

## src/webconfig/error.rs

this-web-config-is-not-e049049c = この web.config は有効な XML ではありません: { $problem } ({ $line }行目、{ $column }列目)。ASP.NET も読み込めません。テキストエディターで直すかバックアップから戻してから、もう一度試してください
this-file-is-not-a-946b2312 = このファイルは web.config ではありません。最初の要素が <configuration> ではなく <{ $root }> です。サイトの web.config (サイトのルートフォルダーにあります) を開いてください
this-web-config-has-no-622e34e8 = この web.config にはまだメール設定がありません。設定をテストし、「web.config を更新」で追加してください
the-mail-settings-are-not-2daa99b4 = メール設定はこのファイルにはありません。<{ $element } configSource="{ $file }"> により、この web.config と同じ場所の { $file } に保存されています。代わりにそのファイルを開いてください
the-mail-settings-in-this-ba3ab443 = この web.config のメール設定は暗号化されているため ({ $detail })、ここでは読み込みも変更もできません。サーバー上で aspnet_regiis -pd "system.net/mailSettings/smtp" を使って復号する (終わったら -pe でもう一度暗号化します) か、設定を手で入力してください
found-on-line-line-must-5332e735 = { $line }行目の <{ $found }> は <{ $expected }> と書く必要があります (要素名は大文字と小文字が区別され、ASP.NET はこのままではファイルを拒否します)。テキストエディターで名前を直してから、もう一度試してください
element-appears-more-than-once-f637cee8 = <{ $element }> が複数回出てきます ({ $line }行目にもあります)。ASP.NET は2回書かれたセクションを拒否します。テキストエディターで余分なほうを削除してから、もう一度試してください
the-attribute-value-has-a-50c8f903 = { $attribute } の値に、web.config に入れられない制御文字 ({ $character }) が含まれています。ASP.NET はファイル全体を拒否し、サイトはエラー 500.19 で停止します。何も変更していません。{ $attribute } をその文字なしで入力し直してから (コピーと貼り付けで入ることがよくあります)、もう一度試してください
the-tester-could-not-update-b7d291a7 = テスターはこの web.config を安全に更新できませんでした ({ $arg0 })。何も変更していません。この問題を報告し、当面はファイルを手で変更してください
there-is-no-file-here-7f01ff88 = ここにはファイルがありません。パスを確認してください (web.config はサイトのルートフォルダーにあります): { $path }
another-program-has-the-file-fad4180e = 別のプログラムがファイルを開いていて変更を許可しないため、何も変更していません。ファイルを開いているプログラム (エディター、IIS マネージャー、バックアップや同期のツール) を閉じてから、もう一度試してください: { $path }
this-is-what-not-a-05f9ae91 = これはファイルではなく { $what } のため、そのままにしました。web.config ファイルそのもののパスを指定してください (サイトのルートフォルダーにあります): { $path }
the-file-is-read-only-c3ff344c = ファイルが読み取り専用のため (読み取り専用に設定されているか、このアカウントに書き込み権限がありません)、何も変更していません。読み取り専用を解除するか (Windows: ファイルのプロパティで「読み取り専用」のチェックを外す、Linux: chmod u+w)、書き込み権限のあるユーザーで実行してから、もう一度試してください: { $path }
the-file-is-size-bytes-2a8cdc56 = ファイルは { $size }バイトあり、web.config としては大きすぎます (上限は { $limit }バイト)。正しいファイルか確認してください: { $path }
the-file-is-not-utf-e2a5449c = ファイルが UTF-8 または UTF-16 のテキストではありません ({ $detail })。テキストエディターで開いて UTF-8 で保存してから、もう一度試してください: { $path }
the-file-changed-on-disk-62f7b37a = 変更を準備した後にディスク上のファイルが変更されたため (別のプログラムか人が編集しました)、何も書き込んでいません。もう一度更新を実行して、新しい差分を確認してください: { $path }
could-not-write-the-backup-75f9a6c2 = バックアップのコピーを書き込めなかったため ({ $source })、web.config は変更していません。ディスクの空き容量を増やすか、フォルダーの権限を確認してください: { $path }
could-not-write-the-new-01f69e66 = 新しい内容を書き込めませんでした ({ $source })。元の内容はバックアップ { $backup } に安全に残っているので、web.config が壊れた場合はバックアップで上書きしてください: { $path }
permission-denied-this-account-may-28324bb6 = アクセスが拒否されました。このアカウントにはファイルを読み込む権限がありません。{ $advice }: { $path }
permission-denied-this-account-may-14f1cab5 = アクセスが拒否されました。このアカウントにはファイルに書き込む権限 (またはそのフォルダーにファイルを作成する権限) がありません。{ $advice }: { $path }
could-not-read-the-file-988f82d4 = ファイルを読み込めませんでした ({ $source })。パスを確認して、もう一度試してください: { $path }
could-not-write-the-file-0790a48d = ファイルに書き込めませんでした ({ $source })。パスを確認して、もう一度試してください: { $path }
a-website-s-files-under-c1972da4 = ウェブサイトのファイル (たとえば C:\inetpub の下) には、通常は管理者権限が必要です。Mail Settings Tester を閉じ、右クリックして「管理者として実行」を選んでから、もう一度試してください。またはファイルのコピーで作業してください
run-it-as-a-user-e923af9a = 権限のあるユーザー (ウェブサーバーでは多くの場合 root かサイトの所有者。たとえば sudo を使います) で実行するか、ファイルのコピーで作業してください

## src/webconfig/file/checks.rs

a-named-pipe-fifo-47ff048c = 名前付きパイプ (FIFO)
a-device-7c776f4e = デバイス
a-socket-26577a75 = ソケット
a-folder-419478b0 = フォルダー
not-a-regular-file-ebe2737d = 通常のファイルではありません

## src/webconfig/file.rs

utf-16-with-an-odd-c94555ea = バイト数が奇数の UTF-16 です。ファイルが途中で切れています
broken-utf-16-5bc13a27 = 壊れた UTF-16
it-looks-like-utf-16-33d07569 = バイト順マークのない UTF-16 のようです
line-line-has-a-character-cb86bf3b = { $line }行目に UTF-8 ではない文字があります。おそらく古い Windows の文字コードです
too-many-backups-with-the-2a36fe1a = 同じタイムスタンプのバックアップが多すぎます

## src/webconfig/layout.rs

added-element-inside-parent-431becd7 = <{ $parent }> の中に <{ $element }> を追加しました。

## src/webconfig/lint.rs

fix-the-xml-in-a-546837d2 = テキストエディターで XML を直すか (またはバックアップから戻し)、もう一度チェックしてください。
open-the-site-s-web-b8d6e299 = 代わりにサイトの web.config を開いてください。
check-that-other-file-instead-0ed422f0 = 代わりにそのファイルをチェックしてください。
decrypt-the-section-to-check-cf798e5a = チェックするにはセクションを復号するか、設定を入力してテストしてください。
this-web-config-has-no-07bafa83 = この web.config にはメール設定 (<system.net><mailSettings><smtp>) がありません。
test-your-settings-then-use-6448d6a8 = 設定をテストしてから、「web.config を更新」で追加してください。
smtp-has-no-network-element-aa04a6eb = <smtp> に <network> 要素がないため、メールサーバーが指定されていません。サイトのコードで設定しない限り、送信は「The SMTP host was not specified.」で失敗します。
add-network-host-port-587-17c60e62 = <smtp> の中に <network host="..." port="587" enableSsl="true" ... /> を追加してください (「web.config を更新」で自動的に行えます)。
found-must-be-written-right-a97a6695 = <{ $found }> は <{ $right }> と書く必要があります。要素名は大文字と小文字が区別され、ASP.NET はこのままではファイルを拒否します。
rename-found-to-right-in-b46d1244 = <{ $found }> を <{ $right }> に変更してください (開始タグと終了タグの両方)。
element-is-written-more-than-3c644821 = <{ $element }> が複数回書かれています。ASP.NET は2回出てくるセクションを拒否します。
keep-one-element-and-remove-0b3b6944 = <{ $element }> を1つだけ残し、もう一方を削除してください。
the-mail-settings-are-inside-00a41f02 = メール設定は <location path="{ $path }"> の中にあるため、サイトのその部分にだけ適用されます。
usually-fine-if-the-whole-bd9e2bd3 = 通常は問題ありません。サイト全体でメールを送り、これがサブフォルダーの場合は、<system.net> を <configuration> の直下に移してください。
element-has-name-but-net-61c07682 = <{ $element }> に `{ $name }` がありますが、.NET が知っているのは `{ $right }` だけです。属性名は大文字と小文字が区別されるため、ASP.NET はメールのセクション全体を拒否し (「Unrecognized attribute '{ $name }'. Note that attribute names are case-sensitive.」)、メールは送信されません。
rename-name-to-right-update-cb52d8cf = `{ $name }` を `{ $right }` に変更してください (「web.config を更新」で自動的に行えます)。
replace-name-with-meant-the-e25b0aa5 = `{ $name }` を `{ $meant }` (.NET が知っている名前) に置き換えてください。
remove-name-element-knows-known-3e4e8597 = `{ $name }` を削除してください。<{ $element }> で使えるのは: { $known }。
element-has-name-which-is-117faef4 = <{ $element }> に `{ $name }` がありますが、これは .NET のメール設定ではありません。ASP.NET はメールのセクション全体を拒否し (「Unrecognized attribute '{ $name }'.」)、メールは送信されません。

## src/webconfig/lint_tls.rs

targetframework-stated-a-site-that-de58a7e3 = targetFramework="{ $stated }": .NET Framework 4.5.2 以前を対象にしたサイトは既定で TLS 1.0 しか提示しませんが、現在のメールサーバーは TLS 1.2 以降しか受け付けません。そのため、サーバーの Windows がすべてのプログラムに強力な暗号化を使うよう設定されていない限り、送信は「Authentication failed because the remote party has closed the transport stream.」で失敗します。
write-httpruntime-targetframework-4-8-f7fec2a7 = <system.web> に <httpRuntime targetFramework="4.8" /> と書いてください (ウェブサーバーに .NET Framework 4.8 がインストールされている必要があります。ホスティング会社に確認できます)。または、起動時に ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12; を追加するよう開発者に依頼してください。

## src/webconfig/lint_values.rs

smtp-has-no-from-address-f9cd657f = <smtp> に `from` アドレスがないため、サイトが送るすべてのメッセージで差出人を個別に設定する必要があります。コードで設定していない場合、送信は「A from address must be specified.」で失敗します。
add-from-you-yourdomain-com-ec32121e = <smtp> に from="you@yourdomain.com" を追加してください。メールサーバーが差出人として使うことを許可しているアドレスにします。
deliveryformat-format-is-not-a-505b3353 = deliveryFormat="{ $format }" は配信形式ではありません。ASP.NET はメールのセクションを拒否します。
remove-deliveryformat-the-default-sevenb-95b52244 = deliveryFormat を削除する (既定の SevenBit でほとんどのサイトは問題ありません) か、SevenBit または International と書いてください。
deliverymethod-value-is-not-a-375196b5 = deliveryMethod="{ $value }" は配信方法ではありません。ASP.NET はメールのセクションを拒否します。
write-deliverymethod-network-to-send-40e5740b = メールサーバー経由で送信するには、deliveryMethod="Network" と書いてください。
deliverymethod-value-writes-each-message-82f343ab = deliveryMethod="{ $value }" では、各メッセージを送信せずにファイルとしてフォルダーに書き込みます。<network> に何が書かれていても、メールサーバーには何も届きません。
write-deliverymethod-network-to-send-3e1d84d7 = メールサーバー経由で送信するには、deliveryMethod="Network" と書いてください (フォルダーはテストサイトでだけ使ってください)。
no-mail-server-is-named-4f06cc8f = メールサーバーが指定されていない (`host` がないか空) ため、サイトのコードで設定しない限り、送信は「The SMTP host was not specified.」で失敗します。
add-host-smtp-yourprovider-com-bb4f6757 = <network> に host="smtp.yourprovider.com" を追加してください。
port-465-is-for-ssl-761241f1 = port="465" は接続時の SSL 用ですが、System.Net.Mail はこれを使えません。来ることのないあいさつを待ち、100秒後に「The operation has timed out.」で失敗します。
use-port-587-with-enablessl-e0c0c6ce = port="587" と enableSsl="true" (STARTTLS) を使い、先にテストしてください。
port-value-is-outside-1-968b4df1 = port="{ $value }" は 1〜65535 の範囲外です。ASP.NET はメールのセクションを拒否します。
use-port-587-the-usual-19aa1c58 = プロバイダーから別の指示がない限り、port="587" (ウェブサイトからの送信で一般的なポート) を使ってください。
port-value-is-not-a-f40e6f90 = port="{ $value }" は整数ではありません。ASP.NET はメールのセクションを拒否します。
encrypt-the-connection-with-starttls-1fd0d51e = STARTTLS で接続を暗号化する
sign-in-as-the-website-7d587fd7 = ウェブサイトの Windows アカウントとしてサインインする
enablessl-is-true-while-deliverymethod-2ec1b295 = deliveryMethod がフォルダーに書き込む設定なのに、enableSsl が true です。.NET は「SSL must not be enabled for pickup-directory delivery methods.」で停止します。
write-deliverymethod-network-to-send-4e4c28b5 = サーバー経由で送信するには deliveryMethod="Network" と書き、フォルダーを使い続けるには enableSsl="false" と書いてください。
name-value-is-neither-true-f3d68c43 = { $name }="{ $value }" は true でも false でもありません。ASP.NET はメールのセクションを拒否します。
write-name-true-meaning-or-f1a39692 = { $name }="true" ({ $meaning }) か { $name }="false" と書いてください。
defaultcredentials-true-makes-asp-net-6f0df787 = defaultCredentials="true" では、ASP.NET はウェブサイトの Windows アカウントとしてサインインします。userName と password は無視されます。
write-defaultcredentials-false-to-sign-9b9e51b7 = userName と password でサインインするには defaultCredentials="false" と書いてください (Windows アカウントを使うつもりなら userName を削除してください)。
username-is-set-but-there-7c2d8888 = userName が設定されていますがパスワードがないため、サーバーはサインインを拒否します。
add-password-to-network-or-21c7b43d = <network> に password="..." を追加してください (またはパスワードを含めてファイルを更新してください)。
a-password-is-set-but-d646dd41 = パスワードが設定されていますが userName が空なので、ASP.NET はまったくサインインしません (ユーザー名がないと資格情報を送りません)。
add-username-usually-the-full-f1b8ba60 = userName="..." (通常は完全なメールアドレス) を追加するか、パスワードを削除してください。
enablessl-is-false-so-the-4de882bb = enableSsl が false なので、ユーザー名とパスワードが暗号化されずにネットワークを通ります (また、多くのサーバーは暗号化なしではサインインを拒否します)。
write-enablessl-true-if-the-cfab14f3 = サーバーが STARTTLS を提供していれば、enableSsl="true" と書いてください (先にテストしてください)。
the-password-is-written-in-8b0e18ce = パスワードが web.config に平文で書かれています。このファイルを読める人なら誰でもパスワードを読めます。
once-the-settings-work-encrypt-99ce1214 = 設定が正しく動いたら、サーバー上でセクションを暗号化してください: aspnet_regiis -pe "system.net/mailSettings/smtp" -app "/YourSite" (ASP.NET は自動で復号します)。

## src/webconfig/mod.rs

saving-web-config-restarts-the-382be3c3 = web.config を保存するとウェブサイトが再起動します (IIS が読み込み直します)。再び応答するまで数秒かかることがあり、サインイン中の訪問者はもう一度サインインが必要になる場合があります。

## src/webconfig/rules.rs

this-site-runs-on-net-353ee75a = このサイトは .NET Framework 2.0〜3.5 で動いています。このバージョンの web.config には enableSsl がなく (4.0 で追加され、古いバージョンではこれがあるとセクション全体を拒否します)、このスニペットでは省いています。サーバーは暗号化を求めているので、コードでオンにしてください: Send の前に SmtpClient.EnableSsl = true を設定します (PasswordRecovery コントロールの場合は、SendingMail イベントを処理し、EnableSsl = true でメッセージを自分で送信して、e.Cancel = true を設定します)。よりよい方法: サイトを .NET Framework 4.x に移行してください。そこでは web.config の enableSsl="true" だけで十分です。
mail-servers-now-require-tls-ce5510dc = 現在のメールサーバーは TLS 1.2 を必要とします。サイトが .NET Framework 4.7 以降を対象にしているか (<httpRuntime targetFramework="4.7.2" /> 以降)、古い対象の場合は Windows で TLS 1.2 が有効になっていることを確認してください。
asp-net-core-net-5-5f421df6 = ASP.NET Core (.NET 5 以降) は web.config の <mailSettings> をまったく読まないため、このブロックは何もしません。代わりに「ASP.NET Core」タブ (MailKit 用の appsettings.json) を使ってください。
asp-net-cannot-use-port-22b9f926 = ASP.NET はポート 465 (接続時の SSL) を使えないため、代わりにポート 587 と enableSsl="true" を使います。これに頼る前に、ポート 587 をテストしてください。
enablessl-is-false-the-password-037fb99f = enableSsl が false です。パスワードが暗号化されずにネットワークを通ります。サーバーが提供していれば enableSsl="true" を使ってください。

## src/webconfig/section.rs

element-holds-encrypteddata-30490473 = <{ $element }> に <EncryptedData> が含まれています

## src/webconfig/tag.rs

a-tag-could-not-be-f1aa86a3 = タグを読み込めませんでした
a-is-not-followed-by-579caa22 = < の後に要素名がありません
in-name-attributes-must-be-9c9f83dd = <{ $name }> の中で、属性はスペースで区切る必要があります
element-has-the-attribute-name-c9e1b545 = <{ $element }> に属性 { $name } が2回あります
in-element-a-stray-quote-7de86a37 = <{ $element }> の中で、属性名があるべき場所に余分な引用符か = があります
in-element-the-attribute-name-d514ebae = <{ $element }> の中で、属性 { $name } に値がありません ({ $name }="..." と書いてください)
in-element-the-value-of-1f8d26e4 = <{ $element }> の中で、{ $name } の値は引用符で囲む必要があります
in-element-the-value-of-3104c556 = <{ $element }> の中で、{ $name } の値に閉じる引用符がありません
in-element-the-value-of-2c82c8d0 = <{ $element }> の中で、{ $name } の値に < が含まれています。&lt; と書く必要があります
in-element-the-value-of-5b909dc6 = <{ $element }> の中で、{ $name } の値に有効な参照ではない & があります (& は &amp; と書いてください)

## src/webconfig/update.rs

no-password-was-written-it-6739a1ec = パスワードは書き込んでいません (指定しない限り省かれます)。<network> に password="..." を手で追加するか、パスワードを含めてもう一度更新してください。

## mailtester --help: the doc comments clap shows, and clap's own texts

tests-smtp-settings-the-way-5dd24b90 = ウェブサイトと同じ方法で SMTP 設定をテストし、失敗の原因を平易な言葉で説明して、動作する web.config のスニペットを書き出します。
the-language-of-messages-and-254dde98 = メッセージとウィンドウの言語: de、fr、es、pt-BR、it、nl、pl、ja または en (既定: システムの言語)。JSON、スニペット、ID、終了コードはどの言語でも同じです
print-help-63ca5eeb = ヘルプを表示します
print-version-070bbb84 = バージョンを表示します
send-a-test-message-and-43b885a5 = テストメッセージを送信し、サーバーとのやり取りの全手順を表示します
start-from-a-provider-s-927bdeaf = プロバイダーの設定から始めます (`mailtester presets` を参照)。ほかのフラグで指定した値が優先されます
start-from-a-saved-profile-4d8d2825 = 保存したプロファイルから始めます (`mailtester profile list` を参照)。ほかのフラグで指定した値が優先されます。パスワードは、指定しない限りシステムのキーリングから取得します
host-the-mail-server-s-ef315f6f = `host`: メールサーバーの名前
port-587-for-most-providers-b7560650 = `port` (ほとんどのプロバイダーでは 587。web.config の既定値は 25)
enablessl-starttls-web-config-s-201dd084 = `enableSsl` (STARTTLS)。web.config の既定値は false
connection-security-overrides-enable-ssl-4bfd0c93 = 接続のセキュリティ。--enable-ssl より優先されます
starttls-what-enablessl-true-means-49815d99 = STARTTLS (enableSsl="true" が意味するもの)
ssl-on-connect-usually-port-5606cb12 = 接続時に SSL (通常はポート 465。ASP.NET からは使えません)
username-usually-the-full-email-1aca0825 = `userName` (通常はメールアドレス全体)
read-the-password-from-the-3b36a99c = 標準入力の1行目からパスワードを読み込みます
read-the-password-from-this-8b7c2f86 = この環境変数からパスワードを読み込みます
defaultcredentials-sign-in-as-the-dcf0f239 = `defaultCredentials`: ユーザー名の代わりに Windows アカウントとしてサインインします
from-the-sender-address-38af51cb = `from`: 差出人アドレス
where-to-send-the-test-f1adc9fb = テストの送信先 (既定: 差出人アドレス)
clientdomain-the-name-sent-with-05cff35e = `clientDomain`: EHLO で送る名前 (既定: このコンピューターの名前)
limit-for-each-wait-in-fd8c958b = 待機ごとの制限時間 (秒。既定: 接続 10、あいさつ 10、コマンド 30)
the-limit-for-the-whole-719e5a06 = テスト全体の制限時間 (秒)。サーバーがどれほどゆっくりでも途切れずに応答し続けている場合でも適用されます [既定: 120。--timeout を指定した場合はその値]
how-long-to-wait-in-d78347aa = メッセージをすべて送った後、サーバーがそれを受け付けるまで待つ時間 (秒)。メッセージごとに迷惑メールかどうかを調べるサーバーは時間がかかることがあります。テスト全体の制限時間も引き続き適用されます。--target dotnet では、ASP.NET と同じく、テスト全体の制限時間だけが適用されます [既定: 90。--timeout を指定した場合はその値]
an-extra-file-of-certificate-e8ce08c6 = 追加で信頼する認証局のファイル (PEM、または DER 形式の .cer 証明書1つ)
go-on-when-the-certificate-c46a2c17 = 証明書が無効でも続行します (常に警告として報告されます)
sign-in-even-over-an-cd05e74d = 暗号化されていない接続でもサインインします (パスワードは、途中の誰でも読める状態でネットワークを通ります)。このオプションがない場合、テストはそこへパスワードを送る前に停止します
the-program-that-will-use-dc349359 = この設定を使うプログラム [既定: dotnet]
asp-net-system-net-mail-a1aacdb3 = ASP.NET / System.Net.Mail (web.config): これとまったく同じように動作します
any-other-mail-program-the-96b08a92 = その他のメールプログラム: サーバーが提供する中で最善のものを使います
the-website-s-asp-net-768c8f73 = ウェブサイトの ASP.NET ランタイム: web.config に書ける内容が決まります [既定: 4]
net-framework-2-0-no-9d07e76e = .NET Framework 2.0 (web.config に enableSsl なし)
net-framework-3-5-no-2d75b08e = .NET Framework 3.5 (web.config に enableSsl なし)
net-framework-4-x-c65af3fe = .NET Framework 4.x
asp-net-core-net-5-64b81ab6 = ASP.NET Core / .NET 5 以降 (<mailSettings> なし。appsettings.json)
put-the-real-password-in-1ff6bd67 = 成功時に表示するスニペットに実際のパスワードを入れます (既定ではオフ)
print-one-json-document-instead-6d017d51 = テキストの代わりに JSON ドキュメントを1つ出力します
save-the-password-in-the-25317884 = パスワードをシステムのキーリングに保存します (サーバーがサインインを拒否した場合を除く)
write-a-support-report-settings-d77f0f48 = 結果にかかわらず、サポート用レポート (パスワードを除いた設定、手順、診断、通信記録) をこのファイルに書き込みます
write-the-support-report-in-385b4225 = メッセージの言語にかかわらず、サポート用レポートを英語で書き込みます (英語を読むサポート窓口向け)
after-the-message-went-through-4ac879ba = メッセージが送信できた後、このサーバーについて `from` ドメインの SPF、DKIM、DMARC を確認します (「届きますか?」)。問題が見つかった場合は終了コード 9 で終了します
the-dns-server-for-check-5a2c9bdc = --check-dns と --check-inbox の DKIM 鍵の確認で、このコンピューターの DNS サーバーの代わりに使う DNS サーバー (UDP と TCP)
after-the-message-went-through-32241c55 = メッセージが送信できた後、IMAP でこのメールボックスからメッセージを探し、受信トレイと迷惑メールのどちらに届いたかを示します: imaps://USER@HOST[:PORT] (STARTTLS の場合は imap://)。パスワードは --inbox-password-env、--inbox-password-stdin、またはキーリング (アカウント USER@HOST:PORT) から取得します。USER と HOST がサインインと同じ場合は、サインインのパスワードを使います。受信トレイにない場合は終了コード 10 で終了します
read-the-mailbox-password-from-b8be0c16 = この環境変数からメールボックスのパスワードを読み込みます
read-the-mailbox-password-from-0f167cb6 = 標準入力の1行からメールボックスのパスワードを読み込みます (--password-stdin も指定した場合は、サインインのパスワードの次の行)
save-the-mailbox-password-in-ee48313c = メールボックスがサインインを受け付けたら、メールボックスのパスワードをシステムのキーリング (アカウント USER@HOST:PORT) に保存します。以後のチェックではパスワードのフラグが不要になります
how-long-to-look-for-6cad6128 = 届かなかったと判断するまでメッセージを探す時間 (秒)
sign-in-with-oauth-using-fc0bf5f4 = この環境変数のアクセストークンを使って OAuth でサインインします
sign-in-with-oauth-0a054126 = OAuth でサインインします
sign-in-with-oauth-using-b3ed4824 = 標準入力の1行目のアクセストークンを使って OAuth でサインインします
get-the-token-from-the-f992c8b8 = 先にプロバイダーからトークンを取得します (Microsoft: アプリが --tenant、--client-id とクライアント シークレットを使ってアプリ自身としてサインインします)
microsoft-365-client-credentials-the-dbe9f4d8 = Microsoft 365 (クライアント資格情報: アプリのクライアント ID とシークレット)
google-not-for-apps-signing-f932ba5a = Google (アプリがアプリ自身としてサインインする場合には使えません: メッセージを参照)
a-person-signs-in-instead-b5d721d5 = アプリがアプリ自身としてではなく、人がサインインします: システムのブラウザーで行うか、任意のデバイスでコードを入力します。サインイン情報はキーリングに保存され、自動的に更新されます
open-the-sign-in-page-869ea4f6 = システムのブラウザーでサインイン ページを開きます (別のブラウザーを使うには、`MAILTESTER_BROWSER` にそのプログラムを設定します)
show-a-code-to-type-b863e025 = 任意のデバイスでプロバイダーのページに入力するコードを表示します
microsoft-the-directory-tenant-id-cbfe8ad3 = Microsoft: Directory (tenant) ID (ディレクトリ (テナント) ID) または組織のドメイン (人がサインインする場合: 既定は `organizations`、Outlook.com では `consumers`)
the-app-s-application-client-82f1a168 = アプリの Application (client) ID (アプリケーション (クライアント) ID)
read-the-app-s-client-e9605cd5 = この環境変数からアプリのクライアント シークレットを読み込みます
read-the-app-s-client-3ca50f89 = 標準入力の1行目からアプリのクライアント シークレットを読み込みます
the-sign-in-service-default-2cd3b589 = サインイン サービス [既定: <https://login.microsoftonline.com>]。https のみ (暗号化なしの http は、テスト用サーバー向けにこのコンピューター上でのみ使えます)
use-this-oauth-method-by-0fe17325 = この OAuth 方式を使います。既定では、サーバーが提供していれば XOAUTH2、そうでなければ OAUTHBEARER を使います
xoauth2-google-s-and-microsoft-cb4ab04d = XOAUTH2 (Google と Microsoft の方式)
oauthbearer-rfc-7628-8e2ee2e0 = OAUTHBEARER (RFC 7628)
print-help-see-more-with-0a4f0559 = ヘルプを表示します (詳しくは '--help')
print-help-see-a-summary-d04996c7 = ヘルプを表示します (概要は '-h')
explain-an-error-message-your-18d7c6df = ウェブサイトが記録したエラーメッセージを説明します (テキストを指定するか、- で標準入力から読み込みます)
the-error-text-or-nothing-d88c8bf9 = エラーのテキスト。`-` を指定するか省略すると、標準入力から読み込みます
print-json-instead-of-text-beed6e40 = テキストの代わりに JSON を出力します
the-website-s-asp-net-a497bacd = ウェブサイトの ASP.NET ランタイム: そこで設定できる内容に沿ってアドバイスします [既定: 4]
print-the-configuration-for-these-e00a86b9 = この設定の構成を出力します: web.config、または --format で指定したほかのプラットフォームの構成 (テストは実行しません)
put-the-real-password-in-6427f579 = スニペットに実際のパスワードを入れます (既定ではオフ)
which-platform-s-configuration-to-dceee300 = 出力する構成のプラットフォーム (`all` ですべてを出力します) [既定: webconfig。--framework core の場合は mailkit]
web-config-d60c5f1f = web.config
wp-config-php-3861a5b9 = wp-config.php
env-65512ae0 = .env
settings-py-32af70ed = settings.py
nodemailer-51ddd8d1 = Nodemailer
env-local-ba614501 = .env.local
appsettings-json-mailkit-701582dc = appsettings.json, MailKit
every-format-one-after-the-d319a4ba = すべての形式を順番に
write-the-configuration-for-signing-f08a5eb8 = パスワードの代わりに、このプロバイダーで OAuth を使ってサインインする構成を書き出します (クライアント シークレットとリフレッシュ トークンは常に置き換え用の仮の値になります)
oauth-22077a14 = OAuth
microsoft-the-directory-tenant-id-e920a4ad = Microsoft: Directory (tenant) ID (ディレクトリ (テナント) ID) または組織のドメイン
a-person-signs-in-once-2851ee47 = アプリがアプリ自身としてサインインする代わりに、人が一度サインインします (リフレッシュ トークン)
list-the-provider-presets-usable-3657c41c = --preset で使えるプロバイダーのプリセットを一覧表示します
save-and-manage-named-settings-c7ac9890 = 名前を付けた設定 (プロファイル) を保存・管理します。パスワードはシステムのキーリングにだけ保存されます
list-the-saved-profiles-711101ad = 保存したプロファイルを一覧表示します
show-a-profile-s-settings-2e26da20 = プロファイルの設定と、そのパスワードがキーリングに保存されているかどうかを表示します
the-profile-s-name-56c43ba2 = プロファイルの名前
save-settings-under-a-name-0486960c = 設定に名前を付けて保存します。新しく作成するか、置き換えます (フラグは `send` と同じです)
the-profile-s-name-up-bc6f9e08 = プロファイルの名前 (64文字まで。/ と \ は使えません)
also-save-the-password-from-580edf38 = パスワード (--password-stdin または --password-env で指定したもの) もシステムのキーリングに保存します
rename-a-profile-71f68a2d = プロファイルの名前を変更します
the-current-name-de8e7e88 = 現在の名前
the-new-name-a623aef5 = 新しい名前
delete-a-profile-44262b68 = プロファイルを削除します
also-remove-its-saved-password-da2c7d1e = 保存されたパスワードもキーリングから削除します
remove-a-profile-s-saved-298cfc7c = プロファイルの保存されたパスワードをキーリングから削除します (プロファイルは残ります)
remove-every-profile-and-every-de18827a = すべてのプロファイルと、Mail Settings Tester がキーリングに保存したすべてのパスワードを削除します (アンインストーラーの「保存したプロファイルと記憶したパスワードも削除する」と同じ処理です)
do-it-without-asking-061c8750 = 確認せずに実行します
print-this-message-or-the-7623c860 = このメッセージ、または指定したサブコマンドのヘルプを表示します
read-check-or-update-the-1315aa12 = web.config ファイルのメール設定を読み取り・確認・更新します
read-the-mail-settings-from-6b91affb = web.config からメール設定を読み取ります (パスワードは表示されません)
the-web-config-file-2305e780 = web.config ファイル
check-a-web-config-s-eb60dc36 = web.config のメール設定に ASP.NET が拒否する内容がないか確認します (エラーがあれば終了コード 7)
write-these-settings-into-a-4573a44f = この設定を web.config に書き込みます: 差分を表示し、ファイルをバックアップしてから書き込みます (--yes を付けた場合、または y と答えた後)
the-web-config-file-to-3839ba8f = 変更する web.config ファイル
write-the-real-password-too-865a9e8f = 実際のパスワードも書き込みます (差分には表示されません)。これを付けない場合、既存のパスワードはそのまま残し、パスワードを追加することもありません
write-without-asking-9993991f = 確認せずに書き込みます
only-show-what-would-change-e66dcdb4 = 変更される内容を表示するだけで、何も書き込みません
find-the-outgoing-mail-settings-22b0736f = メッセージもパスワードも送らずに、メールアドレスの送信メール設定を探します (またはサーバーをすべてのポートでテストします)
your-email-address-its-domain-cbd85dd0 = あなたのメールアドレス: そのドメインの送信サーバーを (DNS、autoconfig、プロバイダーから) 探してテストします
a-server-name-to-test-4879088a = 代わりにすべてのポートでテストするサーバー名
ports-to-try-on-every-53d9d629 = 各サーバーで試すポート (カンマ区切り)。既定の 587,465,25,2525 を置き換えます (SRV レコードや autoconfig が示すポートは追加されます)
the-limit-for-each-probe-127daa95 = 試行ごとの制限時間 (秒)。接続、あいさつ、その他すべてに適用されます
ask-this-dns-server-udp-35bceb0e = このコンピューターの DNS サーバーの代わりに、この DNS サーバー (UDP と TCP) に問い合わせます。ポートの既定は 53 です
the-program-that-will-use-d4cb334f = この設定を使うプログラム: これによって順位が決まります [既定: dotnet]
an-extra-file-of-certificate-da1c1030 = 追加で信頼する認証局のファイル。PEM または DER 形式の .cer (SMTP と autoconfig のダウンロードに使います)
count-servers-with-an-invalid-f7b64de7 = 無効な証明書のサーバーも使えるものとして数えます (問題は引き続き表示されます)
the-https-port-of-autoconfig-9185457f = autoconfig サーバーの HTTPS ポート (テスト用)
show-or-forget-a-person-11db4f12 = キーリングに保存された、人による OAuth のサインイン情報を表示または削除します (send --sign-in を参照)
is-a-person-s-sign-95ba3aa1 = このメールボックスとアプリについて、人によるサインイン情報は保存されていますか? 更新して、まだ使えることを確かめます
the-mailbox-that-signed-in-dcf5d44a = サインインしたメールボックス
the-provider-cf9e8981 = プロバイダー
microsoft-the-tenant-signed-in-b1d7bb9b = Microsoft: サインイン先のテナント [既定: organizations]
the-sign-in-service-when-71e1c665 = サインイン サービス (プロバイダー自身のものでない場合)
google-read-the-desktop-app-d5898bb6 = Google: この環境変数からデスクトップ アプリのクライアント シークレットを読み込みます
forget-the-kept-sign-in-65d531bb = 保存されたサインイン情報 (キーリングのリフレッシュ トークン) を削除します
the-steps-that-let-an-e27948a2 = アプリが OAuth で Microsoft 365 のメールボックスとして送信できるようにする手順 (アプリの登録、アクセス許可、管理者の同意、PowerShell)。指定した値を埋め込んで表示します
the-mailbox-the-app-sends-a8459939 = アプリが送信者として使うメールボックス
the-directory-tenant-id-when-465cc398 = Directory (tenant) ID (ディレクトリ (テナント) ID)。分かっている場合に指定します
the-application-client-id-when-024fef16 = Application (client) ID (アプリケーション (クライアント) ID)。分かっている場合に指定します
will-mail-from-this-address-8c0194c4 = このアドレスからのメールは届きますか? 経由するサーバーについてドメインの SPF、DKIM、DMARC を確認し、追加すべき DNS レコードを表示します
the-from-address-your-website-5f5287e4 = ウェブサイトが差出人として使う `from` アドレス。そのドメインの DNS を確認します
the-smtp-server-the-mail-68b38aa4 = メールが経由する SMTP サーバー: そのアドレスについて SPF を評価し、そのプロバイダーのセレクターで DKIM を確認します
check-the-mail-settings-of-1120eef6 = 指定したフォルダーの下にあるすべてのサイトのメール設定 (web.config、wp-config.php、.env、appsettings.json) を確認します: 各メールサーバーには1回だけ接続し、サイトごとに判定と修正方法を示します。読み取るだけで、メールは送信しません
the-folders-to-look-in-963b17a2 = 調べるフォルダー (ホスティング サーバーのサイト: `C:\inetpub\vhosts`、`/var/www`)、または個別の設定ファイル
also-scan-the-sites-listed-9cf2dfb8 = この IIS applicationHost.config に記載されたサイトもスキャンします (`%windir%\System32\inetsrv\config\applicationHost.config`)
judge-from-the-files-alone-e580fcc5 = ファイルだけで判定します: サーバーには接続しません
also-try-each-account-s-6362a89f = 各アカウント自身のユーザー名とパスワードでも1回だけ試します (サインインのみで、その後 QUIT。メッセージは送りません。サーバーごとに一度に1アカウントずつ、間に待ち時間を置いて試します)
how-many-servers-to-contact-a7a31c2c = 同時に接続するサーバーの数 (各サーバーへの接続は一度に1つ)
the-limit-for-each-server-43cad9fe = サーバーごとの制限時間 (秒)
an-extra-file-of-certificate-1ea069c0 = 追加で信頼する認証局のファイル。PEM または DER 形式の .cer
ask-this-dns-server-instead-f78030e2 = このコンピューターの DNS サーバーの代わりに、この DNS サーバーに問い合わせます。ポートの既定は 53 です
print-one-json-document-instead-4ee9e15d = 表の代わりに JSON ドキュメントを1つ出力します
also-write-one-row-per-ee388af8 = サイトごとに1行ずつ、この CSV ファイルにも書き込みます
also-write-a-page-to-d3088699 = 閲覧と絞り込みができるページを、この HTML ファイルにも書き込みます
the-pause-between-two-sign-1665f117 = 同じサーバーへの2回のサインインの間の待ち時間 (秒)。--sign-in と併用します

## The same texts as a pasted log, PHPMailer, ASP.NET 2.0–3.5 and ASP.NET Core read them

verify-the-from-address-or-e1e9a7fb = 送信サービスの管理画面で、`From` アドレス (またはそのドメイン全体) を確認 (認証) してください。
verify-the-setfrom-address-or-04ef5b06 = 送信サービスの管理画面で、`setFrom()` のアドレス (またはそのドメイン全体) を確認 (認証) してください。
send-again-after-the-change-b575e680 = 変更したら、もう一度送信してください。
wait-a-few-minutes-and-fc0e871d = 数分待ってから、もう一度送信してください。
keep-ssl-switched-on-in-768015ad = コードで SSL をオンのままにしてください。暗号化しないと、パスワードが読める状態でネットワークを通ってしまいます。
keep-securesocketoptions-set-to-starttls-2d62cb3b = `SecureSocketOptions` は `StartTls` のままにしてください。暗号化しないと、パスワードが読める状態でネットワークを通ってしまいます。
keep-smtpsecure-set-to-tls-a73ff0de = `SMTPSecure` は `'tls'` (STARTTLS) のままにしてください。暗号化しないと、パスワードが読める状態でネットワークを通ってしまいます。
send-again-0c4b9d7b = もう一度送信してください。
the-server-offers-sign-in-dde700b2 = このサーバーは、STARTTLS (メールサーバーが暗号化された接続に切り替える方法) で接続が暗号化された後にしかサインインを提供しません。そのため、パスワードを守るためにサインインを隠していました。コードの `smtpClient.EnableSsl = true;` で STARTTLS がオンになります。
the-server-offers-sign-in-bff6d7a0 = このサーバーは、STARTTLS (メールサーバーが暗号化された接続に切り替える方法) で接続が暗号化された後にしかサインインを提供しません。そのため、パスワードを守るためにサインインを隠していました。appsettings.json では `"SecureSocketOptions": "StartTls"` で STARTTLS がオンになります。
the-server-offers-sign-in-e2838ecd = このサーバーは、STARTTLS (メールサーバーが暗号化された接続に切り替える方法) で接続が暗号化された後にしかサインインを提供しません。そのため、パスワードを守るためにサインインを隠していました。PHPMailer の設定では `$mail->SMTPSecure = 'tls';` で STARTTLS がオンになります。
host-has-no-dot-in-c5a60fd0 = `Host` にドットが含まれていません。メールサーバーの名前は `smtp.example.com` のような形です。プロバイダーの説明と照らし合わせてください。
check-that-the-web-server-db7d5f53 = ウェブサーバーがインターネットに接続されていることを確認してから、もう一度送信してください。
or-change-port-to-587-5d9bcb7b = または、`Port` を `587` に変更し、STARTTLS (メールサーバーが暗号化された接続に切り替える方法) を使ってください。
the-connection-ended-while-switching-b63efb40 = 暗号化に切り替える途中で接続が切れました。`port` と SSL (コードで設定する `SmtpClient.EnableSsl`) がプロバイダーの説明と合っているか確認してください (ASP.NET の場合は `587` で、コードで SSL をオンにします)。
the-connection-ended-while-switching-1cd6aa8f = 暗号化に切り替える途中で接続が切れました。`Port` と `SecureSocketOptions` がプロバイダーの説明と合っているか確認してください (ASP.NET の場合は `587` で、`SecureSocketOptions` を `StartTls` にします)。
the-connection-ended-while-switching-7b2719f9 = 暗号化に切り替える途中で接続が切れました。`Port` と `SMTPSecure` がプロバイダーの説明と合っているか確認してください (ASP.NET の場合は `587` で、`SMTPSecure` を `'tls'` (STARTTLS) にします)。
some-servers-hang-up-instead-dfeb1bd9 = サーバーによっては、パスワードが拒否されたと伝える代わりに接続を切ります。`UserName` と `Password` を確認してください。
some-servers-hang-up-instead-0278e739 = サーバーによっては、パスワードが拒否されたと伝える代わりに接続を切ります。`Username` と `Password` を確認してください。
send-again-in-a-few-68c0d09c = 数分後にもう一度送信してください。
send-this-error-message-to-89c5093e = このエラーメッセージをメールプロバイダーに送ってください。
use-a-sender-address-from-14e961d9 = 差出人アドレス (`From`) には、@ の前が半角英字 (a〜z)、数字、ドット、ハイフンだけのものを使ってください。たとえば、あなたのドメインの `info@` です。
use-a-sender-address-the-ca84d68b = 差出人アドレス (`setFrom()` のアドレス) には、@ の前が半角英字 (a〜z)、数字、ドット、ハイフンだけのものを使ってください。たとえば、あなたのドメインの `info@` です。
or-add-deliveryformat-international-to-8ec871d6 = または、appsettings.json の `<smtp>` 要素に `deliveryFormat="International"` を追加してください (ASP.NET 4.5 以降)。そうすると ASP.NET は、SMTPUTF8 を提供するサーバーに国際化アドレスを送信します。
or-add-deliveryformat-international-to-faa47e44 = または、PHPMailer の設定の `<smtp>` 要素に `deliveryFormat="International"` を追加してください (ASP.NET 4.5 以降)。そうすると ASP.NET は、SMTPUTF8 を提供するサーバーに国際化アドレスを送信します。
if-nothing-arrives-within-15-c518a7e3 = 15分以内に何も届かなければ、もう一度送信してください。再び同じことが起きた場合は、このエラーメッセージをメールプロバイダーに送ってください。
in-microsoft-365-an-app-6e56c287 = Microsoft 365 で、アプリがアプリ自身として送信するには、次のすべてが必要です: 管理者の同意を得た SMTP.SendAsApp アクセス許可 (Office 365 Exchange Online)、New-ServicePrincipal でエンタープライズ アプリケーションのオブジェクト ID (アプリの登録のものではありません) を使って作ったサービス プリンシパル、`UserName` のメールボックスに対する Add-MailboxPermission、そのメールボックスで「Authenticated SMTP」がオンになっていること。
in-microsoft-365-an-app-b3e112e7 = Microsoft 365 で、アプリがアプリ自身として送信するには、次のすべてが必要です: 管理者の同意を得た SMTP.SendAsApp アクセス許可 (Office 365 Exchange Online)、New-ServicePrincipal でエンタープライズ アプリケーションのオブジェクト ID (アプリの登録のものではありません) を使って作ったサービス プリンシパル、`Username` のメールボックスに対する Add-MailboxPermission、そのメールボックスで「Authenticated SMTP」がオンになっていること。
get-a-new-token-sign-cde11d0b = 新しいトークンを取得し (もう一度サインインし)、すぐにもう一度送信してください。
set-username-to-named-or-f211e440 = `UserName` を { $named } にするか、{ $user } としてサインインしてそのトークンを取得してください。
set-username-to-named-or-2fc66420 = `Username` を { $named } にするか、{ $user } としてサインインしてそのトークンを取得してください。
press-sign-in-with-microsoft-15c3a0b7 = 「サインイン」欄の「Microsoft でサインイン…」(または Google) を押し、`UserName` のメールボックスとしてサインインしてください。
press-sign-in-with-microsoft-dbd7e457 = 「サインイン」欄の「Microsoft でサインイン…」(または Google) を押し、`Username` のメールボックスとしてサインインしてください。
then-send-again-e431af76 = それから、もう一度送信してください。
sign-in-again-then-send-9e2cea38 = もう一度サインインしてから、もう一度送信してください。
check-the-web-server-s-103d021e = ウェブサーバーのインターネット接続を確認してください (login.microsoftonline.com をブロックしているプロキシやファイアウォールがないかも確認してください)。
the-server-then-refused-the-3f6a45e9 = その後サーバーがメッセージを拒否したため、`UserName` と `Password` は使われませんでした。このサーバーまたはポートは、おそらくプロバイダーがそれらの用途に想定しているものではありません。
the-server-then-refused-the-2391e1c9 = その後サーバーがメッセージを拒否したため、`Username` と `Password` は使われませんでした。このサーバーまたはポートは、おそらくプロバイダーがそれらの用途に想定しているものではありません。
the-test-already-asked-for-f4fb1991 = テストはすでに STARTTLS を要求したので、サーバーは別のポートでそれを期待しているのかもしれません。`Port` をプロバイダーの説明と照らし合わせてください。
set-defaultcredentials-to-false-while-2890bd17 = `defaultCredentials` を `false` にしてください。`true` の間、appsettings.json は `UserName` と `Password` を無視します。
set-defaultcredentials-to-false-while-8dd2ea25 = `defaultCredentials` を `false` にしてください。`true` の間、PHPMailer の設定は `Username` と `Password` を無視します。
your-settings-have-no-username-19552a19 = 設定に `UserName` がないため、テストはサインインしませんでした。
your-settings-have-no-username-a05a7039 = 設定に `Username` がないため、テストはサインインしませんでした。
set-clientdomain-to-your-website-87fcae0f = `clientDomain` をウェブサイトの完全なドメイン名 (例: `www.example.com`) にしてください。サーバーは、ウェブサーバーが名乗った名前を受け付けませんでした。
set-hostname-to-your-website-6aa76569 = `Hostname` をウェブサイトの完全なドメイン名 (例: `www.example.com`) にしてください。サーバーは、ウェブサーバーが名乗った名前を受け付けませんでした。
the-sender-from-is-from-00d9e6a1 = 差出人 (`From`) は { $from } ですが、サインイン (`UserName`) は { $user } です。
the-sender-the-setfrom-address-6978e525 = 差出人 (`setFrom()` のアドレス) は { $from } ですが、サインイン (`Username`) は { $user } です。
change-host-to-only-5c532b32 = `Host` を `{ $only }` に変更してください。
asp-net-2-0-3-755ddb5c = ASP.NET 2.0〜3.5 では web.config に SSL (コードで設定する `SmtpClient.EnableSsl`) がありません (追加するとメールのセクション全体が動かなくなります)。そのため、コードで送信の直前に SSL をオンにしてください: `smtpClient.EnableSsl = true;`。PasswordRecovery コントロールの場合は、`SendingMail` イベントを処理し、`EnableSsl` が `true` の `SmtpClient` で `e.Message` を自分で送信してから、`e.Cancel = true;` を設定してください。または、サイトを .NET Framework 4.x に移行してください。そこではコードの `smtpClient.EnableSsl = true;` だけで十分です。
asp-net-2-0-3-0492d258 = ASP.NET 2.0〜3.5 では appsettings.json に `SecureSocketOptions` がありません (追加するとメールのセクション全体が動かなくなります)。そのため、コードで送信の直前に SSL をオンにしてください: `smtpClient.EnableSsl = true;`。PasswordRecovery コントロールの場合は、`SendingMail` イベントを処理し、`EnableSsl` が `true` の `SmtpClient` で `e.Message` を自分で送信してから、`e.Cancel = true;` を設定してください。または、サイトを .NET Framework 4.x に移行してください。そこでは appsettings.json の `"SecureSocketOptions": "StartTls"` だけで十分です。
asp-net-2-0-3-b054c76a = ASP.NET 2.0〜3.5 では PHPMailer の設定に `SMTPSecure` がありません (追加するとメールのセクション全体が動かなくなります)。そのため、コードで送信の直前に SSL をオンにしてください: `smtpClient.EnableSsl = true;`。PasswordRecovery コントロールの場合は、`SendingMail` イベントを処理し、`EnableSsl` が `true` の `SmtpClient` で `e.Message` を自分で送信してから、`e.Cancel = true;` を設定してください。または、サイトを .NET Framework 4.x に移行してください。そこでは PHPMailer の設定の `$mail->SMTPSecure = 'tls';` だけで十分です。
in-code-smtpclient-enablessl-true-92c8a040 = コードでは `smtpClient.EnableSsl = true;` でオンになります (ASP.NET 2.0〜3.5 では appsettings.json ではできません)。
in-code-smtpclient-enablessl-true-81009338 = コードでは `smtpClient.EnableSsl = true;` でオンになります (ASP.NET 2.0〜3.5 では PHPMailer の設定ではできません)。
this-server-sends-mail-only-b0c6dd68 = このサーバーはサインインしたユーザーのメールしか送信しませんが、メッセージはサインインが受け付けられる前に渡されました。appsettings.json では、サインインには `UserName` と `Password` が使われます。
this-server-sends-mail-only-13da29c0 = このサーバーはサインインしたユーザーのメールしか送信しませんが、メッセージはサインインが受け付けられる前に渡されました。PHPMailer の設定では、サインインには `Username` と `Password` が使われます。
fill-in-username-usually-your-16ab77cb = `UserName` (通常は完全なメールアドレス) と `Password` を入力してください。
fill-in-username-usually-your-bd6d01ab = `Username` (通常は完全なメールアドレス) と `Password` を入力してください。
when-the-server-refuses-the-4283fe38 = サーバーがユーザー名やパスワードを拒否しても、ASP.NET はそれを伝えません。サインインせずに送信し、サーバーがこの応答を返します。そのため、appsettings.json に `UserName` と `Password` がある場合は、サーバーがそれらを拒否した可能性が高いです。ない場合は、サーバーが送信前にそれらを求めています。
when-the-server-refuses-the-3e977f55 = サーバーがユーザー名やパスワードを拒否しても、ASP.NET はそれを伝えません。サインインせずに送信し、サーバーがこの応答を返します。そのため、PHPMailer の設定に `Username` と `Password` がある場合は、サーバーがそれらを拒否した可能性が高いです。ない場合は、サーバーが送信前にそれらを求めています。
check-username-usually-your-full-0a9b2c04 = `UserName` (通常は完全なメールアドレス) を確認し、`Password` にパスワードを入力し直してください (コピーすると末尾にスペースが付くことがあります)。
check-username-usually-your-full-b9746a24 = `Username` (通常は完全なメールアドレス) を確認し、`Password` にパスワードを入力し直してください (コピーすると末尾にスペースが付くことがあります)。
if-appsettings-json-has-no-9ae7992b = appsettings.json に `UserName` がない場合は、`UserName` と `Password` を入力してください。
if-your-phpmailer-settings-has-f403c5b1 = PHPMailer の設定に `Username` がない場合は、`Username` と `Password` を入力してください。
change-port-to-587-and-ce86b8b8 = `port` を `587` に変更し、コードで SSL をオンにしてください。このポートはサインインと送信のためのものです。
change-port-to-587-and-4449c2e9 = `Port` を `587` に変更し、`SecureSocketOptions` を `StartTls` にしてください。このポートはサインインと送信のためのものです。
change-port-to-587-and-ca6c0bf0 = `Port` を `587` に変更し、`SMTPSecure` を `'tls'` (STARTTLS) にしてください。このポートはサインインと送信のためのものです。
if-your-hosting-company-says-20e12c2e = ホスティング会社が、ウェブサイトはパスワードなしで送信できると言っている場合は、`UserName` と `Password` を空にしてください。
if-your-hosting-company-says-8f2cf1ce = ホスティング会社が、ウェブサイトはパスワードなしで送信できると言っている場合は、`Username` と `Password` を空にしてください。
the-password-would-have-crossed-b405f683 = パスワードが暗号化されずにネットワークを通ることになるため、サーバーはサインインを拒否したか隠しました。STARTTLS (メールサーバーが暗号化された接続に切り替える方法) がパスワードを守ります。コードの `smtpClient.EnableSsl = true;` でオンになります。
the-password-would-have-crossed-61b019fb = パスワードが暗号化されずにネットワークを通ることになるため、サーバーはサインインを拒否したか隠しました。STARTTLS (メールサーバーが暗号化された接続に切り替える方法) がパスワードを守ります。appsettings.json では `"SecureSocketOptions": "StartTls"` でオンになります。
the-password-would-have-crossed-e65e058e = パスワードが暗号化されずにネットワークを通ることになるため、サーバーはサインインを拒否したか隠しました。STARTTLS (メールサーバーが暗号化された接続に切り替える方法) がパスワードを守ります。PHPMailer の設定では `$mail->SMTPSecure = 'tls';` でオンになります。
switch-ssl-on-in-code-30da0bde = コードで SSL をオンにしてください。
set-securesocketoptions-to-starttls-3bc4460d = `SecureSocketOptions` を `StartTls` にしてください。
set-smtpsecure-to-tls-starttls-46a3ad84 = `SMTPSecure` を `'tls'` (STARTTLS) にしてください。
keep-port-at-587-or-4b80fc48 = `Port` は `587` (プロバイダーが使っている場合は `25`) のままにしてください。ASP.NET は `465` を使えません。
switch-ssl-on-in-code-4307eb1e = コードで SSL をオンにしてください。そうすると、パスワードは接続が暗号化された後にのみ送られます。
set-securesocketoptions-to-starttls-the-38afb891 = `SecureSocketOptions` を `StartTls` にしてください。そうすると、パスワードは接続が暗号化された後にのみ送られます。
set-smtpsecure-to-tls-starttls-4c600cf0 = `SMTPSecure` を `'tls'` (STARTTLS) にしてください。そうすると、パスワードは接続が暗号化された後にのみ送られます。
if-you-accept-the-risk-dad65437 = この1回のテストに限ってリスクを受け入れる場合 (自分のプライベート ネットワーク内のサーバーなど) は、もう一度送信し、暗号化されていないパスワードを許可してください (コマンドラインでは `--allow-plaintext-password`、ウィンドウでは「今回だけ暗号化せずに送信」)。
or-send-through-a-provider-46a07354 = または、LOGIN を提供しているプロバイダー (ほとんどが提供しています) 経由で送信し、`Host` をそのサーバーに変更してください。
check-that-username-is-exactly-4bf69761 = `UserName` がプロバイダーの求めるものと完全に一致しているか確認してください。通常は完全なメールアドレスです。
check-that-username-is-exactly-a64adcc1 = `Username` がプロバイダーの求めるものと完全に一致しているか確認してください。通常は完全なメールアドレスです。
type-the-password-into-password-c600c10f = `Password` にパスワードを入力し直してください (コピーすると末尾にスペースが付くことがあります)。
if-your-account-uses-two-9504e3ad = アカウントで2段階認証を使っている場合は、アカウントのセキュリティ設定でアプリ パスワードを作成し、それを `Password` に使ってください。
create-an-app-password-there-80fabbc7 = そこでアプリ パスワードを作成し、スペースを入れずに `Password` に貼り付けてください。
keep-username-as-your-full-1bb0200b = `UserName` は完全なメールアドレスのままにして、もう一度テストしてください。
keep-username-as-your-full-c2dcda11 = `userName` は完全なメールアドレスのままにして、もう一度送信してください。
keep-username-as-your-full-83f36431 = `UserName` は完全なメールアドレスのままにして、もう一度送信してください。
keep-username-as-your-full-7428fb51 = `Username` は完全なメールアドレスのままにして、もう一度送信してください。
use-an-app-password-a-10780f39 = `Password` にはアプリ パスワード (アカウントのセキュリティ設定で作る、プログラム用の別のパスワード) を使ってください。
send-again-within-a-few-a21e7638 = 数分以内にもう一度送信してください。
wait-up-to-an-hour-8093e503 = 変更後、最大1時間待ってから、もう一度送信してください。
or-send-your-website-s-b7d4eee6 = または、ホスティング会社のメールサーバーや送信サービスなど、パスワードを受け付けるサービス経由でウェブサイトのメールを送信し、`Host`、`UserName`、`Password` をその値に変更してください。
or-send-your-website-s-0b5d20c6 = または、ホスティング会社のメールサーバーや送信サービスなど、パスワードを受け付けるサービス経由でウェブサイトのメールを送信し、`Host`、`Username`、`Password` をその値に変更してください。
meanwhile-keep-username-and-password-07dd145a = それまでは、`UserName` と `Password` はそのままにしてください。
meanwhile-keep-username-and-password-3f5e26ba = それまでは、`Username` と `Password` はそのままにしてください。
this-computer-asked-dns-the-994145ac = このコンピューターは `Host` の名前を DNS (インターネットの住所録) に問い合わせましたが、アドレスが返ってこなかったため、メールの送り先が分かりません。通常は名前の入力ミスか、このコンピューターが今インターネットに接続されていないことが原因です。
this-computer-asked-dns-the-f069de6d = このコンピューターは `host` の名前を DNS (インターネットの住所録) に問い合わせましたが、アドレスが返ってこなかったため、メールの送り先が分かりません。通常は名前の入力ミスか、ウェブサーバーが今インターネットに接続されていないことが原因です。
this-computer-asked-dns-the-f1a16f4d = このコンピューターは `Host` の名前を DNS (インターネットの住所録) に問い合わせましたが、アドレスが返ってこなかったため、メールの送り先が分かりません。通常は名前の入力ミスか、ウェブサーバーが今インターネットに接続されていないことが原因です。
check-host-letter-by-letter-e10ab329 = `Host` をメールプロバイダーの説明と1文字ずつ照らし合わせてください (`smtp.example.com` のような形です)。
check-that-the-web-server-882bdeea = ウェブサーバーでウェブサイトを開けるか確認してください。開けない場合は、インターネット接続を直してからもう一度送信してください。
this-computer-reached-the-server-f24f15f0 = このコンピューターはサーバーに到達しましたが、そこではこのポート (プログラムが待ち受ける番号付きの入り口) でメールを受け付けるものがないか、ファイアウォール (接続を遮断するフィルター) が拒否しました。多くの場合、ポートがプロバイダーの使うものではないか、`Host` が別のサーバーを指しています。
check-port-against-your-provider-4f0b17dd = `Port` をプロバイダーの説明と照らし合わせてください。ウェブサイトでは通常 `587` を使います。
check-that-host-is-the-7bcf5860 = `Host` がウェブサイトの名前ではなく、メールサーバーの名前であることを確認してください。
nothing-answered-on-this-port-cdd89199 = 制限時間内に、このポートで何も応答しませんでした。多くの場合、ホスティング会社やインターネット プロバイダーのファイアウォール (接続を遮断するフィルター) が、特にポート 25 で、送信メールの接続を黙って破棄しています。そうでなければ、サーバーが停止しているか、`Host` が間違った場所を指している可能性があります。
change-port-to-587-and-1a3acff2 = `port` を `587` に変更し、コードで SSL をオンにしてください。ウェブサイトで一般的な組み合わせです。
change-port-to-587-and-25391141 = `Port` を `587` に変更し、`SecureSocketOptions` を `StartTls` にしてください。ウェブサイトで一般的な組み合わせです。
change-port-to-587-and-7dd5ab0a = `Port` を `587` に変更し、`SMTPSecure` を `'tls'` (STARTTLS) にしてください。ウェブサイトで一般的な組み合わせです。
check-that-host-is-correct-44613728 = `Host` が正しいこと、サーバーが動いていることを確認してください (プロバイダーの稼働状況ページを参照)。
change-port-to-587-and-c81e9ee7 = `port` を `587` に変更し、コードで SSL をオンにしてください。
change-port-to-587-and-8b12b4c0 = `Port` を `587` に変更し、`SecureSocketOptions` を `StartTls` にしてください。
change-port-to-587-and-8fadafbf = `Port` を `587` に変更し、`SMTPSecure` を `'tls'` (STARTTLS) にしてください。
if-port-is-already-587-0cb369bc = `Port` がすでに `587` の場合は、数分待ってからもう一度テストしてください。サーバーが混み合っている可能性があります。
if-port-is-already-587-ccf09a76 = `port` がすでに `587` の場合は、数分待ってからもう一度送信してください。サーバーが混み合っている可能性があります。
if-port-is-already-587-4a354996 = `Port` がすでに `587` の場合は、数分待ってからもう一度送信してください。サーバーが混み合っている可能性があります。
the-answer-did-not-look-5f0bba55 = 応答が SMTP (メールサーバーが話す言語) のようではありませんでした。そのポートはウェブサイトや別のサービスのものか、`Host` が別のマシンを指している可能性があります。
check-port-websites-send-mail-ec5e733d = `Port` を確認してください。ウェブサイトはポート `587` (ときには `25`) でメールを送ります。`80` や `443` などのポートはウェブサイト用、`110`、`143`、`993`、`995` はメールの受信 (読み取り) 用です。
check-host-against-your-provider-8076bc63 = `Host` をプロバイダーの説明と照らし合わせてください。
the-server-answered-but-refused-0295d135 = サーバーは応答しましたが、この接続への対応を拒否しました。通常は、サーバーに一時的な問題 (メンテナンスや過負荷) があるか、ウェブサーバーのインターネット アドレスを拒否しています。たとえば、そのアドレスがブロックリスト (迷惑メールの送信元として知られたアドレスの一覧) に載っている場合です。
if-it-keeps-happening-send-8a27583b = 何度も起きる場合は、このエラーメッセージをメールプロバイダーに送り、接続を拒否する理由を尋ねてください。
check-host-and-port-a-a458c8e7 = `Host` と `Port` を確認してください。メールの受信用のサーバーは送信を拒否することがあります。
check-that-port-and-ssl-70c0ee6b = `port` と SSL (コードで設定する `SmtpClient.EnableSsl`) がプロバイダーの説明と合っているか確認してください (通常は `587` で、コードで SSL をオンにします)。
check-that-port-and-securesocketoptions-89528e86 = `Port` と `SecureSocketOptions` がプロバイダーの説明と合っているか確認してください (通常は `587` で、`SecureSocketOptions` を `StartTls` にします)。
check-that-port-and-smtpsecure-449d63e0 = `Port` と `SMTPSecure` がプロバイダーの説明と合っているか確認してください (通常は `587` で、`SMTPSecure` を `'tls'` (STARTTLS) にします)。
if-it-keeps-happening-send-e5580e23 = 何度も起きる場合は、このエラーメッセージをメールプロバイダーに送ってください。止まった手順から、どこを調べればよいかが分かります。
if-your-web-config-uses-889c5cd5 = web.config でポート 465 を使っている場合: ASP.NET はこのポートを使えず、このように待ち続けます。`port` を `587` に変更し、コードで SSL をオンにしてください。
if-your-appsettings-json-uses-d533bdae = appsettings.json でポート 465 を使っている場合: ASP.NET はこのポートを使えず、このように待ち続けます。`Port` を `587` に変更し、`SecureSocketOptions` を `StartTls` にしてください。
if-your-phpmailer-settings-uses-4a530e8c = PHPMailer の設定でポート 465 を使っている場合: ASP.NET はこのポートを使えず、このように待ち続けます。`Port` を `587` に変更し、`SMTPSecure` を `'tls'` (STARTTLS) にしてください。
if-it-always-stops-at-83c30f5e = いつも同じ手順で止まる場合は、このエラーメッセージをメールプロバイダーに送ってください。
change-port-to-587-and-6c3a9e07 = `port` を `587` に変更し、コードで SSL をオンにしてください (PHPMailer では `Port = 587` と `SMTPSecure = 'tls'`)。
change-port-to-587-and-027673b4 = `Port` を `587` に変更し、`SecureSocketOptions` を `StartTls` にしてください (PHPMailer では `Port = 587` と `SMTPSecure = 'tls'`)。
change-port-to-587-and-acdf78ff = `Port` を `587` に変更し、`SMTPSecure` を `'tls'` (STARTTLS) にしてください (PHPMailer では `Port = 587` と `SMTPSecure = 'tls'`)。
check-that-host-is-exactly-c9e110a5 = `Host` がプロバイダーの示すサーバー名と完全に一致しているか確認してください。
asp-net-found-no-host-27c3e5d1 = ASP.NET は appsettings.json の `<mailSettings>` セクション (またはウェブサイトのコード) に `Host` を見つけられなかったため、どのサーバー経由で送信すればよいか分かりません。
asp-net-found-no-host-5f8bb081 = ASP.NET は PHPMailer の設定の `<mailSettings>` セクション (またはウェブサイトのコード) に `Host` を見つけられなかったため、どのサーバー経由で送信すればよいか分かりません。
add-host-to-the-network-9763ed7a = appsettings.json の `<network>` 要素に `Host` を追加してください。たとえば `host="smtp.example.com"` です。
add-host-to-the-network-53d7f112 = PHPMailer の設定の `<network>` 要素に `Host` を追加してください。たとえば `host="smtp.example.com"` です。
check-that-mailsettings-sits-inside-0c0a576e = メールを送るサイトの appsettings.json で、`<mailSettings>` が `<system.net>` の中にあることを確認してください。
check-that-mailsettings-sits-inside-65128b72 = メールを送るサイトの PHPMailer の設定で、`<mailSettings>` が `<system.net>` の中にあることを確認してください。
if-port-is-465-change-9fcd50ea = `port` が `465` の場合は、`587` に変更し、コードで SSL をオンにしてください。
if-port-is-465-change-713827f1 = `Port` が `465` の場合は、`587` に変更し、`SecureSocketOptions` を `StartTls` にしてください。
if-port-is-465-change-2fa73428 = `Port` が `465` の場合は、`587` に変更し、`SMTPSecure` を `'tls'` (STARTTLS) にしてください。
change-port-to-587-and-f1c17a3e = `port` を `587` に変更し、コードで SSL をオンにしてください。送信で一般的なポートです。
change-port-to-587-and-94bbac19 = `Port` を `587` に変更し、`SecureSocketOptions` を `StartTls` にしてください。送信で一般的なポートです。
change-port-to-587-and-43841e36 = `Port` を `587` に変更し、`SMTPSecure` を `'tls'` (STARTTLS) にしてください。送信で一般的なポートです。
if-it-still-fails-look-ff139b92 = それでも失敗する場合は、プロバイダーの説明で「送信 (SMTP) サーバー」を調べ、その名前を `Host` に入れてください。
check-host-and-port-against-3b485e04 = `Host` と `Port` を、プロバイダーのメール送信の説明と照らし合わせてください (通常はポート `587`)。
get-a-new-token-and-9157640f = 新しいトークンを取得して、もう一度送信してください (トークンの有効期間は約1時間です)。
check-that-username-is-the-4e5d87e4 = `UserName` が、トークンの発行先のメールボックスであることを確認してください。
check-that-username-is-the-9b28a7c4 = `Username` が、トークンの発行先のメールボックスであることを確認してください。
check-host-and-port-microsoft-e6e6b5eb = `host` と `port` を確認してください。Microsoft 365 は smtp.office365.com のポート 587、Google は smtp.gmail.com のポート 587 で、どちらも SSL (コードで設定する `SmtpClient.EnableSsl`) をオンにします。
check-host-and-port-microsoft-b0c20a32 = `Host` と `Port` を確認してください。Microsoft 365 は smtp.office365.com のポート 587、Google は smtp.gmail.com のポート 587 で、どちらも `SecureSocketOptions` をオンにします。
check-host-and-port-microsoft-523a848d = `Host` と `Port` を確認してください。Microsoft 365 は smtp.office365.com のポート 587、Google は smtp.gmail.com のポート 587 で、どちらも `SMTPSecure` をオンにします。
if-this-provider-takes-passwords-3bb74bce = このプロバイダーがパスワードを受け付ける場合は、サインインで「パスワード」を選び、`UserName` と `Password` を入力してください。
if-this-provider-takes-passwords-cd6b862e = このプロバイダーがパスワードを受け付ける場合は、サインインで「パスワード」を選び、`Username` と `Password` を入力してください。
turn-ssl-smtpclient-enablessl-set-42d31a84 = SSL (コードで設定する `SmtpClient.EnableSsl`) をオン (STARTTLS) にしてポート 587 を使い、もう一度テストしてください。
turn-securesocketoptions-on-starttls-and-a7004f0b = `SecureSocketOptions` をオン (STARTTLS) にしてポート 587 を使い、もう一度テストしてください。
turn-enablessl-on-starttls-and-a16794a0 = `enableSsl` をオン (STARTTLS) にしてポート 587 を使い、もう一度送信してください。
turn-ssl-smtpclient-enablessl-set-f1d93b4a = SSL (コードで設定する `SmtpClient.EnableSsl`) をオン (STARTTLS) にしてポート 587 を使い、もう一度送信してください。
turn-securesocketoptions-on-starttls-and-0f439331 = `SecureSocketOptions` をオン (STARTTLS) にしてポート 587 を使い、もう一度送信してください。
turn-smtpsecure-on-starttls-and-0225d222 = `SMTPSecure` をオン (STARTTLS) にしてポート 587 を使い、もう一度送信してください。
copy-its-value-shown-only-baebca2a = Secret ID (シークレット ID) ではなく Value (値、一度しか表示されません) をコピーし、それでもう一度送信してください。
click-grant-admin-consent-a-91822b47 = 「Grant admin consent」(管理者の同意を与えます) をクリックし (グローバル管理者または特権ロール管理者が実行できます)、もう一度送信してください。
check-the-tenant-client-id-1012b4ff = テナント、クライアント ID、クライアント シークレットを確認してから、もう一度送信してください。
fill-in-username-usually-your-09a65651 = `UserName` (通常は完全なメールアドレス) と `Password` を入力し、`defaultCredentials` を `false` にしてください。
fill-in-username-usually-your-50684571 = `Username` (通常は完全なメールアドレス) と `Password` を入力し、`defaultCredentials` を `false` にしてください。
use-port-587-with-ssl-4232ba01 = `port` は `587` を使い、コードで SSL をオンにしてください。
use-port-587-with-securesocketoptions-e966938b = `Port` は `587` を使い、`SecureSocketOptions` を `StartTls` にしてください。
use-port-587-with-smtpsecure-82c79dba = `Port` は `587` を使い、`SMTPSecure` を `'tls'` (STARTTLS) にしてください。
the-sender-address-from-must-de121e17 = 差出人アドレス (`From`) は、アカウントが差出人として使えるものでなければなりません。通常はサインインに使うメールボックスか、プロバイダーが確認済みのアドレスです。このアドレスはその一覧にありません。
the-sender-address-the-setfrom-f4a6393b = 差出人アドレス (`setFrom()` のアドレス) は、アカウントが差出人として使えるものでなければなりません。通常はサインインに使うメールボックスか、プロバイダーが確認済みのアドレスです。このアドレスはその一覧にありません。
set-from-to-the-same-ab436cc1 = `From` を `UserName` と同じアドレスにしてください。
set-the-setfrom-address-to-a2daea5d = `setFrom()` のアドレスを `Username` と同じアドレスにしてください。
your-settings-got-through-but-8bd03782 = 設定は通りましたが、テストの宛先が拒否されました。アドレスが存在しないか、そのメールボックスが今はメールを受け取れない可能性があります。これはテストの宛先の問題で、appsettings.json の問題ではありません。
your-settings-got-through-but-22f6af0b = 設定は通りましたが、テストの宛先が拒否されました。アドレスが存在しないか、そのメールボックスが今はメールを受け取れない可能性があります。これはテストの宛先の問題で、PHPMailer の設定の問題ではありません。
send-the-test-to-another-0fcce78a = 自分が持っている別のアドレス (たとえば `From` のアドレス) にテストを送ってください。
send-the-test-to-another-41a6baf8 = 自分が持っている別のアドレス (たとえば `setFrom()` のアドレス) にテストを送ってください。
to-see-whether-the-domain-72830a7e = ドメインが原因かどうかを確かめるには、`From` をメールプロバイダー自身のドメインのアドレスにして、もう一度テストしてください。
to-see-whether-the-domain-991b9f90 = ドメインが原因かどうかを確かめるには、`from` をメールプロバイダー自身のドメインのアドレスにして、もう一度送信してください。
to-see-whether-the-domain-990497f0 = ドメインが原因かどうかを確かめるには、`From` をメールプロバイダー自身のドメインのアドレスにして、もう一度送信してください。
to-see-whether-the-domain-328199fc = ドメインが原因かどうかを確かめるには、`setFrom()` のアドレスをメールプロバイダー自身のドメインのアドレスにして、もう一度送信してください。
change-the-account-s-password-40df0054 = アカウントのパスワードを変更し (ほかの誰かが知っている可能性があります)、新しいパスワードを `Password` に入れてください。
wait-15-to-60-minutes-3a79afb7 = 15〜60分待ってから、もう一度送信してください。
set-hostname-to-your-website-f3412636 = `Hostname` をウェブサイトの完全なドメイン名 (例: `www.example.com`) にしてください。`localhost` と名乗るコンピューターを信用しないサーバーもあります。
send-again-in-5-to-9d5019ef = 5〜15分後にもう一度送信してください。受け付けられるはずです。
wait-until-the-limit-resets-0d50752b = 上限がリセットされるまで待ってから (通常は24時間、月額プランの場合は翌月)、もう一度送信してください。
meanwhile-keep-host-port-and-6979a951 = それまでは、`host`、`port`、SSL (コードで設定する `SmtpClient.EnableSsl`) はそのままにしてください。
meanwhile-keep-host-port-and-ae23b856 = それまでは、`Host`、`Port`、`SecureSocketOptions` はそのままにしてください。
meanwhile-keep-host-port-and-5755e529 = それまでは、`Host`、`Port`、`SMTPSecure` はそのままにしてください。
your-website-logged-a-message-ee3ac898 = ウェブサイトが記録したメッセージは、まだ説明を用意していないものです。
check-host-port-and-ssl-9487adb8 = `host`、`port`、SSL (コードで設定する `SmtpClient.EnableSsl`) をプロバイダーの説明と照らし合わせてください。
check-host-port-and-securesocketoptions-260c4cc5 = `Host`、`Port`、`SecureSocketOptions` をプロバイダーの説明と照らし合わせてください。
check-host-port-and-smtpsecure-aa95c42e = `Host`、`Port`、`SMTPSecure` をプロバイダーの説明と照らし合わせてください。
meanwhile-check-host-port-and-06f829c0 = それまでに、`host`、`port`、SSL (コードで設定する `SmtpClient.EnableSsl`) をプロバイダーの説明と照らし合わせてください。
meanwhile-check-host-port-and-ac1208bd = それまでに、`Host`、`Port`、`SecureSocketOptions` をプロバイダーの説明と照らし合わせてください。
meanwhile-check-host-port-and-25424766 = それまでに、`Host`、`Port`、`SMTPSecure` をプロバイダーの説明と照らし合わせてください。
or-run-the-test-in-ff624e00 = または、`host`、`port`、SSL (コードで設定する `SmtpClient.EnableSsl`) を使ってこのプログラムでテストを実行してください。失敗する手順が正確に分かります。
or-run-the-test-in-d2dd620b = または、`Host`、`Port`、`SecureSocketOptions` を使ってこのプログラムでテストを実行してください。失敗する手順が正確に分かります。
or-run-the-test-in-e6d802d8 = または、`Host`、`Port`、`SMTPSecure` を使ってこのプログラムでテストを実行してください。失敗する手順が正確に分かります。
the-specified-string-is-not-3e32bd8d = 「The specified string is not in the form required for an e-mail address」は、メールサーバーに接続する前に ASP.NET 自身が出すメッセージです。`From` のアドレス、またはウェブサイトが To、Cc、Bcc に入れるアドレスに入力ミス (@ がない、スペースがある、1つの欄に2つのアドレスがある) があります。
the-specified-string-is-not-f3060462 = 「The specified string is not in the form required for an e-mail address」は、メールサーバーに接続する前に ASP.NET 自身が出すメッセージです。`setFrom()` のアドレス、またはウェブサイトが To、Cc、Bcc に入れるアドレスに入力ミス (@ がない、スペースがある、1つの欄に2つのアドレスがある) があります。
check-from-in-appsettings-json-0cf5714f = appsettings.json の `From` を確認してください。`info@example.com` のようなアドレス1つです (前に名前を付けることもできます: `Shop <info@example.com>`)。
check-the-setfrom-address-in-8cad20a1 = PHPMailer の設定の `setFrom()` のアドレスを確認してください。`info@example.com` のようなアドレス1つです (前に名前を付けることもできます: `Shop <info@example.com>`)。
if-from-is-right-the-443c5684 = `From` が正しい場合、そのアドレスはウェブサイト自身 (訪問者が入力したフォームや、サイトの設定) から来ています。送信前にアドレスを確認するよう開発者に依頼してください。
if-the-setfrom-address-is-4c7f473a = `setFrom()` のアドレスが正しい場合、そのアドレスはウェブサイト自身 (訪問者が入力したフォームや、サイトの設定) から来ています。送信前にアドレスを確認するよう開発者に依頼してください。
if-the-address-is-from-8131bf9f = そのアドレスが `From` の場合は、@ の前が半角英字のアドレスを使ってください。
if-the-address-is-the-d8299d5b = そのアドレスが `setFrom()` のアドレスの場合は、@ の前が半角英字のアドレスを使ってください。
if-it-is-a-customer-14a454a2 = お客様のアドレスの場合は、appsettings.json の `<smtp>` に `deliveryFormat="International"` を追加し (.NET Framework 4.5 以降)、ここでテストを実行して、メールサーバーが SMTPUTF8 を提供しているか確認してください。
if-it-is-a-customer-df901be6 = お客様のアドレスの場合は、PHPMailer の設定の `<smtp>` に `deliveryFormat="International"` を追加し (.NET Framework 4.5 以降)、ここでテストを実行して、メールサーバーが SMTPUTF8 を提供しているか確認してください。
the-server-will-not-go-d97198f6 = サーバーは、STARTTLS (メールサーバーが暗号化された接続に切り替える方法) で接続が暗号化されるまで先に進みません。コードでは `smtpClient.EnableSsl = true;` でオンになります (ASP.NET 2.0〜3.5 では web.config ではできません)。
the-server-will-not-go-adefed65 = サーバーは、STARTTLS (メールサーバーが暗号化された接続に切り替える方法) で接続が暗号化されるまで先に進みません。appsettings.json では `"SecureSocketOptions": "StartTls"` でオンになります。
the-server-will-not-go-97dcf783 = サーバーは、STARTTLS (メールサーバーが暗号化された接続に切り替える方法) で接続が暗号化されるまで先に進みません。`$mail->SMTPSecure = 'tls';` でオンになります。
use-port-587-the-usual-4b4b252f = プロバイダーから別の指示がない限り、`Port` は `587` (ウェブサイトからの送信で一般的なポート) を使ってください。
with-ssl-smtpclient-enablessl-set-d3fe9f32 = SSL (コードで設定する `SmtpClient.EnableSsl`) がオンの場合、ASP.NET は STARTTLS (メールサーバーが暗号化された接続に切り替える方法) を要求しますが、このサーバーは提供していないため、ASP.NET は「Server does not support secure connections」で停止します。通常は、そのポートやサーバーがプロバイダーの送信用サーバーではないか、サーバーの暗号化が設定されていません。
with-securesocketoptions-on-asp-net-a08cc797 = `SecureSocketOptions` がオンの場合、ASP.NET は STARTTLS (メールサーバーが暗号化された接続に切り替える方法) を要求しますが、このサーバーは提供していないため、ASP.NET は「Server does not support secure connections」で停止します。通常は、そのポートやサーバーがプロバイダーの送信用サーバーではないか、サーバーの暗号化が設定されていません。
with-smtpsecure-on-asp-net-fe653274 = `SMTPSecure` がオンの場合、ASP.NET は STARTTLS (メールサーバーが暗号化された接続に切り替える方法) を要求しますが、このサーバーは提供していないため、ASP.NET は「Server does not support secure connections」で停止します。通常は、そのポートやサーバーがプロバイダーの送信用サーバーではないか、サーバーの暗号化が設定されていません。
check-host-and-port-against-28b524e4 = `Host` と `Port` をプロバイダーの説明と照らし合わせてください。`Port` が `25` の場合は、`587` を試してください。
turning-ssl-smtpclient-enablessl-set-fd0df8f0 = SSL (コードで設定する `SmtpClient.EnableSsl`) をオフにすると、パスワードが暗号化されずに (途中の誰にでも読める状態で) 送られます。サーバーが自分のプライベート ネットワーク内にあるとプロバイダーが確認した場合に限り、検討してください。
turning-securesocketoptions-off-would-se-e26e1505 = `SecureSocketOptions` をオフにすると、パスワードが暗号化されずに (途中の誰にでも読める状態で) 送られます。サーバーが自分のプライベート ネットワーク内にあるとプロバイダーが確認した場合に限り、検討してください。
turning-smtpsecure-off-would-send-9ef38bc8 = `SMTPSecure` をオフにすると、パスワードが暗号化されずに (途中の誰にでも読める状態で) 送られます。サーバーが自分のプライベート ネットワーク内にあるとプロバイダーが確認した場合に限り、検討してください。
keep-this-port-and-switch-32e36e57 = このポートのまま、コードで SSL をオンにしてください (ほかのプログラムでは「SSL」ではなく「STARTTLS」または「TLS」を選びます)。
keep-this-port-and-set-cd2a42d8 = このポートのまま、`SecureSocketOptions` を `StartTls` にしてください (ほかのプログラムでは「SSL」ではなく「STARTTLS」または「TLS」を選びます)。
keep-this-port-and-set-41922fa3 = このポートのまま、`SMTPSecure` を `'tls'` (STARTTLS) にしてください (ほかのプログラムでは「SSL」ではなく「STARTTLS」または「TLS」を選びます)。
the-handshake-the-exchange-that-e9025476 = ハンドシェイク (暗号化を準備するやり取り) が失敗しました。よくある原因は、サーバーが古い暗号化のバージョン (最近のプログラムが拒否する TLS 1.0 や 1.1) しか扱えない、サーバーの暗号化の設定が間違っている、ウェブサーバーのセキュリティ プログラムが暗号化された接続に干渉している、のいずれかです。
send-again-in-a-few-5192a65a = 数分後にもう一度送信してください。暗号化の問題が短時間で解消するサーバーもあります。
send-this-error-message-to-3a3fef43 = このエラーメッセージをメールプロバイダーに送り、サーバーが TLS 1.2 以降に対応しているか尋ねてください。
if-the-web-server-runs-da617e2c = ウェブサーバーでメールをスキャンするウイルス対策ソフトを使っている場合は、1回のテストの間だけメールのスキャンを一時停止するか、ソフトのメーカーに問い合わせてください。
if-it-lasts-tell-your-4398538e = 続く場合は、サーバーが STARTTLS に「TLS not available」と応答することをメールプロバイダーに伝えてください。
or-send-through-a-provider-70e262b5 = または、サーバーが TLS 1.2 に対応しているプロバイダー経由で送信してください。`Host` (と `Port`) をそのサーバーに変更します。
a-certificate-the-server-s-1a9f3248 = 証明書 (サーバーの身元を証明するもの) には有効な名前が記載されていて、`Host` の名前はその中にありません。これは共用ホスティングでよくあることで、証明書にはあなたのドメインではなくホスティング会社のサーバー名が記載されています。
change-host-to-a-name-90ed824c = `Host` を証明書が有効な名前に変更してください (通常、ホスティングのコントロールパネルにメールサーバーの名前として表示されています)。
the-certificate-the-server-s-b1cbac22 = 証明書 (サーバーの身元を証明するもの) が、ウェブサーバーが信頼するどの認証局にも保証されていません。自己署名 (サーバーが自分で作ったもの) であるか、サーバーが信頼された認証局とつなぐ中間証明書を送っていないか、このネットワークのセキュリティ プログラムが証明書を差し替えている可能性があります。
or-change-host-to-the-4b9aed71 = または、`Host` をプロバイダーがすすめるサーバー名に変更してください。通常は有効な証明書があります。
check-that-the-web-server-70da9069 = ウェブサーバーの日付と時刻が正しいか確認してください。時計がずれていると、有効な証明書も期限切れに見えます。
a-certificate-the-server-s-d82f1ec5 = 証明書 (サーバーの身元を証明するもの) は決められた日から有効になりますが、ウェブサーバーの時計ではその日がまだ来ていません。通常はウェブサーバーの時計がずれています。まれに、サーバーの証明書の日付が未来になっていることもあります。
check-that-the-web-server-1ea5bf6c = ウェブサーバーの日付、時刻、タイムゾーンが正しいか確認してから、もう一度送信してください。
switch-ssl-on-in-code-b0438e5d = コードで SSL をオンにし、`port` は `587` を使ってください。
set-securesocketoptions-to-starttls-and-2ad097ac = `SecureSocketOptions` を `StartTls` にし、`Port` は `587` を使ってください。
set-smtpsecure-to-tls-starttls-0664aeb3 = `SMTPSecure` を `'tls'` (STARTTLS) にし、`Port` は `587` を使ってください。
send-again-if-it-still-685a4d0a = もう一度送信してください。それでも失敗する場合は、サーバーの応答に2つのうちどちらが足りないかが書かれています。
check-targetframework-in-appsettings-jso-cde6eebe = appsettings.json の `targetFramework` (`<httpRuntime targetFramework="…" />`) を確認してください。4.5.2 以下の場合は、`<httpRuntime targetFramework="4.8" />` と書いてください (ウェブサーバーに .NET Framework 4.8 がインストールされている必要があります。ホスティング会社に確認できます)。
check-targetframework-in-your-phpmailer-d2d788fa = PHPMailer の設定の `targetFramework` (`<httpRuntime targetFramework="…" />`) を確認してください。4.5.2 以下の場合は、`<httpRuntime targetFramework="4.8" />` と書いてください (ウェブサーバーに .NET Framework 4.8 がインストールされている必要があります。ホスティング会社に確認できます)。
gmail-needs-an-app-password-52f29f0d = Gmail にはアプリ パスワードが必要です。Google アカウントで 2 段階認証プロセスをオンにしてから、myaccount.google.com/apppasswords を開き (セキュリティのページからはリンクされなくなりました)、アプリ パスワードを作成して、その16文字をスペースなしで `Password` に貼り付けてください。`UserName` には完全な Gmail アドレスを使います。
gmail-needs-an-app-password-0a64bbed = Gmail にはアプリ パスワードが必要です。Google アカウントで 2 段階認証プロセスをオンにしてから、myaccount.google.com/apppasswords を開き (セキュリティのページからはリンクされなくなりました)、アプリ パスワードを作成して、その16文字をスペースなしで `Password` に貼り付けてください。`Username` には完全な Gmail アドレスを使います。
gmail-sends-only-from-your-a7cd697e = Gmail は、自分のアドレスか、Settings (設定) → Accounts (アカウント) →「Send mail as」(名前) に追加したアドレスからしか送信しません。`From` をそのいずれかにしてください。
gmail-sends-only-from-your-967bb4ce = Gmail は、自分のアドレスか、Settings (設定) → Accounts (アカウント) →「Send mail as」(名前) に追加したアドレスからしか送信しません。`setFrom()` のアドレスをそのいずれかにしてください。
the-google-workspace-smtp-relay-98e2ae0c = Google Workspace の SMTP リレーは、Workspace の管理者がオンにする必要があります (管理コンソール → Apps (アプリ) → Google Workspace → Gmail → Routing (ルーティング) → SMTP relay service (SMTP リレー サービス))。SMTP 認証が必要な場合は、`UserName` に Workspace のアドレス、`Password` に myaccount.google.com/apppasswords で作ったアプリ パスワードを使ってください。代わりにサーバーの IP アドレスを許可している場合は、どちらも空にしてください。
the-google-workspace-smtp-relay-a8add76c = Google Workspace の SMTP リレーは、Workspace の管理者がオンにする必要があります (管理コンソール → Apps (アプリ) → Google Workspace → Gmail → Routing (ルーティング) → SMTP relay service (SMTP リレー サービス))。SMTP 認証が必要な場合は、`Username` に Workspace のアドレス、`Password` に myaccount.google.com/apppasswords で作ったアプリ パスワードを使ってください。代わりにサーバーの IP アドレスを許可している場合は、どちらも空にしてください。
the-google-workspace-smtp-relay-a9a83a12 = Google Workspace の SMTP リレーは、管理者が設定で許可したアドレス (通常は Workspace のドメインのもの) からしか送信しません。`From` をそのいずれかにしてください。
the-google-workspace-smtp-relay-87c116c0 = Google Workspace の SMTP リレーは、管理者が設定で許可したアドレス (通常は Workspace のドメインのもの) からしか送信しません。`setFrom()` のアドレスをそのいずれかにしてください。
the-relay-lets-in-only-459c6209 = リレーは、管理者が SMTP リレー サービスの設定で許可した IP アドレスかサインインしか受け入れないため、別のコンピューターからのテストはサインインしない限り失敗します。また、`Hostname` をウェブサイトのドメイン名にしてください。Google は `localhost` のような単なるコンピューター名を拒否することがあります。
microsoft-365-use-the-mailbox-19f8c62c = Microsoft 365: `UserName` にはメールボックスの完全なアドレスを使ってください。このメールボックスでメールプログラムからのサインイン (「Authenticated SMTP」) が許可されている必要があります。管理者が Microsoft 365 管理センターの Users (ユーザー) → Active users (アクティブなユーザー) → Mail (メール) → Manage email apps (メール アプリの管理) でオンにします。Microsoft Entra のセキュリティの既定値群 (Microsoft の標準的なサインイン保護) は、このスイッチに関係なく組織全体でこれをブロックします。
microsoft-365-use-the-mailbox-3dc9ad4c = Microsoft 365: `Username` にはメールボックスの完全なアドレスを使ってください。このメールボックスでメールプログラムからのサインイン (「Authenticated SMTP」) が許可されている必要があります。管理者が Microsoft 365 管理センターの Users (ユーザー) → Active users (アクティブなユーザー) → Mail (メール) → Manage email apps (メール アプリの管理) でオンにします。Microsoft Entra のセキュリティの既定値群 (Microsoft の標準的なサインイン保護) は、このスイッチに関係なく組織全体でこれをブロックします。
microsoft-365-sends-only-as-b2fe867a = Microsoft 365 は、管理者が「Send As」(代理送信) のアクセス許可を与えない限り、サインインしたメールボックスとしてしか送信しません。`From` を `UserName` のアドレスにしてください。
microsoft-365-sends-only-as-e3bbbbe6 = Microsoft 365 は、管理者が「Send As」(代理送信) のアクセス許可を与えない限り、サインインしたメールボックスとしてしか送信しません。`setFrom()` のアドレスを `Username` のアドレスにしてください。
an-smtp-relay-your-admin-95d6c596 = SMTP リレー: 管理者がウェブサーバーの固定 IP アドレス用のコネクタを作成します。その後、`Host` をドメインの MX ホスト (`mail.protection.outlook.com` で終わるもの)、`Port` を `25` にし、`UserName` と `Password` は空にしてください。
an-smtp-relay-your-admin-a93b82b6 = SMTP リレー: 管理者がウェブサーバーの固定 IP アドレス用のコネクタを作成します。その後、`Host` をドメインの MX ホスト (`mail.protection.outlook.com` で終わるもの)、`Port` を `25` にし、`Username` と `Password` は空にしてください。
high-volume-email-hve-a-5d4715de = High Volume Email (HVE): プログラム用に作られた、今もパスワードでサインインする Microsoft 365 のアカウントです (`Host` は `smtp-hve.office365.com`、`Port` は `587`)。自分の組織のメールボックス宛てのメール向けです。
azure-communication-services-microsoft-s-f87006cd = Azure Communication Services: Microsoft の送信サービスです (`Host` は `smtp.azurecomm.net`、`Port` は `587`)。ウェブサイトで使えるユーザー名とアプリのシークレットでサインインします。
direct-send-a-host-ending-14a6804c = ダイレクト送信 (`mail.protection.outlook.com` で終わる `Host`) はサインインを使いません。`UserName` と `Password` を空にし、`Port` は `25` を使ってください。配信先は自分の組織のメールボックスだけです。ほかのアドレスに送るには、`smtp.office365.com` のポート `587` でサインインするか、管理者にコネクタ (SMTP リレー) を依頼してください。
direct-send-a-host-ending-5cca796c = ダイレクト送信 (`mail.protection.outlook.com` で終わる `Host`) はサインインを使いません。`Username` と `Password` を空にし、`Port` は `25` を使ってください。配信先は自分の組織のメールボックスだけです。ほかのアドレスに送るには、`smtp.office365.com` のポート `587` でサインインするか、管理者にコネクタ (SMTP リレー) を依頼してください。
since-16-september-2024-personal-6329d220 = 2024年9月16日以降、個人の Outlook.com と Hotmail のアカウントは送信にパスワードを受け付けず、Microsoft の OAuth サインインだけを受け付けます。appsettings.json のウェブサイトではこれに対応できません。代わりに、別のプロバイダー経由でサイトのメールを送信してください。
since-16-september-2024-personal-7621f718 = 2024年9月16日以降、個人の Outlook.com と Hotmail のアカウントは送信にパスワードを受け付けず、Microsoft の OAuth サインインだけを受け付けます。PHPMailer の設定のウェブサイトではこれに対応できません。代わりに、別のプロバイダー経由でサイトのメールを送信してください。
outlook-com-sends-only-from-73caa19a = Outlook.com は、サインインしたアドレスからしか送信しません。`From` を `UserName` にしてください。
outlook-com-sends-only-from-5ea38fca = Outlook.com は、サインインしたアドレスからしか送信しません。`setFrom()` のアドレスを `Username` にしてください。
send-your-website-s-mail-23638aa3 = ホスティング会社のメールサーバーや送信サービス (SendGrid、Mailgun、Brevo などがプロバイダーの一覧にあります) など、今もパスワードを受け付けるサービス経由でウェブサイトのメールを送信し、`Host`、`UserName`、`Password` をその値に変更してください。
send-your-website-s-mail-6bda0d43 = ホスティング会社のメールサーバーや送信サービス (SendGrid、Mailgun、Brevo などがプロバイダーの一覧にあります) など、今もパスワードを受け付けるサービス経由でウェブサイトのメールを送信し、`Host`、`Username`、`Password` をその値に変更してください。
godaddy-email-use-your-full-b39b7cc6 = GoDaddy のメール: `UserName` に完全なメールアドレス、パスワードにメールボックスのパスワードを使い、`Host` を `smtpout.secureserver.net` にしてください。GoDaddy のメールが Microsoft 365 のプランの場合は、代わりに Microsoft 365 の設定 (`smtp.office365.com`) を使ってください。
godaddy-email-use-your-full-fc189166 = GoDaddy のメール: `Username` に完全なメールアドレス、パスワードにメールボックスのパスワードを使い、`Host` を `smtpout.secureserver.net` にしてください。GoDaddy のメールが Microsoft 365 のプランの場合は、代わりに Microsoft 365 の設定 (`smtp.office365.com`) を使ってください。
godaddy-s-hosting-relay-relay-dd98d47f = GoDaddy のホスティング リレー (`relay-hosting.secureserver.net`) はサインインを使いません。`userName` と `password` を空にし、`port` を `25`、SSL (コードで設定する `SmtpClient.EnableSsl`) を `false` にしてください。
godaddy-s-hosting-relay-relay-f07c2f1a = GoDaddy のホスティング リレー (`relay-hosting.secureserver.net`) はサインインを使いません。`UserName` と `Password` を空にし、`Port` を `25`、`SecureSocketOptions` を `false` にしてください。
godaddy-s-hosting-relay-relay-609d3ac7 = GoDaddy のホスティング リレー (`relay-hosting.secureserver.net`) はサインインを使いません。`Username` と `Password` を空にし、`Port` を `25`、`SMTPSecure` を `false` にしてください。
ionos-use-the-full-email-a7c00951 = IONOS: `UserName` に完全なメールアドレス、パスワードにメールボックスのパスワードを使い、`Host` には契約した国のサーバー (`smtp.ionos.com`、`smtp.ionos.de`、`smtp.ionos.co.uk`) を指定してください。
ionos-use-the-full-email-7e72a1b1 = IONOS: `Username` に完全なメールアドレス、パスワードにメールボックスのパスワードを使い、`Host` には契約した国のサーバー (`smtp.ionos.com`、`smtp.ionos.de`、`smtp.ionos.co.uk`) を指定してください。
ovhcloud-use-the-full-email-cd29b853 = OVHcloud: `UserName` に完全なメールアドレス、パスワードにメールボックスのパスワードを使い、`Host` を `ssl0.ovh.net` (証明書が有効な名前) にしてください。
ovhcloud-use-the-full-email-3c4dbb33 = OVHcloud: `Username` に完全なメールアドレス、パスワードにメールボックスのパスワードを使い、`Host` を `ssl0.ovh.net` (証明書が有効な名前) にしてください。
yahoo-needs-an-app-password-693b5950 = Yahoo にはアプリ パスワードが必要です。Yahoo アカウントで Account security (アカウントのセキュリティ) → Generate app password (アプリ パスワードを生成) を開き、それを `Password` に、完全な Yahoo のアドレスを `UserName` に使ってください。
yahoo-needs-an-app-password-96021e70 = Yahoo にはアプリ パスワードが必要です。Yahoo アカウントで Account security (アカウントのセキュリティ) → Generate app password (アプリ パスワードを生成) を開き、それを `Password` に、完全な Yahoo のアドレスを `Username` に使ってください。
yahoo-sends-only-from-the-4a458e03 = Yahoo は、サインインしたアドレスからしか送信しません。`From` を Yahoo のアドレスにしてください。
yahoo-sends-only-from-the-5064b1b3 = Yahoo は、サインインしたアドレスからしか送信しません。`setFrom()` のアドレスを Yahoo のアドレスにしてください。
aol-needs-an-app-password-2a7d72d0 = AOL にはアプリ パスワードが必要です。AOL アカウントで Account security (アカウントのセキュリティ) → Generate app password (アプリ パスワードを生成) を開き、それを `Password` に、完全な AOL のアドレスを `UserName` に使ってください。
aol-needs-an-app-password-574437f0 = AOL にはアプリ パスワードが必要です。AOL アカウントで Account security (アカウントのセキュリティ) → Generate app password (アプリ パスワードを生成) を開き、それを `Password` に、完全な AOL のアドレスを `Username` に使ってください。
aol-sends-only-from-the-73cdefc3 = AOL は、サインインしたアドレスからしか送信しません。`From` を AOL のアドレスにしてください。
aol-sends-only-from-the-4db838b3 = AOL は、サインインしたアドレスからしか送信しません。`setFrom()` のアドレスを AOL のアドレスにしてください。
icloud-mail-needs-an-app-c8532528 = iCloud メールには App 用パスワードが必要です。account.apple.com の Sign-In and Security (サインインとセキュリティ) → App-Specific Passwords (App 用パスワード) で作成し、`UserName` には完全な iCloud のアドレスを使ってください。
icloud-mail-needs-an-app-0e669f48 = iCloud メールには App 用パスワードが必要です。account.apple.com の Sign-In and Security (サインインとセキュリティ) → App-Specific Passwords (App 用パスワード) で作成し、`Username` には完全な iCloud のアドレスを使ってください。
zoho-mail-use-your-full-384aac79 = Zoho Mail: `UserName` には完全な Zoho のアドレスを使ってください。2要素認証がオンの場合は、Zoho Accounts → Security (セキュリティ) でアプリケーション専用パスワードを作成し、それを `Password` に使ってください。データセンターのサーバー (たとえばヨーロッパでは `smtp.zoho.eu`) を使います。自分のドメインの組織アカウントでは、`smtp.` の代わりに `smtppro.` を使います (たとえば `smtppro.zoho.eu`)。
zoho-mail-use-your-full-7a3fb759 = Zoho Mail: `Username` には完全な Zoho のアドレスを使ってください。2要素認証がオンの場合は、Zoho Accounts → Security (セキュリティ) でアプリケーション専用パスワードを作成し、それを `Password` に使ってください。データセンターのサーバー (たとえばヨーロッパでは `smtp.zoho.eu`) を使います。自分のドメインの組織アカウントでは、`smtp.` の代わりに `smtppro.` を使います (たとえば `smtppro.zoho.eu`)。
fastmail-needs-an-app-password-4c8b9524 = Fastmail にはアプリ パスワードが必要です。Settings (設定) → Privacy & Security (プライバシーとセキュリティ) → App passwords (アプリ パスワード) で作成し、それを `Password` に使ってください。
azure-communication-services-username-is-82b5afd0 = Azure Communication Services: `UserName` は、Communication Services リソースで作成し (Settings (設定) → SMTP Usernames (SMTP ユーザー名))、送信を許可された Microsoft Entra アプリにリンクした SMTP ユーザー名です。`Password` はそのアプリのクライアント シークレットです。クライアント シークレットには有効期限があります。以前は動いていた場合は、新しいシークレットを作成して使ってください。
azure-communication-services-username-is-25902af0 = Azure Communication Services: `Username` は、Communication Services リソースで作成し (Settings (設定) → SMTP Usernames (SMTP ユーザー名))、送信を許可された Microsoft Entra アプリにリンクした SMTP ユーザー名です。`Password` はそのアプリのクライアント シークレットです。クライアント シークレットには有効期限があります。以前は動いていた場合は、新しいシークレットを作成して使ってください。
azure-communication-services-sends-only-ff5de3b8 = Azure Communication Services は、Communication Services リソースに接続されたメールドメインの MailFrom アドレスからしか送信しません。`From` をそのいずれかにしてください。
azure-communication-services-sends-only-fcf3ed02 = Azure Communication Services は、Communication Services リソースに接続されたメールドメインの MailFrom アドレスからしか送信しません。`setFrom()` のアドレスをそのいずれかにしてください。
amazon-ses-needs-ses-smtp-cb156c1c = Amazon SES には、SES コンソールの SMTP settings (SMTP 設定) で、`Host` のリージョン用に作成した SES SMTP 認証情報が必要です。IAM のアクセスキーや、別のリージョンの SMTP 認証情報は使えません。
amazon-ses-sends-only-from-31649dbc = Amazon SES は、確認済みの ID からしか送信しません。SES コンソールで `From` アドレスかそのドメインを確認 (認証) してください。アカウントがサンドボックス (新しいアカウントの試用モード) にある間は、宛先も確認済みである必要があります。
amazon-ses-sends-only-from-ce071f11 = Amazon SES は、確認済みの ID からしか送信しません。SES コンソールで `setFrom()` のアドレスかそのドメインを確認 (認証) してください。アカウントがサンドボックス (新しいアカウントの試用モード) にある間は、宛先も確認済みである必要があります。
sendgrid-username-must-be-literally-2392208f = SendGrid: `UserName` は文字どおり `apikey` でなければなりません (ログイン名やメールアドレスではありません)。`Password` は「Mail Send」のアクセス許可を持つ API キーで、スペースなしで貼り付けます。
sendgrid-username-must-be-literally-0f7ff76f = SendGrid: `Username` は文字どおり `apikey` でなければなりません (ログイン名やメールアドレスではありません)。`Password` は「Mail Send」のアクセス許可を持つ API キーで、スペースなしで貼り付けます。
sendgrid-sends-only-from-a-0be2f6cf = SendGrid は、確認済みの Sender Identity (送信者 ID) からしか送信しません。Settings (設定) → Sender Authentication (送信者認証) で `From` アドレスかそのドメインを確認 (認証) してください。
sendgrid-sends-only-from-a-c8fc64da = SendGrid は、確認済みの Sender Identity (送信者 ID) からしか送信しません。Settings (設定) → Sender Authentication (送信者認証) で `setFrom()` のアドレスかそのドメインを確認 (認証) してください。
mailgun-sends-from-addresses-of-ba0bed7a = Mailgun は、確認済みの送信ドメインのアドレスから送信します。そのいずれかを `From` に使ってください。
mailgun-sends-from-addresses-of-38c1bbc8 = Mailgun は、確認済みの送信ドメインのアドレスから送信します。そのいずれかを `setFrom()` のアドレスに使ってください。
postmark-use-your-server-api-681c5113 = Postmark: Server API Token を `UserName` と `Password` の両方に使ってください。
postmark-use-your-server-api-d6fda7f3 = Postmark: Server API Token を `Username` と `Password` の両方に使ってください。
postmark-sends-only-from-a-aa1507f0 = Postmark は、確認済みの Sender Signature (送信者署名) か確認済みのドメインからしか送信しません。そのいずれかを `From` に使ってください。
postmark-sends-only-from-a-9ef116ea = Postmark は、確認済みの Sender Signature (送信者署名) か確認済みのドメインからしか送信しません。そのいずれかを `setFrom()` のアドレスに使ってください。
brevo-username-is-the-smtp-61deeb36 = Brevo: `UserName` は SMTP & API に表示される SMTP ログインで、`Password` は同じページの SMTP キーです (API キーやアカウントのパスワードではありません)。
brevo-username-is-the-smtp-d3088416 = Brevo: `Username` は SMTP & API に表示される SMTP ログインで、`Password` は同じページの SMTP キーです (API キーやアカウントのパスワードではありません)。
brevo-sends-only-from-a-e7ee4fca = Brevo は、確認済みの差出人かドメインからしか送信しません。そのいずれかを `From` に使ってください。
brevo-sends-only-from-a-0fe5ff38 = Brevo は、確認済みの差出人かドメインからしか送信しません。そのいずれかを `setFrom()` のアドレスに使ってください。
mailjet-username-is-your-mailjet-be7768e2 = Mailjet: `UserName` は Mailjet の API キー、`Password` はそのシークレット キーです (Account settings (アカウント設定) → API keys (API キー) にあります)。Mailjet のログインではありません。
mailjet-username-is-your-mailjet-aa6c2842 = Mailjet: `Username` は Mailjet の API キー、`Password` はそのシークレット キーです (Account settings (アカウント設定) → API keys (API キー) にあります)。Mailjet のログインではありません。
mailjet-sends-only-from-a-2b02a254 = Mailjet は、認証済みの差出人アドレスかドメインからしか送信しません。Mailjet で `From` アドレスを認証するか、認証済みのアドレスを使ってください。
mailjet-sends-only-from-a-a4239645 = Mailjet は、認証済みの差出人アドレスかドメインからしか送信しません。Mailjet で `setFrom()` のアドレスを認証するか、認証済みのアドレスを使ってください。
smtp2go-use-an-smtp-user-c2bc2bdb = SMTP2GO: SMTP2GO のログインではなく、SMTP2GO アカウントの SMTP ユーザー (Sending (送信) → SMTP Users (SMTP ユーザー)) を `UserName` に、そのパスワードを `Password` に使ってください。
smtp2go-use-an-smtp-user-b95c2e7b = SMTP2GO: SMTP2GO のログインではなく、SMTP2GO アカウントの SMTP ユーザー (Sending (送信) → SMTP Users (SMTP ユーザー)) を `Username` に、そのパスワードを `Password` に使ってください。
smtp2go-sends-only-from-verified-38d2716c = SMTP2GO は、確認済みの差出人 (Sending (送信) → Verified Senders (確認済みの差出人)) からしか送信しません。そのいずれかを `From` に使ってください。
smtp2go-sends-only-from-verified-4a413e26 = SMTP2GO は、確認済みの差出人 (Sending (送信) → Verified Senders (確認済みの差出人)) からしか送信しません。そのいずれかを `setFrom()` のアドレスに使ってください。
provider-also-takes-mail-on-688364ca = { $provider } はポート `{ $port }` でもメールを受け付けます。このポートはホスティング会社やインターネット プロバイダーにブロックされることがほとんどありません。`port` を `{ $port }` に変更し、コードで SSL をオンのままにしてください。
provider-also-takes-mail-on-2eb2c630 = { $provider } はポート `{ $port }` でもメールを受け付けます。このポートはホスティング会社やインターネット プロバイダーにブロックされることがほとんどありません。`Port` を `{ $port }` に変更し、`SecureSocketOptions` は `StartTls` のままにしてください。
provider-also-takes-mail-on-d235639f = { $provider } はポート `{ $port }` でもメールを受け付けます。このポートはホスティング会社やインターネット プロバイダーにブロックされることがほとんどありません。`Port` を `{ $port }` に変更し、`SMTPSecure` は `'tls'` (STARTTLS) のままにしてください。
