import { beforeEach, describe, expect, it } from 'vitest';
import { ApiProblem } from './problem';
import { remembered } from './remembered';

class MemoryStorage {
  private m = new Map<string, string>();
  get length() {
    return this.m.size;
  }
  key(i: number) {
    return [...this.m.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.m.set(k, v);
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
}

describe('remembered', () => {
  beforeEach(() => {
    (globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
  });

  it('answers with the kept value when the network is gone', async () => {
    expect(await remembered('fair.1', () => Promise.resolve({ name: 'Giełda' }))).toEqual({ name: 'Giełda' });
    const offline = () =>
      Promise.reject(new ApiProblem({ status: 0, title: 'Network error', network: true }));
    expect(await remembered('fair.1', offline)).toEqual({ name: 'Giełda' });
  });

  it('passes a refusal on, and a network error when nothing was kept', async () => {
    await remembered('me', () => Promise.resolve({ id: 1 }));
    const refused = new ApiProblem({ status: 401, title: 'Unauthorized' });
    await expect(remembered('me', () => Promise.reject(refused))).rejects.toBe(refused);
    const offline = new ApiProblem({ status: 0, title: 'Network error', network: true });
    await expect(remembered('other', () => Promise.reject(offline))).rejects.toBe(offline);
  });
});
