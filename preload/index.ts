import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

// `window.assay` is the renderer's only way out: invoke a contract channel, subscribe to a
// topic. ipcRenderer itself is never exposed.
contextBridge.exposeInMainWorld('assay', createBridge(ipcRenderer));
