package pl.gielda.matching.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code k} best (post id, score) pairs offered so far: a bounded heap whose root is the worst
 * kept pair. The order is the suggestion order: higher score first, then the smaller post id.
 */
final class TopK {

  /** One kept pair. */
  record Entry(String id, double score) {}

  private final int k;
  private String[] ids;
  private double[] scores;
  private int size;

  TopK(int k) {
    this.k = Math.max(0, k);
    ids = new String[Math.min(this.k, 16)];
    scores = new double[ids.length];
  }

  int size() {
    return size;
  }

  /**
   * The least score a new pair needs to be kept: 0 while there is room, else the worst kept score
   * (a pair scoring exactly that may still be kept, on its id); infinite if nothing is kept.
   */
  double floor() {
    if (k == 0) {
      return Double.POSITIVE_INFINITY;
    }
    return size < k ? 0 : scores[0];
  }

  /** Offers a pair; keeps it if it is among the {@code k} best offered. */
  void offer(String id, double score) {
    if (size < k) {
      if (size == ids.length) {
        int n = (int) Math.min(k, 2L * ids.length);
        ids = Arrays.copyOf(ids, n);
        scores = Arrays.copyOf(scores, n);
      }
      ids[size] = id;
      scores[size] = score;
      siftUp(size++);
    } else if (k > 0 && before(score, id, scores[0], ids[0])) {
      ids[0] = id;
      scores[0] = score;
      siftDown(0);
    }
  }

  /** The kept pairs, best first. */
  List<Entry> sorted() {
    List<Entry> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(new Entry(ids[i], scores[i]));
    }
    out.sort(
        (a, b) -> {
          int c = Double.compare(b.score(), a.score());
          return c != 0 ? c : a.id().compareTo(b.id());
        });
    return out;
  }

  /** Whether (s1, id1) ranks before (s2, id2). */
  static boolean before(double s1, String id1, double s2, String id2) {
    return s1 > s2 || (s1 == s2 && id1.compareTo(id2) < 0);
  }

  // The root is the pair every other ranks before: a parent never ranks before its children.

  private void siftUp(int i) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!before(scores[parent], ids[parent], scores[i], ids[i])) {
        return;
      }
      swap(i, parent);
      i = parent;
    }
  }

  private void siftDown(int i) {
    while (true) {
      int worst = i;
      int l = 2 * i + 1;
      int r = l + 1;
      if (l < size && before(scores[worst], ids[worst], scores[l], ids[l])) {
        worst = l;
      }
      if (r < size && before(scores[worst], ids[worst], scores[r], ids[r])) {
        worst = r;
      }
      if (worst == i) {
        return;
      }
      swap(i, worst);
      i = worst;
    }
  }

  private void swap(int a, int b) {
    String id = ids[a];
    ids[a] = ids[b];
    ids[b] = id;
    double s = scores[a];
    scores[a] = scores[b];
    scores[b] = s;
  }
}
