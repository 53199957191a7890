import { useEffect, useState } from 'preact/hooks';
import { getSession, type Scope } from '../api/session';
import { deserialize, initialState, serialize, type BoardState } from './protocol';
import { BoardSocket, type SocketStatus } from './socket';

const storageKey = (scope: Scope, fairId: number) => `gielda.board.${scope}.${fairId}`;

interface Stored {
  board: BoardState;
  /** When the stored board was last brought up to date (ms since the epoch). */
  at: number;
}

function load(scope: Scope, fairId: number): Stored | null {
  try {
    const board = deserialize(localStorage.getItem(storageKey(scope, fairId)));
    if (!board) return null;
    const at = Number(localStorage.getItem(`${storageKey(scope, fairId)}.at`));
    return { board, at: Number.isFinite(at) && at > 0 ? at : Date.now() };
  } catch {
    return null;
  }
}

function save(scope: Scope, fairId: number, state: BoardState, at: number): void {
  try {
    localStorage.setItem(storageKey(scope, fairId), serialize(state));
    localStorage.setItem(`${storageKey(scope, fairId)}.at`, String(at));
  } catch {
    /* full or unavailable: a reload then starts from a snapshot */
  }
}

export interface BoardView {
  board: BoardState;
  status: SocketStatus;
  /**
   * When what is shown was last known to be current: now while live; the time of the last live
   * update (or of the board kept on the phone) while offline or reconnecting. null: nothing yet.
   */
  asOf: number | null;
}

/**
 * Live board state of a fair over the WebSocket, with the token of the given scope. The board is
 * kept in localStorage, so a reload — or the phone reopened without Wi-Fi — shows it at once
 * (marked with its time) and resumes from its seq. Change `generation` to start over (e.g. after a
 * new token).
 */
export function useBoard(fairId: number, scope: Scope, enabled = true, generation = 0): BoardView {
  const [value, setValue] = useState<BoardView>(() => {
    const stored = Number.isFinite(fairId) ? load(scope, fairId) : null;
    return { board: stored?.board ?? initialState(), status: 'connecting', asOf: stored?.at ?? null };
  });
  useEffect(() => {
    if (!enabled || !Number.isFinite(fairId) || typeof WebSocket === 'undefined') return;
    const stored = load(scope, fairId);
    let asOf = stored?.at ?? null;
    let pending: BoardState | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      clearTimeout(timer);
      timer = undefined;
      if (pending && asOf !== null) save(scope, fairId, pending, asOf);
      pending = null;
    };
    const socket = new BoardSocket({
      fairId,
      initial: stored?.board ?? null,
      token: () => getSession(scope)?.token ?? null,
      onChange: (board, status) => {
        if (status === 'live') asOf = Date.now();
        setValue({ board, status, asOf });
        if (status === 'live') {
          pending = board;
          timer ??= setTimeout(flush, 1000);
        }
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
