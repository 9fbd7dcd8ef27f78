<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en_GB">
  <context>
    <name>WitnessStation</name>
    <message>
      <location filename="../../ui/witness/join.py" line="71" />
      <source>Not connected yet.</source>
      <translation>Pas encore connecté.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="52" />
      <source>Connecting to the court…</source>
      <translation>Connexion au tribunal…</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="54" />
      <source>You are in the waiting room. The clerk will let you in soon. You can practise while you wait.</source>
      <translation>Vous êtes dans la salle d’attente. Le greffier va bientôt vous faire entrer. Vous pouvez vous entraîner en attendant.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="56" />
      <source>The clerk has let you in. Connecting the picture and sound…</source>
      <translation>Le greffier vous a fait entrer. Connexion de l’image et du son…</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="58" />
      <source>You are connected to the court.</source>
      <translation>Vous êtes connecté au tribunal.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="60" />
      <source>The connection is being restored. Nothing is lost: your recording continues. Nobody in court can see or hear you until it is back.</source>
      <translation>La connexion est en cours de rétablissement. Rien n’est perdu : votre enregistrement continue. Personne au tribunal ne peut vous voir ni vous entendre avant son retour.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="62" />
      <source>The hearing has finished. Thank you. Your camera and microphone are off.</source>
      <translation>L’audience est terminée. Merci. Votre caméra et votre micro sont éteints.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="64" />
      <source>The connection to the court could not be made. Please tell your support person; the court will help.</source>
      <translation>La connexion au tribunal n’a pas pu être établie. Dites-le à votre personne de soutien ; le tribunal vous aidera.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="66" />
      <source>The connection to the court could not be restored. Your recording is safe on this station. Please tell your support person; the court will contact you.</source>
      <translation>La connexion au tribunal n’a pas pu être rétablie. Votre enregistrement est en sécurité sur ce poste. Dites-le à votre personne de soutien ; le tribunal vous contactera.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="68" />
      <source>You have left the hearing. Your camera and microphone are off.</source>
      <translation>Vous avez quitté l’audience. Votre caméra et votre micro sont éteints.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="70" />
      <source>The court did not let this station in. Please tell your support person; the court will contact you.</source>
      <translation>Le tribunal n’a pas fait entrer ce poste. Dites-le à votre personne de soutien ; le tribunal vous contactera.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="175" />
      <source>Open the invitation</source>
      <translation>Ouvrir l'invitation</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="224" />
      <source>Join your hearing</source>
      <translation>Rejoindre votre audience</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="225" />
      <source>The court has sent you an invitation. Open it here. You do not need to do anything else: the court lets you in when it is time.</source>
      <translation>Le tribunal vous a envoyé une invitation. Ouvrez-la ici. Vous n'avez rien d'autre à faire : le tribunal vous fera entrer le moment venu.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="227" />
      <source>Open the invitation…</source>
      <translation>Ouvrir l'invitation…</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="228" />
      <source>Open the invitation the court sent</source>
      <translation>Ouvrir l'invitation envoyée par le tribunal</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="229" />
      <source>Or paste the invitation here:</source>
      <translation>Ou collez l'invitation ici :</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="230" />
      <source>The invitation, pasted</source>
      <translation>L'invitation, collée</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="231" />
      <source>Join</source>
      <translation>Entrer</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="232" />
      <source>Join with the pasted invitation</source>
      <translation>Entrer avec l'invitation collée</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="233" />
      <source>Your safety code</source>
      <translation>Votre code de sécurité</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="234" />
      <source>Someone from the court will read you a code. If it is the same as this one, you are connected to the right court. If it is different, tell your support person and press “Leave”.</source>
      <translation>Quelqu'un du tribunal vous lira un code. S'il est identique à celui-ci, vous êtes connecté au bon tribunal. S'il est différent, dites-le à votre personne de soutien et appuyez sur « Partir ».</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="237" />
      <source>Practise first (equipment check)</source>
      <translation>S'exercer d'abord (vérification du matériel)</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="241" />
      <source>Leave</source>
      <translation>Partir</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="242" />
      <source>Leave the hearing</source>
      <translation>Quitter l'audience</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="243" />
      <source>Connection</source>
      <translation>Connexion</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="177" />
      <source>Invitations (*.json *.invite)</source>
      <translation>Invitations (*.json *.invite)</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="177" />
      <source>All files (*)</source>
      <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="195" />
      <source>Paste the invitation the court sent into the box first.</source>
      <translation>Collez d'abord dans la case l'invitation envoyée par le tribunal.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="188" />
      <source>That file cannot be opened. Please choose the invitation the court sent.</source>
      <translation>Ce fichier ne peut pas être ouvert. Choisissez l'invitation envoyée par le tribunal.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/join.py" line="208" />
      <source>Safety code</source>
      <translation>Code de sécurité</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="147" />
      <source>Practice and equipment check</source>
      <translation>Essai et vérification du matériel</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="174" />
      <source>Let's check everything before we start</source>
      <translation>Vérifions tout avant de commencer</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="178" />
      <source>Nothing here is recorded, and nobody in court can see or hear it. Take your time.</source>
      <translation>Rien n'est enregistré ici, et personne au tribunal ne peut le voir ni l'entendre. Prenez votre temps.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="187" />
      <source>1. Your camera, with your face covered</source>
      <translation>1. Votre caméra, avec le visage masqué</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="191" />
      <source>Starting your camera…</source>
      <translation>Démarrage de votre caméra…</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="192" />
      <source>Your camera, with your face covered</source>
      <translation>Votre caméra, avec le visage masqué</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="201" />
      <source>2. Your microphone</source>
      <translation>2. Votre micro</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="205" />
      <source>Your microphone level</source>
      <translation>Niveau de votre micro</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="208" />
      <source>Record a few words</source>
      <translation>Enregistrer quelques mots</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="210" />
      <source>Records a few seconds from your microphone, only on this computer</source>
      <translation>Enregistre quelques secondes de votre micro, seulement sur cet ordinateur</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="212" />
      <source>Hear my changed voice</source>
      <translation>Écouter ma voix modifiée</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="214" />
      <source>Plays your words back with the changed voice the court hears</source>
      <translation>Rejoue vos mots avec la voix modifiée qu'entend le tribunal</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="220" />
      <source>Say a few words, then listen to how the court hears your voice.</source>
      <translation>Dites quelques mots, puis écoutez comment le tribunal entend votre voix.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="228" />
      <source>3. What you will hear</source>
      <translation>3. Ce que vous entendrez</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="233" />
      <source>The channel you hear</source>
      <translation>Le canal que vous entendez</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="234" />
      <source>What you hear: the court room, or your interpreter with the court room quietly underneath</source>
      <translation>Ce que vous entendez : la salle, ou votre interprète avec la salle doucement en fond</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="235" />
      <source>The court room (no interpretation)</source>
      <translation>La salle d'audience (sans interprétation)</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="242" />
      <source>Listen</source>
      <translation>Écouter</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="243" />
      <source>Listen to this channel</source>
      <translation>Écouter ce canal</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="244" />
      <source>Plays the chosen channel in your speakers</source>
      <translation>Joue le canal choisi dans vos haut-parleurs</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="250" />
      <source>Level of what you hear</source>
      <translation>Niveau de ce que vous entendez</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="260" />
      <source>4. Try the break button</source>
      <translation>4. Essayez le bouton de pause</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="263" />
      <source>I need a break</source>
      <translation>J'ai besoin d'une pause</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="266" />
      <source>Try the break button</source>
      <translation>Essayer le bouton de pause</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="267" />
      <source>Shows what happens when you take a break. Nothing reaches the court.</source>
      <translation>Montre ce qui se passe quand vous faites une pause. Rien n'arrive au tribunal.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="280" />
      <source>I'm ready — finish the check</source>
      <translation>Je suis prêt·e — terminer la vérification</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="283" />
      <source>Closes the check. Nothing was recorded.</source>
      <translation>Ferme la vérification. Rien n'a été enregistré.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="296" />
      <source>You are on a break</source>
      <translation>Vous êtes en pause</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="300" />
      <source>This is what a break looks like. During the hearing, the court would now see a curtain and hear nothing, straight away. You never have to say why.</source>
      <translation>Voici à quoi ressemble une pause. Pendant l'audience, le tribunal verrait maintenant un rideau et n'entendrait plus rien, immédiatement. Vous n'avez jamais à dire pourquoi.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="305" />
      <source>Break guidance</source>
      <translation>Conseils pour la pause</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="307" />
      <source>I'm ready to continue</source>
      <translation>Je suis prêt·e à continuer</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="310" />
      <source>Goes back to the check</source>
      <translation>Revient à la vérification</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="337" />
      <source>Starting your camera and microphone…</source>
      <translation>Démarrage de votre caméra et de votre micro…</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="366" />
      <source>The camera or microphone could not be started. Please tell the court staff.</source>
      <translation>La caméra ou le micro n'a pas pu démarrer. Veuillez prévenir le personnel du tribunal.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="401" />
      <source>Playing your changed voice…</source>
      <translation>Lecture de votre voix modifiée…</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="360" />
      <source>No speakers found — you can still check your camera and microphone.</source>
      <translation>Aucun haut-parleur trouvé — vous pouvez quand même vérifier votre caméra et votre micro.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="396" />
      <source>No speakers found — your voice cannot be played back here.</source>
      <translation>Aucun haut-parleur trouvé — votre voix ne peut pas être rejouée ici.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="406" />
      <source>This is how the court hears your voice.</source>
      <translation>Voici comment le tribunal entend votre voix.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="429" />
      <source>Stop</source>
      <translation>Arrêter</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="380" />
      <source>Done. Press “Hear my changed voice”.</source>
      <translation>Terminé. Appuyez sur « Écouter ma voix modifiée ».</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="422" />
      <source>You hear the interpreter, with the court room quietly underneath.</source>
      <translation>Vous entendez l'interprète, avec la salle d'audience en fond sonore discret.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="423" />
      <source>You hear the court room.</source>
      <translation>Vous entendez la salle d'audience.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="425" />
      <source>No speakers found — the court's sound cannot be played here.</source>
      <translation>Aucun haut-parleur trouvé — le son du tribunal ne peut pas être diffusé ici.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/rehearsal.py" line="375" />
      <source>Recording… ({seconds:.0f} s)</source>
      <translation>Enregistrement… ({seconds:.0f} s)</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="87" />
      <source>The judge</source>
      <translation>Le juge</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="75" />
      <source>Nobody in court yet — the hearing has not started.</source>
      <translation>Personne au tribunal pour l'instant — l'audience n'a pas commencé.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="83" />
      <source>Nobody except your support person. The court sees a curtain and hears nothing.</source>
      <translation>Personne, sauf votre personne de soutien. Le tribunal voit un rideau et n'entend rien.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="85" />
      <source>Nobody. The hearing has finished. Thank you.</source>
      <translation>Personne. L'audience est terminée. Merci.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="99" />
      <source>The lawyers, the clerk and interpreters see you with your face covered and hear a changed voice.</source>
      <translation>Les avocats, le greffier et les interprètes vous voient le visage masqué et entendent une voix modifiée.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="109" />
      <source>The accused cannot see you.</source>
      <translation>L'accusé ne peut pas vous voir.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="112" />
      <source>This is being recorded for the court.</source>
      <translation>Ceci est enregistré pour le tribunal.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="112" />
      <source>Nothing is being recorded.</source>
      <translation>Rien n'est enregistré.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="368" />
      <source>Testimony Shield — Witness</source>
      <translation>Testimony Shield — Témoin</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="369" />
      <source>Screen language</source>
      <translation>Langue de l'écran</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="371" />
      <source>Changes the language of this screen</source>
      <translation>Change la langue de cet écran</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="372" />
      <source>I listen to</source>
      <translation>J'écoute</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="376" />
      <source>Smaller text</source>
      <translation>Texte plus petit</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="378" />
      <source>Makes the text of this screen smaller</source>
      <translation>Rend le texte de cet écran plus petit</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="379" />
      <source>Larger text</source>
      <translation>Texte plus grand</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="381" />
      <source>Makes the text of this screen larger</source>
      <translation>Rend le texte de cet écran plus grand</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="382" />
      <source>High contrast</source>
      <translation>Contraste élevé</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="384" />
      <source>White and yellow on black, easier to read</source>
      <translation>Blanc et jaune sur noir, plus facile à lire</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="385" />
      <source>Speaking to you</source>
      <translation>Vous parle</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="386" />
      <source>Person speaking to you</source>
      <translation>Personne qui vous parle</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="387" />
      <source>How the court sees you</source>
      <translation>Comment le tribunal vous voit</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="388" />
      <source>Your picture will appear here, with your face covered.</source>
      <translation>Votre image apparaîtra ici, avec le visage masqué.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="389" />
      <source>Your own picture, masked as the court sees it</source>
      <translation>Votre propre image, masquée comme le tribunal la voit</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="390" />
      <source>Who can see and hear me now</source>
      <translation>Qui peut me voir et m'entendre maintenant</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="395" />
      <source>Stops the court seeing and hearing you at once. Shortcut: B or Space.</source>
      <translation>Le tribunal cesse aussitôt de vous voir et de vous entendre. Raccourci : B ou Espace.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="396" />
      <source>Press at any time. You do not have to say why. (B or Space)</source>
      <translation>Appuyez à tout moment. Vous n'avez pas à dire pourquoi. (B ou Espace)</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="400" />
      <source>Try your camera, your microphone and the break button. Nothing is recorded.</source>
      <translation>Essayez votre caméra, votre micro et le bouton de pause. Rien n'est enregistré.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="402" />
      <source>Nobody in court can see or hear you now.

Breathe in slowly for four… and out for six.
Notice five things you can see around you.

Take as long as you need.</source>
      <translation>Personne au tribunal ne peut vous voir ni vous entendre maintenant.

Inspirez lentement sur quatre temps… et expirez sur six.
Remarquez cinq choses que vous voyez autour de vous.

Prenez tout le temps qu'il vous faut.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="404" />
      <source>Time on break</source>
      <translation>Durée de la pause</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="408" />
      <source>The person speaking to you appears here.</source>
      <translation>La personne qui vous parle apparaît ici.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="413" />
      <source>Ends your break. The court sees and hears you again.</source>
      <translation>Termine votre pause. Le tribunal vous voit et vous entend à nouveau.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="657" />
      <source>The hearing has finished. Thank you.</source>
      <translation>L'audience est terminée. Merci.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="102" />
      <source>The lawyers, the clerk and interpreters see you with your face covered and hear your own voice.</source>
      <translation>Les avocats, le greffier et les interprètes vous voient le visage masqué et entendent votre propre voix.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="541" />
      <source>Welcome. Take your time.</source>
      <translation>Bienvenue. Prenez votre temps.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="542" />
      <source>Nobody yet — the hearing has not started.</source>
      <translation>Personne pour l'instant — l'audience n'a pas commencé.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="89" />
      <source>{judge} (the judge) sees your face and hears your own voice.</source>
      <translation>{judge} (le juge) voit votre visage et entend votre propre voix.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="105" />
      <source>The lawyers, the clerk and interpreters see your face and hear a changed voice.</source>
      <translation>Les avocats, le greffier et les interprètes voient votre visage et entendent une voix modifiée.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="107" />
      <source>The lawyers, the clerk and interpreters see your face and hear your own voice.</source>
      <translation>Les avocats, le greffier et les interprètes voient votre visage et entendent votre propre voix.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="111" />
      <source>{support} (your support person) is with you.</source>
      <translation>{support} (votre personne de soutien) est avec vous.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="81" />
      <source>Nobody except {support}, your support person. The court sees a curtain and hears nothing.</source>
      <translation>Personne, sauf {support}, votre personne de soutien. Le tribunal voit un rideau et n'entend rien.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="91" />
      <source>{judge} (the judge) sees you with your face covered and hears a changed voice.</source>
      <translation>{judge} (le juge) vous voit le visage masqué et entend une voix modifiée.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="664" />
      <source>The recording for the court is saved. (For the court's staff: {where})</source>
      <translation>L’enregistrement destiné au tribunal est sauvegardé. (Pour le personnel du tribunal : {where})</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="94" />
      <source>{judge} (the judge) sees you with your face covered and hears your own voice.</source>
      <translation>{judge} (le juge) vous voit le visage masqué et entend votre propre voix.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="97" />
      <source>{judge} (the judge) sees your face and hears a changed voice.</source>
      <translation>{judge} (le juge) voit votre visage et entend une voix modifiée.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="537" />
      <source>Welcome, {name}. Take your time.</source>
      <translation>Bienvenue, {name}. Prenez votre temps.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="533" />
      <source>Judge — {judge}
(speaking)</source>
      <translation>Juge — {judge}
(parle)</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="608" />
      <source>This invitation cannot be used. Please ask the court to send a new one.</source>
      <translation>Cette invitation ne peut pas être utilisée. Demandez au tribunal de vous en envoyer une nouvelle.</translation>
    </message>
    <message>
      <location filename="../../ui/witness/station.py" line="612" />
      <source>This station could not start the hearing. Please tell your support person.</source>
      <translation>Ce poste n’a pas pu démarrer l’audience. Dites-le à votre personne de soutien.</translation>
    </message>
  </context>
</TS>
