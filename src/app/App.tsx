import { useEffect } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { FlowCanvas } from '../ui/canvas/FlowCanvas';
import { SidePanel } from '../ui/panels/SidePanel';
import { Toolbar } from '../ui/panels/Toolbar';
import { NoticeBar } from '../ui/panels/NoticeBar';
import { useUiStore } from '../store/uiStore';
import { bootstrap } from './bootstrap';

/** Composition root: lays out the toolbar, canvas and side panel, and starts the app. */
export function App() {
  const theme = useUiStore((s) => s.theme);
  useEffect(() => {
    void bootstrap();
  }, []);
  return (
    <ReactFlowProvider>
      <div className={`app theme-${theme}`} data-theme={theme}>
        <Toolbar />
        <NoticeBar />
        <main className="app__main">
          <FlowCanvas />
          <SidePanel />
        </main>
      </div>
    </ReactFlowProvider>
  );
}
