import type { Handlers } from '../dispatcher';
import type { CoreServices } from '../core-services';
import { DEFAULT_LOCAL_SERVERS, detectLocalServers } from '../../system/detect-local-servers';
import { loadExampleWorkspace } from '../../system/example-workspace';

type SystemChannels = 'system.info' | 'system.loadExample' | 'system.detectLocalServers';

export function systemHandlers(services: CoreServices): Pick<Handlers, SystemChannels> {
  return {
    'system.info': (_input, ctx) => ({
      app: 'assay',
      version: services.version,
      transport: ctx.transport === 'ipc' ? 'ipc' : 'http',
      dataDir: services.dataDir,
      schemaVersion: services.storeInfo.migration.to,
      database: {
        dialect: services.storeInfo.dialect,
        location: services.storeInfo.location,
        serverVersion: services.storeInfo.serverVersion,
        vectorVersion: services.storeInfo.vectorVersion,
      },
      secretStore: services.secrets.kind,
      platform: `${process.platform}-${process.arch}`,
    }),
    'system.loadExample': () => loadExampleWorkspace(services),
    // The local server set in Settings too: it may be on a port none of the defaults use (one
    // on a default port keeps that server's name).
    'system.detectLocalServers': async () => ({
      servers: await detectLocalServers([
        ...DEFAULT_LOCAL_SERVERS,
        { kind: 'configured', baseUrl: services.settings.view().providers.local.baseUrl },
      ]),
    }),
  };
}
