import { type FormEvent, useId, useRef, useState } from 'react';
import { type ContentLanguage, DEFAULT_CONTENT_LANGUAGE, isContentLanguage } from '../../../shared/i18n/contentLanguage';
import { MAX_TITLE_CHARS } from '../../../shared/limits';
import { TEMPLATES, type Template } from '../../../shared/templates';
import { ApiError, createWorkshop } from '../api';
import { ContentLanguageSelect } from '../components/ContentLanguageSelect';
import { EMPHASIS_MARK } from '../components/decisions/Emphasized';
import { formatDate } from '../i18n/format';
import { useLocale, useT } from '../i18n/i18n';
import { deleteTemplate, type SavedTemplate, savedTemplates } from '../savedTemplates';
import { openCreatedBoard } from './home/openCreatedBoard';
import { templateTextOf, useTemplateTexts } from './home/useTemplateTexts';

/** What a template does that people should know before choosing it. */
function Badges({ isAnonymous, usesSmartie }: { readonly isAnonymous: boolean; readonly usesSmartie: boolean }) {
  const t = useT();
  if (isAnonymous && !usesSmartie) return null;
  return (
    <span className="choice__badges">
      {!isAnonymous && <span className="badge badge--names">{t('start.badge.namesShown')}</span>}
      {usesSmartie && <span className="badge">{t('start.badge.smartie')}</span>}
    </span>
  );
}

/** Creates a board from a built-in or a saved template and opens its facilitator view. */
export function StartForm() {
  const t = useT();
  const locale = useLocale();
  // Until the person chooses, the workshop's language follows their interface language.
  const [chosenLanguage, setChosenLanguage] = useState<ContentLanguage | null>(null);
  const language = chosenLanguage ?? (isContentLanguage(locale) ? locale : DEFAULT_CONTENT_LANGUAGE);
  const shown = useTemplateTexts(language);
  const [choice, setChoice] = useState(`builtin:${TEMPLATES[0]?.id ?? ''}`);
  const [saved, setSaved] = useState<SavedTemplate[]>(savedTemplates);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  // Said in this form's own live region: the home page does not load the board's message store.
  const [status, setStatus] = useState('');
  const startButton = useRef<HTMLButtonElement>(null);
  const ids = { title: useId(), error: useId(), group: useId() };
  const builtin: Template | undefined = TEMPLATES.find((template) => `builtin:${template.id}` === choice);
  const custom = saved.find((template) => `saved:${template.id}` === choice);
  const builtinWords = builtin && templateTextOf(shown.texts, builtin.id);

  const start = async (event: FormEvent) => {
    event.preventDefault();
    setIsBusy(true);
    setError(null);
    const titled = title.trim() ? { title: title.trim() } : {};
    try {
      const created = custom
        ? await createWorkshop(
            {
              custom: {
                name: custom.name,
                prompts: custom.prompts,
                isAnonymous: custom.isAnonymous,
                usesSmartie: custom.usesSmartie,
              },
              purpose: custom.purpose,
              ...titled,
            },
            language,
          )
        : await createWorkshop({ templateId: builtin?.id ?? TEMPLATES[0]?.id ?? '', ...titled }, language);
      openCreatedBoard(created);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('common.somethingWentWrong'));
      setIsBusy(false);
    }
  };

  const remove = (template: SavedTemplate) => {
    deleteTemplate(template.id);
    setSaved(savedTemplates());
    if (choice === `saved:${template.id}`) setChoice(`builtin:${TEMPLATES[0]?.id ?? ''}`);
    setStatus(t('start.templateDeleted', { name: template.name }));
    startButton.current?.focus();
  };

  return (
    <form className="form" onSubmit={start}>
      <ContentLanguageSelect
        label={t('start.languageLabel')}
        hint={t('start.languageHint')}
        value={language}
        onChange={setChosenLanguage}
      />
      <fieldset className="choices templates" aria-busy={shown.language !== language}>
        <legend>{t('start.templateLegend')}</legend>
        {TEMPLATES.map((template) => {
          const words = templateTextOf(shown.texts, template.id);
          // The summary is in the workshop's language, the count around it in the reader's.
          const [before = '', after = ''] = t('start.templateSummary', {
            summary: EMPHASIS_MARK,
            questions: template.prompts.length,
          }).split(EMPHASIS_MARK);
          return (
            <label key={template.id} className="choice">
              <input
                type="radio"
                name={ids.group}
                checked={choice === `builtin:${template.id}`}
                onChange={() => setChoice(`builtin:${template.id}`)}
              />
              <span>
                <span className="choice__name" lang={shown.language}>
                  {words?.name ?? template.name}
                </span>
                <span className="choice__summary">
                  {before}
                  <span lang={shown.language}>{words?.summary ?? template.summary}</span>
                  {after}
                </span>
                <Badges isAnonymous={template.isAnonymous} usesSmartie={template.usesSmartie} />
              </span>
            </label>
          );
        })}
      </fieldset>
      {saved.length > 0 && (
        <fieldset className="choices templates">
          <legend>
            {t('start.yourTemplates')} <span className="optional">{t('start.savedInThisBrowser')}</span>
          </legend>
          {saved.map((template) => (
            <div key={template.id} className="saved-template">
              <label className="choice">
                <input
                  type="radio"
                  name={ids.group}
                  checked={choice === `saved:${template.id}`}
                  onChange={() => setChoice(`saved:${template.id}`)}
                />
                <span>
                  <span className="choice__name">{template.name}</span>
                  <span className="choice__summary">
                    {t('start.savedSummary', {
                      questions: template.prompts.length,
                      date: formatDate(locale, template.savedAt, { dateStyle: 'medium' }),
                    })}
                  </span>
                  <Badges isAnonymous={template.isAnonymous} usesSmartie={template.usesSmartie} />
                </span>
              </label>
              <button
                type="button"
                className="button button--small button--quiet"
                aria-label={t('start.deleteTemplateLabel', { name: template.name })}
                onClick={() => remove(template)}
              >
                {t('start.delete')}
              </button>
            </div>
          ))}
        </fieldset>
      )}
      <p className="hint templates-status" role="status">
        {status}
      </p>
      <label htmlFor={ids.title}>
        {t('start.titleLabel')} <span className="optional">{t('start.optional')}</span>
      </label>
      <input
        id={ids.title}
        className="input"
        value={title}
        maxLength={MAX_TITLE_CHARS}
        placeholder={custom?.name ?? builtinWords?.title ?? builtin?.title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <p id={ids.error} className="form__error" aria-live="polite">
        {error}
      </p>
      <button
        ref={startButton}
        type="submit"
        className="button button--primary"
        disabled={isBusy}
        aria-describedby={error ? ids.error : undefined}
      >
        {isBusy ? t('start.submitBusy') : t('start.submit')}
      </button>
    </form>
  );
}
