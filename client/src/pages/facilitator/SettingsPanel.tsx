import type { BoardSettings } from '../../../../shared/records/BoardMeta';
import { useT } from '../../i18n/i18n';
import { updateSettings } from '../../sync/commands';
import { BoardRuleSetting } from './decisions/BoardRuleSetting';

/** The board's settings, changeable in any phase. */
export function SettingsPanel({ settings }: { readonly settings: BoardSettings }) {
  const t = useT();
  return (
    <fieldset className="settings">
      <legend>{t('facilitator.settings.legend')}</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={settings.facilitatorParticipates}
          onChange={(e) => updateSettings({ facilitatorParticipates: e.target.checked })}
        />
        {t('facilitator.settings.takePart')}
      </label>
      <label className="check">
        <input type="checkbox" checked={settings.showRoster} onChange={(e) => updateSettings({ showRoster: e.target.checked })} />
        {t('facilitator.settings.showRoster')}
      </label>
      <p className="hint settings__fixed">
        {t(settings.isAnonymous ? 'facilitator.settings.anonymous' : 'facilitator.settings.named')}{' '}
        {settings.usesSmartie && <>{t('facilitator.settings.smartie')} </>}
        {t('facilitator.settings.fixed')}
      </p>
      <BoardRuleSetting settings={settings} />
    </fieldset>
  );
}
