<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES" sourcelanguage="en_GB">
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ui/errors.py" line="+24"/>
        <source>That passphrase is not right. Please check it and try again.</source>
        <translation>La frase de contraseña no es correcta. Compruébela y vuelva a intentarlo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This recording or the audit trail has been changed or damaged since it was sealed. Do not rely on it; report it to the court&apos;s IT security contact.</source>
        <translation>Esta grabación o el registro de auditoría se han modificado o dañado después del sellado. No confíe en ellos; informe al responsable de seguridad informática del tribunal.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The share for your role has expired. Ask the judge for a new one.</source>
        <translation>El acceso compartido de su función ha caducado. Pida uno nuevo al juez.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The raw (unmasked) recording may only go to the judge.</source>
        <translation>La grabación sin máscara solo puede entregarse al juez.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The recording station&apos;s key is locked: enter the station passphrase.</source>
        <translation>La clave del puesto de grabación está bloqueada: introduzca la frase de contraseña del puesto.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your role is not allowed to open this recording.</source>
        <translation>Su función no permite abrir esta grabación.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is no vault in this folder yet.</source>
        <translation>Todavía no hay un depósito en esta carpeta.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That recording is not in the vault.</source>
        <translation>Esa grabación no está en el depósito.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The disk is full. Free some space; everything recorded so far has been kept and sealed.</source>
        <translation>El disco está lleno. Libere espacio; todo lo grabado hasta ahora se ha conservado y sellado.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This recording is sealed and cannot be changed.</source>
        <translation>Esta grabación está sellada y no se puede modificar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The vault could not complete that action.</source>
        <translation>El depósito no pudo completar esa acción.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The camera or microphone stopped working. Check the cable, then start again.</source>
        <translation>La cámara o el micrófono dejaron de funcionar. Compruebe el cable y vuelva a empezar.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No microphone could be opened. Check that it is plugged in and not used by another program.</source>
        <translation>No se pudo abrir ningún micrófono. Compruebe que está conectado y que ningún otro programa lo usa.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No camera could be opened. Check that it is plugged in and not used by another program.</source>
        <translation>No se pudo abrir ninguna cámara. Compruebe que está conectada y que ningún otro programa la usa.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A camera or microphone could not be opened.</source>
        <translation>No se pudo abrir una cámara o un micrófono.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The session plan is not complete: {detail}.</source>
        <translation>El plan de la sesión no está completo: {detail}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The recording could not be written. Everything up to now has been kept.</source>
        <translation>No se pudo escribir la grabación. Se ha conservado todo lo anterior.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The recording system reported a problem.</source>
        <translation>El sistema de grabación ha notificado un problema.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Something went wrong. The session data is safe; please try again or call support.</source>
        <translation>Algo ha fallado. Los datos de la sesión están a salvo; vuelva a intentarlo o llame al servicio de asistencia.</translation>
    </message>
</context>
<context>
    <name>InterpreterStation</name>
    <message>
        <location filename="../../ui/interpreter/station.py" line="+313"/>
        <source>No headphones found: you cannot hear the floor at this station.</source>
        <extracomment>the floor counts as &quot;speaking&quot; above this level (dBFS), held for a moment after</extracomment>
        <translation>No se encontraron auriculares: en este puesto no puede oír la sala.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This microphone could not be opened. Check that it is plugged in.</source>
        <translation>No se pudo abrir este micrófono. Compruebe que está conectado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wear headphones: the floor must not reach your microphone.</source>
        <translation>Use auriculares: el sonido de la sala no debe llegar a su micrófono.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Only the interpreter on air can hand over.</source>
        <translation>Solo el intérprete en el aire puede dar el relevo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your partner is not connected: you cannot hand over.</source>
        <translation>Su compañero no está conectado: no puede dar el relevo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A hand-over is already counting down.</source>
        <translation>Ya hay una cuenta atrás de relevo en curso.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The court refused that request.</source>
        <translation>El tribunal ha rechazado esa petición.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>{db} dB</source>
        <translation>{db} dB</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The floor (the court room)</source>
        <translation>La sala (original)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{language} (relay)</source>
        <translation>{language} (relé)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>THE HEARING HAS ENDED</source>
        <translation>LA AUDIENCIA HA TERMINADO</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+14"/>
        <source>Your microphone is closed.</source>
        <translation>Su micrófono está cerrado.</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>PRACTICE — nothing is sent</source>
        <translation>PRÁCTICA — no se envía nada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your microphone is heard only by you. Nothing is recorded.</source>
        <translation>Solo usted oye su micrófono. No se graba nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NOT ON AIR — not admitted yet</source>
        <translation>FUERA DEL AIRE — aún no admitido</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nothing you say is sent.</source>
        <translation>Nada de lo que diga se envía.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ON AIR — MICROPHONE CLOSED (cough)</source>
        <translation>EN EL AIRE — MICRÓFONO CERRADO (tos)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Release C to speak again.</source>
        <translation>Suelte C para volver a hablar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ON AIR — you are interpreting into {language}</source>
        <translation>EN EL AIRE — está interpretando al {language}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Everything you say goes to the court.</source>
        <translation>Todo lo que diga llega al tribunal.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OFF AIR — {name} is on air</source>
        <translation>FUERA DEL AIRE — {name} está en el aire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OFF AIR — nobody is on air</source>
        <translation>FUERA DEL AIRE — nadie está en el aire</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Handing over to {name} in {seconds} s</source>
        <translation>Relevo a {name} en {seconds} s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You take over from {name} in {seconds} s — your microphone is open</source>
        <translation>Usted releva a {name} en {seconds} s — su micrófono está abierto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hand-over in {seconds} s</source>
        <translation>Relevo en {seconds} s</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No hand-over</source>
        <translation>Sin relevo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The hearing has not started for you yet.</source>
        <translation>La audiencia aún no ha empezado para usted.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The witness is on a break. Stay quiet: the court hears nothing.</source>
        <translation>El testigo está en una pausa. Guarde silencio: el tribunal no oye nada.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The witness is not connected yet.</source>
        <translation>El testigo aún no está conectado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The witness&apos;s connection is being restored.</source>
        <translation>Se está restableciendo la conexión del testigo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Speaking now: the witness (floor)</source>
        <translation>Habla ahora: el testigo (sala)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Speaking now: the practice floor</source>
        <translation>Habla ahora: la sala de práctica</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nobody is speaking on the floor.</source>
        <translation>Nadie habla en la sala.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>On air on {language}: you</source>
        <translation>En el aire en {language}: usted</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On air on {language}: {name}</source>
        <translation>En el aire en {language}: {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nobody</source>
        <translation>nadie</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your partner: {name} ({state})</source>
        <translation>Su compañero: {name} ({state})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connected</source>
        <translation>conectado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not connected</source>
        <translation>no conectado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>You have no partner in this booth.</source>
        <translation>No tiene compañero en esta cabina.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Microphone closed — release C</source>
        <translation>Micrófono cerrado — suelte C</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cough (hold C)</source>
        <translation>Tos (mantenga C)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not join the court: {reason}</source>
        <translation>No se pudo entrar en el tribunal: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not connected</source>
        <translation>No conectado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connecting to the court…</source>
        <translation>Conectando con el tribunal…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the waiting room: the clerk will admit you. Compare the safety code with the clerk first.</source>
        <translation>En la sala de espera: el secretario judicial le admitirá. Compare antes el código de seguridad con el secretario.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Admitted: you are in the booth.</source>
        <translation>Admitido: está en la cabina.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reconnecting… (the court hears your partner, or nobody, meanwhile)</source>
        <translation>Reconectando… (mientras tanto, el tribunal oye a su compañero o a nadie)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The hearing has ended. You can close this window.</source>
        <translation>La audiencia ha terminado. Puede cerrar esta ventana.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Testimony Shield — Interpreter ({language})</source>
        <translation>Testimony Shield — Intérprete ({language})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interpreter station</source>
        <translation>Puesto del intérprete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interpreting into {language} for case {case}</source>
        <translation>Interpretación al {language} para el asunto {case}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Interpreter station — {language} ({code})</source>
        <translation>Puesto del intérprete — {language} ({code})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · case {case}</source>
        <translation> · asunto {case}</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Safety code</source>
        <translation>Código de seguridad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare it with the code on the clerk&apos;s screen</source>
        <translation>Compárelo con el código de la pantalla del secretario judicial</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The clerk sees the same six digits. If they differ, do not go on: tell the clerk by phone.</source>
        <translation>El secretario judicial ve los mismos seis dígitos. Si no coinciden, no continúe: avise al secretario por teléfono.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Practise first (nothing is sent)</source>
        <translation>Practicar primero (no se envía nada)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Practise first</source>
        <translation>Practicar primero</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hear a practice floor and your own voice; try the cough key. Nothing is sent or recorded.</source>
        <translation>Escuche una sala de práctica y su propia voz; pruebe la tecla de tos. No se envía ni se graba nada.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cough</source>
        <translation>Tos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hold to close your microphone for a moment. Key: hold C.</source>
        <translation>Manténgalo pulsado para cerrar el micrófono un momento. Tecla: mantenga C.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hand over to partner</source>
        <translation>Dar el &amp;relevo al compañero</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hand over to partner</source>
        <translation>Dar el relevo al compañero</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts a countdown both of you see; your partner is on air at its end. Key: H.</source>
        <translation>Inicia una cuenta atrás que ven ambos; al terminar, su compañero pasa al aire. Tecla: H.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hand-over countdown</source>
        <translation>Cuenta atrás del relevo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seconds before your partner is on air</source>
        <translation>Segundos antes de que su compañero pase al aire</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Cancel hand-over</source>
        <translation>Cancelar el relevo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stops the countdown. Key: Escape.</source>
        <translation>Detiene la cuenta atrás. Tecla: Escape.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I &amp;listen to</source>
        <translation>&amp;Escucho</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I listen to</source>
        <translation>Escucho</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The floor, or another language&apos;s interpreter for relay</source>
        <translation>La sala, o el intérprete de otro idioma como relé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Volume</source>
        <translation>&amp;Volumen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Volume</source>
        <translation>Volumen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How loud the floor (or relay) is in your headphones</source>
        <translation>El volumen de la sala (o del relé) en sus auriculares</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Return</source>
        <translation>&amp;Retorno</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On</source>
        <translation>Activado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return on</source>
        <translation>Retorno activado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hear your language&apos;s channel: your own voice on air, your partner&apos;s off air</source>
        <translation>Oír el canal de su idioma: su propia voz cuando está en el aire, la de su compañero cuando no</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Return level</source>
        <translation>Nivel del retorno</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How loud the return is, below the floor, in dB</source>
        <translation>El volumen del retorno, por debajo de la sala, en dB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headphones and microphone</source>
        <translation>Auriculares y micrófono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Headphones</source>
        <translation>&amp;Auriculares</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headphones</source>
        <translation>Auriculares</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where you hear the floor</source>
        <translation>Donde oye la sala</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>System default</source>
        <translation>Predeterminado del sistema</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>&amp;Microphone</source>
        <translation>&amp;Micrófono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Microphone</source>
        <translation>Micrófono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The microphone you interpret into</source>
        <translation>El micrófono en el que interpreta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Demo interpreter (built-in)</source>
        <translation>Intérprete de demostración (integrado)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Microphone level</source>
        <translation>Nivel del micrófono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Test headphones and microphone</source>
        <translation>&amp;Probar auriculares y micrófono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test headphones and microphone</source>
        <translation>Probar auriculares y micrófono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plays a chime, then your own voice, in your headphones</source>
        <translation>Reproduce un tono y después su propia voz en los auriculares</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device note</source>
        <translation>Nota sobre los dispositivos</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Leave the hearing</source>
        <translation>Salir de la audiencia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closes your microphone and tells the court you left</source>
        <translation>Cierra su micrófono y avisa al tribunal de que se ha ido</translation>
    </message>
</context>
<context>
    <name>LevelMeter</name>
    <message>
        <location filename="../../ui/widgets/level_meter.py" line="+21"/>
        <source>Microphone level</source>
        <translation>Nivel del micrófono</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{db} dB</source>
        <translation>{db} dB</translation>
    </message>
</context>
<context>
    <name>Masks</name>
    <message>
        <location filename="../../ui/labels.py" line="+14"/>
        <source>Solid cover</source>
        <extracomment>recording.masking.face.STYLES (not imported: that module imports OpenCV, which must load after Qt) recording.masking.voice.PRESETS</extracomment>
        <translation>Cubierta opaca</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Silhouette</source>
        <translation>Silueta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pixelated</source>
        <translation>Pixelado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blurred</source>
        <translation>Desenfocado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off (natural voice)</source>
        <translation>Desactivada (voz natural)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Standard</source>
        <translation>Estándar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strong</source>
        <translation>Fuerte</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="+132"/>
        <source>As the system ({language})</source>
        <translation>Como el sistema ({language})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Automatic (a camera if there is one, else the demo witness)</source>
        <translation>Automática (una cámara si la hay; si no, el testigo de demostración)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demo witness (built-in)</source>
        <translation>Testigo de demostración (integrado)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Automatic (a microphone if there is one, else the demo voice)</source>
        <translation>Automático (un micrófono si lo hay; si no, la voz de demostración)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demo voice (built-in)</source>
        <translation>Voz de demostración (integrada)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Camera {id} (not found now)</source>
        <translation>Cámara {id} (no encontrada ahora)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Device #{id} (not found now)</source>
        <translation>Dispositivo n.º {id} (no encontrado ahora)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Testimony Shield — Settings</source>
        <translation>Testimony Shield — Configuración</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For this computer. Passphrases are never stored.</source>
        <translation>Para este ordenador. Las frases de contraseña nunca se guardan.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Screen &amp;language</source>
        <translation>&amp;Idioma de la pantalla</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Language of these screens</source>
        <translation>Idioma de estas pantallas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The language of the clerk&apos;s, judge&apos;s and interpreter&apos;s screens</source>
        <translation>El idioma de las pantallas del secretario judicial, del juez y del intérprete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Camera</source>
        <translation>&amp;Cámara</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Camera</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The camera that films the witness</source>
        <translation>La cámara que graba al testigo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Microphone</source>
        <translation>&amp;Micrófono</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Microphone</source>
        <translation>Micrófono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The microphone of the witness&apos;s room</source>
        <translation>El micrófono de la sala del testigo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Face mask style</source>
        <translation>Estilo de máscara &amp;facial</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Face mask style</source>
        <translation>Estilo de máscara facial</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the witness&apos;s face is covered for everyone not allowed to see it</source>
        <translation>Cómo se cubre la cara del testigo para quienes no pueden verla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Voice preset</source>
        <translation>Ajuste de &amp;voz</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Voice preset</source>
        <translation>Ajuste de voz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How strongly the witness&apos;s voice is changed</source>
        <translation>Cuánto se modifica la voz del testigo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vault &amp;folder</source>
        <translation>Carpeta del &amp;depósito</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+53"/>
        <source>Vault folder</source>
        <translation>Carpeta del depósito</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Where the encrypted evidence vault is kept</source>
        <translation>Dónde se guarda el depósito cifrado de pruebas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Witness screen language</source>
        <translation>Idioma de la pantalla del &amp;testigo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Witness screen language</source>
        <translation>Idioma de la pantalla del testigo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The language the witness station starts in</source>
        <translation>El idioma con el que se abre el puesto del testigo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Witness &amp;text size</source>
        <translation>&amp;Tamaño del texto del testigo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Witness text size</source>
        <translation>Tamaño del texto del testigo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How large the text of the witness station is</source>
        <translation>El tamaño del texto en el puesto del testigo</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Default: {folder}</source>
        <translation>Predeterminada: {folder}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the vault folder</source>
        <translation>Elegir la carpeta del depósito</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opens a folder chooser</source>
        <translation>Abre un selector de carpetas</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>High contrast</source>
        <translation>Alto contraste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>White and yellow on black on every screen</source>
        <translation>Blanco y amarillo sobre negro en todas las pantallas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device changes apply to the next session.</source>
        <translation>Los cambios de dispositivo se aplican en la próxima sesión.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings note</source>
        <translation>Nota de configuración</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save the settings and close</source>
        <translation>Guardar la configuración y cerrar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close without saving</source>
        <translation>Cerrar sin guardar</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>The settings could not be saved ({error}). Check the folder&apos;s permissions and try again.</source>
        <translation>No se pudo guardar la configuración ({error}). Compruebe los permisos de la carpeta y vuelva a intentarlo.</translation>
    </message>
</context>
<context>
    <name>StartWindow</name>
    <message>
        <location filename="../../ui/start.py" line="+86"/>
        <source>Testimony Shield start</source>
        <translation>Inicio de Testimony Shield</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the station this computer is</source>
        <translation>Elija qué puesto es este ordenador</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remote, masked, recorded and sealed testimony. Which station is this computer?</source>
        <translation>Declaraciones a distancia, enmascaradas, grabadas y selladas. ¿Qué puesto es este ordenador?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clerk console</source>
        <translation>Consola del secretario judicial</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Plan and run a session, record and seal it</source>
        <translation>Planificar y dirigir una sesión, grabarla y sellarla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Witness station</source>
        <translation>Puesto del testigo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The calm screen for the witness&apos;s room</source>
        <translation>La pantalla tranquila para la sala del testigo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Judge review</source>
        <translation>Revisión del juez</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unseal and review sealed recordings</source>
        <translation>Abrir y revisar grabaciones selladas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interpreter station</source>
        <translation>Puesto del intérprete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Join a hearing as a remote interpreter with the court&apos;s invitation</source>
        <translation>Unirse a una audiencia como intérprete a distancia con la invitación del tribunal</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Vault: {folder}</source>
        <translation>Depósito: {folder}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vault folder</source>
        <translation>Carpeta del depósito</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Screen language, camera, microphone, masks, vault folder, the witness&apos;s language</source>
        <translation>Idioma de la pantalla, cámara, micrófono, máscaras, carpeta del depósito, idioma del testigo</translation>
    </message>
</context>
</TS>
