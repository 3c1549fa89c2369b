# Español (es): traducción de la interfaz de Mail Settings Tester.
# Traducido de en.ftl por un traductor de IA (Claude), mensaje a mensaje, siguiendo la guía de
# estilo del producto (/work/shared/UX.md, «How we talk»): tuteo, español neutro, frases cortas.
# Comprobación: las pruebas automáticas de tests/i18n.rs (mismos ids, mismas variables, todos los
# mensajes se formatean) y una relectura propia para la coherencia de la terminología.
# Terminología: sign in = iniciar sesión (sign-in = inicio de sesión); password = contraseña;
# app password = contraseña de aplicación; user name = nombre de usuario; server = servidor;
# secure/encrypted connection = conexión segura/cifrada; mailbox = buzón; settings = configuración;
# keyring = llavero del sistema; snippet = fragmento; transcript = transcripción; report = informe;
# receivers = servidores de destino; look-up = consulta. Quedan sin traducir los nombres entre
# comillas invertidas, los nombres de archivos y atributos, los protocolos (SMTP, STARTTLS, TLS,
# DNS, SPF, DKIM, DMARC…), los nombres de productos y las opciones de la línea de órdenes.

## src/arrive/dkim.rs

receivers-can-check-the-signature-79253611 = Los servidores de destino pueden comprobar la firma que { $provider } añade a tus mensajes: `{ $name }` apunta a `{ $target }`.
receivers-can-check-the-signature-de564560 = Los servidores de destino pueden comprobar la firma que { $provider } añade a tus mensajes: `{ $name }` contiene la clave.
dkim-is-a-signature-the-803894e2 = DKIM es una firma que el servidor de envío añade a cada mensaje; los servidores de destino la comprueban con una clave publicada en el DNS de tu dominio.
provider-signs-with-the-selectors-fc53fd77 = { $provider } firma con los selectores { $selectors }, pero allí no se encontró ninguna clave para { $domain }, así que su firma no cuenta para tu dominio y es más probable que el correo acabe en spam.
provider-signs-with-the-selector-a5266169 = { $provider } firma con el selector { $selector }, pero allí no se encontró ninguna clave para { $domain }, así que su firma no cuenta para tu dominio y es más probable que el correo acabe en spam.
switch-on-dkim-for-domain-788c832b = Activa DKIM para { $domain } en { $provider } ({ $place }) y añade el registro { $record_type } que te muestre (y lo mismo para los demás selectores); el registro de abajo tiene su forma.
switch-on-dkim-for-domain-929c2534 = Activa DKIM para { $domain } en { $provider } ({ $place }) y añade el registro { $record_type } que te muestre; el registro de abajo tiene su forma.
domain-does-not-publish-provider-6ab37a2b = { $domain } no publica la clave DKIM de { $provider }
provider-s-dkim-key-is-4ce44b77 = La clave DKIM de { $provider } está publicada para { $domain }
dkim-not-checked-4291ed12 = DKIM sin comprobar
we-do-not-know-which-d85e6cbc = No sabemos con qué selector DKIM firma { $server }, así que no pudimos comprobar si su clave está publicada para { $domain }. Pregunta al proveedor si firma tu correo con DKIM (una firma que los servidores de destino comprueban con una clave en el DNS de tu dominio) y qué registro debes añadir.

## src/arrive/dmarc.rs

dmarc-tells-receivers-what-to-e721a5e3 = DMARC indica a los servidores de destino qué hacer con el correo que dice venir de { $domain } pero no supera para ese dominio ni SPF ni DKIM.
its-policy-is-p-reject-ce967681 = Su política es `p=reject`: ese correo se rechaza.
its-policy-is-p-quarantine-2a69dd62 = Su política es `p=quarantine`: ese correo va a spam.
its-policy-is-p-none-01a9d2cb = Su política es `p=none`: ese correo solo se notifica.
domain-has-a-dmarc-policy-735612a7 = { $domain } tiene una política DMARC: { $policy }
dmarc-of-domain-will-reject-c398e1d1 = El DMARC de { $domain } rechazará este correo
the-dmarc-policy-of-domain-35b9cbc4 = La política DMARC de { $domain } dice `p=reject`, y ni SPF ni DKIM se superarán para { $domain } a través de este servidor, así que los servidores de destino rechazarán el correo de tu sitio web.
dmarc-of-domain-will-quarantine-6ef31cf6 = El DMARC de { $domain } enviará este correo a cuarentena
the-dmarc-policy-of-domain-eabc6562 = La política DMARC de { $domain } dice `p=quarantine`, y ni SPF ni DKIM se superarán para { $domain } a través de este servidor, así que los servidores de destino enviarán a spam el correo de tu sitio web.
fix-spf-or-dkim-first-42d5b01c = Corrige primero SPF o DKIM (mira más arriba); solo si no puedes hacerlo pronto, suaviza la política a `p=none` con el registro de abajo.
domain-has-no-dmarc-record-49974c46 = { $domain } no tiene registro DMARC
dmarc-is-a-dns-record-4d3d6942 = DMARC es un registro DNS que indica a los servidores de destino qué hacer con el correo que no supera las comprobaciones SPF y DKIM de tu dominio. Gmail y Yahoo piden a todo dominio que envía mucho correo que publique uno, y el correo de los dominios que no lo tienen inspira menos confianza. Añade el registro TXT de abajo en `{ $name }`: `p=none` no cambia nada para tu correo y solo pide a los servidores de destino que lo comprueben.
the-dmarc-record-of-domain-98955b46 = El registro DMARC de { $domain } tiene un error
the-dmarc-record-at-name-da80e0f7 = El registro DMARC en `{ $name }` es `{ $record }`, que los servidores de destino no pueden leer, así que lo ignoran. Sustitúyelo por el registro de abajo y parte de ahí.

## src/arrive/freemail.rs

provider-sends-its-own-addresses-879d096b = { $provider } envía sus propias direcciones
the-from-address-is-at-67fb0fdc = La dirección `from` es de { $domain } y el correo pasa por el propio servidor de { $provider } ({ $host }), que lo firma para { $domain }: no hay nada que añadir en ningún DNS.
a-domain-address-cannot-be-27101620 = Una dirección de { $domain } no se puede enviar a través de { $server }
the-from-address-is-at-4eca8930 = La dirección `from` es de { $domain }, que pertenece a { $provider }. Su DNS (que tú no puedes cambiar) indica a todos los servidores de destino que rechacen o descarten el correo de { $domain } que no haya pasado por los propios servidores de { $provider }, así que Gmail, Yahoo, Outlook.com y otros rechazan el correo enviado a través de { $server }. Pon en `from` una dirección de tu propio dominio y configura el SPF y el DKIM de ese dominio para { $server }.

## src/arrive/model.rs

likely-to-arrive-5f0e6d11 = Probablemente llegará
likely-to-land-in-spam-a5ce4d7f = Probablemente acabará en spam
will-be-rejected-by-gmail-6299af51 = Gmail y otros lo rechazarán

## src/arrive/request.rs

given-is-not-an-email-d634334b = "{ $given }" no es una dirección de correo cuyo dominio podamos comprobar; indica una como --from site@example.com

## src/arrive/server.rs

your-mail-server-13d9fcfc = tu servidor de correo

## src/arrive/spf.rs

the-spf-record-needs-count-5dedf6d1 = El registro SPF necesita { $count } consultas DNS; el límite es 10
receiving-servers-stop-checking-an-be2111cf = Los servidores de destino dejan de comprobar un registro SPF después de 10 consultas (cuentan cada `include:`, `a`, `mx`, `ptr`, `exists` y `redirect=`, también dentro de los registros que incluye) y entonces dan la comprobación por fallida. El registro de { $domain } necesita { $count }. Quita las entradas `include:` de los servicios que ya no usas para enviar, o sustituye `a` y `mx` por las direcciones `ip4:` que representan.
a-look-up-timed-out-13157fc5 = una consulta agotó el tiempo de espera o falló el servidor DNS
the-spf-record-of-domain-67804a0e = El registro SPF de { $domain } (la lista de servidores que pueden enviar su correo) incluye { $server } mediante `include:{ $include }`, la entrada de { $provider }, así que los servidores de destino verán que ese servidor puede enviar en tu nombre.
the-spf-record-of-domain-0b5c4f92 = El registro SPF de { $domain } (la lista de servidores que pueden enviar su correo) incluye { $server }, así que los servidores de destino verán que ese servidor puede enviar en tu nombre.
spf-allows-server-to-send-8afd0a77 = SPF permite que { $server } envíe para { $domain }
domain-has-no-spf-record-1cb5b594 = { $domain } no tiene registro SPF
an-spf-record-is-a-cb1c9d74 = Un registro SPF es una línea en el DNS de tu dominio que enumera los servidores que pueden enviar correo en su nombre. { $domain } no tiene ninguno, así que Gmail, Outlook.com y otros no pueden distinguir el correo de tu sitio web de una falsificación y lo mandan a spam o lo rechazan. Añade el registro TXT de abajo en tu proveedor de DNS (donde se gestiona el DNS de tu dominio).
domain-has-count-spf-records-07a9b800 = { $domain } tiene { $count } registros SPF; solo puede tener uno
domain-publishes-count-txt-records-74c3917b = { $domain } publica { $count } registros TXT que empiezan por `v=spf1`. Los servidores de destino lo tratan como un error y la comprobación SPF falla para todos los servidores. Bórralos todos y añade el único registro de abajo, que conserva todas sus entradas.
it-includes-include-which-has-336f9a8d = Incluye `{ $include }`, que no tiene un único registro SPF válido, así que la comprobación termina en error. Quita esa entrada o corrige su nombre.
receivers-cannot-read-it-a-63ea1f19 = Los servidores de destino no pueden leerlo (una entrada mal escrita, un carácter de más o un espacio que falta), así que la comprobación termina en error. Sustitúyelo por el registro de abajo y vuelve a añadir cualquier otro servicio que envíe correo en tu nombre.
the-spf-record-of-domain-22ad1250 = El registro SPF de { $domain } es `{ $record }`.
the-spf-record-of-domain-20d2dd14 = El registro SPF de { $domain } tiene un error
spf-does-not-allow-server-e96b146c = SPF no permite que { $server } envíe para { $domain }
the-spf-record-of-domain-ae180452 = El registro SPF de { $domain } enumera los servidores que pueden enviar su correo, y { $server } no está entre ellos, así que los servidores de destino ven el correo de tu sitio web como posiblemente falsificado. Cambia el registro por el de abajo: añade `{ $terms }` y conserva todo lo demás.

## src/arrive/texts.rs

could-not-look-up-the-20e612c3 = No se pudo consultar el registro SPF de { $domain }
the-dns-look-up-of-5603d802 = La consulta DNS del registro SPF de { $domain } no obtuvo respuesta ({ $why }), así que esta comprobación está incompleta.
could-not-look-up-the-994cde94 = No se pudo consultar la comprobación SPF de { $domain }
the-dns-look-up-of-d0fe910b = La consulta DNS de la comprobación SPF de { $domain } no obtuvo respuesta ({ $why }), así que esta comprobación está incompleta.
could-not-look-up-the-453faaab = No se pudo consultar el registro DMARC { $name }
the-dns-look-up-of-89d9c052 = La consulta DNS del registro DMARC { $name } no obtuvo respuesta ({ $why }), así que esta comprobación está incompleta.
could-not-look-up-the-aeefb05d = No se pudieron consultar las direcciones de { $host }
the-dns-look-up-of-0d90da28 = La consulta DNS de las direcciones de { $host } no obtuvo respuesta ({ $why }), así que esta comprobación está incompleta.
try-again-in-a-minute-9c32e930 = Vuelve a intentarlo dentro de un minuto o indica otro servidor DNS con --dns-server, por ejemplo --dns-server 1.1.1.1:53.
host-has-no-address-in-871405a2 = { $host } no tiene dirección en el DNS
the-mail-server-host-has-ebe00387 = El servidor de correo { $host } no tiene dirección en el DNS, así que no pudimos comprobar si tu registro SPF le permite enviar. Revisa cómo está escrito `host`.

## src/certificate.rs

rsa-bits-bits-23280151 = RSA de { $bits } bits
ec-bits-bits-fe055061 = EC de { $bits } bits
other-algorithm-06e3c735 = otro ({ $algorithm })

## src/checklist.rs

working-2d8933f4 = en curso…
waiting-eeda06a8 = en espera
not-reached-5ea156cc = no alcanzado
skipped-022ec9b7 = omitido
stopped-here-8940b99c = se detuvo aquí

## src/cli/confirm.rs

y-n-57127fdb = [s/N]
yes-4e9f3590 = sí

## src/cli/dns_check_cmd.rs

will-mail-from-domain-through-87a4a5b9 = ¿Llegará el correo de { $domain } enviado a través de { $host }?
will-mail-from-domain-arrive-00b99798 = ¿Llegará el correo de { $domain }?
name-2de5e154 = nombre:
type-38e11e55 = tipo:
value-6b47a2d0 = valor:
add-this-dns-record-a930def2 = Añade este registro DNS:
verdict-verdict-0f0534c1 = Veredicto: { $verdict }
note-note-edb4a61f = Nota: { $note }

## src/cli/inbox_cmd.rs

mailbox-password-631a3f6c = Contraseña del buzón
the-environment-variable-var-is-f51718d6 = la variable de entorno { $var } no está definida (o no es texto válido); ponle la contraseña del buzón
the-server-gave-the-message-9ecaf4ed = el servidor no dio al mensaje ningún Message-ID que buscar
could-not-read-the-ca-66ac5a07 = no se pudo leer el --ca-file { $path }: { $err }
looking-for-the-message-in-88a27f59 = Buscando el mensaje en { $mailbox } (hasta { $seconds } s)…
the-mailbox-password-was-not-7b1224ac = la contraseña del buzón no se guardó en el llavero: la comprobación no llegó a iniciar sesión correctamente.
no-password-for-the-mailbox-0abb5363 = no hay contraseña para el buzón { $mailbox }: pásala con --inbox-password-stdin o --inbox-password-env VAR, o guárdala en el llavero como { $account }
did-it-land-mailbox-c25c5dff = ¿Ha llegado? { $mailbox }

## src/cli/json.rs

could-not-write-json-err-c9dd0283 = no se pudo escribir el JSON: { $err }

## src/cli/mod.rs

stopping-the-test-ctrl-c-18158df4 = Deteniendo la prueba… (otro Ctrl-C sale de inmediato)
the-checks-after-sending-check-eea128bf = Las comprobaciones posteriores al envío (--check-dns, --check-inbox) solo se ejecutan cuando el mensaje se ha enviado.
could-not-read-standard-input-6cb61c3b = no se pudo leer la entrada estándar: { $err }
give-the-error-text-to-2a747ea0 = indica el texto del error que quieres explicar, o pásalo por una tubería con -

## src/cli/oauth_cmd.rs

signed-out-the-sign-in-920ac642 = Sesión cerrada: el inicio de sesión de { $mailbox } ya no se conserva.
no-sign-in-of-mailbox-c1033f07 = Esta aplicación no conservaba ningún inicio de sesión de { $mailbox }.
signed-in-as-who-with-0789c27a = Sesión iniciada como { $who } con { $provider } (guardada en el llavero del sistema).
a-new-access-token-was-03874317 = Se acaba de emitir un nuevo token de acceso, válido durante { $minutes } min.
a-new-access-token-was-505fd341 = Se acaba de emitir un nuevo token de acceso.
not-signed-in-no-sign-b24f4b10 = Sin sesión iniciada: esta aplicación no conserva ningún inicio de sesión de { $mailbox }. `{ $command }` inicia sesión.
the-kept-sign-in-of-41c1d286 = El inicio de sesión guardado de { $mailbox } ya no funciona: { $error }. Vuelve a iniciar sesión.

## src/cli/output.rs

testing-host-port-with-security-bc3dfc06 = Probando { $host }:{ $port } con { $security }, como lo haría ASP.NET (System.Net.Mail).
testing-host-port-with-security-fa0d57de = Probando { $host }:{ $port } con { $security }, como lo haría un programa de correo cualquiera.
these-settings-need-attention-before-a42c8b40 = Hay que revisar esta configuración antes de poder hacer una prueba:
error-21918751 = error
warning-792112ef = advertencia
note-919a0c3d = nota
warning-summary-cb2694b9 = Advertencia: { $summary }
ways-out-315d2fe1 = Soluciones posibles:
checklist-7164074f = Lista de pasos:
only-partly-the-server-accepted-8a4abcce = Solo en parte: el servidor aceptó el mensaje de prueba para { $recipient } (su propio buzón), pero rechaza las direcciones externas sin inicio de sesión.
success-the-server-accepted-the-2b96e5a9 = Todo correcto: el servidor aceptó el mensaje de prueba para { $recipient }.
warning-the-password-crossed-the-ae191d12 = Advertencia: la contraseña viajó por la red SIN CIFRAR (lo permitiste para esta prueba). Pon enableSsl en true para que tu sitio web no haga lo mismo.
warning-the-certificate-is-not-676d1a93 = Advertencia: el certificado NO es válido ({ $problem }). Tu sitio web lo comprueba y fallará.
paste-this-into-your-web-97160651 = Pega esto en tu web.config, dentro de <configuration>:
for-platform-967bcad1 = Para { $platform }:
other-platforms-command-the-same-69f99f14 = Otras plataformas: { $command } (las mismas opciones de configuración; --format all las muestra todas)
problem-summary-7ede7f64 = Problema: { $summary }
what-to-do-8cbc7e25 = Qué hacer:
suggested-change-run-again-with-91377baf = Cambio sugerido (vuelve a ejecutarlo con { $flags }):
the-server-said-reply-de77b5c4 = El servidor dijo: { $reply }
preset-70ea81de = PREDEFINIDO
host-edf03e2f = HOST
port-24fff026 = PUERTO
your-host-b2942d15 = (tu servidor)
not-usable-from-asp-net-eb3e1b53 = No se puede usar desde ASP.NET (System.Net.Mail).

## src/cli/probe_cmd.rs

stopping-ctrl-c-again-quits-252995ab = Deteniendo… (otro Ctrl-C sale de inmediato)

## src/cli/probe_output.rs

looking-for-the-outgoing-mail-812c6ba5 = Buscando el servidor de correo saliente de { $email }, para un sitio web ASP.NET (System.Net.Mail).
looking-for-the-outgoing-mail-577f55c6 = Buscando el servidor de correo saliente de { $email }, para un programa de correo.
looking-for-what-host-offers-8dc74ce8 = Buscando lo que ofrece { $host }, para un sitio web ASP.NET (System.Net.Mail).
looking-for-what-host-offers-18e74dbb = Buscando lo que ofrece { $host }, para un programa de correo.
each-try-stops-after-the-09a8b128 = Cada intento se detiene tras el saludo del servidor: no se envía ningún mensaje ni ninguna contraseña.
nothing-527dae8a = nada
trying-1-server-name-names-bb4dd271 = Probando 1 nombre de servidor: { $names }
trying-count-server-names-names-dc28bd1c = Probando { $count } nombres de servidor: { $names }
use-these-settings-in-your-104f0487 = Usa esta configuración en tu sitio web:
why-why-99fef765 = Por qué: { $why }
in-web-config-line-89ad6d8c = En web.config: { $line }
no-settings-to-recommend-3a0b504c = No hay ninguna configuración que recomendar.
from-this-computer-to-host-ae426e27 = Desde este equipo hasta { $host }: { $ports }.
done-in-time-cancelled-5bc6fe41 = Terminado en { $time } (cancelado).
done-in-time-5fb638b3 = Terminado en { $time }.
everything-tried-best-first-e41cbf92 = Todo lo probado, lo mejor primero:
server-40ac3dd2 = servidor
security-c92cc9bb = seguridad
reachable-70756d30 = accesible
sign-in-281c1798 = inicio de sesión
cert-4cb0e403 = cert.
time-5d3c9be4 = tiempo
why-18f40e39 = motivo
names-that-do-not-exist-a4ffda74 = (los nombres que no existen no se siguieron probando)
plain-d3be3f67 = sin cifrar
ssl-on-connect-dbeb3514 = SSL al conectar
trusted-dd092c3c = de confianza
untrusted-3c0e3839 = no fiable
expired-338eb632 = caducado
wrong-name-475d1629 = nombre incorrecto
invalid-cbd1f530 = no válido

## src/cli/profile_cmd.rs

renamed-profile-old-to-new-edd00652 = Perfil "{ $old }" renombrado a "{ $new }".
no-profiles-yet-save-one-78e104ee = Todavía no hay perfiles. Guarda uno con: { $command }
no-sign-in-740a2bca = (sin inicio de sesión)
profile-name-path-da76cc87 = Perfil "{ $name }" ({ $path })
not-needed-no-sign-in-16416f92 = no hace falta (sin inicio de sesión)
saved-in-the-keyring-471fe699 = guardada en el llavero
not-saved-give-it-with-eb4324db = no guardada (indícala con --password-stdin o --password-env; añade --save-password para conservarla en el llavero)
unknown-the-keyring-could-not-90752bb4 = desconocido: no se pudo leer el llavero
test-it-command-7eff2131 = Pruébalo: { $command }
timeouts-3411c421 = tiempos de espera
connect-connect-s-greeting-greeting-1f5ae1d3 = conexión { $connect } s, saludo { $greeting } s, órdenes { $command } s
accept-invalid-certs-42e8fc91 = aceptar certificados no válidos
ca-file-3a8117e5 = archivo de CA
save-password-needs-the-password-ea8d182a = --save-password necesita la contraseña: pásala con --password-stdin o --password-env VAR
the-old-profiles-file-could-c287bcd2 = no se pudo leer el archivo de perfiles anterior, así que se apartó (no se pierde nada): { $path }
replaced-profile-name-in-path-07131cc2 = Perfil "{ $name }" sustituido en { $path } (sin contraseña).
saved-profile-name-in-path-dfc46583 = Perfil "{ $name }" guardado en { $path } (sin contraseña).
the-password-was-not-kept-0ab7efbb = La contraseña no se guardó (añade --save-password para conservarla en el llavero del sistema).
these-settings-do-not-sign-e4955288 = Esta configuración no inicia sesión con un nombre de usuario, así que no hay ninguna contraseña que guardar.
deleted-profile-name-4882e1e8 = Perfil "{ $name }" eliminado.
a-password-saved-for-it-18a62b71 = Si tenía una contraseña guardada, sigue en el llavero (otros perfiles de la misma cuenta también la usan); `profile delete --forget-password` la elimina también.
profile-name-does-not-sign-2e551ed4 = El perfil "{ $name }" no inicia sesión con un nombre de usuario: no hay ninguna contraseña que olvidar.
remove-all-count-profiles-and-462289c2 = { $count ->
    [one] ¿Eliminar el perfil y todas las contraseñas que Mail Settings Tester guardó en el llavero?
   *[other] ¿Eliminar los { $count } perfiles y todas las contraseñas que Mail Settings Tester guardó en el llavero?
}
nothing-was-removed-run-again-6988196d = No se eliminó nada: vuelve a ejecutarlo con --yes para eliminar todos los perfiles y contraseñas guardadas.
removed-profiles-profile-s-and-06660efb = Eliminados: { $profiles } perfil(es) y { $passwords } contraseña(s) guardada(s).
removed-the-saved-password-for-19fd2f90 = Se eliminó del llavero la contraseña guardada de { $account }.
no-password-was-saved-in-2a90a5e4 = No había ninguna contraseña guardada en el llavero para { $account }.
saved-the-password-for-account-69032fc6 = Contraseña de { $account } guardada en el llavero del sistema.

## src/cli/profile_keyring.rs

no-password-is-saved-in-7fd8f14a = no hay ninguna contraseña guardada en el llavero para { $account }. Pásala con --password-stdin o --password-env VAR (añade --save-password para conservarla).
the-password-is-needed-pass-dc38d6e7 = hace falta la contraseña: pásala con --password-stdin o --password-env VAR.
using-the-password-saved-in-447fc673 = Se usa la contraseña guardada en el llavero para { $account }.
these-settings-do-not-sign-d7b82868 = esta configuración no inicia sesión con un nombre de usuario, así que no hay ninguna contraseña que guardar.
the-password-was-not-saved-4521489f = la contraseña no se guardó en el llavero porque el servidor rechazó el inicio de sesión.

## src/cli/report_file.rs

the-support-report-was-not-74159c71 = no se escribió el informe para soporte: { $message }
support-report-written-to-path-f13a3c47 = Informe para soporte escrito en { $path }
could-not-write-the-support-ab51dfc3 = no se pudo escribir el informe para soporte ({ $err }): { $path }
path-is-not-a-file-42c39be8 = { $path } no es un archivo
path-already-exists-and-is-b1dfc304 = { $path } ya existe y no es un informe de este programa; elige otro nombre de archivo

## src/cli/resolve.rs

user-needs-a-password-pass-c94ada2d = --user necesita una contraseña: pásala con --password-stdin o --password-env VAR (nunca como argumento)
there-is-no-profile-named-25a91d5a = no hay ningún perfil llamado "{ $name }"; `mailtester profile list` muestra los guardados
there-is-no-preset-name-fa72f4e1 = no hay ningún ajuste predefinido "{ $name }"; elige uno de estos: { $names }
password-2cc30838 = Contraseña
the-environment-variable-var-is-e7426592 = la variable de entorno { $var } no está definida (o no es texto válido); ponle la contraseña
prompt-input-is-not-hidden-841279c7 = { $prompt } (lo que escribas se verá; mejor usa una tubería):
could-not-read-the-password-120dc4df = no se pudo leer la contraseña de la entrada estándar: { $err }
flag-was-given-but-standard-0e415ce1 = se indicó { $flag }, pero la entrada estándar no tenía ninguna línea para ella

## src/cli/say.rs

error-message-7fcc1b86 = error: { $message }
warning-message-8341c1cc = advertencia: { $message }
note-message-e2a00142 = nota: { $message }

## src/cli/scan_cmd.rs

found-sites-with-mail-settings-ca740722 = Encontrados con configuración de correo: { $sites }, que usan { $servers } (--offline: no se contacta con ninguno).
found-sites-with-mail-settings-0472bdeb = Encontrados con configuración de correo: { $sites }, que usan { $servers }.
contacted-done-of-total-servers-38b87ee1 = Contactados { $done } de { $total } servidores…
t-1-mail-server-5cc20956 = 1 servidor de correo
count-mail-servers-fdac7a27 = { $count } servidores de correo
the-csv-could-not-be-4fc3b8b7 = no se pudo generar el CSV: { $err }
csv-written-to-path-b9b19256 = CSV escrito en { $path }
html-page-written-to-path-604f2e2a = Página HTML escrita en { $path }
could-not-write-the-csv-39267b1e = no se pudo escribir el CSV ({ $err }): { $path }. Elige una carpeta en la que puedas escribir.
could-not-write-the-html-8d232522 = no se pudo escribir la página HTML ({ $err }): { $path }. Elige una carpeta en la que puedas escribir.

## src/cli/scan_output.rs

t-1-site-c22fc96f = 1 sitio
count-sites-a9a5308c = { $count } sitios
no-server-to-contact-sites-92fa060f = Ningún servidor con el que contactar ({ $sites })
skipped-count-ff812831 = Omitidos ({ $count }):
summary-files-files-read-in-304f342d = { $summary }; { $files } archivos leídos en { $seconds } s.
no-site-with-mail-settings-eb55820e = No se encontró ningún sitio con configuración de correo. Apunta el análisis a la carpeta que contiene los sitios (por ejemplo C:\inetpub\vhosts o /var/www), o indica --iis-config.
server-sites-broken-broken-at-9406a0b2 = { $server }: { $sites } ({ $broken } con fallos, { $at_risk } en riesgo, { $unknown } desconocidos, { $ok } bien)
did-not-answer-problem-bda68194 = no respondió: { $problem }
tls-on-connect-2f402ce9 = TLS al conectar
offers-starttls-089863af = ofrece STARTTLS
no-starttls-3f327a1f = sin STARTTLS
no-sign-in-before-encryption-36031e69 = sin inicio de sesión antes del cifrado
sign-in-before-encryption-methods-99e7b9c2 = inicio de sesión antes del cifrado: { $methods }
no-sign-in-after-encryption-47a4a654 = sin inicio de sesión después del cifrado
sign-in-after-encryption-methods-ee54907f = inicio de sesión después del cifrado: { $methods }
certificate-certificate-c4f98173 = certificado { $certificate }
broken-0d935360 = CON FALLOS
at-risk-5412ef9b = EN RIESGO
unknown-69b80b99 = DESCONOCIDO
ok-85e4b82f = BIEN
fix-fix-e4c99121 = Solución: { $fix }
apply-it-command-969d0163 = Aplícalo: { $command }

## src/cli/stdin_text.rs

the-input-is-broken-utf-d21f7acb = la entrada es UTF-16 defectuoso: guárdala como texto UTF-8 o UTF-16 y vuelve a intentarlo
the-input-is-not-utf-eee33dd4 = la entrada no es texto UTF-8 (probablemente una codificación antigua de Windows): guárdala como texto UTF-8 o UTF-16 y vuelve a intentarlo
the-line-is-not-utf-c971d459 = la línea no es texto UTF-8: guárdala como texto UTF-8 o UTF-16 y vuelve a intentarlo

## src/cli/webconfig_cmd.rs

mail-settings-in-path-bea8d53b = Configuración de correo en { $path }:
not-set-a541b773 = (sin definir)
not-set-no-sign-in-d89f1f29 = (sin definir: sin inicio de sesión)
not-set-the-web-server-05e903ce = (sin definir: el nombre del servidor web)
set-not-shown-8e04618e = (definida, no se muestra)
not-true-or-false-see-4912fbf6 = (ni true ni false: mira el error de abajo)
not-stated-bd15bde6 = (no indicado)
test-them-46dd20dd = Pruébala:
nothing-to-change-the-file-65d4a0db = Nada que cambiar: el archivo ya tiene esta configuración: { $path }
dry-run-nothing-was-written-83e7f00e = Simulación: no se escribió nada.
updated-path-37738ea1 = { $path } actualizado.
the-old-file-is-saved-795e6599 = El archivo anterior se guardó como { $path }.
still-to-fix-by-hand-087d2c93 = Falta corregir a mano:
these-settings-cannot-be-written-c9942416 = esta configuración no se puede escribir hasta que se corrija:
write-these-changes-to-path-5f106860 = ¿Escribir estos cambios en { $path }? Antes se hace una copia de seguridad.
nothing-was-written-run-again-e048ac0a = No se escribió nada: vuelve a ejecutarlo con --yes para escribir estos cambios.
nothing-was-written-317a5b5a = No se escribió nada.
no-problems-found-808793a4 = No se encontró ningún problema.
t-1-error-cd417dc2 = 1 error
count-errors-7af566cb = { $count } errores
t-1-warning-f1c7ab28 = 1 advertencia
count-warnings-6efe9689 = { $count } advertencias
t-1-note-4430d8c0 = 1 nota
count-notes-a90e79f1 = { $count } notas
findings-errors-warnings-notes-16ee245c = Hallazgos: { $errors }, { $warnings }, { $notes }
error-df22b531 = ERROR
line-line-code-8334a308 = línea { $line }, { $code }

## src/credentials/error.rs

there-is-no-keyring-on-7e9019d6 = En este equipo no hay ningún llavero que Mail Settings Tester pueda usar ({ $keyring }), así que la contraseña no se puede guardar ni leer ahí. La contraseña se usa solo en esta sesión. { $advice } (Detalles: { $detail })
your-keyring-keyring-is-locked-b5a4c68b = Tu llavero ({ $keyring }) está bloqueado, así que no se pudo guardar ni leer la contraseña. La contraseña se usa solo en esta sesión. Desbloquea el llavero (vuelve a iniciar sesión en tu escritorio o desbloquéalo en tu aplicación de llavero) y vuelve a intentarlo. (Detalles: { $detail })
your-keyring-keyring-did-not-76142675 = Tu llavero ({ $keyring }) no permitió que Mail Settings Tester usara esta contraseña. La contraseña se usa solo en esta sesión. Permite el acceso cuando el llavero lo pida (o en su configuración) y vuelve a intentarlo. (Detalles: { $detail })
your-keyring-keyring-could-not-daf77fe7 = Tu llavero ({ $keyring }) no pudo guardar ni leer la contraseña. La contraseña se usa solo en esta sesión. Vuelve a intentarlo; si sigue fallando, escribe la contraseña cada vez. (Detalles: { $detail })
the-what-is-too-long-1ec59e0a = El dato "{ $what }" es demasiado largo para tu llavero ({ $keyring } admite como máximo { $limit } bytes), así que no se pudo guardar ahí. La contraseña se usa solo en esta sesión; escríbela cada vez.
there-is-no-password-to-fcd23170 = No hay ninguna contraseña que guardar: primero escribe la contraseña y luego guárdala.
user-name-a59136f5 = nombre de usuario
password-364b5f18 = contraseña
no-keyring-store-is-set-ae980b57 = no hay ningún llavero configurado
no-saved-password-de7667ce = no hay ninguna contraseña guardada
the-saved-password-is-not-caf48e59 = la contraseña guardada no es texto legible; vuelve a guardarla
count-saved-passwords-match-this-15464f8a = { $count } contraseñas guardadas coinciden con esta cuenta; elimina las que sobran en tu aplicación de llavero

## src/credentials/platform.rs

the-secret-service-e-g-882f6c95 = el Secret Service, p. ej. GNOME Keyring o KWallet
the-macos-keychain-8faf0187 = el Llavero de macOS
the-windows-credential-manager-fb0531ad = el Administrador de credenciales de Windows
none-is-supported-on-this-ee2f389d = ninguno es compatible con este sistema
to-remember-passwords-run-the-5f3b84d2 = Para recordar contraseñas, ejecuta el programa en una sesión de escritorio donde funcione un llavero (GNOME Keyring o KWallet) y vuelve a intentarlo.
to-remember-passwords-run-the-6d45ebaa = Para recordar contraseñas, ejecuta el programa en tu propia sesión de escritorio iniciada y vuelve a intentarlo.

## src/diagnosis/aspnet/mod.rs

if-your-site-sends-with-f777e641 = Si tu sitio envía con SmtpClient (System.Net.Mail), su registro de errores dirá
your-website-s-error-log-f87ec5b8 = El registro de errores de tu sitio web dirá

## src/diagnosis/classify.rs

microsoft-365-has-smtp-sign-7bc38d83 = Microsoft 365 tiene desactivado el inicio de sesión SMTP para este buzón
microsoft-365-lets-administrators-switch-9108f35f = Microsoft 365 permite a los administradores desactivar "Authenticated SMTP" (la forma en que los programas inician sesión para enviar correo), y está desactivado para este buzón, así que se rechaza incluso la contraseña correcta.
ask-your-microsoft-365-administrator-c54e0072 = Pide a tu administrador de Microsoft 365 que active "Authenticated SMTP" para este buzón (centro de administración → Users → Active users → el usuario → Mail → Manage email apps).
microsoft-365-has-smtp-sign-360e5a0b = Microsoft 365 tiene desactivado el inicio de sesión SMTP para tu organización: tu administrador puede activarlo
yahoo-and-aol-refuse-the-709f08a8 = Yahoo y AOL rechazan la contraseña normal de la cuenta cuando la usan programas de correo y, tras varios intentos rechazados, también bloquean los inicios de sesión durante un tiempo.
wait-about-an-hour-before-d6d59691 = Espera una hora aproximadamente antes de volver a probar, para que termine el bloqueo.
gmail-refused-the-user-name-15d09805 = Gmail rechazó el nombre de usuario y la contraseña. Gmail solo acepta una contraseña de aplicación (una contraseña aparte creada solo para programas) de programas de correo como tu sitio web: desde mayo de 2022 en las cuentas personales y desde septiembre de 2024 en las cuentas de Google Workspace. Si ya usas una contraseña de aplicación, puede que esté mal escrita o que se haya revocado.
here-the-block-comes-from-536cc146 = Aquí el bloqueo viene de los "valores predeterminados de seguridad" de tu organización (las protecciones de inicio de sesión estándar de Microsoft).
verify-the-from-address-or-31a6261b = Verifica la dirección `from` (o todo su dominio) en el panel de tu servicio de envío.
the-server-refuses-the-old-cabda9d1 = El servidor rechaza la versión antigua de cifrado que usa este programa
the-program-offered-tls-1-5b1ec346 = El programa ofreció TLS 1.0 o 1.1 (versiones antiguas del cifrado que protege la conexión), y el servidor solo acepta TLS 1.2 o posterior.
make-sure-the-website-runs-a3175796 = Asegúrate de que el sitio web funciona con .NET Framework 4.7 o posterior, que usa el cifrado más reciente que ofrece Windows.
for-an-older-website-ask-fd2f3186 = Si el sitio web es más antiguo, pide a tu desarrollador que active TLS 1.2 (ServicePointManager.SecurityProtocol) e instala las actualizaciones de Windows que lo añaden.
test-again-after-the-change-c6691a26 = Vuelve a probar después del cambio.
the-server-s-encryption-is-e48e53e2 = El cifrado del servidor no funciona en este momento
the-server-offers-encryption-but-4969b44a = El servidor ofrece cifrado, pero no pudo iniciarlo por un problema de su lado (a menudo un certificado, la prueba de identidad del servidor, que falta o está dañado).
wait-a-few-minutes-and-763995a7 = Espera unos minutos y vuelve a probar.
if-it-persists-tell-your-5398e48d = Si continúa, avisa a tu proveedor de correo e incluye la respuesta del servidor: solo ellos pueden repararlo.
keep-enablessl-set-to-true-2c3e3edb = Deja `enableSsl` en `true`: sin cifrado, tu contraseña viajaría por la red de forma legible.
provider-needs-an-app-password-8404df24 = { $provider } necesita una contraseña de aplicación en lugar de tu contraseña normal
test-again-5d322c29 = Vuelve a probar.

## src/diagnosis/explain/dotnet_log.rs

your-website-s-log-quotes-45d21fe9 = El registro de tu sitio web solo cita la primera línea del rechazo del servidor, que nombra al servidor; el motivo está en las líneas siguientes. Haz la prueba aquí para verlas.

## src/diagnosis/explain.rs

codes-that-start-with-4-34e1b6b7 = Los códigos que empiezan por 4 significan "vuelve a intentarlo más tarde"; si sigue pasando, las palabras de la respuesta son el motivo que debes enviar a tu proveedor de correo.
codes-that-start-with-5-eea7edf5 = Los códigos que empiezan por 5 significan que el servidor no lo aceptará tal como está; las palabras que siguen al código son su motivo.
we-don-t-recognise-this-9ef5f9c1 = No reconocemos esta respuesta del servidor
the-server-answered-with-a-be6938c6 = El servidor respondió con algo para lo que todavía no tenemos explicación.

## src/diagnosis/mod.rs

even-so-this-test-message-84be81e9 = Aun así, este mensaje de prueba se envió: tras el rechazo, ASP.NET envía sin iniciar sesión, y este servidor lo acepta para el correo dirigido a sus propios buzones. El correo a cualquier otra dirección (tus clientes) se rechazará hasta que el inicio de sesión funcione, y el registro de tu sitio web no mostrará ningún error para este.

## src/diagnosis/outcome/auth.rs

this-server-offers-starttls-encryption-7bc26440 = Este servidor ofrece STARTTLS (cifrado), así que la solución es un solo ajuste.
this-server-offers-no-encryption-696f82ef = Este servidor no ofrece cifrado en este puerto.
ask-your-mail-provider-for-c9b3f2af = Pide a tu proveedor de correo el puerto que ofrece cifrado (normalmente `587` con STARTTLS) y úsalo.
the-server-offers-sign-in-811c9099 = El servidor solo ofrece el inicio de sesión cuando la conexión está cifrada con STARTTLS (la forma en que un servidor de correo pasa a una conexión cifrada), así que lo ocultó para proteger tu contraseña. `enableSsl="true"` activa STARTTLS en web.config.
no-sign-in-method-7ae1fdbe = ningún método de inicio de sesión
this-server-offers-list-and-b1185126 = Este servidor ofrece { $list }, y { $target } no puede usar ninguno (el emisor de correo de ASP.NET solo conoce LOGIN, NTLM, Digest y Negotiate). La misma configuración puede funcionar en otros programas, pero fallará desde tu sitio web.
xoauth2-and-oauthbearer-mean-oauth-f5583b2e = XOAUTH2 y OAUTHBEARER significan OAuth (iniciar sesión a través de la propia página del proveedor).
this-server-does-not-understand-22cf71da = Este servidor no entiende cómo inicia sesión ASP.NET
asp-net-sends-the-user-20a7823c = ASP.NET envía el nombre de usuario junto con su orden de inicio de sesión (AUTH LOGIN) y después la contraseña. Este servidor ignoró el nombre de usuario y volvió a pedirlo después de la contraseña, así que el inicio de sesión nunca puede completarse desde tu sitio web, sea cual sea la contraseña.
ask-your-mail-provider-whether-52f1f934 = Pregunta a tu proveedor de correo si el servidor puede aceptar AUTH LOGIN con una respuesta inicial (RFC 4954), o pídele otro nombre de servidor para enviar.
or-send-through-another-mail-017a8669 = O envía a través de otro servicio de correo (el de tu empresa de hosting o un servicio de envío como SendGrid o Mailgun).
this-server-refuses-the-way-1d470d15 = Este servidor rechaza la forma en que ASP.NET inicia sesión
the-server-offers-login-sign-8c041507 = El servidor ofrece el inicio de sesión LOGIN, el método que usa ASP.NET, pero lo rechazó tal como lo envía ASP.NET: la orden junto con el nombre de usuario en una sola línea ("AUTH login …"). Respondió "{ $reply }" antes de comprobar ninguna contraseña. Los programas que envían el nombre de usuario en su propia línea (PHPMailer, MailKit, Outlook) pueden iniciar sesión en este servidor; tu sitio web no, sea cual sea la contraseña.
ask-your-mail-provider-whether-8485148d = Pregunta a tu proveedor de correo si el servidor puede aceptar AUTH LOGIN con el nombre de usuario en la misma línea (una "respuesta inicial", RFC 4954), o pídele otro nombre de servidor para enviar.
or-ask-your-developer-to-59a0f742 = O pide a tu desarrollador que envíe con MailKit, que inicia sesión de la otra forma.

## src/diagnosis/outcome/connection.rs

the-mail-server-s-name-abb8de91 = No se encontró el nombre del servidor de correo “{ $host }”
host-has-no-dot-in-a25384f0 = `host` no tiene ningún punto, y los nombres de servidores de correo son como `smtp.example.com`: compáralo con las instrucciones de tu proveedor.
the-connection-went-to-address-039eccb9 = La conexión fue a { $address }.
port-port-is-unusual-for-e9e416e2 = El puerto { $port } es poco habitual para enviar correo: la mayoría de proveedores usan `587`.
we-waited-secs-seconds-for-18544b73 = Esperamos { $secs } segundos a { $address }.
port-25-is-commonly-blocked-bf227656 = Las empresas de hosting y los proveedores de internet suelen bloquear el puerto 25 para frenar el spam, así que las conexiones a él a menudo quedan sin respuesta.
this-computer-could-not-reach-082acb74 = Este equipo no pudo llegar al servidor de correo
the-system-reported-detail-16c5517e = El sistema informó: “{ $detail }”.
check-that-this-computer-is-05bf2936 = Comprueba que este equipo está conectado a internet y vuelve a probar.
the-server-said-nothing-for-c2aad1c2 = El servidor no dijo nada durante { $secs } segundos, y un segundo intento que empezó cifrado tampoco obtuvo respuesta.
this-port-expects-encryption-from-e1538362 = Este puerto espera cifrado desde el primer byte ("SSL al conectar", típico del puerto 465), así que el servidor espera el cifrado mientras el programa espera un saludo. El emisor de correo de ASP.NET no sabe hacer SSL al conectar: tu sitio web esperaría así 100 segundos (su tiempo de espera predeterminado; la prueba se detuvo al llegar a su propio límite) y luego fallaría con "The operation has timed out".
this-port-expects-encryption-from-52a4c1c1 = Este puerto espera cifrado desde el primer byte ("SSL al conectar"), pero la prueba empezó sin cifrar, así que cada lado esperó al otro.
choose-ssl-on-connect-for-89a131f0 = Elige SSL al conectar para este puerto (en la mayoría de programas se llama "SSL", "SMTPS" o "TLS implícito").
or-change-port-to-587-363c03db = O cambia `port` a `587` y usa STARTTLS (la forma en que un servidor de correo pasa a una conexión cifrada).
it-answered-like-a-web-455949dc = Respondió como un servidor web.
it-answered-like-a-remote-640e7204 = Respondió como un servicio de acceso remoto (SSH).

## src/diagnosis/outcome/conversation.rs

it-happened-during-step-8cc559e6 = Ocurrió durante { $step }.
the-connection-ended-while-switching-4d88ba34 = La conexión terminó al pasar al cifrado: comprueba que `port` y `enableSsl` coinciden con las instrucciones de tu proveedor (para ASP.NET, `587` con `enableSsl` en `true`).
some-servers-hang-up-instead-07ab7f99 = Algunos servidores cuelgan en lugar de decir que la contraseña fue rechazada: revisa `userName` y `password`.
there-was-no-reply-to-7639394e = No hubo respuesta a { $step } en { $secs } segundos.
what-arrived-detail-ce6e5e5f = Lo que llegó: { $detail }.
the-server-broke-the-rules-86aebd6a = El servidor incumplió las reglas de la conversación de correo
during-step-the-server-did-2a69066e = Durante { $step }, el servidor hizo algo que los servidores de correo no deben hacer: { $detail }. Es un problema del lado del servidor, no de tu configuración.
test-again-in-a-few-d45392c2 = Vuelve a probar dentro de unos minutos.
send-the-transcript-to-your-01199657 = Envía la transcripción a tu proveedor de correo: muestra exactamente lo que envió el servidor.
if-a-security-program-or-26b511cc = Si un programa de seguridad o un proxy de esta red gestiona el correo, puede ser la causa: pregunta a quien administre la red.

## src/diagnosis/outcome/envelope.rs

use-a-sender-address-from-91297b39 = Usa una dirección de remitente (`from`) que antes de la @ solo tenga letras simples (de la a a la z, sin tildes ni ñ), números, puntos o guiones, por ejemplo `info@` tu dominio.
send-the-test-to-an-394f9af8 = Envía la prueba a una dirección que antes de la @ solo tenga letras simples (de la a a la z, sin tildes ni ñ), números, puntos o guiones.
this-server-cannot-take-address-b7642aa9 = Este servidor no puede aceptar { $address }, que tiene antes de la @ letras fuera del alfabeto inglés básico
such-an-address-can-only-534fa2e0 = Una dirección así solo puede viajar con SMTPUTF8 (el estándar de correo para direcciones internacionales), y este servidor no lo ofrece. La prueba se detuvo antes de darle al servidor { $role } ({ $address }): la habría rechazado o estropeado, y su rechazo habría culpado al remitente.
or-send-through-a-mail-c7f9b17c = O envía a través de un servidor de correo que ofrezca SMTPUTF8: pregunta a tu proveedor si admite direcciones de correo internacionales.
the-test-cannot-send-with-1cfd4858 = La prueba no puede enviar con la dirección { $address }
address-is-written-in-a-498c2974 = { $address } está escrita de una forma que los estándares de correo permiten pero pocos programas manejan (una parte entre comillas con un espacio, o una dirección de servidor entre corchetes después de la @), y el mensaje de prueba no puede llevarla. La prueba se detuvo antes de dársela al servidor.
plain-remove-any-quotes-and-a7cb9143 = { $plain } Quita las comillas y los espacios: la forma habitual es nombre@example.com.
asp-net-itself-may-still-4a7c1539 = Puede que ASP.NET sí envíe con ella, pero muchos servidores de correo y los programas que leen el correo no lo harán.
or-move-the-site-to-3788eb32 = O pasa el sitio a .NET Framework 4.5 o posterior, que puede enviar direcciones internacionales con `deliveryFormat="International"` en el elemento `<smtp>`.
or-add-deliveryformat-international-to-7bb43e86 = O añade `deliveryFormat="International"` al elemento `<smtp>` de web.config (ASP.NET 4.5 o posterior): así ASP.NET envía direcciones internacionales a los servidores que ofrecen SMTPUTF8.
or-set-deliveryformat-smtpdeliveryformat-3af77877 = O pon `DeliveryFormat = SmtpDeliveryFormat.International` en el `SmtpClient` de tu código: así envía direcciones internacionales a los servidores que ofrecen SMTPUTF8.
this-server-offers-smtputf8-the-6d77822e = Este servidor ofrece SMTPUTF8 (el estándar de correo para direcciones internacionales), así que ese ajuste la dejaría pasar.
this-server-does-not-offer-baf00176 = Este servidor no ofrece SMTPUTF8 (el estándar de correo para direcciones internacionales), así que además hace falta un servidor que lo ofrezca.
asp-net-will-not-send-12cd36fe = ASP.NET no enviará con { $address }, que tiene antes de la @ letras fuera del alfabeto inglés básico
asp-net-s-mail-sender-3ed3c4f7 = El emisor de correo de ASP.NET solo envía direcciones cuya parte antes de la @ tiene letras inglesas básicas, salvo que se configure para enviar direcciones internacionales. Se detiene antes de preguntar al servidor, igual que hizo la prueba.

## src/diagnosis/outcome/final_reply.rs

the-server-received-the-whole-80dbb04b = El servidor recibió el mensaje completo pero no lo confirmó a tiempo
the-test-sent-the-complete-26e46161 = La prueba envió el mensaje completo y luego esperó la respuesta del servidor, la que dice si acepta el mensaje. No llegó ninguna respuesta a tiempo: los servidores que revisan cada mensaje en busca de spam y virus pueden tardar en responder, y puede que este aún entregue el mensaje.
check-the-test-recipient-s-5a214699 = Revisa la bandeja de entrada (y la carpeta de spam) del destinatario de la prueba antes de volver a enviar: puede que el mensaje aún llegue, y si vuelves a enviar podría llegar dos veces.
if-nothing-arrives-within-15-af500617 = Si no llega nada en 15 minutos, vuelve a probar; si vuelve a pasar, envía la transcripción a tu proveedor de correo.
