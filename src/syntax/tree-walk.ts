import type { Node, TreeCursor } from 'web-tree-sitter';

/**
 * Visits the nodes under `root` in source order, each before its children, with one cursor:
 * creating a Node object per node would dominate the cost on large files. `visit` sees the
 * cursor on each node (valid only during the call) and returns whether to go into its children.
 */
export function walkTree(root: Node, visit: (cursor: TreeCursor) => boolean): void {
  const cursor = root.walk();
  try {
    let descending = true;
    for (;;) {
      if (descending && visit(cursor) && cursor.gotoFirstChild()) continue;
      if (cursor.gotoNextSibling()) {
        descending = true;
        continue;
      }
      if (!cursor.gotoParent()) break;
      descending = false;
    }
  } finally {
    cursor.delete();
  }
}
