/**
 * Electron IPC channel names shared by the preload bridge and the main-process transport.
 * One invoke channel carries every contract call, so an unknown contract channel reaches the
 * dispatcher and gets the same coded UNKNOWN_CHANNEL error as over HTTP.
 */
export const IPC_INVOKE_CHANNEL = 'assay:invoke';
export const IPC_EVENT_CHANNEL = 'assay:event';
/** Main → renderer only: open this workbench route (a desktop notification was clicked). */
export const IPC_NAVIGATE_CHANNEL = 'assay:navigate';
