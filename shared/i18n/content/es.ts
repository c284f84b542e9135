import { longDay } from './days';
import type { ContentText } from './types';

/** Spanish: tú, as the interface; quien facilita. */
export const ES: ContentText = {
  templates: {
    'working-agreement': {
      name: 'Cuestionario de acuerdo de trabajo',
      summary: 'Siete preguntas que ayudan a un equipo a acordar cómo trabaja en conjunto y a entenderse mejor.',
      title: 'Nuestro acuerdo de trabajo',
      purpose:
        'Estamos construyendo confianza y expectativas claras: cada persona dice lo que necesita, buscamos en qué coincidimos y dejamos por escrito lo que vamos a hacer.',
      prompts: [
        'Ahora mismo, lo que me impide trabajar a mi mejor nivel es…',
        'Los momentos que mejor me vienen para reunirnos son…',
        'Fuera del horario de trabajo, no me importa que me contacten…',
        'Me gustaría que el equipo tuviera presente que…',
        'Para apoyarme, el equipo puede…',
        'Se nota que tengo demasiado encima cuando…',
        'En mi trabajo, me puedo comprometer a…',
      ],
    },
    'working-together': {
      name: 'Acuerdo de colaboración',
      summary: 'Un grupo acuerda su propósito, los valores con los que quiere vivir y las prácticas que los hacen visibles.',
      title: 'Nuestro acuerdo de colaboración',
      purpose:
        'Somos un grupo que quiere trabajar bien en conjunto. Acordamos por qué existimos, qué valoramos y cómo se ve eso en la práctica.',
      prompts: [
        'Nuestro grupo existe para…',
        'Centrarnos en la acción significa que vamos a…',
        'Ser un grupo inclusivo significa que vamos a…',
        'Actuar con integridad significa que vamos a…',
        'Hablar con una sola voz colectiva significa que vamos a…',
        'Mantener este espacio seguro y de apoyo significa que vamos a…',
        'Una práctica que deberíamos acordar (actas, órdenes del día, rondas de apertura, formatos accesibles…) es…',
        'Para participar plenamente, necesito…',
      ],
    },
    'alliance-foundations': {
      name: 'Bases de la alianza',
      summary:
        'Organizaciones que inician una alianza acuerdan su visión, su liderazgo y cómo rendirán cuentas, y dicen lo que cada una necesita.',
      title: 'Las bases de nuestra alianza',
      purpose:
        'Juntas, nuestras organizaciones pueden lograr lo que ninguna lograría por separado. Acordamos las bases que hacen que esta alianza sea justa y duradera.',
      prompts: [
        'El cambio que queremos lograr en conjunto es…',
        'El liderazgo en esta alianza debería ser…',
        'El problema que abordamos, tal como yo lo veo, es…',
        'Para sentir que mi organización tiene voz de verdad, necesito…',
        'Lo que aporta mi organización y otras no es…',
        'Para que esta alianza valga la pena para nosotros, necesitamos…',
        'Nos rendiremos cuentas mutuamente mediante…',
      ],
    },
    'coalition-building': {
      name: 'Construcción de coaliciones',
      summary: 'Una coalición acuerda su propósito, sus límites, sus roles y sus normas, y los convierte en acciones SMARTIE.',
      title: 'Nuestro acuerdo de coalición',
      purpose:
        'Estamos formando una coalición para lograr un cambio que nadie puede lograr por su cuenta. Acordamos qué nos mantiene unidos y las acciones a las que nos comprometemos, con responsables y plazos.',
      prompts: [
        '¿Quién falta en esta coalición y cómo lo sumamos con poder real?',
        'El propósito que compartimos es…',
        'Esta coalición no va a… (nuestros límites)',
        'Los roles que necesitamos (convocatoria, portavoces, enlaces…) y quién los asume:',
        'Una norma que deberíamos hacer explícita es…',
        'Lo que yo aporto (habilidades, recursos, relaciones) es…',
      ],
    },
    partnering: {
      name: 'Conversación de colaboración (dos personas)',
      summary:
        'Dos personas dicen qué ofrece y qué pide cada una, y acuerdan sus compromisos. Los nombres se muestran: entre dos personas, el anonimato no tiene sentido.',
      title: 'Nuestra colaboración',
      purpose:
        'Queremos una relación de trabajo que sea buena para las dos partes. Decimos abiertamente qué ofrece y qué necesita cada una, y a qué nos comprometemos.',
      prompts: [
        'Por qué quiero que trabajemos en conjunto:',
        'Lo que puedo ofrecerte:',
        'Cómo me gustaría que me apoyaras:',
        'A qué nos comprometemos, desde ahora:',
      ],
    },
  },
  exports: {
    day: longDay('es'),
    status: (version, isClosed) => (isClosed ? `Versión ${version}, definitiva` : `Versión ${version}, en curso`),
    checkIn: (date) => ` Revisaremos el acuerdo el ${date}.`,
    datesInUtc: ' (Fechas en UTC.)',
    agreementHeading: 'Nuestro acuerdo',
    tableHead: ['Pregunta', 'Lo que escuchamos', 'Lo que acordamos'],
    decisionRecordsHeading: 'Registro de decisiones',
    nothingAgreed: 'Todavía no se ha acordado nada.',
    smartie: (s) => `Responsable: ${s.owner}; indicador: ${s.measure}; plazo: ${s.deadline}; inclusión y equidad: ${s.equity}`,
    failedHeading: 'Rondas que no se aprobaron',
    endedHeading: 'Cambiado, retirado o desbloqueado',
    awarenessHeading: 'Lo que sabemos de cada quien',
    noAwareness: 'Este tablero no tiene preguntas para conocernos.',
    versionsHeading: 'Versiones',
    noVersions: 'Todavía no se ha cerrado ninguna versión.',
    versionLine: (number, closedOn, items) =>
      `Versión ${number}: cerrada el ${closedOn}, ${items} ${items === 1 ? 'punto' : 'puntos'}.`,
    needMark: ' (necesidad)',
    themeCounts: (notes, needs) =>
      `${notes} ${notes === 1 ? 'nota' : 'notas'}${needs > 0 ? `, ${needs} ${needs === 1 ? 'necesidad' : 'necesidades'}` : ''}`,
    nothingShared: 'Todavía no se ha compartido nada.',
    rules: { consensus: 'consenso', consent: 'consentimiento', majority: 'mayoría' },
    responses: { agree: 'de acuerdo', canLive: 'puedo vivir con ello', block: 'bloqueo' },
    counts: (c) => `de acuerdo: ${c.agree}, pueden vivir con ello: ${c.canLive}, bloqueos: ${c.block}`,
    decided: (d) => `decidido por ${d.rule} en la ronda ${d.round} el ${d.date} (versión ${d.version}): ${d.counts}`,
    unlocked: (date, reason) => `desbloqueado el ${date}: ${reason}`,
    replaced: (date, by) => (by === null ? `reemplazado el ${date}` : `reemplazado el ${date} por: ${by}`),
    retiredByRound: (date) => `retirado el ${date} por una ronda`,
    retired: (d) =>
      `retirado el ${d.date} por una ronda (${d.rule}, ronda ${d.round}: ${d.counts}) sobre la propuesta: ${d.proposal}`,
    inForce: 'vigente',
    newWordingFor: (statement) => ` (nueva redacción de: ${statement})`,
    toRetire: (statement) => ` (para retirar: ${statement})`,
    didNotPass: (round, rule) => `ronda ${round} por ${rule}: no se aprobó.`,
    roundOutcome: (d) => `ronda ${d.round} por ${d.rule} el ${d.date}: ${d.counts}.`,
    reason: (response, text) => `Motivo (${response}): ${text}`,
    why: (w) => {
      const people = (n: number) => (n === 1 ? '1 persona' : `${n} personas`);
      const present = (n: number) => (n === 1 ? '1 persona presente' : `${n} personas presentes`);
      switch (w.kind) {
        case 'nobodyResponded':
          return 'No aprobada: nadie respondió.';
        case 'blocked':
          return `No aprobada: ${people(w.blocks)} ${w.blocks === 1 ? 'bloqueó' : 'bloquearon'}.`;
        case 'quorumShort':
          return `No aprobada: ${w.responded === 1 ? 'respondió' : 'respondieron'} ${people(w.responded)}, pero hacían falta ${w.needed} (${w.quorum} % de las ${present(w.present)}).`;
        case 'consensusPassed':
          return `Aprobada: nadie bloqueó y respondieron ${w.responded} de las ${present(w.present)}.`;
        case 'consentPassed':
          return 'Aprobada: nadie bloqueó.';
        case 'majority':
          return `${w.isPassed ? 'Aprobada' : 'No aprobada'}: ${w.agree} de ${w.responded} respuestas (${w.share} %) están de acuerdo; ${w.isPassed ? 'hacía' : 'hace'} falta el ${w.threshold} %.`;
      }
    },
    csvColumns: ['fila', 'pregunta', 'tipo', 'tema', 'texto', 'etiqueta', 'votos_nota', 'votos_tema', 'decisión'],
    csvRows: { agreement: 'acuerdo', note: 'nota' },
    csvKinds: { align: 'acordar', awareness: 'conocernos' },
    csvTags: { need: 'necesidad', nice: 'deseable' },
    icsSummary: (title) => `Revisión de nuestro acuerdo: ${title}`,
    icsDescription:
      'Las necesidades cambian. ¿Nuestro acuerdo sigue funcionando para todas las personas? ¿Hay algo que deberíamos cambiar?',
  },
  phaseGuidance: {
    setup: 'Quien facilita está preparando las preguntas. Puedes unirte ahora y esperar.',
    reflect: 'Escribe tus propias respuestas a cada pregunta. Nadie más puede leerlas todavía.',
    share: 'Las respuestas se están mostrando a todo el grupo, sin nombres. Todavía puedes añadir más.',
    group: 'Quien facilita está juntando las respuestas parecidas en temas.',
    vote: 'Pon tus puntos en los temas que más te importan.',
    decide: 'Di si estás de acuerdo con cada propuesta de acuerdo.',
    agreement: 'Esto es lo que acordó el grupo.',
    revisit: 'El grupo está comprobando si el acuerdo sigue funcionando.',
  },
};
