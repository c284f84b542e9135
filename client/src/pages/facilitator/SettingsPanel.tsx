import type { BoardSettings } from '../../../../shared/records/BoardMeta';
import { updateSettings } from '../../sync/commands';
import { BoardRuleSetting } from './decisions/BoardRuleSetting';

/** The board's settings, changeable in any phase. */
export function SettingsPanel({ settings }: { readonly settings: BoardSettings }) {
  return (
    <fieldset className="settings">
      <legend>Settings</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={settings.facilitatorParticipates}
          onChange={(e) => updateSettings({ facilitatorParticipates: e.target.checked })}
        />
        I take part in writing notes
      </label>
      <label className="check">
        <input type="checkbox" checked={settings.showRoster} onChange={(e) => updateSettings({ showRoster: e.target.checked })} />
        Show the names of people here
      </label>
      <p className="hint settings__fixed">
        {settings.isAnonymous
          ? 'Notes are anonymous: nobody sees who wrote what.'
          : 'Names are shown: every note carries its author’s name.'}{' '}
        {settings.usesSmartie ? 'Agreed items carry SMARTIE action details. ' : ''}
        Set when the workshop was created.
      </p>
      <BoardRuleSetting settings={settings} />
    </fieldset>
  );
}
