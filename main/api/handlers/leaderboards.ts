import type { CoreServices } from '../core-services';
import type { Handlers } from '../dispatcher';

type LeaderboardChannel =
  'leaderboards.scopes' | 'leaderboards.get' | 'leaderboards.history' | 'leaderboards.contributors';

export function leaderboardHandlers(services: CoreServices): Pick<Handlers, LeaderboardChannel> {
  const boards = services.leaderboards;
  return {
    'leaderboards.scopes': () => boards.scopes(),
    'leaderboards.get': (input) => boards.board(input),
    'leaderboards.history': (input) => boards.history(input),
    'leaderboards.contributors': (input) => boards.contributors(input),
  };
}
