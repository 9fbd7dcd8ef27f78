<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES" sourcelanguage="en_GB">
  <context>
    <name>WitnessStation</name>
    <message>
      <location filename="../../ui/witness/join.py" line="71" />
      <source>Not connected yet.</source>
      <translation>Todavía no está conectado.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="52" />
      <source>Connecting to the court…</source>
      <translation>Conectando con el tribunal…</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="54" />
      <source>You are in the waiting room. The clerk will let you in soon. You can practise while you wait.</source>
      <translation>Está en la sala de espera. El secretario le dejará entrar pronto. Puede practicar mientras espera.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="56" />
      <source>The clerk has let you in. Connecting the picture and sound…</source>
      <translation>El secretario le ha dejado entrar. Conectando la imagen y el sonido…</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="58" />
      <source>You are connected to the court.</source>
      <translation>Está conectado con el tribunal.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="60" />
      <source>The connection is being restored. Nothing is lost: your recording continues. Nobody in court can see or hear you until it is back.</source>
      <translation>La conexión se está restableciendo. No se pierde nada: su grabación continúa. Nadie en el tribunal puede verle ni oírle hasta que vuelva.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="62" />
      <source>The hearing has finished. Thank you. Your camera and microphone are off.</source>
      <translation>La audiencia ha terminado. Gracias. Su cámara y su micrófono están apagados.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="64" />
      <source>The connection to the court could not be made. Please tell your support person; the court will help.</source>
      <translation>No se ha podido establecer la conexión con el tribunal. Dígaselo a su persona de apoyo; el tribunal le ayudará.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="66" />
      <source>The connection to the court could not be restored. Your recording is safe on this station. Please tell your support person; the court will contact you.</source>
      <translation>No se ha podido restablecer la conexión con el tribunal. Su grabación está a salvo en este equipo. Dígaselo a su persona de apoyo; el tribunal se pondrá en contacto con usted.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="68" />
      <source>You have left the hearing. Your camera and microphone are off.</source>
      <translation>Ha salido de la audiencia. Su cámara y su micrófono están apagados.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="70" />
      <source>The court did not let this station in. Please tell your support person; the court will contact you.</source>
      <translation>El tribunal no ha dejado entrar a este equipo. Dígaselo a su persona de apoyo; el tribunal se pondrá en contacto con usted.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="175" />
      <source>Open the invitation</source>
      <translation>Abrir la invitación</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="224" />
      <source>Join your hearing</source>
      <translation>Entrar en su audiencia</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="225" />
      <source>The court has sent you an invitation. Open it here. You do not need to do anything else: the court lets you in when it is time.</source>
      <translation>El tribunal le ha enviado una invitación. Ábrala aquí. No tiene que hacer nada más: el tribunal le dejará entrar cuando sea el momento.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="227" />
      <source>Open the invitation…</source>
      <translation>Abrir la invitación…</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="228" />
      <source>Open the invitation the court sent</source>
      <translation>Abrir la invitación que envió el tribunal</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="229" />
      <source>Or paste the invitation here:</source>
      <translation>O pegue aquí la invitación:</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="230" />
      <source>The invitation, pasted</source>
      <translation>La invitación, pegada</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="231" />
      <source>Join</source>
      <translation>Entrar</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="232" />
      <source>Join with the pasted invitation</source>
      <translation>Entrar con la invitación pegada</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="233" />
      <source>Your safety code</source>
      <translation>Su código de seguridad</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="234" />
      <source>Someone from the court will read you a code. If it is the same as this one, you are connected to the right court. If it is different, tell your support person and press “Leave”.</source>
      <translation>Alguien del tribunal le leerá un código. Si es el mismo que este, está conectado al tribunal correcto. Si es distinto, dígaselo a su persona de apoyo y pulse «Salir».</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="237" />
      <source>Practise first (equipment check)</source>
      <translation>Practicar primero (prueba del equipo)</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="241" />
      <source>Leave</source>
      <translation>Salir</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="242" />
      <source>Leave the hearing</source>
      <translation>Salir de la audiencia</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="243" />
      <source>Connection</source>
      <translation>Conexión</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="177" />
      <source>Invitations (*.json *.invite)</source>
      <translation>Invitaciones (*.json *.invite)</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="177" />
      <source>All files (*)</source>
      <translation>Todos los archivos (*)</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="195" />
      <source>Paste the invitation the court sent into the box first.</source>
      <translation>Primero pegue en el recuadro la invitación que envió el tribunal.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="188" />
      <source>That file cannot be opened. Please choose the invitation the court sent.</source>
      <translation>Ese archivo no se puede abrir. Elija la invitación que envió el tribunal.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="208" />
      <source>Safety code</source>
      <translation>Código de seguridad</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="147" />
      <source>Practice and equipment check</source>
      <translation>Práctica y prueba del equipo</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="174" />
      <source>Let's check everything before we start</source>
      <translation>Comprobemos todo antes de empezar</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="178" />
      <source>Nothing here is recorded, and nobody in court can see or hear it. Take your time.</source>
      <translation>Nada de esto se graba y nadie en el tribunal puede verlo ni oírlo. Tómese su tiempo.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="187" />
      <source>1. Your camera, with your face covered</source>
      <translation>1. Su cámara, con la cara cubierta</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="191" />
      <source>Starting your camera…</source>
      <translation>Encendiendo su cámara…</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="192" />
      <source>Your camera, with your face covered</source>
      <translation>Su cámara, con la cara cubierta</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="201" />
      <source>2. Your microphone</source>
      <translation>2. Su micrófono</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="205" />
      <source>Your microphone level</source>
      <translation>Nivel de su micrófono</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="208" />
      <source>Record a few words</source>
      <translation>Grabar unas palabras</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="210" />
      <source>Records a few seconds from your microphone, only on this computer</source>
      <translation>Graba unos segundos de su micrófono, solo en este ordenador</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="212" />
      <source>Hear my changed voice</source>
      <translation>Escuchar mi voz cambiada</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="214" />
      <source>Plays your words back with the changed voice the court hears</source>
      <translation>Reproduce sus palabras con la voz cambiada que oye el tribunal</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="220" />
      <source>Say a few words, then listen to how the court hears your voice.</source>
      <translation>Diga unas palabras y luego escuche cómo oye su voz el tribunal.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="228" />
      <source>3. What you will hear</source>
      <translation>3. Lo que va a oír</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="233" />
      <source>The channel you hear</source>
      <translation>El canal que usted oye</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="234" />
      <source>What you hear: the court room, or your interpreter with the court room quietly underneath</source>
      <translation>Lo que usted oye: la sala, o a su intérprete con la sala de fondo, más baja</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="235" />
      <source>The court room (no interpretation)</source>
      <translation>La sala (sin interpretación)</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="242" />
      <source>Listen</source>
      <translation>Escuchar</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="243" />
      <source>Listen to this channel</source>
      <translation>Escuchar este canal</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="244" />
      <source>Plays the chosen channel in your speakers</source>
      <translation>Reproduce el canal elegido en sus altavoces</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="250" />
      <source>Level of what you hear</source>
      <translation>Nivel de lo que oye</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="260" />
      <source>4. Try the break button</source>
      <translation>4. Pruebe el botón de descanso</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="263" />
      <source>I need a break</source>
      <translation>Necesito un descanso</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="266" />
      <source>Try the break button</source>
      <translation>Probar el botón de descanso</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="267" />
      <source>Shows what happens when you take a break. Nothing reaches the court.</source>
      <translation>Muestra lo que pasa cuando toma un descanso. Nada llega al tribunal.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="280" />
      <source>I'm ready — finish the check</source>
      <translation>Estoy listo/a — terminar la prueba</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="283" />
      <source>Closes the check. Nothing was recorded.</source>
      <translation>Cierra la prueba. No se ha grabado nada.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="296" />
      <source>You are on a break</source>
      <translation>Está en un descanso</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="300" />
      <source>This is what a break looks like. During the hearing, the court would now see a curtain and hear nothing, straight away. You never have to say why.</source>
      <translation>Así es un descanso. Durante la audiencia, el tribunal vería ahora una cortina y no oiría nada, de inmediato. Nunca tiene que explicar por qué.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="305" />
      <source>Break guidance</source>
      <translation>Guía para el descanso</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="307" />
      <source>I'm ready to continue</source>
      <translation>Estoy listo/a para continuar</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="310" />
      <source>Goes back to the check</source>
      <translation>Vuelve a la prueba</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="337" />
      <source>Starting your camera and microphone…</source>
      <translation>Encendiendo su cámara y su micrófono…</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="366" />
      <source>The camera or microphone could not be started. Please tell the court staff.</source>
      <translation>No se pudo encender la cámara o el micrófono. Avise al personal del tribunal, por favor.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="401" />
      <source>Playing your changed voice…</source>
      <translation>Reproduciendo su voz cambiada…</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="360" />
      <source>No speakers found — you can still check your camera and microphone.</source>
      <translation>No se encontraron altavoces; aún puede comprobar su cámara y su micrófono.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="396" />
      <source>No speakers found — your voice cannot be played back here.</source>
      <translation>No se encontraron altavoces; su voz no se puede reproducir aquí.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="406" />
      <source>This is how the court hears your voice.</source>
      <translation>Así oye su voz el tribunal.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="429" />
      <source>Stop</source>
      <translation>Parar</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="380" />
      <source>Done. Press “Hear my changed voice”.</source>
      <translation>Listo. Pulse «Escuchar mi voz cambiada».</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="422" />
      <source>You hear the interpreter, with the court room quietly underneath.</source>
      <translation>Oye al intérprete, con el sonido de la sala suave de fondo.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="423" />
      <source>You hear the court room.</source>
      <translation>Oye la sala.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="425" />
      <source>No speakers found — the court's sound cannot be played here.</source>
      <translation>No se encontraron altavoces; el sonido del tribunal no se puede reproducir aquí.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="375" />
      <source>Recording… ({seconds:.0f} s)</source>
      <translation>Grabando… ({seconds:.0f} s)</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="87" />
      <source>The judge</source>
      <translation>El juez o la jueza</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="75" />
      <source>Nobody in court yet — the hearing has not started.</source>
      <translation>Todavía nadie en el tribunal: la audiencia no ha empezado.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="83" />
      <source>Nobody except your support person. The court sees a curtain and hears nothing.</source>
      <translation>Nadie, excepto su persona de apoyo. El tribunal ve una cortina y no oye nada.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="85" />
      <source>Nobody. The hearing has finished. Thank you.</source>
      <translation>Nadie. La audiencia ha terminado. Gracias.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="99" />
      <source>The lawyers, the clerk and interpreters see you with your face covered and hear a changed voice.</source>
      <translation>Los abogados, el secretario y los intérpretes le ven con la cara cubierta y oyen una voz cambiada.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="109" />
      <source>The accused cannot see you.</source>
      <translation>El acusado no puede verle.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="112" />
      <source>This is being recorded for the court.</source>
      <translation>Esto se está grabando para el tribunal.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="112" />
      <source>Nothing is being recorded.</source>
      <translation>No se está grabando nada.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="368" />
      <source>Testimony Shield — Witness</source>
      <translation>Testimony Shield — Testigo</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="369" />
      <source>Screen language</source>
      <translation>Idioma de la pantalla</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="371" />
      <source>Changes the language of this screen</source>
      <translation>Cambia el idioma de esta pantalla</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="372" />
      <source>I listen to</source>
      <translation>Escucho</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="376" />
      <source>Smaller text</source>
      <translation>Texto más pequeño</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="378" />
      <source>Makes the text of this screen smaller</source>
      <translation>Hace más pequeño el texto de esta pantalla</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="379" />
      <source>Larger text</source>
      <translation>Texto más grande</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="381" />
      <source>Makes the text of this screen larger</source>
      <translation>Hace más grande el texto de esta pantalla</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="382" />
      <source>High contrast</source>
      <translation>Alto contraste</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="384" />
      <source>White and yellow on black, easier to read</source>
      <translation>Blanco y amarillo sobre negro, más fácil de leer</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="385" />
      <source>Speaking to you</source>
      <translation>Le habla</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="386" />
      <source>Person speaking to you</source>
      <translation>Persona que le habla</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="387" />
      <source>How the court sees you</source>
      <translation>Cómo le ve el tribunal</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="388" />
      <source>Your picture will appear here, with your face covered.</source>
      <translation>Su imagen aparecerá aquí, con la cara cubierta.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="389" />
      <source>Your own picture, masked as the court sees it</source>
      <translation>Su propia imagen, enmascarada como la ve el tribunal</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="390" />
      <source>Who can see and hear me now</source>
      <translation>Quién puede verme y oírme ahora</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="395" />
      <source>Stops the court seeing and hearing you at once. Shortcut: B or Space.</source>
      <translation>El tribunal deja de verle y oírle al instante. Atajo: B o Espacio.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="396" />
      <source>Press at any time. You do not have to say why. (B or Space)</source>
      <translation>Púlselo cuando quiera. No tiene que explicar por qué. (B o Espacio)</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="400" />
      <source>Try your camera, your microphone and the break button. Nothing is recorded.</source>
      <translation>Pruebe su cámara, su micrófono y el botón de descanso. No se graba nada.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="402" />
      <source>Nobody in court can see or hear you now.

Breathe in slowly for four… and out for six.
Notice five things you can see around you.

Take as long as you need.</source>
      <translation>Ahora nadie en el tribunal puede verle ni oírle.

Inspire despacio contando hasta cuatro… y espire contando hasta seis.
Fíjese en cinco cosas que pueda ver a su alrededor.

Tómese el tiempo que necesite.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="404" />
      <source>Time on break</source>
      <translation>Tiempo de descanso</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="408" />
      <source>The person speaking to you appears here.</source>
      <translation>Aquí aparece la persona que le habla.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="413" />
      <source>Ends your break. The court sees and hears you again.</source>
      <translation>Termina su descanso. El tribunal vuelve a verle y oírle.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="657" />
      <source>The hearing has finished. Thank you.</source>
      <translation>La audiencia ha terminado. Gracias.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="102" />
      <source>The lawyers, the clerk and interpreters see you with your face covered and hear your own voice.</source>
      <translation>Los abogados, el secretario y los intérpretes le ven con la cara cubierta y oyen su propia voz.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="541" />
      <source>Welcome. Take your time.</source>
      <translation>Bienvenido/a. Tómese su tiempo.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="542" />
      <source>Nobody yet — the hearing has not started.</source>
      <translation>Todavía nadie: la audiencia no ha empezado.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="89" />
      <source>{judge} (the judge) sees your face and hears your own voice.</source>
      <translation>{judge} (juez/a) ve su cara y oye su propia voz.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="105" />
      <source>The lawyers, the clerk and interpreters see your face and hear a changed voice.</source>
      <translation>Los abogados, el secretario y los intérpretes ven su cara y oyen una voz cambiada.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="107" />
      <source>The lawyers, the clerk and interpreters see your face and hear your own voice.</source>
      <translation>Los abogados, el secretario y los intérpretes ven su cara y oyen su propia voz.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="111" />
      <source>{support} (your support person) is with you.</source>
      <translation>{support} (su persona de apoyo) está con usted.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="81" />
      <source>Nobody except {support}, your support person. The court sees a curtain and hears nothing.</source>
      <translation>Nadie, excepto {support}, su persona de apoyo. El tribunal ve una cortina y no oye nada.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="91" />
      <source>{judge} (the judge) sees you with your face covered and hears a changed voice.</source>
      <translation>{judge} (juez/a) le ve con la cara cubierta y oye una voz cambiada.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="664" />
      <source>The recording for the court is saved. (For the court's staff: {where})</source>
      <translation>La grabación para el tribunal está guardada. (Para el personal del tribunal: {where})</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="94" />
      <source>{judge} (the judge) sees you with your face covered and hears your own voice.</source>
      <translation>{judge} (juez/a) le ve con la cara cubierta y oye su propia voz.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="97" />
      <source>{judge} (the judge) sees your face and hears a changed voice.</source>
      <translation>{judge} (juez/a) ve su cara y oye una voz cambiada.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="537" />
      <source>Welcome, {name}. Take your time.</source>
      <translation>Bienvenido/a, {name}. Tómese su tiempo.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="533" />
      <source>Judge — {judge}
(speaking)</source>
      <translation>Juez/a — {judge}
(está hablando)</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="608" />
      <source>This invitation cannot be used. Please ask the court to send a new one.</source>
      <translation>Esta invitación no se puede usar. Pida al tribunal que le envíe una nueva.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="612" />
      <source>This station could not start the hearing. Please tell your support person.</source>
      <translation>Este equipo no ha podido iniciar la audiencia. Dígaselo a su persona de apoyo.</translation>
    </message>
  </context>
</TS>
