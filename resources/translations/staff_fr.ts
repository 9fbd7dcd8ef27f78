<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en_GB">
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ui/errors.py" line="+24"/>
        <source>That passphrase is not right. Please check it and try again.</source>
        <translation>Cette phrase secrète n&apos;est pas la bonne. Vérifiez-la et réessayez.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This recording or the audit trail has been changed or damaged since it was sealed. Do not rely on it; report it to the court&apos;s IT security contact.</source>
        <translation>Cet enregistrement ou le journal d&apos;audit a été modifié ou endommagé depuis son scellement. Ne vous y fiez pas ; signalez-le au responsable de la sécurité informatique du tribunal.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The share for your role has expired. Ask the judge for a new one.</source>
        <translation>Le partage pour votre rôle a expiré. Demandez-en un nouveau au juge.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The raw (unmasked) recording may only go to the judge.</source>
        <translation>L&apos;enregistrement brut (non masqué) ne peut être remis qu&apos;au juge.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The recording station&apos;s key is locked: enter the station passphrase.</source>
        <translation>La clé du poste d&apos;enregistrement est verrouillée : saisissez la phrase secrète du poste.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your role is not allowed to open this recording.</source>
        <translation>Votre rôle ne permet pas d&apos;ouvrir cet enregistrement.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is no vault in this folder yet.</source>
        <translation>Il n&apos;y a pas encore de coffre dans ce dossier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That recording is not in the vault.</source>
        <translation>Cet enregistrement n&apos;est pas dans le coffre.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The disk is full. Free some space; everything recorded so far has been kept and sealed.</source>
        <translation>Le disque est plein. Libérez de la place ; tout ce qui a été enregistré jusqu&apos;ici a été conservé et scellé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This recording is sealed and cannot be changed.</source>
        <translation>Cet enregistrement est scellé et ne peut pas être modifié.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The vault could not complete that action.</source>
        <translation>Le coffre n&apos;a pas pu effectuer cette action.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The camera or microphone stopped working. Check the cable, then start again.</source>
        <translation>La caméra ou le micro a cessé de fonctionner. Vérifiez le câble, puis recommencez.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No microphone could be opened. Check that it is plugged in and not used by another program.</source>
        <translation>Aucun micro n&apos;a pu être ouvert. Vérifiez qu&apos;il est branché et qu&apos;aucun autre programme ne l&apos;utilise.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No camera could be opened. Check that it is plugged in and not used by another program.</source>
        <translation>Aucune caméra n&apos;a pu être ouverte. Vérifiez qu&apos;elle est branchée et qu&apos;aucun autre programme ne l&apos;utilise.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A camera or microphone could not be opened.</source>
        <translation>Une caméra ou un micro n&apos;a pas pu être ouvert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The session plan is not complete: {detail}.</source>
        <translation>Le plan de la séance n&apos;est pas complet : {detail}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The recording could not be written. Everything up to now has been kept.</source>
        <translation>L&apos;enregistrement n&apos;a pas pu être écrit. Tout ce qui précède a été conservé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The recording system reported a problem.</source>
        <translation>Le système d&apos;enregistrement a signalé un problème.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Something went wrong. The session data is safe; please try again or call support.</source>
        <translation>Un problème est survenu. Les données de la séance sont en sécurité ; réessayez ou appelez l&apos;assistance.</translation>
    </message>
</context>
<context>
    <name>InterpreterStation</name>
    <message>
        <location filename="../../ui/interpreter/station.py" line="+313"/>
        <source>No headphones found: you cannot hear the floor at this station.</source>
        <extracomment>the floor counts as &quot;speaking&quot; above this level (dBFS), held for a moment after</extracomment>
        <translation>Aucun casque trouvé : vous ne pouvez pas entendre la salle à ce poste.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This microphone could not be opened. Check that it is plugged in.</source>
        <translation>Ce micro n&apos;a pas pu être ouvert. Vérifiez qu&apos;il est branché.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wear headphones: the floor must not reach your microphone.</source>
        <translation>Portez un casque : le son de la salle ne doit pas atteindre votre micro.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Only the interpreter on air can hand over.</source>
        <translation>Seul l&apos;interprète à l&apos;antenne peut passer le relais.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your partner is not connected: you cannot hand over.</source>
        <translation>Votre partenaire n&apos;est pas connecté : vous ne pouvez pas passer le relais.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A hand-over is already counting down.</source>
        <translation>Un compte à rebours de relais est déjà en cours.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The court refused that request.</source>
        <translation>Le tribunal a refusé cette demande.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>{db} dB</source>
        <translation>{db} dB</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The floor (the court room)</source>
        <translation>La salle (original)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{language} (relay)</source>
        <translation>{language} (relais)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>THE HEARING HAS ENDED</source>
        <translation>L&apos;AUDIENCE EST TERMINÉE</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+14"/>
        <source>Your microphone is closed.</source>
        <translation>Votre micro est fermé.</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>PRACTICE — nothing is sent</source>
        <translation>ENTRAÎNEMENT — rien n&apos;est envoyé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your microphone is heard only by you. Nothing is recorded.</source>
        <translation>Vous seul entendez votre micro. Rien n&apos;est enregistré.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NOT ON AIR — not admitted yet</source>
        <translation>HORS ANTENNE — pas encore admis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nothing you say is sent.</source>
        <translation>Rien de ce que vous dites n&apos;est envoyé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ON AIR — MICROPHONE CLOSED (cough)</source>
        <translation>À L&apos;ANTENNE — MICRO FERMÉ (toux)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Release C to speak again.</source>
        <translation>Relâchez C pour parler à nouveau.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ON AIR — you are interpreting into {language}</source>
        <translation>À L&apos;ANTENNE — vous interprétez vers : {language}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Everything you say goes to the court.</source>
        <translation>Tout ce que vous dites va au tribunal.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OFF AIR — {name} is on air</source>
        <translation>HORS ANTENNE — {name} est à l&apos;antenne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OFF AIR — nobody is on air</source>
        <translation>HORS ANTENNE — personne n&apos;est à l&apos;antenne</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Handing over to {name} in {seconds} s</source>
        <translation>Relais à {name} dans {seconds} s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You take over from {name} in {seconds} s — your microphone is open</source>
        <translation>Vous prenez le relais de {name} dans {seconds} s — votre micro est ouvert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hand-over in {seconds} s</source>
        <translation>Relais dans {seconds} s</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No hand-over</source>
        <translation>Pas de relais</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The hearing has not started for you yet.</source>
        <translation>L&apos;audience n&apos;a pas encore commencé pour vous.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The witness is on a break. Stay quiet: the court hears nothing.</source>
        <translation>Le témoin fait une pause. Restez silencieux : le tribunal n&apos;entend rien.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The witness is not connected yet.</source>
        <translation>Le témoin n&apos;est pas encore connecté.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The witness&apos;s connection is being restored.</source>
        <translation>La connexion du témoin est en cours de rétablissement.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Speaking now: the witness (floor)</source>
        <translation>Parle maintenant : le témoin (salle)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Speaking now: the practice floor</source>
        <translation>Parle maintenant : la salle d&apos;entraînement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nobody is speaking on the floor.</source>
        <translation>Personne ne parle dans la salle.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>On air on {language}: you</source>
        <translation>À l&apos;antenne en {language} : vous</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On air on {language}: {name}</source>
        <translation>À l&apos;antenne en {language} : {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nobody</source>
        <translation>personne</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your partner: {name} ({state})</source>
        <translation>Votre partenaire : {name} ({state})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connected</source>
        <translation>connecté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not connected</source>
        <translation>non connecté</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>You have no partner in this booth.</source>
        <translation>Vous n&apos;avez pas de partenaire dans cette cabine.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Microphone closed — release C</source>
        <translation>Micro fermé — relâchez C</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cough (hold C)</source>
        <translation>Toux (maintenez C)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not join the court: {reason}</source>
        <translation>Impossible de rejoindre le tribunal : {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connecting to the court…</source>
        <translation>Connexion au tribunal…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the waiting room: the clerk will admit you. Compare the safety code with the clerk first.</source>
        <translation>En salle d&apos;attente : le greffier va vous admettre. Comparez d&apos;abord le code de sécurité avec le greffier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Admitted: you are in the booth.</source>
        <translation>Admis : vous êtes dans la cabine.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reconnecting… (the court hears your partner, or nobody, meanwhile)</source>
        <translation>Reconnexion… (pendant ce temps, le tribunal entend votre partenaire, ou personne)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The hearing has ended. You can close this window.</source>
        <translation>L&apos;audience est terminée. Vous pouvez fermer cette fenêtre.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Testimony Shield — Interpreter ({language})</source>
        <translation>Testimony Shield — Interprète ({language})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interpreter station</source>
        <translation>Poste de l&apos;interprète</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interpreting into {language} for case {case}</source>
        <translation>Interprétation vers : {language}, affaire {case}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Interpreter station — {language} ({code})</source>
        <translation>Poste de l&apos;interprète — {language} ({code})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · case {case}</source>
        <translation> · affaire {case}</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Safety code</source>
        <translation>Code de sécurité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare it with the code on the clerk&apos;s screen</source>
        <translation>Comparez-le au code affiché sur l&apos;écran du greffier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The clerk sees the same six digits. If they differ, do not go on: tell the clerk by phone.</source>
        <translation>Le greffier voit les mêmes six chiffres. S&apos;ils diffèrent, n&apos;allez pas plus loin : prévenez le greffier par téléphone.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Practise first (nothing is sent)</source>
        <translation>S&apos;entraîner d&apos;abord (rien n&apos;est envoyé)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Practise first</source>
        <translation>S&apos;entraîner d&apos;abord</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hear a practice floor and your own voice; try the cough key. Nothing is sent or recorded.</source>
        <translation>Écoutez une salle d&apos;entraînement et votre propre voix ; essayez la touche de toux. Rien n&apos;est envoyé ni enregistré.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cough</source>
        <translation>Toux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hold to close your microphone for a moment. Key: hold C.</source>
        <translation>Maintenez pour fermer votre micro un instant. Touche : maintenez C.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hand over to partner</source>
        <translation>Passer le &amp;relais au partenaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hand over to partner</source>
        <translation>Passer le relais au partenaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts a countdown both of you see; your partner is on air at its end. Key: H.</source>
        <translation>Lance un compte à rebours que vous voyez tous les deux ; à la fin, votre partenaire passe à l&apos;antenne. Touche : H.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hand-over countdown</source>
        <translation>Compte à rebours du relais</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seconds before your partner is on air</source>
        <translation>Secondes avant que votre partenaire passe à l&apos;antenne</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Cancel hand-over</source>
        <translation>Annuler le relais</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stops the countdown. Key: Escape.</source>
        <translation>Arrête le compte à rebours. Touche : Échap.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I &amp;listen to</source>
        <translation>J&apos;é&amp;coute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I listen to</source>
        <translation>J&apos;écoute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The floor, or another language&apos;s interpreter for relay</source>
        <translation>La salle, ou l&apos;interprète d&apos;une autre langue en relais</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Volume</source>
        <translation>&amp;Volume</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How loud the floor (or relay) is in your headphones</source>
        <translation>Le volume de la salle (ou du relais) dans votre casque</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Return</source>
        <translation>&amp;Retour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On</source>
        <translation>Activé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return on</source>
        <translation>Retour activé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hear your language&apos;s channel: your own voice on air, your partner&apos;s off air</source>
        <translation>Entendre le canal de votre langue : votre voix à l&apos;antenne, celle de votre partenaire hors antenne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Return level</source>
        <translation>Niveau du retour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How loud the return is, below the floor, in dB</source>
        <translation>Le volume du retour, sous la salle, en dB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headphones and microphone</source>
        <translation>Casque et micro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Headphones</source>
        <translation>&amp;Casque</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headphones</source>
        <translation>Casque</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where you hear the floor</source>
        <translation>Où vous entendez la salle</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>System default</source>
        <translation>Par défaut du système</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>&amp;Microphone</source>
        <translation>&amp;Micro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Microphone</source>
        <translation>Micro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The microphone you interpret into</source>
        <translation>Le micro dans lequel vous interprétez</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Demo interpreter (built-in)</source>
        <translation>Interprète de démonstration (intégré)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Microphone level</source>
        <translation>Niveau du micro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Test headphones and microphone</source>
        <translation>&amp;Tester le casque et le micro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test headphones and microphone</source>
        <translation>Tester le casque et le micro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plays a chime, then your own voice, in your headphones</source>
        <translation>Joue un carillon, puis votre propre voix, dans votre casque</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device note</source>
        <translation>Note sur les périphériques</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Leave the hearing</source>
        <translation>Quitter l&apos;audience</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closes your microphone and tells the court you left</source>
        <translation>Ferme votre micro et indique au tribunal que vous êtes parti</translation>
    </message>
</context>
<context>
    <name>LevelMeter</name>
    <message>
        <location filename="../../ui/widgets/level_meter.py" line="+21"/>
        <source>Microphone level</source>
        <translation>Niveau du micro</translation>
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
        <translation>Cache opaque</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Silhouette</source>
        <translation>Silhouette</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pixelated</source>
        <translation>Pixellisé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blurred</source>
        <translation>Flouté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off (natural voice)</source>
        <translation>Désactivé (voix naturelle)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strong</source>
        <translation>Fort</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="+132"/>
        <source>As the system ({language})</source>
        <translation>Comme le système ({language})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Automatic (a camera if there is one, else the demo witness)</source>
        <translation>Automatique (une caméra s&apos;il y en a une, sinon le témoin de démonstration)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demo witness (built-in)</source>
        <translation>Témoin de démonstration (intégré)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Automatic (a microphone if there is one, else the demo voice)</source>
        <translation>Automatique (un micro s&apos;il y en a un, sinon la voix de démonstration)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demo voice (built-in)</source>
        <translation>Voix de démonstration (intégrée)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Camera {id} (not found now)</source>
        <translation>Caméra {id} (introuvable pour l&apos;instant)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Device #{id} (not found now)</source>
        <translation>Périphérique n° {id} (introuvable pour l&apos;instant)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Testimony Shield — Settings</source>
        <translation>Testimony Shield — Paramètres</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For this computer. Passphrases are never stored.</source>
        <translation>Pour cet ordinateur. Les phrases secrètes ne sont jamais enregistrées.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Screen &amp;language</source>
        <translation>&amp;Langue de l&apos;écran</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Language of these screens</source>
        <translation>Langue de ces écrans</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The language of the clerk&apos;s, judge&apos;s and interpreter&apos;s screens</source>
        <translation>La langue des écrans du greffier, du juge et de l&apos;interprète</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Camera</source>
        <translation>&amp;Caméra</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The camera that films the witness</source>
        <translation>La caméra qui filme le témoin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Microphone</source>
        <translation>&amp;Micro</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Microphone</source>
        <translation>Micro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The microphone of the witness&apos;s room</source>
        <translation>Le micro de la salle du témoin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Face mask style</source>
        <translation>Style du masque du &amp;visage</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Face mask style</source>
        <translation>Style du masque du visage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the witness&apos;s face is covered for everyone not allowed to see it</source>
        <translation>Comment le visage du témoin est couvert pour ceux qui n&apos;ont pas le droit de le voir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Voice preset</source>
        <translation>Réglage de la &amp;voix</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Voice preset</source>
        <translation>Réglage de la voix</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How strongly the witness&apos;s voice is changed</source>
        <translation>À quel point la voix du témoin est modifiée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vault &amp;folder</source>
        <translation>&amp;Dossier du coffre</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+53"/>
        <source>Vault folder</source>
        <translation>Dossier du coffre</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Where the encrypted evidence vault is kept</source>
        <translation>Où est conservé le coffre chiffré des preuves</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Witness screen language</source>
        <translation>Langue de l&apos;écran du &amp;témoin</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Witness screen language</source>
        <translation>Langue de l&apos;écran du témoin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The language the witness station starts in</source>
        <translation>La langue dans laquelle s&apos;ouvre le poste du témoin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Witness &amp;text size</source>
        <translation>&amp;Taille du texte du témoin</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Witness text size</source>
        <translation>Taille du texte du témoin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How large the text of the witness station is</source>
        <translation>La taille du texte sur le poste du témoin</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Default: {folder}</source>
        <translation>Par défaut : {folder}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the vault folder</source>
        <translation>Choisir le dossier du coffre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opens a folder chooser</source>
        <translation>Ouvre un sélecteur de dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>High contrast</source>
        <translation>Contraste élevé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>White and yellow on black on every screen</source>
        <translation>Blanc et jaune sur noir sur tous les écrans</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device changes apply to the next session.</source>
        <translation>Les changements de périphérique s&apos;appliquent à la prochaine séance.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings note</source>
        <translation>Note sur les paramètres</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save the settings and close</source>
        <translation>Enregistrer les paramètres et fermer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close without saving</source>
        <translation>Fermer sans enregistrer</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>The settings could not be saved ({error}). Check the folder&apos;s permissions and try again.</source>
        <translation>Les paramètres n&apos;ont pas pu être enregistrés ({error}). Vérifiez les droits du dossier et réessayez.</translation>
    </message>
</context>
<context>
    <name>StartWindow</name>
    <message>
        <location filename="../../ui/start.py" line="+86"/>
        <source>Testimony Shield start</source>
        <translation>Accueil de Testimony Shield</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the station this computer is</source>
        <translation>Choisissez le poste que sera cet ordinateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remote, masked, recorded and sealed testimony. Which station is this computer?</source>
        <translation>Témoignages à distance, masqués, enregistrés et scellés. Quel poste est cet ordinateur ?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clerk console</source>
        <translation>Console du greffier</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Plan and run a session, record and seal it</source>
        <translation>Préparer et conduire une séance, l&apos;enregistrer et la sceller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Witness station</source>
        <translation>Poste du témoin</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The calm screen for the witness&apos;s room</source>
        <translation>L&apos;écran apaisant pour la salle du témoin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Judge review</source>
        <translation>Examen par le juge</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unseal and review sealed recordings</source>
        <translation>Desceller et examiner les enregistrements scellés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interpreter station</source>
        <translation>Poste de l&apos;interprète</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Join a hearing as a remote interpreter with the court&apos;s invitation</source>
        <translation>Rejoindre une audience comme interprète à distance avec l&apos;invitation du tribunal</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Vault: {folder}</source>
        <translation>Coffre : {folder}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vault folder</source>
        <translation>Dossier du coffre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Screen language, camera, microphone, masks, vault folder, the witness&apos;s language</source>
        <translation>Langue de l&apos;écran, caméra, micro, masques, dossier du coffre, langue du témoin</translation>
    </message>
</context>
</TS>
