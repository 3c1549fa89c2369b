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

## src/cli/help.rs

usage-740f2048 = Uso
arguments-a33c193f = Argumentos
options-353e0d45 = Opções
commands-971550f3 = Comandos
possible-values-bc143884 = Valores possíveis
default-933b5bde = padrão
possible-values-a2c8a064 = valores possíveis

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
expired-338eb632 = expirado
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
removed-profiles-profile-s-and-06660efb = { $profiles ->
        [one] Removido { $profiles } perfil
       *[other] Removidos { $profiles } perfis
    } e { $passwords ->
        [one] { $passwords } senha salva
       *[other] { $passwords } senhas salvas
    }.
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

found-sites-with-mail-settings-ca740722 = Encontramos { $sites } com configurações de e-mail, usando { $servers } (--offline: nenhum é contatado).
found-sites-with-mail-settings-0472bdeb = Encontramos { $sites } com configurações de e-mail, usando { $servers }.
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
server-sites-broken-broken-at-9406a0b2 = { $server }: { $sites } ({ $broken } com falha, { $at_risk } em risco, { $unknown ->
        [one] { $unknown } desconhecido
       *[other] { $unknown } desconhecidos
    }, { $ok } OK)
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

## src/diagnosis/mod.rs

even-so-this-test-message-84be81e9 = Mesmo assim, esta mensagem de teste passou: depois da recusa, o ASP.NET envia sem fazer login, e este servidor aceita isso para e-mails destinados às próprias caixas de e-mail. E-mails para qualquer outro endereço (seus clientes) serão recusados até que o login funcione, e o log do seu site não vai mostrar nenhum erro para este.

## src/diagnosis/outcome/auth.rs

this-server-offers-starttls-encryption-7bc26440 = Este servidor oferece STARTTLS (criptografia), então a correção é uma única configuração.
this-server-offers-no-encryption-696f82ef = Este servidor não oferece criptografia nesta porta.
ask-your-mail-provider-for-c9b3f2af = Pergunte ao seu provedor de e-mail qual porta oferece criptografia (normalmente `587` com STARTTLS) e use-a.
the-server-offers-sign-in-811c9099 = O servidor só oferece login depois que a conexão é criptografada com STARTTLS (a forma como um servidor de e-mail passa para uma conexão criptografada), por isso escondeu o login para proteger a sua senha. `enableSsl="true"` ativa o STARTTLS no web.config.
no-sign-in-method-7ae1fdbe = nenhum método de login
this-server-offers-list-and-b1185126 = Este servidor oferece { $list }, e { $target } não consegue usar nenhum deles (o enviador de e-mails do ASP.NET só conhece LOGIN, NTLM, Digest e Negotiate). As mesmas configurações podem funcionar em outros programas, mas vão falhar no seu site.
xoauth2-and-oauthbearer-mean-oauth-f5583b2e = XOAUTH2 e OAUTHBEARER significam OAuth (login pela própria página do provedor).
this-server-does-not-understand-22cf71da = Este servidor não entende a forma como o ASP.NET faz login
asp-net-sends-the-user-20a7823c = O ASP.NET envia o nome de usuário junto com o comando de login (AUTH LOGIN) e depois a senha. Este servidor ignorou o nome de usuário e o pediu de novo depois da senha, então o login nunca termina a partir do seu site, seja qual for a senha.
ask-your-mail-provider-whether-52f1f934 = Pergunte ao seu provedor de e-mail se o servidor pode aceitar AUTH LOGIN com uma resposta inicial (RFC 4954), ou peça outro nome de servidor para enviar.
or-send-through-another-mail-017a8669 = Ou envie por outro serviço de e-mail (o da sua empresa de hospedagem ou um serviço de envio como SendGrid ou Mailgun).
this-server-refuses-the-way-1d470d15 = Este servidor recusa a forma como o ASP.NET faz login
the-server-offers-login-sign-8c041507 = O servidor oferece login LOGIN, o método que o ASP.NET usa, mas o recusou na forma como o ASP.NET o envia: o comando junto com o nome de usuário em uma linha ("AUTH login …"). Ele respondeu "{ $reply }" antes de verificar qualquer senha. Programas que enviam o nome de usuário em uma linha separada (PHPMailer, MailKit, Outlook) conseguem fazer login neste servidor; o seu site não consegue, seja qual for a senha.
ask-your-mail-provider-whether-8485148d = Pergunte ao seu provedor de e-mail se o servidor pode aceitar AUTH LOGIN com o nome de usuário na mesma linha (uma "resposta inicial", RFC 4954), ou peça outro nome de servidor para enviar.
or-ask-your-developer-to-59a0f742 = Ou peça ao seu desenvolvedor para enviar com o MailKit, que faz login do outro jeito.

## src/diagnosis/outcome/connection.rs

the-mail-server-s-name-abb8de91 = O nome do servidor de e-mail “{ $host }” não foi encontrado
host-has-no-dot-in-a25384f0 = `host` não tem nenhum ponto, e os nomes de servidores de e-mail são como `smtp.example.com`: compare com as instruções do seu provedor.
the-connection-went-to-address-039eccb9 = A conexão foi para { $address }.
port-port-is-unusual-for-e9e416e2 = A porta { $port } é incomum para enviar e-mails: a maioria dos provedores usa `587`.
we-waited-secs-seconds-for-18544b73 = Esperamos { $secs } segundos por { $address }.
port-25-is-commonly-blocked-bf227656 = A porta 25 costuma ser bloqueada por empresas de hospedagem e provedores de internet para impedir spam, então conexões a ela muitas vezes ficam sem resposta.
this-computer-could-not-reach-082acb74 = Este computador não conseguiu alcançar o servidor de e-mail
the-system-reported-detail-16c5517e = O sistema informou: “{ $detail }”.
check-that-this-computer-is-05bf2936 = Confira se este computador está conectado à internet e teste de novo.
the-server-said-nothing-for-c2aad1c2 = O servidor não disse nada por { $secs } segundos, e uma segunda tentativa, já começando com criptografia, também ficou sem resposta.
this-port-expects-encryption-from-e1538362 = Esta porta espera criptografia desde o primeiro byte ("SSL ao conectar", típico da porta 465), então o servidor espera a criptografia enquanto o programa espera uma saudação. O enviador de e-mails do ASP.NET não consegue fazer SSL ao conectar: o seu site esperaria assim por 100 segundos (o tempo limite padrão dele; o teste parou no próprio limite) e depois falharia com "The operation has timed out".
this-port-expects-encryption-from-52a4c1c1 = Esta porta espera criptografia desde o primeiro byte ("SSL ao conectar"), mas o teste começou sem criptografia, então cada lado ficou esperando o outro.
choose-ssl-on-connect-for-89a131f0 = Escolha SSL ao conectar para esta porta (chamado de "SSL", "SMTPS" ou "TLS implícito" na maioria dos programas).
or-change-port-to-587-363c03db = Ou mude `port` para `587` e use STARTTLS (a forma como um servidor de e-mail passa para uma conexão criptografada).
it-answered-like-a-web-455949dc = Ele respondeu como um servidor web.
it-answered-like-a-remote-640e7204 = Ele respondeu como um serviço de acesso remoto (SSH).

## src/diagnosis/outcome/conversation.rs

it-happened-during-step-8cc559e6 = Aconteceu na etapa: { $step }.
the-connection-ended-while-switching-4d88ba34 = A conexão terminou durante a passagem para a criptografia: confira se `port` e `enableSsl` batem com as instruções do seu provedor (para ASP.NET, `587` com `enableSsl` como `true`).
some-servers-hang-up-instead-07ab7f99 = Alguns servidores desligam em vez de dizer que a senha foi recusada: confira `userName` e `password`.
there-was-no-reply-to-7639394e = Nenhuma resposta em { $secs } segundos na etapa: { $step }.
what-arrived-detail-ce6e5e5f = O que chegou: { $detail }.
the-server-broke-the-rules-86aebd6a = O servidor quebrou as regras da conversa de e-mail
during-step-the-server-did-2a69066e = Na etapa { $step }, o servidor fez algo que servidores de e-mail não podem fazer: { $detail }. É um problema do lado do servidor, não nas suas configurações.
test-again-in-a-few-d45392c2 = Teste de novo daqui a alguns minutos.
send-the-transcript-to-your-01199657 = Envie a transcrição ao seu provedor de e-mail: ela mostra exatamente o que o servidor enviou.
if-a-security-program-or-26b511cc = Se um programa de segurança ou proxy nesta rede lida com e-mails, ele pode ser a causa: pergunte a quem administra a rede.

## src/diagnosis/outcome/envelope.rs

use-a-sender-address-from-91297b39 = Use um endereço de remetente (`from`) só com letras simples (a a z), números, pontos ou hifens antes do @, por exemplo `info@` o seu domínio.
send-the-test-to-an-394f9af8 = Envie o teste para um endereço só com letras simples (a a z), números, pontos ou hifens antes do @.
this-server-cannot-take-address-b7642aa9 = Este servidor não aceita { $address }, que tem letras fora do alfabeto inglês simples antes do @
such-an-address-can-only-534fa2e0 = Um endereço assim só pode circular com SMTPUTF8 (o padrão de e-mail para endereços internacionais), e este servidor não o oferece. O teste parou antes de passar ao servidor { $role } ({ $address }): ele o teria recusado ou embaralhado, e a recusa teria culpado o remetente.
or-send-through-a-mail-c7f9b17c = Ou envie por um servidor de e-mail que ofereça SMTPUTF8: pergunte ao seu provedor se ele aceita endereços de e-mail internacionais.
the-test-cannot-send-with-1cfd4858 = O teste não consegue enviar com o endereço { $address }
address-is-written-in-a-498c2974 = { $address } está escrito de uma forma que os padrões de e-mail permitem, mas que poucos programas entendem (uma parte entre aspas com um espaço, ou um endereço de servidor entre colchetes depois do @), e a mensagem de teste não consegue levá-lo. O teste parou antes de passá-lo ao servidor.
plain-remove-any-quotes-and-a7cb9143 = { $plain } Remova aspas e espaços: a forma comum é nome@example.com.
asp-net-itself-may-still-4a7c1539 = O próprio ASP.NET talvez ainda consiga enviar com ele, mas muitos servidores de e-mail e os programas que leem os e-mails não vão conseguir.
or-move-the-site-to-3788eb32 = Ou passe o site para o .NET Framework 4.5 ou mais recente, que consegue enviar endereços internacionais com `deliveryFormat="International"` no elemento `<smtp>`.
or-add-deliveryformat-international-to-7bb43e86 = Ou adicione `deliveryFormat="International"` ao elemento `<smtp>` no web.config (ASP.NET 4.5 ou mais recente): assim o ASP.NET envia endereços internacionais a servidores que oferecem SMTPUTF8.
or-set-deliveryformat-smtpdeliveryformat-3af77877 = Ou defina `DeliveryFormat = SmtpDeliveryFormat.International` no `SmtpClient` do seu código: assim ele envia endereços internacionais a servidores que oferecem SMTPUTF8.
this-server-offers-smtputf8-the-6d77822e = Este servidor oferece SMTPUTF8 (o padrão de e-mail para endereços internacionais), então essa configuração deixaria o endereço passar.
this-server-does-not-offer-baf00176 = Este servidor não oferece SMTPUTF8 (o padrão de e-mail para endereços internacionais), então também é preciso um servidor que ofereça.
asp-net-will-not-send-12cd36fe = O ASP.NET não vai enviar com { $address }, que tem letras fora do alfabeto inglês simples antes do @
asp-net-s-mail-sender-3ed3c4f7 = O enviador de e-mails do ASP.NET só envia endereços cuja parte antes do @ tem letras simples do alfabeto inglês, a menos que esteja configurado para enviar endereços internacionais. Ele para antes de consultar o servidor, como o teste fez.

## src/diagnosis/outcome/final_reply.rs

the-server-received-the-whole-80dbb04b = O servidor recebeu a mensagem inteira, mas não a confirmou a tempo
the-test-sent-the-complete-26e46161 = O teste enviou a mensagem completa e depois esperou a resposta do servidor, a que diz se ele aceita a mensagem. Nenhuma resposta chegou a tempo: servidores que verificam cada mensagem contra spam e vírus podem demorar para responder, e este ainda pode entregar a mensagem.
check-the-test-recipient-s-5a214699 = Confira a caixa de entrada (e a pasta de spam) do destinatário do teste antes de enviar de novo: a mensagem ainda pode chegar, e enviar de novo poderia entregá-la duas vezes.
if-nothing-arrives-within-15-af500617 = Se nada chegar em 15 minutos, teste de novo; se isso acontecer outra vez, envie a transcrição ao seu provedor de e-mail.
if-it-arrives-the-settings-c80f0412 = Se ela chegar, as configurações funcionam, mas o seu site informa "The operation has timed out." para essas mensagens: aumente `SmtpClient.Timeout` no seu código (100 segundos, se não for definido) e garanta que o site não envie a mesma mensagem de novo depois desse erro.
if-it-arrives-the-settings-008b4f44 = Se ela chegar, as configurações funcionam e o servidor demora para confirmar: dê mais tempo a ele (o tempo limite da resposta final nas configurações avançadas, ou `--final-reply-timeout` na linha de comando).
the-test-waited-secs-seconds-296f27d9 = O teste esperou { $secs } segundos por essa resposta.

## src/diagnosis/outcome/oauth.rs

in-microsoft-365-an-app-6beb06e7 = No Microsoft 365, um app que envia em nome próprio precisa de tudo isto: a permissão SMTP.SendAsApp (Office 365 Exchange Online) com consentimento do administrador; uma entidade de serviço criada com New-ServicePrincipal usando o ID de objeto do Enterprise application (não o do App registration); Add-MailboxPermission para a caixa de e-mail em `userName`; e o "Authenticated SMTP" ativado para essa caixa de e-mail.
the-sign-in-token-has-c42ff023 = O token de login expirou
tokens-are-valid-for-a-9a3968e1 = Os tokens valem por pouco tempo (cerca de uma hora). Este expirou há { $ago }, então o servidor o recusou.
get-a-new-token-sign-fdc646f1 = Obtenha um novo token (faça login de novo) e teste de novo imediatamente.
the-sign-in-token-is-e9229ca6 = O token de login é de outra caixa de e-mail
the-token-was-issued-for-ccbe81df = O token foi emitido para { $named }, e o teste fez login como { $user }. Um token só faz login na caixa de e-mail para a qual foi emitido.
set-username-to-named-or-65123a60 = Defina `userName` como { $named }, ou faça login como { $user } para obter um token para ele.
the-sign-in-token-lacks-60c3493a = O token de login não tem a permissão que este servidor pede
the-server-wants-a-token-6d0ee0cb = O servidor quer um token com o escopo (permissão) { $scope }, e este traz { $carried }.
ask-for-a-token-with-ca38a612 = Peça um token com o escopo { $scope }.
the-sign-in-token-does-b905d15c = O token de login não permite enviar e-mails
a-token-carries-permissions-scopes-dfbd7ff8 = Um token traz permissões (escopos), e este traz { $carried }: nenhuma delas é para enviar e-mails (SMTP).
ask-for-a-token-with-24b71fd2 = Peça um token com o escopo de envio de e-mails que o seu provedor indica (Microsoft 365: SMTP.Send ou SMTP.SendAsApp; Google: https://mail.google.com/).
the-sign-in-token-is-87b9c735 = O token de login é para outro serviço da Microsoft
the-token-is-meant-for-a4189d8a = O token é destinado a { $audience }, e o servidor de e-mail só aceita tokens destinados ao Exchange Online.
ask-for-the-token-with-0f671d1c = Peça o token com o escopo https://outlook.office365.com/.default (um app enviando em nome próprio) ou https://outlook.office.com/SMTP.Send (uma pessoa com login feito).
exchange-online-lets-a-token-afaaf9f5 = O Exchange Online só deixa um token enviar e-mails com a permissão de aplicativo { $needed }; este traz { $carried }.
exchange-online-lets-a-token-7c44c998 = O Exchange Online só deixa um token enviar e-mails com a permissão delegada { $needed }; este traz { $carried }.
the-sign-in-token-lacks-ab2e2281 = O token de login não tem a permissão { $needed }
in-app-registrations-your-app-870afe88 = Em App registrations → o seu app → API permissions, adicione { $needed } (Office 365 Exchange Online), conceda o consentimento do administrador e obtenha um novo token.
it-could-not-read-the-25ee4fd8 = ele não conseguiu ler o login (muitas vezes um nome de usuário que ele não conhece)
the-token-is-not-valid-5f515491 = o token não é válido (expirado, revogado ou não é desta caixa de e-mail)
the-token-is-valid-but-6b61b7b0 = o token é válido, mas não permite enviar e-mails como esta caixa de e-mail
it-refused-the-token-cd0cabee = ele recusou o token
the-server-s-answer-to-2fb6cd08 = A resposta do servidor a { $mechanism } diz que { $meaning }.
the-server-s-answer-to-0e1ef8b3 = A resposta do servidor a { $mechanism } diz que { $meaning }; ele aceita tokens com o escopo { $scope }.
none-ada7afdb = nenhum
no-sign-in-at-all-56e4c7e5 = nenhum login
it-offers-offers-38f8f4c2 = Ele oferece { $offers }.
the-app-s-client-secret-1fd311f1 = O segredo do cliente (client secret) do app expirou
nobody-has-signed-in-yet-58075807 = Ninguém fez login ainda
this-test-signs-in-as-de14520f = Este teste faz login como uma pessoa, então alguém precisa primeiro fazer login na caixa de e-mail pela própria página da Microsoft ou do Google. O login fica então guardado no chaveiro do seu sistema e é renovado automaticamente.
press-sign-in-with-microsoft-e55c9917 = Clique em "Fazer login com a Microsoft…" (ou Google) em Login e faça login como a caixa de e-mail em `userName`.
then-test-again-af243c30 = Depois, teste de novo.
the-sign-in-was-cancelled-584b1ee1 = O login foi cancelado
sign-in-again-then-test-10fc6816 = Faça login de novo e teste de novo.
the-provider-s-sign-in-209b1a32 = Não foi possível alcançar o serviço de login do provedor
check-this-computer-s-internet-bb36fda9 = Confira a conexão com a internet deste computador (e um proxy ou firewall que possa bloquear login.microsoftonline.com).
the-sign-in-service-s-54e90ddb = O endereço do serviço de login não pode ser usado
use-https-login-microsoftonline-com-32a84d7d = Use https://login.microsoftonline.com (o padrão) como endereço de login.

## src/diagnosis/outcome/replies.rs

the-server-then-refused-the-e6bcea69 = Depois, o servidor recusou a mensagem, então o seu `userName` e a sua `password` nunca foram usados: este servidor ou porta provavelmente não é o que o seu provedor indicou para eles.
the-test-already-asked-for-7b417971 = O teste já pediu STARTTLS, então o servidor talvez espere isso em outra porta: compare `port` com as instruções do seu provedor.
set-defaultcredentials-to-false-while-db024367 = Defina `defaultCredentials` como `false`: enquanto for `true`, o web.config ignora `userName` e `password`.
your-settings-have-no-username-2861b339 = As suas configurações não têm `userName`, então o teste não fez login.
the-test-signed-in-as-68d41b91 = O teste fez login como { $user }, então este servidor não deixa essa conta enviar para endereços de fora: pergunte ao seu provedor qual servidor e porta usar.
the-server-refused-the-test-f84ee350 = O servidor recusou o destinatário do teste { $recipient }
set-clientdomain-to-your-website-81ec9a9c = Defina `clientDomain` como o nome de domínio completo do seu site (por exemplo `www.example.com`): o servidor não aceitou o nome com que este computador se apresentou.
the-sender-from-is-from-70f92321 = O remetente (`from`) é { $from }, enquanto o login (`userName`) é { $user }.

## src/diagnosis/outcome/tls.rs

change-host-to-only-fa99f7d2 = Mude `host` para `{ $only }`.
this-one-is-self-signed-d09ec21c = Este é autoassinado: o servidor o criou para si mesmo.
it-was-issued-by-issuer-24f9dd72 = Foi emitido por { $issuer }.
it-was-valid-until-until-b3400985 = Era válido até { $until }.
the-test-started-encryption-straight-7fde3066 = O teste começou a criptografia logo de cara ("SSL ao conectar"), mas esta porta primeiro cumprimenta sem criptografia e depois passa para STARTTLS (a forma como um servidor de e-mail passa para uma conexão criptografada). Os dois jeitos não se misturam, então o handshake (a troca que prepara a criptografia) falhou.
it-is-valid-for-list-77a4ad6e = Ele é válido para { $list } e mais { $more }, não para { $expected }.
it-is-valid-for-list-531e9add = Ele é válido para { $list }, não para { $expected }.
the-encryption-library-reported-detail-7486ce05 = A biblioteca de criptografia informou: “{ $detail }”.
the-server-seems-to-know-4d80fb0b = O servidor parece conhecer só versões antigas de criptografia (TLS 1.0 ou 1.1): peça ao seu provedor de e-mail para ativar TLS 1.2 ou mais recente.
the-extra-certificate-file-could-8265c21b = O arquivo de certificado extra não pôde ser usado
the-file-path-given-as-edbfbdc2 = O arquivo { $path }, informado como "Arquivo de CA extra" (`--ca-file`: autoridades em que a sua organização confia além das públicas), não pôde ser usado: { $detail }. O teste parou antes de confiar em qualquer servidor.
check-that-the-file-exists-11178386 = Confira se o arquivo existe nesse caminho e se este programa pode lê-lo.
check-that-it-is-a-39e254e8 = Confira se é um arquivo de certificado: um arquivo de texto PEM que começa com `-----BEGIN CERTIFICATE-----`, ou um arquivo .cer exportado pelo Windows (qualquer um dos dois formatos).
if-the-server-has-a-1a4c8da8 = Se o servidor tem um certificado de uma autoridade pública, esvazie "Arquivo de CA extra" em Avançado.

## src/diagnosis/pasted.rs

run-the-test-here-with-40bc1a7b = Rode o teste aqui com as mesmas configurações para ver se elas funcionam.

## src/diagnosis/site.rs

asp-net-2-0-3-6ca9cbac = O ASP.NET 2.0–3.5 não tem `enableSsl` no web.config (adicioná-lo quebra toda a seção de e-mail), então ative o SSL no seu código, logo antes de enviar: `smtpClient.EnableSsl = true;`. Para o controle PasswordRecovery, trate o evento `SendingMail` dele: envie `e.Message` você mesmo com um `SmtpClient` cujo `EnableSsl` seja `true` e depois defina `e.Cancel = true;`. Ou passe o site para o .NET Framework 4.x, em que `enableSsl="true"` no web.config basta.
in-code-smtpclient-enablessl-true-4add87ec = No código, `smtpClient.EnableSsl = true;` ativa isso (o web.config não consegue, no ASP.NET 2.0–3.5).

## src/diagnosis/texts/auth.rs

the-server-wants-a-sign-fa8fde33 = O servidor quer um login antes de enviar qualquer coisa
this-server-sends-mail-only-549fd96c = Este servidor só envia e-mails de usuários com login feito, e a mensagem foi oferecida antes que algum login fosse aceito. No web.config, o login vem de `userName` e `password`.
fill-in-username-usually-your-8bad094b = Preencha `userName` (normalmente o seu endereço de e-mail completo) e `password`.
make-sure-defaultcredentials-is-false-e9f68330 = Confira se `defaultCredentials` está como `false`: quando está `true`, o nome de usuário e a senha são ignorados.
the-server-wants-a-sign-0b50a939 = O servidor quer um login e provavelmente recusou o seu
when-the-server-refuses-the-16d9b604 = Quando o servidor recusa o nome de usuário ou a senha, o ASP.NET não avisa: ele envia sem fazer login, e o servidor então responde com isto. Então, se o seu web.config tem `userName` e `password`, o servidor muito provavelmente os recusou. Se não tem, o servidor os quer antes de enviar.
check-username-usually-your-full-95088744 = Confira `userName` (normalmente o seu endereço de e-mail completo) e digite a senha de novo em `password` (copiar pode adicionar um espaço no final).
if-your-provider-wants-an-24fb5942 = Se o seu provedor pede uma senha de app ou desativou o login com senha (Microsoft 365, Gmail), siga as instruções dele para programas.
if-web-config-has-no-9e232823 = Se o web.config não tem `userName`, preencha `userName` e `password`.
run-the-test-here-with-a02cdff6 = Rode o teste aqui com as mesmas configurações: ele mostra se o servidor recusa o login.
the-server-does-not-offer-5c1f342d = O servidor não oferece login nesta conexão
your-settings-include-a-user-8f3e5b78 = As suas configurações incluem um nome de usuário, mas o servidor não ofereceu AUTH (o comando de login dos servidores de e-mail) aqui. Normalmente a porta é destinada a e-mails entre servidores (muitas vezes a porta 25), ou o servidor deixa endereços conhecidos enviarem sem login.
change-port-to-587-and-0f7e3abd = Mude `port` para `587` e defina `enableSsl` como `true`: essa porta é destinada a fazer login e enviar.
if-your-hosting-company-says-5da38eee = Se a sua empresa de hospedagem diz que o servidor dela deixa o seu site enviar sem senha, apague `userName` e `password`.
the-server-allows-sign-in-ec452ac5 = O servidor só permite login por uma conexão criptografada
the-password-would-have-crossed-a9916df8 = A senha teria passado pela rede sem criptografia, então o servidor recusou ou escondeu o login. O STARTTLS (a forma como um servidor de e-mail passa para uma conexão criptografada) a protege, e `enableSsl="true"` o ativa no web.config.
set-enablessl-to-true-52e5ecbd = Defina `enableSsl` como `true`.
keep-port-at-587-or-42fe3de8 = Mantenha `port` em `587` (ou `25`, se o seu provedor usa essa); o ASP.NET não consegue usar a `465`.
your-password-would-cross-the-9c776cba = A sua senha passaria pela rede sem criptografia
the-server-offers-sign-in-52300fa5 = O servidor oferece login nesta conexão sem criptografia, então a senha viajaria legível para qualquer um no caminho (a rede da empresa de hospedagem, um Wi-Fi público). O teste parou antes de enviá-la. Com estas configurações, o seu site a envia exatamente assim.
set-enablessl-to-true-the-649dce61 = Defina `enableSsl` como `true`: assim a senha só é enviada depois que a conexão está criptografada.
if-you-accept-the-risk-4bb04ca9 = Se você aceita o risco só para este teste (um servidor na sua própria rede privada), teste de novo e permita a senha sem criptografia (`--allow-plaintext-password` na linha de comando, "Enviar sem criptografia só desta vez" na janela).
the-server-s-sign-in-5fcef96a = Os métodos de login do servidor são de um tipo que o ASP.NET não consegue usar
mail-servers-offer-several-sign-b861780a = Servidores de e-mail oferecem vários métodos de login. O enviador de e-mails do ASP.NET só conhece LOGIN, NTLM, Digest e Negotiate, e este servidor não ofereceu nenhum deles. Por isso as mesmas configurações podem funcionar em outros programas e mesmo assim falhar no seu site.
ask-your-mail-provider-whether-e86c3606 = Pergunte ao seu provedor de e-mail se o login LOGIN pode ser ativado para a sua caixa de e-mail.
or-send-through-a-provider-c9c7d534 = Ou envie por um provedor que ofereça LOGIN (a maioria oferece) e mude `host` para o servidor dele.
or-ask-your-developer-to-88c53180 = Ou peça ao seu desenvolvedor para enviar com o MailKit, uma biblioteca de e-mail que conhece mais métodos de login.
the-server-refused-the-user-a184eaf4 = O servidor recusou o nome de usuário ou a senha
the-server-checked-the-sign-cda301dc = O servidor verificou o login e disse não. Normalmente a senha não é a atual, ou o nome de usuário não está na forma que o provedor espera; alguns provedores também recusam a senha normal e querem uma senha de app (uma senha separada, criada só para programas).
check-that-username-is-exactly-a186e001 = Confira se `userName` é exatamente o que o seu provedor espera, normalmente o seu endereço de e-mail completo.
type-the-password-into-password-c85831af = Digite a senha de novo em `password` (copiar pode adicionar um espaço no final).
if-your-account-uses-two-fe47a30d = Se a sua conta usa verificação em duas etapas, crie uma senha de app nas configurações de segurança da conta e use-a como `password`.
sign-in-to-your-webmail-2244b6cf = Entre no seu webmail com o mesmo nome de usuário e senha para confirmar que eles funcionam.
your-provider-wants-an-app-8e45b86f = O seu provedor quer uma senha de app em vez da sua senha normal
an-app-password-is-a-bb603ced = Uma senha de app é uma senha separada que o seu provedor de e-mail cria só para programas como o seu site. Contas com verificação em duas etapas (um código no seu celular) recusam a senha normal aqui; uma senha de app já em uso pode ter sido digitada errado ou revogada.
turn-on-two-step-sign-51eac7b8 = Ative a verificação em duas etapas nas configurações de segurança da sua conta de e-mail, se ainda não estiver ativada: as senhas de app precisam dela.
create-an-app-password-there-bd7031e7 = Crie ali uma senha de app e cole-a em `password` sem espaços.
keep-username-as-your-full-c562226b = Mantenha `userName` como o seu endereço de e-mail completo e teste de novo.
your-provider-paused-the-sign-bc3768e5 = O seu provedor pausou o login até você confirmá-lo em um navegador
the-provider-saw-a-sign-1538b2d6 = O provedor viu um login vindo de um lugar que ele não conhece (o computador que roda o seu site) e o segurou até você confirmar que foi você.
sign-in-to-your-webmail-dc909f89 = Entre no seu webmail em um navegador e aprove qualquer alerta de segurança sobre um login bloqueado.
use-an-app-password-a-b70684d9 = Use uma senha de app (uma senha separada para programas, criada nas configurações de segurança da sua conta) como `password`.
test-again-within-a-few-9bb0093a = Teste de novo nos próximos minutos.
sign-in-for-mail-programs-5421083f = O login de programas de e-mail está desativado para esta conta
microsoft-365-lets-administrators-switch-ec288b4e = O Microsoft 365 permite que administradores desativem o "Authenticated SMTP" (a forma como programas fazem login para enviar e-mails). Ele está desativado para esta caixa de e-mail ou para a organização inteira, então até a senha certa é recusada, e um token OAuth também.
if-it-is-off-for-491d3325 = Se estiver desativado para a organização inteira, o administrador também pode permiti-lo ali (a configuração do Exchange SmtpClientAuthenticationDisabled definida como False).
wait-up-to-an-hour-89ecd3c1 = Espere até uma hora depois da mudança e teste de novo.
your-provider-no-longer-accepts-262db022 = O seu provedor não aceita mais senhas vindas de programas de e-mail
the-provider-has-switched-off-5bf866d0 = O provedor desativou a autenticação básica (login só com nome de usuário e senha) e quer OAuth no lugar (login pela própria página do provedor). O enviador de e-mails do ASP.NET não consegue usar OAuth, e uma senha de app não ajuda aqui.
ask-your-administrator-whether-password-8e9b1d9b = Pergunte ao seu administrador se o login com senha pode ser permitido para esta caixa de e-mail (no Microsoft 365, os padrões de segurança ou uma política de Acesso Condicional podem bloqueá-lo).
or-send-your-website-s-543cef06 = Ou envie os e-mails do seu site por um serviço que aceite senhas, como o servidor de e-mail da sua empresa de hospedagem ou um serviço de envio, e mude `host`, `userName` e `password` para os valores dele.
or-ask-your-developer-to-129f53f6 = Ou peça ao seu desenvolvedor para enviar com o MailKit, que aceita OAuth, e teste primeiro o login OAuth aqui (Login: Microsoft 365 (OAuth), ou `mailtester send --oauth microsoft`).
the-server-could-not-check-7d165cdf = O servidor não conseguiu verificar a senha no momento
the-server-s-sign-in-4e8378b1 = O sistema de login do servidor teve um problema temporário, então não conseguiu dizer sim nem não. O problema é do lado do provedor, e as suas configurações podem muito bem estar certas.
if-it-lasts-more-than-bcb37e76 = Se durar mais de uma hora, avise o seu provedor de e-mail e inclua a resposta do servidor.
meanwhile-keep-username-and-password-16dfed9a = Enquanto isso, mantenha `userName` e `password` como estão.

## src/diagnosis/texts/connection.rs

the-mail-server-s-name-0d9f47b0 = O nome do servidor de e-mail não foi encontrado
this-computer-asked-dns-the-9b8be64c = Este computador perguntou ao DNS (a lista de endereços da internet) pelo nome em `host` e não recebeu nenhum endereço, então não sabe para onde enviar o e-mail. Normalmente o nome tem um erro de digitação, ou este computador está sem internet agora.
check-host-letter-by-letter-a1a74d49 = Compare `host` letra por letra com as instruções do seu provedor de e-mail (ele é parecido com `smtp.example.com`).
check-that-this-computer-can-ae3fe307 = Confira se este computador consegue abrir sites; se não conseguir, resolva a conexão com a internet e teste de novo.
if-the-name-is-right-18a00d53 = Se o nome estiver certo e a internet funcionar, pergunte ao seu provedor de e-mail se o nome do servidor mudou.
the-server-turned-the-connection-280a4654 = O servidor recusou a conexão nesta porta
this-computer-reached-the-server-ba7fb590 = Este computador alcançou o servidor, mas nada ali aceita e-mails nesta porta (a porta numerada em que um programa escuta), ou um firewall (um filtro que bloqueia conexões) a recusou. Na maioria das vezes, a porta não é a que o seu provedor usa, ou `host` aponta para outro servidor.
check-port-against-your-provider-f98b1afd = Compare `port` com as instruções do seu provedor: `587` é a porta comum para sites.
check-that-host-is-the-a4ce6940 = Confira se `host` é o nome do servidor de e-mail, e não o nome do seu site.
if-both-are-right-ask-112c3209 = Se os dois estiverem certos, pergunte à sua empresa de hospedagem se um firewall bloqueia o envio de e-mails do seu site.
the-server-did-not-answer-45d585cd = O servidor não respondeu à tentativa de conexão
nothing-answered-on-this-port-aeae7d79 = Nada respondeu nesta porta antes de o tempo limite acabar. Muitas vezes um firewall (um filtro que bloqueia conexões) na empresa de hospedagem ou no provedor de internet descarta em silêncio as conexões de envio de e-mail, principalmente na porta 25; senão, o servidor pode estar fora do ar ou `host` pode apontar para o lugar errado.
change-port-to-587-and-a8475885 = Mude `port` para `587` e defina `enableSsl` como `true`: a combinação comum para sites.
if-that-does-not-help-59fbce00 = Se isso não ajudar, pergunte à sua empresa de hospedagem se as conexões de saída para servidores de e-mail estão bloqueadas, e em quais portas.
check-that-host-is-correct-05aa5d08 = Confira se `host` está correto e se o servidor está no ar (veja a página de status do seu provedor).
the-server-accepted-the-connection-e31e44f1 = O servidor aceitou a conexão, mas nunca disse olá
a-mail-server-normally-greets-3b957db6 = Um servidor de e-mail normalmente cumprimenta uma nova conexão na hora. Quando fica em silêncio, normalmente a porta espera criptografia desde o primeiro byte ("SSL ao conectar", típico da porta 465), o que o enviador de e-mails do ASP.NET não consegue fazer; mais raramente, o servidor está sobrecarregado.
change-port-to-587-and-298d9c8c = Mude `port` para `587` e defina `enableSsl` como `true`.
if-your-provider-offers-only-8846bc0f = Se o seu provedor só oferece a porta 465, pergunte se ele tem uma porta com STARTTLS (a forma como um servidor de e-mail passa para uma conexão criptografada), ou envie por outro provedor.
if-port-is-already-587-ab4adb1c = Se `port` já for `587`, espere alguns minutos e teste de novo: o servidor pode estar ocupado.
something-other-than-a-mail-ecd3aa22 = Algo que não é um servidor de e-mail respondeu nesta porta
the-answer-did-not-look-bf4a9935 = A resposta não parecia SMTP (a linguagem que os servidores de e-mail falam). A porta pode pertencer a um site ou a outro serviço, ou `host` pode apontar para outra máquina.
check-port-websites-send-mail-6058ee5d = Confira `port`: sites enviam e-mails pela porta `587` (às vezes `25`); portas como `80` e `443` são para sites, e `110`, `143`, `993` e `995` para ler e-mails.
check-host-against-your-provider-1e806a83 = Compare `host` com as instruções do seu provedor.
if-both-look-right-a-336a3e56 = Se os dois parecerem certos, um programa de segurança ou proxy nesta rede pode estar atrapalhando: pergunte a quem administra a rede.
the-mail-server-is-not-c6852973 = O servidor de e-mail não está aceitando esta conexão agora
the-server-answered-but-refused-f4bdb56e = O servidor respondeu, mas se recusou a atender esta conexão. Normalmente o servidor tem um problema temporário (manutenção ou sobrecarga), ou recusa o endereço de internet deste computador, por exemplo porque o endereço está em uma lista de bloqueio (uma lista de endereços conhecidos por spam).
if-it-keeps-happening-send-e9edadf6 = Se continuar acontecendo, envie a resposta do servidor (em "O que o servidor disse") ao seu provedor de e-mail e pergunte por que ele recusa a conexão.
check-host-and-port-a-5e76dfe7 = Confira `host` e `port`: um servidor destinado a receber e-mails pode se recusar a enviá-los.
the-server-closed-the-connection-30180e72 = O servidor fechou a conexão no meio da conversa
the-connection-ended-before-the-a43f6fed = A conexão terminou antes de o servidor acabar de responder. Servidores fazem isso quando algo na conexão não os agrada (tentativas demais, um endereço bloqueado, uma configuração de criptografia diferente da esperada), e as redes às vezes também derrubam conexões.
check-that-port-and-enablessl-b2b965b7 = Confira se `port` e `enableSsl` batem com as instruções do seu provedor (normalmente `587` com `enableSsl` como `true`).
if-it-keeps-happening-send-a1e930a1 = Se continuar acontecendo, envie a transcrição ao seu provedor de e-mail: a etapa em que parou mostra onde procurar.
the-server-stopped-answering-aaccd57c = O servidor parou de responder
the-server-accepted-the-connection-a1f81952 = O servidor aceitou a conexão, mas não respondeu a tempo. Ele pode estar sobrecarregado, ou um firewall (um filtro que bloqueia conexões) pode estar mantendo a conexão aberta sem deixar nada passar.
if-your-web-config-uses-60f26cb6 = Se o seu web.config usa a porta 465: o ASP.NET não consegue usá-la e fica esperando assim. Mude `port` para `587` e defina `enableSsl` como `true`.
if-it-always-stops-at-8cf935d8 = Se sempre parar na mesma etapa, envie a transcrição ao seu provedor de e-mail.
the-test-was-stopped-before-0d4af77e = O teste foi interrompido antes de terminar
the-test-was-cancelled-so-7a4af564 = O teste foi cancelado, então as etapas que não rodaram não têm resultado. Isso não diz nada sobre se as suas configurações funcionam.
press-send-test-email-to-82d3e493 = Clique em "Enviar e-mail de teste" para rodar o teste de novo.
your-website-could-not-connect-2abab1d3 = O seu site não conseguiu se conectar ao servidor de e-mail
the-program-gives-this-one-4964373a = O programa dá esta mesma mensagem para várias causas: um firewall (um filtro que bloqueia conexões) na empresa de hospedagem bloqueia a porta, nada escuta nessa porta, ou a configuração de criptografia não combina com a porta. A porta 25 é a mais bloqueada.
change-port-to-587-and-05b8a3c8 = Mude `port` para `587` e defina `enableSsl` como `true` (no PHPMailer: `Port = 587` e `SMTPSecure = 'tls'`).
check-that-host-is-exactly-b9f2e985 = Confira se `host` é exatamente o nome de servidor que o seu provedor informa.
ask-your-hosting-company-whether-3e97a686 = Pergunte à sua empresa de hospedagem se as conexões de envio de e-mail são permitidas, e em quais portas.
no-mail-server-is-set-2344fbac = Nenhum servidor de e-mail está definido
asp-net-found-no-host-5acadb75 = O ASP.NET não encontrou `host` na seção `<mailSettings>` do web.config (nem no código do site), então não sabe por qual servidor enviar.
add-host-to-the-network-473361fe = Adicione `host` ao elemento `<network>` no web.config, por exemplo `host="smtp.example.com"`.
check-that-mailsettings-sits-inside-b1a5f996 = Confira se `<mailSettings>` está dentro de `<system.net>` no web.config do site que envia os e-mails.
asp-net-waited-on-port-363e8bfc = O ASP.NET esperou na porta 465 por uma saudação que nunca vem
port-465-expects-encryption-from-540d0aa0 = A porta 465 espera criptografia desde o primeiro byte ("SSL ao conectar"), o que o enviador de e-mails do ASP.NET não consegue fazer: ele espera o servidor dizer olá até desistir com "The operation has timed out".
your-website-gave-up-waiting-1b764594 = O seu site desistiu de esperar pelo servidor de e-mail
the-operation-has-timed-out-366dd6df = "The operation has timed out." sem mais nada é a forma como o enviador de e-mails do ASP.NET diz que o servidor não terminou de responder dentro do tempo limite (100 segundos, a menos que `timeout` esteja definido). Na maioria das vezes, o servidor nem chegou a dizer olá: a porta espera criptografia desde o primeiro byte ("SSL ao conectar", porta 465), o que o enviador de e-mails do ASP.NET não consegue fazer.
if-port-is-465-change-c94da191 = Se `port` for `465`, mude para `587` e defina `enableSsl` como `true`.
otherwise-run-this-tester-with-10f4acc3 = Senão, rode este testador com as mesmas configurações: ele mostra a etapa em que o servidor para de responder.
the-program-that-sends-your-81bb5371 = O próprio programa que envia os seus e-mails cancelou o envio
the-operation-was-canceled-means-e40cc474 = "The operation was canceled" significa que o envio foi interrompido pelo próprio código do programa, e não recusado pelo servidor de e-mail: bibliotecas de e-mail do .NET como o MailKit dizem isso quando quem as chama cancela, por exemplo quando a requisição web que envia o e-mail termina antes ou o tempo limite do próprio aplicativo acaba. Isso ainda não diz nada sobre se as configurações de e-mail funcionam.
test-the-same-settings-with-74a36907 = Teste as mesmas configurações com este testador: ele mostra se o servidor as aceita.
if-the-test-works-ask-3b9483ea = Se o teste funcionar, pergunte ao seu desenvolvedor se o site cancela o envio cedo demais (um tempo limite curto, ou uma requisição que termina antes de o e-mail ser enviado).
this-is-the-server-for-cde919ef = Este é o servidor para ler e-mails, não o de enviar
the-port-answered-like-an-bc793875 = A porta respondeu como um servidor IMAP ou POP3: o servidor que um programa de e-mail usa para ler a caixa de e-mail. Um site envia pelo servidor SMTP, que tem a própria porta e muitas vezes o próprio nome (`smtp.` em vez de `imap.`, `pop.` ou `mail.`).
change-port-to-587-and-9103f925 = Mude `port` para `587` e defina `enableSsl` como `true`: a porta comum para envio.
if-it-still-fails-look-47a17eb2 = Se ainda falhar, procure o "servidor de saída (SMTP)" nas instruções do seu provedor e coloque esse nome em `host`.
the-server-accepted-the-connection-ee71a7a7 = O servidor aceitou a conexão, mas nunca respondeu
a-mail-server-greets-a-a2e73efe = Um servidor de e-mail cumprimenta uma nova conexão na hora. Este ficou em silêncio, também quando o teste começou com criptografia, então não está esperando SSL ao conectar: o servidor pode estar sobrecarregado, ou um firewall ou filtro no caminho mantém as conexões abertas sem deixar nada passar.
check-host-and-port-against-b14f8d04 = Compare `host` e `port` com as instruções do seu provedor para envio de e-mails (normalmente a porta `587`).
if-it-stays-silent-ask-069de325 = Se continuar em silêncio, pergunte à sua empresa de hospedagem se ela filtra as conexões de envio de e-mail (muitas mantêm a porta `25` aberta sem deixar nada passar).

## src/diagnosis/texts/oauth.rs

the-mail-server-refused-the-c36aa8ff = O servidor de e-mail recusou o token de login
oauth-means-signing-in-with-bde56524 = OAuth significa fazer login com um token da Microsoft ou do Google em vez de uma senha. O servidor recusou este token: ele pode estar expirado, ser destinado a outro serviço ou a outra caixa de e-mail, ou o app por trás dele talvez ainda não possa enviar e-mails.
get-a-new-token-and-beea9d01 = Obtenha um novo token e teste de novo (os tokens duram cerca de uma hora).
check-that-username-is-the-b1f08c04 = Confira se `userName` é a caixa de e-mail para a qual o token foi emitido.
check-the-app-s-permission-e05ab3e6 = Confira a permissão do app para enviar e-mails (Microsoft 365: SMTP.SendAsApp com consentimento do administrador, a entidade de serviço e a permissão da caixa de e-mail; Google: o escopo https://mail.google.com/).
this-server-does-not-offer-a3b68dfd = Este servidor não oferece login com token
the-server-offers-no-oauth-3a29dae0 = O servidor não oferece login OAuth (XOAUTH2 ou OAUTHBEARER) nesta conexão, então o token não foi enviado. Só alguns provedores aceitam tokens, principalmente o Microsoft 365 e o Google.
check-host-and-port-microsoft-ab58eb61 = Confira `host` e `port`: no Microsoft 365 é smtp.office365.com porta 587, no Google smtp.gmail.com porta 587, ambos com `enableSsl` ativado.
if-this-provider-takes-passwords-25d1840e = Se este provedor aceita senhas, escolha Senha como login e preencha `userName` e `password`.
the-token-was-not-sent-ff28ae63 = O token não foi enviado porque a conexão não está criptografada
anyone-on-the-way-could-026cb93d = Qualquer um no caminho poderia copiar um token enviado por uma conexão sem criptografia e enviar e-mails como você até ele expirar, então este teste nunca envia um token assim.
turn-enablessl-on-starttls-and-ce9fc4ee = Ative `enableSsl` (STARTTLS) e use a porta 587, depois teste de novo.
if-the-server-offers-no-4bbe69ad = Se o servidor não oferece criptografia em nenhuma porta, ele não pode aceitar login OAuth com segurança: peça ao seu provedor a porta criptografada dele.
microsoft-did-not-accept-the-3a160626 = A Microsoft não aceitou o segredo do cliente (client secret) do app
before-any-mail-is-sent-633411c0 = Antes de qualquer e-mail ser enviado, o app faz login na Microsoft com o ID do cliente e o segredo do cliente (a senha do app) para obter um token. A Microsoft recusou o segredo: ele foi digitado errado, expirou, ou o ID do segredo foi copiado em vez do valor dele.
in-the-microsoft-entra-admin-c9835d8e = No Microsoft Entra admin center, abra App registrations → o seu app → Certificates & secrets e crie um novo segredo do cliente.
copy-its-value-shown-only-697d91d8 = Copie o Value dele (mostrado só uma vez), não o Secret ID, e teste de novo com ele.
microsoft-does-not-know-this-75d6c55c = A Microsoft não conhece este app nesta organização
no-app-with-this-client-6d868a30 = Nenhum app com este ID do cliente está registrado na organização (locatário) que o teste consultou. Ou o ID do cliente foi digitado errado, ou o app está em outra organização.
copy-the-application-client-id-674ef97a = Copie de novo o Application (client) ID em App registrations → o seu app → Overview.
check-that-the-directory-tenant-64a4d76d = Confira se o Directory (tenant) ID na mesma página é o que o teste usa.
microsoft-does-not-know-this-3b3cd9cd = A Microsoft não conhece esta organização (locatário)
the-tenant-identifies-your-organisation-0a1f62ed = O locatário (tenant) identifica a sua organização na Microsoft: o Directory (tenant) ID dela ou um dos domínios dela. A Microsoft não encontrou nenhuma organização com esse nome.
copy-the-directory-tenant-id-3f371c4a = Copie o Directory (tenant) ID em App registrations → o seu app → Overview, ou use o domínio da sua organização (yourcompany.onmicrosoft.com).
the-app-may-not-send-9ca8eb09 = O app ainda não pode enviar e-mails: um administrador precisa aprová-lo
the-app-asked-for-permission-565125cd = O app pediu permissão para enviar e-mails, e ninguém com direitos de administrador aprovou (consentiu) essa permissão na sua organização ainda.
in-app-registrations-your-app-d480bf7d = Em App registrations → o seu app → API permissions, adicione Office 365 Exchange Online → Application permissions → SMTP.SendAsApp.
click-grant-admin-consent-a-0096d685 = Clique em "Grant admin consent" (um Global Administrator ou Privileged Role Administrator pode fazer isso) e teste de novo.
getting-a-sign-in-token-346be9e3 = Não foi possível obter um token de login do provedor
before-any-mail-is-sent-5a4041b2 = Antes de qualquer e-mail ser enviado, o teste pede um token ao serviço de login do provedor. Esse pedido falhou, então o servidor de e-mail nem foi contatado.
read-the-provider-s-message-c4926a58 = Leia a mensagem do provedor abaixo; ela diz o que não foi aceito.
check-the-tenant-client-id-423e50ed = Confira o locatário, o ID do cliente e o segredo do cliente e teste de novo.

## src/diagnosis/texts/sending.rs

the-server-will-not-pass-322f9063 = O servidor não vai repassar os seus e-mails para outros endereços
relaying-passing-mail-on-to-e7749b8a = O repasse (relaying: passar e-mails para endereços fora dos domínios do próprio servidor) só é permitido para usuários com login feito ou remetentes conhecidos, e esta conexão não contou como nenhum dos dois. Normalmente nenhum login aconteceu, ou a porta é destinada a receber e-mails, e não a enviá-los.
fill-in-username-usually-your-960bb2d1 = Preencha `userName` (normalmente o seu endereço de e-mail completo) e `password`, e defina `defaultCredentials` como `false`.
use-port-587-with-enablessl-87cafacb = Use `port` `587` com `enableSsl` como `true`.
if-your-hosting-company-lets-00fadcde = Se a sua empresa de hospedagem deixa sites enviarem sem senha, peça a ela para permitir o endereço do servidor em que o seu site roda.
the-server-will-not-send-6bfece32 = O servidor não vai enviar e-mails com este endereço de remetente
the-sender-address-from-must-34e8cbf7 = O endereço de remetente (`from`) precisa ser um com que a conta pode enviar: normalmente a caixa de e-mail com que você faz login, ou um endereço que o seu provedor verificou. Este não está nessa lista.
set-from-to-the-same-14aaa3c1 = Defina `from` com o mesmo endereço de `userName`.
or-ask-your-provider-or-5ba176df = Ou peça ao seu provedor ou administrador para permitir este endereço de remetente, por exemplo verificando-o ou concedendo a permissão "Send As" (Enviar como).
the-server-refused-the-address-99174203 = O servidor recusou o endereço para o qual o teste foi enviado
your-settings-got-through-but-8c28461a = As suas configurações passaram, mas o destinatário do teste foi recusado: o endereço pode não existir, ou a caixa de e-mail dele não pode receber e-mails agora. Isso diz respeito ao endereço de teste, não ao seu web.config.
check-the-send-the-test-55d34997 = Confira se o endereço em "Enviar o teste para" tem erros de digitação.
send-the-test-to-another-bc94762a = Envie o teste para outro endereço seu, por exemplo o que está em `from`.
the-server-refused-the-message-01dd6462 = O servidor recusou a própria mensagem
the-connection-and-sign-in-10c93ba1 = A conexão e o login funcionaram, mas a mensagem foi recusada: por exemplo, era grande demais, parecia spam, ou o domínio do remetente falhou nas verificações SPF ou DKIM (registros DNS que provam que um servidor pode enviar e-mails pelo seu domínio).
read-the-server-s-reply-830e27f9 = Leia a resposta do servidor abaixo: normalmente ela diz o motivo.
if-it-mentions-spf-dkim-4056d896 = Se ela mencionar SPF, DKIM ou DMARC, peça a quem gerencia o DNS do seu domínio para adicionar os registros que o seu provedor de e-mail indica.
to-see-whether-the-domain-caf4671e = Para ver se o domínio é a causa, defina `from` com um endereço do próprio domínio do seu provedor de e-mail e teste de novo.
this-mail-account-is-blocked-d848b535 = Esta conta de e-mail está bloqueada para envio
the-provider-has-stopped-this-11d4a609 = O provedor impediu esta conta de enviar, muitas vezes depois de notar uma atividade incomum, como spam enviado com uma senha roubada. Só o provedor ou o seu administrador podem tirar o bloqueio.
sign-in-to-your-webmail-e8982548 = Entre no seu webmail e procure uma mensagem sobre uma conta bloqueada ou restrita.
change-the-account-s-password-ac418634 = Mude a senha da conta (outra pessoa pode conhecê-la) e coloque a nova em `password`.
ask-your-provider-or-administrator-2b83a423 = Peça ao seu provedor ou administrador para tirar o bloqueio de envio (no Microsoft 365: Defender → Restricted entities).
the-server-asks-to-slow-8249af09 = O servidor pede para ir mais devagar e tentar de novo mais tarde
providers-limit-how-much-mail-f9900a0a = Os provedores limitam quantos e-mails uma conta ou um endereço de internet pode enviar em um dado período. Esse limite foi atingido, ou o servidor está sendo cauteloso com esta conexão por um tempo; isso se resolve sozinho.
wait-15-to-60-minutes-07d89075 = Espere de 15 a 60 minutos e teste de novo.
if-your-website-sends-a-32eaf05a = Se o seu site envia muitos e-mails, confira os limites de envio do seu provedor ou use um serviço de envio feito para grandes volumes.
set-clientdomain-to-your-website-fae63d04 = Defina `clientDomain` como o nome de domínio completo do seu site (por exemplo `www.example.com`): alguns servidores desconfiam de computadores que se apresentam como `localhost`.
the-server-asked-to-send-503e5275 = O servidor pediu para enviar de novo daqui a alguns minutos (greylisting)
some-servers-turn-away-the-f3e0dc99 = Alguns servidores recusam de propósito a primeira mensagem de um remetente que ainda não conhecem e a aceitam quando ela chega de novo alguns minutos depois: isso se chama greylisting, e não há nada de errado com as suas configurações nem com o endereço. Mas o ASP.NET não envia de novo sozinho: uma mensagem recusada assim se perde, a menos que o seu site tente de novo.
test-again-in-5-to-3f46aedd = Teste de novo daqui a 5 a 15 minutos: ela deve ser aceita.
for-mail-that-matters-orders-40efb6b9 = Para e-mails importantes (pedidos, redefinições de senha), envie pelo servidor do seu provedor com login (porta `587`): e-mails de remetentes com login feito não passam por greylisting.
or-make-the-website-try-b16fc931 = Ou faça o site tentar de novo quando o envio falhar (uma fila, ou uma nova tentativa depois de alguns minutos).
your-account-has-used-up-20d9b0fd = A sua conta esgotou a cota de envio
the-provider-limits-how-much-f1851918 = O provedor limita quantos e-mails uma conta pode enviar por dia ou por mês (ou os vende como créditos), e esta conta atingiu o limite. Esperar alguns minutos não vai ajudar: ele é renovado em até um dia, no início do próximo período ou quando o plano é ampliado.
wait-until-the-limit-resets-6a52ebd9 = Espere o limite ser renovado (normalmente 24 horas; num plano mensal, o mês seguinte) e teste de novo.
check-that-your-website-is-39b0b049 = Confira se o seu site não está enviando muito mais do que deveria: um formulário de contato usado por spammers pode esgotar qualquer cota.
if-your-website-really-needs-083b7d6f = Se o seu site realmente precisa de mais, peça ao provedor um limite maior ou envie por um serviço feito para sites (SendGrid, Mailgun, Amazon SES, Brevo).
the-server-had-a-temporary-10581399 = O servidor teve um problema temporário
the-server-answered-with-a-0008d626 = O servidor respondeu com um código de "tente de novo mais tarde" (um que começa com 4), o que significa que o problema deve se resolver sem nenhuma mudança do seu lado.
if-it-keeps-happening-send-0dc4deb9 = Se continuar acontecendo, envie a resposta do servidor ao seu provedor de e-mail.
meanwhile-keep-host-port-and-f176ef63 = Enquanto isso, mantenha `host`, `port` e `enableSsl` como estão.
we-don-t-recognise-this-718ec519 = Não reconhecemos este problema
the-test-stopped-with-a-fda2c04f = O teste parou com uma mensagem que ainda não sabemos explicar. Os detalhes mostram exatamente o que o servidor ou este computador disse.
look-in-the-server-s-cd1cf764 = Procure na resposta do servidor um código como `535` ou `5.7.8` e um motivo curto, e envie-os ao seu provedor de e-mail.
check-host-port-and-enablessl-dce5d8be = Compare `host`, `port` e `enableSsl` com as instruções do seu provedor.
save-the-report-it-leaves-9e9a3053 = Salve o relatório (ele não inclui a sua senha) e envie-o ao suporte da sua empresa de hospedagem.
sending-failed-and-this-part-b5549368 = O envio falhou, e esta parte da mensagem não diz por quê
failure-sending-mail-is-only-5e94f296 = "Failure sending mail" é só a mensagem externa: o motivo está na exceção interna que vem depois dela (depois de "--->") no log de erros completo.
copy-the-whole-error-including-0a4fa195 = Copie o erro inteiro, incluindo as linhas depois de "--->", e cole-o aqui de novo.
or-run-the-test-in-cd3c3210 = Ou rode o teste neste programa com as mesmas configurações: ele mostra exatamente a etapa que falha.
meanwhile-check-host-port-and-b6ee72c6 = Enquanto isso, compare `host`, `port` e `enableSsl` com as instruções do seu provedor.
we-don-t-recognise-this-689d3f81 = Não reconhecemos esta mensagem
it-contains-no-mail-server-31c9c54f = Ela não contém nenhum código de resposta de servidor de e-mail (como `535` ou `5.7.8`) nem nenhum erro que conhecemos do ASP.NET, PHPMailer, Nodemailer, Python ou MailKit.
paste-the-whole-error-including-72e71f75 = Cole o erro inteiro, incluindo as linhas depois de "--->" ou "Caused by": a causa muitas vezes está no final.
look-for-a-three-digit-50926ef1 = Procure um código de três dígitos que comece com 4 ou 5 (como `550`) ou um código como `5.7.1`, e as palavras depois dele: esse é o motivo do servidor.
or-run-the-test-in-98479cfe = Ou rode o teste neste programa com os seus `host`, `port` e `enableSsl`: ele mostra exatamente a etapa que falha.
this-account-may-sign-in-debe5d24 = Esta conta só pode fazer login a partir dos endereços que o provedor dela lista
the-provider-lets-this-account-8646e994 = O provedor só deixa esta conta fazer login a partir dos endereços de internet (endereços IP) listados nas configurações dela, e o endereço de onde veio esta tentativa não está entre eles. A senha nem chegou a ser verificada.
in-your-mail-provider-s-50eeb67e = No painel de controle do seu provedor de e-mail, abra as configurações SMTP da conta e encontre a lista de endereços IP permitidos.
add-your-web-server-s-7d9995ed = Adicione o endereço IP público do seu servidor web (a sua empresa de hospedagem pode dizer qual é).
to-run-this-tester-from-3402b27a = Para rodar este testador também a partir de outro computador, adicione o endereço desse computador também, ou peça ao seu provedor para tirar a restrição.
your-website-could-not-read-f7b4fedd = O seu site não conseguiu ler um dos endereços de e-mail
the-specified-string-is-not-8907296d = "The specified string is not in the form required for an e-mail address" vem do próprio ASP.NET, antes de qualquer servidor de e-mail ser contatado: o endereço `from`, ou um endereço que o site coloca em Para, Cc ou Cco, tem um erro de digitação (falta um @, há um espaço, dois endereços em um campo).
check-from-in-web-config-26d1a3fb = Confira `from` no web.config: um endereço como `info@example.com` (um nome pode vir antes: `Loja <info@example.com>`).
if-from-is-right-the-a6e15de4 = Se `from` estiver certo, o endereço vem do próprio site (um formulário que um visitante preencheu, ou uma configuração do site): peça ao seu desenvolvedor para verificar os endereços antes de enviar.
the-server-refused-and-your-051e3698 = O servidor recusou, e o log do seu site não diz por quê
syntax-error-command-unrecognized-is-23a7ab1e = "Syntax error, command unrecognized." é o que o enviador de e-mails do ASP.NET escreve para qualquer resposta de servidor cujo código ele não sabe nomear (o 535 de uma senha recusada, por exemplo). Sem as próprias palavras do servidor depois disso, o log não consegue dizer qual configuração está errada.
if-the-log-goes-on-c96ac828 = Se o log continuar com "The server response was:", cole essa linha também.
run-the-test-here-with-8c3a56a5 = Rode o teste aqui com as mesmas configurações: ele mostra a resposta do servidor palavra por palavra e o que ela significa.
an-address-has-letters-asp-508530c0 = Um endereço tem letras que o ASP.NET só envia com uma configuração
the-client-or-server-is-874f1000 = "The client or server is only configured for E-mail addresses with ASCII local-parts" significa que o endereço citado no final tem letras fora do alfabeto inglês simples antes do @ (como ö ou é). O ASP.NET só envia esses endereços com `deliveryFormat="International"`, e só por um servidor de e-mail que ofereça SMTPUTF8 (o padrão para endereços internacionais).
if-the-address-is-from-d8b5febf = Se o endereço for o de `from`, use um com letras simples antes do @.
if-it-is-a-customer-30b90862 = Se for o endereço de um cliente, adicione `deliveryFormat="International"` a `<smtp>` no web.config (.NET Framework 4.5 ou mais recente) e rode o teste aqui para verificar se o seu servidor de e-mail oferece SMTPUTF8.

## src/diagnosis/texts/tls.rs

the-server-wants-an-encrypted-bcbb2dd1 = O servidor quer uma conexão criptografada
the-server-will-not-go-b13a1048 = O servidor não vai continuar até que a conexão seja criptografada com STARTTLS (a forma como um servidor de e-mail passa para uma conexão criptografada). No web.config, `enableSsl="true"` ativa isso.
use-port-587-the-usual-d29b1fcf = Use `port` `587` (a porta comum para enviar a partir de sites), a menos que o seu provedor diga outra coisa.
the-server-does-not-offer-345a167c = O servidor não oferece uma conexão criptografada nesta porta
with-enablessl-on-asp-net-bc209598 = Com `enableSsl` ativado, o ASP.NET pede STARTTLS (a forma como um servidor de e-mail passa para uma conexão criptografada), e este servidor não o ofereceu, então o ASP.NET para com "Server does not support secure connections". Normalmente a porta ou o servidor não é o servidor de envio do provedor, ou a criptografia do servidor não está configurada.
check-host-and-port-against-3146a584 = Compare `host` e `port` com as instruções do seu provedor; se `port` for `25`, tente `587`.
ask-your-mail-provider-whether-e9b014ae = Pergunte ao seu provedor de e-mail se este servidor aceita STARTTLS, e em qual porta.
turning-enablessl-off-would-send-df98f72a = Desativar `enableSsl` faria a sua senha ser enviada sem criptografia (legível para qualquer um no caminho): só considere isso se o seu provedor confirmar que o servidor está na sua própria rede privada.
this-port-starts-unencrypted-and-8eab0593 = Esta porta começa sem criptografia e passa para a criptografia depois
one-side-started-encrypting-straight-ebbd67b5 = Um lado começou a criptografar logo de cara ("SSL ao conectar"), enquanto o outro esperava primeiro texto sem criptografia e depois a passagem com STARTTLS (a forma como um servidor de e-mail passa para uma conexão criptografada). Os dois jeitos não se misturam, então o handshake (a troca que prepara a criptografia) falhou.
keep-this-port-and-set-14145fd0 = Mantenha esta porta e defina `enableSsl` como `true` (em outros programas, escolha "STARTTLS" ou "TLS" em vez de "SSL").
or-in-programs-other-than-6eb280ba = Ou, em programas que não sejam o ASP.NET, mantenha "SSL" e mude a porta para `465`, se o seu provedor aceitar.
the-encrypted-connection-could-not-38a20e5a = Não foi possível estabelecer a conexão criptografada
the-handshake-the-exchange-that-d77564bd = O handshake (a troca que prepara a criptografia) falhou. Motivos comuns: um servidor que só conhece versões antigas de criptografia (TLS 1.0 ou 1.1, que os programas modernos recusam), um servidor com a criptografia mal configurada, ou um programa de segurança neste computador que interfere nas conexões criptografadas.
test-again-in-a-few-b2d0d9dc = Teste de novo daqui a alguns minutos: alguns servidores têm problemas de criptografia passageiros.
send-the-transcript-to-your-6a58275d = Envie a transcrição ao seu provedor de e-mail e pergunte se o servidor aceita TLS 1.2 ou mais recente.
if-this-computer-runs-antivirus-bc7e4c13 = Se este computador roda um antivírus que verifica e-mails, pause a verificação de e-mails dele durante um teste, ou pergunte ao fabricante.
the-server-s-encryption-is-47c71bd6 = A criptografia do servidor não está funcionando agora
the-server-offers-starttls-the-a70908db = O servidor oferece STARTTLS (a forma como um servidor de e-mail passa para uma conexão criptografada), mas se recusou a iniciá-lo, dizendo que a criptografia não está disponível: um problema no servidor, normalmente passageiro (o certificado dele não pôde ser carregado). As suas configurações estão certas.
if-it-lasts-tell-your-775241a7 = Se continuar, avise o seu provedor de e-mail que o servidor responde ao STARTTLS com "TLS not available" (a transcrição mostra as palavras exatas).
do-not-switch-encryption-off-f58feb01 = Não desative a criptografia para contornar isso: a sua senha passaria pela rede legível para qualquer um no caminho.
the-mail-server-only-knows-f8184d45 = O servidor de e-mail só conhece criptografia ultrapassada (TLS 1.0 ou 1.1)
the-server-offered-only-tls-91482b71 = O servidor só ofereceu TLS 1.0 ou 1.1, versões de criptografia de 1999 e 2006 que não são mais seguras. Este teste as recusa, como todo programa atualizado, e os provedores de e-mail e a Microsoft as desativaram. O seu site talvez ainda consiga se conectar hoje, se o servidor Windows dele permitir TLS 1.0, mas isso está acabando: o servidor precisa ser atualizado.
ask-your-mail-provider-or-b5203011 = Peça ao seu provedor de e-mail ou empresa de hospedagem para ativar TLS 1.2 ou mais recente no servidor de e-mail (qualquer software de servidor dos últimos dez anos consegue).
or-send-through-a-provider-361887b5 = Ou envie por um provedor cujo servidor aceite TLS 1.2: mude `host` (e `port`) para o servidor dele.
until-then-do-not-switch-9755bfec = Até lá, não desative a criptografia para fazer funcionar: a senha passaria pela rede legível para qualquer um no caminho.
once-the-web-server-s-9cd19b68 = Quando o Windows do servidor web desativar o TLS 1.0, o log de erros do seu site vai dizer "A call to SSPI failed, see inner exception." ("The client and server cannot communicate, because they do not possess a common algorithm"): a mesma correção vale.
the-server-s-security-certificate-04fd7a4d = O certificado de segurança do servidor é de outro nome de servidor
a-certificate-the-server-s-dd0086e8 = Um certificado (a prova de identidade do servidor) lista os nomes para os quais é válido, e o nome em `host` não está entre eles. Isso é comum em hospedagem compartilhada, em que o certificado traz o nome do servidor da empresa de hospedagem, e não o seu domínio.
change-host-to-a-name-ee8ec06c = Mude `host` para um nome para o qual o certificado seja válido (o painel de controle da sua hospedagem normalmente o mostra como o nome do servidor de e-mail).
if-the-name-must-stay-880e7635 = Se o nome precisar ficar, peça à sua empresa de hospedagem para adicioná-lo ao certificado.
the-server-s-security-certificate-354d75d4 = O certificado de segurança do servidor não é confiável
the-certificate-the-server-s-4ec64fb5 = O certificado (a prova de identidade do servidor) não é garantido por nenhuma autoridade em que este computador confia. Ele pode ser autoassinado (criado pelo servidor para si mesmo), o servidor pode estar deixando de fora o certificado intermediário que o liga a uma autoridade confiável, ou um programa de segurança nesta rede pode estar substituindo-o.
ask-your-mail-provider-or-232ac121 = Peça ao seu provedor de e-mail ou empresa de hospedagem para instalar um certificado de uma autoridade pública (por exemplo, Let's Encrypt), incluindo o certificado intermediário dele.
if-the-server-belongs-to-8f76e621 = Se o servidor pertence à sua própria organização e usa uma autoridade privada, informe ao teste o certificado dessa autoridade em "Arquivo de CA extra", em Avançado (`--ca-file` na linha de comando); o servidor que roda o seu site também precisa confiar nele.
or-change-host-to-the-8c9dc251 = Ou mude `host` para o nome de servidor que o seu provedor recomenda: normalmente ele tem um certificado válido.
the-server-s-security-certificate-d63d22af = O certificado de segurança do servidor expirou
a-certificate-the-server-s-572e2148 = Um certificado (a prova de identidade do servidor) só é válido por um período definido, e este está fora dele. Os programas de e-mail, inclusive o ASP.NET, recusam um servidor assim para manter a sua senha segura.
tell-your-mail-provider-or-98ff1f18 = Avise o seu provedor de e-mail ou empresa de hospedagem que o certificado do servidor de e-mail expirou; só eles podem renová-lo.
check-that-this-computer-s-216e1f80 = Confira se a data e a hora deste computador estão certas: um relógio errado faz certificados válidos parecerem expirados.
the-server-s-security-certificate-45756667 = O certificado de segurança do servidor ainda não é válido
a-certificate-the-server-s-e8a30f57 = Um certificado (a prova de identidade do servidor) só é válido a partir de uma data definida, e pelo relógio deste computador essa data ainda não chegou. Normalmente o relógio deste computador está errado; mais raramente, o servidor tem um certificado com data no futuro.
check-that-this-computer-s-0e843109 = Confira se a data, a hora e o fuso horário deste computador estão certos e teste de novo.
if-the-clock-is-right-8f493c61 = Se o relógio estiver certo, avise o seu provedor de e-mail que o certificado do servidor de e-mail ainda não é válido.
the-server-wants-an-encrypted-fa383e8e = O servidor quer uma conexão criptografada ou um login
asp-net-shows-this-message-0837b825 = O ASP.NET mostra esta mensagem para duas recusas diferentes: o servidor quer criptografia com STARTTLS (a forma como um servidor de e-mail passa para uma conexão criptografada), ou quer um login antes. As próprias palavras do servidor depois de "The server response was:" dizem qual.
set-enablessl-to-true-and-8c899e5c = Defina `enableSsl` como `true` e use `port` `587`.
test-again-if-it-still-548726f4 = Teste de novo; se ainda falhar, a resposta do servidor diz qual dos dois está faltando.
your-website-and-the-mail-074c2270 = O seu site e o servidor de e-mail não encontraram nenhuma versão de criptografia que os dois falem
the-remote-party-has-closed-5bd76f7e = "The remote party has closed the transport stream" e "do not possess a common algorithm" significam que o handshake de criptografia falhou antes de qualquer coisa ser enviada. Os servidores de e-mail hoje só aceitam TLS 1.2 ou mais recente, enquanto sites .NET Framework voltados para a versão 4.5.2 ou anterior só oferecem TLS 1.0 por padrão: a causa comum.
check-targetframework-in-web-config-52086986 = Confira `targetFramework` no web.config (`<httpRuntime targetFramework="…" />`): se for 4.5.2 ou menor, escreva `<httpRuntime targetFramework="4.8" />` (o .NET Framework 4.8 precisa estar instalado no servidor web; a sua hospedagem pode dizer).
or-have-your-developer-add-de3780a8 = Ou peça ao seu desenvolvedor para adicionar `ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;` onde o site inicia.
if-the-site-already-targets-957e6eff = Se o site já é voltado para a versão 4.7 ou mais recente, rode o teste aqui com as mesmas configurações: ele mostra se o próprio servidor tem um problema com a criptografia.

## src/discover/autoconfig.rs

the-file-names-no-outgoing-da3cda86 = o arquivo não indica nenhum servidor SMTP de saída
tls-set-up-failed-err-0e784387 = a preparação do TLS falhou ({ $err })
could-not-set-up-the-7a58deaf = não foi possível preparar o download ({ $err })
the-web-server-answered-status-bb1a36ee = o servidor web respondeu { $status }
the-file-is-far-too-8ea85755 = o arquivo é grande demais para um arquivo autoconfig
no-answer-in-time-132d9f04 = nenhuma resposta a tempo
could-not-connect-87553579 = não foi possível conectar
the-download-failed-6b35b8c9 = o download falhou
no-answer-in-time-cause-dd991151 = nenhuma resposta a tempo: { $cause }
could-not-connect-cause-d51a1172 = não foi possível conectar: { $cause }
the-download-failed-cause-7b220fc2 = o download falhou: { $cause }

## src/discover/mod.rs

this-computer-s-dns-settings-df57410c = as configurações de DNS deste computador
cancelled-before-a-usable-server-e60f4d58 = Cancelado antes de encontrar um servidor utilizável.

## src/discover/model.rs

the-host-you-gave-b4172f6e = o host que você informou
srv-record-submission-tcp-fd4f9e08 = registro SRV _submission._tcp
srv-record-submissions-tcp-6f770ec3 = registro SRV _submissions._tcp
provider-recognised-from-mx-6cfcf862 = provedor reconhecido pelo MX
autoconfig-file-74e867c6 = arquivo autoconfig
mx-record-7aaa82a5 = registro MX
usual-name-8ddec150 = nome comum
dns-settings-dc95a679 = configurações de DNS
nothing-527dae8a = nada
open-d35ec4c9 = aberta
refused-60acd1e3 = recusada
timed-out-9a0e1624 = sem resposta a tempo
name-not-found-b063b887 = nome não encontrado
unreachable-d89e21f1 = inacessível
cancelled-845df81c = cancelado

## src/discover/probe.rs

host-has-no-address-detail-775916bb = { $host } não tem endereço: { $detail }

## src/discover/rank.rs

internet-providers-and-cloud-hosts-c4d8c14d = Provedores de internet e de nuvem muitas vezes bloqueiam a saída pela porta 25 (e às vezes pelas 465 e 587). Esta verificação rodou a partir deste computador: o servidor em que o seu site roda pode ter bloqueios diferentes, então, se o site ainda não conseguir se conectar, pergunte à hospedagem dele se ela bloqueia as portas de envio de e-mail.
found-through-the-source-c322eaae = Encontrado por meio de: { $source }.
host-answers-but-its-certificate-58712b2f = { $host } responde, mas o certificado dele é de { $name }, então a conexão criptografada falharia. Use { $name } como host (rode `mailtester probe --host { $name }` para verificá-lo).
the-only-secure-server-found-5b1b0033 = O único servidor seguro encontrado usa SSL ao conectar (porta 465), que o System.Net.Mail do ASP.NET não consegue usar. Peça ao seu provedor de e-mail um servidor com STARTTLS na porta 587, ou use um serviço de envio de e-mails.
no-server-answered-on-any-1152159c = Nenhum servidor respondeu em nenhuma porta a partir deste computador. Confira o endereço ou tente a partir de outra rede: esta pode bloquear as portas de envio de e-mail.
no-server-offered-an-encrypted-3a856083 = Nenhum servidor ofereceu uma conexão criptografada com um login que o seu site possa usar. Pergunte ao seu provedor de e-mail qual servidor de saída (SMTP), porta e segurança usar.
this-name-does-not-exist-3844c68d = Este nome não existe no DNS.
not-finished-cancelled-052fcd59 = Não concluído: cancelado.
port-port-refused-the-connection-78196336 = A porta { $port } recusou a conexão: nada recebe e-mails ali.
no-answer-on-port-port-f2d9fb6a = Nenhuma resposta na porta { $port }: ela está bloqueada no caminho, ou o servidor a ignora.
could-not-reach-port-port-e626ab15 = Não foi possível alcançar a porta { $port } a partir deste computador.
port-port-accepts-connections-but-c44f4dbc = A porta { $port } aceita conexões, mas nunca cumprimenta como um servidor de e-mail.
port-port-wants-ssl-on-08854b61 = A porta { $port } quer SSL ao conectar, o que o ASP.NET (System.Net.Mail) não consegue fazer; nunca a use no web.config.
unencrypted-enablessl-false-this-server-4741a147 = Sem criptografia (enableSsl="false"): este servidor oferece STARTTLS, então mantenha o SSL ativado.
unencrypted-with-no-sign-in-dd28ec6f = Sem criptografia e sem login oferecido: só um relay (servidor de repasse) que conheça o endereço do seu servidor aceitaria e-mails aqui.
unencrypted-the-password-would-cross-99107547 = Sem criptografia: a senha passaria pela rede legível para qualquer um no caminho; use STARTTLS no lugar.
no-certificate-6f3ef809 = nenhum certificado
certificate-trusted-9c31dd2b = certificado confiável
the-certificate-is-for-name-3c436d2f = o certificado é de { $name }, não de { $host }: use { $name } como host
the-certificate-is-not-for-5c16eb77 = o certificado não é de { $host }
the-certificate-has-expired-a80ab172 = o certificado expirou
the-certificate-is-not-from-dace93b1 = o certificado não é de uma autoridade confiável
the-certificate-is-not-valid-fd6b02ae = o certificado não é válido
what-accepted-because-invalid-certificat-654eb2c8 = { $what } (aceito porque certificados inválidos estão permitidos)

## src/discover/reasons.rs

ssl-on-connect-on-port-8381ea47 = SSL ao conectar na porta { $port } falhou: { $problem }
starttls-on-port-port-failed-b828dcbf = STARTTLS na porta { $port } falhou: { $problem }
ssl-on-connect-on-port-6006be8e = SSL ao conectar na porta { $port } funciona, mas { $what }.
starttls-on-port-port-works-0c771c86 = STARTTLS na porta { $port } funciona, mas { $what }.
ssl-on-connect-on-port-60ce1025 = SSL ao conectar na porta { $port } funciona ({ $certificate }), mas nenhum login é oferecido: só um relay (servidor de repasse) que conheça o endereço do seu servidor aceitaria e-mails.
starttls-on-port-port-works-f984c06d = STARTTLS na porta { $port } funciona ({ $certificate }), mas nenhum login é oferecido: só um relay (servidor de repasse) que conheça o endereço do seu servidor aceitaria e-mails.
ssl-on-connect-on-port-90b0d615 = SSL ao conectar na porta { $port } funciona, mas só faz login com { $offered }, e o ASP.NET faz login com LOGIN.
starttls-on-port-port-works-d8016efd = STARTTLS na porta { $port } funciona, mas só faz login com { $offered }, e o ASP.NET faz login com LOGIN.
ssl-on-connect-on-port-93cce076 = SSL ao conectar na porta { $port } com login ({ $offered }) depois da criptografia, { $certificate }.
starttls-on-port-port-with-70b23d3e = STARTTLS na porta { $port } com login ({ $offered }) depois da criptografia, { $certificate }.

## src/discover/request.rs

given-is-not-an-email-aba196ff = "{ $given }" não é um endereço de e-mail nem um nome de servidor que possamos pesquisar; informe um como --email voce@example.com ou --host mail.example.com
could-not-use-the-certificate-48b99cc8 = não foi possível usar o arquivo de certificado ({ $detail }); informe um arquivo PEM ou DER (.cer) com --ca-file: { $path }

## src/discover/run.rs

built-in-roots-418ee249 = (raízes embutidas)
autoconfig-for-domain-b5ed5741 = autoconfig de { $domain }
no-answer-from-dns-in-36c18acb = nenhuma resposta do DNS a tempo
no-address-690ce026 = nenhum endereço

## src/discover/sources.rs

the-mx-hosts-against-the-97badb2f = os hosts MX comparados com a tabela de provedores
no-known-provider-runs-these-45681bfb = nenhum provedor conhecido opera estes hosts MX
the-usual-names-for-domain-e2a756b7 = os nomes comuns para { $domain }
no-such-record-f2abe916 = registro inexistente

## src/dns.rs

could-not-read-this-computer-ef192af0 = não foi possível ler as configurações de DNS deste computador ({ $detail }); indique um servidor DNS com --dns-server, por exemplo --dns-server 1.1.1.1:53
could-not-set-up-dns-dc830dd9 = não foi possível preparar as consultas DNS ({ $detail }); confira --dns-server
could-not-read-all-of-2aebf030 = não foi possível ler todas as configurações de DNS deste computador ({ $error }); usando os servidores DNS públicos { $servers }. Indique outro na configuração Servidor DNS (--dns-server).
could-not-read-all-of-8d6abebb = não foi possível ler todas as configurações de DNS deste computador ({ $error }); usando os outros servidores DNS dele ({ $servers }). Indique outro na configuração Servidor DNS (--dns-server).
text-is-not-an-ip-3e862c8c = "{ $text }" não é um endereço IP com porta opcional, como 1.1.1.1:53

## src/event.rs

resolve-host-96e6a1b3 = resolução do host
connect-aae0ccf9 = conexão
tls-handshake-8af0d15f = handshake TLS
greeting-d4edbfb6 = saudação
sign-in-auth-c6f2a51c = login (AUTH)
connect-db89a899 = Conectar
secure-connection-03f2ee68 = Conexão criptografada
sign-in-744be623 = Login
send-message-d97db31c = Enviar a mensagem
t-1-ms-94c7ac32 = <1 ms
ms-ms-f79070b7 = { $ms } ms

## src/files.rs

it-is-not-a-regular-f71db6cc = não é um arquivo comum

## src/fleet/iis.rs

line-line-column-column-problem-e86e7c22 = linha { $line }, coluna { $column }: { $problem }
line-line-column-column-23009a9d = linha { $line }, coluna { $column }
the-file-could-not-be-08983729 = não foi possível ler o arquivo
iis-s-list-of-sites-26e20999 = não foi possível ler a lista de sites do IIS: { $err }
iis-site-name-its-folder-f50c08fe = Site do IIS "{ $name }": a pasta dele cita { $variable }, que não está definida aqui
iis-site-name-its-folder-8d62d056 = Site do IIS "{ $name }": a pasta dele é um caminho do Windows, que não pode ser aberto aqui; rode a varredura no próprio servidor Windows
iis-site-name-its-folder-d89eb25d = Site do IIS "{ $name }": a pasta dele não existe

## src/fleet/judge.rs

the-server-answered-as-this-ad49dbb9 = O servidor respondeu como este site precisa; nada encontrado impede os e-mails dele.
this-website-s-mail-program-1a7b3381 = o programa de e-mail deste site
port-465-expects-ssl-on-af8f9883 = A porta 465 espera SSL ao conectar, o que o ASP.NET não consegue fazer: ele vai esperar uma saudação que nunca vem
nothing-in-the-files-stops-d06c6341 = Nada nos arquivos impede o envio; o servidor não foi contatado (--offline).

## src/fleet/model.rs

the-mail-settings-are-encrypted-a053936c = as configurações de e-mail estão criptografadas (aspnet_regiis -pe); descriptografe-as no servidor para verificá-las
the-file-could-not-be-695620a2 = não foi possível ler o arquivo como { $what }: { $detail }
the-file-could-not-be-576c03c8 = não foi possível abrir o arquivo: { $arg0 }
the-file-is-0-bytes-1ce04a19 = o arquivo tem { $arg0 } bytes, grande demais para um arquivo de configuração; ignorado
the-file-holds-binary-data-062499d0 = o arquivo contém dados binários, não texto; ignorado

## src/fleet/read/appsettings.rs

the-mail-section-s-port-af08395b = a porta da seção de e-mail não é um número inteiro
securesocketoptions-is-not-one-of-8884005f = SecureSocketOptions não é um destes: None, Auto, SslOnConnect, StartTls, StartTlsWhenAvailable (ou 0 a 4)
the-mail-section-s-ssl-6926e20b = a chave de SSL da seção de e-mail não é true nem false
the-file-ends-inside-a-4c672aa5 = o arquivo termina no meio de um valor (um colchete ou uma aspa não foi fechado)
this-is-not-valid-json-d2ad7323 = isto não é um JSON válido (falta uma vírgula, aspa ou colchete?)
line-line-a-comment-starts-d2dcdf02 = linha { $line }: um comentário /* começa aqui e nunca é fechado

## src/fleet/read/dotenv.rs

mail-scheme-must-be-smtp-12aa34e8 = MAIL_SCHEME precisa ser smtp ou smtps: o Laravel recusa qualquer outro valor e não envia nenhum e-mail (para SSL ao conectar, escreva smtps ou use a porta 465)
mail-port-is-not-a-878b9e36 = MAIL_PORT não é um número inteiro
mailer-dsn-is-empty-in-0c586ff2 = MAILER_DSN está vazio neste arquivo .env: o servidor de e-mail em uso é definido em .env.local (ou .env.prod.local) ou no ambiente do servidor
key-in-the-env-file-46fc61eb = { $key } no arquivo .env pega o valor de outra variável, que o arquivo não define: ele vem do ambiente do servidor (as configurações do servidor web ou do PHP); confira ali
key-in-the-env-file-bbcf231a = { $key } no arquivo .env pega o valor de { $variable }, que o arquivo não define: ele vem do ambiente do servidor (as configurações do servidor web ou do PHP); confira ali
line-line-not-a-name-c3f707ea = linha { $line }: não é uma linha NOME=valor (confira as aspas; um valor com espaços precisa de aspas)

## src/fleet/read/dotenv_dsn.rs

key-names-several-mail-servers-49d562aa = { $key } cita vários servidores de e-mail (failover ou roundrobin): verifique cada um separadamente
key-is-not-a-mail-c141a1af = { $key } não é um endereço de servidor de e-mail que o Symfony Mailer aceite (não tem esquema como smtp://); a forma é smtp://usuario:senha@host:porta
key-is-not-a-mail-597b5d63 = { $key } não é um endereço de servidor de e-mail que o Symfony Mailer aceite (não indica nenhum host); a forma é smtp://usuario:senha@host:porta
key-is-not-a-mail-959f07e4 = { $key } não é um endereço de servidor de e-mail que o Symfony Mailer aceite (a porta não é um número inteiro); a forma é smtp://usuario:senha@host:porta

## src/fleet/read/webconfig.rs

the-mail-settings-are-kept-ac312744 = as configurações de e-mail estão em "{ $source }" (configSource), que não existe
the-mail-settings-are-kept-34535e3f = as configurações de e-mail estão em "{ $source }" (configSource), que não indica nenhum arquivo; ele precisa indicar um arquivo ao lado do web.config ou numa pasta abaixo dele
the-mail-settings-are-kept-27850fc0 = as configurações de e-mail estão em "{ $source }" (configSource), um caminho absoluto, que não é lido; ele precisa indicar um arquivo ao lado do web.config ou numa pasta abaixo dele
the-mail-settings-are-kept-ca9f69a5 = as configurações de e-mail estão em "{ $source }" (configSource), que fica fora da pasta do site; ele precisa indicar um arquivo ao lado do web.config ou numa pasta abaixo dele
the-mail-settings-are-kept-31a5b4e0 = as configurações de e-mail estão em "{ $source }" (configSource), que leva para fora da pasta do site (um link simbólico); ele precisa indicar um arquivo ao lado do web.config ou numa pasta abaixo dele
the-xml-could-not-be-1fb3dcda = não foi possível ler o XML
in-file-configsource-line-line-0c6d9a6f = em "{ $file }" (configSource), linha { $line }, coluna { $column }: { $problem }
the-mail-settings-are-kept-09fd0bbe = as configurações de e-mail estão em "{ $file }" (configSource), que começa com <{ $root }> em vez de <smtp>
the-first-element-is-root-6db531d1 = o primeiro elemento é <{ $root }>, não <configuration>
in-file-configsource-the-mail-d449392a = em "{ $file }" (configSource), não foi possível ler as configurações de e-mail
the-mail-settings-could-not-4480c8b3 = não foi possível ler as configurações de e-mail
this-web-config-inherits-mail-b55d376d = este web.config herda configurações de e-mail do web.config de uma pasta acima, que não pôde ser lido ({ $err }): { $path }
attribute-value-is-not-true-5069d63f = { $attribute }="{ $value }" não é true nem false, então o ASP.NET para com um erro de configuração
deliverymethod-value-is-not-network-a12fa162 = deliveryMethod="{ $value }" não é Network, SpecifiedPickupDirectory nem PickupDirectoryFromIis, então o ASP.NET para com um erro de configuração
port-value-is-not-a-25b8c42f = port="{ $value }" não é um número inteiro, então o ASP.NET para com um erro de configuração

## src/fleet/read/wordpress.rs

line-line-problem-02d07e14 = linha { $line }: { $problem }
wp-mail-smtp-s-constants-786694b4 = As constantes do WP Mail SMTP estão ativadas, mas WPMS_MAILER não está definida no wp-config.php: o mailer que o WP Mail SMTP usa é o salvo no banco de dados do WordPress (WP Mail SMTP > Settings no painel do site), que esta verificação não lê
wp-mail-smtp-s-constants-7a02d053 = As constantes do WP Mail SMTP estão ativadas, mas WPMS_SMTP_HOST não está definida no wp-config.php: o servidor de e-mail em uso é o salvo no banco de dados do WordPress (WP Mail SMTP > Settings no painel do site), que esta verificação não lê
name-is-defined-more-than-59afc853 = { $name } está definida mais de uma vez no wp-config.php com valores diferentes (linhas { $line } e { $other }); qual vale depende de condições no arquivo: confira no servidor
name-in-wp-config-php-b9b0d0ae = { $name } no wp-config.php (linha { $line }) é calculada por código PHP, não escrita como um valor simples; veja no servidor qual valor ela dá para verificar este site
wp-mail-smtp-s-constants-6628db44 = As constantes do WP Mail SMTP estão desativadas (WPMS_ON não é true) (WPMS_ON não está definida): as configurações em uso estão no banco de dados do WordPress (WP Mail SMTP > Settings no painel do site), que esta verificação não lê
wp-mail-smtp-s-constants-34b65098 = As constantes do WP Mail SMTP estão desativadas (WPMS_ON não é true): as configurações em uso estão no banco de dados do WordPress (WP Mail SMTP > Settings no painel do site), que esta verificação não lê
wp-mail-smtp-s-constants-0e156393 = As constantes do WP Mail SMTP estão desativadas (WPMS_ON não é true): WPMS_ON precisa ser o valor PHP true, escrito sem aspas: as configurações em uso estão no banco de dados do WordPress (WP Mail SMTP > Settings no painel do site), que esta verificação não lê

## src/fleet/read/wordpress_lexer.rs

a-quoted-string-starts-here-8301b510 = um texto entre aspas começa aqui e ocupa várias linhas; o arquivo termina dentro de um texto, então provavelmente falta uma aspa aqui
a-quoted-string-starts-here-f2be9f2f = um texto entre aspas começa aqui e nunca é fechado
a-heredoc-string-starts-here-9a40e56f = um texto heredoc começa aqui e nunca é fechado

## src/fleet/read/wordpress_php.rs

a-constant-s-definition-here-aa6ad48d = a definição de uma constante aqui nunca é fechada

## src/fleet/report.rs

sites-broken-broken-at-risk-8ae33c1d = { $sites }: { $broken } com falha, { $at_risk } em risco, { $unknown ->
        [one] { $unknown } desconhecido
       *[other] { $unknown } desconhecidos
    }, { $ok } OK; { $servers }, não contatados (--offline)
sites-broken-broken-at-risk-5ceb8ca8 = { $sites }: { $broken } com falha, { $at_risk } em risco, { $unknown ->
        [one] { $unknown } desconhecido
       *[other] { $unknown } desconhecidos
    }, { $ok } OK; { $servers }, cada um contatado uma vez

## src/fleet/scan.rs

not-trusted-problem-a72ac742 = não confiável: { $problem }

## src/fleet/walk/load.rs

the-tester-failed-while-reading-45d644d4 = o testador falhou ao lê-lo (um bug; por favor, informe-o)
permission-denied-this-account-may-6fd3f362 = permissão negada: esta conta não pode lê-lo; rode a varredura como um usuário que possa (um administrador ou root)
it-is-not-there-or-26791bda = ele não existe (ou é um link simbólico para algo que não existe)

## src/fleet/walk.rs

a-symbolic-link-loop-it-3f5ee203 = um ciclo de links simbólicos: ele leva de volta a uma pasta acima dele, então não foi aberto: { $folder }
the-folder-to-scan-could-71e8ff6b = não foi possível ler a pasta a varrer: { $reason }
it-could-not-be-read-e776a2b9 = não foi possível lê-lo: { $reason }
could-not-be-read-err-a4a50f9d = não foi possível ler: { $err }

## src/gui/app.rs

saved-to-path-81572862 = Salvo em { $path }

## src/gui/app_data.rs

run-a-successful-test-first-a67cdc58 = Rode primeiro um teste bem-sucedido: só configurações que funcionam vão para o web.config.
path-already-has-these-settings-e3ba752a = { $path } já tem estas configurações: nada a mudar.
web-config-updated-the-old-7f855d8e = web.config atualizado. O arquivo antigo foi guardado como { $backup }.
web-config-already-had-these-7b4733bb = O web.config já tinha estas configurações: nada foi gravado.
password-filled-in-from-the-f2da34c8 = Senha preenchida a partir do chaveiro do sistema.

## src/gui/arrive.rs

will-it-arrive-06141c0a = Vai chegar?
checking-the-dns-of-domain-b7ccbc42 = Verificando o DNS de { $domain }…
your-server-took-the-message-5ccd8281 = O seu servidor aceitou a mensagem. Se as caixas de e-mail dos seus clientes vão aceitá-la depende do que { $domain } publica no DNS (SPF, DKIM e DMARC): o Gmail, o Outlook.com e outros verificam isso em cada mensagem.
check-my-domain-abc31f65 = Verificar meu domínio
name-0fe07306 = Nome
type-d155d06d = Tipo
copy-value-8902f3e5 = Copiar valor
dns-record-803b41a1 = Registro DNS

## src/gui/certificate_view.rs

valid-for-this-server-from-355e575b = Válido para este servidor, emitido por uma autoridade em que este computador confia.
no-authority-this-computer-trusts-9bf7a28b = Nenhuma autoridade em que este computador confia o garante (autoassinado ou de uma autoridade privada): o seu site vai recusá-lo.
expired-or-not-valid-yet-5b17fef0 = Expirado (ou ainda não válido): o seu site vai recusá-lo.
issued-for-other-names-than-7a13a5e6 = Emitido para outros nomes que não este servidor: o seu site vai recusá-lo.
issued-for-other-names-than-d98c0689 = Emitido para outros nomes que não este servidor: use { $name } como servidor.
not-acceptable-your-website-will-e8804bfb = Não aceitável: o seu site vai recusá-lo.
refused-problem-25d0d4f8 = Recusado: { $problem }
accepted-only-because-you-allowed-a802d3e1 = Aceito só porque você permitiu certificados inválidos; o seu site vai recusá-lo: { $problem }
certificate-of-server-1a556eea = Certificado de { $server }
issued-for-6714067b = Emitido para
subject-a07924ef = Titular
issued-by-32d73b71 = Emitido por
valid-from-5c4db35f = Válido desde
valid-until-ae5379d5 = Válido até
key-cd1ac90c = Chave
it-signs-itself-self-signed-ffdfbb41 = Ele assina a si mesmo (autoassinado).
close-cd86acc3 = Fechar
the-server-showed-a-certificate-fc7f0c41 = O servidor mostrou um certificado:
certificate-164f4d6c = Certificado…

## src/gui/clipboard.rs

the-clipboard-holds-no-text-0e51ef9b = A área de transferência não tem texto. Selecione a mensagem de erro, copie-a (Ctrl+C) e clique em Colar e explicar de novo.
could-not-read-the-clipboard-55ca3f2e = Não foi possível ler a área de transferência ({ $error }). Clique na caixa e pressione Ctrl+V.
could-not-read-the-clipboard-d8d75827 = Não foi possível ler a área de transferência ({ $error }).

## src/gui/countdown.rs

ways-out-663fc101 = Saídas
switch-to-azure-communication-services-5028f1c1 = Mudar para o Azure Communication Services…
fills-in-the-server-port-52b97455 = Preenche o servidor, a porta e o SSL; depois informe o nome de usuário SMTP dele e o segredo do cliente do app, e teste
test-oauth-sign-in-instead-6121b8ed = Testar o login OAuth…
switches-sign-in-to-microsoft-21e22962 = Muda o Login para Microsoft 365 (OAuth); informe o locatário, o ID do cliente e o segredo do app, e teste

## src/gui/data.rs

background-work-failed-err-6348a5e0 = Uma tarefa em segundo plano falhou: { $err }
saved-the-profile-name-without-7601dd12 = Perfil "{ $name }" salvo (sem a senha).
renamed-old-to-new-81c2e66b = "{ $old }" renomeado para "{ $new }".
deleted-the-profile-name-02cadbdf = Perfil "{ $name }" excluído.
password-saved-in-the-system-caf1d26b = Senha salva no chaveiro do sistema.
password-removed-from-the-system-bf5241d1 = Senha removida do chaveiro do sistema.
the-system-keyring-had-no-79911590 = O chaveiro do sistema não tinha nenhuma senha para estas configurações.
error-in-path-fb673a64 = { $error } (em { $path })

## src/gui/data_ui.rs

profile-cd17328e = Perfil
not-saved-0cbbe4ae = (não salvo)
no-saved-profiles-yet-8e93c7bf = Nenhum perfil salvo ainda
save-profile-2155f443 = Salvar perfil…
keep-these-settings-under-a-6f00abd5 = Guardar estas configurações com um nome (nunca a senha)
rename-8628af0d = Renomear…
delete-5797ea6a = Excluir
delete-this-profile-the-saved-9a91cae8 = Excluir este perfil (a senha salva continua no chaveiro)
save-these-settings-as-a-baa6424a = Salvar estas configurações como perfil
rename-the-profile-108df4fd = Renomear o perfil
profile-name-4a62f0b1 = Nome do perfil
the-password-is-never-saved-847cc3d3 = A senha nunca é salva em um perfil.
cancel-35afca3b = Cancelar
what-we-found-in-your-30b437af = O que encontramos no seu web.config
read-the-mail-settings-from-f888cdc5 = Ler as configurações de e-mail de { $file } para o formulário.
nothing-looks-wrong-in-the-d8199839 = Nada parece errado nas configurações de e-mail.
message-line-line-fdb1cbdf = { $message } (linha { $line })
how-to-fix-it-fix-2f1add2f = Como corrigir: { $fix }
update-web-config-f17b814a = Atualizar o web.config
these-changes-will-be-written-d79bed29 = Estas mudanças serão gravadas em { $path }:
removed-414d3fcc = (removido)
show-the-exact-lines-diff-28e9792f = Mostrar as linhas exatas (diff)
a-copy-of-the-current-628d2468 = Antes, uma cópia do arquivo atual é salva ao lado dele, e nada mais no arquivo muda.
write-the-changes-d520b72a = Gravar as mudanças

## src/gui/explain.rs

explain-an-error-message-cfdd1096 = Explicar uma mensagem de erro
paste-the-error-your-website-a6f28df8 = Cole o erro que o seu site registrou (ou a resposta do servidor de e-mail):
paste-and-explain-221ad80a = Colar e explicar
puts-what-you-copied-ctrl-188d8686 = Coloca o que você copiou (Ctrl+C) na caixa e o explica
explain-99127ffc = Explicar
nothing-is-sent-anywhere-a2469521 = Nada é enviado para lugar nenhum.

## src/gui/find.rs

find-my-settings-784a8e8d = Encontrar minhas configurações
servers-tried-1c7ebb43 = Servidores testados
your-website-s-email-address-5928f99d = O endereço de e-mail do seu site (ou o nome do seu servidor de e-mail):
find-3e1cd17a = Encontrar
stop-4b7f7705 = Parar
tried-tried-trying-under-way-9d062519 = { $tried } testados, { $trying } em andamento
we-look-up-where-your-a611819d = Descobrimos para onde vão os e-mails do seu domínio e batemos na porta de cada servidor: nenhum e-mail é enviado e nenhuma senha sai deste computador.
stopped-before-every-server-answered-7abb5aa7 = Parado antes de todos os servidores responderem: abaixo está o que foi encontrado até agora.
no-server-answered-in-a-cacb09fc = Nenhum servidor respondeu de um jeito que o seu site possa usar.
found-settings-your-website-can-a1d43a43 = Encontramos configurações que o seu site pode usar
server-host-2b5c3c37 = Servidor (host)
port-e2c53cc6 = Porta
use-ssl-enablessl-8787f948 = Usar SSL (enableSsl)
use-these-settings-bdf41e24 = Usar estas configurações
host-port-port-security-08e4532b = { $host }   porta { $port }   { $security }
host-port-port-254b241f = { $host }   porta { $port }
trying-bbcf4a72 = testando…
use-ba1c5c94 = Usar
find-my-settings-d1ed1573 = Encontrar minhas configurações…
don-t-know-your-server-e5f6d9ac = Não sabe o seu servidor, a porta ou se deve usar SSL? Descubra a partir do seu endereço de e-mail.

## src/gui/find_handle.rs

filled-in-server-host-port-6e89d92b = Preenchido: servidor { $host }, porta { $port }, Usar SSL ativado. Adicione o seu nome de usuário e a senha e clique em Enviar e-mail de teste.
filled-in-server-host-port-c99c513f = Preenchido: servidor { $host }, porta { $port }, Usar SSL desativado. Adicione o seu nome de usuário e a senha e clique em Enviar e-mail de teste.

## src/gui/find_sources.rs

can-this-computer-reach-host-7cb31d90 = Este computador consegue alcançar { $host }?
where-we-looked-count-c83eaeb4 = Onde procuramos ({ $count })

## src/gui/fleet.rs

save-the-csv-file-1dc67daf = Salvar o arquivo CSV
save-the-html-page-c594c9af = Salvar a página HTML
csv-file-8ff668ab = Arquivo CSV
html-page-671c72fb = Página HTML
could-not-save-the-csv-e61ea1e5 = Não foi possível salvar o arquivo CSV ({ $error }). Escolha uma pasta em que você possa gravar: { $path }
could-not-save-the-html-7566ece5 = Não foi possível salvar a página HTML ({ $error }). Escolha uma pasta em que você possa gravar: { $path }
the-csv-file-could-not-2a54ae9b = Não foi possível gerar o arquivo CSV ({ $error }).
the-html-page-could-not-78e2bfa9 = Não foi possível gerar a página HTML ({ $error }).
no-mail-server-to-contact-39076711 = Nenhum servidor de e-mail a contatar
check-a-folder-of-sites-5d3e10c1 = Verificar uma pasta de sites
folder-with-the-sites-5c26d71c = Pasta com os sites
c-inetpub-vhosts-or-var-d1e18405 = C:\inetpub\vhosts  ou  /var/www
choose-folder-6d5da010 = Escolher pasta…
check-592c8de7 = Verificar
also-contact-the-mail-servers-b5893b4c = Contatar também os servidores de e-mail
each-server-once-its-greeting-9b299859 = Cada servidor uma vez: a saudação, EHLO e STARTTLS. Sem login, sem e-mail. Desativado: avaliar só pelos arquivos.
use-the-passwords-from-the-b045ac63 = Usar as senhas dos arquivos
open-in-the-tester-also-84b1a791 = "Abrir no testador" também preenche a senha a partir do arquivo do site. Ela fica na memória e nunca é salva.
reads-every-web-config-wp-d0337aab = Lê todos os web.config, wp-config.php, .env e appsettings.json dentro da pasta. Nada é alterado, nenhum e-mail é enviado e as senhas nunca saem deste computador.

## src/gui/fleet_handle.rs

no-folder-chosen-if-no-b4701bc1 = Nenhuma pasta escolhida. Se nenhuma janela de pastas apareceu, digite ou cole o caminho da pasta na caixa.
this-site-does-not-sign-cae72903 = Este site não faz login. Clique em Enviar e-mail de teste.
the-password-from-its-file-297f8f04 = A senha do arquivo dele foi preenchida (guardada só na memória). Clique em Enviar e-mail de teste.
type-its-password-then-press-12e6e920 = Digite a senha dele e clique em Enviar e-mail de teste.
filled-in-the-settings-of-672072f8 = Configurações de { $site } preenchidas.
choose-the-folder-that-holds-61e3f817 = Escolha a pasta que contém os sites

## src/gui/fleet_result.rs

stopped-before-the-end-sites-67c19f7b = Parado antes do fim: os sites cujo servidor ainda não tinha respondido estão como Desconhecido.
no-site-with-mail-settings-b7ae3397 = Nenhum site com configurações de e-mail foi encontrado nesta pasta. Confira o caminho ou escolha a pasta que contém as pastas dos sites.
could-not-look-at-1-1b13a133 = Não foi possível examinar 1 caminho
could-not-look-at-n-196912a3 = Não foi possível examinar { $n } caminhos
show-a7e50a92 = Mostrar:
sites-broken-broken-at-risk-c4acd5f6 = { $sites }: { $broken } com falha, { $at_risk } em risco, { $unknown ->
        [one] { $unknown } desconhecido
       *[other] { $unknown } desconhecidos
    }, { $ok } OK.
servers-not-contacted-judged-from-378e4d23 = Servidores não contatados: avaliação só pelos arquivos.
t-1-mail-server-contacted-adfd49ef = 1 servidor de e-mail contatado.
n-mail-servers-contacted-69c9f42f = { $n } servidores de e-mail contatados.
t-1-file-read-in-seconds-1095aef9 = 1 arquivo lido em { $seconds } s.
n-files-read-in-seconds-a93bf25f = { $n } arquivos lidos em { $seconds } s.
export-csv-83c354ed = Exportar CSV…
export-html-e3ab8eb8 = Exportar HTML…
without-passwords-b3ac77a1 = Sem senhas.
no-file-chosen-if-no-f03e4b59 = Nenhum arquivo escolhido. Se nenhuma janela de arquivos apareceu, digite onde salvar:
save-4d2d5d68 = Salvar

## src/gui/fleet_rows.rs

no-site-with-the-ticked-a04a9538 = Nenhum site com os resultados marcados.
hide-this-server-s-sites-15babccc = Ocultar os sites deste servidor
show-this-server-s-sites-bb62a985 = Mostrar os sites deste servidor
these-files-name-no-mail-83f851d8 = Estes arquivos não indicam nenhum servidor de e-mail a contatar, ou não puderam ser lidos.
not-contacted-judged-from-the-f2af1eaf = Não contatado: avaliado só pelos arquivos.
problem-problem-42bcd519 = Problema: { $problem }
answered-in-ms-ms-726e94b1 = Respondeu em { $ms } ms
starttls-offered-923d1843 = STARTTLS oferecido
starttls-not-offered-c3ff6afa = STARTTLS não oferecido
after-methods-26067741 = depois: { $methods }
open-in-the-tester-11edc94a = Abrir no testador
put-this-site-s-settings-8cf673b6 = Coloca as configurações deste site no formulário para testá-lo passo a passo

## src/gui/fleet_words.rs

broken-65c915c0 = Com falha
at-risk-f7adc8fb = Em risco
unknown-cc200e59 = Desconhecido
n-broken-979d3c8c = { $n } com falha
n-at-risk-c43a32df = { $n } em risco
n-unknown-ceec02e5 = { $n ->
        [one] { $n } desconhecido
       *[other] { $n } desconhecidos
    }
n-ok-035d2d5b = { $n } OK
looking-for-sites-in-the-c98fc7bb = Procurando sites na pasta…
found-sites-judging-them-from-d4d88c3c = Encontramos { $sites }; avaliando pelos arquivos…
found-sites-using-servers-contacted-7bd3cb69 = Encontramos { $sites } usando { $servers }; { $contacted } de { $total } contatados
n-sites-7e66b213 = { $n } sites
t-1-server-9bf9c617 = 1 servidor
n-servers-410e23c7 = { $n } servidores

## src/gui/form.rs

server-6d7302f2 = Servidor
user-name-5a6db215 = Nome de usuário
usually-your-full-email-address-9d5ecf0a = normalmente o seu endereço de e-mail completo
from-18743595 = De
send-the-test-to-5a257c61 = Enviar o teste para
the-from-address-25355395 = (o endereço em De)
advanced-60f3de7b = Avançado
provider-35a888dc = Provedor
other-my-host-7c71a048 = Outro / minha hospedagem
user-name-hint-0a0e0850 = Nome de usuário: { $hint }
a-website-using-asp-net-d19fb58d = Um site que usa ASP.NET (System.Net.Mail) não consegue fazer login neste provedor.
show-29742e5c = Mostrar
remember-in-the-system-keyring-308bc6da = Lembrar no chaveiro do sistema
after-a-test-signs-in-236d02df = Depois que um teste faz login, a senha fica guardada no chaveiro do seu sistema (nunca em um arquivo) e é preenchida quando você volta a estas configurações.
forget-6e3fab8c = Esquecer
remove-the-saved-password-for-859341c3 = Remover a senha salva para este usuário, servidor e porta
use-ssl-9cb78972 = Usar SSL
in-code-smtpclient-enablessl-71b94a47 = no código: SmtpClient.EnableSsl
encrypts-the-connection-with-starttls-e1630b78 = Criptografa a conexão com STARTTLS. O ASP.NET 2.0–3.5 não tem enableSsl no web.config: o código do site o ativa com smtpClient.EnableSsl = true.
use-starttls-e899f629 = Usar STARTTLS
encrypts-the-connection-with-starttls-54a9c52e = Criptografa a conexão com STARTTLS, como "SecureSocketOptions": "StartTls" faz no appsettings.json. Quase todo provedor precisa disso na porta 587.
encrypts-the-connection-with-starttls-0497ed8d = Criptografa a conexão com STARTTLS, como enableSsl="true" faz no web.config. Quase todo provedor precisa disso na porta 587.
encrypts-the-connection-starttls-or-77dd1ba1 = Criptografa a conexão (STARTTLS, ou SSL ao conectar na porta 465). Quase todo provedor precisa disso.
stop-the-test-esc-7ef17032 = Parar o teste (Esc)
testing-19d1cb65 = Testando…
send-test-email-1fb39495 = Enviar e-mail de teste
sends-one-test-message-enter-66775012 = Envia uma mensagem de teste (Enter)
or-press-enter-ca33bfe9 = ou pressione Enter
fix-the-fields-marked-in-8a0ea9d4 = Corrija os campos marcados em vermelho para enviar um teste.
fill-in-the-server-the-e74fa0bd = Preencha o servidor, a porta e o endereço em De para enviar um teste.

## src/gui/form_advanced.rs

ehlo-name-2ccdfef0 = Nome EHLO
this-computer-s-name-f22607df = o nome deste computador
sign-in-service-8784367b = Serviço de login
the-provider-s-own-72f43ac3 = o do próprio provedor
only-for-testing-against-another-a761009c = Só para testar com outro servidor OAuth: https, ou http neste computador
connection-security-dd84debd = Segurança da conexão
automatic-from-use-ssl-3ad3100c = Automática (pelo Usar SSL)
ssl-on-connect-port-465-676e96b5 = SSL ao conectar (porta 465)
no-encryption-f2785503 = Sem criptografia
timeouts-seconds-fcbede65 = Tempos limite (segundos)
connect-timeout-083bac06 = Tempo limite de conexão
greeting-timeout-0def4115 = Tempo limite da saudação
reply-timeout-c36384e8 = Tempo limite de resposta
reply-29931627 = resposta
whole-test-timeout-e3df8c9b = Tempo limite do teste inteiro
whole-test-66553338 = teste inteiro
final-reply-timeout-33be1638 = Tempo limite da resposta final
final-reply-b01ca957 = resposta final
accept-an-invalid-certificate-3339b9cc = Aceitar um certificado inválido
unsafe-an-impostor-could-read-7ecf6263 = Inseguro: um impostor poderia ler a sua senha. O seu site vai continuar recusando este certificado.
extra-ca-file-c5e1ea27 = Arquivo de CA extra
optional-pem-file-09b22b1b = arquivo .pem opcional
browse-23b63f91 = Procurar…
dns-server-68b7a757 = Servidor DNS
this-computer-s-or-e-9f499886 = o deste computador (ou p. ex. 1.1.1.1)
used-by-find-my-settings-50a0518d = Usado por Encontrar minhas configurações, Vai chegar? e Verificar minha caixa de entrada
target-platform-b913a5b3 = Plataforma de destino
other-program-php-node-python-371befb6 = Outro programa (PHP, Node, Python…)
asp-net-version-aeb36436 = Versão do ASP.NET

## src/gui/form_rows.rs

called-attribute-in-web-config-fcc6f275 = Chamado { $attribute } no web.config

## src/gui/form_state.rs

microsoft-365-oauth-7101a859 = Microsoft 365 (OAuth)
google-oauth-53d0542c = Google (OAuth)
access-token-7e4e0506 = Token de acesso
enter-the-port-usually-587-bc12b1b6 = Informe a porta, normalmente 587.
port-text-is-not-a-7e466956 = "{ $port_text }" não é um número de porta. Use só números, normalmente 587.
enter-the-app-s-application-1e01288a = Informe o Application (client) ID do app, da página Overview do App registration dele.
enter-the-directory-tenant-id-db565192 = Informe o Directory (tenant) ID ou o domínio da sua organização (yourcompany.onmicrosoft.com).
enter-the-app-s-client-b18ff566 = Informe o segredo do cliente do app (o Value dele, não o Secret ID).

## src/gui/handle.rs

enter-the-user-name-server-1e12f529 = Informe o nome de usuário, o servidor e a porta cuja senha salva você quer remover.
the-test-cannot-start-yet-e05fd57a = O teste ainda não pode começar: { $problem }
no-file-chosen-if-no-fae46c0e = Nenhum arquivo escolhido. Se nenhuma janela de arquivos apareceu, digite o caminho do arquivo no campo Arquivo de CA extra.
copied-the-transcript-to-the-f9f520d2 = Transcrição copiada para a área de transferência.
copied-the-dns-record-to-c9d04e48 = Registro DNS copiado para a área de transferência.
copied-the-name-snippet-to-e9fe6390 = Trecho de { $name } copiado para a área de transferência.
copied-the-what-to-the-02208dc6 = Copiado para a área de transferência: { $what }.

## src/gui/inbox.rs

did-it-land-c25f3a39 = Chegou?
sign-in-to-the-mailbox-e5e08cf2 = Faça login na caixa de e-mail para onde o teste foi ({ $to }) para ver se a mensagem está na caixa de entrada ou no spam. Nós só lemos; nada é movido nem excluído.
looking-for-the-message-up-e3335603 = Procurando a mensagem (até um minuto)…
check-my-inbox-again-5e2da85f = Verificar minha caixa de entrada de novo
check-my-inbox-85ac2677 = Verificar minha caixa de entrada
mailbox-imap-e60bf73b = Caixa de e-mail (IMAP)
imaps-user-server-or-imap-e956f350 = imaps://USUARIO@SERVIDOR, ou imap:// para STARTTLS na porta 143; adicione :PORTA se não for a comum
same-as-the-password-above-5b43a90a = A mesma senha de cima
used-for-this-check-only-ca6be08e = Usada só nesta verificação; guardada no chaveiro do sistema depois de um login bem-sucedido, quando "Lembrar no chaveiro do sistema" está marcado
what-server-checked-e1e33d21 = O que { $server } verificou:
the-receiving-server-recorded-no-338af020 = O servidor de destino não registrou nenhuma verificação na mensagem.

## src/gui/intro.rs

what-happens-when-you-send-1198026e = O que acontece quando você envia um teste
the-test-does-what-your-1f59bc92 = O teste faz o que o seu site faz quando envia um e-mail, uma etapa por vez, e mostra cada etapa enquanto ela acontece:
one-short-test-email-to-f92d9996 = um e-mail de teste curto para o endereço em "Enviar o teste para" (ou De).
one-short-test-email-to-eca5f997 = um e-mail de teste curto para { $recipient }.
we-reach-your-mail-server-495a0766 = alcançamos o seu servidor de e-mail, como o seu site faz.
we-switch-the-connection-to-305163c3 = passamos a conexão para a criptografia, quando Usar SSL está marcado.
with-your-user-name-and-9eb23e32 = com o seu nome de usuário e a sua senha.
with-a-token-from-microsoft-b5cb4671 = com um token da Microsoft ou do Google (OAuth), nunca por uma conexão sem criptografia.
if-a-step-fails-you-ed66c46a = Se uma etapa falhar, você vai ver qual, o que ela significa em palavras simples e o que mudar. Nada é alterado no seu site.
your-password-stays-yours-4243e865 = A sua senha continua sua
it-goes-to-your-mail-9ee48a16 = Ela vai para o seu servidor de e-mail e para nenhum outro lugar, e só por uma conexão criptografada: se fosse viajar sem criptografia, o teste para e pergunta a você antes.
it-is-never-put-in-43308fa9 = Ela nunca é colocada em um perfil, na transcrição nem no relatório para o suporte. Marque "Lembrar no chaveiro do sistema" para guardá-la no próprio cofre de senhas do seu computador, nunca em um arquivo.

## src/gui/oauth.rs

enter-the-mailbox-user-name-18b33d9d = Informe primeiro a caixa de e-mail (Nome de usuário) e o ID do cliente do app, depois faça login.
signed-in-as-mailbox-e71eccdc = Login feito como { $mailbox }.
the-sign-in-is-kept-4337c0cd = O login fica guardado no chaveiro do seu sistema.
signed-out-40c28a5d = Desconectado.
the-test-was-stopped-while-f10aa733 = o teste foi interrompido enquanto obtinha o token

## src/gui/oauth_rows.rs

sign-in-7367eeb8 = Login
how-the-test-signs-in-3e344752 = Como o teste faz login: com a senha ou com OAuth (um token da Microsoft ou do Google)
oauth-signing-in-through-microsoft-cb19300f = OAuth: fazer login pela própria página da Microsoft ou do Google em vez de usar uma senha. O web.config do ASP.NET não consegue fazer isso; o MailKit e a maioria das bibliotecas de e-mail de PHP e Node.js conseguem.
paste-the-token-0ce3b5de = cole o token
client-secret-d28dcb8a = Segredo do cliente
the-desktop-app-s-secret-2dfdf483 = o segredo do app de desktop
sign-in-with-google-682701c4 = Fazer login com o Google…
who-signs-in-4247d24c = Quem faz login
the-website-as-an-app-02a2655f = O site, como um app
the-app-signs-in-as-5b39e6e4 = O app faz login em nome próprio com o segredo do cliente (SMTP.SendAsApp)
a-person-in-the-browser-714d0c01 = Uma pessoa, no navegador
someone-signs-in-as-the-e07eb4a6 = Alguém faz login como a caixa de e-mail uma vez; o login fica guardado no seu chaveiro
sign-in-with-microsoft-64994ec3 = Fazer login com a Microsoft…
its-value-not-its-id-06bfd85c = o Value dele, não o ID
tenant-426f68c5 = Locatário (tenant)
yourcompany-onmicrosoft-com-or-directory-91ce24c8 = suaempresa.onmicrosoft.com ou Directory ID
organizations-any-work-account-c56c7646 = organizations (qualquer conta corporativa)
app-registrations-your-app-overview-0348d3e0 = App registrations → o seu app → Overview → Directory (tenant) ID
client-id-96a12137 = ID do cliente
application-client-id-f1d13592 = Application (client) ID
app-registrations-your-app-overview-72eda20e = App registrations → o seu app → Overview → Application (client) ID
used-for-this-test-only-3fbe0f5f = Usado só neste teste: nunca salvo, nunca mostrado na transcrição
finish-signing-in-with-your-f04afc59 = Termine o login no seu navegador…
sign-out-8b4f3c70 = Sair
opens-the-provider-s-sign-6717a1f1 = Abre a página de login do provedor no seu navegador; faça login como a caixa de e-mail em Nome de usuário
the-sign-in-did-not-63711b82 = O login não funcionou: { $error }
the-token-is-renewed-at-78ac8950 = o token é renovado no próximo teste
the-token-is-valid-for-973c5181 = o token vale por mais { $minutes } minutos
signed-in-as-who-138f6f7e = Login feito como { $who }

## src/gui/preferences.rs

system-8f3184bc = Sistema
language-9a73db9b = Idioma
follow-system-becc0e51 = Seguir o sistema
light-8ad2f8cf = Claro
dark-45570065 = Escuro
theme-4eaf7c92 = Tema

## src/gui/renderer.rs

the-window-could-not-open-cb7ad439 = não foi possível abrir a janela: a parte gráfica deste computador não conseguiu desenhá-la ({ $reasons }).
on-a-remote-desktop-or-321b265b = Em uma área de trabalho remota ou máquina virtual, instalar o driver de vídeo dela normalmente ajuda

## src/gui/result.rs

the-server-s-exact-words-c34e0823 = As palavras exatas do servidor
support-code-code-a1b3e83c = Código para o suporte: { $code }
what-to-do-cf2e345d = O que fazer
the-fix-changes-bc2b32f8 = A correção muda:
apply-fix-and-test-again-6eea585b = Aplicar a correção e testar de novo
makes-this-change-in-the-38287995 = Faz esta mudança no formulário e envia o teste de novo
send-it-unencrypted-this-once-010cab38 = Enviar sem criptografia só desta vez
anyone-on-the-way-can-1fda01f6 = Qualquer um no caminho pode ler a senha. Só para um servidor na sua própria rede privada.
certificate-details-5e455906 = Detalhes do certificado
valid-for-629b6506 = Válido para

## src/gui/snippet_view.rs

paste-this-into-your-web-7c7e7459 = Cole isto no seu web.config
settings-for-program-60627db5 = Configurações para { $program }
the-password-is-left-out-447f0e55 = A senha fica de fora, a menos que você marque Incluir senha: onde quer que você a cole, ela fica em texto legível.
note-warning-5dd61067 = Observação: { $warning }
copy-658f3664 = Copiar
save-as-03e14184 = Salvar como…
update-my-web-config-d9b68a3c = Atualizar meu web.config…
writes-these-settings-into-your-5f324df6 = Grava estas configurações no seu web.config: mostra as mudanças antes e guarda uma cópia de segurança
include-password-7b82b9b8 = Incluir senha

## src/gui/success.rs

only-mail-to-this-server-aecb3830 = Só funcionam e-mails para os próprios endereços deste servidor
your-settings-work-8bc6b24c = As suas configurações funcionam
we-sent-a-test-email-5656f31c = Enviamos um e-mail de teste para { $recipient }. Confira se ele chegou (olhe também na pasta de spam).
connected-to-host-on-port-a1c6e5aa = Conectado a { $host } na porta { $port }
encrypted-with-version-0a72dfef = Criptografado com { $version }
not-encrypted-anyone-on-the-d3a630f0 = Sem criptografia: qualquer um no caminho poderia ler o e-mail
signed-in-as-user-05784a15 = Login feito como { $user }
sent-without-signing-in-the-33fb939c = Enviado sem login: o servidor não ofereceu login
sent-without-signing-in-no-a843905d = Enviado sem login (sem nome de usuário)
accepted-for-delivery-to-recipient-9abb98b5 = Aceito para entrega a { $recipient }
warning-the-server-s-certificate-e72f89a1 = Aviso: o certificado do servidor não é válido ({ $problem }). Só funcionou porque você permitiu certificados inválidos; o seu site verifica os certificados e vai falhar.
warning-message-f4254d6c = Aviso: { $message }
copy-the-block-below-into-dea0f3b9 = Copie o bloco abaixo para o web.config do seu site, no lugar do bloco <mailSettings> dele, ou clique em "Atualizar meu web.config…" para que isso seja feito por você: você vê cada mudança antes, e uma cópia de segurança é guardada.
copy-the-settings-below-into-e486c11e = Copie as configurações abaixo para a configuração { $format } do seu site.
next-step-ab2acdfa = Próximo passo
message-id-of-the-test-711a564c = Message-ID do e-mail de teste
support-can-find-the-message-e18fff96 = O suporte pode encontrar a mensagem no log do servidor por este ID

## src/gui/transcript.rs

what-the-server-said-638c3d94 = O que o servidor disse
hide-the-server-s-replies-2f842b13 = Ocultar as respostas do servidor
show-every-line-we-sent-62404205 = Mostrar cada linha que enviamos e que o servidor respondeu
nothing-yet-739865dc = nada ainda
t-1-line-99481766 = 1 linha
n-lines-bb656540 = { $n } linhas
copy-transcript-d97cf946 = Copiar transcrição
save-transcript-a1c4eb5a = Salvar transcrição…
export-report-ce65b191 = Exportar relatório…
everything-support-needs-settings-withou-94ba8f25 = Tudo o que o suporte precisa (configurações sem a senha, as etapas, esta transcrição, o diagnóstico) em um arquivo
report-in-english-18ddea6e = Relatório em inglês
write-the-exported-report-in-e4a59e7d = Gravar o relatório exportado em inglês, para um suporte que lê inglês
we-sent-2e66b91d = enviamos
the-server-answered-039e870e = o servidor respondeu
encrypted-3e8df1b3 = criptografado
passwords-are-always-hidden-2bfd5e9e = As senhas ficam sempre ocultas.

## src/gui/widgets.rs

passed-513cb799 = passou
failed-e0accfb4 = falhou
not-started-8652f4af = não iniciado
stopped-6ee2f34e = interrompido

## src/gui/window.rs

testing-each-step-appears-above-5613518e = Testando… cada etapa aparece acima enquanto acontece. Esc para o teste.
no-file-chosen-if-no-67413e16 = Nenhum arquivo escolhido. Se nenhuma janela de arquivos apareceu, digite o caminho do arquivo:
open-538b10e9 = Abrir
check-your-website-s-email-f8812c32 = Verifique as configurações de e-mail do seu site
open-web-config-870dc6bb = Abrir web.config…
read-the-mail-settings-from-9d389da1 = Ler as configurações de e-mail do web.config do seu site e verificá-las
explain-an-error-message-f540b236 = Explicar uma mensagem de erro…
paste-an-error-your-website-7a5917ae = Cole um erro que o seu site registrou e veja o que ele significa
check-a-folder-of-sites-5325d3c7 = Verificar uma pasta de sites…
for-hosting-support-check-the-059107c7 = Para o suporte de hospedagem: verificar as configurações de e-mail de todos os sites de uma pasta

## src/gui/worker.rs

could-not-read-the-certificate-e1c222cf = Não foi possível ler o arquivo de autoridade certificadora { $path }: { $error }
choose-a-certificate-authority-file-3507bf9e = Escolha um arquivo de autoridade certificadora (PEM ou DER .cer)
certificates-b88e4cd9 = Certificados
choose-your-website-s-web-fed75ade = Escolha o web.config do seu site
could-not-save-path-error-2fc229b5 = Não foi possível salvar { $path }: { $error }

## src/inbox/address.rs

address-is-not-a-mailbox-a8a2d761 = "{ $address }" não é um endereço de caixa de e-mail.
address-is-not-an-imap-87f3b3a9 = "{ $address }" não é um endereço IMAP ({ $scheme }:// não é imap:// nem imaps://).
address-names-no-user-6dbe8a93 = "{ $address }" não indica nenhum usuário.
the-user-name-in-address-e96b48c9 = o nome de usuário em "{ $address }" não é um texto válido
write-it-as-imaps-you-314853c0 = Escreva como imaps://voce@example.com@mail.example.com (ou imap:// para STARTTLS na porta 143), com :PORTA no final se não for a comum.
port-is-not-a-port-50e1e439 = "{ $port }" não é um número de porta em "{ $address }".
host-is-not-a-server-acc5f8a4 = "{ $host }" não é um nome de servidor em "{ $address }".

## src/inbox/auth_results.rs

your-domain-d4d84782 = o seu domínio
spf-passed-domain-allows-the-f0dc7d76 = SPF passou: { $domain } permite o servidor pelo qual você envia.
spf-failed-domain-s-spf-9e04f3b1 = SPF falhou: o registro SPF de { $domain } não lista o servidor pelo qual você envia. Adicione-o ao registro (veja "Vai chegar?").
spf-gave-no-answer-domain-a747cf7d = SPF não deu resposta: { $domain } não tem um registro SPF que cubra este servidor.
dkim-passed-the-message-carries-353f6e76 = DKIM passou: a mensagem traz uma assinatura válida de { $by }.
dkim-the-message-was-not-0e73bd88 = DKIM: a mensagem não foi assinada. Peça ao seu provedor de e-mail para assinar os e-mails do seu domínio (veja "Vai chegar?").
dkim-failed-the-signature-did-9a245af3 = DKIM falhou: a assinatura não bateu. A chave publicada no DNS pode estar errada ou velha, ou a mensagem foi alterada no caminho.
dmarc-passed-spf-or-dkim-bdd3a284 = DMARC passou: o SPF ou o DKIM garante { $domain }, o domínio do endereço em De.
dmarc-failed-neither-spf-nor-83c62bd1 = DMARC falhou: nem o SPF nem o DKIM garantem { $domain }, o domínio do endereço em De. Servidores de destino rigorosos recusam esses e-mails ou os colocam no spam.
dmarc-domain-publishes-no-dmarc-cb1108db = DMARC: { $domain } não publica nenhuma política DMARC.

## src/inbox/connect.rs

the-server-s-address-eb391f39 = o endereço do servidor
the-name-could-not-be-715c1245 = o nome não foi encontrado: { $err }
the-name-has-no-address-0b96332a = o nome não tem endereço
the-connection-0a94c3e4 = a conexão
no-answer-1b68d598 = sem resposta
the-extra-certificate-authority-why-6ee7e4ae = a autoridade certificadora extra: { $why }
the-secure-connection-f2e42ff7 = a conexão criptografada
the-server-s-certificate-is-d5b84a6b = o certificado do servidor foi recusado: { $problem }
its-greeting-d101260c = a saudação dele
it-said-line-26370539 = ele disse { $line }
the-answer-to-starttls-1c42645c = a resposta ao STARTTLS

## src/inbox/dkim_verify.rs

we-could-not-read-the-8bff80f5 = Não conseguimos ler a mensagem recebida, então não verificamos a assinatura DKIM dela.
domain-selector-selector-259d61a2 = { $domain } (seletor { $selector })
an-unreadable-signer-c03eb599 = um signatário ilegível
signature-of-who-valid-and-317faecf = Assinatura de { $who }: válida, e é o seu domínio.
signature-of-who-valid-but-6e9cadc2 = Assinatura de { $who }: válida, mas não é o domínio do seu endereço em De, então não conta para o DMARC.
signature-of-who-not-valid-4fd1744c = Assinatura de { $who }: inválida ({ $why }).
the-message-carries-no-dkim-6afdb83b = A mensagem não traz nenhuma assinatura DKIM: só o SPF garante que ela vem de { $from_domain }. Peça ao seu provedor de e-mail para assinar os e-mails do seu domínio.
we-checked-the-dkim-signature-960b59a9 = Nós mesmos verificamos a assinatura DKIM: ela é válida e foi feita para { $from_domain }.
we-checked-the-dkim-signature-5e3c1afb = Nós mesmos verificamos a assinatura DKIM: ela é válida, mas foi feita para outro domínio que não { $from_domain }, então o DMARC não a conta. Peça ao seu provedor de e-mail para assinar com o seu próprio domínio.
we-checked-the-dkim-signature-c981209c = Nós mesmos verificamos a assinatura DKIM: ela não confere. A chave publicada no DNS pode estar faltando, errada ou velha, ou a mensagem foi alterada depois de assinada.

## src/inbox/look.rs

the-sign-in-08ff0207 = o login
the-goodbye-1beab177 = a despedida
the-folder-list-485d2008 = a lista de pastas
a-search-9f153ff8 = uma busca
the-message-46d7a413 = a mensagem

## src/inbox/recorder.rs

the-server-sent-more-than-3d108539 = o servidor enviou mais de { $mib } MiB

## src/inbox/request.rs

there-is-no-message-to-946f0846 = não há nenhuma mensagem para procurar: envie primeiro uma mensagem de teste
no-password-for-the-mailbox-ab7ec000 = nenhuma senha para a caixa de e-mail { $mailbox }: informe-a (é a senha que você usa para ler esses e-mails) ou salve-a no chaveiro
could-not-reach-the-mailbox-597a7a79 = não foi possível alcançar o servidor da caixa de e-mail { $server } ({ $detail }). Confira o nome do servidor e a porta: ler e-mails por IMAP normalmente usa a porta 993 (imaps://)
the-mailbox-server-server-did-3e98494f = o servidor da caixa de e-mail { $server } não respondeu a tempo ({ $what }). Confira a porta: IMAP é 993 (imaps://) ou 143 (imap://)
server-did-not-greet-like-b39a23e0 = { $server } não cumprimentou como um servidor de caixa de e-mail (IMAP); ele disse "{ $said }". Confira a porta: IMAP é 993 (imaps://) ou 143 (imap://)
server-does-not-offer-encryption-8e8159fd = { $server } não oferece criptografia (STARTTLS), e nós nunca enviamos a senha de uma caixa de e-mail sem criptografia. Use imaps:// (porta 993) no lugar
the-secure-connection-to-the-e384af7d = a conexão criptografada com o servidor da caixa de e-mail { $server } falhou: { $detail }. Confira o nome do servidor: ele precisa ser o nome que está no certificado do servidor
the-mailbox-server-refused-the-13077228 = o servidor da caixa de e-mail recusou o login de { $user } (ele disse: { $said }). Confira o nome de usuário e a senha da caixa de e-mail; o Gmail, o Outlook.com e o Yahoo precisam de uma senha de app para IMAP
the-mailbox-server-server-broke-eb86759c = o servidor da caixa de e-mail { $server } interrompeu a conversa ({ $detail }); tente de novo
the-inbox-check-was-stopped-cd7a71c8 = a verificação da caixa de entrada foi interrompida

## src/inbox/summary.rs

folders-searched-folders-1c7d04a2 = Pastas pesquisadas: { $folders }
the-receiving-server-s-own-20faa33e = As verificações do próprio servidor de destino ({ $server }):
the-receiving-server-added-no-6d611c08 = O servidor de destino não adicionou nenhum cabeçalho Authentication-Results.
the-mailbox-imap-exchange-the-f338cc52 = A troca com a caixa de e-mail (IMAP); a senha aparece como `<redacted>`:

## src/inbox/texts.rs

secs-s-4a22e02a = { $secs } s
min-min-secs-s-f096bf18 = { $min } min { $secs } s
arrived-in-the-inbox-after-8bc39958 = Chegou na caixa de entrada depois de { $after }
arrived-but-in-the-spam-1de42805 = Chegou, mas na pasta de spam "{ $folder }" (depois de { $after })
arrived-in-the-folder-folder-35e97e8b = Chegou na pasta "{ $folder }" (depois de { $after })
not-in-the-mailbox-after-71030de0 = Não está na caixa de e-mail depois de { $waited }
the-test-message-is-in-6dbcd158 = A mensagem de teste está na caixa de entrada de { $mailbox }: os e-mails do seu site chegam a esta caixa de e-mail.
the-test-message-is-in-3dae80e1 = A mensagem de teste está na caixa de entrada de { $mailbox }, mas { $failed } falhou no servidor de destino, então provedores mais rigorosos podem colocar os seus e-mails no spam ou recusá-los. Corrija o que "Vai chegar?" lista.
the-receiving-server-took-the-bc6c3316 = O servidor de destino aceitou a mensagem, mas a classificou como spam, então os seus clientes provavelmente não a veriam. Uma mensagem de teste com pouco texto pode parecer spam por si só; se as verificações do remetente passarem ("Vai chegar?"), tente de novo com uma mensagem real.
the-receiving-server-took-the-4fbfd2f0 = O servidor de destino aceitou a mensagem, mas a classificou como spam, então os seus clientes provavelmente não a veriam. { $failed } falhou no servidor de destino; corrija o que "Vai chegar?" lista.
the-message-arrived-but-a-52287da8 = A mensagem chegou, mas uma regra ou a classificação do provedor a colocou fora da caixa de entrada de { $mailbox }. Confira os filtros dessa caixa de e-mail.
the-server-accepted-the-message-f14a3b33 = O servidor aceitou a mensagem, mas ela ainda não está em nenhuma pasta de { $mailbox }. Ela ainda pode estar a caminho (alguns provedores seguram por minutos e-mails de remetentes novos), ou o servidor de destino a descartou, que é o que acontece com e-mails que falham no DMARC. Corrija o que "Vai chegar?" lista e olhe de novo mais tarde.

## src/main.rs

could-not-start-the-async-ae605e37 = não foi possível iniciar o ambiente de execução assíncrono: { $error }. Abra o programa de novo; se continuar falhando, reinicie o computador.
the-command-line-still-works-88e1eb57 = A linha de comando continua funcionando: execute `mailtester --help` em um terminal.
mail-settings-tester-stopped-because-7bd107e2 =
    O Mail Settings Tester parou por causa de um erro no programa:
    
    { $info }
    
    Por favor, informe o erro. Suas configurações e seu web.config não foram alterados.

## src/oauth/browser.rs

could-not-start-program-err-c926f9f2 = não foi possível iniciar { $program }: { $err }
could-not-open-the-browser-8f2eb5ab = não foi possível abrir o navegador: { $err }

## src/oauth/delegated/loopback.rs

signed-in-96a90eb4 = Login feito
you-are-signed-in-8474ca05 = Você fez login
go-back-to-mail-settings-e45459c9 = Volte ao Mail Settings Tester; você pode fechar esta aba.
not-signed-in-207a7281 = Sem login
the-sign-in-did-not-a5001dd2 = O login não foi concluído
go-back-to-mail-settings-a9487dbc = Volte ao Mail Settings Tester para ver o motivo.
this-computer-7d16e2ca = este computador
no-local-port-for-the-8c4615f3 = nenhuma porta local para a resposta: { $err }
the-browser-1438c45c = o navegador
nobody-finished-signing-in-within-20659f29 = ninguém concluiu o login em { $minutes } minutos
the-sign-in-service-abe06b84 = o serviço de login

## src/oauth/delegated.rs

it-is-not-a-web-fec0fdd4 = não é um endereço web
google-s-device-sign-in-69660ca8 = o login por dispositivo do Google não cobre o Gmail; faça login pelo navegador
the-sign-in-was-cancelled-64875541 = o login foi cancelado
it-is-not-a-token-0b50914d = não é um token ({ $err }; começa com: { $start })

## src/oauth/http.rs

could-not-set-up-the-aaf86338 = não foi possível preparar o pedido ({ $err })
the-sign-in-service-sent-89d2de25 = o serviço de login mandou o pedido para outro lugar (um redirecionamento); confira o endereço de login
the-answer-is-far-too-e9884875 = a resposta é longa demais
the-request-failed-4ffdf862 = o pedido falhou
the-request-failed-cause-1236b7f3 = o pedido falhou: { $cause }

## src/oauth/obtain.rs

nobody-has-signed-in-to-37587b50 = ninguém fez login em { $provider } para esta caixa de e-mail ainda

## src/oauth/stored.rs

the-keyring-call-stopped-8c77a1a6 = a chamada ao chaveiro parou

## src/oauth/token.rs

the-sign-in-address-url-8e70f991 = o endereço de login { $url } não pode ser usado: { $reason }
the-sign-in-service-said-aca24dc5 = o serviço de login disse não ({ $status }): { $error }: { $description }
could-not-reach-the-sign-81f7b750 = não foi possível alcançar o serviço de login em { $url }: { $detail }
the-sign-in-service-s-4e88083d = a resposta do serviço de login ({ $status }) não é um token: { $detail }
it-is-not-encrypted-http-70ccccea = ele não é criptografado (http); use https (http simples é só para os servidores de teste deste próprio computador)
it-must-start-with-https-5c0a06da = ele precisa começar com https://
the-tenant-must-be-a-6ffd19f8 = o locatário precisa ser um Directory (tenant) ID ou um domínio
it-sends-the-request-elsewhere-b0c05c70 = ele manda o pedido para outro lugar (um redirecionamento); confira o endereço de login
no-answer-within-secs-s-1f175672 = nenhuma resposta em { $secs } s
it-is-not-json-it-d2533db5 = não é JSON (começa com: { $start })
it-holds-no-access-token-87ff2e3b = não contém nenhum access_token

## src/profiles/error.rs

name-cannot-be-a-profile-1c2058f8 = "{ $name }" não pode ser nome de perfil: { $reason }. Use de 1 a 64 caracteres, sem / nem \.
there-is-no-profile-named-96654469 = Não há nenhum perfil chamado "{ $name }".
a-profile-named-name-already-d0bba1c2 = Já existe um perfil chamado "{ $name }"; exclua-o primeiro ou escolha outro nome.
the-profiles-file-could-not-ece19bdb = Não foi possível ler o arquivo de perfis ({ $reason }). Ele foi movido para o lado para que nada se perca, e os perfis começam vazios. Para recuperá-los, corrija o arquivo movido e renomeie-o para { $path }. Movido para: { $moved_to }
the-profiles-file-was-written-0aaf22c6 = O arquivo de perfis foi gravado por uma versão mais nova do Mail Settings Tester (formato { $version }), então ele foi deixado como estava. Atualize o testador para usar estes perfis. Arquivo: { $path }
could-not-find-a-folder-07b751fa = Não foi possível encontrar uma pasta para configurações neste computador. Defina MAILTESTER_CONFIG_DIR com uma pasta para guardar os perfis nela.
could-not-write-these-settings-3df3fd97 = Não foi possível gravar estas configurações no arquivo de perfis: { $arg0 }
could-not-read-the-profiles-c7de2c87 = Não foi possível ler o arquivo de perfis ({ $source }). Arquivo: { $path }
could-not-write-the-profiles-1ce1bb90 = Não foi possível gravar o arquivo de perfis ({ $source }). Arquivo: { $path }
could-not-create-the-folder-4efa6b11 = Não foi possível criar a pasta do arquivo de perfis ({ $source }). Arquivo: { $path }
could-not-move-the-damaged-be405c05 = Não foi possível tirar do caminho o arquivo de perfis danificado ({ $source }). Arquivo: { $path }

## src/profiles/file.rs

it-is-not-utf-8-85ed6edc = não é texto UTF-8
it-is-not-a-regular-be41867a = não é um arquivo comum (uma pasta, um pipe nomeado ou um dispositivo); remova-o ou defina MAILTESTER_CONFIG_DIR com outra pasta
it-is-size-bytes-more-56c17071 = ele tem { $size } bytes, mais do que os { $limit } que um arquivo de perfis pode ter; tire-o dali
message-on-line-line-acff43e5 = { $message }, na linha { $line }

## src/profiles/name.rs

it-is-empty-08105609 = está vazio
it-is-longer-than-limit-6c17a8c5 = tem mais de { $limit } caracteres
it-contains-or-e7d2f6a5 = contém / ou \
it-contains-a-control-character-5c5ebcc6 = contém um caractere de controle (como uma tabulação ou uma quebra de linha)
it-starts-or-ends-with-a95ee32d = começa ou termina com um espaço
it-is-or-bede7ef9 = é . ou ..

## src/providers/data/google_microsoft.rs

google-admin-console-apps-google-7b12704d = Google Admin console → Apps → Google Workspace → Gmail → Authenticate email
microsoft-defender-portal-email-authenti-242e8ce3 = Microsoft Defender portal → Email authentication settings → DKIM → o seu domínio
your-full-gmail-or-google-de2da620 = o seu endereço completo do Gmail ou do Google Workspace
gmail-needs-an-app-password-1aed7515 = O Gmail precisa de uma senha de app: ative a Verificação em duas etapas e depois crie uma em myaccount.google.com/apppasswords (a página Segurança não tem mais link para ela) e use-a como senha. O Google parou de aceitar a senha normal vinda de programas de e-mail em maio de 2022 para contas pessoais e em setembro de 2024 para contas do Google Workspace.
gmail-needs-an-app-password-eeb1384d = O Gmail precisa de uma senha de app: ative a Verificação em duas etapas na sua Conta do Google, depois abra myaccount.google.com/apppasswords (a página Segurança não tem mais link para ela), crie uma senha de app e cole as 16 letras dela em `password`, sem espaços. Use o seu endereço completo do Gmail como `userName`.
gmail-sends-only-from-your-3412ea1e = O Gmail só envia a partir do seu próprio endereço ou de um endereço adicionado em Configurações → Contas → "Enviar e-mail como" (Settings → Accounts → "Send mail as"): defina `from` com um desses.
a-google-workspace-address-or-b5610000 = um endereço do Google Workspace, ou nada se o relay permitir o endereço IP do seu servidor
for-google-workspace-only-your-d5440b81 = Só para o Google Workspace. O seu administrador ativa o serviço de relay SMTP (Admin console → Apps → Google Workspace → Gmail → Routing) e libera ou o endereço IP do seu servidor web (então deixe o nome de usuário e a senha vazios) ou a autenticação SMTP (então use um endereço do Workspace e a senha de app dele).
the-google-workspace-smtp-relay-a2c2fb4c = O relay SMTP do Google Workspace precisa ser ativado pelo administrador do seu Workspace (Admin console → Apps → Google Workspace → Gmail → Routing → SMTP relay service). Se ele exigir autenticação SMTP, use um endereço do Workspace como `userName` e uma senha de app criada em myaccount.google.com/apppasswords como `password`; se, em vez disso, ele permitir o endereço IP do seu servidor, deixe os dois vazios.
the-google-workspace-smtp-relay-499576b2 = O relay SMTP do Google Workspace só envia a partir dos endereços que o seu administrador permitiu nas configurações dele (normalmente os dos seus domínios do Workspace): defina `from` com um deles.
the-relay-lets-in-only-6d18d14f = O relay só libera os endereços IP ou o login que o seu administrador permitiu nas configurações do serviço de relay SMTP, então um teste a partir de outro computador falha, a menos que faça login. Defina também `clientDomain` como o nome de domínio do seu site: o Google pode recusar um simples nome de computador como `localhost`.
your-full-microsoft-365-email-7d9ec067 = o seu endereço de e-mail completo do Microsoft 365
your-admin-must-switch-on-373c5280 = O seu administrador precisa ativar o "Authenticated SMTP" (SMTP AUTH) para a organização e para esta caixa de e-mail; ele vem desativado por padrão em organizações criadas depois de janeiro de 2020, e os padrões de segurança do Microsoft Entra o bloqueiam. A Microsoft vai desativá-lo por padrão nas organizações existentes no fim de dezembro de 2026 (os administradores ainda poderão reativá-lo) e anunciar a data da remoção definitiva no segundo semestre de 2027. O ASP.NET não consegue fazer o login OAuth que o substitui: planeje um relay SMTP (conector), High Volume Email, Azure Communication Services ou MailKit com OAuth.
microsoft-365-use-the-mailbox-2818490c = Microsoft 365: use o endereço completo da caixa de e-mail como `userName`. O login de programas de e-mail ("Authenticated SMTP") precisa estar permitido para esta caixa de e-mail: o seu administrador o ativa no Microsoft 365 admin center, em Users → Active users → Mail → Manage email apps. Os padrões de segurança do Microsoft Entra (as proteções de login padrão da Microsoft) o bloqueiam para a organização inteira, seja qual for essa opção.
microsoft-365-sends-only-as-8f158b7a = O Microsoft 365 só envia como a caixa de e-mail com login feito, a menos que o seu administrador conceda a permissão "Send As" (Enviar como): defina `from` com o endereço que está em `userName`.
or-if-password-sign-in-b9a28d6a = Ou, se o login com senha continuar desativado, peça ao administrador do Microsoft 365 um destes caminhos (o enviador de e-mails do seu site, System.Net.Mail, não consegue fazer OAuth, o login que o Microsoft 365 mantém para programas de e-mail):
an-smtp-relay-your-admin-9f556ed6 = Um relay SMTP: o seu administrador cria um conector para o endereço IP fixo do servidor web; depois, defina `host` como o host MX do seu domínio (termina em `mail.protection.outlook.com`), `port` como `25` e deixe `userName` e `password` vazios.
high-volume-email-hve-a-c7d229de = High Volume Email (HVE): uma conta do Microsoft 365 feita para programas que ainda faz login com senha (`host` `smtp-hve.office365.com`, `port` `587`), destinada a e-mails para as caixas de e-mail da sua própria organização.
azure-communication-services-microsoft-s-c039b80d = Azure Communication Services: o serviço de envio da Microsoft (`host` `smtp.azurecomm.net`, `port` `587`), que faz login com um nome de usuário e um segredo de app que o seu site consegue usar.
mailkit-your-developer-moves-the-6e937e4f = MailKit: o seu desenvolvedor passa o código de envio para o MailKit, que consegue fazer login com OAuth.
direct-send-a-host-ending-9a983c0c = O Direct Send (um `host` terminado em `mail.protection.outlook.com`) não usa login: deixe `userName` e `password` vazios e use `port` `25`. Ele só entrega em caixas de e-mail da sua própria organização; para alcançar outros endereços, faça login em `smtp.office365.com` na porta `587`, ou peça ao seu administrador um conector (relay SMTP).
direct-send-needs-port-25-5dd62ff9 = O Direct Send precisa da porta `25` aberta do servidor web até o Microsoft 365, e muitas empresas de hospedagem a bloqueiam. Se estiver bloqueada, faça login em `smtp.office365.com` na porta `587`.
your-full-outlook-com-or-1cbd12a8 = o seu endereço completo do Outlook.com ou Hotmail
since-16-september-2024-personal-6a3f18b4 = Desde 16 de setembro de 2024, as contas pessoais do Outlook.com e do Hotmail não aceitam mais senha para envio, só o login OAuth da Microsoft, que um site com web.config não consegue fazer. Envie os e-mails do seu site por outro provedor.
outlook-com-and-hotmail-stopped-6940ffd7 = O Outlook.com e o Hotmail pararam de aceitar senhas vindas de programas em setembro de 2024: eles querem um login moderno (OAuth) que o ASP.NET não consegue fazer. Envie os e-mails do seu site por outro serviço ou peça ao seu desenvolvedor para passar para o MailKit.
outlook-com-sends-only-from-eff7815a = O Outlook.com só envia a partir do endereço com login feito: defina `from` igual a `userName`.
send-your-website-s-mail-0dffe9c3 = Envie os e-mails do seu site por um serviço que ainda aceite senha, como o servidor de e-mail da sua empresa de hospedagem ou um serviço de envio (SendGrid, Mailgun, Brevo e outros estão na lista de provedores), e mude `host`, `userName` e `password` para os valores dele.

## src/providers/data/hosting.rs

your-full-email-address-f7f06033 = o seu endereço de e-mail completo
use-your-full-email-address-061b9f4b = Use o seu endereço de e-mail completo e a senha da caixa de e-mail. A GoDaddy indica a porta 465, que o ASP.NET não consegue usar, então aqui usamos a 587; se o seu e-mail da GoDaddy for um plano Microsoft 365, escolha Microsoft 365.
godaddy-email-use-your-full-f5fec946 = E-mail da GoDaddy: use o seu endereço de e-mail completo como `userName` e a senha da caixa de e-mail, com `host` definido como `smtpout.secureserver.net`. Se o seu e-mail da GoDaddy for um plano Microsoft 365, use as configurações do Microsoft 365 (`smtp.office365.com`).
none-leave-the-user-name-d1d66dc0 = nenhum: deixe o nome de usuário e a senha vazios
for-websites-on-godaddy-s-aedab5ae = Para sites na hospedagem Windows (Plesk) da GoDaddy: o relay só aceita e-mails dos próprios servidores de hospedagem da GoDaddy, na porta 25, sem login nem SSL. Um teste a partir de qualquer outro computador, inclusive este, falha mesmo quando estas configurações estão certas; de outros lugares, use o servidor da sua caixa de e-mail, smtpout.secureserver.net (e-mail GoDaddy Workspace).
godaddy-s-hosting-relay-relay-bf34dea5 = O relay de hospedagem da GoDaddy (`relay-hosting.secureserver.net`) não usa login: deixe `userName` e `password` vazios, com `port` definido como `25` e `enableSsl` como `false`.
godaddy-s-hosting-relay-takes-3c847b9e = O relay de hospedagem da GoDaddy só aceita e-mails de sites na própria hospedagem Windows (Plesk) da GoDaddy: um teste a partir de qualquer outro computador, inclusive este, é recusado ou fica sem resposta mesmo quando as configurações estão certas. Para enviar de outro lugar, use o servidor da sua caixa de e-mail da GoDaddy, `smtpout.secureserver.net`, na porta `587` com a senha dela.
use-your-full-email-address-9cc07a72 = Use o seu endereço de e-mail completo e a senha da caixa de e-mail. Este é o servidor dos EUA; use smtp.ionos.de ou smtp.ionos.co.uk se o seu contrato for na Alemanha ou no Reino Unido.
ionos-use-the-full-email-b3c824d1 = IONOS: use o endereço de e-mail completo como `userName` e a senha da caixa de e-mail, com o servidor do país do seu contrato como `host` (`smtp.ionos.com`, `smtp.ionos.de` ou `smtp.ionos.co.uk`).
always-use-ssl0-ovh-net-fc352534 = Use sempre ssl0.ovh.net, e não mail.seudominio ou outro apelido: o certificado do servidor só é válido para ssl0.ovh.net.
ovhcloud-use-the-full-email-1d5e0353 = OVHcloud: use o endereço de e-mail completo como `userName` e a senha da caixa de e-mail, com `host` definido como `ssl0.ovh.net` (o nome para o qual o certificado dele é válido).

## src/providers/data/mailboxes.rs

your-full-yahoo-address-d7cae787 = o seu endereço completo do Yahoo
yahoo-needs-an-app-password-5227ae49 = O Yahoo precisa de uma senha de app: crie uma nas configurações de segurança da sua conta Yahoo e use-a como senha. O Yahoo indica a porta 465, que o ASP.NET não consegue usar, então aqui usamos a 587.
yahoo-needs-an-app-password-a9531010 = O Yahoo precisa de uma senha de app: na sua conta Yahoo, abra Account security → Generate app password (Segurança da conta → Gerar senha de app) e use-a como `password`, com o seu endereço completo do Yahoo como `userName`.
yahoo-sends-only-from-the-63878b23 = O Yahoo só envia a partir do endereço com login feito: defina `from` com o seu endereço do Yahoo.
your-full-aol-address-fa50843b = o seu endereço completo da AOL
aol-needs-an-app-password-41c701d9 = A AOL precisa de uma senha de app: crie uma nas configurações de segurança da sua conta AOL (Generate app password) e use-a como senha. A AOL indica a porta 465, que o ASP.NET não consegue usar, então aqui usamos a 587.
aol-needs-an-app-password-a20054d0 = A AOL precisa de uma senha de app: na sua conta AOL, abra Account security → Generate app password e use-a como `password`, com o seu endereço completo da AOL como `userName`.
aol-sends-only-from-the-a21f14e3 = A AOL só envia a partir do endereço com login feito: defina `from` com o seu endereço da AOL.
your-full-icloud-address-f5d710c5 = o seu endereço completo do iCloud
icloud-needs-an-app-specific-62349497 = O iCloud precisa de uma senha específica de app: ative a autenticação de dois fatores na sua Conta Apple, crie uma em account.apple.com e use-a como senha.
icloud-mail-needs-an-app-d109cc08 = O iCloud Mail precisa de uma senha específica de app: crie uma em account.apple.com, em Início de Sessão e Segurança → Senhas Específicas de Apps (Sign-In and Security → App-Specific Passwords), e use o seu endereço completo do iCloud como `userName`.
icloud-settings-custom-email-domain-e4eba0f0 = Configurações do iCloud → Domínio de e-mail personalizado → o seu domínio → Ver registros DNS
for-zoho-accounts-in-the-112ccc5c = Para contas Zoho no data center dos EUA (você faz login em zoho.com). E-mails no seu próprio domínio (uma conta de organização) usam smtppro.zoho.com. Com login em dois fatores, use uma senha específica de aplicativo; a porta 465 não funciona a partir do ASP.NET.
for-zoho-accounts-in-the-2a39fa43 = Para contas Zoho no data center europeu (você faz login em zoho.eu). E-mails no seu próprio domínio (uma conta de organização) usam smtppro.zoho.eu. Com login em dois fatores, use uma senha específica de aplicativo.
for-zoho-accounts-in-the-5b4baa13 = Para contas Zoho no data center indiano (você faz login em zoho.in). E-mails no seu próprio domínio (uma conta de organização) usam smtppro.zoho.in. Com login em dois fatores, use uma senha específica de aplicativo.
for-zoho-accounts-in-the-824ee72a = Para contas Zoho no data center australiano (você faz login em zoho.com.au). E-mails no seu próprio domínio (uma conta de organização) usam smtppro.zoho.com.au. Com login em dois fatores, use uma senha específica de aplicativo.
for-zoho-accounts-in-the-bc25a75d = Para contas Zoho no data center japonês (você faz login em zoho.jp). E-mails no seu próprio domínio (uma conta de organização) usam smtppro.zoho.jp. Com login em dois fatores, use uma senha específica de aplicativo.
for-zoho-accounts-in-the-8b99c973 = Para contas Zoho no data center canadense (você faz login em zohocloud.ca). E-mails no seu próprio domínio (uma conta de organização) usam smtppro.zohocloud.ca. Com login em dois fatores, use uma senha específica de aplicativo.
zoho-mail-use-your-full-9d10f739 = Zoho Mail: use o seu endereço completo do Zoho como `userName`. Se o login em dois fatores estiver ativado, crie uma senha específica de aplicativo em Zoho Accounts → Security e use-a como `password`. Use o servidor do seu data center (por exemplo `smtp.zoho.eu` na Europa); contas de organização no próprio domínio usam `smtppro.` no lugar de `smtp.` (por exemplo `smtppro.zoho.eu`).
zoho-mail-admin-console-domains-3edb7d85 = Zoho Mail Admin Console → Domains → o seu domínio → Email Configuration → DKIM
your-full-zoho-address-2831abcb = o seu endereço completo do Zoho
your-full-fastmail-address-87bad718 = o seu endereço completo do Fastmail
fastmail-needs-an-app-password-c4fb265b = O Fastmail precisa de uma senha de app, criada nas configurações do Fastmail. O Fastmail prefere a porta 465, que o ASP.NET não consegue usar; a 587 é aceita e é a que deve ser usada aqui.
fastmail-needs-an-app-password-38a5d0c4 = O Fastmail precisa de uma senha de app: crie uma em Settings → Privacy & Security → App passwords e use-a como `password`.
fastmail-settings-domains-your-domain-30304e86 = Fastmail Settings → Domains → o seu domínio → DNS records

## src/providers/data/services.rs

the-smtp-user-name-created-c3972fa4 = o nome de usuário SMTP criado no seu recurso do Communication Services
create-an-smtp-user-name-4f29e25b = Crie um nome de usuário SMTP no seu recurso do Communication Services (Settings → SMTP Usernames), vinculado a um app do Microsoft Entra que tenha permissão de envio; a senha é o segredo do cliente desse app, que expira, então renove-o a tempo. Envie a partir de um endereço MailFrom de um domínio de e-mail conectado ao recurso.
azure-communication-services-username-is-d8adb190 = Azure Communication Services: `userName` é um nome de usuário SMTP criado no seu recurso do Communication Services (Settings → SMTP Usernames) e vinculado a um app do Microsoft Entra que tenha permissão de envio; `password` é o segredo do cliente desse app. Os segredos do cliente expiram: se funcionava antes, crie um novo segredo e use-o.
azure-communication-services-sends-only-b76de958 = O Azure Communication Services só envia a partir dos endereços MailFrom de um domínio de e-mail conectado ao seu recurso do Communication Services: defina `from` com um deles.
azure-portal-your-email-communication-068063dd = Azure portal → o seu Email Communication Service → Provision domains → o seu domínio → Configure
your-ses-smtp-user-name-db55496a = o seu nome de usuário SMTP do SES (não uma chave de acesso do IAM)
replace-us-east-1-with-ed2f9ac7 = Substitua us-east-1 pela região da sua conta SES e use as credenciais SMTP criadas no SES para essa região, não chaves de acesso do IAM. Contas novas ficam na sandbox e só podem enviar para endereços verificados. Se a porta 587 estiver bloqueada onde o seu site roda, use a porta 2587.
amazon-ses-needs-ses-smtp-0d3a593c = O Amazon SES precisa de credenciais SMTP do SES, criadas no console do SES em SMTP settings para a região em `host`. Chaves de acesso do IAM e credenciais SMTP de outra região não funcionam.
amazon-ses-sends-only-from-619c09dc = O Amazon SES só envia a partir de identidades verificadas: verifique o endereço `from` ou o domínio dele no console do SES. Enquanto a conta estiver na sandbox (o modo de teste das contas novas), os destinatários também precisam ser verificados.
apikey-literally-183cf215 = apikey (literalmente)
the-user-name-is-the-01bbc5c2 = O nome de usuário é a palavra apikey, exatamente; a senha é a sua chave de API do SendGrid. O endereço em De precisa ser um remetente verificado no SendGrid. Se a porta 587 estiver bloqueada onde o seu site roda, use a porta 2525.
sendgrid-username-must-be-literally-7669598f = SendGrid: `userName` precisa ser literalmente `apikey` (não o seu login nem o seu endereço de e-mail), e `password` é uma chave de API com a permissão "Mail Send", colada sem espaços.
sendgrid-sends-only-from-a-2e1be5ef = O SendGrid só envia a partir de uma Sender Identity verificada: verifique o endereço `from` ou o domínio dele em Settings → Sender Authentication.
sendgrid-settings-sender-authentication-d404dcdb = SendGrid → Settings → Sender Authentication → Authenticate Your Domain
your-domain-s-smtp-login-3df270ef = o login SMTP do seu domínio, p. ex. postmaster@mg.seudominio.com
use-the-smtp-credentials-of-abbc08bf = Use as credenciais SMTP do seu domínio de envio no Mailgun, não a senha da sua conta Mailgun. Se a porta 587 estiver bloqueada onde o seu site roda, use a porta 2525.
for-mailgun-accounts-in-the-ac9d0345 = Para contas Mailgun na região da UE. Use as credenciais SMTP do seu domínio de envio no Mailgun, não a senha da sua conta Mailgun. Se a porta 587 estiver bloqueada onde o seu site roda, use a porta 2525.
mailgun-needs-the-smtp-credentials-0df7462f = O Mailgun precisa das credenciais SMTP do seu domínio de envio (por exemplo `postmaster@mg.example.com`, em Sending → Domain settings → SMTP credentials), não da senha da sua conta Mailgun.
mailgun-sends-from-addresses-of-73f8735a = O Mailgun envia a partir de endereços do seu domínio de envio verificado: use um deles como `from`.
mailgun-sending-domains-your-domain-d2cc33b7 = Mailgun → Sending → Domains → o seu domínio → DNS records
your-server-api-token-1a2b5328 = o seu Server API Token
use-your-postmark-server-api-7df39770 = Use o seu Server API Token do Postmark como nome de usuário e também como senha. Se a porta 587 estiver bloqueada onde o seu site roda, use a porta 2525.
postmark-use-your-server-api-a8ba1613 = Postmark: use o seu Server API Token tanto como `userName` quanto como `password`.
postmark-sends-only-from-a-17710e90 = O Postmark só envia a partir de uma Sender Signature confirmada ou de um domínio verificado: use um deles como `from`.
your-brevo-smtp-login-04933033 = o seu login SMTP do Brevo
use-the-smtp-login-and-8b4085f4 = Use o login SMTP e uma chave SMTP das configurações SMTP do Brevo como senha; uma chave de API do Brevo não funciona. Se a porta 587 estiver bloqueada onde o seu site roda, use a porta 2525.
brevo-username-is-the-smtp-82151876 = Brevo: `userName` é o login SMTP mostrado em SMTP & API, e `password` é uma chave SMTP da mesma página (não uma chave de API nem a senha da sua conta).
brevo-sends-only-from-a-ae02936a = O Brevo só envia a partir de um remetente ou domínio verificado: use um deles como `from`.
brevo-senders-domains-dedicated-ips-cb7d426d = Brevo → Senders, Domains & Dedicated IPs → Domains → Authenticate
your-mailjet-api-key-b626b4b3 = a sua chave de API do Mailjet
the-user-name-is-your-3794f252 = O nome de usuário é a sua chave de API do Mailjet e a senha é a chave secreta dela, não o seu login do Mailjet. Envie a partir de um endereço ou domínio de remetente validado no Mailjet. Se a porta 587 estiver bloqueada onde o seu site roda, use a porta 2525.
mailjet-username-is-your-mailjet-8fe11462 = Mailjet: `userName` é a sua chave de API do Mailjet e `password` é a chave secreta dela (em Account settings → API keys), não o seu login do Mailjet.
mailjet-sends-only-from-a-c082e9b4 = O Mailjet só envia a partir de um endereço ou domínio de remetente validado: valide o endereço `from` no Mailjet ou use um que já esteja validado.
mailjet-account-settings-domains-spf-8cc2cce1 = Mailjet → Account settings → Domains → SPF/DKIM authentication
an-smtp-user-name-from-e7bd2eb0 = um nome de usuário SMTP de Sending → SMTP Users
use-an-smtp-user-created-2b1d0bc6 = Use um usuário SMTP criado no SMTP2GO (Sending → SMTP Users) e a senha dele, não o seu login do SMTP2GO, e envie a partir de um remetente verificado. Se a porta 587 estiver bloqueada onde o seu site roda, use a porta 2525 (ou 8025).
smtp2go-use-an-smtp-user-e1a0c31b = SMTP2GO: use um usuário SMTP da sua conta SMTP2GO (Sending → SMTP Users) como `userName` e a senha dele como `password`, não o seu login do SMTP2GO.
smtp2go-sends-only-from-verified-72be2dcc = O SMTP2GO só envia a partir de remetentes verificados (Sending → Verified Senders): use um deles como `from`.

## src/providers/mod.rs

provider-also-takes-mail-on-0f1b4ef0 = { $provider } também aceita e-mails na porta `{ $port }`, que empresas de hospedagem e provedores de internet raramente bloqueiam: mude `port` para `{ $port }` e mantenha `enableSsl` como `true`.

## src/providers/preset.rs

use-the-outgoing-smtp-server-2aa81402 = Use o servidor de saída (SMTP) que a sua hospedagem ou o seu provedor de e-mail informa, com a porta 587 e o SSL ativado. A porta 465 não funciona a partir do ASP.NET.

## src/reply.rs

the-server-sent-something-that-6657f988 = o servidor enviou algo que não é uma resposta SMTP: { $line }
the-server-s-reply-changed-e8449784 = a resposta do servidor mudou de código no meio ({ $first } e depois { $then })

## src/report/evidence.rs

tls-version-version-1ac0d9ba = versão do TLS: { $version }
cipher-cipher-1a1584a9 = cifra: { $cipher }
not-encrypted-no-tls-was-4d14e875 = sem criptografia (nenhum TLS foi estabelecido)
warning-the-password-was-sent-58911bd4 = AVISO: a senha foi enviada pela conexão sem criptografia (permitido para este teste)
certificate-subject-subject-2b3e305c = titular do certificado: { $subject }
certificate-names-names-85ad8f14 = nomes do certificado: { $names }
issued-by-issuer-db64a95a = emitido por: { $issuer }
valid-from-start-until-end-41664af8 = válido de { $start } até { $end }
expired-answer-7c3dd7c2 = expirado: { $answer }
self-signed-answer-32e94d4a = autoassinado: { $answer }
sha-256-fingerprint-fingerprint-59cf6063 = impressão digital SHA-256: { $fingerprint }
certificate-problem-accepted-for-this-cf52b724 = problema de certificado aceito só para este teste: { $problem }
no-62366ffa = não
none-received-a7fce227 = (nada recebido)
greeting-banner-2adc54e6 = saudação: { $banner }
ehlo-extensions-extensions-8ae23a31 = extensões EHLO: { $extensions }
sign-in-methods-offered-methods-958cc42d = métodos de login oferecidos: { $methods }
message-id-of-the-test-1aaceb9a = Message-ID da mensagem de teste: { $id }
transcript-0583096b = Transcrição
we-sent-the-server-answered-ea6e205d = `->` enviamos, `<-` o servidor respondeu, `~>`/`<~` o mesmo depois da criptografia, `**` observações do testador. As senhas aparecem como `<redacted>`.

## src/report.rs

mail-settings-tester-support-report-9e850e75 = Relatório para o suporte do Mail Settings Tester
made-by-mail-settings-tester-5d84e266 = Gerado pelo Mail Settings Tester { $version } em { $now } (UTC).
result-the-server-accepted-the-cb20d937 = Resultado: o servidor aceitou a mensagem de teste para { $recipient } (depois de { $time }).
result-the-server-accepted-the-1ce20c7e = Resultado: o servidor aceitou a mensagem de teste para { $recipient }, mas: { $summary } (depois de { $time }).
result-failed-summary-after-time-de3e18b7 = Resultado: FALHOU: { $summary } (depois de { $time }).
result-failed-after-time-e2d9ecdd = Resultado: FALHOU (depois de { $time }).
stopped-because-error-a65fdf46 = Parou porque: { $error }.
empty-c2b0def7 = (vazio)
none-no-sign-in-4e7eb656 = (nenhum: sem login)
this-computer-s-name-94e552fc = (o nome deste computador)
set-not-included-b8037f8f = definida (não incluída)
not-set-ffa35e26 = não definido
another-mail-program-the-best-1cb12260 = outro programa de e-mail (o melhor que o servidor oferece)
test-recipient-9b7a3c52 = destinatário do teste
connection-security-used-a0615d9e = segurança da conexão usada
tested-as-6d856e84 = testado como
time-limits-3bbef354 = tempos limite
connect-connect-s-greeting-greeting-0dacfa15 = conexão { $connect } s, saudação { $greeting } s, cada comando { $command } s
certificate-check-4f7d1e48 = verificação do certificado
off-invalid-certificates-were-accepted-60edc329 = desativada: certificados inválidos foram aceitos (o site não vai aceitá-los)
on-61342fd0 = ativada
settings-4b058728 = Configurações
extra-trusted-certificate-authorities-pa-209717b3 = autoridades certificadoras confiáveis extras: { $path }
ok-663437af = ok
failed-d7e8fab4 = FALHOU
checklist-08a568ef = Checklist
each-step-c2d8e180 = Cada etapa:
total-time-f96defd0 = Total: { $time }
diagnosis-547c3c9e = Diagnóstico
no-problem-the-test-message-896ed3a9 = Nenhum problema: a mensagem de teste foi aceita.
suggested-change-e6662e4a = Mudança sugerida:

## src/session/connect.rs

no-answer-from-dns-within-75b392c5 = nenhuma resposta do DNS em { $secs } s
no-address-to-connect-to-d0980056 = nenhum endereço para conectar

## src/session/dialogue.rs

the-server-sent-more-data-5a7b3835 = o servidor enviou mais dados antes do handshake TLS (um ataque conhecido ao STARTTLS)
starttls-on-a-connection-that-57fec029 = STARTTLS em uma conexão que já está criptografada
this-tester-plain-or-login-6e2aba1f = este testador (PLAIN ou LOGIN)

## src/session/error.rs

it-is-issued-for-names-7de28bc0 = ele foi emitido para { $names }
no-authority-this-computer-trusts-c48ee76c = nenhuma autoridade em que este computador confia o garante
it-has-expired-fa8972c9 = ele expirou
it-is-not-valid-yet-fb6edb7d = ele ainda não é válido (ou o relógio deste computador está errado)
the-server-name-host-could-a0934279 = o nome de servidor { $host } não foi encontrado ({ $detail })
the-connection-to-address-was-8ba9ec2a = a conexão com { $address } foi recusada
no-answer-from-address-within-d9ebdf5c = nenhuma resposta de { $address } em { $secs } s
could-not-connect-to-address-6fadcd41 = não foi possível conectar a { $address }: { $detail }
connected-but-the-server-sent-3a9c719b = conectado, mas o servidor não enviou nenhuma saudação em { $secs } s
the-server-does-not-speak-565fe8c3 = o servidor não fala SMTP: ele enviou "{ $received }"
the-server-refused-step-name-6e46a071 = o servidor recusou na etapa { $step_name }: { $reply_text }
the-server-does-not-offer-a01d5bcc = o servidor não oferece STARTTLS
the-tls-handshake-failed-detail-c2ab11a8 = o handshake TLS falhou: { $detail }
the-server-offers-only-outdated-4185f3ec = o servidor só oferece criptografia ultrapassada (TLS 1.0 ou 1.1): { $detail }
the-server-offers-no-sign-d563271c = o servidor não oferece login (AUTH) nesta conexão
the-server-offers-only-sign-2930a676 = o servidor só oferece métodos de login que { $target_name } não consegue usar: { $methods }
stopped-before-sending-the-password-bc00d9ef = parou antes de enviar a senha por uma conexão sem criptografia
the-server-asked-for-more-f9503699 = o servidor pediu mais depois da senha: { $reply_text }
the-server-refused-the-oauth-b0c17084 = o servidor recusou o token OAuth ({ $mechanism_name }): { $reply_text }
the-server-offers-no-oauth-226d3d86 = o servidor não oferece login OAuth aqui (ele oferece: { $methods })
stopped-before-sending-the-oauth-6d6be392 = parou antes de enviar o token OAuth por uma conexão sem criptografia
the-server-closed-the-connection-9fea2761 = o servidor fechou a conexão na etapa { $step_name }
no-reply-to-step-name-b95e1dc7 = nenhuma resposta na etapa { $step_name } em { $secs } s
cancelled-during-step-name-f3828dd3 = cancelado na etapa { $step_name }
the-certificate-file-path-could-de00273b = o arquivo de certificado { $path } não pôde ser usado: { $detail }
role-words-address-cannot-be-cc200543 = { $role_words } { $address } não pode ser enviado: { $reason }
the-server-broke-the-smtp-275bfdfe = o servidor quebrou as regras do SMTP na etapa { $step_name }: { $detail }

## src/session/mod.rs

a-reply-went-on-for-a3229ee0 = uma resposta passou de { $lines } linhas
a-reply-line-was-far-289873fe = uma linha de resposta era longa demais

## src/session/report.rs

enablessl-is-off-2a22ebcd = enableSsl está desativado
encryption-is-off-21238599 = a criptografia está desativada
no-user-name-289a6df8 = sem nome de usuário
not-offered-before-encryption-c28ccb4d = não oferecido antes da criptografia
server-offers-no-sign-in-676667ab = o servidor não oferece login
no-usable-method-sent-without-972e3aeb = nenhum método utilizável; enviado sem login
sign-in-refused-sent-without-efec03b6 = login recusado; enviado sem login

## src/session/tls.rs

tls-set-up-failed-error-26855cd2 = a preparação do TLS falhou ({ $error })
no-usable-certificate-authority-error-61ef141b = nenhuma autoridade certificadora utilizável ({ $error })
a-certificate-in-it-is-c93dd3fb = um certificado dentro dele não pode ser usado ({ $error })
it-is-not-a-valid-a66d7d8b = não é um arquivo PEM válido ({ $error })
it-holds-no-certificate-a-4f817e2a = não contém nenhum certificado: era esperado um arquivo PEM (-----BEGIN CERTIFICATE-----) ou um arquivo DER .cer
host-is-not-a-valid-8d44e3b8 = { $host } não é um nome TLS válido ({ $error })

## src/settings/address.rs

the-sender-address-from-a6cf0f74 = o endereço de remetente (from)
the-test-recipient-c65aed6f = o destinatário do teste
only-smtputf8-could-carry-it-b02a2e58 = só o SMTPUTF8 poderia levá-lo, e este servidor não oferece SMTPUTF8
only-smtputf8-could-carry-it-649eaab3 = só o SMTPUTF8 poderia levá-lo, e o ASP.NET não usa SMTPUTF8 por padrão
it-cannot-be-written-into-48e65563 = ele não pode ser escrito na mensagem de teste
international-domain-the-test-sends-a7641d49 = Domínio internacional: o teste envia { $address } como { $ascii }, a forma que todo servidor de e-mail lê.
address-has-letters-outside-plain-6471a7d7 = { $address } tem letras fora do alfabeto inglês simples antes do @. O enviador de e-mails do ASP.NET recusa um endereço assim, a menos que deliveryFormat="International" esteja definido (ASP.NET 4.5 ou mais recente) e o servidor de e-mail ofereça SMTPUTF8 (endereços internacionais). O teste mostra o que o seu site vai encontrar.
address-has-letters-outside-plain-5f9c2f60 = { $address } tem letras fora do alfabeto inglês simples antes do @: só um servidor de e-mail que ofereça SMTPUTF8 (endereços internacionais) pode aceitá-lo. O teste verifica se este oferece.

## src/settings/ehlo_name.rs

typed-is-not-a-valid-ac381f52 = "{ $typed }" não é um nome de computador válido para clientDomain. Deixe vazio para usar o nome deste computador.
asp-net-introduces-itself-to-bad9a806 = O ASP.NET se apresenta ao servidor com clientDomain exatamente como está ("{ $typed }"), e servidores como o Exim recusam um endereço IP puro no EHLO (o cumprimento em que o seu site informa o nome dele); use o nome de domínio do seu site, por exemplo www.example.com, ou deixe clientDomain vazio.
the-test-introduces-itself-as-38df7222 = O teste se apresenta como { $literal }, a forma que os servidores de e-mail esperam para um endereço IP.
many-mail-servers-exim-among-1f6f2699 = Muitos servidores de e-mail (o Exim entre eles) respondem 501 e recusam "{ $typed }" como nome deste computador: um nome só pode ter letras, números, hifens e pontos, não { $characters }. Use o nome de domínio do seu site, por exemplo www.example.com, ou deixe clientDomain vazio para usar o nome deste computador.

## src/settings/validate.rs

host-is-not-a-valid-702a75f3 = "{ $host }" não é um nome de servidor válido. Confira se há erros de digitação.
enter-the-mail-server-s-216e5a0c = Informe o nome do servidor de e-mail (host), por exemplo smtp.example.com.
enter-only-the-server-s-c06d5777 = Informe só o nome do servidor: remova "{ $scheme }://" (o host do web.config nunca tem isso).
the-server-name-cannot-contain-a669d667 = O nome do servidor não pode ter espaços. Copie-o de novo das instruções do seu provedor.
this-looks-like-an-email-923d668e = Isto parece um endereço de e-mail. O host é o nome do servidor de e-mail, por exemplo smtp.example.com.
the-server-name-cannot-contain-3b89a0a4 = O nome do servidor não pode ter "/". Informe só o nome, por exemplo smtp.example.com.
put-the-port-in-the-4cc5c678 = Coloque a porta no campo Porta: host "{ $name }", porta { $port }.
international-name-the-test-connects-a9390765 = Nome internacional: o teste se conecta à forma ASCII dele, { $ascii }.
port-port-does-not-exist-b3dfc373 = A porta { $port } não existe: as portas vão de 1 a 65535. Servidores de e-mail normalmente usam a 587.
defaultcredentials-is-true-so-web-2cc7e682 = defaultCredentials está como true, então o web.config ignora userName e password e faz login como a conta do Windows. Defina defaultCredentials como false para usar o nome de usuário.
defaultcredentials-true-signs-in-as-bdc7611b = defaultCredentials="true" faz login como a conta do Windows do site, o que este teste não consegue fazer: ele envia sem login.
a-user-name-is-set-73cdd5ba = Há um nome de usuário, mas a senha está vazia. Digite a senha da caixa de e-mail.
a-password-is-set-but-71fbceb3 = Há uma senha, mas userName está vazio, então a senha nunca é usada. Informe o nome de usuário (normalmente o endereço de e-mail completo).
oauth-signs-in-as-a-2df4a59e = O OAuth faz login como uma caixa de e-mail: informe o endereço completo dela como nome de usuário.
oauth-sign-in-needs-an-b27182ff = O login OAuth precisa de um token de acesso, e não há nenhum. Faça login com o provedor primeiro ou cole um token.
asp-net-s-mail-sender-df5acecb = O enviador de e-mails do ASP.NET (web.config) não consegue fazer login com OAuth. Este teste verifica a caixa de e-mail e o token como um programa que consegue (como o MailKit) os usaria.
address-is-not-a-valid-f804de19 = "{ $address }" não é um endereço de e-mail válido para o remetente (from). Ele deve ser parecido com nome@example.com.
address-is-not-a-valid-5cf84c0a = "{ $address }" não é um endereço de e-mail válido para o destinatário do teste. Ele deve ser parecido com nome@example.com.
enter-the-sender-address-from-92b57a8d = Informe o endereço de remetente (from), normalmente a caixa de e-mail com que você faz login. Se o seu web.config não tem from, o código do seu site define o remetente: informe esse endereço.
asp-net-system-net-mail-ee4b87b2 = O ASP.NET (System.Net.Mail) não consegue usar SSL ao conectar. Use a porta 587 com enableSsl="true", ou escolha o destino genérico para testar outros programas.
asp-net-cannot-use-port-85b5d0bc = O ASP.NET não consegue usar a porta 465: ele espera uma saudação que nunca vem. O teste vai se comportar do mesmo jeito. Use a porta 587 com enableSsl="true".
starttls-was-chosen-which-means-be6ff6d5 = Foi escolhido STARTTLS, o que significa enableSsl="true" no web.config.
certificate-checks-are-off-the-cee3d463 = As verificações de certificado estão desativadas: a conexão não está protegida contra impostores. O seu site vai continuar verificando o certificado e pode falhar.
deliverymethod-is-not-network-so-15953ca7 = deliveryMethod não é "Network", então o site grava os e-mails em uma pasta em vez de enviá-los. Defina deliveryMethod="Network" para enviar por este servidor.
a-timeout-of-0-seconds-d34a129a = Um tempo limite de 0 segundo falharia sempre. Use pelo menos 1 segundo (10 é o comum).
timeouts-above-600-seconds-are-94fe3d7e = Tempos limite acima de 600 segundos não são úteis para um teste. Use de 10 a 60 segundos.

## src/settings.rs

no-encryption-7b0eebe3 = sem criptografia
asp-net-core-net-5-d85df409 = ASP.NET Core / .NET 5 ou mais recente

## src/snippet/django.rs

set-only-one-of-email-74ec3c21 = Defina como True só um entre EMAIL_USE_TLS (STARTTLS, porta 587) e EMAIL_USE_SSL (SSL ao conectar, porta 465): com os dois, o Django inicia, mas falha no primeiro envio ("EMAIL_USE_TLS/EMAIL_USE_SSL are mutually exclusive").

## src/snippet/format.rs

php-code-bda6edbc = Código PHP
put-it-inside-configuration-if-e1efa961 = Coloque dentro de <configuration>. Se já houver um bloco <system.net>, substitua só o bloco <mailSettings> dentro dele e mantenha o resto (como <defaultProxy>).
put-this-where-your-php-d17fc47f = Coloque isto onde o seu código PHP cria o objeto PHPMailer (PHPMailer 6.1 ou mais recente: as constantes ENCRYPTION_ chegaram na 6.1), antes de $mail->send().
put-this-in-wp-config-b7c7c865 = Coloque isto no wp-config.php acima da linha /* That's all, stop editing! */ (é preciso o plugin WP Mail SMTP).
put-this-in-the-env-50652e7d = Coloque isto no arquivo .env na raiz do seu site Laravel, substituindo as linhas MAIL_ que já estão lá, e depois rode php artisan config:clear.
put-this-in-your-project-96ff8c78 = Coloque isto no settings.py do seu projeto, substituindo as configurações EMAIL_ que já estiverem lá.
put-this-where-your-node-9137efc0 = Coloque isto onde o seu código Node.js cria o transport do Nodemailer e depois envie com transporter.sendMail({"{"} to, subject, text {"}"}).
put-this-line-in-env-903522da = Coloque esta linha no .env.local (ou defina MAILER_DSN como variável de ambiente), substituindo qualquer MAILER_DSN que já esteja lá.
put-the-smtp-section-into-f2c2e121 = Coloque a seção "Smtp" no appsettings.json, ao lado das seções que já estão lá.

## src/snippet/laravel.rs

laravel-11-and-12-no-a3768a2e = O Laravel 11 e 12 não leem mais MAIL_ENCRYPTION: eles usam MAIL_SCHEME. As duas linhas estão aqui para que o bloco funcione em todas as versões; mantenha-as em sintonia se editar uma.
laravel-10-and-older-use-0b26f05b = O Laravel 10 e anteriores só usam SSL ao conectar na porta 465; na porta { $port }, só o Laravel 11+ (MAIL_SCHEME=smtps) consegue.
laravel-s-env-turns-the-d5129581 = O env() do Laravel transforma o valor de { $key } em outra coisa (true, false, null, vazio, ou um valor entre aspas perde as aspas): coloque-o direto no config/mail.php.

## src/snippet/mailkit.rs

connect-with-mailkit-like-this-a0f2b3b0 = Conecte com o MailKit assim: client.Connect(smtp.Host, smtp.Port, SecureSocketOptions.{ $options }); client.Authenticate(smtp.UserName, smtp.Password);
connect-with-mailkit-like-this-a3cc5a4d = Conecte com o MailKit assim: client.Connect(smtp.Host, smtp.Port, SecureSocketOptions.{ $options });
do-not-write-client-connect-63e694a6 = Não escreva client.Connect(host, 587, useSsl: true): no MailKit, useSsl: true significa SSL ao conectar, que falha na porta 587. O enableSsl="true" do web.config equivale a SecureSocketOptions.StartTls.
asp-net-core-does-not-b7e6cf14 = O ASP.NET Core não lê o <mailSettings> do web.config: o código do site precisa ler esta seção.

## src/snippet/nodemailer.rs

secure-true-is-only-for-51c29ab8 = secure: true é só para SSL ao conectar (porta 465); com STARTTLS, ele precisa ficar false, senão a conexão falha com "wrong version number".
with-secure-false-nodemailer-still-512f72f5 = Com secure: false, o Nodemailer ainda passa para STARTTLS quando o servidor oferece; adicione ignoreTLS: true só se isso falhar e você aceitar uma conexão sem criptografia.

## src/snippet/oauth/django.rs

put-this-in-your-project-1413375b = Coloque isto no settings.py do seu projeto, substituindo as configurações EMAIL_ que já estão lá.
the-app-needs-microsoft-graph-5db04e0a = O app precisa da permissão de aplicativo Mail.Send do Microsoft Graph com consentimento do administrador (não SMTP.SendAsApp: este backend não usa SMTP). Mail.Send deixa o app enviar como qualquer caixa de e-mail da sua organização, a menos que o seu administrador o limite a esta.
django-o365mail-signs-in-as-58cbac5f = O django-o365mail faz login como o próprio app (app-only), não como uma pessoa: nenhum refresh token é necessário.
without-a-package-azure-communication-7d86afb5 = Sem pacote: o SMTP do Azure Communication Services (smtp.azurecomm.net, porta 587, STARTTLS) aceita nome de usuário e senha, então o próprio backend SMTP do Django funciona com ele (EMAIL_HOST_USER = o SMTP Username do ACS, EMAIL_HOST_PASSWORD = o segredo do cliente do app do Entra); um serviço de relay funciona do mesmo jeito.
enable-the-gmail-api-in-4ecc65d4 = Ative a Gmail API no projeto do Google Cloud e gere o refresh token uma vez com o script do pacote (gmail_oauth2 --generate_oauth2_token), fazendo login como a caixa de e-mail.
without-a-package-google-still-88def8b2 = Sem pacote: o Google ainda aceita uma senha de app (com a Verificação em duas etapas ativada), que o próprio backend SMTP do Django pode usar.

## src/snippet/oauth/laravel.rs

four-parts-each-in-its-a587b09b = Quatro partes, cada uma no seu arquivo: as linhas para o .env, o mailer para o config/mail.php (dentro de 'mailers' => [...]), o código para o método boot() de app/Providers/AppServiceProvider.php e a classe app/Mail/FreshTokenXOAuth2Authenticator.php. Depois rode php artisan config:clear.
laravel-through-symfony-mailer-cannot-d46f9f68 = O Laravel (pelo Symfony Mailer) não consegue buscar um token OAuth sozinho, e um token dura só cerca de uma hora: este transport personalizado busca um novo a cada conexão. Ele precisa do Laravel 9 ou mais recente com symfony/mailer 6.3 ou mais recente (o Laravel 11 e posteriores já têm; no Laravel 10, rode composer update symfony/mailer).

## src/snippet/oauth/mailkit.rs

put-the-smtp-section-the-c60f3059 = Coloque a seção "Smtp" (a parte JSON) no appsettings.json, substituindo uma seção "Smtp" que já esteja lá; adicione a classe C# ao seu projeto e registre-a: builder.Services.AddSingleton<OAuthMailSender>();
this-uses-app-only-sign-823f2f67 = Isto usa login app-only (o site faz login em nome próprio), que é o que um site precisa: o login delegado precisaria de uma pessoa num navegador e de um cache de tokens.
keep-the-client-secret-out-d02d7bb5 = Não deixe o segredo do cliente no appsettings.json em um repositório compartilhado: dotnet user-secrets, uma variável de ambiente (Smtp__ClientSecret) ou um cofre de chaves o substituem.
do-not-connect-with-usessl-3f8b4515 = Não conecte com useSsl: true na porta 587: no MailKit isso significa SSL ao conectar. STARTTLS é SecureSocketOptions.StartTls, como na seção.
appsettings-json-and-c-mailkit-ca0b1f7c = appsettings.json e C# (MailKit)

## src/snippet/oauth/nodemailer.rs

put-this-in-your-node-c0ffada9 = Coloque isto no seu código Node.js e envie com await sendMail({"{"} to, subject, text {"}"}). Instale uma vez: npm install nodemailer @azure/msal-node
put-this-where-your-node-185c1777 = Coloque isto onde o seu código Node.js cria o transport do Nodemailer e depois envie com transporter.sendMail({"{"} to, subject, text {"}"}). O Nodemailer renova o token sozinho.
node-js-code-nodemailer-7e94db6a = Código Node.js (Nodemailer)

## src/snippet/oauth/notes.rs

oauth-means-signing-in-through-7580ed84 = OAuth significa fazer login por meio de { $who } em vez de usar a senha da caixa de e-mail: o site pede a { $who } um token de curta duração com o ID e o segredo do app (nenhuma pessoa faz login) e faz login com esse token.
oauth-means-signing-in-through-828dd6c6 = OAuth significa fazer login pela própria página de { $who } em vez de usar uma senha: o dono da caixa de e-mail faz login uma vez, e o site guarda um refresh token e o usa para obter tokens de curta duração.
replace-placeholder-with-the-app-d5a0af53 = Substitua { $placeholder } pelo segredo do cliente do app. Ele fica de fora para que o trecho possa ser compartilhado com segurança; não o coloque em arquivos que você compartilha ou envia a um repositório (uma variável de ambiente ou um cofre de segredos é melhor).
replace-placeholder-with-the-refresh-50c0846a = Substitua { $placeholder } pelo refresh token que você obtém quando o dono da caixa de e-mail faz login no app uma vez (guarde-o com o mesmo sigilo de uma senha).
replace-placeholder-with-the-app-dd0be73d = Substitua { $placeholder } pelo ID do cliente do app (Application (client) ID, na página Overview do app no Microsoft Entra admin center).
replace-placeholder-with-the-app-e2337baa = Substitua { $placeholder } pelo ID do cliente do app (do cliente OAuth no Google Cloud console, APIs & Services → Credentials).
replace-placeholder-with-the-directory-163145f4 = Substitua { $placeholder } pelo Directory (tenant) ID da página Overview do app (ou pelo seu domínio, como example.onmicrosoft.com).
replace-placeholder-with-the-mailbox-bbe7cc54 = Substitua { $placeholder } pelo endereço da caixa de e-mail a partir da qual o site envia.
google-has-no-app-only-ba6e748c = O Google não tem login app-only para uma caixa de e-mail comum: isso precisa de uma conta de serviço do Google Workspace com delegação em todo o domínio, configurada pelo administrador do Workspace. Em vez disso, isto faz login como a caixa de e-mail (delegado).
app-only-sign-in-needs-ad5c921d = O login app-only precisa de uma configuração única feita pelo administrador do Microsoft 365: a permissão SMTP.SendAsApp, o consentimento do administrador e o acesso do app a esta caixa de e-mail no Exchange (veja os passos de configuração).
the-app-registration-needs-the-f7d5f684 = O App registration precisa da permissão delegada SMTP.Send, e o refresh token precisa ser pedido com os escopos https://outlook.office.com/SMTP.Send e offline_access.
the-google-oauth-client-needs-6e9d68ed = O cliente OAuth do Google precisa do escopo { $scope }. Enquanto a tela de consentimento OAuth do Google estiver em "Testing", os refresh tokens expiram depois de 7 dias: publique o app antes de contar com isto.
smtp-sign-in-smtp-auth-976b28fe = O login SMTP (SMTP AUTH) precisa continuar ativado para a caixa de e-mail, também com OAuth: Set-CASMailbox -SmtpClientAuthenticationDisabled $false.
the-tested-connection-was-not-ee5febd4 = A conexão testada não era criptografada: tokens OAuth não podem passar pela rede sem criptografia, então isto usa STARTTLS. Teste a porta 587 com STARTTLS (ou a 465 com SSL ao conectar) antes de contar com isso.
while-the-google-oauth-consent-d3b7b869 = Enquanto a tela de consentimento OAuth do Google estiver em "Testing", os refresh tokens expiram depois de 7 dias: publique o app antes de contar com isto.

## src/snippet/oauth/php_token.rs

the-token-request-uses-php-264e594e = O pedido de token usa o file_get_contents do PHP em um endereço https://: o allow_url_fopen do PHP precisa estar ativado (ele vem ativado por padrão), e o servidor precisa conseguir alcançar o endpoint de token.

## src/snippet/oauth/phpmailer.rs

put-this-where-your-php-021b3499 = Coloque isto onde o seu código PHP cria o objeto PHPMailer (PHPMailer 6.6 ou mais recente: o OAuthTokenProvider chegou na 6.6), antes de $mail->send(); as linhas use vão no topo do arquivo.
put-this-where-your-php-e46cf1ca = Coloque isto onde o seu código PHP cria o objeto PHPMailer (PHPMailer 6 com Composer), antes de $mail->send(); as linhas use vão no topo do arquivo.
phpmailer-s-own-oauth-class-d202c98f = A própria classe OAuth do PHPMailer só funciona com um refresh token (alguém faz login uma vez); para login app-only, a pequena classe AppOnlyOAuthToken aqui pede um token à Microsoft com o ID e o segredo do app.
get-the-refresh-token-once-daf7ceaf = Obtenha o refresh token uma vez com o get_oauth_token.php do PHPMailer (ele vem com o PHPMailer): coloque-o no seu site, adicione o endereço dele às redirect URIs do app, abra-o, escolha { $provider } e faça login como a caixa de e-mail. Depois, apague o script.
microsoft-sends-only-as-the-720b52d1 = A Microsoft só envia como a caixa de e-mail que faz login (ou um endereço com que ela pode enviar): mantenha setFrom nesse endereço.

## src/snippet/oauth/setup.rs

open-the-microsoft-entra-admin-56e219d9 = Abra o Microsoft Entra admin center (entra.microsoft.com) → App registrations → New registration. Dê um nome (por exemplo "E-mail do site"), mantenha "Accounts in this organizational directory only" e registre. A página Overview mostra o Application (client) ID e o Directory (tenant) ID: o site precisa dos dois.
open-the-microsoft-entra-admin-830973c3 = Abra o Microsoft Entra admin center (entra.microsoft.com) → App registrations e abra o app cujo Application (client) ID é { $client_id } (ou crie: New registration, "Accounts in this organizational directory only"). Anote o Directory (tenant) ID na página Overview dele: o site precisa dele.
open-the-microsoft-entra-admin-566fe1a1 = Abra o Microsoft Entra admin center (entra.microsoft.com) → App registrations e abra o app cujo Application (client) ID é { $client_id } (ou crie: New registration, "Accounts in this organizational directory only"). O Directory (tenant) ID dele deve ser { $tenant }.
in-the-app-api-permissions-e2b91c93 = No app: API permissions → Add a permission → APIs my organization uses → procure "Office 365 Exchange Online" → Application permissions → marque SMTP.SendAsApp → Add permissions.
still-on-api-permissions-click-3f5fb2d8 = Ainda em API permissions, clique em "Grant admin consent" para a sua organização (só um administrador pode).
certificates-secrets-new-client-secret-12e13caf = Certificates & secrets → New client secret. Copie o Value na hora (ele só aparece esta vez) e coloque-o onde o site lê o segredo do cliente. Anote a data de expiração na sua agenda: quando o segredo expirar, o site para de enviar até você criar um novo.
enterprise-applications-not-app-registra-0ee3ad08 = Enterprise applications (não App registrations) → abra o mesmo app → copie o Object ID dele. O Object ID do App registration é outro número e faz o login falhar. Ele substitui { $placeholder } abaixo.
in-powershell-install-the-exchange-208056fd = No PowerShell, instale o módulo Exchange Online (uma vez) e faça login como administrador do Exchange.
tell-exchange-about-the-app-7738c8e6 = Informe o app ao Exchange (a entidade de serviço dele).
let-the-app-use-the-0b50e2fa = Deixe o app usar a caixa de e-mail { $mailbox }.
make-sure-smtp-sign-in-b85ae76e = Confira se o login SMTP (SMTP AUTH) está ativado para a caixa de e-mail: o OAuth também precisa dele.

## src/snippet/oauth/symfony.rs

save-the-first-part-as-bebdcc14 = Salve a primeira parte como src/Mailer/FreshTokenXOAuth2Authenticator.php; use a segunda parte onde o seu código envia e-mails, em vez do mailer criado a partir de MAILER_DSN.
symfony-mailer-cannot-fetch-an-653576c6 = O Symfony Mailer não consegue buscar um token OAuth sozinho: o login XOAUTH2 dele usa a senha como token, e um token dura só cerca de uma hora. A pequena classe aqui busca um novo a cada conexão. Ela precisa do symfony/mailer 6.3 ou mais recente (setAuthenticators).
php-code-symfony-mailer-69a187c6 = Código PHP (Symfony Mailer)

## src/snippet/oauth/web_config.rs

put-it-inside-configuration-replacing-fa45570d = Coloque dentro de <configuration>, substituindo o bloco <system.net> <mailSettings> que já está lá (mantenha todo o resto dentro de <system.net>, como <defaultProxy>).
asp-net-s-mail-sender-22b9064f = O enviador de e-mails do ASP.NET (System.Net.Mail, que lê o web.config) não consegue fazer login com OAuth (o pedido para isso, dotnet/runtime issue 76253, está aberto desde 2022), e a própria Microsoft recomenda o MailKit no lugar (orientação DE0005).
way-out-1-create-an-4ee187a7 = Saída 1: crie uma senha de app para a caixa de e-mail (Senhas de app, nas configurações de segurança da Conta do Google) e coloque-a no lugar de { $placeholder }. Um administrador do Workspace pode proibir senhas de app: nesse caso, use um serviço de relay ou o MailKit.
asp-net-cannot-use-port-3fcf6280 = O ASP.NET não consegue usar a porta 465 (SSL ao conectar), então é usada a porta 587 com enableSsl="true".
way-out-1-azure-communication-18094b5e = Saída 1, SMTP do Azure Communication Services (smtp.azurecomm.net, porta 587, enableSsl="true"): no Azure portal, crie um Email Communication Service com o seu domínio e um recurso do Communication Services, dê acesso a ele a um app do Entra e crie um SMTP Username. Então userName é esse SMTP Username e password é o segredo do cliente do app (substitua { $user_placeholder } e { $secret_placeholder }). O endereço em De precisa estar em um domínio verificado no ACS.
way-out-2-a-relay-7b644bf3 = Saída 2, um serviço de relay (SendGrid, Brevo, Mailgun, Amazon SES, SMTP2GO, ...): coloque o host dele, a porta 587, enableSsl="true" e o nome de usuário e a senha ou chave SMTP dele no elemento <network>.
way-out-3-an-exchange-c0be45f4 = Saída 3, um conector do Exchange: o seu administrador cria um conector de entrada no Exchange Online que aceita e-mails do endereço IP fixo do servidor web; o site então envia para <seu domínio>.mail.protection.outlook.com na porta 25 sem userName e password (enableSsl="true" também funciona ali).
way-out-4-high-volume-cdeb9bee = Saída 4, High Volume Email (smtp-hve.office365.com, porta 587): ainda aceita senha, mas só entrega para endereços dentro da sua própria organização.
way-out-5-move-the-166eb8f2 = Saída 5: passe o código de e-mail do site para o MailKit, que faz login com OAuth (veja a aba ASP.NET Core para o código; o MailKit também funciona no .NET Framework 4.x).

## src/snippet/oauth/wordpress.rs

put-this-in-wp-config-7f22d207 = Coloque isto no wp-config.php acima da linha /* That's all, stop editing! */ (é preciso o plugin WP Mail SMTP), substituindo as linhas WPMS_ que já estiverem lá.
with-wp-mail-smtp-the-c123677e = Com o WP Mail SMTP, a página de configurações do plugin faz o login: siga os passos dela, não a configuração app-only para SMTP (SMTP.SendAsApp).
steps-1-in-the-google-54eefa59 = Passos: 1. No Google Cloud console, crie um projeto, ative a Gmail API e crie um ID do cliente OAuth do tipo "Web application". 2. Copie a "Authorized redirect URI" mostrada nas configurações do WP Mail SMTP para as "Authorized redirect URIs" do cliente. 3. Cole o ID do cliente e o segredo acima. 4. Nas configurações do WP Mail SMTP, use o botão dele para fazer login com a Conta do Google da caixa de e-mail e permitir que o plugin envie.
steps-1-in-the-microsoft-ea0ecf6c = Passos: 1. No Microsoft Entra admin center, App registrations → New registration. 2. Adicione a redirect URI e as permissões que a página de configurações do Outlook do WP Mail SMTP lista. 3. Certificates & secrets → New client secret; cole o ID do cliente e o segredo acima. 4. Nas configurações do WP Mail SMTP, use o botão dele para fazer login com a conta Microsoft da caixa de e-mail.
the-outlook-mailer-is-part-f00ba925 = O mailer Outlook faz parte só do WP Mail SMTP Pro. Sem o Pro: o SMTP do Azure Communication Services (smtp.azurecomm.net, porta 587, STARTTLS) funciona com o mailer "Other SMTP" do plugin e um nome de usuário e senha.
nothing-in-wp-config-php-e750f8c3 = Nada no wp-config.php faz login: o plugin guarda o login que obtém na página de configurações dele, então refaça o passo 4 se o envio parar (por exemplo, depois que o segredo expirar).

## src/snippet/parts.rs

from-is-empty-the-website-80fe4bb0 = from está vazio: o código do site precisa então definir o remetente sozinho.
replace-placeholder-with-the-mailbox-0d73c02b = Substitua { $placeholder } pela senha da caixa de e-mail (ela fica de fora para que o trecho possa ser compartilhado com segurança).
defaultcredentials-signing-in-as-the-f49dc854 = defaultCredentials (login como a conta do Windows) só existe no web.config do ASP.NET: este trecho não faz login. Informe um nome de usuário e uma senha se o servidor precisar deles.
no-encryption-the-password-crosses-60b57264 = Sem criptografia: a senha passa pela rede sem criptografia. Use STARTTLS ou SSL ao conectar se o servidor oferecer.
port-465-is-for-ssl-d3d922fc = A porta 465 é para SSL ao conectar, e a maioria dos programas de e-mail sempre o usa nela. Teste a porta 587 com STARTTLS, ou a porta 465 com SSL ao conectar, antes de contar com isto.

## src/snippet/phpmailer.rs

smtpautotls-is-false-so-that-d6642a40 = SMTPAutoTLS está como false para que o PHPMailer não passe para STARTTLS por conta própria; remova essa linha se o servidor oferecer STARTTLS e você quiser usá-lo.

## src/snippet/symfony.rs

the-user-name-and-password-db6b0fdc = O nome de usuário e a senha estão codificados para URL no DSN (@ vira %40, por exemplo): se você os editar, codifique-os do mesmo jeito.
smtp-switches-to-starttls-by-b5d12bbf = smtp:// passa para STARTTLS sozinho quando o servidor oferece. O Symfony sempre usa SSL ao conectar na porta 465, mesmo com smtp://.
smtp-still-switches-to-starttls-cb0f6b8f = smtp:// ainda passa para STARTTLS quando o servidor oferece (o Symfony 7.1+ pode desativar isso com ?auto_tls=false).
smtps-means-ssl-on-connect-dabcf4ab = smtps:// significa SSL ao conectar. O Symfony também usa SSL ao conectar em qualquer DSN na porta 465.
symfony-mailer-takes-the-sender-5727fd05 = O Symfony Mailer pega o remetente de cada mensagem: use { $from } como endereço From dela.

## src/snippet/wordpress.rs

wpms-ssl-tls-means-starttls-e40daa42 = WPMS_SSL 'tls' significa STARTTLS (o próprio comentário do plugin, "TLS is not STARTTLS", engana): mantenha 'tls' com a porta 587 e 'ssl' só para a porta 465.

## src/warning.rs

your-website-will-then-log-9d26b372 = O seu site vai então registrar no log
for-mail-to-anyone-else-362213fd = Para e-mails a qualquer outra pessoa, o seu site vai registrar no log
the-test-message-arrived-but-a31edd84 = A mensagem de teste chegou, mas os e-mails para os seus clientes serão recusados
this-server-took-the-test-163aee85 = Este servidor aceitou a mensagem de teste sem login porque ela era destinada a uma das próprias caixas de e-mail dele. Quando pedimos que aceitasse um e-mail para um endereço de fora (nada foi enviado), ele recusou: "{ $reply }". Sem login, os e-mails do seu site para qualquer outra pessoa (confirmações de pedido, redefinições de senha) são recusados do mesmo jeito.
fill-in-username-and-password-14461f2f = Preencha `userName` e `password` (e defina `enableSsl` como `true`): um site com login feito pode enviar para qualquer endereço. Teste de novo com eles.
or-ask-your-hosting-company-fee3b0e0 = Ou pergunte à sua empresa de hospedagem qual servidor e porta deixam o site enviar para endereços de fora.
azure-communication-services-a-microsoft-ac627e0b = Azure Communication Services: um relay da Microsoft que continua aceitando nome de usuário e senha (smtp.azurecomm.net, porta 587, enableSsl ativado; userName é o nome de usuário SMTP dele, password é o segredo do cliente do app do Entra). Escolha a predefinição "Azure Communication Services" e teste.
a-sending-service-that-takes-06d85dc4 = Um serviço de envio que aceite senhas (SendGrid, Brevo, Mailgun, Amazon SES, SMTP2GO) ou o servidor de e-mail da sua empresa de hospedagem: mude host, userName e password para os deles.
an-exchange-connector-your-admin-6c6db3dc = Um conector do Exchange: o seu administrador deixa o endereço IP fixo do servidor web enviar pela porta 25 para <seu domínio>.mail.protection.outlook.com sem login.
high-volume-email-smtp-hve-996cf456 = O High Volume Email (smtp-hve.office365.com, porta 587) aceita senhas até setembro de 2028, mas só entrega para as caixas de e-mail da sua própria organização.
or-move-the-site-s-da0ce105 = Ou passe o código de e-mail do site para o MailKit com OAuth (o enviador de e-mails embutido do ASP.NET não consegue fazer OAuth).
sign-in-with-oauth-instead-a6b809b7 = Faça login com OAuth (app do Microsoft 365 com a permissão SMTP.SendAsApp): teste aqui com Login → Microsoft 365 (OAuth), ou `mailtester send --oauth microsoft`, e depois use o trecho OAuth para a sua plataforma.
or-send-through-a-relay-09358923 = Ou envie por um relay que continue aceitando senhas: Azure Communication Services (smtp.azurecomm.net) ou um serviço de envio.
this-works-today-but-microsoft-1e66a965 = Isto funciona hoje, mas o Microsoft 365 desativa o login com senha no fim de dezembro de 2026
microsoft-switches-password-sign-in-b29c7af0 = A Microsoft desativa por padrão o login com senha para SMTP (autenticação básica) em todas as organizações do Microsoft 365 no fim de dezembro de 2026. Um administrador pode reativá-lo por enquanto; a Microsoft vai anunciar o fim definitivo no segundo semestre de 2027. A partir daí, os e-mails do seu site param.

## src/webconfig/document.rs

a-second-top-level-element-0dbfb207 = um segundo elemento de nível superior; tudo precisa estar dentro do único elemento <configuration>
text-outside-the-configuration-element-5ab3603e = texto fora do elemento <configuration>; remova-o
name-is-never-closed-name-53fcf71f = <{ $name }> nunca é fechado (falta </{ $name }>)
the-file-has-no-elements-e99344ab = o arquivo não tem nenhum elemento (ele deveria começar com <configuration>)
a-tag-is-not-closed-61fb9e67 = uma tag não foi fechada: falta um > (ou uma aspa dentro da tag não foi fechada)
a-comment-that-starts-with-3173cbb0 = um comentário que começa com <!-- nunca é fechado com -->
a-cdata-section-is-never-36fbd2fd = uma seção <![CDATA[ nunca é fechada com ]]>
a-instruction-is-never-closed-c4b71c8b = uma instrução <? ... ?> nunca é fechada com ?>
something-starting-with-is-neither-c5af375e = algo que começa com <! não é nem um comentário nem uma marcação válida
found-closes-expected-which-is-b2b369eb = </{ $found }> fecha <{ $expected }>, que ainda está aberto: falta uma tag de fechamento ou ela está escrita errado
name-closes-an-element-that-427ce6ea = </{ $name }> fecha um elemento que nunca foi aberto
name-is-never-closed-c06a4bbe = <{ $name }> nunca é fechado
a-comment-contains-two-hyphens-e819051e = um comentário contém -- (dois hifens), o que o XML não permite dentro de <!-- -->
an-starts-a-reference-that-acc80456 = um & começa uma referência que nunca termina com ; (escreva & como &amp;)
the-xml-line-at-the-d4be05db = a linha <?xml ...?> no topo não tem version="1.0"
the-xml-could-not-be-ebe072f9 = não foi possível ler o XML ({ $error })

## src/webconfig/error.rs

this-web-config-is-not-e049049c = este web.config não é um XML válido: { $problem } (linha { $line }, coluna { $column }). O ASP.NET também não consegue lê-lo; corrija-o em um editor de texto ou restaure uma cópia de segurança e tente de novo
this-file-is-not-a-946b2312 = este arquivo não é um web.config: o primeiro elemento dele é <{ $root }>, não <configuration>. Abra o web.config do site (ele fica na pasta raiz do site)
this-web-config-has-no-622e34e8 = este web.config ainda não tem configurações de e-mail; teste as suas configurações e use Atualizar para adicioná-las
the-mail-settings-are-not-2daa99b4 = as configurações de e-mail não estão neste arquivo: <{ $element } configSource="{ $file }"> as guarda em { $file }, ao lado deste web.config. Abra esse arquivo
the-mail-settings-in-this-ba3ab443 = as configurações de e-mail neste web.config estão criptografadas ({ $detail }), então não podem ser lidas nem alteradas aqui. Descriptografe-as no servidor com aspnet_regiis -pd "system.net/mailSettings/smtp" (e criptografe de novo depois com -pe), ou digite as configurações à mão
found-on-line-line-must-5332e735 = <{ $found }> na linha { $line } precisa ser escrito <{ $expected }> (os nomes de elementos diferenciam maiúsculas de minúsculas, e o ASP.NET rejeita o arquivo como está). Corrija o nome em um editor de texto e tente de novo
element-appears-more-than-once-f637cee8 = <{ $element }> aparece mais de uma vez (de novo na linha { $line }); o ASP.NET rejeita uma seção escrita duas vezes. Remova a que sobra em um editor de texto e tente de novo
the-attribute-value-has-a-50c8f903 = o valor de { $attribute } tem um caractere de controle ({ $character }) que um web.config não pode conter: o ASP.NET rejeitaria o arquivo inteiro e o site pararia com o erro 500.19. Nada foi alterado; digite { $attribute } de novo sem ele (muitas vezes ele vem de copiar e colar) e tente de novo
the-tester-could-not-update-b7d291a7 = o testador não conseguiu atualizar este web.config com segurança ({ $arg0 }); nada foi alterado. Por favor, informe isto e, por enquanto, altere o arquivo à mão
there-is-no-file-here-7f01ff88 = não há nenhum arquivo aqui; confira o caminho (o web.config fica na pasta raiz do site): { $path }
another-program-has-the-file-fad4180e = outro programa está com o arquivo aberto e não deixa alterá-lo, então nada foi alterado; feche o programa que está com ele aberto (um editor, o IIS Manager, uma ferramenta de backup ou sincronização) e tente de novo: { $path }
this-is-what-not-a-05f9ae91 = isto é { $what }, não um arquivo, então foi deixado como está; informe o caminho do próprio arquivo web.config (ele fica na pasta raiz do site): { $path }
the-file-is-read-only-c3ff344c = o arquivo é somente leitura (está marcado como somente leitura, ou esta conta não pode gravar nele), então nada foi alterado; tire a marcação de somente leitura (Windows: Propriedades do arquivo, desmarque Somente leitura; Linux: chmod u+w) ou rode como um usuário que possa gravá-lo e tente de novo: { $path }
the-file-is-size-bytes-2a8cdc56 = o arquivo tem { $size } bytes, grande demais para um web.config (o limite é { $limit } bytes); confira se este é o arquivo certo: { $path }
the-file-is-not-utf-e2a5449c = o arquivo não é texto UTF-8 nem UTF-16 ({ $detail }); abra-o em um editor de texto, salve-o como UTF-8 e tente de novo: { $path }
the-file-changed-on-disk-62f7b37a = o arquivo mudou no disco depois que as mudanças foram preparadas (outro programa ou pessoa o editou), então nada foi gravado; rode a atualização de novo para ver um diff novo: { $path }
could-not-write-the-backup-75f9a6c2 = não foi possível gravar a cópia de segurança ({ $source }), então o web.config não foi alterado; libere espaço em disco ou confira as permissões da pasta: { $path }
could-not-write-the-new-01f69e66 = não foi possível gravar o novo conteúdo ({ $source }); o conteúdo antigo está seguro na cópia de segurança { $backup }, então, se o web.config estiver danificado agora, copie a cópia de segurança por cima dele: { $path }
permission-denied-this-account-may-28324bb6 = permissão negada: esta conta não pode ler o arquivo. { $advice }: { $path }
permission-denied-this-account-may-14f1cab5 = permissão negada: esta conta não pode gravar o arquivo (nem criar arquivos na pasta dele). { $advice }: { $path }
could-not-read-the-file-988f82d4 = não foi possível ler o arquivo ({ $source }); confira o caminho e tente de novo: { $path }
could-not-write-the-file-0790a48d = não foi possível gravar o arquivo ({ $source }); confira o caminho e tente de novo: { $path }
a-website-s-files-under-c1972da4 = Os arquivos de um site (em C:\inetpub, por exemplo) normalmente exigem direitos de administrador: feche o Mail Settings Tester, clique nele com o botão direito e escolha "Executar como administrador", depois tente de novo; ou trabalhe numa cópia do arquivo
run-it-as-a-user-e923af9a = Rode como um usuário que possa (num servidor web, muitas vezes o root ou o dono do site, p. ex. com sudo), ou trabalhe numa cópia do arquivo

## src/webconfig/file/checks.rs

a-named-pipe-fifo-47ff048c = um pipe nomeado (FIFO)
a-device-7c776f4e = um dispositivo
a-socket-26577a75 = um socket
a-folder-419478b0 = uma pasta
not-a-regular-file-ebe2737d = não é um arquivo comum

## src/webconfig/file.rs

utf-16-with-an-odd-c94555ea = UTF-16 com um número ímpar de bytes: o arquivo está cortado
broken-utf-16-5bc13a27 = UTF-16 com defeito
it-looks-like-utf-16-33d07569 = parece UTF-16 sem marca de ordem de bytes (BOM)
line-line-has-a-character-cb86bf3b = a linha { $line } tem um caractere que não é UTF-8, provavelmente de uma codificação antiga do Windows
too-many-backups-with-the-2a36fe1a = cópias de segurança demais com o mesmo horário

## src/webconfig/layout.rs

added-element-inside-parent-431becd7 = <{ $element }> adicionado dentro de <{ $parent }>.

## src/webconfig/lint.rs

fix-the-xml-in-a-546837d2 = Corrija o XML em um editor de texto (ou restaure uma cópia de segurança) e verifique de novo.
open-the-site-s-web-b8d6e299 = Abra o web.config do site.
check-that-other-file-instead-0ed422f0 = Verifique aquele outro arquivo.
decrypt-the-section-to-check-cf798e5a = Descriptografe a seção para verificá-la, ou teste as configurações digitando-as.
this-web-config-has-no-07bafa83 = Este web.config não tem configurações de e-mail (<system.net><mailSettings><smtp>).
test-your-settings-then-use-6448d6a8 = Teste as suas configurações e depois use Atualizar para adicioná-las.
smtp-has-no-network-element-aa04a6eb = <smtp> não tem elemento <network>, então nenhum servidor de e-mail é indicado: o envio falha com "The SMTP host was not specified.", a menos que o código do site o defina.
add-network-host-port-587-17c60e62 = Adicione <network host="..." port="587" enableSsl="true" ... /> dentro de <smtp> (Atualizar faz isso por você).
found-must-be-written-right-a97a6695 = <{ $found }> precisa ser escrito <{ $right }>: os nomes de elementos diferenciam maiúsculas de minúsculas, e o ASP.NET rejeita o arquivo como está.
rename-found-to-right-in-b46d1244 = Renomeie <{ $found }> para <{ $right }> (na tag de abertura e na de fechamento).
element-is-written-more-than-3c644821 = <{ $element }> está escrito mais de uma vez: o ASP.NET rejeita uma seção que aparece duas vezes.
keep-one-element-and-remove-0b3b6944 = Mantenha um <{ $element }> e remova o outro.
the-mail-settings-are-inside-00a41f02 = As configurações de e-mail estão dentro de <location path="{ $path }">, então valem para essa parte do site.
usually-fine-if-the-whole-bd9e2bd3 = Normalmente não tem problema; se o site inteiro envia e-mails e esta é uma subpasta, mova <system.net> para logo abaixo de <configuration>.
element-has-name-but-net-61c07682 = <{ $element }> tem `{ $name }`, mas o .NET só conhece `{ $right }`: os nomes de atributos diferenciam maiúsculas de minúsculas, então o ASP.NET rejeita a seção de e-mail inteira ("Unrecognized attribute '{ $name }'. Note that attribute names are case-sensitive.") e nenhum e-mail é enviado.
rename-name-to-right-update-cb52d8cf = Renomeie `{ $name }` para `{ $right }` (Atualizar faz isso por você).
replace-name-with-meant-the-e25b0aa5 = Substitua `{ $name }` por `{ $meant }` (o nome que o .NET conhece).
remove-name-element-knows-known-3e4e8597 = Remova `{ $name }`. <{ $element }> conhece: { $known }.
element-has-name-which-is-117faef4 = <{ $element }> tem `{ $name }`, que não é uma configuração de e-mail do .NET: o ASP.NET rejeita a seção de e-mail inteira ("Unrecognized attribute '{ $name }'.") e nenhum e-mail é enviado.

## src/webconfig/lint_tls.rs

targetframework-stated-a-site-that-de58a7e3 = targetFramework="{ $stated }": um site voltado para o .NET Framework 4.5.2 ou anterior só oferece TLS 1.0 por padrão, e os servidores de e-mail hoje só aceitam TLS 1.2 ou mais recente, então o envio falha com "Authentication failed because the remote party has closed the transport stream.", a menos que o Windows do servidor esteja configurado para usar criptografia forte em todos os programas.
write-httpruntime-targetframework-4-8-f7fec2a7 = Escreva <httpRuntime targetFramework="4.8" /> em <system.web> (o .NET Framework 4.8 precisa estar instalado no servidor web; a sua hospedagem pode dizer), ou peça ao seu desenvolvedor para adicionar ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12; na inicialização.

## src/webconfig/lint_values.rs

smtp-has-no-from-address-f9cd657f = <smtp> não tem endereço `from`, então cada mensagem que o site envia precisa definir o próprio remetente; onde o código não faz isso, o envio falha com "A from address must be specified."
add-from-you-yourdomain-com-ec32121e = Adicione from="voce@seudominio.com" a <smtp>, com um endereço com que o servidor de e-mail deixa você enviar.
deliveryformat-format-is-not-a-505b3353 = deliveryFormat="{ $format }" não é um formato de entrega: o ASP.NET rejeita a seção de e-mail.
remove-deliveryformat-the-default-sevenb-95b52244 = Remova deliveryFormat (o padrão, SevenBit, serve para quase todo site) ou escreva SevenBit ou International.
deliverymethod-value-is-not-a-375196b5 = deliveryMethod="{ $value }" não é um método de entrega: o ASP.NET rejeita a seção de e-mail.
write-deliverymethod-network-to-send-40e5740b = Escreva deliveryMethod="Network" para enviar pelo servidor de e-mail.
deliverymethod-value-writes-each-message-82f343ab = deliveryMethod="{ $value }" grava cada mensagem como um arquivo em uma pasta em vez de enviá-la: nada chega ao servidor de e-mail, diga o que disser o <network>.
write-deliverymethod-network-to-send-3e1d84d7 = Escreva deliveryMethod="Network" para enviar pelo servidor de e-mail (mantenha a pasta só num site de teste).
no-mail-server-is-named-4f06cc8f = Nenhum servidor de e-mail é indicado (`host` está faltando ou vazio), então o envio falha com "The SMTP host was not specified.", a menos que o código do site o defina.
add-host-smtp-yourprovider-com-bb4f6757 = Adicione host="smtp.seuprovedor.com" a <network>.
port-465-is-for-ssl-761241f1 = port="465" é para SSL ao conectar, o que o System.Net.Mail não consegue fazer: ele espera uma saudação que nunca vem e falha depois de 100 segundos com "The operation has timed out."
use-port-587-with-enablessl-e0c0c6ce = Use port="587" com enableSsl="true" (STARTTLS) e teste antes.
port-value-is-outside-1-968b4df1 = port="{ $value }" está fora de 1–65535: o ASP.NET rejeita a seção de e-mail.
use-port-587-the-usual-19aa1c58 = Use port="587" (a porta comum para enviar a partir de sites), a menos que o seu provedor diga outra coisa.
port-value-is-not-a-f40e6f90 = port="{ $value }" não é um número inteiro: o ASP.NET rejeita a seção de e-mail.
encrypt-the-connection-with-starttls-1fd0d51e = criptografar a conexão com STARTTLS
sign-in-as-the-website-7d587fd7 = fazer login como a conta do Windows do site
enablessl-is-true-while-deliverymethod-2ec1b295 = enableSsl está como true, enquanto deliveryMethod grava em uma pasta: o .NET para com "SSL must not be enabled for pickup-directory delivery methods."
write-deliverymethod-network-to-send-4e4c28b5 = Escreva deliveryMethod="Network" para enviar pelo servidor, ou enableSsl="false" para manter a pasta.
name-value-is-neither-true-f3d68c43 = { $name }="{ $value }" não é true nem false: o ASP.NET rejeita a seção de e-mail.
write-name-true-meaning-or-f1a39692 = Escreva { $name }="true" ({ $meaning }) ou { $name }="false".
defaultcredentials-true-makes-asp-net-6f0df787 = defaultCredentials="true" faz o ASP.NET fazer login como a conta do Windows do site: userName e password são ignorados.
write-defaultcredentials-false-to-sign-9b9e51b7 = Escreva defaultCredentials="false" para fazer login com userName e password (ou remova userName se a intenção é usar a conta do Windows).
username-is-set-but-there-7c2d8888 = userName está definido, mas não há senha, então o servidor vai recusar o login.
add-password-to-network-or-21c7b43d = Adicione password="..." a <network> (ou atualize o arquivo com a senha incluída).
a-password-is-set-but-d646dd41 = Há uma senha, mas userName está vazio, então o ASP.NET não faz login nenhum (sem nome de usuário, ele não envia credenciais).
add-username-usually-the-full-f1b8ba60 = Adicione userName="..." (normalmente o endereço de e-mail completo) ou remova a senha.
enablessl-is-false-so-the-4de882bb = enableSsl está como false, então o nome de usuário e a senha passam pela rede sem criptografia (e muitos servidores se recusam a fazer login sem criptografia).
write-enablessl-true-if-the-cfab14f3 = Escreva enableSsl="true" se o servidor oferecer STARTTLS (teste antes).
the-password-is-written-in-8b0e18ce = A senha está escrita em texto legível no web.config: qualquer pessoa que consiga ler este arquivo consegue lê-la.
once-the-settings-work-encrypt-99ce1214 = Quando as configurações funcionarem, criptografe a seção no servidor: aspnet_regiis -pe "system.net/mailSettings/smtp" -app "/SeuSite" (o ASP.NET a descriptografa sozinho).

## src/webconfig/mod.rs

saving-web-config-restarts-the-382be3c3 = Salvar o web.config reinicia o site (o IIS o recarrega): ele pode levar alguns segundos para voltar a responder, e os visitantes com login feito podem ter de fazer login de novo.

## src/webconfig/rules.rs

this-site-runs-on-net-353ee75a = Este site roda no .NET Framework 2.0–3.5, em que o web.config não tem enableSsl (ele chegou na 4.0, e versões mais antigas rejeitam a seção inteira por causa dele), então este trecho o deixa de fora. O servidor precisa de criptografia, então ative-a no código: defina SmtpClient.EnableSsl = true antes de Send (para o controle PasswordRecovery, trate o evento SendingMail dele, envie a mensagem você mesmo com EnableSsl = true e defina e.Cancel = true). Melhor ainda: passe o site para o .NET Framework 4.x, em que enableSsl="true" no web.config basta.
mail-servers-now-require-tls-ce5510dc = Os servidores de e-mail hoje exigem TLS 1.2: confira se o site é voltado para o .NET Framework 4.7 ou mais recente (<httpRuntime targetFramework="4.7.2" /> ou mais novo), ou se o Windows ativa o TLS 1.2 para versões mais antigas.
asp-net-core-net-5-5f421df6 = O ASP.NET Core (.NET 5 e posteriores) não lê o <mailSettings> do web.config de jeito nenhum, então este bloco não faria nada. Use a aba ASP.NET Core: appsettings.json para o MailKit.
asp-net-cannot-use-port-22b9f926 = O ASP.NET não consegue usar a porta 465 (SSL ao conectar), então é usada a porta 587 com enableSsl="true". Teste a porta 587 antes de contar com isso.
enablessl-is-false-the-password-037fb99f = enableSsl está como false: a senha passa pela rede sem criptografia. Use enableSsl="true" se o servidor oferecer.

## src/webconfig/section.rs

element-holds-encrypteddata-30490473 = <{ $element }> contém <EncryptedData>

## src/webconfig/tag.rs

a-tag-could-not-be-f1aa86a3 = não foi possível ler uma tag
a-is-not-followed-by-579caa22 = um < não é seguido de um nome de elemento
in-name-attributes-must-be-9c9f83dd = em <{ $name }>, os atributos precisam ser separados por um espaço
element-has-the-attribute-name-c9e1b545 = <{ $element }> tem o atributo { $name } duas vezes
in-element-a-stray-quote-7de86a37 = em <{ $element }>, há uma aspa ou um = solto onde deveria estar um nome de atributo
in-element-the-attribute-name-d514ebae = em <{ $element }>, o atributo { $name } não tem valor (escreva { $name }="...")
in-element-the-value-of-1f8d26e4 = em <{ $element }>, o valor de { $name } precisa estar entre aspas
in-element-the-value-of-3104c556 = em <{ $element }>, o valor de { $name } não tem aspa de fechamento
in-element-the-value-of-2c82c8d0 = em <{ $element }>, o valor de { $name } contém <, que precisa ser escrito &lt;
in-element-the-value-of-5b909dc6 = em <{ $element }>, o valor de { $name } tem um & que não é uma referência válida (escreva & como &amp;)

## src/webconfig/update.rs

no-password-was-written-it-6739a1ec = Nenhuma senha foi gravada (ela fica de fora, a menos que você peça): adicione password="..." a <network> à mão, ou atualize de novo com a senha incluída.

## mailtester --help: the doc comments clap shows, and clap's own texts

tests-smtp-settings-the-way-5dd24b90 = Testa as configurações SMTP do jeito que um site as usa, explica as falhas em palavras simples e escreve o trecho de web.config que funciona.
the-language-of-messages-and-254dde98 = O idioma das mensagens e da janela: de, fr, es, pt-BR, it, nl, pl, ja ou en (padrão: o do sistema). O JSON, os trechos, os ids e os códigos de saída são os mesmos em todos os idiomas
print-help-63ca5eeb = Mostra a ajuda
print-version-070bbb84 = Mostra a versão
send-a-test-message-and-43b885a5 = Envia uma mensagem de teste e mostra cada etapa da conversa com o servidor
start-from-a-provider-s-927bdeaf = Começa pelas configurações de um provedor (veja `mailtester presets`); as outras opções têm prioridade sobre elas
start-from-a-saved-profile-4d8d2825 = Começa por um perfil salvo (veja `mailtester profile list`); as outras opções têm prioridade sobre ele, e a senha dele vem do chaveiro do sistema, a menos que seja informada
host-the-mail-server-s-ef315f6f = `host`: o nome do servidor de e-mail
port-587-for-most-providers-b7560650 = `port` (587 na maioria dos provedores; o padrão do web.config é 25)
enablessl-starttls-web-config-s-201dd084 = `enableSsl` (STARTTLS). O padrão do web.config é false
connection-security-overrides-enable-ssl-4bfd0c93 = Segurança da conexão; substitui --enable-ssl
starttls-what-enablessl-true-means-49815d99 = STARTTLS (o que enableSsl="true" significa)
ssl-on-connect-usually-port-5606cb12 = SSL ao conectar (normalmente a porta 465; não é possível com o ASP.NET)
username-usually-the-full-email-1aca0825 = `userName` (normalmente o endereço de e-mail completo)
read-the-password-from-the-3b36a99c = Lê a senha da primeira linha da entrada padrão
read-the-password-from-this-8b7c2f86 = Lê a senha desta variável de ambiente
defaultcredentials-sign-in-as-the-dcf0f239 = `defaultCredentials`: faz login com a conta do Windows em vez de um nome de usuário
from-the-sender-address-38af51cb = `from`: o endereço de remetente
where-to-send-the-test-f1adc9fb = Para onde enviar o teste (padrão: o endereço from)
clientdomain-the-name-sent-with-05cff35e = `clientDomain`: o nome enviado com EHLO (padrão: o nome deste computador)
limit-for-each-wait-in-fd8c958b = Limite de cada espera, em segundos (padrão: conexão 10, saudação 10, comandos 30)
the-limit-for-the-whole-719e5a06 = O limite do teste inteiro, em segundos, mesmo que o servidor continue respondendo, devagar mas sem parar [padrão: 120, ou --timeout quando informado]
how-long-to-wait-in-d78347aa = Quanto tempo esperar, em segundos, até o servidor aceitar a mensagem depois que ela foi enviada por inteiro (servidores que verificam se cada mensagem é spam podem ser lentos); o limite do teste inteiro continua valendo. Com --target dotnet só vale o limite do teste inteiro, como no ASP.NET [padrão: 90, ou --timeout quando informado]
an-extra-file-of-certificate-e8ce08c6 = Um arquivo extra de autoridades certificadoras em que confiar (PEM, ou um certificado DER .cer)
go-on-when-the-certificate-c46a2c17 = Continua mesmo quando o certificado é inválido (sempre informado como aviso)
sign-in-even-over-an-cd05e74d = Faz login mesmo em uma conexão sem criptografia (a senha passa pela rede legível para qualquer um no caminho). Sem esta opção, o teste para antes de enviar a senha por ela
the-program-that-will-use-dc349359 = O programa que vai usar estas configurações [padrão: dotnet]
asp-net-system-net-mail-a1aacdb3 = ASP.NET / System.Net.Mail (web.config): se comporta exatamente como ele
any-other-mail-program-the-96b08a92 = Qualquer outro programa de e-mail: o melhor que o servidor oferece
the-website-s-asp-net-768c8f73 = A versão do ASP.NET do site: define o que o web.config pode conter [padrão: 4]
net-framework-2-0-no-9d07e76e = .NET Framework 2.0 (sem enableSsl no web.config)
net-framework-3-5-no-2d75b08e = .NET Framework 3.5 (sem enableSsl no web.config)
net-framework-4-x-c65af3fe = .NET Framework 4.x
asp-net-core-net-5-64b81ab6 = ASP.NET Core / .NET 5 ou mais recente (sem <mailSettings>; appsettings.json)
put-the-real-password-in-1ff6bd67 = Coloca a senha real no trecho mostrado quando o teste dá certo (desativado por padrão)
print-one-json-document-instead-6d017d51 = Mostra um único documento JSON em vez de texto
save-the-password-in-the-25317884 = Salva a senha no chaveiro do sistema (a menos que o servidor recuse o login)
write-a-support-report-settings-d77f0f48 = Grava um relatório para o suporte (configurações sem a senha, etapas, diagnóstico, transcrição) neste arquivo, qualquer que seja o resultado
write-the-support-report-in-385b4225 = Escreve o relatório para o suporte em inglês, qualquer que seja o idioma das mensagens (para uma equipe de suporte que lê inglês)
after-the-message-went-through-4ac879ba = Depois que a mensagem passar, verifica o SPF, o DKIM e o DMARC do domínio do `from` para este servidor ("vai chegar?"); código de saída 9 quando um problema é encontrado
the-dns-server-for-check-5a2c9bdc = O servidor DNS para --check-dns e para as chaves DKIM de --check-inbox (UDP e TCP), em vez do deste computador
after-the-message-went-through-32241c55 = Depois que a mensagem passar, procura por ela nesta caixa de e-mail via IMAP e diz se ela chegou na caixa de entrada ou no spam: imaps://USER@HOST[:PORT] (ou imap:// para STARTTLS). A senha vem de --inbox-password-env, --inbox-password-stdin ou do chaveiro (conta USER@HOST:PORT), ou é a senha de login quando USER e HOST são os mesmos. Código de saída 10 quando ela não está na caixa de entrada
read-the-mailbox-password-from-b8be0c16 = Lê a senha da caixa de e-mail desta variável de ambiente
read-the-mailbox-password-from-0f167cb6 = Lê a senha da caixa de e-mail de uma linha da entrada padrão (a linha depois da senha de login, quando --password-stdin também é informado)
save-the-mailbox-password-in-ee48313c = Salva a senha da caixa de e-mail no chaveiro do sistema (conta USER@HOST:PORT) assim que a caixa de e-mail aceitar o login, para que as próximas verificações não precisem de nenhuma opção de senha
how-long-to-look-for-6cad6128 = Por quanto tempo procurar a mensagem antes de dizer que ela não chegou, em segundos
sign-in-with-oauth-using-fc0bf5f4 = Faz login com OAuth usando o token de acesso desta variável de ambiente
sign-in-with-oauth-0a054126 = Login com OAuth
sign-in-with-oauth-using-b3ed4824 = Faz login com OAuth usando o token de acesso da primeira linha da entrada padrão
get-the-token-from-the-f992c8b8 = Obtém primeiro o token do provedor (Microsoft: um app que faz login em nome próprio com --tenant, --client-id e o segredo do cliente dele)
microsoft-365-client-credentials-the-dbe9f4d8 = Microsoft 365 (credenciais do cliente: o ID do cliente e o segredo do cliente do app)
google-not-for-apps-signing-f932ba5a = Google (não serve para apps que fazem login em nome próprio: veja a mensagem)
a-person-signs-in-instead-b5d721d5 = Uma pessoa faz login (em vez do app em nome próprio): no navegador do sistema, ou com um código digitado em qualquer dispositivo. O login fica guardado no chaveiro e é renovado automaticamente
open-the-sign-in-page-869ea4f6 = Abre a página de login no navegador do sistema (defina `MAILTESTER_BROWSER` como um programa para usar outro)
show-a-code-to-type-b863e025 = Mostra um código para digitar na página do provedor, em qualquer dispositivo
microsoft-the-directory-tenant-id-cbfe8ad3 = Microsoft: o Directory (tenant) ID ou um domínio da organização (para uma pessoa que faz login: `organizations` por padrão, `consumers` para Outlook.com)
the-app-s-application-client-82f1a168 = O Application (client) ID do app
read-the-app-s-client-e9605cd5 = Lê o segredo do cliente do app desta variável de ambiente
read-the-app-s-client-3ca50f89 = Lê o segredo do cliente do app da primeira linha da entrada padrão
the-sign-in-service-default-2cd3b589 = O serviço de login [padrão: <https://login.microsoftonline.com>]; só https (http simples só neste computador, para servidores de teste)
use-this-oauth-method-by-0fe17325 = Usa este método OAuth; por padrão, XOAUTH2 quando o servidor o oferece, senão OAUTHBEARER
xoauth2-google-s-and-microsoft-cb4ab04d = XOAUTH2 (do Google e da Microsoft)
oauthbearer-rfc-7628-8e2ee2e0 = OAUTHBEARER (RFC 7628)
print-help-see-more-with-0a4f0559 = Mostra a ajuda (veja mais com '--help')
print-help-see-a-summary-d04996c7 = Mostra a ajuda (veja um resumo com '-h')
explain-an-error-message-your-18d7c6df = Explica uma mensagem de erro que o seu site registrou (informe o texto, ou - para ler da entrada padrão)
the-error-text-or-nothing-d88c8bf9 = O texto do erro; `-` ou nada lê a entrada padrão
print-json-instead-of-text-beed6e40 = Mostra JSON em vez de texto
the-website-s-asp-net-a497bacd = A versão do ASP.NET do site: as orientações usam o que ela permite definir [padrão: 4]
print-the-configuration-for-these-e00a86b9 = Mostra a configuração com estes valores: web.config, ou a de outra plataforma com --format (nenhum teste é feito)
put-the-real-password-in-6427f579 = Coloca a senha real no trecho (desativado por padrão)
which-platform-s-configuration-to-dceee300 = De qual plataforma mostrar a configuração (`all` mostra todas) [padrão: webconfig, ou mailkit com --framework core]
web-config-d60c5f1f = web.config
wp-config-php-3861a5b9 = wp-config.php
env-65512ae0 = .env
settings-py-32af70ed = settings.py
nodemailer-51ddd8d1 = Nodemailer
env-local-ba614501 = .env.local
appsettings-json-mailkit-701582dc = appsettings.json, MailKit
every-format-one-after-the-d319a4ba = todos os formatos, um depois do outro
write-the-configuration-for-signing-f08a5eb8 = Escreve a configuração para fazer login com OAuth neste provedor em vez de usar uma senha (segredo do cliente e refresh token sempre como marcadores de posição)
oauth-22077a14 = OAuth
microsoft-the-directory-tenant-id-e920a4ad = Microsoft: o Directory (tenant) ID ou um domínio da organização
a-person-signs-in-once-2851ee47 = Uma pessoa faz login uma vez (um refresh token), em vez de o app fazer login em nome próprio
list-the-provider-presets-usable-3657c41c = Lista as predefinições de provedores que podem ser usadas com --preset
save-and-manage-named-settings-c7ac9890 = Salva e gerencia configurações com nome (perfis); as senhas vão só para o chaveiro do sistema
list-the-saved-profiles-711101ad = Lista os perfis salvos
show-a-profile-s-settings-2e26da20 = Mostra as configurações de um perfil e se a senha dele está salva no chaveiro
the-profile-s-name-56c43ba2 = O nome do perfil
save-settings-under-a-name-0486960c = Salva configurações com um nome, criando ou substituindo o perfil (as mesmas opções de `send`)
the-profile-s-name-up-bc6f9e08 = O nome do perfil (até 64 caracteres, sem / nem \)
also-save-the-password-from-580edf38 = Também salva a senha (de --password-stdin ou --password-env) no chaveiro do sistema
rename-a-profile-71f68a2d = Renomeia um perfil
the-current-name-de8e7e88 = O nome atual
the-new-name-a623aef5 = O novo nome
delete-a-profile-44262b68 = Exclui um perfil
also-remove-its-saved-password-da2c7d1e = Também remove do chaveiro a senha salva dele
remove-a-profile-s-saved-298cfc7c = Remove do chaveiro a senha salva de um perfil (o perfil continua)
remove-every-profile-and-every-de18827a = Remove todos os perfis e todas as senhas que o Mail Settings Tester salvou no chaveiro do sistema (o que a opção "Também remover meus perfis salvos e senhas lembradas" do desinstalador faz)
do-it-without-asking-061c8750 = Faz isso sem perguntar
print-this-message-or-the-7623c860 = Mostra esta mensagem ou a ajuda do(s) subcomando(s) informado(s)
read-check-or-update-the-1315aa12 = Lê, verifica ou atualiza as configurações de e-mail em um arquivo web.config
read-the-mail-settings-from-6b91affb = Lê as configurações de e-mail de um web.config (a senha nunca é mostrada)
the-web-config-file-2305e780 = O arquivo web.config
check-a-web-config-s-eb60dc36 = Verifica nas configurações de e-mail de um web.config o que o ASP.NET recusaria (código de saída 7 quando há erros)
write-these-settings-into-a-4573a44f = Grava estas configurações em um web.config: mostra o diff, faz uma cópia de segurança do arquivo e depois grava (com --yes, ou depois que você responder y)
the-web-config-file-to-3839ba8f = O arquivo web.config a alterar
write-the-real-password-too-865a9e8f = Grava também a senha real (ela nunca é mostrada no diff). Sem esta opção, uma senha existente fica exatamente como está e nenhuma é adicionada
write-without-asking-9993991f = Grava sem perguntar
only-show-what-would-change-e66dcdb4 = Só mostra o que mudaria; não grava nada
find-the-outgoing-mail-settings-22b0736f = Encontra as configurações de saída de e-mails para um endereço de e-mail (ou testa um servidor em todas as portas) sem enviar nenhuma mensagem nem senha
your-email-address-its-domain-cbd85dd0 = O seu endereço de e-mail: os servidores de saída do domínio dele são encontrados (DNS, autoconfig, provedor) e testados
a-server-name-to-test-4879088a = Em vez disso, um nome de servidor para testar em todas as portas
ports-to-try-on-every-53d9d629 = Portas a testar em cada servidor, separadas por vírgula; substitui o padrão 587,465,25,2525 (portas indicadas por registros SRV ou pelo autoconfig são adicionadas)
the-limit-for-each-probe-127daa95 = O limite de cada tentativa, em segundos (conexão, saudação e o resto)
ask-this-dns-server-udp-35bceb0e = Consulta este servidor DNS (UDP e TCP) em vez do deste computador; a porta padrão é 53
the-program-that-will-use-d4cb334f = O programa que vai usar as configurações: define a classificação [padrão: dotnet]
an-extra-file-of-certificate-da1c1030 = Um arquivo extra de autoridades certificadoras em que confiar, PEM ou DER .cer (SMTP e o download do autoconfig)
count-servers-with-an-invalid-f7b64de7 = Conta como utilizáveis os servidores com um certificado inválido (o problema continua sendo mostrado)
the-https-port-of-autoconfig-9185457f = A porta HTTPS dos servidores autoconfig (para testes)
show-or-forget-a-person-11db4f12 = Mostra ou esquece o login OAuth de uma pessoa guardado no chaveiro (veja send --sign-in)
is-a-person-s-sign-95ba3aa1 = O login de uma pessoa está guardado para esta caixa de e-mail e este app? Renova-o para provar que ainda funciona
the-mailbox-that-signed-in-dcf5d44a = A caixa de e-mail que fez login
the-provider-cf9e8981 = O provedor
microsoft-the-tenant-signed-in-b1d7bb9b = Microsoft: o locatário (tenant) em que o login foi feito [padrão: organizations]
the-sign-in-service-when-71e1c665 = O serviço de login, quando não é o do próprio provedor
google-read-the-desktop-app-d5898bb6 = Google: lê o segredo do cliente do app para computador desta variável de ambiente
forget-the-kept-sign-in-65d531bb = Esquece o login guardado (o refresh token no chaveiro)
the-steps-that-let-an-e27948a2 = As etapas que permitem a um app enviar como uma caixa de e-mail do Microsoft 365 com OAuth (registro do app, permissão, consentimento do administrador, PowerShell), preenchidas com o que você informar
the-mailbox-the-app-sends-a8459939 = A caixa de e-mail em nome da qual o app envia
the-directory-tenant-id-when-465cc398 = O Directory (tenant) ID, quando conhecido
the-application-client-id-when-024fef16 = O Application (client) ID, quando conhecido
will-mail-from-this-address-8c0194c4 = Os e-mails deste endereço vão chegar? Verifica o SPF, o DKIM e o DMARC do domínio dele para o servidor por onde passam, e mostra os registros DNS a adicionar
the-from-address-your-website-5f5287e4 = O endereço `from` com que o seu site envia; o DNS do domínio dele é verificado
the-smtp-server-the-mail-68b38aa4 = O servidor SMTP por onde os e-mails passam: o SPF é avaliado para os endereços dele, e o DKIM é verificado para os seletores do provedor dele
check-the-mail-settings-of-1120eef6 = Verifica as configurações de e-mail de cada site dentro de algumas pastas (web.config, wp-config.php, .env, appsettings.json): cada servidor de e-mail é contatado uma vez, e cada site recebe um veredito e a correção dele. Só lê; nunca envia e-mails
the-folders-to-look-in-963b17a2 = As pastas onde procurar (os sites de um servidor de hospedagem: `C:\inetpub\vhosts`, `/var/www`), ou arquivos de configuração avulsos
also-scan-the-sites-listed-9cf2dfb8 = Também verifica os sites listados neste applicationHost.config do IIS (`%windir%\System32\inetsrv\config\applicationHost.config`)
judge-from-the-files-alone-e580fcc5 = Avalia só pelos arquivos: não contata nenhum servidor
also-try-each-account-s-6362a89f = Também testa uma vez o nome de usuário e a senha de cada conta (só o login, depois QUIT; nunca uma mensagem; uma conta por vez em cada servidor, com uma pausa entre elas)
how-many-servers-to-contact-a7a31c2c = Quantos servidores contatar ao mesmo tempo (cada servidor recebe uma conexão por vez)
the-limit-for-each-server-43cad9fe = O limite de cada servidor, em segundos
an-extra-file-of-certificate-1ea069c0 = Um arquivo extra de autoridades certificadoras em que confiar, PEM ou DER .cer
ask-this-dns-server-instead-f78030e2 = Consulta este servidor DNS em vez do deste computador; a porta padrão é 53
print-one-json-document-instead-4ee9e15d = Mostra um único documento JSON em vez da tabela
also-write-one-row-per-ee388af8 = Também grava uma linha por site neste arquivo CSV
also-write-a-page-to-d3088699 = Também grava neste arquivo HTML uma página para ler e filtrar
the-pause-between-two-sign-1665f117 = A pausa entre dois logins no mesmo servidor, em segundos (com --sign-in)

## The same texts as a pasted log, PHPMailer, ASP.NET 2.0–3.5 and ASP.NET Core read them

verify-the-from-address-or-e1e9a7fb = Verifique o endereço `From` (ou o domínio inteiro dele) no painel do seu serviço de envio.
verify-the-setfrom-address-or-04ef5b06 = Verifique o endereço de `setFrom()` (ou o domínio inteiro dele) no painel do seu serviço de envio.
send-again-after-the-change-b575e680 = Envie de novo depois da mudança.
wait-a-few-minutes-and-fc0e871d = Espere alguns minutos e envie de novo.
keep-ssl-switched-on-in-768015ad = Mantenha o SSL ativado no código: sem criptografia, a sua senha passaria pela rede de forma legível.
keep-securesocketoptions-set-to-starttls-2d62cb3b = Mantenha `SecureSocketOptions` como `StartTls`: sem criptografia, a sua senha passaria pela rede de forma legível.
keep-smtpsecure-set-to-tls-a73ff0de = Mantenha `SMTPSecure` como `'tls'` (STARTTLS): sem criptografia, a sua senha passaria pela rede de forma legível.
send-again-0c4b9d7b = Envie de novo.
the-server-offers-sign-in-dde700b2 = O servidor só oferece login depois que a conexão é criptografada com STARTTLS (a forma como um servidor de e-mail passa para uma conexão criptografada), por isso escondeu o login para proteger a sua senha. `smtpClient.EnableSsl = true;` no código ativa o STARTTLS.
the-server-offers-sign-in-bff6d7a0 = O servidor só oferece login depois que a conexão é criptografada com STARTTLS (a forma como um servidor de e-mail passa para uma conexão criptografada), por isso escondeu o login para proteger a sua senha. `"SecureSocketOptions": "StartTls"` ativa o STARTTLS no appsettings.json.
the-server-offers-sign-in-e2838ecd = O servidor só oferece login depois que a conexão é criptografada com STARTTLS (a forma como um servidor de e-mail passa para uma conexão criptografada), por isso escondeu o login para proteger a sua senha. `$mail->SMTPSecure = 'tls';` ativa o STARTTLS nas suas configurações do PHPMailer.
host-has-no-dot-in-c5a60fd0 = `Host` não tem nenhum ponto, e os nomes de servidores de e-mail são como `smtp.example.com`: compare com as instruções do seu provedor.
check-that-the-web-server-db7d5f53 = Confira se o servidor web está conectado à internet e envie de novo.
or-change-port-to-587-5d9bcb7b = Ou mude `Port` para `587` e use STARTTLS (a forma como um servidor de e-mail passa para uma conexão criptografada).
the-connection-ended-while-switching-b63efb40 = A conexão terminou durante a passagem para a criptografia: confira se `port` e o SSL (`SmtpClient.EnableSsl`, definido no código) batem com as instruções do seu provedor (para ASP.NET, `587` com o SSL ativado no código).
the-connection-ended-while-switching-1cd6aa8f = A conexão terminou durante a passagem para a criptografia: confira se `Port` e `SecureSocketOptions` batem com as instruções do seu provedor (para ASP.NET, `587` com `SecureSocketOptions` como `StartTls`).
the-connection-ended-while-switching-7b2719f9 = A conexão terminou durante a passagem para a criptografia: confira se `Port` e `SMTPSecure` batem com as instruções do seu provedor (`587` com `SMTPSecure` como `'tls'` (STARTTLS)).
some-servers-hang-up-instead-dfeb1bd9 = Alguns servidores desligam em vez de dizer que a senha foi recusada: confira `UserName` e `Password`.
some-servers-hang-up-instead-0278e739 = Alguns servidores desligam em vez de dizer que a senha foi recusada: confira `Username` e `Password`.
send-again-in-a-few-68c0d09c = Envie de novo daqui a alguns minutos.
send-this-error-message-to-89c5093e = Envie esta mensagem de erro ao seu provedor de e-mail.
use-a-sender-address-from-14e961d9 = Use um endereço de remetente (`From`) só com letras simples (a a z), números, pontos ou hifens antes do @, por exemplo `info@` o seu domínio.
use-a-sender-address-the-ca84d68b = Use um endereço de remetente (o endereço de `setFrom()`) só com letras simples (a a z), números, pontos ou hifens antes do @, por exemplo `info@` o seu domínio.
or-add-deliveryformat-international-to-8ec871d6 = Ou adicione `deliveryFormat="International"` ao elemento `<smtp>` no appsettings.json (ASP.NET 4.5 ou mais recente): assim o ASP.NET envia endereços internacionais a servidores que oferecem SMTPUTF8.
or-add-deliveryformat-international-to-faa47e44 = Ou adicione `deliveryFormat="International"` ao elemento `<smtp>` nas suas configurações do PHPMailer (ASP.NET 4.5 ou mais recente): assim o ASP.NET envia endereços internacionais a servidores que oferecem SMTPUTF8.
if-nothing-arrives-within-15-c518a7e3 = Se nada chegar em 15 minutos, envie de novo; se isso acontecer outra vez, envie esta mensagem de erro ao seu provedor de e-mail.
in-microsoft-365-an-app-6e56c287 = No Microsoft 365, um app que envia em nome próprio precisa de tudo isto: a permissão SMTP.SendAsApp (Office 365 Exchange Online) com consentimento do administrador; uma entidade de serviço criada com New-ServicePrincipal usando o ID de objeto do Enterprise application (não o do App registration); Add-MailboxPermission para a caixa de e-mail em `UserName`; e o "Authenticated SMTP" ativado para essa caixa de e-mail.
in-microsoft-365-an-app-b3e112e7 = No Microsoft 365, um app que envia em nome próprio precisa de tudo isto: a permissão SMTP.SendAsApp (Office 365 Exchange Online) com consentimento do administrador; uma entidade de serviço criada com New-ServicePrincipal usando o ID de objeto do Enterprise application (não o do App registration); Add-MailboxPermission para a caixa de e-mail em `Username`; e o "Authenticated SMTP" ativado para essa caixa de e-mail.
get-a-new-token-sign-cde11d0b = Obtenha um novo token (faça login de novo) e envie de novo imediatamente.
set-username-to-named-or-f211e440 = Defina `UserName` como { $named }, ou faça login como { $user } para obter um token para ele.
set-username-to-named-or-2fc66420 = Defina `Username` como { $named }, ou faça login como { $user } para obter um token para ele.
press-sign-in-with-microsoft-15c3a0b7 = Clique em "Fazer login com a Microsoft…" (ou Google) em Login e faça login como a caixa de e-mail em `UserName`.
press-sign-in-with-microsoft-dbd7e457 = Clique em "Fazer login com a Microsoft…" (ou Google) em Login e faça login como a caixa de e-mail em `Username`.
then-send-again-e431af76 = Depois, envie de novo.
sign-in-again-then-send-9e2cea38 = Faça login de novo e envie de novo.
check-the-web-server-s-103d021e = Confira a conexão com a internet do servidor web (e um proxy ou firewall que possa bloquear login.microsoftonline.com).
the-server-then-refused-the-3f6a45e9 = Depois, o servidor recusou a mensagem, então o seu `UserName` e a sua `Password` nunca foram usados: este servidor ou porta provavelmente não é o que o seu provedor indicou para eles.
the-server-then-refused-the-2391e1c9 = Depois, o servidor recusou a mensagem, então o seu `Username` e a sua `Password` nunca foram usados: este servidor ou porta provavelmente não é o que o seu provedor indicou para eles.
the-test-already-asked-for-f4fb1991 = O teste já pediu STARTTLS, então o servidor talvez espere isso em outra porta: compare `Port` com as instruções do seu provedor.
set-defaultcredentials-to-false-while-2890bd17 = Defina `defaultCredentials` como `false`: enquanto for `true`, o appsettings.json ignora `UserName` e `Password`.
set-defaultcredentials-to-false-while-8dd2ea25 = Defina `defaultCredentials` como `false`: enquanto for `true`, as suas configurações do PHPMailer ignoram `Username` e `Password`.
your-settings-have-no-username-19552a19 = As suas configurações não têm `UserName`, então o teste não fez login.
your-settings-have-no-username-a05a7039 = As suas configurações não têm `Username`, então o teste não fez login.
set-clientdomain-to-your-website-87fcae0f = Defina `clientDomain` como o nome de domínio completo do seu site (por exemplo `www.example.com`): o servidor não aceitou o nome com que o servidor web se apresentou.
set-hostname-to-your-website-6aa76569 = Defina `Hostname` como o nome de domínio completo do seu site (por exemplo `www.example.com`): o servidor não aceitou o nome com que o servidor web se apresentou.
the-sender-from-is-from-00d9e6a1 = O remetente (`From`) é { $from }, enquanto o login (`UserName`) é { $user }.
the-sender-the-setfrom-address-6978e525 = O remetente (o endereço de `setFrom()`) é { $from }, enquanto o login (`Username`) é { $user }.
change-host-to-only-5c532b32 = Mude `Host` para `{ $only }`.
asp-net-2-0-3-755ddb5c = O ASP.NET 2.0–3.5 não tem SSL (`SmtpClient.EnableSsl`, definido no código) no web.config (adicioná-lo quebra toda a seção de e-mail), então ative o SSL no seu código, logo antes de enviar: `smtpClient.EnableSsl = true;`. Para o controle PasswordRecovery, trate o evento `SendingMail` dele: envie `e.Message` você mesmo com um `SmtpClient` cujo `EnableSsl` seja `true` e depois defina `e.Cancel = true;`. Ou passe o site para o .NET Framework 4.x, em que `smtpClient.EnableSsl = true;` no código basta.
asp-net-2-0-3-0492d258 = O ASP.NET 2.0–3.5 não tem `SecureSocketOptions` no appsettings.json (adicioná-lo quebra toda a seção de e-mail), então ative o SSL no seu código, logo antes de enviar: `smtpClient.EnableSsl = true;`. Para o controle PasswordRecovery, trate o evento `SendingMail` dele: envie `e.Message` você mesmo com um `SmtpClient` cujo `EnableSsl` seja `true` e depois defina `e.Cancel = true;`. Ou passe o site para o .NET Framework 4.x, em que `"SecureSocketOptions": "StartTls"` no appsettings.json basta.
asp-net-2-0-3-b054c76a = O ASP.NET 2.0–3.5 não tem `SMTPSecure` nas suas configurações do PHPMailer (adicioná-lo quebra toda a seção de e-mail), então ative o SSL no seu código, logo antes de enviar: `smtpClient.EnableSsl = true;`. Para o controle PasswordRecovery, trate o evento `SendingMail` dele: envie `e.Message` você mesmo com um `SmtpClient` cujo `EnableSsl` seja `true` e depois defina `e.Cancel = true;`. Ou passe o site para o .NET Framework 4.x, em que `$mail->SMTPSecure = 'tls';` nas suas configurações do PHPMailer basta.
in-code-smtpclient-enablessl-true-92c8a040 = No código, `smtpClient.EnableSsl = true;` ativa isso (o appsettings.json não consegue, no ASP.NET 2.0–3.5).
in-code-smtpclient-enablessl-true-81009338 = No código, `smtpClient.EnableSsl = true;` ativa isso (as suas configurações do PHPMailer não conseguem, no ASP.NET 2.0–3.5).
this-server-sends-mail-only-b0c6dd68 = Este servidor só envia e-mails de usuários com login feito, e a mensagem foi oferecida antes que algum login fosse aceito. No appsettings.json, o login vem de `UserName` e `Password`.
this-server-sends-mail-only-13da29c0 = Este servidor só envia e-mails de usuários com login feito, e a mensagem foi oferecida antes que algum login fosse aceito. Nas suas configurações do PHPMailer, o login vem de `Username` e `Password`.
fill-in-username-usually-your-16ab77cb = Preencha `UserName` (normalmente o seu endereço de e-mail completo) e `Password`.
fill-in-username-usually-your-bd6d01ab = Preencha `Username` (normalmente o seu endereço de e-mail completo) e `Password`.
when-the-server-refuses-the-4283fe38 = Quando o servidor recusa o nome de usuário ou a senha, o ASP.NET não avisa: ele envia sem fazer login, e o servidor então responde com isto. Então, se o seu appsettings.json tem `UserName` e `Password`, o servidor muito provavelmente os recusou. Se não tem, o servidor os quer antes de enviar.
when-the-server-refuses-the-3e977f55 = Quando o servidor recusa o nome de usuário ou a senha, o ASP.NET não avisa: ele envia sem fazer login, e o servidor então responde com isto. Então, se as suas configurações do PHPMailer têm `Username` e `Password`, o servidor muito provavelmente os recusou. Se não têm, o servidor os quer antes de enviar.
check-username-usually-your-full-0a9b2c04 = Confira `UserName` (normalmente o seu endereço de e-mail completo) e digite a senha de novo em `Password` (copiar pode adicionar um espaço no final).
check-username-usually-your-full-b9746a24 = Confira `Username` (normalmente o seu endereço de e-mail completo) e digite a senha de novo em `Password` (copiar pode adicionar um espaço no final).
if-appsettings-json-has-no-9ae7992b = Se o appsettings.json não tem `UserName`, preencha `UserName` e `Password`.
if-your-phpmailer-settings-has-f403c5b1 = Se as suas configurações do PHPMailer não têm `Username`, preencha `Username` e `Password`.
change-port-to-587-and-ce86b8b8 = Mude `port` para `587` e ative o SSL no código: essa porta é destinada a fazer login e enviar.
change-port-to-587-and-4449c2e9 = Mude `Port` para `587` e defina `SecureSocketOptions` como `StartTls`: essa porta é destinada a fazer login e enviar.
change-port-to-587-and-ca6c0bf0 = Mude `Port` para `587` e defina `SMTPSecure` como `'tls'` (STARTTLS): essa porta é destinada a fazer login e enviar.
if-your-hosting-company-says-20e12c2e = Se a sua empresa de hospedagem diz que o servidor dela deixa o seu site enviar sem senha, apague `UserName` e `Password`.
if-your-hosting-company-says-8f2cf1ce = Se a sua empresa de hospedagem diz que o servidor dela deixa o seu site enviar sem senha, apague `Username` e `Password`.
the-password-would-have-crossed-b405f683 = A senha teria passado pela rede sem criptografia, então o servidor recusou ou escondeu o login. O STARTTLS (a forma como um servidor de e-mail passa para uma conexão criptografada) a protege, e `smtpClient.EnableSsl = true;` no código o ativa.
the-password-would-have-crossed-61b019fb = A senha teria passado pela rede sem criptografia, então o servidor recusou ou escondeu o login. O STARTTLS (a forma como um servidor de e-mail passa para uma conexão criptografada) a protege, e `"SecureSocketOptions": "StartTls"` o ativa no appsettings.json.
the-password-would-have-crossed-e65e058e = A senha teria passado pela rede sem criptografia, então o servidor recusou ou escondeu o login. O STARTTLS (a forma como um servidor de e-mail passa para uma conexão criptografada) a protege, e `$mail->SMTPSecure = 'tls';` o ativa nas suas configurações do PHPMailer.
switch-ssl-on-in-code-30da0bde = Ative o SSL no código.
set-securesocketoptions-to-starttls-3bc4460d = Defina `SecureSocketOptions` como `StartTls`.
set-smtpsecure-to-tls-starttls-46a3ad84 = Defina `SMTPSecure` como `'tls'` (STARTTLS).
keep-port-at-587-or-4b80fc48 = Mantenha `Port` em `587` (ou `25`, se o seu provedor usa essa); o ASP.NET não consegue usar a `465`.
switch-ssl-on-in-code-4307eb1e = Ative o SSL no código: assim a senha só é enviada depois que a conexão está criptografada.
set-securesocketoptions-to-starttls-the-38afb891 = Defina `SecureSocketOptions` como `StartTls`: assim a senha só é enviada depois que a conexão está criptografada.
set-smtpsecure-to-tls-starttls-4c600cf0 = Defina `SMTPSecure` como `'tls'` (STARTTLS): assim a senha só é enviada depois que a conexão está criptografada.
if-you-accept-the-risk-dad65437 = Se você aceita o risco só para este teste (um servidor na sua própria rede privada), envie de novo e permita a senha sem criptografia (`--allow-plaintext-password` na linha de comando, "Enviar sem criptografia só desta vez" na janela).
or-send-through-a-provider-46a07354 = Ou envie por um provedor que ofereça LOGIN (a maioria oferece) e mude `Host` para o servidor dele.
check-that-username-is-exactly-4bf69761 = Confira se `UserName` é exatamente o que o seu provedor espera, normalmente o seu endereço de e-mail completo.
check-that-username-is-exactly-a64adcc1 = Confira se `Username` é exatamente o que o seu provedor espera, normalmente o seu endereço de e-mail completo.
type-the-password-into-password-c600c10f = Digite a senha de novo em `Password` (copiar pode adicionar um espaço no final).
if-your-account-uses-two-9504e3ad = Se a sua conta usa verificação em duas etapas, crie uma senha de app nas configurações de segurança da conta e use-a como `Password`.
create-an-app-password-there-80fabbc7 = Crie ali uma senha de app e cole-a em `Password` sem espaços.
keep-username-as-your-full-1bb0200b = Mantenha `UserName` como o seu endereço de e-mail completo e teste de novo.
keep-username-as-your-full-c2dcda11 = Mantenha `userName` como o seu endereço de e-mail completo e envie de novo.
keep-username-as-your-full-83f36431 = Mantenha `UserName` como o seu endereço de e-mail completo e envie de novo.
keep-username-as-your-full-7428fb51 = Mantenha `Username` como o seu endereço de e-mail completo e envie de novo.
use-an-app-password-a-10780f39 = Use uma senha de app (uma senha separada para programas, criada nas configurações de segurança da sua conta) como `Password`.
send-again-within-a-few-a21e7638 = Envie de novo nos próximos minutos.
wait-up-to-an-hour-8093e503 = Espere até uma hora depois da mudança e envie de novo.
or-send-your-website-s-b7d4eee6 = Ou envie os e-mails do seu site por um serviço que aceite senhas, como o servidor de e-mail da sua empresa de hospedagem ou um serviço de envio, e mude `Host`, `UserName` e `Password` para os valores dele.
or-send-your-website-s-0b5d20c6 = Ou envie os e-mails do seu site por um serviço que aceite senhas, como o servidor de e-mail da sua empresa de hospedagem ou um serviço de envio, e mude `Host`, `Username` e `Password` para os valores dele.
meanwhile-keep-username-and-password-07dd145a = Enquanto isso, mantenha `UserName` e `Password` como estão.
meanwhile-keep-username-and-password-3f5e26ba = Enquanto isso, mantenha `Username` e `Password` como estão.
this-computer-asked-dns-the-994145ac = Este computador perguntou ao DNS (a lista de endereços da internet) pelo nome em `Host` e não recebeu nenhum endereço, então não sabe para onde enviar o e-mail. Normalmente o nome tem um erro de digitação, ou este computador está sem internet agora.
this-computer-asked-dns-the-f069de6d = Este computador perguntou ao DNS (a lista de endereços da internet) pelo nome em `host` e não recebeu nenhum endereço, então não sabe para onde enviar o e-mail. Normalmente o nome tem um erro de digitação, ou o servidor web está sem internet agora.
this-computer-asked-dns-the-f1a16f4d = Este computador perguntou ao DNS (a lista de endereços da internet) pelo nome em `Host` e não recebeu nenhum endereço, então não sabe para onde enviar o e-mail. Normalmente o nome tem um erro de digitação, ou o servidor web está sem internet agora.
check-host-letter-by-letter-e10ab329 = Compare `Host` letra por letra com as instruções do seu provedor de e-mail (ele é parecido com `smtp.example.com`).
check-that-the-web-server-882bdeea = Confira se o servidor web consegue abrir sites; se não conseguir, resolva a conexão com a internet e envie de novo.
this-computer-reached-the-server-f24f15f0 = Este computador alcançou o servidor, mas nada ali aceita e-mails nesta porta (a porta numerada em que um programa escuta), ou um firewall (um filtro que bloqueia conexões) a recusou. Na maioria das vezes, a porta não é a que o seu provedor usa, ou `Host` aponta para outro servidor.
check-port-against-your-provider-4f0b17dd = Compare `Port` com as instruções do seu provedor: `587` é a porta comum para sites.
check-that-host-is-the-7bcf5860 = Confira se `Host` é o nome do servidor de e-mail, e não o nome do seu site.
nothing-answered-on-this-port-cdd89199 = Nada respondeu nesta porta antes de o tempo limite acabar. Muitas vezes um firewall (um filtro que bloqueia conexões) na empresa de hospedagem ou no provedor de internet descarta em silêncio as conexões de envio de e-mail, principalmente na porta 25; senão, o servidor pode estar fora do ar ou `Host` pode apontar para o lugar errado.
change-port-to-587-and-1a3acff2 = Mude `port` para `587` e ative o SSL no código: a combinação comum para sites.
change-port-to-587-and-25391141 = Mude `Port` para `587` e defina `SecureSocketOptions` como `StartTls`: a combinação comum para sites.
change-port-to-587-and-7dd5ab0a = Mude `Port` para `587` e defina `SMTPSecure` como `'tls'` (STARTTLS): a combinação comum para sites.
check-that-host-is-correct-44613728 = Confira se `Host` está correto e se o servidor está no ar (veja a página de status do seu provedor).
change-port-to-587-and-c81e9ee7 = Mude `port` para `587` e ative o SSL no código.
change-port-to-587-and-8b12b4c0 = Mude `Port` para `587` e defina `SecureSocketOptions` como `StartTls`.
change-port-to-587-and-8fadafbf = Mude `Port` para `587` e defina `SMTPSecure` como `'tls'` (STARTTLS).
if-port-is-already-587-0cb369bc = Se `Port` já for `587`, espere alguns minutos e teste de novo: o servidor pode estar ocupado.
if-port-is-already-587-ccf09a76 = Se `port` já for `587`, espere alguns minutos e envie de novo: o servidor pode estar ocupado.
if-port-is-already-587-4a354996 = Se `Port` já for `587`, espere alguns minutos e envie de novo: o servidor pode estar ocupado.
the-answer-did-not-look-5f0bba55 = A resposta não parecia SMTP (a linguagem que os servidores de e-mail falam). A porta pode pertencer a um site ou a outro serviço, ou `Host` pode apontar para outra máquina.
check-port-websites-send-mail-ec5e733d = Confira `Port`: sites enviam e-mails pela porta `587` (às vezes `25`); portas como `80` e `443` são para sites, e `110`, `143`, `993` e `995` para ler e-mails.
check-host-against-your-provider-8076bc63 = Compare `Host` com as instruções do seu provedor.
the-server-answered-but-refused-0295d135 = O servidor respondeu, mas se recusou a atender esta conexão. Normalmente o servidor tem um problema temporário (manutenção ou sobrecarga), ou recusa o endereço de internet do servidor web, por exemplo porque o endereço está em uma lista de bloqueio (uma lista de endereços conhecidos por spam).
if-it-keeps-happening-send-8a27583b = Se continuar acontecendo, envie esta mensagem de erro ao seu provedor de e-mail e pergunte por que ele recusa a conexão.
check-host-and-port-a-a458c8e7 = Confira `Host` e `Port`: um servidor destinado a receber e-mails pode se recusar a enviá-los.
check-that-port-and-ssl-70c0ee6b = Confira se `port` e o SSL (`SmtpClient.EnableSsl`, definido no código) batem com as instruções do seu provedor (normalmente `587` com o SSL ativado no código).
check-that-port-and-securesocketoptions-89528e86 = Confira se `Port` e `SecureSocketOptions` batem com as instruções do seu provedor (normalmente `587` com `SecureSocketOptions` como `StartTls`).
check-that-port-and-smtpsecure-449d63e0 = Confira se `Port` e `SMTPSecure` batem com as instruções do seu provedor (normalmente `587` com `SMTPSecure` como `'tls'` (STARTTLS)).
if-it-keeps-happening-send-e5580e23 = Se continuar acontecendo, envie esta mensagem de erro ao seu provedor de e-mail: a etapa em que parou mostra onde procurar.
if-your-web-config-uses-889c5cd5 = Se o seu web.config usa a porta 465: o ASP.NET não consegue usá-la e fica esperando assim. Mude `port` para `587` e ative o SSL no código.
if-your-appsettings-json-uses-d533bdae = Se o seu appsettings.json usa a porta 465: o ASP.NET não consegue usá-la e fica esperando assim. Mude `Port` para `587` e defina `SecureSocketOptions` como `StartTls`.
if-your-phpmailer-settings-uses-4a530e8c = Se as suas configurações do PHPMailer usam a porta 465: o ASP.NET não consegue usá-la e fica esperando assim. Mude `Port` para `587` e defina `SMTPSecure` como `'tls'` (STARTTLS).
if-it-always-stops-at-83c30f5e = Se sempre parar na mesma etapa, envie esta mensagem de erro ao seu provedor de e-mail.
change-port-to-587-and-6c3a9e07 = Mude `port` para `587` e ative o SSL no código (no PHPMailer: `Port = 587` e `SMTPSecure = 'tls'`).
change-port-to-587-and-027673b4 = Mude `Port` para `587` e defina `SecureSocketOptions` como `StartTls` (no PHPMailer: `Port = 587` e `SMTPSecure = 'tls'`).
change-port-to-587-and-acdf78ff = Mude `Port` para `587` e defina `SMTPSecure` como `'tls'` (STARTTLS) (no PHPMailer: `Port = 587` e `SMTPSecure = 'tls'`).
check-that-host-is-exactly-c9e110a5 = Confira se `Host` é exatamente o nome de servidor que o seu provedor informa.
asp-net-found-no-host-27c3e5d1 = O ASP.NET não encontrou `Host` na seção `<mailSettings>` do appsettings.json (nem no código do site), então não sabe por qual servidor enviar.
asp-net-found-no-host-5f8bb081 = O ASP.NET não encontrou `Host` na seção `<mailSettings>` das suas configurações do PHPMailer (nem no código do site), então não sabe por qual servidor enviar.
add-host-to-the-network-9763ed7a = Adicione `Host` ao elemento `<network>` no appsettings.json, por exemplo `host="smtp.example.com"`.
add-host-to-the-network-53d7f112 = Adicione `Host` ao elemento `<network>` nas suas configurações do PHPMailer, por exemplo `host="smtp.example.com"`.
check-that-mailsettings-sits-inside-0c0a576e = Confira se `<mailSettings>` está dentro de `<system.net>` no appsettings.json do site que envia os e-mails.
check-that-mailsettings-sits-inside-65128b72 = Confira se `<mailSettings>` está dentro de `<system.net>` nas configurações do PHPMailer do site que envia os e-mails.
if-port-is-465-change-9fcd50ea = Se `port` for `465`, mude para `587` e ative o SSL no código.
if-port-is-465-change-713827f1 = Se `Port` for `465`, mude para `587` e defina `SecureSocketOptions` como `StartTls`.
if-port-is-465-change-2fa73428 = Se `Port` for `465`, mude para `587` e defina `SMTPSecure` como `'tls'` (STARTTLS).
change-port-to-587-and-f1c17a3e = Mude `port` para `587` e ative o SSL no código: a porta comum para envio.
change-port-to-587-and-94bbac19 = Mude `Port` para `587` e defina `SecureSocketOptions` como `StartTls`: a porta comum para envio.
change-port-to-587-and-43841e36 = Mude `Port` para `587` e defina `SMTPSecure` como `'tls'` (STARTTLS): a porta comum para envio.
if-it-still-fails-look-ff139b92 = Se ainda falhar, procure o "servidor de saída (SMTP)" nas instruções do seu provedor e coloque esse nome em `Host`.
check-host-and-port-against-3b485e04 = Compare `Host` e `Port` com as instruções do seu provedor para envio de e-mails (normalmente a porta `587`).
get-a-new-token-and-9157640f = Obtenha um novo token e envie de novo (os tokens duram cerca de uma hora).
check-that-username-is-the-4e5d87e4 = Confira se `UserName` é a caixa de e-mail para a qual o token foi emitido.
check-that-username-is-the-9b28a7c4 = Confira se `Username` é a caixa de e-mail para a qual o token foi emitido.
check-host-and-port-microsoft-e6e6b5eb = Confira `host` e `port`: no Microsoft 365 é smtp.office365.com porta 587, no Google smtp.gmail.com porta 587, ambos com o SSL (`SmtpClient.EnableSsl`, definido no código) ativado.
check-host-and-port-microsoft-b0c20a32 = Confira `Host` e `Port`: no Microsoft 365 é smtp.office365.com porta 587, no Google smtp.gmail.com porta 587, ambos com `SecureSocketOptions` ativado.
check-host-and-port-microsoft-523a848d = Confira `Host` e `Port`: no Microsoft 365 é smtp.office365.com porta 587, no Google smtp.gmail.com porta 587, ambos com `SMTPSecure` ativado.
if-this-provider-takes-passwords-3bb74bce = Se este provedor aceita senhas, escolha Senha como login e preencha `UserName` e `Password`.
if-this-provider-takes-passwords-cd6b862e = Se este provedor aceita senhas, escolha Senha como login e preencha `Username` e `Password`.
turn-ssl-smtpclient-enablessl-set-42d31a84 = Ative o SSL (`SmtpClient.EnableSsl`, definido no código) (STARTTLS) e use a porta 587, depois teste de novo.
turn-securesocketoptions-on-starttls-and-a7004f0b = Ative `SecureSocketOptions` (STARTTLS) e use a porta 587, depois teste de novo.
turn-enablessl-on-starttls-and-a16794a0 = Ative `enableSsl` (STARTTLS) e use a porta 587, depois envie de novo.
turn-ssl-smtpclient-enablessl-set-f1d93b4a = Ative o SSL (`SmtpClient.EnableSsl`, definido no código) (STARTTLS) e use a porta 587, depois envie de novo.
turn-securesocketoptions-on-starttls-and-0f439331 = Ative `SecureSocketOptions` (STARTTLS) e use a porta 587, depois envie de novo.
turn-smtpsecure-on-starttls-and-0225d222 = Ative `SMTPSecure` (STARTTLS) e use a porta 587, depois envie de novo.
copy-its-value-shown-only-baebca2a = Copie o Value dele (mostrado só uma vez), não o Secret ID, e envie de novo com ele.
click-grant-admin-consent-a-91822b47 = Clique em "Grant admin consent" (um Global Administrator ou Privileged Role Administrator pode fazer isso) e envie de novo.
check-the-tenant-client-id-1012b4ff = Confira o locatário, o ID do cliente e o segredo do cliente e envie de novo.
fill-in-username-usually-your-09a65651 = Preencha `UserName` (normalmente o seu endereço de e-mail completo) e `Password`, e defina `defaultCredentials` como `false`.
fill-in-username-usually-your-50684571 = Preencha `Username` (normalmente o seu endereço de e-mail completo) e `Password`, e defina `defaultCredentials` como `false`.
use-port-587-with-ssl-4232ba01 = Use `port` `587` com o SSL ativado no código.
use-port-587-with-securesocketoptions-e966938b = Use `Port` `587` com `SecureSocketOptions` como `StartTls`.
use-port-587-with-smtpsecure-82c79dba = Use `Port` `587` com `SMTPSecure` como `'tls'` (STARTTLS).
the-sender-address-from-must-de121e17 = O endereço de remetente (`From`) precisa ser um com que a conta pode enviar: normalmente a caixa de e-mail com que você faz login, ou um endereço que o seu provedor verificou. Este não está nessa lista.
the-sender-address-the-setfrom-f4a6393b = O endereço de remetente (o endereço de `setFrom()`) precisa ser um com que a conta pode enviar: normalmente a caixa de e-mail com que você faz login, ou um endereço que o seu provedor verificou. Este não está nessa lista.
set-from-to-the-same-ab436cc1 = Defina `From` com o mesmo endereço de `UserName`.
set-the-setfrom-address-to-a2daea5d = Defina o endereço de `setFrom()` com o mesmo endereço de `Username`.
your-settings-got-through-but-8bd03782 = As suas configurações passaram, mas o destinatário do teste foi recusado: o endereço pode não existir, ou a caixa de e-mail dele não pode receber e-mails agora. Isso diz respeito ao endereço de teste, não ao seu appsettings.json.
your-settings-got-through-but-22f6af0b = As suas configurações passaram, mas o destinatário do teste foi recusado: o endereço pode não existir, ou a caixa de e-mail dele não pode receber e-mails agora. Isso diz respeito ao endereço de teste, não às suas configurações do PHPMailer.
send-the-test-to-another-0fcce78a = Envie o teste para outro endereço seu, por exemplo o que está em `From`.
send-the-test-to-another-41a6baf8 = Envie o teste para outro endereço seu, por exemplo o endereço de `setFrom()`.
to-see-whether-the-domain-72830a7e = Para ver se o domínio é a causa, defina `From` com um endereço do próprio domínio do seu provedor de e-mail e teste de novo.
to-see-whether-the-domain-991b9f90 = Para ver se o domínio é a causa, defina `from` com um endereço do próprio domínio do seu provedor de e-mail e envie de novo.
to-see-whether-the-domain-990497f0 = Para ver se o domínio é a causa, defina `From` com um endereço do próprio domínio do seu provedor de e-mail e envie de novo.
to-see-whether-the-domain-328199fc = Para ver se o domínio é a causa, defina o endereço de `setFrom()` com um endereço do próprio domínio do seu provedor de e-mail e envie de novo.
change-the-account-s-password-40df0054 = Mude a senha da conta (outra pessoa pode conhecê-la) e coloque a nova em `Password`.
wait-15-to-60-minutes-3a79afb7 = Espere de 15 a 60 minutos e envie de novo.
set-hostname-to-your-website-f3412636 = Defina `Hostname` como o nome de domínio completo do seu site (por exemplo `www.example.com`): alguns servidores desconfiam de computadores que se apresentam como `localhost`.
send-again-in-5-to-9d5019ef = Envie de novo daqui a 5 a 15 minutos: ela deve ser aceita.
wait-until-the-limit-resets-0d50752b = Espere o limite ser renovado (normalmente 24 horas; num plano mensal, o mês seguinte) e envie de novo.
meanwhile-keep-host-port-and-6979a951 = Enquanto isso, mantenha `host`, `port` e o SSL (`SmtpClient.EnableSsl`, definido no código) como estão.
meanwhile-keep-host-port-and-ae23b856 = Enquanto isso, mantenha `Host`, `Port` e `SecureSocketOptions` como estão.
meanwhile-keep-host-port-and-5755e529 = Enquanto isso, mantenha `Host`, `Port` e `SMTPSecure` como estão.
your-website-logged-a-message-ee3ac898 = O seu site registrou uma mensagem que ainda não sabemos explicar.
check-host-port-and-ssl-9487adb8 = Compare `host`, `port` e o SSL (`SmtpClient.EnableSsl`, definido no código) com as instruções do seu provedor.
check-host-port-and-securesocketoptions-260c4cc5 = Compare `Host`, `Port` e `SecureSocketOptions` com as instruções do seu provedor.
check-host-port-and-smtpsecure-aa95c42e = Compare `Host`, `Port` e `SMTPSecure` com as instruções do seu provedor.
meanwhile-check-host-port-and-06f829c0 = Enquanto isso, compare `host`, `port` e o SSL (`SmtpClient.EnableSsl`, definido no código) com as instruções do seu provedor.
meanwhile-check-host-port-and-ac1208bd = Enquanto isso, compare `Host`, `Port` e `SecureSocketOptions` com as instruções do seu provedor.
meanwhile-check-host-port-and-25424766 = Enquanto isso, compare `Host`, `Port` e `SMTPSecure` com as instruções do seu provedor.
or-run-the-test-in-ff624e00 = Ou rode o teste neste programa com os seus `host`, `port` e SSL (`SmtpClient.EnableSsl`, definido no código): ele mostra exatamente a etapa que falha.
or-run-the-test-in-d2dd620b = Ou rode o teste neste programa com os seus `Host`, `Port` e `SecureSocketOptions`: ele mostra exatamente a etapa que falha.
or-run-the-test-in-e6d802d8 = Ou rode o teste neste programa com os seus `Host`, `Port` e `SMTPSecure`: ele mostra exatamente a etapa que falha.
the-specified-string-is-not-3e32bd8d = "The specified string is not in the form required for an e-mail address" vem do próprio ASP.NET, antes de qualquer servidor de e-mail ser contatado: o endereço `From`, ou um endereço que o site coloca em Para, Cc ou Cco, tem um erro de digitação (falta um @, há um espaço, dois endereços em um campo).
the-specified-string-is-not-f3060462 = "The specified string is not in the form required for an e-mail address" vem do próprio ASP.NET, antes de qualquer servidor de e-mail ser contatado: o endereço de `setFrom()`, ou um endereço que o site coloca em Para, Cc ou Cco, tem um erro de digitação (falta um @, há um espaço, dois endereços em um campo).
check-from-in-appsettings-json-0cf5714f = Confira `From` no appsettings.json: um endereço como `info@example.com` (um nome pode vir antes: `Loja <info@example.com>`).
check-the-setfrom-address-in-8cad20a1 = Confira o endereço de `setFrom()` nas suas configurações do PHPMailer: um endereço como `info@example.com` (um nome pode vir antes: `Loja <info@example.com>`).
if-from-is-right-the-443c5684 = Se `From` estiver certo, o endereço vem do próprio site (um formulário que um visitante preencheu, ou uma configuração do site): peça ao seu desenvolvedor para verificar os endereços antes de enviar.
if-the-setfrom-address-is-4c7f473a = Se o endereço de `setFrom()` estiver certo, o endereço vem do próprio site (um formulário que um visitante preencheu, ou uma configuração do site): peça ao seu desenvolvedor para verificar os endereços antes de enviar.
if-the-address-is-from-8131bf9f = Se o endereço for o de `From`, use um com letras simples antes do @.
if-the-address-is-the-d8299d5b = Se o endereço for o de `setFrom()`, use um com letras simples antes do @.
if-it-is-a-customer-14a454a2 = Se for o endereço de um cliente, adicione `deliveryFormat="International"` a `<smtp>` no appsettings.json (.NET Framework 4.5 ou mais recente) e rode o teste aqui para verificar se o seu servidor de e-mail oferece SMTPUTF8.
if-it-is-a-customer-df901be6 = Se for o endereço de um cliente, adicione `deliveryFormat="International"` a `<smtp>` nas suas configurações do PHPMailer (.NET Framework 4.5 ou mais recente) e rode o teste aqui para verificar se o seu servidor de e-mail oferece SMTPUTF8.
the-server-will-not-go-d97198f6 = O servidor não vai continuar até que a conexão seja criptografada com STARTTLS (a forma como um servidor de e-mail passa para uma conexão criptografada). No código, `smtpClient.EnableSsl = true;` ativa isso (o web.config não consegue, no ASP.NET 2.0–3.5).
the-server-will-not-go-adefed65 = O servidor não vai continuar até que a conexão seja criptografada com STARTTLS (a forma como um servidor de e-mail passa para uma conexão criptografada). No appsettings.json, `"SecureSocketOptions": "StartTls"` ativa isso.
the-server-will-not-go-97dcf783 = O servidor não vai continuar até que a conexão seja criptografada com STARTTLS (a forma como um servidor de e-mail passa para uma conexão criptografada). `$mail->SMTPSecure = 'tls';` ativa isso.
use-port-587-the-usual-4b4b252f = Use `Port` `587` (a porta comum para enviar a partir de sites), a menos que o seu provedor diga outra coisa.
with-ssl-smtpclient-enablessl-set-d3fe9f32 = Com o SSL (`SmtpClient.EnableSsl`, definido no código) ativado, o ASP.NET pede STARTTLS (a forma como um servidor de e-mail passa para uma conexão criptografada), e este servidor não o ofereceu, então o ASP.NET para com "Server does not support secure connections". Normalmente a porta ou o servidor não é o servidor de envio do provedor, ou a criptografia do servidor não está configurada.
with-securesocketoptions-on-asp-net-a08cc797 = Com `SecureSocketOptions` ativado, o ASP.NET pede STARTTLS (a forma como um servidor de e-mail passa para uma conexão criptografada), e este servidor não o ofereceu, então o ASP.NET para com "Server does not support secure connections". Normalmente a porta ou o servidor não é o servidor de envio do provedor, ou a criptografia do servidor não está configurada.
with-smtpsecure-on-asp-net-fe653274 = Com `SMTPSecure` ativado, o ASP.NET pede STARTTLS (a forma como um servidor de e-mail passa para uma conexão criptografada), e este servidor não o ofereceu, então o ASP.NET para com "Server does not support secure connections". Normalmente a porta ou o servidor não é o servidor de envio do provedor, ou a criptografia do servidor não está configurada.
check-host-and-port-against-28b524e4 = Compare `Host` e `Port` com as instruções do seu provedor; se `Port` for `25`, tente `587`.
turning-ssl-smtpclient-enablessl-set-fd0df8f0 = Desativar o SSL (`SmtpClient.EnableSsl`, definido no código) faria a sua senha ser enviada sem criptografia (legível para qualquer um no caminho): só considere isso se o seu provedor confirmar que o servidor está na sua própria rede privada.
turning-securesocketoptions-off-would-se-e26e1505 = Desativar `SecureSocketOptions` faria a sua senha ser enviada sem criptografia (legível para qualquer um no caminho): só considere isso se o seu provedor confirmar que o servidor está na sua própria rede privada.
turning-smtpsecure-off-would-send-9ef38bc8 = Desativar `SMTPSecure` faria a sua senha ser enviada sem criptografia (legível para qualquer um no caminho): só considere isso se o seu provedor confirmar que o servidor está na sua própria rede privada.
keep-this-port-and-switch-32e36e57 = Mantenha esta porta e ative o SSL no código (em outros programas, escolha "STARTTLS" ou "TLS" em vez de "SSL").
keep-this-port-and-set-cd2a42d8 = Mantenha esta porta e defina `SecureSocketOptions` como `StartTls` (em outros programas, escolha "STARTTLS" ou "TLS" em vez de "SSL").
keep-this-port-and-set-41922fa3 = Mantenha esta porta e defina `SMTPSecure` como `'tls'` (STARTTLS) (em outros programas, escolha "STARTTLS" ou "TLS" em vez de "SSL").
the-handshake-the-exchange-that-e9025476 = O handshake (a troca que prepara a criptografia) falhou. Motivos comuns: um servidor que só conhece versões antigas de criptografia (TLS 1.0 ou 1.1, que os programas modernos recusam), um servidor com a criptografia mal configurada, ou um programa de segurança no servidor web que interfere nas conexões criptografadas.
send-again-in-a-few-5192a65a = Envie de novo daqui a alguns minutos: alguns servidores têm problemas de criptografia passageiros.
send-this-error-message-to-3a3fef43 = Envie esta mensagem de erro ao seu provedor de e-mail e pergunte se o servidor aceita TLS 1.2 ou mais recente.
if-the-web-server-runs-da617e2c = Se o servidor web roda um antivírus que verifica e-mails, pause a verificação de e-mails dele durante um teste, ou pergunte ao fabricante.
if-it-lasts-tell-your-4398538e = Se continuar, avise o seu provedor de e-mail que o servidor responde ao STARTTLS com "TLS not available".
or-send-through-a-provider-70e262b5 = Ou envie por um provedor cujo servidor aceite TLS 1.2: mude `Host` (e `Port`) para o servidor dele.
a-certificate-the-server-s-1a9f3248 = Um certificado (a prova de identidade do servidor) lista os nomes para os quais é válido, e o nome em `Host` não está entre eles. Isso é comum em hospedagem compartilhada, em que o certificado traz o nome do servidor da empresa de hospedagem, e não o seu domínio.
change-host-to-a-name-90ed824c = Mude `Host` para um nome para o qual o certificado seja válido (o painel de controle da sua hospedagem normalmente o mostra como o nome do servidor de e-mail).
the-certificate-the-server-s-b1cbac22 = O certificado (a prova de identidade do servidor) não é garantido por nenhuma autoridade em que o servidor web confia. Ele pode ser autoassinado (criado pelo servidor para si mesmo), o servidor pode estar deixando de fora o certificado intermediário que o liga a uma autoridade confiável, ou um programa de segurança nesta rede pode estar substituindo-o.
or-change-host-to-the-4b9aed71 = Ou mude `Host` para o nome de servidor que o seu provedor recomenda: normalmente ele tem um certificado válido.
check-that-the-web-server-70da9069 = Confira se a data e a hora do servidor web estão certas: um relógio errado faz certificados válidos parecerem expirados.
a-certificate-the-server-s-d82f1ec5 = Um certificado (a prova de identidade do servidor) só é válido a partir de uma data definida, e pelo relógio do servidor web essa data ainda não chegou. Normalmente o relógio do servidor web está errado; mais raramente, o servidor tem um certificado com data no futuro.
check-that-the-web-server-1ea5bf6c = Confira se a data, a hora e o fuso horário do servidor web estão certos e envie de novo.
switch-ssl-on-in-code-b0438e5d = Ative o SSL no código e use `port` `587`.
set-securesocketoptions-to-starttls-and-2ad097ac = Defina `SecureSocketOptions` como `StartTls` e use `Port` `587`.
set-smtpsecure-to-tls-starttls-0664aeb3 = Defina `SMTPSecure` como `'tls'` (STARTTLS) e use `Port` `587`.
send-again-if-it-still-685a4d0a = Envie de novo; se ainda falhar, a resposta do servidor diz qual dos dois está faltando.
check-targetframework-in-appsettings-jso-cde6eebe = Confira `targetFramework` no appsettings.json (`<httpRuntime targetFramework="…" />`): se for 4.5.2 ou menor, escreva `<httpRuntime targetFramework="4.8" />` (o .NET Framework 4.8 precisa estar instalado no servidor web; a sua hospedagem pode dizer).
check-targetframework-in-your-phpmailer-d2d788fa = Confira `targetFramework` nas suas configurações do PHPMailer (`<httpRuntime targetFramework="…" />`): se for 4.5.2 ou menor, escreva `<httpRuntime targetFramework="4.8" />` (o .NET Framework 4.8 precisa estar instalado no servidor web; a sua hospedagem pode dizer).
gmail-needs-an-app-password-52f29f0d = O Gmail precisa de uma senha de app: ative a Verificação em duas etapas na sua Conta do Google, depois abra myaccount.google.com/apppasswords (a página Segurança não tem mais link para ela), crie uma senha de app e cole as 16 letras dela em `Password`, sem espaços. Use o seu endereço completo do Gmail como `UserName`.
gmail-needs-an-app-password-0a64bbed = O Gmail precisa de uma senha de app: ative a Verificação em duas etapas na sua Conta do Google, depois abra myaccount.google.com/apppasswords (a página Segurança não tem mais link para ela), crie uma senha de app e cole as 16 letras dela em `Password`, sem espaços. Use o seu endereço completo do Gmail como `Username`.
gmail-sends-only-from-your-a7cd697e = O Gmail só envia a partir do seu próprio endereço ou de um endereço adicionado em Configurações → Contas → "Enviar e-mail como" (Settings → Accounts → "Send mail as"): defina `From` com um desses.
gmail-sends-only-from-your-967bb4ce = O Gmail só envia a partir do seu próprio endereço ou de um endereço adicionado em Configurações → Contas → "Enviar e-mail como" (Settings → Accounts → "Send mail as"): defina o endereço de `setFrom()` com um desses.
the-google-workspace-smtp-relay-98e2ae0c = O relay SMTP do Google Workspace precisa ser ativado pelo administrador do seu Workspace (Admin console → Apps → Google Workspace → Gmail → Routing → SMTP relay service). Se ele exigir autenticação SMTP, use um endereço do Workspace como `UserName` e uma senha de app criada em myaccount.google.com/apppasswords como `Password`; se, em vez disso, ele permitir o endereço IP do seu servidor, deixe os dois vazios.
the-google-workspace-smtp-relay-a8add76c = O relay SMTP do Google Workspace precisa ser ativado pelo administrador do seu Workspace (Admin console → Apps → Google Workspace → Gmail → Routing → SMTP relay service). Se ele exigir autenticação SMTP, use um endereço do Workspace como `Username` e uma senha de app criada em myaccount.google.com/apppasswords como `Password`; se, em vez disso, ele permitir o endereço IP do seu servidor, deixe os dois vazios.
the-google-workspace-smtp-relay-a9a83a12 = O relay SMTP do Google Workspace só envia a partir dos endereços que o seu administrador permitiu nas configurações dele (normalmente os dos seus domínios do Workspace): defina `From` com um deles.
the-google-workspace-smtp-relay-87c116c0 = O relay SMTP do Google Workspace só envia a partir dos endereços que o seu administrador permitiu nas configurações dele (normalmente os dos seus domínios do Workspace): defina o endereço de `setFrom()` com um deles.
the-relay-lets-in-only-459c6209 = O relay só libera os endereços IP ou o login que o seu administrador permitiu nas configurações do serviço de relay SMTP, então um teste a partir de outro computador falha, a menos que faça login. Defina também `Hostname` como o nome de domínio do seu site: o Google pode recusar um simples nome de computador como `localhost`.
microsoft-365-use-the-mailbox-19f8c62c = Microsoft 365: use o endereço completo da caixa de e-mail como `UserName`. O login de programas de e-mail ("Authenticated SMTP") precisa estar permitido para esta caixa de e-mail: o seu administrador o ativa no Microsoft 365 admin center, em Users → Active users → Mail → Manage email apps. Os padrões de segurança do Microsoft Entra (as proteções de login padrão da Microsoft) o bloqueiam para a organização inteira, seja qual for essa opção.
microsoft-365-use-the-mailbox-3dc9ad4c = Microsoft 365: use o endereço completo da caixa de e-mail como `Username`. O login de programas de e-mail ("Authenticated SMTP") precisa estar permitido para esta caixa de e-mail: o seu administrador o ativa no Microsoft 365 admin center, em Users → Active users → Mail → Manage email apps. Os padrões de segurança do Microsoft Entra (as proteções de login padrão da Microsoft) o bloqueiam para a organização inteira, seja qual for essa opção.
microsoft-365-sends-only-as-b2fe867a = O Microsoft 365 só envia como a caixa de e-mail com login feito, a menos que o seu administrador conceda a permissão "Send As" (Enviar como): defina `From` com o endereço que está em `UserName`.
microsoft-365-sends-only-as-e3bbbbe6 = O Microsoft 365 só envia como a caixa de e-mail com login feito, a menos que o seu administrador conceda a permissão "Send As" (Enviar como): defina o endereço de `setFrom()` com o endereço que está em `Username`.
an-smtp-relay-your-admin-95d6c596 = Um relay SMTP: o seu administrador cria um conector para o endereço IP fixo do servidor web; depois, defina `Host` como o host MX do seu domínio (termina em `mail.protection.outlook.com`), `Port` como `25` e deixe `UserName` e `Password` vazios.
an-smtp-relay-your-admin-a93b82b6 = Um relay SMTP: o seu administrador cria um conector para o endereço IP fixo do servidor web; depois, defina `Host` como o host MX do seu domínio (termina em `mail.protection.outlook.com`), `Port` como `25` e deixe `Username` e `Password` vazios.
high-volume-email-hve-a-5d4715de = High Volume Email (HVE): uma conta do Microsoft 365 feita para programas que ainda faz login com senha (`Host` `smtp-hve.office365.com`, `Port` `587`), destinada a e-mails para as caixas de e-mail da sua própria organização.
azure-communication-services-microsoft-s-f87006cd = Azure Communication Services: o serviço de envio da Microsoft (`Host` `smtp.azurecomm.net`, `Port` `587`), que faz login com um nome de usuário e um segredo de app que o seu site consegue usar.
direct-send-a-host-ending-14a6804c = O Direct Send (um `Host` terminado em `mail.protection.outlook.com`) não usa login: deixe `UserName` e `Password` vazios e use `Port` `25`. Ele só entrega em caixas de e-mail da sua própria organização; para alcançar outros endereços, faça login em `smtp.office365.com` na porta `587`, ou peça ao seu administrador um conector (relay SMTP).
direct-send-a-host-ending-5cca796c = O Direct Send (um `Host` terminado em `mail.protection.outlook.com`) não usa login: deixe `Username` e `Password` vazios e use `Port` `25`. Ele só entrega em caixas de e-mail da sua própria organização; para alcançar outros endereços, faça login em `smtp.office365.com` na porta `587`, ou peça ao seu administrador um conector (relay SMTP).
since-16-september-2024-personal-6329d220 = Desde 16 de setembro de 2024, as contas pessoais do Outlook.com e do Hotmail não aceitam mais senha para envio, só o login OAuth da Microsoft, que um site configurado pelo appsettings.json não consegue fazer. Envie os e-mails do seu site por outro provedor.
since-16-september-2024-personal-7621f718 = Desde 16 de setembro de 2024, as contas pessoais do Outlook.com e do Hotmail não aceitam mais senha para envio, só o login OAuth da Microsoft, que um site configurado pelas configurações do PHPMailer não consegue fazer. Envie os e-mails do seu site por outro provedor.
outlook-com-sends-only-from-73caa19a = O Outlook.com só envia a partir do endereço com login feito: defina `From` igual a `UserName`.
outlook-com-sends-only-from-5ea38fca = O Outlook.com só envia a partir do endereço com login feito: defina o endereço de `setFrom()` igual a `Username`.
send-your-website-s-mail-23638aa3 = Envie os e-mails do seu site por um serviço que ainda aceite senha, como o servidor de e-mail da sua empresa de hospedagem ou um serviço de envio (SendGrid, Mailgun, Brevo e outros estão na lista de provedores), e mude `Host`, `UserName` e `Password` para os valores dele.
send-your-website-s-mail-6bda0d43 = Envie os e-mails do seu site por um serviço que ainda aceite senha, como o servidor de e-mail da sua empresa de hospedagem ou um serviço de envio (SendGrid, Mailgun, Brevo e outros estão na lista de provedores), e mude `Host`, `Username` e `Password` para os valores dele.
godaddy-email-use-your-full-b39b7cc6 = E-mail da GoDaddy: use o seu endereço de e-mail completo como `UserName` e a senha da caixa de e-mail, com `Host` definido como `smtpout.secureserver.net`. Se o seu e-mail da GoDaddy for um plano Microsoft 365, use as configurações do Microsoft 365 (`smtp.office365.com`).
godaddy-email-use-your-full-fc189166 = E-mail da GoDaddy: use o seu endereço de e-mail completo como `Username` e a senha da caixa de e-mail, com `Host` definido como `smtpout.secureserver.net`. Se o seu e-mail da GoDaddy for um plano Microsoft 365, use as configurações do Microsoft 365 (`smtp.office365.com`).
godaddy-s-hosting-relay-relay-dd98d47f = O relay de hospedagem da GoDaddy (`relay-hosting.secureserver.net`) não usa login: deixe `userName` e `password` vazios, com `port` definido como `25` e o SSL (`SmtpClient.EnableSsl`, definido no código) como `false`.
godaddy-s-hosting-relay-relay-f07c2f1a = O relay de hospedagem da GoDaddy (`relay-hosting.secureserver.net`) não usa login: deixe `UserName` e `Password` vazios, com `Port` definido como `25` e `SecureSocketOptions` como `false`.
godaddy-s-hosting-relay-relay-609d3ac7 = O relay de hospedagem da GoDaddy (`relay-hosting.secureserver.net`) não usa login: deixe `Username` e `Password` vazios, com `Port` definido como `25` e `SMTPSecure` como `false`.
ionos-use-the-full-email-a7c00951 = IONOS: use o endereço de e-mail completo como `UserName` e a senha da caixa de e-mail, com o servidor do país do seu contrato como `Host` (`smtp.ionos.com`, `smtp.ionos.de` ou `smtp.ionos.co.uk`).
ionos-use-the-full-email-7e72a1b1 = IONOS: use o endereço de e-mail completo como `Username` e a senha da caixa de e-mail, com o servidor do país do seu contrato como `Host` (`smtp.ionos.com`, `smtp.ionos.de` ou `smtp.ionos.co.uk`).
ovhcloud-use-the-full-email-cd29b853 = OVHcloud: use o endereço de e-mail completo como `UserName` e a senha da caixa de e-mail, com `Host` definido como `ssl0.ovh.net` (o nome para o qual o certificado dele é válido).
ovhcloud-use-the-full-email-3c4dbb33 = OVHcloud: use o endereço de e-mail completo como `Username` e a senha da caixa de e-mail, com `Host` definido como `ssl0.ovh.net` (o nome para o qual o certificado dele é válido).
yahoo-needs-an-app-password-693b5950 = O Yahoo precisa de uma senha de app: na sua conta Yahoo, abra Account security → Generate app password (Segurança da conta → Gerar senha de app) e use-a como `Password`, com o seu endereço completo do Yahoo como `UserName`.
yahoo-needs-an-app-password-96021e70 = O Yahoo precisa de uma senha de app: na sua conta Yahoo, abra Account security → Generate app password (Segurança da conta → Gerar senha de app) e use-a como `Password`, com o seu endereço completo do Yahoo como `Username`.
yahoo-sends-only-from-the-4a458e03 = O Yahoo só envia a partir do endereço com login feito: defina `From` com o seu endereço do Yahoo.
yahoo-sends-only-from-the-5064b1b3 = O Yahoo só envia a partir do endereço com login feito: defina o endereço de `setFrom()` com o seu endereço do Yahoo.
aol-needs-an-app-password-2a7d72d0 = A AOL precisa de uma senha de app: na sua conta AOL, abra Account security → Generate app password e use-a como `Password`, com o seu endereço completo da AOL como `UserName`.
aol-needs-an-app-password-574437f0 = A AOL precisa de uma senha de app: na sua conta AOL, abra Account security → Generate app password e use-a como `Password`, com o seu endereço completo da AOL como `Username`.
aol-sends-only-from-the-73cdefc3 = A AOL só envia a partir do endereço com login feito: defina `From` com o seu endereço da AOL.
aol-sends-only-from-the-4db838b3 = A AOL só envia a partir do endereço com login feito: defina o endereço de `setFrom()` com o seu endereço da AOL.
icloud-mail-needs-an-app-c8532528 = O iCloud Mail precisa de uma senha específica de app: crie uma em account.apple.com, em Início de Sessão e Segurança → Senhas Específicas de Apps (Sign-In and Security → App-Specific Passwords), e use o seu endereço completo do iCloud como `UserName`.
icloud-mail-needs-an-app-0e669f48 = O iCloud Mail precisa de uma senha específica de app: crie uma em account.apple.com, em Início de Sessão e Segurança → Senhas Específicas de Apps (Sign-In and Security → App-Specific Passwords), e use o seu endereço completo do iCloud como `Username`.
zoho-mail-use-your-full-384aac79 = Zoho Mail: use o seu endereço completo do Zoho como `UserName`. Se o login em dois fatores estiver ativado, crie uma senha específica de aplicativo em Zoho Accounts → Security e use-a como `Password`. Use o servidor do seu data center (por exemplo `smtp.zoho.eu` na Europa); contas de organização no próprio domínio usam `smtppro.` no lugar de `smtp.` (por exemplo `smtppro.zoho.eu`).
zoho-mail-use-your-full-7a3fb759 = Zoho Mail: use o seu endereço completo do Zoho como `Username`. Se o login em dois fatores estiver ativado, crie uma senha específica de aplicativo em Zoho Accounts → Security e use-a como `Password`. Use o servidor do seu data center (por exemplo `smtp.zoho.eu` na Europa); contas de organização no próprio domínio usam `smtppro.` no lugar de `smtp.` (por exemplo `smtppro.zoho.eu`).
fastmail-needs-an-app-password-4c8b9524 = O Fastmail precisa de uma senha de app: crie uma em Settings → Privacy & Security → App passwords e use-a como `Password`.
azure-communication-services-username-is-82b5afd0 = Azure Communication Services: `UserName` é um nome de usuário SMTP criado no seu recurso do Communication Services (Settings → SMTP Usernames) e vinculado a um app do Microsoft Entra que tenha permissão de envio; `Password` é o segredo do cliente desse app. Os segredos do cliente expiram: se funcionava antes, crie um novo segredo e use-o.
azure-communication-services-username-is-25902af0 = Azure Communication Services: `Username` é um nome de usuário SMTP criado no seu recurso do Communication Services (Settings → SMTP Usernames) e vinculado a um app do Microsoft Entra que tenha permissão de envio; `Password` é o segredo do cliente desse app. Os segredos do cliente expiram: se funcionava antes, crie um novo segredo e use-o.
azure-communication-services-sends-only-ff5de3b8 = O Azure Communication Services só envia a partir dos endereços MailFrom de um domínio de e-mail conectado ao seu recurso do Communication Services: defina `From` com um deles.
azure-communication-services-sends-only-fcf3ed02 = O Azure Communication Services só envia a partir dos endereços MailFrom de um domínio de e-mail conectado ao seu recurso do Communication Services: defina o endereço de `setFrom()` com um deles.
amazon-ses-needs-ses-smtp-cb156c1c = O Amazon SES precisa de credenciais SMTP do SES, criadas no console do SES em SMTP settings para a região em `Host`. Chaves de acesso do IAM e credenciais SMTP de outra região não funcionam.
amazon-ses-sends-only-from-31649dbc = O Amazon SES só envia a partir de identidades verificadas: verifique o endereço `From` ou o domínio dele no console do SES. Enquanto a conta estiver na sandbox (o modo de teste das contas novas), os destinatários também precisam ser verificados.
amazon-ses-sends-only-from-ce071f11 = O Amazon SES só envia a partir de identidades verificadas: verifique o endereço de `setFrom()` ou o domínio dele no console do SES. Enquanto a conta estiver na sandbox (o modo de teste das contas novas), os destinatários também precisam ser verificados.
sendgrid-username-must-be-literally-2392208f = SendGrid: `UserName` precisa ser literalmente `apikey` (não o seu login nem o seu endereço de e-mail), e `Password` é uma chave de API com a permissão "Mail Send", colada sem espaços.
sendgrid-username-must-be-literally-0f7ff76f = SendGrid: `Username` precisa ser literalmente `apikey` (não o seu login nem o seu endereço de e-mail), e `Password` é uma chave de API com a permissão "Mail Send", colada sem espaços.
sendgrid-sends-only-from-a-0be2f6cf = O SendGrid só envia a partir de uma Sender Identity verificada: verifique o endereço `From` ou o domínio dele em Settings → Sender Authentication.
sendgrid-sends-only-from-a-c8fc64da = O SendGrid só envia a partir de uma Sender Identity verificada: verifique o endereço de `setFrom()` ou o domínio dele em Settings → Sender Authentication.
mailgun-sends-from-addresses-of-ba0bed7a = O Mailgun envia a partir de endereços do seu domínio de envio verificado: use um deles como `From`.
mailgun-sends-from-addresses-of-38c1bbc8 = O Mailgun envia a partir de endereços do seu domínio de envio verificado: use um deles como endereço de `setFrom()`.
postmark-use-your-server-api-681c5113 = Postmark: use o seu Server API Token tanto como `UserName` quanto como `Password`.
postmark-use-your-server-api-d6fda7f3 = Postmark: use o seu Server API Token tanto como `Username` quanto como `Password`.
postmark-sends-only-from-a-aa1507f0 = O Postmark só envia a partir de uma Sender Signature confirmada ou de um domínio verificado: use um deles como `From`.
postmark-sends-only-from-a-9ef116ea = O Postmark só envia a partir de uma Sender Signature confirmada ou de um domínio verificado: use um deles como endereço de `setFrom()`.
brevo-username-is-the-smtp-61deeb36 = Brevo: `UserName` é o login SMTP mostrado em SMTP & API, e `Password` é uma chave SMTP da mesma página (não uma chave de API nem a senha da sua conta).
brevo-username-is-the-smtp-d3088416 = Brevo: `Username` é o login SMTP mostrado em SMTP & API, e `Password` é uma chave SMTP da mesma página (não uma chave de API nem a senha da sua conta).
brevo-sends-only-from-a-e7ee4fca = O Brevo só envia a partir de um remetente ou domínio verificado: use um deles como `From`.
brevo-sends-only-from-a-0fe5ff38 = O Brevo só envia a partir de um remetente ou domínio verificado: use um deles como endereço de `setFrom()`.
mailjet-username-is-your-mailjet-be7768e2 = Mailjet: `UserName` é a sua chave de API do Mailjet e `Password` é a chave secreta dela (em Account settings → API keys), não o seu login do Mailjet.
mailjet-username-is-your-mailjet-aa6c2842 = Mailjet: `Username` é a sua chave de API do Mailjet e `Password` é a chave secreta dela (em Account settings → API keys), não o seu login do Mailjet.
mailjet-sends-only-from-a-2b02a254 = O Mailjet só envia a partir de um endereço ou domínio de remetente validado: valide o endereço `From` no Mailjet ou use um que já esteja validado.
mailjet-sends-only-from-a-a4239645 = O Mailjet só envia a partir de um endereço ou domínio de remetente validado: valide o endereço de `setFrom()` no Mailjet ou use um que já esteja validado.
smtp2go-use-an-smtp-user-c2bc2bdb = SMTP2GO: use um usuário SMTP da sua conta SMTP2GO (Sending → SMTP Users) como `UserName` e a senha dele como `Password`, não o seu login do SMTP2GO.
smtp2go-use-an-smtp-user-b95c2e7b = SMTP2GO: use um usuário SMTP da sua conta SMTP2GO (Sending → SMTP Users) como `Username` e a senha dele como `Password`, não o seu login do SMTP2GO.
smtp2go-sends-only-from-verified-38d2716c = O SMTP2GO só envia a partir de remetentes verificados (Sending → Verified Senders): use um deles como `From`.
smtp2go-sends-only-from-verified-4a413e26 = O SMTP2GO só envia a partir de remetentes verificados (Sending → Verified Senders): use um deles como endereço de `setFrom()`.
provider-also-takes-mail-on-688364ca = { $provider } também aceita e-mails na porta `{ $port }`, que empresas de hospedagem e provedores de internet raramente bloqueiam: mude `port` para `{ $port }` e mantenha o SSL ativado no código.
provider-also-takes-mail-on-2eb2c630 = { $provider } também aceita e-mails na porta `{ $port }`, que empresas de hospedagem e provedores de internet raramente bloqueiam: mude `Port` para `{ $port }` e mantenha `SecureSocketOptions` como `StartTls`.
provider-also-takes-mail-on-d235639f = { $provider } também aceita e-mails na porta `{ $port }`, que empresas de hospedagem e provedores de internet raramente bloqueiam: mude `Port` para `{ $port }` e mantenha `SMTPSecure` como `'tls'` (STARTTLS).
