import { longDay } from './days';
import type { ContentText } from './types';

// French typography: a no-break space (\u00a0) before « : », a narrow one (\u202f) before « ; ? ! ».

/** French: vous, as the interface; la personne qui anime. */
export const FR: ContentText = {
  templates: {
    'working-agreement': {
      name: 'Questionnaire pour un accord de travail',
      summary: 'Sept questions qui aident une équipe à convenir de sa façon de travailler ensemble et à mieux se comprendre.',
      title: 'Notre accord de travail',
      purpose:
        'Nous bâtissons la confiance et des attentes claires\u00a0: chaque personne dit ce dont elle a besoin, nous cherchons nos points d’accord et nous écrivons ce que nous allons faire.',
      prompts: [
        'En ce moment, ce qui m’empêche de donner le meilleur de moi-même, c’est…',
        'Les moments qui me conviennent le mieux pour nous réunir sont…',
        'En dehors des heures de travail, on peut me contacter…',
        'J’aimerais que l’équipe garde à l’esprit que…',
        'L’équipe peut me soutenir en…',
        'On voit que j’en ai trop sur les bras quand je…',
        'Dans mon travail, je peux m’engager à…',
      ],
    },
    'working-together': {
      name: 'Accord pour travailler ensemble',
      summary: 'Un groupe convient de sa raison d’être, des valeurs qu’il veut vivre et des pratiques qui les rendent concrètes.',
      title: 'Notre accord pour travailler ensemble',
      purpose:
        'Nous sommes un groupe qui veut bien travailler ensemble. Nous convenons de notre raison d’être, de ce qui compte pour nous et de ce que cela donne en pratique.',
      prompts: [
        'Notre groupe existe pour…',
        'Être orientés vers l’action signifie que nous allons…',
        'Être inclusifs signifie que nous allons…',
        'Agir avec intégrité signifie que nous allons…',
        'Parler d’une seule voix collective signifie que nous allons…',
        'Garder cet espace sûr et bienveillant signifie que nous allons…',
        'Une pratique sur laquelle nous mettre d’accord (comptes rendus, ordres du jour, tours de table, formats accessibles…) est…',
        'Pour participer pleinement, j’ai besoin de…',
      ],
    },
    'alliance-foundations': {
      name: 'Fondations de l’alliance',
      summary:
        'Des organisations qui lancent un partenariat conviennent de sa vision, de sa gouvernance et de la redevabilité, et disent ce dont chacune a besoin.',
      title: 'Les fondations de notre alliance',
      purpose:
        'Ensemble, nos organisations peuvent accomplir ce qu’aucune ne pourrait seule. Nous convenons des fondations qui rendent ce partenariat équitable et durable.',
      prompts: [
        'Le changement que nous voulons voir ensemble, c’est…',
        'Dans cette alliance, le leadership devrait ressembler à…',
        'Le problème auquel nous nous attaquons, tel que je le vois, c’est…',
        'Pour sentir que mon organisation a vraiment voix au chapitre, j’ai besoin de…',
        'Ce que mon organisation apporte et que les autres n’apportent pas, c’est…',
        'Pour que ce partenariat en vaille la peine pour nous, il nous faut…',
        'Nous nous rendrons mutuellement des comptes en…',
      ],
    },
    'coalition-building': {
      name: 'Construire une coalition',
      summary:
        'Une coalition convient de sa raison d’être, de ses limites, de ses rôles et de ses normes, et les traduit en actions SMARTIE.',
      title: 'Notre accord de coalition',
      purpose:
        'Nous formons une coalition pour obtenir un changement que personne ne peut obtenir seul. Nous convenons de ce qui nous unit et des actions auxquelles nous nous engageons, avec des responsables et des échéances.',
      prompts: [
        'Qui manque dans cette coalition, et comment l’y faire entrer avec un vrai pouvoir\u202f?',
        'La raison d’être que nous partageons est…',
        'Cette coalition ne fera pas… (nos limites)',
        'Les rôles dont nous avons besoin (coordination, porte-parole, passeurs…) et qui les prend\u00a0:',
        'Une norme que nous devrions rendre explicite est…',
        'Ce que j’apporte (compétences, ressources, relations), c’est…',
      ],
    },
    partnering: {
      name: 'Conversation de partenariat (deux personnes)',
      summary:
        'Deux personnes disent ce que chacune offre et demande, et conviennent de leurs engagements. Les noms sont affichés\u00a0: à deux, l’anonymat n’a pas de sens.',
      title: 'Notre partenariat',
      purpose:
        'Nous voulons une relation de travail bonne pour nous deux. Nous disons ouvertement ce que chaque personne offre et ce dont elle a besoin, et ce à quoi nous nous engageons.',
      prompts: [
        'Pourquoi je veux que nous travaillions ensemble\u00a0:',
        'Ce que je peux vous offrir\u00a0:',
        'Comment j’aimerais que vous me souteniez\u00a0:',
        'Ce à quoi nous nous engageons, dès maintenant\u00a0:',
      ],
    },
  },
  exports: {
    day: longDay('fr'),
    status: (version, isClosed) => (isClosed ? `Version ${version}, définitive` : `Version ${version}, en cours`),
    checkIn: (date) => ` Nous faisons le point sur notre accord le ${date}.`,
    datesInUtc: ' (Dates en UTC.)',
    agreementHeading: 'Notre accord',
    tableHead: ['Question', 'Ce que nous avons entendu', 'Ce dont nous avons convenu'],
    decisionRecordsHeading: 'Registre des décisions',
    nothingAgreed: 'Rien n’a encore été convenu.',
    smartie: (s) =>
      `Responsable\u00a0: ${s.owner}\u202f; indicateur\u00a0: ${s.measure}\u202f; échéance\u00a0: ${s.deadline}\u202f; inclusion et équité\u00a0: ${s.equity}`,
    failedHeading: 'Tours non adoptés',
    endedHeading: 'Modifié, retiré ou déverrouillé',
    awarenessHeading: 'Ce que nous savons les uns des autres',
    noAwareness: 'Aucune question pour mieux se connaître sur ce tableau.',
    versionsHeading: 'Versions',
    noVersions: 'Aucune version n’a encore été clôturée.',
    versionLine: (number, closedOn, items) =>
      `Version ${number}\u00a0: clôturée le ${closedOn}, ${items} ${items <= 1 ? 'élément' : 'éléments'}.`,
    needMark: ' (besoin)',
    themeCounts: (notes, needs) =>
      `${notes} ${notes <= 1 ? 'note' : 'notes'}${needs > 0 ? `, ${needs} ${needs === 1 ? 'besoin' : 'besoins'}` : ''}`,
    nothingShared: 'Rien n’a encore été partagé.',
    rules: { consensus: 'consensus', consent: 'consentement', majority: 'majorité' },
    responses: { agree: 'd’accord', canLive: 'je peux vivre avec', block: 'blocage' },
    counts: (c) => `d’accord\u00a0: ${c.agree}, peuvent vivre avec\u00a0: ${c.canLive}, blocages\u00a0: ${c.block}`,
    decided: (d) => `décidé par ${d.rule} au tour ${d.round} le ${d.date} (version ${d.version})\u00a0: ${d.counts}`,
    unlocked: (date, reason) => `déverrouillé le ${date}\u00a0: ${reason}`,
    replaced: (date, by) => (by === null ? `remplacé le ${date}` : `remplacé le ${date} par\u00a0: ${by}`),
    retiredByRound: (date) => `retiré le ${date} par un tour`,
    retired: (d) =>
      `retiré le ${d.date} par un tour (${d.rule}, tour ${d.round}\u00a0: ${d.counts}) sur la proposition\u00a0: ${d.proposal}`,
    inForce: 'en vigueur',
    newWordingFor: (statement) => ` (nouvelle formulation de\u00a0: ${statement})`,
    toRetire: (statement) => ` (à retirer\u00a0: ${statement})`,
    didNotPass: (round, rule) => `tour ${round} par ${rule}\u00a0: non adopté.`,
    roundOutcome: (d) => `tour ${d.round} par ${d.rule} le ${d.date}\u00a0: ${d.counts}.`,
    reason: (response, text) => `Raison (${response})\u00a0: ${text}`,
    why: (w) => {
      const present = (n: number) => (n === 1 ? '1 personne présente' : `${n} personnes présentes`);
      switch (w.kind) {
        case 'nobodyResponded':
          return 'Non adoptée\u00a0: personne n’a répondu.';
        case 'blocked':
          return `Non adoptée\u00a0: ${w.blocks === 1 ? '1 personne a bloqué' : `${w.blocks} personnes ont bloqué`}.`;
        case 'quorumShort':
          return `Non adoptée\u00a0: ${w.responded === 1 ? '1 personne a répondu' : `${w.responded} personnes ont répondu`}, mais il en fallait ${w.needed} (${w.quorum}\u00a0% des ${present(w.present)}).`;
        case 'consensusPassed':
          return `Adoptée\u00a0: personne n’a bloqué, et ${w.responded} des ${present(w.present)} ont répondu.`;
        case 'consentPassed':
          return 'Adoptée\u00a0: personne n’a bloqué.';
        case 'majority':
          return `${w.isPassed ? 'Adoptée' : 'Non adoptée'}\u00a0: ${w.agree} réponses sur ${w.responded} (${w.share}\u00a0%) sont d’accord\u00a0; il en ${w.isPassed ? 'fallait' : 'faut'} ${w.threshold}\u00a0%.`;
      }
    },
    csvColumns: ['ligne', 'question', 'type', 'thème', 'texte', 'étiquette', 'votes_note', 'votes_thème', 'décision'],
    csvRows: { agreement: 'accord', note: 'note' },
    csvKinds: { align: 'accord', awareness: 'connaissance mutuelle' },
    csvTags: { need: 'besoin', nice: 'souhait' },
    icsSummary: (title) => `Point sur notre accord\u00a0: ${title}`,
    icsDescription:
      'Les besoins changent. Notre accord fonctionne-t-il toujours pour tout le monde\u202f? Faut-il changer quelque chose\u202f?',
  },
  phaseGuidance: {
    setup: 'La personne qui anime prépare les questions. Vous pouvez rejoindre le tableau maintenant et patienter.',
    reflect: 'Écrivez vos propres réponses à chaque question. Personne d’autre ne peut encore les lire.',
    share: 'Les réponses sont montrées à tout le monde, sans les noms. Vous pouvez encore en ajouter.',
    group: 'La personne qui anime regroupe les réponses semblables en thèmes.',
    vote: 'Placez vos points sur les thèmes qui comptent le plus pour vous.',
    decide: 'Dites si vous êtes d’accord avec chaque proposition d’accord.',
    agreement: 'Voici ce dont le groupe a convenu.',
    revisit: 'Le groupe vérifie si l’accord fonctionne toujours.',
  },
};
