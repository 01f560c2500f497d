/** One model reply for one file, after fence stripping and newline restoration, ready to be checked. */
export interface ProposedFile {
  path: string;
  /** undefined: the task creates the file. */
  original: string | undefined;
  proposed: string;
  instruction: string;
  /** The provider's stop reason; 'length' means the reply was cut off. */
  doneReason: string | undefined;
  /** Symbols the task names: these may change. */
  intendedSymbols: string[];
  /** The instruction asks to remove something, so lost lines and symbols are expected. */
  mayRemoveSymbols: boolean;
  /** Other files of the repository the model saw or that exist (to recognise a reply meant for another file). */
  otherFiles: { path: string; content: string }[];
  /**
   * Blob id → tracked path, covering at least the ids of the reply itself (copyBlobIds), so a
   * reply that copies any file of the repository is recognised by hashing the reply, without
   * reading those files or listing every blob id.
   */
  trackedBlobIds?: ReadonlyMap<string, string>;
  /** The model replaced only the named symbols, which were spliced back into the file. */
  symbolMode?: boolean;
}

/** What the model is asked to send back, for feedback messages. */
export function expectedReply(file: ProposedFile): string {
  if (file.symbolMode) return `the complete new source of ${file.intendedSymbols.join(', ') || 'the named symbols'} only`;
  return `the complete new content of ${file.path}`;
}
