import { useEffect, useState } from 'preact/hooks';
import { getSession, type Scope } from '../api/session';
import { initialState, type BoardState } from './protocol';
import { BoardSocket, type SocketStatus } from './socket';

/** Live board state of a fair over the WebSocket, with the token of the given scope. */
export function useBoard(
  fairId: number,
  scope: Scope,
  enabled = true,
): { board: BoardState; status: SocketStatus } {
  const [value, setValue] = useState<{ board: BoardState; status: SocketStatus }>({
    board: initialState(),
    status: 'connecting',
  });
  useEffect(() => {
    if (!enabled || !Number.isFinite(fairId) || typeof WebSocket === 'undefined') return;
    const socket = new BoardSocket({
      fairId,
      token: () => getSession(scope)?.token ?? null,
      onChange: (board, status) => setValue({ board, status }),
    });
    socket.start();
    return () => socket.stop();
  }, [fairId, scope, enabled]);
  return value;
}
