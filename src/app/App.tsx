import { useEffect } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { FlowCanvas } from '../ui/canvas/FlowCanvas';
import { Toast } from '../ui/feedback/Toast';
import { useClipboard } from '../ui/hooks/useClipboard';
import { useGlobalShortcuts } from '../ui/hooks/useGlobalShortcuts';
import { NoticeBar } from '../ui/panels/NoticeBar';
import { Palette } from '../ui/panels/Palette';
import { ShortcutsDialog } from '../ui/panels/ShortcutsDialog';
import { SidePanel } from '../ui/panels/SidePanel';
import { Toolbar } from '../ui/panels/Toolbar';
import { openScenarioText } from '../ui/sharing/openDocument';
import { ShareDialog } from '../ui/sharing/ShareDialog';
import { useUiStore } from '../store/uiStore';
import { bootstrap } from './bootstrap';

const openPasted = (text: string) => void openScenarioText(text, 'the pasted scenario');

/** Composition root: lays out the toolbar, palette, canvas and side panel, and starts the app. */
export function App() {
  const theme = useUiStore((s) => s.theme);
  useGlobalShortcuts();
  useClipboard(openPasted);
  useEffect(() => {
    void bootstrap();
  }, []);
  // The theme is set on <html> too, so the page behind dialogs and scrollbars match.
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  return (
    <ReactFlowProvider>
      <div className={`app theme-${theme}`} data-theme={theme}>
        <Toolbar />
        <NoticeBar />
        <main className="app__main">
          <Palette />
          <FlowCanvas />
          <SidePanel />
        </main>
        <Toast />
        <ShareDialog />
        <ShortcutsDialog />
      </div>
    </ReactFlowProvider>
  );
}
