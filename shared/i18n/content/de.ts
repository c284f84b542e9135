import { longDay } from './days';
import type { ContentText } from './types';

/** German: du, as the interface; die Moderation. */
export const DE: ContentText = {
  templates: {
    'working-agreement': {
      name: 'Fragebogen zur Arbeitsvereinbarung',
      summary: 'Sieben Fragen, mit denen ein Team vereinbart, wie es zusammenarbeitet, und einander besser versteht.',
      title: 'Unsere Arbeitsvereinbarung',
      purpose:
        'Wir schaffen Vertrauen und klare Erwartungen: Alle sagen, was sie brauchen, wir suchen nach Gemeinsamkeiten und schreiben auf, was wir tun werden.',
      prompts: [
        'Was mich gerade daran hindert, richtig gut zu arbeiten, ist…',
        'Für Besprechungen passen mir am besten…',
        'Außerhalb der Arbeitszeit bin ich gern erreichbar…',
        'Ich möchte, dass das Team im Blick behält, dass…',
        'Das Team kann mich unterstützen, indem…',
        'Dass ich zu viel auf dem Tisch habe, merkt man daran, dass ich…',
        'Bei meiner Arbeit kann ich zusagen, dass ich…',
      ],
    },
    'working-together': {
      name: 'Vereinbarung zur Zusammenarbeit',
      summary:
        'Eine Gruppe vereinbart ihren Zweck, die Werte, nach denen sie leben will, und die Praktiken, die sie sichtbar machen.',
      title: 'Unsere Vereinbarung zur Zusammenarbeit',
      purpose:
        'Wir sind eine Gruppe, die gut zusammenarbeiten will. Wir vereinbaren, wozu es uns gibt, was uns wichtig ist und wie das in der Praxis aussieht.',
      prompts: [
        'Unsere Gruppe gibt es, um…',
        'Handlungsorientiert zu sein heißt für uns, dass wir…',
        'Inklusiv zu sein heißt für uns, dass wir…',
        'Integer zu handeln heißt für uns, dass wir…',
        'Mit einer gemeinsamen Stimme zu sprechen heißt für uns, dass wir…',
        'Diesen Raum sicher und unterstützend zu halten heißt für uns, dass wir…',
        'Eine Praxis, auf die wir uns einigen sollten (Protokolle, Tagesordnungen, Eingangsrunden, barrierefreie Formate…), ist…',
        'Um voll teilnehmen zu können, brauche ich…',
      ],
    },
    'alliance-foundations': {
      name: 'Grundlagen der Allianz',
      summary:
        'Organisationen, die eine Partnerschaft beginnen, vereinbaren Vision, Führung und gegenseitige Verantwortung und sagen, was jede braucht.',
      title: 'Die Grundlagen unserer Allianz',
      purpose:
        'Gemeinsam können unsere Organisationen erreichen, was keine allein schafft. Wir vereinbaren die Grundlagen, die diese Partnerschaft fair und dauerhaft machen.',
      prompts: [
        'Die Veränderung, die wir gemeinsam erreichen wollen, ist…',
        'Gute Führung in dieser Allianz bedeutet…',
        'Das Problem, das wir angehen, ist aus meiner Sicht…',
        'Damit ich spüre, dass meine Organisation wirklich mitbestimmt, brauche ich…',
        'Was meine Organisation einbringt und andere nicht, ist…',
        'Damit sich diese Partnerschaft für uns lohnt, brauchen wir…',
        'Wir nehmen einander in die Verantwortung, indem wir…',
      ],
    },
    'coalition-building': {
      name: 'Ein Bündnis aufbauen',
      summary: 'Ein Bündnis vereinbart Zweck, Grenzen, Rollen und Normen und macht daraus SMARTIE-Maßnahmen.',
      title: 'Unsere Bündnisvereinbarung',
      purpose:
        'Wir bauen ein Bündnis auf, um eine Veränderung zu erreichen, die niemand von uns allein erreichen kann. Wir vereinbaren, was uns zusammenhält und zu welchen Maßnahmen wir uns verpflichten, mit Verantwortlichen und Fristen.',
      prompts: [
        'Wer fehlt in diesem Bündnis, und wie holen wir diese Menschen mit echtem Einfluss dazu?',
        'Der Zweck, den wir teilen, ist…',
        'Dieses Bündnis wird nicht… (unsere Grenzen)',
        'Die Rollen, die wir brauchen (Koordination, Sprachrohr, Vernetzung…), und wer sie übernimmt:',
        'Eine Norm, die wir ausdrücklich festhalten sollten, ist…',
        'Was ich einbringe (Fähigkeiten, Ressourcen, Beziehungen), ist…',
      ],
    },
    partnering: {
      name: 'Partnerschaftsgespräch (zwei Personen)',
      summary:
        'Zwei Personen sagen, was jede anbietet und sich wünscht, und vereinbaren ihre Zusagen. Namen werden angezeigt: Zu zweit ist Anonymität sinnlos.',
      title: 'Unsere Partnerschaft',
      purpose:
        'Wir wollen eine Arbeitsbeziehung, die uns beiden guttut. Wir sagen offen, was jede Seite anbietet und braucht und wozu wir uns verpflichten.',
      prompts: [
        'Warum ich mit dir zusammenarbeiten möchte:',
        'Was ich dir anbieten kann:',
        'Wie ich mir deine Unterstützung wünsche:',
        'Wozu wir uns ab jetzt verpflichten:',
      ],
    },
  },
  exports: {
    day: longDay('de'),
    status: (version, isClosed) => (isClosed ? `Version ${version}, endgültig` : `Version ${version}, in Arbeit`),
    checkIn: (date) => ` Wir überprüfen unsere Vereinbarung am ${date}.`,
    datesInUtc: ' (Datumsangaben in UTC.)',
    agreementHeading: 'Unsere Vereinbarung',
    tableHead: ['Frage', 'Was wir gehört haben', 'Was wir vereinbart haben'],
    decisionRecordsHeading: 'Entscheidungsprotokoll',
    nothingAgreed: 'Es wurde noch nichts vereinbart.',
    smartie: (s) =>
      `Verantwortlich: ${s.owner}; Messgröße: ${s.measure}; Frist: ${s.deadline}; Inklusion und Gerechtigkeit: ${s.equity}`,
    failedHeading: 'Nicht angenommene Runden',
    endedHeading: 'Geändert, zurückgezogen oder entsperrt',
    awarenessHeading: 'Was wir voneinander wissen',
    noAwareness: 'Auf diesem Board gibt es keine Fragen zum Kennenlernen.',
    versionsHeading: 'Versionen',
    noVersions: 'Es wurde noch keine Version abgeschlossen.',
    versionLine: (number, closedOn, items) =>
      `Version ${number}: abgeschlossen am ${closedOn}, ${items} ${items === 1 ? 'Punkt' : 'Punkte'}.`,
    needMark: ' (Bedürfnis)',
    themeCounts: (notes, needs) =>
      `${notes} ${notes === 1 ? 'Notiz' : 'Notizen'}${needs > 0 ? `, ${needs} ${needs === 1 ? 'Bedürfnis' : 'Bedürfnisse'}` : ''}`,
    nothingShared: 'Noch nichts geteilt.',
    rules: { consensus: 'Konsens', consent: 'Konsent', majority: 'Mehrheit' },
    responses: { agree: 'Zustimmung', canLive: 'kann damit leben', block: 'Veto' },
    counts: (c) => `Zustimmung: ${c.agree}, kann damit leben: ${c.canLive}, Veto: ${c.block}`,
    decided: (d) => `entschieden per ${d.rule} in Runde ${d.round} am ${d.date} (Version ${d.version}): ${d.counts}`,
    unlocked: (date, reason) => `entsperrt am ${date}: ${reason}`,
    replaced: (date, by) => (by === null ? `ersetzt am ${date}` : `ersetzt am ${date} durch: ${by}`),
    retiredByRound: (date) => `zurückgezogen am ${date} durch eine Runde`,
    retired: (d) =>
      `zurückgezogen am ${d.date} durch eine Runde (${d.rule}, Runde ${d.round}: ${d.counts}) zum Vorschlag: ${d.proposal}`,
    inForce: 'in Kraft',
    newWordingFor: (statement) => ` (neue Formulierung für: ${statement})`,
    toRetire: (statement) => ` (zum Zurückziehen: ${statement})`,
    didNotPass: (round, rule) => `Runde ${round} per ${rule}: nicht angenommen.`,
    roundOutcome: (d) => `Runde ${d.round} per ${d.rule} am ${d.date}: ${d.counts}.`,
    reason: (response, text) => `Begründung (${response}): ${text}`,
    why: (w) => {
      const present = (n: number) => (n === 1 ? '1 anwesenden Person' : `${n} Anwesenden`);
      const people = (n: number) => (n === 1 ? '1 Person hat' : `${n} Personen haben`);
      switch (w.kind) {
        case 'nobodyResponded':
          return 'Nicht angenommen: Niemand hat geantwortet.';
        case 'blocked':
          return `Nicht angenommen: ${people(w.blocks)} blockiert.`;
        case 'quorumShort':
          return `Nicht angenommen: ${people(w.responded)} geantwortet, nötig ${w.needed === 1 ? 'war 1' : `waren ${w.needed}`} (${w.quorum} % der ${present(w.present)}).`;
        case 'consensusPassed':
          return `Angenommen: Niemand hat blockiert, und ${w.responded} der ${present(w.present)} haben geantwortet.`;
        case 'consentPassed':
          return 'Angenommen: Niemand hat blockiert.';
        case 'majority':
          return `${w.isPassed ? 'Angenommen' : 'Nicht angenommen'}: ${w.agree} von ${w.responded} Antworten (${w.share} %) stimmen zu; ${w.threshold} % ${w.isPassed ? 'waren' : 'sind'} nötig.`;
      }
    },
    csvColumns: ['Zeile', 'Frage', 'Art', 'Thema', 'Text', 'Markierung', 'Punkte_Notiz', 'Punkte_Thema', 'Entscheidung'],
    csvRows: { agreement: 'Vereinbarung', note: 'Notiz' },
    csvKinds: { align: 'Einigung', awareness: 'Kennenlernen' },
    csvTags: { need: 'Bedürfnis', nice: 'Wunsch' },
    icsSummary: (title) => `Überprüfung unserer Vereinbarung: ${title}`,
    icsDescription: 'Bedürfnisse ändern sich. Funktioniert unsere Vereinbarung noch für alle? Sollten wir etwas ändern?',
  },
  phaseGuidance: {
    setup: 'Die Moderation bereitet die Fragen vor. Du kannst jetzt beitreten und warten.',
    reflect: 'Schreib deine eigenen Antworten auf jede Frage. Noch kann sie niemand sonst lesen.',
    share: 'Die Antworten werden allen gezeigt, ohne Namen. Du kannst noch weitere hinzufügen.',
    group: 'Die Moderation fasst ähnliche Antworten zu Themen zusammen.',
    vote: 'Verteile deine Punkte auf die Themen, die dir am wichtigsten sind.',
    decide: 'Sag, ob du jedem vorgeschlagenen Punkt der Vereinbarung zustimmst.',
    agreement: 'Das hat die Gruppe vereinbart.',
    revisit: 'Die Gruppe prüft, ob die Vereinbarung noch passt.',
  },
};
