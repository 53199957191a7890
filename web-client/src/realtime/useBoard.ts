import { useEffect, useState } from 'preact/hooks';
import { getSession, type Scope } from '../api/session';
import { deserialize, initialState, serialize, type BoardState } from './protocol';
import { BoardSocket, type SocketStatus } from './socket';

const storageKey = (scope: Scope, fairId: number) => `gielda.board.${scope}.${fairId}`;

function load(scope: Scope, fairId: number): BoardState | null {
  try {
    return deserialize(sessionStorage.getItem(storageKey(scope, fairId)));
  } catch {
    return null;
  }
}

function save(scope: Scope, fairId: number, state: BoardState): void {
  try {
    sessionStorage.setItem(storageKey(scope, fairId), serialize(state));
  } catch {
    /* full or unavailable: a reload then starts from a snapshot */
  }
}

/**
 * Live board state of a fair over the WebSocket, with the token of the given scope. The board is
 * kept in sessionStorage, so a reload shows it at once and resumes from its seq.
 * Change `generation` to start over (e.g. after a new token).
 */
export function useBoard(
  fairId: number,
  scope: Scope,
  enabled = true,
  generation = 0,
): { board: BoardState; status: SocketStatus } {
  const [value, setValue] = useState<{ board: BoardState; status: SocketStatus }>(() => ({
    board: (Number.isFinite(fairId) && load(scope, fairId)) || initialState(),
    status: 'connecting',
  }));
  useEffect(() => {
    if (!enabled || !Number.isFinite(fairId) || typeof WebSocket === 'undefined') return;
    let pending: BoardState | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      clearTimeout(timer);
      timer = undefined;
      if (pending) save(scope, fairId, pending);
      pending = null;
    };
    const socket = new BoardSocket({
      fairId,
      initial: load(scope, fairId),
      token: () => getSession(scope)?.token ?? null,
      onChange: (board, status) => {
        setValue({ board, status });
        pending = board;
        timer ??= setTimeout(flush, 1000);
      },
    });
    window.addEventListener('pagehide', flush);
    socket.start();
    return () => {
      socket.stop();
      flush();
      window.removeEventListener('pagehide', flush);
    };
  }, [fairId, scope, enabled, generation]);
  return value;
}
