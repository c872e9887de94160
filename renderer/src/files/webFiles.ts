import { DIAGRAM_EXTENSION, type DiagramFiles, type FileRef, type OpenedFile } from './types';

/**
 * Files for the web edition. Where the browser has the File System Access API
 * (Chromium), Open and Save work on real files and Save writes back in place;
 * elsewhere Open uploads and Save downloads.
 */

interface WritableLike {
  write(data: Blob): Promise<void>;
  close(): Promise<void>;
}
interface FileHandleLike {
  readonly kind: 'file';
  readonly name: string;
  getFile(): Promise<File>;
  createWritable(): Promise<WritableLike>;
}
interface PickerWindow {
  showOpenFilePicker?: (options: object) => Promise<FileHandleLike[]>;
  showSaveFilePicker?: (options: object) => Promise<FileHandleLike>;
}

const pickerTypes = [
  {
    description: 'Kumozu diagram',
    accept: { 'application/json': ['.json'], 'image/png': ['.png'], 'image/svg+xml': ['.svg'] },
  },
];

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function isHandle(value: unknown): value is FileHandleLike {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'file' && 'createWritable' in value;
}

function uploadFile(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.json,.kumozu.json,.png,.svg,application/json,image/png,image/svg+xml';
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve(null);
      input.remove();
    });
    document.body.append(input);
    input.click();
  });
}

function download(data: BlobPart, name: string, mime = 'application/json'): FileRef {
  const url = URL.createObjectURL(new Blob([data], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { name };
}

export function withDiagramExtension(name: string): string {
  const trimmed = name.trim().replace(/[\\/:*?"<>|]+/g, '-') || 'diagram';
  return trimmed.endsWith(DIAGRAM_EXTENSION) ? trimmed : `${trimmed.replace(/\.json$/, '')}${DIAGRAM_EXTENSION}`;
}

export function createWebFiles(win: Window = window): DiagramFiles {
  const pickers = win as unknown as PickerWindow;

  async function writeTo(handle: FileHandleLike, data: BlobPart, mime = 'application/json'): Promise<FileRef> {
    const writable = await handle.createWritable();
    await writable.write(new Blob([data], { type: mime }));
    await writable.close();
    return { name: handle.name, handle };
  }

  async function saveAs(text: string, suggestedName: string): Promise<FileRef | null> {
    const name = withDiagramExtension(suggestedName);
    if (!pickers.showSaveFilePicker) return download(text, name);
    try {
      const handle = await pickers.showSaveFilePicker({ suggestedName: name, types: pickerTypes.slice(0, 1) });
      return await writeTo(handle, text);
    } catch (error) {
      if (isAbort(error)) return null;
      throw error;
    }
  }

  return {
    edition: 'web',
    async open(): Promise<OpenedFile | null> {
      if (pickers.showOpenFilePicker) {
        try {
          const [handle] = await pickers.showOpenFilePicker({ types: pickerTypes, multiple: false });
          if (!handle) return null;
          const file = await handle.getFile();
          return { ref: { name: handle.name, handle }, bytes: new Uint8Array(await file.arrayBuffer()) };
        } catch (error) {
          if (isAbort(error)) return null;
          throw error;
        }
      }
      const file = await uploadFile();
      if (!file) return null;
      return { ref: { name: file.name }, bytes: new Uint8Array(await file.arrayBuffer()) };
    },
    async save(text, ref, suggestedName) {
      if (ref && isHandle(ref.handle)) return writeTo(ref.handle, text);
      return saveAs(text, ref?.name ?? suggestedName);
    },
    saveAs,
    async exportFile(data, suggestedName, mime) {
      // Copy into a fresh ArrayBuffer-backed array: a Blob part must not be a view of shared memory.
      const part: BlobPart = typeof data === 'string' ? data : new Uint8Array(data);
      if (!pickers.showSaveFilePicker) return download(part, suggestedName, mime);
      const ext = suggestedName.slice(suggestedName.lastIndexOf('.'));
      try {
        const handle = await pickers.showSaveFilePicker({ suggestedName, types: [{ description: suggestedName, accept: { [mime]: [ext] } }] });
        return await writeTo(handle, part, mime);
      } catch (error) {
        if (isAbort(error)) return null;
        throw error;
      }
    },
  };
}
