package pl.gielda.matching.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Inverted index over post features for one kind of post. Posts get integer slots; a posting list
 * holds slots and feature weights in parallel arrays. Removal marks the slot dead; dead postings
 * are dropped when a list is scanned and whole index is compacted when too many slots are dead.
 */
final class PostIndex {

  private static final class Postings {
    int[] slots = new int[4];
    double[] weights = new double[4];
    int size;

    void add(int slot, double w) {
      if (size == slots.length) {
        slots = Arrays.copyOf(slots, size * 2);
        weights = Arrays.copyOf(weights, size * 2);
      }
      slots[size] = slot;
      weights[size++] = w;
    }
  }

  private final Map<String, Postings> postings = new HashMap<>();
  private PostProfile[] bySlot = new PostProfile[1024];
  private int[] nodeBySlot = new int[1024];

  // What a scan needs of every candidate, by slot: small arrays stay in cache, where reaching
  // through each candidate's profile would miss it for thousands of candidates per scan.
  private double[] normBySlot = new double[1024];
  private int[] entityBySlot = new int[1024];
  private boolean[] flagged = new boolean[1024];
  private final Map<String, Integer> slotOf = new HashMap<>();
  private int nextSlot = 0;
  private int dead = 0;
  private double[] acc = new double[1024];
  private int[] touched = new int[1024];

  /** Adds a post; {@code node} is the caller's number for it, handed back by {@link #search}. */
  void add(PostProfile p, int node) {
    if (nextSlot == bySlot.length) {
      bySlot = Arrays.copyOf(bySlot, nextSlot * 2);
      nodeBySlot = Arrays.copyOf(nodeBySlot, nextSlot * 2);
      normBySlot = Arrays.copyOf(normBySlot, nextSlot * 2);
      entityBySlot = Arrays.copyOf(entityBySlot, nextSlot * 2);
    }
    int slot = nextSlot++;
    bySlot[slot] = p;
    nodeBySlot[slot] = node;
    normBySlot[slot] = p.norm();
    entityBySlot[slot] = p.entityNo();
    slotOf.put(p.id(), slot);
    for (int i = 0; i < p.keys().length; i++) {
      postings.computeIfAbsent(p.keys()[i], k -> new Postings()).add(slot, p.weights()[i]);
    }
  }

  /** Number of live posts. */
  int size() {
    return slotOf.size();
  }

  void remove(String postId) {
    Integer slot = slotOf.remove(postId);
    if (slot != null) {
      bySlot[slot] = null;
      dead++;
      if (dead > 1000 && dead > slotOf.size()) {
        compact();
      }
    }
  }

  private void compact() {
    List<PostProfile> live = new ArrayList<>();
    List<Integer> liveNodes = new ArrayList<>();
    for (int i = 0; i < nextSlot; i++) {
      if (bySlot[i] != null) {
        live.add(bySlot[i]);
        liveNodes.add(nodeBySlot[i]);
      }
    }
    postings.clear();
    slotOf.clear();
    bySlot = new PostProfile[Math.max(1024, live.size() * 2)];
    nodeBySlot = new int[bySlot.length];
    normBySlot = new double[bySlot.length];
    entityBySlot = new int[bySlot.length];
    nextSlot = 0;
    dead = 0;
    for (int i = 0; i < live.size(); i++) {
      add(live.get(i), liveNodes.get(i));
    }
  }

  /**
   * Callback for each live post sharing a feature with the query, by slot (see {@link #post},
   * {@link #node}, {@link #norm}, {@link #entity}), with the dot product and whether the post has
   * the flag feature.
   */
  interface Visitor {
    void visit(int slot, double dot, boolean flagged);
  }

  PostProfile post(int slot) {
    return bySlot[slot];
  }

  int node(int slot) {
    return nodeBySlot[slot];
  }

  double norm(int slot) {
    return normBySlot[slot];
  }

  int entity(int slot) {
    return entityBySlot[slot];
  }

  /**
   * Accumulates dot products of the query against all posts sharing at least one feature, and tells
   * which of them have the feature {@code flagKey} (may be null).
   */
  void search(PostProfile query, String flagKey, Visitor visitor) {
    if (acc.length < nextSlot) {
      acc = new double[bySlot.length];
      touched = new int[bySlot.length];
    }
    if (flagged.length < nextSlot) {
      flagged = new boolean[bySlot.length];
    }
    // A copy: the flag feature may be one of the query's, whose list the scan below compacts.
    Postings flagList = flagKey == null ? null : postings.get(flagKey);
    int[] flags = flagList == null ? null : Arrays.copyOf(flagList.slots, flagList.size);
    if (flags != null) {
      for (int s : flags) {
        flagged[s] = true;
      }
    }
    int n = 0;
    for (int i = 0; i < query.keys().length; i++) {
      Postings list = postings.get(query.keys()[i]);
      if (list == null) {
        continue;
      }
      double w = query.weights()[i];
      int[] slots = list.slots;
      double[] ws = list.weights;
      int write = 0;
      for (int k = 0; k < list.size; k++) {
        int s = slots[k];
        if (bySlot[s] == null) {
          continue; // dead: drop from the list
        }
        slots[write] = s;
        ws[write++] = ws[k];
        if (acc[s] == 0) {
          touched[n++] = s;
        }
        acc[s] += w * ws[k];
      }
      list.size = write;
    }
    for (int k = 0; k < n; k++) {
      int s = touched[k];
      double dot = acc[s];
      acc[s] = 0;
      visitor.visit(s, dot, flagged[s]);
    }
    if (flags != null) {
      for (int s : flags) {
        flagged[s] = false;
      }
    }
  }
}
