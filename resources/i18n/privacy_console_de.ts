<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
  <context>
    <name>About</name>
    <message>
      <location filename="../../ui/dialogs/about.py" line="33" />
      <source>Built with</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/about.py" line="29" />
      <source>Database</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/about.py" line="32" />
      <source>Licence</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/about.py" line="31" />
      <source>Organisation</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/about.py" line="30" />
      <source>Policy catalogue</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/about.py" line="28" />
      <source>Version</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/about.py" line="30" />
      <source>{0}(version {1}) from {2}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>AboutDialog</name>
    <message>
      <location filename="../../ui/dialogs/about.py" line="46" />
      <source>About Privacy Console</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/about.py" line="53" />
      <source>Data-subject requests with their legal deadlines, identity checks, signed answers and the breach log.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Access</name>
    <message>
      <location filename="../../ui/context.py" line="119" />
      <source>Needs the role {roles}; you are signed in as {role}.</source>
      <translation>Erfordert die Rolle {roles}; Sie sind angemeldet als {role}.</translation>
    </message>
    <message>
      <location filename="../../ui/context.py" line="96" />
      <source>administrator</source>
      <translation>Administrator</translation>
    </message>
    <message>
      <location filename="../../ui/context.py" line="98" />
      <source>analyst</source>
      <translation>Sachbearbeitung</translation>
    </message>
    <message>
      <location filename="../../ui/context.py" line="99" />
      <source>auditor</source>
      <translation>Prüfer</translation>
    </message>
    <message>
      <location filename="../../ui/context.py" line="97" />
      <source>data protection officer</source>
      <translation>Datenschutzbeauftragte</translation>
    </message>
    <message>
      <location filename="../../ui/context.py" line="95" />
      <source>owner</source>
      <translation>Eigentümer</translation>
    </message>
    <message>
      <location filename="../../ui/context.py" line="86" />
      <source>{0} ({1})</source>
      <translation>{0} ({1})</translation>
    </message>
    <message>
      <location filename="../../ui/context.py" line="112" />
      <source>{0} or {1}</source>
      <translation>{0} oder {1}</translation>
    </message>
    <message>
      <location filename="../../ui/context.py" line="117" />
      <source>{what} needs the role {roles}; you are signed in as {role}.</source>
      <translation>{what} erfordert die Rolle {roles}; Sie sind angemeldet als {role}.</translation>
    </message>
  </context>
  <context>
    <name>AccountDialog</name>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="70" />
      <source>Add account</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="105" />
      <source>Create administrator</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="70" />
      <source>Create the first administrator</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="94" />
      <source>Full name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="97" />
      <source>New password</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="71" />
      <source>New password for {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="97" />
      <source>Password</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="98" />
      <source>Repeat it</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="96" />
      <source>Role</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="106" />
      <source>Set password</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="124" />
      <source>The two passwords differ; type the same password twice.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="92" />
      <source>User name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="87" />
      <source>at least {0} characters; a short phrase is easiest</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="80" />
      <source>e.g. Jo Lindahl</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="77" />
      <source>e.g. jo.lindahl</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ActivityTab</name>
    <message>
      <location filename="../../ui/request/activity.py" line="18" />
      <source>Detail</source>
      <translation>Einzelheiten</translation>
    </message>
    <message>
      <location filename="../../ui/request/activity.py" line="18" />
      <source>What</source>
      <translation>Was</translation>
    </message>
    <message>
      <location filename="../../ui/request/activity.py" line="18" />
      <source>When</source>
      <translation>Wann</translation>
    </message>
    <message>
      <location filename="../../ui/request/activity.py" line="18" />
      <source>Who</source>
      <translation>Wer</translation>
    </message>
  </context>
  <context>
    <name>App</name>
    <message>
      <location filename="../../ui/app.py" line="209" />
      <source>The database {0} is empty. Fill it with {1} demo requests to try the console?</source>
      <translation>Die Datenbank {0} ist leer. Mit {1} Demo-Anträgen füllen, um die Konsole auszuprobieren?</translation>
    </message>
  </context>
  <context>
    <name>AssessDialog</name>
    <message>
      <location filename="../../ui/incidents/actions.py" line="84" />
      <source>A risk assessment needs its reasoning (what makes the risk high, low or absent).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="52" />
      <source>Assess the risk of {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="70" />
      <source>Consequences</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="53" />
      <source>How likely and how severe is the harm to the people affected? Any risk means reporting to the authority within 72 hours; a high risk also means telling the people. The assessment may change as facts come in.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="62" />
      <source>Likely consequences for the people</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="69" />
      <source>Reasoning</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="80" />
      <source>Report to the authority, and tell the people affected without undue delay (unless an Art. 34(3) ground applies).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="79" />
      <source>Report to the supervisory authority within 72 hours of awareness.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="67" />
      <source>Risk</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="77" />
      <source>Unlikely to result in a risk: record the decision not to notify the authority, with its reasoning.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="60" />
      <source>Why: the data, the people, what could happen to them</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>AssignDialog</name>
    <message>
      <location filename="../../ui/dialogs/reasons.py" line="209" />
      <source>(nobody)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/reasons.py" line="202" />
      <source>Assign request</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/reasons.py" line="211" />
      <source>Assign to</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/reasons.py" line="202" />
      <source>Assign {0} requests</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Audit</name>
    <message>
      <location filename="../../ui/audit/__init__.py" line="21" />
      <source>Audit trail</source>
      <translation>Prüfprotokoll</translation>
    </message>
    <message>
      <location filename="../../ui/audit/view.py" line="369" />
      <source>The audit trail records every read of a person's data, every change and every sign-in. It is open to the roles {roles}; you are signed in as {role}.</source>
      <translation>Das Prüfprotokoll hält jedes Lesen personenbezogener Daten, jede Änderung und jede Anmeldung fest. Es steht den Rollen {roles} offen; Sie sind angemeldet als {role}.</translation>
    </message>
    <message>
      <location filename="../../ui/audit/view.py" line="364" />
      <source>administrator</source>
      <translation>Administrator</translation>
    </message>
    <message>
      <location filename="../../ui/audit/view.py" line="365" />
      <source>analyst</source>
      <translation>Sachbearbeitung</translation>
    </message>
    <message>
      <location filename="../../ui/audit/view.py" line="365" />
      <source>auditor</source>
      <translation>Prüfer</translation>
    </message>
    <message>
      <location filename="../../ui/audit/view.py" line="364" />
      <source>data protection officer</source>
      <translation>Datenschutzbeauftragte</translation>
    </message>
    <message>
      <location filename="../../ui/audit/view.py" line="365" />
      <source>owner</source>
      <translation>Eigentümer</translation>
    </message>
    <message>
      <location filename="../../ui/audit/view.py" line="371" />
      <source>{0} or {1}</source>
      <translation>{0} oder {1}</translation>
    </message>
  </context>
  <context>
    <name>AuditList</name>
    <message>
      <location filename="../../ui/audit/view.py" line="340" />
      <source>No entries match these filters.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/audit/view.py" line="344" />
      <source>Showing {0} of {1} entries (scroll for more)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/audit/view.py" line="345" />
      <source>times in {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/audit/view.py" line="342" />
      <source>{0} entries</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/audit/view.py" line="338" />
      <source>{0} entries loaded</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/audit/view.py" line="342" />
      <source>{0} entry</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>AuditModel</name>
    <message>
      <location filename="../../ui/audit/model.py" line="53" />
      <source>Action</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/audit/model.py" line="54" />
      <source>Detail</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/audit/model.py" line="53" />
      <source>No.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/audit/model.py" line="53" />
      <source>Target</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/audit/model.py" line="53" />
      <source>Time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/audit/model.py" line="69" />
      <source>Times in {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/audit/model.py" line="53" />
      <source>User</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>AuditPage</name>
    <message>
      <location filename="../../ui/audit/view.py" line="121" />
      <source>A request reference, or type:id for other targets (user:jo)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/audit/view.py" line="116" />
      <source>Action</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/audit/view.py" line="117" />
      <source>An action (package.build) or, ending in a dot, every action of a kind (auth. = every sign-in event)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/audit/view.py" line="115" />
      <source>Any action</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/audit/view.py" line="106" />
      <source>Any user</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/audit/view.py" line="126" />
      <source>Apply</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/audit/view.py" line="77" />
      <source>Audit trail</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/audit/view.py" line="292" />
      <source>CSV files (*.csv)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/audit/view.py" line="128" />
      <source>Clear</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/audit/view.py" line="170" />
      <source>Double-click an entry to show the trail from it</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/audit/view.py" line="274" />
      <source>Entry #{0}: {1}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/audit/view.py" line="79" />
      <source>Every read of a person's data, every change, export, signature and sign-in, newest first. Each entry is chained to the one before it, so a changed, deleted or inserted entry is found by Verify chain. Double-click a user, action or target to filter by it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/audit/view.py" line="92" />
      <source>Export CSV…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/audit/view.py" line="291" />
      <source>Export the audit trail</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/audit/view.py" line="124" />
      <source>From</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/audit/view.py" line="120" />
      <source>Reference or type:id</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/audit/view.py" line="96" />
      <source>Refresh</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/audit/view.py" line="122" />
      <source>Target</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/audit/view.py" line="269" />
      <source>The audit trail fails verification: {0} problem(s) among {1} entries. Each entry named below was changed, deleted or inserted outside the console. Double-click one to show it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/audit/view.py" line="265" />
      <source>The chain is intact: {n} entries checked in {s:.2f} s; the newest is {head}. No entry was changed, deleted or inserted.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/audit/view.py" line="125" />
      <source>Until</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/audit/view.py" line="107" />
      <source>User</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/audit/view.py" line="89" />
      <source>Verify chain</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/audit/view.py" line="244" />
      <source>Verifying the chain…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/audit/view.py" line="90" />
      <source>Walk the whole hash chain and name every entry that was tampered with</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/audit/view.py" line="93" />
      <source>Write the entries that match the filters, oldest first, with their hashes (the export itself is recorded)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/audit/view.py" line="296" />
      <source>Writing the audit trail to {0}…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/audit/view.py" line="301" />
      <source>{0} entries written to {1}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>BuiltDialog</name>
    <message>
      <location filename="../../ui/package/dialogs.py" line="153" />
      <source>Copy hash</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="142" />
      <source>Files</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="135" />
      <source>Folder</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="136" />
      <source>Letter</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="137" />
      <source>Manifest hash</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="150" />
      <source>Open folder</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="126" />
      <source>Package built</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="141" />
      <source>Pages</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="144" />
      <source>Records</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="145" />
      <source>Send the package to the person, then record it here with Mark as sent. The manifest hash is stored with the request: it proves later what was sent.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="140" />
      <source>Signed at</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="139" />
      <source>Signed by</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="129" />
      <source>The package for {ref} is built and signed: {kind}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="131" />
      <source>The package for {ref} is built as an unsigned draft: {kind}. Do not send it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="155" />
      <source>Verify</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="142" />
      <source>{0} files, {1}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Builtins</name>
    <message>
      <location filename="../../ui/builtins.py" line="118" />
      <source>Activity</source>
      <translation>Verlauf</translation>
    </message>
    <message>
      <location filename="../../ui/builtins.py" line="111" />
      <source>Dashboard</source>
      <translation>Übersicht</translation>
    </message>
    <message>
      <location filename="../../ui/builtins.py" line="114" />
      <source>Data</source>
      <translation>Daten</translation>
    </message>
    <message>
      <location filename="../../ui/builtins.py" line="54" />
      <source>Incidents</source>
      <translation>Vorfälle</translation>
    </message>
    <message>
      <location filename="../../ui/builtins.py" line="112" />
      <source>Overview</source>
      <translation>Überblick</translation>
    </message>
    <message>
      <location filename="../../ui/builtins.py" line="116" />
      <source>Package</source>
      <translation>Paket</translation>
    </message>
    <message>
      <location filename="../../ui/builtins.py" line="117" />
      <source>Person</source>
      <translation>Person</translation>
    </message>
    <message>
      <location filename="../../ui/builtins.py" line="115" />
      <source>Processing</source>
      <translation>Verarbeitung</translation>
    </message>
    <message>
      <location filename="../../ui/builtins.py" line="55" />
      <source>The breach-incident log arrives with the incidents feature: real incidents and response drills, the 72-hour clock to notify the supervisory authority, and the timeline of each incident.</source>
      <translation>Das Verzeichnis der Datenschutzverletzungen kommt mit der Vorfall-Funktion: echte Vorfälle und Übungen, die 72-Stunden-Frist zur Meldung an die Aufsichtsbehörde und der Zeitverlauf jedes Vorfalls.</translation>
    </message>
    <message>
      <location filename="../../ui/builtins.py" line="88" />
      <source>The response package (build, preview, sign and export the answer to the person) arrives with the packages feature.</source>
      <translation>Das Antwortpaket (die Antwort an die Person erstellen, ansehen, signieren und exportieren) kommt mit der Paket-Funktion.</translation>
    </message>
    <message>
      <location filename="../../ui/builtins.py" line="113" />
      <source>Verification</source>
      <translation>Prüfung</translation>
    </message>
  </context>
  <context>
    <name>Catalogue</name>
    <message>
      <source>Account authentication</source>
      <translation>Kontoanmeldung</translation>
    </message>
    <message>
      <source>Account data</source>
      <translation>Kontodaten</translation>
    </message>
    <message>
      <source>Account verification</source>
      <translation>Kontoprüfung</translation>
    </message>
    <message>
      <source>CCPA: 45 calendar days</source>
      <translation>CCPA: 45 Kalendertage</translation>
    </message>
    <message>
      <source>CCPA: access to collected information</source>
      <translation>CCPA: Auskunft über erhobene Informationen</translation>
    </message>
    <message>
      <source>CCPA: act on an opt-out within 15 business days</source>
      <translation>CCPA: Widerspruch binnen 15 Arbeitstagen umsetzen</translation>
    </message>
    <message>
      <source>CCPA: confirm receipt within 10 business days</source>
      <translation>CCPA: Eingang binnen 10 Arbeitstagen bestätigen</translation>
    </message>
    <message>
      <source>CCPA: non-discrimination</source>
      <translation>CCPA: Nichtdiskriminierung</translation>
    </message>
    <message>
      <source>CCPA: opt out of sale</source>
      <translation>CCPA: Widerspruch gegen Verkauf</translation>
    </message>
    <message>
      <source>CCPA: right to delete</source>
      <translation>CCPA: Recht auf Löschung</translation>
    </message>
    <message>
      <source>CCPA: right to know</source>
      <translation>CCPA: Recht auf Auskunft</translation>
    </message>
    <message>
      <source>COPPA: parental access</source>
      <translation>COPPA: Auskunft für Eltern</translation>
    </message>
    <message>
      <source>COPPA: parental consent</source>
      <translation>COPPA: elterliche Einwilligung</translation>
    </message>
    <message>
      <source>California (CCPA/CPRA)</source>
      <translation>Kalifornien (CCPA/CPRA)</translation>
    </message>
    <message>
      <source>Communication data</source>
      <translation>Kommunikationsdaten</translation>
    </message>
    <message>
      <source>Company policy: 15 days</source>
      <translation>Unternehmensrichtlinie: 15 Tage</translation>
    </message>
    <message>
      <source>Company policy: 30 days</source>
      <translation>Unternehmensrichtlinie: 30 Tage</translation>
    </message>
    <message>
      <source>Company policy: 48 hours</source>
      <translation>Unternehmensrichtlinie: 48 Stunden</translation>
    </message>
    <message>
      <source>Company policy: 7 days</source>
      <translation>Unternehmensrichtlinie: 7 Tage</translation>
    </message>
    <message>
      <source>Elsewhere (company policy only)</source>
      <translation>Anderswo (nur Unternehmensrichtlinie)</translation>
    </message>
    <message>
      <source>European Union (GDPR)</source>
      <translation>Europäische Union (DSGVO)</translation>
    </message>
    <message>
      <source>Format specifications</source>
      <translation>Formatangaben</translation>
    </message>
    <message>
      <source>GDPR Art. 12(3): one month</source>
      <translation>DSGVO Art. 12 Abs. 3: ein Monat</translation>
    </message>
    <message>
      <source>Government-issued identification</source>
      <translation>Amtlicher Ausweis</translation>
    </message>
    <message>
      <source>Identity verification</source>
      <translation>Identitätsprüfung</translation>
    </message>
    <message>
      <source>Password confirmation</source>
      <translation>Passwortbestätigung</translation>
    </message>
    <message>
      <source>Preference data</source>
      <translation>Präferenzdaten</translation>
    </message>
    <message>
      <source>Privacy inquiry</source>
      <translation>Datenschutzanfrage</translation>
    </message>
    <message>
      <source>Processing purpose confirmation</source>
      <translation>Bestätigung des Verarbeitungszwecks</translation>
    </message>
    <message>
      <source>Profile data</source>
      <translation>Profildaten</translation>
    </message>
    <message>
      <source>Proof of address</source>
      <translation>Adressnachweis</translation>
    </message>
    <message>
      <source>Right to access</source>
      <translation>Recht auf Auskunft</translation>
    </message>
    <message>
      <source>Right to data portability</source>
      <translation>Recht auf Datenübertragbarkeit</translation>
    </message>
    <message>
      <source>Right to data protection guarantees</source>
      <translation>Recht auf Datenschutzgarantien</translation>
    </message>
    <message>
      <source>Right to erasure</source>
      <translation>Recht auf Löschung</translation>
    </message>
    <message>
      <source>Right to information about transfers</source>
      <translation>Recht auf Information über Übermittlungen</translation>
    </message>
    <message>
      <source>Right to object to transfers</source>
      <translation>Recht auf Widerspruch gegen Übermittlungen</translation>
    </message>
    <message>
      <source>Right to rectification</source>
      <translation>Recht auf Berichtigung</translation>
    </message>
    <message>
      <source>Right to restrict processing</source>
      <translation>Recht auf Einschränkung der Verarbeitung</translation>
    </message>
    <message>
      <source>Right to withdraw consent</source>
      <translation>Recht auf Widerruf der Einwilligung</translation>
    </message>
    <message>
      <source>Service data</source>
      <translation>Dienstdaten</translation>
    </message>
    <message>
      <source>Specific correction details</source>
      <translation>Angaben zur Berichtigung</translation>
    </message>
    <message>
      <source>Specific restriction parameters</source>
      <translation>Angaben zur Einschränkung</translation>
    </message>
    <message>
      <source>Supporting documentation</source>
      <translation>Belege</translation>
    </message>
    <message>
      <source>Technical data</source>
      <translation>Technische Daten</translation>
    </message>
    <message>
      <source>Transaction data</source>
      <translation>Transaktionsdaten</translation>
    </message>
    <message>
      <source>Transfer destination details</source>
      <translation>Angaben zum Übermittlungsziel</translation>
    </message>
    <message>
      <source>United Kingdom (UK GDPR)</source>
      <translation>Vereinigtes Königreich (UK GDPR)</translation>
    </message>
    <message>
      <source>United States (COPPA)</source>
      <translation>Vereinigte Staaten (COPPA)</translation>
    </message>
    <message>
      <source>Usage data</source>
      <translation>Nutzungsdaten</translation>
    </message>
    <message>
      <source>Verification for data-related requests</source>
      <translation>Prüfung bei datenbezogenen Anträgen</translation>
    </message>
    <message>
      <source>Written confirmation of intent</source>
      <translation>Schriftliche Bestätigung der Absicht</translation>
    </message>
  </context>
  <context>
    <name>CertificatePage</name>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="270" />
      <source>Again (new certificate)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="289" />
      <source>Certificate</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="252" />
      <source>Choose…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="242" />
      <source>Create a trial certificate (self-signed: fine for trying the console, not trusted by recipients)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="249" />
      <source>Data Protection Team</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="261" />
      <source>Email</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="267" />
      <source>File</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="241" />
      <source>Later</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="281" />
      <source>Needs an OS keyring to keep the passphrase (see the first page).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="289" />
      <source>PKCS#12 (*.p12 *.pfx)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="269" />
      <source>Passphrase</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="238" />
      <source>Response letters are signed (PAdES) with the organisation's certificate. Set it up now or later in Settings, Signing certificate.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="260" />
      <source>Signer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="237" />
      <source>Signing the answers</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="301" />
      <source>The two passphrases differ.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="299" />
      <source>Type the certificate's passphrase.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="244" />
      <source>Use the organisation's certificate (a PKCS#12 file, .p12 or .pfx)</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ClockBadge</name>
    <message>
      <location filename="../../ui/incidents/widgets.py" line="53" />
      <source>Authority clock stopped</source>
      <translation>Behördenfrist angehalten</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/widgets.py" line="59" />
      <source>Authority report: {0}</source>
      <translation>Meldung an die Behörde: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/widgets.py" line="51" />
      <source>Clock stopped</source>
      <translation>Frist angehalten</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/widgets.py" line="50" />
      <source>Drill finished</source>
      <translation>Übung beendet</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/widgets.py" line="56" />
      <source>Notified {0} late</source>
      <translation>{0} zu spät gemeldet</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/widgets.py" line="61" />
      <source>{0} late</source>
      <translation>{0} zu spät</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/widgets.py" line="63" />
      <source>{0} left</source>
      <translation>noch {0}</translation>
    </message>
  </context>
  <context>
    <name>CompleteDialog</name>
    <message>
      <location filename="../../ui/dialogs/reasons.py" line="153" />
      <source>Complete</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/reasons.py" line="153" />
      <source>Complete without sending</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/reasons.py" line="145" />
      <source>Complete {0}?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/reasons.py" line="140" />
      <source>No response has been sent to {name} yet. Completing {ref} now closes it without an answer: its clock stops and it leaves the open queues. To answer first, build the package on the Package tab and press Mark as sent.

To close it anyway, say why no answer is sent; the reason is recorded with the request.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/reasons.py" line="150" />
      <source>Why no answer is sent</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/reasons.py" line="147" />
      <source>e.g. answered in person; the person asked for no written answer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/reasons.py" line="136" />
      <source>{ref} closes as answered: its clock stops and it leaves the open queues. The response went to {name} on {sent}. It can be reopened later, with a reason.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>DashboardPage</name>
    <message>
      <location filename="../../ui/dashboard/view.py" line="239" />
      <source>@value d</source>
      <translation>@value Tage</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/view.py" line="174" />
      <source>As of {0} ({1})</source>
      <translation>Stand {0} ({1})</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/view.py" line="302" />
      <source>CSV files (*.csv)</source>
      <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/view.py" line="265" />
      <source>Closed</source>
      <translation>Abgeschlossen</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/view.py" line="166" />
      <source>Could not count the figures.</source>
      <translation>Die Zahlen konnten nicht gezählt werden.</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/view.py" line="152" />
      <source>Counting…</source>
      <translation>Wird gezählt…</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/view.py" line="74" />
      <source>Dashboard</source>
      <translation>Übersicht</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/view.py" line="93" />
      <source>Due soon (today included)</source>
      <translation>Bald fällig (einschließlich heute)</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/view.py" line="251" />
      <source>Due soon, after today</source>
      <translation>Bald fällig, nach heute</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/view.py" line="92" />
      <source>Due today</source>
      <translation>Heute fällig</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/view.py" line="79" />
      <source>Export CSV…</source>
      <translation>CSV exportieren…</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/view.py" line="301" />
      <source>Export the dashboard figures</source>
      <translation>Die Zahlen der Übersicht exportieren</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/view.py" line="312" />
      <source>Exported</source>
      <translation>Exportiert</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/view.py" line="119" />
      <source>Loading…</source>
      <translation>Wird geladen…</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/view.py" line="239" />
      <source>Median days to close (last 12 months)</source>
      <translation>Median der Tage bis zum Abschluss (letzte 12 Monate)</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/view.py" line="89" />
      <source>Open requests</source>
      <translation>Offene Anträge</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/view.py" line="242" />
      <source>Open requests by deadline state</source>
      <translation>Offene Anträge nach Fristenstand</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/view.py" line="233" />
      <source>Open requests by right</source>
      <translation>Offene Anträge nach Recht</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/view.py" line="90" />
      <source>Overdue</source>
      <translation>Überfällig</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/view.py" line="91" />
      <source>Overdue rate (of open)</source>
      <translation>Anteil überfällig (der offenen)</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/view.py" line="94" />
      <source>Paused (clock stopped)</source>
      <translation>Angehalten (Frist ruht)</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/view.py" line="264" />
      <source>Received</source>
      <translation>Eingegangen</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/view.py" line="78" />
      <source>Refresh</source>
      <translation>Aktualisieren</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/view.py" line="263" />
      <source>Requests received and closed per week</source>
      <translation>Eingegangene und abgeschlossene Anträge pro Woche</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/view.py" line="312" />
      <source>The figures were saved to {0}.</source>
      <translation>Die Zahlen wurden in {0} gespeichert.</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/view.py" line="279" />
      <source>Week starting</source>
      <translation>Woche ab</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/view.py" line="194" />
      <source>{0} other rights</source>
      <translation>{0} weitere Rechte</translation>
    </message>
  </context>
  <context>
    <name>DataTab</name>
    <message>
      <location filename="../../ui/request/data.py" line="70" />
      <source>Add records from a CSV or JSON export of a company system</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/data.py" line="98" />
      <source>Adding a person's data</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/data.py" line="222" />
      <source>Asking the data sources about {0}…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/data.py" line="82" />
      <source>Category</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/data.py" line="208" />
      <source>Exports (*.csv *.json);;All files (*)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/data.py" line="71" />
      <source>Fetch from data sources</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/data.py" line="82" />
      <source>Gathered</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/data.py" line="69" />
      <source>Import file…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/data.py" line="207" />
      <source>Import subject data</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/data.py" line="156" />
      <source>Loading…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/data.py" line="237" />
      <source>No data source holds records for this person (asked: {0}). Check the email address and account id on the Overview tab, or press Import file… to add an export by hand.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/data.py" line="183" />
      <source>No records yet: press Import file… or Fetch from data sources.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/data.py" line="232" />
      <source>Not reached:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/data.py" line="237" />
      <source>Nothing found</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/data.py" line="119" />
      <source>Opening a person's data</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/data.py" line="72" />
      <source>Query every configured data source for this person</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/data.py" line="82" />
      <source>Record</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/data.py" line="129" />
      <source>Records gathered for this request, by category. Opening them is recorded in the audit trail.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/data.py" line="234" />
      <source>Some sources failed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/data.py" line="82" />
      <source>Source</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/data.py" line="102" />
      <source>Subject data arrives with the data-sources feature. The categories this request covers, and where the policy says each comes from:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/data.py" line="236" />
      <source>no source</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/data.py" line="194" />
      <source>not gathered yet</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/data.py" line="176" />
      <source>{0} record</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/data.py" line="229" />
      <source>{0} record gathered.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/data.py" line="177" />
      <source>{0} records</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/data.py" line="229" />
      <source>{0} records gathered.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>DatabasePage</name>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="110" />
      <source>A local database with demo data: {0} invented requests to explore (on this computer)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="112" />
      <source>An empty local database: start with your own requests</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="161" />
      <source>Connected to {0}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="153" />
      <source>Connecting…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="120" />
      <source>Either is the file {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="98" />
      <source>First, where the requests and incidents are kept. You can change it later in Settings.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="101" />
      <source>No OS keyring is available on this computer. Without one the console cannot keep secrets: identity evidence files cannot be stored (they are encrypted with a key kept there), the signing passphrase and a server password are not remembered, and you sign in at every start. To get one, install and start a Secret Service in your desktop session (GNOME Keyring: 'sudo apt install gnome-keyring', or KWallet), sign in to the desktop again, then start the console. Secrets are never stored in plain text.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="113" />
      <source>The team's shared PostgreSQL server</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="97" />
      <source>Welcome to Privacy Console</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="124" />
      <source>kept in the OS keyring; empty for a server that asks none</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="125" />
      <source>needs an OS keyring to be kept</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>DateTimeInput</name>
    <message>
      <location filename="../../ui/widgets/datetime_input.py" line="60" />
      <source>Pick a day</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/widgets/datetime_input.py" line="61" />
      <source>Pick the day from a calendar</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/widgets/datetime_input.py" line="52" />
      <source>Type the date and time whole, e.g. 2026-11-15 08:30, or pick the day</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/widgets/datetime_input.py" line="51" />
      <source>YYYY-MM-DD HH:MM</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/widgets/datetime_input.py" line="92" />
      <source>“{0}” is not a whole date and time: type it as YYYY-MM-DD HH:MM, e.g. 2026-11-15 08:30, or pick the day from the calendar.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>DeadlineAlerts</name>
    <message>
      <location filename="../../ui/queue/alerts.py" line="41" />
      <source>Due soon</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/queue/alerts.py" line="37" />
      <source>Overdue</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/queue/alerts.py" line="43" />
      <source>{n} requests are now due soon: {refs}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/queue/alerts.py" line="39" />
      <source>{n} requests are now overdue: {refs}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/queue/alerts.py" line="42" />
      <source>{ref} ({name}) is now due soon.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/queue/alerts.py" line="38" />
      <source>{ref} ({name}) is now overdue.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>DeadlineBadge</name>
    <message>
      <location filename="../../ui/widgets/deadline.py" line="50" />
      <source>{0} late</source>
      <translation>{0} zu spät</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/deadline.py" line="52" />
      <source>{0} left</source>
      <translation>noch {0}</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/deadline.py" line="46" />
      <source>{0} left, clock stopped</source>
      <translation>noch {0}, Frist angehalten</translation>
    </message>
  </context>
  <context>
    <name>DecideDialog</name>
    <message>
      <location filename="../../ui/incidents/actions.py" line="115" />
      <source>Authority</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="99" />
      <source>Decide on notifying — {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="105" />
      <source>Do not notify the authority</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="109" />
      <source>Do not tell the people affected</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="117" />
      <source>Ground</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="103" />
      <source>Leave as it is ({0})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="111" />
      <source>No Art. 34(3) ground</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="104" />
      <source>Notify the supervisory authority</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="116" />
      <source>People affected</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="118" />
      <source>Reasoning</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="114" />
      <source>Reasoning (needed for a decision not to notify)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="100" />
      <source>Risk assessed: {0}. A decision not to notify is kept with its reasoning.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="128" />
      <source>Say what is decided: notify the authority or not, tell the people or not.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="108" />
      <source>Tell the people affected</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>DocumentsTab</name>
    <message>
      <location filename="../../ui/incidents/documents.py" line="193" />
      <source>Assess the risk before writing to the people affected.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/documents.py" line="142" />
      <source>Authority notification (PDF)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/documents.py" line="149" />
      <source>Breach register (CSV)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/documents.py" line="147" />
      <source>Breach register (PDF)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/documents.py" line="223" />
      <source>Building {0}…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/documents.py" line="124" />
      <source>Choose…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/documents.py" line="139" />
      <source>Documents</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/documents.py" line="165" />
      <source>Double-click to open</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/documents.py" line="150" />
      <source>Drill report (PDF)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/documents.py" line="148" />
      <source>Every real breach (Art. 33(5)); drills never appear in it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/documents.py" line="206" />
      <source>No signing certificate is configured (Settings, Signing certificate): documents are saved unsigned.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/documents.py" line="145" />
      <source>Notice to the people (PDF)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/documents.py" line="171" />
      <source>Open folder</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/documents.py" line="213" />
      <source>Save documents into</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/documents.py" line="131" />
      <source>Save into</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/documents.py" line="169" />
      <source>Saved in this session</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/documents.py" line="126" />
      <source>Sign PDFs with the certificate configured for response packages</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/documents.py" line="205" />
      <source>Signed by {0}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/documents.py" line="146" />
      <source>The Art. 34 notice in clear and plain language.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/documents.py" line="149" />
      <source>The same register as a spreadsheet.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/documents.py" line="210" />
      <source>The signing certificate cannot be used: {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/documents.py" line="151" />
      <source>The time to each milestone against its target.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/documents.py" line="143" />
      <source>What GDPR Art. 33(3) asks for: nature, categories and numbers, contact point, likely consequences, measures.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>DrillPill</name>
    <message>
      <location filename="../../ui/incidents/widgets.py" line="84" />
      <source>A response drill: an exercise on the real clocks, never counted in real figures or the register.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/widgets.py" line="86" />
      <source>Drill</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>EntryDialog</name>
    <message>
      <location filename="../../ui/incidents/actions.py" line="270" />
      <source>A timeline entry cannot describe the future.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="268" />
      <source>A timeline entry needs text: what happened, or what was done.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="238" />
      <source>Add to the timeline of {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="242" />
      <source>Correct entry #{0} of {1}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="260" />
      <source>Entry</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="252" />
      <source>Kind</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="263" />
      <source>Text</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="243" />
      <source>The entry stays as it was written; the correction is added after it and says what is right.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="239" />
      <source>What happened or what was done, and when. Entries are kept as written; a mistake is fixed by a correcting entry.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="261" />
      <source>What happened, or what was done</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="262" />
      <source>What is right</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="253" />
      <source>When</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Errors</name>
    <message>
      <location filename="../../ui/errors.py" line="37" />
      <source>Changed by somebody else</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/errors.py" line="105" />
      <source>Copy details</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/errors.py" line="35" />
      <source>Database problem</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/errors.py" line="86" />
      <source>Keep my edits</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/errors.py" line="39" />
      <source>Not done</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/errors.py" line="85" />
      <source>Reload</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/errors.py" line="100" />
      <source>Something went wrong that the console did not expect. Your saved work is safe: every change is written in one transaction or not at all.

{0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/errors.py" line="40" />
      <source>Unexpected error</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ExtendDialog</name>
    <message>
      <location filename="../../ui/dialogs/reasons.py" line="81" />
      <source>An extension must be told to the person, with the reasons, within the first period. The console refuses one the law does not allow.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/reasons.py" line="96" />
      <source>Clock</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/reasons.py" line="97" />
      <source>Extend by</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/reasons.py" line="80" />
      <source>Extend {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/reasons.py" line="99" />
      <source>Person told on</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/reasons.py" line="100" />
      <source>Reason</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/reasons.py" line="95" />
      <source>Why more time is needed (told to the person)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/reasons.py" line="86" />
      <source>{label} (up to {n} {unit})</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>FilterBar</name>
    <message>
      <location filename="../../ui/queue/view.py" line="70" />
      <source>All requests</source>
      <translation>Alle Anträge</translation>
    </message>
    <message>
      <location filename="../../ui/queue/view.py" line="52" />
      <source>All rights</source>
      <translation>Alle Rechte</translation>
    </message>
    <message>
      <location filename="../../ui/queue/view.py" line="67" />
      <source>Any deadline</source>
      <translation>Jede Frist</translation>
    </message>
    <message>
      <location filename="../../ui/queue/view.py" line="56" />
      <source>Any status</source>
      <translation>Jeder Status</translation>
    </message>
    <message>
      <location filename="../../ui/queue/view.py" line="62" />
      <source>Anyone</source>
      <translation>Alle</translation>
    </message>
    <message>
      <location filename="../../ui/queue/view.py" line="75" />
      <source>Clear</source>
      <translation>Zurücksetzen</translation>
    </message>
    <message>
      <location filename="../../ui/queue/view.py" line="76" />
      <source>Clear the search and every filter</source>
      <translation>Suche und alle Filter zurücksetzen</translation>
    </message>
    <message>
      <location filename="../../ui/queue/view.py" line="71" />
      <source>Search every request, open and closed, not only the queue on show</source>
      <translation>Alle Anträge durchsuchen, offene und abgeschlossene, nicht nur die angezeigte Warteschlange</translation>
    </message>
    <message>
      <location filename="../../ui/queue/view.py" line="49" />
      <source>Search reference, name or email  (Ctrl+F)</source>
      <translation>Aktenzeichen, Name oder E-Mail suchen  (Strg+F)</translation>
    </message>
    <message>
      <location filename="../../ui/queue/view.py" line="63" />
      <source>Unassigned</source>
      <translation>Nicht zugewiesen</translation>
    </message>
  </context>
  <context>
    <name>FirstRunWizard</name>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="348" />
      <source>Creating the database and adding {0} demo requests…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="349" />
      <source>Setting up…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="333" />
      <source>Start</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="322" />
      <source>Welcome to Privacy Console</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Import</name>
    <message>
      <location filename="../../ui/dialogs/import_requests.py" line="78" />
      <source>Import finished</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/import_requests.py" line="61" />
      <source>Import requests</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/import_requests.py" line="74" />
      <source>Imported {0} request.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/import_requests.py" line="74" />
      <source>Imported {0} requests.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/import_requests.py" line="86" />
      <source>Importing requests…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/import_requests.py" line="62" />
      <source>Web-form exports (*.csv *.json);;All files (*)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/import_requests.py" line="76" />
      <source>{0} are possible duplicates of open requests and are flagged in their history.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ImportProblemsDialog</name>
    <message>
      <location filename="../../ui/dialogs/import_requests.py" line="49" />
      <source>Copy the list</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/import_requests.py" line="47" />
      <source>Line {0}: {1}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/import_requests.py" line="38" />
      <source>Nothing was imported</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/import_requests.py" line="40" />
      <source>{0} of {1} lines cannot be imported, so nothing was. Fix these lines and import the file again:</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>IncidentAlerts</name>
    <message>
      <location filename="../../ui/incidents/alerts.py" line="49" />
      <source>Authority report due soon</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/alerts.py" line="46" />
      <source>Authority report overdue</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/alerts.py" line="47" />
      <source>{n} incidents are past the 72-hour deadline: {refs}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/alerts.py" line="50" />
      <source>{n} incidents must be reported to the authority soon: {refs}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/alerts.py" line="64" />
      <source>{ref} ({title}): report to the authority within {left}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/alerts.py" line="62" />
      <source>{ref} ({title}): the 72-hour deadline passed {late} ago; report it with the reasons for the delay.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>IncidentDocuments</name>
    <message>
      <location filename="../../ui/incidents/documents.py" line="83" />
      <source>The folder {0} does not exist; choose another one.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/documents.py" line="85" />
      <source>The folder {0} is not writable; choose another one.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/documents.py" line="107" />
      <source>{0} could not be written: {1}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>IncidentFilters</name>
    <message>
      <location filename="../../ui/incidents/listing.py" line="57" />
      <source>Any risk</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/listing.py" line="53" />
      <source>Any status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/listing.py" line="62" />
      <source>Response drills run on the same clocks; show them, hide them, or only them</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/listing.py" line="45" />
      <source>Search reference or title</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/listing.py" line="61" />
      <source>Which incidents</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>IncidentList</name>
    <message>
      <location filename="../../ui/incidents/listing.py" line="92" />
      <source>Log a breach: the 72-hour clock starts when the organisation became aware</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/listing.py" line="90" />
      <source>New incident…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/listing.py" line="128" />
      <source>No incident matches the search and filters.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/listing.py" line="128" />
      <source>No incidents in this list.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/listing.py" line="95" />
      <source>Rehearse the response on a shipped scenario, on the real clocks</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/listing.py" line="94" />
      <source>Start drill…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/listing.py" line="138" />
      <source>The incidents could not be loaded: {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/listing.py" line="135" />
      <source>{0} incident</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/listing.py" line="135" />
      <source>{0} incidents</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>IncidentModel</name>
    <message>
      <location filename="../../ui/incidents/model.py" line="80" />
      <source>Authority clock stopped: {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/model.py" line="56" />
      <source>Authority due</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/model.py" line="55" />
      <source>Became aware</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/model.py" line="55" />
      <source>Reference</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/model.py" line="55" />
      <source>Risk</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/model.py" line="55" />
      <source>Status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/model.py" line="56" />
      <source>Time left (72 h)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/model.py" line="55" />
      <source>Title</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/model.py" line="117" />
      <source>{0}
A response drill: an exercise on the real clocks, never counted in real figures or the register.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/model.py" line="81" />
      <source>{state}: {left}
Report to the authority due {due} (72 hours after awareness)</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>IncidentWords</name>
    <message>
      <location filename="../../ui/incidents/words.py" line="79" />
      <source>Action</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="52" />
      <source>All incidents</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="51" />
      <source>Authority clock running</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="62" />
      <source>Authority notified</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="52" />
      <source>Authority report overdue</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="89" />
      <source>Availability (lost or unavailable)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="75" />
      <source>Aware</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="95" />
      <source>Children's data</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="41" />
      <source>Closed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="79" />
      <source>Communication</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="88" />
      <source>Confidentiality (disclosed or accessed)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="40" />
      <source>Contained</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="80" />
      <source>Correction</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="93" />
      <source>Credentials</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="36" />
      <source>DRILL</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="110" />
      <source>Data unintelligible to others, e.g. encrypted (Art. 34(3)(a))</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="77" />
      <source>Decision</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="75" />
      <source>Detected</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="119" />
      <source>Do not notify</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="77" />
      <source>Document</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="77" />
      <source>Drill</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="57" />
      <source>Drills only</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="105" />
      <source>Email</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="80" />
      <source>Evidence</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="78" />
      <source>Facts changed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="94" />
      <source>Financial data</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="79" />
      <source>Finding</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="115" />
      <source>Follow-up report</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="47" />
      <source>High risk</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="105" />
      <source>In the app</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="115" />
      <source>Initial report</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="89" />
      <source>Integrity (altered)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="111" />
      <source>Later measures remove the high risk (Art. 34(3)(b))</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="105" />
      <source>Letter</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="95" />
      <source>Location data</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="47" />
      <source>No risk</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="46" />
      <source>Not assessed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="51" />
      <source>Not closed (open to resolved)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="119" />
      <source>Not decided</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="63" />
      <source>Not notifying</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="79" />
      <source>Note</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="77" />
      <source>Notified</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="62" />
      <source>Notified late</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="119" />
      <source>Notify</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="94" />
      <source>Official documents</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="40" />
      <source>Open</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="106" />
      <source>Phone</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="106" />
      <source>Public communication</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="56" />
      <source>Real and drills</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="56" />
      <source>Real incidents only</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="76" />
      <source>Reopened</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="78" />
      <source>Request linked</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="78" />
      <source>Request unlinked</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="41" />
      <source>Resolved</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="47" />
      <source>Risk</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="76" />
      <source>Risk assessed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="62" />
      <source>Running</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="105" />
      <source>SMS</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="93" />
      <source>Special categories (Art. 9)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="40" />
      <source>Triaged</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="30" />
      <source>Your role may read incidents but not work on them; that needs the data protection officer or the owner role.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="126" />
      <source>{0} h {1:02d} min</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/words.py" line="126" />
      <source>{0} min</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>IncidentWorkspace</name>
    <message>
      <location filename="../../ui/incidents/workspace.py" line="61" />
      <source>Advance</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/workspace.py" line="140" />
      <source>Advance to {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/workspace.py" line="62" />
      <source>Assess risk…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/workspace.py" line="107" />
      <source>Aware {aware}  ·  report to the authority due {due} ({hours} hours)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/workspace.py" line="165" />
      <source>Close the incident</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/workspace.py" line="207" />
      <source>Close {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/workspace.py" line="67" />
      <source>Close…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/workspace.py" line="204" />
      <source>Closing ends the work on the incident; it can be reopened with a reason.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/workspace.py" line="207" />
      <source>Closing note</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/workspace.py" line="173" />
      <source>Contain {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/workspace.py" line="224" />
      <source>Debrief</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/workspace.py" line="63" />
      <source>Decide…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/workspace.py" line="174" />
      <source>Describe how the breach was contained; it is kept as the containment measures.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/workspace.py" line="75" />
      <source>Documents</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/workspace.py" line="66" />
      <source>Finish drill…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/workspace.py" line="221" />
      <source>Finish the drill {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/workspace.py" line="125" />
      <source>Finished {0}; its record is kept as it ended.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/workspace.py" line="175" />
      <source>Measures</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/workspace.py" line="74" />
      <source>Notifications</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/workspace.py" line="64" />
      <source>Notify authority…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/workspace.py" line="65" />
      <source>Notify people…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/workspace.py" line="72" />
      <source>Overview</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/workspace.py" line="216" />
      <source>Reason</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/workspace.py" line="162" />
      <source>Record a follow-up report</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/workspace.py" line="162" />
      <source>Record the initial report, or a follow-up</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/workspace.py" line="214" />
      <source>Reopen {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/workspace.py" line="68" />
      <source>Reopen…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/workspace.py" line="121" />
      <source>Response drill from the scenario “{0}”, started {1} by {2}: an exercise, not a real breach. It never counts in real figures or the register.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/workspace.py" line="42" />
      <source>Select an incident in the list to work on it here.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/workspace.py" line="164" />
      <source>Still needed before closing:
{0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/workspace.py" line="206" />
      <source>Still needed:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/workspace.py" line="222" />
      <source>The drill's clock stops and its record is kept as it ended. The drill report (Documents) measures each milestone against its target.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/workspace.py" line="215" />
      <source>The incident goes back to Resolved. Say why (new facts, a follow-up report…); it is recorded.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/workspace.py" line="73" />
      <source>Timeline</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/workspace.py" line="224" />
      <source>What went well, what to improve</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/workspace.py" line="208" />
      <source>optional: lessons learnt, follow-up</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/workspace.py" line="111" />
      <source>reported {0}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Incidents</name>
    <message>
      <location filename="../../ui/incidents/__init__.py" line="26" />
      <source>Incidents</source>
      <translation>Vorfälle</translation>
    </message>
  </context>
  <context>
    <name>IncidentsPage</name>
    <message>
      <location filename="../../ui/incidents/page.py" line="124" />
      <source>Drill {0} started from “{1}”; its 72-hour clock runs from now.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/page.py" line="111" />
      <source>{0} logged; report to the authority due {1}.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../ui/main_window.py" line="398" />
      <source>
… and {0} more</source>
      <translation>
… und {0} weitere</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="216" />
      <source>About</source>
      <translation>Über</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="180" />
      <source>Assign the selected requests</source>
      <translation>Die ausgewählten Anträge zuweisen</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="199" />
      <source>Assigning requests</source>
      <translation>Anträge zuweisen</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="380" />
      <source>Assigning {0} requests…</source>
      <translation>{0} Anträge werden zugewiesen…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="179" />
      <source>Assign…</source>
      <translation>Zuweisen…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="181" />
      <source>Change status…</source>
      <translation>Status ändern…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="182" />
      <source>Change the status of the selected requests</source>
      <translation>Den Status der ausgewählten Anträge ändern</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="200" />
      <source>Changing the status of requests</source>
      <translation>Status von Anträgen ändern</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="391" />
      <source>Changing {0} requests…</source>
      <translation>{0} Anträge werden geändert…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="466" />
      <source>Counts not updated: {0}</source>
      <translation>Zahlen nicht aktualisiert: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="183" />
      <source>Dashboard</source>
      <translation>Übersicht</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="193" />
      <source>End your session and return to the sign-in window</source>
      <translation>Sitzung beenden und zur Anmeldung zurückkehren</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="176" />
      <source>Import requests from a web-form export (CSV or JSON)</source>
      <translation>Anträge aus einem Webformular-Export importieren (CSV oder JSON)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="198" />
      <source>Importing requests</source>
      <translation>Anträge importieren</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="175" />
      <source>Import…</source>
      <translation>Importieren…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="201" />
      <source>Main</source>
      <translation>Haupt</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="173" />
      <source>New request</source>
      <translation>Neuer Antrag</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="576" />
      <source>Not refreshed by itself: {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="112" />
      <source>Privacy Console</source>
      <translation>Privacy Console</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="190" />
      <source>Put back the last assignment, priority or categories change</source>
      <translation>Die letzte Änderung von Zuweisung, Priorität oder Kategorien zurücknehmen</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="553" />
      <source>Put back.</source>
      <translation>Zurückgenommen.</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="262" />
      <source>Put the last change back (Ctrl+Z)</source>
      <translation>Die letzte Änderung zurücknehmen (Strg+Z)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="186" />
      <source>Queue</source>
      <translation>Warteschlange</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="177" />
      <source>Refresh</source>
      <translation>Aktualisieren</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="174" />
      <source>Register a request received by email, letter, phone or form</source>
      <translation>Einen per E-Mail, Brief, Telefon oder Formular eingegangenen Antrag erfassen</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="197" />
      <source>Registering a request</source>
      <translation>Antrag erfassen</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="178" />
      <source>Search</source>
      <translation>Suchen</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="445" />
      <source>Settings saved</source>
      <translation>Einstellungen gespeichert</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="185" />
      <source>Settings…</source>
      <translation>Einstellungen…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="192" />
      <source>Sign out</source>
      <translation>Abmelden</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="258" />
      <source>Signed in as {0}</source>
      <translation>Angemeldet als {0}</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="399" />
      <source>Some requests were not changed</source>
      <translation>Einige Anträge wurden nicht geändert</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="250" />
      <source>The database in use (Settings to change it)</source>
      <translation>Die verwendete Datenbank (in den Einstellungen zu ändern)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="446" />
      <source>The new database or policy catalogue is used from the next start.</source>
      <translation>Die neue Datenbank oder der neue Richtlinienkatalog gilt ab dem nächsten Start.</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="509" />
      <source>Times in {0}</source>
      <translation>Zeiten in {0}</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="189" />
      <source>Undo</source>
      <translation>Rückgängig</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="539" />
      <source>Undo puts it back.</source>
      <translation>Rückgängig nimmt es zurück.</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="259" />
      <source>User name {0}; the session ends at {1} at the latest</source>
      <translation>Benutzername {0}; die Sitzung endet spätestens um {1}</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="217" />
      <source>Version, database, policy catalogue and licence</source>
      <translation>Version, Datenbank, Richtlinienkatalog und Lizenz</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="489" />
      <source>Working…</source>
      <translation>In Arbeit…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="255" />
      <source>You own this local database; nobody signs in to it (Settings &gt; Security to turn sign-in on)</source>
      <translation>Diese lokale Datenbank gehört Ihnen; niemand meldet sich an (Einstellungen &gt; Sicherheit, um die Anmeldung einzuschalten)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="400" />
      <source>{0} changed, {1} refused:</source>
      <translation>{0} geändert, {1} abgelehnt:</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="340" />
      <source>{0} registered; due {1}.</source>
      <translation>{0} erfasst; fällig {1}.</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="405" />
      <source>{0} request changed.</source>
      <translation>{0} Antrag geändert.</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="406" />
      <source>{0} requests changed.</source>
      <translation>{0} Anträge geändert.</translation>
    </message>
  </context>
  <context>
    <name>Menus</name>
    <message>
      <location filename="../../ui/menus.py" line="93" />
      <source>&amp;Columns</source>
      <translation>&amp;Spalten</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="56" />
      <source>&amp;Edit</source>
      <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="43" />
      <source>&amp;File</source>
      <translation>&amp;Datei</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="104" />
      <source>&amp;Help</source>
      <translation>&amp;Hilfe</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="50" />
      <source>&amp;Quit</source>
      <translation>B&amp;eenden</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="62" />
      <source>&amp;Request</source>
      <translation>&amp;Antrag</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="102" />
      <source>&amp;Tools</source>
      <translation>E&amp;xtras</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="89" />
      <source>&amp;View</source>
      <translation>&amp;Ansicht</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="51" />
      <source>Close the console</source>
      <translation>Die Konsole schließen</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="44" />
      <source>Export queue…</source>
      <translation>Warteschlange exportieren…</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="96" />
      <source>Keep the queue, search, filters, sort and columns under a name</source>
      <translation>Warteschlange, Suche, Filter, Sortierung und Spalten unter einem Namen speichern</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="127" />
      <source>Log file</source>
      <translation>Protokolldatei</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="108" />
      <source>Open &amp;log file</source>
      <translation>&amp;Protokolldatei öffnen</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="45" />
      <source>Save every request of the queue on show, as filtered, as CSV</source>
      <translation>Alle Anträge der angezeigten Warteschlange, wie gefiltert, als CSV speichern</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="95" />
      <source>Save view…</source>
      <translation>Ansicht speichern…</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="99" />
      <source>Saved &amp;views</source>
      <translation>Gespeicherte An&amp;sichten</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="128" />
      <source>The log file is here (it names events and references, never people):

{0}</source>
      <translation>Die Protokolldatei liegt hier (sie nennt Ereignisse und Aktenzeichen, nie Personen):

{0}</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="111" />
      <source>What the window did, by kind and reference, without anybody's data: {0}</source>
      <translation>Was das Fenster getan hat, nach Art und Aktenzeichen, ohne Daten von Personen: {0}</translation>
    </message>
  </context>
  <context>
    <name>Navigation</name>
    <message>
      <location filename="../../ui/navigation.py" line="94" />
      <source>All open</source>
      <translation>Alle offenen</translation>
    </message>
    <message>
      <location filename="../../ui/navigation.py" line="97" />
      <source>Awaiting verification</source>
      <translation>Warten auf Prüfung</translation>
    </message>
    <message>
      <location filename="../../ui/navigation.py" line="99" />
      <source>Closed</source>
      <translation>Abgeschlossen</translation>
    </message>
    <message>
      <location filename="../../ui/navigation.py" line="95" />
      <source>Due soon</source>
      <translation>Bald fällig</translation>
    </message>
    <message>
      <location filename="../../ui/navigation.py" line="93" />
      <source>My requests</source>
      <translation>Meine Anträge</translation>
    </message>
    <message>
      <location filename="../../ui/navigation.py" line="105" />
      <source>Open, by right</source>
      <translation>Offen, nach Recht</translation>
    </message>
    <message>
      <location filename="../../ui/navigation.py" line="96" />
      <source>Overdue</source>
      <translation>Überfällig</translation>
    </message>
    <message>
      <location filename="../../ui/navigation.py" line="98" />
      <source>Paused</source>
      <translation>Angehalten</translation>
    </message>
    <message>
      <location filename="../../ui/navigation.py" line="91" />
      <source>Queues</source>
      <translation>Warteschlangen</translation>
    </message>
    <message>
      <location filename="../../ui/navigation.py" line="102" />
      <source>Views</source>
      <translation>Ansichten</translation>
    </message>
  </context>
  <context>
    <name>NewIncidentDialog</name>
    <message>
      <location filename="../../ui/incidents/new.py" line="70" />
      <source>A cyber incident (attack, malware, intrusion)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/new.py" line="172" />
      <source>Already {0} late: the report needs the reasons for the delay.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/new.py" line="87" />
      <source>Became aware at</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/new.py" line="97" />
      <source>Consequences</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/new.py" line="99" />
      <source>Contact point</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/new.py" line="78" />
      <source>Containment and recovery measures taken or planned</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/new.py" line="92" />
      <source>Data concerned</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/new.py" line="85" />
      <source>Description</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/new.py" line="86" />
      <source>Detected at</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/new.py" line="120" />
      <source>Due</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/new.py" line="88" />
      <source>How discovered</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/new.py" line="77" />
      <source>Likely consequences for the people affected</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/new.py" line="100" />
      <source>Linked requests</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/new.py" line="98" />
      <source>Measures</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/new.py" line="90" />
      <source>Nature</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/new.py" line="58" />
      <source>New incident</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/new.py" line="130" />
      <source>Open incident</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/new.py" line="74" />
      <source>Others, separated by commas (e.g. Employees)</source>
      <translation>Weitere, durch Kommas getrennt (z. B. Beschäftigte)</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/new.py" line="95" />
      <source>People affected</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/new.py" line="96" />
      <source>Records affected</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/new.py" line="82" />
      <source>Related request references, separated by commas</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/new.py" line="118" />
      <source>Report to the supervisory authority</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/new.py" line="89" />
      <source>Reported by</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/new.py" line="84" />
      <source>Title</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/new.py" line="62" />
      <source>What happened, in a few words</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/new.py" line="63" />
      <source>What happened, in full</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/new.py" line="93" />
      <source>Whose data</source>
      <translation>Wessen Daten</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/new.py" line="75" />
      <source>approximate; empty if not known yet</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/new.py" line="67" />
      <source>e.g. a customer called the support desk</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/new.py" line="175" />
      <source>{0} left from now.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/new.py" line="168" />
      <source>{weekday}, {hours} hours after the organisation became aware</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>NewRequestDialog</name>
    <message>
      <location filename="../../ui/dialogs/new_request.py" line="88" />
      <source>(nobody)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/new_request.py" line="109" />
      <source>Account id</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/new_request.py" line="117" />
      <source>Assign to</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/new_request.py" line="107" />
      <source>Channel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/new_request.py" line="245" />
      <source>Confirm receipt by {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/new_request.py" line="113" />
      <source>Corrections</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/new_request.py" line="131" />
      <source>Deadline</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/new_request.py" line="116" />
      <source>Destination</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/new_request.py" line="133" />
      <source>Due</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/new_request.py" line="104" />
      <source>Email</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/new_request.py" line="241" />
      <source>Every clock that runs:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/new_request.py" line="115" />
      <source>Format</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/new_request.py" line="59" />
      <source>Full name of the person</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/new_request.py" line="111" />
      <source>Guardian</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/new_request.py" line="106" />
      <source>Jurisdictions</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/new_request.py" line="108" />
      <source>Language</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/new_request.py" line="103" />
      <source>Name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/new_request.py" line="53" />
      <source>New request</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/new_request.py" line="119" />
      <source>Notes</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/new_request.py" line="93" />
      <source>One a line: what is wrong = what it should be</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/new_request.py" line="84" />
      <source>Parent or guardian's email</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/new_request.py" line="82" />
      <source>Parent or guardian's name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/new_request.py" line="118" />
      <source>Priority</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/new_request.py" line="105" />
      <source>Received</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/new_request.py" line="145" />
      <source>Register request</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/new_request.py" line="114" />
      <source>Restriction</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/new_request.py" line="102" />
      <source>Right</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/new_request.py" line="240" />
      <source>Set by: {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/new_request.py" line="99" />
      <source>The person, or another controller</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/new_request.py" line="80" />
      <source>Under {0}: a parent or guardian acts for them</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/new_request.py" line="95" />
      <source>What to restrict, and the purposes concerned</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/new_request.py" line="97" />
      <source>e.g. json, csv</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/new_request.py" line="61" />
      <source>name@example.org</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/new_request.py" line="79" />
      <source>optional</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/new_request.py" line="57" />
      <source>{title} — {window}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/new_request.py" line="238" />
      <source>{weekday}, {days} days after receipt</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>NotificationsTab</name>
    <message>
      <location filename="../../ui/incidents/tabs.py" line="217" />
      <source>Authority</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/tabs.py" line="197" />
      <source>Clock: {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/tabs.py" line="198" />
      <source>Decision: {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/tabs.py" line="196" />
      <source>Due {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/tabs.py" line="212" />
      <source>First told {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/tabs.py" line="218" />
      <source>Late by {0}: {1}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/tabs.py" line="204" />
      <source>Must be told: the risk to them is high.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/tabs.py" line="205" />
      <source>Not required to be told (risk: {0}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/tabs.py" line="202" />
      <source>Not required: assessed as unlikely to result in a risk.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/tabs.py" line="187" />
      <source>Nothing sent yet.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/tabs.py" line="221" />
      <source>Notice</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/tabs.py" line="178" />
      <source>On time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/tabs.py" line="221" />
      <source>People</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/tabs.py" line="168" />
      <source>People affected (Art. 34)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/tabs.py" line="178" />
      <source>Recorded by</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/tabs.py" line="177" />
      <source>Reference / channel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/tabs.py" line="177" />
      <source>Report</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/tabs.py" line="177" />
      <source>Sent</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/tabs.py" line="178" />
      <source>Summary</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/tabs.py" line="166" />
      <source>Supervisory authority (Art. 33)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/tabs.py" line="177" />
      <source>To</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/tabs.py" line="225" />
      <source>{0}, {1}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/tabs.py" line="222" />
      <source>{0}, {1} people</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>NotifyAuthorityDialog</name>
    <message>
      <location filename="../../ui/incidents/actions.py" line="163" />
      <source>Due {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="170" />
      <source>Late because</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="150" />
      <source>Record a report sent to {0}. Details may come in phases: the initial report stops the 72-hour clock, follow-up reports add what was learnt.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="165" />
      <source>Report</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="149" />
      <source>Report {0} to the authority</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="166" />
      <source>Sent at</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="169" />
      <source>Summary</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="160" />
      <source>The authority's case number, if given</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="162" />
      <source>The reasons for the delay (GDPR Art. 33(1))</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="168" />
      <source>Their reference</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="161" />
      <source>What was reported</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>NotifyPeopleDialog</name>
    <message>
      <location filename="../../ui/incidents/actions.py" line="208" />
      <source>Channel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="209" />
      <source>People told</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="197" />
      <source>Record a notice sent to the people affected (GDPR Art. 34): when, how, and to how many.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="210" />
      <source>Sent at</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="211" />
      <source>Summary</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="196" />
      <source>Tell the people affected by {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="207" />
      <source>What the people were told</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/actions.py" line="222" />
      <source>{0} people told, but {1} affects about {2}; correct the number of people affected first.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>OrganisationDialog</name>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="205" />
      <source>Organisation</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="208" />
      <source>Saved in the organisation's copy of the policy catalogue ({0}); the console uses it from the next start.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>OrganisationPage</name>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="181" />
      <source>Its name is printed on every letter; deadlines end at midnight in its time zone. Leave them to keep the catalogue's; change them later in Settings, Organisation.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="192" />
      <source>Name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="194" />
      <source>This computer's zone: {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="193" />
      <source>Time zone</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="180" />
      <source>Your organisation</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>OverviewTab</name>
    <message>
      <location filename="../../ui/request/overview.py" line="131" />
      <source>  (child)</source>
      <translation>  (Kind)</translation>
    </message>
    <message>
      <location filename="../../ui/request/overview.py" line="147" />
      <source>  (confirmed {0})</source>
      <translation>  (bestätigt {0})</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/overview.py" line="112" />
      <source> — assessed {0} by {1}</source>
      <translation> — bewertet {0} von {1}</translation>
    </message>
    <message>
      <location filename="../../ui/request/overview.py" line="166" />
      <source>(nobody)</source>
      <translation>(niemand)</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/overview.py" line="68" />
      <source>A cyber incident</source>
      <translation>Ein Cybervorfall</translation>
    </message>
    <message>
      <location filename="../../ui/request/overview.py" line="107" />
      <source>Account id</source>
      <translation>Konto-ID</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/overview.py" line="119" />
      <source>Assessed as unlikely to result in a risk.</source>
      <translation>Als voraussichtlich ohne Risiko bewertet.</translation>
    </message>
    <message>
      <location filename="../../ui/request/overview.py" line="103" />
      <source>Assignee</source>
      <translation>Zuständig</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/overview.py" line="48" />
      <source>Authority clock</source>
      <translation>Frist der Behörde</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/overview.py" line="49" />
      <source>Authority decision</source>
      <translation>Entscheidung zur Behörde</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/overview.py" line="48" />
      <source>Authority due</source>
      <translation>Meldung an Behörde fällig</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/overview.py" line="76" />
      <source>Became aware at</source>
      <translation>Kenntnis seit</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/overview.py" line="50" />
      <source>Before closing</source>
      <translation>Vor dem Abschluss</translation>
    </message>
    <message>
      <location filename="../../ui/request/overview.py" line="105" />
      <source>Channel</source>
      <translation>Kanal</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/overview.py" line="47" />
      <source>Clock and decisions</source>
      <translation>Frist und Entscheidungen</translation>
    </message>
    <message>
      <location filename="../../ui/request/overview.py" line="68" />
      <source>Confirm receipt by</source>
      <translation>Eingang bestätigen bis</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/overview.py" line="81" />
      <source>Consequences</source>
      <translation>Folgen</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/overview.py" line="82" />
      <source>Contact point</source>
      <translation>Anlaufstelle</translation>
    </message>
    <message>
      <location filename="../../ui/request/overview.py" line="108" />
      <source>Data categories</source>
      <translation>Datenkategorien</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/overview.py" line="79" />
      <source>Data concerned</source>
      <translation>Betroffene Daten</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/overview.py" line="75" />
      <source>Description</source>
      <translation>Beschreibung</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/overview.py" line="76" />
      <source>Detected at</source>
      <translation>Entdeckt am</translation>
    </message>
    <message>
      <location filename="../../ui/request/overview.py" line="68" />
      <source>Due</source>
      <translation>Fällig</translation>
    </message>
    <message>
      <location filename="../../ui/request/overview.py" line="111" />
      <source>Editing a request</source>
      <translation>Antrag bearbeiten</translation>
    </message>
    <message>
      <location filename="../../ui/request/overview.py" line="66" />
      <source>Email</source>
      <translation>E-Mail</translation>
    </message>
    <message>
      <location filename="../../ui/request/overview.py" line="68" />
      <source>Every clock</source>
      <translation>Alle Fristen</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/overview.py" line="59" />
      <source>Facts</source>
      <translation>Fakten</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/overview.py" line="160" />
      <source>Finished drills are kept as they ended.</source>
      <translation>Beendete Übungen bleiben, wie sie endeten.</translation>
    </message>
    <message>
      <location filename="../../ui/request/overview.py" line="70" />
      <source>Handling</source>
      <translation>Bearbeitung</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/overview.py" line="77" />
      <source>How discovered</source>
      <translation>Wie entdeckt</translation>
    </message>
    <message>
      <location filename="../../ui/request/overview.py" line="67" />
      <source>Jurisdictions</source>
      <translation>Rechtsräume</translation>
    </message>
    <message>
      <location filename="../../ui/request/overview.py" line="106" />
      <source>Language</source>
      <translation>Sprache</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/overview.py" line="53" />
      <source>Link</source>
      <translation>Verknüpfen</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/overview.py" line="50" />
      <source>Linked requests</source>
      <translation>Verknüpfte Anträge</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/overview.py" line="50" />
      <source>Logged</source>
      <translation>Erfasst</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/overview.py" line="81" />
      <source>Measures</source>
      <translation>Maßnahmen</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/overview.py" line="121" />
      <source>Must be told (high risk)</source>
      <translation>Muss benachrichtigt werden (hohes Risiko)</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/overview.py" line="78" />
      <source>Nature</source>
      <translation>Art</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/overview.py" line="121" />
      <source>Not required to be told</source>
      <translation>Benachrichtigung nicht erforderlich</translation>
    </message>
    <message>
      <location filename="../../ui/request/overview.py" line="109" />
      <source>Notes</source>
      <translation>Notizen</translation>
    </message>
    <message>
      <location filename="../../ui/request/overview.py" line="100" />
      <source>Notes for the team (not sent to the person)</source>
      <translation>Notizen für das Team (werden der Person nicht geschickt)</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/overview.py" line="128" />
      <source>Nothing missing</source>
      <translation>Nichts fehlt</translation>
    </message>
    <message>
      <location filename="../../ui/request/overview.py" line="69" />
      <source>Outcome</source>
      <translation>Ergebnis</translation>
    </message>
    <message>
      <location filename="../../ui/request/overview.py" line="66" />
      <source>Parent or guardian</source>
      <translation>Elternteil oder Vormund</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/overview.py" line="49" />
      <source>People affected</source>
      <translation>Betroffene Personen</translation>
    </message>
    <message>
      <location filename="../../ui/request/overview.py" line="69" />
      <source>Possible duplicate of</source>
      <translation>Mögliches Duplikat von</translation>
    </message>
    <message>
      <location filename="../../ui/request/overview.py" line="104" />
      <source>Priority</source>
      <translation>Priorität</translation>
    </message>
    <message>
      <location filename="../../ui/request/overview.py" line="67" />
      <source>Received</source>
      <translation>Eingang</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/overview.py" line="80" />
      <source>Records affected</source>
      <translation>Betroffene Datensätze</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/overview.py" line="77" />
      <source>Reported by</source>
      <translation>Gemeldet von</translation>
    </message>
    <message>
      <location filename="../../ui/request/overview.py" line="65" />
      <source>Request</source>
      <translation>Antrag</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/overview.py" line="52" />
      <source>Request reference</source>
      <translation>Aktenzeichen des Antrags</translation>
    </message>
    <message>
      <location filename="../../ui/framework/tabs.py" line="84" />
      <source>Revert</source>
      <translation>Verwerfen</translation>
    </message>
    <message>
      <location filename="../../ui/request/overview.py" line="67" />
      <source>Right</source>
      <translation>Recht</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/overview.py" line="48" />
      <source>Risk</source>
      <translation>Risiko</translation>
    </message>
    <message>
      <location filename="../../ui/framework/tabs.py" line="82" />
      <source>Save changes</source>
      <translation>Änderungen speichern</translation>
    </message>
    <message>
      <location filename="../../ui/request/overview.py" line="66" />
      <source>Subject</source>
      <translation>Betroffene Person</translation>
    </message>
    <message>
      <location filename="../../ui/request/overview.py" line="87" />
      <source>The person's account id, if known</source>
      <translation>Konto-ID der Person, falls bekannt</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/overview.py" line="161" />
      <source>This incident is closed; reopen it to edit.</source>
      <translation>Dieser Vorfall ist abgeschlossen; öffnen Sie ihn wieder, um ihn zu bearbeiten.</translation>
    </message>
    <message>
      <location filename="../../ui/request/overview.py" line="112" />
      <source>This request is closed; reopen it to edit.</source>
      <translation>Dieser Antrag ist abgeschlossen; öffnen Sie ihn wieder, um ihn zu bearbeiten.</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/overview.py" line="75" />
      <source>Title</source>
      <translation>Titel</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/overview.py" line="70" />
      <source>approximate; empty if not known</source>
      <translation>ungefähr; leer, wenn unbekannt</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/overview.py" line="129" />
      <source>{0} by {1}</source>
      <translation>{0} von {1}</translation>
    </message>
    <message>
      <location filename="../../ui/request/overview.py" line="254" />
      <source>{0} changed.</source>
      <translation>{0} geändert.</translation>
    </message>
    <message>
      <location filename="../../ui/incidents/overview.py" line="107" />
      <source>{due} — 72 hours after awareness ({aware})</source>
      <translation>{due} — 72 Stunden nach Kenntnis ({aware})</translation>
    </message>
    <message>
      <location filename="../../ui/request/overview.py" line="139" />
      <source>{time} via {channel}</source>
      <translation>{time} per {channel}</translation>
    </message>
  </context>
  <context>
    <name>Package</name>
    <message>
      <location filename="../../ui/package/words.py" line="34" />
      <source>Access</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/words.py" line="17" />
      <source>Access: copy of the data and Art. 15 information</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/words.py" line="41" />
      <source>Answer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/words.py" line="24" />
      <source>Answer to an inquiry</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/words.py" line="19" />
      <source>Certificate of erasure</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/words.py" line="25" />
      <source>Confirmation of receipt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/words.py" line="40" />
      <source>Decision</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/words.py" line="23" />
      <source>Decision on the request</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/words.py" line="36" />
      <source>Erasure</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/words.py" line="43" />
      <source>Extension</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/words.py" line="26" />
      <source>Extension notice</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/words.py" line="80" />
      <source>GB</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/words.py" line="39" />
      <source>Information</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/words.py" line="22" />
      <source>Information about transfers</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/words.py" line="80" />
      <source>KB</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/words.py" line="80" />
      <source>MB</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/__init__.py" line="23" />
      <source>Package</source>
      <translation>Paket</translation>
    </message>
    <message>
      <location filename="../../ui/package/words.py" line="35" />
      <source>Portability</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/words.py" line="18" />
      <source>Portability: JSON, CSV and schema</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/words.py" line="42" />
      <source>Receipt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/words.py" line="37" />
      <source>Rectification</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/words.py" line="20" />
      <source>Rectification: before and after</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/words.py" line="44" />
      <source>Rejection</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/words.py" line="27" />
      <source>Rejection letter</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/words.py" line="38" />
      <source>Restriction</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/words.py" line="21" />
      <source>Restriction of processing</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/words.py" line="51" />
      <source>administrator</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/words.py" line="53" />
      <source>analyst</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/words.py" line="54" />
      <source>auditor</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/words.py" line="52" />
      <source>data protection officer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/words.py" line="50" />
      <source>owner</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/words.py" line="78" />
      <source>{0} bytes</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/words.py" line="63" />
      <source>{0} or {1}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/words.py" line="71" />
      <source>{what} needs the role {roles}; you are signed in as {role}.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>PackageList</name>
    <message>
      <location filename="../../ui/package/built.py" line="38" />
      <source>Built</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/built.py" line="102" />
      <source>Built by {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/built.py" line="38" />
      <source>Kind</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/built.py" line="105" />
      <source>Manifest hash {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/built.py" line="46" />
      <source>Mark as sent</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/built.py" line="107" />
      <source>No longer at its place on disk (moved or deleted).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/built.py" line="82" />
      <source>No package built yet.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/built.py" line="47" />
      <source>Open folder</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/built.py" line="33" />
      <source>Packages built for this request</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/built.py" line="38" />
      <source>Sent</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/built.py" line="48" />
      <source>Show the package in the file manager</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/built.py" line="38" />
      <source>Signed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/built.py" line="104" />
      <source>Signed by {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/built.py" line="96" />
      <source>not yet</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/built.py" line="95" />
      <source>unsigned draft</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>PackageTab</name>
    <message>
      <location filename="../../ui/package/tab.py" line="101" />
      <source>A package .zip file…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/tab.py" line="100" />
      <source>A package folder…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/tab.py" line="94" />
      <source>Build and sign…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/tab.py" line="138" />
      <source>Build the package, sign the letter with the organisation's certificate, and write it to a folder you choose</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/tab.py" line="143" />
      <source>Building and signing a package</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/tab.py" line="304" />
      <source>Building and signing the package for {0}…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/tab.py" line="97" />
      <source>Check a package's signature and every file, as the person would</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/tab.py" line="377" />
      <source>Checking {0}…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/tab.py" line="340" />
      <source>Mark as sent</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/tab.py" line="285" />
      <source>No preview: {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/tab.py" line="104" />
      <source>Package</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/tab.py" line="90" />
      <source>Package kind</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/tab.py" line="371" />
      <source>Packages (*.zip);;All files (*)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/tab.py" line="92" />
      <source>Preview</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/tab.py" line="268" />
      <source>Preview cancelled.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/tab.py" line="148" />
      <source>Preview the letter to read its pages before anything is signed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/tab.py" line="136" />
      <source>Previewing a package</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/tab.py" line="140" />
      <source>Record that the selected package went out to the person</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/tab.py" line="331" />
      <source>Record that the {kind} package built on {when} went out to {name}? The date is kept with the request and cannot be undone here.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/tab.py" line="145" />
      <source>Recording a package as sent</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/tab.py" line="93" />
      <source>Render the letter as it will be sent, unsigned, to read it first</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/tab.py" line="254" />
      <source>Rendering the letter for {0}…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/tab.py" line="99" />
      <source>The selected package</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/tab.py" line="370" />
      <source>Verify a package .zip file</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/tab.py" line="365" />
      <source>Verify a package folder</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/tab.py" line="96" />
      <source>Verify…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/tab.py" line="310" />
      <source>Where to write the package</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/tab.py" line="278" />
      <source>{ref} · {kind} · preview, not signed</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>PagedListView</name>
    <message>
      <location filename="../../ui/framework/listing.py" line="241" />
      <source>Loading…</source>
      <translation>Wird geladen…</translation>
    </message>
    <message>
      <location filename="../../ui/framework/listing.py" line="245" />
      <source>{0} of {1} shown</source>
      <translation>{0} von {1} angezeigt</translation>
    </message>
    <message>
      <location filename="../../ui/framework/listing.py" line="241" />
      <source>{0} shown</source>
      <translation>{0} angezeigt</translation>
    </message>
  </context>
  <context>
    <name>PdfPreview</name>
    <message>
      <location filename="../../ui/package/preview.py" line="123" />
      <source>Cancel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/preview.py" line="79" />
      <source>Fit width</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/preview.py" line="68" />
      <source>Next page</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/preview.py" line="72" />
      <source>Page</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/preview.py" line="62" />
      <source>Preview the letter to read its pages before anything is signed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/preview.py" line="67" />
      <source>Previous page</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/preview.py" line="166" />
      <source>The preview could not be shown: the letter was made but cannot be read as a PDF.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/preview.py" line="80" />
      <source>Whole page</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/preview.py" line="83" />
      <source>Zoom</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/preview.py" line="77" />
      <source>Zoom in</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/preview.py" line="76" />
      <source>Zoom out</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/preview.py" line="171" />
      <source>of {0}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>PersonTab</name>
    <message>
      <location filename="../../ui/request/person.py" line="30" />
      <source>Due</source>
      <translation>Fällig</translation>
    </message>
    <message>
      <location filename="../../ui/request/person.py" line="40" />
      <source>Every request of {0} ({1}), open and closed.</source>
      <translation>Alle Anträge von {0} ({1}), offen und abgeschlossen.</translation>
    </message>
    <message>
      <location filename="../../ui/request/person.py" line="29" />
      <source>Received</source>
      <translation>Eingang</translation>
    </message>
    <message>
      <location filename="../../ui/request/person.py" line="29" />
      <source>Reference</source>
      <translation>Aktenzeichen</translation>
    </message>
    <message>
      <location filename="../../ui/request/person.py" line="29" />
      <source>Right</source>
      <translation>Recht</translation>
    </message>
    <message>
      <location filename="../../ui/request/person.py" line="29" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../ui/request/person.py" line="64" />
      <source>The request on show</source>
      <translation>Der angezeigte Antrag</translation>
    </message>
    <message>
      <location filename="../../ui/request/person.py" line="70" />
      <source>{0} other request.</source>
      <translation>{0} weiterer Antrag.</translation>
    </message>
    <message>
      <location filename="../../ui/request/person.py" line="70" />
      <source>{0} other requests.</source>
      <translation>{0} weitere Anträge.</translation>
    </message>
  </context>
  <context>
    <name>ProcessingTab</name>
    <message>
      <location filename="../../ui/request/processing.py" line="178" />
      <source>A withdrawal is recorded once identity is confirmed and while the request is being answered (in progress or awaiting approval).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/processing.py" line="55" />
      <source>Activity</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/processing.py" line="66" />
      <source>Cookie categories</source>
      <translation>Cookie-Kategorien</translation>
    </message>
    <message>
      <location filename="../../ui/request/processing.py" line="55" />
      <source>Legal basis</source>
      <translation>Rechtsgrundlage</translation>
    </message>
    <message>
      <location filename="../../ui/request/processing.py" line="116" />
      <source>No activity of the record of processing uses the request's data categories.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/processing.py" line="113" />
      <source>No data categories are set for this request (Overview tab), so no processing activity is linked yet.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/processing.py" line="159" />
      <source>Nothing recorded yet.</source>
      <translation>Noch nichts erfasst.</translation>
    </message>
    <message>
      <location filename="../../ui/request/processing.py" line="67" />
      <source>Processing activities</source>
      <translation>Verarbeitungstätigkeiten</translation>
    </message>
    <message>
      <location filename="../../ui/request/processing.py" line="62" />
      <source>Processing activities of the request's data categories</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/processing.py" line="55" />
      <source>Recipients</source>
      <translation>Empfänger</translation>
    </message>
    <message>
      <location filename="../../ui/request/processing.py" line="87" />
      <source>Record withdrawal</source>
      <translation>Widerruf erfassen</translation>
    </message>
    <message>
      <location filename="../../ui/request/processing.py" line="157" />
      <source>Recorded: </source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/processing.py" line="176" />
      <source>Recording a withdrawal</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/processing.py" line="56" />
      <source>Retention</source>
      <translation>Speicherdauer</translation>
    </message>
    <message>
      <location filename="../../ui/request/processing.py" line="72" />
      <source>Strictly necessary: consent cannot be withdrawn; the letter says why.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/processing.py" line="118" />
      <source>The record of processing's activities that use this request's data categories ({0}):</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/processing.py" line="181" />
      <source>Tick what the person withdraws consent for.</source>
      <translation>Kreuzen Sie an, wofür die Person ihre Einwilligung widerruft.</translation>
    </message>
    <message>
      <location filename="../../ui/request/processing.py" line="56" />
      <source>Transfers</source>
      <translation>Übermittlungen</translation>
    </message>
    <message>
      <location filename="../../ui/request/processing.py" line="64" />
      <source>Withdrawal of consent</source>
      <translation>Widerruf der Einwilligung</translation>
    </message>
    <message>
      <location filename="../../ui/request/processing.py" line="183" />
      <source>Withdrawn from now on; the decision letter lists it with the date.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/processing.py" line="155" />
      <source>{0}: cannot be withdrawn</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/processing.py" line="154" />
      <source>{0}: withdrawn on {1}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>QueueColumns</name>
    <message>
      <location filename="../../ui/queue/columns.py" line="77" />
      <source>Columns</source>
      <translation>Spalten</translation>
    </message>
    <message>
      <location filename="../../ui/queue/columns.py" line="92" />
      <source>Hidden for now: the window is too narrow</source>
      <translation>Vorerst ausgeblendet: das Fenster ist zu schmal</translation>
    </message>
  </context>
  <context>
    <name>QueueCommands</name>
    <message>
      <location filename="../../ui/queue/commands.py" line="42" />
      <source>CSV (*.csv)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/queue/commands.py" line="42" />
      <source>CSV for Excel, UTF-8 with BOM (*.csv)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/queue/commands.py" line="43" />
      <source>Export the queue</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/queue/commands.py" line="57" />
      <source>Exporting the queue…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/queue/commands.py" line="62" />
      <source>Name of this view (queue, search, filters, sort and columns):</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/queue/commands.py" line="87" />
      <source>No saved views yet: View &gt; Save view…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/queue/commands.py" line="62" />
      <source>Save view</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/queue/commands.py" line="66" />
      <source>View “{0}” saved: View &gt; Saved views.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/queue/commands.py" line="54" />
      <source>{0} request exported to </source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/queue/commands.py" line="54" />
      <source>{0} requests exported to </source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>QueueModel</name>
    <message>
      <location filename="../../ui/queue/cells.py" line="50" />
      <source>Assignee</source>
      <translation>Zuständig</translation>
    </message>
    <message>
      <location filename="../../ui/queue/cells.py" line="50" />
      <source>Due</source>
      <translation>Fällig</translation>
    </message>
    <message>
      <location filename="../../ui/queue/cells.py" line="49" />
      <source>Received</source>
      <translation>Eingang</translation>
    </message>
    <message>
      <location filename="../../ui/queue/cells.py" line="49" />
      <source>Reference</source>
      <translation>Aktenzeichen</translation>
    </message>
    <message>
      <location filename="../../ui/queue/cells.py" line="49" />
      <source>Right</source>
      <translation>Recht</translation>
    </message>
    <message>
      <location filename="../../ui/queue/cells.py" line="49" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../ui/queue/cells.py" line="49" />
      <source>Subject</source>
      <translation>Betroffene Person</translation>
    </message>
    <message>
      <location filename="../../ui/queue/cells.py" line="50" />
      <source>Time left</source>
      <translation>Restzeit</translation>
    </message>
    <message>
      <location filename="../../ui/queue/cells.py" line="92" />
      <source>Unassigned</source>
      <translation>Nicht zugewiesen</translation>
    </message>
    <message>
      <location filename="../../ui/queue/cells.py" line="60" />
      <source>{state}: {left}
Due {due} ({rule})</source>
      <translation>{state}: {left}
Fällig {due} ({rule})</translation>
    </message>
  </context>
  <context>
    <name>QueueView</name>
    <message>
      <location filename="../../ui/queue/view.py" line="313" />
      <source>Assign…</source>
      <translation>Zuweisen…</translation>
    </message>
    <message>
      <location filename="../../ui/queue/view.py" line="314" />
      <source>Change status…</source>
      <translation>Status ändern…</translation>
    </message>
    <message>
      <location filename="../../ui/queue/view.py" line="307" />
      <source>Copy reference</source>
      <translation>Aktenzeichen kopieren</translation>
    </message>
    <message>
      <location filename="../../ui/queue/view.py" line="310" />
      <source>Copy {0} references</source>
      <translation>{0} Aktenzeichen kopieren</translation>
    </message>
    <message>
      <location filename="../../ui/queue/view.py" line="183" />
      <source>No request matches the search and filters.</source>
      <translation>Kein Antrag passt zu Suche und Filtern.</translation>
    </message>
    <message>
      <location filename="../../ui/queue/view.py" line="184" />
      <source>No requests in this queue.</source>
      <translation>Keine Anträge in dieser Warteschlange.</translation>
    </message>
    <message>
      <location filename="../../ui/queue/view.py" line="306" />
      <source>Open</source>
      <translation>Öffnen</translation>
    </message>
    <message>
      <location filename="../../ui/queue/view.py" line="316" />
      <source>Refresh</source>
      <translation>Aktualisieren</translation>
    </message>
    <message>
      <location filename="../../ui/queue/view.py" line="194" />
      <source>The queue could not be loaded: {0}</source>
      <translation>Die Warteschlange konnte nicht geladen werden: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/queue/view.py" line="149" />
      <source>Try again</source>
      <translation>Erneut versuchen</translation>
    </message>
    <message>
      <location filename="../../ui/queue/view.py" line="335" />
      <source>Unassigned</source>
      <translation>Nicht zugewiesen</translation>
    </message>
    <message>
      <location filename="../../ui/queue/view.py" line="191" />
      <source>{0} request</source>
      <translation>{0} Antrag</translation>
    </message>
    <message>
      <location filename="../../ui/queue/view.py" line="191" />
      <source>{0} requests</source>
      <translation>{0} Anträge</translation>
    </message>
  </context>
  <context>
    <name>Records</name>
    <message>
      <location filename="../../ui/records/__init__.py" line="21" />
      <source>Records</source>
      <translation>Verzeichnisse</translation>
    </message>
  </context>
  <context>
    <name>RecordsPage</name>
    <message>
      <location filename="../../ui/records/view.py" line="128" />
      <source>, signed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/records/view.py" line="159" />
      <source>Activity</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/records/view.py" line="249" />
      <source>Any data category</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/records/view.py" line="250" />
      <source>Any legal basis</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/records/view.py" line="119" />
      <source>CSV (*.csv)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/records/view.py" line="189" />
      <source>Category / cookie</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/records/view.py" line="189" />
      <source>Consent</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/records/view.py" line="184" />
      <source>Cookie inventory</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/records/view.py" line="159" />
      <source>Data categories</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/records/view.py" line="133" />
      <source>Data category</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/records/view.py" line="189" />
      <source>Duration</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/records/view.py" line="107" />
      <source>Export CSV…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/records/view.py" line="103" />
      <source>Export PDF…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/records/view.py" line="118" />
      <source>Export the record of processing</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/records/view.py" line="135" />
      <source>Legal basis</source>
      <translation>Rechtsgrundlage</translation>
    </message>
    <message>
      <location filename="../../ui/records/view.py" line="267" />
      <source>Needed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/records/view.py" line="306" />
      <source>No activity matches the filters.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/records/view.py" line="253" />
      <source>No transfer recorded</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/records/view.py" line="235" />
      <source>None</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/records/view.py" line="267" />
      <source>Not needed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/records/view.py" line="119" />
      <source>PDF (*.pdf)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/records/view.py" line="190" />
      <source>Provider</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/records/view.py" line="101" />
      <source>Read the catalogue files again</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/records/view.py" line="91" />
      <source>Records of processing</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/records/view.py" line="100" />
      <source>Reload</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/records/view.py" line="205" />
      <source>The catalogue has a problem, so the record below is the last one that loaded. Fix the file and the page reloads by itself:
</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/records/view.py" line="104" />
      <source>The record as a PDF, signed with the organisation's certificate when one is set (the export is recorded in the audit trail)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/records/view.py" line="226" />
      <source>The record of processing activities (GDPR Art. 30) and the cookie inventory, read from the catalogue {folder} (version {version}). Read-only here: edit the files and this page reloads them.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/records/view.py" line="137" />
      <source>Transfer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/records/view.py" line="160" />
      <source>Transfers</source>
      <translation>Übermittlungen</translation>
    </message>
    <message>
      <location filename="../../ui/records/view.py" line="252" />
      <source>With a transfer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/records/view.py" line="252" />
      <source>With or without transfers</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/records/view.py" line="326" />
      <source>Withdrawal</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/records/view.py" line="123" />
      <source>Writing {path}…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/records/view.py" line="126" />
      <source>Wrote {path} (catalogue version {version})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/records/view.py" line="272" />
      <source>first party</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/records/view.py" line="272" />
      <source>third party</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/records/view.py" line="235" />
      <source>{n} recorded</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/records/view.py" line="297" />
      <source>{shown} of {total} activities</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>RejectDialog</name>
    <message>
      <location filename="../../ui/dialogs/reasons.py" line="59" />
      <source>Grounds</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/reasons.py" line="60" />
      <source>Reason</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/reasons.py" line="53" />
      <source>Reject {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/reasons.py" line="54" />
      <source>The grounds and the reason are recorded and told to the person.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/reasons.py" line="58" />
      <source>Why, in words the person will read</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>RequestWorkspace</name>
    <message>
      <location filename="../../ui/request/workspace.py" line="50" />
      <source>Advance</source>
      <translation>Weiter</translation>
    </message>
    <message>
      <location filename="../../ui/request/workspace.py" line="116" />
      <source>Advance to {0}</source>
      <translation>Weiter: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/request/workspace.py" line="139" />
      <source>Approving and completing a request</source>
      <translation>Antrag freigeben und erledigen</translation>
    </message>
    <message>
      <location filename="../../ui/request/workspace.py" line="64" />
      <source>Changing a request</source>
      <translation>Antrag ändern</translation>
    </message>
    <message>
      <location filename="../../ui/request/workspace.py" line="55" />
      <source>Confirm receipt</source>
      <translation>Eingang bestätigen</translation>
    </message>
    <message>
      <location filename="../../ui/request/workspace.py" line="99" />
      <source>Due {due} — {rule}</source>
      <translation>Fällig {due} — {rule}</translation>
    </message>
    <message>
      <location filename="../../ui/request/workspace.py" line="54" />
      <source>Extend…</source>
      <translation>Verlängern…</translation>
    </message>
    <message>
      <location filename="../../ui/request/workspace.py" line="167" />
      <source>Pause {0}</source>
      <translation>{0} anhalten</translation>
    </message>
    <message>
      <location filename="../../ui/request/workspace.py" line="51" />
      <source>Pause…</source>
      <translation>Anhalten…</translation>
    </message>
    <message>
      <location filename="../../ui/request/workspace.py" line="63" />
      <source>Read only. {0}</source>
      <translation>Nur lesen. {0}</translation>
    </message>
    <message>
      <location filename="../../ui/request/workspace.py" line="191" />
      <source>Reason</source>
      <translation>Grund</translation>
    </message>
    <message>
      <location filename="../../ui/request/workspace.py" line="137" />
      <source>Rejecting a request</source>
      <translation>Antrag ablehnen</translation>
    </message>
    <message>
      <location filename="../../ui/request/workspace.py" line="57" />
      <source>Reject…</source>
      <translation>Ablehnen…</translation>
    </message>
    <message>
      <location filename="../../ui/request/workspace.py" line="196" />
      <source>Reopen {0}</source>
      <translation>{0} wieder öffnen</translation>
    </message>
    <message>
      <location filename="../../ui/request/workspace.py" line="59" />
      <source>Reopen…</source>
      <translation>Wieder öffnen…</translation>
    </message>
    <message>
      <location filename="../../ui/request/workspace.py" line="52" />
      <source>Resume</source>
      <translation>Fortsetzen</translation>
    </message>
    <message>
      <location filename="../../ui/request/workspace.py" line="43" />
      <source>Select a request in the queue to work on it here.</source>
      <translation>Wählen Sie einen Antrag in der Warteschlange, um ihn hier zu bearbeiten.</translation>
    </message>
    <message>
      <location filename="../../ui/request/workspace.py" line="168" />
      <source>The clock stops while the console waits on the person (where the law lets it); the deadline moves by the time it stood still.</source>
      <translation>Die Frist ruht, solange auf die Person gewartet wird (wo das Gesetz es erlaubt); die Frist verschiebt sich um die Zeit des Stillstands.</translation>
    </message>
    <message>
      <location filename="../../ui/request/workspace.py" line="190" />
      <source>The person withdrew the request. The reason is kept with it.</source>
      <translation>Die Person hat den Antrag zurückgezogen. Der Grund wird beim Antrag gespeichert.</translation>
    </message>
    <message>
      <location filename="../../ui/request/workspace.py" line="197" />
      <source>The request goes back to In progress. Say why; it is recorded.</source>
      <translation>Der Antrag geht zurück in Bearbeitung. Nennen Sie den Grund; er wird festgehalten.</translation>
    </message>
    <message>
      <location filename="../../ui/request/workspace.py" line="170" />
      <source>Waiting for</source>
      <translation>Warten auf</translation>
    </message>
    <message>
      <location filename="../../ui/request/workspace.py" line="189" />
      <source>Withdraw {0}</source>
      <translation>{0} zurückziehen</translation>
    </message>
    <message>
      <location filename="../../ui/request/workspace.py" line="58" />
      <source>Withdraw…</source>
      <translation>Zurückziehen…</translation>
    </message>
    <message>
      <location filename="../../ui/request/workspace.py" line="135" />
      <source>Working on a request</source>
      <translation>Antrag bearbeiten</translation>
    </message>
    <message>
      <location filename="../../ui/request/workspace.py" line="95" />
      <source>assigned to {0}</source>
      <translation>zugewiesen an {0}</translation>
    </message>
    <message>
      <location filename="../../ui/request/workspace.py" line="101" />
      <source>clock stopped since {0}</source>
      <translation>Frist angehalten seit {0}</translation>
    </message>
    <message>
      <location filename="../../ui/request/workspace.py" line="171" />
      <source>e.g. a copy of a government-issued ID</source>
      <translation>z. B. eine Kopie eines amtlichen Ausweises</translation>
    </message>
    <message>
      <location filename="../../ui/request/workspace.py" line="103" />
      <source>extended</source>
      <translation>verlängert</translation>
    </message>
    <message>
      <location filename="../../ui/request/workspace.py" line="97" />
      <source>unassigned</source>
      <translation>nicht zugewiesen</translation>
    </message>
  </context>
  <context>
    <name>RightShort</name>
    <message>
      <source>CCPA: access to collected information</source>
      <translation>CCPA: Auskunft</translation>
    </message>
    <message>
      <source>CCPA: non-discrimination</source>
      <translation>CCPA: Nichtdiskriminierung</translation>
    </message>
    <message>
      <source>CCPA: opt out of sale</source>
      <translation>CCPA: Verkaufswiderspruch</translation>
    </message>
    <message>
      <source>CCPA: right to delete</source>
      <translation>CCPA: Löschung</translation>
    </message>
    <message>
      <source>CCPA: right to know</source>
      <translation>CCPA: Auskunftsrecht</translation>
    </message>
    <message>
      <source>COPPA: parental access</source>
      <translation>COPPA: Elternauskunft</translation>
    </message>
    <message>
      <source>COPPA: parental consent</source>
      <translation>COPPA: Elterneinwilligung</translation>
    </message>
    <message>
      <source>Privacy inquiry</source>
      <translation>Datenschutzanfrage</translation>
    </message>
    <message>
      <source>Right to access</source>
      <translation>Auskunft</translation>
    </message>
    <message>
      <source>Right to data portability</source>
      <translation>Datenübertragbarkeit</translation>
    </message>
    <message>
      <source>Right to data protection guarantees</source>
      <translation>Datenschutzgarantien</translation>
    </message>
    <message>
      <source>Right to erasure</source>
      <translation>Löschung</translation>
    </message>
    <message>
      <source>Right to information about transfers</source>
      <translation>Info über Übermittlungen</translation>
    </message>
    <message>
      <source>Right to object to transfers</source>
      <translation>Widerspruch Übermittlung</translation>
    </message>
    <message>
      <source>Right to rectification</source>
      <translation>Berichtigung</translation>
    </message>
    <message>
      <source>Right to restrict processing</source>
      <translation>Einschränkung</translation>
    </message>
    <message>
      <source>Right to withdraw consent</source>
      <translation>Widerruf der Einwilligung</translation>
    </message>
  </context>
  <context>
    <name>SecurityPage</name>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="254" />
      <source>A lost phone: the person sets up the authenticator again at their next sign-in</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="355" />
      <source>Account {0} added.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="232" />
      <source>Accounts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="295" />
      <source>Active</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="242" />
      <source>Add account…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="420" />
      <source>Administrators manage accounts and settings: they always need a second factor</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="436" />
      <source>An account locks for {minutes} minutes after {failures} failed sign-ins; a session ends after {idle:g} hours without use, and after {most:g} hours at most.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="422" />
      <source>Apply</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="243" />
      <source>Change role</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="193" />
      <source>Changes on this page apply at once, for everyone using this database, and are recorded in the audit trail.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="425" />
      <source>Changing which roles need a second factor</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="251" />
      <source>Disable</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="384" />
      <source>Disable {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="292" />
      <source>Disabled</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="329" />
      <source>Enable</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="237" />
      <source>Last sign-in</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="294" />
      <source>Locked until {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="321" />
      <source>Managing accounts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="236" />
      <source>Name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="367" />
      <source>New password set for {0}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="303" />
      <source>Not set up</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="256" />
      <source>Reset password…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="400" />
      <source>Reset second factor of {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="253" />
      <source>Reset second factor…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="236" />
      <source>Role</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="236" />
      <source>Second factor</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="405" />
      <source>Second factor of {0} reset.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="410" />
      <source>Second factor required for</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="444" />
      <source>Second-factor roles saved.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="303" />
      <source>Set up</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="206" />
      <source>Sign-in</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="237" />
      <source>State</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="365" />
      <source>Tell {0} the new password in person or by phone. Their sessions end now.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="223" />
      <source>The first administrator manages accounts and settings. Once created, the console asks you to sign in as them.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="207" />
      <source>This database is a file on this computer and belongs to you ({0}): nobody signs in. Turn sign-in on to share the work under accounts with roles. You create the first administrator now and sign in as them, with a password and a code from an authenticator app; the administrator then adds an account for each person (a data protection officer or analyst works on requests). Sign-in cannot be turned off again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="214" />
      <source>Turn sign-in on…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="252" />
      <source>Unlock</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="236" />
      <source>User name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="304" />
      <source>never</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="385" />
      <source>{0} can no longer sign in, and their open sessions end now. You can enable the account again later.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="388" />
      <source>{0} disabled.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="390" />
      <source>{0} enabled.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="377" />
      <source>{0} is now {1}; their sessions ended.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="395" />
      <source>{0} unlocked.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/accounts.py" line="401" />
      <source>{0}'s authenticator app stops working for the console, and their sessions end. At the next sign-in they scan a new QR code.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ServerFields</name>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="84" />
      <source>Database</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="83" />
      <source>Host</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="86" />
      <source>Password</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="81" />
      <source>Port</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="70" />
      <source>Test connection</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="85" />
      <source>User</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="259" />
      <source> hours</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="273" />
      <source>Appearance</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="106" />
      <source>Browse…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="90" />
      <source>Cancel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="177" />
      <source>Certificate</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="213" />
      <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="130" />
      <source>Check</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="160" />
      <source>Choose certificate…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="166" />
      <source>Choose published certificate…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="90" />
      <source>Close</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="356" />
      <source>Connected to {0}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="340" />
      <source>Connecting…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="263" />
      <source>Dark</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="99" />
      <source>Database</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="327" />
      <source>Database file</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="264" />
      <source>Desktop notice when a request becomes due soon or overdue</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="251" />
      <source>Display and deadlines</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="272" />
      <source>Due soon when less than</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="117" />
      <source>File</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="141" />
      <source>Folder</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="67" />
      <source>General</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="274" />
      <source>Language (from the next start)</source>
      <translation>Sprache (ab dem nächsten Start)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="262" />
      <source>Light</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="158" />
      <source>Loading…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="100" />
      <source>Local file (one person, this computer)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="201" />
      <source>None yet: packages cannot be signed until one is chosen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="164" />
      <source>None: package checks report the signer as not verified.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="226" />
      <source>Not changed: {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="172" />
      <source>Only an administrator chooses the signing certificate.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="236" />
      <source>Opening {0}…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="138" />
      <source>Organisation name and time zone…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="125" />
      <source>Policy catalogue</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="334" />
      <source>Policy catalogue folder</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="361" />
      <source>Reading…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="328" />
      <source>SQLite databases (*.sqlite3 *.db);;All files (*)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="74" />
      <source>Security</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="58" />
      <source>Settings</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="101" />
      <source>Shared PostgreSQL server (the team)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="271" />
      <source>Show times in</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="157" />
      <source>Signing certificate</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="254" />
      <source>The organisation's ({0})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="212" />
      <source>The organisation's published certificate or CA</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="266" />
      <source>The system's</source>
      <translation>Die des Systems</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="255" />
      <source>This computer's</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="178" />
      <source>Time stamps</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="182" />
      <source>Trusted for checks</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="256" />
      <source>UTC</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="269" />
      <source>Used from the next start</source>
      <translation>Gilt ab dem nächsten Start</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="113" />
      <source>kept in the OS keyring; leave empty to keep the stored one</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="163" />
      <source>optional: an RFC 3161 time-stamp server, https://…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="127" />
      <source>the catalogue shipped with the console</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="260" />
      <source>the policy's ({0} hours)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="194" />
      <source>{0} certificate(s) set; package checks verify signers against them</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/settings.py" line="241" />
      <source>{path} — signs as {name}, valid until {until}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>SignInDialog</name>
    <message>
      <location filename="../../ui/dialogs/sign_in.py" line="104" />
      <source>6 digits</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/sign_in.py" line="122" />
      <source>Authenticator code</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/sign_in.py" line="189" />
      <source>Back</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/sign_in.py" line="164" />
      <source>Cannot scan it? Add an account in the app by hand with this key (time-based, 6 digits, every 30 seconds):</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/sign_in.py" line="255" />
      <source>Checking the code…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/sign_in.py" line="123" />
      <source>Code</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/sign_in.py" line="185" />
      <source>Code from the app</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/sign_in.py" line="173" />
      <source>Copy key</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/sign_in.py" line="269" />
      <source>Enter the 6-digit code from your authenticator app.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/sign_in.py" line="327" />
      <source>Enter the 6-digit code the app shows.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/sign_in.py" line="280" />
      <source>Enter the 6-digit code your authenticator app shows for Privacy Console.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/sign_in.py" line="264" />
      <source>Enter your user name and password.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/sign_in.py" line="190" />
      <source>Finish set-up and sign in</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/sign_in.py" line="120" />
      <source>Password</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/sign_in.py" line="161" />
      <source>QR code for the authenticator app</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/sign_in.py" line="133" />
      <source>Quit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/sign_in.py" line="201" />
      <source>Set up your authenticator app</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/sign_in.py" line="134" />
      <source>Sign in</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/sign_in.py" line="67" />
      <source>Sign in — Privacy Console</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/sign_in.py" line="299" />
      <source>Sign-in failed: something the console did not expect went wrong.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/sign_in.py" line="254" />
      <source>Signing in…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/sign_in.py" line="116" />
      <source>User name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/sign_in.py" line="157" />
      <source>Your role signs in with a code from an authenticator app on your phone as well as the password. Scan this QR code with the app, then enter the 6-digit code it shows.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/sign_in.py" line="316" />
      <source>for {0} on {1}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/sign_in.py" line="146" />
      <source>to {0}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>SigningBar</name>
    <message>
      <location filename="../../ui/package/signing.py" line="92" />
      <source>Building and signing a package</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/signing.py" line="98" />
      <source>Change certificate…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/signing.py" line="95" />
      <source>Checking the signing certificate…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/signing.py" line="49" />
      <source>Choosing the signing certificate</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/signing.py" line="45" />
      <source>Configure signing…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/signing.py" line="119" />
      <source>No signing certificate is configured yet.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/signing.py" line="100" />
      <source>No signing certificate is configured yet: packages cannot be signed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/signing.py" line="120" />
      <source>Packages are signed with the organisation's certificate, a PKCS#12 file (.p12). Choose it and type its passphrase once; this computer's keyring keeps the passphrase.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/signing.py" line="127" />
      <source>Signing certificate</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/signing.py" line="105" />
      <source>Signs as {name} · fingerprint {fp}… · valid until {until}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/signing.py" line="123" />
      <source>The signing certificate cannot be used.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/signing.py" line="102" />
      <source>The signing certificate cannot be used: {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/signing.py" line="93" />
      <source>You can preview the letter.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/signing.py" line="110" />
      <source>expires in {0} days: order a new one</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>SigningDialog</name>
    <message>
      <location filename="../../ui/package/dialogs.py" line="92" />
      <source>Certificate file</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="109" />
      <source>Certificates (*.p12 *.pfx);;All files (*)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="84" />
      <source>Choose…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="77" />
      <source>Packages are signed with the organisation's certificate: a PKCS#12 file (.p12 or .pfx) that holds its private key. The file is opened now, so a wrong passphrase is caught here. The passphrase is kept in this computer's keyring, never in the database.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="93" />
      <source>Passphrase</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="75" />
      <source>Signing certificate</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="95" />
      <source>Use this certificate</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="83" />
      <source>organisation.p12</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>StartDrillDialog</name>
    <message>
      <location filename="../../ui/incidents/new.py" line="269" />
      <source>Data: {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/new.py" line="250" />
      <source>Drill scenarios (*.toml)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/new.py" line="271" />
      <source>Facts revealed during the drill: {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/new.py" line="267" />
      <source>Incident: {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/new.py" line="268" />
      <source>Nature: {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/new.py" line="270" />
      <source>People affected: {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/new.py" line="249" />
      <source>Scenario file</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/new.py" line="191" />
      <source>Scenario file of your own…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/new.py" line="194" />
      <source>Scenarios</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/new.py" line="187" />
      <source>Start a response drill</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/new.py" line="218" />
      <source>Start drill</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/new.py" line="204" />
      <source>The drill opens an incident marked DRILL, with a DRILL- reference. Awareness, and the 72-hour clock, start now; facts arrive as the drill runs. Drills never count in real figures or the register.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/new.py" line="264" />
      <source>not known</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>StatusDialog</name>
    <message>
      <location filename="../../ui/dialogs/reasons.py" line="170" />
      <source>Change the status of {0} requests</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/reasons.py" line="171" />
      <source>Each request is moved on its own; those the lifecycle does not allow are listed afterwards with the reason.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/reasons.py" line="182" />
      <source>Grounds</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/reasons.py" line="179" />
      <source>Needed to reject, withdraw or reopen, and to complete a request whose answer was never sent</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/reasons.py" line="181" />
      <source>New status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs/reasons.py" line="183" />
      <source>Reason</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>TimelineTab</name>
    <message>
      <location filename="../../ui/incidents/tabs.py" line="74" />
      <source>#</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/tabs.py" line="111" />
      <source>(corrected by #{0})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/tabs.py" line="83" />
      <source>Add an entry that corrects the selected one (entries are never changed)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/tabs.py" line="81" />
      <source>Add entry…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/tabs.py" line="109" />
      <source>Corrects #{0}: {1}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/tabs.py" line="82" />
      <source>Correct…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/tabs.py" line="84" />
      <source>Entries are kept as written: a mistake is fixed by a correcting entry.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/tabs.py" line="75" />
      <source>Entry</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/tabs.py" line="116" />
      <source>Recorded {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/tabs.py" line="74" />
      <source>What</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/tabs.py" line="74" />
      <source>When</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/incidents/tabs.py" line="74" />
      <source>Who</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Units</name>
    <message>
      <location filename="../../ui/dialogs/reasons.py" line="125" />
      <source>business days</source>
      <translation>Arbeitstage</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/reasons.py" line="124" />
      <source>days</source>
      <translation>Tage</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/reasons.py" line="127" />
      <source>hours</source>
      <translation>Stunden</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/reasons.py" line="126" />
      <source>months</source>
      <translation>Monate</translation>
    </message>
  </context>
  <context>
    <name>VerificationTab</name>
    <message>
      <location filename="../../ui/request/verification.py" line="110" />
      <source> (optional)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/verification.py" line="165" />
      <source>Attach evidence</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/verification.py" line="58" />
      <source>Attach…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/verification.py" line="47" />
      <source>Check</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/verification.py" line="47" />
      <source>Checked by</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/verification.py" line="48" />
      <source>Comment</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/verification.py" line="55" />
      <source>Comment (required when a check fails)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/verification.py" line="61" />
      <source>Confirm as second verifier</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/verification.py" line="166" />
      <source>Documents (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/verification.py" line="100" />
      <source>Each required check also needs a second verifier (somebody else).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/verification.py" line="48" />
      <source>Evidence</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/verification.py" line="57" />
      <source>Evidence file (optional; stored encrypted)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/verification.py" line="60" />
      <source>Failed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/verification.py" line="63" />
      <source>Finish verification</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/verification.py" line="65" />
      <source>Move the request on to In progress once every required check is done</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/verification.py" line="130" />
      <source>No checks recorded for this request.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/verification.py" line="143" />
      <source>Not checked</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/verification.py" line="59" />
      <source>Passed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/verification.py" line="67" />
      <source>Recording identity checks</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/verification.py" line="47" />
      <source>Result</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/verification.py" line="47" />
      <source>Second verifier</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/verification.py" line="98" />
      <source>The checks the policy names for {0}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/verification.py" line="102" />
      <source>Verification is closed: the request is {0}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/request/verification.py" line="129" />
      <source>{0} of {1} required checks passed</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>VerifyDialog</name>
    <message>
      <location filename="../../ui/package/dialogs.py" line="218" />
      <source>Changed after signing</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="181" />
      <source>Do not send it; build it again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="212" />
      <source>Files checked</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="220" />
      <source>Fingerprint</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="211" />
      <source>Kind</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="209" />
      <source>Letter</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="227" />
      <source>Manifest hash</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="214" />
      <source>NOT intact</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="215" />
      <source>NOT valid</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="207" />
      <source>Package</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="171" />
      <source>Package check</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="217" />
      <source>Signature</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="223" />
      <source>Signed at</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="219" />
      <source>Signer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="183" />
      <source>To verify the signer, choose the published certificate under Settings, Security, Trusted for checks.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="216" />
      <source>certificate not on the trust list</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="214" />
      <source>intact</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="204" />
      <source>no</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="225" />
      <source>none: an unsigned draft</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="216" />
      <source>trusted</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="215" />
      <source>valid</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="204" />
      <source>yes</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="175" />
      <source>{0} can be relied on: the signature is valid, nothing was added after signing, and every file matches the manifest and the signed letter.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/package/dialogs.py" line="179" />
      <source>{0}: {1}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Words</name>
    <message>
      <location filename="../../ui/words.py" line="66" />
      <source>A legal exemption applies</source>
      <translation>Eine gesetzliche Ausnahme greift</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="76" />
      <source>Assigned</source>
      <translation>Zugewiesen</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="31" />
      <source>Awaiting approval</source>
      <translation>Wartet auf Freigabe</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="29" />
      <source>Awaiting verification</source>
      <translation>Wartet auf Prüfung</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="83" />
      <source>Check failed</source>
      <translation>Prüfung nicht bestanden</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="82" />
      <source>Check passed</source>
      <translation>Prüfung bestanden</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="78" />
      <source>Clock paused</source>
      <translation>Frist angehalten</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="79" />
      <source>Clock resumed</source>
      <translation>Frist läuft wieder</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="49" />
      <source>Closed</source>
      <translation>Abgeschlossen</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="32" />
      <source>Completed</source>
      <translation>Erledigt</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="80" />
      <source>Deadline extended</source>
      <translation>Frist verlängert</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="45" />
      <source>Due soon</source>
      <translation>Bald fällig</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="46" />
      <source>Due today</source>
      <translation>Heute fällig</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="77" />
      <source>Edited</source>
      <translation>Bearbeitet</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="54" />
      <source>Email</source>
      <translation>E-Mail</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="85" />
      <source>Evidence deleted</source>
      <translation>Nachweis gelöscht</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="65" />
      <source>Excessive (e.g. repetitive)</source>
      <translation>Exzessiv (z. B. wiederholt)</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="58" />
      <source>High</source>
      <translation>Hoch</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="63" />
      <source>Identity could not be verified</source>
      <translation>Identität konnte nicht geprüft werden</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="30" />
      <source>In progress</source>
      <translation>In Bearbeitung</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="54" />
      <source>Letter</source>
      <translation>Brief</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="58" />
      <source>Low</source>
      <translation>Niedrig</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="64" />
      <source>Manifestly unfounded</source>
      <translation>Offenkundig unbegründet</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="58" />
      <source>Normal</source>
      <translation>Normal</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="44" />
      <source>On track</source>
      <translation>Im Plan</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="47" />
      <source>Overdue</source>
      <translation>Überfällig</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="48" />
      <source>Paused</source>
      <translation>Angehalten</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="54" />
      <source>Phone</source>
      <translation>Telefon</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="73" />
      <source>Possible duplicate</source>
      <translation>Mögliches Duplikat</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="81" />
      <source>Receipt confirmed</source>
      <translation>Eingang bestätigt</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="28" />
      <source>Received</source>
      <translation>Eingegangen</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="33" />
      <source>Rejected</source>
      <translation>Abgelehnt</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="75" />
      <source>Reopened</source>
      <translation>Wieder geöffnet</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="84" />
      <source>Second verifier confirmed</source>
      <translation>Zweitprüfung bestätigt</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="74" />
      <source>Status changed</source>
      <translation>Status geändert</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="87" />
      <source>Subject data fetched</source>
      <translation>Personendaten abgerufen</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="86" />
      <source>Subject data imported</source>
      <translation>Personendaten importiert</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="58" />
      <source>Urgent</source>
      <translation>Dringend</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="54" />
      <source>Web form</source>
      <translation>Webformular</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="34" />
      <source>Withdrawn</source>
      <translation>Zurückgezogen</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="124" />
      <source>{0} end of day</source>
      <translation>{0}, Tagesende</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="94" />
      <source>{0} overdue</source>
      <translation>{0} überfällig</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="101" />
      <source>{0} · paused</source>
      <translation>{0} · angehalten</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="99" />
      <source>{0} · soon</source>
      <translation>{0} · bald</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="97" />
      <source>{0} · today</source>
      <translation>{0} · heute</translation>
    </message>
    <message>
      <location filename="../../ui/words.py" line="132" />
      <source>{0}d {1}</source>
      <translation>{0} T {1}</translation>
    </message>
  </context>
</TS>
