<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en_GB">
<context>
    <name>ClerkConsole</name>
    <message>
        <location filename="../../ui/clerk/break_schedule.py" line="+36"/>
        <source>Breaks</source>
        <translation>Pauses</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Time to the next planned break</source>
        <translation>Temps jusqu&apos;à la prochaine pause prévue</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Questioning stretch</source>
        <translation>Période d&apos;interrogatoire</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Planned break reminder</source>
        <translation>Rappel de pause prévue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Questioning limit warning</source>
        <translation>Alerte de limite d&apos;interrogatoire</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A planned break every {interval} min for {length} min; questioning stretches of at most {longest} min.</source>
        <translation>Une pause prévue toutes les {interval} min pendant {length} min ; périodes d&apos;interrogatoire de {longest} min au plus.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>On break {time}</source>
        <translation>En pause {time}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Planned length {length} min: {left} left.</source>
        <translation>Durée prévue {length} min : reste {left}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Planned length {length} min: {over} over — no rush; the witness says when they are ready.</source>
        <translation>Durée prévue {length} min : {over} de plus — rien ne presse ; le témoin dit quand il est prêt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Next break in {time}</source>
        <translation>Prochaine pause dans {time}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Planned break due ({time} over)</source>
        <translation>Pause prévue due ({time} de plus)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Questioning for {time} (limit {limit} min).</source>
        <translation>Interrogatoire depuis {time} (limite {limit} min).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Planned break in {time}. Start it when the witness finishes an answer (“Start planned break”).</source>
        <translation>Pause prévue dans {time}. Lancez-la quand le témoin termine une réponse (« Lancer la pause prévue »).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Planned break now. Start it when the witness finishes an answer (“Start planned break”).</source>
        <translation>Pause prévue maintenant. Lancez-la quand le témoin termine une réponse (« Lancer la pause prévue »).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This questioning stretch ({time}) is over the ground-rules limit of {limit} min. The judge has been told.</source>
        <translation>Cette période d&apos;interrogatoire ({time}) dépasse la limite de {limit} min fixée par les règles de base. Le juge en a été informé.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/console.py" line="+55"/>
        <source>Testimony Shield — Clerk console</source>
        <translation>Testimony Shield — Console du greffier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clerk console</source>
        <translation>Console du greffier</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>This station cannot start sessions.</source>
        <translation>Ce poste ne peut pas lancer de séances.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Plan the next session, or open a saved plan.</source>
        <translation>Préparez la prochaine séance ou ouvrez un plan enregistré.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The session is still running</source>
        <translation>La séance est toujours en cours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The session is still running and recording.</source>
        <translation>La séance est toujours en cours et en enregistrement.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The session is still running.</source>
        <translation>La séance est toujours en cours.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>If this console closes, nobody can start a planned break or end the session.

End and seal the session now, then close the console?</source>
        <translation>Si cette console se ferme, personne ne pourra lancer une pause prévue ni terminer la séance.

Terminer et sceller la séance maintenant, puis fermer la console ?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>End and seal, then close</source>
        <translation>Terminer et sceller, puis fermer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the console open</source>
        <translation>Garder la console ouverte</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/desk_controls.py" line="+34"/>
        <source>{language} interpreter on air</source>
        <translation>Interprète {language} à l&apos;antenne</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hand the {language} channel over to the other interpreter</source>
        <translation>Passer le canal {language} à l&apos;autre interprète</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Crossfaded, without a gap</source>
        <translation>En fondu, sans coupure</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What the {language} interpreters listen to</source>
        <translation>Ce qu&apos;écoutent les interprètes {language}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The floor, or another language for relay</source>
        <translation>La salle, ou une autre langue en relais</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Listens to the floor</source>
        <translation>Écoute la salle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relay from {language} ({code})</source>
        <translation>Relais depuis {language} ({code})</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>On air: {name}</source>
        <translation>À l&apos;antenne : {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hand over to {name}</source>
        <translation>Passer le relais à {name}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No second interpreter</source>
        <translation>Pas de second interprète</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/live_panel.py" line="+40"/>
        <source>Court store unreachable — {n} recording(s) kept safely on this station, retrying in {seconds} s</source>
        <translation>Stockage du tribunal injoignable — {n} enregistrement(s) gardé(s) en sûreté sur ce poste ; nouvel essai dans {seconds} s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Upload problem — kept on this station: {reason}</source>
        <translation>Problème d&apos;envoi — conservé sur ce poste : {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Uploading to the court store: {n} recording(s), {mib} MiB to go</source>
        <translation>Envoi vers le stockage du tribunal : {n} enregistrement(s), {mib} Mio restants</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All evidence is in the court store</source>
        <translation>Toutes les preuves sont dans le stockage du tribunal</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Case {case} — {pseudonym}</source>
        <extracomment>a remote hearing (the witness elsewhere, over the link): the same panel, plus the invitation and the waiting room; media as the court receives it</extracomment>
        <translation>Affaire {case} — {pseudonym}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Case</source>
        <translation>Affaire</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Session state</source>
        <translation>État de la séance</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recording state</source>
        <translation>État de l&apos;enregistrement</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Evidence upload to the court store</source>
        <translation>Envoi des preuves vers le stockage du tribunal</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Break notice</source>
        <translation>Avis de pause</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>What the court sees (masked at the witness station, as received)</source>
        <translation>Ce que voit le tribunal (masqué au poste du témoin, tel que reçu)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the court sees (masked)</source>
        <translation>Ce que voit le tribunal (masqué)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The masked picture appears here once the session is live.</source>
        <translation>L&apos;image masquée apparaît ici une fois la séance en direct.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Masked witness preview (court view)</source>
        <translation>Aperçu masqué du témoin (vue du tribunal)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Witness floor (as received)</source>
        <translation>Salle du témoin (telle que reçue)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Witness microphone</source>
        <translation>Micro du témoin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Witness microphone level</source>
        <translation>Niveau du micro du témoin</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Floor ({language})</source>
        <translation>Salle ({language})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>witness, masked for the court</source>
        <translation>témoin, masqué pour le tribunal</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>interpreter</source>
        <translation>interprète</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Start session</source>
        <translation>Lancer la séance</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+146"/>
        <source>Start recording</source>
        <translation>Lancer l&apos;enregistrement</translation>
    </message>
    <message>
        <location line="-145"/>
        <source>Break</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End and seal session</source>
        <translation>Terminer et sceller la séance</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start session (go live)</source>
        <translation>Lancer la séance (en direct)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opens the link: the court sees and hears the witness, masked</source>
        <translation>Ouvre la liaison : le tribunal voit et entend le témoin, masqué</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start or stop recording</source>
        <translation>Lancer ou arrêter l&apos;enregistrement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Records the masked and the raw recording, encrypted as they are written</source>
        <translation>Enregistre la version masquée et la version brute, chiffrées au fil de l&apos;écriture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start a planned break</source>
        <translation>Lancer une pause prévue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Curtains and mutes the witness for everyone but the support person; the witness resumes when ready</source>
        <translation>Masque le témoin derrière un rideau et le rend muet pour tous sauf la personne de soutien ; le témoin reprend quand il est prêt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>End and seal the session</source>
        <translation>Terminer et sceller la séance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asks first; the recordings are then sealed and can no longer change</source>
        <translation>Demande d&apos;abord ; les enregistrements sont ensuite scellés et ne peuvent plus changer</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>New session…</source>
        <translation>Nouvelle séance…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan a new session</source>
        <translation>Préparer une nouvelle séance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the set-up wizard</source>
        <translation>Retour à l&apos;assistant de préparation</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+4"/>
        <source>Event log</source>
        <translation>Journal des événements</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What happened, with the time; the entries are the session record&apos;s own</source>
        <translation>Ce qui s&apos;est passé, avec l&apos;heure ; les entrées sont celles du procès-verbal de la séance</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Session result</source>
        <translation>Résultat de la séance</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>End and seal the session?</source>
        <translation>Terminer et sceller la séance ?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The recordings will be sealed in the vault and can no longer be changed. The witness&apos;s link ends.</source>
        <translation>Les enregistrements seront scellés dans le coffre et ne pourront plus être modifiés. La liaison du témoin prend fin.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>End and seal</source>
        <translation>Terminer et sceller</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keep going</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Session ended and sealed.</source>
        <translation>Séance terminée et scellée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recordings in the vault — {ids}</source>
        <translation>Enregistrements dans le coffre — {ids}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Problems: {problems}</source>
        <translation>Problèmes : {problems}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The session has ended.</source>
        <translation>La séance est terminée.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Stop recording</source>
        <translation>Arrêter l&apos;enregistrement</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open the waiting room</source>
        <translation>Ouvrir la salle d&apos;attente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting room open</source>
        <translation>Salle d&apos;attente ouverte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The witness was admitted</source>
        <translation>Le témoin a été admis</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Both stations record from admission to the end</source>
        <translation>Les deux postes enregistrent de l&apos;admission jusqu&apos;à la fin</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>● Recording</source>
        <translation>● Enregistrement</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not recording</source>
        <translation>Pas d&apos;enregistrement</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>On a break — the witness resumes when ready</source>
        <translation>En pause — le témoin reprend quand il est prêt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start planned break</source>
        <translation>Lancer la pause prévue</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The witness asked for a break</source>
        <translation>Le témoin a demandé une pause</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A planned break is running</source>
        <translation>Une pause prévue est en cours</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{who} ({time}). Everyone except the support person sees a privacy curtain and hears silence. The witness resumes when they are ready.</source>
        <translation>{who} ({time}). Tous sauf la personne de soutien voient un rideau de confidentialité et n&apos;entendent rien. Le témoin reprend quand il est prêt.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/mask_status.py" line="+18"/>
        <source>Judge</source>
        <translation>Juge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Court</source>
        <translation>Tribunal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Witness self-view</source>
        <translation>Vue du témoin sur lui-même</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Support person</source>
        <translation>Personne de soutien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>face covered</source>
        <translation>visage couvert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>face covered (tracked)</source>
        <translation>visage couvert (suivi)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>face covered (held)</source>
        <translation>visage couvert (maintenu)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>privacy curtain</source>
        <translation>rideau de confidentialité</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>masked, at the witness station</source>
        <extracomment>a remote hearing: what the court cannot see itself (masking happens at the witness station)</extracomment>
        <translation>masqué, au poste du témoin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in the room with the witness</source>
        <translation>dans la pièce avec le témoin</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Masks by audience</source>
        <translation>Masques par public</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Mask status for {audience}</source>
        <translation>État du masque pour : {audience}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source> (break)</source>
        <translation> (pause)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no picture yet</source>
        <translation>pas encore d&apos;image</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>privacy curtain (break)</source>
        <translation>rideau de confidentialité (pause)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unmasked (plan allows)</source>
        <translation>non masqué (le plan l&apos;autorise)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{state} · {n} curtained</source>
        <translation>{state} · {n} sous rideau</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>voice mask failed: {n} blocks silenced</source>
        <translation>échec du masque vocal : {n} blocs rendus muets</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/saved_plans.py" line="+38"/>
        <location line="+1"/>
        <source>Open saved plan</source>
        <translation>Ouvrir un plan enregistré</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plans saved in the vault (encrypted; the newest first).</source>
        <translation>Plans enregistrés dans le coffre (chiffrés ; les plus récents d&apos;abord).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No plan has been saved in this vault yet.</source>
        <translation>Aucun plan n&apos;a encore été enregistré dans ce coffre.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved plans</source>
        <translation>Plans enregistrés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter opens the chosen plan in the wizard</source>
        <translation>Entrée ouvre le plan choisi dans l&apos;assistant</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Fill the wizard from the chosen plan</source>
        <translation>Remplir l&apos;assistant avec le plan choisi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close without opening a plan</source>
        <translation>Fermer sans ouvrir de plan</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Open saved plan…</source>
        <translation>Ouvrir un plan enregistré…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a plan saved in the vault</source>
        <translation>Ouvrir un plan enregistré dans le coffre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lists the plans saved (encrypted) in this station&apos;s vault</source>
        <translation>Affiche les plans enregistrés (chiffrés) dans le coffre de ce poste</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save plan</source>
        <translation>Enregistrer le plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the plan in the vault as a draft</source>
        <translation>Enregistrer le plan dans le coffre comme brouillon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encrypted; no session is created</source>
        <translation>Chiffré ; aucune séance n&apos;est créée</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Plan status</source>
        <translation>État du plan</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Saving the plan in the vault…</source>
        <translation>Enregistrement du plan dans le coffre…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The plan was not saved: {reason}</source>
        <translation>Le plan n&apos;a pas été enregistré : {reason}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Plan saved in the vault (encrypted), {time} — id {id}.</source>
        <translation>Plan enregistré dans le coffre (chiffré), {time} — id {id}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Looking for saved plans…</source>
        <translation>Recherche des plans enregistrés…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Opening the plan…</source>
        <translation>Ouverture du plan…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Opened the saved plan for case {case}. Check it, then “Create session”.</source>
        <translation>Plan enregistré de l&apos;affaire {case} ouvert. Vérifiez-le, puis « Créer la séance ».</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The saved plans could not be read: {reason}</source>
        <translation>Les plans enregistrés n&apos;ont pas pu être lus : {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/remote_panel.py" line="+47"/>
        <source>Remote witness</source>
        <translation>Témoin à distance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remote witness: invitation and waiting room</source>
        <translation>Témoin à distance : invitation et salle d&apos;attente</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Link to the witness station</source>
        <translation>Liaison avec le poste du témoin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the waiting room to make the invitation.</source>
        <translation>Ouvrez la salle d&apos;attente pour créer l&apos;invitation.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save invitation…</source>
        <translation>Enregistrer l&apos;invitation…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the witness&apos;s invitation to a file</source>
        <translation>Enregistrer l&apos;invitation du témoin dans un fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Readable by you only; send it by a route the court trusts</source>
        <translation>Lisible par vous seul ; envoyez-la par une voie de confiance du tribunal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy invitation</source>
        <translation>Copier l&apos;invitation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the witness&apos;s invitation to the clipboard</source>
        <translation>Copier l&apos;invitation du témoin dans le presse-papiers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The clipboard is cleared again after a few minutes</source>
        <translation>Le presse-papiers est vidé au bout de quelques minutes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Judge&apos;s monitor…</source>
        <translation>Moniteur du juge…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the judge&apos;s monitor</source>
        <translation>Ouvrir le moniteur du juge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The unmasked witness, if the plan allows it</source>
        <translation>Le témoin sans masque, si le plan l&apos;autorise</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Nobody is in the waiting room.</source>
        <translation>Personne n&apos;est dans la salle d&apos;attente.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting room</source>
        <translation>Salle d&apos;attente</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Safety code</source>
        <translation>Code de sécurité</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Admit</source>
        <translation>Admettre</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Admit the station in the waiting room</source>
        <translation>Admettre le poste en salle d&apos;attente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only if the safety codes are the same</source>
        <translation>Seulement si les codes de sécurité sont identiques</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send back</source>
        <translation>Renvoyer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send the station in the waiting room back</source>
        <translation>Renvoyer le poste en salle d&apos;attente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refuses it; nothing is sent to it</source>
        <translation>Le refuse ; rien ne lui est envoyé</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Link quality</source>
        <translation>Qualité de la liaison</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Save the invitation</source>
        <translation>Enregistrer l&apos;invitation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Invitations (*.json)</source>
        <translation>Invitations (*.json)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The invitation was not saved: {reason}.</source>
        <translation>L&apos;invitation n&apos;a pas été enregistrée : {reason}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The witness&apos;s invitation</source>
        <translation>L&apos;invitation du témoin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The {language} interpreter&apos;s invitation</source>
        <translation>L&apos;invitation de l&apos;interprète {language}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} is saved in {path} (readable by you only). Send it by a route the court trusts; it works once, until it expires.</source>
        <translation>{what} est enregistrée dans {path} (lisible par vous seul). Envoyez-la par une voie de confiance du tribunal ; elle sert une seule fois, jusqu&apos;à son expiration.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Invitation copied. Paste it only into a secure channel; the clipboard is cleared in {minutes} minutes.</source>
        <translation>Invitation copiée. Collez-la seulement dans un canal sûr ; le presse-papiers est vidé dans {minutes} minutes.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The interpreter station ({language}) asks to join. Read this safety code to the interpreter by phone; admit only if theirs is the same.</source>
        <translation>Le poste de l&apos;interprète ({language}) demande à entrer. Lisez ce code de sécurité à l&apos;interprète par téléphone ; admettez-le seulement si le sien est identique.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The witness station asks to join. Read this safety code to the witness&apos;s support person by phone; admit only if theirs is the same.</source>
        <translation>Le poste du témoin demande à entrer. Lisez ce code de sécurité à la personne de soutien du témoin par téléphone ; admettez-le seulement si le sien est identique.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The interpreter station was admitted.</source>
        <translation>Le poste de l&apos;interprète a été admis.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The interpreter station was sent back.</source>
        <translation>Le poste de l&apos;interprète a été renvoyé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The witness station was admitted.</source>
        <translation>Le poste du témoin a été admis.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The witness station was sent back.</source>
        <translation>Le poste du témoin a été renvoyé.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The invitation is ready: save it or copy it, and send it to the witness&apos;s support person by a route the court trusts.</source>
        <translation>L&apos;invitation est prête : enregistrez-la ou copiez-la, et envoyez-la à la personne de soutien du témoin par une voie de confiance du tribunal.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save {language} interpreter&apos;s invitation…</source>
        <translation>Enregistrer l&apos;invitation de l&apos;interprète {language}…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy {language} interpreter&apos;s invitation</source>
        <translation>Copier l&apos;invitation de l&apos;interprète {language}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The remote interpreter&apos;s own invitation</source>
        <translation>L&apos;invitation propre de l&apos;interprète à distance</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Link quality: good.</source>
        <translation>Qualité de la liaison : bonne.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link quality: fair — the picture is reduced to keep the voice clear.</source>
        <translation>Qualité de la liaison : moyenne — l’image est réduite pour garder la voix claire.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Link quality: poor — the picture may freeze; the voice has priority.</source>
        <translation>Qualité de la liaison : mauvaise — l’image peut se figer ; la voix a la priorité.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Link lost: reconnecting. The witness&apos;s own recording continues.</source>
        <translation>Liaison perdue : reconnexion en cours. L’enregistrement propre du témoin continue.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{fps} frames/s</source>
        <translation>{fps} images/s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>picture {w}×{h}</source>
        <translation>image {w}×{h}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>delay {ms} ms</source>
        <translation>délai {ms} ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>voice continuous</source>
        <translation>voix continue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>voice broke up for {s} s</source>
        <translation>voix coupée pendant {s} s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Now: {parts}.</source>
        <translation>Maintenant : {parts}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{fps} frames/s received</source>
        <translation>{fps} images/s reçues</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stalls {n} ({seconds} s)</source>
        <translation>coupures {n} ({seconds} s)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>voice gaps {seconds} s</source>
        <translation>coupures de voix {seconds} s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reconnected {n}×</source>
        <translation>reconnecté {n}×</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>through the court relay</source>
        <translation>par le relais du tribunal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>direct</source>
        <translation>directe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link: {parts}.</source>
        <translation>Liaison : {parts}.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/judge_monitor.py" line="+22"/>
        <source>Judge&apos;s monitor — Testimony Shield</source>
        <translation>Moniteur du juge — Testimony Shield</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Judge&apos;s monitor</source>
        <translation>Moniteur du juge</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unmasked witness: for the judge only. Do not turn this screen to the courtroom.</source>
        <translation>Témoin non masqué : pour le juge seul. Ne tournez pas cet écran vers la salle.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The session plan does not authorise the judge to see the witness unmasked: this monitor shows nothing.</source>
        <translation>Le plan de la séance n&apos;autorise pas le juge à voir le témoin sans masque : ce moniteur n&apos;affiche rien.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Waiting for the witness</source>
        <translation>En attente du témoin</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not authorised by the plan</source>
        <translation>Non autorisé par le plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Judge&apos;s monitor (unmasked)</source>
        <translation>Moniteur du juge (non masqué)</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ui/errors.py" line="+53"/>
        <source>That passphrase is not right. Please check it and try again.</source>
        <extracomment>what to say of each kind of error, tried in order (a subclass before its base): a message (translated when shown) or a function of the error that chooses one</extracomment>
        <translation>Cette phrase secrète n&apos;est pas la bonne. Vérifiez-la et réessayez.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This recording or the audit trail has been changed or damaged since it was sealed. Do not rely on it; report it to the court&apos;s IT security contact.</source>
        <translation>Cet enregistrement ou le journal d&apos;audit a été modifié ou endommagé depuis son scellement. Ne vous y fiez pas ; signalez-le au responsable de la sécurité informatique du tribunal.</translation>
    </message>
    <message>
        <location line="-30"/>
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
        <location line="+27"/>
        <source>There is no vault in this folder yet.</source>
        <translation>Il n&apos;y a pas encore de coffre dans ce dossier.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That recording is not in the vault.</source>
        <translation>Cet enregistrement n&apos;est pas dans le coffre.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The disk is full. Free some space; everything recorded so far has been kept and sealed.</source>
        <translation>Le disque est plein. Libérez de la place ; tout ce qui a été enregistré jusqu&apos;ici a été conservé et scellé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This recording is sealed and cannot be changed.</source>
        <translation>Cet enregistrement est scellé et ne peut pas être modifié.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The vault could not complete that action.</source>
        <translation>Le coffre n&apos;a pas pu effectuer cette action.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The camera or microphone stopped working. Check the cable, then start again.</source>
        <translation>La caméra ou le micro a cessé de fonctionner. Vérifiez le câble, puis recommencez.</translation>
    </message>
    <message>
        <location line="-29"/>
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
        <location line="+4"/>
        <source>The session plan is not complete: {detail}.</source>
        <translation>Le plan de la séance n&apos;est pas complet : {detail}.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The recording could not be written. Everything up to now has been kept.</source>
        <translation>L&apos;enregistrement n&apos;a pas pu être écrit. Tout ce qui précède a été conservé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The recording system reported a problem.</source>
        <translation>Le système d&apos;enregistrement a signalé un problème.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Something went wrong. The session data is safe; please try again or call support.</source>
        <translation>Un problème est survenu. Les données de la séance sont en sécurité ; réessayez ou appelez l&apos;assistance.</translation>
    </message>
</context>
<context>
    <name>InterpreterStation</name>
    <message>
        <location filename="../../ui/interpreter/station.py" line="+173"/>
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
        <location line="+2"/>
        <source>Wear headphones: the floor must not reach your microphone.</source>
        <translation>Portez un casque : le son de la salle ne doit pas atteindre votre micro.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Only the interpreter on air can hand over.</source>
        <translation>Seul l&apos;interprète à l&apos;antenne peut passer le relais.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your partner is not connected: you cannot hand over.</source>
        <translation>Votre partenaire n&apos;est pas connecté : vous ne pouvez pas passer le relais.</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+3"/>
        <source>{language} (relay)</source>
        <translation>{language} (relais)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>THE HEARING HAS ENDED</source>
        <translation>L&apos;AUDIENCE EST TERMINÉE</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+28"/>
        <source>Your microphone is closed.</source>
        <translation>Votre micro est fermé.</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>PRACTICE — nothing is sent</source>
        <translation>ENTRAÎNEMENT — rien n&apos;est envoyé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your microphone is heard only by you. Nothing is recorded.</source>
        <translation>Vous seul entendez votre micro. Rien n&apos;est enregistré.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>NOT ON AIR — not admitted yet</source>
        <translation>HORS ANTENNE — pas encore admis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nothing you say is sent.</source>
        <translation>Rien de ce que vous dites n&apos;est envoyé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ON AIR — MICROPHONE CLOSED (cough)</source>
        <translation>À L&apos;ANTENNE — MICRO FERMÉ (toux)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Release C to speak again.</source>
        <translation>Relâchez C pour parler à nouveau.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ON AIR — you are interpreting into {language}</source>
        <translation>À L&apos;ANTENNE — vous interprétez vers : {language}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Everything you say goes to the court.</source>
        <translation>Tout ce que vous dites va au tribunal.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>OFF AIR — {name} is on air</source>
        <translation>HORS ANTENNE — {name} est à l&apos;antenne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OFF AIR — nobody is on air</source>
        <translation>HORS ANTENNE — personne n&apos;est à l&apos;antenne</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Handing over to {name} in {seconds} s</source>
        <translation>Relais à {name} dans {seconds} s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You take over from {name} in {seconds} s — your microphone is open</source>
        <translation>Vous prenez le relais de {name} dans {seconds} s — votre micro est ouvert</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+3"/>
        <source>The witness is not connected yet.</source>
        <translation>Le témoin n&apos;est pas encore connecté.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The witness&apos;s connection is being restored.</source>
        <translation>La connexion du témoin est en cours de rétablissement.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Speaking now: the witness (floor)</source>
        <translation>Parle maintenant : le témoin (salle)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Speaking now: the practice floor</source>
        <translation>Parle maintenant : la salle d&apos;entraînement</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nobody is speaking on the floor.</source>
        <translation>Personne ne parle dans la salle.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>On air on {language}: you</source>
        <translation>À l&apos;antenne en {language} : vous</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>On air on {language}: {name}</source>
        <translation>À l&apos;antenne en {language} : {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nobody</source>
        <translation>personne</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your partner: {name} ({state})</source>
        <translation>Votre partenaire : {name} ({state})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connected</source>
        <translation>connecté</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not connected</source>
        <translation>non connecté</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You have no partner in this booth.</source>
        <translation>Vous n&apos;avez pas de partenaire dans cette cabine.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Microphone closed — release C</source>
        <translation>Micro fermé — relâchez C</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cough (hold C)</source>
        <translation>Toux (maintenez C)</translation>
    </message>
    <message>
        <location line="+11"/>
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
        <location line="+2"/>
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
        <location line="+2"/>
        <source>Interpreting into {language} for case {case}</source>
        <translation>Interprétation vers : {language}, affaire {case}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Interpreter station — {language} ({code})</source>
        <translation>Poste de l&apos;interprète — {language} ({code})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> · case {case}</source>
        <translation> · affaire {case}</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Safety code</source>
        <translation>Code de sécurité</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Compare it with the code on the clerk&apos;s screen</source>
        <translation>Comparez-le au code affiché sur l&apos;écran du greffier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The clerk sees the same six digits. If they differ, do not go on: tell the clerk by phone.</source>
        <translation>Le greffier voit les mêmes six chiffres. S&apos;ils diffèrent, n&apos;allez pas plus loin : prévenez le greffier par téléphone.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Practise first (nothing is sent)</source>
        <translation>S&apos;entraîner d&apos;abord (rien n&apos;est envoyé)</translation>
    </message>
    <message>
        <location line="-2"/>
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
        <location line="+0"/>
        <source>Hold to close your microphone for a moment. Key: hold C.</source>
        <translation>Maintenez pour fermer votre micro un instant. Touche : maintenez C.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Hand over to partner</source>
        <translation>Passer le &amp;relais au partenaire</translation>
    </message>
    <message>
        <location line="-2"/>
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
        <location line="-1"/>
        <source>Stops the countdown. Key: Escape.</source>
        <translation>Arrête le compte à rebours. Touche : Échap.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I &amp;listen to</source>
        <translation>J&apos;é&amp;coute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I listen to</source>
        <translation>J&apos;écoute</translation>
    </message>
    <message>
        <location line="+0"/>
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
        <location line="+0"/>
        <source>How loud the floor (or relay) is in your headphones</source>
        <translation>Le volume de la salle (ou du relais) dans votre casque</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Return</source>
        <translation>&amp;Retour</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>On</source>
        <translation>Activé</translation>
    </message>
    <message>
        <location line="-2"/>
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
        <location line="+0"/>
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
        <location line="+0"/>
        <source>Where you hear the floor</source>
        <translation>Où vous entendez la salle</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>System default</source>
        <translation>Par défaut du système</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>&amp;Microphone</source>
        <translation>&amp;Micro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Microphone</source>
        <translation>Micro</translation>
    </message>
    <message>
        <location line="+0"/>
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
        <location line="+3"/>
        <source>&amp;Test headphones and microphone</source>
        <translation>&amp;Tester le casque et le micro</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Test headphones and microphone</source>
        <translation>Tester le casque et le micro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plays a chime, then your own voice, in your headphones</source>
        <translation>Joue un carillon, puis votre propre voix, dans votre casque</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Device note</source>
        <translation>Note sur les périphériques</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>Leave the hearing</source>
        <translation>Quitter l&apos;audience</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Closes your microphone and tells the court you left</source>
        <translation>Ferme votre micro et indique au tribunal que vous êtes parti</translation>
    </message>
</context>
<context>
    <name>JudgeReview</name>
    <message>
        <location filename="../../ui/review/dialogs.py" line="+40"/>
        <location line="+1"/>
        <source>Export recording</source>
        <translation>Exporter l&apos;enregistrement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export &lt;b&gt;{recording}&lt;/b&gt;. Every export is recorded in the audit trail with its reason.</source>
        <translation>Exporter &lt;b&gt;{recording}&lt;/b&gt;. Chaque export est consigné dans le journal d&apos;audit avec son motif.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Watermarked copy for a role (stays encrypted in the vault)</source>
        <translation>Copie filigranée pour un rôle (reste chiffrée dans le coffre)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Watermarked copy for a role</source>
        <translation>Copie filigranée pour un rôle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plain MKV file on this computer (not encrypted)</source>
        <translation>Fichier MKV non chiffré sur cet ordinateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plain MKV file</source>
        <translation>Fichier MKV non chiffré</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Recipient role</source>
        <translation>Rôle destinataire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipient</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason for the export</source>
        <translation>Motif de l&apos;export</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. disclosure to the defence, order of 12 May</source>
        <translation>p. ex. communication à la défense, ordonnance du 12 mai</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+96"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location line="-93"/>
        <source>File to write</source>
        <translation>Fichier à écrire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>…/recording.mkv</source>
        <translation>…/enregistrement.mkv</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose the file to write</source>
        <translation>Choisir le fichier à écrire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recording station passphrase</source>
        <translation>Phrase secrète du poste d&apos;enregistrement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Station passphrase</source>
        <translation>Phrase secrète du poste</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>I confirm this decrypted file is needed. I will keep it safe; this export and its reason are recorded in the audit trail.</source>
        <translation>Je confirme que ce fichier déchiffré est nécessaire. Je le garderai en sûreté ; cet export et son motif sont consignés dans le journal d&apos;audit.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confirm the plain export</source>
        <translation>Confirmer l&apos;export non chiffré</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export to</source>
        <translation>Exporter vers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matroska video (*.mkv)</source>
        <translation>Vidéo Matroska (*.mkv)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>This is the raw (unmasked) recording: it may only be copied for the judge.</source>
        <translation>Ceci est l&apos;enregistrement brut (non masqué) : il ne peut être copié que pour le juge.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The copy gets a fresh key for this role only and a visible watermark (case, recipient, date) in every frame.</source>
        <translation>La copie reçoit une nouvelle clé pour ce seul rôle et un filigrane visible (affaire, destinataire, date) sur chaque image.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The file will NOT be encrypted. Tick the confirmation to continue.</source>
        <translation>Le fichier NE sera PAS chiffré. Cochez la confirmation pour continuer.</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+1"/>
        <source>Share recording</source>
        <translation>Partager l&apos;enregistrement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Let another role open &lt;b&gt;{recording}&lt;/b&gt; until a time. After it, opening is refused and the key can be destroyed. The share is recorded in the audit trail.</source>
        <translation>Permettre à un autre rôle d&apos;ouvrir &lt;b&gt;{recording}&lt;/b&gt; jusqu&apos;à une heure donnée. Ensuite, l&apos;ouverture est refusée et la clé peut être détruite. Le partage est consigné dans le journal d&apos;audit.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Role to share with</source>
        <translation>Rôle avec qui partager</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share with</source>
        <translation>Partager avec</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Share expires at</source>
        <translation>Le partage expire à</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Until</source>
        <translation>Jusqu&apos;à</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason for the share</source>
        <translation>Motif du partage</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Share</source>
        <translation>Partager</translation>
    </message>
    <message>
        <location filename="../../ui/review/integrity_panel.py" line="+35"/>
        <source>Integrity: not checked yet</source>
        <translation>Intégrité : pas encore vérifiée</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Vault integrity</source>
        <translation>Intégrité du coffre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verify vault</source>
        <translation>Vérifier le coffre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Verify the vault&apos;s integrity</source>
        <translation>Vérifier l&apos;intégrité du coffre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checks every recording, key and the audit trail</source>
        <translation>Vérifie chaque enregistrement, chaque clé et le journal d&apos;audit</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Integrity: checking…</source>
        <translation>Intégrité : vérification…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Integrity: ✔ verified, nothing changed</source>
        <translation>Intégrité : ✔ vérifiée, rien n&apos;a changé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Integrity: ✖ {n} problem(s) — do not rely on this vault</source>
        <translation>Intégrité : ✖ {n} problème(s) — ne vous fiez pas à ce coffre</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Integrity: ✖ {reason}</source>
        <translation>Intégrité : ✖ {reason}</translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../../ui/review/player.py" line="+107"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recording</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../ui/review/judge.py" line="+203"/>
        <source>Audit trail</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <location filename="../../ui/review/judge.py" line="-123"/>
        <source>Testimony Shield — Judge review</source>
        <translation>Testimony Shield — Examen par le juge</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>Judge review</source>
        <translation>Examen par le juge</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+3"/>
        <source>Judge&apos;s passphrase</source>
        <translation>Phrase secrète du juge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opens the judge&apos;s key for this session; never stored</source>
        <translation>Ouvre la clé du juge pour cette session ; jamais enregistrée</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unlock the vault</source>
        <translation>Déverrouiller le coffre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlocks the vault with the passphrase; recorded in the audit trail</source>
        <translation>Déverrouille le coffre avec la phrase secrète ; consigné au journal d&apos;audit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No vault is set up on this computer yet.</source>
        <translation>Aucun coffre n&apos;est encore configuré sur cet ordinateur.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Show the recordings of one case</source>
        <translation>Afficher les enregistrements d&apos;une affaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only this case&apos;s recordings are listed</source>
        <translation>Seuls les enregistrements de cette affaire sont listés</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+127"/>
        <source>All cases</source>
        <translation>Toutes les affaires</translation>
    </message>
    <message>
        <location line="-122"/>
        <source>Filter by case, session, witness or kind</source>
        <translation>Filtrer par affaire, séance, témoin ou type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter recordings</source>
        <translation>Filtrer les enregistrements</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Words of the case, session, witness or kind</source>
        <translation>Mots de l&apos;affaire, de la séance, du témoin ou du type</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Recordings in the vault</source>
        <translation>Enregistrements dans le coffre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter plays the selected recording</source>
        <translation>Entrée lit l&apos;enregistrement sélectionné</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Play selected recording</source>
        <translation>Lire l&apos;enregistrement sélectionné</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play the selected recording</source>
        <translation>Lire l&apos;enregistrement sélectionné</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decrypted in memory as it plays; the viewing is audited</source>
        <translation>Déchiffré en mémoire pendant la lecture ; le visionnage est audité</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export the selected recording</source>
        <translation>Exporter l&apos;enregistrement sélectionné</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A watermarked copy for a role, or a plain file; audited with its reason</source>
        <translation>Une copie filigranée pour un rôle, ou un fichier non chiffré ; audité avec son motif</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share…</source>
        <translation>Partager…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Share the selected recording with another role until a time</source>
        <translation>Partager l&apos;enregistrement sélectionné avec un autre rôle jusqu&apos;à une heure donnée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Another role may open it until the time you choose</source>
        <translation>Un autre rôle pourra l&apos;ouvrir jusqu&apos;à l&apos;heure choisie</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+1"/>
        <source>Chapters, notes and audit trail</source>
        <translation>Chapitres, notes et journal d&apos;audit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrow keys change the tab</source>
        <translation>Les flèches changent d&apos;onglet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chapters</source>
        <translation>Chapitres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The witness&apos;s breaks, as chapters to jump to</source>
        <translation>Les pauses du témoin, comme chapitres où aller</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your private, encrypted notes</source>
        <translation>Vos notes privées et chiffrées</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Who opened, exported or shared what, and when</source>
        <translation>Qui a ouvert, exporté ou partagé quoi, et quand</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Enter the judge&apos;s passphrase.</source>
        <translation>Saisissez la phrase secrète du juge.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unlocking…</source>
        <translation>Déverrouillage…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Unlocked. Choose a recording to play; every viewing is recorded in the audit trail.</source>
        <translation>Déverrouillé. Choisissez un enregistrement à lire ; chaque visionnage est consigné dans le journal d&apos;audit.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Case {case}</source>
        <translation>Affaire {case}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>This is a session {kind} record (encrypted data, not audio or video): it cannot be played.</source>
        <translation>Ceci est un enregistrement de séance de type {kind} (données chiffrées, ni audio ni vidéo) : il ne peut pas être lu.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{case} — {kind} recording (decrypting in memory as it plays)</source>
        <translation>{case} — enregistrement {kind} (déchiffré en mémoire pendant la lecture)</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Making a watermarked copy for the {role}…</source>
        <translation>Copie filigranée en cours pour : {role}…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Watermarked copy {id} made for the {role}; it is in the vault and the export is in the audit trail.</source>
        <translation>Copie filigranée {id} faite pour : {role} ; elle est dans le coffre et l&apos;export figure au journal d&apos;audit.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Writing the plain file…</source>
        <translation>Écriture du fichier non chiffré…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exported to {path}. This file is NOT encrypted: keep it safe. The export is in the audit trail.</source>
        <translation>Exporté vers {path}. Ce fichier N&apos;est PAS chiffré : gardez-le en sûreté. L&apos;export figure au journal d&apos;audit.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Shared with the {role} until {time}; recorded in the audit trail.</source>
        <translation>Partagé avec : {role} jusqu&apos;à {time} ; consigné au journal d&apos;audit.</translation>
    </message>
    <message>
        <location filename="../../ui/review/notes_panel.py" line="+44"/>
        <source>My private notes (click to jump)</source>
        <translation>Mes notes privées (cliquez pour y aller)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encrypted; only the judge reads them</source>
        <translation>Chiffrées ; seul le juge les lit</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A private note at the current position (encrypted, judge only)</source>
        <translation>Une note privée à la position actuelle (chiffrée, juge seulement)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New note</source>
        <translation>Nouvelle note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter adds it at the current position</source>
        <translation>Entrée l&apos;ajoute à la position actuelle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add note</source>
        <translation>Ajouter la note</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add the note at the current position</source>
        <translation>Ajouter la note à la position actuelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encrypted; only the judge can read it</source>
        <translation>Chiffrée ; seul le juge peut la lire</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>written {time} UTC</source>
        <translation>écrite {time} UTC</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open a recording first: a note belongs to a moment of a recording.</source>
        <translation>Ouvrez d&apos;abord un enregistrement : une note appartient à un moment d&apos;un enregistrement.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Note added at {time} (encrypted; only the judge can read it).</source>
        <translation>Note ajoutée à {time} (chiffrée ; seul le juge peut la lire).</translation>
    </message>
    <message>
        <location filename="../../ui/review/player.py" line="-53"/>
        <source>Chapters (breaks)</source>
        <translation>Chapitres (pauses)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter jumps to the chapter</source>
        <translation>Entrée va au chapitre</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Start of recording  00:00</source>
        <translation>Début de l&apos;enregistrement  00:00</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Break</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No recording open</source>
        <translation>Aucun enregistrement ouvert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Now playing</source>
        <translation>En cours de lecture</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unlock the vault and choose a recording.</source>
        <translation>Déverrouillez le coffre et choisissez un enregistrement.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recording video</source>
        <translation>Vidéo de l&apos;enregistrement</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+109"/>
        <source>Play</source>
        <translation>Lire</translation>
    </message>
    <message>
        <location line="-109"/>
        <source>Play or pause</source>
        <translation>Lire ou mettre en pause</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Space plays or pauses</source>
        <translation>Espace lit ou met en pause</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrow keys move through the recording</source>
        <translation>Les flèches parcourent l&apos;enregistrement</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Audio track (language)</source>
        <translation>Piste audio (langue)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The floor or an interpretation channel</source>
        <translation>La salle ou un canal d&apos;interprétation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sound output</source>
        <translation>Sortie son</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No speakers found: sound is off</source>
        <translation>Aucun haut-parleur trouvé : son coupé</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Floor ({language})</source>
        <translation>Salle ({language})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{language} interpretation</source>
        <translation>Interprétation en {language}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Track {n}</source>
        <translation>Piste {n}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This recording cannot be played: it may be damaged or changed. Run “Verify vault”.</source>
        <translation>Cet enregistrement ne peut pas être lu : il est peut-être endommagé ou modifié. Lancez « Vérifier le coffre ».</translation>
    </message>
    <message>
        <location filename="../../ui/review/recordings_model.py" line="+27"/>
        <source>Case</source>
        <translation>Affaire</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>Créé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sealed</source>
        <translation>Scellée</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Session</source>
        <translation>Séance</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>masked</source>
        <extracomment>the vault&apos;s recording kinds, as the judge reads them (others are shown as they are)</extracomment>
        <translation>masqué</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>raw</source>
        <translation>brut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>plan</source>
        <translation>plan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>session</source>
        <translation>séance</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>{kind} copy ({recipient})</source>
        <translation>copie {kind} ({recipient})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{kind} (record, not playable)</source>
        <translation>{kind} (dossier, non lisible)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>masked, as the court received it over the link</source>
        <translation>masqué, tel que le tribunal l&apos;a reçu par la liaison</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{kind}, the witness station&apos;s own (full quality)</source>
        <translation>{kind}, celui du poste du témoin (pleine qualité)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>sealed</source>
        <translation>scellé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>open</source>
        <translation>ouvert</translation>
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
    <name>LinkStatus</name>
    <message>
        <location filename="../../ui/link/status.py" line="+8"/>
        <source>Not open</source>
        <translation>Non ouverte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting room open: no station has joined yet</source>
        <translation>Salle d&apos;attente ouverte : aucun poste n&apos;est encore entré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A station is in the waiting room</source>
        <translation>Un poste est en salle d&apos;attente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live</source>
        <translation>En direct</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reconnecting… (the witness is curtained)</source>
        <translation>Reconnexion… (le témoin est sous rideau)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The witness is on a break</source>
        <translation>Le témoin fait une pause</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session ended</source>
        <translation>Séance terminée</translation>
    </message>
</context>
<context>
    <name>Masks</name>
    <message>
        <location filename="../../ui/labels.py" line="+15"/>
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
        <location line="+3"/>
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
    <name>Roles</name>
    <message>
        <location line="+20"/>
        <source>Judge</source>
        <extracomment>recording.session.ROLE_LABELS, for staff screens</extracomment>
        <translation>Juge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clerk</source>
        <translation>Greffier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prosecution</source>
        <translation>Ministère public</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Defence</source>
        <translation>Défense</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interpreter</source>
        <translation>Interprète</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Support person</source>
        <translation>Personne de soutien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intermediary</source>
        <translation>Intermédiaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Witness</source>
        <translation>Témoin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accused</source>
        <translation>Accusé</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="+155"/>
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
        <location line="+4"/>
        <source>Automatic (a microphone if there is one, else the demo voice)</source>
        <translation>Automatique (un micro s&apos;il y en a un, sinon la voix de démonstration)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Demo voice (built-in)</source>
        <translation>Voix de démonstration (intégrée)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Camera {id} (not found now)</source>
        <translation>Caméra {id} (introuvable pour l&apos;instant)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Device #{id} (not found now)</source>
        <translation>Périphérique n° {id} (introuvable pour l&apos;instant)</translation>
    </message>
    <message>
        <location line="+12"/>
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
        <location line="+3"/>
        <source>Screen &amp;language</source>
        <translation>&amp;Langue de l&apos;écran</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language of these screens</source>
        <translation>Langue de ces écrans</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The language of the clerk&apos;s, judge&apos;s and interpreter&apos;s screens</source>
        <translation>La langue des écrans du greffier, du juge et de l&apos;interprète</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+2"/>
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
        <source>The microphone of the witness&apos;s room</source>
        <translation>Le micro de la salle du témoin</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Face mask style</source>
        <translation>Style du masque du &amp;visage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Face mask style</source>
        <translation>Style du masque du visage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the witness&apos;s face is covered for everyone not allowed to see it</source>
        <translation>Comment le visage du témoin est couvert pour ceux qui n&apos;ont pas le droit de le voir</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Voice preset</source>
        <translation>Réglage de la &amp;voix</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voice preset</source>
        <translation>Réglage de la voix</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How strongly the witness&apos;s voice is changed</source>
        <translation>À quel point la voix du témoin est modifiée</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Vault &amp;folder</source>
        <translation>&amp;Dossier du coffre</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+63"/>
        <source>Vault folder</source>
        <translation>Dossier du coffre</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>Where the encrypted evidence vault is kept</source>
        <translation>Où est conservé le coffre chiffré des preuves</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Witness screen language</source>
        <translation>Langue de l&apos;écran du &amp;témoin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Witness screen language</source>
        <translation>Langue de l&apos;écran du témoin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The language the witness station starts in</source>
        <translation>La langue dans laquelle s&apos;ouvre le poste du témoin</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Witness &amp;text size</source>
        <translation>&amp;Taille du texte du témoin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Witness text size</source>
        <translation>Taille du texte du témoin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How large the text of the witness station is</source>
        <translation>La taille du texte sur le poste du témoin</translation>
    </message>
    <message>
        <location line="+18"/>
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
        <location line="+5"/>
        <source>Save the settings and close</source>
        <translation>Enregistrer les paramètres et fermer</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location filename="../../ui/start.py" line="+82"/>
        <source>Testimony Shield start</source>
        <translation>Accueil de Testimony Shield</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the station this computer is</source>
        <translation>Choisissez le poste que sera cet ordinateur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remote, masked, recorded and sealed testimony. Which station is this computer?</source>
        <translation>Témoignages à distance, masqués, enregistrés et scellés. Quel poste est cet ordinateur ?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clerk console</source>
        <translation>Console du greffier</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Plan and run a session, record and seal it</source>
        <translation>Préparer, conduire, enregistrer et sceller une séance</translation>
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
        <location line="+3"/>
        <source>Remote witness station</source>
        <translation>Poste du témoin à distance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Join from elsewhere with the court&apos;s invitation</source>
        <translation>Rejoindre d&apos;ailleurs avec l&apos;invitation du tribunal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Judge review</source>
        <translation>Examen par le juge</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unseal and review sealed recordings</source>
        <translation>Desceller et examiner les enregistrements scellés</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Interpreter station</source>
        <translation>Poste de l&apos;interprète</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interpret a hearing from elsewhere, with the court&apos;s invitation</source>
        <translation>Interpréter une audience à distance, avec l&apos;invitation du tribunal</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Vault: {folder}</source>
        <translation>Coffre : {folder}</translation>
    </message>
    <message>
        <location line="+2"/>
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
    <message>
        <location filename="../../desktop/interpreter_station.py" line="+130"/>
        <source>Open the interpreter&apos;s invitation</source>
        <translation>Ouvrir l&apos;invitation de l&apos;interprète</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Invitations (*.json *.invite);;All files (*)</source>
        <translation>Invitations (*.json *.invite);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This invitation cannot be used ({reason}). Ask the clerk for a new one.</source>
        <translation>Cette invitation ne peut pas être utilisée ({reason}). Demandez-en une nouvelle au greffier.</translation>
    </message>
</context>
<context>
    <name>States</name>
    <message>
        <location filename="../../ui/labels.py" line="+12"/>
        <source>Draft</source>
        <extracomment>recording.session.State values, for staff screens</extracomment>
        <translation>Brouillon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting room</source>
        <translation>Salle d&apos;attente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live</source>
        <translation>En direct</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Break</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ended</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sealed</source>
        <translation>Scellée</translation>
    </message>
</context>
<context>
    <name>VideoView</name>
    <message>
        <location filename="../../ui/widgets/video_view.py" line="+42"/>
        <source>Video</source>
        <translation>Vidéo</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <location filename="../../ui/widgets/channel_matrix.py" line="+64"/>
        <source>Channels (what the court hears)</source>
        <translation>Canaux (ce qu&apos;entend le tribunal)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel matrix</source>
        <translation>Matrice des canaux</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Level of the {channel} channel</source>
        <translation>Niveau du canal {channel}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{channel} level in dB</source>
        <translation>Niveau de {channel} en dB</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>silent</source>
        <translation>silence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{db} dB</source>
        <translation>{db} dB</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="+39"/>
        <source>Session timeline of planned and actual breaks</source>
        <translation>Chronologie de la séance avec les pauses prévues et réelles</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>now {time}</source>
        <translation>maintenant {time}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>planned break at {time}</source>
        <translation>pause prévue à {time}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>witness break at {time}</source>
        <translation>pause du témoin à {time}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>clerk break at {time}</source>
        <translation>pause du greffier à {time}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(running)</source>
        <translation>(en cours)</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>planned break</source>
        <translation>pause prévue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>witness break</source>
        <translation>pause du témoin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>clerk break</source>
        <translation>pause du greffier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>now</source>
        <translation>maintenant</translation>
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
        <translation>Masquée pour les publics masqués</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hidden from everyone live (the judge too; the judge&apos;s sealed recording keeps it)</source>
        <translation>Masquée pour tous en direct (le juge aussi ; l&apos;enregistrement scellé du juge la conserve)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hiding the room shows the head and shoulders on a plain backdrop: walls, windows, posters and furniture are replaced. It does not hide clothing, hair, anything worn or held, the wall just beside the head, or the sounds of the room. If the head is lost, those audiences get the curtain.</source>
        <translation>Masquer la pièce montre la tête et les épaules sur un fond uni : murs, fenêtres, affiches et meubles sont remplacés. Cela ne masque pas les vêtements, les cheveux, ce qui est porté ou tenu, le mur juste à côté de la tête, ni les bruits de la pièce. Si la tête est perdue, ces publics voient le rideau.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The judge</source>
        <extracomment>Audiences the clerk can let see/hear the witness unmasked (the recordings follow the plan).</extracomment>
        <translation>Le juge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The court room (lawyers, clerk, interpreters)</source>
        <translation>La salle d&apos;audience (avocats, greffier, interprètes)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The support person</source>
        <translation>La personne de soutien</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>remote: the console makes an invitation for the witness station and you admit it from the waiting room</source>
        <translation>à distance : la console crée une invitation pour le poste du témoin et vous l&apos;admettez depuis la salle d&apos;attente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; joining remotely too: {names}</source>
        <translation> ; se connectent aussi à distance : {names}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in this court building</source>
        <translation>dans ce palais de justice</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>masked ({style})</source>
        <translation>masqué ({style})</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>not masked</source>
        <translation>non masqué</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>masked ({preset})</source>
        <translation>masquée ({preset})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>every {interval} min for {length} min; questioning stretches of at most {longest} min; recording {what} in breaks</source>
        <translation>toutes les {interval} min pendant {length} min ; périodes d&apos;interrogatoire de {longest} min au plus ; l&apos;enregistrement {what} pendant les pauses</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>pauses</source>
        <translation>s&apos;interrompt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>continues (curtained)</source>
        <translation>continue (sous rideau)</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../ui/clerk/wizard.py" line="+35"/>
        <location filename="../../ui/clerk/wizard_pages.py" line="+84"/>
        <source>Case</source>
        <translation>Affaire</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{case} — witness “{pseudonym}”</source>
        <translation>{case} — témoin « {pseudonym} »</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Witness</source>
        <translation>Témoin</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/clerk/wizard.py" line="+0"/>
        <location filename="../../ui/clerk/wizard_pages.py" line="+36"/>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Face</source>
        <translation>Visage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Room</source>
        <translation>Pièce</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voice</source>
        <translation>Voix</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unmasked for</source>
        <translation>Non masqué pour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nobody (the sealed raw recording is the judge&apos;s alone)</source>
        <translation>personne (l&apos;enregistrement brut scellé est réservé au juge)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accused</source>
        <translation>Accusé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>screened from the witness</source>
        <translation>caché à la vue du témoin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not screened</source>
        <translation>non caché</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Support person</source>
        <translation>Personne de soutien</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>present</source>
        <translation>présente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not present</source>
        <translation>absente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence in private</source>
        <translation>Témoignage à huis clos</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Breaks</source>
        <translation>Pauses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Floor</source>
        <translation>Salle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>interpretation</source>
        <translation>interprétation</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>interpreter listed</source>
        <translation>interprète prévu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no interpreter listed yet</source>
        <translation>pas encore d&apos;interprète prévu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{code}: {name} ({who})</source>
        <translation>{code} : {name} ({who})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown code</source>
        <translation>code inconnu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No interpretation channels: the floor only.</source>
        <translation>Pas de canal d&apos;interprétation : la salle seulement.</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/wizard.py" line="+1"/>
        <location filename="../../ui/clerk/wizard_pages.py" line="+95"/>
        <source>Special measures</source>
        <translation>Mesures spéciales</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/clerk/wizard_pages.py" line="+101"/>
        <source>Ground rules</source>
        <translation>Règles de base</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/clerk/wizard_pages.py" line="+24"/>
        <source>Languages</source>
        <translation>Langues</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/clerk/wizard_pages.py" line="+25"/>
        <source>Review</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>New session wizard</source>
        <extracomment>the step each part of the plan is entered in (``PlanError.field`` up to its first dot)</extracomment>
        <translation>Assistant de nouvelle séance</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New session</source>
        <translation>Nouvelle séance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan the hearing step by step: who takes part, how the witness is protected, the breaks and the interpretation.</source>
        <translation>Préparez l&apos;audience étape par étape : qui participe, comment le témoin est protégé, les pauses et l&apos;interprétation.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Set-up steps</source>
        <translation>Étapes de préparation</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Go to a step; Alt and the step&apos;s number jump there</source>
        <translation>Aller à une étape ; Alt et le numéro de l&apos;étape y mènent</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Form problems</source>
        <translation>Problèmes du formulaire</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Back to the previous step</source>
        <translation>Revenir à l&apos;étape précédente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shows the previous step; nothing is lost</source>
        <translation>Affiche l&apos;étape précédente ; rien n&apos;est perdu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Next step</source>
        <translation>Étape suivante</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shows the next step; nothing is lost</source>
        <translation>Affiche l&apos;étape suivante ; rien n&apos;est perdu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create session</source>
        <translation>Créer la séance</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checks the whole plan, saves it in the vault and opens the live console</source>
        <translation>Vérifie tout le plan, l&apos;enregistre dans le coffre et ouvre la console en direct</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Please fix: {problem}.</source>
        <translation>À corriger : {problem}.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Not ready yet: {problem}.</source>
        <translation>Pas encore prêt : {problem}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Interpreter ({language})</source>
        <translation>Interprète ({language})</translation>
    </message>
    <message>
        <location filename="../../ui/clerk/wizard_pages.py" line="-312"/>
        <source>Both presets stop listeners recognising the voice by ear; neither hides the words, accent or way of speaking. Speaker-recognition software, comparing with the natural voice (error rate, 5 % unmasked): Standard 28 % (live, 12 ms delay); Strong 38 %, 33 % for someone who knows the method (a synthetic voice drawn for each session, 90 ms delay, words harder to follow). Someone who masks a recording of the witness&apos;s own voice the same way can still link them: Standard 15 %, Strong 23-35 %.</source>
        <translation>Les deux préréglages empêchent de reconnaître la voix à l&apos;oreille ; aucun ne cache les mots, l&apos;accent ni la façon de parler. Un logiciel de reconnaissance du locuteur, comparant avec la voix naturelle (taux d&apos;erreur, 5 % sans masque) : Standard 28 % (en direct, 12 ms de retard) ; Fort 38 %, 33 % pour qui connaît la méthode (une voix de synthèse tirée pour chaque séance, 90 ms de retard, mots plus difficiles à suivre). Qui masque de la même façon un enregistrement de la voix naturelle du témoin peut encore les relier : Standard 15 %, Fort 23-35 %.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Problems in step {step}</source>
        <translation>Problèmes à l&apos;étape {step}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The case number and the name the witness is known by in this session. The witness&apos;s real name is never entered here.</source>
        <translation>Le numéro de l&apos;affaire et le nom sous lequel le témoin est connu dans cette séance. Le vrai nom du témoin n&apos;est jamais saisi ici.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. T2026-0142</source>
        <translation>p. ex. T2026-0142</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case number</source>
        <translation>Numéro de l&apos;affaire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. Witness A</source>
        <translation>p. ex. Témoin A</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Witness pseudonym</source>
        <translation>Pseudonyme du témoin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Case number</source>
        <translation>&amp;Numéro de l&apos;affaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Witness &amp;pseudonym</source>
        <translation>&amp;Pseudonyme du témoin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where is the witness?</source>
        <translation>Où est le témoin ?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In this court building (the witness room of this station)</source>
        <translation>Dans ce palais de justice (la salle du témoin de ce poste)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Somewhere else (a remote hearing: you send the witness station an invitation and admit it from the waiting room)</source>
        <translation>Ailleurs (une audience à distance : vous envoyez une invitation au poste du témoin et l&apos;admettez depuis la salle d&apos;attente)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Where is the witness? Arrow keys choose.</source>
        <translation>Où est le témoin ? Les flèches choisissent.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Everyone taking part and their role. Interpreters need their language pair (from &gt; to, e.g. eng&gt;spa; eng&lt;&gt;spa for both ways) and, in a remote hearing, whether they join from elsewhere. The accused is listed so the plan can screen them from the witness.</source>
        <translation>Tous les participants et leur rôle. Les interprètes ont besoin de leur paire de langues (de &gt; vers, p. ex. eng&gt;spa ; eng&lt;&gt;spa dans les deux sens) et, dans une audience à distance, de dire s&apos;ils se connectent d&apos;ailleurs. L&apos;accusé est listé pour que le plan le cache à la vue du témoin.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Languages (interpreters)</source>
        <translation>Langues (interprètes)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Joins remotely</source>
        <translation>Se connecte à distance</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Add participant</source>
        <translation>&amp;Ajouter un participant</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add participant</source>
        <translation>Ajouter un participant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add &amp;interpreter</source>
        <translation>Ajouter un &amp;interprète</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add interpreter</source>
        <translation>Ajouter un interprète</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove selected</source>
        <translation>&amp;Retirer la sélection</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove selected participant</source>
        <translation>Retirer le participant sélectionné</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Role of participant {n}</source>
        <translation>Rôle du participant {n}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What this person does in the hearing</source>
        <translation>Ce que fait cette personne à l&apos;audience</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Participant {n} joins remotely</source>
        <translation>Le participant {n} se connecte à distance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interpreters, in a remote hearing: they get their own invitation</source>
        <translation>Interprètes, dans une audience à distance : ils reçoivent leur propre invitation</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>How the witness is protected. The raw recording is always sealed for the judge alone; these choices decide what each audience gets live and in the masked recording.</source>
        <translation>Comment le témoin est protégé. L&apos;enregistrement brut est toujours scellé pour le seul juge ; ces choix décident de ce que reçoit chaque public en direct et dans l&apos;enregistrement masqué.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Masks</source>
        <translation>Masques</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mask the witness&apos;s face</source>
        <translation>Masquer le visage du témoin</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Face mask style</source>
        <translation>Style du masque du visage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mask the witness&apos;s voice</source>
        <translation>Masquer la voix du témoin</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Voice preset</source>
        <translation>Réglage de la voix</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The room behind the witness</source>
        <translation>La pièce derrière le témoin</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What hiding the room does</source>
        <translation>Ce que fait masquer la pièce</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>What the voice mask protects against</source>
        <translation>Ce contre quoi protège le masque vocal</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Who sees and hears the witness unmasked</source>
        <translation>Qui voit et entend le témoin sans masque</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>In the room and in the record</source>
        <translation>Dans la salle et au procès-verbal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Screen the accused from the witness</source>
        <translation>Cacher l&apos;accusé à la vue du témoin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A support person is with the witness</source>
        <translation>Une personne de soutien accompagne le témoin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence in private (the public gallery is cleared)</source>
        <translation>Témoignage à huis clos (le public est évacué)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause the recording during breaks</source>
        <translation>Suspendre l&apos;enregistrement pendant les pauses</translation>
    </message>
    <message>
        <location line="+40"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In minutes</source>
        <translation>En minutes</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Agreed at the ground-rules hearing. The console counts down to each planned break, reminds you two minutes before, and warns when a questioning stretch runs past the limit.</source>
        <translation>Convenues à l&apos;audience sur les règles de base. La console décompte le temps jusqu&apos;à chaque pause prévue, vous prévient deux minutes avant et avertit quand une période d&apos;interrogatoire dépasse la limite.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Longest questioning stretch</source>
        <translation>Plus longue période d&apos;interrogatoire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Break interval</source>
        <translation>Intervalle entre les pauses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Break length</source>
        <translation>Durée de la pause</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Longest questioning stretch</source>
        <translation>Plus &amp;longue période d&apos;interrogatoire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Break &amp;interval (a planned break every)</source>
        <translation>&amp;Intervalle entre les pauses (une pause prévue toutes les)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Break len&amp;gth</source>
        <translation>&amp;Durée de la pause</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The court room&apos;s language (the floor) and one interpretation channel per language, as ISO 639-2 codes (spa = Spanish, fra = French, pol = Polish, ara = Arabic…). Each channel is recorded as its own track; the witness hears their language with the floor quietly underneath.</source>
        <translation>La langue de la salle (l&apos;original) et un canal d&apos;interprétation par langue, en codes ISO 639-2 (spa = espagnol, fra = français, pol = polonais, ara = arabe…). Chaque canal est enregistré sur sa propre piste ; le témoin entend sa langue avec la salle doucement en fond.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Floor language</source>
        <translation>Langue de la salle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. spa, fra (empty: no interpretation)</source>
        <translation>p. ex. spa, fra (vide : pas d&apos;interprétation)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interpreter languages</source>
        <translation>Langues d&apos;interprétation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Floor language</source>
        <translation>Langue de la &amp;salle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interpretation &amp;languages</source>
        <translation>&amp;Langues d&apos;interprétation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language check</source>
        <translation>Vérification des langues</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Check the plan, then create the session. You can still go back to any step.</source>
        <translation>Vérifiez le plan, puis créez la séance. Vous pouvez encore revenir à n&apos;importe quelle étape.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plan summary</source>
        <translation>Résumé du plan</translation>
    </message>
</context>
</TS>
