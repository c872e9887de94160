import type { Lang } from '../../../app/model/types';
import type { DiagramFiles, FileRef, OpenedFile } from '../files/types';
import { createStore, type Store } from '../state/store';
import { tokenOf, type DesktopApi } from './api';
import { classify, describeOpenError, describeSaveFailure } from './failures';
import { withDiagramExtension } from '../files/webFiles';
import { fileNameFor, fill, TEXT } from './texts';

/**
 * The desktop edition's side of the renderer: the DiagramFiles the workspace
 * uses (the preload's, plus the conflict question and worded failures) and
 * the questions DesktopBridge shows. Created in main.tsx when the preload is
 * present; DesktopBridge finds it with `desktopSession()`.
 */

export type ConflictChoice = 'saveElsewhere' | 'reload' | 'cancel';

export interface Prompts {
  /** A save found the file changed on disk: what now? */
  readonly conflict: { readonly name: string; readonly answer: (choice: ConflictChoice) => void } | null;
}

export interface Host {
  lang(): Lang;
  /** Loads a file read again from disk (the workspace's openBytes). */
  load(file: OpenedFile): void;
  toast(level: 'info' | 'error', text: string): void;
}

export interface DesktopSession {
  readonly api: DesktopApi;
  readonly files: DiagramFiles;
  readonly prompts: Store<Prompts>;
  attach(host: Host): void;
}

export function createDesktopSession(api: DesktopApi): DesktopSession {
  const prompts = createStore<Prompts>({ conflict: null });
  let host: Host | null = null;
  const lang = (): Lang => host?.lang() ?? 'en';

  function askConflict(name: string): Promise<ConflictChoice> {
    return new Promise((resolve) => {
      prompts.set({
        conflict: {
          name,
          answer: (choice) => {
            prompts.set({ conflict: null });
            resolve(choice);
          },
        },
      });
    });
  }

  /** Runs a save; a conflict asks the user, anything else throws a worded reason (the workspace shows it). */
  async function guarded(text: string, suggestedName: string, ref: FileRef | null, write: () => Promise<FileRef | null>): Promise<FileRef | null> {
    try {
      return await write();
    } catch (error) {
      const failure = classify(error);
      if (failure.kind !== 'conflict') throw new Error(describeSaveFailure(failure, lang()), { cause: error });
      const name = ref?.name ?? suggestedName;
      const choice = await askConflict(name);
      if (choice === 'saveElsewhere') return guarded(text, suggestedName, null, () => api.files.saveAs(text, suggestedName));
      if (choice === 'reload') {
        const token = tokenOf(ref);
        try {
          const opened = token === null ? null : await api.reload(token);
          if (opened) host?.load(opened);
        } catch (e) {
          host?.toast('error', fill(TEXT.reloadFailed[lang()], { name, why: describeSaveFailure(classify(e), lang()) }));
        }
      }
      // Nothing was saved: the workspace treats it like a cancel.
      return null;
    }
  }

  // A diagram title may hold "/" or a line break; main accepts a plain file name only.
  const diagramName = (name: string): string => withDiagramExtension(fileNameFor(name));

  const files: DiagramFiles = {
    edition: 'desktop',
    async open() {
      try {
        return await api.files.open();
      } catch (error) {
        throw new Error(describeOpenError(error, lang()), { cause: error });
      }
    },
    save: (text, ref, name) => {
      const suggestedName = diagramName(name);
      return guarded(text, suggestedName, ref, () => api.files.save(text, ref, suggestedName));
    },
    saveAs: (text, name) => {
      const suggestedName = diagramName(name);
      return guarded(text, suggestedName, null, () => api.files.saveAs(text, suggestedName));
    },
    async exportFile(data, name, mime) {
      try {
        return await api.files.exportFile(data, fileNameFor(name), mime);
      } catch (error) {
        throw new Error(describeSaveFailure(classify(error), lang()), { cause: error });
      }
    },
  };

  return {
    api,
    files,
    prompts,
    attach(h) {
      host = h;
    },
  };
}

let current: DesktopSession | null = null;

/** Called once by main.tsx in the desktop edition. */
export function installDesktopSession(session: DesktopSession): void {
  current = session;
}

/** The desktop session, or null in the web edition. */
export function desktopSession(): DesktopSession | null {
  return current;
}
