import { longDay } from './days';
import type { ContentText } from './types';

/** Arabic's six plural forms (zero, one, two, few, many, other), `#` standing for the number. */
const ARABIC_PLURALS = new Intl.PluralRules('ar');
const ARABIC_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'];
function arabicCount(n: number, forms: readonly string[]): string {
  const form = forms[ARABIC_FORMS.indexOf(ARABIC_PLURALS.select(n))] ?? (forms[5] as string);
  return form.replace('#', String(n));
}
const PRESENT = ['لا أحد من الحاضرين', 'شخص واحد حاضر', 'شخصين حاضرين', '# أشخاص حاضرين', '# شخصًا حاضرًا', '# شخص حاضر'];

// Counts are written as "label: number": Arabic nouns take six forms after a number, and a label
// reads naturally with any count.

/** Arabic (right to left): الميسّر, as the interface. */
export const AR: ContentText = {
  templates: {
    'working-agreement': {
      name: 'استبيان اتفاق العمل',
      summary: 'سبعة أسئلة تساعد الفريق على الاتفاق على طريقة عمله معًا وعلى أن يفهم أفراده بعضهم بعضًا.',
      title: 'اتفاق العمل بيننا',
      purpose: 'نبني الثقة وتوقعات واضحة: يقول كلٌّ منا ما يحتاج إليه، ونبحث عمّا نتفق عليه، ونكتب ما سنفعله.',
      prompts: [
        'ما يمنعني الآن من العمل بأفضل ما لديّ هو…',
        'الأوقات الأنسب لي للاجتماع هي…',
        'خارج ساعات العمل، لا مانع لديّ من التواصل معي…',
        'أودّ أن يضع الفريق في اعتباره أن…',
        'يمكن للفريق أن يدعمني من خلال…',
        'يمكنكم أن تلاحظوا أن لديّ أعباء كثيرة عندما…',
        'في عملي، أستطيع أن ألتزم بـ…',
      ],
    },
    'working-together': {
      name: 'اتفاق العمل المشترك',
      summary: 'تتفق مجموعة على غايتها والقيم التي تريد أن تعيش بها والممارسات التي تُظهرها.',
      title: 'اتفاق عملنا المشترك',
      purpose: 'نحن مجموعة تريد أن تعمل معًا بشكل جيد. نتفق على سبب وجودنا، وعلى ما نقدّره، وعلى شكل ذلك في الممارسة.',
      prompts: [
        'توجد مجموعتنا من أجل…',
        'أن نركّز على العمل يعني أننا سوف…',
        'أن نكون شاملين للجميع يعني أننا سوف…',
        'أن نتصرف بنزاهة يعني أننا سوف…',
        'أن نتحدث بصوت جماعي واحد يعني أننا سوف…',
        'أن نحافظ على هذه المساحة آمنة وداعمة يعني أننا سوف…',
        'ممارسة ينبغي أن نتفق عليها (محاضر، جداول أعمال، جولات افتتاحية، صيغ ميسّرة الوصول…) هي…',
        'لكي أشارك مشاركة كاملة، أحتاج إلى…',
      ],
    },
    'alliance-foundations': {
      name: 'أسس التحالف',
      summary: 'منظمات تبدأ شراكة فتتفق على رؤيتها وقيادتها ومساءلتها، وتقول كلٌّ منها ما تحتاج إليه.',
      title: 'أسس تحالفنا',
      purpose:
        'تستطيع منظماتنا معًا أن تحقق ما لا تستطيع أيٌّ منها تحقيقه وحدها. نتفق على الأسس التي تجعل هذه الشراكة عادلة ودائمة.',
      prompts: [
        'التغيير الذي نريد أن نراه معًا هو…',
        'ينبغي أن تكون القيادة في هذا التحالف…',
        'المشكلة التي نعالجها، كما أراها، هي…',
        'لكي أشعر أن لمنظمتي صوتًا حقيقيًا، أحتاج إلى…',
        'ما تقدّمه منظمتي ولا يقدّمه الآخرون هو…',
        'لكي تستحق هذه الشراكة العناء بالنسبة إلينا، نحتاج إلى…',
        'سنحاسب بعضنا بعضًا من خلال…',
      ],
    },
    'coalition-building': {
      name: 'بناء الائتلافات',
      summary: 'يتفق ائتلاف على غايته وحدوده وأدواره وأعرافه، ويحوّلها إلى إجراءات SMARTIE.',
      title: 'اتفاق ائتلافنا',
      purpose:
        'نبني ائتلافًا لنحقق تغييرًا لا يستطيع أيٌّ منا تحقيقه وحده. نتفق على ما يجمعنا وعلى الإجراءات التي نلتزم بها، مع مسؤولين ومواعيد نهائية.',
      prompts: [
        'من الغائب عن هذا الائتلاف، وكيف نُشركه بسلطة حقيقية؟',
        'الغاية التي نتشاركها هي…',
        'لن يقوم هذا الائتلاف بـ… (حدودنا)',
        'الأدوار التي نحتاج إليها (الداعي، حاملو الرسائل، صانعو الروابط…) ومن يتولاها:',
        'عُرف ينبغي أن نجعله صريحًا هو…',
        'ما أقدّمه (مهارات، موارد، علاقات) هو…',
      ],
    },
    partnering: {
      name: 'حوار شراكة (شخصان)',
      summary: 'يقول شخصان ما يقدّمه كلٌّ منهما وما يطلبه، ويتفقان على التزاماتهما. تظهر الأسماء: بين شخصين لا معنى لإخفاء الهوية.',
      title: 'شراكتنا',
      purpose: 'نريد علاقة عمل مفيدة لكلينا. نقول بصراحة ما يقدّمه كلٌّ منا وما يحتاج إليه، وما نلتزم به.',
      prompts: ['لماذا أريد أن نعمل معًا:', 'ما يمكنني أن أقدّمه لك:', 'كيف أودّ أن تدعمني:', 'ما نلتزم به بدءًا من الآن:'],
    },
  },
  exports: {
    day: longDay('ar'),
    status: (version, isClosed) => (isClosed ? `الإصدار ${version}، نهائي` : `الإصدار ${version}، قيد العمل`),
    checkIn: (date) => ` نراجع اتفاقنا في ${date}.`,
    datesInUtc: ' (التواريخ بالتوقيت العالمي المنسّق UTC.)',
    agreementHeading: 'اتفاقنا',
    tableHead: ['السؤال', 'ما سمعناه', 'ما اتفقنا عليه'],
    decisionRecordsHeading: 'سجل القرارات',
    nothingAgreed: 'لم نتفق على شيء بعد.',
    smartie: (s) => `المسؤول: ${s.owner}؛ المقياس: ${s.measure}؛ الموعد النهائي: ${s.deadline}؛ الشمول والإنصاف: ${s.equity}`,
    failedHeading: 'جولات لم تُعتمد',
    endedHeading: 'ما عُدّل أو سُحب أو فُتح قفله',
    awarenessHeading: 'ما نعرفه بعضنا عن بعض',
    noAwareness: 'لا توجد على هذه اللوحة أسئلة للتعارف.',
    versionsHeading: 'الإصدارات',
    noVersions: 'لم يُغلق أي إصدار بعد.',
    versionLine: (number, closedOn, items) => `الإصدار ${number}: أُغلق في ${closedOn}، عدد البنود: ${items}.`,
    needMark: ' (حاجة)',
    themeCounts: (notes, needs) => `الملاحظات: ${notes}${needs > 0 ? `، الحاجات: ${needs}` : ''}`,
    nothingShared: 'لم يُشارَك شيء بعد.',
    rules: { consensus: 'التوافق', consent: 'عدم الاعتراض', majority: 'الأغلبية' },
    responses: { agree: 'موافق', canLive: 'يمكنني التعايش معه', block: 'اعتراض' },
    counts: (c) => `موافقة: ${c.agree}، قبول: ${c.canLive}، اعتراض: ${c.block}`,
    decided: (d) => `قُرّر ب${d.rule} في الجولة ${d.round} في ${d.date} (الإصدار ${d.version}): ${d.counts}`,
    unlocked: (date, reason) => `فُتح قفله في ${date}: ${reason}`,
    replaced: (date, by) => (by === null ? `استُبدل في ${date}` : `استُبدل في ${date} بالصياغة: ${by}`),
    retiredByRound: (date) => `سُحب في ${date} بجولة`,
    retired: (d) => `سُحب في ${d.date} بجولة (${d.rule}، الجولة ${d.round}: ${d.counts}) على المقترح: ${d.proposal}`,
    inForce: 'ساري المفعول',
    newWordingFor: (statement) => ` (صياغة جديدة لـ: ${statement})`,
    toRetire: (statement) => ` (لسحب: ${statement})`,
    didNotPass: (round, rule) => `الجولة ${round} ب${rule}: لم تُعتمد.`,
    roundOutcome: (d) => `الجولة ${d.round} ب${d.rule} في ${d.date}: ${d.counts}.`,
    reason: (response, text) => `السبب (${response}): ${text}`,
    why: (w) => {
      switch (w.kind) {
        case 'nobodyResponded':
          return 'لم يُعتمد: لم يُجب أحد.';
        case 'blocked':
          return `لم يُعتمد: ${arabicCount(w.blocks, ['لم يعترض أحد', 'اعترض شخص واحد', 'اعترض شخصان', 'اعترض # أشخاص', 'اعترض # شخصًا', 'اعترض # شخص'])}.`;
        case 'quorumShort':
          return `لم يُعتمد: ${arabicCount(w.responded, ['لم يُجب أحد', 'أجاب شخص واحد', 'أجاب شخصان', 'أجاب # أشخاص', 'أجاب # شخصًا', 'أجاب # شخص'])}، لكن كان المطلوب ${w.needed} (${w.quorum}٪ من ${arabicCount(w.present, PRESENT)}).`;
        case 'consensusPassed':
          return `اعتُمد: لم يعترض أحد، وأجاب ${w.responded} من ${arabicCount(w.present, PRESENT)}.`;
        case 'consentPassed':
          return 'اعتُمد: لم يعترض أحد.';
        case 'majority':
          return `${w.isPassed ? 'اعتُمد' : 'لم يُعتمد'}: ${w.agree} من ${w.responded} إجابات (${w.share}٪) موافقة؛ ${w.isPassed ? 'وكان المطلوب' : 'والمطلوب'} ${w.threshold}٪.`;
      }
    },
    csvColumns: ['الصف', 'السؤال', 'النوع', 'الموضوع', 'النص', 'الوسم', 'أصوات_الملاحظة', 'أصوات_الموضوع', 'القرار'],
    csvRows: { agreement: 'اتفاق', note: 'ملاحظة' },
    csvKinds: { align: 'توافق', awareness: 'تعارف' },
    csvTags: { need: 'حاجة', nice: 'مرغوب' },
    icsSummary: (title) => `مراجعة اتفاقنا: ${title}`,
    icsDescription: 'الاحتياجات تتغيّر. هل ما زال اتفاقنا مناسبًا للجميع؟ هل ينبغي تغيير شيء؟',
  },
  phaseGuidance: {
    setup: 'الميسّر يُعدّ الأسئلة. يمكنك الانضمام الآن والانتظار.',
    reflect: 'اكتب إجاباتك الخاصة عن كل سؤال. لا يستطيع أحد غيرك قراءتها بعد.',
    share: 'تُعرض الإجابات على الجميع، من دون أسماء. ما زال بإمكانك إضافة المزيد.',
    group: 'الميسّر يجمع الإجابات المتشابهة في مواضيع.',
    vote: 'ضع نقاطك على المواضيع الأهم بالنسبة إليك.',
    decide: 'قل إن كنت موافقًا على كل بند مقترح في الاتفاق.',
    agreement: 'هذا ما اتفقت عليه المجموعة.',
    revisit: 'المجموعة تتحقق مما إذا كان الاتفاق ما زال مناسبًا.',
  },
};
