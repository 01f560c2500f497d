import { withSyntaxTree } from '../parse-source.js';
import { walkTree } from '../tree-walk.js';
import type { KeyedDialect } from './data-tree.js';

/**
 * The comments of a data file, each trimmed, in file order: from each format's own lexer (a `#`
 * inside a YAML block scalar or a JSON string is not a comment). TOML has no lexer that reports
 * comments, so only whole-line TOML comments count there. Parsers load on first use: a run that
 * never meets a data file never pays for them.
 */
export async function commentsOf(dialect: KeyedDialect, text: string): Promise<string[]> {
  switch (dialect) {
    case 'json':
    case 'jsonc': {
      const { visit } = await import('jsonc-parser');
      const comments: string[] = [];
      visit(text, { onComment: (offset, length) => comments.push(text.slice(offset, offset + length).trim()) }, { allowTrailingComma: true, disallowComments: false });
      return comments;
    }
    case 'yaml': {
      const { Lexer } = await import('yaml');
      return [...new Lexer().lex(text)].filter((token) => token.startsWith('#')).map((token) => token.trim());
    }
    case 'toml':
      return text
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.startsWith('#'));
    case 'ini':
      return withSyntaxTree('ini', text, (tree) => {
        const comments: string[] = [];
        walkTree(tree.rootNode, (cursor) => {
          if (cursor.nodeType === 'comment') comments.push(cursor.currentNode.text.trim());
          return cursor.nodeType !== 'comment';
        });
        return comments;
      });
  }
}
