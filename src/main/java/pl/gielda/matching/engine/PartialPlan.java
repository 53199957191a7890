package pl.gielda.matching.engine;

/**
 * A solution of a deal-packing sub-problem: candidates chosen (a shared linked list, so branches
 * cost no copies) and their total weight. If {@code exact}, {@code value} is the sub-problem's
 * optimum; otherwise its optimum is at most the value the search was asked to beat.
 */
record PartialPlan(double value, PartialPlan.Node chosen, boolean exact) {

  static final PartialPlan FAIL = new PartialPlan(Double.NEGATIVE_INFINITY, null, false);
  static final PartialPlan EMPTY = new PartialPlan(0, null, true);

  record Node(int candidate, Node next) {}

  PartialPlan plus(int candidate, double weight) {
    return new PartialPlan(value + weight, new Node(candidate, chosen), exact);
  }

  PartialPlan join(PartialPlan other) {
    Node out = other.chosen;
    for (Node n = chosen; n != null; n = n.next()) {
      out = new Node(n.candidate(), out);
    }
    return new PartialPlan(value + other.value, out, exact && other.exact);
  }
}
