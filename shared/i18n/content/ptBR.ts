import { longDay } from './days';
import type { ContentText } from './types';

/** Portuguese (Brazil): você, as the interface; a pessoa facilitadora. */
export const PT_BR: ContentText = {
  templates: {
    'working-agreement': {
      name: 'Questionário de acordo de trabalho',
      summary: 'Sete perguntas que ajudam uma equipe a combinar como trabalha junta e a se entender melhor.',
      title: 'Nosso acordo de trabalho',
      purpose:
        'Estamos construindo confiança e expectativas claras: cada pessoa diz do que precisa, procuramos onde concordamos e registramos o que vamos fazer.',
      prompts: [
        'Hoje, o que me impede de trabalhar da melhor forma é…',
        'Os horários que funcionam melhor para eu me reunir são…',
        'Fora do horário de trabalho, tudo bem entrarem em contato comigo…',
        'Eu gostaria que a equipe tivesse em mente que…',
        'Para me apoiar, a equipe pode…',
        'Dá para perceber que estou com coisas demais quando eu…',
        'No meu trabalho, posso me comprometer a…',
      ],
    },
    'working-together': {
      name: 'Acordo de trabalho conjunto',
      summary: 'Um grupo combina seu propósito, os valores que quer viver e as práticas que os tornam reais.',
      title: 'Nosso acordo de trabalho conjunto',
      purpose:
        'Somos um grupo que quer trabalhar bem em conjunto. Combinamos por que existimos, o que valorizamos e como isso aparece na prática.',
      prompts: [
        'Nosso grupo existe para…',
        'Ter foco na ação significa que vamos…',
        'Ser um grupo inclusivo significa que vamos…',
        'Agir com integridade significa que vamos…',
        'Falar com uma só voz coletiva significa que vamos…',
        'Manter este espaço seguro e acolhedor significa que vamos…',
        'Uma prática que deveríamos combinar (atas, pautas, rodadas de abertura, formatos acessíveis…) é…',
        'Para participar plenamente, eu preciso de…',
      ],
    },
    'alliance-foundations': {
      name: 'Bases da aliança',
      summary:
        'Organizações que iniciam uma parceria combinam sua visão, sua liderança e como prestam contas, e dizem do que cada uma precisa.',
      title: 'As bases da nossa aliança',
      purpose:
        'Juntas, nossas organizações podem conquistar o que nenhuma conseguiria sozinha. Combinamos as bases que tornam esta parceria justa e duradoura.',
      prompts: [
        'A mudança que queremos ver, em conjunto, é…',
        'Nesta aliança, a liderança deveria…',
        'O problema que estamos enfrentando, do meu ponto de vista, é…',
        'Para sentir que minha organização tem voz de verdade, eu preciso de…',
        'O que minha organização traz e as outras não trazem é…',
        'Para que esta parceria valha a pena para nós, precisamos de…',
        'Vamos prestar contas umas às outras por meio de…',
      ],
    },
    'coalition-building': {
      name: 'Construção de coalizões',
      summary: 'Uma coalizão combina seu propósito, limites, papéis e normas, e os transforma em ações SMARTIE.',
      title: 'Nosso acordo de coalizão',
      purpose:
        'Estamos construindo uma coalizão para conquistar uma mudança que ninguém conquistaria sozinho. Combinamos o que nos mantém unidos e as ações com que nos comprometemos, com responsáveis e prazos.',
      prompts: [
        'Quem está faltando nesta coalizão, e como trazemos essas pessoas com poder real?',
        'O propósito que compartilhamos é…',
        'Esta coalizão não vai… (nossos limites)',
        'Os papéis de que precisamos (quem convoca, porta-vozes, quem faz pontes…) e quem assume cada um:',
        'Uma norma que deveríamos deixar explícita é…',
        'O que eu trago (habilidades, recursos, relações) é…',
      ],
    },
    partnering: {
      name: 'Conversa de parceria (duas pessoas)',
      summary:
        'Duas pessoas dizem o que cada uma oferece e pede, e combinam seus compromissos. Os nomes aparecem: entre duas pessoas, o anonimato não faz sentido.',
      title: 'Nossa parceria',
      purpose:
        'Queremos uma relação de trabalho boa para as duas partes. Dizemos abertamente o que cada pessoa oferece e do que precisa, e com o que nos comprometemos.',
      prompts: [
        'Por que eu quero que a gente trabalhe junto:',
        'O que eu posso oferecer a você:',
        'Como eu gostaria que você me apoiasse:',
        'Com o que nos comprometemos, a partir de agora:',
      ],
    },
  },
  exports: {
    day: longDay('pt-BR'),
    status: (version, isClosed) => (isClosed ? `Versão ${version}, final` : `Versão ${version}, em andamento`),
    checkIn: (date) => ` Vamos revisar o acordo em ${date}.`,
    datesInUtc: ' (Datas em UTC.)',
    agreementHeading: 'Nosso acordo',
    tableHead: ['Pergunta', 'O que ouvimos', 'O que combinamos'],
    decisionRecordsHeading: 'Registro das decisões',
    nothingAgreed: 'Nada foi combinado ainda.',
    smartie: (s) => `Responsável: ${s.owner}; indicador: ${s.measure}; prazo: ${s.deadline}; inclusão e equidade: ${s.equity}`,
    failedHeading: 'Rodadas que não foram aprovadas',
    endedHeading: 'Alterado, retirado ou desbloqueado',
    awarenessHeading: 'O que sabemos sobre cada pessoa',
    noAwareness: 'Este quadro não tem perguntas para nos conhecermos.',
    versionsHeading: 'Versões',
    noVersions: 'Nenhuma versão foi fechada ainda.',
    versionLine: (number, closedOn, items) =>
      `Versão ${number}: fechada em ${closedOn}, ${items} ${items === 1 ? 'item' : 'itens'}.`,
    needMark: ' (necessidade)',
    themeCounts: (notes, needs) =>
      `${notes} ${notes === 1 ? 'nota' : 'notas'}${needs > 0 ? `, ${needs} ${needs === 1 ? 'necessidade' : 'necessidades'}` : ''}`,
    nothingShared: 'Nada foi compartilhado ainda.',
    rules: { consensus: 'consenso', consent: 'consentimento', majority: 'maioria' },
    responses: { agree: 'concordo', canLive: 'consigo conviver com isso', block: 'bloqueio' },
    counts: (c) => `concordam: ${c.agree}, conseguem conviver com isso: ${c.canLive}, bloqueios: ${c.block}`,
    decided: (d) => `decidido por ${d.rule} na rodada ${d.round} em ${d.date} (versão ${d.version}): ${d.counts}`,
    unlocked: (date, reason) => `desbloqueado em ${date}: ${reason}`,
    replaced: (date, by) => (by === null ? `substituído em ${date}` : `substituído em ${date} por: ${by}`),
    retiredByRound: (date) => `retirado em ${date} por uma rodada`,
    retired: (d) =>
      `retirado em ${d.date} por uma rodada (${d.rule}, rodada ${d.round}: ${d.counts}) sobre a proposta: ${d.proposal}`,
    inForce: 'em vigor',
    newWordingFor: (statement) => ` (nova redação para: ${statement})`,
    toRetire: (statement) => ` (para retirar: ${statement})`,
    didNotPass: (round, rule) => `rodada ${round} por ${rule}: não foi aprovada.`,
    roundOutcome: (d) => `rodada ${d.round} por ${d.rule} em ${d.date}: ${d.counts}.`,
    reason: (response, text) => `Motivo (${response}): ${text}`,
    why: (w) => {
      const present = (n: number) => (n === 1 ? '1 pessoa presente' : `${n} pessoas presentes`);
      switch (w.kind) {
        case 'nobodyResponded':
          return 'Não aprovada: ninguém respondeu.';
        case 'blocked':
          return `Não aprovada: ${w.blocks === 1 ? '1 pessoa bloqueou' : `${w.blocks} pessoas bloquearam`}.`;
        case 'quorumShort':
          return `Não aprovada: ${w.responded === 1 ? '1 pessoa respondeu' : `${w.responded} pessoas responderam`}, mas eram necessárias ${w.needed} (${w.quorum}% das ${present(w.present)}).`;
        case 'consensusPassed':
          return `Aprovada: ninguém bloqueou, e ${w.responded} das ${present(w.present)} responderam.`;
        case 'consentPassed':
          return 'Aprovada: ninguém bloqueou.';
        case 'majority':
          return `${w.isPassed ? 'Aprovada' : 'Não aprovada'}: ${w.agree} de ${w.responded} respostas (${w.share}%) concordam; ${w.isPassed ? 'eram necessários' : 'são necessários'} ${w.threshold}%.`;
      }
    },
    csvColumns: ['linha', 'pergunta', 'tipo', 'tema', 'texto', 'marcação', 'votos_nota', 'votos_tema', 'decisão'],
    csvRows: { agreement: 'acordo', note: 'nota' },
    csvKinds: { align: 'alinhamento', awareness: 'conhecimento mútuo' },
    csvTags: { need: 'necessidade', nice: 'desejável' },
    icsSummary: (title) => `Revisão do nosso acordo: ${title}`,
    icsDescription: 'As necessidades mudam. Nosso acordo ainda funciona para todo mundo? Alguma coisa deveria mudar?',
  },
  phaseGuidance: {
    setup: 'A pessoa facilitadora está preparando as perguntas. Você já pode entrar e aguardar.',
    reflect: 'Escreva suas próprias respostas para cada pergunta. Ninguém mais pode lê-las ainda.',
    share: 'As respostas estão sendo mostradas para todo mundo, sem nomes. Você ainda pode acrescentar mais.',
    group: 'A pessoa facilitadora está juntando respostas parecidas em temas.',
    vote: 'Coloque seus pontos nos temas que mais importam para você.',
    decide: 'Diga se você concorda com cada proposta de acordo.',
    agreement: 'Isto é o que o grupo combinou.',
    revisit: 'O grupo está verificando se o acordo ainda funciona.',
  },
};
