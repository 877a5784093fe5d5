import { lazy, Suspense, useEffect } from 'react';
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

// The simulation view loads right after first paint; the bar keeps its height meanwhile.
const SimBar = lazy(() => import('../ui/sim/SimBar'));
const SimDock = lazy(() => import('../ui/sim/SimDock'));
const SIM_BAR_PLACEHOLDER = <div style={{ height: 40, borderBottom: '1px solid var(--border)', background: 'var(--panel-2)' }} aria-hidden="true" />;
const CENTER = { flex: 1, display: 'flex', flexDirection: 'column', minWidth: 0, minHeight: 0 } as const;

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
        <Suspense fallback={SIM_BAR_PLACEHOLDER}>
          <SimBar />
        </Suspense>
        <NoticeBar />
        <main className="app__main">
          <Palette />
          <div className="app__center" style={CENTER}>
            <FlowCanvas />
            <Suspense fallback={null}>
              <SimDock />
            </Suspense>
          </div>
          <SidePanel />
        </main>
        <Toast />
        <ShareDialog />
        <ShortcutsDialog />
      </div>
    </ReactFlowProvider>
  );
}
