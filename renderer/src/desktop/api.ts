import type { DiagramFiles, FileRef, OpenedFile } from '../files/types';

/**
 * The desktop shell's preload API (main/electron/preload.ts), as the page
 * sees it: one function per IPC message, plus event subscriptions. Types are
 * restated here because the renderer may not import from main/ (layering);
 * main/electron/ipc-contract.ts is the authority and validates everything.
 */

export type MenuName = 'file' | 'edit' | 'view' | 'help';

export interface MenuItemSpec {
  readonly id: string;
  readonly menu: MenuName;
  readonly label: string;
  readonly accelerators: readonly string[];
  readonly enabled: boolean;
  readonly checked: boolean | null;
  readonly separatorBefore: boolean;
}

export interface MenuSpec {
  readonly lang: 'en' | 'ja';
  readonly items: readonly MenuItemSpec[];
}

export interface DraftInfo {
  readonly id: string;
  readonly title: string;
  readonly savedAt: number;
}

export type EditCommand = 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'delete' | 'selectAll';

export interface DesktopApi {
  readonly files: DiagramFiles;
  openRecent(token: string): Promise<OpenedFile | null>;
  /** Reads the file behind a token again (after a save conflict). */
  reload(token: string): Promise<OpenedFile | null>;
  recentFiles(): Promise<readonly { token: string; name: string }[]>;
  readonly drafts: {
    list(): Promise<readonly DraftInfo[]>;
    write(id: string, title: string, text: string): Promise<boolean>;
    restore(id: string): Promise<string | null>;
    discard(id: string): Promise<boolean>;
  };
  setTitle(title: string): Promise<null>;
  setDirty(dirty: boolean): Promise<null>;
  setMenu(spec: MenuSpec): Promise<null>;
  confirmClose(): Promise<null>;
  closeAcknowledged(): Promise<null>;
  editText(command: EditCommand): Promise<null>;
  onMenu(listener: (actionId: string) => void): () => void;
  onOpened(listener: (file: OpenedFile) => void): () => void;
  /** A file main was asked to open could not be: its name (never a path) and why (an open failure reason). */
  onOpenFailed(listener: (failure: { name: string; reason: string }) => void): () => void;
  onCloseRequest(listener: () => void): () => void;
}

declare global {
  interface Window {
    /** Present only in the desktop app (set by its preload). */
    kumozuDesktop?: DesktopApi;
  }
}

/** The token main gave for a file, when the ref came from the desktop shell. */
export function tokenOf(ref: FileRef | null): string | null {
  return ref !== null && typeof ref.handle === 'string' ? ref.handle : null;
}
