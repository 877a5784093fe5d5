import { useRef } from 'react';
import { emptyScenario } from '../../model/defaults';
import { useScenarioStore } from '../../store/scenarioStore';
import { useUiStore } from '../../store/uiStore';
import { openScenarioFile } from '../sharing/openDocument';
import { downloadCurrentScenario } from '../sharing/shareActions';
import { MenuButton } from './MenuButton';

/** New, open and save: scenario files are the JSON that "Save file" writes. */
export function FileMenu() {
  const picker = useRef<HTMLInputElement>(null);
  const startNew = () => {
    useScenarioStore.getState().load(emptyScenario());
    useUiStore.getState().notify({ kind: 'info', text: 'Started an empty scenario. Undo (Ctrl+Z) brings back the previous drawing.' });
  };
  return (
    <>
      <MenuButton
        label="File"
        testId="menu-file"
        items={[
          { label: 'New scenario', hint: 'empty canvas', onSelect: startNew },
          { label: 'Open file…', hint: '.json', onSelect: () => picker.current?.click() },
          { label: 'Save file', hint: 'download JSON', onSelect: downloadCurrentScenario },
        ]}
      />
      <input
        ref={picker}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void openScenarioFile(file);
        }}
      />
    </>
  );
}
