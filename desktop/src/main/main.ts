// The Electron main process entry, bundled to desktop/dist/main.cjs by desktop/scripts/build-main.ts.
import { startDesktopApp } from './desktop-app.ts';

startDesktopApp().catch((error: unknown) => {
  console.error('OpsWorker could not start:', error);
  process.exit(1);
});
