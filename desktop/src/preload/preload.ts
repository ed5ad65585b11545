// The preload of the sandboxed renderer, bundled to desktop/dist/preload.cjs (a sandboxed
// preload must be one CommonJS file and may only require 'electron').
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './create-bridge.ts';

contextBridge.exposeInMainWorld('opsworker', createBridge(ipcRenderer, process.argv));
