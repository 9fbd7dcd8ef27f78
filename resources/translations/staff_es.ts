<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES" sourcelanguage="en_GB">
<context>
    <name>ClerkConsole</name>
    <message>
        <location filename="../../ui/clerk/break_schedule.py" line="+36"/>
        <source>Breaks</source>
        <translation>Pausas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Time to the next planned break</source>
        <translation>Tiempo hasta la próxima pausa programada</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Questioning stretch</source>
        <translation>Tramo de interrogatorio</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Planned break reminder</source>
        <translation>Aviso de pausa programada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Questioning limit warning</source>
        <translation>Aviso de límite del interrogatorio</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A planned break every {interval} min for {length} min; questioning stretches of at most {longest} min.</source>
        <translation>Una pausa programada cada {interval} min durante {length} min; tramos de interrogatorio de {longest} min como máximo.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>On break {time}</source>
        <translation>En pausa {time}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Planned length {length} min: {left} left.</source>
        <translation>Duración prevista {length} min: quedan {left}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Planned length {length} min: {over} over — no rush; the witness says when they are ready.</source>
        <translation>Duración prevista {length} min: {over} de más — sin prisa; el testigo dice cuándo está listo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Next break in {time}</source>
        <translation>Próxima pausa en {time}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Planned break due ({time} over)</source>
        <translation>Pausa programada pendiente ({time} de más)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Questioning for {time} (limit {limit} min).</source>
        <translation>Interrogatorio desde hace {time} (límite {limit} min).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Planned break in {time}. Start it when the witness finishes an answer (“Start planned break”).</source>
        <translation>Pausa programada en {time}. Iníciela cuando el testigo termine una respuesta («Iniciar pausa programada»).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Planned break now. Start it when the witness finishes an answer (“Start planned break”).</source>
        <translation>Pausa programada ahora. Iníciela cuando el testigo termine una respuesta («Iniciar pausa programada»).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This questioning stretch ({time}) is over the ground-rules limit of {limit} min. The judge has been told.</source>
        <translation>Este tramo de interrogatorio ({time}) supera el límite de {limit} min fijado en las normas básicas. Se ha avisado al juez.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/console.py" line="+55"/>
        <source>Testimony Shield — Clerk console</source>
        <translation>Testimony Shield — Consola del secretario judicial</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clerk console</source>
        <translation>Consola del secretario judicial</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>This station cannot start sessions.</source>
        <translation>Este puesto no puede iniciar sesiones.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Plan the next session, or open a saved plan.</source>
        <translation>Planifique la próxima sesión o abra un plan guardado.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The session is still running</source>
        <translation>La sesión sigue en curso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The session is still running and recording.</source>
        <translation>La sesión sigue en curso y grabando.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The session is still running.</source>
        <translation>La sesión sigue en curso.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>If this console closes, nobody can start a planned break or end the session.

End and seal the session now, then close the console?</source>
        <translation>Si esta consola se cierra, nadie podrá iniciar una pausa programada ni terminar la sesión.

¿Terminar y sellar la sesión ahora y después cerrar la consola?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>End and seal, then close</source>
        <translation>Terminar y sellar, después cerrar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the console open</source>
        <translation>Mantener la consola abierta</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/desk_controls.py" line="+34"/>
        <source>{language} interpreter on air</source>
        <translation>Intérprete de {language} en el aire</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hand the {language} channel over to the other interpreter</source>
        <translation>Pasar el canal {language} al otro intérprete</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Crossfaded, without a gap</source>
        <translation>Con fundido, sin cortes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What the {language} interpreters listen to</source>
        <translation>Lo que escuchan los intérpretes de {language}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The floor, or another language for relay</source>
        <translation>La sala, u otro idioma como relé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Listens to the floor</source>
        <translation>Escucha la sala</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relay from {language} ({code})</source>
        <translation>Relé desde {language} ({code})</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>On air: {name}</source>
        <translation>En el aire: {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hand over to {name}</source>
        <translation>Dar el relevo a {name}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No second interpreter</source>
        <translation>No hay segundo intérprete</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/live_panel.py" line="+40"/>
        <source>Court store unreachable — {n} recording(s) kept safely on this station, retrying in {seconds} s</source>
        <translation>Almacén del tribunal inaccesible — {n} grabación(es) guardada(s) de forma segura en este puesto; nuevo intento en {seconds} s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Upload problem — kept on this station: {reason}</source>
        <translation>Problema de subida — se conserva en este puesto: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Uploading to the court store: {n} recording(s), {mib} MiB to go</source>
        <translation>Subiendo al almacén del tribunal: {n} grabación(es), faltan {mib} MiB</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All evidence is in the court store</source>
        <translation>Todas las pruebas están en el almacén del tribunal</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Case {case} — {pseudonym}</source>
        <extracomment>a remote hearing (the witness elsewhere, over the link): the same panel, plus the invitation and the waiting room; media as the court receives it</extracomment>
        <translation>Asunto {case} — {pseudonym}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Case</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Session state</source>
        <translation>Estado de la sesión</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recording state</source>
        <translation>Estado de la grabación</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Evidence upload to the court store</source>
        <translation>Subida de pruebas al almacén del tribunal</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Break notice</source>
        <translation>Aviso de pausa</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>What the court sees (masked at the witness station, as received)</source>
        <translation>Lo que ve el tribunal (enmascarado en el puesto del testigo, tal como llega)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the court sees (masked)</source>
        <translation>Lo que ve el tribunal (enmascarado)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The masked picture appears here once the session is live.</source>
        <translation>La imagen enmascarada aparece aquí cuando la sesión está en directo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Masked witness preview (court view)</source>
        <translation>Vista previa enmascarada del testigo (vista del tribunal)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Witness floor (as received)</source>
        <translation>Sala del testigo (tal como llega)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Witness microphone</source>
        <translation>Micrófono del testigo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Witness microphone level</source>
        <translation>Nivel del micrófono del testigo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Floor ({language})</source>
        <translation>Sala ({language})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>witness, masked for the court</source>
        <translation>testigo, enmascarado para el tribunal</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>interpreter</source>
        <translation>intérprete</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Start session</source>
        <translation>Iniciar la sesión</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+146"/>
        <source>Start recording</source>
        <translation>Iniciar la grabación</translation>
    </message>
    <message>
        <location line="-145"/>
        <source>Break</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End and seal session</source>
        <translation>Terminar y sellar la sesión</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start session (go live)</source>
        <translation>Iniciar la sesión (en directo)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opens the link: the court sees and hears the witness, masked</source>
        <translation>Abre la conexión: el tribunal ve y oye al testigo, enmascarado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start or stop recording</source>
        <translation>Iniciar o detener la grabación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Records the masked and the raw recording, encrypted as they are written</source>
        <translation>Graba la grabación enmascarada y la original, cifradas a medida que se escriben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start a planned break</source>
        <translation>Iniciar una pausa programada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Curtains and mutes the witness for everyone but the support person; the witness resumes when ready</source>
        <translation>Oculta y silencia al testigo para todos salvo la persona de apoyo; el testigo reanuda cuando está listo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>End and seal the session</source>
        <translation>Terminar y sellar la sesión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asks first; the recordings are then sealed and can no longer change</source>
        <translation>Pregunta antes; después las grabaciones quedan selladas y ya no pueden cambiar</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>New session…</source>
        <translation>Nueva sesión…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan a new session</source>
        <translation>Planificar una nueva sesión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the set-up wizard</source>
        <translation>Volver al asistente de preparación</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+4"/>
        <source>Event log</source>
        <translation>Registro de eventos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What happened, with the time; the entries are the session record&apos;s own</source>
        <translation>Lo ocurrido, con la hora; las entradas son las del propio acta de la sesión</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Session result</source>
        <translation>Resultado de la sesión</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>End and seal the session?</source>
        <translation>¿Terminar y sellar la sesión?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The recordings will be sealed in the vault and can no longer be changed. The witness&apos;s link ends.</source>
        <translation>Las grabaciones se sellarán en el depósito y ya no podrán modificarse. La conexión del testigo termina.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>End and seal</source>
        <translation>Terminar y sellar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keep going</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Session ended and sealed.</source>
        <translation>Sesión terminada y sellada.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recordings in the vault — {ids}</source>
        <translation>Grabaciones en el depósito — {ids}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Problems: {problems}</source>
        <translation>Problemas: {problems}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The session has ended.</source>
        <translation>La sesión ha terminado.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Stop recording</source>
        <translation>Detener la grabación</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open the waiting room</source>
        <translation>Abrir la sala de espera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting room open</source>
        <translation>Sala de espera abierta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The witness was admitted</source>
        <translation>El testigo ha sido admitido</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Both stations record from admission to the end</source>
        <translation>Ambos puestos graban desde la admisión hasta el final</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>● Recording</source>
        <translation>● Grabando</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not recording</source>
        <translation>Sin grabar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>On a break — the witness resumes when ready</source>
        <translation>En pausa — el testigo reanuda cuando está listo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start planned break</source>
        <translation>Iniciar pausa programada</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The witness asked for a break</source>
        <translation>El testigo ha pedido una pausa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A planned break is running</source>
        <translation>Hay una pausa programada en curso</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{who} ({time}). Everyone except the support person sees a privacy curtain and hears silence. The witness resumes when they are ready.</source>
        <translation>{who} ({time}). Todos salvo la persona de apoyo ven una cortina de privacidad y oyen silencio. El testigo reanuda cuando está listo.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/mask_status.py" line="+18"/>
        <source>Judge</source>
        <translation>Juez</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Court</source>
        <translation>Tribunal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Witness self-view</source>
        <translation>Autovista del testigo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Support person</source>
        <translation>Persona de apoyo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>face covered</source>
        <translation>cara cubierta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>face covered (tracked)</source>
        <translation>cara cubierta (seguimiento)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>face covered (held)</source>
        <translation>cara cubierta (mantenida)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>privacy curtain</source>
        <translation>cortina de privacidad</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>masked, at the witness station</source>
        <extracomment>a remote hearing: what the court cannot see itself (masking happens at the witness station)</extracomment>
        <translation>enmascarado, en el puesto del testigo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in the room with the witness</source>
        <translation>en la sala con el testigo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Masks by audience</source>
        <translation>Máscaras por destinatario</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Mask status for {audience}</source>
        <translation>Estado de la máscara para {audience}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source> (break)</source>
        <translation> (pausa)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no picture yet</source>
        <translation>aún no hay imagen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>privacy curtain (break)</source>
        <translation>cortina de privacidad (pausa)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unmasked (plan allows)</source>
        <translation>sin máscara (el plan lo permite)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{state} · {n} curtained</source>
        <translation>{state} · {n} con cortina</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>voice mask failed: {n} blocks silenced</source>
        <translation>fallo de la máscara de voz: {n} bloques silenciados</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/saved_plans.py" line="+38"/>
        <location line="+1"/>
        <source>Open saved plan</source>
        <translation>Abrir un plan guardado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plans saved in the vault (encrypted; the newest first).</source>
        <translation>Planes guardados en el depósito (cifrados; los más recientes primero).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No plan has been saved in this vault yet.</source>
        <translation>Aún no se ha guardado ningún plan en este depósito.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved plans</source>
        <translation>Planes guardados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter opens the chosen plan in the wizard</source>
        <translation>Intro abre el plan elegido en el asistente</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Fill the wizard from the chosen plan</source>
        <translation>Rellenar el asistente con el plan elegido</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close without opening a plan</source>
        <translation>Cerrar sin abrir ningún plan</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Open saved plan…</source>
        <translation>Abrir un plan guardado…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a plan saved in the vault</source>
        <translation>Abrir un plan guardado en el depósito</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lists the plans saved (encrypted) in this station&apos;s vault</source>
        <translation>Muestra los planes guardados (cifrados) en el depósito de este puesto</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save plan</source>
        <translation>Guardar el plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the plan in the vault as a draft</source>
        <translation>Guardar el plan en el depósito como borrador</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encrypted; no session is created</source>
        <translation>Cifrado; no se crea ninguna sesión</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Plan status</source>
        <translation>Estado del plan</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Saving the plan in the vault…</source>
        <translation>Guardando el plan en el depósito…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The plan was not saved: {reason}</source>
        <translation>El plan no se guardó: {reason}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Plan saved in the vault (encrypted), {time} — id {id}.</source>
        <translation>Plan guardado en el depósito (cifrado), {time} — id {id}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Looking for saved plans…</source>
        <translation>Buscando planes guardados…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Opening the plan…</source>
        <translation>Abriendo el plan…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Opened the saved plan for case {case}. Check it, then “Create session”.</source>
        <translation>Se ha abierto el plan guardado del asunto {case}. Revíselo y pulse «Crear la sesión».</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The saved plans could not be read: {reason}</source>
        <translation>No se pudieron leer los planes guardados: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/remote_panel.py" line="+47"/>
        <source>Remote witness</source>
        <translation>Testigo a distancia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remote witness: invitation and waiting room</source>
        <translation>Testigo a distancia: invitación y sala de espera</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Link to the witness station</source>
        <translation>Conexión con el puesto del testigo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the waiting room to make the invitation.</source>
        <translation>Abra la sala de espera para crear la invitación.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save invitation…</source>
        <translation>Guardar la invitación…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the witness&apos;s invitation to a file</source>
        <translation>Guardar en un archivo la invitación del testigo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Readable by you only; send it by a route the court trusts</source>
        <translation>Solo usted puede leerla; envíela por una vía de confianza del tribunal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy invitation</source>
        <translation>Copiar la invitación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the witness&apos;s invitation to the clipboard</source>
        <translation>Copiar al portapapeles la invitación del testigo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The clipboard is cleared again after a few minutes</source>
        <translation>El portapapeles se vacía de nuevo al cabo de unos minutos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Judge&apos;s monitor…</source>
        <translation>Monitor del juez…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the judge&apos;s monitor</source>
        <translation>Abrir el monitor del juez</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The unmasked witness, if the plan allows it</source>
        <translation>El testigo sin máscara, si el plan lo permite</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Nobody is in the waiting room.</source>
        <translation>No hay nadie en la sala de espera.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting room</source>
        <translation>Sala de espera</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Safety code</source>
        <translation>Código de seguridad</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Admit</source>
        <translation>Admitir</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Admit the station in the waiting room</source>
        <translation>Admitir el puesto que está en la sala de espera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only if the safety codes are the same</source>
        <translation>Solo si los códigos de seguridad coinciden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send back</source>
        <translation>Rechazar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send the station in the waiting room back</source>
        <translation>Rechazar el puesto que está en la sala de espera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refuses it; nothing is sent to it</source>
        <translation>Lo rechaza; no se le envía nada</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Link quality</source>
        <translation>Calidad de la conexión</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Save the invitation</source>
        <translation>Guardar la invitación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Invitations (*.json)</source>
        <translation>Invitaciones (*.json)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The invitation was not saved: {reason}.</source>
        <translation>La invitación no se guardó: {reason}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The witness&apos;s invitation</source>
        <translation>La invitación del testigo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The {language} interpreter&apos;s invitation</source>
        <translation>La invitación del intérprete de {language}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} is saved in {path} (readable by you only). Send it by a route the court trusts; it works once, until it expires.</source>
        <translation>{what} está guardada en {path} (solo usted puede leerla). Envíela por una vía de confianza del tribunal; sirve una sola vez, hasta que caduca.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Invitation copied. Paste it only into a secure channel; the clipboard is cleared in {minutes} minutes.</source>
        <translation>Invitación copiada. Péguela solo en un canal seguro; el portapapeles se vacía en {minutes} minutos.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The interpreter station ({language}) asks to join. Read this safety code to the interpreter by phone; admit only if theirs is the same.</source>
        <translation>El puesto del intérprete ({language}) pide entrar. Lea este código de seguridad al intérprete por teléfono; admítalo solo si el suyo es el mismo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The witness station asks to join. Read this safety code to the witness&apos;s support person by phone; admit only if theirs is the same.</source>
        <translation>El puesto del testigo pide entrar. Lea este código de seguridad a la persona de apoyo del testigo por teléfono; admítalo solo si el suyo es el mismo.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The interpreter station was admitted.</source>
        <translation>Se ha admitido el puesto del intérprete.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The interpreter station was sent back.</source>
        <translation>Se ha rechazado el puesto del intérprete.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The witness station was admitted.</source>
        <translation>Se ha admitido el puesto del testigo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The witness station was sent back.</source>
        <translation>Se ha rechazado el puesto del testigo.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The invitation is ready: save it or copy it, and send it to the witness&apos;s support person by a route the court trusts.</source>
        <translation>La invitación está lista: guárdela o cópiela y envíela a la persona de apoyo del testigo por una vía de confianza del tribunal.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save {language} interpreter&apos;s invitation…</source>
        <translation>Guardar la invitación del intérprete de {language}…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy {language} interpreter&apos;s invitation</source>
        <translation>Copiar la invitación del intérprete de {language}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The remote interpreter&apos;s own invitation</source>
        <translation>La invitación propia del intérprete a distancia</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Link quality: good.</source>
        <translation>Calidad de la conexión: buena.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link quality: fair — the picture is reduced to keep the voice clear.</source>
        <translation>Calidad de la conexión: regular — la imagen se reduce para que la voz se oiga con claridad.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Link quality: poor — the picture may freeze; the voice has priority.</source>
        <translation>Calidad de la conexión: mala — la imagen puede congelarse; la voz tiene prioridad.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Link lost: reconnecting. The witness&apos;s own recording continues.</source>
        <translation>Conexión perdida: reconectando. La grabación propia del testigo continúa.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{fps} frames/s</source>
        <translation>{fps} imágenes/s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>picture {w}×{h}</source>
        <translation>imagen {w}×{h}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>delay {ms} ms</source>
        <translation>retardo {ms} ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>voice continuous</source>
        <translation>voz continua</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>voice broke up for {s} s</source>
        <translation>la voz se cortó durante {s} s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Now: {parts}.</source>
        <translation>Ahora: {parts}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{fps} frames/s received</source>
        <translation>{fps} imágenes/s recibidas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stalls {n} ({seconds} s)</source>
        <translation>cortes {n} ({seconds} s)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>voice gaps {seconds} s</source>
        <translation>cortes de voz {seconds} s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reconnected {n}×</source>
        <translation>reconectado {n}×</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>through the court relay</source>
        <translation>a través del relé del tribunal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>direct</source>
        <translation>directa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link: {parts}.</source>
        <translation>Conexión: {parts}.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/judge_monitor.py" line="+22"/>
        <source>Judge&apos;s monitor — Testimony Shield</source>
        <translation>Monitor del juez — Testimony Shield</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Judge&apos;s monitor</source>
        <translation>Monitor del juez</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unmasked witness: for the judge only. Do not turn this screen to the courtroom.</source>
        <translation>Testigo sin máscara: solo para el juez. No oriente esta pantalla hacia la sala.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The session plan does not authorise the judge to see the witness unmasked: this monitor shows nothing.</source>
        <translation>El plan de la sesión no autoriza al juez a ver al testigo sin máscara: este monitor no muestra nada.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Waiting for the witness</source>
        <translation>Esperando al testigo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not authorised by the plan</source>
        <translation>No autorizado por el plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Judge&apos;s monitor (unmasked)</source>
        <translation>Monitor del juez (sin máscara)</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ui/errors.py" line="+53"/>
        <source>That passphrase is not right. Please check it and try again.</source>
        <extracomment>what to say of each kind of error, tried in order (a subclass before its base): a message (translated when shown) or a function of the error that chooses one</extracomment>
        <translation>La frase de contraseña no es correcta. Compruébela y vuelva a intentarlo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This recording or the audit trail has been changed or damaged since it was sealed. Do not rely on it; report it to the court&apos;s IT security contact.</source>
        <translation>Esta grabación o el registro de auditoría se han modificado o dañado después del sellado. No confíe en ellos; informe al responsable de seguridad informática del tribunal.</translation>
    </message>
    <message>
        <location line="-30"/>
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
        <location line="+27"/>
        <source>There is no vault in this folder yet.</source>
        <translation>Todavía no hay un depósito en esta carpeta.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That recording is not in the vault.</source>
        <translation>Esa grabación no está en el depósito.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The disk is full. Free some space; everything recorded so far has been kept and sealed.</source>
        <translation>El disco está lleno. Libere espacio; todo lo grabado hasta ahora se ha conservado y sellado.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This recording is sealed and cannot be changed.</source>
        <translation>Esta grabación está sellada y no se puede modificar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The vault could not complete that action.</source>
        <translation>El depósito no pudo completar esa acción.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The camera or microphone stopped working. Check the cable, then start again.</source>
        <translation>La cámara o el micrófono dejaron de funcionar. Compruebe el cable y vuelva a empezar.</translation>
    </message>
    <message>
        <location line="-29"/>
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
        <location line="+4"/>
        <source>The session plan is not complete: {detail}.</source>
        <translation>El plan de la sesión no está completo: {detail}.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The recording could not be written. Everything up to now has been kept.</source>
        <translation>No se pudo escribir la grabación. Se ha conservado todo lo anterior.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The recording system reported a problem.</source>
        <translation>El sistema de grabación ha notificado un problema.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Something went wrong. The session data is safe; please try again or call support.</source>
        <translation>Algo ha fallado. Los datos de la sesión están a salvo; vuelva a intentarlo o llame al servicio de asistencia.</translation>
    </message>
</context>
<context>
    <name>InterpreterStation</name>
    <message>
        <location filename="../../ui/interpreter/station.py" line="+173"/>
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
        <location line="+2"/>
        <source>Wear headphones: the floor must not reach your microphone.</source>
        <translation>Use auriculares: el sonido de la sala no debe llegar a su micrófono.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Only the interpreter on air can hand over.</source>
        <translation>Solo el intérprete en el aire puede dar el relevo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your partner is not connected: you cannot hand over.</source>
        <translation>Su compañero no está conectado: no puede dar el relevo.</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+3"/>
        <source>{language} (relay)</source>
        <translation>{language} (relé)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>THE HEARING HAS ENDED</source>
        <translation>LA AUDIENCIA HA TERMINADO</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+28"/>
        <source>Your microphone is closed.</source>
        <translation>Su micrófono está cerrado.</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>PRACTICE — nothing is sent</source>
        <translation>PRÁCTICA — no se envía nada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your microphone is heard only by you. Nothing is recorded.</source>
        <translation>Solo usted oye su micrófono. No se graba nada.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>NOT ON AIR — not admitted yet</source>
        <translation>FUERA DEL AIRE — aún no admitido</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nothing you say is sent.</source>
        <translation>Nada de lo que diga se envía.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ON AIR — MICROPHONE CLOSED (cough)</source>
        <translation>EN EL AIRE — MICRÓFONO CERRADO (tos)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Release C to speak again.</source>
        <translation>Suelte C para volver a hablar.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ON AIR — you are interpreting into {language}</source>
        <translation>EN EL AIRE — está interpretando al {language}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Everything you say goes to the court.</source>
        <translation>Todo lo que diga llega al tribunal.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>OFF AIR — {name} is on air</source>
        <translation>FUERA DEL AIRE — {name} está en el aire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OFF AIR — nobody is on air</source>
        <translation>FUERA DEL AIRE — nadie está en el aire</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Handing over to {name} in {seconds} s</source>
        <translation>Relevo a {name} en {seconds} s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You take over from {name} in {seconds} s — your microphone is open</source>
        <translation>Usted releva a {name} en {seconds} s — su micrófono está abierto</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+3"/>
        <source>The witness is not connected yet.</source>
        <translation>El testigo aún no está conectado.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The witness&apos;s connection is being restored.</source>
        <translation>Se está restableciendo la conexión del testigo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Speaking now: the witness (floor)</source>
        <translation>Habla ahora: el testigo (sala)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Speaking now: the practice floor</source>
        <translation>Habla ahora: la sala de práctica</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nobody is speaking on the floor.</source>
        <translation>Nadie habla en la sala.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>On air on {language}: you</source>
        <translation>En el aire en {language}: usted</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>On air on {language}: {name}</source>
        <translation>En el aire en {language}: {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nobody</source>
        <translation>nadie</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your partner: {name} ({state})</source>
        <translation>Su compañero: {name} ({state})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connected</source>
        <translation>conectado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not connected</source>
        <translation>no conectado</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You have no partner in this booth.</source>
        <translation>No tiene compañero en esta cabina.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Microphone closed — release C</source>
        <translation>Micrófono cerrado — suelte C</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cough (hold C)</source>
        <translation>Tos (mantenga C)</translation>
    </message>
    <message>
        <location line="+11"/>
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
        <location line="+2"/>
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
        <location line="+2"/>
        <source>Interpreting into {language} for case {case}</source>
        <translation>Interpretación al {language} para el asunto {case}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Interpreter station — {language} ({code})</source>
        <translation>Puesto del intérprete — {language} ({code})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> · case {case}</source>
        <translation> · asunto {case}</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Safety code</source>
        <translation>Código de seguridad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Compare it with the code on the clerk&apos;s screen</source>
        <translation>Compárelo con el código de la pantalla del secretario judicial</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The clerk sees the same six digits. If they differ, do not go on: tell the clerk by phone.</source>
        <translation>El secretario judicial ve los mismos seis dígitos. Si no coinciden, no continúe: avise al secretario por teléfono.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Practise first (nothing is sent)</source>
        <translation>Practicar primero (no se envía nada)</translation>
    </message>
    <message>
        <location line="-2"/>
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
        <location line="+0"/>
        <source>Hold to close your microphone for a moment. Key: hold C.</source>
        <translation>Manténgalo pulsado para cerrar el micrófono un momento. Tecla: mantenga C.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Hand over to partner</source>
        <translation>Dar el &amp;relevo al compañero</translation>
    </message>
    <message>
        <location line="-2"/>
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
        <location line="-1"/>
        <source>Stops the countdown. Key: Escape.</source>
        <translation>Detiene la cuenta atrás. Tecla: Escape.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I &amp;listen to</source>
        <translation>&amp;Escucho</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I listen to</source>
        <translation>Escucho</translation>
    </message>
    <message>
        <location line="+0"/>
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
        <location line="+0"/>
        <source>How loud the floor (or relay) is in your headphones</source>
        <translation>El volumen de la sala (o del relé) en sus auriculares</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Return</source>
        <translation>&amp;Retorno</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>On</source>
        <translation>Activado</translation>
    </message>
    <message>
        <location line="-2"/>
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
        <location line="+0"/>
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
        <location line="+0"/>
        <source>Where you hear the floor</source>
        <translation>Donde oye la sala</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>System default</source>
        <translation>Predeterminado del sistema</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>&amp;Microphone</source>
        <translation>&amp;Micrófono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Microphone</source>
        <translation>Micrófono</translation>
    </message>
    <message>
        <location line="+0"/>
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
        <location line="+3"/>
        <source>&amp;Test headphones and microphone</source>
        <translation>&amp;Probar auriculares y micrófono</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Test headphones and microphone</source>
        <translation>Probar auriculares y micrófono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plays a chime, then your own voice, in your headphones</source>
        <translation>Reproduce un tono y después su propia voz en los auriculares</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Device note</source>
        <translation>Nota sobre los dispositivos</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>Leave the hearing</source>
        <translation>Salir de la audiencia</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Closes your microphone and tells the court you left</source>
        <translation>Cierra su micrófono y avisa al tribunal de que se ha ido</translation>
    </message>
</context>
<context>
    <name>JudgeReview</name>
    <message>
        <location filename="../../ui/review/dialogs.py" line="+40"/>
        <location line="+1"/>
        <source>Export recording</source>
        <translation>Exportar la grabación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export &lt;b&gt;{recording}&lt;/b&gt;. Every export is recorded in the audit trail with its reason.</source>
        <translation>Exportar &lt;b&gt;{recording}&lt;/b&gt;. Cada exportación queda anotada en el registro de auditoría con su motivo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Watermarked copy for a role (stays encrypted in the vault)</source>
        <translation>Copia con marca de agua para una función (sigue cifrada en el depósito)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Watermarked copy for a role</source>
        <translation>Copia con marca de agua para una función</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plain MKV file on this computer (not encrypted)</source>
        <translation>Archivo MKV sin cifrar en este ordenador</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plain MKV file</source>
        <translation>Archivo MKV sin cifrar</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Recipient role</source>
        <translation>Función destinataria</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipient</source>
        <translation>Destinatario</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason for the export</source>
        <translation>Motivo de la exportación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. disclosure to the defence, order of 12 May</source>
        <translation>p. ej. comunicación a la defensa, auto del 12 de mayo</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+96"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location line="-93"/>
        <source>File to write</source>
        <translation>Archivo que se escribirá</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>…/recording.mkv</source>
        <translation>…/grabacion.mkv</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose the file to write</source>
        <translation>Elegir el archivo que se escribirá</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recording station passphrase</source>
        <translation>Frase de contraseña del puesto de grabación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Station passphrase</source>
        <translation>Frase de contraseña del puesto</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>I confirm this decrypted file is needed. I will keep it safe; this export and its reason are recorded in the audit trail.</source>
        <translation>Confirmo que este archivo descifrado es necesario. Lo guardaré de forma segura; esta exportación y su motivo quedan anotados en el registro de auditoría.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confirm the plain export</source>
        <translation>Confirmar la exportación sin cifrar</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export to</source>
        <translation>Exportar a</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matroska video (*.mkv)</source>
        <translation>Vídeo Matroska (*.mkv)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>This is the raw (unmasked) recording: it may only be copied for the judge.</source>
        <translation>Esta es la grabación original (sin máscara): solo puede copiarse para el juez.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The copy gets a fresh key for this role only and a visible watermark (case, recipient, date) in every frame.</source>
        <translation>La copia recibe una clave nueva solo para esta función y una marca de agua visible (asunto, destinatario, fecha) en cada imagen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The file will NOT be encrypted. Tick the confirmation to continue.</source>
        <translation>El archivo NO estará cifrado. Marque la confirmación para continuar.</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+1"/>
        <source>Share recording</source>
        <translation>Compartir la grabación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Let another role open &lt;b&gt;{recording}&lt;/b&gt; until a time. After it, opening is refused and the key can be destroyed. The share is recorded in the audit trail.</source>
        <translation>Permitir que otra función abra &lt;b&gt;{recording}&lt;/b&gt; hasta una hora. Después, la apertura se rechaza y la clave puede destruirse. El acceso compartido queda anotado en el registro de auditoría.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Role to share with</source>
        <translation>Función con la que compartir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share with</source>
        <translation>Compartir con</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Share expires at</source>
        <translation>El acceso compartido caduca a las</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Until</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason for the share</source>
        <translation>Motivo del acceso compartido</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Share</source>
        <translation>Compartir</translation>
    </message>
    <message>
        <location filename="../../ui/review/integrity_panel.py" line="+35"/>
        <source>Integrity: not checked yet</source>
        <translation>Integridad: aún no comprobada</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Vault integrity</source>
        <translation>Integridad del depósito</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verify vault</source>
        <translation>Verificar el depósito</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Verify the vault&apos;s integrity</source>
        <translation>Verificar la integridad del depósito</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checks every recording, key and the audit trail</source>
        <translation>Comprueba cada grabación, cada clave y el registro de auditoría</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Integrity: checking…</source>
        <translation>Integridad: comprobando…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Integrity: ✔ verified, nothing changed</source>
        <translation>Integridad: ✔ verificada, nada ha cambiado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Integrity: ✖ {n} problem(s) — do not rely on this vault</source>
        <translation>Integridad: ✖ {n} problema(s) — no confíe en este depósito</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Integrity: ✖ {reason}</source>
        <translation>Integridad: ✖ {reason}</translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../../ui/review/player.py" line="+107"/>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recording</source>
        <translation>Grabación</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../ui/review/judge.py" line="+203"/>
        <source>Audit trail</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <location filename="../../ui/review/judge.py" line="-123"/>
        <source>Testimony Shield — Judge review</source>
        <translation>Testimony Shield — Revisión del juez</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>Judge review</source>
        <translation>Revisión del juez</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+3"/>
        <source>Judge&apos;s passphrase</source>
        <translation>Frase de contraseña del juez</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opens the judge&apos;s key for this session; never stored</source>
        <translation>Abre la clave del juez para esta sesión; nunca se guarda</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unlock the vault</source>
        <translation>Desbloquear el depósito</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlocks the vault with the passphrase; recorded in the audit trail</source>
        <translation>Desbloquea el depósito con la frase de contraseña; queda anotado en el registro de auditoría</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No vault is set up on this computer yet.</source>
        <translation>Aún no hay ningún depósito configurado en este ordenador.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Show the recordings of one case</source>
        <translation>Mostrar las grabaciones de un asunto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only this case&apos;s recordings are listed</source>
        <translation>Solo se muestran las grabaciones de este asunto</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+127"/>
        <source>All cases</source>
        <translation>Todos los asuntos</translation>
    </message>
    <message>
        <location line="-122"/>
        <source>Filter by case, session, witness or kind</source>
        <translation>Filtrar por asunto, sesión, testigo o tipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter recordings</source>
        <translation>Filtrar las grabaciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Words of the case, session, witness or kind</source>
        <translation>Palabras del asunto, la sesión, el testigo o el tipo</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Recordings in the vault</source>
        <translation>Grabaciones en el depósito</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter plays the selected recording</source>
        <translation>Intro reproduce la grabación seleccionada</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Play selected recording</source>
        <translation>Reproducir la grabación seleccionada</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play the selected recording</source>
        <translation>Reproducir la grabación seleccionada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decrypted in memory as it plays; the viewing is audited</source>
        <translation>Se descifra en memoria al reproducirse; el visionado queda auditado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export the selected recording</source>
        <translation>Exportar la grabación seleccionada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A watermarked copy for a role, or a plain file; audited with its reason</source>
        <translation>Una copia con marca de agua para una función o un archivo sin cifrar; auditado con su motivo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share…</source>
        <translation>Compartir…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Share the selected recording with another role until a time</source>
        <translation>Compartir la grabación seleccionada con otra función hasta una hora</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Another role may open it until the time you choose</source>
        <translation>Otra función podrá abrirla hasta la hora que usted elija</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+1"/>
        <source>Chapters, notes and audit trail</source>
        <translation>Capítulos, notas y registro de auditoría</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrow keys change the tab</source>
        <translation>Las flechas cambian de pestaña</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chapters</source>
        <translation>Capítulos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The witness&apos;s breaks, as chapters to jump to</source>
        <translation>Las pausas del testigo, como capítulos a los que saltar</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your private, encrypted notes</source>
        <translation>Sus notas privadas y cifradas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Who opened, exported or shared what, and when</source>
        <translation>Quién abrió, exportó o compartió qué, y cuándo</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Enter the judge&apos;s passphrase.</source>
        <translation>Introduzca la frase de contraseña del juez.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unlocking…</source>
        <translation>Desbloqueando…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Unlocked. Choose a recording to play; every viewing is recorded in the audit trail.</source>
        <translation>Desbloqueado. Elija una grabación para reproducir; cada visionado queda anotado en el registro de auditoría.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Case {case}</source>
        <translation>Asunto {case}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>This is a session {kind} record (encrypted data, not audio or video): it cannot be played.</source>
        <translation>Este es un registro de sesión de tipo {kind} (datos cifrados, no audio ni vídeo): no se puede reproducir.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{case} — {kind} recording (decrypting in memory as it plays)</source>
        <translation>{case} — grabación {kind} (se descifra en memoria mientras se reproduce)</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Making a watermarked copy for the {role}…</source>
        <translation>Haciendo una copia con marca de agua para: {role}…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Watermarked copy {id} made for the {role}; it is in the vault and the export is in the audit trail.</source>
        <translation>Copia con marca de agua {id} hecha para: {role}; está en el depósito y la exportación figura en el registro de auditoría.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Writing the plain file…</source>
        <translation>Escribiendo el archivo sin cifrar…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exported to {path}. This file is NOT encrypted: keep it safe. The export is in the audit trail.</source>
        <translation>Exportado a {path}. Este archivo NO está cifrado: guárdelo de forma segura. La exportación figura en el registro de auditoría.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Shared with the {role} until {time}; recorded in the audit trail.</source>
        <translation>Compartido con: {role} hasta {time}; anotado en el registro de auditoría.</translation>
    </message>
    <message>
        <location filename="../../ui/review/notes_panel.py" line="+44"/>
        <source>My private notes (click to jump)</source>
        <translation>Mis notas privadas (pulse para ir)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encrypted; only the judge reads them</source>
        <translation>Cifradas; solo el juez las lee</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A private note at the current position (encrypted, judge only)</source>
        <translation>Una nota privada en la posición actual (cifrada, solo el juez)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New note</source>
        <translation>Nueva nota</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter adds it at the current position</source>
        <translation>Intro la añade en la posición actual</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add note</source>
        <translation>Añadir nota</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add the note at the current position</source>
        <translation>Añadir la nota en la posición actual</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encrypted; only the judge can read it</source>
        <translation>Cifrada; solo el juez puede leerla</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>written {time} UTC</source>
        <translation>escrita {time} UTC</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open a recording first: a note belongs to a moment of a recording.</source>
        <translation>Abra primero una grabación: una nota pertenece a un momento de una grabación.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Note added at {time} (encrypted; only the judge can read it).</source>
        <translation>Nota añadida en {time} (cifrada; solo el juez puede leerla).</translation>
    </message>
    <message>
        <location filename="../../ui/review/player.py" line="-53"/>
        <source>Chapters (breaks)</source>
        <translation>Capítulos (pausas)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter jumps to the chapter</source>
        <translation>Intro salta al capítulo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Start of recording  00:00</source>
        <translation>Inicio de la grabación  00:00</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Break</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No recording open</source>
        <translation>Ninguna grabación abierta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Now playing</source>
        <translation>Reproduciendo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unlock the vault and choose a recording.</source>
        <translation>Desbloquee el depósito y elija una grabación.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recording video</source>
        <translation>Vídeo de la grabación</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+109"/>
        <source>Play</source>
        <translation>Reproducir</translation>
    </message>
    <message>
        <location line="-109"/>
        <source>Play or pause</source>
        <translation>Reproducir o pausar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Space plays or pauses</source>
        <translation>Espacio reproduce o pausa</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Position</source>
        <translation>Posición</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrow keys move through the recording</source>
        <translation>Las flechas recorren la grabación</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Audio track (language)</source>
        <translation>Pista de audio (idioma)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The floor or an interpretation channel</source>
        <translation>La sala o un canal de interpretación</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sound output</source>
        <translation>Salida de sonido</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No speakers found: sound is off</source>
        <translation>No se encontraron altavoces: sin sonido</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Floor ({language})</source>
        <translation>Sala ({language})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{language} interpretation</source>
        <translation>Interpretación al {language}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Track {n}</source>
        <translation>Pista {n}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This recording cannot be played: it may be damaged or changed. Run “Verify vault”.</source>
        <translation>Esta grabación no se puede reproducir: puede estar dañada o modificada. Ejecute «Verificar el depósito».</translation>
    </message>
    <message>
        <location filename="../../ui/review/recordings_model.py" line="+27"/>
        <source>Case</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>Creada</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sealed</source>
        <translation>Sellada</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>masked</source>
        <extracomment>the vault&apos;s recording kinds, as the judge reads them (others are shown as they are)</extracomment>
        <translation>enmascarada</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>raw</source>
        <translation>original</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>plan</source>
        <translation>plan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>session</source>
        <translation>sesión</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>{kind} copy ({recipient})</source>
        <translation>copia {kind} ({recipient})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{kind} (record, not playable)</source>
        <translation>{kind} (registro, no reproducible)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>masked, as the court received it over the link</source>
        <translation>enmascarada, tal como la recibió el tribunal por la conexión</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{kind}, the witness station&apos;s own (full quality)</source>
        <translation>{kind}, la del propio puesto del testigo (calidad completa)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>sealed</source>
        <translation>sellada</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>open</source>
        <translation>abierta</translation>
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
    <name>LinkStatus</name>
    <message>
        <location filename="../../ui/link/status.py" line="+8"/>
        <source>Not open</source>
        <translation>No abierta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting room open: no station has joined yet</source>
        <translation>Sala de espera abierta: aún no ha entrado ningún puesto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A station is in the waiting room</source>
        <translation>Hay un puesto en la sala de espera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live</source>
        <translation>En directo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reconnecting… (the witness is curtained)</source>
        <translation>Reconectando… (el testigo está tras la cortina)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The witness is on a break</source>
        <translation>El testigo está en una pausa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session ended</source>
        <translation>Sesión terminada</translation>
    </message>
</context>
<context>
    <name>Masks</name>
    <message>
        <location filename="../../ui/labels.py" line="+15"/>
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
        <location line="+3"/>
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
    <name>Roles</name>
    <message>
        <location line="+20"/>
        <source>Judge</source>
        <extracomment>recording.session.ROLE_LABELS, for staff screens</extracomment>
        <translation>Juez</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clerk</source>
        <translation>Secretario judicial</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prosecution</source>
        <translation>Fiscalía</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Defence</source>
        <translation>Defensa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interpreter</source>
        <translation>Intérprete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Support person</source>
        <translation>Persona de apoyo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intermediary</source>
        <translation>Intermediario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Witness</source>
        <translation>Testigo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accused</source>
        <translation>Acusado</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="+155"/>
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
        <location line="+4"/>
        <source>Automatic (a microphone if there is one, else the demo voice)</source>
        <translation>Automático (un micrófono si lo hay; si no, la voz de demostración)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Demo voice (built-in)</source>
        <translation>Voz de demostración (integrada)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Camera {id} (not found now)</source>
        <translation>Cámara {id} (no encontrada ahora)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Device #{id} (not found now)</source>
        <translation>Dispositivo n.º {id} (no encontrado ahora)</translation>
    </message>
    <message>
        <location line="+12"/>
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
        <location line="+3"/>
        <source>Screen &amp;language</source>
        <translation>&amp;Idioma de la pantalla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language of these screens</source>
        <translation>Idioma de estas pantallas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The language of the clerk&apos;s, judge&apos;s and interpreter&apos;s screens</source>
        <translation>El idioma de las pantallas del secretario judicial, del juez y del intérprete</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+2"/>
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
        <source>The microphone of the witness&apos;s room</source>
        <translation>El micrófono de la sala del testigo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Face mask style</source>
        <translation>Estilo de máscara &amp;facial</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Face mask style</source>
        <translation>Estilo de máscara facial</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the witness&apos;s face is covered for everyone not allowed to see it</source>
        <translation>Cómo se cubre la cara del testigo para quienes no pueden verla</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Voice preset</source>
        <translation>Ajuste de &amp;voz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voice preset</source>
        <translation>Ajuste de voz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How strongly the witness&apos;s voice is changed</source>
        <translation>Cuánto se modifica la voz del testigo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Vault &amp;folder</source>
        <translation>Carpeta del &amp;depósito</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+63"/>
        <source>Vault folder</source>
        <translation>Carpeta del depósito</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>Where the encrypted evidence vault is kept</source>
        <translation>Dónde se guarda el depósito cifrado de pruebas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Witness screen language</source>
        <translation>Idioma de la pantalla del &amp;testigo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Witness screen language</source>
        <translation>Idioma de la pantalla del testigo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The language the witness station starts in</source>
        <translation>El idioma con el que se abre el puesto del testigo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Witness &amp;text size</source>
        <translation>&amp;Tamaño del texto del testigo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Witness text size</source>
        <translation>Tamaño del texto del testigo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How large the text of the witness station is</source>
        <translation>El tamaño del texto en el puesto del testigo</translation>
    </message>
    <message>
        <location line="+18"/>
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
        <location line="+5"/>
        <source>Save the settings and close</source>
        <translation>Guardar la configuración y cerrar</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location filename="../../ui/start.py" line="+82"/>
        <source>Testimony Shield start</source>
        <translation>Inicio de Testimony Shield</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the station this computer is</source>
        <translation>Elija qué puesto es este ordenador</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remote, masked, recorded and sealed testimony. Which station is this computer?</source>
        <translation>Declaraciones a distancia, enmascaradas, grabadas y selladas. ¿Qué puesto es este ordenador?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clerk console</source>
        <translation>Consola del secretario judicial</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Plan and run a session, record and seal it</source>
        <translation>Planificar, dirigir, grabar y sellar una sesión</translation>
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
        <location line="+3"/>
        <source>Remote witness station</source>
        <translation>Puesto del testigo a distancia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Join from elsewhere with the court&apos;s invitation</source>
        <translation>Entrar desde otro lugar con la invitación del tribunal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Judge review</source>
        <translation>Revisión del juez</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unseal and review sealed recordings</source>
        <translation>Abrir y revisar grabaciones selladas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Interpreter station</source>
        <translation>Puesto del intérprete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interpret a hearing from elsewhere, with the court&apos;s invitation</source>
        <translation>Interpretar una audiencia desde otro lugar, con la invitación del tribunal</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Vault: {folder}</source>
        <translation>Depósito: {folder}</translation>
    </message>
    <message>
        <location line="+2"/>
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
    <message>
        <location filename="../../desktop/interpreter_station.py" line="+130"/>
        <source>Open the interpreter&apos;s invitation</source>
        <translation>Abrir la invitación del intérprete</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Invitations (*.json *.invite);;All files (*)</source>
        <translation>Invitaciones (*.json *.invite);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This invitation cannot be used ({reason}). Ask the clerk for a new one.</source>
        <translation>Esta invitación no se puede usar ({reason}). Pida una nueva al secretario judicial.</translation>
    </message>
</context>
<context>
    <name>States</name>
    <message>
        <location filename="../../ui/labels.py" line="+12"/>
        <source>Draft</source>
        <extracomment>recording.session.State values, for staff screens</extracomment>
        <translation>Borrador</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting room</source>
        <translation>Sala de espera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live</source>
        <translation>En directo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Break</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ended</source>
        <translation>Terminada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sealed</source>
        <translation>Sellada</translation>
    </message>
</context>
<context>
    <name>VideoView</name>
    <message>
        <location filename="../../ui/widgets/video_view.py" line="+42"/>
        <source>Video</source>
        <translation>Vídeo</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <location filename="../../ui/widgets/channel_matrix.py" line="+64"/>
        <source>Channels (what the court hears)</source>
        <translation>Canales (lo que oye el tribunal)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel matrix</source>
        <translation>Matriz de canales</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Level of the {channel} channel</source>
        <translation>Nivel del canal {channel}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{channel} level in dB</source>
        <translation>Nivel de {channel} en dB</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>silent</source>
        <translation>silencio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{db} dB</source>
        <translation>{db} dB</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="+39"/>
        <source>Session timeline of planned and actual breaks</source>
        <translation>Cronología de la sesión con las pausas previstas y las reales</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>now {time}</source>
        <translation>ahora {time}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>planned break at {time}</source>
        <translation>pausa programada a las {time}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>witness break at {time}</source>
        <translation>pausa del testigo a las {time}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>clerk break at {time}</source>
        <translation>pausa del secretario a las {time}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(running)</source>
        <translation>(en curso)</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>planned break</source>
        <translation>pausa programada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>witness break</source>
        <translation>pausa del testigo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>clerk break</source>
        <translation>pausa del secretario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>now</source>
        <translation>ahora</translation>
    </message>
</context>
<context>
    <name>Wizard</name>
    <message>
        <location filename="../../ui/clerk/plan_summary.py" line="+21"/>
        <source>Shown</source>
        <extracomment>recording.session.BACKDROP_MODES with what each means for the clerk</extracomment>
        <translation>Visible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hidden from masked audiences</source>
        <translation>Oculta para el público con máscara</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hidden from everyone live (the judge too; the judge&apos;s sealed recording keeps it)</source>
        <translation>Oculta para todos en directo (también el juez; la grabación sellada del juez la conserva)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hiding the room shows the head and shoulders on a plain backdrop: walls, windows, posters and furniture are replaced. It does not hide clothing, hair, anything worn or held, the wall just beside the head, or the sounds of the room. If the head is lost, those audiences get the curtain.</source>
        <translation>Ocultar la sala muestra la cabeza y los hombros sobre un fondo liso: se sustituyen paredes, ventanas, carteles y muebles. No oculta la ropa, el pelo, lo que se lleva puesto o en la mano, la pared justo al lado de la cabeza ni los sonidos de la sala. Si se pierde la cabeza, ese público ve la cortina.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The judge</source>
        <extracomment>Audiences the clerk can let see/hear the witness unmasked (the recordings follow the plan).</extracomment>
        <translation>El juez</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The court room (lawyers, clerk, interpreters)</source>
        <translation>La sala (abogados, secretario judicial, intérpretes)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The support person</source>
        <translation>La persona de apoyo</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>remote: the console makes an invitation for the witness station and you admit it from the waiting room</source>
        <translation>a distancia: la consola crea una invitación para el puesto del testigo y usted lo admite desde la sala de espera</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; joining remotely too: {names}</source>
        <translation>; también se conectan a distancia: {names}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in this court building</source>
        <translation>en este edificio judicial</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>masked ({style})</source>
        <translation>enmascarada ({style})</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>not masked</source>
        <translation>sin máscara</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>masked ({preset})</source>
        <translation>enmascarada ({preset})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>every {interval} min for {length} min; questioning stretches of at most {longest} min; recording {what} in breaks</source>
        <translation>cada {interval} min durante {length} min; tramos de interrogatorio de {longest} min como máximo; la grabación {what} en las pausas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>pauses</source>
        <translation>se detiene</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>continues (curtained)</source>
        <translation>continúa (con cortina)</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../ui/clerk/wizard.py" line="+35"/>
        <location filename="../../ui/clerk/wizard_pages.py" line="+84"/>
        <source>Case</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{case} — witness “{pseudonym}”</source>
        <translation>{case} — testigo «{pseudonym}»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Witness</source>
        <translation>Testigo</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/clerk/wizard.py" line="+0"/>
        <location filename="../../ui/clerk/wizard_pages.py" line="+36"/>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Face</source>
        <translation>Cara</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Room</source>
        <translation>Sala</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voice</source>
        <translation>Voz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unmasked for</source>
        <translation>Sin máscara para</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nobody (the sealed raw recording is the judge&apos;s alone)</source>
        <translation>nadie (la grabación original sellada es solo para el juez)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accused</source>
        <translation>Acusado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>screened from the witness</source>
        <translation>oculto a la vista del testigo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not screened</source>
        <translation>no oculto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Support person</source>
        <translation>Persona de apoyo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>present</source>
        <translation>presente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not present</source>
        <translation>no presente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence in private</source>
        <translation>Declaración a puerta cerrada</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Breaks</source>
        <translation>Pausas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Floor</source>
        <translation>Sala</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>interpretation</source>
        <translation>interpretación</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>interpreter listed</source>
        <translation>intérprete previsto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no interpreter listed yet</source>
        <translation>aún no hay intérprete previsto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{code}: {name} ({who})</source>
        <translation>{code}: {name} ({who})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown code</source>
        <translation>código desconocido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No interpretation channels: the floor only.</source>
        <translation>Sin canales de interpretación: solo la sala.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/wizard.py" line="+1"/>
        <location filename="../../ui/clerk/wizard_pages.py" line="+95"/>
        <source>Special measures</source>
        <translation>Medidas especiales</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/clerk/wizard_pages.py" line="+101"/>
        <source>Ground rules</source>
        <translation>Normas básicas</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/clerk/wizard_pages.py" line="+24"/>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/clerk/wizard_pages.py" line="+25"/>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>New session wizard</source>
        <extracomment>the step each part of the plan is entered in (``PlanError.field`` up to its first dot)</extracomment>
        <translation>Asistente de nueva sesión</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New session</source>
        <translation>Nueva sesión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan the hearing step by step: who takes part, how the witness is protected, the breaks and the interpretation.</source>
        <translation>Planifique la audiencia paso a paso: quién participa, cómo se protege al testigo, las pausas y la interpretación.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Set-up steps</source>
        <translation>Pasos de preparación</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Go to a step; Alt and the step&apos;s number jump there</source>
        <translation>Ir a un paso; Alt y el número del paso llevan a él</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Form problems</source>
        <translation>Problemas del formulario</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Back to the previous step</source>
        <translation>Volver al paso anterior</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shows the previous step; nothing is lost</source>
        <translation>Muestra el paso anterior; no se pierde nada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Next step</source>
        <translation>Paso siguiente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shows the next step; nothing is lost</source>
        <translation>Muestra el paso siguiente; no se pierde nada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create session</source>
        <translation>Crear la sesión</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checks the whole plan, saves it in the vault and opens the live console</source>
        <translation>Comprueba todo el plan, lo guarda en el depósito y abre la consola en directo</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Please fix: {problem}.</source>
        <translation>Corrija: {problem}.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Not ready yet: {problem}.</source>
        <translation>Aún no está listo: {problem}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Interpreter ({language})</source>
        <translation>Intérprete ({language})</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/wizard_pages.py" line="-312"/>
        <source>Both presets stop listeners recognising the voice by ear; neither hides the words, accent or way of speaking. Speaker-recognition software, comparing with the natural voice (error rate, 5 % unmasked): Standard 28 % (live, 12 ms delay); Strong 38 %, 33 % for someone who knows the method (a synthetic voice drawn for each session, 90 ms delay, words harder to follow). Someone who masks a recording of the witness&apos;s own voice the same way can still link them: Standard 15 %, Strong 23-35 %.</source>
        <translation>Ambos ajustes impiden reconocer la voz de oído; ninguno oculta las palabras, el acento ni la forma de hablar. Un programa de reconocimiento de hablantes, comparando con la voz natural (tasa de error, 5 % sin máscara): Estándar 28 % (en directo, 12 ms de retardo); Fuerte 38 %, 33 % para quien conoce el método (una voz sintética elegida para cada sesión, 90 ms de retardo, palabras más difíciles de seguir). Quien enmascare de la misma forma una grabación de la voz propia del testigo aún puede relacionarlas: Estándar 15 %, Fuerte 23-35 %.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Problems in step {step}</source>
        <translation>Problemas en el paso {step}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The case number and the name the witness is known by in this session. The witness&apos;s real name is never entered here.</source>
        <translation>El número de asunto y el nombre con el que se conoce al testigo en esta sesión. Aquí nunca se introduce el nombre real del testigo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. T2026-0142</source>
        <translation>p. ej. T2026-0142</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case number</source>
        <translation>Número de asunto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. Witness A</source>
        <translation>p. ej. Testigo A</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Witness pseudonym</source>
        <translation>Seudónimo del testigo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Case number</source>
        <translation>&amp;Número de asunto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Witness &amp;pseudonym</source>
        <translation>&amp;Seudónimo del testigo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where is the witness?</source>
        <translation>¿Dónde está el testigo?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In this court building (the witness room of this station)</source>
        <translation>En este edificio judicial (la sala del testigo de este puesto)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Somewhere else (a remote hearing: you send the witness station an invitation and admit it from the waiting room)</source>
        <translation>En otro lugar (una audiencia a distancia: usted envía una invitación al puesto del testigo y lo admite desde la sala de espera)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Where is the witness? Arrow keys choose.</source>
        <translation>¿Dónde está el testigo? Las teclas de flecha eligen.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Everyone taking part and their role. Interpreters need their language pair (from &gt; to, e.g. eng&gt;spa; eng&lt;&gt;spa for both ways) and, in a remote hearing, whether they join from elsewhere. The accused is listed so the plan can screen them from the witness.</source>
        <translation>Todos los participantes y su función. Los intérpretes necesitan su par de idiomas (de &gt; a, p. ej. eng&gt;spa; eng&lt;&gt;spa en ambos sentidos) y, en una audiencia a distancia, si se conectan desde otro lugar. El acusado figura en la lista para que el plan lo oculte a la vista del testigo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>Función</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Languages (interpreters)</source>
        <translation>Idiomas (intérpretes)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Joins remotely</source>
        <translation>Se conecta a distancia</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Participants</source>
        <translation>Participantes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Add participant</source>
        <translation>&amp;Añadir participante</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add participant</source>
        <translation>Añadir participante</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add &amp;interpreter</source>
        <translation>Añadir &amp;intérprete</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add interpreter</source>
        <translation>Añadir intérprete</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove selected</source>
        <translation>&amp;Quitar el seleccionado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove selected participant</source>
        <translation>Quitar el participante seleccionado</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Role of participant {n}</source>
        <translation>Función del participante {n}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What this person does in the hearing</source>
        <translation>Lo que hace esta persona en la audiencia</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Participant {n} joins remotely</source>
        <translation>El participante {n} se conecta a distancia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interpreters, in a remote hearing: they get their own invitation</source>
        <translation>Intérpretes, en una audiencia a distancia: reciben su propia invitación</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>How the witness is protected. The raw recording is always sealed for the judge alone; these choices decide what each audience gets live and in the masked recording.</source>
        <translation>Cómo se protege al testigo. La grabación original siempre se sella solo para el juez; estas opciones deciden lo que recibe cada destinatario en directo y en la grabación enmascarada.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Masks</source>
        <translation>Máscaras</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mask the witness&apos;s face</source>
        <translation>Enmascarar la cara del testigo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Face mask style</source>
        <translation>Estilo de máscara facial</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mask the witness&apos;s voice</source>
        <translation>Enmascarar la voz del testigo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Voice preset</source>
        <translation>Ajuste de voz</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The room behind the witness</source>
        <translation>La sala detrás del testigo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What hiding the room does</source>
        <translation>Qué hace ocultar la sala</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>What the voice mask protects against</source>
        <translation>Contra qué protege la máscara de voz</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Who sees and hears the witness unmasked</source>
        <translation>Quién ve y oye al testigo sin máscara</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>In the room and in the record</source>
        <translation>En la sala y en el acta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Screen the accused from the witness</source>
        <translation>Ocultar al acusado de la vista del testigo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A support person is with the witness</source>
        <translation>Una persona de apoyo acompaña al testigo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence in private (the public gallery is cleared)</source>
        <translation>Declaración a puerta cerrada (se desaloja al público)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause the recording during breaks</source>
        <translation>Detener la grabación durante las pausas</translation>
    </message>
    <message>
        <location line="+40"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In minutes</source>
        <translation>En minutos</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Agreed at the ground-rules hearing. The console counts down to each planned break, reminds you two minutes before, and warns when a questioning stretch runs past the limit.</source>
        <translation>Acordadas en la audiencia de normas básicas. La consola cuenta el tiempo hasta cada pausa programada, le avisa dos minutos antes y advierte cuando un tramo de interrogatorio supera el límite.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Longest questioning stretch</source>
        <translation>Tramo de interrogatorio más largo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Break interval</source>
        <translation>Intervalo entre pausas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Break length</source>
        <translation>Duración de la pausa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Longest questioning stretch</source>
        <translation>Tramo de interrogatorio más &amp;largo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Break &amp;interval (a planned break every)</source>
        <translation>&amp;Intervalo entre pausas (una pausa programada cada)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Break len&amp;gth</source>
        <translation>&amp;Duración de la pausa</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The court room&apos;s language (the floor) and one interpretation channel per language, as ISO 639-2 codes (spa = Spanish, fra = French, pol = Polish, ara = Arabic…). Each channel is recorded as its own track; the witness hears their language with the floor quietly underneath.</source>
        <translation>El idioma de la sala (original) y un canal de interpretación por idioma, con códigos ISO 639-2 (spa = español, fra = francés, pol = polaco, ara = árabe…). Cada canal se graba en su propia pista; el testigo oye su idioma con la sala de fondo, más baja.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Floor language</source>
        <translation>Idioma de la sala</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. spa, fra (empty: no interpretation)</source>
        <translation>p. ej. spa, fra (vacío: sin interpretación)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interpreter languages</source>
        <translation>Idiomas de interpretación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Floor language</source>
        <translation>Idioma de la &amp;sala</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interpretation &amp;languages</source>
        <translation>Idiomas de &amp;interpretación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language check</source>
        <translation>Comprobación de idiomas</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Check the plan, then create the session. You can still go back to any step.</source>
        <translation>Revise el plan y después cree la sesión. Aún puede volver a cualquier paso.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plan summary</source>
        <translation>Resumen del plan</translation>
    </message>
</context>
</TS>
