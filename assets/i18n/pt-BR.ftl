# Português do Brasil (pt-BR). Traduzido de en.ftl por um tradutor de IA (Claude), mensagem por
# mensagem, seguindo o guia de estilo do produto (/work/shared/UX.md, "How we talk"): tratamento
# por "você", frases curtas, cada termo técnico explicado, passos nos termos do arquivo do usuário.
# Verificado pelos testes automáticos de tests/i18n.rs (mesmos ids, mesmas variáveis, toda mensagem
# é formatada) e por uma releitura própria para a consistência da terminologia.
# Terminologia: sign in = "fazer login" (sign-in = "login"; signed out = "desconectado");
# password = "senha" (app password = "senha de app"); server = "servidor" (mail server = "servidor
# de e-mail"); secure/encrypted connection = "conexão criptografada"; mailbox = "caixa de e-mail";
# receivers = "os servidores de destino"; record = "registro DNS"; look-up = "consulta DNS";
# keyring = "chaveiro do sistema"; access token = "token de acesso"; website = "site".
# Ficam em inglês: textos entre crases, nomes de atributos e de arquivos, SMTP, STARTTLS, TLS, SSL,
# DNS, SPF, DKIM, DMARC, nomes de produtos e empresas, opções e subcomandos da linha de comando.

## src/arrive/dkim.rs

receivers-can-check-the-signature-79253611 = Os servidores de destino podem verificar a assinatura que { $provider } adiciona às suas mensagens: `{ $name }` aponta para `{ $target }`.
receivers-can-check-the-signature-de564560 = Os servidores de destino podem verificar a assinatura que { $provider } adiciona às suas mensagens: `{ $name }` contém a chave.
dkim-is-a-signature-the-803894e2 = DKIM é uma assinatura que o servidor de envio adiciona a cada mensagem; os servidores de destino a conferem com uma chave publicada no DNS do seu domínio.
provider-signs-with-the-selectors-fc53fd77 = { $provider } assina com os seletores { $selectors }, mas nenhuma chave para { $domain } foi encontrada neles. Por isso a assinatura não vale para o seu domínio, e os e-mails têm mais chance de cair no spam.
provider-signs-with-the-selector-a5266169 = { $provider } assina com o seletor { $selector }, mas nenhuma chave para { $domain } foi encontrada nele. Por isso a assinatura não vale para o seu domínio, e os e-mails têm mais chance de cair no spam.
switch-on-dkim-for-domain-788c832b = Ative o DKIM para { $domain } em { $provider } ({ $place }) e adicione o registro { $record_type } que aparecer (e faça o mesmo para os outros seletores); o registro abaixo mostra o formato.
switch-on-dkim-for-domain-929c2534 = Ative o DKIM para { $domain } em { $provider } ({ $place }) e adicione o registro { $record_type } que aparecer; o registro abaixo mostra o formato.
domain-does-not-publish-provider-6ab37a2b = { $domain } não publica a chave DKIM de { $provider }
provider-s-dkim-key-is-4ce44b77 = A chave DKIM de { $provider } está publicada para { $domain }
dkim-not-checked-4291ed12 = DKIM não verificado
we-do-not-know-which-d85e6cbc = Não sabemos com qual seletor DKIM { $server } assina, então não foi possível verificar se a chave está publicada para { $domain }. Pergunte ao provedor se ele assina seus e-mails com DKIM (uma assinatura que os servidores de destino conferem com uma chave no DNS do seu domínio) e qual registro adicionar.

## src/arrive/dmarc.rs

dmarc-tells-receivers-what-to-e721a5e3 = O DMARC diz aos servidores de destino o que fazer com e-mails que dizem vir de { $domain }, mas não passam nem no SPF nem no DKIM desse domínio.
its-policy-is-p-reject-ce967681 = A política é `p=reject`: esses e-mails são recusados.
its-policy-is-p-quarantine-2a69dd62 = A política é `p=quarantine`: esses e-mails vão para o spam.
its-policy-is-p-none-01a9d2cb = A política é `p=none`: esses e-mails são apenas relatados.
domain-has-a-dmarc-policy-735612a7 = { $domain } tem uma política DMARC: { $policy }
dmarc-of-domain-will-reject-c398e1d1 = O DMARC de { $domain } vai recusar este e-mail
the-dmarc-policy-of-domain-35b9cbc4 = A política DMARC de { $domain } diz `p=reject`, e nem o SPF nem o DKIM vão passar para { $domain } por este servidor. Por isso, os servidores de destino vão recusar os e-mails do seu site.
dmarc-of-domain-will-quarantine-6ef31cf6 = O DMARC de { $domain } vai mandar este e-mail para a quarentena
the-dmarc-policy-of-domain-eabc6562 = A política DMARC de { $domain } diz `p=quarantine`, e nem o SPF nem o DKIM vão passar para { $domain } por este servidor. Por isso, os servidores de destino vão colocar os e-mails do seu site no spam.
fix-spf-or-dkim-first-42d5b01c = Corrija primeiro o SPF ou o DKIM (veja acima); só se isso não for possível logo, relaxe a política para `p=none` com o registro abaixo.
domain-has-no-dmarc-record-49974c46 = { $domain } não tem registro DMARC
dmarc-is-a-dns-record-4d3d6942 = O DMARC é um registro DNS que diz aos servidores de destino o que fazer com e-mails que falham nas verificações SPF e DKIM do seu domínio. O Gmail e o Yahoo pedem que todo domínio que envia muitos e-mails publique um, e e-mails de domínios sem ele recebem menos confiança. Adicione o registro TXT abaixo em `{ $name }`: `p=none` não muda nada para os seus e-mails e só pede aos servidores de destino que os verifiquem.
the-dmarc-record-of-domain-98955b46 = O registro DMARC de { $domain } tem um erro
the-dmarc-record-at-name-da80e0f7 = O registro DMARC em `{ $name }` é `{ $record }`, que os servidores de destino não conseguem ler, então eles o ignoram. Substitua-o pelo registro abaixo e ajuste a partir dele.

## src/arrive/freemail.rs

provider-sends-its-own-addresses-879d096b = { $provider } envia os próprios endereços
the-from-address-is-at-67fb0fdc = O endereço `from` é do domínio { $domain } e o e-mail passa pelo próprio servidor de { $provider } ({ $host }), que o assina para { $domain }: não há nada a adicionar em nenhum DNS.
a-domain-address-cannot-be-27101620 = Um endereço { $domain } não pode ser enviado por { $server }
the-from-address-is-at-4eca8930 = O endereço `from` é do domínio { $domain }, que pertence a { $provider }. O DNS desse domínio (que você não pode mudar) manda todos os servidores de destino recusarem ou descartarem e-mails de { $domain } que não passaram pelos servidores de { $provider }. Por isso, e-mails enviados por { $server } são recusados pelo Gmail, Yahoo, Outlook.com e outros. Coloque em `from` um endereço do seu próprio domínio e configure o SPF e o DKIM desse domínio para { $server }.

## src/arrive/model.rs

likely-to-arrive-5f0e6d11 = Deve chegar
likely-to-land-in-spam-a5ce4d7f = Deve cair no spam
will-be-rejected-by-gmail-6299af51 = Será recusado pelo Gmail e outros

## src/arrive/request.rs

given-is-not-an-email-d634334b = "{ $given }" não é um endereço de e-mail com um domínio que possamos verificar; informe um como --from site@example.com

## src/arrive/server.rs

your-mail-server-13d9fcfc = seu servidor de e-mail

## src/arrive/spf.rs

the-spf-record-needs-count-5dedf6d1 = O registro SPF precisa de { $count } consultas DNS; o limite é 10
receiving-servers-stop-checking-an-be2111cf = Os servidores de destino param de verificar um registro SPF depois de 10 consultas (cada `include:`, `a`, `mx`, `ptr`, `exists` e `redirect=` conta, inclusive dentro dos registros incluídos) e então consideram que a verificação falhou. O registro de { $domain } precisa de { $count }. Remova as entradas `include:` de serviços que você não usa mais para enviar, ou substitua `a` e `mx` pelos endereços `ip4:` que eles representam.
a-look-up-timed-out-13157fc5 = uma consulta demorou demais ou o servidor DNS falhou
the-spf-record-of-domain-67804a0e = O registro SPF de { $domain } (a lista de servidores que podem enviar e-mails dele) inclui { $server } por meio de `include:{ $include }`, a entrada de { $provider }. Assim, os servidores de destino vão ver que esse servidor pode enviar por você.
the-spf-record-of-domain-0b5c4f92 = O registro SPF de { $domain } (a lista de servidores que podem enviar e-mails dele) inclui { $server }. Assim, os servidores de destino vão ver que esse servidor pode enviar por você.
spf-allows-server-to-send-8afd0a77 = O SPF permite que { $server } envie por { $domain }
domain-has-no-spf-record-1cb5b594 = { $domain } não tem registro SPF
an-spf-record-is-a-cb1c9d74 = Um registro SPF é uma linha no DNS do seu domínio que lista os servidores que podem enviar e-mails por ele. { $domain } não tem nenhum, então o Gmail, o Outlook.com e outros não conseguem distinguir os e-mails do seu site de uma falsificação e os colocam no spam ou os recusam. Adicione o registro TXT abaixo no seu provedor de DNS (onde o DNS do seu domínio é gerenciado).
domain-has-count-spf-records-07a9b800 = { $domain } tem { $count } registros SPF; só pode ter um
domain-publishes-count-txt-records-74c3917b = { $domain } publica { $count } registros TXT que começam com `v=spf1`. Os servidores de destino consideram isso um erro, e a verificação SPF falha para todos os servidores. Apague todos e adicione o único registro abaixo, que mantém todas as entradas deles.
it-includes-include-which-has-336f9a8d = Ele inclui `{ $include }`, que não tem um único registro SPF válido, então a verificação termina em erro. Remova essa entrada ou corrija o nome.
receivers-cannot-read-it-a-63ea1f19 = Os servidores de destino não conseguem lê-lo (uma entrada com erro de digitação, um caractere a mais ou um espaço faltando), então a verificação termina em erro. Substitua-o pelo registro abaixo e adicione de volta qualquer outro serviço que envie e-mails por você.
the-spf-record-of-domain-22ad1250 = O registro SPF de { $domain } é `{ $record }`.
the-spf-record-of-domain-20d2dd14 = O registro SPF de { $domain } tem um erro
spf-does-not-allow-server-e96b146c = O SPF não permite que { $server } envie por { $domain }
the-spf-record-of-domain-ae180452 = O registro SPF de { $domain } lista os servidores que podem enviar e-mails dele, e { $server } não está entre eles. Por isso, os servidores de destino veem os e-mails do seu site como possivelmente falsificados. Troque o registro pelo abaixo: ele adiciona `{ $terms }` e mantém todo o resto.

## src/arrive/texts.rs

could-not-look-up-the-20e612c3 = Não foi possível consultar o registro SPF de { $domain }
the-dns-look-up-of-5603d802 = A consulta DNS do registro SPF de { $domain } não respondeu ({ $why }), então esta verificação está incompleta.
could-not-look-up-the-994cde94 = Não foi possível consultar a verificação SPF de { $domain }
the-dns-look-up-of-d0fe910b = A consulta DNS da verificação SPF de { $domain } não respondeu ({ $why }), então esta verificação está incompleta.
could-not-look-up-the-453faaab = Não foi possível consultar o registro DMARC { $name }
the-dns-look-up-of-89d9c052 = A consulta DNS do registro DMARC { $name } não respondeu ({ $why }), então esta verificação está incompleta.
could-not-look-up-the-aeefb05d = Não foi possível consultar os endereços de { $host }
the-dns-look-up-of-0d90da28 = A consulta DNS dos endereços de { $host } não respondeu ({ $why }), então esta verificação está incompleta.
try-again-in-a-minute-9c32e930 = Tente de novo em um minuto ou indique outro servidor DNS com --dns-server, por exemplo --dns-server 1.1.1.1:53.
host-has-no-address-in-871405a2 = { $host } não tem endereço no DNS
the-mail-server-host-has-ebe00387 = O servidor de e-mail { $host } não tem endereço no DNS, então não foi possível verificar se o seu registro SPF permite que ele envie. Confira como está escrito o `host`.

## src/certificate.rs

rsa-bits-bits-23280151 = RSA { $bits } bits
ec-bits-bits-fe055061 = EC { $bits } bits
other-algorithm-06e3c735 = outro ({ $algorithm })

## src/checklist.rs

working-2d8933f4 = em andamento…
waiting-eeda06a8 = aguardando
not-reached-5ea156cc = não alcançado
skipped-022ec9b7 = ignorado
stopped-here-8940b99c = parou aqui

## src/cli/confirm.rs

y-n-57127fdb = [s/N]
yes-4e9f3590 = sim

## src/cli/dns_check_cmd.rs

will-mail-from-domain-through-87a4a5b9 = Os e-mails de { $domain } enviados por { $host } vão chegar?
will-mail-from-domain-arrive-00b99798 = Os e-mails de { $domain } vão chegar?
name-2de5e154 = nome:
type-38e11e55 = tipo:
value-6b47a2d0 = valor:
add-this-dns-record-a930def2 = Adicione este registro DNS:
verdict-verdict-0f0534c1 = Resultado: { $verdict }
note-note-edb4a61f = Observação: { $note }

## src/cli/inbox_cmd.rs

mailbox-password-631a3f6c = Senha da caixa de e-mail
the-environment-variable-var-is-f51718d6 = a variável de ambiente { $var } não está definida (ou não é um texto válido); defina-a com a senha da caixa de e-mail
the-server-gave-the-message-9ecaf4ed = o servidor não deu à mensagem um Message-ID para procurar
could-not-read-the-ca-66ac5a07 = não foi possível ler o --ca-file { $path }: { $err }
looking-for-the-message-in-88a27f59 = Procurando a mensagem em { $mailbox } (até { $seconds } s)…
the-mailbox-password-was-not-7b1224ac = a senha da caixa de e-mail não foi salva no chaveiro: a verificação não chegou a um login bem-sucedido.
no-password-for-the-mailbox-0abb5363 = nenhuma senha para a caixa de e-mail { $mailbox }: passe-a com --inbox-password-stdin ou --inbox-password-env VAR, ou salve-a no chaveiro como { $account }
did-it-land-mailbox-c25c5dff = Chegou? { $mailbox }

## src/cli/json.rs

could-not-write-json-err-c9dd0283 = não foi possível gravar o JSON: { $err }

## src/cli/mod.rs

stopping-the-test-ctrl-c-18158df4 = Parando o teste… (Ctrl-C de novo sai na hora)
the-checks-after-sending-check-eea128bf = As verificações depois do envio (--check-dns, --check-inbox) só rodam depois que a mensagem passou.
could-not-read-standard-input-6cb61c3b = não foi possível ler a entrada padrão: { $err }
give-the-error-text-to-2a747ea0 = informe o texto do erro a explicar, ou envie-o por pipe com -

## src/cli/oauth_cmd.rs

signed-out-the-sign-in-920ac642 = Desconectado: o login de { $mailbox } não fica mais guardado.
no-sign-in-of-mailbox-c1033f07 = Nenhum login de { $mailbox } estava guardado para este app.
signed-in-as-who-with-0789c27a = Login feito como { $who } com { $provider } (guardado no chaveiro do sistema).
a-new-access-token-was-03874317 = Um novo token de acesso acabou de ser emitido, válido por { $minutes } min.
a-new-access-token-was-505fd341 = Um novo token de acesso acabou de ser emitido.
not-signed-in-no-sign-b24f4b10 = Sem login: nenhum login de { $mailbox } está guardado para este app. `{ $command }` faz o login.
the-kept-sign-in-of-41c1d286 = O login guardado de { $mailbox } não funciona mais: { $error }. Faça login de novo.

## src/cli/output.rs

testing-host-port-with-security-bc3dfc06 = Testando { $host }:{ $port } com { $security }, como o ASP.NET (System.Net.Mail) faria.
testing-host-port-with-security-fa0d57de = Testando { $host }:{ $port } com { $security }, como um programa de e-mail comum faria.
these-settings-need-attention-before-a42c8b40 = Estas configurações precisam de atenção antes que um teste possa rodar:
error-21918751 = erro
warning-792112ef = aviso
note-919a0c3d = observação
warning-summary-cb2694b9 = Aviso: { $summary }
ways-out-315d2fe1 = Saídas:
checklist-7164074f = Checklist:
only-partly-the-server-accepted-8a4abcce = Só em parte: o servidor aceitou a mensagem de teste para { $recipient } (a própria caixa de e-mail), mas recusa endereços de fora sem login.
success-the-server-accepted-the-2b96e5a9 = Sucesso: o servidor aceitou a mensagem de teste para { $recipient }.
warning-the-password-crossed-the-ae191d12 = Aviso: a senha passou pela rede SEM CRIPTOGRAFIA (você permitiu isso para este teste). Defina enableSsl como true para que o seu site não faça o mesmo.
warning-the-certificate-is-not-676d1a93 = Aviso: o certificado NÃO é válido ({ $problem }). O seu site o verifica e vai falhar.
paste-this-into-your-web-97160651 = Cole isto no seu web.config, dentro de <configuration>:
for-platform-967bcad1 = Para { $platform }:
other-platforms-command-the-same-69f99f14 = Outras plataformas: { $command } (as mesmas opções de configuração; --format all mostra todas)
problem-summary-7ede7f64 = Problema: { $summary }
what-to-do-8cbc7e25 = O que fazer:
suggested-change-run-again-with-91377baf = Mudança sugerida (rode de novo com { $flags }):
the-server-said-reply-de77b5c4 = O servidor disse: { $reply }
preset-70ea81de = PREDEFINIÇÃO
host-edf03e2f = HOST
port-24fff026 = PORTA
your-host-b2942d15 = (seu host)
not-usable-from-asp-net-eb3e1b53 = Não pode ser usado pelo ASP.NET (System.Net.Mail).

## src/cli/probe_cmd.rs

stopping-ctrl-c-again-quits-252995ab = Parando… (Ctrl-C de novo sai na hora)

## src/cli/probe_output.rs

looking-for-the-outgoing-mail-812c6ba5 = Procurando o servidor de saída de e-mails para { $email }, para um site ASP.NET (System.Net.Mail).
looking-for-the-outgoing-mail-577f55c6 = Procurando o servidor de saída de e-mails para { $email }, para um programa de e-mail.
looking-for-what-host-offers-8dc74ce8 = Verificando o que { $host } oferece, para um site ASP.NET (System.Net.Mail).
looking-for-what-host-offers-18e74dbb = Verificando o que { $host } oferece, para um programa de e-mail.
each-try-stops-after-the-09a8b128 = Cada tentativa para depois da saudação do servidor: nenhuma mensagem e nenhuma senha são enviadas.
nothing-527dae8a = nada
trying-1-server-name-names-bb4dd271 = Testando 1 nome de servidor: { $names }
trying-count-server-names-names-dc28bd1c = Testando { $count } nomes de servidor: { $names }
use-these-settings-in-your-104f0487 = Use estas configurações no seu site:
why-why-99fef765 = Motivo: { $why }
in-web-config-line-89ad6d8c = No web.config: { $line }
no-settings-to-recommend-3a0b504c = Nenhuma configuração a recomendar.
from-this-computer-to-host-ae426e27 = Deste computador até { $host }: { $ports }.
done-in-time-cancelled-5bc6fe41 = Concluído em { $time } (cancelado).
done-in-time-5fb638b3 = Concluído em { $time }.
everything-tried-best-first-e41cbf92 = Tudo o que foi testado, do melhor para o pior:
server-40ac3dd2 = servidor
security-c92cc9bb = segurança
reachable-70756d30 = acessível
sign-in-281c1798 = login
cert-4cb0e403 = cert.
time-5d3c9be4 = tempo
why-18f40e39 = motivo
names-that-do-not-exist-a4ffda74 = (nomes que não existem não foram mais testados)
plain-d3be3f67 = sem criptografia
ssl-on-connect-dbeb3514 = SSL ao conectar
trusted-dd092c3c = confiável
untrusted-3c0e3839 = não confiável
expired-338eb632 = vencido
wrong-name-475d1629 = nome errado
invalid-cbd1f530 = inválido

## src/cli/profile_cmd.rs

renamed-profile-old-to-new-edd00652 = Perfil "{ $old }" renomeado para "{ $new }".
no-profiles-yet-save-one-78e104ee = Nenhum perfil ainda. Salve um com: { $command }
no-sign-in-740a2bca = (sem login)
profile-name-path-da76cc87 = Perfil "{ $name }" ({ $path })
not-needed-no-sign-in-16416f92 = não é necessária (sem login)
saved-in-the-keyring-471fe699 = salva no chaveiro
not-saved-give-it-with-eb4324db = não salva (informe-a com --password-stdin ou --password-env; adicione --save-password para guardá-la no chaveiro)
unknown-the-keyring-could-not-90752bb4 = desconhecida: não foi possível ler o chaveiro
test-it-command-7eff2131 = Teste: { $command }
timeouts-3411c421 = tempos limite
connect-connect-s-greeting-greeting-1f5ae1d3 = conexão { $connect } s, saudação { $greeting } s, comandos { $command } s
accept-invalid-certs-42e8fc91 = aceitar certificados inválidos
ca-file-3a8117e5 = arquivo de CA
save-password-needs-the-password-ea8d182a = --save-password precisa da senha: passe-a com --password-stdin ou --password-env VAR
the-old-profiles-file-could-c287bcd2 = não foi possível ler o arquivo de perfis antigo, então ele foi movido para o lado (nada se perdeu): { $path }
replaced-profile-name-in-path-07131cc2 = Perfil "{ $name }" substituído em { $path } (sem senha nele).
saved-profile-name-in-path-dfc46583 = Perfil "{ $name }" salvo em { $path } (sem senha nele).
the-password-was-not-kept-0ab7efbb = A senha não foi guardada (adicione --save-password para guardá-la no chaveiro do sistema).
these-settings-do-not-sign-e4955288 = Estas configurações não fazem login com um nome de usuário, então não há senha para salvar.
deleted-profile-name-4882e1e8 = Perfil "{ $name }" excluído.
a-password-saved-for-it-18a62b71 = Uma senha salva para ele continua no chaveiro (outros perfis da mesma conta também a usam); `profile delete --forget-password` também a remove.
profile-name-does-not-sign-2e551ed4 = O perfil "{ $name }" não faz login com um nome de usuário: não há senha para esquecer.
remove-all-count-profiles-and-462289c2 = Remover todos os { $count } perfis e todas as senhas que o Mail Settings Tester salvou no chaveiro?
nothing-was-removed-run-again-6988196d = Nada foi removido: rode de novo com --yes para remover todos os perfis e senhas salvas.
removed-profiles-profile-s-and-06660efb = { $profiles -> [one] Removido { $profiles } perfil *[other] Removidos { $profiles } perfis } e { $passwords -> [one] { $passwords } senha salva *[other] { $passwords } senhas salvas }.
removed-the-saved-password-for-19fd2f90 = A senha salva de { $account } foi removida do chaveiro.
no-password-was-saved-in-2a90a5e4 = Nenhuma senha estava salva no chaveiro para { $account }.
saved-the-password-for-account-69032fc6 = A senha de { $account } foi salva no chaveiro do sistema.

## src/cli/profile_keyring.rs

no-password-is-saved-in-7fd8f14a = nenhuma senha está salva no chaveiro para { $account }. Passe-a com --password-stdin ou --password-env VAR (adicione --save-password para guardá-la).
the-password-is-needed-pass-dc38d6e7 = a senha é necessária: passe-a com --password-stdin ou --password-env VAR.
using-the-password-saved-in-447fc673 = Usando a senha salva no chaveiro para { $account }.
these-settings-do-not-sign-d7b82868 = estas configurações não fazem login com um nome de usuário, então não há senha para salvar.
the-password-was-not-saved-4521489f = a senha não foi salva no chaveiro porque o servidor recusou o login.

## src/cli/report_file.rs

the-support-report-was-not-74159c71 = o relatório para o suporte não foi gravado: { $message }
support-report-written-to-path-f13a3c47 = Relatório para o suporte gravado em { $path }
could-not-write-the-support-ab51dfc3 = não foi possível gravar o relatório para o suporte ({ $err }): { $path }
path-is-not-a-file-42c39be8 = { $path } não é um arquivo
path-already-exists-and-is-b1dfc304 = { $path } já existe e não é um relatório deste testador; escolha outro nome de arquivo

## src/cli/resolve.rs

user-needs-a-password-pass-c94ada2d = --user precisa de uma senha: passe-a com --password-stdin ou --password-env VAR (nunca como argumento)
there-is-no-profile-named-25a91d5a = não há nenhum perfil chamado "{ $name }"; `mailtester profile list` mostra os salvos
there-is-no-preset-name-fa72f4e1 = não há nenhuma predefinição "{ $name }"; escolha uma destas: { $names }
password-2cc30838 = Senha
the-environment-variable-var-is-e7426592 = a variável de ambiente { $var } não está definida (ou não é um texto válido); defina-a com a senha
prompt-input-is-not-hidden-841279c7 = { $prompt } (o que você digitar não fica oculto; prefira um pipe):
could-not-read-the-password-120dc4df = não foi possível ler a senha da entrada padrão: { $err }
flag-was-given-but-standard-0e415ce1 = { $flag } foi informado, mas a entrada padrão não tinha uma linha para ele

## src/cli/say.rs

error-message-7fcc1b86 = erro: { $message }
warning-message-8341c1cc = aviso: { $message }
note-message-e2a00142 = observação: { $message }

## src/cli/scan_cmd.rs

found-sites-with-mail-settings-ca740722 = Encontrado(s) { $sites } com configurações de e-mail, usando { $servers } (--offline: nenhum é contatado).
found-sites-with-mail-settings-0472bdeb = Encontrado(s) { $sites } com configurações de e-mail, usando { $servers }.
contacted-done-of-total-servers-38b87ee1 = { $done } de { $total } servidores contatados…
t-1-mail-server-5cc20956 = 1 servidor de e-mail
count-mail-servers-fdac7a27 = { $count } servidores de e-mail
the-csv-could-not-be-4fc3b8b7 = não foi possível gerar o CSV: { $err }
csv-written-to-path-b9b19256 = CSV gravado em { $path }
html-page-written-to-path-604f2e2a = Página HTML gravada em { $path }
could-not-write-the-csv-39267b1e = não foi possível gravar o CSV ({ $err }): { $path }. Escolha uma pasta em que você possa gravar.
could-not-write-the-html-8d232522 = não foi possível gravar a página HTML ({ $err }): { $path }. Escolha uma pasta em que você possa gravar.

## src/cli/scan_output.rs

t-1-site-c22fc96f = 1 site
count-sites-a9a5308c = { $count } sites
no-server-to-contact-sites-92fa060f = Nenhum servidor a contatar ({ $sites })
skipped-count-ff812831 = Ignorados ({ $count }):
summary-files-files-read-in-304f342d = { $summary }; { $files } arquivos lidos em { $seconds } s.
no-site-with-mail-settings-eb55820e = Nenhum site com configurações de e-mail foi encontrado. Aponte a varredura para a pasta que contém os sites (por exemplo C:\inetpub\vhosts ou /var/www), ou informe --iis-config.
server-sites-broken-broken-at-9406a0b2 = { $server }: { $sites } ({ $broken } com falha, { $at_risk } em risco, { $unknown } desconhecidos, { $ok } OK)
did-not-answer-problem-bda68194 = não respondeu: { $problem }
tls-on-connect-2f402ce9 = TLS ao conectar
offers-starttls-089863af = oferece STARTTLS
no-starttls-3f327a1f = sem STARTTLS
no-sign-in-before-encryption-36031e69 = sem login antes da criptografia
sign-in-before-encryption-methods-99e7b9c2 = login antes da criptografia: { $methods }
no-sign-in-after-encryption-47a4a654 = sem login depois da criptografia
sign-in-after-encryption-methods-ee54907f = login depois da criptografia: { $methods }
certificate-certificate-c4f98173 = certificado { $certificate }
broken-0d935360 = COM FALHA
at-risk-5412ef9b = EM RISCO
unknown-69b80b99 = DESCONHECIDO
ok-85e4b82f = OK
fix-fix-e4c99121 = Correção: { $fix }
apply-it-command-969d0163 = Aplique: { $command }

## src/cli/stdin_text.rs

the-input-is-broken-utf-d21f7acb = a entrada é um UTF-16 com defeito: salve-a como texto UTF-8 ou UTF-16 e tente de novo
the-input-is-not-utf-eee33dd4 = a entrada não é texto UTF-8 (provavelmente uma codificação antiga do Windows): salve-a como texto UTF-8 ou UTF-16 e tente de novo
the-line-is-not-utf-c971d459 = a linha não é texto UTF-8: salve-a como texto UTF-8 ou UTF-16 e tente de novo

## src/cli/webconfig_cmd.rs

mail-settings-in-path-bea8d53b = Configurações de e-mail em { $path }:
not-set-a541b773 = (não definido)
not-set-no-sign-in-d89f1f29 = (não definido: sem login)
not-set-the-web-server-05e903ce = (não definido: o nome do servidor web)
set-not-shown-8e04618e = (definido, não mostrado)
not-true-or-false-see-4912fbf6 = (nem true nem false: veja o erro abaixo)
not-stated-bd15bde6 = (não informado)
test-them-46dd20dd = Teste-as:
nothing-to-change-the-file-65d4a0db = Nada a mudar: o arquivo já tem estas configurações: { $path }
dry-run-nothing-was-written-83e7f00e = Simulação: nada foi gravado.
updated-path-37738ea1 = { $path } atualizado.
the-old-file-is-saved-795e6599 = O arquivo antigo foi salvo como { $path }.
still-to-fix-by-hand-087d2c93 = Ainda a corrigir à mão:
these-settings-cannot-be-written-c9942416 = estas configurações não podem ser gravadas até serem corrigidas:
write-these-changes-to-path-5f106860 = Gravar estas mudanças em { $path }? Antes é feita uma cópia de segurança.
nothing-was-written-run-again-e048ac0a = Nada foi gravado: rode de novo com --yes para gravar estas mudanças.
nothing-was-written-317a5b5a = Nada foi gravado.
no-problems-found-808793a4 = Nenhum problema encontrado.
t-1-error-cd417dc2 = 1 erro
count-errors-7af566cb = { $count } erros
t-1-warning-f1c7ab28 = 1 aviso
count-warnings-6efe9689 = { $count } avisos
t-1-note-4430d8c0 = 1 observação
count-notes-a90e79f1 = { $count } observações
findings-errors-warnings-notes-16ee245c = Resultados: { $errors }, { $warnings }, { $notes }
error-df22b531 = ERRO
line-line-code-8334a308 = linha { $line }, { $code }

## src/credentials/error.rs

there-is-no-keyring-on-7e9019d6 = Não há neste computador um chaveiro que o Mail Settings Tester possa usar ({ $keyring }), então a senha não pode ser salva nem lida nele. A senha é usada só nesta sessão. { $advice } (Detalhes: { $detail })
your-keyring-keyring-is-locked-b5a4c68b = O seu chaveiro ({ $keyring }) está bloqueado, então não foi possível salvar nem ler a senha. A senha é usada só nesta sessão. Desbloqueie o chaveiro (entre de novo na sua sessão da área de trabalho ou desbloqueie-o no app do chaveiro) e tente de novo. (Detalhes: { $detail })
your-keyring-keyring-did-not-76142675 = O seu chaveiro ({ $keyring }) não permitiu que o Mail Settings Tester usasse esta senha. A senha é usada só nesta sessão. Permita o acesso quando o chaveiro pedir (ou nas configurações dele) e tente de novo. (Detalhes: { $detail })
your-keyring-keyring-could-not-daf77fe7 = O seu chaveiro ({ $keyring }) não conseguiu salvar nem ler a senha. A senha é usada só nesta sessão. Tente de novo; se continuar falhando, digite a senha a cada vez. (Detalhes: { $detail })
the-what-is-too-long-1ec59e0a = O campo { $what } é longo demais para o seu chaveiro ({ $keyring } aceita no máximo { $limit } bytes), então não foi possível salvá-lo nele. A senha é usada só nesta sessão; digite-a a cada vez.
there-is-no-password-to-fcd23170 = Não há senha para salvar: digite a senha primeiro e depois salve.
user-name-a59136f5 = nome de usuário
password-364b5f18 = senha
no-keyring-store-is-set-ae980b57 = nenhum chaveiro está configurado
no-saved-password-de7667ce = nenhuma senha salva
the-saved-password-is-not-caf48e59 = a senha salva não é um texto legível; salve-a de novo
count-saved-passwords-match-this-15464f8a = { $count } senhas salvas correspondem a esta conta; remova as que sobram no app do seu chaveiro

## src/credentials/platform.rs

the-secret-service-e-g-882f6c95 = o Secret Service, por exemplo GNOME Keyring ou KWallet
the-macos-keychain-8faf0187 = as Chaves do macOS (Keychain)
the-windows-credential-manager-fb0531ad = o Gerenciador de Credenciais do Windows
none-is-supported-on-this-ee2f389d = nenhum é compatível com este sistema
to-remember-passwords-run-the-5f3b84d2 = Para lembrar senhas, rode o testador em uma sessão de área de trabalho com um chaveiro ativo (GNOME Keyring ou KWallet) e tente de novo.
to-remember-passwords-run-the-6d45ebaa = Para lembrar senhas, rode o testador na sua própria sessão de área de trabalho, com o seu usuário conectado, e tente de novo.

## src/diagnosis/aspnet/mod.rs

if-your-site-sends-with-f777e641 = Se o seu site envia com SmtpClient (System.Net.Mail), o log de erros dele vai dizer
your-website-s-error-log-f87ec5b8 = O log de erros do seu site vai dizer

## src/diagnosis/classify.rs

microsoft-365-has-smtp-sign-7bc38d83 = O Microsoft 365 está com o login SMTP desativado para esta caixa de e-mail
microsoft-365-lets-administrators-switch-9108f35f = O Microsoft 365 permite que administradores desativem o "Authenticated SMTP" (a forma como programas fazem login para enviar e-mails), e ele está desativado para esta caixa de e-mail. Por isso, até a senha certa é recusada.
ask-your-microsoft-365-administrator-c54e0072 = Peça ao administrador do Microsoft 365 para ativar o "Authenticated SMTP" para esta caixa de e-mail (admin center → Users → Active users → o usuário → Mail → Manage email apps).
microsoft-365-has-smtp-sign-360e5a0b = O Microsoft 365 está com o login SMTP desativado para a sua organização: o administrador pode ativá-lo
yahoo-and-aol-refuse-the-709f08a8 = O Yahoo e a AOL recusam a senha normal da conta vinda de programas de e-mail e, depois de várias tentativas recusadas, também pausam os logins por um tempo.
wait-about-an-hour-before-d6d59691 = Espere cerca de uma hora antes de testar de novo, para que a pausa termine.
gmail-refused-the-user-name-15d09805 = O Gmail recusou o nome de usuário e a senha. O Gmail só aceita uma senha de app (uma senha separada, criada só para programas) vinda de programas de e-mail como o seu site: desde maio de 2022 para contas pessoais e desde setembro de 2024 para contas do Google Workspace. Uma senha de app já em uso pode ter sido digitada errado ou revogada.
here-the-block-comes-from-536cc146 = Aqui o bloqueio vem dos "security defaults" (padrões de segurança, as proteções de login padrão da Microsoft) da sua organização.
verify-the-from-address-or-31a6261b = Verifique o endereço `from` (ou o domínio inteiro dele) no painel do seu serviço de envio.
the-server-refuses-the-old-cabda9d1 = O servidor recusa a versão antiga de criptografia que este programa usa
the-program-offered-tls-1-5b1ec346 = O programa ofereceu TLS 1.0 ou 1.1 (versões antigas da criptografia que protege a conexão), e o servidor só aceita TLS 1.2 ou mais recente.
make-sure-the-website-runs-a3175796 = Confira se o site roda no .NET Framework 4.7 ou mais recente, que usa a criptografia mais nova que o Windows oferece.
for-an-older-website-ask-fd2f3186 = Para um site mais antigo, peça ao seu desenvolvedor para ativar o TLS 1.2 (ServicePointManager.SecurityProtocol) e instale as atualizações do Windows que o adicionam.
test-again-after-the-change-c6691a26 = Teste de novo depois da mudança.
the-server-s-encryption-is-e48e53e2 = A criptografia do servidor não está funcionando no momento
the-server-offers-encryption-but-4969b44a = O servidor oferece criptografia, mas não conseguiu iniciá-la por causa de um problema do lado dele (muitas vezes um certificado, a prova de identidade do servidor, ausente ou com defeito).
wait-a-few-minutes-and-763995a7 = Espere alguns minutos e teste de novo.
if-it-persists-tell-your-5398e48d = Se continuar, avise o seu provedor de e-mail e inclua a resposta do servidor: só ele pode consertar isso.
keep-enablessl-set-to-true-2c3e3edb = Mantenha `enableSsl` como `true`: sem criptografia, a sua senha passaria pela rede de forma legível.
provider-needs-an-app-password-8404df24 = { $provider } precisa de uma senha de app em vez da sua senha normal
test-again-5d322c29 = Teste de novo.

## src/diagnosis/explain/dotnet_log.rs

your-website-s-log-quotes-45d21fe9 = O log do seu site cita só a primeira linha da recusa do servidor, que dá o nome do servidor; o motivo está nas linhas seguintes. Rode o teste aqui para vê-las.

## src/diagnosis/explain.rs

codes-that-start-with-4-34e1b6b7 = Códigos que começam com 4 significam "tente de novo mais tarde"; se continuar acontecendo, as palavras da resposta são o motivo a enviar ao seu provedor de e-mail.
codes-that-start-with-5-eea7edf5 = Códigos que começam com 5 significam que o servidor não vai aceitar isso do jeito que está; as palavras depois do código são o motivo.
we-don-t-recognise-this-9ef5f9c1 = Não reconhecemos esta resposta do servidor
the-server-answered-with-a-be6938c6 = O servidor respondeu com algo que ainda não sabemos explicar.
