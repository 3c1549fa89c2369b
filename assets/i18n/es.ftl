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

## src/cli/help.rs

usage-740f2048 = Uso
arguments-a33c193f = Argumentos
options-353e0d45 = Opciones
commands-971550f3 = Órdenes
possible-values-bc143884 = Valores posibles
default-933b5bde = predeterminado
possible-values-a2c8a064 = valores posibles

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
summary-files-files-read-in-304f342d = { $summary }; archivos leídos: { $files }, en { $seconds } s.
no-site-with-mail-settings-eb55820e = No se encontró ningún sitio con configuración de correo. Apunta el análisis a la carpeta que contiene los sitios (por ejemplo C:\inetpub\vhosts o /var/www), o indica --iis-config.
server-sites-broken-broken-at-9406a0b2 = { $server }: { $sites } ({ $broken } con fallos, { $at_risk } en riesgo, { $unknown } sin determinar, { $ok } bien)
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
unknown-69b80b99 = SIN DETERMINAR
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

it-happened-during-step-8cc559e6 = Ocurrió en el paso { $step }.
the-connection-ended-while-switching-4d88ba34 = La conexión terminó al pasar al cifrado: comprueba que `port` y `enableSsl` coinciden con las instrucciones de tu proveedor (para ASP.NET, `587` con `enableSsl` en `true`).
some-servers-hang-up-instead-07ab7f99 = Algunos servidores cuelgan en lugar de decir que la contraseña fue rechazada: revisa `userName` y `password`.
there-was-no-reply-to-7639394e = No hubo respuesta en el paso { $step } en { $secs } segundos.
what-arrived-detail-ce6e5e5f = Lo que llegó: { $detail }.
the-server-broke-the-rules-86aebd6a = El servidor incumplió las reglas de la conversación de correo
during-step-the-server-did-2a69066e = En el paso { $step }, el servidor hizo algo que los servidores de correo no deben hacer: { $detail }. Es un problema del lado del servidor, no de tu configuración.
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
if-it-arrives-the-settings-c80f0412 = Si llega, la configuración funciona, pero tu sitio web muestra "The operation has timed out." para esos mensajes: aumenta `SmtpClient.Timeout` en tu código (100 segundos si no se define) y asegúrate de que el sitio no vuelve a enviar el mismo mensaje después de ese error.
if-it-arrives-the-settings-008b4f44 = Si llega, la configuración funciona y el servidor tarda en confirmar: dale más tiempo (el tiempo de espera de la respuesta final en las opciones avanzadas, o `--final-reply-timeout` en la línea de órdenes).
the-test-waited-secs-seconds-296f27d9 = La prueba esperó { $secs } segundos esa respuesta.

## src/diagnosis/outcome/oauth.rs

in-microsoft-365-an-app-6beb06e7 = En Microsoft 365, una aplicación que envía en su propio nombre necesita todo esto: el permiso SMTP.SendAsApp (Office 365 Exchange Online) con consentimiento de administrador; una entidad de servicio creada con New-ServicePrincipal usando el identificador de objeto de la Enterprise application (no el de App registration); Add-MailboxPermission para el buzón de `userName`; y "Authenticated SMTP" activado para ese buzón.
the-sign-in-token-has-c42ff023 = El token de inicio de sesión ha caducado
tokens-are-valid-for-a-9a3968e1 = Los tokens son válidos durante poco tiempo (una hora aproximadamente). Este caducó hace { $ago }, así que el servidor lo rechazó.
get-a-new-token-sign-fdc646f1 = Consigue un token nuevo (vuelve a iniciar sesión) y vuelve a probar enseguida.
the-sign-in-token-is-e9229ca6 = El token de inicio de sesión es de otro buzón
the-token-was-issued-for-ccbe81df = El token se emitió para { $named }, y la prueba inició sesión como { $user }. Un token solo sirve para iniciar sesión en el buzón para el que se emitió.
set-username-to-named-or-65123a60 = Pon { $named } en `userName`, o inicia sesión como { $user } para conseguir un token para esa cuenta.
the-sign-in-token-lacks-60c3493a = Al token de inicio de sesión le falta el permiso que pide este servidor
the-server-wants-a-token-6d0ee0cb = El servidor quiere un token con el ámbito (permiso) { $scope }, y este lleva { $carried }.
ask-for-a-token-with-ca38a612 = Pide un token con el ámbito { $scope }.
the-sign-in-token-does-b905d15c = El token de inicio de sesión no permite enviar correo
a-token-carries-permissions-scopes-dfbd7ff8 = Un token lleva permisos (ámbitos), y este lleva { $carried }: ninguno sirve para enviar correo (SMTP).
ask-for-a-token-with-24b71fd2 = Pide un token con el ámbito de envío de correo que indique tu proveedor (Microsoft 365: SMTP.Send o SMTP.SendAsApp; Google: https://mail.google.com/).
the-sign-in-token-is-87b9c735 = El token de inicio de sesión es para otro servicio de Microsoft
the-token-is-meant-for-a4189d8a = El token es para { $audience }, y el servidor de correo solo acepta tokens para Exchange Online.
ask-for-the-token-with-0f671d1c = Pide el token con el ámbito https://outlook.office365.com/.default (una aplicación que envía en su propio nombre) o https://outlook.office.com/SMTP.Send (una persona con sesión iniciada).
exchange-online-lets-a-token-afaaf9f5 = Exchange Online solo deja que un token envíe correo con el permiso de aplicación { $needed }; este lleva { $carried }.
exchange-online-lets-a-token-7c44c998 = Exchange Online solo deja que un token envíe correo con el permiso delegado { $needed }; este lleva { $carried }.
the-sign-in-token-lacks-ab2e2281 = Al token de inicio de sesión le falta el permiso { $needed }
in-app-registrations-your-app-870afe88 = En App registrations → tu aplicación → API permissions, añade { $needed } (Office 365 Exchange Online), concede el consentimiento de administrador y consigue un token nuevo.
it-could-not-read-the-25ee4fd8 = no pudo leer el inicio de sesión (a menudo, un nombre de usuario que no conoce)
the-token-is-not-valid-5f515491 = el token no es válido (caducado, revocado o no es para este buzón)
the-token-is-valid-but-6b61b7b0 = el token es válido, pero no permite enviar correo como este buzón
it-refused-the-token-cd0cabee = rechazó el token
the-server-s-answer-to-2fb6cd08 = La respuesta del servidor a { $mechanism } dice que { $meaning }.
the-server-s-answer-to-0e1ef8b3 = La respuesta del servidor a { $mechanism } dice que { $meaning }; acepta tokens con el ámbito { $scope }.
none-ada7afdb = ninguno
no-sign-in-at-all-56e4c7e5 = ningún inicio de sesión
it-offers-offers-38f8f4c2 = Ofrece { $offers }.
the-app-s-client-secret-1fd311f1 = El secreto de cliente de la aplicación ha caducado
nobody-has-signed-in-yet-58075807 = Nadie ha iniciado sesión todavía
this-test-signs-in-as-de14520f = Esta prueba inicia sesión como una persona, así que antes alguien tiene que iniciar sesión en el buzón en la propia página de Microsoft o de Google. Después, el inicio de sesión se guarda en el llavero del sistema y se renueva solo.
press-sign-in-with-microsoft-e55c9917 = Pulsa "Iniciar sesión con Microsoft…" (o Google) en Inicio de sesión e inicia sesión como el buzón de `userName`.
then-test-again-af243c30 = Después, vuelve a probar.
the-sign-in-was-cancelled-584b1ee1 = Se canceló el inicio de sesión
sign-in-again-then-test-10fc6816 = Vuelve a iniciar sesión y después vuelve a probar.
the-provider-s-sign-in-209b1a32 = No se pudo conectar con el servicio de inicio de sesión del proveedor
check-this-computer-s-internet-bb36fda9 = Comprueba la conexión a internet de este equipo (y si un proxy o cortafuegos bloquea login.microsoftonline.com).
the-sign-in-service-s-54e90ddb = No se puede usar la dirección del servicio de inicio de sesión
use-https-login-microsoftonline-com-32a84d7d = Usa https://login.microsoftonline.com (la predeterminada) como dirección de inicio de sesión.

## src/diagnosis/outcome/replies.rs

the-server-then-refused-the-e6bcea69 = Después, el servidor rechazó el mensaje, así que tus `userName` y `password` nunca se usaron: probablemente este servidor o puerto no es el que tu proveedor indicó para ellos.
the-test-already-asked-for-7b417971 = La prueba ya pidió STARTTLS, así que puede que el servidor lo espere en otro puerto: compara `port` con las instrucciones de tu proveedor.
set-defaultcredentials-to-false-while-db024367 = Pon `defaultCredentials` en `false`: mientras esté en `true`, web.config ignora `userName` y `password`.
your-settings-have-no-username-2861b339 = Tu configuración no tiene `userName`, así que la prueba no inició sesión.
the-test-signed-in-as-68d41b91 = La prueba inició sesión como { $user }, así que este servidor no deja que esa cuenta envíe a direcciones externas: pregunta a tu proveedor qué servidor y puerto usar.
the-server-refused-the-test-f84ee350 = El servidor rechazó al destinatario de la prueba { $recipient }
set-clientdomain-to-your-website-81ec9a9c = Pon en `clientDomain` el nombre de dominio completo de tu sitio web (por ejemplo `www.example.com`): el servidor no aceptó el nombre con el que se presentó este equipo.
the-sender-from-is-from-70f92321 = El remitente (`from`) es { $from }, mientras que el inicio de sesión (`userName`) es { $user }.

## src/diagnosis/outcome/tls.rs

change-host-to-only-fa99f7d2 = Cambia `host` a `{ $only }`.
this-one-is-self-signed-d09ec21c = Este es autofirmado: el servidor lo creó para sí mismo.
it-was-issued-by-issuer-24f9dd72 = Lo emitió { $issuer }.
it-was-valid-until-until-b3400985 = Era válido hasta { $until }.
the-test-started-encryption-straight-7fde3066 = La prueba empezó a cifrar de inmediato ("SSL al conectar"), pero este puerto saluda primero en texto sin cifrar y luego cambia con STARTTLS (la forma en que un servidor de correo pasa a una conexión cifrada). Las dos formas no se pueden mezclar, así que falló la negociación (el intercambio que establece el cifrado).
it-is-valid-for-list-77a4ad6e = Es válido para { $list } y { $more } más, no para { $expected }.
it-is-valid-for-list-531e9add = Es válido para { $list }, no para { $expected }.
the-encryption-library-reported-detail-7486ce05 = La biblioteca de cifrado informó: “{ $detail }”.
the-server-seems-to-know-4d80fb0b = Parece que el servidor solo conoce versiones antiguas de cifrado (TLS 1.0 o 1.1): pide a tu proveedor de correo que active TLS 1.2 o posterior.
the-extra-certificate-file-could-8265c21b = No se pudo usar el archivo de certificados adicional
the-file-path-given-as-edbfbdc2 = No se pudo usar el archivo { $path }, indicado como "Archivo de CA adicional" (`--ca-file`: autoridades en las que confía tu organización además de las públicas): { $detail }. La prueba se detuvo antes de confiar en ningún servidor.
check-that-the-file-exists-11178386 = Comprueba que el archivo existe en esa ruta y que este programa puede leerlo.
check-that-it-is-a-39e254e8 = Comprueba que es un archivo de certificado: un archivo de texto PEM que empieza por `-----BEGIN CERTIFICATE-----`, o un archivo .cer exportado por Windows (cualquiera de los dos formatos).
if-the-server-has-a-1a4c8da8 = Si el servidor tiene un certificado de una autoridad pública, vacía "Archivo de CA adicional" en Opciones avanzadas.

## src/diagnosis/pasted.rs

run-the-test-here-with-40bc1a7b = Haz la prueba aquí con la misma configuración para ver si funciona.

## src/diagnosis/site.rs

asp-net-2-0-3-6ca9cbac = ASP.NET 2.0–3.5 no tiene `enableSsl` en web.config (si lo añades, deja de funcionar toda la sección de correo), así que activa SSL en tu código, justo antes de enviar: `smtpClient.EnableSsl = true;`. Para el control PasswordRecovery, gestiona su evento `SendingMail`: envía tú mismo `e.Message` con un `SmtpClient` cuyo `EnableSsl` sea `true` y luego pon `e.Cancel = true;`. O pasa el sitio a .NET Framework 4.x, donde basta con `enableSsl="true"` en web.config.
in-code-smtpclient-enablessl-true-4add87ec = En el código, `smtpClient.EnableSsl = true;` lo activa (web.config no puede, en ASP.NET 2.0–3.5).

## src/diagnosis/texts/auth.rs

the-server-wants-a-sign-fa8fde33 = El servidor quiere un inicio de sesión antes de enviar nada
this-server-sends-mail-only-549fd96c = Este servidor solo envía correo de usuarios con sesión iniciada, y el mensaje se ofreció antes de que se aceptara ningún inicio de sesión. En web.config, el inicio de sesión sale de `userName` y `password`.
fill-in-username-usually-your-8bad094b = Rellena `userName` (normalmente tu dirección de correo completa) y `password`.
make-sure-defaultcredentials-is-false-e9f68330 = Asegúrate de que `defaultCredentials` está en `false`: si está en `true`, se ignoran el nombre de usuario y la contraseña.
the-server-wants-a-sign-0b50a939 = El servidor quiere un inicio de sesión, y probablemente rechazó el tuyo
when-the-server-refuses-the-16d9b604 = Cuando el servidor rechaza el nombre de usuario o la contraseña, ASP.NET no lo dice: envía sin iniciar sesión, y entonces el servidor responde con esto. Así que, si tu web.config tiene `userName` y `password`, lo más probable es que el servidor los rechazara. Si no los tiene, el servidor los quiere antes de enviar.
check-username-usually-your-full-95088744 = Revisa `userName` (normalmente tu dirección de correo completa) y vuelve a escribir la contraseña en `password` (al copiarla se puede añadir un espacio al final).
if-your-provider-wants-an-24fb5942 = Si tu proveedor pide una contraseña de aplicación o ha desactivado el inicio de sesión con contraseña (Microsoft 365, Gmail), sigue sus instrucciones para programas.
if-web-config-has-no-9e232823 = Si web.config no tiene `userName`, rellena `userName` y `password`.
run-the-test-here-with-a02cdff6 = Haz la prueba aquí con la misma configuración: muestra si el servidor rechaza el inicio de sesión.
the-server-does-not-offer-5c1f342d = El servidor no ofrece inicio de sesión en esta conexión
your-settings-include-a-user-8f3e5b78 = Tu configuración incluye un nombre de usuario, pero aquí el servidor no ofreció AUTH (la orden de inicio de sesión de los servidores de correo). Normalmente el puerto es para correo entre servidores (a menudo el puerto 25), o el servidor deja enviar a las direcciones conocidas sin iniciar sesión.
change-port-to-587-and-0f7e3abd = Cambia `port` a `587` y pon `enableSsl` en `true`: ese puerto es para iniciar sesión y enviar.
if-your-hosting-company-says-5da38eee = Si tu empresa de hosting dice que su servidor deja enviar a tu sitio web sin contraseña, vacía `userName` y `password`.
the-server-allows-sign-in-ec452ac5 = El servidor solo permite iniciar sesión con una conexión cifrada
the-password-would-have-crossed-a9916df8 = La contraseña habría viajado por la red sin cifrar, así que el servidor rechazó u ocultó el inicio de sesión. STARTTLS (la forma en que un servidor de correo pasa a una conexión cifrada) la protege, y `enableSsl="true"` lo activa en web.config.
set-enablessl-to-true-52e5ecbd = Pon `enableSsl` en `true`.
keep-port-at-587-or-42fe3de8 = Deja `port` en `587` (o `25` si tu proveedor lo usa); ASP.NET no puede usar `465`.
your-password-would-cross-the-9c776cba = Tu contraseña viajaría por la red sin cifrar
the-server-offers-sign-in-52300fa5 = El servidor ofrece iniciar sesión en esta conexión sin cifrado, así que cualquiera en el camino (la red de la empresa de hosting, una wifi pública) podría leer la contraseña. La prueba se detuvo antes de enviarla. Con esta configuración, tu sitio web la envía exactamente así.
set-enablessl-to-true-the-649dce61 = Pon `enableSsl` en `true`: así la contraseña solo se envía cuando la conexión ya está cifrada.
if-you-accept-the-risk-4bb04ca9 = Si aceptas el riesgo para esta única prueba (un servidor en tu propia red privada), vuelve a probar y permite la contraseña sin cifrar (`--allow-plaintext-password` en la línea de órdenes, "Enviarla sin cifrar solo esta vez" en la ventana).
the-server-s-sign-in-5fcef96a = Los métodos de inicio de sesión del servidor no los puede usar ASP.NET
mail-servers-offer-several-sign-b861780a = Los servidores de correo ofrecen varios métodos de inicio de sesión. El emisor de correo de ASP.NET solo conoce LOGIN, NTLM, Digest y Negotiate, y este servidor no ofreció ninguno, así que la misma configuración puede funcionar en otros programas y fallar desde tu sitio web.
ask-your-mail-provider-whether-e86c3606 = Pregunta a tu proveedor de correo si se puede activar el inicio de sesión LOGIN para tu buzón.
or-send-through-a-provider-c9c7d534 = O envía a través de un proveedor que ofrezca LOGIN (la mayoría lo hacen) y cambia `host` a su servidor.
or-ask-your-developer-to-88c53180 = O pide a tu desarrollador que envíe con MailKit, una biblioteca de correo que conoce más métodos de inicio de sesión.
the-server-refused-the-user-a184eaf4 = El servidor rechazó el nombre de usuario o la contraseña
the-server-checked-the-sign-cda301dc = El servidor comprobó el inicio de sesión y dijo que no. Normalmente la contraseña no es la actual, o el nombre de usuario no tiene la forma que espera el proveedor; algunos proveedores también rechazan la contraseña normal y piden una contraseña de aplicación (una contraseña aparte creada solo para programas).
check-that-username-is-exactly-a186e001 = Comprueba que `userName` es exactamente lo que espera tu proveedor, normalmente tu dirección de correo completa.
type-the-password-into-password-c85831af = Vuelve a escribir la contraseña en `password` (al copiarla se puede añadir un espacio al final).
if-your-account-uses-two-fe47a30d = Si tu cuenta usa la verificación en dos pasos, crea una contraseña de aplicación en la configuración de seguridad de la cuenta y úsala como `password`.
sign-in-to-your-webmail-2244b6cf = Inicia sesión en tu correo web con el mismo nombre de usuario y contraseña para confirmar que funcionan.
your-provider-wants-an-app-8e45b86f = Tu proveedor pide una contraseña de aplicación en lugar de tu contraseña normal
an-app-password-is-a-bb603ced = Una contraseña de aplicación es una contraseña aparte que tu proveedor de correo crea solo para programas como tu sitio web. Las cuentas con verificación en dos pasos (un código en tu móvil) rechazan aquí la contraseña normal; si ya usas una contraseña de aplicación, puede que esté mal escrita o que se haya revocado.
turn-on-two-step-sign-51eac7b8 = Activa la verificación en dos pasos en la configuración de seguridad de tu cuenta de correo si aún no lo está: las contraseñas de aplicación la necesitan.
create-an-app-password-there-bd7031e7 = Crea allí una contraseña de aplicación y pégala en `password` sin espacios.
keep-username-as-your-full-c562226b = Deja en `userName` tu dirección de correo completa y vuelve a probar.
your-provider-paused-the-sign-bc3768e5 = Tu proveedor bloqueó el inicio de sesión hasta que lo confirmes en un navegador
the-provider-saw-a-sign-1538b2d6 = El proveedor vio un inicio de sesión desde un lugar que no conoce (el equipo donde funciona tu sitio web) y lo retuvo hasta que confirmes que fuiste tú.
sign-in-to-your-webmail-dc909f89 = Inicia sesión en tu correo web en un navegador y aprueba cualquier alerta de seguridad sobre un inicio de sesión bloqueado.
use-an-app-password-a-b70684d9 = Usa una contraseña de aplicación (una contraseña aparte para programas, creada en la configuración de seguridad de tu cuenta) como `password`.
test-again-within-a-few-9bb0093a = Vuelve a probar en los próximos minutos.
sign-in-for-mail-programs-5421083f = El inicio de sesión de los programas de correo está desactivado para esta cuenta
microsoft-365-lets-administrators-switch-ec288b4e = Microsoft 365 permite a los administradores desactivar "Authenticated SMTP" (la forma en que los programas inician sesión para enviar correo). Está desactivado para este buzón o para toda la organización, así que se rechaza incluso la contraseña correcta, y también un token OAuth.
if-it-is-off-for-491d3325 = Si está desactivado para toda la organización, el administrador también puede permitirlo ahí (el ajuste de Exchange SmtpClientAuthenticationDisabled en False).
wait-up-to-an-hour-89ecd3c1 = Espera hasta una hora después del cambio y vuelve a probar.
your-provider-no-longer-accepts-262db022 = Tu proveedor ya no acepta contraseñas de los programas de correo
the-provider-has-switched-off-5bf866d0 = El proveedor ha desactivado la autenticación básica (iniciar sesión solo con nombre de usuario y contraseña) y pide OAuth en su lugar (iniciar sesión a través de la propia página del proveedor). El emisor de correo de ASP.NET no sabe usar OAuth, y una contraseña de aplicación no sirve aquí.
ask-your-administrator-whether-password-8e9b1d9b = Pregunta a tu administrador si se puede permitir el inicio de sesión con contraseña para este buzón (en Microsoft 365 pueden bloquearlo los valores predeterminados de seguridad o una directiva de acceso condicional).
or-send-your-website-s-543cef06 = O envía el correo de tu sitio web a través de un servicio que acepte contraseñas, como el servidor de correo de tu empresa de hosting o un servicio de envío, y cambia `host`, `userName` y `password` a sus valores.
or-ask-your-developer-to-129f53f6 = O pide a tu desarrollador que envíe con MailKit, que admite OAuth, y prueba antes aquí el inicio de sesión OAuth (Inicio de sesión: Microsoft 365 (OAuth), o `mailtester send --oauth microsoft`).
the-server-could-not-check-7d165cdf = El servidor no pudo comprobar la contraseña en este momento
the-server-s-sign-in-4e8378b1 = El sistema de inicio de sesión del servidor tuvo un problema temporal, así que no pudo decir ni sí ni no. El problema es del proveedor, y es muy posible que tu configuración sea correcta.
if-it-lasts-more-than-bcb37e76 = Si dura más de una hora, avisa a tu proveedor de correo e incluye la respuesta del servidor.
meanwhile-keep-username-and-password-16dfed9a = Mientras tanto, deja `userName` y `password` como están.

## src/diagnosis/texts/connection.rs

the-mail-server-s-name-0d9f47b0 = No se encontró el nombre del servidor de correo
this-computer-asked-dns-the-9b8be64c = Este equipo preguntó al DNS (la guía de direcciones de internet) por el nombre que hay en `host` y no recibió ninguna dirección, así que no sabe adónde enviar el correo. Normalmente el nombre tiene una errata, o este equipo no está conectado a internet ahora mismo.
check-host-letter-by-letter-a1a74d49 = Compara `host` letra a letra con las instrucciones de tu proveedor de correo (tiene la forma `smtp.example.com`).
check-that-this-computer-can-ae3fe307 = Comprueba que este equipo puede abrir sitios web; si no puede, arregla la conexión a internet y vuelve a probar.
if-the-name-is-right-18a00d53 = Si el nombre es correcto e internet funciona, pregunta a tu proveedor de correo si ha cambiado el nombre del servidor.
the-server-turned-the-connection-280a4654 = El servidor rechazó la conexión en este puerto
this-computer-reached-the-server-ba7fb590 = Este equipo llegó al servidor, pero allí nada acepta correo en este puerto (la puerta numerada en la que escucha un programa), o un cortafuegos (un filtro que bloquea conexiones) la rechazó. Casi siempre el puerto no es el que usa tu proveedor, o `host` apunta a otro servidor.
check-port-against-your-provider-f98b1afd = Compara `port` con las instrucciones de tu proveedor: `587` es el puerto habitual para sitios web.
check-that-host-is-the-a4ce6940 = Comprueba que `host` es el nombre del servidor de correo, no el de tu sitio web.
if-both-are-right-ask-112c3209 = Si ambos son correctos, pregunta a tu empresa de hosting si un cortafuegos bloquea el correo saliente de tu sitio.
the-server-did-not-answer-45d585cd = El servidor no respondió al intento de conexión
nothing-answered-on-this-port-aeae7d79 = Nada respondió en este puerto antes de que se agotara el tiempo. A menudo un cortafuegos (un filtro que bloquea conexiones) de la empresa de hosting o del proveedor de internet descarta sin avisar las conexiones de correo salientes, sobre todo en el puerto 25; si no, puede que el servidor esté caído o que `host` apunte a un lugar equivocado.
change-port-to-587-and-a8475885 = Cambia `port` a `587` y pon `enableSsl` en `true`: la combinación habitual para sitios web.
if-that-does-not-help-59fbce00 = Si eso no ayuda, pregunta a tu empresa de hosting si las conexiones salientes a servidores de correo están bloqueadas, y en qué puertos.
check-that-host-is-correct-05aa5d08 = Comprueba que `host` es correcto y que el servidor funciona (mira la página de estado de tu proveedor).
the-server-accepted-the-connection-e31e44f1 = El servidor aceptó la conexión, pero nunca saludó
a-mail-server-normally-greets-3b957db6 = Un servidor de correo normalmente saluda enseguida a cada conexión nueva. Cuando se queda en silencio, lo habitual es que el puerto espere cifrado desde el primer byte ("SSL al conectar", típico del puerto 465), algo que el emisor de correo de ASP.NET no sabe hacer; con menos frecuencia, el servidor está sobrecargado.
change-port-to-587-and-298d9c8c = Cambia `port` a `587` y pon `enableSsl` en `true`.
if-your-provider-offers-only-8846bc0f = Si tu proveedor solo ofrece el puerto 465, pregúntale si tiene un puerto con STARTTLS (la forma en que un servidor de correo pasa a una conexión cifrada), o envía a través de otro proveedor.
if-port-is-already-587-ab4adb1c = Si `port` ya es `587`, espera unos minutos y vuelve a probar: puede que el servidor esté ocupado.
something-other-than-a-mail-ecd3aa22 = En este puerto respondió algo que no es un servidor de correo
the-answer-did-not-look-bf4a9935 = La respuesta no parecía SMTP (el idioma que hablan los servidores de correo). Puede que el puerto sea de un sitio web u otro servicio, o que `host` apunte a otra máquina.
check-port-websites-send-mail-6058ee5d = Revisa `port`: los sitios web envían correo por el puerto `587` (a veces `25`); puertos como `80` y `443` son para sitios web, y `110`, `143`, `993` y `995` para leer correo.
check-host-against-your-provider-1e806a83 = Compara `host` con las instrucciones de tu proveedor.
if-both-look-right-a-336a3e56 = Si ambos parecen correctos, puede que un programa de seguridad o un proxy de esta red esté en medio: pregunta a quien administre la red.
the-mail-server-is-not-c6852973 = El servidor de correo no acepta esta conexión en este momento
the-server-answered-but-refused-f4bdb56e = El servidor respondió, pero se negó a atender esta conexión. Normalmente el servidor tiene un problema temporal (mantenimiento o sobrecarga), o rechaza la dirección de internet de este equipo, por ejemplo porque está en una lista de bloqueo (una lista de direcciones conocidas por enviar spam).
if-it-keeps-happening-send-e9edadf6 = Si sigue pasando, envía la respuesta del servidor (en "Lo que dijo el servidor") a tu proveedor de correo y pregúntale por qué rechaza la conexión.
check-host-and-port-a-5e76dfe7 = Revisa `host` y `port`: un servidor pensado para recibir correo puede negarse a enviarlo.
the-server-closed-the-connection-30180e72 = El servidor cerró la conexión en mitad de la conversación
the-connection-ended-before-the-a43f6fed = La conexión terminó antes de que el servidor acabara de responder. Los servidores lo hacen cuando algo de la conexión no les gusta (demasiados intentos, una dirección bloqueada, un ajuste de cifrado distinto del que esperan), y a veces también son las redes las que cortan conexiones.
check-that-port-and-enablessl-b2b965b7 = Comprueba que `port` y `enableSsl` coinciden con las instrucciones de tu proveedor (normalmente `587` con `enableSsl` en `true`).
if-it-keeps-happening-send-a1e930a1 = Si sigue pasando, envía la transcripción a tu proveedor de correo: el paso en el que se detuvo les indica dónde buscar.
the-server-stopped-answering-aaccd57c = El servidor dejó de responder
the-server-accepted-the-connection-a1f81952 = El servidor aceptó la conexión, pero no respondió a tiempo. Puede que esté sobrecargado, o que un cortafuegos (un filtro que bloquea conexiones) mantenga la conexión abierta sin dejar pasar nada.
if-your-web-config-uses-60f26cb6 = Si tu web.config usa el puerto 465: ASP.NET no puede usarlo y se queda esperando así. Cambia `port` a `587` y pon `enableSsl` en `true`.
if-it-always-stops-at-8cf935d8 = Si siempre se detiene en el mismo paso, envía la transcripción a tu proveedor de correo.
the-test-was-stopped-before-0d4af77e = La prueba se detuvo antes de terminar
the-test-was-cancelled-so-7a4af564 = La prueba se canceló, así que los pasos que no se ejecutaron no tienen resultado. Esto no dice nada sobre si tu configuración funciona.
press-send-test-email-to-82d3e493 = Pulsa "Enviar correo de prueba" para volver a hacer la prueba.
your-website-could-not-connect-2abab1d3 = Tu sitio web no pudo conectarse al servidor de correo
the-program-gives-this-one-4964373a = El programa da este mismo mensaje por varias causas: un cortafuegos (un filtro que bloquea conexiones) de la empresa de hosting bloquea el puerto, nada escucha en ese puerto o el ajuste de cifrado no corresponde al puerto. El puerto 25 es el que se bloquea con más frecuencia.
change-port-to-587-and-05b8a3c8 = Cambia `port` a `587` y pon `enableSsl` en `true` (en PHPMailer: `Port = 587` y `SMTPSecure = 'tls'`).
check-that-host-is-exactly-b9f2e985 = Comprueba que `host` es exactamente el nombre de servidor que da tu proveedor.
ask-your-hosting-company-whether-3e97a686 = Pregunta a tu empresa de hosting si se permiten las conexiones de correo salientes, y en qué puertos.
no-mail-server-is-set-2344fbac = No hay ningún servidor de correo definido
asp-net-found-no-host-5acadb75 = ASP.NET no encontró `host` en la sección `<mailSettings>` de web.config (ni en el código del sitio web), así que no sabe a través de qué servidor enviar.
add-host-to-the-network-473361fe = Añade `host` al elemento `<network>` de web.config, por ejemplo `host="smtp.example.com"`.
check-that-mailsettings-sits-inside-b1a5f996 = Comprueba que `<mailSettings>` está dentro de `<system.net>` en el web.config del sitio que envía el correo.
asp-net-waited-on-port-363e8bfc = ASP.NET esperó en el puerto 465 un saludo que nunca llega
port-465-expects-encryption-from-540d0aa0 = El puerto 465 espera cifrado desde el primer byte ("SSL al conectar"), algo que el emisor de correo de ASP.NET no sabe hacer: espera a que el servidor salude hasta que se rinde con "The operation has timed out".
your-website-gave-up-waiting-1b764594 = Tu sitio web dejó de esperar al servidor de correo
the-operation-has-timed-out-366dd6df = "The operation has timed out." sin nada más es la forma en que el emisor de correo de ASP.NET dice que el servidor no terminó de responder dentro de su límite de tiempo (100 segundos si no se define `timeout`). Casi siempre el servidor ni siquiera llegó a saludar: el puerto espera cifrado desde el primer byte ("SSL al conectar", puerto 465), algo que el emisor de correo de ASP.NET no sabe hacer.
if-port-is-465-change-c94da191 = Si `port` es `465`, cámbialo a `587` y pon `enableSsl` en `true`.
otherwise-run-this-tester-with-10f4acc3 = Si no, ejecuta este programa con la misma configuración: muestra el paso en el que el servidor deja de responder.
the-program-that-sends-your-81bb5371 = El programa que envía tu correo canceló el envío por sí mismo
the-operation-was-canceled-means-e40cc474 = "The operation was canceled" significa que el envío lo detuvo el propio código del programa, no que el servidor de correo lo rechazara: las bibliotecas de correo de .NET como MailKit lo dicen cuando quien las llama cancela, por ejemplo cuando la petición web que envía el correo termina antes o se agota el límite de tiempo de la propia aplicación. Todavía no dice nada sobre si la configuración de correo funciona.
test-the-same-settings-with-74a36907 = Prueba la misma configuración con este programa: muestra si el servidor la acepta.
if-the-test-works-ask-3b9483ea = Si la prueba funciona, pregunta a tu desarrollador si el sitio web cancela el envío demasiado pronto (un límite de tiempo corto, o una petición que termina antes de que se envíe el correo).
this-is-the-server-for-cde919ef = Este es el servidor para leer correo, no el de enviarlo
the-port-answered-like-an-bc793875 = El puerto respondió como un servidor IMAP o POP3: el servidor que usa un programa de correo para leer el buzón. Un sitio web envía a través del servidor SMTP, que tiene su propio puerto y a menudo su propio nombre (`smtp.` en lugar de `imap.`, `pop.` o `mail.`).
change-port-to-587-and-9103f925 = Cambia `port` a `587` y pon `enableSsl` en `true`: el puerto habitual para enviar.
if-it-still-fails-look-47a17eb2 = Si sigue fallando, busca el "servidor de salida (SMTP)" en las instrucciones de tu proveedor y pon ese nombre en `host`.
the-server-accepted-the-connection-ee71a7a7 = El servidor aceptó la conexión, pero nunca respondió
a-mail-server-greets-a-a2e73efe = Un servidor de correo saluda enseguida a cada conexión nueva. Este se quedó en silencio, también cuando la prueba empezó cifrada, así que no está esperando SSL al conectar: puede que el servidor esté sobrecargado, o que un cortafuegos o filtro en el camino mantenga las conexiones abiertas sin dejar pasar nada.
check-host-and-port-against-b14f8d04 = Compara `host` y `port` con las instrucciones de tu proveedor para enviar correo (normalmente el puerto `587`).
if-it-stays-silent-ask-069de325 = Si sigue en silencio, pregunta a tu empresa de hosting si filtra las conexiones de correo salientes (muchas mantienen abierto el puerto `25` sin dejar pasar nada).

## src/diagnosis/texts/oauth.rs

the-mail-server-refused-the-c36aa8ff = El servidor de correo rechazó el token de inicio de sesión
oauth-means-signing-in-with-bde56524 = OAuth significa iniciar sesión con un token de Microsoft o Google en lugar de una contraseña. El servidor rechazó este token: puede que haya caducado, que sea para otro servicio u otro buzón, o que la aplicación que hay detrás aún no pueda enviar correo.
get-a-new-token-and-beea9d01 = Consigue un token nuevo y vuelve a probar (los tokens duran una hora aproximadamente).
check-that-username-is-the-b1f08c04 = Comprueba que `userName` es el buzón para el que se emitió el token.
check-the-app-s-permission-e05ab3e6 = Revisa el permiso de la aplicación para enviar correo (Microsoft 365: SMTP.SendAsApp con consentimiento de administrador, la entidad de servicio y el permiso del buzón; Google: el ámbito https://mail.google.com/).
this-server-does-not-offer-a3b68dfd = Este servidor no ofrece inicio de sesión con token
the-server-offers-no-oauth-3a29dae0 = El servidor no ofrece inicio de sesión OAuth (XOAUTH2 u OAUTHBEARER) en esta conexión, así que no se envió el token. Solo algunos proveedores aceptan tokens, sobre todo Microsoft 365 y Google.
check-host-and-port-microsoft-ab58eb61 = Revisa `host` y `port`: Microsoft 365 es smtp.office365.com puerto 587, y Google smtp.gmail.com puerto 587, ambos con `enableSsl` activado.
if-this-provider-takes-passwords-25d1840e = Si este proveedor acepta contraseñas, elige Contraseña como inicio de sesión y escribe `userName` y `password`.
the-token-was-not-sent-ff28ae63 = El token no se envió porque la conexión no está cifrada
anyone-on-the-way-could-026cb93d = Cualquiera en el camino podría copiar un token enviado por una conexión sin cifrar y enviar correo en tu nombre hasta que caduque, así que esta prueba nunca lo envía de esa forma.
turn-enablessl-on-starttls-and-ce9fc4ee = Activa `enableSsl` (STARTTLS) y usa el puerto 587; después vuelve a probar.
if-the-server-offers-no-4bbe69ad = Si el servidor no ofrece cifrado en ningún puerto, no puede aceptar el inicio de sesión OAuth de forma segura: pide a tu proveedor su puerto cifrado.
microsoft-did-not-accept-the-3a160626 = Microsoft no aceptó el secreto de cliente de la aplicación
before-any-mail-is-sent-633411c0 = Antes de enviar ningún correo, la aplicación inicia sesión en Microsoft con su id. de cliente y su secreto de cliente (la contraseña de la aplicación) para conseguir un token. Microsoft rechazó el secreto: está mal escrito, ha caducado o se copió el id. del secreto en lugar de su valor.
in-the-microsoft-entra-admin-c9835d8e = En el centro de administración de Microsoft Entra, abre App registrations → tu aplicación → Certificates & secrets y crea un nuevo secreto de cliente.
copy-its-value-shown-only-697d91d8 = Copia su Value (se muestra una sola vez), no su Secret ID, y vuelve a probar con él.
microsoft-does-not-know-this-75d6c55c = Microsoft no conoce esta aplicación en esta organización
no-app-with-this-client-6d868a30 = No hay ninguna aplicación con este id. de cliente registrada en la organización (tenant) que consultó la prueba. O el id. de cliente está mal escrito, o la aplicación pertenece a otra organización.
copy-the-application-client-id-674ef97a = Vuelve a copiar el Application (client) ID desde App registrations → tu aplicación → Overview.
check-that-the-directory-tenant-64a4d76d = Comprueba que el Directory (tenant) ID de esa misma página es el que usa la prueba.
microsoft-does-not-know-this-3b3cd9cd = Microsoft no conoce esta organización (tenant)
the-tenant-identifies-your-organisation-0a1f62ed = El tenant identifica a tu organización en Microsoft: su Directory (tenant) ID o uno de sus dominios. Microsoft no encontró ninguna organización con ese nombre.
copy-the-directory-tenant-id-3f371c4a = Copia el Directory (tenant) ID desde App registrations → tu aplicación → Overview, o usa el dominio de tu organización (tuempresa.onmicrosoft.com).
the-app-may-not-send-9ca8eb09 = La aplicación aún no puede enviar correo: un administrador tiene que aprobarla
the-app-asked-for-permission-565125cd = La aplicación pidió permiso para enviar correo, y nadie con derechos de administrador ha aprobado todavía (dado su consentimiento a) ese permiso en tu organización.
in-app-registrations-your-app-d480bf7d = En App registrations → tu aplicación → API permissions, añade Office 365 Exchange Online → Application permissions → SMTP.SendAsApp.
click-grant-admin-consent-a-0096d685 = Haz clic en "Grant admin consent" (puede hacerlo un Global Administrator o un Privileged Role Administrator) y vuelve a probar.
getting-a-sign-in-token-346be9e3 = No se pudo conseguir un token de inicio de sesión del proveedor
before-any-mail-is-sent-5a4041b2 = Antes de enviar ningún correo, la prueba pide un token al servicio de inicio de sesión del proveedor. Esa petición falló, así que ni siquiera se contactó con el servidor de correo.
read-the-provider-s-message-c4926a58 = Lee el mensaje del proveedor que aparece abajo; indica lo que no aceptó.
check-the-tenant-client-id-423e50ed = Revisa el tenant, el id. de cliente y el secreto de cliente, y vuelve a probar.

## src/diagnosis/texts/sending.rs

the-server-will-not-pass-322f9063 = El servidor no reenviará tu correo a otras direcciones
relaying-passing-mail-on-to-e7749b8a = El reenvío (pasar correo a direcciones de fuera de los dominios del propio servidor) solo se permite a usuarios con sesión iniciada o a remitentes conocidos, y esta conexión no contó como ninguno de ellos. Normalmente no hubo inicio de sesión, o el puerto está pensado para recibir correo y no para enviarlo.
fill-in-username-usually-your-960bb2d1 = Rellena `userName` (normalmente tu dirección de correo completa) y `password`, y pon `defaultCredentials` en `false`.
use-port-587-with-enablessl-87cafacb = Usa `port` `587` con `enableSsl` en `true`.
if-your-hosting-company-lets-00fadcde = Si tu empresa de hosting deja que los sitios web envíen sin contraseña, pídeles que permitan la dirección del servidor en el que funciona tu sitio web.
the-server-will-not-send-6bfece32 = El servidor no enviará correo desde esta dirección de remitente
the-sender-address-from-must-34e8cbf7 = La dirección de remitente (`from`) tiene que ser una con la que la cuenta pueda enviar: normalmente el buzón con el que inicias sesión, o una dirección que tu proveedor haya verificado. Esta no está en esa lista.
set-from-to-the-same-14aaa3c1 = Pon en `from` la misma dirección que en `userName`.
or-ask-your-provider-or-5ba176df = O pide a tu proveedor o administrador que permita esta dirección de remitente, por ejemplo verificándola o concediendo el permiso "Send As" (Enviar como).
the-server-refused-the-address-99174203 = El servidor rechazó la dirección a la que se envió la prueba
your-settings-got-through-but-8c28461a = Tu configuración funcionó, pero se rechazó al destinatario de la prueba: puede que la dirección no exista o que su buzón no pueda recibir correo ahora mismo. Esto afecta a la dirección de prueba, no a tu web.config.
check-the-send-the-test-55d34997 = Revisa si la dirección de "Enviar la prueba a" tiene alguna errata.
send-the-test-to-another-bc94762a = Envía la prueba a otra dirección tuya, por ejemplo la de `from`.
the-server-refused-the-message-01dd6462 = El servidor rechazó el propio mensaje
the-connection-and-sign-in-10c93ba1 = La conexión y el inicio de sesión funcionaron, pero se rechazó el mensaje: por ejemplo, era demasiado grande, parecía spam o el dominio del remitente no superó las comprobaciones SPF o DKIM (registros DNS que demuestran que un servidor puede enviar correo en nombre de tu dominio).
read-the-server-s-reply-830e27f9 = Lee la respuesta del servidor que aparece abajo: normalmente indica el motivo.
if-it-mentions-spf-dkim-4056d896 = Si menciona SPF, DKIM o DMARC, pide a quien gestione el DNS de tu dominio que añada los registros que indique tu proveedor de correo.
to-see-whether-the-domain-caf4671e = Para ver si la causa es el dominio, pon en `from` una dirección del propio dominio de tu proveedor de correo y vuelve a probar.
this-mail-account-is-blocked-d848b535 = Esta cuenta de correo tiene bloqueado el envío
the-provider-has-stopped-this-11d4a609 = El proveedor ha impedido que esta cuenta envíe, a menudo tras notar actividad extraña, como spam enviado con una contraseña robada. Solo el proveedor o tu administrador pueden quitar el bloqueo.
sign-in-to-your-webmail-e8982548 = Inicia sesión en tu correo web y busca un mensaje sobre una cuenta bloqueada o restringida.
change-the-account-s-password-ac418634 = Cambia la contraseña de la cuenta (puede que alguien más la conozca) y pon la nueva en `password`.
ask-your-provider-or-administrator-2b83a423 = Pide a tu proveedor o administrador que quite el bloqueo de envío (en Microsoft 365: Defender → Restricted entities).
the-server-asks-to-slow-8249af09 = El servidor pide que vayas más despacio y lo intentes más tarde
providers-limit-how-much-mail-f9900a0a = Los proveedores limitan cuánto correo puede enviar una cuenta o una dirección de internet en un tiempo determinado. Se alcanzó ese límite, o el servidor está siendo prudente con esta conexión durante un rato; se resuelve solo.
wait-15-to-60-minutes-07d89075 = Espera de 15 a 60 minutos y vuelve a probar.
if-your-website-sends-a-32eaf05a = Si tu sitio web envía mucho correo, consulta los límites de envío de tu proveedor o usa un servicio de envío pensado para grandes volúmenes.
set-clientdomain-to-your-website-fae63d04 = Pon en `clientDomain` el nombre de dominio completo de tu sitio web (por ejemplo `www.example.com`): algunos servidores desconfían de los equipos que se presentan como `localhost`.
the-server-asked-to-send-503e5275 = El servidor pidió volver a enviar dentro de unos minutos (greylisting)
some-servers-turn-away-the-f3e0dc99 = Algunos servidores rechazan a propósito el primer mensaje de un remitente que aún no conocen y lo aceptan cuando vuelve a llegar unos minutos después: se llama greylisting (lista gris), y no hay nada mal en tu configuración ni en la dirección. Pero ASP.NET no vuelve a enviar por sí solo: un mensaje rechazado así se pierde, salvo que tu sitio web lo vuelva a intentar.
test-again-in-5-to-3f46aedd = Vuelve a probar dentro de 5 a 15 minutos: debería aceptarse.
for-mail-that-matters-orders-40efb6b9 = Para el correo importante (pedidos, restablecimiento de contraseñas), envía a través del servidor de tu proveedor con inicio de sesión (puerto `587`): el correo de remitentes con sesión iniciada no pasa por greylisting.
or-make-the-website-try-b16fc931 = O haz que el sitio web lo vuelva a intentar cuando falle el envío (una cola, o un reintento al cabo de unos minutos).
your-account-has-used-up-20d9b0fd = Tu cuenta ha agotado su cupo de envío
the-provider-limits-how-much-f1851918 = El proveedor limita cuánto correo puede enviar una cuenta al día o al mes (o lo vende como créditos), y esta cuenta ha llegado al límite. Esperar unos minutos no servirá: se restablece en un plazo de hasta un día, al empezar el siguiente periodo o cuando se amplía el plan.
wait-until-the-limit-resets-6a52ebd9 = Espera a que se restablezca el límite (normalmente 24 horas; en un plan mensual, el mes siguiente) y vuelve a probar.
check-that-your-website-is-39b0b049 = Comprueba que tu sitio web no está enviando mucho más de lo que debería: un formulario de contacto usado por spammers puede agotar cualquier cupo.
if-your-website-really-needs-083b7d6f = Si tu sitio web de verdad necesita más, pide al proveedor un límite mayor o envía a través de un servicio hecho para sitios web (SendGrid, Mailgun, Amazon SES, Brevo).
the-server-had-a-temporary-10581399 = El servidor tuvo un problema temporal
the-server-answered-with-a-0008d626 = El servidor respondió con un código de "vuelve a intentarlo más tarde" (uno que empieza por 4), lo que significa que el problema debería resolverse sin que cambies nada.
if-it-keeps-happening-send-0dc4deb9 = Si sigue pasando, envía la respuesta del servidor a tu proveedor de correo.
meanwhile-keep-host-port-and-f176ef63 = Mientras tanto, deja `host`, `port` y `enableSsl` como están.
we-don-t-recognise-this-718ec519 = No reconocemos este problema
the-test-stopped-with-a-fda2c04f = La prueba se detuvo con un mensaje para el que todavía no tenemos explicación. Los detalles muestran exactamente lo que dijo el servidor o este equipo.
look-in-the-server-s-cd1cf764 = Busca en la respuesta del servidor un código como `535` o `5.7.8` y un motivo breve, y envíalos a tu proveedor de correo.
check-host-port-and-enablessl-dce5d8be = Compara `host`, `port` y `enableSsl` con las instrucciones de tu proveedor.
save-the-report-it-leaves-9e9a3053 = Guarda el informe (no incluye tu contraseña) y envíalo al soporte de tu empresa de hosting.
sending-failed-and-this-part-b5549368 = El envío falló, y esta parte del mensaje no dice por qué
failure-sending-mail-is-only-5e94f296 = "Failure sending mail" es solo el mensaje exterior: el motivo está en la excepción interna que lo sigue (después de "--->") en el registro de errores completo.
copy-the-whole-error-including-0a4fa195 = Copia el error completo, incluidas las líneas después de "--->", y vuelve a pegarlo aquí.
or-run-the-test-in-cd3c3210 = O haz la prueba en este programa con la misma configuración: muestra el paso exacto que falla.
meanwhile-check-host-port-and-b6ee72c6 = Mientras tanto, compara `host`, `port` y `enableSsl` con las instrucciones de tu proveedor.
we-don-t-recognise-this-689d3f81 = No reconocemos este mensaje
it-contains-no-mail-server-31c9c54f = No contiene ningún código de respuesta de servidor de correo (como `535` o `5.7.8`) ni ningún error que conozcamos de ASP.NET, PHPMailer, Nodemailer, Python o MailKit.
paste-the-whole-error-including-72e71f75 = Pega el error completo, incluidas las líneas después de "--->" o "Caused by": la causa suele estar al final.
look-for-a-three-digit-50926ef1 = Busca un código de tres cifras que empiece por 4 o 5 (como `550`) o un código como `5.7.1`, y las palabras que lo siguen: ese es el motivo del servidor.
or-run-the-test-in-98479cfe = O haz la prueba en este programa con tus `host`, `port` y `enableSsl`: muestra el paso exacto que falla.
this-account-may-sign-in-debe5d24 = Esta cuenta solo puede iniciar sesión desde las direcciones que indica su proveedor
the-provider-lets-this-account-8646e994 = El proveedor solo deja que esta cuenta inicie sesión desde las direcciones de internet (direcciones IP) de su lista, y la dirección de la que vino esta no está entre ellas. Ni siquiera se comprobó la contraseña.
in-your-mail-provider-s-50eeb67e = En el panel de control de tu proveedor de correo, abre la configuración SMTP de la cuenta y busca la lista de direcciones IP permitidas.
add-your-web-server-s-7d9995ed = Añade la dirección IP pública de tu servidor web (tu empresa de hosting puede decirte cuál es).
to-run-this-tester-from-3402b27a = Para usar también este programa desde otro equipo, añade además la dirección de ese equipo, o pide a tu proveedor que quite la restricción.
your-website-could-not-read-f7b4fedd = Tu sitio web no pudo leer una de las direcciones de correo
the-specified-string-is-not-8907296d = "The specified string is not in the form required for an e-mail address" lo dice el propio ASP.NET, antes de contactar con ningún servidor de correo: la dirección `from`, o una dirección que el sitio web pone en Para, CC o CCO, tiene una errata (falta la @, hay un espacio, dos direcciones en un mismo campo).
check-from-in-web-config-26d1a3fb = Revisa `from` en web.config: una sola dirección, como `info@example.com` (puede ir precedida de un nombre: `Tienda <info@example.com>`).
if-from-is-right-the-a6e15de4 = Si `from` es correcto, la dirección viene del propio sitio web (un formulario que rellenó un visitante, o un ajuste del sitio): pide a tu desarrollador que compruebe las direcciones antes de enviar.
the-server-refused-and-your-051e3698 = El servidor rechazó el envío, y el registro de tu sitio web no dice por qué
syntax-error-command-unrecognized-is-23a7ab1e = "Syntax error, command unrecognized." es lo que escribe el emisor de correo de ASP.NET para cualquier respuesta del servidor cuyo código no sabe nombrar (el 535 de una contraseña rechazada, por ejemplo). Sin las propias palabras del servidor a continuación, el registro no puede decir qué ajuste está mal.
if-the-log-goes-on-c96ac828 = Si el registro continúa con "The server response was:", pega también esa línea.
run-the-test-here-with-8c3a56a5 = Haz la prueba aquí con la misma configuración: muestra la respuesta del servidor palabra por palabra y lo que significa.
an-address-has-letters-asp-508530c0 = Una dirección tiene letras que ASP.NET solo envía con un ajuste
the-client-or-server-is-874f1000 = "The client or server is only configured for E-mail addresses with ASCII local-parts" significa que la dirección nombrada al final tiene antes de la @ letras fuera del alfabeto inglés básico (como ö o é). ASP.NET solo envía esas direcciones con `deliveryFormat="International"`, y solo a través de un servidor de correo que ofrezca SMTPUTF8 (el estándar para direcciones internacionales).
if-the-address-is-from-d8b5febf = Si la dirección es `from`, usa una con letras simples antes de la @.
if-it-is-a-customer-30b90862 = Si es la dirección de un cliente, añade `deliveryFormat="International"` a `<smtp>` en web.config (.NET Framework 4.5 o posterior) y haz la prueba aquí para comprobar que tu servidor de correo ofrece SMTPUTF8.

## src/diagnosis/texts/tls.rs

the-server-wants-an-encrypted-bcbb2dd1 = El servidor quiere una conexión cifrada
the-server-will-not-go-b13a1048 = El servidor no seguirá hasta que la conexión esté cifrada con STARTTLS (la forma en que un servidor de correo pasa a una conexión cifrada). En web.config, `enableSsl="true"` lo activa.
use-port-587-the-usual-d29b1fcf = Usa `port` `587` (el puerto habitual para enviar desde sitios web), salvo que tu proveedor diga otra cosa.
the-server-does-not-offer-345a167c = El servidor no ofrece una conexión cifrada en este puerto
with-enablessl-on-asp-net-bc209598 = Con `enableSsl` activado, ASP.NET pide STARTTLS (la forma en que un servidor de correo pasa a una conexión cifrada), y este servidor no lo ofreció, así que ASP.NET se detiene con "Server does not support secure connections". Normalmente el puerto o el servidor no es el servidor de envío del proveedor, o el cifrado del servidor no está configurado.
check-host-and-port-against-3146a584 = Compara `host` y `port` con las instrucciones de tu proveedor; si `port` es `25`, prueba con `587`.
ask-your-mail-provider-whether-e9b014ae = Pregunta a tu proveedor de correo si este servidor admite STARTTLS, y en qué puerto.
turning-enablessl-off-would-send-df98f72a = Si desactivas `enableSsl`, tu contraseña se enviaría sin cifrar (cualquiera en el camino podría leerla): solo tenlo en cuenta si tu proveedor confirma que el servidor está en tu propia red privada.
this-port-starts-unencrypted-and-8eab0593 = Este puerto empieza sin cifrar y pasa al cifrado más tarde
one-side-started-encrypting-straight-ebbd67b5 = Un lado empezó a cifrar de inmediato ("SSL al conectar"), mientras que el otro esperaba primero texto sin cifrar y un cambio con STARTTLS (la forma en que un servidor de correo pasa a una conexión cifrada). Las dos formas no se pueden mezclar, así que falló la negociación (el intercambio que establece el cifrado).
keep-this-port-and-set-14145fd0 = Mantén este puerto y pon `enableSsl` en `true` (en otros programas, elige "STARTTLS" o "TLS" en lugar de "SSL").
or-in-programs-other-than-6eb280ba = O, en programas que no sean ASP.NET, mantén "SSL" y cambia el puerto a `465` si tu proveedor lo admite.
the-encrypted-connection-could-not-38a20e5a = No se pudo establecer la conexión cifrada
the-handshake-the-exchange-that-d77564bd = Falló la negociación (el intercambio que establece el cifrado). Las causas habituales son un servidor que solo conoce versiones antiguas de cifrado (TLS 1.0 o 1.1, que los programas modernos rechazan), un servidor con el cifrado mal configurado o un programa de seguridad de este equipo que interfiere con las conexiones cifradas.
test-again-in-a-few-b2d0d9dc = Vuelve a probar dentro de unos minutos: algunos servidores tienen problemas de cifrado pasajeros.
send-the-transcript-to-your-6a58275d = Envía la transcripción a tu proveedor de correo y pregúntale si el servidor admite TLS 1.2 o posterior.
if-this-computer-runs-antivirus-bc7e4c13 = Si este equipo tiene un antivirus que analiza el correo, pausa su análisis del correo durante una prueba, o consulta al fabricante.
the-server-s-encryption-is-47c71bd6 = El cifrado del servidor no funciona ahora mismo
the-server-offers-starttls-the-a70908db = El servidor ofrece STARTTLS (la forma en que un servidor de correo pasa a una conexión cifrada), pero se negó a iniciarlo diciendo que el cifrado no está disponible: un problema del servidor, normalmente pasajero (no pudo cargar su certificado). Tu configuración es correcta.
if-it-lasts-tell-your-775241a7 = Si continúa, dile a tu proveedor de correo que el servidor responde a STARTTLS con "TLS not available" (la transcripción muestra las palabras exactas).
do-not-switch-encryption-off-f58feb01 = No desactives el cifrado para evitarlo: tu contraseña viajaría entonces por la red y cualquiera en el camino podría leerla.
the-mail-server-only-knows-f8184d45 = El servidor de correo solo conoce cifrado obsoleto (TLS 1.0 o 1.1)
the-server-offered-only-tls-91482b71 = El servidor solo ofreció TLS 1.0 o 1.1, versiones de cifrado de 1999 y 2006 que ya no son seguras. Esta prueba las rechaza, como todo programa actualizado, y los proveedores de correo y Microsoft las han desactivado. Puede que tu sitio web aún conecte hoy si su servidor Windows permite TLS 1.0, pero eso se acaba: hay que actualizar el servidor.
ask-your-mail-provider-or-b5203011 = Pide a tu proveedor de correo o empresa de hosting que active TLS 1.2 o posterior en el servidor de correo (cualquier software de servidor de los últimos diez años puede hacerlo).
or-send-through-a-provider-361887b5 = O envía a través de un proveedor cuyo servidor admita TLS 1.2: cambia `host` (y `port`) a su servidor.
until-then-do-not-switch-9755bfec = Mientras tanto, no desactives el cifrado para que funcione: la contraseña viajaría entonces por la red y cualquiera en el camino podría leerla.
once-the-web-server-s-9cd19b68 = Cuando el Windows del servidor web desactive TLS 1.0, el registro de errores de tu sitio web dirá "A call to SSPI failed, see inner exception." ("The client and server cannot communicate, because they do not possess a common algorithm"): se aplica la misma solución.
the-server-s-security-certificate-04fd7a4d = El certificado de seguridad del servidor es de otro nombre de servidor
a-certificate-the-server-s-dd0086e8 = Un certificado (la prueba de identidad del servidor) enumera los nombres para los que es válido, y el nombre de `host` no está entre ellos. Es habitual en el hosting compartido, donde el certificado lleva el nombre del servidor de la empresa de hosting en lugar de tu dominio.
change-host-to-a-name-ee8ec06c = Cambia `host` a un nombre para el que el certificado sea válido (tu panel de control del hosting suele mostrarlo como el nombre del servidor de correo).
if-the-name-must-stay-880e7635 = Si tienes que mantener el nombre, pide a tu empresa de hosting que lo añada al certificado.
the-server-s-security-certificate-354d75d4 = El certificado de seguridad del servidor no es de confianza
the-certificate-the-server-s-4ec64fb5 = El certificado (la prueba de identidad del servidor) no está avalado por ninguna autoridad en la que confíe este equipo. Puede que sea autofirmado (creado por el servidor para sí mismo), que el servidor omita el certificado intermedio que lo enlaza con una autoridad de confianza, o que un programa de seguridad de esta red lo esté sustituyendo.
ask-your-mail-provider-or-232ac121 = Pide a tu proveedor de correo o empresa de hosting que instale un certificado de una autoridad pública (por ejemplo Let's Encrypt), incluido su certificado intermedio.
if-the-server-belongs-to-8f76e621 = Si el servidor es de tu propia organización y usa una autoridad privada, da a la prueba el certificado de esa autoridad en "Archivo de CA adicional" en Opciones avanzadas (`--ca-file` en la línea de órdenes); el servidor en el que funciona tu sitio web también tiene que confiar en ella.
or-change-host-to-the-8c9dc251 = O cambia `host` al nombre de servidor que recomienda tu proveedor: normalmente tiene un certificado válido.
the-server-s-security-certificate-d63d22af = El certificado de seguridad del servidor ha caducado
a-certificate-the-server-s-572e2148 = Un certificado (la prueba de identidad del servidor) solo es válido durante un periodo determinado, y este está fuera de él. Los programas de correo, ASP.NET incluido, rechazan un servidor así para proteger tu contraseña.
tell-your-mail-provider-or-98ff1f18 = Dile a tu proveedor de correo o empresa de hosting que el certificado del servidor de correo ha caducado; solo ellos pueden renovarlo.
check-that-this-computer-s-216e1f80 = Comprueba que la fecha y la hora de este equipo son correctas: un reloj equivocado hace que certificados válidos parezcan caducados.
the-server-s-security-certificate-45756667 = El certificado de seguridad del servidor todavía no es válido
a-certificate-the-server-s-e8a30f57 = Un certificado (la prueba de identidad del servidor) solo es válido a partir de una fecha determinada, y según el reloj de este equipo esa fecha aún no ha llegado. Normalmente el reloj de este equipo está mal; con menos frecuencia, el servidor tiene un certificado con fecha futura.
check-that-this-computer-s-0e843109 = Comprueba que la fecha, la hora y la zona horaria de este equipo son correctas y vuelve a probar.
if-the-clock-is-right-8f493c61 = Si el reloj está bien, dile a tu proveedor de correo que el certificado del servidor de correo todavía no es válido.
the-server-wants-an-encrypted-fa383e8e = El servidor quiere una conexión cifrada o un inicio de sesión
asp-net-shows-this-message-0837b825 = ASP.NET muestra este mensaje para dos rechazos distintos: el servidor quiere cifrado con STARTTLS (la forma en que un servidor de correo pasa a una conexión cifrada), o quiere primero un inicio de sesión. Las propias palabras del servidor después de "The server response was:" dicen cuál.
set-enablessl-to-true-and-8c899e5c = Pon `enableSsl` en `true` y usa `port` `587`.
test-again-if-it-still-548726f4 = Vuelve a probar; si sigue fallando, la respuesta del servidor dice cuál de los dos falta.
your-website-and-the-mail-074c2270 = Tu sitio web y el servidor de correo no encontraron ninguna versión de cifrado que hablen los dos
the-remote-party-has-closed-5bd76f7e = "The remote party has closed the transport stream" y "do not possess a common algorithm" significan que la negociación del cifrado falló antes de enviar nada. Los servidores de correo ya solo aceptan TLS 1.2 o posterior, mientras que los sitios .NET Framework cuyo destino es 4.5.2 o anterior solo ofrecen TLS 1.0 de forma predeterminada: la causa habitual.
check-targetframework-in-web-config-52086986 = Revisa `targetFramework` en web.config (`<httpRuntime targetFramework="…" />`): si es 4.5.2 o inferior, escribe `<httpRuntime targetFramework="4.8" />` (.NET Framework 4.8 tiene que estar instalado en el servidor web; tu hosting puede decírtelo).
or-have-your-developer-add-de3780a8 = O pide a tu desarrollador que añada `ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;` donde arranca el sitio.
if-the-site-already-targets-957e6eff = Si el sitio ya tiene como destino 4.7 o posterior, haz la prueba aquí con la misma configuración: muestra si el propio servidor tiene un problema con el cifrado.

## src/discover/autoconfig.rs

the-file-names-no-outgoing-da3cda86 = el archivo no indica ningún servidor SMTP de salida
tls-set-up-failed-err-0e784387 = falló la configuración de TLS ({ $err })
could-not-set-up-the-7a58deaf = no se pudo preparar la descarga ({ $err })
the-web-server-answered-status-bb1a36ee = el servidor web respondió { $status }
the-file-is-far-too-8ea85755 = el archivo es demasiado grande para ser un archivo autoconfig
no-answer-in-time-132d9f04 = sin respuesta a tiempo
could-not-connect-87553579 = no se pudo conectar
the-download-failed-6b35b8c9 = falló la descarga
no-answer-in-time-cause-dd991151 = sin respuesta a tiempo: { $cause }
could-not-connect-cause-d51a1172 = no se pudo conectar: { $cause }
the-download-failed-cause-7b220fc2 = falló la descarga: { $cause }

## src/discover/mod.rs

this-computer-s-dns-settings-df57410c = la configuración DNS de este equipo
cancelled-before-a-usable-server-e60f4d58 = Se canceló antes de encontrar un servidor que se pueda usar.

## src/discover/model.rs

the-host-you-gave-b4172f6e = el servidor que indicaste
srv-record-submission-tcp-fd4f9e08 = registro SRV _submission._tcp
srv-record-submissions-tcp-6f770ec3 = registro SRV _submissions._tcp
provider-recognised-from-mx-6cfcf862 = proveedor reconocido por el MX
autoconfig-file-74e867c6 = archivo autoconfig
mx-record-7aaa82a5 = registro MX
usual-name-8ddec150 = nombre habitual
dns-settings-dc95a679 = configuración DNS
nothing-527dae8a = nada
open-d35ec4c9 = abierto
refused-60acd1e3 = rechazado
timed-out-9a0e1624 = sin respuesta
name-not-found-b063b887 = nombre no encontrado
unreachable-d89e21f1 = inaccesible
cancelled-845df81c = cancelado

## src/discover/probe.rs

host-has-no-address-detail-775916bb = { $host } no tiene dirección: { $detail }

## src/discover/rank.rs

internet-providers-and-cloud-hosts-c4d8c14d = Los proveedores de internet y de alojamiento en la nube a menudo bloquean el puerto 25 (y a veces el 465 y el 587) de salida. Esta comprobación se hizo desde este equipo: el servidor en el que funciona tu sitio web puede tener otros bloqueos, así que si el sitio web sigue sin poder conectarse, pregunta a su hosting si bloquea los puertos de correo salientes.
found-through-the-source-c322eaae = Encontrado mediante: { $source }.
host-answers-but-its-certificate-58712b2f = { $host } responde, pero su certificado es de { $name }, así que la conexión segura fallaría. Usa { $name } como servidor (ejecuta `mailtester probe --host { $name }` para comprobarlo).
the-only-secure-server-found-5b1b0033 = El único servidor seguro encontrado usa SSL al conectar (puerto 465), que System.Net.Mail de ASP.NET no puede usar. Pide a tu proveedor de correo un servidor con STARTTLS en el puerto 587, o usa un servicio de envío de correo.
no-server-answered-on-any-1152159c = Ningún servidor respondió en ningún puerto desde este equipo. Revisa la dirección o prueba desde otra red: puede que esta bloquee los puertos de correo salientes.
no-server-offered-an-encrypted-3a856083 = Ningún servidor ofreció una conexión cifrada con un inicio de sesión que tu sitio web pueda usar. Pregunta a tu proveedor de correo qué servidor de salida (SMTP), puerto y seguridad debes usar.
this-name-does-not-exist-3844c68d = Este nombre no existe en el DNS.
not-finished-cancelled-052fcd59 = Sin terminar: cancelado.
port-port-refused-the-connection-78196336 = El puerto { $port } rechazó la conexión: ahí nada acepta correo.
no-answer-on-port-port-f2d9fb6a = Sin respuesta en el puerto { $port }: está bloqueado en el camino o el servidor lo ignora.
could-not-reach-port-port-e626ab15 = No se pudo llegar al puerto { $port } desde este equipo.
port-port-accepts-connections-but-c44f4dbc = El puerto { $port } acepta conexiones, pero nunca saluda como un servidor de correo.
port-port-wants-ssl-on-08854b61 = El puerto { $port } quiere SSL al conectar, algo que ASP.NET (System.Net.Mail) no sabe hacer; no lo uses nunca en web.config.
unencrypted-enablessl-false-this-server-4741a147 = Sin cifrar (enableSsl="false"): este servidor ofrece STARTTLS, así que deja SSL activado.
unencrypted-with-no-sign-in-dd28ec6f = Sin cifrar y sin inicio de sesión: solo aceptaría correo aquí un relay que conozca la dirección de tu servidor.
unencrypted-the-password-would-cross-99107547 = Sin cifrar: la contraseña viajaría por la red y cualquiera en el camino podría leerla; usa STARTTLS en su lugar.
no-certificate-6f3ef809 = sin certificado
certificate-trusted-9c31dd2b = certificado de confianza
the-certificate-is-for-name-3c436d2f = el certificado es de { $name }, no de { $host }: usa { $name } como servidor
the-certificate-is-not-for-5c16eb77 = el certificado no es de { $host }
the-certificate-has-expired-a80ab172 = el certificado ha caducado
the-certificate-is-not-from-dace93b1 = el certificado no es de una autoridad de confianza
the-certificate-is-not-valid-fd6b02ae = el certificado no es válido
what-accepted-because-invalid-certificat-654eb2c8 = { $what } (aceptado porque se permiten certificados no válidos)

## src/discover/reasons.rs

ssl-on-connect-on-port-8381ea47 = SSL al conectar en el puerto { $port } falló: { $problem }
starttls-on-port-port-failed-b828dcbf = STARTTLS en el puerto { $port } falló: { $problem }
ssl-on-connect-on-port-6006be8e = SSL al conectar en el puerto { $port } funciona, pero { $what }.
starttls-on-port-port-works-0c771c86 = STARTTLS en el puerto { $port } funciona, pero { $what }.
ssl-on-connect-on-port-60ce1025 = SSL al conectar en el puerto { $port } funciona ({ $certificate }), pero no se ofrece inicio de sesión: solo aceptaría correo un relay que conozca la dirección de tu servidor.
starttls-on-port-port-works-f984c06d = STARTTLS en el puerto { $port } funciona ({ $certificate }), pero no se ofrece inicio de sesión: solo aceptaría correo un relay que conozca la dirección de tu servidor.
ssl-on-connect-on-port-90b0d615 = SSL al conectar en el puerto { $port } funciona, pero solo inicia sesión con { $offered }, y ASP.NET inicia sesión con LOGIN.
starttls-on-port-port-works-d8016efd = STARTTLS en el puerto { $port } funciona, pero solo inicia sesión con { $offered }, y ASP.NET inicia sesión con LOGIN.
ssl-on-connect-on-port-93cce076 = SSL al conectar en el puerto { $port } con inicio de sesión ({ $offered }) después del cifrado, { $certificate }.
starttls-on-port-port-with-70b23d3e = STARTTLS en el puerto { $port } con inicio de sesión ({ $offered }) después del cifrado, { $certificate }.

## src/discover/request.rs

given-is-not-an-email-aba196ff = "{ $given }" no es una dirección de correo ni un nombre de servidor que podamos buscar; indica uno como --email tu@example.com o --host mail.example.com
could-not-use-the-certificate-48b99cc8 = no se pudo usar el archivo de certificado ({ $detail }); indica un archivo PEM o DER (.cer) con --ca-file: { $path }

## src/discover/run.rs

built-in-roots-418ee249 = (raíces integradas)
autoconfig-for-domain-b5ed5741 = autoconfig de { $domain }
no-answer-from-dns-in-36c18acb = el DNS no respondió a tiempo
no-address-690ce026 = sin dirección

## src/discover/sources.rs

the-mx-hosts-against-the-97badb2f = los servidores MX comparados con la tabla de proveedores
no-known-provider-runs-these-45681bfb = ningún proveedor conocido gestiona estos servidores MX
the-usual-names-for-domain-e2a756b7 = los nombres habituales de { $domain }
no-such-record-f2abe916 = no existe ese registro

## src/dns.rs

could-not-read-this-computer-ef192af0 = no se pudo leer la configuración DNS de este equipo ({ $detail }); indica un servidor DNS con --dns-server, por ejemplo --dns-server 1.1.1.1:53
could-not-set-up-dns-dc830dd9 = no se pudieron preparar las consultas DNS ({ $detail }); revisa --dns-server
could-not-read-all-of-2aebf030 = no se pudo leer toda la configuración DNS de este equipo ({ $error }); se usan los servidores DNS públicos { $servers }. Indica otro con el ajuste de servidor DNS (--dns-server).
could-not-read-all-of-8d6abebb = no se pudo leer toda la configuración DNS de este equipo ({ $error }); se usan sus otros servidores DNS ({ $servers }). Indica otro con el ajuste de servidor DNS (--dns-server).
text-is-not-an-ip-3e862c8c = "{ $text }" no es una dirección IP con un puerto opcional, como 1.1.1.1:53

## src/event.rs

resolve-host-96e6a1b3 = resolver el nombre del servidor
connect-aae0ccf9 = conexión
tls-handshake-8af0d15f = negociación TLS
greeting-d4edbfb6 = saludo
sign-in-auth-c6f2a51c = inicio de sesión (AUTH)
connect-db89a899 = Conectar
secure-connection-03f2ee68 = Conexión segura
sign-in-744be623 = Iniciar sesión
send-message-d97db31c = Enviar mensaje
t-1-ms-94c7ac32 = <1 ms
ms-ms-f79070b7 = { $ms } ms

## src/files.rs

it-is-not-a-regular-f71db6cc = no es un archivo normal

## src/fleet/iis.rs

line-line-column-column-problem-e86e7c22 = línea { $line }, columna { $column }: { $problem }
line-line-column-column-23009a9d = línea { $line }, columna { $column }
the-file-could-not-be-08983729 = no se pudo leer el archivo
iis-s-list-of-sites-26e20999 = no se pudo leer la lista de sitios de IIS: { $err }
iis-site-name-its-folder-f50c08fe = Sitio de IIS "{ $name }": su carpeta menciona { $variable }, que aquí no está definida
iis-site-name-its-folder-8d62d056 = Sitio de IIS "{ $name }": su carpeta es una ruta de Windows, que aquí no se puede abrir; haz el análisis en el propio servidor Windows
iis-site-name-its-folder-d89eb25d = Sitio de IIS "{ $name }": su carpeta no existe

## src/fleet/judge.rs

the-server-answered-as-this-ad49dbb9 = El servidor respondió como este sitio necesita; no se encontró nada que impida su correo.
this-website-s-mail-program-1a7b3381 = el programa de correo de este sitio web
port-465-expects-ssl-on-af8f9883 = El puerto 465 espera SSL al conectar, algo que ASP.NET no sabe hacer: esperará un saludo que nunca llega
nothing-in-the-files-stops-d06c6341 = Nada en los archivos lo impide; no se contactó con el servidor (--offline).

## src/fleet/model.rs

the-mail-settings-are-encrypted-a053936c = la configuración de correo está cifrada (aspnet_regiis -pe); descífrala en el servidor para comprobarla
the-file-could-not-be-695620a2 = no se pudo leer el archivo como { $what }: { $detail }
the-file-could-not-be-576c03c8 = no se pudo abrir el archivo: { $arg0 }
the-file-is-0-bytes-1ce04a19 = el archivo ocupa { $arg0 } bytes, demasiado para un archivo de configuración; se omitió
the-file-holds-binary-data-062499d0 = el archivo contiene datos binarios, no texto; se omitió

## src/fleet/read/appsettings.rs

the-mail-section-s-port-af08395b = el puerto de la sección de correo no es un número entero
securesocketoptions-is-not-one-of-8884005f = SecureSocketOptions no es ninguno de None, Auto, SslOnConnect, StartTls, StartTlsWhenAvailable (ni de 0 a 4)
the-mail-section-s-ssl-6926e20b = el interruptor de SSL de la sección de correo no es true ni false
the-file-ends-inside-a-4c672aa5 = el archivo termina dentro de un valor (falta cerrar un corchete o unas comillas)
this-is-not-valid-json-d2ad7323 = esto no es JSON válido (¿falta una coma, unas comillas o un corchete?)
line-line-a-comment-starts-d2dcdf02 = línea { $line }: aquí empieza un comentario /* que nunca se cierra

## src/fleet/read/dotenv.rs

mail-scheme-must-be-smtp-12aa34e8 = MAIL_SCHEME tiene que ser smtp o smtps: Laravel rechaza cualquier otro valor y no envía correo (para SSL al conectar escribe smtps, o usa el puerto 465)
mail-port-is-not-a-878b9e36 = MAIL_PORT no es un número entero
mailer-dsn-is-empty-in-0c586ff2 = MAILER_DSN está vacío en este archivo .env: el servidor de correo que se usa está definido en .env.local (o .env.prod.local) o en el entorno del servidor
key-in-the-env-file-46fc61eb = { $key } del archivo .env toma su valor de otra variable que el archivo no define: viene del entorno del servidor (la configuración del servidor web o de PHP); compruébalo ahí
key-in-the-env-file-bbcf231a = { $key } del archivo .env toma su valor de { $variable }, que el archivo no define: viene del entorno del servidor (la configuración del servidor web o de PHP); compruébalo ahí
line-line-not-a-name-c3f707ea = línea { $line }: no es una línea NOMBRE=valor (revisa las comillas; un valor con espacios necesita comillas)

## src/fleet/read/dotenv_dsn.rs

key-names-several-mail-servers-49d562aa = { $key } indica varios servidores de correo (failover o roundrobin): comprueba cada uno por separado
key-is-not-a-mail-c141a1af = { $key } no es una dirección de servidor de correo que Symfony Mailer acepte (no tiene un esquema como smtp://); la forma es smtp://usuario:contraseña@host:puerto
key-is-not-a-mail-597b5d63 = { $key } no es una dirección de servidor de correo que Symfony Mailer acepte (no indica ningún host); la forma es smtp://usuario:contraseña@host:puerto
key-is-not-a-mail-959f07e4 = { $key } no es una dirección de servidor de correo que Symfony Mailer acepte (su puerto no es un número entero); la forma es smtp://usuario:contraseña@host:puerto

## src/fleet/read/webconfig.rs

the-mail-settings-are-kept-ac312744 = la configuración de correo está en "{ $source }" (configSource), que no existe
the-mail-settings-are-kept-34535e3f = la configuración de correo está en "{ $source }" (configSource), que no indica ningún archivo; tiene que indicar un archivo junto al web.config o en una carpeta por debajo
the-mail-settings-are-kept-27850fc0 = la configuración de correo está en "{ $source }" (configSource), una ruta absoluta, que no se lee; tiene que indicar un archivo junto al web.config o en una carpeta por debajo
the-mail-settings-are-kept-ca9f69a5 = la configuración de correo está en "{ $source }" (configSource), que está fuera de la carpeta del sitio; tiene que indicar un archivo junto al web.config o en una carpeta por debajo
the-mail-settings-are-kept-31a5b4e0 = la configuración de correo está en "{ $source }" (configSource), que lleva fuera de la carpeta del sitio (un enlace simbólico); tiene que indicar un archivo junto al web.config o en una carpeta por debajo
the-xml-could-not-be-1fb3dcda = no se pudo leer el XML
in-file-configsource-line-line-0c6d9a6f = en "{ $file }" (configSource), línea { $line }, columna { $column }: { $problem }
the-mail-settings-are-kept-09fd0bbe = la configuración de correo está en "{ $file }" (configSource), que empieza por <{ $root }> en lugar de <smtp>
the-first-element-is-root-6db531d1 = el primer elemento es <{ $root }>, no <configuration>
in-file-configsource-the-mail-d449392a = en "{ $file }" (configSource), no se pudo leer la configuración de correo
the-mail-settings-could-not-4480c8b3 = no se pudo leer la configuración de correo
this-web-config-inherits-mail-b55d376d = este web.config hereda la configuración de correo del web.config de una carpeta superior, que no se pudo leer ({ $err }): { $path }
attribute-value-is-not-true-5069d63f = { $attribute }="{ $value }" no es true ni false, así que ASP.NET se detiene con un error de configuración
deliverymethod-value-is-not-network-a12fa162 = deliveryMethod="{ $value }" no es Network, SpecifiedPickupDirectory ni PickupDirectoryFromIis, así que ASP.NET se detiene con un error de configuración
port-value-is-not-a-25b8c42f = port="{ $value }" no es un número entero, así que ASP.NET se detiene con un error de configuración

## src/fleet/read/wordpress.rs

line-line-problem-02d07e14 = línea { $line }: { $problem }
wp-mail-smtp-s-constants-786694b4 = Las constantes de WP Mail SMTP están activadas, pero WPMS_MAILER no está definido en wp-config.php: el método de envío que usa WP Mail SMTP es el guardado en la base de datos de WordPress (WP Mail SMTP > Settings en la administración del sitio), que esta comprobación no lee
wp-mail-smtp-s-constants-7a02d053 = Las constantes de WP Mail SMTP están activadas, pero WPMS_SMTP_HOST no está definido en wp-config.php: el servidor de correo que se usa es el guardado en la base de datos de WordPress (WP Mail SMTP > Settings en la administración del sitio), que esta comprobación no lee
name-is-defined-more-than-59afc853 = { $name } está definido más de una vez en wp-config.php con valores distintos (líneas { $line } y { $other }); cuál se aplica depende de condiciones del archivo: compruébalo en el servidor
name-in-wp-config-php-b9b0d0ae = { $name } en wp-config.php (línea { $line }) se calcula con código PHP, no está escrito como un valor simple; mira qué valor da en el servidor para comprobar este sitio
wp-mail-smtp-s-constants-6628db44 = Las constantes de WP Mail SMTP están desactivadas (WPMS_ON no es true) (WPMS_ON no está definido): la configuración que se usa está en la base de datos de WordPress (WP Mail SMTP > Settings en la administración del sitio), que esta comprobación no lee
wp-mail-smtp-s-constants-34b65098 = Las constantes de WP Mail SMTP están desactivadas (WPMS_ON no es true): la configuración que se usa está en la base de datos de WordPress (WP Mail SMTP > Settings en la administración del sitio), que esta comprobación no lee
wp-mail-smtp-s-constants-0e156393 = Las constantes de WP Mail SMTP están desactivadas (WPMS_ON no es true): WPMS_ON tiene que ser el valor PHP true, escrito sin comillas: la configuración que se usa está en la base de datos de WordPress (WP Mail SMTP > Settings en la administración del sitio), que esta comprobación no lee

## src/fleet/read/wordpress_lexer.rs

a-quoted-string-starts-here-8301b510 = aquí empieza una cadena entre comillas que ocupa varias líneas; el archivo termina dentro de una cadena, así que probablemente falta unas comillas aquí
a-quoted-string-starts-here-f2be9f2f = aquí empieza una cadena entre comillas que nunca se cierra
a-heredoc-string-starts-here-9a40e56f = aquí empieza una cadena heredoc que nunca se cierra

## src/fleet/read/wordpress_php.rs

a-constant-s-definition-here-aa6ad48d = la definición de una constante que empieza aquí nunca se cierra

## src/fleet/report.rs

sites-broken-broken-at-risk-8ae33c1d = { $sites }: { $broken } con fallos, { $at_risk } en riesgo, { $unknown } sin determinar, { $ok } bien; { $servers }, sin contactar (--offline)
sites-broken-broken-at-risk-5ceb8ca8 = { $sites }: { $broken } con fallos, { $at_risk } en riesgo, { $unknown } sin determinar, { $ok } bien; { $servers }, cada uno contactado una vez

## src/fleet/scan.rs

not-trusted-problem-a72ac742 = no es de confianza: { $problem }

## src/fleet/walk/load.rs

the-tester-failed-while-reading-45d644d4 = el programa falló al leerlo (un error del programa; por favor, infórmanos)
permission-denied-this-account-may-6fd3f362 = permiso denegado: esta cuenta no puede leerlo; haz el análisis con un usuario que pueda (un administrador o root)
it-is-not-there-or-26791bda = no existe (o es un enlace simbólico a algo que no existe)

## src/fleet/walk.rs

a-symbolic-link-loop-it-3f5ee203 = un bucle de enlaces simbólicos: lleva de vuelta a una carpeta superior, así que no se entró en ella: { $folder }
the-folder-to-scan-could-71e8ff6b = no se pudo leer la carpeta que hay que analizar: { $reason }
it-could-not-be-read-e776a2b9 = no se pudo leer: { $reason }
could-not-be-read-err-a4a50f9d = no se pudo leer: { $err }

## src/gui/app.rs

saved-to-path-81572862 = Guardado en { $path }

## src/gui/app_data.rs

run-a-successful-test-first-a67cdc58 = Antes haz una prueba que salga bien: en web.config solo se escribe una configuración que funciona.
path-already-has-these-settings-e3ba752a = { $path } ya tiene esta configuración: no hay nada que cambiar.
web-config-updated-the-old-7f855d8e = web.config actualizado. El archivo anterior se conserva como { $backup }.
web-config-already-had-these-7b4733bb = web.config ya tenía esta configuración: no se escribió nada.
password-filled-in-from-the-f2da34c8 = Contraseña rellenada desde el llavero del sistema.

## src/gui/arrive.rs

will-it-arrive-06141c0a = ¿Llegará?
checking-the-dns-of-domain-b7ccbc42 = Comprobando el DNS de { $domain }…
your-server-took-the-message-5ccd8281 = Tu servidor aceptó el mensaje. Que los buzones de tus clientes lo acepten depende de lo que { $domain } publica en el DNS (SPF, DKIM y DMARC): Gmail, Outlook.com y otros lo comprueban en cada mensaje.
check-my-domain-abc31f65 = Comprobar mi dominio
name-0fe07306 = Nombre
type-d155d06d = Tipo
copy-value-8902f3e5 = Copiar valor
dns-record-803b41a1 = Registro DNS

## src/gui/certificate_view.rs

valid-for-this-server-from-355e575b = Válido para este servidor y emitido por una autoridad en la que confía este equipo.
no-authority-this-computer-trusts-9bf7a28b = No lo avala ninguna autoridad en la que confíe este equipo (autofirmado o de una autoridad privada): tu sitio web lo rechazará.
expired-or-not-valid-yet-5b17fef0 = Caducado (o todavía no válido): tu sitio web lo rechazará.
issued-for-other-names-than-7a13a5e6 = Emitido para otros nombres distintos de este servidor: tu sitio web lo rechazará.
issued-for-other-names-than-d98c0689 = Emitido para otros nombres distintos de este servidor: usa { $name } como servidor.
not-acceptable-your-website-will-e8804bfb = No es aceptable: tu sitio web lo rechazará.
refused-problem-25d0d4f8 = Rechazado: { $problem }
accepted-only-because-you-allowed-a802d3e1 = Aceptado solo porque permitiste certificados no válidos; tu sitio web lo rechazará: { $problem }
certificate-of-server-1a556eea = Certificado de { $server }
issued-for-6714067b = Emitido para
subject-a07924ef = Sujeto
issued-by-32d73b71 = Emitido por
valid-from-5c4db35f = Válido desde
valid-until-ae5379d5 = Válido hasta
key-cd1ac90c = Clave
it-signs-itself-self-signed-ffdfbb41 = Se firma a sí mismo (autofirmado).
close-cd86acc3 = Cerrar
the-server-showed-a-certificate-fc7f0c41 = El servidor mostró un certificado:
certificate-164f4d6c = Certificado…

## src/gui/clipboard.rs

the-clipboard-holds-no-text-0e51ef9b = El portapapeles no contiene texto. Selecciona el mensaje de error, cópialo (Ctrl+C) y pulsa Pegar y explicar otra vez.
could-not-read-the-clipboard-55ca3f2e = No se pudo leer el portapapeles ({ $error }). Haz clic en el cuadro y pulsa Ctrl+V.
could-not-read-the-clipboard-d8d75827 = No se pudo leer el portapapeles ({ $error }).

## src/gui/countdown.rs

ways-out-663fc101 = Soluciones posibles
switch-to-azure-communication-services-5028f1c1 = Cambiar a Azure Communication Services…
fills-in-the-server-port-52b97455 = Rellena el servidor, el puerto y SSL; después escribe su nombre de usuario SMTP y el secreto de cliente de la aplicación, y prueba
test-oauth-sign-in-instead-6121b8ed = Probar el inicio de sesión OAuth…
switches-sign-in-to-microsoft-21e22962 = Cambia el inicio de sesión a Microsoft 365 (OAuth); escribe el tenant, el id. de cliente y el secreto de la aplicación, y prueba

## src/gui/data.rs

background-work-failed-err-6348a5e0 = Falló el trabajo en segundo plano: { $err }
saved-the-profile-name-without-7601dd12 = Perfil "{ $name }" guardado (sin la contraseña).
renamed-old-to-new-81c2e66b = "{ $old }" renombrado a "{ $new }".
deleted-the-profile-name-02cadbdf = Perfil "{ $name }" eliminado.
password-saved-in-the-system-caf1d26b = Contraseña guardada en el llavero del sistema.
password-removed-from-the-system-bf5241d1 = Contraseña eliminada del llavero del sistema.
the-system-keyring-had-no-79911590 = El llavero del sistema no tenía ninguna contraseña para esta configuración.
error-in-path-fb673a64 = { $error } (en { $path })

## src/gui/data_ui.rs

profile-cd17328e = Perfil
not-saved-0cbbe4ae = (sin guardar)
no-saved-profiles-yet-8e93c7bf = Todavía no hay perfiles guardados
save-profile-2155f443 = Guardar perfil…
keep-these-settings-under-a-6f00abd5 = Guarda esta configuración con un nombre (nunca la contraseña)
rename-8628af0d = Renombrar…
delete-5797ea6a = Eliminar
delete-this-profile-the-saved-9a91cae8 = Elimina este perfil (la contraseña guardada se queda en el llavero)
save-these-settings-as-a-baa6424a = Guardar esta configuración como perfil
rename-the-profile-108df4fd = Renombrar el perfil
profile-name-4a62f0b1 = Nombre del perfil
the-password-is-never-saved-847cc3d3 = La contraseña nunca se guarda en un perfil.
cancel-35afca3b = Cancelar
what-we-found-in-your-30b437af = Lo que encontramos en tu web.config
read-the-mail-settings-from-f888cdc5 = Carga en el formulario la configuración de correo de { $file }.
nothing-looks-wrong-in-the-d8199839 = No se ve nada mal en la configuración de correo.
message-line-line-fdb1cbdf = { $message } (línea { $line })
how-to-fix-it-fix-2f1add2f = Cómo corregirlo: { $fix }
update-web-config-f17b814a = Actualizar web.config
these-changes-will-be-written-d79bed29 = Estos cambios se escribirán en { $path }:
removed-414d3fcc = (eliminado)
show-the-exact-lines-diff-28e9792f = Mostrar las líneas exactas (diff)
a-copy-of-the-current-628d2468 = Antes se guarda una copia del archivo actual junto a él, y no cambia nada más en el archivo.
write-the-changes-d520b72a = Escribir los cambios

## src/gui/explain.rs

explain-an-error-message-cfdd1096 = Explicar un mensaje de error
paste-the-error-your-website-a6f28df8 = Pega el error que registró tu sitio web (o la respuesta del servidor de correo):
paste-and-explain-221ad80a = Pegar y explicar
puts-what-you-copied-ctrl-188d8686 = Pone en el cuadro lo que copiaste (Ctrl+C) y lo explica
explain-99127ffc = Explicar
nothing-is-sent-anywhere-a2469521 = No se envía nada a ningún sitio.

## src/gui/find.rs

find-my-settings-784a8e8d = Buscar mi configuración
servers-tried-1c7ebb43 = Servidores probados
your-website-s-email-address-5928f99d = La dirección de correo de tu sitio web (o el nombre de tu servidor de correo):
find-3e1cd17a = Buscar
stop-4b7f7705 = Detener
tried-tried-trying-under-way-9d062519 = probados: { $tried }, en curso: { $trying }
we-look-up-where-your-a611819d = Buscamos adónde va el correo de tu dominio y llamamos a la puerta de cada servidor: no se envía ningún correo y ninguna contraseña sale de este equipo.
stopped-before-every-server-answered-7abb5aa7 = Se detuvo antes de que respondieran todos los servidores: abajo está lo encontrado hasta ahora.
no-server-answered-in-a-cacb09fc = Ningún servidor respondió de una forma que tu sitio web pueda usar.
found-settings-your-website-can-a1d43a43 = Encontramos una configuración que tu sitio web puede usar
server-host-2b5c3c37 = Servidor (host)
port-e2c53cc6 = Puerto
use-ssl-enablessl-8787f948 = Usar SSL (enableSsl)
use-these-settings-bdf41e24 = Usar esta configuración
host-port-port-security-08e4532b = { $host }   puerto { $port }   { $security }
host-port-port-254b241f = { $host }   puerto { $port }
trying-bbcf4a72 = probando…
use-ba1c5c94 = Usar
find-my-settings-d1ed1573 = Buscar mi configuración…
don-t-know-your-server-e5f6d9ac = ¿No sabes tu servidor, tu puerto o si usar SSL? Búscalos a partir de tu dirección de correo.

## src/gui/find_handle.rs

filled-in-server-host-port-6e89d92b = Rellenado: servidor { $host }, puerto { $port }, Usar SSL activado. Añade tu nombre de usuario y tu contraseña, y pulsa Enviar correo de prueba.
filled-in-server-host-port-c99c513f = Rellenado: servidor { $host }, puerto { $port }, Usar SSL desactivado. Añade tu nombre de usuario y tu contraseña, y pulsa Enviar correo de prueba.

## src/gui/find_sources.rs

can-this-computer-reach-host-7cb31d90 = ¿Puede este equipo llegar a { $host }?
where-we-looked-count-c83eaeb4 = Dónde buscamos ({ $count })

## src/gui/fleet.rs

save-the-csv-file-1dc67daf = Guardar el archivo CSV
save-the-html-page-c594c9af = Guardar la página HTML
csv-file-8ff668ab = Archivo CSV
html-page-671c72fb = Página HTML
could-not-save-the-csv-e61ea1e5 = No se pudo guardar el archivo CSV ({ $error }). Elige una carpeta en la que puedas escribir: { $path }
could-not-save-the-html-7566ece5 = No se pudo guardar la página HTML ({ $error }). Elige una carpeta en la que puedas escribir: { $path }
the-csv-file-could-not-2a54ae9b = No se pudo generar el archivo CSV ({ $error }).
the-html-page-could-not-78e2bfa9 = No se pudo generar la página HTML ({ $error }).
no-mail-server-to-contact-39076711 = Ningún servidor de correo con el que contactar
check-a-folder-of-sites-5d3e10c1 = Comprobar una carpeta de sitios
folder-with-the-sites-5c26d71c = Carpeta con los sitios
c-inetpub-vhosts-or-var-d1e18405 = C:\inetpub\vhosts  o  /var/www
choose-folder-6d5da010 = Elegir carpeta…
check-592c8de7 = Comprobar
also-contact-the-mail-servers-b5893b4c = Contactar también con los servidores de correo
each-server-once-its-greeting-9b299859 = Cada servidor una vez: su saludo, EHLO y STARTTLS. Sin inicio de sesión ni correo. Desactivado: se juzga solo por los archivos.
use-the-passwords-from-the-b045ac63 = Usar las contraseñas de los archivos
open-in-the-tester-also-84b1a791 = "Abrir para probar" también rellena la contraseña desde el archivo del sitio. Se queda en memoria y nunca se guarda.
reads-every-web-config-wp-d0337aab = Lee todos los web.config, wp-config.php, .env y appsettings.json que hay dentro de la carpeta. No se cambia nada, no se envía ningún correo y las contraseñas nunca salen de este equipo.

## src/gui/fleet_handle.rs

no-folder-chosen-if-no-b4701bc1 = No se eligió ninguna carpeta. Si no apareció ninguna ventana de carpetas, escribe o pega la ruta de la carpeta en el cuadro.
this-site-does-not-sign-cae72903 = Este sitio no inicia sesión. Pulsa Enviar correo de prueba.
the-password-from-its-file-297f8f04 = Se rellenó la contraseña de su archivo (solo se guarda en memoria). Pulsa Enviar correo de prueba.
type-its-password-then-press-12e6e920 = Escribe su contraseña y pulsa Enviar correo de prueba.
filled-in-the-settings-of-672072f8 = Se rellenó la configuración de { $site }.
choose-the-folder-that-holds-61e3f817 = Elige la carpeta que contiene los sitios

## src/gui/fleet_result.rs

stopped-before-the-end-sites-67c19f7b = Se detuvo antes del final: los sitios cuyo servidor aún no había respondido aparecen como Sin determinar.
no-site-with-mail-settings-b7ae3397 = No se encontró ningún sitio con configuración de correo dentro de esta carpeta. Revisa la ruta o elige la carpeta que contiene las carpetas de los sitios.
could-not-look-at-1-1b13a133 = No se pudo revisar 1 ruta
could-not-look-at-n-196912a3 = No se pudieron revisar { $n } rutas
show-a7e50a92 = Mostrar:
sites-broken-broken-at-risk-c4acd5f6 = { $sites }: { $broken } con fallos, { $at_risk } en riesgo, { $unknown } sin determinar, { $ok } bien.
servers-not-contacted-judged-from-378e4d23 = Servidores sin contactar: juzgados solo por los archivos.
t-1-mail-server-contacted-adfd49ef = 1 servidor de correo contactado.
n-mail-servers-contacted-69c9f42f = { $n } servidores de correo contactados.
t-1-file-read-in-seconds-1095aef9 = 1 archivo leído en { $seconds } s.
n-files-read-in-seconds-a93bf25f = { $n } archivos leídos en { $seconds } s.
export-csv-83c354ed = Exportar CSV…
export-html-e3ab8eb8 = Exportar HTML…
without-passwords-b3ac77a1 = Sin contraseñas.
no-file-chosen-if-no-f03e4b59 = No se eligió ningún archivo. Si no apareció ninguna ventana de archivos, escribe dónde guardarlo:
save-4d2d5d68 = Guardar

## src/gui/fleet_rows.rs

no-site-with-the-ticked-a04a9538 = Ningún sitio con los veredictos marcados.
hide-this-server-s-sites-15babccc = Ocultar los sitios de este servidor
show-this-server-s-sites-bb62a985 = Mostrar los sitios de este servidor
these-files-name-no-mail-83f851d8 = Estos archivos no indican ningún servidor de correo con el que contactar, o no se pudieron leer.
not-contacted-judged-from-the-f2af1eaf = Sin contactar: juzgado solo por los archivos.
problem-problem-42bcd519 = Problema: { $problem }
answered-in-ms-ms-726e94b1 = Respondió en { $ms } ms
starttls-offered-923d1843 = STARTTLS ofrecido
starttls-not-offered-c3ff6afa = STARTTLS no ofrecido
after-methods-26067741 = después: { $methods }
open-in-the-tester-11edc94a = Abrir para probar
put-this-site-s-settings-8cf673b6 = Pone la configuración de este sitio en el formulario para probarla paso a paso

## src/gui/fleet_words.rs

broken-65c915c0 = Con fallos
at-risk-f7adc8fb = En riesgo
unknown-cc200e59 = Sin determinar
n-broken-979d3c8c = { $n } con fallos
n-at-risk-c43a32df = { $n } en riesgo
n-unknown-ceec02e5 = { $n } sin determinar
n-ok-035d2d5b = { $n } bien
looking-for-sites-in-the-c98fc7bb = Buscando sitios en la carpeta…
found-sites-judging-them-from-d4d88c3c = Encontrados: { $sites }; juzgándolos por los archivos…
found-sites-using-servers-contacted-7bd3cb69 = Encontrados: { $sites }, que usan { $servers }; contactados { $contacted } de { $total }
n-sites-7e66b213 = { $n } sitios
t-1-server-9bf9c617 = 1 servidor
n-servers-410e23c7 = { $n } servidores

## src/gui/form.rs

server-6d7302f2 = Servidor
user-name-5a6db215 = Nombre de usuario
usually-your-full-email-address-9d5ecf0a = normalmente tu dirección de correo completa
from-18743595 = Remitente
send-the-test-to-5a257c61 = Enviar la prueba a
the-from-address-25355395 = (la dirección del remitente)
advanced-60f3de7b = Opciones avanzadas
provider-35a888dc = Proveedor
other-my-host-7c71a048 = Otro / mi hosting
user-name-hint-0a0e0850 = Nombre de usuario: { $hint }
a-website-using-asp-net-d19fb58d = Un sitio web que use ASP.NET (System.Net.Mail) no puede iniciar sesión en este proveedor.
show-29742e5c = Mostrar
remember-in-the-system-keyring-308bc6da = Recordar en el llavero del sistema
after-a-test-signs-in-236d02df = Cuando una prueba inicia sesión, la contraseña se guarda en el llavero del sistema (nunca en un archivo) y se rellena cuando vuelves a esta configuración.
forget-6e3fab8c = Olvidar
remove-the-saved-password-for-859341c3 = Elimina la contraseña guardada para este usuario, servidor y puerto
use-ssl-9cb78972 = Usar SSL
in-code-smtpclient-enablessl-71b94a47 = en el código: SmtpClient.EnableSsl
encrypts-the-connection-with-starttls-e1630b78 = Cifra la conexión con STARTTLS. ASP.NET 2.0–3.5 no tiene enableSsl en web.config: el código del sitio lo activa con smtpClient.EnableSsl = true.
use-starttls-e899f629 = Usar STARTTLS
encrypts-the-connection-with-starttls-54a9c52e = Cifra la conexión con STARTTLS, como hace "SecureSocketOptions": "StartTls" en appsettings.json. Casi todos los proveedores lo necesitan en el puerto 587.
encrypts-the-connection-with-starttls-0497ed8d = Cifra la conexión con STARTTLS, como hace enableSsl="true" en web.config. Casi todos los proveedores lo necesitan en el puerto 587.
encrypts-the-connection-starttls-or-77dd1ba1 = Cifra la conexión (STARTTLS, o SSL al conectar en el puerto 465). Casi todos los proveedores lo necesitan.
stop-the-test-esc-7ef17032 = Detener la prueba (Esc)
testing-19d1cb65 = Probando…
send-test-email-1fb39495 = Enviar correo de prueba
sends-one-test-message-enter-66775012 = Envía un mensaje de prueba (Intro)
or-press-enter-ca33bfe9 = o pulsa Intro
fix-the-fields-marked-in-8a0ea9d4 = Corrige los campos marcados en rojo para enviar una prueba.
fill-in-the-server-the-e74fa0bd = Rellena el servidor, el puerto y la dirección del remitente para enviar una prueba.

## src/gui/form_advanced.rs

ehlo-name-2ccdfef0 = Nombre EHLO
this-computer-s-name-f22607df = el nombre de este equipo
sign-in-service-8784367b = Servicio de inicio de sesión
the-provider-s-own-72f43ac3 = el del propio proveedor
only-for-testing-against-another-a761009c = Solo para probar con otro servidor OAuth: https, o http en este equipo
connection-security-dd84debd = Seguridad de la conexión
automatic-from-use-ssl-3ad3100c = Automática (según Usar SSL)
ssl-on-connect-port-465-676e96b5 = SSL al conectar (puerto 465)
no-encryption-f2785503 = Sin cifrado
timeouts-seconds-fcbede65 = Tiempos de espera (segundos)
connect-timeout-083bac06 = Espera de conexión
greeting-timeout-0def4115 = Espera del saludo
reply-timeout-c36384e8 = Espera de respuesta
reply-29931627 = respuesta
whole-test-timeout-e3df8c9b = Espera de la prueba completa
whole-test-66553338 = prueba completa
final-reply-timeout-33be1638 = Espera de la respuesta final
final-reply-b01ca957 = respuesta final
accept-an-invalid-certificate-3339b9cc = Aceptar un certificado no válido
unsafe-an-impostor-could-read-7ecf6263 = Inseguro: un impostor podría leer tu contraseña. Tu sitio web seguirá rechazando este certificado.
extra-ca-file-c5e1ea27 = Archivo de CA adicional
optional-pem-file-09b22b1b = archivo .pem opcional
browse-23b63f91 = Examinar…
dns-server-68b7a757 = Servidor DNS
this-computer-s-or-e-9f499886 = el de este equipo (o p. ej. 1.1.1.1)
used-by-find-my-settings-50a0518d = Lo usan Buscar mi configuración, ¿Llegará? y Comprobar mi buzón
target-platform-b913a5b3 = Plataforma de destino
other-program-php-node-python-371befb6 = Otro programa (PHP, Node, Python…)
asp-net-version-aeb36436 = Versión de ASP.NET

## src/gui/form_rows.rs

called-attribute-in-web-config-fcc6f275 = Se llama { $attribute } en web.config

## src/gui/form_state.rs

microsoft-365-oauth-7101a859 = Microsoft 365 (OAuth)
google-oauth-53d0542c = Google (OAuth)
access-token-7e4e0506 = Token de acceso
enter-the-port-usually-587-bc12b1b6 = Escribe el puerto, normalmente 587.
port-text-is-not-a-7e466956 = "{ $port_text }" no es un número de puerto. Usa solo cifras, normalmente 587.
enter-the-app-s-application-1e01288a = Escribe el Application (client) ID de la aplicación, de la página Overview de su App registration.
enter-the-directory-tenant-id-db565192 = Escribe el Directory (tenant) ID, o el dominio de tu organización (tuempresa.onmicrosoft.com).
enter-the-app-s-client-b18ff566 = Escribe el secreto de cliente de la aplicación (su Value, no su Secret ID).

## src/gui/handle.rs

enter-the-user-name-server-1e12f529 = Escribe el nombre de usuario, el servidor y el puerto cuya contraseña guardada quieres eliminar.
the-test-cannot-start-yet-e05fd57a = La prueba aún no puede empezar: { $problem }
no-file-chosen-if-no-fae46c0e = No se eligió ningún archivo. Si no apareció ninguna ventana de archivos, escribe la ruta del archivo en el campo Archivo de CA adicional.
copied-the-transcript-to-the-f9f520d2 = Transcripción copiada al portapapeles.
copied-the-dns-record-to-c9d04e48 = Registro DNS copiado al portapapeles.
copied-the-name-snippet-to-e9fe6390 = Fragmento de { $name } copiado al portapapeles.
copied-the-what-to-the-02208dc6 = Copiado al portapapeles: { $what }.

## src/gui/inbox.rs

did-it-land-c25f3a39 = ¿Ha llegado?
sign-in-to-the-mailbox-e5e08cf2 = Inicia sesión en el buzón al que fue la prueba ({ $to }) para ver si el mensaje está en la bandeja de entrada o en spam. Solo leemos; no se mueve ni se borra nada.
looking-for-the-message-up-e3335603 = Buscando el mensaje (hasta un minuto)…
check-my-inbox-again-5e2da85f = Volver a comprobar mi buzón
check-my-inbox-85ac2677 = Comprobar mi buzón
mailbox-imap-e60bf73b = Buzón (IMAP)
imaps-user-server-or-imap-e956f350 = imaps://USUARIO@SERVIDOR, o imap:// para STARTTLS en el puerto 143; añade :PUERTO si no es el habitual
same-as-the-password-above-5b43a90a = La misma que la contraseña de arriba
used-for-this-check-only-ca6be08e = Solo se usa para esta comprobación; se guarda en el llavero del sistema tras un inicio de sesión correcto si está marcado "Recordar en el llavero del sistema"
what-server-checked-e1e33d21 = Lo que comprobó { $server }:
the-receiving-server-recorded-no-338af020 = El servidor de destino no anotó ninguna comprobación en el mensaje.

## src/gui/intro.rs

what-happens-when-you-send-1198026e = Qué pasa cuando envías una prueba
the-test-does-what-your-1f59bc92 = La prueba hace lo mismo que tu sitio web cuando envía un correo, paso a paso, y muestra cada paso mientras ocurre:
one-short-test-email-to-f92d9996 = un breve correo de prueba a la dirección de "Enviar la prueba a" (o del remitente).
one-short-test-email-to-eca5f997 = un breve correo de prueba a { $recipient }.
we-reach-your-mail-server-495a0766 = llegamos a tu servidor de correo, como hace tu sitio web.
we-switch-the-connection-to-305163c3 = pasamos la conexión a cifrada, cuando está marcado Usar SSL.
with-your-user-name-and-9eb23e32 = con tu nombre de usuario y tu contraseña.
with-a-token-from-microsoft-b5cb4671 = con un token de Microsoft o Google (OAuth), nunca por una conexión sin cifrar.
if-a-step-fails-you-ed66c46a = Si un paso falla, verás cuál, qué significa en palabras sencillas y qué cambiar. No se cambia nada en tu sitio web.
your-password-stays-yours-4243e865 = Tu contraseña sigue siendo tuya
it-goes-to-your-mail-9ee48a16 = Va a tu servidor de correo y a ningún otro sitio, y solo por una conexión cifrada: si fuera a viajar sin cifrar, la prueba se detiene y te pregunta antes.
it-is-never-put-in-43308fa9 = Nunca se incluye en un perfil, en la transcripción ni en el informe para soporte. Marca "Recordar en el llavero del sistema" para guardarla en el almacén de contraseñas de tu propio equipo, nunca en un archivo.

## src/gui/oauth.rs

enter-the-mailbox-user-name-18b33d9d = Escribe primero el buzón (Nombre de usuario) y el id. de cliente de la aplicación, y después inicia sesión.
signed-in-as-mailbox-e71eccdc = Sesión iniciada como { $mailbox }.
the-sign-in-is-kept-4337c0cd = El inicio de sesión se guarda en el llavero del sistema.
signed-out-40c28a5d = Sesión cerrada.
the-test-was-stopped-while-f10aa733 = la prueba se detuvo mientras se obtenía el token

## src/gui/oauth_rows.rs

sign-in-7367eeb8 = Inicio de sesión
how-the-test-signs-in-3e344752 = Cómo inicia sesión la prueba: con la contraseña o con OAuth (un token de Microsoft o Google)
oauth-signing-in-through-microsoft-cb19300f = OAuth: iniciar sesión en la propia página de Microsoft o de Google en lugar de con una contraseña. El web.config de ASP.NET no puede hacerlo; MailKit y la mayoría de bibliotecas de correo de PHP y Node.js sí pueden.
paste-the-token-0ce3b5de = pega el token
client-secret-d28dcb8a = Secreto de cliente
the-desktop-app-s-secret-2dfdf483 = el secreto de la aplicación de escritorio
sign-in-with-google-682701c4 = Iniciar sesión con Google…
who-signs-in-4247d24c = Quién inicia sesión
the-website-as-an-app-02a2655f = El sitio web, como aplicación
the-app-signs-in-as-5b39e6e4 = La aplicación inicia sesión en su propio nombre con su secreto de cliente (SMTP.SendAsApp)
a-person-in-the-browser-714d0c01 = Una persona, en el navegador
someone-signs-in-as-the-e07eb4a6 = Alguien inicia sesión como el buzón una vez; el inicio de sesión se guarda en tu llavero
sign-in-with-microsoft-64994ec3 = Iniciar sesión con Microsoft…
its-value-not-its-id-06bfd85c = su Value, no su ID
tenant-426f68c5 = Tenant
yourcompany-onmicrosoft-com-or-directory-91ce24c8 = tuempresa.onmicrosoft.com o Directory ID
organizations-any-work-account-c56c7646 = organizations (cualquier cuenta profesional)
app-registrations-your-app-overview-0348d3e0 = App registrations → tu aplicación → Overview → Directory (tenant) ID
client-id-96a12137 = Id. de cliente
application-client-id-f1d13592 = Application (client) ID
app-registrations-your-app-overview-72eda20e = App registrations → tu aplicación → Overview → Application (client) ID
used-for-this-test-only-3fbe0f5f = Solo se usa para esta prueba: nunca se guarda ni se muestra en la transcripción
finish-signing-in-with-your-f04afc59 = Termina de iniciar sesión en tu navegador…
sign-out-8b4f3c70 = Cerrar sesión
opens-the-provider-s-sign-6717a1f1 = Abre en tu navegador la página de inicio de sesión del proveedor; inicia sesión como el buzón de Nombre de usuario
the-sign-in-did-not-63711b82 = El inicio de sesión no funcionó: { $error }
the-token-is-renewed-at-78ac8950 = el token se renueva en la próxima prueba
the-token-is-valid-for-973c5181 = el token es válido durante { $minutes } min más
signed-in-as-who-138f6f7e = Sesión iniciada como { $who }

## src/gui/preferences.rs

system-8f3184bc = Sistema
language-9a73db9b = Idioma
follow-system-becc0e51 = Según el sistema
light-8ad2f8cf = Claro
dark-45570065 = Oscuro
theme-4eaf7c92 = Tema

## src/gui/renderer.rs

the-window-could-not-open-cb7ad439 = no se pudo abrir la ventana: los gráficos de este equipo no pudieron dibujarla ({ $reasons }).
on-a-remote-desktop-or-321b265b = En un escritorio remoto o una máquina virtual, suele ayudar instalar su controlador de pantalla

## src/gui/result.rs

the-server-s-exact-words-c34e0823 = Las palabras exactas del servidor
support-code-code-a1b3e83c = Código para soporte: { $code }
what-to-do-cf2e345d = Qué hacer
the-fix-changes-bc2b32f8 = La corrección cambia:
apply-fix-and-test-again-6eea585b = Corregir y volver a probar
makes-this-change-in-the-38287995 = Hace este cambio en el formulario y vuelve a enviar la prueba
send-it-unencrypted-this-once-010cab38 = Enviarla sin cifrar solo esta vez
anyone-on-the-way-can-1fda01f6 = Cualquiera en el camino puede leer la contraseña. Solo para un servidor de tu propia red privada.
certificate-details-5e455906 = Detalles del certificado
valid-for-629b6506 = Válido para

## src/gui/snippet_view.rs

paste-this-into-your-web-7c7e7459 = Pega esto en tu web.config
settings-for-program-60627db5 = Configuración para { $program }
the-password-is-left-out-447f0e55 = La contraseña no se incluye salvo que marques Incluir contraseña: dondequiera que la pegues, se guarda como texto legible.
note-warning-5dd61067 = Nota: { $warning }
copy-658f3664 = Copiar
save-as-03e14184 = Guardar como…
update-my-web-config-d9b68a3c = Actualizar mi web.config…
writes-these-settings-into-your-5f324df6 = Escribe esta configuración en tu web.config: antes muestra los cambios y guarda una copia de seguridad
include-password-7b82b9b8 = Incluir contraseña

## src/gui/success.rs

only-mail-to-this-server-aecb3830 = Solo funciona el correo a las direcciones propias de este servidor
your-settings-work-8bc6b24c = Tu configuración funciona
we-sent-a-test-email-5656f31c = Enviamos un correo de prueba a { $recipient }. Comprueba que ha llegado (mira también en la carpeta de spam).
connected-to-host-on-port-a1c6e5aa = Conectado a { $host } en el puerto { $port }
encrypted-with-version-0a72dfef = Cifrado con { $version }
not-encrypted-anyone-on-the-d3a630f0 = Sin cifrar: cualquiera en el camino podría leer el correo
signed-in-as-user-05784a15 = Sesión iniciada como { $user }
sent-without-signing-in-the-33fb939c = Enviado sin iniciar sesión: el servidor no ofreció inicio de sesión
sent-without-signing-in-no-a843905d = Enviado sin iniciar sesión (sin nombre de usuario)
accepted-for-delivery-to-recipient-9abb98b5 = Aceptado para entregar a { $recipient }
warning-the-server-s-certificate-e72f89a1 = Advertencia: el certificado del servidor no es válido ({ $problem }). Solo funcionó porque permitiste certificados no válidos; tu sitio web comprueba los certificados y fallará.
warning-message-f4254d6c = Advertencia: { $message }
copy-the-block-below-into-dea0f3b9 = Copia el bloque de abajo en el web.config de tu sitio web, en lugar de su bloque <mailSettings>, o pulsa "Actualizar mi web.config…" para que se haga por ti: verás cada cambio antes y se guarda una copia de seguridad.
copy-the-settings-below-into-e486c11e = Copia la configuración de abajo en la configuración { $format } de tu sitio.
next-step-ab2acdfa = Siguiente paso
message-id-of-the-test-711a564c = Message-ID del correo de prueba
support-can-find-the-message-e18fff96 = Con este ID, el soporte puede encontrar el mensaje en el registro del servidor

## src/gui/transcript.rs

what-the-server-said-638c3d94 = Lo que dijo el servidor
hide-the-server-s-replies-2f842b13 = Ocultar las respuestas del servidor
show-every-line-we-sent-62404205 = Mostrar cada línea que enviamos y lo que respondió el servidor
nothing-yet-739865dc = nada todavía
t-1-line-99481766 = 1 línea
n-lines-bb656540 = { $n } líneas
copy-transcript-d97cf946 = Copiar transcripción
save-transcript-a1c4eb5a = Guardar transcripción…
export-report-ce65b191 = Exportar informe…
everything-support-needs-settings-withou-94ba8f25 = Todo lo que necesita el soporte (la configuración sin la contraseña, los pasos, esta transcripción, el diagnóstico) en un solo archivo
report-in-english-18ddea6e = Informe en inglés
write-the-exported-report-in-e4a59e7d = Escribe el informe exportado en inglés, para un servicio de soporte que lee inglés
we-sent-2e66b91d = enviamos
the-server-answered-039e870e = el servidor respondió
encrypted-3e8df1b3 = cifrado
passwords-are-always-hidden-2bfd5e9e = Las contraseñas siempre se ocultan.

## src/gui/widgets.rs

passed-513cb799 = superado
failed-e0accfb4 = fallido
not-started-8652f4af = sin empezar
stopped-6ee2f34e = detenido

## src/gui/window.rs

testing-each-step-appears-above-5613518e = Probando… cada paso aparece arriba mientras ocurre. Esc detiene la prueba.
no-file-chosen-if-no-67413e16 = No se eligió ningún archivo. Si no apareció ninguna ventana de archivos, escribe la ruta del archivo:
open-538b10e9 = Abrir
check-your-website-s-email-f8812c32 = Comprueba la configuración de correo de tu sitio web
open-web-config-870dc6bb = Abrir web.config…
read-the-mail-settings-from-9d389da1 = Lee la configuración de correo del web.config de tu sitio web y la comprueba
explain-an-error-message-f540b236 = Explicar un mensaje de error…
paste-an-error-your-website-7a5917ae = Pega un error que registró tu sitio web y mira qué significa
check-a-folder-of-sites-5325d3c7 = Comprobar una carpeta de sitios…
for-hosting-support-check-the-059107c7 = Para el soporte de hosting: comprueba la configuración de correo de todos los sitios de una carpeta

## src/gui/worker.rs

could-not-read-the-certificate-e1c222cf = No se pudo leer el archivo de autoridad de certificación { $path }: { $error }
choose-a-certificate-authority-file-3507bf9e = Elige un archivo de autoridad de certificación (PEM o DER .cer)
certificates-b88e4cd9 = Certificados
choose-your-website-s-web-fed75ade = Elige el web.config de tu sitio web
could-not-save-path-error-2fc229b5 = No se pudo guardar { $path }: { $error }

## src/inbox/address.rs

address-is-not-a-mailbox-a8a2d761 = "{ $address }" no es una dirección de buzón.
address-is-not-an-imap-87f3b3a9 = "{ $address }" no es una dirección IMAP ({ $scheme }:// no es imap:// ni imaps://).
address-names-no-user-6dbe8a93 = "{ $address }" no indica ningún usuario.
the-user-name-in-address-e96b48c9 = el nombre de usuario de "{ $address }" no es texto válido
write-it-as-imaps-you-314853c0 = Escríbela como imaps://tu@example.com@mail.example.com (o imap:// para STARTTLS en el puerto 143), con :PUERTO al final si no es el habitual.
port-is-not-a-port-50e1e439 = "{ $port }" no es un número de puerto en "{ $address }".
host-is-not-a-server-acc5f8a4 = "{ $host }" no es un nombre de servidor en "{ $address }".

## src/inbox/auth_results.rs

your-domain-d4d84782 = tu dominio
spf-passed-domain-allows-the-f0dc7d76 = SPF superado: { $domain } permite el servidor a través del que envías.
spf-failed-domain-s-spf-9e04f3b1 = SPF fallido: el registro SPF de { $domain } no incluye el servidor a través del que envías. Añádelo al registro (mira "¿Llegará?").
spf-gave-no-answer-domain-a747cf7d = SPF sin respuesta: { $domain } no tiene ningún registro SPF que cubra este servidor.
dkim-passed-the-message-carries-353f6e76 = DKIM superado: el mensaje lleva una firma válida de { $by }.
dkim-the-message-was-not-0e73bd88 = DKIM: el mensaje no estaba firmado. Pide a tu proveedor de correo que firme el correo de tu dominio (mira "¿Llegará?").
dkim-failed-the-signature-did-9a245af3 = DKIM fallido: la firma no coincidía. Puede que la clave publicada en el DNS sea incorrecta o antigua, o que el mensaje se modificara por el camino.
dmarc-passed-spf-or-dkim-bdd3a284 = DMARC superado: SPF o DKIM avalan { $domain }, el dominio de la dirección del remitente.
dmarc-failed-neither-spf-nor-83c62bd1 = DMARC fallido: ni SPF ni DKIM avalan { $domain }, el dominio de la dirección del remitente. Los servidores de destino estrictos rechazan ese correo o lo mandan a spam.
dmarc-domain-publishes-no-dmarc-cb1108db = DMARC: { $domain } no publica ninguna política DMARC.

## src/inbox/connect.rs

the-server-s-address-eb391f39 = la dirección del servidor
the-name-could-not-be-715c1245 = no se encontró el nombre: { $err }
the-name-has-no-address-0b96332a = el nombre no tiene dirección
the-connection-0a94c3e4 = la conexión
no-answer-1b68d598 = sin respuesta
the-extra-certificate-authority-why-6ee7e4ae = la autoridad de certificación adicional: { $why }
the-secure-connection-f2e42ff7 = la conexión segura
the-server-s-certificate-is-d5b84a6b = se rechaza el certificado del servidor: { $problem }
its-greeting-d101260c = su saludo
it-said-line-26370539 = dijo { $line }
the-answer-to-starttls-1c42645c = la respuesta a STARTTLS

## src/inbox/dkim_verify.rs

we-could-not-read-the-8bff80f5 = No pudimos leer el mensaje recibido, así que no comprobamos su firma DKIM.
domain-selector-selector-259d61a2 = { $domain } (selector { $selector })
an-unreadable-signer-c03eb599 = un firmante ilegible
signature-of-who-valid-and-317faecf = Firma de { $who }: válida, y es tu dominio.
signature-of-who-valid-but-6e9cadc2 = Firma de { $who }: válida, pero no es el dominio de tu remitente, así que no cuenta para DMARC.
signature-of-who-not-valid-4fd1744c = Firma de { $who }: no válida ({ $why }).
the-message-carries-no-dkim-6afdb83b = El mensaje no lleva firma DKIM: solo SPF avala que viene de { $from_domain }. Pide a tu proveedor de correo que firme el correo de tu dominio.
we-checked-the-dkim-signature-960b59a9 = Comprobamos nosotros mismos la firma DKIM: es válida y está hecha para { $from_domain }.
we-checked-the-dkim-signature-5e3c1afb = Comprobamos nosotros mismos la firma DKIM: es válida, pero está hecha para un dominio distinto de { $from_domain }, así que DMARC no la cuenta. Pide a tu proveedor de correo que firme con tu propio dominio.
we-checked-the-dkim-signature-c981209c = Comprobamos nosotros mismos la firma DKIM: no es válida. Puede que falte la clave publicada en el DNS, que sea incorrecta o antigua, o que el mensaje se modificara después de firmarlo.

## src/inbox/look.rs

the-sign-in-08ff0207 = el inicio de sesión
the-goodbye-1beab177 = la despedida
the-folder-list-485d2008 = la lista de carpetas
a-search-9f153ff8 = una búsqueda
the-message-46d7a413 = el mensaje

## src/inbox/recorder.rs

the-server-sent-more-than-3d108539 = el servidor envió más de { $mib } MiB

## src/inbox/request.rs

there-is-no-message-to-946f0846 = no hay ningún mensaje que buscar: primero envía un mensaje de prueba
no-password-for-the-mailbox-ab7ec000 = no hay contraseña para el buzón { $mailbox }: indícala (es la contraseña que usas para leer ese correo) o guárdala en el llavero
could-not-reach-the-mailbox-597a7a79 = no se pudo llegar al servidor del buzón { $server } ({ $detail }). Revisa el nombre del servidor y el puerto: para leer correo por IMAP se suele usar el puerto 993 (imaps://)
the-mailbox-server-server-did-3e98494f = el servidor del buzón { $server } no respondió a tiempo ({ $what }). Revisa el puerto: IMAP es 993 (imaps://) o 143 (imap://)
server-did-not-greet-like-b39a23e0 = { $server } no saludó como un servidor de buzón (IMAP); dijo "{ $said }". Revisa el puerto: IMAP es 993 (imaps://) o 143 (imap://)
server-does-not-offer-encryption-8e8159fd = { $server } no ofrece cifrado (STARTTLS), y nunca enviamos una contraseña de buzón sin cifrar. Usa imaps:// (puerto 993)
the-secure-connection-to-the-e384af7d = falló la conexión segura con el servidor del buzón { $server }: { $detail }. Revisa el nombre del servidor: tiene que ser el nombre que figura en el certificado del servidor
the-mailbox-server-refused-the-13077228 = el servidor del buzón rechazó el inicio de sesión de { $user } (dijo: { $said }). Revisa el nombre de usuario y la contraseña del buzón; Gmail, Outlook.com y Yahoo necesitan una contraseña de aplicación para IMAP
the-mailbox-server-server-broke-eb86759c = el servidor del buzón { $server } cortó la conversación ({ $detail }); vuelve a intentarlo
the-inbox-check-was-stopped-cd7a71c8 = se detuvo la comprobación del buzón

## src/inbox/summary.rs

folders-searched-folders-1c7d04a2 = Carpetas revisadas: { $folders }
the-receiving-server-s-own-20faa33e = Las comprobaciones del propio servidor de destino ({ $server }):
the-receiving-server-added-no-6d611c08 = El servidor de destino no añadió ningún encabezado Authentication-Results.
the-mailbox-imap-exchange-the-f338cc52 = El intercambio con el buzón (IMAP); la contraseña aparece como `<redacted>`:

## src/inbox/texts.rs

secs-s-4a22e02a = { $secs } s
min-min-secs-s-f096bf18 = { $min } min { $secs } s
arrived-in-the-inbox-after-8bc39958 = Llegó a la bandeja de entrada al cabo de { $after }
arrived-but-in-the-spam-1de42805 = Llegó, pero a la carpeta de spam "{ $folder }" (al cabo de { $after })
arrived-in-the-folder-folder-35e97e8b = Llegó a la carpeta "{ $folder }" (al cabo de { $after })
not-in-the-mailbox-after-71030de0 = No está en el buzón al cabo de { $waited }
the-test-message-is-in-6dbcd158 = El mensaje de prueba está en la bandeja de entrada de { $mailbox }: el correo de tu sitio web llega a este buzón.
the-test-message-is-in-3dae80e1 = El mensaje de prueba está en la bandeja de entrada de { $mailbox }, pero en el servidor de destino falló { $failed }, así que los proveedores más estrictos pueden mandar tu correo a spam o rechazarlo. Corrige lo que indica "¿Llegará?".
the-receiving-server-took-the-bc6c3316 = El servidor de destino aceptó el mensaje, pero lo clasificó como spam, así que probablemente tus clientes no lo verían. Un mensaje de prueba con poco texto puede parecer spam por sí solo; si las comprobaciones del remitente salen bien ("¿Llegará?"), vuelve a probar con un mensaje real.
the-receiving-server-took-the-4fbfd2f0 = El servidor de destino aceptó el mensaje, pero lo clasificó como spam, así que probablemente tus clientes no lo verían. En el servidor de destino falló { $failed }; corrige lo que indica "¿Llegará?".
the-message-arrived-but-a-52287da8 = El mensaje llegó, pero una regla o la clasificación del proveedor lo puso fuera de la bandeja de entrada de { $mailbox }. Revisa los filtros de ese buzón.
the-server-accepted-the-message-f14a3b33 = El servidor aceptó el mensaje, pero todavía no está en ninguna carpeta de { $mailbox }. Puede que aún esté de camino (algunos proveedores retienen unos minutos el correo de remitentes nuevos), o que el servidor de destino lo descartara, que es lo que pasa con el correo que no supera DMARC. Corrige lo que indica "¿Llegará?" y vuelve a mirar más tarde.

## src/main.rs

could-not-start-the-async-ae605e37 = no se pudo iniciar el entorno de ejecución asíncrono: { $error }. Vuelve a abrir el programa; si sigue fallando, reinicia el equipo.
the-command-line-still-works-88e1eb57 = La línea de órdenes sigue funcionando: ejecuta `mailtester --help` en una terminal.
mail-settings-tester-stopped-because-7bd107e2 =
    Mail Settings Tester se detuvo por un error en el programa:
    
    { $info }
    
    Por favor, infórmalo. Tu configuración y tu web.config no se han modificado.

## src/oauth/browser.rs

could-not-start-program-err-c926f9f2 = no se pudo iniciar { $program }: { $err }
could-not-open-the-browser-8f2eb5ab = no se pudo abrir el navegador: { $err }

## src/oauth/delegated/loopback.rs

signed-in-96a90eb4 = Sesión iniciada
you-are-signed-in-8474ca05 = Has iniciado sesión
go-back-to-mail-settings-e45459c9 = Vuelve a Mail Settings Tester; puedes cerrar esta pestaña.
not-signed-in-207a7281 = Sin sesión iniciada
the-sign-in-did-not-a5001dd2 = El inicio de sesión no terminó
go-back-to-mail-settings-a9487dbc = Vuelve a Mail Settings Tester para ver por qué.
this-computer-7d16e2ca = este equipo
no-local-port-for-the-8c4615f3 = no hay ningún puerto local para la respuesta: { $err }
the-browser-1438c45c = el navegador
nobody-finished-signing-in-within-20659f29 = nadie terminó de iniciar sesión en { $minutes } min
the-sign-in-service-abe06b84 = el servicio de inicio de sesión

## src/oauth/delegated.rs

it-is-not-a-web-fec0fdd4 = no es una dirección web
google-s-device-sign-in-69660ca8 = El inicio de sesión de dispositivos de Google no cubre Gmail; inicia sesión con el navegador
the-sign-in-was-cancelled-64875541 = se canceló el inicio de sesión
it-is-not-a-token-0b50914d = no es un token ({ $err }; empieza así: { $start })

## src/oauth/http.rs

could-not-set-up-the-aaf86338 = no se pudo preparar la petición ({ $err })
the-sign-in-service-sent-89d2de25 = el servicio de inicio de sesión envió la petición a otro sitio (una redirección); revisa la dirección de inicio de sesión
the-answer-is-far-too-e9884875 = la respuesta es demasiado larga
the-request-failed-4ffdf862 = falló la petición
the-request-failed-cause-1236b7f3 = falló la petición: { $cause }

## src/oauth/obtain.rs

nobody-has-signed-in-to-37587b50 = nadie ha iniciado sesión todavía en { $provider } para este buzón

## src/oauth/stored.rs

the-keyring-call-stopped-8c77a1a6 = la llamada al llavero se detuvo

## src/oauth/token.rs

the-sign-in-address-url-8e70f991 = no se puede usar la dirección de inicio de sesión { $url }: { $reason }
the-sign-in-service-said-aca24dc5 = el servicio de inicio de sesión dijo que no ({ $status }): { $error }: { $description }
could-not-reach-the-sign-81f7b750 = no se pudo llegar al servicio de inicio de sesión en { $url }: { $detail }
the-sign-in-service-s-4e88083d = la respuesta del servicio de inicio de sesión ({ $status }) no es un token: { $detail }
it-is-not-encrypted-http-70ccccea = no está cifrada (http); usa https (http sin cifrar solo es para los servidores de prueba de este mismo equipo)
it-must-start-with-https-5c0a06da = tiene que empezar por https://
the-tenant-must-be-a-6ffd19f8 = el tenant tiene que ser un Directory (tenant) ID o un dominio
it-sends-the-request-elsewhere-b0c05c70 = envía la petición a otro sitio (una redirección); revisa la dirección de inicio de sesión
no-answer-within-secs-s-1f175672 = sin respuesta en { $secs } s
it-is-not-json-it-d2533db5 = no es JSON (empieza así: { $start })
it-holds-no-access-token-87ff2e3b = no contiene ningún access_token

## src/profiles/error.rs

name-cannot-be-a-profile-1c2058f8 = "{ $name }" no puede ser un nombre de perfil: { $reason }. Usa de 1 a 64 caracteres, sin / ni \.
there-is-no-profile-named-96654469 = No hay ningún perfil llamado "{ $name }".
a-profile-named-name-already-d0bba1c2 = Ya existe un perfil llamado "{ $name }"; elimínalo primero o elige otro nombre.
the-profiles-file-could-not-ece19bdb = No se pudo leer el archivo de perfiles ({ $reason }). Se apartó para que no se pierda nada, y los perfiles empiezan vacíos. Para recuperarlos, corrige el archivo apartado y cámbiale el nombre a { $path }. Se movió a: { $moved_to }
the-profiles-file-was-written-0aaf22c6 = El archivo de perfiles lo escribió una versión más reciente de Mail Settings Tester (formato { $version }), así que se dejó sin cambios. Actualiza el programa para usar estos perfiles. Archivo: { $path }
could-not-find-a-folder-07b751fa = No se encontró ninguna carpeta para la configuración en este equipo. Define MAILTESTER_CONFIG_DIR con una carpeta para guardar ahí los perfiles.
could-not-write-these-settings-3df3fd97 = No se pudo escribir esta configuración en el archivo de perfiles: { $arg0 }
could-not-read-the-profiles-c7de2c87 = No se pudo leer el archivo de perfiles ({ $source }). Archivo: { $path }
could-not-write-the-profiles-1ce1bb90 = No se pudo escribir el archivo de perfiles ({ $source }). Archivo: { $path }
could-not-create-the-folder-4efa6b11 = No se pudo crear la carpeta del archivo de perfiles ({ $source }). Archivo: { $path }
could-not-move-the-damaged-be405c05 = No se pudo apartar el archivo de perfiles dañado ({ $source }). Archivo: { $path }

## src/profiles/file.rs

it-is-not-utf-8-85ed6edc = no es texto UTF-8
it-is-not-a-regular-be41867a = no es un archivo normal (es una carpeta, una tubería con nombre o un dispositivo); elimínalo o define MAILTESTER_CONFIG_DIR con otra carpeta
it-is-size-bytes-more-56c17071 = ocupa { $size } bytes, más de los { $limit } que puede ocupar un archivo de perfiles; muévelo a otro sitio
message-on-line-line-acff43e5 = { $message }, en la línea { $line }

## src/profiles/name.rs

it-is-empty-08105609 = está vacío
it-is-longer-than-limit-6c17a8c5 = tiene más de { $limit } caracteres
it-contains-or-e7d2f6a5 = contiene / o \
it-contains-a-control-character-5c5ebcc6 = contiene un carácter de control (como un tabulador o un salto de línea)
it-starts-or-ends-with-a95ee32d = empieza o termina con un espacio
it-is-or-bede7ef9 = es . o ..

## src/providers/data/google_microsoft.rs

google-admin-console-apps-google-7b12704d = Google Admin console → Apps → Google Workspace → Gmail → Authenticate email
microsoft-defender-portal-email-authenti-242e8ce3 = Microsoft Defender portal → Email authentication settings → DKIM → tu dominio
your-full-gmail-or-google-de2da620 = tu dirección completa de Gmail o Google Workspace
gmail-needs-an-app-password-1aed7515 = Gmail necesita una contraseña de aplicación: activa la verificación en dos pasos y crea una en myaccount.google.com/apppasswords (la página de Seguridad ya no enlaza a ella); úsala como contraseña. Google dejó de aceptar la contraseña normal de los programas de correo en mayo de 2022 para las cuentas personales y en septiembre de 2024 para las cuentas de Google Workspace.
gmail-needs-an-app-password-eeb1384d = Gmail necesita una contraseña de aplicación: activa la verificación en dos pasos en tu cuenta de Google, abre myaccount.google.com/apppasswords (la página de Seguridad ya no enlaza a ella), crea una contraseña de aplicación y pega sus 16 letras en `password` sin espacios. Usa tu dirección de Gmail completa como `userName`.
gmail-sends-only-from-your-3412ea1e = Gmail solo envía desde tu propia dirección o desde una dirección añadida en Settings → Accounts → "Send mail as" (Configuración → Cuentas → "Enviar como"): pon en `from` una de ellas.
a-google-workspace-address-or-b5610000 = una dirección de Google Workspace, o nada si el relay permite la dirección IP de tu servidor
for-google-workspace-only-your-d5440b81 = Solo para Google Workspace. Tu administrador activa el servicio SMTP relay (Admin console → Apps → Google Workspace → Gmail → Routing) y permite la dirección IP de tu servidor web (entonces deja vacíos el nombre de usuario y la contraseña) o la autenticación SMTP (entonces usa una dirección de Workspace y su contraseña de aplicación).
the-google-workspace-smtp-relay-a2c2fb4c = El SMTP relay de Google Workspace tiene que activarlo tu administrador de Workspace (Admin console → Apps → Google Workspace → Gmail → Routing → SMTP relay service). Si exige autenticación SMTP, usa una dirección de Workspace como `userName` y una contraseña de aplicación creada en myaccount.google.com/apppasswords como `password`; si en cambio permite la dirección IP de tu servidor, deja ambos vacíos.
the-google-workspace-smtp-relay-499576b2 = El SMTP relay de Google Workspace solo envía desde las direcciones que tu administrador permitió en su configuración (normalmente las de tus dominios de Workspace): pon en `from` una de ellas.
the-relay-lets-in-only-6d18d14f = El relay solo deja pasar las direcciones IP o el inicio de sesión que tu administrador permitió en la configuración del servicio SMTP relay, así que una prueba desde otro equipo falla salvo que inicie sesión. Pon también en `clientDomain` el nombre de dominio de tu sitio web: Google puede rechazar un simple nombre de equipo como `localhost`.
your-full-microsoft-365-email-7d9ec067 = tu dirección de correo completa de Microsoft 365
your-admin-must-switch-on-373c5280 = Tu administrador tiene que activar "Authenticated SMTP" (SMTP AUTH) para la organización y para este buzón; está desactivado de forma predeterminada en las organizaciones creadas después de enero de 2020, y los valores predeterminados de seguridad de Microsoft Entra lo bloquean. Microsoft lo desactivará de forma predeterminada en las organizaciones existentes a finales de diciembre de 2026 (los administradores aún podrán volver a activarlo) y anunciará la fecha de retirada definitiva en el segundo semestre de 2027. ASP.NET no sabe hacer el inicio de sesión OAuth que lo sustituye: planifica un SMTP relay (conector), High Volume Email, Azure Communication Services o MailKit con OAuth.
microsoft-365-use-the-mailbox-2818490c = Microsoft 365: usa la dirección completa del buzón como `userName`. El inicio de sesión de los programas de correo ("Authenticated SMTP") tiene que estar permitido para este buzón: tu administrador lo activa en el centro de administración de Microsoft 365, en Users → Active users → Mail → Manage email apps. Los valores predeterminados de seguridad de Microsoft Entra (las protecciones de inicio de sesión estándar de Microsoft) lo bloquean para toda la organización, diga lo que diga ese interruptor.
microsoft-365-sends-only-as-8f158b7a = Microsoft 365 solo envía como el buzón con sesión iniciada, salvo que tu administrador conceda el permiso "Send As" (Enviar como): pon en `from` la dirección de `userName`.
or-if-password-sign-in-b9a28d6a = O, si el inicio de sesión con contraseña sigue desactivado, pide a tu administrador de Microsoft 365 una de estas alternativas (el emisor de correo de tu sitio web, System.Net.Mail, no sabe usar OAuth, el inicio de sesión que Microsoft 365 mantiene para los programas de correo):
an-smtp-relay-your-admin-9f556ed6 = Un SMTP relay: tu administrador crea un conector para la dirección IP fija del servidor web; después pon en `host` el servidor MX de tu dominio (termina en `mail.protection.outlook.com`), en `port` el `25`, y deja vacíos `userName` y `password`.
high-volume-email-hve-a-c7d229de = High Volume Email (HVE): una cuenta de Microsoft 365 pensada para programas que todavía inicia sesión con contraseña (`host` `smtp-hve.office365.com`, `port` `587`), destinada al correo para los buzones de tu propia organización.
azure-communication-services-microsoft-s-c039b80d = Azure Communication Services: el servicio de envío de Microsoft (`host` `smtp.azurecomm.net`, `port` `587`), que inicia sesión con un nombre de usuario y un secreto de aplicación que tu sitio web puede usar.
mailkit-your-developer-moves-the-6e937e4f = MailKit: tu desarrollador pasa el código de envío a MailKit, que puede iniciar sesión con OAuth.
direct-send-a-host-ending-9a983c0c = El envío directo (un `host` que termina en `mail.protection.outlook.com`) no necesita inicio de sesión: deja vacíos `userName` y `password` y usa `port` `25`. Solo entrega a buzones de tu propia organización; para llegar a otras direcciones, inicia sesión en `smtp.office365.com` en el puerto `587`, o pide a tu administrador un conector (SMTP relay).
direct-send-needs-port-25-5dd62ff9 = El envío directo necesita que el puerto `25` esté abierto desde el servidor web hacia Microsoft 365, y muchas empresas de hosting lo bloquean. Si está bloqueado, inicia sesión en `smtp.office365.com` en el puerto `587`.
your-full-outlook-com-or-1cbd12a8 = tu dirección completa de Outlook.com o Hotmail
since-16-september-2024-personal-6a3f18b4 = Desde el 16 de septiembre de 2024, las cuentas personales de Outlook.com y Hotmail ya no aceptan una contraseña para enviar, solo el inicio de sesión OAuth de Microsoft, que un sitio web con web.config no sabe hacer. Envía el correo de tu sitio a través de otro proveedor.
outlook-com-and-hotmail-stopped-6940ffd7 = Outlook.com y Hotmail dejaron de aceptar contraseñas de los programas en septiembre de 2024: piden un inicio de sesión moderno (OAuth) que ASP.NET no sabe hacer. Envía el correo de tu sitio web a través de otro servicio, o pide a tu desarrollador que cambie a MailKit.
outlook-com-sends-only-from-eff7815a = Outlook.com solo envía desde la dirección con sesión iniciada: pon en `from` lo mismo que en `userName`.
send-your-website-s-mail-0dffe9c3 = Envía el correo de tu sitio web a través de un servicio que aún acepte contraseñas, como el servidor de correo de tu empresa de hosting o un servicio de envío (SendGrid, Mailgun, Brevo y otros están en la lista de proveedores), y cambia `host`, `userName` y `password` a sus valores.

## src/providers/data/hosting.rs

your-full-email-address-f7f06033 = tu dirección de correo completa
use-your-full-email-address-061b9f4b = Usa tu dirección de correo completa y la contraseña de su buzón. GoDaddy indica el puerto 465, que ASP.NET no puede usar, así que aquí se usa el 587; si tu correo de GoDaddy es un plan de Microsoft 365, elige Microsoft 365.
godaddy-email-use-your-full-f5fec946 = Correo de GoDaddy: usa tu dirección de correo completa como `userName` y la contraseña del buzón, con `host` en `smtpout.secureserver.net`. Si tu correo de GoDaddy es un plan de Microsoft 365, usa la configuración de Microsoft 365 (`smtp.office365.com`).
none-leave-the-user-name-d1d66dc0 = ninguno: deja vacíos el nombre de usuario y la contraseña
for-websites-on-godaddy-s-aedab5ae = Para sitios web en el hosting Windows (Plesk) de GoDaddy: el relay solo acepta correo de los propios servidores de hosting de GoDaddy, en el puerto 25, sin inicio de sesión ni SSL. Una prueba desde cualquier otro equipo, incluido este, falla aunque esta configuración sea correcta; desde otro sitio, usa el servidor de tu buzón smtpout.secureserver.net (correo de GoDaddy Workspace).
godaddy-s-hosting-relay-relay-bf34dea5 = El relay de hosting de GoDaddy (`relay-hosting.secureserver.net`) no necesita inicio de sesión: deja vacíos `userName` y `password`, con `port` en `25` y `enableSsl` en `false`.
godaddy-s-hosting-relay-takes-3c847b9e = El relay de hosting de GoDaddy solo acepta correo de sitios web alojados en el propio hosting Windows (Plesk) de GoDaddy: una prueba desde cualquier otro equipo, incluido este, se rechaza o no recibe respuesta aunque la configuración sea correcta. Para enviar desde otro sitio, usa el servidor de tu buzón de GoDaddy, `smtpout.secureserver.net`, en el puerto `587` con su contraseña.
use-your-full-email-address-9cc07a72 = Usa tu dirección de correo completa y la contraseña de su buzón. Este es el servidor de EE. UU.; usa smtp.ionos.de o smtp.ionos.co.uk si tu contrato es de Alemania o del Reino Unido.
ionos-use-the-full-email-b3c824d1 = IONOS: usa la dirección de correo completa como `userName` y la contraseña del buzón, con el servidor del país de tu contrato como `host` (`smtp.ionos.com`, `smtp.ionos.de` o `smtp.ionos.co.uk`).
always-use-ssl0-ovh-net-fc352534 = Usa siempre ssl0.ovh.net, no mail.tudominio ni otro alias: el certificado del servidor solo es válido para ssl0.ovh.net.
ovhcloud-use-the-full-email-1d5e0353 = OVHcloud: usa la dirección de correo completa como `userName` y la contraseña del buzón, con `host` en `ssl0.ovh.net` (el nombre para el que es válido su certificado).

## src/providers/data/mailboxes.rs

your-full-yahoo-address-d7cae787 = tu dirección completa de Yahoo
yahoo-needs-an-app-password-5227ae49 = Yahoo necesita una contraseña de aplicación: crea una en la configuración de seguridad de tu cuenta de Yahoo y úsala como contraseña. Yahoo indica el puerto 465, que ASP.NET no puede usar, así que aquí se usa el 587.
yahoo-needs-an-app-password-a9531010 = Yahoo necesita una contraseña de aplicación: en tu cuenta de Yahoo abre Account security → Generate app password (Seguridad de la cuenta → Generar contraseña de aplicación) y úsala como `password`, con tu dirección completa de Yahoo como `userName`.
yahoo-sends-only-from-the-63878b23 = Yahoo solo envía desde la dirección con sesión iniciada: pon en `from` tu dirección de Yahoo.
your-full-aol-address-fa50843b = tu dirección completa de AOL
aol-needs-an-app-password-41c701d9 = AOL necesita una contraseña de aplicación: crea una en la configuración de seguridad de tu cuenta de AOL (Generate app password) y úsala como contraseña. AOL indica el puerto 465, que ASP.NET no puede usar, así que aquí se usa el 587.
aol-needs-an-app-password-a20054d0 = AOL necesita una contraseña de aplicación: en tu cuenta de AOL abre Account security → Generate app password y úsala como `password`, con tu dirección completa de AOL como `userName`.
aol-sends-only-from-the-a21f14e3 = AOL solo envía desde la dirección con sesión iniciada: pon en `from` tu dirección de AOL.
your-full-icloud-address-f5d710c5 = tu dirección completa de iCloud
icloud-needs-an-app-specific-62349497 = iCloud necesita una contraseña específica de aplicación: activa la autenticación de doble factor en tu cuenta de Apple, crea una en account.apple.com y úsala como contraseña.
icloud-mail-needs-an-app-d109cc08 = Correo de iCloud necesita una contraseña específica de aplicación: créala en account.apple.com, en Sign-In and Security → App-Specific Passwords (Inicio de sesión y seguridad → Contraseñas específicas de apps), y usa tu dirección completa de iCloud como `userName`.
icloud-settings-custom-email-domain-e4eba0f0 = iCloud settings → Custom Email Domain → tu dominio → View DNS records
for-zoho-accounts-in-the-112ccc5c = Para cuentas de Zoho del centro de datos de EE. UU. (inicias sesión en zoho.com). El correo en tu propio dominio (una cuenta de organización) usa smtppro.zoho.com. Con el inicio de sesión de dos factores, usa una contraseña específica de aplicación; el puerto 465 no funcionará desde ASP.NET.
for-zoho-accounts-in-the-2a39fa43 = Para cuentas de Zoho del centro de datos europeo (inicias sesión en zoho.eu). El correo en tu propio dominio (una cuenta de organización) usa smtppro.zoho.eu. Con el inicio de sesión de dos factores, usa una contraseña específica de aplicación.
for-zoho-accounts-in-the-5b4baa13 = Para cuentas de Zoho del centro de datos de la India (inicias sesión en zoho.in). El correo en tu propio dominio (una cuenta de organización) usa smtppro.zoho.in. Con el inicio de sesión de dos factores, usa una contraseña específica de aplicación.
for-zoho-accounts-in-the-824ee72a = Para cuentas de Zoho del centro de datos de Australia (inicias sesión en zoho.com.au). El correo en tu propio dominio (una cuenta de organización) usa smtppro.zoho.com.au. Con el inicio de sesión de dos factores, usa una contraseña específica de aplicación.
for-zoho-accounts-in-the-bc25a75d = Para cuentas de Zoho del centro de datos de Japón (inicias sesión en zoho.jp). El correo en tu propio dominio (una cuenta de organización) usa smtppro.zoho.jp. Con el inicio de sesión de dos factores, usa una contraseña específica de aplicación.
for-zoho-accounts-in-the-8b99c973 = Para cuentas de Zoho del centro de datos de Canadá (inicias sesión en zohocloud.ca). El correo en tu propio dominio (una cuenta de organización) usa smtppro.zohocloud.ca. Con el inicio de sesión de dos factores, usa una contraseña específica de aplicación.
zoho-mail-use-your-full-9d10f739 = Zoho Mail: usa tu dirección completa de Zoho como `userName`. Si el inicio de sesión de dos factores está activado, crea una contraseña específica de aplicación en Zoho Accounts → Security y úsala como `password`. Usa el servidor de tu centro de datos (por ejemplo `smtp.zoho.eu` en Europa); las cuentas de organización con dominio propio usan `smtppro.` en lugar de `smtp.` (por ejemplo `smtppro.zoho.eu`).
zoho-mail-admin-console-domains-3edb7d85 = Zoho Mail Admin Console → Domains → tu dominio → Email Configuration → DKIM
your-full-zoho-address-2831abcb = tu dirección completa de Zoho
your-full-fastmail-address-87bad718 = tu dirección completa de Fastmail
fastmail-needs-an-app-password-c4fb265b = Fastmail necesita una contraseña de aplicación, creada en tu configuración de Fastmail. Fastmail prefiere el puerto 465, que ASP.NET no puede usar; el 587 es compatible y es el que hay que usar aquí.
fastmail-needs-an-app-password-38a5d0c4 = Fastmail necesita una contraseña de aplicación: crea una en Settings → Privacy & Security → App passwords y úsala como `password`.
fastmail-settings-domains-your-domain-30304e86 = Fastmail Settings → Domains → tu dominio → DNS records

## src/providers/data/services.rs

the-smtp-user-name-created-c3972fa4 = el nombre de usuario SMTP creado en tu recurso de Communication Services
create-an-smtp-user-name-4f29e25b = Crea un nombre de usuario SMTP en tu recurso de Communication Services (Settings → SMTP Usernames), vinculado a una aplicación de Microsoft Entra con permiso para enviar; la contraseña es el secreto de cliente de esa aplicación, que caduca, así que renuévalo a tiempo. Envía desde una dirección MailFrom de un dominio de correo conectado al recurso.
azure-communication-services-username-is-d8adb190 = Azure Communication Services: `userName` es un nombre de usuario SMTP creado en tu recurso de Communication Services (Settings → SMTP Usernames) y vinculado a una aplicación de Microsoft Entra con permiso para enviar; `password` es el secreto de cliente de esa aplicación. Los secretos de cliente caducan: si antes funcionaba, crea un secreto nuevo y úsalo.
azure-communication-services-sends-only-b76de958 = Azure Communication Services solo envía desde las direcciones MailFrom de un dominio de correo conectado a tu recurso de Communication Services: pon en `from` una de ellas.
azure-portal-your-email-communication-068063dd = Azure portal → tu Email Communication Service → Provision domains → tu dominio → Configure
your-ses-smtp-user-name-db55496a = tu nombre de usuario SMTP de SES (no una clave de acceso de IAM)
replace-us-east-1-with-ed2f9ac7 = Sustituye us-east-1 por la región de tu cuenta de SES y usa las credenciales SMTP creadas en SES para esa región, no claves de acceso de IAM. Las cuentas nuevas están en el sandbox y solo pueden enviar a direcciones verificadas. Si el puerto 587 está bloqueado donde funciona tu sitio web, usa el puerto 2587.
amazon-ses-needs-ses-smtp-0d3a593c = Amazon SES necesita credenciales SMTP de SES, creadas en la consola de SES en SMTP settings para la región de `host`. Las claves de acceso de IAM y las credenciales SMTP de otra región no funcionan.
amazon-ses-sends-only-from-619c09dc = Amazon SES solo envía desde identidades verificadas: verifica la dirección `from` o su dominio en la consola de SES. Mientras la cuenta esté en el sandbox (el modo de prueba de las cuentas nuevas), los destinatarios también tienen que estar verificados.
apikey-literally-183cf215 = apikey (tal cual)
the-user-name-is-the-01bbc5c2 = El nombre de usuario es la palabra apikey, tal cual; la contraseña es tu clave de API de SendGrid. La dirección del remitente tiene que ser un remitente verificado en SendGrid. Si el puerto 587 está bloqueado donde funciona tu sitio web, usa el puerto 2525.
sendgrid-username-must-be-literally-7669598f = SendGrid: `userName` tiene que ser literalmente `apikey` (no tu usuario ni tu dirección de correo), y `password` es una clave de API con el permiso "Mail Send", pegada sin espacios.
sendgrid-sends-only-from-a-2e1be5ef = SendGrid solo envía desde una Sender Identity verificada: verifica la dirección `from` o su dominio en Settings → Sender Authentication.
sendgrid-settings-sender-authentication-d404dcdb = SendGrid → Settings → Sender Authentication → Authenticate Your Domain
your-domain-s-smtp-login-3df270ef = el usuario SMTP de tu dominio, p. ej. postmaster@mg.tudominio.com
use-the-smtp-credentials-of-abbc08bf = Usa las credenciales SMTP de tu dominio de envío en Mailgun, no la contraseña de tu cuenta de Mailgun. Si el puerto 587 está bloqueado donde funciona tu sitio web, usa el puerto 2525.
for-mailgun-accounts-in-the-ac9d0345 = Para cuentas de Mailgun de la región de la UE. Usa las credenciales SMTP de tu dominio de envío en Mailgun, no la contraseña de tu cuenta de Mailgun. Si el puerto 587 está bloqueado donde funciona tu sitio web, usa el puerto 2525.
mailgun-needs-the-smtp-credentials-0df7462f = Mailgun necesita las credenciales SMTP de tu dominio de envío (por ejemplo `postmaster@mg.example.com`, en Sending → Domain settings → SMTP credentials), no la contraseña de tu cuenta de Mailgun.
mailgun-sends-from-addresses-of-73f8735a = Mailgun envía desde direcciones de tu dominio de envío verificado: usa una como `from`.
mailgun-sending-domains-your-domain-d2cc33b7 = Mailgun → Sending → Domains → tu dominio → DNS records
your-server-api-token-1a2b5328 = tu Server API Token
use-your-postmark-server-api-7df39770 = Usa tu Server API Token de Postmark como nombre de usuario y también como contraseña. Si el puerto 587 está bloqueado donde funciona tu sitio web, usa el puerto 2525.
postmark-use-your-server-api-a8ba1613 = Postmark: usa tu Server API Token como `userName` y también como `password`.
postmark-sends-only-from-a-17710e90 = Postmark solo envía desde una Sender Signature confirmada o un dominio verificado: usa uno como `from`.
your-brevo-smtp-login-04933033 = tu usuario SMTP de Brevo
use-the-smtp-login-and-8b4085f4 = Usa el usuario SMTP y, como contraseña, una clave SMTP de la configuración SMTP de Brevo; una clave de API de Brevo no funcionará. Si el puerto 587 está bloqueado donde funciona tu sitio web, usa el puerto 2525.
brevo-username-is-the-smtp-82151876 = Brevo: `userName` es el usuario SMTP que aparece en SMTP & API, y `password` es una clave SMTP de la misma página (no una clave de API ni la contraseña de tu cuenta).
brevo-sends-only-from-a-ae02936a = Brevo solo envía desde un remitente o dominio verificado: usa uno como `from`.
brevo-senders-domains-dedicated-ips-cb7d426d = Brevo → Senders, Domains & Dedicated IPs → Domains → Authenticate
your-mailjet-api-key-b626b4b3 = tu clave de API de Mailjet
the-user-name-is-your-3794f252 = El nombre de usuario es tu clave de API de Mailjet y la contraseña, su clave secreta, no tu usuario de Mailjet. Envía desde una dirección de remitente o un dominio validados en Mailjet. Si el puerto 587 está bloqueado donde funciona tu sitio web, usa el puerto 2525.
mailjet-username-is-your-mailjet-8fe11462 = Mailjet: `userName` es tu clave de API de Mailjet y `password` su clave secreta (en Account settings → API keys), no tu usuario de Mailjet.
mailjet-sends-only-from-a-c082e9b4 = Mailjet solo envía desde una dirección de remitente o un dominio validados: valida la dirección `from` en Mailjet o usa una que ya lo esté.
mailjet-account-settings-domains-spf-8cc2cce1 = Mailjet → Account settings → Domains → SPF/DKIM authentication
an-smtp-user-name-from-e7bd2eb0 = un nombre de usuario SMTP de Sending → SMTP Users
use-an-smtp-user-created-2b1d0bc6 = Usa un usuario SMTP creado en SMTP2GO (Sending → SMTP Users) y su contraseña, no tu usuario de SMTP2GO, y envía desde un remitente verificado. Si el puerto 587 está bloqueado donde funciona tu sitio web, usa el puerto 2525 (u 8025).
smtp2go-use-an-smtp-user-e1a0c31b = SMTP2GO: usa un usuario SMTP de tu cuenta de SMTP2GO (Sending → SMTP Users) como `userName` y su contraseña como `password`, no tu usuario de SMTP2GO.
smtp2go-sends-only-from-verified-72be2dcc = SMTP2GO solo envía desde remitentes verificados (Sending → Verified Senders): usa uno como `from`.

## src/providers/mod.rs

provider-also-takes-mail-on-0f1b4ef0 = { $provider } también acepta correo en el puerto `{ $port }`, que las empresas de hosting y los proveedores de internet rara vez bloquean: cambia `port` a `{ $port }` y deja `enableSsl` en `true`.

## src/providers/preset.rs

use-the-outgoing-smtp-server-2aa81402 = Usa el servidor de salida (SMTP) que te da tu hosting o tu proveedor de correo, con el puerto 587 y SSL activado. El puerto 465 no funcionará desde ASP.NET.

## src/reply.rs

the-server-sent-something-that-6657f988 = el servidor envió algo que no es una respuesta SMTP: { $line }
the-server-s-reply-changed-e8449784 = la respuesta del servidor cambió de código a mitad ({ $first } y luego { $then })

## src/report/evidence.rs

tls-version-version-1ac0d9ba = versión de TLS: { $version }
cipher-cipher-1a1584a9 = cifrado: { $cipher }
not-encrypted-no-tls-was-4d14e875 = sin cifrar (no se estableció TLS)
warning-the-password-was-sent-58911bd4 = ADVERTENCIA: la contraseña se envió por la conexión sin cifrar (permitido para esta prueba)
certificate-subject-subject-2b3e305c = sujeto del certificado: { $subject }
certificate-names-names-85ad8f14 = nombres del certificado: { $names }
issued-by-issuer-db64a95a = emitido por: { $issuer }
valid-from-start-until-end-41664af8 = válido desde { $start } hasta { $end }
expired-answer-7c3dd7c2 = caducado: { $answer }
self-signed-answer-32e94d4a = autofirmado: { $answer }
sha-256-fingerprint-fingerprint-59cf6063 = huella SHA-256: { $fingerprint }
certificate-problem-accepted-for-this-cf52b724 = problema de certificado aceptado solo para esta prueba: { $problem }
no-62366ffa = no
none-received-a7fce227 = (no se recibió nada)
greeting-banner-2adc54e6 = saludo: { $banner }
ehlo-extensions-extensions-8ae23a31 = extensiones EHLO: { $extensions }
sign-in-methods-offered-methods-958cc42d = métodos de inicio de sesión ofrecidos: { $methods }
message-id-of-the-test-1aaceb9a = Message-ID del mensaje de prueba: { $id }
transcript-0583096b = Transcripción
we-sent-the-server-answered-ea6e205d = `->` lo que enviamos, `<-` lo que respondió el servidor, `~>`/`<~` lo mismo una vez cifrado, `**` notas del programa. Las contraseñas aparecen como `<redacted>`.

## src/report.rs

mail-settings-tester-support-report-9e850e75 = Informe para soporte de Mail Settings Tester
made-by-mail-settings-tester-5d84e266 = Generado por Mail Settings Tester { $version } el { $now } (UTC).
result-the-server-accepted-the-cb20d937 = Resultado: el servidor aceptó el mensaje de prueba para { $recipient } (al cabo de { $time }).
result-the-server-accepted-the-1ce20c7e = Resultado: el servidor aceptó el mensaje de prueba para { $recipient }, pero: { $summary } (al cabo de { $time }).
result-failed-summary-after-time-de3e18b7 = Resultado: FALLÓ: { $summary } (al cabo de { $time }).
result-failed-after-time-e2d9ecdd = Resultado: FALLÓ (al cabo de { $time }).
stopped-because-error-a65fdf46 = Se detuvo porque: { $error }.
empty-c2b0def7 = (vacío)
none-no-sign-in-4e7eb656 = (ninguno: sin inicio de sesión)
this-computer-s-name-94e552fc = (el nombre de este equipo)
set-not-included-b8037f8f = definida (no incluida)
not-set-ffa35e26 = sin definir
another-mail-program-the-best-1cb12260 = otro programa de correo (lo mejor que ofrece el servidor)
test-recipient-9b7a3c52 = destinatario de la prueba
connection-security-used-a0615d9e = seguridad de conexión usada
tested-as-6d856e84 = probado como
time-limits-3bbef354 = límites de tiempo
connect-connect-s-greeting-greeting-0dacfa15 = conexión { $connect } s, saludo { $greeting } s, cada orden { $command } s
certificate-check-4f7d1e48 = comprobación del certificado
off-invalid-certificates-were-accepted-60edc329 = desactivada: se aceptaron certificados no válidos (el sitio web no los aceptará)
on-61342fd0 = activada
settings-4b058728 = Configuración
extra-trusted-certificate-authorities-pa-209717b3 = autoridades de certificación de confianza adicionales: { $path }
ok-663437af = bien
failed-d7e8fab4 = FALLÓ
checklist-08a568ef = Lista de pasos
each-step-c2d8e180 = Cada paso:
total-time-f96defd0 = Total: { $time }
diagnosis-547c3c9e = Diagnóstico
no-problem-the-test-message-896ed3a9 = Ningún problema: se aceptó el mensaje de prueba.
suggested-change-e6662e4a = Cambio sugerido:

## src/session/connect.rs

no-answer-from-dns-within-75b392c5 = el DNS no respondió en { $secs } s
no-address-to-connect-to-d0980056 = no hay ninguna dirección a la que conectarse

## src/session/dialogue.rs

the-server-sent-more-data-5a7b3835 = el servidor envió más datos antes de la negociación TLS (un ataque conocido contra STARTTLS)
starttls-on-a-connection-that-57fec029 = STARTTLS en una conexión que ya está cifrada
this-tester-plain-or-login-6e2aba1f = este programa (PLAIN o LOGIN)

## src/session/error.rs

it-is-issued-for-names-7de28bc0 = está emitido para { $names }
no-authority-this-computer-trusts-c48ee76c = no lo avala ninguna autoridad en la que confíe este equipo
it-has-expired-fa8972c9 = ha caducado
it-is-not-valid-yet-fb6edb7d = todavía no es válido (o el reloj de este equipo está mal)
the-server-name-host-could-a0934279 = no se encontró el nombre de servidor { $host } ({ $detail })
the-connection-to-address-was-8ba9ec2a = se rechazó la conexión con { $address }
no-answer-from-address-within-d9ebdf5c = { $address } no respondió en { $secs } s
could-not-connect-to-address-6fadcd41 = no se pudo conectar con { $address }: { $detail }
connected-but-the-server-sent-3a9c719b = conectado, pero el servidor no saludó en { $secs } s
the-server-does-not-speak-565fe8c3 = el servidor no habla SMTP: envió "{ $received }"
the-server-refused-step-name-6e46a071 = el servidor rechazó el paso { $step_name }: { $reply_text }
the-server-does-not-offer-a01d5bcc = el servidor no ofrece STARTTLS
the-tls-handshake-failed-detail-c2ab11a8 = falló la negociación TLS: { $detail }
the-server-offers-only-outdated-4185f3ec = el servidor solo ofrece cifrado obsoleto (TLS 1.0 o 1.1): { $detail }
the-server-offers-no-sign-d563271c = el servidor no ofrece inicio de sesión (AUTH) en esta conexión
the-server-offers-only-sign-2930a676 = el servidor solo ofrece métodos de inicio de sesión que { $target_name } no puede usar: { $methods }
stopped-before-sending-the-password-bc00d9ef = se detuvo antes de enviar la contraseña por una conexión sin cifrar
the-server-asked-for-more-f9503699 = el servidor pidió algo más después de la contraseña: { $reply_text }
the-server-refused-the-oauth-b0c17084 = el servidor rechazó el token OAuth ({ $mechanism_name }): { $reply_text }
the-server-offers-no-oauth-226d3d86 = el servidor no ofrece aquí inicio de sesión OAuth (ofrece: { $methods })
stopped-before-sending-the-oauth-6d6be392 = se detuvo antes de enviar el token OAuth por una conexión sin cifrar
the-server-closed-the-connection-9fea2761 = el servidor cerró la conexión en el paso { $step_name }
no-reply-to-step-name-b95e1dc7 = sin respuesta en el paso { $step_name } en { $secs } s
cancelled-during-step-name-f3828dd3 = cancelado en el paso { $step_name }
the-certificate-file-path-could-de00273b = no se pudo usar el archivo de certificado { $path }: { $detail }
role-words-address-cannot-be-cc200543 = { $role_words } { $address } no se puede enviar: { $reason }
the-server-broke-the-smtp-275bfdfe = el servidor incumplió las reglas de SMTP en el paso { $step_name }: { $detail }

## src/session/mod.rs

a-reply-went-on-for-a3229ee0 = una respuesta ocupó más de { $lines } líneas
a-reply-line-was-far-289873fe = una línea de respuesta era demasiado larga

## src/session/report.rs

enablessl-is-off-2a22ebcd = enableSsl está desactivado
encryption-is-off-21238599 = el cifrado está desactivado
no-user-name-289a6df8 = sin nombre de usuario
not-offered-before-encryption-c28ccb4d = no se ofrece antes del cifrado
server-offers-no-sign-in-676667ab = el servidor no ofrece inicio de sesión
no-usable-method-sent-without-972e3aeb = ningún método utilizable; enviado sin iniciar sesión
sign-in-refused-sent-without-efec03b6 = inicio de sesión rechazado; enviado sin iniciar sesión

## src/session/tls.rs

tls-set-up-failed-error-26855cd2 = falló la configuración de TLS ({ $error })
no-usable-certificate-authority-error-61ef141b = ninguna autoridad de certificación utilizable ({ $error })
a-certificate-in-it-is-c93dd3fb = un certificado que contiene no se puede usar ({ $error })
it-is-not-a-valid-a66d7d8b = no es un archivo PEM válido ({ $error })
it-holds-no-certificate-a-4f817e2a = no contiene ningún certificado: se esperaba un archivo PEM (-----BEGIN CERTIFICATE-----) o un archivo DER .cer
host-is-not-a-valid-8d44e3b8 = { $host } no es un nombre TLS válido ({ $error })

## src/settings/address.rs

the-sender-address-from-a6cf0f74 = la dirección de remitente (from)
the-test-recipient-c65aed6f = el destinatario de la prueba
only-smtputf8-could-carry-it-b02a2e58 = solo SMTPUTF8 podría llevarla, y este servidor no ofrece SMTPUTF8
only-smtputf8-could-carry-it-649eaab3 = solo SMTPUTF8 podría llevarla, y ASP.NET no usa SMTPUTF8 de forma predeterminada
it-cannot-be-written-into-48e65563 = no se puede escribir en el mensaje de prueba
international-domain-the-test-sends-a7641d49 = Dominio internacional: la prueba envía { $address } como { $ascii }, la forma que leen todos los servidores de correo.
address-has-letters-outside-plain-6471a7d7 = { $address } tiene antes de la @ letras fuera del alfabeto inglés básico. El emisor de correo de ASP.NET rechaza una dirección así salvo que esté definido deliveryFormat="International" (ASP.NET 4.5 o posterior) y el servidor de correo ofrezca SMTPUTF8 (direcciones internacionales). La prueba muestra lo que se encontrará tu sitio web.
address-has-letters-outside-plain-5f9c2f60 = { $address } tiene antes de la @ letras fuera del alfabeto inglés básico: solo puede aceptarla un servidor de correo que ofrezca SMTPUTF8 (direcciones internacionales). La prueba comprueba si este lo ofrece.

## src/settings/ehlo_name.rs

typed-is-not-a-valid-ac381f52 = "{ $typed }" no es un nombre de equipo válido para clientDomain. Déjalo vacío para usar el nombre de este equipo.
asp-net-introduces-itself-to-bad9a806 = ASP.NET se presenta al servidor con clientDomain tal cual ("{ $typed }"), y servidores como Exim rechazan una dirección IP sola en EHLO (el saludo en el que tu sitio web da su nombre); usa el nombre de dominio de tu sitio web, por ejemplo www.example.com, o deja clientDomain vacío.
the-test-introduces-itself-as-38df7222 = La prueba se presenta como { $literal }, la forma que esperan los servidores de correo para una dirección IP.
many-mail-servers-exim-among-1f6f2699 = Muchos servidores de correo (Exim, entre ellos) responden 501 y rechazan "{ $typed }" como nombre de este equipo: un nombre solo puede tener letras, números, guiones y puntos, no { $characters }. Usa el nombre de dominio de tu sitio web, por ejemplo www.example.com, o deja clientDomain vacío para usar el nombre de este equipo.

## src/settings/validate.rs

host-is-not-a-valid-702a75f3 = "{ $host }" no es un nombre de servidor válido. Revisa si tiene erratas.
enter-the-mail-server-s-216e5a0c = Escribe el nombre del servidor de correo (host), por ejemplo smtp.example.com.
enter-only-the-server-s-c06d5777 = Escribe solo el nombre del servidor: quita "{ $scheme }://" (el host de web.config nunca lo lleva).
the-server-name-cannot-contain-a669d667 = El nombre del servidor no puede tener espacios. Vuelve a copiarlo de las instrucciones de tu proveedor.
this-looks-like-an-email-923d668e = Esto parece una dirección de correo. El host es el nombre del servidor de correo, por ejemplo smtp.example.com.
the-server-name-cannot-contain-3b89a0a4 = El nombre del servidor no puede contener "/". Escribe solo el nombre, por ejemplo smtp.example.com.
put-the-port-in-the-4cc5c678 = Pon el puerto en el campo Puerto: host "{ $name }", puerto { $port }.
international-name-the-test-connects-a9390765 = Nombre internacional: la prueba se conecta a su forma ASCII { $ascii }.
port-port-does-not-exist-b3dfc373 = El puerto { $port } no existe: los puertos van del 1 al 65535. Los servidores de correo suelen usar el 587.
defaultcredentials-is-true-so-web-2cc7e682 = defaultCredentials está en true, así que web.config ignora userName y password e inicia sesión con la cuenta de Windows. Pon defaultCredentials en false para usar el nombre de usuario.
defaultcredentials-true-signs-in-as-bdc7611b = defaultCredentials="true" inicia sesión con la cuenta de Windows del sitio web, algo que esta prueba no puede hacer: envía sin iniciar sesión.
a-user-name-is-set-73cdd5ba = Hay un nombre de usuario, pero la contraseña está vacía. Escribe la contraseña del buzón.
a-password-is-set-but-71fbceb3 = Hay una contraseña, pero userName está vacío, así que la contraseña nunca se usa. Escribe el nombre de usuario (normalmente la dirección de correo completa).
oauth-signs-in-as-a-2df4a59e = OAuth inicia sesión como un buzón: escribe su dirección completa como nombre de usuario.
oauth-sign-in-needs-an-b27182ff = El inicio de sesión OAuth necesita un token de acceso, y no hay ninguno. Inicia sesión antes con el proveedor o pega un token.
asp-net-s-mail-sender-df5acecb = El emisor de correo de ASP.NET (web.config) no sabe iniciar sesión con OAuth. Esta prueba comprueba el buzón y el token como los usaría un programa que sí sabe (como MailKit).
address-is-not-a-valid-f804de19 = "{ $address }" no es una dirección de correo válida para el remitente (from). Debería tener la forma nombre@example.com.
address-is-not-a-valid-5cf84c0a = "{ $address }" no es una dirección de correo válida para el destinatario de la prueba. Debería tener la forma nombre@example.com.
enter-the-sender-address-from-92b57a8d = Escribe la dirección de remitente (from), normalmente el buzón con el que inicias sesión. Si tu web.config no tiene from, el remitente lo define el código de tu sitio: escribe esa dirección.
asp-net-system-net-mail-ee4b87b2 = ASP.NET (System.Net.Mail) no puede usar SSL al conectar. Usa el puerto 587 con enableSsl="true", o elige la plataforma genérica para probar otros programas.
asp-net-cannot-use-port-85b5d0bc = ASP.NET no puede usar el puerto 465: espera un saludo que nunca llega. La prueba se comportará igual. Usa el puerto 587 con enableSsl="true".
starttls-was-chosen-which-means-be6ff6d5 = Se eligió STARTTLS, que equivale a enableSsl="true" en web.config.
certificate-checks-are-off-the-cee3d463 = La comprobación de certificados está desactivada: la conexión no está protegida contra impostores. Tu sitio web sí comprobará el certificado y puede fallar.
deliverymethod-is-not-network-so-15953ca7 = deliveryMethod no es "Network", así que el sitio web escribe el correo en una carpeta en lugar de enviarlo. Pon deliveryMethod="Network" para enviar a través de este servidor.
a-timeout-of-0-seconds-d34a129a = Un tiempo de espera de 0 segundos fallaría siempre. Usa al menos 1 segundo (lo habitual es 10).
timeouts-above-600-seconds-are-94fe3d7e = Los tiempos de espera de más de 600 segundos no son útiles para una prueba. Usa de 10 a 60 segundos.

## src/settings.rs

no-encryption-7b0eebe3 = sin cifrado
asp-net-core-net-5-d85df409 = ASP.NET Core / .NET 5 o posterior

## src/snippet/django.rs

set-only-one-of-email-74ec3c21 = Pon en True solo uno de EMAIL_USE_TLS (STARTTLS, puerto 587) y EMAIL_USE_SSL (SSL al conectar, puerto 465): con los dos, Django arranca pero falla en el primer envío ("EMAIL_USE_TLS/EMAIL_USE_SSL are mutually exclusive").

## src/snippet/format.rs

php-code-bda6edbc = Código PHP
put-it-inside-configuration-if-e1efa961 = Ponlo dentro de <configuration>. Si ya hay un bloque <system.net>, sustituye solo el bloque <mailSettings> que contiene y conserva el resto (como <defaultProxy>).
put-this-where-your-php-d17fc47f = Pon esto donde tu código PHP crea el objeto PHPMailer (PHPMailer 6.1 o posterior: las constantes ENCRYPTION_ llegaron en la 6.1), antes de $mail->send().
put-this-in-wp-config-b7c7c865 = Pon esto en wp-config.php encima de la línea /* That's all, stop editing! */ (necesita el plugin WP Mail SMTP).
put-this-in-the-env-50652e7d = Pon esto en el archivo .env de la raíz de tu sitio Laravel, en lugar de las líneas MAIL_ que ya haya, y después ejecuta php artisan config:clear.
put-this-in-your-project-96ff8c78 = Pon esto en el settings.py de tu proyecto, en lugar de los ajustes EMAIL_ que ya haya.
put-this-where-your-node-9137efc0 = Pon esto donde tu código Node.js crea el transporte de Nodemailer y después envía con transporter.sendMail({"{"} to, subject, text {"}"}).
put-this-line-in-env-903522da = Pon esta línea en .env.local (o define MAILER_DSN como variable de entorno), en lugar de cualquier MAILER_DSN que ya haya.
put-the-smtp-section-into-f2c2e121 = Pon la sección "Smtp" en appsettings.json, junto a las secciones que ya hay.

## src/snippet/laravel.rs

laravel-11-and-12-no-a3768a2e = Laravel 11 y 12 ya no leen MAIL_ENCRYPTION: usan MAIL_SCHEME. Aquí están las dos líneas para que el bloque funcione en todas las versiones; mantenlas coherentes si editas una.
laravel-10-and-older-use-0b26f05b = Laravel 10 y anteriores solo usan SSL al conectar en el puerto 465; en el puerto { $port } solo puede hacerlo Laravel 11+ (MAIL_SCHEME=smtps).
laravel-s-env-turns-the-d5129581 = La función env() de Laravel convierte el valor de { $key } en otra cosa (true, false, null, vacío, o un valor entre comillas las pierde): ponlo directamente en config/mail.php.

## src/snippet/mailkit.rs

connect-with-mailkit-like-this-a0f2b3b0 = Conéctate con MailKit así: client.Connect(smtp.Host, smtp.Port, SecureSocketOptions.{ $options }); client.Authenticate(smtp.UserName, smtp.Password);
connect-with-mailkit-like-this-a3cc5a4d = Conéctate con MailKit así: client.Connect(smtp.Host, smtp.Port, SecureSocketOptions.{ $options });
do-not-write-client-connect-63e694a6 = No escribas client.Connect(host, 587, useSsl: true): en MailKit, useSsl: true significa SSL al conectar, que falla en el puerto 587. El enableSsl="true" de web.config equivale a SecureSocketOptions.StartTls.
asp-net-core-does-not-b7e6cf14 = ASP.NET Core no lee el <mailSettings> de web.config: el código del sitio tiene que leer esta sección.

## src/snippet/nodemailer.rs

secure-true-is-only-for-51c29ab8 = secure: true solo es para SSL al conectar (puerto 465); con STARTTLS tiene que quedarse en false, o la conexión falla con "wrong version number".
with-secure-false-nodemailer-still-512f72f5 = Con secure: false, Nodemailer sigue pasando a STARTTLS cuando el servidor lo ofrece; añade ignoreTLS: true solo si eso falla y aceptas una conexión sin cifrar.

## src/snippet/oauth/django.rs

put-this-in-your-project-1413375b = Pon esto en el settings.py de tu proyecto, en lugar de los ajustes EMAIL_ que ya hay.
the-app-needs-microsoft-graph-5db04e0a = La aplicación necesita el permiso de aplicación Mail.Send de Microsoft Graph con consentimiento de administrador (no SMTP.SendAsApp: este backend no usa SMTP). Mail.Send permite a la aplicación enviar como cualquier buzón de tu organización, salvo que tu administrador lo limite a este.
django-o365mail-signs-in-as-58cbac5f = django-o365mail inicia sesión como la propia aplicación (solo aplicación), no como una persona: no hace falta ningún token de actualización.
without-a-package-azure-communication-7d86afb5 = Sin paquete: el SMTP de Azure Communication Services (smtp.azurecomm.net, puerto 587, STARTTLS) acepta nombre de usuario y contraseña, así que el propio backend SMTP de Django funciona con él (EMAIL_HOST_USER = el SMTP Username de ACS, EMAIL_HOST_PASSWORD = el secreto de cliente de la aplicación de Entra); un servicio de relay funciona igual.
enable-the-gmail-api-in-4ecc65d4 = Activa la Gmail API en el proyecto de Google Cloud y genera una vez el token de actualización con el script del paquete (gmail_oauth2 --generate_oauth2_token), iniciando sesión como el buzón.
without-a-package-google-still-88def8b2 = Sin paquete: Google sigue aceptando una contraseña de aplicación (con la verificación en dos pasos activada), que el propio backend SMTP de Django puede usar.

## src/snippet/oauth/laravel.rs

four-parts-each-in-its-a587b09b = Cuatro partes, cada una en su archivo: las líneas para .env, el mailer para config/mail.php (dentro de 'mailers' => [...]), el código para el método boot() de app/Providers/AppServiceProvider.php y la clase app/Mail/FreshTokenXOAuth2Authenticator.php. Después ejecuta php artisan config:clear.
laravel-through-symfony-mailer-cannot-d46f9f68 = Laravel (a través de Symfony Mailer) no puede obtener por sí mismo un token OAuth, y un token solo dura una hora aproximadamente: este transporte personalizado obtiene uno nuevo para cada conexión. Necesita Laravel 9 o posterior con symfony/mailer 6.3 o posterior (Laravel 11 y posteriores lo tienen; en Laravel 10 ejecuta composer update symfony/mailer).

## src/snippet/oauth/mailkit.rs

put-the-smtp-section-the-c60f3059 = Pon la sección "Smtp" (la parte JSON) en appsettings.json, en lugar de cualquier sección "Smtp" que ya haya; añade la clase de C# a tu proyecto y regístrala: builder.Services.AddSingleton<OAuthMailSender>();
this-uses-app-only-sign-823f2f67 = Esto usa el inicio de sesión solo de aplicación (el sitio inicia sesión en su propio nombre), que es lo que necesita un sitio web: el inicio de sesión delegado necesitaría una persona ante un navegador y una caché de tokens.
keep-the-client-secret-out-d02d7bb5 = No pongas el secreto de cliente en el appsettings.json de un repositorio compartido: dotnet user-secrets, una variable de entorno (Smtp__ClientSecret) o un almacén de claves lo sustituyen.
do-not-connect-with-usessl-3f8b4515 = No te conectes con useSsl: true en el puerto 587: en MailKit eso significa SSL al conectar. STARTTLS es SecureSocketOptions.StartTls, como en la sección.
appsettings-json-and-c-mailkit-ca0b1f7c = appsettings.json y C# (MailKit)

## src/snippet/oauth/nodemailer.rs

put-this-in-your-node-c0ffada9 = Pon esto en tu código Node.js y envía con await sendMail({"{"} to, subject, text {"}"}). Instala una vez: npm install nodemailer @azure/msal-node
put-this-where-your-node-185c1777 = Pon esto donde tu código Node.js crea el transporte de Nodemailer y después envía con transporter.sendMail({"{"} to, subject, text {"}"}). Nodemailer renueva el token por sí mismo.
node-js-code-nodemailer-7e94db6a = Código Node.js (Nodemailer)

## src/snippet/oauth/notes.rs

oauth-means-signing-in-through-7580ed84 = OAuth significa iniciar sesión a través de { $who } en lugar de con la contraseña del buzón: el sitio pide a { $who } un token de corta duración con el id. y el secreto de la aplicación (ninguna persona inicia sesión) e inicia sesión con ese token.
oauth-means-signing-in-through-828dd6c6 = OAuth significa iniciar sesión en la propia página de { $who } en lugar de con una contraseña: el propietario del buzón inicia sesión una vez, y el sitio guarda un token de actualización y lo usa para obtener tokens de corta duración.
replace-placeholder-with-the-app-d5a0af53 = Sustituye { $placeholder } por el secreto de cliente de la aplicación. Se omite para que el fragmento se pueda compartir sin riesgo; no lo pongas en archivos que compartas o subas a un repositorio (mejor una variable de entorno o un almacén de secretos).
replace-placeholder-with-the-refresh-50c0846a = Sustituye { $placeholder } por el token de actualización que obtienes cuando el propietario del buzón inicia sesión una vez en la aplicación (guárdalo tan en secreto como una contraseña).
replace-placeholder-with-the-app-dd0be73d = Sustituye { $placeholder } por el id. de cliente de la aplicación (Application (client) ID, en la página Overview de la aplicación en el centro de administración de Microsoft Entra).
replace-placeholder-with-the-app-e2337baa = Sustituye { $placeholder } por el id. de cliente de la aplicación (del cliente OAuth en la consola de Google Cloud, APIs & Services → Credentials).
replace-placeholder-with-the-directory-163145f4 = Sustituye { $placeholder } por el Directory (tenant) ID de la página Overview de la aplicación (o por tu dominio, como example.onmicrosoft.com).
replace-placeholder-with-the-mailbox-bbe7cc54 = Sustituye { $placeholder } por la dirección del buzón desde el que envía el sitio.
google-has-no-app-only-ba6e748c = Google no tiene inicio de sesión solo de aplicación para un buzón normal: eso necesita una cuenta de servicio de Google Workspace con delegación en todo el dominio, configurada por el administrador de Workspace. Esto inicia sesión como el buzón (delegado).
app-only-sign-in-needs-ad5c921d = El inicio de sesión solo de aplicación necesita una configuración única de tu administrador de Microsoft 365: el permiso SMTP.SendAsApp, el consentimiento de administrador y el acceso de la aplicación a este buzón en Exchange (mira los pasos de configuración).
the-app-registration-needs-the-f7d5f684 = El registro de la aplicación necesita el permiso delegado SMTP.Send, y el token de actualización se tiene que pedir con los ámbitos https://outlook.office.com/SMTP.Send y offline_access.
the-google-oauth-client-needs-6e9d68ed = El cliente OAuth de Google necesita el ámbito { $scope }. Mientras la pantalla de consentimiento OAuth de Google esté en "Testing", los tokens de actualización caducan a los 7 días: publica la aplicación antes de confiar en esto.
smtp-sign-in-smtp-auth-976b28fe = El inicio de sesión SMTP (SMTP AUTH) tiene que seguir activado para el buzón, también con OAuth: Set-CASMailbox -SmtpClientAuthenticationDisabled $false.
the-tested-connection-was-not-ee5febd4 = La conexión probada no estaba cifrada: los tokens OAuth no deben viajar por la red sin cifrar, así que aquí se usa STARTTLS. Prueba el puerto 587 con STARTTLS (o el 465 con SSL al conectar) antes de confiar en esto.
while-the-google-oauth-consent-d3b7b869 = Mientras la pantalla de consentimiento OAuth de Google esté en "Testing", los tokens de actualización caducan a los 7 días: publica la aplicación antes de confiar en esto.

## src/snippet/oauth/php_token.rs

the-token-request-uses-php-264e594e = La petición del token usa file_get_contents de PHP sobre una dirección https://: allow_url_fopen de PHP tiene que estar activado (lo está de forma predeterminada) y el servidor tiene que poder llegar al punto de conexión de tokens.

## src/snippet/oauth/phpmailer.rs

put-this-where-your-php-021b3499 = Pon esto donde tu código PHP crea el objeto PHPMailer (PHPMailer 6.6 o posterior: OAuthTokenProvider llegó en la 6.6), antes de $mail->send(); las líneas use van al principio del archivo.
put-this-where-your-php-e46cf1ca = Pon esto donde tu código PHP crea el objeto PHPMailer (PHPMailer 6 con Composer), antes de $mail->send(); las líneas use van al principio del archivo.
phpmailer-s-own-oauth-class-d202c98f = La clase OAuth propia de PHPMailer solo funciona con un token de actualización (alguien inicia sesión una vez); para el inicio de sesión solo de aplicación, la pequeña clase AppOnlyOAuthToken de aquí pide a Microsoft un token con el id. y el secreto de la aplicación.
get-the-refresh-token-once-daf7ceaf = Obtén una vez el token de actualización con el get_oauth_token.php de PHPMailer (viene con PHPMailer): ponlo en tu sitio, añade su dirección a las URI de redirección de la aplicación, ábrelo, elige { $provider } e inicia sesión como el buzón. Después borra el script.
microsoft-sends-only-as-the-720b52d1 = Microsoft solo envía como el buzón que inicia sesión (o una dirección con la que pueda enviar): deja setFrom en esa dirección.

## src/snippet/oauth/setup.rs

open-the-microsoft-entra-admin-56e219d9 = Abre el centro de administración de Microsoft Entra (entra.microsoft.com) → App registrations → New registration. Ponle un nombre (por ejemplo "Correo del sitio web"), deja "Accounts in this organizational directory only" y regístrala. Su página Overview muestra el Application (client) ID y el Directory (tenant) ID: el sitio necesita los dos.
open-the-microsoft-entra-admin-830973c3 = Abre el centro de administración de Microsoft Entra (entra.microsoft.com) → App registrations y abre la aplicación cuyo Application (client) ID es { $client_id } (o créala: New registration, "Accounts in this organizational directory only"). Anota el Directory (tenant) ID de su página Overview: el sitio lo necesita.
open-the-microsoft-entra-admin-566fe1a1 = Abre el centro de administración de Microsoft Entra (entra.microsoft.com) → App registrations y abre la aplicación cuyo Application (client) ID es { $client_id } (o créala: New registration, "Accounts in this organizational directory only"). Su Directory (tenant) ID debería ser { $tenant }.
in-the-app-api-permissions-e2b91c93 = En la aplicación: API permissions → Add a permission → APIs my organization uses → busca "Office 365 Exchange Online" → Application permissions → marca SMTP.SendAsApp → Add permissions.
still-on-api-permissions-click-3f5fb2d8 = Todavía en API permissions, haz clic en "Grant admin consent" para tu organización (solo puede hacerlo un administrador).
certificates-secrets-new-client-secret-12e13caf = Certificates & secrets → New client secret. Copia su Value enseguida (solo se muestra esta vez) y ponlo donde el sitio lee su secreto de cliente. Apunta la fecha de caducidad en tu calendario: cuando el secreto caduque, el sitio dejará de enviar hasta que crees uno nuevo.
enterprise-applications-not-app-registra-0ee3ad08 = Enterprise applications (no App registrations) → abre la misma aplicación → copia su Object ID. El Object ID de App registration es otro número y hace fallar el inicio de sesión. Sustituye a { $placeholder } más abajo.
in-powershell-install-the-exchange-208056fd = En PowerShell, instala el módulo de Exchange Online (una vez) e inicia sesión como administrador de Exchange.
tell-exchange-about-the-app-7738c8e6 = Da a conocer la aplicación a Exchange (su entidad de servicio).
let-the-app-use-the-0b50e2fa = Permite que la aplicación use el buzón { $mailbox }.
make-sure-smtp-sign-in-b85ae76e = Asegúrate de que el inicio de sesión SMTP (SMTP AUTH) está activado para el buzón: OAuth también lo necesita.

## src/snippet/oauth/symfony.rs

save-the-first-part-as-bebdcc14 = Guarda la primera parte como src/Mailer/FreshTokenXOAuth2Authenticator.php; usa la segunda parte donde tu código envía correo, en lugar del mailer creado a partir de MAILER_DSN.
symfony-mailer-cannot-fetch-an-653576c6 = Symfony Mailer no puede obtener por sí mismo un token OAuth: su inicio de sesión XOAUTH2 toma la contraseña como token, y un token solo dura una hora aproximadamente. La pequeña clase de aquí obtiene uno nuevo para cada conexión. Necesita symfony/mailer 6.3 o posterior (setAuthenticators).
php-code-symfony-mailer-69a187c6 = Código PHP (Symfony Mailer)

## src/snippet/oauth/web_config.rs

put-it-inside-configuration-replacing-fa45570d = Ponlo dentro de <configuration>, en lugar del bloque <system.net> <mailSettings> que ya haya (conserva todo lo demás dentro de <system.net>, como <defaultProxy>).
asp-net-s-mail-sender-22b9064f = El emisor de correo de ASP.NET (System.Net.Mail, que lee web.config) no sabe iniciar sesión con OAuth (la petición para añadirlo, la incidencia 76253 de dotnet/runtime, sigue abierta desde 2022), y la propia Microsoft recomienda MailKit en su lugar (guía DE0005).
way-out-1-create-an-4ee187a7 = Solución 1: crea una contraseña de aplicación para el buzón (Contraseñas de aplicación, en la configuración de seguridad de la cuenta de Google) y ponla en lugar de { $placeholder }. Un administrador de Workspace puede prohibir las contraseñas de aplicación: entonces usa un servicio de relay o MailKit.
asp-net-cannot-use-port-3fcf6280 = ASP.NET no puede usar el puerto 465 (SSL al conectar), así que se usa el puerto 587 con enableSsl="true".
way-out-1-azure-communication-18094b5e = Solución 1, el SMTP de Azure Communication Services (smtp.azurecomm.net, puerto 587, enableSsl="true"): en Azure portal crea un Email Communication Service con tu dominio y un recurso de Communication Services, da acceso a una aplicación de Entra y crea un SMTP Username. Entonces userName es ese SMTP Username y password es el secreto de cliente de la aplicación (sustituye { $user_placeholder } y { $secret_placeholder }). La dirección del remitente tiene que ser de un dominio verificado en ACS.
way-out-2-a-relay-7b644bf3 = Solución 2, un servicio de relay (SendGrid, Brevo, Mailgun, Amazon SES, SMTP2GO, ...): pon su host, el puerto 587, enableSsl="true" y su nombre de usuario SMTP y contraseña o clave en el elemento <network>.
way-out-3-an-exchange-c0be45f4 = Solución 3, un conector de Exchange: tu administrador crea en Exchange Online un conector de entrada que acepta correo de la dirección IP fija del servidor web; entonces el sitio envía a <tu dominio>.mail.protection.outlook.com en el puerto 25 sin userName ni password (enableSsl="true" también funciona ahí).
way-out-4-high-volume-cdeb9bee = Solución 4, High Volume Email (smtp-hve.office365.com, puerto 587): sigue aceptando contraseña, pero solo entrega a direcciones de tu propia organización.
way-out-5-move-the-166eb8f2 = Solución 5: pasa el código de correo del sitio a MailKit, que inicia sesión con OAuth (mira la pestaña ASP.NET Core para ver el código; MailKit también funciona en .NET Framework 4.x).

## src/snippet/oauth/wordpress.rs

put-this-in-wp-config-7f22d207 = Pon esto en wp-config.php encima de la línea /* That's all, stop editing! */ (necesita el plugin WP Mail SMTP), en lugar de las líneas WPMS_ que ya haya.
with-wp-mail-smtp-the-c123677e = Con WP Mail SMTP, el inicio de sesión se hace en la página de configuración del plugin: sigue sus pasos, no la configuración solo de aplicación para SMTP (SMTP.SendAsApp).
steps-1-in-the-google-54eefa59 = Pasos: 1. En la consola de Google Cloud, crea un proyecto, activa la Gmail API y crea un id. de cliente OAuth de tipo "Web application". 2. Copia la "Authorized redirect URI" que aparece en la configuración de WP Mail SMTP en las "Authorized redirect URIs" del cliente. 3. Pega arriba el id. de cliente y el secreto. 4. En la configuración de WP Mail SMTP, usa su botón para iniciar sesión con la cuenta de Google del buzón y permite que el plugin envíe.
steps-1-in-the-microsoft-ea0ecf6c = Pasos: 1. En el centro de administración de Microsoft Entra, App registrations → New registration. 2. Añade la URI de redirección y los permisos que indica la página de configuración de Outlook de WP Mail SMTP. 3. Certificates & secrets → New client secret; pega arriba el id. de cliente y el secreto. 4. En la configuración de WP Mail SMTP, usa su botón para iniciar sesión con la cuenta de Microsoft del buzón.
the-outlook-mailer-is-part-f00ba925 = El mailer de Outlook solo forma parte de WP Mail SMTP Pro. Sin Pro: el SMTP de Azure Communication Services (smtp.azurecomm.net, puerto 587, STARTTLS) funciona con el mailer "Other SMTP" del plugin y un nombre de usuario y contraseña.
nothing-in-wp-config-php-e750f8c3 = Nada en wp-config.php inicia sesión: el plugin guarda el inicio de sesión que obtiene en su página de configuración, así que repite el paso 4 si deja de enviar (por ejemplo, cuando caduque el secreto).

## src/snippet/parts.rs

from-is-empty-the-website-80fe4bb0 = from está vacío: entonces el código del sitio web tiene que definir el remitente por sí mismo.
replace-placeholder-with-the-mailbox-0d73c02b = Sustituye { $placeholder } por la contraseña del buzón (se omite para que el fragmento se pueda compartir sin riesgo).
defaultcredentials-signing-in-as-the-f49dc854 = defaultCredentials (iniciar sesión con la cuenta de Windows) solo existe en el web.config de ASP.NET: este fragmento no inicia sesión. Escribe un nombre de usuario y una contraseña si el servidor los necesita.
no-encryption-the-password-crosses-60b57264 = Sin cifrado: la contraseña viaja por la red sin cifrar. Usa STARTTLS o SSL al conectar si el servidor lo ofrece.
port-465-is-for-ssl-d3d922fc = El puerto 465 es para SSL al conectar, y la mayoría de programas de correo siempre lo usan ahí. Prueba el puerto 587 con STARTTLS, o el 465 con SSL al conectar, antes de confiar en esto.

## src/snippet/phpmailer.rs

smtpautotls-is-false-so-that-d6642a40 = SMTPAutoTLS está en false para que PHPMailer no pase a STARTTLS por su cuenta; quita esa línea si el servidor ofrece STARTTLS y lo quieres.

## src/snippet/symfony.rs

the-user-name-and-password-db6b0fdc = El nombre de usuario y la contraseña van codificados como URL en el DSN (@ es %40, por ejemplo): si los editas, codifícalos igual.
smtp-switches-to-starttls-by-b5d12bbf = smtp:// pasa a STARTTLS por sí mismo cuando el servidor lo ofrece. Symfony siempre usa SSL al conectar en el puerto 465, incluso con smtp://.
smtp-still-switches-to-starttls-cb0f6b8f = smtp:// sigue pasando a STARTTLS cuando el servidor lo ofrece (Symfony 7.1+ puede desactivarlo con ?auto_tls=false).
smtps-means-ssl-on-connect-dabcf4ab = smtps:// significa SSL al conectar. Symfony también usa SSL al conectar para cualquier DSN en el puerto 465.
symfony-mailer-takes-the-sender-5727fd05 = Symfony Mailer toma el remitente de cada mensaje: usa { $from } como su dirección From.

## src/snippet/wordpress.rs

wpms-ssl-tls-means-starttls-e40daa42 = WPMS_SSL 'tls' significa STARTTLS (el propio comentario del plugin "TLS is not STARTTLS" lleva a confusión): deja 'tls' con el puerto 587, y 'ssl' solo para el puerto 465.

## src/warning.rs

your-website-will-then-log-9d26b372 = Entonces tu sitio web registrará
for-mail-to-anyone-else-362213fd = Para el correo a cualquier otra persona, tu sitio web registrará
the-test-message-arrived-but-a31edd84 = El mensaje de prueba llegó, pero el correo a tus clientes se rechazará
this-server-took-the-test-163aee85 = Este servidor aceptó el mensaje de prueba sin inicio de sesión porque iba dirigido a uno de sus propios buzones. Cuando se le pidió aceptar correo para una dirección externa (no se envió nada), lo rechazó: "{ $reply }". Sin inicio de sesión, el correo de tu sitio web a cualquier otra persona (confirmaciones de pedido, restablecimiento de contraseñas) se rechaza de la misma forma.
fill-in-username-and-password-14461f2f = Rellena `userName` y `password` (y pon `enableSsl` en `true`): un sitio web con sesión iniciada puede enviar a cualquier dirección. Vuelve a probar con ellos.
or-ask-your-hosting-company-fee3b0e0 = O pregunta a tu empresa de hosting qué servidor y puerto permiten al sitio web enviar a direcciones externas.
azure-communication-services-a-microsoft-ac627e0b = Azure Communication Services: un relay de Microsoft que sigue aceptando nombre de usuario y contraseña (smtp.azurecomm.net, puerto 587, enableSsl activado; userName es su nombre de usuario SMTP, y password, el secreto de cliente de la aplicación de Entra). Elige el ajuste predefinido "Azure Communication Services" y pruébalo.
a-sending-service-that-takes-06d85dc4 = Un servicio de envío que acepte contraseñas (SendGrid, Brevo, Mailgun, Amazon SES, SMTP2GO) o el servidor de correo de tu empresa de hosting: cambia host, userName y password a los suyos.
an-exchange-connector-your-admin-6c6db3dc = Un conector de Exchange: tu administrador permite que la dirección IP fija del servidor web envíe por el puerto 25 a <tu dominio>.mail.protection.outlook.com sin iniciar sesión.
high-volume-email-smtp-hve-996cf456 = High Volume Email (smtp-hve.office365.com, puerto 587) mantiene las contraseñas hasta septiembre de 2028, pero solo entrega a los buzones de tu propia organización.
or-move-the-site-s-da0ce105 = O pasa el código de correo del sitio a MailKit con OAuth (el emisor de correo integrado de ASP.NET no sabe usar OAuth).
sign-in-with-oauth-instead-a6b809b7 = Inicia sesión con OAuth en su lugar (una aplicación de Microsoft 365 con el permiso SMTP.SendAsApp): pruébalo aquí con Inicio de sesión → Microsoft 365 (OAuth), o `mailtester send --oauth microsoft`, y después usa el fragmento OAuth para tu plataforma.
or-send-through-a-relay-09358923 = O envía a través de un relay que mantenga las contraseñas: Azure Communication Services (smtp.azurecomm.net) o un servicio de envío.
this-works-today-but-microsoft-1e66a965 = Hoy funciona, pero Microsoft 365 desactiva el inicio de sesión con contraseña a finales de diciembre de 2026
microsoft-switches-password-sign-in-b29c7af0 = Microsoft desactiva de forma predeterminada el inicio de sesión con contraseña para SMTP (autenticación básica) en todas las organizaciones de Microsoft 365 a finales de diciembre de 2026. Por ahora, un administrador puede volver a activarlo; Microsoft anunciará el final definitivo en el segundo semestre de 2027. A partir de entonces, el correo de tu sitio web dejará de enviarse.

## src/webconfig/document.rs

a-second-top-level-element-0dbfb207 = un segundo elemento de nivel superior; todo tiene que estar dentro del único elemento <configuration>
text-outside-the-configuration-element-5ab3603e = texto fuera del elemento <configuration>; quítalo
name-is-never-closed-name-53fcf71f = <{ $name }> nunca se cierra (falta </{ $name }>)
the-file-has-no-elements-e99344ab = el archivo no tiene ningún elemento (debería empezar por <configuration>)
a-tag-is-not-closed-61fb9e67 = una etiqueta no está cerrada: falta un > (o unas comillas dentro de la etiqueta no están cerradas)
a-comment-that-starts-with-3173cbb0 = un comentario que empieza por <!-- nunca se cierra con -->
a-cdata-section-is-never-36fbd2fd = una sección <![CDATA[ nunca se cierra con ]]>
a-instruction-is-never-closed-c4b71c8b = una instrucción <? ... ?> nunca se cierra con ?>
something-starting-with-is-neither-c5af375e = algo que empieza por <! no es ni un comentario ni marcado válido
found-closes-expected-which-is-b2b369eb = </{ $found }> cierra <{ $expected }>, que sigue abierto: falta una etiqueta de cierre o está mal escrita
name-closes-an-element-that-427ce6ea = </{ $name }> cierra un elemento que nunca se abrió
name-is-never-closed-c06a4bbe = <{ $name }> nunca se cierra
a-comment-contains-two-hyphens-e819051e = un comentario contiene -- (dos guiones), algo que XML no permite dentro de <!-- -->
an-starts-a-reference-that-acc80456 = un & empieza una referencia que nunca termina con ; (escribe & como &amp;)
the-xml-line-at-the-d4be05db = la línea <?xml ...?> del principio no tiene version="1.0"
the-xml-could-not-be-ebe072f9 = no se pudo leer el XML ({ $error })

## src/webconfig/error.rs

this-web-config-is-not-e049049c = este web.config no es XML válido: { $problem } (línea { $line }, columna { $column }). ASP.NET tampoco puede leerlo; corrígelo en un editor de texto o restaura una copia de seguridad y vuelve a intentarlo
this-file-is-not-a-946b2312 = este archivo no es un web.config: su primer elemento es <{ $root }>, no <configuration>. Abre el web.config del sitio (está en la carpeta raíz del sitio)
this-web-config-has-no-622e34e8 = este web.config todavía no tiene configuración de correo; prueba tu configuración y usa Actualizar para añadirla
the-mail-settings-are-not-2daa99b4 = la configuración de correo no está en este archivo: <{ $element } configSource="{ $file }"> la guarda en { $file }, junto a este web.config. Abre ese archivo
the-mail-settings-in-this-ba3ab443 = la configuración de correo de este web.config está cifrada ({ $detail }), así que aquí no se puede leer ni cambiar. Descífrala en el servidor con aspnet_regiis -pd "system.net/mailSettings/smtp" (y vuelve a cifrarla después con -pe), o escribe la configuración a mano
found-on-line-line-must-5332e735 = <{ $found }> en la línea { $line } tiene que escribirse <{ $expected }> (los nombres de elementos distinguen mayúsculas y minúsculas, y ASP.NET rechaza el archivo tal como está). Corrige el nombre en un editor de texto y vuelve a intentarlo
element-appears-more-than-once-f637cee8 = <{ $element }> aparece más de una vez (de nuevo en la línea { $line }); ASP.NET rechaza una sección escrita dos veces. Quita la que sobra en un editor de texto y vuelve a intentarlo
the-attribute-value-has-a-50c8f903 = el valor de { $attribute } tiene un carácter de control ({ $character }) que un web.config no puede contener: ASP.NET rechazaría todo el archivo y el sitio se pararía con el error 500.19. No se cambió nada; vuelve a escribir { $attribute } sin él (suele venir de copiar y pegar) y vuelve a intentarlo
the-tester-could-not-update-b7d291a7 = el programa no pudo actualizar este web.config de forma segura ({ $arg0 }); no se cambió nada. Por favor, infórmanos, y de momento cambia el archivo a mano
there-is-no-file-here-7f01ff88 = aquí no hay ningún archivo; revisa la ruta (el web.config está en la carpeta raíz del sitio): { $path }
another-program-has-the-file-fad4180e = otro programa tiene el archivo abierto y no deja cambiarlo, así que no se cambió nada; cierra el programa que lo tiene abierto (un editor, el Administrador de IIS, una herramienta de copias de seguridad o de sincronización) y vuelve a intentarlo: { $path }
this-is-what-not-a-05f9ae91 = esto es { $what }, no un archivo, así que no se tocó; indica la ruta del propio archivo web.config (está en la carpeta raíz del sitio): { $path }
the-file-is-read-only-c3ff344c = el archivo es de solo lectura (está marcado como de solo lectura, o esta cuenta no puede escribir en él), así que no se cambió nada; quita la marca de solo lectura (Windows: Propiedades del archivo, desmarca Solo lectura; Linux: chmod u+w) o ejecútalo con un usuario que pueda escribir en él, y vuelve a intentarlo: { $path }
the-file-is-size-bytes-2a8cdc56 = el archivo ocupa { $size } bytes, demasiado para un web.config (el límite es { $limit } bytes); comprueba que es el archivo correcto: { $path }
the-file-is-not-utf-e2a5449c = el archivo no es texto UTF-8 ni UTF-16 ({ $detail }); ábrelo en un editor de texto, guárdalo como UTF-8 y vuelve a intentarlo: { $path }
the-file-changed-on-disk-62f7b37a = el archivo cambió en el disco después de preparar los cambios (otro programa u otra persona lo editó), así que no se escribió nada; vuelve a ejecutar la actualización para ver un diff nuevo: { $path }
could-not-write-the-backup-75f9a6c2 = no se pudo escribir la copia de seguridad ({ $source }), así que el web.config no se cambió; libera espacio en el disco o revisa los permisos de la carpeta: { $path }
could-not-write-the-new-01f69e66 = no se pudo escribir el contenido nuevo ({ $source }); el contenido anterior está a salvo en la copia de seguridad { $backup }, así que si el web.config ha quedado dañado, copia encima la copia de seguridad: { $path }
permission-denied-this-account-may-28324bb6 = permiso denegado: esta cuenta no puede leer el archivo. { $advice }: { $path }
permission-denied-this-account-may-14f1cab5 = permiso denegado: esta cuenta no puede escribir el archivo (ni crear archivos en su carpeta). { $advice }: { $path }
could-not-read-the-file-988f82d4 = no se pudo leer el archivo ({ $source }); revisa la ruta y vuelve a intentarlo: { $path }
could-not-write-the-file-0790a48d = no se pudo escribir el archivo ({ $source }); revisa la ruta y vuelve a intentarlo: { $path }
a-website-s-files-under-c1972da4 = Los archivos de un sitio web (dentro de C:\inetpub, por ejemplo) suelen necesitar derechos de administrador: cierra Mail Settings Tester, haz clic derecho en él y elige "Ejecutar como administrador", y vuelve a intentarlo; o trabaja con una copia del archivo
run-it-as-a-user-e923af9a = Ejecútalo con un usuario que tenga permiso (en un servidor web suele ser root o el propietario del sitio, p. ej. con sudo), o trabaja con una copia del archivo

## src/webconfig/file/checks.rs

a-named-pipe-fifo-47ff048c = una tubería con nombre (FIFO)
a-device-7c776f4e = un dispositivo
a-socket-26577a75 = un socket
a-folder-419478b0 = una carpeta
not-a-regular-file-ebe2737d = no es un archivo normal

## src/webconfig/file.rs

utf-16-with-an-odd-c94555ea = UTF-16 con un número impar de bytes: el archivo está cortado
broken-utf-16-5bc13a27 = UTF-16 defectuoso
it-looks-like-utf-16-33d07569 = parece UTF-16 sin marca de orden de bytes
line-line-has-a-character-cb86bf3b = la línea { $line } tiene un carácter que no es UTF-8, probablemente una codificación antigua de Windows
too-many-backups-with-the-2a36fe1a = demasiadas copias de seguridad con la misma marca de tiempo

## src/webconfig/layout.rs

added-element-inside-parent-431becd7 = Se añadió <{ $element }> dentro de <{ $parent }>.

## src/webconfig/lint.rs

fix-the-xml-in-a-546837d2 = Corrige el XML en un editor de texto (o restaura una copia de seguridad) y vuelve a comprobarlo.
open-the-site-s-web-b8d6e299 = Abre el web.config del sitio.
check-that-other-file-instead-0ed422f0 = Comprueba ese otro archivo.
decrypt-the-section-to-check-cf798e5a = Descifra la sección para comprobarla, o prueba la configuración escribiéndola a mano.
this-web-config-has-no-07bafa83 = Este web.config no tiene configuración de correo (<system.net><mailSettings><smtp>).
test-your-settings-then-use-6448d6a8 = Prueba tu configuración y después usa Actualizar para añadirla.
smtp-has-no-network-element-aa04a6eb = <smtp> no tiene elemento <network>, así que no se indica ningún servidor de correo: el envío falla con "The SMTP host was not specified." salvo que el código del sitio lo defina.
add-network-host-port-587-17c60e62 = Añade <network host="..." port="587" enableSsl="true" ... /> dentro de <smtp> (el botón Actualizar lo hace por ti).
found-must-be-written-right-a97a6695 = <{ $found }> tiene que escribirse <{ $right }>: los nombres de elementos distinguen mayúsculas y minúsculas, y ASP.NET rechaza el archivo tal como está.
rename-found-to-right-in-b46d1244 = Cambia <{ $found }> por <{ $right }> (en la etiqueta de apertura y en la de cierre).
element-is-written-more-than-3c644821 = <{ $element }> está escrito más de una vez: ASP.NET rechaza una sección que aparece dos veces.
keep-one-element-and-remove-0b3b6944 = Deja un solo <{ $element }> y quita el otro.
the-mail-settings-are-inside-00a41f02 = La configuración de correo está dentro de <location path="{ $path }">, así que se aplica a esa parte del sitio.
usually-fine-if-the-whole-bd9e2bd3 = Normalmente está bien; si todo el sitio envía correo y esto es una subcarpeta, mueve <system.net> directamente bajo <configuration>.
element-has-name-but-net-61c07682 = <{ $element }> tiene `{ $name }`, pero .NET solo conoce `{ $right }`: los nombres de atributos distinguen mayúsculas y minúsculas, así que ASP.NET rechaza toda la sección de correo ("Unrecognized attribute '{ $name }'. Note that attribute names are case-sensitive.") y no se envía ningún correo.
rename-name-to-right-update-cb52d8cf = Cambia `{ $name }` por `{ $right }` (el botón Actualizar lo hace por ti).
replace-name-with-meant-the-e25b0aa5 = Sustituye `{ $name }` por `{ $meant }` (el nombre que conoce .NET).
remove-name-element-knows-known-3e4e8597 = Quita `{ $name }`. <{ $element }> conoce: { $known }.
element-has-name-which-is-117faef4 = <{ $element }> tiene `{ $name }`, que no es un ajuste de correo de .NET: ASP.NET rechaza toda la sección de correo ("Unrecognized attribute '{ $name }'.") y no se envía ningún correo.

## src/webconfig/lint_tls.rs

targetframework-stated-a-site-that-de58a7e3 = targetFramework="{ $stated }": un sitio cuyo destino es .NET Framework 4.5.2 o anterior solo ofrece TLS 1.0 de forma predeterminada, y los servidores de correo ya solo aceptan TLS 1.2 o posterior, así que el envío falla con "Authentication failed because the remote party has closed the transport stream." salvo que el Windows del servidor esté configurado para usar cifrado fuerte en todos los programas.
write-httpruntime-targetframework-4-8-f7fec2a7 = Escribe <httpRuntime targetFramework="4.8" /> en <system.web> (.NET Framework 4.8 tiene que estar instalado en el servidor web; tu hosting puede decírtelo), o pide a tu desarrollador que añada ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12; al arrancar.

## src/webconfig/lint_values.rs

smtp-has-no-from-address-f9cd657f = <smtp> no tiene dirección `from`, así que cada mensaje que envía el sitio tiene que definir su propio remitente; donde el código no lo hace, el envío falla con "A from address must be specified."
add-from-you-yourdomain-com-ec32121e = Añade from="tu@tudominio.com" a <smtp>, con una dirección con la que el servidor de correo te deje enviar.
deliveryformat-format-is-not-a-505b3353 = deliveryFormat="{ $format }" no es un formato de entrega: ASP.NET rechaza la sección de correo.
remove-deliveryformat-the-default-sevenb-95b52244 = Quita deliveryFormat (el valor predeterminado, SevenBit, sirve para casi todos los sitios) o escribe SevenBit o International.
deliverymethod-value-is-not-a-375196b5 = deliveryMethod="{ $value }" no es un método de entrega: ASP.NET rechaza la sección de correo.
write-deliverymethod-network-to-send-40e5740b = Escribe deliveryMethod="Network" para enviar a través del servidor de correo.
deliverymethod-value-writes-each-message-82f343ab = deliveryMethod="{ $value }" escribe cada mensaje como archivo en una carpeta en lugar de enviarlo: nada llega al servidor de correo, diga lo que diga <network>.
write-deliverymethod-network-to-send-3e1d84d7 = Escribe deliveryMethod="Network" para enviar a través del servidor de correo (deja la carpeta solo en un sitio de pruebas).
no-mail-server-is-named-4f06cc8f = No se indica ningún servidor de correo (falta `host` o está vacío), así que el envío falla con "The SMTP host was not specified." salvo que el código del sitio lo defina.
add-host-smtp-yourprovider-com-bb4f6757 = Añade host="smtp.tuproveedor.com" a <network>.
port-465-is-for-ssl-761241f1 = port="465" es para SSL al conectar, algo que System.Net.Mail no sabe hacer: espera un saludo que nunca llega y falla a los 100 segundos con "The operation has timed out."
use-port-587-with-enablessl-e0c0c6ce = Usa port="587" con enableSsl="true" (STARTTLS), y pruébalo antes.
port-value-is-outside-1-968b4df1 = port="{ $value }" está fuera del rango 1–65535: ASP.NET rechaza la sección de correo.
use-port-587-the-usual-19aa1c58 = Usa port="587" (el puerto habitual para enviar desde sitios web), salvo que tu proveedor diga otra cosa.
port-value-is-not-a-f40e6f90 = port="{ $value }" no es un número entero: ASP.NET rechaza la sección de correo.
encrypt-the-connection-with-starttls-1fd0d51e = cifrar la conexión con STARTTLS
sign-in-as-the-website-7d587fd7 = iniciar sesión con la cuenta de Windows del sitio web
enablessl-is-true-while-deliverymethod-2ec1b295 = enableSsl está en true mientras deliveryMethod escribe en una carpeta: .NET se detiene con "SSL must not be enabled for pickup-directory delivery methods."
write-deliverymethod-network-to-send-4e4c28b5 = Escribe deliveryMethod="Network" para enviar a través del servidor, o enableSsl="false" para mantener la carpeta.
name-value-is-neither-true-f3d68c43 = { $name }="{ $value }" no es ni true ni false: ASP.NET rechaza la sección de correo.
write-name-true-meaning-or-f1a39692 = Escribe { $name }="true" ({ $meaning }) o { $name }="false".
defaultcredentials-true-makes-asp-net-6f0df787 = defaultCredentials="true" hace que ASP.NET inicie sesión con la cuenta de Windows del sitio web: userName y password se ignoran.
write-defaultcredentials-false-to-sign-9b9e51b7 = Escribe defaultCredentials="false" para iniciar sesión con userName y password (o quita userName si lo que quieres es la cuenta de Windows).
username-is-set-but-there-7c2d8888 = userName está definido, pero no hay contraseña, así que el servidor rechazará el inicio de sesión.
add-password-to-network-or-21c7b43d = Añade password="..." a <network> (o actualiza el archivo incluyendo la contraseña).
a-password-is-set-but-d646dd41 = Hay una contraseña, pero userName está vacío, así que ASP.NET no inicia sesión en absoluto (sin nombre de usuario no envía credenciales).
add-username-usually-the-full-f1b8ba60 = Añade userName="..." (normalmente la dirección de correo completa), o quita la contraseña.
enablessl-is-false-so-the-4de882bb = enableSsl está en false, así que el nombre de usuario y la contraseña viajan por la red sin cifrar (y muchos servidores se niegan a iniciar sesión sin cifrado).
write-enablessl-true-if-the-cfab14f3 = Escribe enableSsl="true" si el servidor ofrece STARTTLS (pruébalo antes).
the-password-is-written-in-8b0e18ce = La contraseña está escrita como texto legible en web.config: cualquiera que pueda leer este archivo puede leerla.
once-the-settings-work-encrypt-99ce1214 = Cuando la configuración funcione, cifra la sección en el servidor: aspnet_regiis -pe "system.net/mailSettings/smtp" -app "/TuSitio" (ASP.NET la descifra por sí mismo).

## src/webconfig/mod.rs

saving-web-config-restarts-the-382be3c3 = Guardar web.config reinicia el sitio web (IIS lo vuelve a cargar): puede tardar unos segundos en volver a responder, y puede que los visitantes con sesión iniciada tengan que volver a iniciarla.

## src/webconfig/rules.rs

this-site-runs-on-net-353ee75a = Este sitio funciona con .NET Framework 2.0–3.5, donde web.config no tiene enableSsl (llegó en la 4.0, y las versiones anteriores rechazan toda la sección por su culpa), así que este fragmento no lo incluye. El servidor necesita cifrado, así que actívalo en el código: pon SmtpClient.EnableSsl = true antes de Send (para el control PasswordRecovery, gestiona su evento SendingMail, envía tú mismo el mensaje con EnableSsl = true y pon e.Cancel = true). Mejor aún: pasa el sitio a .NET Framework 4.x, donde basta con enableSsl="true" en web.config.
mail-servers-now-require-tls-ce5510dc = Los servidores de correo ya exigen TLS 1.2: asegúrate de que el destino del sitio es .NET Framework 4.7 o posterior (<httpRuntime targetFramework="4.7.2" /> o superior), o de que Windows activa TLS 1.2 para destinos anteriores.
asp-net-core-net-5-5f421df6 = ASP.NET Core (.NET 5 y posteriores) no lee en absoluto <mailSettings> de web.config, así que este bloque no haría nada. Usa la pestaña ASP.NET Core: appsettings.json para MailKit.
asp-net-cannot-use-port-22b9f926 = ASP.NET no puede usar el puerto 465 (SSL al conectar), así que se usa el puerto 587 con enableSsl="true". Prueba el puerto 587 antes de confiar en esto.
enablessl-is-false-the-password-037fb99f = enableSsl está en false: la contraseña viaja por la red sin cifrar. Usa enableSsl="true" si el servidor lo ofrece.

## src/webconfig/section.rs

element-holds-encrypteddata-30490473 = <{ $element }> contiene <EncryptedData>

## src/webconfig/tag.rs

a-tag-could-not-be-f1aa86a3 = no se pudo leer una etiqueta
a-is-not-followed-by-579caa22 = un < no va seguido de un nombre de elemento
in-name-attributes-must-be-9c9f83dd = en <{ $name }>, los atributos tienen que ir separados por un espacio
element-has-the-attribute-name-c9e1b545 = <{ $element }> tiene el atributo { $name } dos veces
in-element-a-stray-quote-7de86a37 = en <{ $element }>, hay unas comillas o un = sueltos donde debería ir un nombre de atributo
in-element-the-attribute-name-d514ebae = en <{ $element }>, el atributo { $name } no tiene valor (escribe { $name }="...")
in-element-the-value-of-1f8d26e4 = en <{ $element }>, el valor de { $name } tiene que ir entre comillas
in-element-the-value-of-3104c556 = en <{ $element }>, al valor de { $name } le faltan las comillas de cierre
in-element-the-value-of-2c82c8d0 = en <{ $element }>, el valor de { $name } contiene <, que hay que escribir como &lt;
in-element-the-value-of-5b909dc6 = en <{ $element }>, el valor de { $name } tiene un & que no es una referencia válida (escribe & como &amp;)

## src/webconfig/update.rs

no-password-was-written-it-6739a1ec = No se escribió ninguna contraseña (se omite salvo que la pidas): añade password="..." a <network> a mano, o vuelve a actualizar incluyendo la contraseña.

## mailtester --help: the doc comments clap shows, and clap's own texts

tests-smtp-settings-the-way-5dd24b90 = Prueba la configuración SMTP como la usa un sitio web, explica los fallos en palabras sencillas y escribe el fragmento de web.config que funciona.
the-language-of-messages-and-254dde98 = El idioma de los mensajes y de la ventana: de, fr, es, pt-BR, it, nl, pl, ja o en (predeterminado: el del sistema). El JSON, los fragmentos, los identificadores y los códigos de salida son los mismos en todos los idiomas
print-help-63ca5eeb = Muestra la ayuda
print-version-070bbb84 = Muestra la versión
send-a-test-message-and-43b885a5 = Envía un mensaje de prueba y muestra cada paso de la conversación con el servidor
start-from-a-provider-s-927bdeaf = Parte de la configuración de un proveedor (mira `mailtester presets`); las demás opciones tienen prioridad sobre ella
start-from-a-saved-profile-4d8d2825 = Parte de un perfil guardado (mira `mailtester profile list`); las demás opciones tienen prioridad sobre él, y su contraseña se toma del llavero del sistema si no se indica otra
host-the-mail-server-s-ef315f6f = `host`: el nombre del servidor de correo
port-587-for-most-providers-b7560650 = `port` (587 en la mayoría de los proveedores; el valor predeterminado de web.config es 25)
enablessl-starttls-web-config-s-201dd084 = `enableSsl` (STARTTLS). El valor predeterminado de web.config es false
connection-security-overrides-enable-ssl-4bfd0c93 = Seguridad de la conexión; tiene prioridad sobre --enable-ssl
starttls-what-enablessl-true-means-49815d99 = STARTTLS (lo que significa enableSsl="true")
ssl-on-connect-usually-port-5606cb12 = SSL al conectar (normalmente en el puerto 465; no es posible desde ASP.NET)
username-usually-the-full-email-1aca0825 = `userName` (normalmente la dirección de correo completa)
read-the-password-from-the-3b36a99c = Lee la contraseña de la primera línea de la entrada estándar
read-the-password-from-this-8b7c2f86 = Lee la contraseña de esta variable de entorno
defaultcredentials-sign-in-as-the-dcf0f239 = `defaultCredentials`: inicia sesión como la cuenta de Windows en lugar de con un nombre de usuario
from-the-sender-address-38af51cb = `from`: la dirección del remitente
where-to-send-the-test-f1adc9fb = Adónde enviar la prueba (predeterminado: la dirección del remitente)
clientdomain-the-name-sent-with-05cff35e = `clientDomain`: el nombre que se envía con EHLO (predeterminado: el nombre de este equipo)
limit-for-each-wait-in-fd8c958b = Límite de cada espera, en segundos (predeterminado: conexión 10, saludo 10, órdenes 30)
the-limit-for-the-whole-719e5a06 = El límite de toda la prueba, en segundos, aunque el servidor siga respondiendo poco a poco [predeterminado: 120, o --timeout si se indica]
how-long-to-wait-in-d78347aa = Cuánto esperar, en segundos, a que el servidor acepte el mensaje una vez enviado entero (los servidores que revisan cada mensaje en busca de spam pueden ser lentos); el límite de toda la prueba sigue aplicándose. Con --target dotnet solo se aplica el límite de toda la prueba, como en ASP.NET [predeterminado: 90, o --timeout si se indica]
an-extra-file-of-certificate-e8ce08c6 = Un archivo adicional de autoridades de certificación en las que confiar (PEM, o un certificado DER .cer)
go-on-when-the-certificate-c46a2c17 = Continúa aunque el certificado no sea válido (siempre se indica como advertencia)
sign-in-even-over-an-cd05e74d = Inicia sesión incluso por una conexión sin cifrar (la contraseña viaja por la red y cualquiera en el camino puede leerla). Sin esta opción, la prueba se detiene antes de enviar la contraseña por esa conexión
the-program-that-will-use-dc349359 = El programa que usará esta configuración [predeterminado: dotnet]
asp-net-system-net-mail-a1aacdb3 = ASP.NET / System.Net.Mail (web.config): se comporta exactamente como él
any-other-mail-program-the-96b08a92 = Cualquier otro programa de correo: lo mejor que ofrece el servidor
the-website-s-asp-net-768c8f73 = La versión de ASP.NET del sitio web: decide lo que puede indicar web.config [predeterminado: 4]
net-framework-2-0-no-9d07e76e = .NET Framework 2.0 (sin enableSsl en web.config)
net-framework-3-5-no-2d75b08e = .NET Framework 3.5 (sin enableSsl en web.config)
net-framework-4-x-c65af3fe = .NET Framework 4.x
asp-net-core-net-5-64b81ab6 = ASP.NET Core / .NET 5 o posterior (sin <mailSettings>; appsettings.json)
put-the-real-password-in-1ff6bd67 = Incluye la contraseña real en el fragmento que se muestra si la prueba sale bien (desactivado de forma predeterminada)
print-one-json-document-instead-6d017d51 = Muestra un único documento JSON en lugar de texto
save-the-password-in-the-25317884 = Guarda la contraseña en el llavero del sistema (salvo que el servidor rechace el inicio de sesión)
write-a-support-report-settings-d77f0f48 = Escribe un informe para soporte (configuración sin la contraseña, pasos, diagnóstico, transcripción) en este archivo, sea cual sea el resultado
write-the-support-report-in-385b4225 = Escribe el informe para soporte en inglés, sea cual sea el idioma de los mensajes (para un servicio de soporte que lee inglés)
after-the-message-went-through-4ac879ba = Cuando el mensaje se haya enviado, comprueba el SPF, DKIM y DMARC del dominio de `from` para este servidor ("¿llegará?"); código de salida 9 si se encuentra un problema
the-dns-server-for-check-5a2c9bdc = El servidor DNS para --check-dns y para las claves DKIM de --check-inbox (UDP y TCP), en lugar del de este equipo
after-the-message-went-through-32241c55 = Cuando el mensaje se haya enviado, lo busca en este buzón por IMAP e indica si llegó a la bandeja de entrada o a spam: imaps://USER@HOST[:PORT] (o imap:// para STARTTLS). La contraseña se toma de --inbox-password-env, --inbox-password-stdin o el llavero (cuenta USER@HOST:PORT), o es la contraseña de inicio de sesión cuando USER y HOST son los mismos. Código de salida 10 si no está en la bandeja de entrada
read-the-mailbox-password-from-b8be0c16 = Lee la contraseña del buzón de esta variable de entorno
read-the-mailbox-password-from-0f167cb6 = Lee la contraseña del buzón de una línea de la entrada estándar (la línea siguiente a la contraseña de inicio de sesión cuando también se indica --password-stdin)
save-the-mailbox-password-in-ee48313c = Guarda la contraseña del buzón en el llavero del sistema (cuenta USER@HOST:PORT) cuando el buzón acepta el inicio de sesión, para que las comprobaciones posteriores no necesiten ninguna opción de contraseña
how-long-to-look-for-6cad6128 = Cuánto tiempo buscar el mensaje antes de decir que no llegó, en segundos
sign-in-with-oauth-using-fc0bf5f4 = Inicia sesión con OAuth usando el token de acceso de esta variable de entorno
sign-in-with-oauth-0a054126 = Inicio de sesión con OAuth
sign-in-with-oauth-using-b3ed4824 = Inicia sesión con OAuth usando el token de acceso de la primera línea de la entrada estándar
get-the-token-from-the-f992c8b8 = Obtiene primero el token del proveedor (Microsoft: una aplicación que inicia sesión en su propio nombre con --tenant, --client-id y su secreto de cliente)
microsoft-365-client-credentials-the-dbe9f4d8 = Microsoft 365 (credenciales de cliente: el id. de cliente y el secreto de la aplicación)
google-not-for-apps-signing-f932ba5a = Google (no sirve para aplicaciones que inician sesión en su propio nombre: mira el mensaje)
a-person-signs-in-instead-b5d721d5 = Una persona inicia sesión (en lugar de la aplicación en su propio nombre): en el navegador del sistema, o con un código escrito en cualquier dispositivo. El inicio de sesión se guarda en el llavero y se renueva solo, sin avisar
open-the-sign-in-page-869ea4f6 = Abre la página de inicio de sesión en el navegador del sistema (define `MAILTESTER_BROWSER` con un programa para usar otro)
show-a-code-to-type-b863e025 = Muestra un código para escribirlo en la página del proveedor, en cualquier dispositivo
microsoft-the-directory-tenant-id-cbfe8ad3 = Microsoft: el Directory (tenant) ID o un dominio de la organización (si inicia sesión una persona: `organizations` de forma predeterminada, `consumers` para Outlook.com)
the-app-s-application-client-82f1a168 = El Application (client) ID de la aplicación
read-the-app-s-client-e9605cd5 = Lee el secreto de cliente de la aplicación de esta variable de entorno
read-the-app-s-client-3ca50f89 = Lee el secreto de cliente de la aplicación de la primera línea de la entrada estándar
the-sign-in-service-default-2cd3b589 = El servicio de inicio de sesión [predeterminado: <https://login.microsoftonline.com>]; solo https (http sin cifrar solo en este equipo, para servidores de prueba)
use-this-oauth-method-by-0fe17325 = Usa este método OAuth; de forma predeterminada, XOAUTH2 si el servidor lo ofrece y, si no, OAUTHBEARER
xoauth2-google-s-and-microsoft-cb4ab04d = XOAUTH2 (de Google y de Microsoft)
oauthbearer-rfc-7628-8e2ee2e0 = OAUTHBEARER (RFC 7628)
print-help-see-more-with-0a4f0559 = Muestra la ayuda (más detalles con '--help')
print-help-see-a-summary-d04996c7 = Muestra la ayuda (un resumen con '-h')
explain-an-error-message-your-18d7c6df = Explica un mensaje de error que registró tu sitio web (indica el texto, o - para leer la entrada estándar)
the-error-text-or-nothing-d88c8bf9 = El texto del error; con `-` o sin nada se lee la entrada estándar
print-json-instead-of-text-beed6e40 = Muestra JSON en lugar de texto
the-website-s-asp-net-a497bacd = La versión de ASP.NET del sitio web: los consejos usan lo que esta permite configurar [predeterminado: 4]
print-the-configuration-for-these-e00a86b9 = Muestra la configuración con estos ajustes: web.config, o la de otra plataforma con --format (no se hace ninguna prueba)
put-the-real-password-in-6427f579 = Incluye la contraseña real en el fragmento (desactivado de forma predeterminada)
which-platform-s-configuration-to-dceee300 = De qué plataforma mostrar la configuración (`all` las muestra todas) [predeterminado: webconfig, o mailkit con --framework core]
web-config-d60c5f1f = web.config
wp-config-php-3861a5b9 = wp-config.php
env-65512ae0 = .env
settings-py-32af70ed = settings.py
nodemailer-51ddd8d1 = Nodemailer
env-local-ba614501 = .env.local
appsettings-json-mailkit-701582dc = appsettings.json, MailKit
every-format-one-after-the-d319a4ba = todos los formatos, uno tras otro
write-the-configuration-for-signing-f08a5eb8 = Escribe la configuración para iniciar sesión con OAuth en este proveedor en lugar de con una contraseña (el secreto de cliente y el token de actualización, siempre como marcadores de posición)
oauth-22077a14 = OAuth
microsoft-the-directory-tenant-id-e920a4ad = Microsoft: el Directory (tenant) ID o un dominio de la organización
a-person-signs-in-once-2851ee47 = Una persona inicia sesión una vez (un token de actualización) en lugar de que la aplicación inicie sesión en su propio nombre
list-the-provider-presets-usable-3657c41c = Lista los ajustes predefinidos de proveedores que se pueden usar con --preset
save-and-manage-named-settings-c7ac9890 = Guarda y gestiona configuraciones con nombre (perfiles); las contraseñas solo van al llavero del sistema
list-the-saved-profiles-711101ad = Lista los perfiles guardados
show-a-profile-s-settings-2e26da20 = Muestra la configuración de un perfil y si su contraseña está guardada en el llavero
the-profile-s-name-56c43ba2 = El nombre del perfil
save-settings-under-a-name-0486960c = Guarda la configuración con un nombre, y crea o sustituye ese perfil (las mismas opciones que `send`)
the-profile-s-name-up-bc6f9e08 = El nombre del perfil (hasta 64 caracteres, sin / ni \)
also-save-the-password-from-580edf38 = Guarda también la contraseña (de --password-stdin o --password-env) en el llavero del sistema
rename-a-profile-71f68a2d = Renombra un perfil
the-current-name-de8e7e88 = El nombre actual
the-new-name-a623aef5 = El nombre nuevo
delete-a-profile-44262b68 = Elimina un perfil
also-remove-its-saved-password-da2c7d1e = Elimina también del llavero su contraseña guardada
remove-a-profile-s-saved-298cfc7c = Elimina del llavero la contraseña guardada de un perfil (el perfil se conserva)
remove-every-profile-and-every-de18827a = Elimina todos los perfiles y todas las contraseñas que Mail Settings Tester guardó en el llavero del sistema (lo mismo que hace la casilla "Eliminar también mis perfiles guardados y mis contraseñas recordadas" del desinstalador)
do-it-without-asking-061c8750 = Lo hace sin preguntar
print-this-message-or-the-7623c860 = Muestra este mensaje o la ayuda de las subórdenes indicadas
read-check-or-update-the-1315aa12 = Lee, comprueba o actualiza la configuración de correo de un archivo web.config
read-the-mail-settings-from-6b91affb = Lee la configuración de correo de un web.config (la contraseña nunca se muestra)
the-web-config-file-2305e780 = El archivo web.config
check-a-web-config-s-eb60dc36 = Comprueba si la configuración de correo de un web.config tiene algo que ASP.NET rechazaría (código de salida 7 si hay errores)
write-these-settings-into-a-4573a44f = Escribe esta configuración en un web.config: muestra el diff, hace una copia de seguridad del archivo y después escribe (con --yes, o cuando respondes s)
the-web-config-file-to-3839ba8f = El archivo web.config que se va a cambiar
write-the-real-password-too-865a9e8f = Escribe también la contraseña real (nunca se muestra en el diff). Sin esta opción, una contraseña existente se deja exactamente como está y no se añade ninguna
write-without-asking-9993991f = Escribe sin preguntar
only-show-what-would-change-e66dcdb4 = Solo muestra lo que cambiaría; no escribe nada
find-the-outgoing-mail-settings-22b0736f = Busca la configuración de correo saliente de una dirección de correo (o prueba un servidor en todos los puertos) sin enviar ningún mensaje ni ninguna contraseña
your-email-address-its-domain-cbd85dd0 = Tu dirección de correo: se buscan (DNS, autoconfig, proveedor) y se prueban los servidores de salida de su dominio
a-server-name-to-test-4879088a = En su lugar, un nombre de servidor que probar en todos los puertos
ports-to-try-on-every-53d9d629 = Puertos que probar en cada servidor, separados por comas; sustituye los predeterminados 587,465,25,2525 (se añaden los puertos que indican los registros SRV o autoconfig)
the-limit-for-each-probe-127daa95 = El límite de cada intento, en segundos (conexión, saludo y el resto)
ask-this-dns-server-udp-35bceb0e = Consulta este servidor DNS (UDP y TCP) en lugar del de este equipo; el puerto predeterminado es 53
the-program-that-will-use-d4cb334f = El programa que usará la configuración: decide la clasificación [predeterminado: dotnet]
an-extra-file-of-certificate-da1c1030 = Un archivo adicional de autoridades de certificación en las que confiar, PEM o DER .cer (SMTP y la descarga de autoconfig)
count-servers-with-an-invalid-f7b64de7 = Cuenta como utilizables los servidores con un certificado no válido (el problema se sigue mostrando)
the-https-port-of-autoconfig-9185457f = El puerto HTTPS de los servidores autoconfig (para pruebas)
show-or-forget-a-person-11db4f12 = Muestra u olvida el inicio de sesión OAuth de una persona guardado en el llavero (mira send --sign-in)
is-a-person-s-sign-95ba3aa1 = ¿Hay guardado un inicio de sesión de una persona para este buzón y esta aplicación? Lo renueva para demostrar que sigue funcionando
the-mailbox-that-signed-in-dcf5d44a = El buzón que inició sesión
the-provider-cf9e8981 = El proveedor
microsoft-the-tenant-signed-in-b1d7bb9b = Microsoft: el tenant en el que se inició sesión [predeterminado: organizations]
the-sign-in-service-when-71e1c665 = El servicio de inicio de sesión, cuando no es el del propio proveedor
google-read-the-desktop-app-d5898bb6 = Google: lee el secreto de cliente de la aplicación de escritorio de esta variable de entorno
forget-the-kept-sign-in-65d531bb = Olvida el inicio de sesión guardado (el token de actualización del llavero)
the-steps-that-let-an-e27948a2 = Los pasos para que una aplicación envíe como un buzón de Microsoft 365 con OAuth (registro de la aplicación, permiso, consentimiento de administrador, PowerShell), rellenados con lo que indiques
the-mailbox-the-app-sends-a8459939 = El buzón como el que envía la aplicación
the-directory-tenant-id-when-465cc398 = El Directory (tenant) ID, si lo sabes
the-application-client-id-when-024fef16 = El Application (client) ID, si lo sabes
will-mail-from-this-address-8c0194c4 = ¿Llegará el correo de esta dirección? Comprueba el SPF, DKIM y DMARC de su dominio para el servidor por el que pasa, y muestra los registros DNS que hay que añadir
the-from-address-your-website-5f5287e4 = La dirección `from` con la que envía tu sitio web; se comprueba el DNS de su dominio
the-smtp-server-the-mail-68b38aa4 = El servidor SMTP por el que pasa el correo: se evalúa SPF para sus direcciones y se comprueba DKIM con los selectores de su proveedor
check-the-mail-settings-of-1120eef6 = Comprueba la configuración de correo de todos los sitios que hay dentro de unas carpetas (web.config, wp-config.php, .env, appsettings.json): se contacta una sola vez con cada servidor de correo, y cada sitio recibe un veredicto y su solución. Solo lee; nunca envía correo
the-folders-to-look-in-963b17a2 = Las carpetas en las que buscar (los sitios de un servidor de hosting: `C:\inetpub\vhosts`, `/var/www`), o archivos de configuración sueltos
also-scan-the-sites-listed-9cf2dfb8 = Analiza también los sitios que figuran en este applicationHost.config de IIS (`%windir%\System32\inetsrv\config\applicationHost.config`)
judge-from-the-files-alone-e580fcc5 = Juzga solo por los archivos: no contacta con ningún servidor
also-try-each-account-s-6362a89f = Prueba también una vez el nombre de usuario y la contraseña de cada cuenta (solo el inicio de sesión y después QUIT; nunca un mensaje; una cuenta a la vez por servidor, con una pausa entre ellas)
how-many-servers-to-contact-a7a31c2c = Con cuántos servidores contactar a la vez (cada servidor recibe una sola conexión a la vez)
the-limit-for-each-server-43cad9fe = El límite de cada servidor, en segundos
an-extra-file-of-certificate-1ea069c0 = Un archivo adicional de autoridades de certificación en las que confiar, PEM o DER .cer
ask-this-dns-server-instead-f78030e2 = Consulta este servidor DNS en lugar del de este equipo; el puerto predeterminado es 53
print-one-json-document-instead-4ee9e15d = Muestra un único documento JSON en lugar de la tabla
also-write-one-row-per-ee388af8 = Escribe también una fila por sitio en este archivo CSV
also-write-a-page-to-d3088699 = Escribe también en este archivo HTML una página para leer y filtrar
the-pause-between-two-sign-1665f117 = La pausa entre dos inicios de sesión en el mismo servidor, en segundos (con --sign-in)

## The same texts as a pasted log, PHPMailer, ASP.NET 2.0–3.5 and ASP.NET Core read them

verify-the-from-address-or-e1e9a7fb = Verifica la dirección `From` (o todo su dominio) en el panel de tu servicio de envío.
verify-the-setfrom-address-or-04ef5b06 = Verifica la dirección de `setFrom()` (o todo su dominio) en el panel de tu servicio de envío.
send-again-after-the-change-b575e680 = Vuelve a enviar después del cambio.
wait-a-few-minutes-and-fc0e871d = Espera unos minutos y vuelve a enviar.
keep-ssl-switched-on-in-768015ad = Deja SSL activado en el código: sin cifrado, tu contraseña viajaría por la red de forma legible.
keep-securesocketoptions-set-to-starttls-2d62cb3b = Deja `SecureSocketOptions` en `StartTls`: sin cifrado, tu contraseña viajaría por la red de forma legible.
keep-smtpsecure-set-to-tls-a73ff0de = Deja `SMTPSecure` en `'tls'` (STARTTLS): sin cifrado, tu contraseña viajaría por la red de forma legible.
send-again-0c4b9d7b = Vuelve a enviar.
the-server-offers-sign-in-dde700b2 = El servidor solo ofrece el inicio de sesión cuando la conexión está cifrada con STARTTLS (la forma en que un servidor de correo pasa a una conexión cifrada), así que lo ocultó para proteger tu contraseña. `smtpClient.EnableSsl = true;` en el código activa STARTTLS.
the-server-offers-sign-in-bff6d7a0 = El servidor solo ofrece el inicio de sesión cuando la conexión está cifrada con STARTTLS (la forma en que un servidor de correo pasa a una conexión cifrada), así que lo ocultó para proteger tu contraseña. `"SecureSocketOptions": "StartTls"` activa STARTTLS en appsettings.json.
the-server-offers-sign-in-e2838ecd = El servidor solo ofrece el inicio de sesión cuando la conexión está cifrada con STARTTLS (la forma en que un servidor de correo pasa a una conexión cifrada), así que lo ocultó para proteger tu contraseña. `$mail->SMTPSecure = 'tls';` activa STARTTLS en tu configuración de PHPMailer.
host-has-no-dot-in-c5a60fd0 = `Host` no tiene ningún punto, y los nombres de servidores de correo son como `smtp.example.com`: compáralo con las instrucciones de tu proveedor.
check-that-the-web-server-db7d5f53 = Comprueba que el servidor web está conectado a internet y vuelve a enviar.
or-change-port-to-587-5d9bcb7b = O cambia `Port` a `587` y usa STARTTLS (la forma en que un servidor de correo pasa a una conexión cifrada).
the-connection-ended-while-switching-b63efb40 = La conexión terminó al pasar al cifrado: comprueba que `port` y SSL (`SmtpClient.EnableSsl`, definido en el código) coinciden con las instrucciones de tu proveedor (para ASP.NET, `587` con SSL activado en el código).
the-connection-ended-while-switching-1cd6aa8f = La conexión terminó al pasar al cifrado: comprueba que `Port` y `SecureSocketOptions` coinciden con las instrucciones de tu proveedor (para ASP.NET, `587` con `SecureSocketOptions` en `StartTls`).
the-connection-ended-while-switching-7b2719f9 = La conexión terminó al pasar al cifrado: comprueba que `Port` y `SMTPSecure` coinciden con las instrucciones de tu proveedor (para ASP.NET, `587` con `SMTPSecure` en `'tls'` (STARTTLS)).
some-servers-hang-up-instead-dfeb1bd9 = Algunos servidores cuelgan en lugar de decir que la contraseña fue rechazada: revisa `UserName` y `Password`.
some-servers-hang-up-instead-0278e739 = Algunos servidores cuelgan en lugar de decir que la contraseña fue rechazada: revisa `Username` y `Password`.
send-again-in-a-few-68c0d09c = Vuelve a enviar dentro de unos minutos.
send-this-error-message-to-89c5093e = Envía este mensaje de error a tu proveedor de correo.
use-a-sender-address-from-14e961d9 = Usa una dirección de remitente (`From`) que antes de la @ solo tenga letras simples (de la a a la z, sin tildes ni ñ), números, puntos o guiones, por ejemplo `info@` tu dominio.
use-a-sender-address-the-ca84d68b = Usa una dirección de remitente (la de `setFrom()`) que antes de la @ solo tenga letras simples (de la a a la z, sin tildes ni ñ), números, puntos o guiones, por ejemplo `info@` tu dominio.
or-add-deliveryformat-international-to-8ec871d6 = O añade `deliveryFormat="International"` al elemento `<smtp>` de appsettings.json (ASP.NET 4.5 o posterior): así ASP.NET envía direcciones internacionales a los servidores que ofrecen SMTPUTF8.
or-add-deliveryformat-international-to-faa47e44 = O añade `deliveryFormat="International"` al elemento `<smtp>` de tu configuración de PHPMailer (ASP.NET 4.5 o posterior): así ASP.NET envía direcciones internacionales a los servidores que ofrecen SMTPUTF8.
if-nothing-arrives-within-15-c518a7e3 = Si no llega nada en 15 minutos, vuelve a enviar; si vuelve a pasar, envía este mensaje de error a tu proveedor de correo.
in-microsoft-365-an-app-6e56c287 = En Microsoft 365, una aplicación que envía en su propio nombre necesita todo esto: el permiso SMTP.SendAsApp (Office 365 Exchange Online) con consentimiento de administrador; una entidad de servicio creada con New-ServicePrincipal usando el identificador de objeto de la Enterprise application (no el de App registration); Add-MailboxPermission para el buzón de `UserName`; y "Authenticated SMTP" activado para ese buzón.
in-microsoft-365-an-app-b3e112e7 = En Microsoft 365, una aplicación que envía en su propio nombre necesita todo esto: el permiso SMTP.SendAsApp (Office 365 Exchange Online) con consentimiento de administrador; una entidad de servicio creada con New-ServicePrincipal usando el identificador de objeto de la Enterprise application (no el de App registration); Add-MailboxPermission para el buzón de `Username`; y "Authenticated SMTP" activado para ese buzón.
get-a-new-token-sign-cde11d0b = Consigue un token nuevo (vuelve a iniciar sesión) y vuelve a enviar enseguida.
set-username-to-named-or-f211e440 = Pon { $named } en `UserName`, o inicia sesión como { $user } para conseguir un token para esa cuenta.
set-username-to-named-or-2fc66420 = Pon { $named } en `Username`, o inicia sesión como { $user } para conseguir un token para esa cuenta.
press-sign-in-with-microsoft-15c3a0b7 = Pulsa "Iniciar sesión con Microsoft…" (o Google) en Inicio de sesión e inicia sesión como el buzón de `UserName`.
press-sign-in-with-microsoft-dbd7e457 = Pulsa "Iniciar sesión con Microsoft…" (o Google) en Inicio de sesión e inicia sesión como el buzón de `Username`.
then-send-again-e431af76 = Después, vuelve a enviar.
sign-in-again-then-send-9e2cea38 = Vuelve a iniciar sesión y después vuelve a enviar.
check-the-web-server-s-103d021e = Comprueba la conexión a internet del servidor web (y si un proxy o cortafuegos bloquea login.microsoftonline.com).
the-server-then-refused-the-3f6a45e9 = Después, el servidor rechazó el mensaje, así que tus `UserName` y `Password` nunca se usaron: probablemente este servidor o puerto no es el que tu proveedor indicó para ellos.
the-server-then-refused-the-2391e1c9 = Después, el servidor rechazó el mensaje, así que tus `Username` y `Password` nunca se usaron: probablemente este servidor o puerto no es el que tu proveedor indicó para ellos.
the-test-already-asked-for-f4fb1991 = La prueba ya pidió STARTTLS, así que puede que el servidor lo espere en otro puerto: compara `Port` con las instrucciones de tu proveedor.
set-defaultcredentials-to-false-while-2890bd17 = Pon `defaultCredentials` en `false`: mientras esté en `true`, appsettings.json ignora `UserName` y `Password`.
set-defaultcredentials-to-false-while-8dd2ea25 = Pon `defaultCredentials` en `false`: mientras esté en `true`, tu configuración de PHPMailer ignora `Username` y `Password`.
your-settings-have-no-username-19552a19 = Tu configuración no tiene `UserName`, así que la prueba no inició sesión.
your-settings-have-no-username-a05a7039 = Tu configuración no tiene `Username`, así que la prueba no inició sesión.
set-clientdomain-to-your-website-87fcae0f = Pon en `clientDomain` el nombre de dominio completo de tu sitio web (por ejemplo `www.example.com`): el servidor no aceptó el nombre con el que se presentó el servidor web.
set-hostname-to-your-website-6aa76569 = Pon en `Hostname` el nombre de dominio completo de tu sitio web (por ejemplo `www.example.com`): el servidor no aceptó el nombre con el que se presentó el servidor web.
the-sender-from-is-from-00d9e6a1 = El remitente (`From`) es { $from }, mientras que el inicio de sesión (`UserName`) es { $user }.
the-sender-the-setfrom-address-6978e525 = El remitente (la dirección de `setFrom()`) es { $from }, mientras que el inicio de sesión (`Username`) es { $user }.
change-host-to-only-5c532b32 = Cambia `Host` a `{ $only }`.
asp-net-2-0-3-755ddb5c = ASP.NET 2.0–3.5 no tiene SSL (`SmtpClient.EnableSsl`, definido en el código) en web.config (si lo añades, deja de funcionar toda la sección de correo), así que activa SSL en tu código, justo antes de enviar: `smtpClient.EnableSsl = true;`. Para el control PasswordRecovery, gestiona su evento `SendingMail`: envía tú mismo `e.Message` con un `SmtpClient` cuyo `EnableSsl` sea `true` y luego pon `e.Cancel = true;`. O pasa el sitio a .NET Framework 4.x, donde basta con `smtpClient.EnableSsl = true;` en el código.
asp-net-2-0-3-0492d258 = ASP.NET 2.0–3.5 no tiene `SecureSocketOptions` en appsettings.json (si lo añades, deja de funcionar toda la sección de correo), así que activa SSL en tu código, justo antes de enviar: `smtpClient.EnableSsl = true;`. Para el control PasswordRecovery, gestiona su evento `SendingMail`: envía tú mismo `e.Message` con un `SmtpClient` cuyo `EnableSsl` sea `true` y luego pon `e.Cancel = true;`. O pasa el sitio a .NET Framework 4.x, donde basta con `"SecureSocketOptions": "StartTls"` en appsettings.json.
asp-net-2-0-3-b054c76a = ASP.NET 2.0–3.5 no tiene `SMTPSecure` en tu configuración de PHPMailer (si lo añades, deja de funcionar toda la sección de correo), así que activa SSL en tu código, justo antes de enviar: `smtpClient.EnableSsl = true;`. Para el control PasswordRecovery, gestiona su evento `SendingMail`: envía tú mismo `e.Message` con un `SmtpClient` cuyo `EnableSsl` sea `true` y luego pon `e.Cancel = true;`. O pasa el sitio a .NET Framework 4.x, donde basta con `$mail->SMTPSecure = 'tls';` en tu configuración de PHPMailer.
in-code-smtpclient-enablessl-true-92c8a040 = En el código, `smtpClient.EnableSsl = true;` lo activa (appsettings.json no puede, en ASP.NET 2.0–3.5).
in-code-smtpclient-enablessl-true-81009338 = En el código, `smtpClient.EnableSsl = true;` lo activa (tu configuración de PHPMailer no puede, en ASP.NET 2.0–3.5).
this-server-sends-mail-only-b0c6dd68 = Este servidor solo envía correo de usuarios con sesión iniciada, y el mensaje se ofreció antes de que se aceptara ningún inicio de sesión. En appsettings.json, el inicio de sesión sale de `UserName` y `Password`.
this-server-sends-mail-only-13da29c0 = Este servidor solo envía correo de usuarios con sesión iniciada, y el mensaje se ofreció antes de que se aceptara ningún inicio de sesión. En tu configuración de PHPMailer, el inicio de sesión sale de `Username` y `Password`.
fill-in-username-usually-your-16ab77cb = Rellena `UserName` (normalmente tu dirección de correo completa) y `Password`.
fill-in-username-usually-your-bd6d01ab = Rellena `Username` (normalmente tu dirección de correo completa) y `Password`.
when-the-server-refuses-the-4283fe38 = Cuando el servidor rechaza el nombre de usuario o la contraseña, ASP.NET no lo dice: envía sin iniciar sesión, y entonces el servidor responde con esto. Así que, si tu appsettings.json tiene `UserName` y `Password`, lo más probable es que el servidor los rechazara. Si no los tiene, el servidor los quiere antes de enviar.
when-the-server-refuses-the-3e977f55 = Cuando el servidor rechaza el nombre de usuario o la contraseña, ASP.NET no lo dice: envía sin iniciar sesión, y entonces el servidor responde con esto. Así que, si tu configuración de PHPMailer tiene `Username` y `Password`, lo más probable es que el servidor los rechazara. Si no los tiene, el servidor los quiere antes de enviar.
check-username-usually-your-full-0a9b2c04 = Revisa `UserName` (normalmente tu dirección de correo completa) y vuelve a escribir la contraseña en `Password` (al copiarla se puede añadir un espacio al final).
check-username-usually-your-full-b9746a24 = Revisa `Username` (normalmente tu dirección de correo completa) y vuelve a escribir la contraseña en `Password` (al copiarla se puede añadir un espacio al final).
if-appsettings-json-has-no-9ae7992b = Si appsettings.json no tiene `UserName`, rellena `UserName` y `Password`.
if-your-phpmailer-settings-has-f403c5b1 = Si tu configuración de PHPMailer no tiene `Username`, rellena `Username` y `Password`.
change-port-to-587-and-ce86b8b8 = Cambia `port` a `587` y activa SSL en el código: ese puerto es para iniciar sesión y enviar.
change-port-to-587-and-4449c2e9 = Cambia `Port` a `587` y pon `SecureSocketOptions` en `StartTls`: ese puerto es para iniciar sesión y enviar.
change-port-to-587-and-ca6c0bf0 = Cambia `Port` a `587` y pon `SMTPSecure` en `'tls'` (STARTTLS): ese puerto es para iniciar sesión y enviar.
if-your-hosting-company-says-20e12c2e = Si tu empresa de hosting dice que su servidor deja enviar a tu sitio web sin contraseña, vacía `UserName` y `Password`.
if-your-hosting-company-says-8f2cf1ce = Si tu empresa de hosting dice que su servidor deja enviar a tu sitio web sin contraseña, vacía `Username` y `Password`.
the-password-would-have-crossed-b405f683 = La contraseña habría viajado por la red sin cifrar, así que el servidor rechazó u ocultó el inicio de sesión. STARTTLS (la forma en que un servidor de correo pasa a una conexión cifrada) la protege, y `smtpClient.EnableSsl = true;` en el código lo activa.
the-password-would-have-crossed-61b019fb = La contraseña habría viajado por la red sin cifrar, así que el servidor rechazó u ocultó el inicio de sesión. STARTTLS (la forma en que un servidor de correo pasa a una conexión cifrada) la protege, y `"SecureSocketOptions": "StartTls"` lo activa en appsettings.json.
the-password-would-have-crossed-e65e058e = La contraseña habría viajado por la red sin cifrar, así que el servidor rechazó u ocultó el inicio de sesión. STARTTLS (la forma en que un servidor de correo pasa a una conexión cifrada) la protege, y `$mail->SMTPSecure = 'tls';` lo activa en tu configuración de PHPMailer.
switch-ssl-on-in-code-30da0bde = Activa SSL en el código.
set-securesocketoptions-to-starttls-3bc4460d = Pon `SecureSocketOptions` en `StartTls`.
set-smtpsecure-to-tls-starttls-46a3ad84 = Pon `SMTPSecure` en `'tls'` (STARTTLS).
keep-port-at-587-or-4b80fc48 = Deja `Port` en `587` (o `25` si tu proveedor lo usa); ASP.NET no puede usar `465`.
switch-ssl-on-in-code-4307eb1e = Activa SSL en el código: así la contraseña solo se envía cuando la conexión ya está cifrada.
set-securesocketoptions-to-starttls-the-38afb891 = Pon `SecureSocketOptions` en `StartTls`: así la contraseña solo se envía cuando la conexión ya está cifrada.
set-smtpsecure-to-tls-starttls-4c600cf0 = Pon `SMTPSecure` en `'tls'` (STARTTLS): así la contraseña solo se envía cuando la conexión ya está cifrada.
if-you-accept-the-risk-dad65437 = Si aceptas el riesgo para esta única prueba (un servidor en tu propia red privada), vuelve a enviar y permite la contraseña sin cifrar (`--allow-plaintext-password` en la línea de órdenes, "Enviarla sin cifrar solo esta vez" en la ventana).
or-send-through-a-provider-46a07354 = O envía a través de un proveedor que ofrezca LOGIN (la mayoría lo hacen) y cambia `Host` a su servidor.
check-that-username-is-exactly-4bf69761 = Comprueba que `UserName` es exactamente lo que espera tu proveedor, normalmente tu dirección de correo completa.
check-that-username-is-exactly-a64adcc1 = Comprueba que `Username` es exactamente lo que espera tu proveedor, normalmente tu dirección de correo completa.
type-the-password-into-password-c600c10f = Vuelve a escribir la contraseña en `Password` (al copiarla se puede añadir un espacio al final).
if-your-account-uses-two-9504e3ad = Si tu cuenta usa la verificación en dos pasos, crea una contraseña de aplicación en la configuración de seguridad de la cuenta y úsala como `Password`.
create-an-app-password-there-80fabbc7 = Crea allí una contraseña de aplicación y pégala en `Password` sin espacios.
keep-username-as-your-full-1bb0200b = Deja en `UserName` tu dirección de correo completa y vuelve a probar.
keep-username-as-your-full-c2dcda11 = Deja en `userName` tu dirección de correo completa y vuelve a enviar.
keep-username-as-your-full-83f36431 = Deja en `UserName` tu dirección de correo completa y vuelve a enviar.
keep-username-as-your-full-7428fb51 = Deja en `Username` tu dirección de correo completa y vuelve a enviar.
use-an-app-password-a-10780f39 = Usa una contraseña de aplicación (una contraseña aparte para programas, creada en la configuración de seguridad de tu cuenta) como `Password`.
send-again-within-a-few-a21e7638 = Vuelve a enviar en los próximos minutos.
wait-up-to-an-hour-8093e503 = Espera hasta una hora después del cambio y vuelve a enviar.
or-send-your-website-s-b7d4eee6 = O envía el correo de tu sitio web a través de un servicio que acepte contraseñas, como el servidor de correo de tu empresa de hosting o un servicio de envío, y cambia `Host`, `UserName` y `Password` a sus valores.
or-send-your-website-s-0b5d20c6 = O envía el correo de tu sitio web a través de un servicio que acepte contraseñas, como el servidor de correo de tu empresa de hosting o un servicio de envío, y cambia `Host`, `Username` y `Password` a sus valores.
meanwhile-keep-username-and-password-07dd145a = Mientras tanto, deja `UserName` y `Password` como están.
meanwhile-keep-username-and-password-3f5e26ba = Mientras tanto, deja `Username` y `Password` como están.
this-computer-asked-dns-the-994145ac = Este equipo preguntó al DNS (la guía de direcciones de internet) por el nombre que hay en `Host` y no recibió ninguna dirección, así que no sabe adónde enviar el correo. Normalmente el nombre tiene una errata, o este equipo no está conectado a internet ahora mismo.
this-computer-asked-dns-the-f069de6d = Este equipo preguntó al DNS (la guía de direcciones de internet) por el nombre que hay en `host` y no recibió ninguna dirección, así que no sabe adónde enviar el correo. Normalmente el nombre tiene una errata, o el servidor web no está conectado a internet ahora mismo.
this-computer-asked-dns-the-f1a16f4d = Este equipo preguntó al DNS (la guía de direcciones de internet) por el nombre que hay en `Host` y no recibió ninguna dirección, así que no sabe adónde enviar el correo. Normalmente el nombre tiene una errata, o el servidor web no está conectado a internet ahora mismo.
check-host-letter-by-letter-e10ab329 = Compara `Host` letra a letra con las instrucciones de tu proveedor de correo (tiene la forma `smtp.example.com`).
check-that-the-web-server-882bdeea = Comprueba que el servidor web puede abrir sitios web; si no puede, arregla la conexión a internet y vuelve a enviar.
this-computer-reached-the-server-f24f15f0 = Este equipo llegó al servidor, pero allí nada acepta correo en este puerto (la puerta numerada en la que escucha un programa), o un cortafuegos (un filtro que bloquea conexiones) la rechazó. Casi siempre el puerto no es el que usa tu proveedor, o `Host` apunta a otro servidor.
check-port-against-your-provider-4f0b17dd = Compara `Port` con las instrucciones de tu proveedor: `587` es el puerto habitual para sitios web.
check-that-host-is-the-7bcf5860 = Comprueba que `Host` es el nombre del servidor de correo, no el de tu sitio web.
nothing-answered-on-this-port-cdd89199 = Nada respondió en este puerto antes de que se agotara el tiempo. A menudo un cortafuegos (un filtro que bloquea conexiones) de la empresa de hosting o del proveedor de internet descarta sin avisar las conexiones de correo salientes, sobre todo en el puerto 25; si no, puede que el servidor esté caído o que `Host` apunte a un lugar equivocado.
change-port-to-587-and-1a3acff2 = Cambia `port` a `587` y activa SSL en el código: la combinación habitual para sitios web.
change-port-to-587-and-25391141 = Cambia `Port` a `587` y pon `SecureSocketOptions` en `StartTls`: la combinación habitual para sitios web.
change-port-to-587-and-7dd5ab0a = Cambia `Port` a `587` y pon `SMTPSecure` en `'tls'` (STARTTLS): la combinación habitual para sitios web.
check-that-host-is-correct-44613728 = Comprueba que `Host` es correcto y que el servidor funciona (mira la página de estado de tu proveedor).
change-port-to-587-and-c81e9ee7 = Cambia `port` a `587` y activa SSL en el código.
change-port-to-587-and-8b12b4c0 = Cambia `Port` a `587` y pon `SecureSocketOptions` en `StartTls`.
change-port-to-587-and-8fadafbf = Cambia `Port` a `587` y pon `SMTPSecure` en `'tls'` (STARTTLS).
if-port-is-already-587-0cb369bc = Si `Port` ya es `587`, espera unos minutos y vuelve a probar: puede que el servidor esté ocupado.
if-port-is-already-587-ccf09a76 = Si `port` ya es `587`, espera unos minutos y vuelve a enviar: puede que el servidor esté ocupado.
if-port-is-already-587-4a354996 = Si `Port` ya es `587`, espera unos minutos y vuelve a enviar: puede que el servidor esté ocupado.
the-answer-did-not-look-5f0bba55 = La respuesta no parecía SMTP (el idioma que hablan los servidores de correo). Puede que el puerto sea de un sitio web u otro servicio, o que `Host` apunte a otra máquina.
check-port-websites-send-mail-ec5e733d = Revisa `Port`: los sitios web envían correo por el puerto `587` (a veces `25`); puertos como `80` y `443` son para sitios web, y `110`, `143`, `993` y `995` para leer correo.
check-host-against-your-provider-8076bc63 = Compara `Host` con las instrucciones de tu proveedor.
the-server-answered-but-refused-0295d135 = El servidor respondió, pero se negó a atender esta conexión. Normalmente el servidor tiene un problema temporal (mantenimiento o sobrecarga), o rechaza la dirección de internet del servidor web, por ejemplo porque está en una lista de bloqueo (una lista de direcciones conocidas por enviar spam).
if-it-keeps-happening-send-8a27583b = Si sigue pasando, envía este mensaje de error a tu proveedor de correo y pregúntale por qué rechaza la conexión.
check-host-and-port-a-a458c8e7 = Revisa `Host` y `Port`: un servidor pensado para recibir correo puede negarse a enviarlo.
check-that-port-and-ssl-70c0ee6b = Comprueba que `port` y SSL (`SmtpClient.EnableSsl`, definido en el código) coinciden con las instrucciones de tu proveedor (normalmente `587` con SSL activado en el código).
check-that-port-and-securesocketoptions-89528e86 = Comprueba que `Port` y `SecureSocketOptions` coinciden con las instrucciones de tu proveedor (normalmente `587` con `SecureSocketOptions` en `StartTls`).
check-that-port-and-smtpsecure-449d63e0 = Comprueba que `Port` y `SMTPSecure` coinciden con las instrucciones de tu proveedor (normalmente `587` con `SMTPSecure` en `'tls'` (STARTTLS)).
if-it-keeps-happening-send-e5580e23 = Si sigue pasando, envía este mensaje de error a tu proveedor de correo: el paso en el que se detuvo les indica dónde buscar.
if-your-web-config-uses-889c5cd5 = Si tu web.config usa el puerto 465: ASP.NET no puede usarlo y se queda esperando así. Cambia `port` a `587` y activa SSL en el código.
if-your-appsettings-json-uses-d533bdae = Si tu appsettings.json usa el puerto 465: ASP.NET no puede usarlo y se queda esperando así. Cambia `Port` a `587` y pon `SecureSocketOptions` en `StartTls`.
if-your-phpmailer-settings-uses-4a530e8c = Si tu configuración de PHPMailer usa el puerto 465: ASP.NET no puede usarlo y se queda esperando así. Cambia `Port` a `587` y pon `SMTPSecure` en `'tls'` (STARTTLS).
if-it-always-stops-at-83c30f5e = Si siempre se detiene en el mismo paso, envía este mensaje de error a tu proveedor de correo.
change-port-to-587-and-6c3a9e07 = Cambia `port` a `587` y activa SSL en el código (en PHPMailer: `Port = 587` y `SMTPSecure = 'tls'`).
change-port-to-587-and-027673b4 = Cambia `Port` a `587` y pon `SecureSocketOptions` en `StartTls` (en PHPMailer: `Port = 587` y `SMTPSecure = 'tls'`).
change-port-to-587-and-acdf78ff = Cambia `Port` a `587` y pon `SMTPSecure` en `'tls'` (STARTTLS) (en PHPMailer: `Port = 587` y `SMTPSecure = 'tls'`).
check-that-host-is-exactly-c9e110a5 = Comprueba que `Host` es exactamente el nombre de servidor que da tu proveedor.
asp-net-found-no-host-27c3e5d1 = ASP.NET no encontró `Host` en la sección `<mailSettings>` de appsettings.json (ni en el código del sitio web), así que no sabe a través de qué servidor enviar.
asp-net-found-no-host-5f8bb081 = ASP.NET no encontró `Host` en la sección `<mailSettings>` de tu configuración de PHPMailer (ni en el código del sitio web), así que no sabe a través de qué servidor enviar.
add-host-to-the-network-9763ed7a = Añade `Host` al elemento `<network>` de appsettings.json, por ejemplo `host="smtp.example.com"`.
add-host-to-the-network-53d7f112 = Añade `Host` al elemento `<network>` de tu configuración de PHPMailer, por ejemplo `host="smtp.example.com"`.
check-that-mailsettings-sits-inside-0c0a576e = Comprueba que `<mailSettings>` está dentro de `<system.net>` en el appsettings.json del sitio que envía el correo.
check-that-mailsettings-sits-inside-65128b72 = Comprueba que `<mailSettings>` está dentro de `<system.net>` en la configuración de PHPMailer del sitio que envía el correo.
if-port-is-465-change-9fcd50ea = Si `port` es `465`, cámbialo a `587` y activa SSL en el código.
if-port-is-465-change-713827f1 = Si `Port` es `465`, cámbialo a `587` y pon `SecureSocketOptions` en `StartTls`.
if-port-is-465-change-2fa73428 = Si `Port` es `465`, cámbialo a `587` y pon `SMTPSecure` en `'tls'` (STARTTLS).
change-port-to-587-and-f1c17a3e = Cambia `port` a `587` y activa SSL en el código: el puerto habitual para enviar.
change-port-to-587-and-94bbac19 = Cambia `Port` a `587` y pon `SecureSocketOptions` en `StartTls`: el puerto habitual para enviar.
change-port-to-587-and-43841e36 = Cambia `Port` a `587` y pon `SMTPSecure` en `'tls'` (STARTTLS): el puerto habitual para enviar.
if-it-still-fails-look-ff139b92 = Si sigue fallando, busca el "servidor de salida (SMTP)" en las instrucciones de tu proveedor y pon ese nombre en `Host`.
check-host-and-port-against-3b485e04 = Compara `Host` y `Port` con las instrucciones de tu proveedor para enviar correo (normalmente el puerto `587`).
get-a-new-token-and-9157640f = Consigue un token nuevo y vuelve a enviar (los tokens duran una hora aproximadamente).
check-that-username-is-the-4e5d87e4 = Comprueba que `UserName` es el buzón para el que se emitió el token.
check-that-username-is-the-9b28a7c4 = Comprueba que `Username` es el buzón para el que se emitió el token.
check-host-and-port-microsoft-e6e6b5eb = Revisa `host` y `port`: Microsoft 365 es smtp.office365.com puerto 587, y Google smtp.gmail.com puerto 587, ambos con SSL (`SmtpClient.EnableSsl`, definido en el código) activado.
check-host-and-port-microsoft-b0c20a32 = Revisa `Host` y `Port`: Microsoft 365 es smtp.office365.com puerto 587, y Google smtp.gmail.com puerto 587, ambos con `SecureSocketOptions` activado.
check-host-and-port-microsoft-523a848d = Revisa `Host` y `Port`: Microsoft 365 es smtp.office365.com puerto 587, y Google smtp.gmail.com puerto 587, ambos con `SMTPSecure` activado.
if-this-provider-takes-passwords-3bb74bce = Si este proveedor acepta contraseñas, elige Contraseña como inicio de sesión y escribe `UserName` y `Password`.
if-this-provider-takes-passwords-cd6b862e = Si este proveedor acepta contraseñas, elige Contraseña como inicio de sesión y escribe `Username` y `Password`.
turn-ssl-smtpclient-enablessl-set-42d31a84 = Activa SSL (`SmtpClient.EnableSsl`, definido en el código) (STARTTLS) y usa el puerto 587; después vuelve a probar.
turn-securesocketoptions-on-starttls-and-a7004f0b = Activa `SecureSocketOptions` (STARTTLS) y usa el puerto 587; después vuelve a probar.
turn-enablessl-on-starttls-and-a16794a0 = Activa `enableSsl` (STARTTLS) y usa el puerto 587; después vuelve a enviar.
turn-ssl-smtpclient-enablessl-set-f1d93b4a = Activa SSL (`SmtpClient.EnableSsl`, definido en el código) (STARTTLS) y usa el puerto 587; después vuelve a enviar.
turn-securesocketoptions-on-starttls-and-0f439331 = Activa `SecureSocketOptions` (STARTTLS) y usa el puerto 587; después vuelve a enviar.
turn-smtpsecure-on-starttls-and-0225d222 = Activa `SMTPSecure` (STARTTLS) y usa el puerto 587; después vuelve a enviar.
copy-its-value-shown-only-baebca2a = Copia su Value (se muestra una sola vez), no su Secret ID, y vuelve a enviar con él.
click-grant-admin-consent-a-91822b47 = Haz clic en "Grant admin consent" (puede hacerlo un Global Administrator o un Privileged Role Administrator) y vuelve a enviar.
check-the-tenant-client-id-1012b4ff = Revisa el tenant, el id. de cliente y el secreto de cliente, y vuelve a enviar.
fill-in-username-usually-your-09a65651 = Rellena `UserName` (normalmente tu dirección de correo completa) y `Password`, y pon `defaultCredentials` en `false`.
fill-in-username-usually-your-50684571 = Rellena `Username` (normalmente tu dirección de correo completa) y `Password`, y pon `defaultCredentials` en `false`.
use-port-587-with-ssl-4232ba01 = Usa `port` `587` con SSL activado en el código.
use-port-587-with-securesocketoptions-e966938b = Usa `Port` `587` con `SecureSocketOptions` en `StartTls`.
use-port-587-with-smtpsecure-82c79dba = Usa `Port` `587` con `SMTPSecure` en `'tls'` (STARTTLS).
the-sender-address-from-must-de121e17 = La dirección de remitente (`From`) tiene que ser una con la que la cuenta pueda enviar: normalmente el buzón con el que inicias sesión, o una dirección que tu proveedor haya verificado. Esta no está en esa lista.
the-sender-address-the-setfrom-f4a6393b = La dirección de remitente (la de `setFrom()`) tiene que ser una con la que la cuenta pueda enviar: normalmente el buzón con el que inicias sesión, o una dirección que tu proveedor haya verificado. Esta no está en esa lista.
set-from-to-the-same-ab436cc1 = Pon en `From` la misma dirección que en `UserName`.
set-the-setfrom-address-to-a2daea5d = Pon en `setFrom()` la misma dirección que en `Username`.
your-settings-got-through-but-8bd03782 = Tu configuración funcionó, pero se rechazó al destinatario de la prueba: puede que la dirección no exista o que su buzón no pueda recibir correo ahora mismo. Esto afecta a la dirección de prueba, no a tu appsettings.json.
your-settings-got-through-but-22f6af0b = Tu configuración funcionó, pero se rechazó al destinatario de la prueba: puede que la dirección no exista o que su buzón no pueda recibir correo ahora mismo. Esto afecta a la dirección de prueba, no a tu configuración de PHPMailer.
send-the-test-to-another-0fcce78a = Envía la prueba a otra dirección tuya, por ejemplo la de `From`.
send-the-test-to-another-41a6baf8 = Envía la prueba a otra dirección tuya, por ejemplo la de `setFrom()`.
to-see-whether-the-domain-72830a7e = Para ver si la causa es el dominio, pon en `From` una dirección del propio dominio de tu proveedor de correo y vuelve a probar.
to-see-whether-the-domain-991b9f90 = Para ver si la causa es el dominio, pon en `from` una dirección del propio dominio de tu proveedor de correo y vuelve a enviar.
to-see-whether-the-domain-990497f0 = Para ver si la causa es el dominio, pon en `From` una dirección del propio dominio de tu proveedor de correo y vuelve a enviar.
to-see-whether-the-domain-328199fc = Para ver si la causa es el dominio, pon en `setFrom()` una dirección del propio dominio de tu proveedor de correo y vuelve a enviar.
change-the-account-s-password-40df0054 = Cambia la contraseña de la cuenta (puede que alguien más la conozca) y pon la nueva en `Password`.
wait-15-to-60-minutes-3a79afb7 = Espera de 15 a 60 minutos y vuelve a enviar.
set-hostname-to-your-website-f3412636 = Pon en `Hostname` el nombre de dominio completo de tu sitio web (por ejemplo `www.example.com`): algunos servidores desconfían de los equipos que se presentan como `localhost`.
send-again-in-5-to-9d5019ef = Vuelve a enviar dentro de 5 a 15 minutos: debería aceptarse.
wait-until-the-limit-resets-0d50752b = Espera a que se restablezca el límite (normalmente 24 horas; en un plan mensual, el mes siguiente) y vuelve a enviar.
meanwhile-keep-host-port-and-6979a951 = Mientras tanto, deja `host`, `port` y SSL (`SmtpClient.EnableSsl`, definido en el código) como están.
meanwhile-keep-host-port-and-ae23b856 = Mientras tanto, deja `Host`, `Port` y `SecureSocketOptions` como están.
meanwhile-keep-host-port-and-5755e529 = Mientras tanto, deja `Host`, `Port` y `SMTPSecure` como están.
your-website-logged-a-message-ee3ac898 = Tu sitio web registró un mensaje para el que todavía no tenemos explicación.
check-host-port-and-ssl-9487adb8 = Compara `host`, `port` y SSL (`SmtpClient.EnableSsl`, definido en el código) con las instrucciones de tu proveedor.
check-host-port-and-securesocketoptions-260c4cc5 = Compara `Host`, `Port` y `SecureSocketOptions` con las instrucciones de tu proveedor.
check-host-port-and-smtpsecure-aa95c42e = Compara `Host`, `Port` y `SMTPSecure` con las instrucciones de tu proveedor.
meanwhile-check-host-port-and-06f829c0 = Mientras tanto, compara `host`, `port` y SSL (`SmtpClient.EnableSsl`, definido en el código) con las instrucciones de tu proveedor.
meanwhile-check-host-port-and-ac1208bd = Mientras tanto, compara `Host`, `Port` y `SecureSocketOptions` con las instrucciones de tu proveedor.
meanwhile-check-host-port-and-25424766 = Mientras tanto, compara `Host`, `Port` y `SMTPSecure` con las instrucciones de tu proveedor.
or-run-the-test-in-ff624e00 = O haz la prueba en este programa con tus `host`, `port` y SSL (`SmtpClient.EnableSsl`, definido en el código): muestra el paso exacto que falla.
or-run-the-test-in-d2dd620b = O haz la prueba en este programa con tus `Host`, `Port` y `SecureSocketOptions`: muestra el paso exacto que falla.
or-run-the-test-in-e6d802d8 = O haz la prueba en este programa con tus `Host`, `Port` y `SMTPSecure`: muestra el paso exacto que falla.
the-specified-string-is-not-3e32bd8d = "The specified string is not in the form required for an e-mail address" lo dice el propio ASP.NET, antes de contactar con ningún servidor de correo: la dirección `From`, o una dirección que el sitio web pone en Para, CC o CCO, tiene una errata (falta la @, hay un espacio, dos direcciones en un mismo campo).
the-specified-string-is-not-f3060462 = "The specified string is not in the form required for an e-mail address" lo dice el propio ASP.NET, antes de contactar con ningún servidor de correo: la dirección de `setFrom()`, o una dirección que el sitio web pone en Para, CC o CCO, tiene una errata (falta la @, hay un espacio, dos direcciones en un mismo campo).
check-from-in-appsettings-json-0cf5714f = Revisa `From` en appsettings.json: una sola dirección, como `info@example.com` (puede ir precedida de un nombre: `Tienda <info@example.com>`).
check-the-setfrom-address-in-8cad20a1 = Revisa la dirección de `setFrom()` en tu configuración de PHPMailer: una sola dirección, como `info@example.com` (puede ir precedida de un nombre: `Tienda <info@example.com>`).
if-from-is-right-the-443c5684 = Si `From` es correcto, la dirección viene del propio sitio web (un formulario que rellenó un visitante, o un ajuste del sitio): pide a tu desarrollador que compruebe las direcciones antes de enviar.
if-the-setfrom-address-is-4c7f473a = Si la dirección de `setFrom()` es correcta, la dirección viene del propio sitio web (un formulario que rellenó un visitante, o un ajuste del sitio): pide a tu desarrollador que compruebe las direcciones antes de enviar.
if-the-address-is-from-8131bf9f = Si la dirección es `From`, usa una con letras simples antes de la @.
if-the-address-is-the-d8299d5b = Si la dirección es la de `setFrom()`, usa una con letras simples antes de la @.
if-it-is-a-customer-14a454a2 = Si es la dirección de un cliente, añade `deliveryFormat="International"` a `<smtp>` en appsettings.json (.NET Framework 4.5 o posterior) y haz la prueba aquí para comprobar que tu servidor de correo ofrece SMTPUTF8.
if-it-is-a-customer-df901be6 = Si es la dirección de un cliente, añade `deliveryFormat="International"` a `<smtp>` en tu configuración de PHPMailer (.NET Framework 4.5 o posterior) y haz la prueba aquí para comprobar que tu servidor de correo ofrece SMTPUTF8.
the-server-will-not-go-d97198f6 = El servidor no seguirá hasta que la conexión esté cifrada con STARTTLS (la forma en que un servidor de correo pasa a una conexión cifrada). En el código, `smtpClient.EnableSsl = true;` lo activa (web.config no puede, en ASP.NET 2.0–3.5).
the-server-will-not-go-adefed65 = El servidor no seguirá hasta que la conexión esté cifrada con STARTTLS (la forma en que un servidor de correo pasa a una conexión cifrada). En appsettings.json, `"SecureSocketOptions": "StartTls"` lo activa.
the-server-will-not-go-97dcf783 = El servidor no seguirá hasta que la conexión esté cifrada con STARTTLS (la forma en que un servidor de correo pasa a una conexión cifrada). `$mail->SMTPSecure = 'tls';` lo activa.
use-port-587-the-usual-4b4b252f = Usa `Port` `587` (el puerto habitual para enviar desde sitios web), salvo que tu proveedor diga otra cosa.
with-ssl-smtpclient-enablessl-set-d3fe9f32 = Con SSL (`SmtpClient.EnableSsl`, definido en el código) activado, ASP.NET pide STARTTLS (la forma en que un servidor de correo pasa a una conexión cifrada), y este servidor no lo ofreció, así que ASP.NET se detiene con "Server does not support secure connections". Normalmente el puerto o el servidor no es el servidor de envío del proveedor, o el cifrado del servidor no está configurado.
with-securesocketoptions-on-asp-net-a08cc797 = Con `SecureSocketOptions` activado, ASP.NET pide STARTTLS (la forma en que un servidor de correo pasa a una conexión cifrada), y este servidor no lo ofreció, así que ASP.NET se detiene con "Server does not support secure connections". Normalmente el puerto o el servidor no es el servidor de envío del proveedor, o el cifrado del servidor no está configurado.
with-smtpsecure-on-asp-net-fe653274 = Con `SMTPSecure` activado, ASP.NET pide STARTTLS (la forma en que un servidor de correo pasa a una conexión cifrada), y este servidor no lo ofreció, así que ASP.NET se detiene con "Server does not support secure connections". Normalmente el puerto o el servidor no es el servidor de envío del proveedor, o el cifrado del servidor no está configurado.
check-host-and-port-against-28b524e4 = Compara `Host` y `Port` con las instrucciones de tu proveedor; si `Port` es `25`, prueba con `587`.
turning-ssl-smtpclient-enablessl-set-fd0df8f0 = Si desactivas SSL (`SmtpClient.EnableSsl`, definido en el código), tu contraseña se enviaría sin cifrar (cualquiera en el camino podría leerla): solo tenlo en cuenta si tu proveedor confirma que el servidor está en tu propia red privada.
turning-securesocketoptions-off-would-se-e26e1505 = Si desactivas `SecureSocketOptions`, tu contraseña se enviaría sin cifrar (cualquiera en el camino podría leerla): solo tenlo en cuenta si tu proveedor confirma que el servidor está en tu propia red privada.
turning-smtpsecure-off-would-send-9ef38bc8 = Si desactivas `SMTPSecure`, tu contraseña se enviaría sin cifrar (cualquiera en el camino podría leerla): solo tenlo en cuenta si tu proveedor confirma que el servidor está en tu propia red privada.
keep-this-port-and-switch-32e36e57 = Mantén este puerto y activa SSL en el código (en otros programas, elige "STARTTLS" o "TLS" en lugar de "SSL").
keep-this-port-and-set-cd2a42d8 = Mantén este puerto y pon `SecureSocketOptions` en `StartTls` (en otros programas, elige "STARTTLS" o "TLS" en lugar de "SSL").
keep-this-port-and-set-41922fa3 = Mantén este puerto y pon `SMTPSecure` en `'tls'` (STARTTLS) (en otros programas, elige "STARTTLS" o "TLS" en lugar de "SSL").
the-handshake-the-exchange-that-e9025476 = Falló la negociación (el intercambio que establece el cifrado). Las causas habituales son un servidor que solo conoce versiones antiguas de cifrado (TLS 1.0 o 1.1, que los programas modernos rechazan), un servidor con el cifrado mal configurado o un programa de seguridad del servidor web que interfiere con las conexiones cifradas.
send-again-in-a-few-5192a65a = Vuelve a enviar dentro de unos minutos: algunos servidores tienen problemas de cifrado pasajeros.
send-this-error-message-to-3a3fef43 = Envía este mensaje de error a tu proveedor de correo y pregúntale si el servidor admite TLS 1.2 o posterior.
if-the-web-server-runs-da617e2c = Si el servidor web tiene un antivirus que analiza el correo, pausa su análisis del correo durante una prueba, o consulta al fabricante.
if-it-lasts-tell-your-4398538e = Si continúa, dile a tu proveedor de correo que el servidor responde a STARTTLS con "TLS not available".
or-send-through-a-provider-70e262b5 = O envía a través de un proveedor cuyo servidor admita TLS 1.2: cambia `Host` (y `Port`) a su servidor.
a-certificate-the-server-s-1a9f3248 = Un certificado (la prueba de identidad del servidor) enumera los nombres para los que es válido, y el nombre de `Host` no está entre ellos. Es habitual en el hosting compartido, donde el certificado lleva el nombre del servidor de la empresa de hosting en lugar de tu dominio.
change-host-to-a-name-90ed824c = Cambia `Host` a un nombre para el que el certificado sea válido (tu panel de control del hosting suele mostrarlo como el nombre del servidor de correo).
the-certificate-the-server-s-b1cbac22 = El certificado (la prueba de identidad del servidor) no está avalado por ninguna autoridad en la que confíe el servidor web. Puede que sea autofirmado (creado por el servidor para sí mismo), que el servidor omita el certificado intermedio que lo enlaza con una autoridad de confianza, o que un programa de seguridad de esta red lo esté sustituyendo.
or-change-host-to-the-4b9aed71 = O cambia `Host` al nombre de servidor que recomienda tu proveedor: normalmente tiene un certificado válido.
check-that-the-web-server-70da9069 = Comprueba que la fecha y la hora del servidor web son correctas: un reloj equivocado hace que certificados válidos parezcan caducados.
a-certificate-the-server-s-d82f1ec5 = Un certificado (la prueba de identidad del servidor) solo es válido a partir de una fecha determinada, y según el reloj del servidor web esa fecha aún no ha llegado. Normalmente el reloj del servidor web está mal; con menos frecuencia, el servidor tiene un certificado con fecha futura.
check-that-the-web-server-1ea5bf6c = Comprueba que la fecha, la hora y la zona horaria del servidor web son correctas y vuelve a enviar.
switch-ssl-on-in-code-b0438e5d = Activa SSL en el código y usa `port` `587`.
set-securesocketoptions-to-starttls-and-2ad097ac = Pon `SecureSocketOptions` en `StartTls` y usa `Port` `587`.
set-smtpsecure-to-tls-starttls-0664aeb3 = Pon `SMTPSecure` en `'tls'` (STARTTLS) y usa `Port` `587`.
send-again-if-it-still-685a4d0a = Vuelve a enviar; si sigue fallando, la respuesta del servidor dice cuál de los dos falta.
check-targetframework-in-appsettings-jso-cde6eebe = Revisa `targetFramework` en appsettings.json (`<httpRuntime targetFramework="…" />`): si es 4.5.2 o inferior, escribe `<httpRuntime targetFramework="4.8" />` (.NET Framework 4.8 tiene que estar instalado en el servidor web; tu hosting puede decírtelo).
check-targetframework-in-your-phpmailer-d2d788fa = Revisa `targetFramework` en tu configuración de PHPMailer (`<httpRuntime targetFramework="…" />`): si es 4.5.2 o inferior, escribe `<httpRuntime targetFramework="4.8" />` (.NET Framework 4.8 tiene que estar instalado en el servidor web; tu hosting puede decírtelo).
gmail-needs-an-app-password-52f29f0d = Gmail necesita una contraseña de aplicación: activa la verificación en dos pasos en tu cuenta de Google, abre myaccount.google.com/apppasswords (la página de Seguridad ya no enlaza a ella), crea una contraseña de aplicación y pega sus 16 letras en `Password` sin espacios. Usa tu dirección de Gmail completa como `UserName`.
gmail-needs-an-app-password-0a64bbed = Gmail necesita una contraseña de aplicación: activa la verificación en dos pasos en tu cuenta de Google, abre myaccount.google.com/apppasswords (la página de Seguridad ya no enlaza a ella), crea una contraseña de aplicación y pega sus 16 letras en `Password` sin espacios. Usa tu dirección de Gmail completa como `Username`.
gmail-sends-only-from-your-a7cd697e = Gmail solo envía desde tu propia dirección o desde una dirección añadida en Settings → Accounts → "Send mail as" (Configuración → Cuentas → "Enviar como"): pon en `From` una de ellas.
gmail-sends-only-from-your-967bb4ce = Gmail solo envía desde tu propia dirección o desde una dirección añadida en Settings → Accounts → "Send mail as" (Configuración → Cuentas → "Enviar como"): pon en `setFrom()` una de ellas.
the-google-workspace-smtp-relay-98e2ae0c = El SMTP relay de Google Workspace tiene que activarlo tu administrador de Workspace (Admin console → Apps → Google Workspace → Gmail → Routing → SMTP relay service). Si exige autenticación SMTP, usa una dirección de Workspace como `UserName` y una contraseña de aplicación creada en myaccount.google.com/apppasswords como `Password`; si en cambio permite la dirección IP de tu servidor, deja ambos vacíos.
the-google-workspace-smtp-relay-a8add76c = El SMTP relay de Google Workspace tiene que activarlo tu administrador de Workspace (Admin console → Apps → Google Workspace → Gmail → Routing → SMTP relay service). Si exige autenticación SMTP, usa una dirección de Workspace como `Username` y una contraseña de aplicación creada en myaccount.google.com/apppasswords como `Password`; si en cambio permite la dirección IP de tu servidor, deja ambos vacíos.
the-google-workspace-smtp-relay-a9a83a12 = El SMTP relay de Google Workspace solo envía desde las direcciones que tu administrador permitió en su configuración (normalmente las de tus dominios de Workspace): pon en `From` una de ellas.
the-google-workspace-smtp-relay-87c116c0 = El SMTP relay de Google Workspace solo envía desde las direcciones que tu administrador permitió en su configuración (normalmente las de tus dominios de Workspace): pon en `setFrom()` una de ellas.
the-relay-lets-in-only-459c6209 = El relay solo deja pasar las direcciones IP o el inicio de sesión que tu administrador permitió en la configuración del servicio SMTP relay, así que una prueba desde otro equipo falla salvo que inicie sesión. Pon también en `Hostname` el nombre de dominio de tu sitio web: Google puede rechazar un simple nombre de equipo como `localhost`.
microsoft-365-use-the-mailbox-19f8c62c = Microsoft 365: usa la dirección completa del buzón como `UserName`. El inicio de sesión de los programas de correo ("Authenticated SMTP") tiene que estar permitido para este buzón: tu administrador lo activa en el centro de administración de Microsoft 365, en Users → Active users → Mail → Manage email apps. Los valores predeterminados de seguridad de Microsoft Entra (las protecciones de inicio de sesión estándar de Microsoft) lo bloquean para toda la organización, diga lo que diga ese interruptor.
microsoft-365-use-the-mailbox-3dc9ad4c = Microsoft 365: usa la dirección completa del buzón como `Username`. El inicio de sesión de los programas de correo ("Authenticated SMTP") tiene que estar permitido para este buzón: tu administrador lo activa en el centro de administración de Microsoft 365, en Users → Active users → Mail → Manage email apps. Los valores predeterminados de seguridad de Microsoft Entra (las protecciones de inicio de sesión estándar de Microsoft) lo bloquean para toda la organización, diga lo que diga ese interruptor.
microsoft-365-sends-only-as-b2fe867a = Microsoft 365 solo envía como el buzón con sesión iniciada, salvo que tu administrador conceda el permiso "Send As" (Enviar como): pon en `From` la dirección de `UserName`.
microsoft-365-sends-only-as-e3bbbbe6 = Microsoft 365 solo envía como el buzón con sesión iniciada, salvo que tu administrador conceda el permiso "Send As" (Enviar como): pon en `setFrom()` la dirección de `Username`.
an-smtp-relay-your-admin-95d6c596 = Un SMTP relay: tu administrador crea un conector para la dirección IP fija del servidor web; después pon en `Host` el servidor MX de tu dominio (termina en `mail.protection.outlook.com`), en `Port` el `25`, y deja vacíos `UserName` y `Password`.
an-smtp-relay-your-admin-a93b82b6 = Un SMTP relay: tu administrador crea un conector para la dirección IP fija del servidor web; después pon en `Host` el servidor MX de tu dominio (termina en `mail.protection.outlook.com`), en `Port` el `25`, y deja vacíos `Username` y `Password`.
high-volume-email-hve-a-5d4715de = High Volume Email (HVE): una cuenta de Microsoft 365 pensada para programas que todavía inicia sesión con contraseña (`Host` `smtp-hve.office365.com`, `Port` `587`), destinada al correo para los buzones de tu propia organización.
azure-communication-services-microsoft-s-f87006cd = Azure Communication Services: el servicio de envío de Microsoft (`Host` `smtp.azurecomm.net`, `Port` `587`), que inicia sesión con un nombre de usuario y un secreto de aplicación que tu sitio web puede usar.
direct-send-a-host-ending-14a6804c = El envío directo (un `Host` que termina en `mail.protection.outlook.com`) no necesita inicio de sesión: deja vacíos `UserName` y `Password` y usa `Port` `25`. Solo entrega a buzones de tu propia organización; para llegar a otras direcciones, inicia sesión en `smtp.office365.com` en el puerto `587`, o pide a tu administrador un conector (SMTP relay).
direct-send-a-host-ending-5cca796c = El envío directo (un `Host` que termina en `mail.protection.outlook.com`) no necesita inicio de sesión: deja vacíos `Username` y `Password` y usa `Port` `25`. Solo entrega a buzones de tu propia organización; para llegar a otras direcciones, inicia sesión en `smtp.office365.com` en el puerto `587`, o pide a tu administrador un conector (SMTP relay).
since-16-september-2024-personal-6329d220 = Desde el 16 de septiembre de 2024, las cuentas personales de Outlook.com y Hotmail ya no aceptan una contraseña para enviar, solo el inicio de sesión OAuth de Microsoft, que un sitio web con appsettings.json no sabe hacer. Envía el correo de tu sitio a través de otro proveedor.
since-16-september-2024-personal-7621f718 = Desde el 16 de septiembre de 2024, las cuentas personales de Outlook.com y Hotmail ya no aceptan una contraseña para enviar, solo el inicio de sesión OAuth de Microsoft, que un sitio web con tu configuración de PHPMailer no sabe hacer. Envía el correo de tu sitio a través de otro proveedor.
outlook-com-sends-only-from-73caa19a = Outlook.com solo envía desde la dirección con sesión iniciada: pon en `From` lo mismo que en `UserName`.
outlook-com-sends-only-from-5ea38fca = Outlook.com solo envía desde la dirección con sesión iniciada: pon en `setFrom()` lo mismo que en `Username`.
send-your-website-s-mail-23638aa3 = Envía el correo de tu sitio web a través de un servicio que aún acepte contraseñas, como el servidor de correo de tu empresa de hosting o un servicio de envío (SendGrid, Mailgun, Brevo y otros están en la lista de proveedores), y cambia `Host`, `UserName` y `Password` a sus valores.
send-your-website-s-mail-6bda0d43 = Envía el correo de tu sitio web a través de un servicio que aún acepte contraseñas, como el servidor de correo de tu empresa de hosting o un servicio de envío (SendGrid, Mailgun, Brevo y otros están en la lista de proveedores), y cambia `Host`, `Username` y `Password` a sus valores.
godaddy-email-use-your-full-b39b7cc6 = Correo de GoDaddy: usa tu dirección de correo completa como `UserName` y la contraseña del buzón, con `Host` en `smtpout.secureserver.net`. Si tu correo de GoDaddy es un plan de Microsoft 365, usa la configuración de Microsoft 365 (`smtp.office365.com`).
godaddy-email-use-your-full-fc189166 = Correo de GoDaddy: usa tu dirección de correo completa como `Username` y la contraseña del buzón, con `Host` en `smtpout.secureserver.net`. Si tu correo de GoDaddy es un plan de Microsoft 365, usa la configuración de Microsoft 365 (`smtp.office365.com`).
godaddy-s-hosting-relay-relay-dd98d47f = El relay de hosting de GoDaddy (`relay-hosting.secureserver.net`) no necesita inicio de sesión: deja vacíos `userName` y `password`, con `port` en `25` y SSL (`SmtpClient.EnableSsl`, definido en el código) en `false`.
godaddy-s-hosting-relay-relay-f07c2f1a = El relay de hosting de GoDaddy (`relay-hosting.secureserver.net`) no necesita inicio de sesión: deja vacíos `UserName` y `Password`, con `Port` en `25` y `SecureSocketOptions` en `false`.
godaddy-s-hosting-relay-relay-609d3ac7 = El relay de hosting de GoDaddy (`relay-hosting.secureserver.net`) no necesita inicio de sesión: deja vacíos `Username` y `Password`, con `Port` en `25` y `SMTPSecure` en `false`.
ionos-use-the-full-email-a7c00951 = IONOS: usa la dirección de correo completa como `UserName` y la contraseña del buzón, con el servidor del país de tu contrato como `Host` (`smtp.ionos.com`, `smtp.ionos.de` o `smtp.ionos.co.uk`).
ionos-use-the-full-email-7e72a1b1 = IONOS: usa la dirección de correo completa como `Username` y la contraseña del buzón, con el servidor del país de tu contrato como `Host` (`smtp.ionos.com`, `smtp.ionos.de` o `smtp.ionos.co.uk`).
ovhcloud-use-the-full-email-cd29b853 = OVHcloud: usa la dirección de correo completa como `UserName` y la contraseña del buzón, con `Host` en `ssl0.ovh.net` (el nombre para el que es válido su certificado).
ovhcloud-use-the-full-email-3c4dbb33 = OVHcloud: usa la dirección de correo completa como `Username` y la contraseña del buzón, con `Host` en `ssl0.ovh.net` (el nombre para el que es válido su certificado).
yahoo-needs-an-app-password-693b5950 = Yahoo necesita una contraseña de aplicación: en tu cuenta de Yahoo abre Account security → Generate app password (Seguridad de la cuenta → Generar contraseña de aplicación) y úsala como `Password`, con tu dirección completa de Yahoo como `UserName`.
yahoo-needs-an-app-password-96021e70 = Yahoo necesita una contraseña de aplicación: en tu cuenta de Yahoo abre Account security → Generate app password (Seguridad de la cuenta → Generar contraseña de aplicación) y úsala como `Password`, con tu dirección completa de Yahoo como `Username`.
yahoo-sends-only-from-the-4a458e03 = Yahoo solo envía desde la dirección con sesión iniciada: pon en `From` tu dirección de Yahoo.
yahoo-sends-only-from-the-5064b1b3 = Yahoo solo envía desde la dirección con sesión iniciada: pon en `setFrom()` tu dirección de Yahoo.
aol-needs-an-app-password-2a7d72d0 = AOL necesita una contraseña de aplicación: en tu cuenta de AOL abre Account security → Generate app password y úsala como `Password`, con tu dirección completa de AOL como `UserName`.
aol-needs-an-app-password-574437f0 = AOL necesita una contraseña de aplicación: en tu cuenta de AOL abre Account security → Generate app password y úsala como `Password`, con tu dirección completa de AOL como `Username`.
aol-sends-only-from-the-73cdefc3 = AOL solo envía desde la dirección con sesión iniciada: pon en `From` tu dirección de AOL.
aol-sends-only-from-the-4db838b3 = AOL solo envía desde la dirección con sesión iniciada: pon en `setFrom()` tu dirección de AOL.
icloud-mail-needs-an-app-c8532528 = Correo de iCloud necesita una contraseña específica de aplicación: créala en account.apple.com, en Sign-In and Security → App-Specific Passwords (Inicio de sesión y seguridad → Contraseñas específicas de apps), y usa tu dirección completa de iCloud como `UserName`.
icloud-mail-needs-an-app-0e669f48 = Correo de iCloud necesita una contraseña específica de aplicación: créala en account.apple.com, en Sign-In and Security → App-Specific Passwords (Inicio de sesión y seguridad → Contraseñas específicas de apps), y usa tu dirección completa de iCloud como `Username`.
zoho-mail-use-your-full-384aac79 = Zoho Mail: usa tu dirección completa de Zoho como `UserName`. Si el inicio de sesión de dos factores está activado, crea una contraseña específica de aplicación en Zoho Accounts → Security y úsala como `Password`. Usa el servidor de tu centro de datos (por ejemplo `smtp.zoho.eu` en Europa); las cuentas de organización con dominio propio usan `smtppro.` en lugar de `smtp.` (por ejemplo `smtppro.zoho.eu`).
zoho-mail-use-your-full-7a3fb759 = Zoho Mail: usa tu dirección completa de Zoho como `Username`. Si el inicio de sesión de dos factores está activado, crea una contraseña específica de aplicación en Zoho Accounts → Security y úsala como `Password`. Usa el servidor de tu centro de datos (por ejemplo `smtp.zoho.eu` en Europa); las cuentas de organización con dominio propio usan `smtppro.` en lugar de `smtp.` (por ejemplo `smtppro.zoho.eu`).
fastmail-needs-an-app-password-4c8b9524 = Fastmail necesita una contraseña de aplicación: crea una en Settings → Privacy & Security → App passwords y úsala como `Password`.
azure-communication-services-username-is-82b5afd0 = Azure Communication Services: `UserName` es un nombre de usuario SMTP creado en tu recurso de Communication Services (Settings → SMTP Usernames) y vinculado a una aplicación de Microsoft Entra con permiso para enviar; `Password` es el secreto de cliente de esa aplicación. Los secretos de cliente caducan: si antes funcionaba, crea un secreto nuevo y úsalo.
azure-communication-services-username-is-25902af0 = Azure Communication Services: `Username` es un nombre de usuario SMTP creado en tu recurso de Communication Services (Settings → SMTP Usernames) y vinculado a una aplicación de Microsoft Entra con permiso para enviar; `Password` es el secreto de cliente de esa aplicación. Los secretos de cliente caducan: si antes funcionaba, crea un secreto nuevo y úsalo.
azure-communication-services-sends-only-ff5de3b8 = Azure Communication Services solo envía desde las direcciones MailFrom de un dominio de correo conectado a tu recurso de Communication Services: pon en `From` una de ellas.
azure-communication-services-sends-only-fcf3ed02 = Azure Communication Services solo envía desde las direcciones MailFrom de un dominio de correo conectado a tu recurso de Communication Services: pon en `setFrom()` una de ellas.
amazon-ses-needs-ses-smtp-cb156c1c = Amazon SES necesita credenciales SMTP de SES, creadas en la consola de SES en SMTP settings para la región de `Host`. Las claves de acceso de IAM y las credenciales SMTP de otra región no funcionan.
amazon-ses-sends-only-from-31649dbc = Amazon SES solo envía desde identidades verificadas: verifica la dirección `From` o su dominio en la consola de SES. Mientras la cuenta esté en el sandbox (el modo de prueba de las cuentas nuevas), los destinatarios también tienen que estar verificados.
amazon-ses-sends-only-from-ce071f11 = Amazon SES solo envía desde identidades verificadas: verifica la dirección de `setFrom()` o su dominio en la consola de SES. Mientras la cuenta esté en el sandbox (el modo de prueba de las cuentas nuevas), los destinatarios también tienen que estar verificados.
sendgrid-username-must-be-literally-2392208f = SendGrid: `UserName` tiene que ser literalmente `apikey` (no tu usuario ni tu dirección de correo), y `Password` es una clave de API con el permiso "Mail Send", pegada sin espacios.
sendgrid-username-must-be-literally-0f7ff76f = SendGrid: `Username` tiene que ser literalmente `apikey` (no tu usuario ni tu dirección de correo), y `Password` es una clave de API con el permiso "Mail Send", pegada sin espacios.
sendgrid-sends-only-from-a-0be2f6cf = SendGrid solo envía desde una Sender Identity verificada: verifica la dirección `From` o su dominio en Settings → Sender Authentication.
sendgrid-sends-only-from-a-c8fc64da = SendGrid solo envía desde una Sender Identity verificada: verifica la dirección de `setFrom()` o su dominio en Settings → Sender Authentication.
mailgun-sends-from-addresses-of-ba0bed7a = Mailgun envía desde direcciones de tu dominio de envío verificado: usa una como `From`.
mailgun-sends-from-addresses-of-38c1bbc8 = Mailgun envía desde direcciones de tu dominio de envío verificado: usa una como dirección de `setFrom()`.
postmark-use-your-server-api-681c5113 = Postmark: usa tu Server API Token como `UserName` y también como `Password`.
postmark-use-your-server-api-d6fda7f3 = Postmark: usa tu Server API Token como `Username` y también como `Password`.
postmark-sends-only-from-a-aa1507f0 = Postmark solo envía desde una Sender Signature confirmada o un dominio verificado: usa uno como `From`.
postmark-sends-only-from-a-9ef116ea = Postmark solo envía desde una Sender Signature confirmada o un dominio verificado: usa uno como dirección de `setFrom()`.
brevo-username-is-the-smtp-61deeb36 = Brevo: `UserName` es el usuario SMTP que aparece en SMTP & API, y `Password` es una clave SMTP de la misma página (no una clave de API ni la contraseña de tu cuenta).
brevo-username-is-the-smtp-d3088416 = Brevo: `Username` es el usuario SMTP que aparece en SMTP & API, y `Password` es una clave SMTP de la misma página (no una clave de API ni la contraseña de tu cuenta).
brevo-sends-only-from-a-e7ee4fca = Brevo solo envía desde un remitente o dominio verificado: usa uno como `From`.
brevo-sends-only-from-a-0fe5ff38 = Brevo solo envía desde un remitente o dominio verificado: usa uno como dirección de `setFrom()`.
mailjet-username-is-your-mailjet-be7768e2 = Mailjet: `UserName` es tu clave de API de Mailjet y `Password` su clave secreta (en Account settings → API keys), no tu usuario de Mailjet.
mailjet-username-is-your-mailjet-aa6c2842 = Mailjet: `Username` es tu clave de API de Mailjet y `Password` su clave secreta (en Account settings → API keys), no tu usuario de Mailjet.
mailjet-sends-only-from-a-2b02a254 = Mailjet solo envía desde una dirección de remitente o un dominio validados: valida la dirección `From` en Mailjet o usa una que ya lo esté.
mailjet-sends-only-from-a-a4239645 = Mailjet solo envía desde una dirección de remitente o un dominio validados: valida la dirección de `setFrom()` en Mailjet o usa una que ya lo esté.
smtp2go-use-an-smtp-user-c2bc2bdb = SMTP2GO: usa un usuario SMTP de tu cuenta de SMTP2GO (Sending → SMTP Users) como `UserName` y su contraseña como `Password`, no tu usuario de SMTP2GO.
smtp2go-use-an-smtp-user-b95c2e7b = SMTP2GO: usa un usuario SMTP de tu cuenta de SMTP2GO (Sending → SMTP Users) como `Username` y su contraseña como `Password`, no tu usuario de SMTP2GO.
smtp2go-sends-only-from-verified-38d2716c = SMTP2GO solo envía desde remitentes verificados (Sending → Verified Senders): usa uno como `From`.
smtp2go-sends-only-from-verified-4a413e26 = SMTP2GO solo envía desde remitentes verificados (Sending → Verified Senders): usa uno como dirección de `setFrom()`.
provider-also-takes-mail-on-688364ca = { $provider } también acepta correo en el puerto `{ $port }`, que las empresas de hosting y los proveedores de internet rara vez bloquean: cambia `port` a `{ $port }` y deja SSL activado en el código.
provider-also-takes-mail-on-2eb2c630 = { $provider } también acepta correo en el puerto `{ $port }`, que las empresas de hosting y los proveedores de internet rara vez bloquean: cambia `Port` a `{ $port }` y deja `SecureSocketOptions` en `StartTls`.
provider-also-takes-mail-on-d235639f = { $provider } también acepta correo en el puerto `{ $port }`, que las empresas de hosting y los proveedores de internet rara vez bloquean: cambia `Port` a `{ $port }` y deja `SMTPSecure` en `'tls'` (STARTTLS).
