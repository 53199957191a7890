package pl.gielda.matching.engine;

import java.util.Arrays;

/**
 * The deal graph: open posts as integer nodes, and an undirected scored edge between a request and
 * an offer whose pair scores at least {@link MatchingEngine#DEAL_EDGE_THRESHOLD}. Adjacency is kept
 * in primitive arrays per node (a dense fair has hundreds of edges per post, so boxed maps would
 * cost most of an update in cache misses and garbage). Removing a node deletes it from its
 * neighbours' lists at once; its number is then reused.
 */
final class DealGraph {

  private PostProfile[] post = new PostProfile[1024];
  private int[][] adj = new int[1024][];
  private double[][] weight = new double[1024][];
  private int[] degree = new int[1024];
  private int[] free = new int[64];
  private int freeCount;
  private int next;

  /** Adds a node for a post, without edges. */
  int add(PostProfile p) {
    int node;
    if (freeCount > 0) {
      node = free[--freeCount];
    } else {
      node = next++;
      if (node == post.length) {
        int n = node * 2;
        post = Arrays.copyOf(post, n);
        adj = Arrays.copyOf(adj, n);
        weight = Arrays.copyOf(weight, n);
        degree = Arrays.copyOf(degree, n);
      }
    }
    post[node] = p;
    degree[node] = 0;
    return node;
  }

  /** Makes room for {@code n} more edges of a node (a new post's edges are known at once). */
  void reserve(int node, int n) {
    int need = degree[node] + n;
    if (adj[node] == null || adj[node].length < need) {
      adj[node] = adj[node] == null ? new int[need] : Arrays.copyOf(adj[node], need);
      weight[node] = weight[node] == null ? new double[need] : Arrays.copyOf(weight[node], need);
    }
  }

  /** Connects two nodes not yet connected. */
  void connect(int a, int b, double score) {
    append(a, b, score);
    append(b, a, score);
  }

  private void append(int node, int other, double score) {
    int d = degree[node];
    int[] list = adj[node];
    if (list == null || d == list.length) {
      int n = list == null ? 4 : Math.max(4, d * 2);
      adj[node] = list = list == null ? new int[n] : Arrays.copyOf(list, n);
      weight[node] = weight[node] == null ? new double[n] : Arrays.copyOf(weight[node], n);
    }
    list[d] = other;
    weight[node][d] = score;
    degree[node] = d + 1;
  }

  /** Removes a node and all its edges. */
  void remove(int node) {
    int[] mine = adj[node];
    for (int i = 0; i < degree[node]; i++) {
      int o = mine[i];
      int[] theirs = adj[o];
      int last = degree[o] - 1;
      for (int k = last; k >= 0; k--) {
        if (theirs[k] == node) {
          theirs[k] = theirs[last];
          weight[o][k] = weight[o][last];
          degree[o] = last;
          break;
        }
      }
    }
    degree[node] = 0;
    post[node] = null;
    if (adj[node] != null && adj[node].length > 64) {
      adj[node] = null; // do not keep a big list for whatever post reuses the number
      weight[node] = null;
    }
    if (freeCount == free.length) {
      free = Arrays.copyOf(free, freeCount * 2);
    }
    free[freeCount++] = node;
  }

  /** One past the highest node number in use (nodes below it may be free: {@link #post} null). */
  int limit() {
    return next;
  }

  PostProfile post(int node) {
    return post[node];
  }

  int degree(int node) {
    return degree[node];
  }

  /** The {@code i}-th neighbour of a node (in no particular order). */
  int neighbour(int node, int i) {
    return adj[node][i];
  }

  /** The score of the edge to the {@code i}-th neighbour. */
  double score(int node, int i) {
    return weight[node][i];
  }
}
