/**
 * The one file interface of the renderer. The web edition implements it with
 * the File System Access API (or upload/download where a browser lacks it);
 * the desktop shell implements it over IPC. The rest of the UI never knows which.
 */
export interface FileRef {
  /** Name shown in the title bar, e.g. `web.kumozu.json`. */
  readonly name: string;
  /** Whatever the implementation needs to write to the same file again. */
  readonly handle?: unknown;
}

export interface OpenedFile {
  readonly ref: FileRef;
  readonly bytes: Uint8Array;
}

export interface DiagramFiles {
  readonly edition: 'web' | 'desktop';
  /** Asks the user for a file; null when they cancel. */
  open(): Promise<OpenedFile | null>;
  /** Writes to `ref` when it can be written again, else asks where; null when cancelled. */
  save(text: string, ref: FileRef | null, suggestedName: string): Promise<FileRef | null>;
  /** Always asks where; null when cancelled. */
  saveAs(text: string, suggestedName: string): Promise<FileRef | null>;
  /** Writes an export (image or Markdown) where the user chooses; null when cancelled. */
  exportFile(data: Uint8Array | string, suggestedName: string, mime: string): Promise<FileRef | null>;
}

export const DIAGRAM_EXTENSION = '.kumozu.json';
