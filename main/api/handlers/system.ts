import type { Handlers } from '../dispatcher';
import type { CoreServices } from '../core-services';

export function systemHandlers(services: CoreServices): Pick<Handlers, 'system.info'> {
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
  };
}
